/* nt-roster-generate.c: fill the roster of a period
 *
 * Greedy and deterministic: the days in order, in each day the shifts by
 * start time, in each shift the posts by name; each place goes to the
 * eligible person with the fewest nights (for a night shift), the fewest
 * weekend and holiday shifts (on those days) or the fewest shifts, then
 * the one who worked longest ago, then the first by name. Picking the
 * lowest count every time keeps the spread of nights among the people who
 * can stand them within one whenever the rules leave a choice.
 *
 * Duties locked by hand are kept and counted; the unlocked ones of the
 * period are replaced. Everything is decided in memory and written in one
 * transaction. A place nobody can take is left empty and reported with
 * the reasons each person was ruled out.
 */
#define G_LOG_DOMAIN "nt-roster"

#include <string.h>

#include "nt-access.h"
#include "nt-date.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-roster-private.h"
#include "nt-util.h"

typedef enum
{
  WHY_ROLE,        /* the post does not take their role */
  WHY_GENDER,      /* the post is for the other gender at night */
  WHY_OFF,         /* leave or a day off */
  WHY_NO_NIGHTS,   /* never nights */
  WHY_MAX_NIGHTS,  /* at the month's limit of nights */
  WHY_BUSY,        /* on another duty at the same time */
  WHY_REST,        /* too little rest since or before another duty */
  WHY_CONSECUTIVE, /* too many nights in a row */
  N_WHY,
  WHY_NONE = N_WHY,
} Why;

typedef struct
{
  int       start;
  int       end;
} Span;

typedef struct
{
  gint64      id;
  char       *name;
  char        gender;
  char       *role;
  GArray     *avail;        /* Avail */
  int         max_nights;   /* -1: no limit */
  GArray     *spans;        /* Span, every duty in the window */
  guint8     *night_days;   /* 1 per day of the window with a night duty */
  GHashTable *month_nights; /* year * 12 + month → nights */
  int         shifts;
  int         nights;
  int         weekends;
  int         last_day;
} Person;

typedef struct
{
  guint  kind;              /* NtAvailFlags */
  int    from;              /* day, 0 = open */
  int    to;
  int    value;
} Avail;

typedef struct
{
  gint64  post_id;
  gint64  shift_id;
  gint64  staff_id;
  char   *date;
} NewDuty;

typedef struct
{
  NtRSetup   *setup;
  GPtrArray  *people;       /* Person */
  int         first, last;  /* the period */
  int         wfirst, wlast;/* the window of duties read */
  int         min_rest;     /* minutes */
  int         max_consecutive;
  GHashTable *holidays;     /* day → day */
  GHashTable *filled;       /* "post/shift/day" → count of kept duties */
  gint64      keep_before;  /* day × 1440 + minute: shifts starting earlier are left alone; -1 none */
  const char *keep_text;    /* the same as 'YYYY-MM-DD HH:MM', or NULL */
} Gen;

/* Whether a shift of @day started before the time the past is kept from. */
static gboolean
started (const Gen      *g,
         const NtRShift *shift,
         int             day)
{
  return g->keep_before >= 0 && (gint64) day * 1440 + shift->start < g->keep_before;
}

static void
person_free (gpointer data)
{
  Person *p = data;

  g_free (p->name);
  g_free (p->role);
  g_array_unref (p->avail);
  g_array_unref (p->spans);
  g_free (p->night_days);
  g_hash_table_unref (p->month_nights);
  g_free (p);
}

static void
new_duty_clear (gpointer data)
{
  g_free (((NewDuty *) data)->date);
}

static int
month_key (int day)
{
  g_autoptr(GDate) d = g_date_new_julian ((guint32) day);

  return g_date_get_year (d) * 12 + (int) g_date_get_month (d) - 1;
}

static Person *
find_person (Gen    *g,
             gint64  id)
{
  for (guint i = 0; i < g->people->len; i++)
    {
      Person *p = g_ptr_array_index (g->people, i);

      if (p->id == id)
        return p;
    }
  return NULL;
}

static gboolean
is_weekend (Gen *g,
            int  day)
{
  return nt_roster_day_is_weekend (day) || g_hash_table_contains (g->holidays, GINT_TO_POINTER (day));
}

