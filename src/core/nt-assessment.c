/* nt-assessment.c: the yearly ANTT self-assessment
 *
 * The criteria come from data/antt-criteria.txt (a GKeyFile), read once.
 * The figures are read with SQL straight from the tables of the other
 * modules (and the roster's coverage check), so that the assessment does
 * not depend on which of them a build has; they are kept as a printed
 * GVariant when the assessment is approved.
 */
#define G_LOG_DOMAIN "nt-assessment"

#include <string.h>

#include <glib/gstdio.h>

#include "nt-access.h"
#include "nt-assessment.h"
#include "nt-date.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-resources.h"
#include "nt-roster.h"
#include "nt-util.h"

/* ----- the criteria ------------------------------------------------------- */

typedef struct
{
  GArray    *circulars;   /* NtAssessmentCircular */
  GPtrArray *criteria;    /* NtAssessmentCriterion *, in file order */
} Criteria;

static const Criteria *
criteria_get (void)
{
  static gsize loaded = 0;
  static Criteria table;

  if (g_once_init_enter (&loaded))
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GKeyFile) file = g_key_file_new ();
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) groups = NULL;

      table.circulars = g_array_new (FALSE, TRUE, sizeof (NtAssessmentCircular));
      table.criteria = g_ptr_array_new ();
      bytes = nt_core_lookup_data ("antt-criteria.txt", &error);
      if (bytes == NULL || !g_key_file_load_from_bytes (file, bytes, G_KEY_FILE_NONE, &error))
        g_error ("The ANTT criteria could not be read: %s", error->message);
      groups = g_key_file_get_groups (file, NULL);
      for (guint i = 0; groups[i]; i++)
        {
          const char *g = groups[i];

          if (g_str_has_prefix (g, "circular "))
            {
              NtAssessmentCircular c = { 0 };

              c.id = g_strdup (g + strlen ("circular "));
              c.name = g_key_file_get_string (file, g, "name", NULL);
              c.short_name = g_key_file_get_string (file, g, "short", NULL);
              c.issuer = g_key_file_get_string (file, g, "issuer", NULL);
              c.date = g_key_file_get_string (file, g, "date", NULL);
              c.replaces = g_key_file_get_string (file, g, "replaces", NULL);
              c.replaced_by = g_key_file_get_string (file, g, "replaced_by", NULL);
              g_array_append_val (table.circulars, c);
            }
          else if (g_str_has_prefix (g, "criterion "))
            {
              NtAssessmentCriterion *c = g_new0 (NtAssessmentCriterion, 1);

              c->id = g_strdup (g + strlen ("criterion "));
              c->circular = g_key_file_get_string (file, g, "circular", NULL);
              c->number = (guint) g_key_file_get_integer (file, g, "number", NULL);
              c->text = g_key_file_get_string (file, g, "text", NULL);
              c->source = g_key_file_get_string (file, g, "source", NULL);
              c->confirmed = g_key_file_get_boolean (file, g, "confirmed", NULL);
              c->note = g_key_file_get_string (file, g, "note", NULL);
              c->evidence = g_key_file_get_string_list (file, g, "evidence", NULL, NULL);
              if (c->evidence == NULL)
                c->evidence = g_new0 (char *, 1);
              g_assert (c->circular != NULL && c->text != NULL && c->number > 0);
              g_ptr_array_add (table.criteria, c);
            }
        }
      g_once_init_leave (&loaded, 1);
    }
  return &table;
}

/**
 * nt_assessment_circulars:
 *
 * Returns: (array length=n_circulars): the circulars, the one in force first
 */
const NtAssessmentCircular *
nt_assessment_circulars (guint *n_circulars)
{
  const Criteria *t = criteria_get ();

  g_return_val_if_fail (n_circulars != NULL, NULL);
  *n_circulars = t->circulars->len;
  return (const NtAssessmentCircular *) t->circulars->data;
}

const NtAssessmentCircular *
nt_assessment_circular_lookup (const char *id)
{
  const Criteria *t = criteria_get ();

  for (guint i = 0; id && i < t->circulars->len; i++)
    if (strcmp (g_array_index (t->circulars, NtAssessmentCircular, i).id, id) == 0)
      return &g_array_index (t->circulars, NtAssessmentCircular, i);
  return NULL;
}

/**
 * nt_assessment_criteria:
 * @circular: a circular's id
 *
 * Returns: (transfer container): the criteria of @circular in order,
 * NULL-terminated; free the array (not the criteria) with g_free()
 */
NtAssessmentCriterion **
nt_assessment_criteria (const char *circular,
                        guint      *n_criteria)
{
  const Criteria *t = criteria_get ();
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < t->criteria->len; i++)
    {
      NtAssessmentCriterion *c = g_ptr_array_index (t->criteria, i);
      if (g_strcmp0 (c->circular, circular) == 0)
        g_ptr_array_add (out, c);
    }
  if (n_criteria)
    *n_criteria = out->len;
  g_ptr_array_add (out, NULL);
  return (NtAssessmentCriterion **) g_ptr_array_free (out, FALSE);
}

const NtAssessmentCriterion *
nt_assessment_criterion_lookup (const char *id)
{
  const Criteria *t = criteria_get ();

  for (guint i = 0; id && i < t->criteria->len; i++)
    {
      NtAssessmentCriterion *c = g_ptr_array_index (t->criteria, i);
      if (strcmp (c->id, id) == 0)
        return c;
    }
  return NULL;
}

/* ----- dates -------------------------------------------------------------- */

/* '2025-2026' → 2025, or 0 when it is not a school year. */
static int
school_year_start (const char *school_year)
{
  int a, b;
  char tail;

  if (school_year == NULL || strlen (school_year) != 9 ||
      sscanf (school_year, "%4d-%4d%c", &a, &b, &tail) != 2 || b != a + 1 || a < 2000 || a > 2200)
    return 0;
  return a;
}

static char *
day_add (const char *iso,
         int         days)
{
  g_autoptr(GDateTime) d = NULL;
  g_autoptr(GDateTime) moved = NULL;
  int y, m, dd;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &dd) != 3)
    return NULL;
  d = g_date_time_new_utc (y, m, dd, 12, 0, 0);
  if (d == NULL)
    return NULL;
  moved = g_date_time_add_days (d, days);
  return g_date_time_format (moved, "%Y-%m-%d");
}

static char *
day_before (const char *iso)
{
  g_autoptr(GDateTime) d = NULL;
  int y, m, dd;

  if (sscanf (iso, "%4d-%2d-%2d", &y, &m, &dd) != 3)
    return NULL;
  d = g_date_time_new_utc (y, m, dd, 12, 0, 0);
  if (d == NULL)
    return NULL;
  {
    g_autoptr(GDateTime) prev = g_date_time_add_days (d, -1);
    return g_date_time_format (prev, "%Y-%m-%d");
  }
}

static int
days_between (const char *from,
              const char *to)
{
  int y1, m1, d1, y2, m2, d2;
  g_autoptr(GDateTime) a = NULL;
  g_autoptr(GDateTime) b = NULL;

  if (sscanf (from, "%4d-%2d-%2d", &y1, &m1, &d1) != 3 || sscanf (to, "%4d-%2d-%2d", &y2, &m2, &d2) != 3)
    return 0;
  a = g_date_time_new_utc (y1, m1, d1, 0, 0, 0);
  b = g_date_time_new_utc (y2, m2, d2, 0, 0, 0);
  if (a == NULL || b == NULL)
    return 0;
  return (int) (g_date_time_difference (b, a) / G_TIME_SPAN_DAY);
}

