/* nt-emergency.c: the emergency roll (điểm danh khẩn cấp)
 *
 * The roll is written in one transaction when it starts, so that what it
 * lists is the school as it was at that moment: a move, a leave or a duty
 * recorded afterwards does not change who was to be found. Marking is one
 * guarded UPDATE per person (saved at once, as in the night check), and the
 * counts are read back from the entries each time rather than kept, so two
 * windows marking the same roll always agree.
 *
 * What the entries table does not keep (a student's room, a staff member's
 * post) is read at display time from the beds and duties that covered the
 * roll's start, by the same rules that chose the people.
 */
#define G_LOG_DOMAIN "nt-emergency"

#include <string.h>

#include "nt-access.h"
#include "nt-emergency.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-leaves.h"
#include "nt-roster.h"
#include "nt-row.h"
#include "nt-sql.h"
#include "nt-staff.h"
#include "nt-util.h"

#define COUNTS_SQL \
  "count (e.id), count (CASE WHEN e.status = 'safe' THEN 1 END), " \
  "count (CASE WHEN e.status = 'missing' THEN 1 END), count (CASE WHEN e.status = 'injured' THEN 1 END), " \
  "count (CASE WHEN e.status = 'away' THEN 1 END), count (CASE WHEN e.id IS NOT NULL AND e.status IS NULL THEN 1 END)"

static const char * const kinds[] = { "fire", "drill", "evacuation", "other", NULL };
static const char * const statuses[] = { "safe", "missing", "injured", "away", NULL };

/* ----- list rows --------------------------------------------------------- */

static const NtRowField roll_fields[] = {
  NT_ROW_OWNED_STRING (NtEmergencyRoll, kind),
  NT_ROW_OWNED_STRING (NtEmergencyRoll, started_at),
  NT_ROW_OWNED_STRING (NtEmergencyRoll, ended_at),
  NT_ROW_OWNED_STRING (NtEmergencyRoll, started_by_name),
  NT_ROW_OWNED_STRING (NtEmergencyRoll, note),
};

NT_DEFINE_ROW_TYPE (NtEmergencyRoll, nt_emergency_roll, roll_fields)

/* A few properties, for list sorters and filters in the window. */
static const NtRowField entry_fields[] = {
  NT_ROW_PROPERTY (NtRollEntry, id, "id", INT64),
  NT_ROW_PROPERTY (NtRollEntry, name, "name", STRING),
  NT_ROW_PROPERTY (NtRollEntry, building_name, "building-name", STRING),
  NT_ROW_PROPERTY (NtRollEntry, room_number, "room-number", STRING),
  NT_ROW_PROPERTY (NtRollEntry, status, "status", STRING),
  NT_ROW_OWNED_STRING (NtRollEntry, code),
  NT_ROW_OWNED_STRING (NtRollEntry, class_or_role),
  NT_ROW_OWNED_STRING (NtRollEntry, assembly_point),
  NT_ROW_OWNED_STRING (NtRollEntry, post_name),
  NT_ROW_OWNED_STRING (NtRollEntry, marked_at),
  NT_ROW_OWNED_STRING (NtRollEntry, guardian_phone),
  NT_ROW_OWNED_STRING (NtRollEntry, phone),
};

NT_DEFINE_ROW_TYPE (NtRollEntry, nt_roll_entry, entry_fields)

static const NtRowField group_fields[] = {
  NT_ROW_OWNED_STRING (NtRollGroup, building_name),
  NT_ROW_OWNED_STRING (NtRollGroup, assembly_point),
};

NT_DEFINE_ROW_TYPE (NtRollGroup, nt_roll_group, group_fields)

/* ----- words ------------------------------------------------------------- */

gboolean
nt_emergency_kind_valid (const char *kind)
{
  return kind != NULL && g_strv_contains (kinds, kind);
}

/* Returns: (transfer none): the kinds, as the database writes them */
const char * const *
nt_emergency_kinds (void)
{
  return kinds;
}

const char *
nt_emergency_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "fire") == 0)
    return _("Fire");
  if (g_strcmp0 (kind, "drill") == 0)
    return _("Drill");
  if (g_strcmp0 (kind, "evacuation") == 0)
    return _("Evacuation");
  if (g_strcmp0 (kind, "other") == 0)
    return _("Other emergency");
  return "";
}

gboolean
nt_emergency_status_valid (const char *status)
{
  return status != NULL && g_strv_contains (statuses, status);
}

/* Returns: (transfer none): the statuses, as the database writes them */
const char * const *
nt_emergency_statuses (void)
{
  return statuses;
}

