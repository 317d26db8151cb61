/* nt-row.h: the GObject plumbing of a "list row" type
 *
 * A list row (NtRoom, NtLeave, NtCheckEntry…) is a GObject with public
 * fields that the list stores hold and the widgets read. Its finalize frees
 * its strings and its properties (for sorters, filters and expressions) read
 * its fields as they are: one table of fields says both, so that each type
 * does not write its own finalize and get_property.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  NT_ROW_FIELD_STRING,   /* char *, owned: freed by finalize */
  NT_ROW_FIELD_INT64,    /* gint64, property 0..G_MAXINT64 */
  NT_ROW_FIELD_INT,      /* int, property 0..G_MAXINT */
  NT_ROW_FIELD_UINT,     /* guint, property 0..G_MAXUINT */
  NT_ROW_FIELD_BOOLEAN,  /* gboolean, property default FALSE */
  NT_ROW_FIELD_DOUBLE,   /* double, property -G_MAXDOUBLE..G_MAXDOUBLE */
} NtRowFieldKind;

typedef struct
{
  const char     *property_name;  /* static; NULL: not a property (an owned string only) */
  NtRowFieldKind  kind;
  gsize           offset;         /* of the field in the instance struct */
} NtRowField;

/* A field read by a read-only property of @name. */
#define NT_ROW_PROPERTY(Type, field, name, KIND) \
  { (name), NT_ROW_FIELD_##KIND, G_STRUCT_OFFSET (Type, field) }

/* A string the row owns but shows no property for. */
#define NT_ROW_OWNED_STRING(Type, field) \
  { NULL, NT_ROW_FIELD_STRING, G_STRUCT_OFFSET (Type, field) }

/* Defines the final type TypeName (type_name) as a row of the static
 * table @fields, declared before: G_DEFINE_FINAL_TYPE plus a class_init
 * that calls nt_row_class_init() and an empty instance init. */
#define NT_DEFINE_ROW_TYPE(TypeName, type_name, fields)                          \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, G_TYPE_OBJECT)                      \
  static void                                                                   \
  type_name##_class_init (TypeName##Class *klass)                               \
  {                                                                             \
    nt_row_class_init (G_OBJECT_CLASS (klass), (fields), G_N_ELEMENTS (fields)); \
  }                                                                             \
  static void                                                                   \
  type_name##_init (TypeName *self)                                             \
  {                                                                             \
  }

void nt_row_class_init         (GObjectClass     *klass,
                                const NtRowField *fields,
                                guint             n_fields);

void nt_row_install_properties (GObjectClass     *klass,
                                const NtRowField *fields,
                                guint             n_fields);
void nt_row_get_property       (GObject          *object,
                                guint             prop_id,
                                GValue           *value,
                                GParamSpec       *pspec,
                                const NtRowField *fields,
                                guint             n_fields);
void nt_row_free_strings       (gpointer          instance,
                                const NtRowField *fields,
                                guint             n_fields);

G_END_DECLS
