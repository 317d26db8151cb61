/* nt-demo-incidents.c: the demo school's incident book
 *
 * About a dozen incidents since the school year opened, of most
 * categories: the older ones closed with each kind of outcome, one opened
 * from the latest absence of a night check, one from an overdue leave
 * (being dealt with), a broken window still open past its limit, and a
 * theft of yesterday still open within it. Written through
 * nt_incidents_save(), so that they pass the same checks as a person's.
 */
#define G_LOG_DOMAIN "nt-demo-incidents"

#include <string.h>

#include "nt-demo-private.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-incidents.h"
#include "nt-util.h"

typedef struct
{
  gint64 student_id;
  gint64 room_id;
  gint64 building_id;
} Boarder;

typedef struct
{
  const NtDemoContext *ctx;
  GArray              *boarders;    /* Boarder, in id order */
  gint64               supervisor;
  gint64               guard;
  int                  span;        /* days from the opening of the year to today */
} Book;

/* 'YYYY-MM-DD HH:MM', @days_ago days before today at @hour:@minute; with
 * @days_ago 0 and no hour, now. */
static char *
time_ago (int days_ago,
          int hour,
          int minute)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, -days_ago);
  g_autoptr(GDateTime) at = NULL;

  if (days_ago == 0 && hour == 0 && minute == 0)
    return g_date_time_format (now, "%Y-%m-%d %H:%M");
  at = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                                   g_date_time_get_day_of_month (day), hour, minute, 0);

  return g_date_time_format (at, "%Y-%m-%d %H:%M");
}

static gboolean
load_book (Book     *b,
           GError  **error)
{
  NtStore *store = b->ctx->store;
  sqlite3_stmt *stmt;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) opening = g_date_time_new_local (b->ctx->school_year, 9, 5, 0, 0, 0);

  b->boarders = g_array_new (FALSE, FALSE, sizeof (Boarder));
  stmt = nt_store_prepare (store,
                           "SELECT s.id, r.id, r.building_id FROM students s "
                           "JOIN bed_assignments a ON a.student_id = s.id AND a.end_date IS NULL "
                           "JOIN beds bd ON bd.id = a.bed_id JOIN rooms r ON r.id = bd.room_id "
                           "WHERE s.active = 1 ORDER BY s.id", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Boarder x = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2) };
      g_array_append_val (b->boarders, x);
    }
  sqlite3_reset (stmt);
  b->supervisor = nt_store_count (store, "SELECT ifnull ((SELECT min (id) FROM staff WHERE role = 'supervisor' AND active = 1), 0)");
  b->guard = nt_store_count (store, "SELECT ifnull ((SELECT min (id) FROM staff WHERE role = 'guard' AND active = 1), 0)");
  b->span = (int) (g_date_time_difference (now, opening) / G_TIME_SPAN_DAY);
  b->span = MAX (b->span, 25);
  if (b->boarders->len < 8)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_FAILED,
                   _("The demo school has too few boarders in beds for its incident book."));
      return FALSE;
    }
  return TRUE;
}

static const Boarder *
pick (Book *b)
{
  return &g_array_index (b->boarders, Boarder, g_rand_int_range (b->ctx->rand, 0, (gint32) b->boarders->len));
}

/* Another boarder of the same building as @other. */
static const Boarder *
pick_near (Book          *b,
           const Boarder *other)
{
  guint start = (guint) g_rand_int_range (b->ctx->rand, 0, (gint32) b->boarders->len);

  for (guint i = 0; i < b->boarders->len; i++)
    {
      const Boarder *x = &g_array_index (b->boarders, Boarder, (start + i) % b->boarders->len);
      if (x->building_id == other->building_id && x->student_id != other->student_id)
        return x;
    }
  return other;
}

static void
add_student (GListStore    *people,
             const Boarder *who,
             const char    *part)
{
  g_autoptr(NtIncidentPerson) p = nt_incident_person_new_student (who->student_id, part);
  g_list_store_append (people, p);
}

