/* test-report-incidents.c: the incident register (report "incidents") on
 * a hand-built school, read back by openpyxl */
#define G_LOG_DOMAIN "test-report-incidents"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nt-error.h"
#include "nt-incidents.h"
#include "nt-report.h"
#include "nt-reports.h"
#include "nt-school.h"
#include "nt-test-util.h"
#include "report-fixture.h"

/* Nhà A (room A101) and Nhà B (room B201); a supervisor and a teacher;
 * Lò Thị Bình in 10A1. In March 2025:
 *   1. 02/03 22:00, B201: school violence, Bình the victim, an outsider
 *      the cause; guardians told 23:00 by the supervisor, police 03/03
 *      08:00; closed 05/03 10:00 transferred to the police;
 *   2. 05/03 07:00, at the gate: an outsider came in; still open (overdue
 *      whenever the report is written: 3 days' limit).
 * Before March: 20/02, a theft in A101 (outside the period). In the
 * current school year (2026-2027): one health emergency. */
static NtStore *
school_new (void)
{
  NtStore *store = fx_school_new ();

  fx_exec (store,
           "INSERT INTO staff (id, code, full_name, name_key, search_text, gender, role) VALUES "
           "  (1, 'GV01', 'Đỗ Văn Giám', x'00', '', 'M', 'supervisor'),"
           "  (2, 'GV02', 'Hà Thị Giảng', x'00', '', 'F', 'teacher');"
           "INSERT INTO classes (id, name, grade) VALUES (1, '10A1', 10);"
           "INSERT INTO students (id, code, full_name, name_key, search_text, gender, birth_date, class_id, boarding) "
           "  VALUES (1, 'HS01', 'Lò Thị Bình', x'00', '', 'F', '2010-01-01', 1, 'boarding');"
           "INSERT INTO buildings (id, name, gender, floors) VALUES (1, 'Nhà A', 'M', 2), (2, 'Nhà B', 'F', 2);"
           "INSERT INTO rooms (id, building_id, floor, number, capacity, gender) VALUES "
           "  (1, 1, 1, 'A101', 4, 'M'), (2, 2, 2, 'B201', 4, 'F');"
           "INSERT INTO incidents (id, occurred_at, place_kind, room_id, building_id, place_text, category, severity, "
           "  description, reported_by, actions, guardians_informed_at, guardians_informed_by, police_reported_at, "
           "  police_contact, state, outcome, outcome_note, closed_at) VALUES "
           "  (1, '2025-03-02 22:00', 'room', 2, 2, '', 'violence', 3, 'Bị đánh sau giờ ngủ.', 'Trưởng phòng', "
           "   'Đưa em đi trạm y tế.', '2025-03-02 23:00', 1, '2025-03-03 08:00', 'Công an xã Bản Giang', "
           "   'closed', 'police', '', '2025-03-05 10:00'),"
           "  (2, '2025-03-05 07:00', 'gate', NULL, NULL, '', 'outsider', 1, 'Người lạ vào cổng.', 'Bảo vệ', "
           "   '', NULL, NULL, NULL, '', 'open', NULL, '', NULL),"
           "  (3, '2025-02-20 10:00', 'room', 1, 1, '', 'theft', 1, 'Mất điện thoại.', '', '', NULL, NULL, NULL, '', "
           "   'open', NULL, '', NULL),"
           "  (4, '2026-09-15 12:00', 'school', NULL, NULL, '', 'health', 2, 'Ngất ở sân trường.', '', '', NULL, NULL, "
           "   NULL, '', 'closed', 'settled', '', '2026-09-15 15:00');"
           "INSERT INTO incident_people (incident_id, student_id, outsider_name, part) VALUES "
           "  (1, 1, NULL, 'victim'), (1, NULL, 'Nguyễn Văn Lạ', 'cause');");
  return store;
}

