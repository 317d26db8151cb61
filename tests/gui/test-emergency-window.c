/* test-emergency-window.c: an emergency roll marked from the keyboard */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "gui-fixture.h"
#include "nt-emergency-window.h"
#include "nt-emergency.h"
#include "nt-test-util.h"

static void
setup (GuiFixture    *f,
       gconstpointer  data)
{
  gui_fixture_setup (f, 13);
}

static void
teardown (GuiFixture    *f,
          gconstpointer  data)
{
  gui_fixture_teardown (f);
}

static void
test_roll_by_keyboard (GuiFixture    *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 roll = nt_emergency_start (f->store, "drill", 0, &error);
  NtEmergencyWindow *w;
  NtRollCounts c = { 0 };
  guint before;

  g_assert_no_error (error);
  g_assert_cmpint (roll, >, 0);
  g_assert_cmpint (nt_emergency_find_open (f->store), ==, roll);

  w = nt_emergency_window_new (f->context, roll);
  gtk_window_present (GTK_WINDOW (w));
  before = nt_emergency_window_get_unaccounted (w);
  g_assert_cmpuint (before, >, 10);

  /* The roll opens on the first building's heading: M there is for its
   * first person, who is missing. */
  g_assert_true (nt_emergency_window_handle_key (w, GDK_KEY_m));
  g_assert_cmpuint (nt_emergency_window_get_unaccounted (w), ==, before - 1);

  /* Enter on the building marks everyone else there safe. */
  nt_emergency_window_focus_row (w, 0);
  g_assert_true (nt_emergency_window_handle_key (w, GDK_KEY_Return));
  g_assert_true (nt_emergency_counts (f->store, roll, &c, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.missing, ==, 1);
  g_assert_cmpuint (c.safe, >, 0);
  g_assert_cmpuint (c.unaccounted, ==, nt_emergency_window_get_unaccounted (w));
  g_assert_cmpuint (c.unaccounted + c.safe + c.missing + c.injured + c.away, ==, c.total);

  /* Ending keeps the roll, read-only, with its time; what it says names
   * the missing person. */
  g_assert_true (nt_emergency_window_end (w, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GListStore) entries = nt_emergency_entries (f->store, roll, NULL);
    g_autoptr(GList) windows = gtk_window_list_toplevels ();
    const char *missing = NULL;
    const char *body = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (entries)); i++)
      {
        g_autoptr(NtRollEntry) e = g_list_model_get_item (G_LIST_MODEL (entries), i);
        if (g_strcmp0 (e->status, "missing") == 0)
          missing = g_intern_string (e->name);
      }
    for (GList *l = windows; l != NULL; l = l->next)
      if (ADW_IS_MESSAGE_DIALOG (l->data))
        body = adw_message_dialog_get_body (l->data);
    g_assert_nonnull (missing);
    g_assert_nonnull (body);
    g_assert_nonnull (strstr (body, missing));
  }
  g_assert_cmpint (nt_emergency_find_open (f->store), ==, 0);
  /* Ended: its end button does nothing more. */
  gui_spin (20);
  g_assert_nonnull (gui_find_action_button (GTK_WIDGET (w), "emergency.end"));
  g_assert_false (gtk_widget_is_sensitive (gui_find_action_button (GTK_WIDGET (w), "emergency.end")));
  {
    g_autoptr(NtEmergencyRoll) r = nt_emergency_load (f->store, roll, NULL);
    g_assert_nonnull (r->ended_at);
  }
  nt_emergency_window_focus_row (w, 1);
  nt_emergency_window_handle_key (w, GDK_KEY_a);
  g_assert_true (nt_emergency_counts (f->store, roll, &c, NULL, &error));
  g_assert_cmpuint (c.missing, ==, 1);
  gtk_window_destroy (GTK_WINDOW (w));
  gui_spin (50);
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add ("/emergency/roll-by-keyboard", GuiFixture, NULL, setup, test_roll_by_keyboard, teardown);
  return g_test_run ();
}
