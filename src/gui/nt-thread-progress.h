/* nt-thread-progress.h: a progress bar that a job in a worker thread moves */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void nt_thread_progress_update (double   fraction,
                                gpointer progress_bar);

G_END_DECLS
