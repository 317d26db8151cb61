/* nt-emergency-window.h: the emergency roll, full screen, from the keyboard */
#pragma once

#include <adwaita.h>

#include "nt-context.h"

G_BEGIN_DECLS

#define NT_TYPE_EMERGENCY_WINDOW (nt_emergency_window_get_type ())

G_DECLARE_FINAL_TYPE (NtEmergencyWindow, nt_emergency_window, NT, EMERGENCY_WINDOW, AdwWindow)

NtEmergencyWindow *nt_emergency_window_new            (NtContext         *context,
                                                       gint64             roll_id);
gboolean           nt_emergency_window_handle_key     (NtEmergencyWindow *self,
                                                       guint              keyval);
void               nt_emergency_window_focus_row      (NtEmergencyWindow *self,
                                                       guint              index);
guint              nt_emergency_window_get_unaccounted (NtEmergencyWindow *self);
gboolean           nt_emergency_window_end            (NtEmergencyWindow *self,
                                                       GError           **error);
void               nt_emergency_ask_and_start         (GtkWindow         *parent,
                                                       NtContext         *context);

G_END_DECLS
