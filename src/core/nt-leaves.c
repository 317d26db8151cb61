/* nt-leaves.c: a boarder's leave (xin phép)
 *
 * A leave is refused before anything is written when it ends before it
 * starts, overlaps another leave of the same student that is not cancelled,
 * or is for a student who left the school or does not board; the message
 * names the student and the dates, so that the one who typed it can fix it.
 *
 * The states move forward only: requested → approved → out → returned, and
 * requested or approved → cancelled. A leave that was approved but never
 * marked out can be marked returned directly (the supervisor did not see
 * the student leave, but saw them come back).
 */
#define G_LOG_DOMAIN "nt-leaves"

#include <string.h>

#include "nt-access.h"
#include "nt-date.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-leaves.h"
#include "nt-row.h"
#include "nt-sql.h"
#include "nt-student.h"
#include "nt-students.h"
#include "nt-util.h"

/* ----- list rows --------------------------------------------------------- */

static const NtRowField leave_fields[] = {
  NT_ROW_PROPERTY (NtLeave, id, "id", INT64),
  NT_ROW_PROPERTY (NtLeave, student_name, "student-name", STRING),
  NT_ROW_PROPERTY (NtLeave, from_time, "from-time", STRING),
  NT_ROW_PROPERTY (NtLeave, to_time, "to-time", STRING),
  NT_ROW_PROPERTY (NtLeave, state, "state", STRING),
  NT_ROW_PROPERTY (NtLeave, overdue, "overdue", BOOLEAN),
  NT_ROW_OWNED_STRING (NtLeave, student_code),
  NT_ROW_OWNED_STRING (NtLeave, class_name),
  NT_ROW_OWNED_STRING (NtLeave, room_number),
  NT_ROW_OWNED_STRING (NtLeave, building_name),
  NT_ROW_OWNED_STRING (NtLeave, reason),
  NT_ROW_OWNED_STRING (NtLeave, destination),
  NT_ROW_OWNED_STRING (NtLeave, guardian_name),
  NT_ROW_OWNED_STRING (NtLeave, guardian_phone),
  NT_ROW_OWNED_STRING (NtLeave, approved_by_name),
  NT_ROW_OWNED_STRING (NtLeave, out_at),
  NT_ROW_OWNED_STRING (NtLeave, returned_at),
  NT_ROW_OWNED_STRING (NtLeave, note),
};

NT_DEFINE_ROW_TYPE (NtLeave, nt_leave, leave_fields)

static const NtRowField skip_fields[] = {
  NT_ROW_PROPERTY (NtLeaveSkip, student_id, "student-id", INT64),
  NT_ROW_PROPERTY (NtLeaveSkip, student_name, "student-name", STRING),
  NT_ROW_PROPERTY (NtLeaveSkip, message, "message", STRING),
  NT_ROW_OWNED_STRING (NtLeaveSkip, student_code),
  NT_ROW_OWNED_STRING (NtLeaveSkip, class_name),
};

NT_DEFINE_ROW_TYPE (NtLeaveSkip, nt_leave_skip, skip_fields)

/* ----- words and times --------------------------------------------------- */

static const char * const reasons[] = { "home", "medical", "family", "school", "other", NULL };

/**
 * nt_leave_reasons:
 *
 * Returns: (transfer none): the reason codes, %NULL-terminated
 */
const char * const *
nt_leave_reasons (void)
{
  return reasons;
}

const char *
nt_leave_reason_label (const char *reason)
{
  if (g_strcmp0 (reason, "home") == 0)
    return _("Going home");
  if (g_strcmp0 (reason, "medical") == 0)
    return _("Medical");
  if (g_strcmp0 (reason, "family") == 0)
    return _("Family matter");
  if (g_strcmp0 (reason, "school") == 0)
    return _("School activity");
  if (g_strcmp0 (reason, "other") == 0)
    return _("Other");
  return "";
}

/* Also knows "overdue", which is derived, not stored. */
const char *
nt_leave_state_label (const char *state)
{
  if (g_strcmp0 (state, "requested") == 0)
    return _("Requested");
  if (g_strcmp0 (state, "approved") == 0)
    return _("Approved");
  if (g_strcmp0 (state, "out") == 0)
    return _("Out");
  if (g_strcmp0 (state, "returned") == 0)
    return _("Returned");
  if (g_strcmp0 (state, "cancelled") == 0)
    return _("Cancelled");
  if (g_strcmp0 (state, "overdue") == 0)
    return _("Overdue");
  return "";
}

/* Returns: (transfer full): the local time now as 'YYYY-MM-DD HH:MM' */
char *
nt_leave_time_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d %H:%M");
}

