/* gui-fixture.c: the main loop and the window, for the GUI tests */
#define G_LOG_DOMAIN "gui-fixture"

#include "config.h"

#include "gui-fixture.h"
#include "nt-test-util.h"

/* ----- the main loop -------------------------------------------------------------- */

/* Runs the main loop for @ms milliseconds. */
void
gui_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop until @done says so, or fails after @seconds. */
void
gui_spin_until (GuiDoneFunc done,
                gpointer    data,
                guint       seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
    }
}

gboolean
gui_window_mapped (gpointer window)
{
  return gtk_widget_get_mapped (GTK_WIDGET (window));
}

/* ----- finding widgets ----------------------------------------------------------- */

typedef gboolean (*Match) (GtkWidget     *widget,
                           gconstpointer  data);

static GtkWidget *
find (GtkWidget     *widget,
      Match          match,
      gconstpointer  data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find (c, match, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
of_type (GtkWidget     *widget,
         gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) type);
}

static gboolean
named (GtkWidget     *widget,
       gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
button_of_action (GtkWidget     *widget,
                  gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

GtkWidget *
gui_find_of_type (GtkWidget *root,
                  GType      type)
{
  return find (root, of_type, &type);
}

GtkWidget *
gui_find_named (GtkWidget  *root,
                const char *name)
{
  return find (root, named, name);
}

GtkWidget *
gui_find_action_button (GtkWidget  *root,
                        const char *action)
{
  return find (root, button_of_action, action);
}

/* ----- the window ----------------------------------------------------------------- */

/* The window on @store (taken over), shown at a laptop's size; returns
 * once it is on the screen. */
void
gui_fixture_setup_store (GuiFixture *f,
                         NtStore    *store)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  f->store = store;
  f->context = nt_context_new (f->store, settings);
  f->window = nt_window_new (NULL, f->context);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 760);
  gtk_window_present (GTK_WINDOW (f->window));
  gui_spin_until (gui_window_mapped, f->window, 30);
}

/* The window on a demo school made from @seed. */
void
gui_fixture_setup (GuiFixture *f,
                   guint32     seed)
{
  gui_fixture_setup_store (f, nt_test_demo_store (seed));
}

void
gui_fixture_teardown (GuiFixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  gui_spin (50);
  g_clear_object (&f->context);
  g_clear_object (&f->store);
}
