/* nt-visitors.h: the gate book (sổ khách ra vào, "cổng trường an toàn")
 *
 * A visitor comes in, sees a student or a staff member, and goes out; the
 * guard on duty writes both times. Times are local 'YYYY-MM-DD HH:MM'
 * strings as in nt-leaves.h, compared as text.
 *
 * A visitor of a student is "allowed" when they are the student's guardian
 * or on the student's list of allowed visitors: same identification number
 * (when both have one) or the same name once diacritics and case are set
 * aside. The answer is kept with the visit as the gate saw it. Anyone else
 * visiting a student stands out; visits to staff are not judged.
 *
 * Boarders do not go through this book: a student leaving or coming back
 * through the gate is marked on their leave (nt_leaves_mark_out/returned),
 * so the gate and the night check read the same record.
 */
#pragma once

#include <gio/gio.h>

#include "nt-store.h"

G_BEGIN_DECLS

/* ----- list rows --------------------------------------------------------- */

#define NT_TYPE_VISITOR (nt_visitor_get_type ())
G_DECLARE_FINAL_TYPE (NtVisitor, nt_visitor, NT, VISITOR, GObject)

struct _NtVisitor
{
  GObject   parent_instance;
  gint64    id;
  char     *name;
  char     *id_number;
  char     *phone;
  gint64    visit_student_id;  /* 0 when visiting a staff member */
  char     *student_name;
  char     *class_name;
  char     *room_number;       /* the student's room now, NULL without a bed */
  gint64    visit_staff_id;    /* 0 when visiting a student */
  char     *staff_name;
  char     *purpose;
  char     *relation;          /* as the visitor said, or as on the allowed list */
  char     *in_at;             /* 'YYYY-MM-DD HH:MM' */
  char     *out_at;            /* NULL while inside */
  gint64    guard_id;          /* 0 when unknown */
  char     *guard_name;
  gboolean  allowed;           /* a known relative of the student */
  gboolean  inside;            /* not out yet */
};

/* Whom the visitor came to see, for a list: the student or staff member. */
const char *nt_visitor_get_host (NtVisitor *self);

#define NT_TYPE_ALLOWED_VISITOR (nt_allowed_visitor_get_type ())
G_DECLARE_FINAL_TYPE (NtAllowedVisitor, nt_allowed_visitor, NT, ALLOWED_VISITOR, GObject)

struct _NtAllowedVisitor
{
  GObject   parent_instance;
  gint64    id;                /* 0 for the guardian recorded on the student */
  gint64    student_id;
  char     *name;
  char     *relation;
  char     *id_number;
  char     *phone;
};

/* ----- editing ----------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *id_number;       /* nullable */
  const char *phone;           /* nullable */
  gint64      visit_student_id;/* exactly one of the two */
  gint64      visit_staff_id;
  const char *purpose;         /* nullable */
  const char *relation;        /* nullable: taken from the allowed list when it matches */
  const char *in_at;           /* nullable: now */
  gint64      guard_id;        /* 0: the guard on duty in the roster, else the actor */
} NtVisitorInput;

typedef struct
{
  gint64      student_id;
  const char *name;
  const char *relation;        /* nullable */
  const char *id_number;       /* nullable */
  const char *phone;           /* nullable */
} NtAllowedVisitorInput;

gboolean    nt_visitors_check          (NtStore                      *store,
                                        const NtVisitorInput         *input,
                                        GError                      **error);
gint64      nt_visitors_record_in      (NtStore                      *store,
                                        const NtVisitorInput         *input,
                                        GError                      **error);
gboolean    nt_visitors_record_out     (NtStore                      *store,
                                        gint64                        visitor_id,
                                        const char                   *at_time,
                                        GError                      **error);
gboolean    nt_visitors_undo_out       (NtStore                      *store,
                                        gint64                        visitor_id,
                                        GError                      **error);

gint64      nt_visitors_allowed_add    (NtStore                      *store,
                                        const NtAllowedVisitorInput  *input,
                                        GError                      **error);
gboolean    nt_visitors_allowed_remove (NtStore                      *store,
                                        gint64                        allowed_id,
                                        GError                      **error);
GListStore *nt_visitors_allowed_list   (NtStore                      *store,
                                        gint64                        student_id,
                                        GError                      **error);
gboolean    nt_visitors_is_allowed     (NtStore                      *store,
                                        gint64                        student_id,
                                        const char                   *name,
                                        const char                   *id_number,
                                        char                        **relation);

/* ----- students through the gate ----------------------------------------- */

gint64      nt_visitors_student_out    (NtStore                      *store,
                                        gint64                        student_id,
                                        const char                   *at_time,
                                        GError                      **error);
gint64      nt_visitors_student_back   (NtStore                      *store,
                                        gint64                        student_id,
                                        const char                   *at_time,
                                        GError                      **error);
GListStore *nt_visitors_students_through (NtStore                    *store,
                                          const char                 *date,
                                          GError                    **error);

/* ----- reading ----------------------------------------------------------- */

NtVisitor  *nt_visitors_load           (NtStore                      *store,
                                        gint64                        visitor_id,
                                        GError                      **error);
GListStore *nt_visitors_inside         (NtStore                      *store,
                                        GError                      **error);
guint       nt_visitors_count_inside   (NtStore                      *store);
GListStore *nt_visitors_list_range     (NtStore                      *store,
                                        const char                   *from_date,
                                        const char                   *to_date,
                                        GError                      **error);
gint64      nt_visitors_guard_on_duty  (NtStore                      *store,
                                        const char                   *at_time);

G_END_DECLS
