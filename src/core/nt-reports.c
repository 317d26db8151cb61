/* nt-reports.c: the reports of the program, by name */
#define G_LOG_DOMAIN "nt-reports"

#include <string.h>

#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-platform.h"
#include "nt-report.h"
#include "nt-reports.h"
#include "nt-reports-private.h"
#include "nt-school.h"
#include "nt-student.h"
#include "nt-util.h"

static const NtReportInfo reports[] = {
  {
    "students",
    /* TRANSLATORS: a report title, upper case as on a document: DANH SÁCH HỌC SINH NỘI TRÚ */
    N_("LIST OF BOARDING STUDENTS"),
    nt_report_students,
    N_("The boarding students, by class or by room"),
  },
  {
    "rooms",
    /* TRANSLATORS: a report title, upper case as on a document: DANH SÁCH HỌC SINH THEO PHÒNG */
    N_("LIST OF STUDENTS BY ROOM"),
    nt_report_rooms,
    N_("For each building, one block per room with its students by bed, to post on the door"),
  },
  {
    "register",
    /* TRANSLATORS: a report title, upper case as on a document: SỔ QUẢN LÝ HỌC SINH NỘI TRÚ */
    N_("BOARDING STUDENT REGISTER"),
    nt_report_register,
    N_("The register of boarding students by class: identity, family, priority, room and since when"),
  },
  {
    "residence",
    /* TRANSLATORS: a report title, upper case as on a document:
     * DANH SÁCH HỌC SINH ĐĂNG KÝ TẠM TRÚ TẠI KÝ TÚC XÁ */
    N_("LIST OF STUDENTS REGISTERED FOR TEMPORARY RESIDENCE IN THE DORMITORY"),
    nt_report_residence,
    N_("The students living in the dormitory, for the temporary-residence registration with the commune police"),
  },
  {
    "attendance",
    /* TRANSLATORS: a report title, upper case as on a document: BẢNG ĐIỂM DANH TỐI */
    N_("NIGHT ATTENDANCE SHEET"),
    nt_report_attendance,
    N_("Students by nights of the month: a letter per night check, totals per student and per night, a chart of the absences"),
  },
  {
    "night-summary",
    /* TRANSLATORS: a report title, upper case as on a document: TỔNG HỢP ĐIỂM DANH TỐI */
    N_("NIGHT CHECK SUMMARY"),
    nt_report_night_summary,
    N_("Present, on leave, sick, absent and late for each night by building and floor, and by class"),
  },
  {
    "leave",
    /* TRANSLATORS: a report title, upper case as on a document: DANH SÁCH HỌC SINH XIN PHÉP */
    N_("LIST OF STUDENT LEAVE"),
    nt_report_leave,
    N_("The leave of the period, current and past: dates, reason, guardian, who approved it and its state"),
  },
  {
    "meals",
    /* TRANSLATORS: a report title, upper case as on a document: BẢNG BÁO CƠM (SỐ SUẤT ĂN) */
    N_("MEAL COUNT"),
    nt_report_meals,
    N_("For the kitchen: the boarders expected at each meal of each day, by building (tomorrow by default)"),
  },
  {
    "emergency-rolls",
    /* TRANSLATORS: a report title, upper case as on a document: BIÊN BẢN ĐIỂM DANH KHẨN CẤP */
    N_("EMERGENCY ROLL RECORD"),
    nt_report_emergency_rolls,
    N_("The emergency rolls with their times, and everyone on each by building and assembly point (every roll by default)"),
  },
  {
    "incidents",
    /* TRANSLATORS: a report title, upper case as on a document: SỔ THEO DÕI VỤ VIỆC */
    N_("INCIDENT REGISTER"),
    nt_report_incidents,
    N_("Every incident of the period: time, place, category, people involved, actions, guardians and police informed, outcome (the school year by default)"),
  },
  {
    "incident-stats",
    /* TRANSLATORS: a report title, upper case as on a document: THỐNG KÊ VỤ VIỆC */
    N_("INCIDENT STATISTICS"),
    nt_report_incident_stats,
    N_("The incidents of each category by month, how they ended and those reported to the police, with a chart (the school year by default)"),
  },
  {
    "visitors",
    /* TRANSLATORS: a report title, upper case as on a document: SỔ THEO DÕI KHÁCH RA VÀO */
    N_("VISITORS BOOK"),
    nt_report_visitors,
    N_("Everyone who came through the gate in the period: whom they visited, known relative or not, in and out, the guard"),
  },
  {
    "room-scores",
    /* TRANSLATORS: a report title, upper case as on a document: KẾT QUẢ THI ĐUA PHÒNG Ở */
    N_("ROOM COMPETITION RESULTS"),
    nt_report_room_scores,
    N_("Rooms and buildings ranked on the inspections of the period, rooms to praise and to remind, every score by criterion"),
  },
  {
    "dialogues",
    /* TRANSLATORS: a report title, upper case as on a document: TỔNG HỢP ĐỐI THOẠI VỚI HỌC SINH NỘI TRÚ */
    N_("DIALOGUES WITH BOARDERS"),
    nt_report_dialogues,
    N_("The questions and wishes raised at each dialogue, the school's answers, who follows up by when, and what is still open"),
  },
  {
    "roster",
    /* TRANSLATORS: a report title, upper case as on a document: LỊCH TRỰC 24/24 */
    N_("DUTY ROSTER 24/7"),
    nt_report_roster,
    N_("The duty roster of a week or a month: posts by days, who is on each shift, their phones, gaps marked"),
  },
  {
    "duty-counts",
    /* TRANSLATORS: a report title, upper case as on a document: BẢNG TỔNG HỢP SỐ CA TRỰC */
    N_("DUTY COUNTS"),
    nt_report_duty_counts,
    N_("Shifts, nights, weekend shifts and hours of each person in the period, with the least and the most"),
  },
  {
    "handovers",
    /* TRANSLATORS: a report title, upper case as on a document: SỔ GIAO CA */
    N_("HAND-OVER BOOK"),
    nt_report_handovers,
    N_("The hand-over notes of the period: post, shift, who wrote what, what to watch, who took it over and when"),
  },
  {
    "assessment",
    /* TRANSLATORS: a report title, upper case as on a document:
     * BÁO CÁO TỰ ĐÁNH GIÁ TIÊU CHUẨN “AN TOÀN VỀ AN NINH, TRẬT TỰ” */
    N_("SELF-ASSESSMENT AGAINST THE STANDARD “SAFE IN SECURITY AND ORDER”"),
    nt_report_assessment,
    N_("The ANTT self-assessment of the school year and its dossier: each criterion with its result, evidence and figures, the pledge, the plan, the rules in force, the coordination plan and the minutes"),
  },
  {
    "commitments",
    /* TRANSLATORS: a report title, upper case as on a document: SỔ THEO DÕI KÝ CAM KẾT THỰC HIỆN NỘI QUY */
    N_("REGISTER OF RULE COMMITMENTS"),
    nt_report_commitments,
    N_("For each rule set, everyone who must sign it: the version signed, when, the guardian, who collected the form, and who must still sign"),
  },
  {
    "commitment-coverage",
    /* TRANSLATORS: a report title, upper case as on a document: TỔNG HỢP TỶ LỆ KÝ CAM KẾT */
    N_("COMMITMENT COVERAGE SUMMARY"),
    nt_report_commitment_coverage,
    N_("For each rule set, by class and by staff role: signed, not signed, out of date, the share signed against the target of everyone, and the names still to sign"),
  },
  {
    "audit",
    /* TRANSLATORS: a report title, upper case as on a document: NHẬT KÝ THAY ĐỔI DỮ LIỆU */
    N_("AUDIT TRAIL OF CHANGES"),
    nt_report_audit,
    N_("Every change of the period: when, who, which record, the values before and after"),
  },
};

