/* nt-cli.h: the headless jobs of `noitru` (demo school, later import,
 * export, backup, check); each calls the same core functions as the window */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char    *db_path;      /* --db, or the default place */
  char    *demo_path;    /* --demo */
  gint64   seed;         /* --seed */
  gint64   n_students;   /* --students (with --demo) */
  gboolean version;      /* --version */
  gboolean list_reports; /* --list-reports */
  char    *import_students; /* --import-students FILE */
  char    *import_staff;     /* --import-staff FILE */
  char    *sheet;            /* --sheet NAME, with an import */
  char    *export_name;  /* --export: a report's name */
  char    *output;       /* -o, with --export */
  char    *from;         /* --from, ISO, with --export */
  char    *to;           /* --to, ISO, with --export */
  char    *group_by;     /* --group-by: "class" or "room" */
  gint64   building;     /* --building, 0 for every building */
  char    *print_commitments; /* --print-commitments SET: a rule set's family or name */
  char    *class_name;   /* --class NAME, with --print-commitments */
  gboolean missing;      /* --missing, with --print-commitments */
  gboolean double_sided; /* --double-sided, with --print-commitments */
  char    *backup_dir;   /* --backup DIR */
  char    *restore_file; /* --restore FILE */
  gboolean check;        /* --check */
} NtCliOptions;

NtCliOptions *nt_cli_parse            (int           *argc,
                                       char        ***argv,
                                       GError       **error);
gboolean      nt_cli_has_job          (NtCliOptions  *options);
int           nt_cli_run              (NtCliOptions  *options);
char         *nt_cli_default_db_path  (void);
void          nt_cli_options_free     (NtCliOptions  *options);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NtCliOptions, nt_cli_options_free)

G_END_DECLS
