/* nt-report.c: the one writer of every Excel report (libxlsxwriter) */
#define G_LOG_DOMAIN "nt-report"

#include <errno.h>
#include <fcntl.h>
#include <string.h>

#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "nt-date.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-report.h"
#include "nt-school.h"
#include "nt-util.h"

#define FONT_NAME       "Times New Roman"
#define FONT_SIZE       12
#define FONT_SIZE_MOTTO 13
#define FONT_SIZE_TITLE 14

/* Excel's limits: cell text length (characters), sheet name length and
 * manual page breaks per sheet. */
#define MAX_CELL_CHARS   32767
#define MAX_SHEET_NAME   31
#define MAX_PAGE_BREAKS  1023

/* Rows of the principal's name below "(signature and full name)": room to sign. */
#define SIGNATURE_SPACE 4

/* The national motto that heads every Vietnamese administrative document
 * (Decree 30/2020/NĐ-CP).  It is a fixed legal form of the document, not
 * user interface text, so it is not translated. */
#define MOTTO_COUNTRY "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#define MOTTO_WORDS   "Độc lập - Tự do - Hạnh phúc"

typedef enum
{
  FMT_AUTHORITY,
  FMT_SCHOOL,
  FMT_COUNTRY,
  FMT_MOTTO,
  FMT_TITLE,
  FMT_SUBTITLE,
  FMT_HEAD,
  FMT_CELL_LEFT,
  FMT_CELL_CENTER,
  FMT_CELL_RIGHT,
  FMT_CELL_WRAP,
  FMT_NUMBER,
  FMT_DATE,
  FMT_GROUP,
  FMT_PLACE_DATE,
  FMT_SIGN_TITLE,
  FMT_SIGN_NOTE,
  FMT_SIGN_NAME,
  FMT_PLAIN,
  N_FORMATS
} FormatId;

struct _NtReportSheet
{
  NtReport       *report;
  lxw_worksheet  *worksheet;
  char           *name;
  NtReportAlign  *aligns;
  double         *widths;       /* in characters */
  guint           n_columns;
  lxw_row_t       header_row;   /* the table's header row */
  lxw_row_t       row;          /* the next row to write */
  guint           n_rows;       /* data and group rows written */
  GArray         *breaks;       /* lxw_row_t, rows that start a page */
};

struct _NtReport
{
  lxw_workbook  *workbook;
  lxw_format    *formats[N_FORMATS];
  lxw_format    *tones[NT_REPORT_N_TONES];  /* made when first used */
  char          *path;
  char          *tmp_path;      /* written here, renamed to path when complete */
  char          *authority;
  char          *school;
  char          *principal;
  char          *preparer;
  char          *place;
  char          *date;          /* ISO; NULL for today */
  GPtrArray     *sheets;
  GHashTable    *sheet_names;   /* casefolded, Excel compares them without case */
  lxw_error      write_error;   /* the first failed write, reported by finish */
  char          *write_error_where;
};

/* ----- formats ----------------------------------------------------------- */

static lxw_format *
add_format (lxw_workbook *workbook,
            double        size,
            gboolean      bold,
            gboolean      italic,
            uint8_t       align,
            gboolean      border)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_font_name (format, FONT_NAME);
  format_set_font_size (format, size);
  if (bold)
    format_set_bold (format);
  if (italic)
    format_set_italic (format);
  if (align != LXW_ALIGN_NONE)
    format_set_align (format, align);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  if (border)
    format_set_border (format, LXW_BORDER_THIN);
  return format;
}

/* libxlsxwriter caches the style index only in the first of several equal
 * formats, and hashes the others again on every cell they are used for:
 * equal roles therefore share one format. */
