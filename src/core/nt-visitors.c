/* nt-visitors.c: the gate book: visitors in and out, students on leave */
#define G_LOG_DOMAIN "noitru-visitors"

#include <string.h>

#include "nt-access.h"
#include "nt-date.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-leaves.h"
#include "nt-roster.h"
#include "nt-row.h"
#include "nt-sql.h"
#include "nt-util.h"
#include "nt-visitors.h"

/* ----- list rows --------------------------------------------------------- */

static const NtRowField visitor_fields[] = {
  NT_ROW_PROPERTY (NtVisitor, id, "id", INT64),
  NT_ROW_PROPERTY (NtVisitor, name, "name", STRING),
  NT_ROW_PROPERTY (NtVisitor, in_at, "in-at", STRING),
  NT_ROW_PROPERTY (NtVisitor, out_at, "out-at", STRING),
  NT_ROW_PROPERTY (NtVisitor, allowed, "allowed", BOOLEAN),
  NT_ROW_PROPERTY (NtVisitor, inside, "inside", BOOLEAN),
  NT_ROW_OWNED_STRING (NtVisitor, id_number),
  NT_ROW_OWNED_STRING (NtVisitor, phone),
  NT_ROW_OWNED_STRING (NtVisitor, student_name),
  NT_ROW_OWNED_STRING (NtVisitor, class_name),
  NT_ROW_OWNED_STRING (NtVisitor, room_number),
  NT_ROW_OWNED_STRING (NtVisitor, staff_name),
  NT_ROW_OWNED_STRING (NtVisitor, purpose),
  NT_ROW_OWNED_STRING (NtVisitor, relation),
  NT_ROW_OWNED_STRING (NtVisitor, guard_name),
};

NT_DEFINE_ROW_TYPE (NtVisitor, nt_visitor, visitor_fields)

const char *
nt_visitor_get_host (NtVisitor *self)
{
  g_return_val_if_fail (NT_IS_VISITOR (self), "");

  if (self->student_name != NULL)
    return self->student_name;
  return self->staff_name ? self->staff_name : "";
}

static const NtRowField allowed_fields[] = {
  NT_ROW_PROPERTY (NtAllowedVisitor, id, "id", INT64),
  NT_ROW_PROPERTY (NtAllowedVisitor, name, "name", STRING),
  NT_ROW_PROPERTY (NtAllowedVisitor, relation, "relation", STRING),
  NT_ROW_OWNED_STRING (NtAllowedVisitor, id_number),
  NT_ROW_OWNED_STRING (NtAllowedVisitor, phone),
};

NT_DEFINE_ROW_TYPE (NtAllowedVisitor, nt_allowed_visitor, allowed_fields)

/* ----- helpers ----------------------------------------------------------- */

static char *
time_now (void)
{
  return nt_leave_time_now ();
}

/* A student's name, or NULL when there is no such active student. */
static char *
student_name (NtStore *store,
              gint64   student_id)
{
  sqlite3_stmt *stmt = nt_store_prepare (store, "SELECT full_name FROM students WHERE id = ?1", NULL);
  char *name = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, student_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = nt_sql_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return name;
}

static gboolean
staff_exists (NtStore *store,
              gint64   staff_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM staff WHERE id = %" G_GINT64_FORMAT, staff_id);

  return nt_store_count (store, sql) == 1;
}

/* ----- allowed visitors -------------------------------------------------- */

/**
 * nt_visitors_is_allowed:
 * @relation: (out) (optional): the relation on the list when allowed
 *
 * Whether a visitor of @student_id is the student's guardian or on the
 * student's allowed list: the same identification number when both have
 * one, else the same name with diacritics and case set aside.
 */
gboolean
nt_visitors_is_allowed (NtStore     *store,
                        gint64       student_id,
                        const char  *name,
                        const char  *id_number,
                        char       **relation)
{
  sqlite3_stmt *stmt;
  gboolean allowed = FALSE;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (relation)
    *relation = NULL;
  if (student_id <= 0 || nt_str_empty (name))
    return FALSE;

  stmt = nt_store_prepare (store,
                           "SELECT relation FROM ("
                           "  SELECT 0 AS k, a.relation, a.name, a.id_number FROM student_allowed_visitors a "
                           "  WHERE a.student_id = ?1 "
                           "  UNION ALL SELECT 1, '', s.guardian_name, '' FROM students s "
                           "  WHERE s.id = ?1 AND length (trim (s.guardian_name)) > 0) "
                           "WHERE (id_number <> '' AND trim (?3) <> '' AND id_number = trim (?3)) "
                           "   OR vi_fold (trim (name)) = vi_fold (trim (?2)) "
                           "ORDER BY k LIMIT 1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, student_id);
  nt_sql_bind_stripped (stmt, 2, name);
  nt_sql_bind_stripped (stmt, 3, id_number);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      allowed = TRUE;
      if (relation)
        {
          const char *r = (const char *) sqlite3_column_text (stmt, 0);

          /* TRANSLATORS: the relation of a visitor who is the student's guardian on record */
          *relation = g_strdup (nt_str_empty (r) ? _("guardian") : r);
        }
    }
  sqlite3_reset (stmt);
  return allowed;
}