/* ----- the registry --------------------------------------------------------- */

/**
 * nt_reports_list:
 * @n_reports: (out): the number of reports
 *
 * Returns: (array length=n_reports) (transfer none): every report
 */
const NtReportInfo *
nt_reports_list (guint *n_reports)
{
  g_return_val_if_fail (n_reports != NULL, NULL);

  *n_reports = G_N_ELEMENTS (reports);
  return reports;
}

/**
 * nt_reports_find:
 * @name: a report's name ("students")
 *
 * Returns: (nullable) (transfer none): the report called @name
 */
const NtReportInfo *
nt_reports_find (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    if (g_strcmp0 (reports[i].name, name) == 0)
      return &reports[i];
  return NULL;
}

/**
 * nt_reports_write:
 * @name: a report's name
 * @options: (nullable): what the report is for
 * @error: NT_ERROR_NOT_FOUND for an unknown @name, or the report's error
 *
 * Writes the report called @name to @path.
 */
gboolean
nt_reports_write (NtStore                *store,
                  const char             *name,
                  const NtReportOptions  *options,
                  const char             *path,
                  GCancellable           *cancellable,
                  NtProgressFunc          progress,
                  gpointer                progress_data,
                  GError                **error)
{
  const NtReportInfo *info;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  info = nt_reports_find (name);
  if (info == NULL)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
        g_string_append_printf (names, "%s%s", i ? ", " : "", reports[i].name);
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                   _("There is no report “%s”; the reports are: %s"), name, names->str);
      return FALSE;
    }
  if (!info->write (store, options, path, cancellable, progress, progress_data, error))
    return FALSE;
  /* The reports list minors: the file is its owner's alone. */
  return nt_platform_make_private (path, error);
}