/* %NULL (not yet accounted for) has its own label. */
const char *
nt_emergency_status_label (const char *status)
{
  if (status == NULL)
    return _("Unaccounted for");
  if (g_str_equal (status, "safe"))
    return _("Safe");
  if (g_str_equal (status, "missing"))
    return _("Missing");
  if (g_str_equal (status, "injured"))
    return _("Injured");
  if (g_str_equal (status, "away"))
    return _("Away");
  return "";
}

/* ----- small helpers ----------------------------------------------------- */

static void
bind_id (sqlite3_stmt *stmt,
         int           col,
         gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, col, id);
  else
    sqlite3_bind_null (stmt, col);
}

/* Whether @sql (with the id as ?1) finds a row. */
static gboolean
row_exists (NtStore    *store,
            const char *sql,
            gint64      id)
{
  sqlite3_stmt *stmt = nt_store_prepare (store, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* The local time as the rolls store it. */
static char *
now_seconds (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
}

/* 'YYYY-MM-DD HH:MM:SS' → 'dd/mm/yyyy HH:MM', for messages. */
static char *
time_display (const char *at)
{
  g_autofree char *minutes = g_strndup (at ? at : "", 16);

  return nt_leave_time_to_display (minutes);
}

static void
read_counts (sqlite3_stmt *stmt,
             int           col,
             NtRollCounts *counts)
{
  counts->total = (guint) sqlite3_column_int (stmt, col);
  counts->safe = (guint) sqlite3_column_int (stmt, col + 1);
  counts->missing = (guint) sqlite3_column_int (stmt, col + 2);
  counts->injured = (guint) sqlite3_column_int (stmt, col + 3);
  counts->away = (guint) sqlite3_column_int (stmt, col + 4);
  counts->unaccounted = (guint) sqlite3_column_int (stmt, col + 5);
}

/* Steps @stmt to its end; FALSE with @error set on a database fault. */
static gboolean
finish_read (NtStore       *store,
             sqlite3_stmt  *stmt,
             int            rc,
             GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      nt_store_set_error (store, error, _("read the emergency roll"));
      return FALSE;
    }
  return TRUE;
}

/* ----- reading ----------------------------------------------------------- */

#define ROLL_SELECT \
  "SELECT k.id, k.kind, k.started_at, k.ended_at, ifnull (k.started_by, 0), st.full_name, k.note, " COUNTS_SQL " " \
  "FROM emergency_rolls k LEFT JOIN staff st ON st.id = k.started_by " \
  "LEFT JOIN emergency_roll_entries e ON e.roll_id = k.id "

static NtEmergencyRoll *
roll_from_row (sqlite3_stmt *stmt)
{
  NtEmergencyRoll *r = g_object_new (NT_TYPE_EMERGENCY_ROLL, NULL);

  r->id = sqlite3_column_int64 (stmt, 0);
  r->kind = nt_sql_column_dup (stmt, 1);
  r->started_at = nt_sql_column_dup (stmt, 2);
  r->ended_at = nt_sql_column_dup (stmt, 3);
  r->started_by = sqlite3_column_int64 (stmt, 4);
  r->started_by_name = nt_sql_column_dup (stmt, 5);
  r->note = nt_sql_column_dup (stmt, 6);
  read_counts (stmt, 7, &r->counts);
  return r;
}

/**
 * nt_emergency_load:
 *
 * Returns: (transfer full): the roll with its counts, or %NULL with @error
 *   set (%NT_ERROR_NOT_FOUND when there is no such roll)
 */
NtEmergencyRoll *
nt_emergency_load (NtStore     *store,
                   gint64       roll_id,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  NtEmergencyRoll *r = NULL;
  int rc;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store, ROLL_SELECT "WHERE k.id = ?1 GROUP BY k.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, roll_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      r = roll_from_row (stmt);
      rc = SQLITE_DONE;
    }
  if (!finish_read (store, stmt, rc, error))
    return NULL;
  if (r == NULL)
    g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                 _("This emergency roll does not exist (any more)."));
  return r;
}

/**
 * nt_emergency_list:
 *
 * Returns: (transfer full): every roll (NtEmergencyRoll, with its counts),
 *   the newest first, or %NULL with @error set
 */
