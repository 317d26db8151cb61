/* nt-import.h: bringing the school's student (or staff) list in from an
 * Excel or CSV file
 *
 * The whole file is read and validated before anything is written; the
 * person sees the mapping of columns, a preview and every bad row with its
 * row, column and reason; then everything is written in one transaction.
 * Importing the same file again updates students by code; rows whose values
 * are already stored are left alone (no write, no audit entry).
 */
#pragma once

#include <gio/gio.h>

#include "nt-import-columns.h"
#include "nt-progress.h"
#include "nt-store.h"

G_BEGIN_DECLS

typedef struct _NtImport NtImport;

typedef struct
{
  guint  row;       /* in the sheet, 1-based; 0 for the whole file */
  guint  column;    /* 1-based; 0 when not about one cell */
  char  *field;     /* nullable */
  char  *message;   /* in Vietnamese, without the place */
} NtImportProblem;

typedef struct
{
  guint new_rows;
  guint updated_rows;
  guint unchanged_rows;  /* already stored with the same values: not written */
  guint new_classes;
  guint skipped_empty;
} NtImportCounts;


NtImport   *nt_import_new            (NtStore         *store,
                                      NtImportKind     kind);
void        nt_import_free           (NtImport        *self);
gboolean    nt_import_load           (NtImport        *self,
                                      const char      *path,
                                      const char      *sheet,
                                      GCancellable    *cancellable,
                                      GError         **error);
guint       nt_import_get_header_row (NtImport        *self);
guint       nt_import_get_n_rows     (NtImport        *self);
guint       nt_import_get_n_columns  (NtImport        *self);
const char *nt_import_get_cell_text  (NtImport        *self,
                                      guint            row,
                                      guint            column);
const char *nt_import_get_source_name (NtImport       *self);
const char *nt_import_get_sheet_name (NtImport        *self);
guint       nt_import_get_column     (NtImport        *self,
                                      const char      *field);
void        nt_import_set_column     (NtImport        *self,
                                      const char      *field,
                                      guint            column);
gboolean    nt_import_validate       (NtImport        *self,
                                      GCancellable    *cancellable,
                                      NtProgressFunc   progress,
                                      gpointer         progress_data,
                                      GError         **error);
const GPtrArray *nt_import_get_problems (NtImport     *self);
char       *nt_import_format_problem (NtImport        *self,
                                      const NtImportProblem *problem);
char       *nt_import_format_report  (NtImport        *self);
void        nt_import_get_counts     (NtImport        *self,
                                      NtImportCounts  *counts);
gboolean    nt_import_commit         (NtImport        *self,
                                      GCancellable    *cancellable,
                                      NtProgressFunc   progress,
                                      gpointer         progress_data,
                                      GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NtImport, nt_import_free)

G_END_DECLS
