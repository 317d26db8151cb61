/* nt-inspections.c: room inspections, criteria and the ranking */
#define G_LOG_DOMAIN "noitru-inspections"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nt-access.h"
#include "nt-date.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-inspections.h"
#include "nt-row.h"
#include "nt-sql.h"
#include "nt-util.h"

/* ----- list rows --------------------------------------------------------- */

static const NtRowField criterion_fields[] = {
  NT_ROW_PROPERTY (NtInspectionCriterion, id, "id", INT64),
  NT_ROW_PROPERTY (NtInspectionCriterion, name, "name", STRING),
  NT_ROW_PROPERTY (NtInspectionCriterion, max_points, "max-points", INT),
  NT_ROW_PROPERTY (NtInspectionCriterion, position, "position", INT),
  NT_ROW_PROPERTY (NtInspectionCriterion, active, "active", BOOLEAN),
};

NT_DEFINE_ROW_TYPE (NtInspectionCriterion, nt_inspection_criterion, criterion_fields)

static const NtRowField inspected_fields[] = {
  NT_ROW_PROPERTY (NtInspectedRoom, room_id, "room-id", INT64),
  NT_ROW_PROPERTY (NtInspectedRoom, number, "number", STRING),
  NT_ROW_PROPERTY (NtInspectedRoom, inspection_id, "inspection-id", INT64),
  NT_ROW_PROPERTY (NtInspectedRoom, points, "points", INT),
  NT_ROW_OWNED_STRING (NtInspectedRoom, building_name),
  NT_ROW_OWNED_STRING (NtInspectedRoom, note),
};

NT_DEFINE_ROW_TYPE (NtInspectedRoom, nt_inspected_room, inspected_fields)

static const NtRowField ranked_fields[] = {
  NT_ROW_PROPERTY (NtRanked, rank, "rank", UINT),
  NT_ROW_PROPERTY (NtRanked, id, "id", INT64),
  NT_ROW_PROPERTY (NtRanked, name, "name", STRING),
  NT_ROW_PROPERTY (NtRanked, score, "score", DOUBLE),
  NT_ROW_PROPERTY (NtRanked, praise, "praise", BOOLEAN),
  NT_ROW_PROPERTY (NtRanked, remind, "remind", BOOLEAN),
  NT_ROW_OWNED_STRING (NtRanked, building_name),
};

NT_DEFINE_ROW_TYPE (NtRanked, nt_ranked, ranked_fields)

/* ----- helpers ----------------------------------------------------------- */

static gboolean
check_date (const char  *date,
            const char  *what,
            GError     **error)
{
  if (nt_date_iso_valid (date))
    return TRUE;
  g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
               _("The date of %s, “%s”, is not a date (YYYY-MM-DD)."), what, date ? date : "");
  return FALSE;
}

/* "Room 203 (Nhà A)", for messages; NULL when the room does not exist. */
static char *
room_label (NtStore *store,
            gint64   room_id)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "SELECT r.number, b.name FROM rooms r JOIN buildings b ON b.id = r.building_id "
                                         "WHERE r.id = ?1", NULL);
  char *label = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, room_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    /* TRANSLATORS: a room and its building in a message: "Phòng 203 (Nhà A)" */
    label = g_strdup_printf (_("Room %s (%s)"), sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);
  return label;
}

/* ----- criteria ---------------------------------------------------------- */

/**
 * nt_inspections_criteria:
 * @with_inactive: also the criteria no longer used
 *
 * Returns: (transfer full): the #NtInspectionCriterion rows in their order
 */
GListStore *
nt_inspections_criteria (NtStore   *store,
                         gboolean   with_inactive,
                         GError   **error)
{
  g_autoptr(GListStore) list = g_list_store_new (NT_TYPE_INSPECTION_CRITERION);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store,
                           "SELECT id, name, max_points, position, active FROM inspection_criteria "
                           "WHERE active = 1 OR ?1 ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, with_inactive ? 1 : 0);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(NtInspectionCriterion) c = g_object_new (NT_TYPE_INSPECTION_CRITERION, NULL);

      c->id = sqlite3_column_int64 (stmt, 0);
      c->name = nt_sql_column_dup (stmt, 1);
      c->max_points = sqlite3_column_int (stmt, 2);
      c->position = sqlite3_column_int (stmt, 3);
      c->active = sqlite3_column_int (stmt, 4) != 0;
      g_list_store_append (list, c);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}

