/* nt-incidents-page.c
 *
 * The incident book: by default the incidents of the school year not yet
 * closed, newest first, those open past their category's limit in red.
 * Filters narrow it by period, state, category, building and a student's
 * name (or any words); a row opens the incident in the editor.
 */
#define G_LOG_DOMAIN "nt-incidents-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nt-access.h"
#include "nt-context.h"
#include "nt-incident-editor.h"
#include "nt-incidents-page.h"
#include "nt-leaves.h"
#include "nt-rooms.h"
#include "nt-school.h"
#include "nt-util.h"
#include "nt-vntext.h"

struct _NtIncidentsPage
{
  AdwBin         parent_instance;

  NtContext     *context;
  GListStore    *shown;          /* NtIncident, as the rows */
  GArray        *building_ids;   /* gint64, after "every building" */

  GtkDropDown   *period_dropdown;
  GtkDropDown   *state_dropdown;
  GtkDropDown   *category_dropdown;
  GtkDropDown   *building_dropdown;
  GtkSearchEntry *search_entry;
  GtkLabel      *count_label;
  GtkWidget     *add_button;
  GtkWidget     *filter_box;
  GtkStack      *stack;
  GtkListBox    *list;
  AdwStatusPage *empty_page;
};

G_DEFINE_FINAL_TYPE (NtIncidentsPage, nt_incidents_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* ----- the filters -------------------------------------------------------- */

static void
fill_choices (NtIncidentsPage *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) buildings = gtk_string_list_new (NULL);
  g_autoptr(GListStore) list = nt_rooms_list_buildings (nt_context_get_store (self->context), TRUE, NULL);
  const NtIncidentCategory *cats;
  guint n;

  gtk_string_list_append (categories, _("Every category"));
  cats = nt_incident_categories (&n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (categories, cats[i].label);
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (categories));

  gtk_string_list_append (buildings, _("Every place"));
  g_array_set_size (self->building_ids, 0);
  for (guint i = 0; list && i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(NtBuilding) b = g_list_model_get_item (G_LIST_MODEL (list), i);
      gtk_string_list_append (buildings, b->name);
      g_array_append_val (self->building_ids, b->id);
    }
  gtk_drop_down_set_model (self->building_dropdown, G_LIST_MODEL (buildings));
}

/* The days of the period filter, NULL for no bound. */
static void
period_days (NtIncidentsPage  *self,
             char            **from,
             char            **to)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  *from = *to = NULL;
  switch (gtk_drop_down_get_selected (self->period_dropdown))
    {
    case NT_INCIDENTS_PERIOD_SCHOOL_YEAR:
      {
        g_autoptr(NtSchoolInfo) info = nt_school_get (nt_context_get_store (self->context));
        if (info != NULL && info->school_year != NULL)
          nt_incidents_school_year_range (info->school_year, from, to);
      }
      break;
    case NT_INCIDENTS_PERIOD_30_DAYS:
      {
        g_autoptr(GDateTime) start = g_date_time_add_days (now, -30);
        *from = g_date_time_format (start, "%Y-%m-%d");
      }
      break;
    case NT_INCIDENTS_PERIOD_MONTH:
      *from = g_date_time_format (now, "%Y-%m-01");
      break;
    default:
      break;
    }
}

static const char *
state_filter (guint show)
{
  switch (show)
    {
    case NT_INCIDENTS_SHOW_ACTIVE:
    case NT_INCIDENTS_SHOW_OVERDUE:
      return "active";
    case NT_INCIDENTS_SHOW_OPEN:
      return "open";
    case NT_INCIDENTS_SHOW_IN_PROGRESS:
      return "in_progress";
    case NT_INCIDENTS_SHOW_CLOSED:
      return "closed";
    default:
      return NULL;
    }
}

