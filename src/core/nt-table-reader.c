/* nt-table-reader.c: the table of cells, and telling the kinds of file apart
 *
 * Cells are kept compactly: all text in one GStringChunk, the cells of all
 * rows in one array (only cells with a value), each row a span of that
 * array sorted by column. A 100,000-row sheet thus costs a few allocations,
 * not one per cell, and a cell in column XFD costs no more than one in A.
 */
#define G_LOG_DOMAIN "nt-table-reader"

#include <stdlib.h>
#include <string.h>

#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-table-private.h"

typedef struct
{
  guint32 first;   /* index into cells */
  guint32 n;
} NtRowSpan;

typedef struct
{
  guint32 column;
  guint32 seq;     /* order of arrival: the later of two cells in one place wins */
  NtCell  cell;
} NtPendingCell;

typedef struct
{
  guint first_row;
  guint first_column;
  guint last_row;
  guint last_column;
} NtMerge;

struct _NtTable
{
  char         *source_name;
  char         *sheet_name;
  GStringChunk *strings;
  GArray       *cells;      /* NtCell */
  GArray       *columns;    /* guint32, parallel to cells */
  GArray       *rows;       /* NtRowSpan, row r at index r - 1 */
  GArray       *pending;    /* NtPendingCell: the row being read */
  GArray       *merges;     /* NtMerge, sorted by first_row once finished */
  guint         merge_last_row;
  GHashTable   *cached;     /* gint64 (row << 16 | column) → cached text of a formula */
  guint         n_columns;
};

static const NtCell empty_cell = { NT_CELL_EMPTY, NULL, 0.0 };

/* ----- building ---------------------------------------------------------- */

NtTable *
nt_table_new (const char *source_name)
{
  NtTable *t = g_new0 (NtTable, 1);

  t->source_name = g_strdup (source_name ? source_name : "");
  t->strings = g_string_chunk_new (64 * 1024);
  t->cells = g_array_new (FALSE, FALSE, sizeof (NtCell));
  t->columns = g_array_new (FALSE, FALSE, sizeof (guint32));
  t->rows = g_array_new (FALSE, TRUE, sizeof (NtRowSpan));
  t->pending = g_array_new (FALSE, FALSE, sizeof (NtPendingCell));
  t->merges = g_array_new (FALSE, FALSE, sizeof (NtMerge));
  return t;
}

void
nt_table_set_sheet_name (NtTable    *t,
                         const char *sheet_name)
{
  g_free (t->sheet_name);
  t->sheet_name = g_strdup (sheet_name);
}

const char *
nt_table_intern (NtTable    *t,
                 const char *text,
                 gssize      len)
{
  if (len < 0)
    len = strlen (text);
  return g_string_chunk_insert_len (t->strings, text, len);
}

void
nt_table_add_cell_static (NtTable    *t,
                          guint       column,
                          NtCellKind  kind,
                          const char *text,
                          double      number)
{
  NtPendingCell p;

  if (kind == NT_CELL_EMPTY || column == 0 || column > NT_TABLE_MAX_COLUMNS)
    return;
  if (kind == NT_CELL_TEXT && (text == NULL || text[0] == '\0'))
    return;
  p.column = column;
  p.seq = t->pending->len;
  p.cell.kind = kind;
  p.cell.text = (char *) (text ? text : "");
  p.cell.number = number;
  g_array_append_val (t->pending, p);
}

void
nt_table_add_cell (NtTable    *t,
                   guint       column,
                   NtCellKind  kind,
                   const char *text,
                   gssize      len,
                   double      number)
{
  if (kind == NT_CELL_EMPTY || (kind == NT_CELL_TEXT && (text == NULL || len == 0 || text[0] == '\0')))
    return;
  nt_table_add_cell_static (t, column, kind, text ? nt_table_intern (t, text, len) : "", number);
}

static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  const NtPendingCell *pa = a;
  const NtPendingCell *pb = b;

  if (pa->column != pb->column)
    return pa->column < pb->column ? -1 : 1;
  return pa->seq < pb->seq ? -1 : pa->seq > pb->seq;
}

