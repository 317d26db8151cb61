/* nt-demo-commitments.c: the demo school's rule sets and signatures
 *
 * Three sets, as a school keeps them: the dorm rules (nội quy khu nội trú)
 * in two versions, the second adding the rule on phones; the school rules
 * for students; the staff code of conduct. The forms came back class by
 * class in the first weeks of the year; most students signed again after
 * the dorm rules changed, not all; a few never returned a form. So the
 * coverage is short of 100 % on first start, as in a real school in
 * November.
 *
 * The dates follow the school year, but never pass today (a demo made on
 * the first days of September has fewer signatures, none in the future).
 */
#define G_LOG_DOMAIN "nt-demo"

#include <string.h>

#include "nt-commitments.h"
#include "nt-date.h"
#include "nt-demo-private.h"
#include "nt-error.h"

/* ----- the texts --------------------------------------------------------- */

#define DORM_COMMON_1 \
  "Học sinh nội trú phải chấp hành nghiêm túc nội quy nhà trường, nội quy khu nội trú và sự phân công, " \
  "hướng dẫn của giáo viên quản sinh, cán bộ trực.\n"

#define DORM_COMMON_3_TO_12 \
  "Ở đúng phòng, đúng giường đã được phân công; không tự ý đổi phòng, đổi giường; không ngủ ở phòng khác " \
  "và không cho người khác ngủ lại trong phòng.\n" \
  "Ra, vào khu nội trú phải qua cổng có bảo vệ; khi về gia đình hoặc ra ngoài phải có giấy xin phép của cha mẹ " \
  "hoặc người giám hộ, được giáo viên quản sinh đồng ý; trở lại đúng hạn và báo với cán bộ trực.\n" \
  "Giữ gìn vệ sinh cá nhân, vệ sinh phòng ở và khu vực chung; trực nhật theo lịch của phòng; sắp xếp chăn màn, " \
  "đồ dùng gọn gàng, ngăn nắp.\n" \
  "Bảo vệ tài sản chung; không viết, vẽ lên tường, không tự ý di chuyển hoặc làm hư hỏng giường tủ, thiết bị " \
  "điện, nước; làm hư hỏng phải bồi thường.\n" \
  "Sử dụng điện, nước tiết kiệm, an toàn; không tự ý câu móc, sửa chữa điện; không dùng bếp điện, bếp ga, " \
  "bàn là trong phòng ở; tắt các thiết bị điện khi ra khỏi phòng.\n" \
  "Nghiêm cấm mang vào khu nội trú và sử dụng rượu, bia, thuốc lá, thuốc lá điện tử, chất ma túy, vũ khí, " \
  "vật liệu nổ, chất dễ cháy và văn hóa phẩm đồi trụy.\n" \
  "Không đánh nhau, gây gổ, nói tục, chửi bậy; không gây ồn ào trong giờ tự học và giờ ngủ; không tham gia " \
  "cờ bạc dưới mọi hình thức.\n" \
  "Không tiếp khách trong phòng ở; người thân đến thăm phải đăng ký tại phòng bảo vệ và gặp tại nơi quy định.\n" \
  "Tự bảo quản tiền, tài sản cá nhân; khi bị ốm hoặc thấy bạn có dấu hiệu bất thường về sức khỏe phải báo " \
  "ngay cho cán bộ trực hoặc nhân viên y tế.\n" \
  "Khi có cháy, nổ, thiên tai hoặc sự cố, phải bình tĩnh làm theo hướng dẫn của cán bộ trực, thoát ra theo " \
  "lối thoát nạn và tập trung tại điểm tập kết để điểm danh.\n"

#define DORM_LAST \
  "Học sinh vi phạm nội quy, tùy mức độ, sẽ bị nhắc nhở, phê bình, thông báo cho gia đình hoặc xử lý kỷ " \
  "luật theo quy định của nhà trường."

static const char dorm_v1[] =
  DORM_COMMON_1
  "Thực hiện đúng thời gian biểu của khu nội trú: thức dậy lúc 5 giờ 30, tự học buổi tối từ 19 giờ 30 đến " \
  "21 giờ 00, có mặt tại phòng trước giờ điểm danh tối và đi ngủ lúc 22 giờ 00.\n"
  DORM_COMMON_3_TO_12
  DORM_LAST;

static const char dorm_v2[] =
  DORM_COMMON_1
  "Thực hiện đúng thời gian biểu của khu nội trú: thức dậy lúc 5 giờ 30, tự học buổi tối từ 19 giờ 30 đến " \
  "21 giờ 00, có mặt tại phòng trước giờ điểm danh tối (21 giờ 15) và đi ngủ lúc 21 giờ 45.\n"
  DORM_COMMON_3_TO_12
  "Chỉ sử dụng điện thoại di động trong khung giờ được phép; nộp điện thoại cho giáo viên quản sinh trước " \
  "giờ tự học buổi tối; không đăng tải hình ảnh, thông tin sai sự thật lên mạng xã hội.\n"
  DORM_LAST;

