/* nt-reports.h: the reports of the program, by name
 *
 * Each report is one function that writes an .xlsx file through the report
 * engine (nt-report.h).  The window's Reports section and the command line
 * (`noitru --export NAME -o FILE`) list and call them from here.
 */
#pragma once

#include <gio/gio.h>

#include "nt-report.h"
#include "nt-store.h"

G_BEGIN_DECLS

typedef enum
{
  NT_REPORT_GROUP_BY_CLASS,
  NT_REPORT_GROUP_BY_ROOM,
} NtReportGroupBy;

/* What a report may be asked for; each report reads the fields it knows.
 * A zeroed struct (or NULL) means: everything, grouped by class, dated today. */
typedef struct
{
  const char       *from;          /* ISO, nullable: the first day of a period */
  const char       *to;            /* ISO, nullable: the last day of a period */
  NtReportGroupBy   group_by;
  gint64            building_id;   /* 0 for every building */
  const char       *date;          /* ISO, nullable: the date of the document, today if NULL */
} NtReportOptions;

typedef gboolean (*NtReportWriteFunc) (NtStore                *store,
                                       const NtReportOptions  *options,
                                       const char             *path,
                                       GCancellable           *cancellable,
                                       NtProgressFunc          progress,
                                       gpointer                progress_data,
                                       GError                **error);

typedef struct
{
  const char        *name;         /* for --export: "students", "rooms", … */
  const char        *title;        /* untranslated msgid: show it with _() */
  NtReportWriteFunc  write;
  const char        *description;  /* untranslated msgid: show it with _() */
} NtReportInfo;

const NtReportInfo *nt_reports_list  (guint                  *n_reports);
const NtReportInfo *nt_reports_find  (const char             *name);
gboolean            nt_reports_write (NtStore                *store,
                                      const char             *name,
                                      const NtReportOptions  *options,
                                      const char             *path,
                                      GCancellable           *cancellable,
                                      NtProgressFunc          progress,
                                      gpointer                progress_data,
                                      GError                **error);

gboolean nt_report_students  (NtStore                *store,
                              const NtReportOptions  *options,
                              const char             *path,
                              GCancellable           *cancellable,
                              NtProgressFunc          progress,
                              gpointer                progress_data,
                              GError                **error);
gboolean nt_report_rooms     (NtStore                *store,
                              const NtReportOptions  *options,
                              const char             *path,
                              GCancellable           *cancellable,
                              NtProgressFunc          progress,
                              gpointer                progress_data,
                              GError                **error);
gboolean nt_report_register  (NtStore                *store,
                              const NtReportOptions  *options,
                              const char             *path,
                              GCancellable           *cancellable,
                              NtProgressFunc          progress,
                              gpointer                progress_data,
                              GError                **error);
gboolean nt_report_residence (NtStore                *store,
                              const NtReportOptions  *options,
                              const char             *path,
                              GCancellable           *cancellable,
                              NtProgressFunc          progress,
                              gpointer                progress_data,
                              GError                **error);

gboolean nt_report_attendance (NtStore                *store,
                               const NtReportOptions  *options,
                               const char             *path,
                               GCancellable           *cancellable,
                               NtProgressFunc          progress,
                               gpointer                progress_data,
                               GError                **error);
gboolean nt_report_night_summary (NtStore             *store,
                                  const NtReportOptions *options,
                                  const char          *path,
                                  GCancellable        *cancellable,
                                  NtProgressFunc       progress,
                                  gpointer             progress_data,
                                  GError             **error);
gboolean nt_report_leave     (NtStore                *store,
                              const NtReportOptions  *options,
                              const char             *path,
                              GCancellable           *cancellable,
                              NtProgressFunc          progress,
                              gpointer                progress_data,
                              GError                **error);
gboolean nt_report_meals     (NtStore                *store,
                              const NtReportOptions  *options,
                              const char             *path,
                              GCancellable           *cancellable,
                              NtProgressFunc          progress,
                              gpointer                progress_data,
                              GError                **error);

gboolean nt_report_emergency_rolls (NtStore              *store,
                                    const NtReportOptions *options,
                                    const char            *path,
                                    GCancellable          *cancellable,
                                    NtProgressFunc         progress,
                                    gpointer               progress_data,
                                    GError               **error);

/* Dorm life (issue 9). */
gboolean nt_report_visitors    (NtStore                *store,
                                const NtReportOptions  *options,
                                const char             *path,
                                GCancellable           *cancellable,
                                NtProgressFunc          progress,
                                gpointer                progress_data,
                                GError                **error);
gboolean nt_report_room_scores (NtStore                *store,
                                const NtReportOptions  *options,
                                const char             *path,
                                GCancellable           *cancellable,
                                NtProgressFunc          progress,
                                gpointer                progress_data,
                                GError                **error);
gboolean nt_report_dialogues   (NtStore                *store,
                                const NtReportOptions  *options,
                                const char             *path,
                                GCancellable           *cancellable,
                                NtProgressFunc          progress,
                                gpointer                progress_data,
                                GError                **error);

gboolean nt_report_incidents (NtStore                *store,
                              const NtReportOptions  *options,
                              const char             *path,
                              GCancellable           *cancellable,
                              NtProgressFunc          progress,
                              gpointer                progress_data,
                              GError                **error);
gboolean nt_report_incident_stats (NtStore                *store,
                                   const NtReportOptions  *options,
                                   const char             *path,
                                   GCancellable           *cancellable,
                                   NtProgressFunc          progress,
                                   gpointer                progress_data,
                                   GError                **error);

gboolean nt_report_roster (NtStore                *store,
                           const NtReportOptions  *options,
                           const char             *path,
                           GCancellable           *cancellable,
                           NtProgressFunc          progress,
                           gpointer                progress_data,
                           GError                **error);
gboolean nt_report_duty_counts (NtStore                *store,
                                const NtReportOptions  *options,
                                const char             *path,
                                GCancellable           *cancellable,
                                NtProgressFunc          progress,
                                gpointer                progress_data,
                                GError                **error);
gboolean nt_report_handovers (NtStore                *store,
                              const NtReportOptions  *options,
                              const char             *path,
                              GCancellable           *cancellable,
                              NtProgressFunc          progress,
                              gpointer                progress_data,
                              GError                **error);

gboolean nt_report_assessment (NtStore                *store,
                               const NtReportOptions  *options,
                               const char             *path,
                               GCancellable           *cancellable,
                               NtProgressFunc          progress,
                               gpointer                progress_data,
                               GError                **error);

gboolean nt_report_commitments (NtStore                *store,
                                const NtReportOptions  *options,
                                const char             *path,
                                GCancellable           *cancellable,
                                NtProgressFunc          progress,
                                gpointer                progress_data,
                                GError                **error);
gboolean nt_report_commitment_coverage (NtStore                *store,
                                        const NtReportOptions  *options,
                                        const char             *path,
                                        GCancellable           *cancellable,
                                        NtProgressFunc          progress,
                                        gpointer                progress_data,
                                        GError                **error);

gboolean nt_report_audit     (NtStore                *store,
                              const NtReportOptions  *options,
                              const char             *path,
                              GCancellable           *cancellable,
                              NtProgressFunc          progress,
                              gpointer                progress_data,
                              GError                **error);

const char *nt_report_attendance_letter (const char  *status);

G_END_DECLS
