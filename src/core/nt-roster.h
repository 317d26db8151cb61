/* nt-roster.h: the 24/7 duty roster (lịch trực 24/24)
 *
 * Posts (vị trí trực) are the places to staff, each for some hours of the
 * day; shift templates (ca trực) are the pieces of a day that duties fill.
 * Times of day are 'HH:MM'; a shift whose end is before its start crosses
 * midnight and ends on the next day. Dates are ISO 'YYYY-MM-DD'. All time
 * arithmetic is done on a local, DST-free timeline: a day is 1440 minutes.
 */
#pragma once

#include <gio/gio.h>

#include "nt-store.h"

G_BEGIN_DECLS

#define NT_ROSTER_DEFAULT_MIN_REST_HOURS      8
#define NT_ROSTER_DEFAULT_MAX_CONSECUTIVE_NIGHTS 3

/* ----- list rows --------------------------------------------------------- */

#define NT_TYPE_POST (nt_post_get_type ())
G_DECLARE_FINAL_TYPE (NtPost, nt_post, NT, POST, GObject)

struct _NtPost
{
  GObject   parent_instance;
  gint64    id;
  char     *name;
  gint64    building_id;      /* 0 when none */
  char     *staffed_from;     /* 'HH:MM' */
  char     *staffed_to;       /* 'HH:MM' or '24:00' */
  int       people;
  char     *roles;            /* comma-separated role codes, "" = any */
  char     *night_gender;     /* "M", "F" or "X" (anyone) */
  gboolean  active;
};

#define NT_TYPE_SHIFT (nt_shift_get_type ())
G_DECLARE_FINAL_TYPE (NtShift, nt_shift, NT, SHIFT, GObject)

struct _NtShift
{
  GObject   parent_instance;
  gint64    id;
  char     *name;
  char     *start_time;       /* 'HH:MM' */
  char     *end_time;         /* 'HH:MM', before start_time: ends the next day */
  gboolean  is_night;
  char     *post_ids;         /* comma-separated post ids, "" = all posts */
};

#define NT_TYPE_DUTY (nt_duty_get_type ())
G_DECLARE_FINAL_TYPE (NtDuty, nt_duty, NT, DUTY, GObject)

struct _NtDuty
{
  GObject   parent_instance;
  gint64    id;
  gint64    post_id;
  char     *post_name;
  gint64    shift_id;
  char     *shift_name;
  char     *start_time;
  char     *end_time;
  gint64    staff_id;
  char     *staff_name;
  char     *staff_phone;
  char     *date;             /* the date the shift starts on */
  gboolean  locked;
  char     *note;
  gint64    building_id;      /* the post's building, 0 when none */
};

typedef enum
{
  NT_ROSTER_PROBLEM_GAP,          /* minutes of a post's hours nobody covers */
  NT_ROSTER_PROBLEM_UNDERSTAFFED, /* fewer people than the post needs */
  NT_ROSTER_PROBLEM_DOUBLE_BOOKED,/* one person in two places at once */
  NT_ROSTER_PROBLEM_SHORT_REST,   /* too little rest between two duties */
  NT_ROSTER_PROBLEM_UNFILLED,     /* the generator found nobody for a shift */
} NtRosterProblemKind;

/* A day off, a leave, "never nights" or a monthly maximum of nights. */
#define NT_TYPE_AVAILABILITY (nt_availability_get_type ())
G_DECLARE_FINAL_TYPE (NtAvailability, nt_availability, NT, AVAILABILITY, GObject)

struct _NtAvailability
{
  GObject   parent_instance;
  gint64    id;
  gint64    staff_id;
  char     *staff_name;
  char     *kind;             /* "day_off", "leave", "never_nights", "max_nights" */
  char     *from_date;        /* ISO or NULL */
  char     *to_date;          /* ISO or NULL */
  int       value;            /* max_nights: the nights a month */
};

/* A public holiday: its shifts count with the weekends'. */
#define NT_TYPE_HOLIDAY (nt_holiday_get_type ())
G_DECLARE_FINAL_TYPE (NtHoliday, nt_holiday, NT, HOLIDAY, GObject)

struct _NtHoliday
{
  GObject   parent_instance;
  gint64    id;
  char     *day;              /* ISO */
  char     *name;
};

