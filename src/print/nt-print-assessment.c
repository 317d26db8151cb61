/* nt-print-assessment.c
 *
 * BÁO CÁO KẾT QUẢ TỰ ĐÁNH GIÁ: the school header, the title and year, a
 * sentence on what was assessed, one bordered table row per criterion (its
 * wording and source, the result, the school's evidence and the figures
 * from the records), the result and the conclusion, the note on wording
 * not confirmed, and the signatures. The figures are the frozen ones of an
 * approved assessment, else those of the day before today.
 */
#define G_LOG_DOMAIN "nt-print-assessment"

#include "nt-assessment.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-print-assessment.h"
#include "nt-print-commitments.h"
#include "nt-school.h"

static const char *
result_text (int met)
{
  if (met == 1)
    return _("Met");
  if (met == 0)
    return _("Not met");
  return _("Not assessed");
}

/**
 * nt_print_assessment_build:
 * @school_year: '2025-2026'
 * @error: NT_ERROR_NOT_FOUND when the year has no self-assessment
 *
 * Returns: (transfer full): the report on pages of the size given (points)
 */
NtPrintDoc *
nt_print_assessment_build (NtStore     *store,
                           const char  *school_year,
                           double       page_width,
                           double       page_height,
                           GError     **error)
{
  g_autoptr(NtSchoolInfo) school = nt_school_get (store);
  g_autoptr(NtAssessment) a = NULL;
  g_autoptr(NtPrintDoc) doc = NULL;
  g_autofree char *place = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *intro = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *date = NULL;
  const NtAssessmentCircular *circular;
  const char *headings[4];
  NtPrintHeader header = { 0 };
  NtPrintSignature signatures[2] = { { 0 } };
  double widths[4];
  guint met, not_met, undecided;
  gboolean qualifies, any_unconfirmed = FALSE;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (school_year != NULL, NULL);

  a = nt_assessment_load (store, school_year, NULL, error);
  if (a == NULL)
    return NULL;
  circular = nt_assessment_circular_lookup (a->circular);

  doc = nt_print_doc_new (page_width, page_height);
  nt_print_doc_set_margins (doc, NT_PRINT_MM (20), NT_PRINT_MM (15), NT_PRINT_MM (20), NT_PRINT_MM (30));
  nt_print_doc_set_font (doc, NULL, 11);

  place = nt_commitment_forms_place (school ? school->address : NULL);
  header.authority = school ? school->authority : NULL;
  header.organisation = school ? school->name : "";
  header.place = place;
  /* An approved report is dated the day of its approval. */
  if (a->approved_at != NULL)
    header.date_iso = date = g_strndup (a->approved_at, 10);
  nt_print_doc_begin_page (doc);
  nt_print_doc_add_header (doc, &header);
  /* TRANSLATORS: under the printed title: "Năm học 2025-2026" */
  subtitle = g_strdup_printf (_("School year %s"), a->school_year);
  /* TRANSLATORS: the printed report's title, upper case:
   * BÁO CÁO KẾT QUẢ TỰ ĐÁNH GIÁ TIÊU CHUẨN “AN TOÀN VỀ AN NINH, TRẬT TỰ” */
  nt_print_doc_add_title (doc, _("REPORT ON THE SELF-ASSESSMENT AGAINST THE STANDARD “SAFE IN SECURITY AND ORDER”"),
                          subtitle);
  intro = g_strdup_printf (_("Under %s, %s has assessed itself against each criterion for educational "
                             "institutions, with the figures of its records, as follows."),
                           circular ? circular->name : a->circular, school && school->name ? school->name : "");
  nt_print_doc_add_paragraph (doc, intro, NT_PRINT_INDENT, NT_PRINT_ALIGN_JUSTIFY);
  nt_print_doc_add_space (doc, 6);

  /* Shares of the width, as nt_print_doc_add_table_row() takes them. */
  widths[0] = 0.06;
  widths[1] = 0.38;
  widths[2] = 0.12;
  widths[3] = 0.44;
  headings[0] = _("No.");
  headings[1] = _("Criterion");
  headings[2] = _("Result");
  /* TRANSLATORS: a column of the printed report (Minh chứng, số liệu) */
  headings[3] = _("Evidence and figures");
  nt_print_doc_add_table_row (doc, headings, widths, 4, NT_PRINT_BOLD | NT_PRINT_BORDER);
  for (guint i = 0; i < a->items->len; i++)
    {
      const NtAssessmentItem *item = g_ptr_array_index (a->items, i);
      const NtAssessmentCriterion *c = nt_assessment_criterion_lookup (item->criterion);
      g_autoptr(GPtrArray) lines = NULL;
      g_autoptr(GString) evidence = g_string_new (item->evidence);
      g_autofree char *number = NULL;
      g_autofree char *criterion = NULL;
      const char *cells[4];

      if (c == NULL)
        continue;
      if (!c->confirmed)
        any_unconfirmed = TRUE;
      lines = nt_assessment_evidence_lines (a->figures, (const char * const *) c->evidence);
      for (guint k = 0; k < lines->len; k++)
        g_string_append_printf (evidence, "%s- %s", evidence->len ? "\n" : "",
                                ((NtAssessmentEvidence *) lines->pdata[k])->text);
      number = g_strdup_printf ("%u", c->number);
      criterion = g_strdup_printf ("%s%s\n(%s)", c->text, c->confirmed ? "" : " (*)", c->source);
      cells[0] = number;
      cells[1] = criterion;
      cells[2] = result_text (item->met);
      cells[3] = evidence->str;
      nt_print_doc_add_table_row (doc, cells, widths, 4, NT_PRINT_BORDER | NT_PRINT_SMALL);
    }
  nt_print_doc_add_space (doc, 8);

  qualifies = nt_assessment_result (a, &met, &not_met, &undecided);
  summary = g_strdup_printf (qualifies
                             ? _("Result: %u of %u criteria met. The school meets the standard and may be proposed for recognition.")
                             : _("Result: %u of %u criteria met. The school does not meet the standard yet."),
                             met, a->items->len);
  nt_print_doc_add_paragraph (doc, summary, NT_PRINT_BOLD, NT_PRINT_ALIGN_LEFT);
  if (any_unconfirmed)
    nt_print_doc_add_paragraph (doc,
                                _("(*) The wording of the criteria marked (*) could not be checked against the official "
                                  "text of the circular; check it before signing."),
                                NT_PRINT_ITALIC | NT_PRINT_SMALL, NT_PRINT_ALIGN_LEFT);
  nt_print_doc_add_space (doc, 6);

  signatures[0].title = _("PREPARED BY");
  signatures[0].note = _("(Signature, full name)");
  signatures[1].title = _("PRINCIPAL");
  signatures[1].note = _("(Signature, full name, seal)");
  signatures[1].name = a->approved_by_name ? a->approved_by_name : (school ? school->principal : NULL);
  nt_print_doc_add_signatures (doc, signatures, 2, NT_PRINT_MM (22));
  return g_steal_pointer (&doc);
}