GListStore *
nt_emergency_list (NtStore  *store,
                   GError  **error)
{
  g_autoptr(GListStore) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store, ROLL_SELECT "GROUP BY k.id ORDER BY k.started_at DESC, k.id DESC", error);
  if (stmt == NULL)
    return NULL;
  list = g_list_store_new (NT_TYPE_EMERGENCY_ROLL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(NtEmergencyRoll) r = roll_from_row (stmt);

      g_list_store_append (list, r);
    }
  if (!finish_read (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * nt_emergency_find_open:
 *
 * Returns: the latest roll not yet ended, or 0
 */
gint64
nt_emergency_find_open (NtStore *store)
{
  g_return_val_if_fail (NT_IS_STORE (store), 0);

  return MAX (0, nt_store_count (store,
                                 "SELECT ifnull ((SELECT id FROM emergency_rolls WHERE ended_at IS NULL "
                                 "ORDER BY started_at DESC, id DESC LIMIT 1), 0)"));
}

/* The room of a student is the bed that covered the day the roll started;
 * the post of a staff member (filled in by list_entries()) the duty that
 * covered its start. */
#define ENTRY_SELECT \
  "SELECT e.id, e.roll_id, ifnull (e.student_id, 0), ifnull (e.staff_id, 0), " \
  "  coalesce (s.code, st.code), coalesce (s.full_name, st.full_name), c.name, st.role, " \
  "  ifnull (e.building_id, 0), bl.name, ifnull (bl.assembly_point, ''), rm.number, ifnull (rm.floor, 0), " \
  "  e.status, e.marked_at, ifnull (s.guardian_phone, ''), ifnull (st.phone, ''), substr (k.started_at, 1, 16), " \
  "  ifnull (e.visitor_id, 0), v.name, v.id_number, ifnull (v.phone, '') " \
  "FROM emergency_roll_entries e JOIN emergency_rolls k ON k.id = e.roll_id " \
  "LEFT JOIN visitors v ON v.id = e.visitor_id " \
  "LEFT JOIN students s ON s.id = e.student_id LEFT JOIN classes c ON c.id = s.class_id " \
  "LEFT JOIN staff st ON st.id = e.staff_id LEFT JOIN buildings bl ON bl.id = e.building_id " \
  "LEFT JOIN beds bd ON bd.id = (" \
  "  SELECT a.bed_id FROM bed_assignments a WHERE a.student_id = e.student_id " \
  "    AND a.start_date <= substr (k.started_at, 1, 10) " \
  "    AND (a.end_date IS NULL OR a.end_date > substr (k.started_at, 1, 10)) " \
  "  ORDER BY a.start_date DESC, a.id DESC LIMIT 1) " \
  "LEFT JOIN rooms rm ON rm.id = bd.room_id "

/* Building (those with none last), then a building's students by room in
 * walking order, then its staff; by name within a room. */
#define ENTRY_ORDER \
  "ORDER BY e.building_id IS NULL, bl.name, bl.id, e.staff_id IS NOT NULL, rm.floor, length (rm.number), " \
  "  rm.number, coalesce (s.name_key, st.name_key), e.id"

static NtRollEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  NtRollEntry *e = g_object_new (NT_TYPE_ROLL_ENTRY, NULL);

  e->id = sqlite3_column_int64 (stmt, 0);
  e->roll_id = sqlite3_column_int64 (stmt, 1);
  e->student_id = sqlite3_column_int64 (stmt, 2);
  e->staff_id = sqlite3_column_int64 (stmt, 3);
  e->code = nt_sql_column_dup (stmt, 4);
  e->name = nt_sql_column_dup (stmt, 5);
  if (e->student_id != 0)
    e->class_or_role = nt_sql_column_dup (stmt, 6);
  else
    e->class_or_role = g_strdup (nt_staff_role_label ((const char *) sqlite3_column_text (stmt, 7)));
  e->building_id = sqlite3_column_int64 (stmt, 8);
  e->building_name = nt_sql_column_dup (stmt, 9);
  e->assembly_point = nt_sql_column_dup (stmt, 10);
  e->room_number = nt_sql_column_dup (stmt, 11);
  e->floor = sqlite3_column_int (stmt, 12);
  e->status = nt_sql_column_dup (stmt, 13);
  e->marked_at = nt_sql_column_dup (stmt, 14);
  e->guardian_phone = nt_sql_column_dup (stmt, 15);
  e->phone = nt_sql_column_dup (stmt, 16);
  e->visitor_id = sqlite3_column_int64 (stmt, 18);
  if (e->visitor_id != 0)
    {
      nt_set_str (&e->name, (const char *) sqlite3_column_text (stmt, 19));
      nt_set_str (&e->code, (const char *) sqlite3_column_text (stmt, 20));
      nt_set_str (&e->class_or_role, _("Visitor"));
      nt_set_str (&e->phone, (const char *) sqlite3_column_text (stmt, 21));
    }
  return e;
}

/* Whether duty @a says better than @b where to look for its person: a post
 * with a building wins (the building is where to look), then the earlier. */
static gboolean
duty_before (NtDuty *a,
             NtDuty *b)
{
  int c;

  if ((a->building_id != 0) != (b->building_id != 0))
    return a->building_id != 0;
  if ((c = g_strcmp0 (a->date, b->date)) != 0)
    return c < 0;
  if ((c = g_strcmp0 (a->start_time, b->start_time)) != 0)
    return c < 0;
  return a->id < b->id;
}

/* The roster's people on duty at @at ('YYYY-MM-DD HH:MM'), each once with
 * the duty that places them: staff id (gint64 *) → #NtDuty. */
static GHashTable *
duties_at (NtStore     *store,
           const char  *at,
           GError     **error)
{
  g_autoptr(GListStore) duties = nt_roster_on_duty (store, at, error);
  GHashTable *by_staff;

  if (duties == NULL)
    return NULL;
  by_staff = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (duties)); i++)
    {
      NtDuty *d = g_list_model_get_item (G_LIST_MODEL (duties), i);
      NtDuty *held = g_hash_table_lookup (by_staff, &d->staff_id);

      /* The key lives in the value: replace both together. */
      if (held == NULL || duty_before (d, held))
        g_hash_table_replace (by_staff, &d->staff_id, d);
      else
        g_object_unref (d);
    }
  return by_staff;
}

