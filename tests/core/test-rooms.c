/* test-rooms.c: buildings, rooms, beds and manual assignment */
#include "nt-assignments.h"
#include "nt-error.h"
#include "nt-rooms.h"
#include "nt-test-util.h"

#include "rooms-fixture.h"

typedef struct
{
  NtStore *store;
  gint64   boys, girls;       /* buildings */
  gint64   a101, a102, b101;  /* rooms: a101 2 beds boys, a102 2 beds boys, b101 2 beds girls */
  gint64   class10;
  gint64   an, binh, chi;     /* boys An, Bình; girl Chi */
} School;

static void
school_init (School *s)
{
  s->store = nt_test_new_store ();
  s->boys = fx_building (s->store, "Nhà A", "M");
  s->girls = fx_building (s->store, "Nhà B", "F");
  s->a101 = fx_room (s->store, s->boys, "A101", 2, "M");
  s->a102 = fx_room (s->store, s->boys, "A102", 2, "M");
  s->b101 = fx_room (s->store, s->girls, "B101", 2, "F");
  s->class10 = fx_class (s->store, "10A1", 10);
  s->an = fx_student (s->store, "Lò Văn An", "M", s->class10);
  s->binh = fx_student (s->store, "Vàng A Bình", "M", s->class10);
  s->chi = fx_student (s->store, "Tòng Thị Chi", "F", s->class10);
}

static void
school_clear (School *s)
{
  g_clear_object (&s->store);
}

/* A refusal: NT_ERROR_INVALID, naming the student and the room, nothing written. */
static void
assert_refused (School     *s,
                GError     *error,
                const char *student,
                const char *room,
                gint64      rows_before)
{
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, student));
  if (room != NULL)
    g_assert_nonnull (strstr (error->message, room));
  g_assert_cmpint (fx_count (s->store, "SELECT count(*) FROM bed_assignments"), ==, rows_before);
}

