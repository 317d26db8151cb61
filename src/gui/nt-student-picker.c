/* nt-student-picker.c
 *
 * The boarders who may take a bed of a room (its gender), those without a
 * bed first; with_bed_only lists only students who have a bed elsewhere (to
 * swap with). Emits "chosen" with the NtAssignment row of the choice.
 * When the search finds nobody, the list says why (the student typed is
 * of the other gender, has left, already sleeps in this room…), with the
 * reason the core would give when asked to write it.
 */
#define G_LOG_DOMAIN "nt-student-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-assignments.h"
#include "nt-rooms.h"
#include "nt-student-list.h"
#include "nt-student-picker.h"
#include "nt-students.h"

struct _NtStudentPicker
{
  AdwWindow       parent_instance;
  NtContext      *context;
  gint64          room_id;
  gboolean        with_bed_only;
  GListStore     *candidates;
  char           *shown_search;  /* the search the list was made for */

  AdwWindowTitle *title;
  GtkSearchEntry *search_entry;
  GtkListBox     *list;
  GtkLabel       *empty_label;
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

/* The student the person probably meant by @text: the one with that code,
 * else the first whose name or code matches, left school or not. */
static gint64
find_meant (NtStore    *store,
            const char *text)
{
  g_autoptr(NtStudentList) list = NULL;
  gint64 id = nt_students_find_by_code (store, text);

  if (id != 0)
    return id;
  list = nt_student_list_new (store);
  nt_student_list_set_active (list, NT_STUDENT_FILTER_ALL);
  nt_student_list_set_search (list, text);
  return g_list_model_get_n_items (G_LIST_MODEL (list)) > 0 ? nt_student_list_get_id (list, 0) : 0;
}

/* Why the search of @text found no one to choose. */
static char *
explain_empty (NtStudentPicker *self,
               const char      *text)
{
  NtStore *store = nt_context_get_store (self->context);
  g_autoptr(NtStudent) student = NULL;
  g_autoptr(NtAssignment) current = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, bed_id;

  if (text[0] == '\0')
    return g_strdup (self->with_bed_only ? _("No boarding student with a bed in another room can swap into this room.")
                                         : _("No boarding student can take a bed in this room."));
  id = find_meant (store, text);
  student = id != 0 ? nt_students_load (store, id, NULL) : NULL;
  if (student == NULL)
    return g_strdup_printf (_("No boarding student matches “%s”."), text);

  current = nt_rooms_current_assignment (store, id);
  if (current != NULL && current->room_id == self->room_id)
    return g_strdup_printf (_("%s already sleeps in this room (bed %s)."), student->full_name, current->bed_label);

  /* A swap needs a bed to give in exchange (said before the rules below,
   * which would talk about the bed's sleeper). */
  if (self->with_bed_only && current == NULL && student->active && g_strcmp0 (student->boarding, "boarding") == 0)
    return g_strdup_printf (_("%s has no bed now; only two students who both have a bed can swap."),
                            student->full_name);

  /* The rules of nt-assignments.c, asked without writing; the bed is the
   * one the room window opened the picker for (it sets "bed-id"), else a
   * free bed of the room: the rules that keep someone off this list are
   * about the student and the room. */
  bed_id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (self), "bed-id"));
  if (bed_id == 0)
    bed_id = nt_rooms_first_free_bed (store, self->room_id);
  if (bed_id != 0 && !nt_assign_check (store, id, bed_id, NULL, &error))
    return g_strdup (error->message);
  return g_strdup_printf (_("%s cannot be chosen for this bed."), student->full_name);
}

/* Makes the list for the search as typed. The same search again (the
 * entry's delayed "search-changed" after Enter or Down already made it)
 * keeps the rows: making them anew would take the focus off the row the
 * person went down to. */
static void
refresh (NtStudentPicker *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GListStore) found = NULL;

  if (g_strcmp0 (search, self->shown_search) == 0)
    return;
  g_free (self->shown_search);
  self->shown_search = g_strdup (search);

  found = nt_rooms_bed_candidates (nt_context_get_store (self->context), self->room_id, search, NULL);
  g_list_store_remove_all (self->candidates);
  for (guint i = 0; found && i < g_list_model_get_n_items (G_LIST_MODEL (found)); i++)
    {
      g_autoptr(NtAssignment) a = g_list_model_get_item (G_LIST_MODEL (found), i);
      if (!self->with_bed_only || a->bed_id != 0)
        g_list_store_append (self->candidates, a);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->candidates)) == 0)
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
      g_autofree char *why = explain_empty (self, text);

      gtk_label_set_text (self->empty_label, why);
    }
}

/**
 * nt_student_picker_get_empty_text:
 *
 * Returns: (transfer none): what the list says when it has no one to
 *   choose (why the search found nobody)
 */
const char *
nt_student_picker_get_empty_text (NtStudentPicker *self)
{
  g_return_val_if_fail (NT_IS_STUDENT_PICKER (self), NULL);

  return g_list_model_get_n_items (G_LIST_MODEL (self->candidates)) == 0
         ? gtk_label_get_text (self->empty_label) : NULL;
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
  else
    gtk_widget_error_bell (GTK_WIDGET (entry));
}

/* Down from the search goes to the first student of the list. */
static gboolean
on_search_key (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               NtStudentPicker       *self)
{
  GtkListBoxRow *first;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  refresh (self);
  first = gtk_list_box_get_row_at_index (self->list, 0);
  return first != NULL && gtk_widget_grab_focus (GTK_WIDGET (first));
}

/* Enter on a row picks it, whichever way the focus came there (the list
 * does not activate a row it did not move its own cursor to). */
static gboolean
on_list_key (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             NtStudentPicker       *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *row;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  row = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->list) ||
      g_object_get_data (G_OBJECT (row), "candidate") == NULL)
    return FALSE;
  choose (self, GTK_LIST_BOX_ROW (row));
  return TRUE;
}

static void
nt_student_picker_dispose (GObject *object)
{
  NtStudentPicker *self = NT_STUDENT_PICKER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NT_TYPE_STUDENT_PICKER);
  g_clear_object (&self->candidates);
  g_clear_object (&self->context);
  g_clear_pointer (&self->shown_search, g_free);
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
  GtkEventController *key;

  self->candidates = g_list_store_new (NT_TYPE_ASSIGNMENT);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->candidates), create_row, self, NULL);

  self->empty_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->empty_label, TRUE);
  gtk_label_set_justify (self->empty_label, GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (GTK_WIDGET (self->empty_label), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->empty_label), 18);
  gtk_widget_set_margin_start (GTK_WIDGET (self->empty_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->empty_label), 12);
  gtk_list_box_set_placeholder (self->list, GTK_WIDGET (self->empty_label));

  /* Before the entry's text, which keeps Up and Down for itself. */
  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_search_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), key);
  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_list_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), key);
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
