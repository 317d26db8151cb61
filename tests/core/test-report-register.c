/* test-report-register.c: the boarding-student register and the
 * temporary-residence list, read back by an independent reader
 * (python3-openpyxl, tests/core/read-xlsx.py) */
#define G_LOG_DOMAIN "test-report-register"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "nt-error.h"
#include "nt-report.h"
#include "nt-reports.h"
#include "nt-school.h"
#include "nt-students.h"
#include "nt-test-util.h"
#include "report-fixture.h"

#define FORMULA_NAME  "=HYPERLINK(\"x\")"
#define REPORT_DATE   "2026-11-26"

/* ----- a small school ------------------------------------------------------------- */

typedef struct
{
  const char *code;
  const char *name;
  const char *gender;
  const char *birth;
  const char *class_name;
  const char *ethnicity;
  const char *personal_id;
  const char *address;
  const char *commune;
  const char *guardian;
  const char *phone;
  const char *boarding;
  const char *priority;
  const char *health;
} Pupil;

static const Pupil pupils[] = {
  /* Inserted out of order: the reports sort them. */
  { "R05", "Trần Văn Đức", "M", "2010-07-01", "10A1", "Kinh", "012345678905", "Bản Mới", "xã Bình Lư",
    "Trần Văn Hùng", "0912000005", "boarding", "", "" },
  { "R01", "Lò Văn An", "M", "2010-03-05", "10A1", "Thái", "012345678901", "Bản Nà Tăm", "xã Bản Hon",
    "Lò Văn Pọm", "0912000001", "boarding", "ethnic_minority,poor_household", "Dị ứng hải sản" },
  { "R02", "Nguyễn Thị Ánh", "F", "2010-01-20", "10A1", "Kinh", NULL, "Tổ 3, xã Bản Giang", "Xã Bản Giang",
    "Nguyễn Văn Hải", "0912000002", "boarding", "", "" },
  { "R03", FORMULA_NAME, "M", "2010-05-05", "10A2", "Mông", "012345678903", "", "xã Sin Suối Hồ",
    "@Giàng A Lử", "", "boarding", "orphan", "=1+1" },
  { "R04", "Mùa Thị Chi", "F", "2009-07-07", "11A1", "Mông", "012345678904", "Bản Hồ", "",
    "Mùa A Sình", "0912000004", "boarding", "female,ethnic_minority", "Hen suyễn" },
  { "R06", "Hoàng Văn Dũng", "M", "2010-06-15", "10A1", "Dao", NULL, "Bản Thẳm", "xã Nùng Nàng",
    "Hoàng Văn Lìn", "0912000006", "boarding", "", "" },
  { "R07", "Vàng A Páo", "M", "2010-08-08", "10A1", "Mông", "012345678907", "Bản Lùng", "xã Khun Há",
    "Vàng A Chư", "0912000007", "semi", "", "" },
  { "R08", "Giàng A Sử", "M", "2010-09-09", "10A1", "Mông", "012345678908", "", "", "", "", "boarding", "", "" },
  { "R09", "Lò Thị Bình", "F", "2010-12-31", "10A1", "Thái", "012345678909", "Bản Giang", "xã Bản Giang",
    "Lò Văn Ón", "0912000009", "boarding", "female", "" },
  { "R10", "Hà Văn Tú", "M", "2010-10-10", "10A1", "Tày", "012345678910", "", "", "", "", "day", "", "" },
};

