/* nt-school.c */
#define G_LOG_DOMAIN "nt-school"

#include "nt-access.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-school.h"

G_DEFINE_FINAL_TYPE (NtClass, nt_class, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_NAME, PROP_GRADE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
nt_class_finalize (GObject *object)
{
  g_free (NT_CLASS (object)->name);
  G_OBJECT_CLASS (nt_class_parent_class)->finalize (object);
}

static void
nt_class_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  NtClass *self = NT_CLASS (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_GRADE:
      g_value_set_int (value, self->grade);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nt_class_class_init (NtClassClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = nt_class_finalize;
  object_class->get_property = nt_class_get_property;
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_GRADE] = g_param_spec_int ("grade", NULL, NULL, 0, 12, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nt_class_init (NtClass *self)
{
}

/* ----- the school ------------------------------------------------------- */

gboolean
nt_school_set (NtStore             *store,
               const NtSchoolInfo  *info,
               GError             **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  stmt = nt_store_prepare (store,
                           "INSERT INTO school (id, name, address, principal, authority, school_year, curfew) "
                           "VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (id) DO UPDATE SET "
                           "name = excluded.name, address = excluded.address, principal = excluded.principal, "
                           "authority = excluded.authority, school_year = excluded.school_year, "
                           "curfew = excluded.curfew", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, info->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, info->address ? info->address : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, info->principal ? info->principal : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, info->authority ? info->authority : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, info->school_year, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, info->curfew ? info->curfew : "21:30", -1, SQLITE_TRANSIENT);
  if (!nt_store_step_done (store, stmt, error))
    return FALSE;
  nt_store_emit_changed (store, "school");
  return TRUE;
}

/**
 * nt_school_get:
 *
 * Returns: (transfer full) (nullable): the school, or %NULL before it is set
 */
NtSchoolInfo *
nt_school_get (NtStore *store)
{
  sqlite3_stmt *stmt;
  NtSchoolInfo *info;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store,
                           "SELECT name, address, principal, authority, school_year, curfew FROM school WHERE id = 1",
                           NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  info = g_new0 (NtSchoolInfo, 1);
  info->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  info->address = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  info->principal = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  info->authority = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  info->school_year = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  info->curfew = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  sqlite3_reset (stmt);
  return info;
}

void
nt_school_info_free (NtSchoolInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info->address);
  g_free (info->principal);
  g_free (info->authority);
  g_free (info->school_year);
  g_free (info->curfew);
  g_free (info);
}

/* ----- classes ---------------------------------------------------------- */

gint64
nt_classes_add (NtStore     *store,
                const char  *name,
                int          grade,
                GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), 0);

  if (!nt_access_require (store, NT_PERM_MANAGE_STUDENTS, error))
    return 0;

  if (grade < 1 || grade > 12)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("Grade %d does not exist (1 to 12)."), grade);
      return 0;
    }
  stmt = nt_store_prepare (store, "INSERT INTO classes (name, grade) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, grade);
  if (!nt_store_step_done (store, stmt, error))
    return 0;
  nt_store_emit_changed (store, "classes");
  return sqlite3_last_insert_rowid (nt_store_get_db (store));
}

gint64
nt_classes_find (NtStore    *store,
                 const char *name)
{
  sqlite3_stmt *stmt = nt_store_prepare (store, "SELECT id FROM classes WHERE name = ?1", NULL);
  gint64 id;

  g_return_val_if_fail (stmt != NULL, 0);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);  /* do not hold a read transaction open */
  return id;
}

/**
 * nt_classes_list:
 *
 * Returns: (transfer full): the classes by grade, then name
 */
GListStore *
nt_classes_list (NtStore *store)
{
  sqlite3_stmt *stmt;
  GListStore *list = g_list_store_new (NT_TYPE_CLASS);

  g_return_val_if_fail (NT_IS_STORE (store), list);

  stmt = nt_store_prepare (store, "SELECT id, name, grade FROM classes ORDER BY grade, length (name), name", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(NtClass) c = g_object_new (NT_TYPE_CLASS, NULL);

      c->id = sqlite3_column_int64 (stmt, 0);
      c->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      c->grade = sqlite3_column_int (stmt, 2);
      g_list_store_append (list, c);
    }
  if (stmt)
    sqlite3_reset (stmt);
  return list;
}

/* ----- figures ---------------------------------------------------------- */

void
nt_school_figures (NtStore         *store,
                   NtSchoolFigures *f)
{
  g_return_if_fail (NT_IS_STORE (store));

  f->students = nt_store_count (store, "SELECT count(*) FROM students WHERE active = 1");
  f->boarders = nt_store_count (store, "SELECT count(*) FROM students WHERE active = 1 AND boarding = 'boarding'");
  f->rooms = nt_store_count (store,
                             "SELECT count(*) FROM rooms r JOIN buildings b ON b.id = r.building_id "
                             "WHERE r.active = 1 AND b.active = 1 AND r.kind = 'dorm'");
  f->beds = nt_store_count (store,
                            "SELECT count(*) FROM beds d JOIN rooms r ON r.id = d.room_id "
                            "JOIN buildings b ON b.id = r.building_id "
                            "WHERE d.active = 1 AND r.active = 1 AND b.active = 1 AND r.kind = 'dorm'");
  f->free_beds = f->beds - nt_store_count (store,
                                           "SELECT count(*) FROM bed_assignments a JOIN beds d ON d.id = a.bed_id "
                                           "JOIN rooms r ON r.id = d.room_id JOIN buildings b ON b.id = r.building_id "
                                           "WHERE a.end_date IS NULL AND d.active = 1 AND r.active = 1 "
                                           "AND b.active = 1 AND r.kind = 'dorm'");
  f->staff = nt_store_count (store, "SELECT count(*) FROM staff WHERE active = 1");
  f->classes = nt_store_count (store, "SELECT count(*) FROM classes");
}
