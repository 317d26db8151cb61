/* test-backup.c: copies, the daily rotation, checking and restoring */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "nt-access.h"
#include "nt-backup.h"
#include "nt-error.h"
#include "nt-school.h"
#include "nt-test-util.h"

static char *
checksum_of (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

static gint64
count_in (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
record_progress (double   fraction,
                 gpointer user_data)
{
  double *last = user_data;
  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_remove (path);
    }
  g_rmdir (dir);
}

/* ----- copying ---------------------------------------------------------- */

static void
test_copy_consistent_private (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (3);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = nt_test_tmp_path ("usb");
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  GStatBuf st;
  double last = 0;
  gint64 students = nt_store_count (store, "SELECT count(*) FROM students");

  /* An open write in the window is not in the copy: only what is saved. */
  g_assert_true (nt_store_begin (store, &error));
  g_assert_true (nt_store_exec (store, "UPDATE students SET ethnicity = 'X' WHERE id = 1", &error));

  path = nt_backup_to_folder (store, dir, record_progress, &last, NULL, &error);
  g_assert_no_error (error);
  nt_store_rollback (store);
  g_assert_nonnull (path);
  g_assert_cmpfloat (last, ==, 1.0);

  /* Named after the school and the day. */
  g_assert_true (g_str_has_prefix (strrchr (path, '/') + 1, "noitru-truong-"));
  g_assert_nonnull (strstr (path, date));

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (count_in (path, "SELECT count(*) FROM students"), ==, students);
  g_assert_cmpint (count_in (path, "SELECT count(*) FROM students WHERE ethnicity = 'X'"), ==, 0);
  /* Not a WAL file: it opens from a read-only stick. */
  g_assert_cmpint (count_in (path, "PRAGMA journal_mode"), !=, -1);
  {
    g_autofree char *part = g_strconcat (path, ".part", NULL);
    g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  }

  /* A second copy in the same minute gets its own name. */
  {
    g_autofree char *second = nt_backup_to_folder (store, dir, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (second, !=, path);
    g_assert_true (g_file_test (second, G_FILE_TEST_EXISTS));
  }

  expected = checksum_of (path);
  g_assert_false (nt_backup_copy (nt_store_get_path (store), path, NULL, NULL, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_EXISTS);
  g_clear_error (&error);
  {
    g_autofree char *after = checksum_of (path);
    g_assert_cmpstr (after, ==, expected);
  }
  remove_tree (dir);
}

static void
test_copy_cancelled (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (4);
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dest = nt_test_tmp_path ("cancelled.db");
  g_autofree char *part = g_strconcat (dest, ".part", NULL);

  g_cancellable_cancel (cancellable);
  g_assert_false (nt_backup_copy (nt_store_get_path (store), dest, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
}

static void
test_copy_refused_role (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (5);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = nt_test_tmp_path ("refused");
  g_autofree char *path = NULL;
  gint64 supervisor = nt_store_count (store, "SELECT min(id) FROM staff WHERE role = 'supervisor'");

  g_assert_true (nt_store_set_actor (store, supervisor, &error));
  path = nt_backup_to_folder (store, dir, NULL, NULL, NULL, &error);
  g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
  g_assert_null (path);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

static void
on_copied (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  char **path = user_data;
  g_autoptr(GError) error = NULL;

  *path = nt_backup_to_folder_finish (NT_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
test_copy_async (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (6);
  g_autofree char *dir = nt_test_tmp_path ("async");
  g_autofree char *path = NULL;

  nt_backup_to_folder_async (store, dir, NULL, NULL, NULL, on_copied, &path);
  while (path == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (count_in (path, "SELECT count(*) FROM staff"), ==,
                   nt_store_count (store, "SELECT count(*) FROM staff"));
  remove_tree (dir);
}

/* ----- the daily copy --------------------------------------------------- */

static void
touch (const char *dir,
       const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, "x", 1, NULL));
}

static gboolean
exists_in (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_rotation (void)
{
  g_autofree char *dir = nt_test_tmp_path ("rotation");
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 11, 27, 7, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) left = NULL;
  guint n = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  /* A copy every day for 500 days, but none on 20/11. */
  for (int i = 0; i < 500; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (today, -i);
      g_autofree char *name = g_date_time_format (day, "noitru-truong-a-%Y-%m-%d.db");
      if (i != 7)
        touch (dir, name);
    }
  touch (dir, "noitru-truong-a-2024-01-01-0930.db");     /* a manual copy */
  touch (dir, "before-restore-2024-01-01-093000.db");
  touch (dir, "noitru-truong-a-2026-11-26.db.part");       /* cut short */
  touch (dir, "notes.txt");

  g_assert_true (nt_backup_rotate (dir, today, &error));
  g_assert_no_error (error);

  /* The 14 newest days that have a copy: 27/11 back to 13/11, without 20/11. */
  g_assert_true (exists_in (dir, "noitru-truong-a-2026-11-27.db"));
  g_assert_true (exists_in (dir, "noitru-truong-a-2026-11-13.db"));
  g_assert_false (exists_in (dir, "noitru-truong-a-2026-11-12.db"));
  /* The first of each of the last 12 months (11/2026 back to 12/2025). */
  g_assert_true (exists_in (dir, "noitru-truong-a-2026-11-01.db"));
  g_assert_true (exists_in (dir, "noitru-truong-a-2026-03-01.db"));
  g_assert_false (exists_in (dir, "noitru-truong-a-2026-03-02.db"));
  g_assert_true (exists_in (dir, "noitru-truong-a-2025-12-01.db"));
  g_assert_false (exists_in (dir, "noitru-truong-a-2025-11-01.db"));
  /* Other files are never touched; leftovers are removed. */
  g_assert_true (exists_in (dir, "noitru-truong-a-2024-01-01-0930.db"));
  g_assert_true (exists_in (dir, "before-restore-2024-01-01-093000.db"));
  g_assert_true (exists_in (dir, "notes.txt"));
  g_assert_false (exists_in (dir, "noitru-truong-a-2026-11-26.db.part"));

  left = nt_backup_list (dir);
  for (guint i = 0; i < left->len; i++)
    {
      NtBackupInfo *info = g_ptr_array_index (left, i);
      if (g_str_has_prefix (strrchr (info->path, '/') + 1, "noitru-truong-a-2") &&
          strlen (strrchr (info->path, '/') + 1) == strlen ("noitru-truong-a-2026-11-27.db"))
        n++;
    }
  /* 14 days + the firsts of 12 months (none of them among the 14 days). */
  g_assert_cmpuint (n, ==, 14 + 12);
  remove_tree (dir);
}

static void
test_daily (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (7);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) monday = g_date_time_new_local (2026, 11, 23, 6, 30, 0);
  g_autoptr(GDateTime) later = g_date_time_new_local (2026, 11, 23, 21, 0, 0);
  g_autoptr(GDateTime) tuesday = g_date_time_new_local (2026, 11, 24, 6, 30, 0);
  g_autofree char *dir = nt_backup_default_dir (nt_store_get_path (store));
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *next = NULL;
  g_autoptr(GPtrArray) list = NULL;

  first = nt_backup_daily (store, monday, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_true (g_str_has_suffix (first, "-2026-11-23.db"));
  g_assert_true (g_str_has_prefix (first, dir));

  /* The second start of the day makes none. */
  again = nt_backup_daily (store, later, &error);
  g_assert_no_error (error);
  g_assert_null (again);

  next = nt_backup_daily (store, tuesday, &error);
  g_assert_no_error (error);
  g_assert_nonnull (next);

  list = nt_backup_list (dir);
  g_assert_cmpuint (list->len, ==, 2);
  remove_tree (dir);
}

static void
on_daily (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GError **error = user_data;
  char *path = nt_backup_daily_finish (NT_STORE (source), result, error);

  g_object_set_data_full (source, "daily-path", path ? path : g_strdup (""), g_free);
}

static const char *
run_daily_async (NtStore   *store,
                 GDateTime *now,
                 GError   **error)
{
  g_object_set_data (G_OBJECT (store), "daily-path", NULL);
  nt_backup_daily_async (store, now, NULL, on_daily, error);
  while (g_object_get_data (G_OBJECT (store), "daily-path") == NULL)
    g_main_context_iteration (NULL, TRUE);
  return g_object_get_data (G_OBJECT (store), "daily-path");
}

/* The window's start makes the day's copy in a thread; the second start
 * of the day makes none. */
static void
test_daily_async (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (15);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) morning = g_date_time_new_local (2026, 12, 1, 6, 0, 0);
  g_autoptr(GDateTime) evening = g_date_time_new_local (2026, 12, 1, 21, 0, 0);
  g_autofree char *dir = nt_backup_default_dir (nt_store_get_path (store));
  g_autofree char *first = NULL;

  first = g_strdup (run_daily_async (store, morning, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (first, "-2026-12-01.db"));
  g_assert_cmpint (count_in (first, "SELECT count(*) FROM students"), ==,
                   nt_store_count (store, "SELECT count(*) FROM students"));
  g_assert_cmpstr (run_daily_async (store, evening, &error), ==, "");
  g_assert_no_error (error);
  remove_tree (dir);
}

/* ----- checking and restoring ------------------------------------------- */

static char *
backup_of (NtStore    *store,
           const char *name)
{
  g_autofree char *path = nt_test_tmp_path (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (nt_backup_copy (nt_store_get_path (store), path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
corrupt (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 40960);
  /* Pages 3 to 9 overwritten: b-tree pages of the schema's first tables. */
  memset (data + 2 * 4096, 0x5a, 7 * 4096);
  g_assert_true (g_file_set_contents (path, data, len, NULL));
}

static void
set_user_version (const char *path,
                  int         version)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_inspect (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (8);
  g_autofree char *good = backup_of (store, "inspect-good.db");
  g_autofree char *damaged = backup_of (store, "inspect-damaged.db");
  g_autofree char *newer = backup_of (store, "inspect-newer.db");
  g_autofree char *text = nt_test_write_tmp ("inspect.txt", "Họ và tên\n", 11);
  g_autoptr(NtBackupInfo) info = NULL;
  g_autoptr(NtSchoolInfo) school = nt_school_get (store);
  g_autoptr(GError) error = NULL;

  info = nt_backup_inspect (good, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->school_name, ==, school->name);
  g_assert_cmpint (info->schema_version, ==, nt_store_latest_schema_version ());
  g_assert_cmpint (info->students, ==, nt_store_count (store, "SELECT count(*) FROM students WHERE active = 1"));
  g_assert_cmpint (info->night_checks, ==, nt_store_count (store, "SELECT count(*) FROM night_checks"));
  g_assert_cmpint (info->students, >, 0);

  corrupt (damaged);
  g_assert_null (nt_backup_inspect (damaged, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_DAMAGED);
  g_clear_error (&error);

  set_user_version (newer, nt_store_latest_schema_version () + 1);
  g_assert_null (nt_backup_inspect (newer, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_TOO_NEW);
  g_clear_error (&error);

  g_assert_null (nt_backup_inspect (text, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_A_DATABASE);
}

static void
test_restore (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *dir = NULL;
  gint64 students;

  {
    g_autoptr(NtStore) store = nt_test_demo_store (9);
    db = g_strdup (nt_store_get_path (store));
    students = nt_store_count (store, "SELECT count(*) FROM students");
    backup = backup_of (store, "restore-source.db");
    /* A change after the backup: the restore takes it back. */
    g_assert_true (nt_store_exec (store, "INSERT INTO classes (name, grade) VALUES ('Z9', 9); "
                                         "UPDATE students SET ethnicity = 'Sau' WHERE id = 2", &error));
  }

  g_assert_true (nt_backup_restore (db, backup, FALSE, &saved, &error));
  g_assert_no_error (error);
  g_assert_nonnull (saved);
  dir = nt_backup_default_dir (db);
  g_assert_true (g_str_has_prefix (saved, dir));

  /* The kept copy is the database as it was just before. */
  g_assert_cmpint (count_in (saved, "SELECT count(*) FROM students WHERE ethnicity = 'Sau'"), ==, 1);
  g_assert_cmpint (count_in (saved, "SELECT count(*) FROM classes WHERE name = 'Z9'"), ==, 1);

  {
    g_autoptr(NtStore) store = nt_store_open (db, NT_STORE_OPEN_EXISTING, &error);
    g_assert_no_error (error);
    g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM students"), ==, students);
    g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM students WHERE ethnicity = 'Sau'"), ==, 0);
    g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM classes WHERE name = 'Z9'"), ==, 0);
  }
  {
    GStatBuf st;
    g_assert_cmpint (g_stat (db, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  remove_tree (dir);
}

static void
test_restore_refused (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (10);
  g_autoptr(NtStore) other = nt_test_demo_store (10);
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_strdup (nt_store_get_path (store));
  g_autofree char *damaged = backup_of (store, "refused-damaged.db");
  g_autofree char *newer = backup_of (store, "refused-newer.db");
  g_autofree char *good = backup_of (store, "refused-good.db");
  g_autofree char *foreign = NULL;
  g_autofree char *before = NULL;
  g_autofree char *dir = nt_backup_default_dir (db);

  corrupt (damaged);
  set_user_version (newer, nt_store_latest_schema_version () + 1);
  g_assert_true (nt_store_exec (other, "UPDATE school SET name = 'Trường PTDTNT huyện Sìn Hồ'", &error));
  foreign = backup_of (other, "refused-foreign.db");

  /* While the store is open (another window), nothing is replaced. */
  g_assert_false (nt_backup_restore (db, good, FALSE, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_BUSY);
  g_clear_error (&error);

  g_clear_object (&store);
  before = checksum_of (db);

  g_assert_false (nt_backup_restore (db, damaged, FALSE, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_DAMAGED);
  g_clear_error (&error);
  g_assert_false (nt_backup_restore (db, newer, FALSE, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_TOO_NEW);
  g_clear_error (&error);
  g_assert_false (nt_backup_restore (db, foreign, FALSE, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);

  {
    g_autofree char *after = checksum_of (db);
    g_autofree char *part = g_strconcat (db, ".restoring", NULL);
    g_assert_cmpstr (after, ==, before);
    g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  }

  /* Asked for, another school's backup is restored. */
  g_assert_true (nt_backup_restore (db, foreign, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_in (db, "SELECT count(*) FROM school WHERE name LIKE '%Sìn Hồ'"), ==, 1);
  remove_tree (dir);
}

static void
test_check (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (11);
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = backup_of (store, "check-bad.db");
  g_autofree char *broken = backup_of (store, "check-broken.db");
  sqlite3 *db = NULL;

  g_assert_cmpuint (nt_backup_check (nt_store_get_path (store), report, &error), ==, 0);
  g_assert_no_error (error);

  /* A bed assignment of a student who does not exist, written behind the
   * program's back. */
  g_assert_cmpint (sqlite3_open (bad, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = OFF; "
                                     "UPDATE bed_assignments SET student_id = 999999 WHERE id = "
                                     "(SELECT min(id) FROM bed_assignments)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_string_truncate (report, 0);
  g_assert_cmpuint (nt_backup_check (bad, report, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report->str, "bed_assignments"));

  corrupt (broken);
  g_string_truncate (report, 0);
  g_assert_cmpuint (nt_backup_check (broken, report, &error), >, 0);
}

/* ----- the command line ------------------------------------------------- */

static void
test_cli (void)
{
  g_autofree char *db = nt_test_tmp_path ("cli.db");
  g_autofree char *usb = nt_test_tmp_path ("cli-usb");
  g_autofree char *dir = nt_backup_default_dir (db);
  g_autofree char *copy = NULL;
  g_autoptr(GPtrArray) list = NULL;

  {
    g_auto(NtTestRun) r;
    nt_test_run_noitru (&r, (const char *[]) { "--demo", db, "--students", "120", NULL });
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(NtTestRun) r;
    nt_test_run_noitru (&r, (const char *[]) { "--db", db, "--backup", usb, NULL });
    g_assert_cmpint (r.status, ==, 0);
  }
  list = nt_backup_list (usb);
  g_assert_cmpuint (list->len, ==, 1);
  copy = g_strdup (((NtBackupInfo *) g_ptr_array_index (list, 0))->path);

  {
    g_auto(NtTestRun) r;
    nt_test_run_noitru (&r, (const char *[]) { "--db", db, "--check", NULL });
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(NtTestRun) r;
    nt_test_run_noitru (&r, (const char *[]) { "--db", db, "--restore", copy, NULL });
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "120"));
  }

  /* A damaged database: --check says so and exits 1. */
  {
    g_auto(NtTestRun) r;
    g_autofree char *bad = nt_test_tmp_path ("cli-bad.db");
    g_autoptr(GFile) from = g_file_new_for_path (copy);
    g_autoptr(GFile) to = g_file_new_for_path (bad);
    g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL));
    corrupt (bad);
    nt_test_run_noitru (&r, (const char *[]) { "--db", bad, "--check", NULL });
    g_assert_cmpint (r.status, ==, 1);
  }
  /* A restore of a file that is no backup: exit 1, nothing changed. */
  {
    g_auto(NtTestRun) r;
    g_autofree char *before = checksum_of (db);
    g_autofree char *after = NULL;
    g_autofree char *text = nt_test_write_tmp ("cli-not.db", "not a database", 14);
    nt_test_run_noitru (&r, (const char *[]) { "--db", db, "--restore", text, NULL });
    g_assert_cmpint (r.status, ==, 1);
    after = checksum_of (db);
    g_assert_cmpstr (after, ==, before);
  }
  remove_tree (usb);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);

  g_test_add_func ("/backup/copy-consistent-private", test_copy_consistent_private);
  g_test_add_func ("/backup/copy-cancelled", test_copy_cancelled);
  g_test_add_func ("/backup/copy-refused-role", test_copy_refused_role);
  g_test_add_func ("/backup/copy-async", test_copy_async);
  g_test_add_func ("/backup/rotation", test_rotation);
  g_test_add_func ("/backup/daily", test_daily);
  g_test_add_func ("/backup/daily-async", test_daily_async);
  g_test_add_func ("/backup/inspect", test_inspect);
  g_test_add_func ("/backup/restore", test_restore);
  g_test_add_func ("/backup/restore-refused", test_restore_refused);
  g_test_add_func ("/backup/check", test_check);
  g_test_add_func ("/backup/cli", test_cli);

  return g_test_run ();
}
