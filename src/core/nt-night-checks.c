/* nt-night-checks.c: the night check (điểm danh tối)
 *
 * Who is expected is decided once, when the check starts, from the beds of
 * that night: an assignment covers night N when it started on or before N
 * and ended after N (a move on day D ends the old bed on D and starts the
 * new one on D, so the student sleeps in the new bed on night D). A student
 * who moved during the month is therefore expected where the bed was that
 * night, and a student who left the school is expected only before leaving.
 *
 * Leave is judged at the curfew of the night (school.curfew, e.g. 21:30; a
 * curfew before noon is taken as after midnight, on the next day): a leave
 * approved or out whose time covers it marks the student "leave" at start.
 * A leave since returned counts when the student came back after curfew.
 *
 * The supervisor walks with the program in hand: every mark is one short
 * UPDATE written at once (a power cut loses nothing), and a check that was
 * interrupted is resumed by starting it again.
 */
#define G_LOG_DOMAIN "nt-night-checks"

#include <string.h>

#include "nt-access.h"
#include "nt-date.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-leaves.h"
#include "nt-night-checks.h"
#include "nt-row.h"
#include "nt-sql.h"
#include "nt-util.h"

/* The curfew instant of the night given by the SQL expression @night. */
#define CURFEW_SQL "ifnull ((SELECT curfew FROM school WHERE id = 1), '21:30')"
#define CURFEW_AT(night) \
  "((CASE WHEN " CURFEW_SQL " < '12:00' THEN date (" night ", '+1 day') ELSE " night " END) || ' ' || " CURFEW_SQL ")"

/* The leave that keeps a student (SQL @student) away at the curfew instant
 * (SQL @at), or NULL. */
#define LEAVE_AT(student, at) \
  "(SELECT l.id FROM leaves l WHERE l.student_id = " student " AND l.from_time <= " at " AND l.to_time > " at " " \
  "  AND (l.state IN ('approved', 'out') OR (l.state = 'returned' AND l.returned_at > " at ")) " \
  "  ORDER BY l.from_time DESC, l.id DESC LIMIT 1)"

/* Whether the student (SQL @student) is still out on a leave that ended
 * before the curfew of the night (SQL @night): overdue, not back. */
#define OVERDUE_LEAVE(student, night) \
  "EXISTS (SELECT 1 FROM leaves l WHERE l.student_id = " student " AND l.state IN ('approved', 'out') " \
  "        AND l.to_time < " CURFEW_AT (night) ")"

static const char * const statuses[] = { "present", "leave", "sick", "absent", "late", NULL };

/* ----- list rows --------------------------------------------------------- */

static const NtRowField night_check_fields[] = {
  NT_ROW_OWNED_STRING (NtNightCheck, night),
  NT_ROW_OWNED_STRING (NtNightCheck, building_name),
  NT_ROW_OWNED_STRING (NtNightCheck, supervisor_name),
  NT_ROW_OWNED_STRING (NtNightCheck, started_at),
  NT_ROW_OWNED_STRING (NtNightCheck, closed_at),
  NT_ROW_OWNED_STRING (NtNightCheck, note),
};

NT_DEFINE_ROW_TYPE (NtNightCheck, nt_night_check, night_check_fields)

static const NtRowField entry_fields[] = {
  NT_ROW_PROPERTY (NtCheckEntry, id, "id", INT64),
  NT_ROW_PROPERTY (NtCheckEntry, student_name, "student-name", STRING),
  NT_ROW_PROPERTY (NtCheckEntry, room_number, "room-number", STRING),
  NT_ROW_PROPERTY (NtCheckEntry, bed_label, "bed-label", STRING),
  NT_ROW_PROPERTY (NtCheckEntry, status, "status", STRING),
  NT_ROW_OWNED_STRING (NtCheckEntry, night),
  NT_ROW_OWNED_STRING (NtCheckEntry, building_name),
  NT_ROW_OWNED_STRING (NtCheckEntry, student_code),
  NT_ROW_OWNED_STRING (NtCheckEntry, class_name),
  NT_ROW_OWNED_STRING (NtCheckEntry, late_at),
  NT_ROW_OWNED_STRING (NtCheckEntry, marked_at),
  NT_ROW_OWNED_STRING (NtCheckEntry, note),
  NT_ROW_OWNED_STRING (NtCheckEntry, guardian_name),
  NT_ROW_OWNED_STRING (NtCheckEntry, guardian_phone),
};

NT_DEFINE_ROW_TYPE (NtCheckEntry, nt_check_entry, entry_fields)

static const NtRowField summary_fields[] = {
  NT_ROW_OWNED_STRING (NtNightSummary, building_name),
};

NT_DEFINE_ROW_TYPE (NtNightSummary, nt_night_summary, summary_fields)

static const NtRowField progress_fields[] = {
  NT_ROW_OWNED_STRING (NtCheckProgress, building_name),
};

NT_DEFINE_ROW_TYPE (NtCheckProgress, nt_check_progress, progress_fields)

/* ----- words ------------------------------------------------------------- */

gboolean
nt_night_status_valid (const char *status)
{
  return status != NULL && g_strv_contains (statuses, status);
}

/* %NULL (not yet checked) is NT_NIGHT_UNCHECKED. */
NtNightStatus
nt_night_status_from_string (const char *status)
{
  if (status == NULL)
    return NT_NIGHT_UNCHECKED;
  for (guint i = 0; statuses[i]; i++)
    if (g_str_equal (status, statuses[i]))
      return (NtNightStatus) (NT_NIGHT_PRESENT + i);
  return NT_NIGHT_NONE;
}

/* Returns: (nullable): the database string, %NULL for "none" and "unchecked" */
const char *
nt_night_status_to_string (NtNightStatus status)
{
  if (status >= NT_NIGHT_PRESENT && status <= NT_NIGHT_LATE)
    return statuses[status - NT_NIGHT_PRESENT];
  return NULL;
}

/* %NULL reads "Not yet checked". */
const char *
nt_night_status_label (const char *status)
{
  if (status == NULL)
    return _("Not yet checked");
  if (g_str_equal (status, "present"))
    return _("Present");
  if (g_str_equal (status, "leave"))
    return _("On leave");
  if (g_str_equal (status, "sick"))
    return _("Sick (infirmary)");
  if (g_str_equal (status, "absent"))
    return _("Absent without leave");
  if (g_str_equal (status, "late"))
    return _("Late");
  return "";
}

/**
 * nt_night_check_default_night:
 *
 * The night a check started now is for: today, or yesterday before 06:00
 * (a check that runs past midnight is still the evening's check).
 *
 * Returns: (transfer full): an ISO date
 */
char *
nt_night_check_default_night (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) night = g_date_time_get_hour (now) < 6 ? g_date_time_add_days (now, -1)
                                                                : g_date_time_ref (now);

  return g_date_time_format (night, "%Y-%m-%d");
}

