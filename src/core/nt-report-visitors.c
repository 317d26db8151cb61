/* nt-report-visitors.c: the gate book (sổ theo dõi khách ra vào)
 *
 * Every visit that came in during the period, in the order they came: who,
 * whom they visited, whether a known relative, why, in and out, the guard.
 * A visitor of a student not on the student's list stands out; one still
 * inside is marked so.
 */
#define G_LOG_DOMAIN "nt-report-visitors"

#include "nt-i18n.h"
#include "nt-leaves.h"
#include "nt-report.h"
#include "nt-reports.h"
#include "nt-reports-private.h"
#include "nt-util.h"

enum
{
  VI_NO,
  VI_NAME,
  VI_ID_NUMBER,
  VI_PHONE,
  VI_VISITED,
  VI_CLASS,
  VI_RELATION,
  VI_KNOWN,
  VI_PURPOSE,
  VI_IN,
  VI_OUT,
  VI_GUARD,
  VI_N
};

enum
{
  Q_NAME,
  Q_ID_NUMBER,
  Q_PHONE,
  Q_STUDENT,
  Q_STAFF,
  Q_CLASS,
  Q_RELATION,
  Q_ALLOWED,
  Q_PURPOSE,
  Q_IN,
  Q_OUT,
  Q_GUARD,
};

static void
visitor_row (sqlite3_stmt *stmt,
             guint         number,
             gpointer      sheet)
{
  gboolean student = sqlite3_column_type (stmt, Q_STUDENT) != SQLITE_NULL;
  gboolean allowed = sqlite3_column_int (stmt, Q_ALLOWED) != 0;
  gboolean inside = sqlite3_column_type (stmt, Q_OUT) == SQLITE_NULL;
  g_autofree char *in_at = nt_leave_time_to_display (nt_reports_column_text (stmt, Q_IN));
  g_autofree char *out_at = nt_leave_time_to_display (nt_reports_column_text (stmt, Q_OUT));
  NtReportValue values[VI_N];

  values[VI_NO] = NT_REPORT_NUMBER (number);
  values[VI_NAME] = NT_REPORT_TEXT (nt_reports_column_text (stmt, Q_NAME));
  values[VI_ID_NUMBER] = NT_REPORT_TEXT (nt_reports_column_text (stmt, Q_ID_NUMBER));
  values[VI_PHONE] = NT_REPORT_TEXT (nt_reports_column_text (stmt, Q_PHONE));
  values[VI_VISITED] = NT_REPORT_TEXT (nt_reports_column_text (stmt, student ? Q_STUDENT : Q_STAFF));
  values[VI_CLASS] = NT_REPORT_TEXT (nt_reports_column_text (stmt, Q_CLASS));
  values[VI_RELATION] = NT_REPORT_TEXT (nt_reports_column_text (stmt, Q_RELATION));
  if (!student)
    values[VI_KNOWN] = NT_REPORT_EMPTY;
  else if (allowed)
    /* TRANSLATORS: the visitor is on the student's list of allowed visitors (Có) */
    values[VI_KNOWN] = nt_report_toned (NT_REPORT_TEXT (C_("allowed visitor", "Yes")), NT_REPORT_TONE_GOOD);
  else
    /* TRANSLATORS: the visitor is not on the student's list of allowed visitors (Không) */
    values[VI_KNOWN] = nt_report_toned (NT_REPORT_TEXT (C_("allowed visitor", "No")), NT_REPORT_TONE_WARN);
  values[VI_PURPOSE] = NT_REPORT_TEXT (nt_reports_column_text (stmt, Q_PURPOSE));
  values[VI_IN] = NT_REPORT_TEXT (in_at);
  if (inside)
    /* TRANSLATORS: in the gate book, a visitor who has not gone out (Chưa ra) */
    values[VI_OUT] = nt_report_toned (NT_REPORT_TEXT (_("Still inside")), NT_REPORT_TONE_NOTICE);
  else
    values[VI_OUT] = NT_REPORT_TEXT (out_at);
  values[VI_GUARD] = NT_REPORT_TEXT (nt_reports_column_text (stmt, Q_GUARD));
  nt_report_add_row (sheet, values);
}

