/* test-cli.c: the built `noitru` program run as a person runs it:
 * --list-reports, --export, and the refusals of a mistyped command */
#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "nt-reports.h"
#include "nt-test-util.h"

static char *demo_db;

/* Runs the program with the NULL-terminated arguments. */
static void
run (NtTestRun  *r,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, first);
  for (arg = first; arg; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  nt_test_run_noitru (r, (const char *const *) args->pdata);
}

static gint64
count (const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NtStore) store = nt_store_open (demo_db, NT_STORE_OPEN_EXISTING, &error);

  g_assert_no_error (error);
  return nt_store_count (store, sql);
}

/* The sheets, the title (A4 of the first sheet) and the numbered table rows
 * of a workbook, read by tests/core/read-xlsx.py (openpyxl). */
static void
read_book (const char *path,
           guint      *n_sheets,
           char      **title,
           guint      *numbered_rows)
{
  g_autofree char *script = g_build_filename (g_getenv ("NOITRU_SOURCE_ROOT"), "tests", "core",
                                              "read-xlsx.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *first_sheet = NULL;
  int status;

  *n_sheets = 0;
  *title = NULL;
  *numbered_rows = 0;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("read-xlsx.py failed on %s: %s", path, err);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);

      if (g_strv_length (f) == 2 && g_str_equal (f[0], "sheet"))
        {
          if ((*n_sheets)++ == 0)
            first_sheet = g_strdup (f[1]);
        }
      else if (g_strv_length (f) == 8 && g_str_equal (f[0], "cell") && g_str_equal (f[1], first_sheet))
        {
          if (g_str_equal (f[2], "A4"))
            *title = g_strdup (f[7]);
          else if (f[2][0] == 'A' && atoi (f[2] + 1) >= 8 && g_str_equal (f[3], "n"))
            (*numbered_rows)++;
        }
    }
}

/* ----- tests ----------------------------------------------------------------- */

static void
test_list_reports (void)
{
  g_auto(NtTestRun) r;
  g_auto(GStrv) lines = NULL;
  guint n = 0;
  const NtReportInfo *reports = nt_reports_list (&n);
  guint seen = 0;

  run (&r, "--list-reports", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");

  /* One report a line: name, translated title, description. */
  lines = g_strsplit (r.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n + 1);
  g_assert_cmpstr (lines[n], ==, "");
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (f), ==, 3);
      g_assert_cmpstr (f[0], ==, reports[i].name);
      g_assert_cmpstr (f[1], ==, _(reports[i].title));
      g_assert_cmpstr (f[2], ==, _(reports[i].description));
      if (g_str_equal (f[0], "students") || g_str_equal (f[0], "rooms"))
        seen++;
    }
  g_assert_cmpuint (seen, ==, 2);
}

static void
test_export_students (void)
{
  g_autofree char *path = nt_test_tmp_path ("hoc-sinh.xlsx");
  gint64 boarders = count ("SELECT count(*) FROM students WHERE boarding = 'boarding' AND active = 1");
  g_autofree char *title = NULL;
  guint n_sheets, rows;
  g_auto(NtTestRun) r;
  g_auto(NtTestRun) again;
  g_auto(NtTestRun) by_room;

  run (&r, "--db", demo_db, "--export", "students", "-o", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, path));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  read_book (path, &n_sheets, &title, &rows);
  g_assert_cmpuint (n_sheets, ==, 1);
  g_assert_cmpstr (title, ==, _("LIST OF BOARDING STUDENTS"));
  g_assert_cmpint (boarders, >, 100);
  g_assert_cmpuint (rows, ==, boarders);
  g_clear_pointer (&title, g_free);

  /* Writing over an earlier export is fine (--help says so). */
  run (&again, "--db", demo_db, "--export", "students", "-o", path, "--from", "2026-09-01",
       "--to", "2026-12-31", NULL);
  g_assert_cmpint (again.status, ==, 0);

  run (&by_room, "--db", demo_db, "--export", "students", "-o", path, "--group-by", "room", NULL);
  g_assert_cmpint (by_room.status, ==, 0);
  read_book (path, &n_sheets, &title, &rows);
  g_assert_cmpuint (rows, ==, boarders);
}

