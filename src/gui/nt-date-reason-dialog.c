/* nt-date-reason-dialog.c */
#define G_LOG_DOMAIN "nt-date-reason-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-date-reason-dialog.h"

typedef struct
{
  GtkWindow        *parent;
  char             *heading;
  char             *body;
  char             *confirm_label;
  gboolean          destructive;
  GtkEditable      *date;
  GtkEditable      *reason;
  NtDateReasonFunc  func;
  gpointer          user_data;
  GDestroyNotify    destroy;
} DialogData;

static GtkWidget *present_dialog (DialogData *d,
                                  const char *date,
                                  const char *reason,
                                  const char *error);

static void
dialog_data_free (gpointer p)
{
  DialogData *d = p;

  if (d->destroy)
    d->destroy (d->user_data);
  g_clear_object (&d->parent);
  g_free (d->heading);
  g_free (d->body);
  g_free (d->confirm_label);
  g_free (d);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             DialogData       *d)
{
  g_autoptr(GError) error = NULL;
  DialogData *again;

  if (!g_str_equal (response, "confirm"))
    return;
  if (d->func (gtk_editable_get_text (d->date), gtk_editable_get_text (d->reason), d->user_data, &error))
    return;

  /* The dialog closes after a response: a new one carries what was typed
   * and the reason it was refused, so the person corrects it and retries. */
  again = g_new0 (DialogData, 1);
  *again = *d;
  again->parent = d->parent ? g_object_ref (d->parent) : NULL;
  again->heading = g_strdup (d->heading);
  again->body = g_strdup (d->body);
  again->confirm_label = g_strdup (d->confirm_label);
  d->destroy = NULL;
  present_dialog (again, gtk_editable_get_text (d->date), gtk_editable_get_text (d->reason), error->message);
}

static GtkWidget *
present_dialog (DialogData *d,
                const char *date_text,
                const char *reason_text,
                const char *error_text)
{
  GtkWidget *dialog = adw_message_dialog_new (d->parent, d->heading, d->body);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *date = gtk_entry_new ();
  GtkWidget *reason = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (date), date_text);
  gtk_entry_set_placeholder_text (GTK_ENTRY (date), _("Date (dd/mm/yyyy)"));
  gtk_editable_set_text (GTK_EDITABLE (reason), reason_text ? reason_text : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _("Reason"));
  gtk_entry_set_activates_default (GTK_ENTRY (reason), TRUE);
  gtk_entry_set_activates_default (GTK_ENTRY (date), TRUE);
  gtk_box_append (GTK_BOX (box), date);
  gtk_box_append (GTK_BOX (box), reason);
  if (error_text != NULL)
    {
      GtkWidget *error = gtk_label_new (error_text);

      gtk_label_set_wrap (GTK_LABEL (error), TRUE);
      gtk_widget_add_css_class (error, "error");
      gtk_box_append (GTK_BOX (box), error);
    }

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "confirm", d->confirm_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm",
                                              d->destructive ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "confirm");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  d->date = GTK_EDITABLE (date);
  d->reason = GTK_EDITABLE (reason);
  g_object_set_data_full (G_OBJECT (dialog), "nt-date-reason", d, dialog_data_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), d);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (reason);
  return dialog;
}

/**
 * nt_date_reason_dialog_new:
 *
 * Asks for a date (today filled in) and a reason (@default_reason filled
 * in), then calls @func.
 *
 * Returns: (transfer none): the dialog, presented
 */
GtkWidget *
nt_date_reason_dialog_new (GtkWindow        *parent,
                           const char       *heading,
                           const char       *body,
                           const char       *confirm_label,
                           gboolean          destructive,
                           const char       *default_reason,
                           NtDateReasonFunc  func,
                           gpointer          user_data,
                           GDestroyNotify    destroy)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%d/%m/%Y");
  DialogData *d = g_new0 (DialogData, 1);

  d->parent = parent ? g_object_ref (parent) : NULL;
  d->heading = g_strdup (heading);
  d->body = g_strdup (body);
  d->confirm_label = g_strdup (confirm_label);
  d->destructive = destructive;
  d->func = func;
  d->user_data = user_data;
  d->destroy = destroy;
  return present_dialog (d, today, default_reason, NULL);
}
