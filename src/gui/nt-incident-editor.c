/* nt-incident-editor.c
 *
 * One window for every field of an incident, opened from the Incidents
 * section or from wherever an incident arises (an absence in a night check,
 * an overdue leave, a hand-over note): then it is filled from there and
 * keeps the link. It stays open, the error shown above the fields, until
 * the incident is saved; the person never loses what they typed.
 */
#define G_LOG_DOMAIN "nt-incident-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-access.h"
#include "nt-date.h"
#include "nt-incident-editor.h"
#include "nt-leaves.h"
#include "nt-night-checks.h"
#include "nt-rooms.h"
#include "nt-staff.h"
#include "nt-student-list.h"
#include "nt-student.h"
#include "nt-students.h"
#include "nt-util.h"
#include "nt-window.h"

struct _NtIncidentEditor
{
  AdwWindow      parent_instance;

  NtContext     *context;
  NtIncident    *incident;
  GListStore    *people;        /* NtIncidentPerson */
  GHashTable    *controls;      /* name → widget, not owned */
  NtStudentList *students;
  GArray        *room_ids;      /* gint64, parallel to the room combo */
  GArray        *building_ids;  /* gint64, parallel to the building combo */
  GArray        *staff_ids;     /* gint64, parallel to the staff combos (0: nobody) */

  GtkWidget     *error_label;
  GtkListBox    *people_list;
  GtkListBox    *results;
};

G_DEFINE_FINAL_TYPE (NtIncidentEditor, nt_incident_editor, ADW_TYPE_WINDOW)

/* ----- small helpers ------------------------------------------------------ */

static GtkWidget *
control (NtIncidentEditor *self,
         const char       *name)
{
  GtkWidget *w = g_hash_table_lookup (self->controls, name);

  g_assert (w != NULL);
  return w;
}

static GtkWidget *
add_entry (NtIncidentEditor *self,
           GtkWidget        *group,
           const char       *name,
           const char       *title,
           const char       *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_hash_table_insert (self->controls, (gpointer) name, row);
  return row;
}

/* A time field shows dd/mm/yyyy HH:MM. */
static GtkWidget *
add_time_entry (NtIncidentEditor *self,
                GtkWidget        *group,
                const char       *name,
                const char       *title,
                const char       *iso_time)
{
  g_autofree char *shown = nt_str_empty (iso_time) ? NULL : nt_leave_time_to_display (iso_time);

  return add_entry (self, group, name, title, shown);
}

static GtkWidget *
add_combo (NtIncidentEditor *self,
           GtkWidget        *group,
           const char       *name,
           const char       *title,
           GtkStringList    *labels,
           guint             selected)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_hash_table_insert (self->controls, (gpointer) name, row);
  return row;
}

/* A few lines of text: a text view in a frame, under a caption. */
static GtkWidget *
add_text (NtIncidentEditor *self,
          GtkWidget        *group,
          const char       *name,
          const char       *title,
          const char       *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new_with_mnemonic (title);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 72);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text ? text : "", -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_widget_set_margin_top (box, 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  g_hash_table_insert (self->controls, (gpointer) name, view);
  return view;
}

static char *
text_of (NtIncidentEditor *self,
         const char       *name)
{
  GtkWidget *w = control (self, name);

  if (GTK_IS_TEXT_VIEW (w))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (w));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
    }
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (w))));
}

static guint
selected_of (NtIncidentEditor *self,
             const char       *name)
{
  return adw_combo_row_get_selected (ADW_COMBO_ROW (control (self, name)));
}

static guint
index_of (const char * const *list,
          const char         *value)
{
  for (guint i = 0; list[i]; i++)
    if (g_strcmp0 (list[i], value) == 0)
      return i;
  return 0;
}

static guint
index_of_id (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return 0;
}

/* A time field read back: empty is NULL; otherwise 'YYYY-MM-DD HH:MM' or
 * an error that names the field. */
static gboolean
time_of (NtIncidentEditor  *self,
         const char        *name,
         const char        *field,
         char             **out,
         GError           **error)
{
  g_autofree char *text = text_of (self, name);
  g_autoptr(GError) local = NULL;

  *out = NULL;
  if (text[0] == '\0')
    return TRUE;
  *out = nt_date_time_parse_display (text, &local);
  if (*out == NULL)
    {
      g_set_error (error, local->domain, local->code, "%s: %s", field, local->message);
      return FALSE;
    }
  return TRUE;
}

