/* make-schema-001.c: writes schema-001.db, a small school in the first
 * released schema (001-initial.sql as released), the fixture with which
 * test-migrations checks that an upgrade keeps every record.
 *
 * Not built by meson: the fixture is made once per released schema and
 * kept. To make it again (from the repository's root, after a build):
 *
 *   git show <release>:src/core/migrations/001-initial.sql > /tmp/001.sql
 *   gcc -I build -I src/core tests/data/make-schema-001.c \
 *       build/src/core/libnoitru-core.a.p/nt-vntext.c.o \
 *       build/src/core/libnoitru-core.a.p/nt-error.c.o \
 *       $(pkg-config --cflags --libs glib-2.0 sqlite3) -o /tmp/make-schema-001
 *   /tmp/make-schema-001 /tmp/001.sql tests/data/schema-001.db
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>

#include "nt-vntext.h"

static const char data[] =
  "INSERT INTO school (id, name, address, principal, authority, school_year, curfew) VALUES "
  " (1, 'Trường PTDTNT huyện Phong Thổ', 'Thị trấn Phong Thổ, Lai Châu', 'Lò Văn Thành', 'UBND huyện Phong Thổ', '2025-2026', '21:30');"
  "INSERT INTO staff (id, code, full_name, name_key, search_text, gender, role, phone) VALUES "
  " (1, 'CB01', 'Lò Văn Thành', vi_name_key ('Lò Văn Thành'), vi_fold ('CB01 Lò Văn Thành'), 'M', 'principal', '0912000001'),"
  " (2, 'CB02', 'Tòng Thị Hoa', vi_name_key ('Tòng Thị Hoa'), vi_fold ('CB02 Tòng Thị Hoa'), 'F', 'supervisor', '0912000002'),"
  " (3, 'CB03', 'Vàng A Sử', vi_name_key ('Vàng A Sử'), vi_fold ('CB03 Vàng A Sử'), 'M', 'guard', '');"
  "INSERT INTO classes (id, name, grade, homeroom_id) VALUES (1, '10A1', 10, 2), (2, '11A1', 11, NULL);"
  "INSERT INTO students (id, code, full_name, name_key, search_text, gender, birth_date, class_id, ethnicity, "
  "  home_commune, guardian_name, guardian_phone, boarding, priority, active, left_on, left_reason) VALUES "
  " (1, 'HS001', 'Giàng A Chứ', vi_name_key ('Giàng A Chứ'), vi_fold ('HS001 Giàng A Chứ'), 'M', '2010-09-05', 1, 'Mông', 'Xã Sì Lở Lầu', 'Giàng A Páo', '0987000001', 'boarding', 'ethnic_minority', 1, NULL, ''),"
  " (2, 'HS002', 'Lò Thị Pằng', vi_name_key ('Lò Thị Pằng'), vi_fold ('HS002 Lò Thị Pằng'), 'F', '2010-03-07', 1, 'Thái', 'Xã Mường So', 'Lò Văn Ún', '0987000002', 'boarding', '', 1, NULL, ''),"
  " (3, 'HS003', 'Đặng Văn Đức', vi_name_key ('Đặng Văn Đức'), vi_fold ('HS003 Đặng Văn Đức'), 'M', '2009-12-12', 2, 'Dao', 'Xã Bản Lang', '', '', 'boarding', '', 1, NULL, ''),"
  " (4, 'HS004', 'Hoàng Thị Ngần', vi_name_key ('Hoàng Thị Ngần'), vi_fold ('HS004 Hoàng Thị Ngần'), 'F', '2009-06-30', 2, 'Giáy', '', '', '', 'semi', '', 1, NULL, ''),"
  " (5, 'HS005', 'Lý Văn Lả', vi_name_key ('Lý Văn Lả'), vi_fold ('HS005 Lý Văn Lả'), 'M', '2009-01-20', 2, 'Hà Nhì', '', '', '', 'boarding', '', 0, '2025-10-15', 'Chuyển trường');"
  "INSERT INTO buildings (id, name, gender, floors, assembly_point) VALUES (1, 'Nhà A', 'M', 2, 'Sân trước'), (2, 'Nhà B', 'F', 1, 'Sân sau');"
  "INSERT INTO rooms (id, building_id, floor, number, capacity, gender) VALUES (1, 1, 1, 'A101', 2, 'M'), (2, 2, 1, 'B101', 2, 'F');"
  "INSERT INTO beds (id, room_id, label) VALUES (1, 1, '1'), (2, 1, '2'), (3, 2, '1'), (4, 2, '2');"
  "INSERT INTO bed_assignments (student_id, bed_id, start_date, end_date, reason) VALUES "
  " (1, 1, '2025-09-01', NULL, ''), (3, 2, '2025-09-01', NULL, ''), (2, 3, '2025-09-01', NULL, ''),"
  " (5, 2, '2025-05-01', '2025-06-30', 'Hè');"
  "INSERT INTO leaves (id, student_id, from_time, to_time, reason, destination, state, approved_by) VALUES "
  " (1, 2, '2025-10-17 16:30', '2025-10-19 17:00', 'home', 'Xã Mường So', 'returned', 1);"
  "INSERT INTO night_checks (id, night, building_id, supervisor_id, started_at, closed_at) VALUES "
  " (1, '2025-10-18', 2, 2, '2025-10-18 21:30', '2025-10-18 21:50');"
  "INSERT INTO night_check_entries (check_id, student_id, bed_id, status, marked_at, leave_id) VALUES "
  " (1, 2, 3, 'leave', '2025-10-18 21:35', 1);";

int
main (int   argc,
      char *argv[])
{
  g_autofree char *schema = NULL;
  sqlite3 *db = NULL;
  char *msg = NULL;
  GError *error = NULL;

  if (argc != 3)
    {
      fprintf (stderr, "usage: %s 001-initial.sql schema-001.db\n", argv[0]);
      return 2;
    }
  if (!g_file_get_contents (argv[1], &schema, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  g_remove (argv[2]);
  if (sqlite3_open (argv[2], &db) != SQLITE_OK || !nt_vn_register_sqlite (db, &error))
    return 1;
  if (sqlite3_exec (db, "PRAGMA foreign_keys = ON; BEGIN", NULL, NULL, &msg) != SQLITE_OK ||
      sqlite3_exec (db, schema, NULL, NULL, &msg) != SQLITE_OK ||
      sqlite3_exec (db, data, NULL, NULL, &msg) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA user_version = 1; COMMIT; VACUUM", NULL, NULL, &msg) != SQLITE_OK)
    {
      fprintf (stderr, "%s\n", msg);
      return 1;
    }
  sqlite3_close (db);
  return 0;
}
