/* test-roster-generate.c: the roster generator: fairness, its rules,
 * locked duties kept, unfillable shifts reported, one transaction */
#include <string.h>

#include "nt-error.h"
#include "nt-roster.h"
#include "nt-staff.h"
#include "nt-test-util.h"

static gint64
staff (NtStore    *store,
       const char *name,
       const char *gender,
       const char *role)
{
  static int n;
  g_autofree char *code = g_strdup_printf ("NV%03d", ++n);
  NtStaffInput in = { code, name, gender, role, "" };
  g_autoptr(GError) error = NULL;
  gint64 id = nt_staff_add (store, &in, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
post (NtStore    *store,
      const char *name,
      const char *night_gender)
{
  NtPostInput in = { name, 0, NULL, NULL, 1, NULL, night_gender };
  g_autoptr(GError) error = NULL;
  gint64 id = nt_roster_post_add (store, &in, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
scalar (NtStore    *store,
        const char *fmt,
        ...) G_GNUC_PRINTF (2, 3);

static gint64
scalar (NtStore    *store,
        const char *fmt,
        ...)
{
  va_list ap;
  g_autofree char *sql = NULL;

  va_start (ap, fmt);
  sql = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  return nt_store_count (store, sql);
}

/* 10 people, 2 posts, a month: every shift filled, no coverage problem,
 * nights spread within one, the rules of rest and nights in a row kept. */
static void
test_fair_month (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NtRosterReport) report = NULL;
  g_autoptr(GListStore) problems = NULL;
  int lo = G_MAXINT, hi = 0;

  g_assert_true (nt_roster_ensure_defaults (store, &error));
  post (store, "Nhà nam", "X");
  post (store, "Nhà nữ", "X");
  for (int i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("Người %02d", i);

      staff (store, name, i % 2 ? "F" : "M", "supervisor");
    }
  g_assert_true (nt_roster_generate (store, "2025-03-01", "2025-03-31", NULL, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (report->unfilled)), ==, 0);
  g_assert_cmpuint (report->n_written, ==, 2 * 3 * 31);
  g_assert_cmpint (scalar (store, "SELECT count(*) FROM duties"), ==, 2 * 3 * 31);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (report->counts)); i++)
    {
      g_autoptr(NtDutyCount) c = g_list_model_get_item (G_LIST_MODEL (report->counts), i);

      g_assert_true (c->night_eligible);
      g_assert_cmpint (c->nights, ==, scalar (store, "SELECT count(*) FROM duties d JOIN shift_templates s ON s.id = d.shift_id "
                                                     "WHERE s.is_night = 1 AND d.staff_id = %" G_GINT64_FORMAT, c->staff_id));
      lo = MIN (lo, c->nights);
      hi = MAX (hi, c->nights);
    }
  g_assert_cmpint (hi - lo, <=, 1);

  /* Whole but for the early hours of March 1st of each post, which the
   * last night of February would cover. */
  problems = nt_roster_coverage (store, "2025-03-01", "2025-03-31", 8, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (problems)), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(NtRosterProblem) pr = g_list_model_get_item (G_LIST_MODEL (problems), i);

      g_assert_cmpint (pr->kind, ==, NT_ROSTER_PROBLEM_GAP);
      g_assert_cmpstr (pr->date, ==, "2025-03-01");
      g_assert_cmpint (pr->minutes, ==, 360);
    }

  /* Never more than three nights in a row: no night whose two previous
   * and next... any run of 4 consecutive night dates for a person. */
  g_assert_cmpint (scalar (store,
                           "SELECT count(*) FROM duties a JOIN shift_templates s ON s.id = a.shift_id AND s.is_night = 1 "
                           "WHERE (SELECT count(*) FROM duties b JOIN shift_templates t ON t.id = b.shift_id AND t.is_night = 1 "
                           "       WHERE b.staff_id = a.staff_id AND b.date BETWEEN a.date AND date (a.date, '+3 day')) = 4"), ==, 0);

  /* Deterministic: again gives the same roster. */
  {
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    sqlite3_stmt *stmt;
    GString *s = g_string_new (NULL);

    stmt = nt_store_prepare (store, "SELECT group_concat (post_id || shift_id || staff_id || date, ',') FROM "
                                    "(SELECT * FROM duties ORDER BY date, shift_id, post_id, staff_id)", NULL);
    sqlite3_step (stmt);
    before = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_reset (stmt);
    g_clear_object (&report);
    g_assert_true (nt_roster_generate (store, "2025-03-01", "2025-03-31", NULL, NULL, &report, &error));
    g_assert_cmpuint (report->n_removed, ==, 2 * 3 * 31);
    stmt = nt_store_prepare (store, "SELECT group_concat (post_id || shift_id || staff_id || date, ',') FROM "
                                    "(SELECT * FROM duties ORDER BY date, shift_id, post_id, staff_id)", NULL);
    sqlite3_step (stmt);
    after = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_reset (stmt);
    g_assert_cmpstr (before, ==, after);
    g_string_free (s, TRUE);
  }
}

