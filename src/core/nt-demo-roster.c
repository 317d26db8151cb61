/* nt-demo-roster.c: the demo school's duty roster and hand-over book
 *
 * Four posts as a boarding school staffs them: each dorm building around
 * the clock by the supervisors and the teachers on dorm duty (the girls'
 * building by women at night), the gate around the clock by guards, the
 * infirmary (room A101 of the boys' building) by the nurses from 06:00 to
 * 22:00. Four women cannot stand every night of the girls' building and
 * half its days without, some months, running into the rest and
 * consecutive-night rules; with the teachers they can. Nor can one nurse
 * and three guards fill their posts, so this part hires a guard and two
 * nurses. A few people have their availability (a day off, one who never
 * works nights, a guard with at most eight nights a month), and the
 * generator fills the current month, from the last night of the month
 * before (or from a week back when the month is young), with no gap. The
 * last seven days carry the hand-over notes of every shift that ended,
 * most of them taken over by the next person.
 *
 * Like the night checks, the roster is placed around the clock's today, so
 * the same seed gives the same roster on the same day.
 */
#define G_LOG_DOMAIN "nt-demo"

#include <stdlib.h>
#include <string.h>

#include "nt-date.h"
#include "nt-demo-private.h"
#include "nt-handovers.h"
#include "nt-leaves.h"
#include "nt-roster-private.h"
#include "nt-staff.h"
#include "nt-util.h"

#define HANDOVER_DAYS 7

typedef enum
{
  KIND_DORM,
  KIND_GATE,
  KIND_INFIRMARY,
} PostKind;

/* ----- the texts --------------------------------------------------------- */

/* Which shifts a note can belong to: a note about the morning exercise is
 * not written at the end of the afternoon shift. */
enum { MORNING = 1 << 0, AFTERNOON = 1 << 1, NIGHT = 1 << 2, ANY = MORNING | AFTERNOON | NIGHT };

/* {name} and {room} are a boarder of the post's building and their room. */
typedef struct
{
  int         when;
  const char *happened;
  const char *to_watch;   /* "" when there is nothing to watch */
} Note;

static const Note dorm_day_notes[] = {
  { MORNING, "Các em dậy đúng giờ, tập thể dục buổi sáng đầy đủ. Kiểm tra vệ sinh: phòng {room} chăn màn chưa gọn, "
    "đã nhắc nhở và các em đã sắp xếp lại.", "" },
  { AFTERNOON, "Buổi chiều các em lao động vệ sinh khu nội trú. Em {name} (phòng {room}) về nhà lúc 16 giờ 30 "
    "theo giấy xin phép của gia đình.", "Em {name} hẹn trở lại trước 17 giờ chủ nhật; khi em về nhắc em báo ca trực." },
  { AFTERNOON, "Giờ tự học buổi tối nghiêm túc. Điểm danh tối đủ quân số theo danh sách, trừ các em đã có phép về nhà.",
    "Nhắc phòng {room} tắt điện đúng 22 giờ." },
  { AFTERNOON, "Em {name} (phòng {room}) bị trầy tay khi chơi bóng, đã đưa xuống phòng y tế sát trùng, băng lại.",
    "Xem lại vết thương của em {name} buổi tối." },
  { MORNING | AFTERNOON, "Ca trực bình thường, không có gì bất thường. Đã kiểm tra khóa cửa các phòng khi học sinh lên lớp.", "" },
  { AFTERNOON, "Phụ huynh em {name} đến thăm lúc 15 giờ, gặp em ở phòng tiếp khách, đã ghi sổ.",
    "Gia đình gửi thuốc dạ dày cho em {name}, đang để ở phòng trực; nhắc em uống sau bữa tối." },
};

