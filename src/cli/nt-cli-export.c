/* nt-cli-export.c: the reports from the command line, written by the same
 * core functions as the window's Reports section */
#define G_LOG_DOMAIN "nt-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "nt-cli-export.h"
#include "nt-reports.h"
#include "nt-store.h"

/* ----- checking the options ------------------------------------------------ */

/* Every digit of a date, as yyyy-mm-dd or as Vietnamese people write it,
 * dd/mm/yyyy ("2026-9-5" or "5/9/26" would be read differently by
 * different people). Returns: (nullable): the ISO date */
static char *
parse_date (const char *text)
{
  const char *digits;
  int y, m, d;

  if (strlen (text) != 10)
    return NULL;
  if (text[4] == '-' && text[7] == '-')
    digits = "0123 56 89";
  else if (text[2] == '/' && text[5] == '/')
    digits = "01 34 6789";
  else
    return NULL;
  for (int i = 0; i < 10; i++)
    if (digits[i] != ' ' && !g_ascii_isdigit (text[i]))
      return NULL;
  if (text[2] == '/')
    {
      d = atoi (text);
      m = atoi (text + 3);
      y = atoi (text + 6);
    }
  else
    {
      y = atoi (text);
      m = atoi (text + 5);
      d = atoi (text + 8);
    }
  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

/* Checks the date of @option and keeps it as ISO. */
static gboolean
check_date (const char  *option,
            char       **value,
            GError     **error)
{
  char *iso;

  if (*value == NULL)
    return TRUE;
  iso = parse_date (*value);
  if (iso != NULL)
    {
      g_free (*value);
      *value = iso;
      return TRUE;
    }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               /* TRANSLATORS: %s are the option (--from) and what was given; keep DD/MM/YYYY and YYYY-MM-DD as is */
               _("%s: “%s” is not a date; write it as DD/MM/YYYY or YYYY-MM-DD, for example 05/09/2026"),
               option, *value);
  return FALSE;
}

static char *
report_names (void)
{
  GString *names = g_string_new (NULL);
  guint n = 0;
  const NtReportInfo *reports = nt_reports_list (&n);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (names, "%s%s", i ? ", " : "", reports[i].name);
  return g_string_free (names, FALSE);
}

/**
 * nt_cli_export_check:
 *
 * Checks the options of --export before any file is opened, so that a
 * mistyped command fails at once and says which option is wrong.
 *
 * Returns: %FALSE with @error (G_OPTION_ERROR) set when an option is wrong
 */
gboolean
nt_cli_export_check (NtCliOptions  *o,
                     GError       **error)
{
  g_return_val_if_fail (o != NULL, FALSE);

  if (o->export_name == NULL)
    {
      const char *stray = o->output && o->print_commitments == NULL ? "-o" : o->from ? "--from" : o->to ? "--to"
                          : o->group_by ? "--group-by" : o->building ? "--building" : NULL;

      if (stray != NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("%s goes with --export REPORT"), stray);
          return FALSE;
        }
      return TRUE;
    }

  if (nt_reports_find (o->export_name) == NULL)
    {
      g_autofree char *names = report_names ();

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("There is no report “%s”; the reports are: %s"), o->export_name, names);
      return FALSE;
    }
  if (o->demo_path != NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--export and --demo are separate jobs; run them one after the other"));
      return FALSE;
    }
  if (o->output == NULL || o->output[0] == '\0')
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--export needs the file to write: -o FILE.xlsx"));
      return FALSE;
    }
  if (!g_str_has_suffix (o->output, ".xlsx") && !g_str_has_suffix (o->output, ".XLSX"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("-o: “%s” does not end in .xlsx; reports are Excel workbooks"), o->output);
      return FALSE;
    }
  if (g_file_test (o->output, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("-o: “%s” is a folder; give a file name ending in .xlsx"), o->output);
      return FALSE;
    }
  if (!check_date ("--from", &o->from, error) || !check_date ("--to", &o->to, error))
    return FALSE;
  /* ISO dates compare as text. */
  if (o->from && o->to && strcmp (o->from, o->to) > 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--from %s is after --to %s"), o->from, o->to);
      return FALSE;
    }
  if (o->group_by && !g_str_equal (o->group_by, "class") && !g_str_equal (o->group_by, "room"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* TRANSLATORS: keep “class” and “room”: they are what to type */
                   _("--group-by: “%s” is not a grouping; write class or room"), o->group_by);
      return FALSE;
    }
  if (o->building < 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--building must be a building's number (1 or more)"));
      return FALSE;
    }
  return TRUE;
}

/* ----- the jobs ------------------------------------------------------------- */

/**
 * nt_cli_list_reports:
 *
 * Prints one report a line: name, title and description, tab-separated, so
 * that a script can read it and a person can pick the name for --export.
 */
int
nt_cli_list_reports (void)
{
  guint n = 0;
  const NtReportInfo *reports = nt_reports_list (&n);

  for (guint i = 0; i < n; i++)
    g_print ("%s\t%s\t%s\n", reports[i].name, _(reports[i].title), _(reports[i].description));
  return 0;
}

/**
 * nt_cli_export:
 *
 * Writes the report to options->output (replacing it) from the database at
 * options->db_path.  The options were checked by nt_cli_export_check().
 *
 * Returns: 0 when the file was written, 1 otherwise (nothing is left behind)
 */
int
nt_cli_export (NtCliOptions *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NtStore) store = NULL;
  NtReportOptions options = { 0 };

  g_return_val_if_fail (o != NULL && o->export_name != NULL && o->output != NULL, 1);

  store = nt_store_open (o->db_path, NT_STORE_OPEN_EXISTING, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  options.from = o->from;
  options.to = o->to;
  options.group_by = g_strcmp0 (o->group_by, "room") == 0 ? NT_REPORT_GROUP_BY_ROOM
                                                          : NT_REPORT_GROUP_BY_CLASS;
  options.building_id = o->building;

  if (!nt_reports_write (store, o->export_name, &options, o->output, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print (_("Wrote the report “%s” to %s\n"), o->export_name, o->output);
  return 0;
}
