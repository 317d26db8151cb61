/* nt-assign-dialog.c
 *
 * The person switches the preferences and their weights, asks for a
 * proposal, looks at each change with its score per preference, leaves out
 * whom they want to place by hand, and applies it; the whole batch can be
 * undone from the toast.
 */
#define G_LOG_DOMAIN "nt-assign-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-assign-dialog.h"
#include "nt-date.h"
#include "nt-window.h"

/* More rows than this are summed up, not listed: a list of 2,000 rows
 * helps nobody, and the report lists them all. */
#define MAX_LISTED 400

struct _NtAssignDialog
{
  AdwWindow            parent_instance;

  NtContext           *context;
  NtAssignPlan        *plan;
  NtAssignOptions      options;
  GPtrArray           *rows;         /* result rows to remove on refresh */
  GtkWidget           *switches[NT_ASSIGN_N_PREFS];
  GtkWidget           *weights[NT_ASSIGN_N_PREFS];

  AdwPreferencesGroup *options_group;
  AdwPreferencesGroup *result_group;
  AdwPreferencesGroup *unplaced_group;
  GtkEntry            *date_entry;
  GtkLabel            *summary_label;
  GtkWidget           *apply_button;
};

G_DEFINE_FINAL_TYPE (NtAssignDialog, nt_assign_dialog, ADW_TYPE_WINDOW)

/* ----- showing the plan ------------------------------------------------- */

static void
clear_rows (NtAssignDialog *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      adw_preferences_group_remove (g_object_get_data (G_OBJECT (row), "group"), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (NtAssignDialog      *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  g_object_set_data (G_OBJECT (row), "group", group);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void show_plan (NtAssignDialog *self);

static void
on_leave_out_clicked (GtkButton      *button,
                      NtAssignDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "student-id"));

  if (!nt_assign_dialog_leave_out (self, id, &error))
    gtk_label_set_text (self->summary_label, error->message);
}

static char *
scores_text (NtAssignChange *c)
{
  GString *s = g_string_new (NULL);

  for (int p = 0; p < NT_ASSIGN_N_PREFS; p++)
    if (c->score[p] != 0)
      g_string_append_printf (s, "%s%s %+.1f", s->len ? " · " : "",
                              nt_assign_preference_label (p), c->score[p]);
  return g_string_free (s, FALSE);
}

static void
show_plan (NtAssignDialog *self)
{
  GListModel *changes = nt_assign_plan_get_changes (self->plan);
  GListModel *unplaced = nt_assign_plan_get_unplaced (self->plan);
  guint n = g_list_model_get_n_items (changes);
  guint n_unplaced = g_list_model_get_n_items (unplaced);
  g_autoptr(GString) totals = g_string_new (NULL);

  clear_rows (self);
  for (guint i = 0; i < n && i < MAX_LISTED; i++)
    {
      g_autoptr(NtAssignChange) c = g_list_model_get_item (changes, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *out = gtk_button_new_with_label (_("Leave out"));
      g_autofree char *title = g_strdup_printf ("%s · %s → %s %s, %s", c->student_name, c->class_name,
                                                c->building_name, c->room_number, c->bed_label);
      g_autofree char *scores = scores_text (c);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), scores[0] ? scores : _("no preference met"));
      gtk_widget_set_valign (out, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (out, _("Place this student by hand later"));
      g_object_set_data (G_OBJECT (out), "student-id", GSIZE_TO_POINTER (c->student_id));
      g_signal_connect (out, "clicked", G_CALLBACK (on_leave_out_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), out);
      add_row (self, self->result_group, row);
    }
  if (n > MAX_LISTED)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *more = g_strdup_printf (_("… and %u more"), n - MAX_LISTED);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      add_row (self, self->result_group, row);
    }

  for (guint i = 0; i < n_unplaced && i < MAX_LISTED; i++)
    {
      g_autoptr(NtAssignChange) c = g_list_model_get_item (unplaced, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf ("%s · %s", c->student_name, c->class_name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), c->reason ? c->reason : "");
      add_row (self, self->unplaced_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->unplaced_group), n_unplaced > 0);

  for (int p = 0; p < NT_ASSIGN_N_PREFS; p++)
    if (self->options.enabled[p])
      g_string_append_printf (totals, "%s%s: %.1f", totals->len ? " · " : "", nt_assign_preference_label (p),
                              nt_assign_plan_get_score (self->plan, p));
  adw_preferences_group_set_description (self->result_group, totals->str);
  {
    g_autofree char *summary = g_strdup_printf (_("%u to place, %u cannot be placed"), n, n_unplaced);
    gtk_label_set_text (self->summary_label, summary);
  }
  gtk_widget_set_sensitive (self->apply_button, n > 0);
}

