/* nt-reports-page.c: one group per report (its title, what it holds, the
 * options it reads) with an "Export to Excel…" button; the export runs in a
 * thread with its own connection to the database, shows its progress in the
 * group and can be cancelled */
#define G_LOG_DOMAIN "nt-reports-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nt-context.h"
#include "nt-date.h"
#include "nt-error.h"
#include "nt-reports-page.h"
#include "nt-reports.h"
#include "nt-rooms.h"
#include "nt-vntext.h"
#include "nt-window.h"

/* ----- which report reads which option ------------------------------------ */

typedef enum
{
  USES_GROUP_BY = 1 << 0,
  USES_BUILDING = 1 << 1,
  USES_PERIOD   = 1 << 2,   /* from and to; empty for the report's usual period */
} OptionFlags;

/* Reports not listed here have no options to show. */
static const struct
{
  const char  *report;
  OptionFlags  flags;
} report_options[] = {
  { "students", USES_GROUP_BY },
  { "rooms", USES_BUILDING },
  { "attendance", USES_PERIOD },
  { "night-summary", USES_PERIOD },
  { "leave", USES_PERIOD },
  { "meals", USES_PERIOD },
  { "emergency-rolls", USES_PERIOD },
  { "incidents", USES_PERIOD },
  { "incident-stats", USES_PERIOD },
  { "visitors", USES_PERIOD },
  { "room-scores", USES_PERIOD },
  { "dialogues", USES_PERIOD },
  { "roster", USES_PERIOD },
  { "duty-counts", USES_PERIOD },
  { "handovers", USES_PERIOD },
  { "audit", USES_PERIOD },
};

static OptionFlags
options_of (const char *report)
{
  for (guint i = 0; i < G_N_ELEMENTS (report_options); i++)
    if (g_str_equal (report_options[i].report, report))
      return report_options[i].flags;
  return 0;
}

/* ----- types ------------------------------------------------------------------ */

typedef struct
{
  NtReportsPage       *page;          /* not a reference: the page owns the row */
  const NtReportInfo  *info;
  AdwPreferencesGroup *group;
  AdwComboRow         *group_by_row;  /* nullable */
  AdwComboRow         *building_row;  /* nullable */
  GtkEditable         *from_row;      /* nullable: the period, dd/mm/yyyy */
  GtkEditable         *to_row;
  GtkWidget           *export_button;
  AdwActionRow        *progress_row;
  GtkProgressBar      *progress_bar;
  GtkWidget           *cancel_button;
  GCancellable        *cancellable;   /* while an export runs */
} ReportRow;

struct _NtReportsPage
{
  AdwBin              parent_instance;

  NtContext          *context;
  AdwPreferencesPage *preferences;  /* the child */

  GPtrArray          *rows;           /* ReportRow, in the order of nt_reports_list() */
  GtkStringList      *buildings;      /* "All buildings", then each active building */
  GArray             *building_ids;   /* gint64, parallel to buildings; 0 for all */
  GFile              *last_folder;    /* where the last export went */
  gboolean            disposed;
};

