/* nt-commitments.h: rule sets (nội quy) in versions, and the people's
 * signed commitments to follow them (bản cam kết thực hiện nội quy)
 *
 * A rule set is a family of versions: one row of rule_sets per version,
 * sharing a family key (a slug of the first name, "noi-quy-khu-noi-tru").
 * A person signs a version; a newer version makes that signature out of
 * date, and the person must sign again. Who must sign: every active student
 * for a "students" set, every active staff member for a "staff" set, both
 * for "both".
 */
#pragma once

#include <gio/gio.h>

#include "nt-store.h"

G_BEGIN_DECLS

/* ----- list rows --------------------------------------------------------- */

/* One version of a rule set. */
#define NT_TYPE_RULE_SET (nt_rule_set_get_type ())
G_DECLARE_FINAL_TYPE (NtRuleSet, nt_rule_set, NT, RULE_SET, GObject)

struct _NtRuleSet
{
  GObject   parent_instance;
  gint64    id;
  char     *family;
  char     *name;
  char     *audience;        /* "students", "boarders" (boarding students only), "staff", "both" */
  int       version;         /* from 1 */
  int       latest_version;  /* of the family, when the row was read */
  char     *title;
  char     *effective_date;  /* ISO */
  char     *body;            /* the articles, one paragraph each */
};

typedef enum
{
  NT_PERSON_STUDENT,
  NT_PERSON_STAFF,
} NtPersonKind;

typedef enum
{
  NT_COMMITMENT_MISSING,    /* never signed any version */
  NT_COMMITMENT_OUTDATED,   /* signed an earlier version */
  NT_COMMITMENT_SIGNED,     /* signed the latest version */
} NtCommitmentStatus;

/* A person who must sign a rule set, and where they stand. */
#define NT_TYPE_COMMITMENT_ENTRY (nt_commitment_entry_get_type ())
G_DECLARE_FINAL_TYPE (NtCommitmentEntry, nt_commitment_entry, NT, COMMITMENT_ENTRY, GObject)

struct _NtCommitmentEntry
{
  GObject   parent_instance;
  int       kind;             /* NtPersonKind */
  gint64    person_id;
  char     *code;
  char     *full_name;
  char     *gender;           /* "M", "F" */
  char     *birth_date;       /* ISO, students only */
  gint64    class_id;         /* students only */
  char     *group;            /* the class name, or the staff role's label */
  char     *role;             /* staff: the stored role; students: NULL */
  char     *boarding;         /* students: "boarding", "semi", "day" */
  char     *building_name;    /* boarders with a bed now */
  char     *room_number;
  char     *bed_label;
  char     *homeroom_name;    /* the class's homeroom teacher */
  char     *guardian_name;    /* students only */
  int       status;           /* NtCommitmentStatus */
  gint64    commitment_id;    /* of the latest signature, 0 when none */
  int       signed_version;   /* 0 when none */
  char     *signed_on;        /* ISO, NULL when none */
  gboolean  guardian_signed;
  gint64    collected_by;
  char     *collected_by_name;
  char     *scan_path;        /* relative to the files folder, NULL when none */
};

/* A group of people (a class, a staff role, or everyone) and how far
 * they have signed a rule set. */
#define NT_TYPE_COMMITMENT_COVERAGE (nt_commitment_coverage_get_type ())
G_DECLARE_FINAL_TYPE (NtCommitmentCoverage, nt_commitment_coverage, NT, COMMITMENT_COVERAGE, GObject)

struct _NtCommitmentCoverage
{
  GObject   parent_instance;
  int       kind;             /* NtPersonKind of the group */
  char     *group;            /* class name, or role label */
  char     *key;              /* class name, or stored role */
  guint     total;
  guint     n_signed;
  guint     n_missing;
  guint     n_outdated;
  double    percent;          /* n_signed / total × 100; 100 when total is 0 */
  char     *missing_names;    /* the names of the missing and out of date, ", " between */
};

/* ----- rule sets --------------------------------------------------------- */

