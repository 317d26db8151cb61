/* nt-print-assessment.h: the ANTT self-assessment report as printed pages
 * (A4 portrait), ready to sign and send to the police and the education
 * office */
#pragma once

#include "nt-print-doc.h"
#include "nt-store.h"

G_BEGIN_DECLS

NtPrintDoc *nt_print_assessment_build (NtStore     *store,
                                       const char  *school_year,
                                       double       page_width,
                                       double       page_height,
                                       GError     **error);

G_END_DECLS