static void
create_formats (NtReport *self)
{
  lxw_workbook *wb = self->workbook;
  lxw_format **f = self->formats;

  f[FMT_AUTHORITY] = add_format (wb, FONT_SIZE, FALSE, FALSE, LXW_ALIGN_CENTER, FALSE);
  f[FMT_SCHOOL] = add_format (wb, FONT_SIZE, TRUE, FALSE, LXW_ALIGN_CENTER, FALSE);
  f[FMT_COUNTRY] = f[FMT_SCHOOL];
  f[FMT_SIGN_TITLE] = f[FMT_SCHOOL];
  f[FMT_SIGN_NAME] = f[FMT_SCHOOL];
  f[FMT_MOTTO] = add_format (wb, FONT_SIZE_MOTTO, TRUE, FALSE, LXW_ALIGN_CENTER, FALSE);
  format_set_underline (f[FMT_MOTTO], LXW_UNDERLINE_SINGLE);
  f[FMT_TITLE] = add_format (wb, FONT_SIZE_TITLE, TRUE, FALSE, LXW_ALIGN_CENTER, FALSE);
  f[FMT_SUBTITLE] = add_format (wb, FONT_SIZE, FALSE, TRUE, LXW_ALIGN_CENTER, FALSE);
  f[FMT_PLACE_DATE] = f[FMT_SUBTITLE];
  f[FMT_SIGN_NOTE] = f[FMT_SUBTITLE];
  f[FMT_HEAD] = add_format (wb, FONT_SIZE, TRUE, FALSE, LXW_ALIGN_CENTER, TRUE);
  format_set_text_wrap (f[FMT_HEAD]);
  f[FMT_CELL_LEFT] = add_format (wb, FONT_SIZE, FALSE, FALSE, LXW_ALIGN_LEFT, TRUE);
  f[FMT_CELL_CENTER] = add_format (wb, FONT_SIZE, FALSE, FALSE, LXW_ALIGN_CENTER, TRUE);
  f[FMT_NUMBER] = f[FMT_CELL_CENTER];
  f[FMT_CELL_RIGHT] = add_format (wb, FONT_SIZE, FALSE, FALSE, LXW_ALIGN_RIGHT, TRUE);
  /* Long text (a hand-over note, the shifts of a roster cell) on as many
   * lines as it takes, from the top. */
  f[FMT_CELL_WRAP] = add_format (wb, FONT_SIZE, FALSE, FALSE, LXW_ALIGN_LEFT, TRUE);
  format_set_align (f[FMT_CELL_WRAP], LXW_ALIGN_VERTICAL_TOP);
  format_set_text_wrap (f[FMT_CELL_WRAP]);
  f[FMT_DATE] = add_format (wb, FONT_SIZE, FALSE, FALSE, LXW_ALIGN_CENTER, TRUE);
  format_set_num_format (f[FMT_DATE], "dd/mm/yyyy");
  f[FMT_GROUP] = add_format (wb, FONT_SIZE, TRUE, FALSE, LXW_ALIGN_LEFT, TRUE);
  f[FMT_PLAIN] = add_format (wb, FONT_SIZE, FALSE, FALSE, LXW_ALIGN_NONE, FALSE);
}

/* The fills of the toned cells, and their text colour: light enough for
 * the letters to read on a black-and-white printout too. */
static const struct
{
  guint32 fill;
  guint32 font;
} tone_colours[NT_REPORT_N_TONES] = {
  [NT_REPORT_TONE_NONE] = { 0, 0 },
  [NT_REPORT_TONE_GOOD] = { 0xC6EFCE, 0x006100 },
  [NT_REPORT_TONE_INFO] = { 0xDDEBF7, 0x1F4E78 },
  [NT_REPORT_TONE_NOTICE] = { 0xFFF2CC, 0x7F6000 },
  [NT_REPORT_TONE_WARN] = { 0xF8CBAD, 0x833C0B },
  [NT_REPORT_TONE_BAD] = { 0xFFC7CE, 0x9C0006 },
  [NT_REPORT_TONE_TOTAL] = { 0xD9D9D9, 0x000000 },
};

/* Made on first use, so that the reports without tones keep the styles
 * they had. */
static lxw_format *
tone_format (NtReport     *self,
             NtReportTone  tone)
{
  lxw_format *format;

  if (tone <= NT_REPORT_TONE_NONE || tone >= NT_REPORT_N_TONES)
    return NULL;
  if (self->tones[tone] != NULL)
    return self->tones[tone];
  format = add_format (self->workbook, FONT_SIZE, tone == NT_REPORT_TONE_TOTAL, FALSE, LXW_ALIGN_CENTER, TRUE);
  format_set_bg_color (format, tone_colours[tone].fill);
  format_set_font_color (format, tone_colours[tone].font);
  self->tones[tone] = format;
  return format;
}

/* ----- writing cells ------------------------------------------------------ */

static void
note_error (NtReportSheet *sheet,
            lxw_error      error)
{
  NtReport *self = sheet->report;

  if (error == LXW_NO_ERROR || self->write_error != LXW_NO_ERROR)
    return;
  self->write_error = error;
  /* Rows counted from 1, as Excel shows them. */
  self->write_error_where = g_strdup_printf ("%s!%u", sheet->name, (guint) sheet->row + 1);
}

/* Always a string cell, whatever the text looks like: a name such as
 * "=HYPERLINK(…)" or "+84 912" must not become a formula or a number. */
