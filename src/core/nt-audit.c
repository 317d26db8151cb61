/* nt-audit.c: reading the audit trail
 *
 * The triggers of the schema write audit_log (append-only: its own
 * triggers refuse UPDATE and DELETE); this file only reads it, for the
 * people allowed to (NT_PERM_VIEW_AUDIT), and says each change in words:
 * "Họ và tên: Lò Thị Pằng → Lò Thị Păng". SQLite's json_each compares the
 * values before and after, so only the fields that changed are shown.
 */
#define G_LOG_DOMAIN "nt-audit"

#include <string.h>

#include "nt-access.h"
#include "nt-audit.h"
#include "nt-audit-private.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-row.h"

#define DEFAULT_LIMIT 500

static const NtRowField audit_fields[] = {
  NT_ROW_PROPERTY (NtAuditEntry, id, "id", INT64),
  NT_ROW_PROPERTY (NtAuditEntry, at, "at", STRING),
  NT_ROW_PROPERTY (NtAuditEntry, staff_id, "staff-id", INT64),
  NT_ROW_PROPERTY (NtAuditEntry, staff_name, "staff-name", STRING),
  NT_ROW_PROPERTY (NtAuditEntry, table_name, "table-name", STRING),
  NT_ROW_PROPERTY (NtAuditEntry, row_id, "row-id", INT64),
  NT_ROW_PROPERTY (NtAuditEntry, action, "action", STRING),
  NT_ROW_OWNED_STRING (NtAuditEntry, changes),
};

NT_DEFINE_ROW_TYPE (NtAuditEntry, nt_audit_entry, audit_fields)

/**
 * nt_audit_list:
 * @filter: (nullable): which entries
 *
 * Reads the audit trail, newest first. Updates that changed nothing a
 * person sees (a sign-in try counted) are left out.
 *
 * Returns: (transfer full): #NtAuditEntry items, or %NULL with
 *   %NT_ERROR_DENIED when the user may not read the trail
 */
GListStore *
nt_audit_list (NtStore             *store,
               const NtAuditFilter *filter,
               GError             **error)
{
  static const NtAuditFilter everything = { NULL, NULL, NULL, 0, 0 };
  g_autoptr(GListStore) out = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  if (!nt_access_require (store, NT_PERM_VIEW_AUDIT, error))
    return NULL;
  if (filter == NULL)
    filter = &everything;

  stmt = nt_store_prepare (store,
                           "SELECT a.id, a.at, ifnull (a.staff_id, 0), ifnull (s.full_name, ''), a.table_name, "
                           "       a.row_id, a.action, " NT_AUDIT_CHANGES_SQL " AS changes "
                           "FROM audit_log AS a LEFT JOIN staff AS s ON s.id = a.staff_id "
                           "WHERE (?1 IS NULL OR a.at >= ?1) AND (?2 IS NULL OR a.at < date (?2, '+1 day')) "
                           "  AND (?3 IS NULL OR a.table_name = ?3) "
                           "  AND (?4 = 0 OR ifnull (a.staff_id, -1) = ?4) "
                           "  AND NOT (a.action = 'update' AND a.old_values IS a.new_values) "
                           "ORDER BY a.id DESC LIMIT ?5",
                           error);
  if (stmt == NULL)
    return NULL;
  if (filter->from_date)
    sqlite3_bind_text (stmt, 1, filter->from_date, -1, SQLITE_TRANSIENT);
  if (filter->to_date)
    sqlite3_bind_text (stmt, 2, filter->to_date, -1, SQLITE_TRANSIENT);
  if (filter->table_name)
    sqlite3_bind_text (stmt, 3, filter->table_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, filter->staff_id);
  sqlite3_bind_int (stmt, 5, filter->limit > 0 ? filter->limit : DEFAULT_LIMIT);

  out = g_list_store_new (NT_TYPE_AUDIT_ENTRY);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(NtAuditEntry) e = g_object_new (NT_TYPE_AUDIT_ENTRY, NULL);

      e->id = sqlite3_column_int64 (stmt, 0);
      e->at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      e->staff_id = sqlite3_column_int64 (stmt, 2);
      e->staff_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      e->table_name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      e->row_id = sqlite3_column_int64 (stmt, 5);
      e->action = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      e->changes = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      g_list_store_append (out, e);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&out);
}

/**
 * nt_audit_tables:
 *
 * Returns: (transfer full): the tables that have entries, sorted
 */
GStrv
nt_audit_tables (NtStore *store)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store, "SELECT DISTINCT table_name FROM audit_log ORDER BY table_name", NULL);
  while (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (stmt)
    sqlite3_reset (stmt);
  return g_strv_builder_end (builder);
}

const char *
nt_audit_action_label (const char *action)
{
  if (g_strcmp0 (action, "insert") == 0)
    return _("Added");
  if (g_strcmp0 (action, "update") == 0)
    return _("Changed");
  if (g_strcmp0 (action, "delete") == 0)
    return _("Deleted");
  return action;
}

