/* nt-report-room-scores.c: the room competition (thi đua phòng ở)
 *
 * Three sheets: the rooms ranked, the buildings ranked with a chart of
 * their scores, and every inspection of the period with its score per
 * criterion. The ranking is nt_inspections_ranking()'s, so the window and
 * the paper agree.
 */
#define G_LOG_DOMAIN "nt-report-room-scores"

#include <string.h>

#include "nt-i18n.h"
#include "nt-inspections.h"
#include "nt-report.h"
#include "nt-reports.h"
#include "nt-reports-private.h"
#include "nt-util.h"

enum
{
  RS_RANK,
  RS_BUILDING,
  RS_ROOM,
  RS_COUNT,
  RS_SCORE,
  RS_VERDICT,
  RS_N
};

/* The columns of the buildings' ranking. */
enum { BS_RANK, BS_BUILDING, BS_ROOMS, BS_SCORE, BS_N };

static NtReportValue
verdict (NtRanked *r)
{
  if (r->praise)
    /* TRANSLATORS: the verdict of a room in the competition (Tuyên dương) */
    return nt_report_toned (NT_REPORT_TEXT (_("Praise")), NT_REPORT_TONE_GOOD);
  if (r->remind)
    /* TRANSLATORS: the verdict of a room in the competition (Nhắc nhở) */
    return nt_report_toned (NT_REPORT_TEXT (_("Remind")), NT_REPORT_TONE_WARN);
  return NT_REPORT_EMPTY;
}

static void
ranking_sheet (NtReportSheet *sheet,
               GListStore    *ranking,
               gboolean       rooms)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (ranking));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtRanked) r = g_list_model_get_item (G_LIST_MODEL (ranking), i);
      NtReportValue v[RS_N];

      v[RS_RANK] = NT_REPORT_NUMBER (r->rank);
      v[RS_BUILDING] = NT_REPORT_TEXT (rooms ? r->building_name : r->name);
      v[RS_ROOM] = rooms ? NT_REPORT_TEXT (r->name) : NT_REPORT_EMPTY;
      v[RS_COUNT] = NT_REPORT_NUMBER (r->n_inspections);
      v[RS_SCORE] = NT_REPORT_NUMBER (r->score);
      v[RS_VERDICT] = rooms ? verdict (r) : NT_REPORT_EMPTY;
      if (!rooms)
        {
          /* The buildings' sheet has no room and no verdict column. */
          NtReportValue b[BS_N] = { [BS_RANK] = v[RS_RANK], [BS_BUILDING] = v[RS_BUILDING],
                                    [BS_ROOMS] = v[RS_COUNT], [BS_SCORE] = v[RS_SCORE] };

          nt_report_add_row (sheet, b);
          continue;
        }
      nt_report_add_row (sheet, v);
    }
  if (n == 0)
    /* TRANSLATORS: the only row of the room ranking of a period without inspections */
    nt_report_add_group_row (sheet, _("No room was inspected in this period."));
}

/* The chart sheet: one column per building, its score below its name. */
static void
chart_sheet (NtReport   *report,
             GListStore *buildings,
             const char *subtitle)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (buildings));
  g_autofree NtReportColumn *columns = NULL;
  g_autofree NtReportValue *values = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  NtReportSheet *sheet;
  guint row;

  if (n == 0)
    return;
  columns = g_new0 (NtReportColumn, n + 1);
  values = g_new0 (NtReportValue, n + 1);
  /* TRANSLATORS: the first column of the chart sheet of the room competition (Khu nhà) */
  columns[0] = (NtReportColumn) { _("Building"), 16, NT_REPORT_ALIGN_LEFT };
  /* TRANSLATORS: the row of scores under the buildings' names (Điểm trung bình, %) */
  values[0] = NT_REPORT_TEXT (_("Mean score (%)"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtRanked) r = g_list_model_get_item (G_LIST_MODEL (buildings), i);

      g_ptr_array_add (names, g_strdup (r->name));
      columns[i + 1] = (NtReportColumn) { g_ptr_array_index (names, i), 12, NT_REPORT_ALIGN_CENTER };
      values[i + 1] = NT_REPORT_NUMBER (r->score);
    }
  sheet = nt_report_add_sheet (report,
                               /* TRANSLATORS: the name of a sheet (tab) of the report (Biểu đồ) */
                               _("Chart"),
                               /* TRANSLATORS: a title, upper case as on a document (BIỂU ĐỒ THI ĐUA CÁC KHU NHÀ) */
                               _("COMPETITION OF THE BUILDINGS"), subtitle,
                               columns, n + 1, NT_REPORT_PORTRAIT);
  row = nt_report_sheet_get_row (sheet);
  nt_report_add_row (sheet, values);
  nt_report_add_chart (sheet, NT_REPORT_CHART_COLUMN,
                       /* TRANSLATORS: the title of the chart of the buildings' scores */
                       _("Mean score of the rooms (%)"),
                       nt_report_sheet_get_header_row (sheet), row, 1, n);
}

