/* nt-backup.c: copies of the database, checking them, and restoring one
 *
 * A copy is made with SQLite's online backup API on its own read
 * connection, so it is consistent while the window keeps writing. It is
 * written beside its final name, flushed, then renamed: a copy cut short by
 * a power cut or a full USB stick never looks like a backup. A restore
 * checks the file first, keeps a copy of the current database, and replaces
 * the file the same way, so at every moment the database is either the old
 * one or the restored one.
 */
#define G_LOG_DOMAIN "nt-backup"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "nt-access.h"
#include "nt-backup.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-platform.h"
#include "nt-school.h"
#include "nt-vntext.h"

#define PAGES_PER_STEP 2048
#define BUSY_TIMEOUT_MS 10000
#define PART_SUFFIX ".part"

/* ----- names ------------------------------------------------------------ */

/* The school's name as a file name: "Trường PTDTNT Mường Tè" →
 * "truong-ptdtnt-muong-te". Only ASCII letters and digits, so that it
 * survives a FAT-formatted USB stick and any Windows code page. */
static char *
slug (const char *name)
{
  g_autofree char *folded = nt_vn_fold (name ? name : "");
  GString *out = g_string_new (NULL);
  gboolean dash = FALSE;

  for (const char *p = folded; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && out->len > 0)
            g_string_append_c (out, '-');
          g_string_append_c (out, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        dash = TRUE;
      if (out->len >= 48)
        break;
    }
  if (out->len == 0)
    g_string_append (out, "truong");
  return g_string_free (out, FALSE);
}

/**
 * nt_backup_file_name:
 * @when: the time of the copy
 * @with_time: add the hour and minute (manual copies, several a day)
 *
 * Returns: (transfer full): "noitru-<school>-YYYY-MM-DD[-HHMM].db"
 */
char *
nt_backup_file_name (NtStore   *store,
                     GDateTime *when,
                     gboolean   with_time)
{
  g_autoptr(NtSchoolInfo) info = NULL;
  g_autofree char *school = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (when != NULL, NULL);

  info = nt_school_get (store);
  school = slug (info ? info->name : NULL);
  date = g_date_time_format (when, with_time ? "%Y-%m-%d-%H%M" : "%Y-%m-%d");
  return g_strdup_printf ("noitru-%s-%s.db", school, date);
}

/**
 * nt_backup_default_dir:
 *
 * Returns: (transfer full): the "backups" folder beside @db_path
 */
char *
nt_backup_default_dir (const char *db_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  dir = g_path_get_dirname (db_path);
  return g_build_filename (dir, "backups", NULL);
}

/* ----- copying ---------------------------------------------------------- */

