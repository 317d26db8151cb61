/* test-dorm-life.c: the gate book, room inspections and ranking, dialogues,
 * the confidential box (issue 9) */
#define G_LOG_DOMAIN "test-dorm-life"

#include <string.h>

#include "nt-confidential.h"
#include "nt-dialogues.h"
#include "nt-error.h"
#include "nt-inspections.h"
#include "nt-leaves.h"
#include "nt-staff.h"
#include "nt-test-util.h"
#include "nt-visitors.h"

#include "rooms-fixture.h"

static gint64
fx_staff_role (NtStore    *store,
               const char *name,
               const char *role)
{
  static int n;
  g_autofree char *code = g_strdup_printf ("DL%03d", ++n);
  NtStaffInput in = { code, name, "M", role, "" };
  g_autoptr(GError) error = NULL;
  gint64 id = nt_staff_add (store, &in, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
act_as (NtStore *store,
        gint64   staff_id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (nt_store_set_actor (store, staff_id, &error));
  g_assert_no_error (error);
}

static gint64
fx_room_on (NtStore    *store,
            gint64      building,
            int         floor,
            const char *number)
{
  NtRoomInput in = { building, floor, number, 4, "M", "dorm", NULL };
  g_autoptr(GError) error = NULL;
  gint64 id = nt_rooms_add_room (store, &in, &error);

  g_assert_no_error (error);
  return id;
}

/* ----- inspections and ranking ------------------------------------------- */

typedef struct
{
  NtStore *store;
  gint64   hygiene;     /* 60 points */
  gint64   quiet;       /* 40 points */
} Sheet;

static gint64
inspect (Sheet      *s,
         gint64      room,
         const char *date,
         int         hygiene,
         int         quiet)
{
  NtInspectionScore scores[] = { { s->hygiene, hygiene, "" }, { s->quiet, quiet, NULL } };
  g_autoptr(GError) error = NULL;
  gint64 id = nt_inspections_save (s->store, room, date, 0, scores, G_N_ELEMENTS (scores), NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static NtRanked *
ranked_at (GListStore *list,
           guint       i)
{
  NtRanked *r = g_list_model_get_item (G_LIST_MODEL (list), i);

  g_object_unref (r);  /* the list keeps it */
  return r;
}

static void
test_ranking_ties (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) rooms = NULL;
  g_autoptr(GListStore) buildings = NULL;
  g_autoptr(GListStore) month = NULL;
  Sheet s = { store, 0, 0 };
  gint64 a = fx_building (store, "Nhà A", "M");
  gint64 b = fx_building (store, "Nhà B", "M");
  gint64 r101 = fx_room_on (store, a, 1, "101");
  gint64 r102 = fx_room_on (store, a, 1, "102");
  gint64 r103 = fx_room_on (store, a, 1, "103");
  gint64 r104 = fx_room_on (store, a, 1, "104");
  gint64 r201 = fx_room_on (store, b, 2, "201");
  gint64 r202 = fx_room_on (store, b, 2, "202");

  s.hygiene = nt_inspections_criterion_add (store, "Vệ sinh", 60, &error);
  g_assert_no_error (error);
  s.quiet = nt_inspections_criterion_add (store, "Giờ giấc", 40, &error);
  g_assert_no_error (error);

  /* Week of Monday 23/11/2026. 101: 90; 102 and 103: 80 (a tie reached two
   * ways); 104: 60; 201: 100; 202: mean of 85 and 86 = 85.5. */
  inspect (&s, r101, "2026-11-23", 55, 35);
  inspect (&s, r102, "2026-11-23", 50, 30);
  inspect (&s, r103, "2026-11-24", 40, 40);
  inspect (&s, r104, "2026-11-24", 40, 20);
  inspect (&s, r201, "2026-11-25", 60, 40);
  inspect (&s, r202, "2026-11-25", 50, 35);
  inspect (&s, r202, "2026-11-27", 50, 36);
  /* The week before: only the month sees it. */
  inspect (&s, r104, "2026-11-16", 60, 40);

  rooms = nt_inspections_ranking (store, NT_RANKING_ROOMS, "2026-11-23", "2026-11-29", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rooms)), ==, 6);

  g_assert_cmpint (ranked_at (rooms, 0)->id, ==, r201);
  g_assert_cmpuint (ranked_at (rooms, 0)->rank, ==, 1);
  g_assert_cmpfloat_with_epsilon (ranked_at (rooms, 0)->score, 100.0, 0.001);
  g_assert_true (ranked_at (rooms, 0)->praise);
  g_assert_cmpint (ranked_at (rooms, 1)->id, ==, r101);
  g_assert_cmpuint (ranked_at (rooms, 1)->rank, ==, 2);
  g_assert_true (ranked_at (rooms, 1)->praise);
  g_assert_cmpint (ranked_at (rooms, 2)->id, ==, r202);
  g_assert_cmpuint (ranked_at (rooms, 2)->rank, ==, 3);
  g_assert_cmpfloat_with_epsilon (ranked_at (rooms, 2)->score, 85.5, 0.001);
  g_assert_cmpuint (ranked_at (rooms, 2)->n_inspections, ==, 2);
  g_assert_false (ranked_at (rooms, 2)->praise);
  g_assert_false (ranked_at (rooms, 2)->remind);
  /* The tie: same rank, listed by room number; the next rank skips. */
  g_assert_cmpint (ranked_at (rooms, 3)->id, ==, r102);
  g_assert_cmpint (ranked_at (rooms, 4)->id, ==, r103);
  g_assert_cmpuint (ranked_at (rooms, 3)->rank, ==, 4);
  g_assert_cmpuint (ranked_at (rooms, 4)->rank, ==, 4);
  g_assert_cmpint (ranked_at (rooms, 5)->id, ==, r104);
  g_assert_cmpuint (ranked_at (rooms, 5)->rank, ==, 6);
  g_assert_true (ranked_at (rooms, 5)->remind);

  /* Buildings: A = (90 + 80 + 80 + 60) / 4 = 77.5, B = (100 + 85.5) / 2 = 92.75 → 92.8. */
  buildings = nt_inspections_ranking (store, NT_RANKING_BUILDINGS, "2026-11-23", "2026-11-29", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (buildings)), ==, 2);
  g_assert_cmpint (ranked_at (buildings, 0)->id, ==, b);
  g_assert_cmpfloat_with_epsilon (ranked_at (buildings, 0)->score, 92.8, 0.001);
  g_assert_cmpint (ranked_at (buildings, 1)->id, ==, a);
  g_assert_cmpfloat_with_epsilon (ranked_at (buildings, 1)->score, 77.5, 0.001);
  g_assert_cmpuint (ranked_at (buildings, 1)->rank, ==, 2);

  /* The month: 104 is (60 + 100) / 2 = 80 and joins the tie at rank 4. */
  month = nt_inspections_ranking (store, NT_RANKING_ROOMS, "2026-11-01", "2026-11-30", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranked_at (month, 5)->rank, ==, 4);
  g_assert_cmpint (ranked_at (month, 5)->id, ==, r104);
}