static void
write_text (NtReportSheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *text,
            lxw_format    *format)
{
  g_autofree char *cut = NULL;

  if (text == NULL || text[0] == '\0')
    {
      note_error (sheet, worksheet_write_blank (sheet->worksheet, row, col, format));
      return;
    }
  /* Excel refuses longer cells; keep what fits rather than lose the row. */
  if (strlen (text) > MAX_CELL_CHARS && g_utf8_strlen (text, -1) > MAX_CELL_CHARS)
    text = cut = g_utf8_substring (text, 0, MAX_CELL_CHARS);
  note_error (sheet, worksheet_write_string (sheet->worksheet, row, col, text, format));
}

/* Text across columns first..last of one row (a single cell needs no merge). */
static void
write_span (NtReportSheet *sheet,
            lxw_row_t      row,
            lxw_col_t      first,
            lxw_col_t      last,
            const char    *text,
            lxw_format    *format)
{
  if (last <= first)
    {
      write_text (sheet, row, first, text, format);
      return;
    }
  /* merge_range writes its text with worksheet_write_string(), so the
   * text stays text; it writes the first cell, then blanks, in row order. */
  note_error (sheet, worksheet_merge_range (sheet->worksheet, row, first, row, last,
                                            text ? text : "", format));
}

static gboolean
parse_iso_date (const char   *iso,
                lxw_datetime *out)
{
  int y, m, d;

  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso[i]))
      return FALSE;
  y = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
  m = (iso[5] - '0') * 10 + (iso[6] - '0');
  d = (iso[8] - '0') * 10 + (iso[9] - '0');
  /* Excel's dates start in 1900. */
  if (y < 1900 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  *out = (lxw_datetime) { .year = y, .month = m, .day = d };
  return TRUE;
}

/* The left and right blocks of the header and of the signature: the left
 * half of the columns and the right half. */
static void
blocks (NtReportSheet *sheet,
        lxw_col_t     *left_last,
        lxw_col_t     *right_first)
{
  lxw_col_t n = sheet->n_columns;

  if (n < 2)
    {
      *left_last = 0;
      *right_first = 0;
      return;
    }
  *left_last = (n - 1) / 2;
  *right_first = *left_last + 1;
}

/* ----- the report ---------------------------------------------------------- */

static char *
upper (const char *text)
{
  return nt_str_empty (text) ? g_strdup ("") : g_utf8_strup (text, -1);
}

/* The place of the place-and-date line: the province, the last part of the
 * school's address ("…, huyện Tam Đường, tỉnh Lai Châu" gives "Lai Châu"). */
static char *
place_from_address (const char *address)
{
  static const char *prefixes[] = { "tỉnh ", "thành phố ", "tp. ", "tp.", "tp " };
  const char *last;
  g_autofree char *part = NULL;
  g_autofree char *lower = NULL;

  if (nt_str_empty (address))
    return NULL;
  last = strrchr (address, ',');
  part = g_strstrip (g_strdup (last ? last + 1 : address));
  lower = g_utf8_strdown (part, -1);
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (lower, prefixes[i]))
      {
        /* Skip as many characters as the prefix has: upper and lower case
         * may differ in bytes. */
        const char *rest = g_utf8_offset_to_pointer (part, g_utf8_strlen (prefixes[i], -1));
        if (*rest)
          return g_strstrip (g_strdup (rest));
      }
  return part[0] ? g_steal_pointer (&part) : NULL;
}

static char *
staff_name (NtStore *store,
            gint64   staff_id)
{
  sqlite3_stmt *stmt;
  char *name = NULL;

  if (staff_id <= 0)
    return NULL;
  stmt = nt_store_prepare (store, "SELECT full_name FROM staff WHERE id = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return name;
}

static void
sheet_free (NtReportSheet *sheet)
{
  g_free (sheet->name);
  g_free (sheet->aligns);
  g_free (sheet->widths);
  g_array_unref (sheet->breaks);
  g_free (sheet);
}

/**
 * nt_report_new:
 * @store: the school's database, for the school's name, authority and principal
 * @path: the .xlsx file to write; replaced only when the report is complete
 * @error: an NT_ERROR_IO when the folder of @path cannot be written
 *
 * Starts a report.  The file is written next to @path under a temporary
 * name, readable by its owner only, and takes the name @path in
 * nt_report_finish().
 *
 * Returns: (transfer full) (nullable): the report
 */
NtReport *
nt_report_new (NtStore     *store,
               const char  *path,
               GError     **error)
{
  g_autoptr(NtSchoolInfo) info = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *tmp_path = NULL;
  lxw_workbook_options options = { 0 };
  NtReport *self;
  int fd;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Created here with mode 0600 (the report holds minors' personal data),
   * so that it is never readable by others, not even while it is written;
   * libxlsxwriter then truncates and fills it, which keeps the mode. */
  dir = g_path_get_dirname (path);
  tmp_path = g_build_filename (dir, ".noitru-report-XXXXXX", NULL);
  fd = g_mkstemp_full (tmp_path, O_RDWR, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, NT_ERROR, NT_ERROR_IO, _("Could not write the report “%s”: %s"),
                   path, g_strerror (saved));
      return NULL;
    }
  g_close (fd, NULL);

  self = g_new0 (NtReport, 1);
  self->path = g_strdup (path);
  self->tmp_path = g_steal_pointer (&tmp_path);
  self->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_free);
  self->sheet_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Rows go to a temporary file as they are written: a 100,000-row report
   * then needs a few megabytes, not hundreds. */
  options.constant_memory = LXW_TRUE;
  options.tmpdir = (char *) g_get_tmp_dir ();
  self->workbook = workbook_new_opt (self->tmp_path, &options);
  if (self->workbook == NULL)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_IO, _("Could not write the report “%s”: %s"),
                   path, lxw_strerror (LXW_ERROR_MEMORY_MALLOC_FAILED));
      nt_report_free (self);
      return NULL;
    }
  create_formats (self);

  info = nt_school_get (store);
  if (info)
    {
      self->authority = upper (info->authority);
      self->school = upper (info->name);
      self->principal = g_strdup (info->principal ? info->principal : "");
      self->place = place_from_address (info->address);
    }
  else
    {
      self->authority = g_strdup ("");
      self->school = g_strdup ("");
      self->principal = g_strdup ("");
    }
  self->preparer = staff_name (store, nt_store_get_actor (store));
  return self;
}

