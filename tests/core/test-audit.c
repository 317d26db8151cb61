/* test-audit.c: reading the audit trail with filters, for those allowed */
#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "nt-access.h"
#include "nt-audit.h"
#include "nt-auth.h"
#include "nt-commitments.h"
#include "nt-date.h"
#include "nt-error.h"
#include "nt-incidents.h"
#include "nt-leaves.h"
#include "nt-reports.h"
#include "nt-staff.h"
#include "nt-student.h"
#include "nt-students.h"
#include "nt-test-util.h"
#include "nt-util.h"
#include "report-fixture.h"

static void
test_filters_and_words (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (12);
  g_autoptr(GError) error = NULL;
  g_autoptr(NtStudent) student = NULL;
  g_autoptr(GListStore) list = NULL;
  g_autoptr(NtAuditEntry) first = NULL;
  g_autofree char *words = NULL;
  g_autofree char *old_name = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  gint64 principal = nt_store_count (store, "SELECT min(id) FROM staff WHERE role = 'principal'");
  gint64 supervisor = nt_store_count (store, "SELECT min(id) FROM staff WHERE role = 'supervisor'");
  NtAuditFilter by_principal = { today, today, "students", 0, 0 };
  NtAuditFilter yesterday = { "2000-01-01", "2000-01-02", NULL, 0, 0 };
  NtAuditFilter program = { NULL, NULL, NULL, -1, 10 };

  g_assert_true (nt_store_set_actor (store, principal, &error));
  student = nt_students_load (store, 3, &error);
  g_assert_no_error (error);
  old_name = g_strdup (student->full_name);
  g_free (student->full_name);
  student->full_name = g_strdup ("Lò Thị Păng");
  g_assert_true (nt_students_save (store, student, NULL, &error));
  g_assert_no_error (error);
  /* A sign-in try counted changes nothing a person sees: not listed. */
  g_assert_true (nt_auth_set_secret (store, principal, "4321", &error));
  g_assert_false (nt_auth_verify (store, principal, "0000", &error));
  g_clear_error (&error);

  by_principal.staff_id = principal;
  list = nt_audit_list (store, &by_principal, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (first->action, ==, "update");
  g_assert_cmpint (first->row_id, ==, 3);
  g_assert_cmpint (first->staff_id, ==, principal);
  g_assert_cmpstr (first->staff_name, !=, "");
  words = nt_audit_describe (store, first);
  /* Only the name changed: one line, before → after. */
  expected = g_strdup_printf ("%s → Lò Thị Păng", old_name);
  g_assert_nonnull (strstr (words, expected));
  g_assert_null (strchr (words, '\n'));
  g_clear_object (&list);

  list = nt_audit_list (store, &yesterday, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_clear_object (&list);

  /* The demo school was written by the program itself. */
  list = nt_audit_list (store, &program, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 10);
  g_clear_object (&list);

  /* The sign-in counts are not among the staff changes. */
  {
    NtAuditFilter staff = { today, today, "staff", principal, 0 };
    list = nt_audit_list (store, &staff, &error);
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
      {
        g_autoptr(NtAuditEntry) e = g_list_model_get_item (G_LIST_MODEL (list), i);
        g_autofree char *d = nt_audit_describe (store, e);
        g_assert_cmpstr (d, !=, "");
      }
    g_clear_object (&list);
  }

  g_assert_true (nt_store_set_actor (store, supervisor, &error));
  g_assert_null (nt_audit_list (store, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
}

/* The report "audit": the period's changes, oldest first, in words. */
static void
test_report (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (13);
  g_autoptr(GError) error = NULL;
  g_autoptr(NtStudent) student = NULL;
  g_autoptr(Xlsx) x = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *path = nt_test_tmp_path ("audit.xlsx");
  g_autofree char *expected = NULL;
  gint64 principal = nt_store_count (store, "SELECT min(id) FROM staff WHERE role = 'principal'");
  gint64 supervisor = nt_store_count (store, "SELECT min(id) FROM staff WHERE role = 'supervisor'");
  NtReportOptions options = { .from = today, .to = today };
  const char *sheet;
  gboolean found = FALSE;

  g_assert_true (nt_store_set_actor (store, principal, &error));
  student = nt_students_load (store, 7, &error);
  g_assert_cmpstr (student->guardian_name, !=, "");
  expected = g_strdup_printf ("%s → Quàng Văn Pọm", student->guardian_name);
  g_free (student->guardian_name);
  student->guardian_name = g_strdup ("Quàng Văn Pọm");
  g_assert_true (nt_students_save (store, student, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (nt_reports_write (store, "audit", &options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  x = fx_read_xlsx (path);
  sheet = x->sheets->pdata[0];
  g_assert_cmpstr (fx_value (x, sheet, "A4"), ==, _(nt_reports_find ("audit")->title));
  /* The last row is the change: No., when, who, action, record, changes. */
  for (int row = 8; row < 100000 && !found; row++)
    {
      g_autofree char *f = fx_coord (5, row);
      const char *changes = fx_value (x, sheet, f);
      if (changes == NULL || changes[0] == '\0')
        break;
      if (strstr (changes, expected) != NULL)
        {
          g_autofree char *record = fx_coord (4, row);
          g_autofree char *who = fx_coord (2, row);
          /* The record by its name, not its number. */
          g_assert_nonnull (strstr (fx_value (x, sheet, record), student->full_name));
          g_assert_null (strstr (fx_value (x, sheet, record), "#7"));
          g_assert_cmpstr (fx_value (x, sheet, who), !=, "");
          found = TRUE;
        }
    }
  g_assert_true (found);

  /* A supervisor may not read the trail, nor export it. */
  g_assert_true (nt_store_set_actor (store, supervisor, &error));
  g_assert_false (nt_reports_write (store, "audit", &options, path, NULL, NULL, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
}

/* Calls @func on every column of every table that has audit triggers,
 * with the SQL of the table's trigger @suffix ("_audit_update"). Returns
 * the tables seen. */
typedef void (*ColumnFunc) (const char *table,
                            const char *column,
                            const char *trigger,
                            gpointer    data);

static guint
each_audited_column (NtStore    *store,
                     const char *suffix,
                     ColumnFunc  func,
                     gpointer    data)
{
  sqlite3 *db = nt_store_get_db (store);
  g_autofree char *sql = g_strdup_printf ("SELECT t.name, g.sql FROM sqlite_master t JOIN sqlite_master g "
                                          "ON g.type = 'trigger' AND g.name = t.name || '%s' "
                                          "WHERE t.type = 'table'", suffix);
  sqlite3_stmt *tables = NULL;
  guint n_tables = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      const char *trigger = (const char *) sqlite3_column_text (tables, 1);
      g_autofree char *info = g_strdup_printf ("PRAGMA table_info (%s)", table);
      sqlite3_stmt *columns = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, info, -1, &columns, NULL), ==, SQLITE_OK);
      while (sqlite3_step (columns) == SQLITE_ROW)
        func (table, (const char *) sqlite3_column_text (columns, 1), trigger, data);
      sqlite3_finalize (columns);
      n_tables++;
    }
  sqlite3_finalize (tables);
  return n_tables;
}

static void
check_recorded (const char *table,
                const char *column,
                const char *trigger,
                gpointer    data)
{
  static const char * const skipped[] = {
    "name_key", "search_text", "pin_hash", "failed_logins", "locked_until", "content", "reporter_name", NULL,
  };
  g_autofree char *quoted = g_strdup_printf ("'%s'", column);

  if (!g_strv_contains (skipped, column) && strstr (trigger, quoted) == NULL)
    g_error ("The audit trail of %s leaves out %s", table, column);
}

/* Every column a person can change is in the audit trail: each table's
 * update trigger names every column but the search keys, the sign-in
 * secrets and the confidential content (migration 005 mended the ones the
 * trigger generator had skipped). */
static void
test_every_column (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();

  g_assert_cmpuint (each_audited_column (store, "_audit_update", check_recorded, NULL), >, 25);
}

/* ----- words a principal reads --------------------------------------------- */

/* Every entry of @table made today, newest first. */
static GListStore *
entries_of (NtStore    *store,
            const char *table)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = nt_date_today_iso ();
  NtAuditFilter filter = { today, today, table, 0, 0 };
  GListStore *list = nt_audit_list (store, &filter, &error);

  g_assert_no_error (error);
  return list;
}

static gboolean
has_iso_date (const char *text)
{
  for (const char *p = text; *p; p++)
    if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3])
        && p[4] == '-' && g_ascii_isdigit (p[5]) && g_ascii_isdigit (p[6]) && p[7] == '-'
        && g_ascii_isdigit (p[8]) && g_ascii_isdigit (p[9]))
      return TRUE;
  return FALSE;
}

/* What a principal must never meet: a column name, an ISO date, "∅". */
static void
assert_readable (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  if (has_iso_date (text) || strstr (text, "∅") != NULL)
    g_error ("Not readable: %s", text);
  for (guint i = 0; lines[i]; i++)
    {
      const char *colon = strstr (lines[i], ": ");
      g_autofree char *label = colon ? g_strndup (lines[i], colon - lines[i]) : NULL;

      if (label && strchr (label, '_') != NULL)
        g_error ("A column name for a label: %s", lines[i]);
    }
}

/* Every column of every table the triggers record has a name a person
 * knows, and every such table too: a column added to the schema without
 * one fails here. */
static void
check_labelled (const char *table,
                const char *column,
                const char *trigger,
                gpointer    data)
{
  g_autofree char *quoted = g_strdup_printf ("'%s'", column);

  if (g_strcmp0 (nt_audit_table_label (table), table) == 0)
    g_error ("The table %s has no name in the audit trail", table);
  /* Only what the trail records; "id" is never shown. */
  if (g_str_equal (column, "id") || strstr (trigger, quoted) == NULL)
    return;
  if (g_strcmp0 (nt_audit_column_label (table, column), column) == 0)
    g_error ("The column %s.%s has no name in the audit trail", table, column);
  (*(guint *) data)++;
}

static void
test_every_label (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  guint n_columns = 0;

  each_audited_column (store, "_audit_insert", check_labelled, &n_columns);
  g_assert_cmpuint (n_columns, >, 200);
}

/* A student changed, a commitment signed, a leave approved: names, words
 * and dd/mm/yyyy, never ids, codes or ISO dates. */
static void
test_readable_words (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (14);
  g_autoptr(GError) error = NULL;
  g_autoptr(NtStudent) student = NULL;
  g_autoptr(GListStore) list = NULL;
  g_autoptr(NtAuditEntry) e = NULL;
  g_autofree char *d = NULL;
  g_autofree char *name = NULL;
  g_autofree char *principal_name = NULL;
  g_autofree char *class_name = NULL;
  g_autofree char *rule_set_name = NULL;
  g_autofree char *old_gender = NULL;
  g_autofree char *class_sql = NULL;
  g_autofree char *set_sql = NULL;
  g_autofree char *today = nt_date_today_iso ();
  g_autofree char *today_shown = nt_date_iso_to_display (today);
  g_autofree char *expected = NULL;
  gint64 principal = nt_store_count (store, "SELECT min(id) FROM staff WHERE role = 'principal'");
  gint64 rule_set = nt_store_count (store, "SELECT max(id) FROM rule_sets r WHERE audience <> 'staff' AND version = (SELECT max(version) FROM rule_sets WHERE family = r.family)");
  gint64 leave_id, class_id;

  g_assert_true (nt_store_set_actor (store, principal, &error));
  principal_name = nt_test_query_text (store, "SELECT full_name FROM staff WHERE role = 'principal' ORDER BY id LIMIT 1");

  /* The student: gender, class and date of birth by their words. */
  student = nt_students_load (store, 5, &error);
  g_assert_no_error (error);
  class_sql = g_strdup_printf ("SELECT min(id) FROM classes WHERE id <> %" G_GINT64_FORMAT, student->class_id);
  class_id = nt_store_count (store, class_sql);
  g_free (class_sql);
  class_sql = g_strdup_printf ("SELECT name FROM classes WHERE id = %" G_GINT64_FORMAT, class_id);
  class_name = nt_test_query_text (store, class_sql);
  old_gender = g_strdup (student->gender);
  nt_set_str (&student->gender, g_str_equal (old_gender, "M") ? "F" : "M");
  student->class_id = class_id;
  nt_set_str (&student->birth_date, "2011-03-09");
  g_assert_true (nt_students_save (store, student, NULL, &error));
  g_assert_no_error (error);
  list = entries_of (store, "students");
  e = g_list_model_get_item (G_LIST_MODEL (list), 0);
  d = nt_audit_describe (store, e);
  name = nt_audit_record_name (store, e);
  assert_readable (d);
  expected = g_strdup_printf ("%s → %s", nt_gender_label (old_gender), nt_gender_label (student->gender));
  g_assert_nonnull (strstr (d, expected));
  g_assert_nonnull (strstr (d, class_name));
  g_assert_nonnull (strstr (d, "09/03/2011"));
  g_assert_nonnull (strstr (name, student->full_name));
  g_assert_nonnull (strstr (name, student->code));
  g_clear_pointer (&d, g_free);
  g_clear_pointer (&name, g_free);
  g_clear_pointer (&expected, g_free);
  g_clear_object (&e);
  g_clear_object (&list);

  /* A commitment: the student, the rule set and who collected it by name. */
  set_sql = g_strdup_printf ("SELECT min(id) FROM students WHERE active = 1 AND boarding = 'boarding' "
                             "AND id NOT IN (SELECT ifnull (student_id, 0) FROM commitments WHERE rule_set_id = %"
                             G_GINT64_FORMAT ")", rule_set);
  g_clear_object (&student);
  student = nt_students_load (store, nt_store_count (store, set_sql), &error);
  g_assert_no_error (error);
  g_clear_pointer (&set_sql, g_free);
  {
    NtCommitmentInput input = { rule_set, NT_PERSON_STUDENT, student->id, NULL, TRUE, principal };
    gint64 signed_id = nt_commitments_sign (store, &input, &error);
    g_assert_no_error (error);
    g_assert_cmpint (signed_id, >, 0);
  }
  set_sql = g_strdup_printf ("SELECT name FROM rule_sets WHERE id = %" G_GINT64_FORMAT, rule_set);
  rule_set_name = nt_test_query_text (store, set_sql);
  list = entries_of (store, "commitments");
  e = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (e->action, ==, "insert");
  d = nt_audit_describe (store, e);
  name = nt_audit_record_name (store, e);
  assert_readable (d);
  g_assert_nonnull (strstr (d, student->full_name));
  g_assert_nonnull (strstr (d, rule_set_name));
  g_assert_nonnull (strstr (d, principal_name));
  g_assert_nonnull (strstr (d, today_shown));
  /* guardian_signed is a yes, not a 1 */
  g_assert_null (strstr (d, ": 1\n"));
  g_assert_false (g_str_has_suffix (d, ": 1"));
  g_assert_nonnull (strstr (name, student->full_name));
  g_assert_nonnull (strstr (name, rule_set_name));
  g_assert_null (strchr (name, '#'));
  g_clear_pointer (&d, g_free);
  g_clear_pointer (&name, g_free);
  g_clear_object (&e);
  g_clear_object (&list);

  /* A leave approved: its state in words, its times dd/mm/yyyy HH:MM. */
  {
    g_autofree char *from = g_strdup_printf ("%s 16:00", today);
    g_autofree char *to = g_strdup_printf ("%s 19:30", today);
    NtLeaveInput input = { 5, from, to, "home", "Bản Pắc Ma", NULL, NULL, NULL, 0 };

    leave_id = nt_leaves_create (store, &input, &error);
    g_assert_no_error (error);
    g_assert_true (nt_leaves_approve (store, leave_id, principal, &error));
    g_assert_no_error (error);
  }
  list = entries_of (store, "leaves");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >=, 2);
  e = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (e->action, ==, "update");
  d = nt_audit_describe (store, e);
  assert_readable (d);
  expected = g_strdup_printf ("%s → %s", nt_leave_state_label ("requested"), nt_leave_state_label ("approved"));
  g_assert_nonnull (strstr (d, expected));
  g_assert_null (strstr (d, "requested → approved"));
  g_assert_nonnull (strstr (d, principal_name));
  g_clear_pointer (&d, g_free);
  g_clear_pointer (&expected, g_free);
  g_clear_object (&e);
  e = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_cmpstr (e->action, ==, "insert");
  d = nt_audit_describe (store, e);
  assert_readable (d);
  expected = g_strdup_printf ("%s 16:00", today_shown);
  g_assert_nonnull (strstr (d, expected));
  g_assert_nonnull (strstr (d, nt_leave_reason_label ("home")));
  g_assert_null (strstr (d, ": home"));
  g_clear_pointer (&d, g_free);
  g_clear_object (&e);
  g_clear_object (&list);
}

/* A staff member who is gone is said so, by the number the entry kept. */
static void
test_deleted_reference (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (15);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) list = NULL;
  g_autoptr(NtAuditEntry) e = NULL;
  g_autofree char *d = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *sql = NULL;
  NtStaffInput staff = { "GV-TAM", "Hà Thị Tạm", "F", "teacher", "" };
  gint64 rule_set = nt_store_count (store, "SELECT max(id) FROM rule_sets r WHERE audience <> 'staff' AND version = (SELECT max(version) FROM rule_sets WHERE family = r.family)");
  gint64 staff_id = nt_staff_add (store, &staff, &error);
  NtCommitmentInput input = { rule_set, NT_PERSON_STUDENT, 4, NULL, FALSE, staff_id };

  g_assert_no_error (error);
  g_assert_cmpint (nt_commitments_sign (store, &input, &error), >, 0);
  g_assert_no_error (error);
  list = entries_of (store, "commitments");
  e = g_list_model_get_item (G_LIST_MODEL (list), 0);
  d = nt_audit_describe (store, e);
  g_assert_nonnull (strstr (d, "Hà Thị Tạm"));
  g_clear_pointer (&d, g_free);

  sql = g_strdup_printf ("DELETE FROM staff WHERE id = %" G_GINT64_FORMAT, staff_id);
  g_assert_true (nt_store_exec (store, sql, &error));
  g_assert_no_error (error);
  d = nt_audit_describe (store, e);
  gone = g_strdup_printf ("#%" G_GINT64_FORMAT " ", staff_id);
  g_assert_null (strstr (d, "Hà Thị Tạm"));
  g_assert_nonnull (strstr (d, gone));
}

/* Saving an incident rewrites its people: a person deleted and written
 * again unchanged is no change, and the trail does not list it. */
static void
test_rewritten_people (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (16);
  g_autoptr(GError) error = NULL;
  g_autoptr(NtIncident) incident = g_object_new (NT_TYPE_INCIDENT, NULL);
  g_autoptr(GListStore) people = g_list_store_new (NT_TYPE_INCIDENT_PERSON);
  g_autoptr(GListStore) list = NULL;
  g_autoptr(NtIncidentPerson) person = nt_incident_person_new_student (6, "cause");
  g_autofree char *now = nt_leave_time_now ();
  g_autofree char *d = NULL;
  guint n_before, n_after;
  gint64 id;

  incident->occurred_at = g_strdup (now);
  incident->place_kind = g_strdup ("school");
  incident->category = g_strdup ("fighting");
  incident->severity = 1;
  incident->description = g_strdup ("Xô xát ở sân bóng");
  g_list_store_append (people, person);
  id = nt_incidents_save (store, incident, G_LIST_MODEL (people), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  list = entries_of (store, "incident_people");
  n_before = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n_before, >=, 1);
  {
    g_autoptr(NtAuditEntry) e = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autofree char *name = nt_audit_record_name (store, e);

    d = nt_audit_describe (store, e);
    assert_readable (d);
    g_assert_nonnull (strstr (d, nt_incident_part_label ("cause")));
    g_assert_nonnull (strstr (name, nt_incident_category_label ("fighting")));
  }
  g_clear_object (&list);

  /* Saved again with the same person: nothing more about the people. */
  incident->id = id;
  nt_set_str (&incident->description, "Xô xát ở sân bóng, đã hòa giải");
  g_assert_cmpint (nt_incidents_save (store, incident, G_LIST_MODEL (people), &error), ==, id);
  g_assert_no_error (error);
  list = entries_of (store, "incident_people");
  n_after = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n_after, ==, n_before);
  g_clear_object (&list);

  g_assert_true (nt_incidents_close (store, id, "settled", "", now, &error));
  g_assert_no_error (error);
  list = entries_of (store, "incident_people");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_before);
  g_clear_object (&list);
  list = entries_of (store, "incidents");
  {
    g_autoptr(NtAuditEntry) e = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autofree char *closed = nt_audit_describe (store, e);
    g_autofree char *expected = g_strdup_printf ("→ %s", nt_incident_state_label ("closed"));

    assert_readable (closed);
    g_assert_nonnull (strstr (closed, expected));
    g_assert_nonnull (strstr (closed, nt_incident_outcome_label ("settled")));
  }
}

