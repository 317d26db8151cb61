/* nt-commitments.c: who signed which rule set, and who must still sign
 *
 * A signature is a row of commitments for one version of a set. Only the
 * latest version counts: a person whose newest signature is of an earlier
 * version is "out of date" and must sign again. People who left are never
 * asked to sign, and their old signatures are kept but counted nowhere.
 *
 * A scanned copy of the paper form is copied into a folder beside the
 * database ("<db>-files/commitments/"), and the row keeps its path relative
 * to "<db>-files", so that copying the database with its folder (a backup,
 * another computer) keeps the scans.
 */
#define G_LOG_DOMAIN "nt-commitments"

#include <string.h>

#include "nt-access.h"
#include "nt-commitments.h"
#include "nt-commitments-private.h"
#include "nt-date.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-row.h"
#include "nt-sql.h"
#include "nt-staff.h"
#include "nt-util.h"

/* ----- list rows --------------------------------------------------------- */

static const NtRowField entry_fields[] = {
  NT_ROW_PROPERTY (NtCommitmentEntry, person_id, "person-id", INT64),
  NT_ROW_PROPERTY (NtCommitmentEntry, full_name, "full-name", STRING),
  NT_ROW_PROPERTY (NtCommitmentEntry, group, "group", STRING),
  NT_ROW_PROPERTY (NtCommitmentEntry, status, "status", INT),
  NT_ROW_PROPERTY (NtCommitmentEntry, signed_on, "signed-on", STRING),
  NT_ROW_PROPERTY (NtCommitmentEntry, kind, "kind", INT),
  NT_ROW_OWNED_STRING (NtCommitmentEntry, code),
  NT_ROW_OWNED_STRING (NtCommitmentEntry, gender),
  NT_ROW_OWNED_STRING (NtCommitmentEntry, birth_date),
  NT_ROW_OWNED_STRING (NtCommitmentEntry, role),
  NT_ROW_OWNED_STRING (NtCommitmentEntry, boarding),
  NT_ROW_OWNED_STRING (NtCommitmentEntry, building_name),
  NT_ROW_OWNED_STRING (NtCommitmentEntry, room_number),
  NT_ROW_OWNED_STRING (NtCommitmentEntry, bed_label),
  NT_ROW_OWNED_STRING (NtCommitmentEntry, homeroom_name),
  NT_ROW_OWNED_STRING (NtCommitmentEntry, guardian_name),
  NT_ROW_OWNED_STRING (NtCommitmentEntry, collected_by_name),
  NT_ROW_OWNED_STRING (NtCommitmentEntry, scan_path),
};

NT_DEFINE_ROW_TYPE (NtCommitmentEntry, nt_commitment_entry, entry_fields)

static const NtRowField coverage_fields[] = {
  NT_ROW_PROPERTY (NtCommitmentCoverage, group, "group", STRING),
  NT_ROW_PROPERTY (NtCommitmentCoverage, total, "total", UINT),
  NT_ROW_PROPERTY (NtCommitmentCoverage, n_signed, "n-signed", UINT),
  NT_ROW_PROPERTY (NtCommitmentCoverage, n_missing, "n-missing", UINT),
  NT_ROW_PROPERTY (NtCommitmentCoverage, n_outdated, "n-outdated", UINT),
  NT_ROW_PROPERTY (NtCommitmentCoverage, percent, "percent", DOUBLE),
  NT_ROW_PROPERTY (NtCommitmentCoverage, missing_names, "missing-names", STRING),
  NT_ROW_OWNED_STRING (NtCommitmentCoverage, key),
};

NT_DEFINE_ROW_TYPE (NtCommitmentCoverage, nt_commitment_coverage, coverage_fields)