static const Note dorm_night_notes[] = {
  { NIGHT, "Điểm danh lúc 21 giờ 30 đủ quân số. Tắt điện lúc 22 giờ, khu nhà yên tĩnh suốt đêm.", "" },
  { NIGHT, "Khoảng 23 giờ em {name} (phòng {room}) kêu đau bụng, đã đưa xuống phòng y tế, nhân viên y tế cho uống "
    "thuốc, theo dõi đến 1 giờ thì đỡ, em về phòng ngủ.", "Theo dõi sức khỏe em {name}, nhắc em ăn sáng đầy đủ." },
  { NIGHT, "Phòng {room} còn nói chuyện riêng sau giờ ngủ, đã nhắc nhở, các em chấp hành.",
    "Nhắc lại nội quy giờ ngủ với phòng {room} trong buổi sinh hoạt." },
  { NIGHT, "Mất điện tầng 2 từ 0 giờ 15 đến 0 giờ 40; đã kiểm tra, đèn sự cố sáng, không có sự cố gì.",
    "Báo tổ bảo trì kiểm tra lại aptomat tầng 2." },
  { NIGHT, "Vòi nước nhà vệ sinh tầng 3 bị rỉ suốt đêm, đã khóa van tổng của tầng lúc 2 giờ.",
    "Sáng mở lại van cho các em vệ sinh cá nhân và báo bảo trì thay vòi." },
  { NIGHT, "Em {name} (phòng {room}) nhớ nhà, khóc lúc 22 giờ 30; đã nói chuyện, động viên, em ngủ lúc 23 giờ.",
    "Báo giáo viên chủ nhiệm để quan tâm em {name}." },
};

static const Note gate_notes[] = {
  { MORNING | AFTERNOON, "Kiểm soát người ra vào theo quy định; có hai lượt phụ huynh đến thăm, đã ghi sổ khách.", "" },
  { MORNING, "Xe chở thực phẩm vào bếp lúc 6 giờ 30, đã kiểm tra hàng và ghi sổ.", "" },
  { AFTERNOON, "Có người lạ đứng trước cổng lúc 21 giờ, đã hỏi và yêu cầu rời đi; đã báo giáo viên trực.",
    "Chú ý khu vực trước cổng buổi tối; khóa cổng phụ đúng 22 giờ." },
  { AFTERNOON | NIGHT, "Đèn chiếu sáng cổng phụ chập chờn, đã báo tổ bảo trì.", "Kiểm tra lại đèn cổng phụ khi trời tối." },
  { NIGHT, "Ca trực bình thường. Tuần tra quanh khu nội trú lúc 23 giờ và 3 giờ, không phát hiện gì bất thường.", "" },
  { AFTERNOON, "Em {name} ra cổng lúc 16 giờ 40 có giấy phép về nhà, người nhà đón bằng xe máy.", "" },
};

static const Note infirmary_notes[] = {
  { MORNING, "Khám và cấp thuốc cho ba em cảm cúm nhẹ. Em {name} (phòng {room}) sốt 38 độ, đã hạ sốt, đang nằm theo dõi "
    "tại phòng y tế.", "Đo lại nhiệt độ cho em {name} lúc 18 giờ; nếu còn sốt thì báo gia đình." },
  { ANY, "Không có học sinh phải nằm lại. Kiểm tra tủ thuốc: sắp hết thuốc hạ sốt dạng gói.",
    "Lập danh sách thuốc cần bổ sung, trình Ban Giám hiệu." },
  { AFTERNOON, "Sơ cứu cho em {name} bị trẹo chân khi đá bóng; chườm lạnh, cho em nghỉ thể dục hai ngày.",
    "Nhắc em {name} hạn chế đi lại, xem lại chỗ sưng buổi chiều." },
  { ANY, "Theo dõi em {name} (phòng {room}) hen suyễn, em đã dùng thuốc xịt, thở bình thường.", "" },
};

/* ----- staff, posts, shifts ------------------------------------------------- */

