/* nt-dialogues.c: dialogues with boarders and their follow-up */
#define G_LOG_DOMAIN "noitru-dialogues"

#include <string.h>

#include "nt-access.h"
#include "nt-date.h"
#include "nt-dialogues.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-row.h"
#include "nt-sql.h"
#include "nt-util.h"

/* ----- list rows --------------------------------------------------------- */

static const NtRowField dialogue_fields[] = {
  NT_ROW_PROPERTY (NtDialogue, id, "id", INT64),
  NT_ROW_PROPERTY (NtDialogue, held_on, "held-on", STRING),
  NT_ROW_PROPERTY (NtDialogue, n_open, "n-open", UINT),
  NT_ROW_OWNED_STRING (NtDialogue, chair_name),
  NT_ROW_OWNED_STRING (NtDialogue, attendees),
  NT_ROW_OWNED_STRING (NtDialogue, note),
};

NT_DEFINE_ROW_TYPE (NtDialogue, nt_dialogue, dialogue_fields)

static const NtRowField item_fields[] = {
  NT_ROW_PROPERTY (NtDialogueItem, id, "id", INT64),
  NT_ROW_PROPERTY (NtDialogueItem, question, "question", STRING),
  NT_ROW_PROPERTY (NtDialogueItem, open, "open", BOOLEAN),
  NT_ROW_PROPERTY (NtDialogueItem, overdue, "overdue", BOOLEAN),
  NT_ROW_OWNED_STRING (NtDialogueItem, held_on),
  NT_ROW_OWNED_STRING (NtDialogueItem, answer),
  NT_ROW_OWNED_STRING (NtDialogueItem, follow_up_name),
  NT_ROW_OWNED_STRING (NtDialogueItem, due_date),
  NT_ROW_OWNED_STRING (NtDialogueItem, closed_at),
};

NT_DEFINE_ROW_TYPE (NtDialogueItem, nt_dialogue_item, item_fields)

/* ----- helpers ----------------------------------------------------------- */

static gboolean
staff_ok (NtStore     *store,
          gint64       staff_id,
          const char  *what,
          GError     **error)
{
  g_autofree char *sql = NULL;

  if (staff_id <= 0)
    return TRUE;
  sql = g_strdup_printf ("SELECT count(*) FROM staff WHERE id = %" G_GINT64_FORMAT, staff_id);
  if (nt_store_count (store, sql) == 1)
    return TRUE;
  g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
               _("The staff member chosen as %s does not exist (number %lld)."), what, (long long) staff_id);
  return FALSE;
}

static gboolean
check_dialogue (NtStore                *store,
                const NtDialogueInput  *input,
                GError                **error)
{
  if (!nt_date_iso_valid (input->held_on))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The date of the dialogue, “%s”, is not a date (YYYY-MM-DD)."),
                   input->held_on ? input->held_on : "");
      return FALSE;
    }
  /* TRANSLATORS: completes "The staff member chosen as %s does not exist" */
  return staff_ok (store, input->chaired_by, _("chair"), error);
}

static gboolean
check_item (NtStore                    *store,
            const NtDialogueItemInput  *input,
            GError                    **error)
{
  g_autofree char *question = g_strstrip (g_strdup (input->question ? input->question : ""));

  if (question[0] == '\0')
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The question or wish is empty: write what the boarders raised."));
      return FALSE;
    }
  if (!nt_str_empty (input->due_date) && !nt_date_iso_valid (input->due_date))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The follow-up date of “%s”, “%s”, is not a date (YYYY-MM-DD)."), question, input->due_date);
      return FALSE;
    }
  /* TRANSLATORS: completes "The staff member chosen as %s does not exist" */
  return staff_ok (store, input->follow_up_by, _("the person following up"), error);
}

static gboolean
changed_one (NtStore     *store,
             const char  *table,
             GError     **error)
{
  if (sqlite3_changes (nt_store_get_db (store)) == 1)
    {
      nt_store_emit_changed (store, table);
      return TRUE;
    }
  g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
               _("This dialogue or item no longer exists (removed in another window?)."));
  return FALSE;
}

/* ----- editing ----------------------------------------------------------- */

