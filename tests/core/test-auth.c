/* test-auth.c: PINs, locking after wrong tries, and roles refused by the core */
#include "config.h"

#include <string.h>

#include "nt-access.h"
#include "nt-assignments.h"
#include "nt-auth.h"
#include "nt-error.h"
#include "nt-leaves.h"
#include "nt-night-checks.h"
#include "nt-rooms.h"
#include "nt-roster.h"
#include "nt-students.h"
#include "nt-test-util.h"

static gint64
staff_of_role (NtStore    *store,
               const char *role)
{
  g_autofree char *sql = g_strdup_printf ("SELECT min(id) FROM staff WHERE role = '%s' AND active = 1", role);
  gint64 id = nt_store_count (store, sql);

  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_pin_hashed (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (21);
  g_autoptr(GError) error = NULL;
  gint64 id = staff_of_role (store, "supervisor");
  sqlite3_stmt *stmt;
  g_autofree char *hash = NULL;

  g_assert_false (nt_auth_any_secret (store));
  g_assert_false (nt_auth_has_secret (store, id));
  /* Without a PIN, choosing one's name is enough. */
  g_assert_true (nt_auth_verify (store, id, "", &error));
  g_assert_no_error (error);

  g_assert_true (nt_auth_set_secret (store, id, "2468", &error));
  g_assert_no_error (error);
  g_assert_true (nt_auth_has_secret (store, id));
  g_assert_true (nt_auth_any_secret (store));

  stmt = nt_store_prepare (store, "SELECT pin_hash FROM staff WHERE id = ?1", &error);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  hash = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  g_assert_true (g_str_has_prefix (hash, "$y$"));
  g_assert_null (strstr (hash, "2468"));

  /* Neither the PIN nor its hash is in the audit trail. */
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM audit_log WHERE ifnull (old_values, '') || "
                                          "ifnull (new_values, '') LIKE '%2468%' OR new_values LIKE '%$y$%'"), ==, 0);

  g_assert_true (nt_auth_verify (store, id, "2468", &error));
  g_assert_no_error (error);
  g_assert_false (nt_auth_verify (store, id, "2469", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
  g_clear_error (&error);

  /* The same PIN twice gives two hashes (a fresh salt each time). */
  g_assert_true (nt_auth_set_secret (store, id, "2468", &error));
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM staff WHERE pin_hash IS NOT NULL"), ==, 1);
  stmt = nt_store_prepare (store, "SELECT pin_hash = ?2 FROM staff WHERE id = ?1", &error);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, hash, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_reset (stmt);

  /* Too short: refused, the old one stays. */
  g_assert_false (nt_auth_set_secret (store, id, "12", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (nt_auth_verify (store, id, "2468", &error));

  /* Cleared: no one needs to sign in any more. */
  g_assert_true (nt_auth_set_secret (store, id, NULL, &error));
  g_assert_false (nt_auth_has_secret (store, id));
  g_assert_false (nt_auth_any_secret (store));
}

static void
test_lockout (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (22);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 27, 22, 0, 0);
  g_autoptr(GDateTime) soon = g_date_time_add_minutes (now, 14);
  g_autoptr(GDateTime) later = g_date_time_add_minutes (now, 16);
  g_autoptr(GDateTime) until = NULL;
  gint64 id = staff_of_role (store, "supervisor");

  g_assert_true (nt_auth_set_secret (store, id, "1357", &error));

  /* A right PIN in between resets the count. */
  for (int i = 0; i < 4; i++)
    {
      g_assert_false (nt_auth_verify_at (store, id, "0000", now, &error));
      g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
      g_clear_error (&error);
    }
  g_assert_true (nt_auth_verify_at (store, id, "1357", now, &error));
  g_assert_cmpint (nt_store_count (store, "SELECT max(failed_logins) FROM staff"), ==, 0);

  for (int i = 0; i < 4; i++)
    {
      g_assert_false (nt_auth_verify_at (store, id, "0000", now, &error));
      g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
      g_clear_error (&error);
    }
  g_assert_null (nt_auth_locked_until (store, id, now));
  /* The fifth locks. */
  g_assert_false (nt_auth_verify_at (store, id, "0000", now, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_BUSY);
  g_clear_error (&error);
  until = nt_auth_locked_until (store, id, now);
  g_assert_nonnull (until);
  g_assert_cmpint (g_date_time_difference (until, now) / G_TIME_SPAN_MINUTE, ==, NT_AUTH_LOCK_MINUTES);

  /* Even the right PIN is refused while locked… */
  g_assert_false (nt_auth_verify_at (store, id, "1357", soon, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_BUSY);
  g_clear_error (&error);
  /* …and accepted after. */
  g_assert_true (nt_auth_verify_at (store, id, "1357", later, &error));
  g_assert_no_error (error);

  /* A principal setting a new PIN unlocks at once. */
  for (int i = 0; i < NT_AUTH_MAX_TRIES; i++)
    {
      nt_auth_verify_at (store, id, "0000", later, &error);
      g_clear_error (&error);
    }
  g_assert_false (nt_auth_verify_at (store, id, "1357", later, &error));
  g_clear_error (&error);
  g_assert_true (nt_store_set_actor (store, staff_of_role (store, "principal"), &error));
  g_assert_true (nt_auth_set_secret (store, id, "9753", &error));
  g_assert_true (nt_auth_verify_at (store, id, "9753", later, &error));
  g_assert_no_error (error);
}

static void
test_pin_of_others (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (23);
  g_autoptr(GError) error = NULL;
  gint64 supervisor = staff_of_role (store, "supervisor");
  gint64 principal = staff_of_role (store, "principal");

  g_assert_true (nt_store_set_actor (store, supervisor, &error));
  g_assert_true (nt_auth_set_secret (store, supervisor, "1111", &error));
  g_assert_no_error (error);
  g_assert_false (nt_auth_set_secret (store, principal, "2222", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (nt_auth_has_secret (store, principal));

  g_assert_true (nt_store_set_actor (store, principal, &error));
  g_assert_true (nt_auth_set_secret (store, supervisor, NULL, &error));
  g_assert_false (nt_auth_has_secret (store, supervisor));
}

/* ----- roles refused by the core ---------------------------------------- */

static void
test_supervisor_refused (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (24);
  g_autoptr(GError) error = NULL;
  g_autoptr(NtStudent) student = NULL;
  gint64 supervisor = staff_of_role (store, "supervisor");
  gint64 audit = nt_store_count (store, "SELECT count(*) FROM audit_log");
  gint64 student_id = nt_store_count (store, "SELECT min(student_id) FROM bed_assignments WHERE end_date IS NULL");
  gint64 bed_id = nt_store_count (store, "SELECT max(id) FROM beds");
  NtBuildingInput building = { "Nhà C", "M", 2, NULL, NULL };

  g_assert_true (nt_store_set_actor (store, supervisor, &error));
  audit = nt_store_count (store, "SELECT count(*) FROM audit_log");

  student = nt_students_load (store, student_id, &error);
  g_assert_no_error (error);
  g_free (student->ethnicity);
  student->ethnicity = g_strdup ("Kinh");
  g_assert_false (nt_students_save (store, student, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
  g_clear_error (&error);

  g_assert_false (nt_students_delete (store, student_id, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
  g_clear_error (&error);

  g_assert_cmpint (nt_rooms_add_building (store, &building, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
  g_clear_error (&error);

  g_assert_false (nt_rooms_delete_bed (store, bed_id, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
  g_clear_error (&error);

  g_assert_false (nt_assign_take_out (store, student_id, "2026-11-27", "", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
  g_clear_error (&error);

  g_assert_false (nt_roster_generate (store, "2026-12-01", "2026-12-07", NULL, NULL, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
  g_clear_error (&error);

  /* Nothing was written. */
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM audit_log"), ==, audit);

  /* What a supervisor does is not refused for the role. */
  g_assert_true (nt_access_may (store, NT_PERM_RECORD_CHECKS));
  g_assert_true (nt_access_may (store, NT_PERM_WRITE_HANDOVERS));
  g_assert_false (nt_access_may (store, NT_PERM_MANAGE_RULES));
  g_assert_false (nt_access_may (store, NT_PERM_ASSESSMENT_APPROVE));
  g_assert_false (nt_access_may (store, NT_PERM_VIEW_AUDIT));
  g_assert_false (nt_access_may (store, NT_PERM_BACKUP));
}

static void
test_office_refused (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (25);
  g_autoptr(GError) error = NULL;
  gint64 office = staff_of_role (store, "office");
  gint64 building = nt_store_count (store, "SELECT min(id) FROM buildings");
  gint64 leave_id = nt_store_count (store, "SELECT max(id) FROM leaves WHERE state IN ('requested', 'approved')");

  g_assert_true (nt_store_set_actor (store, office, &error));

  g_assert_cmpint (nt_night_check_start (store, "2026-12-01", building, 0, office, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
  g_clear_error (&error);

  if (leave_id > 0)
    {
      g_assert_false (nt_leaves_cancel (store, leave_id, &error));
      g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
      g_clear_error (&error);
    }

  /* Office staff manage rooms. */
  {
    NtBuildingInput input = { "Nhà khách", "X", 1, NULL, NULL };
    g_assert_cmpint (nt_rooms_add_building (store, &input, &error), >, 0);
    g_assert_no_error (error);
  }
}

/* A person who left keeps no rights. */
static void
test_inactive_refused (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (26);
  g_autoptr(GError) error = NULL;
  gint64 principal = staff_of_role (store, "principal");
  NtBuildingInput input = { "Nhà D", "F", 1, NULL, NULL };

  g_assert_true (nt_store_exec (store, "UPDATE staff SET active = 0 WHERE role = 'principal'", &error));
  g_assert_true (nt_store_set_actor (store, principal, &error));
  g_assert_cmpint (nt_rooms_add_building (store, &input, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);

  g_test_add_func ("/auth/pin-hashed", test_pin_hashed);
  g_test_add_func ("/auth/lockout", test_lockout);
  g_test_add_func ("/auth/pin-of-others", test_pin_of_others);
  g_test_add_func ("/auth/supervisor-refused", test_supervisor_refused);
  g_test_add_func ("/auth/office-refused", test_office_refused);
  g_test_add_func ("/auth/inactive-refused", test_inactive_refused);

  return g_test_run ();
}