static void
test_rooms_edit (void)
{
  School s;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) rooms = NULL;
  g_autoptr(GListStore) buildings = NULL;
  g_autoptr(NtRoom) first = NULL;
  NtRoomInput in = { 0 };

  school_init (&s);

  /* Capacity is the number of active beds. */
  g_assert_cmpint (fx_count (s.store, "SELECT count(*) FROM beds"), ==, 6);
  in = (NtRoomInput) { s.boys, 1, "A101", 4, "M", "dorm", "góc cửa sổ" };
  g_assert_true (nt_rooms_edit_room (s.store, s.a101, &in, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fx_count (s.store, "SELECT capacity FROM rooms WHERE number = 'A101'"), ==, 4);

  /* Rooms by floor and number, with counts, A102 before A1010. */
  fx_room (s.store, s.boys, "A1010", 1, "X");
  g_assert_true (nt_assign_to_bed (s.store, s.an, fx_bed (s.store, s.a101, 1), "2025-09-01", "xếp phòng", &error));
  rooms = nt_rooms_list_rooms (s.store, s.boys, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rooms)), ==, 3);
  first = g_list_model_get_item (G_LIST_MODEL (rooms), 0);
  g_assert_cmpstr (first->number, ==, "A101");
  g_assert_cmpint (first->occupied, ==, 1);
  g_assert_cmpint (first->total, ==, 4);
  {
    g_autoptr(NtRoom) third = g_list_model_get_item (G_LIST_MODEL (rooms), 2);
    g_assert_cmpstr (third->number, ==, "A1010");
  }
  buildings = nt_rooms_list_buildings (s.store, TRUE, &error);
  {
    g_autoptr(NtBuilding) a = g_list_model_get_item (G_LIST_MODEL (buildings), 0);
    g_assert_cmpstr (a->name, ==, "Nhà A");
    g_assert_cmpint (a->occupied, ==, 1);
    g_assert_cmpint (a->total, ==, 7);
  }

  /* A girls' room cannot be made in a boys' building. */
  in = (NtRoomInput) { s.boys, 1, "A103", 2, "F", "dorm", NULL };
  g_assert_cmpint (nt_rooms_add_room (s.store, &in, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);

  /* Fewer beds than students: refused. */
  g_assert_true (nt_assign_to_bed (s.store, s.binh, fx_bed (s.store, s.a101, 2), "2025-09-01", "xếp phòng", &error));
  in = (NtRoomInput) { s.boys, 1, "A101", 1, "M", "dorm", NULL };
  g_assert_false (nt_rooms_edit_room (s.store, s.a101, &in, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);

  /* A room with students cannot be closed; with history it cannot be deleted. */
  g_assert_false (nt_rooms_set_room_active (s.store, s.a101, FALSE, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "A101"));
  g_clear_error (&error);
  g_assert_false (nt_rooms_set_building_active (s.store, s.boys, FALSE, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (nt_assign_take_out (s.store, s.an, "2025-10-01", "về nhà", &error));
  g_assert_true (nt_assign_take_out (s.store, s.binh, "2025-10-01", "về nhà", &error));
  g_assert_true (nt_rooms_set_room_active (s.store, s.a101, FALSE, &error));
  g_assert_false (nt_rooms_delete_room (s.store, s.a101, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (fx_count (s.store, "SELECT count(*) FROM rooms WHERE number = 'A101'"), ==, 1);
  /* A room without history can be deleted with its beds. */
  g_assert_true (nt_rooms_delete_room (s.store, s.a102, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fx_count (s.store, "SELECT count(*) FROM rooms WHERE number = 'A102'"), ==, 0);

  school_clear (&s);
}

static void
test_refusals (void)
{
  School s;
  g_autoptr(GError) error = NULL;
  gint64 bed;

  school_init (&s);

  /* A boy into a girls' room (and building). */
  g_assert_false (nt_assign_to_bed (s.store, s.an, fx_bed (s.store, s.b101, 1), "2025-09-01", "xếp phòng", &error));
  assert_refused (&s, error, "Lò Văn An", "B101", 0);
  g_clear_error (&error);

  /* A boy into a girls' room of a building for anyone. */
  {
    gint64 mixed = fx_building (s.store, "Nhà C", "X");
    gint64 c101 = fx_room (s.store, mixed, "C101", 1, "F");
    g_assert_false (nt_assign_to_bed (s.store, s.an, fx_bed (s.store, c101, 1), "2025-09-01", "xếp phòng", &error));
    assert_refused (&s, error, "Lò Văn An", "C101", 0);
    g_clear_error (&error);
  }

  /* A full room. */
  g_assert_true (nt_assign_to_bed (s.store, s.an, fx_bed (s.store, s.a101, 1), "2025-09-01", "xếp phòng", &error));
  g_assert_true (nt_assign_to_bed (s.store, s.binh, fx_bed (s.store, s.a101, 2), "2025-09-01", "xếp phòng", &error));
  g_assert_no_error (error);
  {
    gint64 dung = fx_student (s.store, "Giàng A Dũng", "M", s.class10);
    g_assert_false (nt_assign_to_bed (s.store, dung, fx_bed (s.store, s.a101, 1), "2025-09-01", "xếp phòng", &error));
    assert_refused (&s, error, "Giàng A Dũng", "A101", 2);
    g_clear_error (&error);
  }

  /* A student who left. */
  {
    gint64 left = fx_student (s.store, "Lù Văn Em", "M", s.class10);
    g_autofree char *sql = g_strdup_printf ("UPDATE students SET active = 0, left_on = '2025-08-01' WHERE id = %" G_GINT64_FORMAT, left);
    fx_exec_id (s.store, sql);
    g_assert_false (nt_assign_to_bed (s.store, left, fx_bed (s.store, s.a102, 1), "2025-09-01", "xếp phòng", &error));
    assert_refused (&s, error, "Lù Văn Em", NULL, 2);
    g_clear_error (&error);
  }

  /* A day student. */
  {
    gint64 day = fx_student_full (s.store, "Sùng A Giang", "M", s.class10, "day", "", "", "", "");
    g_assert_false (nt_assign_to_bed (s.store, day, fx_bed (s.store, s.a102, 1), "2025-09-01", "xếp phòng", &error));
    assert_refused (&s, error, "Sùng A Giang", NULL, 2);
    g_clear_error (&error);
  }

  /* An inactive room; an infirmary; a locked bed. */
  {
    gint64 girl = fx_student (s.store, "Lò Thị Hoa", "F", s.class10);
    NtRoomInput in = { s.girls, 1, "B102", 2, "F", "infirmary", NULL };
    gint64 b102 = nt_rooms_add_room (s.store, &in, &error);

    g_assert_true (nt_rooms_set_room_active (s.store, s.b101, FALSE, &error));
    g_assert_false (nt_assign_to_bed (s.store, girl, fx_bed (s.store, s.b101, 1), "2025-09-01", "xếp phòng", &error));
    assert_refused (&s, error, "Lò Thị Hoa", "B101", 2);
    g_clear_error (&error);

    g_assert_false (nt_assign_to_bed (s.store, girl, fx_bed (s.store, b102, 1), "2025-09-01", "xếp phòng", &error));
    assert_refused (&s, error, "Lò Thị Hoa", "B102", 2);
    g_clear_error (&error);

    g_assert_true (nt_rooms_set_room_active (s.store, s.b101, TRUE, &error));
    bed = fx_bed (s.store, s.b101, 1);
    g_assert_true (nt_rooms_set_bed_locked (s.store, bed, TRUE, &error));
    g_assert_false (nt_assign_to_bed (s.store, girl, bed, "2025-09-01", "xếp phòng", &error));
    assert_refused (&s, error, "Lò Thị Hoa", "B101", 2);
    g_clear_error (&error);
    g_assert_true (nt_assign_to_bed (s.store, girl, fx_bed (s.store, s.b101, 2), "2025-09-01", "xếp phòng", &error));
    g_assert_no_error (error);
  }

  /* A move dated before the present bed's start. */
  g_assert_false (nt_assign_move (s.store, s.an, fx_bed (s.store, s.a102, 1), "2025-08-01", "xin chuyển", &error));
  assert_refused (&s, error, "Lò Văn An", NULL, 3);
  g_clear_error (&error);

  school_clear (&s);
}

static void
test_move_swap_take_out (void)
{
  School s;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) history = NULL;
  g_autoptr(GListStore) room_history = NULL;
  g_autoptr(GListStore) beds = NULL;

  school_init (&s);
  g_assert_true (nt_assign_to_bed (s.store, s.an, fx_bed (s.store, s.a101, 1), "2025-09-01", "đầu năm", &error));
  g_assert_true (nt_assign_to_bed (s.store, s.binh, fx_bed (s.store, s.a102, 1), "2025-09-01", "đầu năm", &error));
  g_assert_no_error (error);
  g_assert_cmpint (fx_count (s.store, "SELECT count(*) FROM bed_assignments"), ==, 2);

  /* Move: the old row ends on the date, a new one starts. */
  g_assert_true (nt_assign_move (s.store, s.an, fx_bed (s.store, s.a102, 2), "2025-10-05", "xin chuyển", &error));
  g_assert_no_error (error);
  g_assert_cmpint (fx_count (s.store, "SELECT count(*) FROM bed_assignments"), ==, 3);
  g_assert_cmpint (fx_room_of (s.store, s.an), ==, s.a102);
  g_assert_cmpint (fx_count (s.store, "SELECT count(*) FROM bed_assignments WHERE end_date = '2025-10-05' "
                                      "AND start_date = '2025-09-01'"), ==, 1);

  /* Swap (same room here: beds exchange). */
  g_assert_true (nt_assign_swap (s.store, s.an, s.binh, "2025-10-20", "đổi giường", &error));
  g_assert_no_error (error);
  g_assert_cmpint (fx_count (s.store, "SELECT count(*) FROM bed_assignments"), ==, 5);
  g_assert_cmpint (fx_count (s.store, "SELECT count(*) FROM bed_assignments WHERE end_date IS NULL"), ==, 2);
  beds = nt_rooms_list_beds (s.store, s.a102, &error);
  {
    g_autoptr(NtBed) b1 = g_list_model_get_item (G_LIST_MODEL (beds), 0);
    g_autoptr(NtBed) b2 = g_list_model_get_item (G_LIST_MODEL (beds), 1);
    g_assert_cmpint (b1->student_id, ==, s.an);
    g_assert_cmpint (b2->student_id, ==, s.binh);
    g_assert_cmpstr (b1->class_name, ==, "10A1");
  }

  /* A boy cannot swap into a girl's bed. */
  g_assert_true (nt_assign_to_bed (s.store, s.chi, fx_bed (s.store, s.b101, 1), "2025-09-01", "xếp phòng", &error));
  g_assert_false (nt_assign_swap (s.store, s.an, s.chi, "2025-10-21", "đổi giường", &error));
  assert_refused (&s, error, "Lò Văn An", "B101", 6);
  g_clear_error (&error);

  /* Without a reason a move, a swap, a take-out are refused, nothing written. */
  {
    gint64 before = fx_count (s.store, "SELECT count(*) FROM bed_assignments");

    g_assert_false (nt_assign_to_bed (s.store, s.chi, fx_bed (s.store, s.b101, 2), "2025-11-01", "", &error));
    g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (nt_assign_take_out (s.store, s.an, "2025-11-01", "  ", &error));
    g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (nt_assign_move (s.store, s.an, fx_bed (s.store, s.a101, 2), "2025-11-01", "", &error));
    g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (nt_assign_swap (s.store, s.an, s.binh, "2025-11-01", NULL, &error));
    g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (fx_count (s.store, "SELECT count(*) FROM bed_assignments"), ==, before);
  }

  /* Take out. */
  g_assert_true (nt_assign_take_out (s.store, s.an, "2025-11-01", "ốm, về nhà", &error));
  g_assert_no_error (error);
  g_assert_cmpint (fx_room_of (s.store, s.an), ==, 0);
  g_assert_cmpint (fx_count (s.store, "SELECT count(*) FROM bed_assignments"), ==, 6);

  /* The student's history, newest first. */
  history = nt_rooms_student_history (s.store, s.an, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 3);
  {
    g_autoptr(NtAssignment) newest = g_list_model_get_item (G_LIST_MODEL (history), 0);
    g_autoptr(NtAssignment) oldest = g_list_model_get_item (G_LIST_MODEL (history), 2);
    g_assert_cmpstr (newest->start_date, ==, "2025-10-20");
    g_assert_cmpstr (newest->end_date, ==, "2025-11-01");
    g_assert_nonnull (strstr (newest->reason, "ốm, về nhà"));
    g_assert_cmpstr (oldest->room_number, ==, "A101");
    g_assert_cmpstr (oldest->end_date, ==, "2025-10-05");
  }
  room_history = nt_rooms_room_history (s.store, s.a102, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (room_history)), ==, 4);

  /* Free beds for boys: A101 ×2 + A102 ×1 (Bình is in A102). */
  g_assert_cmpint (nt_rooms_free_beds (s.store, 0, "M"), ==, 3);
  g_assert_cmpint (nt_rooms_free_beds (s.store, s.girls, "F"), ==, 1);

  school_clear (&s);
}

int
main (int argc, char **argv)
{
  nt_test_init (&argc, &argv);
  g_test_add_func ("/rooms/edit", test_rooms_edit);
  g_test_add_func ("/rooms/refusals", test_refusals);
  g_test_add_func ("/rooms/move-swap-take-out", test_move_swap_take_out);
  return g_test_run ();
}
