/* bench-print-commitments.c: 800 commitment forms of the demo school's dorm
 * rules to one PDF (target ≤ 10 s and ≤ 150 MB of memory at the peak)
 *
 * The forms are built and drawn one at a time (src/print), so the memory
 * should stay that of one form plus the PDF's fonts, whatever their number.
 */
#include <sys/resource.h>

#include "nt-commitments.h"
#include "nt-print-commitments.h"
#include "nt-test-util.h"

#define TIME_TARGET_S   10.0
#define MEMORY_TARGET   150.0

int
main (int   argc,
      char *argv[])
{
  g_autoptr(NtStore) store = NULL;
  g_autoptr(NtRuleSet) set = NULL;
  g_autoptr(NtCommitmentForms) forms = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  struct rusage usage;
  guint n_pages = 0;
  double seconds, megabytes;
  gint64 t0;

  nt_test_init (&argc, &argv);
  store = nt_test_demo_store (1);
  set = nt_rule_sets_find (store, "noi-quy-khu-noi-tru", &error);
  if (set == NULL)
    g_error ("%s", error->message);
  pdf = nt_test_tmp_path ("forms.pdf");

  t0 = g_get_monotonic_time ();
  forms = nt_commitment_forms_new (store, set, NULL, &error);
  if (forms == NULL || !nt_commitment_forms_write_pdf (forms, pdf, &n_pages, &error))
    g_error ("%s", error->message);
  seconds = (g_get_monotonic_time () - t0) / 1e6;
  getrusage (RUSAGE_SELF, &usage);
  megabytes = usage.ru_maxrss / 1024.0;

  g_print ("%u forms (%u pages) to PDF: %.2f s (target ≤ %.0f s, %.2f× the target); "
           "peak memory %.0f MB (target ≤ %.0f MB, %.2f× the target)\n",
           nt_commitment_forms_get_n_people (forms), n_pages, seconds, TIME_TARGET_S, seconds / TIME_TARGET_S,
           megabytes, MEMORY_TARGET, megabytes / MEMORY_TARGET);
  return 0;
}
