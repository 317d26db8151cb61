/* nt-student-details.c */
#define G_LOG_DOMAIN "nt-student-details"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-access.h"
#include "nt-date.h"
#include "nt-date-reason-dialog.h"
#include "nt-incident-editor.h"
#include "nt-leaves.h"
#include "nt-night-checks.h"
#include "nt-rooms.h"
#include "nt-student-details.h"
#include "nt-student-editor.h"
#include "nt-student-fields.h"
#include "nt-students.h"
#include "nt-window.h"

struct _NtStudentDetails
{
  AdwWindow            parent_instance;

  NtContext           *context;
  gint64               student_id;
  NtStudent           *student;
  GHashTable          *values;     /* property → row */

  AdwWindowTitle      *title;
  AdwPreferencesGroup *identity_group;
  AdwPreferencesGroup *family_group;
  AdwPreferencesGroup *other_group;
  AdwPreferencesGroup *history_group;
  AdwPreferencesGroup *month_group;
  AdwPreferencesGroup *leave_group;
  GPtrArray           *leave_rows;
  AdwPreferencesGroup *incident_group;
  GPtrArray           *incident_rows;
  GtkBox              *month_strip;
  GtkWidget           *status_row;
  GtkWidget           *bed_row;
  GPtrArray           *history_rows;
};

G_DEFINE_FINAL_TYPE (NtStudentDetails, nt_student_details, ADW_TYPE_WINDOW)

static char *
display_value (NtStudent            *s,
               const NtStudentField *field)
{
  const char *value = nt_student_get_text (s, field->property);

  if (g_str_equal (field->property, "gender"))
    return g_strdup (nt_gender_label (value));
  if (g_str_equal (field->property, "boarding"))
    return g_strdup (nt_boarding_label (value));
  if (field->kind == NT_FIELD_DATE)
    return nt_date_iso_to_display (value);
  return g_strdup (value ? value : "");
}

static void
update_actions (NtStudentDetails *self)
{
  NtStore *store = nt_context_get_store (self->context);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.mark-left", self->student->active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.return", !self->student->active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.delete",
                                 !nt_students_has_history (store, self->student_id));
}

/* Every leave of the student, newest first, overdue ones marked. */
static void
reload_leaves (NtStudentDetails *self)
{
  g_autofree char *now = nt_leave_time_now ();
  g_autoptr(GListStore) leaves = nt_leaves_student_history (nt_context_get_store (self->context),
                                                            self->student_id, now, NULL);

  for (guint i = 0; i < self->leave_rows->len; i++)
    adw_preferences_group_remove (self->leave_group, g_ptr_array_index (self->leave_rows, i));
  g_ptr_array_set_size (self->leave_rows, 0);
  for (guint i = 0; leaves && i < g_list_model_get_n_items (G_LIST_MODEL (leaves)); i++)
    {
      g_autoptr(NtLeave) l = g_list_model_get_item (G_LIST_MODEL (leaves), i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *from = nt_leave_time_to_display (l->from_time);
      g_autofree char *to = nt_leave_time_to_display (l->to_time);
      g_autofree char *title = g_strdup_printf ("%s → %s", from, to);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", nt_leave_reason_label (l->reason),
                                                   nt_leave_state_label (l->overdue ? "overdue" : l->state));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (l->overdue)
        gtk_widget_add_css_class (row, "nt-overdue");
      adw_preferences_group_add (self->leave_group, row);
      g_ptr_array_add (self->leave_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->leave_group), self->leave_rows->len > 0);
}

static void
on_incident_activated (AdwActionRow     *row,
                       NtStudentDetails *self)
{
  nt_incident_editor_open (GTK_WIDGET (self), self->context,
                           (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "incident-id")));
}

/* The incidents the student was involved in, newest first, only for a role
 * that may see incidents (a teacher or the office does not). */