const char *
nt_commitment_status_label (NtCommitmentStatus status)
{
  switch (status)
    {
    case NT_COMMITMENT_SIGNED:
      return _("Signed");
    case NT_COMMITMENT_OUTDATED:
      /* TRANSLATORS: signed an earlier version of the rules; must sign again */
      return _("Out of date");
    case NT_COMMITMENT_MISSING:
      /* TRANSLATORS: has not signed the commitment */
      return _("Not signed");
    default:
      return "";
    }
}

/* ----- the people -------------------------------------------------------- */

/* The newest signature of the person in the family ?1. */
#define LATEST_SIGNATURE(who_column, who) \
  "LEFT JOIN commitments cm ON cm.id = (SELECT c2.id FROM commitments c2 " \
  "  JOIN rule_sets r2 ON r2.id = c2.rule_set_id " \
  "  WHERE r2.family = ?1 AND c2." who_column " = " who " ORDER BY r2.version DESC LIMIT 1) " \
  "LEFT JOIN rule_sets rs ON rs.id = cm.rule_set_id " \
  "LEFT JOIN staff col ON col.id = cm.collected_by "

#define SIGNATURE_COLUMNS \
  "cm.id, rs.version, cm.signed_on, cm.guardian_signed, cm.collected_by, col.full_name, cm.scan_path "

#define ROLE_ORDER \
  "CASE st.role WHEN 'principal' THEN 0 WHEN 'vice_principal' THEN 1 WHEN 'supervisor' THEN 2 " \
  "WHEN 'teacher' THEN 3 WHEN 'office' THEN 4 WHEN 'medical' THEN 5 WHEN 'guard' THEN 6 ELSE 7 END"

enum
{
  Q_ID, Q_CODE, Q_NAME, Q_GENDER, Q_BIRTH, Q_CLASS_ID, Q_GROUP, Q_ROLE, Q_BOARDING,
  Q_BUILDING, Q_ROOM, Q_BED, Q_HOMEROOM, Q_GUARDIAN,
  Q_CM_ID, Q_CM_VERSION, Q_CM_SIGNED_ON, Q_CM_GUARDIAN, Q_CM_COLLECTED_BY, Q_CM_COLLECTED_NAME, Q_CM_SCAN,
};

static NtCommitmentEntry *
entry_from_row (sqlite3_stmt *stmt,
                NtPersonKind  kind,
                int           latest_version)
{
  NtCommitmentEntry *e = g_object_new (NT_TYPE_COMMITMENT_ENTRY, NULL);

  e->kind = kind;
  e->person_id = sqlite3_column_int64 (stmt, Q_ID);
  e->code = nt_sql_column_dup (stmt, Q_CODE);
  e->full_name = nt_sql_column_dup (stmt, Q_NAME);
  e->gender = nt_sql_column_dup (stmt, Q_GENDER);
  e->birth_date = nt_sql_column_dup (stmt, Q_BIRTH);
  e->class_id = sqlite3_column_int64 (stmt, Q_CLASS_ID);
  e->role = nt_sql_column_dup (stmt, Q_ROLE);
  if (kind == NT_PERSON_STAFF)
    e->group = g_strdup (nt_staff_role_label (e->role));
  else
    e->group = nt_sql_column_dup (stmt, Q_GROUP);
  e->boarding = nt_sql_column_dup (stmt, Q_BOARDING);
  e->building_name = nt_sql_column_dup (stmt, Q_BUILDING);
  e->room_number = nt_sql_column_dup (stmt, Q_ROOM);
  e->bed_label = nt_sql_column_dup (stmt, Q_BED);
  e->homeroom_name = nt_sql_column_dup (stmt, Q_HOMEROOM);
  e->guardian_name = nt_sql_column_dup (stmt, Q_GUARDIAN);
  e->commitment_id = sqlite3_column_int64 (stmt, Q_CM_ID);
  e->signed_version = sqlite3_column_int (stmt, Q_CM_VERSION);
  e->signed_on = nt_sql_column_dup (stmt, Q_CM_SIGNED_ON);
  e->guardian_signed = sqlite3_column_int (stmt, Q_CM_GUARDIAN) != 0;
  e->collected_by = sqlite3_column_int64 (stmt, Q_CM_COLLECTED_BY);
  e->collected_by_name = nt_sql_column_dup (stmt, Q_CM_COLLECTED_NAME);
  e->scan_path = nt_sql_column_dup (stmt, Q_CM_SCAN);
  if (e->commitment_id == 0)
    e->status = NT_COMMITMENT_MISSING;
  else if (e->signed_version < latest_version)
    e->status = NT_COMMITMENT_OUTDATED;
  else
    e->status = NT_COMMITMENT_SIGNED;
  return e;
}

