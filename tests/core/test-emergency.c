/* test-emergency.c: the emergency roll (điểm danh khẩn cấp) */
#include <string.h>

#include "nt-assignments.h"
#include "nt-emergency.h"
#include "nt-error.h"
#include "nt-leaves.h"
#include "nt-rooms.h"
#include "nt-staff.h"
#include "nt-students.h"
#include "nt-test-util.h"

#include "rooms-fixture.h"

/* The moment of the roll: a Monday night, 10 March 2025, 23:30. */
#define NOW "2025-03-10 23:30"

/* A small school:
 *   Nhà A (boys, assembly point "Sân trước"): A101 on floor 1, A201 on floor 2
 *   Nhà B (girls, assembly point "Sân sau"): B101 on floor 1
 *   an, binh  A101/1, A101/2 from the 1st
 *   ve        A201/1; on leave, marked out at 17:10 today      → not on the roll
 *   mai       A201/2; leave tomorrow 08:00–20:00               → on the roll
 *   cuc       B101/1, guardian phone 0912345678
 *   nghi      B101/2 until she left the school on the 5th       → not on the roll
 *   moi       B101/2 only from tomorrow                         → not on the roll
 *   ngoai     a day student, no bed                             → not on the roll
 * Staff:
 *   sup    supervisor, starts the roll, no duty                 → not on the roll
 *   dem    night shift 22:00–06:00 today, post "Trực nhà A" (Nhà A)  → on, Nhà A
 *   cong   night shift today, post "Cổng" (no building)         → on, no building
 *   ngay   day shift 06:00–22:00 today, post "Cổng"             → ended, not on
 *   qua    night shift yesterday (ended 06:00 today)            → not on
 *   nghi2  night shift today but no longer working here         → not on */
typedef struct
{
  NtStore *store;
  gint64   a, b;
  gint64   a101, a201, b101;
  gint64   an, binh, ve, mai, cuc, moi, nghi, ngoai;
  gint64   sup, dem, cong, ngay, qua, nghi2;
} School;

