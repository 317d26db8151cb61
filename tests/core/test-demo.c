/* test-demo.c: the demo school is deterministic and has the right shape */
#define G_LOG_DOMAIN "test-demo"

#include <stdlib.h>
#include <string.h>

#include "nt-demo.h"
#include "nt-date.h"
#include "nt-error.h"
#include "nt-leaves.h"
#include "nt-night-checks.h"
#include "nt-resources.h"
#include "nt-school.h"
#include "nt-students.h"
#include "nt-test-util.h"

static char *
query_text (NtStore    *store,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *out = NULL;

  if (sqlite3_prepare_v2 (nt_store_get_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (nt_store_get_db (store)));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    out = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return out ? out : g_strdup ("");
}

static const char * const dump_queries[] = {
  "SELECT group_concat (x, char (10)) FROM (SELECT s.code || '|' || s.full_name || '|' || s.gender || '|' || "
  "s.birth_date || '|' || s.ethnicity || '|' || c.name || '|' || ifnull (s.personal_id, '-') || '|' || "
  "s.home_address || '|' || s.home_commune || '|' || s.guardian_name || '|' || s.guardian_phone || '|' || "
  "s.boarding || '|' || s.priority || '|' || s.health_notes || '|' || s.active || '|' || "
  "ifnull (s.left_on, '-') || '|' || s.left_reason || '|' || hex (s.name_key) || '|' || s.search_text AS x "
  "FROM students s JOIN classes c ON c.id = s.class_id ORDER BY s.id)",
  "SELECT group_concat (x, char (10)) FROM (SELECT id || '|' || name || '|' || grade || '|' || "
  "ifnull (homeroom_id, '-') AS x FROM classes ORDER BY id)",
  "SELECT group_concat (x, char (10)) FROM (SELECT code || '|' || full_name || '|' || gender || '|' || role || "
  "'|' || phone AS x FROM staff ORDER BY id)",
  "SELECT group_concat (x, char (10)) FROM (SELECT b.name || '|' || b.gender || '|' || b.floors || '|' || "
  "b.assembly_point || '|' || r.id || '|' || r.number || '|' || r.floor || '|' || r.kind || '|' || "
  "r.capacity || '|' || r.gender AS x FROM rooms r JOIN buildings b ON b.id = r.building_id ORDER BY r.id)",
  "SELECT group_concat (x, char (10)) FROM (SELECT id || '|' || room_id || '|' || label AS x FROM beds ORDER BY id)",
  "SELECT group_concat (x, char (10)) FROM (SELECT student_id || '|' || bed_id || '|' || start_date || '|' || "
  "ifnull (end_date, '-') AS x FROM bed_assignments ORDER BY id)",
  "SELECT name || '|' || address || '|' || principal || '|' || authority || '|' || school_year || '|' || curfew "
  "FROM school",
  /* The month of leave and night checks, with every time: the demo sets
   * the checks' times to their evening, not to the clock. */
  "SELECT group_concat (x, char (10)) FROM (SELECT student_id || '|' || from_time || '|' || to_time || '|' || "
  "reason || '|' || destination || '|' || guardian_name || '|' || guardian_phone || '|' || state || '|' || "
  "ifnull (approved_by, '-') || '|' || ifnull (out_at, '-') || '|' || ifnull (returned_at, '-') || '|' || note AS x "
  "FROM leaves ORDER BY id)",
  "SELECT group_concat (x, char (10)) FROM (SELECT night || '|' || building_id || '|' || ifnull (floor, 0) || '|' || "
  "supervisor_id || '|' || started_at || '|' || ifnull (closed_at, '-') AS x FROM night_checks ORDER BY id)",
  "SELECT group_concat (x, char (10)) FROM (SELECT check_id || '|' || student_id || '|' || bed_id || '|' || "
  "ifnull (status, '-') || '|' || ifnull (late_at, '-') || '|' || ifnull (marked_at, '-') || '|' || note || '|' || "
  "ifnull (leave_id, '-') AS x FROM night_check_entries ORDER BY id)",
};

static char *
dump (NtStore *store)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (dump_queries); i++)
    {
      g_autofree char *part = query_text (store, dump_queries[i]);

      g_assert_cmpstr (part, !=, "");
      g_string_append_printf (out, "== %u\n%s\n", i, part);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_same_seed (void)
{
  g_autoptr(NtStore) a = nt_test_demo_store (7);
  g_autoptr(NtStore) b = nt_test_demo_store (7);
  g_autoptr(NtStore) c = nt_test_demo_store (8);
  g_autofree char *dump_a = dump (a);
  g_autofree char *dump_b = dump (b);
  g_autofree char *dump_c = dump (c);
  g_autofree char *students_a = query_text (a, dump_queries[0]);
  g_autofree char *students_c = query_text (c, dump_queries[0]);
  g_autofree char *staff_a = query_text (a, dump_queries[2]);
  g_autofree char *staff_c = query_text (c, dump_queries[2]);

  g_assert_cmpuint (strlen (dump_a), >, 50000);
  g_assert_cmpstr (dump_a, ==, dump_b);
  g_assert_cmpstr (dump_a, !=, dump_c);
  g_assert_cmpstr (students_a, !=, students_c);
  g_assert_cmpstr (staff_a, !=, staff_c);
}

static void
test_shape (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (NT_DEMO_DEFAULT_SEED);
  g_auto(GStrv) groups = nt_core_lookup_lines ("ethnic-groups.txt");
  g_autoptr(NtSchoolInfo) school = nt_school_get (store);
  NtSchoolFigures fig;
  gint64 students, boarders, staff;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = nt_store_get_db (store);

  /* 25 classes, every grade from 6 to 12. */
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM classes"), ==, 25);
  g_assert_cmpint (nt_store_count (store, "SELECT count(DISTINCT grade) FROM classes"), ==, 7);
  g_assert_cmpint (nt_store_count (store, "SELECT min(grade) FROM classes"), ==, 6);
  g_assert_cmpint (nt_store_count (store, "SELECT max(grade) FROM classes"), ==, 12);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM classes c JOIN staff t ON t.id = c.homeroom_id "
                                          "WHERE t.role = 'teacher'"), ==, 25);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM classes c WHERE NOT EXISTS "
                                          "(SELECT 1 FROM students s WHERE s.class_id = c.id)"), ==, 0);

  /* About 800 students, about 300 of whom board. */
  students = nt_store_count (store, "SELECT count(*) FROM students");
  boarders = nt_store_count (store, "SELECT count(*) FROM students WHERE active = 1 AND boarding = 'boarding'");
  g_assert_cmpint (students, >=, 700);
  g_assert_cmpint (students, <=, 900);
  g_assert_cmpint (boarders, >=, 250);
  g_assert_cmpint (boarders, <=, 350);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM students WHERE boarding = 'semi'"), >, 0);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM students WHERE boarding = 'day'"), >, 0);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM students WHERE gender = 'F'"), >=, students * 4 / 10);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM students WHERE gender = 'M'"), >=, students * 4 / 10);
  /* A few have left, with a date and a reason. */
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM students WHERE active = 0"), >=, 1);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM students WHERE active = 0"), <=, students / 25);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM students WHERE active = 0 "
                                          "AND (left_on IS NULL OR left_reason = '')"), ==, 0);
  /* Boarders have priority categories; others none. */
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM students WHERE boarding = 'boarding' AND priority = ''"),
                   <, boarders / 5);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM students WHERE boarding <> 'boarding' AND priority <> ''"), ==, 0);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM students WHERE health_notes <> ''"), >, 0);
  /* Codes HS00001...; personal ids unique. */
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM students WHERE code = 'HS00001'"), ==, 1);
  g_assert_cmpint (nt_store_count (store, "SELECT count(DISTINCT personal_id) = count(personal_id) FROM students"), ==, 1);
  g_assert_cmpint (nt_store_count (store, "SELECT count(personal_id) FROM students"), >, students * 9 / 10);
  /* Ages fit the grades: grade 6 at 11 (or a year or two older). */
  g_assert_cmpint (nt_store_count (store,
                                   "SELECT count(*) FROM students s JOIN classes c ON c.id = s.class_id "
                                   "WHERE CAST (substr ((SELECT school_year FROM school), 1, 4) AS INTEGER) "
                                   "- CAST (substr (s.birth_date, 1, 4) AS INTEGER) - c.grade NOT BETWEEN 5 AND 7"), ==, 0);
  /* Siblings share a guardian's phone, not everyone does. */
  g_assert_cmpint (nt_store_count (store, "SELECT count(DISTINCT guardian_phone) FROM students"), <, students);
  g_assert_cmpint (nt_store_count (store, "SELECT count(DISTINCT guardian_phone) FROM students"), >, students * 8 / 10);

  /* Two buildings of three floors, 32 rooms each, with beds. */
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM buildings WHERE floors = 3"), ==, 2);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM buildings WHERE gender = 'M' AND name = 'Nhà A'"), ==, 1);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM buildings WHERE gender = 'F' AND name = 'Nhà B'"), ==, 1);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM rooms"), ==, 64);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM (SELECT building_id FROM rooms GROUP BY building_id "
                                          "HAVING count(*) = 32 AND max(floor) = 3 AND min(floor) = 1)"), ==, 2);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM rooms WHERE kind = 'infirmary' AND floor = 1"), ==, 2);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM rooms WHERE kind = 'staff' AND floor = 1"), ==, 2);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM rooms WHERE number = 'A101'"), ==, 1);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM rooms r WHERE (SELECT count(*) FROM beds b "
                                          "WHERE b.room_id = r.id) <> r.capacity OR r.capacity = 0"), ==, 0);
  nt_school_figures (store, &fig);
  g_assert_cmpint (fig.rooms, ==, 60);
  g_assert_cmpint (fig.beds, >=, boarders);
  g_assert_cmpint (fig.boarders, ==, boarders);
  /* Boarders sleep in their own gender's building, one bed each. */
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM bed_assignments WHERE end_date IS NULL"), ==, boarders);
  g_assert_cmpint (nt_store_count (store,
                                   "SELECT count(*) FROM bed_assignments a JOIN students s ON s.id = a.student_id "
                                   "JOIN beds d ON d.id = a.bed_id JOIN rooms r ON r.id = d.room_id "
                                   "WHERE a.end_date IS NULL AND (r.gender <> s.gender OR r.kind <> 'dorm' "
                                   "OR s.active = 0 OR s.boarding <> 'boarding')"), ==, 0);

  /* About 25 staff, with a principal and supervisors of both genders. */
  staff = nt_store_count (store, "SELECT count(*) FROM staff");
  g_assert_cmpint (staff, >=, 20);
  g_assert_cmpint (staff, <=, 30);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM staff WHERE role = 'principal'"), ==, 1);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM staff WHERE role = 'vice_principal'"), ==, 2);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM staff WHERE role = 'supervisor' AND gender = 'M'"), >=, 1);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM staff WHERE role = 'supervisor' AND gender = 'F'"), >=, 1);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM staff WHERE role = 'guard'"), >=, 1);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM staff WHERE role = 'medical'"), >=, 1);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM staff WHERE code = 'GV001'"), ==, 1);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM staff WHERE phone NOT GLOB '09[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'"), ==, 0);

  /* The school. */
  g_assert_nonnull (school);
  g_assert_true (g_str_has_prefix (school->name, "Trường Phổ thông Dân tộc nội trú"));
  g_assert_cmpstr (school->authority, ==, "Sở Giáo dục và Đào tạo tỉnh Lai Châu");
  g_assert_cmpstr (school->curfew, ==, "21:30");
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM staff WHERE role = 'principal' "
                                          "AND full_name = (SELECT principal FROM school)"), ==, 1);
  {
    int start = atoi (school->school_year);
    g_autofree char *expected = g_strdup_printf ("%d-%d", start, start + 1);

    g_assert_cmpstr (school->school_year, ==, expected);
  }

  /* Made by nobody. */
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM audit_log"), >, 0);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM audit_log WHERE staff_id IS NOT NULL"), ==, 0);
  g_assert_cmpint (nt_store_get_actor (store), ==, 0);

  /* Every ethnicity is one of the official 54, and there are several. */
  g_assert_cmpuint (g_strv_length (groups), ==, 54);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT DISTINCT ethnicity FROM students", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *e = (const char *) sqlite3_column_text (stmt, 0);

      if (!g_strv_contains ((const char * const *) groups, e))
        g_error ("“%s” is not an official ethnic group", e);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (nt_store_count (store, "SELECT count(DISTINCT ethnicity) FROM students"), >=, 8);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM students WHERE ethnicity = 'Kinh'"), <, students / 5);

  /* Names have at least two words; every student is one the form would
   * accept as it is. */
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM students WHERE instr (trim (full_name), ' ') = 0"), ==, 0);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id FROM students", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GHashTable) field_errors = NULL;
      g_autoptr(NtStudent) s = nt_students_load (store, sqlite3_column_int64 (stmt, 0), &error);
      g_autofree char *phone = g_strdup (s->guardian_phone);

      g_assert_no_error (error);
      if (!nt_students_validate (store, s, &field_errors, &error))
        g_error ("%s %s: %s", s->code, s->full_name, error->message);
      g_assert_cmpstr (s->guardian_phone, ==, phone);
      g_assert_true (g_str_has_prefix (phone, "03") || g_str_has_prefix (phone, "08") || g_str_has_prefix (phone, "09"));
      g_assert_cmpuint (strlen (phone), ==, 10);
    }
  sqlite3_finalize (stmt);
}

