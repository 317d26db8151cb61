/* nt-report-night-summary.c: the summary of the night checks
 * (tổng hợp điểm danh tối) for a night or a period
 *
 * Three sheets: each night by building and floor, the period by building
 * and floor (nt_night_check_summary()), and the period by class.  The
 * floor is the one of each entry's bed that night; the class is the
 * student's class now.
 */
#define G_LOG_DOMAIN "nt-report-night-summary"

#include "nt-i18n.h"
#include "nt-night-checks.h"
#include "nt-report.h"
#include "nt-reports.h"
#include "nt-reports-private.h"
#include "nt-util.h"

/* The counts, in the order of their columns (and of the queries). */
enum { N_EXPECTED, N_PRESENT, N_LEAVE, N_SICK, N_ABSENT, N_LATE, N_UNCHECKED, N_COUNTS };

#define COUNTS_SQL \
  "count(*), sum (e.status = 'present'), sum (e.status = 'leave'), sum (e.status = 'sick'), " \
  "sum (e.status = 'absent'), sum (e.status = 'late'), count(*) - count(e.status)"

#define ENTRIES_SQL \
  "FROM night_check_entries e JOIN night_checks k ON k.id = e.check_id " \
  "JOIN buildings bl ON bl.id = k.building_id " \
  "LEFT JOIN beds d ON d.id = e.bed_id LEFT JOIN rooms r ON r.id = d.room_id " \
  "WHERE k.night BETWEEN ?1 AND ?2 AND (?3 = 0 OR k.building_id = ?3) "

/* The titles of the count columns, translated. */
static void
count_columns (NtReportColumn *columns)
{
  /* TRANSLATORS: a column of the night-check summary: students expected (Sĩ số) */
  columns[N_EXPECTED] = (NtReportColumn) { _("Expected"), 9, NT_REPORT_ALIGN_CENTER };
  columns[N_PRESENT] = (NtReportColumn) { _("Present"), 9, NT_REPORT_ALIGN_CENTER };
  columns[N_LEAVE] = (NtReportColumn) { _("On leave"), 9, NT_REPORT_ALIGN_CENTER };
  columns[N_SICK] = (NtReportColumn) { _("Sick"), 9, NT_REPORT_ALIGN_CENTER };
  columns[N_ABSENT] = (NtReportColumn) { _("Absent"), 9, NT_REPORT_ALIGN_CENTER };
  columns[N_LATE] = (NtReportColumn) { _("Late"), 9, NT_REPORT_ALIGN_CENTER };
  /* TRANSLATORS: a column of the night-check summary (Chưa điểm danh) */
  columns[N_UNCHECKED] = (NtReportColumn) { _("Not checked"), 10, NT_REPORT_ALIGN_CENTER };
}

/* The counts into @values, added to @totals; the absent and the not
 * checked stand out. */
static void
count_values (NtReportValue *values,
              const guint   *counts,
              guint         *totals,
              NtReportTone   tone)
{
  for (guint c = 0; c < N_COUNTS; c++)
    {
      NtReportTone t = tone;

      if (t == NT_REPORT_TONE_NONE && counts[c] > 0)
        t = c == N_ABSENT ? NT_REPORT_TONE_BAD : c == N_UNCHECKED ? NT_REPORT_TONE_NOTICE : NT_REPORT_TONE_NONE;
      values[c] = nt_report_toned (NT_REPORT_NUMBER (counts[c]), t);
      if (totals)
        totals[c] += counts[c];
    }
}

static void
read_counts (sqlite3_stmt *stmt,
             int           first,
             guint        *counts)
{
  for (guint c = 0; c < N_COUNTS; c++)
    counts[c] = (guint) sqlite3_column_int (stmt, first + (int) c);
}

