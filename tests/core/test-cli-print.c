/* test-cli-print.c: `noitru --print-commitments` writes the forms as a PDF,
 * read back with Debian's poppler-utils (pdfinfo, pdftotext) */
#define G_LOG_DOMAIN "test-cli-print"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "nt-commitments.h"
#include "nt-print-commitments.h"
#include "nt-print-doc.h"
#include "nt-school.h"
#include "nt-test-util.h"

static char *demo_db;

static void
run (NtTestRun  *r,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, first);
  for (arg = first; arg; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  nt_test_run_noitru (r, (const char *const *) args->pdata);
}

static char *
tool (const char *name,
      const char *arg1,
      const char *arg2,
      const char *arg3)
{
  const char *argv[] = { name, arg1, arg2, arg3, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = tool ("pdfinfo", path, NULL, NULL);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint) atoi (pages + strlen ("Pages:"));
}

/* The text of page @page (from 1). */
static char *
pdf_page_text (const char *path,
               int         page)
{
  g_autofree char *first = g_strdup_printf ("%d", page);
  const char *argv[] = { "pdftotext", "-layout", "-f", first, "-l", first, path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static NtStore *
open_demo (void)
{
  g_autoptr(GError) error = NULL;
  NtStore *store = nt_store_open (demo_db, NT_STORE_OPEN_EXISTING, &error);

  g_assert_no_error (error);
  return store;
}

static void
test_class (void)
{
  g_autoptr(NtStore) store = open_demo ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NtRuleSet) set = nt_rule_sets_find (store, "noi-quy-khu-noi-tru", &error);
  g_autofree char *pdf = nt_test_tmp_path ("forms-10A1.pdf");
  g_autoptr(GListStore) people = NULL;
  g_auto(NtTestRun) r = { 0 };
  NtCommitmentScope scope = { 0 };
  guint n;

  g_assert_no_error (error);
  scope.class_id = nt_classes_find (store, "10A1");
  g_assert_cmpint (scope.class_id, >, 0);
  people = nt_commitments_entries (store, set, &scope, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (people));
  g_assert_cmpuint (n, >, 10);

  /* By name, with its diacritics. */
  run (&r, "--db", demo_db, "--print-commitments", "Nội quy khu nội trú", "--class", "10A1", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpuint (pdf_pages (pdf), ==, n);

  /* Each page is the form of the person in that place, with the rules. */
  for (guint i = 0; i < n; i += 7)
    {
      g_autoptr(NtCommitmentEntry) e = g_list_model_get_item (G_LIST_MODEL (people), i);
      g_autofree char *text = pdf_page_text (pdf, (int) i + 1);

      g_assert_nonnull (strstr (text, e->full_name));
      g_assert_nonnull (strstr (text, "10A1"));
      g_assert_nonnull (strstr (text, "Nghiêm cấm mang vào khu nội trú"));
      g_assert_nonnull (strstr (text, "Độc lập") ? text : strstr (text, "Independence"));
      if (e->room_number)
        g_assert_nonnull (strstr (text, e->room_number));
    }
}

/* Every word lies inside the margins (25 mm left, 15 mm elsewhere). */
static void
test_inside_printable_area (void)
{
  g_autofree char *pdf = nt_test_tmp_path ("forms-staff.pdf");
  g_autofree char *html = NULL;
  g_autoptr(GRegex) word = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_auto(NtTestRun) r = { 0 };
  guint n_words = 0;

  run (&r, "--db", demo_db, "--print-commitments", "quy-tac-ung-xu-cua-can-bo-giao-vien-nhan-vien",
       "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 0);
  html = tool ("pdftotext", "-bbox", pdf, "-");
  word = g_regex_new ("xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\"", 0, 0, NULL);
  g_regex_match (word, html, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      double v[4];

      for (int i = 0; i < 4; i++)
        {
          g_autofree char *s = g_match_info_fetch (match, i + 1);

          v[i] = g_ascii_strtod (s, NULL);
        }
      g_assert_cmpfloat (v[0], >=, NT_PRINT_MM (25) - 1);
      g_assert_cmpfloat (v[1], >=, NT_PRINT_MM (15) - 3);
      g_assert_cmpfloat (v[2], <=, NT_PRINT_A4_WIDTH - NT_PRINT_MM (15) + 1);
      g_assert_cmpfloat (v[3], <=, NT_PRINT_A4_HEIGHT - NT_PRINT_MM (15) + 3);
      n_words++;
    }
  g_assert_cmpuint (n_words, >, 1000);
}

static void
test_missing (void)
{
  g_autoptr(NtStore) store = open_demo ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NtRuleSet) set = nt_rule_sets_find (store, "noi-quy-khu-noi-tru", &error);
  g_autofree char *pdf = nt_test_tmp_path ("forms-missing.pdf");
  g_auto(NtTestRun) r = { 0 };
  guint total, n_signed;

  g_assert_no_error (error);
  g_assert_true (nt_commitments_totals (store, set, &total, &n_signed, NULL, NULL, &error));
  run (&r, "--db", demo_db, "--print-commitments", "noi-quy-khu-noi-tru", "--missing", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpuint (pdf_pages (pdf), ==, total - n_signed);
  nt_test_run_clear (&r);

  /* Double-sided: a blank back after each one-page form. */
  run (&r, "--db", demo_db, "--print-commitments", "noi-quy-khu-noi-tru", "--missing", "--double-sided",
       "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpuint (pdf_pages (pdf), ==, 2 * (total - n_signed));
  {
    g_autofree char *back = pdf_page_text (pdf, 2);
    g_autofree char *next = pdf_page_text (pdf, 3);

    g_assert_null (g_strstr_len (back, -1, "Nghiêm cấm"));
    g_assert_nonnull (g_strstr_len (next, -1, "Nghiêm cấm"));
  }
}

static void
test_refusals (void)
{
  g_autofree char *pdf = nt_test_tmp_path ("forms-never.pdf");
  g_auto(NtTestRun) r = { 0 };

  run (&r, "--db", demo_db, "--print-commitments", "quy-che-thu-vien", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 1);
  /* The message lists the sets there are. */
  g_assert_nonnull (strstr (r.err, "noi-quy-khu-noi-tru"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  nt_test_run_clear (&r);

  run (&r, "--db", demo_db, "--print-commitments", "noi-quy-khu-noi-tru", "--class", "99Z9", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "99Z9"));
  nt_test_run_clear (&r);

  run (&r, "--db", demo_db, "--print-commitments", "noi-quy-khu-noi-tru", "-o", "forms.xlsx", NULL);
  g_assert_cmpint (r.status, !=, 0);
  g_assert_nonnull (strstr (r.err, "forms.xlsx"));
  nt_test_run_clear (&r);

  run (&r, "--db", demo_db, "--missing", NULL);
  g_assert_cmpint (r.status, !=, 0);
  g_assert_nonnull (strstr (r.err, "--print-commitments"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

static guint
dark_pixels (cairo_surface_t *surface)
{
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data;
  guint n = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      if (data[y * stride + x * 4 + 1] < 128)
        n++;
  return n;
}

/* The path of the print dialog: paginate, then draw the pages asked for. */
static void
test_render_pages (void)
{
  g_autoptr(NtStore) store = open_demo ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NtRuleSet) set = nt_rule_sets_find (store, "noi-quy-hoc-sinh", &error);
  g_autoptr(NtCommitmentForms) forms = NULL;
  NtCommitmentScope scope = { 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages;

  g_assert_no_error (error);
  scope.class_id = nt_classes_find (store, "6A2");
  forms = nt_commitment_forms_new (store, set, &scope, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nt_commitment_forms_get_n_people (forms), >, 10);
  n_pages = nt_commitment_forms_paginate (forms, NT_PRINT_A4_WIDTH, NT_PRINT_A4_HEIGHT);
  g_assert_cmpuint (n_pages, ==, nt_commitment_forms_get_n_people (forms));

  /* Half scale: a point is half a pixel. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 298, 421);
  for (guint i = 0; i < 4; i++)
    {
      /* The first, a middle and the last page, then one past the end. */
      guint page = (guint[]) { 0, n_pages / 2, n_pages - 1, n_pages }[i];

      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, 0.5, 0.5);
      nt_commitment_forms_render_page (forms, cr, page);
      cairo_destroy (cr);
      if (page < n_pages)
        g_assert_cmpuint (dark_pixels (surface), >, 2000);
      else
        g_assert_cmpuint (dark_pixels (surface), ==, 0);
    }
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  nt_test_init (&argc, &argv);
  {
    g_autoptr(NtStore) store = nt_test_demo_store (11);

    demo_db = g_strdup (nt_store_get_path (store));
  }

  g_test_add_func ("/cli-print/class", test_class);
  g_test_add_func ("/cli-print/inside-printable-area", test_inside_printable_area);
  g_test_add_func ("/cli-print/missing", test_missing);
  g_test_add_func ("/cli-print/refusals", test_refusals);
  g_test_add_func ("/cli-print/render-pages", test_render_pages);

  status = g_test_run ();
  g_free (demo_db);
  return status;
}
