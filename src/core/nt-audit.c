/* nt-audit.c: reading the audit trail
 *
 * The triggers of the schema write audit_log (append-only: its own
 * triggers refuse UPDATE and DELETE); this file only reads it, for the
 * people allowed to (NT_PERM_VIEW_AUDIT), and says each change in words:
 * "Họ và tên: Lò Thị Pằng → Lò Thị Păng". SQLite's json_each compares the
 * values before and after, so only the fields that changed are shown.
 * A principal reads it, not a programmer: every column has a name, ids
 * are said as the names of what they point to, codes as their words,
 * dates as dd/mm/yyyy.
 */
#define G_LOG_DOMAIN "nt-audit"

#include <string.h>

#include "nt-access.h"
#include "nt-assessment.h"
#include "nt-audit.h"
#include "nt-audit-private.h"
#include "nt-commitments.h"
#include "nt-confidential.h"
#include "nt-date.h"
#include "nt-emergency.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-incidents.h"
#include "nt-leaves.h"
#include "nt-night-checks.h"
#include "nt-priority.h"
#include "nt-rooms.h"
#include "nt-roster.h"
#include "nt-row.h"
#include "nt-staff.h"
#include "nt-student.h"

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
  NT_ROW_OWNED_STRING (NtAuditEntry, values),
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
                           "       a.row_id, a.action, " NT_AUDIT_CHANGES_SQL " AS changes, " NT_AUDIT_VALUES_SQL " "
                           "FROM audit_log AS a LEFT JOIN staff AS s ON s.id = a.staff_id "
                           "WHERE (?1 IS NULL OR a.at >= ?1) AND (?2 IS NULL OR a.at < date (?2, '+1 day')) "
                           "  AND (?3 IS NULL OR a.table_name = ?3) "
                           "  AND (?4 = 0 OR ifnull (a.staff_id, -1) = ?4) "
                           "  AND " NT_AUDIT_SHOWN_SQL
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
      g_autoptr(NtAuditEntry) e = NULL;

      /* An update of nothing but what the trail does not show */
      if (sqlite3_column_type (stmt, 7) == SQLITE_NULL
          && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 6), "update") == 0)
        continue;
      e = g_object_new (NT_TYPE_AUDIT_ENTRY, NULL);
      e->id = sqlite3_column_int64 (stmt, 0);
      e->at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      e->staff_id = sqlite3_column_int64 (stmt, 2);
      e->staff_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      e->table_name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      e->row_id = sqlite3_column_int64 (stmt, 5);
      e->action = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      e->changes = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      e->values = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
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
    { "school", NC_("audit", "School") },
    { "staff", NC_("audit", "Staff") },
    { "classes", NC_("audit", "Classes") },
    { "students", NC_("audit", "Students") },
    { "buildings", NC_("audit", "Buildings") },
    { "rooms", NC_("audit", "Rooms") },
    { "beds", NC_("audit", "Beds") },
    { "bed_assignments", NC_("audit", "Bed assignments") },
    { "posts", NC_("audit", "Duty posts") },
    { "shift_templates", NC_("audit", "Shifts") },
    { "staff_availability", NC_("audit", "Staff availability") },
    { "duties", NC_("audit", "Duty roster") },
    { "handovers", NC_("audit", "Hand-over notes") },
    { "rule_sets", NC_("audit", "Rule sets") },
    { "commitments", NC_("audit", "Commitments") },
    { "leaves", NC_("audit", "Leave") },
    { "night_checks", NC_("audit", "Night checks") },
    { "night_check_entries", NC_("audit", "Night check entries") },
    { "incidents", NC_("audit", "Incidents") },
    { "incident_people", NC_("audit", "People in incidents") },
    { "assessments", NC_("audit", "Self-assessment") },
    { "assessment_items", NC_("audit", "Self-assessment items") },
    { "emergency_rolls", NC_("audit", "Emergency rolls") },
    { "emergency_roll_entries", NC_("audit", "Emergency roll entries") },
    { "visitors", NC_("audit", "Visitors") },
    { "room_inspections", NC_("audit", "Room inspections") },
    { "dialogues", NC_("audit", "Dialogues") },
    { "confidential_reports", NC_("audit", "Confidential reports") },
    { "dialogue_items", NC_("audit", "Dialogue questions") },
    { "holidays", NC_("audit", "Holidays") },
    { "inspection_criteria", NC_("audit", "Room inspection criteria") },
    { "room_inspection_scores", NC_("audit", "Room inspection scores") },
    { "student_allowed_visitors", NC_("audit", "Allowed visitors") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].table, table_name) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "audit", labels[i].label);
  return table_name;
}

/* ----- columns ------------------------------------------------------------ */

/* How a stored value is said to a person. Foreign keys need no kind: the
 * schema (PRAGMA foreign_key_list) says which table they point into. */
