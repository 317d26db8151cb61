/* nt-assignments.h: putting a boarder in a bed, moving, swapping, taking out
 *
 * Each change is dated and has a reason; the history in bed_assignments is
 * never overwritten: a move ends the open row on the date and opens a new
 * one. A change the rules forbid is refused with NT_ERROR_INVALID and a
 * message that names the student and the room.
 */
#pragma once

#include "nt-store.h"

G_BEGIN_DECLS

gboolean nt_assign_check     (NtStore     *store,
                              gint64       student_id,
                              gint64       bed_id,
                              const char  *date_iso,
                              GError     **error);
gboolean nt_assign_to_bed    (NtStore     *store,
                              gint64       student_id,
                              gint64       bed_id,
                              const char  *date_iso,
                              const char  *reason,
                              GError     **error);
gboolean nt_assign_move      (NtStore     *store,
                              gint64       student_id,
                              gint64       bed_id,
                              const char  *date_iso,
                              const char  *reason,
                              GError     **error);
gboolean nt_assign_swap      (NtStore     *store,
                              gint64       student_a,
                              gint64       student_b,
                              const char  *date_iso,
                              const char  *reason,
                              GError     **error);
gboolean nt_assign_take_out  (NtStore     *store,
                              gint64       student_id,
                              const char  *date_iso,
                              const char  *reason,
                              GError     **error);

G_END_DECLS
