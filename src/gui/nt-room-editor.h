/* nt-room-editor.h: the form for a dorm building or a room */
#pragma once

#include <adwaita.h>

#include "nt-context.h"

G_BEGIN_DECLS

#define NT_TYPE_ROOM_EDITOR (nt_room_editor_get_type ())

G_DECLARE_FINAL_TYPE (NtRoomEditor, nt_room_editor, NT, ROOM_EDITOR, AdwWindow)

NtRoomEditor *nt_room_editor_new_building (NtContext    *context,
                                           gint64        building_id);
NtRoomEditor *nt_room_editor_new_room     (NtContext    *context,
                                           gint64        building_id,
                                           gint64        room_id);
void          nt_room_editor_set_text     (NtRoomEditor *self,
                                           const char   *field,
                                           const char   *value);
gboolean      nt_room_editor_save         (NtRoomEditor *self,
                                           GError      **error);

G_END_DECLS