gint64
nt_dialogues_create (NtStore                *store,
                     const NtDialogueInput  *input,
                     GError                **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (!nt_access_require (store, NT_PERM_RECORD_DORM_LIFE, error) || !check_dialogue (store, input, error))
    return 0;
  stmt = nt_store_prepare (store,
                           "INSERT INTO dialogues (held_on, chaired_by, attendees, note) "
                           "VALUES (?1, nullif (?2, 0), ?3, ?4)", error);
  if (stmt == NULL)
    return 0;
  nt_sql_bind_stripped (stmt, 1, input->held_on);
  sqlite3_bind_int64 (stmt, 2, input->chaired_by);
  nt_sql_bind_stripped (stmt, 3, input->attendees);
  nt_sql_bind_stripped (stmt, 4, input->note);
  if (!nt_store_step_done (store, stmt, error))
    return 0;
  nt_store_emit_changed (store, "dialogues");
  return sqlite3_last_insert_rowid (nt_store_get_db (store));
}

gboolean
nt_dialogues_update (NtStore                *store,
                     gint64                  dialogue_id,
                     const NtDialogueInput  *input,
                     GError                **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (input != NULL, FALSE);

  if (!nt_access_require (store, NT_PERM_RECORD_DORM_LIFE, error) || !check_dialogue (store, input, error))
    return FALSE;
  stmt = nt_store_prepare (store,
                           "UPDATE dialogues SET held_on = ?2, chaired_by = nullif (?3, 0), attendees = ?4, note = ?5 "
                           "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dialogue_id);
  nt_sql_bind_stripped (stmt, 2, input->held_on);
  sqlite3_bind_int64 (stmt, 3, input->chaired_by);
  nt_sql_bind_stripped (stmt, 4, input->attendees);
  nt_sql_bind_stripped (stmt, 5, input->note);
  return nt_store_step_done (store, stmt, error) && changed_one (store, "dialogues", error);
}

/* The follow-up of an item is due on or after the dialogue it was raised
 * at (@sql selects that dialogue's date from ?1): an earlier date would be
 * overdue from the start, a typing slip. */
static gboolean
due_after_dialogue (NtStore                    *store,
                    const char                 *sql,
                    gint64                      id,
                    const NtDialogueItemInput  *input,
                    GError                    **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *held_on = NULL;

  if (nt_str_empty (input->due_date))
    return TRUE;
  stmt = nt_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    held_on = nt_sql_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (held_on != NULL && strcmp (input->due_date, held_on) < 0)
    {
      g_autofree char *due = nt_date_iso_to_display (input->due_date);
      g_autofree char *held = nt_date_iso_to_display (held_on);

      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The follow-up date, %s, is before the dialogue of %s where it was raised; nothing was saved."),
                   due, held);
      return FALSE;
    }
  return TRUE;
}

gint64
nt_dialogues_add_item (NtStore                    *store,
                       gint64                      dialogue_id,
                       const NtDialogueItemInput  *input,
                       GError                    **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (!nt_access_require (store, NT_PERM_RECORD_DORM_LIFE, error) || !check_item (store, input, error))
    return 0;
  sql = g_strdup_printf ("SELECT count(*) FROM dialogues WHERE id = %" G_GINT64_FORMAT, dialogue_id);
  if (nt_store_count (store, sql) != 1)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                   _("This dialogue or item no longer exists (removed in another window?)."));
      return 0;
    }
  if (!due_after_dialogue (store, "SELECT held_on FROM dialogues WHERE id = ?1", dialogue_id, input, error))
    return 0;
  stmt = nt_store_prepare (store,
                           "INSERT INTO dialogue_items (dialogue_id, question, answer, follow_up_by, due_date) "
                           "VALUES (?1, ?2, ?3, nullif (?4, 0), nullif (?5, ''))", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, dialogue_id);
  nt_sql_bind_stripped (stmt, 2, input->question);
  nt_sql_bind_stripped (stmt, 3, input->answer);
  sqlite3_bind_int64 (stmt, 4, input->follow_up_by);
  nt_sql_bind_stripped (stmt, 5, input->due_date);
  if (!nt_store_step_done (store, stmt, error))
    return 0;
  nt_store_emit_changed (store, "dialogue_items");
  return sqlite3_last_insert_rowid (nt_store_get_db (store));
}

