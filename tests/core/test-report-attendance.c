/* test-report-attendance.c: the night-check, leave, meal and emergency
 * reports (attendance, night-summary, leave, meals, emergency-rolls) and
 * the meal count, on a hand-built school, read back by openpyxl */
#define G_LOG_DOMAIN "test-report-attendance"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nt-emergency.h"
#include "nt-error.h"
#include "nt-leaves.h"
#include "nt-meals.h"
#include "nt-night-checks.h"
#include "nt-report.h"
#include "nt-reports.h"
#include "nt-school.h"
#include "nt-students.h"
#include "nt-test-util.h"
#include "report-fixture.h"

#define REPORT_DATE "2026-11-26"

/* ----- a small school --------------------------------------------------------------- */

/* Two buildings: Nhà A (A101 on floor 1, A201 on floor 2) and Nhà B
 * (B101).  An and Bình sleep in A101, Chá in A201, Dung in B101; Én
 * left her bed in B101 on 5 November. */
typedef struct
{
  NtStore *store;
  gint64   an;
  gint64   binh;
  gint64   cha;
  gint64   dung;
  gint64   en;
} School;

static gint64
add_student (NtStore    *store,
             const char *code,
             const char *name,
             const char *gender,
             gint64      class_id)
{
  g_autoptr(NtStudent) st = nt_student_new ();
  g_autoptr(GError) error = NULL;

  nt_student_set_text (st, "code", code);
  nt_student_set_text (st, "full-name", name);
  nt_student_set_text (st, "gender", gender);
  nt_student_set_text (st, "birth-date", "2010-05-05");
  nt_student_set_text (st, "boarding", "boarding");
  st->class_id = class_id;
  g_assert_true (nt_students_insert_unchecked (store, st, &error));
  g_assert_no_error (error);
  return nt_students_find_by_code (store, code);
}

static void
school_init (School *s)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 c10, c11;

  s->store = fx_school_new ();
  c11 = nt_classes_add (s->store, "11A1", 11, &error);
  c10 = nt_classes_add (s->store, "10A1", 10, &error);
  g_assert_no_error (error);
  /* Inserted out of name order: the matrix sorts them. */
  s->binh = add_student (s->store, "HS02", "Hoàng Thị Bình", "F", c11);
  s->an = add_student (s->store, "HS01", "Lò Văn An", "M", c10);
  s->cha = add_student (s->store, "HS03", "Vàng A Chá", "M", c10);
  s->dung = add_student (s->store, "HS04", "Quàng Thị Dung", "F", c11);
  s->en = add_student (s->store, "HS05", "Lường Thị Én", "F", c11);

  sql = g_strdup_printf ("INSERT INTO staff (id, code, full_name, name_key, search_text, gender, role) "
                         "  VALUES (1, 'GV01', 'Đỗ Văn Giám', x'00', '', 'M', 'supervisor');"
                         "INSERT INTO buildings (id, name, gender, floors) VALUES (1, 'Nhà A', 'X', 2), (2, 'Nhà B', 'F', 1);"
                         "INSERT INTO rooms (id, building_id, floor, number, capacity, gender) VALUES "
                         "  (1, 1, 2, 'A201', 4, 'X'), (2, 1, 1, 'A101', 4, 'X'), (3, 2, 1, 'B101', 4, 'F');"
                         "INSERT INTO beds (id, room_id, label) VALUES (1, 2, '1'), (2, 2, '2'), (3, 1, '1'),"
                         "  (4, 3, '1'), (5, 3, '2');"
                         "INSERT INTO bed_assignments (student_id, bed_id, start_date, end_date) VALUES "
                         "  (%" G_GINT64_FORMAT ", 1, '2026-09-01', NULL), (%" G_GINT64_FORMAT ", 2, '2026-09-01', NULL),"
                         "  (%" G_GINT64_FORMAT ", 3, '2026-09-01', NULL), (%" G_GINT64_FORMAT ", 4, '2026-09-01', NULL),"
                         "  (%" G_GINT64_FORMAT ", 5, '2026-09-01', '2026-11-05');",
                         s->an, s->binh, s->cha, s->dung, s->en);
  fx_exec (s->store, sql);
}

static void
school_clear (School *s)
{
  g_clear_object (&s->store);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (School, school_clear)

/* One check of @building on @night, its entries "student:bed:status"
 * (status "-" for not yet checked). */
static void
add_check (School     *s,
           gint64      check_id,
           const char *night,
           gint64      building,
           const char *const *entries)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO night_checks (id, night, building_id, supervisor_id, started_at) "
                          "VALUES (%" G_GINT64_FORMAT ", '%s', %" G_GINT64_FORMAT ", 1, '%s 21:30:00');",
                          check_id, night, building, night);
  for (guint i = 0; entries[i]; i++)
    {
      g_auto(GStrv) f = g_strsplit (entries[i], ":", 3);
      gboolean none = g_str_equal (f[2], "-");

      g_string_append_printf (sql, "INSERT INTO night_check_entries (check_id, student_id, bed_id, status) "
                              "VALUES (%" G_GINT64_FORMAT ", %s, %s, %s%s%s);",
                              check_id, f[0], f[1], none ? "" : "'", none ? "NULL" : f[2], none ? "" : "'");
    }
  fx_exec (s->store, sql->str);
}

/* "student:bed:status" */
static char *
entry (gint64      student,
       int         bed,
       const char *status)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%d:%s", student, bed, status);
}

