/* nt-rule-sets.c: rule sets (nội quy, quy chế) and their versions
 *
 * A version is never changed once people may have signed it: a changed
 * text is a new version (a new row of the same family), which makes every
 * earlier signature out of date. The family key is made once from the
 * first name, so that renaming the set in a later version keeps it.
 */
#define G_LOG_DOMAIN "nt-rule-sets"

#include <string.h>

#include "nt-access.h"
#include "nt-commitments.h"
#include "nt-commitments-private.h"
#include "nt-date.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-row.h"
#include "nt-util.h"
#include "nt-vntext.h"

/* ----- list rows --------------------------------------------------------- */

static const NtRowField rule_set_fields[] = {
  NT_ROW_PROPERTY (NtRuleSet, id, "id", INT64),
  NT_ROW_PROPERTY (NtRuleSet, family, "family", STRING),
  NT_ROW_PROPERTY (NtRuleSet, name, "name", STRING),
  NT_ROW_PROPERTY (NtRuleSet, version, "version", INT),
  NT_ROW_PROPERTY (NtRuleSet, title, "title", STRING),
  NT_ROW_PROPERTY (NtRuleSet, effective_date, "effective-date", STRING),
  NT_ROW_OWNED_STRING (NtRuleSet, audience),
  NT_ROW_OWNED_STRING (NtRuleSet, body),
};

NT_DEFINE_ROW_TYPE (NtRuleSet, nt_rule_set, rule_set_fields)

/* ----- words ------------------------------------------------------------- */

/* "boarders": the students who live in the dorm (stored as a set for
 * students with boarders_only, migration 008). */
static const char * const audiences[] = { "students", "boarders", "staff", "both", NULL };

const char *
nt_rule_set_audience_label (const char *audience)
{
  if (g_strcmp0 (audience, "students") == 0)
    return _("Students");
  if (g_strcmp0 (audience, "boarders") == 0)
    return _("Boarding students");
  if (g_strcmp0 (audience, "staff") == 0)
    return _("Staff");
  if (g_strcmp0 (audience, "both") == 0)
    return _("Students and staff");
  return "";
}

gboolean
nt_rule_set_for_students (NtRuleSet *set)
{
  g_return_val_if_fail (NT_IS_RULE_SET (set), FALSE);
  return g_strcmp0 (set->audience, "staff") != 0;
}

gboolean
nt_rule_set_for_staff (NtRuleSet *set)
{
  g_return_val_if_fail (NT_IS_RULE_SET (set), FALSE);
  return g_strcmp0 (set->audience, "staff") == 0 || g_strcmp0 (set->audience, "both") == 0;
}

/* Whether only the boarding students (not the day and semi-boarding ones)
 * must sign @set. */
gboolean
nt_rule_set_boarders_only (NtRuleSet *set)
{
  g_return_val_if_fail (NT_IS_RULE_SET (set), FALSE);
  return g_strcmp0 (set->audience, "boarders") == 0;
}

/**
 * nt_rule_sets_family_key:
 *
 * Returns: (transfer full): the family key of a set called @name: its
 *   folded words joined by "-" ("Nội quy khu nội trú" → "noi-quy-khu-noi-tru")
 */
char *
nt_rule_sets_family_key (const char *name)
{
  g_autofree char *folded = NULL;
  GString *key;
  gboolean dash = FALSE;

  g_return_val_if_fail (name != NULL, NULL);

  folded = nt_vn_fold (name);
  key = g_string_new (NULL);
  for (const char *p = folded; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && key->len > 0)
            g_string_append_c (key, '-');
          g_string_append_c (key, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        dash = TRUE;
    }
  return g_string_free (key, FALSE);
}

/* The number a pasted article may start with: "Điều 3.", "Điều 3:", "3.",
 * "3)", "3 -". Returns where the text after it starts, or @line. */