static gboolean
append_entries (NtStore                  *store,
                GListStore               *list,
                NtRuleSet                *set,
                NtPersonKind              kind,
                const NtCommitmentScope  *scope,
                GError                  **error)
{
  static const char students_sql[] =
    "SELECT s.id, s.code, s.full_name, s.gender, s.birth_date, s.class_id, c.name, NULL, s.boarding, "
    "  bu.name, r.number, b.label, h.full_name, s.guardian_name, " SIGNATURE_COLUMNS
    "FROM students s JOIN classes c ON c.id = s.class_id "
    "LEFT JOIN staff h ON h.id = c.homeroom_id "
    "LEFT JOIN bed_assignments a ON a.student_id = s.id AND a.end_date IS NULL "
    "LEFT JOIN beds b ON b.id = a.bed_id LEFT JOIN rooms r ON r.id = b.room_id "
    "LEFT JOIN buildings bu ON bu.id = r.building_id "
    LATEST_SIGNATURE ("student_id", "s.id")
    "WHERE s.active = 1 AND (?2 = 0 OR s.class_id = ?2) AND (?3 = 0 OR s.id = ?3) "
    "  AND (?4 = 0 OR s.boarding = 'boarding') "
    "ORDER BY c.grade, c.name, s.name_key, s.id";
  static const char staff_sql[] =
    "SELECT st.id, st.code, st.full_name, st.gender, NULL, 0, NULL, st.role, NULL, "
    "  NULL, NULL, NULL, NULL, NULL, " SIGNATURE_COLUMNS
    "FROM staff st "
    LATEST_SIGNATURE ("staff_id", "st.id")
    "WHERE st.active = 1 AND (?2 = '' OR st.role = ?2) AND (?3 = 0 OR st.id = ?3) "
    "ORDER BY " ROLE_ORDER ", st.name_key, st.id";
  sqlite3_stmt *stmt = nt_store_prepare (store, kind == NT_PERSON_STUDENT ? students_sql : staff_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, set->family, -1, SQLITE_TRANSIENT);
  if (kind == NT_PERSON_STUDENT)
    {
      sqlite3_bind_int64 (stmt, 2, scope->class_id);
      sqlite3_bind_int64 (stmt, 3, scope->student_id);
      sqlite3_bind_int (stmt, 4, nt_rule_set_boarders_only (set));
    }
  else
    {
      sqlite3_bind_text (stmt, 2, scope->role ? scope->role : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, scope->staff_id);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(NtCommitmentEntry) e = entry_from_row (stmt, kind, set->latest_version);

      if (!scope->unsigned_only || e->status != NT_COMMITMENT_SIGNED)
        g_list_store_append (list, e);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      nt_store_set_error (store, error, _("Reading who signed the rules"));
      return FALSE;
    }
  return TRUE;
}

/**
 * nt_commitments_entries:
 * @set: a version of a rule set (its family is what counts)
 * @scope: (nullable): whom to list; %NULL for everyone who must sign
 *
 * Everyone who must sign @set within @scope: the students by class and
 * name, then the staff by role and name, each with their newest signature
 * and whether it is of the latest version.
 *
 * Returns: (transfer full): a list of #NtCommitmentEntry
 */