static char *
now_instant (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
}

/**
 * nt_night_check_curfew_at:
 *
 * Returns: (transfer full): the curfew instant of @night_iso,
 *   'YYYY-MM-DD HH:MM', at which leave is judged
 */
char *
nt_night_check_curfew_at (NtStore    *store,
                          const char *night_iso)
{
  sqlite3_stmt *stmt;
  char *at = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store, "SELECT " CURFEW_AT ("?1"), NULL);
  g_return_val_if_fail (stmt != NULL, NULL);
  nt_sql_bind_text_or_null (stmt, 1, night_iso);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    at = nt_sql_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return at;
}

static char *
night_display (const char *night)
{
  return nt_date_iso_to_display (night);
}

/* "27/11/2026 06:23" from the stored "2026-11-27 06:23:57". */
static char *
instant_display (const char *instant)
{
  g_autofree char *minutes = instant ? g_strndup (instant, 16) : NULL;

  return minutes ? nt_leave_time_to_display (minutes) : g_strdup ("?");
}

/* "building A" or "building A, floor 2", for messages. */
static char *
scope_text (const char *building_name,
            int         floor)
{
  if (floor > 0)
    return g_strdup_printf (_("building %s, floor %d"), building_name, floor);
  return g_strdup_printf (_("building %s"), building_name);
}

/* ----- reading ----------------------------------------------------------- */

#define CHECK_SELECT \
  "SELECT k.id, k.night, k.building_id, bl.name, ifnull (k.floor, 0), k.supervisor_id, st.full_name, " \
  "  k.started_at, k.closed_at, k.note, " \
  "  (SELECT count(*) FROM night_check_entries e WHERE e.check_id = k.id AND e.status IS NOT NULL), " \
  "  (SELECT count(*) FROM night_check_entries e WHERE e.check_id = k.id) " \
  "FROM night_checks k JOIN buildings bl ON bl.id = k.building_id " \
  "LEFT JOIN staff st ON st.id = k.supervisor_id "

static NtNightCheck *
check_from_row (sqlite3_stmt *stmt)
{
  NtNightCheck *c = g_object_new (NT_TYPE_NIGHT_CHECK, NULL);

  c->id = sqlite3_column_int64 (stmt, 0);
  c->night = nt_sql_column_dup (stmt, 1);
  c->building_id = sqlite3_column_int64 (stmt, 2);
  c->building_name = nt_sql_column_dup (stmt, 3);
  c->floor = sqlite3_column_int (stmt, 4);
  c->supervisor_id = sqlite3_column_int64 (stmt, 5);
  c->supervisor_name = nt_sql_column_dup (stmt, 6);
  c->started_at = nt_sql_column_dup (stmt, 7);
  c->closed_at = nt_sql_column_dup (stmt, 8);
  c->note = nt_sql_column_dup (stmt, 9);
  c->checked = (guint) sqlite3_column_int (stmt, 10);
  c->expected = (guint) sqlite3_column_int (stmt, 11);
  return c;
}

/**
 * nt_night_check_load:
 *
 * Returns: (transfer full): the check with its progress, or %NULL with
 *   @error set (NT_ERROR_NOT_FOUND)
 */
NtNightCheck *
nt_night_check_load (NtStore  *store,
                     gint64    check_id,
                     GError  **error)
{
  sqlite3_stmt *stmt;
  NtNightCheck *c = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store, CHECK_SELECT "WHERE k.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, check_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    c = check_from_row (stmt);
  sqlite3_reset (stmt);
  if (c == NULL)
    g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                 _("The night check no longer exists."));
  return c;
}

/**
 * nt_night_check_list:
 * @from_iso: first night (ISO)
 * @to_iso: last night (ISO)
 *
 * Returns: (transfer full): NtNightCheck rows, newest night first, then by
 *   building and floor
 */
GListStore *
nt_night_check_list (NtStore     *store,
                     const char  *from_iso,
                     const char  *to_iso,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  GListStore *list;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store,
                           CHECK_SELECT "WHERE k.night BETWEEN ?1 AND ?2 "
                           "ORDER BY k.night DESC, bl.name, ifnull (k.floor, 0), k.id", error);
  if (stmt == NULL)
    return NULL;
  nt_sql_bind_text_or_null (stmt, 1, from_iso);
  nt_sql_bind_text_or_null (stmt, 2, to_iso);
  list = g_list_store_new (NT_TYPE_NIGHT_CHECK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(NtNightCheck) c = check_from_row (stmt);
      g_list_store_append (list, c);
    }
  sqlite3_reset (stmt);
  return list;
}

/* Walking order: floor, room (A2 before A10), bed. */
#define ENTRY_SELECT \
  "SELECT e.id, e.check_id, k.night, bl.name, e.student_id, s.code, s.full_name, c.name, e.bed_id, b.label, " \
  "  r.id, r.number, ifnull (r.floor, 0), e.status, e.late_at, e.marked_at, e.note, e.leave_id, " \
  "  " OVERDUE_LEAVE ("e.student_id", "k.night") ", " \
  "  s.guardian_name, s.guardian_phone " \
  "FROM night_check_entries e JOIN night_checks k ON k.id = e.check_id " \
  "JOIN buildings bl ON bl.id = k.building_id JOIN students s ON s.id = e.student_id " \
  "LEFT JOIN classes c ON c.id = s.class_id LEFT JOIN beds b ON b.id = e.bed_id " \
  "LEFT JOIN rooms r ON r.id = b.room_id "
#define ENTRY_ORDER \
  "ORDER BY r.floor, length (r.number), r.number, length (b.label), b.label, e.id"

static NtCheckEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  NtCheckEntry *e = g_object_new (NT_TYPE_CHECK_ENTRY, NULL);

  e->id = sqlite3_column_int64 (stmt, 0);
  e->check_id = sqlite3_column_int64 (stmt, 1);
  e->night = nt_sql_column_dup (stmt, 2);
  e->building_name = nt_sql_column_dup (stmt, 3);
  e->student_id = sqlite3_column_int64 (stmt, 4);
  e->student_code = nt_sql_column_dup (stmt, 5);
  e->student_name = nt_sql_column_dup (stmt, 6);
  e->class_name = nt_sql_column_dup (stmt, 7);
  e->bed_id = sqlite3_column_int64 (stmt, 8);
  e->bed_label = nt_sql_column_dup (stmt, 9);
  e->room_id = sqlite3_column_int64 (stmt, 10);
  e->room_number = nt_sql_column_dup (stmt, 11);
  e->floor = sqlite3_column_int (stmt, 12);
  e->status = nt_sql_column_dup (stmt, 13);
  e->late_at = nt_sql_column_dup (stmt, 14);
  e->marked_at = nt_sql_column_dup (stmt, 15);
  e->note = nt_sql_column_dup (stmt, 16);
  e->leave_id = sqlite3_column_int64 (stmt, 17);
  e->leave_overdue = sqlite3_column_int (stmt, 18);
  e->guardian_name = nt_sql_column_dup (stmt, 19);
  e->guardian_phone = nt_sql_column_dup (stmt, 20);
  return e;
}