gint64
nt_visitors_allowed_add (NtStore                      *store,
                         const NtAllowedVisitorInput  *input,
                         GError                      **error)
{
  g_autofree char *student = NULL;
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (!nt_access_require (store, NT_PERM_RECORD_GATE, error))
    return 0;
  student = student_name (store, input->student_id);
  if (student == NULL)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                   _("There is no student number %lld; nobody was added to an allowed list."),
                   (long long) input->student_id);
      return 0;
    }
  name = g_strstrip (g_strdup (input->name ? input->name : ""));
  if (name[0] == '\0')
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The name of the person allowed to visit %s is empty."), student);
      return 0;
    }

  stmt = nt_store_prepare (store,
                           "INSERT INTO student_allowed_visitors (student_id, name, relation, id_number, phone) "
                           "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, input->student_id);
  nt_sql_bind_stripped (stmt, 2, input->name);
  nt_sql_bind_stripped (stmt, 3, input->relation);
  nt_sql_bind_stripped (stmt, 4, input->id_number);
  nt_sql_bind_stripped (stmt, 5, input->phone);
  if (!nt_store_step_done (store, stmt, error))
    return 0;
  nt_store_emit_changed (store, "student_allowed_visitors");
  return sqlite3_last_insert_rowid (nt_store_get_db (store));
}

gboolean
nt_visitors_allowed_remove (NtStore  *store,
                            gint64    allowed_id,
                            GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_RECORD_GATE, error))
    return FALSE;
  stmt = nt_store_prepare (store, "DELETE FROM student_allowed_visitors WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, allowed_id);
  if (!nt_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (nt_store_get_db (store)) != 1)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                   _("That person is no longer on the allowed list (removed in another window?)."));
      return FALSE;
    }
  nt_store_emit_changed (store, "student_allowed_visitors");
  return TRUE;
}

/**
 * nt_visitors_allowed_list:
 *
 * Returns: (transfer full): the student's guardian on record first (id 0),
 *   then the allowed list in name order
 */
GListStore *
nt_visitors_allowed_list (NtStore  *store,
                          gint64    student_id,
                          GError  **error)
{
  g_autoptr(GListStore) list = g_list_store_new (NT_TYPE_ALLOWED_VISITOR);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store,
                           "SELECT 0, s.guardian_name, '', '', s.guardian_phone, 0 FROM students s "
                           "WHERE s.id = ?1 AND length (trim (s.guardian_name)) > 0 "
                           "UNION ALL SELECT a.id, a.name, a.relation, a.id_number, a.phone, 1 "
                           "FROM student_allowed_visitors a WHERE a.student_id = ?1 "
                           "ORDER BY 6, 2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, student_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(NtAllowedVisitor) a = g_object_new (NT_TYPE_ALLOWED_VISITOR, NULL);

      a->id = sqlite3_column_int64 (stmt, 0);
      a->student_id = student_id;
      a->name = nt_sql_column_dup (stmt, 1);
      a->relation = a->id == 0 ? g_strdup (_("guardian")) : nt_sql_column_dup (stmt, 2);
      a->id_number = nt_sql_column_dup (stmt, 3);
      a->phone = nt_sql_column_dup (stmt, 4);
      g_list_store_append (list, a);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}

/* ----- the guard --------------------------------------------------------- */

/**
 * nt_visitors_guard_on_duty:
 * @at_time: 'YYYY-MM-DD HH:MM'
 *
 * The guard the roster has on duty at @at_time: the first on-duty person
 * whose role is guard, by post name. Supervisors stand at the gate in some
 * schools, but a guard on duty is the one who answers for it.
 *
 * Returns: a staff id, or 0 when the roster has no guard then
 */
