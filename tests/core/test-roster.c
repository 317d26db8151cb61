/* test-roster.c: the duty roster: setup refusals, duties by hand, coverage
 * (gaps across midnight and across a month's end, conflicts), hand-over */
#include <string.h>

#include <glib/gi18n.h>

#include "nt-error.h"
#include "nt-handovers.h"
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
  NtStaffInput in = { code, name, gender, role, "0912000000" };
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
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
count (NtStore    *store,
       const char *sql)
{
  return nt_store_count (store, sql);
}

/* The three default shifts, by start: 06, 14, 22. */
static void
defaults (NtStore *store,
          gint64  *ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) shifts = NULL;

  g_assert_true (nt_roster_ensure_defaults (store, &error));
  g_assert_no_error (error);
  g_assert_true (nt_roster_ensure_defaults (store, &error));   /* twice: still three */
  shifts = nt_roster_shifts (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shifts)), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(NtShift) s = g_list_model_get_item (G_LIST_MODEL (shifts), i);

      ids[i] = s->id;
      g_assert_cmpint (s->is_night, ==, i == 2);
    }
}

static void
test_setup_refused (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  NtShiftInput zero = { "Ca lỗi", "08:00", "08:00", FALSE, NULL };
  NtShiftInput bad = { "Ca sai", "25:00", "08:00", FALSE, NULL };
  NtShiftInput night = { "Ca đêm dài", "18:00", "06:00", FALSE, NULL };
  NtPostInput nobody = { "Cổng", 0, NULL, NULL, 0, NULL, NULL };
  NtPostInput noname = { "  ", 0, NULL, NULL, 1, NULL, NULL };
  NtPostInput same = { "Cổng", 0, "07:00", "07:00", 1, NULL, NULL };
  gint64 id;

  g_assert_cmpint (nt_roster_shift_add (store, &zero, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (nt_roster_shift_add (store, &bad, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM shift_templates"), ==, 0);

  /* Ending before it starts is a night across midnight, accepted. */
  id = nt_roster_shift_add (store, &night, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT is_night FROM shift_templates"), ==, 1);
  g_assert_cmpint (nt_roster_shift_update (store, id, &zero, &error), ==, FALSE);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM shift_templates WHERE start_time = '18:00'"), ==, 1);

  g_assert_cmpint (nt_roster_post_add (store, &nobody, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (nt_roster_post_add (store, &noname, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (nt_roster_post_add (store, &same, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM posts"), ==, 0);

  g_assert_cmpint (nt_roster_availability_add (store, staff (store, "A", "M", "guard"), "leave",
                                               "2025-03-10", "2025-03-01", 0, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_assert_cmpint (count (store, "SELECT count(*) FROM staff_availability"), ==, 0);
}

static void
test_assign_refused (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 sh[3];
  gint64 girls, gate, man, woman, gone, teacher, d1, d2;
  NtPostInput gate_in = { "Cổng trường", 0, NULL, NULL, 1, "guard,supervisor", NULL };
  defaults (store, sh);
  girls = post (store, "Nhà nữ", "F");
  gate = nt_roster_post_add (store, &gate_in, &error);
  g_assert_no_error (error);
  man = staff (store, "Lò Văn Nam", "M", "supervisor");
  woman = staff (store, "Lò Thị Nữ", "F", "supervisor");
  gone = staff (store, "Vàng A Đi", "M", "guard");
  teacher = staff (store, "Hà Thị Dạy", "F", "teacher");
  g_assert_true (nt_store_exec (store, "UPDATE staff SET active = 0 WHERE full_name = 'Vàng A Đi'", NULL));

  /* A man on the girls' dorm at night. */
  g_assert_cmpint (nt_roster_assign (store, girls, sh[2], man, "2025-03-01", FALSE, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  /* by day he may */
  g_assert_cmpint (nt_roster_assign (store, girls, sh[0], man, "2025-03-01", FALSE, &error), >, 0);
  g_assert_no_error (error);
  /* someone who left */
  g_assert_cmpint (nt_roster_assign (store, gate, sh[0], gone, "2025-03-01", FALSE, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  /* a role the gate does not take: said as people read it, not its code */
  g_assert_cmpint (nt_roster_assign (store, gate, sh[0], teacher, "2025-03-01", FALSE, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Hà Thị Dạy"));
  g_assert_nonnull (strstr (error->message, nt_staff_role_label ("teacher")));
  g_assert_null (strstr (error->message, "(teacher)"));
  g_clear_error (&error);
  /* two places at once */
  g_assert_cmpint (nt_roster_assign (store, gate, sh[0], man, "2025-03-01", FALSE, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_CONSTRAINT);
  g_clear_error (&error);
  /* 06–14 then 14–22: no rest */
  g_assert_cmpint (nt_roster_assign (store, gate, sh[1], man, "2025-03-01", FALSE, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_CONSTRAINT);
  g_clear_error (&error);
  /* leave */
  g_assert_cmpint (nt_roster_availability_add (store, woman, "leave", "2025-03-05", "2025-03-06", 0, &error), >, 0);
  g_assert_cmpint (nt_roster_assign (store, girls, sh[2], woman, "2025-03-06", FALSE, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM duties"), ==, 1);

  /* Swap that creates a conflict: the woman's night 22–06 on the 1st and
   * the man's 06–14 on the 2nd... swapping the man onto a night of the
   * girls' dorm is refused, nothing changes. */
  d1 = nt_roster_assign (store, girls, sh[2], woman, "2025-03-01", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nt_roster_swap (store, d1, 1, "ốm", &error), ==, FALSE);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  /* the man on the gate's morning of the 2nd: swapping puts the woman
   * there, right after her night of the 1st: no rest */
  d2 = nt_roster_assign (store, gate, sh[0], woman, "2025-03-04", FALSE, &error);
  g_assert_no_error (error);
  {
    gint64 d3 = nt_roster_assign (store, gate, sh[0], man, "2025-03-02", FALSE, &error);
    g_autofree char *sql = g_strdup_printf ("SELECT staff_id FROM duties WHERE id = %" G_GINT64_FORMAT, d2);

    g_assert_no_error (error);
    g_assert_cmpint (nt_roster_swap (store, d2, d3, "đổi", &error), ==, FALSE);
    g_assert_error (error, NT_ERROR, NT_ERROR_CONSTRAINT);
    g_clear_error (&error);
    g_assert_cmpint (count (store, sql), ==, woman);
    /* no reason: refused */
    g_assert_false (nt_roster_swap (store, d1, d3, "  ", &error));
    g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_cmpint (count (store, "SELECT count(*) FROM duties WHERE note <> ''"), ==, 0);
}

static void
test_swap (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 sh[3];
  gint64 p, a, b, da, db, audits;

  defaults (store, sh);
  p = post (store, "Nhà nam", "M");
  a = staff (store, "Lò Văn A", "M", "supervisor");
  b = staff (store, "Lò Văn B", "M", "supervisor");
  da = nt_roster_assign (store, p, sh[0], a, "2025-03-01", TRUE, &error);
  db = nt_roster_assign (store, p, sh[2], b, "2025-03-02", FALSE, &error);
  g_assert_no_error (error);
  audits = count (store, "SELECT count(*) FROM audit_log WHERE table_name = 'duties'");
  g_assert_true (nt_roster_swap (store, da, db, "Con ốm", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT staff_id FROM duties WHERE date = '2025-03-01'"), ==, b);
  g_assert_cmpint (count (store, "SELECT staff_id FROM duties WHERE date = '2025-03-02'"), ==, a);
  g_assert_cmpint (count (store, "SELECT count(*) FROM duties WHERE note LIKE '%Con ốm%'"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log WHERE table_name = 'duties'"), ==, audits + 2);
}

/* A swap was agreed between two people: generating the period again keeps
 * both duties, their people and the note, though neither was locked. */
static void
test_swap_survives_generate (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NtRosterReport) report = NULL;
  gint64 sh[3];
  gint64 p, a, b, da, db;
  g_autofree char *sql_a = NULL;
  g_autofree char *sql_b = NULL;

  defaults (store, sh);
  p = post (store, "Nhà nam", "M");
  a = staff (store, "Lò Văn A", "M", "supervisor");
  b = staff (store, "Lò Văn B", "M", "supervisor");
  for (int i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("Giàng A Dự %d", i);
      staff (store, name, "M", "supervisor");
    }
  da = nt_roster_assign (store, p, sh[0], a, "2025-03-01", FALSE, &error);
  db = nt_roster_assign (store, p, sh[0], b, "2025-03-02", FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (nt_roster_swap (store, da, db, "Con ốm", &error));
  g_assert_no_error (error);

  g_assert_true (nt_roster_generate (store, "2025-03-01", "2025-03-02", NULL, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_kept, ==, 2);
  sql_a = g_strdup_printf ("SELECT staff_id FROM duties WHERE id = %" G_GINT64_FORMAT " AND note LIKE '%%Con ốm%%'", da);
  sql_b = g_strdup_printf ("SELECT staff_id FROM duties WHERE id = %" G_GINT64_FORMAT " AND note LIKE '%%Con ốm%%'", db);
  g_assert_cmpint (count (store, sql_a), ==, b);
  g_assert_cmpint (count (store, sql_b), ==, a);
  /* both kept because both are locked, as a duty added by hand is */
  g_assert_cmpint (count (store, "SELECT count(*) FROM duties WHERE locked = 1"), ==, 2);
}

/* The partners a swap is offered are the ones it accepts: not a man for a
 * night of the girls' dorm, not the same person, not the duty itself; the
 * check writes nothing. */
static void
test_swap_partners (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) partners = NULL;
  g_autoptr(GListStore) all = NULL;
  gint64 sh[3];
  gint64 girls, man, woman, other, w1, m, w2, w3;

  defaults (store, sh);
  girls = post (store, "Nhà nữ", "F");
  man = staff (store, "Lò Văn Nam", "M", "supervisor");
  woman = staff (store, "Lò Thị Nữ", "F", "supervisor");
  other = staff (store, "Cà Thị Hai", "F", "supervisor");
  w1 = nt_roster_assign (store, girls, sh[2], woman, "2025-03-01", FALSE, &error);
  m = nt_roster_assign (store, girls, sh[0], man, "2025-03-03", FALSE, &error);
  w2 = nt_roster_assign (store, girls, sh[2], other, "2025-03-05", FALSE, &error);
  w3 = nt_roster_assign (store, girls, sh[2], woman, "2025-03-07", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (w3, >, 0);

  partners = nt_roster_swap_partners (store, w1, "2025-03-01", "2025-03-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (partners)), ==, 1);
  {
    g_autoptr(NtDuty) d = g_list_model_get_item (G_LIST_MODEL (partners), 0);
    g_assert_cmpint (d->id, ==, w2);
  }
  /* Each duty of the month: offered exactly when the check says yes. */
  all = nt_roster_duties (store, "2025-03-01", "2025-03-31", 0, &error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(NtDuty) d = g_list_model_get_item (G_LIST_MODEL (all), i);
      g_autoptr(GError) refused = NULL;
      gboolean ok = nt_roster_swap_check (store, w1, d->id, &refused);

      g_assert_cmpint (ok, ==, d->id == w2);
      g_assert_true (ok == (refused == NULL));
    }
  g_assert_false (nt_roster_swap_check (store, w1, m, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (nt_roster_swap_check (store, w1, w2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM duties WHERE note <> '' OR locked = 1"), ==, 0);
  g_assert_cmpint (count (store, "SELECT staff_id FROM duties WHERE date = '2025-03-01'"), ==, woman);
  /* the swap accepts what the check accepted */
  g_assert_true (nt_roster_swap (store, w1, w2, "Đổi ca", &error));
  g_assert_no_error (error);
}

/* A gap over a month says both dates and its length in days and hours;
 * a short one its one date, and hours and minutes. */
static void
test_gap_text (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) problems = NULL;
  g_autoptr(NtRosterProblem) long_gap = NULL;
  g_autoptr(NtRosterProblem) short_gap = NULL;
  g_autofree char *days = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *half = NULL;
  g_autofree char *mins = NULL;
  NtPostInput early_in = { "Nhà ăn", 0, "03:30", NULL, 1, NULL, NULL };
  gint64 sh[3], gate, early, people[3];

  defaults (store, sh);
  gate = post (store, "Cổng trường", "X");
  early = nt_roster_post_add (store, &early_in, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("Người %d", i);
      people[i] = staff (store, name, "M", "guard");
    }
  /* The gate: only the morning of the 1st is staffed. */
  g_assert_cmpint (nt_roster_assign (store, gate, sh[0], people[0], "2026-12-01", FALSE, &error), >, 0);
  /* The canteen, from 03:30: all three shifts, so only 03:30–06:00 is open. */
  g_assert_cmpint (nt_roster_assign (store, early, sh[0], people[1], "2026-12-01", FALSE, &error), >, 0);
  g_assert_cmpint (nt_roster_assign (store, early, sh[1], people[2], "2026-12-01", FALSE, &error), >, 0);
  g_assert_cmpint (nt_roster_assign (store, early, sh[2], people[0], "2026-12-01", FALSE, &error), >, 0);
  g_assert_no_error (error);

  /* The gate from 14:00 on the 1st to midnight of the 31st. */
  problems = nt_roster_coverage (store, "2026-12-01", "2026-12-31", 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (problems)); i++)
    {
      g_autoptr(NtRosterProblem) pr = g_list_model_get_item (G_LIST_MODEL (problems), i);

      g_test_message ("%s", pr->message);
      if (pr->kind != NT_ROSTER_PROBLEM_GAP)
        continue;
      if (pr->post_id == gate && pr->minutes > 24 * 60)
        g_set_object (&long_gap, pr);
      else if (pr->post_id == early && g_str_equal (pr->date, "2026-12-01"))
        g_set_object (&short_gap, pr);
    }
  g_assert_nonnull (long_gap);
  g_assert_nonnull (short_gap);

  g_assert_cmpint (long_gap->minutes, ==, 30 * 24 * 60 + 10 * 60);
  days = g_strdup_printf (ngettext ("%d day", "%d days", 30), 30);
  hours = g_strdup_printf (ngettext ("%d hour", "%d hours", 10), 10);
  g_assert_nonnull (strstr (long_gap->message, "01/12/2026"));
  g_assert_nonnull (strstr (long_gap->message, "01/01/2027"));
  g_assert_nonnull (strstr (long_gap->message, "14:00"));
  g_assert_nonnull (strstr (long_gap->message, days));
  g_assert_nonnull (strstr (long_gap->message, hours));
  g_assert_null (strstr (long_gap->message, "44"));

  g_assert_cmpint (short_gap->minutes, ==, 150);
  half = g_strdup_printf (ngettext ("%d hour", "%d hours", 2), 2);
  mins = g_strdup_printf (ngettext ("%d minute", "%d minutes", 30), 30);
  g_assert_nonnull (strstr (short_gap->message, "01/12/2026"));
  g_assert_nonnull (strstr (short_gap->message, "03:30"));
  g_assert_nonnull (strstr (short_gap->message, "06:00"));
  g_assert_nonnull (strstr (short_gap->message, half));
  g_assert_nonnull (strstr (short_gap->message, mins));
  g_assert_null (strstr (short_gap->message, "02/12/2026"));
  g_assert_null (strstr (short_gap->message, "150"));
}

/* Narrow cells: the given name, and an initial where two people shown
 * share it. */
static void
test_short_names (void)
{
  const char *names[] = {
    "Nguyễn Minh Thủy", "Lê Quỳnh Thủy", "Lò Văn Nam", "Nguyễn Minh Thủy",
    "Hoàng Văn Cường", "Đỗ Văn Cường", "Trần Thị Hà", "Phạm Thị Hà", "Lê  đức Anh", "Vũ Anh", "Long",
  };
  g_autoptr(GHashTable) shorts = nt_roster_short_names (names, G_N_ELEMENTS (names));

  g_assert_cmpuint (g_hash_table_size (shorts), ==, G_N_ELEMENTS (names) - 1);
  g_assert_cmpstr (g_hash_table_lookup (shorts, "Nguyễn Minh Thủy"), ==, "M. Thủy");
  g_assert_cmpstr (g_hash_table_lookup (shorts, "Lê Quỳnh Thủy"), ==, "Q. Thủy");
  g_assert_cmpstr (g_hash_table_lookup (shorts, "Lò Văn Nam"), ==, "Nam");
  /* the same middle name: every initial */
  g_assert_cmpstr (g_hash_table_lookup (shorts, "Hoàng Văn Cường"), ==, "H.V. Cường");
  g_assert_cmpstr (g_hash_table_lookup (shorts, "Đỗ Văn Cường"), ==, "Đ.V. Cường");
  g_assert_cmpstr (g_hash_table_lookup (shorts, "Trần Thị Hà"), ==, "T.T. Hà");
  g_assert_cmpstr (g_hash_table_lookup (shorts, "Phạm Thị Hà"), ==, "P.T. Hà");
  /* a lower-case middle name, two spaces; a name of two words */
  g_assert_cmpstr (g_hash_table_lookup (shorts, "Lê  đức Anh"), ==, "Đ. Anh");
  g_assert_cmpstr (g_hash_table_lookup (shorts, "Vũ Anh"), ==, "V. Anh");
  g_assert_cmpstr (g_hash_table_lookup (shorts, "Long"), ==, "Long");
}

/* A 24/24 post with 06–14, 14–22, 22–06: no gap when all filled; the last
 * night of March covers into April 1st; removing a night leaves a gap of
 * 480 minutes across midnight, reported once. */
static void
test_coverage (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) problems = NULL;
  gint64 sh[3], p, people[4], night31 = 0, night30 = 0;
  const char *days[] = { "2025-03-30", "2025-03-31", "2025-04-01" };

  defaults (store, sh);
  p = post (store, "Nhà A", "X");
  for (int i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("Người %d", i);

      people[i] = staff (store, name, i % 2 ? "F" : "M", "supervisor");
    }
  for (int d = 0; d < 3; d++)
    for (int s = 0; s < 3; s++)
      {
        gint64 id = nt_roster_assign (store, p, sh[s], people[(d + s) % 4 == 3 ? 3 : s], days[d], FALSE, &error);

        g_assert_no_error (error);
        if (s == 2 && d == 1)
          night31 = id;
        if (s == 2 && d == 0)
          night30 = id;
      }
  problems = nt_roster_coverage (store, "2025-03-30", "2025-04-01", 8, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (problems)); i++)
    {
      g_autoptr(NtRosterProblem) pr = g_list_model_get_item (G_LIST_MODEL (problems), i);

      g_test_message ("%s", pr->message);
    }
  /* Only the early hours of the first day: the night before is not on
   * the roster. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (problems)), ==, 1);
  {
    g_autoptr(NtRosterProblem) pr = g_list_model_get_item (G_LIST_MODEL (problems), 0);

    g_assert_cmpint (pr->kind, ==, NT_ROSTER_PROBLEM_GAP);
    g_assert_cmpstr (pr->date, ==, "2025-03-30");
    g_assert_cmpint (pr->minutes, ==, 360);
  }
  g_clear_object (&problems);
  problems = nt_roster_coverage (store, "2025-03-31", "2025-04-01", 8, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (problems)), ==, 0);
  g_clear_object (&problems);

  /* The last night of March gone: 22:00 on the 31st to 06:00 on April 1st. */
  g_assert_true (nt_roster_remove (store, night31, &error));
  problems = nt_roster_coverage (store, "2025-03-01", "2025-04-30", 8, &error);
  {
    guint gaps = 0, under = 0;

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (problems)); i++)
      {
        g_autoptr(NtRosterProblem) pr = g_list_model_get_item (G_LIST_MODEL (problems), i);

        if (pr->kind == NT_ROSTER_PROBLEM_GAP && g_str_equal (pr->date, "2025-03-31"))
          {
            gaps++;
            g_assert_cmpint (pr->minutes, ==, 480);
          }
        if (pr->kind == NT_ROSTER_PROBLEM_UNDERSTAFFED && g_str_equal (pr->date, "2025-03-31"))
          under++;
      }
    g_assert_cmpuint (gaps, ==, 1);
    g_assert_cmpuint (under, ==, 1);
  }
  g_clear_object (&problems);

  /* A double booking and a short rest, put in behind the checks' back. */
  (void) night30;
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO posts (name, staffed_from, staffed_to) VALUES ('Cổng', '06:00', '22:00'); "
                                            "INSERT INTO duties (post_id, shift_id, staff_id, date) "
                                            "VALUES ((SELECT id FROM posts WHERE name = 'Cổng'), %" G_GINT64_FORMAT
                                            ", %" G_GINT64_FORMAT ", '2025-03-30'), "
                                            "((SELECT id FROM posts WHERE name = 'Cổng'), %" G_GINT64_FORMAT
                                            ", %" G_GINT64_FORMAT ", '2025-03-30');",
                                            sh[0], people[0], sh[1], people[2]);

    g_assert_true (nt_store_exec (store, sql, &error));
    g_assert_no_error (error);
  }
  problems = nt_roster_coverage (store, "2025-03-30", "2025-03-31", 8, &error);
  {
    gboolean twice = FALSE, rest = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (problems)); i++)
      {
        g_autoptr(NtRosterProblem) pr = g_list_model_get_item (G_LIST_MODEL (problems), i);

        twice |= pr->kind == NT_ROSTER_PROBLEM_DOUBLE_BOOKED && pr->staff_id == people[0] &&
                 g_str_equal (pr->date, "2025-03-30");
        rest |= pr->kind == NT_ROSTER_PROBLEM_SHORT_REST;
      }
    g_assert_true (twice);
    g_assert_true (rest);
  }
}

static void
test_on_duty_and_grid (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) now = NULL;
  g_autoptr(GListStore) grid = NULL;
  gint64 sh[3], p, a;

  defaults (store, sh);
  p = post (store, "Nhà A", "X");
  a = staff (store, "Lò Văn Đêm", "M", "supervisor");
  g_assert_cmpint (nt_roster_assign (store, p, sh[2], a, "2025-03-31", FALSE, &error), >, 0);
  now = nt_roster_on_duty (store, "2025-04-01 03:00", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (now)), ==, 1);
  g_clear_object (&now);
  now = nt_roster_on_duty (store, "2025-04-01 06:00", &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (now)), ==, 0);

  grid = nt_roster_grid (store, "2025-03-31", "2025-04-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (grid)), ==, 6);
  {
    g_autoptr(NtRosterCell) c = g_list_model_get_item (G_LIST_MODEL (grid), 2);

    g_assert_cmpstr (c->date, ==, "2025-03-31");
    g_assert_cmpint (c->shift_id, ==, sh[2]);
    g_assert_cmpstr (c->staff_names, ==, "Lò Văn Đêm");
  }
}

static void
test_handovers (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) found = NULL;
  gint64 sh[3], p, a, b, h;
  NtHandoverInput in = { 0 };

  defaults (store, sh);
  p = post (store, "Nhà A", "X");
  a = staff (store, "Nguyễn Văn Ánh", "M", "supervisor");
  b = staff (store, "Đặng Thị Bình", "F", "supervisor");
  in.post_id = p;
  in.shift_id = sh[2];
  in.date = "2025-03-01";
  in.written_by = a;
  in.written_at = "2025-03-02 06:00";
  in.happened = "Em Lò Văn Sử sốt cao, đã đưa lên trạm y tế";
  in.to_watch = "Theo dõi phòng 204";
  h = nt_handovers_write (store, &in, &error);
  g_assert_no_error (error);

  in.happened = "";
  in.to_watch = " ";
  g_assert_cmpint (nt_handovers_write (store, &in, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (nt_handovers_acknowledge (store, h, a, NULL, &error));   /* its writer */
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (nt_handovers_acknowledge (store, h, b, "2025-03-02 06:05", &error));
  g_assert_no_error (error);
  g_assert_false (nt_handovers_acknowledge (store, h, b, NULL, &error));   /* twice */
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);

  found = nt_handovers_list (store, "2025-03-01", "2025-03-31", 0, "tram y te", &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 1);
  {
    g_autoptr(NtHandover) x = g_list_model_get_item (G_LIST_MODEL (found), 0);

    g_assert_cmpint (x->acknowledged_by, ==, b);
    g_assert_cmpstr (x->acknowledged_at, ==, "2025-03-02 06:05");
  }
  g_clear_object (&found);
  found = nt_handovers_list (store, "2025-03-01", "2025-03-31", 0, "phong 205", &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 0);
  g_clear_object (&found);
  found = nt_handovers_list (store, "2025-03-02", "2025-03-31", p, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 0);
}

/* Holidays: kept with their names, refused when not a date, unnamed or
 * twice, refused to a supervisor; a shift on one counts with the weekend
 * shifts in the duty counts. */
static void
test_holidays (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) holidays = NULL;
  g_autoptr(GListStore) counts = NULL;
  g_autoptr(NtDutyCount) c = NULL;
  gint64 shifts[3];
  gint64 dorm, a, sup, id;

  defaults (store, shifts);
  dorm = post (store, "Ký túc xá", NULL);
  a = staff (store, "Lò Văn An", "M", "supervisor");
  sup = staff (store, "Quàng Thị Bích", "F", "supervisor");

  id = nt_roster_holiday_add (store, "2026-09-02", "Quốc khánh", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (nt_roster_holiday_add (store, "2026-09-02", "Quốc khánh", &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (nt_roster_holiday_add (store, "2026-02-30", "Không có", &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (nt_roster_holiday_add (store, "2026-12-31", "  ", &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (nt_store_set_actor (store, sup, &error));
  g_assert_cmpint (nt_roster_holiday_add (store, "2027-01-01", "Tết Dương lịch", &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (nt_store_set_actor (store, 0, &error));
  holidays = nt_roster_holidays (store, "2026-09-01", "2026-09-30", &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (holidays)), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log WHERE table_name = 'holidays'"), ==, 1);

  /* Wednesday 2 September 2026: a holiday shift, with the weekend's. */
  g_assert_cmpint (nt_roster_assign (store, dorm, shifts[0], a, "2026-09-02", FALSE, &error), >, 0);
  g_assert_cmpint (nt_roster_assign (store, dorm, shifts[0], a, "2026-09-05", FALSE, &error), >, 0);
  g_assert_cmpint (nt_roster_assign (store, dorm, shifts[0], a, "2026-09-03", FALSE, &error), >, 0);
  g_assert_no_error (error);
  counts = nt_roster_duty_counts (store, "2026-09-01", "2026-09-30", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (counts)) && c == NULL; i++)
    {
      g_autoptr(NtDutyCount) x = g_list_model_get_item (G_LIST_MODEL (counts), i);
      if (x->staff_id == a)
        c = g_steal_pointer (&x);
    }
  g_assert_nonnull (c);
  g_assert_cmpint (c->shifts, ==, 3);
  g_assert_cmpint (c->weekends, ==, 2);
  g_assert_cmpint (c->minutes, ==, 3 * 8 * 60);

  g_assert_true (nt_roster_holiday_remove (store, id, &error));
  g_clear_object (&holidays);
  holidays = nt_roster_holidays (store, NULL, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (holidays)), ==, 0);
}

/* A post's hours, across midnight too. */
static void
test_staffed_at (void)
{
  g_autoptr(NtPost) day = g_object_new (NT_TYPE_POST, NULL);
  g_autoptr(NtPost) night = g_object_new (NT_TYPE_POST, NULL);

  day->staffed_from = g_strdup ("06:00");
  day->staffed_to = g_strdup ("22:00");
  night->staffed_from = g_strdup ("22:00");
  night->staffed_to = g_strdup ("06:00");
  g_assert_true (nt_roster_post_staffed_at (day, 6 * 60));
  g_assert_false (nt_roster_post_staffed_at (day, 22 * 60));
  g_assert_false (nt_roster_post_staffed_at (day, 3 * 60));
  g_assert_true (nt_roster_post_staffed_at (night, 3 * 60));
  g_assert_true (nt_roster_post_staffed_at (night, 23 * 60));
  g_assert_false (nt_roster_post_staffed_at (night, 12 * 60));
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);
  g_test_add_func ("/roster/setup-refused", test_setup_refused);
  g_test_add_func ("/roster/assign-refused", test_assign_refused);
  g_test_add_func ("/roster/swap", test_swap);
  g_test_add_func ("/roster/swap-survives-generate", test_swap_survives_generate);
  g_test_add_func ("/roster/swap-partners", test_swap_partners);
  g_test_add_func ("/roster/gap-text", test_gap_text);
  g_test_add_func ("/roster/short-names", test_short_names);
  g_test_add_func ("/roster/coverage", test_coverage);
  g_test_add_func ("/roster/on-duty-grid", test_on_duty_and_grid);
  g_test_add_func ("/roster/handovers", test_handovers);
  g_test_add_func ("/roster/holidays", test_holidays);
  g_test_add_func ("/roster/staffed-at", test_staffed_at);
  return g_test_run ();
}