/* Whether @text is 'YYYY-MM-DD HH:MM' with a real date and time of day. */
gboolean
nt_leave_time_valid (const char *text)
{
  g_autofree char *day = NULL;
  g_autoptr(GDate) date = NULL;
  int hour, minute;

  if (text == NULL || strlen (text) != 16 || text[10] != ' ' || text[13] != ':')
    return FALSE;
  for (int i = 11; i < 16; i++)
    if (i != 13 && !g_ascii_isdigit (text[i]))
      return FALSE;
  day = g_strndup (text, 10);
  date = nt_date_from_iso (day);
  if (date == NULL)
    return FALSE;
  hour = (text[11] - '0') * 10 + (text[12] - '0');
  minute = (text[14] - '0') * 10 + (text[15] - '0');
  return hour < 24 && minute < 60;
}

/* Returns: (transfer full): 'dd/mm/yyyy HH:MM', or a copy of @time when it
 *   is not a leave time */
char *
nt_leave_time_to_display (const char *time)
{
  g_autofree char *day = NULL;
  g_autofree char *shown = NULL;

  if (!nt_leave_time_valid (time))
    return g_strdup (time ? time : "");
  day = g_strndup (time, 10);
  shown = nt_date_iso_to_display (day);
  return g_strdup_printf ("%s %s", shown, time + 11);
}

/* ----- helpers ----------------------------------------------------------- */

typedef struct
{
  gint64    id;
  char     *code;
  char     *name;
  char     *class_name;
  char     *boarding;
  gboolean  active;
  char     *left_on;
  char     *guardian_name;
  char     *guardian_phone;
} Student;

static void
student_clear (Student *s)
{
  g_clear_pointer (&s->code, g_free);
  g_clear_pointer (&s->name, g_free);
  g_clear_pointer (&s->class_name, g_free);
  g_clear_pointer (&s->boarding, g_free);
  g_clear_pointer (&s->left_on, g_free);
  g_clear_pointer (&s->guardian_name, g_free);
  g_clear_pointer (&s->guardian_phone, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Student, student_clear)

static gboolean
load_student (NtStore  *store,
              gint64    id,
              Student  *s,
              GError  **error)
{
  sqlite3_stmt *stmt = nt_store_row_for_id (store,
                                             "SELECT s.code, s.full_name, c.name, s.boarding, s.active, s.left_on, "
                                             "  s.guardian_name, s.guardian_phone "
                                             "FROM students s LEFT JOIN classes c ON c.id = s.class_id WHERE s.id = ?1",
                                             id, _("The student no longer exists."), error);

  if (stmt == NULL)
    return FALSE;
  s->id = id;
  s->code = nt_sql_column_dup (stmt, 0);
  s->name = nt_sql_column_dup (stmt, 1);
  s->class_name = nt_sql_column_dup (stmt, 2);
  s->boarding = nt_sql_column_dup (stmt, 3);
  s->active = sqlite3_column_int (stmt, 4);
  s->left_on = nt_sql_column_dup (stmt, 5);
  s->guardian_name = nt_sql_column_dup (stmt, 6);
  s->guardian_phone = nt_sql_column_dup (stmt, 7);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
staff_is_active (NtStore *store,
                 gint64   staff_id)
{
  sqlite3_stmt *stmt = nt_store_prepare (store, "SELECT active FROM staff WHERE id = ?1", NULL);
  gboolean active = FALSE;

  g_return_val_if_fail (stmt != NULL, FALSE);
  sqlite3_bind_int64 (stmt, 1, staff_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    active = sqlite3_column_int (stmt, 0) == 1;
  sqlite3_reset (stmt);
  return active;
}

/* What does not depend on the student: times, reason, approver, phone.
 * @who is the student's name for the message, or %NULL for a bulk leave. */
static gboolean
check_common (NtStore             *store,
              const NtLeaveInput  *input,
              const char          *who,
              GError             **error)
{
  if (!nt_leave_time_valid (input->from_time))
    {
      if (who)
        g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                     _("The start of the leave of %s, “%s”, is not a date and time (YYYY-MM-DD HH:MM)."),
                     who, input->from_time ? input->from_time : "");
      else
        g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                     _("The start of the leave, “%s”, is not a date and time (YYYY-MM-DD HH:MM)."),
                     input->from_time ? input->from_time : "");
      return FALSE;
    }
  if (!nt_leave_time_valid (input->to_time))
    {
      if (who)
        g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                     _("The end of the leave of %s, “%s”, is not a date and time (YYYY-MM-DD HH:MM)."),
                     who, input->to_time ? input->to_time : "");
      else
        g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                     _("The end of the leave, “%s”, is not a date and time (YYYY-MM-DD HH:MM)."),
                     input->to_time ? input->to_time : "");
      return FALSE;
    }
  if (strcmp (input->to_time, input->from_time) <= 0)
    {
      g_autofree char *from = nt_leave_time_to_display (input->from_time);
      g_autofree char *to = nt_leave_time_to_display (input->to_time);

      if (who)
        g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                     _("The leave of %s would end at %s, which is not after its start (%s)."), who, to, from);
      else
        g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                     _("The leave would end at %s, which is not after its start (%s)."), to, from);
      return FALSE;
    }
  if (input->reason == NULL || !g_strv_contains (reasons, input->reason))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("“%s” is not a reason for leave (home, medical, family, school or other)."),
                   input->reason ? input->reason : "");
      return FALSE;
    }
  if (input->approved_by != 0 && !staff_is_active (store, input->approved_by))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The staff member who approves the leave does not exist or has left; the leave was not changed."));
      return FALSE;
    }
  if (!nt_str_empty (input->guardian_phone) && !nt_phone_normalize (input->guardian_phone, NULL))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The guardian’s phone “%s” is not a Vietnamese phone number (10 or 11 digits starting with 0)."),
                   input->guardian_phone);
      return FALSE;
    }
  return TRUE;
}