/* ----- the people --------------------------------------------------------- */

static void refresh_people (NtIncidentEditor *self);

static void
on_remove_person (GtkButton        *button,
                  NtIncidentEditor *self)
{
  NtIncidentPerson *p = g_object_get_data (G_OBJECT (button), "person");
  guint position;

  if (g_list_store_find (self->people, p, &position))
    g_list_store_remove (self->people, position);
  refresh_people (self);
}

static void
refresh_people (NtIncidentEditor *self)
{
  GtkWidget *child;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->people));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->people_list))) != NULL)
    gtk_list_box_remove (self->people_list, child);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtIncidentPerson) p = g_list_model_get_item (G_LIST_MODEL (self->people), i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *subtitle = NULL;

      if (!nt_str_empty (p->detail))
        subtitle = g_strdup_printf ("%s · %s", nt_incident_part_label (p->part), p->detail);
      else
        subtitle = g_strdup (nt_incident_part_label (p->part));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), p->name ? p->name : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove this person from the incident"));
      g_object_set_data_full (G_OBJECT (remove), "person", g_object_ref (p), g_object_unref);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_person), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->people_list, row);
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nobody named yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->people_list, row);
    }
}

static const char *
chosen_part (NtIncidentEditor *self)
{
  const char * const *parts = nt_incident_parts ();
  guint i = selected_of (self, "part");

  return i < g_strv_length ((char **) parts) ? parts[i] : "other";
}

/* Names and details of people the core does not fill in a draft. */
static void
describe_student (NtIncidentEditor *self,
                  NtIncidentPerson *p)
{
  g_autoptr(NtStudent) s = NULL;

  if (p->student_id == 0 || p->name != NULL)
    return;
  s = nt_students_load (nt_context_get_store (self->context), p->student_id, NULL);
  if (s != NULL)
    {
      p->name = g_strdup (s->full_name);
      p->detail = g_strdup (s->class_name);
    }
}

/**
 * nt_incident_editor_add_student:
 * @part: (nullable): the part, %NULL for the one chosen in the window
 *
 * Adds a student to the people of the incident (as picking one does).
 */
void
nt_incident_editor_add_student (NtIncidentEditor *self,
                                gint64            student_id,
                                const char       *part)
{
  g_autoptr(NtIncidentPerson) p = NULL;

  g_return_if_fail (NT_IS_INCIDENT_EDITOR (self));

  p = nt_incident_person_new_student (student_id, part ? part : chosen_part (self));
  describe_student (self, p);
  g_list_store_append (self->people, p);
  refresh_people (self);
}

static void
on_student_search (GtkEditable      *entry,
                   NtIncidentEditor *self)
{
  const char *text = gtk_editable_get_text (entry);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);
  gtk_widget_set_visible (GTK_WIDGET (self->results), text[0] != '\0');
  if (text[0] == '\0')
    return;
  nt_student_list_set_search (self->students, text);
  for (guint i = 0; i < MIN (g_list_model_get_n_items (G_LIST_MODEL (self->students)), 6); i++)
    {
      g_autoptr(NtStudent) s = g_list_model_get_item (G_LIST_MODEL (self->students), i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf ("%s · %s · %s", s->full_name, s->class_name ? s->class_name : "", s->code);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Enter or click: add with the part chosen above"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "student-id", GSIZE_TO_POINTER (s->id));
      gtk_list_box_append (self->results, row);
    }
}

static void
on_student_chosen (GtkListBox       *results,
                   GtkListBoxRow    *row,
                   NtIncidentEditor *self)
{
  GtkWidget *search = control (self, "student-search");

  nt_incident_editor_add_student (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "student-id")), NULL);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  gtk_widget_grab_focus (search);
}

static void
on_student_search_activate (GtkWidget        *entry,
                            NtIncidentEditor *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results, 0);

  if (first != NULL)
    on_student_chosen (self->results, first, self);
}

