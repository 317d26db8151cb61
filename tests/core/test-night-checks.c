/* test-night-checks.c: the night check (điểm danh tối) */
#include <string.h>

#include "nt-assignments.h"
#include "nt-date.h"
#include "nt-error.h"
#include "nt-leaves.h"
#include "nt-night-checks.h"
#include "nt-rooms.h"
#include "nt-staff.h"
#include "nt-students.h"
#include "nt-test-util.h"

#include "rooms-fixture.h"

/* A small school, March 2025:
 *   Nhà A (boys): A101 on floor 1 (2 beds), A201 on floor 2 (2 beds)
 *   Nhà B (boys): B101 on floor 1 (2 beds)
 *   moved  A101/1 from the 1st, to B101/1 on the 15th
 *   leaver A101/2 from the 1st, left the school on the 10th
 *   day3   A201/1 from the 1st; a leave on the 8th from 08:00 to 20:00
 *   away   A201/2 from the 1st; leave from the 7th 17:00 to the 9th 17:00
 *   other  B101/2 from the 1st */
typedef struct
{
  NtStore *store;
  gint64   a, b;
  gint64   a101, a201, b101;
  gint64   moved, leaver, day3, away, other;
  gint64   away_leave, day3_leave;
  gint64   sup, sup2;
} School;

