/* nt-report-dialogues.c: dialogues with boarders and their follow-up
 * (tổng hợp đối thoại với học sinh nội trú)
 *
 * One block per dialogue of the period (its date, chair and attendees),
 * each item with the answer, who follows it up by when, and its state; a
 * second sheet lists every item still open, whatever its dialogue's date,
 * overdue first.
 */
#define G_LOG_DOMAIN "nt-report-dialogues"

#include "nt-date.h"
#include "nt-dialogues.h"
#include "nt-i18n.h"
#include "nt-report.h"
#include "nt-reports.h"
#include "nt-reports-private.h"
#include "nt-util.h"

enum
{
  DI_NO,
  DI_DATE,
  DI_QUESTION,
  DI_ANSWER,
  DI_FOLLOW_UP,
  DI_DUE,
  DI_STATE,
  DI_N
};

static NtReportValue
item_state (NtDialogueItem *item,
            char          **owned)
{
  if (!item->open)
    {
      g_autofree char *day = nt_date_iso_to_display (item->closed_at);

      /* TRANSLATORS: the state of a dialogue item settled on a date (Đã giải quyết dd/mm/yyyy) */
      *owned = g_strdup_printf (_("Settled %s"), day);
      return nt_report_toned (NT_REPORT_TEXT (*owned), NT_REPORT_TONE_GOOD);
    }
  if (item->overdue)
    /* TRANSLATORS: the state of a dialogue item past its date (Quá hạn) */
    return nt_report_toned (NT_REPORT_TEXT (_("Overdue")), NT_REPORT_TONE_BAD);
  /* TRANSLATORS: the state of a dialogue item not settled yet (Đang theo dõi) */
  return nt_report_toned (NT_REPORT_TEXT (C_("dialogue item", "Open")), NT_REPORT_TONE_NOTICE);
}

static void
item_row (NtReportSheet  *sheet,
          NtDialogueItem *item,
          guint           number)
{
  g_autofree char *state = NULL;
  NtReportValue v[DI_N];

  v[DI_NO] = NT_REPORT_NUMBER (number);
  v[DI_DATE] = NT_REPORT_DATE (item->held_on);
  v[DI_QUESTION] = NT_REPORT_TEXT (item->question);
  v[DI_ANSWER] = NT_REPORT_TEXT (item->answer);
  v[DI_FOLLOW_UP] = NT_REPORT_TEXT (item->follow_up_name);
  v[DI_DUE] = item->due_date ? NT_REPORT_DATE (item->due_date) : NT_REPORT_EMPTY;
  v[DI_STATE] = item_state (item, &state);
  nt_report_add_row (sheet, v);
}

/**
 * nt_report_dialogues:
 *
 * TỔNG HỢP ĐỐI THOẠI VỚI HỌC SINH NỘI TRÚ: the dialogues held from
 * options->from to options->to (every dialogue when neither is given) with
 * their items, and the items still open. "Overdue" is judged on the date
 * of the document.
 */