/* Puts a duty into a person's record; @counted when it is in the period. */
static void
person_take (Gen       *g,
             Person    *p,
             NtRShift  *shift,
             int        day,
             gboolean   counted)
{
  Span s = { day * NT_DAY_MINUTES + shift->start, day * NT_DAY_MINUTES + shift->end };

  g_array_append_val (p->spans, s);
  if (shift->night)
    {
      int key = month_key (day);

      if (day >= g->wfirst && day <= g->wlast)
        p->night_days[day - g->wfirst] = 1;
      g_hash_table_insert (p->month_nights, GINT_TO_POINTER (key),
                           GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (p->month_nights,
                                                                                 GINT_TO_POINTER (key))) + 1));
    }
  if (!counted)
    return;
  p->shifts++;
  if (shift->night)
    p->nights++;
  if (is_weekend (g, day))
    p->weekends++;
  p->last_day = MAX (p->last_day, day);
}

static gboolean
night_at (Gen    *g,
          Person *p,
          int     day)
{
  return day >= g->wfirst && day <= g->wlast && p->night_days[day - g->wfirst];
}

static Why
person_fits (Gen       *g,
             Person    *p,
             NtRPost   *post,
             NtRShift  *shift,
             int        day)
{
  int start = day * NT_DAY_MINUTES + shift->start;
  int end = day * NT_DAY_MINUTES + shift->end;

  if (!nt_rpost_allows_role (post, p->role))
    return WHY_ROLE;
  if (shift->night && post->night_gender != 'X' && p->gender != post->night_gender)
    return WHY_GENDER;
  for (guint i = 0; i < p->avail->len; i++)
    {
      Avail *a = &g_array_index (p->avail, Avail, i);

      if ((a->from != 0 && day < a->from) || (a->to != 0 && day > a->to))
        continue;
      if (a->kind & NT_AVAIL_OFF)
        return WHY_OFF;
      if ((a->kind & NT_AVAIL_NO_NIGHTS) && shift->night)
        return WHY_NO_NIGHTS;
    }
  if (shift->night && p->max_nights >= 0 &&
      GPOINTER_TO_INT (g_hash_table_lookup (p->month_nights, GINT_TO_POINTER (month_key (day)))) >= p->max_nights)
    return WHY_MAX_NIGHTS;
  for (guint i = 0; i < p->spans->len; i++)
    {
      Span *s = &g_array_index (p->spans, Span, i);

      if (s->start < end && start < s->end)
        return WHY_BUSY;
      if ((s->start >= end && s->start - end < g->min_rest) || (s->end <= start && start - s->end < g->min_rest))
        return WHY_REST;
    }
  if (shift->night)
    {
      int run = 1;

      for (int d = day - 1; night_at (g, p, d); d--)
        run++;
      for (int d = day + 1; night_at (g, p, d); d++)
        run++;
      if (run > g->max_consecutive)
        return WHY_CONSECUTIVE;
    }
  return WHY_NONE;
}

/* Negative when @a should get the place before @b. */
static int
compare_people (Person   *a,
                Person   *b,
                gboolean  night,
                gboolean  weekend)
{
  if (night && a->nights != b->nights)
    return a->nights - b->nights;
  if (weekend && a->weekends != b->weekends)
    return a->weekends - b->weekends;
  if (a->shifts != b->shifts)
    return a->shifts - b->shifts;
  if (a->last_day != b->last_day)
    return a->last_day - b->last_day;
  return 0;   /* the earlier in name order stays */
}

static char *
unfilled_message (Gen       *g,
                  NtRPost   *post,
                  NtRShift  *shift,
                  int        day,
                  guint     *tally)
{
  g_autofree char *iso = nt_roster_day_iso (day);
  g_autofree char *shown = nt_date_iso_to_display (iso);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *why = NULL;
  const char *labels[N_WHY] = {
    [WHY_ROLE] = _("role not taken at the post"),
    [WHY_GENDER] = _("not of the gender the post needs at night"),
    [WHY_OFF] = _("on leave or a day off"),
    [WHY_NO_NIGHTS] = _("never on nights"),
    [WHY_MAX_NIGHTS] = _("at their most nights of the month"),
    [WHY_BUSY] = _("on another duty at the time"),
    [WHY_REST] = _("resting between duties"),
    [WHY_CONSECUTIVE] = _("at the most nights in a row"),
  };

  if (g->people->len == 0)
    return g_strdup_printf (_("Nobody could take the %s shift at “%s” on %s: there are no active staff."),
                            shift->name, post->name, shown);
  for (guint w = 0; w < N_WHY; w++)
    if (tally[w] > 0)
      g_ptr_array_add (parts, g_strdup_printf ("%s: %u", labels[w], tally[w]));
  g_ptr_array_add (parts, NULL);
  why = g_strjoinv ("; ", (char **) parts->pdata);
  return g_strdup_printf (_("Nobody could take the %s shift at “%s” on %s; of the %u active staff: %s."),
                          shift->name, post->name, shown, g->people->len, why);
}

