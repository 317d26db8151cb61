/* nt-signin-pin-dialog.c: "My PIN"
 *
 * The person using the program sets, changes or removes their own PIN. A
 * PIN already set must be typed first, so that a colleague passing by an
 * unlocked PC cannot change it.
 */
#define G_LOG_DOMAIN "nt-signin-pin"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-auth.h"
#include "nt-error.h"
#include "nt-signin-pin-dialog.h"

struct _NtSigninPinDialog
{
  AdwWindow            parent_instance;

  NtContext           *context;
  AdwPasswordEntryRow *current_row;
  AdwPasswordEntryRow *pin_row;
  AdwPasswordEntryRow *repeat_row;
  GtkLabel            *error_label;
  AdwToastOverlay     *toasts;
};

G_DEFINE_FINAL_TYPE (NtSigninPinDialog, nt_signin_pin_dialog, ADW_TYPE_WINDOW)

/**
 * nt_signin_pin_dialog_save:
 * @current: (nullable): the PIN now, when there is one
 * @pin: the new PIN; "" removes it
 * @repeat: @pin typed again
 */
gboolean
nt_signin_pin_dialog_save (NtSigninPinDialog  *self,
                           const char         *current,
                           const char         *pin,
                           const char         *repeat,
                           GError            **error)
{
  NtStaffMember *user;
  NtStore *store;

  g_return_val_if_fail (NT_IS_SIGNIN_PIN_DIALOG (self), FALSE);

  user = nt_context_get_user (self->context);
  store = nt_context_get_store (self->context);
  if (user == NULL)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("Choose who is using the program first."));
      return FALSE;
    }
  if (g_strcmp0 (pin, repeat) != 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("The two new PINs are not the same."));
      return FALSE;
    }
  if (nt_auth_has_secret (store, user->id) && !nt_auth_verify (store, user->id, current ? current : "", error))
    return FALSE;
  return nt_auth_set_secret (store, user->id, pin, error);
}

static void
on_save (NtSigninPinDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *pin = gtk_editable_get_text (GTK_EDITABLE (self->pin_row));

  if (!nt_signin_pin_dialog_save (self,
                                  gtk_editable_get_text (GTK_EDITABLE (self->current_row)),
                                  pin,
                                  gtk_editable_get_text (GTK_EDITABLE (self->repeat_row)),
                                  &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
nt_signin_pin_dialog_dispose (GObject *object)
{
  g_clear_object (&NT_SIGNIN_PIN_DIALOG (object)->context);
  G_OBJECT_CLASS (nt_signin_pin_dialog_parent_class)->dispose (object);
}

static void
nt_signin_pin_dialog_class_init (NtSigninPinDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = nt_signin_pin_dialog_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nt_signin_pin_dialog_init (NtSigninPinDialog *self)
{
}

static AdwPasswordEntryRow *
password_row (GtkWidget  *group,
              const char *title)
{
  GtkWidget *row = adw_password_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_PASSWORD_ENTRY_ROW (row);
}

NtSigninPinDialog *
nt_signin_pin_dialog_new (GtkWindow *parent,
                          NtContext *context)
{
  NtSigninPinDialog *self;
  NtStaffMember *user;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  g_autofree char *description = NULL;
  gboolean has_pin;

  g_return_val_if_fail (NT_IS_CONTEXT (context), NULL);

  self = g_object_new (NT_TYPE_SIGNIN_PIN_DIALOG,
                       "modal", TRUE,
                       "transient-for", parent,
                       "title", _("My PIN"),
                       "default-width", 460,
                       NULL);
  self->context = g_object_ref (context);
  user = nt_context_get_user (context);
  has_pin = user != NULL && nt_auth_has_secret (nt_context_get_store (context), user->id);

  description = g_strdup_printf (_("%s. With a PIN, the program asks who is signing in and locks itself after a while without use. "
                                   "Leave the new PIN empty to remove it. At least %d characters."),
                                 user ? user->full_name : "", NT_AUTH_MIN_LENGTH);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  self->current_row = password_row (group, _("Current PIN"));
  gtk_widget_set_visible (GTK_WIDGET (self->current_row), has_pin);
  self->pin_row = password_row (group, _("New PIN"));
  self->repeat_row = password_row (group, _("New PIN again"));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (on_save), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_window_set_default_widget (GTK_WINDOW (self), save);

  gtk_widget_set_margin_start (page, 18);
  gtk_widget_set_margin_end (page, 18);
  gtk_widget_set_margin_top (page, 18);
  gtk_widget_set_margin_bottom (page, 18);
  gtk_box_append (GTK_BOX (page), group);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_widget_grab_focus (GTK_WIDGET (has_pin ? self->current_row : self->pin_row));
  return self;
}
