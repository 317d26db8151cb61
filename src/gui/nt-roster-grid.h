/* nt-roster-grid.h: the posts × days grid of the duty roster */
#pragma once

#include <adwaita.h>

#include "nt-roster.h"

G_BEGIN_DECLS

#define NT_TYPE_ROSTER_GRID (nt_roster_grid_widget_get_type ())
G_DECLARE_FINAL_TYPE (NtRosterGrid, nt_roster_grid_widget, NT, ROSTER_GRID, AdwBin)

GtkWidget    *nt_roster_grid_widget_new       (void);
void          nt_roster_grid_widget_set_cells (NtRosterGrid *self,
                                               GListModel   *cells,
                                               const char   *from_date,
                                               int           n_days,
                                               GListModel   *on_duty_now,
                                               gboolean      compact);
GtkWidget    *nt_roster_grid_widget_get_cell_button (NtRosterGrid *self,
                                                     gint64        post_id,
                                                     gint64        shift_id,
                                                     const char   *date);

G_END_DECLS
