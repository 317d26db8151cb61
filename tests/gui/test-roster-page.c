/* test-roster-page.c: the duty roster section under Xvfb: generate a week,
 * take a person off to make a gap, put someone back through the cell's
 * popover and see the gap go, swap two duties, write and acknowledge a
 * hand-over note */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gui-fixture.h"
#include "nt-duty-popover.h"
#include "nt-form-dialog.h"
#include "nt-handovers-view.h"
#include "nt-roster-grid.h"
#include "nt-roster-page.h"
#include "nt-roster.h"
#include "nt-staff.h"
#include "nt-test-util.h"

static void
setup (GuiFixture    *f,
       gconstpointer  data)
{
  g_autoptr(NtStaffMember) user = NULL;

  /* The principal: the roster is theirs to change. */
  gui_fixture_setup (f, 5);
  user = nt_staff_load (f->store, nt_store_count (f->store, "SELECT id FROM staff WHERE role = 'principal'"), NULL);
  g_assert_nonnull (user);
  g_assert_true (nt_context_set_user (f->context, user, NULL));

  /* The demo school may come with its posts; a school without any gets two. */
  if (nt_store_count (f->store, "SELECT count(*) FROM posts") == 0)
    {
      NtPostInput dorm = { .name = "Ký túc xá", .people = 1 };
      NtPostInput gate = { .name = "Cổng trường", .people = 1 };

      g_assert_cmpint (nt_roster_post_add (f->store, &dorm, NULL), >, 0);
      g_assert_cmpint (nt_roster_post_add (f->store, &gate, NULL), >, 0);
    }
}

static void
teardown (GuiFixture    *f,
          gconstpointer  data)
{
  gui_fixture_teardown (f);
}

static NtRosterPage *
roster_page (GuiFixture *f)
{
  NtRosterPage *page;

  nt_window_show_section (f->window, "roster");
  page = NT_ROSTER_PAGE (nt_window_get_page (f->window, "roster"));
  gui_spin_until (gui_window_mapped, page, 10);
  gui_spin (50);
  return page;
}

static NtDutyPopover *
open_cell (NtRosterPage *page,
           gint64        post_id,
           gint64        shift_id,
           const char   *date)
{
  GtkWidget *grid = nt_roster_page_get_grid (page);
  GtkWidget *button = nt_roster_grid_widget_get_cell_button (NT_ROSTER_GRID (grid), post_id, shift_id, date);
  GtkWidget *last;

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  gui_spin (50);
  last = gtk_widget_get_last_child (GTK_WIDGET (page));
  g_assert_true (NT_IS_DUTY_POPOVER (last));
  return NT_DUTY_POPOVER (last);
}

