/* nt-handovers-view.h: the hand-over book (sổ giao ca) */
#pragma once

#include <adwaita.h>

#include "nt-context.h"

G_BEGIN_DECLS

#define NT_TYPE_HANDOVERS_VIEW (nt_handovers_view_get_type ())
G_DECLARE_FINAL_TYPE (NtHandoversView, nt_handovers_view, NT, HANDOVERS_VIEW, AdwBin)

void     nt_handovers_view_set_context  (NtHandoversView  *self,
                                         NtContext        *context);
void     nt_handovers_view_write        (NtHandoversView  *self);
void     nt_handovers_view_focus_search (NtHandoversView  *self);
gboolean nt_handovers_view_submit       (NtHandoversView  *self,
                                         GError          **error);
gboolean nt_handovers_view_acknowledge  (NtHandoversView  *self,
                                         gint64            handover_id,
                                         GError          **error);
guint    nt_handovers_view_get_n_notes  (NtHandoversView  *self);

G_END_DECLS
