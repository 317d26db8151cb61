/* make-corpus.c: writes the seed corpus of the fuzz targets
 *
 *   ninja -C BUILD tests/fuzz/make-corpus && BUILD/tests/fuzz/make-corpus tests/fuzz
 *
 * The .xlsx seeds keep their parts uncompressed (stored) so that the
 * fuzzer's changes reach the XML instead of breaking the deflate stream; one
 * seed comes from libxlsxwriter as Excel-like files do.
 */
#define G_LOG_DOMAIN "make-corpus"

#include <gsf/gsf.h>
#include <string.h>
#include <xlsxwriter.h>

typedef struct
{
  const char *path;
  const char *content;
} Member;

#define MAIN_NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define REL_NS  "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define WORKBOOK(extra) \
  "<workbook " MAIN_NS " xmlns:r=\"" REL_NS "\">" extra \
  "<sheets><sheet name=\"Học sinh\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"B\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>"
#define RELS \
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" \
  "<Relationship Id=\"rId1\" Type=\"" REL_NS "/worksheet\" Target=\"worksheets/sheet1.xml\"/>" \
  "<Relationship Id=\"rId2\" Type=\"" REL_NS "/worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/>" \
  "<Relationship Id=\"rId3\" Type=\"" REL_NS "/sharedStrings\" Target=\"sharedStrings.xml\"/>" \
  "<Relationship Id=\"rId4\" Type=\"" REL_NS "/styles\" Target=\"styles.xml\"/></Relationships>"

static const Member full[] = {
  { "xl/workbook.xml", WORKBOOK ("<workbookPr date1904=\"1\"/>") },
  { "xl/_rels/workbook.xml.rels", RELS },
  { "xl/sharedStrings.xml",
    "<sst " MAIN_NS "><si><t>Mã học sinh</t></si><si><r><t>Họ và </t></r><r><t>tên</t></r><rPh><t>x</t></rPh></si>"
    "<si><t>a_x000D_b</t></si></sst>" },
  { "xl/styles.xml",
    "<styleSheet " MAIN_NS "><numFmts><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy;&quot;d&quot;[Red]\"/></numFmts>"
    "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>" },
  { "xl/worksheets/sheet1.xml",
    "<worksheet " MAIN_NS "><dimension ref=\"A1:D6\"/><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>TRƯỜNG</t></is></c></row>"
    "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>0</v></c><c r=\"B3\" t=\"s\"><v>1</v></c><c r=\"C3\" t=\"s\"><v>2</v></c></row>"
    "<row><c t=\"str\"><v>HS1</v></c><c s=\"1\"><v>40426</v></c><c t=\"b\"><v>1</v></c><c t=\"e\"><v>#N/A</v></c></row>"
    "<row r=\"5\"><c r=\"D5\"><f t=\"shared\" ref=\"D5:D6\" si=\"0\">B5+1</f><v>2</v></c><c r=\"B5\" s=\"2\"><v>1.5</v></c></row>"
    "<row r=\"6\"><c r=\"D6\"><f t=\"shared\" si=\"0\"/><v>3</v></c><c r=\"A6\" t=\"d\"><v>2010-09-05T10:00:00</v></c></row>"
    "</sheetData><mergeCells count=\"2\"><mergeCell ref=\"A1:D2\"/><mergeCell ref=\"C4:C5\"/></mergeCells></worksheet>" },
  { "xl/worksheets/sheet2.xml",
    "<worksheet " MAIN_NS "><sheetData><row><c><v>1</v></c><c><v>2</v></c></row></sheetData></worksheet>" },
};

static const Member minimal[] = {
  { "xl/workbook.xml", WORKBOOK ("") },
  { "xl/_rels/workbook.xml.rels", RELS },
  { "xl/worksheets/sheet1.xml",
    "<worksheet " MAIN_NS "><sheetData><row><c t=\"inlineStr\"><is><t>a</t></is></c><c><v>1</v></c></row></sheetData></worksheet>" },
};

