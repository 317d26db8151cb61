/* nt-bulk.c: writing many rows with the insert triggers done in bulk
 *
 * Written one statement a row with its triggers on, a table with an audit
 * trigger (and students with its search index) spends most of the time of
 * a large write in them: every statement with triggers opens a statement
 * savepoint (at each of which FTS5 writes out a new index segment, merged
 * again and again), makes SQLite look, for every row, in each table whose
 * foreign key points at this one, and runs the trigger's own statement.
 *
 * So a large write (an import, a term-start assignment) suspends the AFTER
 * INSERT triggers of the table (dropped inside the caller's transaction,
 * so that a failure brings them back with the rollback), writes its rows,
 * and then does what each trigger would have done, for all the new rows at
 * once: the trigger's INSERT … VALUES (NEW.…) becomes INSERT … SELECT …
 * FROM the table AS NEW WHERE NEW.id > the largest id before. That SQL is
 * taken from the trigger itself, so the audit rows (the same JSON, one per
 * row, in id order) and the search index are exactly what the triggers
 * write. A trigger of another shape is left in place and runs row by row.
 */
#define G_LOG_DOMAIN "nt-bulk"

#include <string.h>

#include "nt-bulk.h"
#include "nt-error.h"
#include "nt-i18n.h"

typedef struct
{
  char *name;
  char *create_sql;    /* the trigger as stored, to create it again */
  char *bulk_sql;      /* its statement over the rows with id > ?1 */
} SuspendedTrigger;

struct _NtBulkTriggers
{
  GArray *triggers;    /* SuspendedTrigger */
};

static void
suspended_trigger_clear (gpointer data)
{
  SuspendedTrigger *t = data;

  g_free (t->name);
  g_free (t->create_sql);
  g_free (t->bulk_sql);
}

/* One token of SQL: a word, a quoted string or name, or one character.
 * Returns FALSE at the end of the text. */
static gboolean
sql_token (const char **p,
           const char **start,
           gsize       *len)
{
  const char *s = *p;

  while (g_ascii_isspace (*s))
    s++;
  if (*s == '\0')
    return FALSE;
  *start = s;
  if (*s == '\'' || *s == '"' || *s == '`' || *s == '[')
    {
      char close = *s == '[' ? ']' : *s;

      for (s++; *s; s++)
        if (*s == close)
          {
            /* '' inside a string is a quote, not its end. */
            if (close != ']' && s[1] == close)
              s++;
            else
              break;
          }
      if (*s == '\0')
        return FALSE;   /* unterminated: not SQL we understand */
      s++;
    }
  else if (g_ascii_isalnum (*s) || *s == '_' || *s == '$' || (guchar) *s >= 0x80)
    while (g_ascii_isalnum (*s) || *s == '_' || *s == '$' || (guchar) *s >= 0x80)
      s++;
  else if ((*s == '-' && s[1] == '-') || (*s == '/' && s[1] == '*'))
    return FALSE;       /* comments: not in the triggers this understands */
  else
    s++;
  *len = s - *start;
  *p = s;
  return TRUE;
}

static gboolean
token_is (const char *start,
          gsize       len,
          const char *word)
{
  return strlen (word) == len && g_ascii_strncasecmp (start, word, len) == 0;
}

/* The statement that does for all the rows of @table with id > ?1 what
 * the trigger @sql does for one new row, or NULL when the trigger is not
 * "AFTER INSERT ON table [FOR EACH ROW] BEGIN INSERT INTO t (…) VALUES
 * (…); END" (a WHEN clause, several statements, several rows…). */
