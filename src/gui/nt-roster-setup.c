/* nt-roster-setup.c
 *
 * What the roster is made of: the posts to staff (hours, how many people,
 * who may stand there, women only at night in a girls' dorm), the shift
 * templates, and the days staff cannot work. Each list has its add button
 * and each row its edit button; a form stays open with the reason when the
 * core refuses it (a shift of zero length, a post with no name…).
 */
#define G_LOG_DOMAIN "nt-roster-setup"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-date.h"
#include "nt-roster.h"
#include "nt-roster-setup.h"
#include "nt-staff.h"

struct _NtRosterSetup
{
  AdwBin               parent_instance;

  NtContext           *context;
  AdwPreferencesGroup *posts_group;
  AdwPreferencesGroup *shifts_group;
  AdwPreferencesGroup *availability_group;
  AdwPreferencesGroup *holidays_group;
  GPtrArray           *rows;      /* the rows added to the groups, to remove on reload */
};

G_DEFINE_FINAL_TYPE (NtRosterSetup, nt_roster_setup, ADW_TYPE_BIN)

static NtStore *
store_of (NtRosterSetup *self)
{
  return nt_context_get_store (self->context);
}

static const char * const night_genders[] = { "X", "F", "M", NULL };

static const char *
night_gender_label (const char *code)
{
  if (g_strcmp0 (code, "F") == 0)
    return _("Women only at night");
  if (g_strcmp0 (code, "M") == 0)
    return _("Men only at night");
  return _("Anyone at night");
}

/* ----- form helpers ----------------------------------------------------- */

static AdwEntryRow *
entry_row (AdwPreferencesGroup *group,
           const char          *title,
           const char          *text)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_activates_default (row, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

static GtkSpinButton *
spin_row (AdwPreferencesGroup *group,
          const char          *title,
          int                  min,
          int                  max,
          int                  value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);
  return GTK_SPIN_BUTTON (spin);
}

static AdwComboRow *
combo_row (AdwPreferencesGroup *group,
           const char          *title,
           GtkStringList       *choices,
           guint                selected)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, G_LIST_MODEL (choices));
  adw_combo_row_set_selected (row, selected);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

static const char *
text_of (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

/* ----- posts ------------------------------------------------------------ */

typedef struct
{
  NtRosterSetup *self;
  gint64         post_id;
  AdwEntryRow   *name;
  AdwEntryRow   *from;
  AdwEntryRow   *to;
  GtkSpinButton *people;
  AdwComboRow   *night;
  GPtrArray     *roles;     /* GtkCheckButton, in nt_staff_roles() order */
} PostForm;

static void
post_form_free (gpointer data)
{
  PostForm *f = data;

  g_ptr_array_unref (f->roles);
  g_free (f);
}

static gboolean
save_post (gpointer   data,
           GError   **error)
{
  PostForm *f = data;
  g_autoptr(GString) roles = g_string_new (NULL);
  const char * const *codes = nt_staff_roles ();
  NtPostInput in = { 0 };

  for (guint i = 0; i < f->roles->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (f->roles, i)))
      g_string_append_printf (roles, "%s%s", roles->len > 0 ? "," : "", codes[i]);
  in.name = text_of (f->name);
  in.staffed_from = text_of (f->from);
  in.staffed_to = text_of (f->to);
  in.people = gtk_spin_button_get_value_as_int (f->people);
  in.roles = roles->str;
  in.night_gender = night_genders[MIN (adw_combo_row_get_selected (f->night), 2)];
  if (f->post_id == 0)
    return nt_roster_post_add (store_of (f->self), &in, error) != 0;
  return nt_roster_post_update (store_of (f->self), f->post_id, &in, error);
}

static NtPost *
find_post (NtRosterSetup *self,
           gint64         post_id)
{
  g_autoptr(GListStore) posts = nt_roster_posts (store_of (self), FALSE, NULL);

  for (guint i = 0; posts != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (posts)); i++)
    {
      NtPost *p = g_list_model_get_item (G_LIST_MODEL (posts), i);
      if (p->id == post_id)
        return p;
      g_object_unref (p);
    }
  return NULL;
}

/**
 * nt_roster_setup_edit_post:
 * @post_id: the post, or 0 for a new one
 *
 * Returns: (transfer none): the form, presented
 */
