/* nt-import-dialog.c
 *
 * Steps: choose (kind and file) → mapping (columns, first rows) → report
 * (every problem with row, column and reason) → done. Reading, checking and
 * writing run in a thread on the import's own connection, with progress
 * and Cancel; the window stays responsive.
 */
#define G_LOG_DOMAIN "nt-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-import-dialog.h"
#include "nt-thread-progress.h"

#define PREVIEW_ROWS 5

typedef enum { OP_LOAD, OP_VALIDATE, OP_COMMIT } Operation;

struct _NtImportDialog
{
  AdwWindow            parent_instance;

  NtContext           *context;
  NtStore             *store;        /* the import's own connection */
  NtImport            *import;
  GCancellable        *cancellable;
  GPtrArray           *mapping_rows;
  char                *message;
  char                *path;
  char               **sheets;
  GtkWidget           *sheet_row;
  gboolean             busy;

  AdwWindowTitle      *title;
  GtkStack            *stack;
  GtkDropDown         *kind_dropdown;
  GtkLabel            *working_label;
  GtkProgressBar      *progress;
  AdwPreferencesGroup *mapping_group;
  GtkLabel            *preview_label;
  GtkLabel            *report_label;
  GtkListBox          *problems_list;
  GtkWidget           *import_button;
  AdwStatusPage       *done_page;
};

G_DEFINE_FINAL_TYPE (NtImportDialog, nt_import_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  Operation  op;
  char      *path;
  char      *sheet;
} Job;

static void
job_free (gpointer p)
{
  Job *job = p;

  g_free (job->path);
  g_free (job->sheet);
  g_free (job);
}

static void
run_job (GTask        *task,
         gpointer      source,
         gpointer      task_data,
         GCancellable *cancellable)
{
  NtImportDialog *self = source;
  Job *job = task_data;
  GError *error = NULL;
  gboolean ok = FALSE;

  switch (job->op)
    {
    case OP_LOAD:
      ok = nt_import_load (self->import, job->path, job->sheet, cancellable, &error);
      break;
    case OP_VALIDATE:
      ok = nt_import_validate (self->import, cancellable, nt_thread_progress_update, self->progress, &error);
      break;
    case OP_COMMIT:
      ok = nt_import_commit (self->import, cancellable, nt_thread_progress_update, self->progress, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* ----- steps ------------------------------------------------------------ */

static void
set_message (NtImportDialog *self,
             const char     *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
}

static void
show_error (NtImportDialog *self,
            const GError   *error)
{
  GtkWidget *dialog;

  set_message (self, error->message);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The file cannot be imported"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
column_label (NtImportDialog *self,
              guint           column)
{
  g_autofree char *name = nt_table_column_name (column);
  const char *header = nt_import_get_cell_text (self->import, nt_import_get_header_row (self->import), column);

  return g_strdup_printf ("%s – %s", name, header && header[0] ? header : _("(no title)"));
}

static void
on_mapping_changed (AdwComboRow    *row,
                    GParamSpec     *pspec,
                    NtImportDialog *self)
{
  const char *field = g_object_get_data (G_OBJECT (row), "field");
  guint selected = adw_combo_row_get_selected (row);

  nt_import_set_column (self->import, field, selected == GTK_INVALID_LIST_POSITION ? 0 : selected);
}

static void start_job (NtImportDialog *self,
                       Operation       op,
                       const char     *path,
                       const char     *sheet,
                       const char     *what);

static void
on_sheet_changed (AdwComboRow    *row,
                  GParamSpec     *pspec,
                  NtImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->sheets == NULL || selected >= g_strv_length (self->sheets))
    return;
  start_job (self, OP_LOAD, self->path, self->sheets[selected], _("Reading the file…"));
}

static void
fill_mapping (NtImportDialog *self)
{
  NtImportKind kind = gtk_drop_down_get_selected (self->kind_dropdown) == 1 ? NT_IMPORT_STAFF : NT_IMPORT_STUDENTS;
  guint n_fields, n_columns = nt_import_get_n_columns (self->import);
  const NtImportField *fields = nt_import_fields (kind, &n_fields);
  g_autoptr(GString) preview = g_string_new (NULL);
  guint header = nt_import_get_header_row (self->import);

  for (guint i = 0; i < self->mapping_rows->len; i++)
    adw_preferences_group_remove (self->mapping_group, g_ptr_array_index (self->mapping_rows, i));
  g_ptr_array_set_size (self->mapping_rows, 0);

  /* A workbook with several sheets: the person picks the one to read. */
  if (self->sheets != NULL && g_strv_length (self->sheets) > 1)
    {
      GtkStringList *names = gtk_string_list_new ((const char * const *) self->sheets);
      GtkWidget *row = adw_combo_row_new ();
      const char *current = nt_import_get_sheet_name (self->import);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Sheet"));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
      g_object_unref (names);
      for (guint i = 0; self->sheets[i]; i++)
        if (g_strcmp0 (self->sheets[i], current) == 0)
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_sheet_changed), self);
      adw_preferences_group_add (self->mapping_group, row);
      g_ptr_array_add (self->mapping_rows, row);
    }

  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr(GtkStringList) columns = gtk_string_list_new (NULL);
      GtkWidget *row = adw_combo_row_new ();
      g_autofree char *title = fields[i].required ? g_strdup_printf ("%s *", _(fields[i].title))
                                                  : g_strdup (_(fields[i].title));

      gtk_string_list_append (columns, _("(not in the file)"));
      for (guint c = 1; c <= n_columns; c++)
        {
          g_autofree char *label = column_label (self, c);
          gtk_string_list_append (columns, label);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (columns));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), nt_import_get_column (self->import, fields[i].field));
      g_object_set_data (G_OBJECT (row), "field", (gpointer) fields[i].field);
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_mapping_changed), self);
      adw_preferences_group_add (self->mapping_group, row);
      g_ptr_array_add (self->mapping_rows, row);
    }

  for (guint r = header; r <= MIN (header + PREVIEW_ROWS, nt_import_get_n_rows (self->import)); r++)
    {
      g_string_append_printf (preview, "%4u │ ", r);
      for (guint c = 1; c <= n_columns && c <= 8; c++)
        g_string_append_printf (preview, "%s%s", c > 1 ? " │ " : "", nt_import_get_cell_text (self->import, r, c));
      g_string_append_c (preview, '\n');
    }
  gtk_label_set_text (self->preview_label, preview->str);
  adw_window_title_set_subtitle (self->title, nt_import_get_source_name (self->import));
}

