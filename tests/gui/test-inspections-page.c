/* test-inspections-page.c: a floor's room inspections typed from the
 * keyboard in Dorm life, and the confidential box as each role sees it,
 * under Xvfb */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gui-fixture.h"
#include "nt-form-dialog.h"
#include "nt-confidential-page.h"
#include "nt-dorm-life-page.h"
#include "nt-gate-page.h"
#include "nt-inspections-page.h"
#include "nt-staff.h"
#include "nt-test-util.h"

static void
act_as_role (GuiFixture *f,
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
  gui_fixture_setup (f, 9);
  /* A supervisor: the role that inspects rooms. */
  act_as_role (f, "supervisor");
}

static void
teardown (GuiFixture    *f,
          gconstpointer  data)
{
  gui_fixture_teardown (f);
}

/* With DORM_SCREENSHOTS=dir, the screen as it is now, to look at. */
static void
screenshot (GuiFixture *f,
            const char *name)
{
  const char *dir = g_getenv ("DORM_SCREENSHOTS");
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1366, 768);
  gtk_window_maximize (GTK_WINDOW (f->window));
  gui_spin (1500);
  command = g_strdup_printf ("import -window root %s/%s.png", dir, name);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

static NtDormLifePage *
dorm_life (GuiFixture *f)
{
  nt_window_show_section (f->window, "dorm-life");
  return NT_DORM_LIFE_PAGE (nt_window_get_page (f->window, "dorm-life"));
}

/* Whether the keyboard focus is in @cell (a GtkEntry gives it to its text). */
static gboolean
focus_in (GuiFixture *f,
          GtkWidget  *cell)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (f->window));

  return focus != NULL && (focus == cell || gtk_widget_is_ancestor (focus, cell));
}

static GtkWidget *
focused_entry (GuiFixture *f)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (f->window));

  while (focus != NULL && !GTK_IS_ENTRY (focus))
    focus = gtk_widget_get_parent (focus);
  g_assert_nonnull (focus);
  return focus;
}

/* Types @text where the focus is and presses Enter. */
static void
type_enter (GuiFixture *f,
            const char *text)
{
  GtkWidget *entry = focused_entry (f);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  gui_spin (20);
}

/* Types @text where the focus is and presses Tab. */
static void
type_tab (GuiFixture *f,
          const char *text)
{
  GtkWidget *entry = focused_entry (f);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
  gui_spin (20);
}

static gint64
inspection_points (GuiFixture *f,
                   gint64      room,
                   const char *date)
{
  g_autofree char *sql = g_strdup_printf ("SELECT ifnull ((SELECT sum (sc.points) FROM room_inspections i "
                                          "JOIN room_inspection_scores sc ON sc.inspection_id = i.id "
                                          "WHERE i.room_id = %" G_GINT64_FORMAT " AND i.date = '%s'), -1)",
                                          room, date);
  return nt_store_count (f->store, sql);
}

