/* nt-report-attendance.c: the attendance matrix of the night checks
 * (bảng điểm danh tối): students × nights, a letter per night
 *
 * One sheet per month and building (a month at most, to print one page
 * wide): the students checked in that building in the month, in walking
 * order (floor, room, name), a column per night with the status letter on
 * its colour, the student's totals on the right, the nights' totals at
 * the bottom and a chart of the absences per night below them.  A student
 * who moved to another building during the month has a row in each, with
 * the nights of each; the room shown is the one of the last night there.
 *
 * The entries of the period are read in one pass, in table order, into a
 * byte per student and night (a year of 1,000 boarders is 365 KB), then
 * the students' names and rooms once per row: a year's matrix reads its
 * 365,000 entries in about 0.1 s.
 */
#define G_LOG_DOMAIN "nt-report-attendance"

#include <stdlib.h>
#include <string.h>

#include "nt-date.h"
#include "nt-i18n.h"
#include "nt-night-checks.h"
#include "nt-report.h"
#include "nt-reports.h"
#include "nt-reports-private.h"
#include "nt-util.h"

/* The columns left of the nights, and the totals right of them. */
enum { AT_NO, AT_NAME, AT_CLASS, AT_ROOM, AT_N_FIXED };

/* The statuses counted, in the order of the total columns and rows. */
static const NtNightStatus counted[] = {
  NT_NIGHT_PRESENT, NT_NIGHT_LEAVE, NT_NIGHT_SICK, NT_NIGHT_ABSENT, NT_NIGHT_LATE,
};
#define N_COUNTED G_N_ELEMENTS (counted)

/* A student in a building over the period. */
typedef struct
{
  gint64   student_id;
  gint64   building_id;
  gint64   bed_id;       /* of the last night checked there */
  guint    last_day;
  int      next;         /* the student's row in another building, or -1 */
  guint8  *cells;        /* NtNightStatus per night of the period */
  char    *name;
  char    *class_name;
  char    *room;
  int      floor;
  GBytes  *name_key;
} Row;

/* A check of the period: its building and night. */
typedef struct
{
  gint64  building_id;
  guint   day;
} Check;

typedef struct
{
  NtStore      *store;
  const char   *from;
  const char   *to;
  guint         n_days;
  GArray       *rows;        /* Row */
  GHashTable   *buildings;   /* id → name */
  const char   *letters[NT_NIGHT_LATE + 1];
} Matrix;

static void
row_clear (Row *row)
{
  g_free (row->cells);
  g_free (row->name);
  g_free (row->class_name);
  g_free (row->room);
  g_clear_pointer (&row->name_key, g_bytes_unref);
}

