/* nt-report-leave.c: the list of leave (danh sách học sinh xin phép)
 *
 * Every leave that touches the period, current and past, cancelled ones
 * too (the book keeps them), in the order they start.  "Overdue" is
 * judged when the report is written, as everywhere: approved or out, its
 * end passed, not marked back.
 */
#define G_LOG_DOMAIN "nt-report-leave"

#include "nt-i18n.h"
#include "nt-leaves.h"
#include "nt-report.h"
#include "nt-reports.h"
#include "nt-reports-private.h"
#include "nt-util.h"

enum
{
  LV_NO,
  LV_NAME,
  LV_CLASS,
  LV_ROOM,
  LV_FROM,
  LV_TO,
  LV_REASON,
  LV_DESTINATION,
  LV_GUARDIAN,
  LV_PHONE,
  LV_APPROVED_BY,
  LV_STATE,
  LV_OUT_AT,
  LV_RETURNED_AT,
  LV_N
};

/* The columns of the query below, in order. */
enum
{
  Q_NAME,
  Q_CLASS,
  Q_ROOM,
  Q_FROM,
  Q_TO,
  Q_REASON,
  Q_DESTINATION,
  Q_GUARDIAN,
  Q_PHONE,
  Q_APPROVED_BY,
  Q_STATE,
  Q_OVERDUE,
  Q_OUT_AT,
  Q_RETURNED_AT,
};

static NtReportTone
state_tone (const char *state,
            gboolean    overdue)
{
  if (overdue)
    return NT_REPORT_TONE_BAD;
  if (g_strcmp0 (state, "out") == 0)
    return NT_REPORT_TONE_INFO;
  if (g_strcmp0 (state, "requested") == 0)
    return NT_REPORT_TONE_NOTICE;
  return NT_REPORT_TONE_NONE;
}

static void
leave_row (sqlite3_stmt *stmt,
           guint         number,
           gpointer      sheet)
{
  const char *state = nt_reports_column_text (stmt, Q_STATE);
  gboolean overdue = sqlite3_column_int (stmt, Q_OVERDUE) != 0;
  g_autofree char *from = nt_leave_time_to_display (nt_reports_column_text (stmt, Q_FROM));
  g_autofree char *to = nt_leave_time_to_display (nt_reports_column_text (stmt, Q_TO));
  g_autofree char *out_at = nt_leave_time_to_display (nt_reports_column_text (stmt, Q_OUT_AT));
  g_autofree char *returned_at = nt_leave_time_to_display (nt_reports_column_text (stmt, Q_RETURNED_AT));
  NtReportValue values[LV_N];

  values[LV_NO] = NT_REPORT_NUMBER (number);
  values[LV_NAME] = NT_REPORT_TEXT (nt_reports_column_text (stmt, Q_NAME));
  values[LV_CLASS] = NT_REPORT_TEXT (nt_reports_column_text (stmt, Q_CLASS));
  values[LV_ROOM] = NT_REPORT_TEXT (nt_reports_column_text (stmt, Q_ROOM));
  values[LV_FROM] = NT_REPORT_TEXT (from);
  values[LV_TO] = NT_REPORT_TEXT (to);
  values[LV_REASON] = NT_REPORT_TEXT (nt_leave_reason_label (nt_reports_column_text (stmt, Q_REASON)));
  values[LV_DESTINATION] = NT_REPORT_TEXT (nt_reports_column_text (stmt, Q_DESTINATION));
  values[LV_GUARDIAN] = NT_REPORT_TEXT (nt_reports_column_text (stmt, Q_GUARDIAN));
  values[LV_PHONE] = NT_REPORT_TEXT (nt_reports_column_text (stmt, Q_PHONE));
  values[LV_APPROVED_BY] = NT_REPORT_TEXT (nt_reports_column_text (stmt, Q_APPROVED_BY));
  values[LV_STATE] = nt_report_toned (NT_REPORT_TEXT (nt_leave_state_label (overdue ? "overdue" : state)),
                                      state_tone (state, overdue));
  values[LV_OUT_AT] = NT_REPORT_TEXT (out_at);
  values[LV_RETURNED_AT] = NT_REPORT_TEXT (returned_at);
  nt_report_add_row (sheet, values);
}

