/* nt-report-roster.c: the duty roster of a week or a month (LỊCH TRỰC 24/24)
 *
 * Posts down, days across, a week a block: seven day columns are what an
 * A4 landscape page shows legibly, and a principal reads a roster week by
 * week.  Each cell lists the shifts of the post that day, one line each
 * ("Ca 1: Nguyễn Văn A"); a shift nobody covers says so in red.  A roster
 * with gaps still prints (it is better on the wall than not at all), but
 * its first line says how many gaps there are.
 */
#define G_LOG_DOMAIN "nt-report-roster"

#include <string.h>

#include "nt-date.h"
#include "nt-i18n.h"
#include "nt-report.h"
#include "nt-reports.h"
#include "nt-reports-private.h"
#include "nt-roster-private.h"
#include "nt-util.h"

#define DAYS_A_WEEK 7

/* The printed height, in points before the grid is shrunk to the page's
 * width, of a line of text (Times New Roman 12), of what a page holds
 * (A4 landscape less the margins, the grid shrunk to about 72 %), and of
 * the title block above the grid on the first page.  Rough, but enough to
 * start a page at a week rather than cut one in two. */
#define LINE_POINTS  15.75
#define PAGE_POINTS  640.0
#define TITLE_POINTS (8 * LINE_POINTS + 33)

/* The post column, then Monday to Sunday. */
enum { RS_POST, RS_FIRST_DAY, RS_N = RS_FIRST_DAY + DAYS_A_WEEK };

/* One post's day: its shifts' lines, and whether one of them is short. */
typedef struct
{
  GString  *lines;
  guint     n_lines;
  gboolean  empty;   /* a shift with nobody on it */
  gboolean  short_;  /* a shift with fewer people than the post needs */
} Day;

static void
day_free (gpointer data)
{
  Day *day = data;

  g_string_free (day->lines, TRUE);
  g_free (day);
}

typedef struct
{
  NtReportSheet *sheet;
  GPtrArray     *posts;     /* post names, in the grid's order */
  GHashTable    *days;      /* "post name\nISO date" → Day */
  GHashTable    *staff;     /* staff id → TRUE: the people on the roster */
  double         page_used; /* points of the current printed page */
} Grid;

static char *
day_key (const char *post,
         const char *iso)
{
  return g_strconcat (post, "\n", iso, NULL);
}

/* Reads the cells of nt_roster_grid() into one Day per post and date. */
static void
grid_add_cell (Grid         *grid,
               NtRosterCell *c)
{
  g_autofree char *key = day_key (c->post_name, c->date);
  Day *day = g_hash_table_lookup (grid->days, key);

  if (day == NULL)
    {
      day = g_new0 (Day, 1);
      day->lines = g_string_new (NULL);
      g_hash_table_insert (grid->days, g_steal_pointer (&key), day);
      if (grid->posts->len == 0 || !g_str_equal (g_ptr_array_index (grid->posts, grid->posts->len - 1), c->post_name))
        g_ptr_array_add (grid->posts, g_strdup (c->post_name));
    }
  if (day->lines->len > 0)
    g_string_append_c (day->lines, '\n');
  day->n_lines++;
  if (c->staff_ids->len == 0)
    {
      day->empty = TRUE;
      /* TRANSLATORS: a line of a roster cell: a shift nobody is on ("Ca 3: (chưa có người)") */
      g_string_append_printf (day->lines, _("%s: (nobody)"), c->shift_name);
      return;
    }
  if ((int) c->staff_ids->len < c->needed)
    day->short_ = TRUE;
  /* TRANSLATORS: a line of a roster cell: the shift and who is on it ("Ca 1: Nguyễn Văn A") */
  g_string_append_printf (day->lines, _("%s: %s"), c->shift_name, c->staff_names);
  for (guint i = 0; i < c->staff_ids->len; i++)
    g_hash_table_add (grid->staff, g_memdup2 (&g_array_index (c->staff_ids, gint64, i), sizeof (gint64)));
}

/* Starts a printed page before the week of @monday when the week would
 * not fit on the current one: each page then starts with a week's dates. */
static void
break_before_week (Grid *grid,
                   int   monday)
{
  double height = LINE_POINTS;

  for (guint p = 0; p < grid->posts->len; p++)
    {
      guint lines = 1;

      for (int i = 0; i < DAYS_A_WEEK; i++)
        {
          g_autofree char *iso = nt_roster_day_iso (monday + i);
          g_autofree char *key = day_key (g_ptr_array_index (grid->posts, p), iso);
          Day *day = g_hash_table_lookup (grid->days, key);

          if (day != NULL)
            lines = MAX (lines, day->n_lines);
        }
      height += lines * LINE_POINTS;
    }
  if (grid->page_used > TITLE_POINTS && grid->page_used + height > PAGE_POINTS)
    {
      nt_report_add_page_break (grid->sheet);
      grid->page_used = 33;   /* the repeated column titles */
    }
  grid->page_used += height;
}

