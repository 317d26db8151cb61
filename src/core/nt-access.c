/* nt-access.c: what each staff role may do
 *
 * The roles come from the staff table; the person using the program is the
 * store's actor. Actor 0 is the system itself (the command line, the demo
 * school, a migration): whoever holds the file there already holds every
 * record, so it is refused nothing.
 */
#define G_LOG_DOMAIN "noitru-access"

#include "nt-access.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-staff.h"

#include <string.h>

#define P(x) (G_GUINT64_CONSTANT (1) << (x))

#define LEADERS   (P (NT_PERM_LAST) - 1)
#define RECORDING (P (NT_PERM_RECORD_CHECKS) | P (NT_PERM_RECORD_INCIDENTS) | P (NT_PERM_VIEW_INCIDENTS) \
                   | P (NT_PERM_WRITE_HANDOVERS) | P (NT_PERM_RECORD_COMMITMENTS) | P (NT_PERM_RECORD_GATE) \
                   | P (NT_PERM_RECORD_DORM_LIFE) | P (NT_PERM_CONFIDENTIAL_WRITE))

static const struct
{
  const char *role;
  guint64     allowed;
} role_permissions[] = {
  { "principal",      LEADERS },
  /* The confidential box is the principal's alone (issue 9). */
  { "vice_principal", LEADERS & ~P (NT_PERM_CONFIDENTIAL_READ) },
  { "supervisor",     RECORDING },
  { "office",         P (NT_PERM_MANAGE_STUDENTS) | P (NT_PERM_MANAGE_ROOMS) | P (NT_PERM_MANAGE_STAFF)
                      | P (NT_PERM_RECORD_COMMITMENTS) | P (NT_PERM_ASSESSMENT_EDIT) | P (NT_PERM_BACKUP)
                      | P (NT_PERM_CONFIDENTIAL_WRITE) },
  { "teacher",        P (NT_PERM_RECORD_COMMITMENTS) | P (NT_PERM_CONFIDENTIAL_WRITE) },
  { "guard",          P (NT_PERM_RECORD_GATE) | P (NT_PERM_WRITE_HANDOVERS) | P (NT_PERM_CONFIDENTIAL_WRITE) },
  { "medical",        P (NT_PERM_WRITE_HANDOVERS) | P (NT_PERM_CONFIDENTIAL_WRITE) },
  { "other",          P (NT_PERM_CONFIDENTIAL_WRITE) },
};

/**
 * nt_access_role_may:
 * @role: a staff role as stored ("principal", "supervisor", …)
 *
 * Returns: whether a person with @role may take @permission's action
 */
gboolean
nt_access_role_may (const char   *role,
                    NtPermission  permission)
{
  g_return_val_if_fail (permission < NT_PERM_LAST, FALSE);

  if (role == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (role_permissions); i++)
    if (strcmp (role_permissions[i].role, role) == 0)
      return (role_permissions[i].allowed & P (permission)) != 0;

  return FALSE;
}

/* The actor's role, or NULL when the actor is no longer an active staff
 * member (a person who left keeps no rights). */