static gint64 count_on (NtStore    *store,
                        const char *format,
                        ...) G_GNUC_PRINTF (2, 3);

static gint64
count_on (NtStore    *store,
          const char *format,
          ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return nt_store_count (store, sql);
}

/* The last 30 nights before tonight (those since the dorm opened): every
 * building checked and closed, the leave that explains who was away. */
static void
test_nights (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (NT_DEMO_DEFAULT_SEED);
  g_autoptr(NtStore) fresh = nt_test_new_store ();
  g_autoptr(NtSchoolInfo) school = nt_school_get (store);
  g_autofree char *tonight = nt_night_check_default_night ();
  g_autofree char *opening = g_strdup_printf ("%.4s-08-25", school->school_year);
  g_autofree char *last_night = NULL;
  g_autofree char *now = nt_leave_time_now ();
  g_autoptr(GDate) day = nt_date_from_iso (tonight);
  g_autoptr(GListStore) overdue = NULL;
  const char *triggers = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'";
  gint64 boarders = nt_store_count (store, "SELECT count(*) FROM students WHERE active = 1 AND boarding = 'boarding'");
  gint64 entries, n_sick, n_absent, n_late;
  guint n_nights = 0;

  g_date_subtract_days (day, 1);
  last_night = nt_date_to_iso (day);
  for (int k = 1; k <= 30; k++)
    {
      g_autofree char *iso = nt_date_to_iso (day);

      if (strcmp (iso, opening) >= 0)
        n_nights++;
      g_date_subtract_days (day, 1);
    }

  /* Both buildings every night, all closed, by a supervisor of the
   * building's gender; tonight is left to the supervisor. */
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM night_checks"), ==, 2 * n_nights);
  g_assert_cmpint (nt_store_count (store, "SELECT count(DISTINCT night) FROM night_checks"), ==, n_nights);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM night_checks WHERE floor IS NOT NULL "
                                          "OR closed_at IS NULL OR closed_at < started_at"), ==, 0);
  g_assert_cmpint (count_on (store, "SELECT count(*) FROM night_checks WHERE night >= '%s'", tonight), ==, 0);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM night_checks k JOIN staff st ON st.id = k.supervisor_id "
                                          "JOIN buildings bl ON bl.id = k.building_id "
                                          "WHERE st.role <> 'supervisor' OR st.gender <> bl.gender"), ==, 0);
  /* The times are of the evening, not of the moment the demo was made. */
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM night_checks WHERE started_at NOT BETWEEN "
                                          "night || ' 21:30' AND night || ' 22:00'"), ==, 0);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM night_check_entries e "
                                          "JOIN night_checks k ON k.id = e.check_id WHERE e.marked_at IS NOT NULL "
                                          "AND (e.marked_at < k.started_at OR e.marked_at > k.closed_at)"), ==, 0);

  /* Every entry has a status; "leave" always with the leave that covers
   * the curfew; "late" with a time that evening. */
  entries = nt_store_count (store, "SELECT count(*) FROM night_check_entries");
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM night_check_entries WHERE status IS NULL"), ==, 0);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM night_check_entries e "
                                          "JOIN night_checks k ON k.id = e.check_id LEFT JOIN leaves l ON l.id = e.leave_id "
                                          "WHERE e.status = 'leave' AND (l.id IS NULL OR l.student_id <> e.student_id "
                                          "OR l.from_time > k.night || ' 21:30' OR l.to_time <= k.night || ' 21:30')"), ==, 0);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM night_check_entries e "
                                          "JOIN night_checks k ON k.id = e.check_id WHERE e.status = 'late' "
                                          "AND (e.late_at IS NULL OR e.late_at NOT BETWEEN k.night || ' 21:30' "
                                          "AND k.night || ' 23:59')"), ==, 0);
  /* Last night, everyone boarding now was expected. */
  g_assert_cmpint (count_on (store, "SELECT count(*) FROM night_check_entries e JOIN night_checks k "
                                    "ON k.id = e.check_id WHERE k.night = '%s'", last_night),
                   ==, n_nights > 0 ? boarders : 0);

  /* The demo's month is written through the core, and the audit triggers
   * it set aside for the checks are all back. */
  g_assert_cmpint (nt_store_count (store, triggers), ==, nt_store_count (fresh, triggers));
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM audit_log WHERE table_name = 'leaves'"), >, 0);

  /* Leave: approved by a staff member unless only requested; two overdue,
   * out and absent last night; some asked for the coming weekend. */
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM leaves WHERE state <> 'requested' "
                                          "AND approved_by IS NULL"), ==, 0);
  overdue = nt_leaves_overdue (store, NULL, NULL);
  g_assert_nonnull (overdue);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (overdue)), ==, 2);
  g_assert_cmpint (count_on (store, "SELECT count(*) FROM leaves WHERE state = 'out' AND returned_at IS NULL "
                                    "AND to_time < '%s'", now), ==, 2);
  if (n_nights > 0)
    g_assert_cmpint (count_on (store, "SELECT count(*) FROM night_check_entries e JOIN night_checks k "
                                      "ON k.id = e.check_id JOIN leaves l ON l.student_id = e.student_id "
                                      "AND l.state = 'out' WHERE k.night = '%s' AND e.status = 'absent'", last_night),
                     ==, 2);
  g_assert_cmpint (count_on (store, "SELECT count(*) FROM leaves WHERE state = 'approved' AND from_time > '%s'", now),
                   >=, 1);
  g_assert_cmpint (count_on (store, "SELECT count(*) FROM leaves WHERE state = 'requested' AND from_time > '%s'", now),
                   >=, 1);
  g_assert_cmpint (count_on (store, "SELECT count(*) FROM leaves WHERE state IN ('approved', 'requested') "
                                    "AND from_time <= '%s'", now), ==, 0);

  if (n_nights < 20)
    {
      /* Early in the school year the dorm has not been open a month: the
       * mix below needs the weekends. */
      g_test_message ("only %u nights since the dorm opened on %s", n_nights, opening);
      return;
    }

  /* Weekends at home: Friday or Saturday 11:00 to Sunday 17:00, most back
   * in time, a few after curfew and marked late on the Sunday. */
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM leaves WHERE reason = 'home' AND state = 'returned' "
                                          "AND strftime ('%w', from_time) IN ('5', '6') AND strftime ('%w', to_time) = '0' "
                                          "AND substr (from_time, 12) = '11:00' AND substr (to_time, 12) = '17:00'"),
                   >, boarders / 2);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM leaves WHERE state = 'returned' "
                                          "AND (out_at IS NULL OR returned_at IS NULL OR returned_at < out_at)"), ==, 0);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM night_check_entries e "
                                          "JOIN night_checks k ON k.id = e.check_id JOIN leaves l ON l.student_id = e.student_id "
                                          "AND l.returned_at = e.late_at WHERE e.status = 'late' "
                                          "AND strftime ('%w', k.night) = '0'"), >=, 1);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM leaves WHERE reason IN ('medical', 'family') "
                                          "AND state = 'returned'"), >=, 3);

  /* Mostly present; about one in 200 on each of sick and late, fewer
   * absent. */
  n_sick = nt_store_count (store, "SELECT count(*) FROM night_check_entries WHERE status = 'sick'");
  n_absent = nt_store_count (store, "SELECT count(*) FROM night_check_entries WHERE status = 'absent'");
  n_late = nt_store_count (store, "SELECT count(*) FROM night_check_entries WHERE status = 'late'");
  g_test_message ("%" G_GINT64_FORMAT " entries: %" G_GINT64_FORMAT " sick, %" G_GINT64_FORMAT " absent, %"
                  G_GINT64_FORMAT " late", entries, n_sick, n_absent, n_late);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM night_check_entries WHERE status = 'present'"),
                   >, entries * 9 / 10);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM night_check_entries WHERE status = 'leave'"),
                   >, entries / 50);
  g_assert_cmpint (n_sick, >, entries / 500);
  g_assert_cmpint (n_sick, <, entries / 80);
  g_assert_cmpint (n_late, >, entries / 500);
  g_assert_cmpint (n_late, <, entries / 80);
  g_assert_cmpint (n_absent, >, 2);
  g_assert_cmpint (n_absent, <, entries / 200);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM night_check_entries WHERE status = 'sick' "
                                          "AND note LIKE '%phòng y tế%'"), >=, 1);
}

