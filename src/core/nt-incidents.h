/* nt-incidents.h: the incident book (sổ theo dõi vụ việc)
 *
 * An incident is an event at school that must be dealt with and recorded:
 * when and where it happened, its category and severity, what happened,
 * the people involved and their part, who reported it, what was done, when
 * the guardians and the police were told, and how it ended. It keeps the
 * link to where it arose: a night-check entry, a leave or a hand-over note.
 *
 * Times are local 'YYYY-MM-DD HH:MM' strings like the leave's. The states
 * are "open", "in_progress" and "closed"; an incident is closed only with
 * an outcome and a closing time. An incident not closed longer than the
 * limit of its category (data/incident-categories.txt) is "overdue".
 *
 * Reading needs NT_PERM_VIEW_INCIDENTS, writing NT_PERM_RECORD_INCIDENTS.
 * The counts (nt_incidents_count_*) give figures without names and need no
 * permission: the self-assessment and the Overview show them to every role.
 */
#pragma once

#include <gio/gio.h>

#include "nt-store.h"

G_BEGIN_DECLS

/* ----- reference lists --------------------------------------------------- */

typedef struct
{
  const char *id;          /* as stored in incidents.category */
  int         limit_days;  /* open longer than this: overdue */
  const char *label;       /* Vietnamese, from the data file */
} NtIncidentCategory;

const NtIncidentCategory *nt_incident_categories      (guint       *n_categories);
const NtIncidentCategory *nt_incident_category_lookup (const char  *id);
const char               *nt_incident_category_label  (const char  *id);

const char * const *nt_incident_place_kinds     (void);
const char         *nt_incident_place_label     (const char *place_kind);
const char * const *nt_incident_states          (void);
const char         *nt_incident_state_label     (const char *state);
const char * const *nt_incident_outcomes        (void);
const char         *nt_incident_outcome_label   (const char *outcome);
const char * const *nt_incident_parts           (void);
const char         *nt_incident_part_label      (const char *part);
const char         *nt_incident_severity_label  (int         severity);

/* ----- where an incident arose ------------------------------------------- */

typedef enum
{
  NT_INCIDENT_LINK_NONE = 0,
  NT_INCIDENT_LINK_NIGHT_CHECK,   /* id: a night_check_entries row (student and night) */
  NT_INCIDENT_LINK_LEAVE,         /* id: a leaves row */
  NT_INCIDENT_LINK_HANDOVER,      /* id: a handovers row */
  NT_INCIDENT_LINK_CONFIDENTIAL,  /* id: a confidential_reports row (nt-confidential.c links it) */
} NtIncidentLinkKind;

typedef struct
{
  NtIncidentLinkKind kind;
  gint64             id;
} NtIncidentLink;

const char         *nt_incident_link_kind_to_string   (NtIncidentLinkKind  kind);
NtIncidentLinkKind  nt_incident_link_kind_from_string (const char         *text);

/* ----- rows -------------------------------------------------------------- */

#define NT_TYPE_INCIDENT (nt_incident_get_type ())
G_DECLARE_FINAL_TYPE (NtIncident, nt_incident, NT, INCIDENT, GObject)

/* Both what nt_incidents_save() reads (set the fields, NULL strings read as
 * empty) and what the lists return (every field filled). */
struct _NtIncident
{
  GObject   parent_instance;
  gint64    id;                     /* 0: a new incident */
  char     *occurred_at;            /* 'YYYY-MM-DD HH:MM' */
  char     *place_kind;             /* "room", "building", "gate", "school", "outside", "other" */
  gint64    room_id;                /* place "room" */
  gint64    building_id;            /* place "building"; for a room, its building (read only) */
  char     *place_text;             /* more words on the place; needed outside and other */
  char     *category;               /* an id of nt_incident_categories() */
  int       severity;               /* 1..3 */
  char     *description;            /* what happened */
  char     *reported_by;            /* who reported it (anyone, in words) */
  char     *actions;                /* actions taken */
  char     *guardians_informed_at;  /* NULL: not informed */
  gint64    guardians_informed_by;  /* staff id, 0: none */
  char     *police_reported_at;     /* NULL: not reported */
  char     *police_contact;         /* to whom (officer, commune police) */
  char     *state;                  /* "open", "in_progress", "closed"; NULL on save: "open" */
  char     *outcome;                /* NULL, or "settled", "disciplined", "police", "other" */
  char     *outcome_note;
  char     *closed_at;              /* when it ended, with the outcome */
  NtIncidentLinkKind source_kind;
  gint64    source_id;