/* A total row: the label in the first column, the other label columns empty. */
static void
total_row (NtReportSheet *sheet,
           guint          n_labels,
           const guint   *totals)
{
  NtReportValue values[3 + N_COUNTS];

  g_assert (n_labels <= 3);
  for (guint i = 0; i < n_labels; i++)
    values[i] = nt_report_toned (i == 0 ? NT_REPORT_TEXT (_("Total")) : NT_REPORT_EMPTY, NT_REPORT_TONE_TOTAL);
  count_values (values + n_labels, totals, NULL, NT_REPORT_TONE_TOTAL);
  nt_report_add_row (sheet, values);
}

static char *
floor_text (int floor)
{
  return floor > 0 ? g_strdup_printf ("%d", floor) : g_strdup ("");
}

/* ----- each night by building and floor ------------------------------------------ */

typedef struct
{
  NtReportSheet *sheet;
  guint          totals[N_COUNTS];
} Rows;

static void
night_row (sqlite3_stmt *stmt,
           guint         number,
           gpointer      data)
{
  Rows *rows = data;
  NtReportValue values[3 + N_COUNTS];
  guint counts[N_COUNTS];
  g_autofree char *floor = floor_text (sqlite3_column_int (stmt, 2));

  values[0] = NT_REPORT_DATE (nt_reports_column_text (stmt, 0));
  values[1] = NT_REPORT_TEXT (nt_reports_column_text (stmt, 1));
  values[2] = NT_REPORT_TEXT (floor);
  read_counts (stmt, 3, counts);
  count_values (values + 3, counts, rows->totals, NT_REPORT_TONE_NONE);
  nt_report_add_row (rows->sheet, values);
}

