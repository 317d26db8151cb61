/* test-reports-page.c: the Reports section under Xvfb: exports run in a
 * thread and give a workbook that an independent reader (openpyxl) reads */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "gui-fixture.h"
#include "nt-context.h"
#include "nt-reports-page.h"
#include "nt-reports.h"
#include "nt-test-util.h"
#include "nt-vntext.h"
#include "nt-window.h"

typedef struct
{
  GuiFixture     gui;
  NtReportsPage *page;

  /* the last export-finished */
  gboolean       finished;
  char          *report;
  char          *path;
  char          *error;
} Fixture;

static gboolean
export_finished (gpointer data)
{
  return ((Fixture *) data)->finished;
}

static void
on_export_finished (NtReportsPage *page,
                    const char    *report,
                    const char    *path,
                    const char    *error,
                    Fixture       *f)
{
  g_assert_false (f->finished);
  f->finished = TRUE;
  g_free (f->report);
  g_free (f->path);
  g_free (f->error);
  f->report = g_strdup (report);
  f->path = g_strdup (path);
  f->error = g_strdup (error);
}

static void
wait_export (Fixture *f)
{
  gui_spin_until (export_finished, f, 30);
  f->finished = FALSE;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  gui_fixture_setup (&f->gui, 11);

  nt_window_show_section (f->gui.window, "reports");
  g_assert_cmpstr (nt_window_get_section (f->gui.window), ==, "reports");
  f->page = NT_REPORTS_PAGE (nt_window_get_page (f->gui.window, "reports"));
  g_assert_nonnull (f->page);
  g_signal_connect (f->page, "export-finished", G_CALLBACK (on_export_finished), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gui_fixture_teardown (&f->gui);
  g_clear_pointer (&f->report, g_free);
  g_clear_pointer (&f->path, g_free);
  g_clear_pointer (&f->error, g_free);
}

/* ----- reading the workbook back (tests/core/read-xlsx.py) ---------------- */

typedef struct
{
  char *title;          /* A4 of the first sheet */
  guint numbered_rows;  /* table rows (from row 8) whose No. is a number */
  guint n_sheets;
} Book;

static void
read_book (const char *path,
           Book       *book)
{
  g_autofree char *script = g_build_filename (g_getenv ("NOITRU_SOURCE_ROOT"), "tests", "core",
                                              "read-xlsx.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  const char *first_sheet = NULL;
  int status;

  memset (book, 0, sizeof *book);
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
          if (book->n_sheets++ == 0)
            first_sheet = lines[i] + strlen ("sheet\t");
        }
      else if (g_strv_length (f) == 8 && g_str_equal (f[0], "cell") && g_str_equal (f[1], first_sheet))
        {
          const char *coord = f[2];

          if (g_str_equal (coord, "A4"))
            book->title = g_strdup (f[7]);
          /* A student's row starts with its number (type n); group rows,
           * headers and the signature block start with text. */
          else if (coord[0] == 'A' && g_ascii_isdigit (coord[1]) && atoi (coord + 1) >= 8 &&
                   g_str_equal (f[3], "n"))
            book->numbered_rows++;
        }
    }
}

/* ----- tests ---------------------------------------------------------------- */

static void
test_lists_reports (Fixture       *f,
                    gconstpointer  data)
{
  guint n = 0;
  const NtReportInfo *reports = nt_reports_list (&n);
  GtkWidget *students_group;

  g_assert_cmpuint (n, >=, 2);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *group = nt_reports_page_get_row (f->page, reports[i].name, "group");
      GtkWidget *button = nt_reports_page_get_row (f->page, reports[i].name, "export");

      g_assert_true (ADW_IS_PREFERENCES_GROUP (group));
      g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                       _(reports[i].description));
      g_assert_true (GTK_IS_BUTTON (button));
      g_assert_true (gtk_widget_get_sensitive (button));
      g_assert_false (gtk_widget_get_visible (nt_reports_page_get_row (f->page, reports[i].name, "progress")));
    }

  /* The options are where the report reads them, and only there. */
  g_assert_true (ADW_IS_COMBO_ROW (nt_reports_page_get_row (f->page, "students", "group-by")));
  g_assert_null (nt_reports_page_get_row (f->page, "students", "building"));
  g_assert_true (ADW_IS_COMBO_ROW (nt_reports_page_get_row (f->page, "rooms", "building")));
  g_assert_null (nt_reports_page_get_row (f->page, "rooms", "group-by"));
  g_assert_null (nt_reports_page_get_row (f->page, "nothing", "group"));

  /* The title in sentence case, and the page is on screen. */
  students_group = nt_reports_page_get_row (f->page, "students", "group");
  g_assert_true (gtk_widget_get_mapped (students_group));
  {
    const char *title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (students_group));
    g_autofree char *lower = g_utf8_strdown (_(nt_reports_find ("students")->title), -1);

    g_assert_cmpstr (g_utf8_next_char (title), ==, g_utf8_next_char (lower));
  }
}

