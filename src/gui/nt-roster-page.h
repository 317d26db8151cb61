/* nt-roster-page.h: the duty roster section (lịch trực 24/24) */
#pragma once

#include <adwaita.h>

#include "nt-context.h"
#include "nt-duty-counts-view.h"
#include "nt-roster-setup.h"

G_BEGIN_DECLS

#define NT_TYPE_ROSTER_PAGE (nt_roster_page_get_type ())
G_DECLARE_FINAL_TYPE (NtRosterPage, nt_roster_page, NT, ROSTER_PAGE, AdwBin)

void        nt_roster_page_show_period (NtRosterPage  *self,
                                        const char    *day,
                                        gboolean       month);
gboolean    nt_roster_page_generate    (NtRosterPage  *self,
                                        GError       **error);
gboolean    nt_roster_page_print       (NtRosterPage  *self,
                                        GError       **error);
guint       nt_roster_page_get_n_problems (NtRosterPage *self);
void        nt_roster_page_get_period  (NtRosterPage  *self,
                                        char         **from_date,
                                        char         **to_date);
GtkWidget  *nt_roster_page_get_grid    (NtRosterPage  *self);
NtRosterSetup *nt_roster_page_get_setup (NtRosterPage *self);
NtDutyCountsView *nt_roster_page_get_counts (NtRosterPage *self);

G_END_DECLS
