/* nt-staff.c */
#define G_LOG_DOMAIN "nt-staff"

#include "nt-access.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-staff.h"
#include "nt-students.h"
#include "nt-util.h"
#include "nt-vntext.h"

G_DEFINE_FINAL_TYPE (NtStaffMember, nt_staff_member, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_FULL_NAME, PROP_ROLE_LABEL, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
nt_staff_member_finalize (GObject *object)
{
  NtStaffMember *self = NT_STAFF_MEMBER (object);

  g_free (self->code);
  g_free (self->full_name);
  g_free (self->gender);
  g_free (self->role);
  g_free (self->phone);
  G_OBJECT_CLASS (nt_staff_member_parent_class)->finalize (object);
}

static void
nt_staff_member_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NtStaffMember *self = NT_STAFF_MEMBER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_FULL_NAME:
      g_value_set_string (value, self->full_name);
      break;
    case PROP_ROLE_LABEL:
      g_value_set_string (value, nt_staff_role_label (self->role));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nt_staff_member_class_init (NtStaffMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = nt_staff_member_finalize;
  object_class->get_property = nt_staff_member_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_FULL_NAME] = g_param_spec_string ("full-name", NULL, NULL, NULL, flags);
  properties[PROP_ROLE_LABEL] = g_param_spec_string ("role-label", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nt_staff_member_init (NtStaffMember *self)
{
}

static NtStaffMember *
member_from_row (sqlite3_stmt *stmt)
{
  NtStaffMember *m = g_object_new (NT_TYPE_STAFF_MEMBER, NULL);

  m->id = sqlite3_column_int64 (stmt, 0);
  m->code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  m->full_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  m->gender = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  m->role = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  m->phone = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  m->active = sqlite3_column_int (stmt, 6);
  return m;
}

#define STAFF_COLUMNS "id, code, full_name, gender, role, phone, active"

/**
 * nt_staff_list:
 *
 * Returns: (transfer full): the staff in Vietnamese name order
 */
GListStore *
nt_staff_list (NtStore   *store,
               gboolean   active_only,
               GError   **error)
{
  sqlite3_stmt *stmt;
  GListStore *list;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store,
                           "SELECT " STAFF_COLUMNS " FROM staff WHERE active >= ?1 ORDER BY name_key, id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, active_only ? 1 : 0);

  list = g_list_store_new (NT_TYPE_STAFF_MEMBER);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(NtStaffMember) m = member_from_row (stmt);
      g_list_store_append (list, m);
    }
  sqlite3_reset (stmt);
  return list;
}

NtStaffMember *
nt_staff_load (NtStore  *store,
               gint64    id,
               GError  **error)
{
  sqlite3_stmt *stmt;
  NtStaffMember *m;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store, "SELECT " STAFF_COLUMNS " FROM staff WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("The staff member no longer exists."));
      return NULL;
    }
  m = member_from_row (stmt);
  sqlite3_reset (stmt);
  return m;
}

const char * const *
nt_staff_roles (void)
{
  static const char * const roles[] = {
    "principal", "vice_principal", "supervisor", "teacher", "guard", "medical", "office", "other", NULL
  };
  return roles;
}

const char *
nt_staff_role_label (const char *role)
{
  static const struct { const char *id; const char *label; } labels[] = {
    { "principal", N_("Principal") },
    { "vice_principal", N_("Vice principal") },
    { "supervisor", N_("Boarding supervisor") },
    { "teacher", N_("Teacher") },
    { "guard", N_("Guard") },
    { "medical", N_("Medical staff") },
    { "office", N_("Office staff") },
    { "other", N_("Other") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].id, role) == 0)
      return _(labels[i].label);
  return "";
}

/**
 * nt_staff_add:
 *
 * Returns: the new staff member's id, or 0 with @error set
 */
gint64
nt_staff_add (NtStore             *store,
              const NtStaffInput  *input,
              GError             **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GBytes) key = NULL;
  g_autofree char *search = NULL;
  g_autofree char *phone = NULL;
  gsize key_len;
  const void *key_data;

  g_return_val_if_fail (NT_IS_STORE (store), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (!nt_access_require (store, NT_PERM_MANAGE_STAFF, error))
    return 0;

  if (nt_str_empty (input->code) || nt_str_empty (input->full_name))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("A staff member needs a code and a full name."));
      return 0;
    }
  if (!g_strv_contains (nt_staff_roles (), input->role))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("“%s” is not a staff role."), input->role);
      return 0;
    }
  if (!nt_str_empty (input->phone) && !nt_phone_normalize (input->phone, &phone))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The phone number has 10 digits and starts with 0 (for example 0912 345 678)."));
      return 0;
    }

  key = nt_vn_name_key (input->full_name);
  key_data = g_bytes_get_data (key, &key_len);
  search = nt_students_search_text (input->full_name, input->code);

  stmt = nt_store_prepare (store,
                           "INSERT INTO staff (code, full_name, name_key, search_text, gender, role, phone) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, input->code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, input->full_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 3, key_data, (int) key_len, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, search, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, input->gender, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, input->role, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, phone ? phone : "", -1, SQLITE_TRANSIENT);
  if (!nt_store_step_done (store, stmt, error))
    return 0;

  nt_store_emit_changed (store, "staff");
  return sqlite3_last_insert_rowid (nt_store_get_db (store));
}
