/* test-print-roster.c: the printed duty roster, written to PDF and read
 * back with Debian's poppler-utils (pdfinfo, pdftotext) */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "nt-error.h"
#include "nt-print-roster.h"
#include "nt-roster.h"
#include "nt-test-util.h"

static char *
run (const char *a,
     const char *b,
     const char *c)
{
  const char *argv[] = { a, b, c, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (g_str_equal (a, "pdfinfo"))
    argv[3] = NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static NtStore *
roster_school (void)
{
  NtStore *store = nt_test_demo_store (11);
  g_autoptr(GError) error = NULL;

  if (nt_store_count (store, "SELECT count(*) FROM posts") == 0)
    {
      NtPostInput dorm = { .name = "Ký túc xá", .people = 1 };
      NtPostInput gate = { .name = "Cổng trường", .people = 1 };

      g_assert_cmpint (nt_roster_post_add (store, &dorm, &error), >, 0);
      g_assert_cmpint (nt_roster_post_add (store, &gate, &error), >, 0);
    }
  g_assert_true (nt_roster_ensure_defaults (store, &error));
  g_assert_true (nt_roster_generate (store, "2026-10-25", "2026-12-06", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return store;
}

static void
test_week (void)
{
  g_autoptr(NtStore) store = roster_school ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NtPrintDoc) doc = NULL;
  g_autofree char *pdf = nt_test_tmp_path ("roster-week.pdf");
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  guint problems = 99;

  doc = nt_print_roster_build (store, "2026-11-23", "2026-11-29", NT_PRINT_A4_HEIGHT, NT_PRINT_A4_WIDTH,
                               &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems, ==, 0);
  g_assert_cmpuint (nt_print_doc_paginate (doc), >=, 1);
  g_assert_true (nt_print_doc_write_pdf (doc, pdf, &error));

  info = run ("pdfinfo", pdf, NULL);
  /* A4 landscape: 842 × 595 points. */
  g_assert_nonnull (strstr (info, "841.89 x 595.276"));
  text = run ("pdftotext", "-layout", pdf);
  /* Everyone on duty on the 25th is printed, with their phone in the list. */
  {
    g_autoptr(GListStore) duties = nt_roster_duties (store, "2026-11-25", "2026-11-25", 0, &error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (duties)), >, 0);
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (duties)); i++)
      {
        g_autoptr(NtDuty) d = g_list_model_get_item (G_LIST_MODEL (duties), i);
        g_autofree char *family = g_strndup (d->staff_name, strchr (d->staff_name, ' ') - d->staff_name);

        g_assert_nonnull (strstr (text, family));
        if (d->staff_phone && d->staff_phone[0])
          g_assert_nonnull (strstr (text, d->staff_phone));
      }
  }
  g_assert_nonnull (strstr (text, "23/11"));
  g_assert_nonnull (strstr (text, "29/11"));
}

static void
test_month_with_gap (void)
{
  g_autoptr(NtStore) store = roster_school ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NtPrintDoc) doc = NULL;
  g_autoptr(GListStore) duties = NULL;
  g_autoptr(NtDuty) first = NULL;
  g_autofree char *pdf = nt_test_tmp_path ("roster-month.pdf");
  g_autofree char *text = NULL;
  guint problems = 0;

  duties = nt_roster_duties (store, "2026-11-10", "2026-11-10", 0, &error);
  first = g_list_model_get_item (G_LIST_MODEL (duties), 0);
  g_assert_true (nt_roster_remove (store, first->id, &error));

  doc = nt_print_roster_build (store, "2026-11-01", "2026-11-30", NT_PRINT_A4_HEIGHT, NT_PRINT_A4_WIDTH,
                               &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems, >, 0);
  /* Five weeks of tables: more than one page. */
  g_assert_cmpuint (nt_print_doc_paginate (doc), >=, 2);
  g_assert_true (nt_print_doc_write_pdf (doc, pdf, &error));
  text = run ("pdftotext", "-layout", pdf);
  g_assert_nonnull (strstr (text, "01/11"));
  g_assert_nonnull (strstr (text, "30/11"));

  /* A period that ends before it starts is refused. */
  g_assert_null (nt_print_roster_build (store, "2026-11-30", "2026-11-01", NT_PRINT_A4_HEIGHT, NT_PRINT_A4_WIDTH,
                                        NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);
  g_test_add_func ("/print-roster/week", test_week);
  g_test_add_func ("/print-roster/month-with-gap", test_month_with_gap);
  return g_test_run ();
}
