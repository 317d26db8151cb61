/* nt-signin-window.c: who is signing in, with their PIN
 *
 * Once any staff member has a PIN, the main window is hidden until someone
 * signs in, and again after it sat idle for the time in the
 * "lock-idle-minutes" setting: records of minors stay out of sight on an
 * office PC left on. Only people with a PIN are offered; the program does
 * nothing else while it waits.
 */
#define G_LOG_DOMAIN "nt-signin"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-auth.h"
#include "nt-error.h"
#include "nt-school.h"
#include "nt-signin-window.h"

#define IDLE_CHECK_SECONDS 15

struct _NtSigninWindow
{
  AdwApplicationWindow  parent_instance;

  NtContext            *context;
  GtkWindow            *main_window;   /* weak */
  GListStore           *people;
  AdwComboRow          *person_row;
  AdwPasswordEntryRow  *pin_row;
  GtkLabel             *error_label;
  gboolean              signed_in;
};

G_DEFINE_FINAL_TYPE (NtSigninWindow, nt_signin_window, ADW_TYPE_APPLICATION_WINDOW)

/* What the guard keeps on the main window. */
typedef struct
{
  NtContext      *context;
  NtSigninWindow *signin;       /* while locked */
  gint64          last_activity;
  guint           timeout_id;
} Guard;

static Guard *get_guard (GtkWindow *main_window);

/* ----- the window ------------------------------------------------------- */

static GListStore *
people_with_pin (NtStore *store)
{
  g_autoptr(GListStore) all = nt_staff_list (store, TRUE, NULL);
  GListStore *out = g_list_store_new (NT_TYPE_STAFF_MEMBER);

  for (guint i = 0; all && i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(NtStaffMember) m = g_list_model_get_item (G_LIST_MODEL (all), i);
      if (nt_auth_has_secret (store, m->id))
        g_list_store_append (out, m);
    }
  return out;
}

static char *
person_label (NtStaffMember *m)
{
  return g_strdup_printf ("%s · %s", m->full_name, nt_staff_role_label (m->role));
}

static void
show_error (NtSigninWindow *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
unlock (NtSigninWindow *self)
{
  Guard *guard = self->main_window ? get_guard (self->main_window) : NULL;

  self->signed_in = TRUE;
  if (guard != NULL)
    {
      guard->signin = NULL;
      guard->last_activity = g_get_monotonic_time ();
    }
  if (self->main_window != NULL)
    gtk_window_present (self->main_window);
  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * nt_signin_window_sign_in:
 * @secret: the PIN typed
 *
 * Checks @secret for @staff_id; on success makes them the user and shows
 * the main window again.
 */
gboolean
nt_signin_window_sign_in (NtSigninWindow  *self,
                          gint64           staff_id,
                          const char      *secret,
                          GError         **error)
{
  NtStore *store;
  g_autoptr(NtStaffMember) member = NULL;

  g_return_val_if_fail (NT_IS_SIGNIN_WINDOW (self), FALSE);

  store = nt_context_get_store (self->context);
  if (!nt_auth_verify (store, staff_id, secret, error))
    return FALSE;
  member = nt_staff_load (store, staff_id, error);
  if (member == NULL || !nt_context_set_user (self->context, member, error))
    return FALSE;
  unlock (self);
  return TRUE;
}

static void
on_sign_in (NtSigninWindow *self)
{
  g_autoptr(GError) error = NULL;
  NtStaffMember *m = adw_combo_row_get_selected_item (self->person_row);
  const char *pin = gtk_editable_get_text (GTK_EDITABLE (self->pin_row));

  if (m == NULL)
    return;
  if (!nt_signin_window_sign_in (self, m->id, pin, &error))
    {
      show_error (self, error->message);
      gtk_editable_set_text (GTK_EDITABLE (self->pin_row), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->pin_row));
    }
}

static void
on_person_changed (NtSigninWindow *self)
{
  show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->pin_row), "");
}

/* Closing the sign-in closes the program: the main window stays hidden. */
static gboolean
on_close_request (NtSigninWindow *self)
{
  if (!self->signed_in && self->main_window != NULL)
    gtk_window_destroy (self->main_window);
  return FALSE;
}

