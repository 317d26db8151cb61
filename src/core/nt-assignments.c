/* nt-assignments.c: manual changes of who sleeps where
 *
 * The rules (gender of building and room, a free bed in a room that is not
 * full, an active dorm room, an active boarding student, dates that do not
 * go back in time) are checked here with messages a person can act on; the
 * unique indexes of bed_assignments (one open row per student and per bed)
 * are the last line behind them.
 */
#define G_LOG_DOMAIN "nt-assignments"

#include "nt-access.h"
#include "nt-assignments.h"
#include "nt-date.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-rooms.h"
#include "nt-sql.h"
#include "nt-util.h"

typedef struct
{
  gint64  id;
  char   *name;
  char   *gender;
  char   *boarding;
  gboolean active;
  char   *left_on;
  gint64  open_id;       /* 0 when the student has no bed now */
  gint64  open_bed;
  char   *open_start;
  char   *last_end;      /* the latest end of a closed assignment, or NULL */
} Student;

typedef struct
{
  gint64  id;
  char   *label;
  gboolean active;
  gboolean locked;
  gint64  room_id;
  char   *room_number;
  char   *room_gender;
  char   *kind;
  gboolean room_active;
  char   *building_name;
  char   *building_gender;
  gboolean building_active;
  int     occupied;      /* students in the room now */
  int     total;         /* active beds of the room */
  gint64  occupant_id;   /* who sleeps in this bed now, or 0 */
  char   *occupant_name;
} Bed;

static void
student_clear (Student *s)
{
  g_clear_pointer (&s->name, g_free);
  g_clear_pointer (&s->gender, g_free);
  g_clear_pointer (&s->boarding, g_free);
  g_clear_pointer (&s->left_on, g_free);
  g_clear_pointer (&s->open_start, g_free);
  g_clear_pointer (&s->last_end, g_free);
}

static void
bed_clear (Bed *b)
{
  g_clear_pointer (&b->label, g_free);
  g_clear_pointer (&b->room_number, g_free);
  g_clear_pointer (&b->room_gender, g_free);
  g_clear_pointer (&b->kind, g_free);
  g_clear_pointer (&b->building_name, g_free);
  g_clear_pointer (&b->building_gender, g_free);
  g_clear_pointer (&b->occupant_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Student, student_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Bed, bed_clear)

static gboolean
load_student (NtStore  *store,
              gint64    id,
              Student  *s,
              GError  **error)
{
  sqlite3_stmt *stmt = nt_store_row_for_id (store,
                                             "SELECT s.full_name, s.gender, s.boarding, s.active, s.left_on, "
                                             "  o.id, o.bed_id, o.start_date, "
                                             "  (SELECT max (end_date) FROM bed_assignments WHERE student_id = s.id) "
                                             "FROM students s "
                                             "LEFT JOIN bed_assignments o ON o.student_id = s.id AND o.end_date IS NULL "
                                             "WHERE s.id = ?1",
                                             id, _("The student no longer exists."), error);

  if (stmt == NULL)
    return FALSE;
  s->id = id;
  s->name = nt_sql_column_dup (stmt, 0);
  s->gender = nt_sql_column_dup (stmt, 1);
  s->boarding = nt_sql_column_dup (stmt, 2);
  s->active = sqlite3_column_int (stmt, 3);
  s->left_on = nt_sql_column_dup (stmt, 4);
  s->open_id = sqlite3_column_int64 (stmt, 5);
  s->open_bed = sqlite3_column_int64 (stmt, 6);
  s->open_start = nt_sql_column_dup (stmt, 7);
  s->last_end = nt_sql_column_dup (stmt, 8);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
load_bed (NtStore  *store,
          gint64    id,
          Bed      *b,
          GError  **error)
{
  sqlite3_stmt *stmt = nt_store_row_for_id (store,
                                             "SELECT b.label, b.active, b.locked, r.id, r.number, r.gender, r.kind, r.active, "
                                             "  bl.name, bl.gender, bl.active, "
                                             "  (SELECT count(*) FROM bed_assignments a JOIN beds x ON x.id = a.bed_id "
                                             "   WHERE x.room_id = r.id AND a.end_date IS NULL), "
                                             "  (SELECT count(*) FROM beds x WHERE x.room_id = r.id AND x.active = 1), "
                                             "  o.student_id, s.full_name "
                                             "FROM beds b JOIN rooms r ON r.id = b.room_id JOIN buildings bl ON bl.id = r.building_id "
                                             "LEFT JOIN bed_assignments o ON o.bed_id = b.id AND o.end_date IS NULL "
                                             "LEFT JOIN students s ON s.id = o.student_id "
                                             "WHERE b.id = ?1",
                                             id, _("The bed no longer exists."), error);

  if (stmt == NULL)
    return FALSE;
  b->id = id;
  b->label = nt_sql_column_dup (stmt, 0);
  b->active = sqlite3_column_int (stmt, 1);
  b->locked = sqlite3_column_int (stmt, 2);
  b->room_id = sqlite3_column_int64 (stmt, 3);
  b->room_number = nt_sql_column_dup (stmt, 4);
  b->room_gender = nt_sql_column_dup (stmt, 5);
  b->kind = nt_sql_column_dup (stmt, 6);
  b->room_active = sqlite3_column_int (stmt, 7);
  b->building_name = nt_sql_column_dup (stmt, 8);
  b->building_gender = nt_sql_column_dup (stmt, 9);
  b->building_active = sqlite3_column_int (stmt, 10);
  b->occupied = sqlite3_column_int (stmt, 11);
  b->total = sqlite3_column_int (stmt, 12);
  b->occupant_id = sqlite3_column_int64 (stmt, 13);
  b->occupant_name = nt_sql_column_dup (stmt, 14);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
check_date (const char  *date_iso,
            GError     **error)
{
  g_autoptr(GDate) date = nt_date_from_iso (date_iso);

  if (date == NULL)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("“%s” is not a valid date."), date_iso ? date_iso : "");
      return FALSE;
    }
  return TRUE;
}

/* The student may have a bed at all. */
static gboolean
check_student (const Student  *s,
               GError        **error)
{
  if (!s->active)
    {
      g_autofree char *left = nt_date_iso_to_display (s->left_on);
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s left the school on %s and cannot have a bed."), s->name, left);
      return FALSE;
    }
  if (!g_str_equal (s->boarding, "boarding"))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s is not a boarding student (%s) and cannot have a bed; change the boarding status first."),
                   s->name, s->boarding);
      return FALSE;
    }
  return TRUE;
}

