/* nt-resources.h: the core's embedded files (migrations, reference lists) */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void    nt_core_ensure_resources (void);
GBytes *nt_core_lookup_data      (const char  *name,
                                  GError     **error);
char  **nt_core_lookup_lines     (const char  *name);

G_END_DECLS