static void
fill_report (NtImportDialog *self)
{
  const GPtrArray *problems = nt_import_get_problems (self->import);
  NtImportCounts counts;
  g_autofree char *summary = NULL;
  GtkWidget *child;

  nt_import_get_counts (self->import, &counts);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);

  if (problems->len == 0)
    summary = g_strdup_printf (_("Everything is right: %u new, %u to update, %u unchanged, %u new classes. Press Import to write them all at once."),
                               counts.new_rows, counts.updated_rows, counts.unchanged_rows, counts.new_classes);
  else
    summary = g_strdup_printf (ngettext ("%u problem to correct in the file; nothing will be written until it is corrected.",
                                         "%u problems to correct in the file; nothing will be written until they are corrected.",
                                         problems->len), problems->len);
  gtk_label_set_text (self->report_label, summary);
  set_message (self, summary);

  for (guint i = 0; i < problems->len && i < 1000; i++)
    {
      g_autofree char *text = nt_import_format_problem (self->import, g_ptr_array_index (problems, i));
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_append (self->problems_list, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_list), problems->len > 0);
  gtk_widget_set_sensitive (self->import_button, problems->len == 0);
}

static void
on_job_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  NtImportDialog *self = NT_IMPORT_DIALOG (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  NtStore *main_store;

  self->busy = FALSE;
  g_clear_object (&self->cancellable);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      gtk_stack_set_visible_child_name (self->stack, job->op == OP_LOAD ? "choose" : "mapping");
      show_error (self, error);
      return;
    }

  switch (job->op)
    {
    case OP_LOAD:
      fill_mapping (self);
      gtk_stack_set_visible_child_name (self->stack, "mapping");
      break;
    case OP_VALIDATE:
      fill_report (self);
      gtk_stack_set_visible_child_name (self->stack, "report");
      break;
    case OP_COMMIT:
      {
        NtImportCounts counts;
        g_autofree char *text = NULL;

        nt_import_get_counts (self->import, &counts);
        text = g_strdup_printf (_("%u added and %u updated (%u unchanged, not written), with %u new classes."),
                                counts.new_rows, counts.updated_rows, counts.unchanged_rows, counts.new_classes);
        adw_status_page_set_title (self->done_page, _("Imported"));
        adw_status_page_set_description (self->done_page, text);
        set_message (self, text);
        gtk_stack_set_visible_child_name (self->stack, "done");

        /* The window's lists follow the main connection. */
        main_store = nt_context_get_store (self->context);
        nt_store_emit_changed (main_store, "classes");
        nt_store_emit_changed (main_store, "students");
        nt_store_emit_changed (main_store, "staff");
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
start_job (NtImportDialog *self,
           Operation       op,
           const char     *path,
           const char     *sheet,
           const char     *what)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (self->busy)
    return;
  self->busy = TRUE;
  job = g_new0 (Job, 1);
  job->op = op;
  job->path = g_strdup (path);
  job->sheet = g_strdup (sheet);

  self->cancellable = g_cancellable_new ();
  gtk_label_set_text (self->working_label, what);
  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_stack_set_visible_child_name (self->stack, "working");

  task = g_task_new (self, self->cancellable, on_job_done, NULL);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, run_job);
}

/* ----- public steps ----------------------------------------------------- */

