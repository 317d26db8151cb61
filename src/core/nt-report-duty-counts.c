/* nt-report-duty-counts.c: how many duties each person stood in a period
 * (BẢNG TỔNG HỢP SỐ CA TRỰC), to show that nights and weekends are shared
 * fairly
 *
 * The weekend column counts the shifts starting on a Saturday, a Sunday or
 * a holiday the school keeps (the Duty roster section).
 */
#define G_LOG_DOMAIN "nt-report-duty-counts"

#include "nt-i18n.h"
#include "nt-report.h"
#include "nt-reports.h"
#include "nt-reports-private.h"
#include "nt-roster.h"
#include "nt-staff.h"
#include "nt-util.h"

enum
{
  DC_NO,
  DC_NAME,
  DC_ROLE,
  DC_SHIFTS,
  DC_NIGHTS,
  DC_WEEKENDS,
  DC_HOURS,
  DC_N
};

/* The counted columns, from DC_SHIFTS on. */
#define N_COUNTS (DC_N - DC_SHIFTS)

/* The columns of the query below. */
enum { Q_NAME, Q_ROLE, Q_SHIFTS, Q_NIGHTS, Q_WEEKENDS, Q_MINUTES };

typedef struct
{
  NtReportSheet *sheet;
  double         min[N_COUNTS];
  double         max[N_COUNTS];
  double         total[N_COUNTS];
  guint          n;
} Counts;

static void
count_row (Counts      *c,
           NtDutyCount *dc,
           guint        number)
{
  double counts[N_COUNTS] = { dc->shifts, dc->nights, dc->weekends, dc->minutes / 60.0 };
  NtReportValue values[DC_N];

  values[DC_NO] = NT_REPORT_NUMBER (number);
  values[DC_NAME] = NT_REPORT_TEXT (dc->staff_name);
  values[DC_ROLE] = NT_REPORT_TEXT (nt_staff_role_label (dc->role));
  for (guint i = 0; i < N_COUNTS; i++)
    {
      values[DC_SHIFTS + i] = NT_REPORT_NUMBER (counts[i]);
      c->min[i] = c->n == 0 ? counts[i] : MIN (c->min[i], counts[i]);
      c->max[i] = c->n == 0 ? counts[i] : MAX (c->max[i], counts[i]);
      c->total[i] += counts[i];
    }
  c->n++;
  nt_report_add_row (c->sheet, values);
}

static void
summary_row (NtReportSheet *sheet,
             const char    *label,
             const double  *counts)
{
  NtReportValue values[DC_N];

  values[DC_NO] = nt_report_toned (NT_REPORT_EMPTY, NT_REPORT_TONE_TOTAL);
  values[DC_NAME] = nt_report_toned (NT_REPORT_TEXT (label), NT_REPORT_TONE_TOTAL);
  values[DC_ROLE] = nt_report_toned (NT_REPORT_EMPTY, NT_REPORT_TONE_TOTAL);
  for (guint i = 0; i < N_COUNTS; i++)
    values[DC_SHIFTS + i] = nt_report_toned (NT_REPORT_NUMBER (counts[i]), NT_REPORT_TONE_TOTAL);
  nt_report_add_row (sheet, values);
}

/**
 * nt_report_duty_counts:
 *
 * BẢNG TỔNG HỢP SỐ CA TRỰC: for options->from to options->to (the current
 * month by default), each person who stood a duty or could (active, of a
 * role some post takes), in name order: shifts, nights, weekend shifts and
 * hours; then the least and the most of each column, which show whether
 * the burden is shared fairly, and the totals.
 */
gboolean
nt_report_duty_counts (NtStore                *store,
                       const NtReportOptions  *options,
                       const char             *path,
                       GCancellable           *cancellable,
                       NtProgressFunc          progress_func,
                       gpointer                progress_data,
                       GError                **error)
{
  const NtReportColumn columns[DC_N] = {
    /* TRANSLATORS: the column of row numbers in a list (STT) */
    [DC_NO] = { _("No."), 5, NT_REPORT_ALIGN_CENTER },
    [DC_NAME] = { _("Full name"), 26, NT_REPORT_ALIGN_LEFT },
    [DC_ROLE] = { _("Role"), 16, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the duty counts (Số ca trực) */
    [DC_SHIFTS] = { _("Number of shifts"), 10, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the duty counts (Ca đêm) */
    [DC_NIGHTS] = { _("Night shifts"), 10, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the duty counts (Ca thứ Bảy, Chủ nhật, ngày lễ) */
    [DC_WEEKENDS] = { _("Saturday, Sunday and holiday shifts"), 14, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the duty counts (Số giờ trực) */
    [DC_HOURS] = { _("Hours on duty"), 10, NT_REPORT_ALIGN_CENTER },
  };
  NtReportsProgress progress = { cancellable, progress_func, progress_data, 0, 0 };
  Counts counts = { 0 };
  g_autoptr(NtReport) report = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GListStore) people = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!nt_reports_begin_period (&options, cancellable, NT_REPORTS_PERIOD_MONTH, &from, &to, error))
    return FALSE;
  people = nt_roster_duty_counts (store, from, to, error);
  if (people == NULL)
    return FALSE;
  report = nt_reports_open (store, options, path, error);
  if (report == NULL)
    return FALSE;

  counts.sheet = nt_reports_period_sheet (report, "duty-counts",
                                        /* TRANSLATORS: the name of a sheet (tab) of the report */
                                        _("Duty counts"),
                                        from, to, columns, DC_N, NT_REPORT_PORTRAIT);
  progress.total = g_list_model_get_n_items (G_LIST_MODEL (people));
  for (guint i = 0; i < progress.total; i++)
    {
      g_autoptr(NtDutyCount) dc = g_list_model_get_item (G_LIST_MODEL (people), i);

      count_row (&counts, dc, i + 1);
      if (!nt_reports_progress_step (&progress, error))
        return FALSE;
    }
  if (counts.n == 0)
    /* TRANSLATORS: the only row of the duty counts of a school without a roster */
    nt_report_add_group_row (counts.sheet, _("Nobody is on the roster in this period."));
  else
    {
      /* TRANSLATORS: a row under the duty counts: the least of each column (Ít nhất) */
      summary_row (counts.sheet, _("Least"), counts.min);
      /* TRANSLATORS: a row under the duty counts: the most of each column (Nhiều nhất) */
      summary_row (counts.sheet, _("Most"), counts.max);
      /* TRANSLATORS: a row under the duty counts: the sum of each column (Tổng cộng) */
      summary_row (counts.sheet, _("Total"), counts.total);
    }
  return nt_reports_finish (report, &progress, error);
}
