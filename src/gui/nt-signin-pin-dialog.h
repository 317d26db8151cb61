/* nt-signin-pin-dialog.h: "My PIN": set, change or remove one's own PIN */
#pragma once

#include <adwaita.h>

#include "nt-context.h"

G_BEGIN_DECLS

#define NT_TYPE_SIGNIN_PIN_DIALOG (nt_signin_pin_dialog_get_type ())

G_DECLARE_FINAL_TYPE (NtSigninPinDialog, nt_signin_pin_dialog, NT, SIGNIN_PIN_DIALOG, AdwWindow)

NtSigninPinDialog *nt_signin_pin_dialog_new  (GtkWindow         *parent,
                                              NtContext         *context);
gboolean           nt_signin_pin_dialog_save (NtSigninPinDialog *self,
                                              const char        *current,
                                              const char        *pin,
                                              const char        *repeat,
                                              GError           **error);

G_END_DECLS