/* The student may have this leave: still at school, boarding, and no other
 * leave in the same time. A returned leave ends when the student came back. */
static gboolean
check_student (NtStore             *store,
               const Student       *s,
               const char          *from_time,
               const char          *to_time,
               gint64               except_id,
               GError             **error)
{
  g_autofree char *from = nt_leave_time_to_display (from_time);
  g_autofree char *to = nt_leave_time_to_display (to_time);
  sqlite3_stmt *stmt;
  gboolean overlaps;

  if (!s->active)
    {
      g_autofree char *left = nt_date_iso_to_display (s->left_on);

      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s left the school on %s; no leave can be recorded from %s to %s."), s->name, left, from, to);
      return FALSE;
    }
  if (g_strcmp0 (s->boarding, "boarding") != 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s is not a boarding student (%s); leave from %s to %s is only for boarders."),
                   s->name, nt_boarding_label (s->boarding), from, to);
      return FALSE;
    }

  stmt = nt_store_prepare (store,
                           "SELECT from_time, to_time, state FROM leaves "
                           "WHERE student_id = ?1 AND id <> ?4 AND state <> 'cancelled' AND from_time < ?3 "
                           "  AND (CASE WHEN state = 'returned' AND returned_at IS NOT NULL AND returned_at < to_time "
                           "       THEN returned_at ELSE to_time END) > ?2 "
                           "ORDER BY from_time LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, s->id);
  nt_sql_bind_text (stmt, 2, from_time);
  nt_sql_bind_text (stmt, 3, to_time);
  sqlite3_bind_int64 (stmt, 4, except_id);
  overlaps = sqlite3_step (stmt) == SQLITE_ROW;
  if (overlaps)
    {
      g_autofree char *other_from = nt_leave_time_to_display ((const char *) sqlite3_column_text (stmt, 0));
      g_autofree char *other_to = nt_leave_time_to_display ((const char *) sqlite3_column_text (stmt, 1));
      const char *state = nt_leave_state_label ((const char *) sqlite3_column_text (stmt, 2));

      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s already has leave from %s to %s (%s), which overlaps the new leave from %s to %s."),
                   s->name, other_from, other_to, state, from, to);
    }
  sqlite3_reset (stmt);
  return !overlaps;
}