static gint64
fx_staff (NtStore    *store,
          const char *name,
          const char *role)
{
  static int n;
  g_autofree char *code = g_strdup_printf ("CB%03d", ++n);
  NtStaffInput in = { code, name, "M", role, "0987654321" };
  g_autoptr(GError) error = NULL;
  gint64 id = nt_staff_add (store, &in, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
fx_building_at (NtStore    *store,
                const char *name,
                const char *gender,
                const char *assembly_point)
{
  NtBuildingInput in = { name, gender, 3, assembly_point, NULL };
  g_autoptr(GError) error = NULL;
  gint64 id = nt_rooms_add_building (store, &in, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
fx_room_on (NtStore    *store,
            gint64      building,
            int         floor,
            const char *number,
            const char *gender)
{
  NtRoomInput in = { building, floor, number, 2, gender, "dorm", NULL };
  g_autoptr(GError) error = NULL;
  gint64 id = nt_rooms_add_room (store, &in, &error);

  g_assert_no_error (error);
  return id;
}

static void
put (School     *s,
     gint64      student,
     gint64      room,
     int         bed,
     const char *from)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (nt_assign_to_bed (s->store, student, fx_bed (s->store, room, bed), from, "xếp phòng", &error));
  g_assert_no_error (error);
}

static void
duty (School     *s,
      gint64      staff,
      const char *post,
      const char *shift,
      const char *date)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO duties (post_id, shift_id, staff_id, date) VALUES ("
                                          "(SELECT id FROM posts WHERE name = '%s'), "
                                          "(SELECT id FROM shift_templates WHERE name = '%s'), %" G_GINT64_FORMAT
                                          ", '%s')", post, shift, staff, date);

  fx_exec_id (s->store, sql);
}

static void
school_init (School *s)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  NtLeaveInput in = { 0, NULL, NULL, "home", "", "", "", NULL, 0 };
  gint64 c10, leave;

  s->store = nt_test_new_store ();
  c10 = fx_class (s->store, "10A1", 10);
  s->a = fx_building_at (s->store, "Nhà A", "M", "Sân trước");
  s->b = fx_building_at (s->store, "Nhà B", "F", "Sân sau");
  s->a101 = fx_room_on (s->store, s->a, 1, "A101", "M");
  s->a201 = fx_room_on (s->store, s->a, 2, "A201", "M");
  s->b101 = fx_room_on (s->store, s->b, 1, "B101", "F");

  s->an = fx_student (s->store, "Lò Văn An", "M", c10);
  s->binh = fx_student (s->store, "Lò Văn Bình", "M", c10);
  s->ve = fx_student (s->store, "Lò Văn Về", "M", c10);
  s->mai = fx_student (s->store, "Lò Văn Mai", "M", c10);
  s->cuc = fx_student_full (s->store, "Lò Thị Cúc", "F", c10, "boarding", "", "", "0912345678", "");
  s->moi = fx_student (s->store, "Lò Thị Mới", "F", c10);
  s->nghi = fx_student (s->store, "Lò Thị Nghỉ", "F", c10);
  s->ngoai = fx_student_full (s->store, "Lò Văn Ngoại", "M", c10, "day", "", "", "", "");

  put (s, s->an, s->a101, 1, "2025-03-01");
  put (s, s->binh, s->a101, 2, "2025-03-01");
  put (s, s->ve, s->a201, 1, "2025-03-01");
  put (s, s->mai, s->a201, 2, "2025-03-01");
  put (s, s->cuc, s->b101, 1, "2025-03-01");
  put (s, s->nghi, s->b101, 2, "2025-03-01");
  g_assert_true (nt_students_mark_left (s->store, s->nghi, "2025-03-05", "", &error));
  g_assert_no_error (error);
  put (s, s->moi, s->b101, 2, "2025-03-11");

  s->sup = fx_staff (s->store, "Quàng Văn Giám", "supervisor");
  s->dem = fx_staff (s->store, "Quàng Văn Đêm", "guard");
  s->cong = fx_staff (s->store, "Quàng Văn Cổng", "guard");
  s->ngay = fx_staff (s->store, "Quàng Văn Ngày", "guard");
  s->qua = fx_staff (s->store, "Quàng Văn Qua", "guard");
  s->nghi2 = fx_staff (s->store, "Quàng Văn Thôi", "guard");
  sql = g_strdup_printf ("UPDATE staff SET active = 0 WHERE id = %" G_GINT64_FORMAT, s->nghi2);
  fx_exec_id (s->store, sql);

  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("INSERT INTO posts (name, building_id) VALUES ('Trực nhà A', %" G_GINT64_FORMAT "), "
                         "('Cổng', NULL)", s->a);
  fx_exec_id (s->store, sql);
  fx_exec_id (s->store, "INSERT INTO shift_templates (name, start_time, end_time, is_night) VALUES "
                        "('Ca đêm', '22:00', '06:00', 1), ('Ca ngày', '06:00', '22:00', 0)");
  duty (s, s->dem, "Trực nhà A", "Ca đêm", "2025-03-10");
  duty (s, s->cong, "Cổng", "Ca đêm", "2025-03-10");
  duty (s, s->ngay, "Cổng", "Ca ngày", "2025-03-10");
  duty (s, s->qua, "Trực nhà A", "Ca đêm", "2025-03-09");
  duty (s, s->nghi2, "Trực nhà A", "Ca đêm", "2025-03-10");

  /* ve left at 17:10 today, back on the 12th; mai goes tomorrow. */
  in.approved_by = s->sup;
  in.student_id = s->ve;
  in.from_time = "2025-03-10 17:00";
  in.to_time = "2025-03-12 17:00";
  leave = nt_leaves_create (s->store, &in, &error);
  g_assert_no_error (error);
  g_assert_true (nt_leaves_mark_out (s->store, leave, "2025-03-10 17:10", &error));
  g_assert_no_error (error);
  in.student_id = s->mai;
  in.from_time = "2025-03-11 08:00";
  in.to_time = "2025-03-11 20:00";
  g_assert_cmpint (nt_leaves_create (s->store, &in, &error), >, 0);
  g_assert_no_error (error);
}

static void
school_clear (School *s)
{
  g_clear_object (&s->store);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (School, school_clear)

static gint64
start_at (School     *s,
          const char *now)
{
  g_autoptr(GError) error = NULL;
  gint64 id = nt_emergency_start_at (s->store, "fire", s->sup, now, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static GListStore *
entries (School *s,
         gint64  roll)
{
  g_autoptr(GError) error = NULL;
  GListStore *list = nt_emergency_entries (s->store, roll, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

/* The entry of a student or staff member (the other id 0), or NULL. */
static NtRollEntry *
find (GListStore *list,
      gint64      student,
      gint64      staff)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(NtRollEntry) e = g_list_model_get_item (G_LIST_MODEL (list), i);

      if ((student != 0 && e->student_id == student) || (staff != 0 && e->staff_id == staff))
        return e;  /* the list keeps it alive */
    }
  return NULL;
}

static gint64
entry_id (School *s,
          gint64  roll,
          gint64  student,
          gint64  staff)
{
  g_autoptr(GListStore) list = entries (s, roll);
  NtRollEntry *e = find (list, student, staff);

  g_assert_nonnull (e);
  return e->id;
}

static NtRollCounts
counts (School *s,
        gint64  roll)
{
  g_autoptr(GError) error = NULL;
  NtRollCounts c = { 0 };

  g_assert_true (nt_emergency_counts (s->store, roll, &c, NULL, &error));
  g_assert_no_error (error);
  return c;
}

/* ----- who is on the roll ----------------------------------------------- */

static void
test_who (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const order[] = {
    "Lò Văn An", "Lò Văn Bình", "Lò Văn Mai", "Quàng Văn Đêm",  /* Nhà A: A101, A201, then staff */
    "Lò Thị Cúc",                                                /* Nhà B */
    "Quàng Văn Cổng",                                            /* no building */
  };
  NtRollEntry *e;
  gint64 roll;
  guint n_audit_before;

  school_init (&s);
  n_audit_before = (guint) fx_count (s.store, "SELECT count (*) FROM audit_log");
  roll = start_at (&s, NOW);

  list = entries (&s, roll);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(NtRollEntry) row = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpstr (row->name, ==, order[i]);
      g_assert_cmpint (row->roll_id, ==, roll);
      g_assert_null (row->status);
      g_assert_null (row->marked_at);
    }

  /* Those who should not be there. */
  g_assert_null (find (list, s.ve, 0));     /* out on leave now */
  g_assert_null (find (list, s.moi, 0));    /* bed only from tomorrow */
  g_assert_null (find (list, s.nghi, 0));   /* left the school */
  g_assert_null (find (list, s.ngoai, 0));  /* day student */
  g_assert_null (find (list, 0, s.sup));    /* not on duty */
  g_assert_null (find (list, 0, s.ngay));   /* shift ended at 22:00 */
  g_assert_null (find (list, 0, s.qua));    /* last night's shift, ended at 06:00 */
  g_assert_null (find (list, 0, s.nghi2));  /* no longer on the staff */

  /* A student: class, building, assembly point, room, guardian. */
  e = find (list, s.cuc, 0);
  g_assert_nonnull (e);
  g_assert_cmpint (e->staff_id, ==, 0);
  g_assert_cmpstr (e->class_or_role, ==, "10A1");
  g_assert_cmpint (e->building_id, ==, s.b);
  g_assert_cmpstr (e->building_name, ==, "Nhà B");
  g_assert_cmpstr (e->assembly_point, ==, "Sân sau");
  g_assert_cmpstr (e->room_number, ==, "B101");
  g_assert_cmpint (e->floor, ==, 1);
  g_assert_cmpstr (e->guardian_phone, ==, "0912345678");
  g_assert_null (e->post_name);
  e = find (list, s.mai, 0);
  g_assert_cmpstr (e->room_number, ==, "A201");
  g_assert_cmpint (e->floor, ==, 2);
  g_assert_cmpstr (e->assembly_point, ==, "Sân trước");

  /* Staff: the post's building, or none. */
  e = find (list, 0, s.dem);
  g_assert_nonnull (e);
  g_assert_cmpint (e->student_id, ==, 0);
  g_assert_cmpint (e->building_id, ==, s.a);
  g_assert_cmpstr (e->post_name, ==, "Trực nhà A");
  g_assert_cmpstr (e->class_or_role, ==, nt_staff_role_label ("guard"));
  g_assert_cmpstr (e->phone, ==, "0987654321");
  g_assert_null (e->room_number);
  e = find (list, 0, s.cong);
  g_assert_cmpint (e->building_id, ==, 0);
  g_assert_null (e->building_name);
  g_assert_cmpstr (e->post_name, ==, "Cổng");

  /* The roll itself, and its audit trail (the roll and its six people). */
  {
    g_autoptr(NtEmergencyRoll) r = nt_emergency_load (s.store, roll, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (r->kind, ==, "fire");
    g_assert_cmpstr (r->started_at, ==, NOW ":00");
    g_assert_null (r->ended_at);
    g_assert_cmpint (r->started_by, ==, s.sup);
    g_assert_cmpstr (r->started_by_name, ==, "Quàng Văn Giám");
    g_assert_cmpuint (r->counts.total, ==, 6);
    g_assert_cmpuint (r->counts.unaccounted, ==, 6);
  }
  g_assert_cmpint (fx_count (s.store, "SELECT count (*) FROM audit_log"), ==, n_audit_before + 7);
  g_assert_cmpint (nt_emergency_find_open (s.store), ==, roll);
}

/* A shift that crosses midnight covers the small hours of the next day,
 * and stops at its end. */
static void
test_midnight (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(GListStore) before = NULL;
  g_autoptr(GListStore) at_end = NULL;
  g_autoptr(GListStore) morning = NULL;

  school_init (&s);
  before = entries (&s, start_at (&s, "2025-03-11 05:59"));
  g_assert_nonnull (find (before, 0, s.dem));
  g_assert_nonnull (find (before, 0, s.cong));
  g_assert_cmpstr (find (before, 0, s.dem)->post_name, ==, "Trực nhà A");
  /* Now moi has her bed (from the 11th); ve is still out. */
  g_assert_nonnull (find (before, s.moi, 0));
  g_assert_null (find (before, s.ve, 0));

  at_end = entries (&s, start_at (&s, "2025-03-11 06:00"));
  g_assert_null (find (at_end, 0, s.dem));
  g_assert_null (find (at_end, 0, s.cong));

  /* Yesterday's night shift covered the early morning of the 10th. */
  morning = entries (&s, start_at (&s, "2025-03-10 05:00"));
  g_assert_nonnull (find (morning, 0, s.qua));
  g_assert_null (find (morning, 0, s.dem));
  g_assert_null (find (morning, 0, s.ngay));
  /* Before ve left. */
  g_assert_nonnull (find (morning, s.ve, 0));
}

/* ----- marking ----------------------------------------------------------- */

static void
test_mark (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(NtRollEntry) e = NULL;
  gint64 roll, an, binh, cuc;
  NtRollCounts c;

  school_init (&s);
  roll = start_at (&s, NOW);
  an = entry_id (&s, roll, s.an, 0);
  binh = entry_id (&s, roll, s.binh, 0);
  cuc = entry_id (&s, roll, s.cuc, 0);

  g_assert_true (nt_emergency_mark (s.store, an, "safe", &error));
  g_assert_no_error (error);
  g_assert_true (nt_emergency_mark (s.store, binh, "injured", &error));
  g_assert_true (nt_emergency_mark (s.store, cuc, "missing", &error));
  g_assert_no_error (error);

  e = nt_emergency_load_entry (s.store, an, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (e->status, ==, "safe");
  g_assert_nonnull (e->marked_at);
  g_assert_cmpuint (strlen (e->marked_at), ==, 19);

  c = counts (&s, roll);
  g_assert_cmpuint (c.total, ==, 6);
  g_assert_cmpuint (c.safe, ==, 1);
  g_assert_cmpuint (c.injured, ==, 1);
  g_assert_cmpuint (c.missing, ==, 1);
  g_assert_cmpuint (c.away, ==, 0);
  g_assert_cmpuint (c.unaccounted, ==, 3);

  /* cuc is found: missing becomes safe; a mistaken mark is taken back. */
  g_assert_true (nt_emergency_mark (s.store, cuc, "safe", &error));
  g_assert_true (nt_emergency_mark (s.store, an, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&e);
  e = nt_emergency_load_entry (s.store, an, &error);
  g_assert_null (e->status);
  g_assert_null (e->marked_at);
  c = counts (&s, roll);
  g_assert_cmpuint (c.safe, ==, 1);
  g_assert_cmpuint (c.missing, ==, 0);
  g_assert_cmpuint (c.unaccounted, ==, 4);

  /* A status that is not one, an entry that does not exist. */
  g_assert_false (nt_emergency_mark (s.store, binh, "present", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Lò Văn Bình"));
  g_clear_error (&error);
  g_assert_false (nt_emergency_mark (s.store, binh, "", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (fx_count (s.store, "SELECT count (*) FROM emergency_roll_entries WHERE status = 'injured'"), ==, 1);
  g_assert_false (nt_emergency_mark (s.store, 9999, "safe", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (nt_emergency_load_entry (s.store, 9999, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
}

static void
test_building_safe (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) groups = NULL;
  g_autoptr(GListStore) list = NULL;
  g_autoptr(NtRollGroup) ga = NULL;
  g_autoptr(NtRollGroup) gb = NULL;
  g_autoptr(NtRollGroup) gnone = NULL;
  NtRollCounts c;
  gint64 roll;
  guint n = 99;

  school_init (&s);
  roll = start_at (&s, NOW);
  g_assert_true (nt_emergency_mark (s.store, entry_id (&s, roll, s.binh, 0), "injured", &error));
  g_assert_true (nt_emergency_mark (s.store, entry_id (&s, roll, s.cuc, 0), "away", &error));
  g_assert_no_error (error);

  /* Nhà A: an, mai and the night guard are marked; binh stays injured. */
  g_assert_true (nt_emergency_mark_building_safe (s.store, roll, s.a, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  list = entries (&s, roll);
  g_assert_cmpstr (find (list, s.an, 0)->status, ==, "safe");
  g_assert_cmpstr (find (list, s.mai, 0)->status, ==, "safe");
  g_assert_cmpstr (find (list, 0, s.dem)->status, ==, "safe");
  g_assert_nonnull (find (list, 0, s.dem)->marked_at);
  g_assert_cmpstr (find (list, s.binh, 0)->status, ==, "injured");
  g_assert_null (find (list, 0, s.cong)->status);

  /* Counts overall and per building, in the order of the entries. */
  g_assert_true (nt_emergency_counts (s.store, roll, &c, &groups, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.total, ==, 6);
  g_assert_cmpuint (c.safe, ==, 3);
  g_assert_cmpuint (c.injured, ==, 1);
  g_assert_cmpuint (c.away, ==, 1);
  g_assert_cmpuint (c.unaccounted, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (groups)), ==, 3);
  ga = g_list_model_get_item (G_LIST_MODEL (groups), 0);
  gb = g_list_model_get_item (G_LIST_MODEL (groups), 1);
  gnone = g_list_model_get_item (G_LIST_MODEL (groups), 2);
  g_assert_cmpint (ga->building_id, ==, s.a);
  g_assert_cmpstr (ga->building_name, ==, "Nhà A");
  g_assert_cmpstr (ga->assembly_point, ==, "Sân trước");
  g_assert_cmpuint (ga->counts.total, ==, 4);
  g_assert_cmpuint (ga->counts.safe, ==, 3);
  g_assert_cmpuint (ga->counts.injured, ==, 1);
  g_assert_cmpuint (ga->counts.unaccounted, ==, 0);
  g_assert_cmpint (gb->building_id, ==, s.b);
  g_assert_cmpuint (gb->counts.total, ==, 1);
  g_assert_cmpuint (gb->counts.away, ==, 1);
  g_assert_cmpint (gnone->building_id, ==, 0);
  g_assert_null (gnone->building_name);
  g_assert_cmpuint (gnone->counts.total, ==, 1);
  g_assert_cmpuint (gnone->counts.unaccounted, ==, 1);

  /* Again: nobody left to mark. Building 0: the people with no building. */
  g_assert_true (nt_emergency_mark_building_safe (s.store, roll, s.a, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (nt_emergency_mark_building_safe (s.store, roll, 0, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (counts (&s, roll).unaccounted, ==, 0);

  /* A building or a roll that does not exist. */
  g_assert_false (nt_emergency_mark_building_safe (s.store, roll, 9999, &n, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (nt_emergency_mark_building_safe (s.store, 9999, s.a, &n, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
}

/* ----- ending ------------------------------------------------------------ */

static void
test_end (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) left = NULL;
  g_autoptr(GListStore) rolls = NULL;
  g_autoptr(NtRollEntry) first = NULL;
  g_autoptr(NtRollEntry) second = NULL;
  g_autoptr(NtEmergencyRoll) r = NULL;
  g_autoptr(NtEmergencyRoll) newest = NULL;
  g_autoptr(NtEmergencyRoll) oldest = NULL;
  gint64 drill, roll, an;
  guint n = 99;

  school_init (&s);
  drill = start_at (&s, "2025-03-10 05:00");
  roll = start_at (&s, NOW);
  an = entry_id (&s, roll, s.an, 0);
  g_assert_true (nt_emergency_mark_building_safe (s.store, roll, s.a, &n, &error));
  g_assert_no_error (error);

  /* An end before the start is refused, nothing written. */
  g_assert_false (nt_emergency_end_at (s.store, roll, "", "2025-03-10 23:29", &left, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (left);
  g_assert_false (nt_emergency_end_at (s.store, roll, "", "10/03/2025 23:45", &left, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (fx_count (s.store, "SELECT count (*) FROM emergency_rolls WHERE ended_at IS NOT NULL"), ==, 0);

  /* Ended with two still unaccounted for: cuc and the gate guard. */
  g_assert_true (nt_emergency_end_at (s.store, roll, "Báo cháy giả", "2025-03-10 23:50", &left, &error));
  g_assert_no_error (error);
  g_assert_nonnull (left);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (left)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (left), 0);
  second = g_list_model_get_item (G_LIST_MODEL (left), 1);
  g_assert_cmpint (first->student_id, ==, s.cuc);
  g_assert_cmpstr (first->guardian_phone, ==, "0912345678");
  g_assert_cmpint (second->staff_id, ==, s.cong);

  r = nt_emergency_load (s.store, roll, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (r->ended_at, ==, "2025-03-10 23:50:00");
  g_assert_cmpstr (r->note, ==, "Báo cháy giả");
  g_assert_cmpuint (r->counts.safe, ==, 4);
  g_assert_cmpuint (r->counts.unaccounted, ==, 2);
  g_assert_cmpint (nt_emergency_find_open (s.store), ==, drill);

  /* An ended roll is read-only. */
  g_assert_false (nt_emergency_mark (s.store, an, "injured", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Lò Văn An"));
  g_clear_error (&error);
  g_assert_false (nt_emergency_mark (s.store, an, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (nt_emergency_mark_building_safe (s.store, roll, 0, &n, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (nt_emergency_end_at (s.store, roll, "again", "2025-03-11 00:10", NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (fx_count (s.store, "SELECT count (*) FROM emergency_roll_entries WHERE status = 'safe'"), ==, 4);
  g_assert_cmpint (fx_count (s.store, "SELECT count (*) FROM emergency_roll_entries WHERE status IS NULL "
                                      "AND roll_id = (SELECT max (id) FROM emergency_rolls)"), ==, 2);
  g_clear_object (&r);
  r = nt_emergency_load (s.store, roll, &error);
  g_assert_cmpstr (r->note, ==, "Báo cháy giả");
  g_assert_cmpstr (r->ended_at, ==, "2025-03-10 23:50:00");

  /* A roll that does not exist. */
  g_assert_false (nt_emergency_end_at (s.store, 9999, NULL, NOW, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Past rolls, newest first, with their times and counts. */
  rolls = nt_emergency_list (s.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rolls)), ==, 2);
  newest = g_list_model_get_item (G_LIST_MODEL (rolls), 0);
  oldest = g_list_model_get_item (G_LIST_MODEL (rolls), 1);
  g_assert_cmpint (newest->id, ==, roll);
  g_assert_cmpstr (newest->ended_at, ==, "2025-03-10 23:50:00");
  g_assert_cmpuint (newest->counts.total, ==, 6);
  g_assert_cmpuint (newest->counts.safe, ==, 4);
  g_assert_cmpuint (newest->counts.unaccounted, ==, 2);
  g_assert_cmpint (oldest->id, ==, drill);
  g_assert_cmpstr (oldest->started_at, ==, "2025-03-10 05:00:00");
  g_assert_null (oldest->ended_at);
  /* 05:00: an, binh, ve (not yet out), mai, cuc, and last night's guard. */
  g_assert_cmpuint (oldest->counts.total, ==, 6);
  g_assert_cmpuint (oldest->counts.unaccounted, ==, 6);
}

/* ----- bad input and the clock ------------------------------------------ */

/* Visitors inside the gate when the roll starts are on it (in the group
 * with no building, as visitors); those gone out, or not yet come, are not. */
static void
test_visitors (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(GListStore) list = NULL;
  guint n_visitors = 0;
  gint64 roll;

  school_init (&s);
  g_assert_cmpint (sqlite3_exec (nt_store_get_db (s.store),
                                 "INSERT INTO visitors (name, phone, in_at) VALUES ('Hoàng Văn Khách', '0912345678', '2025-03-10 21:00');"
                                 "INSERT INTO visitors (name, in_at, out_at) VALUES ('Người Đã Về', '2025-03-10 20:00', '2025-03-10 20:30');"
                                 "INSERT INTO visitors (name, in_at) VALUES ('Người Chưa Đến', '2025-03-11 08:00');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  roll = start_at (&s, NOW);
  list = entries (&s, roll);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(NtRollEntry) e = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (e->visitor_id == 0)
        continue;
      n_visitors++;
      g_assert_cmpstr (e->name, ==, "Hoàng Văn Khách");
      g_assert_cmpstr (e->phone, ==, "0912345678");
      g_assert_cmpint (e->building_id, ==, 0);
      g_assert_true (nt_emergency_mark (s.store, e->id, "safe", NULL));
    }
  g_assert_cmpuint (n_visitors, ==, 1);
}

static void
test_bad_input (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(GError) error = NULL;

  school_init (&s);
  g_assert_cmpint (nt_emergency_start_at (s.store, "flood", s.sup, NOW, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (nt_emergency_start_at (s.store, NULL, s.sup, NOW, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (nt_emergency_start_at (s.store, "fire", s.sup, "2025-03-10", &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (nt_emergency_start_at (s.store, "fire", s.sup, "2025-02-30 10:00", &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (nt_emergency_start_at (s.store, "fire", 9999, NOW, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (fx_count (s.store, "SELECT count (*) FROM emergency_rolls"), ==, 0);
  g_assert_cmpint (fx_count (s.store, "SELECT count (*) FROM emergency_roll_entries"), ==, 0);
  g_assert_null (nt_emergency_load (s.store, 1, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (nt_emergency_find_open (s.store), ==, 0);

  /* Nobody signed in (0) is allowed: an emergency is never refused. */
  g_assert_cmpint (nt_emergency_start_at (s.store, "evacuation", 0, NOW, &error), >, 0);
  g_assert_no_error (error);
}

/* The plain functions use the local time. */
static void
test_now (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) clock = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (clock, "%Y-%m-%d");
  g_autoptr(NtEmergencyRoll) r = NULL;
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GListStore) left = NULL;
  gint64 roll;

  school_init (&s);
  roll = nt_emergency_start (s.store, "drill", s.sup, &error);
  g_assert_no_error (error);
  g_assert_cmpint (roll, >, 0);
  r = nt_emergency_load (s.store, roll, &error);
  g_assert_cmpuint (strlen (r->started_at), ==, 19);
  /* Today, or tomorrow if midnight passed between the two readings. */
  g_assert_cmpint (strncmp (r->started_at, today, 10), >=, 0);
  /* Today the beds of March 2025 are still held; ve has not come back. */
  list = entries (&s, roll);
  g_assert_nonnull (find (list, s.an, 0));
  g_assert_nonnull (find (list, s.moi, 0));
  g_assert_null (find (list, s.ve, 0));
  g_assert_null (find (list, 0, s.dem));

  g_assert_true (nt_emergency_end (s.store, roll, NULL, &left, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (left)), ==, g_list_model_get_n_items (G_LIST_MODEL (list)));
  g_clear_object (&r);
  r = nt_emergency_load (s.store, roll, &error);
  g_assert_nonnull (r->ended_at);
  g_assert_cmpstr (r->ended_at, >=, r->started_at);
  g_assert_cmpstr (r->note, ==, "");
}

static void
test_words (void)
{
  const char * const *kinds = nt_emergency_kinds ();
  const char * const *statuses = nt_emergency_statuses ();

  g_assert_cmpuint (g_strv_length ((char **) kinds), ==, 4);
  for (guint i = 0; kinds[i]; i++)
    {
      g_assert_true (nt_emergency_kind_valid (kinds[i]));
      g_assert_cmpstr (nt_emergency_kind_label (kinds[i]), !=, "");
    }
  g_assert_false (nt_emergency_kind_valid ("flood"));
  g_assert_false (nt_emergency_kind_valid (NULL));
  g_assert_cmpstr (nt_emergency_kind_label ("flood"), ==, "");

  g_assert_cmpuint (g_strv_length ((char **) statuses), ==, 4);
  for (guint i = 0; statuses[i]; i++)
    {
      g_assert_true (nt_emergency_status_valid (statuses[i]));
      g_assert_cmpstr (nt_emergency_status_label (statuses[i]), !=, "");
      g_assert_cmpstr (nt_emergency_status_label (statuses[i]), !=, nt_emergency_status_label (NULL));
    }
  g_assert_false (nt_emergency_status_valid ("present"));
  g_assert_false (nt_emergency_status_valid (NULL));
  g_assert_cmpstr (nt_emergency_status_label (NULL), !=, "");
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);
  g_test_add_func ("/emergency/who", test_who);
  g_test_add_func ("/emergency/visitors", test_visitors);
  g_test_add_func ("/emergency/midnight", test_midnight);
  g_test_add_func ("/emergency/mark", test_mark);
  g_test_add_func ("/emergency/building-safe", test_building_safe);
  g_test_add_func ("/emergency/end", test_end);
  g_test_add_func ("/emergency/bad-input", test_bad_input);
  g_test_add_func ("/emergency/now", test_now);
  g_test_add_func ("/emergency/words", test_words);
  return g_test_run ();
}
