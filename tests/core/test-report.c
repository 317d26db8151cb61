/* test-report.c: the report engine and the first reports, read back by an
 * independent reader (python3-openpyxl, tests/core/read-xlsx.py) */
#define G_LOG_DOMAIN "test-report"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "nt-error.h"
#include "nt-report.h"
#include "nt-reports.h"
#include "nt-school.h"
#include "nt-students.h"
#include "nt-test-util.h"
#include "report-fixture.h"

#define MOTTO_COUNTRY "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#define MOTTO_WORDS   "Độc lập - Tự do - Hạnh phúc"
#define FORMULA_NAME  "=HYPERLINK(\"x\")"
#define PHONE_NAME    "+84 912"
#define REPORT_DATE   "2026-11-26"

/* ----- a small school ------------------------------------------------------------- */

typedef struct
{
  NtStore *store;
  gint64   class_10a1;
  gint64   class_10a2;
  gint64   class_11a2;
} School;

static gint64
add_student (School     *s,
             const char *code,
             const char *name,
             const char *gender,
             const char *birth,
             gint64      class_id,
             const char *ethnicity,
             const char *phone,
             const char *boarding)
{
  g_autoptr(NtStudent) st = nt_student_new ();
  g_autoptr(GError) error = NULL;

  nt_student_set_text (st, "code", code);
  nt_student_set_text (st, "full-name", name);
  nt_student_set_text (st, "gender", gender);
  nt_student_set_text (st, "birth-date", birth);
  nt_student_set_text (st, "ethnicity", ethnicity);
  nt_student_set_text (st, "guardian-phone", phone);
  nt_student_set_text (st, "boarding", boarding);
  st->class_id = class_id;
  g_assert_true (nt_students_insert_unchecked (s->store, st, &error));
  g_assert_no_error (error);
  return nt_students_find_by_code (s->store, code);
}

static void
school_init (School *s)
{
  g_autoptr(GError) error = NULL;
  gint64 left;

  s->store = fx_school_new ();
  s->class_11a2 = nt_classes_add (s->store, "11A2", 11, &error);
  s->class_10a2 = nt_classes_add (s->store, "10A2", 10, &error);
  s->class_10a1 = nt_classes_add (s->store, "10A1", 10, &error);
  g_assert_no_error (error);

  /* Inserted out of order: the report sorts them. */
  add_student (s, "HS07", "Trần Văn Đức", "M", "2010-07-01", s->class_10a1, "Kinh", "0912000007", "boarding");
  add_student (s, "HS01", "Nguyễn Văn An", "M", "2010-03-05", s->class_10a1, "Thái", "0912000001", "boarding");
  add_student (s, "HS05", "Lò Thị Bình", "F", "2010-12-31", s->class_10a1, "Thái", "", "boarding");
  add_student (s, "HS03", "Nguyễn Thị Ánh", "F", "2010-01-20", s->class_10a1, "Mông", "0912000003", "boarding");
  add_student (s, "HS06", "Hoàng Văn Dũng", "M", "2010-06-15", s->class_10a1, "Dao", "0912000006", "boarding");
  add_student (s, "HS02", "Đặng Thị Ánh", "F", "2010-02-10", s->class_10a1, "Kinh", "0912000002", "boarding");
  add_student (s, "HS04", "Lò Văn Ân", "M", "2010-04-04", s->class_10a1, "Thái", "0912000004", "boarding");
  add_student (s, "HS08", "Vàng A Páo", "M", "2010-08-08", s->class_10a1, "Mông", "", "day");
  left = add_student (s, "HS09", "Giàng A Sử", "M", "2010-09-09", s->class_10a1, "Mông", "", "boarding");
  g_assert_true (nt_students_mark_left (s->store, left, "2026-10-01", "Chuyển trường", &error));
  g_assert_no_error (error);
  add_student (s, "HS10", FORMULA_NAME, "M", "2009-05-05", s->class_10a2, "Kinh", "", "boarding");
  add_student (s, "HS11", PHONE_NAME, "F", "2009-06-06", s->class_11a2, "Kinh", "+84 912 000 011", "boarding");
  add_student (s, "HS12", "Mùa Thị Chi", "F", "2009-07-07", s->class_11a2, "Mông", "0912000012", "boarding");

  fx_exec (s->store,
           "INSERT INTO buildings (id, name, gender, floors) VALUES (1, 'Nhà A', 'M', 2), (2, 'Nhà B', 'F', 2);"
           "INSERT INTO rooms (id, building_id, floor, number, capacity, gender) VALUES "
           "  (1, 1, 1, 'A101', 4, 'M'), (2, 1, 1, 'A102', 2, 'M'), (3, 2, 2, 'B201', 3, 'F'),"
           "  (4, 1, 1, 'A103', 2, 'M');"
           "UPDATE rooms SET active = 0 WHERE id = 4;"
           "INSERT INTO beds (id, room_id, label) VALUES (1, 1, '1'), (2, 1, '2'), (3, 1, '3'), (4, 1, '4'),"
           "  (5, 2, '1'), (6, 2, '2'), (7, 3, '1'), (8, 3, '2'), (9, 3, '3'), (10, 4, '1');"
           "UPDATE beds SET active = 0 WHERE id = 4;"
           "INSERT INTO bed_assignments (student_id, bed_id, start_date, end_date) "
           "  SELECT id, 2, '2026-09-01', NULL FROM students WHERE code = 'HS01';"
           "INSERT INTO bed_assignments (student_id, bed_id, start_date, end_date) "
           "  SELECT id, 1, '2026-09-01', NULL FROM students WHERE code = 'HS06';"
           "INSERT INTO bed_assignments (student_id, bed_id, start_date, end_date) "
           "  SELECT id, 3, '2026-09-01', '2026-10-15' FROM students WHERE code = 'HS07';"
           "INSERT INTO bed_assignments (student_id, bed_id, start_date, end_date) "
           "  SELECT id, 5, '2026-10-15', NULL FROM students WHERE code = 'HS07';"
           "INSERT INTO bed_assignments (student_id, bed_id, start_date, end_date) "
           "  SELECT id, 7, '2026-09-01', NULL FROM students WHERE code = 'HS02';"
           "INSERT INTO bed_assignments (student_id, bed_id, start_date, end_date) "
           "  SELECT id, 8, '2026-09-01', NULL FROM students WHERE code = 'HS11';");
}