static void
reload_incidents (NtStudentDetails *self)
{
  NtStore *store = nt_context_get_store (self->context);
  g_autoptr(GListStore) incidents = NULL;

  for (guint i = 0; i < self->incident_rows->len; i++)
    adw_preferences_group_remove (self->incident_group, g_ptr_array_index (self->incident_rows, i));
  g_ptr_array_set_size (self->incident_rows, 0);
  if (nt_access_may (store, NT_PERM_VIEW_INCIDENTS))
    incidents = nt_incidents_for_student (store, self->student_id, NULL, NULL);
  for (guint i = 0; incidents && i < g_list_model_get_n_items (G_LIST_MODEL (incidents)); i++)
    {
      g_autoptr(NtIncident) inc = g_list_model_get_item (G_LIST_MODEL (incidents), i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *when = nt_leave_time_to_display (inc->occurred_at);
      g_autofree char *title = g_strdup_printf ("%s · %s", when, nt_incident_category_label (inc->category));
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", nt_incident_state_label (inc->state), inc->people);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_tooltip_text (row, inc->description);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "incident-id", GSIZE_TO_POINTER (inc->id));
      g_signal_connect (row, "activated", G_CALLBACK (on_incident_activated), self);
      if (inc->overdue)
        gtk_widget_add_css_class (row, "nt-overdue");
      adw_preferences_group_add (self->incident_group, row);
      g_ptr_array_add (self->incident_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->incident_group), self->incident_rows->len > 0);
}

/* This month's nights as a strip of letters, one per night, coloured like
 * the night check. */
static void
reload_month (NtStudentDetails *self)
{
  static const char * const letters[] = { "", "·", "C", "P", "O", "V", "M" };
  static const char * const classes[] = { NULL, "nt-status-none", "nt-status-present", "nt-status-leave",
                                          "nt-status-sick", "nt-status-absent", "nt-status-late" };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GArray) nights = nt_night_check_student_month (nt_context_get_store (self->context), self->student_id,
                                                           g_date_time_get_year (now),
                                                           g_date_time_get_month (now), NULL);
  GtkWidget *child;
  gboolean any = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->month_strip))) != NULL)
    gtk_box_remove (self->month_strip, child);
  for (guint day = 0; nights && day < nights->len; day++)
    {
      guint8 status = g_array_index (nights, guint8, day);
      GtkWidget *cell = gtk_label_new (status < G_N_ELEMENTS (letters) ? letters[status] : "");
      g_autofree char *tip = g_strdup_printf (_("Night of the %u"), day + 1);

      gtk_widget_set_tooltip_text (cell, tip);
      gtk_widget_add_css_class (cell, "nt-night-cell");
      if (status > 0 && status < G_N_ELEMENTS (classes))
        {
          gtk_widget_add_css_class (cell, classes[status]);
          any = TRUE;
        }
      gtk_box_append (self->month_strip, cell);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->month_group), any);
}

/* The bed now and every bed before: a student's history is never lost. */
static void
reload_beds (NtStudentDetails *self)
{
  NtStore *store = nt_context_get_store (self->context);
  g_autoptr(NtAssignment) now = nt_rooms_current_assignment (store, self->student_id);
  g_autoptr(GListStore) history = nt_rooms_student_history (store, self->student_id, NULL);
  g_autofree char *bed = NULL;

  if (now != NULL)
    {
      g_autofree char *since = nt_date_iso_to_display (now->start_date);
      bed = g_strdup_printf (_("%s, room %s, bed %s, since %s"), now->building_name, now->room_number,
                             now->bed_label, since);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->bed_row), bed ? bed : _("No bed"));

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_preferences_group_remove (self->history_group, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);
  for (guint i = 0; history && i < g_list_model_get_n_items (G_LIST_MODEL (history)); i++)
    {
      g_autoptr(NtAssignment) a = g_list_model_get_item (G_LIST_MODEL (history), i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *from = nt_date_iso_to_display (a->start_date);
      g_autofree char *to = a->end_date ? nt_date_iso_to_display (a->end_date) : g_strdup (_("now"));
      g_autofree char *title = g_strdup_printf (_("%s, room %s, bed %s"), a->building_name, a->room_number, a->bed_label);
      g_autofree char *subtitle = g_strdup_printf ("%s – %s · %s", from, to, a->reason && a->reason[0] ? a->reason : "—");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (self->history_group, row);
      g_ptr_array_add (self->history_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), self->history_rows->len > 0);
}

static gboolean
reload (NtStudentDetails *self)
{
  guint n_fields;
  const NtStudentField *fields = nt_student_fields (&n_fields);
  NtStudent *s = nt_students_load (nt_context_get_store (self->context), self->student_id, NULL);
  g_autofree char *status = NULL;

  if (s == NULL)
    return FALSE;
  g_clear_object (&self->student);
  self->student = s;

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *text = display_value (s, &fields[i]);
      adw_action_row_set_subtitle (g_hash_table_lookup (self->values, fields[i].property),
                                   text[0] ? text : "—");
    }

  if (s->active)
    status = g_strdup (_("Studying"));
  else
    {
      g_autofree char *on = nt_date_iso_to_display (s->left_on);
      status = s->left_reason && s->left_reason[0]
        ? g_strdup_printf (_("Left the school on %s (%s)"), on, s->left_reason)
        : g_strdup_printf (_("Left the school on %s"), on);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->status_row), status);

  reload_beds (self);
  reload_month (self);
  reload_leaves (self);
  reload_incidents (self);
  adw_window_title_set_title (self->title, s->full_name);
  adw_window_title_set_subtitle (self->title, s->code);
  gtk_window_set_title (GTK_WINDOW (self), s->full_name);
  update_actions (self);
  return TRUE;
}