typedef enum
{
  VALUE_TEXT,      /* as it is; ISO dates and times as dd/mm/yyyy HH:MM */
  VALUE_CODE,      /* a stored code, said by its label function */
  VALUE_BOOL,      /* 0/1 as Không/Có */
  VALUE_SEVERITY,  /* an incident's 1–3 */
  VALUE_ROLES,     /* comma-separated staff roles */
  VALUE_POSTS,     /* comma-separated post ids */
  VALUE_PRIORITY,  /* comma-separated priority categories */
  VALUE_CRITERION, /* an assessment criterion id: its number */
  VALUE_LONG,      /* a long text: its beginning */
  VALUE_HIDDEN,    /* recorded, but not something to read here */
  VALUE_SKIP,      /* an internal key: not listed at all */
  VALUE_FILE,      /* a file: its name without the folders */
  VALUE_SOURCE,    /* incidents.source_kind: the kind of record */
  VALUE_SOURCE_ID, /* incidents.source_id: a record of that kind */
} ValueKind;

typedef struct
{
  const char  *table;   /* NULL: a column of that name in any table */
  const char  *column;
  const char  *label;
  ValueKind    kind;
  const char *(*code_label) (const char *code);
} ColumnSpec;

/* Every column the audit triggers record (test-audit checks it against the
 * schema), most specific first: a table's own entry wins over the general
 * one of the same name. */