static gboolean
sqlite_error (sqlite3     *db,
              int          rc,
              const char  *path,
              GError     **error)
{
  int code = rc & 0xff;

  if (code == SQLITE_FULL)
    g_set_error (error, NT_ERROR, NT_ERROR_IO,
                 _("The disk holding “%s” is full: the backup was not made. Free some space or choose another place; the database was not changed."),
                 path);
  else if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    g_set_error (error, NT_ERROR, NT_ERROR_BUSY,
                 _("Another program is using “%s”: try again in a moment."), path);
  else if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
    g_set_error (error, NT_ERROR, NT_ERROR_DAMAGED,
                 _("“%s” is damaged (%s)."), path, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  else
    g_set_error (error, NT_ERROR, NT_ERROR_IO, _("Could not copy “%s”: %s"),
                 path, db && sqlite3_errcode (db) != SQLITE_OK ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

static sqlite3 *
open_read_only (const char  *path,
                GError     **error)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *ro = NULL;
  sqlite3 *db = NULL;
  int rc;

  if (uri == NULL)
    uri = g_strdup_printf ("file:%s", path);
  ro = g_strdup_printf ("%s?mode=ro", uri);
  rc = sqlite3_open_v2 (ro, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite_error (db, rc, path, error);
      sqlite3_close_v2 (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  return db;
}

/* Copies the database @src into the new file @dest_path, all of it as one
 * snapshot (the read transaction is held across the steps, so writes by the
 * window in between do not restart the copy). */
static gboolean
copy_database (sqlite3        *src,
               const char     *src_path,
               const char     *dest_path,
               NtProgressFunc  progress,
               gpointer        progress_data,
               GCancellable   *cancellable,
               GError        **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup = NULL;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite_error (dest, rc, dest_path, error);
      goto out;
    }
  /* The file is new and only renamed into place after g_fsync(): the
   * journal would protect nothing. */
  sqlite3_exec (dest, "PRAGMA synchronous = OFF", NULL, NULL, NULL);

  if (sqlite3_exec (src, "BEGIN; SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) != SQLITE_OK)
    {
      sqlite_error (src, sqlite3_errcode (src), src_path, error);
      goto out;
    }

  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    {
      sqlite_error (dest, sqlite3_errcode (dest), dest_path, error);
      goto out;
    }

  do
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
      rc = sqlite3_backup_step (backup, PAGES_PER_STEP);
      if (progress)
        {
          int total = sqlite3_backup_pagecount (backup);
          int left = sqlite3_backup_remaining (backup);
          progress (total > 0 ? (double) (total - left) / total : 1.0, progress_data);
        }
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

  rc = sqlite3_backup_finish (backup);
  backup = NULL;
  if (rc != SQLITE_OK)
    {
      sqlite_error (dest, rc, dest_path, error);
      goto out;
    }

  /* A copy of a WAL database says "WAL" in its header; a backup on a
   * read-only USB stick must open without a -wal file beside it. */
  if (sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
    {
      sqlite_error (dest, sqlite3_errcode (dest), dest_path, error);
      goto out;
    }
  ok = TRUE;

out:
  if (backup)
    sqlite3_backup_finish (backup);
  sqlite3_exec (src, "ROLLBACK", NULL, NULL, NULL);
  if (dest && sqlite3_close (dest) != SQLITE_OK && ok)
    ok = sqlite_error (dest, sqlite3_errcode (dest), dest_path, error);
  return ok;
}

/* A new empty file readable by its owner only. */
static gboolean
create_private (const char  *path,
                GError     **error)
{
  if (!g_file_set_contents (path, "", 0, error))
    return FALSE;
  return nt_platform_make_private (path, error);
}

/* Removes an unfinished copy and the journal SQLite may have left beside it. */
static void
remove_unfinished (const char *part)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (part, suffixes[i], NULL);
      g_remove (path);
    }
}

/* Moves @part to @dest once it is on the disk. */
static gboolean
publish (const char  *part,
         const char  *dest,
         GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (dest);

  if (!nt_platform_sync_file (part, error))
    return FALSE;
  if (g_rename (part, dest) != 0)
    {
      int saved = errno;
      g_set_error (error, NT_ERROR, NT_ERROR_IO, _("Could not write “%s”: %s"),
                   dest, g_strerror (saved));
      return FALSE;
    }
  return nt_platform_sync_dir (dir, error);
}

/**
 * nt_backup_copy:
 * @db_path: the database to copy (it may be open and in use)
 * @dest: the backup file to make; an existing file is refused
 * @progress: (nullable): called from this thread with the fraction done
 *
 * Makes a consistent copy of @db_path at @dest. Can run in a thread: it
 * uses its own connections. When it fails or is cancelled, @dest does not
 * exist.
 */
gboolean
nt_backup_copy (const char      *db_path,
                const char      *dest,
                NtProgressFunc   progress,
                gpointer         progress_data,
                GCancellable    *cancellable,
                GError         **error)
{
  g_autofree char *part = NULL;
  sqlite3 *src = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_file_test (dest, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_EXISTS,
                   _("“%s” already exists; it was not overwritten."), dest);
      return FALSE;
    }

  part = g_strconcat (dest, PART_SUFFIX, NULL);
  remove_unfinished (part);
  src = open_read_only (db_path, error);
  if (src == NULL)
    return FALSE;

  ok = create_private (part, error) &&
       copy_database (src, db_path, part, progress, progress_data, cancellable, error) &&
       publish (part, dest, error);
  sqlite3_close_v2 (src);
  if (!ok)
    remove_unfinished (part);
  return ok;
}

static gboolean
ensure_folder (const char  *dir,
               GError     **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, NT_ERROR, NT_ERROR_IO, _("Could not create the folder “%s”: %s"),
                   dir, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* A free name in @folder: the minute's name, then "-2", "-3"… */
static char *
free_name (const char *folder,
           const char *name)
{
  g_autofree char *stem = g_strndup (name, strlen (name) - 3);
  char *path = g_build_filename (folder, name, NULL);

  for (guint i = 2; g_file_test (path, G_FILE_TEST_EXISTS) && i < 1000; i++)
    {
      g_autofree char *other = g_strdup_printf ("%s-%u.db", stem, i);
      g_free (path);
      path = g_build_filename (folder, other, NULL);
    }
  return path;
}

/**
 * nt_backup_to_folder:
 * @folder: where to put the copy (a USB stick)
 *
 * Makes a copy named after the school and the time in @folder.
 *
 * Returns: (transfer full): the new file's path, or %NULL with @error set
 */
char *
nt_backup_to_folder (NtStore         *store,
                     const char      *folder,
                     NtProgressFunc   progress,
                     gpointer         progress_data,
                     GCancellable    *cancellable,
                     GError         **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (folder != NULL, NULL);

  if (!nt_access_require (store, NT_PERM_BACKUP, error))
    return NULL;
  if (!ensure_folder (folder, error))
    return NULL;

  name = nt_backup_file_name (store, now, TRUE);
  path = free_name (folder, name);
  if (!nt_backup_copy (nt_store_get_path (store), path, progress, progress_data, cancellable, error))
    return NULL;
  return g_steal_pointer (&path);
}

typedef struct
{
  char           *db_path;
  char           *dest;
  NtProgressFunc  progress;
  gpointer        progress_data;
} CopyJob;

static void
copy_job_free (CopyJob *job)
{
  g_free (job->db_path);
  g_free (job->dest);
  g_free (job);
}

static void
copy_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  CopyJob *job = task_data;
  GError *error = NULL;

  if (nt_backup_copy (job->db_path, job->dest, job->progress, job->progress_data, cancellable, &error))
    g_task_return_pointer (task, g_strdup (job->dest), g_free);
  else
    g_task_return_error (task, error);
}

/**
 * nt_backup_to_folder_async:
 * @progress: (nullable): called from the worker thread
 *
 * nt_backup_to_folder() in a thread; the permission and the name are
 * settled before it starts.
 */
void
nt_backup_to_folder_async (NtStore             *store,
                           const char          *folder,
                           NtProgressFunc       progress,
                           gpointer             progress_data,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = NULL;
  GError *error = NULL;
  CopyJob *job;

  g_return_if_fail (NT_IS_STORE (store));
  g_return_if_fail (folder != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, nt_backup_to_folder_async);

  if (!nt_access_require (store, NT_PERM_BACKUP, &error) || !ensure_folder (folder, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  name = nt_backup_file_name (store, now, TRUE);
  job = g_new0 (CopyJob, 1);
  job->db_path = g_strdup (nt_store_get_path (store));
  job->dest = free_name (folder, name);
  job->progress = progress;
  job->progress_data = progress_data;
  g_task_set_task_data (task, job, (GDestroyNotify) copy_job_free);
  g_task_run_in_thread (task, copy_thread);
}

char *
nt_backup_to_folder_finish (NtStore       *store,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ----- the daily copy and its rotation ---------------------------------- */

/* The date in an automatic backup's name "noitru-…-YYYY-MM-DD.db", or
 * FALSE for any other file (manual copies, copies kept before a restore):
 * the rotation never deletes those. */
static gboolean
daily_date (const char *name,
            char        date[11])
{
  gsize len = strlen (name);
  const char *d;

  if (!g_str_has_prefix (name, "noitru-") || !g_str_has_suffix (name, ".db") || len < 7 + 10 + 3)
    return FALSE;
  d = name + len - 3 - 10;
  if (d[-1] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if ((i == 4 || i == 7) ? d[i] != '-' : !g_ascii_isdigit (d[i]))
      return FALSE;
  memcpy (date, d, 10);
  date[10] = '\0';
  return TRUE;
}

typedef struct
{
  char *name;
  char  date[11];
} Daily;

static void
daily_free (gpointer p)
{
  Daily *d = p;
  g_free (d->name);
  g_free (d);
}

static int
daily_newest_first (gconstpointer a,
                    gconstpointer b)
{
  const Daily *x = *(const Daily * const *) a;
  const Daily *y = *(const Daily * const *) b;
  int c = strcmp (y->date, x->date);
  return c != 0 ? c : strcmp (y->name, x->name);
}

/**
 * nt_backup_rotate:
 * @dir: the automatic backups' folder
 * @now: today
 *
 * Keeps the automatic backups of the last %NT_BACKUP_KEEP_DAILY days that
 * have one, and the first backup of each of the last
 * %NT_BACKUP_KEEP_MONTHLY months; deletes the other automatic backups and
 * the leftovers of copies cut short.
 */
gboolean
nt_backup_rotate (const char  *dir,
                  GDateTime   *now,
                  GError     **error)
{
  g_autoptr(GDir) d = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (daily_free);
  g_autoptr(GHashTable) keep = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *today = NULL;
  const char *name;
  guint days = 0;

  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  d = g_dir_open (dir, 0, error);
  if (d == NULL)
    return FALSE;

  today = g_date_time_format (now, "%Y-%m-%d");
  while ((name = g_dir_read_name (d)))
    {
      Daily *b;
      char date[11];

      if (strstr (name, ".db" PART_SUFFIX) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_remove (path);
          continue;
        }
      if (!daily_date (name, date))
        continue;
      b = g_new0 (Daily, 1);
      b->name = g_strdup (name);
      memcpy (b->date, date, sizeof date);
      g_ptr_array_add (all, b);
    }
  g_ptr_array_sort (all, daily_newest_first);

  /* The newest of each of the last days… */
  for (guint i = 0; i < all->len; i++)
    {
      Daily *b = g_ptr_array_index (all, i);
      if (i > 0 && strcmp (b->date, ((Daily *) g_ptr_array_index (all, i - 1))->date) == 0)
        continue;
      if (days++ < NT_BACKUP_KEEP_DAILY)
        g_hash_table_add (keep, b->name);
    }

  /* …and the first of each of the last months (the list runs newest first,
   * so the last one seen in a month is its first). */
  for (guint i = 0; i < all->len; i++)
    {
      Daily *b = g_ptr_array_index (all, i);
      g_autofree char *month = g_strndup (b->date, 7);

      if (!g_hash_table_contains (months, month) && g_hash_table_size (months) >= NT_BACKUP_KEEP_MONTHLY)
        continue;
      g_hash_table_insert (months, g_steal_pointer (&month), b->name);
    }
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, months);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_hash_table_add (keep, value);
  }

  for (guint i = 0; i < all->len; i++)
    {
      Daily *b = g_ptr_array_index (all, i);
      g_autofree char *path = NULL;

      if (g_hash_table_contains (keep, b->name) || strcmp (b->date, today) > 0)
        continue;
      path = g_build_filename (dir, b->name, NULL);
      if (g_remove (path) != 0)
        g_debug ("Could not remove the old backup %s: %s", path, g_strerror (errno));
    }
  return TRUE;
}

/**
 * nt_backup_daily:
 * @now: today (the caller's clock, so tests can move it)
 *
 * The automatic copy on the first start of a day: when today has no copy in
 * the "backups" folder beside the database yet, makes one and rotates the
 * folder. Any actor may trigger it: it only copies.
 *
 * Returns: (transfer full) (nullable): the new copy's path; %NULL with no
 *   error when today already has one
 */
char *
nt_backup_daily (NtStore    *store,
                 GDateTime  *now,
                 GError    **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *suffix = NULL;
  g_autoptr(GDir) d = NULL;
  const char *entry;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = nt_backup_default_dir (nt_store_get_path (store));
  if (!ensure_folder (dir, error))
    return NULL;

  /* Today's copy may carry an older name of the school. */
  suffix = g_date_time_format (now, "-%Y-%m-%d.db");
  d = g_dir_open (dir, 0, error);
  if (d == NULL)
    return NULL;
  while ((entry = g_dir_read_name (d)))
    {
      char date[11];
      if (daily_date (entry, date) && g_str_has_suffix (entry, suffix))
        return NULL;
    }

  name = nt_backup_file_name (store, now, FALSE);
  path = g_build_filename (dir, name, NULL);
  if (!nt_backup_copy (nt_store_get_path (store), path, NULL, NULL, NULL, error))
    return NULL;
  if (!nt_backup_rotate (dir, now, error))
    return NULL;
  return g_steal_pointer (&path);
}

typedef struct
{
  char      *db_path;
  char      *dest;      /* NULL: today has its copy */
  char      *dir;
  GDateTime *now;
} DailyJob;

static void
daily_job_free (DailyJob *job)
{
  g_free (job->db_path);
  g_free (job->dest);
  g_free (job->dir);
  g_clear_pointer (&job->now, g_date_time_unref);
  g_free (job);
}

static void
daily_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  DailyJob *job = task_data;
  GError *error = NULL;

  if (job->dest == NULL)
    g_task_return_pointer (task, NULL, NULL);
  else if (nt_backup_copy (job->db_path, job->dest, NULL, NULL, cancellable, &error) &&
           nt_backup_rotate (job->dir, job->now, &error))
    g_task_return_pointer (task, g_strdup (job->dest), g_free);
  else
    g_task_return_error (task, error);
}

/**
 * nt_backup_daily_async:
 *
 * nt_backup_daily() with the copy in a thread, for the window's start.
 */
void
nt_backup_daily_async (NtStore             *store,
                       GDateTime           *now,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GDir) d = NULL;
  g_autofree char *suffix = NULL;
  GError *error = NULL;
  DailyJob *job;
  const char *entry;

  g_return_if_fail (NT_IS_STORE (store));
  g_return_if_fail (now != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, nt_backup_daily_async);

  job = g_new0 (DailyJob, 1);
  job->db_path = g_strdup (nt_store_get_path (store));
  job->dir = nt_backup_default_dir (job->db_path);
  job->now = g_date_time_ref (now);
  g_task_set_task_data (task, job, (GDestroyNotify) daily_job_free);

  if (!ensure_folder (job->dir, &error) || (d = g_dir_open (job->dir, 0, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  suffix = g_date_time_format (now, "-%Y-%m-%d.db");
  while ((entry = g_dir_read_name (d)))
    {
      char date[11];
      if (daily_date (entry, date) && g_str_has_suffix (entry, suffix))
        {
          g_task_return_pointer (task, NULL, NULL);
          return;
        }
    }
  {
    g_autofree char *name = nt_backup_file_name (store, now, FALSE);
    job->dest = g_build_filename (job->dir, name, NULL);
  }
  g_task_run_in_thread (task, daily_thread);
}

/**
 * nt_backup_daily_finish:
 *
 * Returns: (transfer full) (nullable): as nt_backup_daily()
 */
char *
nt_backup_daily_finish (NtStore       *store,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static int
info_newest_first (gconstpointer a,
                   gconstpointer b)
{
  const NtBackupInfo *x = *(const NtBackupInfo * const *) a;
  const NtBackupInfo *y = *(const NtBackupInfo * const *) b;
  int c = g_date_time_compare (y->modified, x->modified);
  return c != 0 ? c : strcmp (y->path, x->path);
}

/**
 * nt_backup_list:
 * @dir: a backups folder
 *
 * The copies in @dir, newest first, without opening them: only the path,
 * the time and the size are filled in (nt_backup_inspect() reads one).
 *
 * Returns: (transfer full) (element-type NtBackupInfo): the copies
 */
GPtrArray *
nt_backup_list (const char *dir)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) nt_backup_info_free);
  g_autoptr(GDir) d = NULL;
  const char *name;

  g_return_val_if_fail (dir != NULL, out);

  d = g_dir_open (dir, 0, NULL);
  while (d && (name = g_dir_read_name (d)))
    {
      g_autoptr(GFile) file = NULL;
      g_autoptr(GFileInfo) fi = NULL;
      NtBackupInfo *info;

      if (!g_str_has_suffix (name, ".db"))
        continue;
      info = g_new0 (NtBackupInfo, 1);
      info->path = g_build_filename (dir, name, NULL);
      file = g_file_new_for_path (info->path);
      fi = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_TIME_MODIFIED,
                              G_FILE_QUERY_INFO_NONE, NULL, NULL);
      if (fi)
        {
          g_autoptr(GDateTime) utc = g_file_info_get_modification_date_time (fi);
          info->size = g_file_info_get_size (fi);
          info->modified = utc ? g_date_time_to_local (utc) : NULL;
        }
      if (info->modified == NULL)
        info->modified = g_date_time_new_from_unix_local (0);
      g_ptr_array_add (out, info);
    }
  g_ptr_array_sort (out, info_newest_first);
  return out;
}

/* ----- checking a file -------------------------------------------------- */

void
nt_backup_info_free (NtBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_free (info->school_name);
  g_free (info->school_year);
  g_clear_pointer (&info->modified, g_date_time_unref);
  g_free (info);
}

static gint64
count (sqlite3    *db,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static gboolean
refuse_damaged (const char  *path,
                const char  *detail,
                GError     **error)
{
  g_set_error (error, NT_ERROR, NT_ERROR_DAMAGED,
               _("“%s” is damaged (%s): it cannot be restored. Choose another backup; nothing was changed."),
               path, detail);
  return FALSE;
}

/* The checks a file must pass to be restored, on a read-only connection. */
static gboolean
inspect_db (sqlite3       *db,
            const char    *path,
            NtBackupInfo  *info,
            GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *problem = NULL;

  /* quick_check reads every page and record but does not match indexes
   * against their tables: a restore check of a large school stays within
   * two seconds. --check runs the full integrity_check. */
  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL) != SQLITE_OK)
    {
      if (sqlite3_errcode (db) == SQLITE_NOTADB)
        {
          g_set_error (error, NT_ERROR, NT_ERROR_NOT_A_DATABASE,
                       _("“%s” is not a Nội trú backup. Choose another file; nothing was changed."), path);
          return FALSE;
        }
      return refuse_damaged (path, sqlite3_errmsg (db), error);
    }
  if (sqlite3_step (stmt) != SQLITE_ROW)
    problem = g_strdup (sqlite3_errmsg (db));
  else if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    problem = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (problem)
    return refuse_damaged (path, problem, error);

  info->schema_version = (int) count (db, "PRAGMA user_version");
  if (info->schema_version > nt_store_latest_schema_version ())
    {
      g_set_error (error, NT_ERROR, NT_ERROR_TOO_NEW,
                   _("“%s” was made by a newer version of Nội trú (schema %d; this program knows up to %d). Update the program first; nothing was changed."),
                   path, info->schema_version, nt_store_latest_schema_version ());
      return FALSE;
    }
  if (info->schema_version < 1 || count (db, "SELECT count(*) FROM school") < 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Nội trú backup. Choose another file; nothing was changed."), path);
      return FALSE;
    }
  if (count (db, "SELECT count(*) FROM pragma_foreign_key_check") != 0)
    return refuse_damaged (path, _("records point to records that do not exist"), error);

  if (sqlite3_prepare_v2 (db, "SELECT name, school_year FROM school WHERE id = 1", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      info->school_name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      info->school_year = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);
  if (info->school_name == NULL)
    info->school_name = g_strdup ("");
  if (info->school_year == NULL)
    info->school_year = g_strdup ("");

  info->students = count (db, "SELECT count(*) FROM students WHERE active = 1");
  info->staff = count (db, "SELECT count(*) FROM staff WHERE active = 1");
  info->rooms = count (db, "SELECT count(*) FROM rooms WHERE active = 1");
  info->night_checks = count (db, "SELECT count(*) FROM night_checks");
  info->leaves = count (db, "SELECT count(*) FROM leaves");
  info->audit_entries = count (db, "SELECT count(*) FROM audit_log");
  return TRUE;
}

/**
 * nt_backup_inspect:
 * @path: a backup file
 *
 * Opens @path read-only and checks it as a restore would: integrity,
 * foreign keys, schema version, that it is a school's database. Never
 * writes to it.
 *
 * Returns: (transfer full): what it holds, or %NULL with @error set
 *   (%NT_ERROR_DAMAGED, %NT_ERROR_TOO_NEW, %NT_ERROR_NOT_A_DATABASE…)
 */
NtBackupInfo *
nt_backup_inspect (const char  *path,
                   GError     **error)
{
  g_autoptr(NtBackupInfo) info = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) fi = NULL;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("There is no file “%s”."), path);
      return NULL;
    }

  /* Not read here with plain file calls: the file may be the window's own
   * database, and closing a descriptor of it would drop the window's locks
   * (see check_existing_file() in nt-store.c). SQLite says
   * SQLITE_NOTADB at the first read of a file that is not a database. */
  file = g_file_new_for_path (path);

  info = g_new0 (NtBackupInfo, 1);
  info->path = g_strdup (path);
  fi = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_TIME_MODIFIED,
                          G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (fi)
    {
      g_autoptr(GDateTime) utc = g_file_info_get_modification_date_time (fi);
      info->size = g_file_info_get_size (fi);
      info->modified = utc ? g_date_time_to_local (utc) : NULL;
    }
  if (info->modified == NULL)
    info->modified = g_date_time_new_from_unix_local (0);

  db = open_read_only (path, error);
  if (db == NULL)
    return NULL;
  ok = inspect_db (db, path, info, error);
  sqlite3_close_v2 (db);
  if (!ok)
    return NULL;
  return g_steal_pointer (&info);
}

