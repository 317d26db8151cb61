/* nt-print-doc.c: a printed document laid out with Pango
 *
 * Every layout is made on one Pango context of 72 dpi with hinted metrics
 * off, so that a point of the layout is a point on paper whatever surface
 * draws it: the PDF of the command line and the printer of the window get
 * the same line breaks and the same pages.
 *
 * A document is a list of blocks. A "flow" block (a paragraph, an article)
 * is one PangoLayout that may be cut between two lines at the foot of a
 * page and go on at the top of the next; a "box" block (the header, a
 * table row, the signatures) is a set of layouts and rules kept whole: it
 * goes to the next page when it does not fit. No line is ever drawn below
 * the bottom margin, unless a single box is taller than a whole page.
 */
#define G_LOG_DOMAIN "nt-print-doc"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-print-doc.h"

#define DEFAULT_FONT  "Times New Roman, DejaVu Serif Condensed, DejaVu Serif"
#define DEFAULT_SIZE  11.0

typedef enum
{
  BLOCK_FLOW,
  BLOCK_BOX,
  BLOCK_SPACE,
  BLOCK_PAGE_BREAK,
} BlockKind;

typedef struct
{
  PangoLayout *layout;
  double       x;
  double       y;
} Cell;

typedef struct
{
  double x1, y1, x2, y2;
} Rule;

typedef struct
{
  double top;       /* of the line's logical box, in the layout */
  double bottom;
} Line;

typedef struct
{
  BlockKind    kind;
  double       space_before;
  PangoLayout *layout;    /* flow */
  GArray      *lines;     /* flow: Line */
  GArray      *cells;     /* box: Cell */
  GArray      *rules;     /* box: Rule */
  double       height;    /* box, space */
} Block;

/* A block, or a run of a flow block's lines, placed on a page. */
typedef struct
{
  guint  block;
  guint  first_line;
  guint  n_lines;
  double y;               /* where the block (or the run's first line) starts on the page */
} Placement;

struct _NtPrintDoc
{
  double        width;
  double        height;
  double        top, right, bottom, left;
  char         *family;
  double        size;
  PangoContext *context;
  GArray       *blocks;   /* Block */
  GPtrArray    *pages;    /* GArray of Placement, after paginate */
};

/* ----- life -------------------------------------------------------------- */

static void
block_clear (Block *b)
{
  g_clear_object (&b->layout);
  g_clear_pointer (&b->lines, g_array_unref);
  if (b->cells)
    for (guint i = 0; i < b->cells->len; i++)
      g_object_unref (g_array_index (b->cells, Cell, i).layout);
  g_clear_pointer (&b->cells, g_array_unref);
  g_clear_pointer (&b->rules, g_array_unref);
}

/**
 * nt_print_doc_new:
 * @page_width: in points (NT_PRINT_A4_WIDTH)
 * @page_height: in points
 *
 * Returns: (transfer full): an empty document with the administrative
 *   margins (20 mm top and bottom, 30 mm left, 15 mm right)
 */
NtPrintDoc *
nt_print_doc_new (double page_width,
                  double page_height)
{
  NtPrintDoc *doc = g_new0 (NtPrintDoc, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  g_return_val_if_fail (page_width > 0 && page_height > 0, NULL);

  doc->width = page_width;
  doc->height = page_height;
  doc->top = NT_PRINT_MM (20);
  doc->bottom = NT_PRINT_MM (20);
  doc->left = NT_PRINT_MM (30);
  doc->right = NT_PRINT_MM (15);
  doc->family = g_strdup (DEFAULT_FONT);
  doc->size = DEFAULT_SIZE;
  doc->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (doc->context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (doc->context, options);
  cairo_font_options_destroy (options);
  doc->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (doc->blocks, (GDestroyNotify) block_clear);
  return doc;
}

void
nt_print_doc_free (NtPrintDoc *doc)
{
  if (doc == NULL)
    return;
  g_clear_pointer (&doc->pages, g_ptr_array_unref);
  g_clear_pointer (&doc->blocks, g_array_unref);
  g_clear_object (&doc->context);
  g_free (doc->family);
  g_free (doc);
}

void
nt_print_doc_set_margins (NtPrintDoc *doc,
                          double      top,
                          double      right,
                          double      bottom,
                          double      left)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (doc->blocks->len == 0);

  doc->top = top;
  doc->right = right;
  doc->bottom = bottom;
  doc->left = left;
}

/**
 * nt_print_doc_set_font:
 * @family: a Pango family list ("Times New Roman, DejaVu Serif")
 * @size: the body size in points
 *
 * Set before adding blocks.
 */
void
nt_print_doc_set_font (NtPrintDoc *doc,
                       const char *family,
                       double      size)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (doc->blocks->len == 0);
  g_return_if_fail (size > 0);

  g_free (doc->family);
  doc->family = g_strdup (family ? family : DEFAULT_FONT);
  doc->size = size;
}

