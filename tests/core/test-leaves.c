/* test-leaves.c: a boarder's leave: refusals, states, overdue, bulk */
#include <string.h>

#include "nt-assignments.h"
#include "nt-error.h"
#include "nt-leaves.h"
#include "nt-rooms.h"
#include "nt-staff.h"
#include "nt-students.h"
#include "nt-test-util.h"

#include "rooms-fixture.h"

static gint64
fx_staff (NtStore    *store,
          const char *name)
{
  static int n;
  g_autofree char *code = g_strdup_printf ("GV%03d", ++n);
  NtStaffInput in = { code, name, "F", "supervisor", "" };
  g_autoptr(GError) error = NULL;
  gint64 id = nt_staff_add (store, &in, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static NtLeaveInput
leave_input (gint64      student,
             const char *from,
             const char *to)
{
  NtLeaveInput in = { student, from, to, "home", "Bắc Hà", "Lò Văn Bố", "0912345678", NULL, 0 };

  return in;
}

static gint64
n_leaves (NtStore *store)
{
  return fx_count (store, "SELECT count(*) FROM leaves");
}

static void
assert_message_has (const GError *error,
                    const char   *part)
{
  g_assert_nonnull (error);
  if (strstr (error->message, part) == NULL)
    g_error ("“%s” not in the message “%s”", part, error->message);
}

/* Every refusal of the issue, each with nothing written. */
static void
test_create_refused (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 c10 = fx_class (store, "10A1", 10);
  gint64 boarder = fx_student (store, "Nguyễn Văn An", "M", c10);
  gint64 day = fx_student_full (store, "Lò Thị Ngày", "F", c10, "day", "", "", "", "");
  gint64 gone = fx_student (store, "Vàng A Đi", "M", c10);
  gint64 staff = fx_staff (store, "Trần Thị Duyệt");
  NtLeaveInput in;
  gint64 first;

  g_assert_true (nt_students_mark_left (store, gone, "2025-02-01", "chuyển trường", &error));
  g_assert_no_error (error);

  in = leave_input (boarder, "2025-03-07 17:00", "2025-03-09 17:00");
  first = nt_leaves_create (store, &in, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);
  g_assert_cmpint (n_leaves (store), ==, 1);
  {
    g_autoptr(NtLeave) l = nt_leaves_load (store, first, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (l->state, ==, "requested");
    g_assert_cmpint (l->approved_by, ==, 0);
  }

  /* Ends before it starts, or when it starts. */
  in = leave_input (boarder, "2025-03-14 17:00", "2025-03-14 08:00");
  g_assert_cmpint (nt_leaves_create (store, &in, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  assert_message_has (error, "Nguyễn Văn An");
  assert_message_has (error, "14/03/2025 08:00");
  g_clear_error (&error);
  in = leave_input (boarder, "2025-03-14 17:00", "2025-03-14 17:00");
  g_assert_cmpint (nt_leaves_create (store, &in, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);

  /* Not a time. */
  in = leave_input (boarder, "2025-03-14 25:00", "2025-03-15 08:00");
  g_assert_cmpint (nt_leaves_create (store, &in, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  assert_message_has (error, "2025-03-14 25:00");
  g_clear_error (&error);
  in = leave_input (boarder, "14/03/2025 17:00", "2025-03-15 08:00");
  g_assert_cmpint (nt_leaves_create (store, &in, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);

  /* A reason that is not one of the five. */
  in = leave_input (boarder, "2025-03-14 17:00", "2025-03-15 08:00");
  in.reason = "holiday";
  g_assert_cmpint (nt_leaves_create (store, &in, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  assert_message_has (error, "holiday");
  g_clear_error (&error);

  /* Overlapping the first leave, at either end or inside. */
  in = leave_input (boarder, "2025-03-09 08:00", "2025-03-10 08:00");
  g_assert_cmpint (nt_leaves_create (store, &in, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  assert_message_has (error, "Nguyễn Văn An");
  assert_message_has (error, "07/03/2025 17:00");
  assert_message_has (error, "09/03/2025 17:00");
  assert_message_has (error, "10/03/2025 08:00");
  g_clear_error (&error);
  in = leave_input (boarder, "2025-03-08 08:00", "2025-03-08 10:00");
  g_assert_false (nt_leaves_check (store, &in, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (n_leaves (store), ==, 1);

  /* Right after it is not an overlap. */
  in = leave_input (boarder, "2025-03-09 17:00", "2025-03-09 20:00");
  g_assert_cmpint (nt_leaves_create (store, &in, &error), >, 0);
  g_assert_no_error (error);

  /* A cancelled leave does not block. */
  g_assert_true (nt_leaves_cancel (store, first, &error));
  in = leave_input (boarder, "2025-03-08 08:00", "2025-03-08 10:00");
  g_assert_cmpint (nt_leaves_create (store, &in, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (n_leaves (store), ==, 3);

  /* Not boarding; left the school; does not exist. */
  in = leave_input (day, "2025-03-14 17:00", "2025-03-15 08:00");
  g_assert_cmpint (nt_leaves_create (store, &in, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  assert_message_has (error, "Lò Thị Ngày");
  assert_message_has (error, "14/03/2025 17:00");
  g_clear_error (&error);
  in = leave_input (gone, "2025-03-14 17:00", "2025-03-15 08:00");
  g_assert_cmpint (nt_leaves_create (store, &in, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  assert_message_has (error, "Vàng A Đi");
  assert_message_has (error, "01/02/2025");
  g_clear_error (&error);
  in = leave_input (424242, "2025-03-14 17:00", "2025-03-15 08:00");
  g_assert_cmpint (nt_leaves_create (store, &in, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* An approver who does not exist; a phone that is not one. */
  in = leave_input (boarder, "2025-03-14 17:00", "2025-03-15 08:00");
  in.approved_by = staff + 100;
  g_assert_cmpint (nt_leaves_create (store, &in, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  in.approved_by = 0;
  in.guardian_phone = "12ab";
  g_assert_cmpint (nt_leaves_create (store, &in, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  assert_message_has (error, "12ab");
  g_clear_error (&error);

  g_assert_cmpint (n_leaves (store), ==, 3);

  /* Created approved when an approver is given. */
  in.guardian_phone = "+84 912.345.679";
  in.approved_by = staff;
  {
    gint64 id = nt_leaves_create (store, &in, &error);
    g_autoptr(NtLeave) l = NULL;

    g_assert_no_error (error);
    l = nt_leaves_load (store, id, "2025-03-14 12:00", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (l->state, ==, "approved");
    g_assert_cmpint (l->approved_by, ==, staff);
    g_assert_cmpstr (l->approved_by_name, ==, "Trần Thị Duyệt");
    g_assert_cmpstr (l->guardian_phone, ==, "0912345679");
    g_assert_cmpstr (l->student_name, ==, "Nguyễn Văn An");
    g_assert_cmpstr (l->class_name, ==, "10A1");
  }
}

/* requested → approved → out → returned, and what each state refuses. */
static void
test_states (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) history = NULL;
  gint64 c10 = fx_class (store, "10A1", 10);
  gint64 s = fx_student (store, "Giàng A Sử", "M", c10);
  gint64 staff = fx_staff (store, "Hoàng Văn Quản");
  NtLeaveInput in = leave_input (s, "2025-03-07 17:00", "2025-03-09 17:00");
  gint64 id = nt_leaves_create (store, &in, &error);
  gint64 later;

  g_assert_no_error (error);

  /* Not approved yet: cannot go out. */
  g_assert_false (nt_leaves_mark_out (store, id, "2025-03-07 17:05", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  assert_message_has (error, "Giàng A Sử");
  g_clear_error (&error);
  g_assert_false (nt_leaves_approve (store, id, staff + 50, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (fx_count (store, "SELECT count(*) FROM leaves WHERE state = 'requested'"), ==, 1);

  g_assert_true (nt_leaves_approve (store, id, staff, &error));
  g_assert_no_error (error);
  g_assert_false (nt_leaves_approve (store, id, staff, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (nt_leaves_mark_out (store, id, "7/3 17:05", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (nt_leaves_mark_out (store, id, "2025-03-07 17:05", &error));
  g_assert_no_error (error);

  /* Out: cannot be cancelled, and cannot come back before leaving. */
  g_assert_false (nt_leaves_cancel (store, id, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (nt_leaves_mark_returned (store, id, "2025-03-07 16:00", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  assert_message_has (error, "07/03/2025 17:05");
  g_clear_error (&error);

  g_assert_true (nt_leaves_mark_returned (store, id, "2025-03-09 15:30", &error));
  g_assert_no_error (error);
  g_assert_false (nt_leaves_cancel (store, id, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (nt_leaves_mark_returned (store, id, "2025-03-09 16:00", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);

  {
    g_autoptr(NtLeave) l = nt_leaves_load (store, id, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (l->state, ==, "returned");
    g_assert_cmpstr (l->out_at, ==, "2025-03-07 17:05");
    g_assert_cmpstr (l->returned_at, ==, "2025-03-09 15:30");
    g_assert_false (l->overdue);
  }
  /* A leave that ended early by returning ends there: the time after it
   * is free. */
  in = leave_input (s, "2025-03-09 16:00", "2025-03-09 20:00");
  later = nt_leaves_create (store, &in, &error);
  g_assert_no_error (error);
  g_assert_cmpint (later, >, 0);

  /* Approved and back without being marked out. */
  g_assert_true (nt_leaves_approve (store, later, staff, &error));
  g_assert_true (nt_leaves_mark_returned (store, later, "2025-03-09 19:00", &error));
  g_assert_no_error (error);

  g_assert_false (nt_leaves_approve (store, 9999, staff, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* History: newest first. */
  history = nt_leaves_student_history (store, s, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 2);
  {
    g_autoptr(NtLeave) first = g_list_model_get_item (G_LIST_MODEL (history), 0);
    g_assert_cmpint (first->id, ==, later);
  }

  /* Every change is in the audit log. */
  g_assert_cmpint (fx_count (store, "SELECT count(*) FROM audit_log WHERE table_name = 'leaves' AND action = 'update'"),
                   ==, 5);
}

static gboolean
has_leave (GListStore *list,
           gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(NtLeave) l = g_list_model_get_item (G_LIST_MODEL (list), i);
      if (l->id == id)
        return TRUE;
    }
  return FALSE;
}

/* Overdue is derived at a given time; who is out right now. */
static void
test_overdue (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 c10 = fx_class (store, "10A1", 10);
  gint64 a = fx_student (store, "Lý Văn Muộn", "M", c10);
  gint64 b = fx_student (store, "Lý Thị Đúng", "F", c10);
  gint64 c = fx_student (store, "Lý Văn Chờ", "M", c10);
  gint64 staff = fx_staff (store, "Hoàng Văn Quản");
  NtLeaveInput in;
  gint64 la, lb, lc;

  in = leave_input (a, "2025-03-07 17:00", "2025-03-09 17:00");
  in.approved_by = staff;
  la = nt_leaves_create (store, &in, &error);
  in = leave_input (b, "2025-03-07 17:00", "2025-03-09 17:00");
  in.approved_by = staff;
  lb = nt_leaves_create (store, &in, &error);
  in = leave_input (c, "2025-03-07 17:00", "2025-03-09 17:00");
  lc = nt_leaves_create (store, &in, &error);
  g_assert_no_error (error);
  g_assert_true (nt_leaves_mark_out (store, la, "2025-03-07 17:10", &error));
  g_assert_true (nt_leaves_mark_out (store, lb, "2025-03-07 17:10", &error));
  g_assert_true (nt_leaves_mark_returned (store, lb, "2025-03-09 16:30", &error));
  g_assert_no_error (error);

  {
    g_autoptr(GListStore) before = nt_leaves_overdue (store, "2025-03-09 16:59", &error);
    g_autoptr(GListStore) after = nt_leaves_overdue (store, "2025-03-09 18:00", &error);
    g_autoptr(NtLeave) l = nt_leaves_load (store, la, "2025-03-09 18:00", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (before)), ==, 0);
    /* a is out and late; b came back; c was never approved. */
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (after)), ==, 1);
    g_assert_true (has_leave (after, la));
    g_assert_true (l->overdue);
  }
  {
    g_autoptr(GListStore) sat = nt_leaves_out_now (store, "2025-03-08 12:00", &error);
    g_autoptr(GListStore) mon = nt_leaves_out_now (store, "2025-03-10 07:00", &error);
    g_autoptr(GListStore) fri = nt_leaves_out_now (store, "2025-03-07 16:00", &error);

    g_assert_no_error (error);
    /* Saturday: a and b away (b since back); c only requested. */
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sat)), ==, 2);
    g_assert_true (has_leave (sat, la));
    g_assert_true (has_leave (sat, lb));
    g_assert_false (has_leave (sat, lc));
    /* Monday: a is still out (overdue), b is back. */
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mon)), ==, 1);
    g_assert_true (has_leave (mon, la));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fri)), ==, 0);
  }

  g_assert_true (nt_leaves_mark_returned (store, la, "2025-03-10 07:30", &error));
  {
    g_autoptr(GListStore) after = nt_leaves_overdue (store, "2025-03-10 08:00", &error);
    g_autoptr(GListStore) range = nt_leaves_list_range (store, "2025-03-09", "2025-03-09", NULL, &error);
    g_autoptr(GListStore) none = nt_leaves_list_range (store, "2025-03-10", "2025-03-12", NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (after)), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (range)), ==, 3);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (none)), ==, 0);
  }
}

static NtLeaveSkip *
find_skip (GListStore *list,
           gint64      student)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(NtLeaveSkip) s = g_list_model_get_item (G_LIST_MODEL (list), i);
      if (s->student_id == student)
        return s;
    }
  return NULL;
}

/* Weekend leave for a list of students: one action, then exceptions. */
static void
test_bulk (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) skipped = NULL;
  g_autoptr(GArray) class_ids = NULL;
  g_autoptr(GArray) floor_ids = NULL;
  gint64 c10 = fx_class (store, "10A1", 10);
  gint64 c11 = fx_class (store, "11A1", 11);
  gint64 boys = fx_building (store, "Nhà A", "M");
  gint64 a101 = fx_room (store, boys, "A101", 4, "M");
  gint64 home1 = fx_student_full (store, "Hầu A Một", "M", c10, "boarding", "", "", "0987654321", "");
  gint64 home2 = fx_student (store, "Hầu A Hai", "M", c10);
  gint64 busy = fx_student (store, "Hầu A Bận", "M", c10);
  gint64 day = fx_student_full (store, "Hầu A Ngày", "M", c10, "day", "", "", "", "");
  gint64 gone = fx_student (store, "Hầu A Đi", "M", c11);
  gint64 staff = fx_staff (store, "Hoàng Văn Quản");
  gint64 ids[] = { home1, busy, day, home2, home1, gone, 777777 };
  NtLeaveInput in;
  guint created = 99;

  fx_exec_id (store, "UPDATE students SET guardian_name = 'Hầu A Bố' WHERE full_name = 'Hầu A Một'");
  g_assert_true (nt_students_mark_left (store, gone, "2025-02-01", "", &error));
  in = leave_input (busy, "2025-03-08 08:00", "2025-03-08 12:00");
  g_assert_cmpint (nt_leaves_create (store, &in, &error), >, 0);
  g_assert_no_error (error);

  /* A fault of the leave itself writes nothing at all. */
  in = leave_input (0, "2025-03-09 17:00", "2025-03-07 17:00");
  in.guardian_name = in.guardian_phone = NULL;
  g_assert_false (nt_leaves_create_bulk (store, &in, ids, G_N_ELEMENTS (ids), &created, &skipped, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (created, ==, 0);
  g_assert_null (skipped);
  g_assert_cmpint (n_leaves (store), ==, 1);

  in = leave_input (0, "2025-03-07 17:00", "2025-03-09 17:00");
  in.guardian_name = in.guardian_phone = NULL;
  in.approved_by = staff;
  g_assert_true (nt_leaves_create_bulk (store, &in, ids, G_N_ELEMENTS (ids), &created, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (created, ==, 2);
  g_assert_cmpint (n_leaves (store), ==, 3);
  g_assert_cmpint (fx_count (store, "SELECT count(*) FROM leaves WHERE state = 'approved' AND from_time = '2025-03-07 17:00'"),
                   ==, 2);
  /* The duplicate is not an exception; the four others are. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (skipped)), ==, 4);
  g_assert_nonnull (find_skip (skipped, busy));
  g_assert_nonnull (strstr (find_skip (skipped, busy)->message, "08/03/2025 08:00"));
  g_assert_cmpstr (find_skip (skipped, busy)->student_name, ==, "Hầu A Bận");
  g_assert_nonnull (strstr (find_skip (skipped, day)->message, "Hầu A Ngày"));
  g_assert_nonnull (strstr (find_skip (skipped, gone)->message, "Hầu A Đi"));
  g_assert_nonnull (find_skip (skipped, 777777));
  g_assert_null (find_skip (skipped, home1));
  /* The guardian is each student's own. */
  {
    g_autoptr(GListStore) h = nt_leaves_student_history (store, home1, NULL, &error);
    g_autoptr(NtLeave) l = g_list_model_get_item (G_LIST_MODEL (h), 0);

    g_assert_cmpstr (l->guardian_phone, ==, "0987654321");
    g_assert_cmpstr (l->guardian_name, ==, "Hầu A Bố");
  }

  /* The scopes a bulk leave is made for. */
  g_assert_true (nt_assign_to_bed (store, home1, fx_bed (store, a101, 1), "2025-03-01", "xếp phòng", &error));
  g_assert_true (nt_assign_to_bed (store, busy, fx_bed (store, a101, 2), "2025-03-01", "xếp phòng", &error));
  g_assert_no_error (error);
  class_ids = nt_leaves_scope_students (store, c10, 0, 0, "2025-03-07");
  g_assert_cmpuint (class_ids->len, ==, 3);       /* not the day student */
  floor_ids = nt_leaves_scope_students (store, 0, boys, 1, "2025-03-07");
  g_assert_cmpuint (floor_ids->len, ==, 2);
  g_array_unref (floor_ids);
  floor_ids = nt_leaves_scope_students (store, 0, boys, 1, "2025-02-20");
  g_assert_cmpuint (floor_ids->len, ==, 0);
}

static void
test_times (void)
{
  g_autofree char *shown = nt_leave_time_to_display ("2025-03-07 17:00");
  g_autofree char *now = nt_leave_time_now ();

  g_assert_cmpstr (shown, ==, "07/03/2025 17:00");
  g_assert_true (nt_leave_time_valid (now));
  g_assert_true (nt_leave_time_valid ("2024-02-29 00:00"));
  g_assert_false (nt_leave_time_valid ("2025-02-29 10:00"));
  g_assert_false (nt_leave_time_valid ("2025-03-07 17:60"));
  g_assert_false (nt_leave_time_valid ("2025-03-07T17:00"));
  g_assert_false (nt_leave_time_valid ("2025-03-07 17:00:00"));
  g_assert_false (nt_leave_time_valid (NULL));
  for (const char * const *r = nt_leave_reasons (); *r; r++)
    g_assert_cmpstr (nt_leave_reason_label (*r), !=, "");
  g_assert_cmpstr (nt_leave_state_label ("overdue"), !=, "");
}

/* A leave written without who the student goes with takes the guardian on
 * the student's record (whose phone an overdue leave calls); one given on
 * the form is kept. */
static void
test_guardian_from_student (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 c10 = fx_class (store, "10A1", 10);
  gint64 s = fx_student_full (store, "Giàng A Sử", "M", c10, "boarding", "", "", "0987654321", "");
  NtLeaveInput in = leave_input (s, "2025-03-07 17:00", "2025-03-09 17:00");
  gint64 id;

  g_assert_true (nt_store_exec (store, "UPDATE students SET guardian_name = 'Giàng A Pó'", &error));
  in.guardian_name = "";
  in.guardian_phone = "";
  id = nt_leaves_create (store, &in, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fx_count (store, "SELECT count(*) FROM leaves WHERE guardian_name = 'Giàng A Pó' "
                                    "AND guardian_phone = '0987654321'"), ==, 1);
  g_assert_true (nt_leaves_cancel (store, id, &error));
  g_assert_no_error (error);

  in = leave_input (s, "2025-03-14 17:00", "2025-03-16 17:00");
  g_assert_cmpint (nt_leaves_create (store, &in, &error), >, 0);
  g_assert_cmpint (fx_count (store, "SELECT count(*) FROM leaves WHERE guardian_name = 'Lò Văn Bố' "
                                    "AND guardian_phone = '0912345678'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);
  g_test_add_func ("/leaves/create-refused", test_create_refused);
  g_test_add_func ("/leaves/states", test_states);
  g_test_add_func ("/leaves/guardian-from-student", test_guardian_from_student);
  g_test_add_func ("/leaves/overdue", test_overdue);
  g_test_add_func ("/leaves/bulk", test_bulk);
  g_test_add_func ("/leaves/times", test_times);
  return g_test_run ();
}
