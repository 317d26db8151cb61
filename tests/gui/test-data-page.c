/* test-data-page.c: sign-in and the idle lock, sections by role, the Data
 * section (backup now, the restore summary), the PIN dialog and the audit
 * trail screen, on the real window */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "gui-fixture.h"
#include "nt-access.h"
#include "nt-application.h"
#include "nt-audit-window.h"
#include "nt-auth.h"
#include "nt-backup.h"
#include "nt-data-page.h"
#include "nt-demo.h"
#include "nt-error.h"
#include "nt-signin-pin-dialog.h"
#include "nt-signin-window.h"
#include "nt-students.h"
#include "nt-test-util.h"

static gint64
staff_of_role (NtStore    *store,
               const char *role)
{
  g_autofree char *sql = g_strdup_printf ("SELECT min(id) FROM staff WHERE role = '%s' AND active = 1", role);
  return nt_store_count (store, sql);
}

/* NT_TEST_PAUSE=ms holds the screen for a screenshot. */
static void
pause_for_screenshot (void)
{
  const char *ms = g_getenv ("NT_TEST_PAUSE");

  if (ms != NULL)
    gui_spin (atoi (ms));
}

static void
setup (GuiFixture    *f,
       gconstpointer  data)
{
  gui_fixture_setup (f, 14);
}

static void
teardown (GuiFixture    *f,
          gconstpointer  data)
{
  NtSigninWindow *signin = nt_signin_get_window (GTK_WINDOW (f->window));

  if (signin != NULL)
    gtk_window_destroy (GTK_WINDOW (signin));
  gui_fixture_teardown (f);
}

