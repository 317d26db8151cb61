/* nt-report-residence.c: the temporary-residence list for the commune police
 * (danh sách học sinh đăng ký tạm trú tại ký túc xá)
 *
 * The Law on Residence (Luật Cư trú 2020) has the school declare the
 * students who live in its dormitory to the commune police.  No official
 * form for a school's collective list could be confirmed (the forms of
 * Circular 66/2023/TT-BCA, CT01 and the like, are for one person or one
 * household), so this follows the fields the police ask for: name, date of
 * birth, gender, personal identification number, permanent residence, room
 * and since when.  Check with the commune police which columns they want.
 */
#define G_LOG_DOMAIN "nt-report-residence"

#include "nt-i18n.h"
#include "nt-report.h"
#include "nt-reports.h"
#include "nt-reports-private.h"
#include "nt-school.h"
#include "nt-student.h"
#include "nt-util.h"

enum
{
  RS_NO,
  RS_NAME,
  RS_BIRTH,
  RS_GENDER,
  RS_PERSONAL_ID,
  RS_HOME,
  RS_ROOM,
  RS_SINCE,
  RS_N
};

/* The columns of the query below, in order. */
enum
{
  Q_NAME,
  Q_BIRTH,
  Q_GENDER,
  Q_PERSONAL_ID,
  Q_ADDRESS,
  Q_COMMUNE,
  Q_BUILDING,
  Q_ROOM,
  Q_SINCE,
};

/* "Ký túc xá Trường PTDTNT …, địa chỉ: …": where the students live. */
static char *
dormitory_line (NtStore *store)
{
  g_autoptr(NtSchoolInfo) info = nt_school_get (store);

  if (info == NULL || nt_str_empty (info->name))
    return NULL;
  if (nt_str_empty (info->address))
    /* TRANSLATORS: the subtitle of the temporary-residence list: the school's
     * name ("Ký túc xá Trường PTDTNT THPT Tam Đường") */
    return g_strdup_printf (_("Dormitory of %s"), info->name);
  /* TRANSLATORS: the subtitle of the temporary-residence list: the school's
   * name and address ("Ký túc xá Trường PTDTNT THPT Tam Đường, địa chỉ: Bản Giang, …") */
  return g_strdup_printf (_("Dormitory of %s, address: %s"), info->name, info->address);
}

typedef struct
{
  NtReportSheet *sheet;
  guint         *n_without_id;
} ResidenceRows;

/* A student in a bed; the ones without a personal identification number
 * are counted for the last row of the list. */
static void
residence_row (sqlite3_stmt *stmt,
               guint         number,
               gpointer      data)
{
  ResidenceRows *rows = data;
  const char *personal_id = nt_reports_column_text (stmt, Q_PERSONAL_ID);
  g_autofree char *home = nt_reports_home_place (nt_reports_column_text (stmt, Q_ADDRESS),
                                                 nt_reports_column_text (stmt, Q_COMMUNE));
  /* TRANSLATORS: a room in the temporary-residence list: building, room
   * number ("Nhà A - phòng A101") */
  g_autofree char *room = g_strdup_printf (_("%s - room %s"),
                                           nt_reports_column_text (stmt, Q_BUILDING),
                                           nt_reports_column_text (stmt, Q_ROOM));
  NtReportValue values[RS_N];

  if (nt_str_empty (personal_id))
    (*rows->n_without_id)++;
  values[RS_NO] = NT_REPORT_NUMBER (number);
  values[RS_NAME] = NT_REPORT_TEXT (nt_reports_column_text (stmt, Q_NAME));
  values[RS_BIRTH] = NT_REPORT_DATE (nt_reports_column_text (stmt, Q_BIRTH));
  values[RS_GENDER] = NT_REPORT_TEXT (nt_gender_label (nt_reports_column_text (stmt, Q_GENDER)));
  values[RS_PERSONAL_ID] = NT_REPORT_TEXT (personal_id);
  values[RS_HOME] = NT_REPORT_TEXT (home);
  values[RS_ROOM] = NT_REPORT_TEXT (room);
  values[RS_SINCE] = NT_REPORT_DATE (nt_reports_column_text (stmt, Q_SINCE));
  nt_report_add_row (rows->sheet, values);
}

