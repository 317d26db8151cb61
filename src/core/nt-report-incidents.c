/* nt-report-incidents.c: the incident register (sổ theo dõi vụ việc)
 *
 * Every incident of the period, in the order they happened: when, where,
 * the category and severity, what happened, who was involved and how, who
 * reported it, what was done, when the guardians and the police were told,
 * the state and how it ended. An incident still open past its category's
 * limit (judged when the report is written) stands out in red.
 */
#define G_LOG_DOMAIN "nt-report-incidents"

#include "nt-access.h"
#include "nt-i18n.h"
#include "nt-incidents.h"
#include "nt-leaves.h"
#include "nt-report.h"
#include "nt-reports.h"
#include "nt-reports-private.h"
#include "nt-school.h"
#include "nt-util.h"

enum
{
  IN_NO,
  IN_WHEN,
  IN_PLACE,
  IN_CATEGORY,
  IN_SEVERITY,
  IN_DESCRIPTION,
  IN_PEOPLE,
  IN_REPORTED_BY,
  IN_ACTIONS,
  IN_GUARDIANS,
  IN_POLICE,
  IN_STATE,
  IN_OUTCOME,
  IN_CLOSED_AT,
  IN_N
};

/* "dd/mm/yyyy HH:MM (by whom)", or "" when it did not happen. */
static char *
when_by (const char *at,
         const char *by)
{
  g_autofree char *shown = NULL;

  if (nt_str_empty (at))
    return g_strdup ("");
  shown = nt_leave_time_to_display (at);
  if (nt_str_empty (by))
    return g_steal_pointer (&shown);
  return g_strdup_printf ("%s (%s)", shown, by);
}

static void
incident_row (NtReportSheet *sheet,
              NtIncident    *inc,
              guint          number)
{
  g_autofree char *when = nt_leave_time_to_display (inc->occurred_at);
  g_autofree char *guardians = when_by (inc->guardians_informed_at, inc->guardians_informed_by_name);
  g_autofree char *police = when_by (inc->police_reported_at, inc->police_contact);
  g_autofree char *closed_at = nt_leave_time_to_display (inc->closed_at);
  g_autofree char *outcome = NULL;
  NtReportValue values[IN_N];
  NtReportTone tone = NT_REPORT_TONE_NONE;

  if (nt_str_empty (inc->outcome))
    outcome = g_strdup ("");
  else if (nt_str_empty (inc->outcome_note))
    outcome = g_strdup (nt_incident_outcome_label (inc->outcome));
  else
    outcome = g_strdup_printf ("%s: %s", nt_incident_outcome_label (inc->outcome), inc->outcome_note);

  if (inc->overdue)
    tone = NT_REPORT_TONE_BAD;
  else if (g_strcmp0 (inc->state, "closed") != 0)
    tone = NT_REPORT_TONE_NOTICE;

  values[IN_NO] = NT_REPORT_NUMBER (number);
  values[IN_WHEN] = NT_REPORT_TEXT (when);
  values[IN_PLACE] = NT_REPORT_TEXT (inc->place);
  values[IN_CATEGORY] = NT_REPORT_TEXT (nt_incident_category_label (inc->category));
  values[IN_SEVERITY] = NT_REPORT_TEXT (nt_incident_severity_label (inc->severity));
  values[IN_DESCRIPTION] = NT_REPORT_TEXT (inc->description);
  values[IN_PEOPLE] = NT_REPORT_TEXT (inc->people);
  values[IN_REPORTED_BY] = NT_REPORT_TEXT (inc->reported_by);
  values[IN_ACTIONS] = NT_REPORT_TEXT (inc->actions);
  values[IN_GUARDIANS] = NT_REPORT_TEXT (guardians);
  values[IN_POLICE] = NT_REPORT_TEXT (police);
  values[IN_STATE] = nt_report_toned (NT_REPORT_TEXT (nt_incident_state_label (inc->state)), tone);
  values[IN_OUTCOME] = NT_REPORT_TEXT (outcome);
  values[IN_CLOSED_AT] = NT_REPORT_TEXT (closed_at);
  nt_report_add_row (sheet, values);
}