static gint64
insert_leave (NtStore             *store,
              const NtLeaveInput  *input,
              gint64               student_id,
              const char          *guardian_name,
              const char          *guardian_phone,
              GError             **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "INSERT INTO leaves (student_id, from_time, to_time, reason, destination, "
                                         "  guardian_name, guardian_phone, state, approved_by, note) "
                                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  g_autofree char *phone = NULL;

  if (stmt == NULL)
    return 0;
  if (!nt_str_empty (guardian_phone) && !nt_phone_normalize (guardian_phone, &phone))
    phone = g_strdup (guardian_phone);
  sqlite3_bind_int64 (stmt, 1, student_id);
  nt_sql_bind_text (stmt, 2, input->from_time);
  nt_sql_bind_text (stmt, 3, input->to_time);
  nt_sql_bind_text (stmt, 4, input->reason);
  nt_sql_bind_text (stmt, 5, input->destination);
  nt_sql_bind_text (stmt, 6, guardian_name);
  nt_sql_bind_text (stmt, 7, phone);
  nt_sql_bind_text (stmt, 8, input->approved_by != 0 ? "approved" : "requested");
  if (input->approved_by != 0)
    sqlite3_bind_int64 (stmt, 9, input->approved_by);
  else
    sqlite3_bind_null (stmt, 9);
  nt_sql_bind_text (stmt, 10, input->note);
  if (!nt_store_step_done (store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (nt_store_get_db (store));
}

/* ----- creating ---------------------------------------------------------- */

/**
 * nt_leaves_check:
 *
 * Tells whether nt_leaves_create() would accept @input, without writing.
 */
gboolean
nt_leaves_check (NtStore             *store,
                 const NtLeaveInput  *input,
                 GError             **error)
{
  g_auto(Student) s = { 0 };

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (input != NULL, FALSE);

  return load_student (store, input->student_id, &s, error) &&
         check_common (store, input, s.name, error) &&
         check_student (store, &s, input->from_time, input->to_time, 0, error);
}

/**
 * nt_leaves_create:
 *
 * Records a leave, approved when @input->approved_by is a staff member and
 * requested otherwise.
 *
 * Returns: the new leave's id, or 0 with @error set (nothing written)
 */
gint64
nt_leaves_create (NtStore             *store,
                  const NtLeaveInput  *input,
                  GError             **error)
{
  g_auto(Student) s = { 0 };
  gint64 id;

  g_return_val_if_fail (NT_IS_STORE (store), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (!nt_access_require (store, NT_PERM_RECORD_CHECKS, error))
    return 0;

  if (!nt_leaves_check (store, input, error) || !load_student (store, input->student_id, &s, error))
    return 0;
  /* Who the student goes with, when the form leaves it empty: the
   * guardian on the student's record, whose phone the night check and an
   * overdue leave call (as for a weekend leave). */
  id = insert_leave (store, input, input->student_id,
                     nt_str_empty (input->guardian_name) ? s.guardian_name : input->guardian_name,
                     nt_str_empty (input->guardian_phone) ? s.guardian_phone : input->guardian_phone, error);
  if (id != 0)
    nt_store_emit_changed (store, "leaves");
  return id;
}

static void
add_skip (GListStore    *skipped,
          gint64         student_id,
          const Student *s,
          const char    *message)
{
  g_autoptr(NtLeaveSkip) skip = g_object_new (NT_TYPE_LEAVE_SKIP, NULL);

  skip->student_id = student_id;
  skip->student_code = g_strdup (s->code);
  skip->student_name = g_strdup (s->name);
  skip->class_name = g_strdup (s->class_name);
  skip->message = g_strdup (message);
  g_list_store_append (skipped, skip);
}

/**
 * nt_leaves_create_bulk:
 * @input: the leave every student gets; its student_id is ignored, and an
 *   empty guardian takes each student's own
 * @student_ids: (array length=n_students): the students (a class, a floor,
 *   everyone going home on Saturday)
 * @n_created: (out) (optional): how many leaves were written
 * @skipped: (out) (optional): NtLeaveSkip rows, the students left out and why
 *
 * One action, then exceptions: every student who may have the leave gets
 * it, in one transaction; a student who may not (left the school, does not
 * board, already has leave at that time) is left out and listed. Only a
 * fault of @input itself (times, reason, approver) or of the database
 * fails the whole call, and then nothing is written.
 */
gboolean
nt_leaves_create_bulk (NtStore             *store,
                       const NtLeaveInput  *input,
                       const gint64        *student_ids,
                       guint                n_students,
                       guint               *n_created,
                       GListStore         **skipped,
                       GError             **error)
{
  g_autoptr(GListStore) skips = NULL;
  g_autoptr(GHashTable) seen = NULL;
  guint created = 0;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (student_ids != NULL || n_students == 0, FALSE);

  if (!nt_access_require (store, NT_PERM_RECORD_CHECKS, error))
    return FALSE;

  if (n_created)
    *n_created = 0;
  if (skipped)
    *skipped = NULL;
  if (!check_common (store, input, NULL, error))
    return FALSE;

  skips = g_list_store_new (NT_TYPE_LEAVE_SKIP);
  seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  if (!nt_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < n_students; i++)
    {
      g_auto(Student) s = { 0 };
      g_autoptr(GError) local = NULL;
      const char *guardian_name;
      const char *guardian_phone;

      if (g_hash_table_contains (seen, &student_ids[i]))
        continue;
      g_hash_table_add (seen, (gpointer) &student_ids[i]);

      if (!load_student (store, student_ids[i], &s, &local) ||
          !check_student (store, &s, input->from_time, input->to_time, 0, &local))
        {
          add_skip (skips, student_ids[i], &s, local->message);
          continue;
        }
      guardian_name = nt_str_empty (input->guardian_name) ? s.guardian_name : input->guardian_name;
      guardian_phone = nt_str_empty (input->guardian_phone) ? s.guardian_phone : input->guardian_phone;
      if (insert_leave (store, input, s.id, guardian_name, guardian_phone, error) == 0)
        {
          nt_store_rollback (store);
          return FALSE;
        }
      created++;
    }
  if (!nt_store_commit (store, error))
    return FALSE;

  if (created > 0)
    nt_store_emit_changed (store, "leaves");
  if (n_created)
    *n_created = created;
  if (skipped)
    *skipped = g_steal_pointer (&skips);
  return TRUE;
}

/* ----- changing the state ------------------------------------------------ */

typedef struct
{
  gint64  id;
  char   *student_name;
  char   *from_time;
  char   *to_time;
  char   *state;
  char   *out_at;
} Leave;

static void
leave_clear (Leave *l)
{
  g_clear_pointer (&l->student_name, g_free);
  g_clear_pointer (&l->from_time, g_free);
  g_clear_pointer (&l->to_time, g_free);
  g_clear_pointer (&l->state, g_free);
  g_clear_pointer (&l->out_at, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Leave, leave_clear)

static gboolean
load_leave (NtStore  *store,
            gint64    id,
            Leave    *l,
            GError  **error)
{
  sqlite3_stmt *stmt = nt_store_row_for_id (store,
                                             "SELECT s.full_name, l.from_time, l.to_time, l.state, l.out_at "
                                             "FROM leaves l JOIN students s ON s.id = l.student_id WHERE l.id = ?1",
                                             id, _("The leave no longer exists."), error);

  if (stmt == NULL)
    return FALSE;
  l->id = id;
  l->student_name = nt_sql_column_dup (stmt, 0);
  l->from_time = nt_sql_column_dup (stmt, 1);
  l->to_time = nt_sql_column_dup (stmt, 2);
  l->state = nt_sql_column_dup (stmt, 3);
  l->out_at = nt_sql_column_dup (stmt, 4);
  sqlite3_reset (stmt);
  return TRUE;
}

static void
set_wrong_state (const Leave  *l,
                 const char   *wanted,
                 GError      **error)
{
  g_autofree char *from = nt_leave_time_to_display (l->from_time);
  g_autofree char *to = nt_leave_time_to_display (l->to_time);

  /* TRANSLATORS: the last %s is what was asked, e.g. "only an approved leave can be marked out" */
  g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
               _("The leave of %s from %s to %s is “%s”: %s."),
               l->student_name, from, to, nt_leave_state_label (l->state), wanted);
}

static const char *
time_or_now (const char  *at_time,
             char       **now)
{
  if (at_time != NULL)
    return at_time;
  *now = nt_leave_time_now ();
  return *now;
}

static gboolean
check_time (const Leave  *l,
            const char   *at,
            GError      **error)
{
  if (!nt_leave_time_valid (at))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("“%s” is not a date and time (YYYY-MM-DD HH:MM); the leave of %s was not changed."),
                   at ? at : "", l->student_name);
      return FALSE;
    }
  return TRUE;
}

/* One UPDATE guarded by the state it was read in, so that two windows
 * cannot both move the same leave. */
static gboolean
update_state (NtStore     *store,
              const Leave *l,
              const char  *new_state,
              gint64       staff_id,
              const char  *out_at,
              const char  *returned_at,
              GError     **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "UPDATE leaves SET state = ?2, "
                                         "  approved_by = CASE WHEN ?3 > 0 THEN ?3 ELSE approved_by END, "
                                         "  out_at = ifnull (?4, out_at), returned_at = ifnull (?5, returned_at) "
                                         "WHERE id = ?1 AND state = ?6", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, l->id);
  nt_sql_bind_text (stmt, 2, new_state);
  sqlite3_bind_int64 (stmt, 3, staff_id);
  if (out_at)
    nt_sql_bind_text (stmt, 4, out_at);
  if (returned_at)
    nt_sql_bind_text (stmt, 5, returned_at);
  nt_sql_bind_text (stmt, 6, l->state);
  if (!nt_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (nt_store_get_db (store)) != 1)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_BUSY,
                   _("The leave of %s was changed meanwhile (in another window?); look at it again."),
                   l->student_name);
      return FALSE;
    }
  nt_store_emit_changed (store, "leaves");
  return TRUE;
}

