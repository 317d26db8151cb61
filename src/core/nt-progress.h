/* nt-progress.h: how long work (import, export, assignment) reports how far
 * it has come */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @fraction goes from 0 to 1; called from the thread doing the work. */
typedef void (*NtProgressFunc) (double   fraction,
                                gpointer user_data);

G_END_DECLS
