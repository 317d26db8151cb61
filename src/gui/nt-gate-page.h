/* nt-gate-page.h: the gate (cổng trường): who is inside now, visitors in
 * and out, boarders going out and coming back on their leave */
#pragma once

#include <adwaita.h>

#include "nt-context.h"

G_BEGIN_DECLS

#define NT_TYPE_GATE_PAGE (nt_gate_page_get_type ())

G_DECLARE_FINAL_TYPE (NtGatePage, nt_gate_page, NT, GATE_PAGE, AdwBin)

guint nt_gate_page_get_n_inside (NtGatePage *self);

G_END_DECLS