/**
 * nt_report_set_date:
 * @iso_date: (nullable): the date of the place-and-date line; NULL for today
 */
void
nt_report_set_date (NtReport   *self,
                    const char *iso_date)
{
  g_return_if_fail (self != NULL);

  nt_set_str (&self->date, iso_date);
}

/* Excel's rules for sheet names: at most 31 characters, none of []:*?/\,
 * no apostrophe at either end, unique without regard to case. */
static char *
unique_sheet_name (NtReport   *self,
                   const char *wanted)
{
  g_autoptr(GString) base = g_string_new (NULL);
  g_autofree char *name = NULL;

  for (const char *p = nt_str_empty (wanted) ? "Sheet" : wanted; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 && strchr ("[]:*?/\\", (int) c) != NULL)
        c = '-';
      else if (c < 0x20)
        c = ' ';
      g_string_append_unichar (base, c);
    }
  while (base->len > 0 && base->str[0] == '\'')
    g_string_erase (base, 0, 1);
  if (base->len == 0)
    g_string_assign (base, "Sheet");

  for (guint n = 1; ; n++)
    {
      g_autofree char *suffix = n == 1 ? g_strdup ("") : g_strdup_printf (" (%u)", n);
      glong room = MAX_SHEET_NAME - g_utf8_strlen (suffix, -1);
      g_autofree char *head = g_utf8_substring (base->str, 0, MIN (room, g_utf8_strlen (base->str, -1)));
      g_autofree char *folded = NULL;
      gsize len = strlen (head);

      while (len > 0 && head[len - 1] == '\'')
        head[--len] = '\0';
      g_free (name);
      name = g_strconcat (head, suffix, NULL);
      folded = g_utf8_casefold (name, -1);
      if (!g_hash_table_contains (self->sheet_names, folded))
        {
          g_hash_table_add (self->sheet_names, g_steal_pointer (&folded));
          return g_steal_pointer (&name);
        }
    }
}

/* "&" starts a code in Excel's header and footer strings. */
static char *
escape_footer (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "&", -1);
  return g_strjoinv ("&&", parts);
}

static void
set_up_page (NtReportSheet       *sheet,
             NtReportOrientation  orientation)
{
  lxw_worksheet *ws = sheet->worksheet;
  /* TRANSLATORS: the left footer of every printed report */
  g_autofree char *privacy = escape_footer (_("Contains personal data - do not share"));
  /* TRANSLATORS: the page number in a report's footer; the first %s is the
   * page, the second the number of pages */
  g_autofree char *page = g_strdup_printf (_("Page %s/%s"), "&P", "&N");
  g_autofree char *footer = NULL;
  lxw_header_footer_options options = { .margin = 0.3 };

  worksheet_set_paper (ws, 9);  /* A4 */
  if (orientation == NT_REPORT_LANDSCAPE)
    worksheet_set_landscape (ws);
  else
    worksheet_set_portrait (ws);
  /* Inches: 25 mm left for binding, 15 mm right, 20 mm top and bottom
   * (the margins of Decree 30/2020 for administrative documents). */
  worksheet_set_margins (ws, 0.98, 0.59, 0.79, 0.79);
  worksheet_center_horizontally (ws);
  /* As wide as one page, as many pages down as it takes. */
  worksheet_fit_to_pages (ws, 1, 0);

  footer = g_strdup_printf ("&L&\"" FONT_NAME ",Italic\"&9%s&C&\"" FONT_NAME ",Regular\"&10%s",
                            privacy, page);
  if (worksheet_set_footer_opt (ws, footer, &options) != LXW_NO_ERROR)
    {
      /* A translation too long for Excel's 255 characters: keep the page numbers. */
      g_free (footer);
      footer = g_strdup_printf ("&C&\"" FONT_NAME ",Regular\"&10%s", page);
      worksheet_set_footer_opt (ws, footer, &options);
    }
}

