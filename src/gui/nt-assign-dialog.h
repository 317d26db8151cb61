/* nt-assign-dialog.h: the term-start room assignment: propose, review,
 * edit, apply (and undo as a whole) */
#pragma once

#include <adwaita.h>

#include "nt-assign.h"
#include "nt-context.h"

G_BEGIN_DECLS

#define NT_TYPE_ASSIGN_DIALOG (nt_assign_dialog_get_type ())

G_DECLARE_FINAL_TYPE (NtAssignDialog, nt_assign_dialog, NT, ASSIGN_DIALOG, AdwWindow)

NtAssignDialog *nt_assign_dialog_new          (NtContext      *context);
gboolean        nt_assign_dialog_propose      (NtAssignDialog *self,
                                               GError        **error);
gboolean        nt_assign_dialog_leave_out    (NtAssignDialog *self,
                                               gint64          student_id,
                                               GError        **error);
gboolean        nt_assign_dialog_apply        (NtAssignDialog *self,
                                               const char     *date_display,
                                               char          **batch_id,
                                               GError        **error);
gboolean        nt_assign_dialog_set_bed      (NtAssignDialog *self,
                                               gint64          student_id,
                                               gint64          bed_id,
                                               GError        **error);
GtkWidget      *nt_assign_dialog_get_bed_button (NtAssignDialog *self,
                                                 gint64          student_id);
NtAssignPlan   *nt_assign_dialog_get_plan     (NtAssignDialog *self);
void            nt_assign_dialog_set_enabled  (NtAssignDialog *self,
                                               NtAssignPreference preference,
                                               gboolean        enabled);

G_END_DECLS