/* All the demo school's entries, of every table: readable, and every
 * record named by what it is. */
static void
test_demo_readable (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (17);
  g_autoptr(GError) error = NULL;
  NtAuditFilter filter = { NULL, NULL, NULL, 0, 5000 };
  g_autoptr(GListStore) list = nt_audit_list (store, &filter, &error);
  g_autoptr(GHashTable) tables = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(NtAuditEntry) e = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *d = nt_audit_describe (store, e);
      g_autofree char *name = nt_audit_record_name (store, e);

      assert_readable (d);
      assert_readable (name);
      if (name[0] == '#')
        g_error ("%s #%" G_GINT64_FORMAT " is not named: %s", e->table_name, e->row_id, name);
      g_hash_table_add (tables, e->table_name);
    }
  g_assert_cmpuint (g_hash_table_size (tables), >, 10);
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);
  g_test_add_func ("/audit/filters-and-words", test_filters_and_words);
  g_test_add_func ("/audit/report", test_report);
  g_test_add_func ("/audit/every-column", test_every_column);
  g_test_add_func ("/audit/every-label", test_every_label);
  g_test_add_func ("/audit/readable-words", test_readable_words);
  g_test_add_func ("/audit/deleted-reference", test_deleted_reference);
  g_test_add_func ("/audit/rewritten-people", test_rewritten_people);
  g_test_add_func ("/audit/demo-readable", test_demo_readable);
  return g_test_run ();
}
