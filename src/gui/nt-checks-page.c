/* nt-checks-page.c
 *
 * The supervisor walks the dorm: rooms in walking order (floor, room), each
 * room's students in bed order. One key sets a status and moves on; every
 * mark is saved at once, so a power cut loses nothing and the check can be
 * resumed.
 */
#define G_LOG_DOMAIN "nt-checks-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-checks-page.h"
#include "nt-context.h"
#include "nt-access.h"
#include "nt-date.h"
#include "nt-error.h"
#include "nt-incident-editor.h"
#include "nt-night-checks.h"
#include "nt-rooms.h"
#include "nt-window.h"

typedef struct
{
  gboolean      is_room;
  gint64        room_id;
  gint64        entry_id;
  GtkWidget    *row;
  GtkWidget    *status;       /* student rows: the status pill */
} RowInfo;

struct _NtChecksPage
{
  AdwBin       parent_instance;

  NtContext   *context;
  GListStore  *buildings;
  gint64       check_id;
  gboolean     closed;
  GArray      *rows;          /* RowInfo, in list order */
  char        *progress;

  GtkEntry    *night_entry;
  GtkDropDown *building_dropdown;
  GtkDropDown *floor_dropdown;
  GtkLabel    *progress_label;
  GtkWidget   *close_button;
  GtkStack    *stack;
  GtkListBox  *list;
};

G_DEFINE_FINAL_TYPE (NtChecksPage, nt_checks_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* The keys, as the legend shows them. */
static const struct { guint key; const char *status; } status_keys[] = {
  { GDK_KEY_c, "present" },
  { GDK_KEY_p, "leave" },
  { GDK_KEY_o, "sick" },
  { GDK_KEY_v, "absent" },
  { GDK_KEY_m, "late" },
};

/* ----- rows ------------------------------------------------------------- */

static void
set_status_pill (GtkWidget  *pill,
                 const char *status)
{
  static const char * const classes[] = {
    "nt-status-present", "nt-status-leave", "nt-status-sick", "nt-status-absent", "nt-status-late", "nt-status-none",
  };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (pill, classes[i]);
  if (status == NULL)
    {
      gtk_label_set_text (GTK_LABEL (pill), _("not yet checked"));
      gtk_widget_add_css_class (pill, "nt-status-none");
    }
  else
    {
      g_autofree char *css = g_strdup_printf ("nt-status-%s", status);
      gtk_label_set_text (GTK_LABEL (pill), nt_night_status_label (status));
      gtk_widget_add_css_class (pill, css);
    }
}

static char *
entry_subtitle (NtCheckEntry *e)
{
  GString *s = g_string_new (e->class_name ? e->class_name : "");

  if (g_strcmp0 (e->status, "late") == 0 && e->late_at && strlen (e->late_at) >= 16)
    g_string_append_printf (s, _(" · back at %s"), e->late_at + 11);
  if (e->leave_id != 0)
    g_string_append (s, _(" · leave approved"));
  if (e->leave_overdue)
    g_string_append (s, _(" · LEAVE OVERDUE"));
  if (e->note && e->note[0])
    g_string_append_printf (s, " · %s", e->note);
  return g_string_free (s, FALSE);
}

static void
update_student_row (NtChecksPage *self,
                    RowInfo      *info)
{
  g_autoptr(NtCheckEntry) e = nt_night_check_load_entry (nt_context_get_store (self->context), info->entry_id, NULL);
  g_autofree char *subtitle = NULL;

  if (e == NULL)
    return;
  subtitle = entry_subtitle (e);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (info->row), subtitle);
  set_status_pill (info->status, e->status);
}

static void
update_progress (NtChecksPage *self)
{
  guint checked = 0, expected = 0;

  nt_night_check_progress (nt_context_get_store (self->context), self->check_id, &checked, &expected);
  g_free (self->progress);
  self->progress = g_strdup_printf (_("%u/%u checked"), checked, expected);
  gtk_label_set_text (self->progress_label, self->progress);
}

static GtkWidget *
room_row (NtCheckEntry *e)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf (_("Room %s · floor %d"), e->room_number, e->floor);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Enter: the whole room is present"));
  gtk_widget_add_css_class (row, "nt-room-row");
  return row;
}