static gboolean
by_night (NtStore            *store,
          NtReport           *report,
          const char         *title,
          const char         *subtitle,
          const char         *from,
          const char         *to,
          gint64              building_id,
          NtReportsProgress  *progress,
          GError            **error)
{
  NtReportColumn columns[3 + N_COUNTS] = {
    /* TRANSLATORS: a column of the night-check summary: the date of the night (Đêm) */
    { _("Night"), 12, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column: a dorm building (Nhà) */
    { _("Building"), 14, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column: a floor of a building (Tầng) */
    { _("Floor"), 6, NT_REPORT_ALIGN_CENTER },
  };
  sqlite3_stmt *stmt;
  Rows rows = { 0 };

  count_columns (columns + 3);
  rows.sheet = nt_report_add_sheet (report,
                                    /* TRANSLATORS: the name of a sheet (tab) of the report */
                                    _("By night"), title, subtitle,
                                    columns, G_N_ELEMENTS (columns), NT_REPORT_PORTRAIT);
  stmt = nt_store_prepare (store,
                           "SELECT k.night, bl.name, ifnull (r.floor, 0), " COUNTS_SQL " "
                           ENTRIES_SQL
                           "GROUP BY k.night, k.building_id, ifnull (r.floor, 0) "
                           "ORDER BY k.night, bl.name, k.building_id, ifnull (r.floor, 0)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, building_id);
  if (!nt_reports_each_row (store, stmt, progress, night_row, &rows, error))
    return FALSE;
  if (nt_report_sheet_get_n_rows (rows.sheet) == 0)
    /* TRANSLATORS: the only row of a night-check summary without checks */
    nt_report_add_group_row (rows.sheet, _("There was no night check in this period."));
  else
    total_row (rows.sheet, 3, rows.totals);
  return TRUE;
}

/* ----- the period by building and floor ------------------------------------------ */

static gboolean
by_building (NtStore            *store,
             NtReport           *report,
             const char         *title,
             const char         *subtitle,
             const char         *from,
             const char         *to,
             gint64              building_id,
             GError            **error)
{
  NtReportColumn columns[3 + N_COUNTS] = {
    { _("Building"), 14, NT_REPORT_ALIGN_LEFT },
    { _("Floor"), 6, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the night-check summary: how many checks (Số lượt điểm danh) */
    { _("Checks"), 9, NT_REPORT_ALIGN_CENTER },
  };
  g_autoptr(GListStore) summary = nt_night_check_summary (store, from, to, error);
  guint totals[N_COUNTS] = { 0 };
  NtReportSheet *sheet;
  guint n;

  if (summary == NULL)
    return FALSE;
  count_columns (columns + 3);
  sheet = nt_report_add_sheet (report,
                               /* TRANSLATORS: the name of a sheet (tab) of the report */
                               _("By building"), title, subtitle,
                               columns, G_N_ELEMENTS (columns), NT_REPORT_PORTRAIT);
  n = g_list_model_get_n_items (G_LIST_MODEL (summary));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtNightSummary) s = g_list_model_get_item (G_LIST_MODEL (summary), i);
      g_autofree char *floor = floor_text (s->floor);
      guint counts[N_COUNTS] = { s->expected, s->present, s->leave, s->sick, s->absent, s->late, s->unchecked };
      NtReportValue values[3 + N_COUNTS];

      if (building_id != 0 && s->building_id != building_id)
        continue;
      values[0] = NT_REPORT_TEXT (s->building_name);
      values[1] = NT_REPORT_TEXT (floor);
      values[2] = NT_REPORT_NUMBER (s->n_checks);
      count_values (values + 3, counts, totals, NT_REPORT_TONE_NONE);
      nt_report_add_row (sheet, values);
    }
  if (nt_report_sheet_get_n_rows (sheet) == 0)
    nt_report_add_group_row (sheet, _("There was no night check in this period."));
  else
    /* No total of the checks: a check of a whole building is counted on
     * each of its floors. */
    total_row (sheet, 3, totals);
  return TRUE;
}

/* ----- the period by class ------------------------------------------------------- */

static void
class_row (sqlite3_stmt *stmt,
           guint         number,
           gpointer      data)
{
  Rows *rows = data;
  NtReportValue values[2 + N_COUNTS];
  guint counts[N_COUNTS];

  values[0] = NT_REPORT_TEXT (nt_reports_column_text (stmt, 0));
  values[1] = NT_REPORT_NUMBER (sqlite3_column_int (stmt, 1));
  read_counts (stmt, 2, counts);
  count_values (values + 2, counts, rows->totals, NT_REPORT_TONE_NONE);
  nt_report_add_row (rows->sheet, values);
}

static gboolean
by_class (NtStore            *store,
          NtReport           *report,
          const char         *title,
          const char         *subtitle,
          const char         *from,
          const char         *to,
          gint64              building_id,
          NtReportsProgress  *progress,
          GError            **error)
{
  NtReportColumn columns[2 + N_COUNTS] = {
    { _("Class"), 10, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the night-check summary by class: how many
     * students were checked (Số học sinh) */
    { _("Students"), 9, NT_REPORT_ALIGN_CENTER },
  };
  sqlite3_stmt *stmt;
  Rows rows = { 0 };
  NtReportValue values[2 + N_COUNTS];
  gint64 n_students;

  count_columns (columns + 2);
  /* TRANSLATORS: a column of the night-check summary by class: how many
   * student-nights were expected (Lượt) */
  columns[2 + N_EXPECTED].title = _("Student-nights");
  rows.sheet = nt_report_add_sheet (report,
                                    /* TRANSLATORS: the name of a sheet (tab) of the report */
                                    _("By class"), title, subtitle,
                                    columns, G_N_ELEMENTS (columns), NT_REPORT_PORTRAIT);
  stmt = nt_store_prepare (store,
                           "SELECT c.name, count(DISTINCT e.student_id), " COUNTS_SQL " "
                           "FROM night_check_entries e JOIN night_checks k ON k.id = e.check_id "
                           "JOIN students s ON s.id = e.student_id LEFT JOIN classes c ON c.id = s.class_id "
                           "WHERE k.night BETWEEN ?1 AND ?2 AND (?3 = 0 OR k.building_id = ?3) "
                           "GROUP BY s.class_id "
                           "ORDER BY c.grade, length (c.name), c.name, c.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, building_id);
  if (!nt_reports_each_row (store, stmt, progress, class_row, &rows, error))
    return FALSE;
  if (nt_report_sheet_get_n_rows (rows.sheet) == 0)
    {
      nt_report_add_group_row (rows.sheet, _("There was no night check in this period."));
      return TRUE;
    }

  /* The students of the total are counted once, whatever their class. */
  stmt = nt_store_prepare (store,
                           "SELECT count(DISTINCT e.student_id) "
                           "FROM night_check_entries e JOIN night_checks k ON k.id = e.check_id "
                           "WHERE k.night BETWEEN ?1 AND ?2 AND (?3 = 0 OR k.building_id = ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, building_id);
  if (!nt_reports_check_step (store, stmt, sqlite3_step (stmt), error))
    return FALSE;
  n_students = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  values[0] = nt_report_toned (NT_REPORT_TEXT (_("Total")), NT_REPORT_TONE_TOTAL);
  values[1] = nt_report_toned (NT_REPORT_NUMBER (n_students), NT_REPORT_TONE_TOTAL);
  count_values (values + 2, rows.totals, NULL, NT_REPORT_TONE_TOTAL);
  nt_report_add_row (rows.sheet, values);
  return TRUE;
}

/**
 * nt_report_night_summary:
 *
 * TỔNG HỢP ĐIỂM DANH TỐI: for options->from to options->to (one end only:
 * that night; none: the night of a check started now), and one building
 * or all: each night by building and floor, the period by building and
 * floor, and the period by class; expected, present, on leave, sick,
 * absent, late and not checked, with their totals.
 */
gboolean
nt_report_night_summary (NtStore                *store,
                         const NtReportOptions  *options,
                         const char             *path,
                         GCancellable           *cancellable,
                         NtProgressFunc          progress_func,
                         gpointer                progress_data,
                         GError                **error)
{
  NtReportsProgress progress = { cancellable, progress_func, progress_data, 0, 0 };
  const char *title = _(nt_reports_find ("night-summary")->title);
  NtReportOptions defaults = { 0 };
  g_autoptr(NtReport) report = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *building = NULL;
  g_autofree char *period = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    options = &defaults;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (options->from == NULL && options->to == NULL)
    {
      /* The night a supervisor would check now: yesterday's until 06:00. */
      g_autofree char *night = nt_night_check_default_night ();
      NtReportOptions tonight = *options;

      tonight.from = night;
      if (!nt_reports_period (&tonight, NT_REPORTS_PERIOD_TODAY, &from, &to, error))
        return FALSE;
    }
  else if (!nt_reports_period (options, NT_REPORTS_PERIOD_TODAY, &from, &to, error))
    return FALSE;
  if (!nt_reports_building_check (store, options->building_id, &building, error))
    return FALSE;

  report = nt_reports_open (store, options, path, error);
  if (report == NULL)
    return FALSE;
  period = nt_reports_period_line (from, to);
  if (g_strcmp0 (from, to) == 0)
    {
      /* TRANSLATORS: the subtitle of the night-check summary of one night (Đêm 05/11/2026) */
      g_autofree char *night = g_strdup_printf (_("Night of %s"), period);
      subtitle = building ? g_strdup_printf (_("%s - %s"), building, night) : g_steal_pointer (&night);
    }
  else
    subtitle = building ? g_strdup_printf (_("%s - %s"), building, period) : g_strdup (period);
  progress.total = nt_reports_days_between (from, to) + 1;

  if (!by_night (store, report, title, subtitle, from, to, options->building_id, &progress, error) ||
      !by_building (store, report, title, subtitle, from, to, options->building_id, error) ||
      !by_class (store, report, title, subtitle, from, to, options->building_id, &progress, error))
    return FALSE;
  return nt_reports_finish (report, &progress, error);
}
