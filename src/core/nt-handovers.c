/* nt-handovers.c: the hand-over notes (sổ giao ca)
 *
 * A note is written by an active staff member for a post (and usually a
 * shift) on a date; it is acknowledged once, by someone else. Search folds
 * case and diacritics ("nguyen" finds "Nguyễn") over what happened, what
 * to watch and the writer's name; every word of the query must be found.
 */
#define G_LOG_DOMAIN "nt-handovers"

#include <string.h>

#include "nt-access.h"
#include "nt-date.h"
#include "nt-error.h"
#include "nt-handovers.h"
#include "nt-i18n.h"
#include "nt-leaves.h"
#include "nt-util.h"
#include "nt-row.h"
#include "nt-vntext.h"

/* ----- list rows --------------------------------------------------------- */

static const NtRowField handover_fields[] = {
  NT_ROW_PROPERTY (NtHandover, post_name, "post-name", STRING),
  NT_ROW_PROPERTY (NtHandover, date, "date", STRING),
  NT_ROW_PROPERTY (NtHandover, written_by_name, "written-by-name", STRING),
  NT_ROW_PROPERTY (NtHandover, happened, "happened", STRING),
  NT_ROW_PROPERTY (NtHandover, to_watch, "to-watch", STRING),
  NT_ROW_PROPERTY (NtHandover, acknowledged_by_name, "acknowledged-by-name", STRING),
  NT_ROW_OWNED_STRING (NtHandover, shift_name),
  NT_ROW_OWNED_STRING (NtHandover, written_at),
  NT_ROW_OWNED_STRING (NtHandover, acknowledged_at),
};
NT_DEFINE_ROW_TYPE (NtHandover, nt_handover, handover_fields)

/* ----- writing ----------------------------------------------------------- */

static gboolean
staff_active (NtStore *store,
              gint64   staff_id)
{
  sqlite3_stmt *stmt = nt_store_prepare (store, "SELECT active FROM staff WHERE id = ?1", NULL);
  gboolean active;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  active = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return active;
}

static gboolean
exists (NtStore    *store,
        const char *sql,
        gint64      id)
{
  sqlite3_stmt *stmt = nt_store_prepare (store, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

gint64
nt_handovers_write (NtStore                *store,
                    const NtHandoverInput  *in,
                    GError                **error)
{
  g_autofree char *now = NULL;
  g_autoptr(GDate) day = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), 0);
  g_return_val_if_fail (in != NULL, 0);

  if (!nt_access_require (store, NT_PERM_WRITE_HANDOVERS, error))
    return 0;

  day = nt_date_from_iso (in->date);

  if (!exists (store, "SELECT 1 FROM posts WHERE id = ?1", in->post_id))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("The post of the hand-over note does not exist; nothing was saved."));
      return 0;
    }
  if (in->shift_id != 0 && !exists (store, "SELECT 1 FROM shift_templates WHERE id = ?1", in->shift_id))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("The shift of the hand-over note does not exist; nothing was saved."));
      return 0;
    }
  if (day == NULL || strlen (in->date) != 10)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The date of the hand-over note “%s” is not a date; nothing was saved."),
                   in->date != NULL ? in->date : "");
      return 0;
    }
  if (!staff_active (store, in->written_by))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The writer of the hand-over note does not exist or has left; nothing was saved."));
      return 0;
    }
  if ((nt_str_empty (in->happened) || strspn (in->happened, " \t\n") == strlen (in->happened)) &&
      (nt_str_empty (in->to_watch) || strspn (in->to_watch, " \t\n") == strlen (in->to_watch)))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The hand-over note is empty: write what happened or what the next shift must watch; nothing was saved."));
      return 0;
    }
  if (in->written_at != NULL && !nt_leave_time_valid (in->written_at))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The time the hand-over note was written, “%s”, is not a time; nothing was saved."), in->written_at);
      return 0;
    }
  now = in->written_at != NULL ? g_strdup (in->written_at) : nt_leave_time_now ();

  stmt = nt_store_prepare (store,
                           "INSERT INTO handovers (post_id, shift_id, date, written_by, written_at, happened, to_watch) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, in->post_id);
  if (in->shift_id != 0)
    sqlite3_bind_int64 (stmt, 2, in->shift_id);
  sqlite3_bind_text (stmt, 3, in->date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, in->written_by);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, in->happened != NULL ? in->happened : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, in->to_watch != NULL ? in->to_watch : "", -1, SQLITE_TRANSIENT);
  if (!nt_store_step_done (store, stmt, error))
    return 0;
  nt_store_emit_changed (store, "handovers");
  return sqlite3_last_insert_rowid (nt_store_get_db (store));
}

/**
 * nt_handovers_acknowledge:
 * @at_time: (nullable): 'YYYY-MM-DD HH:MM', %NULL for now
 *
 * The next person takes the note over. Refused when it was already
 * acknowledged, by its own writer, or by someone who left.
 */