static NtStore *
school_new (void)
{
  NtStore *store = fx_school_new ();
  g_autoptr(GHashTable) classes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (classes, (char *) "11A1", GSIZE_TO_POINTER (nt_classes_add (store, "11A1", 11, &error)));
  g_hash_table_insert (classes, (char *) "10A2", GSIZE_TO_POINTER (nt_classes_add (store, "10A2", 10, &error)));
  g_hash_table_insert (classes, (char *) "10A1", GSIZE_TO_POINTER (nt_classes_add (store, "10A1", 10, &error)));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (pupils); i++)
    {
      const Pupil *p = &pupils[i];
      g_autoptr(NtStudent) st = nt_student_new ();

      nt_student_set_text (st, "code", p->code);
      nt_student_set_text (st, "full-name", p->name);
      nt_student_set_text (st, "gender", p->gender);
      nt_student_set_text (st, "birth-date", p->birth);
      nt_student_set_text (st, "ethnicity", p->ethnicity);
      if (p->personal_id)
        nt_student_set_text (st, "personal-id", p->personal_id);
      nt_student_set_text (st, "home-address", p->address);
      nt_student_set_text (st, "home-commune", p->commune);
      nt_student_set_text (st, "guardian-name", p->guardian);
      nt_student_set_text (st, "guardian-phone", p->phone);
      nt_student_set_text (st, "boarding", p->boarding);
      nt_student_set_text (st, "priority", p->priority);
      nt_student_set_text (st, "health-notes", p->health);
      st->class_id = GPOINTER_TO_SIZE (g_hash_table_lookup (classes, p->class_name));
      g_assert_cmpint (st->class_id, >, 0);
      g_assert_true (nt_students_insert_unchecked (store, st, &error));
      g_assert_no_error (error);
    }

  /* Beds: Đức moved from A101 to A102 on 15/10 (one stay since 01/09); Dũng
   * left the dorm on 20/09 and came back on 05/10 (a new stay); Sử had a
   * bed until he left the school; Páo is half-boarding but sleeps there. */
  fx_exec (store,
           "INSERT INTO buildings (id, name, gender, floors) VALUES (1, 'Nhà A', 'M', 2), (2, 'Nhà B', 'F', 2);"
           "INSERT INTO rooms (id, building_id, floor, number, capacity, gender) VALUES "
           "  (1, 1, 1, 'A101', 4, 'M'), (2, 1, 1, 'A102', 2, 'M'), (3, 2, 2, 'B201', 3, 'F');"
           "INSERT INTO beds (id, room_id, label) VALUES (1, 1, '1'), (2, 1, '2'), (3, 1, '3'), (4, 1, '4'),"
           "  (5, 2, '1'), (6, 2, '2'), (7, 3, '1'), (8, 3, '2'), (9, 3, '3');"
           "CREATE TEMP TABLE plan (code TEXT, bed INTEGER, start TEXT, end TEXT);"
           "INSERT INTO plan VALUES"
           "  ('R05', 3, '2026-09-01', '2026-10-15'), ('R05', 5, '2026-10-15', NULL),"
           "  ('R01', 3, '2026-10-16', NULL),"
           "  ('R06', 1, '2026-09-01', '2026-09-20'), ('R06', 1, '2026-10-05', NULL),"
           "  ('R03', 2, '2026-09-02', NULL),"
           "  ('R07', 6, '2026-09-01', NULL),"
           "  ('R08', 4, '2026-09-01', '2026-10-01'),"
           "  ('R09', 7, '2026-09-01', NULL), ('R02', 8, '2026-09-01', NULL);"
           "INSERT INTO bed_assignments (student_id, bed_id, start_date, end_date) "
           "  SELECT s.id, p.bed, p.start, p.end FROM plan p JOIN students s ON s.code = p.code ORDER BY p.rowid;"
           "DROP TABLE plan;");
  g_assert_true (nt_students_mark_left (store, nt_students_find_by_code (store, "R08"),
                                        "2026-10-01", "Chuyển trường", &error));
  g_assert_no_error (error);
  return store;
}

