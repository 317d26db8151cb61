/* nt-auth.h: staff PINs and passwords, and locking an account after wrong tries */
#pragma once

#include "nt-store.h"

G_BEGIN_DECLS

#define NT_AUTH_MIN_LENGTH     4
#define NT_AUTH_MAX_TRIES      5
#define NT_AUTH_LOCK_MINUTES  15

gboolean    nt_auth_set_secret       (NtStore     *store,
                                      gint64       staff_id,
                                      const char  *secret,
                                      GError     **error);
gboolean    nt_auth_has_secret       (NtStore     *store,
                                      gint64       staff_id);
gboolean    nt_auth_any_secret       (NtStore     *store);
gboolean    nt_auth_verify           (NtStore     *store,
                                      gint64       staff_id,
                                      const char  *secret,
                                      GError     **error);
gboolean    nt_auth_verify_at        (NtStore     *store,
                                      gint64       staff_id,
                                      const char  *secret,
                                      GDateTime   *now,
                                      GError     **error);
GDateTime  *nt_auth_locked_until     (NtStore     *store,
                                      gint64       staff_id,
                                      GDateTime   *now);

G_END_DECLS