static const char *
skip_article_number (const char *line)
{
  const char *p = line;
  const char *digits;

  if (g_str_has_prefix (p, "Điều "))
    p += strlen ("Điều ");
  else if (g_ascii_strncasecmp (p, "Article ", 8) == 0)
    p += 8;
  digits = p;
  while (g_ascii_isdigit (*p))
    p++;
  if (p == digits || p - digits > 3)
    return line;
  while (*p == ' ')
    p++;
  if (*p != '.' && *p != ':' && *p != ')' && *p != '-')
    return line;
  p++;
  while (*p == ' ' || *p == '\t')
    p++;
  return *p ? p : line;
}

/**
 * nt_rule_set_articles:
 *
 * The articles of @set's body: one per non-empty line, without the number
 * the text was pasted with (the printed form numbers them itself).
 *
 * Returns: (transfer full): the articles, %NULL-terminated
 */
char **
nt_rule_set_articles (NtRuleSet *set)
{
  g_auto(GStrv) lines = NULL;
  GPtrArray *articles;

  g_return_val_if_fail (NT_IS_RULE_SET (set), NULL);

  articles = g_ptr_array_new ();
  lines = g_strsplit (set->body ? set->body : "", "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line)
        g_ptr_array_add (articles, g_strdup (skip_article_number (line)));
    }
  g_ptr_array_add (articles, NULL);
  return (char **) g_ptr_array_free (articles, FALSE);
}

/* ----- reading ----------------------------------------------------------- */

#define RULE_SET_COLUMNS \
  "r.id, r.family, r.name, CASE WHEN r.boarders_only THEN 'boarders' ELSE r.audience END, r.version, " \
  "(SELECT max(x.version) FROM rule_sets x WHERE x.family = r.family), " \
  "r.title, r.effective_date, r.body "

static NtRuleSet *
rule_set_from_row (sqlite3_stmt *stmt)
{
  NtRuleSet *set = g_object_new (NT_TYPE_RULE_SET, NULL);

  set->id = sqlite3_column_int64 (stmt, 0);
  set->family = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  set->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  set->audience = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  set->version = sqlite3_column_int (stmt, 4);
  set->latest_version = sqlite3_column_int (stmt, 5);
  set->title = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  set->effective_date = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  set->body = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  return set;
}

