/* nt-room-details.c
 *
 * The beds of one room: who sleeps where since when, and the changes a
 * person makes: put a student in a free bed (or move them from their bed
 * elsewhere), swap two students, take a student out. Every change asks for
 * its date and reason; impossible ones are refused by the core with the
 * reason, shown here.
 */
#define G_LOG_DOMAIN "nt-room-details"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-assignments.h"
#include "nt-date.h"
#include "nt-date-reason-dialog.h"
#include "nt-room-details.h"
#include "nt-room-editor.h"
#include "nt-rooms.h"
#include "nt-student-picker.h"

#define HISTORY_ROWS 30

struct _NtRoomDetails
{
  AdwWindow            parent_instance;

  NtContext           *context;
  gint64               room_id;
  guint                n_beds;
  char                *last_message;
  GPtrArray           *rows;       /* rows added to the groups, to remove on reload */

  AdwWindowTitle      *title;
  AdwToastOverlay     *toasts;
  AdwPreferencesGroup *beds_group;
  AdwPreferencesGroup *history_group;
  GtkButton           *close_button;
  gboolean             room_active;
};

G_DEFINE_FINAL_TYPE (NtRoomDetails, nt_room_details, ADW_TYPE_WINDOW)

/* ----- applying a change ------------------------------------------------ */

/**
 * nt_room_details_apply:
 * @bed_id: the bed the change is about (the free bed for ASSIGN and MOVE,
 *   the occupied bed for SWAP and TAKE_OUT)
 * @student_id: the student to put in (ASSIGN, MOVE) or to swap with (SWAP);
 *   ignored for TAKE_OUT
 *
 * Makes the change as the buttons do, after the date and reason dialog.
 */
gboolean
nt_room_details_apply (NtRoomDetails  *self,
                       NtBedChange     change,
                       gint64          bed_id,
                       gint64          student_id,
                       const char     *date_display,
                       const char     *reason,
                       GError        **error)
{
  NtStore *store;
  g_autoptr(GDate) date = NULL;
  g_autofree char *iso = NULL;
  g_autoptr(GListStore) beds = NULL;
  gint64 occupant = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (NT_IS_ROOM_DETAILS (self), FALSE);

  store = nt_context_get_store (self->context);
  date = nt_date_parse_display (date_display, error);
  if (date == NULL)
    return FALSE;
  iso = nt_date_to_iso (date);

  beds = nt_rooms_list_beds (store, self->room_id, NULL);
  for (guint i = 0; beds && i < g_list_model_get_n_items (G_LIST_MODEL (beds)); i++)
    {
      g_autoptr(NtBed) bed = g_list_model_get_item (G_LIST_MODEL (beds), i);
      if (bed->id == bed_id)
        occupant = bed->student_id;
    }

  switch (change)
    {
    case NT_BED_CHANGE_ASSIGN:
      ok = nt_assign_to_bed (store, student_id, bed_id, iso, reason, error);
      break;
    case NT_BED_CHANGE_MOVE:
      ok = nt_assign_move (store, student_id, bed_id, iso, reason, error);
      break;
    case NT_BED_CHANGE_SWAP:
      ok = nt_assign_swap (store, occupant, student_id, iso, reason, error);
      break;
    case NT_BED_CHANGE_TAKE_OUT:
      ok = nt_assign_take_out (store, occupant, iso, reason, error);
      break;
    default:
      g_assert_not_reached ();
    }

  g_clear_pointer (&self->last_message, g_free);
  if (!ok && error && *error)
    self->last_message = g_strdup ((*error)->message);
  return ok;
}

typedef struct
{
  NtRoomDetails *self;
  NtBedChange    change;
  gint64         bed_id;
  gint64         student_id;
} Pending;

static void
pending_free (gpointer p)
{
  Pending *pending = p;

  g_object_unref (pending->self);
  g_free (pending);
}

static gboolean
change_confirmed (const char  *date_display,
                  const char  *reason,
                  gpointer     user_data,
                  GError     **error)
{
  Pending *p = user_data;

  if (!nt_room_details_apply (p->self, p->change, p->bed_id, p->student_id, date_display, reason, error))
    return FALSE;
  adw_toast_overlay_add_toast (p->self->toasts, adw_toast_new (_("Saved; the history keeps the change.")));
  return TRUE;
}

static void
ask_date_and_reason (NtRoomDetails *self,
                     NtBedChange    change,
                     gint64         bed_id,
                     gint64         student_id,
                     const char    *heading,
                     const char    *body,
                     const char    *confirm,
                     const char    *reason)
{
  Pending *p = g_new0 (Pending, 1);

  p->self = g_object_ref (self);
  p->change = change;
  p->bed_id = bed_id;
  p->student_id = student_id;
  nt_date_reason_dialog_new (GTK_WINDOW (self), heading, body, confirm, change == NT_BED_CHANGE_TAKE_OUT,
                             reason, change_confirmed, p, pending_free);
}

/* ----- the buttons ------------------------------------------------------ */

