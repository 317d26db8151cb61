/* test-import-dialog.c: the import wizard under Xvfb, on the sample files
 * of tests/data/import: file → columns → report → import */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "gui-fixture.h"
#include "nt-context.h"
#include "nt-import-dialog.h"
#include "nt-school.h"
#include "nt-students.h"
#include "nt-test-util.h"

typedef struct
{
  NtStore        *store;
  NtContext      *context;
  NtImportDialog *dialog;
} Fixture;

/* The jobs run in a thread: runs the main loop until the wizard shows
 * @step, or fails after ten seconds. */
static void
wait_step (Fixture    *f,
           const char *step)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_strcmp0 (nt_import_dialog_get_step (f->dialog), step) != 0)
    {
      if (g_get_monotonic_time () > end)
        g_error ("the import wizard shows “%s”, not “%s” (message: %s)",
                 nt_import_dialog_get_step (f->dialog), step,
                 nt_import_dialog_get_message (f->dialog));
      g_main_context_iteration (NULL, FALSE);
    }
}

static char *
sample (const char *dir,
        const char *name)
{
  g_autofree char *rel = g_build_filename ("import", dir, name, NULL);
  return nt_test_data_path (rel);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;

  f->store = nt_test_new_store ();
  nt_classes_add (f->store, "10A1", 10, &error);
  g_assert_no_error (error);
  f->context = nt_context_new (f->store, settings);
  f->dialog = nt_import_dialog_new (f->context);
  gtk_window_present (GTK_WINDOW (f->dialog));
  gui_spin (50);
  g_assert_cmpstr (nt_import_dialog_get_step (f->dialog), ==, "choose");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* The wizard and any message it showed. */
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (window);
    }
  gui_spin (50);
  g_clear_object (&f->context);
  g_clear_object (&f->store);
}

static void
test_good_sample (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = sample ("good", "students-bom.csv");
  GtkWidget *import_button = gui_find_action_button (GTK_WIDGET (f->dialog), "import.commit");
  gint64 classes = nt_store_count (f->store, "SELECT count(*) FROM classes");
  gint64 id;

  g_assert_nonnull (import_button);
  nt_import_dialog_load_file (f->dialog, NT_IMPORT_STUDENTS, path);
  wait_step (f, "mapping");
  nt_import_dialog_check (f->dialog);
  wait_step (f, "report");
  g_assert_cmpuint (nt_import_dialog_get_n_problems (f->dialog), ==, 0);
  g_assert_true (gtk_widget_get_sensitive (import_button));
  /* Checked, not yet written. */
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM students"), ==, 0);

  nt_import_dialog_commit (f->dialog);
  wait_step (f, "done");
  g_assert_nonnull (nt_import_dialog_get_message (f->dialog));

  /* Written by the wizard's own connection, seen through the window's. */
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM students"), ==, 4);
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM classes"), ==, classes + 2);
  id = nt_students_find_by_code (f->store, "HS003");
  g_assert_cmpint (id, >, 0);
  {
    g_autoptr(NtStudent) s = nt_students_load (f->store, id, NULL);

    g_assert_cmpstr (s->full_name, ==, "Đặng Thị Thu Hương");
    g_assert_cmpstr (s->birth_date, ==, "2010-11-30");
    g_assert_cmpstr (s->gender, ==, "F");
  }

  /* The same file again, in a new wizard: the four students are already
   * as in the file; the report says so and importing writes nothing. */
  {
    NtImportDialog *again = nt_import_dialog_new (f->context);
    g_autofree char *checked = g_strdup_printf (_("Everything is right: %u new, %u to update, %u unchanged, %u new classes. Press Import to write them all at once."),
                                                0, 0, 4, 0);
    g_autofree char *done = g_strdup_printf (_("%u added and %u updated (%u unchanged, not written), with %u new classes."),
                                             0, 0, 4, 0);
    gint64 audit = nt_store_count (f->store, "SELECT count(*) FROM audit_log");

    gtk_window_present (GTK_WINDOW (again));
    f->dialog = again;
    nt_import_dialog_load_file (again, NT_IMPORT_STUDENTS, path);
    wait_step (f, "mapping");
    nt_import_dialog_check (again);
    wait_step (f, "report");
    g_assert_cmpstr (nt_import_dialog_get_message (again), ==, checked);
    nt_import_dialog_commit (again);
    wait_step (f, "done");
    g_assert_cmpstr (nt_import_dialog_get_message (again), ==, done);
    g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM students"), ==, 4);
    g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM audit_log"), ==, audit);
  }
}

static void
test_bad_sample (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = sample ("bad", "duplicate-codes.csv");
  GtkWidget *import_button = gui_find_action_button (GTK_WIDGET (f->dialog), "import.commit");
  gint64 classes = nt_store_count (f->store, "SELECT count(*) FROM classes");
  gint64 audit = nt_store_count (f->store, "SELECT count(*) FROM audit_log");

  g_assert_nonnull (import_button);
  nt_import_dialog_load_file (f->dialog, NT_IMPORT_STUDENTS, path);
  wait_step (f, "mapping");
  nt_import_dialog_check (f->dialog);
  wait_step (f, "report");
  g_assert_cmpuint (nt_import_dialog_get_n_problems (f->dialog), ==, 2);
  g_assert_false (gtk_widget_get_sensitive (import_button));

  /* Importing anyway is refused: the wizard goes back to the columns and
   * nothing is written. */
  nt_import_dialog_commit (f->dialog);
  wait_step (f, "mapping");
  g_assert_nonnull (nt_import_dialog_get_message (f->dialog));
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM students"), ==, 0);
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM classes"), ==, classes);
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM audit_log"), ==, audit);
}

static void
test_unreadable_sample (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = sample ("bad", "not-a-workbook.xlsx");

  /* Back to choosing a file, with the file named in the message. */
  nt_import_dialog_load_file (f->dialog, NT_IMPORT_STUDENTS, path);
  gui_spin (20);
  wait_step (f, "choose");
  g_assert_nonnull (nt_import_dialog_get_message (f->dialog));
  g_assert_nonnull (strstr (nt_import_dialog_get_message (f->dialog), "not-a-workbook.xlsx"));
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM students"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/import-dialog/good-sample", test_good_sample);
  ADD ("/import-dialog/bad-sample", test_bad_sample);
  ADD ("/import-dialog/unreadable-sample", test_unreadable_sample);
#undef ADD

  return g_test_run ();
}