/* Nhà A on 1-3 November and 1 December, Nhà B on 1-2 November:
 *           1/11     2/11    3/11        1/12
 *   An      present  late    present     absent
 *   Bình    absent   present absent
 *   Chá     leave    sick    (unchecked)
 *   Dung    present  absent               (Nhà B) */
static void
add_checks (School *s)
{
  g_auto(GStrv) n1 = NULL, n2 = NULL, n3 = NULL, d1 = NULL, b1 = NULL, b2 = NULL;

  n1 = g_new0 (char *, 4);
  n1[0] = entry (s->an, 1, "present");
  n1[1] = entry (s->binh, 2, "absent");
  n1[2] = entry (s->cha, 3, "leave");
  n2 = g_new0 (char *, 4);
  n2[0] = entry (s->an, 1, "late");
  n2[1] = entry (s->binh, 2, "present");
  n2[2] = entry (s->cha, 3, "sick");
  n3 = g_new0 (char *, 4);
  n3[0] = entry (s->an, 1, "present");
  n3[1] = entry (s->binh, 2, "absent");
  n3[2] = entry (s->cha, 3, "-");
  d1 = g_new0 (char *, 2);
  d1[0] = entry (s->an, 1, "absent");
  b1 = g_new0 (char *, 2);
  b1[0] = entry (s->dung, 4, "present");
  b2 = g_new0 (char *, 2);
  b2[0] = entry (s->dung, 4, "absent");

  add_check (s, 1, "2026-11-01", 1, (const char *const *) n1);
  add_check (s, 2, "2026-11-02", 1, (const char *const *) n2);
  add_check (s, 3, "2026-11-03", 1, (const char *const *) n3);
  add_check (s, 4, "2026-12-01", 1, (const char *const *) d1);
  add_check (s, 5, "2026-11-01", 2, (const char *const *) b1);
  add_check (s, 6, "2026-11-02", 2, (const char *const *) b2);
}