static char *
now_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d %H:%M");
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * nt_assessment_current_year:
 *
 * Returns: the school's school year, or the one today falls in ('2025-2026')
 */
char *
nt_assessment_current_year (NtStore *store)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  sqlite3_stmt *stmt;
  int year;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store, "SELECT school_year FROM school WHERE id = 1", NULL);
  if (stmt && sqlite3_step (stmt) == SQLITE_ROW &&
      school_year_start ((const char *) sqlite3_column_text (stmt, 0)) > 0)
    {
      char *out = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
      return out;
    }
  if (stmt)
    sqlite3_reset (stmt);
  year = g_date_time_get_year (now);
  if (g_date_time_get_month (now) < 9)
    year--;
  return g_strdup_printf ("%d-%d", year, year + 1);
}

/* ----- the figures -------------------------------------------------------- */

static void
clear_post (gpointer p)
{
  g_free (((NtAssessmentPostGap *) p)->name);
}

static void
clear_incidents (gpointer p)
{
  NtAssessmentIncidents *i = p;
  g_free (i->category);
  g_free (i->label);
}

static void
clear_nights (gpointer p)
{
  g_free (((NtAssessmentNights *) p)->name);
}

static NtAssessmentFigures *
figures_new (void)
{
  NtAssessmentFigures *f = g_new0 (NtAssessmentFigures, 1);

  f->posts = g_array_new (FALSE, TRUE, sizeof (NtAssessmentPostGap));
  g_array_set_clear_func (f->posts, clear_post);
  f->incidents = g_array_new (FALSE, TRUE, sizeof (NtAssessmentIncidents));
  g_array_set_clear_func (f->incidents, clear_incidents);
  f->buildings = g_array_new (FALSE, TRUE, sizeof (NtAssessmentNights));
  g_array_set_clear_func (f->buildings, clear_nights);
  return f;
}

void
nt_assessment_figures_free (NtAssessmentFigures *f)
{
  if (f == NULL)
    return;
  g_free (f->school_year);
  g_free (f->from);
  g_free (f->to);
  g_free (f->duty_from);
  g_free (f->nights_from);
  g_array_unref (f->posts);
  g_array_unref (f->incidents);
  g_array_unref (f->buildings);
  g_free (f);
}

/* The label of an incident category, from the incident book's list. */
static char *
category_label (const char *category)
{
  g_auto(GStrv) lines = nt_core_lookup_lines ("incident-categories.txt");

  for (guint i = 0; lines && lines[i]; i++)
    {
      g_auto(GStrv) parts = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      parts = g_strsplit (lines[i], "|", 3);
      if (g_strv_length (parts) == 3 && strcmp (parts[0], category) == 0)
        return g_strdup (parts[2]);
    }
  return g_strdup (category);
}

static gboolean
step_error (NtStore       *store,
            sqlite3_stmt  *stmt,
            int            rc,
            GError       **error)
{
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  sqlite3_reset (stmt);
  /* TRANSLATORS: completes "Could not %s: …" */
  nt_store_set_error (store, error, _("read the figures of the self-assessment"));
  return FALSE;
}

static gboolean
read_commitments (NtStore              *store,
                  NtAssessmentFigures  *f,
                  GError              **error)
{
  /* The current version of a family is its highest one in force at the
   * end of the period; a person is covered when they signed the current
   * version of every family meant for them, and there is at least one. */
  static const char *sql =
    "WITH cur AS (SELECT r.id, r.audience, r.boarders_only FROM rule_sets r WHERE r.effective_date <= ?1 "
    "  AND r.version = (SELECT max(x.version) FROM rule_sets x WHERE x.family = r.family AND x.effective_date <= ?1)) "
    "SELECT (SELECT count(*) FROM cur), "
    "  (SELECT count(*) FROM students s WHERE s.active = 1), "
    "  (SELECT count(*) FROM students s WHERE s.active = 1 "
    "     AND EXISTS (SELECT 1 FROM cur WHERE cur.audience IN ('students', 'both') "
    "       AND (cur.boarders_only = 0 OR s.boarding = 'boarding')) "
    "     AND NOT EXISTS (SELECT 1 FROM cur WHERE cur.audience IN ('students', 'both') "
    "       AND (cur.boarders_only = 0 OR s.boarding = 'boarding') "
    "       AND NOT EXISTS (SELECT 1 FROM commitments c WHERE c.rule_set_id = cur.id AND c.student_id = s.id))), "
    "  (SELECT count(*) FROM staff t WHERE t.active = 1), "
    "  (SELECT count(*) FROM staff t WHERE t.active = 1 "
    "     AND EXISTS (SELECT 1 FROM cur WHERE cur.audience IN ('staff', 'both')) "
    "     AND NOT EXISTS (SELECT 1 FROM cur WHERE cur.audience IN ('staff', 'both') "
    "       AND NOT EXISTS (SELECT 1 FROM commitments c WHERE c.rule_set_id = cur.id AND c.staff_id = t.id)))";
  sqlite3_stmt *stmt = nt_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, f->to, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      f->rule_sets = sqlite3_column_int (stmt, 0);
      f->students_active = sqlite3_column_int (stmt, 1);
      f->students_signed = sqlite3_column_int (stmt, 2);
      f->staff_active = sqlite3_column_int (stmt, 3);
      f->staff_signed = sqlite3_column_int (stmt, 4);
    }
  if (!step_error (store, stmt, rc, error))
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
read_duty (NtStore              *store,
           NtAssessmentFigures  *f,
           GError              **error)
{
  g_autoptr(GListStore) posts = nt_roster_posts (store, TRUE, error);
  g_autoptr(GListStore) problems = NULL;
  g_autoptr(GHashTable) minutes = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree int *totals = NULL;
  guint n;

  if (posts == NULL)
    return FALSE;
  /* Gaps are counted from the day after the first duty of the roster (its
   * early hours belong to the night before): before it the school kept its
   * roster on paper, which the program knows nothing of. */
  {
    sqlite3_stmt *min = nt_store_prepare (store, "SELECT min(date) FROM duties", error);
    if (min == NULL)
      return FALSE;
    if (sqlite3_step (min) == SQLITE_ROW && sqlite3_column_type (min, 0) != SQLITE_NULL)
      f->duty_from = day_add ((const char *) sqlite3_column_text (min, 0), 1);
    sqlite3_reset (min);
  }
  if (f->duty_from == NULL || strcmp (f->duty_from, f->from) < 0)
    nt_set_str (&f->duty_from, f->from);
  n = g_list_model_get_n_items (G_LIST_MODEL (posts));
  if (n == 0 || strcmp (f->duty_from, f->to) > 0)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NtPost) post = g_list_model_get_item (G_LIST_MODEL (posts), i);
          NtAssessmentPostGap gap = { g_strdup (post->name), 0 };
          g_array_append_val (f->posts, gap);
        }
      return TRUE;
    }
  problems = nt_roster_coverage (store, f->duty_from, f->to, 0, error);
  if (problems == NULL)
    return FALSE;
  totals = g_new0 (int, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtPost) post = g_list_model_get_item (G_LIST_MODEL (posts), i);
      g_array_append_val (ids, post->id);
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (problems)); i++)
    {
      g_autoptr(NtRosterProblem) p = g_list_model_get_item (G_LIST_MODEL (problems), i);

      if (p->kind != NT_ROSTER_PROBLEM_GAP)
        continue;
      for (guint k = 0; k < n; k++)
        if (g_array_index (ids, gint64, k) == p->post_id)
          totals[k] += p->minutes;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtPost) post = g_list_model_get_item (G_LIST_MODEL (posts), i);
      NtAssessmentPostGap gap = { g_strdup (post->name), totals[i] / 60.0 };
      g_array_append_val (f->posts, gap);
    }
  return TRUE;
}

