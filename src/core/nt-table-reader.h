/* nt-table-reader.h: a spreadsheet file (.xlsx or CSV) read into a table of
 * cells, for the student and staff import
 *
 * Row and column numbers are the ones the person sees in Excel: row 1 is the
 * first row of the sheet, column 1 is A. Every message of a failure names the
 * file, so the import can show it as it is.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  NT_CELL_EMPTY,
  NT_CELL_TEXT,
  NT_CELL_NUMBER,
  NT_CELL_DATE,
  NT_CELL_BOOL,
  NT_CELL_FORMULA,
  NT_CELL_ERROR,
} NtCellKind;

/* text is the cell's text as shown: for NUMBER the number without trailing
 * zeros ("12", "0.5"); for DATE the serial number as text (number holds the
 * serial, 1900 date system, also for 1904 workbooks); for BOOL "TRUE" or
 * "FALSE" (number 1 or 0); for ERROR the error ("#DIV/0!"); for FORMULA the
 * formula without '=' (number holds the cached numeric value, 0 when there is
 * none; the cached text is nt_table_get_cached_text()). text is NULL only
 * for EMPTY cells. */
typedef struct
{
  NtCellKind  kind;
  char       *text;
  double      number;
} NtCell;

typedef struct _NtTable NtTable;

NtTable       *nt_table_read_file        (const char    *path,
                                          const char    *sheet,
                                          GCancellable  *cancellable,
                                          GError       **error);
char         **nt_table_list_sheets      (const char    *path,
                                          GError       **error);
NtTable       *nt_table_read_xlsx_bytes  (GBytes        *bytes,
                                          const char    *name,
                                          const char    *sheet,
                                          GCancellable  *cancellable,
                                          GError       **error);
NtTable       *nt_table_read_csv_bytes   (GBytes        *bytes,
                                          const char    *name,
                                          GCancellable  *cancellable,
                                          GError       **error);
char         **nt_table_list_xlsx_sheets_bytes (GBytes  *bytes,
                                          const char    *name,
                                          GError       **error);

guint          nt_table_get_n_rows       (NtTable       *t);
guint          nt_table_get_n_columns    (NtTable       *t);
const NtCell  *nt_table_get_cell         (NtTable       *t,
                                          guint          row,
                                          guint          column);
const char    *nt_table_get_cached_text  (NtTable       *t,
                                          guint          row,
                                          guint          column);
gboolean       nt_table_row_is_empty     (NtTable       *t,
                                          guint          row);
char          *nt_table_column_name      (guint          column);
const char    *nt_table_get_source_name  (NtTable       *t);
const char    *nt_table_get_sheet_name   (NtTable       *t);
void           nt_table_free             (NtTable       *t);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NtTable, nt_table_free)

G_END_DECLS