/* One problem of a roster; fields that do not apply are 0 or NULL. */
#define NT_TYPE_ROSTER_PROBLEM (nt_roster_problem_get_type ())
G_DECLARE_FINAL_TYPE (NtRosterProblem, nt_roster_problem, NT, ROSTER_PROBLEM, GObject)

struct _NtRosterProblem
{
  GObject              parent_instance;
  NtRosterProblemKind  kind;
  char                *date;      /* ISO; a gap: the day its first minute is on */
  gint64               post_id;
  char                *post_name;
  gint64               shift_id;
  char                *shift_name;
  gint64               staff_id;
  char                *staff_name;
  int                  minutes;   /* gap: uncovered; short rest: the rest; understaffed: missing people */
  char                *message;   /* a whole sentence, translated */
};

/* One cell of the week or month grid: a post's shift on a day. */
#define NT_TYPE_ROSTER_CELL (nt_roster_cell_get_type ())
G_DECLARE_FINAL_TYPE (NtRosterCell, nt_roster_cell, NT, ROSTER_CELL, GObject)

struct _NtRosterCell
{
  GObject   parent_instance;
  gint64    post_id;
  char     *post_name;
  char     *date;
  gint64    shift_id;
  char     *shift_name;
  char     *start_time;
  char     *end_time;
  int       needed;           /* posts.people */
  GArray   *staff_ids;        /* gint64, in name order */
  char     *staff_names;      /* joined with ", " */
  gboolean  locked;           /* every duty of the cell is locked (and there is one) */
};

/* A person's counts in a generated period. */
#define NT_TYPE_DUTY_COUNT (nt_duty_count_get_type ())
G_DECLARE_FINAL_TYPE (NtDutyCount, nt_duty_count, NT, DUTY_COUNT, GObject)

struct _NtDutyCount
{
  GObject   parent_instance;
  gint64    staff_id;
  char     *staff_name;
  int       shifts;
  int       nights;
  int       weekends;         /* shifts on Saturdays, Sundays and holidays */
  gboolean  night_eligible;   /* could stand at least one night shift */
  char     *role;             /* nt_roster_duty_counts() only */
  int       minutes;          /* nt_roster_duty_counts() only: time on duty */
};

#define NT_TYPE_ROSTER_REPORT (nt_roster_report_get_type ())
G_DECLARE_FINAL_TYPE (NtRosterReport, nt_roster_report, NT, ROSTER_REPORT, GObject)

struct _NtRosterReport
{
  GObject     parent_instance;
  guint       n_written;      /* duties the generator wrote */
  guint       n_kept;         /* locked duties kept in the range */
  guint       n_removed;      /* unlocked duties replaced */
  GListStore *unfilled;       /* NtRosterProblem (kind UNFILLED), one per missing person */
  GListStore *counts;         /* NtDutyCount, one per active staff member, in name order */
};

/* ----- setup: posts, shifts, availability -------------------------------- */

typedef struct
{
  const char *name;
  gint64      building_id;    /* 0 = none */
  const char *staffed_from;   /* NULL = '00:00' */
  const char *staffed_to;     /* NULL = '24:00' */
  int         people;         /* ≥ 1 */
  const char *roles;          /* NULL or "" = any */
  const char *night_gender;   /* NULL = "X" */
} NtPostInput;

typedef struct
{
  const char *name;
  const char *start_time;
  const char *end_time;
  gboolean    is_night;       /* forced on for a shift crossing midnight */
  const char *post_ids;       /* NULL or "" = all posts */
} NtShiftInput;

gint64      nt_roster_post_add         (NtStore             *store,
                                        const NtPostInput   *input,
                                        GError             **error);
gboolean    nt_roster_post_update      (NtStore             *store,
                                        gint64               post_id,
                                        const NtPostInput   *input,
                                        GError             **error);
gboolean    nt_roster_post_set_active  (NtStore             *store,
                                        gint64               post_id,
                                        gboolean             active,
                                        GError             **error);
gboolean    nt_roster_post_staffed_at  (NtPost              *post,
                                        int                  minute_of_day);
GListStore *nt_roster_posts            (NtStore             *store,
                                        gboolean             active_only,
                                        GError             **error);

gint64      nt_roster_shift_add        (NtStore             *store,
                                        const NtShiftInput  *input,
                                        GError             **error);
