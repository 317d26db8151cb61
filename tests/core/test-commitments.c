/* test-commitments.c: rule sets, versions, signatures and coverage */
#define G_LOG_DOMAIN "test-commitments"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "nt-commitments.h"
#include "nt-date.h"
#include "nt-error.h"
#include "nt-reports.h"
#include "nt-school.h"
#include "nt-staff.h"
#include "nt-student.h"
#include "nt-students.h"
#include "nt-test-util.h"
#include "report-fixture.h"

/* ----- a small school ---------------------------------------------------- */

typedef struct
{
  NtStore *store;
  gint64   c10a1, c10a2;
  gint64   an, binh, chi;   /* 10A1 */
  gint64   dung, em;        /* 10A2 */
  gint64   principal, supervisor, teacher, guard;
} School;

static gint64
add_student (School     *s,
             const char *code,
             const char *name,
             gint64      class_id,
             const char *boarding)
{
  g_autoptr(NtStudent) st = nt_student_new ();
  g_autoptr(GError) error = NULL;

  nt_student_set_text (st, "code", code);
  nt_student_set_text (st, "full-name", name);
  nt_student_set_text (st, "gender", "M");
  nt_student_set_text (st, "birth-date", "2010-03-05");
  nt_student_set_text (st, "boarding", boarding);
  st->class_id = class_id;
  g_assert_true (nt_students_insert_unchecked (s->store, st, &error));
  g_assert_no_error (error);
  return nt_students_find_by_code (s->store, code);
}

