/* nt-report-assessment.c: the ANTT self-assessment and its dossier (hồ sơ
 * đề nghị công nhận đạt tiêu chuẩn "An toàn về an ninh, trật tự")
 *
 * One workbook, one sheet per document, each in the administrative format
 * with its signature block: the self-assessment report (each criterion, the
 * result, the school's evidence and the program's figures), the figures and
 * incidents in detail, and the documents of the dossier drafted from the
 * school's data: the pledge (bản đăng ký phấn đấu), the plan for the year,
 * the rules in force, the coordination plan with the police and the
 * families, and the minutes of the self-assessment meeting. The drafts are
 * meant to be read, completed and signed: blanks are dotted lines.
 */
#define G_LOG_DOMAIN "nt-report-assessment"

#include <stdio.h>
#include <string.h>

#include "nt-assessment.h"
#include "nt-commitments.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-report.h"
#include "nt-reports.h"
#include "nt-reports-private.h"
#include "nt-school.h"
#include "nt-util.h"

enum
{
  AS_NO,
  AS_CRITERION,
  AS_RESULT,
  AS_EVIDENCE,
  AS_FIGURES,
  AS_FILES,
  AS_N
};

enum
{
  IN_CATEGORY,
  IN_TOTAL,
  IN_OPEN,
  IN_SETTLED,
  IN_DISCIPLINED,
  IN_POLICE,
  IN_OTHER,
  IN_REPORTED,
  IN_N
};

enum
{
  RS_NO,
  RS_NAME,
  RS_VERSION,
  RS_DATE,
  RS_AUDIENCE,
  RS_N
};

/* The school year of the report: the one options->from falls in, or the
 * current one. */
static char *
report_year (NtStore               *store,
             const NtReportOptions *options)
{
  int y, m, d;

  if (options->from != NULL && sscanf (options->from, "%4d-%2d-%2d", &y, &m, &d) == 3)
    {
      if (m < 9)
        y--;
      return g_strdup_printf ("%d-%d", y, y + 1);
    }
  return nt_assessment_current_year (store);
}

static const char *
result_label (int met)
{
  if (met == 1)
    /* TRANSLATORS: the result of a criterion (Đạt) */
    return _("Met");
  if (met == 0)
    /* TRANSLATORS: the result of a criterion (Chưa đạt) */
    return _("Not met");
  /* TRANSLATORS: the result of a criterion not decided yet (Chưa đánh giá) */
  return _("Not assessed");
}

static NtReportTone
result_tone (int met)
{
  return met == 1 ? NT_REPORT_TONE_GOOD : met == 0 ? NT_REPORT_TONE_BAD : NT_REPORT_TONE_NOTICE;
}