GListStore *
nt_commitments_entries (NtStore                  *store,
                        NtRuleSet                *set,
                        const NtCommitmentScope  *scope,
                        GError                  **error)
{
  NtCommitmentScope everyone = { 0 };
  g_autoptr(GListStore) list = NULL;
  gboolean students, staff;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (NT_IS_RULE_SET (set), NULL);

  if (scope == NULL)
    scope = &everyone;
  list = g_list_store_new (NT_TYPE_COMMITMENT_ENTRY);
  /* A filter on one kind of person (a class, a student) leaves out the other. */
  students = nt_rule_set_for_students (set) && !scope->staff_only && scope->role == NULL && scope->staff_id == 0;
  staff = nt_rule_set_for_staff (set) && !scope->students_only && scope->class_id == 0 && scope->student_id == 0;
  if (students && !append_entries (store, list, set, NT_PERSON_STUDENT, scope, error))
    return NULL;
  if (staff && !append_entries (store, list, set, NT_PERSON_STAFF, scope, error))
    return NULL;
  return g_steal_pointer (&list);
}

/* ----- coverage ---------------------------------------------------------- */

static void
coverage_finish (NtCommitmentCoverage *c,
                 GString              *missing)
{
  c->percent = c->total > 0 ? 100.0 * c->n_signed / c->total : 100.0;
  c->missing_names = g_strdup (missing->str);
  g_string_truncate (missing, 0);
}

/**
 * nt_commitments_coverage:
 *
 * How far each class and each staff role has signed @set: the signed, the
 * missing and the out of date, the percentage signed, and the names of the
 * people still to sign (the out of date ones too). Classes first, in their
 * order, then the roles.
 *
 * Returns: (transfer full): a list of #NtCommitmentCoverage
 */
GListStore *
nt_commitments_coverage (NtStore    *store,
                         NtRuleSet  *set,
                         GError    **error)
{
  g_autoptr(GListStore) entries = NULL;
  g_autoptr(GListStore) groups = NULL;
  g_autoptr(GString) missing = g_string_new (NULL);
  NtCommitmentCoverage *current = NULL;
  guint n;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (NT_IS_RULE_SET (set), NULL);

  entries = nt_commitments_entries (store, set, NULL, error);
  if (entries == NULL)
    return NULL;
  groups = g_list_store_new (NT_TYPE_COMMITMENT_COVERAGE);
  n = g_list_model_get_n_items (G_LIST_MODEL (entries));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtCommitmentEntry) e = g_list_model_get_item (G_LIST_MODEL (entries), i);
      const char *key = e->kind == NT_PERSON_STAFF ? e->role : e->group;

      if (current == NULL || current->kind != e->kind || g_strcmp0 (current->key, key) != 0)
        {
          g_autoptr(NtCommitmentCoverage) c = g_object_new (NT_TYPE_COMMITMENT_COVERAGE, NULL);

          if (current)
            coverage_finish (current, missing);
          c->kind = e->kind;
          c->key = g_strdup (key);
          c->group = g_strdup (e->group);
          g_list_store_append (groups, c);
          current = c;
        }
      current->total++;
      switch ((NtCommitmentStatus) e->status)
        {
        case NT_COMMITMENT_SIGNED:
          current->n_signed++;
          break;
        case NT_COMMITMENT_OUTDATED:
          current->n_outdated++;
          break;
        case NT_COMMITMENT_MISSING:
          current->n_missing++;
          break;
        default:
          g_assert_not_reached ();
        }
      if (e->status != NT_COMMITMENT_SIGNED)
        {
          if (missing->len)
            g_string_append (missing, ", ");
          g_string_append (missing, e->full_name);
        }
    }
  if (current)
    coverage_finish (current, missing);
  return g_steal_pointer (&groups);
}

/* Counts with one query per kind, without building the rows: the Overview
 * asks on every change. */