static void
test_floor_from_keyboard (GuiFixture    *f,
                          gconstpointer  data)
{
  NtDormLifePage *dl = dorm_life (f);
  NtInspectionsPage *page = NT_INSPECTIONS_PAGE (nt_dorm_life_page_get_tab (dl, "inspections"));
  gint64 building = nt_store_count (f->store, "SELECT min(id) FROM buildings");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 3);
  g_autofree char *date = g_date_time_format (later, "%Y-%m-%d");
  guint n_columns, n_criteria;
  gint64 room0, room1, room2;
  g_autofree char *sql = NULL;

  screenshot (f, "dorm-life");
  nt_inspections_page_set_sheet (page, building, 1, date);
  gui_spin (50);
  g_assert_cmpuint (nt_inspections_page_get_n_rooms (page), >=, 3);
  n_columns = nt_inspections_page_get_n_columns (page);
  n_criteria = n_columns - 1;
  g_assert_cmpuint (n_criteria, ==, 5);  /* the demo's default criteria */
  room0 = nt_inspections_page_get_room_id (page, 0);
  room1 = nt_inspections_page_get_room_id (page, 1);
  room2 = nt_inspections_page_get_room_id (page, 2);
  g_assert_cmpint (inspection_points (f, room0, date), ==, -1);

  /* Ctrl+N (the window's "add") starts on the first room; then Enter:
   * each score, then the note, then the next room. */
  gtk_widget_grab_focus (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add", NULL));
  gui_spin (20);
  g_assert_true (focus_in (f, nt_inspections_page_get_cell (page, 0, 0)));
  for (guint c = 0; c < n_criteria; c++)
    {
      type_enter (f, "8");
      g_assert_true (focus_in (f, nt_inspections_page_get_cell (page, 0, c + 1)));
    }
  /* Not saved while the focus is still in the room. */
  g_assert_cmpint (inspection_points (f, room0, date), ==, -1);
  type_enter (f, "bàn học gọn");
  g_assert_true (focus_in (f, nt_inspections_page_get_cell (page, 1, 0)));
  /* Leaving the room saved it. */
  g_assert_cmpint (inspection_points (f, room0, date), ==, 8 * n_criteria);
  sql = g_strdup_printf ("SELECT count(*) FROM room_inspections WHERE room_id = %" G_GINT64_FORMAT
                         " AND date = '%s' AND note = 'bàn học gọn'", room0, date);
  g_assert_cmpint (nt_store_count (f->store, sql), ==, 1);

  /* The second room with Tab. */
  for (guint c = 0; c < n_criteria; c++)
    {
      type_tab (f, "7");
      g_assert_true (focus_in (f, nt_inspections_page_get_cell (page, 1, c + 1)));
    }
  type_tab (f, "");
  g_assert_true (focus_in (f, nt_inspections_page_get_cell (page, 2, 0)));
  g_assert_cmpint (inspection_points (f, room1, date), ==, 7 * n_criteria);

  /* A score above the criterion's points: the cell says so, nothing saved. */
  type_enter (f, "99");
  g_assert_true (gtk_widget_has_css_class (nt_inspections_page_get_cell (page, 2, 0), "error"));
  for (guint c = 1; c < n_criteria; c++)
    type_enter (f, "5");
  type_enter (f, "");
  g_assert_cmpint (inspection_points (f, room2, date), ==, -1);
  /* Corrected, and Ctrl+S saves it without leaving the room. */
  gtk_editable_set_text (GTK_EDITABLE (nt_inspections_page_get_cell (page, 2, 0)), "9");
  g_assert_false (gtk_widget_has_css_class (nt_inspections_page_get_cell (page, 2, 0), "error"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "inspections.save", NULL));
  g_assert_cmpint (inspection_points (f, room2, date), ==, 9 + 5 * (n_criteria - 1));

  /* The ranking of that week has the rooms just typed. */
  g_assert_cmpuint (nt_inspections_page_get_n_ranked (page), >=, 3);

  /* Opened again, the sheet shows what was saved. */
  nt_inspections_page_set_sheet (page, building, 1, date);
  gui_spin (50);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nt_inspections_page_get_cell (page, 0, 0))), ==, "8");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nt_inspections_page_get_cell (page, 0, n_criteria))), ==,
                   "bàn học gọn");
  /* Ctrl+N now goes to the first room not scored on that date. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add", NULL));
  gui_spin (20);
  g_assert_true (focus_in (f, nt_inspections_page_get_cell (page, nt_inspections_page_get_n_rooms (page) > 3 ? 3 : 0,
                                                             0)));
  screenshot (f, "inspections");
}

static void
test_confidential_hidden (GuiFixture    *f,
                          gconstpointer  data)
{
  NtDormLifePage *dl = dorm_life (f);
  NtConfidentialPage *page = NT_CONFIDENTIAL_PAGE (nt_dorm_life_page_get_tab (dl, "confidential"));
  guint n = (guint) nt_store_count (f->store, "SELECT count(*) FROM confidential_reports");

  nt_dorm_life_page_show_tab (dl, "confidential");
  gui_spin (50);
  g_assert_cmpuint (n, >=, 2);
  /* A supervisor sees that reports came, not what they say. */
  g_assert_cmpuint (nt_confidential_page_get_n_shown (page), ==, n);
  g_assert_cmpuint (nt_confidential_page_get_n_readable (page), ==, 0);
  screenshot (f, "confidential-supervisor");
  act_as_role (f, "vice_principal");
  gui_spin (50);
  g_assert_cmpuint (nt_confidential_page_get_n_readable (page), ==, 0);
  /* The principal reads them all. */
  act_as_role (f, "principal");
  gui_spin (50);
  g_assert_cmpuint (nt_confidential_page_get_n_readable (page), ==, n);
  screenshot (f, "confidential-principal");

  nt_dorm_life_page_show_tab (dl, "dialogues");
  gui_spin (50);
  screenshot (f, "dialogues");
}

