/* nt-rooms.h: dorm buildings, rooms, beds, and who slept where */
#pragma once

#include <gio/gio.h>

#include "nt-store.h"

G_BEGIN_DECLS

/* ----- list rows --------------------------------------------------------- */

#define NT_TYPE_BUILDING (nt_building_get_type ())
G_DECLARE_FINAL_TYPE (NtBuilding, nt_building, NT, BUILDING, GObject)

struct _NtBuilding
{
  GObject   parent_instance;
  gint64    id;
  char     *name;
  char     *gender;          /* "M", "F" or "X" (any) */
  int       floors;
  char     *assembly_point;
  char     *notes;
  gboolean  active;
  int       n_rooms;         /* active dorm rooms */
  int       occupied;        /* beds with a student now */
  int       total;           /* active beds of active dorm rooms */
};

#define NT_TYPE_ROOM (nt_room_get_type ())
G_DECLARE_FINAL_TYPE (NtRoom, nt_room, NT, ROOM, GObject)

struct _NtRoom
{
  GObject   parent_instance;
  gint64    id;
  gint64    building_id;
  char     *building_name;
  int       floor;
  char     *number;
  int       capacity;
  char     *gender;          /* "M", "F" or "X" (any) */
  char     *kind;            /* "dorm", "infirmary", "staff" */
  char     *notes;
  gboolean  active;
  int       occupied;        /* beds with a student now */
  int       total;           /* active beds */
};

#define NT_TYPE_BED (nt_bed_get_type ())
G_DECLARE_FINAL_TYPE (NtBed, nt_bed, NT, BED, GObject)

struct _NtBed
{
  GObject   parent_instance;
  gint64    id;
  gint64    room_id;
  char     *label;
  gboolean  active;
  gboolean  locked;          /* kept free by hand: never given automatically */
  gint64    student_id;      /* 0 when free */
  char     *student_code;
  char     *student_name;
  char     *class_name;
  char     *since;           /* ISO start of the current assignment */
};

/* One row of bed_assignments, as a student's or a room's history shows it. */
#define NT_TYPE_ASSIGNMENT (nt_assignment_get_type ())
G_DECLARE_FINAL_TYPE (NtAssignment, nt_assignment, NT, ASSIGNMENT, GObject)

struct _NtAssignment
{
  GObject   parent_instance;
  gint64    id;
  gint64    student_id;
  char     *student_code;
  char     *student_name;
  char     *class_name;
  gint64    bed_id;
  char     *bed_label;
  gint64    room_id;
  char     *room_number;
  char     *building_name;
  char     *start_date;      /* ISO */
  char     *end_date;        /* ISO, NULL while current */
  char     *reason;
  char     *batch;           /* NULL unless written by an automatic assignment */
};

/* ----- editing ----------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *gender;          /* "M", "F" or "X" */
  int         floors;
  const char *assembly_point;  /* nullable */
  const char *notes;           /* nullable */
} NtBuildingInput;

typedef struct
{
  gint64      building_id;
  int         floor;
  const char *number;
  int         capacity;        /* the room keeps this many active beds */
  const char *gender;          /* "M", "F" or "X" */
  const char *kind;            /* "dorm", "infirmary" or "staff"; NULL is "dorm" */
  const char *notes;           /* nullable */
} NtRoomInput;

gint64      nt_rooms_add_building       (NtStore                *store,
                                         const NtBuildingInput  *input,
                                         GError                **error);
gboolean    nt_rooms_edit_building      (NtStore                *store,
                                         gint64                  building_id,
                                         const NtBuildingInput  *input,
                                         GError                **error);
gboolean    nt_rooms_set_building_active (NtStore               *store,
                                          gint64                 building_id,
                                          gboolean               active,
                                          GError               **error);
gboolean    nt_rooms_delete_building    (NtStore                *store,
                                         gint64                  building_id,
                                         GError                **error);

gint64      nt_rooms_add_room           (NtStore                *store,
                                         const NtRoomInput      *input,
                                         GError                **error);
gboolean    nt_rooms_edit_room          (NtStore                *store,
                                         gint64                  room_id,
                                         const NtRoomInput      *input,
                                         GError                **error);
gboolean    nt_rooms_set_room_active    (NtStore                *store,
                                         gint64                  room_id,
                                         gboolean                active,
                                         GError                **error);
gboolean    nt_rooms_delete_room        (NtStore                *store,
                                         gint64                  room_id,
                                         GError                **error);

gint64      nt_rooms_add_bed            (NtStore                *store,
                                         gint64                  room_id,
                                         const char             *label,
                                         GError                **error);
gboolean    nt_rooms_rename_bed         (NtStore                *store,
                                         gint64                  bed_id,
                                         const char             *label,
                                         GError                **error);
gboolean    nt_rooms_set_bed_active     (NtStore                *store,
                                         gint64                  bed_id,
                                         gboolean                active,
                                         GError                **error);
gboolean    nt_rooms_set_bed_locked     (NtStore                *store,
                                         gint64                  bed_id,
                                         gboolean                locked,
                                         GError                **error);
gboolean    nt_rooms_delete_bed         (NtStore                *store,
                                         gint64                  bed_id,
                                         GError                **error);

/* ----- reading ----------------------------------------------------------- */

GListStore *nt_rooms_list_buildings     (NtStore                *store,
                                         gboolean                active_only,
                                         GError                **error);
GListStore *nt_rooms_list_rooms         (NtStore                *store,
                                         gint64                  building_id,
                                         gboolean                active_only,
                                         GError                **error);
NtRoom     *nt_rooms_load_room          (NtStore                *store,
                                         gint64                  room_id,
                                         GError                **error);
GListStore *nt_rooms_list_beds          (NtStore                *store,
                                         gint64                  room_id,
                                         GError                **error);
GListStore *nt_rooms_student_history    (NtStore                *store,
                                         gint64                  student_id,
                                         GError                **error);
GListStore *nt_rooms_room_history       (NtStore                *store,
                                         gint64                  room_id,
                                         GError                **error);
NtAssignment *nt_rooms_current_assignment (NtStore              *store,
                                           gint64                student_id);
gint64      nt_rooms_free_beds          (NtStore                *store,
                                         gint64                  building_id,
                                         const char             *gender);
gint64      nt_rooms_first_free_bed     (NtStore                *store,
                                         gint64                  room_id);

GListStore *nt_rooms_bed_candidates     (NtStore                *store,
                                         gint64                  room_id,
                                         const char             *search,
                                         GError                **error);

const char *nt_room_gender_label        (const char             *gender);
const char *nt_room_kind_label          (const char             *kind);

G_END_DECLS
