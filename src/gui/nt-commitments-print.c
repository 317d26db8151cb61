/* nt-commitments-print.c: the commitment forms through GtkPrintOperation
 *
 * The forms are laid out by src/print in points; nt_print_run() opens the
 * print dialog (with its preview), keeps the page setup between runs and
 * asks for the pages by number.
 */
#define G_LOG_DOMAIN "nt-commitments-print"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-commitments-print.h"
#include "nt-error.h"
#include "nt-print-commitments.h"
#include "nt-print-run.h"

/* Printed on both sides, each form is a sheet of its own: a blank back
 * after a form of one page, so that the next person's form does not land
 * on its back. */
static guint
paginate (gpointer data,
          double   width,
          double   height,
          gboolean two_sided)
{
  nt_commitment_forms_set_double_sided (data, two_sided);
  return nt_commitment_forms_paginate (data, width, height);
}

static void
render (gpointer  data,
        cairo_t  *cr,
        guint     page)
{
  nt_commitment_forms_render_page (data, cr, page);
}

/* The forms of @set for @scope, or %NULL with @error set when there are
 * none to print. */
static NtCommitmentForms *
forms_to_print (NtStore                  *store,
                NtRuleSet                *set,
                const NtCommitmentScope  *scope,
                GError                  **error)
{
  g_autoptr(NtCommitmentForms) forms = nt_commitment_forms_new (store, set, scope, error);

  if (forms == NULL)
    return NULL;
  if (nt_commitment_forms_get_n_people (forms) == 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                   _("Nobody has a form to print: everyone chosen has signed “%s”."), set->name);
      return NULL;
    }
  return g_steal_pointer (&forms);
}

/**
 * nt_commitments_print:
 * @scope: (nullable): whose forms
 *
 * Opens the print dialog (with its preview) for the forms of @set, one
 * form per person; on both sides of the paper when the person chooses so
 * in the dialog, each form on a sheet of its own.
 *
 * Returns: %FALSE with @error set when there is nobody to print, or the
 *   printing failed
 */
gboolean
nt_commitments_print (GtkWindow                *parent,
                      NtStore                  *store,
                      NtRuleSet                *set,
                      const NtCommitmentScope  *scope,
                      GError                  **error)
{
  g_autoptr(NtCommitmentForms) forms = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (NT_IS_RULE_SET (set), FALSE);

  forms = forms_to_print (store, set, scope, error);
  if (forms == NULL)
    return FALSE;
  return nt_print_run (parent, &(NtPrintJob) { set->title, GTK_PAGE_ORIENTATION_PORTRAIT, paginate, render, forms },
                       error);
}

/**
 * nt_commitments_print_export:
 * @settings: (nullable): the print dialog's choices
 *
 * What nt_commitments_print() prints with @settings, into the PDF @pdf.
 */
gboolean
nt_commitments_print_export (const char               *pdf,
                             GtkPrintSettings         *settings,
                             NtStore                  *store,
                             NtRuleSet                *set,
                             const NtCommitmentScope  *scope,
                             GError                  **error)
{
  g_autoptr(NtCommitmentForms) forms = NULL;

  g_return_val_if_fail (pdf != NULL, FALSE);
  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (NT_IS_RULE_SET (set), FALSE);

  forms = forms_to_print (store, set, scope, error);
  if (forms == NULL)
    return FALSE;
  return nt_print_export (pdf, settings,
                          &(NtPrintJob) { set->title, GTK_PAGE_ORIENTATION_PORTRAIT, paginate, render, forms }, error);
}
