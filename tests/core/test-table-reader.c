/* test-table-reader.c: spreadsheet files (.xlsx, CSV) read into tables
 *
 * Every fixture is made here: .xlsx files with libxlsxwriter (as Excel would
 * write them) or by hand with libgsf's zip writer (for what libxlsxwriter
 * never writes), CSV files as bytes in each encoding.
 */
#define G_LOG_DOMAIN "test-table-reader"

#include <gsf/gsf.h>
#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "nt-error.h"
#include "nt-table-reader.h"
#include "nt-test-util.h"

#define TITLE     "TRƯỜNG PTDTNT HUYỆN MƯỜNG TÈ"
#define SUBTITLE  "DANH SÁCH HỌC SINH NỘI TRÚ"
#define NAME_1    "Nguyễn Thị Ánh"
#define NAME_2    "Lò Văn Páo"
#define SERIAL_5_9_2010 40426.0

/* ----- helpers ------------------------------------------------------------- */

static void
assert_text (NtTable    *t,
             guint       row,
             guint       column,
             const char *text)
{
  const NtCell *cell = nt_table_get_cell (t, row, column);

  g_assert_nonnull (cell);
  g_assert_cmpint (cell->kind, ==, NT_CELL_TEXT);
  g_assert_cmpstr (cell->text, ==, text);
}

static void
assert_number (NtTable    *t,
               guint       row,
               guint       column,
               NtCellKind  kind,
               double      number,
               const char *text)
{
  const NtCell *cell = nt_table_get_cell (t, row, column);

  g_assert_cmpint (cell->kind, ==, kind);
  g_assert_cmpfloat_with_epsilon (cell->number, number, 1e-9);
  g_assert_cmpstr (cell->text, ==, text);
}

static void
assert_empty (NtTable *t,
              guint    row,
              guint    column)
{
  const NtCell *cell = nt_table_get_cell (t, row, column);

  g_assert_nonnull (cell);
  g_assert_cmpint (cell->kind, ==, NT_CELL_EMPTY);
  g_assert_null (cell->text);
}

/* The error is NT_ERROR_INVALID (or code) and names the file. */
static void
assert_refused (GError     *error,
                int         code,
                const char *file_name)
{
  g_assert_error (error, NT_ERROR, code);
  g_assert_nonnull (strstr (error->message, file_name));
}

