/* nt-student-picker.h: choose the boarder who takes a bed (or swaps) */
#pragma once

#include <adwaita.h>

#include "nt-context.h"

G_BEGIN_DECLS

#define NT_TYPE_STUDENT_PICKER (nt_student_picker_get_type ())

G_DECLARE_FINAL_TYPE (NtStudentPicker, nt_student_picker, NT, STUDENT_PICKER, AdwWindow)

NtStudentPicker *nt_student_picker_new (NtContext *context,
                                        gint64     room_id,
                                        gboolean   with_bed_only);
const char      *nt_student_picker_get_empty_text (NtStudentPicker *self);

G_END_DECLS