static GListStore *
list_entries (NtStore     *store,
              const char  *sql,
              gint64       id,
              GError     **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store, sql, error);
  GListStore *list;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  list = g_list_store_new (NT_TYPE_CHECK_ENTRY);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(NtCheckEntry) e = entry_from_row (stmt);
      g_list_store_append (list, e);
    }
  sqlite3_reset (stmt);
  return list;
}

/**
 * nt_night_check_entries:
 *
 * Returns: (transfer full): the check's NtCheckEntry rows in walking order
 *   (floor, room, bed)
 */
GListStore *
nt_night_check_entries (NtStore  *store,
                        gint64    check_id,
                        GError  **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  return list_entries (store, ENTRY_SELECT "WHERE e.check_id = ?1 " ENTRY_ORDER, check_id, error);
}

/**
 * nt_night_check_load_entry:
 *
 * One entry again, to redraw its row after a mark.
 *
 * Returns: (transfer full): the entry, or %NULL with @error set
 */
NtCheckEntry *
nt_night_check_load_entry (NtStore  *store,
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
                   _("This line of the night check no longer exists."));
      return NULL;
    }
  return g_list_model_get_item (G_LIST_MODEL (list), 0);
}

/**
 * nt_night_check_unexplained:
 *
 * Returns: (transfer full): the entries of the check marked absent
 *   without leave, in walking order, with the guardian's phone
 */
GListStore *
nt_night_check_unexplained (NtStore  *store,
                            gint64    check_id,
                            GError  **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  return list_entries (store, ENTRY_SELECT "WHERE e.check_id = ?1 AND e.status = 'absent' " ENTRY_ORDER,
                       check_id, error);
}

/* checked: entries with a status; expected: all entries. */
void
nt_night_check_progress (NtStore *store,
                         gint64   check_id,
                         guint   *checked,
                         guint   *expected)
{
  sqlite3_stmt *stmt;

  g_return_if_fail (NT_IS_STORE (store));

  if (checked)
    *checked = 0;
  if (expected)
    *expected = 0;
  stmt = nt_store_prepare (store,
                           "SELECT count(status), count(*) FROM night_check_entries WHERE check_id = ?1", NULL);
  g_return_if_fail (stmt != NULL);
  sqlite3_bind_int64 (stmt, 1, check_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (checked)
        *checked = (guint) sqlite3_column_int (stmt, 0);
      if (expected)
        *expected = (guint) sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
}

/* ----- starting ---------------------------------------------------------- */

/**
 * nt_night_check_find:
 * @floor: a floor, or 0 for the whole building
 *
 * Returns: the check of that night and scope (open or closed), or 0
 */
gint64
nt_night_check_find (NtStore    *store,
                     const char *night_iso,
                     gint64      building_id,
                     int         floor)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (NT_IS_STORE (store), 0);

  stmt = nt_store_prepare (store,
                           "SELECT id FROM night_checks WHERE night = ?1 AND building_id = ?2 "
                           "AND ifnull (floor, 0) = ?3 ORDER BY id LIMIT 1", NULL);
  g_return_val_if_fail (stmt != NULL, 0);
  nt_sql_bind_text_or_null (stmt, 1, night_iso);
  sqlite3_bind_int64 (stmt, 2, building_id);
  sqlite3_bind_int (stmt, 3, floor);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static gboolean
check_night (const char  *night_iso,
             GError     **error)
{
  g_autoptr(GDate) night = nt_date_from_iso (night_iso);
  g_autofree char *today = nt_date_today_iso ();

  if (night == NULL)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("“%s” is not a date; the night check was not started."), night_iso ? night_iso : "");
      return FALSE;
    }
  if (strcmp (night_iso, today) > 0)
    {
      g_autofree char *shown = night_display (night_iso);
      g_autofree char *shown_today = night_display (today);

      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The night of %s has not come yet (today is %s); a check can be started only for tonight or a past night."),
                   shown, shown_today);
      return FALSE;
    }
  return TRUE;
}

/* A check of the same building that night whose scope meets @floor's but
 * is not the same: a student would be in two checks. */
static gboolean
check_no_overlap (NtStore     *store,
                  const char  *night_iso,
                  gint64       building_id,
                  const char  *building_name,
                  int          floor,
                  GError     **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "SELECT ifnull (k.floor, 0), st.full_name FROM night_checks k "
                                         "LEFT JOIN staff st ON st.id = k.supervisor_id "
                                         "WHERE k.night = ?1 AND k.building_id = ?2 AND ifnull (k.floor, 0) <> ?3 "
                                         "  AND (?3 = 0 OR k.floor IS NULL) LIMIT 1", error);
  gboolean overlaps;

  if (stmt == NULL)
    return FALSE;
  nt_sql_bind_text_or_null (stmt, 1, night_iso);
  sqlite3_bind_int64 (stmt, 2, building_id);
  sqlite3_bind_int (stmt, 3, floor);
  overlaps = sqlite3_step (stmt) == SQLITE_ROW;
  if (overlaps)
    {
      g_autofree char *other = scope_text (building_name, sqlite3_column_int (stmt, 0));
      g_autofree char *mine = scope_text (building_name, floor);
      g_autofree char *shown = night_display (night_iso);
      const char *who = (const char *) sqlite3_column_text (stmt, 1);

      g_set_error (error, NT_ERROR, NT_ERROR_EXISTS,
                   _("On the night of %s there is already a check of %s (by %s); a check of %s would count the same students twice. Resume that check instead."),
                   shown, other, who ? who : "?", mine);
    }
  sqlite3_reset (stmt);
  return !overlaps;
}

