/* nt-report-commitments.c: the commitment register (sổ theo dõi cam kết)
 * and the coverage summary (tổng hợp tỷ lệ ký cam kết)
 *
 * Both read the same rows as the Commitments section: everyone who must
 * sign each rule set now (active students and staff), with their newest
 * signature and whether it is of the latest version.
 */
#define G_LOG_DOMAIN "nt-report-commitments"

#include <math.h>

#include "nt-commitments.h"
#include "nt-date.h"
#include "nt-i18n.h"
#include "nt-report.h"
#include "nt-reports.h"
#include "nt-reports-private.h"

static NtReportTone
status_tone (NtCommitmentStatus status)
{
  switch (status)
    {
    case NT_COMMITMENT_SIGNED:
      return NT_REPORT_TONE_GOOD;
    case NT_COMMITMENT_OUTDATED:
      return NT_REPORT_TONE_WARN;
    case NT_COMMITMENT_MISSING:
      return NT_REPORT_TONE_BAD;
    default:
      return NT_REPORT_TONE_NONE;
    }
}

static char *
set_heading (NtRuleSet *set)
{
  g_autofree char *effective = nt_date_iso_to_display (set->effective_date);

  /* TRANSLATORS: a group row of the commitment reports: the rule set, its latest version and since when */
  return g_strdup_printf (_("%s (version %d, in force from %s)"), set->name, set->latest_version, effective);
}

/* Reads the rule sets into @sets and opens @report at @path with its one
 * landscape sheet, titled as the report @report_id is listed.
 *
 * Returns: (transfer none): the sheet, or NULL with @error set */
static NtReportSheet *
open_report (NtStore                *store,
             const NtReportOptions  *options,
             const char             *path,
             GCancellable           *cancellable,
             const char             *sheet_name,
             const char             *report_id,
             const NtReportColumn   *columns,
             guint                   n_columns,
             NtReport              **report,
             GListStore            **sets,
             GError                **error)
{
  g_autofree char *subtitle = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  *sets = nt_rule_sets_list (store, error);
  if (*sets == NULL)
    return NULL;
  *report = nt_reports_open (store, options, path, error);
  if (*report == NULL)
    return NULL;
  subtitle = nt_reports_school_year_line (store);
  return nt_report_add_sheet (*report, sheet_name, _(nt_reports_find (report_id)->title), subtitle,
                              columns, n_columns, NT_REPORT_LANDSCAPE);
}

/* ----- the register ------------------------------------------------------ */

enum
{
  RG_NO,
  RG_NAME,
  RG_GROUP,
  RG_VERSION,
  RG_SIGNED_ON,
  RG_GUARDIAN,
  RG_COLLECTED_BY,
  RG_STATE,
  RG_N
};

/**
 * nt_report_commitments:
 *
 * SỔ THEO DÕI KÝ CAM KẾT: for each rule set, everyone who must sign it,
 * by class then by staff role: the version signed, when, whether the
 * guardian signed, who collected the form, and the state (signed, out of
 * date, not signed). A4 landscape.
 */