gboolean
nt_leaves_approve (NtStore  *store,
                   gint64    leave_id,
                   gint64    staff_id,
                   GError  **error)
{
  g_auto(Leave) l = { 0 };

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_RECORD_CHECKS, error))
    return FALSE;

  if (!load_leave (store, leave_id, &l, error))
    return FALSE;
  if (!g_str_equal (l.state, "requested"))
    {
      set_wrong_state (&l, _("only a requested leave can be approved"), error);
      return FALSE;
    }
  if (staff_id <= 0 || !staff_is_active (store, staff_id))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The staff member who approves the leave does not exist or has left; the leave was not changed."));
      return FALSE;
    }
  return update_state (store, &l, "approved", staff_id, NULL, NULL, error);
}

/**
 * nt_leaves_mark_out:
 * @at_time: (nullable): when the student left, or %NULL for now
 */
gboolean
nt_leaves_mark_out (NtStore     *store,
                    gint64       leave_id,
                    const char  *at_time,
                    GError     **error)
{
  g_auto(Leave) l = { 0 };
  g_autofree char *now = NULL;
  const char *at = time_or_now (at_time, &now);

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  /* The guard records it at the gate too (nt-visitors.c). */
  if (!nt_access_require_either (store, NT_PERM_RECORD_CHECKS, NT_PERM_RECORD_GATE, error))
    return FALSE;

  if (!load_leave (store, leave_id, &l, error) || !check_time (&l, at, error))
    return FALSE;
  if (!g_str_equal (l.state, "approved"))
    {
      set_wrong_state (&l, _("only an approved leave can be marked out"), error);
      return FALSE;
    }
  return update_state (store, &l, "out", 0, at, NULL, error);
}

