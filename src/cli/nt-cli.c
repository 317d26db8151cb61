/* nt-cli.c */
#define G_LOG_DOMAIN "nt-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-cli.h"
#include "nt-cli-export.h"
#include "nt-cli-import.h"
#include "nt-cli-print.h"
#include "nt-cli-safety.h"
#include "nt-demo.h"
#include "nt-school.h"

char *
nt_cli_default_db_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "noitru", "noitru.db", NULL);
}

void
nt_cli_options_free (NtCliOptions *options)
{
  if (options == NULL)
    return;
  g_free (options->db_path);
  g_free (options->demo_path);
  g_free (options->export_name);
  g_free (options->import_students);
  g_free (options->import_staff);
  g_free (options->sheet);
  g_free (options->output);
  g_free (options->from);
  g_free (options->to);
  g_free (options->group_by);
  g_free (options->print_commitments);
  g_free (options->class_name);
  g_free (options->backup_dir);
  g_free (options->restore_file);
  g_free (options);
}

/**
 * nt_cli_parse:
 *
 * Parses the command line; prints --help and exits as GOption does.
 *
 * Returns: (transfer full): the options, or %NULL with @error set
 */
NtCliOptions *
nt_cli_parse (int     *argc,
              char  ***argv,
              GError **error)
{
  g_autoptr(NtCliOptions) o = g_new0 (NtCliOptions, 1);
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *db = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("Open this database file instead of the default one"), N_("PATH") },
    { "demo", 0, 0, G_OPTION_ARG_FILENAME, &o->demo_path,
      N_("Create the demo school in a new file and exit (never overwrites)"), N_("PATH") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &o->seed,
      N_("With --demo: the generator's seed (the same seed gives the same school)"), N_("N") },
    { "students", 0, 0, G_OPTION_ARG_INT64, &o->n_students,
      N_("With --demo: how many students (default about 800)"), N_("N") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &o->version,
      N_("Print the version and exit"), NULL },
    { "import-students", 0, 0, G_OPTION_ARG_FILENAME, &o->import_students,
      N_("Import the student list from an .xlsx or CSV file: prints the check of every row, writes only when all are right (exit code 0)"), N_("FILE") },
    { "import-staff", 0, 0, G_OPTION_ARG_FILENAME, &o->import_staff,
      N_("Import the staff list from an .xlsx or CSV file, as --import-students does"), N_("FILE") },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &o->sheet,
      N_("With an import: the sheet of the workbook to read (the first one when left out)"), N_("NAME") },
    { "list-reports", 0, 0, G_OPTION_ARG_NONE, &o->list_reports,
      N_("List the reports (name, title, what it holds) and exit"), NULL },
    { "export", 0, 0, G_OPTION_ARG_STRING, &o->export_name,
      N_("Write a report (see --list-reports) to the file given with -o, and exit"), N_("REPORT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o->output,
      N_("With --export: the .xlsx file to write (an existing file is replaced)"), N_("FILE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &o->from,
      N_("With --export: the first day of the period"), N_("DD/MM/YYYY") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &o->to,
      N_("With --export: the last day of the period"), N_("DD/MM/YYYY") },
    { "group-by", 0, 0, G_OPTION_ARG_STRING, &o->group_by,
      N_("With --export students: group the list by class (the default) or by room"), N_("class|room") },
    { "building", 0, 0, G_OPTION_ARG_INT64, &o->building,
      N_("With --export: only this building (its number); every building when left out"), N_("N") },
    { "print-commitments", 0, 0, G_OPTION_ARG_STRING, &o->print_commitments,
      N_("Write the commitment forms of a rule set (its name, or see the Commitments section) to the PDF given with -o, one form per person, and exit"), N_("SET") },
    { "class", 0, 0, G_OPTION_ARG_STRING, &o->class_name,
      N_("With --print-commitments: only the students of this class"), N_("CLASS") },
    { "missing", 0, 0, G_OPTION_ARG_NONE, &o->missing,
      N_("With --print-commitments: only the people who have not signed the latest version"), NULL },
    { "double-sided", 0, 0, G_OPTION_ARG_NONE, &o->double_sided,
      N_("With --print-commitments: for printing on both sides, each form on a sheet of its own (a blank back after a one-page form)"), NULL },
    { "backup", 0, 0, G_OPTION_ARG_FILENAME, &o->backup_dir,
      N_("Back up the database into this folder (a USB stick), named after the school and the time, and exit"), N_("DIR") },
    { "restore", 0, 0, G_OPTION_ARG_FILENAME, &o->restore_file,
      N_("Check this backup, keep a copy of the current database, then replace the database with it, and exit"), N_("FILE") },
    { "check", 0, 0, G_OPTION_ARG_NONE, &o->check,
      N_("Check the database (integrity and links between records), print what is wrong, exit 1 on any problem"), NULL },
    { NULL }
  };

  o->seed = NT_DEMO_DEFAULT_SEED;
  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Nội trú: the boarding side of a boarding school — students, rooms, "
                                  "night checks, duty roster, commitments and reports, offline."));
  g_option_context_set_description (context,
                                    _("Without a job, the window opens on the database. With no database yet, "
                                      "a demo school is created at the default place."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, error))
    return NULL;

  if (o->seed < 0 || o->seed > G_MAXUINT32)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--seed must be between 0 and %u"), G_MAXUINT32);
      return NULL;
    }
  if (o->n_students < 0 || o->n_students > 1000000)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--students must be between 1 and 1000000"));
      return NULL;
    }

  if (!nt_cli_print_check (o, error) || !nt_cli_export_check (o, error))
    return NULL;

  o->db_path = db ? g_steal_pointer (&db) : nt_cli_default_db_path ();
  return g_steal_pointer (&o);
}

gboolean
nt_cli_has_job (NtCliOptions *o)
{
  return o->version || o->demo_path != NULL || o->list_reports || o->export_name != NULL ||
         o->import_students != NULL || o->import_staff != NULL || o->print_commitments != NULL ||
         o->backup_dir != NULL || o->restore_file != NULL || o->check;
}

static int
run_demo (NtCliOptions *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NtStore) store = NULL;
  NtDemoOptions demo = { (guint32) o->seed, (guint) o->n_students };
  NtSchoolFigures f;

  store = nt_demo_create (o->demo_path, &demo, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  nt_school_figures (store, &f);
  g_print (_("Created the demo school in %s: %d students (%d boarding), %d classes, %d rooms, %d staff.\n"),
           o->demo_path, (int) f.students, (int) f.boarders, (int) f.classes, (int) f.rooms, (int) f.staff);
  return 0;
}

/**
 * nt_cli_run:
 *
 * Returns: the process's exit status: 0 when the job did everything
 */
int
nt_cli_run (NtCliOptions *o)
{
  if (o->version)
    {
      g_print ("noitru %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (o->demo_path)
    return run_demo (o);
  if (o->import_students)
    return nt_cli_import (o->db_path, o->import_students, o->sheet, NT_IMPORT_STUDENTS);
  if (o->import_staff)
    return nt_cli_import (o->db_path, o->import_staff, o->sheet, NT_IMPORT_STAFF);
  if (o->list_reports)
    return nt_cli_list_reports ();
  if (o->export_name)
    return nt_cli_export (o);
  if (o->print_commitments)
    return nt_cli_print_commitments (o);
  if (o->backup_dir)
    return nt_cli_backup (o->db_path, o->backup_dir);
  if (o->restore_file)
    return nt_cli_restore (o->db_path, o->restore_file);
  if (o->check)
    return nt_cli_check (o->db_path);
  return 2;
}