/* The posts of the staff of @list, as the roster had them when the roll
 * started (every entry of a list is of the same roll). */
static gboolean
fill_posts (NtStore     *store,
            GListStore  *list,
            const char  *started_at,
            GError     **error)
{
  g_autoptr(GHashTable) duties = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(NtRollEntry) e = g_list_model_get_item (G_LIST_MODEL (list), i);
      NtDuty *d;

      if (e->staff_id == 0)
        continue;
      if (duties == NULL && (duties = duties_at (store, started_at, error)) == NULL)
        return FALSE;
      d = g_hash_table_lookup (duties, &e->staff_id);
      if (d != NULL)
        e->post_name = g_strdup (d->post_name);
    }
  return TRUE;
}

static GListStore *
list_entries (NtStore     *store,
              const char  *sql,
              gint64       id,
              GError     **error)
{
  g_autoptr(GListStore) list = NULL;
  g_autofree char *started_at = NULL;
  sqlite3_stmt *stmt = nt_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  list = g_list_store_new (NT_TYPE_ROLL_ENTRY);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(NtRollEntry) e = entry_from_row (stmt);

      if (started_at == NULL)
        started_at = nt_sql_column_dup (stmt, 17);
      g_list_store_append (list, e);
    }
  if (!finish_read (store, stmt, rc, error) ||
      (started_at != NULL && !fill_posts (store, list, started_at, error)))
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * nt_emergency_entries:
 *
 * The grouped view: every person of the roll, by building (those with no
 * building last), then room in walking order (a building's staff after its
 * students), then name. nt_emergency_counts() gives the headings.
 *
 * Returns: (transfer full): NtRollEntry rows, or %NULL with @error set
 */
GListStore *
nt_emergency_entries (NtStore  *store,
                      gint64    roll_id,
                      GError  **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  return list_entries (store, ENTRY_SELECT "WHERE e.roll_id = ?1 " ENTRY_ORDER, roll_id, error);
}

/**
 * nt_emergency_unaccounted:
 *
 * Returns: (transfer full): the people of the roll with no status yet, in
 *   the order of nt_emergency_entries(), or %NULL with @error set
 */
GListStore *
nt_emergency_unaccounted (NtStore  *store,
                          gint64    roll_id,
                          GError  **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  return list_entries (store, ENTRY_SELECT "WHERE e.roll_id = ?1 AND e.status IS NULL " ENTRY_ORDER,
                       roll_id, error);
}

/**
 * nt_emergency_load_entry:
 *
 * Returns: (transfer full): one person of a roll, to redraw a row after a
 *   mark, or %NULL with @error set (%NT_ERROR_NOT_FOUND)
 */
NtRollEntry *
nt_emergency_load_entry (NtStore  *store,
                         gint64    entry_id,
                         GError  **error)
{
  g_autoptr(GListStore) list = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  list = list_entries (store, ENTRY_SELECT "WHERE e.id = ?1", entry_id, error);
  if (list == NULL)
    return NULL;
  if (g_list_model_get_n_items (G_LIST_MODEL (list)) == 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                   _("This person is not on the emergency roll (any more)."));
      return NULL;
    }
  return g_list_model_get_item (G_LIST_MODEL (list), 0);
}

/**
 * nt_emergency_counts:
 * @counts: (out) (optional): the whole roll
 * @groups: (out) (optional) (transfer full): NtRollGroup, one per building
 *   of the roll, in the order of nt_emergency_entries()
 *
 * The live "still unaccounted for" figures. A roll with nobody on it (or no
 * such roll) has zero counts and no groups.
 */
