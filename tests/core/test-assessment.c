/* test-assessment.c: the ANTT self-assessment: criteria, figures on a
 * hand-built school, states, permissions, frozen figures, files */
#include <string.h>

#include <glib/gstdio.h>

#include "nt-assessment.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-reports.h"
#include "nt-roster.h"
#include "nt-staff.h"
#include "nt-test-util.h"

#include "report-fixture.h"
#include "rooms-fixture.h"

#define YEAR "2024-2025"

static gint64
fx_staff (NtStore    *store,
          const char *name,
          const char *role)
{
  static int n;
  g_autofree char *code = g_strdup_printf ("CB%03d", ++n);
  NtStaffInput in = { code, name, "F", role, "" };
  g_autoptr(GError) error = NULL;
  gint64 id = nt_staff_add (store, &in, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
exec_printf (NtStore    *store,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
exec_printf (NtStore    *store,
             const char *format,
             ...)
{
  va_list args;
  g_autofree char *sql = NULL;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  fx_exec_id (store, sql);
}

/* ----- the criteria ------------------------------------------------------- */

static void
test_criteria (void)
{
  guint n_circulars, n;
  const NtAssessmentCircular *circulars = nt_assessment_circulars (&n_circulars);
  g_autofree NtAssessmentCriterion **c124 = nt_assessment_criteria ("124/2021/TT-BCA", &n);
  g_autofree NtAssessmentCriterion **c23 = NULL;
  g_autofree NtAssessmentCriterion **none = NULL;
  static const char * const kinds[] = {
    "commitments", "duty", "incidents", "violence", "social_evils", "night_checks", "absences", "drills", NULL
  };

  g_assert_cmpuint (n_circulars, ==, 2);
  g_assert_cmpstr (circulars[0].id, ==, NT_ASSESSMENT_DEFAULT_CIRCULAR);
  g_assert_cmpstr (circulars[0].date, ==, "2021-12-28");
  g_assert_cmpstr (circulars[1].id, ==, "23/2012/TT-BCA");
  g_assert_cmpstr (circulars[1].date, ==, "2012-04-27");
  g_assert_cmpstr (circulars[1].replaced_by, ==, "124/2021/TT-BCA");

  g_assert_cmpuint (n, ==, 6);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (c124[i]->number, ==, i + 1);
      g_assert_nonnull (strstr (c124[i]->source, "124/2021/TT-BCA"));
      g_assert_nonnull (strstr (c124[i]->source, "28/12/2021"));
      /* Nothing of 124 could be found verbatim: every one says so. */
      g_assert_false (c124[i]->confirmed);
      g_assert_cmpuint (strlen (c124[i]->note), >, 0);
      g_assert_cmpuint (g_strv_length (c124[i]->evidence), >, 0);
      for (guint k = 0; c124[i]->evidence[k]; k++)
        g_assert_true (g_strv_contains (kinds, c124[i]->evidence[k]));
    }
  g_assert_nonnull (strstr (c124[3]->text, "bạo lực học đường"));
  g_assert_true (g_strv_contains ((const char * const *) c124[3]->evidence, "violence"));
  g_assert_null (c124[n]);

  c23 = nt_assessment_criteria ("23/2012/TT-BCA", &n);
  g_assert_cmpuint (n, ==, 6);
  g_assert_true (c23[0]->confirmed);
  g_assert_nonnull (strstr (c23[0]->text, "100% cán bộ, giáo viên, công nhân viên, người học"));
  g_assert_nonnull (strstr (c23[0]->source, "Điều 8"));
  for (guint i = 1; i < n; i++)
    g_assert_false (c23[i]->confirmed);

  g_assert_true (nt_assessment_criterion_lookup ("tt23-1") == c23[0]);
  g_assert_null (nt_assessment_criterion_lookup ("tt99-1"));
  g_assert_null (nt_assessment_circular_lookup ("1/2000/TT-BCA"));
  none = nt_assessment_criteria ("1/2000/TT-BCA", &n);
  g_assert_cmpuint (n, ==, 0);
}

/* ----- the figures on a hand-built school --------------------------------- */

typedef struct
{
  gint64 supervisor;
  gint64 principal;
  gint64 vice;
  gint64 office;
  gint64 students[5];
} School;

/* The school of the figures test; the answers are in test_figures(). */
static void
build_school (NtStore *store,
              School  *s)
{
  g_autoptr(GError) error = NULL;
  gint64 c10 = fx_class (store, "10A1", 10);
  gint64 hs1, hs2, cb1, a, b, post, day, night, check;
  NtPostInput post_in = { "Cổng trường", 0, NULL, NULL, 1, NULL, NULL };
  NtShiftInput day_in = { "Ngày", "06:00", "18:00", FALSE, NULL };
  NtShiftInput night_in = { "Đêm", "18:00", "06:00", TRUE, NULL };

  s->supervisor = fx_staff (store, "Lò Thị Hoa", "supervisor");
  s->principal = fx_staff (store, "Nguyễn Văn Hùng", "principal");
  s->vice = fx_staff (store, "Trần Thị Mai", "vice_principal");
  s->office = fx_staff (store, "Hà Thị Lan", "office");
  exec_printf (store, "UPDATE staff SET active = 0 WHERE id = %" G_GINT64_FORMAT, fx_staff (store, "Cũ", "teacher"));
  s->students[0] = fx_student (store, "Lò Văn An", "M", c10);
  s->students[1] = fx_student (store, "Vàng Thị Bích", "F", c10);
  s->students[2] = fx_student (store, "Giàng A Cở", "M", c10);
  s->students[3] = fx_student (store, "Sùng Thị Dợ", "F", c10);
  s->students[4] = fx_student (store, "Hờ A Dính", "M", c10);
  exec_printf (store, "UPDATE students SET active = 0, left_on = '2024-06-01' WHERE id = %" G_GINT64_FORMAT, s->students[4]);

  /* Rules: the students' set has a version 2 from 05/09/2024. */
  hs1 = fx_exec_id (store, "INSERT INTO rule_sets (name, audience, version, title, effective_date, family) "
                           "VALUES ('Nội quy HS', 'students', 1, 'Nội quy', '2024-08-01', 'hs')");
  hs2 = fx_exec_id (store, "INSERT INTO rule_sets (name, audience, version, title, effective_date, family) "
                           "VALUES ('Nội quy HS', 'students', 2, 'Nội quy', '2024-09-05', 'hs')");
  cb1 = fx_exec_id (store, "INSERT INTO rule_sets (name, audience, version, title, effective_date, family) "
                           "VALUES ('Nội quy CB', 'staff', 1, 'Nội quy', '2024-08-01', 'cb')");
#define SIGN_STUDENT(set, who) \
  exec_printf (store, "INSERT INTO commitments (rule_set_id, student_id, signed_on) VALUES (%" G_GINT64_FORMAT \
               ", %" G_GINT64_FORMAT ", '2024-09-01')", (set), (who))
  SIGN_STUDENT (hs1, s->students[0]);
  SIGN_STUDENT (hs2, s->students[0]);
  SIGN_STUDENT (hs1, s->students[1]);
  SIGN_STUDENT (hs1, s->students[2]);
  SIGN_STUDENT (hs2, s->students[2]);
  SIGN_STUDENT (hs2, s->students[4]);
#undef SIGN_STUDENT
  exec_printf (store, "INSERT INTO commitments (rule_set_id, staff_id, signed_on) VALUES (%" G_GINT64_FORMAT
               ", %" G_GINT64_FORMAT ", '2024-09-01')", cb1, s->supervisor);

  /* Duty: the gate all day; the night of 03/09 and the day of 07/09 are empty. */
  post = nt_roster_post_add (store, &post_in, &error);
  g_assert_no_error (error);
  day = nt_roster_shift_add (store, &day_in, &error);
  g_assert_no_error (error);
  night = nt_roster_shift_add (store, &night_in, &error);
  g_assert_no_error (error);
  for (int d = 0; d <= 10; d++)
    {
      g_autofree char *date = d == 0 ? g_strdup ("2024-08-31") : g_strdup_printf ("2024-09-%02d", d);

      if (d != 0 && d != 7)
        {
          nt_roster_assign (store, post, day, s->supervisor, date, FALSE, &error);
          g_assert_no_error (error);
        }
      if (d != 3)
        {
          nt_roster_assign (store, post, night, s->office, date, FALSE, &error);
          g_assert_no_error (error);
        }
    }

  /* Incidents: five in the period, three outside it. */
  fx_exec_id (store, "INSERT INTO incidents (occurred_at, category, state, outcome, closed_at) "
                     "VALUES ('2024-09-02 10:00', 'violence', 'closed', 'disciplined', '2024-09-03 10:00')");
  fx_exec_id (store, "INSERT INTO incidents (occurred_at, category) VALUES ('2024-09-08 21:00', 'violence')");
  fx_exec_id (store, "INSERT INTO incidents (occurred_at, category, state, outcome, closed_at) "
                     "VALUES ('2024-09-05 07:00', 'theft', 'closed', 'settled', '2024-09-05 09:00')");
  fx_exec_id (store, "INSERT INTO incidents (occurred_at, category, state, outcome, closed_at, police_reported_at) "
                     "VALUES ('2024-09-06 23:00', 'social_evils', 'closed', 'police', '2024-09-07 08:00', '2024-09-07 07:00')");
  fx_exec_id (store, "INSERT INTO incidents (occurred_at, category, state) VALUES ('2024-09-10 22:00', 'theft', 'in_progress')");
  fx_exec_id (store, "INSERT INTO incidents (occurred_at, category) VALUES ('2024-08-20 22:00', 'fighting')");
  fx_exec_id (store, "INSERT INTO incidents (occurred_at, category) VALUES ('2024-09-11 08:00', 'theft')");
  fx_exec_id (store, "INSERT INTO incidents (occurred_at, category) VALUES ('2025-09-01 08:00', 'violence')");

  /* Night checks from 03/09: Nhà A closed on 03, 04 (two floors), 05; open
   * on 06; Nhà B closed on 10 only. */
  a = fx_building (store, "Nhà A", "M");
  b = fx_building (store, "Nhà B", "F");
#define CHECK(building, night, closed) \
  fx_exec_id (store, g_strdup_printf ("INSERT INTO night_checks (night, building_id, supervisor_id, started_at, closed_at) " \
                                      "VALUES ('%s', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '%s 21:30', %s)", \
                                      (night), (building), s->supervisor, (night), (closed) ? "'x'" : "NULL"))
  CHECK (a, "2024-09-03", TRUE);
  check = CHECK (a, "2024-09-04", TRUE);
  CHECK (a, "2024-09-04", TRUE);
  CHECK (a, "2024-09-05", TRUE);
  CHECK (a, "2024-09-06", FALSE);
  CHECK (b, "2024-09-10", TRUE);
  {
    gint64 later = CHECK (b, "2024-09-11", TRUE);
    exec_printf (store, "INSERT INTO night_check_entries (check_id, student_id, status) VALUES (%" G_GINT64_FORMAT
                 ", %" G_GINT64_FORMAT ", 'absent')", later, s->students[0]);
  }
#undef CHECK
  exec_printf (store, "INSERT INTO night_check_entries (check_id, student_id, status) VALUES "
               "(%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'absent'), (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'absent'), "
               "(%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'leave')",
               check, s->students[0], check, s->students[1], check, s->students[2]);

  /* Emergency rolls: a drill and a fire in the period, a drill before. */
  fx_exec_id (store, "INSERT INTO emergency_rolls (kind, started_at) VALUES ('drill', '2024-09-02 15:00')");
  fx_exec_id (store, "INSERT INTO emergency_rolls (kind, started_at) VALUES ('fire', '2024-09-05 02:00')");
  fx_exec_id (store, "INSERT INTO emergency_rolls (kind, started_at) VALUES ('drill', '2024-08-15 15:00')");
}

static const NtAssessmentIncidents *
incidents_of (const NtAssessmentFigures *f,
              const char                *category)
{
  for (guint i = 0; i < f->incidents->len; i++)
    if (g_strcmp0 (g_array_index (f->incidents, NtAssessmentIncidents, i).category, category) == 0)
      return &g_array_index (f->incidents, NtAssessmentIncidents, i);
  return NULL;
}

static void
assert_school_figures (const NtAssessmentFigures *f)
{
  const NtAssessmentIncidents *violence, *theft, *evils;

  g_assert_cmpstr (f->school_year, ==, YEAR);
  g_assert_cmpstr (f->from, ==, "2024-09-01");
  g_assert_cmpstr (f->to, ==, "2024-09-10");

  /* Students: 4 active; An and Cở signed version 2, Bích only version 1,
   * Dợ nothing; Dính signed but left. Staff: 4 active, Hoa signed. */
  g_assert_cmpuint (f->rule_sets, ==, 2);
  g_assert_cmpuint (f->students_active, ==, 4);
  g_assert_cmpuint (f->students_signed, ==, 2);
  g_assert_cmpuint (f->staff_active, ==, 4);
  g_assert_cmpuint (f->staff_signed, ==, 1);

  g_assert_cmpstr (f->duty_from, ==, "2024-09-01");
  g_assert_cmpstr (f->nights_from, ==, "2024-09-03");

  /* The gate: the night of 03/09 and the day of 07/09, 12 hours each. */
  g_assert_cmpuint (f->posts->len, ==, 1);
  g_assert_cmpstr (g_array_index (f->posts, NtAssessmentPostGap, 0).name, ==, "Cổng trường");
  g_assert_cmpfloat_with_epsilon (g_array_index (f->posts, NtAssessmentPostGap, 0).gap_hours, 24.0, 0.01);
  g_assert_cmpfloat_with_epsilon (nt_assessment_figures_gap_hours (f), 24.0, 0.01);

  /* Incidents 02/09–10/09 only. */
  g_assert_cmpuint (f->incidents->len, ==, 3);
  g_assert_cmpuint (nt_assessment_figures_incidents (f, NULL), ==, 5);
  violence = incidents_of (f, "violence");
  g_assert_nonnull (violence);
  g_assert_cmpuint (violence->total, ==, 2);
  g_assert_cmpuint (violence->open, ==, 1);
  g_assert_cmpuint (violence->disciplined, ==, 1);
  g_assert_cmpuint (violence->settled, ==, 0);
  g_assert_cmpstr (violence->label, ==, "Bạo lực học đường");
  theft = incidents_of (f, "theft");
  g_assert_cmpuint (theft->total, ==, 2);
  g_assert_cmpuint (theft->open, ==, 1);
  g_assert_cmpuint (theft->settled, ==, 1);
  evils = incidents_of (f, "social_evils");
  g_assert_cmpuint (evils->total, ==, 1);
  g_assert_cmpuint (evils->police, ==, 1);
  g_assert_cmpuint (evils->reported_to_police, ==, 1);
  g_assert_null (incidents_of (f, "fighting"));

  /* Nights 03/09–10/09 (8): Nhà A 3 closed, Nhà B 1. */
  g_assert_cmpuint (f->buildings->len, ==, 2);
  g_assert_cmpstr (g_array_index (f->buildings, NtAssessmentNights, 0).name, ==, "Nhà A");
  g_assert_cmpuint (g_array_index (f->buildings, NtAssessmentNights, 0).nights, ==, 8);
  g_assert_cmpuint (g_array_index (f->buildings, NtAssessmentNights, 0).checked, ==, 3);
  g_assert_cmpuint (g_array_index (f->buildings, NtAssessmentNights, 1).checked, ==, 1);

  g_assert_cmpuint (f->absences, ==, 2);
  g_assert_cmpuint (f->drills, ==, 1);
  g_assert_cmpuint (f->emergency_rolls, ==, 2);
}

static void
test_figures (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(NtAssessmentFigures) f = NULL;
  g_autoptr(NtAssessmentFigures) early = NULL;
  g_autoptr(NtAssessmentFigures) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *text = NULL;
  School s;

  build_school (store, &s);
  f = nt_assessment_figures_compute (store, YEAR, "2024-09-11", &error);
  g_assert_no_error (error);
  assert_school_figures (f);

  /* On 05/09 version 1 is the one in force: Bích counts, and the nights run
   * 03/09–04/09. */
  early = nt_assessment_figures_compute (store, YEAR, "2024-09-05", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (early->to, ==, "2024-09-04");
  g_assert_cmpuint (early->students_signed, ==, 3);
  g_assert_cmpuint (g_array_index (early->buildings, NtAssessmentNights, 0).nights, ==, 2);
  g_assert_cmpuint (g_array_index (early->buildings, NtAssessmentNights, 0).checked, ==, 2);
  g_assert_cmpuint (nt_assessment_figures_incidents (early, NULL), ==, 1);

  /* Kept as text and read back, the same. */
  text = nt_assessment_figures_serialize (f);
  back = nt_assessment_figures_parse (text, &error);
  g_assert_no_error (error);
  assert_school_figures (back);

  /* The evidence lines name the figures. */
  lines = nt_assessment_evidence_lines (f, (const char * const[]) { "violence", "night_checks", "commitments", NULL });
  g_assert_cmpuint (lines->len, ==, 4);
  g_assert_cmpstr (((NtAssessmentEvidence *) lines->pdata[0])->section, ==, "incidents");
  g_assert_nonnull (strstr (((NtAssessmentEvidence *) lines->pdata[0])->text, "Bạo lực học đường"));
  g_assert_nonnull (strstr (((NtAssessmentEvidence *) lines->pdata[1])->text, "3"));
  g_assert_cmpstr (((NtAssessmentEvidence *) lines->pdata[2])->section, ==, "checks");
  g_assert_nonnull (strstr (((NtAssessmentEvidence *) lines->pdata[3])->text, "50"));

  /* Bad input. */
  g_clear_pointer (&back, nt_assessment_figures_free);
  back = nt_assessment_figures_compute (store, "2024", NULL, &error);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_assert_null (back);
  g_clear_error (&error);
  back = nt_assessment_figures_compute (store, "2024-2026", NULL, &error);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  back = nt_assessment_figures_compute (store, YEAR, "31/12/2024", &error);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  back = nt_assessment_figures_parse ("2024-2025\n(1, 2)", &error);
  g_assert_error (error, NT_ERROR, NT_ERROR_DAMAGED);
  g_assert_null (back);
}

/* An empty school: zero everywhere, nothing divided by zero. */
static void
test_figures_empty (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(NtAssessmentFigures) f = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  f = nt_assessment_figures_compute (store, YEAR, "2025-10-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (f->to, ==, "2025-08-31");
  g_assert_cmpuint (f->students_active, ==, 0);
  g_assert_cmpuint (f->rule_sets, ==, 0);
  g_assert_cmpuint (f->posts->len, ==, 0);
  g_assert_cmpuint (f->incidents->len, ==, 0);
  lines = nt_assessment_evidence_lines (f, NULL);
  g_assert_cmpuint (lines->len, >=, 8);

  /* Before the year starts: an empty period. */
  g_clear_pointer (&f, nt_assessment_figures_free);
  f = nt_assessment_figures_compute (store, YEAR, "2024-08-01", &error);
  g_assert_no_error (error);
  g_assert_cmpint (strcmp (f->from, f->to), >, 0);
}

/* ----- states and permissions --------------------------------------------- */

static void
decide_all (NtStore *store,
            gint64   id,
            int      met)
{
  g_autofree NtAssessmentCriterion **criteria = nt_assessment_criteria (NT_ASSESSMENT_DEFAULT_CIRCULAR, NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; criteria[i]; i++)
    {
      nt_assessment_set_item (store, id, criteria[i]->id, met, NULL, &error);
      g_assert_no_error (error);
    }
}

static void
test_states (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(NtAssessment) a = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) years = NULL;
  g_autofree char *state = NULL;
  guint met, not_met, undecided, decided, n;
  School s;
  gint64 id;

  build_school (store, &s);

  /* A supervisor may neither start nor fill it. */
  g_assert_true (nt_store_set_actor (store, s.supervisor, NULL));
  id = nt_assessment_create (store, YEAR, NULL, &error);
  g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
  g_assert_cmpint (id, ==, 0);
  g_clear_error (&error);
  g_assert_cmpint (fx_count (store, "SELECT count(*) FROM assessments"), ==, 0);

  /* The office may. */
  g_assert_true (nt_store_set_actor (store, s.office, NULL));
  id = nt_assessment_create (store, YEAR, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (fx_count (store, "SELECT count(*) FROM assessment_items"), ==, 6);
  g_assert_false (nt_assessment_create (store, YEAR, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (nt_assessment_create (store, "2024/2025", NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (nt_assessment_create (store, "2025-2026", "99/2030/TT-BCA", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);

  years = nt_assessment_years (store);
  g_assert_cmpuint (g_strv_length (years), ==, 1);
  g_assert_cmpstr (years[0], ==, YEAR);

  /* Filling in. */
  g_assert_true (nt_assessment_set_item (store, id, "tt124-4", 0, "Có 2 vụ bạo lực.", &error));
  g_assert_no_error (error);
  g_assert_false (nt_assessment_set_item (store, id, "tt23-1", 1, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "tt23-1"));
  g_clear_error (&error);
  g_assert_false (nt_assessment_set_item (store, id, "tt124-1", 2, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (nt_assessment_set_item (store, id + 100, "tt124-1", 1, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (nt_store_set_actor (store, s.supervisor, NULL));
  g_assert_false (nt_assessment_set_item (store, id, "tt124-1", 1, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (nt_store_set_actor (store, s.office, NULL));

  /* Submitting needs every criterion decided: the message names the first one left. */
  g_assert_true (nt_assessment_set_item (store, id, "tt124-1", 1, NULL, &error));
  g_assert_false (nt_assessment_submit (store, id, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2"));
  g_clear_error (&error);
  g_assert_true (nt_assessment_progress (store, YEAR, &decided, &met, &n, &state));
  g_assert_cmpuint (decided, ==, 2);
  g_assert_cmpuint (met, ==, 1);
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpstr (state, ==, "draft");
  g_assert_false (nt_assessment_progress (store, "2030-2031", NULL, NULL, NULL, NULL));

  decide_all (store, id, 1);
  g_assert_true (nt_assessment_set_item (store, id, "tt124-4", 0, NULL, &error));
  g_assert_true (nt_assessment_submit (store, id, &error));
  g_assert_no_error (error);

  /* Submitted: no more changes; the office may not approve, nor a supervisor. */
  g_assert_false (nt_assessment_set_item (store, id, "tt124-4", 1, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (nt_assessment_approve (store, id, "2025-09-01", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (nt_store_set_actor (store, s.supervisor, NULL));
  g_assert_false (nt_assessment_approve (store, id, "2025-09-01", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
  g_clear_error (&error);

  /* The principal sends it back; the office fixes it and submits again. */
  g_assert_true (nt_store_set_actor (store, s.principal, NULL));
  g_assert_true (nt_assessment_send_back (store, id, &error));
  g_assert_no_error (error);
  g_assert_false (nt_assessment_send_back (store, id, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (nt_store_set_actor (store, s.office, NULL));
  g_assert_true (nt_assessment_set_item (store, id, "tt124-4", 0, "Hai vụ, đã xử lý kỷ luật một vụ.", &error));
  g_assert_true (nt_assessment_submit (store, id, &error));
  g_assert_no_error (error);

  a = nt_assessment_load (store, YEAR, "2024-09-11", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->state, ==, "submitted");
  g_assert_cmpstr (a->submitted_by_name, ==, "Hà Thị Lan");
  g_assert_false (nt_assessment_result (a, &met, &not_met, &undecided));
  g_assert_cmpuint (met, ==, 5);
  g_assert_cmpuint (not_met, ==, 1);
  g_assert_cmpuint (undecided, ==, 0);
  g_assert_cmpstr (((NtAssessmentItem *) a->items->pdata[3])->evidence, ==, "Hai vụ, đã xử lý kỷ luật một vụ.");
  g_clear_pointer (&a, nt_assessment_free);

  /* The vice principal approves (as of 11/09/2024, the figures of the test). */
  g_assert_true (nt_store_set_actor (store, s.vice, NULL));
  g_assert_true (nt_assessment_approve (store, id, "2024-09-11", &error));
  g_assert_no_error (error);
  g_assert_false (nt_assessment_approve (store, id, "2024-09-11", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);

  /* Frozen: later data does not change it, nothing may be written. */
  fx_exec_id (store, "INSERT INTO incidents (occurred_at, category) VALUES ('2024-09-09 08:00', 'violence')");
  fx_exec_id (store, "UPDATE students SET active = 0, left_on = '2024-09-20'");
  a = nt_assessment_load (store, YEAR, "2025-09-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->state, ==, "approved");
  g_assert_cmpstr (a->approved_by_name, ==, "Trần Thị Mai");
  assert_school_figures (a->figures);
  g_assert_false (nt_assessment_set_item (store, id, "tt124-4", 1, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (nt_assessment_send_back (store, id, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  /* … and the database itself refuses, for any other tool. */
  g_assert_cmpint (sqlite3_exec (nt_store_get_db (store), "UPDATE assessment_items SET met = 1",
                                 NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (nt_store_get_db (store), "DELETE FROM assessments",
                                 NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (fx_count (store, "SELECT count(*) FROM assessment_items WHERE met = 1"), ==, 5);

  /* The next year starts fresh. */
  g_assert_true (nt_store_set_actor (store, s.office, NULL));
  g_assert_cmpint (nt_assessment_create (store, "2025-2026", "23/2012/TT-BCA", &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (nt_assessment_progress (store, "2025-2026", &decided, NULL, &n, NULL));
  g_assert_cmpuint (decided, ==, 0);
  g_assert_cmpuint (n, ==, 6);
}

static void
test_circular_and_files (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  g_autoptr(NtAssessment) a = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *source = nt_test_write_tmp ("bien-ban.txt", "Biên bản họp", strlen ("Biên bản họp"));
  g_autofree char *name = NULL;
  g_autofree char *name2 = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gint64 id;

  id = nt_assessment_create (store, YEAR, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (nt_assessment_set_item (store, id, "tt124-1", 1, "Có mô hình", &error));

  /* Another circular: its own criteria, undecided. */
  g_assert_true (nt_assessment_set_circular (store, id, "23/2012/TT-BCA", &error));
  g_assert_no_error (error);
  a = nt_assessment_load (store, YEAR, "2024-09-11", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->circular, ==, "23/2012/TT-BCA");
  g_assert_cmpuint (a->items->len, ==, 6);
  g_assert_cmpstr (((NtAssessmentItem *) a->items->pdata[0])->criterion, ==, "tt23-1");
  g_assert_cmpint (((NtAssessmentItem *) a->items->pdata[0])->met, ==, -1);
  g_clear_pointer (&a, nt_assessment_free);
  g_assert_false (nt_assessment_set_circular (store, id, "nope", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);

  /* A file is copied beside the database, twice under two names. */
  name = nt_assessment_attach_file (store, id, "tt23-1", source, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, YEAR "/tt23-1-bien-ban.txt");
  name2 = nt_assessment_attach_file (store, id, "tt23-1", source, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name2, ==, YEAR "/tt23-1-2-bien-ban.txt");
  path = nt_assessment_file_path (store, name);
  g_assert_true (g_str_has_prefix (path, nt_store_get_path (store)));
  g_assert_nonnull (strstr (path, "-files/assessment/"));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "Biên bản họp");
  a = nt_assessment_load (store, YEAR, "2024-09-11", &error);
  g_assert_cmpuint (g_strv_length (((NtAssessmentItem *) a->items->pdata[0])->files), ==, 2);
  g_clear_pointer (&a, nt_assessment_free);

  g_assert_null (nt_assessment_attach_file (store, id, "tt23-1", "/nonexistent/file.pdf", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_IO);
  g_clear_error (&error);
  g_assert_false (nt_assessment_remove_file (store, id, "tt23-1", "2024-2025/other.pdf", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (nt_assessment_remove_file (store, id, "tt23-1", name, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  a = nt_assessment_load (store, YEAR, "2024-09-11", &error);
  g_assert_cmpuint (g_strv_length (((NtAssessmentItem *) a->items->pdata[0])->files), ==, 1);
  g_assert_cmpstr (((NtAssessmentItem *) a->items->pdata[0])->files[0], ==, name2);

  g_clear_pointer (&a, nt_assessment_free);
  a = nt_assessment_load (store, "2023-2024", NULL, &error);
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
  g_assert_null (a);
}

/* ----- the dossier --------------------------------------------------------- */

/* The row of @sheet whose column A holds @text, or 0. */
static int
find_row (Xlsx       *x,
          const char *sheet,
          const char *column,
          const char *text)
{
  for (int row = 1; row < 80; row++)
    {
      g_autofree char *where = g_strdup_printf ("%s%d", column, row);
      if (g_strcmp0 (fx_value (x, sheet, where), text) == 0)
        return row;
    }
  return 0;
}

static const char *
value_at (Xlsx       *x,
          const char *sheet,
          const char *column,
          int         row)
{
  g_autofree char *where = g_strdup_printf ("%s%d", column, row);
  return fx_value (x, sheet, where);
}

static gboolean
sheet_has (Xlsx       *x,
           const char *sheet,
           const char *part)
{
  for (int row = 1; row < 80; row++)
    {
      const char *v = value_at (x, sheet, "A", row);
      if (v != NULL && strstr (v, part) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_report (void)
{
  g_autoptr(NtStore) store = fx_school_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(Xlsx) x = NULL;
  g_autofree char *path = nt_test_tmp_path ("assessment.xlsx");
  g_autofree char *file = NULL;
  g_autofree char *source = nt_test_write_tmp ("ke-hoach.pdf", "%PDF", 4);
  NtReportOptions options = { .from = "2024-10-01", .date = "2024-09-11" };
  const char *main_sheet, *figures, *rules, *minutes, *pledge;
  School s;
  gint64 id;
  int first;

  build_school (store, &s);

  /* No assessment for the year yet: said so, no file. */
  g_assert_false (nt_reports_write (store, "assessment", &options, path, NULL, NULL, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, YEAR));
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  id = nt_assessment_create (store, YEAR, NULL, &error);
  g_assert_no_error (error);
  decide_all (store, id, 1);
  g_assert_true (nt_assessment_set_item (store, id, "tt124-4", 0, "Hai vụ bạo lực; đã kỷ luật một học sinh.", &error));
  file = nt_assessment_attach_file (store, id, "tt124-1", source, &error);
  g_assert_no_error (error);

  g_assert_true (nt_reports_write (store, "assessment", &options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  x = fx_read_xlsx (path);
  g_assert_cmpuint (x->sheets->len, ==, 7);
  main_sheet = x->sheets->pdata[0];
  figures = x->sheets->pdata[1];
  pledge = x->sheets->pdata[2];
  rules = x->sheets->pdata[4];
  minutes = x->sheets->pdata[6];
  g_assert_cmpstr (main_sheet, ==, _("Self-assessment"));
  g_assert_cmpstr (fx_value (x, main_sheet, "A4"), ==, _(nt_reports_find ("assessment")->title));
  g_assert_nonnull (strstr (fx_value (x, main_sheet, "A5"), YEAR));
  g_assert_nonnull (strstr (fx_value (x, main_sheet, "A5"), "124/2021/TT-BCA"));

  /* One row per criterion, in order, with its source, result and evidence. */
  first = find_row (x, main_sheet, "A", "1");
  g_assert_cmpint (first, >, 5);
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *n = g_strdup_printf ("%d", i + 1);
      g_assert_cmpstr (value_at (x, main_sheet, "A", first + i), ==, n);
      g_assert_nonnull (strstr (value_at (x, main_sheet, "B", first + i), "(*)"));
      g_assert_nonnull (strstr (value_at (x, main_sheet, "B", first + i), "28/12/2021"));
      g_assert_cmpstr (value_at (x, main_sheet, "C", first + i), ==, i == 3 ? _("Not met") : _("Met"));
    }
  g_assert_nonnull (strstr (value_at (x, main_sheet, "B", first + 3), "bạo lực học đường"));
  g_assert_cmpstr (value_at (x, main_sheet, "D", first + 3), ==, "Hai vụ bạo lực; đã kỷ luật một học sinh.");
  /* The program's figures: two violence incidents, one disciplined, one open. */
  g_assert_nonnull (strstr (value_at (x, main_sheet, "E", first + 3), "Bạo lực học đường"));
  g_assert_nonnull (strstr (value_at (x, main_sheet, "E", first + 3), "2"));
  g_assert_nonnull (strstr (value_at (x, main_sheet, "E", first + 1), "50"));
  g_assert_cmpstr (value_at (x, main_sheet, "F", first), ==, file);
  /* The result row, then the note on unconfirmed wording, then the signatures. */
  g_assert_nonnull (strstr (value_at (x, main_sheet, "A", first + 6), "5"));
  g_assert_cmpstr (value_at (x, main_sheet, "A", first + 7), !=, "");
  g_assert_cmpint (find_row (x, main_sheet, "D", _("PRINCIPAL")), >, first + 7);
  g_assert_cmpint (find_row (x, main_sheet, "D", "Lò Văn Minh"), >, first + 7);

  /* Figures: the incidents by category, with the total. */
  first = find_row (x, figures, "A", "Bạo lực học đường");
  g_assert_cmpint (first, >, 0);
  g_assert_cmpstr (value_at (x, figures, "B", first), ==, "2");
  g_assert_cmpstr (value_at (x, figures, "C", first), ==, "1");
  g_assert_cmpstr (value_at (x, figures, "E", first), ==, "1");
  first = find_row (x, figures, "A", _("Total"));
  g_assert_cmpstr (value_at (x, figures, "B", first), ==, "5");
  g_assert_cmpstr (value_at (x, figures, "F", first), ==, "1");

  /* The dossier: the pledge names the school, the rules in force are the
   * students' version 2 and the staff's version 1, the minutes list the
   * criteria. */
  g_assert_true (sheet_has (x, pledge, "Trường PTDTNT THPT Tam Đường"));
  g_assert_true (sheet_has (x, pledge, YEAR));
  first = find_row (x, rules, "A", "1");
  g_assert_cmpint (first, >, 0);
  g_assert_cmpstr (value_at (x, rules, "C", first), ==, "1");
  g_assert_cmpstr (value_at (x, rules, "C", first + 1), ==, "2");
  g_assert_cmpstr (value_at (x, rules, "D", first + 1), ==, "2024-09-05");
  g_assert_cmpstr (value_at (x, rules, "A", first + 2), ==, "");
  g_assert_true (sheet_has (x, minutes, "Không để xảy ra bạo lực học đường."));
  g_assert_true (sheet_has (x, minutes, "124/2021/TT-BCA"));
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);

  g_test_add_func ("/assessment/criteria", test_criteria);
  g_test_add_func ("/assessment/figures", test_figures);
  g_test_add_func ("/assessment/figures-empty", test_figures_empty);
  g_test_add_func ("/assessment/states", test_states);
  g_test_add_func ("/assessment/circular-and-files", test_circular_and_files);
  g_test_add_func ("/assessment/report", test_report);
  return g_test_run ();
}