typedef struct
{
  const char *name;           /* the set's name; a new version may leave it NULL to keep it */
  const char *audience;       /* "students", "boarders", "staff", "both"; NULL to keep */
  const char *title;          /* the version's title, printed on the form */
  const char *effective_date; /* dd/mm/yyyy or ISO */
  const char *body;           /* the articles, one per paragraph */
} NtRuleSetInput;

gint64      nt_rule_sets_create        (NtStore               *store,
                                        const NtRuleSetInput  *input,
                                        GError               **error);
gint64      nt_rule_sets_add_version   (NtStore               *store,
                                        const char            *family,
                                        const NtRuleSetInput  *input,
                                        GError               **error);
GListStore *nt_rule_sets_list          (NtStore               *store,
                                        GError               **error);
GListStore *nt_rule_sets_versions      (NtStore               *store,
                                        const char            *family,
                                        GError               **error);
NtRuleSet  *nt_rule_sets_load          (NtStore               *store,
                                        gint64                 id,
                                        GError               **error);
NtRuleSet  *nt_rule_sets_find          (NtStore               *store,
                                        const char            *family_or_name,
                                        GError               **error);
char       *nt_rule_sets_family_key    (const char            *name);
char      **nt_rule_set_articles       (NtRuleSet             *set);
gboolean    nt_rule_set_for_students   (NtRuleSet             *set);
gboolean    nt_rule_set_for_staff      (NtRuleSet             *set);
gboolean    nt_rule_set_boarders_only  (NtRuleSet             *set);
const char *nt_rule_set_audience_label (const char            *audience);

/* ----- signing ----------------------------------------------------------- */

typedef struct
{
  gint64      rule_set_id;     /* the version signed */
  NtPersonKind kind;
  gint64      person_id;       /* ignored by nt_commitments_sign_batch() */
  const char *signed_on;       /* dd/mm/yyyy or ISO; NULL or "" for today */
  gboolean    guardian_signed; /* students only */
  gint64      collected_by;    /* a staff id, 0 when not said */
} NtCommitmentInput;

gint64      nt_commitments_sign        (NtStore                  *store,
                                        const NtCommitmentInput  *input,
                                        GError                  **error);
gboolean    nt_commitments_sign_batch  (NtStore                  *store,
                                        const NtCommitmentInput  *input,
                                        const gint64             *person_ids,
                                        guint                     n_people,
                                        GError                  **error);
gboolean    nt_commitments_remove      (NtStore                  *store,
                                        gint64                    commitment_id,
                                        GError                  **error);
gboolean    nt_commitments_attach_scan (NtStore                  *store,
                                        gint64                    commitment_id,
                                        const char               *source_path,
                                        GError                  **error);
char       *nt_commitments_files_dir   (NtStore                  *store);
char       *nt_commitments_scan_file   (NtStore                  *store,
                                        const char               *scan_path);

/* ----- who stands where -------------------------------------------------- */

typedef struct
{
  gint64       class_id;       /* 0: every class */
  const char  *role;           /* a staff role; NULL: every role */
  gboolean     students_only;
  gboolean     staff_only;
  gboolean     unsigned_only;  /* missing or out of date */
  gint64       student_id;     /* one student; 0: not this filter */
  gint64       staff_id;       /* one staff member; 0: not this filter */
} NtCommitmentScope;

GListStore *nt_commitments_entries     (NtStore                  *store,
                                        NtRuleSet                *set,
                                        const NtCommitmentScope  *scope,
                                        GError                  **error);
GListStore *nt_commitments_coverage    (NtStore                  *store,
                                        NtRuleSet                *set,
                                        GError                  **error);
gboolean    nt_commitments_totals      (NtStore                  *store,
                                        NtRuleSet                *set,
                                        guint                    *total,
                                        guint                    *n_signed,
                                        guint                    *n_missing,
                                        guint                    *n_outdated,
                                        GError                  **error);
double      nt_commitments_school_percent (NtStore               *store,
                                           guint                 *total,
                                           guint                 *n_signed);
const char *nt_commitment_status_label (NtCommitmentStatus        status);

G_END_DECLS
