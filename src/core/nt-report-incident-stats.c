/* nt-report-incident-stats.c: the incident statistics (thống kê vụ việc)
 *
 * One row per category of the list (those without incidents too: a zero
 * is an answer the police and the education office ask for), one column
 * per month of the period, then the total, those not closed, how the
 * closed ones ended and how many were reported to the police; a total row
 * and a chart of the incidents per month under it. Figures only, no names:
 * like the counts of nt-incidents.h it needs no permission.
 */
#define G_LOG_DOMAIN "nt-report-incident-stats"

#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-incidents.h"
#include "nt-report.h"
#include "nt-reports.h"
#include "nt-reports-private.h"
#include "nt-school.h"

/* A longer period is a table nobody reads; the register lists any period. */
#define MAX_MONTHS 36

/* The columns after the months. */
enum
{
  ST_TOTAL,
  ST_NOT_CLOSED,
  ST_SETTLED,
  ST_DISCIPLINED,
  ST_POLICE,
  ST_OTHER,
  ST_REPORTED,
  ST_N
};

/* The counts of one row: one per month, then the ST_ columns. */
static void
add_counts_row (NtReportSheet         *sheet,
                guint                  number,
                const char            *label,
                const guint           *months,
                guint                  n_months,
                const NtIncidentCount *c,
                gboolean               total)
{
  NtReportTone tone = total ? NT_REPORT_TONE_TOTAL : NT_REPORT_TONE_NONE;
  g_autofree NtReportValue *values = g_new0 (NtReportValue, 2 + n_months + ST_N);
  const guint figures[ST_N] = {
    c->total, c->open + c->in_progress, c->settled, c->disciplined, c->police, c->other_outcome,
    c->reported_to_police,
  };

  values[0] = nt_report_toned (total ? NT_REPORT_EMPTY : NT_REPORT_NUMBER (number), tone);
  values[1] = nt_report_toned (NT_REPORT_TEXT (label), tone);
  for (guint m = 0; m < n_months; m++)
    values[2 + m] = nt_report_toned (NT_REPORT_NUMBER (months[m]), tone);
  for (guint i = 0; i < ST_N; i++)
    values[2 + n_months + i] = nt_report_toned (NT_REPORT_NUMBER (figures[i]), tone);
  /* Not closed ones stand out, as in the register. */
  if (!total && figures[ST_NOT_CLOSED] > 0)
    values[2 + n_months + ST_NOT_CLOSED] = nt_report_toned (NT_REPORT_NUMBER (figures[ST_NOT_CLOSED]),
                                                            NT_REPORT_TONE_NOTICE);
  nt_report_add_row (sheet, values);
}

/* The incidents of each category in each month: @per_category[c][m]. */
static gboolean
count_months (NtStore     *store,
              const char  *from,
              const char  *to,
              int          first_year,
              int          first_month,
              guint        n_months,
              GHashTable  *per_category,
              GError     **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "SELECT category, CAST (substr (occurred_at, 1, 4) AS INTEGER), "
                                         "  CAST (substr (occurred_at, 6, 2) AS INTEGER), count (*) "
                                         "FROM incidents WHERE occurred_at >= ?1 AND occurred_at <= ?2 || ' 23:59' "
                                         "GROUP BY 1, 2, 3", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint *months = g_hash_table_lookup (per_category, sqlite3_column_text (stmt, 0));
      int m = (sqlite3_column_int (stmt, 1) - first_year) * 12 + sqlite3_column_int (stmt, 2) - first_month;

      if (months != NULL && m >= 0 && (guint) m < n_months)
        months[m] += (guint) sqlite3_column_int (stmt, 3);
    }
  return nt_reports_check_step (store, stmt, rc, error);
}

/**
 * nt_report_incident_stats:
 *
 * THỐNG KÊ VỤ VIỆC: the incidents from options->from to options->to (the
 * current school year by default; one end only: that end's month) by
 * category and month, with how they ended. At most 36 months. A4
 * landscape.
 */