void
nt_print_doc_get_content_area (NtPrintDoc *doc,
                               double     *x,
                               double     *y,
                               double     *width,
                               double     *height)
{
  g_return_if_fail (doc != NULL);

  if (x)
    *x = doc->left;
  if (y)
    *y = doc->top;
  if (width)
    *width = doc->width - doc->left - doc->right;
  if (height)
    *height = doc->height - doc->top - doc->bottom;
}

static double
content_width (NtPrintDoc *doc)
{
  return doc->width - doc->left - doc->right;
}

/* ----- layouts ----------------------------------------------------------- */

static PangoLayout *
make_layout (NtPrintDoc   *doc,
             const char   *text,
             NtPrintStyle  style,
             NtPrintAlign  align,
             double        width,
             double        size_delta)
{
  PangoLayout *layout = pango_layout_new (doc->context);
  PangoFontDescription *font = pango_font_description_from_string (doc->family);

  pango_font_description_set_size (font, (int) ((doc->size + size_delta - ((style & NT_PRINT_SMALL) ? 1 : 0))
                                                * PANGO_SCALE));
  if (style & NT_PRINT_BOLD)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  if (style & NT_PRINT_ITALIC)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  switch (align)
    {
    case NT_PRINT_ALIGN_CENTER:
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      break;
    case NT_PRINT_ALIGN_RIGHT:
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      break;
    case NT_PRINT_ALIGN_JUSTIFY:
      pango_layout_set_justify (layout, TRUE);
      break;
    case NT_PRINT_ALIGN_LEFT:
    default:
      break;
    }
  if (style & NT_PRINT_INDENT)
    pango_layout_set_indent (layout, (int) (NT_PRINT_MM (10) * PANGO_SCALE));
  if (style & NT_PRINT_MARKUP)
    pango_layout_set_markup (layout, text ? text : "", -1);
  else
    pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/* The left and right of the text of a one-line layout, in the layout. */
static void
layout_text_span (PangoLayout *layout,
                  double      *x1,
                  double      *x2)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *x1 = (double) logical.x / PANGO_SCALE;
  *x2 = (double) (logical.x + logical.width) / PANGO_SCALE;
}

static Block *
append_block (NtPrintDoc *doc,
              BlockKind   kind,
              double      space_before)
{
  Block b = { kind, space_before };

  g_clear_pointer (&doc->pages, g_ptr_array_unref);
  if (kind == BLOCK_BOX)
    {
      b.cells = g_array_new (FALSE, FALSE, sizeof (Cell));
      b.rules = g_array_new (FALSE, FALSE, sizeof (Rule));
    }
  g_array_append_val (doc->blocks, b);
  return &g_array_index (doc->blocks, Block, doc->blocks->len - 1);
}

/* Adds a layout at (@x, @y) of a box; returns its height. */
static double
box_add (Block       *box,
         PangoLayout *layout,
         double       x,
         double       y)
{
  Cell c = { layout, x, y };
  double h = layout_height (layout);

  g_array_append_val (box->cells, c);
  box->height = MAX (box->height, y + h);
  return h;
}