NtFormDialog *
nt_roster_setup_edit_post (NtRosterSetup *self,
                           gint64         post_id)
{
  g_autoptr(NtPost) post = post_id != 0 ? find_post (self, post_id) : NULL;
  PostForm *f = g_new0 (PostForm, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *who = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autoptr(GtkStringList) genders = gtk_string_list_new (NULL);
  GtkWidget *flow = gtk_flow_box_new ();
  const char * const *codes = nt_staff_roles ();
  g_auto(GStrv) chosen = g_strsplit (post != NULL ? post->roles : "", ",", -1);
  guint night = 0;

  f->self = self;
  f->post_id = post_id;
  f->roles = g_ptr_array_new ();
  f->name = entry_row (group, _("Name of the post"), post ? post->name : "");
  f->from = entry_row (group, _("Staffed from (HH:MM)"), post ? post->staffed_from : "00:00");
  f->to = entry_row (group, _("Staffed until (HH:MM, 24:00 for midnight)"), post ? post->staffed_to : "24:00");
  f->people = spin_row (group, _("People at once"), 1, 20, post ? post->people : 1);
  for (guint i = 0; night_genders[i] != NULL; i++)
    {
      gtk_string_list_append (genders, night_gender_label (night_genders[i]));
      if (post != NULL && g_strcmp0 (post->night_gender, night_genders[i]) == 0)
        night = i;
    }
  f->night = combo_row (group, _("At night"), genders, night);

  adw_preferences_group_set_title (who, _("Who may stand here"));
  adw_preferences_group_set_description (who, _("None ticked: anyone on the staff."));
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 3);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (nt_staff_role_label (codes[i]));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_strv_contains ((const char * const *) chosen, codes[i]));
      g_ptr_array_add (f->roles, check);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), check);
    }
  adw_preferences_group_add (who, flow);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (group));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (who));
  return nt_form_dialog_new (GTK_WIDGET (self), post_id != 0 ? _("Edit post") : _("New post"), _("_Save"),
                             box, save_post, f, post_form_free);
}

/* ----- shifts ----------------------------------------------------------- */

typedef struct
{
  NtRosterSetup *self;
  gint64         shift_id;
  AdwEntryRow   *name;
  AdwEntryRow   *start;
  AdwEntryRow   *end;
  GtkSwitch     *night;
} ShiftForm;

static gboolean
save_shift (gpointer   data,
            GError   **error)
{
  ShiftForm *f = data;
  NtShiftInput in = { 0 };

  in.name = text_of (f->name);
  in.start_time = text_of (f->start);
  in.end_time = text_of (f->end);
  in.is_night = gtk_switch_get_active (f->night);
  if (f->shift_id == 0)
    return nt_roster_shift_add (store_of (f->self), &in, error) != 0;
  return nt_roster_shift_update (store_of (f->self), f->shift_id, &in, error);
}

/**
 * nt_roster_setup_edit_shift:
 * @shift_id: the shift template, or 0 for a new one
 *
 * Returns: (transfer none): the form, presented
 */
NtFormDialog *
nt_roster_setup_edit_shift (NtRosterSetup *self,
                            gint64         shift_id)
{
  g_autoptr(GListStore) shifts = nt_roster_shifts (store_of (self), NULL);
  g_autoptr(NtShift) shift = NULL;
  ShiftForm *f = g_new0 (ShiftForm, 1);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *row = adw_action_row_new ();

  for (guint i = 0; shift_id != 0 && shifts != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (shifts)); i++)
    {
      g_autoptr(NtShift) s = g_list_model_get_item (G_LIST_MODEL (shifts), i);
      if (s->id == shift_id)
        shift = g_steal_pointer (&s);
    }

  f->self = self;
  f->shift_id = shift_id;
  f->name = entry_row (group, _("Name of the shift"), shift ? shift->name : "");
  f->start = entry_row (group, _("Starts at (HH:MM)"), shift ? shift->start_time : "");
  f->end = entry_row (group, _("Ends at (HH:MM; earlier than the start: the next day)"), shift ? shift->end_time : "");
  f->night = GTK_SWITCH (gtk_switch_new ());
  gtk_switch_set_active (f->night, shift ? shift->is_night : FALSE);
  gtk_widget_set_valign (GTK_WIDGET (f->night), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Night shift"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Counted as a night for fairness and the monthly limits"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (f->night));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (f->night));
  adw_preferences_group_add (group, row);

  return nt_form_dialog_new (GTK_WIDGET (self), shift_id != 0 ? _("Edit shift") : _("New shift"), _("_Save"),
                             GTK_WIDGET (group), save_shift, f, g_free);
}

