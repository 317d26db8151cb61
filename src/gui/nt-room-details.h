/* nt-room-details.h: a room's beds and students, and the changes to them */
#pragma once

#include <adwaita.h>

#include "nt-context.h"

G_BEGIN_DECLS

#define NT_TYPE_ROOM_DETAILS (nt_room_details_get_type ())

G_DECLARE_FINAL_TYPE (NtRoomDetails, nt_room_details, NT, ROOM_DETAILS, AdwWindow)

typedef enum
{
  NT_BED_CHANGE_ASSIGN,   /* a student without a bed into a free bed */
  NT_BED_CHANGE_MOVE,     /* a student with a bed elsewhere into a free bed */
  NT_BED_CHANGE_SWAP,     /* the bed's student and another student swap */
  NT_BED_CHANGE_TAKE_OUT, /* the bed's student leaves the dorm */
} NtBedChange;

NtRoomDetails *nt_room_details_new          (NtContext     *context,
                                             gint64         room_id);
guint          nt_room_details_get_n_beds   (NtRoomDetails *self);
gboolean       nt_room_details_apply        (NtRoomDetails *self,
                                             NtBedChange    change,
                                             gint64         bed_id,
                                             gint64         student_id,
                                             const char    *date_display,
                                             const char    *reason,
                                             GError       **error);
const char    *nt_room_details_get_last_message (NtRoomDetails *self);

G_END_DECLS
