/* nt-form-dialog.c
 *
 * AdwMessageDialog closes on every response; a form whose input the core
 * refuses must stay open with the reason under it and what was typed kept.
 * This window does that: Cancel, Save (the default, so Enter saves), the
 * content, and an error line.
 */
#define G_LOG_DOMAIN "nt-form-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-form-dialog.h"

struct _NtFormDialog
{
  AdwWindow       parent_instance;

  NtFormSaveFunc  save;
  gpointer        user_data;
  GDestroyNotify  destroy;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (NtFormDialog, nt_form_dialog, ADW_TYPE_WINDOW)

/**
 * nt_form_dialog_save:
 *
 * Runs the save; closes the form when it succeeds, else shows the error.
 *
 * Returns: whether it was saved
 */
gboolean
nt_form_dialog_save (NtFormDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (NT_IS_FORM_DIALOG (self), FALSE);

  if (!self->save (self->user_data, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked (NtFormDialog *self)
{
  nt_form_dialog_save (self);
}

static void
nt_form_dialog_finalize (GObject *object)
{
  NtFormDialog *self = NT_FORM_DIALOG (object);

  if (self->destroy != NULL)
    self->destroy (self->user_data);
  G_OBJECT_CLASS (nt_form_dialog_parent_class)->finalize (object);
}

static void
nt_form_dialog_class_init (NtFormDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = nt_form_dialog_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nt_form_dialog_init (NtFormDialog *self)
{
}

/**
 * nt_form_save_keys:
 * @save_button: the Save button of a form window
 *
 * Ctrl+Enter presses @save_button from any field of its window (a text
 * area or a list included), and Escape closes the window.
 */
void
nt_form_save_keys (GtkWidget *save_button)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();

  g_return_if_fail (GTK_IS_WIDGET (save_button));

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                                                          g_object_ref (gtk_activate_action_get ())));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (keys), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_widget_add_controller (save_button, keys);
  gtk_widget_set_tooltip_text (save_button, _("Ctrl+Enter"));
}

/**
 * nt_form_dialog_new:
 * @parent: a widget of the window the form belongs to
 * @content: (transfer floating): the fields
 * @save: called on Save (or Enter)
 *
 * Returns: (transfer none): the form, presented
 */
NtFormDialog *
nt_form_dialog_new (GtkWidget      *parent,
                    const char     *title,
                    const char     *save_label,
                    GtkWidget      *content,
                    NtFormSaveFunc  save,
                    gpointer        user_data,
                    GDestroyNotify  destroy)
{
  NtFormDialog *self = g_object_new (NT_TYPE_FORM_DIALOG, "modal", TRUE, "title", title,
                                     "default-width", 480, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *ok = gtk_button_new_with_mnemonic (save_label);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  self->save = save;
  self->user_data = user_data;
  self->destroy = destroy;

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_widget_add_css_class (ok, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), ok);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  g_signal_connect_swapped (ok, "clicked", G_CALLBACK (on_save_clicked), self);
  gtk_window_set_default_widget (GTK_WINDOW (self), ok);
  nt_form_save_keys (ok);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  gtk_box_append (GTK_BOX (body), content);
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->error_label));
  gtk_widget_set_margin_start (body, 18);
  gtk_widget_set_margin_end (body, 18);
  gtk_widget_set_margin_top (body, 12);
  gtk_widget_set_margin_bottom (body, 18);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), body);
  adw_window_set_content (ADW_WINDOW (self), box);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