static void
on_add_staff (GtkButton        *button,
              NtIncidentEditor *self)
{
  guint i = selected_of (self, "staff");
  gint64 id = i < self->staff_ids->len ? g_array_index (self->staff_ids, gint64, i) : 0;
  g_autoptr(NtIncidentPerson) p = NULL;
  g_autoptr(NtStaffMember) m = NULL;

  if (id == 0)
    return;
  p = nt_incident_person_new_staff (id, chosen_part (self));
  m = nt_staff_load (nt_context_get_store (self->context), id, NULL);
  if (m != NULL)
    {
      p->name = g_strdup (m->full_name);
      p->detail = g_strdup (nt_staff_role_label (m->role));
    }
  g_list_store_append (self->people, p);
  refresh_people (self);
}

static void
on_add_outsider (AdwEntryRow      *row,
                 NtIncidentEditor *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(NtIncidentPerson) p = NULL;

  if (name[0] == '\0')
    return;
  p = nt_incident_person_new_outsider (name, chosen_part (self));
  p->detail = g_strdup (_("not of the school"));
  g_list_store_append (self->people, p);
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  refresh_people (self);
}

/* ----- what shows when ---------------------------------------------------- */

static void
update_visibility (NtIncidentEditor *self)
{
  const char * const *kinds = nt_incident_place_kinds ();
  guint place = selected_of (self, "place-kind");
  const char *kind = place < g_strv_length ((char **) kinds) ? kinds[place] : "other";
  gboolean closed = selected_of (self, "state") == 2;

  gtk_widget_set_visible (control (self, "room"), g_str_equal (kind, "room"));
  gtk_widget_set_visible (control (self, "building"), g_str_equal (kind, "building"));
  gtk_widget_set_sensitive (control (self, "outcome"), closed);
  gtk_widget_set_sensitive (control (self, "outcome-note"), closed);
  gtk_widget_set_sensitive (control (self, "closed-at"), closed);
}

static void
on_choice_changed (GObject          *row,
                   GParamSpec       *pspec,
                   NtIncidentEditor *self)
{
  update_visibility (self);
}

/* When closing, the time it ended is now unless one was typed. */
static void
on_state_changed (GObject          *row,
                  GParamSpec       *pspec,
                  NtIncidentEditor *self)
{
  GtkEditable *closed_at = GTK_EDITABLE (control (self, "closed-at"));

  if (selected_of (self, "state") == 2 && gtk_editable_get_text (closed_at)[0] == '\0')
    {
      g_autofree char *now = nt_leave_time_now ();
      g_autofree char *shown = nt_leave_time_to_display (now);
      gtk_editable_set_text (closed_at, shown);
    }
  update_visibility (self);
}

/* ----- building the window ------------------------------------------------ */

static GtkStringList *
labels_of (const char * const *values,
           const char       *(*label) (const char *))
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; values[i]; i++)
    gtk_string_list_append (list, label (values[i]));
  return list;
}

static GtkWidget *
new_group (GtkWidget  *page,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  return group;
}

static char *
link_text (NtIncidentEditor *self)
{
  NtIncident *inc = self->incident;

  switch (inc->source_kind)
    {
    case NT_INCIDENT_LINK_NIGHT_CHECK:
      {
        g_autoptr(NtCheckEntry) e = nt_night_check_load_entry (nt_context_get_store (self->context), inc->source_id, NULL);
        g_autofree char *night = NULL;

        if (e == NULL)
          return g_strdup (_("A night check"));
        night = nt_date_iso_to_display (e->night);
        return g_strdup_printf (_("The night check of %s, %s: %s (%s)"), night, e->building_name, e->student_name,
                                nt_night_status_label (e->status));
      }
    case NT_INCIDENT_LINK_LEAVE:
      {
        g_autoptr(NtLeave) l = nt_leaves_load (nt_context_get_store (self->context), inc->source_id, NULL, NULL);
        g_autofree char *to = NULL;

        if (l == NULL)
          return g_strdup (_("A leave"));
        to = nt_leave_time_to_display (l->to_time);
        return g_strdup_printf (_("The leave of %s, due back %s"), l->student_name, to);
      }
    case NT_INCIDENT_LINK_HANDOVER:
      return g_strdup (_("A hand-over note"));
    case NT_INCIDENT_LINK_CONFIDENTIAL:
      return g_strdup (_("A confidential report"));
    case NT_INCIDENT_LINK_NONE:
    default:
      return NULL;
    }
}

