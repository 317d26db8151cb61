/* test-assessment-page.c: the ANTT self-assessment section under Xvfb */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <sqlite3.h>

#include "gui-fixture.h"
#include "nt-assessment-page.h"
#include "nt-assessment.h"
#include "nt-error.h"
#include "nt-staff.h"
#include "nt-test-util.h"

static void
use_role (GuiFixture *f,
          const char *role)
{
  g_autofree char *sql = g_strdup_printf ("SELECT min(id) FROM staff WHERE role = '%s' AND active = 1", role);
  g_autoptr(NtStaffMember) user = nt_staff_load (f->store, nt_store_count (f->store, sql), NULL);

  g_assert_nonnull (user);
  g_assert_true (nt_context_set_user (f->context, user, NULL));
}

static void
setup (GuiFixture    *f,
       gconstpointer  data)
{
  gui_fixture_setup (f, 7);
  use_role (f, data ? data : "office");
}

static void
teardown (GuiFixture    *f,
          gconstpointer  data)
{
  gui_fixture_teardown (f);
}

static NtAssessmentPage *
assessment_page (GuiFixture *f)
{
  nt_window_show_section (f->window, "assessment");
  gui_spin (50);
  return NT_ASSESSMENT_PAGE (nt_window_get_page (f->window, "assessment"));
}

static GtkWidget *
named (NtAssessmentPage *page,
       const char       *name)
{
  GtkWidget *w = gui_find_named (GTK_WIDGET (page), name);

  if (w == NULL)
    g_error ("No widget named %s in the page", name);
  return w;
}

/* The first "Open" button (to a section) under @widget. */
static GtkWidget *
find_open_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.show-section") == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_open_button (child);
      if (found)
        return found;
    }
  return NULL;
}

static gint64
item_met (GuiFixture *f,
          const char *year,
          const char *criterion)
{
  g_autofree char *sql = g_strdup_printf ("SELECT ifnull ((SELECT ifnull (i.met, -1) FROM assessment_items i "
                                          "JOIN assessments a ON a.id = i.assessment_id "
                                          "WHERE a.school_year = '%s' AND i.criterion = '%s'), -2)", year, criterion);
  return nt_store_count (f->store, sql);
}

static gboolean
is_usable (GtkWidget *w)
{
  return gtk_widget_is_sensitive (w) && gtk_widget_get_visible (w);
}

/* The office fills in this year's draft, attaches a file, submits it. */
static void
test_fill_and_submit (GuiFixture    *f,
                      gconstpointer  data)
{
  NtAssessmentPage *page = assessment_page (f);
  g_autofree char *year = nt_assessment_current_year (f->store);
  g_autofree char *source = nt_test_write_tmp ("bien-ban-hop.pdf", "%PDF-1.4", 8);
  g_autofree char *last = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer;
  const char *criteria[] = { "tt124-3", "tt124-4", "tt124-6" };

  g_assert_cmpstr (nt_assessment_page_get_year (page), ==, year);
  /* The demo's draft: three decided, submitting not possible yet. */
  g_assert_cmpint (item_met (f, year, "tt124-1"), ==, 1);
  g_assert_cmpint (item_met (f, year, "tt124-3"), ==, -1);
  g_assert_true (gtk_widget_get_visible (named (page, "submit")));
  g_assert_false (gtk_widget_is_sensitive (named (page, "submit")));
  g_assert_false (gtk_widget_get_visible (named (page, "approve")));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (named (page, "met-tt124-1"))));

  /* Met / not met by the toggles, written at once. */
  for (guint i = 0; i < G_N_ELEMENTS (criteria); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s", i == 1 ? "not-met" : "met", criteria[i]);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (named (page, name)), TRUE);
      gui_spin (10);
      g_assert_cmpint (item_met (f, year, criteria[i]), ==, i == 1 ? 0 : 1);
    }
  g_assert_true (gtk_widget_is_sensitive (named (page, "submit")));

  /* The evidence is kept when the person goes elsewhere. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (named (page, "evidence-tt124-4")));
  gtk_text_buffer_set_text (buffer, "Một vụ xô xát, đã xử lý kỷ luật.", -1);
  last = g_strdup_printf ("%d-%d", atoi (year) - 1, atoi (year));
  nt_assessment_page_show_year (page, last);
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM assessment_items "
                                             "WHERE evidence = 'Một vụ xô xát, đã xử lý kỷ luật.'"), ==, 1);

  /* Last year is approved: read only. */
  g_assert_false (gtk_widget_get_visible (named (page, "submit")));
  g_assert_false (gtk_widget_is_sensitive (named (page, "met-tt124-1")));
  g_assert_false (gtk_widget_is_sensitive (named (page, "attach-tt124-1")));
  g_assert_true (is_usable (named (page, "export")));
  nt_assessment_page_show_year (page, year);

  /* A file, copied beside the database. */
  g_assert_true (nt_assessment_page_attach_file (page, "tt124-2", source, &error));
  g_assert_no_error (error);
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM assessment_items "
                                             "WHERE criterion = 'tt124-2' AND files LIKE '%bien-ban-hop.pdf'"), ==, 1);

  /* "Open" beside a figure goes to its section. */
  {
    GtkWidget *card = gtk_widget_get_parent (gtk_widget_get_parent (gtk_widget_get_parent (named (page, "met-tt124-1"))));
    GtkWidget *open = find_open_button (card);

    g_assert_nonnull (open);
    g_signal_emit_by_name (open, "clicked");
    gui_spin (20);
    g_assert_cmpstr (nt_window_get_section (f->window), !=, "assessment");
    page = assessment_page (f);
  }

  /* Submitted: the office can no longer change it nor approve it. */
  g_signal_emit_by_name (named (page, "submit"), "clicked");
  gui_spin (20);
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM assessments WHERE state = 'submitted'"), ==, 1);
  g_assert_false (gtk_widget_get_visible (named (page, "submit")));
  g_assert_true (gtk_widget_get_visible (named (page, "approve")));
  g_assert_false (gtk_widget_is_sensitive (named (page, "approve")));
  g_assert_false (gtk_widget_is_sensitive (named (page, "met-tt124-1")));
}

