/* nt-student-list.c
 *
 * The model holds only the ids of the matching students, in order; a row's
 * object is loaded when a view asks for it, so 100,000 students cost an
 * array of ids, not 100,000 objects.
 */
#define G_LOG_DOMAIN "nt-student-list"

#include <string.h>

#include "nt-student-list.h"
#include "nt-students.h"
#include "nt-util.h"
#include "nt-vntext.h"

struct _NtStudentList
{
  GObject                parent_instance;
  NtStore               *store;
  GArray                *ids;       /* gint64 */
  GHashTable            *cache;     /* position → NtStudent */
  char                 **tokens;
  gint64                 class_id;
  char                  *gender;
  char                  *boarding;
  NtStudentActiveFilter  active;
  NtStudentSort          sort;
  gboolean               descending;
  gulong                 changed_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NtStudentList, nt_student_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* ----- GListModel ------------------------------------------------------- */

static GType
nt_student_list_get_item_type (GListModel *model)
{
  return NT_TYPE_STUDENT;
}

static guint
nt_student_list_get_n_items (GListModel *model)
{
  return NT_STUDENT_LIST (model)->ids->len;
}

static gpointer
nt_student_list_get_item (GListModel *model,
                          guint       position)
{
  NtStudentList *self = NT_STUDENT_LIST (model);
  NtStudent *student;

  if (position >= self->ids->len)
    return NULL;

  student = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (position));
  if (student == NULL)
    {
      student = nt_students_load (self->store, g_array_index (self->ids, gint64, position), NULL);
      if (student == NULL)
        student = nt_student_new ();
      g_hash_table_insert (self->cache, GUINT_TO_POINTER (position), student);
    }
  return g_object_ref (student);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = nt_student_list_get_item_type;
  iface->get_n_items = nt_student_list_get_n_items;
  iface->get_item = nt_student_list_get_item;
}

/* ----- the query -------------------------------------------------------- */

static const char *
order_by (NtStudentSort sort)
{
  switch (sort)
    {
    case NT_STUDENT_SORT_CODE:       return "s.code";
    case NT_STUDENT_SORT_GENDER:     return "s.gender";
    case NT_STUDENT_SORT_BIRTH_DATE: return "s.birth_date";
    case NT_STUDENT_SORT_CLASS:      return "c.grade, c.name";
    case NT_STUDENT_SORT_ETHNICITY:  return "vi_name_key (s.ethnicity)";
    case NT_STUDENT_SORT_BOARDING:   return "s.boarding";
    case NT_STUDENT_SORT_PHONE:      return "s.guardian_phone";
    case NT_STUDENT_SORT_NAME:
    default:                         return NULL;
    }
}

/**
 * nt_student_list_refresh:
 *
 * Runs the query again and tells the views what changed.
 */
void
nt_student_list_refresh (NtStudentList *self)
{
  g_autoptr(GString) sql = g_string_new ("SELECT s.id FROM students s");
  sqlite3_stmt *stmt = NULL;
  const char *direction;
  const char *key;
  guint old_len;
  int param = 1;
  gboolean searching;
  const char *noindex;

  g_return_if_fail (NT_IS_STUDENT_LIST (self));

  direction = self->descending ? "DESC" : "ASC";
  key = order_by (self->sort);
  if (key != NULL && self->sort == NT_STUDENT_SORT_CLASS)
    g_string_append (sql, " JOIN classes c ON c.id = s.class_id");

  /* With a search, the few matching rows are looked up by id and sorted;
   * "+" keeps SQLite from walking a whole index and probing each row. */
  searching = self->tokens && self->tokens[0];
  noindex = searching ? "+" : "";

  g_string_append (sql, " WHERE 1");
  if (self->active == NT_STUDENT_FILTER_ACTIVE)
    g_string_append_printf (sql, " AND %ss.active = 1", noindex);
  else if (self->active == NT_STUDENT_FILTER_LEFT)
    g_string_append_printf (sql, " AND %ss.active = 0", noindex);
  if (self->class_id > 0)
    g_string_append_printf (sql, " AND %ss.class_id = ?", noindex);
  if (self->gender)
    g_string_append (sql, " AND s.gender = ?");
  if (self->boarding)
    g_string_append (sql, " AND s.boarding = ?");
  if (searching)
    g_string_append (sql, " AND s.id IN (SELECT rowid FROM students_fts WHERE students_fts MATCH ?)");

  /* Name order comes from the students_active_name index (name_key is a
   * memcmp key of the Vietnamese order); other columns break ties by name. */
  if (key != NULL)
    g_string_append_printf (sql, " ORDER BY %s %s, s.name_key, s.id", key, direction);
  else
    g_string_append_printf (sql, " ORDER BY %ss.name_key %s, s.id %s", noindex, direction, direction);

  stmt = nt_store_prepare (self->store, sql->str, NULL);
  g_return_if_fail (stmt != NULL);

  if (self->class_id > 0)
    sqlite3_bind_int64 (stmt, param++, self->class_id);
  if (self->gender)
    sqlite3_bind_text (stmt, param++, self->gender, -1, SQLITE_TRANSIENT);
  if (self->boarding)
    sqlite3_bind_text (stmt, param++, self->boarding, -1, SQLITE_TRANSIENT);
  if (searching)
    {
      g_autofree char *joined = g_strjoinv (" ", self->tokens);
      g_autofree char *query = nt_vn_fts_prefix_query (joined);
      sqlite3_bind_text (stmt, param++, query, -1, SQLITE_TRANSIENT);
    }

  old_len = self->ids->len;
  g_array_set_size (self->ids, 0);
  g_hash_table_remove_all (self->cache);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (self->ids, id);
    }
  sqlite3_reset (stmt);

  if (old_len > 0 || self->ids->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->ids->len);
}

