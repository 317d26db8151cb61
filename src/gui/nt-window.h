/* nt-window.h: the main window: a sidebar of sections and the content */
#pragma once

#include <adwaita.h>

#include "nt-context.h"

G_BEGIN_DECLS

#define NT_TYPE_WINDOW (nt_window_get_type ())

G_DECLARE_FINAL_TYPE (NtWindow, nt_window, NT, WINDOW, AdwApplicationWindow)

NtWindow  *nt_window_new                (GtkApplication *app,
                                         NtContext      *context);
NtContext *nt_window_get_context        (NtWindow       *self);
void       nt_window_ask_user_if_needed (NtWindow       *self);
void       nt_window_show_section       (NtWindow       *self,
                                         const char     *name);
const char *nt_window_get_section       (NtWindow       *self);
void       nt_window_toast              (NtWindow       *self,
                                         AdwToast       *toast);
void       nt_window_toast_text         (GtkWidget      *widget,
                                         const char     *message);
GFile     *nt_documents_folder          (void);
GtkWidget *nt_window_get_page           (NtWindow       *self,
                                         const char     *name);

G_END_DECLS
