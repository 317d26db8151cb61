/* nt-report-emergency-rolls.c: the record of the emergency rolls
 * (biên bản điểm danh khẩn cấp)
 *
 * A first sheet lists the rolls of the period with their times and
 * counts; then each roll has a sheet of its own: everyone on it by
 * building and assembly point, with their status and when it was marked,
 * to keep with the report of the fire or the drill.
 */
#define G_LOG_DOMAIN "nt-report-emergency-rolls"

#include <string.h>

#include "nt-date.h"
#include "nt-emergency.h"
#include "nt-i18n.h"
#include "nt-report.h"
#include "nt-reports.h"
#include "nt-reports-private.h"
#include "nt-util.h"

enum
{
  ER_NO,
  ER_KIND,
  ER_STARTED,
  ER_ENDED,
  ER_BY,
  ER_TOTAL,
  ER_SAFE,
  ER_MISSING,
  ER_INJURED,
  ER_AWAY,
  ER_UNACCOUNTED,
  ER_NOTE,
  ER_N
};

enum
{
  EP_NO,
  EP_NAME,
  EP_CLASS,
  EP_ROOM,
  EP_STATUS,
  EP_MARKED,
  EP_PHONE,
  EP_N
};

static NtReportTone
status_tone (const char *status)
{
  if (status == NULL)
    return NT_REPORT_TONE_NOTICE;
  if (g_str_equal (status, "missing"))
    return NT_REPORT_TONE_BAD;
  if (g_str_equal (status, "injured"))
    return NT_REPORT_TONE_WARN;
  if (g_str_equal (status, "away"))
    return NT_REPORT_TONE_INFO;
  return NT_REPORT_TONE_NONE;
}

/* 'YYYY-MM-DD HH:MM:SS' as 'dd/mm/yyyy HH:MM:SS'. */
static char *
instant_display (const char *instant)
{
  g_autofree char *day = NULL;
  g_autofree char *shown = NULL;

  if (instant == NULL || strlen (instant) < 16 || instant[10] != ' ')
    return g_strdup (instant ? instant : "");
  day = g_strndup (instant, 10);
  shown = nt_date_iso_to_display (day);
  return shown ? g_strdup_printf ("%s %s", shown, instant + 11) : g_strdup (instant);
}

static NtReportValue
count_value (guint        n,
             NtReportTone tone)
{
  return nt_report_toned (NT_REPORT_NUMBER (n), n > 0 ? tone : NT_REPORT_TONE_NONE);
}

static void
roll_row (NtReportSheet   *sheet,
          NtEmergencyRoll *roll,
          guint            number)
{
  g_autofree char *started = instant_display (roll->started_at);
  g_autofree char *ended = instant_display (roll->ended_at);
  NtReportValue values[ER_N];

  values[ER_NO] = NT_REPORT_NUMBER (number);
  values[ER_KIND] = NT_REPORT_TEXT (nt_emergency_kind_label (roll->kind));
  values[ER_STARTED] = NT_REPORT_TEXT (started);
  /* TRANSLATORS: the end of an emergency roll still open */
  values[ER_ENDED] = roll->ended_at ? NT_REPORT_TEXT (ended)
                                    : nt_report_toned (NT_REPORT_TEXT (_("Not ended")), NT_REPORT_TONE_NOTICE);
  values[ER_BY] = NT_REPORT_TEXT (roll->started_by_name);
  values[ER_TOTAL] = NT_REPORT_NUMBER (roll->counts.total);
  values[ER_SAFE] = NT_REPORT_NUMBER (roll->counts.safe);
  values[ER_MISSING] = count_value (roll->counts.missing, NT_REPORT_TONE_BAD);
  values[ER_INJURED] = count_value (roll->counts.injured, NT_REPORT_TONE_WARN);
  values[ER_AWAY] = NT_REPORT_NUMBER (roll->counts.away);
  values[ER_UNACCOUNTED] = count_value (roll->counts.unaccounted, NT_REPORT_TONE_NOTICE);
  values[ER_NOTE] = NT_REPORT_TEXT (roll->note);
  nt_report_add_row (sheet, values);
}