static gboolean
count_kind (NtStore      *store,
            NtRuleSet    *set,
            NtPersonKind  kind,
            guint        *total,
            guint        *n_signed,
            guint        *n_missing,
            GError      **error)
{
  static const char students_sql[] =
    "SELECT count(*), coalesce(sum(v = ?2), 0), coalesce(sum(v IS NULL), 0) FROM "
    "(SELECT (SELECT max(r2.version) FROM commitments c2 JOIN rule_sets r2 ON r2.id = c2.rule_set_id "
    "  WHERE r2.family = ?1 AND c2.student_id = s.id) AS v FROM students s WHERE s.active = 1 "
    "  AND (?3 = 0 OR s.boarding = 'boarding'))";
  static const char staff_sql[] =
    "SELECT count(*), coalesce(sum(v = ?2), 0), coalesce(sum(v IS NULL), 0) FROM "
    "(SELECT (SELECT max(r2.version) FROM commitments c2 JOIN rule_sets r2 ON r2.id = c2.rule_set_id "
    "  WHERE r2.family = ?1 AND c2.staff_id = st.id) AS v FROM staff st WHERE st.active = 1)";
  sqlite3_stmt *stmt = nt_store_prepare (store, kind == NT_PERSON_STUDENT ? students_sql : staff_sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, set->family, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, set->latest_version);
  if (kind == NT_PERSON_STUDENT)
    sqlite3_bind_int (stmt, 3, nt_rule_set_boarders_only (set));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      nt_store_set_error (store, error, _("Counting who signed the rules"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  *total += (guint) sqlite3_column_int64 (stmt, 0);
  *n_signed += (guint) sqlite3_column_int64 (stmt, 1);
  *n_missing += (guint) sqlite3_column_int64 (stmt, 2);
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * nt_commitments_totals:
 *
 * The whole school's figures for @set: everyone who must sign it, how many
 * signed its latest version, how many never signed, how many signed an
 * earlier version only. Any out parameter may be %NULL.
 */
gboolean
nt_commitments_totals (NtStore    *store,
                       NtRuleSet  *set,
                       guint      *total,
                       guint      *n_signed,
                       guint      *n_missing,
                       guint      *n_outdated,
                       GError    **error)
{
  guint t = 0, s = 0, m = 0;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (NT_IS_RULE_SET (set), FALSE);

  if (nt_rule_set_for_students (set) && !count_kind (store, set, NT_PERSON_STUDENT, &t, &s, &m, error))
    return FALSE;
  if (nt_rule_set_for_staff (set) && !count_kind (store, set, NT_PERSON_STAFF, &t, &s, &m, error))
    return FALSE;
  if (total)
    *total = t;
  if (n_signed)
    *n_signed = s;
  if (n_missing)
    *n_missing = m;
  if (n_outdated)
    *n_outdated = t - s - m;
  return TRUE;
}

/**
 * nt_commitments_school_percent:
 * @total: (out) (optional): the signatures needed, over every rule set
 * @n_signed: (out) (optional): those given for the latest versions
 *
 * The school's figure against the 100 % target: of every signature the
 * rule sets ask for (each person once per set that concerns them), the
 * share given for the latest version.
 *
 * Returns: the percentage, 0 to 100; -1 when there is nothing to sign (no
 *   rule set, or nobody in the school)
 */
double
nt_commitments_school_percent (NtStore *store,
                               guint   *total,
                               guint   *n_signed)
{
  g_autoptr(GListStore) sets = NULL;
  guint t = 0, s = 0;

  g_return_val_if_fail (NT_IS_STORE (store), -1);

  sets = nt_rule_sets_list (store, NULL);
  for (guint i = 0; sets && i < g_list_model_get_n_items (G_LIST_MODEL (sets)); i++)
    {
      g_autoptr(NtRuleSet) set = g_list_model_get_item (G_LIST_MODEL (sets), i);
      guint st = 0, ss = 0;

      if (nt_commitments_totals (store, set, &st, &ss, NULL, NULL, NULL))
        {
          t += st;
          s += ss;
        }
    }
  if (total)
    *total = t;
  if (n_signed)
    *n_signed = s;
  return t > 0 ? 100.0 * s / t : -1;
}

/* ----- signing ----------------------------------------------------------- */

typedef struct
{
  char     *name;
  gboolean  active;
  char     *left_on;
  gboolean  boarding;    /* a boarding student */
} Person;

static void
person_clear (Person *p)
{
  g_clear_pointer (&p->name, g_free);
  g_clear_pointer (&p->left_on, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Person, person_clear)

static gboolean
load_person (NtStore       *store,
             NtPersonKind   kind,
             gint64         id,
             Person        *p,
             GError       **error)
{
  sqlite3_stmt *stmt;

  if (kind == NT_PERSON_STUDENT)
    stmt = nt_store_row_for_id (store, "SELECT full_name, active, left_on, boarding = 'boarding' FROM students "
                                "WHERE id = ?1", id, _("The student no longer exists."), error);
  else
    stmt = nt_store_row_for_id (store, "SELECT full_name, active, NULL, 0 FROM staff WHERE id = ?1", id,
                                _("The staff member no longer exists."), error);
  if (stmt == NULL)
    return FALSE;
  p->name = nt_sql_column_dup (stmt, 0);
  p->active = sqlite3_column_int (stmt, 1) == 1;
  p->left_on = nt_sql_column_dup (stmt, 2);
  p->boarding = sqlite3_column_int (stmt, 3) == 1;
  sqlite3_reset (stmt);
  return TRUE;
}

/* What does not depend on the person: the version, the date, the collector. */
static gboolean
check_common (NtStore                  *store,
              const NtCommitmentInput  *input,
              NtRuleSet               **set_out,
              char                    **date_out,
              GError                  **error)
{
  g_autoptr(NtRuleSet) set = NULL;
  g_autofree char *date = NULL;
  g_autofree char *today = nt_date_today_iso ();

  set = nt_rule_sets_load (store, input->rule_set_id, error);
  if (set == NULL)
    return FALSE;
  if (set->version < set->latest_version)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Version %d of “%s” has been replaced by version %d; signatures are collected for the latest version only."),
                   set->version, set->name, set->latest_version);
      return FALSE;
    }
  if (input->kind == NT_PERSON_STUDENT && !nt_rule_set_for_students (set))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("“%s” is for staff only; students do not sign it."), set->name);
      return FALSE;
    }
  if (input->kind == NT_PERSON_STAFF && !nt_rule_set_for_staff (set))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("“%s” is for students only; staff do not sign it."), set->name);
      return FALSE;
    }
  if (nt_str_empty (input->signed_on))
    date = g_strdup (today);
  else
    {
      date = nt_commitments_parse_date (input->signed_on, _("The signing date"), error);
      if (date == NULL)
        return FALSE;
    }
  if (strcmp (date, today) > 0)
    {
      g_autofree char *shown = nt_date_iso_to_display (date);

      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The signing date %s is in the future; a form is recorded when it comes back signed."), shown);
      return FALSE;
    }
  if (input->guardian_signed && input->kind == NT_PERSON_STAFF)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Only a student’s form has a guardian’s signature."));
      return FALSE;
    }
  if (input->collected_by != 0)
    {
      g_auto(Person) collector = { 0 };

      if (!load_person (store, NT_PERSON_STAFF, input->collected_by, &collector, error))
        return FALSE;
      if (!collector.active)
        {
          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("%s, who would collect the forms, no longer works at the school."), collector.name);
          return FALSE;
        }
    }
  *set_out = g_steal_pointer (&set);
  *date_out = g_steal_pointer (&date);
  return TRUE;
}