/**
 * nt_report_add_sheet:
 * @sheet_name: the name of the sheet's tab (made valid and unique)
 * @title: the title, already translated (upper case, as on a document)
 * @subtitle: (nullable): a line below the title
 * @columns: (array length=n_columns): the columns of the table
 * @orientation: of the printed page
 *
 * Adds a sheet and writes its header, title and the table's header row,
 * which is repeated at the top of every printed page.
 *
 * Returns: (transfer none): the sheet, owned by @self
 */
NtReportSheet *
nt_report_add_sheet (NtReport             *self,
                     const char           *sheet_name,
                     const char           *title,
                     const char           *subtitle,
                     const NtReportColumn *columns,
                     guint                 n_columns,
                     NtReportOrientation   orientation)
{
  lxw_format **f;
  NtReportSheet *sheet;
  lxw_col_t left_last, right_first, last;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (columns != NULL, NULL);
  g_return_val_if_fail (n_columns > 0 && n_columns < 1000, NULL);

  f = self->formats;
  sheet = g_new0 (NtReportSheet, 1);
  sheet->report = self;
  sheet->name = unique_sheet_name (self, sheet_name);
  sheet->n_columns = n_columns;
  sheet->aligns = g_new (NtReportAlign, n_columns);
  sheet->widths = g_new (double, n_columns);
  sheet->breaks = g_array_new (TRUE, TRUE, sizeof (lxw_row_t));
  sheet->worksheet = workbook_add_worksheet (self->workbook, sheet->name);
  g_ptr_array_add (self->sheets, sheet);
  if (sheet->worksheet == NULL)
    {
      /* Out of memory or no temporary file: reported by nt_report_finish(). */
      if (self->write_error == LXW_NO_ERROR)
        {
          self->write_error = LXW_ERROR_CREATING_TMPFILE;
          self->write_error_where = g_strdup (sheet->name);
        }
      sheet->worksheet = NULL;
      return sheet;
    }

  set_up_page (sheet, orientation);
  for (guint i = 0; i < n_columns; i++)
    {
      sheet->aligns[i] = columns[i].align;
      sheet->widths[i] = columns[i].width > 0 ? columns[i].width : 10;
      worksheet_set_column (sheet->worksheet, i, i, sheet->widths[i], f[FMT_PLAIN]);
    }

  blocks (sheet, &left_last, &right_first);
  last = n_columns - 1;

  /* The administrative header: who issues it on the left, the motto on the right. */
  write_span (sheet, 0, 0, left_last, self->authority, f[FMT_AUTHORITY]);
  if (right_first > left_last)
    write_span (sheet, 0, right_first, last, MOTTO_COUNTRY, f[FMT_COUNTRY]);
  write_span (sheet, 1, 0, left_last, self->school, f[FMT_SCHOOL]);
  if (right_first > left_last)
    write_span (sheet, 1, right_first, last, MOTTO_WORDS, f[FMT_MOTTO]);
  sheet->row = 3;

  worksheet_set_row (sheet->worksheet, sheet->row, 24, NULL);
  write_span (sheet, sheet->row++, 0, last, title, f[FMT_TITLE]);
  if (!nt_str_empty (subtitle))
    write_span (sheet, sheet->row++, 0, last, subtitle, f[FMT_SUBTITLE]);
  sheet->row++;

  /* Two lines high: the titles wrap in narrow columns. */
  worksheet_set_row (sheet->worksheet, sheet->row, 33, NULL);
  for (guint i = 0; i < n_columns; i++)
    write_text (sheet, sheet->row, i, columns[i].title, f[FMT_HEAD]);
  worksheet_repeat_rows (sheet->worksheet, sheet->row, sheet->row);
  sheet->header_row = sheet->row;
  sheet->row++;
  return sheet;
}

static lxw_format *
cell_format (NtReportSheet *sheet,
             guint          column)
{
  switch (sheet->aligns[column])
    {
    case NT_REPORT_ALIGN_CENTER:
      return sheet->report->formats[FMT_CELL_CENTER];
    case NT_REPORT_ALIGN_RIGHT:
      return sheet->report->formats[FMT_CELL_RIGHT];
    case NT_REPORT_ALIGN_WRAP:
      return sheet->report->formats[FMT_CELL_WRAP];
    case NT_REPORT_ALIGN_LEFT:
    default:
      return sheet->report->formats[FMT_CELL_LEFT];
    }
}

