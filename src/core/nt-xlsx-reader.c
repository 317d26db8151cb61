/* nt-xlsx-reader.c: an Excel workbook (.xlsx) read into an NtTable
 *
 * libgsf opens the zip and inflates its parts; libxml2's xmlTextReader
 * walks each part as a stream, so a 100,000-row sheet never becomes a tree
 * in memory. Of the workbook only what the import needs is read: the sheet
 * names, the shared strings, which cell styles are dates, the cells and the
 * merged ranges of one sheet.
 */
#define G_LOG_DOMAIN "nt-xlsx-reader"

#include <gsf/gsf.h>
#include <gsf/gsf-infile-impl.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-table-private.h"

/* Rows read between two looks at the cancellable. */
#define CANCEL_CHECK_ROWS 512

typedef struct
{
  char *name;
  char *rel_id;
} SheetEntry;

typedef struct
{
  const char   *file_name;    /* for messages */
  GBytes       *bytes;
  GsfInput     *input;
  GsfInfile    *zip;
  GArray       *sheets;       /* SheetEntry */
  GHashTable   *rels;         /* relationship id → part path */
  char         *shared_strings_path;
  char         *styles_path;
  gboolean      date1904;
  GPtrArray    *shared;       /* const char * into table strings */
  guint8       *date_styles;  /* per cellXfs index: is a date */
  guint         n_styles;
  NtTable      *table;
} Book;

static void
sheet_entry_clear (gpointer data)
{
  SheetEntry *e = data;

  g_free (e->name);
  g_free (e->rel_id);
}

static void
book_clear (Book *book)
{
  g_clear_pointer (&book->sheets, g_array_unref);
  g_clear_pointer (&book->rels, g_hash_table_unref);
  g_clear_pointer (&book->shared_strings_path, g_free);
  g_clear_pointer (&book->styles_path, g_free);
  g_clear_pointer (&book->shared, g_ptr_array_unref);
  g_clear_pointer (&book->date_styles, g_free);
  g_clear_object (&book->zip);
  g_clear_object (&book->input);
  g_clear_pointer (&book->table, nt_table_free);
}

static void
init_libraries (void)
{
  static gsize done;

  /* Once, before any thread of the import touches them. */
  if (g_once_init_enter (&done))
    {
      gsf_init ();
      xmlInitParser ();
      g_once_init_leave (&done, 1);
    }
}

/* ----- messages ---------------------------------------------------------- */

static gboolean
fail_damaged (Book        *book,
              const char  *part,
              GError     **error)
{
  g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
               _("“%s” is damaged or incomplete: its part %s cannot be read. Open it in Excel, save it again and import again."),
               book->file_name, part);
  return FALSE;
}

/* ----- parts --------------------------------------------------------------- */

/* The part at path ("xl/workbook.xml"), or NULL: *damaged tells a part
 * that is there but cannot be opened from one that is not there. The
 * class's own child_by_name is called because gsf_infile_child_by_name()
 * logs a warning for every damaged part, which is no news for the person. */
static GsfInput *
open_part (Book       *book,
           const char *path,
           gboolean   *damaged)
{
  g_auto(GStrv) names = g_strsplit (path, "/", -1);
  GsfInfile *dir = g_object_ref (book->zip);

  *damaged = FALSE;
  for (guint i = 0; names[i] != NULL; i++)
    {
      GsfInfileClass *klass = GSF_INFILE_CLASS (G_OBJECT_GET_CLASS (dir));
      g_autoptr(GError) error = NULL;
      GsfInput *child;

      if (klass->child_by_name != NULL)
        child = klass->child_by_name (dir, names[i], &error);
      else
        child = gsf_infile_child_by_name (dir, names[i]);
      g_object_unref (dir);
      if (child == NULL)
        {
          *damaged = error != NULL;
          return NULL;
        }
      if (names[i + 1] == NULL)
        return child;
      if (!GSF_IS_INFILE (child))
        {
          g_object_unref (child);
          return NULL;
        }
      dir = GSF_INFILE (child);
    }
  g_object_unref (dir);
  return NULL;
}

static int
read_part (void *context,
           char *buffer,
           int   len)
{
  GsfInput *input = context;
  gsf_off_t remaining = gsf_input_remaining (input);

  if (remaining <= 0 || len <= 0)
    return 0;
  if (len > remaining)
    len = (int) remaining;
  if (gsf_input_read (input, len, (guint8 *) buffer) == NULL)
    return -1;
  return len;
}

static void
ignore_xml_error (void        *user_data,
                  xmlErrorPtr  error)
{
  /* The reader's return value says that the part is bad; libxml2's own
   * words would only go to stderr. */
}