static void
test_buildings_listed (Fixture       *f,
                       gconstpointer  data)
{
  AdwComboRow *row = ADW_COMBO_ROW (nt_reports_page_get_row (f->page, "rooms", "building"));
  GListModel *model = adw_combo_row_get_model (row);
  gint64 n_buildings = nt_store_count (f->gui.store, "SELECT count(*) FROM buildings WHERE active = 1");

  g_assert_cmpint (n_buildings, >=, 1);
  /* "All buildings" first, then each active building. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_buildings + 1);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  /* A new building shows up without reopening the page. */
  nt_store_exec (f->gui.store, "INSERT INTO buildings (name, gender, floors) VALUES ('Nhà Thử', 'X', 1)", NULL);
  nt_store_emit_changed (f->gui.store, "buildings");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_buildings + 2);
}

static void
test_suggested_name (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = nt_reports_page_suggest_file_name (f->page, "students");
  g_autofree char *by_room = NULL;
  g_autofree char *building = NULL;

  /* ASCII only, the date, the extension. */
  g_assert_nonnull (name);
  g_assert_true (g_str_is_ascii (name));
  g_assert_true (g_str_has_suffix (name, ".xlsx"));
  g_assert_nonnull (strstr (name, today));
  g_assert_null (strchr (name, ' '));
  g_assert_null (strchr (name, '/'));
  /* "danh-sach-hoc-sinh-noi-tru-2026-11-26.xlsx" with the Vietnamese catalogue. */
  {
    g_autofree char *folded = nt_vn_fold (_(nt_reports_find ("students")->title));
    g_autofree char *expected = NULL;

    g_strdelimit (folded, " ", '-');
    expected = g_strdup_printf ("%s-%s.xlsx", folded, today);
    g_assert_cmpstr (name, ==, expected);
  }

  adw_combo_row_set_selected (ADW_COMBO_ROW (nt_reports_page_get_row (f->page, "students", "group-by")), 1);
  by_room = nt_reports_page_suggest_file_name (f->page, "students");
  g_assert_cmpstr (by_room, !=, name);
  g_assert_true (g_str_has_suffix (by_room, ".xlsx"));

  adw_combo_row_set_selected (ADW_COMBO_ROW (nt_reports_page_get_row (f->page, "rooms", "building")), 1);
  building = nt_reports_page_suggest_file_name (f->page, "rooms");
  g_assert_true (g_str_is_ascii (building));
  g_assert_null (strchr (building, ' '));

  g_assert_null (nt_reports_page_suggest_file_name (f->page, "nothing"));
}

static void
test_export_students (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = nt_test_tmp_path ("hoc-sinh.xlsx");
  gint64 boarders = nt_store_count (f->gui.store,
                                    "SELECT count(*) FROM students WHERE boarding = 'boarding' AND active = 1");
  GtkWidget *button = nt_reports_page_get_row (f->page, "students", "export");
  GtkWidget *progress = nt_reports_page_get_row (f->page, "students", "progress");
  Book book;

  g_assert_cmpint (boarders, >, 100);
  g_assert_true (nt_reports_page_export (f->page, "students", path));

  /* While it runs: the bar shows, the button waits, a second export of
   * the same report is refused, another report may start. */
  g_assert_true (nt_reports_page_is_exporting (f->page, "students"));
  g_assert_true (gtk_widget_get_visible (progress));
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_false (nt_reports_page_export (f->page, "students", path));
  g_assert_false (nt_reports_page_is_exporting (f->page, "rooms"));

  wait_export (f);
  g_assert_null (f->error);
  g_assert_cmpstr (f->report, ==, "students");
  g_assert_cmpstr (f->path, ==, path);
  g_assert_false (nt_reports_page_is_exporting (f->page, "students"));
  g_assert_false (gtk_widget_get_visible (progress));
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  read_book (path, &book);
  g_assert_cmpuint (book.n_sheets, ==, 1);
  g_assert_cmpstr (book.title, ==, _("LIST OF BOARDING STUDENTS"));
  g_assert_cmpuint (book.numbered_rows, ==, boarders);
  g_free (book.title);

  /* The same file again, grouped by room: replaced, same students. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (nt_reports_page_get_row (f->page, "students", "group-by")), 1);
  g_assert_true (nt_reports_page_export (f->page, "students", path));
  wait_export (f);
  g_assert_null (f->error);
  read_book (path, &book);
  g_assert_cmpuint (book.numbered_rows, ==, boarders);
  g_free (book.title);
}

/* The text of cell @coord of the first sheet of @path. */
static char *
first_sheet_cell (const char *path,
                  const char *coord)
{
  g_autofree char *script = g_build_filename (g_getenv ("NOITRU_SOURCE_ROOT"), "tests", "core",
                                              "read-xlsx.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  char *first_sheet = NULL;
  char *value = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, NULL));
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] && value == NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);

      if (g_strv_length (f) == 2 && g_str_equal (f[0], "sheet") && first_sheet == NULL)
        first_sheet = g_strdup (f[1]);
      else if (g_strv_length (f) == 8 && g_str_equal (f[0], "cell") && g_strcmp0 (f[1], first_sheet) == 0 &&
               g_str_equal (f[2], coord))
        value = g_strdup (f[7]);
    }
  g_free (first_sheet);
  return value;
}

