/* nt-student-editor.h: the form to add or edit a student */
#pragma once

#include <adwaita.h>

#include "nt-context.h"
#include "nt-student.h"

G_BEGIN_DECLS

#define NT_TYPE_STUDENT_EDITOR (nt_student_editor_get_type ())

G_DECLARE_FINAL_TYPE (NtStudentEditor, nt_student_editor, NT, STUDENT_EDITOR, AdwWindow)

NtStudentEditor *nt_student_editor_new       (NtContext       *context,
                                              NtStudent       *student);
GtkWidget       *nt_student_editor_get_row   (NtStudentEditor *self,
                                              const char      *property);
const char      *nt_student_editor_get_error (NtStudentEditor *self,
                                              const char      *property);
gboolean         nt_student_editor_save      (NtStudentEditor *self);
gint64           nt_student_editor_get_saved_id (NtStudentEditor *self);

G_END_DECLS