static gboolean
read_incidents (NtStore              *store,
                NtAssessmentFigures  *f,
                GError              **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "SELECT category, count(*), sum(state <> 'closed'), "
                                         "  sum(state = 'closed' AND outcome = 'settled'), "
                                         "  sum(state = 'closed' AND outcome = 'disciplined'), "
                                         "  sum(state = 'closed' AND outcome = 'police'), "
                                         "  sum(state = 'closed' AND outcome = 'other'), "
                                         "  sum(police_reported_at IS NOT NULL) "
                                         "FROM incidents WHERE substr(occurred_at, 1, 10) BETWEEN ?1 AND ?2 "
                                         "GROUP BY category ORDER BY category", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, f->from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, f->to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NtAssessmentIncidents row = { 0 };

      row.category = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row.label = category_label (row.category);
      row.total = sqlite3_column_int (stmt, 1);
      row.open = sqlite3_column_int (stmt, 2);
      row.settled = sqlite3_column_int (stmt, 3);
      row.disciplined = sqlite3_column_int (stmt, 4);
      row.police = sqlite3_column_int (stmt, 5);
      row.other_outcome = sqlite3_column_int (stmt, 6);
      row.reported_to_police = sqlite3_column_int (stmt, 7);
      g_array_append_val (f->incidents, row);
    }
  if (!step_error (store, stmt, rc, error))
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
read_nights (NtStore              *store,
             NtAssessmentFigures  *f,
             GError              **error)
{
  /* Nights are counted from the first night the program recorded a check
   * (before it, the school kept paper books the program knows nothing of). */
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "SELECT b.name, "
                                         "  (SELECT count(DISTINCT n.night) FROM night_checks n WHERE n.building_id = b.id "
                                         "     AND n.closed_at IS NOT NULL AND n.night BETWEEN ?1 AND ?2) "
                                         "FROM buildings b WHERE b.active = 1 ORDER BY b.name", error);
  g_autofree char *first = NULL;
  int rc, nights = 0;

  if (stmt == NULL)
    return FALSE;
  {
    sqlite3_stmt *min = nt_store_prepare (store, "SELECT min(night) FROM night_checks", error);
    if (min == NULL)
      return FALSE;
    if (sqlite3_step (min) == SQLITE_ROW && sqlite3_column_type (min, 0) != SQLITE_NULL)
      first = g_strdup ((const char *) sqlite3_column_text (min, 0));
    sqlite3_reset (min);
  }
  if (first == NULL || strcmp (first, f->from) < 0)
    nt_set_str (&first, f->from);
  f->nights_from = g_strdup (first);
  if (strcmp (first, f->to) <= 0)
    nights = days_between (first, f->to) + 1;

  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, f->to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NtAssessmentNights row = { g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                                 (guint) nights, (guint) sqlite3_column_int (stmt, 1) };
      g_array_append_val (f->buildings, row);
    }
  if (!step_error (store, stmt, rc, error))
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
read_counts (NtStore              *store,
             NtAssessmentFigures  *f,
             GError              **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "SELECT (SELECT count(*) FROM night_check_entries e "
                                         "          JOIN night_checks n ON n.id = e.check_id "
                                         "          WHERE e.status = 'absent' AND n.night BETWEEN ?1 AND ?2), "
                                         "  (SELECT count(*) FROM emergency_rolls WHERE kind = 'drill' "
                                         "     AND substr(started_at, 1, 10) BETWEEN ?1 AND ?2), "
                                         "  (SELECT count(*) FROM emergency_rolls "
                                         "     WHERE substr(started_at, 1, 10) BETWEEN ?1 AND ?2)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, f->from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, f->to, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      f->absences = sqlite3_column_int (stmt, 0);
      f->drills = sqlite3_column_int (stmt, 1);
      f->emergency_rolls = sqlite3_column_int (stmt, 2);
    }
  if (!step_error (store, stmt, rc, error))
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * nt_assessment_figures_compute:
 * @school_year: '2025-2026'
 * @as_of: (nullable): ISO day the figures are read on, today if NULL: they
 *   cover the school year up to the day before
 * @error: NT_ERROR_INVALID for a bad school year or day
 *
 * Returns: (transfer full): the figures the program holds for the year
 */
NtAssessmentFigures *
nt_assessment_figures_compute (NtStore     *store,
                               const char  *school_year,
                               const char  *as_of,
                               GError     **error)
{
  g_autoptr(NtAssessmentFigures) f = NULL;
  g_autofree char *today = NULL;
  g_autofree char *end = NULL;
  g_autofree char *before = NULL;
  int start;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  start = school_year_start (school_year);
  if (start == 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("“%s” is not a school year; write it as 2025-2026."),
                   school_year ? school_year : "");
      return NULL;
    }
  if (as_of == NULL)
    as_of = today = today_iso ();
  before = day_before (as_of);
  if (before == NULL)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("“%s” is not a date (the day the figures are read on)."), as_of);
      return NULL;
    }

  f = figures_new ();
  f->school_year = g_strdup (school_year);
  f->from = g_strdup_printf ("%d-09-01", start);
  end = g_strdup_printf ("%d-08-31", start + 1);
  f->to = g_strdup (strcmp (before, end) < 0 ? before : end);

  if (!read_commitments (store, f, error) ||
      !read_duty (store, f, error) ||
      !read_incidents (store, f, error) ||
      !read_nights (store, f, error) ||
      !read_counts (store, f, error))
    return NULL;
  return g_steal_pointer (&f);
}

guint
nt_assessment_figures_incidents (const NtAssessmentFigures *f,
                                 const char                *category)
{
  guint n = 0;

  g_return_val_if_fail (f != NULL, 0);
  for (guint i = 0; i < f->incidents->len; i++)
    {
      const NtAssessmentIncidents *row = &g_array_index (f->incidents, NtAssessmentIncidents, i);
      if (category == NULL || g_strcmp0 (row->category, category) == 0)
        n += row->total;
    }
  return n;
}

double
nt_assessment_figures_gap_hours (const NtAssessmentFigures *f)
{
  double hours = 0;

  g_return_val_if_fail (f != NULL, 0);
  for (guint i = 0; i < f->posts->len; i++)
    hours += g_array_index (f->posts, NtAssessmentPostGap, i).gap_hours;
  return hours;
}

/* ----- keeping the figures ------------------------------------------------ */

#define FIGURES_TYPE "(ssssuuuuua(sd)a(ssuuuuuuu)a(suu)uuu)"

/**
 * nt_assessment_figures_serialize:
 *
 * Returns: the figures as text, for assessments.frozen_figures
 */
