/* nt-meals.h: the meal count for the kitchen (suất ăn)
 *
 * For a day and a meal, the boarders expected at table: the students who
 * have a bed that day, minus those on leave at the meal's time, by
 * building.  A student whose leave ends before the meal (or who came back
 * early) is counted; one who leaves before it is not.
 */
#pragma once

#include <gio/gio.h>

#include "nt-store.h"

G_BEGIN_DECLS

typedef enum
{
  NT_MEAL_BREAKFAST,
  NT_MEAL_LUNCH,
  NT_MEAL_DINNER,
  NT_N_MEALS
} NtMeal;

/* The count of one building on one day. */
#define NT_TYPE_MEAL_COUNT (nt_meal_count_get_type ())
G_DECLARE_FINAL_TYPE (NtMealCount, nt_meal_count, NT, MEAL_COUNT, GObject)

struct _NtMealCount
{
  GObject   parent_instance;
  char     *date;                 /* ISO */
  gint64    building_id;
  char     *building_name;
  guint     boarders;             /* with a bed that day */
  guint     meals[NT_N_MEALS];    /* expected at each meal */
};

GListStore *nt_meals_day    (NtStore     *store,
                             const char  *date_iso,
                             gint64       building_id,
                             GError     **error);
gboolean    nt_meals_count  (NtStore     *store,
                             const char  *date_iso,
                             NtMeal       meal,
                             gint64       building_id,
                             guint       *count,
                             GError     **error);
const char *nt_meal_time    (NtMeal       meal);
const char *nt_meal_label   (NtMeal       meal);

G_END_DECLS