G_DEFINE_FINAL_TYPE (NtReportsPage, nt_reports_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { EXPORT_FINISHED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* What the thread needs; it never touches the page or its widgets. */
typedef struct
{
  char            *report;
  char            *path;
  char            *db_path;
  NtReportOptions  options;
  char            *from;              /* what options.from and .to point at */
  char            *to;

  /* The thread writes the fraction, the main loop shows it: at most one
   * idle callback is pending, so a fast report does not flood the loop. */
  GMutex           lock;
  double           fraction;
  gboolean         idle_pending;
  GTask           *task;              /* not a reference: the task owns the job */
} Job;

static void
job_free (Job *job)
{
  g_free (job->report);
  g_free (job->path);
  g_free (job->db_path);
  g_free (job->from);
  g_free (job->to);
  g_mutex_clear (&job->lock);
  g_free (job);
}

static ReportRow *
find_row (NtReportsPage *self,
          const char    *report)
{
  for (guint i = 0; self->rows && i < self->rows->len; i++)
    {
      ReportRow *row = g_ptr_array_index (self->rows, i);
      if (g_str_equal (row->info->name, report))
        return row;
    }
  return NULL;
}

/* ----- buildings --------------------------------------------------------------- */

static void
refresh_buildings (NtReportsPage *self)
{
  g_autoptr(GListStore) list = nt_rooms_list_buildings (nt_context_get_store (self->context), TRUE, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  ReportRow *rooms = find_row (self, "rooms");
  gint64 selected_id = 0;
  const gint64 all = 0;
  guint selected = 0;
  guint n = list ? g_list_model_get_n_items (G_LIST_MODEL (list)) : 0;

  if (rooms && rooms->building_row)
    {
      guint i = adw_combo_row_get_selected (rooms->building_row);
      if (i < self->building_ids->len)
        selected_id = g_array_index (self->building_ids, gint64, i);
    }

  g_array_set_size (self->building_ids, 0);
  g_ptr_array_add (names, g_strdup (_("All buildings")));
  g_array_append_val (self->building_ids, all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtBuilding) b = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (b->id == selected_id)
        selected = self->building_ids->len;
      g_ptr_array_add (names, g_strdup (b->name));
      g_array_append_val (self->building_ids, b->id);
    }
  g_ptr_array_add (names, NULL);

  gtk_string_list_splice (self->buildings, 0, g_list_model_get_n_items (G_LIST_MODEL (self->buildings)),
                          (const char *const *) names->pdata);
  if (rooms && rooms->building_row)
    adw_combo_row_set_selected (rooms->building_row, selected);
}

/* ----- the options of a row ------------------------------------------------------ */

/* The ISO day typed in @entry (dd/mm/yyyy), %NULL for an empty one; FALSE
 * with @error naming the field when it is not a date. */
static gboolean
read_day (GtkEditable  *entry,
          const char   *field,
          char        **iso,
          GError      **error)
{
  g_autofree char *text = entry ? g_strstrip (g_strdup (gtk_editable_get_text (entry))) : NULL;
  g_autoptr(GDate) date = NULL;
  g_autoptr(GError) local = NULL;

  *iso = NULL;
  if (text == NULL || text[0] == '\0')
    return TRUE;
  date = nt_date_parse_display (text, &local);
  if (date == NULL)
    {
      g_autofree char *why = g_strdup (local->message);
      gsize len = strlen (why);

      if (len > 0 && why[len - 1] == '.')
        why[len - 1] = '\0';
      /* TRANSLATORS: %s is the field ("Từ ngày"), then why the date is wrong */
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("%s: %s. Nothing was written."), field, why);
      return FALSE;
    }
  *iso = nt_date_to_iso (date);
  return TRUE;
}

/* The period typed in @row, each day %NULL when left empty (the report's
 * usual period). */
static gboolean
read_period (ReportRow  *row,
             char      **from,
             char      **to,
             GError    **error)
{
  *from = *to = NULL;
  if (!read_day (row->from_row, C_("period", "From"), from, error) ||
      !read_day (row->to_row, C_("period", "To"), to, error))
    {
      g_clear_pointer (from, g_free);
      return FALSE;
    }
  /* One day given: that day alone. */
  if (*from == NULL && *to != NULL)
    *from = g_strdup (*to);
  if (*to == NULL && *from != NULL)
    *to = g_strdup (*from);
  if (*from != NULL && strcmp (*from, *to) > 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The period ends before it starts: correct “To” or “From”. Nothing was written."));
      g_clear_pointer (from, g_free);
      g_clear_pointer (to, g_free);
      return FALSE;
    }
  return TRUE;
}

static void
read_options (ReportRow       *row,
              NtReportOptions *options)
{
  NtReportsPage *self = row->page;

  memset (options, 0, sizeof *options);
  options->group_by = NT_REPORT_GROUP_BY_CLASS;
  if (row->group_by_row && adw_combo_row_get_selected (row->group_by_row) == 1)
    options->group_by = NT_REPORT_GROUP_BY_ROOM;
  if (row->building_row)
    {
      guint i = adw_combo_row_get_selected (row->building_row);
      if (i < self->building_ids->len)
        options->building_id = g_array_index (self->building_ids, gint64, i);
    }
}

/* "Danh sách học sinh nội trú" from "DANH SÁCH HỌC SINH NỘI TRÚ": the titles
 * are upper case as on paper, which shouts on screen. */
static char *
sentence_case (const char *title)
{
  g_autofree char *lower = g_utf8_strdown (title, -1);
  gunichar first = g_utf8_get_char (lower);
  char buf[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_totitle (first), buf);
  return g_strconcat (buf, g_utf8_next_char (lower), NULL);
}

/* Appends "-" and @text folded to ASCII words joined by dashes. */
static void
append_slug (GString    *out,
             const char *text)
{
  g_autofree char *folded = nt_vn_fold (text);
  gboolean dash = out->len > 0;

  for (const char *p = folded; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash)
            g_string_append_c (out, '-');
          g_string_append_c (out, *p);
          dash = FALSE;
        }
      else
        dash = out->len > 0;
    }
}