static void
add_staff (GListStore *people,
           gint64      staff_id,
           const char *part)
{
  g_autoptr(NtIncidentPerson) p = NULL;

  if (staff_id == 0)
    return;
  p = nt_incident_person_new_staff (staff_id, part);
  g_list_store_append (people, p);
}

static void
add_outsider (GListStore *people,
              const char *name,
              const char *part)
{
  g_autoptr(NtIncidentPerson) p = nt_incident_person_new_outsider (name, part);
  g_list_store_append (people, p);
}

/* What was done after the incident happened and before now. */
static void
clamp_time (char       **value,
            const char  *occurred_at,
            const char  *now)
{
  if (*value == NULL)
    return;
  if (strcmp (*value, now) > 0)
    nt_set_str (value, now);
  if (strcmp (*value, occurred_at) < 0)
    nt_set_str (value, occurred_at);
}

typedef struct
{
  const char *category;
  int         severity;
  const char *place_kind;     /* "room" and "building" take the first person's */
  const char *place_text;
  int         hour;
  const char *description;
  const char *reported_by;
  const char *actions;
  gboolean    guardians;      /* informed an hour later by the supervisor */
  const char *police;         /* reported the next morning to, or NULL */
  const char *outcome;        /* NULL: still open */
  const char *outcome_note;
  int         days_to_close;
} Story;

static gboolean
write_story (Book          *b,
             const Story   *s,
             int            days_ago,
             NtIncident    *inc,
             GListStore    *people,
             const Boarder *where,
             GError       **error)
{
  int minute = g_rand_int_range (b->ctx->rand, 0, 60);
  g_autofree char *now = time_ago (0, 0, 0);

  if (inc->occurred_at == NULL)
    inc->occurred_at = time_ago (days_ago, s->hour, minute);
  nt_set_str (&inc->category, s->category);
  inc->severity = s->severity;
  if (inc->place_kind == NULL || s->place_kind != NULL)
    {
      nt_set_str (&inc->place_kind, s->place_kind);
      nt_set_str (&inc->place_text, s->place_text);
      inc->room_id = where && g_str_equal (s->place_kind, "room") ? where->room_id : 0;
      inc->building_id = where && g_str_equal (s->place_kind, "building") ? where->building_id : 0;
    }
  if (s->description)
    nt_set_str (&inc->description, s->description);
  if (s->reported_by)
    nt_set_str (&inc->reported_by, s->reported_by);
  nt_set_str (&inc->actions, s->actions);
  if (s->guardians)
    {
      g_free (inc->guardians_informed_at);
      inc->guardians_informed_at = time_ago (days_ago, MIN (s->hour + 1, 23), 55);
      inc->guardians_informed_by = b->supervisor;
    }
  if (s->police)
    {
      g_free (inc->police_reported_at);
      inc->police_reported_at = time_ago (days_ago - 1, 8, 0);
      nt_set_str (&inc->police_contact, s->police);
    }
  if (s->outcome)
    {
      nt_set_str (&inc->state, "closed");
      nt_set_str (&inc->outcome, s->outcome);
      nt_set_str (&inc->outcome_note, s->outcome_note);
      g_free (inc->closed_at);
      inc->closed_at = time_ago (MAX (days_ago - s->days_to_close, 0), 7, 30);
    }
  clamp_time (&inc->guardians_informed_at, inc->occurred_at, now);
  clamp_time (&inc->police_reported_at, inc->occurred_at, now);
  clamp_time (&inc->closed_at, inc->occurred_at, now);
  return nt_incidents_save (b->ctx->store, inc, G_LIST_MODEL (people), error) != 0;
}

/* A story of the year, @fraction of the way from today back to the
 * opening, with its people. */
static gboolean
tell (Book        *b,
      const Story *s,
      double       fraction,
      GListStore  *people,
      const Boarder *where,
      GError     **error)
{
  g_autoptr(NtIncident) inc = g_object_new (NT_TYPE_INCIDENT, NULL);
  int days_ago = MAX (4, (int) (b->span * fraction));

  return write_story (b, s, days_ago, inc, people, where, error);
}

