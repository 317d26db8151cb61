/* nt-signin-window.h: who is signing in, with their PIN; the lock after
 * the program sat idle */
#pragma once

#include <adwaita.h>

#include "nt-context.h"

G_BEGIN_DECLS

#define NT_TYPE_SIGNIN_WINDOW (nt_signin_window_get_type ())

G_DECLARE_FINAL_TYPE (NtSigninWindow, nt_signin_window, NT, SIGNIN_WINDOW, AdwApplicationWindow)

gboolean        nt_signin_needed            (NtContext      *context);
void            nt_signin_guard             (GtkWindow      *main_window,
                                             NtContext      *context);
NtSigninWindow *nt_signin_lock              (GtkWindow      *main_window);
NtSigninWindow *nt_signin_get_window        (GtkWindow      *main_window);
gboolean        nt_signin_window_sign_in    (NtSigninWindow *self,
                                             gint64          staff_id,
                                             const char     *secret,
                                             GError        **error);
void            nt_signin_note_activity     (GtkWindow      *main_window,
                                             gint64          monotonic_time);
gboolean        nt_signin_check_idle        (GtkWindow      *main_window);

G_END_DECLS