static const ColumnSpec columns[] = {
  /* Shared names */
  { NULL, "code", NC_("audit", "Code"), VALUE_TEXT, NULL },
  { NULL, "full_name", NC_("audit", "Full name"), VALUE_TEXT, NULL },
  { NULL, "name", NC_("audit", "Name"), VALUE_TEXT, NULL },
  { NULL, "gender", NC_("audit", "Gender"), VALUE_CODE, nt_gender_label },
  { NULL, "active", NC_("audit", "In use"), VALUE_BOOL, NULL },
  { NULL, "locked", NC_("audit", "Locked"), VALUE_BOOL, NULL },
  { NULL, "phone", NC_("audit", "Phone"), VALUE_TEXT, NULL },
  { NULL, "note", NC_("audit", "Note"), VALUE_TEXT, NULL },
  { NULL, "notes", NC_("audit", "Notes"), VALUE_TEXT, NULL },
  { NULL, "date", NC_("audit", "Date"), VALUE_TEXT, NULL },
  { NULL, "student_id", NC_("audit", "Student"), VALUE_TEXT, NULL },
  { NULL, "staff_id", NC_("audit", "Staff member"), VALUE_TEXT, NULL },
  { NULL, "room_id", NC_("audit", "Room"), VALUE_TEXT, NULL },
  { NULL, "bed_id", NC_("audit", "Bed"), VALUE_TEXT, NULL },
  { NULL, "building_id", NC_("audit", "Building"), VALUE_TEXT, NULL },
  { NULL, "post_id", NC_("audit", "Duty post"), VALUE_TEXT, NULL },
  { NULL, "shift_id", NC_("audit", "Shift"), VALUE_TEXT, NULL },
  { NULL, "floor", NC_("audit", "Floor"), VALUE_TEXT, NULL },
  { NULL, "closed_at", NC_("audit", "Closed at"), VALUE_TEXT, NULL },
  { NULL, "guardian_name", NC_("audit", "Guardian"), VALUE_TEXT, NULL },
  { NULL, "guardian_phone", NC_("audit", "Guardian's phone"), VALUE_TEXT, NULL },
  { NULL, "id_number", NC_("audit", "ID card number"), VALUE_TEXT, NULL },
  { NULL, "relation", NC_("audit", "Relation to the student"), VALUE_TEXT, NULL },
  { NULL, "school_year", NC_("audit", "School year"), VALUE_TEXT, NULL },
  { NULL, "marked_at", NC_("audit", "Marked at"), VALUE_TEXT, NULL },
  { NULL, "out_at", NC_("audit", "Went out at"), VALUE_TEXT, NULL },

  /* assessments, assessment_items */
  { "assessments", "circular", NC_("audit", "Circular"), VALUE_TEXT, NULL },
  { "assessments", "approved_at", NC_("audit", "Approved at"), VALUE_TEXT, NULL },
  { "assessments", "approved_by", NC_("audit", "Approved by"), VALUE_TEXT, NULL },
  { "assessments", "frozen_figures", NC_("audit", "Figures at approval"), VALUE_HIDDEN, NULL },
  { "assessments", "state", NC_("audit", "State"), VALUE_CODE, nt_assessment_state_label },
  { "assessments", "submitted_at", NC_("audit", "Submitted at"), VALUE_TEXT, NULL },
  { "assessments", "submitted_by", NC_("audit", "Submitted by"), VALUE_TEXT, NULL },
  { "assessments", "created_at", NC_("audit", "Created at"), VALUE_TEXT, NULL },
  { "assessment_items", "assessment_id", NC_("audit", "Self-assessment"), VALUE_TEXT, NULL },
  { "assessment_items", "criterion", NC_("audit", "Criterion"), VALUE_CRITERION, NULL },
  { "assessment_items", "met", NC_("audit", "Met"), VALUE_BOOL, NULL },
  { "assessment_items", "evidence", NC_("audit", "Evidence"), VALUE_TEXT, NULL },
  { "assessment_items", "files", NC_("audit", "Attached files"), VALUE_TEXT, NULL },

  /* beds, bed_assignments */
  { "beds", "label", NC_("audit", "Bed"), VALUE_TEXT, NULL },
  { "bed_assignments", "start_date", NC_("audit", "From"), VALUE_TEXT, NULL },
  { "bed_assignments", "end_date", NC_("audit", "To"), VALUE_TEXT, NULL },
  { "bed_assignments", "reason", NC_("audit", "Reason"), VALUE_TEXT, NULL },
  /* TRANSLATORS: the audit trail: which run of the automatic bed assignment */
  { "bed_assignments", "batch", NC_("audit", "Assignment run"), VALUE_SKIP, NULL },

  /* buildings, rooms */
  /* TRANSLATORS: the audit trail: whether a building or room is for boys or girls */
  { "buildings", "gender", NC_("audit", "For"), VALUE_CODE, nt_room_gender_label },
  { "buildings", "floors", NC_("audit", "Floors"), VALUE_TEXT, NULL },
  { "buildings", "assembly_point", NC_("audit", "Assembly point"), VALUE_TEXT, NULL },
  { "rooms", "gender", NC_("audit", "For"), VALUE_CODE, nt_room_gender_label },
  { "rooms", "number", NC_("audit", "Room number"), VALUE_TEXT, NULL },
  { "rooms", "capacity", NC_("audit", "Capacity"), VALUE_TEXT, NULL },
  { "rooms", "kind", NC_("audit", "Kind of room"), VALUE_CODE, nt_room_kind_label },

  /* classes */
  { "classes", "name", NC_("audit", "Class"), VALUE_TEXT, NULL },
  { "classes", "grade", NC_("audit", "Grade"), VALUE_TEXT, NULL },
  { "classes", "homeroom_id", NC_("audit", "Homeroom teacher"), VALUE_TEXT, NULL },

  /* commitments, rule_sets */
  { "commitments", "rule_set_id", NC_("audit", "Rule set"), VALUE_TEXT, NULL },
  { "commitments", "signed_on", NC_("audit", "Signed on"), VALUE_TEXT, NULL },
  { "commitments", "guardian_signed", NC_("audit", "Guardian signed too"), VALUE_BOOL, NULL },
  { "commitments", "collected_by", NC_("audit", "Collected by"), VALUE_TEXT, NULL },
  { "commitments", "scan_path", NC_("audit", "Scanned copy"), VALUE_FILE, NULL },
  { "rule_sets", "audience", NC_("audit", "For whom"), VALUE_CODE, nt_rule_set_audience_label },
  { "rule_sets", "version", NC_("audit", "Version"), VALUE_TEXT, NULL },
  { "rule_sets", "title", NC_("audit", "Title"), VALUE_TEXT, NULL },
  { "rule_sets", "effective_date", NC_("audit", "In force from"), VALUE_TEXT, NULL },
  { "rule_sets", "body", NC_("audit", "Text of the rules"), VALUE_LONG, NULL },
  /* TRANSLATORS: the audit trail: the key shared by the versions of a rule set */
  { "rule_sets", "family", NC_("audit", "Rule set family"), VALUE_SKIP, NULL },
  { "rule_sets", "boarders_only", NC_("audit", "Boarders only"), VALUE_BOOL, NULL },

  /* confidential_reports (never their content: the triggers leave it out) */
  { "confidential_reports", "received_at", NC_("audit", "Received at"), VALUE_TEXT, NULL },
  { "confidential_reports", "channel", NC_("audit", "Came"), VALUE_CODE, nt_confidential_channel_label },
  { "confidential_reports", "received_by", NC_("audit", "Received by"), VALUE_TEXT, NULL },
  { "confidential_reports", "incident_id", NC_("audit", "Incident"), VALUE_TEXT, NULL },

  /* dialogues, dialogue_items */
  { "dialogues", "held_on", NC_("audit", "Held on"), VALUE_TEXT, NULL },
  { "dialogues", "chaired_by", NC_("audit", "Chaired by"), VALUE_TEXT, NULL },
  { "dialogues", "attendees", NC_("audit", "Attendees"), VALUE_TEXT, NULL },
  { "dialogue_items", "dialogue_id", NC_("audit", "Dialogue"), VALUE_TEXT, NULL },
  { "dialogue_items", "question", NC_("audit", "Question"), VALUE_TEXT, NULL },
  { "dialogue_items", "answer", NC_("audit", "Answer"), VALUE_TEXT, NULL },
  { "dialogue_items", "follow_up_by", NC_("audit", "Followed up by"), VALUE_TEXT, NULL },
  { "dialogue_items", "due_date", NC_("audit", "Due on"), VALUE_TEXT, NULL },

  /* duties, handovers, posts, shift_templates, staff_availability, holidays */
  { "handovers", "written_by", NC_("audit", "Written by"), VALUE_TEXT, NULL },
  { "handovers", "written_at", NC_("audit", "Written at"), VALUE_TEXT, NULL },
  { "handovers", "happened", NC_("audit", "What happened"), VALUE_TEXT, NULL },
  { "handovers", "to_watch", NC_("audit", "To watch"), VALUE_TEXT, NULL },
  { "handovers", "acknowledged_by", NC_("audit", "Received by"), VALUE_TEXT, NULL },
  { "handovers", "acknowledged_at", NC_("audit", "Received at"), VALUE_TEXT, NULL },
  { "posts", "staffed_from", NC_("audit", "Staffed from"), VALUE_TEXT, NULL },
  { "posts", "staffed_to", NC_("audit", "Staffed until"), VALUE_TEXT, NULL },
  { "posts", "people", NC_("audit", "People on duty"), VALUE_TEXT, NULL },
  { "posts", "roles", NC_("audit", "Roles"), VALUE_ROLES, NULL },
  { "posts", "night_gender", NC_("audit", "At night, only"), VALUE_CODE, nt_room_gender_label },
  { "shift_templates", "start_time", NC_("audit", "Starts at"), VALUE_TEXT, NULL },
  { "shift_templates", "end_time", NC_("audit", "Ends at"), VALUE_TEXT, NULL },
  { "shift_templates", "is_night", NC_("audit", "Night shift"), VALUE_BOOL, NULL },
  { "shift_templates", "post_ids", NC_("audit", "Duty posts"), VALUE_POSTS, NULL },
  { "staff_availability", "kind", NC_("audit", "Kind"), VALUE_CODE, nt_roster_availability_kind_label },
  { "staff_availability", "from_date", NC_("audit", "From"), VALUE_TEXT, NULL },
  { "staff_availability", "to_date", NC_("audit", "To"), VALUE_TEXT, NULL },
  { "staff_availability", "value", NC_("audit", "Number"), VALUE_TEXT, NULL },
  { "holidays", "day", NC_("audit", "Day"), VALUE_TEXT, NULL },

  /* emergency_rolls, emergency_roll_entries */
  { "emergency_rolls", "kind", NC_("audit", "Kind of emergency"), VALUE_CODE, nt_emergency_kind_label },
  { "emergency_rolls", "started_at", NC_("audit", "Started at"), VALUE_TEXT, NULL },
  { "emergency_rolls", "ended_at", NC_("audit", "Ended at"), VALUE_TEXT, NULL },
  { "emergency_rolls", "started_by", NC_("audit", "Started by"), VALUE_TEXT, NULL },
  { "emergency_roll_entries", "roll_id", NC_("audit", "Emergency roll"), VALUE_TEXT, NULL },
  { "emergency_roll_entries", "visitor_id", NC_("audit", "Visitor"), VALUE_TEXT, NULL },
  { "emergency_roll_entries", "status", NC_("audit", "Status"), VALUE_CODE, nt_emergency_status_label },

  /* incidents, incident_people */
  { "incidents", "occurred_at", NC_("audit", "Occurred at"), VALUE_TEXT, NULL },
  { "incidents", "place_kind", NC_("audit", "Place"), VALUE_CODE, nt_incident_place_label },
  { "incidents", "place_text", NC_("audit", "Place, in detail"), VALUE_TEXT, NULL },
  { "incidents", "category", NC_("audit", "Kind of incident"), VALUE_CODE, nt_incident_category_label },
  { "incidents", "severity", NC_("audit", "Severity"), VALUE_SEVERITY, NULL },
  { "incidents", "description", NC_("audit", "Description"), VALUE_TEXT, NULL },
  { "incidents", "reported_by", NC_("audit", "Reported by"), VALUE_TEXT, NULL },
  { "incidents", "actions", NC_("audit", "Actions taken"), VALUE_TEXT, NULL },
  { "incidents", "guardians_informed_at", NC_("audit", "Guardians informed at"), VALUE_TEXT, NULL },
  { "incidents", "guardians_informed_by", NC_("audit", "Guardians informed by"), VALUE_TEXT, NULL },
  { "incidents", "police_reported_at", NC_("audit", "Reported to the police at"), VALUE_TEXT, NULL },
  { "incidents", "police_contact", NC_("audit", "Police contact"), VALUE_TEXT, NULL },
  { "incidents", "state", NC_("audit", "State"), VALUE_CODE, nt_incident_state_label },
  { "incidents", "outcome", NC_("audit", "Outcome"), VALUE_CODE, nt_incident_outcome_label },
  { "incidents", "outcome_note", NC_("audit", "Outcome note"), VALUE_TEXT, NULL },
  { "incidents", "source_kind", NC_("audit", "Kind of source record"), VALUE_SOURCE, NULL },
  { "incidents", "source_id", NC_("audit", "Recorded from"), VALUE_SOURCE_ID, NULL },
  { "incidents", "created_by", NC_("audit", "Recorded by"), VALUE_TEXT, NULL },
  { "incident_people", "incident_id", NC_("audit", "Incident"), VALUE_TEXT, NULL },
  { "incident_people", "outsider_name", NC_("audit", "Person from outside"), VALUE_TEXT, NULL },
  { "incident_people", "part", NC_("audit", "Part in the incident"), VALUE_CODE, nt_incident_part_label },

  /* inspections */
  { "inspection_criteria", "max_points", NC_("audit", "Maximum points"), VALUE_TEXT, NULL },
  { "inspection_criteria", "position", NC_("audit", "Place in the list"), VALUE_TEXT, NULL },
  { "room_inspections", "inspector_id", NC_("audit", "Inspected by"), VALUE_TEXT, NULL },
  { "room_inspection_scores", "inspection_id", NC_("audit", "Room inspection"), VALUE_TEXT, NULL },
  { "room_inspection_scores", "criterion_id", NC_("audit", "Criterion"), VALUE_TEXT, NULL },
  { "room_inspection_scores", "points", NC_("audit", "Points"), VALUE_TEXT, NULL },

  /* leaves */
  { "leaves", "from_time", NC_("audit", "From"), VALUE_TEXT, NULL },
  { "leaves", "to_time", NC_("audit", "Back by"), VALUE_TEXT, NULL },
  { "leaves", "reason", NC_("audit", "Reason"), VALUE_CODE, nt_leave_reason_label },
  { "leaves", "destination", NC_("audit", "Destination"), VALUE_TEXT, NULL },
  { "leaves", "state", NC_("audit", "State"), VALUE_CODE, nt_leave_state_label },
  { "leaves", "approved_by", NC_("audit", "Approved by"), VALUE_TEXT, NULL },
  { "leaves", "returned_at", NC_("audit", "Came back at"), VALUE_TEXT, NULL },

  /* night_checks, night_check_entries */
  { "night_checks", "night", NC_("audit", "Night"), VALUE_TEXT, NULL },
  { "night_checks", "supervisor_id", NC_("audit", "Supervisor"), VALUE_TEXT, NULL },
  { "night_checks", "started_at", NC_("audit", "Started at"), VALUE_TEXT, NULL },
  { "night_check_entries", "check_id", NC_("audit", "Night check"), VALUE_TEXT, NULL },
  { "night_check_entries", "status", NC_("audit", "Status"), VALUE_CODE, nt_night_status_label },
  { "night_check_entries", "late_at", NC_("audit", "Came back late at"), VALUE_TEXT, NULL },
  { "night_check_entries", "leave_id", NC_("audit", "Leave"), VALUE_TEXT, NULL },

  /* school */
  { "school", "name", NC_("audit", "School name"), VALUE_TEXT, NULL },
  { "school", "address", NC_("audit", "Address"), VALUE_TEXT, NULL },
  { "school", "principal", NC_("audit", "Principal"), VALUE_TEXT, NULL },
  { "school", "authority", NC_("audit", "Managing authority"), VALUE_TEXT, NULL },
  { "school", "curfew", NC_("audit", "Curfew"), VALUE_TEXT, NULL },

  /* staff, students */
  { "staff", "role", NC_("audit", "Role"), VALUE_CODE, nt_staff_role_label },
  { "students", "personal_id", NC_("audit", "Personal ID number"), VALUE_TEXT, NULL },
  { "students", "birth_date", NC_("audit", "Date of birth"), VALUE_TEXT, NULL },
  { "students", "class_id", NC_("audit", "Class"), VALUE_TEXT, NULL },
  { "students", "ethnicity", NC_("audit", "Ethnic group"), VALUE_TEXT, NULL },
  { "students", "home_address", NC_("audit", "Home address"), VALUE_TEXT, NULL },
  { "students", "home_commune", NC_("audit", "Home commune"), VALUE_TEXT, NULL },
  { "students", "boarding", NC_("audit", "Boarding"), VALUE_CODE, nt_boarding_label },
  { "students", "priority", NC_("audit", "Priority group"), VALUE_PRIORITY, NULL },
  { "students", "health_notes", NC_("audit", "Health notes"), VALUE_TEXT, NULL },
  { "students", "left_on", NC_("audit", "Left on"), VALUE_TEXT, NULL },
  { "students", "left_reason", NC_("audit", "Reason for leaving"), VALUE_TEXT, NULL },

  /* visitors, student_allowed_visitors */
  { "visitors", "visit_student_id", NC_("audit", "Visiting student"), VALUE_TEXT, NULL },
  { "visitors", "visit_staff_id", NC_("audit", "Visiting staff member"), VALUE_TEXT, NULL },
  { "visitors", "purpose", NC_("audit", "Purpose"), VALUE_TEXT, NULL },
  { "visitors", "in_at", NC_("audit", "Came in at"), VALUE_TEXT, NULL },
  { "visitors", "guard_id", NC_("audit", "Guard"), VALUE_TEXT, NULL },
  { "visitors", "allowed", NC_("audit", "On the student's list of visitors"), VALUE_BOOL, NULL },
};