static void
on_store_changed (NtStore          *store,
                  const char       *table,
                  NtStudentDetails *self)
{
  if (!reload (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

/* ----- actions ---------------------------------------------------------- */

static NtWindow *
main_window (NtStudentDetails *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  return NT_IS_WINDOW (parent) ? NT_WINDOW (parent) : NULL;
}

static void
toast (NtStudentDetails *self,
       AdwToast         *t)
{
  NtWindow *window = main_window (self);

  if (window != NULL)
    nt_window_toast (window, t);
  else
    g_object_unref (g_object_ref_sink (t));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  NtStudentDetails *self = NT_STUDENT_DETAILS (widget);
  NtStudentEditor *editor = nt_student_editor_new (self->context, self->student);

  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (editor));
}

gboolean
nt_student_details_mark_left (NtStudentDetails  *self,
                              const char        *date_display,
                              const char        *reason,
                              GError           **error)
{
  g_autoptr(GDate) date = NULL;
  g_autofree char *iso = NULL;

  g_return_val_if_fail (NT_IS_STUDENT_DETAILS (self), FALSE);

  date = nt_date_parse_display (date_display, error);
  if (date == NULL)
    return FALSE;
  iso = nt_date_to_iso (date);
  return nt_students_mark_left (nt_context_get_store (self->context), self->student_id, iso, reason, error);
}

static gboolean
mark_left_confirmed (const char  *date_display,
                     const char  *reason,
                     gpointer     user_data,
                     GError     **error)
{
  NtStudentDetails *self = user_data;

  if (!nt_student_details_mark_left (self, date_display, reason, error))
    return FALSE;
  toast (self, adw_toast_new (_("Marked as left the school; the record is kept.")));
  return TRUE;
}

static void
mark_left_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  NtStudentDetails *self = NT_STUDENT_DETAILS (widget);
  g_autofree char *body = g_strdup_printf (_("%s stays in the records, with the date they left, and no longer appears among the students studying."),
                                           self->student->full_name);

  nt_date_reason_dialog_new (GTK_WINDOW (self), _("Mark as left the school?"), body, _("_Mark as left"),
                             TRUE, NULL, mark_left_confirmed, g_object_ref (self), g_object_unref);
}

static void
return_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  NtStudentDetails *self = NT_STUDENT_DETAILS (widget);
  g_autoptr(GError) error = NULL;

  if (!nt_students_return (nt_context_get_store (self->context), self->student_id, &error))
    toast (self, adw_toast_new (error->message));
}

/* Undo puts the same record back, with its id. */
static void
on_undo_delete (AdwToast  *t,
                NtStudent *student)
{
  NtStore *store = g_object_get_data (G_OBJECT (t), "store");
  g_autoptr(GError) error = NULL;

  if (!nt_students_restore (store, student, &error))
    g_warning ("%s", error->message);
}

/**
 * nt_student_details_delete:
 *
 * Returns: (transfer none) (nullable): the toast that offers Undo, or %NULL
 *   with @error set when the student may not be deleted
 */
AdwToast *
nt_student_details_delete (NtStudentDetails  *self,
                           GError           **error)
{
  NtStore *store;
  g_autoptr(NtStudent) copy = NULL;
  g_autofree char *text = NULL;
  AdwToast *t;

  g_autoptr(NtStudentDetails) keep = NULL;
  g_autoptr(GtkWindow) window = NULL;

  g_return_val_if_fail (NT_IS_STUDENT_DETAILS (self), NULL);

  /* Deleting closes this window (its student is gone): keep what the toast
   * needs first. */
  keep = g_object_ref (self);
  window = main_window (self) ? g_object_ref (GTK_WINDOW (main_window (self))) : NULL;
  store = nt_context_get_store (self->context);
  copy = nt_student_copy (self->student);
  if (!nt_students_delete (store, self->student_id, error))
    return NULL;

  text = g_strdup_printf (_("Deleted %s"), copy->full_name);
  t = adw_toast_new (text);
  adw_toast_set_button_label (t, _("_Undo"));
  adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (t), "store", g_object_ref (store), g_object_unref);
  g_signal_connect_data (t, "button-clicked", G_CALLBACK (on_undo_delete),
                         g_steal_pointer (&copy), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  if (window != NULL)
    nt_window_toast (NT_WINDOW (window), t);
  else
    g_object_set_data_full (G_OBJECT (self), "toast", g_object_ref_sink (t), g_object_unref);
  return t;
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  NtStudentDetails *self = NT_STUDENT_DETAILS (widget);
  g_autoptr(GError) error = NULL;

  if (nt_student_details_delete (self, &error) == NULL)
    toast (self, adw_toast_new (error->message));
}

