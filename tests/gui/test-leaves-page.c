/* test-leaves-page.c: leave through the Leave section under Xvfb */
#include "config.h"

#include <adwaita.h>

#include "gui-fixture.h"
#include "nt-error.h"
#include "nt-leaves-page.h"
#include "nt-leaves.h"
#include "nt-staff.h"
#include "nt-test-util.h"

static void
setup (GuiFixture    *f,
       gconstpointer  data)
{
  g_autoptr(NtStaffMember) user = NULL;

  gui_fixture_setup (f, 9);
  /* A supervisor: the role that records night checks and leave. */
  user = nt_staff_load (f->store, nt_store_count (f->store, "SELECT min(id) FROM staff "
                                                            "WHERE role = 'supervisor' AND active = 1"), NULL);
  g_assert_true (nt_context_set_user (f->context, user, NULL));
}

static void
teardown (GuiFixture    *f,
          gconstpointer  data)
{
  gui_fixture_teardown (f);
}

static NtLeavesPage *
leaves_page (GuiFixture *f)
{
  nt_window_show_section (f->window, "leaves");
  return NT_LEAVES_PAGE (nt_window_get_page (f->window, "leaves"));
}

static char *
display_time (int days_ahead,
              int hour)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days_ahead);
  g_autofree char *date = g_date_time_format (day, "%d/%m/%Y");

  return g_strdup_printf ("%s %02d:00", date, hour);
}

/* The demo school has leave of its own (the last weekends, two overdue,
 * the coming weekend): the student is one without leave since three days
 * ago, so that the test's leave overlaps nothing. */
static gint64
a_boarder_with_bed (GuiFixture *f,
                    guint       nth)
{
  g_autofree char *sql = g_strdup_printf ("SELECT s.id FROM students s JOIN bed_assignments a ON a.student_id = s.id "
                                          "AND a.end_date IS NULL WHERE s.active = 1 AND s.boarding = 'boarding' "
                                          "AND NOT EXISTS (SELECT 1 FROM leaves l WHERE l.student_id = s.id "
                                          "  AND l.to_time >= date ('now', 'localtime', '-3 days')) "
                                          "ORDER BY s.id LIMIT 1 OFFSET %u", nth);
  return nt_store_count (f->store, sql);
}

static void
test_leave_steps (GuiFixture    *f,
                  gconstpointer  data)
{
  NtLeavesPage *page = leaves_page (f);
  gint64 student = a_boarder_with_bed (f, 0);
  g_autofree char *from = display_time (-1, 8);
  g_autofree char *to = display_time (1, 17);
  g_autoptr(GError) error = NULL;
  gint64 leave_id;
  g_autofree char *sql = NULL;
  gint64 n_leaves = nt_store_count (f->store, "SELECT count(*) FROM leaves");
  guint out_before;

  /* The demo's own: the two overdue students are out now. */
  nt_leaves_page_set_view (page, 0);
  out_before = nt_leaves_page_get_n_rows (page);
  g_assert_cmpuint (out_before, >=, 1);

  /* Ends before it starts: refused, nothing written. */
  g_assert_false (nt_leaves_page_create (page, student, to, from, "home", "", TRUE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM leaves"), ==, n_leaves);

  g_assert_true (nt_leaves_page_create (page, student, from, to, "home", "Xã Bản Hon", TRUE, &error));
  g_assert_no_error (error);
  leave_id = nt_store_count (f->store, "SELECT max(id) FROM leaves");
  sql = g_strdup_printf ("SELECT state = 'approved' AND approved_by IS NOT NULL FROM leaves WHERE id = %" G_GINT64_FORMAT, leave_id);
  g_assert_cmpint (nt_store_count (f->store, sql), ==, 1);

  /* Overlapping leave for the same student: refused. */
  g_assert_false (nt_leaves_page_create (page, student, from, to, "home", "", TRUE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Gone out: the "out now" view lists it. */
  g_assert_true (nt_leaves_page_advance (page, leave_id, &error));
  g_assert_no_error (error);
  nt_leaves_page_set_view (page, 0);
  g_assert_cmpuint (nt_leaves_page_get_n_rows (page), ==, out_before + 1);

  /* Back: the list is as before, and the leave is returned with a time. */
  g_assert_true (nt_leaves_page_advance (page, leave_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (nt_leaves_page_get_n_rows (page), ==, out_before);
  g_free (sql);
  sql = g_strdup_printf ("SELECT state = 'returned' AND returned_at IS NOT NULL FROM leaves WHERE id = %" G_GINT64_FORMAT, leave_id);
  g_assert_cmpint (nt_store_count (f->store, sql), ==, 1);
}

static void
test_weekend_leave (GuiFixture    *f,
                    gconstpointer  data)
{
  NtLeavesPage *page = leaves_page (f);
  gint64 student = a_boarder_with_bed (f, 3);
  gint64 class_id;
  g_autofree char *sql = g_strdup_printf ("SELECT class_id FROM students WHERE id = %" G_GINT64_FORMAT, student);
  /* A month ahead: after all the demo's own leave. */
  g_autofree char *from = display_time (30, 11);
  g_autofree char *to = display_time (31, 17);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) skipped = NULL;
  guint created = 0;
  gint64 boarders;
  gint64 n_leaves = nt_store_count (f->store, "SELECT count(*) FROM leaves");

  class_id = nt_store_count (f->store, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM students s JOIN bed_assignments a ON a.student_id = s.id AND a.end_date IS NULL "
                         "WHERE s.class_id = %" G_GINT64_FORMAT " AND s.active = 1 AND s.boarding = 'boarding'", class_id);
  boarders = nt_store_count (f->store, sql);
  g_assert_cmpint (boarders, >, 1);

  /* One student of the class already has leave then: the exception. */
  g_assert_true (nt_leaves_page_create (page, student, from, to, "medical", "", TRUE, &error));
  g_assert_no_error (error);

  g_assert_true (nt_leaves_page_create_bulk (page, class_id, 0, 0, from, to, &created, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (created, ==, boarders - 1);
  g_assert_nonnull (skipped);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (skipped)), ==, 1);
  {
    g_autoptr(NtLeaveSkip) k = g_list_model_get_item (G_LIST_MODEL (skipped), 0);
    g_assert_cmpint (k->student_id, ==, student);
    g_assert_nonnull (k->message);
  }
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM leaves"), ==, n_leaves + boarders);
}

/* The Overview's card opens the overdue view; the requests waiting for
 * approval have a view of their own. */
static void
test_views (GuiFixture    *f,
            gconstpointer  data)
{
  NtLeavesPage *page = leaves_page (f);
  g_autoptr(GListStore) pending = nt_leaves_pending (f->store, NULL, NULL);

  nt_window_show_section (f->window, "leaves:overdue");
  gui_spin (20);
  g_assert_cmpstr (nt_window_get_section (f->window), ==, "leaves");
  g_assert_cmpuint (nt_leaves_page_get_n_rows (page), ==, 2);   /* the demo's two overdue */
  nt_window_show_section (f->window, "leaves:pending");
  gui_spin (20);
  g_assert_cmpuint (nt_leaves_page_get_n_rows (page), ==, g_list_model_get_n_items (G_LIST_MODEL (pending)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pending)), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add ("/leaves/steps", GuiFixture, NULL, setup, test_leave_steps, teardown);
  g_test_add ("/leaves/weekend", GuiFixture, NULL, setup, test_weekend_leave, teardown);
  g_test_add ("/leaves-page/views", GuiFixture, NULL, setup, test_views, teardown);
  return g_test_run ();
}
