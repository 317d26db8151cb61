/* nt-report.h: the one writer of every Excel report
 *
 * A report is a workbook of one or more sheets.  Each sheet is laid out as a
 * Vietnamese administrative document: the authority and the school on the
 * left and the national motto on the right, the title, the table (its header
 * row repeated on every printed page), the place-and-date line and the
 * signature block.  The rows are written in order and flushed to disk as
 * they go (libxlsxwriter's constant_memory mode), so a report of 100,000
 * rows needs little memory.  User text is always written as text, never as
 * a formula.
 *
 * A report function opens a report, adds its sheets, adds the rows of each
 * sheet in order (rows of different sheets may interleave) and finishes it;
 * on any error, nt_report_free() without nt_report_finish() leaves nothing
 * behind.
 */
#pragma once

#include <glib.h>

#include "nt-progress.h"
#include "nt-store.h"

G_BEGIN_DECLS


typedef struct _NtReport      NtReport;
typedef struct _NtReportSheet NtReportSheet;

typedef enum
{
  NT_REPORT_PORTRAIT,
  NT_REPORT_LANDSCAPE,
} NtReportOrientation;

typedef enum
{
  NT_REPORT_ALIGN_LEFT,
  NT_REPORT_ALIGN_CENTER,
  NT_REPORT_ALIGN_RIGHT,
  NT_REPORT_ALIGN_WRAP,     /* left and top, long text on several lines ("\n" breaks a line) */
} NtReportAlign;

typedef struct
{
  const char    *title;   /* shown in the header row, already translated */
  double         width;   /* in characters, as Excel counts them */
  NtReportAlign  align;
} NtReportColumn;

typedef enum
{
  NT_REPORT_VALUE_EMPTY,
  NT_REPORT_VALUE_TEXT,    /* written as text even when it looks like "=1+1" */
  NT_REPORT_VALUE_NUMBER,
  NT_REPORT_VALUE_DATE,    /* text is ISO yyyy-mm-dd; shown dd/mm/yyyy as an Excel date */
} NtReportValueKind;

/* A cell's fill, from a small fixed set: one shared format each, so that a
 * matrix of 100,000 coloured cells costs no more than a plain one.  The
 * toned cells are centred; dates keep their own format. */
typedef enum
{
  NT_REPORT_TONE_NONE,
  NT_REPORT_TONE_GOOD,     /* green */
  NT_REPORT_TONE_INFO,     /* blue */
  NT_REPORT_TONE_NOTICE,   /* yellow */
  NT_REPORT_TONE_WARN,     /* orange */
  NT_REPORT_TONE_BAD,      /* red */
  NT_REPORT_TONE_TOTAL,    /* grey and bold: a total row or column */
  NT_REPORT_N_TONES
} NtReportTone;

typedef struct
{
  NtReportValueKind  kind;
  const char        *text;
  double             number;
  NtReportTone       tone;
} NtReportValue;

#define NT_REPORT_EMPTY      ((NtReportValue) { NT_REPORT_VALUE_EMPTY, NULL, 0, NT_REPORT_TONE_NONE })
#define NT_REPORT_TEXT(s)    ((NtReportValue) { NT_REPORT_VALUE_TEXT, (s), 0, NT_REPORT_TONE_NONE })
#define NT_REPORT_NUMBER(n)  ((NtReportValue) { NT_REPORT_VALUE_NUMBER, NULL, (n), NT_REPORT_TONE_NONE })
#define NT_REPORT_DATE(iso)  ((NtReportValue) { NT_REPORT_VALUE_DATE, (iso), 0, NT_REPORT_TONE_NONE })

/* @value with a fill: nt_report_toned (NT_REPORT_TEXT ("V"), NT_REPORT_TONE_BAD) */
static inline NtReportValue
nt_report_toned (NtReportValue value,
                 NtReportTone  tone)
{
  value.tone = tone;
  return value;
}

typedef enum
{
  NT_REPORT_CHART_COLUMN,
  NT_REPORT_CHART_LINE,
} NtReportChartKind;

NtReport      *nt_report_new             (NtStore                *store,
                                          const char             *path,
                                          GError                **error);
void           nt_report_set_date        (NtReport               *self,
                                          const char             *iso_date);
NtReportSheet *nt_report_add_sheet       (NtReport               *self,
                                          const char             *sheet_name,
                                          const char             *title,
                                          const char             *subtitle,
                                          const NtReportColumn   *columns,
                                          guint                   n_columns,
                                          NtReportOrientation     orientation);
void           nt_report_add_row         (NtReportSheet          *sheet,
                                          const NtReportValue    *values);
void           nt_report_add_group_row   (NtReportSheet          *sheet,
                                          const char             *text);
void           nt_report_add_page_break  (NtReportSheet          *sheet);
guint          nt_report_sheet_get_n_rows (NtReportSheet         *sheet);
guint          nt_report_sheet_get_row   (NtReportSheet          *sheet);
guint          nt_report_sheet_get_header_row (NtReportSheet     *sheet);
void           nt_report_sheet_freeze    (NtReportSheet          *sheet,
                                          guint                   n_columns);
void           nt_report_add_chart       (NtReportSheet          *sheet,
                                          NtReportChartKind       kind,
                                          const char             *title,
                                          guint                   categories_row,
                                          guint                   values_row,
                                          guint                   first_column,
                                          guint                   last_column);
gboolean       nt_report_finish          (NtReport               *self,
                                          GError                **error);
void           nt_report_free            (NtReport               *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NtReport, nt_report_free)

G_END_DECLS