static char *
write_report (School     *s,
              const char *name,
              const char *from,
              const char *to,
              gint64      building,
              const char *file)
{
  NtReportOptions options = { .from = from, .to = to, .building_id = building, .date = REPORT_DATE };
  char *path = nt_test_tmp_path (file);
  g_autoptr(GError) error = NULL;

  g_assert_true (nt_reports_write (s->store, name, &options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* ----- reading back what read-xlsx.py leaves out ---------------------------------------- */

typedef struct
{
  GHashTable *fills;     /* "Sheet!E9" → "FFC7CE" */
  GPtrArray  *charts;    /* "Sheet\tkind\tcategories\tvalues" */
  GHashTable *freezes;   /* "Sheet" → "E8" */
} Styles;

static void
styles_clear (Styles *st)
{
  g_clear_pointer (&st->fills, g_hash_table_unref);
  g_clear_pointer (&st->charts, g_ptr_array_unref);
  g_clear_pointer (&st->freezes, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Styles, styles_clear)

static void
read_styles (const char *path,
             Styles     *st)
{
  g_autofree char *script = g_build_filename (g_getenv ("NOITRU_SOURCE_ROOT"), "tests", "core",
                                              "read-xlsx-styles.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("read-xlsx-styles.py failed on %s: %s", path, err);
  st->fills = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  st->charts = g_ptr_array_new_with_free_func (g_free);
  st->freezes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", 2);

      if (g_strv_length (f) < 2)
        continue;
      if (g_str_equal (f[0], "fill"))
        {
          g_auto(GStrv) g = g_strsplit (f[1], "\t", -1);
          g_hash_table_insert (st->fills, g_strdup_printf ("%s!%s", g[0], g[1]), g_strdup (g[2]));
        }
      else if (g_str_equal (f[0], "chart"))
        g_ptr_array_add (st->charts, g_strdup (f[1]));
      else if (g_str_equal (f[0], "freeze"))
        {
          g_auto(GStrv) g = g_strsplit (f[1], "\t", -1);
          g_hash_table_insert (st->freezes, g_strdup (g[0]), g_strdup (g[1]));
        }
    }
}

static const char *
fill_of (Styles     *st,
         const char *sheet,
         const char *where)
{
  g_autofree char *key = g_strdup_printf ("%s!%s", sheet, where);
  const char *fill = g_hash_table_lookup (st->fills, key);

  return fill ? fill : "";
}

/* Excel's name of column @col (0 is A), row @row. */
static char *
coord (int col,
       int row)
{
  char name[4] = { 0 };

  if (col < 26)
    name[0] = (char) ('A' + col);
  else
    {
      name[0] = (char) ('A' + col / 26 - 1);
      name[1] = (char) ('A' + col % 26);
    }
  return g_strdup_printf ("%s%d", name, row);
}

static const char *
at (Xlsx       *x,
    const char *sheet,
    int         col,
    int         row)
{
  g_autofree char *where = coord (col, row);
  return fx_value (x, sheet, where);
}

static const char *
letter (const char *status)
{
  return nt_report_attendance_letter (status);
}

/* ----- attendance ------------------------------------------------------------------------ */

/* Columns of the November matrix: A-D the student, E (4) the 1st to AH (33)
 * the 30th, then present, on leave, sick, absent, late. */
#define DAY(d)     (4 + (d) - 1)
#define TOTAL(i)   (34 + (i))
enum { T_PRESENT, T_LEAVE, T_SICK, T_ABSENT, T_LATE };

static void
assert_student (Xlsx               *x,
                const char         *sheet,
                int                 row,
                const char         *number,
                const char         *name,
                const char         *class_name,
                const char         *room,
                const char *const  *days,
                const char *const  *totals)
{
  g_assert_cmpstr (at (x, sheet, 0, row), ==, number);
  g_assert_cmpstr (at (x, sheet, 1, row), ==, name);
  g_assert_cmpstr (at (x, sheet, 2, row), ==, class_name);
  g_assert_cmpstr (at (x, sheet, 3, row), ==, room);
  for (int d = 0; d < 30; d++)
    {
      const char *want = days[d] ? letter (days[d]) : "";
      if (g_strcmp0 (at (x, sheet, DAY (d + 1), row), want) != 0)
        g_error ("%s row %d night %d: expected “%s”, got “%s”", sheet, row, d + 1, want,
                 at (x, sheet, DAY (d + 1), row));
    }
  for (int t = 0; t < 5; t++)
    g_assert_cmpstr (at (x, sheet, TOTAL (t), row), ==, totals[t]);
}

static void
test_attendance_month (void)
{
  g_auto(School) s = { 0 };
  g_autofree char *path = NULL;
  g_autoptr(Xlsx) x = NULL;
  g_auto(Styles) st = { 0 };
  const char *letters[5];

  school_init (&s);
  add_checks (&s);
  path = write_report (&s, "attendance", "2026-11-01", "2026-11-30", 0, "attendance-month.xlsx");
  x = fx_read_xlsx (path);
  read_styles (path, &st);

  /* Five different letters, none empty: the matrix is readable whatever
   * the language. */
  letters[0] = letter ("present");
  letters[1] = letter ("leave");
  letters[2] = letter ("sick");
  letters[3] = letter ("absent");
  letters[4] = letter ("late");
  for (int i = 0; i < 5; i++)
    {
      g_assert_cmpuint (strlen (letters[i]), >, 0);
      for (int j = 0; j < i; j++)
        g_assert_cmpstr (letters[i], !=, letters[j]);
    }
  g_assert_cmpstr (letter (NULL), ==, "");

  /* One sheet per building; the December night is left out. */
  g_assert_cmpuint (x->sheets->len, ==, 2);
  g_assert_cmpstr (x->sheets->pdata[0], ==, "Nhà A");
  g_assert_cmpstr (x->sheets->pdata[1], ==, "Nhà B");
  g_assert_cmpstr (fx_value (x, "Nhà A", "A4"), ==, _(nt_reports_find ("attendance")->title));
  {
    g_autofree char *subtitle = g_strdup_printf (_("%s - month %d/%d"), "Nhà A", 11, 2026);
    g_assert_cmpstr (fx_value (x, "Nhà A", "A5"), ==, subtitle);
  }
  g_assert_cmpstr (fx_setup (x, "Nhà A", "orientation"), ==, "landscape");
  g_assert_cmpstr (fx_setup (x, "Nhà A", "fit_width"), ==, "1");
  g_assert_cmpstr (fx_setup (x, "Nhà A", "fit_height"), ==, "0");
  g_assert_cmpstr (fx_setup (x, "Nhà A", "title_rows"), ==, "7:7");
  g_assert_cmpstr (g_hash_table_lookup (st.freezes, "Nhà A"), ==, "E8");

  /* The header: the days of the month, then the totals. */
  g_assert_cmpstr (at (x, "Nhà A", DAY (1), 7), ==, "1");
  g_assert_cmpstr (at (x, "Nhà A", DAY (30), 7), ==, "30");
  g_assert_cmpstr (at (x, "Nhà A", TOTAL (T_PRESENT), 7), ==, _("Present"));
  g_assert_cmpstr (at (x, "Nhà A", TOTAL (T_LATE), 7), ==, _("Late"));
  g_assert_cmpstr (at (x, "Nhà A", TOTAL (T_LATE) + 1, 7), ==, "");

  /* Walking order: floor 1 (A101: An, Bình by name), then floor 2. */
  {
    const char *an[30] = { "present", "late", "present" };
    const char *an_totals[] = { "2", "0", "0", "0", "1" };
    const char *binh[30] = { "absent", "present", "absent" };
    const char *binh_totals[] = { "1", "0", "0", "2", "0" };
    const char *cha[30] = { "leave", "sick", NULL };
    const char *cha_totals[] = { "0", "1", "1", "0", "0" };
    const char *dung[30] = { "present", "absent" };
    const char *dung_totals[] = { "1", "0", "0", "1", "0" };

    assert_student (x, "Nhà A", 8, "1", "Lò Văn An", "10A1", "A101", an, an_totals);
    assert_student (x, "Nhà A", 9, "2", "Hoàng Thị Bình", "11A1", "A101", binh, binh_totals);
    assert_student (x, "Nhà A", 10, "3", "Vàng A Chá", "10A1", "A201", cha, cha_totals);
    assert_student (x, "Nhà B", 8, "1", "Quàng Thị Dung", "11A1", "B101", dung, dung_totals);
  }

  /* The nights' totals: a row per status, the period's sum under its column. */
  g_assert_cmpstr (at (x, "Nhà A", 1, 11), ==, _("Present"));
  g_assert_cmpstr (at (x, "Nhà A", 2, 11), ==, letter ("present"));
  g_assert_cmpstr (at (x, "Nhà A", DAY (1), 11), ==, "1");
  g_assert_cmpstr (at (x, "Nhà A", DAY (2), 11), ==, "1");
  g_assert_cmpstr (at (x, "Nhà A", DAY (3), 11), ==, "1");
  g_assert_cmpstr (at (x, "Nhà A", DAY (4), 11), ==, "0");
  g_assert_cmpstr (at (x, "Nhà A", TOTAL (T_PRESENT), 11), ==, "3");
  g_assert_cmpstr (at (x, "Nhà A", TOTAL (T_ABSENT), 11), ==, "");
  g_assert_cmpstr (at (x, "Nhà A", 1, 14), ==, _("Absent"));
  g_assert_cmpstr (at (x, "Nhà A", DAY (1), 14), ==, "1");
  g_assert_cmpstr (at (x, "Nhà A", DAY (2), 14), ==, "0");
  g_assert_cmpstr (at (x, "Nhà A", DAY (3), 14), ==, "1");
  g_assert_cmpstr (at (x, "Nhà A", TOTAL (T_ABSENT), 14), ==, "2");
  g_assert_cmpstr (at (x, "Nhà A", 1, 15), ==, _("Late"));
  g_assert_cmpstr (at (x, "Nhà A", DAY (2), 15), ==, "1");
  g_assert_cmpstr (at (x, "Nhà A", TOTAL (T_LATE), 15), ==, "1");
  g_assert_true (fx_cell (x, "Nhà A", "B14")->bold);
  /* The legend names the letters. */
  g_assert_nonnull (strstr (fx_value (x, "Nhà A", "A16"), letter ("absent")));
  g_assert_true (fx_merged (x, "Nhà A", "A16:AM16"));

  /* Colours: absent red, late orange, leave blue, sick yellow, present none. */
  g_assert_cmpstr (fill_of (&st, "Nhà A", "E9"), ==, "FFC7CE");
  g_assert_cmpstr (fill_of (&st, "Nhà A", "F8"), ==, "F8CBAD");
  g_assert_cmpstr (fill_of (&st, "Nhà A", "E10"), ==, "DDEBF7");
  g_assert_cmpstr (fill_of (&st, "Nhà A", "F10"), ==, "FFF2CC");
  g_assert_cmpstr (fill_of (&st, "Nhà A", "E8"), ==, "");
  g_assert_cmpstr (fill_of (&st, "Nhà A", "G10"), ==, "");
  g_assert_cmpstr (fill_of (&st, "Nhà A", "AL9"), ==, "FFC7CE");
  g_assert_cmpstr (fill_of (&st, "Nhà A", "AL8"), ==, "");
  g_assert_cmpstr (fill_of (&st, "Nhà A", "E14"), ==, "D9D9D9");

  /* A chart of the absent row against the days, on each sheet. */
  g_assert_cmpuint (st.charts->len, ==, 2);
  g_assert_cmpstr (st.charts->pdata[0], ==, "Nhà A\tbarChart\t'Nhà A'!$E$7:$AH$7\t'Nhà A'!$E$14:$AH$14");
  g_assert_cmpstr (st.charts->pdata[1], ==, "Nhà B\tbarChart\t'Nhà B'!$E$7:$AH$7\t'Nhà B'!$E$12:$AH$12");
}

static void
test_attendance_months_and_building (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *bad = nt_test_tmp_path ("attendance-bad.xlsx");
  g_autoptr(Xlsx) x = NULL;
  NtReportOptions options = { .from = "2026-11-30", .to = "2026-11-01" };

  school_init (&s);
  add_checks (&s);

  /* Two months: a sheet per month and building, the days of each month. */
  path = write_report (&s, "attendance", "2026-11-02", "2026-12-31", 0, "attendance-months.xlsx");
  x = fx_read_xlsx (path);
  g_assert_cmpuint (x->sheets->len, ==, 3);
  g_assert_cmpstr (x->sheets->pdata[0], ==, "Nhà A 11-2026");
  g_assert_cmpstr (x->sheets->pdata[1], ==, "Nhà B 11-2026");
  g_assert_cmpstr (x->sheets->pdata[2], ==, "Nhà A 12-2026");
  /* November from the 2nd: its first column is the 2nd. */
  g_assert_cmpstr (fx_value (x, "Nhà A 11-2026", "E7"), ==, "2");
  g_assert_cmpstr (fx_value (x, "Nhà A 11-2026", "E8"), ==, letter ("late"));
  g_assert_cmpstr (fx_value (x, "Nhà A 12-2026", "E7"), ==, "1");
  g_assert_cmpstr (fx_value (x, "Nhà A 12-2026", "B8"), ==, "Lò Văn An");
  g_assert_cmpstr (fx_value (x, "Nhà A 12-2026", "E8"), ==, letter ("absent"));
  g_assert_cmpstr (fx_value (x, "Nhà A 12-2026", "B9"), ==, _("Present"));
  g_clear_pointer (&x, fx_xlsx_free);
  g_free (path);

  /* One building. */
  path = write_report (&s, "attendance", "2026-11-01", "2026-11-30", 2, "attendance-b.xlsx");
  x = fx_read_xlsx (path);
  g_assert_cmpuint (x->sheets->len, ==, 1);
  g_assert_cmpstr (x->sheets->pdata[0], ==, "Nhà B");
  g_clear_pointer (&x, fx_xlsx_free);
  g_free (path);

  /* A period without checks still gives a document that says so. */
  path = write_report (&s, "attendance", "2026-10-01", "2026-10-31", 0, "attendance-empty.xlsx");
  x = fx_read_xlsx (path);
  g_assert_cmpuint (x->sheets->len, ==, 1);
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "A8"), ==, _("There was no night check in this period."));

  /* Refused: a period that ends before it starts, a building that does not exist. */
  g_assert_false (nt_reports_write (s.store, "attendance", &options, bad, NULL, NULL, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  options = (NtReportOptions) { .from = "2026-11-01", .to = "2026-11-31" };
  g_assert_false (nt_reports_write (s.store, "attendance", &options, bad, NULL, NULL, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-11-31"));
  g_clear_error (&error);
  options = (NtReportOptions) { .building_id = 99 };
  g_assert_false (nt_reports_write (s.store, "attendance", &options, bad, NULL, NULL, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "99"));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

/* ----- night summary ---------------------------------------------------------------------- */

static void
test_night_summary (void)
{
  g_auto(School) s = { 0 };
  g_autofree char *path = NULL;
  g_autoptr(Xlsx) x = NULL;
  const char *by_night = NULL, *by_building = NULL, *by_class = NULL;
  /* Night, building, floor, expected, present, leave, sick, absent, late, not checked. */
  const char *nights[] = {
    "2026-11-01", "Nhà A", "1", "2", "1", "0", "0", "1", "0", "0",
    "2026-11-01", "Nhà A", "2", "1", "0", "1", "0", "0", "0", "0",
    "2026-11-01", "Nhà B", "1", "1", "1", "0", "0", "0", "0", "0",
    "2026-11-02", "Nhà A", "1", "2", "1", "0", "0", "0", "1", "0",
    "2026-11-02", "Nhà A", "2", "1", "0", "0", "1", "0", "0", "0",
    "2026-11-02", "Nhà B", "1", "1", "0", "0", "0", "1", "0", "0",
    "2026-11-03", "Nhà A", "1", "2", "1", "0", "0", "1", "0", "0",
    "2026-11-03", "Nhà A", "2", "1", "0", "0", "0", "0", "0", "1",
    _("Total"), "", "", "11", "4", "1", "1", "3", "1", "1",
  };
  const char *buildings[] = {
    "Nhà A", "1", "3", "6", "3", "0", "0", "2", "1", "0",
    "Nhà A", "2", "3", "3", "0", "1", "1", "0", "0", "1",
    "Nhà B", "1", "2", "2", "1", "0", "0", "1", "0", "0",
    _("Total"), "", "", "11", "4", "1", "1", "3", "1", "1",
  };
  /* Class, students, student-nights, present, leave, sick, absent, late, not checked. */
  const char *classes[] = {
    "10A1", "2", "6", "2", "1", "1", "0", "1", "1",
    "11A1", "2", "5", "2", "0", "0", "3", "0", "0",
    _("Total"), "4", "11", "4", "1", "1", "3", "1", "1",
  };

  school_init (&s);
  add_checks (&s);
  path = write_report (&s, "night-summary", "2026-11-01", "2026-11-03", 0, "night-summary.xlsx");
  x = fx_read_xlsx (path);
  g_assert_cmpuint (x->sheets->len, ==, 3);
  by_night = x->sheets->pdata[0];
  by_building = x->sheets->pdata[1];
  by_class = x->sheets->pdata[2];
  g_assert_cmpstr (by_night, ==, _("By night"));
  g_assert_cmpstr (by_class, ==, _("By class"));
  g_assert_cmpstr (fx_value (x, by_night, "A4"), ==, _(nt_reports_find ("night-summary")->title));
  fx_assert_rows (x, by_night, 8, nights, G_N_ELEMENTS (nights) / 10, 10);
  fx_assert_rows (x, by_building, 8, buildings, G_N_ELEMENTS (buildings) / 10, 10);
  fx_assert_rows (x, by_class, 8, classes, G_N_ELEMENTS (classes) / 9, 9);
  g_clear_pointer (&x, fx_xlsx_free);
  g_free (path);

  /* One night (one end given), one building. */
  path = write_report (&s, "night-summary", "2026-11-02", NULL, 2, "night-summary-b.xlsx");
  x = fx_read_xlsx (path);
  {
    const char *one[] = {
      "2026-11-02", "Nhà B", "1", "1", "0", "0", "0", "1", "0", "0",
      _("Total"), "", "", "1", "0", "0", "0", "1", "0", "0",
    };
    g_autofree char *night = g_strdup_printf (_("Night of %s"), "02/11/2026");
    g_autofree char *subtitle = g_strdup_printf (_("%s - %s"), "Nhà B", night);

    fx_assert_rows (x, x->sheets->pdata[0], 8, one, 2, 10);
    g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "A5"), ==, subtitle);
  }
}

/* ----- leave --------------------------------------------------------------------------------- */

static void
add_leaves (School *s)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO leaves (student_id, from_time, to_time, reason, destination, guardian_name, guardian_phone, "
    "  state, approved_by, out_at, returned_at) VALUES "
    /* Past, returned. */
    "  (%" G_GINT64_FORMAT ", '2024-11-01 08:00', '2024-11-02 17:00', 'home', 'Bản Hon', 'Vàng A Dình', "
    "   '0912345678', 'returned', 1, '2024-11-01 08:10', '2024-11-02 16:45'),"
    /* Out and never back: overdue whenever the report is written (the
     * leave test is in 2024, so that this holds whatever the clock). */
    "  (%" G_GINT64_FORMAT ", '2024-11-20 07:00', '2024-11-21 17:00', 'family', 'Sìn Hồ', 'Hoàng Văn Tư', "
    "   '0987000111', 'out', 1, '2024-11-20 07:15', NULL),"
    /* Cancelled. */
    "  (%" G_GINT64_FORMAT ", '2024-11-10 13:00', '2024-11-10 18:00', 'medical', '', '', '', 'cancelled', NULL, NULL, NULL),"
    /* Before the period. */
    "  (%" G_GINT64_FORMAT ", '2024-10-01 08:00', '2024-10-02 17:00', 'home', '', '', '', 'returned', 1, NULL, '2024-10-02 16:00'),"
    /* In the period, in the other building. */
    "  (%" G_GINT64_FORMAT ", '2024-11-15 08:00', '2024-11-15 12:00', 'school', 'Sở GD', '', '', 'approved', 1, NULL, NULL);",
    s->cha, s->binh, s->an, s->an, s->dung);

  fx_exec (s->store, sql);
}

static void
test_leave (void)
{
  g_auto(School) s = { 0 };
  g_autofree char *path = NULL;
  g_autoptr(Xlsx) x = NULL;
  g_auto(Styles) st = { 0 };
  const char *sheet;
  /* No., name, class, room, from, to, reason, destination, guardian, phone,
   * approved by, state, out, back. */
  const char *rows[] = {
    "1", "Vàng A Chá", "10A1", "A201", "01/11/2024 08:00", "02/11/2024 17:00", nt_leave_reason_label ("home"),
    "Bản Hon", "Vàng A Dình", "0912345678", "Đỗ Văn Giám", nt_leave_state_label ("returned"),
    "01/11/2024 08:10", "02/11/2024 16:45",
    "2", "Lò Văn An", "10A1", "A101", "10/11/2024 13:00", "10/11/2024 18:00", nt_leave_reason_label ("medical"),
    "", "", "", "", nt_leave_state_label ("cancelled"), "", "",
    "3", "Quàng Thị Dung", "11A1", "B101", "15/11/2024 08:00", "15/11/2024 12:00", nt_leave_reason_label ("school"),
    "Sở GD", "", "", "Đỗ Văn Giám", nt_leave_state_label ("overdue"), "", "",
    "4", "Hoàng Thị Bình", "11A1", "A101", "20/11/2024 07:00", "21/11/2024 17:00", nt_leave_reason_label ("family"),
    "Sìn Hồ", "Hoàng Văn Tư", "0987000111", "Đỗ Văn Giám", nt_leave_state_label ("overdue"),
    "20/11/2024 07:15", "",
  };

  school_init (&s);
  add_leaves (&s);
  path = write_report (&s, "leave", "2024-11-01", "2024-11-30", 0, "leave.xlsx");
  x = fx_read_xlsx (path);
  read_styles (path, &st);
  g_assert_cmpuint (x->sheets->len, ==, 1);
  sheet = x->sheets->pdata[0];
  g_assert_cmpstr (fx_value (x, sheet, "A4"), ==, _(nt_reports_find ("leave")->title));
  {
    g_autofree char *period = g_strdup_printf (_("from %s to %s"), "01/11/2024", "30/11/2024");
    g_assert_cmpstr (fx_value (x, sheet, "A5"), ==, period);
  }
  fx_assert_rows (x, sheet, 8, rows, 4, 14);
  g_assert_cmpstr (fx_setup (x, sheet, "orientation"), ==, "landscape");
  /* Overdue stands out. */
  g_assert_cmpstr (fill_of (&st, sheet, "L11"), ==, "FFC7CE");
  g_assert_cmpstr (fill_of (&st, sheet, "L8"), ==, "");
  g_clear_pointer (&x, fx_xlsx_free);
  g_free (path);

  /* One building: the students whose bed is there. */
  path = write_report (&s, "leave", "2024-11-01", "2024-11-30", 2, "leave-b.xlsx");
  x = fx_read_xlsx (path);
  sheet = x->sheets->pdata[0];
  g_assert_cmpstr (fx_value (x, sheet, "B8"), ==, "Quàng Thị Dung");
  g_assert_cmpstr (fx_value (x, sheet, "B9"), ==, "");
}

/* ----- meals ------------------------------------------------------------------------------- */

/* On 5 November: An is out 10:00-16:00 (misses lunch, back for dinner),
 * Bình leaves at 15:00 (misses dinner), Chá only asked (counted), Dung
 * came back at 09:00 from a leave until the 6th (misses breakfast), Én
 * left her bed that day (not counted). */
static void
add_meal_leaves (School *s)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO leaves (student_id, from_time, to_time, reason, state, approved_by, out_at, returned_at) VALUES "
    "  (%" G_GINT64_FORMAT ", '2026-11-05 10:00', '2026-11-05 16:00', 'medical', 'approved', 1, NULL, NULL),"
    "  (%" G_GINT64_FORMAT ", '2026-11-05 15:00', '2026-11-07 17:00', 'home', 'out', 1, '2026-11-05 15:05', NULL),"
    "  (%" G_GINT64_FORMAT ", '2026-11-04 06:00', '2026-11-06 20:00', 'home', 'requested', NULL, NULL, NULL),"
    "  (%" G_GINT64_FORMAT ", '2026-11-04 08:00', '2026-11-06 17:00', 'home', 'returned', 1, '2026-11-04 08:00', '2026-11-05 09:00');",
    s->an, s->binh, s->cha, s->dung);

  fx_exec (s->store, sql);
}

static guint
count (School     *s,
       const char *day,
       NtMeal      meal,
       gint64      building)
{
  g_autoptr(GError) error = NULL;
  guint n = 999;

  g_assert_true (nt_meals_count (s->store, day, meal, building, &n, &error));
  g_assert_no_error (error);
  return n;
}

static void
test_meals (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) day = NULL;
  g_autofree char *path = NULL;
  g_autoptr(Xlsx) x = NULL;
  g_autofree char *total4 = g_strdup_printf (_("Total %s"), "04/11/2026");
  g_autofree char *total5 = g_strdup_printf (_("Total %s"), "05/11/2026");
  g_autofree char *lunch = g_strdup_printf (_("%s (%s)"), nt_meal_label (NT_MEAL_LUNCH), "11:30");
  guint n = 0;
  /* Day, building, boarders, breakfast, lunch, dinner, portions. */
  const char *rows[] = {
    "2026-11-04", "Nhà A", "3", "3", "3", "3", "9",
    "2026-11-04", "Nhà B", "2", "2", "1", "1", "4",
    total4, "", "", "5", "4", "4", "13",
    "2026-11-05", "Nhà A", "3", "3", "2", "2", "7",
    "2026-11-05", "Nhà B", "1", "0", "1", "1", "2",
    total5, "", "", "3", "3", "3", "9",
    _("Total"), "", "", "8", "7", "7", "22",
  };

  school_init (&s);
  add_meal_leaves (&s);

  g_assert_cmpstr (nt_meal_time (NT_MEAL_BREAKFAST), ==, "06:30");
  g_assert_cmpstr (nt_meal_time (NT_MEAL_LUNCH), ==, "11:30");
  g_assert_cmpstr (nt_meal_time (NT_MEAL_DINNER), ==, "17:30");
  g_assert_cmpuint (count (&s, "2026-11-05", NT_MEAL_BREAKFAST, 1), ==, 3);
  g_assert_cmpuint (count (&s, "2026-11-05", NT_MEAL_LUNCH, 1), ==, 2);
  g_assert_cmpuint (count (&s, "2026-11-05", NT_MEAL_DINNER, 1), ==, 2);
  g_assert_cmpuint (count (&s, "2026-11-05", NT_MEAL_BREAKFAST, 2), ==, 0);
  g_assert_cmpuint (count (&s, "2026-11-05", NT_MEAL_LUNCH, 2), ==, 1);
  g_assert_cmpuint (count (&s, "2026-11-05", NT_MEAL_LUNCH, 0), ==, 3);
  g_assert_cmpuint (count (&s, "2026-11-04", NT_MEAL_BREAKFAST, 0), ==, 5);
  /* Before anyone had a bed. */
  g_assert_cmpuint (count (&s, "2026-08-01", NT_MEAL_LUNCH, 0), ==, 0);

  day = nt_meals_day (s.store, "2026-11-05", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (day)), ==, 2);
  {
    g_autoptr(NtMealCount) b = g_list_model_get_item (G_LIST_MODEL (day), 1);
    g_assert_cmpstr (b->building_name, ==, "Nhà B");
    g_assert_cmpuint (b->boarders, ==, 1);
    g_assert_cmpuint (b->meals[NT_MEAL_BREAKFAST], ==, 0);
    g_assert_cmpuint (b->meals[NT_MEAL_DINNER], ==, 1);
  }
  g_assert_false (nt_meals_count (s.store, "2026-02-30", NT_MEAL_LUNCH, 0, &n, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-02-30"));

  path = write_report (&s, "meals", "2026-11-04", "2026-11-05", 0, "meals.xlsx");
  x = fx_read_xlsx (path);
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "A4"), ==, _(nt_reports_find ("meals")->title));
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "E7"), ==, lunch);
  fx_assert_rows (x, x->sheets->pdata[0], 8, rows, G_N_ELEMENTS (rows) / 7, 7);
  g_clear_pointer (&x, fx_xlsx_free);
  g_free (path);

  /* One day, one building: no total rows. */
  path = write_report (&s, "meals", "2026-11-05", NULL, 1, "meals-a.xlsx");
  x = fx_read_xlsx (path);
  {
    const char *one[] = { "2026-11-05", "Nhà A", "3", "3", "2", "2", "7" };
    fx_assert_rows (x, x->sheets->pdata[0], 8, one, 1, 7);
  }
}