gboolean
nt_report_dialogues (NtStore                *store,
                     const NtReportOptions  *options,
                     const char             *path,
                     GCancellable           *cancellable,
                     NtProgressFunc          progress_func,
                     gpointer                progress_data,
                     GError                **error)
{
  const NtReportColumn columns[DI_N] = {
    [DI_NO] = { _("No."), 5, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the dialogue report: the day of the dialogue (Ngày đối thoại) */
    [DI_DATE] = { _("Dialogue"), 11, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the dialogue report (Ý kiến, kiến nghị của học sinh) */
    [DI_QUESTION] = { _("Question or wish"), 34, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the dialogue report (Trả lời của nhà trường) */
    [DI_ANSWER] = { _("School's answer"), 34, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the dialogue report (Người theo dõi) */
    [DI_FOLLOW_UP] = { _("Followed up by"), 18, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the dialogue report (Hạn) */
    [DI_DUE] = { _("Due"), 11, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the dialogue report (Tình trạng) */
    [DI_STATE] = { _("State"), 16, NT_REPORT_ALIGN_CENTER },
  };
  NtReportsProgress progress = { cancellable, progress_func, progress_data, 0, 0 };
  g_autoptr(NtReport) report = NULL;
  g_autoptr(GListStore) dialogues = NULL;
  g_autoptr(GListStore) open = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *today = NULL;
  NtReportSheet *sheet;
  guint number = 0;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (options != NULL && (options->from != NULL || options->to != NULL))
    {
      if (!nt_reports_period (options, NT_REPORTS_PERIOD_MONTH, &from, &to, error))
        return FALSE;
      subtitle = nt_reports_period_line (from, to);
    }
  else
    /* TRANSLATORS: the subtitle of the dialogue report when it covers every dialogue */
    subtitle = g_strdup (_("Every dialogue held"));
  today = g_strdup (options && options->date ? options->date : NULL);
  if (today == NULL)
    today = nt_date_today_iso ();

  dialogues = nt_dialogues_list (store, error);
  if (dialogues == NULL)
    return FALSE;
  open = nt_dialogues_open_items (store, today, error);
  if (open == NULL)
    return FALSE;
  report = nt_reports_open (store, options, path, error);
  if (report == NULL)
    return FALSE;

  sheet = nt_report_add_sheet (report,
                               /* TRANSLATORS: the name of a sheet (tab) of the report (Đối thoại) */
                               _("Dialogues"),
                               _(nt_reports_find ("dialogues")->title), subtitle,
                               columns, DI_N, NT_REPORT_LANDSCAPE);
  /* The list is the latest first; the book reads in the order held. */
  for (guint d = g_list_model_get_n_items (G_LIST_MODEL (dialogues)); d > 0; d--)
    {
      g_autoptr(NtDialogue) dialogue = g_list_model_get_item (G_LIST_MODEL (dialogues), d - 1);
      g_autoptr(GListStore) items = NULL;
      g_autofree char *day = NULL;
      g_autofree char *head = NULL;

      if (from != NULL && (g_strcmp0 (dialogue->held_on, from) < 0 || g_strcmp0 (dialogue->held_on, to) > 0))
        continue;
      items = nt_dialogues_items (store, dialogue->id, today, error);
      if (items == NULL)
        return FALSE;
      day = nt_date_iso_to_display (dialogue->held_on);
      /* TRANSLATORS: the heading of one dialogue in the report: date, chair, attendees */
      head = g_strdup_printf (_("Dialogue of %s, chaired by %s; present: %s"), day,
                              nt_str_empty (dialogue->chair_name) ? "—" : dialogue->chair_name,
                              nt_str_empty (dialogue->attendees) ? "—" : dialogue->attendees);
      nt_report_add_group_row (sheet, head);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (items)); i++)
        {
          g_autoptr(NtDialogueItem) item = g_list_model_get_item (G_LIST_MODEL (items), i);

          item_row (sheet, item, ++number);
          if (!nt_reports_progress_step (&progress, error))
            return FALSE;
        }
    }
  if (number == 0)
    /* TRANSLATORS: the only row of the dialogue report without dialogues */
    nt_report_add_group_row (sheet, _("No dialogue in this period."));

  sheet = nt_report_add_sheet (report,
                               /* TRANSLATORS: the name of a sheet (tab) of the report (Đang theo dõi) */
                               _("Still open"),
                               /* TRANSLATORS: a title, upper case as on a document (CÁC KIẾN NGHỊ ĐANG THEO DÕI) */
                               _("WISHES AND QUESTIONS STILL OPEN"), NULL,
                               columns, DI_N, NT_REPORT_LANDSCAPE);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (open)); i++)
    {
      g_autoptr(NtDialogueItem) item = g_list_model_get_item (G_LIST_MODEL (open), i);

      item_row (sheet, item, i + 1);
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (open)) == 0)
    /* TRANSLATORS: the only row of the open items sheet when everything is settled */
    nt_report_add_group_row (sheet, _("Everything raised has been settled."));
  return nt_reports_finish (report, &progress, error);
}
