/* nt-student-list.h: the students that match a search, sorted, as a
 * GListModel; filtering and sorting happen in SQL over indexes */
#pragma once

#include <gio/gio.h>

#include "nt-store.h"

G_BEGIN_DECLS

#define NT_TYPE_STUDENT_LIST (nt_student_list_get_type ())

G_DECLARE_FINAL_TYPE (NtStudentList, nt_student_list, NT, STUDENT_LIST, GObject)

typedef enum
{
  NT_STUDENT_SORT_NAME,
  NT_STUDENT_SORT_CODE,
  NT_STUDENT_SORT_GENDER,
  NT_STUDENT_SORT_BIRTH_DATE,
  NT_STUDENT_SORT_CLASS,
  NT_STUDENT_SORT_ETHNICITY,
  NT_STUDENT_SORT_BOARDING,
  NT_STUDENT_SORT_PHONE,
} NtStudentSort;

typedef enum
{
  NT_STUDENT_FILTER_ACTIVE,
  NT_STUDENT_FILTER_LEFT,
  NT_STUDENT_FILTER_ALL,
} NtStudentActiveFilter;

NtStudentList *nt_student_list_new          (NtStore               *store);
void           nt_student_list_set_search   (NtStudentList         *self,
                                             const char            *search);
void           nt_student_list_set_class    (NtStudentList         *self,
                                             gint64                 class_id);
void           nt_student_list_set_gender   (NtStudentList         *self,
                                             const char            *gender);
void           nt_student_list_set_boarding (NtStudentList         *self,
                                             const char            *boarding);
void           nt_student_list_set_active   (NtStudentList         *self,
                                             NtStudentActiveFilter  filter);
void           nt_student_list_set_sort     (NtStudentList         *self,
                                             NtStudentSort          sort,
                                             gboolean               descending);
void           nt_student_list_refresh      (NtStudentList         *self);
gint64         nt_student_list_get_id       (NtStudentList         *self,
                                             guint                  position);

G_END_DECLS
