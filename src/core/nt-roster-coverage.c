/* nt-roster-coverage.c: what is wrong with a roster
 *
 * Four checks over the duties of a period, all on the DST-free timeline
 * (day × 1440 + minutes), so a shift across midnight, or from the last
 * night of a month into the next month, is one interval like any other:
 * - gaps: minutes of a post's hours that no duty of the post covers;
 * - understaffed: a post's shift with fewer people than the post needs;
 * - double-booked: one person on two duties that overlap;
 * - short rest: less than the minimum between one duty and the next.
 * The duties of the day before and after the period are read too, so that
 * the night before the first day covers its early hours.
 */
#define G_LOG_DOMAIN "nt-roster"

#include <stdlib.h>
#include <string.h>

#include "nt-date.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-roster-private.h"
#include "nt-util.h"

typedef struct
{
  gint64  post_id;
  gint64  staff_id;
  int     day;
  int     start;
  int     end;
  NtRShift *shift;
  const char *staff_name;   /* owned by the names table */
  const char *post_name;
} Span;

static int
compare_spans_by_post (gconstpointer a,
                       gconstpointer b)
{
  const Span *x = a, *y = b;

  if (x->post_id != y->post_id)
    return x->post_id < y->post_id ? -1 : 1;
  return x->start - y->start;
}

static int
compare_spans_by_staff (gconstpointer a,
                        gconstpointer b)
{
  const Span *x = a, *y = b;

  if (x->staff_id != y->staff_id)
    return x->staff_id < y->staff_id ? -1 : 1;
  if (x->start != y->start)
    return x->start - y->start;
  return x->end - y->end;
}

static NtRosterProblem *
problem_new (NtRosterProblemKind  kind,
             int                  day,
             gint64               post_id,
             const char          *post_name,
             const NtRShift      *shift,
             gint64               staff_id,
             const char          *staff_name,
             int                  minutes)
{
  NtRosterProblem *p = g_object_new (NT_TYPE_ROSTER_PROBLEM, NULL);

  p->kind = kind;
  p->date = nt_roster_day_iso (day);
  p->post_id = post_id;
  p->post_name = g_strdup (post_name);
  p->shift_id = shift != NULL ? shift->id : 0;
  p->shift_name = shift != NULL ? g_strdup (shift->name) : NULL;
  p->staff_id = staff_id;
  p->staff_name = g_strdup (staff_name);
  p->minutes = minutes;
  return p;
}

/* A length of time as people say it: "30 days 18 hours", "2 hours
 * 30 minutes", "45 minutes"; the units that are 0 are left out. */
static char *
duration_text (int minutes)
{
  g_autoptr(GString) text = g_string_new (NULL);
  int days = minutes / NT_DAY_MINUTES;
  int hours = minutes % NT_DAY_MINUTES / 60;
  int mins = minutes % 60;

  if (days > 0)
    g_string_append_printf (text, ngettext ("%d day", "%d days", days), days);
  if (hours > 0)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%d hour", "%d hours", hours), hours);
    }
  if (mins > 0 || text->len == 0)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%d minute", "%d minutes", mins), mins);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A gap within one day says its date once, a gap ending at midnight of
 * its own day ends at 24:00; a longer one says both dates, so that a month
 * nobody covers does not read as the hours of its first day. */
static void
add_gap (GListStore  *list,
         NtRPost     *post,
         int          from,
         int          to)
{
  int day = from / NT_DAY_MINUTES;
  int end_day = to / NT_DAY_MINUTES;
  g_autoptr(NtRosterProblem) p = problem_new (NT_ROSTER_PROBLEM_GAP, day, post->id, post->name,
                                              NULL, 0, NULL, to - from);
  g_autofree char *shown = nt_date_iso_to_display (p->date);
  g_autofree char *a = nt_roster_minutes_text (from);
  g_autofree char *b = nt_roster_minutes_text (to);
  g_autofree char *length = duration_text (to - from);

  if (to % NT_DAY_MINUTES == 0 && end_day == day + 1)
    {
      end_day = day;
      nt_set_str (&b, "24:00");
    }
  if (end_day == day)
    p->message = g_strdup_printf (_("Nobody is on duty at “%s” on %s from %s to %s (%s)."),
                                  post->name, shown, a, b, length);
  else
    {
      g_autofree char *end_iso = nt_roster_day_iso (end_day);
      g_autofree char *end_shown = nt_date_iso_to_display (end_iso);

      /* TRANSLATORS: a gap over several days: post, start time and date,
       * end time and date, its length ("30 days 18 hours") */
      p->message = g_strdup_printf (_("Nobody is on duty at “%s” from %s on %s to %s on %s (%s)."),
                                    post->name, a, shown, b, end_shown, length);
    }
  g_list_store_append (list, p);
}