void
nt_table_end_row (NtTable *t,
                  guint    row)
{
  NtPendingCell *p = (NtPendingCell *) (gpointer) t->pending->data;
  guint n = t->pending->len;
  gboolean sorted = TRUE;
  NtRowSpan span;

  if (n == 0 || row == 0 || row > NT_TABLE_MAX_ROWS)
    {
      g_array_set_size (t->pending, 0);
      return;
    }

  for (guint i = 1; i < n && sorted; i++)
    sorted = p[i - 1].column < p[i].column;
  if (!sorted)
    qsort (p, n, sizeof *p, compare_pending);

  span.first = t->cells->len;
  for (guint i = 0; i < n; i++)
    {
      guint32 column = p[i].column;

      /* Of two cells in one place (only in a strange file), the later wins. */
      if (i + 1 < n && p[i + 1].column == column)
        continue;
      g_array_append_val (t->cells, p[i].cell);
      g_array_append_val (t->columns, column);
      t->n_columns = MAX (t->n_columns, column);
    }
  span.n = t->cells->len - span.first;
  g_array_set_size (t->pending, 0);

  if (t->rows->len < row)
    g_array_set_size (t->rows, row);
  g_array_index (t->rows, NtRowSpan, row - 1) = span;
}

void
nt_table_set_cached_text (NtTable    *t,
                          guint       row,
                          guint       column,
                          const char *text)
{
  gint64 *key;

  if (text == NULL)
    return;
  if (t->cached == NULL)
    t->cached = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  key = g_new (gint64, 1);
  *key = ((gint64) row << 16) | column;
  g_hash_table_replace (t->cached, key, (gpointer) nt_table_intern (t, text, -1));
}

void
nt_table_add_merge (NtTable *t,
                    guint    first_row,
                    guint    first_column,
                    guint    last_row,
                    guint    last_column)
{
  NtMerge m;

  if (first_row > last_row || first_column > last_column || first_row == 0 || first_column == 0)
    return;
  if (first_row == last_row && first_column == last_column)
    return;
  m.first_row = first_row;
  m.first_column = first_column;
  m.last_row = last_row;
  m.last_column = last_column;
  g_array_append_val (t->merges, m);
  t->merge_last_row = MAX (t->merge_last_row, last_row);
}

static int
compare_merges (gconstpointer a,
                gconstpointer b)
{
  const NtMerge *ma = a;
  const NtMerge *mb = b;

  if (ma->first_row != mb->first_row)
    return ma->first_row < mb->first_row ? -1 : 1;
  return ma->first_column < mb->first_column ? -1 : ma->first_column > mb->first_column;
}

void
nt_table_finish (NtTable *t)
{
  /* Trailing rows with no cells (Excel writes formatted blank rows) are not
   * part of the table. */
  while (t->rows->len > 0 && g_array_index (t->rows, NtRowSpan, t->rows->len - 1).n == 0)
    g_array_set_size (t->rows, t->rows->len - 1);
  g_array_sort (t->merges, compare_merges);
  g_array_set_size (t->pending, 0);
}

void
nt_table_format_number (double  number,
                        char   *buffer,
                        gsize   size)
{
  /* 15 significant digits is what Excel shows; %g drops trailing zeros. */
  if (number == 0.0)
    number = 0.0;   /* no "-0" */
  /* Whole numbers (codes, years, date serials) are most cells: skip printf's
   * floating-point path for them. */
  if (number > -1e15 && number < 1e15 && number == (double) (gint64) number)
    g_snprintf (buffer, size, "%" G_GINT64_FORMAT, (gint64) number);
  else
    g_ascii_formatd (buffer, size, "%.15g", number);
}

/* ----- reading the table ------------------------------------------------- */

guint
nt_table_get_n_rows (NtTable *t)
{
  g_return_val_if_fail (t != NULL, 0);
  return t->rows->len;
}

guint
nt_table_get_n_columns (NtTable *t)
{
  g_return_val_if_fail (t != NULL, 0);
  return t->n_columns;
}

