/* nt-window.c */
#define G_LOG_DOMAIN "nt-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nt-access.h"
#include "nt-assessment-page.h"
#include "nt-checks-page.h"
#include "nt-commitments-page.h"
#include "nt-data-page.h"
#include "nt-dorm-life-page.h"
#include "nt-emergency-window.h"
#include "nt-gate-page.h"
#include "nt-incidents-page.h"
#include "nt-leaves-page.h"
#include "nt-overview-page.h"
#include "nt-reports-page.h"
#include "nt-rooms-page.h"
#include "nt-roster-page.h"
#include "nt-school.h"
#include "nt-signin-window.h"
#include "nt-students-page.h"
#include "nt-user-chooser.h"
#include "nt-window.h"

struct _NtWindow
{
  AdwApplicationWindow  parent_instance;

  NtContext            *context;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkStack             *stack;
  AdwWindowTitle       *section_title;
  AdwWindowTitle       *school_title;
  GtkLabel             *user_label;
  GtkWidget            *content;
};

G_DEFINE_FINAL_TYPE (NtWindow, nt_window, ADW_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* The sections that work; a section is listed here only when it does. */
typedef struct
{
  const char *name;
  const char *title;
  const char *icon;
  GType     (*get_type) (void);
} Section;

static const Section sections[] = {
  { "overview", N_("Overview"), "view-grid-symbolic", nt_overview_page_get_type },
  { "checks", N_("Night check"), "object-select-symbolic", nt_checks_page_get_type },
  { "leaves", N_("Leave"), "mail-send-symbolic", nt_leaves_page_get_type },
  { "incidents", N_("Incidents"), "dialog-warning-symbolic", nt_incidents_page_get_type },
  { "gate", N_("Gate and visitors"), "channel-secure-symbolic", nt_gate_page_get_type },
  { "dorm-life", N_("Dorm life"), "starred-symbolic", nt_dorm_life_page_get_type },
  { "roster", N_("Duty roster"), "x-office-calendar-symbolic", nt_roster_page_get_type },
  { "commitments", N_("Commitments"), "document-edit-symbolic", nt_commitments_page_get_type },
  { "students", N_("Students"), "system-users-symbolic", nt_students_page_get_type },
  { "rooms", N_("Rooms"), "go-home-symbolic", nt_rooms_page_get_type },
  { "assessment", N_("ANTT self-assessment"), "security-high-symbolic", nt_assessment_page_get_type },
  { "reports", N_("Reports"), "x-office-spreadsheet-symbolic", nt_reports_page_get_type },
  { "data", N_("Data"), "drive-harddisk-symbolic", nt_data_page_get_type },
};

/* ----- sections --------------------------------------------------------- */

static GtkWidget *
make_sidebar_row (const Section *section)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(section->title));

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (section->icon));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, section->name);
  return row;
}

/* A section's page is built when it is first shown: opening the window on
 * a large school costs only the page the person looks at. */
static void apply_permissions (NtWindow *self);

static GtkWidget *
ensure_page (NtWindow   *self,
             const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, name);

  if (page != NULL)
    return page;
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i].name, name) == 0)
      {
        page = g_object_new (sections[i].get_type (), "context", self->context, NULL);
        gtk_stack_add_named (self->stack, page, name);
        apply_permissions (self);
        return page;
      }
  return NULL;
}

static void
on_sidebar_row_selected (GtkListBox    *list,
                         GtkListBoxRow *row,
                         NtWindow      *self)
{
  const char *name;

  if (row == NULL)
    return;
  name = gtk_widget_get_name (GTK_WIDGET (row));
  ensure_page (self, name);
  gtk_stack_set_visible_child_name (self->stack, name);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i].name, name) == 0)
      adw_window_title_set_title (self->section_title, _(sections[i].title));
}

/* Tab leaves the sidebar for the page (the arrows move in the sidebar):
 * the rows would otherwise take Tab one by one, opening each section. */
static gboolean
on_sidebar_key (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                NtWindow              *self)
{
  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab) || (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)))
    return FALSE;
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  return gtk_widget_child_focus (GTK_WIDGET (self->stack), GTK_DIR_TAB_FORWARD);
}

static void
on_sidebar_row_activated (GtkListBox    *list,
                          GtkListBoxRow *row,
                          NtWindow      *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

void
nt_window_show_section (NtWindow   *self,
                        const char *name)
{
  g_autofree char *section = NULL;
  const char *view;

  g_return_if_fail (NT_IS_WINDOW (self));

  /* "leaves:overdue": the section, then its "leaves.view" action with
   * "overdue" (the Overview's cards open the view they count). */
  view = strchr (name, ':');
  section = view != NULL ? g_strndup (name, view - name) : g_strdup (name);
  if (!nt_access_may_open_section (nt_context_get_store (self->context), section))
    return;
  for (int i = 0; i < (int) G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i].name, section) == 0)
      {
        gtk_list_box_select_row (self->sidebar_list, gtk_list_box_get_row_at_index (self->sidebar_list, i));
        adw_leaflet_set_visible_child (self->leaflet, self->content);
        if (view != NULL)
          {
            g_autofree char *action = g_strdup_printf ("%s.view", section);
            gtk_widget_activate_action (ensure_page (self, section), action, "s", view + 1);
          }
        return;
      }
  g_warning ("No section named %s", name);
}