/* Every folded word of @query is in the folded text of the incident. */
static gboolean
matches (NtIncident *inc,
         char      **words)
{
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;

  if (words == NULL || words[0] == NULL)
    return TRUE;
  text = g_strjoin (" ", inc->people ? inc->people : "", inc->description ? inc->description : "",
                    inc->place ? inc->place : "", inc->reported_by ? inc->reported_by : "", NULL);
  folded = nt_vn_fold (text);
  for (guint i = 0; words[i]; i++)
    if (words[i][0] != '\0' && strstr (folded, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* ----- the rows ----------------------------------------------------------- */

static const char *
state_css (NtIncident *inc)
{
  if (inc->overdue)
    return "nt-status-absent";
  if (g_strcmp0 (inc->state, "open") == 0)
    return "nt-status-late";
  if (g_strcmp0 (inc->state, "in_progress") == 0)
    return "nt-status-leave";
  return "nt-status-present";
}

static GtkWidget *
incident_row (NtIncident *inc)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *pill = gtk_label_new (NULL);
  g_autofree char *when = nt_leave_time_to_display (inc->occurred_at);
  g_autofree char *title = NULL;
  GString *subtitle = g_string_new (inc->place);

  title = g_strdup_printf ("%s · %s · %s", when, nt_incident_category_label (inc->category),
                           nt_incident_severity_label (inc->severity));
  if (!nt_str_empty (inc->people))
    g_string_append_printf (subtitle, " · %s", inc->people);
  if (inc->overdue)
    g_string_append_printf (subtitle, ngettext (" · OVERDUE, open for %d day", " · OVERDUE, open for %d days",
                                                inc->age_days), inc->age_days);
  else if (!nt_str_empty (inc->outcome))
    g_string_append_printf (subtitle, " · %s", nt_incident_outcome_label (inc->outcome));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, inc->description);
  gtk_label_set_text (GTK_LABEL (pill), nt_incident_state_label (inc->state));
  gtk_widget_add_css_class (pill, "nt-status");
  gtk_widget_add_css_class (pill, state_css (inc));
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  if (inc->overdue)
    gtk_widget_add_css_class (row, "nt-overdue");
  g_string_free (subtitle, TRUE);
  return row;
}

static void
reload (NtIncidentsPage *self)
{
  NtStore *store;
  NtIncidentFilter filter = { 0 };
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *count = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GListStore) list = NULL;
  guint show = gtk_drop_down_get_selected (self->state_dropdown);
  guint category = gtk_drop_down_get_selected (self->category_dropdown);
  guint building = gtk_drop_down_get_selected (self->building_dropdown);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const NtIncidentCategory *cats;
  GtkWidget *child;
  guint n_cats, n;

  if (self->context == NULL)
    return;
  store = nt_context_get_store (self->context);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_list_store_remove_all (self->shown);

  /* A role that may not see incidents sees why, not an empty book. */
  if (!nt_access_may (store, NT_PERM_VIEW_INCIDENTS))
    {
      gtk_widget_set_sensitive (self->filter_box, FALSE);
      gtk_label_set_text (self->count_label, "");
      gtk_stack_set_visible_child_name (self->stack, "denied");
      return;
    }
  gtk_widget_set_sensitive (self->filter_box, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "incidents.add", nt_access_may (store, NT_PERM_RECORD_INCIDENTS));

  period_days (self, &from, &to);
  cats = nt_incident_categories (&n_cats);
  filter.from = from;
  filter.to = to;
  filter.state = state_filter (show);
  filter.overdue_only = show == NT_INCIDENTS_SHOW_OVERDUE;
  filter.category = category > 0 && category <= n_cats ? cats[category - 1].id : NULL;
  filter.building_id = building > 0 && building <= self->building_ids->len
                       ? g_array_index (self->building_ids, gint64, building - 1) : 0;
  list = nt_incidents_list (store, &filter, NULL, NULL);
  if (search[0] != '\0')
    {
      g_autofree char *folded = nt_vn_fold (search);
      words = g_strsplit (folded, " ", -1);
    }

  n = list ? g_list_model_get_n_items (G_LIST_MODEL (list)) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtIncident) inc = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (!matches (inc, words))
        continue;
      g_list_store_append (self->shown, inc);
      gtk_list_box_append (self->list, incident_row (inc));
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  count = g_strdup_printf (ngettext ("%u incident", "%u incidents", n), n);
  gtk_label_set_text (self->count_label, count);
  adw_status_page_set_title (self->empty_page,
                             show == NT_INCIDENTS_SHOW_ACTIVE || show == NT_INCIDENTS_SHOW_OVERDUE
                             ? _("No incident waits to be dealt with") : _("No incident in this choice"));
  adw_status_page_set_description (self->empty_page, _("Change the filters above to see others, or record a new incident."));
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
on_filter_changed (GtkDropDown     *dropdown,
                   GParamSpec      *pspec,
                   NtIncidentsPage *self)
{
  if (self->context != NULL)
    reload (self);
}

static void
on_search_changed (GtkSearchEntry  *entry,
                   NtIncidentsPage *self)
{
  if (self->context != NULL)
    reload (self);
}

static void
on_row_activated (GtkListBox      *list,
                  GtkListBoxRow   *row,
                  NtIncidentsPage *self)
{
  int index = gtk_list_box_row_get_index (row);
  g_autoptr(NtIncident) inc = NULL;

  if (index < 0 || (guint) index >= g_list_model_get_n_items (G_LIST_MODEL (self->shown)))
    return;
  inc = g_list_model_get_item (G_LIST_MODEL (self->shown), (guint) index);
  nt_incident_editor_open (GTK_WIDGET (self), self->context, inc->id);
}