static void
test_gate_inside_now (GuiFixture    *f,
                      gconstpointer  data)
{
  NtGatePage *page;

  act_as_role (f, "guard");
  nt_window_show_section (f->window, "gate");
  page = NT_GATE_PAGE (nt_window_get_page (f->window, "gate"));
  gui_spin (50);
  /* The demo has three visitors inside now. */
  g_assert_cmpuint (nt_gate_page_get_n_inside (page), ==,
                    (guint) nt_store_count (f->store, "SELECT count(*) FROM visitors WHERE out_at IS NULL"));
  g_assert_cmpuint (nt_gate_page_get_n_inside (page), >=, 3);
  nt_store_exec (f->store, "UPDATE visitors SET out_at = in_at WHERE out_at IS NULL AND allowed = 1", NULL);
  nt_store_emit_changed (f->store, "visitors");
  gui_spin (50);
  g_assert_cmpuint (nt_gate_page_get_n_inside (page), ==, 1);
  screenshot (f, "gate");

  /* Each of the gate's forms opens (and closes with Cancel's way out). */
  {
    const char *actions[] = { "gate.add", "gate.student", "gate.relatives" };

    for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
      {
        GListModel *tops = gtk_window_get_toplevels ();  /* (transfer none) */
        GtkWindow *form = NULL;

        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), actions[i], NULL));
        gui_spin (100);
        for (guint w = 0; w < g_list_model_get_n_items (tops); w++)
          {
            GtkWindow *win = g_list_model_get_item (tops, w);

            if (NT_IS_FORM_DIALOG (win))
              form = win;
            g_object_unref (win);
          }
        g_assert_nonnull (form);
        screenshot (f, actions[i]);
        gtk_window_destroy (form);
        gui_spin (50);
      }
  }
}

/* ----- the gate's forms: choosing the student from the keyboard ---------- */

static GtkWidget *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_entry_row (c, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_with_data (GtkWidget  *widget,
                const char *key)
{
  if (g_object_get_data (G_OBJECT (widget), key) != NULL)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_with_data (c, key);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWindow *
open_form (GtkWidget  *page,
           const char *action)
{
  GListModel *tops = gtk_window_get_toplevels ();  /* (transfer none) */
  GtkWindow *form = NULL;

  g_assert_true (gtk_widget_activate_action (page, action, NULL));
  gui_spin (100);
  for (guint w = 0; w < g_list_model_get_n_items (tops); w++)
    {
      GtkWindow *win = g_list_model_get_item (tops, w);

      if (NT_IS_FORM_DIALOG (win) && gtk_widget_get_visible (GTK_WIDGET (win)))
        form = win;
      g_object_unref (win);
    }
  g_assert_nonnull (form);
  return form;
}

/* Types in an entry row and presses Enter in it (its text is what the
 * keyboard reaches). */
static void
row_type_enter (GtkWidget  *row,
                const char *text)
{
  GtkWidget *inner = gui_find_of_type (row, GTK_TYPE_TEXT);

  g_assert_nonnull (inner);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gui_spin (20);
  g_signal_emit_by_name (inner, "activate");
  gui_spin (20);
}

static gint64
row_student (GtkWidget *row)
{
  return (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "student-id"));
}

/* The result the form shows as chosen, or NULL. */
static GtkWidget *
chosen_row (GtkWidget *results)
{
  for (GtkWidget *c = gtk_widget_get_first_child (results); c; c = gtk_widget_get_next_sibling (c))
    if (gtk_widget_has_css_class (c, "nt-chosen"))
      return c;
  return NULL;
}

/* Presses Enter where the focus is, through the key controllers of @widget
 * that see it before the window's default button. */
static gboolean
press_enter_in (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        g_signal_emit_by_name (c, "key-pressed", GDK_KEY_Return, 36, 0, &handled);
    }
  gui_spin (20);
  return handled;
}