void
nt_import_dialog_load_file (NtImportDialog *self,
                            NtImportKind    kind,
                            const char     *path)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (NT_IS_IMPORT_DIALOG (self));

  if (self->busy)
    return;
  gtk_drop_down_set_selected (self->kind_dropdown, kind == NT_IMPORT_STAFF ? 1 : 0);
  g_clear_pointer (&self->import, nt_import_free);
  if (self->store == NULL)
    {
      NtStaffMember *user = nt_context_get_user (self->context);

      self->store = nt_store_open (nt_store_get_path (nt_context_get_store (self->context)),
                                   NT_STORE_OPEN_EXISTING, &error);
      if (self->store == NULL)
        {
          show_error (self, error);
          return;
        }
      if (user != NULL)
        nt_store_set_actor (self->store, user->id, NULL);
    }
  self->import = nt_import_new (self->store, kind);
  g_free (self->path);
  self->path = g_strdup (path);
  g_clear_pointer (&self->sheets, g_strfreev);
  self->sheets = nt_table_list_sheets (path, NULL);
  start_job (self, OP_LOAD, path, NULL, _("Reading the file…"));
}

void
nt_import_dialog_check (NtImportDialog *self)
{
  g_return_if_fail (NT_IS_IMPORT_DIALOG (self));
  g_return_if_fail (self->import != NULL);
  start_job (self, OP_VALIDATE, NULL, NULL, _("Checking every row…"));
}

void
nt_import_dialog_commit (NtImportDialog *self)
{
  g_return_if_fail (NT_IS_IMPORT_DIALOG (self));
  g_return_if_fail (self->import != NULL);
  start_job (self, OP_COMMIT, NULL, NULL, _("Writing…"));
}

const char *
nt_import_dialog_get_step (NtImportDialog *self)
{
  g_return_val_if_fail (NT_IS_IMPORT_DIALOG (self), NULL);
  return self->busy ? "working" : gtk_stack_get_visible_child_name (self->stack);
}

guint
nt_import_dialog_get_n_problems (NtImportDialog *self)
{
  g_return_val_if_fail (NT_IS_IMPORT_DIALOG (self), 0);
  return self->import ? nt_import_get_problems (self->import)->len : 0;
}

const char *
nt_import_dialog_get_message (NtImportDialog *self)
{
  g_return_val_if_fail (NT_IS_IMPORT_DIALOG (self), NULL);
  return self->message;
}

/* ----- actions ---------------------------------------------------------- */

static void
on_file_chosen (GtkNativeDialog *chooser,
                int              response,
                NtImportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      NtImportKind kind = gtk_drop_down_get_selected (self->kind_dropdown) == 1 ? NT_IMPORT_STAFF : NT_IMPORT_STUDENTS;

      if (path != NULL)
        nt_import_dialog_load_file (self, kind, path);
    }
  g_object_unref (chooser);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  NtImportDialog *self = NT_IMPORT_DIALOG (widget);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Choose the file to import"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Excel or CSV files"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_filter_add_pattern (filter, "*.XLSX");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  NtImportDialog *self = NT_IMPORT_DIALOG (widget);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
}

static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  nt_import_dialog_check (NT_IMPORT_DIALOG (widget));
}

static void
commit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  nt_import_dialog_commit (NT_IMPORT_DIALOG (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  gtk_stack_set_visible_child_name (NT_IMPORT_DIALOG (widget)->stack, "mapping");
}

static void
restart_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  gtk_stack_set_visible_child_name (NT_IMPORT_DIALOG (widget)->stack, "choose");
}

/* ----- GObject ---------------------------------------------------------- */

static void
nt_import_dialog_dispose (GObject *object)
{
  NtImportDialog *self = NT_IMPORT_DIALOG (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), NT_TYPE_IMPORT_DIALOG);
  g_clear_pointer (&self->mapping_rows, g_ptr_array_unref);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->sheets, g_strfreev);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (nt_import_dialog_parent_class)->dispose (object);
}

static void
nt_import_dialog_finalize (GObject *object)
{
  NtImportDialog *self = NT_IMPORT_DIALOG (object);

  /* Finalized only when no job holds the dialog any more. */
  g_clear_pointer (&self->import, nt_import_free);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (nt_import_dialog_parent_class)->finalize (object);
}

static void
nt_import_dialog_class_init (NtImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nt_import_dialog_dispose;
  object_class->finalize = nt_import_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/edu/noitru/nt-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, NtImportDialog, title);
  gtk_widget_class_bind_template_child (widget_class, NtImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, NtImportDialog, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NtImportDialog, working_label);
  gtk_widget_class_bind_template_child (widget_class, NtImportDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, NtImportDialog, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, NtImportDialog, preview_label);
  gtk_widget_class_bind_template_child (widget_class, NtImportDialog, report_label);
  gtk_widget_class_bind_template_child (widget_class, NtImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, NtImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, NtImportDialog, done_page);

  gtk_widget_class_install_action (widget_class, "import.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.check", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "import.commit", NULL, commit_action);
  gtk_widget_class_install_action (widget_class, "import.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "import.restart", NULL, restart_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nt_import_dialog_init (NtImportDialog *self)
{
  self->mapping_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

NtImportDialog *
nt_import_dialog_new (NtContext *context)
{
  NtImportDialog *self;

  g_return_val_if_fail (NT_IS_CONTEXT (context), NULL);

  self = g_object_new (NT_TYPE_IMPORT_DIALOG, NULL);
  self->context = g_object_ref (context);
  return self;
}
