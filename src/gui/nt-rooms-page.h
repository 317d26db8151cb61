/* nt-rooms-page.h: the Rooms section: buildings, floors, rooms at a glance */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NT_TYPE_ROOMS_PAGE (nt_rooms_page_get_type ())

G_DECLARE_FINAL_TYPE (NtRoomsPage, nt_rooms_page, NT, ROOMS_PAGE, AdwBin)

guint      nt_rooms_page_get_n_tiles   (NtRoomsPage *self);
GtkWidget *nt_rooms_page_find_tile     (NtRoomsPage *self,
                                        const char  *room_number);
void       nt_rooms_page_select_building (NtRoomsPage *self,
                                          guint        position);
void       nt_rooms_page_set_free_only (NtRoomsPage *self,
                                        gboolean     free_only);
GtkWindow *nt_rooms_page_open_room     (NtRoomsPage *self,
                                        gint64       room_id);

G_END_DECLS