/* "table.column" and ".column" (the general entry) → its spec, made once:
 * a report looks up every value of thousands of entries. */
static gpointer
make_column_index (gpointer data)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_hash_table_insert (index, g_strconcat (columns[i].table ? columns[i].table : "", ".", columns[i].column, NULL),
                         (gpointer) &columns[i]);
  return index;
}

static const ColumnSpec *
column_spec (const char *table_name,
             const char *column)
{
  static GOnce once = G_ONCE_INIT;
  GHashTable *index = g_once (&once, make_column_index, NULL);
  g_autofree char *key = g_strconcat (table_name ? table_name : "", ".", column, NULL);
  const ColumnSpec *spec = g_hash_table_lookup (index, key);

  if (spec == NULL && table_name != NULL)
    {
      g_autofree char *general = g_strconcat (".", column, NULL);
      spec = g_hash_table_lookup (index, general);
    }
  return spec;
}

/**
 * nt_audit_column_label:
 * @table_name: (nullable): the table, or %NULL for the general name
 *
 * Returns: the name a person knows a column of @table_name by, or
 *   @column itself when it has none
 */
const char *
nt_audit_column_label (const char *table_name,
                       const char *column)
{
  const ColumnSpec *spec = column_spec (table_name, column);

  return spec ? g_dpgettext2 (GETTEXT_PACKAGE, "audit", spec->label) : column;
}

