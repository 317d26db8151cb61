/* nt-reports-page.h: the Reports section: every report, its options and an
 * export to Excel that runs in a thread */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NT_TYPE_REPORTS_PAGE (nt_reports_page_get_type ())

G_DECLARE_FINAL_TYPE (NtReportsPage, nt_reports_page, NT, REPORTS_PAGE, AdwBin)

gboolean   nt_reports_page_export              (NtReportsPage *self,
                                                const char    *report,
                                                const char    *path);
gboolean   nt_reports_page_cancel              (NtReportsPage *self,
                                                const char    *report);
gboolean   nt_reports_page_is_exporting        (NtReportsPage *self,
                                                const char    *report);
char      *nt_reports_page_suggest_file_name   (NtReportsPage *self,
                                                const char    *report);
GtkWidget *nt_reports_page_get_row             (NtReportsPage *self,
                                                const char    *report,
                                                const char    *what);

G_END_DECLS
