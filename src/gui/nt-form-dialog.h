/* nt-form-dialog.h: a small modal form with Cancel and Save that stays open,
 * its error shown, until the save succeeds */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NT_TYPE_FORM_DIALOG (nt_form_dialog_get_type ())
G_DECLARE_FINAL_TYPE (NtFormDialog, nt_form_dialog, NT, FORM_DIALOG, AdwWindow)

/* Saves what the form holds; FALSE with @error set keeps the form open. */
typedef gboolean (*NtFormSaveFunc) (gpointer   user_data,
                                    GError   **error);

NtFormDialog *nt_form_dialog_new  (GtkWidget      *parent,
                                   const char     *title,
                                   const char     *save_label,
                                   GtkWidget      *content,
                                   NtFormSaveFunc  save,
                                   gpointer        user_data,
                                   GDestroyNotify  destroy);
gboolean      nt_form_dialog_save (NtFormDialog   *self);
void          nt_form_save_keys   (GtkWidget      *save_button);

G_END_DECLS
