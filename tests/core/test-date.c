/* test-date.c: dates as people type them (dd/mm/yyyy) and as stored (ISO) */
#define G_LOG_DOMAIN "test-date"

#include "nt-date.h"
#include "nt-error.h"
#include "nt-test-util.h"

static void
assert_parses (const char *text,
               int         day,
               int         month,
               int         year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = nt_date_parse_display (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (date);
  g_assert_cmpint (g_date_get_day (date), ==, day);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_year (date), ==, year);
}

static void
assert_refused (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = nt_date_parse_display (text, &error);

  g_assert_null (date);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_parse_display (void)
{
  assert_parses ("05/09/2010", 5, 9, 2010);
  assert_parses ("5/9/2010", 5, 9, 2010);
  assert_parses ("5/9/10", 5, 9, 2010);
  assert_parses ("  05/09/2010 ", 5, 9, 2010);
  assert_parses ("05-09-2010", 5, 9, 2010);
  assert_parses ("05.09.2010", 5, 9, 2010);
  assert_parses ("29/02/2012", 29, 2, 2012);   /* a leap year */
  assert_parses ("31/12/1999", 31, 12, 1999);
  assert_parses ("1/1/99", 1, 1, 1999);         /* two digits in the future mean the last century */
}

static void
test_two_digit_years (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);
  g_autofree char *this_year = g_strdup_printf ("1/1/%02d", year % 100);
  g_autofree char *next_year = g_strdup_printf ("1/1/%02d", (year + 1) % 100);

  /* This year's two digits are this year; next year's are a century ago:
   * nobody was born in the future. */
  assert_parses (this_year, 1, 1, year);
  assert_parses (next_year, 1, 1, year + 1 - 100);
}

static void
test_parse_refused (void)
{
  /* Dates that do not exist. */
  assert_refused ("31/02/2010");
  assert_refused ("29/02/2011");
  assert_refused ("31/04/2010");
  assert_refused ("00/05/2010");
  assert_refused ("32/01/2010");
  assert_refused ("12/13/2010");
  assert_refused ("12/00/2010");
  /* The display parser takes day/month/year only: ISO is refused, as is
   * anything else that is not d/m/y. */
  assert_refused ("2010-09-05");
  assert_refused ("2010/09/05");
  assert_refused ("05/09");
  assert_refused ("05/09/201");
  assert_refused ("05/09/20100");
  assert_refused ("05/09-2010");
  assert_refused ("05/09/2010x");
  assert_refused ("5 9 2010");
  assert_refused ("ngày 5 tháng 9");
  assert_refused ("abc");
  assert_refused ("");
  assert_refused ("   ");
}

static void
test_iso (void)
{
  static const struct { const char *iso, *display; } cases[] = {
    { "2010-09-05", "05/09/2010" },
    { "1999-12-31", "31/12/1999" },
    { "2012-02-29", "29/02/2012" },
    { "2011-02-29", "" },   /* does not exist */
    { "garbage", "" },
    { "", "" },
    { NULL, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *display = nt_date_iso_to_display (cases[i].iso);
      g_assert_cmpstr (display, ==, cases[i].display);
    }

  /* Round trip through both forms. */
  {
    g_autoptr(GDate) date = nt_date_parse_display ("5/9/2010", NULL);
    g_autofree char *iso = nt_date_to_iso (date);
    g_autoptr(GDate) back = nt_date_from_iso (iso);

    g_assert_cmpstr (iso, ==, "2010-09-05");
    g_assert_nonnull (back);
    g_assert_cmpint (g_date_compare (date, back), ==, 0);
  }
}

static void
test_age (void)
{
  g_autoptr(GDate) birth = g_date_new_dmy (5, 9, 2010);
  g_autoptr(GDate) before = g_date_new_dmy (4, 9, 2021);
  g_autoptr(GDate) on = g_date_new_dmy (5, 9, 2021);

  g_assert_cmpint (nt_date_age_on (birth, before), ==, 10);
  g_assert_cmpint (nt_date_age_on (birth, on), ==, 11);
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);

  g_test_add_func ("/date/parse-display", test_parse_display);
  g_test_add_func ("/date/two-digit-years", test_two_digit_years);
  g_test_add_func ("/date/parse-refused", test_parse_refused);
  g_test_add_func ("/date/iso", test_iso);
  g_test_add_func ("/date/age", test_age);

  return g_test_run ();
}