static char *
evidence_text (const NtAssessmentFigures   *figures,
               const NtAssessmentCriterion *c)
{
  g_autoptr(GPtrArray) lines = nt_assessment_evidence_lines (figures, (const char * const *) c->evidence);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (s, "%s- %s", i ? "\n" : "", ((NtAssessmentEvidence *) lines->pdata[i])->text);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* A sheet of paragraphs, one a row, with a column beside them for who is in
 * charge and when (filled in by hand). Two columns, not one: the header and
 * the signature put the school on the left and the national motto and the
 * principal on the right half of the columns. */
static NtReportSheet *
text_sheet (NtReport   *report,
            const char *sheet_name,
            const char *title,
            const char *subtitle)
{
  const NtReportColumn columns[] = {
    /* TRANSLATORS: the heading of the text column of a drafted document (Nội dung) */
    { _("Content"), 58, NT_REPORT_ALIGN_WRAP },
    /* TRANSLATORS: the heading of the column beside it (Phụ trách, thời gian, ghi chú) */
    { _("In charge, when, notes"), 40, NT_REPORT_ALIGN_WRAP },
  };

  return nt_report_add_sheet (report, sheet_name, title, subtitle, columns, 2, NT_REPORT_PORTRAIT);
}

static void
para (NtReportSheet *sheet,
      const char    *text)
{
  NtReportValue v[2] = { NT_REPORT_TEXT (text), NT_REPORT_EMPTY };
  nt_report_add_row (sheet, v);
}

G_GNUC_PRINTF (2, 3)
static void
parapf (NtReportSheet *sheet,
        const char    *format,
        ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  para (sheet, text);
}

/* ----- the sheets --------------------------------------------------------- */

static void
write_assessment (NtReport           *report,
                  const NtAssessment *a,
                  const char         *subtitle,
                  gboolean           *any_unconfirmed)
{
  const NtReportColumn columns[AS_N] = {
    [AS_NO] = { _("No."), 5, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the self-assessment report (Tiêu chí) */
    [AS_CRITERION] = { _("Criterion"), 38, NT_REPORT_ALIGN_WRAP },
    /* TRANSLATORS: a column of the self-assessment report (Kết quả) */
    [AS_RESULT] = { _("Result"), 11, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the self-assessment report: what the school wrote (Minh chứng của nhà trường) */
    [AS_EVIDENCE] = { _("The school's evidence"), 32, NT_REPORT_ALIGN_WRAP },
    /* TRANSLATORS: a column of the self-assessment report (Số liệu do phần mềm tổng hợp) */
    [AS_FIGURES] = { _("Figures from the records"), 40, NT_REPORT_ALIGN_WRAP },
    /* TRANSLATORS: a column of the self-assessment report (Tệp đính kèm) */
    [AS_FILES] = { _("Attached files"), 18, NT_REPORT_ALIGN_WRAP },
  };
  NtReportSheet *sheet;
  guint met, not_met, undecided;
  gboolean qualifies;
  g_autofree char *summary = NULL;

  sheet = nt_report_add_sheet (report,
                               /* TRANSLATORS: the name of a sheet (tab) of the report (Tự đánh giá) */
                               _("Self-assessment"),
                               _(nt_reports_find ("assessment")->title), subtitle,
                               columns, AS_N, NT_REPORT_LANDSCAPE);
  for (guint i = 0; i < a->items->len; i++)
    {
      const NtAssessmentItem *item = g_ptr_array_index (a->items, i);
      const NtAssessmentCriterion *c = nt_assessment_criterion_lookup (item->criterion);
      g_autofree char *criterion = NULL;
      g_autofree char *figures = NULL;
      g_autofree char *files = g_strjoinv ("\n", item->files);
      NtReportValue values[AS_N];

      if (c == NULL)
        continue;
      /* The source goes with the wording; a wording not confirmed says so. */
      criterion = g_strdup_printf ("%s%s\n(%s)", c->text, c->confirmed ? "" : " (*)", c->source);
      if (!c->confirmed)
        *any_unconfirmed = TRUE;
      figures = evidence_text (a->figures, c);
      values[AS_NO] = NT_REPORT_NUMBER (c->number);
      values[AS_CRITERION] = NT_REPORT_TEXT (criterion);
      values[AS_RESULT] = nt_report_toned (NT_REPORT_TEXT (result_label (item->met)), result_tone (item->met));
      values[AS_EVIDENCE] = NT_REPORT_TEXT (item->evidence);
      values[AS_FIGURES] = NT_REPORT_TEXT (figures);
      values[AS_FILES] = NT_REPORT_TEXT (files);
      nt_report_add_row (sheet, values);
    }

  qualifies = nt_assessment_result (a, &met, &not_met, &undecided);
  summary = g_strdup_printf (qualifies
                             ? _("Result: %u of %u criteria met. The school meets the standard and may be proposed for recognition.")
                             : _("Result: %u of %u criteria met. The school does not meet the standard yet."),
                             met, a->items->len);
  nt_report_add_group_row (sheet, summary);
  if (*any_unconfirmed)
    nt_report_add_group_row (sheet,
                             _("(*) The wording of the criteria marked (*) could not be checked against the official "
                               "text of the circular; check it before signing."));
}

static void
write_figures (NtReport                  *report,
               const NtAssessmentFigures *f,
               const char                *subtitle)
{
  const NtReportColumn columns[IN_N] = {
    /* TRANSLATORS: a column of the incident figures (Loại vụ việc) */
    [IN_CATEGORY] = { _("Category"), 30, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the incident figures (Tổng số) */
    [IN_TOTAL] = { _("Total"), 9, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the incident figures (Đang xử lý) */
    [IN_OPEN] = { _("Still open"), 10, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the incident figures: how it ended (Tự hòa giải) */
    [IN_SETTLED] = { _("Settled at school"), 11, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the incident figures (Kỷ luật) */
    [IN_DISCIPLINED] = { _("Disciplined"), 10, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the incident figures (Chuyển công an) */
    [IN_POLICE] = { _("Transferred to the police"), 12, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the incident figures: another outcome (Khác) */
    [IN_OTHER] = { _("Other outcome"), 10, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the incident figures (Đã báo công an) */
    [IN_REPORTED] = { _("Reported to the police"), 12, NT_REPORT_ALIGN_CENTER },
  };
  g_autoptr(GPtrArray) lines = nt_assessment_evidence_lines (f, NULL);
  g_autofree char *from = nt_reports_period_line (f->from, f->to);
  g_autofree char *sub = g_strdup_printf ("%s - %s", subtitle, from);
  NtReportSheet *sheet;
  NtReportValue values[IN_N];
  NtAssessmentIncidents total = { 0 };

  sheet = nt_report_add_sheet (report,
                               /* TRANSLATORS: the name of a sheet (tab) of the report (Số liệu) */
                               _("Figures"),
                               /* TRANSLATORS: a report title, upper case (SỐ LIỆU TỔNG HỢP AN NINH, TRẬT TỰ) */
                               _("FIGURES ON SECURITY AND ORDER"), sub,
                               columns, IN_N, NT_REPORT_PORTRAIT);
  /* TRANSLATORS: a heading of the figures sheet (Vụ việc theo loại) */
  nt_report_add_group_row (sheet, _("Incidents by category"));
  for (guint i = 0; i < f->incidents->len; i++)
    {
      const NtAssessmentIncidents *r = &g_array_index (f->incidents, NtAssessmentIncidents, i);

      values[IN_CATEGORY] = NT_REPORT_TEXT (r->label);
      values[IN_TOTAL] = NT_REPORT_NUMBER (r->total);
      values[IN_OPEN] = NT_REPORT_NUMBER (r->open);
      values[IN_SETTLED] = NT_REPORT_NUMBER (r->settled);
      values[IN_DISCIPLINED] = NT_REPORT_NUMBER (r->disciplined);
      values[IN_POLICE] = NT_REPORT_NUMBER (r->police);
      values[IN_OTHER] = NT_REPORT_NUMBER (r->other_outcome);
      values[IN_REPORTED] = NT_REPORT_NUMBER (r->reported_to_police);
      nt_report_add_row (sheet, values);
      total.total += r->total;
      total.open += r->open;
      total.settled += r->settled;
      total.disciplined += r->disciplined;
      total.police += r->police;
      total.other_outcome += r->other_outcome;
      total.reported_to_police += r->reported_to_police;
    }
  /* TRANSLATORS: the total row of a table (Tổng cộng) */
  values[IN_CATEGORY] = nt_report_toned (NT_REPORT_TEXT (_("Total")), NT_REPORT_TONE_TOTAL);
  values[IN_TOTAL] = nt_report_toned (NT_REPORT_NUMBER (total.total), NT_REPORT_TONE_TOTAL);
  values[IN_OPEN] = nt_report_toned (NT_REPORT_NUMBER (total.open), NT_REPORT_TONE_TOTAL);
  values[IN_SETTLED] = nt_report_toned (NT_REPORT_NUMBER (total.settled), NT_REPORT_TONE_TOTAL);
  values[IN_DISCIPLINED] = nt_report_toned (NT_REPORT_NUMBER (total.disciplined), NT_REPORT_TONE_TOTAL);
  values[IN_POLICE] = nt_report_toned (NT_REPORT_NUMBER (total.police), NT_REPORT_TONE_TOTAL);
  values[IN_OTHER] = nt_report_toned (NT_REPORT_NUMBER (total.other_outcome), NT_REPORT_TONE_TOTAL);
  values[IN_REPORTED] = nt_report_toned (NT_REPORT_NUMBER (total.reported_to_police), NT_REPORT_TONE_TOTAL);
  nt_report_add_row (sheet, values);

  /* TRANSLATORS: a heading of the figures sheet (Các số liệu khác) */
  nt_report_add_group_row (sheet, _("Other figures"));
  for (guint i = 0; i < lines->len; i++)
    {
      const NtAssessmentEvidence *e = lines->pdata[i];
      if (strcmp (e->kind, "incidents") != 0 && strcmp (e->kind, "violence") != 0)
        nt_report_add_group_row (sheet, e->text);
    }
}

static void
write_pledge (NtReport           *report,
              const NtSchoolInfo *school,
              const NtAssessment *a,
              const char         *circular)
{
  NtReportSheet *sheet = text_sheet (report,
                                     /* TRANSLATORS: the name of a sheet (tab) (Đăng ký phấn đấu) */
                                     _("Pledge"),
                                     /* TRANSLATORS: a document title, upper case (BẢN ĐĂNG KÝ PHẤN ĐẤU ĐẠT TIÊU CHUẨN “AN TOÀN VỀ AN NINH, TRẬT TỰ”) */
                                     _("PLEDGE TO MEET THE STANDARD “SAFE IN SECURITY AND ORDER”"),
                                     a->school_year);

  parapf (sheet, _("%s registers to strive to meet the standard “Safe in security and order” in the school year %s, "
                   "under %s."), school->name, a->school_year, circular);
  para (sheet, _("The school undertakes:"));
  para (sheet, _("1. To make and carry out the plan for security and order of the school year, and to keep the "
                 "24/7 duty of the dormitory."));
  para (sheet, _("2. To have every staff member and every student sign the commitment to follow the rules of the "
                 "school and of the dormitory."));
  para (sheet, _("3. To work with the commune police, the local authorities, the parents' representative board "
                 "and the families in managing and educating the students."));
  para (sheet, _("4. To prevent school violence, social evils, fire and explosion, and to deal at once with every "
                 "incident that arises."));
  para (sheet, _("5. To assess itself against each criterion at the end of the school year and report to the police "
                 "and the education office."));
}

static void
write_plan (NtReport                  *report,
            const NtSchoolInfo        *school,
            const NtAssessment        *a)
{
  const NtAssessmentFigures *f = a->figures;
  NtReportSheet *sheet = text_sheet (report,
                                     /* TRANSLATORS: the name of a sheet (tab) (Kế hoạch) */
                                     _("Plan"),
                                     /* TRANSLATORS: a document title, upper case (KẾ HOẠCH BẢO ĐẢM AN NINH, TRẬT TỰ NĂM HỌC) */
                                     _("PLAN FOR SECURITY AND ORDER OF THE SCHOOL YEAR"),
                                     a->school_year);
  g_autoptr(GString) posts = g_string_new (NULL);
  g_autoptr(GString) buildings = g_string_new (NULL);

  for (guint i = 0; i < f->posts->len; i++)
    g_string_append_printf (posts, "%s%s", i ? ", " : "", g_array_index (f->posts, NtAssessmentPostGap, i).name);
  for (guint i = 0; i < f->buildings->len; i++)
    g_string_append_printf (buildings, "%s%s", i ? ", " : "", g_array_index (f->buildings, NtAssessmentNights, i).name);

  /* TRANSLATORS: a heading of the plan (I. MỤC ĐÍCH, YÊU CẦU) */
  para (sheet, _("I. PURPOSE AND REQUIREMENTS"));
  parapf (sheet, _("- To keep security and order at %s and in its dormitory, and to keep the students safe."),
          school->name);
  para (sheet, _("- To meet every criterion of the standard “Safe in security and order” by the end of the school year."));
  /* TRANSLATORS: a heading of the plan (II. NHIỆM VỤ, BIỆN PHÁP) */
  para (sheet, _("II. TASKS AND MEASURES"));
  parapf (sheet, _("- Keep the 24/7 duty at every post (%s), with the roster made a month ahead."),
          posts->len ? posts->str : "……");
  parapf (sheet, _("- Hold the night check in every building (%s) every night and deal with each absence at once."),
          buildings->len ? buildings->str : "……");
  para (sheet, _("- Have every student and staff member sign the commitment to the rules in force at the start of "
                 "the year and after each change of the rules."));
  para (sheet, _("- Record every incident in the incident book, inform the guardians, report to the police when "
                 "needed, and follow each incident until it is closed."));
  para (sheet, _("- Hold at least one fire and evacuation drill each term."));
  /* TRANSLATORS: a heading of the plan (III. TỔ CHỨC THỰC HIỆN) */
  para (sheet, _("III. ORGANISATION"));
  para (sheet, _("- The principal directs; the boarding supervisors, teachers on duty and guards carry it out; the "
                 "office keeps the records and the figures."));
}

static gboolean
write_rules (NtStore             *store,
             NtReport            *report,
             const NtAssessment  *a,
             GError             **error)
{
  const NtReportColumn columns[RS_N] = {
    [RS_NO] = { _("No."), 5, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the list of rules (Tên nội quy, quy chế) */
    [RS_NAME] = { _("Rules"), 45, NT_REPORT_ALIGN_WRAP },
    /* TRANSLATORS: a column of the list of rules (Phiên bản) */
    [RS_VERSION] = { _("Version"), 9, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the list of rules (Ngày hiệu lực) */
    [RS_DATE] = { _("In force from"), 13, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the list of rules: who must follow them (Đối tượng) */
    [RS_AUDIENCE] = { _("For"), 16, NT_REPORT_ALIGN_CENTER },
  };
  NtReportSheet *sheet;
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  stmt = nt_store_prepare (store,
                           "SELECT r.title, r.version, r.effective_date, "
                           "  CASE WHEN r.boarders_only THEN 'boarders' ELSE r.audience END FROM rule_sets r "
                           "WHERE r.effective_date <= ?1 AND r.version = (SELECT max(x.version) FROM rule_sets x "
                           "  WHERE x.family = r.family AND x.effective_date <= ?1) ORDER BY r.name, r.id", error);
  if (stmt == NULL)
    return FALSE;
  sheet = nt_report_add_sheet (report,
                               /* TRANSLATORS: the name of a sheet (tab) (Nội quy) */
                               _("Rules"),
                               /* TRANSLATORS: a document title, upper case (DANH MỤC NỘI QUY, QUY CHẾ ĐANG CÓ HIỆU LỰC) */
                               _("LIST OF THE RULES IN FORCE"), a->school_year,
                               columns, RS_N, NT_REPORT_PORTRAIT);
  sqlite3_bind_text (stmt, 1, a->figures->to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *audience = nt_reports_column_text (stmt, 3);
      NtReportValue values[RS_N];

      values[RS_NO] = NT_REPORT_NUMBER (++n);
      values[RS_NAME] = NT_REPORT_TEXT (nt_reports_column_text (stmt, 0));
      values[RS_VERSION] = NT_REPORT_NUMBER (sqlite3_column_int (stmt, 1));
      values[RS_DATE] = NT_REPORT_DATE (nt_reports_column_text (stmt, 2));
      values[RS_AUDIENCE] = NT_REPORT_TEXT (nt_rule_set_audience_label (audience));
      nt_report_add_row (sheet, values);
    }
  if (!nt_reports_check_step (store, stmt, rc, error))
    return FALSE;
  sqlite3_reset (stmt);
  if (n == 0)
    nt_report_add_group_row (sheet, _("No rule set is in force."));
  return TRUE;
}

static void
write_coordination (NtReport           *report,
                    const NtSchoolInfo *school,
                    const NtAssessment *a)
{
  NtReportSheet *sheet = text_sheet (report,
                                     /* TRANSLATORS: the name of a sheet (tab) (Phối hợp) */
                                     _("Coordination"),
                                     /* TRANSLATORS: a document title, upper case (KẾ HOẠCH PHỐI HỢP BẢO ĐẢM AN NINH, TRẬT TỰ) */
                                     _("COORDINATION PLAN FOR SECURITY AND ORDER"),
                                     a->school_year);

  parapf (sheet, _("Between %s, the commune police of …… and the parents' representative board."), school->name);
  para (sheet, _("1. With the commune police: exchange information on security and order in and around the school; "
                 "report every serious incident at once; register the boarders' temporary residence at the start "
                 "of the year."));
  para (sheet, _("2. With the parents' representative board and the families: inform the guardian of every incident "
                 "and unexplained absence on the same day; agree each leave with the guardian; meet at least once "
                 "a term."));
  para (sheet, _("3. With the local authorities: keep the surroundings of the school safe and free of social evils."));
  para (sheet, _("4. Each side names a person in charge and a telephone number: ……"));
}

static void
write_minutes (NtReport           *report,
               const NtSchoolInfo *school,
               const NtAssessment *a,
               const char         *circular)
{
  NtReportSheet *sheet = text_sheet (report,
                                     /* TRANSLATORS: the name of a sheet (tab) (Biên bản) */
                                     _("Minutes"),
                                     /* TRANSLATORS: a document title, upper case (BIÊN BẢN HỌP TỰ ĐÁNH GIÁ TIÊU CHUẨN “AN TOÀN VỀ AN NINH, TRẬT TỰ”) */
                                     _("MINUTES OF THE SELF-ASSESSMENT MEETING"),
                                     a->school_year);
  guint met, not_met, undecided;
  gboolean qualifies = nt_assessment_result (a, &met, &not_met, &undecided);

  parapf (sheet, _("Time: …… Place: %s."), school->name);
  para (sheet, _("Present: the school board, the staff, the representatives of the parents' representative board "
                 "and of the commune police."));
  parapf (sheet, _("The meeting assessed the school against the %u criteria of %s:"), a->items->len, circular);
  for (guint i = 0; i < a->items->len; i++)
    {
      const NtAssessmentItem *item = g_ptr_array_index (a->items, i);
      const NtAssessmentCriterion *c = nt_assessment_criterion_lookup (item->criterion);

      if (c != NULL)
        parapf (sheet, _("Criterion %u: %s — %s."), c->number, c->text, result_label (item->met));
    }
  parapf (sheet, qualifies
                 ? _("Conclusion: %u of %u criteria met; the meeting proposes that the school be recognised as "
                     "meeting the standard “Safe in security and order” for the school year %s.")
                 : _("Conclusion: %u of %u criteria met; the school does not meet the standard for the school "
                     "year %s yet."),
          met, a->items->len, a->school_year);
  para (sheet, _("The meeting ended at …… on the same day. These minutes were read to those present, who agreed."));
}

/**
 * nt_report_assessment:
 *
 * HỒ SƠ TỰ ĐÁNH GIÁ "AN TOÀN VỀ AN NINH, TRẬT TỰ": the self-assessment of
 * the school year options->from falls in (the current one by default),
 * with its figures and the drafted documents of the dossier, one sheet
 * each. An approved assessment shows its frozen figures.
 */
gboolean
nt_report_assessment (NtStore                *store,
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
  g_autoptr(NtAssessment) a = NULL;
  g_autoptr(NtSchoolInfo) school = NULL;
  g_autofree char *year = NULL;
  g_autofree char *subtitle = NULL;
  const NtAssessmentCircular *circular;
  const char *circular_name;
  gboolean any_unconfirmed = FALSE;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    options = &defaults;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  year = report_year (store, options);
  a = nt_assessment_load (store, year, options->date, error);
  if (a == NULL)
    return FALSE;
  school = nt_school_get (store);
  if (school == NULL)
    school = g_new0 (NtSchoolInfo, 1);
  if (school->name == NULL)
    school->name = g_strdup ("……");
  circular = nt_assessment_circular_lookup (a->circular);
  circular_name = circular ? circular->short_name : a->circular;

  report = nt_reports_open (store, options, path, error);
  if (report == NULL)
    return FALSE;
  /* TRANSLATORS: the subtitle of the self-assessment: "Năm học 2025-2026 - Thông tư 124/2021/TT-BCA - Dự thảo" */
  subtitle = g_strdup_printf (_("School year %s - %s - %s"), a->school_year, circular_name,
                              nt_assessment_state_label (a->state));

  write_assessment (report, a, subtitle, &any_unconfirmed);
  write_figures (report, a->figures, subtitle);
  write_pledge (report, school, a, circular_name);
  write_plan (report, school, a);
  if (!write_rules (store, report, a, error))
    return FALSE;
  write_coordination (report, school, a);
  write_minutes (report, school, a, circular_name);
  return nt_reports_finish (report, &progress, error);
}