static gboolean
tell_fight (Book    *b,
            GError **error)
{
  static const Story s = {
    "fighting", 2, "room", "", 21, "Hai em xô xát, đấm nhau vì tranh chỗ phơi quần áo; một em bị xước tay.",
    "Trưởng phòng", "Tách hai em, sơ cứu, lập biên bản, báo giáo viên chủ nhiệm.", TRUE, NULL,
    "disciplined", "Khiển trách trước lớp, viết bản kiểm điểm, cam kết không tái phạm.", 2,
  };
  g_autoptr(GListStore) people = g_list_store_new (NT_TYPE_INCIDENT_PERSON);
  const Boarder *a = pick (b);
  const Boarder *v = pick_near (b, a);

  add_student (people, a, "cause");
  add_student (people, v, "victim");
  return tell (b, &s, 0.9, people, a, error);
}

static gboolean
tell_theft (Book    *b,
            GError **error)
{
  static const Story s = {
    "theft", 1, "room", "", 19, "Mất 200.000 đồng để trong ba lô khi cả phòng đi học buổi chiều.",
    "Học sinh bị mất", "Hỏi từng em trong phòng, nhắc cất tiền vào tủ có khóa.", TRUE, NULL,
    "settled", "", 3,
  };
  g_autoptr(GListStore) people = g_list_store_new (NT_TYPE_INCIDENT_PERSON);
  const Boarder *v = pick (b);

  add_student (people, v, "victim");
  return tell (b, &s, 0.8, people, v, error);
}

static gboolean
tell_outsider (Book    *b,
               GError **error)
{
  static const Story s = {
    "outsider", 2, "gate", "", 20, "Một thanh niên say rượu đòi vào ký túc xá tìm học sinh, không xuất trình giấy tờ.",
    "Bảo vệ", "Bảo vệ không cho vào, mời ra khỏi cổng, báo Ban Giám hiệu.", FALSE, "Công an xã (đ/c trưởng công an xã)",
    "other", "Mời ra khỏi trường; công an xã đã nắm tình hình và nhắc nhở.", 1,
  };
  g_autoptr(GListStore) people = g_list_store_new (NT_TYPE_INCIDENT_PERSON);

  add_outsider (people, "Thanh niên không rõ tên (khoảng 20 tuổi)", "cause");
  add_staff (people, b->guard, "witness");
  return tell (b, &s, 0.7, people, NULL, error);
}

static gboolean
tell_health (Book    *b,
             GError **error)
{
  static const Story s = {
    "health", 2, "building", "", 23, "Học sinh sốt cao, co giật lúc gần nửa đêm.",
    "Giáo viên trực", "Nhân viên y tế sơ cứu, gọi xe đưa em đến trung tâm y tế huyện, báo gia đình.", TRUE, NULL,
    "other", "Em nằm viện hai ngày, đã khỏe và trở lại trường.", 3,
  };
  g_autoptr(GListStore) people = g_list_store_new (NT_TYPE_INCIDENT_PERSON);
  const Boarder *v = pick (b);

  add_student (people, v, "victim");
  return tell (b, &s, 0.6, people, v, error);
}

static gboolean
tell_fire (Book    *b,
           GError **error)
{
  static const Story s = {
    "fire", 2, "building", "", 22, "Ổ cắm hành lang tầng 2 bốc khói, có mùi khét, nhảy aptomat.",
    NULL, "Ngắt điện tầng 2, dùng bình bột kiểm tra, gọi thợ điện của trường.", FALSE, NULL,
    "other", "Thay ổ cắm và dây điện hành lang, kiểm tra lại điện toàn khu.", 2,
  };
  g_autoptr(GListStore) people = g_list_store_new (NT_TYPE_INCIDENT_PERSON);
  const Boarder *where = pick (b);
  g_autoptr(NtIncident) inc = g_object_new (NT_TYPE_INCIDENT, NULL);

  inc->reported_by = g_strdup ("Giáo viên trực");
  add_staff (people, b->supervisor, "witness");
  return write_story (b, &s, MAX (4, (int) (b->span * 0.5)), inc, people, where, error);
}