static void
box_rule (Block  *box,
          double  x1,
          double  y1,
          double  x2,
          double  y2)
{
  Rule r = { x1, y1, x2, y2 };

  g_array_append_val (box->rules, r);
}

static void
add_flow (NtPrintDoc  *doc,
          PangoLayout *layout,
          double       space_before)
{
  Block *b = append_block (doc, BLOCK_FLOW, space_before);
  PangoLayoutIter *iter;

  b->layout = layout;
  b->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  iter = pango_layout_get_iter (layout);
  do
    {
      int y0, y1;
      Line line;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      line.top = (double) y0 / PANGO_SCALE;
      line.bottom = (double) y1 / PANGO_SCALE;
      g_array_append_val (b->lines, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* ----- blocks ------------------------------------------------------------ */

/**
 * nt_print_doc_begin_page:
 *
 * The next block starts a new page (nothing happens on an empty page).
 */
void
nt_print_doc_begin_page (NtPrintDoc *doc)
{
  g_return_if_fail (doc != NULL);

  append_block (doc, BLOCK_PAGE_BREAK, 0);
}

/* Returns: (transfer full): "Lai Châu, ngày 27 tháng 11 năm 2026", or with
 *   dots for the day, month and year to write by hand when @date_iso is %NULL */
char *
nt_print_date_line (const char *place,
                    const char *date_iso)
{
  int y, m, d;

  if (place == NULL || *place == '\0')
    place = "……………";
  if (date_iso && sscanf (date_iso, "%4d-%2d-%2d", &y, &m, &d) == 3)
    /* TRANSLATORS: the place and date line of a document: "Lai Châu, ngày 05 tháng 09 năm 2026" */
    return g_strdup_printf (_("%s, day %02d month %02d year %d"), place, d, m, y);
  /* TRANSLATORS: the place and date line of a form, the date left to write by hand:
   * "Lai Châu, ngày …… tháng …… năm 20……" */
  return g_strdup_printf (_("%s, day …… month …… year 20……"), place);
}

/**
 * nt_print_doc_add_header:
 *
 * The administrative header: the body above and the organisation at the
 * left (the organisation bold, a short rule under it, the number under
 * that), the national name and the motto at the right (the motto
 * underlined), and under them at the right the place and date line.
 */
void
nt_print_doc_add_header (NtPrintDoc          *doc,
                         const NtPrintHeader *header)
{
  double w = content_width (doc);
  double left_w = w * 0.45;
  double right_w = w - left_w;
  double y_left = 0, y_right = 0, x1, x2;
  g_autofree char *authority = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *date_line = NULL;
  PangoLayout *l;
  Block *box;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (header != NULL);

  box = append_block (doc, BLOCK_BOX, 0);
  if (header->authority && *header->authority)
    {
      authority = g_utf8_strup (header->authority, -1);
      l = make_layout (doc, authority, NT_PRINT_PLAIN, NT_PRINT_ALIGN_CENTER, left_w, -1);
      y_left += box_add (box, l, 0, y_left);
    }
  organisation = g_utf8_strup (header->organisation ? header->organisation : "", -1);
  l = make_layout (doc, organisation, NT_PRINT_BOLD, NT_PRINT_ALIGN_CENTER, left_w, -1);
  y_left += box_add (box, l, 0, y_left) + 2;
  box_rule (box, left_w / 3, y_left, left_w * 2 / 3, y_left);
  y_left += 4;
  if (header->number && *header->number)
    {
      l = make_layout (doc, header->number, NT_PRINT_PLAIN, NT_PRINT_ALIGN_CENTER, left_w, -0.5);
      y_left += box_add (box, l, 0, y_left);
    }

  /* TRANSLATORS: the national name on every administrative document: CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM */
  l = make_layout (doc, _("SOCIALIST REPUBLIC OF VIETNAM"), NT_PRINT_BOLD, NT_PRINT_ALIGN_CENTER, right_w, -0.5);
  y_right += box_add (box, l, left_w, y_right);
  /* TRANSLATORS: the national motto under it: Độc lập - Tự do - Hạnh phúc */
  l = make_layout (doc, _("Independence - Freedom - Happiness"), NT_PRINT_BOLD, NT_PRINT_ALIGN_CENTER, right_w, 0.5);
  y_right += box_add (box, l, left_w, y_right) + 1;
  layout_text_span (l, &x1, &x2);
  box_rule (box, left_w + x1, y_right, left_w + x2, y_right);
  y_right += 6;

  date_line = nt_print_date_line (header->place, header->date_iso);
  l = make_layout (doc, date_line, NT_PRINT_ITALIC, NT_PRINT_ALIGN_CENTER, right_w, 0);
  box_add (box, l, left_w, MAX (y_left, y_right));
}

/**
 * nt_print_doc_add_title:
 * @subtitle: (nullable): printed bold under the title
 */
void
nt_print_doc_add_title (NtPrintDoc *doc,
                        const char *title,
                        const char *subtitle)
{
  double w = content_width (doc);
  Block *box;
  double y;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (title != NULL);

  box = append_block (doc, BLOCK_BOX, doc->size * 1.2);
  y = box_add (box, make_layout (doc, title, NT_PRINT_BOLD, NT_PRINT_ALIGN_CENTER, w, 3), 0, 0);
  if (subtitle && *subtitle)
    box_add (box, make_layout (doc, subtitle, NT_PRINT_BOLD, NT_PRINT_ALIGN_CENTER, w, 0.5), 0, y + 1);
  /* The space after the title. */
  box->height += doc->size * 0.6;
}

/**
 * nt_print_doc_add_paragraph:
 *
 * A paragraph that flows on to the next page when it does not fit.
 */
void
nt_print_doc_add_paragraph (NtPrintDoc   *doc,
                            const char   *text,
                            NtPrintStyle  style,
                            NtPrintAlign  align)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (text != NULL);

  add_flow (doc, make_layout (doc, text, style, align, content_width (doc), 0), doc->size * 0.25);
}

/**
 * nt_print_doc_add_article:
 * @label: "Điều 3." printed bold before the text
 *
 * An article of a regulation: the label and the text, justified, the
 * first line indented; it flows on to the next page like a paragraph.
 */
void
nt_print_doc_add_article (NtPrintDoc *doc,
                          const char *label,
                          const char *text)
{
  g_autofree char *escaped_label = NULL;
  g_autofree char *escaped_text = NULL;
  g_autofree char *markup = NULL;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (text != NULL);

  escaped_label = g_markup_escape_text (label ? label : "", -1);
  escaped_text = g_markup_escape_text (text, -1);
  markup = g_strdup_printf ("<b>%s</b> %s", escaped_label, escaped_text);
  add_flow (doc, make_layout (doc, markup, NT_PRINT_MARKUP | NT_PRINT_INDENT, NT_PRINT_ALIGN_JUSTIFY,
                              content_width (doc), 0),
            doc->size * 0.2);
}

void
nt_print_doc_add_space (NtPrintDoc *doc,
                        double      points)
{
  g_return_if_fail (doc != NULL);

  append_block (doc, BLOCK_SPACE, 0)->height = points;
}

/**
 * nt_print_doc_add_table_row:
 * @widths: (array length=n_cells): each cell's share of the width (0..1)
 *
 * A row of a table, kept whole: each cell wraps in its width; with
 * %NT_PRINT_BORDER each cell is framed.
 */
void
nt_print_doc_add_table_row (NtPrintDoc         *doc,
                            const char * const *cells,
                            const double       *widths,
                            guint               n_cells,
                            NtPrintStyle        style)
{
  const double pad = 3;
  double w = content_width (doc);
  double x = 0;
  Block *box;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (cells != NULL || n_cells == 0);
  g_return_if_fail (widths != NULL || n_cells == 0);

  box = append_block (doc, BLOCK_BOX, 0);
  for (guint i = 0; i < n_cells; i++)
    {
      double cw = w * widths[i];
      PangoLayout *l = make_layout (doc, cells[i] ? cells[i] : "", style & ~(NT_PRINT_BORDER | NT_PRINT_INDENT),
                                    NT_PRINT_ALIGN_LEFT, MAX (cw - 2 * pad, 1), 0);

      box_add (box, l, x + pad, pad);
      x += cw;
    }
  box->height += pad;
  if (style & NT_PRINT_BORDER)
    {
      x = 0;
      for (guint i = 0; i < n_cells; i++)
        {
          double cw = w * widths[i];

          box_rule (box, x, 0, x + cw, 0);
          box_rule (box, x, box->height, x + cw, box->height);
          box_rule (box, x, 0, x, box->height);
          box_rule (box, x + cw, 0, x + cw, box->height);
          x += cw;
        }
    }
}

/**
 * nt_print_doc_add_signatures:
 * @blocks: (array length=n_blocks): the signers, left to right
 * @space: the room left for the signature, in points
 *
 * Signature blocks side by side, kept whole (and on the page of what they
 * sign when they fit).
 */
void
nt_print_doc_add_signatures (NtPrintDoc             *doc,
                             const NtPrintSignature *blocks,
                             guint                   n_blocks,
                             double                  space)
{
  double w = content_width (doc);
  double cw;
  Block *box;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (blocks != NULL);
  g_return_if_fail (n_blocks > 0);

  cw = w / n_blocks;
  box = append_block (doc, BLOCK_BOX, doc->size);
  for (guint i = 0; i < n_blocks; i++)
    {
      double x = cw * i;
      double y = 0;

      y += box_add (box, make_layout (doc, blocks[i].title ? blocks[i].title : "", NT_PRINT_BOLD,
                                      NT_PRINT_ALIGN_CENTER, cw - 4, 0), x + 2, y);
      if (blocks[i].note && *blocks[i].note)
        y += box_add (box, make_layout (doc, blocks[i].note, NT_PRINT_ITALIC | NT_PRINT_SMALL,
                                        NT_PRINT_ALIGN_CENTER, cw - 4, 0), x + 2, y);
      y += space;
      if (blocks[i].name && *blocks[i].name)
        box_add (box, make_layout (doc, blocks[i].name, NT_PRINT_BOLD, NT_PRINT_ALIGN_CENTER, cw - 4, 0), x + 2, y);
      else
        box->height = MAX (box->height, y + doc->size * 1.2);
    }
}

/* ----- pages ------------------------------------------------------------- */

static GArray *
new_page (NtPrintDoc *doc)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Placement));

  g_ptr_array_add (doc->pages, page);
  return page;
}

