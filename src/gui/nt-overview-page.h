/* nt-overview-page.h: the school at a glance */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NT_TYPE_OVERVIEW_PAGE (nt_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (NtOverviewPage, nt_overview_page, NT, OVERVIEW_PAGE, AdwBin)

const char *nt_overview_page_get_figure (NtOverviewPage *self,
                                         const char     *name);
guint       nt_overview_page_get_chart_total (NtOverviewPage *self,
                                              const char     *chart);

G_END_DECLS
