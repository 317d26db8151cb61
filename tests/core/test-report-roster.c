/* test-report-roster.c: the roster, duty-counts and handovers reports on a
 * hand-built week, read back by openpyxl (tests/core/read-xlsx.py) */
#define G_LOG_DOMAIN "test-report-roster"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "nt-error.h"
#include "nt-handovers.h"
#include "nt-reports.h"
#include "nt-roster.h"
#include "nt-staff.h"
#include "nt-test-util.h"
#include "report-fixture.h"

/* The week of Monday 2 to Sunday 8 November 2026 at one post, "Nhà A",
 * which takes supervisors and guards: Nam on Ca 1, Nữ on Ca 2 and Cổng on
 * the night, every day from the night before (1 November). Rảnh, a
 * supervisor, stands no duty; Dạy, a teacher, could not. */
typedef struct
{
  NtStore *store;
  gint64   post;
  gint64   shifts[3];
  gint64   nam;
  gint64   nu;
  gint64   cong;
} Week;

static gint64
add_staff (NtStore    *store,
           const char *code,
           const char *name,
           const char *gender,
           const char *role,
           const char *phone)
{
  NtStaffInput in = { code, name, gender, role, phone };
  g_autoptr(GError) error = NULL;
  gint64 id = nt_staff_add (store, &in, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
week_init (Week *w)
{
  const NtShiftInput shifts[] = {
    { "Ca 1", "06:00", "14:00", FALSE, NULL },
    { "Ca 2", "14:00", "22:00", FALSE, NULL },
    { "Ca 3", "22:00", "06:00", TRUE, NULL },
  };
  NtPostInput post = { "Nhà A", 0, NULL, NULL, 1, "supervisor,guard", "X" };
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  w->store = fx_school_new ();
  for (guint i = 0; i < 3; i++)
    {
      w->shifts[i] = nt_roster_shift_add (w->store, &shifts[i], &error);
      g_assert_no_error (error);
    }
  w->post = nt_roster_post_add (w->store, &post, &error);
  g_assert_no_error (error);
  w->nam = add_staff (w->store, "GV01", "Lò Văn Nam", "M", "supervisor", "0912000001");
  w->nu = add_staff (w->store, "GV02", "Lò Thị Nữ", "F", "supervisor", "0912000002");
  w->cong = add_staff (w->store, "GV03", "Vàng A Cổng", "M", "guard", "0912000003");
  add_staff (w->store, "GV04", "Lò Văn Rảnh", "M", "supervisor", "0912000004");
  add_staff (w->store, "GV05", "Hà Thị Dạy", "F", "teacher", "0912000005");

  sql = g_strdup_printf ("WITH RECURSIVE days (d) AS (SELECT '2026-11-01' UNION ALL "
                         "  SELECT date (d, '+1 day') FROM days WHERE d < '2026-11-08') "
                         "INSERT INTO duties (post_id, shift_id, staff_id, date) "
                         "SELECT %" G_GINT64_FORMAT ", s, p, d FROM days, (SELECT %" G_GINT64_FORMAT " AS s, "
                         "%" G_GINT64_FORMAT " AS p UNION ALL SELECT %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                         " UNION ALL SELECT %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                         w->post, w->shifts[0], w->nam, w->shifts[1], w->nu, w->shifts[2], w->cong);
  fx_exec (w->store, sql);
  g_assert_cmpint (nt_store_count (w->store, "SELECT count(*) FROM duties"), ==, 24);
}

static void
week_clear (Week *w)
{
  g_clear_object (&w->store);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Week, week_clear)

static Xlsx *
export (NtStore    *store,
        const char *name,
        const char *from,
        const char *to)
{
  g_autofree char *file = g_strdup_printf ("report-%s.xlsx", name);
  g_autofree char *path = nt_test_tmp_path (file);
  NtReportOptions options = { from, to, NT_REPORT_GROUP_BY_CLASS, 0, "2026-11-09" };
  g_autoptr(GError) error = NULL;

  g_assert_true (nt_reports_write (store, name, &options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return fx_read_xlsx (path);
}

/* Whether some cell of @sheet holds exactly @value. */
static gboolean
sheet_has (Xlsx       *x,
           const char *sheet,
           const char *value)
{
  GHashTableIter iter;
  gpointer key, cell;
  g_autofree char *prefix = g_strconcat (sheet, "!", NULL);

  g_hash_table_iter_init (&iter, x->cells);
  while (g_hash_table_iter_next (&iter, &key, &cell))
    if (g_str_has_prefix (key, prefix) && g_strcmp0 (((Cell *) cell)->value, value) == 0)
      return TRUE;
  return FALSE;
}

static void
assert_print_setup (Xlsx       *x,
                    const char *sheet,
                    const char *orientation)
{
  g_assert_cmpstr (fx_setup (x, sheet, "orientation"), ==, orientation);
  g_assert_cmpstr (fx_setup (x, sheet, "paper"), ==, "9");
  g_assert_cmpstr (fx_setup (x, sheet, "fit_to_page"), ==, "1");
  g_assert_cmpstr (fx_setup (x, sheet, "fit_width"), ==, "1");
  g_assert_cmpstr (fx_setup (x, sheet, "fit_height"), ==, "0");
  g_assert_cmpstr (fx_setup (x, sheet, "title_rows"), ==, "7:7");
}

/* ----- roster ------------------------------------------------------------- */

static char *
cell_text (const char *first,
           const char *second,
           const char *third)
{
  g_autofree char *a = g_strdup_printf (_("%s: %s"), "Ca 1", first);
  g_autofree char *b = g_strdup_printf (_("%s: %s"), "Ca 2", second);
  g_autofree char *c = g_strdup_printf (_("%s: %s"), "Ca 3", third);

  return g_strjoin ("\n", a, b, c, NULL);
}

static void
test_roster_whole (void)
{
  g_auto(Week) w = { 0 };
  g_autoptr(Xlsx) x = NULL;
  g_autofree char *expected = NULL;
  const char *sheet;

  week_init (&w);
  x = export (w.store, "roster", "2026-11-02", "2026-11-08");
  g_assert_cmpuint (x->sheets->len, ==, 1);
  sheet = x->sheets->pdata[0];

  /* The administrative header, the title and the period. */
  g_assert_cmpstr (fx_value (x, sheet, "A1"), ==, "SỞ GIÁO DỤC VÀ ĐÀO TẠO LAI CHÂU");
  g_assert_cmpstr (fx_value (x, sheet, "A2"), ==, "TRƯỜNG PTDTNT THPT TAM ĐƯỜNG");
  g_assert_cmpstr (fx_value (x, sheet, "E1"), ==, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  g_assert_cmpstr (fx_value (x, sheet, "A4"), ==, _(nt_reports_find ("roster")->title));
  g_assert_cmpstr (fx_value (x, sheet, "B7"), ==, _("Monday"));
  g_assert_cmpstr (fx_value (x, sheet, "H7"), ==, _("Sunday"));

  /* A whole roster: no warning, the week's dates first. */
  g_assert_cmpstr (fx_value (x, sheet, "A8"), ==, _("Date"));
  g_assert_cmpstr (fx_value (x, sheet, "B8"), ==, "02/11/2026");
  g_assert_cmpstr (fx_value (x, sheet, "H8"), ==, "08/11/2026");
  g_assert_cmpstr (fx_value (x, sheet, "A9"), ==, "Nhà A");
  expected = cell_text ("Lò Văn Nam", "Lò Thị Nữ", "Vàng A Cổng");
  g_assert_cmpstr (fx_value (x, sheet, "B9"), ==, expected);
  g_assert_cmpstr (fx_value (x, sheet, "H9"), ==, expected);

  /* The phones of the people on it, by name, two columns each. */
  g_assert_cmpstr (fx_value (x, sheet, "A10"), ==, _("Phone numbers of the staff on duty"));
  g_assert_true (fx_cell (x, sheet, "A10")->bold);
  g_assert_cmpstr (fx_value (x, sheet, "A11"), ==, "Vàng A Cổng");
  g_assert_cmpstr (fx_value (x, sheet, "B11"), ==, "0912000003");
  g_assert_cmpstr (fx_value (x, sheet, "C11"), ==, "Lò Văn Nam");
  g_assert_cmpstr (fx_value (x, sheet, "D11"), ==, "0912000001");
  g_assert_cmpstr (fx_value (x, sheet, "E11"), ==, "Lò Thị Nữ");
  g_assert_cmpstr (fx_value (x, sheet, "F11"), ==, "0912000002");
  g_assert_null (fx_cell (x, sheet, "G11"));
  g_assert_false (sheet_has (x, sheet, "0912000004"));   /* Rảnh is not on it */

  /* The principal signs it. */
  g_assert_true (sheet_has (x, sheet, _("PRINCIPAL")));
  g_assert_true (sheet_has (x, sheet, "Lò Văn Minh"));
  assert_print_setup (x, sheet, "landscape");
  g_assert_cmpstr (fx_setup (x, sheet, "breaks"), ==, "");
}

static void
test_roster_gaps (void)
{
  g_auto(Week) w = { 0 };
  g_autoptr(Xlsx) x = NULL;
  g_autofree char *gap_part = NULL;
  g_autofree char *nobody = NULL;
  g_autofree char *first = NULL;
  g_autofree char *night = NULL;
  g_autofree char *expected = NULL;
  const char *sheet;
  const char *warning;

  week_init (&w);
  /* Wednesday's Ca 2 is left empty. */
  fx_exec (w.store, "DELETE FROM duties WHERE date = '2026-11-04' AND staff_id = (SELECT id FROM staff WHERE code = 'GV02')");
  x = export (w.store, "roster", "2026-11-02", "2026-11-08");
  sheet = x->sheets->pdata[0];

  /* Exported all the same, with a marked line above the grid. */
  warning = fx_value (x, sheet, "A8");
  g_assert_nonnull (warning);
  gap_part = g_strdup_printf (ngettext ("%u gap", "%u gaps", 1), 1);
  g_assert_nonnull (strstr (warning, gap_part));
  g_assert_true (fx_cell (x, sheet, "A8")->bold);
  g_assert_true (fx_merged (x, sheet, "A8:H8"));
  g_assert_cmpstr (fx_value (x, sheet, "A9"), ==, _("Date"));

  nobody = g_strdup_printf (_("%s: (nobody)"), "Ca 2");
  first = g_strdup_printf (_("%s: %s"), "Ca 1", "Lò Văn Nam");
  night = g_strdup_printf (_("%s: %s"), "Ca 3", "Vàng A Cổng");
  expected = g_strjoin ("\n", first, nobody, night, NULL);
  g_assert_cmpstr (fx_value (x, sheet, "D10"), ==, expected);
  assert_print_setup (x, sheet, "landscape");
}

/* A week across two calendar weeks: two blocks, the days outside the
 * period left blank. */
static void
test_roster_two_blocks (void)
{
  g_auto(Week) w = { 0 };
  g_autoptr(Xlsx) x = NULL;
  const char *sheet;

  week_init (&w);
  x = export (w.store, "roster", "2026-11-07", "2026-11-10");
  sheet = x->sheets->pdata[0];
  /* 9 and 10 November have no duty: the warning first. */
  g_assert_cmpstr (fx_value (x, sheet, "A9"), ==, _("Date"));
  g_assert_null (fx_cell (x, sheet, "B9"));
  g_assert_cmpstr (fx_value (x, sheet, "G9"), ==, "07/11/2026");
  g_assert_cmpstr (fx_value (x, sheet, "H9"), ==, "08/11/2026");
  g_assert_cmpstr (fx_value (x, sheet, "A10"), ==, "Nhà A");
  g_assert_null (fx_cell (x, sheet, "F10"));
  g_assert_cmpstr (fx_value (x, sheet, "A11"), ==, _("Date"));
  g_assert_cmpstr (fx_value (x, sheet, "B11"), ==, "09/11/2026");
  g_assert_cmpstr (fx_value (x, sheet, "C11"), ==, "10/11/2026");
  g_assert_null (fx_cell (x, sheet, "D11"));
}

/* The demo school's month: whole, and printed a week or more a page, each
 * page starting with a week's dates rather than in the middle of one. */
static void
test_roster_demo_month (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (3);
  g_autoptr(Xlsx) x = export (store, "roster", NULL, NULL);
  const char *sheet = x->sheets->pdata[0];
  g_auto(GStrv) breaks = g_strsplit (fx_setup (x, sheet, "breaks"), ",", -1);

  g_assert_cmpstr (fx_value (x, sheet, "A8"), ==, _("Date"));
  g_assert_cmpuint (g_strv_length (breaks), >=, 1);
  for (guint i = 0; breaks[i]; i++)
    {
      g_autofree char *where = g_strdup_printf ("A%d", atoi (breaks[i]) + 1);

      g_assert_cmpstr (fx_value (x, sheet, where), ==, _("Date"));
    }
  assert_print_setup (x, sheet, "landscape");
}

static void
test_roster_no_posts (void)
{
  g_autoptr(NtStore) store = fx_school_new ();
  g_autoptr(Xlsx) x = export (store, "roster", "2026-11-01", "2026-11-30");

  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "A8"), ==, _("There are no posts to staff yet."));
  g_assert_null (fx_cell (x, x->sheets->pdata[0], "A9"));
}

static void
test_roster_bad_period (void)
{
  g_autoptr(NtStore) store = fx_school_new ();
  g_autofree char *path = nt_test_tmp_path ("bad-roster.xlsx");
  NtReportOptions options = { "2026-11-30", "2026-11-01", NT_REPORT_GROUP_BY_CLASS, 0, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_false (nt_reports_write (store, "roster", &options, path, NULL, NULL, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* ----- duty counts -------------------------------------------------------- */

static void
test_duty_counts (void)
{
  g_auto(Week) w = { 0 };
  g_autoptr(Xlsx) x = NULL;
  const char *sheet;
  static const char * const expected[] = {
    /* No., name, role, shifts, nights, weekends, hours */
    "1", "Vàng A Cổng", NULL, "7", "7", "2", "56",
    "2", "Lò Văn Nam", NULL, "7", "0", "2", "56",
    "3", "Lò Thị Nữ", NULL, "7", "0", "2", "56",
    "4", "Lò Văn Rảnh", NULL, "0", "0", "0", "0",
  };

  week_init (&w);
  x = export (w.store, "duty-counts", "2026-11-02", "2026-11-08");
  sheet = x->sheets->pdata[0];
  g_assert_cmpstr (fx_value (x, sheet, "A4"), ==, _(nt_reports_find ("duty-counts")->title));

  for (guint r = 0; r < 4; r++)
    for (guint c = 0; c < 7; c++)
      {
        g_autofree char *where = fx_coord ((int) c, 8 + (int) r);

        if (c == 2)
          g_assert_cmpstr (fx_value (x, sheet, where), ==,
                           nt_staff_role_label (r == 0 ? "guard" : "supervisor"));
        else
          g_assert_cmpstr (fx_value (x, sheet, where), ==, expected[r * 7 + c]);
      }
  /* The teacher could stand no duty at the post: not listed. */
  g_assert_false (sheet_has (x, sheet, "Hà Thị Dạy"));

  /* The least, the most and the totals: the spread shows at a glance. */
  g_assert_cmpstr (fx_value (x, sheet, "B12"), ==, _("Least"));
  g_assert_cmpstr (fx_value (x, sheet, "D12"), ==, "0");
  g_assert_cmpstr (fx_value (x, sheet, "B13"), ==, _("Most"));
  g_assert_cmpstr (fx_value (x, sheet, "D13"), ==, "7");
  g_assert_cmpstr (fx_value (x, sheet, "E13"), ==, "7");
  g_assert_cmpstr (fx_value (x, sheet, "B14"), ==, _("Total"));
  g_assert_cmpstr (fx_value (x, sheet, "D14"), ==, "21");
  g_assert_cmpstr (fx_value (x, sheet, "E14"), ==, "7");
  g_assert_cmpstr (fx_value (x, sheet, "F14"), ==, "6");
  g_assert_cmpstr (fx_value (x, sheet, "G14"), ==, "168");
  g_assert_true (fx_cell (x, sheet, "D14")->bold);
  assert_print_setup (x, sheet, "portrait");
}

/* ----- hand-over notes ---------------------------------------------------- */

static void
test_handovers (void)
{
  g_auto(Week) w = { 0 };
  g_autoptr(Xlsx) x = NULL;
  g_autoptr(GError) error = NULL;
  NtHandoverInput night = { w.post, 0, "2026-11-03", 0, "2026-11-04 05:50", "Đêm yên tĩnh, đủ quân số.",
                            "Phòng A101 nói chuyện sau giờ ngủ." };
  NtHandoverInput morning = { 0, 0, "2026-11-05", 0, "2026-11-05 13:50", "=1+1", "" };
  NtHandoverInput later = { 0, 0, "2026-11-20", 0, "2026-11-20 13:50", "Ngoài kỳ", "" };
  const char *sheet;
  gint64 id;

  week_init (&w);
  night.post_id = morning.post_id = later.post_id = w.post;
  night.shift_id = w.shifts[2];
  morning.shift_id = later.shift_id = w.shifts[0];
  night.written_by = w.cong;
  morning.written_by = later.written_by = w.nam;
  id = nt_handovers_write (w.store, &night, &error);
  g_assert_no_error (error);
  g_assert_true (nt_handovers_acknowledge (w.store, id, w.nam, "2026-11-04 06:05", &error));
  g_assert_no_error (error);
  nt_handovers_write (w.store, &morning, &error);
  g_assert_no_error (error);
  nt_handovers_write (w.store, &later, &error);
  g_assert_no_error (error);

  x = export (w.store, "handovers", "2026-11-02", "2026-11-08");
  sheet = x->sheets->pdata[0];
  g_assert_cmpstr (fx_value (x, sheet, "A4"), ==, _(nt_reports_find ("handovers")->title));
  g_assert_cmpstr (fx_value (x, sheet, "A8"), ==, "1");
  g_assert_cmpstr (fx_value (x, sheet, "B8"), ==, "2026-11-03");
  g_assert_cmpstr (fx_value (x, sheet, "C8"), ==, "Nhà A");
  g_assert_cmpstr (fx_value (x, sheet, "D8"), ==, "Ca 3");
  g_assert_cmpstr (fx_value (x, sheet, "E8"), ==, "Vàng A Cổng\n04/11/2026 05:50");
  g_assert_cmpstr (fx_value (x, sheet, "F8"), ==, "Đêm yên tĩnh, đủ quân số.");
  g_assert_cmpstr (fx_value (x, sheet, "G8"), ==, "Phòng A101 nói chuyện sau giờ ngủ.");
  g_assert_cmpstr (fx_value (x, sheet, "H8"), ==, "Lò Văn Nam");
  g_assert_cmpstr (fx_value (x, sheet, "I8"), ==, "04/11/2026 06:05");
  g_assert_cmpstr (fx_value (x, sheet, "A9"), ==, "2");
  g_assert_cmpstr (fx_value (x, sheet, "D9"), ==, "Ca 1");
  /* What the person typed stays text, never a formula. */
  g_assert_cmpstr (fx_value (x, sheet, "F9"), ==, "=1+1");
  g_assert_cmpstr (fx_cell (x, sheet, "F9")->type, ==, "s");
  g_assert_cmpstr (fx_value (x, sheet, "H9"), ==, _("Not acknowledged"));
  g_assert_null (fx_cell (x, sheet, "I9"));
  /* The note of the 20th is outside the period. */
  g_assert_null (fx_cell (x, sheet, "A10"));
  g_assert_false (sheet_has (x, sheet, "Ngoài kỳ"));
  assert_print_setup (x, sheet, "landscape");

  g_clear_pointer (&x, fx_xlsx_free);
  x = export (w.store, "handovers", "2026-12-01", "2026-12-31");
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "A8"), ==, _("No hand-over notes in this period."));
}

int
main (int    argc,
      char **argv)
{
  nt_test_init (&argc, &argv);

  g_test_add_func ("/report-roster/roster-whole", test_roster_whole);
  g_test_add_func ("/report-roster/roster-gaps", test_roster_gaps);
  g_test_add_func ("/report-roster/roster-two-blocks", test_roster_two_blocks);
  g_test_add_func ("/report-roster/roster-demo-month", test_roster_demo_month);
  g_test_add_func ("/report-roster/roster-no-posts", test_roster_no_posts);
  g_test_add_func ("/report-roster/roster-bad-period", test_roster_bad_period);
  g_test_add_func ("/report-roster/duty-counts", test_duty_counts);
  g_test_add_func ("/report-roster/handovers", test_handovers);
  return g_test_run ();
}