static void
test_generate_gap_swap (GuiFixture    *f,
                        gconstpointer  data)
{
  NtRosterPage *page = roster_page (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GListStore) duties = NULL;
  g_autoptr(NtDuty) taken = NULL;
  guint problems;
  GtkWidget *button;
  NtDutyPopover *popover;
  gint64 a = 0, b = 0, staff_a = 0, staff_b = 0;

  /* A week after the demo's roster, and the one before it first: its last
   * night covers this Monday's early hours. */
  nt_roster_page_show_period (page, "2027-03-04", FALSE);
  g_assert_true (nt_roster_page_generate (page, &error));
  g_assert_cmpuint (nt_roster_page_get_n_problems (page), >, 0);
  gtk_widget_activate_action (GTK_WIDGET (page), "roster.next", NULL);
  nt_roster_page_get_period (page, &from, &to);
  g_assert_cmpstr (from, ==, "2027-03-08");
  g_assert_cmpstr (to, ==, "2027-03-14");

  g_assert_true (nt_roster_page_generate (page, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT count(*) FROM duties WHERE date BETWEEN '%s' AND '%s'", from, to);
  g_assert_cmpint (nt_store_count (f->store, sql), >=, 7 * 3 * 2);
  problems = nt_roster_page_get_n_problems (page);
  g_assert_cmpuint (problems, ==, 0);
  /* Fair: nights differ by at most one between the people who stand them. */
  g_assert_cmpint (nt_duty_counts_view_get_spread (nt_roster_page_get_counts (page)), <=, 1);

  /* Take one person off: the page shows the gap, red on the grid. */
  duties = nt_roster_duties (f->store, "2027-03-10", "2027-03-10", 0, &error);
  g_assert_no_error (error);
  taken = g_list_model_get_item (G_LIST_MODEL (duties), 0);
  g_assert_true (nt_roster_remove (f->store, taken->id, &error));
  gui_spin (20);
  g_assert_cmpuint (nt_roster_page_get_n_problems (page), >, problems);
  button = nt_roster_grid_widget_get_cell_button (NT_ROSTER_GRID (nt_roster_page_get_grid (page)),
                                                  taken->post_id, taken->shift_id, taken->date);
  g_assert_true (gtk_widget_has_css_class (button, "nt-duty-gap"));

  /* Put the same person back through the cell: the gap is gone. */
  popover = open_cell (page, taken->post_id, taken->shift_id, taken->date);
  g_assert_true (nt_duty_popover_add (popover, taken->staff_id, &error));
  g_assert_no_error (error);
  gui_spin (50);
  g_assert_cmpuint (nt_roster_page_get_n_problems (page), ==, problems);
  button = nt_roster_grid_widget_get_cell_button (NT_ROSTER_GRID (nt_roster_page_get_grid (page)),
                                                  taken->post_id, taken->shift_id, taken->date);
  g_assert_false (gtk_widget_has_css_class (button, "nt-duty-gap"));

  /* A person put on by hand stays when the roster is generated again. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT locked FROM duties WHERE post_id = %" G_GINT64_FORMAT " AND shift_id = %" G_GINT64_FORMAT
                         " AND date = '%s' AND staff_id = %" G_GINT64_FORMAT,
                         taken->post_id, taken->shift_id, taken->date, taken->staff_id);
  g_assert_cmpint (nt_store_count (f->store, sql), ==, 1);

  /* Swap: the same post and shift two days apart, two different people. */
  g_clear_object (&duties);
  duties = nt_roster_duties (f->store, "2027-03-11", "2027-03-13", taken->post_id, &error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (duties)) && b == 0; i++)
    {
      g_autoptr(NtDuty) x = g_list_model_get_item (G_LIST_MODEL (duties), i);

      if (x->shift_id != taken->shift_id)
        continue;
      if (a == 0 && g_str_equal (x->date, "2027-03-11"))
        a = x->id, staff_a = x->staff_id;
      else if (a != 0 && g_str_equal (x->date, "2027-03-13") && x->staff_id != staff_a)
        b = x->id, staff_b = x->staff_id;
    }
  g_assert_cmpint (b, !=, 0);

  popover = open_cell (page, taken->post_id, taken->shift_id, "2027-03-11");
  /* Without a reason the swap is refused and nothing changes. */
  g_assert_false (nt_duty_popover_swap (popover, a, b, "", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (nt_duty_popover_swap (popover, a, b, "Việc gia đình", &error));
  g_assert_no_error (error);
  gui_spin (50);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT staff_id FROM duties WHERE id = %" G_GINT64_FORMAT, a);
  g_assert_cmpint (nt_store_count (f->store, sql), ==, staff_b);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT staff_id FROM duties WHERE id = %" G_GINT64_FORMAT, b);
  g_assert_cmpint (nt_store_count (f->store, sql), ==, staff_a);
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM audit_log WHERE table_name = 'duties' "
                                              "AND action = 'update'"), >=, 2);
}

static void
test_handover (GuiFixture    *f,
               gconstpointer  data)
{
  NtRosterPage *page = roster_page (f);
  NtHandoversView *view;
  g_autoptr(GError) error = NULL;
  g_autoptr(NtStaffMember) next = nt_staff_load (f->store, nt_store_count (f->store, "SELECT min(id) FROM staff "
                                                                                    "WHERE role = 'supervisor'"), NULL);
  gint64 before = nt_store_count (f->store, "SELECT count(*) FROM handovers");
  gint64 id;
  GtkTextView *happened;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add", NULL);
  gui_spin (50);
  view = NT_HANDOVERS_VIEW (gtk_widget_get_ancestor (gtk_window_get_focus (GTK_WINDOW (f->window)),
                                                     NT_TYPE_HANDOVERS_VIEW));
  g_assert_nonnull (view);
  happened = GTK_TEXT_VIEW (gtk_window_get_focus (GTK_WINDOW (f->window)));
  g_assert_true (GTK_IS_TEXT_VIEW (happened));

  /* An empty note is refused, the form kept. */
  g_assert_false (nt_handovers_view_submit (view, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM handovers"), ==, before);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (happened), "Phòng 204 mất điện lúc 23:10, đã báo bảo vệ.", -1);
  g_assert_true (nt_handovers_view_submit (view, &error));
  g_assert_no_error (error);
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM handovers"), ==, before + 1);
  id = nt_store_count (f->store, "SELECT max(id) FROM handovers");
  g_assert_cmpuint (nt_handovers_view_get_n_notes (view), >=, 1);
  /* The principal may open an incident from the note (issue 7). */
  g_assert_nonnull (gui_find_named (GTK_WIDGET (view), "open-incident"));

  /* The writer cannot acknowledge their own note; the next person can. */
  g_assert_false (nt_handovers_view_acknowledge (view, id, &error));
  g_clear_error (&error);
  g_assert_true (nt_context_set_user (f->context, next, NULL));
  g_assert_true (nt_handovers_view_acknowledge (view, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM handovers WHERE acknowledged_by IS NOT NULL "
                                              "AND id = (SELECT max(id) FROM handovers)"), ==, 1);
  (void) page;
}

static void
collect_entries (GtkWidget *widget,
                 GPtrArray *rows)
{
  if (ADW_IS_ENTRY_ROW (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_entries (c, rows);
}

static void
fill (NtFormDialog       *dialog,
      const char * const *texts)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_entries (GTK_WIDGET (dialog), rows);
  for (guint i = 0; texts[i] != NULL; i++)
    {
      g_assert_cmpuint (i, <, rows->len);
      gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, i)), texts[i]);
    }
}

static void
test_setup (GuiFixture    *f,
            gconstpointer  data)
{
  NtRosterPage *page = roster_page (f);
  NtRosterSetup *setup = nt_roster_page_get_setup (page);
  gint64 shifts = nt_store_count (f->store, "SELECT count(*) FROM shift_templates");
  gint64 posts = nt_store_count (f->store, "SELECT count(*) FROM posts");
  NtFormDialog *dialog;

  /* A shift of zero length is refused; the form stays open with the reason. */
  dialog = nt_roster_setup_edit_shift (setup, 0);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  fill (dialog, (const char *[]) { "Ca trưa", "12:00", "12:00", NULL });
  g_assert_false (nt_form_dialog_save (dialog));
  g_assert_nonnull (dialog);
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM shift_templates"), ==, shifts);
  fill (dialog, (const char *[]) { "Ca trưa", "11:00", "13:00", NULL });
  g_assert_true (nt_form_dialog_save (dialog));
  gui_spin (20);
  g_assert_null (dialog);
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM shift_templates"), ==, shifts + 1);

  /* A post staffed in the day only. */
  dialog = nt_roster_setup_edit_post (setup, 0);
  fill (dialog, (const char *[]) { "Phòng y tế", "07:00", "21:00", NULL });
  g_assert_true (nt_form_dialog_save (dialog));
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM posts WHERE name = 'Phòng y tế' "
                                              "AND staffed_from = '07:00' AND staffed_to = '21:00'"), ==, 1);
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM posts"), ==, posts + 1);

  /* A day off with a date that does not exist is refused. */
  dialog = nt_roster_setup_add_availability (setup);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  fill (dialog, (const char *[]) { "31/02/2026", NULL });
  g_assert_false (nt_form_dialog_save (dialog));
  fill (dialog, (const char *[]) { "28/11/2026", NULL });
  g_assert_true (nt_form_dialog_save (dialog));
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM staff_availability WHERE kind = 'day_off' "
                                              "AND from_date = '2026-11-28'"), ==, 1);

  /* A holiday: a day twice is refused, the form kept open. */
  dialog = nt_roster_setup_add_holiday (setup);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  fill (dialog, (const char *[]) { "19/05/2027", "Ngày sinh Chủ tịch Hồ Chí Minh", NULL });
  g_assert_true (nt_form_dialog_save (dialog));
  gui_spin (20);
  dialog = nt_roster_setup_add_holiday (setup);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  fill (dialog, (const char *[]) { "19/05/2027", "Lặp lại", NULL });
  g_assert_false (nt_form_dialog_save (dialog));
  g_assert_nonnull (dialog);
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM holidays WHERE day = '2027-05-19'"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
find_all (GtkWidget *widget,
          GType      type,
          GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_type_is_a (G_OBJECT_TYPE (child), type))
        g_ptr_array_add (found, child);
      find_all (child, type, found);
    }
}