static void
on_candidate_chosen (NtStudentPicker *picker,
                     NtAssignment    *candidate,
                     NtRoomDetails   *self)
{
  gint64 bed_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (picker), "bed-id"));
  gboolean swap = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (picker), "swap"));
  g_autofree char *body = NULL;

  if (swap)
    {
      body = g_strdup_printf (_("%s and the student of this bed change places."), candidate->student_name);
      ask_date_and_reason (self, NT_BED_CHANGE_SWAP, bed_id, candidate->student_id,
                           _("Swap beds?"), body, _("_Swap"), _("Swap requested"));
    }
  else if (candidate->bed_id != 0)
    {
      body = g_strdup_printf (_("%s moves here from room %s (bed %s)."), candidate->student_name,
                              candidate->room_number, candidate->bed_label);
      ask_date_and_reason (self, NT_BED_CHANGE_MOVE, bed_id, candidate->student_id,
                           _("Move to this bed?"), body, _("_Move"), _("Room change"));
    }
  else
    {
      body = g_strdup_printf (_("%s gets this bed."), candidate->student_name);
      ask_date_and_reason (self, NT_BED_CHANGE_ASSIGN, bed_id, candidate->student_id,
                           _("Give this bed?"), body, _("_Give the bed"), _("Room assignment"));
    }
}

static void
open_picker (NtRoomDetails *self,
             gint64         bed_id,
             gboolean       swap)
{
  NtStudentPicker *picker = nt_student_picker_new (self->context, self->room_id, swap);

  g_object_set_data (G_OBJECT (picker), "bed-id", GSIZE_TO_POINTER (bed_id));
  g_object_set_data (G_OBJECT (picker), "swap", GINT_TO_POINTER (swap));
  g_signal_connect_object (picker, "chosen", G_CALLBACK (on_candidate_chosen), self, 0);
  gtk_window_set_transient_for (GTK_WINDOW (picker), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (picker));
}

static void
on_give_clicked (GtkButton     *button,
                 NtRoomDetails *self)
{
  open_picker (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "bed-id")), FALSE);
}

static void
on_swap_clicked (GtkButton     *button,
                 NtRoomDetails *self)
{
  open_picker (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "bed-id")), TRUE);
}

static void
on_take_out_clicked (GtkButton     *button,
                     NtRoomDetails *self)
{
  gint64 bed_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "bed-id"));
  const char *name = g_object_get_data (G_OBJECT (button), "student-name");
  g_autofree char *body = g_strdup_printf (_("%s leaves this bed; the bed becomes free."), name);

  ask_date_and_reason (self, NT_BED_CHANGE_TAKE_OUT, bed_id, 0, _("Take out of the room?"), body,
                       _("_Take out"), NULL);
}

static GtkWidget *
small_button (const char *label,
              const char *tooltip,
              gint64      bed_id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data (G_OBJECT (button), "bed-id", GSIZE_TO_POINTER (bed_id));
  return button;
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  NtRoomDetails *self = NT_ROOM_DETAILS (widget);
  NtRoomEditor *editor = nt_room_editor_new_room (self->context, 0, self->room_id);

  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (editor));
}

/* A room with history is never deleted: it is closed, and can reopen. */
static void
toggle_active_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  NtRoomDetails *self = NT_ROOM_DETAILS (widget);
  g_autoptr(GError) error = NULL;

  if (!nt_rooms_set_room_active (nt_context_get_store (self->context), self->room_id, !self->room_active, &error))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

/* ----- filling in ------------------------------------------------------- */

