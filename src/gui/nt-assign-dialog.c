/* nt-assign-dialog.c
 *
 * The person switches the preferences and their weights, asks for a
 * proposal, looks at each change with its score per preference, gives a
 * student another free bed that fits (or one that waits a bed freed by
 * leaving someone out), leaves out whom they want to place by hand, and
 * applies it; the whole batch can be undone from the toast.
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

/* Beds offered in a student's list, the best first: enough to choose from
 * without a list longer than the screen is tall. */
#define MAX_BEDS_OFFERED 60

struct _NtAssignDialog
{
  AdwWindow            parent_instance;

  NtContext           *context;
  NtAssignPlan        *plan;
  NtAssignOptions      options;
  GPtrArray           *rows;         /* result rows to remove on refresh */
  GHashTable          *bed_buttons;  /* student id → the row's bed button (not owned) */
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
  g_hash_table_remove_all (self->bed_buttons);
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

/* ----- choosing another bed ---------------------------------------------- */

typedef struct
{
  NtAssignDialog *dialog;
  gint64          student_id;
  gint64          bed_id;
} BedChange;

/* After the popover is gone: the rows are made again by show_plan(), the
 * one the popover belongs to with them. */
static gboolean
change_bed_idle (gpointer data)
{
  BedChange *change = data;
  g_autoptr(GError) error = NULL;

  if (change->dialog->plan != NULL &&
      !nt_assign_dialog_set_bed (change->dialog, change->student_id, change->bed_id, &error))
    gtk_label_set_text (change->dialog->summary_label, error->message);
  g_object_unref (change->dialog);
  g_free (change);
  return G_SOURCE_REMOVE;
}

static void
on_bed_activated (GtkListBox    *list,
                  GtkListBoxRow *row,
                  gpointer       user_data)
{
  NtAssignDialog *self = user_data;
  BedChange *change = g_new0 (BedChange, 1);
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_POPOVER);

  change->dialog = g_object_ref (self);
  change->student_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list), "student-id"));
  change->bed_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "bed-id"));
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  /* Before the popover's closing animation, which would hold it back. */
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, change_bed_idle, change, NULL);
}

/* The student's list of beds, made each time it opens: the free beds
 * change with every other change. */
static void
create_bed_popover (GtkMenuButton *button,
                    gpointer       user_data)
{
  NtAssignDialog *self = user_data;
  gint64 student_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "student-id"));
  g_autoptr(GArray) beds = self->plan ? nt_assign_plan_list_beds (self->plan, student_id) : NULL;
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *scrolled, *list;

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  if (beds == NULL || beds->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("No free bed of this student’s gender is left in the proposal. "
                                         "Leave another student out to free a bed."));

      gtk_label_set_text (GTK_LABEL (heading), _("No free bed"));
      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (none), 36);
      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_box_append (GTK_BOX (box), none);
      gtk_popover_set_child (GTK_POPOVER (popover), box);
      gtk_menu_button_set_popover (button, popover);
      return;
    }

  gtk_label_set_text (GTK_LABEL (heading), _("Free beds that fit, the best first"));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  g_object_set_data (G_OBJECT (list), "student-id", GSIZE_TO_POINTER (student_id));
  g_signal_connect (list, "row-activated", G_CALLBACK (on_bed_activated), self);
  for (guint i = 0; i < beds->len && i < MAX_BEDS_OFFERED; i++)
    {
      const NtAssignBedChoice *b = &g_array_index (beds, NtAssignBedChoice, i);
      g_autofree char *text = NULL;
      GtkWidget *label, *row;

      /* A score of nothing tells nothing: only the place then. */
      if (b->score > 0.05 || b->score < -0.05)
        /* TRANSLATORS: a bed to choose: building, room number, bed label, the student's score there */
        text = g_strdup_printf (_("%s, room %s, bed %s (score %+.1f)"),
                                b->building_name, b->room_number, b->bed_label, b->score);
      else
        /* TRANSLATORS: a bed to choose: building, room number, bed label */
        text = g_strdup_printf (_("%s, room %s, bed %s"), b->building_name, b->room_number, b->bed_label);
      label = gtk_label_new (text);
      row = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data (G_OBJECT (row), "bed-id", GSIZE_TO_POINTER (b->bed_id));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (button, popover);
}

static GtkWidget *
bed_button_new (NtAssignDialog *self,
                gint64          student_id,
                const char     *label,
                const char     *tooltip)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), label);
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data (G_OBJECT (button), "student-id", GSIZE_TO_POINTER (student_id));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_bed_popover, self, NULL);
  g_hash_table_insert (self->bed_buttons, GSIZE_TO_POINTER (student_id), button);
  return button;
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
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 bed_button_new (self, c->student_id, _("Other _bed"),
                                                 _("Give this student another free bed")));
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
      /* A bed freed by leaving someone out can go to a student who waits. */
      if (c->student_id > 0)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   bed_button_new (self, c->student_id, _("Choose a _bed"),
                                                   _("Give this student a free bed")));
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

/**
 * nt_assign_dialog_set_bed:
 * @bed_id: a free bed of the plan, or 0 to leave the student out
 *
 * Gives one student of the proposal another bed; a bed that does not fit
 * is refused with the reason (@error) and the proposal stays as it was.
 */
gboolean
nt_assign_dialog_set_bed (NtAssignDialog  *self,
                          gint64           student_id,
                          gint64           bed_id,
                          GError         **error)
{
  g_return_val_if_fail (NT_IS_ASSIGN_DIALOG (self), FALSE);
  g_return_val_if_fail (self->plan != NULL, FALSE);

  if (!nt_assign_plan_set_bed (self->plan, student_id, bed_id, error))
    return FALSE;
  show_plan (self);
  return TRUE;
}

/**
 * nt_assign_dialog_get_bed_button:
 *
 * Returns: (transfer none) (nullable): the button of the student's row that
 *   opens the list of beds, when the student's row is listed
 */
GtkWidget *
nt_assign_dialog_get_bed_button (NtAssignDialog *self,
                                 gint64          student_id)
{
  g_return_val_if_fail (NT_IS_ASSIGN_DIALOG (self), NULL);
  return g_hash_table_lookup (self->bed_buttons, GSIZE_TO_POINTER (student_id));
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
  g_clear_pointer (&self->bed_buttons, g_hash_table_unref);
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
  self->bed_buttons = g_hash_table_new (NULL, NULL);
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
