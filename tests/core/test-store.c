/* test-store.c: migrations, pragmas, constraints, audit, refusing bad files */
#define G_LOG_DOMAIN "test-store"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "nt-backup.h"
#include "nt-demo.h"
#include "nt-error.h"
#include "nt-school.h"
#include "nt-staff.h"
#include "nt-store.h"
#include "nt-test-util.h"

/* The tables of DESIGN.md §6, by their fixed names. */
static const char * const design_tables[] = {
  "school", "classes", "students", "buildings", "rooms", "beds", "bed_assignments", "staff",
  "posts", "shift_templates", "duties", "handovers", "rule_sets", "commitments", "leaves",
  "night_checks", "night_check_entries", "incidents", "incident_people", "assessments",
  "assessment_items", "emergency_rolls", "emergency_roll_entries", "visitors",
  "inspection_criteria", "room_inspections", "room_inspection_scores", "dialogues",
  "dialogue_items", "confidential_reports", "audit_log",
};

static void
test_migrations (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();

  g_assert_cmpint (nt_store_latest_schema_version (), >=, 1);
  g_assert_cmpint (nt_store_get_schema_version (store), ==, nt_store_latest_schema_version ());

  for (guint i = 0; i < G_N_ELEMENTS (design_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%s'",
                                              design_tables[i]);
      if (nt_store_count (store, sql) != 1)
        g_error ("table %s is missing", design_tables[i]);
    }
  g_assert_cmpuint (G_N_ELEMENTS (design_tables), >=, 30);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"), >=,
                   (gint64) G_N_ELEMENTS (design_tables));
}

