/* nt-test-util.c */
#define G_LOG_DOMAIN "nt-test"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "nt-demo.h"
#include "nt-test-util.h"

static char *tmp_dir;

static void
remove_tmp_dir (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (tmp_dir == NULL)
    return;
  dir = g_dir_open (tmp_dir, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (tmp_dir);
}

/* Vietnamese messages (LANGUAGE=vi from the test environment) from the
 * catalogue in the build folder, and a private temporary folder. */
void
nt_test_init (int    *argc,
              char ***argv)
{
  const char *dir = g_getenv ("NOITRU_LOCALEDIR");

  setlocale (LC_ALL, "");
  if (dir)
    bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (argc, argv, NULL);
  tmp_dir = g_dir_make_tmp ("noitru-test-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  atexit (remove_tmp_dir);
}

char *
nt_test_tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

char *
nt_test_data_path (const char *name)
{
  return g_build_filename (g_getenv ("NOITRU_TEST_DATA"), name, NULL);
}

/* A file of the temporary folder holding @data. */
char *
nt_test_write_tmp (const char *name,
                   const void *data,
                   gsize       len)
{
  char *path = nt_test_tmp_path (name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  return path;
}

/* Runs the built program with the NULL-terminated @args (the program's
 * name not among them); the run is logged with the test. */
void
nt_test_run_noitru (NtTestRun         *r,
                    const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("NOITRU_BIN");
  int wait_status;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (gpointer) bin);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  memset (r, 0, sizeof *r);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r->status = WEXITSTATUS (wait_status);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", r->status, r->out, r->err);
}

void
nt_test_run_clear (NtTestRun *r)
{
  g_free (r->out);
  g_free (r->err);
}

/* A new, empty (migrated) database in the temporary folder. */
NtStore *
nt_test_new_store (void)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("store-%u.db", ++counter);
  g_autofree char *path = nt_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  NtStore *store = nt_store_open (path, NT_STORE_OPEN_NEW, &error);

  g_assert_no_error (error);
  return store;
}

NtStore *
nt_test_demo_store (guint32 seed)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("demo-%u.db", ++counter);
  g_autofree char *path = nt_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  NtDemoOptions options = { seed, 0 };
  NtStore *store = nt_demo_create (path, &options, &error);

  g_assert_no_error (error);
  return store;
}

/* The first column of the first row of @sql, %NULL when there is no row. */
char *
nt_test_query_text (NtStore    *store,
                    const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *out = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (nt_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    out = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return out;
}
