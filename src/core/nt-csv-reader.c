/* nt-csv-reader.c: a CSV or tab-separated text file read into an NtTable
 *
 * Schools get these files from many programs: Excel's "CSV UTF-8" (with a
 * byte order mark), Excel's "Unicode text" (UTF-16 with tabs), plain CSV from
 * a web export, and old Vietnamese Windows files in Windows-1258. The
 * encoding and the separator are found from the content; quotes follow
 * RFC 4180. Row numbers count records, as Excel shows them when it opens the
 * file, so a quoted field with a line break stays in one row.
 */
#define G_LOG_DOMAIN "nt-csv-reader"

#include <string.h>

#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-table-private.h"

#define CANCEL_CHECK_ROWS 1024
#define SNIFF_RECORDS     50
#define SNIFF_BYTES       (64 * 1024)

/* ----- encoding ------------------------------------------------------------ */

static gboolean
fail_encoding (const char  *name,
               const char  *encoding,
               GError     **error)
{
  g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
               _("“%s” cannot be read as text in %s; save it again as “CSV UTF-8” and import again"),
               name, encoding);
  return FALSE;
}

/* Windows-1258 and some input methods write Vietnamese with combining tone
 * marks (e + U+0301); the rest of the program expects composed letters. */
static gboolean
has_combining_marks (const char *text,
                     gsize       len)
{
  const char *p = text;
  const char *end = text + len;

  /* U+0300–U+033F are CC 80–CC BF in UTF-8. */
  while (p < end && (p = memchr (p, 0xCC, end - p)) != NULL)
    {
      if (p + 1 < end && ((guchar) p[1] & 0xC0) == 0x80)
        return TRUE;
      p++;
    }
  return FALSE;
}

static char *
decode (const guint8  *data,
        gsize          len,
        const char    *name,
        gsize         *out_len,
        GError       **error)
{
  g_autofree char *text = NULL;
  gsize text_len = 0;

  if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      if (!g_utf8_validate ((const char *) data + 3, len - 3, NULL))
        {
          fail_encoding (name, "UTF-8", error);
          return NULL;
        }
      text = g_strndup ((const char *) data + 3, len - 3);
      text_len = len - 3;
    }
  else if (len >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    {
      const char *encoding = data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";

      text = g_convert ((const char *) data + 2, len - 2, "UTF-8", encoding, NULL, &text_len, NULL);
      if (text == NULL)
        {
          fail_encoding (name, "UTF-16", error);
          return NULL;
        }
    }
  else if (len >= 4 && data[0] != 0 && data[1] == 0 && data[2] != 0 && data[3] == 0)
    {
      /* UTF-16 without a byte order mark: ASCII letters with zero bytes. */
      text = g_convert ((const char *) data, len, "UTF-8", "UTF-16LE", NULL, &text_len, NULL);
      if (text == NULL)
        {
          fail_encoding (name, "UTF-16", error);
          return NULL;
        }
    }
  else if (len >= 4 && data[0] == 0 && data[1] != 0 && data[2] == 0 && data[3] != 0)
    {
      text = g_convert ((const char *) data, len, "UTF-8", "UTF-16BE", NULL, &text_len, NULL);
      if (text == NULL)
        {
          fail_encoding (name, "UTF-16", error);
          return NULL;
        }
    }
  else if (g_utf8_validate ((const char *) data, len, NULL))
    {
      text = g_strndup ((const char *) data, len);
      text_len = len;
    }
  else
    {
      /* Not UTF-8: the old Vietnamese Windows code page is the one left. */
      text = g_convert ((const char *) data, len, "UTF-8", "WINDOWS-1258", NULL, &text_len, NULL);
      if (text == NULL)
        text = g_convert ((const char *) data, len, "UTF-8", "CP1258", NULL, &text_len, NULL);
      if (text == NULL)
        {
          fail_encoding (name, "UTF-8, UTF-16 or Windows-1258", error);
          return NULL;
        }
    }

  /* A zero character does not occur in text: this is some other kind of file. */
  if (memchr (text, '\0', text_len) != NULL)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("“%s” is neither an Excel workbook (.xlsx) nor a CSV or text file"), name);
      return NULL;
    }

  if (has_combining_marks (text, text_len))
    {
      char *composed = g_utf8_normalize (text, text_len, G_NORMALIZE_DEFAULT_COMPOSE);

      if (composed == NULL)
        {
          fail_encoding (name, "UTF-8", error);
          return NULL;
        }
      g_free (text);
      text = composed;
      text_len = strlen (composed);
    }

  *out_len = text_len;
  return g_steal_pointer (&text);
}

/* ----- separator ----------------------------------------------------------- */

/* The number of fields in each of the first records when split at sep. */
static guint
count_fields (const char *text,
              gsize       len,
              char        sep,
              guint      *counts,
              guint       max_records)
{
  gsize limit = MIN (len, SNIFF_BYTES);
  gboolean in_quotes = FALSE;
  gboolean at_field_start = TRUE;
  guint n_records = 0;
  guint fields = 1;
  gboolean blank = TRUE;

  for (gsize i = 0; i < limit && n_records < max_records; i++)
    {
      char c = text[i];

      if (in_quotes)
        {
          if (c == '"')
            {
              if (i + 1 < limit && text[i + 1] == '"')
                i++;
              else
                in_quotes = FALSE;
            }
          continue;
        }
      if (c == '"' && at_field_start)
        {
          in_quotes = TRUE;
          at_field_start = FALSE;
          blank = FALSE;
        }
      else if (c == sep)
        {
          fields++;
          at_field_start = TRUE;
          blank = FALSE;
        }
      else if (c == '\n' || c == '\r')
        {
          if (!blank)
            counts[n_records++] = fields;
          if (c == '\r' && i + 1 < limit && text[i + 1] == '\n')
            i++;
          fields = 1;
          at_field_start = TRUE;
          blank = TRUE;
        }
      else
        {
          at_field_start = FALSE;
          if (c != ' ')
            blank = FALSE;
        }
    }
  if (!blank && n_records < max_records && limit == len)
    counts[n_records++] = fields;
  return n_records;
}

