/* test-commitments-page.c: the Commitments section under Xvfb: ticking a
 * class's returned forms raises the coverage, in the store and on screen */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>

#include "gui-fixture.h"
#include "nt-commitments-page.h"
#include "nt-commitments-print.h"
#include "nt-commitments.h"
#include "nt-date.h"
#include "nt-school.h"
#include "nt-staff.h"
#include "nt-test-util.h"

static void
setup (GuiFixture    *f,
       gconstpointer  data)
{
  g_autoptr(NtStaffMember) user = NULL;

  gui_fixture_setup (f, 5);
  /* A homeroom teacher collects the forms of a class. */
  user = nt_staff_load (f->store, nt_store_count (f->store, "SELECT min(id) FROM staff "
                                                            "WHERE role = 'teacher' AND active = 1"), NULL);
  g_assert_true (nt_context_set_user (f->context, user, NULL));
}

static void
teardown (GuiFixture    *f,
          gconstpointer  data)
{
  gui_fixture_teardown (f);
}

static NtCommitmentsPage *
commitments_page (GuiFixture *f)
{
  nt_window_show_section (f->window, "commitments");
  return NT_COMMITMENTS_PAGE (nt_window_get_page (f->window, "commitments"));
}

/* A class of the demo with somebody still to sign the dorm rules. */
static char *
class_with_gaps (GuiFixture *f,
                 NtRuleSet  *set)
{
  g_autoptr(GListStore) groups = nt_commitments_coverage (f->store, set, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (groups)); i++)
    {
      g_autoptr(NtCommitmentCoverage) c = g_list_model_get_item (G_LIST_MODEL (groups), i);

      if (c->kind == NT_PERSON_STUDENT && c->n_signed < c->total && c->total > 3)
        return g_strdup (c->key);
    }
  return NULL;
}

static void
test_tick_class (GuiFixture    *f,
                 gconstpointer  data)
{
  NtCommitmentsPage *page = commitments_page (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(NtRuleSet) set = nt_rule_sets_find (f->store, "noi-quy-khu-noi-tru", &error);
  g_autofree char *class_name = NULL;
  g_autofree char *percent_before = NULL;
  g_autofree char *summary_before = NULL;
  g_autoptr(GListStore) before = NULL;
  g_autoptr(GListStore) after = NULL;
  NtCommitmentScope scope = { 0 };
  guint total, signed_before, signed_after, ticked;

  g_assert_no_error (error);
  g_assert_true (nt_commitments_page_select_set (page, "noi-quy-khu-noi-tru"));
  class_name = class_with_gaps (f, set);
  g_assert_nonnull (class_name);
  g_assert_true (nt_commitments_page_select_group (page, class_name));
  gui_spin (50);

  percent_before = g_strdup (nt_commitments_page_get_group_percent (page, class_name));
  summary_before = g_strdup (nt_commitments_page_get_summary (page));
  g_assert_nonnull (percent_before);
  g_assert_cmpstr (percent_before, !=, "100 %");
  g_assert_true (nt_commitments_totals (f->store, set, &total, &signed_before, NULL, NULL, NULL));

  scope.class_id = nt_classes_find (f->store, class_name);
  scope.unsigned_only = TRUE;
  before = nt_commitments_entries (f->store, set, &scope, NULL);

  /* Tick the whole class: only those still to sign are ticked. */
  ticked = nt_commitments_page_tick_all (page);
  g_assert_cmpuint (ticked, ==, g_list_model_get_n_items (G_LIST_MODEL (before)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "commitments.save", NULL));
  gui_spin (100);

  /* The store: the class has signed, the set's count rose by as many. */
  after = nt_commitments_entries (f->store, set, &scope, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (after)), ==, 0);
  g_assert_true (nt_commitments_totals (f->store, set, NULL, &signed_after, NULL, NULL, NULL));
  g_assert_cmpuint (signed_after, ==, signed_before + ticked);

  /* The widget: the class shows 100 %, the summary changed. */
  g_assert_cmpstr (nt_commitments_page_get_group_percent (page, class_name), ==, "100 %");
  g_assert_cmpstr (nt_commitments_page_get_summary (page), !=, summary_before);

  /* NOITRU_SCREENSHOT=FILE.png: a picture of the screen (run under
   * xvfb-run -s "-screen 0 1366x768x24"), to look at the section. */
  if (g_getenv ("NOITRU_SCREENSHOT"))
    {
      const char *argv[] = { "import", "-window", "root", g_getenv ("NOITRU_SCREENSHOT"), NULL };

      gtk_window_maximize (GTK_WINDOW (f->window));
      gui_spin (800);
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
    }

  /* Signed by the user, with the guardian, today. */
  {
    NtCommitmentScope one = { .class_id = scope.class_id };
    g_autoptr(GListStore) all = nt_commitments_entries (f->store, set, &one, NULL);
    g_autoptr(NtCommitmentEntry) first = g_list_model_get_item (G_LIST_MODEL (before), 0);
    g_autofree char *today = nt_date_today_iso ();

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
      {
        g_autoptr(NtCommitmentEntry) e = g_list_model_get_item (G_LIST_MODEL (all), i);

        if (e->person_id != first->person_id)
          continue;
        g_assert_cmpstr (e->signed_on, ==, today);
        g_assert_true (e->guardian_signed);
        g_assert_cmpint (e->collected_by, ==, nt_context_get_user (f->context)->id);
      }
  }
}