static void
test_periods (void)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *mfrom = NULL;
  g_autofree char *mto = NULL;

  nt_inspections_week ("2026-11-27", &from, &to);
  g_assert_cmpstr (from, ==, "2026-11-23");
  g_assert_cmpstr (to, ==, "2026-11-29");
  nt_inspections_month ("2028-02-10", &mfrom, &mto);
  g_assert_cmpstr (mfrom, ==, "2028-02-01");
  g_assert_cmpstr (mto, ==, "2028-02-29");
}

static void
test_inspection_refused (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 a = fx_building (store, "Nhà A", "M");
  gint64 room = fx_room_on (store, a, 1, "101");
  gint64 hygiene = nt_inspections_criterion_add (store, "Vệ sinh", 10, NULL);
  gint64 guard = fx_staff_role (store, "Đỗ Văn Bảo", "guard");
  NtInspectionScore too_many[] = { { hygiene, 11, NULL } };
  NtInspectionScore twice[] = { { hygiene, 5, NULL }, { hygiene, 6, NULL } };
  NtInspectionScore unknown[] = { { 999, 1, NULL } };
  NtInspectionScore good[] = { { hygiene, 7, "Bàn học bụi" } };
  g_autoptr(GArray) loaded = NULL;
  g_autofree char *note = NULL;

  g_assert_cmpint (hygiene, >, 0);
  g_assert_cmpint (nt_inspections_save (store, room, "2026-11-23", 0, too_many, 1, NULL, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "101"));
  g_clear_error (&error);
  g_assert_cmpint (nt_inspections_save (store, room, "2026-11-23", 0, twice, 2, NULL, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (nt_inspections_save (store, room, "2026-11-23", 0, unknown, 1, NULL, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (nt_inspections_save (store, room, "23/11/2026", 0, good, 1, NULL, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (nt_inspections_save (store, 9999, "2026-11-23", 0, good, 1, NULL, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (nt_inspections_save (store, room, "2026-11-23", 0, good, 0, NULL, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (fx_count (store, "SELECT count(*) FROM room_inspections"), ==, 0);

  /* Criteria: empty name, no points, the same name twice. */
  g_assert_cmpint (nt_inspections_criterion_add (store, "  ", 10, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (nt_inspections_criterion_add (store, "Nội vụ", 0, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (nt_inspections_criterion_add (store, "Vệ sinh", 5, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_EXISTS);
  g_clear_error (&error);

  /* A guard does not inspect rooms. */
  act_as (store, guard);
  g_assert_cmpint (nt_inspections_save (store, room, "2026-11-23", 0, good, 1, NULL, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
  g_clear_error (&error);
  act_as (store, 0);

  /* Saved twice the same day: replaced, not added. */
  g_assert_cmpint (nt_inspections_save (store, room, "2026-11-23", 0, good, 1, "lần 1", &error), >, 0);
  good[0].points = 9;
  g_assert_cmpint (nt_inspections_save (store, room, "2026-11-23", 0, good, 1, "lần 2", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (fx_count (store, "SELECT count(*) FROM room_inspection_scores"), ==, 1);
  loaded = nt_inspections_load_scores (store, room, "2026-11-23", &note, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpuint (loaded->len, ==, 1);
  g_assert_cmpint (g_array_index (loaded, NtInspectionScore, 0).points, ==, 9);
  g_assert_cmpstr (g_array_index (loaded, NtInspectionScore, 0).note, ==, "Bàn học bụi");
  g_assert_cmpstr (note, ==, "lần 2");
}

static void
test_default_criteria (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) criteria = NULL;

  g_assert_true (nt_inspections_add_default_criteria (store, &error));
  g_assert_true (nt_inspections_add_default_criteria (store, &error));
  g_assert_no_error (error);
  criteria = nt_inspections_criteria (store, FALSE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (criteria)), ==, 5);
  g_assert_cmpint (fx_count (store, "SELECT sum (max_points) FROM inspection_criteria"), ==, 100);
}

/* ----- the gate ---------------------------------------------------------- */

static void
test_gate_leave (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NtLeave) leave = NULL;
  g_autoptr(GListStore) through = NULL;
  gint64 c = fx_class (store, "10A1", 10);
  gint64 an = fx_student (store, "Lò Văn An", "M", c);
  gint64 binh = fx_student (store, "Hà Văn Bình", "M", c);
  gint64 head = fx_staff_role (store, "Vi Thị Hạnh", "supervisor");
  gint64 teacher = fx_staff_role (store, "Nông Thị Dung", "teacher");
  gint64 gate = fx_staff_role (store, "Lường Văn Cường", "supervisor");
  NtLeaveInput in = { an, "2026-11-20 16:00", "2026-11-22 17:00", "home", "", "", "", NULL, head };
  gint64 leave_id = nt_leaves_create (store, &in, &error);
  gint64 got;

  g_assert_no_error (error);
  /* A teacher does not keep the gate. */
  act_as (store, teacher);
  g_assert_cmpint (nt_visitors_student_out (store, an, "2026-11-20 15:30", &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
  g_clear_error (&error);
  /* The supervisor at the gate (nt_leaves_mark_out asks for the right to
   * record leave as well as the gate's). */
  act_as (store, gate);

  /* Without an approved leave, the gate refuses and writes nothing. */
  g_assert_cmpint (nt_visitors_student_out (store, binh, "2026-11-20 15:30", &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  /* Not a day early either. */
  g_assert_cmpint (nt_visitors_student_out (store, an, "2026-11-19 15:30", &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (nt_visitors_student_back (store, an, "2026-11-20 15:30", &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (nt_visitors_student_out (store, an, "20/11/2026 15:30", &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);

  /* A little before the time on the paper: the leave is marked out. */
  got = nt_visitors_student_out (store, an, "2026-11-20 15:30", &error);
  g_assert_no_error (error);
  g_assert_cmpint (got, ==, leave_id);
  leave = nt_leaves_load (store, leave_id, "2026-11-21 21:00", &error);
  g_assert_cmpstr (leave->state, ==, "out");
  g_assert_cmpstr (leave->out_at, ==, "2026-11-20 15:30");
  g_clear_object (&leave);

  /* The night check reads the same record: out now. */
  {
    g_autoptr(GListStore) out = nt_leaves_out_now (store, "2026-11-21 21:00", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (out)), ==, 1);
  }

  got = nt_visitors_student_back (store, an, "2026-11-22 16:45", &error);
  g_assert_no_error (error);
  g_assert_cmpint (got, ==, leave_id);
  leave = nt_leaves_load (store, leave_id, "2026-11-22 21:00", &error);
  g_assert_cmpstr (leave->state, ==, "returned");
  g_assert_cmpstr (leave->returned_at, ==, "2026-11-22 16:45");

  through = nt_visitors_students_through (store, "2026-11-22", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (through)), ==, 1);

  /* Back twice: nothing to return from. */
  g_assert_cmpint (nt_visitors_student_back (store, an, "2026-11-22 17:00", &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
}

static void
test_visitors (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) inside = NULL;
  g_autoptr(GListStore) range = NULL;
  g_autoptr(NtVisitor) v = NULL;
  gint64 c = fx_class (store, "10A1", 10);
  gint64 an = fx_student (store, "Lò Văn An", "M", c);
  gint64 guard = fx_staff_role (store, "Đỗ Văn Bảo", "guard");
  gint64 guard2 = fx_staff_role (store, "Lường Văn Cường", "guard");
  gint64 teacher = fx_staff_role (store, "Nông Thị Dung", "teacher");
  NtAllowedVisitorInput mother = { an, "Nguyễn Thị Hoa", "mẹ", "012345678901", "0912000111" };
  NtVisitorInput in = { 0 };
  gint64 v_mother, v_uncle, v_stranger, v_staff;

  {
    g_autofree char *sql = g_strdup_printf ("UPDATE students SET guardian_name = 'Lò Văn Páo' WHERE id = %"
                                            G_GINT64_FORMAT, an);
    fx_exec_id (store, sql);
  }
  g_assert_cmpint (nt_visitors_allowed_add (store, &mother, &error), >, 0);
  g_assert_no_error (error);

  /* A guard on the roster's gate post from 06:00 to 18:00. */
  fx_exec_id (store, "INSERT INTO posts (name) VALUES ('Cổng')");
  fx_exec_id (store, "INSERT INTO shift_templates (name, start_time, end_time) VALUES ('Ngày', '06:00', '18:00')");
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO duties (post_id, shift_id, staff_id, date) "
                                            "VALUES (1, 1, %" G_GINT64_FORMAT ", '2026-11-20')", guard2);
    fx_exec_id (store, sql);
  }
  g_assert_cmpint (nt_visitors_guard_on_duty (store, "2026-11-20 09:00"), ==, guard2);
  g_assert_cmpint (nt_visitors_guard_on_duty (store, "2026-11-20 20:00"), ==, 0);

  act_as (store, guard);

  /* The mother, typed without diacritics: known. */
  in.name = "nguyen thi hoa";
  in.visit_student_id = an;
  in.in_at = "2026-11-20 09:00";
  v_mother = nt_visitors_record_in (store, &in, &error);
  g_assert_no_error (error);
  /* The guardian on record, by name. */
  in.name = "Lò Văn Páo";
  in.in_at = "2026-11-20 09:10";
  v_uncle = nt_visitors_record_in (store, &in, &error);
  g_assert_no_error (error);
  /* Anyone else stands out. */
  in.name = "Someone Else";
  in.id_number = "999";
  in.in_at = "2026-11-20 19:00";
  v_stranger = nt_visitors_record_in (store, &in, &error);
  g_assert_no_error (error);
  in.name = "Bưu tá";
  in.id_number = NULL;
  in.visit_student_id = 0;
  in.visit_staff_id = teacher;
  in.in_at = "2026-11-20 10:00";
  v_staff = nt_visitors_record_in (store, &in, &error);
  g_assert_no_error (error);

  v = nt_visitors_load (store, v_mother, &error);
  g_assert_true (v->allowed);
  g_assert_cmpstr (v->relation, ==, "mẹ");
  /* In the roster's hours the guard is the roster's, not the actor. */
  g_assert_cmpint (v->guard_id, ==, guard2);
  g_clear_object (&v);
  v = nt_visitors_load (store, v_uncle, &error);
  g_assert_true (v->allowed);
  g_clear_object (&v);
  v = nt_visitors_load (store, v_stranger, &error);
  g_assert_false (v->allowed);
  g_assert_cmpint (v->guard_id, ==, guard);
  g_clear_object (&v);
  v = nt_visitors_load (store, v_staff, &error);
  g_assert_false (v->allowed);
  g_assert_cmpstr (nt_visitor_get_host (v), ==, "Nông Thị Dung");
  g_clear_object (&v);

  /* The identity card decides when the name was written another way. */
  {
    g_autofree char *relation = NULL;

    g_assert_true (nt_visitors_is_allowed (store, an, "Hoa", "012345678901", &relation));
    g_assert_cmpstr (relation, ==, "mẹ");
    g_assert_false (nt_visitors_is_allowed (store, an, "Hoa", "999", NULL));
  }

  g_assert_cmpuint (nt_visitors_count_inside (store), ==, 4);
  g_assert_true (nt_visitors_record_out (store, v_mother, "2026-11-20 10:30", &error));
  g_assert_no_error (error);
  g_assert_false (nt_visitors_record_out (store, v_mother, "2026-11-20 10:40", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (nt_visitors_record_out (store, v_uncle, "2026-11-20 08:00", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  /* "Went out" clicked by mistake is taken back: inside again. */
  g_assert_true (nt_visitors_record_out (store, v_uncle, "2026-11-20 10:35", &error));
  g_assert_cmpuint (nt_visitors_count_inside (store), ==, 2);
  g_assert_true (nt_visitors_undo_out (store, v_uncle, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (nt_visitors_count_inside (store), ==, 3);
  inside = nt_visitors_inside (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (inside)), ==, 3);
  v = g_list_model_get_item (G_LIST_MODEL (inside), 0);
  g_assert_cmpint (v->id, ==, v_uncle);
  g_clear_object (&v);
  range = nt_visitors_list_range (store, "2026-11-20", "2026-11-20", &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (range)), ==, 4);

  /* Bad input, nothing written. */
  in.name = "  ";
  g_assert_cmpint (nt_visitors_record_in (store, &in, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  in.name = "Ai đó";
  in.visit_student_id = an;
  g_assert_cmpint (nt_visitors_record_in (store, &in, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  in.visit_staff_id = 0;
  in.in_at = "2026-11-20";
  g_assert_cmpint (nt_visitors_record_in (store, &in, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  in.in_at = NULL;
  in.visit_student_id = 4242;
  g_assert_cmpint (nt_visitors_record_in (store, &in, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A teacher does not keep the gate. */
  act_as (store, teacher);
  in.visit_student_id = an;
  g_assert_cmpint (nt_visitors_record_in (store, &in, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (fx_count (store, "SELECT count(*) FROM visitors"), ==, 4);

  /* Taken off the list: the mother is a stranger now; her visit stays as the gate saw it. */
  act_as (store, guard);
  {
    g_autoptr(GListStore) list = nt_visitors_allowed_list (store, an, &error);
    NtAllowedVisitor *first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    NtAllowedVisitor *second = g_list_model_get_item (G_LIST_MODEL (list), 1);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
    g_assert_cmpint (first->id, ==, 0);   /* the guardian on record */
    g_assert_true (nt_visitors_allowed_remove (store, second->id, &error));
    g_assert_no_error (error);
    g_object_unref (first);
    g_object_unref (second);
  }
  g_assert_false (nt_visitors_is_allowed (store, an, "Nguyễn Thị Hoa", NULL, NULL));
  v = nt_visitors_load (store, v_mother, &error);
  g_assert_true (v->allowed);
}

/* ----- dialogues --------------------------------------------------------- */

static void
test_dialogues (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) open = NULL;
  g_autoptr(NtDialogue) d = NULL;
  gint64 sup = fx_staff_role (store, "Vi Thị Hạnh", "supervisor");
  gint64 guard = fx_staff_role (store, "Đỗ Văn Bảo", "guard");
  NtDialogueInput din = { "2026-11-02", sup, "Ban Giám hiệu, 40 học sinh", NULL };
  NtDialogueItemInput i1 = { "Nước nóng buổi tối", "Sửa bình nóng lạnh", sup, "2026-11-10" };
  NtDialogueItemInput i2 = { "Thêm giờ tự học", "", 0, "2026-12-15" };
  NtDialogueItemInput i3 = { "Đèn hành lang hỏng", "Đã thay", sup, NULL };
  gint64 id, a, b2, c3;
  NtDialogueItem *first;

  act_as (store, sup);
  id = nt_dialogues_create (store, &din, &error);
  g_assert_no_error (error);
  a = nt_dialogues_add_item (store, id, &i1, &error);
  b2 = nt_dialogues_add_item (store, id, &i2, &error);
  c3 = nt_dialogues_add_item (store, id, &i3, &error);
  g_assert_no_error (error);
  g_assert_true (a > 0 && b2 > 0 && c3 > 0);
  /* A follow-up due before the dialogue itself: refused, nothing written. */
  {
    NtDialogueItemInput early = { "Sửa cửa sổ", "", 0, "2026-10-20" };

    g_assert_cmpint (nt_dialogues_add_item (store, id, &early, &error), ==, 0);
    g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (nt_dialogues_update_item (store, a, &early, &error));
    g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM dialogue_items"), ==, 3);
  }
  g_assert_true (nt_dialogues_close_item (store, c3, "2026-11-03", &error));
  g_assert_false (nt_dialogues_close_item (store, c3, "2026-11-04", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpuint (nt_dialogues_count_open (store), ==, 2);
  open = nt_dialogues_open_items (store, "2026-11-27", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (open)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (open), 0);
  g_assert_cmpint (first->id, ==, a);
  g_assert_true (first->overdue);
  g_assert_cmpstr (first->follow_up_name, ==, "Vi Thị Hạnh");
  g_object_unref (first);
  d = nt_dialogues_load (store, id, &error);
  g_assert_cmpuint (d->n_items, ==, 3);
  g_assert_cmpuint (d->n_open, ==, 2);

  /* Bad input. */
  i1.question = " ";
  g_assert_cmpint (nt_dialogues_add_item (store, id, &i1, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  i1.question = "Hỏi";
  i1.due_date = "10/11/2026";
  g_assert_cmpint (nt_dialogues_add_item (store, id, &i1, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  din.held_on = "hôm qua";
  g_assert_cmpint (nt_dialogues_create (store, &din, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);

  act_as (store, guard);
  din.held_on = "2026-11-03";
  g_assert_cmpint (nt_dialogues_create (store, &din, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
  g_assert_cmpint (fx_count (store, "SELECT count(*) FROM dialogues"), ==, 1);
}

/* ----- the confidential box ---------------------------------------------- */

static void
assert_no_secret (NtStore    *store,
                  const char *sql)
{
  g_assert_cmpint (fx_count (store, sql), ==, 0);
}

static void
test_confidential_refused (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) list = NULL;
  g_autoptr(NtConfidentialReport) read = NULL;
  gint64 principal = fx_staff_role (store, "Hoàng Văn Minh", "principal");
  gint64 vice = fx_staff_role (store, "Lê Thị Lan", "vice_principal");
  gint64 sup = fx_staff_role (store, "Vi Thị Hạnh", "supervisor");
  gint64 teacher = fx_staff_role (store, "Nông Thị Dung", "teacher");
  NtConfidentialInput in = { "2026-11-20 08:00", "paper", "Lò Thị Xuân",
                             "Phòng 203 có bạn bị bắt nạt lấy tiền" };
  NtConfidentialIncidentInput inc = { NULL, "violence", 2, NULL, NULL, NULL };
  NtConfidentialReport *row;
  gint64 id, incident;

  /* A teacher receives it and enters it. */
  act_as (store, teacher);
  id = nt_confidential_add (store, &in, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* Neither a supervisor nor a vice principal reads it. */
  for (guint k = 0; k < 2; k++)
    {
      act_as (store, k == 0 ? sup : vice);
      g_assert_null (nt_confidential_read (store, id, &error));
      g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
      g_clear_error (&error);
      g_assert_cmpint (nt_confidential_to_incident (store, id, &inc, &error), ==, 0);
      g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
      g_clear_error (&error);
      g_assert_false (nt_confidential_close (store, id, &error));
      g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
      g_clear_error (&error);

      /* The list: date, channel and state, nothing more. */
      list = nt_confidential_list (store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
      row = g_list_model_get_item (G_LIST_MODEL (list), 0);
      g_assert_false (row->readable);
      g_assert_null (row->content);
      g_assert_null (row->reporter_name);
      g_assert_cmpstr (row->channel, ==, "paper");
      g_assert_cmpstr (row->state, ==, "new");
      g_object_unref (row);
      g_clear_object (&list);
    }

  /* The audit trail keeps neither the content nor the name. */
  assert_no_secret (store, "SELECT count(*) FROM audit_log WHERE ifnull (new_values, '') LIKE '%bắt nạt%' "
                           "OR ifnull (new_values, '') LIKE '%Xuân%'");

  act_as (store, principal);
  read = nt_confidential_read (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->content, ==, "Phòng 203 có bạn bị bắt nạt lấy tiền");
  g_assert_cmpstr (read->reporter_name, ==, "Lò Thị Xuân");

  incident = nt_confidential_to_incident (store, id, &inc, &error);
  g_assert_no_error (error);
  g_assert_cmpint (incident, >, 0);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM incidents WHERE id = %" G_GINT64_FORMAT
                                            " AND source_kind = 'confidential' AND source_id = %" G_GINT64_FORMAT
                                            " AND description LIKE '%%bắt nạt%%'", incident, id);
    g_assert_cmpint (fx_count (store, sql), ==, 1);
  }
  /* The reporter's name went nowhere. */
  assert_no_secret (store, "SELECT count(*) FROM incidents WHERE reported_by LIKE '%Xuân%' "
                           "OR description LIKE '%Xuân%' OR place_text LIKE '%Xuân%' OR actions LIKE '%Xuân%'");
  assert_no_secret (store, "SELECT count(*) FROM incident_people");
  g_assert_cmpint (nt_confidential_to_incident (store, id, &inc, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_EXISTS);
  g_clear_error (&error);
  g_clear_object (&read);
  read = nt_confidential_read (store, id, &error);
  g_assert_cmpstr (read->state, ==, "incident");
  g_assert_cmpint (read->incident_id, ==, incident);

  /* Bad input. */
  in.content = "   ";
  g_assert_cmpint (nt_confidential_add (store, &in, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  in.content = "Nội dung";
  in.channel = "pigeon";
  g_assert_cmpint (nt_confidential_add (store, &in, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  in.channel = "phone";
  in.received_at = "20/11/2026";
  g_assert_cmpint (nt_confidential_add (store, &in, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (fx_count (store, "SELECT count(*) FROM confidential_reports"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);

  g_test_add_func ("/dorm-life/ranking-ties", test_ranking_ties);
  g_test_add_func ("/dorm-life/periods", test_periods);
  g_test_add_func ("/dorm-life/inspection-refused", test_inspection_refused);
  g_test_add_func ("/dorm-life/default-criteria", test_default_criteria);
  g_test_add_func ("/dorm-life/gate-leave", test_gate_leave);
  g_test_add_func ("/dorm-life/visitors", test_visitors);
  g_test_add_func ("/dorm-life/dialogues", test_dialogues);
  g_test_add_func ("/dorm-life/confidential-refused", test_confidential_refused);

  return g_test_run ();
}
