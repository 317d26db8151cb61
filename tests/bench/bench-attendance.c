/* bench-attendance.c: the attendance matrix of 1,000 boarders for a month
 * and for a year, and marking one student in a night check.
 *
 * Targets (issue 4): a month's matrix (about 30,000 cells plus formats)
 * ≤ 0.5 s; a year (365 nights) ≤ 2 s with a peak memory ≤ 60 MB; marking
 * one student ≤ 16 ms median with synchronous=FULL.
 *
 * The school is written with SQL in one transaction into a database in
 * /tmp: two buildings of 500 beds, 1,000 boarders, one check per building
 * and night for all of 2025 (365,000 entries, mostly present, a few on
 * leave, sick, absent or late).  Each export runs in a fresh child process
 * (this program with --child), so that its peak resident memory (VmHWM)
 * is the export's alone, as in bench-export.c.
 *
 * Marking is timed on the store's own call, nt_night_check_mark(), on a
 * real file with synchronous=FULL (the store's setting): the key press and
 * the redraw of the window are not part of a headless benchmark.
 *
 * Run: meson test -C build --benchmark --suite bench attendance -v
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "nt-date.h"
#include "nt-night-checks.h"
#include "nt-reports.h"
#include "nt-test-util.h"

#define N_BOARDERS 1000
#define N_RUNS     3
#define N_MARKS    200

/* The peak resident memory of this process so far, in KiB (VmHWM starts
 * afresh at exec: the child does not inherit the generator's peak). */
static long
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return 0;
  return atol (line + strlen ("VmHWM:"));
}

/* In the child: open, export the period, print "ms peak_kib base_kib". */
static int
run_child (const char *db,
           const char *out,
           const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NtStore) store = nt_store_open (db, NT_STORE_OPEN_EXISTING, &error);
  NtReportOptions options = { .from = from, .to = to };
  long base;
  gint64 start;
  double ms;

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  base = peak_rss_kib ();
  start = g_get_monotonic_time ();
  if (!nt_reports_write (store, "attendance", &options, out, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_print ("%.3f %ld %ld\n", ms, peak_rss_kib (), base);
  return 0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static char *
spawn (const char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

static void
exec (NtStore    *store,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  nt_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

/* The school, its beds and a year of checks, in one transaction. */
static void
generate (NtStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (nt_store_begin (store, &error));
  exec (store,
        "INSERT INTO school (id, name, school_year) VALUES (1, 'Trường PTDTNT Bench', '2025-2026');"
        "INSERT INTO staff (id, code, full_name, name_key, search_text, gender, role) "
        "  VALUES (1, 'GV01', 'Giám thị', x'00', '', 'M', 'supervisor');"
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30) "
        "INSERT INTO classes (id, name, grade) SELECT i, printf ('%d-%d', 10 + (i - 1) / 10, i), 10 + (i - 1) / 10 FROM n;"
        "INSERT INTO buildings (id, name, gender, floors) VALUES (1, 'Nhà A', 'M', 5), (2, 'Nhà B', 'F', 5);"
        /* 2 buildings × 5 floors × 10 rooms × 10 beds. */
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 99) "
        "INSERT INTO rooms (id, building_id, floor, number, capacity, gender) "
        "  SELECT i + 1, 1 + i / 50, 1 + (i % 50) / 10, printf ('%s%d%02d', CASE WHEN i < 50 THEN 'A' ELSE 'B' END, "
        "    1 + (i % 50) / 10, 1 + i % 10), 10, CASE WHEN i < 50 THEN 'M' ELSE 'F' END FROM n;"
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999) "
        "INSERT INTO beds (id, room_id, label) SELECT i + 1, 1 + i / 10, 1 + i % 10 FROM n;"
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) "
        "INSERT INTO students (id, code, full_name, name_key, search_text, gender, birth_date, class_id, boarding) "
        "  SELECT i, printf ('HS%04d', i), printf ('Học sinh %04d', i), randomblob (8), '', "
        "    CASE WHEN i <= 500 THEN 'M' ELSE 'F' END, '2009-01-01', 1 + i % 30, 'boarding' FROM n;"
        "INSERT INTO bed_assignments (student_id, bed_id, start_date) SELECT id, id, '2025-01-01' FROM students;"
        /* A check per building and night of 2025. */
        "WITH RECURSIVE d(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM d WHERE i < 364) "
        "INSERT INTO night_checks (id, night, building_id, supervisor_id, started_at, closed_at) "
        "  SELECT 1 + i * 2 + b.id - 1, date ('2025-01-01', printf ('+%d days', i)), b.id, 1, "
        "    date ('2025-01-01', printf ('+%d days', i)) || ' 21:30:00', "
        "    date ('2025-01-01', printf ('+%d days', i)) || ' 22:10:00' "
        "  FROM d, buildings b;"
        /* Everyone in every check of their building: 94 % present, then
         * on leave, sick, absent, late. */
        "INSERT INTO night_check_entries (check_id, student_id, bed_id, status) "
        "  SELECT k.id, a.student_id, a.bed_id, "
        "    CASE abs (random ()) % 100 WHEN 0 THEN 'absent' WHEN 1 THEN 'late' WHEN 2 THEN 'sick' "
        "      WHEN 3 THEN 'leave' WHEN 4 THEN 'leave' WHEN 5 THEN 'leave' ELSE 'present' END "
        "  FROM night_checks k JOIN rooms r ON r.building_id = k.building_id "
        "  JOIN beds b ON b.room_id = r.id JOIN bed_assignments a ON a.bed_id = b.id "
        /* Check by check, as nt_night_check_start() writes them. */
        "  ORDER BY k.id, b.id;");
  g_assert_true (nt_store_commit (store, &error));
  g_assert_no_error (error);
}