static gint64
insert_check (NtStore     *store,
              const char  *night_iso,
              gint64       building_id,
              int          floor,
              gint64       supervisor_id,
              GError     **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "INSERT INTO night_checks (night, building_id, floor, supervisor_id, started_at) "
                                         "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  g_autofree char *now = now_instant ();

  if (stmt == NULL)
    return 0;
  nt_sql_bind_text_or_null (stmt, 1, night_iso);
  sqlite3_bind_int64 (stmt, 2, building_id);
  if (floor > 0)
    sqlite3_bind_int (stmt, 3, floor);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_int64 (stmt, 4, supervisor_id);
  nt_sql_bind_text_or_null (stmt, 5, now);
  if (!nt_store_step_done (store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (nt_store_get_db (store));
}

/* One entry per student expected that night, those on leave at curfew
 * already marked. A student with two assignments over the night (a
 * mistake in the history) counts once, in the later bed. */
static gboolean
insert_entries (NtStore     *store,
                gint64       check_id,
                const char  *night_iso,
                gint64       building_id,
                int          floor,
                const char  *curfew_at,
                guint       *n_inserted,
                GError     **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "INSERT INTO night_check_entries (check_id, student_id, bed_id, status, leave_id) "
                                         "SELECT ?1, x.student_id, x.bed_id, "
                                         "  CASE WHEN x.leave_id IS NOT NULL THEN 'leave' END, x.leave_id FROM ("
                                         "  SELECT a.student_id AS student_id, a.bed_id AS bed_id, max (a.start_date), "
                                         "    " LEAVE_AT ("a.student_id", "?5") " AS leave_id "
                                         "  FROM bed_assignments a JOIN beds b ON b.id = a.bed_id "
                                         "  JOIN rooms r ON r.id = b.room_id JOIN students s ON s.id = a.student_id "
                                         "  WHERE r.building_id = ?2 AND (?3 = 0 OR r.floor = ?3) "
                                         "    AND a.start_date <= ?4 AND (a.end_date IS NULL OR a.end_date > ?4) "
                                         "    AND (s.active = 1 OR s.left_on > ?4) "
                                         "  GROUP BY a.student_id) x", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, check_id);
  sqlite3_bind_int64 (stmt, 2, building_id);
  sqlite3_bind_int (stmt, 3, floor);
  nt_sql_bind_text_or_null (stmt, 4, night_iso);
  nt_sql_bind_text_or_null (stmt, 5, curfew_at);
  if (!nt_store_step_done (store, stmt, error))
    return FALSE;
  *n_inserted = (guint) sqlite3_changes (nt_store_get_db (store));
  return TRUE;
}

/**
 * nt_night_check_start:
 * @night_iso: the night (ISO date of the evening); not after today
 * @floor: a floor of the building, or 0 for the whole building
 * @supervisor_id: the staff member who walks
 *
 * Starts the check of a building (or a floor) on a night, or resumes it
 * when an open check of the same night and scope exists. Refused, with
 * nothing written: a night in the future, a building or supervisor that
 * does not exist, a floor the building does not have, a scope that meets
 * another check of that night (the whole building while a floor is being
 * checked, or the reverse), a check of that scope already closed, and a
 * scope where nobody is expected.
 *
 * Returns: the check's id, or 0 with @error set
 */
gint64
nt_night_check_start (NtStore     *store,
                      const char  *night_iso,
                      gint64       building_id,
                      int          floor,
                      gint64       supervisor_id,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *building_name = NULL;
  g_autofree char *curfew_at = NULL;
  int floors = 0;
  gboolean supervisor_found;
  gint64 existing;
  gint64 check_id = 0;
  guint n = 0;

  g_return_val_if_fail (NT_IS_STORE (store), 0);

  if (!nt_access_require (store, NT_PERM_RECORD_CHECKS, error))
    return 0;

  if (!check_night (night_iso, error))
    return 0;

  stmt = nt_store_prepare (store, "SELECT name, floors FROM buildings WHERE id = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, building_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      building_name = nt_sql_column_dup (stmt, 0);
      floors = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (building_name == NULL)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                   _("The building does not exist (any more); the night check was not started."));
      return 0;
    }
  if (floor < 0 || floor > floors)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Building %s has %d floors; there is no floor %d to check."), building_name, floors, floor);
      return 0;
    }

  stmt = nt_store_prepare (store, "SELECT 1 FROM staff WHERE id = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, supervisor_id);
  supervisor_found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!supervisor_found)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                   _("The supervisor is not a staff member of the school; the night check was not started."));
      return 0;
    }

  curfew_at = nt_night_check_curfew_at (store, night_iso);

  /* The look for an existing check and the insert are one transaction:
   * two supervisors starting the same check get the same one. */
  if (!nt_store_begin (store, error))
    return 0;

  existing = nt_night_check_find (store, night_iso, building_id, floor);
  if (existing != 0)
    {
      g_autoptr(NtNightCheck) c = nt_night_check_load (store, existing, error);

      nt_store_rollback (store);
      if (c == NULL)
        return 0;
      if (c->closed_at != NULL)
        {
          g_autofree char *scope = scope_text (building_name, floor);
          g_autofree char *shown = night_display (night_iso);
          g_autofree char *closed = instant_display (c->closed_at);

          g_set_error (error, NT_ERROR, NT_ERROR_EXISTS,
                       _("The check of %s for the night of %s was closed at %s; correct it (with a reason) instead of starting another."),
                       scope, shown, closed);
          return 0;
        }
      return existing;
    }

  if (!check_no_overlap (store, night_iso, building_id, building_name, floor, error) ||
      (check_id = insert_check (store, night_iso, building_id, floor, supervisor_id, error)) == 0 ||
      !insert_entries (store, check_id, night_iso, building_id, floor, curfew_at, &n, error))
    {
      nt_store_rollback (store);
      return 0;
    }
  if (n == 0)
    {
      g_autofree char *scope = scope_text (building_name, floor);
      g_autofree char *shown = night_display (night_iso);

      nt_store_rollback (store);
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Nobody is expected in %s on the night of %s (no boarder had a bed there); there is nothing to check."),
                   scope, shown);
      return 0;
    }
  if (!nt_store_commit (store, error))
    return 0;

  nt_store_emit_changed (store, "night_checks");
  return check_id;
}

/* ----- marking ----------------------------------------------------------- */

typedef struct
{
  gint64  id;
  gint64  check_id;
  gint64  student_id;
  gint64  leave_id;
  char   *night;
  char   *closed_at;
  char   *student_name;
  char   *building_name;
  int     floor;          /* of the check, 0 for the whole building */
} Entry;