static const NtCell *
lookup_stored (NtTable *t,
               guint    row,
               guint    column)
{
  const NtRowSpan *span;
  const guint32 *columns;
  guint lo, hi;

  if (row == 0 || row > t->rows->len || column == 0)
    return NULL;
  span = &g_array_index (t->rows, NtRowSpan, row - 1);
  columns = (const guint32 *) (gconstpointer) t->columns->data + span->first;
  lo = 0;
  hi = span->n;
  /* Rows are mostly dense from A, so try the direct place first. */
  if (column <= span->n && columns[column - 1] == column)
    return &g_array_index (t->cells, NtCell, span->first + column - 1);
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (columns[mid] == column)
        return &g_array_index (t->cells, NtCell, span->first + mid);
      if (columns[mid] < column)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

static const NtMerge *
lookup_merge (NtTable *t,
              guint    row,
              guint    column)
{
  if (t->merges->len == 0 || row > t->merge_last_row)
    return NULL;
  for (guint i = 0; i < t->merges->len; i++)
    {
      const NtMerge *m = &g_array_index (t->merges, NtMerge, i);

      if (m->first_row > row)
        break;
      if (row <= m->last_row && column >= m->first_column && column <= m->last_column)
        return m;
    }
  return NULL;
}

/**
 * nt_table_get_cell:
 * @row: 1-based, as in Excel
 * @column: 1-based (1 is A)
 *
 * Any cell inside a merged range reads as the range's top-left cell, so a
 * header row under merged title rows reads as the person sees it.
 *
 * Returns: (transfer none): the cell; an EMPTY cell outside the table or
 *   where there is nothing, never %NULL
 */
const NtCell *
nt_table_get_cell (NtTable *t,
                   guint    row,
                   guint    column)
{
  const NtMerge *m;
  const NtCell *cell;

  g_return_val_if_fail (t != NULL, &empty_cell);

  m = lookup_merge (t, row, column);
  if (m != NULL)
    {
      row = m->first_row;
      column = m->first_column;
    }
  cell = lookup_stored (t, row, column);
  return cell ? cell : &empty_cell;
}

/**
 * nt_table_get_cached_text:
 *
 * Returns: (nullable): the last value Excel computed for the formula in the
 *   cell, as text; %NULL when the cell holds no formula or no value was saved
 */
const char *
nt_table_get_cached_text (NtTable *t,
                          guint    row,
                          guint    column)
{
  gint64 key = ((gint64) row << 16) | column;

  g_return_val_if_fail (t != NULL, NULL);
  if (t->cached == NULL)
    return NULL;
  return g_hash_table_lookup (t->cached, &key);
}

static gboolean
text_is_blank (const char *s)
{
  for (; *s; s++)
    {
      if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
        continue;
      if ((guchar) s[0] == 0xC2 && (guchar) s[1] == 0xA0)   /* no-break space */
        {
          s++;
          continue;
        }
      return FALSE;
    }
  return TRUE;
}

/**
 * nt_table_row_is_empty:
 *
 * Returns: whether no cell of @row shows anything but spaces
 */
gboolean
nt_table_row_is_empty (NtTable *t,
                       guint    row)
{
  const NtRowSpan *span;

  g_return_val_if_fail (t != NULL, TRUE);

  if (row == 0 || row > t->rows->len)
    return TRUE;
  span = &g_array_index (t->rows, NtRowSpan, row - 1);
  for (guint i = 0; i < span->n; i++)
    {
      const NtCell *cell = &g_array_index (t->cells, NtCell, span->first + i);

      if (cell->kind != NT_CELL_EMPTY && !(cell->kind == NT_CELL_TEXT && text_is_blank (cell->text)))
        return FALSE;
    }
  /* A row under a merged range shows the range's value. */
  for (guint i = 0; i < t->merges->len; i++)
    {
      const NtMerge *m = &g_array_index (t->merges, NtMerge, i);

      if (m->first_row > row)
        break;
      if (row > m->first_row && row <= m->last_row)
        {
          const NtCell *cell = lookup_stored (t, m->first_row, m->first_column);

          if (cell && !(cell->kind == NT_CELL_TEXT && text_is_blank (cell->text)))
            return FALSE;
        }
    }
  return TRUE;
}

/**
 * nt_table_column_name:
 * @column: 1-based
 *
 * Returns: (transfer full): the column's letters as Excel shows them: 1 → "A",
 *   27 → "AA"
 */
char *
nt_table_column_name (guint column)
{
  char buffer[16];
  int i = sizeof buffer - 1;

  g_return_val_if_fail (column > 0, g_strdup (""));

  buffer[i] = '\0';
  while (column > 0 && i > 0)
    {
      column--;
      buffer[--i] = 'A' + column % 26;
      column /= 26;
    }
  return g_strdup (buffer + i);
}

const char *
nt_table_get_source_name (NtTable *t)
{
  g_return_val_if_fail (t != NULL, "");
  return t->source_name;
}

/**
 * nt_table_get_sheet_name:
 *
 * Returns: (nullable): the sheet that was read; %NULL for CSV
 */
const char *
nt_table_get_sheet_name (NtTable *t)
{
  g_return_val_if_fail (t != NULL, NULL);
  return t->sheet_name;
}

void
nt_table_free (NtTable *t)
{
  if (t == NULL)
    return;
  g_free (t->source_name);
  g_free (t->sheet_name);
  g_string_chunk_free (t->strings);
  g_array_unref (t->cells);
  g_array_unref (t->columns);
  g_array_unref (t->rows);
  g_array_unref (t->pending);
  g_array_unref (t->merges);
  g_clear_pointer (&t->cached, g_hash_table_unref);
  g_free (t);
}

/* ----- files --------------------------------------------------------------- */

typedef enum
{
  KIND_EMPTY,
  KIND_ZIP,
  KIND_XLS,
  KIND_TEXT,
} FileKind;

/* By content, not by name: people rename files. */
static FileKind
sniff (GBytes *bytes)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  if (len == 0)
    return KIND_EMPTY;
  if (len >= 4 && data[0] == 'P' && data[1] == 'K'
      && ((data[2] == 3 && data[3] == 4) || (data[2] == 5 && data[3] == 6)))
    return KIND_ZIP;
  if (len >= 4 && data[0] == 0xD0 && data[1] == 0xCF && data[2] == 0x11 && data[3] == 0xE0)
    return KIND_XLS;
  return KIND_TEXT;
}