static GtkWidget *
student_row (NtCheckEntry  *e,
             GtkWidget    **pill_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *pill = gtk_label_new (NULL);
  g_autofree char *title = g_strdup_printf (_("Bed %s · %s"), e->bed_label ? e->bed_label : "?", e->student_name);
  g_autofree char *subtitle = entry_subtitle (e);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (pill, "nt-status");
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  set_status_pill (pill, e->status);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
  *pill_out = pill;
  return row;
}

/* An absence in a closed check may be an incident (issue 7): the row
 * opens one, filled with the student and the night, or the one opened. */
static void
add_incident_button (NtChecksPage *self,
                     GtkWidget    *row,
                     gint64        entry_id)
{
  NtIncidentLink link = { NT_INCIDENT_LINK_NIGHT_CHECK, entry_id };
  GtkWidget *button = nt_incident_link_button_new (self->context, &link);

  if (button != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static void
fill_list (NtChecksPage *self)
{
  g_autoptr(GListStore) entries = nt_night_check_entries (nt_context_get_store (self->context), self->check_id, NULL);
  g_autoptr(NtNightCheck) check = nt_night_check_load (nt_context_get_store (self->context), self->check_id, NULL);
  GtkWidget *child;
  gint64 room = -1;
  int first_unchecked = -1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_array_set_size (self->rows, 0);
  self->closed = check != NULL && check->closed_at != NULL;
  gtk_widget_set_sensitive (self->close_button, !self->closed);

  for (guint i = 0; entries && i < g_list_model_get_n_items (G_LIST_MODEL (entries)); i++)
    {
      g_autoptr(NtCheckEntry) e = g_list_model_get_item (G_LIST_MODEL (entries), i);
      RowInfo info = { 0 };

      if (e->room_id != room)
        {
          RowInfo r = { TRUE, e->room_id, 0, room_row (e), NULL };
          gtk_list_box_append (self->list, r.row);
          g_array_append_val (self->rows, r);
          room = e->room_id;
        }
      info.room_id = e->room_id;
      info.entry_id = e->id;
      info.row = student_row (e, &info.status);
      if (self->closed && g_strcmp0 (e->status, "absent") == 0)
        add_incident_button (self, info.row, e->id);
      if (first_unchecked < 0 && e->status == NULL)
        first_unchecked = (int) self->rows->len;
      gtk_list_box_append (self->list, info.row);
      g_array_append_val (self->rows, info);
    }
  update_progress (self);
  gtk_stack_set_visible_child_name (self->stack, "check");
  /* The first student not yet checked: the first key pressed marks a
   * student, not a room line, and a check taken up again goes on where it
   * stopped. */
  nt_checks_page_focus_row (self, first_unchecked >= 0 ? (guint) first_unchecked : 0);
}

static int
current_index (NtChecksPage *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

  return row ? gtk_list_box_row_get_index (row) : -1;
}

void
nt_checks_page_focus_row (NtChecksPage *self,
                          guint         index)
{
  GtkListBoxRow *row;

  g_return_if_fail (NT_IS_CHECKS_PAGE (self));

  row = gtk_list_box_get_row_at_index (self->list, (int) index);
  if (row == NULL)
    return;
  gtk_list_box_select_row (self->list, row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* ----- marking ---------------------------------------------------------- */

typedef struct
{
  NtChecksPage *self;
  RowInfo       info;
  char         *status;
  GtkEditable  *reason;
} Correction;

static void
on_correction_response (AdwMessageDialog *dialog,
                        const char       *response,
                        Correction       *c)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *late_at = NULL;

  if (g_str_equal (response, "correct"))
    {
      if (g_strcmp0 (c->status, "late") == 0)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_local ();
          late_at = g_date_time_format (now, "%Y-%m-%d %H:%M");
        }
      if (!nt_night_check_correct (nt_context_get_store (c->self->context), c->info.entry_id, c->status, late_at,
                                   gtk_editable_get_text (c->reason), &error))
        nt_window_toast_text (GTK_WIDGET (c->self), error->message);
      update_student_row (c->self, &c->info);
      update_progress (c->self);
    }
  g_object_unref (c->self);
  g_free (c->status);
  g_free (c);
}

/* A closed check is read-only; a mistake found later is corrected with its
 * reason, which the audit trail keeps. */
static void
ask_correction (NtChecksPage *self,
                RowInfo      *info,
                const char   *status)
{
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *body = g_strdup_printf (_("The check is closed. Change this student to “%s”? Say why; the change is kept in the history."),
                                           nt_night_status_label (status));
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              _("Correct a closed check"), body);
  Correction *c = g_new0 (Correction, 1);

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason for the correction"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "correct", _("C_orrect"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "correct");
  c->self = g_object_ref (self);
  c->info = *info;
  c->status = g_strdup (status);
  c->reason = GTK_EDITABLE (entry);
  g_signal_connect (dialog, "response", G_CALLBACK (on_correction_response), c);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static gboolean
mark_current (NtChecksPage *self,
              const char   *status)
{
  int index = current_index (self);
  RowInfo *info;
  g_autoptr(GError) error = NULL;
  g_autofree char *late_at = NULL;

  if (index < 0)
    return FALSE;
  info = &g_array_index (self->rows, RowInfo, index);
  if (info->is_room)
    return FALSE;
  if (self->closed)
    {
      ask_correction (self, info, status);
      return TRUE;
    }

  if (g_strcmp0 (status, "late") == 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      late_at = g_date_time_format (now, "%Y-%m-%d %H:%M");
    }
  if (!nt_night_check_mark (nt_context_get_store (self->context), info->entry_id, status, late_at, NULL, &error))
    {
      nt_window_toast_text (GTK_WIDGET (self), error->message);
      return TRUE;
    }
  update_student_row (self, info);
  update_progress (self);
  nt_checks_page_focus_row (self, (guint) index + 1);
  return TRUE;
}

static gboolean
mark_room (NtChecksPage *self)
{
  int index = current_index (self);
  RowInfo *info;
  g_autoptr(GError) error = NULL;
  g_autofree char *overdue = NULL;
  guint n = 0;

  if (index < 0)
    return FALSE;
  info = &g_array_index (self->rows, RowInfo, index);
  if (!info->is_room)
    return FALSE;
  if (!nt_night_check_mark_room_present (nt_context_get_store (self->context), self->check_id, info->room_id, &n,
                                         &overdue, &error))
    {
      nt_window_toast_text (GTK_WIDGET (self), error->message);
      return TRUE;
    }
  if (overdue != NULL)
    {
      /* TRANSLATORS: after Enter on a room; %s names the students, "Lê Kim Xuân, Lò Thị Mai" */
      g_autofree char *text = g_strdup_printf (_("Not marked, overdue from leave: %s. Mark them one by one."), overdue);
      nt_window_toast_text (GTK_WIDGET (self), text);
    }
  for (guint i = (guint) index + 1; i < self->rows->len; i++)
    {
      RowInfo *r = &g_array_index (self->rows, RowInfo, i);
      if (r->is_room)
        {
          nt_checks_page_focus_row (self, i);
          break;
        }
      update_student_row (self, r);
    }
  update_progress (self);
  return TRUE;
}

typedef struct
{
  NtChecksPage *self;
  gint64        entry_id;
  guint         index;
  GtkEditable  *entry;
} NoteData;

static void
on_note_response (AdwMessageDialog *dialog,
                  const char       *response,
                  NoteData         *d)
{
  g_autoptr(NtCheckEntry) e = NULL;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "save"))
    {
      e = nt_night_check_load_entry (nt_context_get_store (d->self->context), d->entry_id, NULL);
      if (e != NULL && !nt_night_check_mark (nt_context_get_store (d->self->context), d->entry_id,
                                             e->status ? e->status : NULL, e->late_at,
                                             gtk_editable_get_text (d->entry), &error))
        nt_window_toast_text (GTK_WIDGET (d->self), error->message);
      update_student_row (d->self, &g_array_index (d->self->rows, RowInfo, d->index));
    }
  nt_checks_page_focus_row (d->self, d->index);
  g_object_unref (d->self);
  g_free (d);
}