static void
test_refuse_existing (void)
{
  g_autofree char *path = nt_test_tmp_path ("precious.db");
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  NtDemoOptions options = { 1, 0 };
  NtStore *store;

  g_assert_true (g_file_set_contents (path, "not to be overwritten", -1, NULL));
  store = nt_demo_create (path, &options, &error);
  g_assert_null (store);
  g_assert_error (error, NT_ERROR, NT_ERROR_EXISTS);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "not to be overwritten");
}

static void
test_refuse_populated (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (5);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (store);
  g_autofree char *after = NULL;
  gint64 audit = nt_store_count (store, "SELECT count(*) FROM audit_log");

  g_assert_false (nt_demo_populate (store, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_EXISTS);
  after = dump (store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM audit_log"), ==, audit);
}

static void
test_default_options (void)
{
  g_autoptr(NtStore) a = nt_test_new_store ();
  g_autoptr(NtStore) b = nt_test_demo_store (NT_DEMO_DEFAULT_SEED);
  g_autoptr(GError) error = NULL;
  g_autofree char *dump_a = NULL;
  g_autofree char *dump_b = NULL;

  /* NULL options are the default seed and size. */
  g_assert_true (nt_demo_populate (a, NULL, &error));
  g_assert_no_error (error);
  dump_a = dump (a);
  dump_b = dump (b);
  g_assert_cmpstr (dump_a, ==, dump_b);
}

static void
test_large (void)
{
  g_autofree char *path = nt_test_tmp_path ("large.db");
  g_autoptr(GError) error = NULL;
  NtDemoOptions options = { 11, 10000 };
  g_autoptr(NtStore) store = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 classes, boarders;

  store = nt_demo_create (path, &options, &error);
  g_assert_no_error (error);
  g_test_message ("10,000 students in %.2f s", (g_get_monotonic_time () - start) / 1e6);

  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM students"), ==, 10000);
  g_assert_cmpint (nt_store_count (store, "SELECT count(DISTINCT code) FROM students"), ==, 10000);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM students WHERE code = 'HS10000'"), ==, 1);
  /* The shape is kept: classes of about 32, grades 6 to 12, beds for the
   * boarders. */
  classes = nt_store_count (store, "SELECT count(*) FROM classes");
  g_assert_cmpint (classes, >=, 10000 / 40);
  g_assert_cmpint (classes, <=, 10000 / 25);
  g_assert_cmpint (nt_store_count (store, "SELECT count(DISTINCT grade) FROM classes"), ==, 7);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM classes WHERE name = '10A17'"), ==, 1);
  boarders = nt_store_count (store, "SELECT count(*) FROM students WHERE active = 1 AND boarding = 'boarding'");
  g_assert_cmpint (boarders, >=, 3300);
  g_assert_cmpint (boarders, <=, 4200);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM bed_assignments WHERE end_date IS NULL"), ==, boarders);

  /* It is written without an audit row per insert, but the audit triggers
   * are all back afterwards. */
  {
    g_autoptr(NtStore) fresh = nt_test_new_store ();
    const char *triggers = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'";
    gint64 audit;

    g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM audit_log WHERE action = 'insert' "
                                            "AND table_name = 'students'"), ==, 0);
    g_assert_cmpint (nt_store_count (store, triggers), ==, nt_store_count (fresh, triggers));
    audit = nt_store_count (store, "SELECT count(*) FROM audit_log");
    g_assert_true (nt_store_exec (store, "UPDATE students SET health_notes = 'x' WHERE id = 1", &error));
    g_assert_true (nt_store_exec (store, "INSERT INTO classes (name, grade) VALUES ('6B1', 6)", &error));
    g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM audit_log"), ==, audit + 2);
  }
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);

  g_test_add_func ("/demo/same-seed", test_same_seed);
  g_test_add_func ("/demo/shape", test_shape);
  g_test_add_func ("/demo/nights", test_nights);
  g_test_add_func ("/demo/refuse-existing", test_refuse_existing);
  g_test_add_func ("/demo/refuse-populated", test_refuse_populated);
  g_test_add_func ("/demo/default-options", test_default_options);
  g_test_add_func ("/demo/large", test_large);

  return g_test_run ();
}