/* The week of @monday: a row of its dates, then a row per post. */
static void
write_week (Grid       *grid,
            int         monday,
            int         first,
            int         last)
{
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  NtReportValue values[RS_N];

  /* TRANSLATORS: the first cell of the row of a roster week's dates (Ngày) */
  values[RS_POST] = nt_report_toned (NT_REPORT_TEXT (_("Date")), NT_REPORT_TONE_INFO);
  for (int i = 0; i < DAYS_A_WEEK; i++)
    {
      int day = monday + i;
      char *shown = NULL;

      if (day >= first && day <= last)
        {
          g_autofree char *iso = nt_roster_day_iso (day);

          shown = nt_date_iso_to_display (iso);
          g_ptr_array_add (dates, shown);
        }
      values[RS_FIRST_DAY + i] = nt_report_toned (NT_REPORT_TEXT (shown), NT_REPORT_TONE_INFO);
    }
  nt_report_add_row (grid->sheet, values);

  for (guint p = 0; p < grid->posts->len; p++)
    {
      const char *post = g_ptr_array_index (grid->posts, p);

      values[RS_POST] = NT_REPORT_TEXT (post);
      for (int i = 0; i < DAYS_A_WEEK; i++)
        {
          g_autofree char *iso = nt_roster_day_iso (monday + i);
          g_autofree char *key = day_key (post, iso);
          Day *day = g_hash_table_lookup (grid->days, key);

          if (day == NULL)
            values[RS_FIRST_DAY + i] = NT_REPORT_EMPTY;
          else if (day->empty || day->short_)
            values[RS_FIRST_DAY + i] = nt_report_toned (NT_REPORT_TEXT (day->lines->str),
                                                        day->empty ? NT_REPORT_TONE_BAD : NT_REPORT_TONE_WARN);
          else
            values[RS_FIRST_DAY + i] = NT_REPORT_TEXT (day->lines->str);
        }
      nt_report_add_row (grid->sheet, values);
    }
}

/* Writes a row of the phone list whose first @filled columns are set. */
static guint
phones_row (NtReportSheet *sheet,
            NtReportValue *values,
            guint          filled)
{
  for (guint column = filled; column < RS_N; column++)
    values[column] = NT_REPORT_EMPTY;
  nt_report_add_row (sheet, values);
  return 0;
}

/* Under the grid: the phones of everyone on it, four people a row (name,
 * phone, name, phone…), in name order. */
static gboolean
write_phones (NtStore     *store,
              Grid        *grid,
              GError     **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "SELECT id, full_name, phone FROM staff ORDER BY name_key, id", error);
  NtReportValue values[RS_N];
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  guint column = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  /* TRANSLATORS: the heading of the phone list under the roster (Danh bạ điện thoại người trực) */
  nt_report_add_group_row (grid->sheet, _("Phone numbers of the staff on duty"));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (!g_hash_table_contains (grid->staff, &id))
        continue;
      g_ptr_array_add (texts, g_strdup (nt_reports_column_text (stmt, 1)));
      g_ptr_array_add (texts, g_strdup (nt_reports_column_text (stmt, 2)));
      values[column] = NT_REPORT_TEXT (g_ptr_array_index (texts, texts->len - 2));
      values[column + 1] = NT_REPORT_TEXT (g_ptr_array_index (texts, texts->len - 1));
      column += 2;
      if (column + 1 >= RS_N)
        column = phones_row (grid->sheet, values, column);
    }
  if (!nt_reports_check_step (store, stmt, rc, error))
    return FALSE;
  sqlite3_reset (stmt);
  if (column > 0)
    phones_row (grid->sheet, values, column);
  return TRUE;
}