/* ----- availability ----------------------------------------------------- */

static const char * const availability_kinds[] = { "day_off", "leave", "never_nights", "max_nights", NULL };

typedef struct
{
  NtRosterSetup *self;
  GArray        *staff_ids;
  AdwComboRow   *staff;
  AdwComboRow   *kind;
  AdwEntryRow   *from;
  AdwEntryRow   *to;
  GtkSpinButton *nights;
} AvailabilityForm;

static void
availability_form_free (gpointer data)
{
  AvailabilityForm *f = data;

  g_array_unref (f->staff_ids);
  g_free (f);
}

/* An empty date is no date; a bad one is refused with the field's name. */
static gboolean
optional_date (AdwEntryRow  *row,
               char        **iso,
               GError      **error)
{
  const char *text = text_of (row);
  GDate *date;

  *iso = NULL;
  if (text[0] == '\0')
    return TRUE;
  date = nt_date_parse_display (text, error);
  if (date == NULL)
    {
      g_prefix_error (error, "%s: ", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      return FALSE;
    }
  *iso = nt_date_to_iso (date);
  g_date_free (date);
  return TRUE;
}

static gboolean
save_availability (gpointer   data,
                   GError   **error)
{
  AvailabilityForm *f = data;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  guint staff = adw_combo_row_get_selected (f->staff);
  const char *kind = availability_kinds[MIN (adw_combo_row_get_selected (f->kind), 3)];

  if (staff >= f->staff_ids->len)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Staff member: choose who it is about."));
      return FALSE;
    }
  if (!optional_date (f->from, &from, error) || !optional_date (f->to, &to, error))
    return FALSE;
  return nt_roster_availability_add (store_of (f->self), g_array_index (f->staff_ids, gint64, staff), kind, from, to,
                                     gtk_spin_button_get_value_as_int (f->nights), error) != 0;
}

NtFormDialog *
nt_roster_setup_add_availability (NtRosterSetup *self)
{
  AvailabilityForm *f = g_new0 (AvailabilityForm, 1);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autoptr(GListStore) staff = nt_staff_list (store_of (self), TRUE, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  f->self = self;
  f->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; staff != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (staff)); i++)
    {
      g_autoptr(NtStaffMember) m = g_list_model_get_item (G_LIST_MODEL (staff), i);

      gtk_string_list_append (names, m->full_name);
      g_array_append_val (f->staff_ids, m->id);
    }
  for (guint i = 0; availability_kinds[i] != NULL; i++)
    gtk_string_list_append (kinds, nt_roster_availability_kind_label (availability_kinds[i]));

  f->staff = combo_row (group, _("Staff member"), names, 0);
  adw_combo_row_set_expression (f->staff, expression);
  f->kind = combo_row (group, _("Kind"), kinds, 0);
  f->from = entry_row (group, _("From (dd/mm/yyyy)"), "");
  f->to = entry_row (group, _("To (dd/mm/yyyy; empty: one day)"), "");
  f->nights = spin_row (group, _("Most nights a month (for that kind)"), 0, 31, 8);

  return nt_form_dialog_new (GTK_WIDGET (self), _("Staff availability"), _("_Save"), GTK_WIDGET (group),
                             save_availability, f, availability_form_free);
}

/* ----- holidays ---------------------------------------------------------- */

typedef struct
{
  NtRosterSetup *self;
  AdwEntryRow   *day;
  AdwEntryRow   *name;
} HolidayForm;

static gboolean
save_holiday (gpointer   data,
              GError   **error)
{
  HolidayForm *f = data;
  g_autofree char *day = NULL;

  if (!optional_date (f->day, &day, error))
    return FALSE;
  if (day == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Day: write the date of the holiday, dd/mm/yyyy."));
      return FALSE;
    }
  return nt_roster_holiday_add (store_of (f->self), day, text_of (f->name), error) != 0;
}