static gboolean
tell_violence (Book    *b,
               GError **error)
{
  static const Story s = {
    "violence", 3, "outside", "Quán nước đầu bản, cách cổng trường 300 m", 17,
    "Một nhóm học sinh chặn đường, đánh một em lớp dưới, quay video đăng lên mạng.",
    "Phụ huynh học sinh", "Đưa em đi khám, làm việc với các em và gia đình, yêu cầu gỡ video.", TRUE,
    "Công an xã, đ/c phụ trách địa bàn", "police", "", 6,
  };
  g_autoptr(GListStore) people = g_list_store_new (NT_TYPE_INCIDENT_PERSON);
  const Boarder *a = pick (b);
  const Boarder *v = pick_near (b, a);

  add_student (people, a, "cause");
  add_student (people, v, "victim");
  add_outsider (people, "Chủ quán nước", "witness");
  return tell (b, &s, 0.4, people, NULL, error);
}

static gboolean
tell_gambling (Book    *b,
               GError **error)
{
  static const Story s = {
    "social_evils", 2, "room", "", 22, "Ba em đánh bài ăn tiền trong phòng sau giờ ngủ.",
    "Giáo viên trực", "Thu bài, lập biên bản, mời gia đình lên làm việc.", TRUE, NULL,
    "disciplined", "Kỷ luật khiển trách, cam kết không tái phạm.", 4,
  };
  g_autoptr(GListStore) people = g_list_store_new (NT_TYPE_INCIDENT_PERSON);
  const Boarder *a = pick (b);

  add_student (people, a, "cause");
  for (guint i = 1; i < b->boarders->len && g_list_model_get_n_items (G_LIST_MODEL (people)) < 3; i++)
    {
      const Boarder *x = &g_array_index (b->boarders, Boarder, i);
      if (x->room_id == a->room_id && x->student_id != a->student_id)
        add_student (people, x, "cause");
    }
  return tell (b, &s, 0.3, people, a, error);
}

/* The latest absence of a closed night check, settled the next day. */
static gboolean
tell_absence (Book    *b,
              GError **error)
{
  static const Story s = {
    "left_without_permission", 2, NULL, NULL, 21, NULL, NULL,
    "Gọi điện cho gia đình; em về nhà không xin phép, sáng hôm sau đã trở lại trường.", TRUE, NULL,
    "settled", "", 1,
  };
  NtIncidentLink link = { NT_INCIDENT_LINK_NIGHT_CHECK, 0 };
  g_autoptr(NtIncident) inc = NULL;
  g_autoptr(GListStore) people = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *night = NULL;
  int days_ago;

  link.id = nt_store_count (b->ctx->store,
                            "SELECT ifnull ((SELECT e.id FROM night_check_entries e "
                            "JOIN night_checks c ON c.id = e.check_id "
                            "WHERE e.status = 'absent' AND c.closed_at IS NOT NULL "
                            "ORDER BY c.night DESC, e.id LIMIT 1), 0)");
  if (link.id == 0)
    return TRUE;
  inc = nt_incidents_new_from_link (b->ctx->store, &link, &people, error);
  if (inc == NULL)
    return FALSE;
  night = g_strndup (inc->occurred_at, 10);
  {
    g_autoptr(GDateTime) at = g_date_time_new_local ((int) g_ascii_strtoll (night, NULL, 10),
                                                     (int) g_ascii_strtoll (night + 5, NULL, 10),
                                                     (int) g_ascii_strtoll (night + 8, NULL, 10), 12, 0, 0);
    days_ago = MAX (1, (int) (g_date_time_difference (now, at) / G_TIME_SPAN_DAY));
  }
  return write_story (b, &s, days_ago, inc, people, NULL, error);
}

