/* nt-meals.c: the meal count for the kitchen (suất ăn)
 *
 * The beds decide who lives in the dorm on a day, as for the night check:
 * an assignment covers day D when it started on or before D and ended
 * after D.  Leave is judged at the meal's time as the night check judges
 * it at curfew: an approved (or out) leave whose time covers the instant,
 * or a leave since returned when the student came back after it.  A leave
 * only asked for, or cancelled, keeps the student at table.
 */
#define G_LOG_DOMAIN "nt-meals"

#include "nt-date.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-meals.h"
#include "nt-row.h"
#include "nt-util.h"

/* The kitchen's times: breakfast, lunch and dinner. */
static const char * const meal_times[NT_N_MEALS] = { "06:30", "11:30", "17:30" };

static const NtRowField meal_count_fields[] = {
  NT_ROW_OWNED_STRING (NtMealCount, date),
  NT_ROW_OWNED_STRING (NtMealCount, building_name),
};

NT_DEFINE_ROW_TYPE (NtMealCount, nt_meal_count, meal_count_fields)

/* ----- words --------------------------------------------------------------- */

/**
 * nt_meal_time:
 *
 * Returns: the time of @meal, 'HH:MM'
 */
const char *
nt_meal_time (NtMeal meal)
{
  g_return_val_if_fail (meal < NT_N_MEALS, "");

  return meal_times[meal];
}

/**
 * nt_meal_label:
 *
 * Returns: the name of @meal, translated
 */
const char *
nt_meal_label (NtMeal meal)
{
  switch (meal)
    {
    case NT_MEAL_BREAKFAST:
      /* TRANSLATORS: a meal of the dorm's kitchen (Bữa sáng) */
      return _("Breakfast");
    case NT_MEAL_LUNCH:
      /* TRANSLATORS: a meal of the dorm's kitchen (Bữa trưa) */
      return _("Lunch");
    case NT_MEAL_DINNER:
      /* TRANSLATORS: a meal of the dorm's kitchen (Bữa tối) */
      return _("Dinner");
    case NT_N_MEALS:
    default:
      return "";
    }
}

/* ----- counting ------------------------------------------------------------ */

/* Whether the student x.student_id is away on leave at the instant ?N. */
#define AWAY_AT(at) \
  "EXISTS (SELECT 1 FROM leaves l WHERE l.student_id = x.student_id " \
  "  AND l.from_time <= " at " AND l.to_time > " at " " \
  "  AND (l.state IN ('approved', 'out') OR (l.state = 'returned' AND l.returned_at > " at ")))"

/**
 * nt_meals_day:
 * @date_iso: the day (ISO)
 * @building_id: a building, or 0 for every building
 * @error: NT_ERROR_INVALID when @date_iso is not a date
 *
 * The boarders expected at each meal of @date_iso, by building: the
 * active buildings (and any other where someone has a bed that day), in
 * name order, or only @building_id.
 *
 * Returns: (transfer full): NtMealCount rows, or %NULL with @error set
 */
GListStore *
nt_meals_day (NtStore     *store,
              const char  *date_iso,
              gint64       building_id,
              GError     **error)
{
  g_autoptr(GDate) date = NULL;
  g_autoptr(GListStore) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  date = date_iso ? nt_date_from_iso (date_iso) : NULL;
  if (date == NULL)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD); the meals were not counted."),
                   date_iso ? date_iso : "");
      return NULL;
    }

  /* One row per student with a bed that day, in the building of the later
   * bed if two assignments meet (a mistake in the history). */
  stmt = nt_store_prepare (store,
                           "SELECT bl.id, bl.name, count(x.student_id), "
                           "  ifnull (sum (x.student_id IS NOT NULL AND NOT " AWAY_AT ("?2") "), 0), "
                           "  ifnull (sum (x.student_id IS NOT NULL AND NOT " AWAY_AT ("?3") "), 0), "
                           "  ifnull (sum (x.student_id IS NOT NULL AND NOT " AWAY_AT ("?4") "), 0) "
                           "FROM buildings bl LEFT JOIN ("
                           "  SELECT a.student_id AS student_id, r.building_id AS building_id, max (a.start_date) "
                           "  FROM bed_assignments a JOIN beds b ON b.id = a.bed_id "
                           "  JOIN rooms r ON r.id = b.room_id JOIN students s ON s.id = a.student_id "
                           "  WHERE a.start_date <= ?1 AND (a.end_date IS NULL OR a.end_date > ?1) "
                           "    AND (s.active = 1 OR s.left_on > ?1) "
                           "  GROUP BY a.student_id) x ON x.building_id = bl.id "
                           "GROUP BY bl.id "
                           "HAVING (?5 = 0 AND (bl.active = 1 OR count(x.student_id) > 0)) OR bl.id = ?5 "
                           "ORDER BY bl.name, bl.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, date_iso, -1, SQLITE_TRANSIENT);
  for (guint m = 0; m < NT_N_MEALS; m++)
    {
      g_autofree char *at = g_strdup_printf ("%s %s", date_iso, meal_times[m]);
      sqlite3_bind_text (stmt, 2 + m, at, -1, SQLITE_TRANSIENT);
    }
  sqlite3_bind_int64 (stmt, 5, building_id);

  list = g_list_store_new (NT_TYPE_MEAL_COUNT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(NtMealCount) row = g_object_new (NT_TYPE_MEAL_COUNT, NULL);

      row->date = g_strdup (date_iso);
      row->building_id = sqlite3_column_int64 (stmt, 0);
      row->building_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->boarders = (guint) sqlite3_column_int (stmt, 2);
      for (guint m = 0; m < NT_N_MEALS; m++)
        row->meals[m] = (guint) sqlite3_column_int (stmt, 3 + m);
      g_list_store_append (list, row);
    }
  if (rc != SQLITE_DONE)
    {
      /* TRANSLATORS: completes "Could not %s: …" */
      nt_store_set_error (store, error, _("count the meals"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}

/**
 * nt_meals_count:
 * @date_iso: the day (ISO)
 * @meal: breakfast, lunch or dinner
 * @building_id: a building, or 0 for the whole dorm
 * @count: (out): the boarders expected at @meal
 * @error: NT_ERROR_INVALID when @date_iso is not a date
 *
 * Returns: whether @count was set
 */
gboolean
nt_meals_count (NtStore     *store,
                const char  *date_iso,
                NtMeal       meal,
                gint64       building_id,
                guint       *count,
                GError     **error)
{
  g_autoptr(GListStore) day = NULL;
  guint n;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (meal < NT_N_MEALS, FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  day = nt_meals_day (store, date_iso, building_id, error);
  if (day == NULL)
    return FALSE;
  *count = 0;
  n = g_list_model_get_n_items (G_LIST_MODEL (day));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtMealCount) row = g_list_model_get_item (G_LIST_MODEL (day), i);
      *count += row->meals[meal];
    }
  return TRUE;
}