static void
test_reopen_keeps_data (void)
{
  g_autofree char *path = nt_test_tmp_path ("reopen.db");
  g_autoptr(GError) error = NULL;
  NtStore *store = nt_store_open (path, NT_STORE_OPEN_NEW, &error);

  g_assert_no_error (error);
  g_assert_cmpint (nt_classes_add (store, "6A1", 6, &error), >, 0);
  g_assert_no_error (error);
  g_object_unref (store);

  /* Opening again migrates nothing and keeps the class. */
  store = nt_store_open (path, NT_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nt_store_get_schema_version (store), ==, nt_store_latest_schema_version ());
  g_assert_cmpint (nt_classes_find (store, "6A1"), >, 0);
  g_object_unref (store);

  /* A missing file is not created without the flag. */
  {
    g_autofree char *missing = nt_test_tmp_path ("missing.db");

    store = nt_store_open (missing, NT_STORE_OPEN_EXISTING, &error);
    g_assert_null (store);
    g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
}

static void
test_pragmas (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autofree char *journal = nt_test_query_text (store, "PRAGMA journal_mode");

  g_assert_cmpint (nt_store_count (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (nt_store_count (store, "PRAGMA synchronous"), ==, 2);
}

static void
test_file_mode (void)
{
#ifdef G_OS_UNIX
  g_autofree char *path = nt_test_tmp_path ("mode.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(NtStore) store = nt_store_open (path, NT_STORE_OPEN_NEW, &error);
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
#else
  g_test_skip ("file modes are POSIX");
#endif
}

/* ----- constraints ------------------------------------------------------ */

static void
assert_refused (NtStore    *store,
                const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 before = nt_store_count (store, "SELECT count(*) FROM audit_log");

  if (nt_store_exec (store, sql, &error))
    g_error ("accepted: %s", sql);
  g_assert_error (error, NT_ERROR, NT_ERROR_CONSTRAINT);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM audit_log"), ==, before);
}

static void
assert_accepted (NtStore    *store,
                 const char *sql)
{
  g_autoptr(GError) error = NULL;

  if (!nt_store_exec (store, sql, &error))
    g_error ("refused: %s: %s", sql, error->message);
}

#define STUDENT_INSERT \
  "INSERT INTO students (id, code, personal_id, full_name, name_key, search_text, gender, birth_date, " \
  "class_id, boarding, active, left_on) VALUES "

static NtStore *
store_with_rows (void)
{
  NtStore *store = nt_test_new_store ();

  assert_accepted (store, "INSERT INTO classes (id, name, grade) VALUES (1, '6A1', 6)");
  assert_accepted (store, STUDENT_INSERT "(1, 'HS1', '012210000001', 'Lò Văn An', x'00', '', 'M', '2010-09-05', 1, 'boarding', 1, NULL)");
  assert_accepted (store, STUDENT_INSERT "(2, 'HS2', NULL, 'Lò Thị Ánh', x'00', '', 'F', '2010-01-31', 1, 'boarding', 1, NULL)");
  assert_accepted (store, "INSERT INTO buildings (id, name, gender, floors) VALUES (1, 'Nhà A', 'M', 3)");
  assert_accepted (store, "INSERT INTO rooms (id, building_id, floor, number, capacity, gender) VALUES (1, 1, 1, 'A101', 6, 'M')");
  assert_accepted (store, "INSERT INTO beds (id, room_id, label) VALUES (1, 1, '1'), (2, 1, '2')");
  assert_accepted (store, "INSERT INTO bed_assignments (student_id, bed_id, start_date) VALUES (1, 1, '2025-09-01')");
  return store;
}

static void
test_constraints_students (void)
{
  g_autoptr(NtStore) store = store_with_rows ();

  /* The code is unique. */
  assert_refused (store, STUDENT_INSERT "(3, 'HS1', NULL, 'Lò Văn Bình', x'00', '', 'M', '2010-09-05', 1, 'day', 1, NULL)");
  /* Gender is M or F. */
  assert_refused (store, STUDENT_INSERT "(3, 'HS3', NULL, 'Lò Văn Bình', x'00', '', 'X', '2010-09-05', 1, 'day', 1, NULL)");
  /* The birth date is ISO. */
  assert_refused (store, STUDENT_INSERT "(3, 'HS3', NULL, 'Lò Văn Bình', x'00', '', 'M', '05/09/2010', 1, 'day', 1, NULL)");
  /* The personal id has 12 digits. */
  assert_refused (store, STUDENT_INSERT "(3, 'HS3', '01221000001', 'Lò Văn Bình', x'00', '', 'M', '2010-09-05', 1, 'day', 1, NULL)");
  assert_refused (store, STUDENT_INSERT "(3, 'HS3', '01221000000A', 'Lò Văn Bình', x'00', '', 'M', '2010-09-05', 1, 'day', 1, NULL)");
  /* Active has no left date; left has one. */
  assert_refused (store, STUDENT_INSERT "(3, 'HS3', NULL, 'Lò Văn Bình', x'00', '', 'M', '2010-09-05', 1, 'day', 1, '2025-10-01')");
  assert_refused (store, STUDENT_INSERT "(3, 'HS3', NULL, 'Lò Văn Bình', x'00', '', 'M', '2010-09-05', 1, 'day', 0, NULL)");
  /* The class exists. */
  assert_refused (store, STUDENT_INSERT "(3, 'HS3', NULL, 'Lò Văn Bình', x'00', '', 'M', '2010-09-05', 99, 'day', 1, NULL)");
  /* Boarding status is one of three. */
  assert_refused (store, STUDENT_INSERT "(3, 'HS3', NULL, 'Lò Văn Bình', x'00', '', 'M', '2010-09-05', 1, 'yes', 1, NULL)");
  /* A blank name. */
  assert_refused (store, STUDENT_INSERT "(3, 'HS3', NULL, '   ', x'00', '', 'M', '2010-09-05', 1, 'day', 1, NULL)");
  /* A class with students cannot be deleted. */
  assert_refused (store, "DELETE FROM classes WHERE id = 1");

  /* The same row with every field right is accepted: the refusals above
   * came from the one wrong field. */
  assert_accepted (store, STUDENT_INSERT "(3, 'HS3', NULL, 'Lò Văn Bình', x'00', '', 'M', '2010-09-05', 1, 'day', 0, '2025-10-01')");
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM students"), ==, 3);
}

static void
test_constraints_beds (void)
{
  g_autoptr(NtStore) store = store_with_rows ();

  /* One open assignment per student... */
  assert_refused (store, "INSERT INTO bed_assignments (student_id, bed_id, start_date) VALUES (1, 2, '2025-09-02')");
  /* ...and per bed. */
  assert_refused (store, "INSERT INTO bed_assignments (student_id, bed_id, start_date) VALUES (2, 1, '2025-09-02')");
  /* It ends on or after the day it starts. */
  assert_refused (store, "INSERT INTO bed_assignments (student_id, bed_id, start_date, end_date) VALUES (2, 2, '2025-09-02', '2025-09-01')");
  assert_refused (store, "UPDATE bed_assignments SET end_date = '2025-08-31' WHERE student_id = 1");
  /* A student or bed that does not exist. */
  assert_refused (store, "INSERT INTO bed_assignments (student_id, bed_id, start_date) VALUES (99, 2, '2025-09-02')");
  assert_refused (store, "INSERT INTO bed_assignments (student_id, bed_id, start_date) VALUES (2, 99, '2025-09-02')");
  /* History keeps the student and the bed. */
  assert_refused (store, "DELETE FROM students WHERE id = 1");
  assert_refused (store, "DELETE FROM beds WHERE id = 1");

  /* A closed assignment frees the bed for another student. */
  assert_accepted (store, "UPDATE bed_assignments SET end_date = '2025-12-31' WHERE student_id = 1");
  assert_accepted (store, "INSERT INTO bed_assignments (student_id, bed_id, start_date) VALUES (2, 1, '2026-01-01')");
  assert_accepted (store, "INSERT INTO bed_assignments (student_id, bed_id, start_date) VALUES (1, 2, '2026-01-01')");

  /* Rooms: gender M, F or X; kind dorm, infirmary or staff; numbers unique
   * in a building; a floor from 1. */
  assert_refused (store, "INSERT INTO rooms (building_id, floor, number, capacity, gender) VALUES (1, 1, 'A102', 6, 'B')");
  assert_refused (store, "INSERT INTO rooms (building_id, floor, number, capacity, gender, kind) VALUES (1, 1, 'A102', 6, 'M', 'kitchen')");
  assert_refused (store, "INSERT INTO rooms (building_id, floor, number, capacity, gender) VALUES (1, 1, 'A101', 6, 'M')");
  assert_refused (store, "INSERT INTO rooms (building_id, floor, number, capacity, gender) VALUES (1, 0, 'A102', 6, 'M')");
  assert_refused (store, "INSERT INTO rooms (building_id, floor, number, capacity, gender) VALUES (9, 1, 'A102', 6, 'M')");
  assert_refused (store, "INSERT INTO buildings (name, gender, floors) VALUES ('Nhà C', 'Z', 3)");
  assert_accepted (store, "INSERT INTO rooms (building_id, floor, number, capacity, gender, kind) VALUES (1, 1, 'A102', 2, 'X', 'infirmary')");
}

static void
test_audit_log_append_only (void)
{
  g_autoptr(NtStore) store = store_with_rows ();

  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM audit_log"), >, 0);
  assert_refused (store, "UPDATE audit_log SET staff_id = 5");
  assert_refused (store, "DELETE FROM audit_log");
  assert_refused (store, "DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)");
}

static void
test_audit_actor (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  NtStaffInput input = { "GV001", "Lò Văn Minh", "M", "supervisor", "0912345678" };
  gint64 staff_id = nt_staff_add (store, &input, &error);
  gint64 class_id;
  g_autofree char *row = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (staff_id, >, 0);
  g_assert_cmpint (nt_store_get_actor (store), ==, 0);

  /* Nobody acting: the audit row has no staff. */
  class_id = nt_classes_add (store, "6A1", 6, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM audit_log WHERE table_name = 'classes' "
                                          "AND action = 'insert' AND staff_id IS NULL"), ==, 1);

  g_assert_true (nt_store_set_actor (store, staff_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (nt_store_get_actor (store), ==, staff_id);
  assert_accepted (store, "UPDATE classes SET name = '6A2' WHERE name = '6A1'");

  row = nt_test_query_text (store,
                    "SELECT staff_id || '|' || row_id || '|' || action || '|' || "
                    "json_extract (old_values, '$.name') || '|' || json_extract (new_values, '$.name') "
                    "FROM audit_log WHERE table_name = 'classes' ORDER BY id DESC LIMIT 1");
  {
    g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|update|6A1|6A2",
                                                 staff_id, class_id);
    g_assert_cmpstr (row, ==, expected);
  }

  /* A delete keeps the old values and no new ones. */
  assert_accepted (store, "DELETE FROM classes WHERE name = '6A2'");
  g_clear_pointer (&row, g_free);
  row = nt_test_query_text (store,
                    "SELECT staff_id || '|' || action || '|' || json_extract (old_values, '$.name') || '|' || "
                    "ifnull (new_values, 'null') FROM audit_log ORDER BY id DESC LIMIT 1");
  {
    g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT "|delete|6A2|null", staff_id);
    g_assert_cmpstr (row, ==, expected);
  }

  /* Back to nobody. */
  g_assert_true (nt_store_set_actor (store, 0, &error));
  assert_accepted (store, "INSERT INTO classes (name, grade) VALUES ('7A1', 7)");
  g_assert_cmpint (nt_store_count (store, "SELECT staff_id IS NULL FROM audit_log ORDER BY id DESC LIMIT 1"), ==, 1);
}

/* ----- refusing files ----------------------------------------------------- */

static void
assert_open_refused (const char  *path,
                     NtStoreOpenFlags flags,
                     NtErrorCode  code)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0, after_len = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(NtStore) store = NULL;

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  store = nt_store_open (path, flags, &error);
  g_assert_null (store);
  g_assert_error (error, NT_ERROR, (gint) code);
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

/* A real, closed database file (a demo school, large enough to cut). */
static char *
closed_demo_file (const char *name)
{
  g_autofree char *path = nt_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  NtDemoOptions options = { 3, 0 };
  NtStore *store = nt_demo_create (path, &options, &error);

  g_assert_no_error (error);
  g_assert_true (nt_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_assert_no_error (error);
  g_object_unref (store);
  return g_steal_pointer (&path);
}

static void
test_refuse_not_a_database (void)
{
  g_autofree char *path = nt_test_tmp_path ("notes.txt");
  g_autofree char *other = nt_test_tmp_path ("other.sqlite");
  sqlite3 *db = NULL;

  g_assert_true (g_file_set_contents (path, "Danh sách học sinh lớp 6A1\nLò Văn An\n", -1, NULL));
  assert_open_refused (path, NT_STORE_OPEN_EXISTING, NT_ERROR_NOT_A_DATABASE);
  assert_open_refused (path, NT_STORE_OPEN_CREATE, NT_ERROR_NOT_A_DATABASE);

  /* An SQLite file of another program. */
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_open_refused (other, NT_STORE_OPEN_EXISTING, NT_ERROR_NOT_A_DATABASE);
}

static void
test_refuse_damaged (void)
{
  g_autofree char *path = closed_demo_file ("whole.db");
  g_autofree char *cut = nt_test_tmp_path ("cut.db");
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 256 * 1024);
  g_assert_true (g_file_set_contents (cut, contents, (gssize) len / 2, NULL));
  assert_open_refused (cut, NT_STORE_OPEN_EXISTING, NT_ERROR_DAMAGED);

  /* The whole file still opens. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(NtStore) store = nt_store_open (path, NT_STORE_OPEN_EXISTING, &error);

    g_assert_no_error (error);
    g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM students"), >, 0);
  }
}

static void
on_verified (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;

  if (!nt_store_verify_finish (NT_STORE (source), result, error) && *error == NULL)
    g_assert_not_reached ();
  if (*error == NULL)
    *error = g_error_new_literal (NT_ERROR, NT_ERROR_FAILED, "ok");   /* marks "done, passed" */
}

static void
wait_verified (NtStore  *store,
               GError  **error)
{
  nt_store_verify_async (store, NULL, on_verified, error);
  while (*error == NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* With VERIFY_LATER the store opens at once and refuses writes until the
 * check in its thread has passed; a damaged file stays read-only and as it
 * was. */
static void
test_verify_later (void)
{
  g_autofree char *path = closed_demo_file ("later.db");
  g_autofree char *cut = nt_test_tmp_path ("later-cut.db");
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize len = 0, before_len = 0, after_len = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) result = NULL;

  {
    g_autoptr(NtStore) store = nt_store_open (path, NT_STORE_OPEN_EXISTING | NT_STORE_OPEN_VERIFY_LATER, &error);

    g_assert_no_error (error);
    g_assert_false (nt_store_is_verified (store));
    g_assert_false (nt_store_exec (store, "INSERT INTO classes (name, grade) VALUES ('6Z9', 6)", &error));
    g_assert_error (error, NT_ERROR, NT_ERROR_BUSY);
    g_clear_error (&error);
    g_assert_true (nt_store_set_actor (store, 1, &error));   /* remembered, written after the check */

    wait_verified (store, &result);
    g_assert_error (result, NT_ERROR, NT_ERROR_FAILED);      /* the "passed" mark */
    g_clear_error (&result);
    g_assert_true (nt_store_is_verified (store));
    g_assert_cmpint (nt_store_count (store, "SELECT staff_id FROM app_session"), ==, 1);
    g_assert_true (nt_store_exec (store, "INSERT INTO classes (name, grade) VALUES ('6Z9', 6)", &error));
    g_assert_no_error (error);
  }

  /* A file damaged past its first pages opens, fails the check, and is
   * never written to. */
  g_assert_true (g_file_get_contents (closed_demo_file ("later2.db"), &contents, &len, NULL));
  g_assert_true (g_file_set_contents (cut, contents, (gssize) len * 3 / 4, NULL));
  g_assert_true (g_file_get_contents (cut, &before, &before_len, NULL));
  {
    g_autoptr(NtStore) store = nt_store_open (cut, NT_STORE_OPEN_EXISTING | NT_STORE_OPEN_VERIFY_LATER, &error);

    if (store != NULL)
      {
        wait_verified (store, &result);
        g_assert_error (result, NT_ERROR, NT_ERROR_DAMAGED);
        g_assert_false (nt_store_is_verified (store));
        g_assert_false (nt_store_exec (store, "INSERT INTO classes (name, grade) VALUES ('6Z8', 6)", NULL));
      }
    else
      g_assert_error (error, NT_ERROR, NT_ERROR_DAMAGED);
  }
  g_assert_true (g_file_get_contents (cut, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_refuse_too_new (void)
{
  g_autofree char *path = closed_demo_file ("newer.db");
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  assert_open_refused (path, NT_STORE_OPEN_EXISTING, NT_ERROR_TOO_NEW);
  assert_open_refused (path, NT_STORE_OPEN_CREATE, NT_ERROR_TOO_NEW);
}

/* The number of classes another program (the sqlite3 shell) sees in @path;
 * as it closes, it checkpoints and deletes the write-ahead log if it takes
 * itself for the last user of the file. */
static int
classes_seen_by_another_program (const char *path)
{
  const char *argv[] = { "sqlite3", path, "SELECT count(*) FROM classes", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return atoi (out);
}

/* While the window has the database open, a second connection in the same
 * process (an export, an import, the check after opening, a backup looked
 * at before restoring) must not take the window's locks away: another
 * program would then delete the write-ahead log the window writes to, and
 * what the window saves afterwards would be lost. */
static void
test_second_connection_keeps_locks (void)
{
  g_autofree char *path = closed_demo_file ("locks.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(NtStore) window = nt_store_open (path, NT_STORE_OPEN_EXISTING | NT_STORE_OPEN_VERIFY_LATER, &error);
  g_autoptr(GError) verified = NULL;
  int before;

  g_assert_no_error (error);
  wait_verified (window, &verified);
  g_assert_true (nt_store_is_verified (window));
  before = (int) nt_store_count (window, "SELECT count(*) FROM classes");
  g_assert_true (nt_store_exec (window, "INSERT INTO classes (name, grade) VALUES ('6Z1', 6)", &error));
  g_assert_no_error (error);

  /* An export's connection, opened and closed, and the restore check. */
  {
    g_autoptr(NtStore) export = nt_store_open (path, NT_STORE_OPEN_EXISTING, &error);
    g_autoptr(NtBackupInfo) info = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (nt_store_count (export, "SELECT count(*) FROM classes"), ==, before + 1);
    info = nt_backup_inspect (path, &error);
    g_assert_no_error (error);
  }

  g_assert_cmpint (classes_seen_by_another_program (path), ==, before + 1);
  g_assert_true (nt_store_exec (window, "INSERT INTO classes (name, grade) VALUES ('6Z2', 6)", &error));
  g_assert_no_error (error);
  /* What the window saved after that is in the file for everyone. */
  g_assert_cmpint (classes_seen_by_another_program (path), ==, before + 2);
}

static void
test_refuse_existing_for_new (void)
{
  g_autofree char *path = nt_test_tmp_path ("existing.db");
  g_autofree char *text = nt_test_tmp_path ("existing.txt");
  g_autoptr(GError) error = NULL;

  g_object_unref (nt_store_open (path, NT_STORE_OPEN_NEW, &error));
  g_assert_no_error (error);
  assert_open_refused (path, NT_STORE_OPEN_NEW, NT_ERROR_EXISTS);

  g_assert_true (g_file_set_contents (text, "x", -1, NULL));
  assert_open_refused (text, NT_STORE_OPEN_NEW, NT_ERROR_EXISTS);
}

/* ----- transactions ----------------------------------------------------- */

static void
test_nested_transactions (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;

  /* Inner rolled back, outer committed: only the outer write stays. */
  g_assert_true (nt_store_begin (store, &error));
  assert_accepted (store, "INSERT INTO classes (name, grade) VALUES ('6A1', 6)");
  g_assert_true (nt_store_begin (store, &error));
  assert_accepted (store, "INSERT INTO classes (name, grade) VALUES ('6A2', 6)");
  nt_store_rollback (store);
  g_assert_true (nt_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (nt_classes_find (store, "6A1"), >, 0);
  g_assert_cmpint (nt_classes_find (store, "6A2"), ==, 0);
  g_assert_true (sqlite3_get_autocommit (nt_store_get_db (store)));

  /* Inner committed, outer rolled back: nothing stays. */
  g_assert_true (nt_store_begin (store, &error));
  assert_accepted (store, "INSERT INTO classes (name, grade) VALUES ('7A1', 7)");
  g_assert_true (nt_store_begin (store, &error));
  assert_accepted (store, "INSERT INTO classes (name, grade) VALUES ('7A2', 7)");
  g_assert_true (nt_store_commit (store, &error));
  g_assert_false (sqlite3_get_autocommit (nt_store_get_db (store)));
  nt_store_rollback (store);
  g_assert_cmpint (nt_classes_find (store, "7A1"), ==, 0);
  g_assert_cmpint (nt_classes_find (store, "7A2"), ==, 0);
  g_assert_true (sqlite3_get_autocommit (nt_store_get_db (store)));

  /* Three deep, the middle one rolled back with the innermost in it. */
  g_assert_true (nt_store_begin (store, &error));
  assert_accepted (store, "INSERT INTO classes (name, grade) VALUES ('8A1', 8)");
  g_assert_true (nt_store_begin (store, &error));
  assert_accepted (store, "INSERT INTO classes (name, grade) VALUES ('8A2', 8)");
  g_assert_true (nt_store_begin (store, &error));
  assert_accepted (store, "INSERT INTO classes (name, grade) VALUES ('8A3', 8)");
  g_assert_true (nt_store_commit (store, &error));
  nt_store_rollback (store);
  g_assert_true (nt_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (nt_classes_find (store, "8A1"), >, 0);
  g_assert_cmpint (nt_classes_find (store, "8A2"), ==, 0);
  g_assert_cmpint (nt_classes_find (store, "8A3"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);

  g_test_add_func ("/store/migrations", test_migrations);
  g_test_add_func ("/store/reopen", test_reopen_keeps_data);
  g_test_add_func ("/store/pragmas", test_pragmas);
  g_test_add_func ("/store/file-mode", test_file_mode);
  g_test_add_func ("/store/constraints/students", test_constraints_students);
  g_test_add_func ("/store/constraints/beds-and-rooms", test_constraints_beds);
  g_test_add_func ("/store/audit/append-only", test_audit_log_append_only);
  g_test_add_func ("/store/audit/actor", test_audit_actor);
  g_test_add_func ("/store/refuse/not-a-database", test_refuse_not_a_database);
  g_test_add_func ("/store/refuse/damaged", test_refuse_damaged);
  g_test_add_func ("/store/refuse/too-new", test_refuse_too_new);
  g_test_add_func ("/store/verify-later", test_verify_later);
  g_test_add_func ("/store/second-connection-keeps-locks", test_second_connection_keeps_locks);
  g_test_add_func ("/store/refuse/existing-for-new", test_refuse_existing_for_new);
  g_test_add_func ("/store/nested-transactions", test_nested_transactions);

  return g_test_run ();
}
