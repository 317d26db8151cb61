/* nt-demo-dorm.c: the demo school's dorm-life books (issue 9)
 *
 * A month of visitors at the gate (relatives on the students' allowed
 * lists, a few deliveries for staff, three still inside now, one of them
 * not on any list), four weeks of room inspections on the default
 * criteria (most rooms good, a few to praise and a few to remind), one
 * dialogue with boarders whose items are partly settled, and two
 * confidential reports.
 */
#define G_LOG_DOMAIN "noitru-demo"

#include <math.h>
#include <string.h>
#include <time.h>

#include "nt-confidential.h"
#include "nt-date.h"
#include "nt-demo-private.h"
#include "nt-dialogues.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-inspections.h"
#include "nt-visitors.h"

#define DEMO_VISIT_DAYS 30

static const char * const given_m[] = { "Páo", "Chứ", "Sùng", "Thào", "Khoa", "Dũng", "Lâm", "Tiến" };
static const char * const given_f[] = { "Mai", "Hoa", "Lan", "Dợ", "Pằng", "Sinh", "Thơm", "Vân" };
static const char * const families[] = { "Lò", "Vàng", "Giàng", "Hờ", "Tẩn", "Lý", "Sìn", "Đèo" };

typedef struct
{
  const NtDemoContext *ctx;
  GArray              *students;   /* gint64: boarders with an allowed list */
  GArray              *guards;     /* gint64 */
  GArray              *supervisors;
  GArray              *teachers;
  gint64               principal;
} Dorm;

static const char *
pick (const NtDemoContext *ctx,
      const char * const  *list,
      guint                n)
{
  return list[g_rand_int_range (ctx->rand, 0, (gint32) n)];
}

#define PICK(ctx, array) pick ((ctx), (array), G_N_ELEMENTS (array))

static gint64
pick_id (const NtDemoContext *ctx,
         GArray              *ids)
{
  if (ids->len == 0)
    return 0;
  return g_array_index (ids, gint64, g_rand_int_range (ctx->rand, 0, (gint32) ids->len));
}

static GArray *
ids_of (NtStore    *store,
        const char *sql)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = nt_store_prepare (store, sql, NULL);

  if (stmt == NULL)
    return ids;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return ids;
}

/* 'YYYY-MM-DD HH:MM' of @t. */
static char *
format_time (GDateTime *t)
{
  return g_date_time_format (t, "%Y-%m-%d %H:%M");
}

/* ----- the gate ---------------------------------------------------------- */

/* A parent or grandparent for each of 60 boarders, on the allowed list; the
 * father carries the student's family name. */
static gboolean
add_allowed_lists (Dorm    *d,
                   GError **error)
{
  NtStore *store = d->ctx->store;
  g_autoptr(GArray) boarders = ids_of (store,
                                       "SELECT s.id FROM students s JOIN bed_assignments a "
                                       "ON a.student_id = s.id AND a.end_date IS NULL "
                                       "WHERE s.active = 1 ORDER BY s.id LIMIT 60");
  sqlite3_stmt *stmt = nt_store_prepare (store, "SELECT full_name FROM students WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < boarders->len; i++)
    {
      gint64 student = g_array_index (boarders, gint64, i);
      g_autofree char *family = NULL;
      g_autofree char *father = NULL;
      g_autofree char *mother = NULL;
      g_autofree char *id_number = NULL;
      NtAllowedVisitorInput in = { student, NULL, NULL, NULL, NULL };

      sqlite3_bind_int64 (stmt, 1, student);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *full = (const char *) sqlite3_column_text (stmt, 0);
          const char *space = strchr (full, ' ');

          family = space ? g_strndup (full, (gsize) (space - full)) : g_strdup (full);
        }
      sqlite3_reset (stmt);
      father = g_strdup_printf ("%s Văn %s", family ? family : "Lò", PICK (d->ctx, given_m));
      mother = g_strdup_printf ("%s Thị %s", PICK (d->ctx, families), PICK (d->ctx, given_f));
      id_number = g_strdup_printf ("0120%08u", (guint) g_rand_int_range (d->ctx->rand, 0, 99999999));

      in.name = father;
      in.relation = "bố";
      in.id_number = id_number;
      if (nt_visitors_allowed_add (store, &in, error) == 0)
        return FALSE;
      in.name = mother;
      in.relation = "mẹ";
      in.id_number = NULL;
      if (nt_visitors_allowed_add (store, &in, error) == 0)
        return FALSE;
      g_array_append_val (d->students, student);
    }
  return TRUE;
}