/* ----- emergency rolls ------------------------------------------------------------------ */

static void
test_emergency_rolls (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) entries = NULL;
  g_autoptr(GListStore) unaccounted = NULL;
  g_autofree char *path = NULL;
  g_autofree char *roll_sheet = NULL;
  g_autoptr(Xlsx) x = NULL;
  g_auto(Styles) st = { 0 };
  g_autofree char *group_a = NULL;
  gint64 roll;
  const char *rolls_sheet;
  const char *list[] = {
    "1", nt_emergency_kind_label ("drill"), "05/11/2026 21:40:00", "05/11/2026 21:52:00", "Đỗ Văn Giám",
    "4", "2", "1", "0", "0", "1", "Diễn tập PCCC",
  };

  school_init (&s);
  fx_exec (s.store, "UPDATE buildings SET assembly_point = 'Sân bóng' WHERE id = 1");
  /* On 5 November Én has left her bed: four people on the roll. */
  roll = nt_emergency_start_at (s.store, "drill", 1, "2026-11-05 21:40", &error);
  g_assert_no_error (error);
  entries = nt_emergency_entries (s.store, roll, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (entries)), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(NtRollEntry) e = g_list_model_get_item (G_LIST_MODEL (entries), i);
      const char *status = e->student_id == s.an || e->student_id == s.dung ? "safe"
                           : e->student_id == s.binh ? "missing" : NULL;

      if (status)
        g_assert_true (nt_emergency_mark (s.store, e->id, status, &error));
      g_assert_no_error (error);
    }
  g_assert_true (nt_emergency_end_at (s.store, roll, "Diễn tập PCCC", "2026-11-05 21:52", &unaccounted, &error));
  g_assert_no_error (error);

  path = write_report (&s, "emergency-rolls", NULL, NULL, 0, "emergency-rolls.xlsx");
  x = fx_read_xlsx (path);
  read_styles (path, &st);
  g_assert_cmpuint (x->sheets->len, ==, 2);
  rolls_sheet = x->sheets->pdata[0];
  roll_sheet = g_strdup_printf (_("Roll %u"), 1);
  g_assert_cmpstr (x->sheets->pdata[1], ==, roll_sheet);
  g_assert_cmpstr (fx_value (x, rolls_sheet, "A4"), ==, _(nt_reports_find ("emergency-rolls")->title));
  fx_assert_rows (x, rolls_sheet, 8, list, 1, 12);
  g_assert_cmpstr (fill_of (&st, rolls_sheet, "H8"), ==, "FFC7CE");

  /* Everyone, by building and assembly point, with the state and when. */
  group_a = g_strdup_printf (_("%s - assembly point: %s"), "Nhà A", "Sân bóng");
  g_assert_cmpstr (fx_value (x, roll_sheet, "A8"), ==, group_a);
  g_assert_cmpstr (fx_value (x, roll_sheet, "B9"), ==, "Lò Văn An");
  g_assert_cmpstr (fx_value (x, roll_sheet, "D9"), ==, "A101");
  g_assert_cmpstr (fx_value (x, roll_sheet, "E9"), ==, nt_emergency_status_label ("safe"));
  g_assert_true (g_str_has_prefix (fx_value (x, roll_sheet, "F9"), "/") == FALSE &&
                 strlen (fx_value (x, roll_sheet, "F9")) == 19);
  g_assert_cmpstr (fx_value (x, roll_sheet, "B10"), ==, "Hoàng Thị Bình");
  g_assert_cmpstr (fx_value (x, roll_sheet, "E10"), ==, nt_emergency_status_label ("missing"));
  g_assert_cmpstr (fill_of (&st, roll_sheet, "E10"), ==, "FFC7CE");
  g_assert_cmpstr (fx_value (x, roll_sheet, "B11"), ==, "Vàng A Chá");
  g_assert_cmpstr (fx_value (x, roll_sheet, "E11"), ==, nt_emergency_status_label (NULL));
  g_assert_cmpstr (fx_value (x, roll_sheet, "F11"), ==, "");
  g_assert_cmpstr (fx_value (x, roll_sheet, "A12"), ==, "Nhà B");
  g_assert_cmpstr (fx_value (x, roll_sheet, "A13"), ==, "1");
  g_assert_cmpstr (fx_value (x, roll_sheet, "B13"), ==, "Quàng Thị Dung");
  g_clear_pointer (&x, fx_xlsx_free);
  g_free (path);

  /* A period without rolls. */
  path = write_report (&s, "emergency-rolls", "2026-11-06", "2026-11-30", 0, "emergency-rolls-none.xlsx");
  x = fx_read_xlsx (path);
  g_assert_cmpuint (x->sheets->len, ==, 1);
  g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "A8"), ==, _("There was no emergency roll in this period."));
}