static xmlTextReaderPtr
open_xml (Book       *book,
          const char *path,
          GsfInput  **input_out,
          gboolean   *damaged)
{
  GsfInput *input = open_part (book, path, damaged);
  xmlTextReaderPtr reader;

  *input_out = NULL;
  if (input == NULL)
    return NULL;
  /* No network, no DTD loading, no entity expansion: a workbook needs none
   * of them, and a hostile one must not get them. */
  reader = xmlReaderForIO (read_part, NULL, input, path, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
  if (reader == NULL)
    {
      g_object_unref (input);
      *damaged = TRUE;
      return NULL;
    }
  xmlTextReaderSetStructuredErrorHandler (reader, ignore_xml_error, NULL);
  *input_out = input;
  return reader;
}

static void
close_xml (xmlTextReaderPtr  reader,
           GsfInput         *input)
{
  if (reader)
    xmlFreeTextReader (reader);
  g_clear_object (&input);
}

static const char *
local_name (xmlTextReaderPtr reader)
{
  const xmlChar *name = xmlTextReaderConstLocalName (reader);

  return name ? (const char *) name : "";
}

/* The value of an attribute by local name, copied into buffer (cut at its
 * size); FALSE when absent. Avoids an allocation per cell. */
static gboolean
get_attr (xmlTextReaderPtr  reader,
          const char       *name,
          char             *buffer,
          gsize             size)
{
  gboolean found = FALSE;

  if (xmlTextReaderMoveToFirstAttribute (reader) != 1)
    return FALSE;
  do
    {
      if (strcmp (local_name (reader), name) == 0)
        {
          const xmlChar *value = xmlTextReaderConstValue (reader);

          g_strlcpy (buffer, value ? (const char *) value : "", size);
          found = TRUE;
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (reader) == 1);
  xmlTextReaderMoveToElement (reader);
  return found;
}

static char *
dup_attr (xmlTextReaderPtr  reader,
          const char       *name,
          gboolean          namespaced)
{
  char *result = NULL;

  if (xmlTextReaderMoveToFirstAttribute (reader) != 1)
    return NULL;
  do
    {
      if (strcmp (local_name (reader), name) == 0
          && (!namespaced || xmlTextReaderConstNamespaceUri (reader) != NULL))
        {
          const xmlChar *value = xmlTextReaderConstValue (reader);

          result = g_strdup (value ? (const char *) value : "");
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (reader) == 1);
  xmlTextReaderMoveToElement (reader);
  return result;
}

static gboolean
is_text_node (int type)
{
  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA
         || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE;
}

static void
append_value (GString          *s,
              xmlTextReaderPtr  reader)
{
  const xmlChar *value = xmlTextReaderConstValue (reader);

  if (value)
    g_string_append (s, (const char *) value);
}

/* OOXML writes characters XML cannot hold (and some it can) as _xHHHH_. */
static void
decode_escapes (GString *s)
{
  gsize out = 0;

  if (strstr (s->str, "_x") == NULL)
    return;
  for (gsize i = 0; i < s->len;)
    {
      if (s->str[i] == '_' && i + 7 <= s->len && s->str[i + 1] == 'x' && s->str[i + 6] == '_'
          && g_ascii_isxdigit (s->str[i + 2]) && g_ascii_isxdigit (s->str[i + 3])
          && g_ascii_isxdigit (s->str[i + 4]) && g_ascii_isxdigit (s->str[i + 5]))
        {
          gunichar c = 0;

          for (int k = 2; k < 6; k++)
            c = c * 16 + g_ascii_xdigit_value (s->str[i + k]);
          if (c != 0 && g_unichar_validate (c))
            {
              /* The UTF-8 form of a BMP character is at most 3 bytes, less
               * than the 7 it replaces: decoding in place is safe. */
              out += g_unichar_to_utf8 (c, s->str + out);
              i += 7;
              continue;
            }
        }
      s->str[out++] = s->str[i++];
    }
  g_string_truncate (s, out);
}

/* ----- paths and relationships -------------------------------------------- */

/* target relative to the folder of the part that refers to it (xl/). */
static char *
resolve_target (const char *base_dir,
                const char *target)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  g_auto(GStrv) pieces = NULL;

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else
    joined = g_strconcat (base_dir, target, NULL);
  pieces = g_strsplit (joined, "/", -1);
  for (guint i = 0; pieces[i]; i++)
    {
      if (pieces[i][0] == '\0' || strcmp (pieces[i], ".") == 0)
        continue;
      if (strcmp (pieces[i], "..") == 0)
        {
          if (parts->len > 0)
            g_ptr_array_set_size (parts, parts->len - 1);
          continue;
        }
      g_ptr_array_add (parts, pieces[i]);
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("/", (char **) parts->pdata);
}

static gboolean
read_workbook (Book    *book,
               GError **error)
{
  GsfInput *input = NULL;
  gboolean damaged = FALSE;
  xmlTextReaderPtr reader = open_xml (book, "xl/workbook.xml", &input, &damaged);
  int ret;

  if (reader == NULL && damaged)
    return fail_damaged (book, "xl/workbook.xml", error);
  if (reader == NULL)
    {
      GsfInput *probe = open_part (book, "content.xml", &damaged);

      if (probe != NULL)
        {
          g_object_unref (probe);
          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("“%s” is an OpenDocument spreadsheet (.ods); save it as .xlsx (Excel Workbook) or CSV and import again"),
                       book->file_name);
          return FALSE;
        }
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("“%s” is a ZIP archive but not an Excel workbook (.xlsx)"), book->file_name);
      return FALSE;
    }

  book->sheets = g_array_new (FALSE, TRUE, sizeof (SheetEntry));
  g_array_set_clear_func (book->sheets, sheet_entry_clear);
  while ((ret = xmlTextReaderRead (reader)) == 1)
    {
      const char *name;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
        continue;
      name = local_name (reader);
      if (strcmp (name, "sheet") == 0)
        {
          SheetEntry e;

          e.name = dup_attr (reader, "name", FALSE);
          e.rel_id = dup_attr (reader, "id", TRUE);
          if (e.name == NULL)
            e.name = g_strdup_printf ("Sheet%u", book->sheets->len + 1);
          g_array_append_val (book->sheets, e);
        }
      else if (strcmp (name, "workbookPr") == 0)
        {
          char value[8];

          if (get_attr (reader, "date1904", value, sizeof value))
            book->date1904 = strcmp (value, "1") == 0 || strcmp (value, "true") == 0;
        }
    }
  close_xml (reader, input);
  if (ret != 0)
    return fail_damaged (book, "xl/workbook.xml", error);
  if (book->sheets->len == 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("“%s” has no sheets"), book->file_name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_rels (Book    *book,
           GError **error)
{
  GsfInput *input = NULL;
  gboolean damaged = FALSE;
  xmlTextReaderPtr reader = open_xml (book, "xl/_rels/workbook.xml.rels", &input, &damaged);
  int ret;

  book->rels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (reader == NULL)
    return fail_damaged (book, "xl/_rels/workbook.xml.rels", error);

  while ((ret = xmlTextReaderRead (reader)) == 1)
    {
      g_autofree char *id = NULL;
      g_autofree char *target = NULL;
      g_autofree char *type = NULL;
      g_autofree char *mode = NULL;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT
          || strcmp (local_name (reader), "Relationship") != 0)
        continue;
      id = dup_attr (reader, "Id", FALSE);
      target = dup_attr (reader, "Target", FALSE);
      type = dup_attr (reader, "Type", FALSE);
      mode = dup_attr (reader, "TargetMode", FALSE);
      if (id == NULL || target == NULL || (mode && strcmp (mode, "External") == 0))
        continue;
      if (type && g_str_has_suffix (type, "/sharedStrings") && book->shared_strings_path == NULL)
        book->shared_strings_path = resolve_target ("xl/", target);
      else if (type && g_str_has_suffix (type, "/styles") && book->styles_path == NULL)
        book->styles_path = resolve_target ("xl/", target);
      g_hash_table_replace (book->rels, g_steal_pointer (&id), resolve_target ("xl/", target));
    }
  close_xml (reader, input);
  if (ret != 0)
    return fail_damaged (book, "xl/_rels/workbook.xml.rels", error);
  return TRUE;
}

/* ----- shared strings ---------------------------------------------------- */

static gboolean
read_shared_strings (Book          *book,
                     GCancellable  *cancellable,
                     GError       **error)
{
  const char *path = book->shared_strings_path ? book->shared_strings_path : "xl/sharedStrings.xml";
  GsfInput *input = NULL;
  xmlTextReaderPtr reader;
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean in_si = FALSE, in_t = FALSE;
  guint rph_depth = 0;
  int ret;

  gboolean damaged = FALSE;

  book->shared = g_ptr_array_new ();
  reader = open_xml (book, path, &input, &damaged);
  if (reader == NULL)
    /* A workbook with no text has none. */
    return damaged ? fail_damaged (book, path, error) : TRUE;

  while ((ret = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      if (type == XML_READER_TYPE_ELEMENT)
        {
          const char *name = local_name (reader);
          gboolean empty = xmlTextReaderIsEmptyElement (reader);

          if (strcmp (name, "si") == 0)
            {
              g_string_truncate (text, 0);
              in_si = !empty;
              in_t = FALSE;
              rph_depth = 0;
              if (empty)
                g_ptr_array_add (book->shared, (gpointer) "");
            }
          else if (in_si && strcmp (name, "t") == 0)
            in_t = !empty;
          else if (in_si && strcmp (name, "rPh") == 0 && !empty)
            rph_depth++;   /* phonetic guide text is not part of the value */
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          const char *name = local_name (reader);

          if (in_si && strcmp (name, "si") == 0)
            {
              decode_escapes (text);
              g_ptr_array_add (book->shared, (gpointer) nt_table_intern (book->table, text->str, text->len));
              in_si = FALSE;
              if ((book->shared->len & 0xFFF) == 0 && g_cancellable_is_cancelled (cancellable))
                break;
            }
          else if (strcmp (name, "t") == 0)
            in_t = FALSE;
          else if (strcmp (name, "rPh") == 0 && rph_depth > 0)
            rph_depth--;
        }
      else if (in_si && in_t && rph_depth == 0 && is_text_node (type))
        append_value (text, reader);
    }
  close_xml (reader, input);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (ret != 0)
    return fail_damaged (book, path, error);
  return TRUE;
}

/* ----- styles: which cells hold dates -------------------------------------- */

/* Built-in number formats that show a date or time. 27–36 and 50–58 are the
 * dates of East Asian versions of Excel. */
static gboolean
builtin_is_date (guint id)
{
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47)
         || (id >= 50 && id <= 58);
}

/* A custom format is a date when it has a day or year code (or a month code
 * without hours or seconds, which would make it minutes) outside quoted text,
 * [brackets] and escaped characters. */
static gboolean
format_code_is_date (const char *code)
{
  gboolean has_dy = FALSE, has_m = FALSE, has_hs = FALSE;

  for (const char *p = code; *p; p++)
    {
      switch (*p)
        {
        case '"':
          p = strchr (p + 1, '"');
          if (p == NULL)
            return has_dy || (has_m && !has_hs);
          break;
        case '[':
          p = strchr (p + 1, ']');
          if (p == NULL)
            return has_dy || (has_m && !has_hs);
          break;
        case '\\':
        case '_':
        case '*':
          if (p[1] != '\0')
            p++;
          break;
        case ';':
          /* Only the first section (positive numbers) matters. */
          return has_dy || (has_m && !has_hs);
        case 'd': case 'D': case 'y': case 'Y':
          has_dy = TRUE;
          break;
        case 'm': case 'M':
          has_m = TRUE;
          break;
        case 'h': case 'H': case 's': case 'S':
          has_hs = TRUE;
          break;
        default:
          break;
        }
    }
  return has_dy || (has_m && !has_hs);
}

static gboolean
read_styles (Book          *book,
             GError       **error)
{
  const char *path = book->styles_path ? book->styles_path : "xl/styles.xml";
  g_autoptr(GHashTable) custom = g_hash_table_new (NULL, NULL);   /* numFmtId → is date */
  g_autoptr(GArray) xfs = g_array_new (FALSE, FALSE, sizeof (guint8));
  GsfInput *input = NULL;
  gboolean damaged = FALSE;
  xmlTextReaderPtr reader = open_xml (book, path, &input, &damaged);
  gboolean in_cell_xfs = FALSE;
  int ret;

  if (reader == NULL)
    /* No styles: no dates, numbers stay numbers. */
    return damaged ? fail_damaged (book, path, error) : TRUE;

  while ((ret = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      const char *name;

      if (type == XML_READER_TYPE_END_ELEMENT && strcmp (local_name (reader), "cellXfs") == 0)
        {
          in_cell_xfs = FALSE;
          continue;
        }
      if (type != XML_READER_TYPE_ELEMENT)
        continue;
      name = local_name (reader);
      if (strcmp (name, "numFmt") == 0)
        {
          char id[16];
          g_autofree char *code = dup_attr (reader, "formatCode", FALSE);

          if (get_attr (reader, "numFmtId", id, sizeof id) && code != NULL)
            g_hash_table_insert (custom, GUINT_TO_POINTER ((guint) g_ascii_strtoull (id, NULL, 10)),
                                 GINT_TO_POINTER (format_code_is_date (code) ? 2 : 1));
        }
      else if (strcmp (name, "cellXfs") == 0)
        in_cell_xfs = !xmlTextReaderIsEmptyElement (reader);
      else if (in_cell_xfs && strcmp (name, "xf") == 0)
        {
          char id[16];
          guint8 is_date = FALSE;

          if (get_attr (reader, "numFmtId", id, sizeof id))
            {
              guint n = (guint) g_ascii_strtoull (id, NULL, 10);
              gpointer custom_kind = g_hash_table_lookup (custom, GUINT_TO_POINTER (n));

              is_date = custom_kind ? GPOINTER_TO_INT (custom_kind) == 2 : builtin_is_date (n);
            }
          g_array_append_val (xfs, is_date);
        }
    }
  close_xml (reader, input);
  if (ret != 0)
    return fail_damaged (book, path, error);
  book->n_styles = xfs->len;
  book->date_styles = (guint8 *) g_array_free (g_steal_pointer (&xfs), FALSE);
  return TRUE;
}

/* ----- the sheet ------------------------------------------------------------ */

/* "AB12" → column 28, row 12 (either may be 0 when absent; "$" allowed).
 * FALSE when the text is not a reference or lies beyond Excel's limits. */
static gboolean
parse_ref (const char *ref,
           guint      *column,
           guint      *row)
{
  const char *p = ref;
  guint64 c = 0, r = 0;

  if (*p == '$')
    p++;
  while (g_ascii_isalpha (*p))
    {
      c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (c > NT_TABLE_MAX_COLUMNS)
        return FALSE;
      p++;
    }
  if (*p == '$')
    p++;
  while (g_ascii_isdigit (*p))
    {
      r = r * 10 + (*p - '0');
      if (r > NT_TABLE_MAX_ROWS)
        return FALSE;
      p++;
    }
  if (*p != '\0')
    return FALSE;
  *column = (guint) c;
  *row = (guint) r;
  return TRUE;
}

static gboolean
parse_number (const char *text,
              double     *number)
{
  char *end = NULL;

  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return FALSE;
  *number = g_ascii_strtod (text, &end);
  while (end && g_ascii_isspace (*end))
    end++;
  return end != NULL && *end == '\0' && isfinite (*number);
}

/* "2010-09-05" or "2010-09-05T07:30:00" (cells of type d) → 1900 serial. */
static gboolean
parse_iso_serial (const char *text,
                  double     *serial)
{
  int y, m, d, hh = 0, mm = 0;
  double ss = 0;
  GDate date, epoch;

  if (sscanf (text, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  if (strlen (text) > 10 && text[10] == 'T')
    sscanf (text + 11, "%2d:%2d:%lf", &hh, &mm, &ss);
  g_date_clear (&date, 1);
  g_date_clear (&epoch, 1);
  g_date_set_dmy (&date, d, m, y);
  g_date_set_dmy (&epoch, 30, 12, 1899);
  *serial = g_date_days_between (&epoch, &date) + (hh * 3600 + mm * 60 + ss) / 86400.0;
  return TRUE;
}

typedef struct
{
  Book       *book;
  const char *sheet_name;
  GString    *value;
  GString    *formula;
  GString    *inline_text;
  GHashTable *shared_formulas;   /* si → formula text in table strings */
  /* the row */
  guint       row;
  guint       last_row;
  gboolean    row_open;
  gboolean    row_from_attr;
  gboolean    row_has_cell;
  guint       column;
  /* the cell */
  gboolean    in_c, in_v, in_f, in_is, in_t;
  guint       rph_depth;
  char        ref[24];
  char        type[16];
  guint       style;
  gboolean    has_formula;
  char        shared_si[16];
  /* the parse */
  xmlParserCtxtPtr ctxt;
  GCancellable    *cancellable;
  guint            rows_since_check;
  gboolean         ok;         /* FALSE once @error is set */
  gboolean         cancelled;
  GError         **error;
} SheetState;

static gboolean
fail_out_of_range (SheetState  *st,
                   const char  *ref,
                   GError     **error)
{
  g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
               _("“%s” is damaged: sheet “%s” refers to a cell outside Excel's limits (%s)"),
               st->book->file_name, st->sheet_name, ref);
  return FALSE;
}

static gboolean
finish_cell (SheetState  *st,
             GError     **error)
{
  Book *book = st->book;
  NtTable *t = book->table;
  const char *type = st->type;
  const char *v = st->value->str;
  guint column = st->column + 1;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double number = 0;

  st->in_c = st->in_v = st->in_f = st->in_is = st->in_t = FALSE;

  if (st->ref[0] != '\0')
    {
      guint c = 0, r = 0;

      if (!parse_ref (st->ref, &c, &r))
        return fail_out_of_range (st, st->ref, error);
      if (c > 0)
        column = c;
      /* A row without r="" takes its number from its first cell. */
      if (r > 0 && !st->row_from_attr && !st->row_has_cell)
        st->row = r;
    }
  if (column > NT_TABLE_MAX_COLUMNS)
    return fail_out_of_range (st, st->ref, error);
  st->column = column;
  st->row_has_cell = TRUE;

  if (st->has_formula)
    {
      const char *formula = st->formula->str;
      const char *cached = NULL;

      if (st->formula->len > 0)
        {
          formula = nt_table_intern (t, st->formula->str, st->formula->len);
          if (st->shared_si[0] != '\0')
            g_hash_table_replace (st->shared_formulas, g_strdup (st->shared_si), (gpointer) formula);
        }
      else if (st->shared_si[0] != '\0')
        {
          /* A cell of a shared formula carries only its group; the formula
           * is the group's first (its references not shifted). */
          formula = g_hash_table_lookup (st->shared_formulas, st->shared_si);
          if (formula == NULL)
            formula = "";
        }
      else
        formula = "";

      if (st->value->len > 0)
        {
          if (strcmp (type, "s") == 0)
            {
              guint64 i = g_ascii_strtoull (v, NULL, 10);

              cached = i < book->shared->len ? g_ptr_array_index (book->shared, i) : NULL;
            }
          else if (strcmp (type, "b") == 0)
            {
              number = strcmp (v, "1") == 0 || strcmp (v, "true") == 0;
              cached = number ? "TRUE" : "FALSE";
            }
          else if (strcmp (type, "str") == 0 || strcmp (type, "e") == 0 || strcmp (type, "inlineStr") == 0)
            cached = v;
          else if (parse_number (v, &number))
            {
              nt_table_format_number (number, buffer, sizeof buffer);
              cached = buffer;
            }
          else
            cached = v;
        }
      nt_table_add_cell_static (t, column, NT_CELL_FORMULA, formula, number);
      if (cached != NULL && st->row > 0)
        nt_table_set_cached_text (t, st->row, column, cached);
      return TRUE;
    }

  if (strcmp (type, "inlineStr") == 0)
    {
      decode_escapes (st->inline_text);
      nt_table_add_cell (t, column, NT_CELL_TEXT, st->inline_text->str, st->inline_text->len, 0);
      return TRUE;
    }
  if (st->value->len == 0)
    return TRUE;   /* a formatted blank */

  if (strcmp (type, "s") == 0)
    {
      char *end = NULL;
      guint64 i = g_ascii_strtoull (v, &end, 10);

      if (end == v || i >= book->shared->len)
        {
          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("“%s” is damaged: in sheet “%s”, cell %s refers to text that is not in the file"),
                       book->file_name, st->sheet_name, st->ref[0] ? st->ref : "?");
          return FALSE;
        }
      nt_table_add_cell_static (t, column, NT_CELL_TEXT, g_ptr_array_index (book->shared, i), 0);
    }
  else if (strcmp (type, "str") == 0)
    {
      decode_escapes (st->value);
      nt_table_add_cell (t, column, NT_CELL_TEXT, st->value->str, st->value->len, 0);
    }
  else if (strcmp (type, "b") == 0)
    {
      gboolean b = strcmp (v, "1") == 0 || strcmp (v, "true") == 0;

      nt_table_add_cell_static (t, column, NT_CELL_BOOL, b ? "TRUE" : "FALSE", b ? 1 : 0);
    }
  else if (strcmp (type, "e") == 0)
    nt_table_add_cell (t, column, NT_CELL_ERROR, v, st->value->len, 0);
  else if (strcmp (type, "d") == 0)
    {
      if (parse_iso_serial (v, &number))
        {
          nt_table_format_number (number, buffer, sizeof buffer);
          nt_table_add_cell (t, column, NT_CELL_DATE, buffer, -1, number);
        }
      else
        nt_table_add_cell (t, column, NT_CELL_TEXT, v, st->value->len, 0);
    }
  else if (parse_number (v, &number))
    {
      gboolean is_date = st->style < book->n_styles && book->date_styles[st->style];

      /* Dates are handed on in the 1900 system whatever the workbook uses. */
      if (is_date && book->date1904)
        number += 1462;
      nt_table_format_number (number, buffer, sizeof buffer);
      nt_table_add_cell (t, column, is_date ? NT_CELL_DATE : NT_CELL_NUMBER, buffer, -1, number);
    }
  else
    nt_table_add_cell (t, column, NT_CELL_TEXT, v, st->value->len, 0);
  return TRUE;
}

static void
end_row (SheetState *st)
{
  if (!st->row_open)
    return;
  nt_table_end_row (st->book->table, st->row);
  st->last_row = MAX (st->last_row, st->row);
  st->row_open = FALSE;
}

/* The value of attribute @name in SAX2's attributes (five pointers each:
 * local name, prefix, URI, value, end of value), copied into @buffer (cut
 * at its size); FALSE when absent. No allocation: this runs for every cell. */
static gboolean
sax_attr (const xmlChar **attributes,
          int             n,
          const char     *name,
          char           *buffer,
          gsize           size)
{
  for (int i = 0; i < n; i++)
    {
      const xmlChar **a = attributes + 5 * i;

      if (strcmp ((const char *) a[0], name) == 0)
        {
          gsize len = MIN ((gsize) (a[4] - a[3]), size - 1);

          memcpy (buffer, a[3], len);
          buffer[len] = '\0';
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
start_row (SheetState     *st,
           const xmlChar **attributes,
           int             n_attributes,
           GError        **error)
{
  char r[24];

  end_row (st);
  st->row_open = TRUE;
  st->row_has_cell = FALSE;
  st->column = 0;
  st->row_from_attr = sax_attr (attributes, n_attributes, "r", r, sizeof r);
  if (st->row_from_attr)
    {
      guint64 n = g_ascii_strtoull (r, NULL, 10);

      if (n == 0 || n > NT_TABLE_MAX_ROWS)
        return fail_out_of_range (st, r, error);
      st->row = (guint) n;
    }
  else
    {
      /* Rows without numbers follow one another. */
      st->row = st->last_row + 1;
      if (st->row > NT_TABLE_MAX_ROWS)
        return fail_out_of_range (st, "?", error);
    }
  return TRUE;
}

static void
start_cell (SheetState     *st,
            const xmlChar **attributes,
            int             n_attributes)
{
  st->in_c = TRUE;
  st->in_v = st->in_f = st->in_is = st->in_t = FALSE;
  st->rph_depth = 0;
  st->has_formula = FALSE;
  st->shared_si[0] = '\0';
  st->ref[0] = '\0';
  st->type[0] = 'n';
  st->type[1] = '\0';
  st->style = 0;
  g_string_truncate (st->value, 0);
  g_string_truncate (st->formula, 0);
  g_string_truncate (st->inline_text, 0);

  /* One pass over the attributes: r, t and s, whatever their prefix. */
  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **a = attributes + 5 * i;
      const char *name = (const char *) a[0];
      gsize len = a[4] - a[3];

      if (name[0] == '\0' || name[1] != '\0')
        continue;
      if (name[0] == 'r')
        {
          len = MIN (len, sizeof st->ref - 1);
          memcpy (st->ref, a[3], len);
          st->ref[len] = '\0';
        }
      else if (name[0] == 't')
        {
          len = MIN (len, sizeof st->type - 1);
          memcpy (st->type, a[3], len);
          st->type[len] = '\0';
        }
      else if (name[0] == 's')
        {
          char number[24];

          len = MIN (len, sizeof number - 1);
          memcpy (number, a[3], len);
          number[len] = '\0';
          st->style = (guint) MIN (g_ascii_strtoull (number, NULL, 10), G_MAXUINT);
        }
    }
}

static void
add_merge (SheetState     *st,
           const xmlChar **attributes,
           int             n_attributes)
{
  char ref[64];
  char *colon;
  guint c1, r1, c2, r2;

  if (!sax_attr (attributes, n_attributes, "ref", ref, sizeof ref))
    return;
  colon = strchr (ref, ':');
  if (colon == NULL)
    return;
  *colon = '\0';
  if (parse_ref (ref, &c1, &r1) && parse_ref (colon + 1, &c2, &r2) && c1 && r1 && c2 && r2)
    nt_table_add_merge (st->book->table, MIN (r1, r2), MIN (c1, c2), MAX (r1, r2), MAX (c1, c2));
}

/* Stops the parse once a cell was found wrong (the error is set). */
static void
sheet_check (SheetState *st,
             gboolean    ok)
{
  if (!ok && st->ok)
    {
      st->ok = FALSE;
      xmlStopParser (st->ctxt);
    }
}

/* The sheet is read with libxml2's SAX2 callbacks: no node is made for any
 * element, and the text of a cell goes straight into one of three buffers
 * used again for every cell. */
static void
sheet_start_element (void           *data,
                     const xmlChar  *localname,
                     const xmlChar  *prefix,
                     const xmlChar  *uri,
                     int             n_namespaces,
                     const xmlChar **namespaces,
                     int             n_attributes,
                     int             n_defaulted,
                     const xmlChar **attributes)
{
  SheetState *st = data;
  const char *name = (const char *) localname;

  if (!st->ok || st->cancelled)
    return;
  if (st->in_c)
    {
      if (strcmp (name, "v") == 0)
        st->in_v = TRUE;
      else if (strcmp (name, "f") == 0)
        {
          char t[16];

          st->has_formula = TRUE;
          st->in_f = TRUE;
          if (sax_attr (attributes, n_attributes, "t", t, sizeof t) && strcmp (t, "shared") == 0
              && !sax_attr (attributes, n_attributes, "si", st->shared_si, sizeof st->shared_si))
            st->shared_si[0] = '\0';
        }
      else if (strcmp (name, "is") == 0)
        st->in_is = TRUE;
      else if (st->in_is && strcmp (name, "t") == 0)
        st->in_t = TRUE;
      else if (st->in_is && strcmp (name, "rPh") == 0)
        st->rph_depth++;   /* phonetic guide text is not part of the value */
      else if (strcmp (name, "c") == 0)
        {
          /* A cell inside a cell: only a broken file does that. */
          gboolean ok = finish_cell (st, st->error);

          sheet_check (st, ok);
          if (ok)
            start_cell (st, attributes, n_attributes);
        }
    }
  else if (strcmp (name, "c") == 0)
    {
      if (st->row_open)   /* a cell outside any row has no place */
        start_cell (st, attributes, n_attributes);
    }
  else if (strcmp (name, "row") == 0)
    {
      sheet_check (st, start_row (st, attributes, n_attributes, st->error));
      if (st->ok && ++st->rows_since_check >= CANCEL_CHECK_ROWS)
        {
          st->rows_since_check = 0;
          if (g_cancellable_is_cancelled (st->cancellable))
            {
              st->cancelled = TRUE;
              xmlStopParser (st->ctxt);
            }
        }
    }
  else if (strcmp (name, "mergeCell") == 0)
    add_merge (st, attributes, n_attributes);
}

static void
sheet_end_element (void          *data,
                   const xmlChar *localname,
                   const xmlChar *prefix,
                   const xmlChar *uri)
{
  SheetState *st = data;
  const char *name = (const char *) localname;

  if (!st->ok || st->cancelled)
    return;
  if (st->in_c && strcmp (name, "c") == 0)
    sheet_check (st, finish_cell (st, st->error));
  else if (strcmp (name, "v") == 0)
    st->in_v = FALSE;
  else if (strcmp (name, "f") == 0)
    st->in_f = FALSE;
  else if (strcmp (name, "is") == 0)
    st->in_is = FALSE;
  else if (strcmp (name, "t") == 0)
    st->in_t = FALSE;
  else if (strcmp (name, "rPh") == 0 && st->rph_depth > 0)
    st->rph_depth--;
  else if (strcmp (name, "row") == 0)
    {
      if (st->in_c)
        sheet_check (st, finish_cell (st, st->error));
      if (st->ok)
        end_row (st);
    }
}

static void
sheet_characters (void          *data,
                  const xmlChar *text,
                  int            len)
{
  SheetState *st = data;

  if (!st->ok || st->cancelled || !st->in_c)
    return;
  if (st->in_v)
    g_string_append_len (st->value, (const char *) text, len);
  else if (st->in_f)
    g_string_append_len (st->formula, (const char *) text, len);
  else if (st->in_is && st->in_t && st->rph_depth == 0)
    g_string_append_len (st->inline_text, (const char *) text, len);
}

static void
sheet_ignore_error (void        *data,
                    xmlErrorPtr  error)
{
  /* The parser's state says that the part is bad; libxml2's own words
   * would only go to stderr. */
}

static gboolean
read_sheet (Book          *book,
            const char    *sheet_name,
            const char    *path,
            GCancellable  *cancellable,
            GError       **error)
{
  SheetState st = { 0 };
  xmlSAXHandler sax;
  gboolean damaged = FALSE, well_formed;
  GsfInput *input = open_part (book, path, &damaged);

  if (input == NULL)
    return fail_damaged (book, path, error);

  memset (&sax, 0, sizeof sax);
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = sheet_start_element;
  sax.endElementNs = sheet_end_element;
  sax.characters = sheet_characters;
  sax.ignorableWhitespace = sheet_characters;
  sax.cdataBlock = sheet_characters;
  sax.serror = sheet_ignore_error;
  /* No entity, DTD or network handlers: a workbook needs none of them, and
   * a hostile one must not get them. */

  st.book = book;
  st.sheet_name = sheet_name;
  st.value = g_string_new (NULL);
  st.formula = g_string_new (NULL);
  st.inline_text = g_string_new (NULL);
  st.shared_formulas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  st.cancellable = cancellable;
  st.error = error;
  st.ok = TRUE;
  st.ctxt = xmlCreatePushParserCtxt (&sax, &st, NULL, 0, path);
  if (st.ctxt == NULL)
    {
      g_object_unref (input);
      g_string_free (st.value, TRUE);
      g_string_free (st.formula, TRUE);
      g_string_free (st.inline_text, TRUE);
      g_hash_table_unref (st.shared_formulas);
      return fail_damaged (book, path, error);
    }
  xmlCtxtUseOptions (st.ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

  /* The part inflated a piece at a time, each piece parsed at once. */
  while (st.ok && !st.cancelled && st.ctxt->wellFormed && !st.ctxt->disableSAX)
    {
      gsf_off_t remaining = gsf_input_remaining (input);
      gsize n = (gsize) MIN (remaining, 64 * 1024);
      const guint8 *piece;

      if (remaining <= 0)
        break;
      piece = gsf_input_read (input, n, NULL);
      if (piece == NULL)
        {
          damaged = TRUE;
          break;
        }
      xmlParseChunk (st.ctxt, (const char *) piece, (int) n, 0);
    }
  if (st.ok && !st.cancelled && !damaged)
    xmlParseChunk (st.ctxt, NULL, 0, 1);
  well_formed = st.ctxt->wellFormed && !damaged;

  if (st.ok && !st.cancelled)
    end_row (&st);
  xmlFreeParserCtxt (st.ctxt);
  g_object_unref (input);
  g_string_free (st.value, TRUE);
  g_string_free (st.formula, TRUE);
  g_string_free (st.inline_text, TRUE);
  g_hash_table_unref (st.shared_formulas);

  if (!st.ok)
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!well_formed)
    return fail_damaged (book, path, error);
  return TRUE;
}

/* ----- the workbook ---------------------------------------------------------- */

static gboolean
open_book (Book        *book,
           GBytes      *bytes,
           const char  *name,
           GError     **error)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  g_autoptr(GError) zip_error = NULL;

  init_libraries ();
  book->file_name = name;
  if (len == 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("“%s” is empty"), name);
      return FALSE;
    }
  if (len >= 4 && data[0] == 0xD0 && data[1] == 0xCF && data[2] == 0x11 && data[3] == 0xE0)
    return nt_table_refuse_xls (name, error);

  book->input = gsf_input_memory_new (data, len, FALSE);
  book->zip = gsf_infile_zip_new (book->input, &zip_error);
  if (book->zip == NULL)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("“%s” is damaged or incomplete: it cannot be opened as an Excel workbook (.xlsx)"), name);
      return FALSE;
    }
  /* The table owns the strings, shared strings included. */
  book->table = nt_table_new (name);
  return read_workbook (book, error);
}

static char *
sheet_list_text (Book *book)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < book->sheets->len; i++)
    g_string_append_printf (s, "%s“%s”", i ? ", " : "", g_array_index (book->sheets, SheetEntry, i).name);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static const SheetEntry *