/* ----- public ----------------------------------------------------------- */

static void
read_options (NtAssignDialog *self)
{
  for (int p = 0; p < NT_ASSIGN_N_PREFS; p++)
    {
      self->options.enabled[p] = gtk_switch_get_active (GTK_SWITCH (self->switches[p]));
      self->options.weight[p] = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->weights[p]));
    }
}

gboolean
nt_assign_dialog_propose (NtAssignDialog  *self,
                          GError         **error)
{
  NtAssignPlan *plan;

  g_return_val_if_fail (NT_IS_ASSIGN_DIALOG (self), FALSE);

  read_options (self);
  plan = nt_assign_propose (nt_context_get_store (self->context), &self->options, NULL, error);
  if (plan == NULL)
    return FALSE;
  g_clear_pointer (&self->plan, nt_assign_plan_free);
  self->plan = plan;
  show_plan (self);
  return TRUE;
}

gboolean
nt_assign_dialog_leave_out (NtAssignDialog  *self,
                            gint64           student_id,
                            GError         **error)
{
  g_return_val_if_fail (NT_IS_ASSIGN_DIALOG (self), FALSE);
  g_return_val_if_fail (self->plan != NULL, FALSE);

  if (!nt_assign_plan_set_bed (self->plan, student_id, 0, error))
    return FALSE;
  show_plan (self);
  return TRUE;
}

NtAssignPlan *
nt_assign_dialog_get_plan (NtAssignDialog *self)
{
  g_return_val_if_fail (NT_IS_ASSIGN_DIALOG (self), NULL);
  return self->plan;
}

void
nt_assign_dialog_set_enabled (NtAssignDialog     *self,
                              NtAssignPreference  preference,
                              gboolean            enabled)
{
  g_return_if_fail (NT_IS_ASSIGN_DIALOG (self));
  gtk_switch_set_active (GTK_SWITCH (self->switches[preference]), enabled);
}

static void
on_undo (AdwToast *toast,
         gpointer  user_data)
{
  NtStore *store = g_object_get_data (G_OBJECT (toast), "store");
  const char *batch = g_object_get_data (G_OBJECT (toast), "batch");
  g_autoptr(GError) error = NULL;

  if (nt_assign_undo_batch (store, batch, &error))
    nt_store_emit_changed (store, "bed_assignments");
  else
    g_warning ("%s", error->message);
}

/**
 * nt_assign_dialog_apply:
 *
 * Writes the plan in one transaction; the main window's toast offers to
 * undo the whole batch.
 */
