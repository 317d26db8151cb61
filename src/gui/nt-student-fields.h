/* nt-student-fields.h: the fields of a student, in the order and groups
 * the form and the details show them */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum { NT_FIELD_ENTRY, NT_FIELD_DATE, NT_FIELD_CHOICE } NtFieldKind;
typedef enum { NT_GROUP_IDENTITY, NT_GROUP_FAMILY, NT_GROUP_OTHER, NT_N_GROUPS } NtFieldGroup;

typedef struct
{
  const char   *property;
  const char   *title;      /* untranslated (N_) */
  NtFieldKind   kind;
  NtFieldGroup  group;
  gboolean      required;
} NtStudentField;

const NtStudentField *nt_student_fields      (guint       *n_fields);
char                 *nt_student_field_title (const NtStudentField *field,
                                              gboolean     mark_required);

G_END_DECLS