/**
 * nt_audit_table_label:
 *
 * Returns: what the records of @table_name are, for a person
 */
const char *
nt_audit_table_label (const char *table_name)
{
  static const struct { const char *table; const char *label; } labels[] = {
    { "school", N_("School") },
    { "staff", N_("Staff") },
    { "classes", N_("Classes") },
    { "students", N_("Students") },
    { "buildings", N_("Buildings") },
    { "rooms", N_("Rooms") },
    { "beds", N_("Beds") },
    { "bed_assignments", N_("Bed assignments") },
    { "posts", N_("Duty posts") },
    { "shift_templates", N_("Shifts") },
    { "staff_availability", N_("Staff availability") },
    { "duties", N_("Duty roster") },
    { "handovers", N_("Hand-over notes") },
    { "rule_sets", N_("Rule sets") },
    { "commitments", N_("Commitments") },
    { "leaves", N_("Leave") },
    { "night_checks", N_("Night checks") },
    { "night_check_entries", N_("Night check entries") },
    { "incidents", N_("Incidents") },
    { "incident_people", N_("People in incidents") },
    { "assessments", N_("Self-assessment") },
    { "assessment_items", N_("Self-assessment items") },
    { "emergency_rolls", N_("Emergency rolls") },
    { "emergency_roll_entries", N_("Emergency roll entries") },
    { "visitors", N_("Visitors") },
    { "room_inspections", N_("Room inspections") },
    { "dialogues", N_("Dialogues") },
    { "confidential_reports", N_("Confidential reports") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].table, table_name) == 0)
      return _(labels[i].label);
  return table_name;
}

/**
 * nt_audit_field_label:
 *
 * Returns: the name a person knows a column by, or @field itself
 */
const char *
nt_audit_field_label (const char *field)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "code", N_("Code") },
    { "full_name", N_("Full name") },
    { "name", N_("Name") },
    { "gender", N_("Gender") },
    { "birth_date", N_("Date of birth") },
    { "class_id", N_("Class") },
    { "ethnicity", N_("Ethnic group") },
    { "home_address", N_("Home address") },
    { "home_commune", N_("Home commune") },
    { "guardian_name", N_("Guardian") },
    { "guardian_phone", N_("Guardian's phone") },
    { "boarding", N_("Boarding") },
    { "priority", N_("Priority group") },
    { "health_notes", N_("Health notes") },
    { "active", N_("Active") },
    { "left_on", N_("Left on") },
    { "left_reason", N_("Reason for leaving") },
    { "personal_id", N_("Personal ID number") },
    { "role", N_("Role") },
    { "phone", N_("Phone") },
    { "student_id", N_("Student") },
    { "bed_id", N_("Bed") },
    { "room_id", N_("Room") },
    { "building_id", N_("Building") },
    { "start_date", N_("From") },
    { "end_date", N_("To") },
    { "from_time", N_("From") },
    { "to_time", N_("To") },
    { "reason", N_("Reason") },
    { "destination", N_("Destination") },
    { "state", N_("State") },
    { "status", N_("Status") },
    { "approved_by", N_("Approved by") },
    { "note", N_("Note") },
    { "notes", N_("Notes") },
    { "date", N_("Date") },
    { "staff_id", N_("Staff member") },
    { "post_id", N_("Post") },
    { "shift_id", N_("Shift") },
    { "label", N_("Label") },
    { "number", N_("Number") },
    { "floor", N_("Floor") },
    { "floors", N_("Floors") },
    { "capacity", N_("Capacity") },
    { "locked", N_("Locked") },
    { "curfew", N_("Curfew") },
    { "school_year", N_("School year") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].field, field) == 0)
      return _(labels[i].label);
  return field;
}

/**
 * nt_audit_describe:
 *
 * Returns: (transfer full): the changed fields, one a line, as
 *   "Full name: old → new" (an update) or "Full name: value"
 */
char *
nt_audit_describe (NtAuditEntry *entry)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) records = NULL;
  gboolean update;

  g_return_val_if_fail (NT_IS_AUDIT_ENTRY (entry), NULL);

  if (entry->changes == NULL)
    return g_strdup ("");
  update = g_strcmp0 (entry->action, "update") == 0;
  records = g_strsplit (entry->changes, "\x1e", -1);
  for (guint i = 0; records[i]; i++)
    {
      g_auto(GStrv) parts = g_strsplit (records[i], "\x1f", 3);
      const char *before, *after;

      if (g_strv_length (parts) != 3)
        continue;
      before = parts[1][0] ? parts[1] : "∅";
      after = parts[2][0] ? parts[2] : "∅";
      if (out->len > 0)
        g_string_append_c (out, '\n');
      if (update)
        g_string_append_printf (out, "%s: %s → %s", nt_audit_field_label (parts[0]), before, after);
      else
        g_string_append_printf (out, "%s: %s", nt_audit_field_label (parts[0]),
                                g_strcmp0 (entry->action, "delete") == 0 ? before : after);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