static const char * const guard_names[] = { "Lò Văn Thắng", "Quàng Văn Dũng", "Điêu Chính Hải" };
static const char * const nurse_names[] = { "Lường Thị Hoa", "Cầm Thị Mai", "Tòng Thị Thu", "Hà Thị Lan" };

static gint64
hire (const NtDemoContext  *ctx,
      const char           *name,
      const char           *gender,
      const char           *role,
      GError              **error)
{
  g_autofree char *code = g_strdup_printf ("GV%03d", (int) nt_store_count (ctx->store, "SELECT count(*) FROM staff") + 1);
  g_autofree char *phone = g_strdup_printf ("09%08d", g_rand_int_range (ctx->rand, 0, 100000000));
  NtStaffInput in = { code, name, gender, role, phone };

  return nt_staff_add (ctx->store, &in, error);
}

static gint64
building_of (NtStore    *store,
             const char *gender)
{
  sqlite3_stmt *stmt = nt_store_prepare (store, "SELECT id FROM buildings WHERE gender = ?1 ORDER BY id LIMIT 1", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, gender, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* The @n-th (from 0) active staff member of @role and @gender ("" = any), or 0. */
static gint64
nth_staff (NtStore    *store,
           const char *role,
           const char *gender,
           int         n)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "SELECT id FROM staff WHERE active = 1 AND role = ?1 "
                                         "AND (?2 = '' OR gender = ?2) ORDER BY id LIMIT 1 OFFSET ?3", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, role, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, gender, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, n);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

typedef struct
{
  gint64    id;
  PostKind  kind;
  gint64    building_id;
} DemoPost;

static gboolean
add_setup (const NtDemoContext  *ctx,
           DemoPost             *posts,
           GError              **error)
{
  const NtShiftInput shifts[] = {
    { "Ca sáng", "06:00", "14:00", FALSE, NULL },
    { "Ca chiều", "14:00", "22:00", FALSE, NULL },
    { "Ca đêm", "22:00", "06:00", TRUE, NULL },
  };
  gint64 boys = building_of (ctx->store, "M");
  gint64 girls = building_of (ctx->store, "F");
  const NtPostInput inputs[] = {
    { "Ký túc xá nam (Nhà A)", boys, NULL, NULL, 1, "supervisor,teacher", "M" },
    { "Ký túc xá nữ (Nhà B)", girls, NULL, NULL, 1, "supervisor,teacher", "F" },
    { "Cổng trường", 0, NULL, NULL, 1, "guard", "X" },
    { "Phòng y tế (Nhà A)", boys, "06:00", "22:00", 1, "medical", "X" },
  };
  const PostKind kinds[] = { KIND_DORM, KIND_DORM, KIND_GATE, KIND_INFIRMARY };

  for (guint i = 0; i < G_N_ELEMENTS (shifts); i++)
    if (nt_roster_shift_add (ctx->store, &shifts[i], error) == 0)
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      posts[i].id = nt_roster_post_add (ctx->store, &inputs[i], error);
      posts[i].kind = kinds[i];
      posts[i].building_id = inputs[i].building_id;
      if (posts[i].id == 0)
        return FALSE;
    }
  return TRUE;
}

/* A guard and two nurses more: the gate around the clock and the
 * infirmary sixteen hours a day, each person with days off. */
static gboolean
add_staff (const NtDemoContext  *ctx,
           GError              **error)
{
  guint g = (guint) g_rand_int_range (ctx->rand, 0, G_N_ELEMENTS (guard_names));
  guint n = (guint) g_rand_int_range (ctx->rand, 0, G_N_ELEMENTS (nurse_names));

  return hire (ctx, guard_names[g], "M", "guard", error) != 0 &&
         hire (ctx, nurse_names[n], "F", "medical", error) != 0 &&
         hire (ctx, nurse_names[(n + 1) % G_N_ELEMENTS (nurse_names)], "F", "medical", error) != 0;
}