static GListStore *
list_query (NtStore     *store,
            const char  *sql,
            const char  *family,
            GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (NT_TYPE_RULE_SET);
  sqlite3_stmt *stmt = nt_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (family)
    sqlite3_bind_text (stmt, 1, family, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(NtRuleSet) set = rule_set_from_row (stmt);

      g_list_store_append (list, set);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      nt_store_set_error (store, error, _("Reading the rule sets"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

/**
 * nt_rule_sets_list:
 *
 * Returns: (transfer full): the latest version of every rule set, by name
 */
GListStore *
nt_rule_sets_list (NtStore  *store,
                   GError  **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  return list_query (store,
                     "SELECT " RULE_SET_COLUMNS "FROM rule_sets r "
                     "WHERE r.version = (SELECT max(x.version) FROM rule_sets x WHERE x.family = r.family) "
                     "ORDER BY (r.audience = 'staff'), r.name, r.id",
                     NULL, error);
}

/**
 * nt_rule_sets_versions:
 *
 * Returns: (transfer full): every version of @family, the latest first
 */
GListStore *
nt_rule_sets_versions (NtStore     *store,
                       const char  *family,
                       GError     **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (family != NULL, NULL);

  return list_query (store,
                     "SELECT " RULE_SET_COLUMNS "FROM rule_sets r WHERE r.family = ?1 ORDER BY r.version DESC",
                     family, error);
}

/**
 * nt_rule_sets_load:
 *
 * Returns: (transfer full): the version @id, or %NULL with %NT_ERROR_NOT_FOUND
 */
NtRuleSet *
nt_rule_sets_load (NtStore  *store,
                   gint64    id,
                   GError  **error)
{
  sqlite3_stmt *stmt;
  NtRuleSet *set;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_row_for_id (store, "SELECT " RULE_SET_COLUMNS "FROM rule_sets r WHERE r.id = ?1",
                              id, _("The rule set no longer exists."), error);
  if (stmt == NULL)
    return NULL;
  set = rule_set_from_row (stmt);
  sqlite3_reset (stmt);
  return set;
}

/**
 * nt_rule_sets_find:
 * @family_or_name: a family key ("noi-quy-khu-noi-tru") or a set's name,
 *   as written or without its diacritics
 *
 * Returns: (transfer full): the latest version of the set, or %NULL with
 *   %NT_ERROR_NOT_FOUND naming the sets there are
 */
NtRuleSet *
nt_rule_sets_find (NtStore     *store,
                   const char  *family_or_name,
                   GError     **error)
{
  g_autoptr(GListStore) sets = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GString) known = NULL;
  guint n;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (family_or_name != NULL, NULL);

  sets = nt_rule_sets_list (store, error);
  if (sets == NULL)
    return NULL;
  key = nt_rule_sets_family_key (family_or_name);
  n = g_list_model_get_n_items (G_LIST_MODEL (sets));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtRuleSet) set = g_list_model_get_item (G_LIST_MODEL (sets), i);
      g_autofree char *name_key = nt_rule_sets_family_key (set->name);

      if (g_strcmp0 (set->family, family_or_name) == 0 || g_strcmp0 (set->family, key) == 0 ||
          g_strcmp0 (name_key, key) == 0)
        return g_steal_pointer (&set);
    }

  known = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtRuleSet) set = g_list_model_get_item (G_LIST_MODEL (sets), i);

      if (known->len)
        g_string_append (known, ", ");
      g_string_append (known, set->family);
    }
  if (n == 0)
    g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                 _("There is no rule set “%s”: the school has no rule sets yet."), family_or_name);
  else
    g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                 _("There is no rule set “%s”. The rule sets are: %s."), family_or_name, known->str);
  return NULL;
}

/* ----- editing ----------------------------------------------------------- */

/* Returns: (transfer full): @text (dd/mm/yyyy or ISO) as ISO, or %NULL with
 *   @error set naming @what */
char *
nt_commitments_parse_date (const char  *text,
                           const char  *what,
                           GError     **error)
{
  g_autoptr(GDate) date = NULL;
  g_autoptr(GError) local = NULL;

  if (nt_str_empty (text))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("%s is empty; write it as dd/mm/yyyy."), what);
      return NULL;
    }
  if (strlen (text) == 10 && text[4] == '-' && text[7] == '-')
    date = nt_date_from_iso (text);
  else
    date = nt_date_parse_display (text, &local);
  if (date == NULL)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("%s “%s” is not a date; write it as dd/mm/yyyy."),
                   what, text);
      return NULL;
    }
  return nt_date_to_iso (date);
}

/* Whether @text is NULL or only white space. */
static gboolean
text_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
check_input (const NtRuleSetInput  *input,
             const char            *name,
             char                 **effective,
             GError               **error)
{
  g_autofree char *what = NULL;

  if (input->audience != NULL && !g_strv_contains (audiences, input->audience))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The rule set “%s” is for “%s”: it must be for students, boarding students, staff or both."),
                   name, input->audience);
      return FALSE;
    }
  if (text_blank (input->title))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The new version of the rule set “%s” has no title; write the title printed on the form."),
                   name);
      return FALSE;
    }
  what = g_strdup_printf (_("The effective date of the rule set “%s”"), name);
  *effective = nt_commitments_parse_date (input->effective_date, what, error);
  if (*effective == NULL)
    return FALSE;
  if (text_blank (input->body))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The new version of the rule set “%s” has no articles; paste its text, one article per line."),
                   name);
      return FALSE;
    }
  return TRUE;
}