gboolean
nt_dialogues_update_item (NtStore                    *store,
                          gint64                      item_id,
                          const NtDialogueItemInput  *input,
                          GError                    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (input != NULL, FALSE);

  if (!nt_access_require (store, NT_PERM_RECORD_DORM_LIFE, error) || !check_item (store, input, error) ||
      !due_after_dialogue (store, "SELECT d.held_on FROM dialogue_items i JOIN dialogues d ON d.id = i.dialogue_id "
                                  "WHERE i.id = ?1", item_id, input, error))
    return FALSE;
  stmt = nt_store_prepare (store,
                           "UPDATE dialogue_items SET question = ?2, answer = ?3, follow_up_by = nullif (?4, 0), "
                           "  due_date = nullif (?5, '') WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  nt_sql_bind_stripped (stmt, 2, input->question);
  nt_sql_bind_stripped (stmt, 3, input->answer);
  sqlite3_bind_int64 (stmt, 4, input->follow_up_by);
  nt_sql_bind_stripped (stmt, 5, input->due_date);
  return nt_store_step_done (store, stmt, error) && changed_one (store, "dialogue_items", error);
}

/**
 * nt_dialogues_close_item:
 * @date: (nullable): ISO, the day it was settled; %NULL for today
 */
gboolean
nt_dialogues_close_item (NtStore     *store,
                         gint64       item_id,
                         const char  *date,
                         GError     **error)
{
  g_autofree char *today = nt_date_today_iso ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_RECORD_DORM_LIFE, error))
    return FALSE;
  if (date == NULL)
    date = today;
  if (!nt_date_iso_valid (date))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The date the item was settled, “%s”, is not a date (YYYY-MM-DD)."), date);
      return FALSE;
    }
  stmt = nt_store_prepare (store, "UPDATE dialogue_items SET closed_at = ?2 WHERE id = ?1 AND closed_at IS NULL",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  nt_sql_bind_stripped (stmt, 2, date);
  return nt_store_step_done (store, stmt, error) && changed_one (store, "dialogue_items", error);
}

gboolean
nt_dialogues_reopen_item (NtStore  *store,
                          gint64    item_id,
                          GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_RECORD_DORM_LIFE, error))
    return FALSE;
  stmt = nt_store_prepare (store, "UPDATE dialogue_items SET closed_at = NULL WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  return nt_store_step_done (store, stmt, error) && changed_one (store, "dialogue_items", error);
}

/* ----- reading ----------------------------------------------------------- */

#define DIALOGUE_SELECT \
  "SELECT d.id, d.held_on, ifnull (d.chaired_by, 0), st.full_name, d.attendees, d.note, " \
  "  (SELECT count(*) FROM dialogue_items i WHERE i.dialogue_id = d.id), " \
  "  (SELECT count(*) FROM dialogue_items i WHERE i.dialogue_id = d.id AND i.closed_at IS NULL) " \
  "FROM dialogues d LEFT JOIN staff st ON st.id = d.chaired_by "

static NtDialogue *
dialogue_from_row (sqlite3_stmt *stmt)
{
  NtDialogue *d = g_object_new (NT_TYPE_DIALOGUE, NULL);

  d->id = sqlite3_column_int64 (stmt, 0);
  d->held_on = nt_sql_column_dup (stmt, 1);
  d->chaired_by = sqlite3_column_int64 (stmt, 2);
  d->chair_name = nt_sql_column_dup (stmt, 3);
  d->attendees = nt_sql_column_dup (stmt, 4);
  d->note = nt_sql_column_dup (stmt, 5);
  d->n_items = (guint) sqlite3_column_int (stmt, 6);
  d->n_open = (guint) sqlite3_column_int (stmt, 7);
  return d;
}

/**
 * nt_dialogues_list:
 *
 * Returns: (transfer full): every #NtDialogue, the latest first
 */
