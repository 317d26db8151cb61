/* nt-assessment.h: the yearly ANTT self-assessment (tự đánh giá "An toàn
 * về an ninh, trật tự")
 *
 * Each school year has at most one assessment, against the criteria of one
 * circular (data/antt-criteria.txt: Thông tư 124/2021/TT-BCA, or the older
 * 23/2012/TT-BCA a school may still be assessed under). For each criterion
 * the school says met or not met, writes its evidence and attaches files;
 * the program adds the figures it holds itself (commitment coverage, duty
 * gaps, incidents, night checks, drills).
 *
 * The states are "draft" → "submitted" → "approved". Filling in and
 * submitting need NT_PERM_ASSESSMENT_EDIT; approving (or sending back to
 * draft) NT_PERM_ASSESSMENT_APPROVE. An approved assessment is frozen with
 * a copy of its figures: later changes to the data do not change it.
 * Reading needs no permission: the figures carry no names.
 *
 * The figures cover the school year ('2025-2026': 01/09/2025 to
 * 31/08/2026) up to the day before the day they are read.
 */
#pragma once

#include <gio/gio.h>

#include "nt-store.h"

G_BEGIN_DECLS

#define NT_ASSESSMENT_DEFAULT_CIRCULAR "124/2021/TT-BCA"

/* ----- the criteria (data/antt-criteria.txt) ------------------------------ */

typedef struct
{
  char  *id;            /* "124/2021/TT-BCA" */
  char  *name;          /* the full name: number, date, issuer, title */
  char  *short_name;    /* "Thông tư 124/2021/TT-BCA" */
  char  *issuer;
  char  *date;          /* ISO */
  char  *replaces;      /* nullable */
  char  *replaced_by;   /* nullable */
} NtAssessmentCircular;

typedef struct
{
  char      *id;         /* "tt124-1": stored in assessment_items.criterion */
  char      *circular;
  guint      number;     /* 1, 2, … within the circular */
  char      *text;
  char      *source;     /* circular, number, date, article, clause */
  gboolean   confirmed;  /* FALSE: the wording is not confirmed verbatim */
  char      *note;       /* why not, what is missing */
  char     **evidence;   /* the kinds of figures that fill it: "duty", … */
} NtAssessmentCriterion;

const NtAssessmentCircular  *nt_assessment_circulars        (guint       *n_circulars);
const NtAssessmentCircular  *nt_assessment_circular_lookup  (const char  *id);
NtAssessmentCriterion      **nt_assessment_criteria         (const char  *circular,
                                                             guint       *n_criteria);
const NtAssessmentCriterion *nt_assessment_criterion_lookup (const char  *id);

/* ----- the figures the program holds -------------------------------------- */

typedef struct
{
  char   *name;
  double  gap_hours;     /* hours of its staffed hours nobody covered */
} NtAssessmentPostGap;

typedef struct
{
  char  *category;       /* incidents.category */
  char  *label;
  guint  total;
  guint  open;           /* open or in progress */
  guint  settled;        /* closed with each outcome */
  guint  disciplined;
  guint  police;
  guint  other_outcome;
  guint  reported_to_police;
} NtAssessmentIncidents;

typedef struct
{
  char  *name;
  guint  nights;         /* nights from nights_from to the end of the period */
  guint  checked;        /* nights with at least one closed check of the building */
} NtAssessmentNights;

typedef struct
{
  char   *school_year;
  char   *from;              /* ISO: the period the figures cover */
  char   *to;
  guint   students_active;
  guint   students_signed;   /* signed the current version of every set they must */
  guint   staff_active;
  guint   staff_signed;
  guint   rule_sets;         /* rule-set families in force */
  char   *duty_from;         /* ISO: gaps counted from the first duty of the roster */
  char   *nights_from;       /* ISO: nights counted from the first night check */
  GArray *posts;             /* NtAssessmentPostGap, active posts by name */
  GArray *incidents;         /* NtAssessmentIncidents, each category with any */
  GArray *buildings;         /* NtAssessmentNights, active buildings by name */
  guint   absences;          /* night-check entries "absent" */
  guint   drills;            /* emergency rolls of kind "drill" */
  guint   emergency_rolls;   /* every emergency roll */
} NtAssessmentFigures;