NtFormDialog *
nt_roster_setup_add_holiday (NtRosterSetup *self)
{
  HolidayForm *f = g_new0 (HolidayForm, 1);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  f->self = self;
  f->day = entry_row (group, _("Day (dd/mm/yyyy)"), "");
  f->name = entry_row (group, _("Name, e.g. National Day"), "");
  return nt_form_dialog_new (GTK_WIDGET (self), _("Holiday"), _("_Save"), GTK_WIDGET (group),
                             save_holiday, f, g_free);
}

static void
on_holiday_remove (GtkButton     *button,
                   NtRosterSetup *self)
{
  g_autoptr(GError) error = NULL;

  if (!nt_roster_holiday_remove (store_of (self), GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "id")),
                                 &error))
    g_warning ("%s", error->message);
}

static GtkWidget *
remove_button (void)
{
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_widget_add_css_class (remove, "flat");
  return remove;
}

/* ----- the lists -------------------------------------------------------- */

static GtkWidget *
edit_button (const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("document-edit-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
on_post_edit (GtkButton     *button,
              NtRosterSetup *self)
{
  nt_roster_setup_edit_post (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "id")));
}

static void
on_shift_edit (GtkButton     *button,
               NtRosterSetup *self)
{
  nt_roster_setup_edit_shift (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "id")));
}

static void
on_availability_remove (GtkButton     *button,
                        NtRosterSetup *self)
{
  g_autoptr(GError) error = NULL;

  if (!nt_roster_availability_remove (store_of (self), GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "id")),
                                      &error))
    g_warning ("%s", error->message);
}

static void
add_row (NtRosterSetup       *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle,
         GtkWidget           *button,
         gint64               id,
         GCallback            callback)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data (G_OBJECT (button), "id", GSIZE_TO_POINTER (id));
  g_signal_connect (button, "clicked", callback, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static char *
post_summary (NtPost *p)
{
  g_autoptr(GString) roles = g_string_new (NULL);
  g_auto(GStrv) codes = g_strsplit (p->roles, ",", -1);

  for (guint i = 0; codes[i] != NULL; i++)
    if (codes[i][0] != '\0')
      g_string_append_printf (roles, "%s%s", roles->len > 0 ? ", " : "", nt_staff_role_label (codes[i]));
  /* TRANSLATORS: a post's summary: hours · people · night rule · roles */
  return g_strdup_printf (ngettext ("%s–%s · %d person · %s · %s", "%s–%s · %d people · %s · %s", p->people),
                          p->staffed_from, p->staffed_to, p->people, night_gender_label (p->night_gender),
                          roles->len > 0 ? roles->str : _("anyone"));
}

static char *
availability_summary (NtAvailability *a)
{
  g_autofree char *from = a->from_date ? nt_date_iso_to_display (a->from_date) : NULL;
  g_autofree char *to = a->to_date ? nt_date_iso_to_display (a->to_date) : NULL;

  if (g_strcmp0 (a->kind, "max_nights") == 0)
    return g_strdup_printf ("%s: %d", nt_roster_availability_kind_label (a->kind), a->value);
  if (from != NULL && to != NULL && g_strcmp0 (from, to) != 0)
    return g_strdup_printf ("%s · %s – %s", nt_roster_availability_kind_label (a->kind), from, to);
  if (from != NULL)
    return g_strdup_printf ("%s · %s", nt_roster_availability_kind_label (a->kind), from);
  return g_strdup (nt_roster_availability_kind_label (a->kind));
}

static void
reload (NtRosterSetup *self)
{
  g_autoptr(GListStore) posts = nt_roster_posts (store_of (self), TRUE, NULL);
  g_autoptr(GListStore) shifts = nt_roster_shifts (store_of (self), NULL);
  g_autoptr(GListStore) avail = nt_roster_availability_list (store_of (self), NULL);
  g_autoptr(GListStore) holidays = nt_roster_holidays (store_of (self), NULL, NULL, NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)),
                                    row);
    }
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; posts != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (posts)); i++)
    {
      g_autoptr(NtPost) p = g_list_model_get_item (G_LIST_MODEL (posts), i);
      g_autofree char *summary = post_summary (p);

      add_row (self, self->posts_group, p->name, summary, edit_button (_("Edit the post")), p->id,
               G_CALLBACK (on_post_edit));
    }
  for (guint i = 0; shifts != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (shifts)); i++)
    {
      g_autoptr(NtShift) s = g_list_model_get_item (G_LIST_MODEL (shifts), i);
      g_autofree char *hours = g_strdup_printf ("%s–%s%s", s->start_time, s->end_time, s->is_night ? _(" · night") : "");

      add_row (self, self->shifts_group, s->name, hours, edit_button (_("Edit the shift")), s->id,
               G_CALLBACK (on_shift_edit));
    }
  for (guint i = 0; avail != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (avail)); i++)
    {
      g_autoptr(NtAvailability) a = g_list_model_get_item (G_LIST_MODEL (avail), i);
      g_autofree char *summary = availability_summary (a);

      add_row (self, self->availability_group, a->staff_name, summary, remove_button (), a->id,
               G_CALLBACK (on_availability_remove));
    }
  for (guint i = 0; holidays != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (holidays)); i++)
    {
      g_autoptr(NtHoliday) h = g_list_model_get_item (G_LIST_MODEL (holidays), i);
      g_autofree char *day = nt_date_iso_to_display (h->day);

      add_row (self, self->holidays_group, day, h->name, remove_button (), h->id, G_CALLBACK (on_holiday_remove));
    }
}

