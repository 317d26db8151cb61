/* nt-print-run.c
 *
 * Every printed document of the program goes through here: the print
 * dialog (with its preview and the printers), pages laid out in points by
 * src/print for the paper and orientation chosen, and the page setup and
 * print settings kept in a file of the user's settings folder so that the
 * next run starts with them. A document asks for its own orientation (the
 * roster is landscape, a commitment form portrait) whatever was kept.
 */
#define G_LOG_DOMAIN "nt-print-run"

#include "config.h"

#include "nt-print-run.h"
#include "nt-window.h"

#define SETUP_GROUP    "Page Setup"
#define SETTINGS_GROUP "Print Settings"

static char *
settings_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "noitru", "print.ini", NULL);
}

static void
load_settings (GtkPrintOperation  *op,
               GtkPageOrientation  orientation)
{
  g_autofree char *path = settings_path ();
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPrintSettings) settings = NULL;

  if (g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    {
      setup = gtk_page_setup_new_from_key_file (file, SETUP_GROUP, NULL);
      settings = gtk_print_settings_new_from_key_file (file, SETTINGS_GROUP, NULL);
    }
  if (setup == NULL)
    {
      g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

      setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
    }
  gtk_page_setup_set_orientation (setup, orientation);
  gtk_print_operation_set_default_page_setup (op, setup);
  if (settings != NULL)
    {
      gtk_print_settings_set_orientation (settings, orientation);
      gtk_print_operation_set_print_settings (op, settings);
    }
}

static void
save_settings (GtkPrintOperation *op)
{
  g_autofree char *path = settings_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  GtkPageSetup *setup = g_object_get_data (G_OBJECT (op), "nt-chosen-page-setup");
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (op);
  g_autoptr(GError) error = NULL;

  if (setup != NULL)
    gtk_page_setup_to_key_file (setup, file, SETUP_GROUP);
  if (settings != NULL)
    {
      /* Not the file printed to: the next document would be offered the
       * same name and overwrite it. */
      g_autoptr(GtkPrintSettings) kept = gtk_print_settings_copy (settings);

      gtk_print_settings_unset (kept, GTK_PRINT_SETTINGS_OUTPUT_URI);
      gtk_print_settings_unset (kept, GTK_PRINT_SETTINGS_OUTPUT_DIR);
      gtk_print_settings_unset (kept, GTK_PRINT_SETTINGS_OUTPUT_BASENAME);
      gtk_print_settings_to_key_file (kept, file, SETTINGS_GROUP);
    }
  g_mkdir_with_parents (dir, 0700);
  if (!g_key_file_save_to_file (file, path, &error))
    g_debug ("The print settings were not kept: %s", error->message);
}

static void
on_begin_print (GtkPrintOperation *op,
                GtkPrintContext   *context,
                const NtPrintJob  *job)
{
  double width = gtk_print_context_get_width (context) * 72.0 / gtk_print_context_get_dpi_x (context);
  double height = gtk_print_context_get_height (context) * 72.0 / gtk_print_context_get_dpi_y (context);
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (op);
  gboolean two_sided = settings != NULL && gtk_print_settings_get_duplex (settings) != GTK_PRINT_DUPLEX_SIMPLEX;

  /* The page setup chosen in the dialog, kept for the next run. */
  g_object_set_data_full (G_OBJECT (op), "nt-chosen-page-setup",
                          gtk_page_setup_copy (gtk_print_context_get_page_setup (context)), g_object_unref);
  gtk_print_operation_set_n_pages (op, (int) MAX (1u, job->paginate (job->data, width, height, two_sided)));
}

static void
on_draw_page (GtkPrintOperation *op,
              GtkPrintContext   *context,
              int                page,
              const NtPrintJob  *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  cairo_save (cr);
  cairo_scale (cr, gtk_print_context_get_dpi_x (context) / 72.0, gtk_print_context_get_dpi_y (context) / 72.0);
  job->render (job->data, cr, (guint) page);
  cairo_restore (cr);
}

/* An operation that lays out and draws @job's document. */
static GtkPrintOperation *
new_operation (const NtPrintJob *job)
{
  GtkPrintOperation *op = gtk_print_operation_new ();

  load_settings (op, job->orientation);
  /* "Print to file" offers the document's own name, in the person's
   * documents folder (not the folder the program was started from, nor a
   * file printed before). */
  {
    GtkPrintSettings *current = gtk_print_operation_get_print_settings (op);
    g_autoptr(GtkPrintSettings) settings = current ? gtk_print_settings_copy (current) : gtk_print_settings_new ();
    g_autoptr(GFile) documents = nt_documents_folder ();
    /* A file name: the dates of "01/12/2026" must not read as folders. */
    g_autofree char *basename = g_strdelimit (g_strdup (job->job_name), "/\\:", '-');
    g_autofree char *file_name = g_strconcat (basename, ".pdf", NULL);
    g_autoptr(GFile) file = g_file_get_child (documents, file_name);
    g_autofree char *uri = g_file_get_uri (file);

    /* The whole address of the file: the print-to-file printer takes its
     * folder and name from it (given a folder alone, it showed none). */
    gtk_print_settings_unset (settings, GTK_PRINT_SETTINGS_OUTPUT_DIR);
    gtk_print_settings_unset (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME);
    gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
    gtk_print_operation_set_print_settings (op, settings);
  }
  /* The documents keep their own margins, measured from the paper's edge. */
  gtk_print_operation_set_use_full_page (op, TRUE);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (op, job->job_name);
  g_signal_connect (op, "begin-print", G_CALLBACK (on_begin_print), (gpointer) job);
  g_signal_connect (op, "draw-page", G_CALLBACK (on_draw_page), (gpointer) job);
  /* Run to the end before returning: @job belongs to the caller. */
  gtk_print_operation_set_allow_async (op, FALSE);
  return op;
}

/**
 * nt_print_run:
 *
 * Opens the print dialog (with its preview) and prints @job's document as
 * the person chooses.
 *
 * Returns: %FALSE with @error set when the printing failed
 */
gboolean
nt_print_run (GtkWindow         *parent,
              const NtPrintJob  *job,
              GError           **error)
{
  g_autoptr(GtkPrintOperation) op = new_operation (job);
  GtkPrintOperationResult result;

  gtk_print_operation_set_embed_page_setup (op, TRUE);
  result = gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    return FALSE;
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    save_settings (op);
  return TRUE;
}

/**
 * nt_print_export:
 * @settings: (nullable): the choices a print dialog would have made (two
 *   sides…)
 * @pdf: the file to write
 *
 * Does what printing @job with @settings does, without the dialog, into a
 * PDF: the same pages, laid out by the same code.
 *
 * Returns: %FALSE with @error set when the file could not be written
 */
gboolean
nt_print_export (const char        *pdf,
                 GtkPrintSettings  *settings,
                 const NtPrintJob  *job,
                 GError           **error)
{
  g_autoptr(GtkPrintOperation) op = new_operation (job);

  if (settings != NULL)
    gtk_print_operation_set_print_settings (op, settings);
  gtk_print_operation_set_export_filename (op, pdf);
  return gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}