/**
 * nt_reports_page_suggest_file_name:
 *
 * The file name the file chooser offers: the report's title without
 * diacritics, the options that are not the default, and today's date
 * ("danh-sach-hoc-sinh-noi-tru-2026-11-26.xlsx"), so that exports of
 * different days and buildings do not replace each other.
 *
 * Returns: (transfer full) (nullable): the name, or %NULL for no such report
 */
char *
nt_reports_page_suggest_file_name (NtReportsPage *self,
                                   const char    *report)
{
  ReportRow *row;
  GString *name;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  AdwComboRow *combos[2];

  g_return_val_if_fail (NT_IS_REPORTS_PAGE (self), NULL);
  g_return_val_if_fail (report != NULL, NULL);

  row = find_row (self, report);
  if (row == NULL)
    return NULL;

  name = g_string_new (NULL);
  append_slug (name, _(row->info->title));
  combos[0] = row->group_by_row;
  combos[1] = row->building_row;
  for (guint i = 0; i < G_N_ELEMENTS (combos); i++)
    if (combos[i] && adw_combo_row_get_selected (combos[i]) > 0)
      {
        GtkStringObject *item = adw_combo_row_get_selected_item (combos[i]);
        append_slug (name, gtk_string_object_get_string (item));
      }
  if (name->len == 0)
    g_string_append (name, row->info->name);
  {
    g_autofree char *from = NULL;
    g_autofree char *to = NULL;

    /* The period typed, else the day of the export. */
    if (read_period (row, &from, &to, NULL) && from != NULL)
      g_string_append_printf (name, g_strcmp0 (from, to) == 0 ? "-%s.xlsx" : "-%s-den-%s.xlsx", from, to);
    else
      g_string_append_printf (name, "-%s.xlsx", today);
  }
  return g_string_free (name, FALSE);
}

/* ----- the export --------------------------------------------------------------- */

static void
set_busy (ReportRow  *row,
          gboolean    busy,
          const char *path)
{
  if (busy)
    {
      g_autofree char *base = g_path_get_basename (path);

      adw_action_row_set_subtitle (row->progress_row, base);
      gtk_progress_bar_set_fraction (row->progress_bar, 0);
    }
  gtk_widget_set_visible (GTK_WIDGET (row->progress_row), busy);
  gtk_widget_set_sensitive (row->export_button, !busy);
  gtk_widget_set_sensitive (row->cancel_button, busy);
}

static gboolean
show_progress (gpointer data)
{
  GTask *task = G_TASK (data);
  NtReportsPage *self = NT_REPORTS_PAGE (g_task_get_source_object (task));
  Job *job = g_task_get_task_data (task);
  ReportRow *row;
  double fraction;

  g_mutex_lock (&job->lock);
  fraction = job->fraction;
  job->idle_pending = FALSE;
  g_mutex_unlock (&job->lock);

  row = self->disposed ? NULL : find_row (self, job->report);
  if (row && row->cancellable)
    gtk_progress_bar_set_fraction (row->progress_bar, fraction);
  return G_SOURCE_REMOVE;
}

/* In the thread. */
static void
on_job_progress (double   fraction,
                 gpointer data)
{
  Job *job = data;
  gboolean schedule;

  g_mutex_lock (&job->lock);
  job->fraction = fraction;
  schedule = !job->idle_pending;
  job->idle_pending = TRUE;
  g_mutex_unlock (&job->lock);

  if (schedule)
    g_idle_add_full (G_PRIORITY_DEFAULT, show_progress, g_object_ref (job->task), g_object_unref);
}

/* The reports keep prepared statements in the store, which is not for two
 * threads at once: the thread opens the same file on its own. */
