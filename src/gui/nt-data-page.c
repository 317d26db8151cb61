/* nt-data-page.c: the "Data" section: one's PIN and the idle lock, the
 * backups (back up now to a USB stick, restore one after checking it) and
 * the audit trail
 *
 * What a role may not use is not shown: backups need NT_PERM_BACKUP, the
 * audit trail NT_PERM_VIEW_AUDIT.
 */
#define G_LOG_DOMAIN "nt-data-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-access.h"
#include "nt-application.h"
#include "nt-audit-window.h"
#include "nt-auth.h"
#include "nt-backup.h"
#include "nt-data-page.h"
#include "nt-school.h"
#include "nt-signin-pin-dialog.h"
#include "nt-signin-window.h"
#include "nt-thread-progress.h"
#include "nt-window.h"

struct _NtDataPage
{
  GtkBox              parent_instance;

  NtContext          *context;
  AdwPreferencesGroup *backup_group;
  AdwPreferencesGroup *list_group;
  AdwPreferencesGroup *audit_group;
  GtkWidget          *lock_row;
  GtkProgressBar     *progress;
  GtkWidget          *backup_button;
  GtkWidget          *restore_button;
  GList              *backup_rows;
  GCancellable       *cancellable;
  char               *last_backup;
  gboolean            busy;
};

G_DEFINE_FINAL_TYPE (NtDataPage, nt_data_page, GTK_TYPE_BOX)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static GtkWindow *
toplevel (NtDataPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
toast (NtDataPage *self,
       const char *message)
{
  GtkWindow *window = toplevel (self);

  if (NT_IS_WINDOW (window))
    {
      AdwToast *t = adw_toast_new (message);
      adw_toast_set_timeout (t, 6);
      nt_window_toast (NT_WINDOW (window), t);
    }
  else
    g_message ("%s", message);
}

/* ----- the backups list ------------------------------------------------- */

static void ask_restore (NtDataPage *self,
                         const char *path);

static void
on_restore_row (GtkButton  *button,
                NtDataPage *self)
{
  ask_restore (self, g_object_get_data (G_OBJECT (button), "path"));
}

static void
refresh_backups (NtDataPage *self)
{
  NtStore *store = nt_context_get_store (self->context);
  g_autofree char *dir = nt_backup_default_dir (nt_store_get_path (store));
  g_autoptr(GPtrArray) list = nt_backup_list (dir);
  g_autofree char *description = NULL;

  for (GList *l = self->backup_rows; l; l = l->next)
    adw_preferences_group_remove (self->list_group, l->data);
  g_clear_pointer (&self->backup_rows, g_list_free);

  description = g_strdup_printf (_("A copy is made on the first start of each day in “%s”; the last %d days and the first copy of each of the last %d months are kept."),
                                 dir, NT_BACKUP_KEEP_DAILY, NT_BACKUP_KEEP_MONTHLY);
  adw_preferences_group_set_description (self->list_group, description);

  for (guint i = 0; i < list->len; i++)
    {
      NtBackupInfo *info = g_ptr_array_index (list, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_label (_("Restore…"));
      g_autofree char *when = g_date_time_format (info->modified, "%d/%m/%Y %H:%M");
      g_autofree char *size = g_format_size (info->size);
      g_autofree char *base = g_path_get_basename (info->path);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", base, size);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "path", g_strdup (info->path), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_restore_row), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->list_group, row);
      self->backup_rows = g_list_append (self->backup_rows, row);
    }
  if (list->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No automatic backup yet."));
      adw_preferences_group_add (self->list_group, row);
      self->backup_rows = g_list_append (self->backup_rows, row);
    }
}

guint
nt_data_page_get_n_backups (NtDataPage *self)
{
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (NT_IS_DATA_PAGE (self), 0);
  dir = nt_backup_default_dir (nt_store_get_path (nt_context_get_store (self->context)));
  list = nt_backup_list (dir);
  return list->len;
}

/* ----- back up now ------------------------------------------------------ */

static void
set_busy (NtDataPage *self,
          gboolean    busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->progress), busy);
  gtk_widget_set_sensitive (self->backup_button, !busy);
  gtk_widget_set_sensitive (self->restore_button, !busy);
}

