/* nt-cli-print.c: the commitment forms to PDF, without a window
 *
 * The same forms as the window prints (src/print), written straight to a
 * PDF file: for a whole rule set, one class, or the people who still have
 * to sign (never signed, or signed an earlier version).
 */
#define G_LOG_DOMAIN "nt-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-cli-print.h"
#include "nt-commitments.h"
#include "nt-print-commitments.h"
#include "nt-school.h"
#include "nt-store.h"

/**
 * nt_cli_print_check:
 *
 * Refuses --class and --missing without --print-commitments, and a
 * --print-commitments without a PDF to write.
 */
gboolean
nt_cli_print_check (NtCliOptions  *o,
                    GError       **error)
{
  g_return_val_if_fail (o != NULL, FALSE);

  if (o->print_commitments == NULL)
    {
      const char *stray = o->class_name ? "--class" : o->missing ? "--missing"
                          : o->double_sided ? "--double-sided" : NULL;

      if (stray != NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("%s goes with --print-commitments SET"), stray);
          return FALSE;
        }
      return TRUE;
    }
  if (o->export_name != NULL || o->demo_path != NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--print-commitments is a job of its own; run it apart from --export or --demo"));
      return FALSE;
    }
  if (o->output == NULL || o->output[0] == '\0')
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--print-commitments needs the file to write: -o FILE.pdf"));
      return FALSE;
    }
  if (!g_str_has_suffix (o->output, ".pdf") && !g_str_has_suffix (o->output, ".PDF"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("-o: “%s” does not end in .pdf; the forms are written as a PDF file"), o->output);
      return FALSE;
    }
  if (g_file_test (o->output, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("-o: “%s” is a folder; give a file name ending in .pdf"), o->output);
      return FALSE;
    }
  return TRUE;
}

/**
 * nt_cli_print_commitments:
 *
 * Returns: the exit status: 0 when the PDF was written
 */
int
nt_cli_print_commitments (NtCliOptions *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NtStore) store = NULL;
  g_autoptr(NtRuleSet) set = NULL;
  g_autoptr(NtCommitmentForms) forms = NULL;
  NtCommitmentScope scope = { 0 };
  guint n_pages = 0;

  g_return_val_if_fail (o != NULL && o->print_commitments != NULL && o->output != NULL, 1);

  store = nt_store_open (o->db_path, NT_STORE_OPEN_EXISTING, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  set = nt_rule_sets_find (store, o->print_commitments, &error);
  if (set == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (o->class_name)
    {
      scope.class_id = nt_classes_find (store, o->class_name);
      if (scope.class_id == 0)
        {
          g_printerr (_("There is no class “%s” in the school.\n"), o->class_name);
          return 1;
        }
      if (!nt_rule_set_for_students (set))
        {
          g_printerr (_("“%s” is signed by the staff only; --class chooses students.\n"), set->name);
          return 1;
        }
    }
  scope.unsigned_only = o->missing;
  forms = nt_commitment_forms_new (store, set, &scope, &error);
  if (forms != NULL)
    nt_commitment_forms_set_double_sided (forms, o->double_sided);
  if (forms == NULL || !nt_commitment_forms_write_pdf (forms, o->output, &n_pages, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u form (%u pages) of “%s” to %s\n",
                        "Wrote %u forms (%u pages) of “%s” to %s\n",
                        nt_commitment_forms_get_n_people (forms)),
           nt_commitment_forms_get_n_people (forms), n_pages, set->name, o->output);
  return 0;
}