static void
build (NtSigninWindow *self)
{
  g_autoptr(NtSchoolInfo) school = nt_school_get (nt_context_get_store (self->context));
  g_autoptr(GtkExpression) expression = NULL;
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Sign in"));
  NtStaffMember *current = nt_context_get_user (self->context);

  gtk_window_set_title (GTK_WINDOW (self), _("Sign in — Nội trú"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 580);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "system-lock-screen-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Who is signing in?"));
  if (school != NULL)
    adw_status_page_set_description (ADW_STATUS_PAGE (status), school->name);

  self->people = people_with_pin (nt_context_get_store (self->context));
  self->person_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->person_row), _("Person"));
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (person_label), NULL, NULL);
  adw_combo_row_set_expression (self->person_row, expression);
  adw_combo_row_set_model (self->person_row, G_LIST_MODEL (self->people));
  /* The last person to use the program is offered first. */
  for (guint i = 0; current && i < g_list_model_get_n_items (G_LIST_MODEL (self->people)); i++)
    {
      g_autoptr(NtStaffMember) m = g_list_model_get_item (G_LIST_MODEL (self->people), i);
      if (m->id == current->id)
        adw_combo_row_set_selected (self->person_row, i);
    }
  g_signal_connect_swapped (self->person_row, "notify::selected", G_CALLBACK (on_person_changed), self);

  self->pin_row = ADW_PASSWORD_ENTRY_ROW (adw_password_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->pin_row), _("PIN or password"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (self->pin_row), TRUE);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->person_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->pin_row));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_sign_in), self);
  gtk_window_set_default_widget (GTK_WINDOW (self), button);

  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (box), button);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 420);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  adw_status_page_set_child (ADW_STATUS_PAGE (status), clamp);
  gtk_widget_set_vexpand (status, TRUE);

  gtk_box_append (GTK_BOX (toolbar), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (toolbar), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), toolbar);

  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->pin_row));
}

static void
nt_signin_window_dispose (GObject *object)
{
  NtSigninWindow *self = NT_SIGNIN_WINDOW (object);

  if (self->main_window != NULL)
    {
      Guard *guard = get_guard (self->main_window);
      if (guard != NULL && guard->signin == self)
        guard->signin = NULL;
    }
  g_clear_weak_pointer (&self->main_window);
  g_clear_object (&self->people);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (nt_signin_window_parent_class)->dispose (object);
}

static void
nt_signin_window_class_init (NtSigninWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = nt_signin_window_dispose;
}

static void
nt_signin_window_init (NtSigninWindow *self)
{
}

/* ----- the guard on the main window ------------------------------------- */

static void
guard_free (gpointer data)
{
  Guard *guard = data;

  g_clear_handle_id (&guard->timeout_id, g_source_remove);
  g_clear_object (&guard->context);
  g_free (guard);
}

static Guard *
get_guard (GtkWindow *main_window)
{
  return g_object_get_data (G_OBJECT (main_window), "nt-signin-guard");
}

/**
 * nt_signin_needed:
 *
 * Returns: whether anyone has a PIN: then the program asks who signs in
 */
gboolean
nt_signin_needed (NtContext *context)
{
  g_return_val_if_fail (NT_IS_CONTEXT (context), FALSE);
  return nt_auth_any_secret (nt_context_get_store (context));
}

/**
 * nt_signin_lock:
 *
 * Hides @main_window behind the sign-in.
 *
 * Returns: (transfer none) (nullable): the sign-in window; %NULL when
 *   nt_signin_guard() was not called on @main_window
 */
NtSigninWindow *
nt_signin_lock (GtkWindow *main_window)
{
  Guard *guard;
  NtSigninWindow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (main_window), NULL);

  /* A window without a guard (a test's) has nothing to lock. */
  guard = get_guard (main_window);
  if (guard == NULL)
    return NULL;
  if (guard->signin != NULL)
    return guard->signin;

  self = g_object_new (NT_TYPE_SIGNIN_WINDOW,
                       "application", gtk_window_get_application (main_window),
                       NULL);
  self->context = g_object_ref (guard->context);
  g_set_weak_pointer (&self->main_window, main_window);
  build (self);
  guard->signin = self;

  /* Dialogs of the main window hide with it. */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    g_autoptr(GPtrArray) dialogs = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        GtkWindow *w = g_list_model_get_item (toplevels, i);
        if (gtk_window_get_transient_for (w) == main_window)
          g_ptr_array_add (dialogs, w);
        else
          g_object_unref (w);
      }
    for (guint i = 0; i < dialogs->len; i++)
      gtk_window_destroy (g_ptr_array_index (dialogs, i));
  }
  gtk_widget_set_visible (GTK_WIDGET (main_window), FALSE);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