gint64
nt_visitors_guard_on_duty (NtStore    *store,
                           const char *at_time)
{
  g_autoptr(GListStore) duties = NULL;
  sqlite3_stmt *stmt;
  gint64 guard = 0;

  g_return_val_if_fail (NT_IS_STORE (store), 0);

  if (!nt_leave_time_valid (at_time))
    return 0;
  duties = nt_roster_on_duty (store, at_time, NULL);
  if (duties == NULL)
    return 0;
  stmt = nt_store_prepare (store, "SELECT role = 'guard' FROM staff WHERE id = ?1", NULL);
  if (stmt == NULL)
    return 0;
  for (guint i = 0; guard == 0 && i < g_list_model_get_n_items (G_LIST_MODEL (duties)); i++)
    {
      g_autoptr(NtDuty) d = g_list_model_get_item (G_LIST_MODEL (duties), i);

      sqlite3_bind_int64 (stmt, 1, d->staff_id);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0))
        guard = d->staff_id;
      sqlite3_reset (stmt);
    }
  return guard;
}

/* ----- visitors in and out ----------------------------------------------- */

/**
 * nt_visitors_check:
 *
 * Checks a visit before it is recorded: a name, exactly one person visited
 * who exists, a valid time not in the future by more than a day.
 */
gboolean
nt_visitors_check (NtStore               *store,
                   const NtVisitorInput  *input,
                   GError               **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (input != NULL, FALSE);

  name = g_strstrip (g_strdup (input->name ? input->name : ""));
  if (name[0] == '\0')
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The visitor's name is empty: write the name as on their identity card."));
      return FALSE;
    }
  if ((input->visit_student_id > 0) == (input->visit_staff_id > 0))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Choose whom %s visits: one student or one staff member."), name);
      return FALSE;
    }
  if (input->visit_student_id > 0)
    {
      g_autofree char *student = student_name (store, input->visit_student_id);

      if (student == NULL)
        {
          g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                       _("The student visited by %s does not exist (number %lld)."),
                       name, (long long) input->visit_student_id);
          return FALSE;
        }
    }
  if (input->visit_staff_id > 0 && !staff_exists (store, input->visit_staff_id))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                   _("The staff member visited by %s does not exist (number %lld)."),
                   name, (long long) input->visit_staff_id);
      return FALSE;
    }
  if (input->in_at != NULL && !nt_leave_time_valid (input->in_at))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The time %s came in, “%s”, is not a date and time (YYYY-MM-DD HH:MM)."),
                   name, input->in_at);
      return FALSE;
    }
  if (input->guard_id > 0 && !staff_exists (store, input->guard_id))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                   _("The guard who let %s in does not exist (number %lld)."),
                   name, (long long) input->guard_id);
      return FALSE;
    }
  return TRUE;
}

/**
 * nt_visitors_record_in:
 *
 * Writes a visitor coming in. The guard is @input's, else the roster's
 * guard on duty, else the person using the program.
 *
 * Returns: the visit's id, or 0 with @error set
 */
gint64
nt_visitors_record_in (NtStore               *store,
                       const NtVisitorInput  *input,
                       GError               **error)
{
  g_autofree char *now = NULL;
  g_autofree char *relation = NULL;
  const char *in_at;
  gboolean allowed;
  gint64 guard;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (!nt_access_require (store, NT_PERM_RECORD_GATE, error) ||
      !nt_visitors_check (store, input, error))
    return 0;

  now = time_now ();
  in_at = input->in_at ? input->in_at : now;
  guard = input->guard_id;
  if (guard <= 0)
    guard = nt_visitors_guard_on_duty (store, in_at);
  if (guard <= 0)
    guard = nt_store_get_actor (store);
  allowed = nt_visitors_is_allowed (store, input->visit_student_id, input->name, input->id_number, &relation);

  stmt = nt_store_prepare (store,
                           "INSERT INTO visitors (name, id_number, phone, visit_student_id, visit_staff_id, "
                           "  purpose, in_at, guard_id, relation, allowed) "
                           "VALUES (?1, ?2, ?3, nullif (?4, 0), nullif (?5, 0), ?6, ?7, nullif (?8, 0), ?9, ?10)",
                           error);
  if (stmt == NULL)
    return 0;
  nt_sql_bind_stripped (stmt, 1, input->name);
  nt_sql_bind_stripped (stmt, 2, input->id_number);
  nt_sql_bind_stripped (stmt, 3, input->phone);
  sqlite3_bind_int64 (stmt, 4, input->visit_student_id);
  sqlite3_bind_int64 (stmt, 5, input->visit_staff_id);
  nt_sql_bind_stripped (stmt, 6, input->purpose);
  nt_sql_bind_stripped (stmt, 7, in_at);
  sqlite3_bind_int64 (stmt, 8, guard);
  /* What the visitor said wins; the list only fills a blank. */
  nt_sql_bind_stripped (stmt, 9, !nt_str_empty (input->relation) ? input->relation : relation);
  sqlite3_bind_int (stmt, 10, allowed);
  if (!nt_store_step_done (store, stmt, error))
    return 0;
  nt_store_emit_changed (store, "visitors");
  return sqlite3_last_insert_rowid (nt_store_get_db (store));
}