/* The median and worst of @n exports of the period, each in a child. */
static void
time_exports (const char *self,
              const char *db,
              const char *out,
              const char *from,
              const char *to,
              double     *median,
              double     *worst,
              long       *peak,
              long       *base)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  *peak = *base = 0;
  for (int i = 0; i < N_RUNS; i++)
    {
      const char *child[] = { self, "--child", db, out, from, to, NULL };
      g_autofree char *line = spawn (child);
      double ms;
      long p, b;

      if (sscanf (line, "%lf %ld %ld", &ms, &p, &b) != 3)
        g_error ("unexpected output of the child: %s", line);
      g_array_append_val (times, ms);
      *peak = MAX (*peak, p);
      *base = MAX (*base, b);
    }
  g_array_sort (times, compare_doubles);
  *median = g_array_index (times, double, times->len / 2);
  *worst = g_array_index (times, double, times->len - 1);
}

/* Tonight's check of Nhà A, then one student marked at a time. */
static void
time_marks (NtStore *store,
            double  *median,
            double  *worst)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tonight = nt_night_check_default_night ();
  g_autoptr(GListStore) entries = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  static const char *statuses[] = { "present", "absent", "sick", "late", "present" };
  gint64 check;
  guint n;

  check = nt_night_check_start (store, tonight, 1, 0, 1, &error);
  g_assert_no_error (error);
  entries = nt_night_check_entries (store, check, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (entries));
  g_assert_cmpuint (n, >=, N_MARKS);

  for (guint i = 0; i < N_MARKS; i++)
    {
      g_autoptr(NtCheckEntry) e = g_list_model_get_item (G_LIST_MODEL (entries), i);
      const char *status = statuses[i % G_N_ELEMENTS (statuses)];
      g_autofree char *late_at = g_str_equal (status, "late") ? g_strdup_printf ("%s 22:05", tonight) : NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!nt_night_check_mark (store, e->id, status, late_at, NULL, &error))
        g_error ("marking %s as %s: %s", e->student_name, status, error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_doubles);
  *median = g_array_index (times, double, times->len / 2);
  *worst = g_array_index (times, double, times->len - 1);
}

static void
remove_db (const char *db)
{
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);

  g_remove (wal);
  g_remove (shm);
  g_remove (db);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_strdup ("/tmp/noitru-bench-attendance-XXXXXX");
  g_autofree char *db = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  double month_ms, month_worst, year_ms, year_worst, mark_ms, mark_worst;
  long month_peak, month_base, year_peak, year_base;
  gint64 start, entries;

  /* Vietnamese texts in the report, as the program writes them. */
  setlocale (LC_ALL, "");
  if (g_getenv ("NOITRU_LOCALEDIR"))
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("NOITRU_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc == 6 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], argv[3], argv[4], argv[5]);

  /* A real file on /tmp: marking is timed with synchronous=FULL on disk. */
  g_assert_nonnull (g_mkdtemp (dir));
  db = g_build_filename (dir, "attendance.db", NULL);
  out = g_build_filename (dir, "attendance.xlsx", NULL);

  start = g_get_monotonic_time ();
  {
    g_autoptr(NtStore) store = nt_store_open (db, NT_STORE_OPEN_NEW, &error);
    g_assert_no_error (error);
    generate (store);
    entries = nt_store_count (store, "SELECT count(*) FROM night_check_entries");
  }
  g_print ("generated %d boarders and %" G_GINT64_FORMAT " check entries (2025) in %.1f s\n",
           N_BOARDERS, entries, (g_get_monotonic_time () - start) / 1e6);

  time_exports (argv[0], db, out, "2025-11-01", "2025-11-30", &month_ms, &month_worst, &month_peak, &month_base);
  g_print ("attendance, a month (1,000 × 30 = 30,000 cells): %.1f ms median, %.1f ms worst of %d "
           "(target ≤ 500 ms); peak memory %.1f MB\n",
           month_ms, month_worst, N_RUNS, month_peak / 1024.0);
  time_exports (argv[0], db, out, "2025-01-01", "2025-12-31", &year_ms, &year_worst, &year_peak, &year_base);
  g_print ("attendance, a year (1,000 × 365 = 365,000 cells, 24 sheets): %.1f ms median, %.1f ms worst of %d "
           "(target ≤ 2000 ms)\n",
           year_ms, year_worst, N_RUNS);
  g_print ("attendance, a year: peak memory %.1f MB for the whole process, %.1f MB over the open database "
           "(target ≤ 60 MB)\n",
           year_peak / 1024.0, (year_peak - year_base) / 1024.0);

  {
    g_autoptr(NtStore) store = nt_store_open (db, NT_STORE_OPEN_EXISTING, &error);
    g_assert_no_error (error);
    time_marks (store, &mark_ms, &mark_worst);
  }
  g_print ("marking one student (nt_night_check_mark, synchronous=FULL, file on /tmp): %.2f ms median, "
           "%.2f ms worst of %d (target ≤ 16 ms median; the redraw is not part of this headless benchmark)\n",
           mark_ms, mark_worst, N_MARKS);

  /* NOITRU_BENCH_KEEP=1 keeps the database, to profile an export with
   * `bench-attendance --child DB OUT FROM TO`. */
  if (g_getenv ("NOITRU_BENCH_KEEP"))
    {
      g_print ("kept %s\n", db);
      return 0;
    }
  g_remove (out);
  remove_db (db);
  g_rmdir (dir);
  return 0;
}