/* The gaps of one post: its hours on each day of the period, minus the
 * union of its duties (sorted by start). A gap running over midnight of a
 * post staffed round the clock is one gap, not two. */
static void
find_gaps (GListStore *list,
           NtRPost    *post,
           Span       *spans,
           guint       n,
           int         first,
           int         last)
{
  guint i = 0;
  int gap_from = -1, gap_to = -1;

  for (int day = first; day <= last; day++)
    {
      int need_from = day * NT_DAY_MINUTES + post->from;
      int need_to = day * NT_DAY_MINUTES + post->to;
      int cursor = need_from;

      /* No shift is longer than a day: earlier starts cannot reach here. */
      while (i < n && spans[i].start < need_from - NT_DAY_MINUTES)
        i++;
      for (guint j = i; j < n && spans[j].start < need_to && cursor < need_to; j++)
        {
          if (spans[j].end <= cursor)
            continue;
          if (spans[j].start > cursor)
            {
              if (gap_to != cursor)
                {
                  if (gap_from >= 0)
                    add_gap (list, post, gap_from, gap_to);
                  gap_from = cursor;
                }
              gap_to = spans[j].start;
            }
          cursor = MAX (cursor, spans[j].end);
        }
      if (cursor < need_to)
        {
          if (gap_to != cursor)
            {
              if (gap_from >= 0)
                add_gap (list, post, gap_from, gap_to);
              gap_from = cursor;
            }
          gap_to = need_to;
        }
    }
  if (gap_from >= 0)
    add_gap (list, post, gap_from, gap_to);
}

/**
 * nt_roster_coverage:
 * @min_rest_hours: the least rest between duties, 0 for the default (8)
 *
 * Returns: (transfer full): a #GListStore of #NtRosterProblem, gaps first
 *   (by post and time), then understaffed shifts, then people in two places
 *   at once and short rests (by person and time); empty when the roster is
 *   whole
 */
