/* nt-leaves.h: a boarder's leave (xin phép): asked, approved, out, back
 *
 * Times are local 'YYYY-MM-DD HH:MM' strings, compared as text. The state
 * kept in the database is one of requested, approved, out, returned,
 * cancelled; "overdue" is not stored but derived at a given time: approved
 * or out, "to" passed, not returned.
 */
#pragma once

#include <gio/gio.h>

#include "nt-store.h"

G_BEGIN_DECLS

/* ----- list rows --------------------------------------------------------- */

#define NT_TYPE_LEAVE (nt_leave_get_type ())
G_DECLARE_FINAL_TYPE (NtLeave, nt_leave, NT, LEAVE, GObject)

struct _NtLeave
{
  GObject   parent_instance;
  gint64    id;
  gint64    student_id;
  char     *student_code;
  char     *student_name;
  char     *class_name;
  char     *room_number;      /* the student's room now, NULL without a bed */
  char     *building_name;    /* NULL without a bed */
  char     *from_time;        /* 'YYYY-MM-DD HH:MM' */
  char     *to_time;
  char     *reason;           /* "home", "medical", "family", "school", "other" */
  char     *destination;
  char     *guardian_name;
  char     *guardian_phone;
  char     *state;            /* "requested", "approved", "out", "returned", "cancelled" */
  gint64    approved_by;      /* staff id, 0 when not approved */
  char     *approved_by_name;
  char     *out_at;           /* NULL until the student left */
  char     *returned_at;      /* NULL until the student came back */
  char     *note;
  gboolean  overdue;          /* at the time the list was read */
};

/* A student a bulk leave left out, and why (a whole sentence). */
#define NT_TYPE_LEAVE_SKIP (nt_leave_skip_get_type ())
G_DECLARE_FINAL_TYPE (NtLeaveSkip, nt_leave_skip, NT, LEAVE_SKIP, GObject)

struct _NtLeaveSkip
{
  GObject   parent_instance;
  gint64    student_id;
  char     *student_code;     /* NULL when the student does not exist */
  char     *student_name;
  char     *class_name;
  char     *message;
};

/* ----- editing ----------------------------------------------------------- */

typedef struct
{
  gint64      student_id;     /* ignored by nt_leaves_create_bulk() */
  const char *from_time;      /* 'YYYY-MM-DD HH:MM' */
  const char *to_time;
  const char *reason;         /* "home", "medical", "family", "school", "other" */
  const char *destination;    /* nullable */
  const char *guardian_name;  /* nullable; bulk: empty takes the student's guardian */
  const char *guardian_phone; /* nullable; bulk: empty takes the student's guardian */
  const char *note;           /* nullable */
  gint64      approved_by;    /* a staff id to create it approved, 0 for requested */
} NtLeaveInput;

gboolean    nt_leaves_check          (NtStore             *store,
                                      const NtLeaveInput  *input,
                                      GError             **error);
gint64      nt_leaves_create         (NtStore             *store,
                                      const NtLeaveInput  *input,
                                      GError             **error);
gboolean    nt_leaves_create_bulk    (NtStore             *store,
                                      const NtLeaveInput  *input,
                                      const gint64        *student_ids,
                                      guint                n_students,
                                      guint               *n_created,
                                      GListStore         **skipped,
                                      GError             **error);
gboolean    nt_leaves_approve        (NtStore             *store,
                                      gint64               leave_id,
                                      gint64               staff_id,
                                      GError             **error);
gboolean    nt_leaves_mark_out       (NtStore             *store,
                                      gint64               leave_id,
                                      const char          *at_time,
                                      GError             **error);
gboolean    nt_leaves_mark_returned  (NtStore             *store,
                                      gint64               leave_id,
                                      const char          *at_time,
                                      GError             **error);
gboolean    nt_leaves_cancel         (NtStore             *store,
                                      gint64               leave_id,
                                      GError             **error);

/* ----- reading ----------------------------------------------------------- */

NtLeave    *nt_leaves_load           (NtStore             *store,
                                      gint64               leave_id,
                                      const char          *at_time,
                                      GError             **error);
GListStore *nt_leaves_student_history (NtStore            *store,
                                       gint64              student_id,
                                       const char         *at_time,
                                       GError            **error);
GListStore *nt_leaves_overdue        (NtStore             *store,
                                      const char          *at_time,
                                      GError             **error);
GListStore *nt_leaves_pending        (NtStore             *store,
                                      const char          *at_time,
                                      GError             **error);
gint64      nt_leaves_student_out    (NtStore             *store,
                                      gint64               student_id);
GListStore *nt_leaves_out_now        (NtStore             *store,
                                      const char          *at_time,
                                      GError             **error);
GListStore *nt_leaves_list_range     (NtStore             *store,
                                      const char          *from_date,
                                      const char          *to_date,
                                      const char          *at_time,
                                      GError             **error);
GArray     *nt_leaves_scope_students (NtStore             *store,
                                      gint64               class_id,
                                      gint64               building_id,
                                      int                  floor,
                                      const char          *date_iso);

/* ----- words and times --------------------------------------------------- */

const char *nt_leave_reason_label    (const char          *reason);
const char *nt_leave_state_label     (const char          *state);
const char * const *nt_leave_reasons (void);
char       *nt_leave_time_now        (void);
gboolean    nt_leave_time_valid      (const char          *text);
char       *nt_leave_time_to_display (const char          *time);

G_END_DECLS
