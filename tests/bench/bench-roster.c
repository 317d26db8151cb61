/* bench-roster.c: generate a month's roster for 60 staff, 6 posts and 3
 * shifts (target ≤ 100 ms), then check the coverage of a year of it
 * (target ≤ 50 ms)
 *
 * The staff are made with SQL: half women, supervisors and guards; two
 * posts take women only at night, one guards only; a few people are on
 * leave, never on nights or limited in nights. The year is generated
 * month by month before the coverage is timed.
 */
#include "nt-roster.h"
#include "nt-test-util.h"

#define STAFF        60
#define GEN_TARGET   100.0
#define COVER_TARGET 50.0

static void
exec (NtStore    *store,
      const char *sql)
{
  char *msg = NULL;

  if (sqlite3_exec (nt_store_get_db (store), sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("building the school: %s", msg);
}

static void
build_school (NtStore *store)
{
  GString *sql = g_string_new ("BEGIN;");

  for (int i = 0; i < STAFF; i++)
    g_string_append_printf (sql,
                            "INSERT INTO staff (id, code, full_name, name_key, search_text, gender, role) VALUES "
                            "(%d, 'NV%03d', 'Cán Bộ %03d', vi_name_key ('Cán Bộ %03d'), vi_fold ('Cán Bộ %03d'), '%s', '%s');",
                            i + 1, i, i, i, i, i % 2 ? "F" : "M", i % 5 == 0 ? "guard" : "supervisor");
  g_string_append (sql,
                   "INSERT INTO posts (name, night_gender, roles) VALUES ('Nhà nam A', 'M', ''), ('Nhà nam B', 'M', ''), "
                   "('Nhà nữ A', 'F', ''), ('Nhà nữ B', 'F', ''), ('Cổng', 'X', 'guard,supervisor'), ('Trạm y tế', 'X', '');"
                   "INSERT INTO staff_availability (staff_id, kind, from_date, to_date, value) VALUES "
                   "(3, 'leave', '2025-03-03', '2025-03-12', NULL), (8, 'never_nights', NULL, NULL, NULL), "
                   "(13, 'max_nights', NULL, NULL, 2), (20, 'day_off', '2025-03-08', '2025-03-08', NULL);"
                   "COMMIT;");
  exec (store, sql->str);
  g_string_free (sql, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(NtStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NtRosterReport) report = NULL;
  g_autoptr(GListStore) problems = NULL;
  double best_gen = G_MAXDOUBLE, best_cover = G_MAXDOUBLE;
  gint64 t0;

  nt_test_init (&argc, &argv);
  store = nt_test_new_store ();
  build_school (store);
  if (!nt_roster_ensure_defaults (store, &error))
    g_error ("%s", error->message);

  for (int run = 0; run < 5; run++)
    {
      g_clear_object (&report);
      t0 = g_get_monotonic_time ();
      if (!nt_roster_generate (store, "2025-03-01", "2025-03-31", NULL, NULL, &report, &error))
        g_error ("%s", error->message);
      best_gen = MIN (best_gen, (g_get_monotonic_time () - t0) / 1000.0);
    }
  g_print ("generate a month (60 staff, 6 posts, 3 shifts): %.1f ms (target ≤ %.0f ms, %.2f× the target); "
           "%u duties written, %u unfilled\n",
           best_gen, GEN_TARGET, best_gen / GEN_TARGET, report->n_written,
           g_list_model_get_n_items (G_LIST_MODEL (report->unfilled)));

  for (int m = 1; m <= 12; m++)
    {
      g_autofree char *from = g_strdup_printf ("2025-%02d-01", m);
      g_autofree char *to = g_strdup_printf ("2025-%02d-%02d", m, g_date_get_days_in_month ((GDateMonth) m, 2025));
      g_autoptr(NtRosterReport) r = NULL;

      if (!nt_roster_generate (store, from, to, NULL, NULL, &r, &error))
        g_error ("%s", error->message);
    }
  for (int run = 0; run < 5; run++)
    {
      g_clear_object (&problems);
      t0 = g_get_monotonic_time ();
      problems = nt_roster_coverage (store, "2025-01-01", "2025-12-31", 8, &error);
      if (problems == NULL)
        g_error ("%s", error->message);
      best_cover = MIN (best_cover, (g_get_monotonic_time () - t0) / 1000.0);
    }
  g_print ("coverage check of a year (%" G_GINT64_FORMAT " duties): %.1f ms (target ≤ %.0f ms, %.2f× the target); "
           "%u problems\n",
           nt_store_count (store, "SELECT count(*) FROM duties"), best_cover, COVER_TARGET,
           best_cover / COVER_TARGET, g_list_model_get_n_items (G_LIST_MODEL (problems)));
  return best_gen <= GEN_TARGET && best_cover <= COVER_TARGET ? 0 : 1;
}
