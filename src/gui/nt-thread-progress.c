/* nt-thread-progress.c
 *
 * The core's long jobs (backup, import) report their progress from the
 * thread they run in, but GTK may only be touched from the main thread:
 * the fraction is handed over to the main loop.
 */
#define G_LOG_DOMAIN "nt-thread-progress"

#include "config.h"

#include "nt-thread-progress.h"

typedef struct
{
  GtkProgressBar *bar;
  double          fraction;
} ProgressUpdate;

static gboolean
apply_progress (gpointer data)
{
  ProgressUpdate *u = data;

  gtk_progress_bar_set_fraction (u->bar, u->fraction);
  g_object_unref (u->bar);
  g_free (u);
  return G_SOURCE_REMOVE;
}

/**
 * nt_thread_progress_update:
 * @progress_bar: the #GtkProgressBar to move, as the user data of an
 *   #NtProgressFunc
 *
 * An #NtProgressFunc that may be called from any thread.
 */
void
nt_thread_progress_update (double   fraction,
                           gpointer progress_bar)
{
  ProgressUpdate *u;

  g_return_if_fail (GTK_IS_PROGRESS_BAR (progress_bar));

  u = g_new0 (ProgressUpdate, 1);
  /* Kept alive until the main loop has drawn it. */
  u->bar = g_object_ref (progress_bar);
  u->fraction = fraction;
  g_main_context_invoke (NULL, apply_progress, u);
}
