/* nt-date.c */
#define G_LOG_DOMAIN "nt-date"

#include <stdio.h>
#include <string.h>

#include "nt-date.h"
#include "nt-error.h"
#include "nt-i18n.h"

/* Two-digit years are read as 19yy when that is at most 100 years ago and
 * not in the future, else 20yy; a school never holds a person born in 1925. */
static int
expand_year (int yy)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int century = g_date_time_get_year (now) / 100 * 100;

  return century + yy > g_date_time_get_year (now) ? century - 100 + yy : century + yy;
}

/**
 * nt_date_parse_display:
 * @text: "dd/mm/yyyy", "d/m/yy", or with "-" or "." between the parts
 *
 * Returns: (transfer full): the date, or %NULL with @error set (in
 *   Vietnamese: what is wrong with the date)
 */
GDate *
nt_date_parse_display (const char  *text,
                       GError     **error)
{
  g_autofree char *trimmed = NULL;
  int d = 0, m = 0, y = 0;
  char s1 = 0, s2 = 0, extra = 0;
  int n;

  g_return_val_if_fail (text != NULL, NULL);

  trimmed = g_strstrip (g_strdup (text));
  n = sscanf (trimmed, "%2d%c%2d%c%4d%c", &d, &s1, &m, &s2, &y, &extra);
  if (n != 5 || s1 != s2 || (s1 != '/' && s1 != '-' && s1 != '.'))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("“%s” is not a date; write it as dd/mm/yyyy"), trimmed);
      return NULL;
    }

  {
    const char *last = strrchr (trimmed, s2);
    if (last != NULL && strlen (last + 1) == 2)
      y = expand_year (y);
    else if (last == NULL || strlen (last + 1) != 4)
      {
        g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                     _("“%s” is not a date; write it as dd/mm/yyyy"), trimmed);
        return NULL;
      }
  }

  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2200 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s does not exist in the calendar"), trimmed);
      return NULL;
    }

  return g_date_new_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

char *
nt_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

GDate *
nt_date_from_iso (const char *iso)
{
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return NULL;
  return g_date_new_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

/* TRUE for a whole ISO date "yyyy-mm-dd" that exists in the calendar;
 * nt_date_from_iso() alone would also take "2026-1-5" or trailing text. */
gboolean
nt_date_iso_valid (const char *iso)
{
  g_autoptr(GDate) d = NULL;

  if (iso == NULL || strlen (iso) != 10)
    return FALSE;
  d = nt_date_from_iso (iso);
  return d != NULL;
}

/**
 * nt_date_iso_to_display:
 *
 * Returns: (transfer full): "dd/mm/yyyy", or an empty string for no date
 */
char *
nt_date_iso_to_display (const char *iso)
{
  g_autoptr(GDate) date = nt_date_from_iso (iso);

  if (date == NULL)
    return g_strdup ("");
  return g_strdup_printf ("%02d/%02d/%04d", g_date_get_day (date),
                          g_date_get_month (date), g_date_get_year (date));
}

char *
nt_date_today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

int
nt_date_age_on (const GDate *birth,
                const GDate *day)
{
  int age = g_date_get_year (day) - g_date_get_year (birth);

  if (g_date_get_month (day) < g_date_get_month (birth) ||
      (g_date_get_month (day) == g_date_get_month (birth) &&
       g_date_get_day (day) < g_date_get_day (birth)))
    age--;
  return age;
}

/**
 * nt_date_time_parse_display:
 * @text: "dd/mm/yyyy HH:MM" (or with "h" between hours and minutes)
 *
 * Returns: (transfer full): "YYYY-MM-DD HH:MM", or %NULL with @error set
 */
char *
nt_date_time_parse_display (const char  *text,
                            GError     **error)
{
  g_autofree char *copy = NULL;
  g_autoptr(GDate) date = NULL;
  g_autofree char *iso = NULL;
  char *space;
  int hour = -1, minute = -1;

  g_return_val_if_fail (text != NULL, NULL);

  copy = g_strstrip (g_strdup (text));
  space = strrchr (copy, ' ');
  if (space == NULL || (sscanf (space + 1, "%d:%d", &hour, &minute) != 2 &&
                        sscanf (space + 1, "%dh%d", &hour, &minute) != 2) ||
      hour < 0 || hour > 23 || minute < 0 || minute > 59)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("“%s” is not a date and time; write it as dd/mm/yyyy HH:MM"), copy);
      return NULL;
    }
  *space = '\0';
  date = nt_date_parse_display (copy, error);
  if (date == NULL)
    return NULL;
  iso = nt_date_to_iso (date);
  return g_strdup_printf ("%s %02d:%02d", iso, hour, minute);
}