static void
on_store_changed (NtStore         *store,
                  const char      *table,
                  NtIncidentsPage *self)
{
  if (g_str_equal (table, "incidents") || g_str_equal (table, "students"))
    reload (self);
  else if (g_str_equal (table, "buildings"))
    {
      fill_choices (self);
      reload (self);
    }
}

static void
on_user_changed (NtContext       *context,
                 GParamSpec      *pspec,
                 NtIncidentsPage *self)
{
  reload (self);
}

/* ----- actions ------------------------------------------------------------ */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  NtIncidentsPage *self = NT_INCIDENTS_PAGE (widget);

  nt_incident_editor_open_new (widget, self->context, NULL);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  NtIncidentsPage *self = NT_INCIDENTS_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ----- public ------------------------------------------------------------- */

void
nt_incidents_page_set_show (NtIncidentsPage *self,
                            NtIncidentsShow  show)
{
  g_return_if_fail (NT_IS_INCIDENTS_PAGE (self));
  gtk_drop_down_set_selected (self->state_dropdown, show);
  reload (self);
}

void
nt_incidents_page_set_period (NtIncidentsPage   *self,
                              NtIncidentsPeriod  period)
{
  g_return_if_fail (NT_IS_INCIDENTS_PAGE (self));
  gtk_drop_down_set_selected (self->period_dropdown, period);
  reload (self);
}

guint
nt_incidents_page_get_n_rows (NtIncidentsPage *self)
{
  g_return_val_if_fail (NT_IS_INCIDENTS_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->shown));
}

/**
 * nt_incidents_page_get_incident:
 *
 * Returns: (transfer full) (nullable): the incident of row @index
 */
NtIncident *
nt_incidents_page_get_incident (NtIncidentsPage *self,
                                guint            index)
{
  g_return_val_if_fail (NT_IS_INCIDENTS_PAGE (self), NULL);
  return g_list_model_get_item (G_LIST_MODEL (self->shown), index);
}

/**
 * nt_incidents_page_get_row:
 *
 * Returns: (transfer none) (nullable): the row widget of @index
 */
GtkWidget *
nt_incidents_page_get_row (NtIncidentsPage *self,
                           guint            index)
{
  g_return_val_if_fail (NT_IS_INCIDENTS_PAGE (self), NULL);
  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, (int) index));
}

/* ----- GObject ------------------------------------------------------------ */

static void
nt_incidents_page_constructed (GObject *object)
{
  NtIncidentsPage *self = NT_INCIDENTS_PAGE (object);

  G_OBJECT_CLASS (nt_incidents_page_parent_class)->constructed (object);
  fill_choices (self);
  g_signal_connect_object (nt_context_get_store (self->context), "changed",
                           G_CALLBACK (on_store_changed), self, 0);
  g_signal_connect_object (self->context, "notify::user", G_CALLBACK (on_user_changed), self, 0);
  reload (self);
}

static void
nt_incidents_page_dispose (GObject *object)
{
  NtIncidentsPage *self = NT_INCIDENTS_PAGE (object);

  /* First: the drop-downs tell of their change as they go, and the page
   * must not reload from half-disposed ones. */
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), NT_TYPE_INCIDENTS_PAGE);
  g_clear_object (&self->shown);
  g_clear_pointer (&self->building_ids, g_array_unref);
  G_OBJECT_CLASS (nt_incidents_page_parent_class)->dispose (object);
}

static void
nt_incidents_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      NT_INCIDENTS_PAGE (object)->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nt_incidents_page_class_init (NtIncidentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nt_incidents_page_constructed;
  object_class->dispose = nt_incidents_page_dispose;
  object_class->set_property = nt_incidents_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, NT_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/edu/noitru/nt-incidents-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NtIncidentsPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NtIncidentsPage, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NtIncidentsPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NtIncidentsPage, building_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NtIncidentsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, NtIncidentsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, NtIncidentsPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, NtIncidentsPage, filter_box);
  gtk_widget_class_bind_template_child (widget_class, NtIncidentsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, NtIncidentsPage, list);
  gtk_widget_class_bind_template_child (widget_class, NtIncidentsPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "incidents.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "incidents.search", NULL, search_action);
}

static void
nt_incidents_page_init (NtIncidentsPage *self)
{
  self->shown = g_list_store_new (NT_TYPE_INCIDENT);
  self->building_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}
