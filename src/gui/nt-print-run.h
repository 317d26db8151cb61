/* nt-print-run.h: printing a document laid out by src/print, through
 * GtkPrintOperation with its dialog and preview */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Lays the document out on pages of this size (points), for printing on
 * both sides of the paper when @two_sided (as chosen in the dialog);
 * returns the pages. */
typedef guint (*NtPrintPaginateFunc) (gpointer  data,
                                      double    width,
                                      double    height,
                                      gboolean  two_sided);
/* Draws a page on @cr, whose unit is the point. */
typedef void  (*NtPrintRenderFunc)   (gpointer  data,
                                      cairo_t  *cr,
                                      guint     page);

/* A document to print: what the print dialog and the printer are told, and
 * the two functions that lay it out and draw it. */
typedef struct
{
  const char          *job_name;
  GtkPageOrientation   orientation;   /* the orientation it is made for */
  NtPrintPaginateFunc  paginate;
  NtPrintRenderFunc    render;
  gpointer             data;          /* given to both */
} NtPrintJob;

gboolean nt_print_run    (GtkWindow         *parent,
                          const NtPrintJob  *job,
                          GError           **error);
gboolean nt_print_export (const char        *pdf,
                          GtkPrintSettings  *settings,
                          const NtPrintJob  *job,
                          GError           **error);

G_END_DECLS
