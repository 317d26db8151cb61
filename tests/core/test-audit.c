/* test-audit.c: reading the audit trail with filters, for those allowed */
#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "nt-access.h"
#include "nt-audit.h"
#include "nt-auth.h"
#include "nt-error.h"
#include "nt-reports.h"
#include "nt-students.h"
#include "nt-test-util.h"
#include "report-fixture.h"

static void
test_filters_and_words (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (12);
  g_autoptr(GError) error = NULL;
  g_autoptr(NtStudent) student = NULL;
  g_autoptr(GListStore) list = NULL;
  g_autoptr(NtAuditEntry) first = NULL;
  g_autofree char *words = NULL;
  g_autofree char *old_name = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  gint64 principal = nt_store_count (store, "SELECT min(id) FROM staff WHERE role = 'principal'");
  gint64 supervisor = nt_store_count (store, "SELECT min(id) FROM staff WHERE role = 'supervisor'");
  NtAuditFilter by_principal = { today, today, "students", 0, 0 };
  NtAuditFilter yesterday = { "2000-01-01", "2000-01-02", NULL, 0, 0 };
  NtAuditFilter program = { NULL, NULL, NULL, -1, 10 };

  g_assert_true (nt_store_set_actor (store, principal, &error));
  student = nt_students_load (store, 3, &error);
  g_assert_no_error (error);
  old_name = g_strdup (student->full_name);
  g_free (student->full_name);
  student->full_name = g_strdup ("Lò Thị Păng");
  g_assert_true (nt_students_save (store, student, NULL, &error));
  g_assert_no_error (error);
  /* A sign-in try counted changes nothing a person sees: not listed. */
  g_assert_true (nt_auth_set_secret (store, principal, "4321", &error));
  g_assert_false (nt_auth_verify (store, principal, "0000", &error));
  g_clear_error (&error);

  by_principal.staff_id = principal;
  list = nt_audit_list (store, &by_principal, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (first->action, ==, "update");
  g_assert_cmpint (first->row_id, ==, 3);
  g_assert_cmpint (first->staff_id, ==, principal);
  g_assert_cmpstr (first->staff_name, !=, "");
  words = nt_audit_describe (first);
  /* Only the name changed: one line, before → after. */
  expected = g_strdup_printf ("%s → Lò Thị Păng", old_name);
  g_assert_nonnull (strstr (words, expected));
  g_assert_null (strchr (words, '\n'));
  g_clear_object (&list);

  list = nt_audit_list (store, &yesterday, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_clear_object (&list);

  /* The demo school was written by the program itself. */
  list = nt_audit_list (store, &program, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 10);
  g_clear_object (&list);

  /* The sign-in counts are not among the staff changes. */
  {
    NtAuditFilter staff = { today, today, "staff", principal, 0 };
    list = nt_audit_list (store, &staff, &error);
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
      {
        g_autoptr(NtAuditEntry) e = g_list_model_get_item (G_LIST_MODEL (list), i);
        g_autofree char *d = nt_audit_describe (e);
        g_assert_cmpstr (d, !=, "");
      }
    g_clear_object (&list);
  }

  g_assert_true (nt_store_set_actor (store, supervisor, &error));
  g_assert_null (nt_audit_list (store, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
}

/* The report "audit": the period's changes, oldest first, in words. */
static void
test_report (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (13);
  g_autoptr(GError) error = NULL;
  g_autoptr(NtStudent) student = NULL;
  g_autoptr(Xlsx) x = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *path = nt_test_tmp_path ("audit.xlsx");
  g_autofree char *expected = NULL;
  gint64 principal = nt_store_count (store, "SELECT min(id) FROM staff WHERE role = 'principal'");
  gint64 supervisor = nt_store_count (store, "SELECT min(id) FROM staff WHERE role = 'supervisor'");
  NtReportOptions options = { .from = today, .to = today };
  const char *sheet;
  gboolean found = FALSE;

  g_assert_true (nt_store_set_actor (store, principal, &error));
  student = nt_students_load (store, 7, &error);
  expected = g_strdup_printf ("%s → Quàng Văn Pọm", student->guardian_name[0] ? student->guardian_name : "∅");
  g_free (student->guardian_name);
  student->guardian_name = g_strdup ("Quàng Văn Pọm");
  g_assert_true (nt_students_save (store, student, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (nt_reports_write (store, "audit", &options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  x = fx_read_xlsx (path);
  sheet = x->sheets->pdata[0];
  g_assert_cmpstr (fx_value (x, sheet, "A4"), ==, _(nt_reports_find ("audit")->title));
  /* The last row is the change: No., when, who, action, record, changes. */
  for (int row = 8; row < 100000 && !found; row++)
    {
      g_autofree char *f = fx_coord (5, row);
      const char *changes = fx_value (x, sheet, f);
      if (changes == NULL || changes[0] == '\0')
        break;
      if (strstr (changes, expected) != NULL)
        {
          g_autofree char *record = fx_coord (4, row);
          g_autofree char *who = fx_coord (2, row);
          g_autofree char *id = g_strdup_printf ("#%d", 7);
          g_assert_nonnull (strstr (fx_value (x, sheet, record), id));
          g_assert_cmpstr (fx_value (x, sheet, who), !=, "");
          found = TRUE;
        }
    }
  g_assert_true (found);

  /* A supervisor may not read the trail, nor export it. */
  g_assert_true (nt_store_set_actor (store, supervisor, &error));
  g_assert_false (nt_reports_write (store, "audit", &options, path, NULL, NULL, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
}

/* Every column a person can change is in the audit trail: each table's
 * update trigger names every column but the search keys, the sign-in
 * secrets and the confidential content (migration 005 mended the ones the
 * trigger generator had skipped). */
static void
test_every_column (void)
{
  static const char * const skipped[] = {
    "name_key", "search_text", "pin_hash", "failed_logins", "locked_until", "content", "reporter_name", NULL,
  };
  g_autoptr(NtStore) store = nt_test_new_store ();
  sqlite3 *db = nt_store_get_db (store);
  sqlite3_stmt *tables = NULL;
  guint n_tables = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT t.name, g.sql FROM sqlite_master t JOIN sqlite_master g "
                                           "ON g.type = 'trigger' AND g.name = t.name || '_audit_update' "
                                           "WHERE t.type = 'table'", -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      const char *trigger = (const char *) sqlite3_column_text (tables, 1);
      g_autofree char *sql = g_strdup_printf ("PRAGMA table_info (%s)", table);
      sqlite3_stmt *columns = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &columns, NULL), ==, SQLITE_OK);
      while (sqlite3_step (columns) == SQLITE_ROW)
        {
          const char *column = (const char *) sqlite3_column_text (columns, 1);
          g_autofree char *quoted = g_strdup_printf ("'%s'", column);

          if (g_strv_contains (skipped, column))
            continue;
          if (strstr (trigger, quoted) == NULL)
            g_error ("The audit trail of %s leaves out %s", table, column);
        }
      sqlite3_finalize (columns);
      n_tables++;
    }
  sqlite3_finalize (tables);
  g_assert_cmpuint (n_tables, >, 25);
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);
  g_test_add_func ("/audit/filters-and-words", test_filters_and_words);
  g_test_add_func ("/audit/report", test_report);
  g_test_add_func ("/audit/every-column", test_every_column);
  return g_test_run ();
}