/* Night gender, availability, never nights, max nights, locked duties. */
static void
test_rules (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NtRosterReport) report = NULL;
  gint64 girls, boys, locked_id, leave_person, no_nights, max2, night_shift;
  gint64 women[6], men[6];

  g_assert_true (nt_roster_ensure_defaults (store, &error));
  night_shift = scalar (store, "SELECT id FROM shift_templates WHERE is_night = 1");
  girls = post (store, "Nhà nữ", "F");
  boys = post (store, "Nhà nam", "M");
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *w = g_strdup_printf ("Chị %d", i);
      g_autofree char *m = g_strdup_printf ("Anh %d", i);

      women[i] = staff (store, w, "F", "supervisor");
      men[i] = staff (store, m, "M", "supervisor");
    }
  leave_person = women[0];
  no_nights = men[0];
  max2 = men[1];
  g_assert_cmpint (nt_roster_availability_add (store, leave_person, "leave", "2025-03-01", "2025-03-10", 0, &error), >, 0);
  g_assert_cmpint (nt_roster_availability_add (store, no_nights, "never_nights", NULL, NULL, 0, &error), >, 0);
  g_assert_cmpint (nt_roster_availability_add (store, max2, "max_nights", NULL, NULL, 2, &error), >, 0);
  g_assert_no_error (error);
  locked_id = nt_roster_assign (store, boys, night_shift, men[5], "2025-03-15", TRUE, &error);
  g_assert_no_error (error);
  /* an unlocked duty in the range is replaced */
  g_assert_cmpint (nt_roster_assign (store, girls, night_shift, women[5], "2025-03-20", FALSE, &error), >, 0);

  g_assert_true (nt_roster_generate (store, "2025-03-01", "2025-03-31", NULL, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_kept, ==, 1);
  g_assert_cmpuint (report->n_removed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (report->unfilled)), ==, 0);

  g_assert_cmpint (scalar (store, "SELECT staff_id FROM duties WHERE id = %" G_GINT64_FORMAT, locked_id), ==, men[5]);
  g_assert_cmpint (scalar (store, "SELECT count(*) FROM duties d JOIN staff s ON s.id = d.staff_id "
                                  "WHERE d.post_id = %" G_GINT64_FORMAT " AND d.shift_id = %" G_GINT64_FORMAT
                                  " AND s.gender <> 'F'", girls, night_shift), ==, 0);
  g_assert_cmpint (scalar (store, "SELECT count(*) FROM duties d JOIN staff s ON s.id = d.staff_id "
                                  "WHERE d.post_id = %" G_GINT64_FORMAT " AND d.shift_id = %" G_GINT64_FORMAT
                                  " AND s.gender <> 'M'", boys, night_shift), ==, 0);
  g_assert_cmpint (scalar (store, "SELECT count(*) FROM duties WHERE staff_id = %" G_GINT64_FORMAT
                                  " AND date <= '2025-03-10'", leave_person), ==, 0);
  g_assert_cmpint (scalar (store, "SELECT count(*) FROM duties WHERE staff_id = %" G_GINT64_FORMAT
                                  " AND date > '2025-03-10'", leave_person), >, 0);
  g_assert_cmpint (scalar (store, "SELECT count(*) FROM duties WHERE staff_id = %" G_GINT64_FORMAT
                                  " AND shift_id = %" G_GINT64_FORMAT, no_nights, night_shift), ==, 0);
  g_assert_cmpint (scalar (store, "SELECT count(*) FROM duties WHERE staff_id = %" G_GINT64_FORMAT
                                  " AND shift_id = %" G_GINT64_FORMAT, max2, night_shift), <=, 2);
  /* rest: nobody has two duties less than 8 hours apart, checked by the
   * coverage check */
  {
    g_autoptr(GListStore) problems = nt_roster_coverage (store, "2025-03-02", "2025-03-31", 8, &error);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (problems)), ==, 0);
  }
}

/* Two women for a women-only night post over a week with at most three
 * nights in a row: some nights cannot be filled; the rest is written and
 * the report names the post, the shift, the date and the reasons. */
