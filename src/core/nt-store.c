/* nt-store.c: opening, checking and migrating the database
 *
 * The file is checked read-only before anything is written to it, so a file
 * that is not ours, is damaged, or comes from a newer program is refused and
 * left byte for byte as it was.
 */
#define G_LOG_DOMAIN "nt-store"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>

#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-resources.h"
#include "nt-store.h"
#include "nt-vntext.h"

#define MIGRATIONS_PATH "/vn/edu/noitru/core/migrations"
#define BUSY_TIMEOUT_MS 10000

struct _NtStore
{
  GObject     parent_instance;
  char       *path;
  sqlite3    *db;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  guint       tx_depth;
  gint64      actor;
  gboolean    verifying;      /* opened with VERIFY_LATER, check not done */
  gint64      pending_actor;  /* set while verifying, written after */
};

G_DEFINE_FINAL_TYPE (NtStore, nt_store, G_TYPE_OBJECT)

enum { PROP_0, PROP_PATH, N_PROPS };
enum { CHANGED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ----- GObject ---------------------------------------------------------- */

static void
nt_store_finalize (GObject *object)
{
  NtStore *self = NT_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (nt_store_parent_class)->finalize (object);
}

static void
nt_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  NtStore *self = NT_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nt_store_class_init (NtStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nt_store_finalize;
  object_class->get_property = nt_store_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NtStore::changed:
   * @table: the table that changed
   *
   * Emitted after a committed change, so that lists can refresh.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
nt_store_init (NtStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
  self->actor = 0;
}

/* ----- checks before opening --------------------------------------------- */

/* Opens @path read-only and checks it; never writes.
 *
 * Only through SQLite: this runs while the window's own connection has the
 * file open (the check after opening, an export or an import on a second
 * connection). POSIX drops every lock a process holds on a file when the
 * process closes any descriptor of it; reading the header with a plain
 * open() and close() left the window without its locks, so that the next
 * program to open the database took it for unused and deleted the write-ahead
 * log the window was still writing to. SQLite's own connections in one
 * process share their descriptors and never do that. A file that is not an
 * SQLite database shows as SQLITE_NOTADB at the first read. */
static gboolean
check_existing_file (const char  *path,
                     gboolean     quick_check,
                     int         *version_out,
                     GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *problem = NULL;
  gboolean ok = FALSE;
  int rc;
  int version = 0;

  /* immutable=0 and mode=ro: a hot journal is not rolled back here; that is
   * left to the read-write open after the checks have passed. */
  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri == NULL)
    uri = g_strdup_printf ("file:%s", path);
  {
    g_autofree char *ro = g_strdup_printf ("%s?mode=ro", uri);
    rc = sqlite3_open_v2 (ro, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  }
  if (rc != SQLITE_OK)
    goto damaged;

  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  if (quick_check)
    {
      if (sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL) != SQLITE_OK)
        goto damaged;
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        goto damaged;
      if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
        {
          /* What the check found, not the state of the statement. */
          problem = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          goto damaged;
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    goto damaged;
  version = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (version_out)
    *version_out = version;

  if (version > nt_store_latest_schema_version ())
    {
      g_set_error (error, NT_ERROR, NT_ERROR_TOO_NEW,
                   _("“%s” was made by a newer version of Nội trú (schema %d; this program knows up to %d). Update the program; the file was not changed."),
                   path, version, nt_store_latest_schema_version ());
      goto out;
    }

  if (version == 0)
    {
      /* Schema 0 is fine only for an empty file of ours; anything else with
       * tables in it belongs to another program. */
      if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_master", -1, &stmt, NULL) != SQLITE_OK ||
          sqlite3_step (stmt) != SQLITE_ROW)
        goto damaged;
      if (sqlite3_column_int (stmt, 0) != 0)
        {
          g_set_error (error, NT_ERROR, NT_ERROR_NOT_A_DATABASE,
                       _("“%s” is an SQLite file of another program, not a Nội trú database. The file was not changed."),
                       path);
          goto out;
        }
    }

  ok = TRUE;
  goto out;

damaged:
  if (problem == NULL && db != NULL && sqlite3_errcode (db) == SQLITE_NOTADB)
    g_set_error (error, NT_ERROR, NT_ERROR_NOT_A_DATABASE,
                 _("“%s” is not a Nội trú database (it is not an SQLite file). The file was not changed."),
                 path);
  else
    g_set_error (error, NT_ERROR, NT_ERROR_DAMAGED,
                 _("“%s” is damaged and cannot be opened (%s). Restore it from a backup; the file was not changed."),
                 path, problem ? problem : db ? sqlite3_errmsg (db) : "?");
out:
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close_v2 (db);
  return ok;
}

/* Creates an empty file readable by its owner only: it will hold minors'
 * personal data. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, NT_ERROR, NT_ERROR_IO, _("Could not create the folder “%s”: %s"),
                   dir, g_strerror (saved));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0)
    {
      int saved = errno;
      if (saved == EEXIST)
        g_set_error (error, NT_ERROR, NT_ERROR_EXISTS,
                     _("“%s” already exists; it was not overwritten."), path);
      else
        g_set_error (error, NT_ERROR, NT_ERROR_IO, _("Could not create “%s”: %s"),
                     path, g_strerror (saved));
      return FALSE;
    }
  g_close (fd, NULL);
  return TRUE;
}

/* ----- migrations ------------------------------------------------------- */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
list_migrations (void)
{
  g_auto(GStrv) names = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, NULL);
  g_assert (names != NULL);
  for (guint i = 0; names[i]; i++)
    if (g_str_has_suffix (names[i], ".sql"))
      g_ptr_array_add (out, g_strdup (names[i]));
  g_ptr_array_sort (out, compare_names);
  return out;
}

int
nt_store_latest_schema_version (void)
{
  g_autoptr(GPtrArray) names = NULL;

  nt_core_ensure_resources ();
  names = list_migrations ();
  if (names->len == 0)
    return 0;
  return (int) g_ascii_strtoll (g_ptr_array_index (names, names->len - 1), NULL, 10);
}

static gboolean
run_migrations (NtStore  *self,
                GError  **error)
{
  g_autoptr(GPtrArray) names = list_migrations ();
  int current = nt_store_get_schema_version (self);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      int version = (int) g_ascii_strtoll (name, NULL, 10);
      g_autofree char *path = g_build_path ("/", MIGRATIONS_PATH, name, NULL);
      g_autoptr(GBytes) sql = NULL;
      g_autofree char *text = NULL;
      g_autofree char *set_version = NULL;

      if (version <= current)
        continue;

      sql = g_resources_lookup_data (path, 0, error);
      if (sql == NULL)
        return FALSE;
      text = g_strndup (g_bytes_get_data (sql, NULL), g_bytes_get_size (sql));
      set_version = g_strdup_printf ("PRAGMA user_version = %d", version);

      if (!nt_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!nt_store_exec (self, text, error) || !nt_store_exec (self, set_version, error))
        {
          nt_store_exec (self, "ROLLBACK", NULL);
          g_prefix_error (error, _("Could not upgrade the database to schema %d: "), version);
          return FALSE;
        }
      if (!nt_store_exec (self, "COMMIT", error))
        {
          nt_store_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
    }

  return TRUE;
}

/* ----- opening ---------------------------------------------------------- */

/**
 * nt_store_open:
 * @path: the database file
 * @flags: whether to create it
 *
 * Opens (or creates) the database at @path, checks it, applies the
 * data-safety pragmas and brings its schema up to date.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
NtStore *
nt_store_open (const char        *path,
               NtStoreOpenFlags   flags,
               GError           **error)
{
  g_autoptr(NtStore) self = NULL;
  gboolean exists;
  gboolean verify_later = FALSE;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  nt_core_ensure_resources ();

  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (exists && (flags & NT_STORE_OPEN_NEW))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_EXISTS,
                   _("“%s” already exists; it was not overwritten."), path);
      return NULL;
    }
  if (!exists && !(flags & (NT_STORE_OPEN_CREATE | NT_STORE_OPEN_NEW)))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("There is no database at “%s”."), path);
      return NULL;
    }

  if (exists && g_file_test (path, G_FILE_TEST_IS_REGULAR) && !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      GStatBuf st;
      int version = 0;

      if (g_stat (path, &st) == 0 && st.st_size > 0)
        {
          /* The full check reads the whole file; with VERIFY_LATER it runs
           * in a thread after opening, while the store refuses writes. A
           * file that needs an upgrade is always checked first. */
          if (!check_existing_file (path, !(flags & NT_STORE_OPEN_VERIFY_LATER), &version, error))
            return NULL;
          if ((flags & NT_STORE_OPEN_VERIFY_LATER) && version < nt_store_latest_schema_version () &&
              !check_existing_file (path, TRUE, NULL, error))
            return NULL;
          verify_later = (flags & NT_STORE_OPEN_VERIFY_LATER) && version == nt_store_latest_schema_version ();
        }
    }
  else if (exists)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a file."), path);
      return NULL;
    }
  else if (!create_private_file (path, error))
    return NULL;

  self = g_object_new (NT_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_IO, _("Could not open “%s”: %s"),
                   path, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->db, 1);

  if (!nt_vn_register_sqlite (self->db, error) ||
      !nt_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !nt_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !nt_store_exec (self, "PRAGMA synchronous = FULL", error) ||
      !run_migrations (self, error))
    return NULL;

  if (verify_later)
    {
      if (!nt_store_exec (self, "PRAGMA query_only = 1", error))
        return NULL;
      self->verifying = TRUE;
    }
  return g_steal_pointer (&self);
}