char *
nt_assessment_figures_serialize (const NtAssessmentFigures *f)
{
  GVariantBuilder posts, incidents, buildings;
  g_autoptr(GVariant) v = NULL;
  g_autofree char *printed = NULL;

  g_return_val_if_fail (f != NULL, NULL);

  g_variant_builder_init (&posts, G_VARIANT_TYPE ("a(sd)"));
  for (guint i = 0; i < f->posts->len; i++)
    {
      const NtAssessmentPostGap *p = &g_array_index (f->posts, NtAssessmentPostGap, i);
      g_variant_builder_add (&posts, "(sd)", p->name, p->gap_hours);
    }
  g_variant_builder_init (&incidents, G_VARIANT_TYPE ("a(ssuuuuuuu)"));
  for (guint i = 0; i < f->incidents->len; i++)
    {
      const NtAssessmentIncidents *r = &g_array_index (f->incidents, NtAssessmentIncidents, i);
      g_variant_builder_add (&incidents, "(ssuuuuuuu)", r->category, r->label, r->total, r->open,
                             r->settled, r->disciplined, r->police, r->other_outcome,
                             r->reported_to_police);
    }
  g_variant_builder_init (&buildings, G_VARIANT_TYPE ("a(suu)"));
  for (guint i = 0; i < f->buildings->len; i++)
    {
      const NtAssessmentNights *b = &g_array_index (f->buildings, NtAssessmentNights, i);
      g_variant_builder_add (&buildings, "(suu)", b->name, b->nights, b->checked);
    }
  v = g_variant_ref_sink (g_variant_new (FIGURES_TYPE, f->from, f->to, f->duty_from, f->nights_from,
                                         f->students_active, f->students_signed,
                                         f->staff_active, f->staff_signed, f->rule_sets,
                                         &posts, &incidents, &buildings,
                                         f->absences, f->drills, f->emergency_rolls));
  printed = g_variant_print (v, FALSE);
  return g_strdup_printf ("%s\n%s", f->school_year, printed);
}

/**
 * nt_assessment_figures_parse:
 * @text: what nt_assessment_figures_serialize() wrote
 * @error: NT_ERROR_DAMAGED when it cannot be read
 */
NtAssessmentFigures *
nt_assessment_figures_parse (const char  *text,
                             GError     **error)
{
  g_autoptr(NtAssessmentFigures) f = NULL;
  g_autoptr(GVariant) v = NULL;
  g_autoptr(GVariantIter) posts = NULL;
  g_autoptr(GVariantIter) incidents = NULL;
  g_autoptr(GVariantIter) buildings = NULL;
  const char *newline;
  const char *name, *category, *label;
  double hours;
  NtAssessmentIncidents row;
  guint a, b;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  newline = text ? strchr (text, '\n') : NULL;
  if (newline != NULL)
    v = g_variant_parse (G_VARIANT_TYPE (FIGURES_TYPE), newline + 1, NULL, NULL, NULL);
  if (v == NULL)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_DAMAGED,
                   _("The figures kept with the approved self-assessment cannot be read."));
      return NULL;
    }
  f = figures_new ();
  f->school_year = g_strndup (text, newline - text);
  g_variant_get (v, FIGURES_TYPE, &f->from, &f->to, &f->duty_from, &f->nights_from,
                 &f->students_active, &f->students_signed, &f->staff_active, &f->staff_signed,
                 &f->rule_sets, &posts, &incidents, &buildings,
                 &f->absences, &f->drills, &f->emergency_rolls);
  while (g_variant_iter_next (posts, "(&sd)", &name, &hours))
    {
      NtAssessmentPostGap p = { g_strdup (name), hours };
      g_array_append_val (f->posts, p);
    }
  while (g_variant_iter_next (incidents, "(&s&suuuuuuu)", &category, &label, &row.total, &row.open,
                              &row.settled, &row.disciplined, &row.police, &row.other_outcome,
                              &row.reported_to_police))
    {
      row.category = g_strdup (category);
      row.label = g_strdup (label);
      g_array_append_val (f->incidents, row);
    }
  while (g_variant_iter_next (buildings, "(&suu)", &name, &a, &b))
    {
      NtAssessmentNights n = { g_strdup (name), a, b };
      g_array_append_val (f->buildings, n);
    }
  return g_steal_pointer (&f);
}

/* ----- evidence lines ----------------------------------------------------- */

static void
evidence_free (gpointer p)
{
  NtAssessmentEvidence *e = p;
  g_free (e->kind);
  g_free (e->text);
  g_free (e);
}

static void
add_line (GPtrArray  *lines,
          const char *kind,
          const char *section,
          char       *text)
{
  NtAssessmentEvidence *e = g_new0 (NtAssessmentEvidence, 1);

  e->kind = g_strdup (kind);
  e->section = section;
  e->text = text;
  g_ptr_array_add (lines, e);
}

static double
percent (guint part,
         guint whole)
{
  return whole == 0 ? 0 : 100.0 * part / whole;
}

static void
incident_lines (GPtrArray                 *lines,
                const NtAssessmentFigures *f,
                const char                *kind,
                const char                *only)
{
  gboolean any = FALSE;

  for (guint i = 0; i < f->incidents->len; i++)
    {
      const NtAssessmentIncidents *r = &g_array_index (f->incidents, NtAssessmentIncidents, i);

      if (only != NULL && g_strcmp0 (r->category, only) != 0)
        continue;
      any = TRUE;
      add_line (lines, kind, "incidents",
                /* TRANSLATORS: one line of evidence: "Bạo lực học đường: 2 vụ việc (còn xử lý 0; tự hòa giải 1, kỷ luật 1, chuyển công an 0, khác 0)" */
                g_strdup_printf (_("%s: %u incidents (%u still open; settled %u, disciplined %u, "
                                   "transferred to the police %u, other %u)"),
                                 r->label, r->total, r->open, r->settled, r->disciplined,
                                 r->police, r->other_outcome));
    }
  if (!any && only != NULL)
    {
      g_autofree char *label = category_label (only);
      add_line (lines, kind, "incidents",
                g_strdup_printf (_("No incident of the category “%s” in the period."), label));
    }
  else if (!any)
    add_line (lines, kind, "incidents", g_strdup (_("No incident recorded in the period.")));
}

/**
 * nt_assessment_evidence_lines:
 * @kinds: (nullable): the kinds of a criterion (its "evidence" list); NULL for all
 *
 * Returns: (transfer full) (element-type NtAssessmentEvidence): the lines of
 * computed evidence, in the order of @kinds
 */
