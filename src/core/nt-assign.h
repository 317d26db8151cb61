/* nt-assign.h: the term-start assignment of boarders to beds
 *
 * nt_assign_propose() makes a plan for every active boarder without a bed;
 * the person reviews it (and may change a student's bed with
 * nt_assign_plan_set_bed(), which checks the hard rules again), then
 * nt_assign_apply() writes it in one transaction as one batch, which
 * nt_assign_undo_batch() can take back whole.
 */
#pragma once

#include <gio/gio.h>

#include "nt-store.h"

G_BEGIN_DECLS

typedef enum
{
  NT_ASSIGN_PREF_RETURNING,  /* keep returning students in last term's room */
  NT_ASSIGN_PREF_GRADE,      /* room-mates of the same grade (then class) */
  NT_ASSIGN_PREF_MIX,        /* mix ethnic groups and home communes in a room */
  NT_ASSIGN_PREF_SIBLINGS,   /* keep brothers and sisters (same guardian phone) together */
  NT_ASSIGN_N_PREFS
} NtAssignPreference;

typedef struct
{
  gboolean enabled[NT_ASSIGN_N_PREFS];
  double   weight[NT_ASSIGN_N_PREFS];   /* >= 0 */
} NtAssignOptions;

void        nt_assign_options_init      (NtAssignOptions     *options);
const char *nt_assign_preference_label  (NtAssignPreference   preference);

/* One student of a plan: the bed proposed, or (bed_id 0) why there is none. */
#define NT_TYPE_ASSIGN_CHANGE (nt_assign_change_get_type ())
G_DECLARE_FINAL_TYPE (NtAssignChange, nt_assign_change, NT, ASSIGN_CHANGE, GObject)

struct _NtAssignChange
{
  GObject  parent_instance;
  gint64   student_id;
  char    *student_code;
  char    *student_name;
  char    *gender;
  char    *class_name;
  int      grade;
  int      priority;                    /* nt_priority_score() of the student */
  gint64   bed_id;                      /* 0 when not placed */
  char    *bed_label;
  gint64   room_id;
  char    *room_number;
  char    *building_name;
  gboolean returning;                   /* back in last term's room */
  double   score[NT_ASSIGN_N_PREFS];    /* this student's part of each preference */
  char    *reason;                      /* why not placed, or NULL */
};

typedef struct _NtAssignPlan NtAssignPlan;

/* A bed a student of a plan could be given instead. */
typedef struct
{
  gint64      bed_id;
  const char *bed_label;       /* owned by the plan */
  const char *room_number;
  const char *building_name;
  double      score;           /* the student's part of the preferences there */
} NtAssignBedChoice;

NtAssignPlan   *nt_assign_propose           (NtStore                *store,
                                             const NtAssignOptions  *options,
                                             GCancellable           *cancellable,
                                             GError                **error);
void            nt_assign_plan_free         (NtAssignPlan           *plan);
GListModel     *nt_assign_plan_get_changes  (NtAssignPlan           *plan);
GListModel     *nt_assign_plan_get_unplaced (NtAssignPlan           *plan);
double          nt_assign_plan_get_score    (NtAssignPlan           *plan,
                                             NtAssignPreference      preference);
NtAssignChange *nt_assign_plan_lookup       (NtAssignPlan           *plan,
                                             gint64                  student_id);
gboolean        nt_assign_plan_set_bed      (NtAssignPlan           *plan,
                                             gint64                  student_id,
                                             gint64                  bed_id,
                                             GError                **error);
GArray         *nt_assign_plan_list_beds    (NtAssignPlan           *plan,
                                             gint64                  student_id);
gboolean        nt_assign_apply             (NtStore                *store,
                                             NtAssignPlan           *plan,
                                             const char             *date_iso,
                                             char                  **batch_id_out,
                                             GError                **error);
gboolean        nt_assign_undo_batch        (NtStore                *store,
                                             const char             *batch_id,
                                             GError                **error);
GListStore     *nt_assign_waiting_list      (NtStore                *store,
                                             GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NtAssignPlan, nt_assign_plan_free)

G_END_DECLS
