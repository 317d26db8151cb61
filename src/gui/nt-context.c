/* nt-context.c */
#define G_LOG_DOMAIN "nt-context"

#include "nt-context.h"

struct _NtContext
{
  GObject        parent_instance;
  NtStore       *store;
  GSettings     *settings;
  NtStaffMember *user;
};

G_DEFINE_FINAL_TYPE (NtContext, nt_context, G_TYPE_OBJECT)

enum { PROP_0, PROP_STORE, PROP_SETTINGS, PROP_USER, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
nt_context_dispose (GObject *object)
{
  NtContext *self = NT_CONTEXT (object);

  g_clear_object (&self->user);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (nt_context_parent_class)->dispose (object);
}

static void
nt_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  NtContext *self = NT_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_USER:
      g_value_set_object (value, self->user);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nt_context_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  NtContext *self = NT_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nt_context_class_init (NtContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nt_context_dispose;
  object_class->get_property = nt_context_get_property;
  object_class->set_property = nt_context_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, NT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER] =
    g_param_spec_object ("user", NULL, NULL, NT_TYPE_STAFF_MEMBER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nt_context_init (NtContext *self)
{
}

NtContext *
nt_context_new (NtStore   *store,
                GSettings *settings)
{
  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (NT_TYPE_CONTEXT, "store", store, "settings", settings, NULL);
}

NtStore *
nt_context_get_store (NtContext *self)
{
  g_return_val_if_fail (NT_IS_CONTEXT (self), NULL);
  return self->store;
}

GSettings *
nt_context_get_settings (NtContext *self)
{
  g_return_val_if_fail (NT_IS_CONTEXT (self), NULL);
  return self->settings;
}

NtStaffMember *
nt_context_get_user (NtContext *self)
{
  g_return_val_if_fail (NT_IS_CONTEXT (self), NULL);
  return self->user;
}

/* The choice is remembered per database file: a laptop may hold the demo
 * school and the real one. */
static void
remember_user (NtContext  *self,
               const char *code)
{
  g_autoptr(GVariant) old = g_settings_get_value (self->settings, "current-users");
  const char *path = nt_store_get_path (self->store);
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key, *value;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    if (!g_str_equal (key, path))
      g_variant_builder_add (&builder, "{ss}", key, value);
  g_variant_builder_add (&builder, "{ss}", path, code);
  g_settings_set_value (self->settings, "current-users", g_variant_builder_end (&builder));
}

/**
 * nt_context_set_user:
 *
 * Makes @user the person every change is recorded against.
 */
gboolean
nt_context_set_user (NtContext      *self,
                     NtStaffMember  *user,
                     GError        **error)
{
  g_return_val_if_fail (NT_IS_CONTEXT (self), FALSE);
  g_return_val_if_fail (NT_IS_STAFF_MEMBER (user), FALSE);

  if (!nt_store_set_actor (self->store, user->id, error))
    return FALSE;
  g_set_object (&self->user, user);
  remember_user (self, user->code);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
  return TRUE;
}

/**
 * nt_context_restore_user:
 *
 * Returns: whether the person remembered for this database is still an
 *   active staff member, and is now the current user
 */
gboolean
nt_context_restore_user (NtContext *self)
{
  g_autoptr(GVariant) all = g_settings_get_value (self->settings, "current-users");
  g_autoptr(GListStore) staff = NULL;
  const char *code = NULL;

  g_return_val_if_fail (NT_IS_CONTEXT (self), FALSE);

  if (!g_variant_lookup (all, nt_store_get_path (self->store), "&s", &code))
    return FALSE;

  staff = nt_staff_list (self->store, TRUE, NULL);
  for (guint i = 0; staff && i < g_list_model_get_n_items (G_LIST_MODEL (staff)); i++)
    {
      g_autoptr(NtStaffMember) m = g_list_model_get_item (G_LIST_MODEL (staff), i);
      if (g_strcmp0 (m->code, code) == 0)
        return nt_context_set_user (self, m, NULL);
    }
  return FALSE;
}