static void
school_clear (School *s)
{
  g_clear_object (&s->store);
}

static char *
write_report (School             *s,
              const char         *name,
              NtReportGroupBy     group_by,
              const char         *file)
{
  NtReportOptions options = { .group_by = group_by, .date = REPORT_DATE };
  char *path = nt_test_tmp_path (file);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (nt_reports_write (s->store, name, &options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  return path;
}

/* The parts every sheet shares: header, title, print setup, signatures. */
static void
assert_document (Xlsx       *x,
                 const char *sheet,
                 const char *title,
                 const char *subtitle,
                 char        last_col,
                 int         table_rows,
                 const char *orientation)
{
  char left_last = 'A' + (last_col - 'A') / 2;
  char right_first = left_last + 1;
  g_autofree char *left1 = g_strdup_printf ("A1:%c1", left_last);
  g_autofree char *right1 = g_strdup_printf ("%c1:%c1", right_first, last_col);
  g_autofree char *title_range = g_strdup_printf ("A4:%c4", last_col);
  g_autofree char *right_cell1 = g_strdup_printf ("%c1", right_first);
  g_autofree char *right_cell2 = g_strdup_printf ("%c2", right_first);
  g_autofree char *date_line = g_strdup_printf (_("%s, day %s month %s year %d"), "Lai Châu", "26", "11", 2026);
  g_autofree char *date_cell = g_strdup_printf ("%c%d", right_first, 7 + table_rows + 2);
  g_autofree char *sign_right = g_strdup_printf ("%c%d", right_first, 7 + table_rows + 3);
  g_autofree char *sign_left = g_strdup_printf ("A%d", 7 + table_rows + 3);
  g_autofree char *principal = g_strdup_printf ("%c%d", right_first, 7 + table_rows + 9);
  Cell *cell;

  g_assert_cmpstr (fx_value (x, sheet, "A1"), ==, "SỞ GIÁO DỤC VÀ ĐÀO TẠO LAI CHÂU");
  g_assert_cmpstr (fx_value (x, sheet, "A2"), ==, "TRƯỜNG PTDTNT THPT TAM ĐƯỜNG");
  g_assert_true (fx_cell (x, sheet, "A2")->bold);
  g_assert_cmpstr (fx_value (x, sheet, right_cell1), ==, MOTTO_COUNTRY);
  g_assert_true (fx_cell (x, sheet, right_cell1)->bold);
  g_assert_cmpstr (fx_value (x, sheet, right_cell2), ==, MOTTO_WORDS);
  g_assert_true (fx_merged (x, sheet, left1));
  g_assert_true (fx_merged (x, sheet, right1));

  cell = fx_cell (x, sheet, "A4");
  g_assert_nonnull (cell);
  g_assert_cmpstr (cell->value, ==, title);
  g_assert_true (cell->bold);
  g_assert_cmpstr (cell->size, ==, "14");
  g_assert_true (fx_merged (x, sheet, title_range));
  g_assert_cmpstr (fx_value (x, sheet, "A5"), ==, subtitle);

  /* Times New Roman everywhere we look. */
  g_assert_cmpstr (fx_cell (x, sheet, "A1")->font, ==, "Times New Roman");
  g_assert_cmpstr (fx_cell (x, sheet, "A4")->font, ==, "Times New Roman");
  g_assert_cmpstr (fx_cell (x, sheet, "B7")->font, ==, "Times New Roman");
  g_assert_cmpstr (fx_cell (x, sheet, "B9")->font, ==, "Times New Roman");
  g_assert_cmpstr (fx_cell (x, sheet, "B9")->size, ==, "12");
  g_assert_true (fx_cell (x, sheet, "B7")->bold);
  g_assert_false (fx_cell (x, sheet, "B9")->bold);

  g_assert_cmpstr (fx_setup (x, sheet, "orientation"), ==, orientation);
  g_assert_cmpstr (fx_setup (x, sheet, "paper"), ==, "9");
  g_assert_cmpstr (fx_setup (x, sheet, "fit_width"), ==, "1");
  g_assert_cmpstr (fx_setup (x, sheet, "fit_height"), ==, "0");
  g_assert_cmpstr (fx_setup (x, sheet, "fit_to_page"), ==, "1");
  g_assert_cmpstr (fx_setup (x, sheet, "title_rows"), ==, "7:7");
  g_assert_cmpstr (fx_setup (x, sheet, "h_centered"), ==, "1");
  g_assert_nonnull (strstr (fx_setup (x, sheet, "footer_left"), _("Contains personal data - do not share")));
  g_assert_nonnull (strstr (fx_setup (x, sheet, "footer_center"), "&P"));
  g_assert_nonnull (strstr (fx_setup (x, sheet, "footer_center"), "&N"));

  /* Below the table: date line, signature titles, the principal's name. */
  g_assert_cmpstr (fx_value (x, sheet, date_cell), ==, date_line);
  g_assert_cmpstr (fx_value (x, sheet, sign_left), ==, _("PREPARED BY"));
  g_assert_cmpstr (fx_value (x, sheet, sign_right), ==, _("PRINCIPAL"));
  g_assert_true (fx_cell (x, sheet, sign_right)->bold);
  g_assert_cmpstr (fx_value (x, sheet, principal), ==, "Lò Văn Minh");
}

/* ----- the tests ---------------------------------------------------------------------- */

static void
test_registry (void)
{
  guint n = 0;
  const NtReportInfo *list = nt_reports_list (&n);
  g_autoptr(GError) error = NULL;
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autofree char *path = nt_test_tmp_path ("unknown.xlsx");

  g_assert_cmpuint (n, >=, 2);
  g_assert_true (nt_reports_find ("students") == &list[0] || nt_reports_find ("students") != NULL);
  g_assert_cmpstr (nt_reports_find ("students")->name, ==, "students");
  g_assert_cmpstr (nt_reports_find ("rooms")->name, ==, "rooms");
  g_assert_null (nt_reports_find ("nothing"));
  for (guint i = 0; i < n; i++)
    {
      g_assert_nonnull (list[i].write);
      g_assert_true (nt_reports_find (list[i].name) == &list[i]);
    }

  g_assert_false (nt_reports_write (store, "nothing", NULL, path, NULL, NULL, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nothing"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_students_by_class (void)
{
  School s;
  g_autofree char *path = NULL;
  g_autoptr(Xlsx) x = NULL;
  g_autofree char *group_10a1 = g_strdup_printf (_("Class %s"), "10A1");
  g_autofree char *group_10a2 = g_strdup_printf (_("Class %s"), "10A2");
  g_autofree char *group_11a2 = g_strdup_printf (_("Class %s"), "11A2");
  const char *male = _("Male"), *female = _("Female");
  const char *sheet;
  g_autofree char *subtitle = g_strdup_printf (_("School year %s"), "2026-2027");
  Cell *cell;
  /* Vietnamese order: by given name (An < Ánh < Ân < Bình < Dũng < Đức),
   * then family name (Đặng < Nguyễn); classes by grade, then name. */
  const char *expected[] = {
    "#", group_10a1, "", "", "", "", "", "", "",
    "1", "HS01", "Nguyễn Văn An", male, "2010-03-05", "10A1", "Thái", "A101", "0912000001",
    "2", "HS02", "Đặng Thị Ánh", female, "2010-02-10", "10A1", "Kinh", "B201", "0912000002",
    "3", "HS03", "Nguyễn Thị Ánh", female, "2010-01-20", "10A1", "Mông", "", "0912000003",
    "4", "HS04", "Lò Văn Ân", male, "2010-04-04", "10A1", "Thái", "", "0912000004",
    "5", "HS05", "Lò Thị Bình", female, "2010-12-31", "10A1", "Thái", "", "",
    "6", "HS06", "Hoàng Văn Dũng", male, "2010-06-15", "10A1", "Dao", "A101", "0912000006",
    "7", "HS07", "Trần Văn Đức", male, "2010-07-01", "10A1", "Kinh", "A102", "0912000007",
    "#", group_10a2, "", "", "", "", "", "", "",
    "1", "HS10", FORMULA_NAME, male, "2009-05-05", "10A2", "Kinh", "", "",
    "#", group_11a2, "", "", "", "", "", "", "",
    "1", "HS11", PHONE_NAME, female, "2009-06-06", "11A2", "Kinh", "B201", "+84 912 000 011",
    "2", "HS12", "Mùa Thị Chi", female, "2009-07-07", "11A2", "Mông", "", "0912000012",
  };
  const char *headers[] = {
    _("No."), _("Student code"), _("Full name"), _("Gender"), _("Date of birth"), _("Class"),
    _("Ethnicity"), _("Room"), _("Guardian's phone"),
  };
  guint n_rows = G_N_ELEMENTS (expected) / 9;

  school_init (&s);
  path = write_report (&s, "students", NT_REPORT_GROUP_BY_CLASS, "students.xlsx");
  x = fx_read_xlsx (path);
  g_assert_cmpuint (x->sheets->len, ==, 1);
  sheet = x->sheets->pdata[0];
  g_assert_cmpstr (sheet, ==, _("Boarding students"));

  assert_document (x, sheet, _("LIST OF BOARDING STUDENTS"), subtitle, 'I', n_rows, "landscape");
  for (int c = 0; c < 9; c++)
    {
      g_autofree char *where = fx_coord (c, 7);
      g_assert_cmpstr (fx_value (x, sheet, where), ==, headers[c]);
    }
  fx_assert_rows (x, sheet, 8, expected, n_rows, 9);

  /* Text that looks like a formula or a number stays text. */
  cell = fx_cell (x, sheet, "C17");
  g_assert_nonnull (cell);
  g_assert_cmpstr (cell->value, ==, FORMULA_NAME);
  g_assert_cmpstr (cell->type, ==, "s");
  cell = fx_cell (x, sheet, "C19");
  g_assert_nonnull (cell);
  g_assert_cmpstr (cell->value, ==, PHONE_NAME);
  g_assert_cmpstr (cell->type, ==, "s");
  g_assert_cmpstr (fx_cell (x, sheet, "I19")->type, ==, "s");
  /* Numbers and real dates where they belong. */
  g_assert_cmpstr (fx_cell (x, sheet, "A9")->type, ==, "n");
  g_assert_cmpstr (fx_cell (x, sheet, "E9")->type, ==, "d");
  school_clear (&s);
}

static void
test_students_by_room (void)
{
  School s;
  g_autofree char *path = NULL;
  g_autoptr(Xlsx) x = NULL;
  g_autofree char *a101 = g_strdup_printf (_("Room %s - %s"), "A101", "Nhà A");
  g_autofree char *a102 = g_strdup_printf (_("Room %s - %s"), "A102", "Nhà A");
  g_autofree char *b201 = g_strdup_printf (_("Room %s - %s"), "B201", "Nhà B");
  g_autofree char *subtitle = g_strdup_printf (_("School year %s"), "2026-2027");
  const char *male = _("Male"), *female = _("Female");
  const char *sheet;
  /* Within a room by name; names that start with a digit sort before
   * letters, and "=" after them (the collation of nt-vntext). */
  const char *expected[] = {
    "#", a101, "", "", "", "", "", "", "",
    "1", "HS01", "Nguyễn Văn An", male, "2010-03-05", "10A1", "Thái", "A101", "0912000001",
    "2", "HS06", "Hoàng Văn Dũng", male, "2010-06-15", "10A1", "Dao", "A101", "0912000006",
    "#", a102, "", "", "", "", "", "", "",
    "1", "HS07", "Trần Văn Đức", male, "2010-07-01", "10A1", "Kinh", "A102", "0912000007",
    "#", b201, "", "", "", "", "", "", "",
    "1", "HS11", PHONE_NAME, female, "2009-06-06", "11A2", "Kinh", "B201", "+84 912 000 011",
    "2", "HS02", "Đặng Thị Ánh", female, "2010-02-10", "10A1", "Kinh", "B201", "0912000002",
    "#", _("No room yet"), "", "", "", "", "", "", "",
    "1", "HS03", "Nguyễn Thị Ánh", female, "2010-01-20", "10A1", "Mông", "", "0912000003",
    "2", "HS04", "Lò Văn Ân", male, "2010-04-04", "10A1", "Thái", "", "0912000004",
    "3", "HS05", "Lò Thị Bình", female, "2010-12-31", "10A1", "Thái", "", "",
    "4", "HS12", "Mùa Thị Chi", female, "2009-07-07", "11A2", "Mông", "", "0912000012",
    "5", "HS10", FORMULA_NAME, male, "2009-05-05", "10A2", "Kinh", "", "",
  };
  guint n_rows = G_N_ELEMENTS (expected) / 9;

  school_init (&s);
  path = write_report (&s, "students", NT_REPORT_GROUP_BY_ROOM, "students-by-room.xlsx");
  x = fx_read_xlsx (path);
  sheet = x->sheets->pdata[0];

  assert_document (x, sheet, _("LIST OF BOARDING STUDENTS"), subtitle, 'I', n_rows, "landscape");
  fx_assert_rows (x, sheet, 8, expected, n_rows, 9);
  school_clear (&s);
}

static void
test_rooms (void)
{
  School s;
  g_autofree char *path = NULL;
  g_autoptr(Xlsx) x = NULL;
  g_autofree char *year = g_strdup_printf (_("School year %s"), "2026-2027");
  g_autofree char *subtitle_a = g_strdup_printf ("Nhà A - %s", year);
  g_autofree char *subtitle_b = g_strdup_printf ("Nhà B - %s", year);
  g_autofree char *a101 = g_strdup_printf (ngettext ("Room %s - Floor %d - %s (%d bed)",
                                                     "Room %s - Floor %d - %s (%d beds)", 3),
                                           "A101", 1, "Nhà A", 3);
  g_autofree char *a102 = g_strdup_printf (ngettext ("Room %s - Floor %d - %s (%d bed)",
                                                     "Room %s - Floor %d - %s (%d beds)", 2),
                                           "A102", 1, "Nhà A", 2);
  g_autofree char *b201 = g_strdup_printf (ngettext ("Room %s - Floor %d - %s (%d bed)",
                                                     "Room %s - Floor %d - %s (%d beds)", 3),
                                           "B201", 2, "Nhà B", 3);
  /* Beds in order, free ones too; the inactive bed 4 and the inactive room
   * A103 are left out; Đức's closed assignment to A101 bed 3 is history. */
  const char *expected_a[] = {
    "#", a101, "", "", "", "",
    "1", "Hoàng Văn Dũng", "10A1", "2010-06-15", "Dao", "0912000006",
    "2", "Nguyễn Văn An", "10A1", "2010-03-05", "Thái", "0912000001",
    "3", "", "", "", "", "",
    "#", a102, "", "", "", "",
    "1", "Trần Văn Đức", "10A1", "2010-07-01", "Kinh", "0912000007",
    "2", "", "", "", "", "",
  };
  const char *expected_b[] = {
    "#", b201, "", "", "", "",
    "1", "Đặng Thị Ánh", "10A1", "2010-02-10", "Kinh", "0912000002",
    "2", PHONE_NAME, "11A2", "2009-06-06", "Kinh", "+84 912 000 011",
    "3", "", "", "", "", "",
  };
  const char *headers[] = {
    _("Bed"), _("Full name"), _("Class"), _("Date of birth"), _("Ethnicity"), _("Guardian's phone"),
  };

  school_init (&s);
  path = write_report (&s, "rooms", NT_REPORT_GROUP_BY_CLASS, "rooms.xlsx");
  x = fx_read_xlsx (path);
  g_assert_cmpuint (x->sheets->len, ==, 2);
  g_assert_cmpstr (x->sheets->pdata[0], ==, "Nhà A");
  g_assert_cmpstr (x->sheets->pdata[1], ==, "Nhà B");

  assert_document (x, "Nhà A", _("LIST OF STUDENTS BY ROOM"), subtitle_a, 'F',
                   G_N_ELEMENTS (expected_a) / 6, "portrait");
  assert_document (x, "Nhà B", _("LIST OF STUDENTS BY ROOM"), subtitle_b, 'F',
                   G_N_ELEMENTS (expected_b) / 6, "portrait");
  for (int c = 0; c < 6; c++)
    {
      g_autofree char *where = fx_coord (c, 7);
      g_assert_cmpstr (fx_value (x, "Nhà A", where), ==, headers[c]);
    }
  fx_assert_rows (x, "Nhà A", 8, expected_a, G_N_ELEMENTS (expected_a) / 6, 6);
  fx_assert_rows (x, "Nhà B", 8, expected_b, G_N_ELEMENTS (expected_b) / 6, 6);
  g_assert_cmpstr (fx_cell (x, "Nhà B", "B10")->type, ==, "s");
  g_assert_cmpstr (fx_cell (x, "Nhà B", "A10")->type, ==, "s");  /* a bed's label is text */
  /* Each room starts a printed page: A102's block (row 12) after the break. */
  g_assert_cmpstr (fx_setup (x, "Nhà A", "breaks"), ==, "11");
  g_assert_cmpstr (fx_setup (x, "Nhà B", "breaks"), ==, "");
  g_free (path);

  /* One building only. */
  {
    NtReportOptions options = { .building_id = 2, .date = REPORT_DATE };
    g_autoptr(GError) error = NULL;
    g_autoptr(Xlsx) y = NULL;

    path = nt_test_tmp_path ("rooms-b.xlsx");
    g_assert_true (nt_reports_write (s.store, "rooms", &options, path, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    y = fx_read_xlsx (path);
    g_assert_cmpuint (y->sheets->len, ==, 1);
    g_assert_cmpstr (y->sheets->pdata[0], ==, "Nhà B");
    fx_assert_rows (y, "Nhà B", 8, expected_b, G_N_ELEMENTS (expected_b) / 6, 6);

    options.building_id = 99;
    g_assert_false (nt_reports_write (s.store, "rooms", &options, path, NULL, NULL, NULL, &error));
    g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "99"));
  }
  school_clear (&s);
}

/* No temporary report files left in @dir. */
static void
assert_no_leftovers (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)))
    g_assert_false (g_str_has_prefix (name, ".noitru-report-"));
}

static void
test_engine (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autofree char *path = nt_test_tmp_path ("engine.xlsx");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(NtReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Xlsx) x = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  const NtReportColumn one[] = { { "Only", 20, NT_REPORT_ALIGN_LEFT } };
  const NtReportColumn three[] = {
    { "Text", 20, NT_REPORT_ALIGN_LEFT },
    { "Number", 10, NT_REPORT_ALIGN_RIGHT },
    { "Date", 12, NT_REPORT_ALIGN_CENTER },
  };
  NtReportSheet *a, *b, *c;
  Cell *cell;

  for (int i = 0; i < 8000; i++)  /* 40,000 characters */
    g_string_append (long_text, "Đặng ");

  report = nt_report_new (store, path, &error);
  g_assert_no_error (error);
  nt_report_set_date (report, "2027-02-05");
  a = nt_report_add_sheet (report, "a/b:c*?[x]", "TITLE", NULL, one, 1, NT_REPORT_PORTRAIT);
  b = nt_report_add_sheet (report, "Lớp", "TITLE B", "Sub & title", three, 3, NT_REPORT_LANDSCAPE);
  c = nt_report_add_sheet (report, "lớp", "TITLE C", NULL, three, 3, NT_REPORT_PORTRAIT);

  /* Rows of different sheets interleave. */
  nt_report_add_row (a, (NtReportValue[]) { NT_REPORT_TEXT ("@x") });
  nt_report_add_row (b, (NtReportValue[]) { NT_REPORT_TEXT ("=1+1"), NT_REPORT_NUMBER (2.5), NT_REPORT_DATE ("2010-02-31") });
  nt_report_add_group_row (a, "-1");
  nt_report_add_row (b, (NtReportValue[]) { NT_REPORT_TEXT (long_text->str), NT_REPORT_EMPTY, NT_REPORT_DATE ("1999-12-31") });
  nt_report_add_row (a, (NtReportValue[]) { NT_REPORT_EMPTY });
  nt_report_add_row (c, (NtReportValue[]) { NT_REPORT_TEXT ("tab\there"), NT_REPORT_NUMBER (-3), NT_REPORT_DATE (NULL) });
  g_assert_cmpuint (nt_report_sheet_get_n_rows (a), ==, 3);
  g_assert_cmpuint (nt_report_sheet_get_n_rows (b), ==, 2);

  /* Not yet there: written under a temporary name. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (nt_report_finish (report, &error));
  g_assert_no_error (error);
  assert_no_leftovers (dir);

  x = fx_read_xlsx (path);
  g_assert_cmpuint (x->sheets->len, ==, 3);
  g_assert_cmpstr (x->sheets->pdata[0], ==, "a-b-c---x-");
  g_assert_cmpstr (x->sheets->pdata[1], ==, "Lớp");
  g_assert_cmpstr (x->sheets->pdata[2], ==, "lớp (2)");

  /* One column: no left and right blocks, no signature on the left. */
  g_assert_cmpstr (fx_value (x, "a-b-c---x-", "A4"), ==, "TITLE");
  g_assert_cmpstr (fx_value (x, "a-b-c---x-", "A5"), ==, "");
  g_assert_cmpstr (fx_value (x, "a-b-c---x-", "A6"), ==, "Only");
  g_assert_cmpstr (fx_setup (x, "a-b-c---x-", "title_rows"), ==, "6:6");
  cell = fx_cell (x, "a-b-c---x-", "A7");
  g_assert_cmpstr (cell->value, ==, "@x");
  g_assert_cmpstr (cell->type, ==, "s");
  cell = fx_cell (x, "a-b-c---x-", "A8");
  g_assert_cmpstr (cell->value, ==, "-1");
  g_assert_cmpstr (cell->type, ==, "s");
  g_assert_true (cell->bold);
  g_assert_null (fx_cell (x, "a-b-c---x-", "A9"));
  {
    g_autofree char *date_line = g_strdup_printf (_("Day %s month %s year %d"), "05", "02", 2027);
    g_assert_cmpstr (fx_value (x, "a-b-c---x-", "A11"), ==, date_line);
    g_assert_cmpstr (fx_value (x, "a-b-c---x-", "A12"), ==, _("PRINCIPAL"));
  }

  /* Three columns, with a subtitle. */
  g_assert_cmpstr (fx_value (x, "Lớp", "A5"), ==, "Sub & title");
  g_assert_cmpstr (fx_setup (x, "Lớp", "title_rows"), ==, "7:7");
  cell = fx_cell (x, "Lớp", "A8");
  g_assert_cmpstr (cell->value, ==, "=1+1");
  g_assert_cmpstr (cell->type, ==, "s");
  cell = fx_cell (x, "Lớp", "B8");
  g_assert_cmpstr (cell->value, ==, "2.5");
  g_assert_cmpstr (cell->type, ==, "n");
  cell = fx_cell (x, "Lớp", "C8");  /* not a date: kept as the text it was */
  g_assert_cmpstr (cell->value, ==, "2010-02-31");
  g_assert_cmpstr (cell->type, ==, "s");
  cell = fx_cell (x, "Lớp", "A9");  /* cut to Excel's limit, not lost */
  g_assert_cmpint (g_utf8_strlen (cell->value, -1), ==, 32767);
  g_assert_true (g_str_has_prefix (long_text->str, cell->value));
  g_assert_null (fx_cell (x, "Lớp", "B9"));
  cell = fx_cell (x, "Lớp", "C9");
  g_assert_cmpstr (cell->value, ==, "1999-12-31");
  g_assert_cmpstr (cell->type, ==, "d");
  g_assert_cmpstr (fx_value (x, "lớp (2)", "A7"), ==, "tab\there");
  g_assert_cmpstr (fx_value (x, "lớp (2)", "B7"), ==, "-3");
  g_assert_null (fx_cell (x, "lớp (2)", "C7"));
}

static void
test_unwritable (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autofree char *path = nt_test_tmp_path ("missing-folder/students.xlsx");
  g_autofree char *dir = nt_test_tmp_path ("");
  g_autoptr(GError) error = NULL;

  g_assert_false (nt_reports_write (store, "students", NULL, path, NULL, NULL, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_no_leftovers (dir);
}

static void
test_abandoned (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autofree char *path = nt_test_tmp_path ("abandoned.xlsx");
  g_autofree char *dir = g_path_get_dirname (path);
  const NtReportColumn one[] = { { "Only", 20, NT_REPORT_ALIGN_LEFT } };
  g_autoptr(GError) error = NULL;
  NtReport *report = nt_report_new (store, path, &error);
  NtReportSheet *sheet;

  g_assert_no_error (error);
  sheet = nt_report_add_sheet (report, "x", "TITLE", NULL, one, 1, NT_REPORT_PORTRAIT);
  for (int i = 0; i < 1000; i++)
    nt_report_add_row (sheet, (NtReportValue[]) { NT_REPORT_TEXT ("row") });
  nt_report_free (report);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_no_leftovers (dir);
}

typedef struct
{
  GCancellable *cancellable;
  guint         calls;
  double        last;
  gboolean      increasing;
} ProgressLog;

static void
on_progress (double   fraction,
             gpointer data)
{
  ProgressLog *log = data;

  log->increasing &= fraction >= log->last && fraction <= 1.0;
  log->last = fraction;
  log->calls++;
  if (log->cancellable)
    g_cancellable_cancel (log->cancellable);
}

static void
test_progress_and_cancel (void)
{
  School s;
  g_autofree char *path = nt_test_tmp_path ("cancelled.xlsx");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  ProgressLog log = { NULL, 0, 0, TRUE };

  school_init (&s);
  fx_exec (s.store,
           "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) "
           "INSERT INTO students (code, full_name, name_key, search_text, gender, birth_date, class_id, boarding) "
           "SELECT printf('X%04d', i), printf('Học sinh %d', i), randomblob(8), '', 'M', '2010-01-01', "
           "(SELECT id FROM classes WHERE name = '10A2'), 'boarding' FROM n");

  /* A whole run: progress rises to 1. */
  g_assert_true (nt_reports_write (s.store, "students", NULL, path, NULL, on_progress, &log, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.calls, >=, 4);
  g_assert_true (log.increasing);
  g_assert_cmpfloat (log.last, ==, 1.0);

  /* Cancelled at the first progress report: the file that was there stays. */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  log = (ProgressLog) { cancellable, 0, 0, TRUE };
  g_assert_false (nt_reports_write (s.store, "students", NULL, path, cancellable, on_progress, &log, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (log.calls, ==, 1);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  assert_no_leftovers (dir);
  g_clear_error (&error);

  /* Cancelled before it starts. */
  g_assert_false (nt_reports_write (s.store, "rooms", NULL, path, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_no_leftovers (dir);
  school_clear (&s);
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);

  g_test_add_func ("/report/registry", test_registry);
  g_test_add_func ("/report/engine", test_engine);
  g_test_add_func ("/report/unwritable", test_unwritable);
  g_test_add_func ("/report/abandoned", test_abandoned);
  g_test_add_func ("/report/students/by-class", test_students_by_class);
  g_test_add_func ("/report/students/by-room", test_students_by_room);
  g_test_add_func ("/report/rooms", test_rooms);
  g_test_add_func ("/report/progress-and-cancel", test_progress_and_cancel);

  return g_test_run ();
}