static NtTable *
read_ok (const char *path,
         const char *sheet)
{
  g_autoptr(GError) error = NULL;
  NtTable *t = nt_table_read_file (path, sheet, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (t);
  return t;
}

/* The school's list as a school-management system exports it: two merged
 * title rows over the header, a date, a formula, a second sheet. */
static char *
make_school_xlsx (const char *name)
{
  char *path = nt_test_tmp_path (name);
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws = workbook_add_worksheet (wb, "Học sinh");
  lxw_worksheet *ws2 = workbook_add_worksheet (wb, "Lớp");
  lxw_format *date_fmt = workbook_add_format (wb);
  lxw_format *builtin_date = workbook_add_format (wb);
  lxw_format *bold = workbook_add_format (wb);
  lxw_datetime d1 = { 2010, 9, 5, 0, 0, 0 };
  lxw_datetime d2 = { 2011, 1, 31, 0, 0, 0 };
  const char *headers[] = { "STT", "Mã học sinh", "Họ và tên", "Ngày sinh", "Điểm", "Nội trú" };

  format_set_num_format (date_fmt, "dd/mm/yyyy");
  format_set_num_format_index (builtin_date, 14);
  format_set_bold (bold);

  worksheet_merge_range (ws, 0, 0, 0, 5, TITLE, bold);
  worksheet_merge_range (ws, 1, 0, 1, 5, SUBTITLE, bold);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    worksheet_write_string (ws, 2, c, headers[c], bold);

  worksheet_write_number (ws, 3, 0, 1, NULL);
  worksheet_write_string (ws, 3, 1, "HS001", NULL);
  worksheet_write_string (ws, 3, 2, NAME_1, NULL);
  worksheet_write_datetime (ws, 3, 3, &d1, date_fmt);
  worksheet_write_number (ws, 3, 4, 8.5, NULL);
  worksheet_write_boolean (ws, 3, 5, 1, NULL);

  worksheet_write_number (ws, 4, 0, 2, NULL);
  worksheet_write_string (ws, 4, 1, "HS002", NULL);
  worksheet_write_string (ws, 4, 2, NAME_2, NULL);
  worksheet_write_datetime (ws, 4, 3, &d2, builtin_date);
  worksheet_write_formula_num (ws, 4, 4, "=E4*2", NULL, 17);
  worksheet_write_boolean (ws, 4, 5, 0, NULL);
  /* A formatted but blank cell far out is no content. */
  worksheet_write_blank (ws, 9, 20, bold);

  worksheet_write_string (ws2, 0, 0, "10A1", NULL);

  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
  return path;
}

/* ----- .xlsx from libxlsxwriter ---------------------------------------------- */

static void
test_xlsx_cells (void)
{
  g_autofree char *path = make_school_xlsx ("school.xlsx");
  g_autoptr(NtTable) t = read_ok (path, NULL);
  const NtCell *cell;

  g_assert_cmpstr (nt_table_get_source_name (t), ==, "school.xlsx");
  g_assert_cmpstr (nt_table_get_sheet_name (t), ==, "Học sinh");
  g_assert_cmpuint (nt_table_get_n_rows (t), ==, 5);
  g_assert_cmpuint (nt_table_get_n_columns (t), ==, 6);

  /* Merged title rows read as their top-left value everywhere inside. */
  assert_text (t, 1, 1, TITLE);
  assert_text (t, 1, 4, TITLE);
  assert_text (t, 2, 6, SUBTITLE);
  g_assert_false (nt_table_row_is_empty (t, 2));

  assert_text (t, 3, 2, "Mã học sinh");
  assert_text (t, 3, 3, "Họ và tên");
  assert_text (t, 4, 3, NAME_1);
  assert_text (t, 5, 3, NAME_2);

  assert_number (t, 4, 1, NT_CELL_NUMBER, 1, "1");
  assert_number (t, 4, 5, NT_CELL_NUMBER, 8.5, "8.5");
  assert_number (t, 4, 4, NT_CELL_DATE, SERIAL_5_9_2010, "40426");
  assert_number (t, 5, 4, NT_CELL_DATE, SERIAL_5_9_2010 + 148, "40574");
  assert_number (t, 4, 6, NT_CELL_BOOL, 1, "TRUE");
  assert_number (t, 5, 6, NT_CELL_BOOL, 0, "FALSE");

  cell = nt_table_get_cell (t, 5, 5);
  g_assert_cmpint (cell->kind, ==, NT_CELL_FORMULA);
  g_assert_cmpstr (cell->text, ==, "E4*2");
  g_assert_cmpfloat (cell->number, ==, 17);
  g_assert_cmpstr (nt_table_get_cached_text (t, 5, 5), ==, "17");
  g_assert_null (nt_table_get_cached_text (t, 4, 5));

  /* Outside the table, and the formatted blank: EMPTY, never NULL. */
  assert_empty (t, 10, 21);
  assert_empty (t, 6, 1);
  assert_empty (t, 1000, 1000);
  assert_empty (t, 0, 0);
  g_assert_true (nt_table_row_is_empty (t, 6));
  g_assert_true (nt_table_row_is_empty (t, 0));
  g_assert_false (nt_table_row_is_empty (t, 5));
}

static void
test_xlsx_sheets (void)
{
  g_autofree char *path = make_school_xlsx ("sheets.xlsx");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = nt_table_list_sheets (path, &error);
  g_autoptr(NtTable) second = NULL;
  g_autoptr(NtTable) folded = NULL;
  g_autoptr(NtTable) missing = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "Học sinh");
  g_assert_cmpstr (names[1], ==, "Lớp");

  second = read_ok (path, "Lớp");
  g_assert_cmpuint (nt_table_get_n_rows (second), ==, 1);
  assert_text (second, 1, 1, "10A1");

  /* Excel does not tell upper from lower case in sheet names either. */
  folded = read_ok (path, "LỚP");
  assert_text (folded, 1, 1, "10A1");

  missing = nt_table_read_file (path, "Trang 9", NULL, &error);
  g_assert_null (missing);
  assert_refused (error, NT_ERROR_INVALID, "sheets.xlsx");
  g_assert_nonnull (strstr (error->message, "Trang 9"));
  g_assert_nonnull (strstr (error->message, "Học sinh"));
  g_assert_nonnull (strstr (error->message, "Lớp"));
}

/* libxlsxwriter's constant-memory mode writes inline strings, as some
 * exporting programs do. */
static void
test_xlsx_inline_strings (void)
{
  g_autofree char *path = nt_test_tmp_path ("inline.xlsx");
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_workbook *wb = workbook_new_opt (path, &options);
  lxw_worksheet *ws = workbook_add_worksheet (wb, NULL);
  g_autoptr(NtTable) t = NULL;

  worksheet_write_string (ws, 0, 0, "Họ và tên", NULL);
  worksheet_write_string (ws, 0, 27, "Dân tộc", NULL);
  worksheet_write_string (ws, 2, 0, NAME_1, NULL);
  worksheet_write_number (ws, 2, 27, 0.1, NULL);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);

  t = read_ok (path, NULL);
  assert_text (t, 1, 1, "Họ và tên");
  assert_text (t, 1, 28, "Dân tộc");
  assert_text (t, 3, 1, NAME_1);
  assert_number (t, 3, 28, NT_CELL_NUMBER, 0.1, "0.1");
  g_assert_true (nt_table_row_is_empty (t, 2));
  g_assert_cmpuint (nt_table_get_n_rows (t), ==, 3);
  g_assert_cmpuint (nt_table_get_n_columns (t), ==, 28);
}