find_sheet (Book       *book,
            const char *sheet)
{
  g_autofree char *folded = NULL;

  if (sheet == NULL)
    return &g_array_index (book->sheets, SheetEntry, 0);
  for (guint i = 0; i < book->sheets->len; i++)
    if (strcmp (g_array_index (book->sheets, SheetEntry, i).name, sheet) == 0)
      return &g_array_index (book->sheets, SheetEntry, i);
  /* Excel itself does not tell "Lop 10" from "LOP 10". */
  folded = g_utf8_casefold (sheet, -1);
  for (guint i = 0; i < book->sheets->len; i++)
    {
      g_autofree char *other = g_utf8_casefold (g_array_index (book->sheets, SheetEntry, i).name, -1);

      if (strcmp (other, folded) == 0)
        return &g_array_index (book->sheets, SheetEntry, i);
    }
  return NULL;
}

/**
 * nt_table_read_xlsx_bytes:
 * @bytes: the content of an .xlsx file
 * @name: the file's name, for messages
 * @sheet: (nullable): the sheet to read; the first when %NULL
 *
 * Returns: (transfer full): the sheet's table, or %NULL with @error set
 */
NtTable *
nt_table_read_xlsx_bytes (GBytes        *bytes,
                          const char    *name,
                          const char    *sheet,
                          GCancellable  *cancellable,
                          GError       **error)
{
  Book book = { 0 };
  const SheetEntry *entry;
  const char *path;
  NtTable *result = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name == NULL)
    name = "";
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (!open_book (&book, bytes, name, error))
    goto out;

  entry = find_sheet (&book, sheet);
  if (entry == NULL)
    {
      g_autofree char *list = sheet_list_text (&book);

      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("“%s” has no sheet “%s”; its sheets are %s"), name, sheet, list);
      goto out;
    }
  if (!read_rels (&book, error))
    goto out;
  path = entry->rel_id ? g_hash_table_lookup (book.rels, entry->rel_id) : NULL;
  if (path == NULL)
    {
      fail_damaged (&book, "xl/_rels/workbook.xml.rels", error);
      goto out;
    }
  if (!read_styles (&book, error)
      || !read_shared_strings (&book, cancellable, error)
      || !read_sheet (&book, entry->name, path, cancellable, error))
    goto out;

  nt_table_set_sheet_name (book.table, entry->name);
  nt_table_finish (book.table);
  result = g_steal_pointer (&book.table);

out:
  book_clear (&book);
  return result;
}

/**
 * nt_table_list_xlsx_sheets_bytes:
 *
 * Returns: (transfer full): the sheet names in the workbook's order, or
 *   %NULL with @error set
 */
char **
nt_table_list_xlsx_sheets_bytes (GBytes      *bytes,
                                 const char  *name,
                                 GError     **error)
{
  Book book = { 0 };
  char **names = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (open_book (&book, bytes, name ? name : "", error))
    {
      names = g_new0 (char *, book.sheets->len + 1);
      for (guint i = 0; i < book.sheets->len; i++)
        names[i] = g_strdup (g_array_index (book.sheets, SheetEntry, i).name);
    }
  book_clear (&book);
  return names;
}