  /* Read only, filled by the lists. */
  gint64    created_by;
  char     *room_number;
  char     *building_name;
  char     *guardians_informed_by_name;
  char     *people;                 /* "Nguyễn Văn An (người gây ra), …" */
  char     *place;                  /* the place in words, for lists */
  int       age_days;               /* days from the incident to the time the list was read */
  gboolean  overdue;                /* not closed past its category's limit then */
};

#define NT_TYPE_INCIDENT_PERSON (nt_incident_person_get_type ())
G_DECLARE_FINAL_TYPE (NtIncidentPerson, nt_incident_person, NT, INCIDENT_PERSON, GObject)

/* Exactly one of student_id, staff_id, outsider_name. */
struct _NtIncidentPerson
{
  GObject   parent_instance;
  gint64    id;
  gint64    student_id;
  gint64    staff_id;
  char     *outsider_name;
  char     *part;                   /* "victim", "cause", "witness", "other" */

  /* Read only. */
  char     *name;                   /* the student's, staff member's or outsider's name */
  char     *detail;                 /* the class of a student, the role of staff, empty otherwise */
};

NtIncidentPerson *nt_incident_person_new_student  (gint64      student_id,
                                                   const char *part);
NtIncidentPerson *nt_incident_person_new_staff    (gint64      staff_id,
                                                   const char *part);
NtIncidentPerson *nt_incident_person_new_outsider (const char *name,
                                                   const char *part);

/* ----- writing ----------------------------------------------------------- */

gint64        nt_incidents_save          (NtStore           *store,
                                          NtIncident        *incident,
                                          GListModel        *people,
                                          GError           **error);
gboolean      nt_incidents_start         (NtStore           *store,
                                          gint64             incident_id,
                                          GError           **error);
gboolean      nt_incidents_close         (NtStore           *store,
                                          gint64             incident_id,
                                          const char        *outcome,
                                          const char        *outcome_note,
                                          const char        *closed_at,
                                          GError           **error);
gboolean      nt_incidents_reopen        (NtStore           *store,
                                          gint64             incident_id,
                                          GError           **error);
NtIncident   *nt_incidents_new_from_link (NtStore           *store,
                                          const NtIncidentLink *link,
                                          GListStore       **people,
                                          GError           **error);

/* ----- reading ----------------------------------------------------------- */

typedef struct
{
  const char *from;         /* ISO day, nullable: no lower bound */
  const char *to;           /* ISO day, nullable: no upper bound */
  const char *category;     /* nullable: every category */
  const char *state;        /* nullable: every state; "active": open or in progress */
  gint64      student_id;   /* 0: anyone */
  gint64      building_id;  /* 0: anywhere; else the building or one of its rooms */
  gboolean    overdue_only;
} NtIncidentFilter;

NtIncident   *nt_incidents_load          (NtStore           *store,
                                          gint64             incident_id,
                                          const char        *at_time,
                                          GError           **error);
GListStore   *nt_incidents_people        (NtStore           *store,
                                          gint64             incident_id,
                                          GError           **error);
GListStore   *nt_incidents_list          (NtStore           *store,
                                          const NtIncidentFilter *filter,
                                          const char        *at_time,
                                          GError           **error);
GListStore   *nt_incidents_for_student   (NtStore           *store,
                                          gint64             student_id,
                                          const char        *at_time,
                                          GError           **error);
gint64        nt_incidents_find_by_link  (NtStore           *store,
                                          const NtIncidentLink *link);

/* ----- counts (no names: no permission needed) ---------------------------- */

#define NT_TYPE_INCIDENT_COUNT (nt_incident_count_get_type ())
G_DECLARE_FINAL_TYPE (NtIncidentCount, nt_incident_count, NT, INCIDENT_COUNT, GObject)

/* The incidents of one category in a period, by state and by outcome. */
struct _NtIncidentCount
{
  GObject   parent_instance;
  char     *category;               /* NULL in the total row */
  char     *label;
  guint     total;
  guint     open;                   /* state "open" */
  guint     in_progress;
  guint     closed;
  guint     settled;                /* closed with each outcome */
  guint     disciplined;
  guint     police;
  guint     other_outcome;
  guint     reported_to_police;     /* with a police report, whatever the outcome */
};

GListStore   *nt_incidents_count_by_category (NtStore       *store,
                                              const char    *from,
                                              const char    *to,
                                              GError       **error);
NtIncidentCount *nt_incidents_count_total (NtStore          *store,
                                           const char        *from,
                                           const char        *to,
                                           GError           **error);
GArray       *nt_incidents_count_by_month (NtStore           *store,
                                           const char        *from,
                                           const char        *to,
                                           GError           **error);
guint         nt_incidents_count_active   (NtStore           *store,
                                           const char        *at_time,
                                           guint             *n_overdue);
void          nt_incidents_school_year_range (const char     *school_year,
                                              char          **from,
                                              char          **to);

G_END_DECLS
