/* nt-print-roster.h: the duty roster as printed pages (A4 landscape) */
#pragma once

#include "nt-print-doc.h"
#include "nt-store.h"

G_BEGIN_DECLS

NtPrintDoc *nt_print_roster_build (NtStore     *store,
                                   const char  *from_date,
                                   const char  *to_date,
                                   double       page_width,
                                   double       page_height,
                                   guint       *n_problems,
                                   GError     **error);

G_END_DECLS