GListStore *
nt_roster_coverage (NtStore     *store,
                    const char  *from_date,
                    const char  *to_date,
                    int          min_rest_hours,
                    GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (NT_TYPE_ROSTER_PROBLEM);
  g_autoptr(NtRSetup) setup = NULL;
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GStringChunk) names = g_string_chunk_new (4096);
  g_autofree char *wf = NULL;
  g_autofree char *wl = NULL;
  sqlite3_stmt *stmt;
  int first, last, min_rest;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  first = nt_roster_day_number (from_date);
  last = nt_roster_day_number (to_date);
  if (first == 0 || last == 0 || last < first)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("The period of the roster is not a valid range of dates."));
      return NULL;
    }
  min_rest = 60 * (min_rest_hours > 0 ? min_rest_hours : NT_ROSTER_DEFAULT_MIN_REST_HOURS);
  setup = nt_rsetup_load (store, error);
  if (setup == NULL)
    return NULL;

  wf = nt_roster_day_iso (first - 1);
  wl = nt_roster_day_iso (last + 1);
  stmt = nt_store_prepare (store,
                           "SELECT d.post_id, d.shift_id, d.staff_id, d.date, s.full_name, p.name "
                           "FROM duties d JOIN staff s ON s.id = d.staff_id JOIN posts p ON p.id = d.post_id "
                           "WHERE d.date BETWEEN ?1 AND ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, wf, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, wl, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Span s = { 0 };

      s.shift = nt_rsetup_shift (setup, sqlite3_column_int64 (stmt, 1));
      s.day = nt_roster_day_number ((const char *) sqlite3_column_text (stmt, 3));
      if (s.shift == NULL || s.day == 0)
        continue;
      s.post_id = sqlite3_column_int64 (stmt, 0);
      s.staff_id = sqlite3_column_int64 (stmt, 2);
      s.start = s.day * NT_DAY_MINUTES + s.shift->start;
      s.end = s.day * NT_DAY_MINUTES + s.shift->end;
      s.staff_name = g_string_chunk_insert_const (names, (const char *) sqlite3_column_text (stmt, 4));
      s.post_name = g_string_chunk_insert_const (names, (const char *) sqlite3_column_text (stmt, 5));
      g_array_append_val (spans, s);
    }
  sqlite3_reset (stmt);

  /* Gaps: each post's duties by start. */
  g_array_sort (spans, compare_spans_by_post);
  for (guint p = 0; p < setup->posts->len; p++)
    {
      NtRPost *post = g_ptr_array_index (setup->posts, p);
      guint lo = 0, hi;

      while (lo < spans->len && g_array_index (spans, Span, lo).post_id < post->id)
        lo++;
      hi = lo;
      while (hi < spans->len && g_array_index (spans, Span, hi).post_id == post->id)
        hi++;
      find_gaps (list, post, hi > lo ? &g_array_index (spans, Span, lo) : NULL, hi - lo, first, last);
    }

  /* Understaffed: each shift that applies to a post, each day. */
  {
    g_autoptr(GHashTable) per_slot = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    for (guint i = 0; i < spans->len; i++)
      {
        Span *s = &g_array_index (spans, Span, i);
        char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%d", s->post_id, s->shift->id, s->day);
        int n = GPOINTER_TO_INT (g_hash_table_lookup (per_slot, key));

        g_hash_table_insert (per_slot, key, GINT_TO_POINTER (n + 1));
      }
    for (guint p = 0; p < setup->posts->len; p++)
      {
        NtRPost *post = g_ptr_array_index (setup->posts, p);

        for (int day = first; day <= last; day++)
          for (guint k = 0; k < setup->shifts->len; k++)
            {
              NtRShift *shift = g_ptr_array_index (setup->shifts, k);
              g_autofree char *key = NULL;
              int n;

              if (!nt_rshift_applies (shift, post))
                continue;
              key = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%d", post->id, shift->id, day);
              n = GPOINTER_TO_INT (g_hash_table_lookup (per_slot, key));
              if (n < post->people)
                {
                  g_autoptr(NtRosterProblem) pr = problem_new (NT_ROSTER_PROBLEM_UNDERSTAFFED, day, post->id,
                                                               post->name, shift, 0, NULL, post->people - n);
                  g_autofree char *shown = nt_date_iso_to_display (pr->date);

                  pr->message = g_strdup_printf (_("The %s shift at “%s” on %s has %d of the %d people it needs."),
                                                 shift->name, post->name, shown, n, post->people);
                  g_list_store_append (list, pr);
                }
            }
      }
  }

  /* One person: overlaps and rest, each pair of consecutive duties. */
  g_array_sort (spans, compare_spans_by_staff);
  for (guint i = 1; i < spans->len; i++)
    {
      Span *a = &g_array_index (spans, Span, i - 1);
      Span *b = &g_array_index (spans, Span, i);
      g_autofree char *shown = NULL;
      g_autofree char *ashown = NULL;
      g_autofree char *aiso = NULL;

      if (a->staff_id != b->staff_id || b->day < first || b->day > last)
        continue;
      aiso = nt_roster_day_iso (a->day);
      ashown = nt_date_iso_to_display (aiso);
      if (b->start < a->end)
        {
          g_autoptr(NtRosterProblem) pr = problem_new (NT_ROSTER_PROBLEM_DOUBLE_BOOKED, b->day, b->post_id,
                                                       b->post_name, b->shift, b->staff_id, b->staff_name,
                                                       MIN (a->end, b->end) - b->start);

          shown = nt_date_iso_to_display (pr->date);
          pr->message = g_strdup_printf (_("%s is in two places at once: “%s”, %s shift on %s, and “%s”, %s shift on %s."),
                                         b->staff_name, a->post_name, a->shift->name, ashown,
                                         b->post_name, b->shift->name, shown);
          g_list_store_append (list, pr);
        }
      else if (b->start - a->end < min_rest)
        {
          int rest = b->start - a->end;
          g_autoptr(NtRosterProblem) pr = problem_new (NT_ROSTER_PROBLEM_SHORT_REST, b->day, b->post_id,
                                                       b->post_name, b->shift, b->staff_id, b->staff_name, rest);

          shown = nt_date_iso_to_display (pr->date);
          pr->message = g_strdup_printf (_("%s rests only %d h %02d min between the %s shift on %s and the %s shift on %s (at least %d hours are needed)."),
                                         b->staff_name, rest / 60, rest % 60, a->shift->name, ashown,
                                         b->shift->name, shown, min_rest / 60);
          g_list_store_append (list, pr);
        }
    }
  return g_steal_pointer (&list);
}