/* A report of a period exports the days typed under it (dd/mm/yyyy), its
 * file is named after them, and a wrong date writes nothing. */
static void
test_export_period (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = nt_test_tmp_path ("xin-phep-thang-10.xlsx");
  g_autofree char *bad = nt_test_tmp_path ("sai.xlsx");
  g_autofree char *name = NULL;
  g_autofree char *period = NULL;
  GtkEditable *from = GTK_EDITABLE (nt_reports_page_get_row (f->page, "leave", "from"));
  GtkEditable *to = GTK_EDITABLE (nt_reports_page_get_row (f->page, "leave", "to"));

  g_assert_nonnull (from);
  g_assert_nonnull (to);
  g_assert_null (nt_reports_page_get_row (f->page, "students", "from"));

  gtk_editable_set_text (from, "01/10/2026");
  gtk_editable_set_text (to, "31/10/2026");
  name = nt_reports_page_suggest_file_name (f->page, "leave");
  g_assert_true (g_str_has_suffix (name, "-2026-10-01-den-2026-10-31.xlsx"));
  g_assert_true (nt_reports_page_export (f->page, "leave", path));
  wait_export (f);
  g_assert_null (f->error);
  period = first_sheet_cell (path, "A5");
  g_assert_nonnull (period);
  g_assert_nonnull (strstr (period, "01/10/2026"));
  g_assert_nonnull (strstr (period, "31/10/2026"));

  gtk_editable_set_text (from, "31/02/2026");
  g_assert_false (nt_reports_page_export (f->page, "leave", bad));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  gtk_editable_set_text (from, "01/11/2026");
  g_assert_false (nt_reports_page_export (f->page, "leave", bad));   /* ends before it starts */
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

static void
test_export_rooms_one_building (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *path = nt_test_tmp_path ("phong.xlsx");
  AdwComboRow *row = ADW_COMBO_ROW (nt_reports_page_get_row (f->page, "rooms", "building"));
  gint64 n_buildings = nt_store_count (f->gui.store, "SELECT count(*) FROM buildings WHERE active = 1");
  Book book;

  g_assert_cmpint (n_buildings, >=, 2);

  /* Every building: a sheet each. */
  g_assert_true (nt_reports_page_export (f->page, "rooms", path));
  wait_export (f);
  g_assert_null (f->error);
  read_book (path, &book);
  g_assert_cmpuint (book.n_sheets, ==, n_buildings);
  g_assert_cmpstr (book.title, ==, _("LIST OF STUDENTS BY ROOM"));
  g_free (book.title);

  /* One building: one sheet. */
  adw_combo_row_set_selected (row, 1);
  g_assert_true (nt_reports_page_export (f->page, "rooms", path));
  wait_export (f);
  g_assert_null (f->error);
  read_book (path, &book);
  g_assert_cmpuint (book.n_sheets, ==, 1);
  g_free (book.title);
}

static void
test_export_fails (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = nt_test_tmp_path ("no-such-folder/hoc-sinh.xlsx");

  g_assert_true (nt_reports_page_export (f->page, "students", path));
  wait_export (f);
  /* The message names the file; the page is ready for another try. */
  g_assert_nonnull (f->error);
  g_assert_nonnull (strstr (f->error, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (nt_reports_page_is_exporting (f->page, "students"));
  g_assert_false (nt_reports_page_export (f->page, "nothing", path));
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = nt_test_tmp_path ("huy.xlsx");
  g_autofree char *cancelled = NULL;

  g_assert_false (nt_reports_page_cancel (f->page, "students"));

  /* Cancelled at once: the thread is still opening the database, and
   * stops before it writes anything. */
  g_assert_true (nt_reports_page_export (f->page, "students", path));
  g_assert_true (nt_reports_page_cancel (f->page, "students"));
  g_assert_false (gtk_widget_get_sensitive (nt_reports_page_get_row (f->page, "students", "cancel")));
  wait_export (f);
  g_assert_nonnull (f->error);
  {
    /* GIO's own words for a cancelled operation, in whatever language. */
    g_autoptr(GCancellable) c = g_cancellable_new ();
    g_autoptr(GError) expected = NULL;

    g_cancellable_cancel (c);
    g_cancellable_set_error_if_cancelled (c, &expected);
    g_assert_cmpstr (f->error, ==, expected->message);
  }
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (nt_reports_page_is_exporting (f->page, "students"));

  /* And it can start again. */
  g_assert_true (nt_reports_page_export (f->page, "students", path));
  wait_export (f);
  g_assert_null (f->error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/reports-page/lists-reports", test_lists_reports);
  ADD ("/reports-page/buildings", test_buildings_listed);
  ADD ("/reports-page/suggested-name", test_suggested_name);
  ADD ("/reports-page/export-students", test_export_students);
  ADD ("/reports-page/export-period", test_export_period);
  ADD ("/reports-page/export-rooms", test_export_rooms_one_building);
  ADD ("/reports-page/export-fails", test_export_fails);
  ADD ("/reports-page/cancel", test_cancel);
#undef ADD

  return g_test_run ();
}