gboolean
nt_emergency_counts (NtStore       *store,
                     gint64         roll_id,
                     NtRollCounts  *counts,
                     GListStore   **groups,
                     GError       **error)
{
  g_autoptr(GListStore) list = NULL;
  NtRollCounts all = { 0 };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  stmt = nt_store_prepare (store,
                           "SELECT ifnull (e.building_id, 0), bl.name, ifnull (bl.assembly_point, ''), " COUNTS_SQL " "
                           "FROM emergency_roll_entries e LEFT JOIN buildings bl ON bl.id = e.building_id "
                           "WHERE e.roll_id = ?1 GROUP BY e.building_id "
                           "ORDER BY e.building_id IS NULL, bl.name, bl.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, roll_id);
  list = g_list_store_new (NT_TYPE_ROLL_GROUP);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(NtRollGroup) g = g_object_new (NT_TYPE_ROLL_GROUP, NULL);

      g->building_id = sqlite3_column_int64 (stmt, 0);
      g->building_name = nt_sql_column_dup (stmt, 1);
      g->assembly_point = nt_sql_column_dup (stmt, 2);
      read_counts (stmt, 3, &g->counts);
      all.total += g->counts.total;
      all.safe += g->counts.safe;
      all.missing += g->counts.missing;
      all.injured += g->counts.injured;
      all.away += g->counts.away;
      all.unaccounted += g->counts.unaccounted;
      g_list_store_append (list, g);
    }
  if (!finish_read (store, stmt, rc, error))
    return FALSE;
  if (counts != NULL)
    *counts = all;
  if (groups != NULL)
    *groups = g_steal_pointer (&list);
  return TRUE;
}

/* ----- starting ---------------------------------------------------------- */

static gboolean
insert_entry (NtStore  *store,
              gint64    roll_id,
              gint64    student_id,
              gint64    staff_id,
              gint64    building_id,
              GError  **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "INSERT INTO emergency_roll_entries (roll_id, student_id, staff_id, building_id) "
                                         "VALUES (?1, ?2, ?3, ?4)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, roll_id);
  bind_id (stmt, 2, student_id);
  bind_id (stmt, 3, staff_id);
  bind_id (stmt, 4, building_id);
  return nt_store_step_done (store, stmt, error);
}

/* The boarders in their beds at @now, less those out on leave. A move on
 * day D ends the old bed on D and starts the new one on D: on day D the
 * student is looked for in the new bed, as in the night check. */