const char *
nt_store_get_path (NtStore *self)
{
  g_return_val_if_fail (NT_IS_STORE (self), NULL);
  return self->path;
}

sqlite3 *
nt_store_get_db (NtStore *self)
{
  g_return_val_if_fail (NT_IS_STORE (self), NULL);
  return self->db;
}

gint64
nt_store_count (NtStore    *self,
                const char *sql)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;

  g_return_val_if_fail (NT_IS_STORE (self), -1);

  stmt = nt_store_prepare (self, sql, NULL);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  /* A statement left stepping keeps a read transaction open: the connection
   * would not see other connections' commits and checkpoints would stall. */
  sqlite3_reset (stmt);
  return count;
}

/**
 * nt_store_row_for_id:
 * @sql: a query with the id as ?1
 * @not_found: the message of the %NT_ERROR_NOT_FOUND error when no row matches
 *
 * Prepares @sql, binds @id and steps to the first row. The caller reads the
 * columns, then must sqlite3_reset() the statement (see nt_store_count()).
 *
 * Returns: (transfer none) (nullable): the statement on its row, or %NULL
 *   with @error set when it cannot be prepared or finds no row
 */
sqlite3_stmt *
nt_store_row_for_id (NtStore     *self,
                     const char  *sql,
                     gint64       id,
                     const char  *not_found,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);
  g_return_val_if_fail (not_found != NULL, NULL);

  stmt = nt_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error_literal (error, NT_ERROR, NT_ERROR_NOT_FOUND, not_found);
      return NULL;
    }
  return stmt;
}