static gboolean
note_current (NtChecksPage *self)
{
  int index = current_index (self);
  RowInfo *info;
  GtkWidget *dialog, *entry;
  NoteData *d;

  if (index < 0 || (info = &g_array_index (self->rows, RowInfo, index))->is_room)
    return FALSE;

  {
    g_autoptr(NtCheckEntry) e = nt_night_check_load_entry (nt_context_get_store (self->context), info->entry_id, NULL);
    /* TRANSLATORS: the heading of the note dialog of the night check: "Ghi chú: Lò Văn A (B103)" */
    g_autofree char *heading = e ? g_strdup_printf (_("Note: %s (%s)"), e->student_name, e->room_number ? e->room_number : "—")
                                 : g_strdup (_("Note"));

    dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, NULL);
  }
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  d = g_new0 (NoteData, 1);
  d->self = g_object_ref (self);
  d->entry_id = info->entry_id;
  d->index = (guint) index;
  d->entry = GTK_EDITABLE (entry);
  g_signal_connect (dialog, "response", G_CALLBACK (on_note_response), d);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  return TRUE;
}

/**
 * nt_checks_page_handle_key:
 *
 * What a key does on the selected row: the keys of the legend, Enter on a
 * room, J/K to move. The key controller calls it; tests call it too.
 *
 * Returns: whether the key was used
 */