/**
 * nt_print_doc_paginate:
 *
 * Places the blocks on pages. Called again after a block is added.
 *
 * Returns: the number of pages (at least 1)
 */
guint
nt_print_doc_paginate (NtPrintDoc *doc)
{
  double bottom, y;
  GArray *page;

  g_return_val_if_fail (doc != NULL, 0);

  if (doc->pages)
    return doc->pages->len;
  doc->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  page = new_page (doc);
  bottom = doc->height - doc->bottom;
  y = doc->top;

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      Block *b = &g_array_index (doc->blocks, Block, i);

      switch (b->kind)
        {
        case BLOCK_PAGE_BREAK:
          if (page->len > 0)
            {
              page = new_page (doc);
              y = doc->top;
            }
          break;

        case BLOCK_SPACE:
          if (page->len > 0)
            y += b->height;
          break;

        case BLOCK_BOX:
          if (page->len > 0)
            y += b->space_before;
          if (y + b->height > bottom && page->len > 0)
            {
              page = new_page (doc);
              y = doc->top;
            }
          {
            Placement p = { i, 0, 0, y };

            g_array_append_val (page, p);
          }
          y += b->height;
          break;

        case BLOCK_FLOW:
          {
            guint first = 0;

            if (page->len > 0)
              y += b->space_before;
            while (first < b->lines->len)
              {
                double origin = g_array_index (b->lines, Line, first).top;
                guint n = 0;
                Placement p;

                while (first + n < b->lines->len &&
                       y + g_array_index (b->lines, Line, first + n).bottom - origin <= bottom)
                  n++;
                if (n == 0)
                  {
                    if (page->len == 0)
                      n = 1;  /* a line taller than a page: drawn, cut */
                    else
                      {
                        page = new_page (doc);
                        y = doc->top;
                        continue;
                      }
                  }
                p = (Placement) { i, first, n, y };
                g_array_append_val (page, p);
                y += g_array_index (b->lines, Line, first + n - 1).bottom - origin;
                first += n;
                if (first < b->lines->len)
                  {
                    page = new_page (doc);
                    y = doc->top;
                  }
              }
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }
  return doc->pages->len;
}

static void
render_flow (cairo_t         *cr,
             double           x,
             const Block     *b,
             const Placement *p)
{
  PangoLayoutIter *iter = pango_layout_get_iter (b->layout);
  double origin = g_array_index (b->lines, Line, p->first_line).top;
  guint index = 0;

  do
    {
      if (index >= p->first_line && index < p->first_line + p->n_lines)
        {
          PangoRectangle logical;
          double baseline;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
          cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE, p->y + baseline - origin);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      index++;
    }
  while (index < p->first_line + p->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/**
 * nt_print_doc_render_page:
 * @cr: a cairo context whose unit is the point, (0, 0) the page's corner
 * @page: from 0
 *
 * Draws page @page (paginating first when needed), in black.
 */
void
nt_print_doc_render_page (NtPrintDoc *doc,
                          cairo_t    *cr,
                          guint       page)
{
  GArray *placements;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (cr != NULL);

  if (page >= nt_print_doc_paginate (doc))
    return;
  placements = g_ptr_array_index (doc->pages, page);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.6);
  for (guint i = 0; i < placements->len; i++)
    {
      const Placement *p = &g_array_index (placements, Placement, i);
      const Block *b = &g_array_index (doc->blocks, Block, p->block);

      if (b->kind == BLOCK_FLOW)
        {
          render_flow (cr, doc->left, b, p);
          continue;
        }
      for (guint c = 0; c < b->cells->len; c++)
        {
          const Cell *cell = &g_array_index (b->cells, Cell, c);

          cairo_move_to (cr, doc->left + cell->x, p->y + cell->y);
          pango_cairo_show_layout (cr, cell->layout);
        }
      for (guint r = 0; r < b->rules->len; r++)
        {
          const Rule *rule = &g_array_index (b->rules, Rule, r);

          cairo_move_to (cr, doc->left + rule->x1, p->y + rule->y1);
          cairo_line_to (cr, doc->left + rule->x2, p->y + rule->y2);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);
}

/**
 * nt_print_doc_render_all:
 * @cr: a cairo context on a paged surface (PDF), in points
 *
 * Draws every page, each followed by cairo_show_page().
 *
 * Returns: whether cairo is still well
 */
gboolean
nt_print_doc_render_all (NtPrintDoc *doc,
                         cairo_t    *cr)
{
  guint n;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);

  n = nt_print_doc_paginate (doc);
  for (guint i = 0; i < n; i++)
    {
      nt_print_doc_render_page (doc, cr, i);
      cairo_show_page (cr);
    }
  return cairo_status (cr) == CAIRO_STATUS_SUCCESS;
}

/**
 * nt_print_doc_write_pdf:
 *
 * Writes the document to a PDF file at @path (replaced when it exists).
 */
gboolean
nt_print_doc_write_pdf (NtPrintDoc  *doc,
                        const char  *path,
                        GError     **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, doc->width, doc->height);
  cr = cairo_create (surface);
  nt_print_doc_render_all (doc, cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_IO, _("Could not write the PDF file %s: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
