/* nt-roster-private.h: what the roster's files share
 *
 * The timeline: a date is its Julian day number, a moment is
 * day × 1440 + minutes. A shift is [start, end) in minutes of its own day,
 * end > start (a shift crossing midnight ends after 1440).
 */
#pragma once

#include "nt-roster.h"

G_BEGIN_DECLS

#define NT_DAY_MINUTES 1440

typedef struct
{
  gint64   id;
  char    *name;
  int      from;        /* minutes of the day */
  int      to;          /* > from; past 1440 when the hours cross midnight */
  int      people;
  char   **roles;       /* NULL = any */
  char     night_gender;
} NtRPost;

typedef struct
{
  gint64   id;
  char    *name;
  char    *start_text;
  char    *end_text;
  int      start;
  int      end;         /* > start */
  gboolean night;
  GArray  *post_ids;    /* gint64; NULL = all posts */
} NtRShift;

typedef struct
{
  GPtrArray *posts;     /* NtRPost, active ones, by name */
  GPtrArray *shifts;    /* NtRShift, by start time */
} NtRSetup;

NtRSetup   *nt_rsetup_load              (NtStore        *store,
                                         GError        **error);
void        nt_rsetup_free              (NtRSetup       *setup);
NtRPost    *nt_rsetup_post              (NtRSetup       *setup,
                                         gint64          id);
NtRShift   *nt_rsetup_shift             (NtRSetup       *setup,
                                         gint64          id);
gboolean    nt_rshift_applies           (const NtRShift *shift,
                                         const NtRPost  *post);
gboolean    nt_rpost_allows_role        (const NtRPost  *post,
                                         const char     *role);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NtRSetup, nt_rsetup_free)

int         nt_roster_day_number        (const char     *iso);
char       *nt_roster_day_iso           (int             day);
gboolean    nt_roster_day_is_weekend    (int             day);
char       *nt_roster_minutes_text      (int             minutes);

/* The availability of one person on one date: set bits say why not. */
typedef enum
{
  NT_AVAIL_OFF         = 1 << 0,   /* a day off or leave */
  NT_AVAIL_NO_NIGHTS   = 1 << 1,   /* never nights */
} NtAvailFlags;

G_END_DECLS