static gboolean
insert_students (NtStore     *store,
                 gint64       roll_id,
                 const char  *now,
                 GError     **error)
{
  g_autoptr(GListStore) out = NULL;
  g_autoptr(GHashTable) away = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *day = g_strndup (now, 10);
  sqlite3_stmt *stmt;
  guint n_out;
  int rc;

  out = nt_leaves_out_now (store, now, error);
  if (out == NULL)
    return FALSE;
  n_out = g_list_model_get_n_items (G_LIST_MODEL (out));
  for (guint i = 0; i < n_out; i++)
    {
      g_autoptr(NtLeave) l = g_list_model_get_item (G_LIST_MODEL (out), i);

      /* The leaves live as long as the list, which outlives the table. */
      g_hash_table_add (away, &l->student_id);
    }

  stmt = nt_store_prepare (store,
                           "SELECT a.student_id, r.building_id, max (a.start_date) "
                           "FROM bed_assignments a JOIN beds b ON b.id = a.bed_id JOIN rooms r ON r.id = b.room_id "
                           "JOIN students s ON s.id = a.student_id "
                           "WHERE a.start_date <= ?1 AND (a.end_date IS NULL OR a.end_date > ?1) "
                           "  AND (s.active = 1 OR s.left_on > ?1) AND s.boarding = 'boarding' "
                           "GROUP BY a.student_id", error);
  if (stmt == NULL)
    return FALSE;
  nt_sql_bind_text_or_null (stmt, 1, day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 student_id = sqlite3_column_int64 (stmt, 0);

      if (g_hash_table_contains (away, &student_id))
        continue;
      if (!insert_entry (store, roll_id, student_id, 0, sqlite3_column_int64 (stmt, 1), error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  return finish_read (store, stmt, rc, error);
}

static int
compare_staff_ids (gconstpointer a,
                   gconstpointer b)
{
  gint64 x = (*(NtDuty * const *) a)->staff_id;
  gint64 y = (*(NtDuty * const *) b)->staff_id;

  return x < y ? -1 : x > y;
}

/* The staff on a duty that covers @now, each once, in the building of the
 * post that places them. */
static gboolean
insert_staff (NtStore     *store,
              gint64       roll_id,
              const char  *now,
              GError     **error)
{
  g_autoptr(GHashTable) duties = duties_at (store, now, error);
  g_autoptr(GPtrArray) by_id = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  if (duties == NULL)
    return FALSE;
  /* In staff order, so that a roll's entries do not depend on hashing. */
  g_hash_table_iter_init (&iter, duties);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (by_id, value);
  g_ptr_array_sort (by_id, compare_staff_ids);
  for (guint i = 0; i < by_id->len; i++)
    {
      NtDuty *d = g_ptr_array_index (by_id, i);

      if (!insert_entry (store, roll_id, 0, d->staff_id, d->building_id, error))
        return FALSE;
    }
  return TRUE;
}

/* The visitors inside the gate at @now (came in, not yet gone out): they
 * gather with the others and must be found too. */
static gboolean
insert_visitors (NtStore     *store,
                 gint64       roll_id,
                 const char  *now,
                 GError     **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "INSERT INTO emergency_roll_entries (roll_id, visitor_id) "
                                         "SELECT ?1, id FROM visitors WHERE out_at IS NULL AND in_at <= ?2 "
                                         "ORDER BY in_at, id", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, roll_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  return nt_store_step_done (store, stmt, error);
}

/* @at: 'YYYY-MM-DD HH:MM:SS' */
static gint64
start_roll (NtStore     *store,
            const char  *kind,
            gint64       started_by,
            const char  *at,
            GError     **error)
{
  g_autofree char *now = g_strndup (at, 16);
  sqlite3_stmt *stmt;
  gint64 roll_id;

  if (!nt_emergency_kind_valid (kind))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("“%s” is not a kind of emergency (fire, drill, evacuation or other); the roll was not started."),
                   kind ? kind : "");
      return 0;
    }
  if (started_by != 0)
    {
      if (!row_exists (store, "SELECT 1 FROM staff WHERE id = ?1", started_by))
        {
          g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                       _("The staff member starting the roll is not on the school’s staff; the emergency roll was not started."));
          return 0;
        }
    }

  if (!nt_store_begin (store, error))
    return 0;
  stmt = nt_store_prepare (store, "INSERT INTO emergency_rolls (kind, started_at, started_by) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    goto fail;
  nt_sql_bind_text_or_null (stmt, 1, kind);
  nt_sql_bind_text_or_null (stmt, 2, at);
  bind_id (stmt, 3, started_by);
  if (!nt_store_step_done (store, stmt, error))
    goto fail;
  roll_id = sqlite3_last_insert_rowid (nt_store_get_db (store));
  if (!insert_students (store, roll_id, now, error) ||
      !insert_staff (store, roll_id, now, error) ||
      !insert_visitors (store, roll_id, now, error))
    goto fail;
  /* A commit that fails has rolled back already. */
  if (!nt_store_commit (store, error))
    return 0;

  nt_store_emit_changed (store, "emergency_rolls");
  return roll_id;

fail:
  nt_store_rollback (store);
  return 0;
}

/**
 * nt_emergency_start:
 * @kind: "fire", "drill", "evacuation" or "other"
 * @started_by: the staff member signed in, or 0
 *
 * nt_emergency_start_at() at the local time now.
 */
gint64
nt_emergency_start (NtStore     *store,
                    const char  *kind,
                    gint64       started_by,
                    GError     **error)
{
  g_autofree char *at = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), 0);

  at = now_seconds ();
  return start_roll (store, kind, started_by, at, error);
}

/**
 * nt_emergency_start_at:
 * @kind: "fire", "drill", "evacuation" or "other"
 * @started_by: the staff member signed in, or 0
 * @now: the moment, 'YYYY-MM-DD HH:MM'
 *
 * Starts a roll of everyone who should be in the dorm at @now (see the
 * header), in one transaction. It is started even when nobody is expected
 * and even when another roll is open: an emergency is never refused.
 * Refused, with nothing written: an unknown kind, a @now that is not a
 * date and time, a @started_by that is not a staff member.
 *
 * Returns: the roll's id, or 0 with @error set
 */
gint64
nt_emergency_start_at (NtStore     *store,
                       const char  *kind,
                       gint64       started_by,
                       const char  *now,
                       GError     **error)
{
  g_autofree char *at = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), 0);

  if (!nt_access_require (store, NT_PERM_RECORD_CHECKS, error))
    return 0;

  if (!nt_leave_time_valid (now))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("“%s” is not a date and time (YYYY-MM-DD HH:MM); the emergency roll was not started."),
                   now ? now : "");
      return 0;
    }
  at = g_strconcat (now, ":00", NULL);
  return start_roll (store, kind, started_by, at, error);
}

