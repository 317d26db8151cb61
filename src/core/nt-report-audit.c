/* nt-report-audit.c: the audit trail of a period (nhật ký thay đổi dữ liệu)
 *
 * Every change of the period, oldest first: when, who, what kind of record
 * and the fields before → after, as the audit screen says them. Only for
 * those who may read the trail.
 */
#define G_LOG_DOMAIN "nt-report-audit"

#include "nt-access.h"
#include "nt-audit.h"
#include "nt-audit-private.h"
#include "nt-date.h"
#include "nt-i18n.h"
#include "nt-report.h"
#include "nt-reports.h"
#include "nt-reports-private.h"

#include <string.h>

enum
{
  AU_NO,
  AU_AT,
  AU_WHO,
  AU_ACTION,
  AU_RECORD,
  AU_CHANGES,
  AU_N
};

enum
{
  Q_AT,
  Q_WHO,
  Q_TABLE,
  Q_ROW,
  Q_ACTION,
  Q_CHANGES,
  Q_VALUES,
};

typedef struct
{
  NtStore       *store;
  NtReportSheet *sheet;
  guint          n;      /* rows written: an update that says nothing is skipped */
} AuditRows;

static void
audit_row (sqlite3_stmt *stmt,
           guint         number,
           gpointer      data)
{
  AuditRows *rows = data;
  g_autoptr(NtAuditEntry) e = g_object_new (NT_TYPE_AUDIT_ENTRY, NULL);
  g_autofree char *changes = NULL;
  g_autofree char *record = NULL;
  g_autofree char *name = NULL;
  g_autofree char *day = NULL;
  g_autofree char *at = NULL;
  const char *who = nt_reports_column_text (stmt, Q_WHO);
  const char *when = nt_reports_column_text (stmt, Q_AT);
  NtReportValue values[AU_N];

  e->action = g_strdup (nt_reports_column_text (stmt, Q_ACTION));
  e->table_name = g_strdup (nt_reports_column_text (stmt, Q_TABLE));
  e->row_id = sqlite3_column_int64 (stmt, Q_ROW);
  e->changes = g_strdup (nt_reports_column_text (stmt, Q_CHANGES));
  e->values = g_strdup (nt_reports_column_text (stmt, Q_VALUES));
  changes = nt_audit_describe (rows->store, e);
  /* An update whose values all read the same (1 and 1.0) says nothing. */
  if (g_strcmp0 (e->action, "update") == 0 && changes[0] == '\0')
    return;
  name = nt_audit_record_name (rows->store, e);
  record = g_strdup_printf ("%s: %s", nt_audit_table_label (e->table_name), name);
  day = g_strndup (when, 10);
  {
    g_autofree char *shown = nt_date_iso_to_display (day);
    at = g_strdup_printf ("%s %s", shown ? shown : day, strlen (when) > 11 ? when + 11 : "");
  }

  values[AU_NO] = NT_REPORT_NUMBER (++rows->n);
  values[AU_AT] = NT_REPORT_TEXT (at);
  values[AU_WHO] = NT_REPORT_TEXT (who[0] ? who : _("The program (import, command line)"));
  values[AU_ACTION] = NT_REPORT_TEXT (nt_audit_action_label (e->action));
  values[AU_RECORD] = NT_REPORT_TEXT (record);
  values[AU_CHANGES] = NT_REPORT_TEXT (changes);
  nt_report_add_row (rows->sheet, values);
}

/**
 * nt_report_audit:
 *
 * NHẬT KÝ THAY ĐỔI DỮ LIỆU: every change of the days options->from to
 * options->to (the current month by default), oldest first. Needs
 * %NT_PERM_VIEW_AUDIT. A4 landscape.
 */
gboolean
nt_report_audit (NtStore                *store,
                 const NtReportOptions  *options,
                 const char             *path,
                 GCancellable           *cancellable,
                 NtProgressFunc          progress_func,
                 gpointer                progress_data,
                 GError                **error)
{
  const NtReportColumn columns[AU_N] = {
    [AU_NO] = { _("No."), 5, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the audit trail: when the change was made (Thời điểm) */
    [AU_AT] = { C_("audit", "When"), 18, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the audit trail: who made the change (Người thực hiện) */
    [AU_WHO] = { _("Who"), 22, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the audit trail: added, changed or deleted (Thao tác) */
    [AU_ACTION] = { _("Action"), 9, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the audit trail: the kind of record and its name (Bản ghi) */
    [AU_RECORD] = { _("Record"), 30, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the audit trail: the fields, before → after (Nội dung thay đổi) */
    [AU_CHANGES] = { _("Changes"), 52, NT_REPORT_ALIGN_LEFT },
  };
  NtReportsProgress progress = { cancellable, progress_func, progress_data, 0, 0 };
  g_autoptr(NtReport) report = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  NtReportSheet *sheet;
  AuditRows rows;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!nt_access_require (store, NT_PERM_VIEW_AUDIT, error))
    return FALSE;
  if (!nt_reports_begin_period (&options, cancellable, NT_REPORTS_PERIOD_MONTH, &from, &to, error))
    return FALSE;

  stmt = nt_store_prepare (store,
                           "SELECT a.at, ifnull (s.full_name, ''), a.table_name, a.row_id, a.action, "
                           "       " NT_AUDIT_CHANGES_SQL ", " NT_AUDIT_VALUES_SQL " "
                           "FROM audit_log AS a LEFT JOIN staff AS s ON s.id = a.staff_id "
                           "WHERE a.at >= ?1 AND a.at < date (?2, '+1 day') "
                           "  AND " NT_AUDIT_SHOWN_SQL
                           "ORDER BY a.id", error);
  if (stmt == NULL)
    return FALSE;
  report = nt_reports_open (store, options, path, error);
  if (report == NULL)
    return FALSE;

  sheet = nt_reports_period_sheet (report, "audit",
                                   /* TRANSLATORS: the name of a sheet (tab) of the report */
                                   _("Audit trail"),
                                   from, to, columns, AU_N, NT_REPORT_LANDSCAPE);
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  rows.store = store;
  rows.sheet = sheet;
  rows.n = 0;
  if (!nt_reports_each_row (store, stmt, &progress, audit_row, &rows, error))
    return FALSE;
  if (nt_report_sheet_get_n_rows (sheet) == 0)
    /* TRANSLATORS: the only row of the audit trail of a period without changes */
    nt_report_add_group_row (sheet, _("No change in this period."));
  return nt_reports_finish (report, &progress, error);
}