static const char school_rules[] =
  "Kính trọng thầy giáo, cô giáo, cán bộ, nhân viên nhà trường; đoàn kết, giúp đỡ bạn bè; nói lời hay, làm việc tốt.\n"
  "Đi học đầy đủ, đúng giờ; nghỉ học phải có giấy phép của cha mẹ hoặc người giám hộ; không bỏ giờ, trốn tiết.\n"
  "Mặc đồng phục, đeo thẻ học sinh theo quy định; đầu tóc gọn gàng; giữ gìn tác phong của học sinh.\n"
  "Học bài và làm bài đầy đủ; trung thực trong học tập, kiểm tra, thi cử.\n"
  "Giữ gìn vệ sinh trường lớp, bảo vệ cây xanh và tài sản của nhà trường.\n"
  "Chấp hành Luật Giao thông đường bộ; không đi xe máy khi chưa đủ tuổi; đội mũ bảo hiểm khi đi xe đạp điện, xe máy.\n"
  "Không mang vũ khí, chất cháy nổ, chất gây nghiện vào trường; không tham gia tệ nạn xã hội, bạo lực học đường.\n"
  "Sử dụng mạng xã hội có văn hóa; không xúc phạm danh dự, nhân phẩm của người khác.";

static const char staff_code[] =
  "Chấp hành nghiêm chỉnh chủ trương của Đảng, chính sách, pháp luật của Nhà nước và quy định của ngành, của nhà trường.\n"
  "Thực hiện đúng lịch trực 24/24 được phân công; không bỏ vị trí trực; ghi sổ giao ca đầy đủ, trung thực.\n"
  "Tôn trọng, yêu thương học sinh; không xúc phạm, trù dập, bạo hành học sinh dưới mọi hình thức.\n"
  "Kiểm tra, điểm danh học sinh nội trú đúng giờ; báo cáo ngay với Ban Giám hiệu khi có học sinh vắng mặt không lý do.\n"
  "Giữ bí mật thông tin cá nhân của học sinh và gia đình học sinh.\n"
  "Không uống rượu, bia trong giờ làm việc và ca trực; không hút thuốc lá trong khuôn viên nhà trường.\n"
  "Phối hợp với cha mẹ học sinh, công an xã trong công tác bảo đảm an ninh, trật tự trường học.";

/* ----- helpers ----------------------------------------------------------- */

/* @iso, or today when @iso is after it. */
static char *
not_after_today (const char *iso)
{
  g_autofree char *today = nt_date_today_iso ();

  return g_strdup (strcmp (iso, today) > 0 ? today : iso);
}

/* The day @days after the first of @month of @year, as ISO, never after today. */
static char *
school_day (int year,
            int month,
            int days)
{
  g_autoptr(GDate) date = g_date_new_dmy (1, (GDateMonth) month, (GDateYear) year);
  g_autofree char *iso = NULL;

  g_date_add_days (date, (guint) days);
  iso = nt_date_to_iso (date);
  return not_after_today (iso);
}

static gint64
add_set (const NtDemoContext  *ctx,
         const char           *family,
         const char           *name,
         const char           *audience,
         const char           *title,
         const char           *effective,
         const char           *body,
         GError              **error)
{
  NtRuleSetInput input = { name, audience, title, effective, body };

  if (family == NULL)
    return nt_rule_sets_create (ctx->store, &input, error);
  return nt_rule_sets_add_version (ctx->store, family, &input, error);
}

typedef struct
{
  gint64 id;
  gint64 class_id;
  gint64 homeroom;
  char   boarding;   /* 'b' boarding, 's' semi, 'd' day */
} Pupil;

static GArray *
load_pupils (NtStore  *store,
             GError  **error)
{
  g_autoptr(GArray) pupils = g_array_new (FALSE, FALSE, sizeof (Pupil));
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "SELECT s.id, s.class_id, c.homeroom_id, s.boarding FROM students s "
                                         "JOIN classes c ON c.id = s.class_id WHERE s.active = 1 "
                                         "ORDER BY c.grade, c.name, s.id", error);

  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Pupil p = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                  sqlite3_column_int64 (stmt, 2), ((const char *) sqlite3_column_text (stmt, 3))[0] };

      g_array_append_val (pupils, p);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&pupils);
}

static gboolean
insert_signature (NtStore     *store,
                  gint64       rule_set_id,
                  gboolean     staff,
                  gint64       person_id,
                  const char  *date,
                  gboolean     guardian,
                  gint64       collected_by,
                  GError     **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         staff
                                         ? "INSERT INTO commitments (rule_set_id, staff_id, signed_on, guardian_signed, collected_by) "
                                           "VALUES (?1, ?2, ?3, ?4, ?5)"
                                         : "INSERT INTO commitments (rule_set_id, student_id, signed_on, guardian_signed, collected_by) "
                                           "VALUES (?1, ?2, ?3, ?4, ?5)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rule_set_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, guardian ? 1 : 0);
  if (collected_by)
    sqlite3_bind_int64 (stmt, 5, collected_by);
  else
    sqlite3_bind_null (stmt, 5);
  return nt_store_step_done (store, stmt, error);
}