static void
matrix_clear (Matrix *m)
{
  g_clear_pointer (&m->rows, g_array_unref);
  g_clear_pointer (&m->buildings, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Matrix, matrix_clear)

/**
 * nt_report_attendance_letter:
 * @status: (nullable): a night status of the database ("present", …)
 *
 * Returns: the letter of @status in the attendance matrix, translated
 *   (C, P, O, V, M in Vietnamese); "" for no status
 */
const char *
nt_report_attendance_letter (const char *status)
{
  switch (nt_night_status_from_string (status))
    {
    case NT_NIGHT_PRESENT:
      /* TRANSLATORS: one letter in the attendance matrix: present (C, có mặt) */
      return C_("attendance", "P");
    case NT_NIGHT_LEAVE:
      /* TRANSLATORS: one letter in the attendance matrix: on leave (P, có phép) */
      return C_("attendance", "L");
    case NT_NIGHT_SICK:
      /* TRANSLATORS: one letter in the attendance matrix: sick (O, ốm) */
      return C_("attendance", "S");
    case NT_NIGHT_ABSENT:
      /* TRANSLATORS: one letter in the attendance matrix: absent (V, vắng) */
      return C_("attendance", "A");
    case NT_NIGHT_LATE:
      /* TRANSLATORS: one letter in the attendance matrix: came back late (M, muộn) */
      return C_("attendance", "T");
    case NT_NIGHT_NONE:
    case NT_NIGHT_UNCHECKED:
    default:
      return "";
    }
}

static NtReportTone
status_tone (NtNightStatus status)
{
  switch (status)
    {
    case NT_NIGHT_LEAVE:
      return NT_REPORT_TONE_INFO;
    case NT_NIGHT_SICK:
      return NT_REPORT_TONE_NOTICE;
    case NT_NIGHT_ABSENT:
      return NT_REPORT_TONE_BAD;
    case NT_NIGHT_LATE:
      return NT_REPORT_TONE_WARN;
    case NT_NIGHT_PRESENT:
    case NT_NIGHT_NONE:
    case NT_NIGHT_UNCHECKED:
    default:
      return NT_REPORT_TONE_NONE;
    }
}

static const char *
status_title (NtNightStatus status)
{
  switch (status)
    {
    case NT_NIGHT_PRESENT:
      /* TRANSLATORS: a total column and row of the attendance matrix (Có mặt) */
      return _("Present");
    case NT_NIGHT_LEAVE:
      /* TRANSLATORS: a total column and row of the attendance matrix (Có phép) */
      return _("On leave");
    case NT_NIGHT_SICK:
      /* TRANSLATORS: a total column and row of the attendance matrix (Ốm) */
      return _("Sick");
    case NT_NIGHT_ABSENT:
      /* TRANSLATORS: a total column and row of the attendance matrix (Vắng) */
      return _("Absent");
    case NT_NIGHT_LATE:
      /* TRANSLATORS: a total column and row of the attendance matrix (Về muộn) */
      return _("Late");
    case NT_NIGHT_NONE:
    case NT_NIGHT_UNCHECKED:
    default:
      return "";
    }
}

/* ----- reading ---------------------------------------------------------------- */

/* The checks of the period (of one building or all), and the range of
 * entry ids that holds their entries. */
static gboolean
read_checks (Matrix      *m,
             gint64       building_id,
             GHashTable  *checks,
             gint64      *first_entry,
             gint64      *last_entry,
             GError     **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (m->store,
                                         "SELECT k.id, k.building_id, bl.name, "
                                         "  CAST (julianday (k.night) - julianday (?1) AS INTEGER) "
                                         "FROM night_checks k JOIN buildings bl ON bl.id = k.building_id "
                                         "WHERE k.night BETWEEN ?1 AND ?2 AND (?3 = 0 OR k.building_id = ?3)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, m->from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, m->to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, building_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      Check *check = g_new (Check, 1);

      check->building_id = sqlite3_column_int64 (stmt, 1);
      check->day = (guint) sqlite3_column_int (stmt, 3);
      g_hash_table_insert (checks, g_memdup2 (&id, sizeof id), check);
      if (!g_hash_table_contains (m->buildings, &check->building_id))
        g_hash_table_insert (m->buildings, g_memdup2 (&check->building_id, sizeof (gint64)),
                             g_strdup (nt_reports_column_text (stmt, 2)));
    }
  if (!nt_reports_check_step (m->store, stmt, rc, error))
    return FALSE;
  sqlite3_reset (stmt);

  /* From the index alone (check_id, student_id, rowid): no row is read. */
  stmt = nt_store_prepare (m->store,
                           "SELECT ifnull (min (e.id), 0), ifnull (max (e.id), -1) "
                           "FROM night_checks k JOIN night_check_entries e ON e.check_id = k.id "
                           "WHERE k.night BETWEEN ?1 AND ?2 AND (?3 = 0 OR k.building_id = ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, m->from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, m->to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, building_id);
  rc = sqlite3_step (stmt);
  if (!nt_reports_check_step (m->store, stmt, rc, error))
    return FALSE;
  *first_entry = sqlite3_column_int64 (stmt, 0);
  *last_entry = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);
  return TRUE;
}

/* The row of @student_id in @building_id, made when missing. */
static Row *
row_for (Matrix     *m,
         GHashTable *first_row,
         gint64      student_id,
         gint64      building_id)
{
  gpointer found = g_hash_table_lookup (first_row, &student_id);
  int i = found ? GPOINTER_TO_INT (found) - 1 : -1;
  int last = -1;
  Row row = { student_id, building_id, 0, 0, -1, NULL };

  for (; i >= 0; i = g_array_index (m->rows, Row, i).next)
    {
      if (g_array_index (m->rows, Row, i).building_id == building_id)
        return &g_array_index (m->rows, Row, i);
      last = i;
    }
  row.cells = g_malloc0 (m->n_days);
  g_array_append_val (m->rows, row);
  i = (int) m->rows->len - 1;
  if (last >= 0)
    g_array_index (m->rows, Row, last).next = i;
  else
    g_hash_table_insert (first_row, g_memdup2 (&student_id, sizeof student_id), GINT_TO_POINTER (i + 1));
  return &g_array_index (m->rows, Row, i);
}

/* Every entry of the period into its row and night, in one pass over the
 * entries' table between the first and last id of the period: entries are
 * written check by check, so those of a period lie together, and reading
 * them in table order is several times faster than through the index.
 * Two entries of a student on one night (two checks of a building that
 * night) keep the one with a status. */
static gboolean
read_cells (Matrix     *m,
            gint64      building_id,
            GError    **error)
{
  g_autoptr(GHashTable) checks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) first_row = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 first_entry, last_entry;
  sqlite3_stmt *stmt;
  int rc;

  if (!read_checks (m, building_id, checks, &first_entry, &last_entry, error))
    return FALSE;
  stmt = nt_store_prepare (m->store,
                           "SELECT check_id, student_id, status, bed_id FROM night_check_entries "
                           "WHERE id BETWEEN ?1 AND ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first_entry);
  sqlite3_bind_int64 (stmt, 2, last_entry);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 check_id = sqlite3_column_int64 (stmt, 0);
      const Check *check = g_hash_table_lookup (checks, &check_id);
      const char *text;
      NtNightStatus status;
      Row *row;

      if (check == NULL || check->day >= m->n_days)
        continue;
      row = row_for (m, first_row, sqlite3_column_int64 (stmt, 1), check->building_id);
      text = nt_reports_column_text (stmt, 2);
      status = nt_night_status_from_string (text);
      if (row->cells[check->day] <= NT_NIGHT_UNCHECKED)
        row->cells[check->day] = (guint8) status;
      if (row->bed_id == 0 || check->day >= row->last_day)
        {
          row->last_day = check->day;
          row->bed_id = sqlite3_column_int64 (stmt, 3);
        }
    }
  if (!nt_reports_check_step (m->store, stmt, rc, error))
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

/* Each row's student, class and room (of the last bed checked). */
static gboolean
read_students (Matrix   *m,
               GError  **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (m->store,
                                         "SELECT s.full_name, c.name, s.name_key, r.number, ifnull (r.floor, 0) "
                                         "FROM students s LEFT JOIN classes c ON c.id = s.class_id "
                                         "LEFT JOIN beds d ON d.id = ?2 LEFT JOIN rooms r ON r.id = d.room_id "
                                         "WHERE s.id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < m->rows->len; i++)
    {
      Row *row = &g_array_index (m->rows, Row, i);
      int rc;

      sqlite3_bind_int64 (stmt, 1, row->student_id);
      sqlite3_bind_int64 (stmt, 2, row->bed_id);
      rc = sqlite3_step (stmt);
      if (!nt_reports_check_step (m->store, stmt, rc, error))
        return FALSE;
      if (rc == SQLITE_ROW)
        {
          row->name = g_strdup (nt_reports_column_text (stmt, 0));
          row->class_name = g_strdup (nt_reports_column_text (stmt, 1));
          row->name_key = g_bytes_new (sqlite3_column_blob (stmt, 2), (gsize) sqlite3_column_bytes (stmt, 2));
          row->room = g_strdup (nt_reports_column_text (stmt, 3));
          row->floor = sqlite3_column_int (stmt, 4);
        }
      sqlite3_reset (stmt);
    }
  return TRUE;
}

/* Building by name, then walking order: floor, room (A2 before A10), name. */
static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  const Row *x = a, *y = b;
  Matrix *m = data;
  gsize lx, ly;
  int c;

  if (x->building_id != y->building_id)
    {
      c = g_strcmp0 (g_hash_table_lookup (m->buildings, &x->building_id),
                     g_hash_table_lookup (m->buildings, &y->building_id));
      return c != 0 ? c : (x->building_id < y->building_id ? -1 : 1);
    }
  if (x->floor != y->floor)
    return x->floor < y->floor ? -1 : 1;
  lx = x->room ? strlen (x->room) : 0;
  ly = y->room ? strlen (y->room) : 0;
  if (lx != ly)
    return lx < ly ? -1 : 1;
  if ((c = g_strcmp0 (x->room, y->room)) != 0)
    return c;
  if (x->name_key && y->name_key && (c = g_bytes_compare (x->name_key, y->name_key)) != 0)
    return c;
  return x->student_id < y->student_id ? -1 : x->student_id > y->student_id;
}

static gboolean
read_matrix (Matrix   *m,
             gint64    building_id,
             GError  **error)
{
  if (!read_cells (m, building_id, error) || !read_students (m, error))
    return FALSE;
  /* The chains of read_cells() end here: the rows move. */
  g_array_sort_with_data (m->rows, compare_rows, m);
  return TRUE;
}

/* ----- writing -------------------------------------------------------------------- */

/* The nights first..last (offsets in the period) of one building, one month. */
typedef struct
{
  Matrix        *m;
  guint          first;
  guint          last;
  NtReportSheet *sheet;
  NtReportValue *values;
  char         **day_titles;
  guint          n_columns;
  guint          day_counts[N_COUNTED][31];
  guint          number;
} Page;

static gboolean
row_in_page (Page       *page,
             const Row  *row)
{
  const guint8 *cells = row->cells;

  for (guint d = page->first; d <= page->last; d++)
    if (cells[d] != NT_NIGHT_NONE)
      return TRUE;
  return FALSE;
}

static void
student_row (Page      *page,
             const Row *row)
{
  const guint8 *cells = row->cells;
  guint n_days = page->last - page->first + 1;
  guint totals[N_COUNTED] = { 0 };
  NtReportValue *v = page->values;

  v[AT_NO] = NT_REPORT_NUMBER (++page->number);
  v[AT_NAME] = NT_REPORT_TEXT (row->name);
  v[AT_CLASS] = NT_REPORT_TEXT (row->class_name);
  v[AT_ROOM] = NT_REPORT_TEXT (row->room);
  for (guint d = 0; d < n_days; d++)
    {
      NtNightStatus status = cells[page->first + d];
      NtReportValue *cell = &v[AT_N_FIXED + d];

      *cell = NT_REPORT_EMPTY;
      if (status <= NT_NIGHT_UNCHECKED)
        continue;
      *cell = nt_report_toned (NT_REPORT_TEXT (page->m->letters[status]), status_tone (status));
      for (guint c = 0; c < N_COUNTED; c++)
        if (counted[c] == status)
          {
            totals[c]++;
            page->day_counts[c][d]++;
          }
    }
  for (guint c = 0; c < N_COUNTED; c++)
    {
      NtReportValue *total = &v[AT_N_FIXED + n_days + c];

      *total = NT_REPORT_NUMBER (totals[c]);
      if (totals[c] > 0 && status_tone (counted[c]) != NT_REPORT_TONE_NONE)
        *total = nt_report_toned (*total, status_tone (counted[c]));
    }
  nt_report_add_row (page->sheet, v);
}

/* The nights' totals, one row per status, and the chart of the absences. */
static void
total_rows (Page *page)
{
  guint n_days = page->last - page->first + 1;
  NtReportValue *v = page->values;
  guint absent_row = 0;

  for (guint c = 0; c < N_COUNTED; c++)
    {
      guint sum = 0;

      v[AT_NO] = nt_report_toned (NT_REPORT_EMPTY, NT_REPORT_TONE_TOTAL);
      v[AT_NAME] = nt_report_toned (NT_REPORT_TEXT (status_title (counted[c])), NT_REPORT_TONE_TOTAL);
      v[AT_CLASS] = nt_report_toned (NT_REPORT_TEXT (page->m->letters[counted[c]]), NT_REPORT_TONE_TOTAL);
      v[AT_ROOM] = nt_report_toned (NT_REPORT_EMPTY, NT_REPORT_TONE_TOTAL);
      for (guint d = 0; d < n_days; d++)
        {
          v[AT_N_FIXED + d] = nt_report_toned (NT_REPORT_NUMBER (page->day_counts[c][d]), NT_REPORT_TONE_TOTAL);
          sum += page->day_counts[c][d];
        }
      for (guint t = 0; t < N_COUNTED; t++)
        v[AT_N_FIXED + n_days + t] = nt_report_toned (t == c ? NT_REPORT_NUMBER (sum) : NT_REPORT_EMPTY,
                                                      NT_REPORT_TONE_TOTAL);
      if (counted[c] == NT_NIGHT_ABSENT)
        absent_row = nt_report_sheet_get_row (page->sheet);
      nt_report_add_row (page->sheet, v);
    }

  {
    /* TRANSLATORS: the legend under the attendance matrix; the letters
     * must be those of the matrix (C: có mặt, P: có phép, O: ốm, V: vắng,
     * M: về muộn; ô trống: chưa điểm danh) */
    g_autofree char *legend = g_strdup_printf (_("%s: present, %s: on leave, %s: sick, %s: absent, %s: late; empty: not checked"),
                                               page->m->letters[NT_NIGHT_PRESENT], page->m->letters[NT_NIGHT_LEAVE],
                                               page->m->letters[NT_NIGHT_SICK], page->m->letters[NT_NIGHT_ABSENT],
                                               page->m->letters[NT_NIGHT_LATE]);
    nt_report_add_group_row (page->sheet, legend);
  }
  nt_report_add_chart (page->sheet, NT_REPORT_CHART_COLUMN,
                       /* TRANSLATORS: the title of the chart under the attendance matrix (Số học sinh vắng mỗi đêm) */
                       _("Students absent per night"),
                       nt_report_sheet_get_header_row (page->sheet), absent_row,
                       AT_N_FIXED, AT_N_FIXED + n_days - 1);
}

static NtReportSheet *
add_page_sheet (NtReport   *report,
                Page       *page,
                const Row  *row,
                gboolean    several_months)
{
  Matrix *m = page->m;
  guint n_days = page->last - page->first + 1;
  g_autofree NtReportColumn *columns = g_new0 (NtReportColumn, page->n_columns);
  g_autofree char *first = nt_reports_day_after (m->from, (int) page->first);
  g_autofree char *last = nt_reports_day_after (m->from, (int) page->last);
  g_autoptr(GDate) first_date = nt_date_from_iso (first);
  int month = g_date_get_month (first_date);
  int year = g_date_get_year (first_date);
  gboolean whole_month = g_date_get_day (first_date) == 1 &&
                         (guint) g_date_get_days_in_month (month, year) == n_days;
  const char *building = g_hash_table_lookup (m->buildings, &row->building_id);
  g_autofree char *sheet_name = NULL;
  g_autofree char *subtitle = NULL;
  NtReportSheet *sheet;

  /* TRANSLATORS: the column of row numbers in a list (STT) */
  columns[AT_NO] = (NtReportColumn) { _("No."), 4.5, NT_REPORT_ALIGN_CENTER };
  columns[AT_NAME] = (NtReportColumn) { _("Full name"), 22, NT_REPORT_ALIGN_LEFT };
  columns[AT_CLASS] = (NtReportColumn) { _("Class"), 6, NT_REPORT_ALIGN_CENTER };
  columns[AT_ROOM] = (NtReportColumn) { _("Room"), 6, NT_REPORT_ALIGN_CENTER };
  for (guint d = 0; d < n_days; d++)
    {
      g_autofree char *day = nt_reports_day_after (m->from, (int) (page->first + d));

      /* The day of the month, "01" to "31", kept for the sheet's life. */
      columns[AT_N_FIXED + d] = (NtReportColumn) { page->day_titles[atoi (day + 8) - 1], 3.3, NT_REPORT_ALIGN_CENTER };
    }
  for (guint c = 0; c < N_COUNTED; c++)
    columns[AT_N_FIXED + n_days + c] = (NtReportColumn) { status_title (counted[c]), 6.5, NT_REPORT_ALIGN_CENTER };

  if (whole_month)
    /* TRANSLATORS: the subtitle of the attendance matrix: building, month, year (Nhà A - tháng 11/2026) */
    subtitle = g_strdup_printf (_("%s - month %d/%d"), building, month, year);
  else
    {
      g_autofree char *period = nt_reports_period_line (first, last);
      /* TRANSLATORS: the subtitle of the attendance matrix: building, period (Nhà A - từ ngày … đến ngày …) */
      subtitle = g_strdup_printf (_("%s - %s"), building, period);
    }
  sheet_name = several_months ? g_strdup_printf ("%s %02d-%d", building, month, year)
                              : g_strdup (building);
  sheet = nt_report_add_sheet (report, sheet_name, _(nt_reports_find ("attendance")->title), subtitle,
                               columns, page->n_columns, NT_REPORT_LANDSCAPE);
  nt_report_sheet_freeze (sheet, AT_N_FIXED);
  return sheet;
}

/* The sheets of one month segment (nights first..last of the period). */
static gboolean
write_month (NtReport           *report,
             Matrix             *m,
             guint               first,
             guint               last,
             gboolean            several_months,
             char              **day_titles,
             NtReportsProgress  *progress,
             gboolean           *any,
             GError            **error)
{
  guint n_days = last - first + 1;
  guint n_columns = AT_N_FIXED + n_days + N_COUNTED;
  g_autofree NtReportValue *values = g_new0 (NtReportValue, n_columns);
  Page page = { 0 };

  page.m = m;
  page.first = first;
  page.last = last;
  page.values = values;
  page.day_titles = day_titles;
  page.n_columns = n_columns;

  for (guint i = 0; i < m->rows->len; i++)
    {
      const Row *row = &g_array_index (m->rows, Row, i);

      if (page.sheet != NULL && i > 0 && g_array_index (m->rows, Row, i - 1).building_id != row->building_id)
        {
          total_rows (&page);
          page.sheet = NULL;
        }
      if (!row_in_page (&page, row))
        continue;
      if (page.sheet == NULL)
        {
          memset (page.day_counts, 0, sizeof page.day_counts);
          page.number = 0;
          page.sheet = add_page_sheet (report, &page, row, several_months);
          *any = TRUE;
        }
      student_row (&page, row);
      if (!nt_reports_progress_step (progress, error))
        return FALSE;
    }
  if (page.sheet != NULL)
    total_rows (&page);
  return TRUE;
}

/**
 * nt_report_attendance:
 *
 * BẢNG ĐIỂM DANH TỐI: for options->from to options->to (the current month
 * by default; one end only: that end's month), a sheet per building (or
 * only options->building_id) and month, students × nights, with the
 * totals of each student and each night and a chart of the absences per
 * night.  A4 landscape, as wide as the page.
 */
gboolean
nt_report_attendance (NtStore                *store,
                      const NtReportOptions  *options,
                      const char             *path,
                      GCancellable           *cancellable,
                      NtProgressFunc          progress_func,
                      gpointer                progress_data,
                      GError                **error)
{
  NtReportsProgress progress = { cancellable, progress_func, progress_data, 0, 0 };
  g_auto(Matrix) m = { 0 };
  g_autoptr(NtReport) report = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *building = NULL;
  char *day_titles[31];
  NtReportOptions defaults = { 0 };
  gboolean any = FALSE;
  gboolean several_months;
  guint first = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    options = &defaults;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!nt_reports_period (options, NT_REPORTS_PERIOD_MONTH, &from, &to, error) ||
      !nt_reports_building_check (store, options->building_id, &building, error))
    return FALSE;

  m.store = store;
  m.from = from;
  m.to = to;
  m.n_days = (guint) nt_reports_days_between (from, to) + 1;
  m.rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_array_set_clear_func (m.rows, (GDestroyNotify) row_clear);
  for (NtNightStatus s = NT_NIGHT_NONE; s <= NT_NIGHT_LATE; s++)
    m.letters[s] = nt_report_attendance_letter (nt_night_status_to_string (s));
  m.buildings = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  if (!read_matrix (&m, options->building_id, error))
    return FALSE;

  report = nt_reports_open (store, options, path, error);
  if (report == NULL)
    return FALSE;
  several_months = strncmp (from, to, 7) != 0;
  /* A row per student and month, about. */
  progress.total = (gint64) m.rows->len *
                   ((atoi (to) - atoi (from)) * 12 + atoi (to + 5) - atoi (from + 5) + 1);
  for (guint d = 0; d < 31; d++)
    day_titles[d] = g_strdup_printf ("%u", d + 1);

  /* Month by month: a sheet is a month at most, to print on one page wide. */
  for (guint d = 0; d < m.n_days && ok; d++)
    {
      g_autofree char *day = nt_reports_day_after (from, (int) d);
      g_autofree char *next = nt_reports_day_after (from, (int) d + 1);

      if (d + 1 == m.n_days || strncmp (day, next, 7) != 0)
        {
          ok = write_month (report, &m, first, d, several_months, day_titles, &progress, &any, error);
          first = d + 1;
        }
    }
  if (ok && !any)
    {
      const NtReportColumn columns[] = {
        { _("No."), 5, NT_REPORT_ALIGN_CENTER },
        { _("Full name"), 26, NT_REPORT_ALIGN_LEFT },
        { _("Class"), 8, NT_REPORT_ALIGN_CENTER },
        { _("Room"), 8, NT_REPORT_ALIGN_CENTER },
      };
      g_autofree char *period = nt_reports_period_line (from, to);
      g_autofree char *subtitle = building ? g_strdup_printf (_("%s - %s"), building, period)
                                           : g_steal_pointer (&period);
      NtReportSheet *sheet = nt_report_add_sheet (report,
                                                  /* TRANSLATORS: the name of a sheet (tab) of the report */
                                                  _("Attendance"),
                                                  _(nt_reports_find ("attendance")->title), subtitle,
                                                  columns, G_N_ELEMENTS (columns), NT_REPORT_LANDSCAPE);
      /* TRANSLATORS: the only row of the attendance matrix of a period without checks */
      nt_report_add_group_row (sheet, _("There was no night check in this period."));
    }
  for (guint d = 0; d < 31; d++)
    g_free (day_titles[d]);
  if (!ok)
    return FALSE;
  return nt_reports_finish (report, &progress, error);
}
