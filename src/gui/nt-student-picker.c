/* nt-student-picker.c
 *
 * The boarders who may take a bed of a room (its gender), those without a
 * bed first; with_bed_only lists only students who have a bed elsewhere (to
 * swap with). Emits "chosen" with the NtAssignment row of the choice.
 */
#define G_LOG_DOMAIN "nt-student-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-rooms.h"
#include "nt-student-picker.h"

struct _NtStudentPicker
{
  AdwWindow       parent_instance;
  NtContext      *context;
  gint64          room_id;
  gboolean        with_bed_only;
  GListStore     *candidates;

  AdwWindowTitle *title;
  GtkSearchEntry *search_entry;
  GtkListBox     *list;
};

G_DEFINE_FINAL_TYPE (NtStudentPicker, nt_student_picker, ADW_TYPE_WINDOW)

enum { CHOSEN, N_SIGNALS };
static guint signals[N_SIGNALS];

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  NtAssignment *a = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf ("%s · %s", a->student_name, a->student_code);
  g_autofree char *subtitle = a->bed_id != 0
    ? g_strdup_printf (_("Class %s · now in room %s, bed %s"), a->class_name, a->room_number, a->bed_label)
    : g_strdup_printf (_("Class %s · no bed yet"), a->class_name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "candidate", g_object_ref (a), g_object_unref);
  return row;
}

static void
refresh (NtStudentPicker *self)
{
  g_autoptr(GListStore) found = nt_rooms_bed_candidates (nt_context_get_store (self->context), self->room_id,
                                                          gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                                          NULL);

  g_list_store_remove_all (self->candidates);
  for (guint i = 0; found && i < g_list_model_get_n_items (G_LIST_MODEL (found)); i++)
    {
      g_autoptr(NtAssignment) a = g_list_model_get_item (G_LIST_MODEL (found), i);
      if (!self->with_bed_only || a->bed_id != 0)
        g_list_store_append (self->candidates, a);
    }
}

static void
on_search_changed (GtkSearchEntry  *entry,
                   NtStudentPicker *self)
{
  refresh (self);
}

static void
choose (NtStudentPicker *self,
        GtkListBoxRow   *row)
{
  NtAssignment *a = g_object_get_data (G_OBJECT (row), "candidate");

  g_object_ref (self);
  gtk_window_destroy (GTK_WINDOW (self));
  g_signal_emit (self, signals[CHOSEN], 0, a);
  g_object_unref (self);
}

static void
on_row_activated (GtkListBox      *list,
                  GtkListBoxRow   *row,
                  NtStudentPicker *self)
{
  choose (self, row);
}

/* Enter picks the first student of the search as typed (Enter may come
 * before the entry's delayed "search-changed"). */
static void
on_search_activate (GtkSearchEntry  *entry,
                    NtStudentPicker *self)
{
  GtkListBoxRow *row;

  refresh (self);
  row = gtk_list_box_get_row_at_index (self->list, 0);

  if (row != NULL)
    choose (self, row);
}

static void
nt_student_picker_dispose (GObject *object)
{
  NtStudentPicker *self = NT_STUDENT_PICKER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NT_TYPE_STUDENT_PICKER);
  g_clear_object (&self->candidates);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (nt_student_picker_parent_class)->dispose (object);
}

static void
nt_student_picker_class_init (NtStudentPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nt_student_picker_dispose;

  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, NT_TYPE_ASSIGNMENT);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/edu/noitru/nt-student-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, NtStudentPicker, title);
  gtk_widget_class_bind_template_child (widget_class, NtStudentPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, NtStudentPicker, list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nt_student_picker_init (NtStudentPicker *self)
{
  self->candidates = g_list_store_new (NT_TYPE_ASSIGNMENT);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->candidates), create_row, self, NULL);
}

NtStudentPicker *
nt_student_picker_new (NtContext *context,
                       gint64     room_id,
                       gboolean   with_bed_only)
{
  NtStudentPicker *self;

  g_return_val_if_fail (NT_IS_CONTEXT (context), NULL);

  self = g_object_new (NT_TYPE_STUDENT_PICKER, NULL);
  self->context = g_object_ref (context);
  self->room_id = room_id;
  self->with_bed_only = with_bed_only;
  adw_window_title_set_title (self->title, with_bed_only ? _("Swap with which student?")
                                                         : _("Which student takes the bed?"));
  gtk_window_set_title (GTK_WINDOW (self), with_bed_only ? _("Swap with which student?")
                                                         : _("Which student takes the bed?"));
  refresh (self);
  return self;
}
