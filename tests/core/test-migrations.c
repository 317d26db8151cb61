/* test-migrations.c: a database of every released schema opens with this
 * build, is brought up to date, and keeps every record
 *
 * tests/data/schema-NNN.db is a small school made with schema NNN as
 * released (tests/data/make-schema-001.c made the first). Add one fixture
 * per release.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "nt-backup.h"
#include "nt-error.h"
#include "nt-school.h"
#include "nt-test-util.h"

static char *
copy_fixture (const char *name)
{
  g_autofree char *from_path = nt_test_data_path (name);
  char *to_path = nt_test_tmp_path (name);
  g_autoptr(GFile) from = g_file_new_for_path (from_path);
  g_autoptr(GFile) to = g_file_new_for_path (to_path);
  g_autoptr(GError) error = NULL;

  /* Never opened in place: opening upgrades the file. */
  g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return to_path;
}

static gint64
text_count (NtStore    *store,
            const char *sql,
            const char *text)
{
  sqlite3_stmt *stmt = nt_store_prepare (store, sql, NULL);
  gint64 n = -1;

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static void
test_schema_001 (void)
{
  g_autofree char *path = copy_fixture ("schema-001.db");
  g_autoptr(NtStore) store = NULL;
  g_autoptr(NtSchoolInfo) school = NULL;
  g_autoptr(GError) error = NULL;
  gint64 audit_before;

  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version), "
                                             "(SELECT count(*) FROM audit_log)", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    audit_before = sqlite3_column_int64 (stmt, 1);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  store = nt_store_open (path, NT_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nt_store_get_schema_version (store), ==, nt_store_latest_schema_version ());

  school = nt_school_get (store);
  g_assert_cmpstr (school->name, ==, "Trường PTDTNT huyện Phong Thổ");
  g_assert_cmpstr (school->curfew, ==, "21:30");

  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM students"), ==, 5);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM students WHERE active = 0 AND left_on = '2025-10-15'"), ==, 1);
  g_assert_cmpint (text_count (store, "SELECT count(*) FROM students WHERE full_name = ?1 AND ethnicity = 'Dao'",
                               "Đặng Văn Đức"), ==, 1);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM staff WHERE role = 'principal' AND code = 'CB01'"), ==, 1);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM classes WHERE homeroom_id = 2"), ==, 1);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM bed_assignments WHERE end_date IS NULL"), ==, 3);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM bed_assignments"), ==, 4);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM leaves WHERE state = 'returned' AND approved_by = 1"), ==, 1);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM night_check_entries WHERE leave_id = 1 AND status = 'leave'"), ==, 1);
  /* The audit trail is kept, and search still finds a name without its marks. */
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM audit_log"), >=, audit_before);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM students_fts WHERE students_fts MATCH 'dang'"), ==, 1);

  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (text_count (store, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = ?1", "ok"), ==, 1);

  /* The upgraded school takes new records. */
  g_assert_cmpint (nt_classes_add (store, "12A1", 12, &error), >, 0);
  g_assert_no_error (error);
}

/* A backup of an older schema is accepted for a restore, and upgraded on
 * the next open. */
static void
test_restore_older_backup (void)
{
  g_autofree char *backup = copy_fixture ("schema-001.db");
  g_autofree char *db = nt_test_tmp_path ("older-restored.db");
  g_autoptr(NtBackupInfo) info = NULL;
  g_autoptr(NtStore) store = NULL;
  g_autoptr(GError) error = NULL;

  info = nt_backup_inspect (backup, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->schema_version, ==, 1);
  g_assert_cmpint (info->students, ==, 4);

  g_assert_true (nt_backup_restore (db, backup, FALSE, NULL, &error));
  g_assert_no_error (error);
  store = nt_store_open (db, NT_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nt_store_get_schema_version (store), ==, nt_store_latest_schema_version ());
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM students"), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);

  g_test_add_func ("/migrations/schema-001", test_schema_001);
  g_test_add_func ("/migrations/restore-older-backup", test_restore_older_backup);

  return g_test_run ();
}