static void
build (NtIncidentEditor *self)
{
  NtStore *store = nt_context_get_store (self->context);
  NtIncident *inc = self->incident;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group, *row, *add_staff, *staff_box;
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) severities = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) places = labels_of (nt_incident_place_kinds (), nt_incident_place_label);
  g_autoptr(GtkStringList) states = labels_of (nt_incident_states (), nt_incident_state_label);
  g_autoptr(GtkStringList) parts = labels_of (nt_incident_parts (), nt_incident_part_label);
  g_autoptr(GtkStringList) outcomes = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) rooms = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) buildings = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) staff = gtk_string_list_new (NULL);
  g_autoptr(GListStore) building_list = nt_rooms_list_buildings (store, FALSE, NULL);
  g_autoptr(GListStore) staff_list = nt_staff_list (store, TRUE, NULL);
  g_autofree char *link = link_text (self);
  const NtIncidentCategory *cats;
  guint n_cats, category_index = 0;
  gint64 none = 0;

  /* ----- the choices ----- */
  cats = nt_incident_categories (&n_cats);
  for (guint i = 0; i < n_cats; i++)
    {
      gtk_string_list_append (categories, cats[i].label);
      if (g_strcmp0 (cats[i].id, inc->category) == 0)
        category_index = i;
    }
  for (int s = 1; s <= 3; s++)
    gtk_string_list_append (severities, nt_incident_severity_label (s));
  /* TRANSLATORS: no outcome chosen yet (it is chosen when the state is "closed") */
  gtk_string_list_append (outcomes, _("(not chosen yet)"));
  for (const char * const *o = nt_incident_outcomes (); *o; o++)
    gtk_string_list_append (outcomes, nt_incident_outcome_label (*o));
  for (guint i = 0; building_list && i < g_list_model_get_n_items (G_LIST_MODEL (building_list)); i++)
    {
      g_autoptr(NtBuilding) b = g_list_model_get_item (G_LIST_MODEL (building_list), i);
      g_autoptr(GListStore) room_list = nt_rooms_list_rooms (store, b->id, FALSE, NULL);

      gtk_string_list_append (buildings, b->name);
      g_array_append_val (self->building_ids, b->id);
      for (guint j = 0; room_list && j < g_list_model_get_n_items (G_LIST_MODEL (room_list)); j++)
        {
          g_autoptr(NtRoom) r = g_list_model_get_item (G_LIST_MODEL (room_list), j);
          g_autofree char *label = g_strdup_printf (_("Room %s, %s"), r->number, b->name);

          gtk_string_list_append (rooms, label);
          g_array_append_val (self->room_ids, r->id);
        }
    }
  /* TRANSLATORS: in a list of staff: nobody chosen */
  gtk_string_list_append (staff, _("(nobody)"));
  g_array_append_val (self->staff_ids, none);
  for (guint i = 0; staff_list && i < g_list_model_get_n_items (G_LIST_MODEL (staff_list)); i++)
    {
      g_autoptr(NtStaffMember) m = g_list_model_get_item (G_LIST_MODEL (staff_list), i);
      g_autofree char *label = g_strdup_printf ("%s · %s", m->full_name, nt_staff_role_label (m->role));

      gtk_string_list_append (staff, label);
      g_array_append_val (self->staff_ids, m->id);
    }

  /* ----- the window ----- */
  gtk_window_set_title (GTK_WINDOW (self), inc->id != 0 ? _("Incident") : _("New incident"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 720);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_set_tooltip_text (save, _("Save the incident (Ctrl+S)"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "incident.save");
  g_hash_table_insert (self->controls, (gpointer) "save", save);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_margin_start (self->error_label, 18);
  gtk_widget_set_margin_end (self->error_label, 18);
  gtk_widget_set_margin_top (self->error_label, 8);
  gtk_widget_set_visible (self->error_label, FALSE);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), self->error_label);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);

  /* ----- what and where ----- */
  group = new_group (page, _("Incident"), NULL);
  if (link)
    {
      g_autofree char *text = g_strdup_printf (_("Arose from: %s"), link);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), text);
    }
  add_time_entry (self, group, "when", _("When (dd/mm/yyyy HH:MM)"), inc->occurred_at);
  add_combo (self, group, "category", _("Category"), categories, category_index);
  add_combo (self, group, "severity", _("Severity"), severities, (guint) CLAMP (inc->severity, 1, 3) - 1);
  row = add_combo (self, group, "place-kind", _("Where"), places, index_of (nt_incident_place_kinds (), inc->place_kind));
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_choice_changed), self);
  add_combo (self, group, "room", _("Room"), rooms, index_of_id (self->room_ids, inc->room_id));
  add_combo (self, group, "building", _("Dorm building"), buildings, index_of_id (self->building_ids, inc->building_id));
  add_entry (self, group, "place-text", _("Place, in words (needed outside the school)"), inc->place_text);
  add_entry (self, group, "reported-by", _("Reported by"), inc->reported_by);

  /* A group of its own: a group shows its rows first, other widgets after. */
  group = new_group (page, NULL, NULL);
  add_text (self, group, "description", _("_What happened"), inc->description);
  add_text (self, group, "actions", _("_Actions taken"), inc->actions);

  /* ----- people ----- */
  group = new_group (page, _("People involved"),
                     _("Choose the part, then add a student (type a name), a staff member or someone not of the school."));
  self->people_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->people_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->people_list), "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->people_list));
  /* The search results (not rows) come right under the search: a group
   * shows its rows first, other widgets after them. */
  group = new_group (page, NULL, NULL);
  add_combo (self, group, "part", _("Part of the next person"), parts, 0);
  row = add_entry (self, group, "student-search", _("Student: type a name or a code"), NULL);
  g_signal_connect (row, "changed", G_CALLBACK (on_student_search), self);
  g_signal_connect (row, "entry-activated", G_CALLBACK (on_student_search_activate), self);
  self->results = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->results), "boxed-list");
  gtk_widget_set_margin_top (GTK_WIDGET (self->results), 6);
  gtk_widget_set_visible (GTK_WIDGET (self->results), FALSE);
  g_signal_connect (self->results, "row-activated", G_CALLBACK (on_student_chosen), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->results));
  g_hash_table_insert (self->controls, (gpointer) "results", self->results);
  group = new_group (page, NULL, NULL);
  row = add_combo (self, group, "staff", _("Staff member"), staff, 0);
  add_staff = gtk_button_new_with_mnemonic (_("A_dd"));
  gtk_widget_set_valign (add_staff, GTK_ALIGN_CENTER);
  g_signal_connect (add_staff, "clicked", G_CALLBACK (on_add_staff), self);
  staff_box = add_staff;
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), staff_box);
  row = add_entry (self, group, "outsider", _("Someone not of the school: name, then Enter"), NULL);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect (row, "apply", G_CALLBACK (on_add_outsider), self);
  g_signal_connect (row, "entry-activated", G_CALLBACK (on_add_outsider), self);

  /* ----- who was told ----- */
  group = new_group (page, _("Informed"), NULL);
  add_time_entry (self, group, "guardians-at", _("Guardians informed at (dd/mm/yyyy HH:MM)"), inc->guardians_informed_at);
  add_combo (self, group, "guardians-by", _("Guardians informed by"), staff,
             index_of_id (self->staff_ids, inc->guardians_informed_by));
  add_time_entry (self, group, "police-at", _("Reported to the police at (dd/mm/yyyy HH:MM)"), inc->police_reported_at);
  add_entry (self, group, "police-contact", _("Reported to (officer, police station)"), inc->police_contact);

  /* ----- the end ----- */
  group = new_group (page, _("State and outcome"),
                     _("An incident is closed only with its outcome; one still open past its category’s limit stands out in the list."));
  row = add_combo (self, group, "state", _("State"), states, index_of (nt_incident_states (), inc->state));
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_state_changed), self);
  add_combo (self, group, "outcome", _("Outcome"), outcomes,
             nt_str_empty (inc->outcome) ? 0 : index_of (nt_incident_outcomes (), inc->outcome) + 1);
  add_entry (self, group, "outcome-note", _("How it ended, in words (which discipline…)"), inc->outcome_note);
  add_time_entry (self, group, "closed-at", _("Ended at (dd/mm/yyyy HH:MM)"), inc->closed_at);

  refresh_people (self);
  update_visibility (self);
}