static void
test_export_rooms (void)
{
  g_autofree char *path = nt_test_tmp_path ("phong.xlsx");
  g_autofree char *one = nt_test_tmp_path ("phong-1.xlsx");
  g_autofree char *none = nt_test_tmp_path ("phong-999.xlsx");
  g_autofree char *first_id = NULL;
  gint64 buildings = count ("SELECT count(*) FROM buildings WHERE active = 1");
  g_autofree char *title = NULL;
  guint n_sheets, rows;
  g_auto(NtTestRun) r;
  g_auto(NtTestRun) r1;
  g_auto(NtTestRun) r999;

  run (&r, "--db", demo_db, "--export", "rooms", "-o", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  read_book (path, &n_sheets, &title, &rows);
  g_assert_cmpint (buildings, >=, 2);
  g_assert_cmpuint (n_sheets, ==, buildings);
  g_assert_cmpstr (title, ==, _("LIST OF STUDENTS BY ROOM"));
  g_clear_pointer (&title, g_free);

  first_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                              count ("SELECT min(id) FROM buildings WHERE active = 1"));
  run (&r1, "--db", demo_db, "--export", "rooms", "-o", one, "--building", first_id, NULL);
  g_assert_cmpint (r1.status, ==, 0);
  read_book (one, &n_sheets, &title, &rows);
  g_assert_cmpuint (n_sheets, ==, 1);

  /* A building that does not exist: the message says which, no file. */
  run (&r999, "--db", demo_db, "--export", "rooms", "-o", none, "--building", "999", NULL);
  g_assert_cmpint (r999.status, ==, 1);
  g_assert_nonnull (strstr (r999.err, "999"));
  g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));
}

/* The roster's reports, for the current month given as a person writes
 * dates (dd/mm/yyyy): the demo school has its roster. */
static void
test_export_roster (void)
{
  static const char * const names[] = { "roster", "duty-counts", "handovers" };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *from = g_date_time_format (now, "01/%m/%Y");
  g_autofree char *to = NULL;

  to = g_strdup_printf ("%02d/%s", g_date_get_days_in_month (g_date_time_get_month (now), g_date_time_get_year (now)),
                        from + 3);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *file = g_strdup_printf ("%s.xlsx", names[i]);
      g_autofree char *path = nt_test_tmp_path (file);
      g_autofree char *title = NULL;
      guint n_sheets, rows;
      g_auto(NtTestRun) r;

      run (&r, "--db", demo_db, "--export", names[i], "--from", from, "--to", to, "-o", path, NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpstr (r.err, ==, "");
      read_book (path, &n_sheets, &title, &rows);
      g_assert_cmpuint (n_sheets, ==, 1);
      g_assert_cmpstr (title, ==, _(nt_reports_find (names[i])->title));
    }
}

