/* fuzz-csv.c: libFuzzer target for the CSV reader
 *
 * Any bytes must give a table or an error, never a crash, a leak or a hang.
 */
#define G_LOG_DOMAIN "fuzz-csv"

#include <glib.h>
#include <stdint.h>

#include "nt-table-reader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(NtTable) t = nt_table_read_csv_bytes (bytes, "fuzz.csv", NULL, &error);
  guint rows, columns;

  g_assert ((t == NULL) != (error == NULL));
  if (t == NULL)
    return 0;
  rows = MIN (nt_table_get_n_rows (t), 2000);
  columns = MIN (nt_table_get_n_columns (t), 200);
  g_assert (rows > 0);
  for (guint r = 0; r <= rows + 1; r++)
    {
      nt_table_row_is_empty (t, r);
      for (guint c = 0; c <= columns + 1; c++)
        {
          const NtCell *cell = nt_table_get_cell (t, r, c);

          g_assert (cell->kind == NT_CELL_EMPTY || cell->kind == NT_CELL_TEXT);
          g_assert (cell->kind == NT_CELL_EMPTY || g_utf8_validate (cell->text, -1, NULL));
        }
    }
  return 0;
}