static void
clear_rows (NtRoomDetails *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      AdwPreferencesGroup *group = g_object_get_data (G_OBJECT (row), "group");
      adw_preferences_group_remove (group, row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (NtRoomDetails       *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  g_object_set_data (G_OBJECT (row), "group", group);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static GtkWidget *
bed_row (NtRoomDetails *self,
         NtRoom        *room,
         NtBed         *bed)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf (_("Bed %s"), bed->label);
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (bed->student_id != 0)
    {
      g_autofree char *since = nt_date_iso_to_display (bed->since);
      GtkWidget *swap = small_button (_("S_wap…"), _("Swap beds with another student"), bed->id);
      GtkWidget *out = small_button (_("_Take out…"), _("The student leaves this bed"), bed->id);

      subtitle = g_strdup_printf (_("%s · class %s · since %s"), bed->student_name,
                                  bed->class_name ? bed->class_name : "", since);
      g_object_set_data_full (G_OBJECT (out), "student-name", g_strdup (bed->student_name), g_free);
      g_signal_connect (swap, "clicked", G_CALLBACK (on_swap_clicked), self);
      g_signal_connect (out, "clicked", G_CALLBACK (on_take_out_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), swap);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), out);
    }
  else if (!bed->active)
    subtitle = g_strdup (_("Not in use"));
  else if (g_strcmp0 (room->kind, "dorm") != 0 || !room->active)
    subtitle = g_strdup (room->active ? _("Free (students are placed in dorm rooms only)") : _("Free (the room is closed)"));
  else
    {
      GtkWidget *give = small_button (_("_Give to a student…"), _("Put a student in this bed"), bed->id);

      subtitle = g_strdup (bed->locked ? _("Free (kept free by hand)") : _("Free"));
      gtk_widget_add_css_class (give, "suggested-action");
      g_signal_connect (give, "clicked", G_CALLBACK (on_give_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), give);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
history_row (NtAssignment *a)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *from = nt_date_iso_to_display (a->start_date);
  g_autofree char *to = a->end_date ? nt_date_iso_to_display (a->end_date) : g_strdup (_("now"));
  g_autofree char *title = g_strdup_printf ("%s (%s)", a->student_name, a->class_name ? a->class_name : "");
  g_autofree char *subtitle = g_strdup_printf (_("Bed %s · %s – %s · %s"), a->bed_label, from, to,
                                               a->reason && a->reason[0] ? a->reason : "—");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static gboolean
reload (NtRoomDetails *self)
{
  NtStore *store = nt_context_get_store (self->context);
  g_autoptr(NtRoom) room = nt_rooms_load_room (store, self->room_id, NULL);
  g_autoptr(GListStore) beds = NULL;
  g_autoptr(GListStore) history = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (room == NULL)
    return FALSE;

  clear_rows (self);
  title = g_strdup_printf (_("Room %s"), room->number);
  subtitle = g_strdup_printf (_("%s · floor %d · %s · %d/%d beds taken"), room->building_name, room->floor,
                              g_strcmp0 (room->kind, "dorm") == 0 ? nt_room_gender_label (room->gender)
                                                                  : nt_room_kind_label (room->kind),
                              room->occupied, room->total);
  adw_window_title_set_title (self->title, title);
  adw_window_title_set_subtitle (self->title, subtitle);
  self->room_active = room->active;
  gtk_button_set_label (self->close_button, room->active ? _("Close the room") : _("Reopen the room"));
  gtk_window_set_title (GTK_WINDOW (self), title);

  beds = nt_rooms_list_beds (store, self->room_id, NULL);
  self->n_beds = beds ? g_list_model_get_n_items (G_LIST_MODEL (beds)) : 0;
  for (guint i = 0; i < self->n_beds; i++)
    {
      g_autoptr(NtBed) bed = g_list_model_get_item (G_LIST_MODEL (beds), i);
      add_row (self, self->beds_group, bed_row (self, room, bed));
    }

  history = nt_rooms_room_history (store, self->room_id, NULL);
  if (history == NULL || g_list_model_get_n_items (G_LIST_MODEL (history)) == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nobody has stayed in this room yet."));
      add_row (self, self->history_group, row);
    }
  for (guint i = 0; history && i < MIN (g_list_model_get_n_items (G_LIST_MODEL (history)), HISTORY_ROWS); i++)
    {
      g_autoptr(NtAssignment) a = g_list_model_get_item (G_LIST_MODEL (history), i);
      add_row (self, self->history_group, history_row (a));
    }
  return TRUE;
}

static void
on_store_changed (NtStore       *store,
                  const char    *table,
                  NtRoomDetails *self)
{
  if (!reload (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

/* ----- GObject ---------------------------------------------------------- */

static void
nt_room_details_dispose (GObject *object)
{
  NtRoomDetails *self = NT_ROOM_DETAILS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NT_TYPE_ROOM_DETAILS);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->last_message, g_free);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (nt_room_details_parent_class)->dispose (object);
}

static void
nt_room_details_class_init (NtRoomDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nt_room_details_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/edu/noitru/nt-room-details.ui");
  gtk_widget_class_bind_template_child (widget_class, NtRoomDetails, title);
  gtk_widget_class_bind_template_child (widget_class, NtRoomDetails, toasts);
  gtk_widget_class_bind_template_child (widget_class, NtRoomDetails, beds_group);
  gtk_widget_class_bind_template_child (widget_class, NtRoomDetails, history_group);
  gtk_widget_class_bind_template_child (widget_class, NtRoomDetails, close_button);
  gtk_widget_class_install_action (widget_class, "room.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "room.toggle-active", NULL, toggle_active_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nt_room_details_init (NtRoomDetails *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * nt_room_details_new:
 *
 * Returns: (transfer floating) (nullable): the window, or %NULL when the room
 *   does not exist
 */
NtRoomDetails *
nt_room_details_new (NtContext *context,
                     gint64     room_id)
{
  NtRoomDetails *self;

  g_return_val_if_fail (NT_IS_CONTEXT (context), NULL);

  self = g_object_new (NT_TYPE_ROOM_DETAILS, NULL);
  self->context = g_object_ref (context);
  self->room_id = room_id;
  if (!reload (self))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  g_signal_connect_object (nt_context_get_store (context), "changed",
                           G_CALLBACK (on_store_changed), self, 0);
  return self;
}

guint
nt_room_details_get_n_beds (NtRoomDetails *self)
{
  g_return_val_if_fail (NT_IS_ROOM_DETAILS (self), 0);
  return self->n_beds;
}

/* The last refusal, as shown to the person. */
const char *
nt_room_details_get_last_message (NtRoomDetails *self)
{
  g_return_val_if_fail (NT_IS_ROOM_DETAILS (self), NULL);
  return self->last_message;
}