static gint64
add_staff (School     *s,
           const char *code,
           const char *name,
           const char *role)
{
  NtStaffInput input = { code, name, "F", role, "" };
  g_autoptr(GError) error = NULL;
  gint64 id = nt_staff_add (s->store, &input, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
school_init (School *s)
{
  g_autoptr(GError) error = NULL;

  s->store = fx_school_new ();
  s->c10a1 = nt_classes_add (s->store, "10A1", 10, &error);
  s->c10a2 = nt_classes_add (s->store, "10A2", 10, &error);
  g_assert_no_error (error);
  s->an = add_student (s, "S1", "Lò Văn An", s->c10a1, "boarding");
  s->binh = add_student (s, "S2", "Lò Thị Bình", s->c10a1, "boarding");
  s->chi = add_student (s, "S3", "Mùa Thị Chi", s->c10a1, "day");
  s->dung = add_student (s, "S4", "Hoàng Văn Dũng", s->c10a2, "boarding");
  s->em = add_student (s, "S5", "Vàng Thị Em", s->c10a2, "semi");
  s->principal = add_staff (s, "GV1", "Nguyễn Thị Hoa", "principal");
  s->supervisor = add_staff (s, "GV2", "Trần Văn Hùng", "supervisor");
  s->teacher = add_staff (s, "GV3", "Phạm Thị Lan", "teacher");
  s->guard = add_staff (s, "GV4", "Lường Văn Sơn", "guard");
}

static void
school_clear (School *s)
{
  g_clear_object (&s->store);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (School, school_clear)

static gint64
create_set (School     *s,
            const char *name,
            const char *audience)
{
  NtRuleSetInput input = { name, audience, "NỘI QUY", "01/09/2026",
                           "Điều 1. Đi ngủ đúng giờ.\n\n2) Giữ vệ sinh phòng ở.\nKhông hút thuốc lá." };
  g_autoptr(GError) error = NULL;
  gint64 id = nt_rule_sets_create (s->store, &input, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
sign (School       *s,
      gint64        set_id,
      NtPersonKind  kind,
      gint64        person,
      const char   *date)
{
  NtCommitmentInput input = { set_id, kind, person, date, FALSE, 0 };
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (nt_commitments_sign (s->store, &input, &error), >, 0);
  g_assert_no_error (error);
}

static NtRuleSet *
load (School *s,
      gint64  id)
{
  g_autoptr(GError) error = NULL;
  NtRuleSet *set = nt_rule_sets_load (s->store, id, &error);

  g_assert_no_error (error);
  return set;
}

static void
assert_totals (School *s,
               gint64  set_id,
               guint   total,
               guint   n_signed,
               guint   n_missing,
               guint   n_outdated)
{
  g_autoptr(NtRuleSet) set = load (s, set_id);
  g_autoptr(GError) error = NULL;
  guint t = 99, si = 99, m = 99, o = 99;

  g_assert_true (nt_commitments_totals (s->store, set, &t, &si, &m, &o, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (t, ==, total);
  g_assert_cmpuint (si, ==, n_signed);
  g_assert_cmpuint (m, ==, n_missing);
  g_assert_cmpuint (o, ==, n_outdated);
}

/* ----- tests ------------------------------------------------------------- */

static void
test_family_and_articles (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(NtRuleSet) set = NULL;
  g_autoptr(NtRuleSet) found = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) articles = NULL;
  g_autofree char *key = nt_rule_sets_family_key ("  Nội quy khu Nội trú (2026) ");

  g_assert_cmpstr (key, ==, "noi-quy-khu-noi-tru-2026");
  school_init (&s);
  set = load (&s, create_set (&s, "Nội quy khu nội trú", "students"));
  g_assert_cmpstr (set->family, ==, "noi-quy-khu-noi-tru");
  g_assert_cmpstr (set->effective_date, ==, "2026-09-01");
  g_assert_cmpint (set->version, ==, 1);
  articles = nt_rule_set_articles (set);
  g_assert_cmpuint (g_strv_length (articles), ==, 3);
  g_assert_cmpstr (articles[0], ==, "Đi ngủ đúng giờ.");
  g_assert_cmpstr (articles[1], ==, "Giữ vệ sinh phòng ở.");
  g_assert_cmpstr (articles[2], ==, "Không hút thuốc lá.");

  /* Found by family, by name, by name without diacritics. */
  found = nt_rule_sets_find (s.store, "noi quy khu noi tru", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, set->id);
  g_clear_object (&found);
  found = nt_rule_sets_find (s.store, "Nội quy khu nội trú", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_clear_object (&found);
  found = nt_rule_sets_find (s.store, "quy-che-can-bo", &error);
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "noi-quy-khu-noi-tru"));
  g_assert_null (found);
}

static void
test_versions_invalidate (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) versions = NULL;
  gint64 v1 = 0, v2;
  NtRuleSetInput next = { NULL, NULL, "NỘI QUY (SỬA ĐỔI)", "2026-10-15", "Điều 1. Đi ngủ lúc 21 giờ 45." };

  school_init (&s);
  v1 = create_set (&s, "Nội quy khu nội trú", "students");
  sign (&s, v1, NT_PERSON_STUDENT, s.an, "05/09/2026");
  sign (&s, v1, NT_PERSON_STUDENT, s.binh, "2026-09-06");
  sign (&s, v1, NT_PERSON_STUDENT, s.dung, NULL);
  assert_totals (&s, v1, 5, 3, 2, 0);

  v2 = nt_rule_sets_add_version (s.store, "noi-quy-khu-noi-tru", &next, &error);
  g_assert_no_error (error);
  g_assert_cmpint (v2, >, v1);
  /* Every earlier signature is out of date; asking by the old version says the same. */
  assert_totals (&s, v2, 5, 0, 2, 3);
  assert_totals (&s, v1, 5, 0, 2, 3);

  versions = nt_rule_sets_versions (s.store, "noi-quy-khu-noi-tru", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (versions)), ==, 2);

  /* Signing the replaced version is refused; the latest is taken. */
  {
    NtCommitmentInput old = { v1, NT_PERSON_STUDENT, s.chi, NULL, FALSE, 0 };

    g_assert_cmpint (nt_commitments_sign (s.store, &old, &error), ==, 0);
    g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
    g_clear_error (&error);
  }
  sign (&s, v2, NT_PERSON_STUDENT, s.an, NULL);
  assert_totals (&s, v2, 5, 1, 2, 2);

  /* Who must sign again: the out of date and the missing, by name. */
  {
    g_autoptr(NtRuleSet) set = load (&s, v2);
    NtCommitmentScope scope = { .unsigned_only = TRUE };
    g_autoptr(GListStore) todo = nt_commitments_entries (s.store, set, &scope, &error);
    g_autoptr(NtCommitmentEntry) first = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (todo)), ==, 4);
    first = g_list_model_get_item (G_LIST_MODEL (todo), 0);
    /* 10A1 in Vietnamese name order: Bình (out of date), Chi (missing). */
    g_assert_cmpstr (first->full_name, ==, "Lò Thị Bình");
    g_assert_cmpint (first->status, ==, NT_COMMITMENT_OUTDATED);
    g_assert_cmpint (first->signed_version, ==, 1);
    g_assert_cmpstr (first->signed_on, ==, "2026-09-06");
  }

  /* An earlier effective date than the last version's is refused. */
  next.effective_date = "01/08/2026";
  g_assert_cmpint (nt_rule_sets_add_version (s.store, "noi-quy-khu-noi-tru", &next, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
}

static void
test_coverage_groups (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(NtRuleSet) set = NULL;
  g_autoptr(GListStore) groups = NULL;
  gint64 id;
  NtCommitmentCoverage *c;
  double percent;
  guint total = 0, n_signed = 0;

  school_init (&s);
  g_assert_cmpfloat (nt_commitments_school_percent (s.store, NULL, NULL), ==, -1);
  id = create_set (&s, "Nội quy chung", "both");
  sign (&s, id, NT_PERSON_STUDENT, s.an, NULL);
  sign (&s, id, NT_PERSON_STUDENT, s.chi, NULL);
  sign (&s, id, NT_PERSON_STUDENT, s.em, NULL);
  sign (&s, id, NT_PERSON_STAFF, s.principal, NULL);
  sign (&s, id, NT_PERSON_STAFF, s.teacher, NULL);
  set = load (&s, id);
  groups = nt_commitments_coverage (s.store, set, &error);
  g_assert_no_error (error);
  /* 10A1, 10A2, then principal, supervisor, teacher, guard. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (groups)), ==, 6);

  c = g_list_model_get_item (G_LIST_MODEL (groups), 0);
  g_assert_cmpstr (c->group, ==, "10A1");
  g_assert_cmpuint (c->total, ==, 3);
  g_assert_cmpuint (c->n_signed, ==, 2);
  g_assert_cmpuint (c->n_missing, ==, 1);
  g_assert_cmpfloat_with_epsilon (c->percent, 200.0 / 3, 0.01);
  g_assert_cmpstr (c->missing_names, ==, "Lò Thị Bình");
  g_object_unref (c);

  c = g_list_model_get_item (G_LIST_MODEL (groups), 1);
  g_assert_cmpstr (c->group, ==, "10A2");
  g_assert_cmpuint (c->total, ==, 2);
  g_assert_cmpuint (c->n_signed, ==, 1);
  g_assert_cmpstr (c->missing_names, ==, "Hoàng Văn Dũng");
  g_object_unref (c);

  c = g_list_model_get_item (G_LIST_MODEL (groups), 3);
  g_assert_cmpint (c->kind, ==, NT_PERSON_STAFF);
  g_assert_cmpstr (c->key, ==, "supervisor");
  g_assert_cmpuint (c->total, ==, 1);
  g_assert_cmpuint (c->n_missing, ==, 1);
  g_assert_cmpfloat (c->percent, ==, 0);
  g_assert_cmpstr (c->missing_names, ==, "Trần Văn Hùng");
  g_object_unref (c);

  /* 5 of 9 people. A staff-only set adds 4 more signatures to give. */
  percent = nt_commitments_school_percent (s.store, &total, &n_signed);
  g_assert_cmpuint (total, ==, 9);
  g_assert_cmpuint (n_signed, ==, 5);
  g_assert_cmpfloat_with_epsilon (percent, 500.0 / 9, 0.01);
  create_set (&s, "Quy chế cán bộ", "staff");
  percent = nt_commitments_school_percent (s.store, &total, &n_signed);
  g_assert_cmpuint (total, ==, 13);
  g_assert_cmpfloat_with_epsilon (percent, 500.0 / 13, 0.01);

  /* Scopes: one class; staff only. */
  {
    NtCommitmentScope one_class = { .class_id = s.c10a2 };
    NtCommitmentScope staff = { .staff_only = TRUE };
    g_autoptr(GListStore) a = nt_commitments_entries (s.store, set, &one_class, &error);
    g_autoptr(GListStore) b = nt_commitments_entries (s.store, set, &staff, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (a)), ==, 2);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (b)), ==, 4);
  }
}