static gint64
fx_staff (NtStore    *store,
          const char *name)
{
  static int n;
  g_autofree char *code = g_strdup_printf ("QS%03d", ++n);
  NtStaffInput in = { code, name, "M", "supervisor", "" };
  g_autoptr(GError) error = NULL;
  gint64 id = nt_staff_add (store, &in, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
fx_room_on (NtStore    *store,
            gint64      building,
            int         floor,
            const char *number)
{
  NtRoomInput in = { building, floor, number, 2, "M", "dorm", NULL };
  g_autoptr(GError) error = NULL;
  gint64 id = nt_rooms_add_room (store, &in, &error);

  g_assert_no_error (error);
  return id;
}

static void
put (School     *s,
     gint64      student,
     gint64      room,
     int         bed)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (nt_assign_to_bed (s->store, student, fx_bed (s->store, room, bed), "2025-03-01", "xếp phòng", &error));
  g_assert_no_error (error);
}

static void
school_init (School *s)
{
  g_autoptr(GError) error = NULL;
  gint64 c10;
  NtLeaveInput in = { 0, NULL, NULL, "home", "", "", "", NULL, 0 };

  s->store = nt_test_new_store ();
  c10 = fx_class (s->store, "10A1", 10);
  s->a = fx_building (s->store, "Nhà A", "M");
  s->b = fx_building (s->store, "Nhà B", "M");
  s->a101 = fx_room_on (s->store, s->a, 1, "A101");
  s->a201 = fx_room_on (s->store, s->a, 2, "A201");
  s->b101 = fx_room_on (s->store, s->b, 1, "B101");
  s->moved = fx_student_full (s->store, "Lò Văn Chuyển", "M", c10, "boarding", "", "", "0911111111", "");
  s->leaver = fx_student (s->store, "Lò Văn Nghỉ", "M", c10);
  s->day3 = fx_student (s->store, "Lò Văn Ba", "M", c10);
  s->away = fx_student (s->store, "Lò Văn Về", "M", c10);
  s->other = fx_student (s->store, "Lò Văn Khác", "M", c10);
  s->sup = fx_staff (s->store, "Quàng Văn Trực");
  s->sup2 = fx_staff (s->store, "Quàng Văn Hai");

  put (s, s->moved, s->a101, 1);
  put (s, s->leaver, s->a101, 2);
  put (s, s->day3, s->a201, 1);
  put (s, s->away, s->a201, 2);
  put (s, s->other, s->b101, 2);
  g_assert_true (nt_assign_move (s->store, s->moved, fx_bed (s->store, s->b101, 1), "2025-03-15", "chuyển nhà", &error));
  g_assert_true (nt_students_mark_left (s->store, s->leaver, "2025-03-10", "", &error));
  g_assert_no_error (error);

  in.approved_by = s->sup;
  in.student_id = s->away;
  in.from_time = "2025-03-07 17:00";
  in.to_time = "2025-03-09 17:00";
  s->away_leave = nt_leaves_create (s->store, &in, &error);
  in.student_id = s->day3;
  in.from_time = "2025-03-08 08:00";
  in.to_time = "2025-03-08 20:00";
  s->day3_leave = nt_leaves_create (s->store, &in, &error);
  g_assert_no_error (error);
}

static void
school_clear (School *s)
{
  g_clear_object (&s->store);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (School, school_clear)

static gint64
start (School     *s,
       const char *night,
       gint64      building,
       int         floor)
{
  g_autoptr(GError) error = NULL;
  gint64 id = nt_night_check_start (s->store, night, building, floor, s->sup, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static NtCheckEntry *
entry_of (GListStore *entries,
          gint64      student)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (entries)); i++)
    {
      g_autoptr(NtCheckEntry) e = g_list_model_get_item (G_LIST_MODEL (entries), i);
      if (e->student_id == student)
        return e;
    }
  return NULL;
}

static gint64
entry_id (School *s,
          gint64  check,
          gint64  student)
{
  g_autofree char *sql = g_strdup_printf ("SELECT ifnull ((SELECT id FROM night_check_entries WHERE check_id = %"
                                          G_GINT64_FORMAT " AND student_id = %" G_GINT64_FORMAT "), 0)",
                                          check, student);
  gint64 id = fx_count (s->store, sql);

  g_assert_cmpint (id, >, 0);
  return id;
}

static void
assert_message_has (const GError *error,
                    const char   *part)
{
  g_assert_nonnull (error);
  if (strstr (error->message, part) == NULL)
    g_error ("“%s” not in the message “%s”", part, error->message);
}

/* Who is expected where, night by night. */
static void
test_expected (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(GListStore) entries = NULL;
  gint64 check;

  school_init (&s);

  /* The 8th in A: all four, walking order A101/1, A101/2, A201/1, A201/2;
   * "away" on leave at curfew, "day3" back before curfew. */
  check = start (&s, "2025-03-08", s.a, 0);
  entries = nt_night_check_entries (s.store, check, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (entries)), ==, 4);
  {
    gint64 order[] = { s.moved, s.leaver, s.day3, s.away };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        g_autoptr(NtCheckEntry) e = g_list_model_get_item (G_LIST_MODEL (entries), i);
        g_assert_cmpint (e->student_id, ==, order[i]);
      }
  }
  g_assert_cmpstr (entry_of (entries, s.away)->status, ==, "leave");
  g_assert_cmpint (entry_of (entries, s.away)->leave_id, ==, s.away_leave);
  g_assert_null (entry_of (entries, s.day3)->status);
  g_assert_cmpint (entry_of (entries, s.day3)->leave_id, ==, 0);
  g_assert_null (entry_of (entries, s.moved)->status);
  g_assert_cmpstr (entry_of (entries, s.moved)->room_number, ==, "A101");
  g_assert_cmpstr (entry_of (entries, s.moved)->bed_label, ==, "1");
  g_assert_cmpstr (entry_of (entries, s.moved)->guardian_phone, ==, "0911111111");
  g_assert_cmpint (entry_of (entries, s.away)->floor, ==, 2);
  g_clear_object (&entries);

  /* The 9th: the leave ends at 17:00, before curfew: not pre-filled. */
  check = start (&s, "2025-03-09", s.a, 0);
  entries = nt_night_check_entries (s.store, check, NULL);
  g_assert_null (entry_of (entries, s.away)->status);
  g_clear_object (&entries);

  /* The 12th: the leaver is gone. */
  check = start (&s, "2025-03-12", s.a, 0);
  entries = nt_night_check_entries (s.store, check, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (entries)), ==, 3);
  g_assert_null (entry_of (entries, s.leaver));
  g_assert_nonnull (entry_of (entries, s.moved));
  g_clear_object (&entries);

  /* The 14th in B: only "other"; the 15th in B: "moved" has arrived, and
   * is no longer expected in A. */
  check = start (&s, "2025-03-14", s.b, 0);
  g_assert_cmpint (fx_count (s.store, "SELECT count(*) FROM night_check_entries e JOIN night_checks k "
                                      "ON k.id = e.check_id WHERE k.night = '2025-03-14'"), ==, 1);
  check = start (&s, "2025-03-15", s.b, 0);
  entries = nt_night_check_entries (s.store, check, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (entries)), ==, 2);
  g_assert_cmpstr (entry_of (entries, s.moved)->room_number, ==, "B101");
  g_clear_object (&entries);
  check = start (&s, "2025-03-15", s.a, 0);
  entries = nt_night_check_entries (s.store, check, NULL);
  g_assert_null (entry_of (entries, s.moved));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (entries)), ==, 2);
  g_clear_object (&entries);

  /* A floor: the 20th, floor 2 of A. */
  check = start (&s, "2025-03-20", s.a, 2);
  entries = nt_night_check_entries (s.store, check, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (entries)), ==, 2);
  g_assert_nonnull (entry_of (entries, s.day3));
  g_assert_nonnull (entry_of (entries, s.away));
}