gboolean
nt_assign_dialog_apply (NtAssignDialog  *self,
                        const char      *date_display,
                        char           **batch_id,
                        GError         **error)
{
  NtStore *store;
  g_autoptr(GDate) date = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *batch = NULL;
  GtkWindow *parent;
  guint n;

  g_return_val_if_fail (NT_IS_ASSIGN_DIALOG (self), FALSE);
  g_return_val_if_fail (self->plan != NULL, FALSE);

  store = nt_context_get_store (self->context);
  date = nt_date_parse_display (date_display, error);
  if (date == NULL)
    return FALSE;
  iso = nt_date_to_iso (date);
  n = g_list_model_get_n_items (nt_assign_plan_get_changes (self->plan));
  if (!nt_assign_apply (store, self->plan, iso, &batch, error))
    return FALSE;
  nt_store_emit_changed (store, "bed_assignments");

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (NT_IS_WINDOW (parent))
    {
      g_autofree char *text = g_strdup_printf (_("%u students placed in their beds"), n);
      AdwToast *toast = adw_toast_new (text);

      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_timeout (toast, 0);
      g_object_set_data_full (G_OBJECT (toast), "store", g_object_ref (store), g_object_unref);
      g_object_set_data_full (G_OBJECT (toast), "batch", g_strdup (batch), g_free);
      g_signal_connect (toast, "button-clicked", G_CALLBACK (on_undo), NULL);
      nt_window_toast (NT_WINDOW (parent), toast);
    }
  if (batch_id)
    *batch_id = g_steal_pointer (&batch);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

/* ----- actions ---------------------------------------------------------- */

static void
propose_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  NtAssignDialog *self = NT_ASSIGN_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!nt_assign_dialog_propose (self, &error))
    gtk_label_set_text (self->summary_label, error->message);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  NtAssignDialog *self = NT_ASSIGN_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (self->plan == NULL)
    return;
  g_object_ref (self);
  if (!nt_assign_dialog_apply (self, gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), NULL, &error))
    gtk_label_set_text (self->summary_label, error->message);
  g_object_unref (self);
}

/* ----- GObject ---------------------------------------------------------- */

static void
nt_assign_dialog_dispose (GObject *object)
{
  NtAssignDialog *self = NT_ASSIGN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NT_TYPE_ASSIGN_DIALOG);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->plan, nt_assign_plan_free);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (nt_assign_dialog_parent_class)->dispose (object);
}

static void
nt_assign_dialog_class_init (NtAssignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nt_assign_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/edu/noitru/nt-assign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, NtAssignDialog, options_group);
  gtk_widget_class_bind_template_child (widget_class, NtAssignDialog, result_group);
  gtk_widget_class_bind_template_child (widget_class, NtAssignDialog, unplaced_group);
  gtk_widget_class_bind_template_child (widget_class, NtAssignDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, NtAssignDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, NtAssignDialog, apply_button);

  gtk_widget_class_install_action (widget_class, "assign.propose", NULL, propose_action);
  gtk_widget_class_install_action (widget_class, "assign.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nt_assign_dialog_init (NtAssignDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%d/%m/%Y");

  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  nt_assign_options_init (&self->options);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), today);
  gtk_widget_set_sensitive (self->apply_button, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->unplaced_group), FALSE);

  for (int p = 0; p < NT_ASSIGN_N_PREFS; p++)
    {
      GtkWidget *row = adw_action_row_new ();

      self->switches[p] = gtk_switch_new ();
      self->weights[p] = gtk_spin_button_new_with_range (0, 20, 1);
      gtk_switch_set_active (GTK_SWITCH (self->switches[p]), self->options.enabled[p]);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->weights[p]), self->options.weight[p]);
      gtk_widget_set_valign (self->switches[p], GTK_ALIGN_CENTER);
      gtk_widget_set_valign (self->weights[p], GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (self->weights[p], _("Weight"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), nt_assign_preference_label (p));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->weights[p]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->switches[p]);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->switches[p]);
      adw_preferences_group_add (self->options_group, row);
    }
}

NtAssignDialog *
nt_assign_dialog_new (NtContext *context)
{
  NtAssignDialog *self;

  g_return_val_if_fail (NT_IS_CONTEXT (context), NULL);

  self = g_object_new (NT_TYPE_ASSIGN_DIALOG, NULL);
  self->context = g_object_ref (context);
  return self;
}
