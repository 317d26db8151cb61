/* nt-reports-private.h: what the report functions (nt-reports.c,
 * nt-reports-period.c and the nt-report-*.c files) share; not for other modules */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "nt-report.h"
#include "nt-reports.h"
#include "nt-store.h"

G_BEGIN_DECLS

/* Progress is reported, and cancellation checked, every this many rows. */
#define NT_REPORTS_PROGRESS_STEP 256

/* The active boarding students, as the reports count them (students s). */
#define NT_REPORTS_BOARDER "s.boarding = 'boarding' AND s.active = 1"

/* The first day of a student's current stay in the dorm, for the open
 * assignment a of student s: the start of the latest assignment that no
 * earlier assignment runs into.  A move from one bed to another ends one
 * assignment on the day the next starts, so it does not start a new stay;
 * leaving the dorm and coming back later does. */
#define NT_REPORTS_STAY_START \
  "(SELECT max(x.start_date) FROM bed_assignments x " \
  "WHERE x.student_id = s.id AND x.start_date <= a.start_date " \
  "AND NOT EXISTS (SELECT 1 FROM bed_assignments y " \
  "WHERE y.student_id = s.id AND y.id <> x.id AND y.start_date < x.start_date " \
  "AND (y.end_date IS NULL OR y.end_date >= x.start_date)))"

typedef struct
{
  GCancellable   *cancellable;
  NtProgressFunc  func;
  gpointer        data;
  gint64          total;
  gint64          done;
} NtReportsProgress;

gboolean    nt_reports_progress_step   (NtReportsProgress      *p,
                                        GError                **error);
void        nt_reports_progress_done   (NtReportsProgress      *p);
const char *nt_reports_column_text     (sqlite3_stmt           *stmt,
                                        int                     column);
char       *nt_reports_school_year_line (NtStore               *store);
NtReport   *nt_reports_open            (NtStore                *store,
                                        const NtReportOptions  *options,
                                        const char             *path,
                                        GError                **error);
gboolean    nt_reports_check_step      (NtStore                *store,
                                        sqlite3_stmt           *stmt,
                                        int                     rc,
                                        GError                **error);
char       *nt_reports_home_place      (const char             *address,
                                        const char             *commune);

/* Called on each row of a query: @number counts the rows of the current
 * group (nt_reports_by_class) or of the whole query (nt_reports_each_row),
 * from 1. */
typedef void (*NtReportsRowFunc) (sqlite3_stmt *stmt,
                                  guint         number,
                                  gpointer      data);

gboolean    nt_reports_each_row        (NtStore                *store,
                                        sqlite3_stmt           *stmt,
                                        NtReportsProgress      *progress,
                                        NtReportsRowFunc        func,
                                        gpointer                data,
                                        GError                **error);
gboolean    nt_reports_by_class        (NtStore                *store,
                                        NtReportSheet          *sheet,
                                        const char             *students_sql,
                                        NtReportsProgress      *progress,
                                        NtReportsRowFunc        func,
                                        gpointer                data,
                                        GError                **error);
gboolean    nt_reports_finish          (NtReport               *report,
                                        NtReportsProgress      *progress,
                                        GError                **error);

/* The period of the night-check, leave and meal reports (nt-reports-period.c):
 * what it is when the options give no day. */
typedef enum
{
  NT_REPORTS_PERIOD_TODAY,
  NT_REPORTS_PERIOD_TOMORROW,
  NT_REPORTS_PERIOD_MONTH,      /* the current month */
} NtReportsPeriod;

gboolean    nt_reports_period          (const NtReportOptions  *options,
                                        NtReportsPeriod         fallback,
                                        char                  **from,
                                        char                  **to,
                                        GError                **error);
char       *nt_reports_period_line     (const char             *from,
                                        const char             *to);
int         nt_reports_days_between    (const char             *from,
                                        const char             *to);
char       *nt_reports_day_after       (const char             *iso,
                                        int                     days);
gboolean    nt_reports_building_check  (NtStore                *store,
                                        gint64                  building_id,
                                        char                  **name,
                                        GError                **error);
gboolean    nt_reports_begin_period    (const NtReportOptions **options,
                                        GCancellable           *cancellable,
                                        NtReportsPeriod         fallback,
                                        char                  **from,
                                        char                  **to,
                                        GError                **error);
NtReportSheet *nt_reports_period_sheet (NtReport               *report,
                                        const char             *name,
                                        const char             *sheet_name,
                                        const char             *from,
                                        const char             *to,
                                        const NtReportColumn   *columns,
                                        guint                   n_columns,
                                        NtReportOrientation     orientation);
NtReportSheet *nt_reports_building_period_sheet (NtReport             *report,
                                                 const char           *name,
                                                 const char           *sheet_name,
                                                 const char           *building,
                                                 const char           *from,
                                                 const char           *to,
                                                 const NtReportColumn *columns,
                                                 guint                 n_columns,
                                                 NtReportOrientation   orientation);

G_END_DECLS
