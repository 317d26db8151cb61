/* nt-vntext.h: Vietnamese text for sorting and searching
 *
 * Names sort the Vietnamese way: by given name (the last word), then by the
 * family and middle names as written, with the Vietnamese letter order
 * (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y) and the tones
 * in the order none, huyền, hỏi, ngã, sắc, nặng.  Search ignores case and
 * diacritics ("dang" finds "Đặng").
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

char     *nt_vn_fold            (const char *text);
GBytes   *nt_vn_name_key        (const char *full_name);
int       nt_vn_compare_names   (const char *a,
                                 const char *b);
char    **nt_vn_search_tokens   (const char *query);
char     *nt_vn_fts_prefix_query (const char *query);
gboolean  nt_vn_register_sqlite (sqlite3    *db,
                                 GError    **error);

G_END_DECLS
