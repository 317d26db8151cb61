/* nt-student.h: one student, as a row of a list and as a form's content */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define NT_TYPE_STUDENT (nt_student_get_type ())

G_DECLARE_FINAL_TYPE (NtStudent, nt_student, NT, STUDENT, GObject)

/* The fields are public: a student is plain data, read by the domain
 * functions and the pages; the properties are there for list bindings. */
struct _NtStudent
{
  GObject   parent_instance;

  gint64    id;             /* 0 until stored */
  gint64    class_id;
  gboolean  active;
  char     *code;
  char     *personal_id;    /* 12 digits or NULL */
  char     *full_name;
  char     *gender;         /* "M" or "F" */
  char     *birth_date;     /* ISO */
  char     *class_name;     /* read from classes, for display */
  char     *ethnicity;
  char     *home_address;
  char     *home_commune;
  char     *guardian_name;
  char     *guardian_phone;
  char     *boarding;       /* "boarding", "semi", "day" */
  char     *priority;       /* comma-separated category ids */
  char     *health_notes;
  char     *left_on;        /* ISO, when not active */
  char     *left_reason;
};

NtStudent  *nt_student_new               (void);
NtStudent  *nt_student_copy              (NtStudent  *self);
void        nt_student_set_text          (NtStudent  *self,
                                          const char *field,
                                          const char *value);
const char *nt_student_get_text          (NtStudent  *self,
                                          const char *field);
const char * const *nt_student_text_fields (void);

const char *nt_gender_label              (const char *gender);
const char *nt_boarding_label            (const char *boarding);

G_END_DECLS