/**
 * nt_visitors_record_out:
 * @at_time: (nullable): when the visitor left, or %NULL for now
 */
gboolean
nt_visitors_record_out (NtStore     *store,
                        gint64       visitor_id,
                        const char  *at_time,
                        GError     **error)
{
  g_autofree char *now = NULL;
  g_autofree char *name = NULL;
  g_autofree char *in_at = NULL;
  g_autofree char *out_at = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_RECORD_GATE, error))
    return FALSE;
  stmt = nt_store_row_for_id (store, "SELECT name, in_at, out_at FROM visitors WHERE id = ?1", visitor_id,
                              _("This visit is no longer in the gate book (removed in another window?)."), error);
  if (stmt == NULL)
    return FALSE;
  name = nt_sql_column_dup (stmt, 0);
  in_at = nt_sql_column_dup (stmt, 1);
  out_at = nt_sql_column_dup (stmt, 2);
  sqlite3_reset (stmt);

  now = time_now ();
  if (at_time == NULL)
    at_time = now;
  if (out_at != NULL)
    {
      g_autofree char *shown = nt_leave_time_to_display (out_at);

      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("%s already went out at %s."), name, shown);
      return FALSE;
    }
  if (!nt_leave_time_valid (at_time))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The time %s went out, “%s”, is not a date and time (YYYY-MM-DD HH:MM)."), name, at_time);
      return FALSE;
    }
  if (strcmp (at_time, in_at) < 0)
    {
      g_autofree char *shown_out = nt_leave_time_to_display (at_time);
      g_autofree char *shown_in = nt_leave_time_to_display (in_at);

      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s cannot have gone out at %s, before coming in at %s."), name, shown_out, shown_in);
      return FALSE;
    }

  stmt = nt_store_prepare (store, "UPDATE visitors SET out_at = ?2 WHERE id = ?1 AND out_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, visitor_id);
  nt_sql_bind_stripped (stmt, 2, at_time);
  if (!nt_store_step_done (store, stmt, error))
    return FALSE;
  nt_store_emit_changed (store, "visitors");
  return TRUE;
}

/**
 * nt_visitors_undo_out:
 *
 * Takes back a visitor's way out written by mistake: they are inside again
 * (on the emergency roll). The audit trail keeps both changes.
 */
gboolean
nt_visitors_undo_out (NtStore  *store,
                      gint64    visitor_id,
                      GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_RECORD_GATE, error))
    return FALSE;
  stmt = nt_store_prepare (store, "UPDATE visitors SET out_at = NULL WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, visitor_id);
  if (!nt_store_step_done (store, stmt, error))
    return FALSE;
  nt_store_emit_changed (store, "visitors");
  return TRUE;
}

/* ----- students through the gate ----------------------------------------- */

/* The first leave id that @sql (?1 the student, ?2 the time) selects, or 0
 * for none or when it cannot be read. */
static gint64
leave_id_for (NtStore    *store,
              const char *sql,
              gint64      student_id,
              const char *at)
{
  sqlite3_stmt *stmt = nt_store_prepare (store, sql, NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, student_id);
  sqlite3_bind_text (stmt, 2, at, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* The leave a student goes out on at @at: approved, not ended, starting on
 * that day or before (a student may leave some hours before the time on the
 * paper, not a day early); the earliest such. */
static gint64
leave_to_go_out (NtStore    *store,
                 gint64      student_id,
                 const char *at)
{
  return leave_id_for (store,
                       "SELECT id FROM leaves WHERE student_id = ?1 AND state = 'approved' "
                       "AND substr (from_time, 1, 10) <= substr (?2, 1, 10) AND to_time > ?2 "
                       "ORDER BY from_time, id LIMIT 1",
                       student_id, at);
}

/* The leave a student comes back from: the one they went out on (the
 * latest), else an approved one already started that nobody marked out. */
static gint64
leave_to_come_back (NtStore    *store,
                    gint64      student_id,
                    const char *at)
{
  return leave_id_for (store,
                       "SELECT id FROM leaves WHERE student_id = ?1 "
                       "AND (state = 'out' OR (state = 'approved' AND from_time <= ?2)) "
                       "ORDER BY state = 'out' DESC, from_time DESC, id DESC LIMIT 1",
                       student_id, at);
}

static gboolean
check_student_time (NtStore     *store,
                    gint64       student_id,
                    const char  *at,
                    char       **name,
                    GError     **error)
{
  *name = student_name (store, student_id);
  if (*name == NULL)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                   _("There is no student number %lld; nothing was written at the gate."),
                   (long long) student_id);
      return FALSE;
    }
  if (!nt_leave_time_valid (at))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The time %s passed the gate, “%s”, is not a date and time (YYYY-MM-DD HH:MM)."),
                   *name, at ? at : "");
      return FALSE;
    }
  return TRUE;
}