/* The curfew of the school decides which leave covers the night; a leave
 * since returned counts when the student came back after curfew. */
static void
test_curfew (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) entries = NULL;
  gint64 check;
  g_autofree char *at = NULL;

  school_init (&s);
  at = nt_night_check_curfew_at (s.store, "2025-03-08");
  g_assert_cmpstr (at, ==, "2025-03-08 21:30");

  /* With curfew 19:30, day3's leave to 20:00 covers the night. */
  fx_exec_id (s.store, "INSERT INTO school (id, name, school_year, curfew) VALUES (1, 'PTDTNT', '2024-2025', '19:30')");
  check = start (&s, "2025-03-08", s.a, 0);
  entries = nt_night_check_entries (s.store, check, NULL);
  g_assert_cmpstr (entry_of (entries, s.day3)->status, ==, "leave");
  g_assert_cmpint (entry_of (entries, s.day3)->leave_id, ==, s.day3_leave);
  g_clear_object (&entries);

  /* A curfew after midnight is on the next day. */
  fx_exec_id (s.store, "UPDATE school SET curfew = '00:30'");
  g_clear_pointer (&at, g_free);
  at = nt_night_check_curfew_at (s.store, "2025-03-31");
  g_assert_cmpstr (at, ==, "2025-04-01 00:30");
  fx_exec_id (s.store, "UPDATE school SET curfew = '21:30'");

  /* "away" was marked back on the 7th at 23:00: away at curfew that
   * night, so on leave; a requested (not approved) leave counts not. */
  g_assert_true (nt_leaves_mark_out (s.store, s.away_leave, "2025-03-07 17:00", &error));
  g_assert_true (nt_leaves_mark_returned (s.store, s.away_leave, "2025-03-07 23:00", &error));
  g_assert_no_error (error);
  check = start (&s, "2025-03-07", s.a, 0);
  entries = nt_night_check_entries (s.store, check, NULL);
  g_assert_cmpstr (entry_of (entries, s.away)->status, ==, "leave");
  g_clear_object (&entries);
  {
    NtLeaveInput in = { s.day3, "2025-03-11 17:00", "2025-03-12 17:00", "family", "", "", "", NULL, 0 };

    g_assert_cmpint (nt_leaves_create (s.store, &in, &error), >, 0);
    g_assert_no_error (error);
  }
  check = start (&s, "2025-03-11", s.a, 0);
  entries = nt_night_check_entries (s.store, check, NULL);
  g_assert_null (entry_of (entries, s.day3)->status);
}

