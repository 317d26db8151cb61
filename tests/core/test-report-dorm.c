/* test-report-dorm.c: the visitors, room-scores and dialogues reports on a
 * hand-built school, read back by openpyxl (tests/core/read-xlsx.py) */
#define G_LOG_DOMAIN "test-report-dorm"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nt-dialogues.h"
#include "nt-error.h"
#include "nt-inspections.h"
#include "nt-reports.h"
#include "nt-rooms.h"
#include "nt-test-util.h"
#include "nt-visitors.h"
#include "report-fixture.h"

#define REPORT_DATE "2026-11-27"

static gint64
exec_id (NtStore    *store,
         const char *sql)
{
  fx_exec (store, sql);
  return sqlite3_last_insert_rowid (nt_store_get_db (store));
}

static char *
write_report (NtStore    *store,
              const char *name,
              const char *from,
              const char *to,
              const char *file)
{
  NtReportOptions options = { .from = from, .to = to, .date = REPORT_DATE };
  char *path = nt_test_tmp_path (file);
  g_autoptr(GError) error = NULL;

  g_assert_true (nt_reports_write (store, name, &options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_visitors_report (void)
{
  g_autoptr(NtStore) store = fx_school_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(Xlsx) x = NULL;
  g_autofree char *path = NULL;
  gint64 c = exec_id (store, "INSERT INTO classes (name, grade) VALUES ('10A1', 10)");
  gint64 an;
  NtAllowedVisitorInput mother = { 0, "Lò Thị Hoa", "mẹ", NULL, NULL };
  NtVisitorInput in = { 0 };
  gint64 id;

  an = exec_id (store, "INSERT INTO students (code, full_name, name_key, search_text, gender, birth_date, class_id, "
                       "boarding) VALUES ('HS01', 'Lò Văn An', x'00', '', 'M', '2010-01-01', 1, 'boarding')");
  g_assert_cmpint (c, ==, 1);
  mother.student_id = an;
  g_assert_cmpint (nt_visitors_allowed_add (store, &mother, &error), >, 0);

  in.name = "Lò Thị Hoa";
  in.visit_student_id = an;
  in.in_at = "2026-11-20 09:00";
  id = nt_visitors_record_in (store, &in, &error);
  g_assert_true (nt_visitors_record_out (store, id, "2026-11-20 10:15", &error));
  /* A formula typed as a name stays text. */
  in.name = "=1+1";
  in.in_at = "2026-11-21 14:00";
  g_assert_cmpint (nt_visitors_record_in (store, &in, &error), >, 0);
  /* Outside the period. */
  in.name = "Khách tháng trước";
  in.in_at = "2026-10-30 08:00";
  g_assert_cmpint (nt_visitors_record_in (store, &in, &error), >, 0);
  g_assert_no_error (error);

  path = write_report (store, "visitors", "2026-11-01", "2026-11-30", "visitors.xlsx");
  x = fx_read_xlsx (path);
  g_assert_cmpuint (x->sheets->len, ==, 1);
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "A4"), ==, _(nt_reports_find ("visitors")->title));
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "A8"), ==, "1");
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "B8"), ==, "Lò Thị Hoa");
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "E8"), ==, "Lò Văn An");
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "F8"), ==, "10A1");
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "G8"), ==, "mẹ");
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "H8"), ==, C_("allowed visitor", "Yes"));
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "J8"), ==, "20/11/2026 09:00");
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "K8"), ==, "20/11/2026 10:15");
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "B9"), ==, "=1+1");
  g_assert_cmpstr (fx_cell (x, x->sheets->pdata[0], "B9")->type, ==, "s");
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "H9"), ==, C_("allowed visitor", "No"));
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "K9"), ==, _("Still inside"));
  /* October's visitor is not in November's book. */
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "A10"), !=, "3");
}