gboolean    nt_roster_shift_update     (NtStore             *store,
                                        gint64               shift_id,
                                        const NtShiftInput  *input,
                                        GError             **error);
GListStore *nt_roster_shifts           (NtStore             *store,
                                        GError             **error);
gboolean    nt_roster_ensure_defaults  (NtStore             *store,
                                        GError             **error);

gint64      nt_roster_availability_add (NtStore             *store,
                                        gint64               staff_id,
                                        const char          *kind,
                                        const char          *from_date,
                                        const char          *to_date,
                                        int                  value,
                                        GError             **error);
gboolean    nt_roster_availability_remove (NtStore          *store,
                                        gint64               availability_id,
                                        GError             **error);
GListStore *nt_roster_availability_list (NtStore            *store,
                                        GError             **error);
const char *nt_roster_availability_kind_label (const char   *kind);

gint64      nt_roster_holiday_add      (NtStore             *store,
                                        const char          *day,
                                        const char          *name,
                                        GError             **error);
gboolean    nt_roster_holiday_remove   (NtStore             *store,
                                        gint64               holiday_id,
                                        GError             **error);
GListStore *nt_roster_holidays         (NtStore             *store,
                                        const char          *from_date,
                                        const char          *to_date,
                                        GError             **error);

gboolean    nt_roster_time_parse       (const char          *text,
                                        gboolean             allow_24,
                                        int                 *minutes);

/* ----- duties by hand ---------------------------------------------------- */

gint64      nt_roster_assign           (NtStore             *store,
                                        gint64               post_id,
                                        gint64               shift_id,
                                        gint64               staff_id,
                                        const char          *date,
                                        gboolean             locked,
                                        GError             **error);
gboolean    nt_roster_remove           (NtStore             *store,
                                        gint64               duty_id,
                                        GError             **error);
gboolean    nt_roster_set_locked       (NtStore             *store,
                                        gint64               duty_id,
                                        gboolean             locked,
                                        GError             **error);
gboolean    nt_roster_swap             (NtStore             *store,
                                        gint64               duty_a,
                                        gint64               duty_b,
                                        const char          *reason,
                                        GError             **error);
gboolean    nt_roster_swap_check       (NtStore             *store,
                                        gint64               duty_a,
                                        gint64               duty_b,
                                        GError             **error);
GListStore *nt_roster_swap_partners    (NtStore             *store,
                                        gint64               duty_id,
                                        const char          *from_date,
                                        const char          *to_date,
                                        GError             **error);

/* ----- reading ----------------------------------------------------------- */

GListStore *nt_roster_duties           (NtStore             *store,
                                        const char          *from_date,
                                        const char          *to_date,
                                        gint64               post_id,
                                        GError             **error);
GListStore *nt_roster_grid             (NtStore             *store,
                                        const char          *from_date,
                                        const char          *to_date,
                                        GError             **error);
GListStore *nt_roster_on_duty          (NtStore             *store,
                                        const char          *at_time,
                                        GError             **error);
GListStore *nt_roster_duty_counts      (NtStore             *store,
                                        const char          *from_date,
                                        const char          *to_date,
                                        GError             **error);
GHashTable *nt_roster_short_names      (const char * const  *full_names,
                                        guint                n_names);

/* ----- generating -------------------------------------------------------- */

typedef struct
{
  int                 min_rest_hours;          /* 0 = the default, 8 */
  int                 max_consecutive_nights;  /* 0 = the default, 3 */
  const char * const *holidays;                /* ISO dates counted like Sundays; nullable */
  const char         *keep_started_before;     /* 'YYYY-MM-DD HH:MM': duties that started
                                                  before are kept and earlier shifts left
                                                  as they are (the past is not rewritten);
                                                  NULL: the whole period is made anew */
} NtRosterOptions;

gboolean    nt_roster_generate         (NtStore               *store,
                                        const char            *from_date,
                                        const char            *to_date,
                                        const NtRosterOptions *options,
                                        GCancellable          *cancellable,
                                        NtRosterReport       **report,
                                        GError               **error);

/* ----- coverage ---------------------------------------------------------- */

GListStore *nt_roster_coverage         (NtStore             *store,
                                        const char          *from_date,
                                        const char          *to_date,
                                        int                  min_rest_hours,
                                        GError             **error);

G_END_DECLS
