/* nt-report-register.c: the boarding-student register (sổ quản lý học sinh nội trú)
 *
 * The brief asks for the layout of the appendix of Circular 27/2011/TT-BGDĐT.
 * What could be confirmed: Circular 27/2011/TT-BGDĐT of 27/06/2011 issues the
 * "Quy chế công tác học sinh, sinh viên nội trú tại các cơ sở giáo dục thuộc
 * hệ thống giáo dục quốc dân" (the rules for boarding pupils and students);
 * the organisation rules of the ethnic boarding schools (trường PTDTNT) are a
 * different circular (01/2016/TT-BGDĐT, since replaced by 04/2023/TT-BGDĐT).
 * What could NOT be confirmed, for want of the official text at hand: that
 * Circular 27/2011 has an appendix with a register form at all, and if so its
 * columns, their order and wording, and whether it numbers the students across
 * the whole book or class by class.  The columns below are those the school
 * asked for, in that order; check them against the text on vbpl.vn before a
 * release and change only the column table if they differ.
 */
#define G_LOG_DOMAIN "nt-report-register"

#include "nt-i18n.h"
#include "nt-priority.h"
#include "nt-report.h"
#include "nt-reports.h"
#include "nt-reports-private.h"
#include "nt-student.h"
#include "nt-util.h"

enum
{
  RG_NO,
  RG_NAME,
  RG_BIRTH,
  RG_GENDER,
  RG_ETHNICITY,
  RG_PERSONAL_ID,
  RG_HOME,
  RG_GUARDIAN,
  RG_PHONE,
  RG_PRIORITY,
  RG_ROOM,
  RG_SINCE,
  RG_NOTES,
  RG_N
};

/* The columns of the query below, in order. */
enum
{
  Q_NAME,
  Q_BIRTH,
  Q_GENDER,
  Q_ETHNICITY,
  Q_PERSONAL_ID,
  Q_ADDRESS,
  Q_COMMUNE,
  Q_GUARDIAN,
  Q_PHONE,
  Q_PRIORITY,
  Q_BUILDING,
  Q_ROOM,
  Q_BED,
  Q_SINCE,
  Q_NOTES,
};

static void
register_row (NtReportSheet *sheet,
              sqlite3_stmt  *stmt,
              guint          number)
{
  g_autofree char *home = nt_reports_home_place (nt_reports_column_text (stmt, Q_ADDRESS),
                                                 nt_reports_column_text (stmt, Q_COMMUNE));
  g_autofree char *priority = nt_priority_labels (nt_reports_column_text (stmt, Q_PRIORITY));
  g_autofree char *room = NULL;
  NtReportValue values[RG_N];

  if (sqlite3_column_type (stmt, Q_ROOM) != SQLITE_NULL)
    /* TRANSLATORS: where a boarder sleeps: building, room number, bed label
     * ("Nhà A - phòng A101 - giường 2") */
    room = g_strdup_printf (_("%s - room %s - bed %s"),
                            nt_reports_column_text (stmt, Q_BUILDING),
                            nt_reports_column_text (stmt, Q_ROOM),
                            nt_reports_column_text (stmt, Q_BED));

  values[RG_NO] = NT_REPORT_NUMBER (number);
  values[RG_NAME] = NT_REPORT_TEXT (nt_reports_column_text (stmt, Q_NAME));
  values[RG_BIRTH] = NT_REPORT_DATE (nt_reports_column_text (stmt, Q_BIRTH));
  values[RG_GENDER] = NT_REPORT_TEXT (nt_gender_label (nt_reports_column_text (stmt, Q_GENDER)));
  values[RG_ETHNICITY] = NT_REPORT_TEXT (nt_reports_column_text (stmt, Q_ETHNICITY));
  values[RG_PERSONAL_ID] = NT_REPORT_TEXT (nt_reports_column_text (stmt, Q_PERSONAL_ID));
  values[RG_HOME] = NT_REPORT_TEXT (home);
  values[RG_GUARDIAN] = NT_REPORT_TEXT (nt_reports_column_text (stmt, Q_GUARDIAN));
  values[RG_PHONE] = NT_REPORT_TEXT (nt_reports_column_text (stmt, Q_PHONE));
  values[RG_PRIORITY] = NT_REPORT_TEXT (priority);
  values[RG_ROOM] = NT_REPORT_TEXT (room);
  values[RG_SINCE] = room ? NT_REPORT_DATE (nt_reports_column_text (stmt, Q_SINCE)) : NT_REPORT_EMPTY;
  values[RG_NOTES] = NT_REPORT_TEXT (nt_reports_column_text (stmt, Q_NOTES));
  nt_report_add_row (sheet, values);
}