static gint64
sign_one (NtStore                  *store,
          const NtCommitmentInput  *input,
          NtRuleSet                *set,
          const char               *date,
          gint64                    person_id,
          GError                  **error)
{
  g_auto(Person) p = { 0 };
  const char *who = input->kind == NT_PERSON_STUDENT ? "student_id" : "staff_id";
  g_autofree char *find_sql = g_strdup_printf ("SELECT id FROM commitments WHERE rule_set_id = ?1 AND %s = ?2", who);
  sqlite3_stmt *stmt;
  gint64 id = 0;

  if (!load_person (store, input->kind, person_id, &p, error))
    return 0;
  if (!p.active)
    {
      if (input->kind == NT_PERSON_STUDENT)
        {
          g_autofree char *left = nt_date_iso_to_display (p.left_on);

          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("%s left the school on %s and no longer signs the rules."), p.name, left);
        }
      else
        g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                     _("%s no longer works at the school and no longer signs the rules."), p.name);
      return 0;
    }
  if (input->kind == NT_PERSON_STUDENT && nt_rule_set_boarders_only (set) && !p.boarding)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s is not a boarding student; “%s” is signed by the boarding students only."),
                   p.name, set->name);
      return 0;
    }

  stmt = nt_store_prepare (store, find_sql, error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, set->id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (id != 0)
    stmt = nt_store_prepare (store,
                             "UPDATE commitments SET signed_on = ?3, guardian_signed = ?4, collected_by = ?5 "
                             "WHERE id = ?6", error);
  else if (input->kind == NT_PERSON_STUDENT)
    stmt = nt_store_prepare (store,
                             "INSERT INTO commitments (rule_set_id, student_id, signed_on, guardian_signed, collected_by) "
                             "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  else
    stmt = nt_store_prepare (store,
                             "INSERT INTO commitments (rule_set_id, staff_id, signed_on, guardian_signed, collected_by) "
                             "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, set->id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, input->guardian_signed ? 1 : 0);
  if (input->collected_by != 0)
    sqlite3_bind_int64 (stmt, 5, input->collected_by);
  else
    sqlite3_bind_null (stmt, 5);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 6, id);
  if (!nt_store_step_done (store, stmt, error))
    return 0;
  return id != 0 ? id : sqlite3_last_insert_rowid (nt_store_get_db (store));
}

/**
 * nt_commitments_sign:
 *
 * Records that input->person_id signed the version input->rule_set_id on
 * input->signed_on (today when empty); signing again replaces the date,
 * the guardian's signature and the collector. Refused for a version that
 * is not the latest, a person who left, a date in the future, a person the
 * set is not for.
 *
 * Returns: the id of the commitment, 0 with @error set
 */
gint64
nt_commitments_sign (NtStore                  *store,
                     const NtCommitmentInput  *input,
                     GError                  **error)
{
  g_autoptr(NtRuleSet) set = NULL;
  g_autofree char *date = NULL;
  gint64 id;

  g_return_val_if_fail (NT_IS_STORE (store), 0);
  g_return_val_if_fail (input != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!nt_access_require (store, NT_PERM_RECORD_COMMITMENTS, error) ||
      !check_common (store, input, &set, &date, error))
    return 0;
  id = sign_one (store, input, set, date, input->person_id, error);
  if (id != 0)
    nt_store_emit_changed (store, "commitments");
  return id;
}

/**
 * nt_commitments_sign_batch:
 * @person_ids: (array length=n_people): students or staff, as input->kind says
 *
 * Records the forms of many people at once (the forms of a class, come
 * back): all of them in one transaction with the same date, or none when
 * one is refused (the message names that person).
 */
gboolean
nt_commitments_sign_batch (NtStore                  *store,
                           const NtCommitmentInput  *input,
                           const gint64             *person_ids,
                           guint                     n_people,
                           GError                  **error)
{
  g_autoptr(NtRuleSet) set = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (person_ids != NULL || n_people == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!nt_access_require (store, NT_PERM_RECORD_COMMITMENTS, error) ||
      !check_common (store, input, &set, &date, error))
    return FALSE;
  if (n_people == 0)
    return TRUE;
  if (!nt_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < n_people; i++)
    if (sign_one (store, input, set, date, person_ids[i], error) == 0)
      {
        nt_store_rollback (store);
        return FALSE;
      }
  if (!nt_store_commit (store, error))
    return FALSE;
  nt_store_emit_changed (store, "commitments");
  return TRUE;
}

/**
 * nt_commitments_remove:
 *
 * Forgets a signature recorded by mistake. The scanned copy, if any, stays
 * in the files folder.
 */
gboolean
nt_commitments_remove (NtStore  *store,
                       gint64    commitment_id,
                       GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!nt_access_require (store, NT_PERM_RECORD_COMMITMENTS, error))
    return FALSE;
  stmt = nt_store_prepare (store, "DELETE FROM commitments WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, commitment_id);
  if (!nt_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (nt_store_get_db (store)) == 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("The signature no longer exists."));
      return FALSE;
    }
  nt_store_emit_changed (store, "commitments");
  return TRUE;
}