/**
 * nt_visitors_student_out:
 * @at_time: (nullable): when the student went out, or %NULL for now
 *
 * A boarder goes out through the gate: their approved leave is marked out
 * (nt_leaves_mark_out), so the night check sees them away on leave. A
 * student without an approved leave for that day is refused: the guard
 * must not let them through.
 *
 * Returns: the leave's id, or 0 with @error set
 */
gint64
nt_visitors_student_out (NtStore     *store,
                         gint64       student_id,
                         const char  *at_time,
                         GError     **error)
{
  g_autofree char *now = time_now ();
  g_autofree char *name = NULL;
  const char *at = at_time ? at_time : now;
  gint64 leave;

  g_return_val_if_fail (NT_IS_STORE (store), 0);

  if (!nt_access_require (store, NT_PERM_RECORD_GATE, error) ||
      !check_student_time (store, student_id, at, &name, error))
    return 0;
  leave = leave_to_go_out (store, student_id, at);
  if (leave == 0)
    {
      g_autofree char *shown = nt_leave_time_to_display (at);

      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s has no approved leave for %s: a boarder goes out only on an approved leave."),
                   name, shown);
      return 0;
    }
  if (!nt_leaves_mark_out (store, leave, at, error))
    return 0;
  return leave;
}

/**
 * nt_visitors_student_back:
 * @at_time: (nullable): when the student came back, or %NULL for now
 *
 * A boarder comes back through the gate: the leave they are out on is
 * marked returned (nt_leaves_mark_returned).
 *
 * Returns: the leave's id, or 0 with @error set
 */
gint64
nt_visitors_student_back (NtStore     *store,
                          gint64       student_id,
                          const char  *at_time,
                          GError     **error)
{
  g_autofree char *now = time_now ();
  g_autofree char *name = NULL;
  const char *at = at_time ? at_time : now;
  gint64 leave;

  g_return_val_if_fail (NT_IS_STORE (store), 0);

  if (!nt_access_require (store, NT_PERM_RECORD_GATE, error) ||
      !check_student_time (store, student_id, at, &name, error))
    return 0;
  leave = leave_to_come_back (store, student_id, at);
  if (leave == 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s is not out on leave: there is no leave to mark returned."), name);
      return 0;
    }
  if (!nt_leaves_mark_returned (store, leave, at, error))
    return 0;
  return leave;
}

/**
 * nt_visitors_students_through:
 * @date: ISO date
 *
 * Returns: (transfer full): the #NtLeave of the students who went out or
 *   came back on @date, by the latest of the two times
 */
GListStore *
nt_visitors_students_through (NtStore     *store,
                              const char  *date,
                              GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (NT_TYPE_LEAVE);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *now = time_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  stmt = nt_store_prepare (store,
                           "SELECT id FROM leaves WHERE substr (out_at, 1, 10) = ?1 "
                           "OR substr (returned_at, 1, 10) = ?1 "
                           "ORDER BY max (ifnull (out_at, ''), ifnull (returned_at, '')) DESC, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(NtLeave) l = nt_leaves_load (store, g_array_index (ids, gint64, i), now, error);

      if (l == NULL)
        return NULL;
      g_list_store_append (list, l);
    }
  return g_steal_pointer (&list);
}

/* ----- reading ----------------------------------------------------------- */

