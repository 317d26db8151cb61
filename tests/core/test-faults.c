/* test-faults.c: power cuts, a full disk and a second program
 *
 * A child (fault-worker) runs one long write and is killed with SIGKILL
 * (g_subprocess_force_exit) at a random moment; the database must then
 * pass integrity_check and foreign_key_check, and the operation must be
 * wholly there or wholly absent. The seed of the moments is the test's
 * (--seed to replay a run).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "nt-backup.h"
#include "nt-error.h"
#include "nt-import.h"
#include "nt-roster.h"
#include "nt-school.h"
#include "nt-test-util.h"

#define KILLS_PER_OPERATION 26
#define IMPORT_ROWS 1200

static char *pristine;     /* the school every run starts from */
static char *import_csv;

/* ----- the school ------------------------------------------------------- */

static void
exec_sql (NtStore    *store,
          const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_assert_true (nt_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static void
write_import_csv (void)
{
  g_autoptr(GString) csv = g_string_new ("STT,Mã học sinh,Họ và tên,Ngày sinh,Giới tính,Lớp,Dân tộc,SĐT phụ huynh,Nội trú\n");
  static const char * const family[] = { "Lò", "Giàng", "Tòng", "Vàng", "Lường", "Hoàng" };
  static const char * const middle[] = { "Văn", "Thị", "Minh", "A" };
  static const char * const given[] = { "Chứ", "Pằng", "Sính", "Mai", "Dung", "Thào", "Lả", "Xuân" };

  /* Names repeat (as they do in a school); the codes do not. */
  for (int i = 0; i < IMPORT_ROWS; i++)
    g_string_append_printf (csv, "%d,F%05d,%s %s %s,%02d/%02d/2011,%s,%dA%d,Thái,09123%05d,x\n",
                            i + 1, i + 1, family[i % 6], middle[(i / 6) % 4], given[(i / 24) % 8],
                            i % 28 + 1, i % 12 + 1, i % 2 ? "Nữ" : "Nam", 6 + i % 4, 1 + i % 3, i);
  import_csv = nt_test_write_tmp ("fault-import.csv", csv->str, csv->len);
}

/* A demo school whose boarders have no bed yet (the assignment has work
 * to do), with posts and shifts (the roster has work to do). */
static void
build_pristine (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (31);
  g_autoptr(GError) error = NULL;

  exec_sql (store, "UPDATE bed_assignments SET end_date = max (start_date, '2026-11-30') WHERE end_date IS NULL");
  exec_sql (store, "INSERT INTO posts (name, night_gender, roles) VALUES ('Nhà nam', 'M', ''), "
                   "('Nhà nữ', 'F', ''), ('Cổng', 'X', 'guard,supervisor')");
  g_assert_true (nt_roster_ensure_defaults (store, &error));
  g_assert_no_error (error);
  pristine = g_strdup (nt_store_get_path (store));
  write_import_csv ();
}

static void
fresh_copy (const char *dest)
{
  g_autoptr(GFile) from = g_file_new_for_path (pristine);
  g_autoptr(GFile) to = g_file_new_for_path (dest);
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (dest, "-wal", NULL);
  g_autofree char *shm = g_strconcat (dest, "-shm", NULL);

  g_remove (wal);
  g_remove (shm);
  g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* ----- the checks after a kill ----------------------------------------- */

/* Opens as the program would next time (the WAL is recovered), and checks
 * the whole file. Returns the value of @sql. */
static gint64
check_database (const char *path,
                const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM pragma_foreign_key_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);

  if (sql != NULL)
    {
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      value = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return value;
}

/* ----- the child -------------------------------------------------------- */

static char *
worker_path (void)
{
  return g_build_filename (g_getenv ("NOITRU_BUILD_ROOT"), "tests", "core", "fault-worker", NULL);
}

static GSubprocess *
spawn_worker (const char *const *args,
              GSubprocessFlags   flags)
{
  g_autofree char *worker = worker_path ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *child;

  g_ptr_array_add (argv, worker);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  child = g_subprocess_newv ((const char * const *) argv->pdata, flags, &error);
  g_assert_no_error (error);
  return child;
}

/* Runs the worker to its end; returns how long it took. */
static gint64
run_whole (const char *const *args)
{
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();

  child = spawn_worker (args, G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_assert_true (g_subprocess_wait_check (child, NULL, &error));
  g_assert_no_error (error);
  return g_get_monotonic_time () - t0;
}

/* Starts the worker and kills it after @delay µs; returns whether it was
 * killed (rather than done first). */
static gboolean
run_killed (const char *const *args,
            gint64             delay)
{
  g_autoptr(GSubprocess) child = spawn_worker (args, G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                     G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GError) error = NULL;

  g_usleep (delay);
  g_subprocess_force_exit (child);
  g_assert_true (g_subprocess_wait (child, NULL, &error));
  g_assert_no_error (error);
  if (g_subprocess_get_if_signaled (child))
    return TRUE;
  g_assert_cmpint (g_subprocess_get_exit_status (child), ==, 0);
  return FALSE;
}

typedef struct
{
  const char *name;
  const char *count_sql;   /* what the operation changes, whole or not at all */
} Operation;

/* Kills @args' worker KILLS_PER_OPERATION times at random moments of its
 * run; after each kill the database is checked, and the count is either
 * the one before or the one after the whole operation. */
static void
kill_many (const Operation   *op,
           const char *const *args,
           const char        *db)
{
  gint64 before, after, took;
  guint killed = 0, whole = 0, none = 0;

  fresh_copy (db);
  before = check_database (db, op->count_sql);
  took = run_whole (args);
  after = check_database (db, op->count_sql);
  g_assert_cmpint (after, !=, before);

  for (guint run = 0; killed < KILLS_PER_OPERATION && run < 4 * KILLS_PER_OPERATION; run++)
    {
      /* From just after the start to near the end: the program's own
       * start is part of the run. */
      gint64 delay = g_test_rand_int_range (2, 95) * took / 100;
      gint64 value;

      fresh_copy (db);
      if (run_killed (args, delay))
        killed++;
      value = check_database (db, op->count_sql);
      if (value != before && value != after)
        g_error ("%s killed after %" G_GINT64_FORMAT " µs: %" G_GINT64_FORMAT " rows, neither %"
                 G_GINT64_FORMAT " (before) nor %" G_GINT64_FORMAT " (after)",
                 op->name, delay, value, before, after);
      if (value == after)
        whole++;
      else
        none++;
    }
  g_test_message ("%s: %u kills (run takes %" G_GINT64_FORMAT " ms): %u found whole, %u found absent",
                  op->name, killed, took / 1000, whole, none);
  g_assert_cmpuint (killed, >=, KILLS_PER_OPERATION);
}

static void
test_kill_import (void)
{
  g_autofree char *db = nt_test_tmp_path ("kill-import.db");
  const Operation op = { "import", "SELECT count(*) FROM students" };
  const char *args[] = { db, "import", import_csv, NULL };

  kill_many (&op, args, db);
}

static void
test_kill_assign (void)
{
  g_autofree char *db = nt_test_tmp_path ("kill-assign.db");
  const Operation op = { "assignment", "SELECT count(*) FROM bed_assignments WHERE end_date IS NULL" };
  const char *args[] = { db, "assign", NULL };

  kill_many (&op, args, db);
}

static void
test_kill_roster (void)
{
  g_autofree char *db = nt_test_tmp_path ("kill-roster.db");
  const Operation op = { "roster", "SELECT count(*) FROM duties" };
  const char *args[] = { db, "roster", NULL };

  kill_many (&op, args, db);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

/* Six copies one after the other; after a kill each one is either a
 * whole, restorable backup or not there (a ".part" leftover is no backup,
 * and the next daily rotation removes it). The database is untouched. */
static void
test_kill_backup (void)
{
  g_autofree char *db = nt_test_tmp_path ("kill-backup.db");
  g_autofree char *dir = nt_test_tmp_path ("kill-backup");
  const char *args[] = { db, "backup", dir, "6", NULL };
  gint64 students, active, took;
  guint killed = 0, copies = 0;

  fresh_copy (db);
  students = check_database (db, "SELECT count(*) FROM students");
  active = check_database (db, "SELECT count(*) FROM students WHERE active = 1");
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  took = run_whole (args);
  remove_dir (dir);

  for (guint run = 0; killed < KILLS_PER_OPERATION && run < 4 * KILLS_PER_OPERATION; run++)
    {
      g_autoptr(GDir) d = NULL;
      const char *name;

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      if (run_killed (args, g_test_rand_int_range (2, 95) * took / 100))
        killed++;

      d = g_dir_open (dir, 0, NULL);
      while ((name = g_dir_read_name (d)))
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_autoptr(NtBackupInfo) info = NULL;
          g_autoptr(GError) error = NULL;

          if (strstr (name, ".part") != NULL)
            continue;
          info = nt_backup_inspect (path, &error);
          g_assert_no_error (error);
          g_assert_cmpint (info->students, ==, active);
          copies++;
        }
      g_clear_pointer (&d, g_dir_close);
      remove_dir (dir);
      g_assert_cmpint (check_database (db, "SELECT count(*) FROM students"), ==, students);
    }
  g_test_message ("backup: %u kills, %u whole copies found", killed, copies);
  g_assert_cmpuint (killed, >=, KILLS_PER_OPERATION);
}

/* ----- a second program holding the write lock ------------------------- */

static GSubprocess *
hold_lock (const char *db,
           int         ms)
{
  g_autofree char *arg = g_strdup_printf ("%d", ms);
  const char *args[] = { db, "hold", arg, NULL };
  GSubprocess *child = spawn_worker (args, G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GDataInputStream) out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  g_autoptr(GError) error = NULL;

  /* "started", then "locked" once it holds the lock. */
  for (int i = 0; i < 2; i++)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (line);
      if (i == 1)
        g_assert_cmpstr (line, ==, "locked");
    }
  return child;
}

static void
test_busy (void)
{
  g_autofree char *db = nt_test_tmp_path ("busy.db");
  g_autoptr(NtStore) store = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  gint64 t0;

  fresh_copy (db);
  store = nt_store_open (db, NT_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);

  /* Held longer than the busy timeout: a clear refusal, nothing half done. */
  child = hold_lock (db, 12000);
  t0 = g_get_monotonic_time ();
  g_assert_cmpint (nt_classes_add (store, "12Z1", 12, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_BUSY);
  g_assert_cmpint (g_get_monotonic_time () - t0, >=, 5 * G_TIME_SPAN_SECOND);
  g_clear_error (&error);
  g_assert_true (g_subprocess_wait_check (child, NULL, &error));
  g_clear_object (&child);

  /* The program goes on: the same change is saved once the lock is gone,
   * and the other program's change is there too. */
  g_assert_cmpint (nt_classes_add (store, "12Z1", 12, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM school WHERE curfew = '22:00'"), ==, 1);

  /* Held briefly: the write waits for it and succeeds. */
  child = hold_lock (db, 1500);
  g_assert_cmpint (nt_classes_add (store, "12Z2", 12, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (child, NULL, &error));
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM classes WHERE name IN ('12Z1', '12Z2')"), ==, 2);

  g_clear_object (&store);
  check_database (db, NULL);
}

/* ----- a full disk ------------------------------------------------------ */

static gboolean
run_tool (const char *const *argv)
{
  int status = -1;
  g_autoptr(GError) error = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

/* Fills the filesystem of @dir to the last byte. */
static char *
fill_disk (const char *dir)
{
  char *filler = g_build_filename (dir, "filler", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (filler);
  g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL);
  g_autofree char *block = g_malloc0 (4096);
  gsize written;

  g_assert_nonnull (out);
  while (g_output_stream_write_all (G_OUTPUT_STREAM (out), block, 4096, &written, NULL, NULL))
    ;
  /* A last partial block. */
  g_output_stream_write_all (G_OUTPUT_STREAM (out), block, 1, &written, NULL, NULL);
  g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL);
  return filler;
}

static void
test_full_disk (void)
{
  g_autofree char *dir = nt_test_tmp_path ("small-disk");
  g_autofree char *db = g_build_filename (dir, "noitru.db", NULL);
  g_autofree char *filler = NULL;
  g_autofree char *size = NULL;
  g_autoptr(NtStore) store = NULL;
  g_autoptr(NtImport) import = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  gint64 students;

  g_assert_cmpint (g_stat (pristine, &st), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  size = g_strdup_printf ("size=%" G_GINT64_FORMAT "k", (gint64) st.st_size / 1024 + 2048);
  if (!run_tool ((const char *[]) { "mount", "-t", "tmpfs", "-o", size, "tmpfs", dir, NULL }))
    {
      g_test_skip ("A small filesystem could not be mounted (mount -t tmpfs needs root): the full-disk case is not tested here.");
      g_rmdir (dir);
      return;
    }

  fresh_copy (db);
  store = nt_store_open (db, NT_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  students = nt_store_count (store, "SELECT count(*) FROM students");

  import = nt_import_new (store, NT_IMPORT_STUDENTS);
  g_assert_true (nt_import_load (import, import_csv, NULL, NULL, &error));
  g_assert_true (nt_import_validate (import, NULL, NULL, NULL, &error));
  g_assert_cmpuint (nt_import_get_problems (import)->len, ==, 0);

  filler = fill_disk (dir);

  /* The write fails with the disk-full message… */
  g_assert_false (nt_import_commit (import, NULL, NULL, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_IO);
  g_test_message ("full disk: %s", error->message);
  g_clear_error (&error);
  /* …nothing saved is lost and the program keeps reading… */
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM students"), ==, students);
  /* …a backup onto the full disk fails whole… */
  {
    g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
    g_autofree char *part = g_strconcat (copy, ".part", NULL);
    g_assert_false (nt_backup_copy (db, copy, NULL, NULL, NULL, &error));
    g_assert_error (error, NT_ERROR, NT_ERROR_IO);
    g_clear_error (&error);
    g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  }
  /* …and once there is room again, the same file is checked and saved. */
  g_remove (filler);
  g_assert_true (nt_import_validate (import, NULL, NULL, NULL, &error));
  g_assert_cmpuint (nt_import_get_problems (import)->len, ==, 0);
  g_assert_true (nt_import_commit (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM students"), ==, students + IMPORT_ROWS);

  g_clear_pointer (&import, nt_import_free);
  g_clear_object (&store);
  check_database (db, NULL);

  g_assert_true (run_tool ((const char *[]) { "umount", dir, NULL }));
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);
  build_pristine ();

  g_test_add_func ("/faults/kill-import", test_kill_import);
  g_test_add_func ("/faults/kill-assignment", test_kill_assign);
  g_test_add_func ("/faults/kill-roster", test_kill_roster);
  g_test_add_func ("/faults/kill-backup", test_kill_backup);
  g_test_add_func ("/faults/busy", test_busy);
  g_test_add_func ("/faults/full-disk", test_full_disk);

  return g_test_run ();
}