/* ----- GObject ---------------------------------------------------------- */

static void
on_store_changed (NtStore       *store,
                  const char    *table,
                  NtStudentList *self)
{
  nt_student_list_refresh (self);
}

static void
nt_student_list_dispose (GObject *object)
{
  NtStudentList *self = NT_STUDENT_LIST (object);

  if (self->store)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (nt_student_list_parent_class)->dispose (object);
}

static void
nt_student_list_finalize (GObject *object)
{
  NtStudentList *self = NT_STUDENT_LIST (object);

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->tokens, g_strfreev);
  g_clear_pointer (&self->gender, g_free);
  g_clear_pointer (&self->boarding, g_free);

  G_OBJECT_CLASS (nt_student_list_parent_class)->finalize (object);
}

static void
nt_student_list_class_init (NtStudentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nt_student_list_dispose;
  object_class->finalize = nt_student_list_finalize;
}

static void
nt_student_list_init (NtStudentList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->active = NT_STUDENT_FILTER_ACTIVE;
  self->sort = NT_STUDENT_SORT_NAME;
}

/**
 * nt_student_list_new:
 *
 * Returns: (transfer full): the active students in name order; the list
 *   follows changes to the store
 */
NtStudentList *
nt_student_list_new (NtStore *store)
{
  NtStudentList *self;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  self = g_object_new (NT_TYPE_STUDENT_LIST, NULL);
  self->store = g_object_ref (store);
  self->changed_id = g_signal_connect (store, "changed::students", G_CALLBACK (on_store_changed), self);
  nt_student_list_refresh (self);
  return self;
}

/* ----- settings --------------------------------------------------------- */

void
nt_student_list_set_search (NtStudentList *self,
                            const char    *search)
{
  g_auto(GStrv) tokens = NULL;

  g_return_if_fail (NT_IS_STUDENT_LIST (self));

  tokens = nt_vn_search_tokens (search);
  if (self->tokens && g_strv_equal ((const char * const *) tokens, (const char * const *) self->tokens))
    return;
  g_clear_pointer (&self->tokens, g_strfreev);
  self->tokens = g_steal_pointer (&tokens);
  nt_student_list_refresh (self);
}

void
nt_student_list_set_class (NtStudentList *self,
                           gint64         class_id)
{
  g_return_if_fail (NT_IS_STUDENT_LIST (self));
  if (self->class_id == class_id)
    return;
  self->class_id = class_id;
  nt_student_list_refresh (self);
}

void
nt_student_list_set_gender (NtStudentList *self,
                            const char    *gender)
{
  g_return_if_fail (NT_IS_STUDENT_LIST (self));
  if (nt_set_str (&self->gender, nt_str_empty (gender) ? NULL : gender))
    nt_student_list_refresh (self);
}

void
nt_student_list_set_boarding (NtStudentList *self,
                              const char    *boarding)
{
  g_return_if_fail (NT_IS_STUDENT_LIST (self));
  if (nt_set_str (&self->boarding, nt_str_empty (boarding) ? NULL : boarding))
    nt_student_list_refresh (self);
}

void
nt_student_list_set_active (NtStudentList         *self,
                            NtStudentActiveFilter  filter)
{
  g_return_if_fail (NT_IS_STUDENT_LIST (self));
  if (self->active == filter)
    return;
  self->active = filter;
  nt_student_list_refresh (self);
}

void
nt_student_list_set_sort (NtStudentList *self,
                          NtStudentSort  sort,
                          gboolean       descending)
{
  g_return_if_fail (NT_IS_STUDENT_LIST (self));
  if (self->sort == sort && self->descending == descending)
    return;
  self->sort = sort;
  self->descending = descending;
  nt_student_list_refresh (self);
}

gint64
nt_student_list_get_id (NtStudentList *self,
                        guint          position)
{
  g_return_val_if_fail (NT_IS_STUDENT_LIST (self), 0);
  if (position >= self->ids->len)
    return 0;
  return g_array_index (self->ids, gint64, position);
}