/* ----- scanned copies ---------------------------------------------------- */

/**
 * nt_commitments_files_dir:
 *
 * Returns: (transfer full): the folder beside the database that keeps its
 *   files ("<database>-files")
 */
char *
nt_commitments_files_dir (NtStore *store)
{
  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  return g_strconcat (nt_store_get_path (store), "-files", NULL);
}

/**
 * nt_commitments_scan_file:
 * @scan_path: a commitment's scan_path
 *
 * Returns: (transfer full): the full path of the scanned copy
 */
char *
nt_commitments_scan_file (NtStore    *store,
                          const char *scan_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (scan_path != NULL, NULL);

  dir = nt_commitments_files_dir (store);
  return g_build_filename (dir, scan_path, NULL);
}

/**
 * nt_commitments_attach_scan:
 * @source_path: the scanned form (a PDF or a picture)
 *
 * Copies @source_path into "<database>-files/commitments/" as
 * "<commitment id>-<file name>" and keeps that path with the commitment.
 */
gboolean
nt_commitments_attach_scan (NtStore     *store,
                            gint64       commitment_id,
                            const char  *source_path,
                            GError     **error)
{
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *base = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *files_dir = NULL;
  g_autofree char *full = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (source_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!nt_access_require (store, NT_PERM_RECORD_COMMITMENTS, error))
    return FALSE;
  stmt = nt_store_row_for_id (store, "SELECT id FROM commitments WHERE id = ?1", commitment_id,
                              _("The signature no longer exists."), error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_reset (stmt);
  if (!g_file_test (source_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                   _("The scanned copy “%s” does not exist or is not a file."), source_path);
      return FALSE;
    }

  base = g_path_get_basename (source_path);
  g_strdelimit (base, "/\\:*?\"<>| ", '_');
  file_name = g_strdup_printf ("%" G_GINT64_FORMAT "-%s", commitment_id, base);
  /* "/" on every system: the path is kept in the database. */
  relative = g_strconcat ("commitments/", file_name, NULL);
  files_dir = nt_commitments_files_dir (store);
  full = g_build_filename (files_dir, relative, NULL);
  source = g_file_new_for_path (source_path);
  target = g_file_new_for_path (full);
  folder = g_file_get_parent (target);
  if (!g_file_make_directory_with_parents (folder, NULL, &local) &&
      !g_error_matches (local, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_IO, _("Could not make the folder for scanned copies, %s: %s"),
                   g_file_peek_path (folder), local->message);
      return FALSE;
    }
  g_clear_error (&local);
  if (!g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_IO, _("Could not copy the scanned copy “%s” to %s: %s"),
                   source_path, full, local->message);
      return FALSE;
    }

  stmt = nt_store_prepare (store, "UPDATE commitments SET scan_path = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, relative, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, commitment_id);
  if (!nt_store_step_done (store, stmt, error))
    return FALSE;
  nt_store_emit_changed (store, "commitments");
  return TRUE;
}
