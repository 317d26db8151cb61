/* nt-duty-popover.h: the people of one roster cell, to add, remove, lock
 * or swap */
#pragma once

#include <adwaita.h>

#include "nt-context.h"
#include "nt-roster.h"

G_BEGIN_DECLS

#define NT_TYPE_DUTY_POPOVER (nt_duty_popover_get_type ())
G_DECLARE_FINAL_TYPE (NtDutyPopover, nt_duty_popover, NT, DUTY_POPOVER, GtkPopover)

GtkWidget *nt_duty_popover_new        (NtContext     *context,
                                       NtRosterCell  *cell);
void       nt_duty_popover_set_period (NtDutyPopover *self,
                                       const char    *from_date,
                                       const char    *to_date);
gboolean   nt_duty_popover_add        (NtDutyPopover *self,
                                       gint64         staff_id,
                                       GError       **error);
gboolean   nt_duty_popover_swap       (NtDutyPopover *self,
                                       gint64         duty_id,
                                       gint64         other_duty_id,
                                       const char    *reason,
                                       GError       **error);

G_END_DECLS
