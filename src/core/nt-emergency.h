/* nt-emergency.h: the emergency roll (điểm danh khẩn cấp)
 *
 * For a fire, a drill or an evacuation: a roll of everyone who should be in
 * the dorm at the moment it starts, marked person by person (or a whole
 * building at once) as people reach the assembly point.
 *
 * Who is on the roll is decided once, when it starts:
 *  - every active boarder whose bed that day is in a dorm building (the
 *    entry's building is the bed's), except those out on leave at that
 *    moment (nt_leaves_out_now(): marked out, or approved for a time that
 *    covers it). They are left off the roll entirely, as the issue asks
 *    ("minus those out on leave"): the roll counts people to find, and the
 *    leave list already says where the others are;
 *  - every active staff member on a duty whose shift covers the moment
 *    (a shift whose end is not after its start ends the next day); the
 *    entry's building is the post's, or none.
 *
 * Statuses are the strings of the database: "safe", "missing", "injured",
 * "away"; %NULL is "not yet accounted for". "away" is for a person found
 * not to have been in the dorm (gone home without a recorded leave, at the
 * infirmary in town…).
 *
 * A roll is never refused for an older roll left open: two rolls may be
 * open at once, and nt_emergency_find_open() lets the window offer to
 * resume one. Ending a roll is allowed with people still unaccounted for
 * (an emergency ends when it ends); it returns them. An ended roll is
 * read-only.
 *
 * Times: @now arguments are local 'YYYY-MM-DD HH:MM'; started_at, ended_at
 * and marked_at are stored as 'YYYY-MM-DD HH:MM:SS'. The functions without
 * _at use the local time.
 */
#pragma once

#include <gio/gio.h>

#include "nt-store.h"

G_BEGIN_DECLS

/* How many people of a roll (or of one building of it) have each status. */
typedef struct
{
  guint total;
  guint safe;
  guint missing;
  guint injured;
  guint away;
  guint unaccounted;  /* no status yet */
} NtRollCounts;

/* ----- list rows --------------------------------------------------------- */

#define NT_TYPE_EMERGENCY_ROLL (nt_emergency_roll_get_type ())
G_DECLARE_FINAL_TYPE (NtEmergencyRoll, nt_emergency_roll, NT, EMERGENCY_ROLL, GObject)

struct _NtEmergencyRoll
{
  GObject       parent_instance;
  gint64        id;
  char         *kind;             /* "fire", "drill", "evacuation", "other" */
  char         *started_at;       /* 'YYYY-MM-DD HH:MM:SS' */
  char         *ended_at;         /* NULL while the roll is open */
  gint64        started_by;       /* staff id, 0 when nobody was signed in */
  char         *started_by_name;  /* NULL when started_by is 0 */
  char         *note;
  NtRollCounts  counts;
};

/* One person of a roll. Exactly one of student_id and staff_id is set. */
#define NT_TYPE_ROLL_ENTRY (nt_roll_entry_get_type ())
G_DECLARE_FINAL_TYPE (NtRollEntry, nt_roll_entry, NT, ROLL_ENTRY, GObject)

struct _NtRollEntry
{
  GObject   parent_instance;
  gint64    id;
  gint64    roll_id;
  gint64    student_id;       /* 0 for staff */
  gint64    staff_id;         /* 0 for a student */
  gint64    visitor_id;       /* a visitor inside the gate when the roll started; 0 otherwise */
  char     *code;             /* the student's or staff member's code */
  char     *name;
  char     *class_or_role;    /* a student's class; a staff member's role, in words */
  gint64    building_id;      /* 0: staff on a post with no building */
  char     *building_name;    /* NULL when building_id is 0 */
  char     *assembly_point;   /* the building's, "" when none is set */
  char     *room_number;      /* a student's room when the roll started; NULL for staff */
  int       floor;            /* of that room, 0 for staff */
  char     *post_name;        /* a staff member's post when the roll started; NULL for students */
  char     *status;           /* NULL: not yet accounted for */
  char     *marked_at;        /* NULL until marked */
  char     *guardian_phone;   /* a student's guardian's; "" for staff */
  char     *phone;            /* a staff member's own; "" for students */
};

/* The counts of one building of a roll: the headings of the grouped view. */
#define NT_TYPE_ROLL_GROUP (nt_roll_group_get_type ())
G_DECLARE_FINAL_TYPE (NtRollGroup, nt_roll_group, NT, ROLL_GROUP, GObject)

struct _NtRollGroup
{
  GObject       parent_instance;
  gint64        building_id;      /* 0: staff on posts with no building */
  char         *building_name;    /* NULL when building_id is 0 */
  char         *assembly_point;   /* "" when none is set */
  NtRollCounts  counts;
};

/* ----- the roll ---------------------------------------------------------- */

gint64           nt_emergency_start          (NtStore      *store,
                                              const char   *kind,
                                              gint64        started_by,
                                              GError      **error);
gint64           nt_emergency_start_at       (NtStore      *store,
                                              const char   *kind,
                                              gint64        started_by,
                                              const char   *now,
                                              GError      **error);
gint64           nt_emergency_find_open      (NtStore      *store);
gboolean         nt_emergency_mark           (NtStore      *store,
                                              gint64        entry_id,
                                              const char   *status,
                                              GError      **error);
gboolean         nt_emergency_mark_building_safe (NtStore  *store,
                                                  gint64    roll_id,
                                                  gint64    building_id,
                                                  guint    *n_marked,
                                                  GError  **error);
gboolean         nt_emergency_end            (NtStore      *store,
                                              gint64        roll_id,
                                              const char   *note,
                                              GListStore  **unaccounted,
                                              GError      **error);
gboolean         nt_emergency_end_at         (NtStore      *store,
                                              gint64        roll_id,
                                              const char   *note,
                                              const char   *now,
                                              GListStore  **unaccounted,
                                              GError      **error);

/* ----- reading ----------------------------------------------------------- */

NtEmergencyRoll *nt_emergency_load           (NtStore      *store,
                                              gint64        roll_id,
                                              GError      **error);
GListStore      *nt_emergency_list           (NtStore      *store,
                                              GError      **error);
GListStore      *nt_emergency_entries        (NtStore      *store,
                                              gint64        roll_id,
                                              GError      **error);
GListStore      *nt_emergency_unaccounted    (NtStore      *store,
                                              gint64        roll_id,
                                              GError      **error);
NtRollEntry     *nt_emergency_load_entry     (NtStore      *store,
                                              gint64        entry_id,
                                              GError      **error);
gboolean         nt_emergency_counts         (NtStore      *store,
                                              gint64        roll_id,
                                              NtRollCounts *counts,
                                              GListStore  **groups,
                                              GError      **error);

/* ----- words ------------------------------------------------------------- */

gboolean         nt_emergency_kind_valid     (const char   *kind);
const char * const *nt_emergency_kinds       (void);
const char      *nt_emergency_kind_label     (const char   *kind);
gboolean         nt_emergency_status_valid   (const char   *status);
const char * const *nt_emergency_statuses    (void);
const char      *nt_emergency_status_label   (const char   *status);

G_END_DECLS