/* A supervisor may look, not fill in. */
static void
test_supervisor_refused (GuiFixture    *f,
                         gconstpointer  data)
{
  NtAssessmentPage *page = assessment_page (f);
  g_autofree char *year = nt_assessment_current_year (f->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *source = nt_test_write_tmp ("x.pdf", "%PDF", 4);

  g_assert_false (gtk_widget_is_sensitive (named (page, "met-tt124-3")));
  g_assert_false (gtk_widget_is_sensitive (named (page, "attach-tt124-3")));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (named (page, "evidence-tt124-3"))));
  g_assert_false (gtk_widget_is_sensitive (named (page, "submit")));
  g_assert_false (nt_assessment_page_attach_file (page, "tt124-3", source, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
  g_assert_cmpint (item_met (f, year, "tt124-3"), ==, -1);
}

/* A year without one: the page offers to start it, under the circular chosen. */
static void
test_start (GuiFixture    *f,
            gconstpointer  data)
{
  g_autofree char *year = nt_assessment_current_year (f->store);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM assessments WHERE school_year = '%s'", year);
  NtAssessmentPage *page;
  GtkWidget *start;

  g_assert_cmpint (sqlite3_exec (nt_store_get_db (f->store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
  page = assessment_page (f);
  start = named (page, "start");
  g_assert_true (gtk_widget_get_mapped (start));
  g_assert_true (gtk_widget_is_sensitive (start));
  g_assert_false (gtk_widget_is_sensitive (named (page, "export")));
  /* The older circular, the second in the list. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (page, "circular")), 1);
  g_signal_emit_by_name (start, "clicked");
  gui_spin (20);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM assessments WHERE school_year = '%s' AND circular = '23/2012/TT-BCA' "
                         "AND state = 'draft'", year);
  g_assert_cmpint (nt_store_count (f->store, sql), ==, 1);
  /* Its cards are there, the first criterion of Điều 8 first. */
  g_assert_true (gtk_widget_get_mapped (named (page, "met-tt23-1")));
  g_assert_false (gtk_widget_get_mapped (start));

  /* Nothing decided yet: back to the circular in force without a question. */
  g_assert_true (gtk_widget_get_visible (named (page, "circular-switch")));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (page, "circular-switch")), 0);
  gui_spin (20);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM assessment_items i JOIN assessments a ON a.id = i.assessment_id "
                         "WHERE a.school_year = '%s' AND a.circular = '124/2021/TT-BCA' AND i.criterion LIKE 'tt124-%%'", year);
  g_assert_cmpint (nt_store_count (f->store, sql), ==, 6);
  g_assert_true (gtk_widget_get_mapped (named (page, "met-tt124-6")));
}

static void
on_toplevel_added (GListModel *list,
                   guint       position,
                   guint       removed,
                   guint       added,
                   gpointer    data)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (list, i);
      if (ADW_IS_MESSAGE_DIALOG (w))
        *(AdwMessageDialog **) data = ADW_MESSAGE_DIALOG (w);
    }
}

/* The principal approves a submitted assessment after the question. */
static void
test_principal_approves (GuiFixture    *f,
                         gconstpointer  data)
{
  g_autofree char *year = nt_assessment_current_year (f->store);
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM assessments WHERE school_year = '%s'", year);
  gint64 id = nt_store_count (f->store, sql);
  g_autofree NtAssessmentCriterion **criteria = nt_assessment_criteria (NT_ASSESSMENT_DEFAULT_CIRCULAR, NULL);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog = NULL;
  NtAssessmentPage *page;
  gulong handler;

  for (guint i = 0; criteria[i]; i++)
    g_assert_true (nt_assessment_set_item (f->store, id, criteria[i]->id, 1, NULL, &error));
  g_assert_true (nt_assessment_submit (f->store, id, &error));
  page = assessment_page (f);
  g_assert_true (is_usable (named (page, "approve")));
  g_assert_true (is_usable (named (page, "send-back")));

  handler = g_signal_connect (gtk_window_get_toplevels (), "items-changed", G_CALLBACK (on_toplevel_added), &dialog);
  g_signal_emit_by_name (named (page, "approve"), "clicked");
  gui_spin (50);
  g_signal_handler_disconnect (gtk_window_get_toplevels (), handler);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "approve");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_spin (20);
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM assessments WHERE state = 'approved' "
                                             "AND frozen_figures IS NOT NULL"), ==, 2);
  g_assert_false (gtk_widget_get_visible (named (page, "approve")));
  g_assert_false (gtk_widget_is_sensitive (named (page, "met-tt124-1")));
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add ("/assessment/fill-and-submit", GuiFixture, NULL, setup, test_fill_and_submit, teardown);
  g_test_add ("/assessment/start", GuiFixture, NULL, setup, test_start, teardown);
  g_test_add ("/assessment/supervisor-refused", GuiFixture, "supervisor", setup, test_supervisor_refused, teardown);
  g_test_add ("/assessment/principal-approves", GuiFixture, "principal", setup, test_principal_approves, teardown);
  return g_test_run ();
}
