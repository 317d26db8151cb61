/* fuzz-xlsx.c: libFuzzer target for the .xlsx reader
 *
 * Any bytes must give a table or an error, never a crash, a leak or a hang.
 * Every sheet the workbook names is read, and every cell of the result is
 * looked at, so the table's accessors are exercised too.
 */
#define G_LOG_DOMAIN "fuzz-xlsx"

#include <glib.h>
#include <stdint.h>

#include "nt-table-reader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
walk (NtTable *t)
{
  guint rows = MIN (nt_table_get_n_rows (t), 2000);
  guint columns = MIN (nt_table_get_n_columns (t), 200);

  for (guint r = 0; r <= rows + 1; r++)
    {
      nt_table_row_is_empty (t, r);
      for (guint c = 0; c <= columns + 1; c++)
        {
          const NtCell *cell = nt_table_get_cell (t, r, c);

          g_assert (cell != NULL);
          g_assert (cell->kind == NT_CELL_EMPTY || cell->text != NULL);
          nt_table_get_cached_text (t, r, c);
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sheets = nt_table_list_xlsx_sheets_bytes (bytes, "fuzz.xlsx", &error);
  g_autoptr(NtTable) first = NULL;

  g_clear_error (&error);
  first = nt_table_read_xlsx_bytes (bytes, "fuzz.xlsx", NULL, NULL, &error);
  g_assert ((first == NULL) != (error == NULL));
  if (first)
    walk (first);
  g_clear_error (&error);

  for (guint i = 0; sheets && sheets[i] && i < 4; i++)
    {
      g_autoptr(NtTable) t = nt_table_read_xlsx_bytes (bytes, "fuzz.xlsx", sheets[i], NULL, &error);

      g_assert ((t == NULL) != (error == NULL));
      if (t)
        walk (t);
      g_clear_error (&error);
    }
  return 0;
}