int
nt_store_get_schema_version (NtStore *self)
{
  g_return_val_if_fail (NT_IS_STORE (self), -1);
  return (int) nt_store_count (self, "PRAGMA user_version");
}

/* ----- statements and transactions -------------------------------------- */

static NtErrorCode
code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT: return NT_ERROR_CONSTRAINT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:     return NT_ERROR_BUSY;
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:   return NT_ERROR_IO;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:     return NT_ERROR_DAMAGED;
    default:                return NT_ERROR_FAILED;
    }
}

/**
 * nt_store_set_error:
 * @what: what the program was doing, for the message
 *
 * Sets @error from the connection's last error, with a message a person can
 * act on for the failures a school meets (full disk, another program holding
 * the file).
 */
void
nt_store_set_error (NtStore     *self,
                    GError     **error,
                    const char  *what)
{
  int rc = sqlite3_extended_errcode (self->db);
  NtErrorCode code = code_for_sqlite (rc);
  const char *detail = sqlite3_errmsg (self->db);

  if (self->verifying && (rc & 0xff) == SQLITE_READONLY)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_BUSY,
                   _("The database is still being checked (this takes a few seconds after start): %s was not saved. Try again in a moment."),
                   what);
      return;
    }

  switch ((int) (rc & 0xff))
    {
    case SQLITE_FULL:
      g_set_error (error, NT_ERROR, code,
                   _("The disk is full: %s was not saved. Free some space and try again; nothing saved before was lost."),
                   what);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, NT_ERROR, code,
                   _("Another program (or another Nội trú window) is writing to the database: %s was not saved. Try again in a moment."),
                   what);
      break;
    default:
      g_set_error (error, NT_ERROR, code, _("Could not %s: %s"), what, detail);
      break;
    }
}