static char *
bulk_sql_from_trigger (const char *sql,
                       const char *table)
{
  const char *p = sql, *start = NULL, *insert = NULL, *values = NULL, *open = NULL, *close = NULL;
  gsize len = 0;
  gboolean after = FALSE, on_insert = FALSE;
  guint n_after = 0;
  int depth = 0;

  /* The head, up to BEGIN. */
  while (sql_token (&p, &start, &len) && !token_is (start, len, "BEGIN"))
    {
      if (token_is (start, len, "WHEN") || token_is (start, len, "TEMP") || token_is (start, len, "TEMPORARY")
          || token_is (start, len, "OF"))
        return NULL;
      /* AFTER INSERT, the two words together, and once. */
      on_insert |= after && token_is (start, len, "INSERT");
      after = token_is (start, len, "AFTER");
      n_after += after;
    }
  if (!token_is (start, len, "BEGIN") || !on_insert || n_after != 1)
    return NULL;

  /* INSERT [OR …] INTO t [(columns)] VALUES ( … ) ; END */
  if (!sql_token (&p, &start, &len) || !token_is (start, len, "INSERT"))
    return NULL;
  insert = start;
  while (sql_token (&p, &start, &len))
    {
      if (token_is (start, len, "VALUES") || token_is (start, len, "SELECT") || token_is (start, len, ";"))
        break;
    }
  if (!token_is (start, len, "VALUES"))
    return NULL;
  values = start;
  if (!sql_token (&p, &start, &len) || !token_is (start, len, "("))
    return NULL;
  open = start;
  depth = 1;
  while (depth > 0 && sql_token (&p, &start, &len))
    {
      if (token_is (start, len, "("))
        depth++;
      else if (token_is (start, len, ")"))
        depth--;
    }
  if (depth != 0)
    return NULL;
  close = start;
  if (!sql_token (&p, &start, &len) || !token_is (start, len, ";")
      || !sql_token (&p, &start, &len) || !token_is (start, len, "END"))
    return NULL;
  while (sql_token (&p, &start, &len))
    if (!token_is (start, len, ";"))
      return NULL;

  return g_strdup_printf ("%.*s SELECT %.*s FROM main.\"%s\" AS NEW WHERE NEW.id > ?1 ORDER BY NEW.id",
                          (int) (values - insert), insert, (int) (close - open - 1), open + 1, table);
}

static void
append_quoted (GString    *s,
               const char *name)
{
  g_string_append_c (s, '"');
  for (const char *c = name; *c; c++)
    {
      if (*c == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *c);
    }
  g_string_append_c (s, '"');
}

/**
 * nt_bulk_suspend_insert_triggers:
 * @table: a table with an INTEGER PRIMARY KEY id (a name of the schema,
 *   not user input)
 *
 * Inside a transaction: drops the AFTER INSERT triggers of @table that can
 * be done in bulk. Rows inserted until nt_bulk_resume_insert_triggers()
 * must get ids above every id the table has now, which is what SQLite
 * gives new rows when the id is left to it.
 *
 * Returns: (transfer full): the triggers, or %NULL with @error set
 */
NtBulkTriggers *
nt_bulk_suspend_insert_triggers (NtStore     *store,
                                 const char  *table,
                                 GError     **error)
{
  g_autoptr(NtBulkTriggers) self = g_new0 (NtBulkTriggers, 1);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (table != NULL && strchr (table, '"') == NULL, NULL);

  self->triggers = g_array_new (FALSE, TRUE, sizeof (SuspendedTrigger));
  g_array_set_clear_func (self->triggers, suspended_trigger_clear);
  stmt = nt_store_prepare (store,
                           "SELECT name, sql FROM main.sqlite_master "
                           "WHERE type = 'trigger' AND tbl_name = ?1 ORDER BY name", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *sql = (const char *) sqlite3_column_text (stmt, 1);
      char *bulk = sql ? bulk_sql_from_trigger (sql, table) : NULL;
      SuspendedTrigger t;

      if (bulk == NULL)
        continue;
      t.name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      t.create_sql = g_strdup (sql);
      t.bulk_sql = bulk;
      g_array_append_val (self->triggers, t);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      nt_store_set_error (store, error, _("save the change"));
      return NULL;
    }

  for (guint i = 0; i < self->triggers->len; i++)
    {
      g_autoptr(GString) drop = g_string_new ("DROP TRIGGER main.");

      append_quoted (drop, g_array_index (self->triggers, SuspendedTrigger, i).name);
      if (!nt_store_exec (store, drop->str, error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * nt_bulk_resume_insert_triggers:
 * @after_id: the largest id of the table when the triggers were suspended
 *
 * Does what the suspended triggers would have done for the rows with id
 * above @after_id, and creates the triggers again.
 */
gboolean
nt_bulk_resume_insert_triggers (NtStore         *store,
                                NtBulkTriggers  *self,
                                gint64           after_id,
                                GError         **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->triggers->len; i++)
    {
      SuspendedTrigger *t = &g_array_index (self->triggers, SuspendedTrigger, i);
      sqlite3_stmt *stmt = nt_store_prepare (store, t->bulk_sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, after_id);
      if (!nt_store_step_done (store, stmt, error))
        return FALSE;
    }
  for (guint i = 0; i < self->triggers->len; i++)
    if (!nt_store_exec (store, g_array_index (self->triggers, SuspendedTrigger, i).create_sql, error))
      return FALSE;
  return TRUE;
}

void
nt_bulk_triggers_free (NtBulkTriggers *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->triggers, g_array_unref);
  g_free (self);
}