static void
entry_clear (Entry *e)
{
  g_clear_pointer (&e->night, g_free);
  g_clear_pointer (&e->closed_at, g_free);
  g_clear_pointer (&e->student_name, g_free);
  g_clear_pointer (&e->building_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Entry, entry_clear)

#define MARK_ENTRY_SELECT \
  "SELECT e.id, e.check_id, e.student_id, ifnull (e.leave_id, 0), k.night, k.closed_at, s.full_name, bl.name, " \
  "  ifnull (k.floor, 0) " \
  "FROM night_check_entries e JOIN night_checks k ON k.id = e.check_id " \
  "JOIN students s ON s.id = e.student_id JOIN buildings bl ON bl.id = k.building_id "

/* Returns: TRUE when found; FALSE with @error set on a database fault */
static gboolean
load_mark_entry (NtStore     *store,
                 const char  *sql,
                 gint64       a,
                 gint64       b,
                 Entry       *e,
                 gboolean    *found,
                 GError     **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  *found = sqlite3_step (stmt) == SQLITE_ROW;
  if (*found)
    {
      e->id = sqlite3_column_int64 (stmt, 0);
      e->check_id = sqlite3_column_int64 (stmt, 1);
      e->student_id = sqlite3_column_int64 (stmt, 2);
      e->leave_id = sqlite3_column_int64 (stmt, 3);
      e->night = nt_sql_column_dup (stmt, 4);
      e->closed_at = nt_sql_column_dup (stmt, 5);
      e->student_name = nt_sql_column_dup (stmt, 6);
      e->building_name = nt_sql_column_dup (stmt, 7);
      e->floor = sqlite3_column_int (stmt, 8);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
load_entry_by_id (NtStore  *store,
                  gint64    entry_id,
                  Entry    *e,
                  GError  **error)
{
  gboolean found = FALSE;

  if (!load_mark_entry (store, MARK_ENTRY_SELECT "WHERE e.id = ?1", entry_id, 0, e, &found, error))
    return FALSE;
  if (!found)
    g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                 _("This line of the night check no longer exists."));
  return found;
}

/* 'HH:MM' (on the evening of @night, or after midnight when before noon)
 * or 'YYYY-MM-DD HH:MM' → 'YYYY-MM-DD HH:MM'. */
static char *
normalize_late (const char *night,
                const char *late_at)
{
  if (late_at == NULL)
    return NULL;
  if (strlen (late_at) == 5 && late_at[2] == ':')
    {
      g_autoptr(GDate) day = nt_date_from_iso (night);
      g_autofree char *day_iso = NULL;
      g_autofree char *full = NULL;

      if (day == NULL)
        return NULL;
      if (strcmp (late_at, "12:00") < 0)
        g_date_add_days (day, 1);
      day_iso = nt_date_to_iso (day);
      full = g_strdup_printf ("%s %s", day_iso, late_at);
      return nt_leave_time_valid (full) ? g_steal_pointer (&full) : NULL;
    }
  return nt_leave_time_valid (late_at) ? g_strdup (late_at) : NULL;
}

static gint64
leave_at_curfew (NtStore    *store,
                 gint64      student_id,
                 const char *night)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "SELECT " LEAVE_AT ("?1", "(" CURFEW_AT ("?2") ")"), NULL);
  gint64 id = 0;

  g_return_val_if_fail (stmt != NULL, 0);
  sqlite3_bind_int64 (stmt, 1, student_id);
  nt_sql_bind_text_or_null (stmt, 2, night);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* Validates and writes one status: the one UPDATE of a mark. @correction
 * (a correction of a closed check) is added to the note. */
static gboolean
write_mark (NtStore      *store,
            const Entry  *e,
            const char   *status,
            const char   *late_at,
            const char   *note,
            const char   *correction,
            GError      **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *late = NULL;
  g_autofree char *now = NULL;
  gint64 leave_id = 0;

  if (status != NULL && !nt_night_status_valid (status))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("“%s” is not a night check status (present, leave, sick, absent or late); %s was not marked."),
                   status, e->student_name);
      return FALSE;
    }
  if (correction == NULL && e->closed_at != NULL)
    {
      g_autofree char *scope = scope_text (e->building_name, e->floor);
      g_autofree char *shown = night_display (e->night);
      g_autofree char *closed = instant_display (e->closed_at);

      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The check of %s for the night of %s was closed at %s; %s can only be corrected, with a reason."),
                   scope, shown, closed, e->student_name);
      return FALSE;
    }
  if (correction != NULL && e->closed_at == NULL)
    {
      g_autofree char *scope = scope_text (e->building_name, e->floor);
      g_autofree char *shown = night_display (e->night);

      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The check of %s for the night of %s is still open: mark %s instead of correcting."),
                   scope, shown, e->student_name);
      return FALSE;
    }
  if (g_strcmp0 (status, "late") == 0)
    {
      if (nt_str_empty (late_at))
        {
          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("%s came back late: say at what time (HH:MM)."), e->student_name);
          return FALSE;
        }
      late = normalize_late (e->night, late_at);
      if (late == NULL)
        {
          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("“%s” is not a time (HH:MM); the late return of %s was not marked."),
                       late_at, e->student_name);
          return FALSE;
        }
    }
  if (g_strcmp0 (status, "leave") == 0)
    {
      leave_id = e->leave_id != 0 ? e->leave_id : leave_at_curfew (store, e->student_id, e->night);
      if (leave_id == 0)
        {
          g_autofree char *shown = night_display (e->night);

          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("%s has no approved leave for the night of %s; record the leave first, or choose another status."),
                       e->student_name, shown);
          return FALSE;
        }
    }

  stmt = nt_store_prepare (store,
                           "UPDATE night_check_entries SET status = ?2, late_at = ?3, marked_at = ?4, "
                           "  note = CASE WHEN ?7 IS NULL THEN ifnull (?5, note) "
                           "              WHEN ifnull (?5, note) = '' THEN ?7 "
                           "              ELSE ifnull (?5, note) || ' — ' || ?7 END, "
                           "  leave_id = CASE WHEN ?6 > 0 THEN ?6 ELSE leave_id END "
                           "WHERE id = ?1 AND (SELECT k.closed_at IS NULL FROM night_checks k "
                           "                    WHERE k.id = night_check_entries.check_id) = ?8",
                           error);
  if (stmt == NULL)
    return FALSE;
  now = status ? now_instant () : NULL;
  sqlite3_bind_int64 (stmt, 1, e->id);
  nt_sql_bind_text_or_null (stmt, 2, status);
  nt_sql_bind_text_or_null (stmt, 3, late);
  nt_sql_bind_text_or_null (stmt, 4, now);
  nt_sql_bind_text_or_null (stmt, 5, note);
  sqlite3_bind_int64 (stmt, 6, leave_id);
  nt_sql_bind_text_or_null (stmt, 7, correction);
  sqlite3_bind_int (stmt, 8, correction == NULL);
  if (!nt_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (nt_store_get_db (store)) != 1)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_BUSY,
                   _("The check was closed or changed meanwhile (in another window?); %s was not marked. Look at it again."),
                   e->student_name);
      return FALSE;
    }
  /* Seen in bed (or come back late) while the leave says still out: the
   * student is back. Recorded on the leave too, so that the overdue list
   * and the emergency roll (which leaves out who is out on leave) agree. */
  if (correction == NULL && (g_strcmp0 (status, "present") == 0 || g_strcmp0 (status, "late") == 0))
    {
      g_autofree char *back = late ? g_strdup (late) : g_strndup (now, 16);
      g_autoptr(GError) leave_error = NULL;
      gint64 out_leave = nt_leaves_student_out (store, e->student_id);

      if (out_leave > 0 && !nt_leaves_mark_returned (store, out_leave, back, &leave_error))
        g_debug ("The leave %" G_GINT64_FORMAT " was not marked back: %s", out_leave, leave_error->message);
    }
  nt_store_emit_changed (store, "night_check_entries");
  return TRUE;
}