/**
 * nt_leaves_mark_returned:
 * @at_time: (nullable): when the student came back, or %NULL for now
 */
gboolean
nt_leaves_mark_returned (NtStore     *store,
                         gint64       leave_id,
                         const char  *at_time,
                         GError     **error)
{
  g_auto(Leave) l = { 0 };
  g_autofree char *now = NULL;
  const char *at = time_or_now (at_time, &now);
  const char *left;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  /* The guard records it at the gate too (nt-visitors.c). */
  if (!nt_access_require_either (store, NT_PERM_RECORD_CHECKS, NT_PERM_RECORD_GATE, error))
    return FALSE;

  if (!load_leave (store, leave_id, &l, error) || !check_time (&l, at, error))
    return FALSE;
  if (!g_str_equal (l.state, "out") && !g_str_equal (l.state, "approved"))
    {
      set_wrong_state (&l, _("only a leave that is approved or out can be marked returned"), error);
      return FALSE;
    }
  left = l.out_at != NULL ? l.out_at : l.from_time;
  if (strcmp (at, left) < 0)
    {
      g_autofree char *shown_at = nt_leave_time_to_display (at);
      g_autofree char *shown_left = nt_leave_time_to_display (left);

      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s cannot have come back at %s, before leaving at %s."), l.student_name, shown_at, shown_left);
      return FALSE;
    }
  return update_state (store, &l, "returned", 0, NULL, at, error);
}

gboolean
nt_leaves_cancel (NtStore  *store,
                  gint64    leave_id,
                  GError  **error)
{
  g_auto(Leave) l = { 0 };

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_RECORD_CHECKS, error))
    return FALSE;

  if (!load_leave (store, leave_id, &l, error))
    return FALSE;
  if (!g_str_equal (l.state, "requested") && !g_str_equal (l.state, "approved"))
    {
      set_wrong_state (&l, _("only a leave the student has not used yet can be cancelled"), error);
      return FALSE;
    }
  return update_state (store, &l, "cancelled", 0, NULL, NULL, error);
}

/* ----- reading ----------------------------------------------------------- */

/* ?9 is the time at which "overdue" is judged. */
#define LEAVE_SELECT \
  "SELECT l.id, l.student_id, s.code, s.full_name, c.name, r.number, bl.name, l.from_time, l.to_time, " \
  "  l.reason, l.destination, l.guardian_name, l.guardian_phone, l.state, l.approved_by, st.full_name, " \
  "  l.out_at, l.returned_at, l.note, (l.state IN ('approved', 'out') AND l.to_time < ?9) " \
  "FROM leaves l JOIN students s ON s.id = l.student_id " \
  "LEFT JOIN classes c ON c.id = s.class_id " \
  "LEFT JOIN bed_assignments a ON a.student_id = s.id AND a.end_date IS NULL " \
  "LEFT JOIN beds b ON b.id = a.bed_id LEFT JOIN rooms r ON r.id = b.room_id " \
  "LEFT JOIN buildings bl ON bl.id = r.building_id " \
  "LEFT JOIN staff st ON st.id = l.approved_by "

