/* nt-user-chooser.h: "who is using the program?" */
#pragma once

#include <adwaita.h>

#include "nt-context.h"

G_BEGIN_DECLS

#define NT_TYPE_USER_CHOOSER (nt_user_chooser_get_type ())

G_DECLARE_FINAL_TYPE (NtUserChooser, nt_user_chooser, NT, USER_CHOOSER, AdwWindow)

NtUserChooser *nt_user_chooser_new    (NtContext     *context);
gboolean       nt_user_chooser_choose (NtUserChooser *self,
                                       const char    *staff_code);

G_END_DECLS
