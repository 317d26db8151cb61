/* nt-report-handovers.c: the hand-over notes of a period (SỔ GIAO CA) */
#define G_LOG_DOMAIN "nt-report-handovers"

#include "nt-handovers.h"
#include "nt-i18n.h"
#include "nt-leaves.h"
#include "nt-report.h"
#include "nt-reports.h"
#include "nt-reports-private.h"
#include "nt-util.h"

enum
{
  HO_NO,
  HO_DATE,
  HO_POST,
  HO_SHIFT,
  HO_WRITTEN_BY,
  HO_HAPPENED,
  HO_TO_WATCH,
  HO_ACK_BY,
  HO_ACK_AT,
  HO_N
};

static void
handover_row (NtReportSheet *sheet,
              NtHandover    *h,
              guint          number)
{
  g_autofree char *written_at = nt_leave_time_to_display (h->written_at);
  g_autofree char *by = g_strdup_printf ("%s\n%s", h->written_by_name, written_at ? written_at : "");
  g_autofree char *ack_at = nt_leave_time_to_display (h->acknowledged_at);
  NtReportValue values[HO_N];

  values[HO_NO] = NT_REPORT_NUMBER (number);
  values[HO_DATE] = NT_REPORT_DATE (h->date);
  values[HO_POST] = NT_REPORT_TEXT (h->post_name);
  values[HO_SHIFT] = NT_REPORT_TEXT (h->shift_name);
  values[HO_WRITTEN_BY] = NT_REPORT_TEXT (by);
  values[HO_HAPPENED] = NT_REPORT_TEXT (h->happened);
  values[HO_TO_WATCH] = NT_REPORT_TEXT (h->to_watch);
  if (h->acknowledged_by != 0)
    {
      values[HO_ACK_BY] = NT_REPORT_TEXT (h->acknowledged_by_name);
      values[HO_ACK_AT] = NT_REPORT_TEXT (ack_at);
    }
  else
    {
      /* TRANSLATORS: the hand-over report: a note nobody took over yet (Chưa nhận) */
      values[HO_ACK_BY] = nt_report_toned (NT_REPORT_TEXT (_("Not acknowledged")), NT_REPORT_TONE_NOTICE);
      values[HO_ACK_AT] = NT_REPORT_EMPTY;
    }
  nt_report_add_row (sheet, values);
}

/**
 * nt_report_handovers:
 *
 * SỔ GIAO CA: the hand-over notes of options->from to options->to (the
 * current month by default), in the order they were written: the date,
 * post and shift, who wrote it and when, what happened, what the next
 * shift must watch, and who took it over and when (a note not yet taken
 * over is marked).  A4 landscape, long notes on several lines.
 */
gboolean
nt_report_handovers (NtStore                *store,
                     const NtReportOptions  *options,
                     const char             *path,
                     GCancellable           *cancellable,
                     NtProgressFunc          progress_func,
                     gpointer                progress_data,
                     GError                **error)
{
  const NtReportColumn columns[HO_N] = {
    /* TRANSLATORS: the column of row numbers in a list (STT) */
    [HO_NO] = { _("No."), 5, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the hand-over report (Ngày) */
    [HO_DATE] = { _("Date"), 11, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the hand-over report (Vị trí trực) */
    [HO_POST] = { _("Post"), 14, NT_REPORT_ALIGN_WRAP },
    /* TRANSLATORS: a column of the hand-over report (Ca trực) */
    [HO_SHIFT] = { _("Shift"), 7, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the hand-over report: the writer and the time (Người viết) */
    [HO_WRITTEN_BY] = { _("Written by"), 18, NT_REPORT_ALIGN_WRAP },
    /* TRANSLATORS: a column of the hand-over report (Tình hình trong ca) */
    [HO_HAPPENED] = { _("What happened"), 36, NT_REPORT_ALIGN_WRAP },
    /* TRANSLATORS: a column of the hand-over report (Lưu ý ca sau) */
    [HO_TO_WATCH] = { _("To watch"), 28, NT_REPORT_ALIGN_WRAP },
    /* TRANSLATORS: a column of the hand-over report (Người nhận ca) */
    [HO_ACK_BY] = { _("Acknowledged by"), 18, NT_REPORT_ALIGN_WRAP },
    /* TRANSLATORS: a column of the hand-over report (Lúc nhận) */
    [HO_ACK_AT] = { _("Acknowledged at"), 16, NT_REPORT_ALIGN_CENTER },
  };
  NtReportsProgress progress = { cancellable, progress_func, progress_data, 0, 0 };
  g_autoptr(NtReport) report = NULL;
  g_autoptr(GListStore) notes = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  NtReportSheet *sheet;
  guint n;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!nt_reports_begin_period (&options, cancellable, NT_REPORTS_PERIOD_MONTH, &from, &to, error))
    return FALSE;
  notes = nt_handovers_list (store, from, to, 0, NULL, error);
  if (notes == NULL)
    return FALSE;
  report = nt_reports_open (store, options, path, error);
  if (report == NULL)
    return FALSE;

  sheet = nt_reports_period_sheet (report, "handovers",
                                 /* TRANSLATORS: the name of a sheet (tab) of the report */
                                 _("Hand-over notes"),
                                 from, to, columns, HO_N, NT_REPORT_LANDSCAPE);
  n = g_list_model_get_n_items (G_LIST_MODEL (notes));
  progress.total = n;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtHandover) h = g_list_model_get_item (G_LIST_MODEL (notes), i);

      handover_row (sheet, h, i + 1);
      if (!nt_reports_progress_step (&progress, error))
        return FALSE;
    }
  if (n == 0)
    /* TRANSLATORS: the only row of the hand-over report of a period without notes */
    nt_report_add_group_row (sheet, _("No hand-over notes in this period."));
  return nt_reports_finish (report, &progress, error);
}
