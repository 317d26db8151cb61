/* nt-reports-period.c: the period and the building of the night-check,
 * leave and meal reports (shared through nt-reports-private.h) */
#define G_LOG_DOMAIN "nt-reports-period"

#include "nt-date.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-reports-private.h"
#include "nt-util.h"

static char *
shift_iso (const GDate *date,
           int          days)
{
  g_autoptr(GDate) copy = g_date_copy (date);

  if (days > 0)
    g_date_add_days (copy, (guint) days);
  else if (days < 0)
    g_date_subtract_days (copy, (guint) -days);
  return nt_date_to_iso (copy);
}

static gboolean
check_day (gboolean     first,
           const char  *iso,
           GError     **error)
{
  g_autoptr(GDate) date = NULL;

  if (iso == NULL)
    return TRUE;
  date = nt_date_from_iso (iso);
  if (date != NULL)
    return TRUE;
  if (first)
    /* TRANSLATORS: %s is what was given; keep YYYY-MM-DD as is */
    g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("The first day of the period, “%s”, is not a date (YYYY-MM-DD)"), iso);
  else
    /* TRANSLATORS: %s is what was given; keep YYYY-MM-DD as is */
    g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("The last day of the period, “%s”, is not a date (YYYY-MM-DD)"), iso);
  return FALSE;
}

/* The first and last day of the month of @date. */
static void
month_of (const GDate  *date,
          char        **first,
          char        **last)
{
  g_autoptr(GDate) d = g_date_new_dmy (1, g_date_get_month (date), g_date_get_year (date));

  *first = nt_date_to_iso (d);
  g_date_set_day (d, g_date_get_days_in_month (g_date_get_month (date), g_date_get_year (date)));
  *last = nt_date_to_iso (d);
}

/**
 * nt_reports_period:
 * @fallback: what the period is when options give neither end
 * @from: (out) (transfer full): the first day, ISO
 * @to: (out) (transfer full): the last day, ISO
 * @error: NT_ERROR_INVALID for a day that is not a date, or an end before
 *   the start
 *
 * The days a report covers: options->from to options->to.  With one end
 * only, a month report covers that end's month up to (or from) it, and
 * the other reports that one day; with none, @fallback.
 */
gboolean
nt_reports_period (const NtReportOptions  *options,
                   NtReportsPeriod         fallback,
                   char                  **from,
                   char                  **to,
                   GError                **error)
{
  const char *f = options ? options->from : NULL;
  const char *t = options ? options->to : NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (!check_day (TRUE, f, error) || !check_day (FALSE, t, error))
    return FALSE;

  if (f == NULL && t == NULL)
    {
      g_autofree char *today = nt_date_today_iso ();
      g_autoptr(GDate) day = nt_date_from_iso (today);

      switch (fallback)
        {
        case NT_REPORTS_PERIOD_MONTH:
          month_of (day, &first, &last);
          break;
        case NT_REPORTS_PERIOD_TOMORROW:
          first = shift_iso (day, 1);
          last = g_strdup (first);
          break;
        case NT_REPORTS_PERIOD_TODAY:
        default:
          first = g_strdup (today);
          last = g_strdup (today);
          break;
        }
    }
  else if (f == NULL || t == NULL)
    {
      g_autoptr(GDate) day = nt_date_from_iso (f ? f : t);

      if (fallback == NT_REPORTS_PERIOD_MONTH)
        {
          month_of (day, &first, &last);
          nt_set_str (f ? &first : &last, f ? f : t);
        }
      else
        {
          first = g_strdup (f ? f : t);
          last = g_strdup (first);
        }
    }
  else
    {
      first = g_strdup (f);
      last = g_strdup (t);
    }

  if (g_strcmp0 (first, last) > 0)
    {
      g_autofree char *shown_first = nt_date_iso_to_display (first);
      g_autofree char *shown_last = nt_date_iso_to_display (last);

      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The period starts on %s, after its end on %s"), shown_first, shown_last);
      return FALSE;
    }
  *from = g_steal_pointer (&first);
  *to = g_steal_pointer (&last);
  return TRUE;
}

/**
 * nt_reports_period_line:
 *
 * Returns: (transfer full): "from 01/11/2026 to 30/11/2026", or the one
 *   day "05/11/2026"
 */
char *
nt_reports_period_line (const char *from,
                        const char *to)
{
  g_autofree char *shown_from = nt_date_iso_to_display (from);
  g_autofree char *shown_to = nt_date_iso_to_display (to);

  if (g_strcmp0 (from, to) == 0)
    return g_steal_pointer (&shown_from);
  /* TRANSLATORS: the period of a report (từ ngày 01/11/2026 đến ngày 30/11/2026) */
  return g_strdup_printf (_("from %s to %s"), shown_from, shown_to);
}