GPtrArray *
nt_assessment_evidence_lines (const NtAssessmentFigures *f,
                              const char * const        *kinds)
{
  static const char * const all[] = {
    "commitments", "duty", "incidents", "violence", "social_evils", "night_checks", "absences", "drills", NULL
  };
  GPtrArray *lines = g_ptr_array_new_with_free_func (evidence_free);

  g_return_val_if_fail (f != NULL, lines);

  if (kinds == NULL)
    kinds = all;
  for (guint k = 0; kinds[k]; k++)
    {
      const char *kind = kinds[k];

      if (strcmp (kind, "commitments") == 0)
        {
          if (f->rule_sets == 0)
            add_line (lines, kind, "commitments",
                      g_strdup (_("No rule set is in force: nobody could sign a commitment.")));
          else
            add_line (lines, kind, "commitments",
                      /* TRANSLATORS: evidence: commitment coverage of students and staff, counted by
                       * person (the Overview counts signatures: one per person and rule set) */
                      g_strdup_printf (_("People who signed every rule set in force that concerns them: students "
                                         "%u of %u (%.0f %%), staff %u of %u (%.0f %%)."),
                                       f->students_signed, f->students_active,
                                       percent (f->students_signed, f->students_active),
                                       f->staff_signed, f->staff_active,
                                       percent (f->staff_signed, f->staff_active)));
        }
      else if (strcmp (kind, "duty") == 0)
        {
          if (f->posts->len == 0)
            add_line (lines, kind, "roster", g_strdup (_("No duty post is set up in the roster.")));
          else if (f->duty_from == NULL || strcmp (f->duty_from, f->to) > 0)
            add_line (lines, kind, "roster",
                      g_strdup (_("The program holds no duty roster for this period.")));
          for (guint i = 0; f->duty_from != NULL && strcmp (f->duty_from, f->to) <= 0 && i < f->posts->len; i++)
            {
              const NtAssessmentPostGap *p = &g_array_index (f->posts, NtAssessmentPostGap, i);
              g_autofree char *since = nt_date_iso_to_display (f->duty_from);
              add_line (lines, kind, "roster",
                        /* TRANSLATORS: evidence: a duty post, the hours nobody was on duty there, since a date */
                        g_strdup_printf (_("Duty post %s: %.0f hours without anyone on duty (since %s)."),
                                         p->name, p->gap_hours, since));
            }
        }
      else if (strcmp (kind, "incidents") == 0)
        incident_lines (lines, f, kind, NULL);
      else if (strcmp (kind, "violence") == 0)
        incident_lines (lines, f, kind, "violence");
      else if (strcmp (kind, "social_evils") == 0)
        {
          guint police = 0;

          incident_lines (lines, f, kind, "social_evils");
          for (guint i = 0; i < f->incidents->len; i++)
            police += g_array_index (f->incidents, NtAssessmentIncidents, i).police;
          add_line (lines, kind, "incidents",
                    g_strdup_printf (_("Incidents transferred to the police: %u."), police));
        }
      else if (strcmp (kind, "night_checks") == 0)
        {
          if (f->buildings->len == 0)
            add_line (lines, kind, "checks", g_strdup (_("No dorm building is set up.")));
          for (guint i = 0; i < f->buildings->len; i++)
            {
              const NtAssessmentNights *b = &g_array_index (f->buildings, NtAssessmentNights, i);
              g_autofree char *since = nt_date_iso_to_display (f->nights_from);

              if (b->nights == 0)
                {
                  if (i == 0)
                    add_line (lines, kind, "checks",
                              g_strdup (_("The program holds no night check for this period.")));
                  continue;
                }
              add_line (lines, kind, "checks",
                        /* TRANSLATORS: evidence: nights with a closed night check in a building, since a date */
                        g_strdup_printf (_("%s: night check held on %u of %u nights since %s (%.0f %%)."),
                                         b->name, b->checked, b->nights, since, percent (b->checked, b->nights)));
            }
        }
      else if (strcmp (kind, "absences") == 0)
        add_line (lines, kind, "checks",
                  g_strdup_printf (_("Unexplained absences at the night checks: %u."), f->absences));
      else if (strcmp (kind, "drills") == 0)
        add_line (lines, kind, "reports",
                  g_strdup_printf (_("Emergency drills held: %u (emergency rolls in all: %u)."),
                                   f->drills, f->emergency_rolls));
    }
  return lines;
}

/* ----- the assessment ----------------------------------------------------- */

static void
item_free (gpointer p)
{
  NtAssessmentItem *item = p;
  g_free (item->criterion);
  g_free (item->evidence);
  g_strfreev (item->files);
  g_free (item);
}

void
nt_assessment_free (NtAssessment *a)
{
  if (a == NULL)
    return;
  g_free (a->school_year);
  g_free (a->circular);
  g_free (a->state);
  g_free (a->submitted_at);
  g_free (a->submitted_by_name);
  g_free (a->approved_at);
  g_free (a->approved_by_name);
  g_clear_pointer (&a->items, g_ptr_array_unref);
  g_clear_pointer (&a->figures, nt_assessment_figures_free);
  g_free (a);
}

const char *
nt_assessment_state_label (const char *state)
{
  if (g_strcmp0 (state, "draft") == 0)
    /* TRANSLATORS: the state of a self-assessment (Dự thảo) */
    return _("Draft");
  if (g_strcmp0 (state, "submitted") == 0)
    /* TRANSLATORS: the state of a self-assessment: handed to the principal (Đã trình) */
    return _("Submitted");
  if (g_strcmp0 (state, "approved") == 0)
    /* TRANSLATORS: the state of a self-assessment (Đã phê duyệt) */
    return _("Approved");
  return state;
}

/**
 * nt_assessment_years:
 *
 * Returns: (transfer full): the school years with an assessment, newest first
 */
char **
nt_assessment_years (NtStore *store)
{
  GStrvBuilder *b = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  char **out;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store, "SELECT school_year FROM assessments ORDER BY school_year DESC", NULL);
  while (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (b, (const char *) sqlite3_column_text (stmt, 0));
  if (stmt)
    sqlite3_reset (stmt);
  out = g_strv_builder_end (b);
  g_strv_builder_unref (b);
  return out;
}

/* The state and year of an assessment; FALSE (NT_ERROR_NOT_FOUND) when there is none. */
static gboolean
get_state (NtStore  *store,
           gint64    id,
           char    **state,
           char    **year,
           char    **circular,
           GError  **error)
{
  sqlite3_stmt *stmt = nt_store_row_for_id (store,
                                            "SELECT state, school_year, circular FROM assessments WHERE id = ?1",
                                            id, _("The self-assessment does not exist (any more)."), error);
  if (stmt == NULL)
    return FALSE;
  *state = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (year)
    *year = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  if (circular)
    *circular = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
require_state (NtStore     *store,
               gint64       id,
               const char  *wanted,
               char       **year,
               char       **circular,
               GError     **error)
{
  g_autofree char *state = NULL;

  if (!get_state (store, id, &state, year, circular, error))
    return FALSE;
  if (g_strcmp0 (state, wanted) == 0)
    return TRUE;
  if (g_strcmp0 (state, "approved") == 0)
    g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                 _("The self-assessment of %s is approved and can no longer change."),
                 year && *year ? *year : "");
  else if (g_strcmp0 (wanted, "draft") == 0)
    g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                 _("The self-assessment is submitted to the principal; it can be changed only "
                   "after the principal sends it back."));
  else
    g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                 _("The self-assessment is “%s”; this needs it to be “%s”."),
                 nt_assessment_state_label (state), nt_assessment_state_label (wanted));
  return FALSE;
}

/* Adds an undecided item to the assessment @id for every criterion of
 * @circular; the caller holds the transaction. */