/**
 * nt_report_add_row:
 * @values: one value per column of the sheet
 *
 * Writes the next row of the table.  Failures are kept and reported by
 * nt_report_finish().
 */
void
nt_report_add_row (NtReportSheet       *sheet,
                   const NtReportValue *values)
{
  lxw_format **f;
  lxw_row_t row;

  g_return_if_fail (sheet != NULL);
  g_return_if_fail (values != NULL);

  if (sheet->worksheet == NULL)
    return;
  f = sheet->report->formats;
  row = sheet->row;
  for (guint i = 0; i < sheet->n_columns; i++)
    {
      const NtReportValue *v = &values[i];
      lxw_format *toned = tone_format (sheet->report, v->tone);
      lxw_datetime date;

      switch (v->kind)
        {
        case NT_REPORT_VALUE_NUMBER:
          note_error (sheet, worksheet_write_number (sheet->worksheet, row, i, v->number,
                                                     toned ? toned : f[FMT_NUMBER]));
          break;
        case NT_REPORT_VALUE_DATE:
          if (parse_iso_date (v->text, &date))
            note_error (sheet, worksheet_write_datetime (sheet->worksheet, row, i, &date, f[FMT_DATE]));
          else  /* not a date Excel knows: keep what the database holds */
            write_text (sheet, row, i, v->text, toned ? toned : cell_format (sheet, i));
          break;
        case NT_REPORT_VALUE_TEXT:
          write_text (sheet, row, i, v->text, toned ? toned : cell_format (sheet, i));
          break;
        case NT_REPORT_VALUE_EMPTY:
        default:
          note_error (sheet, worksheet_write_blank (sheet->worksheet, row, i,
                                                    toned ? toned : cell_format (sheet, i)));
          break;
        }
    }
  sheet->row++;
  sheet->n_rows++;
}

/**
 * nt_report_add_group_row:
 * @text: the heading of the rows that follow ("Lớp 10A1", "Phòng A101")
 *
 * Writes a bold row across the table.
 */
void
nt_report_add_group_row (NtReportSheet *sheet,
                         const char    *text)
{
  g_return_if_fail (sheet != NULL);

  if (sheet->worksheet == NULL)
    return;
  write_span (sheet, sheet->row, 0, sheet->n_columns - 1, text, sheet->report->formats[FMT_GROUP]);
  sheet->row++;
  sheet->n_rows++;
}

/**
 * nt_report_add_page_break:
 *
 * Starts a new printed page at the next row (for example one room per
 * page, to post on its door).  Excel keeps at most 1023 breaks a sheet.
 */
void
nt_report_add_page_break (NtReportSheet *sheet)
{
  g_return_if_fail (sheet != NULL);

  if (sheet->breaks->len < MAX_PAGE_BREAKS)
    g_array_append_val (sheet->breaks, sheet->row);
}

/**
 * nt_report_sheet_get_n_rows:
 *
 * Returns: the number of data and group rows written to @sheet
 */
guint
nt_report_sheet_get_n_rows (NtReportSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, 0);

  return sheet->n_rows;
}

/**
 * nt_report_sheet_get_row:
 *
 * Returns: the row (counted from 0, as libxlsxwriter counts) that the next
 *   nt_report_add_row() writes, for a chart of the rows
 */
guint
nt_report_sheet_get_row (NtReportSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, 0);

  return sheet->row;
}

/**
 * nt_report_sheet_get_header_row:
 *
 * Returns: the row of the table's column titles (counted from 0)
 */
guint
nt_report_sheet_get_header_row (NtReportSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, 0);

  return sheet->header_row;
}

/**
 * nt_report_sheet_freeze:
 * @n_columns: how many columns on the left stay in view, 0 for none
 *
 * Keeps the table's header row, and the first @n_columns, in view while
 * the sheet scrolls on screen (the printout is not affected).
 */
void
nt_report_sheet_freeze (NtReportSheet *sheet,
                        guint          n_columns)
{
  g_return_if_fail (sheet != NULL);

  if (sheet->worksheet == NULL)
    return;
  worksheet_freeze_panes (sheet->worksheet, sheet->header_row + 1, MIN (n_columns, sheet->n_columns));
}

/* Excel's pixels for a column @width characters wide (Calibri 11, the
 * default font's digit being 7 pixels wide). */
static double
column_pixels (double width)
{
  return width < 1 ? width * 12 : width * 7 + 5;
}