gboolean
nt_report_incident_stats (NtStore                *store,
                          const NtReportOptions  *options,
                          const char             *path,
                          GCancellable           *cancellable,
                          NtProgressFunc          progress_func,
                          gpointer                progress_data,
                          GError                **error)
{
  NtReportOptions defaults = { 0 };
  NtReportsProgress progress = { cancellable, progress_func, progress_data, 0, 0 };
  g_autoptr(NtReport) report = NULL;
  g_autoptr(GListStore) counts = NULL;
  g_autoptr(NtIncidentCount) total = NULL;
  g_autoptr(GHashTable) per_category = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *period = NULL;
  g_autofree NtReportColumn *columns = NULL;
  g_autofree guint *month_totals = NULL;
  const NtIncidentCategory *cats;
  NtReportSheet *sheet;
  guint n_cats, n_months, n_columns, chart_row;
  int first_year, first_month, span;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    options = &defaults;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (options->from == NULL && options->to == NULL)
    {
      g_autoptr(NtSchoolInfo) info = nt_school_get (store);

      if (info != NULL && info->school_year != NULL)
        nt_incidents_school_year_range (info->school_year, &from, &to);
    }
  if (from == NULL && !nt_reports_period (options, NT_REPORTS_PERIOD_MONTH, &from, &to, error))
    return FALSE;

  first_year = (int) g_ascii_strtoll (from, NULL, 10);
  first_month = (int) g_ascii_strtoll (from + 5, NULL, 10);
  span = ((int) g_ascii_strtoll (to, NULL, 10) - first_year) * 12
         + (int) g_ascii_strtoll (to + 5, NULL, 10) - first_month + 1;
  if (span < 1 || span > MAX_MONTHS)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The incident statistics cover from 1 to %d months; the period from %s to %s has %d."),
                   MAX_MONTHS, from, to, span);
      return FALSE;
    }
  n_months = (guint) span;

  counts = nt_incidents_count_by_category (store, from, to, error);
  if (counts == NULL)
    return FALSE;
  total = nt_incidents_count_total (store, from, to, error);
  if (total == NULL)
    return FALSE;
  cats = nt_incident_categories (&n_cats);
  for (guint i = 0; i < n_cats; i++)
    g_hash_table_insert (per_category, (gpointer) cats[i].id, g_new0 (guint, n_months));
  if (!count_months (store, from, to, first_year, first_month, n_months, per_category, error))
    return FALSE;

  /* The columns: No., category, the months, then the figures. */
  n_columns = 2 + n_months + ST_N;
  columns = g_new0 (NtReportColumn, n_columns);
  /* TRANSLATORS: the column of row numbers in a list (STT) */
  columns[0] = (NtReportColumn) { _("No."), 5, NT_REPORT_ALIGN_CENTER };
  /* TRANSLATORS: a column of the incident statistics (Loại vụ việc) */
  columns[1] = (NtReportColumn) { _("Category"), 26, NT_REPORT_ALIGN_LEFT };
  for (guint m = 0; m < n_months; m++)
    {
      int month0 = first_month - 1 + (int) m;
      char *title = g_strdup_printf ("%02d/%04d", month0 % 12 + 1, first_year + month0 / 12);

      g_ptr_array_add (titles, title);
      columns[2 + m] = (NtReportColumn) { title, 8, NT_REPORT_ALIGN_CENTER };
    }
  columns[2 + n_months + ST_TOTAL] = (NtReportColumn) { _("Total"), 7, NT_REPORT_ALIGN_CENTER };
  /* TRANSLATORS: a column of the incident statistics: open or in progress (Chưa kết thúc) */
  columns[2 + n_months + ST_NOT_CLOSED] = (NtReportColumn) { _("Not closed"), 9, NT_REPORT_ALIGN_CENTER };
  columns[2 + n_months + ST_SETTLED] = (NtReportColumn) { _("Settled at school"), 11, NT_REPORT_ALIGN_CENTER };
  columns[2 + n_months + ST_DISCIPLINED] = (NtReportColumn) { _("Disciplined"), 10, NT_REPORT_ALIGN_CENTER };
  columns[2 + n_months + ST_POLICE] = (NtReportColumn) { _("Transferred to the police"), 11, NT_REPORT_ALIGN_CENTER };
  columns[2 + n_months + ST_OTHER] = (NtReportColumn) { _("Other outcome"), 9, NT_REPORT_ALIGN_CENTER };
  columns[2 + n_months + ST_REPORTED] = (NtReportColumn) { _("Reported to the police"), 11, NT_REPORT_ALIGN_CENTER };

  report = nt_reports_open (store, options, path, error);
  if (report == NULL)
    return FALSE;
  period = nt_reports_period_line (from, to);
  sheet = nt_report_add_sheet (report,
                               /* TRANSLATORS: the name of a sheet (tab) of the report (Thống kê) */
                               _("Statistics"),
                               _(nt_reports_find ("incident-stats")->title), period,
                               columns, n_columns, NT_REPORT_LANDSCAPE);

  month_totals = g_new0 (guint, n_months);
  for (guint i = 0; i < n_cats; i++)
    {
      g_autoptr(NtIncidentCount) c = g_list_model_get_item (G_LIST_MODEL (counts), i);
      const guint *months = g_hash_table_lookup (per_category, cats[i].id);

      for (guint m = 0; m < n_months; m++)
        month_totals[m] += months[m];
      add_counts_row (sheet, i + 1, cats[i].label, months, n_months, c, FALSE);
      if (!nt_reports_progress_step (&progress, error))
        return FALSE;
    }
  chart_row = nt_report_sheet_get_row (sheet);
  add_counts_row (sheet, 0, _("Total"), month_totals, n_months, total, TRUE);
  nt_report_add_chart (sheet, NT_REPORT_CHART_COLUMN,
                       /* TRANSLATORS: the title of the chart under the incident statistics (Số vụ việc mỗi tháng) */
                       _("Incidents per month"),
                       nt_report_sheet_get_header_row (sheet), chart_row, 2, 2 + n_months - 1);
  return nt_reports_finish (report, &progress, error);
}
