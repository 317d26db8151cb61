/* nt-students-page.c: the student table with search, filters and sorting
 *
 * The table is an NtStudentList: filtering and sorting run in SQL, so the
 * page stays fast with a whole province's students.
 */
#define G_LOG_DOMAIN "nt-students-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-context.h"
#include "nt-date.h"
#include "nt-import-dialog.h"
#include "nt-school.h"
#include "nt-student-details.h"
#include "nt-student-editor.h"
#include "nt-students-page.h"

struct _NtStudentsPage
{
  AdwBin          parent_instance;

  NtContext      *context;
  NtStudentList  *list;
  GListStore     *classes;
  gboolean        probing;
  int             probed_column;

  GtkSearchEntry *search_entry;
  GtkDropDown    *class_filter;
  GtkDropDown    *gender_filter;
  GtkDropDown    *boarding_filter;
  GtkDropDown    *active_filter;
  GtkColumnView  *column_view;
  GtkStack       *list_stack;
  GtkLabel       *count_label;
};

G_DEFINE_FINAL_TYPE (NtStudentsPage, nt_students_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static NtStudentList *ensure_list (NtStudentsPage *self);

/* ----- columns ---------------------------------------------------------- */

typedef enum { SHOW_TEXT, SHOW_GENDER, SHOW_DATE, SHOW_BOARDING } ShowAs;

typedef struct
{
  const char    *title;
  const char    *property;
  ShowAs         show_as;
  NtStudentSort  sort;
  gboolean       expand;
  int            width;
} Column;

static const Column columns[] = {
  /* Widths for the Vietnamese headers ("Số điện thoại phụ huynh" is the
   * longest) on a 1366-pixel screen with the sidebar open. */
  { N_("Code"), "code", SHOW_TEXT, NT_STUDENT_SORT_CODE, FALSE, 80 },
  { N_("Full name"), "full-name", SHOW_TEXT, NT_STUDENT_SORT_NAME, TRUE, 180 },
  { N_("Gender"), "gender", SHOW_GENDER, NT_STUDENT_SORT_GENDER, FALSE, 70 },
  { N_("Date of birth"), "birth-date", SHOW_DATE, NT_STUDENT_SORT_BIRTH_DATE, FALSE, 100 },
  { N_("Class"), "class-name", SHOW_TEXT, NT_STUDENT_SORT_CLASS, FALSE, 60 },
  { N_("Ethnicity"), "ethnicity", SHOW_TEXT, NT_STUDENT_SORT_ETHNICITY, FALSE, 90 },
  { N_("Boarding"), "boarding", SHOW_BOARDING, NT_STUDENT_SORT_BOARDING, FALSE, 90 },
  { N_("Guardian's phone"), "guardian-phone", SHOW_TEXT, NT_STUDENT_SORT_PHONE, FALSE, 190 },
};

static char *
format_cell (const Column *column,
             NtStudent    *student)
{
  g_autofree char *value = NULL;

  g_object_get (student, column->property, &value, NULL);
  switch (column->show_as)
    {
    case SHOW_GENDER:
      return g_strdup (nt_gender_label (value));
    case SHOW_DATE:
      return nt_date_iso_to_display (value);
    case SHOW_BOARDING:
      return g_strdup (nt_boarding_label (value));
    case SHOW_TEXT:
    default:
      return g_steal_pointer (&value);
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           const Column             *column)
{
  NtStudent *student = gtk_list_item_get_item (item);
  g_autofree char *text = format_cell (column, student);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
  if (!student->active)
    gtk_widget_add_css_class (gtk_list_item_get_child (item), "dim-label");
  else
    gtk_widget_remove_css_class (gtk_list_item_get_child (item), "dim-label");
}

/* GTK 4.8 has no API to ask the column view which column it sorts by. Each
 * column's sorter answers a probe comparison by noting its own index: the
 * first one asked is the primary sort column, and the sign of the result
 * says whether the view inverted it (descending). */
typedef struct
{
  NtStudentsPage *page;
  int             index;
} ProbeData;

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  ProbeData *data = user_data;

  if (data->page->probing && data->page->probed_column < 0)
    data->page->probed_column = data->index;
  return -1;
}

static void
on_sort_changed (GtkSorter       *sorter,
                 GtkSorterChange  change,
                 NtStudentsPage  *self)
{
  g_autoptr(NtStudent) a = nt_student_new ();
  GtkSorter *view_sorter = gtk_column_view_get_sorter (self->column_view);
  GtkOrdering order;

  self->probing = TRUE;
  self->probed_column = -1;
  order = gtk_sorter_compare (view_sorter, a, a);
  self->probing = FALSE;

  if (self->probed_column < 0)
    nt_student_list_set_sort (ensure_list (self), NT_STUDENT_SORT_NAME, FALSE);
  else
    nt_student_list_set_sort (ensure_list (self), columns[self->probed_column].sort, order == GTK_ORDERING_LARGER);
}

static void
add_columns (NtStudentsPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      ProbeData *probe = g_new0 (ProbeData, 1);
      GtkSorter *sorter;

      probe->page = self;
      probe->index = (int) i;
      sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, probe, g_free));

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), (gpointer) &columns[i]);

      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
      g_object_unref (sorter);
    }

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sort_changed), self, 0);
}

