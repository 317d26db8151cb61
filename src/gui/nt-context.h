/* nt-context.h: what the window works on: the store, the settings and who
 * is using the program */
#pragma once

#include <gio/gio.h>

#include "nt-staff.h"
#include "nt-store.h"

G_BEGIN_DECLS

#define NT_TYPE_CONTEXT (nt_context_get_type ())

G_DECLARE_FINAL_TYPE (NtContext, nt_context, NT, CONTEXT, GObject)

NtContext     *nt_context_new              (NtStore       *store,
                                            GSettings     *settings);
NtStore       *nt_context_get_store        (NtContext     *self);
GSettings     *nt_context_get_settings     (NtContext     *self);
NtStaffMember *nt_context_get_user         (NtContext     *self);
gboolean       nt_context_set_user         (NtContext     *self,
                                            NtStaffMember *user,
                                            GError       **error);
gboolean       nt_context_restore_user     (NtContext     *self);

G_END_DECLS