static char *
write_report (NtStore    *store,
              const char *from,
              const char *to,
              gint64      building,
              const char *file)
{
  NtReportOptions options = { .from = from, .to = to, .building_id = building, .date = "2025-04-01" };
  char *path = nt_test_tmp_path (file);
  g_autoptr(GError) error = NULL;

  g_assert_true (nt_reports_write (store, "incidents", &options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* The fill of each cell, read by read-xlsx-styles.py ("Sheet!L9" → "FFC7CE"). */
static GHashTable *
read_fills (const char *path)
{
  g_autofree char *script = g_build_filename (g_getenv ("NOITRU_SOURCE_ROOT"), "tests", "core",
                                              "read-xlsx-styles.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *fills = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("read-xlsx-styles.py failed on %s: %s", path, err);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);

      if (g_strv_length (f) >= 4 && g_str_equal (f[0], "fill"))
        g_hash_table_insert (fills, g_strdup_printf ("%s!%s", f[1], f[2]), g_strdup (f[3]));
    }
  return fills;
}

static void
test_register (void)
{
  g_autoptr(NtStore) store = school_new ();
  g_autofree char *path = NULL;
  g_autoptr(Xlsx) x = NULL;
  g_autoptr(GHashTable) fills = NULL;
  g_autofree char *place1 = g_strdup_printf (_("Room %s, %s"), "B201", "Nhà B");
  g_autofree char *people1 = g_strdup_printf ("Lò Thị Bình (%s), Nguyễn Văn Lạ (%s)",
                                              nt_incident_part_label ("victim"), nt_incident_part_label ("cause"));
  /* No., time, place, category, severity, what happened, people, reported
   * by, actions, guardians, police, state, outcome, ended. */
  const char *rows[] = {
    "1", "02/03/2025 22:00", place1, nt_incident_category_label ("violence"), nt_incident_severity_label (3),
    "Bị đánh sau giờ ngủ.", people1, "Trưởng phòng", "Đưa em đi trạm y tế.",
    "02/03/2025 23:00 (Đỗ Văn Giám)", "03/03/2025 08:00 (Công an xã Bản Giang)",
    nt_incident_state_label ("closed"), nt_incident_outcome_label ("police"), "05/03/2025 10:00",
    "2", "05/03/2025 07:00", nt_incident_place_label ("gate"), nt_incident_category_label ("outsider"),
    nt_incident_severity_label (1), "Người lạ vào cổng.", "", "Bảo vệ", "", "", "",
    nt_incident_state_label ("open"), "", "",
  };
  const char *sheet;

  path = write_report (store, "2025-03-01", "2025-03-31", 0, "incidents.xlsx");
  x = fx_read_xlsx (path);
  g_assert_cmpuint (x->sheets->len, ==, 1);
  sheet = x->sheets->pdata[0];
  g_assert_cmpstr (fx_value (x, sheet, "A4"), ==, _(nt_reports_find ("incidents")->title));
  {
    g_autofree char *period = g_strdup_printf (_("from %s to %s"), "01/03/2025", "31/03/2025");
    g_assert_cmpstr (fx_value (x, sheet, "A5"), ==, period);
  }
  fx_assert_rows (x, sheet, 8, rows, 2, 14);
  g_assert_cmpstr (fx_setup (x, sheet, "orientation"), ==, "landscape");

  /* The open one past its limit stands out in red; the closed one not. */
  fills = read_fills (path);
  {
    g_autofree char *l8 = g_strdup_printf ("%s!L8", sheet);
    g_autofree char *l9 = g_strdup_printf ("%s!L9", sheet);

    g_assert_cmpstr (g_hash_table_lookup (fills, l9), ==, "FFC7CE");
    g_assert_null (g_hash_table_lookup (fills, l8));
  }
  g_clear_pointer (&x, fx_xlsx_free);
  g_free (path);

  /* One building: the incidents in it or in one of its rooms. */
  path = write_report (store, "2025-02-01", "2025-03-31", 1, "incidents-a.xlsx");
  x = fx_read_xlsx (path);
  sheet = x->sheets->pdata[0];
  g_assert_cmpstr (fx_value (x, sheet, "F8"), ==, "Mất điện thoại.");
  g_assert_cmpstr (fx_value (x, sheet, "B9"), ==, "");
  g_clear_pointer (&x, fx_xlsx_free);
  g_free (path);

  /* No day given: the current school year (2026-2027 in the fixture). */
  path = write_report (store, NULL, NULL, 0, "incidents-year.xlsx");
  x = fx_read_xlsx (path);
  sheet = x->sheets->pdata[0];
  g_assert_cmpstr (fx_value (x, sheet, "F8"), ==, "Ngất ở sân trường.");
  g_assert_cmpstr (fx_value (x, sheet, "B9"), ==, "");
  g_clear_pointer (&x, fx_xlsx_free);
  g_free (path);

  /* A period without incidents says so. */
  path = write_report (store, "2024-01-01", "2024-01-31", 0, "incidents-none.xlsx");
  x = fx_read_xlsx (path);
  sheet = x->sheets->pdata[0];
  g_assert_cmpstr (fx_value (x, sheet, "A8"), ==, _("No incidents in this period."));
}

static char *
write_stats (NtStore    *store,
             const char *from,
             const char *to,
             const char *file)
{
  NtReportOptions options = { .from = from, .to = to, .date = "2025-04-01" };
  char *path = nt_test_tmp_path (file);
  g_autoptr(GError) error = NULL;

  g_assert_true (nt_reports_write (store, "incident-stats", &options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* February and March 2025: the theft in February, the violence and the
 * outsider in March; the health emergency of 2026 is outside. */
static void
test_stats (void)
{
  g_autoptr(NtStore) store = school_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(Xlsx) x = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  const NtIncidentCategory *cats;
  guint n_cats;
  const char *sheet;
  /* Feb, Mar, total, not closed, settled, disciplined, police, other, reported */
  const char *figures[10][9] = {
    [0] = { "0", "1", "1", "0", "0", "0", "1", "0", "1" },   /* violence */
    [2] = { "1", "0", "1", "1", "0", "0", "0", "0", "0" },   /* theft */
    [5] = { "0", "1", "1", "1", "0", "0", "0", "0", "0" },   /* outsider */
  };
  const char *zero[9] = { "0", "0", "0", "0", "0", "0", "0", "0", "0" };
  const char *total[9] = { "1", "2", "3", "2", "0", "0", "1", "0", "1" };

  path = write_stats (store, "2025-02-01", "2025-03-31", "stats.xlsx");
  x = fx_read_xlsx (path);
  sheet = x->sheets->pdata[0];
  g_assert_cmpstr (fx_value (x, sheet, "A4"), ==, _(nt_reports_find ("incident-stats")->title));
  g_assert_cmpstr (fx_value (x, sheet, "C7"), ==, "02/2025");
  g_assert_cmpstr (fx_value (x, sheet, "D7"), ==, "03/2025");
  g_assert_cmpstr (fx_value (x, sheet, "E7"), ==, _("Total"));

  cats = nt_incident_categories (&n_cats);
  g_assert_cmpuint (n_cats, ==, 10);
  for (guint i = 0; i <= n_cats; i++)
    {
      const char * const *f = i == n_cats ? total : figures[i][0] ? figures[i] : zero;

      g_ptr_array_add (rows, i == n_cats ? g_strdup ("") : g_strdup_printf ("%u", i + 1));
      g_ptr_array_add (rows, g_strdup (i == n_cats ? _("Total") : cats[i].label));
      for (guint j = 0; j < 9; j++)
        g_ptr_array_add (rows, g_strdup (f[j]));
    }
  fx_assert_rows (x, sheet, 8, (const char * const *) rows->pdata, n_cats + 1, 11);
  g_clear_pointer (&x, fx_xlsx_free);
  g_free (path);

  /* No day: the school year 2026-2027, August to July; the health
   * emergency of 15/09/2026 in September (column D) on its row (15). */
  path = write_stats (store, NULL, NULL, "stats-year.xlsx");
  x = fx_read_xlsx (path);
  sheet = x->sheets->pdata[0];
  g_assert_cmpstr (fx_value (x, sheet, "C7"), ==, "08/2026");
  g_assert_cmpstr (fx_value (x, sheet, "N7"), ==, "07/2027");
  g_assert_cmpstr (fx_value (x, sheet, "B15"), ==, nt_incident_category_label ("health"));
  g_assert_cmpstr (fx_value (x, sheet, "D15"), ==, "1");
  g_assert_cmpstr (fx_value (x, sheet, "C15"), ==, "0");
  g_clear_pointer (&x, fx_xlsx_free);
  g_free (path);

  /* Four years are refused. */
  path = nt_test_tmp_path ("stats-long.xlsx");
  {
    NtReportOptions options = { .from = "2021-01-01", .to = "2024-12-31" };
    g_assert_false (nt_reports_write (store, "incident-stats", &options, path, NULL, NULL, NULL, &error));
    g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
}

/* A teacher may not see incidents: no file is written. */
static void
test_refused (void)
{
  g_autoptr(NtStore) store = school_new ();
  g_autofree char *path = nt_test_tmp_path ("incidents-teacher.xlsx");
  g_autoptr(GError) error = NULL;

  g_assert_true (nt_store_set_actor (store, 2, &error));
  g_assert_false (nt_reports_write (store, "incidents", NULL, path, NULL, NULL, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  nt_test_init (&argc, &argv);

  g_test_add_func ("/report-incidents/register", test_register);
  g_test_add_func ("/report-incidents/refused", test_refused);
  g_test_add_func ("/report-incidents/stats", test_stats);

  return g_test_run ();
}
