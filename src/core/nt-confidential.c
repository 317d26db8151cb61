/* nt-confidential.c: the confidential box */
#define G_LOG_DOMAIN "noitru-confidential"

#include <string.h>

#include "nt-access.h"
#include "nt-confidential.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-incidents.h"
#include "nt-leaves.h"
#include "nt-row.h"
#include "nt-sql.h"
#include "nt-util.h"

/* ----- list rows --------------------------------------------------------- */

static const NtRowField report_fields[] = {
  NT_ROW_PROPERTY (NtConfidentialReport, id, "id", INT64),
  NT_ROW_PROPERTY (NtConfidentialReport, received_at, "received-at", STRING),
  NT_ROW_PROPERTY (NtConfidentialReport, channel, "channel", STRING),
  NT_ROW_PROPERTY (NtConfidentialReport, state, "state", STRING),
  NT_ROW_PROPERTY (NtConfidentialReport, readable, "readable", BOOLEAN),
  NT_ROW_OWNED_STRING (NtConfidentialReport, received_by_name),
  NT_ROW_OWNED_STRING (NtConfidentialReport, content),
  NT_ROW_OWNED_STRING (NtConfidentialReport, reporter_name),
};

NT_DEFINE_ROW_TYPE (NtConfidentialReport, nt_confidential_report, report_fields)

/* ----- words ------------------------------------------------------------- */

static const char * const channels[] = { "paper", "phone", "message", "in_person", "other", NULL };

const char * const *
nt_confidential_channels (void)
{
  return channels;
}

const char *
nt_confidential_channel_label (const char *channel)
{
  if (g_strcmp0 (channel, "paper") == 0)
    /* TRANSLATORS: how a confidential report came: a letter in the box (Thư, giấy) */
    return _("On paper");
  if (g_strcmp0 (channel, "phone") == 0)
    /* TRANSLATORS: how a confidential report came (Điện thoại, đường dây nóng) */
    return _("By phone");
  if (g_strcmp0 (channel, "message") == 0)
    /* TRANSLATORS: how a confidential report came (Tin nhắn) */
    return _("By message");
  if (g_strcmp0 (channel, "in_person") == 0)
    /* TRANSLATORS: how a confidential report came (Gặp trực tiếp) */
    return _("In person");
  /* TRANSLATORS: how a confidential report came (Khác) */
  return _("Other");
}

const char *
nt_confidential_state_label (const char *state)
{
  if (g_strcmp0 (state, "incident") == 0)
    /* TRANSLATORS: the state of a confidential report (Đã chuyển thành vụ việc) */
    return _("Made an incident");
  if (g_strcmp0 (state, "closed") == 0)
    /* TRANSLATORS: the state of a confidential report (Đã xử lý) */
    return _("Dealt with");
  /* TRANSLATORS: the state of a confidential report (Chưa xử lý) */
  return _("Not dealt with");
}

/* ----- helpers ----------------------------------------------------------- */

#define REPORT_SELECT \
  "SELECT c.id, c.received_at, c.channel, ifnull (c.received_by, 0), st.full_name, " \
  "  CASE WHEN c.incident_id IS NOT NULL THEN 'incident' WHEN c.closed_at IS NOT NULL THEN 'closed' ELSE 'new' END, " \
  "  ifnull (c.incident_id, 0), c.content, c.reporter_name " \
  "FROM confidential_reports c LEFT JOIN staff st ON st.id = c.received_by "

static NtConfidentialReport *
report_from_row (sqlite3_stmt *stmt,
                 gboolean      readable)
{
  NtConfidentialReport *r = g_object_new (NT_TYPE_CONFIDENTIAL_REPORT, NULL);

  r->id = sqlite3_column_int64 (stmt, 0);
  r->received_at = nt_sql_column_dup (stmt, 1);
  r->channel = nt_sql_column_dup (stmt, 2);
  r->received_by = sqlite3_column_int64 (stmt, 3);
  r->received_by_name = nt_sql_column_dup (stmt, 4);
  r->state = nt_sql_column_dup (stmt, 5);
  r->incident_id = sqlite3_column_int64 (stmt, 6);
  r->readable = readable;
  /* The content is not even copied into the row for someone who may not
   * read it: a row is shown, logged and passed around. */
  if (readable)
    {
      r->content = nt_sql_column_dup (stmt, 7);
      r->reporter_name = nt_sql_column_dup (stmt, 8);
    }
  return r;
}