/* The people of one roll, a group row per building and assembly point. */
static gboolean
roll_sheet (NtStore            *store,
            NtReport           *report,
            NtEmergencyRoll    *roll,
            guint               number,
            NtReportsProgress  *progress,
            GError            **error)
{
  const NtReportColumn columns[EP_N] = {
    /* TRANSLATORS: the column of row numbers in a list (STT) */
    [EP_NO] = { _("No."), 5, NT_REPORT_ALIGN_CENTER },
    [EP_NAME] = { _("Full name"), 24, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the emergency roll: a student's class or a staff member's role */
    [EP_CLASS] = { _("Class or role"), 14, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the emergency roll: a student's room or a staff member's post */
    [EP_ROOM] = { _("Room or post"), 14, NT_REPORT_ALIGN_CENTER },
    [EP_STATUS] = { _("State"), 14, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the emergency roll: when the person was marked (Thời điểm) */
    [EP_MARKED] = { _("Marked at"), 20, NT_REPORT_ALIGN_CENTER },
    [EP_PHONE] = { _("Phone"), 14, NT_REPORT_ALIGN_LEFT },
  };
  g_autoptr(GListStore) entries = nt_emergency_entries (store, roll->id, error);
  g_autofree char *started = instant_display (roll->started_at);
  g_autofree char *ended = instant_display (roll->ended_at);
  /* TRANSLATORS: the name of a sheet of the emergency-roll record: "Lượt 1" */
  g_autofree char *sheet_name = g_strdup_printf (_("Roll %u"), number);
  g_autofree char *subtitle = NULL;
  gint64 building = -1;
  guint in_group = 0;
  NtReportSheet *sheet;
  guint n;

  if (entries == NULL)
    return FALSE;
  if (roll->ended_at)
    /* TRANSLATORS: the subtitle of one emergency roll: kind, start, end
     * ("Diễn tập - bắt đầu 05/11/2026 21:40:00, kết thúc 05/11/2026 21:52:10") */
    subtitle = g_strdup_printf (_("%s - started %s, ended %s"), nt_emergency_kind_label (roll->kind), started, ended);
  else
    /* TRANSLATORS: the subtitle of one emergency roll still open: kind, start */
    subtitle = g_strdup_printf (_("%s - started %s, not ended"), nt_emergency_kind_label (roll->kind), started);
  sheet = nt_report_add_sheet (report, sheet_name, _(nt_reports_find ("emergency-rolls")->title), subtitle,
                               columns, EP_N, NT_REPORT_PORTRAIT);

  n = g_list_model_get_n_items (G_LIST_MODEL (entries));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtRollEntry) e = g_list_model_get_item (G_LIST_MODEL (entries), i);
      g_autofree char *marked = instant_display (e->marked_at);
      const char *place = e->student_id != 0 ? e->room_number : e->post_name;
      const char *phone = e->student_id != 0 ? e->guardian_phone : e->phone;
      const char *status = nt_emergency_status_label (e->status);
      NtReportValue values[EP_N];

      if (e->building_id != building)
        {
          g_autofree char *group = NULL;

          if (e->building_id == 0)
            /* TRANSLATORS: the group of staff on posts outside the buildings in an emergency roll */
            group = g_strdup (_("Other posts"));
          else if (nt_str_empty (e->assembly_point))
            group = g_strdup (e->building_name);
          else
            /* TRANSLATORS: a group of the emergency roll: building and assembly point
             * ("Nhà A - điểm tập trung: Sân bóng") */
            group = g_strdup_printf (_("%s - assembly point: %s"), e->building_name, e->assembly_point);
          nt_report_add_group_row (sheet, group);
          building = e->building_id;
          in_group = 0;
        }
      values[EP_NO] = NT_REPORT_NUMBER (++in_group);
      values[EP_NAME] = NT_REPORT_TEXT (e->name);
      values[EP_CLASS] = NT_REPORT_TEXT (e->class_or_role);
      values[EP_ROOM] = NT_REPORT_TEXT (place);
      values[EP_STATUS] = nt_report_toned (NT_REPORT_TEXT (status), status_tone (e->status));
      values[EP_MARKED] = NT_REPORT_TEXT (marked);
      values[EP_PHONE] = NT_REPORT_TEXT (phone);
      nt_report_add_row (sheet, values);
      if (!nt_reports_progress_step (progress, error))
        return FALSE;
    }
  if (n == 0)
    /* TRANSLATORS: the only row of an emergency roll with nobody on it */
    nt_report_add_group_row (sheet, _("Nobody was on this roll."));
  return TRUE;
}

/**
 * nt_report_emergency_rolls:
 *
 * BIÊN BẢN ĐIỂM DANH KHẨN CẤP: the emergency rolls started from
 * options->from to options->to (every roll when neither is given; one end
 * only: that day), oldest first: a sheet listing them with their times and
 * counts, then a sheet per roll with everyone on it by building and
 * assembly point, their status and when it was marked.
 */
gboolean
nt_report_emergency_rolls (NtStore                *store,
                           const NtReportOptions  *options,
                           const char             *path,
                           GCancellable           *cancellable,
                           NtProgressFunc          progress_func,
                           gpointer                progress_data,
                           GError                **error)
{
  const NtReportColumn columns[ER_N] = {
    [ER_NO] = { _("No."), 5, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the list of emergency rolls: fire, drill… (Loại) */
    [ER_KIND] = { _("Kind"), 12, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the list of emergency rolls (Bắt đầu) */
    [ER_STARTED] = { _("Started"), 19, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the list of emergency rolls (Kết thúc) */
    [ER_ENDED] = { _("Ended"), 19, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the list of emergency rolls: who started it (Người điểm danh) */
    [ER_BY] = { _("Started by"), 18, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the list of emergency rolls: people on the roll (Tổng số) */
    [ER_TOTAL] = { _("On the roll"), 8, NT_REPORT_ALIGN_CENTER },
    [ER_SAFE] = { nt_emergency_status_label ("safe"), 8, NT_REPORT_ALIGN_CENTER },
    [ER_MISSING] = { nt_emergency_status_label ("missing"), 8, NT_REPORT_ALIGN_CENTER },
    [ER_INJURED] = { nt_emergency_status_label ("injured"), 8, NT_REPORT_ALIGN_CENTER },
    [ER_AWAY] = { nt_emergency_status_label ("away"), 8, NT_REPORT_ALIGN_CENTER },
    [ER_UNACCOUNTED] = { nt_emergency_status_label (NULL), 10, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of a list (Ghi chú) */
    [ER_NOTE] = { _("Remarks"), 20, NT_REPORT_ALIGN_LEFT },
  };
  NtReportOptions defaults = { 0 };
  NtReportsProgress progress = { cancellable, progress_func, progress_data, 0, 0 };
  g_autoptr(NtReport) report = NULL;
  g_autoptr(GListStore) all = NULL;
  g_autoptr(GPtrArray) rolls = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *subtitle = NULL;
  NtReportSheet *sheet;
  guint n;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    options = &defaults;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if ((options->from || options->to) &&
      !nt_reports_period (options, NT_REPORTS_PERIOD_TODAY, &from, &to, error))
    return FALSE;
  all = nt_emergency_list (store, error);
  if (all == NULL)
    return FALSE;

  /* Oldest first, as a record is read. */
  n = g_list_model_get_n_items (G_LIST_MODEL (all));
  for (guint i = n; i-- > 0;)
    {
      NtEmergencyRoll *roll = g_list_model_get_item (G_LIST_MODEL (all), i);
      g_autofree char *day = g_strndup (roll->started_at ? roll->started_at : "", 10);

      if (from && (strcmp (day, from) < 0 || strcmp (day, to) > 0))
        {
          g_object_unref (roll);
          continue;
        }
      g_ptr_array_add (rolls, roll);
      progress.total += roll->counts.total;
    }

  report = nt_reports_open (store, options, path, error);
  if (report == NULL)
    return FALSE;
  /* TRANSLATORS: the subtitle of the emergency-roll record when no period was given */
  subtitle = from ? nt_reports_period_line (from, to) : g_strdup (_("Every roll"));
  sheet = nt_report_add_sheet (report,
                               /* TRANSLATORS: the name of a sheet (tab) of the report */
                               _("Rolls"),
                               _(nt_reports_find ("emergency-rolls")->title), subtitle,
                               columns, ER_N, NT_REPORT_LANDSCAPE);
  for (guint i = 0; i < rolls->len; i++)
    roll_row (sheet, rolls->pdata[i], i + 1);
  if (rolls->len == 0)
    /* TRANSLATORS: the only row of the emergency-roll record when there was none */
    nt_report_add_group_row (sheet, _("There was no emergency roll in this period."));
  for (guint i = 0; i < rolls->len; i++)
    if (!roll_sheet (store, report, rolls->pdata[i], i + 1, &progress, error))
      return FALSE;
  return nt_reports_finish (report, &progress, error);
}
