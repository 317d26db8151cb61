/* nt-duty-counts-view.h: how the duties of a period are shared */
#pragma once

#include <adwaita.h>

#include "nt-store.h"

G_BEGIN_DECLS

#define NT_TYPE_DUTY_COUNTS_VIEW (nt_duty_counts_view_get_type ())
G_DECLARE_FINAL_TYPE (NtDutyCountsView, nt_duty_counts_view, NT, DUTY_COUNTS_VIEW, AdwBin)

void  nt_duty_counts_view_show      (NtDutyCountsView *self,
                                     NtStore          *store,
                                     const char       *from_date,
                                     const char       *to_date);
int   nt_duty_counts_view_get_spread (NtDutyCountsView *self);

G_END_DECLS
