/* fault-worker.c: one long write, run as a child that test-faults kills
 *
 *   fault-worker DB import CSV     the student import, validated then written
 *   fault-worker DB assign         the automatic bed assignment of every boarder
 *   fault-worker DB roster         the duty roster of three months
 *   fault-worker DB backup DIR N   N backups one after the other into DIR
 *   fault-worker DB hold MS        holds the write lock for MS milliseconds
 *
 * It prints "started" once the database is open, and exits 0 when the
 * operation is done.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "nt-assign.h"
#include "nt-backup.h"
#include "nt-import.h"
#include "nt-roster.h"
#include "nt-store.h"

static int
fail (const GError *error)
{
  g_printerr ("fault-worker: %s\n", error ? error->message : "?");
  return 1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(NtStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *op;

  if (argc < 3)
    return 2;
  op = argv[2];

  store = nt_store_open (argv[1], NT_STORE_OPEN_EXISTING, &error);
  if (store == NULL)
    return fail (error);
  printf ("started\n");
  fflush (stdout);

  if (g_str_equal (op, "import") && argc == 4)
    {
      g_autoptr(NtImport) import = nt_import_new (store, NT_IMPORT_STUDENTS);
      if (!nt_import_load (import, argv[3], NULL, NULL, &error) ||
          !nt_import_validate (import, NULL, NULL, NULL, &error))
        return fail (error);
      if (nt_import_get_problems (import)->len > 0)
        {
          g_autofree char *report = nt_import_format_report (import);
          g_printerr ("%s", report);
          return 1;
        }
      if (!nt_import_commit (import, NULL, NULL, NULL, &error))
        return fail (error);
    }
  else if (g_str_equal (op, "assign"))
    {
      g_autoptr(NtAssignPlan) plan = nt_assign_propose (store, NULL, NULL, &error);
      g_autofree char *batch = NULL;
      if (plan == NULL || !nt_assign_apply (store, plan, "2026-12-01", &batch, &error))
        return fail (error);
    }
  else if (g_str_equal (op, "roster"))
    {
      g_autoptr(NtRosterReport) report = NULL;
      if (!nt_roster_generate (store, "2026-12-01", "2027-02-28", NULL, NULL, &report, &error))
        return fail (error);
    }
  else if (g_str_equal (op, "backup") && argc == 5)
    {
      int n = atoi (argv[4]);
      for (int i = 0; i < n; i++)
        {
          g_autofree char *name = g_strdup_printf ("copy-%02d.db", i);
          g_autofree char *dest = g_build_filename (argv[3], name, NULL);
          if (!nt_backup_copy (nt_store_get_path (store), dest, NULL, NULL, NULL, &error))
            return fail (error);
        }
    }
  else if (g_str_equal (op, "hold") && argc == 4)
    {
      if (!nt_store_exec (store, "BEGIN IMMEDIATE; UPDATE school SET curfew = '22:00'", &error))
        return fail (error);
      printf ("locked\n");
      fflush (stdout);
      g_usleep (atoi (argv[3]) * G_TIME_SPAN_MILLISECOND);
      if (!nt_store_exec (store, "COMMIT", &error))
        return fail (error);
    }
  else
    return 2;

  return 0;
}