/* The student may sleep in bed @b. @leaving is a student who leaves the bed
 * (or the room) in the same change (the partner of a swap, or the student
 * themself when moving inside a room), or 0. */
static gboolean
check_place (const Student  *s,
             const Bed      *b,
             gint64          leaving_from_bed,
             gboolean        same_room,
             GError        **error)
{
  if (!b->building_active)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s cannot go to room %s: building “%s” is closed."), s->name, b->room_number, b->building_name);
      return FALSE;
    }
  if (!b->room_active)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s cannot go to room %s (%s): the room is closed."), s->name, b->room_number, b->building_name);
      return FALSE;
    }
  if (!g_str_equal (b->kind, "dorm"))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s cannot go to room %s (%s): it is not a dorm room (%s)."),
                   s->name, b->room_number, b->building_name, nt_room_kind_label (b->kind));
      return FALSE;
    }
  if (!g_str_equal (b->building_gender, "X") && !g_str_equal (b->building_gender, s->gender))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s cannot go to room %s: building “%s” is for %s."),
                   s->name, b->room_number, b->building_name, nt_room_gender_label (b->building_gender));
      return FALSE;
    }
  if (!g_str_equal (b->room_gender, "X") && !g_str_equal (b->room_gender, s->gender))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s cannot go to room %s (%s): the room is for %s."),
                   s->name, b->room_number, b->building_name, nt_room_gender_label (b->room_gender));
      return FALSE;
    }
  if (!b->active)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s cannot have bed %s of room %s (%s): the bed is out of use."),
                   s->name, b->label, b->room_number, b->building_name);
      return FALSE;
    }
  if (b->locked)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s cannot have bed %s of room %s (%s): the bed is locked; unlock it first."),
                   s->name, b->label, b->room_number, b->building_name);
      return FALSE;
    }
  if (b->occupant_id != 0 && b->occupant_id != s->id && b->occupant_id != leaving_from_bed)
    {
      if (!same_room && b->occupied >= b->total)
        g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                     _("%s cannot go to room %s (%s): the room is full (%d of %d beds)."),
                     s->name, b->room_number, b->building_name, b->occupied, b->total);
      else
        g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                     _("%s cannot have bed %s of room %s (%s): %s sleeps there."),
                     s->name, b->label, b->room_number, b->building_name, b->occupant_name);
      return FALSE;
    }
  if (!same_room && b->occupant_id == 0 && b->occupied >= b->total)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s cannot go to room %s (%s): the room is full (%d of %d beds)."),
                   s->name, b->room_number, b->building_name, b->occupied, b->total);
      return FALSE;
    }
  return TRUE;
}

/* The change on @date must not go back before what the history holds. */
static gboolean
check_not_before (const Student  *s,
                  const char     *date_iso,
                  GError        **error)
{
  const char *limit = s->open_id != 0 ? s->open_start : s->last_end;

  if (limit != NULL && g_strcmp0 (date_iso, limit) < 0)
    {
      g_autofree char *shown = nt_date_iso_to_display (date_iso);
      g_autofree char *since = nt_date_iso_to_display (limit);

      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   s->open_id != 0
                   ? _("%s has had the present bed since %s; a change dated %s would rewrite the history.")
                   : _("%s left the last bed on %s; a new bed dated %s would overlap the history."),
                   s->name, since, shown);
      return FALSE;
    }
  return TRUE;
}

