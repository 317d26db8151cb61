/* nt-audit-window.h: the audit trail screen */
#pragma once

#include <adwaita.h>

#include "nt-context.h"

G_BEGIN_DECLS

#define NT_TYPE_AUDIT_WINDOW (nt_audit_window_get_type ())

G_DECLARE_FINAL_TYPE (NtAuditWindow, nt_audit_window, NT, AUDIT_WINDOW, AdwWindow)

NtAuditWindow *nt_audit_window_new         (GtkWindow     *parent,
                                            NtContext     *context);
void           nt_audit_window_refresh     (NtAuditWindow *self);
void           nt_audit_window_set_filter  (NtAuditWindow *self,
                                            const char    *from,
                                            const char    *to,
                                            const char    *table_name,
                                            gint64         staff_id);
guint          nt_audit_window_get_n_shown (NtAuditWindow *self);

G_END_DECLS