static gboolean
add_availability (const NtDemoContext  *ctx,
                  const char           *day_off,
                  GError              **error)
{
  /* A supervisor with a small child never works nights; another has a
   * day off for a family wedding; a guard studies and stands at most
   * eight nights a month. */
  return nt_roster_availability_add (ctx->store, nth_staff (ctx->store, "supervisor", "F", 1),
                                     "never_nights", NULL, NULL, 0, error) != 0 &&
         nt_roster_availability_add (ctx->store, nth_staff (ctx->store, "supervisor", "M", 0),
                                     "day_off", day_off, day_off, 0, error) != 0 &&
         nt_roster_availability_add (ctx->store, nth_staff (ctx->store, "guard", "", 1),
                                     "max_nights", NULL, NULL, 8, error) != 0;
}

/* ----- the hand-over book ---------------------------------------------------- */

typedef struct
{
  gint64  student_id;
  char   *name;
  char   *room;
} Boarder;

static void
boarder_clear (gpointer data)
{
  Boarder *b = data;

  g_free (b->name);
  g_free (b->room);
}

/* The boarders in a bed of @building_id now, by id. */
static GArray *
boarders_of (NtStore *store,
             gint64   building_id)
{
  GArray *list = g_array_new (FALSE, TRUE, sizeof (Boarder));
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "SELECT s.id, s.full_name, r.number FROM bed_assignments a "
                                         "JOIN beds b ON b.id = a.bed_id JOIN rooms r ON r.id = b.room_id "
                                         "JOIN students s ON s.id = a.student_id "
                                         "WHERE a.end_date IS NULL AND s.active = 1 AND (?1 = 0 OR r.building_id = ?1) "
                                         "ORDER BY s.id", NULL);

  g_array_set_clear_func (list, boarder_clear);
  if (stmt == NULL)
    return list;
  sqlite3_bind_int64 (stmt, 1, building_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Boarder b = {
        sqlite3_column_int64 (stmt, 0),
        g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
      };
      g_array_append_val (list, b);
    }
  sqlite3_reset (stmt);
  return list;
}

static char *
fill_in (const char    *text,
         const Boarder *b)
{
  GString *out = g_string_new (text);

  g_string_replace (out, "{name}", b ? b->name : "", 0);
  g_string_replace (out, "{room}", b ? b->room : "", 0);
  return g_string_free (out, FALSE);
}

/* 'YYYY-MM-DD HH:MM' @minutes after @at. */
static char *
moment_plus (const char *at,
             int         minutes)
{
  g_autoptr(GDateTime) t = g_date_time_new_local (atoi (at), atoi (at + 5), atoi (at + 8),
                                                  atoi (at + 11), atoi (at + 14), 0);
  g_autoptr(GDateTime) later = g_date_time_add_minutes (t, minutes);

  return g_date_time_format (later, "%Y-%m-%d %H:%M");
}

static char *
duty_end (NtDuty *d)
{
  g_autofree char *day = strcmp (d->end_time, d->start_time) <= 0
                         ? nt_roster_day_iso (nt_roster_day_number (d->date) + 1) : g_strdup (d->date);

  return g_strdup_printf ("%s %s", day, d->end_time);
}

/* The note at the end of @d, and its taking over by @next (nullable) at
 * the start of the next shift, unless that is still to come or the next
 * person forgot (one time in ten). */
