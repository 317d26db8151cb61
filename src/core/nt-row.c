/* nt-row.c: the GObject plumbing of a "list row" type
 *
 * nt_row_class_init() keeps the type's field table in the type's qdata, so
 * that one finalize and one get_property serve every row type: finalize
 * finds the table of the type that owns it (and chains up to that type's
 * parent), get_property the table of the type that owns the property.
 */
#define G_LOG_DOMAIN "nt-row"

#include "nt-row.h"

#define RO_FLAGS (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY)

typedef struct
{
  const NtRowField *fields;
  guint             n_fields;
} RowTable;

static G_DEFINE_QUARK (nt-row-table, row_table)

#define FIELD_PTR(instance, field) ((gpointer) (((guint8 *) (instance)) + (field)->offset))

/* ----- the pieces ------------------------------------------------------- */

/**
 * nt_row_install_properties:
 *
 * Installs a read-only property for each field of @fields that has a
 * property name; the property id of fields[i] is i + 1.
 */
void
nt_row_install_properties (GObjectClass     *klass,
                           const NtRowField *fields,
                           guint             n_fields)
{
  g_return_if_fail (G_IS_OBJECT_CLASS (klass));
  g_return_if_fail (fields != NULL || n_fields == 0);

  for (guint i = 0; i < n_fields; i++)
    {
      const char *name = fields[i].property_name;
      GParamSpec *pspec = NULL;

      if (name == NULL)
        continue;
      switch (fields[i].kind)
        {
        case NT_ROW_FIELD_STRING:
          pspec = g_param_spec_string (name, NULL, NULL, NULL, RO_FLAGS);
          break;
        case NT_ROW_FIELD_INT64:
          pspec = g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0, RO_FLAGS);
          break;
        case NT_ROW_FIELD_INT:
          pspec = g_param_spec_int (name, NULL, NULL, 0, G_MAXINT, 0, RO_FLAGS);
          break;
        case NT_ROW_FIELD_UINT:
          pspec = g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0, RO_FLAGS);
          break;
        case NT_ROW_FIELD_BOOLEAN:
          pspec = g_param_spec_boolean (name, NULL, NULL, FALSE, RO_FLAGS);
          break;
        case NT_ROW_FIELD_DOUBLE:
          pspec = g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, RO_FLAGS);
          break;
        default:
          g_return_if_reached ();
        }
      g_object_class_install_property (klass, i + 1, pspec);
    }
}

/**
 * nt_row_get_property:
 *
 * Reads the field of property @prop_id (as nt_row_install_properties()
 * numbered it) into @value.
 */
void
nt_row_get_property (GObject          *object,
                     guint             prop_id,
                     GValue           *value,
                     GParamSpec       *pspec,
                     const NtRowField *fields,
                     guint             n_fields)
{
  const NtRowField *field;
  gpointer p;

  if (prop_id == 0 || prop_id > n_fields || fields[prop_id - 1].property_name == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  field = &fields[prop_id - 1];
  p = FIELD_PTR (object, field);
  switch (field->kind)
    {
    case NT_ROW_FIELD_STRING: g_value_set_string (value, *(char **) p); break;
    case NT_ROW_FIELD_INT64: g_value_set_int64 (value, *(gint64 *) p); break;
    case NT_ROW_FIELD_INT: g_value_set_int (value, *(int *) p); break;
    case NT_ROW_FIELD_UINT: g_value_set_uint (value, *(guint *) p); break;
    case NT_ROW_FIELD_BOOLEAN: g_value_set_boolean (value, *(gboolean *) p); break;
    case NT_ROW_FIELD_DOUBLE: g_value_set_double (value, *(double *) p); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/**
 * nt_row_free_strings:
 *
 * Frees every string field of @fields (property or not), for finalize.
 */
void
nt_row_free_strings (gpointer          instance,
                     const NtRowField *fields,
                     guint             n_fields)
{
  g_return_if_fail (instance != NULL);

  for (guint i = 0; i < n_fields; i++)
    if (fields[i].kind == NT_ROW_FIELD_STRING)
      g_clear_pointer ((char **) FIELD_PTR (instance, &fields[i]), g_free);
}

/* ----- a whole row type ------------------------------------------------- */

/* The table of @type or of its nearest ancestor that has one; @owner is
 * set to that type. */
static const RowTable *
row_table_lookup (GType  type,
                  GType *owner)
{
  for (; type != 0; type = g_type_parent (type))
    {
      const RowTable *table = g_type_get_qdata (type, row_table_quark ());

      if (table != NULL)
        {
          *owner = type;
          return table;
        }
    }
  g_return_val_if_reached (NULL);
}

static void
row_finalize (GObject *object)
{
  GType owner = 0;
  const RowTable *table = row_table_lookup (G_OBJECT_TYPE (object), &owner);
  GObjectClass *parent_class;

  if (table == NULL)
    return;
  nt_row_free_strings (object, table->fields, table->n_fields);
  parent_class = g_type_class_peek (g_type_parent (owner));
  parent_class->finalize (object);
}

static void
row_get_property (GObject    *object,
                  guint       prop_id,
                  GValue     *value,
                  GParamSpec *pspec)
{
  /* GObject calls the get_property of the class that installed @pspec. */
  const RowTable *table = g_type_get_qdata (pspec->owner_type, row_table_quark ());

  g_return_if_fail (table != NULL);
  nt_row_get_property (object, prop_id, value, pspec, table->fields, table->n_fields);
}

/**
 * nt_row_class_init:
 * @fields: (array length=n_fields): static; kept by the class
 *
 * Makes @klass a row type with @fields: its finalize frees their strings,
 * its properties read them. Call it from the type's class_init.
 */
void
nt_row_class_init (GObjectClass     *klass,
                   const NtRowField *fields,
                   guint             n_fields)
{
  RowTable *table;

  g_return_if_fail (G_IS_OBJECT_CLASS (klass));
  g_return_if_fail (fields != NULL || n_fields == 0);

  /* Lives as long as the type, that is as long as the program. */
  table = g_new (RowTable, 1);
  table->fields = fields;
  table->n_fields = n_fields;
  g_type_set_qdata (G_OBJECT_CLASS_TYPE (klass), row_table_quark (), table);

  klass->finalize = row_finalize;
  klass->get_property = row_get_property;
  nt_row_install_properties (klass, fields, n_fields);
}