/**
 * nt_night_check_mark:
 * @status: (nullable): "present", "leave", "sick", "absent", "late", or
 *   %NULL to take the mark back (not yet checked)
 * @late_at: (nullable): for "late", when the student came: 'HH:MM' (of the
 *   evening, or after midnight when before 12:00) or 'YYYY-MM-DD HH:MM';
 *   ignored otherwise
 * @note: (nullable): the entry's new note, %NULL to keep it
 *
 * Saves one student's status at once. "leave" needs a leave approved for
 * the night (the one found at start, or one recorded since). Refused: an
 * unknown status, "late" without a time, an entry of a closed check, an
 * entry that does not exist.
 */
gboolean
nt_night_check_mark (NtStore     *store,
                     gint64       entry_id,
                     const char  *status,
                     const char  *late_at,
                     const char  *note,
                     GError     **error)
{
  g_auto(Entry) e = { 0 };

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_RECORD_CHECKS, error))
    return FALSE;

  return load_entry_by_id (store, entry_id, &e, error) &&
         write_mark (store, &e, status, late_at, note, NULL, error);
}

/**
 * nt_night_check_mark_student:
 *
 * Like nt_night_check_mark(), for a student of a check; refused when the
 * student is not expected in that check (another building or floor).
 */
gboolean
nt_night_check_mark_student (NtStore     *store,
                             gint64       check_id,
                             gint64       student_id,
                             const char  *status,
                             const char  *late_at,
                             const char  *note,
                             GError     **error)
{
  g_auto(Entry) e = { 0 };
  g_autoptr(NtNightCheck) c = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_RECORD_CHECKS, error))
    return FALSE;

  if (!load_mark_entry (store, MARK_ENTRY_SELECT "WHERE e.check_id = ?1 AND e.student_id = ?2",
                        check_id, student_id, &e, &found, error))
    return FALSE;
  if (found)
    return write_mark (store, &e, status, late_at, note, NULL, error);

  c = nt_night_check_load (store, check_id, error);
  if (c == NULL)
    return FALSE;
  {
    sqlite3_stmt *stmt = nt_store_prepare (store, "SELECT full_name FROM students WHERE id = ?1", error);
    g_autofree char *name = NULL;
    g_autofree char *scope = scope_text (c->building_name, c->floor);
    g_autofree char *shown = night_display (c->night);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, student_id);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      name = nt_sql_column_dup (stmt, 0);
    sqlite3_reset (stmt);
    if (name == NULL)
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                   _("The student no longer exists."));
    else
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s is not expected in the check of %s on the night of %s (their bed that night is elsewhere); nothing was marked."),
                   name, scope, shown);
  }
  return FALSE;
}

/**
 * nt_night_check_mark_room_present:
 * @n_marked: (out) (optional): how many students were marked
 *
 * @overdue: (out) (optional) (transfer full): the names of the students
 *   left unmarked because their leave is overdue, joined with ", ", or
 *   %NULL when there are none
 *
 * Marks every student of the room not yet checked present, in one
 * transaction; students already marked keep their status. A student whose
 * leave ended before the curfew without their coming back (overdue) is not
 * marked: the supervisor looks for them and marks them one by one, and the
 * leave is recorded as back at the gate — otherwise the check says present
 * while the leave says still out.
 */
gboolean
nt_night_check_mark_room_present (NtStore  *store,
                                  gint64    check_id,
                                  gint64    room_id,
                                  guint    *n_marked,
                                  char    **overdue,
                                  GError  **error)
{
  g_autoptr(NtNightCheck) c = NULL;
  g_autofree char *now = NULL;
  g_autofree char *room_number = NULL;
  sqlite3_stmt *stmt;
  gint64 in_room = 0;
  guint n;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_RECORD_CHECKS, error))
    return FALSE;

  if (n_marked)
    *n_marked = 0;
  if (overdue)
    *overdue = NULL;
  c = nt_night_check_load (store, check_id, error);
  if (c == NULL)
    return FALSE;
  if (c->closed_at != NULL)
    {
      g_autofree char *scope = scope_text (c->building_name, c->floor);
      g_autofree char *shown = night_display (c->night);
      g_autofree char *closed = instant_display (c->closed_at);

      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The check of %s for the night of %s was closed at %s; it can only be corrected, with a reason."),
                   scope, shown, closed);
      return FALSE;
    }

  stmt = nt_store_prepare (store,
                           "SELECT (SELECT count(*) FROM night_check_entries e JOIN beds b ON b.id = e.bed_id "
                           "        WHERE e.check_id = ?1 AND b.room_id = ?2), "
                           "  (SELECT number FROM rooms WHERE id = ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, check_id);
  sqlite3_bind_int64 (stmt, 2, room_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      in_room = sqlite3_column_int64 (stmt, 0);
      room_number = nt_sql_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (in_room == 0)
    {
      g_autofree char *scope = scope_text (c->building_name, c->floor);

      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Room %s has nobody in the check of %s; nothing was marked."),
                   room_number ? room_number : "?", scope);
      return FALSE;
    }

  stmt = nt_store_prepare (store,
                           "UPDATE night_check_entries SET status = 'present', late_at = NULL, marked_at = ?3 "
                           "WHERE check_id = ?1 AND status IS NULL "
                           "  AND bed_id IN (SELECT id FROM beds WHERE room_id = ?2) "
                           "  AND NOT " OVERDUE_LEAVE ("night_check_entries.student_id",
                                                       "(SELECT night FROM night_checks WHERE id = ?1)") " "
                           "  AND (SELECT closed_at IS NULL FROM night_checks WHERE id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  now = now_instant ();
  if (!nt_store_begin (store, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, check_id);
  sqlite3_bind_int64 (stmt, 2, room_id);
  nt_sql_bind_text_or_null (stmt, 3, now);
  if (!nt_store_step_done (store, stmt, error))
    {
      nt_store_rollback (store);
      return FALSE;
    }
  n = (guint) sqlite3_changes (nt_store_get_db (store));
  if (!nt_store_commit (store, error))
    return FALSE;
  if (n_marked)
    *n_marked = n;
  if (overdue)
    {
      stmt = nt_store_prepare (store,
                               "SELECT group_concat (s.full_name, ', ') FROM night_check_entries e "
                               "JOIN night_checks k ON k.id = e.check_id JOIN students s ON s.id = e.student_id "
                               "WHERE e.check_id = ?1 AND e.status IS NULL "
                               "  AND e.bed_id IN (SELECT id FROM beds WHERE room_id = ?2) "
                               "  AND " OVERDUE_LEAVE ("e.student_id", "k.night"), error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, check_id);
      sqlite3_bind_int64 (stmt, 2, room_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        *overdue = nt_sql_column_dup (stmt, 0);
      sqlite3_reset (stmt);
    }
  if (n > 0)
    nt_store_emit_changed (store, "night_check_entries");
  return TRUE;
}

/* ----- closing and correcting -------------------------------------------- */

/**
 * nt_night_check_close:
 * @unexplained: (out) (optional): the students marked absent without
 *   leave, with their guardian's phone, to offer an incident for each
 *
 * Closes the check; refused while any student has no status (the message
 * says how many and in which rooms) or when it is closed already.
 */
gboolean
nt_night_check_close (NtStore      *store,
                      gint64        check_id,
                      GListStore  **unexplained,
                      GError      **error)
{
  g_autoptr(NtNightCheck) c = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_RECORD_CHECKS, error))
    return FALSE;

  if (unexplained)
    *unexplained = NULL;
  c = nt_night_check_load (store, check_id, error);
  if (c == NULL)
    return FALSE;
  if (c->closed_at != NULL)
    {
      g_autofree char *scope = scope_text (c->building_name, c->floor);
      g_autofree char *shown = night_display (c->night);
      g_autofree char *closed = instant_display (c->closed_at);

      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The check of %s for the night of %s is already closed (at %s)."), scope, shown, closed);
      return FALSE;
    }
  if (c->checked < c->expected)
    {
      g_autoptr(GString) rooms = g_string_new (NULL);
      guint missing = c->expected - c->checked;
      guint n_rooms = 0;

      stmt = nt_store_prepare (store,
                               "SELECT r.number FROM night_check_entries e JOIN beds b ON b.id = e.bed_id "
                               "JOIN rooms r ON r.id = b.room_id WHERE e.check_id = ?1 AND e.status IS NULL "
                               "GROUP BY r.id ORDER BY r.floor, length (r.number), r.number", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, check_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          if (++n_rooms > 3)
            {
              g_string_append (rooms, ", …");
              break;
            }
          if (rooms->len > 0)
            g_string_append (rooms, ", ");
          g_string_append (rooms, (const char *) sqlite3_column_text (stmt, 0));
        }
      sqlite3_reset (stmt);
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   ngettext ("%u student is not yet checked (rooms %s); the check cannot be closed until every student has a status.",
                             "%u students are not yet checked (rooms %s); the check cannot be closed until every student has a status.",
                             missing),
                   missing, rooms->str);
      return FALSE;
    }

  stmt = nt_store_prepare (store,
                           "UPDATE night_checks SET closed_at = ?2 WHERE id = ?1 AND closed_at IS NULL "
                           "AND NOT EXISTS (SELECT 1 FROM night_check_entries WHERE check_id = ?1 AND status IS NULL)",
                           error);
  if (stmt == NULL)
    return FALSE;
  now = now_instant ();
  sqlite3_bind_int64 (stmt, 1, check_id);
  nt_sql_bind_text_or_null (stmt, 2, now);
  if (!nt_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (nt_store_get_db (store)) != 1)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_BUSY,
                   _("The check was changed meanwhile (in another window?) and was not closed. Look at it again."));
      return FALSE;
    }
  nt_store_emit_changed (store, "night_checks");

  if (unexplained)
    *unexplained = nt_night_check_unexplained (store, check_id, NULL);
  return TRUE;
}