static gboolean
write_note (const NtDemoContext  *ctx,
            const DemoPost       *post,
            GArray               *boarders,
            NtDuty               *d,
            NtDuty               *next,
            const char           *now,
            GError              **error)
{
  const Note *pool;
  guint n_pool;
  const Note *note;
  const Boarder *b = NULL;
  g_autofree char *end = duty_end (d);
  g_autofree char *written_at = moment_plus (end, -g_rand_int_range (ctx->rand, 5, 20));
  g_autofree char *happened = NULL;
  g_autofree char *to_watch = NULL;
  NtHandoverInput in = { 0 };
  gint64 id;

  switch (post->kind)
    {
    case KIND_GATE:
      pool = gate_notes;
      n_pool = G_N_ELEMENTS (gate_notes);
      break;
    case KIND_INFIRMARY:
      pool = infirmary_notes;
      n_pool = G_N_ELEMENTS (infirmary_notes);
      break;
    case KIND_DORM:
    default:
      pool = strcmp (d->end_time, d->start_time) <= 0 ? dorm_night_notes : dorm_day_notes;
      n_pool = strcmp (d->end_time, d->start_time) <= 0 ? G_N_ELEMENTS (dorm_night_notes) : G_N_ELEMENTS (dorm_day_notes);
      break;
    }
  {
    /* A note of this shift's time of day: one at random among those. */
    int start = 0, when;
    guint fitting = 0, pick;

    nt_roster_time_parse (d->start_time, FALSE, &start);
    when = start < 12 * 60 ? MORNING : start < 20 * 60 ? AFTERNOON : NIGHT;
    for (guint i = 0; i < n_pool; i++)
      fitting += (pool[i].when & when) != 0;
    note = &pool[0];
    pick = fitting > 0 ? (guint) g_rand_int_range (ctx->rand, 0, (gint32) fitting) : 0;
    for (guint i = 0; i < n_pool; i++)
      if ((pool[i].when & when) != 0 && pick-- == 0)
        {
          note = &pool[i];
          break;
        }
  }
  if (boarders->len > 0)
    b = &g_array_index (boarders, Boarder, g_rand_int_range (ctx->rand, 0, (gint32) boarders->len));
  happened = fill_in (note->happened, b);
  to_watch = fill_in (note->to_watch, b);

  in.post_id = d->post_id;
  in.shift_id = d->shift_id;
  in.date = d->date;
  in.written_by = d->staff_id;
  in.written_at = written_at;
  in.happened = happened;
  in.to_watch = to_watch;
  id = nt_handovers_write (ctx->store, &in, error);
  if (id == 0)
    return FALSE;

  if (next != NULL && next->staff_id != d->staff_id && g_rand_double (ctx->rand) >= 0.1)
    {
      g_autofree char *start = g_strdup_printf ("%s %s", next->date, next->start_time);
      g_autofree char *taken_at = moment_plus (start, g_rand_int_range (ctx->rand, 0, 10));

      if (strcmp (taken_at, now) <= 0 &&
          !nt_handovers_acknowledge (ctx->store, id, next->staff_id, taken_at, error))
        return FALSE;
    }
  return TRUE;
}