static gboolean
insert_items (NtStore     *store,
              gint64       id,
              const char  *circular,
              GError     **error)
{
  g_autofree NtAssessmentCriterion **criteria = nt_assessment_criteria (circular, NULL);
  sqlite3_stmt *stmt;

  stmt = nt_store_prepare (store, "INSERT INTO assessment_items (assessment_id, criterion) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; criteria[i]; i++)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, criteria[i]->id, -1, SQLITE_TRANSIENT);
      if (!nt_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * nt_assessment_create:
 * @school_year: '2025-2026'
 * @circular: (nullable): the circular's id, NT_ASSESSMENT_DEFAULT_CIRCULAR if NULL
 * @error: NT_ERROR_DENIED, NT_ERROR_INVALID (year or circular), NT_ERROR_EXISTS
 *
 * Starts the year's assessment, every criterion not decided yet.
 *
 * Returns: its id, 0 on error
 */
gint64
nt_assessment_create (NtStore     *store,
                      const char  *school_year,
                      const char  *circular,
                      GError     **error)
{
  g_autofree char *now = now_text ();
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (NT_IS_STORE (store), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!nt_access_require (store, NT_PERM_ASSESSMENT_EDIT, error))
    return 0;
  if (circular == NULL)
    circular = NT_ASSESSMENT_DEFAULT_CIRCULAR;
  if (school_year_start (school_year) == 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("“%s” is not a school year; write it as 2025-2026."), school_year ? school_year : "");
      return 0;
    }
  if (nt_assessment_circular_lookup (circular) == NULL)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("There are no criteria for the circular “%s”."), circular);
      return 0;
    }
  stmt = nt_store_prepare (store, "SELECT 1 FROM assessments WHERE school_year = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, school_year, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, NT_ERROR, NT_ERROR_EXISTS,
                   _("The school year %s already has a self-assessment."), school_year);
      return 0;
    }
  sqlite3_reset (stmt);

  if (!nt_store_begin (store, error))
    return 0;
  stmt = nt_store_prepare (store,
                           "INSERT INTO assessments (school_year, circular, state, created_at) "
                           "VALUES (?1, ?2, 'draft', ?3)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, school_year, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, circular, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  if (!nt_store_step_done (store, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (nt_store_get_db (store));

  if (!insert_items (store, id, circular, error))
    goto fail;
  if (!nt_store_commit (store, error))
    goto fail;
  nt_store_emit_changed (store, "assessments");
  return id;

fail:
  nt_store_rollback (store);
  return 0;
}

/**
 * nt_assessment_load:
 * @school_year: '2025-2026'
 * @as_of: (nullable): the day to read the figures on (today if NULL);
 *   an approved assessment shows its frozen figures instead
 * @error: NT_ERROR_NOT_FOUND when the year has no assessment
 *
 * Returns: (transfer full): the assessment, its items in the order of the
 * circular's criteria
 */
NtAssessment *
nt_assessment_load (NtStore     *store,
                    const char  *school_year,
                    const char  *as_of,
                    GError     **error)
{
  g_autoptr(NtAssessment) a = NULL;
  g_autofree NtAssessmentCriterion **criteria = NULL;
  g_autofree char *frozen = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (school_year != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = nt_store_prepare (store,
                           "SELECT a.id, a.school_year, a.circular, a.state, a.submitted_at, s.full_name, "
                           "  a.approved_at, p.full_name, a.frozen_figures "
                           "FROM assessments a LEFT JOIN staff s ON s.id = a.submitted_by "
                           "LEFT JOIN staff p ON p.id = a.approved_by WHERE a.school_year = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, school_year, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                   _("The school year %s has no self-assessment yet."), school_year);
      return NULL;
    }
  a = g_new0 (NtAssessment, 1);
  a->id = sqlite3_column_int64 (stmt, 0);
  a->school_year = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  a->circular = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  a->state = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  a->submitted_at = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  a->submitted_by_name = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  a->approved_at = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  a->approved_by_name = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  frozen = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  sqlite3_reset (stmt);

  a->items = g_ptr_array_new_with_free_func (item_free);
  criteria = nt_assessment_criteria (a->circular, NULL);
  for (guint i = 0; criteria[i]; i++)
    {
      NtAssessmentItem *item = g_new0 (NtAssessmentItem, 1);
      item->criterion = g_strdup (criteria[i]->id);
      item->met = -1;
      item->evidence = g_strdup ("");
      item->files = g_new0 (char *, 1);
      g_ptr_array_add (a->items, item);
    }
  stmt = nt_store_prepare (store,
                           "SELECT criterion, met, evidence, files FROM assessment_items WHERE assessment_id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, a->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *criterion = (const char *) sqlite3_column_text (stmt, 0);
      const char *files = (const char *) sqlite3_column_text (stmt, 3);

      for (guint i = 0; i < a->items->len; i++)
        {
          NtAssessmentItem *item = g_ptr_array_index (a->items, i);

          if (strcmp (item->criterion, criterion) != 0)
            continue;
          item->met = sqlite3_column_type (stmt, 1) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 1);
          nt_set_str (&item->evidence, (const char *) sqlite3_column_text (stmt, 2));
          g_strfreev (item->files);
          item->files = nt_str_empty (files) ? g_new0 (char *, 1) : g_strsplit (files, "\n", -1);
        }
    }
  if (!step_error (store, stmt, rc, error))
    return NULL;
  sqlite3_reset (stmt);

  if (frozen != NULL)
    a->figures = nt_assessment_figures_parse (frozen, error);
  else
    a->figures = nt_assessment_figures_compute (store, a->school_year, as_of, error);
  if (a->figures == NULL)
    return NULL;
  return g_steal_pointer (&a);
}

/**
 * nt_assessment_set_circular:
 * @error: NT_ERROR_DENIED, NT_ERROR_INVALID (unknown circular, not a draft)
 *
 * Assesses the year under another circular: its criteria start undecided;
 * what was written for the other circular's criteria is dropped.
 */
