/* bench-students.c: search latency and time to the first frame with
 * 100,000 students, against an empty database in the same run.
 *
 * Targets (issue 2): search median ≤ 10 ms at 100,000 students; first frame
 * with 100,000 students within 1.3× of the empty database.
 *
 * Run: meson test -C build --benchmark --suite bench -v   (needs a display:
 * xvfb-run -a)
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "nt-context.h"
#include "nt-demo.h"
#include "nt-school.h"
#include "nt-student-list.h"
#include "nt-test-util.h"
#include "nt-window.h"

#define N_STUDENTS 100000
#define N_RUNS 5

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static void
bench_search (NtStore *store)
{
  static const char *queries[] = {
    "nguyen", "nguyen van an", "thi", "dang", "lo thi", "hs0001", "giang a", "hoa", "thu", "vang",
    "minh", "lan", "hs09", "tran thi huong", "mua", "ha", "quang", "an", "linh", "xyz khong co",
  };
  g_autoptr(NtStudentList) list = nt_student_list_new (store);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  double worst = 0;

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      nt_student_list_set_search (list, queries[i]);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
      worst = MAX (worst, ms);
      g_print ("  search %-16s %7u matches %8.2f ms\n", queries[i],
               g_list_model_get_n_items (G_LIST_MODEL (list)), ms);
    }
  g_print ("search over %d students: median %.2f ms, worst %.2f ms (target: median ≤ 10 ms)\n",
           N_STUDENTS, median (times), worst);
}

typedef struct
{
  gint64   start;
  double   ms;
  gboolean done;
} FrameTiming;

static void
on_after_paint (GdkFrameClock *clock,
                FrameTiming   *timing)
{
  if (!timing->done)
    {
      timing->ms = (g_get_monotonic_time () - timing->start) / 1000.0;
      timing->done = TRUE;
    }
}

static void
on_realize (GtkWidget   *widget,
            FrameTiming *timing)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint", G_CALLBACK (on_after_paint), timing);
}

/* From opening the file to the first painted frame of the window. */
static double
first_frame (const char *path)
{
  FrameTiming timing = { g_get_monotonic_time (), 0, FALSE };
  /* As the application opens it: the full check runs in a thread. */
  g_autoptr(NtStore) store = nt_store_open (path, NT_STORE_OPEN_EXISTING | NT_STORE_OPEN_VERIFY_LATER, NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(NtContext) context = nt_context_new (store, settings);
  NtWindow *window = nt_window_new (NULL, context);

  g_signal_connect (window, "realize", G_CALLBACK (on_realize), &timing);
  nt_store_verify_async (store, NULL, NULL, NULL);
  nt_window_show_section (window, "students");
  gtk_window_present (GTK_WINDOW (window));
  while (!timing.done)
    g_main_context_iteration (NULL, TRUE);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return timing.ms;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("noitru-bench-XXXXXX", NULL);
  g_autofree char *big = g_build_filename (dir, "big.db", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) big_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) empty_times = g_array_new (FALSE, FALSE, sizeof (double));
  NtDemoOptions options = { NT_DEMO_DEFAULT_SEED, N_STUDENTS };
  gint64 start;
  double big_ms, empty_ms;

  gtk_init ();
  adw_init ();

  start = g_get_monotonic_time ();
  {
    g_autoptr(NtStore) store = nt_demo_create (big, &options, &error);
    g_assert_no_error (error);
    g_print ("generated %d students in %.1f s\n", N_STUDENTS, (g_get_monotonic_time () - start) / 1e6);
    bench_search (store);
  }
  {
    g_autoptr(NtStore) store = nt_store_open (empty, NT_STORE_OPEN_NEW, &error);
    NtSchoolInfo info = { (char *) "Trường trống", NULL, NULL, NULL, (char *) "2026-2027", NULL };
    g_assert_no_error (error);
    nt_school_set (store, &info, &error);
    g_assert_no_error (error);
  }

  first_frame (empty);  /* warm-up: fonts, icons, CSS */
  for (int i = 0; i < N_RUNS; i++)
    {
      double e = first_frame (empty), b = first_frame (big);
      g_array_append_val (empty_times, e);
      g_array_append_val (big_times, b);
    }
  empty_ms = median (empty_times);
  big_ms = median (big_times);
  g_print ("first frame: empty database %.1f ms, %d students %.1f ms (median of %d); ratio %.2f× (target ≤ 1.3×)\n",
           empty_ms, N_STUDENTS, big_ms, N_RUNS, big_ms / empty_ms);

  g_remove (big);
  g_remove (empty);
  return 0;
}