gboolean
nt_checks_page_handle_key (NtChecksPage *self,
                           guint         keyval)
{
  int index;

  g_return_val_if_fail (NT_IS_CHECKS_PAGE (self), FALSE);

  if (self->check_id == 0)
    return FALSE;
  keyval = gdk_keyval_to_lower (keyval);
  for (guint i = 0; i < G_N_ELEMENTS (status_keys); i++)
    if (keyval == status_keys[i].key)
      return mark_current (self, status_keys[i].status);

  index = current_index (self);
  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      return mark_room (self);
    case GDK_KEY_n:
      return note_current (self);
    case GDK_KEY_j:
      nt_checks_page_focus_row (self, (guint) (index + 1));
      return TRUE;
    case GDK_KEY_k:
      if (index > 0)
        nt_checks_page_focus_row (self, (guint) (index - 1));
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                NtChecksPage          *self)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  return nt_checks_page_handle_key (self, keyval);
}

/* ----- starting and closing --------------------------------------------- */

static void
fill_building_dropdown (NtChecksPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  int floors = 1;

  g_clear_object (&self->buildings);
  self->buildings = nt_rooms_list_buildings (nt_context_get_store (self->context), TRUE, NULL);
  for (guint i = 0; self->buildings && i < g_list_model_get_n_items (G_LIST_MODEL (self->buildings)); i++)
    {
      g_autoptr(NtBuilding) b = g_list_model_get_item (G_LIST_MODEL (self->buildings), i);
      gtk_string_list_append (names, b->name);
      floors = MAX (floors, b->floors);
    }
  gtk_drop_down_set_model (self->building_dropdown, G_LIST_MODEL (names));

  {
    g_autoptr(GtkStringList) floor_names = gtk_string_list_new (NULL);
    gtk_string_list_append (floor_names, _("Every floor"));
    for (int f = 1; f <= floors; f++)
      {
        g_autofree char *label = g_strdup_printf (_("Floor %d"), f);
        gtk_string_list_append (floor_names, label);
      }
    gtk_drop_down_set_model (self->floor_dropdown, G_LIST_MODEL (floor_names));
  }
}

/**
 * nt_checks_page_start:
 * @floor: 0 for the whole building
 *
 * Starts tonight's check of a building (or floor), or resumes it.
 */
gboolean
nt_checks_page_start (NtChecksPage  *self,
                      const char    *night_display,
                      guint          building_position,
                      int            floor,
                      GError       **error)
{
  NtStaffMember *user = nt_context_get_user (self->context);
  g_autoptr(NtBuilding) building = NULL;
  g_autoptr(GDate) night = NULL;
  g_autofree char *iso = NULL;
  gint64 id;

  g_return_val_if_fail (NT_IS_CHECKS_PAGE (self), FALSE);

  night = nt_date_parse_display (night_display, error);
  if (night == NULL)
    return FALSE;
  iso = nt_date_to_iso (night);
  if (self->buildings == NULL || building_position >= g_list_model_get_n_items (G_LIST_MODEL (self->buildings)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Choose a building."));
      return FALSE;
    }
  if (user == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("Choose who is using the program first (the check is signed with that name)."));
      return FALSE;
    }
  building = g_list_model_get_item (G_LIST_MODEL (self->buildings), building_position);
  id = nt_night_check_start (nt_context_get_store (self->context), iso, building->id, floor, user->id, error);
  if (id <= 0)
    return FALSE;
  /* The pickers show the check on screen. */
  self->check_id = 0;
  gtk_drop_down_set_selected (self->building_dropdown, building_position);
  gtk_drop_down_set_selected (self->floor_dropdown, (guint) MAX (floor, 0));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->night_entry)), night_display) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->night_entry), night_display);
  self->check_id = id;
  fill_list (self);
  return TRUE;
}