/* ----- marking ----------------------------------------------------------- */

/* Says why @entry_id could not be marked: it does not exist, or its roll
 * has ended. */
static void
set_mark_error (NtStore     *store,
                gint64       entry_id,
                GError     **error)
{
  g_autoptr(NtRollEntry) e = nt_emergency_load_entry (store, entry_id, error);
  g_autoptr(NtEmergencyRoll) r = NULL;
  g_autofree char *started = NULL;
  g_autofree char *ended = NULL;

  if (e == NULL)
    return;
  r = nt_emergency_load (store, e->roll_id, error);
  if (r == NULL)
    return;
  started = time_display (r->started_at);
  ended = time_display (r->ended_at);
  if (r->ended_at != NULL)
    g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                 _("The emergency roll started at %s ended at %s and can no longer be changed; %s was not marked."),
                 started, ended, e->name);
  else
    g_set_error (error, NT_ERROR, NT_ERROR_FAILED,
                 _("%s could not be marked on the emergency roll started at %s; try again."), e->name, started);
}

/**
 * nt_emergency_mark:
 * @status: (nullable): "safe", "missing", "injured", "away", or %NULL to
 *   take back a mark made by mistake
 *
 * Marks one person, saved at once (with the time of the mark). Refused: a
 * status not in the list, an entry that does not exist, a roll that ended.
 */
gboolean
nt_emergency_mark (NtStore     *store,
                   gint64       entry_id,
                   const char  *status,
                   GError     **error)
{
  g_autofree char *at = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_RECORD_CHECKS, error))
    return FALSE;

  if (status != NULL && !nt_emergency_status_valid (status))
    {
      g_autoptr(NtRollEntry) e = nt_emergency_load_entry (store, entry_id, error);

      if (e != NULL)
        g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                     _("“%s” is not a status of the emergency roll (safe, missing, injured or away); %s was not marked."),
                     status, e->name);
      return FALSE;
    }

  at = now_seconds ();
  /* One statement, guarded by the roll being open: nothing can end the roll
   * between a check and the write. */
  stmt = nt_store_prepare (store,
                           "UPDATE emergency_roll_entries SET status = ?2, marked_at = ?3 WHERE id = ?1 "
                           "AND EXISTS (SELECT 1 FROM emergency_rolls k "
                           "            WHERE k.id = emergency_roll_entries.roll_id AND k.ended_at IS NULL)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  nt_sql_bind_text_or_null (stmt, 2, status);
  nt_sql_bind_text_or_null (stmt, 3, status != NULL ? at : NULL);
  if (!nt_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (nt_store_get_db (store)) != 1)
    {
      set_mark_error (store, entry_id, error);
      return FALSE;
    }
  nt_store_emit_changed (store, "emergency_roll_entries");
  return TRUE;
}

typedef enum
{
  CHANGE_BUILDING_SAFE,
  CHANGE_END,
} Change;

/* Returns: the open roll, or %NULL with @error saying why it cannot have
 *   @change */
static NtEmergencyRoll *
load_open_roll (NtStore     *store,
                gint64       roll_id,
                Change       change,
                GError     **error)
{
  g_autoptr(NtEmergencyRoll) r = nt_emergency_load (store, roll_id, error);
  g_autofree char *started = NULL;
  g_autofree char *ended = NULL;

  if (r == NULL)
    return NULL;
  if (r->ended_at == NULL)
    return g_steal_pointer (&r);

  started = time_display (r->started_at);
  ended = time_display (r->ended_at);
  if (change == CHANGE_BUILDING_SAFE)
    g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                 _("The emergency roll started at %s ended at %s and can no longer be changed; nobody was marked safe."),
                 started, ended);
  else
    g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                 _("The emergency roll started at %s has already ended, at %s."), started, ended);
  return NULL;
}

/**
 * nt_emergency_mark_building_safe:
 * @building_id: a building, or 0 for the people with no building
 * @n_marked: (out) (optional): how many people were marked
 *
 * Marks safe, in one transaction, everyone of @building_id not yet
 * accounted for; a status already given (missing, injured, away) is kept.
 * Refused: a roll that does not exist or ended, a building that does not
 * exist.
 */
