/* test-import.c: the student and staff import, from the file to the rows
 * written
 *
 * The bad files are in tests/data/import/bad/ (the .xlsx ones are made here
 * with libxlsxwriter, then damaged); each has its expected error code or
 * its expected problems (row, column, field), and for every one of them
 * nothing at all is written: students, classes, staff and the audit log
 * are counted before and after. The good files are in
 * tests/data/import/good/ or made here (other encodings, .xlsx).
 */
#define G_LOG_DOMAIN "test-import"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "nt-error.h"
#include "nt-import.h"
#include "nt-school.h"
#include "nt-staff.h"
#include "nt-students.h"
#include "nt-test-util.h"

/* ----- helpers ---------------------------------------------------------- */

typedef struct
{
  gint64 students;
  gint64 classes;
  gint64 staff;
  gint64 audit;
} Totals;

static void
totals_get (NtStore *store,
            Totals  *t)
{
  t->students = nt_store_count (store, "SELECT count(*) FROM students");
  t->classes = nt_store_count (store, "SELECT count(*) FROM classes");
  t->staff = nt_store_count (store, "SELECT count(*) FROM staff");
  t->audit = nt_store_count (store, "SELECT count(*) FROM audit_log");
}

static void
assert_nothing_written (NtStore      *store,
                        const Totals *before)
{
  Totals after;

  totals_get (store, &after);
  g_assert_cmpint (after.students, ==, before->students);
  g_assert_cmpint (after.classes, ==, before->classes);
  g_assert_cmpint (after.staff, ==, before->staff);
  g_assert_cmpint (after.audit, ==, before->audit);
}

/* A school with one class and one student already in it, so that "nothing
 * written" is checked against non-zero counts and the audit log has rows. */