static void
test_signin_and_lock (GuiFixture    *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  gint64 principal = staff_of_role (f->store, "principal");
  gint64 supervisor = staff_of_role (f->store, "supervisor");
  NtSigninWindow *signin;

  /* Nobody has a PIN: nothing is asked. */
  nt_signin_guard (GTK_WINDOW (f->window), f->context);
  g_assert_null (nt_signin_get_window (GTK_WINDOW (f->window)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));

  g_assert_true (nt_auth_set_secret (f->store, principal, "1975", &error));
  g_assert_true (nt_auth_set_secret (f->store, supervisor, "2468", &error));

  signin = nt_signin_lock (GTK_WINDOW (f->window));
  gui_spin_until (gui_window_mapped, signin, 30);
  pause_for_screenshot ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));

  /* A wrong PIN: refused, still locked. */
  g_assert_false (nt_signin_window_sign_in (signin, supervisor, "0000", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (nt_signin_get_window (GTK_WINDOW (f->window)) == signin);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));

  /* The right one: the window is back, the supervisor is the user. */
  g_assert_true (nt_signin_window_sign_in (signin, supervisor, "2468", &error));
  g_assert_no_error (error);
  gui_spin (50);
  g_assert_null (nt_signin_get_window (GTK_WINDOW (f->window)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_cmpint (nt_context_get_user (f->context)->id, ==, supervisor);
  g_assert_cmpint (nt_store_get_actor (f->store), ==, supervisor);

  /* A supervisor is not offered the self-assessment; the night check is. */
  nt_window_show_section (f->window, "checks");
  g_assert_cmpstr (nt_window_get_section (f->window), ==, "checks");
  nt_window_show_section (f->window, "assessment");
  g_assert_cmpstr (nt_window_get_section (f->window), ==, "checks");

  /* Idle longer than the setting: locked again. */
  settings = g_object_ref (nt_context_get_settings (f->context));
  g_settings_set_int (settings, "lock-idle-minutes", 1);
  nt_signin_note_activity (GTK_WINDOW (f->window), g_get_monotonic_time ());
  g_assert_false (nt_signin_check_idle (GTK_WINDOW (f->window)));
  nt_signin_note_activity (GTK_WINDOW (f->window), g_get_monotonic_time () - 2 * G_TIME_SPAN_MINUTE);
  g_assert_true (nt_signin_check_idle (GTK_WINDOW (f->window)));
  g_assert_nonnull (nt_signin_get_window (GTK_WINDOW (f->window)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));

  /* 0 never locks. */
  signin = nt_signin_get_window (GTK_WINDOW (f->window));
  g_assert_true (nt_signin_window_sign_in (signin, principal, "1975", &error));
  g_settings_set_int (settings, "lock-idle-minutes", 0);
  nt_signin_note_activity (GTK_WINDOW (f->window), g_get_monotonic_time () - 60 * G_TIME_SPAN_MINUTE);
  g_assert_false (nt_signin_check_idle (GTK_WINDOW (f->window)));
  g_settings_reset (settings, "lock-idle-minutes");

  /* "Who is using the program?" is a sign-in now, not a free choice. */
  g_assert_null (nt_signin_get_window (GTK_WINDOW (f->window)));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.choose-user", NULL);
  g_assert_nonnull (nt_signin_get_window (GTK_WINDOW (f->window)));
}

static gboolean
page_idle (gpointer page)
{
  return !nt_data_page_is_busy (page);
}

static void
test_backup_now (GuiFixture    *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NtStaffMember) principal = nt_staff_load (f->store, staff_of_role (f->store, "principal"), NULL);
  g_autoptr(NtBackupInfo) info = NULL;
  g_autofree char *usb = nt_test_tmp_path ("usb");
  g_autofree char *summary = NULL;
  g_autofree char *students = NULL;
  NtDataPage *page;

  g_assert_true (nt_context_set_user (f->context, principal, &error));
  nt_window_show_section (f->window, "data");
  g_assert_cmpstr (nt_window_get_section (f->window), ==, "data");
  page = NT_DATA_PAGE (nt_window_get_page (f->window, "data"));
  gui_spin (100);
  pause_for_screenshot ();

  nt_data_page_back_up_to (page, usb);
  g_assert_true (nt_data_page_is_busy (page));
  gui_spin_until (page_idle, page, 30);
  g_assert_nonnull (nt_data_page_get_last_backup (page));

  info = nt_backup_inspect (nt_data_page_get_last_backup (page), &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->students, ==, nt_store_count (f->store, "SELECT count(*) FROM students WHERE active = 1"));

  /* The question before a restore says what the backup holds. */
  summary = nt_data_page_describe_backup (page, info);
  students = g_strdup_printf ("%" G_GINT64_FORMAT, info->students);
  g_assert_nonnull (strstr (summary, students));
  g_assert_nonnull (strstr (summary, info->school_name));

  g_remove (nt_data_page_get_last_backup (page));
  g_rmdir (usb);
}