static void
test_room_scores_report (void)
{
  g_autoptr(NtStore) store = fx_school_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(Xlsx) x = NULL;
  g_autofree char *path = NULL;
  NtBuildingInput b = { "Nhà A", "M", 3, NULL, NULL };
  gint64 building = nt_rooms_add_building (store, &b, &error);
  gint64 rooms[3];
  gint64 hygiene, quiet;
  const char *numbers[] = { "A101", "A102", "A103" };
  const int points[][2] = { { 50, 30 }, { 60, 40 }, { 40, 40 } };

  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      NtRoomInput r = { building, 1, numbers[i], 4, "M", "dorm", NULL };

      rooms[i] = nt_rooms_add_room (store, &r, &error);
      g_assert_no_error (error);
    }
  hygiene = nt_inspections_criterion_add (store, "Vệ sinh", 60, &error);
  quiet = nt_inspections_criterion_add (store, "Giờ giấc", 40, &error);
  for (guint i = 0; i < 3; i++)
    {
      NtInspectionScore s[] = { { hygiene, points[i][0], NULL }, { quiet, points[i][1], NULL } };

      g_assert_cmpint (nt_inspections_save (store, rooms[i], "2026-11-12", 0, s, 2, "ghi chú", &error), >, 0);
      g_assert_no_error (error);
    }

  path = write_report (store, "room-scores", "2026-11-01", "2026-11-30", "room-scores.xlsx");
  x = fx_read_xlsx (path);
  g_assert_cmpuint (x->sheets->len, ==, 4);
  /* A102 100 (1), A101 and A103 80 (2, 2). */
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "A8"), ==, "1");
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "C8"), ==, "A102");
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "E8"), ==, "100");
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "F8"), ==, _("Praise"));
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "A9"), ==, "2");
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "C9"), ==, "A101");
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "A10"), ==, "2");
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "C10"), ==, "A103");
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "E10"), ==, "80");
  /* The rooms' column counts the inspections. */
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "D7"), ==, C_("column", "Inspections"));
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "D8"), ==, "1");
  /* Buildings: (100 + 80 + 80) / 3 = 86.7, over 3 rooms; no room or verdict
   * column. */
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[1], "B8"), ==, "Nhà A");
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[1], "C7"), ==, C_("column", "Rooms"));
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[1], "C8"), ==, "3");
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[1], "D8"), ==, "86.7");
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[1], "E7"), ==, "");
  /* The chart sheet: the building's name over its score. */
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[2], "B7"), ==, "Nhà A");
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[2], "B8"), ==, "86.7");
  /* The detail: a column per criterion. */
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[3], "E7"), ==, "Vệ sinh (60)");
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[3], "A8"), ==, "2026-11-12");
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[3], "C8"), ==, "A101");
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[3], "D8"), ==, "80");
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[3], "E8"), ==, "50");
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[3], "F8"), ==, "30");
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[3], "G8"), ==, "ghi chú");
}

static void
test_dialogues_report (void)
{
  g_autoptr(NtStore) store = fx_school_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(Xlsx) x = NULL;
  g_autofree char *path = NULL;
  NtDialogueInput d = { "2026-11-02", 0, "Ban Giám hiệu", NULL };
  NtDialogueItemInput a = { "Nước nóng buổi tối", "Sửa bình", 0, "2026-11-10" };
  NtDialogueItemInput b = { "Thêm giờ tự học", "Đồng ý", 0, "2026-11-20" };
  gint64 id = nt_dialogues_create (store, &d, &error);
  gint64 first = nt_dialogues_add_item (store, id, &a, &error);

  g_assert_cmpint (nt_dialogues_add_item (store, id, &b, &error), >, 0);
  g_assert_true (nt_dialogues_close_item (store, first, "2026-11-08", &error));
  g_assert_no_error (error);

  path = write_report (store, "dialogues", NULL, NULL, "dialogues.xlsx");
  x = fx_read_xlsx (path);
  g_assert_cmpuint (x->sheets->len, ==, 2);
  g_assert_nonnull (strstr (fx_value (x, x->sheets->pdata[0], "A8"), "02/11/2026"));
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "C9"), ==, "Nước nóng buổi tối");
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "F9"), ==, "2026-11-10");
  g_assert_nonnull (strstr (fx_value (x, x->sheets->pdata[0], "G9"), "08/11/2026"));
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "C10"), ==, "Thêm giờ tự học");
  /* Judged on the document's date, 27/11: overdue. */
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "G10"), ==, _("Overdue"));
  /* Only the open one on the second sheet (no subtitle: header on row 6). */
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[1], "C7"), ==, "Thêm giờ tự học");
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[1], "C8"), ==, "");
}

static void
test_bad_period (void)
{
  g_autoptr(NtStore) store = fx_school_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = nt_test_tmp_path ("bad.xlsx");
  NtReportOptions options = { .from = "2026-11-30", .to = "2026-11-01" };

  g_assert_false (nt_reports_write (store, "room-scores", &options, path, NULL, NULL, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (nt_reports_write (store, "visitors", &options, path, NULL, NULL, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);

  g_test_add_func ("/report-dorm/visitors", test_visitors_report);
  g_test_add_func ("/report-dorm/room-scores", test_room_scores_report);
  g_test_add_func ("/report-dorm/dialogues", test_dialogues_report);
  g_test_add_func ("/report-dorm/bad-period", test_bad_period);

  return g_test_run ();
}
