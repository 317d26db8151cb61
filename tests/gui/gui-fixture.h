/* gui-fixture.h: what the GUI tests share: the main loop run for a while
 * or until something happened, and the real window on a demo school */
#pragma once

#include <adwaita.h>

#include "nt-context.h"
#include "nt-store.h"
#include "nt-window.h"

G_BEGIN_DECLS

typedef struct
{
  NtStore   *store;
  NtContext *context;
  NtWindow  *window;
} GuiFixture;

typedef gboolean (*GuiDoneFunc) (gpointer data);

void      gui_spin                   (guint        ms);
void      gui_spin_until             (GuiDoneFunc  done,
                                      gpointer     data,
                                      guint        seconds);
gboolean  gui_window_mapped          (gpointer     window);

/* The first widget under @root (itself included, depth first) that … */
GtkWidget *gui_find_of_type          (GtkWidget   *root,
                                      GType        type);
GtkWidget *gui_find_named            (GtkWidget   *root,
                                      const char  *name);
GtkWidget *gui_find_action_button    (GtkWidget   *root,
                                      const char  *action);

void      gui_fixture_setup          (GuiFixture  *f,
                                      guint32      seed);
void      gui_fixture_setup_store    (GuiFixture  *f,
                                      NtStore     *store);
void      gui_fixture_teardown       (GuiFixture  *f);

G_END_DECLS