const char *
nt_window_get_section (NtWindow *self)
{
  g_return_val_if_fail (NT_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
nt_window_get_page (NtWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (NT_IS_WINDOW (self), NULL);
  return ensure_page (self, name);
}

void
nt_window_toast (NtWindow *self,
                 AdwToast *toast)
{
  g_return_if_fail (NT_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Shows @message in the main window that holds @widget, for the pages and
 * views; a widget not in the main window (not shown yet, or in a test)
 * shows nothing. */
void
nt_window_toast_text (GtkWidget  *widget,
                      const char *message)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = gtk_widget_get_root (widget);
  if (NT_IS_WINDOW (root))
    nt_window_toast (NT_WINDOW (root), adw_toast_new (message));
}

/**
 * nt_documents_folder:
 *
 * Where a file the program writes is offered first: the person's documents
 * folder, else their home (never the folder the program was started from).
 *
 * Returns: (transfer full): the folder
 */
GFile *
nt_documents_folder (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (documents && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}

/* ----- who is using the program ----------------------------------------- */

/* The buttons of a section that change what a role may not change are
 * greyed out (the core refuses the change anyway). The pages of the
 * commitments and incidents set theirs themselves. */
static const struct
{
  const char   *section;
  const char   *action;
  NtPermission  permission;
} guarded_actions[] = {
  { "students", "students.add", NT_PERM_MANAGE_STUDENTS },
  { "students", "students.import", NT_PERM_MANAGE_STUDENTS },
  { "rooms", "rooms.assign", NT_PERM_MANAGE_ROOMS },
  { "rooms", "rooms.add-building", NT_PERM_MANAGE_ROOMS },
  { "rooms", "rooms.edit-building", NT_PERM_MANAGE_ROOMS },
  { "rooms", "rooms.add-room", NT_PERM_MANAGE_ROOMS },
  { "checks", "checks.start", NT_PERM_RECORD_CHECKS },
  { "checks", "checks.close", NT_PERM_RECORD_CHECKS },
  { "leaves", "leaves.add", NT_PERM_RECORD_CHECKS },
  { "leaves", "leaves.bulk", NT_PERM_RECORD_CHECKS },
  { "roster", "roster.generate", NT_PERM_MANAGE_ROSTER },
  { "roster", "roster.add", NT_PERM_WRITE_HANDOVERS },
  { "gate", "gate.add", NT_PERM_RECORD_GATE },
  { "gate", "gate.student", NT_PERM_RECORD_GATE },
  { "gate", "gate.relatives", NT_PERM_RECORD_GATE },
};

static void
apply_permissions (NtWindow *self)
{
  NtStore *store = nt_context_get_store (self->context);

  for (guint i = 0; i < G_N_ELEMENTS (guarded_actions); i++)
    {
      GtkWidget *page = gtk_stack_get_child_by_name (self->stack, guarded_actions[i].section);

      if (page != NULL)
        gtk_widget_action_set_enabled (page, guarded_actions[i].action,
                                       nt_access_may (store, guarded_actions[i].permission));
    }
}

static void
update_user_label (NtWindow *self)
{
  NtStaffMember *user = nt_context_get_user (self->context);

  if (user != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s · %s", user->full_name, nt_staff_role_label (user->role));
      gtk_label_set_text (self->user_label, text);
    }
  else
    gtk_label_set_text (self->user_label, _("Who is using the program?"));

  apply_permissions (self);
  /* A section the person's role cannot use at all is not offered. */
  for (int i = 0; i < (int) G_N_ELEMENTS (sections); i++)
    gtk_widget_set_visible (GTK_WIDGET (gtk_list_box_get_row_at_index (self->sidebar_list, i)),
                            nt_access_may_open_section (nt_context_get_store (self->context), sections[i].name));
  if (gtk_stack_get_visible_child_name (self->stack) != NULL &&
      !nt_access_may_open_section (nt_context_get_store (self->context),
                                   gtk_stack_get_visible_child_name (self->stack)))
    nt_window_show_section (self, "overview");
}

static void
update_school_title (NtWindow *self)
{
  g_autoptr(NtSchoolInfo) info = nt_school_get (nt_context_get_store (self->context));

  /* The school's full name is long; the sidebar stays narrow and shows it
   * as a tooltip (the Overview shows it in full). */
  if (info != NULL)
    {
      g_autofree char *year = g_strdup_printf (_("School year %s"), info->school_year);
      adw_window_title_set_subtitle (self->school_title, year);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->school_title), info->name);
    }
}

static void
choose_user_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  NtWindow *self = NT_WINDOW (widget);
  NtUserChooser *chooser;

  /* Once anyone has a PIN, changing who uses the program is signing in. */
  if (nt_signin_needed (self->context) && nt_signin_lock (GTK_WINDOW (self)) != NULL)
    return;
  chooser = nt_user_chooser_new (self->context);

  gtk_window_set_transient_for (GTK_WINDOW (chooser), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (chooser));
}

void
nt_window_ask_user_if_needed (NtWindow *self)
{
  g_return_if_fail (NT_IS_WINDOW (self));

  if (nt_context_get_user (self->context) == NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.choose-user", NULL);
}

static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  nt_window_show_section (NT_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* Alt+1, Alt+2, … open the sections in the order the sidebar shows them
 * to this person (a guard's second row is the gate). */
static void
show_nth_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  NtWindow *self = NT_WINDOW (widget);
  int wanted = g_variant_get_int32 (param);
  int seen = 0;

  for (int i = 0; i < (int) G_N_ELEMENTS (sections); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar_list, i);

      if (row != NULL && gtk_widget_get_visible (GTK_WIDGET (row)) && ++seen == wanted)
        {
          nt_window_show_section (self, sections[i].name);
          return;
        }
    }
}

/* Ctrl+F and Ctrl+N work wherever the focus is: they go to the visible
 * section's own "search" and "add" actions, when it has them. */
static void
forward_to_section_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  NtWindow *self = NT_WINDOW (widget);
  const char *section = gtk_stack_get_visible_child_name (self->stack);
  const char *verb = strchr (action_name, '.') + 1;
  g_autofree char *target = g_strdup_printf ("%s.%s", section, verb);

  if (gtk_widget_activate_action (gtk_stack_get_visible_child (self->stack), target, NULL))
    return;
  /* Ctrl+F where a section has nothing of its own to search (the
   * Overview, a night check…): the person looks for a student. */
  if (g_str_equal (verb, "search") && g_strcmp0 (section, "students") != 0 &&
      nt_access_may_open_section (nt_context_get_store (self->context), "students"))
    {
      nt_window_show_section (self, "students");
      gtk_widget_activate_action (ensure_page (self, "students"), "students.search", NULL);
    }
}

static void
emergency_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  NtWindow *self = NT_WINDOW (widget);
  nt_emergency_ask_and_start (GTK_WINDOW (self), self->context);
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  NtWindow *self = NT_WINDOW (widget);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* ----- GObject ---------------------------------------------------------- */

static void
nt_window_constructed (GObject *object)
{
  NtWindow *self = NT_WINDOW (object);

  G_OBJECT_CLASS (nt_window_parent_class)->constructed (object);

  g_assert (NT_IS_CONTEXT (self->context));

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    gtk_list_box_append (self->sidebar_list, make_sidebar_row (&sections[i]));

  g_signal_connect_object (self->context, "notify::user", G_CALLBACK (update_user_label),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (nt_context_get_store (self->context), "changed::school",
                           G_CALLBACK (update_school_title), self, G_CONNECT_SWAPPED);
  update_user_label (self);
  update_school_title (self);

  nt_window_show_section (self, "overview");
}

static void
nt_window_dispose (GObject *object)
{
  NtWindow *self = NT_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NT_TYPE_WINDOW);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (nt_window_parent_class)->dispose (object);
}

static void
nt_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, NT_WINDOW (object)->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nt_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      NT_WINDOW (object)->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nt_window_class_init (NtWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nt_window_constructed;
  object_class->dispose = nt_window_dispose;
  object_class->get_property = nt_window_get_property;
  object_class->set_property = nt_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, NT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/edu/noitru/nt-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NtWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NtWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, NtWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, NtWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, NtWindow, section_title);
  gtk_widget_class_bind_template_child (widget_class, NtWindow, school_title);
  gtk_widget_class_bind_template_child (widget_class, NtWindow, user_label);
  gtk_widget_class_bind_template_child (widget_class, NtWindow, content);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);

  gtk_widget_class_install_action (widget_class, "win.choose-user", NULL, choose_user_action);
  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
  gtk_widget_class_install_action (widget_class, "win.show-nth", "i", show_nth_action);
  for (int n = 1; n <= 9; n++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + n, GDK_ALT_MASK, "win.show-nth", "i", n);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.emergency", NULL, emergency_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.emergency", NULL);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, forward_to_section_action);
  gtk_widget_class_install_action (widget_class, "win.add", NULL, forward_to_section_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.add", NULL);
}

static void
nt_window_init (NtWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_sidebar_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar_list), keys);
}

NtWindow *
nt_window_new (GtkApplication *app,
               NtContext      *context)
{
  g_return_val_if_fail (NT_IS_CONTEXT (context), NULL);

  return g_object_new (NT_TYPE_WINDOW, "application", app, "context", context, NULL);
}

NtContext *
nt_window_get_context (NtWindow *self)
{
  g_return_val_if_fail (NT_IS_WINDOW (self), NULL);
  return self->context;
}