/* Every shift that ended in the last seven days gets its note. */
static gboolean
add_handovers (const NtDemoContext  *ctx,
               const DemoPost       *posts,
               guint                 n_posts,
               const char           *first_day,
               const char           *today,
               GError              **error)
{
  g_autofree char *now = nt_leave_time_now ();
  g_autofree char *from = g_strdup_printf ("%s 00:00", first_day);
  g_autoptr(GListStore) duties = nt_roster_duties (ctx->store, first_day, today, 0, error);
  g_autoptr(GArray) boys = NULL;
  g_autoptr(GArray) girls = NULL;
  g_autoptr(GArray) everyone = NULL;

  if (duties == NULL)
    return FALSE;
  boys = boarders_of (ctx->store, posts[0].building_id);
  girls = boarders_of (ctx->store, posts[1].building_id);
  everyone = boarders_of (ctx->store, 0);

  for (guint p = 0; p < n_posts; p++)
    {
      const DemoPost *post = &posts[p];
      GArray *boarders = post == &posts[0] ? boys : post == &posts[1] ? girls : everyone;
      g_autoptr(GPtrArray) mine = g_ptr_array_new_with_free_func (g_object_unref);

      /* The duties come by date and shift start: this post's, in turn. */
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (duties)); i++)
        {
          NtDuty *d = g_list_model_get_item (G_LIST_MODEL (duties), i);

          if (d->post_id == post->id)
            g_ptr_array_add (mine, d);
          else
            g_object_unref (d);
        }
      for (guint i = 0; i < mine->len; i++)
        {
          NtDuty *d = g_ptr_array_index (mine, i);
          g_autofree char *start = g_strdup_printf ("%s %s", d->date, d->start_time);
          g_autofree char *end = duty_end (d);

          if (strcmp (start, from) < 0 || strcmp (end, now) > 0)
            continue;
          if (!write_note (ctx, post, boarders, d,
                           i + 1 < mine->len ? g_ptr_array_index (mine, i + 1) : NULL, now, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* ----- the part ------------------------------------------------------------ */

/**
 * nt_demo_roster:
 *
 * Posts, shifts, availability, the roster of the current month (from the
 * last night of the month before, or from a week back when the month
 * started less than a week ago) without a gap, and a week of hand-over
 * notes.
 */
/* The public holidays of the school year that fall on fixed days of the
 * solar calendar (Tết and the Hùng Kings' day move with the lunar one and
 * are entered by the school each year). */
static gboolean
add_holidays (const NtDemoContext  *ctx,
              GError              **error)
{
  static const struct { int month; int day; const char *name; } fixed[] = {
    { 9, 2, "Quốc khánh" },
    { 1, 1, "Tết Dương lịch" },
    { 4, 30, "Ngày Giải phóng miền Nam, thống nhất đất nước" },
    { 5, 1, "Ngày Quốc tế Lao động" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    {
      int year = fixed[i].month >= 8 ? ctx->school_year : ctx->school_year + 1;
      g_autofree char *day = g_strdup_printf ("%04d-%02d-%02d", year, fixed[i].month, fixed[i].day);

      if (nt_roster_holiday_add (ctx->store, day, fixed[i].name, error) == 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
nt_demo_roster (const NtDemoContext  *ctx,
                GError              **error)
{
  DemoPost posts[4] = { { 0 } };
  g_autofree char *today = nt_date_today_iso ();
  int day = nt_roster_day_number (today);
  g_autoptr(GDate) date = nt_date_from_iso (today);
  g_autoptr(GDate) month_start = g_date_new_dmy (1, g_date_get_month (date), g_date_get_year (date));
  g_autoptr(GDate) month_end = g_date_new_dmy (g_date_get_days_in_month (g_date_get_month (date), g_date_get_year (date)),
                                               g_date_get_month (date), g_date_get_year (date));
  g_autofree char *week_back = nt_roster_day_iso (day - HANDOVER_DAYS);
  g_autofree char *first = NULL;
  g_autofree char *last = nt_date_to_iso (month_end);
  g_autofree char *day_off = nt_roster_day_iso (day + 2);
  g_autoptr(NtRosterReport) report = NULL;

  g_return_val_if_fail (ctx != NULL, FALSE);

  /* The night before the month's first day covers its first hours. */
  g_date_subtract_days (month_start, 1);
  first = nt_date_to_iso (month_start);
  if (strcmp (week_back, first) < 0)
    nt_set_str (&first, week_back);
  if (!add_setup (ctx, posts, error) ||
      !add_staff (ctx, error) ||
      !add_availability (ctx, day_off, error) ||
      !add_holidays (ctx, error))
    return FALSE;
  if (!nt_roster_generate (ctx->store, first, last, NULL, NULL, &report, error))
    return FALSE;
  if (g_list_model_get_n_items (G_LIST_MODEL (report->unfilled)) > 0)
    {
      g_autoptr(NtRosterProblem) pr = g_list_model_get_item (G_LIST_MODEL (report->unfilled), 0);

      /* A demo with a gap teaches the wrong thing, but is still a school
       * to try the program on: said, not refused. test-roster-rules checks
       * that the default school has none. */
      g_message ("The demo roster has a gap: %s", pr->message);
    }
  return add_handovers (ctx, posts, G_N_ELEMENTS (posts), week_back, today, error);
}