static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(NtStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  store = nt_store_open (job->db_path, NT_STORE_OPEN_EXISTING, &error);
  if (store == NULL ||
      !nt_reports_write (store, job->report, &job->options, job->path, cancellable,
                         on_job_progress, job, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_open_clicked (AdwToast *toast,
                 gpointer  data)
{
  GtkWidget *widget = data;
  const char *path = g_object_get_data (G_OBJECT (toast), "path");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
toast (NtReportsPage *self,
       AdwToast      *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* A wrong period, with the report it is about; it stays until read. */
static void
say_wrong_period (ReportRow    *row,
                  const GError *error)
{
  g_autofree char *title = sentence_case (_(row->info->title));
  g_autofree char *text = g_strdup_printf ("%s — %s", title, error->message);
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *t = adw_toast_new (escaped);

  adw_toast_set_timeout (t, 0);
  toast (row->page, t);
}

static void
show_result (NtReportsPage *self,
             Job           *job,
             const GError  *error)
{
  AdwToast *t;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;

  if (error == NULL)
    {
      g_autofree char *base = g_path_get_basename (job->path);

      escaped = g_markup_escape_text (base, -1);
      title = g_strdup_printf (_("Exported “%s”"), escaped);
      t = adw_toast_new (title);
      /* TRANSLATORS: the button of the toast after an export: opens the file */
      adw_toast_set_button_label (t, _("_Open"));
      g_object_set_data_full (G_OBJECT (t), "path", g_strdup (job->path), g_free);
      g_signal_connect_object (t, "button-clicked", G_CALLBACK (on_open_clicked), self, 0);
      adw_toast_set_timeout (t, 10);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    t = adw_toast_new (_("Export cancelled; no file was written."));
  else
    {
      /* A failure stays until the person has read it. */
      escaped = g_markup_escape_text (error->message, -1);
      t = adw_toast_new (escaped);
      adw_toast_set_timeout (t, 0);
    }
  toast (self, t);
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  NtReportsPage *self = NT_REPORTS_PAGE (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  ReportRow *row = find_row (self, job->report);

  g_task_propagate_boolean (G_TASK (result), &error);
  if (row)
    {
      g_clear_object (&row->cancellable);
      if (!self->disposed)
        set_busy (row, FALSE, NULL);
    }
  if (!self->disposed)
    show_result (self, job, error);
  if (error && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("Export of %s to %s failed: %s", job->report, job->path, error->message);
  g_signal_emit (self, signals[EXPORT_FINISHED], 0, job->report, job->path, error ? error->message : NULL);
}

/**
 * nt_reports_page_export:
 * @report: a report's name ("students")
 * @path: the .xlsx file to write (replaced if it exists)
 *
 * Starts writing @report with the options shown in its group, in a thread;
 * NtReportsPage::export-finished tells when it is done.  The file chooser
 * ends here too.
 *
 * Returns: %FALSE when there is no such report or it is being exported
 */
gboolean
nt_reports_page_export (NtReportsPage *self,
                        const char    *report,
                        const char    *path)
{
  ReportRow *row;
  Job *job;
  g_autoptr(GTask) task = NULL;

  g_return_val_if_fail (NT_IS_REPORTS_PAGE (self), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  row = find_row (self, report);
  if (row == NULL || row->cancellable != NULL || self->disposed)
    return FALSE;
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *from = NULL;
    g_autofree char *to = NULL;

    if (!read_period (row, &from, &to, &error))
      {
        say_wrong_period (row, error);
        return FALSE;
      }
  }

  job = g_new0 (Job, 1);
  job->report = g_strdup (report);
  job->path = g_strdup (path);
  job->db_path = g_strdup (nt_store_get_path (nt_context_get_store (self->context)));
  g_mutex_init (&job->lock);
  read_options (row, &job->options);
  read_period (row, &job->from, &job->to, NULL);
  job->options.from = job->from;
  job->options.to = job->to;

  row->cancellable = g_cancellable_new ();
  set_busy (row, TRUE, path);

  task = g_task_new (self, row->cancellable, on_export_done, NULL);
  g_task_set_source_tag (task, nt_reports_page_export);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  job->task = task;
  g_task_run_in_thread (task, export_thread);
  return TRUE;
}

/**
 * nt_reports_page_cancel:
 *
 * Returns: %TRUE when an export of @report was running and is now told to stop
 */
gboolean
nt_reports_page_cancel (NtReportsPage *self,
                        const char    *report)
{
  ReportRow *row;

  g_return_val_if_fail (NT_IS_REPORTS_PAGE (self), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  row = find_row (self, report);
  if (row == NULL || row->cancellable == NULL)
    return FALSE;
  g_cancellable_cancel (row->cancellable);
  gtk_widget_set_sensitive (row->cancel_button, FALSE);
  return TRUE;
}

gboolean
nt_reports_page_is_exporting (NtReportsPage *self,
                              const char    *report)
{
  ReportRow *row;

  g_return_val_if_fail (NT_IS_REPORTS_PAGE (self), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  row = find_row (self, report);
  return row != NULL && row->cancellable != NULL;
}

/* ----- the file chooser --------------------------------------------------------- */

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         data)
{
  ReportRow *row = data;
  NtReportsPage *self = row->page;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && !self->disposed)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL)
    {
      /* A name typed without the extension still gives a file Excel opens. */
      if (!g_str_has_suffix (path, ".xlsx") && !g_str_has_suffix (path, ".XLSX"))
        {
          char *with = g_strconcat (path, ".xlsx", NULL);
          g_free (path);
          path = with;
        }
      g_clear_object (&self->last_folder);
      self->last_folder = g_file_get_parent (file);
      nt_reports_page_export (self, row->info->name, path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static GFile *
default_folder (NtReportsPage *self)
{
  return self->last_folder ? g_object_ref (self->last_folder) : nt_documents_folder ();
}

static void
on_export_clicked (GtkButton *button,
                   gpointer   data)
{
  ReportRow *row = data;
  NtReportsPage *self = row->page;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *name = NULL;
  g_autofree char *title = sentence_case (_(row->info->title));
  g_autoptr(GFile) folder = default_folder (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  /* A wrong period is said before a file is chosen. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *from = NULL;
    g_autofree char *to = NULL;

    if (!read_period (row, &from, &to, &error))
      {
        say_wrong_period (row, error);
        return;
      }
  }
  name = nt_reports_page_suggest_file_name (self, row->info->name);
  chooser = gtk_file_chooser_native_new (title,
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Excel workbooks (.xlsx)"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_object_ref (self);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), row);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_cancel_clicked (GtkButton *button,
                   gpointer   data)
{
  ReportRow *row = data;
  nt_reports_page_cancel (row->page, row->info->name);
}

/* ----- building the groups -------------------------------------------------------- */

static AdwComboRow *
add_combo (ReportRow  *row,
           const char *title,
           const char *subtitle,
           GListModel *model)
{
  AdwComboRow *combo = ADW_COMBO_ROW (adw_combo_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (combo), subtitle);
  adw_combo_row_set_model (combo, model);
  adw_preferences_group_add (row->group, GTK_WIDGET (combo));
  return combo;
}

static ReportRow *
make_row (NtReportsPage      *self,
          const NtReportInfo *info)
{
  ReportRow *row = g_new0 (ReportRow, 1);
  OptionFlags flags = options_of (info->name);
  g_autofree char *title = sentence_case (_(info->title));
  GtkWidget *button_box;

  row->page = self;
  row->info = info;
  row->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (row->group, title);
  adw_preferences_group_set_description (row->group, _(info->description));
  gtk_widget_set_name (GTK_WIDGET (row->group), info->name);

  row->export_button = gtk_button_new_with_mnemonic (_("_Export to Excel…"));
  gtk_widget_add_css_class (row->export_button, "suggested-action");
  gtk_widget_set_valign (row->export_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (row->export_button, _("Choose where to save the .xlsx file, then it is written"));
  g_signal_connect (row->export_button, "clicked", G_CALLBACK (on_export_clicked), row);
  adw_preferences_group_set_header_suffix (row->group, row->export_button);

  if (flags & USES_GROUP_BY)
    {
      const char *const choices[] = { _("By class"), _("By room"), NULL };
      g_autoptr(GtkStringList) model = gtk_string_list_new (choices);

      row->group_by_row = add_combo (row, _("Group the list"), _("Students of a class, or of a room, together"),
                                     G_LIST_MODEL (model));
    }
  if (flags & USES_BUILDING)
    row->building_row = add_combo (row, _("Dorm building"), _("One sheet per building; or only one building"),
                                   G_LIST_MODEL (self->buildings));
  if (flags & USES_PERIOD)
    {
      /* Empty: the period the report usually covers (this month, tonight,
       * tomorrow's meals…), as its description says. */
      row->from_row = GTK_EDITABLE (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->from_row), _("From (dd/mm/yyyy, empty: the usual period)"));
      adw_preferences_group_add (row->group, GTK_WIDGET (row->from_row));
      row->to_row = GTK_EDITABLE (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->to_row), _("To (dd/mm/yyyy)"));
      adw_preferences_group_add (row->group, GTK_WIDGET (row->to_row));
    }

  /* Shown only while the export runs, in place of nothing: the person sees
   * the bar move where they clicked, and can stop it there. */
  row->progress_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->progress_row), _("Exporting…"));
  row->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_valign (GTK_WIDGET (row->progress_bar), GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (GTK_WIDGET (row->progress_bar), 200, -1);
  row->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_valign (row->cancel_button, GTK_ALIGN_CENTER);
  g_signal_connect (row->cancel_button, "clicked", G_CALLBACK (on_cancel_clicked), row);
  button_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (button_box), GTK_WIDGET (row->progress_bar));
  gtk_box_append (GTK_BOX (button_box), row->cancel_button);
  adw_action_row_add_suffix (row->progress_row, button_box);
  gtk_widget_set_visible (GTK_WIDGET (row->progress_row), FALSE);
  adw_preferences_group_add (row->group, GTK_WIDGET (row->progress_row));

  adw_preferences_page_add (self->preferences, row->group);
  return row;
}

/**
 * nt_reports_page_get_row:
 * @what: "group", "group-by", "building", "from", "to", "export", "progress"
 *   or "cancel"
 *
 * A widget of a report's group, for tests.
 *
 * Returns: (transfer none) (nullable): the widget
 */
GtkWidget *
nt_reports_page_get_row (NtReportsPage *self,
                         const char    *report,
                         const char    *what)
{
  ReportRow *row;

  g_return_val_if_fail (NT_IS_REPORTS_PAGE (self), NULL);
  g_return_val_if_fail (report != NULL && what != NULL, NULL);

  row = find_row (self, report);
  if (row == NULL)
    return NULL;
  if (g_str_equal (what, "group"))
    return GTK_WIDGET (row->group);
  if (g_str_equal (what, "group-by"))
    return GTK_WIDGET (row->group_by_row);
  if (g_str_equal (what, "building"))
    return GTK_WIDGET (row->building_row);
  if (g_str_equal (what, "from"))
    return GTK_WIDGET (row->from_row);
  if (g_str_equal (what, "to"))
    return GTK_WIDGET (row->to_row);
  if (g_str_equal (what, "export"))
    return row->export_button;
  if (g_str_equal (what, "progress"))
    return GTK_WIDGET (row->progress_row);
  if (g_str_equal (what, "cancel"))
    return row->cancel_button;
  return NULL;
}

/* ----- GObject ---------------------------------------------------------------------- */

static void
nt_reports_page_constructed (GObject *object)
{
  NtReportsPage *self = NT_REPORTS_PAGE (object);
  guint n = 0;
  const NtReportInfo *reports = nt_reports_list (&n);

  G_OBJECT_CLASS (nt_reports_page_parent_class)->constructed (object);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->rows, make_row (self, &reports[i]));

  g_signal_connect_object (nt_context_get_store (self->context), "changed::buildings",
                           G_CALLBACK (refresh_buildings), self, G_CONNECT_SWAPPED);
  refresh_buildings (self);
}

static void
nt_reports_page_dispose (GObject *object)
{
  NtReportsPage *self = NT_REPORTS_PAGE (object);

  /* A running export stops; its task keeps the page alive until it ends,
   * and then touches no widget. */
  self->disposed = TRUE;
  for (guint i = 0; self->rows && i < self->rows->len; i++)
    {
      ReportRow *row = g_ptr_array_index (self->rows, i);
      if (row->cancellable)
        g_cancellable_cancel (row->cancellable);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), NT_TYPE_REPORTS_PAGE);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (nt_reports_page_parent_class)->dispose (object);
}

static void
row_free (ReportRow *row)
{
  g_clear_object (&row->cancellable);
  g_free (row);
}

static void
nt_reports_page_finalize (GObject *object)
{
  NtReportsPage *self = NT_REPORTS_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->buildings);
  g_clear_pointer (&self->building_ids, g_array_unref);
  g_clear_object (&self->last_folder);
  G_OBJECT_CLASS (nt_reports_page_parent_class)->finalize (object);
}

static void
nt_reports_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      NT_REPORTS_PAGE (object)->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nt_reports_page_class_init (NtReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nt_reports_page_constructed;
  object_class->dispose = nt_reports_page_dispose;
  object_class->finalize = nt_reports_page_finalize;
  object_class->set_property = nt_reports_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, NT_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NtReportsPage::export-finished:
   * @report: the report's name
   * @path: the file
   * @error: (nullable): why it was not written, or %NULL when it was
   */
  signals[EXPORT_FINISHED] =
    g_signal_new ("export-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/edu/noitru/nt-reports-page.ui");
}

static void
nt_reports_page_init (NtReportsPage *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->buildings = gtk_string_list_new (NULL);
  self->building_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not a bound template child: AdwBin unparents its child itself, and a
   * bound one would be unparented twice on dispose. */
  self->preferences = ADW_PREFERENCES_PAGE (adw_bin_get_child (ADW_BIN (self)));
}