/* The inspections sheet: a column per criterion used in the period. */
static gboolean
detail_sheet (NtStore            *store,
              NtReport           *report,
              const char         *from,
              const char         *to,
              const char         *subtitle,
              NtReportsProgress  *progress,
              GError            **error)
{
  g_autoptr(GArray) criteria = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) columns = g_array_new (FALSE, TRUE, sizeof (NtReportColumn));
  g_autofree NtReportValue *values = NULL;
  g_autoptr(GHashTable) row_points = g_hash_table_new (g_int64_hash, g_int64_equal);
  NtReportSheet *sheet;
  sqlite3_stmt *stmt;
  guint n_fixed = 4;
  guint n_columns;
  gint64 current = 0;
  g_autofree char *date = NULL;
  g_autofree char *building = NULL;
  g_autofree char *room = NULL;
  g_autofree char *note = NULL;
  int total = 0;
  guint number = 0;
  int rc;
  g_autofree int *points = NULL;

  stmt = nt_store_prepare (store,
                           "SELECT DISTINCT c.id, c.name, c.max_points FROM room_inspection_scores sc "
                           "JOIN room_inspections i ON i.id = sc.inspection_id "
                           "JOIN inspection_criteria c ON c.id = sc.criterion_id "
                           "WHERE i.date BETWEEN ?1 AND ?2 ORDER BY c.position, c.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  {
    NtReportColumn fixed[] = {
      /* TRANSLATORS: a column of the inspections sheet (Ngày) */
      { _("Date"), 11, NT_REPORT_ALIGN_CENTER },
      /* TRANSLATORS: a column of the inspections sheet (Khu nhà) */
      { _("Building"), 12, NT_REPORT_ALIGN_LEFT },
      { _("Room"), 7, NT_REPORT_ALIGN_CENTER },
      /* TRANSLATORS: a column of the inspections sheet (Tổng điểm) */
      { _("Total"), 9, NT_REPORT_ALIGN_CENTER },
    };
    g_array_append_vals (columns, fixed, n_fixed);
  }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      char *name = g_strdup_printf ("%s (%d)", sqlite3_column_text (stmt, 1), sqlite3_column_int (stmt, 2));
      NtReportColumn col = { name, 12, NT_REPORT_ALIGN_CENTER };

      g_array_append_val (criteria, id);
      g_ptr_array_add (names, name);
      g_array_append_val (columns, col);
    }
  if (!nt_reports_check_step (store, stmt, rc, error))
    return FALSE;
  sqlite3_reset (stmt);
  {
    /* TRANSLATORS: a column of the inspections sheet (Ghi chú) */
    NtReportColumn col = { _("Note"), 24, NT_REPORT_ALIGN_LEFT };

    g_array_append_val (columns, col);
  }
  n_columns = columns->len;
  values = g_new0 (NtReportValue, n_columns);
  points = g_new0 (int, MAX (criteria->len, 1));
  for (guint i = 0; i < criteria->len; i++)
    g_hash_table_insert (row_points, &g_array_index (criteria, gint64, i), GUINT_TO_POINTER (i + 1));

  sheet = nt_report_add_sheet (report,
                               /* TRANSLATORS: the name of a sheet (tab) of the report (Chi tiết kiểm tra) */
                               _("Inspections"),
                               /* TRANSLATORS: a title, upper case as on a document (KẾT QUẢ KIỂM TRA NỀ NẾP PHÒNG Ở) */
                               _("RESULTS OF THE ROOM INSPECTIONS"), subtitle,
                               (NtReportColumn *) columns->data, n_columns, NT_REPORT_LANDSCAPE);

  stmt = nt_store_prepare (store,
                           "SELECT i.id, i.date, b.name, r.number, i.note, sc.criterion_id, sc.points, c.max_points "
                           "FROM room_inspections i JOIN rooms r ON r.id = i.room_id "
                           "JOIN buildings b ON b.id = r.building_id "
                           "JOIN room_inspection_scores sc ON sc.inspection_id = i.id "
                           "JOIN inspection_criteria c ON c.id = sc.criterion_id "
                           "WHERE i.date BETWEEN ?1 AND ?2 "
                           "ORDER BY i.date, b.name, length (r.number), r.number, i.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  for (;;)
    {
      gint64 id;

      rc = sqlite3_step (stmt);
      id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
      if (current != 0 && id != current)
        {
          values[0] = NT_REPORT_DATE (date);
          values[1] = NT_REPORT_TEXT (building);
          values[2] = NT_REPORT_TEXT (room);
          values[3] = NT_REPORT_NUMBER (total);
          for (guint i = 0; i < criteria->len; i++)
            values[n_fixed + i] = points[i] >= 0 ? NT_REPORT_NUMBER (points[i]) : NT_REPORT_EMPTY;
          values[n_columns - 1] = NT_REPORT_TEXT (note);
          nt_report_add_row (sheet, values);
          number++;
          if (!nt_reports_progress_step (progress, error))
            {
              sqlite3_reset (stmt);
              return FALSE;
            }
        }
      if (rc != SQLITE_ROW)
        break;
      if (id != current)
        {
          current = id;
          nt_set_str (&date, nt_reports_column_text (stmt, 1));
          nt_set_str (&building, nt_reports_column_text (stmt, 2));
          nt_set_str (&room, nt_reports_column_text (stmt, 3));
          nt_set_str (&note, nt_reports_column_text (stmt, 4));
          total = 0;
          for (guint i = 0; i < criteria->len; i++)
            points[i] = -1;
        }
      {
        gint64 criterion = sqlite3_column_int64 (stmt, 5);
        guint at = GPOINTER_TO_UINT (g_hash_table_lookup (row_points, &criterion));

        if (at > 0)
          points[at - 1] = sqlite3_column_int (stmt, 6);
        total += sqlite3_column_int (stmt, 6);
      }
    }
  if (!nt_reports_check_step (store, stmt, rc, error))
    return FALSE;
  sqlite3_reset (stmt);
  if (number == 0)
    nt_report_add_group_row (sheet, _("No room was inspected in this period."));
  return TRUE;
}

