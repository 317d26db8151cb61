/* nt-incidents-page.h: the incident book (Vụ việc): the list with its
 * filters, those overdue standing out, and the editor of each */
#pragma once

#include <adwaita.h>

#include "nt-incidents.h"

G_BEGIN_DECLS

#define NT_TYPE_INCIDENTS_PAGE (nt_incidents_page_get_type ())

G_DECLARE_FINAL_TYPE (NtIncidentsPage, nt_incidents_page, NT, INCIDENTS_PAGE, AdwBin)

/* The choices of the state filter, in the order of its drop-down. */
typedef enum
{
  NT_INCIDENTS_SHOW_ACTIVE,
  NT_INCIDENTS_SHOW_OVERDUE,
  NT_INCIDENTS_SHOW_OPEN,
  NT_INCIDENTS_SHOW_IN_PROGRESS,
  NT_INCIDENTS_SHOW_CLOSED,
  NT_INCIDENTS_SHOW_ALL,
} NtIncidentsShow;

/* The choices of the period filter. */
typedef enum
{
  NT_INCIDENTS_PERIOD_SCHOOL_YEAR,
  NT_INCIDENTS_PERIOD_30_DAYS,
  NT_INCIDENTS_PERIOD_MONTH,
  NT_INCIDENTS_PERIOD_ALL,
} NtIncidentsPeriod;

void        nt_incidents_page_set_show     (NtIncidentsPage   *self,
                                            NtIncidentsShow    show);
void        nt_incidents_page_set_period   (NtIncidentsPage   *self,
                                            NtIncidentsPeriod  period);
guint       nt_incidents_page_get_n_rows   (NtIncidentsPage   *self);
NtIncident *nt_incidents_page_get_incident (NtIncidentsPage   *self,
                                            guint              index);
GtkWidget  *nt_incidents_page_get_row      (NtIncidentsPage   *self,
                                            guint              index);

G_END_DECLS