static gboolean
end_open (NtStore     *store,
          gint64       assignment_id,
          const char  *date_iso,
          const char  *reason,
          GError     **error)
{
  /* The row keeps the reason it started with; why it ended is added to it
   * (bed_assignments has one reason column). */
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "UPDATE bed_assignments SET end_date = ?2, "
                                         "reason = CASE WHEN ?3 = '' THEN reason WHEN reason = '' THEN ?3 "
                                         "ELSE reason || ' → ' || ?3 END "
                                         "WHERE id = ?1 AND end_date IS NULL", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assignment_id);
  sqlite3_bind_text (stmt, 2, date_iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, reason ? reason : "", -1, SQLITE_TRANSIENT);
  return nt_store_step_done (store, stmt, error);
}

static gboolean
insert_open (NtStore     *store,
             gint64       student_id,
             gint64       bed_id,
             const char  *date_iso,
             const char  *reason,
             GError     **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "INSERT INTO bed_assignments (student_id, bed_id, start_date, reason) "
                                         "VALUES (?1, ?2, ?3, ?4)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, student_id);
  sqlite3_bind_int64 (stmt, 2, bed_id);
  sqlite3_bind_text (stmt, 3, date_iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, reason ? reason : "", -1, SQLITE_TRANSIENT);
  return nt_store_step_done (store, stmt, error);
}

/* ----- public ------------------------------------------------------------ */

/**
 * nt_assign_check:
 * @date_iso: (nullable): the date of the change, or %NULL not to check it
 *
 * Tells whether the student may be put (or moved) into the bed, without
 * changing anything; for a window that greys out impossible targets.
 */
gboolean
nt_assign_check (NtStore     *store,
                 gint64       student_id,
                 gint64       bed_id,
                 const char  *date_iso,
                 GError     **error)
{
  g_auto(Student) s = { 0 };
  g_auto(Bed) b = { 0 };
  gboolean same_room;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!load_student (store, student_id, &s, error) || !load_bed (store, bed_id, &b, error))
    return FALSE;
  if (!check_student (&s, error))
    return FALSE;
  same_room = FALSE;
  if (s.open_id != 0)
    {
      g_auto(Bed) current = { 0 };

      if (!load_bed (store, s.open_bed, &current, error))
        return FALSE;
      same_room = current.room_id == b.room_id;
    }
  if (!check_place (&s, &b, 0, same_room, error))
    return FALSE;
  return date_iso == NULL || (check_date (date_iso, error) && check_not_before (&s, date_iso, error));
}

/* A change to where a student sleeps says why (the history shows it, and
 * the room window asks for it): a bed given, a move, a swap, a take-out. */
static gboolean
require_reason (const char  *reason,
                GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (reason ? reason : ""));

  if (trimmed[0] != '\0')
    return TRUE;
  g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("Write the reason for the change; nothing was changed."));
  return FALSE;
}

/**
 * nt_assign_to_bed:
 * @date_iso: the first night in the bed (ISO)
 * @reason: (nullable): why, for the history
 *
 * Puts a boarding student who has no bed now into a free bed.
 */
gboolean
nt_assign_to_bed (NtStore     *store,
                  gint64       student_id,
                  gint64       bed_id,
                  const char  *date_iso,
                  const char  *reason,
                  GError     **error)
{
  g_auto(Student) s = { 0 };
  g_auto(Bed) b = { 0 };

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROOMS, error))
    return FALSE;
  if (!require_reason (reason, error))
    return FALSE;

  if (!check_date (date_iso, error) ||
      !load_student (store, student_id, &s, error) || !load_bed (store, bed_id, &b, error) ||
      !check_student (&s, error))
    return FALSE;
  if (s.open_id != 0)
    {
      g_autofree char *room = NULL;
      g_auto(Bed) current = { 0 };

      if (load_bed (store, s.open_bed, &current, NULL))
        room = g_strdup (current.room_number);
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s already has a bed in room %s; move them instead."), s.name, room ? room : "?");
      return FALSE;
    }
  if (!check_place (&s, &b, 0, FALSE, error) || !check_not_before (&s, date_iso, error))
    return FALSE;

  if (!insert_open (store, student_id, bed_id, date_iso, reason, error))
    return FALSE;
  nt_store_emit_changed (store, "bed_assignments");
  return TRUE;
}

/**
 * nt_assign_move:
 *
 * Moves a student from the present bed to another on @date_iso: the open
 * assignment ends that day and a new one starts, in one transaction.
 */