static void
write_zip (const char   *path,
           const Member *members,
           guint         n_members)
{
  g_autoptr(GError) error = NULL;
  GsfOutput *file = gsf_output_stdio_new (path, &error);
  GsfOutfile *zip;
  g_autoptr(GHashTable) dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  g_assert_no_error (error);
  zip = gsf_outfile_zip_new (file, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_members; i++)
    {
      g_auto(GStrv) parts = g_strsplit (members[i].path, "/", -1);
      guint n = g_strv_length (parts);
      GsfOutfile *parent = zip;
      g_autoptr(GString) prefix = g_string_new (NULL);
      GsfOutput *child;

      for (guint k = 0; k + 1 < n; k++)
        {
          GsfOutfile *dir;

          g_string_append_printf (prefix, "%s/", parts[k]);
          dir = g_hash_table_lookup (dirs, prefix->str);
          if (dir == NULL)
            {
              dir = GSF_OUTFILE (gsf_outfile_new_child (parent, parts[k], TRUE));
              g_hash_table_insert (dirs, g_strdup (prefix->str), dir);
              g_ptr_array_add (order, dir);
            }
          parent = dir;
        }
      child = gsf_outfile_new_child_full (parent, parts[n - 1], FALSE, "compression-level", GSF_ZIP_STORED, NULL);
      gsf_output_write (child, strlen (members[i].content), (const guint8 *) members[i].content);
      gsf_output_close (child);
      g_object_unref (child);
    }
  for (guint i = order->len; i > 0; i--)
    {
      gsf_output_close (g_ptr_array_index (order, i - 1));
      g_object_unref (g_ptr_array_index (order, i - 1));
    }
  gsf_output_close (GSF_OUTPUT (zip));
  g_object_unref (zip);
  g_object_unref (file);
}

static void
write_xlsxwriter (const char *path)
{
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws = workbook_add_worksheet (wb, "DS");
  lxw_format *date = workbook_add_format (wb);
  lxw_datetime d = { 2010, 9, 5, 0, 0, 0 };

  format_set_num_format (date, "dd/mm/yyyy");
  worksheet_merge_range (ws, 0, 0, 0, 3, "DANH SÁCH", NULL);
  worksheet_write_string (ws, 1, 0, "Họ và tên", NULL);
  worksheet_write_string (ws, 1, 1, "Ngày sinh", NULL);
  worksheet_write_string (ws, 2, 0, "Lò Văn Páo", NULL);
  worksheet_write_datetime (ws, 2, 1, &d, date);
  worksheet_write_formula_num (ws, 2, 2, "=B3+1", NULL, 40427);
  workbook_close (wb);
}

static void
write_text (const char *dir,
            const char *name,
            const char *data,
            gssize      len)
{
  g_autofree char *path = g_build_filename (dir, "corpus-csv", name, NULL);

  g_file_set_contents (path, data, len, NULL);
}

int
main (int   argc,
      char *argv[])
{
  const char *dir = argc > 1 ? argv[1] : ".";
  g_autofree char *xlsx_dir = g_build_filename (dir, "corpus-xlsx", NULL);
  g_autofree char *p1 = g_build_filename (xlsx_dir, "stored-full.xlsx", NULL);
  g_autofree char *p2 = g_build_filename (xlsx_dir, "stored-minimal.xlsx", NULL);
  g_autofree char *p3 = g_build_filename (xlsx_dir, "xlsxwriter.xlsx", NULL);
  const char *csv = "Mã,Họ và tên,Lớp\r\nHS1,\"Nguyễn, An\",10A1\r\n\r\nHS2,\"a \"\"b\"\"\nc\",11\r\n";
  gsize len = 0;
  g_autofree char *utf16 = NULL;
  g_autofree char *legacy = NULL;
  g_autoptr(GByteArray) bom16 = g_byte_array_new ();

  gsf_init ();
  g_mkdir_with_parents (xlsx_dir, 0755);
  write_zip (p1, full, G_N_ELEMENTS (full));
  write_zip (p2, minimal, G_N_ELEMENTS (minimal));
  write_xlsxwriter (p3);

  {
    g_autofree char *csv_dir = g_build_filename (dir, "corpus-csv", NULL);
    g_mkdir_with_parents (csv_dir, 0755);
  }
  write_text (dir, "comma.csv", csv, -1);
  write_text (dir, "bom-semicolon.csv", "\xEF\xBB\xBFMã;Tên\nA;\"x;y\"\n", -1);
  utf16 = g_convert ("Mã\tTên\r\nHS1\tLò Văn Páo\r\n", -1, "UTF-16LE", "UTF-8", NULL, &len, NULL);
  g_byte_array_append (bom16, (const guint8 *) "\xFF\xFE", 2);
  g_byte_array_append (bom16, (const guint8 *) utf16, len);
  write_text (dir, "utf16.txt", (const char *) bom16->data, bom16->len);
  legacy = g_convert ("Mã,Tên\nHS1,Hoàng Thị Ễnh\n", -1, "WINDOWS-1258", "UTF-8", NULL, &len, NULL);
  write_text (dir, "windows-1258.csv", legacy, len);
  return 0;
}