gboolean
nt_assessment_set_circular (NtStore     *store,
                            gint64       id,
                            const char  *circular,
                            GError     **error)
{
  g_autofree char *year = NULL;
  g_autofree char *current = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!nt_access_require (store, NT_PERM_ASSESSMENT_EDIT, error) ||
      !require_state (store, id, "draft", &year, &current, error))
    return FALSE;
  if (nt_assessment_circular_lookup (circular) == NULL)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("There are no criteria for the circular “%s”."), circular ? circular : "");
      return FALSE;
    }
  if (g_strcmp0 (current, circular) == 0)
    return TRUE;

  if (!nt_store_begin (store, error))
    return FALSE;
  stmt = nt_store_prepare (store, "DELETE FROM assessment_items WHERE assessment_id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!nt_store_step_done (store, stmt, error))
    goto fail;
  stmt = nt_store_prepare (store, "UPDATE assessments SET circular = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, circular, -1, SQLITE_TRANSIENT);
  if (!nt_store_step_done (store, stmt, error))
    goto fail;
  if (!insert_items (store, id, circular, error))
    goto fail;
  if (!nt_store_commit (store, error))
    goto fail;
  nt_store_emit_changed (store, "assessments");
  return TRUE;

fail:
  nt_store_rollback (store);
  return FALSE;
}

/* Checks that @criterion belongs to the circular of the draft @id. */
static gboolean
check_criterion (NtStore     *store,
                 gint64       id,
                 const char  *criterion,
                 GError     **error)
{
  g_autofree char *year = NULL;
  g_autofree char *circular = NULL;
  const NtAssessmentCriterion *c;

  if (!require_state (store, id, "draft", &year, &circular, error))
    return FALSE;
  c = nt_assessment_criterion_lookup (criterion);
  if (c == NULL || g_strcmp0 (c->circular, circular) != 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("“%s” is not a criterion of the circular %s of the self-assessment of %s."),
                   criterion ? criterion : "", circular, year);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_item (NtStore     *store,
            gint64       id,
            const char  *criterion,
            const char  *column,
            int          met,
            const char  *text,
            GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  /* The item row may be missing (a criterion added to the data file later). */
  stmt = nt_store_prepare (store,
                           "INSERT OR IGNORE INTO assessment_items (assessment_id, criterion) VALUES (?1, ?2)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, criterion, -1, SQLITE_TRANSIENT);
  if (!nt_store_step_done (store, stmt, error))
    return FALSE;
  sql = g_strdup_printf ("UPDATE assessment_items SET %s = ?3 WHERE assessment_id = ?1 AND criterion = ?2", column);
  stmt = nt_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, criterion, -1, SQLITE_TRANSIENT);
  if (text != NULL)
    sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
  else if (met < 0)
    sqlite3_bind_null (stmt, 3);
  else
    sqlite3_bind_int (stmt, 3, met);
  return nt_store_step_done (store, stmt, error);
}

/**
 * nt_assessment_set_item:
 * @met: 1 met, 0 not met, -1 not decided
 * @evidence: (nullable): the school's evidence in words; NULL keeps it
 * @error: NT_ERROR_DENIED, NT_ERROR_INVALID (not a draft, not a criterion
 *   of its circular, @met out of range)
 */
gboolean
nt_assessment_set_item (NtStore     *store,
                        gint64       id,
                        const char  *criterion,
                        int          met,
                        const char  *evidence,
                        GError     **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!nt_access_require (store, NT_PERM_ASSESSMENT_EDIT, error) ||
      !check_criterion (store, id, criterion, error))
    return FALSE;
  if (met < -1 || met > 1)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("A criterion is met (1), not met (0) or not decided (-1), not %d."), met);
      return FALSE;
    }
  if (!nt_store_begin (store, error))
    return FALSE;
  if (!write_item (store, id, criterion, "met", met, NULL, error) ||
      (evidence != NULL && !write_item (store, id, criterion, "evidence", 0, evidence, error)) ||
      !nt_store_commit (store, error))
    {
      nt_store_rollback (store);
      return FALSE;
    }
  nt_store_emit_changed (store, "assessment_items");
  return TRUE;
}

/* ----- attached files ----------------------------------------------------- */

/**
 * nt_assessment_files_dir:
 *
 * Returns: the folder the attached files are copied to, beside the
 * database: "<database>-files/assessment"
 */
char *
nt_assessment_files_dir (NtStore *store)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  base = g_strconcat (nt_store_get_path (store), "-files", NULL);
  return g_build_filename (base, "assessment", NULL);
}

char *
nt_assessment_file_path (NtStore    *store,
                         const char *name)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  dir = nt_assessment_files_dir (store);
  return g_build_filename (dir, name, NULL);
}

static char **
read_files (NtStore    *store,
            gint64      id,
            const char *criterion)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "SELECT files FROM assessment_items WHERE assessment_id = ?1 AND criterion = ?2",
                                         NULL);
  char **files = NULL;

  if (stmt == NULL)
    return g_new0 (char *, 1);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, criterion, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && !nt_str_empty ((const char *) sqlite3_column_text (stmt, 0)))
    files = g_strsplit ((const char *) sqlite3_column_text (stmt, 0), "\n", -1);
  sqlite3_reset (stmt);
  return files ? files : g_new0 (char *, 1);
}

/**
 * nt_assessment_attach_file:
 * @source_path: the file to attach; it is copied
 * @error: NT_ERROR_DENIED, NT_ERROR_INVALID, NT_ERROR_IO
 *
 * Copies @source_path into the files folder and lists it with the criterion.
 *
 * Returns: (transfer full): the stored name (relative to the files
 * folder), NULL on error
 */
char *
nt_assessment_attach_file (NtStore     *store,
                           gint64       id,
                           const char  *criterion,
                           const char  *source_path,
                           GError     **error)
{
  g_autofree char *year = NULL;
  g_autofree char *state = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autofree char *target = NULL;
  g_autofree char *joined = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(GFile) src = NULL;
  g_autoptr(GFile) dst = NULL;
  g_autoptr(GStrvBuilder) b = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (source_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!nt_access_require (store, NT_PERM_ASSESSMENT_EDIT, error) ||
      !check_criterion (store, id, criterion, error) ||
      !get_state (store, id, &state, &year, NULL, error))
    return NULL;
  if (!g_file_test (source_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_IO, _("“%s” is not a file that can be attached."), source_path);
      return NULL;
    }

  dir = nt_assessment_file_path (store, year);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_IO, _("Could not create the folder “%s”."), dir);
      return NULL;
    }
  base = g_path_get_basename (source_path);
  for (guint n = 1; ; n++)
    {
      g_free (name);
      g_free (target);
      name = n == 1 ? g_strdup_printf ("%s/%s-%s", year, criterion, base)
                    : g_strdup_printf ("%s/%s-%u-%s", year, criterion, n, base);
      target = nt_assessment_file_path (store, name);
      if (!g_file_test (target, G_FILE_TEST_EXISTS))
        break;
    }
  src = g_file_new_for_path (source_path);
  dst = g_file_new_for_path (target);
  if (!g_file_copy (src, dst, G_FILE_COPY_NONE, NULL, NULL, NULL, &local))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_IO, _("Could not copy “%s” to “%s”: %s"),
                   source_path, target, local->message);
      return NULL;
    }

  files = read_files (store, id, criterion);
  b = g_strv_builder_new ();
  g_strv_builder_addv (b, (const char **) files);
  g_strv_builder_add (b, name);
  {
    g_auto(GStrv) all = g_strv_builder_end (b);
    joined = g_strjoinv ("\n", all);
  }
  if (!nt_store_begin (store, error))
    goto fail;
  if (!write_item (store, id, criterion, "files", 0, joined, error) || !nt_store_commit (store, error))
    {
      nt_store_rollback (store);
      goto fail;
    }
  nt_store_emit_changed (store, "assessment_items");
  return g_steal_pointer (&name);

fail:
  g_file_delete (dst, NULL, NULL);
  return NULL;
}

/**
 * nt_assessment_remove_file:
 * @name: a stored name, as nt_assessment_attach_file() returned it
 * @error: NT_ERROR_DENIED, NT_ERROR_INVALID, NT_ERROR_NOT_FOUND
 *
 * Takes the file off the criterion and deletes the copy.
 */
