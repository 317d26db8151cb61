/* nt-print-doc.h: a printed document in the Vietnamese administrative
 * format, laid out with Pango and drawn with cairo
 *
 * Build a document by adding blocks (the administrative header, a title,
 * paragraphs, numbered articles, table rows, signature blocks), then
 * paginate it and render any page to a cairo_t whose unit is the point
 * (1/72 inch): a GtkPrintOperation's draw-page (scaled to points) and a
 * cairo PDF surface both take it. Paragraphs and articles flow from page
 * to page line by line; the other blocks are kept whole.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A4 in points. */
#define NT_PRINT_A4_WIDTH   595.2756
#define NT_PRINT_A4_HEIGHT  841.8898
#define NT_PRINT_MM(mm)     ((mm) * 72.0 / 25.4)

typedef enum
{
  NT_PRINT_ALIGN_LEFT,
  NT_PRINT_ALIGN_CENTER,
  NT_PRINT_ALIGN_RIGHT,
  NT_PRINT_ALIGN_JUSTIFY,
} NtPrintAlign;

typedef enum
{
  NT_PRINT_PLAIN     = 0,
  NT_PRINT_BOLD      = 1 << 0,
  NT_PRINT_ITALIC    = 1 << 1,
  NT_PRINT_INDENT    = 1 << 2,  /* the first line indented, as in a letter */
  NT_PRINT_SMALL     = 1 << 3,  /* one point smaller than the body */
  NT_PRINT_MARKUP    = 1 << 4,  /* the text is Pango markup (<b>, <i>) */
  NT_PRINT_BORDER    = 1 << 5,  /* table rows: a frame round each cell */
} NtPrintStyle;

typedef struct
{
  const char *authority;     /* the body above, "SỞ GD&ĐT LAI CHÂU"; nullable */
  const char *organisation;  /* the school, printed bold under it */
  const char *number;        /* "Số: …"; nullable */
  const char *place;         /* the place of the date line, "Lai Châu" */
  const char *date_iso;      /* the date; NULL leaves the day, month and year to write by hand */
} NtPrintHeader;

typedef struct
{
  const char *title;         /* "HỌC SINH", bold */
  const char *note;          /* "(Ký, ghi rõ họ tên)", italic; nullable */
  const char *name;          /* printed under the space for the signature; nullable */
} NtPrintSignature;

typedef struct _NtPrintDoc NtPrintDoc;

NtPrintDoc *nt_print_doc_new            (double                   page_width,
                                         double                   page_height);
void        nt_print_doc_free           (NtPrintDoc              *doc);
void        nt_print_doc_set_margins    (NtPrintDoc              *doc,
                                         double                   top,
                                         double                   right,
                                         double                   bottom,
                                         double                   left);
void        nt_print_doc_set_font       (NtPrintDoc              *doc,
                                         const char              *family,
                                         double                   size);
void        nt_print_doc_get_content_area (NtPrintDoc            *doc,
                                           double                *x,
                                           double                *y,
                                           double                *width,
                                           double                *height);

void        nt_print_doc_begin_page     (NtPrintDoc              *doc);
void        nt_print_doc_add_header     (NtPrintDoc              *doc,
                                         const NtPrintHeader     *header);
void        nt_print_doc_add_title      (NtPrintDoc              *doc,
                                         const char              *title,
                                         const char              *subtitle);
void        nt_print_doc_add_paragraph  (NtPrintDoc              *doc,
                                         const char              *text,
                                         NtPrintStyle             style,
                                         NtPrintAlign             align);
void        nt_print_doc_add_article    (NtPrintDoc              *doc,
                                         const char              *label,
                                         const char              *text);
void        nt_print_doc_add_space      (NtPrintDoc              *doc,
                                         double                   points);
void        nt_print_doc_add_table_row  (NtPrintDoc              *doc,
                                         const char * const      *cells,
                                         const double            *widths,
                                         guint                    n_cells,
                                         NtPrintStyle             style);
void        nt_print_doc_add_signatures (NtPrintDoc              *doc,
                                         const NtPrintSignature  *blocks,
                                         guint                    n_blocks,
                                         double                   space);

guint       nt_print_doc_paginate       (NtPrintDoc              *doc);
void        nt_print_doc_render_page    (NtPrintDoc              *doc,
                                         cairo_t                 *cr,
                                         guint                    page);
gboolean    nt_print_doc_render_all     (NtPrintDoc              *doc,
                                         cairo_t                 *cr);
gboolean    nt_print_doc_write_pdf      (NtPrintDoc              *doc,
                                         const char              *path,
                                         GError                 **error);

char       *nt_print_date_line          (const char              *place,
                                         const char              *date_iso);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NtPrintDoc, nt_print_doc_free)

G_END_DECLS