static void
test_who_must_sign (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 id, late;

  school_init (&s);
  id = create_set (&s, "Nội quy học sinh", "students");
  sign (&s, id, NT_PERSON_STUDENT, s.an, NULL);
  sign (&s, id, NT_PERSON_STUDENT, s.dung, NULL);
  assert_totals (&s, id, 5, 2, 3, 0);

  /* A student who leaves is no longer counted, signed or not. */
  g_assert_true (nt_students_mark_left (s.store, s.dung, "2026-10-01", "Chuyển trường", &error));
  g_assert_no_error (error);
  g_assert_true (nt_students_mark_left (s.store, s.em, "2026-10-01", "Chuyển trường", &error));
  g_assert_no_error (error);
  assert_totals (&s, id, 3, 1, 2, 0);

  /* …and cannot sign. */
  {
    NtCommitmentInput input = { id, NT_PERSON_STUDENT, s.em, NULL, FALSE, 0 };

    g_assert_cmpint (nt_commitments_sign (s.store, &input, &error), ==, 0);
    g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Vàng Thị Em"));
    g_assert_nonnull (strstr (error->message, "01/10/2026"));
    g_clear_error (&error);
  }

  /* A new student must sign. */
  late = add_student (&s, "S6", "Giàng A Páo", s.c10a2, "boarding");
  assert_totals (&s, id, 4, 1, 3, 0);

  /* A class batch: all or nothing. */
  {
    NtCommitmentInput input = { id, NT_PERSON_STUDENT, 0, "20/10/2026", TRUE, s.teacher };
    gint64 with_left[] = { s.binh, s.chi, s.em };
    gint64 good[] = { s.binh, s.chi, late };

    g_assert_false (nt_commitments_sign_batch (s.store, &input, with_left, 3, &error));
    g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
    g_clear_error (&error);
    assert_totals (&s, id, 4, 1, 3, 0);

    g_assert_true (nt_commitments_sign_batch (s.store, &input, good, 3, &error));
    g_assert_no_error (error);
    assert_totals (&s, id, 4, 4, 0, 0);
  }
  {
    g_autoptr(NtRuleSet) set = load (&s, id);
    NtCommitmentScope one = { .student_id = s.binh };
    g_autoptr(GListStore) e = nt_commitments_entries (s.store, set, &one, &error);
    g_autoptr(NtCommitmentEntry) b = g_list_model_get_item (G_LIST_MODEL (e), 0);

    g_assert_cmpstr (b->signed_on, ==, "2026-10-20");
    g_assert_true (b->guardian_signed);
    g_assert_cmpint (b->collected_by, ==, s.teacher);
    g_assert_cmpstr (b->collected_by_name, ==, "Phạm Thị Lan");

    /* Removing a mistaken signature. */
    g_assert_true (nt_commitments_remove (s.store, b->commitment_id, &error));
    g_assert_no_error (error);
    assert_totals (&s, id, 4, 3, 1, 0);
  }
}