/* The swap's drop-down offers only the duties the swap accepts, searched
 * in Vietnamese; the month's narrow cells tell apart two people of the
 * same given name. */
static void
test_swap_list_and_names (GuiFixture    *f,
                          gconstpointer  data)
{
  NtRosterPage *page = roster_page (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GListStore) day = NULL;
  g_autoptr(GListStore) all = NULL;
  g_autoptr(GListStore) partners = NULL;
  g_autoptr(GListStore) cells = NULL;
  g_autoptr(NtDuty) a = NULL;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GHashTable) label_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) given_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  NtDutyPopover *popover;
  GtkDropDown *other;
  GListModel *offered;
  guint shared = 0;

  nt_roster_page_show_period (page, "2027-03-01", TRUE);
  g_assert_true (nt_roster_page_generate (page, &error));
  g_assert_no_error (error);
  gui_spin (50);
  nt_roster_page_get_period (page, &from, &to);
  g_assert_cmpstr (from, ==, "2027-03-01");
  g_assert_cmpstr (to, ==, "2027-03-31");

  day = nt_roster_duties (f->store, "2027-03-10", "2027-03-10", 0, &error);
  g_assert_no_error (error);
  a = g_list_model_get_item (G_LIST_MODEL (day), 0);
  g_assert_nonnull (a);
  popover = open_cell (page, a->post_id, a->shift_id, a->date);
  find_all (GTK_WIDGET (popover), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GObject *b = g_ptr_array_index (buttons, i);

      if (g_object_get_data (b, "name") != NULL && GPOINTER_TO_SIZE (g_object_get_data (b, "duty")) == (gsize) a->id)
        g_signal_emit_by_name (b, "clicked");
    }
  gui_spin (20);
  find_all (GTK_WIDGET (popover), GTK_TYPE_DROP_DOWN, dropdowns);
  g_assert_cmpuint (dropdowns->len, ==, 2);
  other = g_ptr_array_index (dropdowns, 1);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (other))));
  offered = gtk_drop_down_get_model (other);
  partners = nt_roster_swap_partners (f->store, a->id, from, to, &error);
  g_assert_no_error (error);
  all = nt_roster_duties (f->store, from, to, 0, &error);
  g_assert_no_error (error);
  g_test_message ("%u duties in the month, %u offered", g_list_model_get_n_items (G_LIST_MODEL (all)),
                  g_list_model_get_n_items (offered));
  g_assert_cmpuint (g_list_model_get_n_items (offered), ==, g_list_model_get_n_items (G_LIST_MODEL (partners)));
  g_assert_cmpuint (g_list_model_get_n_items (offered), <, g_list_model_get_n_items (G_LIST_MODEL (all)) - 1);
  for (guint i = 0; i < g_list_model_get_n_items (offered); i++)
    {
      g_autoptr(NtDuty) d = g_list_model_get_item (G_LIST_MODEL (partners), i);
      const char *text = gtk_string_list_get_string (GTK_STRING_LIST (offered), i);

      g_assert_nonnull (strstr (text, d->staff_name));
      g_assert_true (nt_roster_swap_check (f->store, a->id, d->id, NULL));
    }
  /* Its search speaks Vietnamese, not GTK's English. */
  find_all (GTK_WIDGET (other), GTK_TYPE_SEARCH_ENTRY, entries);
  g_assert_cmpuint (entries->len, ==, 1);
  {
    g_autofree char *placeholder = NULL;

    g_object_get (g_ptr_array_index (entries, 0), "placeholder-text", &placeholder, NULL);
    g_assert_cmpstr (placeholder, ==, _("Search by date, post or name…"));
  }
  gtk_popover_popdown (GTK_POPOVER (popover));
  gui_spin (20);

  /* The month: one short label per person, and none for two. */
  cells = nt_roster_grid (f->store, from, to, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (cells)); i++)
    {
      g_autoptr(NtRosterCell) cell = g_list_model_get_item (G_LIST_MODEL (cells), i);
      GtkWidget *button = nt_roster_grid_widget_get_cell_button (NT_ROSTER_GRID (nt_roster_page_get_grid (page)),
                                                                 cell->post_id, cell->shift_id, cell->date);
      g_auto(GStrv) names = NULL;
      g_auto(GStrv) lines = NULL;

      if (cell->staff_names == NULL || cell->staff_names[0] == '\0')
        continue;
      g_assert_nonnull (button);
      names = g_strsplit (cell->staff_names, ", ", -1);
      lines = g_strsplit (gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button)))), "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), >=, g_strv_length (names));
      for (guint j = 0; names[j] != NULL; j++)
        {
          const char *seen = g_hash_table_lookup (label_of, lines[j]);
          const char *given = strrchr (names[j], ' ') != NULL ? strrchr (names[j], ' ') + 1 : names[j];
          const char *same_given = g_hash_table_lookup (given_of, given);

          if (seen != NULL)
            g_assert_cmpstr (seen, ==, names[j]);
          else
            g_hash_table_insert (label_of, g_strdup (lines[j]), g_strdup (names[j]));
          if (same_given == NULL)
            g_hash_table_insert (given_of, g_strdup (given), g_strdup (names[j]));
          else if (!g_str_equal (same_given, names[j]))
            shared++;
        }
    }
  /* the demo school has two people of one given name on this month */
  g_assert_cmpuint (shared, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add ("/roster-page/generate-gap-swap", GuiFixture, NULL, setup, test_generate_gap_swap, teardown);
  g_test_add ("/roster-page/handover", GuiFixture, NULL, setup, test_handover, teardown);
  g_test_add ("/roster-page/setup", GuiFixture, NULL, setup, test_setup, teardown);
  g_test_add ("/roster-page/swap-list-and-names", GuiFixture, NULL, setup, test_swap_list_and_names, teardown);
  return g_test_run ();
}
