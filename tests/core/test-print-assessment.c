/* test-print-assessment.c: the self-assessment report as printed pages,
 * read back with Debian's poppler-utils (pdfinfo, pdftotext) */
#include <string.h>

#include "nt-assessment.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-print-assessment.h"
#include "nt-test-util.h"

static char *
run (const char *tool,
     const char *pdf)
{
  const char *argv[] = { tool, pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (g_str_equal (tool, "pdfinfo"))
    argv[2] = NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Collapses runs of white space, so that wrapped lines read as one. */
static char *
flat (const char *text)
{
  g_autoptr(GRegex) re = g_regex_new ("\\s+", 0, 0, NULL);
  return g_regex_replace_literal (re, text, -1, 0, " ", 0, NULL);
}

static void
test_printed (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (5);
  g_autoptr(GError) error = NULL;
  g_autoptr(NtPrintDoc) doc = NULL;
  g_autoptr(NtAssessment) last = NULL;
  g_autofree char *year = nt_assessment_current_year (store);
  g_autofree char *last_year = g_strdup_printf ("%d-%d", atoi (year) - 1, atoi (year));
  g_autofree char *pdf = nt_test_tmp_path ("assessment.pdf");
  g_autofree char *info = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *result = NULL;
  g_autofree char *approver = NULL;

  /* Last year's, approved: its figures and the approver's name. */
  last = nt_assessment_load (store, last_year, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (last->state, ==, "approved");
  doc = nt_print_assessment_build (store, last_year, NT_PRINT_A4_WIDTH, NT_PRINT_A4_HEIGHT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nt_print_doc_paginate (doc), >=, 1);
  g_assert_true (nt_print_doc_write_pdf (doc, pdf, &error));
  g_assert_no_error (error);

  info = run ("pdfinfo", pdf);
  g_assert_nonnull (strstr (info, "595.276 x 841.89"));
  raw = run ("pdftotext", pdf);
  text = flat (raw);
  g_assert_nonnull (strstr (text, last_year));
  g_assert_nonnull (strstr (text, "124/2021/TT-BCA"));
  g_assert_nonnull (strstr (text, "Không để xảy ra bạo lực học đường."));
  g_assert_nonnull (strstr (text, "Có mô hình phong trào toàn dân"));
  /* The school's evidence of the demo, criterion 5. */
  g_assert_nonnull (strstr (text, "100% cán bộ, giáo viên, nhân viên"));
  result = g_strdup_printf (_("Result: %u of %u criteria met. The school meets the standard and may be proposed for recognition."), 6, 6);
  {
    g_autofree char *flat_result = flat (result);
    g_assert_nonnull (strstr (text, flat_result));
  }
  approver = g_strdup (last->approved_by_name);
  g_assert_nonnull (approver);
  g_assert_nonnull (strstr (text, approver));

  /* No assessment for a year: said so. */
  g_clear_pointer (&doc, nt_print_doc_free);
  doc = nt_print_assessment_build (store, "2001-2002", NT_PRINT_A4_WIDTH, NT_PRINT_A4_HEIGHT, &error);
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
  g_assert_null (doc);
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);

  g_test_add_func ("/print-assessment/approved", test_printed);
  return g_test_run ();
}