static NtStore *
new_school (void)
{
  NtStore *store = nt_test_new_store ();
  g_autoptr(NtStudent) s = nt_student_new ();
  g_autoptr(GError) error = NULL;
  gint64 class_id = nt_classes_add (store, "10A1", 10, &error);

  g_assert_no_error (error);
  nt_student_set_text (s, "code", "OLD01");
  nt_student_set_text (s, "full-name", "Lý Thị Cũ");
  nt_student_set_text (s, "gender", "F");
  nt_student_set_text (s, "birth-date", "2010-01-02");
  nt_student_set_text (s, "boarding", "boarding");
  s->class_id = class_id;
  g_assert_true (nt_students_save (store, s, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM audit_log"), >, 0);
  return store;
}

static char *
bad_path (const char *name)
{
  g_autofree char *rel = g_build_filename ("import", "bad", name, NULL);
  return nt_test_data_path (rel);
}

static char *
good_path (const char *name)
{
  g_autofree char *rel = g_build_filename ("import", "good", name, NULL);
  return nt_test_data_path (rel);
}

/* Loads and validates @path; the import must get that far. */
static NtImport *
load_and_validate (NtStore      *store,
                   NtImportKind  kind,
                   const char   *path)
{
  g_autoptr(NtImport) import = nt_import_new (store, kind);
  g_autoptr(GError) error = NULL;

  nt_import_load (import, path, NULL, NULL, &error);
  g_assert_no_error (error);
  nt_import_validate (import, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&import);
}

static void
assert_no_problems (NtImport *import)
{
  const GPtrArray *problems = nt_import_get_problems (import);

  if (problems->len > 0)
    {
      g_autofree char *report = nt_import_format_report (import);
      g_test_message ("%s", report);
    }
  g_assert_cmpuint (problems->len, ==, 0);
}

/* Validates, then commits, the whole of @path with no problem. */
static void
import_ok (NtStore        *store,
           NtImportKind    kind,
           const char     *path,
           NtImportCounts *counts)
{
  g_autoptr(NtImport) import = load_and_validate (store, kind, path);
  g_autoptr(GError) error = NULL;

  assert_no_problems (import);
  g_assert_true (nt_import_commit (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  if (counts)
    nt_import_get_counts (import, counts);
}

static NtStudent *
student_by_code (NtStore    *store,
                 const char *code)
{
  gint64 id = nt_students_find_by_code (store, code);
  NtStudent *s;

  g_assert_cmpint (id, >, 0);
  s = nt_students_load (store, id, NULL);
  g_assert_nonnull (s);
  return s;
}

static int
class_grade (NtStore    *store,
             const char *name)
{
  sqlite3_stmt *stmt = nt_store_prepare (store, "SELECT grade FROM classes WHERE name = ?1", NULL);
  int grade;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  grade = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : -1;
  sqlite3_reset (stmt);
  return grade;
}

static void
assert_student (NtStore    *store,
                const char *code,
                const char *name,
                const char *gender,
                const char *birth,
                const char *class_name)
{
  g_autoptr(NtStudent) s = student_by_code (store, code);

  g_assert_cmpstr (s->full_name, ==, name);
  g_assert_cmpstr (s->gender, ==, gender);
  g_assert_cmpstr (s->birth_date, ==, birth);
  g_assert_cmpint (s->class_id, ==, nt_classes_find (store, class_name));
}

/* ----- bad files -------------------------------------------------------- */

typedef struct
{
  guint       row;
  guint       column;
  const char *field;
} Expected;

typedef struct
{
  const char   *name;            /* in tests/data/import/bad/, or made here */
  NtImportKind  kind;
  int           load_error;      /* NT_ERROR code of nt_import_load, or -1 */
  int           validate_error;  /* NT_ERROR code of nt_import_validate, or -1 */
  const char   *message_part;    /* a part of the error message that is not wording */
  guint         skipped_empty;
  Expected      problems[4];     /* in the order of the report */
} BadFile;

/* Tries everything a person could do with @path: load, validate, commit;
 * checks the expected failure, and that nothing was written. */
static void
check_bad_file (NtStore       *store,
                const BadFile *bad,
                const char    *path)
{
  g_autoptr(NtImport) import = nt_import_new (store, bad->kind);
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  const GPtrArray *problems;
  NtImportCounts counts;
  guint n_expected = 0;
  Totals before;

  totals_get (store, &before);

  if (!nt_import_load (import, path, NULL, NULL, &error))
    {
      g_assert_cmpint (bad->load_error, >=, 0);
      g_assert_error (error, NT_ERROR, bad->load_error);
      g_assert_nonnull (strstr (error->message, basename));
      if (bad->message_part)
        g_assert_nonnull (strstr (error->message, bad->message_part));
      g_assert_cmpuint (nt_import_get_n_rows (import), ==, 0);
      assert_nothing_written (store, &before);
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpint (bad->load_error, <, 0);

  if (!nt_import_validate (import, NULL, NULL, NULL, &error))
    {
      g_assert_cmpint (bad->validate_error, >=, 0);
      g_assert_error (error, NT_ERROR, bad->validate_error);
      g_assert_nonnull (strstr (error->message, basename));
      if (bad->message_part)
        g_assert_nonnull (strstr (error->message, bad->message_part));
      g_clear_error (&error);

      /* Nothing to commit either. */
      g_assert_false (nt_import_commit (import, NULL, NULL, NULL, &error));
      g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
      assert_nothing_written (store, &before);
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpint (bad->validate_error, <, 0);

  problems = nt_import_get_problems (import);
  while (n_expected < G_N_ELEMENTS (bad->problems) && bad->problems[n_expected].row != 0)
    n_expected++;
  g_assert_cmpuint (n_expected, >, 0);
  g_assert_cmpuint (problems->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const NtImportProblem *p = g_ptr_array_index (problems, i);
      g_autofree char *line = nt_import_format_problem (import, p);
      g_autofree char *row_text = g_strdup_printf (" %u", bad->problems[i].row);
      g_autofree char *column_name = nt_table_column_name (bad->problems[i].column);
      g_autofree char *column_text = g_strdup_printf (" %s ", column_name);

      g_assert_cmpuint (p->row, ==, bad->problems[i].row);
      g_assert_cmpuint (p->column, ==, bad->problems[i].column);
      g_assert_cmpstr (p->field, ==, bad->problems[i].field);
      g_assert_nonnull (p->message);
      g_assert_cmpstr (p->message, !=, "");
      /* The line a person reads names the row and the column's letter. */
      g_assert_nonnull (strstr (line, row_text));
      g_assert_nonnull (strstr (line, column_text));
    }
  nt_import_get_counts (import, &counts);
  g_assert_cmpuint (counts.skipped_empty, ==, bad->skipped_empty);

  /* The commit is refused as a whole, also for the rows that were right. */
  g_assert_false (nt_import_commit (import, NULL, NULL, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  assert_nothing_written (store, &before);
}

static const BadFile bad_files[] = {
  { "not-a-workbook.xlsx", NT_IMPORT_STUDENTS, NT_ERROR_INVALID, -1, NULL, 0, { { 0 } } },
  { "renamed-xls.xlsx", NT_IMPORT_STUDENTS, NT_ERROR_INVALID, -1, ".xls", 0, { { 0 } } },
  /* VISCII (an old Vietnamese 8-bit code): byte 0x81 (Ắ) is neither UTF-8
   * nor a character of Windows-1258; the reader refuses the file rather
   * than guess, and asks for CSV UTF-8. */
  { "wrong-encoding.csv", NT_IMPORT_STUDENTS, NT_ERROR_INVALID, -1, "UTF-8", 0, { { 0 } } },
  /* The header row is found (four fields), but a required one is not there. */
  { "missing-birth-date.csv", NT_IMPORT_STUDENTS, -1, NT_ERROR_INVALID, NULL, 0, { { 0 } } },
  /* Title on row 1, header on row 2: D002 again on row 6, D001 on row 8. */
  { "duplicate-codes.csv", NT_IMPORT_STUDENTS, -1, -1, NULL, 0,
    { { 6, 1, "code" }, { 8, 1, "code" } } },
  { "impossible-date.csv", NT_IMPORT_STUDENTS, -1, -1, NULL, 0, { { 3, 5, "birth-date" } } },
  /* Rows 3, 4, 5 and 7 are empty (blank, commas only, spaces only) and
   * skipped; the bad month is on row 8 as Excel numbers it. */
  { "empty-rows.csv", NT_IMPORT_STUDENTS, -1, -1, NULL, 4, { { 8, 3, "birth-date" } } },
  /* An empty gender cell, a role that is not one of the school's, and a
   * gender that is not one (said once, not twice). */
  { "staff-no-gender.csv", NT_IMPORT_STAFF, -1, -1, NULL, 0,
    { { 3, 3, "gender" }, { 4, 4, "role" }, { 5, 3, "gender" } } },
};

static void
test_bad_file (gconstpointer data)
{
  const BadFile *bad = data;
  g_autoptr(NtStore) store = new_school ();
  g_autofree char *path = bad_path (bad->name);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  check_bad_file (store, bad, path);
}

/* A workbook as a school's program exports it: a title, the header on
 * row 3, students from row 4. */
static char *
make_small_xlsx (const char *name,
                 gboolean    formula_date)
{
  char *path = nt_test_tmp_path (name);
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws = workbook_add_worksheet (wb, "Danh sách");
  lxw_format *date_fmt = workbook_add_format (wb);
  lxw_datetime dt = { 2010, 9, 5, 0, 0, 0 };
  const char *header[] = { "Mã học sinh", "Họ và tên", "Ngày sinh", "Giới tính", "Lớp" };

  format_set_num_format (date_fmt, "dd/mm/yyyy");
  worksheet_merge_range (ws, 0, 0, 0, 4, "DANH SÁCH HỌC SINH", NULL);
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    worksheet_write_string (ws, 2, c, header[c], NULL);
  for (guint r = 0; r < 3; r++)
    {
      g_autofree char *code = g_strdup_printf ("F%03u", r + 1);

      worksheet_write_string (ws, 3 + r, 0, code, NULL);
      worksheet_write_string (ws, 3 + r, 1, r == 1 ? "Lò Thị Pằng" : "Giàng A Chứ", NULL);
      if (formula_date && r == 1)
        /* Excel writes the value it computed next to the formula. */
        worksheet_write_formula_num (ws, 3 + r, 2, "=DATE(2011,3,7)", NULL, 40609);
      else
        worksheet_write_datetime (ws, 3 + r, 2, &dt, date_fmt);
      worksheet_write_string (ws, 3 + r, 3, r == 1 ? "Nữ" : "Nam", NULL);
      worksheet_write_string (ws, 3 + r, 4, "12C9", NULL);
    }
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
  return path;
}

static void
test_bad_formula (void)
{
  static const BadFile bad = { "formula.xlsx", NT_IMPORT_STUDENTS, -1, -1, NULL, 0, { { 5, 3, "birth-date" } } };
  g_autoptr(NtStore) store = new_school ();
  g_autofree char *path = make_small_xlsx ("formula.xlsx", TRUE);
  g_autofree char *good = make_small_xlsx ("no-formula.xlsx", FALSE);
  NtImportCounts counts;

  check_bad_file (store, &bad, path);

  /* The same workbook without the formula imports: the formula was the
   * only problem, and the class 12C9 (grade 12) is created. */
  import_ok (store, NT_IMPORT_STUDENTS, good, &counts);
  g_assert_cmpuint (counts.new_rows, ==, 3);
  g_assert_cmpuint (counts.new_classes, ==, 1);
  g_assert_cmpint (class_grade (store, "12C9"), ==, 12);
  assert_student (store, "F002", "Lò Thị Pằng", "F", "2010-09-05", "12C9");
}

static void
test_bad_truncated (void)
{
  g_autoptr(NtStore) store = new_school ();
  g_autofree char *good = make_small_xlsx ("whole.xlsx", FALSE);
  g_autofree char *contents = NULL;
  gsize len = 0;
  gsize cuts[3];

  g_assert_true (g_file_get_contents (good, &contents, &len, NULL));
  /* Cut in the middle, just before the zip's central directory ends, and
   * right after the zip signature. */
  cuts[0] = len / 2;
  cuts[1] = len - 10;
  cuts[2] = 4;
  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      BadFile bad = { "truncated.xlsx", NT_IMPORT_STUDENTS, NT_ERROR_INVALID, -1, NULL, 0, { { 0 } } };
      g_autofree char *name = g_strdup_printf ("truncated-%u.xlsx", i);
      g_autofree char *path = nt_test_write_tmp (name, contents, cuts[i]);

      check_bad_file (store, &bad, path);
    }
}

/* ----- 100,000 rows ----------------------------------------------------- */

static const char * const families[] = { "Giàng", "Lò", "Tòng", "Vàng", "Đặng", "Hà", "Lường", "Nguyễn" };
static const char * const middles[] = { "A", "Thị", "Văn", "Seo", "Thị Thu", "Đức" };
static const char * const givens[] = { "Chứ", "Pằng", "Sính", "Mỷ", "Hương", "Páo", "Dợ", "Ánh", "Lực" };

#define BIG_ROWS 100000

/* @bad_row: the data row (1-based) given 31/02/2010, or 0 */
static char *
make_big_csv (const char *name,
              guint       bad_row)
{
  GString *csv = g_string_sized_new (BIG_ROWS * 64);
  char *path;

  g_string_append (csv, "Mã học sinh,Họ và tên,Ngày sinh,Giới tính,Lớp,Dân tộc,Số điện thoại\r\n");
  for (guint i = 1; i <= BIG_ROWS; i++)
    {
      if (i == bad_row)
        g_string_append_printf (csv, "B%06u,%s %s %s,31/02/2010,Nam,%uA%u,Thái,\r\n", i,
                                families[i % 8], middles[i % 6], givens[i % 9], 6 + i % 7, 1 + i % 9);
      else
        g_string_append_printf (csv, "B%06u,%s %s %s,%02u/%02u/%04u,%s,%uA%u,%s,09%08u\r\n", i,
                                families[i % 8], middles[i % 6], givens[i % 9],
                                1 + i % 28, 1 + i % 12, 2008 + i % 6, i % 2 ? "Nam" : "Nữ",
                                6 + i % 7, 1 + i % 9, i % 3 ? "Thái" : "Mông", i);
    }
  path = nt_test_write_tmp (name, csv->str, csv->len);
  g_string_free (csv, TRUE);
  return path;
}

typedef struct
{
  GCancellable *cancellable;
  double        last;
  guint         calls;
  double        cancel_at;   /* > 1 for never */
} Progress;

static void
on_progress (double   fraction,
             gpointer data)
{
  Progress *p = data;

  g_assert_cmpfloat (fraction, >=, p->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  p->last = fraction;
  p->calls++;
  if (fraction >= p->cancel_at)
    g_cancellable_cancel (p->cancellable);
}

static void
test_big_file (void)
{
  g_autoptr(NtStore) store = new_school ();
  g_autofree char *bad_path = make_big_csv ("big-bad.csv", BIG_ROWS - 1);
  g_autofree char *good_path = make_big_csv ("big.csv", 0);
  g_autoptr(NtImport) bad = NULL;
  g_autoptr(NtImport) good = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Progress progress = { cancellable, 0, 0, 2.0 };
  const NtImportProblem *p;
  NtImportCounts counts;
  Totals before;
  gint64 start;
  double seconds;

  /* One bad date in the second-last row: the whole file is read, that
   * row reported (header on row 1, so data row n is sheet row n + 1), and
   * nothing written. */
  totals_get (store, &before);
  start = g_get_monotonic_time ();
  bad = load_and_validate (store, NT_IMPORT_STUDENTS, bad_path);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("100,000 rows with one bad: load and check in %.2f s", seconds);
  g_assert_cmpuint (nt_import_get_problems (bad)->len, ==, 1);
  p = g_ptr_array_index (nt_import_get_problems (bad), 0);
  g_assert_cmpuint (p->row, ==, BIG_ROWS);
  g_assert_cmpuint (p->column, ==, 3);
  g_assert_cmpstr (p->field, ==, "birth-date");
  g_assert_false (nt_import_commit (bad, NULL, NULL, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  assert_nothing_written (store, &before);
  g_assert_cmpfloat (seconds, <, 60);

  /* The good file, with progress; a commit cancelled half-way leaves
   * nothing behind. */
  start = g_get_monotonic_time ();
  good = nt_import_new (store, NT_IMPORT_STUDENTS);
  g_assert_true (nt_import_load (good, good_path, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (nt_import_validate (good, NULL, on_progress, &progress, &error));
  g_assert_no_error (error);
  assert_no_problems (good);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  g_assert_cmpuint (progress.calls, >, 10);
  nt_import_get_counts (good, &counts);
  g_assert_cmpuint (counts.new_rows, ==, BIG_ROWS);
  g_assert_cmpuint (counts.new_classes, ==, 7 * 9 - 1);   /* 10A1 exists */

  progress.last = 0;
  progress.cancel_at = 0.5;
  g_assert_false (nt_import_commit (good, cancellable, on_progress, &progress, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_nothing_written (store, &before);

  /* After a failed commit the rows must be checked again before they are
   * written (they may have changed meanwhile); then all are written. */
  g_assert_false (nt_import_commit (good, NULL, NULL, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  assert_nothing_written (store, &before);
  g_assert_true (nt_import_validate (good, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_no_problems (good);
  g_assert_true (nt_import_commit (good, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("100,000 rows: load, check, cancel, check and write in %.2f s", seconds);
  g_assert_cmpfloat (seconds, <, 180);   /* 18 s measured alone, 48 s in the whole suite */

  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM students"), ==, before.students + BIG_ROWS);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM classes"), ==, before.classes + 7 * 9 - 1);
  assert_student (store, "B000007", "Nguyễn Thị Ánh", "M", "2009-08-08", "6A8");
}

/* ----- good files ------------------------------------------------------- */

/* The four students of good/students-bom.csv, in whatever encoding. */
static void
check_bom_students (NtStore *store)
{
  g_autoptr(NtStudent) chu = student_by_code (store, "HS001");
  g_autoptr(NtStudent) pang = student_by_code (store, "HS002");
  g_autoptr(NtStudent) huong = student_by_code (store, "HS003");
  g_autoptr(NtStudent) sinh = student_by_code (store, "HS004");

  assert_student (store, "HS001", "Giàng A Chứ", "M", "2010-09-05", "10A1");
  g_assert_cmpstr (chu->ethnicity, ==, "Mông");
  g_assert_cmpstr (chu->guardian_name, ==, "Giàng A Dình");
  g_assert_cmpstr (chu->home_address, ==, "Bản Huổi Lếch - xã Mường Nhé");
  g_assert_cmpstr (chu->boarding, ==, "boarding");
  g_assert_cmpstr (chu->guardian_phone, ==, "0912345678");

  /* d/m/yy */
  assert_student (store, "HS002", "Lò Thị Pằng", "F", "2011-03-07", "9A2");
  g_assert_cmpstr (pang->boarding, ==, "boarding");
  g_assert_cmpstr (pang->home_address, ==, "Bản Nậm Pồ - xã Chà Cang");

  assert_student (store, "HS003", "Đặng Thị Thu Hương", "F", "2010-11-30", "10A1");
  g_assert_cmpstr (huong->boarding, ==, "semi");
  g_assert_cmpstr (huong->ethnicity, ==, "Dao");

  assert_student (store, "HS004", "Tòng Văn Sính", "M", "2009-12-12", "11A3");
  g_assert_cmpstr (sinh->boarding, ==, "day");

  /* Classes that did not exist are made with the grade of their name. */
  g_assert_cmpint (class_grade (store, "10A1"), ==, 10);
  g_assert_cmpint (class_grade (store, "9A2"), ==, 9);
  g_assert_cmpint (class_grade (store, "11A3"), ==, 11);
}

static void
check_bom_counts (const NtImportCounts *counts)
{
  g_assert_cmpuint (counts->new_rows, ==, 4);
  g_assert_cmpuint (counts->updated_rows, ==, 0);
  g_assert_cmpuint (counts->new_classes, ==, 2);   /* 9A2, 11A3 */
  g_assert_cmpuint (counts->skipped_empty, ==, 1);
}

static void
test_good_utf8_bom (void)
{
  g_autoptr(NtStore) store = new_school ();
  g_autofree char *path = good_path ("students-bom.csv");
  g_autoptr(NtImport) import = load_and_validate (store, NT_IMPORT_STUDENTS, path);
  g_autoptr(GError) error = NULL;
  NtImportCounts counts;
  Totals before;

  /* Three title rows and an empty row above the header. */
  g_assert_cmpuint (nt_import_get_header_row (import), ==, 5);
  g_assert_cmpuint (nt_import_get_column (import, "code"), ==, 2);
  g_assert_cmpuint (nt_import_get_column (import, "full-name"), ==, 3);
  g_assert_cmpuint (nt_import_get_column (import, "guardian-name"), ==, 8);
  g_assert_cmpuint (nt_import_get_column (import, "boarding"), ==, 11);
  assert_no_problems (import);

  /* Validation alone writes nothing. */
  totals_get (store, &before);
  nt_import_get_counts (import, &counts);
  check_bom_counts (&counts);
  assert_nothing_written (store, &before);

  g_assert_true (nt_import_commit (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  check_bom_students (store);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM students"), ==, before.students + 4);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM classes"), ==, before.classes + 2);
}

static void
test_reimport (void)
{
  g_autoptr(NtStore) store = new_school ();
  g_autofree char *path = good_path ("students-bom.csv");
  g_autofree char *changed_path = nt_test_tmp_path ("students-bom-changed.csv");
  g_autofree char *contents = NULL;
  g_autoptr(GString) changed = NULL;
  g_autoptr(GError) error = NULL;
  NtImportCounts counts;
  gint64 students, classes, id, audit;
  gsize length;

  import_ok (store, NT_IMPORT_STUDENTS, path, &counts);
  check_bom_counts (&counts);
  g_assert_cmpuint (counts.unchanged_rows, ==, 0);
  students = nt_store_count (store, "SELECT count(*) FROM students");
  classes = nt_store_count (store, "SELECT count(*) FROM classes");
  id = nt_students_find_by_code (store, "HS002");

  /* The same file again: found by code, nothing new, nothing written:
   * no audit entry saying a student was "updated" to what they were. */
  audit = nt_store_count (store, "SELECT count(*) FROM audit_log");
  import_ok (store, NT_IMPORT_STUDENTS, path, &counts);
  g_assert_cmpuint (counts.new_rows, ==, 0);
  g_assert_cmpuint (counts.updated_rows, ==, 0);
  g_assert_cmpuint (counts.unchanged_rows, ==, 4);
  g_assert_cmpuint (counts.new_classes, ==, 0);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM audit_log"), ==, audit);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM students"), ==, students);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM classes"), ==, classes);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM students WHERE code = 'HS002'"), ==, 1);
  g_assert_cmpint (nt_students_find_by_code (store, "HS002"), ==, id);
  check_bom_students (store);

  /* One cell changed (HS002's guardian phone, written with spaces in the
   * file): that student only is updated. */
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  changed = g_string_new_len (contents, (gssize) length);
  g_assert_cmpuint (g_string_replace (changed, "0987 654 321", "0987 654 322", 0), ==, 1);
  g_file_set_contents (changed_path, changed->str, (gssize) changed->len, &error);
  g_assert_no_error (error);
  import_ok (store, NT_IMPORT_STUDENTS, changed_path, &counts);
  g_assert_cmpuint (counts.new_rows, ==, 0);
  g_assert_cmpuint (counts.updated_rows, ==, 1);
  g_assert_cmpuint (counts.unchanged_rows, ==, 3);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM students WHERE code = 'HS002' "
                                          "AND guardian_phone = '0987654322'"), ==, 1);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM audit_log"), >, audit);
}

/* The content of students-bom.csv without its byte order mark. */
static char *
bom_csv_text (void)
{
  g_autofree char *path = good_path ("students-bom.csv");
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_true (len > 3 && memcmp (contents, "\xEF\xBB\xBF", 3) == 0);
  return g_strdup (contents + 3);
}

static void
test_good_utf16_tabs (void)
{
  g_autoptr(NtStore) store = new_school ();
  g_autofree char *text = bom_csv_text ();
  g_autofree char *utf16 = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GByteArray) file = g_byte_array_new ();
  static const guint8 bom[] = { 0xFF, 0xFE };
  NtImportCounts counts;
  gsize len = 0;

  /* Excel's "Unicode text": UTF-16LE with a byte order mark, tabs. */
  g_strdelimit (text, ",", '\t');
  utf16 = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, &len, NULL);
  g_assert_nonnull (utf16);
  g_byte_array_append (file, bom, sizeof bom);
  g_byte_array_append (file, (const guint8 *) utf16, len);
  path = nt_test_write_tmp ("unicode-text.txt", file->data, file->len);

  import_ok (store, NT_IMPORT_STUDENTS, path, &counts);
  check_bom_counts (&counts);
  check_bom_students (store);
}

static void
test_good_windows_1258 (void)
{
  g_autoptr(NtStore) store = new_school ();
  g_autofree char *text = bom_csv_text ();
  g_autofree char *legacy = NULL;
  g_autofree char *path = NULL;
  NtImportCounts counts;
  gsize len = 0;

  legacy = g_convert (text, -1, "WINDOWS-1258", "UTF-8", NULL, &len, NULL);
  g_assert_nonnull (legacy);
  g_assert_false (g_utf8_validate (legacy, len, NULL));
  path = nt_test_write_tmp ("legacy-1258.csv", legacy, len);

  import_ok (store, NT_IMPORT_STUDENTS, path, &counts);
  check_bom_counts (&counts);
  /* Composed again: the names compare equal, byte for byte. */
  check_bom_students (store);
}

static void
test_good_semicolon (void)
{
  g_autoptr(NtStore) store = new_school ();
  g_autofree char *path = good_path ("semicolon.csv");
  NtImportCounts counts;

  import_ok (store, NT_IMPORT_STUDENTS, path, &counts);
  g_assert_cmpuint (counts.new_rows, ==, 2);
  g_assert_cmpuint (counts.new_classes, ==, 1);
  assert_student (store, "SC01", "Hoàng Thị Nguyệt", "F", "2012-04-03", "8A1");
  assert_student (store, "SC02", "Vi Văn Lực", "M", "2012-08-15", "8A1");
  g_assert_cmpint (class_grade (store, "8A1"), ==, 8);
}

static void
test_good_no_diacritics (void)
{
  g_autoptr(NtStore) store = new_school ();
  g_autofree char *path = good_path ("no-diacritics.csv");
  g_autoptr(NtImport) import = load_and_validate (store, NT_IMPORT_STUDENTS, path);
  g_autoptr(NtStudent) su = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (nt_import_get_header_row (import), ==, 1);
  g_assert_cmpuint (nt_import_get_column (import, "code"), ==, 1);
  g_assert_cmpuint (nt_import_get_column (import, "full-name"), ==, 2);
  g_assert_cmpuint (nt_import_get_column (import, "birth-date"), ==, 3);
  g_assert_cmpuint (nt_import_get_column (import, "gender"), ==, 4);
  g_assert_cmpuint (nt_import_get_column (import, "class-name"), ==, 5);
  g_assert_cmpuint (nt_import_get_column (import, "ethnicity"), ==, 6);
  g_assert_cmpuint (nt_import_get_column (import, "guardian-phone"), ==, 7);
  assert_no_problems (import);
  g_assert_true (nt_import_commit (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  assert_student (store, "ND01", "Hờ A Sử", "M", "2011-02-02", "9A1");
  assert_student (store, "ND02", "Mùa Thị Dở", "F", "2011-10-21", "9A1");
  su = student_by_code (store, "ND01");
  g_assert_cmpstr (su->ethnicity, ==, "Mông");
  g_assert_cmpstr (su->guardian_phone, ==, "0912000111");
}

/* Merged title cells above the header (row 4), and the three ways a date
 * comes: a real Excel date, dd/mm/yyyy text, d/m/yy text; also a bare
 * serial number, and a code that Excel keeps as a number. */
static void
test_good_xlsx_merged (void)
{
  g_autoptr(NtStore) store = new_school ();
  g_autofree char *path = nt_test_tmp_path ("merged.xlsx");
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws = workbook_add_worksheet (wb, "DS học sinh");
  lxw_format *date_fmt = workbook_add_format (wb);
  lxw_format *title_fmt = workbook_add_format (wb);
  lxw_datetime birth = { 2010, 9, 5, 0, 0, 0 };
  const char *header[] = { "STT", "Mã HS", "Họ và tên", "Ngày sinh (dd/mm/yyyy)", "Giới tính", "Lớp", "Dân tộc" };
  g_autoptr(NtImport) import = NULL;
  g_autoptr(NtStudent) anh = NULL;
  g_autoptr(GError) error = NULL;

  format_set_num_format (date_fmt, "dd/mm/yyyy");
  format_set_bold (title_fmt);
  format_set_align (title_fmt, LXW_ALIGN_CENTER);
  worksheet_merge_range (ws, 0, 0, 0, 2, "SỞ GD&ĐT TỈNH LAI CHÂU", title_fmt);
  worksheet_merge_range (ws, 0, 3, 0, 6, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", title_fmt);
  worksheet_merge_range (ws, 1, 0, 2, 6, "DANH SÁCH HỌC SINH NỘI TRÚ NĂM HỌC 2026-2027", title_fmt);
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    worksheet_write_string (ws, 3, c, header[c], title_fmt);

  worksheet_write_number (ws, 4, 0, 1, NULL);
  worksheet_write_string (ws, 4, 1, "X001", NULL);
  worksheet_write_string (ws, 4, 2, "Hà Thị Ngọc Ánh", NULL);
  worksheet_write_datetime (ws, 4, 3, &birth, date_fmt);
  worksheet_write_string (ws, 4, 4, "Nữ", NULL);
  worksheet_write_string (ws, 4, 5, "10A1", NULL);
  worksheet_write_string (ws, 4, 6, "Tày", NULL);

  worksheet_write_number (ws, 5, 0, 2, NULL);
  worksheet_write_string (ws, 5, 1, "X002", NULL);
  worksheet_write_string (ws, 5, 2, "Lường Văn Ắng", NULL);
  worksheet_write_string (ws, 5, 3, "12/01/2011", NULL);
  worksheet_write_string (ws, 5, 4, "Nam", NULL);
  worksheet_write_string (ws, 5, 5, "9A2", NULL);

  worksheet_write_number (ws, 6, 0, 3, NULL);
  worksheet_write_string (ws, 6, 1, "X003", NULL);
  worksheet_write_string (ws, 6, 2, "Vũ Đức Thắng", NULL);
  worksheet_write_string (ws, 6, 3, "5/9/10", NULL);
  worksheet_write_string (ws, 6, 4, "Nam", NULL);
  worksheet_write_string (ws, 6, 5, "12C1", NULL);

  worksheet_write_number (ws, 7, 0, 4, NULL);
  worksheet_write_number (ws, 7, 1, 2026004, NULL);
  worksheet_write_string (ws, 7, 2, "Nguyễn Thị Lệ Quyên", NULL);
  worksheet_write_number (ws, 7, 3, 40179, NULL);   /* 01/01/2010, as a plain number */
  worksheet_write_string (ws, 7, 4, "nữ", NULL);
  worksheet_write_string (ws, 7, 5, "12C1", NULL);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);

  import = load_and_validate (store, NT_IMPORT_STUDENTS, path);
  g_assert_cmpuint (nt_import_get_header_row (import), ==, 4);
  g_assert_cmpuint (nt_import_get_column (import, "birth-date"), ==, 4);
  assert_no_problems (import);
  g_assert_true (nt_import_commit (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  assert_student (store, "X001", "Hà Thị Ngọc Ánh", "F", "2010-09-05", "10A1");
  assert_student (store, "X002", "Lường Văn Ắng", "M", "2011-01-12", "9A2");
  assert_student (store, "X003", "Vũ Đức Thắng", "M", "2010-09-05", "12C1");
  assert_student (store, "2026004", "Nguyễn Thị Lệ Quyên", "F", "2010-01-01", "12C1");
  anh = student_by_code (store, "X001");
  g_assert_cmpstr (anh->ethnicity, ==, "Tày");
  g_assert_cmpint (class_grade (store, "9A2"), ==, 9);
  g_assert_cmpint (class_grade (store, "12C1"), ==, 12);
}

/* The header on row 5 under title rows, the name in two columns ("Họ và
 * tên đệm", "Tên") and the gender as x marks in a "Nữ" column. */
static void
test_good_xlsx_row5 (void)
{
  g_autoptr(NtStore) store = new_school ();
  g_autofree char *path = nt_test_tmp_path ("row5.xlsx");
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws = workbook_add_worksheet (wb, NULL);
  lxw_format *date_fmt = workbook_add_format (wb);
  lxw_datetime mai = { 2014, 3, 8, 0, 0, 0 };
  const char *header[] = { "Mã học sinh", "Họ và tên đệm", "Tên", "Nữ", "Ngày sinh", "Lớp", "Dân tộc" };
  g_autoptr(NtImport) import = NULL;
  g_autoptr(GError) error = NULL;
  NtImportCounts counts;

  format_set_num_format (date_fmt, "d/m/yyyy");
  worksheet_write_string (ws, 0, 0, "PHÒNG GD&ĐT HUYỆN MƯỜNG TÈ", NULL);
  worksheet_write_string (ws, 1, 0, "TRƯỜNG PTDTBT THCS KA LĂNG", NULL);
  worksheet_merge_range (ws, 3, 0, 3, 6, "DANH SÁCH HỌC SINH LỚP 6", NULL);
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    worksheet_write_string (ws, 4, c, header[c], NULL);

  worksheet_write_string (ws, 5, 0, "Y001", NULL);
  worksheet_write_string (ws, 5, 1, "Sùng Thị", NULL);
  worksheet_write_string (ws, 5, 2, "Mai", NULL);
  worksheet_write_string (ws, 5, 3, "x", NULL);
  worksheet_write_datetime (ws, 5, 4, &mai, date_fmt);
  worksheet_write_string (ws, 5, 5, "6A1", NULL);
  worksheet_write_string (ws, 5, 6, "Mông", NULL);

  worksheet_write_string (ws, 6, 0, "Y002", NULL);
  worksheet_write_string (ws, 6, 1, "Giàng A", NULL);
  worksheet_write_string (ws, 6, 2, "Páo", NULL);
  worksheet_write_string (ws, 6, 4, "20/10/2014", NULL);
  worksheet_write_string (ws, 6, 5, "6A1", NULL);

  worksheet_write_string (ws, 7, 0, "Y003", NULL);
  worksheet_write_string (ws, 7, 1, "Lầu Thị", NULL);
  worksheet_write_string (ws, 7, 2, "Dợ", NULL);
  worksheet_write_string (ws, 7, 3, "X", NULL);
  worksheet_write_string (ws, 7, 4, "1/2/14", NULL);
  worksheet_write_string (ws, 7, 5, "6A2", NULL);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);

  import = load_and_validate (store, NT_IMPORT_STUDENTS, path);
  g_assert_cmpuint (nt_import_get_header_row (import), ==, 5);
  g_assert_cmpuint (nt_import_get_column (import, "full-name"), ==, 0);
  g_assert_cmpuint (nt_import_get_column (import, "family-name"), ==, 2);
  g_assert_cmpuint (nt_import_get_column (import, "given-name"), ==, 3);
  g_assert_cmpuint (nt_import_get_column (import, "gender"), ==, 0);
  g_assert_cmpuint (nt_import_get_column (import, "female-mark"), ==, 4);
  assert_no_problems (import);
  g_assert_true (nt_import_commit (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  nt_import_get_counts (import, &counts);
  g_assert_cmpuint (counts.new_rows, ==, 3);
  g_assert_cmpuint (counts.new_classes, ==, 2);

  assert_student (store, "Y001", "Sùng Thị Mai", "F", "2014-03-08", "6A1");
  assert_student (store, "Y002", "Giàng A Páo", "M", "2014-10-20", "6A1");
  assert_student (store, "Y003", "Lầu Thị Dợ", "F", "2014-02-01", "6A2");
  g_assert_cmpint (class_grade (store, "6A2"), ==, 6);
}

/* ----- staff ------------------------------------------------------------ */

static void
assert_staff (NtStore    *store,
              const char *code,
              const char *name,
              const char *gender,
              const char *role,
              const char *phone)
{
  sqlite3_stmt *stmt = nt_store_prepare (store, "SELECT full_name, gender, role, phone FROM staff WHERE code = ?1", NULL);

  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, name);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, gender);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, role);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, phone);
  sqlite3_reset (stmt);
}

static void
test_staff (void)
{
  g_autoptr(NtStore) store = new_school ();
  g_autofree char *path = good_path ("staff.csv");
  gint64 staff_before = nt_store_count (store, "SELECT count(*) FROM staff");
  NtImportCounts counts;

  import_ok (store, NT_IMPORT_STAFF, path, &counts);
  g_assert_cmpuint (counts.new_rows, ==, 4);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM staff"), ==, staff_before + 4);
  assert_staff (store, "CB01", "Nguyễn Văn Bình", "M", "principal", "0913111222");
  assert_staff (store, "CB02", "Lò Thị Hoa", "F", "supervisor", "0914222333");
  assert_staff (store, "CB03", "Tòng Văn Dũng", "M", "guard", "");
  assert_staff (store, "CB04", "Phạm Thị Lan", "F", "vice_principal", "");

  /* Again: found by code, already as in the file. */
  import_ok (store, NT_IMPORT_STAFF, path, &counts);
  g_assert_cmpuint (counts.new_rows, ==, 0);
  g_assert_cmpuint (counts.updated_rows, ==, 0);
  g_assert_cmpuint (counts.unchanged_rows, ==, 4);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM staff"), ==, staff_before + 4);
  assert_staff (store, "CB01", "Nguyễn Văn Bình", "M", "principal", "0913111222");
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/import/bad/%s", bad_files[i].name);
      g_test_add_data_func (test_path, &bad_files[i], test_bad_file);
    }
  g_test_add_func ("/import/bad/formula.xlsx", test_bad_formula);
  g_test_add_func ("/import/bad/truncated.xlsx", test_bad_truncated);
  g_test_add_func ("/import/bad/100000-rows", test_big_file);

  g_test_add_func ("/import/good/utf8-bom-titles", test_good_utf8_bom);
  g_test_add_func ("/import/good/utf16-tabs", test_good_utf16_tabs);
  g_test_add_func ("/import/good/windows-1258", test_good_windows_1258);
  g_test_add_func ("/import/good/semicolon", test_good_semicolon);
  g_test_add_func ("/import/good/no-diacritics", test_good_no_diacritics);
  g_test_add_func ("/import/good/xlsx-merged-dates", test_good_xlsx_merged);
  g_test_add_func ("/import/good/xlsx-header-row-5", test_good_xlsx_row5);
  g_test_add_func ("/import/reimport", test_reimport);
  g_test_add_func ("/import/staff", test_staff);

  return g_test_run ();
}