static void
test_unknown_report (void)
{
  g_autofree char *path = nt_test_tmp_path ("nope.xlsx");
  g_auto(NtTestRun) r;

  run (&r, "--db", demo_db, "--export", "nope", "-o", path, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "nope"));
  g_assert_nonnull (strstr (r.err, "students"));
  g_assert_nonnull (strstr (r.err, "rooms"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Each mistake gives exit code 2, a message naming the option and what was
 * given, and no file. */
static void
test_bad_options (void)
{
  g_autofree char *path = nt_test_tmp_path ("bad.xlsx");
  g_autofree char *folder = nt_test_tmp_path ("");
  struct
  {
    const char *args[10];   /* NULL-terminated */
    const char *says[2];
  } cases[] = {
    { { "--export", "students", NULL }, { "-o", NULL } },
    { { "--export", "students", "-o", path, "--from", "2026-13-01", NULL }, { "--from", "2026-13-01" } },
    { { "--export", "students", "-o", path, "--to", "31/13/2026", NULL }, { "--to", "31/13/2026" } },
    { { "--export", "students", "-o", path, "--to", "5/9/2026", NULL }, { "--to", "DD/MM/YYYY" } },
    { { "--export", "students", "-o", path, "--from", "2026-9-5", NULL }, { "--from", "YYYY-MM-DD" } },
    { { "--export", "students", "-o", path, "--from", "2026-10-01", "--to", "2026-09-01", NULL },
      { "2026-10-01", "2026-09-01" } },
    { { "--export", "students", "-o", path, "--group-by", "floor", NULL }, { "--group-by", "floor" } },
    { { "--export", "rooms", "-o", path, "--building", "-3", NULL }, { "--building", NULL } },
    { { "--export", "students", "-o", "/tmp/bad.csv", NULL }, { "-o", "bad.csv" } },
    { { "--export", "students", "-o", folder, NULL }, { "-o", NULL } },
    { { "-o", path, NULL }, { "--export", NULL } },
    { { "--group-by", "room", NULL }, { "--group-by", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(NtTestRun) r;
      const char **a = cases[i].args;

      run (&r, "--db", demo_db, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], NULL);
      g_assert_cmpint (r.status, ==, 2);
      for (guint k = 0; k < 2; k++)
        if (cases[i].says[k] && strstr (r.err, cases[i].says[k]) == NULL)
          g_error ("case %u: “%s” not in the message: %s", i, cases[i].says[k], r.err);
      g_assert_cmpstr (r.out, ==, "");
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

static void
test_missing_database (void)
{
  g_autofree char *db = nt_test_tmp_path ("no-such.db");
  g_autofree char *path = nt_test_tmp_path ("from-nothing.xlsx");
  g_auto(NtTestRun) r;

  run (&r, "--db", db, "--export", "students", "-o", path, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, db));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
}

/* With no language asked for (a computer set up in English or with no
 * locale at all), the program speaks Vietnamese; LANGUAGE=en asks for
 * English. */
static void
test_vietnamese_by_default (void)
{
  const char *argv[] = { g_getenv ("NOITRU_BIN"), "--list-reports", NULL };
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *english = NULL;
  int status;

  env = g_environ_unsetenv (env, "LANGUAGE");
  env = g_environ_unsetenv (env, "LC_ALL");
  env = g_environ_unsetenv (env, "LC_MESSAGES");
  env = g_environ_setenv (env, "LANG", "en_US.UTF-8", TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                               &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "HỌC SINH"));

  env = g_environ_setenv (env, "LANGUAGE", "en", TRUE);
  env = g_environ_setenv (env, "LANG", "C.UTF-8", TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &english, NULL,
                               &status, NULL));
  g_assert_null (strstr (english, "HỌC SINH"));
  g_assert_nonnull (strstr (english, "STUDENTS"));
}

int
main (int   argc,
      char *argv[])
{
  g_auto(NtTestRun) demo;
  int status;

  nt_test_init (&argc, &argv);

  /* The school every test exports from, made by the program itself. */
  demo_db = nt_test_tmp_path ("cli-demo.db");
  run (&demo, "--demo", demo_db, "--seed", "5", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  g_assert_true (g_file_test (demo_db, G_FILE_TEST_IS_REGULAR));

  g_test_add_func ("/cli/list-reports", test_list_reports);
  g_test_add_func ("/cli/vietnamese-by-default", test_vietnamese_by_default);
  g_test_add_func ("/cli/export-students", test_export_students);
  g_test_add_func ("/cli/export-rooms", test_export_rooms);
  g_test_add_func ("/cli/export-roster", test_export_roster);
  g_test_add_func ("/cli/unknown-report", test_unknown_report);
  g_test_add_func ("/cli/bad-options", test_bad_options);
  g_test_add_func ("/cli/missing-database", test_missing_database);

  status = g_test_run ();
  g_free (demo_db);
  return status;
}