/* ----- shared by the reports (nt-reports-private.h) ------------------------------ */

/* One row done; FALSE (and @error set) when the person cancelled. */
gboolean
nt_reports_progress_step (NtReportsProgress  *p,
                          GError            **error)
{
  if (++p->done % NT_REPORTS_PROGRESS_STEP != 0)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (p->cancellable, error))
    return FALSE;
  if (p->func && p->total > 0)
    p->func (MIN (1.0, (double) p->done / p->total), p->data);
  return TRUE;
}

void
nt_reports_progress_done (NtReportsProgress *p)
{
  if (p->func)
    p->func (1.0, p->data);
}

const char *
nt_reports_column_text (sqlite3_stmt *stmt,
                        int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

char *
nt_reports_school_year_line (NtStore *store)
{
  g_autoptr(NtSchoolInfo) info = nt_school_get (store);

  if (info == NULL || nt_str_empty (info->school_year))
    return NULL;
  return g_strdup_printf (_("School year %s"), info->school_year);
}

NtReport *
nt_reports_open (NtStore                *store,
                 const NtReportOptions  *options,
                 const char             *path,
                 GError                **error)
{
  NtReport *report = nt_report_new (store, path, error);

  if (report && options && options->date)
    nt_report_set_date (report, options->date);
  return report;
}

gboolean
nt_reports_check_step (NtStore       *store,
                       sqlite3_stmt  *stmt,
                       int            rc,
                       GError       **error)
{
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  /* TRANSLATORS: completes "Could not %s: …" */
  nt_store_set_error (store, error, _("read the data of the report"));
  sqlite3_reset (stmt);
  return FALSE;
}

/* Steps @stmt through its rows, calling @func on each and counting it in
 * @progress, and resets it.  FALSE (and @error set) when a step failed or
 * the person cancelled. */
gboolean
nt_reports_each_row (NtStore            *store,
                     sqlite3_stmt       *stmt,
                     NtReportsProgress  *progress,
                     NtReportsRowFunc    func,
                     gpointer            data,
                     GError            **error)
{
  guint number = 0;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      func (stmt, ++number, data);
      if (!nt_reports_progress_step (progress, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  if (!nt_reports_check_step (store, stmt, rc, error))
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

typedef struct
{
  NtReportSheet    *sheet;
  const char       *name;
  NtReportsRowFunc  func;
  gpointer          data;
} ClassRows;

static void
class_row (sqlite3_stmt *stmt,
           guint         number,
           gpointer      data)
{
  ClassRows *rows = data;

  if (number == 1)
    {
      g_autofree char *group = g_strdup_printf (_("Class %s"), rows->name);
      nt_report_add_group_row (rows->sheet, group);
    }
  rows->func (stmt, number, rows->data);
}

/* The students of each class under a group row "Class 10A1", numbered
 * within the class; a class without students gets no group row.
 * @students_sql selects the students of the class ?1.  Class by class, so
 * that the students of each come in name order straight from the index
 * students_class (class_id, name_key): no sort of the whole school. */
gboolean
nt_reports_by_class (NtStore            *store,
                     NtReportSheet      *sheet,
                     const char         *students_sql,
                     NtReportsProgress  *progress,
                     NtReportsRowFunc    func,
                     gpointer            data,
                     GError            **error)
{
  sqlite3_stmt *classes = nt_store_prepare (store,
                                            "SELECT id, name FROM classes "
                                            "ORDER BY grade, length(name), name, id", error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *students;
  int rc;

  if (classes == NULL)
    return FALSE;
  while ((rc = sqlite3_step (classes)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (classes, 0);
      g_array_append_val (ids, id);
      g_ptr_array_add (names, g_strdup (nt_reports_column_text (classes, 1)));
    }
  if (!nt_reports_check_step (store, classes, rc, error))
    return FALSE;
  sqlite3_reset (classes);

  students = nt_store_prepare (store, students_sql, error);
  if (students == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      ClassRows rows = { sheet, names->pdata[i], func, data };

      sqlite3_bind_int64 (students, 1, g_array_index (ids, gint64, i));
      if (!nt_reports_each_row (store, students, progress, class_row, &rows, error))
        return FALSE;
    }
  return TRUE;
}

/* Writes the file; the progress reaches its end only once it is written. */
gboolean
nt_reports_finish (NtReport           *report,
                   NtReportsProgress  *progress,
                   GError            **error)
{
  if (!nt_report_finish (report, error))
    return FALSE;
  nt_reports_progress_done (progress);
  return TRUE;
}

/* Text compared without regard to case or Unicode composition. */
static char *
comparable (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);

  return g_utf8_casefold (nfc ? nfc : "", -1);
}

/* A student's permanent residence as one line: the address, then the
 * commune unless the address already names it ("Bản Nà Tăm" and "xã Bản
 * Hon" give "Bản Nà Tăm, xã Bản Hon").
 *
 * Returns: (transfer full): the line, "" when both are empty */
char *
nt_reports_home_place (const char *address,
                       const char *commune)
{
  g_autofree char *a = g_strstrip (g_strdup (address ? address : ""));
  g_autofree char *c = g_strstrip (g_strdup (commune ? commune : ""));
  g_autofree char *a_cmp = NULL;
  g_autofree char *c_cmp = NULL;

  if (c[0] == '\0')
    return g_steal_pointer (&a);
  if (a[0] == '\0')
    return g_steal_pointer (&c);
  a_cmp = comparable (a);
  c_cmp = comparable (c);
  if (strstr (a_cmp, c_cmp) != NULL)
    return g_steal_pointer (&a);
  return g_strconcat (a, ", ", c, NULL);
}

/* ----- students: the boarding students, by class or by room ------------------------ */

enum { ST_NO, ST_CODE, ST_NAME, ST_GENDER, ST_BIRTH, ST_CLASS, ST_ETHNICITY, ST_ROOM, ST_PHONE, ST_N };

/* The columns of a student's row in both groupings:
 * code, full name, gender, birth date, class, ethnicity, room, guardian's phone. */
static void
student_row (NtReportSheet *sheet,
             sqlite3_stmt  *stmt,
             int            first,
             guint          number)
{
  NtReportValue values[ST_N];

  values[ST_NO] = NT_REPORT_NUMBER (number);
  values[ST_CODE] = NT_REPORT_TEXT (nt_reports_column_text (stmt, first));
  values[ST_NAME] = NT_REPORT_TEXT (nt_reports_column_text (stmt, first + 1));
  values[ST_GENDER] = NT_REPORT_TEXT (nt_gender_label (nt_reports_column_text (stmt, first + 2)));
  values[ST_BIRTH] = NT_REPORT_DATE (nt_reports_column_text (stmt, first + 3));
  values[ST_CLASS] = NT_REPORT_TEXT (nt_reports_column_text (stmt, first + 4));
  values[ST_ETHNICITY] = NT_REPORT_TEXT (nt_reports_column_text (stmt, first + 5));
  values[ST_ROOM] = NT_REPORT_TEXT (nt_reports_column_text (stmt, first + 6));
  values[ST_PHONE] = NT_REPORT_TEXT (nt_reports_column_text (stmt, first + 7));
  nt_report_add_row (sheet, values);
}

#define STUDENT_FIELDS "s.code, s.full_name, s.gender, s.birth_date, c.name, s.ethnicity, r.number, s.guardian_phone"
#define BOARDER NT_REPORTS_BOARDER

static void
class_student_row (sqlite3_stmt *stmt,
                   guint         number,
                   gpointer      sheet)
{
  student_row (sheet, stmt, 0, number);
}

static gboolean
students_by_class (NtStore           *store,
                   NtReportSheet     *sheet,
                   NtReportsProgress *progress,
                   GError           **error)
{
  return nt_reports_by_class (store, sheet,
                              "SELECT " STUDENT_FIELDS " FROM students s "
                              "JOIN classes c ON c.id = s.class_id "
                              "LEFT JOIN bed_assignments a ON a.student_id = s.id AND a.end_date IS NULL "
                              "LEFT JOIN beds d ON d.id = a.bed_id "
                              "LEFT JOIN rooms r ON r.id = d.room_id "
                              "WHERE s.class_id = ?1 AND " BOARDER " "
                              "ORDER BY s.name_key, s.id",
                              progress, class_student_row, sheet, error);
}

typedef struct
{
  NtReportSheet *sheet;
  gint64         room;
  guint          number;
} RoomRows;

/* A student in a bed: a group row for each room, numbered within it. */
static void
room_student_row (sqlite3_stmt *stmt,
                  guint         number,
                  gpointer      data)
{
  RoomRows *rows = data;

  if (sqlite3_column_int64 (stmt, 0) != rows->room)
    {
      /* TRANSLATORS: a group of a list: the room's number, the building's name ("Phòng A101 - Nhà A") */
      g_autofree char *group = g_strdup_printf (_("Room %s - %s"), nt_reports_column_text (stmt, 1), nt_reports_column_text (stmt, 2));
      nt_report_add_group_row (rows->sheet, group);
      rows->room = sqlite3_column_int64 (stmt, 0);
      rows->number = 0;
    }
  student_row (rows->sheet, stmt, 3, ++rows->number);
}

static void
roomless_student_row (sqlite3_stmt *stmt,
                      guint         number,
                      gpointer      sheet)
{
  if (number == 1)
    /* TRANSLATORS: the group of boarders without a bed (Chưa xếp phòng) */
    nt_report_add_group_row (sheet, _("No room yet"));
  student_row (sheet, stmt, 0, number);
}

static gboolean
students_by_room (NtStore           *store,
                  gint64             building_id,
                  NtReportSheet     *sheet,
                  NtReportsProgress *progress,
                  GError           **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "SELECT r.id, r.number, b.name, " STUDENT_FIELDS " "
                                         "FROM bed_assignments a "
                                         "JOIN beds d ON d.id = a.bed_id "
                                         "JOIN rooms r ON r.id = d.room_id "
                                         "JOIN buildings b ON b.id = r.building_id "
                                         "JOIN students s ON s.id = a.student_id "
                                         "JOIN classes c ON c.id = s.class_id "
                                         "WHERE a.end_date IS NULL AND " BOARDER " "
                                         "AND (?1 = 0 OR b.id = ?1) "
                                         "ORDER BY b.name, b.id, r.floor, length(r.number), r.number, r.id, "
                                         "s.name_key, s.id", error);
  RoomRows rows = { sheet, 0, 0 };

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, building_id);
  if (!nt_reports_each_row (store, stmt, progress, room_student_row, &rows, error))
    return FALSE;

  /* Every building: the boarders without a bed come last, so that none is
   * missing from the list. */
  if (building_id != 0)
    return TRUE;
  stmt = nt_store_prepare (store,
                           "SELECT s.code, s.full_name, s.gender, s.birth_date, c.name, s.ethnicity, NULL, "
                           "s.guardian_phone FROM students s JOIN classes c ON c.id = s.class_id "
                           "WHERE " BOARDER " AND NOT EXISTS (SELECT 1 FROM bed_assignments a "
                           "WHERE a.student_id = s.id AND a.end_date IS NULL) "
                           "ORDER BY s.name_key, s.id", error);
  if (stmt == NULL)
    return FALSE;
  return nt_reports_each_row (store, stmt, progress, roomless_student_row, sheet, error);
}

/**
 * nt_report_students:
 *
 * DANH SÁCH HỌC SINH NỘI TRÚ: the active boarding students, grouped by
 * class (options->group_by NT_REPORT_GROUP_BY_CLASS) or by building and
 * room (NT_REPORT_GROUP_BY_ROOM, optionally one building), in Vietnamese
 * name order within each group.
 */
gboolean
nt_report_students (NtStore                *store,
                    const NtReportOptions  *options,
                    const char             *path,
                    GCancellable           *cancellable,
                    NtProgressFunc          progress_func,
                    gpointer                progress_data,
                    GError                **error)
{
  const NtReportColumn columns[ST_N] = {
    /* TRANSLATORS: the column of row numbers in a list (STT) */
    [ST_NO] = { _("No."), 5, NT_REPORT_ALIGN_CENTER },
    [ST_CODE] = { _("Student code"), 12, NT_REPORT_ALIGN_LEFT },
    [ST_NAME] = { _("Full name"), 26, NT_REPORT_ALIGN_LEFT },
    [ST_GENDER] = { _("Gender"), 8, NT_REPORT_ALIGN_CENTER },
    [ST_BIRTH] = { _("Date of birth"), 12, NT_REPORT_ALIGN_CENTER },
    [ST_CLASS] = { _("Class"), 8, NT_REPORT_ALIGN_CENTER },
    [ST_ETHNICITY] = { _("Ethnicity"), 11, NT_REPORT_ALIGN_LEFT },
    [ST_ROOM] = { _("Room"), 9, NT_REPORT_ALIGN_CENTER },
    [ST_PHONE] = { _("Guardian's phone"), 15, NT_REPORT_ALIGN_LEFT },
  };
  NtReportOptions defaults = { 0 };
  NtReportsProgress progress = { cancellable, progress_func, progress_data, 0, 0 };
  g_autoptr(NtReport) report = NULL;
  g_autofree char *subtitle = NULL;
  NtReportSheet *sheet;
  gboolean ok;

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

  progress.total = nt_store_count (store, "SELECT count(*) FROM students s WHERE " BOARDER);
  subtitle = nt_reports_school_year_line (store);
  sheet = nt_report_add_sheet (report,
                               /* TRANSLATORS: the name of a sheet (tab) of the report */
                               _("Boarding students"),
                               _(nt_reports_find ("students")->title), subtitle,
                               columns, ST_N, NT_REPORT_LANDSCAPE);
  if (options->group_by == NT_REPORT_GROUP_BY_ROOM)
    ok = students_by_room (store, options->building_id, sheet, &progress, error);
  else
    ok = students_by_class (store, sheet, &progress, error);
  if (!ok)
    return FALSE;
  return nt_reports_finish (report, &progress, error);
}

/* ----- rooms: one block per room, to post on its door ---------------------------- */

enum { RM_BED, RM_NAME, RM_CLASS, RM_BIRTH, RM_ETHNICITY, RM_PHONE, RM_N };

typedef struct
{
  NtReportSheet *sheet;
  const char    *building_name;
  gint64         room;
} BedRows;

/* A bed, free or not; a block for each room, on a page of its own. */
static void
bed_row (sqlite3_stmt *stmt,
         guint         number,
         gpointer      data)
{
  BedRows *rows = data;
  NtReportValue values[RM_N];

  if (sqlite3_column_int64 (stmt, 0) != rows->room)
    {
      int beds = sqlite3_column_int (stmt, 3);
      g_autofree char *group = NULL;

      /* One room a page, to post on its door. */
      if (rows->room != 0)
        nt_report_add_page_break (rows->sheet);
      /* TRANSLATORS: the heading of a room's block: room number, floor, building,
       * number of beds ("Phòng A101 - Tầng 1 - Nhà A (6 giường)") */
      group = g_strdup_printf (ngettext ("Room %s - Floor %d - %s (%d bed)",
                                         "Room %s - Floor %d - %s (%d beds)", beds),
                               nt_reports_column_text (stmt, 1), sqlite3_column_int (stmt, 2),
                               rows->building_name, beds);
      nt_report_add_group_row (rows->sheet, group);
      rows->room = sqlite3_column_int64 (stmt, 0);
    }
  values[RM_BED] = NT_REPORT_TEXT (nt_reports_column_text (stmt, 4));
  values[RM_NAME] = NT_REPORT_TEXT (nt_reports_column_text (stmt, 5));
  values[RM_CLASS] = NT_REPORT_TEXT (nt_reports_column_text (stmt, 6));
  values[RM_BIRTH] = NT_REPORT_DATE (nt_reports_column_text (stmt, 7));
  values[RM_ETHNICITY] = NT_REPORT_TEXT (nt_reports_column_text (stmt, 8));
  values[RM_PHONE] = NT_REPORT_TEXT (nt_reports_column_text (stmt, 9));
  nt_report_add_row (rows->sheet, values);
}

static gboolean
rooms_of_building (NtStore           *store,
                   gint64             building_id,
                   const char        *building_name,
                   NtReportSheet     *sheet,
                   NtReportsProgress *progress,
                   GError           **error)
{
  /* Every active bed, free or not: the list on the door shows the free
   * beds too.  An occupied bed is listed even if it was deactivated. */
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "SELECT r.id, r.number, r.floor, "
                                         "(SELECT count(*) FROM beds e WHERE e.room_id = r.id AND e.active = 1), "
                                         "d.label, s.full_name, c.name, s.birth_date, s.ethnicity, s.guardian_phone "
                                         "FROM rooms r JOIN beds d ON d.room_id = r.id "
                                         "LEFT JOIN bed_assignments a ON a.bed_id = d.id AND a.end_date IS NULL "
                                         "LEFT JOIN students s ON s.id = a.student_id "
                                         "LEFT JOIN classes c ON c.id = s.class_id "
                                         /* Dorm rooms; an infirmary only with a student in it. */
                                         "WHERE r.building_id = ?1 AND r.active = 1 "
                                         "AND (r.kind = 'dorm' OR (r.kind <> 'staff' AND s.id IS NOT NULL)) "
                                         "AND (d.active = 1 OR s.id IS NOT NULL) "
                                         "ORDER BY r.floor, length(r.number), r.number, r.id, "
                                         "length(d.label), d.label, d.id", error);
  BedRows rows = { sheet, building_name, 0 };

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, building_id);
  return nt_reports_each_row (store, stmt, progress, bed_row, &rows, error);
}

/**
 * nt_report_rooms:
 *
 * DANH SÁCH HỌC SINH THEO PHÒNG: a sheet per building (or only
 * options->building_id), a block per room with its beds and their students,
 * each room on its own printed page.
 */
gboolean
nt_report_rooms (NtStore                *store,
                 const NtReportOptions  *options,
                 const char             *path,
                 GCancellable           *cancellable,
                 NtProgressFunc          progress_func,
                 gpointer                progress_data,
                 GError                **error)
{
  const NtReportColumn columns[RM_N] = {
    /* TRANSLATORS: a column of the room list: the bed's label (Giường) */
    [RM_BED] = { _("Bed"), 8, NT_REPORT_ALIGN_CENTER },
    [RM_NAME] = { _("Full name"), 28, NT_REPORT_ALIGN_LEFT },
    [RM_CLASS] = { _("Class"), 8, NT_REPORT_ALIGN_CENTER },
    [RM_BIRTH] = { _("Date of birth"), 12, NT_REPORT_ALIGN_CENTER },
    [RM_ETHNICITY] = { _("Ethnicity"), 12, NT_REPORT_ALIGN_LEFT },
    [RM_PHONE] = { _("Guardian's phone"), 15, NT_REPORT_ALIGN_LEFT },
  };
  const char *title = _(nt_reports_find ("rooms")->title);
  NtReportOptions defaults = { 0 };
  NtReportsProgress progress = { cancellable, progress_func, progress_data, 0, 0 };
  g_autoptr(NtReport) report = NULL;
  g_autofree char *year = NULL;
  sqlite3_stmt *stmt;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int rc;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    options = &defaults;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  stmt = nt_store_prepare (store,
                           "SELECT id, name FROM buildings WHERE (?1 = 0 AND active = 1) OR id = ?1 "
                           "ORDER BY name, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, options->building_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
      g_ptr_array_add (names, g_strdup (nt_reports_column_text (stmt, 1)));
    }
  if (!nt_reports_check_step (store, stmt, rc, error))
    return FALSE;
  sqlite3_reset (stmt);
  if (options->building_id != 0 && ids->len == 0)
    {
      /* Formatted apart: xgettext cannot read G_GINT64_FORMAT inside a msgid. */
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, options->building_id);
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("There is no building with the number %s"), id);
      return FALSE;
    }

  report = nt_reports_open (store, options, path, error);
  if (report == NULL)
    return FALSE;
  progress.total = nt_store_count (store, "SELECT count(*) FROM beds");
  year = nt_reports_school_year_line (store);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *name = names->pdata[i];
      g_autofree char *subtitle = year ? g_strdup_printf ("%s - %s", name, year) : g_strdup (name);
      NtReportSheet *sheet = nt_report_add_sheet (report, name, title, subtitle,
                                                  columns, RM_N, NT_REPORT_PORTRAIT);

      if (!rooms_of_building (store, g_array_index (ids, gint64, i), name, sheet, &progress, error))
        return FALSE;
    }
  if (ids->len == 0)
    {
      /* A school without buildings yet still gets a document that says so. */
      NtReportSheet *sheet = nt_report_add_sheet (report, _("Rooms"), title, year,
                                                  columns, RM_N, NT_REPORT_PORTRAIT);
      nt_report_add_group_row (sheet, _("There are no dorm buildings yet."));
    }
  return nt_reports_finish (report, &progress, error);
}
