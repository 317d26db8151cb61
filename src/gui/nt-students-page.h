/* nt-students-page.h: the Students section */
#pragma once

#include <adwaita.h>

#include "nt-student-list.h"
#include "nt-student.h"

G_BEGIN_DECLS

#define NT_TYPE_STUDENTS_PAGE (nt_students_page_get_type ())

G_DECLARE_FINAL_TYPE (NtStudentsPage, nt_students_page, NT, STUDENTS_PAGE, AdwBin)

NtStudentList *nt_students_page_get_list     (NtStudentsPage *self);
GtkColumnView *nt_students_page_get_view     (NtStudentsPage *self);
GtkWidget     *nt_students_page_get_search   (NtStudentsPage *self);
GtkWindow     *nt_students_page_open_editor  (NtStudentsPage *self,
                                              NtStudent      *student);
GtkWindow     *nt_students_page_open_details (NtStudentsPage *self,
                                              gint64          student_id);

G_END_DECLS
