/* nt-inspections.h: room inspections and the room competition
 * (kiểm tra nề nếp, thi đua phòng ở)
 *
 * The school's criteria each carry a number of points. An inspection of a
 * room on a date gives each criterion 0..its points, with a note. Dates are
 * ISO 'YYYY-MM-DD'.
 *
 * The ranking rule (documented here because people will ask):
 * - an inspection's score is its points over the points of the criteria it
 *   scored, as a percentage, so that editing the criteria does not make old
 *   inspections incomparable;
 * - a room's score in a period is the mean of its inspections' scores,
 *   rounded to one decimal; a building's is the mean of its rooms' scores,
 *   rounded the same way; rooms never inspected in the period are not ranked;
 * - ranks are "competition" ranks on the rounded score: the same score gets
 *   the same rank and the next rank skips (1, 2, 2, 4), so what a person
 *   sees equal is ranked equal;
 * - rooms at NT_INSPECTIONS_PRAISE_SCORE or more are to be praised, rooms
 *   below NT_INSPECTIONS_REMIND_SCORE are to be reminded.
 */
#pragma once

#include <gio/gio.h>

#include "nt-store.h"

G_BEGIN_DECLS

#define NT_INSPECTIONS_PRAISE_SCORE 90.0
#define NT_INSPECTIONS_REMIND_SCORE 70.0

/* ----- list rows --------------------------------------------------------- */

#define NT_TYPE_INSPECTION_CRITERION (nt_inspection_criterion_get_type ())
G_DECLARE_FINAL_TYPE (NtInspectionCriterion, nt_inspection_criterion, NT, INSPECTION_CRITERION, GObject)

struct _NtInspectionCriterion
{
  GObject   parent_instance;
  gint64    id;
  char     *name;
  int       max_points;
  int       position;
  gboolean  active;
};

/* A room as the floor sheet shows it: its inspection on the sheet's date,
 * if any. */
#define NT_TYPE_INSPECTED_ROOM (nt_inspected_room_get_type ())
G_DECLARE_FINAL_TYPE (NtInspectedRoom, nt_inspected_room, NT, INSPECTED_ROOM, GObject)

struct _NtInspectedRoom
{
  GObject   parent_instance;
  gint64    room_id;
  char     *number;
  int       floor;
  gint64    building_id;
  char     *building_name;
  gint64    inspection_id;    /* 0 when not inspected on the date */
  int       points;           /* the sum of the scores */
  int       max_points;       /* the sum of the scored criteria's points */
  char     *note;
};

typedef enum
{
  NT_RANKING_ROOMS,
  NT_RANKING_BUILDINGS,
} NtRankingKind;

#define NT_TYPE_RANKED (nt_ranked_get_type ())
G_DECLARE_FINAL_TYPE (NtRanked, nt_ranked, NT, RANKED, GObject)

struct _NtRanked
{
  GObject   parent_instance;
  guint     rank;             /* 1 is the best; ties share a rank */
  gint64    id;               /* the room's or the building's */
  char     *name;             /* the room number or the building name */
  char     *building_name;    /* rooms: their building */
  guint     n_inspections;    /* rooms: inspections; buildings: rooms ranked */
  double    score;            /* 0..100, one decimal */
  gboolean  praise;
  gboolean  remind;
};

typedef struct
{
  gint64      criterion_id;
  int         points;
  const char *note;           /* nullable */
} NtInspectionScore;

/* ----- criteria ---------------------------------------------------------- */

GListStore *nt_inspections_criteria      (NtStore                  *store,
                                          gboolean                  with_inactive,
                                          GError                  **error);
gint64      nt_inspections_criterion_add (NtStore                  *store,
                                          const char               *name,
                                          int                       max_points,
                                          GError                  **error);
gboolean    nt_inspections_criterion_update (NtStore               *store,
                                             gint64                 criterion_id,
                                             const char            *name,
                                             int                    max_points,
                                             int                    position,
                                             gboolean               active,
                                             GError               **error);
gboolean    nt_inspections_add_default_criteria (NtStore           *store,
                                                 GError           **error);

/* ----- inspections ------------------------------------------------------- */

gint64      nt_inspections_save          (NtStore                  *store,
                                          gint64                    room_id,
                                          const char               *date,
                                          gint64                    inspector_id,
                                          const NtInspectionScore  *scores,
                                          guint                     n_scores,
                                          const char               *note,
                                          GError                  **error);
gboolean    nt_inspections_delete        (NtStore                  *store,
                                          gint64                    room_id,
                                          const char               *date,
                                          GError                  **error);
GArray     *nt_inspections_load_scores   (NtStore                  *store,
                                          gint64                    room_id,
                                          const char               *date,
                                          char                    **note,
                                          GError                  **error);
GListStore *nt_inspections_floor         (NtStore                  *store,
                                          gint64                    building_id,
                                          int                       floor,
                                          const char               *date,
                                          GError                  **error);

/* ----- ranking ----------------------------------------------------------- */

GListStore *nt_inspections_ranking       (NtStore                  *store,
                                          NtRankingKind             kind,
                                          const char               *from_date,
                                          const char               *to_date,
                                          GError                  **error);
void        nt_inspections_week          (const char               *date,
                                          char                    **from,
                                          char                    **to);
void        nt_inspections_month         (const char               *date,
                                          char                    **from,
                                          char                    **to);

G_END_DECLS