/* The same from the command line's entry, by name, with the defaults
 * (no period given): every report writes a file. */
static void
test_defaults (void)
{
  g_auto(School) s = { 0 };
  const char *names[] = { "attendance", "night-summary", "leave", "meals", "emergency-rolls" };

  school_init (&s);
  add_checks (&s);
  add_leaves (&s);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *file = g_strdup_printf ("default-%s.xlsx", names[i]);
      g_autofree char *path = write_report (&s, names[i], NULL, NULL, 0, file);
      g_autoptr(Xlsx) x = fx_read_xlsx (path);

      g_assert_cmpuint (x->sheets->len, >=, 1);
      g_assert_cmpstr (fx_value (x, x->sheets->pdata[0], "A4"), ==, _(nt_reports_find (names[i])->title));
    }
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);

  g_test_add_func ("/report-attendance/attendance/month", test_attendance_month);
  g_test_add_func ("/report-attendance/attendance/months-and-building", test_attendance_months_and_building);
  g_test_add_func ("/report-attendance/night-summary", test_night_summary);
  g_test_add_func ("/report-attendance/leave", test_leave);
  g_test_add_func ("/report-attendance/meals", test_meals);
  g_test_add_func ("/report-attendance/emergency-rolls", test_emergency_rolls);
  g_test_add_func ("/report-attendance/defaults", test_defaults);
  return g_test_run ();
}