/**
 * nt_night_check_correct:
 * @status: the right status
 * @late_at: (nullable): for "late", as for nt_night_check_mark()
 * @reason: why, required; it is added to the entry's note
 *
 * Corrects one student of a closed check. The audit log keeps the old and
 * the new row, with who did it.
 */
gboolean
nt_night_check_correct (NtStore     *store,
                        gint64       entry_id,
                        const char  *status,
                        const char  *late_at,
                        const char  *reason,
                        GError     **error)
{
  g_auto(Entry) e = { 0 };
  g_autofree char *trimmed = g_strstrip (g_strdup (reason ? reason : ""));
  g_autofree char *correction = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_RECORD_CHECKS, error))
    return FALSE;

  if (!load_entry_by_id (store, entry_id, &e, error))
    return FALSE;
  if (trimmed[0] == '\0')
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("A correction of a closed check needs a reason; %s was not changed."), e.student_name);
      return FALSE;
    }
  if (status == NULL)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("A closed check keeps a status for every student; choose the right status for %s."),
                   e.student_name);
      return FALSE;
    }
  correction = g_strdup_printf (_("Corrected after closing: %s"), trimmed);
  return write_mark (store, &e, status, late_at, NULL, correction, error);
}

/* ----- history ----------------------------------------------------------- */

/**
 * nt_night_check_summary:
 * @from_iso: first night (ISO)
 * @to_iso: last night (ISO); the same as @from_iso for one night
 *
 * Returns: (transfer full): NtNightSummary rows, one per building and
 *   floor (by the bed of each entry), counts summed over the nights
 */
GListStore *
nt_night_check_summary (NtStore     *store,
                        const char  *from_iso,
                        const char  *to_iso,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  GListStore *list;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store,
                           "SELECT k.building_id, bl.name, ifnull (r.floor, 0), count(DISTINCT k.id), count(*), "
                           "  count(*) - count(e.status), "
                           "  sum (e.status = 'present'), sum (e.status = 'leave'), sum (e.status = 'sick'), "
                           "  sum (e.status = 'absent'), sum (e.status = 'late') "
                           "FROM night_check_entries e JOIN night_checks k ON k.id = e.check_id "
                           "JOIN buildings bl ON bl.id = k.building_id "
                           "LEFT JOIN beds b ON b.id = e.bed_id LEFT JOIN rooms r ON r.id = b.room_id "
                           "WHERE k.night BETWEEN ?1 AND ?2 "
                           "GROUP BY k.building_id, ifnull (r.floor, 0) "
                           "ORDER BY bl.name, k.building_id, ifnull (r.floor, 0)", error);
  if (stmt == NULL)
    return NULL;
  nt_sql_bind_text_or_null (stmt, 1, from_iso);
  nt_sql_bind_text_or_null (stmt, 2, to_iso);
  list = g_list_store_new (NT_TYPE_NIGHT_SUMMARY);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(NtNightSummary) s = g_object_new (NT_TYPE_NIGHT_SUMMARY, NULL);

      s->building_id = sqlite3_column_int64 (stmt, 0);
      s->building_name = nt_sql_column_dup (stmt, 1);
      s->floor = sqlite3_column_int (stmt, 2);
      s->n_checks = (guint) sqlite3_column_int (stmt, 3);
      s->expected = (guint) sqlite3_column_int (stmt, 4);
      s->unchecked = (guint) sqlite3_column_int (stmt, 5);
      s->present = (guint) sqlite3_column_int (stmt, 6);
      s->leave = (guint) sqlite3_column_int (stmt, 7);
      s->sick = (guint) sqlite3_column_int (stmt, 8);
      s->absent = (guint) sqlite3_column_int (stmt, 9);
      s->late = (guint) sqlite3_column_int (stmt, 10);
      g_list_store_append (list, s);
    }
  sqlite3_reset (stmt);
  return list;
}