static char *
write_report (NtStore    *store,
              const char *name,
              const char *file)
{
  NtReportOptions options = { .date = REPORT_DATE };
  char *path = nt_test_tmp_path (file);
  g_autoptr(GError) error = NULL;

  g_assert_true (nt_reports_write (store, name, &options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* Title, subtitle, header row and print setup of a report's only sheet. */
static void
assert_layout (Xlsx              *x,
               const char        *sheet,
               const char        *title,
               const char        *subtitle,
               const char *const *headers,
               int                n_columns)
{
  g_autofree char *title_range = g_strdup_printf ("A4:%c4", 'A' + n_columns - 1);
  Cell *cell = fx_cell (x, sheet, "A4");

  g_assert_nonnull (cell);
  g_assert_cmpstr (cell->value, ==, title);
  g_assert_true (cell->bold);
  g_assert_true (fx_merged (x, sheet, title_range));
  g_assert_cmpstr (fx_value (x, sheet, "A5"), ==, subtitle);
  g_assert_cmpstr (fx_value (x, sheet, "A2"), ==, "TRƯỜNG PTDTNT THPT TAM ĐƯỜNG");
  for (int c = 0; c < n_columns; c++)
    {
      g_autofree char *where = fx_coord (c, 7);
      Cell *head = fx_cell (x, sheet, where);

      g_assert_nonnull (head);
      g_assert_cmpstr (head->value, ==, headers[c]);
      g_assert_true (head->bold);
    }
  /* Exactly n_columns columns. */
  {
    g_autofree char *beyond = fx_coord (n_columns, 7);
    g_assert_null (fx_cell (x, sheet, beyond));
  }
  g_assert_cmpstr (fx_setup (x, sheet, "orientation"), ==, "landscape");
  g_assert_cmpstr (fx_setup (x, sheet, "paper"), ==, "9");
  g_assert_cmpstr (fx_setup (x, sheet, "fit_to_page"), ==, "1");
  g_assert_cmpstr (fx_setup (x, sheet, "fit_width"), ==, "1");
  g_assert_cmpstr (fx_setup (x, sheet, "fit_height"), ==, "0");
  g_assert_cmpstr (fx_setup (x, sheet, "title_rows"), ==, "7:7");
}

/* ----- the tests ---------------------------------------------------------------------- */

static void
test_registry (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autofree char *path = nt_test_tmp_path ("none.xlsx");
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (nt_reports_find ("register"));
  g_assert_nonnull (nt_reports_find ("residence"));
  g_assert_true (nt_reports_find ("register")->write == nt_report_register);
  g_assert_true (nt_reports_find ("residence")->write == nt_report_residence);
  g_assert_false (nt_reports_write (store, "nothing", NULL, path, NULL, NULL, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "register"));
  g_assert_nonnull (strstr (error->message, "residence"));
}

static void
test_register (void)
{
  g_autoptr(NtStore) store = school_new ();
  g_autofree char *path = write_report (store, "register", "register.xlsx");
  g_autoptr(Xlsx) x = fx_read_xlsx (path);
  g_autofree char *subtitle = g_strdup_printf (_("School year %s"), "2026-2027");
  g_autofree char *group_10a1 = g_strdup_printf (_("Class %s"), "10A1");
  g_autofree char *group_10a2 = g_strdup_printf (_("Class %s"), "10A2");
  g_autofree char *group_11a1 = g_strdup_printf (_("Class %s"), "11A1");
  g_autofree char *an_bed = g_strdup_printf (_("%s - room %s - bed %s"), "Nhà A", "A101", "3");
  g_autofree char *anh_bed = g_strdup_printf (_("%s - room %s - bed %s"), "Nhà B", "B201", "2");
  g_autofree char *binh_bed = g_strdup_printf (_("%s - room %s - bed %s"), "Nhà B", "B201", "1");
  g_autofree char *dung_bed = g_strdup_printf (_("%s - room %s - bed %s"), "Nhà A", "A101", "1");
  g_autofree char *duc_bed = g_strdup_printf (_("%s - room %s - bed %s"), "Nhà A", "A102", "1");
  g_autofree char *formula_bed = g_strdup_printf (_("%s - room %s - bed %s"), "Nhà A", "A101", "2");
  const char *male = _("Male"), *female = _("Female");
  const char *headers[] = {
    _("No."), _("Full name"), _("Date of birth"), _("Gender"), _("Ethnicity"),
    _("Personal identification number"), _("Permanent residence"), _("Parent's name (guardian)"),
    _("Phone"), _("Priority category"), _("Accommodation"), _("Moved in on"), _("Remarks"),
  };
  /* Active boarders only (not Páo, half-boarding; not Sử, who left; not Tú,
   * a day pupil), by class (grade, then name), in Vietnamese name order;
   * the stay of Đức began before his move, Dũng's when he came back; Chi
   * has no bed yet. */
  const char *expected[] = {
    "#", group_10a1, "", "", "", "", "", "", "", "", "", "", "",
    "1", "Lò Văn An", "2010-03-05", male, "Thái", "012345678901", "Bản Nà Tăm, xã Bản Hon", "Lò Văn Pọm",
    "0912000001", "Người dân tộc thiểu số; Thuộc hộ nghèo, hộ cận nghèo", an_bed, "2026-10-16", "Dị ứng hải sản",
    "2", "Nguyễn Thị Ánh", "2010-01-20", female, "Kinh", "", "Tổ 3, xã Bản Giang", "Nguyễn Văn Hải",
    "0912000002", "", anh_bed, "2026-09-01", "",
    "3", "Lò Thị Bình", "2010-12-31", female, "Thái", "012345678909", "Bản Giang, xã Bản Giang", "Lò Văn Ón",
    "0912000009", "Nữ", binh_bed, "2026-09-01", "",
    "4", "Hoàng Văn Dũng", "2010-06-15", male, "Dao", "", "Bản Thẳm, xã Nùng Nàng", "Hoàng Văn Lìn",
    "0912000006", "", dung_bed, "2026-10-05", "",
    "5", "Trần Văn Đức", "2010-07-01", male, "Kinh", "012345678905", "Bản Mới, xã Bình Lư", "Trần Văn Hùng",
    "0912000005", "", duc_bed, "2026-09-01", "",
    "#", group_10a2, "", "", "", "", "", "", "", "", "", "", "",
    "1", FORMULA_NAME, "2010-05-05", male, "Mông", "012345678903", "xã Sin Suối Hồ", "@Giàng A Lử",
    "", "Mồ côi cả cha lẫn mẹ hoặc mồ côi cha/mẹ", formula_bed, "2026-09-02", "=1+1",
    "#", group_11a1, "", "", "", "", "", "", "", "", "", "", "",
    "1", "Mùa Thị Chi", "2009-07-07", female, "Mông", "012345678904", "Bản Hồ", "Mùa A Sình",
    "0912000004", "Nữ; Người dân tộc thiểu số", "", "", "Hen suyễn",
  };
  guint n_rows = G_N_ELEMENTS (expected) / 13;
  const char *sheet;

  g_assert_cmpuint (x->sheets->len, ==, 1);
  sheet = x->sheets->pdata[0];
  g_assert_cmpstr (sheet, ==, _("Register"));
  assert_layout (x, sheet, _("BOARDING STUDENT REGISTER"), subtitle, headers, 13);
  fx_assert_rows (x, sheet, 8, expected, n_rows, 13);

  /* Types: what looks like a formula, and the identification numbers with
   * their leading zero, stay text; numbers and dates are what they are. */
  g_assert_cmpstr (fx_cell (x, sheet, "B15")->type, ==, "s");
  g_assert_cmpstr (fx_cell (x, sheet, "H15")->type, ==, "s");
  g_assert_cmpstr (fx_cell (x, sheet, "M15")->type, ==, "s");
  g_assert_cmpstr (fx_cell (x, sheet, "F9")->type, ==, "s");
  g_assert_cmpstr (fx_cell (x, sheet, "A9")->type, ==, "n");
  g_assert_cmpstr (fx_cell (x, sheet, "C9")->type, ==, "d");
  g_assert_cmpstr (fx_cell (x, sheet, "L9")->type, ==, "d");
  /* The signature block follows the table. */
  {
    g_autofree char *where = g_strdup_printf ("A%u", 8 + n_rows + 2);
    g_assert_cmpstr (fx_value (x, sheet, where), ==, _("PREPARED BY"));
  }
}

static void
test_residence (void)
{
  g_autoptr(NtStore) store = school_new ();
  g_autofree char *path = write_report (store, "residence", "residence.xlsx");
  g_autoptr(Xlsx) x = fx_read_xlsx (path);
  g_autofree char *subtitle = g_strdup_printf (_("Dormitory of %s, address: %s"), "Trường PTDTNT THPT Tam Đường",
                                               "Bản Giang, huyện Tam Đường, tỉnh Lai Châu");
  g_autofree char *a101 = g_strdup_printf (_("%s - room %s"), "Nhà A", "A101");
  g_autofree char *a102 = g_strdup_printf (_("%s - room %s"), "Nhà A", "A102");
  g_autofree char *b201 = g_strdup_printf (_("%s - room %s"), "Nhà B", "B201");
  g_autofree char *note = g_strdup_printf (ngettext ("%u student has no personal identification number",
                                                     "%u students have no personal identification number", 2),
                                           2u);
  const char *male = _("Male"), *female = _("Female");
  const char *headers[] = {
    _("No."), _("Full name"), _("Date of birth"), _("Gender"), _("Personal identification number"),
    _("Place of permanent residence"), _("Room"), _("Living here since"),
  };
  /* Everyone in a bed now (Páo too, half-boarding), by building, room and
   * name ("=" after letters), numbered through; Chi has no bed and Sử has
   * left; the two without an identification number counted at the end. */
  const char *expected[] = {
    "1", "Lò Văn An", "2010-03-05", male, "012345678901", "Bản Nà Tăm, xã Bản Hon", a101, "2026-10-16",
    "2", "Hoàng Văn Dũng", "2010-06-15", male, "", "Bản Thẳm, xã Nùng Nàng", a101, "2026-10-05",
    "3", FORMULA_NAME, "2010-05-05", male, "012345678903", "xã Sin Suối Hồ", a101, "2026-09-02",
    "4", "Trần Văn Đức", "2010-07-01", male, "012345678905", "Bản Mới, xã Bình Lư", a102, "2026-09-01",
    "5", "Vàng A Páo", "2010-08-08", male, "012345678907", "Bản Lùng, xã Khun Há", a102, "2026-09-01",
    "6", "Nguyễn Thị Ánh", "2010-01-20", female, "", "Tổ 3, xã Bản Giang", b201, "2026-09-01",
    "7", "Lò Thị Bình", "2010-12-31", female, "012345678909", "Bản Giang, xã Bản Giang", b201, "2026-09-01",
    "#", note, "", "", "", "", "", "",
  };
  guint n_rows = G_N_ELEMENTS (expected) / 8;
  const char *sheet;

  g_assert_cmpuint (x->sheets->len, ==, 1);
  sheet = x->sheets->pdata[0];
  g_assert_cmpstr (sheet, ==, _("Temporary residence"));
  assert_layout (x, sheet, _("LIST OF STUDENTS REGISTERED FOR TEMPORARY RESIDENCE IN THE DORMITORY"),
                 subtitle, headers, 8);
  fx_assert_rows (x, sheet, 8, expected, n_rows, 8);

  g_assert_cmpstr (fx_cell (x, sheet, "B10")->type, ==, "s");
  g_assert_cmpstr (fx_cell (x, sheet, "B10")->value, ==, FORMULA_NAME);
  g_assert_cmpstr (fx_cell (x, sheet, "E8")->type, ==, "s");
  g_assert_cmpstr (fx_cell (x, sheet, "H8")->type, ==, "d");

  /* Everyone gets a number: no note row. */
  fx_exec (store, "UPDATE students SET personal_id = '0123456789' || substr(code, 2) WHERE personal_id IS NULL");
  {
    g_autofree char *path2 = write_report (store, "residence", "residence-complete.xlsx");
    g_autoptr(Xlsx) y = fx_read_xlsx (path2);

    g_assert_cmpstr (fx_value (y, sheet, "E9"), ==, "012345678906");
    g_assert_cmpstr (fx_value (y, sheet, "E13"), ==, "012345678902");
    g_assert_cmpstr (fx_value (y, sheet, "B13"), ==, "Nguyễn Thị Ánh");
    g_assert_cmpstr (fx_value (y, sheet, "A14"), ==, "7");
    g_assert_cmpstr (fx_value (y, sheet, "A15"), ==, "");
  }
}

static void
test_empty_school (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autofree char *path = write_report (store, "register", "register-empty.xlsx");
  g_autofree char *path2 = write_report (store, "residence", "residence-empty.xlsx");
  g_autoptr(Xlsx) x = fx_read_xlsx (path);
  g_autoptr(Xlsx) y = fx_read_xlsx (path2);
  const char *sheet_x = x->sheets->pdata[0];
  const char *sheet_y = y->sheets->pdata[0];

  /* No school year and no address yet: no subtitle, the table on row 6. */
  g_assert_cmpstr (fx_value (x, sheet_x, "A6"), ==, _("No."));
  g_assert_cmpstr (fx_value (x, sheet_x, "A7"), ==, _("There are no boarding students."));
  g_assert_cmpstr (fx_value (y, sheet_y, "A6"), ==, _("No."));
  g_assert_cmpstr (fx_value (y, sheet_y, "A7"), ==, _("No student lives in the dormitory."));
}

typedef struct
{
  GCancellable *cancellable;
  guint         calls;
  double        last;
} ProgressLog;

static void
on_progress (double   fraction,
             gpointer data)
{
  ProgressLog *log = data;

  g_assert_cmpfloat (fraction, >=, log->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  log->last = fraction;
  log->calls++;
  if (log->cancellable)
    g_cancellable_cancel (log->cancellable);
}

static void
test_progress_and_cancel (void)
{
  static const char *names[] = { "register", "residence" };
  g_autoptr(NtStore) store = school_new ();
  g_autofree char *path = nt_test_tmp_path ("cancelled-register.xlsx");

  /* 600 more boarders, each in a bed of their own. */
  fx_exec (store,
           "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 600) "
           "INSERT INTO students (code, full_name, name_key, search_text, gender, birth_date, class_id, boarding) "
           "SELECT printf('X%04d', i), printf('Học sinh %d', i), randomblob(8), '', 'M', '2010-01-01', "
           "(SELECT id FROM classes WHERE name = '10A2'), 'boarding' FROM n;"
           "INSERT INTO rooms (id, building_id, floor, number, capacity, gender) VALUES (9, 1, 2, 'A201', 100, 'M');"
           "INSERT INTO beds (room_id, label) SELECT 9, printf('X%04d', id) FROM students WHERE code GLOB 'X*';"
           "INSERT INTO bed_assignments (student_id, bed_id, start_date) "
           "  SELECT s.id, d.id, '2026-09-01' FROM students s JOIN beds d ON d.label = s.code;");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      ProgressLog log = { NULL, 0, 0 };

      /* A whole run: progress rises to 1. */
      g_assert_true (nt_reports_write (store, names[i], NULL, path, NULL, on_progress, &log, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (log.calls, >=, 3);
      g_assert_cmpfloat (log.last, ==, 1.0);

      /* Cancelled at the first progress report: the file that was there stays. */
      g_assert_true (g_file_set_contents (path, "old", -1, NULL));
      log = (ProgressLog) { cancellable, 0, 0 };
      g_assert_false (nt_reports_write (store, names[i], NULL, path, cancellable, on_progress, &log, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_cmpuint (log.calls, ==, 1);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "old");
      g_clear_error (&error);

      /* Cancelled before it starts. */
      g_assert_false (nt_reports_write (store, names[i], NULL, path, cancellable, NULL, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    }
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);

  g_test_add_func ("/report/register/registry", test_registry);
  g_test_add_func ("/report/register/register", test_register);
  g_test_add_func ("/report/register/residence", test_residence);
  g_test_add_func ("/report/register/empty-school", test_empty_school);
  g_test_add_func ("/report/register/progress-and-cancel", test_progress_and_cancel);

  return g_test_run ();
}