/**
 * nt_report_visitors:
 *
 * SỔ THEO DÕI KHÁCH RA VÀO: the visits that came in from options->from to
 * options->to (the current month by default), of the students of
 * options->building_id (by their bed now) or every visit, in the order
 * they came. A4 landscape.
 */
gboolean
nt_report_visitors (NtStore                *store,
                    const NtReportOptions  *options,
                    const char             *path,
                    GCancellable           *cancellable,
                    NtProgressFunc          progress_func,
                    gpointer                progress_data,
                    GError                **error)
{
  const NtReportColumn columns[VI_N] = {
    [VI_NO] = { _("No."), 5, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the gate book: the visitor's name (Họ tên khách) */
    [VI_NAME] = { _("Visitor"), 20, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the gate book (Số CCCD/CMND) */
    [VI_ID_NUMBER] = { _("ID number"), 14, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the gate book (Điện thoại) */
    [VI_PHONE] = { _("Phone"), 12, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the gate book: the student or staff member visited (Người được thăm) */
    [VI_VISITED] = { _("Visiting"), 20, NT_REPORT_ALIGN_LEFT },
    [VI_CLASS] = { _("Class"), 7, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the gate book (Quan hệ) */
    [VI_RELATION] = { _("Relation"), 10, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the gate book: on the student's allowed list (Người thân đã đăng ký) */
    [VI_KNOWN] = { _("On the list"), 9, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the gate book (Mục đích) */
    [VI_PURPOSE] = { _("Purpose"), 16, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the gate book (Giờ vào) */
    [VI_IN] = { _("In"), 16, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the gate book (Giờ ra) */
    [VI_OUT] = { _("Out"), 16, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the gate book (Bảo vệ trực) */
    [VI_GUARD] = { _("Guard"), 18, NT_REPORT_ALIGN_LEFT },
  };
  NtReportsProgress progress = { cancellable, progress_func, progress_data, 0, 0 };
  g_autoptr(NtReport) report = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *building = NULL;
  NtReportSheet *sheet;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!nt_reports_begin_period (&options, cancellable, NT_REPORTS_PERIOD_MONTH, &from, &to, error) ||
      !nt_reports_building_check (store, options->building_id, &building, error))
    return FALSE;

  stmt = nt_store_prepare (store,
                           "SELECT v.name, v.id_number, v.phone, s.full_name, sf.full_name, c.name, v.relation, "
                           "  v.allowed, v.purpose, v.in_at, v.out_at, g.full_name "
                           "FROM visitors v LEFT JOIN students s ON s.id = v.visit_student_id "
                           "LEFT JOIN classes c ON c.id = s.class_id "
                           "LEFT JOIN bed_assignments a ON a.student_id = s.id AND a.end_date IS NULL "
                           "LEFT JOIN beds b ON b.id = a.bed_id LEFT JOIN rooms r ON r.id = b.room_id "
                           "LEFT JOIN staff sf ON sf.id = v.visit_staff_id "
                           "LEFT JOIN staff g ON g.id = v.guard_id "
                           "WHERE v.in_at >= ?1 || ' 00:00' AND v.in_at <= ?2 || ' 23:59' "
                           "  AND (?3 = 0 OR r.building_id = ?3) "
                           "ORDER BY v.in_at, v.id", error);
  if (stmt == NULL)
    return FALSE;
  report = nt_reports_open (store, options, path, error);
  if (report == NULL)
    return FALSE;

  sheet = nt_reports_building_period_sheet (report, "visitors",
                                            /* TRANSLATORS: the name of a sheet (tab) of the report (Khách ra vào) */
                                            _("Visitors"),
                                            building, from, to, columns, VI_N, NT_REPORT_LANDSCAPE);
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, options->building_id);
  if (!nt_reports_each_row (store, stmt, &progress, visitor_row, sheet, error))
    return FALSE;
  if (nt_report_sheet_get_n_rows (sheet) == 0)
    /* TRANSLATORS: the only row of the gate book of a period without visitors */
    nt_report_add_group_row (sheet, _("No visitors in this period."));
  return nt_reports_finish (report, &progress, error);
}