typedef struct
{
  NtChecksPage *self;
  int           floor;    /* of the check already started */
} Resume;

static void
on_resume_response (AdwMessageDialog *dialog,
                    const char       *response,
                    Resume           *r)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "resume"))
    {
      gtk_drop_down_set_selected (r->self->floor_dropdown, (guint) r->floor);
      if (!nt_checks_page_start (r->self, gtk_editable_get_text (GTK_EDITABLE (r->self->night_entry)),
                                 gtk_drop_down_get_selected (r->self->building_dropdown), r->floor, &error))
        nt_window_toast_text (GTK_WIDGET (r->self), error->message);
    }
}

/* A check of the same building that night, on another floor or the whole
 * building, is already under way: say so in full (a toast cuts it) and
 * offer to go on with that one. */
static void
offer_resume (NtChecksPage *self,
              const GError *error)
{
  g_autoptr(GDate) night = nt_date_parse_display (gtk_editable_get_text (GTK_EDITABLE (self->night_entry)), NULL);
  g_autofree char *iso = night ? nt_date_to_iso (night) : NULL;
  g_autoptr(GListStore) checks = iso ? nt_night_check_list (nt_context_get_store (self->context), iso, iso, NULL) : NULL;
  guint position = gtk_drop_down_get_selected (self->building_dropdown);
  g_autoptr(NtBuilding) building = NULL;
  GtkWidget *dialog;
  Resume *r = NULL;

  if (self->buildings != NULL && position < g_list_model_get_n_items (G_LIST_MODEL (self->buildings)))
    building = g_list_model_get_item (G_LIST_MODEL (self->buildings), position);
  for (guint i = 0; checks && building && i < g_list_model_get_n_items (G_LIST_MODEL (checks)); i++)
    {
      g_autoptr(NtNightCheck) c = g_list_model_get_item (G_LIST_MODEL (checks), i);

      if (c->building_id == building->id && c->closed_at == NULL && r == NULL)
        {
          r = g_new0 (Resume, 1);
          r->self = self;
          r->floor = c->floor;
        }
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("A check is already under way"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (r != NULL)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "resume", _("_Resume that check"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "resume", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "resume");
      g_signal_connect_data (dialog, "response", G_CALLBACK (on_resume_response), r, (GClosureNotify) g_free, 0);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  NtChecksPage *self = NT_CHECKS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  guint floor = gtk_drop_down_get_selected (self->floor_dropdown);

  if (nt_checks_page_start (self, gtk_editable_get_text (GTK_EDITABLE (self->night_entry)),
                            gtk_drop_down_get_selected (self->building_dropdown),
                            floor == GTK_INVALID_LIST_POSITION ? 0 : (int) floor, &error))
    return;
  if (g_error_matches (error, NT_ERROR, NT_ERROR_EXISTS))
    offer_resume (self, error);
  else
    nt_window_toast_text (GTK_WIDGET (self), error->message);
}

/**
 * nt_checks_page_close_check:
 *
 * Closes the check; refused while a student has no status. The absent
 * students without leave are shown with their guardian's phone.
 */
gboolean
nt_checks_page_close_check (NtChecksPage  *self,
                            GError       **error)
{
  g_autoptr(GListStore) absent = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  guint n;
  GtkWidget *dialog;

  g_return_val_if_fail (NT_IS_CHECKS_PAGE (self), FALSE);

  if (!nt_night_check_close (nt_context_get_store (self->context), self->check_id, &absent, error))
    return FALSE;

  n = absent ? g_list_model_get_n_items (G_LIST_MODEL (absent)) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtCheckEntry) e = g_list_model_get_item (G_LIST_MODEL (absent), i);
      g_string_append_printf (body, _("%s (%s, room %s) — guardian %s, %s\n"), e->student_name, e->class_name,
                              e->room_number, e->guardian_name && e->guardian_name[0] ? e->guardian_name : "—",
                              e->guardian_phone && e->guardian_phone[0] ? e->guardian_phone : "—");
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   n > 0 ? _("Check closed: absent without leave") : _("Check closed"),
                                   n > 0 ? body->str : _("Every student is accounted for."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  fill_list (self);
  return TRUE;
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  NtChecksPage *self = NT_CHECKS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->check_id != 0 && !nt_checks_page_close_check (self, &error))
    nt_window_toast_text (GTK_WIDGET (self), error->message);
}

/* ----- public ----------------------------------------------------------- */

gint64
nt_checks_page_get_check_id (NtChecksPage *self)
{
  g_return_val_if_fail (NT_IS_CHECKS_PAGE (self), 0);
  return self->check_id;
}

guint
nt_checks_page_get_n_rows (NtChecksPage *self)
{
  g_return_val_if_fail (NT_IS_CHECKS_PAGE (self), 0);
  return self->rows->len;
}

const char *
nt_checks_page_get_progress (NtChecksPage *self)
{
  g_return_val_if_fail (NT_IS_CHECKS_PAGE (self), NULL);
  return self->progress;
}

/* ----- GObject ---------------------------------------------------------- */

/* The night, building or floor chosen no longer being those of the check
 * on screen, its rows are put away: a key must never mark a student of a
 * check the pickers do not show. Start (or resume) opens the one chosen. */
static void
on_scope_changed (NtChecksPage *self)
{
  g_autoptr(NtNightCheck) check = NULL;
  g_autoptr(NtBuilding) building = NULL;
  g_autoptr(GDate) night = NULL;
  g_autofree char *iso = NULL;
  guint position = gtk_drop_down_get_selected (self->building_dropdown);
  guint floor = gtk_drop_down_get_selected (self->floor_dropdown);

  if (self->check_id == 0)
    return;
  check = nt_night_check_load (nt_context_get_store (self->context), self->check_id, NULL);
  night = nt_date_parse_display (gtk_editable_get_text (GTK_EDITABLE (self->night_entry)), NULL);
  iso = night ? nt_date_to_iso (night) : NULL;
  if (self->buildings != NULL && position < g_list_model_get_n_items (G_LIST_MODEL (self->buildings)))
    building = g_list_model_get_item (G_LIST_MODEL (self->buildings), position);
  if (check != NULL && building != NULL && check->building_id == building->id &&
      (guint) check->floor == floor && g_strcmp0 (check->night, iso) == 0)
    return;
  self->check_id = 0;
  fill_list (self);
  update_progress (self);
}

static void
nt_checks_page_constructed (GObject *object)
{
  NtChecksPage *self = NT_CHECKS_PAGE (object);
  g_autofree char *night = nt_night_check_default_night ();
  g_autofree char *display = nt_date_iso_to_display (night);
  GtkEventController *keys = gtk_event_controller_key_new ();

  G_OBJECT_CLASS (nt_checks_page_parent_class)->constructed (object);

  gtk_editable_set_text (GTK_EDITABLE (self->night_entry), display);
  fill_building_dropdown (self);
  g_signal_connect_swapped (self->building_dropdown, "notify::selected", G_CALLBACK (on_scope_changed), self);
  g_signal_connect_swapped (self->floor_dropdown, "notify::selected", G_CALLBACK (on_scope_changed), self);
  g_signal_connect_swapped (self->night_entry, "changed", G_CALLBACK (on_scope_changed), self);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), keys);
}

static void
nt_checks_page_dispose (GObject *object)
{
  NtChecksPage *self = NT_CHECKS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NT_TYPE_CHECKS_PAGE);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->progress, g_free);
  g_clear_object (&self->buildings);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (nt_checks_page_parent_class)->dispose (object);
}

static void
nt_checks_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      NT_CHECKS_PAGE (object)->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nt_checks_page_class_init (NtChecksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nt_checks_page_constructed;
  object_class->dispose = nt_checks_page_dispose;
  object_class->set_property = nt_checks_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, NT_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/edu/noitru/nt-checks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NtChecksPage, night_entry);
  gtk_widget_class_bind_template_child (widget_class, NtChecksPage, building_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NtChecksPage, floor_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NtChecksPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, NtChecksPage, close_button);
  gtk_widget_class_bind_template_child (widget_class, NtChecksPage, stack);
  gtk_widget_class_bind_template_child (widget_class, NtChecksPage, list);

  gtk_widget_class_install_action (widget_class, "checks.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "checks.close", NULL, close_action);
}

static void
nt_checks_page_init (NtChecksPage *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (RowInfo));
  gtk_widget_init_template (GTK_WIDGET (self));
}