static NtLeave *
leave_from_row (sqlite3_stmt *stmt)
{
  NtLeave *l = g_object_new (NT_TYPE_LEAVE, NULL);

  l->id = sqlite3_column_int64 (stmt, 0);
  l->student_id = sqlite3_column_int64 (stmt, 1);
  l->student_code = nt_sql_column_dup (stmt, 2);
  l->student_name = nt_sql_column_dup (stmt, 3);
  l->class_name = nt_sql_column_dup (stmt, 4);
  l->room_number = nt_sql_column_dup (stmt, 5);
  l->building_name = nt_sql_column_dup (stmt, 6);
  l->from_time = nt_sql_column_dup (stmt, 7);
  l->to_time = nt_sql_column_dup (stmt, 8);
  l->reason = nt_sql_column_dup (stmt, 9);
  l->destination = nt_sql_column_dup (stmt, 10);
  l->guardian_name = nt_sql_column_dup (stmt, 11);
  l->guardian_phone = nt_sql_column_dup (stmt, 12);
  l->state = nt_sql_column_dup (stmt, 13);
  l->approved_by = sqlite3_column_int64 (stmt, 14);
  l->approved_by_name = nt_sql_column_dup (stmt, 15);
  l->out_at = nt_sql_column_dup (stmt, 16);
  l->returned_at = nt_sql_column_dup (stmt, 17);
  l->note = nt_sql_column_dup (stmt, 18);
  l->overdue = sqlite3_column_int (stmt, 19);
  return l;
}

/* Runs @sql (LEAVE_SELECT and more) with ?1 = @id, ?2/?3 = @a/@b and ?9 =
 * @at_time (now when %NULL). */
static GListStore *
list_leaves (NtStore     *store,
             const char  *sql,
             gint64       id,
             const char  *a,
             const char  *b,
             const char  *at_time,
             GError     **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store, sql, error);
  g_autofree char *now = NULL;
  GListStore *list;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (a)
    nt_sql_bind_text (stmt, 2, a);
  if (b)
    nt_sql_bind_text (stmt, 3, b);
  nt_sql_bind_text (stmt, 9, time_or_now (at_time, &now));
  list = g_list_store_new (NT_TYPE_LEAVE);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(NtLeave) l = leave_from_row (stmt);
      g_list_store_append (list, l);
    }
  if (rc != SQLITE_DONE)
    {
      nt_store_set_error (store, error, _("read the leave"));
      sqlite3_reset (stmt);
      g_object_unref (list);
      return NULL;
    }
  sqlite3_reset (stmt);
  return list;
}

/**
 * nt_leaves_load:
 * @at_time: (nullable): when "overdue" is judged, %NULL for now
 *
 * Returns: (transfer full): the leave, or %NULL with @error set
 */
NtLeave *
nt_leaves_load (NtStore     *store,
                gint64       leave_id,
                const char  *at_time,
                GError     **error)
{
  g_autoptr(GListStore) list = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  list = list_leaves (store, LEAVE_SELECT "WHERE l.id = ?1", leave_id, NULL, NULL, at_time, error);
  if (list == NULL)
    return NULL;
  if (g_list_model_get_n_items (G_LIST_MODEL (list)) == 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                   _("The leave no longer exists."));
      return NULL;
    }
  return g_list_model_get_item (G_LIST_MODEL (list), 0);
}

/**
 * nt_leaves_student_history:
 *
 * Returns: (transfer full): NtLeave rows of one student, newest first
 */
GListStore *
nt_leaves_student_history (NtStore     *store,
                           gint64       student_id,
                           const char  *at_time,
                           GError     **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  return list_leaves (store, LEAVE_SELECT "WHERE l.student_id = ?1 ORDER BY l.from_time DESC, l.id DESC",
                      student_id, NULL, NULL, at_time, error);
}

/**
 * nt_leaves_overdue:
 * @at_time: (nullable): the time to judge at, %NULL for now
 *
 * Returns: (transfer full): the leaves approved or out whose end has passed
 *   at @at_time and whose student has not been marked back, most overdue
 *   first
 */
GListStore *
nt_leaves_overdue (NtStore     *store,
                   const char  *at_time,
                   GError     **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  return list_leaves (store,
                      LEAVE_SELECT "WHERE l.state IN ('approved', 'out') AND l.to_time < ?9 "
                      "ORDER BY l.to_time, s.name_key, l.id",
                      0, NULL, NULL, at_time, error);
}

/**
 * nt_leaves_pending:
 * @at_time: (nullable): the time, %NULL for now
 *
 * The requests still waiting for approval that have not ended yet.
 *
 * Returns: (transfer full): NtLeave rows, the soonest to start first
 */