static void
on_backed_up (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(NtDataPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = nt_backup_to_folder_finish (NT_STORE (source), result, &error);

  set_busy (self, FALSE);
  if (path == NULL)
    {
      toast (self, error->message);
      return;
    }
  g_free (self->last_backup);
  self->last_backup = g_strdup (path);
  {
    g_autofree char *message = g_strdup_printf (_("Backed up to %s"), path);
    toast (self, message);
  }
}

/**
 * nt_data_page_back_up_to:
 * @folder: where to put the copy
 *
 * Starts a backup into @folder, as the "Back up now" button does after the
 * folder was chosen.
 */
void
nt_data_page_back_up_to (NtDataPage *self,
                         const char *folder)
{
  g_return_if_fail (NT_IS_DATA_PAGE (self));
  g_return_if_fail (folder != NULL);

  if (self->busy)
    return;
  set_busy (self, TRUE);
  gtk_progress_bar_set_fraction (self->progress, 0);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  nt_backup_to_folder_async (nt_context_get_store (self->context), folder,
                             nt_thread_progress_update, self->progress,
                             self->cancellable, on_backed_up, g_object_ref (self));
}

const char *
nt_data_page_get_last_backup (NtDataPage *self)
{
  g_return_val_if_fail (NT_IS_DATA_PAGE (self), NULL);
  return self->last_backup;
}

gboolean
nt_data_page_is_busy (NtDataPage *self)
{
  g_return_val_if_fail (NT_IS_DATA_PAGE (self), FALSE);
  return self->busy;
}

static void
on_folder_chosen (GtkNativeDialog *dialog,
                  int              response,
                  NtDataPage      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = folder ? g_file_get_path (folder) : NULL;
      if (path != NULL)
        nt_data_page_back_up_to (self, path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
on_back_up_now (NtDataPage *self)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Choose where to put the backup (a USB stick)"), toplevel (self),
                                 GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Back up here"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_folder_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ----- restore ---------------------------------------------------------- */

/**
 * nt_data_page_describe_backup:
 *
 * Returns: (transfer full): what a restore of @info would bring back, for
 *   the question before it
 */
char *
nt_data_page_describe_backup (NtDataPage         *self,
                              const NtBackupInfo *info)
{
  g_autoptr(NtSchoolInfo) current = nt_school_get (nt_context_get_store (self->context));
  g_autofree char *made = g_date_time_format (info->modified, "%d/%m/%Y %H:%M");
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, _("School: %s (school year %s)\nMade: %s\n"),
                          info->school_name, info->school_year, made);
  g_string_append_printf (text, _("Holds %lld students, %lld staff, %lld rooms, %lld night checks, %lld leaves.\n\n"),
                          (long long) info->students, (long long) info->staff, (long long) info->rooms,
                          (long long) info->night_checks, (long long) info->leaves);
  if (current != NULL && g_strcmp0 (current->name, info->school_name) != 0)
    g_string_append_printf (text, _("Careful: this is the backup of another school than “%s”.\n\n"), current->name);
  g_string_append (text, _("Everything entered since the backup was made will be replaced. A copy of the data as it is now is kept in the backups folder first. The program opens again afterwards."));
  return g_string_free (text, FALSE);
}

static void
on_restore_response (AdwMessageDialog *dialog,
                     const char       *response,
                     NtDataPage       *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");
  GtkApplication *app;

  if (g_strcmp0 (response, "restore") != 0)
    return;
  app = gtk_window_get_application (toplevel (self));
  if (NT_IS_APPLICATION (app))
    nt_application_restore (NT_APPLICATION (app), path);
}

static void
ask_restore (NtDataPage *self,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NtBackupInfo) info = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (!nt_access_require (nt_context_get_store (self->context), NT_PERM_BACKUP, &error))
    {
      toast (self, error->message);
      return;
    }

  info = nt_backup_inspect (path, &error);
  if (info == NULL)
    {
      dialog = adw_message_dialog_new (toplevel (self), _("This backup cannot be restored"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  body = nt_data_page_describe_backup (self, info);
  dialog = adw_message_dialog_new (toplevel (self), _("Restore this backup?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_restore_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_file_chosen (GtkNativeDialog *dialog,
                int              response,
                NtDataPage      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      if (path != NULL)
        ask_restore (self, path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
on_restore_file (NtDataPage *self)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Choose the backup to restore"), toplevel (self),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Check"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Nội trú backups (*.db)"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ----- sign-in and audit ------------------------------------------------ */

static void
on_my_pin (NtDataPage *self)
{
  NtSigninPinDialog *dialog = nt_signin_pin_dialog_new (toplevel (self), self->context);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_lock_now (NtDataPage *self)
{
  GtkWindow *window = toplevel (self);

  if (window != NULL && nt_signin_needed (self->context))
    nt_signin_lock (window);
}

static void
on_audit (NtDataPage *self)
{
  NtAuditWindow *window = nt_audit_window_new (toplevel (self), self->context);
  gtk_window_present (GTK_WINDOW (window));
}

/* What the person may see follows who they are. */
static void
update_for_user (NtDataPage *self)
{
  NtStore *store = nt_context_get_store (self->context);
  gboolean backup = nt_access_may (store, NT_PERM_BACKUP);

  gtk_widget_set_visible (GTK_WIDGET (self->backup_group), backup);
  gtk_widget_set_visible (GTK_WIDGET (self->list_group), backup);
  gtk_widget_set_visible (GTK_WIDGET (self->audit_group), nt_access_may (store, NT_PERM_VIEW_AUDIT));
  gtk_widget_set_sensitive (self->lock_row, nt_signin_needed (self->context));
  if (backup)
    refresh_backups (self);
}

static GtkWidget *
button_row (AdwPreferencesGroup *group,
            const char          *title,
            const char          *subtitle,
            const char          *label,
            GCallback            callback,
            gpointer             data,
            GtkWidget          **button_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* The whole explanation, on as many lines as it needs. */
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", callback, data);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (group, row);
  if (button_out)
    *button_out = button;
  return row;
}

static void
build (NtDataPage *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *signin = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *idle_row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 240, 5);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  adw_preferences_group_set_title (signin, _("Sign-in"));
  button_row (signin, _("My PIN"), _("Set, change or remove the PIN you sign in with"),
              _("_Change…"), G_CALLBACK (on_my_pin), self, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (idle_row), _("Lock after this many idle minutes"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (idle_row), _("0: never. Only when someone has a PIN."));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  g_settings_bind (nt_context_get_settings (self->context), "lock-idle-minutes",
                   gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (spin)), "value", G_SETTINGS_BIND_DEFAULT);
  adw_action_row_add_suffix (ADW_ACTION_ROW (idle_row), spin);
  adw_preferences_group_add (signin, idle_row);
  self->lock_row = button_row (signin, _("Lock now"), _("Hide everything until someone signs in"),
                               _("_Lock"), G_CALLBACK (on_lock_now), self, NULL);

  self->backup_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->backup_group, _("Backups"));
  button_row (self->backup_group, _("Back up now"),
              _("A copy to a folder you choose (a USB stick), named after the school and the time"),
              _("_Back up…"), G_CALLBACK (on_back_up_now), self, &self->backup_button);
  button_row (self->backup_group, _("Restore from a file"),
              _("The file is checked and what it holds is shown before anything is replaced"),
              _("_Choose…"), G_CALLBACK (on_restore_file), self, &self->restore_button);
  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->progress), FALSE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->progress), 12);
  adw_preferences_group_add (self->backup_group, GTK_WIDGET (self->progress));

  self->list_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->list_group, _("Automatic backups"));

  self->audit_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->audit_group, _("Audit trail"));
  button_row (self->audit_group, _("Who changed what"),
              _("Every change to students, rooms, checks, leave, incidents and the roster, with the values before and after"),
              _("_Open"), G_CALLBACK (on_audit), self, NULL);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), signin);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->backup_group);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->list_group);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->audit_group);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  gtk_box_append (GTK_BOX (self), box);
  gtk_widget_set_hexpand (box, TRUE);
}

