/* nt-date.h: dates as Vietnamese people write them (dd/mm/yyyy) and as the
 * database keeps them (ISO yyyy-mm-dd) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDate    *nt_date_parse_display (const char  *text,
                                 GError     **error);
char     *nt_date_to_iso        (const GDate *date);
char     *nt_date_iso_to_display (const char *iso);
GDate    *nt_date_from_iso      (const char  *iso);
gboolean  nt_date_iso_valid     (const char  *iso);
char     *nt_date_today_iso     (void);
char     *nt_date_time_parse_display (const char *text,
                                      GError    **error);
int       nt_date_age_on        (const GDate *birth,
                                 const GDate *day);


G_END_DECLS
