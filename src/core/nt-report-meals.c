/* nt-report-meals.c: the meal count for the kitchen (báo cơm, số suất ăn)
 *
 * For each day of the period and each building, the boarders expected at
 * breakfast, lunch and dinner, as nt_meals_day() counts them; the day's
 * total when there are several buildings, and the period's total when
 * there are several days.
 */
#define G_LOG_DOMAIN "nt-report-meals"

#include "nt-i18n.h"
#include "nt-meals.h"
#include "nt-report.h"
#include "nt-reports.h"
#include "nt-reports-private.h"
#include "nt-util.h"

enum { ML_DAY, ML_BUILDING, ML_BOARDERS, ML_MEALS, ML_TOTAL = ML_MEALS + NT_N_MEALS, ML_N };

/* Totals of several buildings or days. */
typedef struct
{
  guint boarders;
  guint meals[NT_N_MEALS];
} Sum;

static void
sum_row (NtReportSheet *sheet,
         const char    *label,
         const Sum     *sum)
{
  NtReportValue values[ML_N];
  guint all = 0;

  values[ML_DAY] = nt_report_toned (NT_REPORT_TEXT (label), NT_REPORT_TONE_TOTAL);
  values[ML_BUILDING] = nt_report_toned (NT_REPORT_EMPTY, NT_REPORT_TONE_TOTAL);
  values[ML_BOARDERS] = nt_report_toned (NT_REPORT_EMPTY, NT_REPORT_TONE_TOTAL);
  for (guint m = 0; m < NT_N_MEALS; m++)
    {
      values[ML_MEALS + m] = nt_report_toned (NT_REPORT_NUMBER (sum->meals[m]), NT_REPORT_TONE_TOTAL);
      all += sum->meals[m];
    }
  values[ML_TOTAL] = nt_report_toned (NT_REPORT_NUMBER (all), NT_REPORT_TONE_TOTAL);
  nt_report_add_row (sheet, values);
}

/**
 * nt_report_meals:
 *
 * SỐ SUẤT ĂN: for each day of options->from to options->to (tomorrow by
 * default; one end only: that day) and each building (or only
 * options->building_id), the boarders with a bed and those expected at
 * each meal, the portions of the day, and the totals.
 */
gboolean
nt_report_meals (NtStore                *store,
                 const NtReportOptions  *options,
                 const char             *path,
                 GCancellable           *cancellable,
                 NtProgressFunc          progress_func,
                 gpointer                progress_data,
                 GError                **error)
{
  NtReportColumn columns[ML_N] = {
    /* TRANSLATORS: a column of the meal count: the day (Ngày) */
    [ML_DAY] = { _("Day"), 12, NT_REPORT_ALIGN_CENTER },
    [ML_BUILDING] = { _("Building"), 16, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the meal count: students with a bed that day (Số học sinh nội trú) */
    [ML_BOARDERS] = { _("Boarders"), 11, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the meal count: the portions of the day (Tổng suất) */
    [ML_TOTAL] = { _("Portions"), 10, NT_REPORT_ALIGN_CENTER },
  };
  g_autoptr(GPtrArray) meal_titles = g_ptr_array_new_with_free_func (g_free);
  NtReportsProgress progress = { cancellable, progress_func, progress_data, 0, 0 };
  g_autoptr(NtReport) report = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *building = NULL;
  NtReportSheet *sheet;
  Sum period_sum = { 0 };
  int n_days;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!nt_reports_begin_period (&options, cancellable, NT_REPORTS_PERIOD_TOMORROW, &from, &to, error) ||
      !nt_reports_building_check (store, options->building_id, &building, error))
    return FALSE;
  report = nt_reports_open (store, options, path, error);
  if (report == NULL)
    return FALSE;

  for (guint m = 0; m < NT_N_MEALS; m++)
    {
      /* TRANSLATORS: a column of the meal count: the meal and its time (Bữa sáng (06:30)) */
      char *title = g_strdup_printf (_("%s (%s)"), nt_meal_label (m), nt_meal_time (m));

      g_ptr_array_add (meal_titles, title);
      columns[ML_MEALS + m] = (NtReportColumn) { title, 11, NT_REPORT_ALIGN_CENTER };
    }
  sheet = nt_reports_building_period_sheet (report, "meals",
                                            /* TRANSLATORS: the name of a sheet (tab) of the report */
                                            _("Meals"),
                                            building, from, to, columns, ML_N, NT_REPORT_PORTRAIT);

  n_days = nt_reports_days_between (from, to) + 1;
  progress.total = n_days;
  for (int d = 0; d < n_days; d++)
    {
      g_autofree char *day = nt_reports_day_after (from, d);
      g_autoptr(GListStore) counts = nt_meals_day (store, day, options->building_id, error);
      Sum day_sum = { 0 };
      guint n;

      if (counts == NULL)
        return FALSE;
      n = g_list_model_get_n_items (G_LIST_MODEL (counts));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NtMealCount) c = g_list_model_get_item (G_LIST_MODEL (counts), i);
          NtReportValue values[ML_N];
          guint all = 0;

          values[ML_DAY] = NT_REPORT_DATE (day);
          values[ML_BUILDING] = NT_REPORT_TEXT (c->building_name);
          values[ML_BOARDERS] = NT_REPORT_NUMBER (c->boarders);
          day_sum.boarders += c->boarders;
          for (guint m = 0; m < NT_N_MEALS; m++)
            {
              values[ML_MEALS + m] = NT_REPORT_NUMBER (c->meals[m]);
              day_sum.meals[m] += c->meals[m];
              period_sum.meals[m] += c->meals[m];
              all += c->meals[m];
            }
          values[ML_TOTAL] = NT_REPORT_NUMBER (all);
          nt_report_add_row (sheet, values);
        }
      if (n > 1)
        {
          g_autofree char *shown = nt_reports_period_line (day, day);
          /* TRANSLATORS: the total row of one day in the meal count (Cộng ngày 05/11/2026) */
          g_autofree char *label = g_strdup_printf (_("Total %s"), shown);
          sum_row (sheet, label, &day_sum);
        }
      if (!nt_reports_progress_step (&progress, error))
        return FALSE;
    }
  if (nt_report_sheet_get_n_rows (sheet) == 0)
    /* TRANSLATORS: the only row of the meal count of a school without buildings */
    nt_report_add_group_row (sheet, _("There are no dorm buildings yet."));
  else if (n_days > 1)
    sum_row (sheet, _("Total"), &period_sum);
  return nt_reports_finish (report, &progress, error);
}