/* Nothing ticked: saving changes nothing. */
static void
test_nothing_ticked (GuiFixture    *f,
                     gconstpointer  data)
{
  NtCommitmentsPage *page = commitments_page (f);
  gint64 n = nt_store_count (f->store, "SELECT count(*) FROM commitments");

  g_assert_true (nt_commitments_page_select_set (page, "noi-quy-hoc-sinh"));
  gui_spin (50);
  gtk_widget_activate_action (GTK_WIDGET (page), "commitments.save", NULL);
  g_assert_true (nt_commitments_page_save (page, NULL));
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM commitments"), ==, n);
}

/* The pages of the PDF @pdf, by pdfinfo. */
static int
pdf_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *out = NULL;
  const char *line;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                               NULL, &out, NULL, &status, NULL));
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  return atoi (line + strlen ("Pages:"));
}

/* Printed on both sides (the print dialog's choice), each form of one page
 * gets a blank back, so that the next person's form starts on a sheet of
 * its own; on one side, one page a form. */
static void
test_print_two_sided (GuiFixture    *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NtRuleSet) set = nt_rule_sets_find (f->store, "noi-quy-khu-noi-tru", &error);
  g_autoptr(GtkPrintSettings) one_side = gtk_print_settings_new ();
  g_autoptr(GtkPrintSettings) two_sides = gtk_print_settings_new ();
  g_autofree char *simplex_pdf = nt_test_tmp_path ("forms-simplex.pdf");
  g_autofree char *duplex_pdf = nt_test_tmp_path ("forms-duplex.pdf");
  NtCommitmentScope scope = { 0 };
  int simplex, duplex;

  g_assert_no_error (error);
  scope.class_id = nt_store_count (f->store, "SELECT min(class_id) FROM students WHERE active = 1");
  scope.students_only = TRUE;
  gtk_print_settings_set_duplex (one_side, GTK_PRINT_DUPLEX_SIMPLEX);
  gtk_print_settings_set_duplex (two_sides, GTK_PRINT_DUPLEX_HORIZONTAL);

  g_assert_true (nt_commitments_print_export (simplex_pdf, one_side, f->store, set, &scope, &error));
  g_assert_no_error (error);
  g_assert_true (nt_commitments_print_export (duplex_pdf, two_sides, f->store, set, &scope, &error));
  g_assert_no_error (error);
  simplex = pdf_pages (simplex_pdf);
  duplex = pdf_pages (duplex_pdf);
  /* The demo's dorm-rules form (for the boarding students) fits on one page
   * a student. */
  g_assert_cmpint (simplex, ==, nt_store_count (f->store, "SELECT count(*) FROM students WHERE active = 1 "
                                                          "AND boarding = 'boarding' "
                                                          "AND class_id = (SELECT min(class_id) FROM students "
                                                          "WHERE active = 1)"));
  g_assert_cmpint (duplex, ==, 2 * simplex);
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add ("/commitments-page/tick-class", GuiFixture, NULL, setup, test_tick_class, teardown);
  g_test_add ("/commitments-page/nothing-ticked", GuiFixture, NULL, setup, test_nothing_ticked, teardown);
  g_test_add ("/commitments-page/print-two-sided", GuiFixture, NULL, setup, test_print_two_sided, teardown);

  return g_test_run ();
}
