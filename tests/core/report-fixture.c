/* report-fixture.c: reading a workbook back, for the report tests */
#define G_LOG_DOMAIN "report-fixture"

#include "config.h"

#include "nt-school.h"
#include "nt-test-util.h"
#include "report-fixture.h"

/* ----- reading a workbook back ------------------------------------------------ */

static void
cell_free (Cell *cell)
{
  g_free (cell->type);
  g_free (cell->font);
  g_free (cell->size);
  g_free (cell->value);
  g_free (cell);
}

void
fx_xlsx_free (Xlsx *x)
{
  g_hash_table_unref (x->cells);
  g_hash_table_unref (x->setup);
  g_hash_table_unref (x->merged);
  g_ptr_array_unref (x->sheets);
  g_free (x);
}

static char *
unescape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '\\' && p[1])
        {
          p++;
          g_string_append_c (out, *p == 't' ? '\t' : *p == 'n' ? '\n' : *p);
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

Xlsx *
fx_read_xlsx (const char *path)
{
  g_autofree char *script = g_build_filename (g_getenv ("NOITRU_SOURCE_ROOT"), "tests", "core",
                                              "read-xlsx.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  Xlsx *x;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("read-xlsx.py failed on %s: %s", path, err);

  x = g_new0 (Xlsx, 1);
  x->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) cell_free);
  x->setup = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  x->merged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  x->sheets = g_ptr_array_new_with_free_func (g_free);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);
      guint n = g_strv_length (f);

      if (n == 2 && g_str_equal (f[0], "sheet"))
        g_ptr_array_add (x->sheets, unescape (f[1]));
      else if (n == 8 && g_str_equal (f[0], "cell"))
        {
          Cell *cell = g_new0 (Cell, 1);
          cell->type = g_strdup (f[3]);
          cell->font = g_strdup (f[4]);
          cell->size = g_strdup (f[5]);
          cell->bold = g_str_equal (f[6], "1");
          cell->value = unescape (f[7]);
          g_hash_table_insert (x->cells, g_strdup_printf ("%s!%s", f[1], f[2]), cell);
        }
      else if (n == 3 && g_str_equal (f[0], "merged"))
        g_hash_table_add (x->merged, g_strdup_printf ("%s!%s", f[1], f[2]));
      else if (n == 4 && g_str_equal (f[0], "setup"))
        g_hash_table_insert (x->setup, g_strdup_printf ("%s:%s", f[1], f[2]), unescape (f[3]));
      else
        g_assert_cmpstr (lines[i], ==, "");
    }
  return x;
}

Cell *
fx_cell (Xlsx       *x,
         const char *sheet,
         const char *where)
{
  g_autofree char *key = g_strdup_printf ("%s!%s", sheet, where);
  return g_hash_table_lookup (x->cells, key);
}

const char *
fx_value (Xlsx       *x,
          const char *sheet,
          const char *where)
{
  Cell *cell = fx_cell (x, sheet, where);
  return cell ? cell->value : "";
}

const char *
fx_setup (Xlsx       *x,
          const char *sheet,
          const char *key)
{
  g_autofree char *k = g_strdup_printf ("%s:%s", sheet, key);
  const char *v = g_hash_table_lookup (x->setup, k);

  g_assert_nonnull (v);
  return v;
}

gboolean
fx_merged (Xlsx       *x,
           const char *sheet,
           const char *range)
{
  g_autofree char *key = g_strdup_printf ("%s!%s", sheet, range);
  return g_hash_table_contains (x->merged, key);
}

char *
fx_coord (int col,
          int row)
{
  return g_strdup_printf ("%c%d", 'A' + col, row);
}

/* The table from row @first: each expected row is @n_columns strings; a row
 * whose first string is "#" is a group row, its text in the second. */
void
fx_assert_rows (Xlsx              *x,
                const char        *sheet,
                int                first,
                const char *const *expected,
                guint              n_rows,
                int                n_columns)
{
  char last_col = 'A' + n_columns - 1;

  for (guint r = 0; r < n_rows; r++)
    {
      const char *const *row = expected + r * n_columns;
      int excel_row = first + r;

      if (g_str_equal (row[0], "#"))
        {
          g_autofree char *range = g_strdup_printf ("A%d:%c%d", excel_row, last_col, excel_row);
          g_autofree char *a = fx_coord (0, excel_row);
          Cell *cell = fx_cell (x, sheet, a);

          g_assert_nonnull (cell);
          g_assert_cmpstr (cell->value, ==, row[1]);
          g_assert_true (cell->bold);
          g_assert_true (fx_merged (x, sheet, range));
          continue;
        }
      for (int c = 0; c < n_columns; c++)
        {
          g_autofree char *where = fx_coord (c, excel_row);
          const char *got = fx_value (x, sheet, where);

          if (g_strcmp0 (got, row[c]) != 0)
            g_error ("%s!%s: expected “%s”, got “%s”", sheet, where, row[c], got);
        }
    }
  /* Nothing more in the table: the row after it is empty. */
  {
    g_autofree char *after = fx_coord (1, first + n_rows);
    g_assert_cmpstr (fx_value (x, sheet, after), ==, "");
  }
}

/* ----- the school ----------------------------------------------------------------- */

void
fx_exec (NtStore    *store,
         const char *sql)
{
  g_autoptr(GError) error = NULL;

  nt_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

/* A new database holding only the school's details: the tests add the
 * classes, students and beds they need. */
NtStore *
fx_school_new (void)
{
  NtSchoolInfo info = {
    (char *) "Trường PTDTNT THPT Tam Đường",
    (char *) "Bản Giang, huyện Tam Đường, tỉnh Lai Châu",
    (char *) "Lò Văn Minh",
    (char *) "Sở Giáo dục và Đào tạo Lai Châu",
    (char *) "2026-2027",
    (char *) "21:30",
  };
  g_autoptr(GError) error = NULL;
  NtStore *store = nt_test_new_store ();

  g_assert_true (nt_school_set (store, &info, &error));
  g_assert_no_error (error);
  return store;
}