/* ----- GObject ---------------------------------------------------------- */

static void
nt_student_details_dispose (GObject *object)
{
  NtStudentDetails *self = NT_STUDENT_DETAILS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NT_TYPE_STUDENT_DETAILS);
  g_clear_pointer (&self->values, g_hash_table_unref);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  g_clear_pointer (&self->leave_rows, g_ptr_array_unref);
  g_clear_pointer (&self->incident_rows, g_ptr_array_unref);
  g_clear_object (&self->student);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (nt_student_details_parent_class)->dispose (object);
}

static void
nt_student_details_class_init (NtStudentDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nt_student_details_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/edu/noitru/nt-student-details.ui");
  gtk_widget_class_bind_template_child (widget_class, NtStudentDetails, title);
  gtk_widget_class_bind_template_child (widget_class, NtStudentDetails, identity_group);
  gtk_widget_class_bind_template_child (widget_class, NtStudentDetails, family_group);
  gtk_widget_class_bind_template_child (widget_class, NtStudentDetails, other_group);
  gtk_widget_class_bind_template_child (widget_class, NtStudentDetails, history_group);
  gtk_widget_class_bind_template_child (widget_class, NtStudentDetails, month_group);
  gtk_widget_class_bind_template_child (widget_class, NtStudentDetails, leave_group);
  gtk_widget_class_bind_template_child (widget_class, NtStudentDetails, incident_group);
  gtk_widget_class_bind_template_child (widget_class, NtStudentDetails, month_strip);

  gtk_widget_class_install_action (widget_class, "details.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "details.mark-left", NULL, mark_left_action);
  gtk_widget_class_install_action (widget_class, "details.return", NULL, return_action);
  gtk_widget_class_install_action (widget_class, "details.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "details.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nt_student_details_init (NtStudentDetails *self)
{
  self->values = g_hash_table_new (g_str_hash, g_str_equal);
  self->history_rows = g_ptr_array_new ();
  self->leave_rows = g_ptr_array_new ();
  self->incident_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * nt_student_details_new:
 *
 * Returns: (transfer floating) (nullable): the window, or %NULL when the
 *   student does not exist
 */
NtStudentDetails *
nt_student_details_new (NtContext *context,
                        gint64     student_id)
{
  NtStudentDetails *self;
  guint n_fields;
  const NtStudentField *fields = nt_student_fields (&n_fields);
  AdwPreferencesGroup *groups[NT_N_GROUPS];

  g_return_val_if_fail (NT_IS_CONTEXT (context), NULL);

  self = g_object_new (NT_TYPE_STUDENT_DETAILS, NULL);
  self->context = g_object_ref (context);
  self->student_id = student_id;

  groups[NT_GROUP_IDENTITY] = self->identity_group;
  groups[NT_GROUP_FAMILY] = self->family_group;
  groups[NT_GROUP_OTHER] = self->other_group;

  self->status_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("Status"));
  adw_preferences_group_add (self->identity_group, self->status_row);

  self->bed_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->bed_row), _("Bed now"));
  adw_preferences_group_add (self->other_group, self->bed_row);

  for (guint i = 0; i < n_fields; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = nt_student_field_title (&fields[i], FALSE);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_group_add (groups[fields[i].group], row);
      g_hash_table_insert (self->values, (gpointer) fields[i].property, row);
    }

  if (!reload (self))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  g_signal_connect_object (nt_context_get_store (context), "changed::students",
                           G_CALLBACK (on_store_changed), self, 0);
  return self;
}

/* The text shown for a field, for tests. */
const char *
nt_student_details_get_value (NtStudentDetails *self,
                              const char       *property)
{
  AdwActionRow *row;

  g_return_val_if_fail (NT_IS_STUDENT_DETAILS (self), NULL);
  if (g_str_equal (property, "status"))
    return adw_action_row_get_subtitle (ADW_ACTION_ROW (self->status_row));
  row = g_hash_table_lookup (self->values, property);
  return row ? adw_action_row_get_subtitle (row) : NULL;
}