/**
 * nt_reports_days_between:
 *
 * Returns: the number of days from @from to @to (0 for the same day)
 */
int
nt_reports_days_between (const char *from,
                         const char *to)
{
  g_autoptr(GDate) a = nt_date_from_iso (from);
  g_autoptr(GDate) b = nt_date_from_iso (to);

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  return g_date_days_between (a, b);
}

/**
 * nt_reports_day_after:
 *
 * Returns: (transfer full): the ISO day @days after @iso
 */
char *
nt_reports_day_after (const char *iso,
                      int         days)
{
  g_autoptr(GDate) date = nt_date_from_iso (iso);

  g_return_val_if_fail (date != NULL, NULL);

  return shift_iso (date, days);
}

/**
 * nt_reports_building_check:
 * @building_id: a building, or 0 for all
 * @name: (out) (optional) (transfer full): its name, %NULL for 0
 * @error: NT_ERROR_NOT_FOUND when there is no such building
 */
gboolean
nt_reports_building_check (NtStore      *store,
                           gint64        building_id,
                           char        **name,
                           GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean found;

  if (name)
    *name = NULL;
  if (building_id == 0)
    return TRUE;
  stmt = nt_store_prepare (store, "SELECT name FROM buildings WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, building_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found && name)
    *name = g_strdup (nt_reports_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (!found)
    {
      /* Formatted apart: xgettext cannot read G_GINT64_FORMAT inside a msgid. */
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, building_id);
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("There is no building with the number %s"), id);
    }
  return found;
}

/**
 * nt_reports_begin_period:
 * @options: (inout): the report's options; %NULL becomes the defaults
 * @from: (out) (transfer full): the first day, ISO
 * @to: (out) (transfer full): the last day, ISO
 *
 * What a report over a period does first: no options are the defaults, a
 * cancelled job stops, and the period is read (nt_reports_period()).
 */
gboolean
nt_reports_begin_period (const NtReportOptions  **options,
                         GCancellable            *cancellable,
                         NtReportsPeriod          fallback,
                         char                   **from,
                         char                   **to,
                         GError                 **error)
{
  static const NtReportOptions defaults = { 0 };

  if (*options == NULL)
    *options = &defaults;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return nt_reports_period (*options, fallback, from, to, error);
}

/**
 * nt_reports_period_sheet:
 * @name: the report's name in the registry, whose title the sheet takes
 * @sheet_name: the name of the sheet's tab, translated
 *
 * Adds a sheet titled with the report's title over the period line.
 *
 * Returns: (transfer none): the sheet
 */
NtReportSheet *
nt_reports_period_sheet (NtReport              *report,
                         const char            *name,
                         const char            *sheet_name,
                         const char            *from,
                         const char            *to,
                         const NtReportColumn  *columns,
                         guint                  n_columns,
                         NtReportOrientation    orientation)
{
  g_autofree char *period = nt_reports_period_line (from, to);

  return nt_report_add_sheet (report, sheet_name, _(nt_reports_find (name)->title), period,
                              columns, n_columns, orientation);
}

/**
 * nt_reports_building_period_sheet:
 * @name: the report's name in the registry, whose title the sheet takes
 * @sheet_name: the name of the sheet's tab, translated
 * @building: (nullable): the building the report is limited to, or %NULL
 *
 * Like nt_reports_period_sheet(), for a report that may be limited to one
 * building: "Building A - from 01/11/2026 to 30/11/2026".
 *
 * Returns: (transfer none): the sheet
 */
NtReportSheet *
nt_reports_building_period_sheet (NtReport             *report,
                                  const char           *name,
                                  const char           *sheet_name,
                                  const char           *building,
                                  const char           *from,
                                  const char           *to,
                                  const NtReportColumn *columns,
                                  guint                 n_columns,
                                  NtReportOrientation   orientation)
{
  g_autofree char *period = NULL;
  g_autofree char *subtitle = NULL;

  if (building == NULL)
    return nt_reports_period_sheet (report, name, sheet_name, from, to, columns, n_columns, orientation);
  period = nt_reports_period_line (from, to);
  subtitle = g_strdup_printf (_("%s - %s"), building, period);
  return nt_report_add_sheet (report, sheet_name, _(nt_reports_find (name)->title), subtitle,
                              columns, n_columns, orientation);
}