/* The period asked for; with no day at all, the current school year. */
static gboolean
incidents_period (NtStore                *store,
                  const NtReportOptions  *options,
                  char                  **from,
                  char                  **to,
                  GError                **error)
{
  if (options->from == NULL && options->to == NULL)
    {
      g_autoptr(NtSchoolInfo) info = nt_school_get (store);

      if (info != NULL && info->school_year != NULL)
        {
          nt_incidents_school_year_range (info->school_year, from, to);
          return TRUE;
        }
    }
  return nt_reports_period (options, NT_REPORTS_PERIOD_MONTH, from, to, error);
}

/**
 * nt_report_incidents:
 *
 * SỔ THEO DÕI VỤ VIỆC: every incident from options->from to options->to
 * (the current school year by default; one end only: that end's month),
 * in options->building_id (the building or one of its rooms) or anywhere,
 * oldest first. Needs the permission to see incidents. A4 landscape.
 */
gboolean
nt_report_incidents (NtStore                *store,
                     const NtReportOptions  *options,
                     const char             *path,
                     GCancellable           *cancellable,
                     NtProgressFunc          progress_func,
                     gpointer                progress_data,
                     GError                **error)
{
  const NtReportColumn columns[IN_N] = {
    /* TRANSLATORS: the column of row numbers in a list (STT) */
    [IN_NO] = { _("No."), 5, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the incident register: when it happened (Thời gian) */
    [IN_WHEN] = { _("Time"), 16, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the incident register (Địa điểm) */
    [IN_PLACE] = { _("Place"), 16, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the incident register (Loại vụ việc) */
    [IN_CATEGORY] = { _("Category"), 18, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the incident register (Mức độ) */
    [IN_SEVERITY] = { _("Severity"), 11, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the incident register (Diễn biến) */
    [IN_DESCRIPTION] = { _("What happened"), 30, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the incident register (Người liên quan) */
    [IN_PEOPLE] = { _("People involved"), 24, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the incident register (Người báo tin) */
    [IN_REPORTED_BY] = { _("Reported by"), 16, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the incident register (Biện pháp đã xử lý) */
    [IN_ACTIONS] = { _("Actions taken"), 26, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the incident register (Báo gia đình) */
    [IN_GUARDIANS] = { _("Guardians informed"), 18, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the incident register (Báo công an) */
    [IN_POLICE] = { _("Reported to the police"), 18, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the incident register (Trạng thái) */
    [IN_STATE] = { _("State"), 12, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the incident register (Kết quả xử lý) */
    [IN_OUTCOME] = { _("Outcome"), 22, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the incident register (Ngày kết thúc) */
    [IN_CLOSED_AT] = { _("Ended at"), 16, NT_REPORT_ALIGN_CENTER },
  };
  NtReportOptions defaults = { 0 };
  NtReportsProgress progress = { cancellable, progress_func, progress_data, 0, 0 };
  NtIncidentFilter filter = { 0 };
  g_autoptr(NtReport) report = NULL;
  g_autoptr(GListStore) list = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *building = NULL;
  NtReportSheet *sheet;
  guint n;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    options = &defaults;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!nt_access_require (store, NT_PERM_VIEW_INCIDENTS, error) ||
      !incidents_period (store, options, &from, &to, error) ||
      !nt_reports_building_check (store, options->building_id, &building, error))
    return FALSE;

  filter.from = from;
  filter.to = to;
  filter.building_id = options->building_id;
  list = nt_incidents_list (store, &filter, NULL, error);
  if (list == NULL)
    return FALSE;
  report = nt_reports_open (store, options, path, error);
  if (report == NULL)
    return FALSE;

  sheet = nt_reports_building_period_sheet (report, "incidents",
                                            /* TRANSLATORS: the name of a sheet (tab) of the report (Vụ việc) */
                                            _("Incidents"),
                                            building, from, to, columns, IN_N, NT_REPORT_LANDSCAPE);

  /* The list is newest first; the register reads oldest first. */
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  progress.total = n;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtIncident) inc = g_list_model_get_item (G_LIST_MODEL (list), n - 1 - i);

      incident_row (sheet, inc, i + 1);
      if (!nt_reports_progress_step (&progress, error))
        return FALSE;
    }
  if (n == 0)
    /* TRANSLATORS: the only row of the incident register of a period without incidents */
    nt_report_add_group_row (sheet, _("No incidents in this period."));
  return nt_reports_finish (report, &progress, error);
}
