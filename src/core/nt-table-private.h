/* nt-table-private.h: how the .xlsx and CSV readers fill an NtTable
 *
 * A reader adds the cells of one row (in any column order), then ends the
 * row with its number. Only cells with a value are kept: a table is as big
 * as its content, however far apart the cells are.
 */
#pragma once

#include "nt-table-reader.h"

G_BEGIN_DECLS

/* Excel's own limits; a reference beyond them means a damaged file. */
#define NT_TABLE_MAX_ROWS    1048576u
#define NT_TABLE_MAX_COLUMNS 16384u

NtTable  *nt_table_new               (const char  *source_name);
void      nt_table_set_sheet_name    (NtTable     *t,
                                      const char  *sheet_name);
/* text is copied (len -1: NUL-terminated); an empty TEXT cell is dropped. */
void      nt_table_add_cell          (NtTable     *t,
                                      guint        column,
                                      NtCellKind   kind,
                                      const char  *text,
                                      gssize       len,
                                      double       number);
/* Like nt_table_add_cell() with text already in the table's strings. */
void      nt_table_add_cell_static   (NtTable     *t,
                                      guint        column,
                                      NtCellKind   kind,
                                      const char  *text,
                                      double       number);
/* Copies text into the table's strings, for nt_table_add_cell_static(). */
const char *nt_table_intern          (NtTable     *t,
                                      const char  *text,
                                      gssize       len);
void      nt_table_set_cached_text   (NtTable     *t,
                                      guint        row,
                                      guint        column,
                                      const char  *text);
void      nt_table_end_row           (NtTable     *t,
                                      guint        row);
void      nt_table_add_merge         (NtTable     *t,
                                      guint        first_row,
                                      guint        first_column,
                                      guint        last_row,
                                      guint        last_column);
/* Ends reading: sorts the merged ranges. */
void      nt_table_finish            (NtTable     *t);

/* "1234.5" for 1234.5, "12" for 12.0: the shortest text Excel would show. */
void      nt_table_format_number     (double       number,
                                      char        *buffer,
                                      gsize        size);

/* Sets the error for an old .xls file and returns FALSE. */
gboolean  nt_table_refuse_xls        (const char  *name,
                                      GError     **error);

G_END_DECLS