/**
 * nt_report_add_chart:
 * @title: the chart's title, already translated; also the series' name
 * @categories_row: the row (from 0) whose cells name the points, usually
 *   nt_report_sheet_get_header_row()
 * @values_row: the row (from 0) of the values, already written
 * @first_column: the first column of both ranges
 * @last_column: the last column of both ranges
 *
 * Draws the values of one row, against the labels of another, below the
 * rows written so far and as wide as the table; the rows it covers are
 * left empty.  libxlsxwriter writes no cached values in constant-memory
 * mode: Excel and LibreOffice compute them from the cells when they open
 * the file.
 */
void
nt_report_add_chart (NtReportSheet     *sheet,
                     NtReportChartKind  kind,
                     const char        *title,
                     guint              categories_row,
                     guint              values_row,
                     guint              first_column,
                     guint              last_column)
{
  /* libxlsxwriter's chart is 480 × 288 pixels before scaling; a row is 20. */
  const double chart_width = 480, chart_height = 288, row_height = 20;
  lxw_chart_font title_font = { .name = (char *) FONT_NAME, .size = FONT_SIZE, .bold = LXW_TRUE };
  lxw_chart_font axis_font = { .name = (char *) FONT_NAME, .size = 9 };
  lxw_chart_line line = { .color = 0xC00000, .width = 1.5 };
  lxw_chart_fill fill = { .color = 0xC00000 };
  lxw_chart_options options = { 0 };
  lxw_chart_series *series;
  lxw_chart *chart;
  double width = 0, height = 300;
  guint rows;

  g_return_if_fail (sheet != NULL);
  g_return_if_fail (first_column <= last_column && last_column < sheet->n_columns);

  if (sheet->worksheet == NULL)
    return;
  chart = workbook_add_chart (sheet->report->workbook,
                              kind == NT_REPORT_CHART_LINE ? LXW_CHART_LINE : LXW_CHART_COLUMN);
  if (chart == NULL)
    {
      note_error (sheet, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return;
    }
  series = chart_add_series (chart, NULL, NULL);
  chart_series_set_categories (series, sheet->name, categories_row, first_column, categories_row, last_column);
  chart_series_set_values (series, sheet->name, values_row, first_column, values_row, last_column);
  chart_series_set_name (series, title);
  if (kind == NT_REPORT_CHART_LINE)
    chart_series_set_line (series, &line);
  else
    chart_series_set_fill (series, &fill);
  chart_title_set_name (chart, title);
  chart_title_set_name_font (chart, &title_font);
  chart_axis_set_num_font (chart->x_axis, &axis_font);
  chart_axis_set_num_font (chart->y_axis, &axis_font);
  chart_axis_set_min (chart->y_axis, 0);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);

  /* As wide as the whole table, so that it prints with it. */
  for (guint i = 0; i < sheet->n_columns; i++)
    width += column_pixels (sheet->widths[i]);
  options.x_scale = MAX (width, chart_width) / chart_width;
  options.y_scale = height / chart_height;
  sheet->row++;
  note_error (sheet, worksheet_insert_chart_opt (sheet->worksheet, sheet->row, 0, chart, &options));
  rows = (guint) (height / row_height) + 1;
  sheet->row += rows;
}

static char *
place_and_date (NtReport *self)
{
  g_autoptr(GDate) date = self->date ? nt_date_from_iso (self->date) : NULL;
  g_autofree char *day = NULL;
  g_autofree char *month = NULL;
  int d, m, y;

  if (date == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      d = g_date_time_get_day_of_month (now);
      m = g_date_time_get_month (now);
      y = g_date_time_get_year (now);
    }
  else
    {
      d = g_date_get_day (date);
      m = g_date_get_month (date);
      y = g_date_get_year (date);
    }
  /* Decree 30/2020: days below 10 and the months January and February
   * are written with a leading zero ("ngày 05 tháng 02 năm 2027"). */
  day = g_strdup_printf ("%02d", d);
  month = m <= 2 ? g_strdup_printf ("%02d", m) : g_strdup_printf ("%d", m);
  if (self->place)
    /* TRANSLATORS: the place-and-date line of a document: place, day, month, year
     * ("Lai Châu, ngày 05 tháng 02 năm 2027") */
    return g_strdup_printf (_("%s, day %s month %s year %d"), self->place, day, month, y);
  /* TRANSLATORS: the date line of a document without a place: day, month, year */
  return g_strdup_printf (_("Day %s month %s year %d"), day, month, y);
}

/* Below the table: the place-and-date line over the principal's block, then
 * who prepared the list on the left and the principal on the right. */