static void
test_permissions (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(GError) error = NULL;
  NtRuleSetInput next = { NULL, NULL, "NỘI QUY MỚI", "2026-11-01", "Một điều." };
  NtRuleSetInput fresh = { "Nội quy thư viện", "students", "NỘI QUY THƯ VIỆN", "2026-11-01", "Một điều." };
  gint64 id;

  school_init (&s);
  id = create_set (&s, "Nội quy khu nội trú", "students");

  /* A supervisor records signatures but may not change a rule set. */
  g_assert_true (nt_store_set_actor (s.store, s.supervisor, &error));
  g_assert_no_error (error);
  g_assert_cmpint (nt_rule_sets_add_version (s.store, "noi-quy-khu-noi-tru", &next, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (nt_rule_sets_create (s.store, &fresh, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
  g_clear_error (&error);
  sign (&s, id, NT_PERSON_STUDENT, s.an, NULL);
  assert_totals (&s, id, 5, 1, 4, 0);

  /* A guard may not record signatures. */
  g_assert_true (nt_store_set_actor (s.store, s.guard, &error));
  {
    NtCommitmentInput input = { id, NT_PERSON_STUDENT, s.binh, NULL, FALSE, 0 };

    g_assert_cmpint (nt_commitments_sign (s.store, &input, &error), ==, 0);
    g_assert_error (error, NT_ERROR, NT_ERROR_DENIED);
    g_clear_error (&error);
  }

  /* The principal may. */
  g_assert_true (nt_store_set_actor (s.store, s.principal, &error));
  g_assert_cmpint (nt_rule_sets_add_version (s.store, "noi-quy-khu-noi-tru", &next, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_bad_input (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *tomorrow = NULL;
  gint64 id, staff_set;

  school_init (&s);
  {
    NtRuleSetInput no_name = { "  ", "students", "T", "01/09/2026", "x" };
    NtRuleSetInput no_title = { "Nội quy A", "students", "  ", "01/09/2026", "x" };
    NtRuleSetInput bad_date = { "Nội quy A", "students", "T", "31/02/2026", "x" };
    NtRuleSetInput no_body = { "Nội quy A", "students", "T", "01/09/2026", " \n " };
    NtRuleSetInput bad_audience = { "Nội quy A", "parents", "T", "01/09/2026", "x" };
    const NtRuleSetInput *bad[] = { &no_name, &no_title, &bad_date, &no_body, &bad_audience };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_assert_cmpint (nt_rule_sets_create (s.store, bad[i], &error), ==, 0);
        g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
        g_clear_error (&error);
      }
    g_assert_cmpint (nt_rule_sets_create (s.store, &bad_date, &error), ==, 0);
    g_assert_nonnull (strstr (error->message, "31/02/2026"));
    g_assert_nonnull (strstr (error->message, "Nội quy A"));
    g_clear_error (&error);
  }
  id = create_set (&s, "Nội quy khu nội trú", "students");
  staff_set = create_set (&s, "Quy chế cán bộ", "staff");
  {
    NtRuleSetInput again = { "Nội Quy Khu Nội Trú", "students", "T", "01/09/2026", "x" };

    g_assert_cmpint (nt_rule_sets_create (s.store, &again, &error), ==, 0);
    g_assert_error (error, NT_ERROR, NT_ERROR_EXISTS);
    g_clear_error (&error);
  }

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) next = g_date_time_add_days (now, 1);

    tomorrow = g_date_time_format (next, "%d/%m/%Y");
  }
  {
    NtCommitmentInput future = { id, NT_PERSON_STUDENT, s.an, tomorrow, FALSE, 0 };
    NtCommitmentInput not_a_date = { id, NT_PERSON_STUDENT, s.an, "32/01/2026", FALSE, 0 };
    NtCommitmentInput staff_on_student_set = { id, NT_PERSON_STAFF, s.teacher, NULL, FALSE, 0 };
    NtCommitmentInput student_on_staff_set = { staff_set, NT_PERSON_STUDENT, s.an, NULL, FALSE, 0 };
    NtCommitmentInput staff_guardian = { staff_set, NT_PERSON_STAFF, s.teacher, NULL, TRUE, 0 };
    NtCommitmentInput no_such = { id, NT_PERSON_STUDENT, 9999, NULL, FALSE, 0 };
    const NtCommitmentInput *bad[] = { &future, &not_a_date, &staff_on_student_set, &student_on_staff_set,
                                       &staff_guardian };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_assert_cmpint (nt_commitments_sign (s.store, bad[i], &error), ==, 0);
        g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
        g_clear_error (&error);
      }
    g_assert_cmpint (nt_commitments_sign (s.store, &future, &error), ==, 0);
    g_assert_nonnull (strstr (error->message, tomorrow));
    g_clear_error (&error);
    g_assert_cmpint (nt_commitments_sign (s.store, &no_such, &error), ==, 0);
    g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  assert_totals (&s, id, 5, 0, 5, 0);
}

static void
test_scan (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(NtRuleSet) set = NULL;
  g_autoptr(GListStore) entries = NULL;
  g_autoptr(NtCommitmentEntry) e = NULL;
  g_autofree char *source = nt_test_write_tmp ("scan của Bình.pdf", "%PDF-1.4 test", 13);
  g_autofree char *full = NULL;
  g_autofree char *contents = NULL;
  NtCommitmentScope one = { 0 };
  gint64 id;

  school_init (&s);
  id = create_set (&s, "Nội quy khu nội trú", "students");
  sign (&s, id, NT_PERSON_STUDENT, s.binh, NULL);
  set = load (&s, id);
  one.student_id = s.binh;
  entries = nt_commitments_entries (s.store, set, &one, &error);
  e = g_list_model_get_item (G_LIST_MODEL (entries), 0);
  g_assert_true (nt_commitments_attach_scan (s.store, e->commitment_id, source, &error));
  g_assert_no_error (error);
  g_clear_object (&e);
  g_clear_object (&entries);

  entries = nt_commitments_entries (s.store, set, &one, &error);
  e = g_list_model_get_item (G_LIST_MODEL (entries), 0);
  g_assert_true (g_str_has_prefix (e->scan_path, "commitments/"));
  g_assert_true (g_str_has_suffix (e->scan_path, "scan_của_Bình.pdf"));
  full = nt_commitments_scan_file (s.store, e->scan_path);
  g_assert_true (g_str_has_prefix (full, nt_store_get_path (s.store)));
  g_assert_true (g_file_get_contents (full, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "%PDF-1.4 test");

  g_assert_false (nt_commitments_attach_scan (s.store, e->commitment_id, "/nonexistent/x.pdf", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
}

static void
test_demo (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (7);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) sets = nt_rule_sets_list (store, &error);
  g_autoptr(NtRuleSet) dorm = NULL;
  guint total, n_signed, n_missing, n_outdated;
  double percent;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sets)), ==, 3);
  dorm = nt_rule_sets_find (store, "noi-quy-khu-noi-tru", &error);
  g_assert_no_error (error);
  g_assert_cmpint (dorm->version, ==, 2);
  {
    g_auto(GStrv) articles = nt_rule_set_articles (dorm);

    g_assert_cmpuint (g_strv_length (articles), >=, 12);
  }
  /* The dorm rules are for the boarding students only. */
  g_assert_cmpstr (dorm->audience, ==, "boarders");
  g_assert_true (nt_commitments_totals (store, dorm, &total, &n_signed, &n_missing, &n_outdated, &error));
  g_assert_cmpuint (total, ==, nt_store_count (store, "SELECT count(*) FROM students WHERE active = 1 "
                                                      "AND boarding = 'boarding'"));
  g_assert_cmpuint (total, <, nt_store_count (store, "SELECT count(*) FROM students WHERE active = 1"));
  g_assert_cmpuint (n_missing, >, 0);
  g_assert_cmpuint (n_outdated, >, 0);
  g_assert_cmpuint (n_signed, >, total / 2);
  percent = nt_commitments_school_percent (store, NULL, NULL);
  g_assert_cmpfloat (percent, >, 60);
  g_assert_cmpfloat (percent, <, 100);
}

/* The row of the first sheet whose column B is @text, after row @after. */
static int
find_row (Xlsx       *x,
          const char *text,
          int         after)
{
  const char *sheet = g_ptr_array_index (x->sheets, 0);

  for (int row = after + 1; row < 200; row++)
    {
      g_autofree char *where = fx_coord (1, row);  /* column B */

      if (g_strcmp0 (fx_value (x, sheet, where), text) == 0)
        return row;
    }
  return -1;
}

static const char *
cell (Xlsx *x,
      int   col,
      int   row)
{
  g_autofree char *where = fx_coord (col - 1, row);  /* @col from 1 */

  return fx_value (x, g_ptr_array_index (x->sheets, 0), where);
}

static void
test_reports (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *coverage_path = nt_test_tmp_path ("commitment-coverage.xlsx");
  g_autofree char *register_path = nt_test_tmp_path ("commitments.xlsx");
  g_autoptr(Xlsx) x = NULL;
  NtRuleSetInput next = { NULL, NULL, "NỘI QUY (SỬA ĐỔI)", "2026-10-15", "Điều 1. Đi ngủ lúc 21 giờ 45." };
  gint64 id, v2;
  int row;

  school_init (&s);
  id = create_set (&s, "Nội quy chung", "both");
  sign (&s, id, NT_PERSON_STUDENT, s.an, "2026-09-05");
  sign (&s, id, NT_PERSON_STUDENT, s.binh, "2026-09-05");
  sign (&s, id, NT_PERSON_STAFF, s.teacher, "2026-09-06");
  v2 = nt_rule_sets_add_version (s.store, "noi-quy-chung", &next, &error);
  g_assert_no_error (error);
  sign (&s, v2, NT_PERSON_STUDENT, s.an, "2026-10-20");
  {
    NtCommitmentInput input = { v2, NT_PERSON_STUDENT, s.dung, "2026-10-21", TRUE, s.teacher };

    g_assert_cmpint (nt_commitments_sign (s.store, &input, &error), >, 0);
    g_assert_no_error (error);
  }

  /* Coverage: 10A1 has An signed, Bình out of date, Chi missing. */
  g_assert_true (nt_reports_write (s.store, "commitment-coverage", NULL, coverage_path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  x = fx_read_xlsx (coverage_path);
  row = find_row (x, "10A1", 0);
  g_assert_cmpint (row, >, 0);
  g_assert_cmpstr (cell (x, 3, row), ==, "3");
  g_assert_cmpstr (cell (x, 4, row), ==, "1");
  g_assert_cmpstr (cell (x, 5, row), ==, "1");
  g_assert_cmpstr (cell (x, 6, row), ==, "1");
  g_assert_cmpstr (cell (x, 7, row), ==, "33.3");
  g_assert_nonnull (strstr (cell (x, 8, row), "Lò Thị Bình"));
  g_assert_nonnull (strstr (cell (x, 8, row), "Mùa Thị Chi"));
  g_assert_null (strstr (cell (x, 8, row), "Lò Văn An"));
  row = find_row (x, "10A2", 0);
  g_assert_cmpstr (cell (x, 7, row), ==, "50");
  /* The total of the set: 9 people, 2 signed, 1 out of date (the teacher, Bình: 2). */
  row = find_row (x, _("Total"), row);
  g_assert_cmpint (row, >, 0);
  g_assert_cmpstr (cell (x, 3, row), ==, "9");
  g_assert_cmpstr (cell (x, 4, row), ==, "2");
  g_assert_cmpstr (cell (x, 6, row), ==, "2");
  g_assert_cmpstr (cell (x, 5, row), ==, "5");
  g_clear_pointer (&x, fx_xlsx_free);

  /* Register: Dũng's row says when, the guardian, who collected. */
  g_assert_true (nt_reports_write (s.store, "commitments", NULL, register_path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  x = fx_read_xlsx (register_path);
  row = find_row (x, "Hoàng Văn Dũng", 0);
  g_assert_cmpint (row, >, 0);
  g_assert_cmpstr (cell (x, 3, row), ==, "10A2");
  g_assert_cmpstr (cell (x, 4, row), ==, "2");
  g_assert_cmpstr (cell (x, 5, row), ==, "2026-10-21");
  g_assert_cmpstr (cell (x, 6, row), !=, "");
  g_assert_cmpstr (cell (x, 7, row), ==, "Phạm Thị Lan");
  row = find_row (x, "Lò Thị Bình", 0);
  g_assert_cmpstr (cell (x, 4, row), ==, "1");
  g_assert_cmpstr (cell (x, 8, row), ==, nt_commitment_status_label (NT_COMMITMENT_OUTDATED));
  row = find_row (x, "Mùa Thị Chi", 0);
  g_assert_cmpstr (cell (x, 5, row), ==, "");
  g_assert_cmpstr (cell (x, 8, row), ==, nt_commitment_status_label (NT_COMMITMENT_MISSING));
}

/* A set for the boarding students only (the dorm rules): only they must
 * sign it, a day or semi-boarding student's signature is refused, and the
 * totals and the school's percentage count the boarders only. */
static void
test_boarders_only (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(NtRuleSet) set = NULL;
  g_autoptr(GListStore) entries = NULL;
  NtCommitmentInput day = { 0, NT_PERSON_STUDENT, 0, "05/09/2026", FALSE, 0 };
  guint total = 0, n_signed = 0;
  gint64 id;

  school_init (&s);
  id = create_set (&s, "Nội quy khu nội trú", "boarders");
  set = load (&s, id);
  g_assert_cmpstr (set->audience, ==, "boarders");
  g_assert_true (nt_rule_set_boarders_only (set));
  g_assert_true (nt_rule_set_for_students (set));
  g_assert_false (nt_rule_set_for_staff (set));

  /* An, Bình, Dũng board; Chi is a day student, Em semi-boarding. */
  entries = nt_commitments_entries (s.store, set, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (entries)), ==, 3);

  day.rule_set_id = id;
  day.person_id = s.chi;
  g_assert_cmpint (nt_commitments_sign (s.store, &day, &error), ==, 0);
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Mùa Thị Chi"));
  g_clear_error (&error);
  g_assert_cmpint (nt_store_count (s.store, "SELECT count(*) FROM commitments"), ==, 0);

  sign (&s, id, NT_PERSON_STUDENT, s.an, "05/09/2026");
  g_assert_true (nt_commitments_totals (s.store, set, &total, &n_signed, NULL, NULL, &error));
  g_assert_cmpuint (total, ==, 3);
  g_assert_cmpuint (n_signed, ==, 1);
  g_assert_cmpfloat (nt_commitments_school_percent (s.store, NULL, NULL), ==, 100.0 / 3);
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);

  g_test_add_func ("/commitments/family-and-articles", test_family_and_articles);
  g_test_add_func ("/commitments/boarders-only", test_boarders_only);
  g_test_add_func ("/commitments/versions-invalidate", test_versions_invalidate);
  g_test_add_func ("/commitments/coverage-groups", test_coverage_groups);
  g_test_add_func ("/commitments/who-must-sign", test_who_must_sign);
  g_test_add_func ("/commitments/permissions", test_permissions);
  g_test_add_func ("/commitments/bad-input", test_bad_input);
  g_test_add_func ("/commitments/scan", test_scan);
  g_test_add_func ("/commitments/reports", test_reports);
  g_test_add_func ("/commitments/demo", test_demo);

  return g_test_run ();
}