/* ----- filters ---------------------------------------------------------- */

static const char * const gender_values[] = { NULL, "M", "F" };
static const char * const boarding_values[] = { NULL, "boarding", "semi", "day" };
static const NtStudentActiveFilter active_values[] = {
  NT_STUDENT_FILTER_ACTIVE, NT_STUDENT_FILTER_LEFT, NT_STUDENT_FILTER_ALL
};

static void
update_count (NtStudentsPage *self)
{
  guint n = self->list ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  g_autofree char *text = g_strdup_printf (ngettext ("%u student", "%u students", n), n);

  gtk_label_set_text (self->count_label, self->list ? text : "");
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 || self->list == NULL ? "list" : "empty");
}

static void
on_filter_changed (GtkDropDown    *dropdown,
                   GParamSpec     *pspec,
                   NtStudentsPage *self)
{
  guint c = gtk_drop_down_get_selected (self->class_filter);
  guint g = gtk_drop_down_get_selected (self->gender_filter);
  guint b = gtk_drop_down_get_selected (self->boarding_filter);
  guint a = gtk_drop_down_get_selected (self->active_filter);
  gint64 class_id = 0;

  if (self->context == NULL)
    return;
  ensure_list (self);

  if (c > 0 && c != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(NtClass) klass = g_list_model_get_item (G_LIST_MODEL (self->classes), c - 1);
      class_id = klass ? klass->id : 0;
    }

  nt_student_list_set_class (self->list, class_id);
  nt_student_list_set_gender (self->list, g < G_N_ELEMENTS (gender_values) ? gender_values[g] : NULL);
  nt_student_list_set_boarding (self->list, b < G_N_ELEMENTS (boarding_values) ? boarding_values[b] : NULL);
  nt_student_list_set_active (self->list, a < G_N_ELEMENTS (active_values) ? active_values[a] : NT_STUDENT_FILTER_ACTIVE);
}

static void
on_search_changed (GtkSearchEntry *entry,
                   NtStudentsPage *self)
{
  nt_student_list_set_search (ensure_list (self), gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* The keyboard into the table, on its first row. Right after the search
 * changed, the rows get their widgets only in a coming frame: until then
 * it is tried again at each frame (a few at most). */
static gboolean
focus_table_later (GtkWidget     *view,
                   GdkFrameClock *clock,
                   gpointer       data)
{
  guint *tries = data;

  return gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD) || ++*tries >= 10 ? G_SOURCE_REMOVE
                                                                                : G_SOURCE_CONTINUE;
}

static void
focus_table (NtStudentsPage *self)
{
  if (!gtk_widget_child_focus (GTK_WIDGET (self->column_view), GTK_DIR_TAB_FORWARD))
    gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view), focus_table_later, g_new0 (guint, 1), g_free);
}

/* Enter in the search opens the only match, or moves into the table. */
static void
on_search_activate (GtkSearchEntry *entry,
                    NtStudentsPage *self)
{
  guint n;

  /* The search as typed: Enter may come before the delayed "search-changed". */
  on_search_changed (entry, self);
  n = g_list_model_get_n_items (G_LIST_MODEL (ensure_list (self)));

  if (n == 1)
    nt_students_page_open_details (self, nt_student_list_get_id (self->list, 0));
  else if (n > 1)
    focus_table (self);
}