/* ----- GObject ---------------------------------------------------------- */

static void
nt_data_page_constructed (GObject *object)
{
  NtDataPage *self = NT_DATA_PAGE (object);

  G_OBJECT_CLASS (nt_data_page_parent_class)->constructed (object);
  build (self);
  g_signal_connect_object (self->context, "notify::user", G_CALLBACK (update_for_user), self, G_CONNECT_SWAPPED);
  /* A PIN set makes "Lock now" possible. */
  g_signal_connect_object (nt_context_get_store (self->context), "changed::staff",
                           G_CALLBACK (update_for_user), self, G_CONNECT_SWAPPED);
  update_for_user (self);
}

static void
nt_data_page_dispose (GObject *object)
{
  NtDataPage *self = NT_DATA_PAGE (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->backup_rows, g_list_free);
  g_clear_pointer (&self->last_backup, g_free);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (nt_data_page_parent_class)->dispose (object);
}

static void
nt_data_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, NT_DATA_PAGE (object)->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nt_data_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      NT_DATA_PAGE (object)->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nt_data_page_class_init (NtDataPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = nt_data_page_constructed;
  object_class->dispose = nt_data_page_dispose;
  object_class->get_property = nt_data_page_get_property;
  object_class->set_property = nt_data_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, NT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nt_data_page_init (NtDataPage *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
}
