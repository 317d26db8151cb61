/* test-cli-import.c: `noitru --db PATH --import-students FILE` run as a
 * person runs it: the report on stdout, exit 0 only when everything was
 * written, and nothing written when the file has a problem */
#define G_LOG_DOMAIN "test-cli-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nt-school.h"
#include "nt-test-util.h"

static void
run_import (NtTestRun  *r,
            const char *db,
            const char *option,
            const char *file)
{
  const char *args[] = { "--db", db, option, file, NULL };

  nt_test_run_noitru (r, args);
}

/* A database file with one class, closed again so that only the program
 * has it open. */
static char *
new_db (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;

  nt_classes_add (store, "10A1", 10, &error);
  g_assert_no_error (error);
  return g_strdup (nt_store_get_path (store));
}

static gint64
count (const char *db,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NtStore) store = nt_store_open (db, NT_STORE_OPEN_EXISTING, &error);

  g_assert_no_error (error);
  return nt_store_count (store, sql);
}

static char *
data_file (const char *dir,
           const char *name)
{
  g_autofree char *rel = g_build_filename ("import", dir, name, NULL);
  return nt_test_data_path (rel);
}

static void
test_good_file (void)
{
  g_autofree char *db = new_db ();
  g_autofree char *file = data_file ("good", "students-bom.csv");
  g_autofree char *summary = g_strdup_printf (_("%s: %u new, %u to update, %u unchanged, %u new classes, %u empty rows skipped.\n"),
                                              "students-bom.csv", 4, 0, 0, 2, 1);
  /* The same file again: every row is already stored, none is written. */
  g_autofree char *summary2 = g_strdup_printf (_("%s: %u new, %u to update, %u unchanged, %u new classes, %u empty rows skipped.\n"),
                                               "students-bom.csv", 0, 0, 4, 0, 1);
  g_autofree char *imported = g_strdup_printf (_("Imported: %u added, %u updated, %u unchanged.\n"), 4, 0, 0);
  g_autofree char *again = g_strdup_printf (_("Imported: %u added, %u updated, %u unchanged.\n"), 0, 0, 4);
  g_auto(NtTestRun) r;
  g_auto(NtTestRun) r2;

  run_import (&r, db, "--import-students", file);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  /* The report, then what was written. */
  g_assert_true (g_str_has_prefix (r.out, summary));
  g_assert_true (g_str_has_suffix (r.out, imported));
  g_assert_cmpint (count (db, "SELECT count(*) FROM students"), ==, 4);
  g_assert_cmpint (count (db, "SELECT count(*) FROM classes"), ==, 3);
  g_assert_cmpint (count (db, "SELECT count(*) FROM students WHERE code = 'HS002' "
                              "AND full_name = 'Lò Thị Pằng' AND birth_date = '2011-03-07'"), ==, 1);

  /* Again: updated, no duplicates. */
  run_import (&r2, db, "--import-students", file);
  g_assert_cmpint (r2.status, ==, 0);
  g_assert_true (g_str_has_prefix (r2.out, summary2));
  g_assert_true (g_str_has_suffix (r2.out, again));
  g_assert_cmpint (count (db, "SELECT count(*) FROM students"), ==, 4);
}

static void
test_bad_file (void)
{
  g_autofree char *db = new_db ();
  g_autofree char *file = data_file ("bad", "duplicate-codes.csv");
  /* The lines a person reads, in the language of the catalogue: rows 6
   * and 8 of column A repeat a code. */
  g_autofree char *line6 = g_strdup_printf (_("Row %u, column %s (%s): %s"), 6, "A", _("Student code"), "");
  g_autofree char *line8 = g_strdup_printf (_("Row %u, column %s (%s): %s"), 8, "A", _("Student code"), "");
  g_autofree char *problems = g_strdup_printf (_("%u problems; nothing was written:\n"), 2);
  gint64 classes = count (db, "SELECT count(*) FROM classes");
  gint64 audit = count (db, "SELECT count(*) FROM audit_log");
  g_auto(NtTestRun) r;
  g_auto(GStrv) lines = NULL;
  guint n_problem_lines = 0;

  run_import (&r, db, "--import-students", file);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, problems));
  lines = g_strsplit (r.out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      const char *line = g_strstrip (lines[i]);

      if (g_str_has_prefix (line, line6) || g_str_has_prefix (line, line8))
        n_problem_lines++;
    }
  g_assert_cmpuint (n_problem_lines, ==, 2);

  g_assert_cmpint (count (db, "SELECT count(*) FROM students"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM classes"), ==, classes);
  g_assert_cmpint (count (db, "SELECT count(*) FROM audit_log"), ==, audit);
}

static void
test_unreadable_file (void)
{
  g_autofree char *db = new_db ();
  g_autofree char *file = data_file ("bad", "renamed-xls.xlsx");
  g_auto(NtTestRun) r;

  /* The file's name in the message on stderr, exit 1, nothing written. */
  run_import (&r, db, "--import-students", file);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_nonnull (strstr (r.err, "renamed-xls.xlsx"));
  g_assert_cmpint (count (db, "SELECT count(*) FROM students"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM classes"), ==, 1);
}

static void
test_staff_file (void)
{
  g_autofree char *db = new_db ();
  g_autofree char *file = data_file ("good", "staff.csv");
  g_autofree char *bad = data_file ("bad", "staff-no-gender.csv");
  gint64 staff = count (db, "SELECT count(*) FROM staff");
  g_auto(NtTestRun) r;
  g_auto(NtTestRun) r2;

  run_import (&r, db, "--import-staff", bad);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM staff"), ==, staff);

  run_import (&r2, db, "--import-staff", file);
  g_assert_cmpint (r2.status, ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM staff"), ==, staff + 4);
  g_assert_cmpint (count (db, "SELECT count(*) FROM staff WHERE code = 'CB03' AND role = 'guard'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);

  g_test_add_func ("/cli-import/good", test_good_file);
  g_test_add_func ("/cli-import/bad", test_bad_file);
  g_test_add_func ("/cli-import/unreadable", test_unreadable_file);
  g_test_add_func ("/cli-import/staff", test_staff_file);

  return g_test_run ();
}
