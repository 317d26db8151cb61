/* nt-cli-import.c: the import without a window: the same check as the
 * wizard, the report printed, and everything written only when the whole
 * file is right */
#define G_LOG_DOMAIN "nt-cli-import"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-cli-import.h"

/**
 * nt_cli_import:
 *
 * Returns: the exit status: 0 only when every row was written
 */
int
nt_cli_import (const char   *db_path,
               const char   *file,
               const char   *sheet,
               NtImportKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NtStore) store = nt_store_open (db_path, NT_STORE_OPEN_EXISTING, &error);
  g_autoptr(NtImport) import = NULL;
  g_autofree char *report = NULL;
  NtImportCounts counts;

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  import = nt_import_new (store, kind);
  if (!nt_import_load (import, file, sheet, NULL, &error) ||
      !nt_import_validate (import, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  report = nt_import_format_report (import);
  g_print ("%s", report);
  if (nt_import_get_problems (import)->len > 0)
    return 1;

  if (!nt_import_commit (import, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  nt_import_get_counts (import, &counts);
  g_print (_("Imported: %u added, %u updated, %u unchanged.\n"), counts.new_rows, counts.updated_rows,
           counts.unchanged_rows);
  return 0;
}