static GBytes *
load_file (const char  *path,
           const char  *name,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("“%s” is a folder, not a file"), name);
      return NULL;
    }
  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      gboolean missing = g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT);

      g_set_error (error, NT_ERROR, missing ? NT_ERROR_NOT_FOUND : NT_ERROR_IO,
                   _("Cannot open “%s”: %s"), name, local_error->message);
      return NULL;
    }
  return g_mapped_file_get_bytes (mapped);
}

/* Shared with the .xlsx reader, which may be handed an .xls too. */
gboolean
nt_table_refuse_xls (const char  *name,
                     GError     **error)
{
  g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
               _("“%s”: this is an old Excel .xls file; save it as .xlsx (Excel Workbook) or CSV and import again"),
               name);
  return FALSE;
}

static void
refuse_empty (const char  *name,
              GError     **error)
{
  g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("“%s” is empty"), name);
}

/**
 * nt_table_read_file:
 * @path: an .xlsx, .csv or .txt file (told apart by content)
 * @sheet: (nullable): the sheet of an .xlsx to read; the first when %NULL;
 *   ignored for CSV
 *
 * Returns: (transfer full): the table, or %NULL with @error set (NT_ERROR,
 *   mostly NT_ERROR_INVALID, with a message naming the file; or
 *   G_IO_ERROR_CANCELLED)
 */
NtTable *
nt_table_read_file (const char    *path,
                    const char    *sheet,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_path_get_basename (path);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  bytes = load_file (path, name, error);
  if (bytes == NULL)
    return NULL;

  switch (sniff (bytes))
    {
    case KIND_EMPTY:
      refuse_empty (name, error);
      return NULL;
    case KIND_XLS:
      nt_table_refuse_xls (name, error);
      return NULL;
    case KIND_ZIP:
      return nt_table_read_xlsx_bytes (bytes, name, sheet, cancellable, error);
    case KIND_TEXT:
    default:
      return nt_table_read_csv_bytes (bytes, name, cancellable, error);
    }
}

/**
 * nt_table_list_sheets:
 *
 * Returns: (transfer full): for an .xlsx the names of its sheets in the
 *   workbook's order; for CSV one name, the file's; %NULL with @error set
 */
char **
nt_table_list_sheets (const char  *path,
                      GError     **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_path_get_basename (path);
  bytes = load_file (path, name, error);
  if (bytes == NULL)
    return NULL;

  switch (sniff (bytes))
    {
    case KIND_EMPTY:
      refuse_empty (name, error);
      return NULL;
    case KIND_XLS:
      nt_table_refuse_xls (name, error);
      return NULL;
    case KIND_ZIP:
      return nt_table_list_xlsx_sheets_bytes (bytes, name, error);
    case KIND_TEXT:
    default:
      {
        char **names = g_new0 (char *, 2);

        names[0] = g_steal_pointer (&name);
        return names;
      }
    }
}