/* One visit of a relative on the list of a student picked at random. */
static gboolean
add_relative_visit (Dorm        *d,
                    GDateTime   *in_at,
                    int          minutes,
                    GError     **error)
{
  NtStore *store = d->ctx->store;
  gint64 student = pick_id (d->ctx, d->students);
  g_autoptr(GListStore) allowed = nt_visitors_allowed_list (store, student, error);
  g_autoptr(NtAllowedVisitor) who = NULL;
  g_autofree char *in_text = format_time (in_at);
  const char * const purposes[] = { "Thăm con, gửi đồ", "Thăm con", "Gửi tiền ăn", "Đưa thuốc" };
  NtVisitorInput in = { 0 };
  gint64 id;
  guint n;

  if (allowed == NULL)
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (allowed));
  if (n == 0)
    return TRUE;
  who = g_list_model_get_item (G_LIST_MODEL (allowed), (guint) g_rand_int_range (d->ctx->rand, 0, (gint32) n));
  in.name = who->name;
  in.id_number = who->id_number;
  in.phone = who->phone;
  in.visit_student_id = student;
  in.purpose = PICK (d->ctx, purposes);
  in.in_at = in_text;
  in.guard_id = pick_id (d->ctx, d->guards);
  id = nt_visitors_record_in (store, &in, error);
  if (id == 0)
    return FALSE;
  if (minutes > 0)
    {
      g_autoptr(GDateTime) out = g_date_time_add_minutes (in_at, minutes);
      g_autofree char *out_text = format_time (out);

      return nt_visitors_record_out (store, id, out_text, error);
    }
  return TRUE;
}

static gboolean
add_staff_visit (Dorm       *d,
                 GDateTime  *in_at,
                 GError    **error)
{
  g_autofree char *in_text = format_time (in_at);
  g_autoptr(GDateTime) out = g_date_time_add_minutes (in_at, 15);
  g_autofree char *out_text = format_time (out);
  NtVisitorInput in = { 0 };
  gint64 id;

  in.name = "Nhân viên bưu điện";
  in.purpose = "Chuyển phát bưu phẩm";
  in.visit_staff_id = pick_id (d->ctx, d->teachers);
  in.in_at = in_text;
  in.guard_id = pick_id (d->ctx, d->guards);
  if (in.visit_staff_id == 0)
    return TRUE;
  id = nt_visitors_record_in (d->ctx->store, &in, error);
  return id != 0 && nt_visitors_record_out (d->ctx->store, id, out_text, error);
}

static gboolean
add_visitors (Dorm    *d,
              GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                         g_date_time_get_day_of_month (now), 0, 0, 0);

  if (!add_allowed_lists (d, error))
    return FALSE;

  for (int day = DEMO_VISIT_DAYS; day >= 1; day--)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (midnight, -day);
      gboolean weekend = g_date_time_get_day_of_week (date) >= 6;
      int visits = weekend ? g_rand_int_range (d->ctx->rand, 4, 9) : g_rand_int_range (d->ctx->rand, 0, 3);

      for (int v = 0; v < visits; v++)
        {
          g_autoptr(GDateTime) in_at = g_date_time_add_minutes (date, g_rand_int_range (d->ctx->rand, 7 * 60, 17 * 60));

          if (!add_relative_visit (d, in_at, g_rand_int_range (d->ctx->rand, 20, 120), error))
            return FALSE;
        }
      if (!weekend && g_rand_int_range (d->ctx->rand, 0, 3) == 0)
        {
          g_autoptr(GDateTime) in_at = g_date_time_add_minutes (date, g_rand_int_range (d->ctx->rand, 8 * 60, 16 * 60));

          if (!add_staff_visit (d, in_at, error))
            return FALSE;
        }
    }

  /* Today: two relatives still inside, and a man nobody listed. */
  for (int v = 0; v < 2; v++)
    {
      g_autoptr(GDateTime) in_at = g_date_time_add_minutes (now, -(25 + 40 * v));

      if (!add_relative_visit (d, in_at, 0, error))
        return FALSE;
    }
  {
    g_autoptr(GDateTime) in_at = g_date_time_add_minutes (now, -10);
    g_autofree char *in_text = format_time (in_at);
    NtVisitorInput in = { 0 };

    in.name = "Trần Văn Hùng";
    in.phone = "0987654321";
    in.visit_student_id = pick_id (d->ctx, d->students);
    in.relation = "người quen";
    in.purpose = "Xin gặp học sinh";
    in.in_at = in_text;
    in.guard_id = pick_id (d->ctx, d->guards);
    if (in.visit_student_id != 0 && nt_visitors_record_in (d->ctx->store, &in, error) == 0)
      return FALSE;
  }
  return TRUE;
}