gboolean
nt_emergency_mark_building_safe (NtStore  *store,
                                 gint64    roll_id,
                                 gint64    building_id,
                                 guint    *n_marked,
                                 GError  **error)
{
  g_autoptr(NtEmergencyRoll) r = NULL;
  g_autofree char *at = NULL;
  sqlite3_stmt *stmt;
  guint n;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_RECORD_CHECKS, error))
    return FALSE;

  if (n_marked != NULL)
    *n_marked = 0;
  if (building_id != 0)
    {
      if (!row_exists (store, "SELECT 1 FROM buildings WHERE id = ?1", building_id))
        {
          g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                       _("The building does not exist (any more); nobody was marked safe."));
          return FALSE;
        }
    }

  if (!nt_store_begin (store, error))
    return FALSE;
  r = load_open_roll (store, roll_id, CHANGE_BUILDING_SAFE, error);
  if (r == NULL)
    {
      nt_store_rollback (store);
      return FALSE;
    }
  at = now_seconds ();
  stmt = nt_store_prepare (store,
                           "UPDATE emergency_roll_entries SET status = 'safe', marked_at = ?3 "
                           "WHERE roll_id = ?1 AND ifnull (building_id, 0) = ?2 AND status IS NULL", error);
  if (stmt == NULL)
    {
      nt_store_rollback (store);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, roll_id);
  sqlite3_bind_int64 (stmt, 2, building_id);
  nt_sql_bind_text_or_null (stmt, 3, at);
  if (!nt_store_step_done (store, stmt, error))
    {
      nt_store_rollback (store);
      return FALSE;
    }
  n = (guint) sqlite3_changes (nt_store_get_db (store));
  if (!nt_store_commit (store, error))
    return FALSE;
  if (n_marked != NULL)
    *n_marked = n;
  nt_store_emit_changed (store, "emergency_roll_entries");
  return TRUE;
}

/* ----- ending ------------------------------------------------------------ */

/* @at: 'YYYY-MM-DD HH:MM:SS' */
static gboolean
end_roll (NtStore      *store,
          gint64        roll_id,
          const char   *note,
          const char   *at,
          GListStore  **unaccounted,
          GError      **error)
{
  g_autoptr(NtEmergencyRoll) r = NULL;
  g_autoptr(GListStore) left = NULL;
  sqlite3_stmt *stmt;

  if (!nt_store_begin (store, error))
    return FALSE;
  r = load_open_roll (store, roll_id, CHANGE_END, error);
  if (r == NULL)
    goto fail;
  if (strcmp (at, r->started_at) < 0)
    {
      g_autofree char *started = time_display (r->started_at);
      g_autofree char *ended = time_display (at);

      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The emergency roll started at %s cannot end at %s, before it started; it was not ended."),
                   started, ended);
      goto fail;
    }
  left = nt_emergency_unaccounted (store, roll_id, error);
  if (left == NULL)
    goto fail;
  stmt = nt_store_prepare (store,
                           "UPDATE emergency_rolls SET ended_at = ?2, note = ifnull (?3, note) "
                           "WHERE id = ?1 AND ended_at IS NULL", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, roll_id);
  nt_sql_bind_text_or_null (stmt, 2, at);
  nt_sql_bind_text_or_null (stmt, 3, note);
  if (!nt_store_step_done (store, stmt, error))
    goto fail;
  if (!nt_store_commit (store, error))
    return FALSE;

  if (unaccounted != NULL)
    *unaccounted = g_steal_pointer (&left);
  nt_store_emit_changed (store, "emergency_rolls");
  return TRUE;

fail:
  nt_store_rollback (store);
  return FALSE;
}

/**
 * nt_emergency_end:
 *
 * nt_emergency_end_at() at the local time now.
 */
gboolean
nt_emergency_end (NtStore      *store,
                  gint64        roll_id,
                  const char   *note,
                  GListStore  **unaccounted,
                  GError      **error)
{
  g_autofree char *at = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  at = now_seconds ();
  return end_roll (store, roll_id, note, at, unaccounted, error);
}

/**
 * nt_emergency_end_at:
 * @note: (nullable): what happened, kept with the roll; %NULL keeps the note
 * @now: the moment, 'YYYY-MM-DD HH:MM'
 * @unaccounted: (out) (optional) (transfer full): the people still with no
 *   status (NtRollEntry), to show once more
 *
 * Ends the roll; from then on it is read-only. Ending with people still
 * unaccounted for is allowed (an emergency ends when it ends). Refused: a
 * roll that does not exist or has ended, a @now before its start.
 */
gboolean
nt_emergency_end_at (NtStore      *store,
                     gint64        roll_id,
                     const char   *note,
                     const char   *now,
                     GListStore  **unaccounted,
                     GError      **error)
{
  g_autofree char *at = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_RECORD_CHECKS, error))
    return FALSE;

  if (!nt_leave_time_valid (now))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("“%s” is not a date and time (YYYY-MM-DD HH:MM); the emergency roll was not ended."),
                   now ? now : "");
      return FALSE;
    }
  at = g_strconcat (now, ":00", NULL);
  return end_roll (store, roll_id, note, at, unaccounted, error);
}