/* ----- entering ---------------------------------------------------------- */

/**
 * nt_confidential_add:
 *
 * Writes a report as received by @input's staff member, or else by the
 * actor (the person using the program).
 *
 * Returns: its id, or 0 with @error set
 */
gint64
nt_confidential_add (NtStore                    *store,
                     const NtConfidentialInput  *input,
                     GError                    **error)
{
  g_autofree char *now = nt_leave_time_now ();
  g_autofree char *content = NULL;
  g_autofree char *reporter = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (!nt_access_require (store, NT_PERM_CONFIDENTIAL_WRITE, error))
    return 0;
  if (input->received_at != NULL && !nt_leave_time_valid (input->received_at))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The time the report was received, “%s”, is not a date and time (YYYY-MM-DD HH:MM)."),
                   input->received_at);
      return 0;
    }
  if (input->channel == NULL || !g_strv_contains (channels, input->channel))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("“%s” is not a way a report can come (paper, phone, message, in person, other)."),
                   input->channel ? input->channel : "");
      return 0;
    }
  content = g_strstrip (g_strdup (input->content ? input->content : ""));
  if (content[0] == '\0')
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The content of the report is empty: write what was reported."));
      return 0;
    }
  reporter = g_strstrip (g_strdup (input->reporter_name ? input->reporter_name : ""));

  stmt = nt_store_prepare (store,
                           "INSERT INTO confidential_reports (received_at, channel, received_by, reporter_name, content) "
                           "VALUES (?1, ?2, nullif (?3, 0), nullif (?4, ''), ?5)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, input->received_at ? input->received_at : now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, input->channel, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, input->received_by > 0 ? input->received_by : nt_store_get_actor (store));
  sqlite3_bind_text (stmt, 4, reporter, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, content, -1, SQLITE_TRANSIENT);
  if (!nt_store_step_done (store, stmt, error))
    return 0;
  nt_store_emit_changed (store, "confidential_reports");
  return sqlite3_last_insert_rowid (nt_store_get_db (store));
}

/* ----- reading ----------------------------------------------------------- */

/**
 * nt_confidential_list:
 *
 * Every report, the latest first. For a role that may read them, with the
 * content and the reporter's name; for the others without (readable FALSE).
 *
 * Returns: (transfer full): the #NtConfidentialReport rows
 */
GListStore *
nt_confidential_list (NtStore  *store,
                      GError  **error)
{
  g_autoptr(GListStore) list = g_list_store_new (NT_TYPE_CONFIDENTIAL_REPORT);
  gboolean readable;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  if (!nt_access_require (store, NT_PERM_CONFIDENTIAL_WRITE, error))
    return NULL;
  readable = nt_access_may (store, NT_PERM_CONFIDENTIAL_READ);
  stmt = nt_store_prepare (store, REPORT_SELECT "ORDER BY c.received_at DESC, c.id DESC", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(NtConfidentialReport) r = report_from_row (stmt, readable);

      g_list_store_append (list, r);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}

/**
 * nt_confidential_read:
 *
 * Returns: (transfer full): the report with its content, or %NULL with
 *   %NT_ERROR_DENIED for a role that may not read it
 */
NtConfidentialReport *
nt_confidential_read (NtStore  *store,
                      gint64    report_id,
                      GError  **error)
{
  NtConfidentialReport *r;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  if (!nt_access_require (store, NT_PERM_CONFIDENTIAL_READ, error))
    return NULL;
  stmt = nt_store_row_for_id (store, REPORT_SELECT "WHERE c.id = ?1", report_id,
                              _("This confidential report no longer exists."), error);
  if (stmt == NULL)
    return NULL;
  r = report_from_row (stmt, TRUE);
  sqlite3_reset (stmt);
  return r;
}

guint
nt_confidential_count_new (NtStore *store)
{
  g_return_val_if_fail (NT_IS_STORE (store), 0);

  return (guint) MAX (0, nt_store_count (store,
                                         "SELECT count(*) FROM confidential_reports "
                                         "WHERE incident_id IS NULL AND closed_at IS NULL"));
}

/* ----- dealing with a report --------------------------------------------- */

gboolean
nt_confidential_close (NtStore  *store,
                       gint64    report_id,
                       GError  **error)
{
  g_autofree char *now = nt_leave_time_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_CONFIDENTIAL_READ, error))
    return FALSE;
  stmt = nt_store_prepare (store,
                           "UPDATE confidential_reports SET closed_at = ?2 WHERE id = ?1 AND closed_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (!nt_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (nt_store_get_db (store)) != 1)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                   _("This confidential report no longer exists or was already dealt with."));
      return FALSE;
    }
  nt_store_emit_changed (store, "confidential_reports");
  return TRUE;
}

