/* nt-roster-setup.h: posts, shifts and staff availability of the roster */
#pragma once

#include <adwaita.h>

#include "nt-context.h"
#include "nt-form-dialog.h"

G_BEGIN_DECLS

#define NT_TYPE_ROSTER_SETUP (nt_roster_setup_get_type ())
G_DECLARE_FINAL_TYPE (NtRosterSetup, nt_roster_setup, NT, ROSTER_SETUP, AdwBin)

void          nt_roster_setup_set_context     (NtRosterSetup *self,
                                               NtContext     *context);
NtFormDialog *nt_roster_setup_edit_post       (NtRosterSetup *self,
                                               gint64         post_id);
NtFormDialog *nt_roster_setup_edit_shift      (NtRosterSetup *self,
                                               gint64         shift_id);
NtFormDialog *nt_roster_setup_add_availability (NtRosterSetup *self);
NtFormDialog *nt_roster_setup_add_holiday     (NtRosterSetup *self);

G_END_DECLS