/* Each class's forms come back on a day of its own, @first + 0..@spread days. */
static gboolean
sign_students (const NtDemoContext  *ctx,
               GArray               *pupils,
               gint64                rule_set_id,
               int                   month,
               int                   first,
               int                   spread,
               double                p_signed,
               const guint8         *had,   /* nullable: sign only those with had[i] */
               gboolean              boarders_only,
               guint8               *signed_out,
               GError              **error)
{
  gint64 class_id = -1;
  g_autofree char *date = NULL;

  for (guint i = 0; i < pupils->len; i++)
    {
      const Pupil *p = &g_array_index (pupils, Pupil, i);

      if (p->class_id != class_id)
        {
          class_id = p->class_id;
          g_free (date);
          date = school_day (ctx->school_year, month, first + g_rand_int_range (ctx->rand, 0, spread + 1));
        }
      if ((had != NULL && !had[i]) || (boarders_only && p->boarding != 'b') || g_rand_double (ctx->rand) >= p_signed)
        continue;
      if (!insert_signature (ctx->store, rule_set_id, FALSE, p->id, date,
                             p->boarding == 'b' && g_rand_double (ctx->rand) < 0.93,
                             p->homeroom, error))
        return FALSE;
      if (signed_out)
        signed_out[i] = 1;
    }
  return TRUE;
}

/* ----- the part ---------------------------------------------------------- */

gboolean
nt_demo_commitments (const NtDemoContext  *ctx,
                     GError              **error)
{
  g_autoptr(GArray) pupils = NULL;
  g_autofree guint8 *signed_v1 = NULL;
  g_autofree char *dorm_from = g_strdup_printf ("15/08/%d", ctx->school_year);
  g_autofree char *dorm_v2_from = school_day (ctx->school_year, 10, 14);
  g_autofree char *school_from = g_strdup_printf ("05/09/%d", ctx->school_year);
  g_autofree char *staff_from = g_strdup_printf ("15/08/%d", ctx->school_year);
  g_autofree char *dorm_title_1 = g_strdup_printf ("NỘI QUY KHU NỘI TRÚ NĂM HỌC %d-%d",
                                                   ctx->school_year, ctx->school_year + 1);
  g_autofree char *dorm_family = NULL;
  sqlite3_stmt *stmt;
  gint64 dorm1, dorm2, school, staff, principal = 0;

  dorm1 = add_set (ctx, NULL, "Nội quy khu nội trú", "boarders", dorm_title_1, dorm_from, dorm_v1, error);
  if (dorm1 == 0)
    return FALSE;
  dorm_family = nt_rule_sets_family_key ("Nội quy khu nội trú");
  school = add_set (ctx, NULL, "Nội quy học sinh", "students", "NỘI QUY HỌC SINH", school_from, school_rules, error);
  if (school == 0)
    return FALSE;
  staff = add_set (ctx, NULL, "Quy tắc ứng xử của cán bộ, giáo viên, nhân viên", "staff",
                   "QUY TẮC ỨNG XỬ CỦA CÁN BỘ, GIÁO VIÊN, NHÂN VIÊN", staff_from, staff_code, error);
  if (staff == 0)
    return FALSE;

  pupils = load_pupils (ctx->store, error);
  if (pupils == NULL)
    return FALSE;
  signed_v1 = g_new0 (guint8, MAX (pupils->len, 1));
  /* The dorm rules at the start of the year, the school rules a little later. */
  if (!sign_students (ctx, pupils, dorm1, 9, 0, 12, 0.97, NULL, TRUE, signed_v1, error) ||
      !sign_students (ctx, pupils, school, 9, 6, 14, 0.95, NULL, FALSE, NULL, error))
    return FALSE;

  /* The dorm rules change in October: most sign again within two weeks. */
  dorm2 = add_set (ctx, dorm_family, NULL, NULL, dorm_title_1, dorm_v2_from, dorm_v2, error);
  if (dorm2 == 0)
    return FALSE;
  if (!sign_students (ctx, pupils, dorm2, 10, 16, 14, 0.86, signed_v1, TRUE, NULL, error))
    return FALSE;

  /* The staff sign at the first staff meeting; the principal collects. */
  stmt = nt_store_prepare (ctx->store, "SELECT id FROM staff WHERE role = 'principal' AND active = 1 LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    principal = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  {
    g_autoptr(GArray) staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_autofree char *date = school_day (ctx->school_year, 8, 19);

    stmt = nt_store_prepare (ctx->store, "SELECT id FROM staff WHERE active = 1 ORDER BY id", error);
    if (stmt == NULL)
      return FALSE;
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);

        g_array_append_val (staff_ids, id);
      }
    sqlite3_reset (stmt);
    for (guint i = 0; i < staff_ids->len; i++)
      {
        gint64 id = g_array_index (staff_ids, gint64, i);

        if (id != principal && g_rand_double (ctx->rand) >= 0.88)
          continue;
        if (!insert_signature (ctx->store, staff, TRUE, id, date, FALSE, principal, error))
          return FALSE;
      }
  }
  return TRUE;
}
