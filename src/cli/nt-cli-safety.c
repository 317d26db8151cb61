/* nt-cli-safety.c: backups, restore and the database check without a
 * window, for a scheduled task or a technician at the school */
#define G_LOG_DOMAIN "nt-cli-safety"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-backup.h"
#include "nt-cli-safety.h"
#include "nt-store.h"

/**
 * nt_cli_backup:
 *
 * Returns: the exit status: 0 when the copy was made
 */
int
nt_cli_backup (const char *db_path,
               const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NtStore) store = nt_store_open (db_path, NT_STORE_OPEN_EXISTING, &error);
  g_autofree char *path = NULL;

  if (store != NULL)
    path = nt_backup_to_folder (store, folder, NULL, NULL, NULL, &error);
  if (path == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print (_("Backed up %s to %s\n"), db_path, path);
  return 0;
}

static void
print_info (const NtBackupInfo *info)
{
  g_autofree char *made = g_date_time_format (info->modified, "%d/%m/%Y %H:%M");

  g_print (_("Backup: %s\n"), info->path);
  g_print (_("School: %s (school year %s)\n"), info->school_name, info->school_year);
  g_print (_("Made: %s; schema %d\n"), made, info->schema_version);
  g_print (_("Holds: %lld students, %lld staff, %lld rooms, %lld night checks, %lld leaves\n"),
           (long long) info->students, (long long) info->staff, (long long) info->rooms,
           (long long) info->night_checks, (long long) info->leaves);
}

/**
 * nt_cli_restore:
 *
 * Checks @backup, keeps the current database, then replaces it. Another
 * school's backup is refused here: the window asks about that.
 *
 * Returns: the exit status: 0 when the database was replaced
 */
int
nt_cli_restore (const char *db_path,
                const char *backup)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NtBackupInfo) info = nt_backup_inspect (backup, &error);
  g_autofree char *saved = NULL;

  if (info == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  print_info (info);

  if (!nt_backup_restore (db_path, backup, FALSE, &saved, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* Opening brings an older backup's schema up to date, and proves the
   * restored file opens. */
  {
    g_autoptr(NtStore) store = nt_store_open (db_path, NT_STORE_OPEN_EXISTING, &error);
    if (store == NULL)
      {
        g_printerr ("%s\n", error->message);
        return 1;
      }
  }

  if (saved)
    g_print (_("The database as it was before is kept in %s\n"), saved);
  g_print (_("Restored %s from %s\n"), db_path, backup);
  return 0;
}

/**
 * nt_cli_check:
 *
 * Returns: the exit status: 0 when no problem was found, 1 otherwise
 */
int
nt_cli_check (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  guint problems = nt_backup_check (db_path, report, &error);

  if (error != NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("%s", report->str);
  if (problems > 0)
    {
      g_printerr (ngettext ("%u problem found in %s.\n", "%u problems found in %s.\n", problems),
                  problems, db_path);
      return 1;
    }
  return 0;
}