static gboolean
check_criterion (const char  *name,
                 int          max_points,
                 GError     **error)
{
  if (nt_str_empty (name) || strspn (name, " \t") == strlen (name))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("The name of the criterion is empty."));
      return FALSE;
    }
  if (max_points < 1 || max_points > 1000)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The criterion “%s” must be worth between 1 and 1000 points, not %d."), name, max_points);
      return FALSE;
    }
  return TRUE;
}

static gboolean
step_criterion (NtStore       *store,
                sqlite3_stmt  *stmt,
                const char    *name,
                GError       **error)
{
  if (sqlite3_step (stmt) == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }
  if (sqlite3_extended_errcode (nt_store_get_db (store)) == SQLITE_CONSTRAINT_UNIQUE)
    g_set_error (error, NT_ERROR, NT_ERROR_EXISTS, _("There is already a criterion named “%s”."), name);
  else
    nt_store_set_error (store, error, _("the criterion"));
  sqlite3_reset (stmt);
  return FALSE;
}

gint64
nt_inspections_criterion_add (NtStore     *store,
                              const char  *name,
                              int          max_points,
                              GError     **error)
{
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), 0);

  if (!nt_access_require (store, NT_PERM_RECORD_DORM_LIFE, error) ||
      !check_criterion (name, max_points, error))
    return 0;
  clean = g_strstrip (g_strdup (name));
  stmt = nt_store_prepare (store,
                           "INSERT INTO inspection_criteria (name, max_points, position) "
                           "VALUES (?1, ?2, (SELECT ifnull (max (position), 0) + 1 FROM inspection_criteria))",
                           error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, max_points);
  if (!step_criterion (store, stmt, clean, error))
    return 0;
  nt_store_emit_changed (store, "inspection_criteria");
  return sqlite3_last_insert_rowid (nt_store_get_db (store));
}

/**
 * nt_inspections_criterion_update:
 * @active: %FALSE to stop using it: past scores keep it, new sheets do not
 *   show it (a criterion that was scored cannot be deleted)
 */
gboolean
nt_inspections_criterion_update (NtStore     *store,
                                 gint64       criterion_id,
                                 const char  *name,
                                 int          max_points,
                                 int          position,
                                 gboolean     active,
                                 GError     **error)
{
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_RECORD_DORM_LIFE, error) ||
      !check_criterion (name, max_points, error))
    return FALSE;
  clean = g_strstrip (g_strdup (name));
  stmt = nt_store_prepare (store,
                           "UPDATE inspection_criteria SET name = ?2, max_points = ?3, position = ?4, active = ?5 "
                           "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, criterion_id);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, max_points);
  sqlite3_bind_int (stmt, 4, position);
  sqlite3_bind_int (stmt, 5, active ? 1 : 0);
  if (!step_criterion (store, stmt, clean, error))
    return FALSE;
  if (sqlite3_changes (nt_store_get_db (store)) != 1)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("The criterion “%s” no longer exists."), clean);
      return FALSE;
    }
  nt_store_emit_changed (store, "inspection_criteria");
  return TRUE;
}

/**
 * nt_inspections_add_default_criteria:
 *
 * Adds the usual criteria of a boarding school (100 points in all) when the
 * school has none yet; does nothing otherwise.
 */
gboolean
nt_inspections_add_default_criteria (NtStore  *store,
                                     GError  **error)
{
  const struct { const char *name; int points; } defaults[] = {
    /* TRANSLATORS: a default room-inspection criterion (Vệ sinh phòng ở, khu vệ sinh) */
    { N_("Hygiene of the room and washroom"), 30 },
    /* TRANSLATORS: a default room-inspection criterion (Nội vụ: chăn màn gấp gọn, đồ dùng ngăn nắp) */
    { N_("Tidiness: beds made, belongings in order"), 25 },
    /* TRANSLATORS: a default room-inspection criterion (Giờ giấc, trật tự giờ nghỉ) */
    { N_("Times kept, quiet during rest hours"), 20 },
    /* TRANSLATORS: a default room-inspection criterion (An toàn điện, phòng cháy) */
    { N_("Electrical and fire safety"), 15 },
    /* TRANSLATORS: a default room-inspection criterion (Tiết kiệm điện nước, giữ gìn tài sản) */
    { N_("Saving power and water, care of property"), 10 },
  };

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_RECORD_DORM_LIFE, error))
    return FALSE;
  if (nt_store_count (store, "SELECT count(*) FROM inspection_criteria") > 0)
    return TRUE;
  if (!nt_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    if (nt_inspections_criterion_add (store, _(defaults[i].name), defaults[i].points, error) == 0)
      {
        nt_store_rollback (store);
        return FALSE;
      }
  return nt_store_commit (store, error);
}