static gboolean
residence_rows (NtStore            *store,
                NtReportSheet      *sheet,
                NtReportsProgress  *progress,
                guint              *n_without_id,
                GError            **error)
{
  /* Every active student in a bed now, whatever the boarding kind: the
   * police want whoever sleeps in the dorm. */
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "SELECT s.full_name, s.birth_date, s.gender, s.personal_id, "
                                         "s.home_address, s.home_commune, b.name, r.number, "
                                         NT_REPORTS_STAY_START " "
                                         "FROM bed_assignments a "
                                         "JOIN beds d ON d.id = a.bed_id "
                                         "JOIN rooms r ON r.id = d.room_id "
                                         "JOIN buildings b ON b.id = r.building_id "
                                         "JOIN students s ON s.id = a.student_id "
                                         "WHERE a.end_date IS NULL AND s.active = 1 "
                                         "ORDER BY b.name, b.id, r.floor, length(r.number), r.number, r.id, "
                                         "s.name_key, s.id", error);
  ResidenceRows rows = { sheet, n_without_id };

  if (stmt == NULL)
    return FALSE;
  return nt_reports_each_row (store, stmt, progress, residence_row, &rows, error);
}

/**
 * nt_report_residence:
 *
 * DANH SÁCH HỌC SINH ĐĂNG KÝ TẠM TRÚ TẠI KÝ TÚC XÁ: every active student who
 * has a bed now, by building, room and name, numbered through; the ones
 * without a personal identification number keep an empty cell and are
 * counted in a last row, so that the office knows what to complete before
 * the list goes to the police.  A4 landscape.
 */
gboolean
nt_report_residence (NtStore                *store,
                     const NtReportOptions  *options,
                     const char             *path,
                     GCancellable           *cancellable,
                     NtProgressFunc          progress_func,
                     gpointer                progress_data,
                     GError                **error)
{
  const NtReportColumn columns[RS_N] = {
    [RS_NO] = { _("No."), 5, NT_REPORT_ALIGN_CENTER },
    [RS_NAME] = { _("Full name"), 24, NT_REPORT_ALIGN_LEFT },
    [RS_BIRTH] = { _("Date of birth"), 12, NT_REPORT_ALIGN_CENTER },
    [RS_GENDER] = { _("Gender"), 8, NT_REPORT_ALIGN_CENTER },
    [RS_PERSONAL_ID] = { _("Personal identification number"), 16, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the temporary-residence list (Nơi thường trú) */
    [RS_HOME] = { _("Place of permanent residence"), 38, NT_REPORT_ALIGN_LEFT },
    [RS_ROOM] = { _("Room"), 16, NT_REPORT_ALIGN_CENTER },
    /* TRANSLATORS: a column of the temporary-residence list (Ở từ ngày) */
    [RS_SINCE] = { _("Living here since"), 12, NT_REPORT_ALIGN_CENTER },
  };
  NtReportOptions defaults = { 0 };
  NtReportsProgress progress = { cancellable, progress_func, progress_data, 0, 0 };
  g_autoptr(NtReport) report = NULL;
  g_autofree char *subtitle = NULL;
  NtReportSheet *sheet;
  guint n_without_id = 0;

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

  progress.total = nt_store_count (store, "SELECT count(*) FROM bed_assignments WHERE end_date IS NULL");
  subtitle = dormitory_line (store);
  sheet = nt_report_add_sheet (report,
                               /* TRANSLATORS: the name of a sheet (tab) of the report */
                               _("Temporary residence"),
                               _(nt_reports_find ("residence")->title), subtitle,
                               columns, RS_N, NT_REPORT_LANDSCAPE);
  if (!residence_rows (store, sheet, &progress, &n_without_id, error))
    return FALSE;
  if (nt_report_sheet_get_n_rows (sheet) == 0)
    /* TRANSLATORS: the only row of the temporary-residence list when no student has a bed */
    nt_report_add_group_row (sheet, _("No student lives in the dormitory."));
  if (n_without_id > 0)
    {
      /* TRANSLATORS: the last row of the temporary-residence list, for the
       * office: "3 học sinh chưa có số định danh cá nhân" */
      g_autofree char *note = g_strdup_printf (ngettext ("%u student has no personal identification number",
                                                         "%u students have no personal identification number",
                                                         n_without_id),
                                               n_without_id);
      nt_report_add_group_row (sheet, note);
    }
  return nt_reports_finish (report, &progress, error);
}