/**
 * nt_report_room_scores:
 *
 * KẾT QUẢ THI ĐUA PHÒNG Ở: the rooms and the buildings ranked on the
 * inspections from options->from to options->to (the current month by
 * default), a chart of the buildings, and every inspection by criterion.
 */
gboolean
nt_report_room_scores (NtStore                *store,
                       const NtReportOptions  *options,
                       const char             *path,
                       GCancellable           *cancellable,
                       NtProgressFunc          progress_func,
                       gpointer                progress_data,
                       GError                **error)
{
  const NtReportColumn columns[RS_N] = {
    /* TRANSLATORS: a column of the competition ranking (Xếp hạng) */
    [RS_RANK] = { _("Rank"), 7, NT_REPORT_ALIGN_CENTER },
    [RS_BUILDING] = { _("Building"), 16, NT_REPORT_ALIGN_LEFT },
    [RS_ROOM] = { _("Room"), 8, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the competition ranking: how many inspections (Số lần kiểm tra) */
    [RS_COUNT] = { C_("column", "Inspections"), 11, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the competition ranking (Điểm, %) */
    [RS_SCORE] = { _("Score (%)"), 10, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the competition ranking (Đánh giá) */
    [RS_VERDICT] = { _("Verdict"), 12, NT_REPORT_ALIGN_CENTER },
  };
  NtReportOptions defaults = { 0 };
  NtReportsProgress progress = { cancellable, progress_func, progress_data, 0, 0 };
  g_autoptr(NtReport) report = NULL;
  g_autoptr(GListStore) rooms = NULL;
  g_autoptr(GListStore) buildings = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *rule = NULL;
  NtReportSheet *sheet;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    options = &defaults;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!nt_reports_period (options, NT_REPORTS_PERIOD_MONTH, &from, &to, error))
    return FALSE;
  rooms = nt_inspections_ranking (store, NT_RANKING_ROOMS, from, to, error);
  if (rooms == NULL)
    return FALSE;
  buildings = nt_inspections_ranking (store, NT_RANKING_BUILDINGS, from, to, error);
  if (buildings == NULL)
    return FALSE;
  report = nt_reports_open (store, options, path, error);
  if (report == NULL)
    return FALSE;

  subtitle = nt_reports_period_line (from, to);
  sheet = nt_report_add_sheet (report,
                               /* TRANSLATORS: the name of a sheet (tab) of the report (Xếp hạng phòng) */
                               _("Rooms"),
                               _(nt_reports_find ("room-scores")->title), subtitle,
                               columns, RS_N, NT_REPORT_PORTRAIT);
  ranking_sheet (sheet, rooms, TRUE);
  /* TRANSLATORS: the rule under the ranking; %.0f are the praise and remind thresholds */
  rule = g_strdup_printf (_("Score: the mean of the room's inspections, as a percentage of the points. "
                            "Equal scores share a rank. Praise from %.0f %%, remind below %.0f %%."),
                          NT_INSPECTIONS_PRAISE_SCORE, NT_INSPECTIONS_REMIND_SCORE);
  nt_report_add_group_row (sheet, rule);

  {
    const NtReportColumn bcols[BS_N] = {
      [BS_RANK] = columns[RS_RANK],
      [BS_BUILDING] = columns[RS_BUILDING],
      /* TRANSLATORS: a column of the buildings' ranking: how many rooms were ranked (Số phòng) */
      [BS_ROOMS] = { C_("column", "Rooms"), 11, NT_REPORT_ALIGN_CENTER },
      [BS_SCORE] = columns[RS_SCORE],
    };

    sheet = nt_report_add_sheet (report,
                                 /* TRANSLATORS: the name of a sheet (tab) of the report (Xếp hạng khu nhà) */
                                 _("Buildings"),
                                 _(nt_reports_find ("room-scores")->title), subtitle,
                                 bcols, BS_N, NT_REPORT_PORTRAIT);
    ranking_sheet (sheet, buildings, FALSE);
  }
  chart_sheet (report, buildings, subtitle);
  if (!detail_sheet (store, report, from, to, subtitle, &progress, error))
    return FALSE;
  return nt_reports_finish (report, &progress, error);
}
