/* test-incidents.c: the incident book: fields, states, refusals, filters,
 * counts, links and who may read and write it */
#include <string.h>

#include "nt-access.h"
#include "nt-error.h"
#include "nt-incidents.h"
#include "nt-staff.h"
#include "nt-test-util.h"
#include "nt-util.h"

#include "rooms-fixture.h"

typedef struct
{
  NtStore *store;
  gint64   c10;
  gint64   an;        /* Nguyễn Văn An, in room A101 */
  gint64   binh;      /* Lò Thị Bình */
  gint64   chi;       /* Vàng A Chỉ */
  gint64   a;         /* building A */
  gint64   b;         /* building B */
  gint64   a101;
  gint64   b201;
  gint64   sup;       /* a supervisor */
  gint64   teacher;
  gint64   office;
  gint64   principal;
} School;

static gint64
fx_staff (NtStore    *store,
          const char *name,
          const char *role)
{
  static int n;
  g_autofree char *code = g_strdup_printf ("NV%03d", ++n);
  NtStaffInput in = { code, name, "F", role, "" };
  g_autoptr(GError) error = NULL;
  gint64 id = nt_staff_add (store, &in, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
school_init (School *s)
{
  s->store = nt_test_new_store ();
  fx_exec_id (s->store, "INSERT INTO school (id, name, school_year, curfew) VALUES (1, 'Trường PTDTNT Thử', '2024-2025', '21:30')");
  s->c10 = fx_class (s->store, "10A1", 10);
  s->an = fx_student (s->store, "Nguyễn Văn An", "M", s->c10);
  s->binh = fx_student (s->store, "Lò Thị Bình", "F", s->c10);
  s->chi = fx_student (s->store, "Vàng A Chỉ", "M", s->c10);
  s->a = fx_building (s->store, "Nhà A", "M");
  s->b = fx_building (s->store, "Nhà B", "F");
  s->a101 = fx_room (s->store, s->a, "A101", 4, "M");
  s->b201 = fx_room (s->store, s->b, "B201", 4, "F");
  s->sup = fx_staff (s->store, "Trần Thị Trực", "supervisor");
  s->teacher = fx_staff (s->store, "Hà Văn Giảng", "teacher");
  s->office = fx_staff (s->store, "Phạm Thị Văn Thư", "office");
  s->principal = fx_staff (s->store, "Đỗ Văn Hiệu", "principal");
}

static void
school_clear (School *s)
{
  g_clear_object (&s->store);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (School, school_clear)

/* A valid incident: a fight in room A101 on the evening of 08/03/2025. */
static NtIncident *
fight (const School *s)
{
  NtIncident *inc = g_object_new (NT_TYPE_INCIDENT, NULL);

  inc->occurred_at = g_strdup ("2025-03-08 20:15");
  inc->place_kind = g_strdup ("room");
  inc->room_id = s->a101;
  inc->category = g_strdup ("fighting");
  inc->severity = 2;
  inc->description = g_strdup ("Hai em xô xát vì tranh chỗ phơi quần áo.");
  inc->reported_by = g_strdup ("Em Lầu A Dế, trưởng phòng");
  inc->actions = g_strdup ("Tách hai em, lập biên bản, báo giáo viên chủ nhiệm.");
  return inc;
}

static GListStore *
fight_people (const School *s)
{
  GListStore *people = g_list_store_new (NT_TYPE_INCIDENT_PERSON);
  g_autoptr(NtIncidentPerson) p1 = nt_incident_person_new_student (s->an, "cause");
  g_autoptr(NtIncidentPerson) p2 = nt_incident_person_new_student (s->chi, "victim");
  g_autoptr(NtIncidentPerson) p3 = nt_incident_person_new_outsider ("Ông Sùng Văn Hàng", "witness");

  g_list_store_append (people, p1);
  g_list_store_append (people, p2);
  g_list_store_append (people, p3);
  return people;
}

static gint64
save_ok (const School *s,
         NtIncident   *inc,
         GListStore   *people)
{
  g_autoptr(GError) error = NULL;
  gint64 id = nt_incidents_save (s->store, inc, people ? G_LIST_MODEL (people) : NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
n_incidents (const School *s)
{
  return fx_count (s->store, "SELECT count(*) FROM incidents");
}

/* ----- fields ------------------------------------------------------------- */

static void
test_categories (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  const NtIncidentCategory *cats;
  guint n;

  cats = nt_incident_categories (&n);
  /* The ten categories of the issue, in the list's order, each one the
   * database accepts (its CHECK names the same ids). */
  g_assert_cmpuint (n, ==, 10);
  g_assert_cmpstr (cats[0].id, ==, "violence");
  g_assert_cmpstr (cats[9].id, ==, "other");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO incidents (occurred_at, category) VALUES ('2025-01-01 10:00', '%s')",
                                              cats[i].id);
      g_assert_cmpint (cats[i].limit_days, >, 0);
      g_assert_cmpint (cats[i].limit_days, <=, 30);
      g_assert_true (cats[i].label[0] != '\0');
      g_assert_cmpint (sqlite3_exec (nt_store_get_db (store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  g_assert_cmpint (nt_incident_category_lookup ("left_without_permission")->limit_days, ==, 2);
  g_assert_null (nt_incident_category_lookup ("arson"));
}

static void
test_save_and_load (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(NtIncident) inc = NULL;
  g_autoptr(NtIncident) back = NULL;
  g_autoptr(GListStore) people = NULL;
  g_autoptr(GListStore) people_back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  school_init (&s);
  g_assert_true (nt_store_set_actor (s.store, s.sup, &error));
  inc = fight (&s);
  inc->guardians_informed_at = g_strdup ("2025-03-08 21:00");
  inc->guardians_informed_by = s.sup;
  inc->police_reported_at = g_strdup ("2025-03-09 08:00");
  inc->police_contact = g_strdup ("Đ/c Hờ A Sử, Công an xã");
  people = fight_people (&s);
  id = save_ok (&s, inc, people);
  g_assert_cmpint (inc->id, ==, id);
  g_assert_cmpint (inc->created_by, ==, s.sup);

  back = nt_incidents_load (s.store, id, "2025-03-09 09:00", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->occurred_at, ==, "2025-03-08 20:15");
  g_assert_cmpstr (back->place_kind, ==, "room");
  g_assert_cmpint (back->room_id, ==, s.a101);
  /* A room's building is kept too, for the building filter. */
  g_assert_cmpint (back->building_id, ==, s.a);
  g_assert_cmpstr (back->room_number, ==, "A101");
  g_assert_cmpstr (back->building_name, ==, "Nhà A");
  g_assert_cmpstr (back->category, ==, "fighting");
  g_assert_cmpint (back->severity, ==, 2);
  g_assert_cmpstr (back->description, ==, "Hai em xô xát vì tranh chỗ phơi quần áo.");
  g_assert_cmpstr (back->reported_by, ==, "Em Lầu A Dế, trưởng phòng");
  g_assert_cmpstr (back->actions, ==, "Tách hai em, lập biên bản, báo giáo viên chủ nhiệm.");
  g_assert_cmpstr (back->guardians_informed_at, ==, "2025-03-08 21:00");
  g_assert_cmpint (back->guardians_informed_by, ==, s.sup);
  g_assert_cmpstr (back->guardians_informed_by_name, ==, "Trần Thị Trực");
  g_assert_cmpstr (back->police_reported_at, ==, "2025-03-09 08:00");
  g_assert_cmpstr (back->police_contact, ==, "Đ/c Hờ A Sử, Công an xã");
  g_assert_cmpstr (back->state, ==, "open");
  g_assert_null (back->outcome);
  g_assert_null (back->closed_at);
  g_assert_cmpint (back->source_kind, ==, NT_INCIDENT_LINK_NONE);
  g_assert_cmpint (back->created_by, ==, s.sup);
  g_assert_nonnull (strstr (back->people, "Nguyễn Văn An"));
  g_assert_nonnull (strstr (back->people, "Ông Sùng Văn Hàng"));
  g_assert_true (strstr (back->people, "Nguyễn Văn An") < strstr (back->people, "Vàng A Chỉ"));
  g_assert_cmpint (back->age_days, ==, 1);

  people_back = nt_incidents_people (s.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people_back)), ==, 3);
  {
    g_autoptr(NtIncidentPerson) p0 = g_list_model_get_item (G_LIST_MODEL (people_back), 0);
    g_autoptr(NtIncidentPerson) p2 = g_list_model_get_item (G_LIST_MODEL (people_back), 2);

    g_assert_cmpint (p0->student_id, ==, s.an);
    g_assert_cmpstr (p0->part, ==, "cause");
    g_assert_cmpstr (p0->name, ==, "Nguyễn Văn An");
    g_assert_cmpstr (p0->detail, ==, "10A1");
    g_assert_cmpint (p2->student_id, ==, 0);
    g_assert_cmpstr (p2->outsider_name, ==, "Ông Sùng Văn Hàng");
    g_assert_cmpstr (p2->part, ==, "witness");
  }

  /* Saving again replaces the people: Chỉ drops out, Bình comes in. */
  {
    g_autoptr(GListStore) fewer = g_list_store_new (NT_TYPE_INCIDENT_PERSON);
    g_autoptr(NtIncidentPerson) p = nt_incident_person_new_student (s.binh, "witness");
    g_autoptr(GListStore) again = NULL;

    g_list_store_append (fewer, p);
    nt_set_str (&back->actions, "Đã họp phụ huynh.");
    g_assert_cmpint (nt_incidents_save (s.store, back, G_LIST_MODEL (fewer), &error), ==, id);
    g_assert_no_error (error);
    again = nt_incidents_people (s.store, id, &error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 1);
    g_assert_cmpint (fx_count (s.store, "SELECT count(*) FROM incident_people"), ==, 1);
  }

  /* The audit log keeps the columns 001's triggers left out. */
  g_assert_cmpint (fx_count (s.store, "SELECT count(*) FROM audit_log WHERE table_name = 'incidents' "
                             "AND json_extract (new_values, '$.police_reported_at') = '2025-03-09 08:00'"), ==, 2);
  g_assert_cmpint (fx_count (s.store, "SELECT count(*) FROM audit_log WHERE table_name = 'incident_people' "
                             "AND json_extract (new_values, '$.outsider_name') = 'Ông Sùng Văn Hàng'"), ==, 1);
}

/* ----- refusals ----------------------------------------------------------- */

typedef void (*Spoil) (const School *s, NtIncident *inc, GListStore *people);

static void spoil_time (const School *s, NtIncident *inc, GListStore *p) { nt_set_str (&inc->occurred_at, "08/03/2025 20:15"); }
static void spoil_future (const School *s, NtIncident *inc, GListStore *p) { nt_set_str (&inc->occurred_at, "2999-01-01 10:00"); }
static void spoil_place (const School *s, NtIncident *inc, GListStore *p) { nt_set_str (&inc->place_kind, "roof"); }
static void spoil_room (const School *s, NtIncident *inc, GListStore *p) { inc->room_id = 0; }
static void spoil_building (const School *s, NtIncident *inc, GListStore *p) { nt_set_str (&inc->place_kind, "building"); inc->building_id = 9999; }
static void spoil_outside (const School *s, NtIncident *inc, GListStore *p) { nt_set_str (&inc->place_kind, "outside"); nt_set_str (&inc->place_text, "  "); }
static void spoil_category (const School *s, NtIncident *inc, GListStore *p) { nt_set_str (&inc->category, "arson"); }
static void spoil_severity (const School *s, NtIncident *inc, GListStore *p) { inc->severity = 4; }
static void spoil_description (const School *s, NtIncident *inc, GListStore *p) { nt_set_str (&inc->description, " \n "); }
static void spoil_guardians_before (const School *s, NtIncident *inc, GListStore *p) { nt_set_str (&inc->guardians_informed_at, "2025-03-08 19:00"); }
static void spoil_guardians_by_only (const School *s, NtIncident *inc, GListStore *p) { inc->guardians_informed_by = s->sup; }
static void spoil_police_before (const School *s, NtIncident *inc, GListStore *p) { nt_set_str (&inc->police_reported_at, "2025-03-07 08:00"); }
static void spoil_police_contact_only (const School *s, NtIncident *inc, GListStore *p) { nt_set_str (&inc->police_contact, "Công an xã"); }
static void spoil_close_no_outcome (const School *s, NtIncident *inc, GListStore *p) { nt_set_str (&inc->state, "closed"); }
static void spoil_close_before (const School *s, NtIncident *inc, GListStore *p)
{
  nt_set_str (&inc->state, "closed");
  nt_set_str (&inc->outcome, "settled");
  nt_set_str (&inc->closed_at, "2025-03-08 20:00");
}
static void spoil_police_outcome (const School *s, NtIncident *inc, GListStore *p)
{
  nt_set_str (&inc->state, "closed");
  nt_set_str (&inc->outcome, "police");
}
static void spoil_other_outcome (const School *s, NtIncident *inc, GListStore *p)
{
  nt_set_str (&inc->state, "closed");
  nt_set_str (&inc->outcome, "other");
}
static void spoil_outcome_open (const School *s, NtIncident *inc, GListStore *p) { nt_set_str (&inc->outcome, "settled"); }
static void spoil_state (const School *s, NtIncident *inc, GListStore *p) { nt_set_str (&inc->state, "pending"); }
static void spoil_part (const School *s, NtIncident *inc, GListStore *p)
{
  g_autoptr(NtIncidentPerson) x = nt_incident_person_new_student (s->binh, "bystander");
  g_list_store_append (p, x);
}
static void spoil_twice (const School *s, NtIncident *inc, GListStore *p)
{
  g_autoptr(NtIncidentPerson) x = nt_incident_person_new_student (s->an, "victim");
  g_list_store_append (p, x);
}
static void spoil_no_one (const School *s, NtIncident *inc, GListStore *p)
{
  g_autoptr(NtIncidentPerson) x = nt_incident_person_new_outsider ("   ", "witness");
  g_list_store_append (p, x);
}
static void spoil_missing_student (const School *s, NtIncident *inc, GListStore *p)
{
  g_autoptr(NtIncidentPerson) x = nt_incident_person_new_student (9999, "witness");
  g_list_store_append (p, x);
}
static void spoil_link (const School *s, NtIncident *inc, GListStore *p) { inc->source_kind = NT_INCIDENT_LINK_LEAVE; inc->source_id = 9999; }

/* Each refusal leaves nothing written and says NT_ERROR_INVALID; those
 * about a person name which one (the 4th: after the three of fight_people). */
static void
test_refused (void)
{
  static const struct { Spoil spoil; const char *in_message; } cases[] = {
    { spoil_time, "08/03/2025 20:15" },
    { spoil_future, "01/01/2999" },
    { spoil_place, "roof" },
    { spoil_room, NULL },
    { spoil_building, NULL },
    { spoil_outside, NULL },
    { spoil_category, "arson" },
    { spoil_severity, "4" },
    { spoil_description, NULL },
    { spoil_guardians_before, "08/03/2025 19:00" },
    { spoil_guardians_by_only, NULL },
    { spoil_police_before, "07/03/2025 08:00" },
    { spoil_police_contact_only, NULL },
    { spoil_close_no_outcome, NULL },
    { spoil_close_before, "08/03/2025 20:00" },
    { spoil_police_outcome, NULL },
    { spoil_other_outcome, NULL },
    { spoil_outcome_open, NULL },
    { spoil_state, "pending" },
    { spoil_part, "4" },
    { spoil_twice, "4" },
    { spoil_no_one, "4" },
    { spoil_missing_student, "4" },
    { spoil_link, NULL },
  };
  g_auto(School) s = { 0 };

  school_init (&s);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(NtIncident) inc = fight (&s);
      g_autoptr(GListStore) people = fight_people (&s);
      g_autoptr(GError) error = NULL;

      cases[i].spoil (&s, inc, people);
      g_assert_cmpint (nt_incidents_save (s.store, inc, G_LIST_MODEL (people), &error), ==, 0);
      g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
      if (cases[i].in_message && strstr (error->message, cases[i].in_message) == NULL)
        g_error ("case %u: “%s” not in “%s”", i, cases[i].in_message, error->message);
      g_assert_cmpint (inc->id, ==, 0);
      g_assert_cmpint (n_incidents (&s), ==, 0);
      g_assert_cmpint (fx_count (s.store, "SELECT count(*) FROM incident_people"), ==, 0);
    }

  /* The database refuses a closed incident without an outcome from any
   * tool, not only from the program. */
  g_assert_cmpint (sqlite3_exec (nt_store_get_db (s.store),
                                 "INSERT INTO incidents (occurred_at, category, state, closed_at) "
                                 "VALUES ('2025-01-01 10:00', 'other', 'closed', '2025-01-02 10:00')",
                                 NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
}

/* ----- states ------------------------------------------------------------- */

static void
test_states (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(NtIncident) inc = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  school_init (&s);
  inc = fight (&s);
  id = save_ok (&s, inc, NULL);

  /* open → in progress → closed */
  g_assert_true (nt_incidents_start (s.store, id, &error));
  g_assert_no_error (error);
  {
    g_autoptr(NtIncident) x = nt_incidents_load (s.store, id, NULL, &error);
    g_assert_cmpstr (x->state, ==, "in_progress");
  }
  g_assert_false (nt_incidents_close (s.store, id, NULL, NULL, "2025-03-10 09:00", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (nt_incidents_close (s.store, id, "disciplined", "", "2025-03-10 09:00", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (nt_incidents_close (s.store, id, "disciplined", "Khiển trách trước lớp", "2025-03-10 09:00", &error));
  g_assert_no_error (error);
  {
    g_autoptr(NtIncident) x = nt_incidents_load (s.store, id, NULL, &error);
    g_assert_cmpstr (x->state, ==, "closed");
    g_assert_cmpstr (x->outcome, ==, "disciplined");
    g_assert_cmpstr (x->outcome_note, ==, "Khiển trách trước lớp");
    g_assert_cmpstr (x->closed_at, ==, "2025-03-10 09:00");
    g_assert_false (x->overdue);

    /* closed never goes back to "open" */
    nt_set_str (&x->state, "open");
    nt_set_str (&x->outcome, NULL);
    nt_set_str (&x->closed_at, NULL);
    g_assert_cmpint (nt_incidents_save (s.store, x, NULL, &error), ==, 0);
    g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* reopened: in progress again, the outcome cleared */
  g_assert_true (nt_incidents_reopen (s.store, id, &error));
  g_assert_no_error (error);
  {
    g_autoptr(NtIncident) x = nt_incidents_load (s.store, id, NULL, &error);
    g_assert_cmpstr (x->state, ==, "in_progress");
    g_assert_null (x->outcome);
    g_assert_null (x->closed_at);
    g_assert_cmpstr (x->outcome_note, ==, "");
  }
  /* in progress never goes back to "open" either */
  {
    g_autoptr(NtIncident) x = nt_incidents_load (s.store, id, NULL, &error);
    nt_set_str (&x->state, "open");
    g_assert_cmpint (nt_incidents_save (s.store, x, NULL, &error), ==, 0);
    g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* open → closed at once, settled, closing time now by default */
  {
    g_autoptr(NtIncident) other = fight (&s);
    gint64 id2 = save_ok (&s, other, NULL);

    g_assert_true (nt_incidents_close (s.store, id2, "settled", NULL, NULL, &error));
    g_assert_no_error (error);
    g_clear_object (&other);
    other = nt_incidents_load (s.store, id2, NULL, &error);
    g_assert_cmpstr (other->state, ==, "closed");
    g_assert_nonnull (other->closed_at);
  }
  g_assert_false (nt_incidents_start (s.store, 9999, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
}

/* ----- lists -------------------------------------------------------------- */

typedef struct
{
  const char *at;
  const char *place;
  gint64      place_id;
  const char *category;
  gint64      student;
  const char *close_outcome;   /* NULL: stays open */
  gboolean    police;
} Row;

/* Six incidents of March 2025 and one of September 2024. */
static void
add_rows (School *s)
{
  const Row rows[] = {
    { "2024-09-20 10:00", "building", s->a, "theft", s->an, "settled", FALSE },
    { "2025-03-01 21:00", "room", s->a101, "fighting", s->an, "disciplined", FALSE },
    { "2025-03-02 22:00", "room", s->b201, "violence", s->binh, "police", TRUE },
    { "2025-03-05 07:00", "gate", 0, "outsider", 0, NULL, FALSE },
    { "2025-03-06 23:00", "building", s->b, "left_without_permission", s->binh, NULL, FALSE },
    { "2025-03-09 20:00", "room", s->a101, "fighting", s->chi, NULL, TRUE },
    { "2025-03-10 12:00", "school", 0, "property", s->chi, "other", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(NtIncident) inc = g_object_new (NT_TYPE_INCIDENT, NULL);
      g_autoptr(GListStore) people = g_list_store_new (NT_TYPE_INCIDENT_PERSON);

      inc->occurred_at = g_strdup (rows[i].at);
      inc->place_kind = g_strdup (rows[i].place);
      if (g_str_equal (rows[i].place, "room"))
        inc->room_id = rows[i].place_id;
      else
        inc->building_id = rows[i].place_id;
      inc->category = g_strdup (rows[i].category);
      inc->description = g_strdup_printf ("Vụ %u", i + 1);
      if (rows[i].police)
        {
          inc->police_reported_at = g_strdup (rows[i].at);
          inc->police_contact = g_strdup ("Công an xã");
        }
      if (rows[i].student)
        {
          g_autoptr(NtIncidentPerson) p = nt_incident_person_new_student (rows[i].student, "cause");
          g_list_store_append (people, p);
        }
      if (rows[i].close_outcome)
        {
          inc->state = g_strdup ("closed");
          inc->outcome = g_strdup (rows[i].close_outcome);
          inc->outcome_note = g_strdup ("ghi chú");
          inc->closed_at = g_strdup ("2025-03-11 08:00");
        }
      save_ok (s, inc, people);
    }
  /* the fight of the 9th is being dealt with */
  {
    g_autoptr(GError) error = NULL;
    g_assert_true (nt_incidents_start (s->store, 6, &error));
    g_assert_no_error (error);
  }
}

static char *
descriptions (GListStore *list)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(NtIncident) inc = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_string_append_printf (out, "%s%s", out->len ? "," : "", inc->description + strlen ("Vụ "));
    }
  return g_string_free (out, FALSE);
}

static void
assert_list (School                 *s,
             const NtIncidentFilter *filter,
             const char             *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) list = nt_incidents_list (s->store, filter, "2025-03-12 09:00", &error);
  g_autofree char *got = NULL;

  g_assert_no_error (error);
  got = descriptions (list);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_filters (void)
{
  g_auto(School) s = { 0 };
  NtIncidentFilter f;

  school_init (&s);
  add_rows (&s);

  /* newest first */
  assert_list (&s, NULL, "7,6,5,4,3,2,1");
  f = (NtIncidentFilter) { .from = "2025-03-02", .to = "2025-03-06" };
  assert_list (&s, &f, "5,4,3");
  f = (NtIncidentFilter) { .to = "2025-03-01" };
  assert_list (&s, &f, "2,1");
  f = (NtIncidentFilter) { .category = "fighting" };
  assert_list (&s, &f, "6,2");
  f = (NtIncidentFilter) { .state = "open" };
  assert_list (&s, &f, "5,4");
  f = (NtIncidentFilter) { .state = "in_progress" };
  assert_list (&s, &f, "6");
  f = (NtIncidentFilter) { .state = "active" };
  assert_list (&s, &f, "6,5,4");
  f = (NtIncidentFilter) { .state = "closed" };
  assert_list (&s, &f, "7,3,2,1");
  f = (NtIncidentFilter) { .student_id = s.binh };
  assert_list (&s, &f, "5,3");
  /* a building holds its rooms' incidents too */
  f = (NtIncidentFilter) { .building_id = s.a };
  assert_list (&s, &f, "6,2,1");
  f = (NtIncidentFilter) { .building_id = s.b, .state = "active" };
  assert_list (&s, &f, "5");

  /* Overdue at 12/03 09:00: the gate (outsider, 3 days, 7 days old) and the
   * night away (2 days, 6 days old); the fight of the 9th (3 days, 3 days
   * old) not yet; closed ones never. */
  f = (NtIncidentFilter) { .overdue_only = TRUE };
  assert_list (&s, &f, "5,4");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GListStore) list = nt_incidents_list (s.store, NULL, "2025-03-13 09:00", &error);
    g_autoptr(NtIncident) newest_open = g_list_model_get_item (G_LIST_MODEL (list), 1);
    guint overdue = 0;

    g_assert_cmpstr (newest_open->description, ==, "Vụ 6");
    g_assert_cmpint (newest_open->age_days, ==, 4);
    g_assert_true (newest_open->overdue);
    g_assert_cmpuint (nt_incidents_count_active (s.store, "2025-03-12 09:00", &overdue), ==, 3);
    g_assert_cmpuint (overdue, ==, 2);
    g_assert_cmpuint (nt_incidents_count_active (s.store, "2025-03-13 09:00", &overdue), ==, 3);
    g_assert_cmpuint (overdue, ==, 3);
  }

  /* a student's incidents */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GListStore) list = nt_incidents_for_student (s.store, s.an, "2025-03-12 09:00", &error);
    g_autofree char *got = NULL;

    g_assert_no_error (error);
    got = descriptions (list);
    g_assert_cmpstr (got, ==, "2,1");
  }
}

/* ----- counts ------------------------------------------------------------- */

static NtIncidentCount *
count_of (GListStore *counts,
          const char *category)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (counts)); i++)
    {
      NtIncidentCount *c = g_list_model_get_item (G_LIST_MODEL (counts), i);
      if (g_strcmp0 (c->category, category) == 0)
        return c;
      g_object_unref (c);
    }
  g_assert_not_reached ();
}

static void
test_counts (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) year = NULL;
  g_autoptr(GListStore) march = NULL;
  g_autoptr(NtIncidentCount) total = NULL;
  g_autoptr(GArray) months = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  school_init (&s);
  add_rows (&s);

  nt_incidents_school_year_range ("2024-2025", &from, &to);
  g_assert_cmpstr (from, ==, "2024-08-01");
  g_assert_cmpstr (to, ==, "2025-07-31");

  /* The counts need no permission: a teacher reads them (no names). */
  g_assert_true (nt_store_set_actor (s.store, s.teacher, &error));
  year = nt_incidents_count_by_category (s.store, from, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (year)), ==, 10);
  {
    g_autoptr(NtIncidentCount) fighting = count_of (year, "fighting");
    g_autoptr(NtIncidentCount) violence = count_of (year, "violence");
    g_autoptr(NtIncidentCount) theft = count_of (year, "theft");
    g_autoptr(NtIncidentCount) fire = count_of (year, "fire");

    g_assert_cmpuint (fighting->total, ==, 2);
    g_assert_cmpuint (fighting->in_progress, ==, 1);
    g_assert_cmpuint (fighting->closed, ==, 1);
    g_assert_cmpuint (fighting->disciplined, ==, 1);
    g_assert_cmpuint (fighting->reported_to_police, ==, 1);
    g_assert_cmpuint (violence->total, ==, 1);
    g_assert_cmpuint (violence->police, ==, 1);
    g_assert_cmpuint (theft->settled, ==, 1);
    g_assert_cmpuint (fire->total, ==, 0);
    g_assert_cmpstr (fire->label, ==, nt_incident_category_label ("fire"));
  }

  march = nt_incidents_count_by_category (s.store, "2025-03-01", "2025-03-31", &error);
  g_assert_no_error (error);
  {
    g_autoptr(NtIncidentCount) theft = count_of (march, "theft");
    g_assert_cmpuint (theft->total, ==, 0);
  }

  total = nt_incidents_count_total (s.store, from, to, &error);
  g_assert_no_error (error);
  g_assert_null (total->category);
  g_assert_cmpuint (total->total, ==, 7);
  g_assert_cmpuint (total->open, ==, 2);
  g_assert_cmpuint (total->in_progress, ==, 1);
  g_assert_cmpuint (total->closed, ==, 4);
  g_assert_cmpuint (total->settled, ==, 1);
  g_assert_cmpuint (total->disciplined, ==, 1);
  g_assert_cmpuint (total->police, ==, 1);
  g_assert_cmpuint (total->other_outcome, ==, 1);
  g_assert_cmpuint (total->reported_to_police, ==, 2);

  /* by month: August 2024 … July 2025; September is index 1, March 7 */
  months = nt_incidents_count_by_month (s.store, from, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (months->len, ==, 12);
  g_assert_cmpuint (g_array_index (months, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (months, guint, 1), ==, 1);
  g_assert_cmpuint (g_array_index (months, guint, 7), ==, 6);
  g_assert_cmpuint (g_array_index (months, guint, 11), ==, 0);
  g_assert_null (nt_incidents_count_by_month (s.store, "2025-03-01", "2025-02-01", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
}

/* ----- links -------------------------------------------------------------- */

static void
test_links (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) people = NULL;
  g_autoptr(NtIncident) draft = NULL;
  g_autoptr(NtIncident) back = NULL;
  gint64 bed, check, entry, leave, id;
  NtIncidentLink link;

  school_init (&s);
  bed = fx_bed (s.store, s.a101, 1);
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO night_checks (night, building_id, supervisor_id, started_at, closed_at) "
                                            "VALUES ('2025-03-08', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", "
                                            "'2025-03-08 21:35:00', '2025-03-08 22:10:00')", s.a, s.sup);
    check = fx_exec_id (s.store, sql);
  }
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO night_check_entries (check_id, student_id, bed_id, status, note) "
                                            "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", "
                                            "'absent', 'Không có ở phòng.')", check, s.an, bed);
    entry = fx_exec_id (s.store, sql);
  }

  link = (NtIncidentLink) { NT_INCIDENT_LINK_NIGHT_CHECK, entry };
  g_assert_cmpint (nt_incidents_find_by_link (s.store, &link), ==, 0);
  draft = nt_incidents_new_from_link (s.store, &link, &people, &error);
  g_assert_no_error (error);
  /* the student and the night (curfew 21:30 of 08/03), the room, the
   * category, the supervisor as the reporter */
  g_assert_cmpint (draft->id, ==, 0);
  g_assert_cmpstr (draft->occurred_at, ==, "2025-03-08 21:30");
  g_assert_cmpstr (draft->place_kind, ==, "room");
  g_assert_cmpint (draft->room_id, ==, s.a101);
  g_assert_cmpstr (draft->category, ==, "left_without_permission");
  g_assert_cmpstr (draft->reported_by, ==, "Trần Thị Trực");
  g_assert_cmpstr (draft->state, ==, "open");
  g_assert_nonnull (strstr (draft->description, "08/03/2025"));
  g_assert_nonnull (strstr (draft->description, "Không có ở phòng."));
  g_assert_cmpint (draft->source_kind, ==, NT_INCIDENT_LINK_NIGHT_CHECK);
  g_assert_cmpint (draft->source_id, ==, entry);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==, 1);
  {
    g_autoptr(NtIncidentPerson) p = g_list_model_get_item (G_LIST_MODEL (people), 0);
    g_assert_cmpint (p->student_id, ==, s.an);
    g_assert_cmpstr (p->part, ==, "cause");
  }
  id = save_ok (&s, draft, people);
  g_assert_cmpint (nt_incidents_find_by_link (s.store, &link), ==, id);
  back = nt_incidents_load (s.store, id, NULL, &error);
  g_assert_cmpint (back->source_kind, ==, NT_INCIDENT_LINK_NIGHT_CHECK);
  g_assert_cmpint (back->source_id, ==, entry);
  g_assert_cmpint (fx_count (s.store, "SELECT count(*) FROM incidents WHERE source_kind = 'night_check'"), ==, 1);

  /* an overdue leave */
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO leaves (student_id, from_time, to_time, reason, destination, state) "
                                            "VALUES (%" G_GINT64_FORMAT ", '2025-03-07 16:00', '2025-03-09 17:00', "
                                            "'home', 'Bản Phố', 'out')", s.binh);
    g_autoptr(GListStore) lp = NULL;
    g_autoptr(NtIncident) d = NULL;

    leave = fx_exec_id (s.store, sql);
    link = (NtIncidentLink) { NT_INCIDENT_LINK_LEAVE, leave };
    d = nt_incidents_new_from_link (s.store, &link, &lp, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (d->occurred_at, ==, "2025-03-09 17:00");
    g_assert_cmpstr (d->place_kind, ==, "outside");
    g_assert_cmpstr (d->place_text, ==, "Bản Phố");
    g_assert_cmpint (d->source_kind, ==, NT_INCIDENT_LINK_LEAVE);
    g_assert_cmpint (d->source_id, ==, leave);
    {
      g_autoptr(NtIncidentPerson) p = g_list_model_get_item (G_LIST_MODEL (lp), 0);
      g_assert_cmpint (p->student_id, ==, s.binh);
    }
    save_ok (&s, d, lp);
    g_assert_cmpint (nt_incidents_find_by_link (s.store, &link), ==, d->id);
  }

  /* a hand-over note of a post of building B */
  {
    g_autofree char *sql = NULL;
    gint64 post, handover;
    g_autoptr(NtIncident) d = NULL;

    sql = g_strdup_printf ("INSERT INTO posts (name, building_id) VALUES ('Trực nhà B', %" G_GINT64_FORMAT ")", s.b);
    post = fx_exec_id (s.store, sql);
    g_free (sql);
    sql = g_strdup_printf ("INSERT INTO handovers (post_id, date, written_by, written_at, happened) VALUES (%"
                           G_GINT64_FORMAT ", '2025-03-10', %" G_GINT64_FORMAT ", '2025-03-10 06:00', "
                           "'Mất điện tầng 2 lúc 2 giờ sáng, mùi khét ở ổ cắm phòng B201.')", post, s.sup);
    handover = fx_exec_id (s.store, sql);
    link = (NtIncidentLink) { NT_INCIDENT_LINK_HANDOVER, handover };
    d = nt_incidents_new_from_link (s.store, &link, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (d->occurred_at, ==, "2025-03-10 06:00");
    g_assert_cmpstr (d->place_kind, ==, "building");
    g_assert_cmpint (d->building_id, ==, s.b);
    g_assert_cmpstr (d->description, ==, "Mất điện tầng 2 lúc 2 giờ sáng, mùi khét ở ổ cắm phòng B201.");
    nt_set_str (&d->category, "fire");
    save_ok (&s, d, NULL);
    g_assert_cmpint (nt_incidents_find_by_link (s.store, &link), ==, d->id);
  }

  /* a confidential report (nt-confidential.c links it): the link stays
   * when the incident is saved again */
  {
    gint64 report = fx_exec_id (s.store, "INSERT INTO confidential_reports (received_at, channel, content) "
                                          "VALUES ('2025-03-10 09:00', 'paper', 'Có bạn bị bắt nạt.')");
    g_autoptr(NtIncident) d = NULL;
    g_autoptr(NtIncident) again = NULL;

    link = (NtIncidentLink) { NT_INCIDENT_LINK_CONFIDENTIAL, report };
    d = nt_incidents_new_from_link (s.store, &link, NULL, &error);
    g_assert_no_error (error);
    nt_set_str (&d->occurred_at, "2025-03-09 20:00");
    nt_set_str (&d->description, "Bắt nạt trong phòng.");
    save_ok (&s, d, NULL);
    again = nt_incidents_load (s.store, d->id, NULL, &error);
    g_assert_cmpint (again->source_kind, ==, NT_INCIDENT_LINK_CONFIDENTIAL);
    save_ok (&s, again, NULL);
    g_assert_cmpint (nt_incidents_find_by_link (s.store, &link), ==, d->id);
  }

  /* a link to nothing */
  link = (NtIncidentLink) { NT_INCIDENT_LINK_NIGHT_CHECK, 9999 };
  g_assert_null (nt_incidents_new_from_link (s.store, &link, NULL, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
}

/* ----- permissions -------------------------------------------------------- */

static void
assert_denied (GError **error)
{
  g_assert_error (*error, NT_ERROR, NT_ERROR_DENIED);
  g_clear_error (error);
}

static void
test_permissions (void)
{
  g_auto(School) s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(NtIncident) inc = NULL;
  g_autoptr(GListStore) people = NULL;
  NtIncidentLink none = { 0 };
  gint64 id;

  school_init (&s);
  add_rows (&s);

  /* a teacher and the office: neither read nor write */
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (nt_store_set_actor (s.store, i == 0 ? s.teacher : s.office, &error));
      g_assert_null (nt_incidents_for_student (s.store, s.an, NULL, &error));
      assert_denied (&error);
      g_assert_null (nt_incidents_list (s.store, NULL, NULL, &error));
      assert_denied (&error);
      g_assert_null (nt_incidents_load (s.store, 1, NULL, &error));
      assert_denied (&error);
      g_assert_null (nt_incidents_people (s.store, 1, &error));
      assert_denied (&error);
      g_clear_object (&inc);
      inc = fight (&s);
      g_assert_cmpint (nt_incidents_save (s.store, inc, NULL, &error), ==, 0);
      assert_denied (&error);
      g_assert_false (nt_incidents_close (s.store, 4, "settled", NULL, "2025-03-11 09:00", &error));
      assert_denied (&error);
      g_assert_null (nt_incidents_new_from_link (s.store, &none, NULL, &error));
      assert_denied (&error);
      g_assert_cmpint (n_incidents (&s), ==, 7);
    }

  /* a supervisor records and reads; a principal too */
  g_assert_true (nt_store_set_actor (s.store, s.sup, &error));
  g_clear_object (&inc);
  inc = fight (&s);
  people = fight_people (&s);
  id = save_ok (&s, inc, people);
  g_assert_true (nt_store_set_actor (s.store, s.principal, &error));
  {
    g_autoptr(GListStore) list = nt_incidents_for_student (s.store, s.an, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  }
  g_assert_true (nt_incidents_close (s.store, id, "settled", NULL, "2025-03-09 08:00", &error));
  g_assert_no_error (error);
}

/* ----- the demo school ----------------------------------------------------- */

static void
test_demo (void)
{
  g_autoptr(NtStore) store = nt_test_demo_store (7);
  g_autoptr(GError) error = NULL;
  NtIncidentFilter overdue = { .overdue_only = TRUE };
  g_autoptr(GListStore) late = NULL;
  guint n_overdue = 0;

  g_assert_cmpint (fx_count (store, "SELECT count(*) FROM incidents"), >=, 10);
  g_assert_cmpint (fx_count (store, "SELECT count(DISTINCT category) FROM incidents"), >=, 7);
  g_assert_cmpint (fx_count (store, "SELECT count(DISTINCT outcome) FROM incidents WHERE state = 'closed'"), ==, 4);
  g_assert_cmpint (fx_count (store, "SELECT count(*) FROM incidents WHERE state = 'in_progress'"), >=, 1);
  /* one arose from an absence of a closed night check, and names its student */
  g_assert_cmpint (fx_count (store, "SELECT count(*) FROM incidents i JOIN night_check_entries e ON e.id = i.source_id "
                             "JOIN night_checks c ON c.id = e.check_id JOIN incident_people p ON p.incident_id = i.id "
                             "WHERE i.source_kind = 'night_check' AND e.status = 'absent' AND c.closed_at IS NOT NULL "
                             "AND p.student_id = e.student_id"), ==, 1);
  g_assert_cmpint (fx_count (store, "SELECT count(*) FROM incidents WHERE source_kind = 'leave'"), ==, 1);
  /* one still open past its limit */
  late = nt_incidents_list (store, &overdue, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (late)), >=, 1);
  g_assert_cmpuint (nt_incidents_count_active (store, NULL, &n_overdue), >=, 2);
  g_assert_cmpuint (n_overdue, >=, 1);
}

int
main (int    argc,
      char **argv)
{
  nt_test_init (&argc, &argv);

  g_test_add_func ("/incidents/categories", test_categories);
  g_test_add_func ("/incidents/save-and-load", test_save_and_load);
  g_test_add_func ("/incidents/refused", test_refused);
  g_test_add_func ("/incidents/states", test_states);
  g_test_add_func ("/incidents/filters", test_filters);
  g_test_add_func ("/incidents/counts", test_counts);
  g_test_add_func ("/incidents/links", test_links);
  g_test_add_func ("/incidents/permissions", test_permissions);
  g_test_add_func ("/incidents/demo", test_demo);

  return g_test_run ();
}