GListStore *
nt_dialogues_list (NtStore  *store,
                   GError  **error)
{
  g_autoptr(GListStore) list = g_list_store_new (NT_TYPE_DIALOGUE);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store, DIALOGUE_SELECT "ORDER BY d.held_on DESC, d.id DESC", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(NtDialogue) d = dialogue_from_row (stmt);

      g_list_store_append (list, d);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}

NtDialogue *
nt_dialogues_load (NtStore  *store,
                   gint64    dialogue_id,
                   GError  **error)
{
  sqlite3_stmt *stmt;
  NtDialogue *d;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_row_for_id (store, DIALOGUE_SELECT "WHERE d.id = ?1", dialogue_id,
                              _("This dialogue or item no longer exists (removed in another window?)."), error);
  if (stmt == NULL)
    return NULL;
  d = dialogue_from_row (stmt);
  sqlite3_reset (stmt);
  return d;
}

#define ITEM_SELECT \
  "SELECT i.id, i.dialogue_id, d.held_on, i.question, i.answer, ifnull (i.follow_up_by, 0), st.full_name, " \
  "  i.due_date, i.closed_at, (i.closed_at IS NULL AND i.due_date < ?9) " \
  "FROM dialogue_items i JOIN dialogues d ON d.id = i.dialogue_id " \
  "LEFT JOIN staff st ON st.id = i.follow_up_by "

static GListStore *
items_from (sqlite3_stmt *stmt)
{
  GListStore *list = g_list_store_new (NT_TYPE_DIALOGUE_ITEM);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(NtDialogueItem) i = g_object_new (NT_TYPE_DIALOGUE_ITEM, NULL);

      i->id = sqlite3_column_int64 (stmt, 0);
      i->dialogue_id = sqlite3_column_int64 (stmt, 1);
      i->held_on = nt_sql_column_dup (stmt, 2);
      i->question = nt_sql_column_dup (stmt, 3);
      i->answer = nt_sql_column_dup (stmt, 4);
      i->follow_up_by = sqlite3_column_int64 (stmt, 5);
      i->follow_up_name = nt_sql_column_dup (stmt, 6);
      i->due_date = nt_sql_column_dup (stmt, 7);
      i->closed_at = nt_sql_column_dup (stmt, 8);
      i->open = i->closed_at == NULL;
      i->overdue = sqlite3_column_int (stmt, 9) != 0;
      g_list_store_append (list, i);
    }
  sqlite3_reset (stmt);
  return list;
}

/**
 * nt_dialogues_items:
 * @today: (nullable): ISO, the day overdue is judged on; %NULL for today
 *
 * Returns: (transfer full): the #NtDialogueItem rows of a dialogue, in the
 *   order they were raised
 */
GListStore *
nt_dialogues_items (NtStore     *store,
                    gint64       dialogue_id,
                    const char  *today,
                    GError     **error)
{
  g_autofree char *now = nt_date_today_iso ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store, ITEM_SELECT "WHERE i.dialogue_id = ?1 ORDER BY i.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, dialogue_id);
  sqlite3_bind_text (stmt, 9, today ? today : now, -1, SQLITE_TRANSIENT);
  return items_from (stmt);
}

/**
 * nt_dialogues_open_items:
 * @today: (nullable): ISO, the day overdue is judged on; %NULL for today
 *
 * Returns: (transfer full): every open #NtDialogueItem, overdue first, then
 *   by due date (none last) and dialogue date
 */
GListStore *
nt_dialogues_open_items (NtStore     *store,
                         const char  *today,
                         GError     **error)
{
  g_autofree char *now = nt_date_today_iso ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store,
                           ITEM_SELECT "WHERE i.closed_at IS NULL "
                           "ORDER BY i.due_date IS NULL, i.due_date, d.held_on, i.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 9, today ? today : now, -1, SQLITE_TRANSIENT);
  return items_from (stmt);
}

/**
 * nt_dialogues_count_open:
 *
 * Returns: how many dialogue items are still open (for the Overview)
 */
guint
nt_dialogues_count_open (NtStore *store)
{
  g_return_val_if_fail (NT_IS_STORE (store), 0);

  return (guint) MAX (0, nt_store_count (store, "SELECT count(*) FROM dialogue_items WHERE closed_at IS NULL"));
}