/* ----- restoring -------------------------------------------------------- */

/* Brings the live database to one file: its WAL folded in and switched
 * off, so that the file can be replaced without a stale -wal being played
 * over the restored one. Fails with %NT_ERROR_BUSY while another program
 * has it open. A damaged database may refuse to be settled: it is replaced
 * all the same (its copy was kept), with its -wal. */
static gboolean
settle_live_database (const char  *db_path,
                      GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *mode = NULL;
  int rc;

  rc = sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_close_v2 (db);
      return TRUE;
    }
  sqlite3_busy_timeout (db, 2000);

  rc = sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA journal_mode = DELETE", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);

  /* Another connection keeps the WAL: journal_mode stays "wal". */
  if (mode != NULL ? g_strcmp0 (mode, "delete") != 0
                   : ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_BUSY,
                   _("“%s” is open in another Nội trú window or program: close it, then restore again. Nothing was changed."),
                   db_path);
      return FALSE;
    }
  return TRUE;
}

/* Keeps the database as it is at @copy: a consistent copy when it can be
 * read, else the raw files (a damaged database is what one restores over). */
static gboolean
keep_current (const char  *db_path,
              const char  *copy,
              GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  g_autofree char *wal = NULL;

  if (nt_backup_copy (db_path, copy, NULL, NULL, NULL, &local))
    return TRUE;
  if (g_error_matches (local, NT_ERROR, NT_ERROR_BUSY) || g_error_matches (local, NT_ERROR, NT_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  g_debug ("Keeping the raw file of %s: %s", db_path, local->message);

  from = g_file_new_for_path (db_path);
  to = g_file_new_for_path (copy);
  if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, error) ||
      !nt_platform_make_private (copy, error))
    return FALSE;
  wal = g_strconcat (db_path, "-wal", NULL);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *copy_wal = g_strconcat (copy, "-wal", NULL);
      g_autoptr(GFile) wf = g_file_new_for_path (wal);
      g_autoptr(GFile) wt = g_file_new_for_path (copy_wal);
      if (!g_file_copy (wf, wt, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static char *
saved_copy_path (const char *db_path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *dir = nt_backup_default_dir (db_path);
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  g_autofree char *name = g_strdup_printf ("before-restore-%s.db", stamp);

  return free_name (dir, name);
}

/**
 * nt_backup_restore:
 * @db_path: the database to replace; no store may have it open
 * @backup: the backup file
 * @allow_other_school: restore even when @backup is another school's
 * @saved_copy: (out) (optional) (transfer full): where the database as it
 *   was before is kept
 *
 * Checks @backup (nt_backup_inspect()), keeps a copy of the current
 * database in its backups folder, then replaces the database with
 * @backup's content. A backup that fails a check is refused and nothing
 * changes. The caller checks %NT_PERM_BACKUP first.
 */
gboolean
nt_backup_restore (const char  *db_path,
                   const char  *backup,
                   gboolean     allow_other_school,
                   char       **saved_copy,
                   GError     **error)
{
  g_autoptr(NtBackupInfo) info = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *part = NULL;
  g_autofree char *dir = NULL;
  gboolean exists;
  sqlite3 *src;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (backup != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = nt_backup_inspect (backup, error);
  if (info == NULL)
    return FALSE;

  exists = g_file_test (db_path, G_FILE_TEST_EXISTS);
  if (exists)
    {
      g_autoptr(NtBackupInfo) current = NULL;
      sqlite3 *db = open_read_only (db_path, NULL);

      if (db != NULL)
        {
          current = g_new0 (NtBackupInfo, 1);
          if (!inspect_db (db, db_path, current, NULL))
            g_clear_pointer (&current, nt_backup_info_free);
          sqlite3_close_v2 (db);
        }
      if (!allow_other_school && current != NULL && current->school_name[0] != '\0' &&
          g_strcmp0 (current->school_name, info->school_name) != 0)
        {
          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("“%s” is the backup of “%s”, not of “%s”: it was not restored. Nothing was changed."),
                       backup, info->school_name, current->school_name);
          return FALSE;
        }

      /* The database as it is now, however it is, stays within reach. */
      dir = nt_backup_default_dir (db_path);
      if (!ensure_folder (dir, error))
        return FALSE;
      copy = saved_copy_path (db_path);
      if (!keep_current (db_path, copy, error))
        {
          g_prefix_error (error, _("The current database could not be kept before restoring: "));
          return FALSE;
        }
    }

  /* The restored content is written beside the database, checked, and
   * flushed before it takes the database's name. */
  part = g_strconcat (db_path, ".restoring", NULL);
  remove_unfinished (part);
  src = open_read_only (backup, error);
  if (src == NULL)
    return FALSE;
  if (!create_private (part, error) ||
      !copy_database (src, backup, part, NULL, NULL, NULL, error))
    {
      sqlite3_close_v2 (src);
      remove_unfinished (part);
      return FALSE;
    }
  sqlite3_close_v2 (src);

  {
    g_autoptr(NtBackupInfo) check = nt_backup_inspect (part, error);
    if (check == NULL)
      {
        remove_unfinished (part);
        return FALSE;
      }
  }

  if ((exists && !settle_live_database (db_path, error)) || !publish (part, db_path, error))
    {
      remove_unfinished (part);
      return FALSE;
    }

  /* The WAL was folded in and switched off above; what is left beside the
   * file belongs to the replaced database. */
  {
    g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
    g_remove (wal);
    g_remove (shm);
  }

  if (saved_copy)
    *saved_copy = g_steal_pointer (&copy);
  return TRUE;
}

/* ----- the --check report ----------------------------------------------- */

/**
 * nt_backup_check:
 * @db_path: a database (or a backup)
 * @report: where the findings are written, one a line
 *
 * The full integrity check and the foreign-key check, read-only.
 *
 * Returns: the number of problems found (0: all is well); with @error set
 *   when the file could not be checked at all
 */
guint
nt_backup_check (const char  *db_path,
                 GString     *report,
                 GError     **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  guint problems = 0;
  int version;

  g_return_val_if_fail (db_path != NULL, 0);
  g_return_val_if_fail (report != NULL, 0);

  if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("There is no database at “%s”."), db_path);
      return 0;
    }
  db = open_read_only (db_path, error);
  if (db == NULL)
    return 0;

  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check(100)", -1, &stmt, NULL) != SQLITE_OK)
    {
      g_string_append_printf (report, _("Integrity: the file cannot be read (%s).\n"), sqlite3_errmsg (db));
      problems++;
    }
  else
    {
      int rc;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *line = (const char *) sqlite3_column_text (stmt, 0);
          if (g_strcmp0 (line, "ok") == 0)
            continue;
          g_string_append_printf (report, _("Integrity: %s\n"), line);
          problems++;
        }
      if (rc != SQLITE_DONE)
        {
          g_string_append_printf (report, _("Integrity: the file cannot be read (%s).\n"), sqlite3_errmsg (db));
          problems++;
        }
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (sqlite3_prepare_v2 (db, "SELECT \"table\", rowid, parent, fkid FROM pragma_foreign_key_check", -1,
                          &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_string_append_printf (report,
                                  _("Foreign key: row %lld of table “%s” points to a missing row of “%s”.\n"),
                                  (long long) sqlite3_column_int64 (stmt, 1),
                                  (const char *) sqlite3_column_text (stmt, 0),
                                  (const char *) sqlite3_column_text (stmt, 2));
          problems++;
        }
    }
  else if (problems == 0)
    {
      g_string_append_printf (report, _("Foreign keys: cannot be checked (%s).\n"), sqlite3_errmsg (db));
      problems++;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  version = (int) count (db, "PRAGMA user_version");
  if (version > nt_store_latest_schema_version ())
    {
      g_string_append_printf (report, _("Schema %d is newer than this program knows (%d).\n"),
                              version, nt_store_latest_schema_version ());
      problems++;
    }

  if (problems == 0)
    g_string_append_printf (report, _("“%s”: no problems found (schema %d).\n"), db_path, version);

  sqlite3_close_v2 (db);
  return problems;
}