static void
test_pin_dialog (GuiFixture    *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NtStaffMember) supervisor = nt_staff_load (f->store, staff_of_role (f->store, "supervisor"), NULL);
  NtSigninPinDialog *dialog;

  g_assert_true (nt_context_set_user (f->context, supervisor, &error));
  dialog = nt_signin_pin_dialog_new (GTK_WINDOW (f->window), f->context);
  gtk_window_present (GTK_WINDOW (dialog));

  g_assert_false (nt_signin_pin_dialog_save (dialog, NULL, "1234", "1243", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (nt_signin_pin_dialog_save (dialog, NULL, "1234", "1234", &error));
  g_assert_no_error (error);
  g_assert_true (nt_auth_has_secret (f->store, supervisor->id));

  /* Changing it needs the current one. */
  g_assert_false (nt_signin_pin_dialog_save (dialog, "9999", "5678", "5678", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (nt_signin_pin_dialog_save (dialog, "1234", "", "", &error));
  g_assert_false (nt_auth_has_secret (f->store, supervisor->id));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_audit_window (GuiFixture    *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NtStaffMember) principal = nt_staff_load (f->store, staff_of_role (f->store, "principal"), NULL);
  g_autoptr(NtStudent) student = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%d/%m/%Y");
  NtAuditWindow *window;

  g_assert_true (nt_context_set_user (f->context, principal, &error));
  student = nt_students_load (f->store, 5, &error);
  g_free (student->guardian_name);
  student->guardian_name = g_strdup ("Lò Văn Ún");
  g_assert_true (nt_students_save (f->store, student, NULL, &error));
  g_assert_no_error (error);

  window = nt_audit_window_new (GTK_WINDOW (f->window), f->context);
  gtk_window_present (GTK_WINDOW (window));
  gui_spin_until (gui_window_mapped, window, 30);
  g_assert_cmpuint (nt_audit_window_get_n_shown (window), >, 0);

  nt_audit_window_set_filter (window, today, today, "students", principal->id);
  g_assert_cmpuint (nt_audit_window_get_n_shown (window), ==, 1);
  pause_for_screenshot ();
  nt_audit_window_set_filter (window, "01/01/2000", "02/01/2000", NULL, 0);
  g_assert_cmpuint (nt_audit_window_get_n_shown (window), ==, 0);
  nt_audit_window_set_filter (window, "32/13/2020", NULL, NULL, 0);
  g_assert_cmpuint (nt_audit_window_get_n_shown (window), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gint64
count_in (const char *path,
          const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NtStore) store = nt_store_open (path, NT_STORE_OPEN_EXISTING, &error);

  g_assert_no_error (error);
  return nt_store_count (store, sql);
}

/* The restore from the Data section: the application closes its window
 * and the database, restores, and opens again. */
static void
test_app_restore (void)
{
  g_autofree char *db = nt_test_tmp_path ("app.db");
  g_autofree char *backup = nt_test_tmp_path ("app-backup.db");
  g_autofree char *dir = NULL;
  g_autoptr(NtApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  NtDemoOptions options = { 16, 200 };

  {
    g_autoptr(NtStore) store = nt_demo_create (db, &options, &error);
    g_assert_no_error (error);
    g_assert_true (nt_backup_copy (db, backup, NULL, NULL, NULL, &error));
    g_assert_true (nt_store_exec (store, "INSERT INTO classes (name, grade) VALUES ('Z9', 9)", &error));
  }

  app = nt_application_new (db);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_application_activate (G_APPLICATION (app));
  /* The check of the file and the day's backup run first. */
  gui_spin (2000);
  g_assert_true (NT_IS_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data) ||
                 gtk_application_get_windows (GTK_APPLICATION (app)) != NULL);

  nt_application_restore (app, backup);
  gui_spin (500);
  g_assert_nonnull (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_cmpint (count_in (db, "SELECT count(*) FROM classes WHERE name = 'Z9'"), ==, 0);

  /* The data as it was is in the backups folder. */
  dir = g_build_filename (g_path_get_dirname (db), "backups", NULL);
  {
    g_autoptr(GPtrArray) kept = nt_backup_list (dir);
    gboolean found = FALSE;
    for (guint i = 0; i < kept->len; i++)
      {
        NtBackupInfo *info = g_ptr_array_index (kept, i);
        g_autofree char *base = g_path_get_basename (info->path);
        if (g_str_has_prefix (base, "before-restore-"))
          {
            g_assert_cmpint (count_in (info->path, "SELECT count(*) FROM classes WHERE name = 'Z9'"), ==, 1);
            found = TRUE;
          }
        g_remove (info->path);
      }
    g_assert_true (found);
  }
  g_rmdir (dir);

  {
    g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));
    for (GList *l = windows; l; l = l->next)
      gtk_window_destroy (l->data);
  }
  gui_spin (100);
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add ("/data-page/signin-and-lock", GuiFixture, NULL, setup, test_signin_and_lock, teardown);
  g_test_add ("/data-page/backup-now", GuiFixture, NULL, setup, test_backup_now, teardown);
  g_test_add ("/data-page/pin-dialog", GuiFixture, NULL, setup, test_pin_dialog, teardown);
  g_test_add ("/data-page/audit-window", GuiFixture, NULL, setup, test_audit_window, teardown);
  g_test_add_func ("/data-page/app-restore", test_app_restore);

  return g_test_run ();
}
