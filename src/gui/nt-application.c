/* nt-application.c: opens the school's database and its window */
#define G_LOG_DOMAIN "nt-application"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-application.h"
#include "nt-backup.h"
#include "nt-context.h"
#include "nt-demo.h"
#include "nt-signin-window.h"
#include "nt-window.h"

struct _NtApplication
{
  AdwApplication  parent_instance;
  char           *db_path;
  NtContext      *context;
};

G_DEFINE_FINAL_TYPE (NtApplication, nt_application, ADW_TYPE_APPLICATION)

static void
nt_application_finalize (GObject *object)
{
  NtApplication *self = NT_APPLICATION (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->db_path, g_free);
  G_OBJECT_CLASS (nt_application_parent_class)->finalize (object);
}

/* A missing database becomes a demo school, so that a newcomer sees a living
 * school at once; anything else that fails is shown, never overwritten. */
static NtStore *
open_or_create (const char  *path,
                GError     **error)
{
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      NtDemoOptions options = { NT_DEMO_DEFAULT_SEED, 0 };
      return nt_demo_create (path, &options, error);
    }
  return nt_store_open (path, NT_STORE_OPEN_EXISTING | NT_STORE_OPEN_VERIFY_LATER, error);
}

static void
show_open_error (NtApplication *self,
                 const GError  *error)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (self));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();

  gtk_window_set_title (GTK_WINDOW (window), _("Nội trú"));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 420);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("The database cannot be opened"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status), error->message);
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

/* The day's automatic backup; a failure (a full disk) is said, not fatal. */
static void
on_daily_backup (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(NtApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = nt_backup_daily_finish (NT_STORE (source), result, &error);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (error != NULL && NT_IS_WINDOW (window))
    {
      g_autofree char *message = g_strdup_printf (_("Today's automatic backup failed: %s"), error->message);
      nt_window_toast (NT_WINDOW (window), adw_toast_new (message));
    }
}

/* The full check of the file runs while the window opens; until it has
 * passed nothing is written, and a damaged file closes the window. Once it
 * has passed, the first start of the day makes the day's backup. */
static void
on_verified (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(NtApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (nt_store_verify_finish (NT_STORE (source), result, &error))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      nt_backup_daily_async (NT_STORE (source), now, NULL, on_daily_backup, g_object_ref (self));
      return;
    }
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  show_open_error (self, error);
  if (window != NULL)
    gtk_window_destroy (window);
}

static void
nt_application_activate (GApplication *app)
{
  NtApplication *self = NT_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(GError) error = NULL;
  g_autoptr(NtStore) store = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  store = open_or_create (self->db_path, &error);
  if (store == NULL)
    {
      show_open_error (self, error);
      return;
    }

  settings = g_settings_new (APP_ID);
  self->context = nt_context_new (store, settings);
  nt_context_restore_user (self->context);

  window = GTK_WINDOW (nt_window_new (GTK_APPLICATION (app), self->context));
  /* Behind the sign-in when someone has a PIN. */
  nt_signin_guard (window, self->context);
  if (nt_signin_get_window (window) == NULL)
    gtk_window_present (window);
  nt_store_verify_async (store, NULL, on_verified, g_object_ref (self));
  if (nt_signin_get_window (window) == NULL)
    nt_window_ask_user_if_needed (NT_WINDOW (window));
}

/**
 * nt_application_restore:
 * @backup: a backup file, checked by the caller with nt_backup_inspect()
 *
 * Closes the window and the database, restores @backup over it (the
 * current data kept in the backups folder), and opens again, saying what
 * happened.
 */
void
nt_application_restore (NtApplication *self,
                        const char    *backup)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (backup);
  g_autofree char *saved = NULL;
  g_autoptr(GList) windows = NULL;
  GtkWindow *window;
  GtkWidget *dialog;
  NtStore *store = NULL;
  gboolean ok;

  g_return_if_fail (NT_IS_APPLICATION (self));
  g_return_if_fail (backup != NULL);

  /* No connection may stay open on the file being replaced. */
  g_application_hold (G_APPLICATION (self));
  if (self->context != NULL)
    g_set_weak_pointer (&store, nt_context_get_store (self->context));
  /* Every window, the dialogs that are no application window too (the
   * person chooser holds the context). */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      windows = g_list_prepend (windows, g_list_model_get_item (toplevels, i));
  }
  for (GList *l = windows; l; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free_full (g_steal_pointer (&windows), g_object_unref);
  g_clear_object (&self->context);
  /* Pages may still finish a read in the background: wait (briefly) for
   * the last reference to the store to go, and its connection with it. */
  for (gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
       store != NULL && g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
  g_clear_weak_pointer (&store);

  ok = nt_backup_restore (self->db_path, path, TRUE, &saved, &error);

  g_application_activate (G_APPLICATION (self));
  g_application_release (G_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (ok)
    {
      g_autofree char *body = g_strdup_printf (_("The data now comes from %s. The data as it was before is kept in %s."),
                                               path, saved ? saved : "—");
      dialog = adw_message_dialog_new (window, _("Backup restored"), body);
    }
  else
    dialog = adw_message_dialog_new (window, _("The backup was not restored"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Nội trú developers"), NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Nội trú"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("The boarding side of a boarding school: students, rooms, night checks, duty roster and commitments, offline."),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
nt_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { "about", about_action },
    { "quit", quit_action },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (nt_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
nt_application_class_init (NtApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = nt_application_finalize;
  app_class->activate = nt_application_activate;
  app_class->startup = nt_application_startup;
}

static void
nt_application_init (NtApplication *self)
{
}

NtApplication *
nt_application_new (const char *db_path)
{
  NtApplication *self;

  g_return_val_if_fail (db_path != NULL, NULL);

  self = g_object_new (NT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/vn/edu/noitru",
                       NULL);
  self->db_path = g_strdup (db_path);
  return self;
}