static char *
actor_role (NtStore *store,
            gint64   actor)
{
  sqlite3_stmt *stmt;
  char *role = NULL;

  stmt = nt_store_prepare (store, "SELECT role FROM staff WHERE id = ?1 AND active = 1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, actor);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    role = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return role;
}

/**
 * nt_access_may:
 *
 * Returns: whether the store's actor may take @permission's action
 */
gboolean
nt_access_may (NtStore      *store,
               NtPermission  permission)
{
  g_autofree char *role = NULL;
  gint64 actor;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (permission < NT_PERM_LAST, FALSE);

  actor = nt_store_get_actor (store);
  if (actor == 0)
    return TRUE;

  role = actor_role (store, actor);
  return nt_access_role_may (role, permission);
}

/**
 * nt_access_require:
 *
 * The check every core function that writes (or reads something
 * restricted) makes first.
 *
 * Returns: %TRUE when the actor may; otherwise %FALSE with
 *   %NT_ERROR_DENIED saying what was refused
 */
gboolean
nt_access_require (NtStore       *store,
                   NtPermission   permission,
                   GError       **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (nt_access_may (store, permission))
    return TRUE;

  g_set_error (error, NT_ERROR, NT_ERROR_DENIED,
               _("Your role may not %s. Ask the principal or a vice principal."),
               nt_access_describe (permission));
  return FALSE;
}

/**
 * nt_access_require_either:
 *
 * Like nt_access_require(), for an action two kinds of work lead to (a
 * boarder going out is recorded by the supervisor on the leave or by the
 * guard at the gate). The refusal names @permission.
 */
gboolean
nt_access_require_either (NtStore       *store,
                          NtPermission   permission,
                          NtPermission   alternative,
                          GError       **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (nt_access_may (store, alternative))
    return TRUE;
  return nt_access_require (store, permission, error);
}

/**
 * nt_access_describe:
 *
 * Returns: the action, as the end of the sentence “Your role may not …”
 */
const char *
nt_access_describe (NtPermission permission)
{
  switch (permission)
    {
    case NT_PERM_MANAGE_STUDENTS:    return _("change the student list");
    case NT_PERM_MANAGE_ROOMS:       return _("change rooms, beds or who sleeps where");
    case NT_PERM_MANAGE_STAFF:       return _("change the staff list");
    case NT_PERM_RECORD_CHECKS:      return _("record night checks or leave");
    case NT_PERM_RECORD_INCIDENTS:   return _("record incidents");
    case NT_PERM_VIEW_INCIDENTS:     return _("see incidents");
    case NT_PERM_WRITE_HANDOVERS:    return _("write hand-over notes");
    case NT_PERM_MANAGE_ROSTER:      return _("change the duty roster");
    case NT_PERM_MANAGE_RULES:       return _("change rule sets");
    case NT_PERM_RECORD_COMMITMENTS: return _("record signed commitments");
    case NT_PERM_ASSESSMENT_EDIT:    return _("fill in the self-assessment");
    case NT_PERM_ASSESSMENT_APPROVE: return _("approve the self-assessment");
    case NT_PERM_RECORD_GATE:        return _("record visitors at the gate");
    case NT_PERM_RECORD_DORM_LIFE:   return _("record room inspections or dialogues");
    case NT_PERM_CONFIDENTIAL_WRITE: return _("enter confidential reports");
    case NT_PERM_CONFIDENTIAL_READ:  return _("read confidential reports");
    case NT_PERM_DELETE:             return _("delete records");
    case NT_PERM_BACKUP:             return _("back up or restore the data");
    case NT_PERM_VIEW_AUDIT:         return _("read the audit trail");
    case NT_PERM_LAST:
    default:
      break;
    }
  g_return_val_if_reached ("");
}

/**
 * nt_access_may_open_section:
 * @section: a section of the window ("checks", "incidents"…)
 *
 * The window hides a section the person's role cannot use at all; what it
 * shows for reading stays (a guard reads the roster).
 *
 * Returns: whether the store's actor may open @section
 */
gboolean
nt_access_may_open_section (NtStore    *store,
                            const char *section)
{
  static const struct
  {
    const char   *section;
    NtPermission  permission;
    NtPermission  or_permission;
  } needs[] = {
    { "checks", NT_PERM_RECORD_CHECKS, NT_PERM_RECORD_CHECKS },
    { "leaves", NT_PERM_RECORD_CHECKS, NT_PERM_RECORD_CHECKS },
    { "incidents", NT_PERM_VIEW_INCIDENTS, NT_PERM_RECORD_INCIDENTS },
    { "gate", NT_PERM_RECORD_GATE, NT_PERM_RECORD_GATE },
    /* Anyone may put a report in the confidential box, one of its tabs. */
    { "dorm-life", NT_PERM_RECORD_DORM_LIFE, NT_PERM_CONFIDENTIAL_WRITE },
    { "commitments", NT_PERM_RECORD_COMMITMENTS, NT_PERM_RECORD_COMMITMENTS },
    { "assessment", NT_PERM_ASSESSMENT_EDIT, NT_PERM_ASSESSMENT_APPROVE },
  };

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (section != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (needs); i++)
    if (strcmp (needs[i].section, section) == 0)
      return nt_access_may (store, needs[i].permission) || nt_access_may (store, needs[i].or_permission);
  return TRUE;
}