/* ----- inspections ------------------------------------------------------- */

static int
criterion_max (NtStore     *store,
               gint64       criterion_id,
               char       **name)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "SELECT max_points, name FROM inspection_criteria WHERE id = ?1", NULL);
  int max = -1;

  *name = NULL;
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, criterion_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      max = sqlite3_column_int (stmt, 0);
      *name = nt_sql_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  return max;
}

static gboolean
check_scores (NtStore                  *store,
              const char               *room,
              const NtInspectionScore  *scores,
              guint                     n_scores,
              GError                  **error)
{
  if (n_scores == 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s: no criterion was scored; nothing was saved."), room);
      return FALSE;
    }
  for (guint i = 0; i < n_scores; i++)
    {
      g_autofree char *name = NULL;
      int max = criterion_max (store, scores[i].criterion_id, &name);

      if (max < 0)
        {
          g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                       _("%s: criterion number %lld does not exist."), room,
                       (long long) scores[i].criterion_id);
          return FALSE;
        }
      if (scores[i].points < 0 || scores[i].points > max)
        {
          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("%s, criterion “%s”: %d points is outside 0 to %d."), room, name,
                       scores[i].points, max);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (scores[j].criterion_id == scores[i].criterion_id)
          {
            g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                         _("%s, criterion “%s”: scored twice."), room, name);
            return FALSE;
          }
    }
  return TRUE;
}

/**
 * nt_inspections_save:
 * @inspector_id: the staff member who inspected, 0 for the actor
 * @scores: (array length=n_scores): the criteria scored
 *
 * Writes the inspection of @room_id on @date, replacing that day's
 * inspection of the room if there was one (a sheet corrected is saved
 * again), in one transaction.
 *
 * Returns: the inspection's id, or 0 with @error set
 */
gint64
nt_inspections_save (NtStore                  *store,
                     gint64                    room_id,
                     const char               *date,
                     gint64                    inspector_id,
                     const NtInspectionScore  *scores,
                     guint                     n_scores,
                     const char               *note,
                     GError                  **error)
{
  g_autofree char *room = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (NT_IS_STORE (store), 0);
  g_return_val_if_fail (scores != NULL || n_scores == 0, 0);

  if (!nt_access_require (store, NT_PERM_RECORD_DORM_LIFE, error))
    return 0;
  room = room_label (store, room_id);
  if (room == NULL)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                   _("Room number %lld does not exist; the inspection was not saved."), (long long) room_id);
      return 0;
    }
  if (!check_date (date, room, error) || !check_scores (store, room, scores, n_scores, error))
    return 0;
  if (inspector_id <= 0)
    inspector_id = nt_store_get_actor (store);

  if (!nt_store_begin (store, error))
    return 0;
  stmt = nt_store_prepare (store,
                           "INSERT INTO room_inspections (room_id, date, inspector_id, note) "
                           "VALUES (?1, ?2, nullif (?3, 0), ?4) "
                           "ON CONFLICT (room_id, date) DO UPDATE SET inspector_id = excluded.inspector_id, "
                           "  note = excluded.note", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, room_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, inspector_id);
  sqlite3_bind_text (stmt, 4, note ? note : "", -1, SQLITE_TRANSIENT);
  if (!nt_store_step_done (store, stmt, error))
    goto fail;

  stmt = nt_store_prepare (store, "SELECT id FROM room_inspections WHERE room_id = ?1 AND date = ?2", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, room_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    {
      nt_store_set_error (store, error, _("the inspection"));
      goto fail;
    }

  stmt = nt_store_prepare (store, "DELETE FROM room_inspection_scores WHERE inspection_id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!nt_store_step_done (store, stmt, error))
    goto fail;

  stmt = nt_store_prepare (store,
                           "INSERT INTO room_inspection_scores (inspection_id, criterion_id, points, note) "
                           "VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < n_scores; i++)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, scores[i].criterion_id);
      sqlite3_bind_int (stmt, 3, scores[i].points);
      sqlite3_bind_text (stmt, 4, scores[i].note ? scores[i].note : "", -1, SQLITE_TRANSIENT);
      if (!nt_store_step_done (store, stmt, error))
        goto fail;
    }
  if (!nt_store_commit (store, error))
    goto fail;
  nt_store_emit_changed (store, "room_inspections");
  return id;

fail:
  nt_store_rollback (store);
  return 0;
}

gboolean
nt_inspections_delete (NtStore     *store,
                       gint64       room_id,
                       const char  *date,
                       GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_RECORD_DORM_LIFE, error))
    return FALSE;
  stmt = nt_store_prepare (store, "DELETE FROM room_inspections WHERE room_id = ?1 AND date = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, room_id);
  sqlite3_bind_text (stmt, 2, date ? date : "", -1, SQLITE_TRANSIENT);
  if (!nt_store_step_done (store, stmt, error))
    return FALSE;
  nt_store_emit_changed (store, "room_inspections");
  return TRUE;
}

