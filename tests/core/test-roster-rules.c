/* test-roster-rules.c: the most nights a month on duties by hand, who is
 * on duty now (the one query), and the demo school's roster: the current
 * month without a gap, a week of hand-over notes */
#define G_LOG_DOMAIN "test-roster-rules"

#include <string.h>

#include "nt-date.h"
#include "nt-demo.h"
#include "nt-error.h"
#include "nt-handovers.h"
#include "nt-roster.h"
#include "nt-staff.h"
#include "nt-test-util.h"

static gint64
add_staff (NtStore    *store,
           const char *code,
           const char *name,
           const char *gender)
{
  NtStaffInput in = { code, name, gender, "supervisor", "0912000000" };
  g_autoptr(GError) error = NULL;
  gint64 id = nt_staff_add (store, &in, &error);

  g_assert_no_error (error);
  return id;
}

typedef struct
{
  NtStore *store;
  gint64   post;
  gint64   day;
  gint64   night;
  gint64   nam;
} Setup;

static void
setup_init (Setup *s)
{
  const NtShiftInput day = { "Ca ngày", "06:00", "22:00", FALSE, NULL };
  const NtShiftInput night = { "Ca đêm", "22:00", "06:00", TRUE, NULL };
  const NtPostInput post = { "Nhà A", 0, NULL, NULL, 1, NULL, NULL };
  g_autoptr(GError) error = NULL;

  s->store = nt_test_new_store ();
  s->day = nt_roster_shift_add (s->store, &day, &error);
  s->night = nt_roster_shift_add (s->store, &night, &error);
  s->post = nt_roster_post_add (s->store, &post, &error);
  g_assert_no_error (error);
  s->nam = add_staff (s->store, "GV01", "Lò Văn Nam", "M");
}

static void
setup_clear (Setup *s)
{
  g_clear_object (&s->store);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Setup, setup_clear)

static gint64
count (NtStore    *store,
       const char *sql)
{
  return nt_store_count (store, sql);
}

/* ----- the most nights a month ------------------------------------------- */