/**
 * nt_store_prepare:
 *
 * Returns: (transfer none): a cached statement for @sql, reset and with its
 *   bindings cleared, or %NULL with @error set
 */
sqlite3_stmt *
nt_store_prepare (NtStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_FAILED, "SQL: %s (%s)", sqlite3_errmsg (self->db), sql);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
nt_store_exec (NtStore     *self,
               const char  *sql,
               GError     **error)
{
  char *msg = NULL;

  g_return_val_if_fail (NT_IS_STORE (self), FALSE);

  if (sqlite3_exec (self->db, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      nt_store_set_error (self, error, _("save the change"));
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

/**
 * nt_store_step_done:
 *
 * Steps a write statement to its end and resets it.
 */
gboolean
nt_store_step_done (NtStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      nt_store_set_error (self, error, _("save the change"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Transactions nest: only the outermost one is real, the inner ones are
 * savepoints, so a domain function can be called inside a larger write. */
gboolean
nt_store_begin (NtStore  *self,
                GError  **error)
{
  g_return_val_if_fail (NT_IS_STORE (self), FALSE);

  if (!nt_store_exec (self, self->tx_depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT nt_inner", error))
    return FALSE;
  self->tx_depth++;
  return TRUE;
}

gboolean
nt_store_commit (NtStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (NT_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  if (!nt_store_exec (self, self->tx_depth == 1 ? "COMMIT" : "RELEASE nt_inner", error))
    {
      nt_store_rollback (self);
      return FALSE;
    }
  self->tx_depth--;
  return TRUE;
}

void
nt_store_rollback (NtStore *self)
{
  g_return_if_fail (NT_IS_STORE (self));

  /* A failed nt_store_commit() (a full disk) has rolled back already; the
   * caller's usual "write || commit fails → rollback" finds nothing left. */
  if (self->tx_depth == 0)
    return;

  if (self->tx_depth == 1)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  else
    sqlite3_exec (self->db, "ROLLBACK TO nt_inner; RELEASE nt_inner", NULL, NULL, NULL);
  self->tx_depth--;
}

/* ----- who is acting ---------------------------------------------------- */

gint64
nt_store_get_actor (NtStore *self)
{
  g_return_val_if_fail (NT_IS_STORE (self), 0);
  return self->actor;
}

/**
 * nt_store_set_actor:
 * @staff_id: the staff member using the program, or 0 for nobody
 *
 * The audit triggers record this staff member for every change after it.
 */
gboolean
nt_store_set_actor (NtStore  *self,
                    gint64    staff_id,
                    GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (self), FALSE);

  if (self->verifying)
    {
      self->pending_actor = staff_id;
      self->actor = staff_id;
      return TRUE;
    }

  stmt = nt_store_prepare (self, "UPDATE app_session SET staff_id = ?1 WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  if (staff_id > 0)
    sqlite3_bind_int64 (stmt, 1, staff_id);
  else
    sqlite3_bind_null (stmt, 1);
  if (!nt_store_step_done (self, stmt, error))
    return FALSE;
  self->actor = staff_id;
  return TRUE;
}

void
nt_store_emit_changed (NtStore    *self,
                       const char *table)
{
  g_return_if_fail (NT_IS_STORE (self));
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (table), table);
}

/* ----- checking after opening ------------------------------------------- */

static void
verify_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const char *path = task_data;
  GError *error = NULL;

  if (check_existing_file (path, TRUE, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * nt_store_verify_async:
 *
 * Runs the full integrity check of a store opened with
 * %NT_STORE_OPEN_VERIFY_LATER, on its own read-only connection in a thread.
 * Until it has passed, the store refuses writes; if it fails, the store
 * stays read-only and the file is left as it was.
 */
void
nt_store_verify_async (NtStore             *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (NT_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nt_store_verify_async);
  if (!self->verifying)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, verify_thread);
}

gboolean
nt_store_verify_finish (NtStore       *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (NT_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (self->verifying)
    {
      self->verifying = FALSE;
      if (!nt_store_exec (self, "PRAGMA query_only = 0", error))
        return FALSE;
      if (self->pending_actor > 0 && !nt_store_set_actor (self, self->pending_actor, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
nt_store_is_verified (NtStore *self)
{
  g_return_val_if_fail (NT_IS_STORE (self), FALSE);
  return !self->verifying;
}