#define VISITOR_SELECT \
  "SELECT v.id, v.name, v.id_number, v.phone, ifnull (v.visit_student_id, 0), s.full_name, c.name, r.number, " \
  "  ifnull (v.visit_staff_id, 0), sf.full_name, v.purpose, v.relation, v.in_at, v.out_at, " \
  "  ifnull (v.guard_id, 0), g.full_name, v.allowed " \
  "FROM visitors v LEFT JOIN students s ON s.id = v.visit_student_id " \
  "LEFT JOIN classes c ON c.id = s.class_id " \
  "LEFT JOIN bed_assignments a ON a.student_id = s.id AND a.end_date IS NULL " \
  "LEFT JOIN beds b ON b.id = a.bed_id LEFT JOIN rooms r ON r.id = b.room_id " \
  "LEFT JOIN staff sf ON sf.id = v.visit_staff_id " \
  "LEFT JOIN staff g ON g.id = v.guard_id "

static NtVisitor *
visitor_from_row (sqlite3_stmt *stmt)
{
  NtVisitor *v = g_object_new (NT_TYPE_VISITOR, NULL);

  v->id = sqlite3_column_int64 (stmt, 0);
  v->name = nt_sql_column_dup (stmt, 1);
  v->id_number = nt_sql_column_dup (stmt, 2);
  v->phone = nt_sql_column_dup (stmt, 3);
  v->visit_student_id = sqlite3_column_int64 (stmt, 4);
  v->student_name = nt_sql_column_dup (stmt, 5);
  v->class_name = nt_sql_column_dup (stmt, 6);
  v->room_number = nt_sql_column_dup (stmt, 7);
  v->visit_staff_id = sqlite3_column_int64 (stmt, 8);
  v->staff_name = nt_sql_column_dup (stmt, 9);
  v->purpose = nt_sql_column_dup (stmt, 10);
  v->relation = nt_sql_column_dup (stmt, 11);
  v->in_at = nt_sql_column_dup (stmt, 12);
  v->out_at = nt_sql_column_dup (stmt, 13);
  v->guard_id = sqlite3_column_int64 (stmt, 14);
  v->guard_name = nt_sql_column_dup (stmt, 15);
  v->allowed = sqlite3_column_int (stmt, 16) != 0;
  v->inside = v->out_at == NULL;
  return v;
}

static GListStore *
visitors_from (NtStore       *store,
               sqlite3_stmt  *stmt)
{
  GListStore *list = g_list_store_new (NT_TYPE_VISITOR);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(NtVisitor) v = visitor_from_row (stmt);

      g_list_store_append (list, v);
    }
  sqlite3_reset (stmt);
  return list;
}

NtVisitor *
nt_visitors_load (NtStore  *store,
                  gint64    visitor_id,
                  GError  **error)
{
  sqlite3_stmt *stmt;
  NtVisitor *v;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_row_for_id (store, VISITOR_SELECT "WHERE v.id = ?1", visitor_id,
                              _("This visit is no longer in the gate book (removed in another window?)."), error);
  if (stmt == NULL)
    return NULL;
  v = visitor_from_row (stmt);
  sqlite3_reset (stmt);
  return v;
}

/**
 * nt_visitors_inside:
 *
 * Returns: (transfer full): the #NtVisitor rows not out yet, the earliest in
 *   first (the one inside longest is the one to ask about)
 */
GListStore *
nt_visitors_inside (NtStore  *store,
                    GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store, VISITOR_SELECT "WHERE v.out_at IS NULL ORDER BY v.in_at, v.id", error);
  if (stmt == NULL)
    return NULL;
  return visitors_from (store, stmt);
}

/**
 * nt_visitors_count_inside:
 *
 * Returns: how many visitors are inside now (for the Overview)
 */
guint
nt_visitors_count_inside (NtStore *store)
{
  g_return_val_if_fail (NT_IS_STORE (store), 0);

  return (guint) MAX (0, nt_store_count (store, "SELECT count(*) FROM visitors WHERE out_at IS NULL"));
}

/**
 * nt_visitors_list_range:
 * @from_date: ISO, the first day
 * @to_date: ISO, the last day
 *
 * Returns: (transfer full): the visits that came in on those days, latest first
 */
GListStore *
nt_visitors_list_range (NtStore     *store,
                        const char  *from_date,
                        const char  *to_date,
                        GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (from_date != NULL && to_date != NULL, NULL);

  stmt = nt_store_prepare (store,
                           VISITOR_SELECT "WHERE v.in_at >= ?1 || ' 00:00' AND v.in_at <= ?2 || ' 23:59' "
                           "ORDER BY v.in_at DESC, v.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to_date, -1, SQLITE_TRANSIENT);
  return visitors_from (store, stmt);
}