/* The most overdue leave, being dealt with. */
static gboolean
tell_overdue_leave (Book    *b,
                    GError **error)
{
  NtIncidentLink link = { NT_INCIDENT_LINK_LEAVE, 0 };
  g_autoptr(NtIncident) inc = NULL;
  g_autoptr(GListStore) people = NULL;

  link.id = nt_store_count (b->ctx->store,
                            "SELECT ifnull ((SELECT id FROM leaves WHERE state IN ('approved', 'out') "
                            "AND to_time < strftime ('%Y-%m-%d %H:%M', 'now', 'localtime') ORDER BY to_time, id LIMIT 1), 0)");
  if (link.id == 0)
    return TRUE;
  inc = nt_incidents_new_from_link (b->ctx->store, &link, &people, error);
  if (inc == NULL)
    return FALSE;
  inc->severity = 2;
  nt_set_str (&inc->reported_by, "Giáo viên trực");
  nt_set_str (&inc->actions, "Đã gọi điện cho gia đình; đang chờ gia đình đưa em trở lại trường.");
  nt_set_str (&inc->state, "in_progress");
  return nt_incidents_save (b->ctx->store, inc, G_LIST_MODEL (people), error) != 0;
}

/* A broken window three weeks ago, nobody has closed it: overdue. */
static gboolean
tell_window (Book    *b,
             GError **error)
{
  static const Story s = {
    "property", 1, "room", "", 16, "Vỡ kính cửa sổ phòng khi các em đùa nghịch ném bóng.",
    "Trưởng phòng", "Dọn mảnh kính, dán tạm bìa cứng, báo bộ phận cơ sở vật chất.", FALSE, NULL,
    NULL, NULL, 0,
  };
  g_autoptr(GListStore) people = g_list_store_new (NT_TYPE_INCIDENT_PERSON);
  g_autoptr(NtIncident) inc = g_object_new (NT_TYPE_INCIDENT, NULL);
  const Boarder *a = pick (b);

  add_student (people, a, "cause");
  return write_story (b, &s, MIN (21, b->span - 1), inc, people, a, error);
}

/* Yesterday's theft, still open, within its week. */
static gboolean
tell_phone (Book    *b,
            GError **error)
{
  static const Story s = {
    "theft", 1, "room", "", 18, "Mất điện thoại để sạc ở đầu giường trong giờ ăn tối.",
    "Học sinh bị mất", "Đã hỏi các em trong phòng; đang xem lại sổ khách ra vào.", TRUE, NULL,
    NULL, NULL, 0,
  };
  g_autoptr(GListStore) people = g_list_store_new (NT_TYPE_INCIDENT_PERSON);
  g_autoptr(NtIncident) inc = g_object_new (NT_TYPE_INCIDENT, NULL);
  const Boarder *v = pick (b);

  add_student (people, v, "victim");
  return write_story (b, &s, 1, inc, people, v, error);
}

/**
 * nt_demo_incidents:
 *
 * The demo school's incident book (see the top of this file).
 */
gboolean
nt_demo_incidents (const NtDemoContext  *ctx,
                   GError              **error)
{
  Book b = { ctx, NULL, 0, 0, 0 };
  gboolean ok;

  g_return_val_if_fail (ctx != NULL, FALSE);

  ok = load_book (&b, error) &&
       tell_fight (&b, error) &&
       tell_theft (&b, error) &&
       tell_outsider (&b, error) &&
       tell_health (&b, error) &&
       tell_fire (&b, error) &&
       tell_violence (&b, error) &&
       tell_gambling (&b, error) &&
       tell_absence (&b, error) &&
       tell_overdue_leave (&b, error) &&
       tell_window (&b, error) &&
       tell_phone (&b, error);
  g_clear_pointer (&b.boarders, g_array_unref);
  if (!ok)
    g_prefix_error (error, _("The demo school’s incidents could not be written: "));
  return ok;
}