/* ----- reading what the generator needs ---------------------------------- */

static gboolean
load_people (NtStore  *store,
             Gen      *g,
             GError  **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "SELECT id, full_name, gender, role FROM staff WHERE active = 1 "
                                         "ORDER BY name_key, id", error);
  int window = g->wlast - g->wfirst + 1;

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Person *p = g_new0 (Person, 1);

      p->id = sqlite3_column_int64 (stmt, 0);
      p->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      p->gender = ((const char *) sqlite3_column_text (stmt, 2))[0];
      p->role = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      p->avail = g_array_new (FALSE, FALSE, sizeof (Avail));
      p->max_nights = -1;
      p->spans = g_array_new (FALSE, FALSE, sizeof (Span));
      p->night_days = g_new0 (guint8, window);
      p->month_nights = g_hash_table_new (NULL, NULL);
      p->last_day = 0;
      g_ptr_array_add (g->people, p);
    }
  sqlite3_reset (stmt);

  stmt = nt_store_prepare (store,
                           "SELECT staff_id, kind, ifnull (from_date, ''), ifnull (to_date, ''), ifnull (value, 0) "
                           "FROM staff_availability ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Person *p = find_person (g, sqlite3_column_int64 (stmt, 0));
      const char *kind = (const char *) sqlite3_column_text (stmt, 1);
      Avail a = { 0 };

      if (p == NULL)
        continue;
      if (g_str_equal (kind, "max_nights"))
        {
          int v = sqlite3_column_int (stmt, 4);

          p->max_nights = p->max_nights < 0 ? v : MIN (p->max_nights, v);
          continue;
        }
      a.kind = g_str_equal (kind, "never_nights") ? NT_AVAIL_NO_NIGHTS : NT_AVAIL_OFF;
      a.from = nt_roster_day_number ((const char *) sqlite3_column_text (stmt, 2));
      a.to = nt_roster_day_number ((const char *) sqlite3_column_text (stmt, 3));
      g_array_append_val (p->avail, a);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static char *
slot_key (gint64 post_id,
          gint64 shift_id,
          int    day)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%d", post_id, shift_id, day);
}

/* The duties that stay: all of the window outside the period, and the
 * locked ones inside it. */
static gboolean
load_kept (NtStore         *store,
           Gen             *g,
           NtRosterReport  *report,
           GError         **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "SELECT post_id, shift_id, staff_id, date, locked FROM duties "
                                         "WHERE date BETWEEN ?1 AND ?2", error);
  g_autofree char *wf = nt_roster_day_iso (g->wfirst);
  g_autofree char *wl = nt_roster_day_iso (g->wlast);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, wf, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, wl, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 post_id = sqlite3_column_int64 (stmt, 0);
      NtRShift *shift = nt_rsetup_shift (g->setup, sqlite3_column_int64 (stmt, 1));
      Person *p = find_person (g, sqlite3_column_int64 (stmt, 2));
      int day = nt_roster_day_number ((const char *) sqlite3_column_text (stmt, 3));
      gboolean locked = sqlite3_column_int (stmt, 4) != 0;
      gboolean inside = day >= g->first && day <= g->last;

      if (inside && !locked && (shift == NULL || !started (g, shift, day)))
        continue;   /* to be replaced */
      if (inside)
        {
          char *key = slot_key (post_id, shift != NULL ? shift->id : 0, day);

          g_hash_table_insert (g->filled, key, GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (g->filled, key)) + 1));
          report->n_kept++;
        }
      if (p != NULL && shift != NULL && day != 0)
        person_take (g, p, shift, day, inside);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* ----- writing ----------------------------------------------------------- */