/* ----- room inspections -------------------------------------------------- */

static gboolean
add_inspections (Dorm    *d,
                 GError **error)
{
  NtStore *store = d->ctx->store;
  g_autoptr(GListStore) criteria = NULL;
  g_autoptr(GArray) rooms = ids_of (store, "SELECT id FROM rooms WHERE active = 1 AND kind = 'dorm' ORDER BY id");
  g_autofree double *quality = NULL;
  g_autofree NtInspectionScore *scores = NULL;
  g_autoptr(GDate) today = g_date_new ();
  guint n_criteria;

  if (!nt_inspections_add_default_criteria (store, error))
    return FALSE;
  criteria = nt_inspections_criteria (store, FALSE, error);
  if (criteria == NULL)
    return FALSE;
  n_criteria = g_list_model_get_n_items (G_LIST_MODEL (criteria));
  scores = g_new0 (NtInspectionScore, MAX (n_criteria, 1));
  quality = g_new0 (double, MAX (rooms->len, 1));
  /* Each room keeps its habits: most are good, some excellent, a few poor. */
  for (guint r = 0; r < rooms->len; r++)
    {
      int kind = g_rand_int_range (d->ctx->rand, 0, 10);

      quality[r] = kind < 2 ? 0.95 : kind < 8 ? 0.85 : 0.62;
    }

  g_date_set_time_t (today, time (NULL));
  for (int week = 3; week >= 0; week--)
    {
      g_autoptr(GDate) day = g_date_copy (today);
      g_autofree char *iso = NULL;

      /* The Thursday of that week, or the latest day before today. */
      g_date_subtract_days (day, 7 * (guint) week);
      g_date_subtract_days (day, g_date_get_weekday (day) - G_DATE_MONDAY);
      g_date_add_days (day, 3);
      if (g_date_compare (day, today) > 0)
        continue;
      iso = nt_date_to_iso (day);

      for (guint r = 0; r < rooms->len; r++)
        {
          int total = 0;

          for (guint c = 0; c < n_criteria; c++)
            {
              g_autoptr(NtInspectionCriterion) crit = g_list_model_get_item (G_LIST_MODEL (criteria), c);
              double q = quality[r] + g_rand_double_range (d->ctx->rand, -0.1, 0.08);
              int points = (int) lround (crit->max_points * CLAMP (q, 0.3, 1.0));

              scores[c].criterion_id = crit->id;
              scores[c].points = points;
              scores[c].note = points < crit->max_points * 0.7 ? "Chưa đạt, đã nhắc nhở" : NULL;
              total += points;
            }
          if (nt_inspections_save (store, g_array_index (rooms, gint64, r), iso, pick_id (d->ctx, d->supervisors),
                                   scores, n_criteria, total < 70 ? "Phòng trưởng đã ký nhận" : NULL, error) == 0)
            return FALSE;
        }
    }
  return TRUE;
}

/* ----- the dialogue and the box ------------------------------------------ */