/* ----- saving ------------------------------------------------------------- */

/**
 * nt_incident_editor_save:
 *
 * Reads the fields into the incident and saves it with its people; on
 * success the window closes, otherwise the error shows above the fields.
 */
gboolean
nt_incident_editor_save (NtIncidentEditor  *self,
                         GError           **error)
{
  NtIncident *inc;
  const char * const *kinds = nt_incident_place_kinds ();
  const char * const *states = nt_incident_states ();
  const char * const *outcomes = nt_incident_outcomes ();
  const NtIncidentCategory *cats;
  g_autoptr(GError) local = NULL;
  g_autofree char *occurred_at = NULL;
  g_autofree char *guardians_at = NULL;
  g_autofree char *police_at = NULL;
  g_autofree char *closed_at = NULL;
  guint n_cats, i;
  gboolean closed;

  g_return_val_if_fail (NT_IS_INCIDENT_EDITOR (self), FALSE);

  inc = self->incident;
  if (!time_of (self, "when", _("When"), &occurred_at, &local) ||
      !time_of (self, "guardians-at", _("Guardians informed at"), &guardians_at, &local) ||
      !time_of (self, "police-at", _("Reported to the police at"), &police_at, &local) ||
      !time_of (self, "closed-at", _("Ended at"), &closed_at, &local))
    goto failed;
  if (occurred_at == NULL)
    {
      g_set_error (&local, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Say when the incident happened (dd/mm/yyyy HH:MM)."));
      goto failed;
    }

  cats = nt_incident_categories (&n_cats);
  i = selected_of (self, "category");
  nt_set_str (&inc->category, i < n_cats ? cats[i].id : "other");
  inc->severity = (int) selected_of (self, "severity") + 1;
  i = selected_of (self, "place-kind");
  nt_set_str (&inc->place_kind, i < g_strv_length ((char **) kinds) ? kinds[i] : "other");
  i = selected_of (self, "room");
  inc->room_id = i < self->room_ids->len ? g_array_index (self->room_ids, gint64, i) : 0;
  i = selected_of (self, "building");
  inc->building_id = i < self->building_ids->len ? g_array_index (self->building_ids, gint64, i) : 0;
  g_free (inc->place_text);
  inc->place_text = text_of (self, "place-text");
  g_free (inc->description);
  inc->description = text_of (self, "description");
  g_free (inc->reported_by);
  inc->reported_by = text_of (self, "reported-by");
  g_free (inc->actions);
  inc->actions = text_of (self, "actions");
  nt_set_str (&inc->occurred_at, occurred_at);
  nt_set_str (&inc->guardians_informed_at, guardians_at);
  i = selected_of (self, "guardians-by");
  inc->guardians_informed_by = i < self->staff_ids->len ? g_array_index (self->staff_ids, gint64, i) : 0;
  nt_set_str (&inc->police_reported_at, police_at);
  g_free (inc->police_contact);
  inc->police_contact = text_of (self, "police-contact");
  i = selected_of (self, "state");
  nt_set_str (&inc->state, i < 3 ? states[i] : "open");
  closed = g_str_equal (inc->state, "closed");
  i = selected_of (self, "outcome");
  nt_set_str (&inc->outcome, closed && i > 0 && i <= g_strv_length ((char **) outcomes) ? outcomes[i - 1] : NULL);
  g_free (inc->outcome_note);
  inc->outcome_note = closed ? text_of (self, "outcome-note") : g_strdup ("");
  nt_set_str (&inc->closed_at, closed ? closed_at : NULL);

  if (nt_incidents_save (nt_context_get_store (self->context), inc, G_LIST_MODEL (self->people), &local) == 0)
    goto failed;

  {
    GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

    if (NT_IS_WINDOW (parent))
      nt_window_toast (NT_WINDOW (parent), adw_toast_new (_("Incident saved")));
  }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;

failed:
  gtk_label_set_text (GTK_LABEL (self->error_label), local->message);
  gtk_widget_set_visible (self->error_label, TRUE);
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  nt_incident_editor_save (NT_INCIDENT_EDITOR (widget), NULL);
}

/* ----- opening ------------------------------------------------------------ */

static NtIncidentEditor *
editor_new (GtkWidget  *parent,
            NtContext  *context,
            NtIncident *incident,
            GListStore *people)
{
  NtIncidentEditor *self = g_object_new (NT_TYPE_INCIDENT_EDITOR, NULL);
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;

  self->context = g_object_ref (context);
  self->incident = g_object_ref (incident);
  self->students = nt_student_list_new (nt_context_get_store (context));
  for (guint i = 0; people && i < g_list_model_get_n_items (G_LIST_MODEL (people)); i++)
    {
      g_autoptr(NtIncidentPerson) p = g_list_model_get_item (G_LIST_MODEL (people), i);
      describe_student (self, p);
      g_list_store_append (self->people, p);
    }
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  build (self);
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (control (self, incident->id == 0 && incident->source_kind == NT_INCIDENT_LINK_NONE
                                          ? "when" : "description"));
  return self;
}

static void
show_error (GtkWidget    *parent,
            const GError *error)
{
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;

  if (NT_IS_WINDOW (root))
    nt_window_toast (NT_WINDOW (root), adw_toast_new (error->message));
  else
    g_warning ("%s", error->message);
}

/**
 * nt_incident_editor_open_new:
 * @parent: (nullable): a widget of the window it belongs to
 * @link: (nullable): where the incident arose, to fill it from and keep
 *
 * Opens the editor on a new incident (not saved until the person saves).
 * When the user may not record incidents, or the link is gone, a toast
 * says so and nothing opens.
 *
 * Returns: (transfer none) (nullable): the editor window
 */
NtIncidentEditor *
nt_incident_editor_open_new (GtkWidget            *parent,
                             NtContext            *context,
                             const NtIncidentLink *link)
{
  NtIncidentLink none = { NT_INCIDENT_LINK_NONE, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) people = NULL;
  g_autoptr(NtIncident) draft = NULL;

  g_return_val_if_fail (NT_IS_CONTEXT (context), NULL);

  draft = nt_incidents_new_from_link (nt_context_get_store (context), link ? link : &none, &people, &error);
  if (draft == NULL)
    {
      show_error (parent, error);
      return NULL;
    }
  return editor_new (parent, context, draft, people);
}

/**
 * nt_incident_editor_open:
 *
 * Opens the editor on a saved incident.
 *
 * Returns: (transfer none) (nullable): the editor window
 */
NtIncidentEditor *
nt_incident_editor_open (GtkWidget  *parent,
                         NtContext  *context,
                         gint64      incident_id)
{
  NtStore *store;
  g_autoptr(GError) error = NULL;
  g_autoptr(NtIncident) inc = NULL;
  g_autoptr(GListStore) people = NULL;

  g_return_val_if_fail (NT_IS_CONTEXT (context), NULL);

  store = nt_context_get_store (context);
  inc = nt_incidents_load (store, incident_id, NULL, &error);
  if (inc != NULL)
    people = nt_incidents_people (store, incident_id, &error);
  if (inc == NULL || people == NULL)
    {
      show_error (parent, error);
      return NULL;
    }
  return editor_new (parent, context, inc, people);
}

NtIncident *
nt_incident_editor_get_incident (NtIncidentEditor *self)
{
  g_return_val_if_fail (NT_IS_INCIDENT_EDITOR (self), NULL);
  return self->incident;
}

GListModel *
nt_incident_editor_get_people (NtIncidentEditor *self)
{
  g_return_val_if_fail (NT_IS_INCIDENT_EDITOR (self), NULL);
  return G_LIST_MODEL (self->people);
}

/**
 * nt_incident_editor_get_control:
 * @name: "when", "category", "description", "state", "outcome", …
 *
 * Returns: (transfer none) (nullable): the widget of a field, for tests
 */
GtkWidget *
nt_incident_editor_get_control (NtIncidentEditor *self,
                                const char       *name)
{
  g_return_val_if_fail (NT_IS_INCIDENT_EDITOR (self), NULL);
  return g_hash_table_lookup (self->controls, name);
}

/* ----- GObject ------------------------------------------------------------ */

static void
nt_incident_editor_dispose (GObject *object)
{
  NtIncidentEditor *self = NT_INCIDENT_EDITOR (object);

  g_clear_object (&self->students);
  g_clear_object (&self->incident);
  g_clear_object (&self->people);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (nt_incident_editor_parent_class)->dispose (object);
}

static void
nt_incident_editor_finalize (GObject *object)
{
  NtIncidentEditor *self = NT_INCIDENT_EDITOR (object);

  g_clear_pointer (&self->controls, g_hash_table_unref);
  g_clear_pointer (&self->room_ids, g_array_unref);
  g_clear_pointer (&self->building_ids, g_array_unref);
  g_clear_pointer (&self->staff_ids, g_array_unref);
  G_OBJECT_CLASS (nt_incident_editor_parent_class)->finalize (object);
}

static void
nt_incident_editor_class_init (NtIncidentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nt_incident_editor_dispose;
  object_class->finalize = nt_incident_editor_finalize;

  gtk_widget_class_install_action (widget_class, "incident.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "incident.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nt_incident_editor_init (NtIncidentEditor *self)
{
  self->controls = g_hash_table_new (g_str_hash, g_str_equal);
  self->people = g_list_store_new (NT_TYPE_INCIDENT_PERSON);
  self->room_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->building_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* ----- where incidents arise -------------------------------------------- */

typedef struct
{
  NtContext      *context;
  NtIncidentLink  link;
} LinkButton;

static void
link_button_free (gpointer  data,
                  GClosure *closure)
{
  LinkButton *b = data;

  g_object_unref (b->context);
  g_free (b);
}

static void
on_link_button_clicked (GtkButton  *button,
                        LinkButton *b)
{
  gint64 existing = nt_incidents_find_by_link (nt_context_get_store (b->context), &b->link);

  if (existing != 0)
    nt_incident_editor_open (GTK_WIDGET (button), b->context, existing);
  else
    nt_incident_editor_open_new (GTK_WIDGET (button), b->context, &b->link);
}

/* The label says what a click does now: once an incident was written from
 * here (in the editor this button opened, or elsewhere), "See". */
static void
update_link_label (GtkButton *button)
{
  LinkButton *b = g_object_get_data (G_OBJECT (button), "nt-link-button");
  NtStore *store = nt_context_get_store (b->context);

  gtk_button_set_label (button, nt_incidents_find_by_link (store, &b->link) != 0
                                ? _("See the incident") : _("Open an incident"));
}

static void
on_link_store_changed (NtStore    *store,
                       const char *table,
                       GtkButton  *button)
{
  if (g_str_equal (table, "incidents"))
    update_link_label (button);
}

/**
 * nt_incident_link_button_new:
 * @link: where the incident arises (a night-check absence, a leave, a
 *   hand-over note)
 *
 * The button a screen puts where an incident may arise: "Open an
 * incident", filled from @link, or "See the incident" once one was opened
 * from there.
 *
 * Returns: (transfer floating) (nullable): the button, or %NULL when the
 *   person's role may not record incidents
 */
GtkWidget *
nt_incident_link_button_new (NtContext            *context,
                             const NtIncidentLink *link)
{
  NtStore *store = nt_context_get_store (context);
  LinkButton *b;
  GtkWidget *button;

  g_return_val_if_fail (NT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (link != NULL, NULL);

  if (!nt_access_may (store, NT_PERM_RECORD_INCIDENTS))
    return NULL;
  button = gtk_button_new ();
  gtk_widget_set_name (button, "open-incident");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* What it is tied to, for tests to find it. */
  g_object_set_data (G_OBJECT (button), "link-id", GSIZE_TO_POINTER (link->id));
  b = g_new0 (LinkButton, 1);
  b->context = g_object_ref (context);
  b->link = *link;
  g_signal_connect_data (button, "clicked", G_CALLBACK (on_link_button_clicked), b,
                         link_button_free, 0);
  g_object_set_data (G_OBJECT (button), "nt-link-button", b);
  update_link_label (GTK_BUTTON (button));
  g_signal_connect_object (store, "changed", G_CALLBACK (on_link_store_changed), button, 0);
  return button;
}