/* ↓ from the search goes down into the table (not along to the filters). */
static gboolean
on_search_key (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               NtStudentsPage        *self)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  on_search_changed (self->search_entry, self);
  if (g_list_model_get_n_items (G_LIST_MODEL (ensure_list (self))) > 0)
    focus_table (self);
  return TRUE;
}

/* "students.view": "boarding" (the Overview's card of the boarders) shows
 * the boarding students who study here now, whatever the other filters
 * were. */
static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NtStudentsPage *self = NT_STUDENTS_PAGE (widget);

  if (!g_str_equal (g_variant_get_string (parameter, NULL), "boarding"))
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->class_filter, 0);
  gtk_drop_down_set_selected (self->gender_filter, 0);
  for (guint i = 0; i < G_N_ELEMENTS (boarding_values); i++)
    if (g_strcmp0 (boarding_values[i], "boarding") == 0)
      gtk_drop_down_set_selected (self->boarding_filter, i);
  for (guint i = 0; i < G_N_ELEMENTS (active_values); i++)
    if (active_values[i] == NT_STUDENT_FILTER_ACTIVE)
      gtk_drop_down_set_selected (self->active_filter, i);
  on_search_changed (self->search_entry, self);
}

static GtkDropDown *
fill_dropdown (GtkDropDown        *dropdown,
               const char * const *labels)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);

  for (guint i = 0; labels[i]; i++)
    gtk_string_list_append (strings, labels[i]);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (strings));
  return dropdown;
}

static void
fill_class_filter (NtStudentsPage *self)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);

  g_clear_object (&self->classes);
  self->classes = nt_classes_list (nt_context_get_store (self->context));
  gtk_string_list_append (strings, _("All classes"));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->classes)); i++)
    {
      g_autoptr(NtClass) klass = g_list_model_get_item (G_LIST_MODEL (self->classes), i);
      g_autofree char *label = g_strdup_printf (_("Class %s"), klass->name);
      gtk_string_list_append (strings, label);
    }
  gtk_drop_down_set_model (self->class_filter, G_LIST_MODEL (strings));
}

/* ----- actions ---------------------------------------------------------- */

static gint64
selected_id (NtStudentsPage *self)
{
  GtkSelectionModel *model = gtk_column_view_get_model (self->column_view);
  guint pos = model ? gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)) : GTK_INVALID_LIST_POSITION;

  return pos == GTK_INVALID_LIST_POSITION ? 0 : nt_student_list_get_id (self->list, pos);
}

static void
on_row_activate (GtkColumnView  *view,
                 guint           position,
                 NtStudentsPage *self)
{
  nt_students_page_open_details (self, nt_student_list_get_id (self->list, position));
}

GtkWindow *
nt_students_page_open_editor (NtStudentsPage *self,
                              NtStudent      *student)
{
  NtStudentEditor *editor;

  g_return_val_if_fail (NT_IS_STUDENTS_PAGE (self), NULL);

  editor = nt_student_editor_new (self->context, student);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (editor));
  return GTK_WINDOW (editor);
}

GtkWindow *
nt_students_page_open_details (NtStudentsPage *self,
                               gint64          student_id)
{
  NtStudentDetails *details;

  g_return_val_if_fail (NT_IS_STUDENTS_PAGE (self), NULL);

  if (student_id <= 0)
    return NULL;
  details = nt_student_details_new (self->context, student_id);
  if (details == NULL)
    return NULL;
  gtk_window_set_transient_for (GTK_WINDOW (details), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (details));
  return GTK_WINDOW (details);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  nt_students_page_open_editor (NT_STUDENTS_PAGE (widget), NULL);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  NtStudentsPage *self = NT_STUDENTS_PAGE (widget);
  NtImportDialog *dialog = nt_import_dialog_new (self->context);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
details_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  NtStudentsPage *self = NT_STUDENTS_PAGE (widget);
  nt_students_page_open_details (self, selected_id (self));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_widget_grab_focus (GTK_WIDGET (NT_STUDENTS_PAGE (widget)->search_entry));
}

/* ----- GObject ---------------------------------------------------------- */