static void
test_gate_pick_from_keyboard (GuiFixture    *f,
                              gconstpointer  data)
{
  GtkWidget *page, *search, *name, *results, *row, *second;
  GtkWindow *form;
  g_autofree char *code = NULL;
  g_autofree char *family = NULL;
  g_autofree char *sql = NULL;
  gint64 student, visitors;
  sqlite3_stmt *stmt;

  act_as_role (f, "guard");
  nt_window_show_section (f->window, "gate");
  page = nt_window_get_page (f->window, "gate");
  gui_spin (50);

  stmt = nt_store_prepare (f->store, "SELECT id, code FROM students WHERE active = 1 AND boarding = 'boarding' "
                                     "ORDER BY id LIMIT 1", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  student = sqlite3_column_int64 (stmt, 0);
  code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);

  /* A visitor: the student's code and Enter in "Visiting a student" picks
   * the student, and the form is still open to finish. */
  form = open_form (page, "gate.add");
  search = find_entry_row (GTK_WIDGET (form), _("Type a name or a code, then pick the student"));
  name = find_entry_row (GTK_WIDGET (form), _("Full name, as on the identity card"));
  g_assert_nonnull (search);
  g_assert_nonnull (name);
  row_type_enter (search, code);
  row = find_with_data (GTK_WIDGET (form), "student-id");
  g_assert_nonnull (row);
  results = gtk_widget_get_parent (row);
  g_assert_nonnull (chosen_row (results));
  g_assert_cmpint (row_student (chosen_row (results)), ==, student);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (form)));

  visitors = nt_store_count (f->store, "SELECT count(*) FROM visitors");
  gtk_editable_set_text (GTK_EDITABLE (name), "Hà Văn Khách");
  g_assert_true (nt_form_dialog_save (NT_FORM_DIALOG (form)));
  gui_spin (50);
  sql = g_strdup_printf ("SELECT count(*) FROM visitors WHERE name = 'Hà Văn Khách' AND visit_student_id = %"
                         G_GINT64_FORMAT, student);
  g_assert_cmpint (nt_store_count (f->store, sql), ==, 1);
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM visitors"), ==, visitors + 1);

  /* Nobody matches: the results say so; nothing is chosen. */
  form = open_form (page, "gate.add");
  search = find_entry_row (GTK_WIDGET (form), _("Type a name or a code, then pick the student"));
  row_type_enter (search, "ZZ-KHONG-CO-AI");
  g_assert_nonnull (find_with_data (GTK_WIDGET (form), "no-match"));
  g_assert_null (find_with_data (GTK_WIDGET (form), "student-id"));

  /* Several found (a common family name): Down to the second, Enter picks
   * it, and does not save the form. */
  stmt = nt_store_prepare (f->store, "SELECT substr (full_name, 1, instr (full_name, ' ') - 1) AS fam FROM students "
                                     "WHERE active = 1 AND boarding = 'boarding' "
                                     "GROUP BY fam ORDER BY count(*) DESC LIMIT 1", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  family = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  gtk_editable_set_text (GTK_EDITABLE (search), family);
  gui_spin (20);
  row = find_with_data (GTK_WIDGET (form), "student-id");
  g_assert_nonnull (row);
  results = gtk_widget_get_parent (row);
  second = gtk_widget_get_next_sibling (row);
  g_assert_nonnull (second);
  g_assert_cmpint (row_student (second), !=, row_student (row));
  visitors = nt_store_count (f->store, "SELECT count(*) FROM visitors");
  gtk_widget_grab_focus (second);
  g_assert_true (press_enter_in (results));
  g_assert_nonnull (chosen_row (results));
  g_assert_cmpint (row_student (chosen_row (results)), ==, row_student (second));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (form)));
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM visitors"), ==, visitors);
  gtk_window_destroy (form);
  gui_spin (50);
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add ("/inspections-page/floor-from-keyboard", GuiFixture, NULL, setup, test_floor_from_keyboard, teardown);
  g_test_add ("/inspections-page/confidential-hidden", GuiFixture, NULL, setup, test_confidential_hidden, teardown);
  g_test_add ("/inspections-page/gate-inside-now", GuiFixture, NULL, setup, test_gate_inside_now, teardown);
  g_test_add ("/inspections-page/gate-pick-from-keyboard", GuiFixture, NULL, setup, test_gate_pick_from_keyboard,
              teardown);

  return g_test_run ();
}