/**
 * nt_report_leave:
 *
 * DANH SÁCH HỌC SINH XIN PHÉP: every leave that touches the days
 * options->from to options->to (the current month by default; one end
 * only: that end's month), of the students of options->building_id (by
 * their bed now) or of all, in the order they start: the student, the
 * times, the reason and destination, the guardian who asked, who
 * approved, the state ("overdue" judged now) and the times out and back.
 * A4 landscape.
 */
gboolean
nt_report_leave (NtStore                *store,
                 const NtReportOptions  *options,
                 const char             *path,
                 GCancellable           *cancellable,
                 NtProgressFunc          progress_func,
                 gpointer                progress_data,
                 GError                **error)
{
  const NtReportColumn columns[LV_N] = {
    /* TRANSLATORS: the column of row numbers in a list (STT) */
    [LV_NO] = { _("No."), 5, NT_REPORT_ALIGN_CENTER },
    [LV_NAME] = { _("Full name"), 22, NT_REPORT_ALIGN_LEFT },
    [LV_CLASS] = { _("Class"), 7, NT_REPORT_ALIGN_CENTER },
    [LV_ROOM] = { _("Room"), 7, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the leave list: when the leave starts (Từ) */
    [LV_FROM] = { _("From"), 16, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the leave list: when the leave ends (Đến) */
    [LV_TO] = { _("To"), 16, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the leave list (Lý do) */
    [LV_REASON] = { _("Reason"), 12, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the leave list (Nơi đến) */
    [LV_DESTINATION] = { _("Destination"), 16, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the leave list: the parent or guardian who asked (Người xin phép) */
    [LV_GUARDIAN] = { _("Guardian"), 18, NT_REPORT_ALIGN_LEFT },
    [LV_PHONE] = { _("Guardian's phone"), 13, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the leave list (Người duyệt) */
    [LV_APPROVED_BY] = { _("Approved by"), 18, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the leave list (Trạng thái) */
    [LV_STATE] = { _("State"), 11, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the leave list: when the student left the dorm (Giờ đi) */
    [LV_OUT_AT] = { _("Left at"), 16, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the leave list: when the student came back (Giờ về) */
    [LV_RETURNED_AT] = { _("Returned at"), 16, NT_REPORT_ALIGN_CENTER },
  };
  NtReportsProgress progress = { cancellable, progress_func, progress_data, 0, 0 };
  g_autoptr(NtReport) report = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *building = NULL;
  g_autofree char *now = nt_leave_time_now ();
  NtReportSheet *sheet;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!nt_reports_begin_period (&options, cancellable, NT_REPORTS_PERIOD_MONTH, &from, &to, error) ||
      !nt_reports_building_check (store, options->building_id, &building, error))
    return FALSE;

  stmt = nt_store_prepare (store,
                           "SELECT s.full_name, c.name, r.number, l.from_time, l.to_time, l.reason, "
                           "  l.destination, l.guardian_name, l.guardian_phone, st.full_name, l.state, "
                           "  (l.state IN ('approved', 'out') AND l.to_time < ?4), l.out_at, l.returned_at "
                           "FROM leaves l JOIN students s ON s.id = l.student_id "
                           "LEFT JOIN classes c ON c.id = s.class_id "
                           "LEFT JOIN bed_assignments a ON a.student_id = s.id AND a.end_date IS NULL "
                           "LEFT JOIN beds b ON b.id = a.bed_id LEFT JOIN rooms r ON r.id = b.room_id "
                           "LEFT JOIN staff st ON st.id = l.approved_by "
                           "WHERE l.from_time <= ?2 || ' 23:59' AND l.to_time > ?1 || ' 00:00' "
                           "  AND (?3 = 0 OR r.building_id = ?3) "
                           "ORDER BY l.from_time, l.id", error);
  if (stmt == NULL)
    return FALSE;
  report = nt_reports_open (store, options, path, error);
  if (report == NULL)
    return FALSE;

  sheet = nt_reports_building_period_sheet (report, "leave",
                                            /* TRANSLATORS: the name of a sheet (tab) of the report */
                                            _("Leave"),
                                            building, from, to, columns, LV_N, NT_REPORT_LANDSCAPE);
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, options->building_id);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  if (!nt_reports_each_row (store, stmt, &progress, leave_row, sheet, error))
    return FALSE;
  if (nt_report_sheet_get_n_rows (sheet) == 0)
    /* TRANSLATORS: the only row of the leave list of a period without leave */
    nt_report_add_group_row (sheet, _("No leave in this period."));
  return nt_reports_finish (report, &progress, error);
}