/* ----- .xlsx made by hand ------------------------------------------------------ */

typedef struct
{
  const char *path;
  const char *content;
} Member;

/* A zip with the given members, written by libgsf. */
static GBytes *
make_zip (const Member *members,
          guint         n_members)
{
  g_autoptr(GError) error = NULL;
  GsfOutput *memory = gsf_output_memory_new ();
  GsfOutfile *zip = gsf_outfile_zip_new (memory, &error);
  g_autoptr(GHashTable) dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) dir_order = g_ptr_array_new ();
  GBytes *bytes;

  g_assert_no_error (error);
  for (guint i = 0; i < n_members; i++)
    {
      g_auto(GStrv) parts = g_strsplit (members[i].path, "/", -1);
      GsfOutfile *parent = zip;
      g_autoptr(GString) prefix = g_string_new (NULL);
      GsfOutput *child;
      guint n = g_strv_length (parts);

      for (guint k = 0; k + 1 < n; k++)
        {
          GsfOutfile *dir;

          g_string_append_printf (prefix, "%s/", parts[k]);
          dir = g_hash_table_lookup (dirs, prefix->str);
          if (dir == NULL)
            {
              dir = GSF_OUTFILE (gsf_outfile_new_child (parent, parts[k], TRUE));
              g_hash_table_insert (dirs, g_strdup (prefix->str), dir);
              g_ptr_array_add (dir_order, dir);
            }
          parent = dir;
        }
      child = gsf_outfile_new_child (parent, parts[n - 1], FALSE);
      g_assert_true (gsf_output_write (child, strlen (members[i].content), (const guint8 *) members[i].content));
      g_assert_true (gsf_output_close (child));
      g_object_unref (child);
    }
  for (guint i = dir_order->len; i > 0; i--)
    {
      GsfOutput *dir = g_ptr_array_index (dir_order, i - 1);

      gsf_output_close (dir);
      g_object_unref (dir);
    }
  g_assert_true (gsf_output_close (GSF_OUTPUT (zip)));
  g_object_unref (zip);
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (memory)), gsf_output_size (memory));
  g_object_unref (memory);
  return bytes;
}

#define MAIN_NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define REL_NS  "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

static const Member handmade[] = {
  { "xl/workbook.xml",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<workbook " MAIN_NS " xmlns:r=\"" REL_NS "\"><workbookPr date1904=\"1\"/>"
    "<sheets><sheet name=\"Dữ liệu\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>" },
  { "xl/_rels/workbook.xml.rels",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId7\" Type=\"" REL_NS "/worksheet\" Target=\"/xl/other/../worksheets/data.xml\"/>"
    "<Relationship Id=\"rId8\" Type=\"" REL_NS "/sharedStrings\" Target=\"strings.xml\"/>"
    "<Relationship Id=\"rId9\" Type=\"" REL_NS "/styles\" Target=\"styles.xml\"/>"
    "</Relationships>" },
  { "xl/strings.xml",
    "<sst " MAIN_NS "><si><r><t>Lớp</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\"> học</t></r>"
    "<rPh sb=\"0\" eb=\"1\"><t>PHONETIC</t></rPh></si><si/></sst>" },
  { "xl/styles.xml",
    "<styleSheet " MAIN_NS "><numFmts count=\"2\">"
    "<numFmt numFmtId=\"164\" formatCode=\"[$-42A]d/m/yyyy;@\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"&quot;Lớp day &quot;0\"/></numFmts>"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
    "<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"><alignment/></xf><xf numFmtId=\"165\"/></cellXfs>"
    "</styleSheet>" },
  { "xl/worksheets/data.xml",
    "<worksheet " MAIN_NS "><sheetData>"
    /* no r= on rows or cells: counted by position */
    "<row><c t=\"inlineStr\"><is><t>Tên</t></is></c>"
    "<c t=\"inlineStr\"><is><r><t>Ng</t></r><r><t xml:space=\"preserve\">ày sinh</t></r><rPh><t>X</t></rPh></is></c>"
    "<c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c></row>"
    "<row><c><v>1</v></c><c s=\"1\"><v>40426</v></c><c t=\"e\"><v>#DIV/0!</v></c>"
    "<c t=\"b\"><v>1</v></c><c s=\"2\"><v>10</v></c></row>"
    /* cells out of order, a shared formula */
    "<row r=\"5\"><c r=\"C5\"><f t=\"shared\" ref=\"C5:C6\" si=\"0\">A5*2</f><v>4</v></c><c r=\"A5\"><v>2</v></c></row>"
    "<row r=\"6\"><c r=\"C6\"><f t=\"shared\" si=\"0\"/><v>6</v></c><c r=\"B6\" t=\"str\"><v>line_x000D_two</v></c>"
    "<c r=\"D6\" t=\"str\"><f>\"a\"&amp;\"b\"</f><v>ab</v></c></row>"
    "</sheetData></worksheet>" },
};

