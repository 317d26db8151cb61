/* nt-commitments-private.h: what nt-rule-sets.c and nt-commitments.c share */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *nt_commitments_parse_date (const char  *text,
                                 const char  *what,
                                 GError     **error);

G_END_DECLS
