/* nt-student-details.h: everything about one student */
#pragma once

#include <adwaita.h>

#include "nt-context.h"

G_BEGIN_DECLS

#define NT_TYPE_STUDENT_DETAILS (nt_student_details_get_type ())

G_DECLARE_FINAL_TYPE (NtStudentDetails, nt_student_details, NT, STUDENT_DETAILS, AdwWindow)

NtStudentDetails *nt_student_details_new       (NtContext        *context,
                                                gint64            student_id);
const char       *nt_student_details_get_value (NtStudentDetails *self,
                                                const char       *property);
gboolean          nt_student_details_mark_left (NtStudentDetails *self,
                                                const char       *date_display,
                                                const char       *reason,
                                                GError          **error);
AdwToast         *nt_student_details_delete    (NtStudentDetails *self,
                                                GError          **error);

G_END_DECLS
