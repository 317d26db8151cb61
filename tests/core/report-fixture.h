/* report-fixture.h: what the report tests share: reading a workbook back
 * with an independent reader (python3-openpyxl, tests/core/read-xlsx.py),
 * and the school the hand-made fixtures belong to */
#pragma once

#include <glib.h>

#include "nt-store.h"

G_BEGIN_DECLS

typedef struct
{
  char     *type;
  char     *font;
  char     *size;
  gboolean  bold;
  char     *value;
} Cell;

typedef struct
{
  GHashTable *cells;    /* "Sheet!A1" → Cell */
  GHashTable *setup;    /* "Sheet:key" → value */
  GHashTable *merged;   /* "Sheet!A1:I1" */
  GPtrArray  *sheets;
} Xlsx;

void        fx_xlsx_free   (Xlsx              *x);
Xlsx       *fx_read_xlsx   (const char        *path);
Cell       *fx_cell        (Xlsx              *x,
                            const char        *sheet,
                            const char        *where);
const char *fx_value       (Xlsx              *x,
                            const char        *sheet,
                            const char        *where);
const char *fx_setup       (Xlsx              *x,
                            const char        *sheet,
                            const char        *key);
gboolean    fx_merged      (Xlsx              *x,
                            const char        *sheet,
                            const char        *range);
char       *fx_coord       (int                col,
                            int                row);
void        fx_assert_rows (Xlsx              *x,
                            const char        *sheet,
                            int                first,
                            const char *const *expected,
                            guint              n_rows,
                            int                n_columns);

void        fx_exec        (NtStore           *store,
                            const char        *sql);
NtStore    *fx_school_new  (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Xlsx, fx_xlsx_free)

G_END_DECLS