static void
test_max_nights (void)
{
  g_auto(Setup) s = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 last_night, day_duty;

  setup_init (&s);
  g_assert_cmpint (nt_roster_availability_add (s.store, s.nam, "max_nights", NULL, NULL, 2, &error), >, 0);
  g_assert_no_error (error);

  g_assert_cmpint (nt_roster_assign (s.store, s.post, s.night, s.nam, "2026-11-01", FALSE, &error), >, 0);
  g_assert_no_error (error);
  last_night = nt_roster_assign (s.store, s.post, s.night, s.nam, "2026-11-03", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (last_night, >, 0);

  /* A third night in November: refused, with the limit and the month, and
   * nothing written. */
  g_assert_cmpint (nt_roster_assign (s.store, s.post, s.night, s.nam, "2026-11-20", FALSE, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "Lò Văn Nam"));
  g_assert_nonnull (strstr (error->message, "11/2026"));
  g_assert_nonnull (strstr (error->message, "2"));
  g_clear_error (&error);
  g_assert_cmpint (count (s.store, "SELECT count(*) FROM duties"), ==, 2);

  /* Day shifts do not count, and December is a new month; the last night
   * of November (crossing into December) is November's. */
  day_duty = nt_roster_assign (s.store, s.post, s.day, s.nam, "2026-11-25", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (day_duty, >, 0);
  g_assert_cmpint (nt_roster_assign (s.store, s.post, s.night, s.nam, "2026-11-30", FALSE, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (nt_roster_assign (s.store, s.post, s.night, s.nam, "2026-12-01", FALSE, &error), >, 0);
  g_assert_no_error (error);

  /* Freed by removing one: a night fits again. */
  g_assert_true (nt_roster_remove (s.store, last_night, &error));
  g_assert_cmpint (nt_roster_assign (s.store, s.post, s.night, s.nam, "2026-11-20", FALSE, &error), >, 0);
  g_assert_no_error (error);
}

/* A swap that gives someone a night over their limit is refused too. */
static void
test_max_nights_swap (void)
{
  g_auto(Setup) s = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 nu, day_nam, night_nu;

  setup_init (&s);
  nu = add_staff (s.store, "GV02", "Lò Thị Nữ", "F");
  g_assert_cmpint (nt_roster_availability_add (s.store, s.nam, "max_nights", NULL, NULL, 0, &error), >, 0);
  day_nam = nt_roster_assign (s.store, s.post, s.day, s.nam, "2026-11-05", FALSE, &error);
  night_nu = nt_roster_assign (s.store, s.post, s.night, nu, "2026-11-07", FALSE, &error);
  g_assert_no_error (error);

  g_assert_false (nt_roster_swap (s.store, day_nam, night_nu, "Đổi ca", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_CONSTRAINT);
  g_assert_cmpint (count (s.store, "SELECT count(*) FROM duties WHERE staff_id = (SELECT id FROM staff WHERE code = 'GV01') "
                                   "AND date = '2026-11-05'"), ==, 1);
}

/* ----- who is on duty now ------------------------------------------------ */

static void
test_on_duty_left (void)
{
  g_auto(Setup) s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) now = NULL;
  gint64 gone;

  setup_init (&s);
  gone = add_staff (s.store, "GV09", "Vàng A Đi", "M");
  g_assert_cmpint (nt_roster_assign (s.store, s.post, s.night, s.nam, "2026-11-30", FALSE, &error), >, 0);
  g_assert_cmpint (nt_roster_assign (s.store, s.post, s.night, gone, "2026-11-30", FALSE, &error), >, 0);
  g_assert_no_error (error);

  now = nt_roster_on_duty (s.store, "2026-12-01 02:00", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (now)), ==, 2);
  g_clear_object (&now);

  /* Someone who left is no longer on duty, whatever the roster says. */
  g_assert_true (nt_store_exec (s.store, "UPDATE staff SET active = 0 WHERE code = 'GV09'", NULL));
  now = nt_roster_on_duty (s.store, "2026-12-01 02:00", &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (now)), ==, 1);
  {
    g_autoptr(NtDuty) d = g_list_model_get_item (G_LIST_MODEL (now), 0);

    g_assert_cmpint (d->staff_id, ==, s.nam);
    g_assert_cmpint (d->building_id, ==, 0);
    g_assert_cmpstr (d->date, ==, "2026-11-30");
  }
}

/* ----- the demo school --------------------------------------------------- */

static void
test_demo_roster (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (NT_DEMO_DEFAULT_SEED);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) problems = NULL;
  g_autoptr(GListStore) notes = NULL;
  g_autoptr(GListStore) on_duty = NULL;
  g_autofree char *today = nt_date_today_iso ();
  g_autoptr(GDate) date = nt_date_from_iso (today);
  g_autoptr(GDateTime) clock = g_date_time_new_now_local ();
  g_autofree char *now = g_date_time_format (clock, "%Y-%m-%d %H:%M");
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *week_back = NULL;
  guint acknowledged = 0;

  g_date_set_day (date, 1);
  first = nt_date_to_iso (date);
  g_date_set_day (date, g_date_get_days_in_month (g_date_get_month (date), g_date_get_year (date)));
  last = nt_date_to_iso (date);

  /* Four posts, the three shifts, some availability. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM posts WHERE active = 1"), ==, 4);
  g_assert_cmpint (count (store, "SELECT count(*) FROM shift_templates"), ==, 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM posts WHERE night_gender = 'F' AND building_id IS NOT NULL"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM staff_availability WHERE kind = 'never_nights'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM staff_availability WHERE kind = 'day_off'"), ==, 1);

  /* The current month, whole: no gap, nobody short, no conflict. */
  problems = nt_roster_coverage (store, first, last, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (problems)); i++)
    {
      g_autoptr(NtRosterProblem) pr = g_list_model_get_item (G_LIST_MODEL (problems), i);

      g_test_message ("problem: %s", pr->message);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (problems)), ==, 0);

  /* Someone is on duty now at each of the round-the-clock posts. */
  on_duty = nt_roster_on_duty (store, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (on_duty)), >=, 3);

  /* A week of notes, written by whoever stood the shift, some taken over. */
  {
    g_autoptr(GDate) back = nt_date_from_iso (today);

    g_date_subtract_days (back, 7);
    week_back = nt_date_to_iso (back);
  }
  notes = nt_handovers_list (store, week_back, today, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (notes)), >=, 40);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (notes)); i++)
    {
      g_autoptr(NtHandover) h = g_list_model_get_item (G_LIST_MODEL (notes), i);

      g_assert_cmpstr (h->written_at, <=, now);
      g_assert_true (strlen (h->happened) > 20);
      g_assert_null (strstr (h->happened, "{"));
      if (h->acknowledged_by != 0)
        {
          acknowledged++;
          g_assert_cmpint (h->acknowledged_by, !=, h->written_by);
          g_assert_cmpstr (h->acknowledged_at, >, h->written_at);
        }
    }
  g_assert_cmpuint (acknowledged, >, 0);
  g_assert_cmpuint (acknowledged, <, g_list_model_get_n_items (G_LIST_MODEL (notes)));
  g_assert_cmpint (count (store, "SELECT count(*) FROM handovers h WHERE NOT EXISTS (SELECT 1 FROM duties d "
                                 "WHERE d.staff_id = h.written_by AND d.post_id = h.post_id "
                                 "AND d.shift_id = h.shift_id AND d.date = h.date)"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  nt_test_init (&argc, &argv);

  g_test_add_func ("/roster-rules/max-nights", test_max_nights);
  g_test_add_func ("/roster-rules/max-nights-swap", test_max_nights_swap);
  g_test_add_func ("/roster-rules/on-duty-left", test_on_duty_left);
  g_test_add_func ("/roster-rules/demo-roster", test_demo_roster);
  return g_test_run ();
}