GListStore *
nt_leaves_pending (NtStore     *store,
                   const char  *at_time,
                   GError     **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  return list_leaves (store,
                      LEAVE_SELECT "WHERE l.state = 'requested' AND l.to_time >= ?9 "
                      "ORDER BY l.from_time, s.name_key, l.id",
                      0, NULL, NULL, at_time, error);
}

/**
 * nt_leaves_student_out:
 *
 * Returns: the leave @student_id is out on now (marked out, not back), or 0
 */
gint64
nt_leaves_student_out (NtStore *store,
                       gint64   student_id)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (NT_IS_STORE (store), 0);

  stmt = nt_store_prepare (store, "SELECT ifnull (max (id), 0) FROM leaves WHERE student_id = ?1 AND state = 'out'",
                           NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, student_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/**
 * nt_leaves_out_now:
 * @at_time: (nullable): the time, %NULL for now
 *
 * Who is away at @at_time: marked out and not back (overdue ones too, with
 * their flag), or approved for a time that covers @at_time (the supervisor
 * may not have marked them out). For a past time, a leave since returned
 * counts while the student was away.
 *
 * Returns: (transfer full): NtLeave rows, soonest due back first
 */
GListStore *
nt_leaves_out_now (NtStore     *store,
                   const char  *at_time,
                   GError     **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  return list_leaves (store,
                      LEAVE_SELECT
                      "WHERE (l.state = 'out' AND ifnull (l.out_at, l.from_time) <= ?9) "
                      "   OR (l.state = 'approved' AND l.from_time <= ?9 AND l.to_time > ?9) "
                      "   OR (l.state = 'returned' AND ifnull (l.out_at, l.from_time) <= ?9 AND l.returned_at > ?9) "
                      "ORDER BY l.to_time, s.name_key, l.id",
                      0, NULL, NULL, at_time, error);
}

/**
 * nt_leaves_list_range:
 * @from_date: first day (ISO)
 * @to_date: last day (ISO)
 * @at_time: (nullable): when "overdue" is judged, %NULL for now
 *
 * Returns: (transfer full): every leave (cancelled ones too) that touches
 *   the days from @from_date to @to_date, newest first
 */
GListStore *
nt_leaves_list_range (NtStore     *store,
                      const char  *from_date,
                      const char  *to_date,
                      const char  *at_time,
                      GError     **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (from_date != NULL && to_date != NULL, NULL);

  return list_leaves (store,
                      LEAVE_SELECT "WHERE l.from_time <= ?3 || ' 23:59' AND l.to_time > ?2 || ' 00:00' "
                      "ORDER BY l.from_time DESC, l.id DESC",
                      0, from_date, to_date, at_time, error);
}

/**
 * nt_leaves_scope_students:
 * @class_id: a class, or 0 for all
 * @building_id: a building, or 0 for all (then @floor is ignored)
 * @floor: a floor of @building_id, or 0 for the whole building
 * @date_iso: (nullable): the night whose beds count, %NULL for today
 *
 * The boarders a bulk leave is usually for: active boarding students of a
 * class, of a building or a floor (by their bed that night), or all.
 *
 * Returns: (transfer full): student ids (gint64), in name order
 */
GArray *
nt_leaves_scope_students (NtStore     *store,
                          gint64       class_id,
                          gint64       building_id,
                          int          floor,
                          const char  *date_iso)
{
  sqlite3_stmt *stmt;
  g_autofree char *today = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (NT_IS_STORE (store), ids);

  stmt = nt_store_prepare (store,
                           "SELECT s.id FROM students s "
                           "WHERE s.active = 1 AND s.boarding = 'boarding' AND (?1 = 0 OR s.class_id = ?1) "
                           "  AND (?2 = 0 OR EXISTS (SELECT 1 FROM bed_assignments a "
                           "    JOIN beds b ON b.id = a.bed_id JOIN rooms r ON r.id = b.room_id "
                           "    WHERE a.student_id = s.id AND r.building_id = ?2 AND (?3 = 0 OR r.floor = ?3) "
                           "      AND a.start_date <= ?4 AND (a.end_date IS NULL OR a.end_date > ?4))) "
                           "ORDER BY s.name_key, s.id", NULL);
  g_return_val_if_fail (stmt != NULL, ids);
  if (date_iso == NULL)
    date_iso = today = nt_date_today_iso ();
  sqlite3_bind_int64 (stmt, 1, class_id);
  sqlite3_bind_int64 (stmt, 2, building_id);
  sqlite3_bind_int (stmt, 3, floor);
  nt_sql_bind_text (stmt, 4, date_iso);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return ids;
}