static void
test_unfillable (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NtRosterReport) report = NULL;
  NtPostInput in = { "Nhà nữ", 0, "22:00", "06:00", 1, NULL, "F" };
  NtRosterOptions opts = { 8, 2, NULL };
  gint64 p;
  guint n;

  g_assert_true (nt_roster_ensure_defaults (store, &error));
  p = nt_roster_post_add (store, &in, &error);
  g_assert_no_error (error);
  staff (store, "Chị A", "F", "supervisor");
  staff (store, "Anh B", "M", "supervisor");
  g_assert_true (nt_roster_generate (store, "2025-03-01", "2025-03-07", &opts, NULL, &report, &error));
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (report->unfilled));
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (report->n_written + n, ==, 7);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM duties"), ==, report->n_written);
  {
    g_autoptr(NtRosterProblem) pr = g_list_model_get_item (G_LIST_MODEL (report->unfilled), 0);

    g_assert_cmpint (pr->kind, ==, NT_ROSTER_PROBLEM_UNFILLED);
    g_assert_cmpint (pr->post_id, ==, p);
    g_assert_cmpstr (pr->date, ==, "2025-03-03");
    g_assert_nonnull (strstr (pr->message, "Nhà nữ"));
    g_assert_nonnull (strstr (pr->message, "03/03/2025"));
  }
  /* bad dates: refused, nothing written */
  g_clear_object (&report);
  g_assert_false (nt_roster_generate (store, "2025-03-31", "2025-03-01", NULL, NULL, &report, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_assert_null (report);
}

static void
test_cancelled (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancel = g_cancellable_new ();

  g_assert_true (nt_roster_ensure_defaults (store, &error));
  post (store, "Cổng", "X");
  staff (store, "Anh C", "M", "guard");
  g_cancellable_cancel (cancel);
  g_assert_false (nt_roster_generate (store, "2025-03-01", "2025-03-07", NULL, cancel, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (nt_store_count (store, "SELECT count(*) FROM duties"), ==, 0);
}

/* Generating again at a moment in the period keeps what has started: the
 * shifts before it are not rewritten (nor the one on now), nor filled when
 * empty; the shifts after it are made anew. A time that is not one is
 * refused with nothing written. */
static void
test_keep_started (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  NtRosterOptions options = { 0 };
  g_autofree char *before_past = NULL;
  gint64 n_before, emptied;

  g_assert_true (nt_roster_ensure_defaults (store, &error));
  post (store, "Nhà nam", "X");
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("Người %02d", i);
      staff (store, name, "M", "supervisor");
    }
  g_assert_true (nt_roster_generate (store, "2025-03-01", "2025-03-07", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  n_before = scalar (store, "SELECT count(*) FROM duties");
  g_assert_cmpint (n_before, ==, 3 * 7);

  /* Empty the morning of the 2nd (past) and remember the people of what
   * started before 4 March 15:00 (the afternoon shift of the 4th has). */
  emptied = scalar (store, "SELECT d.id FROM duties d JOIN shift_templates s ON s.id = d.shift_id "
                           "WHERE d.date = '2025-03-02' AND s.start_time = '06:00'");
  g_assert_true (nt_roster_remove (store, emptied, &error));
  before_past = g_strdup_printf ("%" G_GINT64_FORMAT,
                                 scalar (store, "SELECT sum (d.id * 7 + d.staff_id) FROM duties d "
                                                "JOIN shift_templates s ON s.id = d.shift_id "
                                                "WHERE d.date || ' ' || s.start_time < '2025-03-04 15:00'"));

  options.keep_started_before = "2025-03-04 15:00";
  g_assert_true (nt_roster_generate (store, "2025-03-01", "2025-03-07", &options, NULL, NULL, &error));
  g_assert_no_error (error);
  /* The past is as it was, the emptied morning still empty. */
  g_assert_cmpint (scalar (store, "SELECT sum (d.id * 7 + d.staff_id) FROM duties d "
                                  "JOIN shift_templates s ON s.id = d.shift_id "
                                  "WHERE d.date || ' ' || s.start_time < '2025-03-04 15:00'"),
                   ==, g_ascii_strtoll (before_past, NULL, 10));
  g_assert_cmpint (scalar (store, "SELECT count(*) FROM duties d JOIN shift_templates s ON s.id = d.shift_id "
                                  "WHERE d.date = '2025-03-02' AND s.start_time = '06:00'"), ==, 0);
  /* The future is whole. */
  g_assert_cmpint (scalar (store, "SELECT count(*) FROM duties d JOIN shift_templates s ON s.id = d.shift_id "
                                  "WHERE d.date || ' ' || s.start_time >= '2025-03-04 15:00'"), ==, 3 * 7 - 11);

  options.keep_started_before = "4/3/2025";
  g_assert_false (nt_roster_generate (store, "2025-03-01", "2025-03-07", &options, NULL, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_assert_cmpint (scalar (store, "SELECT count(*) FROM duties"), ==, n_before - 1);
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);
  g_test_add_func ("/roster-generate/fair-month", test_fair_month);
  g_test_add_func ("/roster-generate/rules", test_rules);
  g_test_add_func ("/roster-generate/unfillable", test_unfillable);
  g_test_add_func ("/roster-generate/cancelled", test_cancelled);
  g_test_add_func ("/roster-generate/keep-started", test_keep_started);
  return g_test_run ();
}
