/* nt-demo-assessment.c: the demo school's ANTT self-assessments
 *
 * Last school year's, approved in late May by the principal with its
 * figures frozen; this year's, a draft with the first criteria filled in.
 * Written after the roster and the incidents, so the figures have
 * something to count.
 */
#define G_LOG_DOMAIN "nt-demo"

#include "nt-assessment.h"
#include "nt-demo-private.h"
#include "nt-error.h"

/* The school's own words, criterion by criterion (Thông tư 124/2021/TT-BCA). */
static const char * const last_year_evidence[] = {
  "Duy trì mô hình “Cổng trường an toàn, trật tự” và tổ tự quản ký túc xá; trực 24/24 tại cổng và các nhà ở.",
  "Họp Ban đại diện cha mẹ học sinh mỗi học kỳ; thông báo cho gia đình mọi trường hợp vắng mặt không lý do.",
  "Không xảy ra vụ việc phức tạp về an ninh, trật tự; không có tuyên truyền tôn giáo trái phép.",
  "Các vụ xô xát nhỏ đã được giải quyết ngay tại trường, có biên bản.",
  "100% cán bộ, giáo viên, nhân viên hoàn thành nhiệm vụ; không có cá nhân bị kỷ luật.",
  "Không có cán bộ, học sinh vi phạm pháp luật hình sự hay mắc tệ nạn xã hội.",
};

static gint64
staff_of_role (NtStore    *store,
               const char *role)
{
  g_autofree char *sql = g_strdup_printf ("SELECT ifnull ((SELECT id FROM staff WHERE role = '%s' "
                                          "AND active = 1 ORDER BY id LIMIT 1), 0)", role);
  return nt_store_count (store, sql);
}

static gboolean
exec_step (NtStore       *store,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  return stmt != NULL && nt_store_step_done (store, stmt, error);
}

/* Last year's: written straight into the tables, with past dates (the
 * state functions stamp the time of the call). */
static gboolean
add_last_year (const NtDemoContext  *ctx,
               GError              **error)
{
  NtStore *store = ctx->store;
  g_autofree char *year = g_strdup_printf ("%d-%d", ctx->school_year - 1, ctx->school_year);
  g_autofree char *as_of = g_strdup_printf ("%d-05-25", ctx->school_year);
  g_autofree char *submitted = g_strdup_printf ("%d-05-20 16:30", ctx->school_year);
  g_autofree char *approved = g_strdup_printf ("%d-05-25 09:15", ctx->school_year);
  g_autofree NtAssessmentCriterion **criteria = NULL;
  g_autoptr(NtAssessmentFigures) figures = NULL;
  g_autofree char *frozen = NULL;
  gint64 principal = staff_of_role (store, "principal");
  gint64 vice = staff_of_role (store, "vice_principal");
  sqlite3_stmt *stmt;
  gint64 id;

  figures = nt_assessment_figures_compute (store, year, as_of, error);
  if (figures == NULL)
    return FALSE;
  frozen = nt_assessment_figures_serialize (figures);

  stmt = nt_store_prepare (store,
                           "INSERT INTO assessments (school_year, circular, state, submitted_at, submitted_by, created_at) "
                           "VALUES (?1, ?2, 'submitted', ?3, nullif (?4, 0), ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, year, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, NT_ASSESSMENT_DEFAULT_CIRCULAR, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, submitted, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, vice);
  if (!exec_step (store, stmt, error))
    return FALSE;
  id = sqlite3_last_insert_rowid (nt_store_get_db (store));

  criteria = nt_assessment_criteria (NT_ASSESSMENT_DEFAULT_CIRCULAR, NULL);
  stmt = nt_store_prepare (store,
                           "INSERT INTO assessment_items (assessment_id, criterion, met, evidence) VALUES (?1, ?2, 1, ?3)",
                           error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; criteria[i] != NULL && i < G_N_ELEMENTS (last_year_evidence); i++)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, criteria[i]->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, last_year_evidence[i], -1, SQLITE_STATIC);
      if (!exec_step (store, stmt, error))
        return FALSE;
    }

  stmt = nt_store_prepare (store,
                           "UPDATE assessments SET state = 'approved', approved_at = ?2, approved_by = nullif (?3, 0), "
                           "frozen_figures = ?4 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, approved, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, principal);
  sqlite3_bind_text (stmt, 4, frozen, -1, SQLITE_TRANSIENT);
  return exec_step (store, stmt, error);
}

/* This year's: a draft, the first three criteria decided. */
static gboolean
add_this_year (const NtDemoContext  *ctx,
               GError              **error)
{
  g_autofree char *year = g_strdup_printf ("%d-%d", ctx->school_year, ctx->school_year + 1);
  gint64 id;

  id = nt_assessment_create (ctx->store, year, NT_ASSESSMENT_DEFAULT_CIRCULAR, error);
  if (id == 0)
    return FALSE;
  return nt_assessment_set_item (ctx->store, id, "tt124-1", 1,
                                 "Tiếp tục mô hình “Cổng trường an toàn, trật tự”; lịch trực 24/24 đã lập đến hết tháng.",
                                 error) &&
         nt_assessment_set_item (ctx->store, id, "tt124-2", 1,
                                 "Đã họp Ban đại diện cha mẹ học sinh đầu năm học (biên bản kèm theo).", error) &&
         nt_assessment_set_item (ctx->store, id, "tt124-5", 1,
                                 "Cán bộ, giáo viên, nhân viên hoàn thành nhiệm vụ học kỳ I.", error);
}

gboolean
nt_demo_assessment (const NtDemoContext  *ctx,
                    GError              **error)
{
  g_return_val_if_fail (ctx != NULL, FALSE);

  return add_last_year (ctx, error) && add_this_year (ctx, error);
}