static gboolean
add_dialogue (Dorm    *d,
              GError **error)
{
  NtStore *store = d->ctx->store;
  g_autoptr(GDate) today = g_date_new ();
  g_autoptr(GDate) held = NULL;
  g_autoptr(GDate) due = NULL;
  g_autofree char *held_iso = NULL;
  g_autofree char *settled_iso = NULL;
  NtDialogueInput in = { NULL, d->principal, "Ban Giám hiệu, quản sinh, giáo viên chủ nhiệm, 52 học sinh đại diện các phòng",
                         "Đối thoại định kỳ học kỳ I" };
  struct { const char *question; const char *answer; int due_days; gboolean settled; } items[] = {
    { "Nước nóng ở nhà B hay bị mất vào buổi tối", "Nhà trường thay bình nóng lạnh tầng 2 và 3", 7, TRUE },
    { "Xin thêm giờ tự học buổi tối trước kỳ thi", "Đồng ý kéo dài đến 22:00 trong hai tuần trước thi", 10, TRUE },
    { "Bữa sáng ít rau, xin thay đổi thực đơn", "Bếp ăn xây dựng thực đơn mới, có ý kiến đại diện học sinh", 14, FALSE },
    { "Xin lắp thêm đèn ở lối đi ra nhà vệ sinh", "Đã đề xuất kinh phí, chờ phê duyệt", 40, FALSE },
  };
  gint64 dialogue;

  g_date_set_time_t (today, time (NULL));
  held = g_date_copy (today);
  g_date_subtract_days (held, 20);
  held_iso = nt_date_to_iso (held);
  in.held_on = held_iso;
  dialogue = nt_dialogues_create (store, &in, error);
  if (dialogue == 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autofree char *due_iso = NULL;
      NtDialogueItemInput item = { items[i].question, items[i].answer, pick_id (d->ctx, d->supervisors), NULL };
      gint64 id;

      due = g_date_copy (held);
      g_date_add_days (due, (guint) items[i].due_days);
      due_iso = nt_date_to_iso (due);
      g_clear_pointer (&due, g_date_free);
      item.due_date = due_iso;
      id = nt_dialogues_add_item (store, dialogue, &item, error);
      if (id == 0)
        return FALSE;
      if (items[i].settled)
        {
          g_autoptr(GDate) settled = g_date_copy (held);

          g_date_add_days (settled, (guint) items[i].due_days - 2);
          g_free (settled_iso);
          settled_iso = nt_date_to_iso (settled);
          if (!nt_dialogues_close_item (store, id, settled_iso, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
add_confidential (Dorm    *d,
                  GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day1 = g_date_time_add_days (now, -12);
  g_autoptr(GDateTime) day2 = g_date_time_add_days (now, -3);
  /* A paper slip found in the morning, a parent's call in the evening. */
  g_autoptr(GDateTime) first = g_date_time_new_local (g_date_time_get_year (day1), g_date_time_get_month (day1),
                                                      g_date_time_get_day_of_month (day1), 7, 40, 0);
  g_autoptr(GDateTime) second = g_date_time_new_local (g_date_time_get_year (day2), g_date_time_get_month (day2),
                                                       g_date_time_get_day_of_month (day2), 19, 25, 0);
  g_autofree char *first_text = format_time (first);
  g_autofree char *second_text = format_time (second);
  NtConfidentialInput a = { first_text, "paper", NULL,
                            "Một số bạn lớp 11 hay trèo tường ra ngoài sau giờ điểm danh, đi quán điện tử.",
                            pick_id (d->ctx, d->teachers) };
  NtConfidentialInput b = { second_text, "phone", "Phụ huynh em Lò Thị Mai",
                            "Con tôi kể bị các bạn cùng phòng lấy đồ ăn và tiền, xin nhà trường quan tâm.",
                            pick_id (d->ctx, d->supervisors) };

  return nt_confidential_add (d->ctx->store, &a, error) != 0 &&
         nt_confidential_add (d->ctx->store, &b, error) != 0;
}

/**
 * nt_demo_dorm:
 *
 * The demo school's gate book, room competition, dialogue and confidential
 * box.
 */
gboolean
nt_demo_dorm (const NtDemoContext  *ctx,
              GError              **error)
{
  Dorm d = { ctx, NULL, NULL, NULL, NULL, 0 };
  gboolean ok;

  d.students = g_array_new (FALSE, FALSE, sizeof (gint64));
  d.guards = ids_of (ctx->store, "SELECT id FROM staff WHERE role = 'guard' AND active = 1 ORDER BY id");
  d.supervisors = ids_of (ctx->store, "SELECT id FROM staff WHERE role = 'supervisor' AND active = 1 ORDER BY id");
  d.teachers = ids_of (ctx->store, "SELECT id FROM staff WHERE role = 'teacher' AND active = 1 ORDER BY id");
  d.principal = nt_store_count (ctx->store, "SELECT ifnull (min (id), 0) FROM staff WHERE role = 'principal'");

  ok = add_visitors (&d, error) &&
       add_inspections (&d, error) &&
       add_dialogue (&d, error) &&
       add_confidential (&d, error);

  g_array_unref (d.students);
  g_array_unref (d.guards);
  g_array_unref (d.supervisors);
  g_array_unref (d.teachers);
  return ok;
}
