/* bench-backup.c: a backup of a large school and the check before a
 * restore.
 *
 * Targets (issue 8): back up a database with 100,000 students and a year
 * of night checks ≤ 2 s; the restore check (nt_backup_inspect: integrity,
 * foreign keys, schema, counts) ≤ 2 s.
 *
 * The school is written with SQL in one transaction: 100,000 students, of
 * whom 5,000 board, in 5,000 beds; one check per building and night for
 * 365 nights, an entry per boarder (1,825,000 entries).
 *
 * Run: meson test -C build --benchmark --suite bench backup -v
 */
#include "config.h"

#include <glib/gstdio.h>

#include "nt-backup.h"
#include "nt-test-util.h"

#define N_STUDENTS 100000
#define N_BOARDERS 5000
#define N_NIGHTS   365
#define N_RUNS     3

static void
exec (NtStore    *store,
      const char *sql)
{
  char *msg = NULL;

  if (sqlite3_exec (nt_store_get_db (store), sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("building the school: %s", msg);
}

static void
build_school (NtStore *store)
{
  g_autofree char *sql = g_strdup_printf (
    "BEGIN;"
    "INSERT INTO school (id, name, school_year) VALUES (1, 'Trường PTDTNT thử tải', '2025-2026');"
    "INSERT INTO staff (id, code, full_name, name_key, search_text, gender, role) VALUES "
    "  (1, 'CB1', 'Giám Thị Một', vi_name_key ('Giám Thị Một'), 'giam thi mot', 'M', 'supervisor');"
    "INSERT INTO buildings (id, name, gender, floors) VALUES (1, 'Nhà A', 'M', 5), (2, 'Nhà B', 'F', 5);"
    "WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < 49) "
    "INSERT INTO classes (id, name, grade) SELECT i + 1, 'L' || i, 6 + i %% 7 FROM c;"
    "WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < %d - 1) "
    "INSERT INTO rooms (id, building_id, floor, number, capacity, gender) "
    "  SELECT i + 1, 1 + (i >= %d / 2), 1 + i %% 5, 'P' || i, 10, CASE WHEN i >= %d / 2 THEN 'F' ELSE 'M' END FROM r;"
    "WITH RECURSIVE b(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM b WHERE i < %d - 1) "
    "INSERT INTO beds (id, room_id, label) SELECT i + 1, i / 10 + 1, 1 + i %% 10 FROM b;"
    "WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < %d - 1) "
    "INSERT INTO students (id, code, full_name, name_key, search_text, gender, birth_date, class_id, boarding) "
    "  SELECT i + 1, 'HS' || i, 'Học Sinh ' || i, vi_name_key ('Học Sinh ' || i), 'hoc sinh ' || i, "
    "         CASE WHEN i < %d / 2 THEN 'M' WHEN i < %d THEN 'F' ELSE 'M' END, '2010-01-01', 1 + i %% 50, "
    "         CASE WHEN i < %d THEN 'boarding' ELSE 'day' END FROM s;"
    "INSERT INTO bed_assignments (student_id, bed_id, start_date) SELECT id, id, '2025-01-01' FROM students WHERE id <= %d;"
    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < %d - 1) "
    "INSERT INTO night_checks (id, night, building_id, supervisor_id, started_at, closed_at) "
    "  SELECT 2 * i + b.id, date ('2025-01-01', '+' || i || ' days'), b.id, 1, '21:30', '22:00' FROM n, buildings b;"
    "INSERT INTO night_check_entries (check_id, student_id, bed_id, status, marked_at) "
    "  SELECT c.id, a.student_id, a.bed_id, 'present', c.night || ' 21:40' FROM night_checks c "
    "  JOIN beds bd ON 1 JOIN rooms r ON r.id = bd.room_id AND r.building_id = c.building_id "
    "  JOIN bed_assignments a ON a.bed_id = bd.id;"
    "COMMIT;",
    N_BOARDERS / 10, N_BOARDERS / 10, N_BOARDERS / 10, N_BOARDERS,
    N_STUDENTS, N_BOARDERS, N_BOARDERS, N_BOARDERS, N_BOARDERS, N_NIGHTS);
  exec (store, sql);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(NtStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  double best_copy = G_MAXDOUBLE, best_check = G_MAXDOUBLE;
  GStatBuf st;

  nt_test_init (&argc, &argv);
  store = nt_test_new_store ();
  build_school (store);
  path = g_strdup (nt_store_get_path (store));
  g_assert_cmpint (g_stat (path, &st), ==, 0);

  for (int run = 0; run < N_RUNS; run++)
    {
      g_autofree char *name = g_strdup_printf ("bench-backup-%d.db", run);
      g_autofree char *dest = nt_test_tmp_path (name);
      g_autoptr(NtBackupInfo) info = NULL;
      gint64 t0 = g_get_monotonic_time ();

      if (!nt_backup_copy (path, dest, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      best_copy = MIN (best_copy, (g_get_monotonic_time () - t0) / 1000.0);

      t0 = g_get_monotonic_time ();
      info = nt_backup_inspect (dest, &error);
      if (info == NULL)
        g_error ("%s", error->message);
      best_check = MIN (best_check, (g_get_monotonic_time () - t0) / 1000.0);
      if (info->students != N_STUDENTS)
        g_error ("the copy holds %" G_GINT64_FORMAT " students", info->students);
      g_remove (dest);
    }

  g_print ("backup of %d students and %d nights (%.0f MB): %.0f ms (target ≤ 2000 ms); "
           "restore check: %.0f ms (target ≤ 2000 ms)\n",
           N_STUDENTS, N_NIGHTS, st.st_size / 1e6, best_copy, best_check);
  return best_copy <= 2000 && best_check <= 2000 ? 0 : 1;
}
