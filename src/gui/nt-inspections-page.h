/* nt-inspections-page.h: room inspections floor by floor, and the room
 * competition as a chart (thi đua phòng ở) */
#pragma once

#include <adwaita.h>

#include "nt-context.h"

G_BEGIN_DECLS

#define NT_TYPE_INSPECTIONS_PAGE (nt_inspections_page_get_type ())

G_DECLARE_FINAL_TYPE (NtInspectionsPage, nt_inspections_page, NT, INSPECTIONS_PAGE, AdwBin)

GtkWidget  *nt_inspections_page_new          (NtContext         *context);
void        nt_inspections_page_set_sheet    (NtInspectionsPage *self,
                                              gint64             building_id,
                                              int                floor,
                                              const char        *date_iso);
guint       nt_inspections_page_get_n_rooms  (NtInspectionsPage *self);
guint       nt_inspections_page_get_n_columns (NtInspectionsPage *self);
GtkWidget  *nt_inspections_page_get_cell     (NtInspectionsPage *self,
                                              guint              row,
                                              guint              column);
gint64      nt_inspections_page_get_room_id  (NtInspectionsPage *self,
                                              guint              row);
guint       nt_inspections_page_save_all     (NtInspectionsPage *self,
                                              GError           **error);
guint       nt_inspections_page_get_n_ranked (NtInspectionsPage *self);

G_END_DECLS