static void
test_xlsx_handmade (void)
{
  g_autoptr(GBytes) bytes = make_zip (handmade, G_N_ELEMENTS (handmade));
  g_autoptr(GError) error = NULL;
  g_autoptr(NtTable) t = nt_table_read_xlsx_bytes (bytes, "hand.xlsx", NULL, NULL, &error);
  const NtCell *cell;

  g_assert_no_error (error);
  g_assert_cmpstr (nt_table_get_sheet_name (t), ==, "Dữ liệu");
  g_assert_cmpuint (nt_table_get_n_rows (t), ==, 6);
  g_assert_cmpuint (nt_table_get_n_columns (t), ==, 5);

  /* inline strings, rich text runs joined, phonetic guides left out */
  assert_text (t, 1, 1, "Tên");
  assert_text (t, 1, 2, "Ngày sinh");
  assert_text (t, 1, 3, "Lớp học");
  assert_empty (t, 1, 4);   /* an empty shared string */

  assert_number (t, 2, 1, NT_CELL_NUMBER, 1, "1");
  /* a custom date format; a 1904 workbook's date handed on in the 1900 system */
  assert_number (t, 2, 2, NT_CELL_DATE, SERIAL_5_9_2010 + 1462, "41888");
  cell = nt_table_get_cell (t, 2, 3);
  g_assert_cmpint (cell->kind, ==, NT_CELL_ERROR);
  g_assert_cmpstr (cell->text, ==, "#DIV/0!");
  assert_number (t, 2, 4, NT_CELL_BOOL, 1, "TRUE");
  /* "Lớp day "0: the d in quotes makes no date; the style of
   * cellStyleXfs (a date) is not the cell's */
  assert_number (t, 2, 5, NT_CELL_NUMBER, 10, "10");

  g_assert_true (nt_table_row_is_empty (t, 3));
  g_assert_true (nt_table_row_is_empty (t, 4));

  assert_number (t, 5, 1, NT_CELL_NUMBER, 2, "2");
  cell = nt_table_get_cell (t, 5, 3);
  g_assert_cmpint (cell->kind, ==, NT_CELL_FORMULA);
  g_assert_cmpstr (cell->text, ==, "A5*2");
  g_assert_cmpfloat (cell->number, ==, 4);
  cell = nt_table_get_cell (t, 6, 3);
  g_assert_cmpint (cell->kind, ==, NT_CELL_FORMULA);
  g_assert_cmpstr (cell->text, ==, "A5*2");
  g_assert_cmpfloat (cell->number, ==, 6);
  g_assert_cmpstr (nt_table_get_cached_text (t, 6, 3), ==, "6");
  cell = nt_table_get_cell (t, 6, 4);
  g_assert_cmpint (cell->kind, ==, NT_CELL_FORMULA);
  g_assert_cmpstr (cell->text, ==, "\"a\"&\"b\"");
  g_assert_cmpstr (nt_table_get_cached_text (t, 6, 4), ==, "ab");

  /* _x000D_ is a carriage return */
  assert_text (t, 6, 2, "line\rtwo");
}

/* ----- bad .xlsx files ---------------------------------------------------------- */