/**
 * nt_audit_field_label:
 *
 * Returns: the general name of a column, or @field itself
 */
const char *
nt_audit_field_label (const char *field)
{
  return nt_audit_column_label (NULL, field);
}

/* ----- values ------------------------------------------------------------- */

/* How deep a record's name may follow its own foreign keys (a bed names its
 * room, which names its building). */
#define MAX_DEPTH 3

static char *record_name (NtStore    *store,
                          const char *table_name,
                          GHashTable *row,
                          guint       depth);

/* "field \x1f value \x1e …" → field → value */
static GHashTable *
parse_values (const char *values)
{
  GHashTable *row = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) records = NULL;

  if (values == NULL)
    return row;
  records = g_strsplit (values, "\x1e", -1);
  for (guint i = 0; records[i]; i++)
    {
      char *sep = strchr (records[i], '\x1f');

      if (sep == NULL)
        continue;
      g_hash_table_insert (row, g_strndup (records[i], sep - records[i]), g_strdup (sep + 1));
    }
  return row;
}

/* Replaces each "%s" of the translated @format by the next of @args. */
static char *
fill (const char         *format,
      const char * const *args)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = format; *p; p++)
    {
      if (p[0] == '%' && p[1] == 's')
        {
          g_string_append (out, args[n] ? args[n] : "");
          if (args[n])
            n++;
          p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static gboolean
digits (const char *s,
        guint       n)
{
  for (guint i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* "2026-11-27" → "27/11/2026", "2026-11-27 21:30[:15]" → "27/11/2026 21:30",
 * anything else NULL. */
static char *
date_text (const char *value)
{
  gsize len = strlen (value);
  g_autofree char *day = NULL;
  g_autofree char *shown = NULL;

  if (len < 10 || !digits (value, 4) || value[4] != '-' || !digits (value + 5, 2) || value[7] != '-'
      || !digits (value + 8, 2))
    return NULL;
  if (len != 10 && !(len >= 16 && (value[10] == ' ' || value[10] == 'T') && digits (value + 11, 2)
                     && value[13] == ':' && digits (value + 14, 2)))
    return NULL;
  day = g_strndup (value, 10);
  shown = nt_date_iso_to_display (day);
  if (shown == NULL)
    return NULL;
  if (len == 10)
    return g_steal_pointer (&shown);
  return g_strdup_printf ("%s %.5s", shown, value + 11);
}

/* The table @column of @table_name points into, or NULL. The schema does
 * not change while the store is open, and a report asks for thousands of
 * values: the answers are kept on the store. */
static char *
foreign_table (NtStore    *store,
               const char *table_name,
               const char *column)
{
  GHashTable *known = g_object_get_data (G_OBJECT (store), "nt-audit-foreign-keys");
  g_autofree char *key = g_strconcat (table_name, ".", column, NULL);
  sqlite3_stmt *stmt;
  const char *target;
  char *out = NULL;

  if (known == NULL)
    {
      known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_object_set_data_full (G_OBJECT (store), "nt-audit-foreign-keys", known,
                              (GDestroyNotify) g_hash_table_unref);
    }
  target = g_hash_table_lookup (known, key);
  if (target != NULL)
    return target[0] ? g_strdup (target) : NULL;

  stmt = nt_store_prepare (store, "SELECT \"table\" FROM pragma_foreign_key_list (?1) WHERE \"from\" = ?2", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, column, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    out = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  g_hash_table_insert (known, g_steal_pointer (&key), g_strdup (out ? out : ""));
  return out;
}

/* The name of the record @id of @table_name as it is now, or "#id (đã
 * xóa)" when it is gone. */
static char *
name_by_id (NtStore    *store,
            const char *table_name,
            const char *id,
            guint       depth)
{
  g_autoptr(GHashTable) row = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  if (depth >= MAX_DEPTH)
    return g_strdup_printf ("#%s", id);
  /* table_name comes from the schema itself, never from a person */
  sql = g_strdup_printf ("SELECT * FROM \"%s\" WHERE id = ?1", table_name);
  stmt = nt_store_prepare (store, sql, NULL);
  if (stmt == NULL)
    return g_strdup_printf ("#%s", id);
  sqlite3_bind_int64 (stmt, 1, g_ascii_strtoll (id, NULL, 10));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      row = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        if (sqlite3_column_type (stmt, i) != SQLITE_NULL)
          g_hash_table_insert (row, g_strdup (sqlite3_column_name (stmt, i)),
                               g_strdup ((const char *) sqlite3_column_text (stmt, i)));
    }
  sqlite3_reset (stmt);
  if (row == NULL)
    {
      const char *args[] = { id, NULL };
      /* TRANSLATORS: the audit trail: a record referred to that no longer
       * exists; %s is its internal number */
      return fill (_("#%s (deleted)"), args);
    }
  return record_name (store, table_name, row, depth + 1);
}

static char *
format_list (NtStore    *store,
             const char *value,
             gboolean    roles,
             guint       depth)
{
  g_auto(GStrv) parts = g_strsplit (value, ",", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; parts[i]; i++)
    {
      g_autofree char *one = NULL;
      char *part = g_strstrip (parts[i]);

      if (part[0] == '\0')
        continue;
      if (roles)
        one = g_strdup (nt_staff_role_label (part)[0] ? nt_staff_role_label (part) : part);
      else
        one = name_by_id (store, "posts", part, depth);
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, one);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* incidents.source_kind → the table its source_id is in */
static const char *
source_table (const char *kind)
{
  static const char * const tables[][2] = {
    { "night_check", "night_check_entries" },
    { "leave", "leaves" },
    { "handover", "handovers" },
    { "confidential", "confidential_reports" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (tables[i][0], kind) == 0)
      return tables[i][1];
  return NULL;
}

/* @value of @column in a record of @table_name (whose other values are in
 * @row) as a person says it; never a code, an id or an ISO date. */
static char *
format_value (NtStore    *store,
              const char *table_name,
              const char *column,
              const char *value,
              GHashTable *row,
              guint       depth)
{
  const ColumnSpec *spec;
  g_autofree char *target = NULL;
  char *date;

  if (value == NULL || value[0] == '\0')
    /* TRANSLATORS: the audit trail: a field that had or has no value */
    return g_strdup (_("(empty)"));
  spec = column_spec (table_name, column);
  target = foreign_table (store, table_name, column);
  if (target != NULL)
    return name_by_id (store, target, value, depth);

  switch (spec ? spec->kind : VALUE_TEXT)
    {
    case VALUE_CODE:
      {
        const char *label = spec->code_label (value);
        return g_strdup (label && label[0] ? label : value);
      }
    case VALUE_BOOL:
      if (g_strcmp0 (value, "0") == 0)
        /* TRANSLATORS: the audit trail: a yes/no field that is no */
        return g_strdup (C_("audit", "No"));
      /* TRANSLATORS: the audit trail: a yes/no field that is yes */
      return g_strdup (C_("audit", "Yes"));
    case VALUE_SEVERITY:
      {
        const char *label = nt_incident_severity_label ((int) g_ascii_strtoll (value, NULL, 10));
        return g_strdup (label[0] ? label : value);
      }
    case VALUE_ROLES:
      return format_list (store, value, TRUE, depth);
    case VALUE_POSTS:
      return format_list (store, value, FALSE, depth);
    case VALUE_PRIORITY:
      return nt_priority_labels (value);
    case VALUE_CRITERION:
      {
        const NtAssessmentCriterion *criterion = nt_assessment_criterion_lookup (value);
        return criterion ? g_strdup_printf ("%u", criterion->number) : g_strdup (value);
      }
    case VALUE_LONG:
      if (g_utf8_strlen (value, -1) > 80)
        {
          g_autofree char *start = g_utf8_substring (value, 0, 80);
          return g_strconcat (start, "…", NULL);
        }
      return g_strdup (value);
    case VALUE_FILE:
      return g_path_get_basename (value);
    case VALUE_SKIP:
    case VALUE_HIDDEN:
      /* TRANSLATORS: the audit trail: a value kept but not shown here */
      return g_strdup (_("(recorded)"));
    case VALUE_SOURCE:
      {
        const char *table = source_table (value);
        return g_strdup (table ? nt_audit_table_label (table) : value);
      }
    case VALUE_SOURCE_ID:
      {
        const char *table = source_table (row ? g_hash_table_lookup (row, "source_kind") : NULL);
        if (table != NULL)
          return name_by_id (store, table, value, depth);
        return g_strdup_printf ("#%s", value);
      }
    case VALUE_TEXT:
    default:
      date = date_text (value);
      return date ? date : g_strdup (value);
    }
}

/* ----- naming records ----------------------------------------------------- */

/* What names a record of each table: its columns, said as values, put into
 * @format (translated, "%s" in turn) or, without one, joined by " — " with
 * the empty ones left out. */
typedef struct
{
  const char *table;
  const char *format;
  const char *columns[4];
} NamingSpec;

static const NamingSpec namings[] = {
  { "staff", "%s (%s)", { "full_name", "code" } },
  { "students", "%s (%s)", { "full_name", "code" } },
  { "classes", NULL, { "name" } },
  { "buildings", NULL, { "name" } },
  /* TRANSLATORS: the audit trail: a room: its number, then its building */
  { "rooms", N_("room %s, %s"), { "number", "building_id" } },
  /* TRANSLATORS: the audit trail: a bed: its label, then its room */
  { "beds", N_("bed %s, %s"), { "label", "room_id" } },
  { "bed_assignments", NULL, { "student_id", "bed_id", "start_date" } },
  { "posts", NULL, { "name" } },
  { "shift_templates", NULL, { "name" } },
  { "holidays", NULL, { "name", "day" } },
  { "school", NULL, { "name" } },
  /* TRANSLATORS: the audit trail: a rule set: its name and version number */
  { "rule_sets", N_("%s (version %s)"), { "name", "version" } },
  { "commitments", NULL, { "student_id", "staff_id", "rule_set_id" } },
  { "leaves", NULL, { "student_id", "from_time" } },
  { "incidents", NULL, { "category", "occurred_at" } },
  { "incident_people", NULL, { "student_id", "staff_id", "outsider_name", "incident_id" } },
  { "night_checks", NULL, { "night", "building_id", "floor" } },
  { "night_check_entries", NULL, { "student_id", "check_id" } },
  /* TRANSLATORS: the audit trail: a self-assessment, by its school year */
  { "assessments", N_("school year %s"), { "school_year" } },
  /* TRANSLATORS: the audit trail: criterion %s of a self-assessment, then the assessment's school year */
  { "assessment_items", N_("criterion %s, %s"), { "criterion", "assessment_id" } },
  { "duties", NULL, { "staff_id", "post_id", "shift_id", "date" } },
  { "handovers", NULL, { "post_id", "date", "written_by" } },
  { "staff_availability", NULL, { "staff_id", "kind", "from_date" } },
  { "emergency_rolls", NULL, { "kind", "started_at" } },
  { "emergency_roll_entries", NULL, { "student_id", "staff_id", "visitor_id", "roll_id" } },
  { "visitors", NULL, { "name", "in_at" } },
  { "student_allowed_visitors", NULL, { "name", "student_id" } },
  { "confidential_reports", NULL, { "channel", "received_at" } },
  { "dialogues", NULL, { "held_on" } },
  { "dialogue_items", NULL, { "question", "dialogue_id" } },
  { "inspection_criteria", NULL, { "name" } },
  { "room_inspections", NULL, { "room_id", "date" } },
  { "room_inspection_scores", NULL, { "criterion_id", "inspection_id" } },
};

static char *
record_name (NtStore    *store,
             const char *table_name,
             GHashTable *row,
             guint       depth)
{
  const NamingSpec *spec = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (namings); i++)
    if (g_strcmp0 (namings[i].table, table_name) == 0)
      spec = &namings[i];
  if (spec == NULL)
    {
      const char *name = g_hash_table_lookup (row, "name");
      return g_strdup (name ? name : "");
    }

  for (guint i = 0; i < G_N_ELEMENTS (spec->columns) && spec->columns[i]; i++)
    {
      const char *value = g_hash_table_lookup (row, spec->columns[i]);

      if (spec->format == NULL && (value == NULL || value[0] == '\0'))
        continue;
      g_ptr_array_add (parts, value == NULL || value[0] == '\0' ? g_strdup ("")
                       : format_value (store, table_name, spec->columns[i], value, row, depth));
    }
  g_ptr_array_add (parts, NULL);
  if (spec->format != NULL)
    return fill (_(spec->format), (const char * const *) parts->pdata);
  for (guint i = 0; g_ptr_array_index (parts, i); i++)
    {
      if (out->len > 0)
        g_string_append (out, " — ");
      g_string_append (out, g_ptr_array_index (parts, i));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * nt_audit_record_name:
 *
 * Names the record an entry is about by what it is, as it was after the
 * change (before a deletion): "Lò Văn A (HS041) — Nội quy khu nội trú
 * (version 2)", never its internal number while it has a name.
 *
 * Returns: (transfer full): the name, or "#id" when nothing names it
 */
char *
nt_audit_record_name (NtStore      *store,
                      NtAuditEntry *entry)
{
  g_autoptr(GHashTable) row = NULL;
  char *name;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (NT_IS_AUDIT_ENTRY (entry), NULL);

  row = parse_values (entry->values);
  name = record_name (store, entry->table_name, row, 0);
  if (name[0] == '\0')
    {
      g_free (name);
      return g_strdup_printf ("#%" G_GINT64_FORMAT, entry->row_id);
    }
  return name;
}

/**
 * nt_audit_describe:
 *
 * Says the changed fields in words, one a line: "Trạng thái: Đang chờ
 * duyệt → Đã duyệt" (an update) or "Học sinh: Lò Văn A (HS041)" (an
 * insertion or a deletion); ids as the names of what they point to, codes
 * as their words, dates as dd/mm/yyyy, nothing as "(trống)".
 *
 * Returns: (transfer full): the changed fields, or "" when none
 */
char *
nt_audit_describe (NtStore      *store,
                   NtAuditEntry *entry)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) row = NULL;
  g_auto(GStrv) records = NULL;
  gboolean update;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (NT_IS_AUDIT_ENTRY (entry), NULL);

  if (entry->changes == NULL)
    return g_strdup ("");
  update = g_strcmp0 (entry->action, "update") == 0;
  row = parse_values (entry->values);
  records = g_strsplit (entry->changes, "\x1e", -1);
  for (guint i = 0; records[i]; i++)
    {
      g_auto(GStrv) parts = g_strsplit (records[i], "\x1f", 3);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      const ColumnSpec *spec;
      const char *label;

      if (g_strv_length (parts) != 3)
        continue;
      spec = column_spec (entry->table_name, parts[0]);
      if (spec != NULL && spec->kind == VALUE_SKIP)
        continue;
      label = nt_audit_column_label (entry->table_name, parts[0]);
      before = format_value (store, entry->table_name, parts[0], parts[1], row, 0);
      after = format_value (store, entry->table_name, parts[0], parts[2], row, 0);
      if (update && g_strcmp0 (before, after) == 0)
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      if (update)
        g_string_append_printf (out, "%s: %s → %s", label, before, after);
      else
        g_string_append_printf (out, "%s: %s", label,
                                g_strcmp0 (entry->action, "delete") == 0 ? before : after);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
