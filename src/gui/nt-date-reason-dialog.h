/* nt-date-reason-dialog.h: "on which day, and why?" before a change that
 * history keeps (a move, a student leaving) */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Called when the person confirms; returns FALSE with @error set to keep the
 * dialog open and show the error in it. */
typedef gboolean (*NtDateReasonFunc) (const char  *date_display,
                                      const char  *reason,
                                      gpointer     user_data,
                                      GError     **error);

GtkWidget *nt_date_reason_dialog_new (GtkWindow        *parent,
                                      const char       *heading,
                                      const char       *body,
                                      const char       *confirm_label,
                                      gboolean          destructive,
                                      const char       *default_reason,
                                      NtDateReasonFunc  func,
                                      gpointer          user_data,
                                      GDestroyNotify    destroy);

G_END_DECLS