static gboolean
write_roster (NtStore         *store,
              Gen             *g,
              GArray          *duties,
              NtRosterReport  *report,
              GError         **error)
{
  g_autofree char *from = nt_roster_day_iso (g->first);
  g_autofree char *to = nt_roster_day_iso (g->last);
  sqlite3_stmt *stmt;

  if (!nt_store_begin (store, error))
    return FALSE;
  stmt = nt_store_prepare (store,
                           "DELETE FROM duties WHERE date BETWEEN ?1 AND ?2 AND locked = 0 "
                           "AND (?3 IS NULL OR date || ' ' || (SELECT t.start_time FROM shift_templates t "
                           "                                   WHERE t.id = duties.shift_id) >= ?3)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, g->keep_text, -1, SQLITE_TRANSIENT);
  if (!nt_store_step_done (store, stmt, error))
    goto fail;
  report->n_removed = (guint) sqlite3_changes (nt_store_get_db (store));

  for (guint i = 0; i < duties->len; i++)
    {
      NewDuty *d = &g_array_index (duties, NewDuty, i);

      stmt = nt_store_prepare (store,
                               "INSERT INTO duties (post_id, shift_id, staff_id, date) VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, d->post_id);
      sqlite3_bind_int64 (stmt, 2, d->shift_id);
      sqlite3_bind_int64 (stmt, 3, d->staff_id);
      sqlite3_bind_text (stmt, 4, d->date, -1, SQLITE_STATIC);
      if (!nt_store_step_done (store, stmt, error))
        goto fail;
    }
  if (!nt_store_commit (store, error))
    return FALSE;
  report->n_written = duties->len;
  nt_store_emit_changed (store, "duties");
  return TRUE;

fail:
  nt_store_rollback (store);
  return FALSE;
}

/* ----- the generator ----------------------------------------------------- */

static gboolean
night_eligible (Gen    *g,
                Person *p)
{
  if (p->max_nights == 0)
    return FALSE;
  for (guint i = 0; i < p->avail->len; i++)
    {
      Avail *a = &g_array_index (p->avail, Avail, i);

      if ((a->kind & NT_AVAIL_NO_NIGHTS) && a->from == 0 && a->to == 0)
        return FALSE;
    }
  for (guint s = 0; s < g->setup->shifts->len; s++)
    {
      NtRShift *shift = g_ptr_array_index (g->setup->shifts, s);

      if (!shift->night)
        continue;
      for (guint k = 0; k < g->setup->posts->len; k++)
        {
          NtRPost *post = g_ptr_array_index (g->setup->posts, k);

          if (nt_rshift_applies (shift, post) && nt_rpost_allows_role (post, p->role) &&
              (post->night_gender == 'X' || post->night_gender == p->gender))
            return TRUE;
        }
    }
  return FALSE;
}

/**
 * nt_roster_generate:
 * @options: (nullable): the rules, %NULL for the defaults
 * @report: (out) (optional): what was written, what could not be filled
 *   and why, and the counts per person
 *
 * Fills every shift of every active post for every day from @from_date to
 * @to_date. Returns %FALSE only when nothing was written (bad dates, a
 * database error, cancelled); shifts nobody could take are in the report.
 */
gboolean
nt_roster_generate (NtStore                *store,
                    const char             *from_date,
                    const char             *to_date,
                    const NtRosterOptions  *options,
                    GCancellable           *cancellable,
                    NtRosterReport        **report,
                    GError                **error)
{
  g_autoptr(NtRosterReport) rep = g_object_new (NT_TYPE_ROSTER_REPORT, NULL);
  g_autoptr(GArray) duties = g_array_new (FALSE, FALSE, sizeof (NewDuty));
  g_autoptr(GHashTable) holidays = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) filled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (person_free);
  Gen g = { 0 };
  int month_first, month_last;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROSTER, error))
    return FALSE;
  g_array_set_clear_func (duties, new_duty_clear);

  g.first = nt_roster_day_number (from_date);
  g.last = nt_roster_day_number (to_date);
  if (g.first == 0 || g.last == 0 || g.last < g.first || g.last - g.first > 366)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The period to generate is not a valid range of dates of at most a year; nothing was written."));
      return FALSE;
    }
  g.min_rest = 60 * (options != NULL && options->min_rest_hours > 0 ? options->min_rest_hours
                                                                   : NT_ROSTER_DEFAULT_MIN_REST_HOURS);
  g.max_consecutive = options != NULL && options->max_consecutive_nights > 0
                      ? options->max_consecutive_nights : NT_ROSTER_DEFAULT_MAX_CONSECUTIVE_NIGHTS;
  for (guint i = 0; options != NULL && options->holidays != NULL && options->holidays[i] != NULL; i++)
    {
      int d = nt_roster_day_number (options->holidays[i]);

      if (d != 0)
        g_hash_table_add (holidays, GINT_TO_POINTER (d));
    }
  /* And the holidays the school keeps (the Duty roster section). */
  {
    g_autoptr(GListStore) kept = nt_roster_holidays (store, NULL, NULL, error);

    if (kept == NULL)
      return FALSE;
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (kept)); i++)
      {
        g_autoptr(NtHoliday) h = g_list_model_get_item (G_LIST_MODEL (kept), i);
        int d = nt_roster_day_number (h->day);

        if (d != 0)
          g_hash_table_add (holidays, GINT_TO_POINTER (d));
      }
  }
  g.holidays = holidays;
  g.filled = filled;
  g.keep_before = -1;
  if (options != NULL && options->keep_started_before != NULL)
    {
      g_autofree char *date = g_strndup (options->keep_started_before, 10);
      int minute = 0;
      int kday = strlen (options->keep_started_before) >= 16 ? nt_roster_day_number (date) : 0;

      if (kday == 0 || !nt_roster_time_parse (options->keep_started_before + 11, FALSE, &minute))
        {
          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("“%s” is not a time (YYYY-MM-DD HH:MM); nothing was written."), options->keep_started_before);
          return FALSE;
        }
      g.keep_before = (gint64) kday * 1440 + minute;
      g.keep_text = options->keep_started_before;
    }
  g.people = people;

  /* The window: the whole months of the period (for the nights of the
   * month) and enough days either side for the rest and nights in a row. */
  {
    g_autoptr(GDate) a = g_date_new_julian ((guint32) g.first);
    g_autoptr(GDate) b = g_date_new_julian ((guint32) g.last);

    month_first = g.first - (int) g_date_get_day (a) + 1;
    month_last = g.last + (int) g_date_get_days_in_month (g_date_get_month (b), g_date_get_year (b))
                 - (int) g_date_get_day (b);
  }
  g.wfirst = MIN (month_first, g.first - g.max_consecutive - 2);
  g.wlast = MAX (month_last, g.last + g.max_consecutive + 2);

  g.setup = nt_rsetup_load (store, error);
  if (g.setup == NULL)
    return FALSE;
  if (!load_people (store, &g, error) || !load_kept (store, &g, rep, error))
    {
      nt_rsetup_free (g.setup);
      return FALSE;
    }

  for (int day = g.first; day <= g.last; day++)
    {
      g_autofree char *iso = nt_roster_day_iso (day);
      gboolean weekend = is_weekend (&g, day);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          nt_rsetup_free (g.setup);
          return FALSE;
        }
      for (guint s = 0; s < g.setup->shifts->len; s++)
        {
          NtRShift *shift = g_ptr_array_index (g.setup->shifts, s);

          for (guint k = 0; k < g.setup->posts->len; k++)
            {
              NtRPost *post = g_ptr_array_index (g.setup->posts, k);
              g_autofree char *key = NULL;
              int need;

              if (!nt_rshift_applies (shift, post) || started (&g, shift, day))
                continue;
              key = slot_key (post->id, shift->id, day);
              need = post->people - GPOINTER_TO_INT (g_hash_table_lookup (g.filled, key));
              for (int n = 0; n < need; n++)
                {
                  Person *best = NULL;
                  guint tally[N_WHY] = { 0 };

                  for (guint i = 0; i < g.people->len; i++)
                    {
                      Person *p = g_ptr_array_index (g.people, i);
                      Why why = person_fits (&g, p, post, shift, day);

                      if (why != WHY_NONE)
                        tally[why]++;
                      else if (best == NULL || compare_people (p, best, shift->night, weekend) < 0)
                        best = p;
                    }
                  if (best != NULL)
                    {
                      NewDuty d = { post->id, shift->id, best->id, g_strdup (iso) };

                      g_array_append_val (duties, d);
                      person_take (&g, best, shift, day, TRUE);
                    }
                  else
                    {
                      NtRosterProblem *pr = g_object_new (NT_TYPE_ROSTER_PROBLEM, NULL);

                      pr->kind = NT_ROSTER_PROBLEM_UNFILLED;
                      pr->date = g_strdup (iso);
                      pr->post_id = post->id;
                      pr->post_name = g_strdup (post->name);
                      pr->shift_id = shift->id;
                      pr->shift_name = g_strdup (shift->name);
                      pr->minutes = shift->end - shift->start;
                      pr->message = unfilled_message (&g, post, shift, day, tally);
                      g_list_store_append (rep->unfilled, pr);
                      g_object_unref (pr);
                    }
                }
            }
        }
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !write_roster (store, &g, duties, rep, error))
    {
      nt_rsetup_free (g.setup);
      return FALSE;
    }

  for (guint i = 0; i < g.people->len; i++)
    {
      Person *p = g_ptr_array_index (g.people, i);
      NtDutyCount *c = g_object_new (NT_TYPE_DUTY_COUNT, NULL);

      c->staff_id = p->id;
      c->staff_name = g_strdup (p->name);
      c->shifts = p->shifts;
      c->nights = p->nights;
      c->weekends = p->weekends;
      c->night_eligible = night_eligible (&g, p);
      g_list_store_append (rep->counts, c);
      g_object_unref (c);
    }
  nt_rsetup_free (g.setup);
  if (report != NULL)
    *report = g_steal_pointer (&rep);
  return TRUE;
}
