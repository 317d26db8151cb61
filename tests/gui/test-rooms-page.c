/* test-rooms-page.c: the Rooms section under Xvfb: tiles, and manual
 * assignment through the room window, refusals included */
#include "config.h"

#include <adwaita.h>

#include "gui-fixture.h"
#include "nt-assign-dialog.h"
#include "nt-assignments.h"
#include "nt-context.h"
#include "nt-error.h"
#include "nt-room-details.h"
#include "nt-room-editor.h"
#include "nt-rooms-page.h"
#include "nt-rooms.h"
#include "nt-school.h"
#include "nt-student-picker.h"
#include "nt-students.h"
#include "nt-test-util.h"
#include "nt-window.h"

typedef GuiFixture Fixture;

static gint64
add_boarder (NtStore    *store,
             const char *code,
             const char *name,
             const char *gender)
{
  g_autoptr(NtStudent) s = nt_student_new ();
  g_autoptr(GError) error = NULL;

  nt_student_set_text (s, "code", code);
  nt_student_set_text (s, "full-name", name);
  nt_student_set_text (s, "gender", gender);
  nt_student_set_text (s, "birth-date", "2011-05-06");
  nt_student_set_text (s, "boarding", "boarding");
  s->class_id = nt_classes_find (store, "9A1");
  g_assert_true (nt_students_save (store, s, NULL, &error));
  g_assert_no_error (error);
  return s->id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  gui_fixture_setup (f, 11);
  gui_spin (100);
  nt_window_show_section (f->window, "rooms");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gui_fixture_teardown (f);
}

static NtRoomsPage *
rooms_page (Fixture *f)
{
  return NT_ROOMS_PAGE (nt_window_get_page (f->window, "rooms"));
}

/* A dorm room of the building with @gender that has a free bed, and that bed. */
static gint64
free_bed_in (NtStore    *store,
             const char *gender,
             char      **room_number)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "SELECT d.id, r.number FROM beds d JOIN rooms r ON r.id = d.room_id "
                                         "JOIN buildings b ON b.id = r.building_id "
                                         "WHERE b.gender = ?1 AND r.kind = 'dorm' AND d.active = 1 AND d.locked = 0 "
                                         "AND NOT EXISTS (SELECT 1 FROM bed_assignments a WHERE a.bed_id = d.id "
                                         "AND a.end_date IS NULL) ORDER BY r.floor, r.number, d.label LIMIT 1", NULL);
  gint64 id;

  sqlite3_bind_text (stmt, 1, gender, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  *room_number = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);
  return id;
}

static gint64
room_of_bed (NtStore *store,
             gint64   bed_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT room_id FROM beds WHERE id = %" G_GINT64_FORMAT, bed_id);
  return nt_store_count (store, sql);
}

static void
test_tiles (Fixture       *f,
            gconstpointer  data)
{
  NtRoomsPage *page = rooms_page (f);
  g_autoptr(GListStore) buildings = nt_rooms_list_buildings (f->store, TRUE, NULL);
  g_autoptr(NtBuilding) first = g_list_model_get_item (G_LIST_MODEL (buildings), 0);
  g_autoptr(GListStore) rooms = nt_rooms_list_rooms (f->store, first->id, FALSE, NULL);
  g_autofree char *number = NULL;
  guint with_free = 0;

  g_assert_cmpstr (nt_window_get_section (f->window), ==, "rooms");
  nt_rooms_page_select_building (page, 0);
  g_assert_cmpuint (nt_rooms_page_get_n_tiles (page), ==, g_list_model_get_n_items (G_LIST_MODEL (rooms)));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (rooms)); i++)
    {
      g_autoptr(NtRoom) room = g_list_model_get_item (G_LIST_MODEL (rooms), i);
      GtkWidget *tile = nt_rooms_page_find_tile (page, room->number);

      g_assert_nonnull (tile);
      if (g_str_equal (room->kind, "dorm") && room->occupied < room->total)
        {
          with_free++;
          g_assert_true (gtk_widget_has_css_class (tile, "nt-room-free"));
        }
    }

  /* The filter leaves the rooms with free beds only. */
  nt_rooms_page_set_free_only (page, TRUE);
  g_assert_cmpuint (nt_rooms_page_get_n_tiles (page), ==, with_free);
  nt_rooms_page_set_free_only (page, FALSE);
}