static gint64
insert_version (NtStore     *store,
                const char  *family,
                const char  *name,
                const char  *audience,
                int          version,
                const char  *title,
                const char  *effective,
                const char  *body,
                GError     **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "INSERT INTO rule_sets (name, audience, version, title, effective_date, body, family, "
                                         "  boarders_only) "
                                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  g_autofree char *trimmed_title = g_strstrip (g_strdup (title));
  g_autofree char *trimmed_body = g_strstrip (g_strdup (body));

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, g_strcmp0 (audience, "boarders") == 0 ? "students" : audience, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 8, g_strcmp0 (audience, "boarders") == 0);
  sqlite3_bind_int (stmt, 3, version);
  sqlite3_bind_text (stmt, 4, trimmed_title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, effective, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, trimmed_body, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, family, -1, SQLITE_TRANSIENT);
  if (!nt_store_step_done (store, stmt, error))
    return 0;
  nt_store_emit_changed (store, "rule_sets");
  return sqlite3_last_insert_rowid (nt_store_get_db (store));
}

/**
 * nt_rule_sets_create:
 *
 * Adds a new rule set with its first version. The name, the audience, the
 * title, the effective date and the body are required; the family key is
 * made from the name and must be new.
 *
 * Returns: the id of the version, 0 with @error set
 */
gint64
nt_rule_sets_create (NtStore               *store,
                     const NtRuleSetInput  *input,
                     GError               **error)
{
  g_autofree char *name = NULL;
  g_autofree char *family = NULL;
  g_autofree char *effective = NULL;
  g_autoptr(NtRuleSet) existing = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), 0);
  g_return_val_if_fail (input != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!nt_access_require (store, NT_PERM_MANAGE_RULES, error))
    return 0;

  name = g_strstrip (g_strdup (input->name ? input->name : ""));
  if (*name == '\0')
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The rule set has no name; give it one, such as “Nội quy khu nội trú”."));
      return 0;
    }
  if (input->audience == NULL)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Say whom the rule set “%s” is for: students, staff or both."), name);
      return 0;
    }
  if (!check_input (input, name, &effective, error))
    return 0;
  family = nt_rule_sets_family_key (name);
  if (*family == '\0')
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The name of the rule set “%s” has no letters or digits."), name);
      return 0;
    }
  existing = nt_rule_sets_find (store, family, NULL);
  if (existing != NULL)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_EXISTS,
                   _("There is already a rule set “%s”; add a new version to it instead."), existing->name);
      return 0;
    }
  return insert_version (store, family, name, input->audience, 1, input->title, effective, input->body, error);
}

/**
 * nt_rule_sets_add_version:
 *
 * Adds the next version of @family: @input's title, effective date and
 * body; its name and audience when given, else the previous version's.
 * Every signature of an earlier version is out of date from now on.
 *
 * Returns: the id of the new version, 0 with @error set
 */
gint64
nt_rule_sets_add_version (NtStore               *store,
                          const char            *family,
                          const NtRuleSetInput  *input,
                          GError               **error)
{
  g_autoptr(NtRuleSet) latest = NULL;
  g_autofree char *effective = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), 0);
  g_return_val_if_fail (family != NULL, 0);
  g_return_val_if_fail (input != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!nt_access_require (store, NT_PERM_MANAGE_RULES, error))
    return 0;
  latest = nt_rule_sets_find (store, family, error);
  if (latest == NULL)
    return 0;
  name = g_strstrip (g_strdup (nt_str_empty (input->name) ? latest->name : input->name));
  if (*name == '\0')
    name = g_strdup (latest->name);
  if (!check_input (input, name, &effective, error))
    return 0;
  if (strcmp (effective, latest->effective_date) < 0)
    {
      g_autofree char *shown = nt_date_iso_to_display (effective);
      g_autofree char *before = nt_date_iso_to_display (latest->effective_date);

      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Version %d of “%s” would take effect on %s, before version %d (%s)."),
                   latest->version + 1, name, shown, latest->version, before);
      return 0;
    }
  return insert_version (store, latest->family, name, input->audience ? input->audience : latest->audience,
                         latest->latest_version + 1, input->title, effective, input->body, error);
}