gboolean
nt_assign_move (NtStore     *store,
                gint64       student_id,
                gint64       bed_id,
                const char  *date_iso,
                const char  *reason,
                GError     **error)
{
  g_auto(Student) s = { 0 };
  g_auto(Bed) b = { 0 };
  g_auto(Bed) current = { 0 };

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROOMS, error))
    return FALSE;
  if (!require_reason (reason, error))
    return FALSE;

  if (!check_date (date_iso, error) ||
      !load_student (store, student_id, &s, error) || !load_bed (store, bed_id, &b, error) ||
      !check_student (&s, error))
    return FALSE;
  if (s.open_id == 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s has no bed now; give them one instead of moving them (room %s)."), s.name, b.room_number);
      return FALSE;
    }
  if (s.open_bed == bed_id)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s already sleeps in bed %s of room %s."), s.name, b.label, b.room_number);
      return FALSE;
    }
  if (!load_bed (store, s.open_bed, &current, error) ||
      !check_place (&s, &b, 0, current.room_id == b.room_id, error) ||
      !check_not_before (&s, date_iso, error))
    return FALSE;

  if (!nt_store_begin (store, error))
    return FALSE;
  if (!end_open (store, s.open_id, date_iso, "", error) ||
      !insert_open (store, student_id, bed_id, date_iso, reason, error) ||
      !nt_store_commit (store, error))
    {
      nt_store_rollback (store);
      return FALSE;
    }
  nt_store_emit_changed (store, "bed_assignments");
  return TRUE;
}

/**
 * nt_assign_swap:
 *
 * Two students exchange beds on @date_iso, in one transaction.
 */
gboolean
nt_assign_swap (NtStore     *store,
                gint64       student_a,
                gint64       student_b,
                const char  *date_iso,
                const char  *reason,
                GError     **error)
{
  g_auto(Student) a = { 0 };
  g_auto(Student) b = { 0 };
  g_auto(Bed) bed_a = { 0 };
  g_auto(Bed) bed_b = { 0 };
  gboolean same_room;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROOMS, error))
    return FALSE;
  if (!require_reason (reason, error))
    return FALSE;

  if (!check_date (date_iso, error) ||
      !load_student (store, student_a, &a, error) || !load_student (store, student_b, &b, error) ||
      !check_student (&a, error) || !check_student (&b, error))
    return FALSE;
  if (student_a == student_b)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("%s cannot swap beds with themself."), a.name);
      return FALSE;
    }
  if (a.open_id == 0 || b.open_id == 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s has no bed now; only two students who both have a bed can swap."),
                   a.open_id == 0 ? a.name : b.name);
      return FALSE;
    }
  if (!load_bed (store, a.open_bed, &bed_a, error) || !load_bed (store, b.open_bed, &bed_b, error))
    return FALSE;
  same_room = bed_a.room_id == bed_b.room_id;
  /* A locked bed may be swapped out of; the lock keeps the automatic
   * assignment away, a person doing a swap sees what they do. */
  bed_a.locked = bed_b.locked = FALSE;
  if (!check_place (&a, &bed_b, b.id, same_room, error) || !check_place (&b, &bed_a, a.id, same_room, error) ||
      !check_not_before (&a, date_iso, error) || !check_not_before (&b, date_iso, error))
    return FALSE;

  if (!nt_store_begin (store, error))
    return FALSE;
  if (!end_open (store, a.open_id, date_iso, "", error) ||
      !end_open (store, b.open_id, date_iso, "", error) ||
      !insert_open (store, a.id, b.open_bed, date_iso, reason, error) ||
      !insert_open (store, b.id, a.open_bed, date_iso, reason, error) ||
      !nt_store_commit (store, error))
    {
      nt_store_rollback (store);
      return FALSE;
    }
  nt_store_emit_changed (store, "bed_assignments");
  return TRUE;
}

/**
 * nt_assign_take_out:
 * @date_iso: the day the student leaves the bed
 *
 * Ends the student's present assignment; @reason is added to the row.
 */
gboolean
nt_assign_take_out (NtStore     *store,
                    gint64       student_id,
                    const char  *date_iso,
                    const char  *reason,
                    GError     **error)
{
  g_auto(Student) s = { 0 };

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROOMS, error))
    return FALSE;
  if (!require_reason (reason, error))
    return FALSE;

  if (!check_date (date_iso, error) || !load_student (store, student_id, &s, error))
    return FALSE;
  if (s.open_id == 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("%s has no bed now."), s.name);
      return FALSE;
    }
  if (!check_not_before (&s, date_iso, error))
    return FALSE;
  if (!end_open (store, s.open_id, date_iso, reason, error))
    return FALSE;
  nt_store_emit_changed (store, "bed_assignments");
  return TRUE;
}