/* Opens the incident through the incident book, which checks it; the
 * book's links know no confidential report yet, so the link is written on
 * the row afterwards, in the same transaction. */
static gint64
open_incident (NtStore                            *store,
               NtConfidentialReport               *report,
               const NtConfidentialIncidentInput  *input,
               GError                            **error)
{
  g_autoptr(NtIncident) incident = g_object_new (NT_TYPE_INCIDENT, NULL);
  g_autoptr(GListStore) people = g_list_store_new (NT_TYPE_INCIDENT_PERSON);
  sqlite3_stmt *stmt;
  gint64 id;

  incident->occurred_at = g_strdup (input->occurred_at ? input->occurred_at : report->received_at);
  incident->place_kind = g_strdup (input->place_kind ? input->place_kind : "school");
  incident->place_text = g_strdup (input->place_text ? input->place_text : "");
  incident->category = g_strdup (input->category);
  incident->severity = input->severity;
  incident->description = g_strdup (!nt_str_empty (input->description) ? input->description : report->content);
  /* TRANSLATORS: "reported by" of an incident opened from the confidential box (Hộp thư góp ý) */
  incident->reported_by = g_strdup (_("Confidential box"));
  id = nt_incidents_save (store, incident, G_LIST_MODEL (people), error);
  if (id == 0)
    return 0;
  stmt = nt_store_prepare (store,
                           "UPDATE incidents SET source_kind = 'confidential', source_id = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, report->id);
  if (!nt_store_step_done (store, stmt, error))
    return 0;
  return id;
}

/**
 * nt_confidential_to_incident:
 *
 * Opens an incident from a report and keeps the link both ways. Only the content (or
 * @input's description) goes over: never the reporter's name, and the
 * incident's "reported by" says only that it came through the box.
 *
 * Returns: the incident's id, or 0 with @error set
 */
gint64
nt_confidential_to_incident (NtStore                            *store,
                             gint64                              report_id,
                             const NtConfidentialIncidentInput  *input,
                             GError                            **error)
{
  g_autoptr(NtConfidentialReport) report = NULL;
  sqlite3_stmt *stmt;
  gint64 incident_id;

  g_return_val_if_fail (NT_IS_STORE (store), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (!nt_access_require (store, NT_PERM_CONFIDENTIAL_READ, error) ||
      !nt_access_require (store, NT_PERM_RECORD_INCIDENTS, error))
    return 0;
  report = nt_confidential_read (store, report_id, error);
  if (report == NULL)
    return 0;
  if (report->incident_id != 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_EXISTS,
                   _("This confidential report is already incident number %lld."),
                   (long long) report->incident_id);
      return 0;
    }

  if (!nt_store_begin (store, error))
    return 0;
  incident_id = open_incident (store, report, input, error);
  if (incident_id == 0)
    goto fail;
  stmt = nt_store_prepare (store, "UPDATE confidential_reports SET incident_id = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_int64 (stmt, 2, incident_id);
  if (!nt_store_step_done (store, stmt, error) || !nt_store_commit (store, error))
    goto fail;
  nt_store_emit_changed (store, "confidential_reports");
  nt_store_emit_changed (store, "incidents");
  return incident_id;

fail:
  nt_store_rollback (store);
  return 0;
}