NtAssessmentFigures *nt_assessment_figures_compute   (NtStore                   *store,
                                                      const char                *school_year,
                                                      const char                *as_of,
                                                      GError                   **error);
void                 nt_assessment_figures_free      (NtAssessmentFigures       *figures);
char                *nt_assessment_figures_serialize (const NtAssessmentFigures *figures);
NtAssessmentFigures *nt_assessment_figures_parse     (const char                *text,
                                                      GError                   **error);
guint                nt_assessment_figures_incidents (const NtAssessmentFigures *figures,
                                                      const char                *category);
double               nt_assessment_figures_gap_hours (const NtAssessmentFigures *figures);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NtAssessmentFigures, nt_assessment_figures_free)

/* One line of computed evidence: a sentence, and the section of the window
 * the person may open to see where it comes from. */
typedef struct
{
  char       *kind;
  char       *text;
  const char *section;   /* "roster", "incidents", "checks", "commitments", "reports" */
} NtAssessmentEvidence;

GPtrArray *nt_assessment_evidence_lines (const NtAssessmentFigures *figures,
                                         const char * const        *kinds);

/* ----- the assessment ----------------------------------------------------- */

typedef struct
{
  char   *criterion;
  int     met;          /* -1 not decided yet, 0 not met, 1 met */
  char   *evidence;     /* the school's own words */
  char  **files;        /* names relative to the files folder */
} NtAssessmentItem;

typedef struct
{
  gint64               id;
  char                *school_year;
  char                *circular;
  char                *state;             /* "draft", "submitted", "approved" */
  char                *submitted_at;      /* 'YYYY-MM-DD HH:MM', nullable */
  char                *submitted_by_name;
  char                *approved_at;
  char                *approved_by_name;
  GPtrArray           *items;             /* NtAssessmentItem, one per criterion in order */
  NtAssessmentFigures *figures;           /* frozen when approved, else read now */
} NtAssessment;

void           nt_assessment_free          (NtAssessment   *assessment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NtAssessment, nt_assessment_free)

char         **nt_assessment_years         (NtStore        *store);
char          *nt_assessment_current_year  (NtStore        *store);
gint64         nt_assessment_create        (NtStore        *store,
                                            const char     *school_year,
                                            const char     *circular,
                                            GError        **error);
NtAssessment  *nt_assessment_load          (NtStore        *store,
                                            const char     *school_year,
                                            const char     *as_of,
                                            GError        **error);
gboolean       nt_assessment_set_circular  (NtStore        *store,
                                            gint64          assessment_id,
                                            const char     *circular,
                                            GError        **error);
gboolean       nt_assessment_set_item      (NtStore        *store,
                                            gint64          assessment_id,
                                            const char     *criterion,
                                            int             met,
                                            const char     *evidence,
                                            GError        **error);
char          *nt_assessment_attach_file   (NtStore        *store,
                                            gint64          assessment_id,
                                            const char     *criterion,
                                            const char     *source_path,
                                            GError        **error);
gboolean       nt_assessment_remove_file   (NtStore        *store,
                                            gint64          assessment_id,
                                            const char     *criterion,
                                            const char     *name,
                                            GError        **error);
char          *nt_assessment_files_dir     (NtStore        *store);
char          *nt_assessment_file_path     (NtStore        *store,
                                            const char     *name);
gboolean       nt_assessment_submit        (NtStore        *store,
                                            gint64          assessment_id,
                                            GError        **error);
gboolean       nt_assessment_send_back     (NtStore        *store,
                                            gint64          assessment_id,
                                            GError        **error);
gboolean       nt_assessment_approve       (NtStore        *store,
                                            gint64          assessment_id,
                                            const char     *as_of,
                                            GError        **error);

/* The result: how many criteria are met, not met and not decided, and
 * whether the school qualifies (every criterion met). */
gboolean       nt_assessment_result        (const NtAssessment *assessment,
                                            guint              *n_met,
                                            guint              *n_not_met,
                                            guint              *n_undecided);
const char    *nt_assessment_state_label   (const char     *state);

/* For the Overview: this year's assessment at a glance. FALSE when the
 * year has none yet. */
gboolean       nt_assessment_progress      (NtStore        *store,
                                            const char     *school_year,
                                            guint          *n_decided,
                                            guint          *n_met,
                                            guint          *n_criteria,
                                            char          **state);

G_END_DECLS