/* The list is read when the page is first on screen (or first asked for),
 * not when the window is built. */
static NtStudentList *
ensure_list (NtStudentsPage *self)
{
  if (self->list == NULL)
    {
      self->list = nt_student_list_new (nt_context_get_store (self->context));
      g_signal_connect_object (self->list, "items-changed", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
      update_count (self);
    }
  return self->list;
}

static gboolean
attach_rows (gpointer data)
{
  NtStudentsPage *self = data;
  GtkSingleSelection *selection;

  if (gtk_column_view_get_model (self->column_view) == NULL && self->context != NULL)
    {
      fill_class_filter (self);
      ensure_list (self);
      selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->list)));
      gtk_single_selection_set_autoselect (selection, FALSE);
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
      g_object_unref (selection);
    }
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
on_first_map (GtkWidget *widget,
              gpointer   data)
{
  g_signal_handlers_disconnect_by_func (widget, on_first_map, data);
  g_idle_add_full (G_PRIORITY_LOW, attach_rows, g_object_ref (widget), NULL);
}

static void
nt_students_page_constructed (GObject *object)
{
  NtStudentsPage *self = NT_STUDENTS_PAGE (object);
  const char *genders[] = { _("Both genders"), _("Male"), _("Female"), NULL };
  const char *boardings[] = { _("All statuses"), _("Boarding"), _("Semi-boarding"), _("Day student"), NULL };
  const char *actives[] = { _("Studying"), _("Left the school"), _("Studying and left"), NULL };

  G_OBJECT_CLASS (nt_students_page_parent_class)->constructed (object);

  fill_dropdown (self->gender_filter, genders);
  fill_dropdown (self->boarding_filter, boardings);
  fill_dropdown (self->active_filter, actives);
  {
    const char *all_classes[] = { _("All classes"), NULL };
    fill_dropdown (self->class_filter, all_classes);   /* the classes come with the rows */
  }
  g_signal_connect_object (nt_context_get_store (self->context), "changed::classes",
                           G_CALLBACK (fill_class_filter), self, G_CONNECT_SWAPPED);

  add_columns (self);

  /* The rows go into the table once the page is on screen: the window
   * appears at once even with a whole province's students. */
  g_signal_connect (self, "map", G_CALLBACK (on_first_map), NULL);
}

static void
nt_students_page_dispose (GObject *object)
{
  NtStudentsPage *self = NT_STUDENTS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NT_TYPE_STUDENTS_PAGE);
  g_clear_object (&self->list);
  g_clear_object (&self->classes);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (nt_students_page_parent_class)->dispose (object);
}

static void
nt_students_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      NT_STUDENTS_PAGE (object)->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nt_students_page_class_init (NtStudentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nt_students_page_constructed;
  object_class->dispose = nt_students_page_dispose;
  object_class->set_property = nt_students_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, NT_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/edu/noitru/nt-students-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NtStudentsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, NtStudentsPage, class_filter);
  gtk_widget_class_bind_template_child (widget_class, NtStudentsPage, gender_filter);
  gtk_widget_class_bind_template_child (widget_class, NtStudentsPage, boarding_filter);
  gtk_widget_class_bind_template_child (widget_class, NtStudentsPage, active_filter);
  gtk_widget_class_bind_template_child (widget_class, NtStudentsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, NtStudentsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, NtStudentsPage, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_key);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activate);

  gtk_widget_class_install_action (widget_class, "students.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "students.details", NULL, details_action);
  gtk_widget_class_install_action (widget_class, "students.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "students.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "students.view", "s", view_action);
}

static void
nt_students_page_init (NtStudentsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

NtStudentList *
nt_students_page_get_list (NtStudentsPage *self)
{
  g_return_val_if_fail (NT_IS_STUDENTS_PAGE (self), NULL);
  return ensure_list (self);
}

GtkColumnView *
nt_students_page_get_view (NtStudentsPage *self)
{
  g_return_val_if_fail (NT_IS_STUDENTS_PAGE (self), NULL);
  return self->column_view;
}

GtkWidget *
nt_students_page_get_search (NtStudentsPage *self)
{
  g_return_val_if_fail (NT_IS_STUDENTS_PAGE (self), NULL);
  return GTK_WIDGET (self->search_entry);
}
