/* test-assign.c: the term-start auto-assignment */
#include "nt-assign.h"
#include "nt-assignments.h"
#include "nt-error.h"
#include "nt-priority.h"
#include "nt-rooms.h"
#include "nt-test-util.h"

#include "rooms-fixture.h"

static NtAssignOptions
only (NtAssignPreference pref)
{
  NtAssignOptions o;

  nt_assign_options_init (&o);
  for (guint i = 0; i < NT_ASSIGN_N_PREFS; i++)
    o.enabled[i] = i == pref;
  return o;
}

static gint64
room_in_plan (NtAssignPlan *plan,
              gint64        student)
{
  NtAssignChange *c = nt_assign_plan_lookup (plan, student);

  g_assert_nonnull (c);
  return c->room_id;
}

static void
test_priority (void)
{
  guint n = 0;
  const NtPriorityCategory *cats = nt_priority_categories (&n);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (n, >=, 6);
  g_assert_nonnull (cats);
  g_assert_nonnull (nt_priority_lookup ("ethnic_minority"));
  g_assert_cmpint (nt_priority_score ("ethnic_minority,orphan"), ==,
                   nt_priority_lookup ("ethnic_minority")->points + nt_priority_lookup ("orphan")->points);
  g_assert_cmpint (nt_priority_score (""), ==, 0);
  g_assert_true (nt_priority_validate ("female, poor_household", &error));
  g_assert_false (nt_priority_validate ("female,martian", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
}

/* Boys' rooms hard rules: gender, locked beds, inactive rooms; unplaceable
 * girls with the reason; priority decides who waits. */
static void
test_hard_rules (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NtAssignPlan) plan = NULL;
  g_autoptr(GListStore) waiting = NULL;
  gint64 boys = fx_building (store, "Nhà A", "M");
  gint64 girls = fx_building (store, "Nhà B", "F");
  gint64 a101 = fx_room (store, boys, "A101", 2, "M");
  gint64 a102 = fx_room (store, boys, "A102", 2, "M");
  gint64 b101 = fx_room (store, girls, "B101", 1, "F");
  gint64 c10 = fx_class (store, "10A1", 10);
  gint64 boy[3], low, high;

  for (int i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("Học Sinh Nam %d", i);
      boy[i] = fx_student (store, name, "M", c10);
    }
  low = fx_student_full (store, "Lò Thị Thấp", "F", c10, "boarding", "", "", "", "female");
  high = fx_student_full (store, "Lò Thị Cao", "F", c10, "boarding", "", "", "", "orphan,ethnic_minority");

  g_assert_true (nt_rooms_set_bed_locked (store, fx_bed (store, a101, 1), TRUE, &error));
  g_assert_true (nt_rooms_set_room_active (store, a102, FALSE, &error));

  plan = nt_assign_propose (store, NULL, NULL, &error);
  g_assert_no_error (error);
  /* One boys' bed (A101/2): one boy placed, two wait; one girls' bed: the
   * orphan gets it. */
  g_assert_cmpuint (g_list_model_get_n_items (nt_assign_plan_get_changes (plan)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (nt_assign_plan_get_unplaced (plan)), ==, 3);
  g_assert_cmpint (room_in_plan (plan, high), ==, b101);
  g_assert_cmpint (room_in_plan (plan, low), ==, 0);
  {
    NtAssignChange *c = nt_assign_plan_lookup (plan, low);
    g_autofree char *grade = g_strdup_printf ("%d", 10);
    g_assert_nonnull (c->reason);
    g_assert_nonnull (strstr (c->reason, grade));
  }
  for (int i = 0; i < 3; i++)
    {
      NtAssignChange *c = nt_assign_plan_lookup (plan, boy[i]);
      if (c->bed_id != 0)
        g_assert_cmpint (c->bed_id, ==, fx_bed (store, a101, 2));
    }

  /* Editing re-checks: a boy into the girls' bed is refused. */
  g_assert_false (nt_assign_plan_set_bed (plan, boy[0], fx_bed (store, b101, 1), &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  /* ... and the locked bed is not one the plan can give. */
  g_assert_false (nt_assign_plan_set_bed (plan, boy[0], fx_bed (store, a101, 1), &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);

  /* The waiting list before applying: all five, by priority. */
  waiting = nt_assign_waiting_list (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (waiting)), ==, 5);
  {
    g_autoptr(NtAssignChange) first = g_list_model_get_item (G_LIST_MODEL (waiting), 0);
    g_assert_cmpint (first->student_id, ==, high);
  }
}

static void
test_returning (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NtAssignPlan) plan = NULL;
  NtAssignOptions o = only (NT_ASSIGN_PREF_RETURNING);
  gint64 boys = fx_building (store, "Nhà A", "M");
  gint64 c10 = fx_class (store, "10A1", 10);
  gint64 a101 = fx_room (store, boys, "A101", 2, "M");
  gint64 a102 = fx_room (store, boys, "A102", 2, "M");
  gint64 back = fx_student (store, "Lò Văn Về", "M", c10);
  gint64 other = fx_student (store, "Lò Văn Mới", "M", c10);

  (void) a101;
  g_assert_true (nt_assign_to_bed (store, back, fx_bed (store, a102, 1), "2024-09-01", "xếp phòng", &error));
  g_assert_true (nt_assign_take_out (store, back, "2025-05-30", "hè", &error));
  plan = nt_assign_propose (store, &o, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (room_in_plan (plan, back), ==, a102);
  g_assert_true (nt_assign_plan_lookup (plan, back)->returning);
  g_assert_cmpfloat (nt_assign_plan_get_score (plan, NT_ASSIGN_PREF_RETURNING), >, 0);
  g_assert_nonnull (nt_assign_plan_lookup (plan, other));
  nt_assign_plan_free (g_steal_pointer (&plan));

  /* Switched off, the first room in order wins. */
  o.enabled[NT_ASSIGN_PREF_RETURNING] = FALSE;
  plan = nt_assign_propose (store, &o, NULL, &error);
  g_assert_cmpint (room_in_plan (plan, back), ==, a101);
}

/* Four rooms of 2 on one floor, grades 10 and 11 interleaved by id. */
static void
test_same_grade (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NtAssignPlan) plan = NULL;
  NtAssignOptions o = only (NT_ASSIGN_PREF_GRADE);
  gint64 boys = fx_building (store, "Nhà A", "M");
  gint64 c10 = fx_class (store, "10A1", 10);
  gint64 c11 = fx_class (store, "11A1", 11);
  gint64 st[4];

  fx_room (store, boys, "A101", 3, "M");
  fx_room (store, boys, "A102", 3, "M");
  for (int i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("Nam Lớp %d", i);
      st[i] = fx_student (store, name, "M", i % 2 ? c11 : c10);
    }
  plan = nt_assign_propose (store, &o, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (room_in_plan (plan, st[0]), ==, room_in_plan (plan, st[2]));
  g_assert_cmpint (room_in_plan (plan, st[1]), ==, room_in_plan (plan, st[3]));
  g_assert_cmpint (room_in_plan (plan, st[0]), !=, room_in_plan (plan, st[1]));
  g_assert_cmpfloat (nt_assign_plan_get_score (plan, NT_ASSIGN_PREF_GRADE), >, 0);
}

/* Four Mông and four Thái boys, two rooms of 4: mixing puts two of each in each. */
static void
test_ethnic_mix (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NtAssignPlan) plan = NULL;
  NtAssignOptions o = only (NT_ASSIGN_PREF_MIX);
  gint64 boys = fx_building (store, "Nhà A", "M");
  gint64 c10 = fx_class (store, "10A1", 10);
  gint64 a101 = fx_room (store, boys, "A101", 4, "M");
  gint64 st[8];
  int mong_in_a101 = 0;

  fx_room (store, boys, "A102", 4, "M");
  for (int i = 0; i < 8; i++)
    {
      g_autofree char *name = g_strdup_printf ("Nam Dân Tộc %d", i);
      st[i] = fx_student_full (store, name, "M", c10, "boarding", i < 4 ? "Mông" : "Thái", "", "", "");
    }
  plan = nt_assign_propose (store, &o, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 4; i++)
    mong_in_a101 += room_in_plan (plan, st[i]) == a101;
  g_assert_cmpint (mong_in_a101, ==, 2);
}

static void
test_siblings (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NtAssignPlan) plan = NULL;
  NtAssignOptions o = only (NT_ASSIGN_PREF_SIBLINGS);
  gint64 boys = fx_building (store, "Nhà A", "M");
  gint64 c10 = fx_class (store, "10A1", 10);
  gint64 c12 = fx_class (store, "12A1", 12);
  gint64 st[4];

  fx_room (store, boys, "A101", 2, "M");
  fx_room (store, boys, "A102", 2, "M");
  st[0] = fx_student_full (store, "Vàng A Anh", "M", c10, "boarding", "", "", "0912345678", "");
  st[1] = fx_student_full (store, "Hờ A Bảo", "M", c10, "boarding", "", "", "", "");
  st[2] = fx_student_full (store, "Hờ A Cường", "M", c12, "boarding", "", "", "", "");
  st[3] = fx_student_full (store, "Vàng A Dế", "M", c12, "boarding", "", "", "0912345678", "");
  plan = nt_assign_propose (store, &o, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (room_in_plan (plan, st[0]), ==, room_in_plan (plan, st[3]));
  g_assert_cmpfloat (nt_assign_plan_get_score (plan, NT_ASSIGN_PREF_SIBLINGS), >, 0);
}

static char *
plan_text (NtAssignPlan *plan)
{
  GString *out = g_string_new (NULL);
  GListModel *m = nt_assign_plan_get_changes (plan);

  for (guint i = 0; i < g_list_model_get_n_items (m); i++)
    {
      g_autoptr(NtAssignChange) c = g_list_model_get_item (m, i);
      g_string_append_printf (out, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ";", c->student_id, c->bed_id);
    }
  return g_string_free (out, FALSE);
}

/* The demo school: apply is one batch; undo takes it back; a plan whose
 * bed was taken writes nothing; the same input gives the same plan. */
static void
test_apply_undo_determinism (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NtAssignPlan) plan = NULL;
  g_autoptr(NtAssignPlan) again = NULL;
  g_autofree char *batch = NULL;
  g_autofree char *text1 = NULL;
  g_autofree char *text2 = NULL;
  gint64 boys = fx_building (store, "Nhà A", "M");
  gint64 girls = fx_building (store, "Nhà B", "F");
  gint64 c[3] = { fx_class (store, "10A1", 10), fx_class (store, "11A1", 11), fx_class (store, "12A1", 12) };
  static const char * const groups[] = { "Thái", "Mông", "Dao", "Kinh" };
  gint64 rows, first_student = 0;

  for (int r = 0; r < 6; r++)
    {
      g_autofree char *na = g_strdup_printf ("A1%02d", r + 1);
      g_autofree char *nb = g_strdup_printf ("B1%02d", r + 1);
      fx_room (store, boys, na, 4, "M");
      fx_room (store, girls, nb, 4, "F");
    }
  for (int i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Học Sinh %02d", i);
      g_autofree char *phone = g_strdup_printf ("09000000%02d", i / 3);
      gint64 id = fx_student_full (store, name, i % 2 ? "F" : "M", c[i % 3], "boarding", groups[i % 4],
                                   i % 5 ? "Xã Nậm Tăm" : "Xã Pa Tần", phone, i % 7 ? "" : "orphan");
      if (first_student == 0)
        first_student = id;
    }

  plan = nt_assign_propose (store, NULL, NULL, &error);
  g_assert_no_error (error);
  again = nt_assign_propose (store, NULL, NULL, &error);
  text1 = plan_text (plan);
  text2 = plan_text (again);
  g_assert_cmpstr (text1, ==, text2);
  g_assert_cmpuint (g_list_model_get_n_items (nt_assign_plan_get_changes (plan)), ==, 40);

  /* Someone takes a proposed bed by hand: apply fails and writes nothing. */
  {
    g_autoptr(NtAssignChange) c0 = g_list_model_get_item (nt_assign_plan_get_changes (plan), 5);
    gint64 late = fx_student (store, c0->gender[0] == 'M' ? "Người Đến Sau" : "Người Đến Sau Nữ", c0->gender, c[0]);
    g_assert_true (nt_assign_to_bed (store, late, c0->bed_id, "2025-09-01", "xếp phòng", &error));
    g_assert_no_error (error);
    g_assert_false (nt_assign_apply (store, plan, "2025-09-05", &batch, &error));
    g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, c0->room_number));
    g_clear_error (&error);
    g_assert_null (batch);
    g_assert_cmpint (fx_count (store, "SELECT count(*) FROM bed_assignments"), ==, 1);
    g_assert_true (nt_assign_take_out (store, late, "2025-09-01", "thôi ở nội trú", &error));
    fx_exec_id (store, "DELETE FROM bed_assignments");
    fx_exec_id (store, "UPDATE students SET boarding = 'day' WHERE full_name LIKE 'Người Đến Sau%'");
  }

  g_assert_true (nt_assign_apply (store, again, "2025-09-05", &batch, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (batch, "auto-"));
  rows = fx_count (store, "SELECT count(*) FROM bed_assignments WHERE end_date IS NULL AND start_date = '2025-09-05'");
  g_assert_cmpint (rows, ==, 40);
  /* Every new assignment is in the audit log once, with its values (they
   * are written in bulk after the rows), and the audit trigger is back. */
  g_assert_cmpint (fx_count (store, "SELECT count(*) FROM bed_assignments a JOIN audit_log l "
                                    "ON l.table_name = 'bed_assignments' AND l.row_id = a.id AND l.action = 'insert' "
                                    "AND json_extract (l.new_values, '$.bed_id') = a.bed_id "
                                    "AND json_extract (l.new_values, '$.student_id') = a.student_id "
                                    "WHERE a.end_date IS NULL AND a.start_date = '2025-09-05'"), ==, 40);
  g_assert_cmpint (fx_count (store, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                    "AND name = 'bed_assignments_audit_insert'"), ==, 1);
  /* Nobody of the wrong gender anywhere. */
  g_assert_cmpint (fx_count (store, "SELECT count(*) FROM bed_assignments a JOIN students s ON s.id = a.student_id "
                                    "JOIN beds b ON b.id = a.bed_id JOIN rooms r ON r.id = b.room_id "
                                    "WHERE r.gender <> s.gender"), ==, 0);

  /* After a move, the batch cannot be undone. */
  {
    gint64 free_bed;
    g_autofree char *sql = g_strdup_printf ("SELECT b.id FROM beds b JOIN rooms r ON r.id = b.room_id WHERE r.gender = "
                                            "(SELECT gender FROM students WHERE id = %" G_GINT64_FORMAT ") AND NOT EXISTS "
                                            "(SELECT 1 FROM bed_assignments a WHERE a.bed_id = b.id AND a.end_date IS NULL) "
                                            "ORDER BY b.id LIMIT 1", first_student);
    free_bed = fx_count (store, sql);
    g_assert_cmpint (free_bed, >, 0);
    g_assert_true (nt_assign_move (store, first_student, free_bed, "2025-10-01", "test", &error));
    g_assert_no_error (error);
    g_assert_false (nt_assign_undo_batch (store, batch, &error));
    g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (fx_count (store, "SELECT count(*) FROM bed_assignments"), ==, 41);
    /* Put things back as the batch left them, by hand, to test the undo. */
    fx_exec_id (store, "DELETE FROM bed_assignments WHERE batch IS NULL");
    fx_exec_id (store, "UPDATE bed_assignments SET end_date = NULL");
  }
  g_assert_true (nt_assign_undo_batch (store, batch, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fx_count (store, "SELECT count(*) FROM bed_assignments"), ==, 0);
  g_assert_false (nt_assign_undo_batch (store, batch, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  nt_test_init (&argc, &argv);
  g_test_add_func ("/assign/priority", test_priority);
  g_test_add_func ("/assign/hard-rules", test_hard_rules);
  g_test_add_func ("/assign/returning", test_returning);
  g_test_add_func ("/assign/same-grade", test_same_grade);
  g_test_add_func ("/assign/ethnic-mix", test_ethnic_mix);
  g_test_add_func ("/assign/siblings", test_siblings);
  g_test_add_func ("/assign/apply-undo-determinism", test_apply_undo_determinism);
  return g_test_run ();
}
