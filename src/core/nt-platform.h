/* nt-platform.h: the few calls that differ between POSIX and Windows
 *
 * Everything else goes through GLib; these live in one small file so that a
 * Windows build has one place to fill in.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean nt_platform_make_private (const char  *path,
                                   GError     **error);
gboolean nt_platform_sync_file    (const char  *path,
                                   GError     **error);
gboolean nt_platform_sync_dir     (const char  *dir,
                                   GError     **error);

G_END_DECLS