/* Refusals of starting, with nothing written; resume; two buildings. */
static void
test_start (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow_dt = g_date_time_add_days (now, 1);
  g_autofree char *tomorrow = g_date_time_format (tomorrow_dt, "%Y-%m-%d");
  g_autofree char *today = nt_date_today_iso ();
  gint64 check, again, other, floor2;

  school_init (&s);

  g_assert_cmpint (nt_night_check_start (s.store, tomorrow, s.a, 0, s.sup, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (nt_night_check_start (s.store, "2025-02-30", s.a, 0, s.sup, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (nt_night_check_start (s.store, "2025-03-08", 9999, 0, s.sup, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (nt_night_check_start (s.store, "2025-03-08", s.a, 4, s.sup, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (nt_night_check_start (s.store, "2025-03-08", s.a, 0, 9999, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Before anyone had a bed. */
  g_assert_cmpint (nt_night_check_start (s.store, "2025-02-20", s.a, 0, s.sup, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  /* Floor 3 exists but is empty. */
  g_assert_cmpint (nt_night_check_start (s.store, "2025-03-08", s.a, 3, s.sup, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (fx_count (s.store, "SELECT count(*) FROM night_checks"), ==, 0);
  g_assert_cmpint (fx_count (s.store, "SELECT count(*) FROM night_check_entries"), ==, 0);

  /* Tonight is allowed (day3 and away still sleep in A). */
  check = start (&s, today, s.a, 0);
  g_assert_cmpint (check, >, 0);

  /* Resume: the same check, nothing added. */
  check = start (&s, "2025-03-08", s.a, 0);
  g_assert_true (nt_night_check_mark (s.store, entry_id (&s, check, s.moved), "present", NULL, NULL, &error));
  again = nt_night_check_start (s.store, "2025-03-08", s.a, 0, s.sup2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, ==, check);
  g_assert_cmpint (nt_night_check_find (s.store, "2025-03-08", s.a, 0), ==, check);
  g_assert_cmpint (fx_count (s.store, "SELECT count(*) FROM night_check_entries e JOIN night_checks k "
                                      "ON k.id = e.check_id WHERE k.night = '2025-03-08'"), ==, 4);
  {
    g_autoptr(NtNightCheck) c = nt_night_check_load (s.store, check, &error);

    g_assert_no_error (error);
    g_assert_cmpint (c->supervisor_id, ==, s.sup);
    g_assert_cmpuint (c->checked, ==, 2);     /* moved, and away (leave) */
    g_assert_cmpuint (c->expected, ==, 4);
    g_assert_null (c->closed_at);
    g_assert_cmpstr (c->building_name, ==, "Nhà A");
  }

  /* A second supervisor checks the other building the same night. */
  other = nt_night_check_start (s.store, "2025-03-08", s.b, 0, s.sup2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (other, >, 0);
  g_assert_cmpint (other, !=, check);

  /* A floor of a building checked whole that night would count twice, and
   * the reverse. */
  g_assert_cmpint (nt_night_check_start (s.store, "2025-03-08", s.a, 2, s.sup2, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_EXISTS);
  assert_message_has (error, "Nhà A");
  g_clear_error (&error);
  floor2 = start (&s, "2025-03-05", s.a, 2);
  g_assert_cmpint (nt_night_check_start (s.store, "2025-03-05", s.a, 0, s.sup2, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (start (&s, "2025-03-05", s.a, 1), !=, floor2);
  g_assert_cmpint (fx_count (s.store, "SELECT count(*) FROM night_checks"), ==, 5);
}

/* Statuses, room present, refusals of a mark with nothing written. */
static void
test_mark (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(NtCheckEntry) e = NULL;
  gint64 check, b_check;
  guint checked, expected, n = 0;

  school_init (&s);
  check = start (&s, "2025-03-08", s.a, 0);
  b_check = start (&s, "2025-03-08", s.b, 0);

  nt_night_check_progress (s.store, check, &checked, &expected);
  g_assert_cmpuint (checked, ==, 1);
  g_assert_cmpuint (expected, ==, 4);

  /* Refused: unknown status, late without a time or with a wrong one,
   * leave without a leave, an entry that does not exist, a student of
   * another building. */
  g_assert_false (nt_night_check_mark (s.store, entry_id (&s, check, s.day3), "asleep", NULL, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  assert_message_has (error, "asleep");
  g_clear_error (&error);
  g_assert_false (nt_night_check_mark (s.store, entry_id (&s, check, s.day3), "late", NULL, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  assert_message_has (error, "Lò Văn Ba");
  g_clear_error (&error);
  g_assert_false (nt_night_check_mark (s.store, entry_id (&s, check, s.day3), "late", "22h15", NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (nt_night_check_mark (s.store, entry_id (&s, check, s.day3), "leave", NULL, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  assert_message_has (error, "08/03/2025");
  g_clear_error (&error);
  g_assert_false (nt_night_check_mark (s.store, 987654, "present", NULL, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (nt_night_check_mark_student (s.store, check, s.other, "present", NULL, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  assert_message_has (error, "Lò Văn Khác");
  g_clear_error (&error);
  g_assert_false (nt_night_check_mark_student (s.store, check, 55555, "present", NULL, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (fx_count (s.store, "SELECT count(*) FROM night_check_entries WHERE marked_at IS NOT NULL"), ==, 0);
  g_assert_cmpint (fx_count (s.store, "SELECT count(*) FROM night_check_entries WHERE status IS NOT NULL"), ==, 1);

  /* Late at 22:15 the same evening; late at 00:30 is the next day. */
  g_assert_true (nt_night_check_mark (s.store, entry_id (&s, check, s.day3), "late", "22:15", "xe khách muộn", &error));
  g_assert_no_error (error);
  e = nt_night_check_load_entry (s.store, entry_id (&s, check, s.day3), &error);
  g_assert_cmpstr (e->status, ==, "late");
  g_assert_cmpstr (e->late_at, ==, "2025-03-08 22:15");
  g_assert_cmpstr (e->note, ==, "xe khách muộn");
  g_assert_nonnull (e->marked_at);
  g_clear_object (&e);
  g_assert_true (nt_night_check_mark (s.store, entry_id (&s, check, s.day3), "late", "00:30", NULL, &error));
  e = nt_night_check_load_entry (s.store, entry_id (&s, check, s.day3), &error);
  g_assert_cmpstr (e->late_at, ==, "2025-03-09 00:30");
  g_assert_cmpstr (e->note, ==, "xe khách muộn");    /* NULL keeps the note */
  g_clear_object (&e);

  /* Taking a mark back; marking by student. */
  g_assert_true (nt_night_check_mark_student (s.store, check, s.day3, NULL, NULL, NULL, &error));
  e = nt_night_check_load_entry (s.store, entry_id (&s, check, s.day3), &error);
  g_assert_null (e->status);
  g_assert_null (e->late_at);
  g_clear_object (&e);
  g_assert_true (nt_night_check_mark_student (s.store, check, s.day3, "sick", NULL, "sốt", &error));
  g_assert_no_error (error);

  /* A leave recorded after the start explains the night when marked. */
  {
    NtLeaveInput in = { s.moved, "2025-03-08 18:00", "2025-03-09 07:00", "medical", "", "", "", NULL, s.sup };
    gint64 late_leave = nt_leaves_create (s.store, &in, &error);

    g_assert_no_error (error);
    g_assert_true (nt_night_check_mark (s.store, entry_id (&s, check, s.moved), "leave", NULL, NULL, &error));
    g_assert_no_error (error);
    e = nt_night_check_load_entry (s.store, entry_id (&s, check, s.moved), &error);
    g_assert_cmpint (e->leave_id, ==, late_leave);
    g_assert_cmpstr (e->status, ==, "leave");
    g_clear_object (&e);
    g_assert_true (nt_night_check_mark (s.store, entry_id (&s, check, s.moved), NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }

  /* Room present: A101's unchecked students; one already marked absent
   * stays absent. */
  g_assert_true (nt_night_check_mark (s.store, entry_id (&s, check, s.leaver), "absent", NULL, NULL, &error));
  g_assert_true (nt_night_check_mark_room_present (s.store, check, s.a101, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  e = nt_night_check_load_entry (s.store, entry_id (&s, check, s.leaver), &error);
  g_assert_cmpstr (e->status, ==, "absent");
  g_clear_object (&e);
  e = nt_night_check_load_entry (s.store, entry_id (&s, check, s.moved), &error);
  g_assert_cmpstr (e->status, ==, "present");
  g_clear_object (&e);
  /* A room not in the check. */
  g_assert_false (nt_night_check_mark_room_present (s.store, check, s.b101, &n, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);

  nt_night_check_progress (s.store, check, &checked, &expected);
  g_assert_cmpuint (checked, ==, 4);
  g_assert_cmpuint (expected, ==, 4);
  nt_night_check_progress (s.store, b_check, &checked, &expected);
  g_assert_cmpuint (checked, ==, 0);
  g_assert_cmpuint (expected, ==, 1);
}

/* Enter on a room (all present) leaves out a student still out on a leave
 * that ended before the curfew, and names them; the others are marked. */
static void
test_room_present_skips_overdue (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(NtCheckEntry) e = NULL;
  g_autofree char *overdue = NULL;
  gint64 check;
  guint n = 0;

  school_init (&s);
  g_assert_true (nt_store_set_actor (s.store, s.sup, &error));
  /* day3's leave (08:00–20:00 on the 8th) is out and not back by the curfew. */
  g_assert_true (nt_leaves_mark_out (s.store, s.day3_leave, "2025-03-08 08:30", &error));
  g_assert_no_error (error);
  check = start (&s, "2025-03-08", s.a, 2);

  /* away is on leave (pre-filled), day3 overdue: nobody else in A201. */
  g_assert_true (nt_night_check_mark_room_present (s.store, check, s.a201, &n, &overdue, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpstr (overdue, ==, "Lò Văn Ba");
  e = nt_night_check_load_entry (s.store, entry_id (&s, check, s.day3), &error);
  g_assert_null (e->status);
  g_clear_object (&e);

  /* Seen in bed and marked present by hand: the leave says back too (the
   * overdue list and the emergency roll go by the leave). */
  g_assert_true (nt_night_check_mark (s.store, entry_id (&s, check, s.day3), "present", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fx_count (s.store, "SELECT count(*) FROM leaves WHERE state = 'returned' AND id = "
                                      "(SELECT max(id) FROM leaves WHERE student_id IN (SELECT student_id FROM "
                                      "night_check_entries WHERE status = 'present'))"), ==, 1);
  g_assert_true (nt_night_check_mark (s.store, entry_id (&s, check, s.day3), NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Back through the gate: the next Enter marks them. */
  g_clear_pointer (&overdue, g_free);
  g_assert_true (nt_night_check_mark_room_present (s.store, check, s.a201, &n, &overdue, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_null (overdue);
  e = nt_night_check_load_entry (s.store, entry_id (&s, check, s.day3), &error);
  g_assert_cmpstr (e->status, ==, "present");
}

/* Closing: refused with students unchecked; returns the unexplained
 * absences; read-only after; correction with a reason, audit-logged. */
static void
test_close_and_correct (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) unexplained = NULL;
  g_autoptr(NtCheckEntry) e = NULL;
  gint64 check, b_check, moved_entry;
  guint n = 0;

  school_init (&s);
  g_assert_true (nt_store_set_actor (s.store, s.sup, &error));
  check = start (&s, "2025-03-08", s.a, 0);
  b_check = start (&s, "2025-03-08", s.b, 0);
  moved_entry = entry_id (&s, check, s.moved);

  g_assert_true (nt_night_check_mark (s.store, moved_entry, "absent", NULL, NULL, &error));
  g_assert_false (nt_night_check_close (s.store, check, &unexplained, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  assert_message_has (error, "A101");       /* leaver unchecked there */
  assert_message_has (error, "A201");       /* and day3 there */
  assert_message_has (error, "2");
  g_clear_error (&error);
  g_assert_null (unexplained);
  g_assert_cmpint (fx_count (s.store, "SELECT count(*) FROM night_checks WHERE closed_at IS NOT NULL"), ==, 0);

  g_assert_true (nt_night_check_mark_room_present (s.store, check, s.a101, &n, NULL, &error));
  g_assert_true (nt_night_check_mark (s.store, entry_id (&s, check, s.day3), "late", "22:15", NULL, &error));
  g_assert_true (nt_night_check_close (s.store, check, &unexplained, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (unexplained)), ==, 1);
  {
    g_autoptr(NtCheckEntry) absent = g_list_model_get_item (G_LIST_MODEL (unexplained), 0);

    g_assert_cmpint (absent->student_id, ==, s.moved);
    g_assert_cmpstr (absent->guardian_phone, ==, "0911111111");
  }
  g_assert_false (nt_night_check_close (s.store, check, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);

  /* Read-only now. */
  g_assert_false (nt_night_check_mark (s.store, moved_entry, "present", NULL, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (nt_night_check_mark_room_present (s.store, check, s.a101, &n, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  /* Starting a closed check again is refused. */
  g_assert_cmpint (nt_night_check_start (s.store, "2025-03-08", s.a, 0, s.sup, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (fx_count (s.store, "SELECT count(*) FROM night_checks"), ==, 2);

  /* Correction: not on an open check, not without a reason, not to no
   * status. */
  g_assert_false (nt_night_check_correct (s.store, entry_id (&s, b_check, s.other), "present", NULL, "nhầm", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (nt_night_check_correct (s.store, moved_entry, "sick", NULL, "  ", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (nt_night_check_correct (s.store, moved_entry, NULL, NULL, "nhầm", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (nt_night_check_correct (s.store, moved_entry, "late", NULL, "nhầm", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  e = nt_night_check_load_entry (s.store, moved_entry, &error);
  g_assert_cmpstr (e->status, ==, "absent");
  g_clear_object (&e);

  g_assert_true (nt_night_check_correct (s.store, moved_entry, "sick", NULL, "Em ở phòng y tế, y tá báo sau", &error));
  g_assert_no_error (error);
  e = nt_night_check_load_entry (s.store, moved_entry, &error);
  g_assert_cmpstr (e->status, ==, "sick");
  g_assert_nonnull (strstr (e->note, "Em ở phòng y tế, y tá báo sau"));
  g_clear_object (&e);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE table_name = 'night_check_entries' "
                                            "AND row_id = %" G_GINT64_FORMAT " AND action = 'update' "
                                            "AND json_extract (old_values, '$.status') = 'absent' "
                                            "AND json_extract (new_values, '$.status') = 'sick' "
                                            "AND json_extract (new_values, '$.note') LIKE '%%phòng y tế%%' "
                                            "AND staff_id = %" G_GINT64_FORMAT, moved_entry, s.sup);
    g_assert_cmpint (fx_count (s.store, sql), ==, 1);
  }
  /* The check is still closed. */
  g_assert_cmpint (fx_count (s.store, "SELECT count(*) FROM night_checks WHERE closed_at IS NOT NULL"), ==, 1);
}

/* A night's summary, a student's month, tonight's progress. */
static void
test_history (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) summary = NULL;
  g_autoptr(GListStore) progress = NULL;
  g_autoptr(GArray) month = NULL;
  gint64 check, check15;
  guint n;

  school_init (&s);
  check = start (&s, "2025-03-08", s.a, 0);
  g_assert_true (nt_night_check_mark_room_present (s.store, check, s.a101, &n, NULL, &error));
  g_assert_true (nt_night_check_mark (s.store, entry_id (&s, check, s.day3), "absent", NULL, NULL, &error));
  g_assert_true (nt_night_check_close (s.store, check, NULL, &error));
  check15 = start (&s, "2025-03-15", s.b, 0);
  g_assert_true (nt_night_check_mark (s.store, entry_id (&s, check15, s.moved), "late", "21:50", NULL, &error));
  g_assert_no_error (error);

  summary = nt_night_check_summary (s.store, "2025-03-08", "2025-03-08", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (summary)), ==, 2);
  {
    g_autoptr(NtNightSummary) f1 = g_list_model_get_item (G_LIST_MODEL (summary), 0);
    g_autoptr(NtNightSummary) f2 = g_list_model_get_item (G_LIST_MODEL (summary), 1);

    g_assert_cmpstr (f1->building_name, ==, "Nhà A");
    g_assert_cmpint (f1->floor, ==, 1);
    g_assert_cmpuint (f1->present, ==, 2);
    g_assert_cmpuint (f1->expected, ==, 2);
    g_assert_cmpint (f2->floor, ==, 2);
    g_assert_cmpuint (f2->leave, ==, 1);
    g_assert_cmpuint (f2->absent, ==, 1);
    g_assert_cmpuint (f2->unchecked, ==, 0);
  }
  g_clear_object (&summary);
  summary = nt_night_check_summary (s.store, "2025-03-01", "2025-03-31", &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (summary)), ==, 3);
  {
    g_autoptr(NtNightSummary) b = g_list_model_get_item (G_LIST_MODEL (summary), 2);

    g_assert_cmpstr (b->building_name, ==, "Nhà B");
    g_assert_cmpuint (b->late, ==, 1);
    g_assert_cmpuint (b->unchecked, ==, 1);
  }

  month = nt_night_check_student_month (s.store, s.moved, 2025, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (month->len, ==, 31);
  g_assert_cmpint (g_array_index (month, guint8, 7), ==, NT_NIGHT_PRESENT);
  g_assert_cmpint (g_array_index (month, guint8, 14), ==, NT_NIGHT_LATE);
  g_assert_cmpint (g_array_index (month, guint8, 0), ==, NT_NIGHT_NONE);
  g_array_unref (month);
  month = nt_night_check_student_month (s.store, s.other, 2025, 3, &error);
  g_assert_cmpint (g_array_index (month, guint8, 14), ==, NT_NIGHT_UNCHECKED);
  g_array_unref (month);
  month = nt_night_check_student_month (s.store, s.other, 2025, 13, &error);
  g_assert_null (month);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);

  /* The 8th: A closed (4 of 4), B not started (1 expected). */
  progress = nt_night_check_tonight (s.store, "2025-03-08", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (progress)), ==, 2);
  {
    g_autoptr(NtCheckProgress) a = g_list_model_get_item (G_LIST_MODEL (progress), 0);
    g_autoptr(NtCheckProgress) b = g_list_model_get_item (G_LIST_MODEL (progress), 1);

    g_assert_cmpstr (a->building_name, ==, "Nhà A");
    g_assert_cmpuint (a->checked, ==, 4);
    g_assert_cmpuint (a->expected, ==, 4);
    g_assert_true (a->closed);
    g_assert_cmpuint (b->n_checks, ==, 0);
    g_assert_cmpuint (b->expected, ==, 1);
    g_assert_false (b->closed);
  }
  g_clear_object (&progress);
  /* The 20th: floor 2 of A started; floor 1 counted from the beds. */
  start (&s, "2025-03-20", s.a, 2);
  progress = nt_night_check_tonight (s.store, "2025-03-20", &error);
  {
    g_autoptr(NtCheckProgress) a = g_list_model_get_item (G_LIST_MODEL (progress), 0);

    g_assert_cmpuint (a->n_checks, ==, 1);
    g_assert_cmpuint (a->expected, ==, 2);   /* floor 1 is empty since the 15th */
    g_assert_cmpuint (a->checked, ==, 0);
    g_assert_false (a->closed);
  }

  /* The list of checks, newest first. */
  {
    g_autoptr(GListStore) checks = nt_night_check_list (s.store, "2025-03-01", "2025-03-31", &error);
    g_autoptr(NtNightCheck) first = g_list_model_get_item (G_LIST_MODEL (checks), 0);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (checks)), ==, 3);
    g_assert_cmpstr (first->night, ==, "2025-03-20");
    g_assert_cmpint (first->floor, ==, 2);
  }
}

static void
test_words (void)
{
  g_autofree char *night = nt_night_check_default_night ();
  g_autoptr(GDate) date = nt_date_from_iso (night);

  g_assert_nonnull (date);
  g_assert_cmpint (nt_night_status_from_string (NULL), ==, NT_NIGHT_UNCHECKED);
  g_assert_cmpint (nt_night_status_from_string ("late"), ==, NT_NIGHT_LATE);
  g_assert_cmpint (nt_night_status_from_string ("nope"), ==, NT_NIGHT_NONE);
  g_assert_cmpstr (nt_night_status_to_string (NT_NIGHT_SICK), ==, "sick");
  g_assert_null (nt_night_status_to_string (NT_NIGHT_UNCHECKED));
  g_assert_true (nt_night_status_valid ("present"));
  g_assert_false (nt_night_status_valid ("Present"));
  g_assert_false (nt_night_status_valid (NULL));
  for (NtNightStatus st = NT_NIGHT_PRESENT; st <= NT_NIGHT_LATE; st++)
    g_assert_cmpstr (nt_night_status_label (nt_night_status_to_string (st)), !=, "");
  g_assert_cmpstr (nt_night_status_label (NULL), !=, "");
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);
  g_test_add_func ("/night-checks/expected", test_expected);
  g_test_add_func ("/night-checks/curfew", test_curfew);
  g_test_add_func ("/night-checks/start", test_start);
  g_test_add_func ("/night-checks/mark", test_mark);
  g_test_add_func ("/night-checks/room-present-skips-overdue", test_room_present_skips_overdue);
  g_test_add_func ("/night-checks/close-and-correct", test_close_and_correct);
  g_test_add_func ("/night-checks/history", test_history);
  g_test_add_func ("/night-checks/words", test_words);
  return g_test_run ();
}