static void
write_signatures (NtReportSheet *sheet)
{
  NtReport *self = sheet->report;
  lxw_format **f = self->formats;
  lxw_col_t left_last, right_first, last = sheet->n_columns - 1;
  g_autofree char *date_line = place_and_date (self);
  lxw_row_t row = sheet->row + 1;

  if (sheet->worksheet == NULL)
    return;
  blocks (sheet, &left_last, &right_first);
  write_span (sheet, row++, right_first, last, date_line, f[FMT_PLACE_DATE]);
  if (right_first > left_last)
    /* TRANSLATORS: the title over the signature of who prepared a list (NGƯỜI LẬP BIỂU) */
    write_span (sheet, row, 0, left_last, _("PREPARED BY"), f[FMT_SIGN_TITLE]);
  /* TRANSLATORS: the title over the principal's signature (HIỆU TRƯỞNG) */
  write_span (sheet, row++, right_first, last, _("PRINCIPAL"), f[FMT_SIGN_TITLE]);
  if (right_first > left_last)
    /* TRANSLATORS: under a signature title: (Ký, ghi rõ họ tên) */
    write_span (sheet, row, 0, left_last, _("(Signature and full name)"), f[FMT_SIGN_NOTE]);
  write_span (sheet, row++, right_first, last, _("(Signature and full name)"), f[FMT_SIGN_NOTE]);
  row += SIGNATURE_SPACE;
  if (right_first > left_last && !nt_str_empty (self->preparer))
    write_span (sheet, row, 0, left_last, self->preparer, f[FMT_SIGN_NAME]);
  if (!nt_str_empty (self->principal))
    write_span (sheet, row, right_first, last, self->principal, f[FMT_SIGN_NAME]);
  sheet->row = row + 1;

  if (sheet->breaks->len > 0)
    note_error (sheet, worksheet_set_h_pagebreaks (sheet->worksheet, (lxw_row_t *) sheet->breaks->data));
}

static void
discard (NtReport *self)
{
  if (self->workbook)
    {
      /* lxw_workbook_free() leaves the rows' temporary files open. */
      for (guint i = 0; i < self->sheets->len; i++)
        {
          NtReportSheet *sheet = g_ptr_array_index (self->sheets, i);

          if (sheet->worksheet && sheet->worksheet->optimize_tmpfile)
            {
              fclose (sheet->worksheet->optimize_tmpfile);
              sheet->worksheet->optimize_tmpfile = NULL;
              sheet->worksheet->file = NULL;
            }
        }
      lxw_workbook_free (self->workbook);
      self->workbook = NULL;
    }
  if (self->tmp_path)
    {
      g_remove (self->tmp_path);
      g_clear_pointer (&self->tmp_path, g_free);
    }
}

/**
 * nt_report_finish:
 * @error: an NT_ERROR_IO naming the file (and the sheet and row of a failed write)
 *
 * Writes the signature block of every sheet, closes the workbook and gives
 * it its name.  On failure nothing is left behind, and a file that was at
 * the path before is kept.
 *
 * Returns: whether the report was written
 */
gboolean
nt_report_finish (NtReport  *self,
                  GError   **error)
{
  lxw_error status;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->workbook != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < self->sheets->len; i++)
    write_signatures (g_ptr_array_index (self->sheets, i));

  if (self->write_error != LXW_NO_ERROR)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_IO, _("Could not write the report “%s” (at %s): %s"),
                   self->path, self->write_error_where, lxw_strerror (self->write_error));
      discard (self);
      return FALSE;
    }

  status = workbook_close (self->workbook);
  self->workbook = NULL;  /* closed and freed, whatever the outcome */
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_IO, _("Could not write the report “%s”: %s"),
                   self->path, lxw_strerror (status));
      discard (self);
      return FALSE;
    }

  /* Again, in case anything widened it on the way. */
  g_chmod (self->tmp_path, 0600);
  if (g_rename (self->tmp_path, self->path) != 0)
    {
      int saved = errno;
      g_set_error (error, NT_ERROR, NT_ERROR_IO, _("Could not write the report “%s”: %s"),
                   self->path, g_strerror (saved));
      discard (self);
      return FALSE;
    }
  g_clear_pointer (&self->tmp_path, g_free);
  return TRUE;
}

/**
 * nt_report_free:
 *
 * Frees the report; one that was not finished is removed.
 */
void
nt_report_free (NtReport *self)
{
  if (self == NULL)
    return;
  discard (self);
  g_ptr_array_unref (self->sheets);
  g_hash_table_unref (self->sheet_names);
  g_free (self->path);
  g_free (self->authority);
  g_free (self->school);
  g_free (self->principal);
  g_free (self->preparer);
  g_free (self->place);
  g_free (self->date);
  g_free (self->write_error_where);
  g_free (self);
}
