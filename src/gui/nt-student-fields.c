/* nt-student-fields.c */
#define G_LOG_DOMAIN "nt-student-fields"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-student-fields.h"

static const NtStudentField fields[] = {
  { "code", N_("Student code"), NT_FIELD_ENTRY, NT_GROUP_IDENTITY, TRUE },
  { "full-name", N_("Full name"), NT_FIELD_ENTRY, NT_GROUP_IDENTITY, TRUE },
  { "gender", N_("Gender"), NT_FIELD_CHOICE, NT_GROUP_IDENTITY, TRUE },
  { "birth-date", N_("Date of birth (dd/mm/yyyy)"), NT_FIELD_DATE, NT_GROUP_IDENTITY, TRUE },
  { "class-name", N_("Class"), NT_FIELD_CHOICE, NT_GROUP_IDENTITY, TRUE },
  { "ethnicity", N_("Ethnicity"), NT_FIELD_CHOICE, NT_GROUP_IDENTITY, FALSE },
  { "personal-id", N_("Personal identification number (12 digits)"), NT_FIELD_ENTRY, NT_GROUP_IDENTITY, FALSE },
  { "guardian-name", N_("Guardian's name"), NT_FIELD_ENTRY, NT_GROUP_FAMILY, FALSE },
  { "guardian-phone", N_("Guardian's phone"), NT_FIELD_ENTRY, NT_GROUP_FAMILY, FALSE },
  { "home-address", N_("Home address"), NT_FIELD_ENTRY, NT_GROUP_FAMILY, FALSE },
  { "home-commune", N_("Home commune"), NT_FIELD_ENTRY, NT_GROUP_FAMILY, FALSE },
  { "boarding", N_("Boarding status"), NT_FIELD_CHOICE, NT_GROUP_OTHER, TRUE },
  { "priority", N_("Priority for a dorm place"), NT_FIELD_ENTRY, NT_GROUP_OTHER, FALSE },
  { "health-notes", N_("Health notes"), NT_FIELD_ENTRY, NT_GROUP_OTHER, FALSE },
};

const NtStudentField *
nt_student_fields (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (fields);
  return fields;
}

char *
nt_student_field_title (const NtStudentField *field,
                        gboolean              mark_required)
{
  if (mark_required && field->required)
    return g_strdup_printf ("%s *", _(field->title));
  return g_strdup (_(field->title));
}