static void
test_xlsx_truncated (void)
{
  g_autofree char *good = make_school_xlsx ("good.xlsx");
  g_autofree char *contents = NULL;
  gsize len = 0;
  gsize cuts[3];

  g_assert_true (g_file_get_contents (good, &contents, &len, NULL));
  cuts[0] = len / 2;
  cuts[1] = len - 30;
  cuts[2] = 10;
  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autofree char *name = g_strdup_printf ("cut-%u.xlsx", i);
      g_autofree char *path = nt_test_write_tmp (name, contents, cuts[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(NtTable) t = nt_table_read_file (path, NULL, NULL, &error);
      g_auto(GStrv) sheets = NULL;

      g_assert_null (t);
      assert_refused (error, NT_ERROR_INVALID, name);
      g_clear_error (&error);
      sheets = nt_table_list_sheets (path, &error);
      g_assert_null (sheets);
      assert_refused (error, NT_ERROR_INVALID, name);
    }
}

static void
test_xlsx_not_a_workbook (void)
{
  static const Member members[] = { { "docs/readme.txt", "hello" }, { "a.txt", "x" } };
  static const Member ods[] = { { "mimetype", "application/vnd.oasis.opendocument.spreadsheet" },
                                { "content.xml", "<office:document-content/>" } };
  g_autoptr(GBytes) bytes = make_zip (members, G_N_ELEMENTS (members));
  g_autoptr(GBytes) ods_bytes = make_zip (ods, G_N_ELEMENTS (ods));
  g_autofree char *path = nt_test_write_tmp ("archive.xlsx", g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *ods_path = nt_test_write_tmp ("list.ods", g_bytes_get_data (ods_bytes, NULL), g_bytes_get_size (ods_bytes));
  g_autoptr(GError) error = NULL;
  g_autoptr(NtTable) t = nt_table_read_file (path, NULL, NULL, &error);
  g_autoptr(NtTable) t2 = NULL;

  g_assert_null (t);
  assert_refused (error, NT_ERROR_INVALID, "archive.xlsx");
  g_clear_error (&error);

  t2 = nt_table_read_file (ods_path, NULL, NULL, &error);
  g_assert_null (t2);
  assert_refused (error, NT_ERROR_INVALID, "list.ods");
  g_assert_nonnull (strstr (error->message, ".ods"));
}

static void
test_xlsx_damaged_parts (void)
{
  Member broken[G_N_ELEMENTS (handmade)];
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NtTable) t = NULL;

  /* A sheet whose XML stops in the middle, and one that points at text
   * that is not there. */
  memcpy (broken, handmade, sizeof broken);
  broken[4].content = "<worksheet " MAIN_NS "><sheetData><row><c><v>1</v></c></row><row><c";
  bytes = make_zip (broken, G_N_ELEMENTS (broken));
  t = nt_table_read_xlsx_bytes (bytes, "broken.xlsx", NULL, NULL, &error);
  g_assert_null (t);
  assert_refused (error, NT_ERROR_INVALID, "broken.xlsx");
  g_clear_error (&error);
  g_clear_pointer (&bytes, g_bytes_unref);

  broken[4].content = "<worksheet " MAIN_NS "><sheetData><row r=\"3\"><c r=\"B3\" t=\"s\"><v>99</v></c></row></sheetData></worksheet>";
  bytes = make_zip (broken, G_N_ELEMENTS (broken));
  t = nt_table_read_xlsx_bytes (bytes, "missing-text.xlsx", NULL, NULL, &error);
  g_assert_null (t);
  assert_refused (error, NT_ERROR_INVALID, "missing-text.xlsx");
  g_assert_nonnull (strstr (error->message, "B3"));
  g_clear_error (&error);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* A part whose local header is overwritten: libgsf sees it in the
   * directory but cannot open it (and must not log a warning, which these
   * tests make fatal). */
  {
    g_autoptr(GBytes) good = make_zip (handmade, G_N_ELEMENTS (handmade));
    gsize len = g_bytes_get_size (good);
    guint8 *data = g_memdup2 (g_bytes_get_data (good, NULL), len);
    guint found = 0;
    g_autoptr(GBytes) bad = NULL;
    g_autoptr(NtTable) bad_table = NULL;

    for (gsize i = 0; i + 4 <= len; i++)
      if (memcmp (data + i, "PK\x03\x04", 4) == 0 && ++found == 5)
        memcpy (data + i, "XXXX", 4);
    g_assert_cmpuint (found, ==, G_N_ELEMENTS (handmade));
    bad = g_bytes_new_take (data, len);
    bad_table = nt_table_read_xlsx_bytes (bad, "header.xlsx", NULL, NULL, &error);
    g_assert_null (bad_table);
    assert_refused (error, NT_ERROR_INVALID, "header.xlsx");
    g_clear_error (&error);
  }

  broken[4].content = "<worksheet " MAIN_NS "><sheetData><row r=\"3\"><c r=\"XFE3\"><v>1</v></c></row></sheetData></worksheet>";
  bytes = make_zip (broken, G_N_ELEMENTS (broken));
  t = nt_table_read_xlsx_bytes (bytes, "far.xlsx", NULL, NULL, &error);
  g_assert_null (t);
  assert_refused (error, NT_ERROR_INVALID, "far.xlsx");
  g_assert_nonnull (strstr (error->message, "XFE3"));
}

static void
test_xls_refused (void)
{
  static const guint8 ole[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0, 'j', 'u', 'n', 'k' };
  const char *names[] = { "old.xls", "renamed.xlsx", "renamed.csv" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = nt_test_write_tmp (names[i], ole, sizeof ole);
      g_autoptr(GError) error = NULL;
      g_autoptr(NtTable) t = nt_table_read_file (path, NULL, NULL, &error);

      g_assert_null (t);
      assert_refused (error, NT_ERROR_INVALID, names[i]);
      g_assert_nonnull (strstr (error->message, ".xls"));
    }
}

static void
test_empty_and_missing (void)
{
  const char *names[] = { "empty.xlsx", "empty.csv", "blank.csv", "bom.csv" };
  const char *contents[] = { "", "", " \r\n\r\n", "\xEF\xBB\xBF" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = nt_test_write_tmp (names[i], contents[i], strlen (contents[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(NtTable) t = nt_table_read_file (path, NULL, NULL, &error);

      g_assert_null (t);
      assert_refused (error, NT_ERROR_INVALID, names[i]);
    }

  {
    g_autofree char *path = nt_test_tmp_path ("no-such-file.xlsx");
    g_autoptr(GError) error = NULL;
    g_autoptr(NtTable) t = nt_table_read_file (path, NULL, NULL, &error);

    g_assert_null (t);
    assert_refused (error, NT_ERROR_NOT_FOUND, "no-such-file.xlsx");
  }
}

static void
test_xlsx_renamed_csv (void)
{
  /* By content, not by name: a workbook called .csv is still a workbook. */
  g_autofree char *xlsx = make_school_xlsx ("real.xlsx");
  g_autofree char *contents = NULL;
  gsize len;
  g_autofree char *path = NULL;
  g_autoptr(NtTable) t = NULL;

  g_assert_true (g_file_get_contents (xlsx, &contents, &len, NULL));
  path = nt_test_write_tmp ("export.csv", contents, len);
  t = read_ok (path, NULL);
  assert_text (t, 4, 3, NAME_1);
}

static void
test_cancelled (void)
{
  g_autofree char *xlsx = make_school_xlsx ("cancel.xlsx");
  g_autofree char *csv = nt_test_write_tmp ("cancel.csv", "a,b\n1,2\n", 8);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NtTable) t = NULL;

  g_cancellable_cancel (cancellable);
  t = nt_table_read_file (xlsx, NULL, cancellable, &error);
  g_assert_null (t);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  t = nt_table_read_file (csv, NULL, cancellable, &error);
  g_assert_null (t);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* ----- CSV ------------------------------------------------------------------- */

#define CSV_UTF8 "Mã học sinh,Họ và tên,Lớp\nHS001,Nguyễn Văn An,10A1\nHS002,Hoàng Thị Ễnh,11B2\n"

static void
check_students (NtTable *t)
{
  g_assert_cmpuint (nt_table_get_n_rows (t), ==, 3);
  g_assert_cmpuint (nt_table_get_n_columns (t), ==, 3);
  assert_text (t, 1, 1, "Mã học sinh");
  assert_text (t, 1, 2, "Họ và tên");
  assert_text (t, 2, 2, "Nguyễn Văn An");
  assert_text (t, 3, 2, "Hoàng Thị Ễnh");
  assert_text (t, 3, 3, "11B2");
}

static void
test_csv_utf8 (void)
{
  g_autofree char *plain = nt_test_write_tmp ("plain.csv", CSV_UTF8, strlen (CSV_UTF8));
  g_autofree char *with_bom_text = g_strconcat ("\xEF\xBB\xBF", CSV_UTF8, NULL);
  g_autofree char *with_bom = nt_test_write_tmp ("bom.csv", with_bom_text, strlen (with_bom_text));
  g_autoptr(NtTable) t1 = read_ok (plain, NULL);
  g_autoptr(NtTable) t2 = read_ok (with_bom, NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sheets = nt_table_list_sheets (plain, &error);

  check_students (t1);
  check_students (t2);   /* the byte order mark is not part of the first header */
  g_assert_cmpstr (nt_table_get_source_name (t2), ==, "bom.csv");
  g_assert_null (nt_table_get_sheet_name (t2));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (sheets), ==, 1);
  g_assert_cmpstr (sheets[0], ==, "plain.csv");
}

static void
test_csv_utf16 (void)
{
  g_autofree char *tabbed = g_strdelimit (g_strdup (CSV_UTF8), ",", '\t');
  g_auto(GStrv) lines = g_strsplit (tabbed, "\n", -1);
  g_autofree char *crlf = g_strjoinv ("\r\n", lines);
  gsize len = 0;
  g_autofree char *le = g_convert (crlf, -1, "UTF-16LE", "UTF-8", NULL, &len, NULL);
  g_autofree char *be = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autofree char *path = NULL;
  g_autoptr(NtTable) t = NULL;
  g_autoptr(NtTable) tb = NULL;

  /* Excel's "Unicode text": UTF-16LE with a byte order mark, tabs, CRLF */
  g_assert_nonnull (le);
  g_byte_array_append (data, (const guint8 *) "\xFF\xFE", 2);
  g_byte_array_append (data, (const guint8 *) le, len);
  path = nt_test_write_tmp ("unicode.txt", data->data, data->len);
  t = read_ok (path, NULL);
  check_students (t);

  g_clear_pointer (&path, g_free);
  g_byte_array_set_size (data, 0);
  be = g_convert (crlf, -1, "UTF-16BE", "UTF-8", NULL, &len, NULL);
  g_byte_array_append (data, (const guint8 *) "\xFE\xFF", 2);
  g_byte_array_append (data, (const guint8 *) be, len);
  path = nt_test_write_tmp ("unicode-be.txt", data->data, data->len);
  tb = read_ok (path, NULL);
  check_students (tb);
}

static void
test_csv_windows_1258 (void)
{
  gsize len = 0;
  g_autofree char *legacy = g_convert (CSV_UTF8, -1, "WINDOWS-1258", "UTF-8", NULL, &len, NULL);
  g_autofree char *path = NULL;
  g_autoptr(NtTable) t = NULL;

  /* glibc's iconv writes "ễ" as ê + a combining tilde (0xDE), as Windows
   * does: the reader must compose them again. */
  g_assert_nonnull (legacy);
  g_assert_false (g_utf8_validate (legacy, len, NULL));
  g_assert_nonnull (memchr (legacy, 0xDE, len));
  path = nt_test_write_tmp ("legacy.csv", legacy, len);
  t = read_ok (path, NULL);
  check_students (t);
}

static void
test_csv_bad_encoding (void)
{
  /* 0x81 and 0x8A are not characters in Windows-1258 (nor UTF-8). */
  static const char bytes[] = "Ma,Ten\nHS1,\x81\x8A\n";
  static const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  g_autofree char *path = nt_test_write_tmp ("garbled.csv", bytes, sizeof bytes - 1);
  g_autofree char *bin_path = nt_test_write_tmp ("photo.csv", binary, sizeof binary - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(NtTable) t = nt_table_read_file (path, NULL, NULL, &error);
  g_autoptr(NtTable) t2 = NULL;

  g_assert_null (t);
  assert_refused (error, NT_ERROR_INVALID, "garbled.csv");
  g_clear_error (&error);

  t2 = nt_table_read_file (bin_path, NULL, NULL, &error);
  g_assert_null (t2);
  assert_refused (error, NT_ERROR_INVALID, "photo.csv");
}

static void
test_csv_semicolon (void)
{
  /* Commas inside names must not make commas the separator. */
  static const char text[] =
    "Mã;Họ tên;Ghi chú\r\n"
    "HS1;Nguyễn, An;x\r\n"
    "HS2;Lê Bình;y, z\r\n"
    "HS3;Đinh Công;\r\n";
  g_autofree char *path = nt_test_write_tmp ("semi.csv", text, sizeof text - 1);
  g_autoptr(NtTable) t = read_ok (path, NULL);

  g_assert_cmpuint (nt_table_get_n_rows (t), ==, 4);
  g_assert_cmpuint (nt_table_get_n_columns (t), ==, 3);
  assert_text (t, 2, 2, "Nguyễn, An");
  assert_text (t, 3, 3, "y, z");
  assert_text (t, 4, 2, "Đinh Công");
  assert_empty (t, 4, 3);
}

static void
test_csv_quotes (void)
{
  static const char text[] =
    "a,\"b,c\",\"say \"\"hi\"\"\"\n"
    "1,\"line1\nline2\",3\n"
    "\n"
    "4,,\"\"\n"
    "x\"y,\"z\"tail,end";
  g_autofree char *path = nt_test_write_tmp ("quotes.csv", text, sizeof text - 1);
  g_autoptr(NtTable) t = read_ok (path, NULL);

  g_assert_cmpuint (nt_table_get_n_rows (t), ==, 5);
  assert_text (t, 1, 1, "a");
  assert_text (t, 1, 2, "b,c");
  assert_text (t, 1, 3, "say \"hi\"");
  /* a line break inside quotes stays in the cell and the row */
  assert_text (t, 2, 2, "line1\nline2");
  assert_text (t, 2, 3, "3");
  /* an empty line is an empty row, and the rows after it keep Excel's numbers */
  g_assert_true (nt_table_row_is_empty (t, 3));
  assert_text (t, 4, 1, "4");
  assert_empty (t, 4, 2);
  assert_empty (t, 4, 3);
  /* a quote inside an unquoted field is text; text after a closing quote is kept */
  assert_text (t, 5, 1, "x\"y");
  assert_text (t, 5, 2, "ztail");
  assert_text (t, 5, 3, "end");
}

static void
test_csv_unclosed_quote (void)
{
  static const char text[] = "a,b\n1,2\n3,\"never closed\n4,5\n";
  g_autofree char *path = nt_test_write_tmp ("unclosed.csv", text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(NtTable) t = nt_table_read_file (path, NULL, NULL, &error);

  g_assert_null (t);
  assert_refused (error, NT_ERROR_INVALID, "unclosed.csv");
  g_assert_nonnull (strstr (error->message, " 3"));   /* the row where the quote opens */
}

static void
test_column_names (void)
{
  const struct { guint column; const char *name; } cases[] = {
    { 1, "A" }, { 2, "B" }, { 26, "Z" }, { 27, "AA" }, { 52, "AZ" }, { 53, "BA" },
    { 702, "ZZ" }, { 703, "AAA" }, { 16384, "XFD" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = nt_table_column_name (cases[i].column);

      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

/* ----- size ------------------------------------------------------------------ */

static void
test_xlsx_large (void)
{
  g_autofree char *path = nt_test_tmp_path ("large.xlsx");
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws = workbook_add_worksheet (wb, "DS");
  lxw_format *date_fmt = workbook_add_format (wb);
  g_autoptr(NtTable) t = NULL;
  g_autoptr(GError) error = NULL;
  const guint rows = 10000;
  gint64 start;
  double seconds;

  format_set_num_format (date_fmt, "dd/mm/yyyy");
  for (guint c = 0; c < 12; c++)
    {
      g_autofree char *h = g_strdup_printf ("Cột %u", c + 1);
      worksheet_write_string (ws, 0, c, h, NULL);
    }
  for (guint r = 1; r <= rows; r++)
    {
      g_autofree char *code = g_strdup_printf ("HS%05u", r);
      g_autofree char *name = g_strdup_printf ("Nguyễn Văn Học Sinh %u", r);
      lxw_datetime d = { 2008 + r % 5, 1 + r % 12, 1 + r % 28, 0, 0, 0 };

      worksheet_write_number (ws, r, 0, r, NULL);
      worksheet_write_string (ws, r, 1, code, NULL);
      worksheet_write_string (ws, r, 2, name, NULL);
      worksheet_write_datetime (ws, r, 3, &d, date_fmt);
      worksheet_write_string (ws, r, 4, r % 2 ? "Nam" : "Nữ", NULL);
      worksheet_write_string (ws, r, 5, "10A1", NULL);
      worksheet_write_string (ws, r, 6, "Kinh", NULL);
      worksheet_write_string (ws, r, 7, "Xã Tà Tổng, huyện Mường Tè", NULL);
      worksheet_write_string (ws, r, 8, "Nguyễn Văn Cha", NULL);
      worksheet_write_string (ws, r, 9, "0912345678", NULL);
      worksheet_write_number (ws, r, 10, 8.25, NULL);
      worksheet_write_string (ws, r, 11, "", NULL);
    }
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);

  start = g_get_monotonic_time ();
  t = nt_table_read_file (path, NULL, NULL, &error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_no_error (error);
  g_test_message ("read %u rows × 12 columns in %.3f s", rows, seconds);

  g_assert_cmpuint (nt_table_get_n_rows (t), ==, rows + 1);
  g_assert_cmpuint (nt_table_get_n_columns (t), ==, 12);   /* the header's */
  assert_empty (t, 5000, 12);
  assert_text (t, rows + 1, 2, "HS10000");
  assert_text (t, rows + 1, 3, "Nguyễn Văn Học Sinh 10000");
  g_assert_cmpint (nt_table_get_cell (t, rows + 1, 4)->kind, ==, NT_CELL_DATE);
  assert_number (t, 5000, 11, NT_CELL_NUMBER, 8.25, "8.25");
  /* Generous: sanitizer and debug builds are slower; the benchmark holds
   * the real target. */
  g_assert_cmpfloat (seconds, <, 5.0);
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);

  g_test_add_func ("/table-reader/xlsx/cells", test_xlsx_cells);
  g_test_add_func ("/table-reader/xlsx/sheets", test_xlsx_sheets);
  g_test_add_func ("/table-reader/xlsx/inline-strings", test_xlsx_inline_strings);
  g_test_add_func ("/table-reader/xlsx/handmade", test_xlsx_handmade);
  g_test_add_func ("/table-reader/xlsx/truncated", test_xlsx_truncated);
  g_test_add_func ("/table-reader/xlsx/not-a-workbook", test_xlsx_not_a_workbook);
  g_test_add_func ("/table-reader/xlsx/damaged-parts", test_xlsx_damaged_parts);
  g_test_add_func ("/table-reader/xlsx/renamed-csv", test_xlsx_renamed_csv);
  g_test_add_func ("/table-reader/xlsx/large", test_xlsx_large);
  g_test_add_func ("/table-reader/xls", test_xls_refused);
  g_test_add_func ("/table-reader/empty-and-missing", test_empty_and_missing);
  g_test_add_func ("/table-reader/cancelled", test_cancelled);
  g_test_add_func ("/table-reader/csv/utf8", test_csv_utf8);
  g_test_add_func ("/table-reader/csv/utf16", test_csv_utf16);
  g_test_add_func ("/table-reader/csv/windows-1258", test_csv_windows_1258);
  g_test_add_func ("/table-reader/csv/bad-encoding", test_csv_bad_encoding);
  g_test_add_func ("/table-reader/csv/semicolon", test_csv_semicolon);
  g_test_add_func ("/table-reader/csv/quotes", test_csv_quotes);
  g_test_add_func ("/table-reader/csv/unclosed-quote", test_csv_unclosed_quote);
  g_test_add_func ("/table-reader/column-names", test_column_names);

  return g_test_run ();
}