static void
on_store_changed (NtStore       *store,
                  const char    *table,
                  NtRosterSetup *self)
{
  if (g_str_equal (table, "posts") || g_str_equal (table, "shift_templates")
      || g_str_equal (table, "staff_availability") || g_str_equal (table, "staff")
      || g_str_equal (table, "holidays"))
    reload (self);
}

void
nt_roster_setup_set_context (NtRosterSetup *self,
                             NtContext     *context)
{
  g_return_if_fail (NT_IS_ROSTER_SETUP (self));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  g_signal_connect_object (store_of (self), "changed", G_CALLBACK (on_store_changed), self, 0);
  reload (self);
}

/* ----- object ----------------------------------------------------------- */

static void
on_add_post (NtRosterSetup *self)
{
  nt_roster_setup_edit_post (self, 0);
}

static void
on_add_shift (NtRosterSetup *self)
{
  nt_roster_setup_edit_shift (self, 0);
}

static void
on_add_availability (NtRosterSetup *self)
{
  nt_roster_setup_add_availability (self);
}

static void
on_add_holiday (NtRosterSetup *self)
{
  nt_roster_setup_add_holiday (self);
}

static AdwPreferencesGroup *
list_group (NtRosterSetup *self,
            AdwPreferencesPage *page,
            const char    *title,
            const char    *description,
            const char    *add_label,
            GCallback      add)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *button = gtk_button_new_with_mnemonic (add_label);

  adw_preferences_group_set_title (group, title);
  adw_preferences_group_set_description (group, description);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_swapped (button, "clicked", add, self);
  adw_preferences_group_set_header_suffix (group, button);
  adw_preferences_page_add (page, group);
  return group;
}

static void
nt_roster_setup_dispose (GObject *object)
{
  NtRosterSetup *self = NT_ROSTER_SETUP (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (nt_roster_setup_parent_class)->dispose (object);
}

static void
nt_roster_setup_class_init (NtRosterSetupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = nt_roster_setup_dispose;
}

static void
nt_roster_setup_init (NtRosterSetup *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());

  self->rows = g_ptr_array_new ();
  self->posts_group = list_group (self, page, _("Posts"),
                                  _("The places that must be staffed, and for which hours"),
                                  _("_Add post"), G_CALLBACK (on_add_post));
  self->shifts_group = list_group (self, page, _("Shifts"),
                                   _("The pieces of the day the roster fills; a shift may cross midnight"),
                                   _("A_dd shift"), G_CALLBACK (on_add_shift));
  self->availability_group = list_group (self, page, _("Staff availability"),
                                         _("Days off, leave, “never nights” and the most nights a month"),
                                         _("Add _availability"), G_CALLBACK (on_add_availability));
  self->holidays_group = list_group (self, page, _("Holidays"),
                                     _("Their shifts are shared out like weekend shifts and counted with them"),
                                     _("Add _holiday"), G_CALLBACK (on_add_holiday));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (page));
}