/* The line above the grid of a roster that is not whole; NULL when it is. */
static char *
problems_line (GListStore *problems)
{
  guint gaps = 0, short_ = 0;
  g_autofree char *gaps_text = NULL;
  g_autofree char *short_text = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (problems)); i++)
    {
      g_autoptr(NtRosterProblem) pr = g_list_model_get_item (G_LIST_MODEL (problems), i);

      if (pr->kind == NT_ROSTER_PROBLEM_GAP)
        gaps++;
      else if (pr->kind == NT_ROSTER_PROBLEM_UNDERSTAFFED)
        short_++;
    }
  if (gaps == 0 && short_ == 0)
    return NULL;
  /* TRANSLATORS: part of the warning above an incomplete roster: "3 khoảng trống" */
  gaps_text = g_strdup_printf (ngettext ("%u gap", "%u gaps", gaps), gaps);
  /* TRANSLATORS: part of the warning above an incomplete roster: "2 ca thiếu người" */
  short_text = g_strdup_printf (ngettext ("%u understaffed shift", "%u understaffed shifts", short_), short_);
  /* TRANSLATORS: the warning above an incomplete roster; the %s are "3 gaps" and "2 understaffed shifts" */
  return g_strdup_printf (_("WARNING: this roster is not complete: %s and %s in the period. Fill them in the Roster section before it is signed."),
                          gaps_text, short_text);
}

/**
 * nt_report_roster:
 *
 * LỊCH TRỰC 24/24: the roster of options->from to options->to (the current
 * month by default), posts by days in blocks of a week (Monday to Sunday),
 * each cell the post's shifts that day with the people on them; a phone
 * list of everyone on it below, the principal's signature block last.  A
 * roster with gaps or understaffed shifts is written all the same, with a
 * warning line that counts them above the grid.  A4 landscape, as wide as
 * the page, the column titles repeated on every page.
 */
gboolean
nt_report_roster (NtStore                *store,
                  const NtReportOptions  *options,
                  const char             *path,
                  GCancellable           *cancellable,
                  NtProgressFunc          progress_func,
                  gpointer                progress_data,
                  GError                **error)
{
  NtReportColumn columns[RS_N] = {
    /* TRANSLATORS: the first column of the roster (Vị trí trực) */
    [RS_POST] = { _("Post"), 18, NT_REPORT_ALIGN_WRAP },
  };
  const char *weekdays[DAYS_A_WEEK] = {
    _("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"), _("Saturday"), _("Sunday"),
  };
  NtReportsProgress progress = { cancellable, progress_func, progress_data, 0, 0 };
  g_autoptr(NtReport) report = NULL;
  g_autoptr(GListStore) cells = NULL;
  g_autoptr(GListStore) problems = NULL;
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, day_free);
  g_autoptr(GHashTable) staff = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *warning = NULL;
  Grid grid = { NULL, posts, days, staff, TITLE_POINTS };
  int first, last;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!nt_reports_begin_period (&options, cancellable, NT_REPORTS_PERIOD_MONTH, &from, &to, error))
    return FALSE;
  cells = nt_roster_grid (store, from, to, error);
  if (cells == NULL)
    return FALSE;
  problems = nt_roster_coverage (store, from, to, 0, error);
  if (problems == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (cells)); i++)
    {
      g_autoptr(NtRosterCell) c = g_list_model_get_item (G_LIST_MODEL (cells), i);

      grid_add_cell (&grid, c);
    }

  for (int i = 0; i < DAYS_A_WEEK; i++)
    columns[RS_FIRST_DAY + i] = (NtReportColumn) { weekdays[i], 24, NT_REPORT_ALIGN_WRAP };
  report = nt_reports_open (store, options, path, error);
  if (report == NULL)
    return FALSE;
  grid.sheet = nt_reports_period_sheet (report, "roster",
                                      /* TRANSLATORS: the name of a sheet (tab) of the report */
                                      _("Roster"),
                                      from, to, columns, RS_N, NT_REPORT_LANDSCAPE);
  nt_report_sheet_freeze (grid.sheet, 1);

  warning = problems_line (problems);
  if (warning != NULL)
    nt_report_add_group_row (grid.sheet, warning);
  if (posts->len == 0)
    /* TRANSLATORS: the only row of a roster without posts */
    nt_report_add_group_row (grid.sheet, _("There are no posts to staff yet."));

  first = nt_roster_day_number (from);
  last = nt_roster_day_number (to);
  progress.total = (last - first) / DAYS_A_WEEK + 1;
  /* Julian day 1 was a Monday: the Monday of a day is a multiple of 7 from it. */
  for (int monday = first - (first - 1) % DAYS_A_WEEK; posts->len > 0 && monday <= last; monday += DAYS_A_WEEK)
    {
      break_before_week (&grid, monday);
      write_week (&grid, monday, first, last);
      if (!nt_reports_progress_step (&progress, error))
        return FALSE;
    }
  if (g_hash_table_size (staff) > 0 && !write_phones (store, &grid, error))
    return FALSE;
  return nt_reports_finish (report, &progress, error);
}
