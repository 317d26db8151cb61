/* nt-student.c */
#define G_LOG_DOMAIN "nt-student"

#include <string.h>

#include "nt-i18n.h"
#include "nt-student.h"
#include "nt-util.h"

G_DEFINE_FINAL_TYPE (NtStudent, nt_student, G_TYPE_OBJECT)

/* The text fields, by property name; the property table and the generic
 * getters and setters are made from it. */
typedef struct
{
  const char *name;
  gsize       offset;
} TextField;

#define FIELD(n, m) { n, G_STRUCT_OFFSET (NtStudent, m) }
static const TextField text_fields[] = {
  FIELD ("code", code),
  FIELD ("personal-id", personal_id),
  FIELD ("full-name", full_name),
  FIELD ("gender", gender),
  FIELD ("birth-date", birth_date),
  FIELD ("class-name", class_name),
  FIELD ("ethnicity", ethnicity),
  FIELD ("home-address", home_address),
  FIELD ("home-commune", home_commune),
  FIELD ("guardian-name", guardian_name),
  FIELD ("guardian-phone", guardian_phone),
  FIELD ("boarding", boarding),
  FIELD ("priority", priority),
  FIELD ("health-notes", health_notes),
  FIELD ("left-on", left_on),
  FIELD ("left-reason", left_reason),
};
#undef FIELD

enum {
  PROP_0,
  PROP_ID,
  PROP_CLASS_ID,
  PROP_ACTIVE,
  PROP_FIRST_TEXT,
  N_PROPS = PROP_FIRST_TEXT + G_N_ELEMENTS (text_fields)
};

static GParamSpec *properties[N_PROPS];

static char **
text_slot (NtStudent *self,
           guint      index)
{
  return &G_STRUCT_MEMBER (char *, self, text_fields[index].offset);
}

static void
nt_student_finalize (GObject *object)
{
  NtStudent *self = NT_STUDENT (object);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    g_clear_pointer (text_slot (self, i), g_free);

  G_OBJECT_CLASS (nt_student_parent_class)->finalize (object);
}

static void
nt_student_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  NtStudent *self = NT_STUDENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CLASS_ID:
      g_value_set_int64 (value, self->class_id);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    default:
      if (prop_id >= PROP_FIRST_TEXT && prop_id < N_PROPS)
        g_value_set_string (value, *text_slot (self, prop_id - PROP_FIRST_TEXT));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nt_student_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  NtStudent *self = NT_STUDENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_CLASS_ID:
      self->class_id = g_value_get_int64 (value);
      break;
    case PROP_ACTIVE:
      self->active = g_value_get_boolean (value);
      break;
    default:
      if (prop_id >= PROP_FIRST_TEXT && prop_id < N_PROPS)
        nt_set_str (text_slot (self, prop_id - PROP_FIRST_TEXT), g_value_get_string (value));
      else
        {
          G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
          return;
        }
    }
  g_object_notify_by_pspec (object, pspec);
}

static void
nt_student_class_init (NtStudentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = nt_student_finalize;
  object_class->get_property = nt_student_get_property;
  object_class->set_property = nt_student_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CLASS_ID] = g_param_spec_int64 ("class-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, TRUE, flags);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    properties[PROP_FIRST_TEXT + i] = g_param_spec_string (text_fields[i].name, NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nt_student_init (NtStudent *self)
{
  self->active = TRUE;
}

NtStudent *
nt_student_new (void)
{
  return g_object_new (NT_TYPE_STUDENT, NULL);
}

NtStudent *
nt_student_copy (NtStudent *self)
{
  NtStudent *copy;

  g_return_val_if_fail (NT_IS_STUDENT (self), NULL);

  copy = nt_student_new ();
  copy->id = self->id;
  copy->class_id = self->class_id;
  copy->active = self->active;
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    *text_slot (copy, i) = g_strdup (*text_slot (self, i));
  return copy;
}

static int
find_text_field (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (strcmp (text_fields[i].name, field) == 0)
      return (int) i;
  return -1;
}

void
nt_student_set_text (NtStudent  *self,
                     const char *field,
                     const char *value)
{
  int i;

  g_return_if_fail (NT_IS_STUDENT (self));
  i = find_text_field (field);
  g_return_if_fail (i >= 0);

  if (nt_set_str (text_slot (self, i), value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_TEXT + i]);
}

const char *
nt_student_get_text (NtStudent  *self,
                     const char *field)
{
  int i;

  g_return_val_if_fail (NT_IS_STUDENT (self), NULL);
  i = find_text_field (field);
  g_return_val_if_fail (i >= 0, NULL);
  return *text_slot (self, i);
}

const char * const *
nt_student_text_fields (void)
{
  static const char *names[G_N_ELEMENTS (text_fields) + 1];

  if (names[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
      names[i] = text_fields[i].name;
  return names;
}

const char *
nt_gender_label (const char *gender)
{
  if (g_strcmp0 (gender, "M") == 0)
    return _("Male");
  if (g_strcmp0 (gender, "F") == 0)
    return _("Female");
  return "";
}

const char *
nt_boarding_label (const char *boarding)
{
  if (g_strcmp0 (boarding, "boarding") == 0)
    return _("Boarding");
  if (g_strcmp0 (boarding, "semi") == 0)
    return _("Semi-boarding");
  if (g_strcmp0 (boarding, "day") == 0)
    return _("Day student");
  return "";
}