static void
test_assign_and_refusals (Fixture       *f,
                          gconstpointer  data)
{
  NtRoomsPage *page = rooms_page (f);
  g_autofree char *boys_room = NULL;
  gint64 bed = free_bed_in (f->store, "M", &boys_room);
  gint64 girl = add_boarder (f->store, "T9001", "Lò Thị Mai", "F");
  gint64 boy = add_boarder (f->store, "T9002", "Vàng A Dế", "M");
  gint64 open_before = nt_store_count (f->store, "SELECT count(*) FROM bed_assignments WHERE end_date IS NULL");
  NtRoomDetails *details;
  g_autoptr(GError) error = NULL;
  g_autoptr(NtAssignment) now = NULL;
  g_autoptr(GListStore) history = NULL;

  details = NT_ROOM_DETAILS (nt_rooms_page_open_room (page, room_of_bed (f->store, bed)));
  g_assert_nonnull (details);
  g_assert_cmpuint (nt_room_details_get_n_beds (details), >, 0);

  /* A girl into a boys' room: refused with the reason, nothing written. */
  g_assert_false (nt_room_details_apply (details, NT_BED_CHANGE_ASSIGN, bed, girl, "01/09/2026", "Xếp phòng", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_assert_nonnull (strstr (nt_room_details_get_last_message (details), "Lò Thị Mai"));
  g_clear_error (&error);
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM bed_assignments WHERE end_date IS NULL"),
                   ==, open_before);

  /* A bad date: refused before anything is tried. */
  g_assert_false (nt_room_details_apply (details, NT_BED_CHANGE_ASSIGN, bed, boy, "31/02/2026", "", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);

  /* A boy without a bed: placed. */
  g_assert_true (nt_room_details_apply (details, NT_BED_CHANGE_ASSIGN, bed, boy, "01/09/2026", "Xếp phòng", &error));
  g_assert_no_error (error);
  now = nt_rooms_current_assignment (f->store, boy);
  g_assert_nonnull (now);
  g_assert_cmpint (now->bed_id, ==, bed);
  g_assert_cmpstr (now->start_date, ==, "2026-09-01");

  /* The bed is taken now: a second boy is refused. */
  {
    gint64 other = add_boarder (f->store, "T9003", "Sùng A Páo", "M");
    g_assert_false (nt_room_details_apply (details, NT_BED_CHANGE_ASSIGN, bed, other, "02/09/2026", "Xếp phòng", &error));
    g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* Taking him out ends the assignment; history keeps both dates. */
  /* Taking out without a reason is refused; the window says so. */
  g_assert_false (nt_room_details_apply (details, NT_BED_CHANGE_TAKE_OUT, bed, 0, "15/10/2026", "", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (nt_room_details_apply (details, NT_BED_CHANGE_TAKE_OUT, bed, 0, "15/10/2026", "Về nhà ở", &error));
  g_assert_no_error (error);
  g_assert_null (nt_rooms_current_assignment (f->store, boy));
  history = nt_rooms_student_history (f->store, boy, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 1);
  {
    g_autoptr(NtAssignment) past = g_list_model_get_item (G_LIST_MODEL (history), 0);
    g_assert_cmpstr (past->start_date, ==, "2026-09-01");
    g_assert_cmpstr (past->end_date, ==, "2026-10-15");
  }
  gtk_window_destroy (GTK_WINDOW (details));
}

static void
test_term_start_assignment (Fixture       *f,
                            gconstpointer  data)
{
  NtAssignDialog *dialog = nt_assign_dialog_new (f->context);
  gint64 a = add_boarder (f->store, "T9101", "Hờ A Lử", "M");
  gint64 b = add_boarder (f->store, "T9102", "Mùa Thị Dợ", "F");
  gint64 c = add_boarder (f->store, "T9103", "Lầu A Chư", "M");
  gint64 open_before = nt_store_count (f->store, "SELECT count(*) FROM bed_assignments WHERE end_date IS NULL");
  g_autoptr(GError) error = NULL;
  g_autofree char *batch = NULL;
  g_autoptr(NtAssignment) now_a = NULL;
  g_autoptr(NtAssignment) now_b = NULL;
  g_autoptr(NtAssignment) now_c = NULL;

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (dialog));
  g_object_ref (dialog);

  g_assert_true (nt_assign_dialog_propose (dialog, &error));
  g_assert_no_error (error);
  g_assert_nonnull (nt_assign_plan_lookup (nt_assign_dialog_get_plan (dialog), a));
  g_assert_nonnull (nt_assign_plan_lookup (nt_assign_dialog_get_plan (dialog), c));

  /* The person leaves one student out, to place by hand. */
  g_assert_true (nt_assign_dialog_leave_out (dialog, c, &error));
  g_assert_no_error (error);

  g_assert_true (nt_assign_dialog_apply (dialog, "01/09/2026", &batch, &error));
  g_assert_no_error (error);
  g_assert_nonnull (batch);
  now_a = nt_rooms_current_assignment (f->store, a);
  now_b = nt_rooms_current_assignment (f->store, b);
  now_c = nt_rooms_current_assignment (f->store, c);
  g_assert_nonnull (now_a);
  g_assert_nonnull (now_b);
  g_assert_null (now_c);
  g_assert_cmpstr (now_a->batch, ==, batch);
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM bed_assignments WHERE end_date IS NULL"),
                   >=, open_before + 2);

  /* Undo takes the whole batch back. */
  g_assert_true (nt_assign_undo_batch (f->store, batch, &error));
  g_assert_no_error (error);
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM bed_assignments WHERE end_date IS NULL"),
                   ==, open_before);
  g_object_unref (dialog);
}

static char
bed_gender (NtStore *store,
            gint64   bed_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT CASE WHEN r.gender <> 'X' THEN unicode (r.gender) "
                                          "ELSE unicode (b.gender) END FROM beds d "
                                          "JOIN rooms r ON r.id = d.room_id JOIN buildings b ON b.id = r.building_id "
                                          "WHERE d.id = %" G_GINT64_FORMAT, bed_id);
  return (char) nt_store_count (store, sql);
}

typedef struct
{
  NtAssignDialog *dialog;
  gint64          student;
  gint64          bed;
} BedWanted;

static gboolean
has_bed (gpointer data)
{
  BedWanted *w = data;
  NtAssignChange *c = nt_assign_plan_lookup (nt_assign_dialog_get_plan (w->dialog), w->student);

  return c != NULL && c->bed_id == w->bed;
}

/* The person opens a student's list of beds in the proposal, picks another
 * one and applies: the student is in that bed. A bed that does not fit is
 * refused with the reason, and the proposal stays. */
static void
test_change_proposed_bed (Fixture       *f,
                          gconstpointer  data)
{
  NtAssignDialog *dialog = nt_assign_dialog_new (f->context);
  gint64 boy = add_boarder (f->store, "T9201", "Giàng A Páo", "M");
  gint64 girl = add_boarder (f->store, "T9202", "Sùng Thị Mỷ", "F");
  g_autoptr(GError) error = NULL;
  g_autoptr(NtAssignment) now = NULL;
  g_autoptr(GArray) beds = NULL;
  NtAssignChange *change;
  GtkWidget *button, *popover, *list, *row, *last = NULL;
  gint64 proposed, chosen, girl_bed;
  guint n_rows = 0;
  BedWanted chosen_for;

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (dialog));
  g_object_ref (dialog);
  gui_spin (100);

  g_assert_true (nt_assign_dialog_propose (dialog, &error));
  g_assert_no_error (error);
  change = nt_assign_plan_lookup (nt_assign_dialog_get_plan (dialog), boy);
  g_assert_nonnull (change);
  proposed = change->bed_id;
  g_assert_cmpint (proposed, >, 0);
  change = nt_assign_plan_lookup (nt_assign_dialog_get_plan (dialog), girl);
  g_assert_nonnull (change);
  girl_bed = change->bed_id;
  g_assert_cmpint (girl_bed, >, 0);

  /* His row's button opens the free beds that fit: boys' beds only, and
   * not the one he has. */
  button = nt_assign_dialog_get_bed_button (dialog, boy);
  g_assert_true (GTK_IS_MENU_BUTTON (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  gui_spin (100);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  list = gui_find_of_type (popover, GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  for (row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    {
      gint64 bed;

      if (!GTK_IS_LIST_BOX_ROW (row))
        continue;
      bed = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "bed-id"));
      g_assert_cmpint (bed, !=, proposed);
      g_assert_cmpint (bed_gender (f->store, bed), ==, 'M');
      last = row;
      n_rows++;
    }
  g_assert_cmpuint (n_rows, >, 0);

  /* He takes the last of the list (the best come first). */
  chosen = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (last), "bed-id"));
  g_assert_true (gtk_widget_activate (last));
  chosen_for.dialog = dialog;
  chosen_for.student = boy;
  chosen_for.bed = chosen;
  gui_spin_until (has_bed, &chosen_for, 5);
  change = nt_assign_plan_lookup (nt_assign_dialog_get_plan (dialog), boy);
  g_assert_cmpint (change->bed_id, ==, chosen);
  g_assert_false (gtk_widget_get_visible (popover));

  /* Refused with the reason: his bed for her (taken in the proposal), and
   * a free boys' bed for her (the other gender). Her bed stays. */
  g_assert_false (nt_assign_dialog_set_bed (dialog, girl, chosen, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  beds = nt_assign_plan_list_beds (nt_assign_dialog_get_plan (dialog), boy);
  g_assert_cmpuint (beds->len, >, 0);
  g_assert_false (nt_assign_dialog_set_bed (dialog, girl, g_array_index (beds, NtAssignBedChoice, 0).bed_id, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  change = nt_assign_plan_lookup (nt_assign_dialog_get_plan (dialog), girl);
  g_assert_cmpint (change->bed_id, ==, girl_bed);

  g_assert_true (nt_assign_dialog_apply (dialog, "01/09/2026", NULL, &error));
  g_assert_no_error (error);
  now = nt_rooms_current_assignment (f->store, boy);
  g_assert_nonnull (now);
  g_assert_cmpint (now->bed_id, ==, chosen);
  g_clear_object (&now);
  now = nt_rooms_current_assignment (f->store, girl);
  g_assert_nonnull (now);
  g_assert_cmpint (now->bed_id, ==, girl_bed);
  g_object_unref (dialog);
}

static void
test_edit_buildings_and_rooms (Fixture       *f,
                               gconstpointer  data)
{
  NtRoomsPage *page = rooms_page (f);
  gint64 buildings_before = nt_store_count (f->store, "SELECT count(*) FROM buildings");
  g_autoptr(GError) error = NULL;
  NtRoomEditor *editor;
  gint64 building_id, room_id;

  /* A building without a name is refused in the form; nothing is written. */
  editor = g_object_ref_sink (nt_room_editor_new_building (f->context, 0));
  nt_room_editor_set_text (editor, "name", "");
  g_assert_false (nt_room_editor_save (editor, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM buildings"), ==, buildings_before);

  nt_room_editor_set_text (editor, "name", "Nhà C");
  nt_room_editor_set_text (editor, "gender", "F");
  nt_room_editor_set_text (editor, "floors", "2");
  g_assert_true (nt_room_editor_save (editor, &error));
  g_assert_no_error (error);
  g_object_unref (editor);
  building_id = nt_store_count (f->store, "SELECT id FROM buildings WHERE name = 'Nhà C' AND gender = 'F' AND floors = 2");
  g_assert_cmpint (building_id, >, 0);

  /* A room on floor 3 of a two-floor building is refused. */
  editor = g_object_ref_sink (nt_room_editor_new_room (f->context, building_id, 0));
  nt_room_editor_set_text (editor, "number", "C301");
  nt_room_editor_set_text (editor, "floor", "3");
  nt_room_editor_set_text (editor, "gender", "F");
  g_assert_false (nt_room_editor_save (editor, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  nt_room_editor_set_text (editor, "number", "C201");
  nt_room_editor_set_text (editor, "floor", "2");
  nt_room_editor_set_text (editor, "capacity", "4");
  g_assert_true (nt_room_editor_save (editor, &error));
  g_assert_no_error (error);
  g_object_unref (editor);
  room_id = nt_store_count (f->store, "SELECT id FROM rooms WHERE number = 'C201'");
  g_assert_cmpint (room_id, >, 0);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM beds WHERE room_id = %" G_GINT64_FORMAT, room_id);
    g_assert_cmpint (nt_store_count (f->store, sql), ==, 4);
  }

  /* The new building is in the page's list, with its room. */
  nt_rooms_page_select_building (page, 2);
  g_assert_nonnull (nt_rooms_page_find_tile (page, "C201"));
}

/* ----- the student picker: why nobody is found, and the keyboard -------- */

/* Presses @keyval where the focus is, through the key controllers of
 * @widget (those that see it before the text and the list do). */
static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        g_signal_emit_by_name (c, "key-pressed", keyval, 0, 0, &handled);
    }
  gui_spin (20);
  return handled;
}

/* Types @text in the picker's search and presses Enter: with nobody to
 * choose, the picker stays open and says why. */
static const char *
search_nobody (NtStudentPicker *picker,
               const char      *text)
{
  GtkWidget *search = gui_find_of_type (GTK_WIDGET (picker), GTK_TYPE_SEARCH_ENTRY);

  gtk_editable_set_text (GTK_EDITABLE (search), text);
  g_signal_emit_by_name (search, "activate");
  gui_spin (20);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (picker)));
  g_assert_nonnull (nt_student_picker_get_empty_text (picker));
  return nt_student_picker_get_empty_text (picker);
}

/* The reason the core gives for @student and @bed, to compare with the
 * picker's. */
static char *
core_refusal (NtStore *store,
              gint64   student,
              gint64   bed)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (nt_assign_check (store, student, bed, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  return g_strdup (error->message);
}

static void
on_chosen (NtStudentPicker *picker,
           NtAssignment    *a,
           gint64          *chosen)
{
  *chosen = a->student_id;
}

static void
test_picker_says_why (Fixture       *f,
                      gconstpointer  data)
{
  /* A girls' dorm room with two free beds: one for a girl already there,
   * one for the picker. */
  gint64 room = nt_store_count (f->store,
                                "SELECT r.id FROM rooms r JOIN buildings b ON b.id = r.building_id "
                                "JOIN beds d ON d.room_id = r.id AND d.active = 1 AND d.locked = 0 "
                                "WHERE b.gender = 'F' AND r.kind = 'dorm' AND r.active = 1 AND NOT EXISTS "
                                "(SELECT 1 FROM bed_assignments a WHERE a.bed_id = d.id AND a.end_date IS NULL) "
                                "GROUP BY r.id HAVING count(*) >= 2 ORDER BY r.id LIMIT 1");
  gint64 bed = room > 0 ? nt_rooms_first_free_bed (f->store, room) : 0;
  gint64 boy = add_boarder (f->store, "T9101", "Vàng A Lử", "M");
  gint64 day = add_boarder (f->store, "T9102", "Lò Thị Ngày", "F");
  gint64 left = add_boarder (f->store, "T9103", "Hà Thị Đi", "F");
  gint64 here = add_boarder (f->store, "T9104", "Mùa Thị Ở", "F");
  gint64 girl = add_boarder (f->store, "T9105", "Giàng Thị Chọn", "F");
  g_autoptr(NtStudent) day_student = nt_students_load (f->store, day, NULL);
  g_autoptr(NtStudentPicker) picker = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *refusal = NULL;
  g_autoptr(NtAssignment) now = NULL;
  GtkWidget *search, *list;
  gint64 chosen = 0, free_bed;

  g_assert_cmpint (bed, >, 0);
  nt_student_set_text (day_student, "boarding", "day");
  g_assert_true (nt_students_save (f->store, day_student, NULL, &error));
  g_assert_true (nt_students_mark_left (f->store, left, "2026-10-01", "Chuyển trường", &error));
  g_assert_no_error (error);
  g_assert_true (nt_assign_to_bed (f->store, here, bed, "2026-09-01", "Xếp phòng", &error));
  g_assert_no_error (error);
  now = nt_rooms_current_assignment (f->store, here);
  free_bed = nt_rooms_first_free_bed (f->store, room);
  g_assert_cmpint (free_bed, >, 0);

  /* As the room window opens it for a free bed. */
  picker = g_object_ref (nt_student_picker_new (f->context, room, FALSE));
  g_object_set_data (G_OBJECT (picker), "bed-id", GSIZE_TO_POINTER (free_bed));
  g_signal_connect (picker, "chosen", G_CALLBACK (on_chosen), &chosen);
  gtk_window_present (GTK_WINDOW (picker));
  gui_spin (100);

  /* A boy's code for a bed of a girls' room: the core's reason. */
  refusal = core_refusal (f->store, boy, free_bed);
  g_assert_cmpstr (search_nobody (picker, "T9101"), ==, refusal);
  g_assert_nonnull (strstr (refusal, "Vàng A Lử"));
  g_clear_pointer (&refusal, g_free);
  /* Found by name too. */
  g_assert_nonnull (strstr (search_nobody (picker, "Vàng A Lử"), "Vàng A Lử"));

  /* Not a boarder; left the school: the core's reasons. */
  refusal = core_refusal (f->store, day, free_bed);
  g_assert_cmpstr (search_nobody (picker, "T9102"), ==, refusal);
  g_clear_pointer (&refusal, g_free);
  refusal = core_refusal (f->store, left, free_bed);
  g_assert_cmpstr (search_nobody (picker, "T9103"), ==, refusal);
  g_clear_pointer (&refusal, g_free);

  /* Already in a bed of this room: says so, with the bed. */
  g_assert_nonnull (strstr (search_nobody (picker, "T9104"), "Mùa Thị Ở"));
  g_assert_nonnull (strstr (search_nobody (picker, "T9104"), now->bed_label));

  /* Nobody of that name or code at all. */
  g_assert_nonnull (strstr (search_nobody (picker, "ZZKHONGCOAI"), "ZZKHONGCOAI"));
  g_assert_cmpint (chosen, ==, 0);

  /* Down from the search to the student found, Enter picks her. */
  search = gui_find_of_type (GTK_WIDGET (picker), GTK_TYPE_SEARCH_ENTRY);
  list = gui_find_of_type (GTK_WIDGET (picker), GTK_TYPE_LIST_BOX);
  gtk_editable_set_text (GTK_EDITABLE (search), "T9105");
  /* The entry's "search-changed" comes after a pause (longer on a busy
   * machine); the list must have settled before the focus goes into it. */
  for (guint i = 0; i < 100 && nt_student_picker_get_empty_text (picker) != NULL; i++)
    gui_spin (50);
  gui_spin (300);
  g_assert_null (nt_student_picker_get_empty_text (picker));
  gtk_widget_grab_focus (search);
  g_assert_true (press_key (search, GDK_KEY_Down));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (picker)), list));
  g_assert_cmpint (chosen, ==, 0);
  g_assert_true (press_key (list, GDK_KEY_Return));
  g_assert_cmpint (chosen, ==, girl);

  /* Swapping with the girl already in the room: a girl without a bed has
   * nothing to swap; that is the reason given, not who sleeps there. */
  {
    g_autoptr(NtStudentPicker) swap = g_object_ref (nt_student_picker_new (f->context, room, TRUE));
    g_autofree char *sleeper = core_refusal (f->store, girl, bed);

    g_object_set_data (G_OBJECT (swap), "bed-id", GSIZE_TO_POINTER (bed));
    gtk_window_present (GTK_WINDOW (swap));
    gui_spin (50);
    g_assert_nonnull (strstr (search_nobody (swap, "T9105"), "Giàng Thị Chọn"));
    g_assert_cmpstr (search_nobody (swap, "T9105"), !=, sleeper);
    gtk_window_destroy (GTK_WINDOW (swap));
  }
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add ("/rooms/tiles", Fixture, NULL, fixture_setup, test_tiles, fixture_teardown);
  g_test_add ("/rooms/assign-and-refusals", Fixture, NULL, fixture_setup, test_assign_and_refusals, fixture_teardown);
  g_test_add ("/rooms/edit-buildings-and-rooms", Fixture, NULL, fixture_setup, test_edit_buildings_and_rooms, fixture_teardown);
  g_test_add ("/rooms/term-start-assignment", Fixture, NULL, fixture_setup, test_term_start_assignment, fixture_teardown);
  g_test_add ("/rooms/change-proposed-bed", Fixture, NULL, fixture_setup, test_change_proposed_bed, fixture_teardown);
  g_test_add ("/rooms/picker-says-why", Fixture, NULL, fixture_setup, test_picker_says_why, fixture_teardown);
  return g_test_run ();
}