gboolean
nt_report_commitments (NtStore                *store,
                       const NtReportOptions  *options,
                       const char             *path,
                       GCancellable           *cancellable,
                       NtProgressFunc          progress_func,
                       gpointer                progress_data,
                       GError                **error)
{
  const NtReportColumn columns[RG_N] = {
    /* TRANSLATORS: the column of row numbers in a list (STT) */
    [RG_NO] = { _("No."), 5, NT_REPORT_ALIGN_CENTER },
    [RG_NAME] = { _("Full name"), 24, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the commitment register: a student's class or a staff member's role */
    [RG_GROUP] = { _("Class or position"), 18, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the commitment register: the version of the rules signed */
    [RG_VERSION] = { _("Version signed"), 9, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the commitment register (Ngày ký) */
    [RG_SIGNED_ON] = { _("Signed on"), 12, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the commitment register (Phụ huynh ký) */
    [RG_GUARDIAN] = { _("Guardian signed"), 10, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the commitment register (Người thu) */
    [RG_COLLECTED_BY] = { _("Collected by"), 22, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the commitment register (Tình trạng) */
    [RG_STATE] = { _("State"), 13, NT_REPORT_ALIGN_CENTER },
  };
  NtReportsProgress progress = { cancellable, progress_func, progress_data, 0, 0 };
  g_autoptr(NtReport) report = NULL;
  g_autoptr(GListStore) sets = NULL;
  NtReportSheet *sheet;
  guint n_sets;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sheet = open_report (store, options, path, cancellable,
                       /* TRANSLATORS: the name of a sheet (tab) of the report */
                       _("Commitments"),
                       "commitments", columns, RG_N, &report, &sets, error);
  if (sheet == NULL)
    return FALSE;
  n_sets = g_list_model_get_n_items (G_LIST_MODEL (sets));
  for (guint s = 0; s < n_sets; s++)
    {
      g_autoptr(NtRuleSet) set = g_list_model_get_item (G_LIST_MODEL (sets), s);
      g_autoptr(GListStore) people = nt_commitments_entries (store, set, NULL, error);
      g_autofree char *heading = NULL;
      guint n;

      if (people == NULL)
        return FALSE;
      heading = set_heading (set);
      nt_report_add_group_row (sheet, heading);
      n = g_list_model_get_n_items (G_LIST_MODEL (people));
      progress.total += n;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NtCommitmentEntry) e = g_list_model_get_item (G_LIST_MODEL (people), i);
          NtReportValue values[RG_N];

          values[RG_NO] = NT_REPORT_NUMBER (i + 1);
          values[RG_NAME] = NT_REPORT_TEXT (e->full_name);
          values[RG_GROUP] = NT_REPORT_TEXT (e->group);
          values[RG_VERSION] = e->signed_version > 0 ? NT_REPORT_NUMBER (e->signed_version) : NT_REPORT_EMPTY;
          values[RG_SIGNED_ON] = e->signed_on ? NT_REPORT_DATE (e->signed_on) : NT_REPORT_EMPTY;
          /* TRANSLATORS: the guardian signed the form (Có) */
          values[RG_GUARDIAN] = e->guardian_signed ? NT_REPORT_TEXT (_("Yes")) : NT_REPORT_EMPTY;
          values[RG_COLLECTED_BY] = NT_REPORT_TEXT (e->collected_by_name);
          values[RG_STATE] = nt_report_toned (NT_REPORT_TEXT (nt_commitment_status_label (e->status)),
                                              status_tone (e->status));
          nt_report_add_row (sheet, values);
          if (!nt_reports_progress_step (&progress, error))
            return FALSE;
        }
    }
  if (n_sets == 0)
    /* TRANSLATORS: the only row of the commitment reports of a school without rule sets */
    nt_report_add_group_row (sheet, _("The school has no rule sets yet."));
  return nt_reports_finish (report, &progress, error);
}

/* ----- the coverage ------------------------------------------------------ */

enum
{
  CV_NO,
  CV_GROUP,
  CV_TOTAL,
  CV_SIGNED,
  CV_MISSING,
  CV_OUTDATED,
  CV_PERCENT,
  CV_NAMES,
  CV_N
};

static double
one_decimal (double value)
{
  return round (value * 10) / 10;
}

static NtReportTone
percent_tone (double percent)
{
  if (percent >= 100)
    return NT_REPORT_TONE_GOOD;
  if (percent >= 90)
    return NT_REPORT_TONE_NOTICE;
  return NT_REPORT_TONE_BAD;
}

/**
 * nt_report_commitment_coverage:
 *
 * TỔNG HỢP TỶ LỆ KÝ CAM KẾT: for each rule set, each class and each staff
 * role: how many must sign, signed, not signed and out of date, the
 * percentage against the 100 % target and the names still to sign; a
 * total row per set. A4 landscape.
 */
gboolean
nt_report_commitment_coverage (NtStore                *store,
                               const NtReportOptions  *options,
                               const char             *path,
                               GCancellable           *cancellable,
                               NtProgressFunc          progress_func,
                               gpointer                progress_data,
                               GError                **error)
{
  const NtReportColumn columns[CV_N] = {
    [CV_NO] = { _("No."), 5, NT_REPORT_ALIGN_CENTER },
    [CV_GROUP] = { _("Class or position"), 18, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the coverage summary: how many people must sign (Phải ký) */
    [CV_TOTAL] = { _("Must sign"), 9, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the coverage summary (Đã ký) */
    [CV_SIGNED] = { _("Signed"), 9, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the coverage summary (Chưa ký) */
    [CV_MISSING] = { _("Not signed"), 9, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the coverage summary: signed an earlier version (Phải ký lại) */
    [CV_OUTDATED] = { _("Must sign again"), 10, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the coverage summary (Tỷ lệ đã ký (%)) */
    /* xgettext:no-c-format */
    [CV_PERCENT] = { _("Signed (%)"), 9, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the coverage summary (Họ tên người chưa ký) */
    [CV_NAMES] = { _("Still to sign"), 60, NT_REPORT_ALIGN_WRAP },
  };
  NtReportsProgress progress = { cancellable, progress_func, progress_data, 0, 0 };
  g_autoptr(NtReport) report = NULL;
  g_autoptr(GListStore) sets = NULL;
  NtReportSheet *sheet;
  guint n_sets;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sheet = open_report (store, options, path, cancellable,
                       /* TRANSLATORS: the name of a sheet (tab) of the report */
                       _("Coverage"),
                       "commitment-coverage", columns, CV_N, &report, &sets, error);
  if (sheet == NULL)
    return FALSE;
  n_sets = g_list_model_get_n_items (G_LIST_MODEL (sets));
  for (guint s = 0; s < n_sets; s++)
    {
      g_autoptr(NtRuleSet) set = g_list_model_get_item (G_LIST_MODEL (sets), s);
      g_autoptr(GListStore) groups = nt_commitments_coverage (store, set, error);
      g_autofree char *heading = NULL;
      guint total = 0, n_signed = 0, n_missing = 0, n_outdated = 0;
      NtReportValue values[CV_N];
      double percent;
      guint n;

      if (groups == NULL)
        return FALSE;
      heading = set_heading (set);
      nt_report_add_group_row (sheet, heading);
      n = g_list_model_get_n_items (G_LIST_MODEL (groups));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NtCommitmentCoverage) c = g_list_model_get_item (G_LIST_MODEL (groups), i);

          values[CV_NO] = NT_REPORT_NUMBER (i + 1);
          values[CV_GROUP] = NT_REPORT_TEXT (c->group);
          values[CV_TOTAL] = NT_REPORT_NUMBER (c->total);
          values[CV_SIGNED] = NT_REPORT_NUMBER (c->n_signed);
          values[CV_MISSING] = NT_REPORT_NUMBER (c->n_missing);
          values[CV_OUTDATED] = NT_REPORT_NUMBER (c->n_outdated);
          values[CV_PERCENT] = nt_report_toned (NT_REPORT_NUMBER (one_decimal (c->percent)),
                                                percent_tone (c->percent));
          values[CV_NAMES] = NT_REPORT_TEXT (c->missing_names);
          nt_report_add_row (sheet, values);
          total += c->total;
          n_signed += c->n_signed;
          n_missing += c->n_missing;
          n_outdated += c->n_outdated;
          if (!nt_reports_progress_step (&progress, error))
            return FALSE;
        }
      percent = total > 0 ? 100.0 * n_signed / total : 100;
      values[CV_NO] = nt_report_toned (NT_REPORT_EMPTY, NT_REPORT_TONE_TOTAL);
      /* TRANSLATORS: the total row of a rule set in the coverage summary (Cộng) */
      values[CV_GROUP] = nt_report_toned (NT_REPORT_TEXT (_("Total")), NT_REPORT_TONE_TOTAL);
      values[CV_TOTAL] = nt_report_toned (NT_REPORT_NUMBER (total), NT_REPORT_TONE_TOTAL);
      values[CV_SIGNED] = nt_report_toned (NT_REPORT_NUMBER (n_signed), NT_REPORT_TONE_TOTAL);
      values[CV_MISSING] = nt_report_toned (NT_REPORT_NUMBER (n_missing), NT_REPORT_TONE_TOTAL);
      values[CV_OUTDATED] = nt_report_toned (NT_REPORT_NUMBER (n_outdated), NT_REPORT_TONE_TOTAL);
      values[CV_PERCENT] = nt_report_toned (NT_REPORT_NUMBER (one_decimal (percent)), NT_REPORT_TONE_TOTAL);
      values[CV_NAMES] = nt_report_toned (NT_REPORT_EMPTY, NT_REPORT_TONE_TOTAL);
      nt_report_add_row (sheet, values);
    }
  if (n_sets == 0)
    nt_report_add_group_row (sheet, _("The school has no rule sets yet."));
  return nt_reports_finish (report, &progress, error);
}