/**
 * nt_signin_get_window:
 *
 * Returns: (transfer none) (nullable): the sign-in in front of
 *   @main_window, while it is locked
 */
NtSigninWindow *
nt_signin_get_window (GtkWindow *main_window)
{
  Guard *guard = get_guard (main_window);
  return guard ? guard->signin : NULL;
}

void
nt_signin_note_activity (GtkWindow *main_window,
                         gint64     monotonic_time)
{
  Guard *guard = get_guard (main_window);

  if (guard != NULL)
    guard->last_activity = monotonic_time;
}

/**
 * nt_signin_check_idle:
 *
 * Locks @main_window when it sat idle longer than the setting allows and
 * someone has a PIN.
 *
 * Returns: whether it is locked now
 */
gboolean
nt_signin_check_idle (GtkWindow *main_window)
{
  Guard *guard = get_guard (main_window);
  int minutes;

  g_return_val_if_fail (guard != NULL, FALSE);

  if (guard->signin != NULL)
    return TRUE;
  minutes = g_settings_get_int (nt_context_get_settings (guard->context), "lock-idle-minutes");
  if (minutes <= 0 || !nt_signin_needed (guard->context))
    return FALSE;
  if (g_get_monotonic_time () - guard->last_activity < minutes * G_TIME_SPAN_MINUTE)
    return FALSE;
  nt_signin_lock (main_window);
  return TRUE;
}

static gboolean
on_idle_timeout (gpointer data)
{
  nt_signin_check_idle (GTK_WINDOW (data));
  return G_SOURCE_CONTINUE;
}

static void
on_activity (GtkEventController *controller)
{
  GtkWidget *window = gtk_event_controller_get_widget (controller);
  nt_signin_note_activity (GTK_WINDOW (window), g_get_monotonic_time ());
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y)
{
  on_activity (GTK_EVENT_CONTROLLER (controller));
}

static gboolean
on_key (GtkEventControllerKey *controller,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state)
{
  on_activity (GTK_EVENT_CONTROLLER (controller));
  return FALSE;
}

static void
on_click (GtkGestureClick *gesture,
          int              n_press,
          double           x,
          double           y)
{
  on_activity (GTK_EVENT_CONTROLLER (gesture));
}

static void
on_main_window_destroy (GtkWidget *main_window)
{
  g_object_set_data (G_OBJECT (main_window), "nt-signin-guard", NULL);
}

/**
 * nt_signin_guard:
 *
 * Watches @main_window for activity and locks it after the idle time;
 * when someone has a PIN, asks who signs in right away.
 */
void
nt_signin_guard (GtkWindow *main_window,
                 NtContext *context)
{
  Guard *guard;
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_WINDOW (main_window));
  g_return_if_fail (NT_IS_CONTEXT (context));
  g_return_if_fail (get_guard (main_window) == NULL);

  guard = g_new0 (Guard, 1);
  guard->context = g_object_ref (context);
  guard->last_activity = g_get_monotonic_time ();
  g_object_set_data_full (G_OBJECT (main_window), "nt-signin-guard", guard, guard_free);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key), NULL);
  gtk_widget_add_controller (GTK_WIDGET (main_window), controller);

  controller = gtk_event_controller_motion_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), NULL);
  gtk_widget_add_controller (GTK_WIDGET (main_window), controller);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "pressed", G_CALLBACK (on_click), NULL);
  gtk_widget_add_controller (GTK_WIDGET (main_window), controller);

  guard->timeout_id = g_timeout_add_seconds (IDLE_CHECK_SECONDS, on_idle_timeout, main_window);
  /* The guard holds the context (and so the database): it goes with the
   * window's destruction, not its last reference. */
  g_signal_connect (main_window, "destroy", G_CALLBACK (on_main_window_destroy), NULL);

  if (nt_signin_needed (context))
    nt_signin_lock (main_window);
}