static void
class_register_row (sqlite3_stmt *stmt,
                    guint         number,
                    gpointer      sheet)
{
  register_row (sheet, stmt, number);
}

static gboolean
register_by_class (NtStore            *store,
                   NtReportSheet      *sheet,
                   NtReportsProgress  *progress,
                   GError            **error)
{
  /* Class by class as the students report does. */
  return nt_reports_by_class (store, sheet,
                              "SELECT s.full_name, s.birth_date, s.gender, s.ethnicity, s.personal_id, "
                              "s.home_address, s.home_commune, s.guardian_name, s.guardian_phone, "
                              "s.priority, b.name, r.number, d.label, " NT_REPORTS_STAY_START ", "
                              "s.health_notes FROM students s "
                              "LEFT JOIN bed_assignments a ON a.student_id = s.id AND a.end_date IS NULL "
                              "LEFT JOIN beds d ON d.id = a.bed_id "
                              "LEFT JOIN rooms r ON r.id = d.room_id "
                              "LEFT JOIN buildings b ON b.id = r.building_id "
                              "WHERE s.class_id = ?1 AND " NT_REPORTS_BOARDER " "
                              "ORDER BY s.name_key, s.id",
                              progress, class_register_row, sheet, error);
}

/**
 * nt_report_register:
 *
 * SỔ QUẢN LÝ HỌC SINH NỘI TRÚ: every active boarding student, grouped by
 * class, numbered within the class, with identity, permanent residence,
 * parent or guardian, priority categories, the bed of the open assignment
 * and the first day of the current stay in the dorm, and the health notes.
 * A4 landscape.
 */
gboolean
nt_report_register (NtStore                *store,
                    const NtReportOptions  *options,
                    const char             *path,
                    GCancellable           *cancellable,
                    NtProgressFunc          progress_func,
                    gpointer                progress_data,
                    GError                **error)
{
  const NtReportColumn columns[RG_N] = {
    [RG_NO] = { _("No."), 5, NT_REPORT_ALIGN_CENTER },
    [RG_NAME] = { _("Full name"), 22, NT_REPORT_ALIGN_LEFT },
    [RG_BIRTH] = { _("Date of birth"), 11, NT_REPORT_ALIGN_CENTER },
    [RG_GENDER] = { _("Gender"), 7, NT_REPORT_ALIGN_CENTER },
    [RG_ETHNICITY] = { _("Ethnicity"), 9, NT_REPORT_ALIGN_LEFT },
    [RG_PERSONAL_ID] = { _("Personal identification number"), 15, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the boarding register (Hộ khẩu thường trú) */
    [RG_HOME] = { _("Permanent residence"), 28, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the boarding register (Họ tên cha/mẹ (người giám hộ)) */
    [RG_GUARDIAN] = { _("Parent's name (guardian)"), 20, NT_REPORT_ALIGN_LEFT },
    [RG_PHONE] = { _("Phone"), 13, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the boarding register (Diện ưu tiên) */
    [RG_PRIORITY] = { _("Priority category"), 22, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the boarding register: building, room and bed (Phòng ở) */
    [RG_ROOM] = { _("Accommodation"), 20, NT_REPORT_ALIGN_LEFT },
    /* TRANSLATORS: a column of the boarding register: the first day of the stay (Ngày vào ở) */
    [RG_SINCE] = { _("Moved in on"), 11, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of a list (Ghi chú) */
    [RG_NOTES] = { _("Remarks"), 18, NT_REPORT_ALIGN_LEFT },
  };
  NtReportOptions defaults = { 0 };
  NtReportsProgress progress = { cancellable, progress_func, progress_data, 0, 0 };
  g_autoptr(NtReport) report = NULL;
  g_autofree char *subtitle = NULL;
  NtReportSheet *sheet;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    options = &defaults;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  report = nt_reports_open (store, options, path, error);
  if (report == NULL)
    return FALSE;

  progress.total = nt_store_count (store, "SELECT count(*) FROM students s WHERE " NT_REPORTS_BOARDER);
  subtitle = nt_reports_school_year_line (store);
  sheet = nt_report_add_sheet (report,
                               /* TRANSLATORS: the name of a sheet (tab) of the report */
                               _("Register"),
                               _(nt_reports_find ("register")->title), subtitle,
                               columns, RG_N, NT_REPORT_LANDSCAPE);
  if (!register_by_class (store, sheet, &progress, error))
    return FALSE;
  if (nt_report_sheet_get_n_rows (sheet) == 0)
    /* TRANSLATORS: the only row of the register of a school without boarders */
    nt_report_add_group_row (sheet, _("There are no boarding students."));
  return nt_reports_finish (report, &progress, error);
}