/* The separator that splits the first records into the same number of
 * fields most often (and more than one field): a name with a comma in it
 * does not fool it into commas when the file uses semicolons. */
static char
detect_separator (const char *text,
                  gsize       len)
{
  static const char candidates[] = { ',', ';', '\t' };
  char best = ',';
  guint best_agree = 0, best_fields = 0;

  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    {
      guint counts[SNIFF_RECORDS];
      guint n = count_fields (text, len, candidates[k], counts, SNIFF_RECORDS);
      guint mode = 0, mode_agree = 0;

      for (guint i = 0; i < n; i++)
        {
          guint agree = 0;

          if (counts[i] < 2)
            continue;
          for (guint j = 0; j < n; j++)
            agree += counts[j] == counts[i];
          if (agree > mode_agree || (agree == mode_agree && counts[i] > mode))
            {
              mode = counts[i];
              mode_agree = agree;
            }
        }
      if (mode_agree > best_agree || (mode_agree == best_agree && mode_agree > 0 && mode > best_fields))
        {
          best = candidates[k];
          best_agree = mode_agree;
          best_fields = mode;
        }
    }
  return best;
}

/* ----- records ------------------------------------------------------------- */

static gboolean
fail_too_big (const char  *name,
              guint        row,
              GError     **error)
{
  g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
               _("“%s”, row %u: the file has more rows or columns than a spreadsheet can hold"),
               name, row);
  return FALSE;
}

static gboolean
parse (NtTable       *t,
       const char    *text,
       gsize          len,
       char           sep,
       const char    *name,
       GCancellable  *cancellable,
       GError       **error)
{
  g_autoptr(GString) field = g_string_new (NULL);
  const char *end = text + len;
  const char *p = text;
  guint row = 1;
  guint column = 1;
  guint quote_row = 0;
  guint since_check = 0;

  while (p < end)
    {
      /* One field. */
      g_string_truncate (field, 0);
      if (*p == '"')
        {
          quote_row = row;
          p++;
          for (;;)
            {
              const char *q = memchr (p, '"', end - p);

              if (q == NULL)
                {
                  g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                               _("“%s”, row %u, column %u: a quoted field is never closed (a \" is missing)"),
                               name, quote_row, column);
                  return FALSE;
                }
              /* Line breaks inside quotes stay in the field; they still
               * count for nothing in the row number. */
              g_string_append_len (field, p, q - p);
              p = q + 1;
              if (p < end && *p == '"')
                {
                  g_string_append_c (field, '"');
                  p++;
                  continue;
                }
              break;
            }
          /* Text after the closing quote (not allowed, but common): kept. */
          while (p < end && *p != sep && *p != '\n' && *p != '\r')
            g_string_append_c (field, *p++);
        }
      else
        {
          const char *start = p;

          while (p < end && *p != sep && *p != '\n' && *p != '\r')
            p++;
          g_string_append_len (field, start, p - start);
        }

      if (column > NT_TABLE_MAX_COLUMNS)
        return fail_too_big (name, row, error);
      nt_table_add_cell (t, column, NT_CELL_TEXT, field->str, field->len, 0);

      if (p >= end)
        break;
      if (*p == sep)
        {
          p++;
          column++;
          if (p >= end)
            break;
          continue;
        }
      /* A line break: the record ends. */
      if (*p == '\r' && p + 1 < end && p[1] == '\n')
        p++;
      p++;
      nt_table_end_row (t, row);
      row++;
      column = 1;
      if (row > NT_TABLE_MAX_ROWS && p < end)
        return fail_too_big (name, row, error);
      if (++since_check >= CANCEL_CHECK_ROWS)
        {
          since_check = 0;
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
        }
    }
  nt_table_end_row (t, row);
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static gboolean
is_blank (const char *text,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

/**
 * nt_table_read_csv_bytes:
 * @bytes: the content of a CSV or tab-separated text file
 * @name: the file's name, for messages
 *
 * Every cell is TEXT (or EMPTY): what a cell means is for the import to say.
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 */
NtTable *
nt_table_read_csv_bytes (GBytes        *bytes,
                         const char    *name,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(NtTable) t = NULL;
  g_autofree char *text = NULL;
  gsize len = 0, text_len = 0;
  const guint8 *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name == NULL)
    name = "";
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  if (len == 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("“%s” is empty"), name);
      return NULL;
    }
  text = decode (data, len, name, &text_len, error);
  if (text == NULL)
    return NULL;
  if (is_blank (text, text_len))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("“%s” is empty"), name);
      return NULL;
    }

  t = nt_table_new (name);
  if (!parse (t, text, text_len, detect_separator (text, text_len), name, cancellable, error))
    return NULL;
  nt_table_finish (t);
  /* Only separators and empty quotes: nothing to import either. */
  if (nt_table_get_n_rows (t) == 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("“%s” is empty"), name);
      return NULL;
    }
  return g_steal_pointer (&t);
}