gboolean
nt_handovers_acknowledge (NtStore     *store,
                          gint64       handover_id,
                          gint64       staff_id,
                          const char  *at_time,
                          GError     **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gint64 writer = 0;
  gboolean found, done = FALSE;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_WRITE_HANDOVERS, error))
    return FALSE;

  stmt = nt_store_prepare (store, "SELECT written_by, acknowledged_by IS NOT NULL FROM handovers WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, handover_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      writer = sqlite3_column_int64 (stmt, 0);
      done = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);
  if (!found)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("The hand-over note no longer exists; nothing was changed."));
      return FALSE;
    }
  if (done)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("The hand-over note was already acknowledged; nothing was changed."));
      return FALSE;
    }
  if (staff_id == writer)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The hand-over note must be acknowledged by the next person on duty, not by its writer; nothing was changed."));
      return FALSE;
    }
  if (!staff_active (store, staff_id))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The staff member who acknowledges the note does not exist or has left; nothing was changed."));
      return FALSE;
    }
  if (at_time != NULL && !nt_leave_time_valid (at_time))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("“%s” is not a time; nothing was changed."), at_time);
      return FALSE;
    }
  now = at_time != NULL ? g_strdup (at_time) : nt_leave_time_now ();

  stmt = nt_store_prepare (store,
                           "UPDATE handovers SET acknowledged_by = ?2, acknowledged_at = ?3 "
                           "WHERE id = ?1 AND acknowledged_by IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, handover_id);
  sqlite3_bind_int64 (stmt, 2, staff_id);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  if (!nt_store_step_done (store, stmt, error))
    return FALSE;
  nt_store_emit_changed (store, "handovers");
  return TRUE;
}

/* ----- reading ----------------------------------------------------------- */

/**
 * nt_handovers_list:
 * @post_id: a post, or 0 for all
 * @query: (nullable): words that must all be found, ignoring case and
 *   diacritics, in what happened, what to watch or the writer's name
 *
 * Returns: (transfer full): #NtHandover rows, by date, written time
 */
GListStore *
nt_handovers_list (NtStore     *store,
                   const char  *from_date,
                   const char  *to_date,
                   gint64       post_id,
                   const char  *query,
                   GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (NT_TYPE_HANDOVER);
  g_autofree char *folded_query = nt_str_empty (query) ? NULL : nt_vn_fold (query);
  g_auto(GStrv) words = folded_query != NULL ? g_strsplit_set (folded_query, " \t", -1) : NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (from_date != NULL && to_date != NULL, NULL);

  stmt = nt_store_prepare (store,
                           "SELECT h.id, h.post_id, p.name, ifnull (h.shift_id, 0), sh.name, h.date, h.written_by, "
                           "  w.full_name, h.written_at, h.happened, h.to_watch, ifnull (h.acknowledged_by, 0), "
                           "  a.full_name, h.acknowledged_at "
                           "FROM handovers h JOIN posts p ON p.id = h.post_id JOIN staff w ON w.id = h.written_by "
                           "  LEFT JOIN shift_templates sh ON sh.id = h.shift_id "
                           "  LEFT JOIN staff a ON a.id = h.acknowledged_by "
                           "WHERE h.date BETWEEN ?1 AND ?2 AND (?3 = 0 OR h.post_id = ?3) "
                           "ORDER BY h.date, h.written_at, h.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, post_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(NtHandover) h = NULL;

      if (words != NULL)
        {
          g_autofree char *text = g_strjoin (" ", (const char *) sqlite3_column_text (stmt, 9),
                                             (const char *) sqlite3_column_text (stmt, 10),
                                             (const char *) sqlite3_column_text (stmt, 7), NULL);
          g_autofree char *folded = nt_vn_fold (text);
          gboolean all = TRUE;

          for (guint i = 0; all && words[i] != NULL; i++)
            all = words[i][0] == '\0' || strstr (folded, words[i]) != NULL;
          if (!all)
            continue;
        }
      h = g_object_new (NT_TYPE_HANDOVER, NULL);
      h->id = sqlite3_column_int64 (stmt, 0);
      h->post_id = sqlite3_column_int64 (stmt, 1);
      h->post_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      h->shift_id = sqlite3_column_int64 (stmt, 3);
      h->shift_name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      h->date = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      h->written_by = sqlite3_column_int64 (stmt, 6);
      h->written_by_name = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      h->written_at = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
      h->happened = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
      h->to_watch = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
      h->acknowledged_by = sqlite3_column_int64 (stmt, 11);
      h->acknowledged_by_name = g_strdup ((const char *) sqlite3_column_text (stmt, 12));
      h->acknowledged_at = g_strdup ((const char *) sqlite3_column_text (stmt, 13));
      g_list_store_append (list, h);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}