/**
 * nt_night_check_student_month:
 * @month: 1 to 12
 *
 * Returns: (transfer full) (element-type guint8): one NtNightStatus per
 *   night of the month (index 0 is the 1st), or %NULL with @error set
 */
GArray *
nt_night_check_student_month (NtStore  *store,
                              gint64    student_id,
                              int       year,
                              int       month,
                              GError  **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  GArray *days;
  guint8 n_days;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  if (month < 1 || month > 12 || !g_date_valid_year ((GDateYear) year))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("%d/%d is not a month."), month, year);
      return NULL;
    }
  n_days = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
  first = g_strdup_printf ("%04d-%02d-01", year, month);
  last = g_strdup_printf ("%04d-%02d-%02d", year, month, n_days);

  stmt = nt_store_prepare (store,
                           "SELECT CAST (substr (k.night, 9, 2) AS INTEGER), e.status "
                           "FROM night_check_entries e JOIN night_checks k ON k.id = e.check_id "
                           "WHERE e.student_id = ?1 AND k.night BETWEEN ?2 AND ?3", error);
  if (stmt == NULL)
    return NULL;
  days = g_array_new (FALSE, TRUE, sizeof (guint8));
  g_array_set_size (days, n_days);
  sqlite3_bind_int64 (stmt, 1, student_id);
  nt_sql_bind_text_or_null (stmt, 2, first);
  nt_sql_bind_text_or_null (stmt, 3, last);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int day = sqlite3_column_int (stmt, 0);

      if (day >= 1 && day <= n_days)
        g_array_index (days, guint8, day - 1) =
          (guint8) nt_night_status_from_string ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  return days;
}

/**
 * nt_night_check_tonight:
 * @night_iso: (nullable): the night, %NULL for nt_night_check_default_night()
 *
 * The Overview's line per building: how far the checks of the night are.
 * Expected counts the entries of the checks started, plus the students
 * sleeping that night on floors no check covers yet. Buildings where
 * nobody is expected and nothing was started are left out.
 *
 * Returns: (transfer full): NtCheckProgress rows, by building name
 */
GListStore *
nt_night_check_tonight (NtStore     *store,
                        const char  *night_iso,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *night = NULL;
  GListStore *list;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  night = night_iso ? g_strdup (night_iso) : nt_night_check_default_night ();
  stmt = nt_store_prepare (store,
                           "SELECT bl.id, bl.name, "
                           "  (SELECT count(*) FROM night_checks k WHERE k.building_id = bl.id AND k.night = ?1), "
                           "  (SELECT count(*) FROM night_checks k WHERE k.building_id = bl.id AND k.night = ?1 "
                           "     AND k.closed_at IS NULL), "
                           "  (SELECT count(e.status) FROM night_check_entries e JOIN night_checks k ON k.id = e.check_id "
                           "     WHERE k.building_id = bl.id AND k.night = ?1), "
                           "  (SELECT count(*) FROM night_check_entries e JOIN night_checks k ON k.id = e.check_id "
                           "     WHERE k.building_id = bl.id AND k.night = ?1), "
                           "  (SELECT count(DISTINCT a.student_id) FROM bed_assignments a "
                           "     JOIN beds b ON b.id = a.bed_id JOIN rooms r ON r.id = b.room_id "
                           "     JOIN students s ON s.id = a.student_id "
                           "     WHERE r.building_id = bl.id AND a.start_date <= ?1 "
                           "       AND (a.end_date IS NULL OR a.end_date > ?1) AND (s.active = 1 OR s.left_on > ?1) "
                           "       AND NOT EXISTS (SELECT 1 FROM night_checks k WHERE k.building_id = bl.id "
                           "         AND k.night = ?1 AND (k.floor IS NULL OR k.floor = r.floor))) "
                           "FROM buildings bl ORDER BY bl.name, bl.id", error);
  if (stmt == NULL)
    return NULL;
  nt_sql_bind_text_or_null (stmt, 1, night);
  list = g_list_store_new (NT_TYPE_CHECK_PROGRESS);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(NtCheckProgress) p = NULL;
      guint n_checks = (guint) sqlite3_column_int (stmt, 2);
      guint n_open = (guint) sqlite3_column_int (stmt, 3);
      guint uncovered = (guint) sqlite3_column_int (stmt, 6);

      if (n_checks == 0 && uncovered == 0)
        continue;
      p = g_object_new (NT_TYPE_CHECK_PROGRESS, NULL);
      p->building_id = sqlite3_column_int64 (stmt, 0);
      p->building_name = nt_sql_column_dup (stmt, 1);
      p->n_checks = n_checks;
      p->checked = (guint) sqlite3_column_int (stmt, 4);
      p->expected = (guint) sqlite3_column_int (stmt, 5) + uncovered;
      p->closed = n_checks > 0 && n_open == 0 && uncovered == 0;
      g_list_store_append (list, p);
    }
  sqlite3_reset (stmt);
  return list;
}

/**
 * nt_night_check_absences_by_night:
 * @from_night: the first night (ISO)
 * @to_night: the last night (ISO)
 *
 * How many students were absent without leave on each night of the range
 * (a night without a check counts 0), for the Overview's chart.
 *
 * Returns: (transfer full) (element-type guint): one count per night,
 *   from @from_night on, or %NULL with @error set
 */
GArray *
nt_night_check_absences_by_night (NtStore     *store,
                                  const char  *from_night,
                                  const char  *to_night,
                                  GError     **error)
{
  g_autoptr(GArray) counts = NULL;
  GDate first, last;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_parse (&first, from_night);
  g_date_set_parse (&last, to_night);
  if (!g_date_valid (&first) || !g_date_valid (&last) || g_date_compare (&first, &last) > 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("The range of nights is not a valid range of dates."));
      return NULL;
    }
  counts = g_array_new (FALSE, TRUE, sizeof (guint));
  g_array_set_size (counts, g_date_days_between (&first, &last) + 1);

  stmt = nt_store_prepare (store,
                           "SELECT c.night, count (DISTINCT e.student_id) FROM night_checks c "
                           "JOIN night_check_entries e ON e.check_id = c.id AND e.status = 'absent' "
                           "WHERE c.night BETWEEN ?1 AND ?2 GROUP BY c.night", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from_night, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to_night, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDate night;
      int index;

      g_date_clear (&night, 1);
      g_date_set_parse (&night, (const char *) sqlite3_column_text (stmt, 0));
      if (!g_date_valid (&night))
        continue;
      index = g_date_days_between (&first, &night);
      if (index >= 0 && index < (int) counts->len)
        g_array_index (counts, guint, index) = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      nt_store_set_error (store, error, "absences by night");
      return NULL;
    }
  return g_steal_pointer (&counts);
}
