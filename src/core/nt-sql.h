/* nt-sql.h: small helpers for reading and binding sqlite3 statement columns,
 * shared by the core modules so each one does not write its own copy */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* A copy of the text in column @col, or NULL when it is NULL. */
static inline char *
nt_sql_column_dup (sqlite3_stmt *stmt,
                   int           col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

/* Binds @text to ?@col; NULL binds the empty string, for NOT NULL columns. */
static inline void
nt_sql_bind_text (sqlite3_stmt *stmt,
                  int           col,
                  const char   *text)
{
  sqlite3_bind_text (stmt, col, text ? text : "", -1, SQLITE_TRANSIENT);
}

/* Binds @text to ?@col; NULL binds SQL NULL. */
static inline void
nt_sql_bind_text_or_null (sqlite3_stmt *stmt,
                          int           col,
                          const char   *text)
{
  if (text)
    sqlite3_bind_text (stmt, col, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, col);
}

/* Binds @text without leading and trailing white space (typed by a user);
 * NULL binds the empty string. */
static inline void
nt_sql_bind_stripped (sqlite3_stmt *stmt,
                      int           col,
                      const char   *text)
{
  sqlite3_bind_text (stmt, col, text ? g_strstrip (g_strdup (text)) : g_strdup (""), -1, g_free);
}

G_END_DECLS
