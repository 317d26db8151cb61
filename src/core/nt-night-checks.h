/* nt-night-checks.h: the night check (điểm danh tối)
 *
 * A check is one walk through a building (or one floor of it) on a night by
 * a supervisor. Starting it writes one entry per student expected there that
 * night (by their bed that night), those on leave at curfew already marked
 * "leave". Every mark is one UPDATE, saved at once. A check closes only when
 * every entry has a status; after that it is read-only except for a
 * correction with a reason, which the audit log keeps.
 *
 * Statuses are the strings of the database: "present", "leave", "sick",
 * "absent", "late"; %NULL is "not yet checked".
 */
#pragma once

#include <gio/gio.h>

#include "nt-store.h"

G_BEGIN_DECLS

/* A night of one student, for the month strip and the attendance matrix. */
typedef enum
{
  NT_NIGHT_NONE = 0,       /* in no check that night */
  NT_NIGHT_UNCHECKED,      /* in a check, no status yet */
  NT_NIGHT_PRESENT,
  NT_NIGHT_LEAVE,
  NT_NIGHT_SICK,
  NT_NIGHT_ABSENT,
  NT_NIGHT_LATE,
} NtNightStatus;

/* ----- list rows --------------------------------------------------------- */

#define NT_TYPE_NIGHT_CHECK (nt_night_check_get_type ())
G_DECLARE_FINAL_TYPE (NtNightCheck, nt_night_check, NT, NIGHT_CHECK, GObject)

struct _NtNightCheck
{
  GObject   parent_instance;
  gint64    id;
  char     *night;            /* ISO date of the evening */
  gint64    building_id;
  char     *building_name;
  int       floor;            /* 0: the whole building */
  gint64    supervisor_id;
  char     *supervisor_name;
  char     *started_at;       /* 'YYYY-MM-DD HH:MM:SS' */
  char     *closed_at;        /* NULL while open */
  char     *note;
  guint     checked;          /* entries with a status */
  guint     expected;         /* entries */
};

#define NT_TYPE_CHECK_ENTRY (nt_check_entry_get_type ())
G_DECLARE_FINAL_TYPE (NtCheckEntry, nt_check_entry, NT, CHECK_ENTRY, GObject)

struct _NtCheckEntry
{
  GObject   parent_instance;
  gint64    id;
  gint64    check_id;
  char     *night;            /* ISO date */
  char     *building_name;
  gint64    student_id;
  char     *student_code;
  char     *student_name;
  char     *class_name;
  gint64    bed_id;
  char     *bed_label;
  gint64    room_id;
  char     *room_number;
  int       floor;
  char     *status;           /* NULL: not yet checked */
  char     *late_at;          /* 'YYYY-MM-DD HH:MM' when late */
  char     *marked_at;
  char     *note;
  gint64    leave_id;         /* the leave that explains the night, or 0 */
  gboolean  leave_overdue;    /* the student has a leave overdue at that night's curfew */
  char     *guardian_name;
  char     *guardian_phone;
};

/* Counts of one floor of one building over one or more nights. */
#define NT_TYPE_NIGHT_SUMMARY (nt_night_summary_get_type ())
G_DECLARE_FINAL_TYPE (NtNightSummary, nt_night_summary, NT, NIGHT_SUMMARY, GObject)

struct _NtNightSummary
{
  GObject   parent_instance;
  gint64    building_id;
  char     *building_name;
  int       floor;
  guint     n_checks;
  guint     expected;
  guint     unchecked;
  guint     present;
  guint     leave;
  guint     sick;
  guint     absent;
  guint     late;
};

/* Tonight's check of one building, for the Overview. */
#define NT_TYPE_CHECK_PROGRESS (nt_check_progress_get_type ())
G_DECLARE_FINAL_TYPE (NtCheckProgress, nt_check_progress, NT, CHECK_PROGRESS, GObject)

struct _NtCheckProgress
{
  GObject   parent_instance;
  gint64    building_id;
  char     *building_name;
  guint     n_checks;         /* 0: nobody has started */
  guint     checked;
  guint     expected;         /* in the checks, plus those of floors not started */
  gboolean  closed;           /* every student of the building is in a closed check */
};

/* ----- checking ---------------------------------------------------------- */

gint64        nt_night_check_start      (NtStore      *store,
                                         const char   *night_iso,
                                         gint64        building_id,
                                         int           floor,
                                         gint64        supervisor_id,
                                         GError      **error);
gint64        nt_night_check_find       (NtStore      *store,
                                         const char   *night_iso,
                                         gint64        building_id,
                                         int           floor);
gboolean      nt_night_check_mark       (NtStore      *store,
                                         gint64        entry_id,
                                         const char   *status,
                                         const char   *late_at,
                                         const char   *note,
                                         GError      **error);
gboolean      nt_night_check_mark_student (NtStore    *store,
                                           gint64      check_id,
                                           gint64      student_id,
                                           const char *status,
                                           const char *late_at,
                                           const char *note,
                                           GError    **error);
gboolean      nt_night_check_mark_room_present (NtStore *store,
                                                gint64   check_id,
                                                gint64   room_id,
                                                guint   *n_marked,
                                                char   **overdue,
                                                GError **error);
void          nt_night_check_progress   (NtStore      *store,
                                         gint64        check_id,
                                         guint        *checked,
                                         guint        *expected);
gboolean      nt_night_check_close      (NtStore      *store,
                                         gint64        check_id,
                                         GListStore  **unexplained,
                                         GError      **error);
gboolean      nt_night_check_correct    (NtStore      *store,
                                         gint64        entry_id,
                                         const char   *status,
                                         const char   *late_at,
                                         const char   *reason,
                                         GError      **error);

/* ----- reading ----------------------------------------------------------- */

NtNightCheck *nt_night_check_load       (NtStore      *store,
                                         gint64        check_id,
                                         GError      **error);
GListStore   *nt_night_check_list       (NtStore      *store,
                                         const char   *from_iso,
                                         const char   *to_iso,
                                         GError      **error);
GListStore   *nt_night_check_entries    (NtStore      *store,
                                         gint64        check_id,
                                         GError      **error);
NtCheckEntry *nt_night_check_load_entry (NtStore      *store,
                                         gint64        entry_id,
                                         GError      **error);
GListStore   *nt_night_check_unexplained (NtStore     *store,
                                          gint64       check_id,
                                          GError     **error);
GListStore   *nt_night_check_summary    (NtStore      *store,
                                         const char   *from_iso,
                                         const char   *to_iso,
                                         GError      **error);
GArray       *nt_night_check_student_month (NtStore   *store,
                                            gint64     student_id,
                                            int        year,
                                            int        month,
                                            GError   **error);
GListStore   *nt_night_check_tonight    (NtStore      *store,
                                         const char   *night_iso,
                                         GError      **error);

/* ----- words ------------------------------------------------------------- */

GArray       *nt_night_check_absences_by_night (NtStore   *store,
                                                const char *from_night,
                                                const char *to_night,
                                                GError   **error);
char         *nt_night_check_default_night (void);
char         *nt_night_check_curfew_at  (NtStore      *store,
                                         const char   *night_iso);
gboolean      nt_night_status_valid     (const char   *status);
NtNightStatus nt_night_status_from_string (const char *status);
const char   *nt_night_status_to_string (NtNightStatus status);
const char   *nt_night_status_label     (const char   *status);

G_END_DECLS
