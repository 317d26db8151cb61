/* test-checks-page.c: a whole night check done from the keyboard, under
 * Xvfb, ends with the right statuses stored */
#include "config.h"

#include <adwaita.h>

#include "gui-fixture.h"
#include "nt-checks-page.h"
#include "nt-night-checks.h"
#include "nt-staff.h"
#include "nt-test-util.h"

static void
setup (GuiFixture    *f,
       gconstpointer  data)
{
  g_autoptr(NtStaffMember) user = NULL;

  gui_fixture_setup (f, 5);
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

static NtChecksPage *
checks_page (GuiFixture *f)
{
  nt_window_show_section (f->window, "checks");
  return NT_CHECKS_PAGE (nt_window_get_page (f->window, "checks"));
}

static void
test_whole_check_by_keyboard (GuiFixture    *f,
                              gconstpointer  data)
{
  NtChecksPage *page = checks_page (f);
  g_autofree char *night_iso = nt_night_check_default_night ();
  g_autofree char *night = g_strdup_printf ("%.2s/%.2s/%.4s", night_iso + 8, night_iso + 5, night_iso);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) entries = NULL;
  g_autoptr(GListStore) absent = NULL;
  gint64 absent_student = 0;
  guint checked = 0, expected = 0;

  g_assert_true (nt_checks_page_start (page, night, 0, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (nt_checks_page_get_check_id (page), >, 0);
  g_assert_cmpuint (nt_checks_page_get_n_rows (page), >, 10);

  /* The first row is a room: mark its second row (a student) absent with
   * V, then Enter on the room marks the others present. */
  nt_checks_page_focus_row (page, 1);
  g_assert_true (nt_checks_page_handle_key (page, GDK_KEY_v));
  entries = nt_night_check_entries (f->store, nt_checks_page_get_check_id (page), NULL);
  {
    g_autoptr(NtCheckEntry) first = g_list_model_get_item (G_LIST_MODEL (entries), 0);
    g_autoptr(NtCheckEntry) stored = nt_night_check_load_entry (f->store, first->id, NULL);
    g_assert_cmpstr (stored->status, ==, "absent");
    absent_student = stored->student_id;
  }

  /* A check cannot be closed while a student has no status. */
  g_assert_false (nt_checks_page_close_check (page, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Every room: Enter marks the whole room present, and the focus moves on
   * to the next room; J moves down. */
  for (guint i = 0; i < nt_checks_page_get_n_rows (page); i++)
    {
      nt_checks_page_focus_row (page, i);
      nt_checks_page_handle_key (page, GDK_KEY_Return);
    }
  /* Enter leaves out only students overdue from a leave: the supervisor
   * marks each of them by hand (here: they came back, present). */
  g_clear_object (&entries);
  entries = nt_night_check_entries (f->store, nt_checks_page_get_check_id (page), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (entries)); i++)
    {
      g_autoptr(NtCheckEntry) e = g_list_model_get_item (G_LIST_MODEL (entries), i);

      if (e->status == NULL)
        {
          g_assert_true (e->leave_overdue);
          g_assert_true (nt_night_check_mark (f->store, e->id, "present", NULL, NULL, &error));
          g_assert_no_error (error);
        }
    }
  nt_night_check_progress (f->store, nt_checks_page_get_check_id (page), &checked, &expected);
  g_assert_cmpuint (checked, ==, expected);
  g_assert_nonnull (strstr (nt_checks_page_get_progress (page), "/"));

  /* The absent student stayed absent; everyone else present (or on the
   * leave that was filled in). */
  g_clear_object (&entries);
  entries = nt_night_check_entries (f->store, nt_checks_page_get_check_id (page), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (entries)); i++)
    {
      g_autoptr(NtCheckEntry) e = g_list_model_get_item (G_LIST_MODEL (entries), i);

      if (e->student_id == absent_student)
        g_assert_cmpstr (e->status, ==, "absent");
      else
        g_assert_true (g_strcmp0 (e->status, "present") == 0 || g_strcmp0 (e->status, "leave") == 0);
    }

  /* Closing lists the absent student without leave. */
  g_assert_true (nt_checks_page_close_check (page, &error));
  g_assert_no_error (error);
  absent = nt_night_check_unexplained (f->store, nt_checks_page_get_check_id (page), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (absent)), ==, 1);

  /* Closed: a key no longer changes anything. */
  nt_checks_page_focus_row (page, 1);
  nt_checks_page_handle_key (page, GDK_KEY_c);
  {
    g_autoptr(NtCheckEntry) first = g_list_model_get_item (G_LIST_MODEL (entries), 0);
    g_autoptr(NtCheckEntry) stored = nt_night_check_load_entry (f->store, first->id, NULL);
    g_assert_cmpstr (stored->status, ==, "absent");
  }
  gui_spin (50);
}

static void
test_late_and_resume (GuiFixture    *f,
                      gconstpointer  data)
{
  NtChecksPage *page = checks_page (f);
  g_autofree char *night_iso = nt_night_check_default_night ();
  g_autofree char *night = g_strdup_printf ("%.2s/%.2s/%.4s", night_iso + 8, night_iso + 5, night_iso);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) entries = NULL;
  gint64 id;

  g_assert_true (nt_checks_page_start (page, night, 1, 1, &error));
  g_assert_no_error (error);
  id = nt_checks_page_get_check_id (page);
  nt_checks_page_focus_row (page, 1);
  g_assert_true (nt_checks_page_handle_key (page, GDK_KEY_m));
  entries = nt_night_check_entries (f->store, id, NULL);
  {
    g_autoptr(NtCheckEntry) first = g_list_model_get_item (G_LIST_MODEL (entries), 0);
    g_autoptr(NtCheckEntry) stored = nt_night_check_load_entry (f->store, first->id, NULL);
    g_assert_cmpstr (stored->status, ==, "late");
    g_assert_nonnull (stored->late_at);
  }

  /* Starting again resumes the same check. */
  g_assert_true (nt_checks_page_start (page, night, 1, 1, &error));
  g_assert_cmpint (nt_checks_page_get_check_id (page), ==, id);

  /* A night in the future is refused. */
  g_assert_false (nt_checks_page_start (page, "01/01/2099", 0, 0, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Another building chosen in the picker: the rows of the check on screen
   * go, and a key marks nobody until Start opens the one chosen. */
  g_assert_true (nt_checks_page_start (page, night, 1, 1, &error));
  g_assert_cmpuint (nt_checks_page_get_n_rows (page), >, 0);
  {
    GtkDropDown *building = GTK_DROP_DOWN (gui_find_named (GTK_WIDGET (page), "building"));
    gint64 marked = nt_store_count (f->store, "SELECT count(*) FROM night_check_entries WHERE status IS NOT NULL");

    g_assert_nonnull (building);
    g_assert_cmpuint (gtk_drop_down_get_selected (building), ==, 1);
    gtk_drop_down_set_selected (building, 0);
    g_assert_cmpint (nt_checks_page_get_check_id (page), ==, 0);
    g_assert_cmpuint (nt_checks_page_get_n_rows (page), ==, 0);
    nt_checks_page_focus_row (page, 1);
    nt_checks_page_handle_key (page, GDK_KEY_c);
    g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM night_check_entries WHERE status IS NOT NULL"),
                     ==, marked);
  }
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add ("/checks/whole-check-by-keyboard", GuiFixture, NULL, setup, test_whole_check_by_keyboard,
              teardown);
  g_test_add ("/checks/late-and-resume", GuiFixture, NULL, setup, test_late_and_resume,
              teardown);
  return g_test_run ();
}