gboolean
nt_assessment_remove_file (NtStore     *store,
                           gint64       id,
                           const char  *criterion,
                           const char  *name,
                           GError     **error)
{
  g_auto(GStrv) files = NULL;
  g_autoptr(GStrvBuilder) b = NULL;
  g_auto(GStrv) rest = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *path = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!nt_access_require (store, NT_PERM_ASSESSMENT_EDIT, error) ||
      !check_criterion (store, id, criterion, error))
    return FALSE;
  files = read_files (store, id, criterion);
  b = g_strv_builder_new ();
  for (guint i = 0; files[i]; i++)
    if (g_strcmp0 (files[i], name) == 0)
      found = TRUE;
    else
      g_strv_builder_add (b, files[i]);
  if (!found)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                   _("The file “%s” is not attached to this criterion."), name ? name : "");
      return FALSE;
    }
  rest = g_strv_builder_end (b);
  joined = g_strjoinv ("\n", rest);
  if (!nt_store_begin (store, error))
    return FALSE;
  if (!write_item (store, id, criterion, "files", 0, joined, error) || !nt_store_commit (store, error))
    {
      nt_store_rollback (store);
      return FALSE;
    }
  path = nt_assessment_file_path (store, name);
  g_remove (path);
  nt_store_emit_changed (store, "assessment_items");
  return TRUE;
}

/* ----- states ------------------------------------------------------------- */

static gboolean
set_state (NtStore     *store,
           gint64       id,
           const char  *sql,
           const char  *figures,
           GError     **error)
{
  g_autofree char *now = now_text ();
  gint64 actor = nt_store_get_actor (store);
  sqlite3_stmt *stmt = nt_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (actor > 0)
    sqlite3_bind_int64 (stmt, 3, actor);
  else
    sqlite3_bind_null (stmt, 3);
  if (figures != NULL)
    sqlite3_bind_text (stmt, 4, figures, -1, SQLITE_TRANSIENT);
  if (!nt_store_step_done (store, stmt, error))
    return FALSE;
  nt_store_emit_changed (store, "assessments");
  return TRUE;
}

/**
 * nt_assessment_submit:
 * @error: NT_ERROR_DENIED, NT_ERROR_INVALID (not a draft, or a criterion
 *   not decided: the message names its number)
 *
 * Hands the draft to the principal for approval.
 */
gboolean
nt_assessment_submit (NtStore  *store,
                      gint64    id,
                      GError  **error)
{
  g_autofree char *year = NULL;
  g_autofree char *circular = NULL;
  g_autofree NtAssessmentCriterion **criteria = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!nt_access_require (store, NT_PERM_ASSESSMENT_EDIT, error) ||
      !require_state (store, id, "draft", &year, &circular, error))
    return FALSE;
  criteria = nt_assessment_criteria (circular, NULL);
  stmt = nt_store_prepare (store,
                           "SELECT met FROM assessment_items WHERE assessment_id = ?1 AND criterion = ?2", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; criteria[i]; i++)
    {
      gboolean decided;

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, criteria[i]->id, -1, SQLITE_TRANSIENT);
      decided = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL;
      sqlite3_reset (stmt);
      if (!decided)
        {
          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("Criterion %u is neither met nor not met yet; decide every criterion before submitting."),
                       criteria[i]->number);
          return FALSE;
        }
    }
  return set_state (store, id,
                    "UPDATE assessments SET state = 'submitted', submitted_at = ?2, submitted_by = ?3 WHERE id = ?1",
                    NULL, error);
}

/**
 * nt_assessment_send_back:
 * @error: NT_ERROR_DENIED, NT_ERROR_INVALID (not submitted)
 *
 * The principal returns a submitted assessment to draft for changes.
 */
gboolean
nt_assessment_send_back (NtStore  *store,
                         gint64    id,
                         GError  **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!nt_access_require (store, NT_PERM_ASSESSMENT_APPROVE, error) ||
      !require_state (store, id, "submitted", NULL, NULL, error))
    return FALSE;
  return set_state (store, id,
                    "UPDATE assessments SET state = 'draft', submitted_at = NULL, submitted_by = NULL "
                    "WHERE id = ?1",
                    NULL, error);
}

/**
 * nt_assessment_approve:
 * @as_of: (nullable): the day the figures are read on (today if NULL)
 * @error: NT_ERROR_DENIED, NT_ERROR_INVALID (not submitted)
 *
 * Approves a submitted assessment and freezes it with a copy of its
 * figures.
 */
gboolean
nt_assessment_approve (NtStore     *store,
                       gint64       id,
                       const char  *as_of,
                       GError     **error)
{
  g_autofree char *year = NULL;
  g_autofree char *text = NULL;
  g_autoptr(NtAssessmentFigures) figures = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!nt_access_require (store, NT_PERM_ASSESSMENT_APPROVE, error) ||
      !require_state (store, id, "submitted", &year, NULL, error))
    return FALSE;
  figures = nt_assessment_figures_compute (store, year, as_of, error);
  if (figures == NULL)
    return FALSE;
  text = nt_assessment_figures_serialize (figures);
  return set_state (store, id,
                    "UPDATE assessments SET state = 'approved', approved_at = ?2, approved_by = ?3, "
                    "frozen_figures = ?4 WHERE id = ?1",
                    text, error);
}

/* ----- results ------------------------------------------------------------ */

/**
 * nt_assessment_result:
 *
 * Returns: whether the school qualifies: every criterion met
 */
gboolean
nt_assessment_result (const NtAssessment *a,
                      guint              *n_met,
                      guint              *n_not_met,
                      guint              *n_undecided)
{
  guint met = 0, not_met = 0, undecided = 0;

  g_return_val_if_fail (a != NULL, FALSE);

  for (guint i = 0; i < a->items->len; i++)
    {
      const NtAssessmentItem *item = g_ptr_array_index (a->items, i);
      if (item->met == 1)
        met++;
      else if (item->met == 0)
        not_met++;
      else
        undecided++;
    }
  if (n_met)
    *n_met = met;
  if (n_not_met)
    *n_not_met = not_met;
  if (n_undecided)
    *n_undecided = undecided;
  return a->items->len > 0 && met == a->items->len;
}

/**
 * nt_assessment_progress:
 * @school_year: (nullable): the year, the current one if NULL
 * @state: (out) (optional) (transfer full): the state
 *
 * For the Overview: how far this year's assessment is, without reading the
 * figures (cheap).
 *
 * Returns: FALSE when the year has no assessment
 */
gboolean
nt_assessment_progress (NtStore     *store,
                        const char  *school_year,
                        guint       *n_decided,
                        guint       *n_met,
                        guint       *n_criteria,
                        char       **state)
{
  g_autofree char *year = NULL;
  g_autofree char *circular = NULL;
  g_autofree NtAssessmentCriterion **criteria = NULL;
  sqlite3_stmt *stmt;
  guint n = 0, decided = 0, met = 0;
  gint64 id;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  year = school_year ? g_strdup (school_year) : nt_assessment_current_year (store);
  stmt = nt_store_prepare (store, "SELECT id, circular, state FROM assessments WHERE school_year = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, year, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return FALSE;
    }
  id = sqlite3_column_int64 (stmt, 0);
  circular = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  if (state)
    *state = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  sqlite3_reset (stmt);

  criteria = nt_assessment_criteria (circular, &n);
  stmt = nt_store_prepare (store,
                           "SELECT met FROM assessment_items WHERE assessment_id = ?1 AND criterion = ?2", NULL);
  for (guint i = 0; stmt && criteria[i]; i++)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, criteria[i]->id, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        {
          decided++;
          met += sqlite3_column_int (stmt, 0) == 1;
        }
      sqlite3_reset (stmt);
    }
  if (n_decided)
    *n_decided = decided;
  if (n_met)
    *n_met = met;
  if (n_criteria)
    *n_criteria = n;
  return TRUE;
}