static void
clear_score (gpointer data)
{
  NtInspectionScore *s = data;

  g_free ((char *) s->note);
}

/**
 * nt_inspections_load_scores:
 * @note: (out) (optional): the inspection's note
 *
 * Returns: (transfer full) (nullable): the #NtInspectionScore of the room's
 *   inspection on @date (their notes owned by the array), or %NULL when
 *   the room was not inspected that day (@error not set) or on an error
 */
GArray *
nt_inspections_load_scores (NtStore     *store,
                            gint64       room_id,
                            const char  *date,
                            char       **note,
                            GError     **error)
{
  g_autoptr(GArray) scores = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  if (note)
    *note = NULL;
  stmt = nt_store_prepare (store,
                           "SELECT i.note, sc.criterion_id, sc.points, sc.note FROM room_inspections i "
                           "LEFT JOIN room_inspection_scores sc ON sc.inspection_id = i.id "
                           "WHERE i.room_id = ?1 AND i.date = ?2 ORDER BY sc.criterion_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, room_id);
  sqlite3_bind_text (stmt, 2, date ? date : "", -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      NtInspectionScore s;

      if (scores == NULL)
        {
          scores = g_array_new (FALSE, FALSE, sizeof (NtInspectionScore));
          g_array_set_clear_func (scores, clear_score);
          if (note)
            *note = nt_sql_column_dup (stmt, 0);
        }
      if (sqlite3_column_type (stmt, 1) == SQLITE_NULL)
        continue;
      s.criterion_id = sqlite3_column_int64 (stmt, 1);
      s.points = sqlite3_column_int (stmt, 2);
      s.note = nt_sql_column_dup (stmt, 3);
      g_array_append_val (scores, s);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&scores);
}

/**
 * nt_inspections_floor:
 * @floor: a floor, or 0 for every floor of the building
 *
 * Returns: (transfer full): the active dorm rooms of the floor in number
 *   order, each with its inspection on @date if any
 */
GListStore *
nt_inspections_floor (NtStore     *store,
                      gint64       building_id,
                      int          floor,
                      const char  *date,
                      GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (NT_TYPE_INSPECTED_ROOM);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store,
                           "SELECT r.id, r.number, r.floor, b.id, b.name, ifnull (i.id, 0), "
                           "  (SELECT ifnull (sum (sc.points), 0) FROM room_inspection_scores sc WHERE sc.inspection_id = i.id), "
                           "  (SELECT ifnull (sum (c.max_points), 0) FROM room_inspection_scores sc "
                           "   JOIN inspection_criteria c ON c.id = sc.criterion_id WHERE sc.inspection_id = i.id), "
                           "  ifnull (i.note, '') "
                           "FROM rooms r JOIN buildings b ON b.id = r.building_id "
                           "LEFT JOIN room_inspections i ON i.room_id = r.id AND i.date = ?3 "
                           "WHERE r.building_id = ?1 AND (?2 = 0 OR r.floor = ?2) AND r.active = 1 AND r.kind = 'dorm' "
                           "ORDER BY r.floor, length (r.number), r.number", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, building_id);
  sqlite3_bind_int (stmt, 2, floor);
  sqlite3_bind_text (stmt, 3, date ? date : "", -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(NtInspectedRoom) r = g_object_new (NT_TYPE_INSPECTED_ROOM, NULL);

      r->room_id = sqlite3_column_int64 (stmt, 0);
      r->number = nt_sql_column_dup (stmt, 1);
      r->floor = sqlite3_column_int (stmt, 2);
      r->building_id = sqlite3_column_int64 (stmt, 3);
      r->building_name = nt_sql_column_dup (stmt, 4);
      r->inspection_id = sqlite3_column_int64 (stmt, 5);
      r->points = sqlite3_column_int (stmt, 6);
      r->max_points = sqlite3_column_int (stmt, 7);
      r->note = nt_sql_column_dup (stmt, 8);
      g_list_store_append (list, r);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}

/* ----- ranking ----------------------------------------------------------- */

typedef struct
{
  gint64  id;
  char   *name;
  char   *building_name;
  gint64  building_id;
  double  sum;            /* of percentages (rooms) or of rounded room scores (buildings) */
  guint   n;
  int     tenths;         /* the score rounded to one decimal, times ten */
} Entry;

static void
entry_clear (gpointer data)
{
  Entry *e = data;

  g_free (e->name);
  g_free (e->building_name);
}

/* Room numbers compare as people read them: "9" before "10". */
static int
compare_numbers (const char *a,
                 const char *b)
{
  gsize la = strlen (a), lb = strlen (b);

  if (la != lb && g_ascii_isdigit (a[0]) && g_ascii_isdigit (b[0]))
    return la < lb ? -1 : 1;
  return g_utf8_collate (a, b);
}

static int
compare_entries (gconstpointer pa,
                 gconstpointer pb)
{
  const Entry *a = pa, *b = pb;
  int c;

  if (a->tenths != b->tenths)
    return a->tenths > b->tenths ? -1 : 1;
  c = g_utf8_collate (a->building_name ? a->building_name : "", b->building_name ? b->building_name : "");
  if (c != 0)
    return c;
  return compare_numbers (a->name, b->name);
}

static int
round_tenths (double value)
{
  return (int) floor (value * 10.0 + 0.5);
}

/**
 * nt_inspections_ranking:
 * @from_date: ISO, the first day
 * @to_date: ISO, the last day
 *
 * Ranks rooms or buildings on the inspections of the period by the rule in
 * nt-inspections.h: mean percentage rounded to one decimal, competition
 * ranks (1, 2, 2, 4). Equal scores are listed by building, then room number.
 *
 * Returns: (transfer full): the #NtRanked rows, best first
 */
GListStore *
nt_inspections_ranking (NtStore        *store,
                        NtRankingKind   kind,
                        const char     *from_date,
                        const char     *to_date,
                        GError        **error)
{
  g_autoptr(GListStore) list = g_list_store_new (NT_TYPE_RANKED);
  g_autoptr(GArray) rooms = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_autoptr(GArray) buildings = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_autoptr(GHashTable) room_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GArray *ranked;
  sqlite3_stmt *stmt;
  guint rank = 0;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  g_array_set_clear_func (rooms, entry_clear);
  g_array_set_clear_func (buildings, entry_clear);
  if (!check_date (from_date, _("the start of the period"), error) ||
      !check_date (to_date, _("the end of the period"), error))
    return NULL;

  stmt = nt_store_prepare (store,
                           "SELECT r.id, r.number, b.id, b.name, sum (sc.points), sum (c.max_points) "
                           "FROM room_inspections i JOIN rooms r ON r.id = i.room_id "
                           "JOIN buildings b ON b.id = r.building_id "
                           "JOIN room_inspection_scores sc ON sc.inspection_id = i.id "
                           "JOIN inspection_criteria c ON c.id = sc.criterion_id "
                           "WHERE i.date BETWEEN ?1 AND ?2 GROUP BY i.id ORDER BY r.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to_date, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 room_id = sqlite3_column_int64 (stmt, 0);
      double max = sqlite3_column_double (stmt, 5);
      gpointer found = g_hash_table_lookup (room_index, &room_id);
      Entry *e;

      if (max <= 0)
        continue;
      if (found == NULL)
        {
          Entry fresh = { 0 };

          fresh.id = room_id;
          fresh.name = nt_sql_column_dup (stmt, 1);
          fresh.building_id = sqlite3_column_int64 (stmt, 2);
          fresh.building_name = nt_sql_column_dup (stmt, 3);
          g_array_append_val (rooms, fresh);
          /* The index holds positions + 1 (0 is "absent"). */
          g_hash_table_insert (room_index, g_memdup2 (&room_id, sizeof room_id), GUINT_TO_POINTER (rooms->len));
          e = &g_array_index (rooms, Entry, rooms->len - 1);
        }
      else
        e = &g_array_index (rooms, Entry, GPOINTER_TO_UINT (found) - 1);
      e->sum += 100.0 * sqlite3_column_double (stmt, 4) / max;
      e->n++;
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < rooms->len; i++)
    {
      Entry *e = &g_array_index (rooms, Entry, i);

      e->tenths = round_tenths (e->sum / e->n);
    }

  if (kind == NT_RANKING_BUILDINGS)
    {
      for (guint i = 0; i < rooms->len; i++)
        {
          Entry *r = &g_array_index (rooms, Entry, i);
          Entry *b = NULL;

          for (guint j = 0; j < buildings->len && b == NULL; j++)
            if (g_array_index (buildings, Entry, j).id == r->building_id)
              b = &g_array_index (buildings, Entry, j);
          if (b == NULL)
            {
              Entry fresh = { 0 };

              fresh.id = r->building_id;
              fresh.name = g_strdup (r->building_name);
              g_array_append_val (buildings, fresh);
              b = &g_array_index (buildings, Entry, buildings->len - 1);
            }
          b->sum += r->tenths / 10.0;
          b->n++;
        }
      for (guint i = 0; i < buildings->len; i++)
        {
          Entry *e = &g_array_index (buildings, Entry, i);

          e->tenths = round_tenths (e->sum / e->n);
        }
      ranked = buildings;
    }
  else
    ranked = rooms;

  g_array_sort (ranked, compare_entries);
  for (guint i = 0; i < ranked->len; i++)
    {
      Entry *e = &g_array_index (ranked, Entry, i);
      g_autoptr(NtRanked) row = g_object_new (NT_TYPE_RANKED, NULL);

      if (i == 0 || e->tenths != g_array_index (ranked, Entry, i - 1).tenths)
        rank = i + 1;
      row->rank = rank;
      row->id = e->id;
      row->name = g_strdup (e->name);
      row->building_name = g_strdup (e->building_name);
      row->n_inspections = e->n;
      row->score = e->tenths / 10.0;
      row->praise = e->tenths >= round_tenths (NT_INSPECTIONS_PRAISE_SCORE);
      row->remind = e->tenths < round_tenths (NT_INSPECTIONS_REMIND_SCORE);
      g_list_store_append (list, row);
    }
  return g_steal_pointer (&list);
}

static void
period_out (GDate  *first,
            GDate  *last,
            char  **from,
            char  **to)
{
  *from = nt_date_to_iso (first);
  *to = nt_date_to_iso (last);
}

/**
 * nt_inspections_week:
 * @date: ISO, any day of the week
 * @from: (out): its Monday
 * @to: (out): its Sunday
 */
void
nt_inspections_week (const char  *date,
                     char       **from,
                     char       **to)
{
  g_autoptr(GDate) first = nt_date_from_iso (date);
  g_autoptr(GDate) last = NULL;

  g_return_if_fail (first != NULL);

  g_date_subtract_days (first, g_date_get_weekday (first) - G_DATE_MONDAY);
  last = g_date_copy (first);
  g_date_add_days (last, 6);
  period_out (first, last, from, to);
}

/**
 * nt_inspections_month:
 * @date: ISO, any day of the month
 * @from: (out): its first day
 * @to: (out): its last day
 */
void
nt_inspections_month (const char  *date,
                      char       **from,
                      char       **to)
{
  g_autoptr(GDate) first = nt_date_from_iso (date);
  g_autoptr(GDate) last = NULL;

  g_return_if_fail (first != NULL);

  g_date_set_day (first, 1);
  last = g_date_copy (first);
  g_date_set_day (last, g_date_get_days_in_month (g_date_get_month (first), g_date_get_year (first)));
  period_out (first, last, from, to);
}
