/* nt-demo.c: a demo school drawn by a seeded generator
 *
 * Everything comes from one GRand, so the same seed gives the same school
 * (byte for byte) within a school year; dates are placed relative to the
 * current school year, never to the clock's day, so that two runs on
 * different days of a year agree. The exception is the default school's
 * last month of night checks and leave (see "the last thirty nights"),
 * which ends at tonight and so agrees between runs of the same day.
 *
 * The default school is the shape of a provincial ethnic boarding school
 * (trường phổ thông dân tộc nội trú) in Lai Châu: 25 classes of grades 6 to
 * 12, about 800 students of whom about 300 board, two dorm buildings (boys,
 * girls) of three floors, about 25 staff, and the night checks and leave
 * of the last 30 nights. For benchmarks a larger school keeps that shape
 * (more classes of about 32, more dorm buildings) without the nights.
 */
#define G_LOG_DOMAIN "nt-demo"

#include <glib/gstdio.h>

#include "nt-assign.h"
#include "nt-assignments.h"
#include "nt-date.h"
#include "nt-demo.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-leaves.h"
#include "nt-night-checks.h"
#include "nt-resources.h"
#include "nt-school.h"
#include "nt-staff.h"
#include "nt-demo-private.h"
#include "nt-students.h"

#define DEFAULT_STUDENTS     800
#define STUDENTS_PER_CLASS   32
#define STUDENTS_PER_DORM    900   /* students of the school per pair of buildings */
#define FLOORS               3
#define BEDS_PER_ROOM        6

typedef struct
{
  gint64 id;
  int    grade;
} DemoClass;

typedef struct
{
  NtStore    *store;
  GRand      *rand;
  int         year;         /* the school year starts in September of it */
  guint       n_students;
  guint       scale;        /* 1 for the default school */
  char      **family;
  char      **given_m;
  char      **given_f;
  char      **middle_m;
  char      **middle_f;
  char      **communes;
  char      **ethnic_groups;
  GArray     *classes;      /* DemoClass */
  GArray     *teachers;     /* gint64 staff ids */
  GArray     *beds_m;       /* gint64 ids of beds in boys' dorm rooms */
  GArray     *beds_f;
  guint       next_bed_m;
  guint       next_bed_f;
  GHashTable *personal_ids; /* the numbers given so far */
  GHashTable *phones;
  guint       n_staff;      /* for the staff codes */
} Demo;

static void
demo_clear (Demo *d)
{
  g_clear_pointer (&d->rand, g_rand_free);
  g_clear_pointer (&d->family, g_strfreev);
  g_clear_pointer (&d->given_m, g_strfreev);
  g_clear_pointer (&d->given_f, g_strfreev);
  g_clear_pointer (&d->middle_m, g_strfreev);
  g_clear_pointer (&d->middle_f, g_strfreev);
  g_clear_pointer (&d->communes, g_strfreev);
  g_clear_pointer (&d->ethnic_groups, g_strfreev);
  g_clear_pointer (&d->classes, g_array_unref);
  g_clear_pointer (&d->teachers, g_array_unref);
  g_clear_pointer (&d->beds_m, g_array_unref);
  g_clear_pointer (&d->beds_f, g_array_unref);
  g_clear_pointer (&d->personal_ids, g_hash_table_unref);
  g_clear_pointer (&d->phones, g_hash_table_unref);
}

/* ----- drawing ---------------------------------------------------------- */

static const char *
pick (Demo        *d,
      char *const *list)
{
  guint n = g_strv_length ((char **) list);

  g_assert (n > 0);
  return list[g_rand_int_range (d->rand, 0, (gint32) n)];
}

static gboolean
chance (Demo   *d,
        double  p)
{
  return g_rand_double (d->rand) < p;
}

typedef struct
{
  const char *name;
  guint       weight;  /* per thousand */
} Weighted;

/* Lai Châu's peoples, roughly as many as they are in the province. Every
 * name is spelled as in data/ethnic-groups.txt (checked when drawing). */
static const Weighted ethnicities[] = {
  { "Thái", 300 }, { "Mông", 240 }, { "Dao", 120 }, { "Kinh", 100 },
  { "Hà Nhì", 50 }, { "Giáy", 40 }, { "Khơ-mú", 30 }, { "Lự", 25 },
  { "Tày", 25 }, { "La Hủ", 20 }, { "Cống", 10 }, { "Mảng", 10 },
  { "Lào", 10 }, { "Nùng", 10 }, { "Si La", 5 }, { "Phù Lá", 5 },
};

static const char *
pick_weighted (Demo           *d,
               const Weighted *items,
               guint           n_items)
{
  guint total = 0;
  guint r;

  for (guint i = 0; i < n_items; i++)
    total += items[i].weight;
  r = (guint) g_rand_int_range (d->rand, 0, (gint32) total);
  for (guint i = 0; i < n_items; i++)
    {
      if (r < items[i].weight)
        return items[i].name;
      r -= items[i].weight;
    }
  g_assert_not_reached ();
  return NULL;
}

/* "Family Middle Given" of @gender ('M' or 'F'); @family may be given (a
 * sibling, a child's father). */
static char *
draw_name (Demo       *d,
           char        gender,
           const char *family)
{
  gboolean male = gender == 'M';

  return g_strdup_printf ("%s %s %s",
                          family ? family : pick (d, d->family),
                          pick (d, male ? d->middle_m : d->middle_f),
                          pick (d, male ? d->given_m : d->given_f));
}

/* A mobile number: 10 digits starting 03, 08 or 09, not given before. */
static char *
draw_phone (Demo       *d,
            const char *prefixes)
{
  for (;;)
    {
      char *phone = g_strdup_printf ("0%c%d%07d",
                                     prefixes[g_rand_int_range (d->rand, 0, (gint32) strlen (prefixes))],
                                     g_rand_int_range (d->rand, 2, 10),
                                     g_rand_int_range (d->rand, 0, 10000000));

      if (g_hash_table_add (d->phones, phone))
        return g_strdup (phone);
    }
}

/* The personal identification number: the province of the birth
 * registration (mostly Lai Châu, 012), a digit for century and gender, the
 * year of birth, then six digits; never the same twice. */
static char *
draw_personal_id (Demo        *d,
                  char         gender,
                  const GDate *birth)
{
  static const int provinces[] = { 12, 12, 12, 12, 12, 12, 12, 12, 12, 11, 10, 14, 1 };
  int year = g_date_get_year (birth);
  int century = (year >= 2000 ? 2 : 0) + (gender == 'F' ? 1 : 0);
  int province = provinces[g_rand_int_range (d->rand, 0, G_N_ELEMENTS (provinces))];

  for (;;)
    {
      char *id = g_strdup_printf ("%03d%d%02d%06d", province, century, year % 100,
                                  g_rand_int_range (d->rand, 0, 1000000));

      if (g_hash_table_add (d->personal_ids, id))
        return g_strdup (id);
    }
}

static GDate *
draw_day_in_year (Demo *d,
                  int   year)
{
  GDate *date = g_date_new_dmy (1, G_DATE_JANUARY, (GDateYear) year);

  g_date_add_days (date, g_rand_int_range (d->rand, 0, g_date_is_leap_year ((GDateYear) year) ? 366 : 365));
  return date;
}

static char *
iso_day (int year,
         int month,
         int day)
{
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* ----- the school and its staff ----------------------------------------- */

static gboolean
add_school (Demo        *d,
            const char  *principal,
            GError     **error)
{
  g_autofree char *school_year = g_strdup_printf ("%d-%d", d->year, d->year + 1);
  NtSchoolInfo info = {
    .name = (char *) "Trường Phổ thông Dân tộc nội trú tỉnh Lai Châu",
    .address = (char *) "Tổ 12, phường Đông Phong, thành phố Lai Châu, tỉnh Lai Châu",
    .principal = (char *) principal,
    .authority = (char *) "Sở Giáo dục và Đào tạo tỉnh Lai Châu",
    .school_year = school_year,
    .curfew = (char *) "21:30",
  };

  return nt_school_set (d->store, &info, error);
}

static gint64
add_staff_member (Demo        *d,
                  const char  *role,
                  char         gender,
                  char       **name_out,
                  GError     **error)
{
  g_autofree char *code = NULL;
  g_autofree char *name = draw_name (d, gender, NULL);
  g_autofree char *phone = draw_phone (d, "9");
  char gender_text[2] = { gender, '\0' };
  NtStaffInput input = { NULL, name, gender_text, role, phone };
  gint64 id;

  code = g_strdup_printf ("GV%03u", ++d->n_staff);
  input.code = code;
  id = nt_staff_add (d->store, &input, error);
  if (id > 0 && name_out != NULL)
    *name_out = g_steal_pointer (&name);
  return id;
}

static char
draw_gender (Demo *d)
{
  return chance (d, 0.5) ? 'M' : 'F';
}

/* Returns the principal's name, or %NULL with @error set. */
static char *
add_staff (Demo    *d,
           GError **error)
{
  struct { const char *role; guint count; gboolean scaled; } roles[] = {
    { "vice_principal", 2, FALSE },
    { "supervisor", 8, TRUE },
    { "guard", 3, TRUE },
    { "medical", 1, TRUE },
    { "office", 2, TRUE },
  };
  g_autofree char *principal = NULL;
  guint n_teachers;

  if (add_staff_member (d, "principal", draw_gender (d), &principal, error) == 0)
    return NULL;

  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    {
      guint count = roles[r].count * (roles[r].scaled ? d->scale : 1);

      for (guint i = 0; i < count; i++)
        {
          /* Supervisors sleep in the dorms: as many men as women. */
          char gender = g_str_equal (roles[r].role, "supervisor") ? (i % 2 == 0 ? 'M' : 'F')
                      : g_str_equal (roles[r].role, "guard") ? 'M'
                      : draw_gender (d);

          if (add_staff_member (d, roles[r].role, gender, NULL, error) == 0)
            return NULL;
        }
    }

  /* The default school shows a small staff; a large one has a homeroom
   * teacher for each class. */
  n_teachers = d->scale == 1 ? 10 : d->classes->len;
  for (guint i = 0; i < n_teachers; i++)
    {
      gint64 id = add_staff_member (d, "teacher", draw_gender (d), NULL, error);

      if (id == 0)
        return NULL;
      g_array_append_val (d->teachers, id);
    }

  return g_steal_pointer (&principal);
}

/* ----- classes ---------------------------------------------------------- */

static gboolean
add_classes (Demo    *d,
             GError **error)
{
  /* Classes per grade 6..12 in the default school (25 in all). */
  static const guint pattern[] = { 3, 3, 3, 3, 5, 4, 4 };
  guint n_classes = d->scale == 1 ? 25 : MAX (25, (d->n_students + STUDENTS_PER_CLASS / 2) / STUDENTS_PER_CLASS);
  guint per_grade[G_N_ELEMENTS (pattern)];
  guint assigned = 0;

  for (guint g = 0; g < G_N_ELEMENTS (pattern); g++)
    {
      per_grade[g] = MAX (1, (n_classes * pattern[g] + 12) / 25);
      assigned += per_grade[g];
    }
  /* Rounding leftovers go to grade 10, the largest intake. */
  if (assigned < n_classes)
    per_grade[4] += n_classes - assigned;
  else if (assigned > n_classes && per_grade[4] > assigned - n_classes)
    per_grade[4] -= assigned - n_classes;

  for (guint g = 0; g < G_N_ELEMENTS (pattern); g++)
    for (guint i = 0; i < per_grade[g]; i++)
      {
        DemoClass c = { 0, (int) g + 6 };
        g_autofree char *name = g_strdup_printf ("%dA%u", c.grade, i + 1);

        c.id = nt_classes_add (d->store, name, c.grade, error);
        if (c.id == 0)
          return FALSE;
        g_array_append_val (d->classes, c);
      }

  return TRUE;
}

static gboolean
set_homerooms (Demo    *d,
               GError **error)
{
  for (guint i = 0; i < d->classes->len; i++)
    {
      sqlite3_stmt *stmt = nt_store_prepare (d->store, "UPDATE classes SET homeroom_id = ?2 WHERE id = ?1", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (d->classes, DemoClass, i).id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (d->teachers, gint64, i % d->teachers->len));
      if (!nt_store_step_done (d->store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* ----- the dorm --------------------------------------------------------- */

static gint64
insert_building (NtStore     *store,
                 const char  *name,
                 const char  *gender,
                 int          floors,
                 const char  *assembly_point,
                 GError     **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "INSERT INTO buildings (name, gender, floors, assembly_point) "
                                         "VALUES (?1, ?2, ?3, ?4)", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, gender, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, floors);
  sqlite3_bind_text (stmt, 4, assembly_point, -1, SQLITE_TRANSIENT);
  if (!nt_store_step_done (store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (nt_store_get_db (store));
}

static gint64
insert_room (NtStore     *store,
             gint64       building_id,
             int          floor,
             const char  *number,
             int          capacity,
             const char  *gender,
             const char  *kind,
             GError     **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "INSERT INTO rooms (building_id, floor, number, capacity, gender, kind) "
                                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, building_id);
  sqlite3_bind_int (stmt, 2, floor);
  sqlite3_bind_text (stmt, 3, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, capacity);
  sqlite3_bind_text (stmt, 5, gender, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, kind, -1, SQLITE_STATIC);
  if (!nt_store_step_done (store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (nt_store_get_db (store));
}

static gint64
insert_bed (NtStore     *store,
            gint64       room_id,
            const char  *label,
            GError     **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store, "INSERT INTO beds (room_id, label) VALUES (?1, ?2)", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, room_id);
  sqlite3_bind_text (stmt, 2, label, -1, SQLITE_TRANSIENT);
  if (!nt_store_step_done (store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (nt_store_get_db (store));
}

/* A building of three floors with 10, 11 and 11 rooms; on the first floor
 * the first room is the infirmary (2 beds) and the second the supervisors'
 * room (1 bed); the others sleep six. @prefix starts the room numbers
 * ("A" gives A101, A102, ...). */
static gboolean
add_building (Demo        *d,
              const char  *prefix,
              const char  *gender,
              const char  *assembly_point,
              GArray      *dorm_beds,
              GError     **error)
{
  static const int rooms_per_floor[FLOORS] = { 10, 11, 11 };
  g_autofree char *name = g_strdup_printf ("Nhà %s", prefix);
  gint64 building_id = insert_building (d->store, name, gender, FLOORS, assembly_point, error);

  if (building_id == 0)
    return FALSE;

  for (int floor = 1; floor <= FLOORS; floor++)
    for (int r = 1; r <= rooms_per_floor[floor - 1]; r++)
      {
        g_autofree char *number = g_strdup_printf (strlen (prefix) > 1 ? "%s-%d%02d" : "%s%d%02d",
                                                   prefix, floor, r);
        const char *kind = "dorm";
        int n_beds = BEDS_PER_ROOM;
        gint64 room_id;

        if (floor == 1 && r == 1)
          {
            kind = "infirmary";
            n_beds = 2;
          }
        else if (floor == 1 && r == 2)
          {
            kind = "staff";
            n_beds = 1;
          }

        room_id = insert_room (d->store, building_id, floor, number, n_beds, gender, kind, error);
        if (room_id == 0)
          return FALSE;

        for (int b = 1; b <= n_beds; b++)
          {
            char label[8];
            gint64 bed_id;

            g_snprintf (label, sizeof label, "%d", b);
            bed_id = insert_bed (d->store, room_id, label, error);
            if (bed_id == 0)
              return FALSE;
            if (g_str_equal (kind, "dorm"))
              g_array_append_val (dorm_beds, bed_id);
          }
      }

  return TRUE;
}

static gboolean
add_dorm (Demo    *d,
          GError **error)
{
  guint pairs = d->scale == 1 ? 1 : MAX (1, (d->n_students + STUDENTS_PER_DORM - 1) / STUDENTS_PER_DORM);

  for (guint p = 0; p < pairs; p++)
    {
      g_autofree char *a = p == 0 ? g_strdup ("A") : g_strdup_printf ("A%u", p + 1);
      g_autofree char *b = p == 0 ? g_strdup ("B") : g_strdup_printf ("B%u", p + 1);
      g_autofree char *front = g_strdup_printf ("Sân trước nhà %s", a);
      g_autofree char *back = g_strdup_printf ("Sân sau nhà %s", b);

      if (!add_building (d, a, "M", front, d->beds_m, error) ||
          !add_building (d, b, "F", back, d->beds_f, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_assignment (Demo        *d,
                   gint64       student_id,
                   gint64       bed_id,
                   const char  *start,
                   const char  *end,
                   GError     **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (d->store,
                                         "INSERT INTO bed_assignments (student_id, bed_id, start_date, end_date, reason) "
                                         "VALUES (?1, ?2, ?3, ?4, ?5)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, student_id);
  sqlite3_bind_int64 (stmt, 2, bed_id);
  sqlite3_bind_text (stmt, 3, start, -1, SQLITE_TRANSIENT);
  if (end != NULL)
    sqlite3_bind_text (stmt, 4, end, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, end != NULL ? "Chuyển trường" : "", -1, SQLITE_STATIC);
  return nt_store_step_done (d->store, stmt, error);
}

/* Gives a boarder the next free bed of their building. A student who left
 * last year slept in the bed that this year's student now has. */
static gboolean
assign_bed (Demo        *d,
            NtStudent   *s,
            GError     **error)
{
  gboolean male = g_str_equal (s->gender, "M");
  GArray *beds = male ? d->beds_m : d->beds_f;
  guint *next = male ? &d->next_bed_m : &d->next_bed_f;
  g_autofree char *start = NULL;

  if (*next >= beds->len)
    return TRUE;  /* the dorm is full: the student waits for a bed */

  if (s->active)
    {
      start = iso_day (d->year, 8, 25);
      return insert_assignment (d, s->id, g_array_index (beds, gint64, (*next)++), start, NULL, error);
    }

  start = iso_day (d->year - 1, 8, 25);
  return insert_assignment (d, s->id, g_array_index (beds, gint64, *next), start, s->left_on, error);
}

/* ----- students --------------------------------------------------------- */

static const char * const villages[] = {
  "Bản Nà Hừ", "Bản Phiêng Lúc", "Bản Hua Pầu", "Bản Nậm Cuổi", "Bản Lả Mù", "Bản Sin Chải",
  "Bản Pa Pe", "Bản Tả Phìn", "Bản Chu Va", "Bản Nà Luông", "Bản Mường Kim", "Bản Huổi Luông",
};

static const char * const health_notes[] = {
  "Hen suyễn, mang theo thuốc xịt",
  "Dị ứng hải sản",
  "Viêm xoang mãn tính",
  "Cận thị, đeo kính",
  "Thiếu máu nhẹ, theo dõi",
  "Đau dạ dày",
  "Động kinh, đang điều trị; báo y tế khi lên cơn",
};

static const char * const left_reasons[] = {
  "Chuyển trường theo gia đình",
  "Nghỉ học, đi làm cùng gia đình",
  "Lý do sức khỏe",
  "Chuyển về trường gần nhà",
};

/* Priority categories for a dorm place, as comma-separated ids. */
static char *
draw_priority (Demo       *d,
               NtStudent  *s)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  if (!g_str_equal (s->ethnicity, "Kinh"))
    g_ptr_array_add (ids, (char *) "ethnic_minority");
  if (chance (d, 0.6))
    g_ptr_array_add (ids, (char *) "difficult_commune");
  if (chance (d, 0.03))
    g_ptr_array_add (ids, (char *) "orphan");
  if (chance (d, 0.3))
    g_ptr_array_add (ids, (char *) "poor_household");
  if (chance (d, 0.01))
    g_ptr_array_add (ids, (char *) "disability");
  if (g_str_equal (s->gender, "F"))
    g_ptr_array_add (ids, (char *) "female");
  g_ptr_array_add (ids, NULL);

  return g_strjoinv (",", (char **) ids->pdata);
}

/* Copies to @s what a brother or sister shares: family name, parent,
 * phone, home and people. */
static void
copy_family (NtStudent  *s,
             NtStudent  *sibling,
             char      **family)
{
  const char *space = strchr (sibling->full_name, ' ');

  *family = g_strndup (sibling->full_name, space ? (gsize) (space - sibling->full_name) : strlen (sibling->full_name));
  s->guardian_name = g_strdup (sibling->guardian_name);
  s->guardian_phone = g_strdup (sibling->guardian_phone);
  s->home_commune = g_strdup (sibling->home_commune);
  s->home_address = g_strdup (sibling->home_address);
  s->ethnicity = g_strdup (sibling->ethnicity);
}

static NtStudent *
draw_student (Demo       *d,
              guint       index,
              NtStudent  *sibling)
{
  NtStudent *s = nt_student_new ();
  const DemoClass *c = &g_array_index (d->classes, DemoClass,
                                       (guint) ((guint64) index * d->classes->len / d->n_students));
  char gender = draw_gender (d);
  g_autofree char *family = NULL;
  g_autoptr(GDate) birth = NULL;
  int birth_year;
  double r;

  s->code = g_strdup_printf ("HS%05u", index + 1);
  s->class_id = c->id;
  s->gender = g_strdup (gender == 'M' ? "M" : "F");

  if (sibling != NULL)
    copy_family (s, sibling, &family);
  else
    {
      const char *commune = pick (d, d->communes);
      g_autofree char *lower = g_strdup (commune);

      /* "Xã Nậm Tăm, huyện Sìn Hồ" reads "xã Nậm Tăm" inside an address. */
      lower[0] = g_ascii_tolower (lower[0]);
      family = g_strdup (pick (d, d->family));
      s->ethnicity = g_strdup (pick_weighted (d, ethnicities, G_N_ELEMENTS (ethnicities)));
      s->home_commune = g_strdup (commune);
      s->home_address = g_strdup_printf ("%s, %s, tỉnh Lai Châu",
                                         villages[g_rand_int_range (d->rand, 0, G_N_ELEMENTS (villages))],
                                         lower);
      /* The father, or (a third of the time) the mother. */
      s->guardian_name = chance (d, 0.67) ? draw_name (d, 'M', family) : draw_name (d, 'F', NULL);
      s->guardian_phone = draw_phone (d, "389");
    }
  s->full_name = draw_name (d, gender, family);

  /* Grade 6 at 11 (the year they turn 11); some started late or repeated. */
  r = g_rand_double (d->rand);
  birth_year = d->year - c->grade - 5 - (r < 0.02 ? 2 : r < 0.10 ? 1 : 0);
  birth = draw_day_in_year (d, birth_year);
  s->birth_date = nt_date_to_iso (birth);
  s->personal_id = chance (d, 0.97) ? draw_personal_id (d, gender, birth) : NULL;

  r = g_rand_double (d->rand);
  s->boarding = g_strdup (r < 0.375 ? "boarding" : r < 0.525 ? "semi" : "day");
  s->priority = g_str_equal (s->boarding, "boarding") ? draw_priority (d, s) : g_strdup ("");
  s->health_notes = g_strdup (chance (d, 0.04) ? health_notes[g_rand_int_range (d->rand, 0, G_N_ELEMENTS (health_notes))] : "");

  if (chance (d, 0.01))
    {
      /* Left during last school year, between October and May. */
      g_autoptr(GDate) left = g_date_new_dmy (1, G_DATE_OCTOBER, (GDateYear) (d->year - 1));

      g_date_add_days (left, g_rand_int_range (d->rand, 0, 240));
      s->active = FALSE;
      s->left_on = nt_date_to_iso (left);
      s->left_reason = g_strdup (left_reasons[g_rand_int_range (d->rand, 0, G_N_ELEMENTS (left_reasons))]);
    }

  return s;
}

static gboolean
add_students (Demo    *d,
              GError **error)
{
  /* Recent students, from whom a brother or sister is drawn. */
  g_autoptr(GPtrArray) recent = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < d->n_students; i++)
    {
      NtStudent *sibling = NULL;
      g_autoptr(NtStudent) s = NULL;

      if (recent->len > 0 && chance (d, 0.06))
        sibling = g_ptr_array_index (recent, g_rand_int_range (d->rand, 0, (gint32) recent->len));

      s = draw_student (d, i, sibling);
      if (!nt_students_insert_unchecked (d->store, s, error))
        return FALSE;
      /* The default school's boarders are placed by the auto-assignment
       * (place_boarders); here only last year's history, and the beds of a
       * benchmark school, too large to plan in a moment. */
      if (g_str_equal (s->boarding, "boarding") && (d->scale > 1 || !s->active) && !assign_bed (d, s, error))
        return FALSE;

      if (recent->len >= 200)
        g_ptr_array_remove_index_fast (recent, g_rand_int_range (d->rand, 0, (gint32) recent->len));
      g_ptr_array_add (recent, g_steal_pointer (&s));
    }

  return TRUE;
}

/* The boarders go to their beds by the term-start auto-assignment, on the
 * day the dorm opens; then a few move during October, with the reason in
 * the history. Everything is chosen by id order: the same seed gives the
 * same beds. */
static gboolean
place_boarders (Demo    *d,
                GError **error)
{
  static const char * const reasons[] = {
    "Xin chuyển phòng để ở cùng anh trai",
    "Chuyển phòng theo đề nghị của giáo viên chủ nhiệm",
    "Phòng cũ hỏng trần, chuyển để sửa chữa",
    "Sắp xếp lại phòng theo khối lớp",
    "Lý do sức khỏe, chuyển xuống tầng 1",
  };
  static const int days[] = { 6, 9, 13, 20, 27 };
  g_autoptr(NtAssignPlan) plan = NULL;
  g_autofree char *start = iso_day (d->year, 8, 25);
  g_autofree char *batch = NULL;
  sqlite3_stmt *stmt;
  GArray *movers = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean ok = TRUE;

  plan = nt_assign_propose (d->store, NULL, NULL, error);
  if (plan == NULL || !nt_assign_apply (d->store, plan, start, &batch, error))
    {
      g_array_unref (movers);
      return FALSE;
    }

  /* Every 37th placed boarder, up to five, moves to the first free bed of
   * another room for their gender. */
  stmt = nt_store_prepare (d->store,
                           "SELECT student_id FROM bed_assignments WHERE end_date IS NULL "
                           "ORDER BY student_id", error);
  if (stmt == NULL)
    {
      g_array_unref (movers);
      return FALSE;
    }
  for (guint i = 0; sqlite3_step (stmt) == SQLITE_ROW && movers->len < G_N_ELEMENTS (reasons); i++)
    if (i % 37 == 5)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (movers, id);
      }
  sqlite3_reset (stmt);

  for (guint i = 0; ok && i < movers->len; i++)
    {
      gint64 student = g_array_index (movers, gint64, i);
      g_autofree char *day = iso_day (d->year, 10, days[i]);
      gint64 bed = 0;

      stmt = nt_store_prepare (d->store,
                               "SELECT b.id FROM beds b JOIN rooms r ON r.id = b.room_id "
                               "JOIN buildings bl ON bl.id = r.building_id, students s "
                               "WHERE s.id = ?1 AND r.kind = 'dorm' AND r.active AND bl.active AND b.active "
                               "AND NOT b.locked AND r.gender IN ('X', s.gender) AND bl.gender IN ('X', s.gender) "
                               "AND r.id <> (SELECT x.room_id FROM bed_assignments a JOIN beds x ON x.id = a.bed_id "
                               "             WHERE a.student_id = s.id AND a.end_date IS NULL) "
                               "AND NOT EXISTS (SELECT 1 FROM bed_assignments a WHERE a.bed_id = b.id AND a.end_date IS NULL) "
                               "ORDER BY b.id LIMIT 1", error);
      if (stmt == NULL)
        {
          ok = FALSE;
          break;
        }
      sqlite3_bind_int64 (stmt, 1, student);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        bed = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (bed != 0)
        ok = nt_assign_move (d->store, student, bed, day, reasons[i], error);
    }

  g_array_unref (movers);
  return ok;
}

/* ----- triggers ---------------------------------------------------------- */

/* Drops the triggers whose name matches @glob, inside the transaction, and
 * returns their SQL for resume_triggers(); a failure brings them back
 * with the rollback. */
static GPtrArray *
suspend_triggers (NtStore     *store,
                  const char  *glob,
                  GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sql = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  stmt = nt_store_prepare (store,
                           "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                           "AND name GLOB ?1 ORDER BY name", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, glob, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (sql, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TRIGGER \"%s\"", (const char *) g_ptr_array_index (names, i));

      if (!nt_store_exec (store, drop, error))
        return NULL;
    }
  return g_steal_pointer (&sql);
}

static gboolean
resume_triggers (NtStore    *store,
                 GPtrArray  *triggers,
                 GError    **error)
{
  for (guint i = 0; i < triggers->len; i++)
    if (!nt_store_exec (store, g_ptr_array_index (triggers, i), error))
      return FALSE;
  return TRUE;
}

/* ----- the last thirty nights ------------------------------------------- */

/* The default school has a month behind it: the night checks of the 30
 * nights before tonight and the leave that explains who was away. Unlike
 * the rest, these are placed relative to the clock's night (the Leave and
 * Night check sections show "now"), so the same seed gives the same nights
 * on the same day. Tonight's check is left for the supervisor. The leave
 * and the checks go through the core, as the office and the supervisors
 * would do it (only "everyone else present" is one statement a check);
 * then the times the core stamps with the clock are set to the evening
 * they belong to. */

#define DEMO_NIGHTS 30

typedef struct
{
  gint64  id;
  char    gender;
  char   *commune;
  char   *guardian_name;
  char   *guardian_phone;
} DemoBoarder;

/* What the night check finds for a student on a night, decided by the
 * leave (a late return, an overdue leave) or by a sickness lasting. */
typedef struct
{
  const char *status;
  char        late_at[6];  /* 'HH:MM' for "late" */
  const char *note;
} NightEvent;

typedef struct
{
  Demo       *d;
  GDate      *tonight;
  char       *opening;     /* the day the dorm opened: no check before */
  GArray     *boarders;    /* DemoBoarder, by id */
  GArray     *sup_m;       /* supervisors' staff ids, men */
  GArray     *sup_f;
  gint64      vice;        /* a vice principal, who approves family leave */
  gint64      medical;     /* the nurse, who approves medical leave */
  GHashTable *events;      /* "student night" → NightEvent */
} Nights;

static void
demo_boarder_clear (gpointer data)
{
  DemoBoarder *b = data;

  g_free (b->commune);
  g_free (b->guardian_name);
  g_free (b->guardian_phone);
}

static void
nights_clear (Nights *n)
{
  g_clear_pointer (&n->tonight, g_date_free);
  g_clear_pointer (&n->opening, g_free);
  g_clear_pointer (&n->boarders, g_array_unref);
  g_clear_pointer (&n->sup_m, g_array_unref);
  g_clear_pointer (&n->sup_f, g_array_unref);
  g_clear_pointer (&n->events, g_hash_table_unref);
}

/* The ISO day @days after tonight (before, when negative). */
static char *
night_day (const Nights *n,
           int           days)
{
  g_autoptr(GDate) day = g_date_copy (n->tonight);

  if (days >= 0)
    g_date_add_days (day, (guint) days);
  else
    g_date_subtract_days (day, (guint) -days);
  return nt_date_to_iso (day);
}

static GDateWeekday
night_weekday (const Nights *n,
               int           days)
{
  g_autoptr(GDate) day = g_date_copy (n->tonight);

  if (days >= 0)
    g_date_add_days (day, (guint) days);
  else
    g_date_subtract_days (day, (guint) -days);
  return g_date_get_weekday (day);
}

/* 'YYYY-MM-DD HH:MM', @minutes after midnight of the day @days after tonight. */
static char *
night_time (const Nights *n,
            int           days,
            int           minutes)
{
  g_autofree char *day = night_day (n, days);

  return g_strdup_printf ("%s %02d:%02d", day, minutes / 60, minutes % 60);
}

static gboolean
night_checked (const Nights *n,
               int           days)
{
  g_autofree char *day = night_day (n, days);

  return strcmp (day, n->opening) >= 0;
}

static void
add_event (Nights     *n,
           gint64      student_id,
           const char *night,
           const char *status,
           int         late_minutes,
           const char *note)
{
  char *key = g_strdup_printf ("%" G_GINT64_FORMAT " %s", student_id, night);
  NightEvent *e;

  if (g_hash_table_contains (n->events, key))
    {
      g_free (key);
      return;
    }
  e = g_new0 (NightEvent, 1);
  e->status = status;
  e->note = note;
  if (late_minutes > 0)
    g_snprintf (e->late_at, sizeof e->late_at, "%02d:%02d", late_minutes / 60 % 24, late_minutes % 60);
  g_hash_table_insert (n->events, key, e);
}

static NightEvent *
lookup_event (Nights     *n,
              gint64      student_id,
              const char *night)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT " %s", student_id, night);

  return g_hash_table_lookup (n->events, key);
}

static gboolean
load_nights (Nights  *n,
             GError **error)
{
  g_autofree char *tonight = nt_night_check_default_night ();
  sqlite3_stmt *stmt;

  n->tonight = nt_date_from_iso (tonight);
  n->opening = iso_day (n->d->year, 8, 25);
  n->boarders = g_array_new (FALSE, TRUE, sizeof (DemoBoarder));
  g_array_set_clear_func (n->boarders, demo_boarder_clear);
  n->sup_m = g_array_new (FALSE, FALSE, sizeof (gint64));
  n->sup_f = g_array_new (FALSE, FALSE, sizeof (gint64));
  n->events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  stmt = nt_store_prepare (n->d->store,
                           "SELECT s.id, s.gender, s.home_commune, s.guardian_name, s.guardian_phone "
                           "FROM students s JOIN bed_assignments a ON a.student_id = s.id AND a.end_date IS NULL "
                           "WHERE s.active = 1 AND s.boarding = 'boarding' ORDER BY s.id", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      DemoBoarder b = {
        sqlite3_column_int64 (stmt, 0),
        *(const char *) sqlite3_column_text (stmt, 1),
        g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 3)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 4)),
      };
      g_array_append_val (n->boarders, b);
    }
  sqlite3_reset (stmt);

  stmt = nt_store_prepare (n->d->store, "SELECT id, gender, role FROM staff WHERE active = 1 ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *gender = (const char *) sqlite3_column_text (stmt, 1);
      const char *role = (const char *) sqlite3_column_text (stmt, 2);

      if (g_str_equal (role, "supervisor"))
        g_array_append_val (g_str_equal (gender, "F") ? n->sup_f : n->sup_m, id);
      else if (g_str_equal (role, "vice_principal") && n->vice == 0)
        n->vice = id;
      else if (g_str_equal (role, "medical") && n->medical == 0)
        n->medical = id;
    }
  sqlite3_reset (stmt);

  g_assert (n->sup_m->len > 0 && n->sup_f->len > 0 && n->vice != 0 && n->medical != 0);
  return TRUE;
}

/* A supervisor of @gender ('M' or 'F') by a duty roster turning with @turn. */
static gint64
supervisor_for (const Nights *n,
                char          gender,
                guint         turn)
{
  GArray *list = gender == 'F' ? n->sup_f : n->sup_m;

  return g_array_index (list, gint64, turn % list->len);
}

/* Records a leave as the office does: approved by @approver (0 leaves it
 * requested), then marked out at @out_at and back at @back_at when given.
 * A student who already has leave at that time is not an error: *@id is
 * set to 0 and the caller draws someone else. */
static gboolean
add_leave (Nights             *n,
           const DemoBoarder  *b,
           const char         *from,
           const char         *to,
           const char         *reason,
           const char         *destination,
           const char         *note,
           gint64              approver,
           const char         *out_at,
           const char         *back_at,
           gint64             *id,
           GError            **error)
{
  NtLeaveInput input = {
    b->id, from, to, reason, destination, b->guardian_name, b->guardian_phone, note, approver,
  };
  g_autoptr(GError) local = NULL;

  *id = 0;
  if (!nt_leaves_check (n->d->store, &input, &local))
    {
      if (g_error_matches (local, NT_ERROR, NT_ERROR_INVALID))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  *id = nt_leaves_create (n->d->store, &input, error);
  if (*id == 0)
    return FALSE;
  if (out_at != NULL && !nt_leaves_mark_out (n->d->store, *id, out_at, error))
    return FALSE;
  if (back_at != NULL && !nt_leaves_mark_returned (n->d->store, *id, back_at, error))
    return FALSE;
  return TRUE;
}

static const DemoBoarder *
draw_boarder (Nights *n)
{
  return &g_array_index (n->boarders, DemoBoarder,
                         g_rand_int_range (n->d->rand, 0, (gint32) n->boarders->len));
}

/* About a third of the boarders go home on each weekend of the month,
 * Friday or Saturday at 11:00 to Sunday at 17:00; most are back in the
 * afternoon, some in the evening, and a few only after curfew, when the
 * Sunday check marks them late. */
static gboolean
add_weekend_leaves (Nights  *n,
                    GError **error)
{
  static const char * const late_notes[] = {
    "Về muộn sau nghỉ cuối tuần, xe khách đến muộn",
    "Về muộn sau nghỉ cuối tuần, không báo trước",
    "Về muộn, đường về bản sạt lở",
  };
  Demo *d = n->d;

  for (int sunday = -DEMO_NIGHTS; sunday <= -1; sunday++)
    {
      g_autofree char *to = NULL;

      if (night_weekday (n, sunday) != G_DATE_SUNDAY || !night_checked (n, sunday - 2))
        continue;
      to = night_time (n, sunday, 17 * 60);

      for (guint i = 0; i < n->boarders->len; i++)
        {
          const DemoBoarder *b = &g_array_index (n->boarders, DemoBoarder, i);
          int leaving = chance (d, 0.4) ? sunday - 2 : sunday - 1;
          g_autofree char *from = NULL;
          g_autofree char *out_at = NULL;
          g_autofree char *back_at = NULL;
          int back;
          double r;
          gint64 id;

          if (!chance (d, 0.3))
            continue;
          from = night_time (n, leaving, 11 * 60);
          out_at = night_time (n, leaving, 11 * 60 + g_rand_int_range (d->rand, 0, 90));
          r = g_rand_double (d->rand);
          back = r < 0.015 ? 21 * 60 + 40 + g_rand_int_range (d->rand, 0, 70)
               : r < 0.08 ? 17 * 60 + 10 + g_rand_int_range (d->rand, 0, 230)
               : 13 * 60 + g_rand_int_range (d->rand, 0, 240);
          back_at = night_time (n, sunday, back);
          if (!add_leave (n, b, from, to, "home", b->commune, "", supervisor_for (n, b->gender, i),
                          out_at, back_at, &id, error))
            return FALSE;
          if (id != 0 && back >= 21 * 60 + 30)
            {
              g_autofree char *night = night_day (n, sunday);

              add_event (n, b->id, night, "late", back,
                         late_notes[g_rand_int_range (d->rand, 0, G_N_ELEMENTS (late_notes))]);
            }
        }
    }
  return TRUE;
}

/* A few students away on weekdays: to the provincial hospital, or home
 * for a family matter; all back in time. */
static gboolean
add_weekday_leaves (Nights  *n,
                    GError **error)
{
  static const char * const medical_notes[] = {
    "Khám và điều trị viêm họng",
    "Tái khám hen suyễn theo hẹn",
    "Chụp X-quang cổ tay sau khi ngã",
    "Khám mắt, cắt kính",
  };
  static const char * const family_notes[] = {
    "Gia đình có việc hiếu",
    "Dự đám cưới chị gái",
    "Ông nội ốm nặng, gia đình xin cho về thăm",
    "Gia đình chuyển nhà",
  };
  Demo *d = n->d;

  for (guint made = 0, tries = 0; made < 6 && tries < 100; tries++)
    {
      const DemoBoarder *b = draw_boarder (n);
      int day = g_rand_int_range (d->rand, -DEMO_NIGHTS, -3);
      GDateWeekday weekday = night_weekday (n, day);
      gboolean medical = chance (d, 0.5);
      int nights = medical ? 1 : g_rand_int_range (d->rand, 1, 3);
      int from_min = medical ? 7 * 60 + 30 : 13 * 60;
      int to_min = medical ? 11 * 60 : 17 * 60;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      g_autofree char *out_at = NULL;
      g_autofree char *back_at = NULL;
      gint64 id;

      if (weekday > G_DATE_THURSDAY || !night_checked (n, day))
        continue;
      from = night_time (n, day, from_min);
      to = night_time (n, day + nights, to_min);
      out_at = night_time (n, day, from_min + g_rand_int_range (d->rand, 5, 40));
      back_at = night_time (n, day + nights, to_min - g_rand_int_range (d->rand, 20, 150));
      if (!add_leave (n, b, from, to, medical ? "medical" : "family",
                      medical ? "Bệnh viện Đa khoa tỉnh Lai Châu" : b->commune,
                      medical ? medical_notes[g_rand_int_range (d->rand, 0, G_N_ELEMENTS (medical_notes))]
                              : family_notes[g_rand_int_range (d->rand, 0, G_N_ELEMENTS (family_notes))],
                      medical ? n->medical : n->vice, out_at, back_at, &id, error))
        return FALSE;
      if (id != 0)
        made++;
    }
  return TRUE;
}

/* Two students out whose leave has ended and who have not come back: the
 * Overview shows them overdue, and last night's check has them absent. */
static gboolean
add_overdue_leaves (Nights  *n,
                    GError **error)
{
  struct {
    const char *reason;
    int         from_day, from_min, to_day, to_min;
    const char *destination;  /* NULL: the student's home */
    const char *note;
  } overdue[] = {
    { "family", -3, 8 * 60, -1, 17 * 60, NULL, "Về quê dự đám cưới anh trai" },
    { "medical", -2, 7 * 60 + 30, -1, 11 * 60, "Bệnh viện Đa khoa tỉnh Lai Châu", "Nhổ răng khôn, gia đình đưa đi" },
  };
  g_autofree char *last_night = night_day (n, -1);

  for (guint i = 0; i < G_N_ELEMENTS (overdue); i++)
    for (guint tries = 0; tries < 50; tries++)
      {
        const DemoBoarder *b = draw_boarder (n);
        g_autofree char *from = night_time (n, overdue[i].from_day, overdue[i].from_min);
        g_autofree char *to = night_time (n, overdue[i].to_day, overdue[i].to_min);
        g_autofree char *out_at = night_time (n, overdue[i].from_day, overdue[i].from_min + 15);
        gint64 id;

        if (!add_leave (n, b, from, to, overdue[i].reason,
                        overdue[i].destination ? overdue[i].destination : b->commune, overdue[i].note,
                        g_str_equal (overdue[i].reason, "medical") ? n->medical : n->vice,
                        out_at, NULL, &id, error))
          return FALSE;
        if (id != 0)
          {
            add_event (n, b->id, last_night, "absent", 0, "Quá hạn phép chưa về; đã gọi điện cho phụ huynh");
            break;
          }
      }
  return TRUE;
}

/* The coming weekend: a few leaves asked for already, some approved. */
static gboolean
add_future_leaves (Nights  *n,
                   GError **error)
{
  int friday = 1;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  while (night_weekday (n, friday) != G_DATE_FRIDAY)
    friday++;
  from = night_time (n, friday, 11 * 60);
  to = night_time (n, friday + 2, 17 * 60);

  for (guint made = 0, tries = 0; made < 6 && tries < 50; tries++)
    {
      const DemoBoarder *b = draw_boarder (n);
      gint64 id;

      if (!add_leave (n, b, from, to, "home", b->commune, "",
                      made < 4 ? supervisor_for (n, b->gender, made) : 0, NULL, NULL, &id, error))
        return FALSE;
      if (id != 0)
        made++;
    }
  return TRUE;
}

/* The status of one student at the check, when not "present": from the
 * leave's consequences, else a rare sickness, absence or late return. */
static gboolean
mark_exception (Nights      *n,
                gint64       entry_id,
                gint64       student_id,
                const char  *night,
                GError     **error)
{
  static const char * const sick_notes[] = {
    "Sốt, nằm phòng y tế",
    "Đau bụng, nằm phòng y tế theo dõi",
    "Cảm cúm, nghỉ tại phòng, đã báo y tế",
    "Đau đầu, chóng mặt; y tế đã cho uống thuốc",
  };
  static const char * const absent_notes[] = {
    "Không có mặt, không xin phép; đã báo phụ huynh",
    "Không rõ lý do, bạn cùng phòng không biết",
  };
  static const char * const late_notes[] = {
    "Đi chơi ngoài trường về muộn",
    "Về muộn, không báo trước",
    "Ở lại lớp học nhóm, không báo giám thị",
  };
  Demo *d = n->d;
  NightEvent *e = lookup_event (n, student_id, night);
  double r;

  if (e != NULL)
    return nt_night_check_mark (d->store, entry_id, e->status, e->late_at[0] ? e->late_at : NULL, e->note, error);

  /* About one student in 200 sick (some for two nights), one in 500
   * absent without leave, one in 250 late. */
  r = g_rand_double (d->rand);
  if (r < 0.0035)
    {
      const char *note = sick_notes[g_rand_int_range (d->rand, 0, G_N_ELEMENTS (sick_notes))];

      /* A sickness often lasts a second night. */
      if (chance (d, 0.4))
        {
          g_autoptr(GDate) next = nt_date_from_iso (night);
          g_autofree char *next_iso = NULL;

          g_date_add_days (next, 1);
          next_iso = nt_date_to_iso (next);
          add_event (n, student_id, next_iso, "sick", 0, note);
        }
      return nt_night_check_mark (d->store, entry_id, "sick", NULL, note, error);
    }
  if (r < 0.0055)
    return nt_night_check_mark (d->store, entry_id, "absent", NULL,
                                absent_notes[g_rand_int_range (d->rand, 0, G_N_ELEMENTS (absent_notes))], error);
  if (r < 0.0095)
    {
      g_autofree char *late = NULL;
      int minutes = 21 * 60 + 40 + g_rand_int_range (d->rand, 0, 81);

      late = g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
      return nt_night_check_mark (d->store, entry_id, "late", late,
                                  late_notes[g_rand_int_range (d->rand, 0, G_N_ELEMENTS (late_notes))], error);
    }
  return TRUE;
}

typedef struct
{
  gint64 id;
  gint64 student_id;
} EntryRef;

/* One building on one night: started by a supervisor of the building's
 * gender, the exceptions marked one by one, everyone else present, and
 * closed. */
static gboolean
check_building (Nights      *n,
                const char  *night,
                gint64       building_id,
                char         gender,
                guint        turn,
                GError     **error)
{
  Demo *d = n->d;
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (EntryRef));
  sqlite3_stmt *stmt;
  gint64 check_id;

  check_id = nt_night_check_start (d->store, night, building_id, 0,
                                   supervisor_for (n, gender == 'F' ? 'F' : 'M', turn), error);
  if (check_id == 0)
    return FALSE;

  /* In walking order: the beds were made floor by floor, room by room. */
  stmt = nt_store_prepare (d->store,
                           "SELECT e.id, e.student_id FROM night_check_entries e "
                           "WHERE e.check_id = ?1 AND e.status IS NULL ORDER BY e.bed_id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, check_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      EntryRef ref = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
      g_array_append_val (entries, ref);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < entries->len; i++)
    {
      const EntryRef *ref = &g_array_index (entries, EntryRef, i);

      if (!mark_exception (n, ref->id, ref->student_id, night, error))
        return FALSE;
    }

  /* Enter on every room, as nt_night_check_mark_room_present() does it
   * but in one statement for the building: 1,800 calls a month would be
   * 40% of the demo's time. The marks get their times later. */
  stmt = nt_store_prepare (d->store,
                           "UPDATE night_check_entries SET status = 'present', late_at = NULL, marked_at = '' "
                           "WHERE check_id = ?1 AND status IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, check_id);
  if (!nt_store_step_done (d->store, stmt, error))
    return FALSE;

  return nt_night_check_close (d->store, check_id, NULL, error);
}

/* The core stamps a check and its marks with the clock; a check of the
 * demo is given the evening it belongs to: started a little after curfew,
 * about ten seconds a student along the walk, a late student marked when
 * they came, closed a couple of minutes after the last mark. */
static gboolean
set_check_times (Nights  *n,
                 GError **error)
{
  Demo *d = n->d;
  g_autoptr(GArray) checks = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) check_nights = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  stmt = nt_store_prepare (d->store, "SELECT id, night FROM night_checks ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (checks, id);
      g_ptr_array_add (check_nights, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);

  for (guint c = 0; c < checks->len; c++)
    {
      gint64 check_id = g_array_index (checks, gint64, c);
      int start = (21 * 60 + 32 + g_rand_int_range (d->rand, 0, 10)) * 60 + g_rand_int_range (d->rand, 0, 60);
      g_autofree char *started = g_strdup_printf ("%s %02d:%02d:%02d", (const char *) g_ptr_array_index (check_nights, c),
                                                  start / 3600, start / 60 % 60, start % 60);
      int walked = 0;

      stmt = nt_store_prepare (d->store, "UPDATE night_checks SET started_at = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, check_id);
      sqlite3_bind_text (stmt, 2, started, -1, SQLITE_TRANSIENT);
      if (!nt_store_step_done (d->store, stmt, error))
        return FALSE;

      g_array_set_size (entries, 0);
      stmt = nt_store_prepare (d->store,
                               "SELECT id FROM night_check_entries WHERE check_id = ?1 ORDER BY bed_id", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, check_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (entries, id);
        }
      sqlite3_reset (stmt);

      for (guint i = 0; i < entries->len; i++)
        {
          g_autofree char *offset = NULL;

          walked += 6 + g_rand_int_range (d->rand, 0, 9);
          offset = g_strdup_printf ("+%d seconds", walked);
          stmt = nt_store_prepare (d->store,
                                   "UPDATE night_check_entries SET marked_at = "
                                   "  CASE WHEN status = 'late' THEN late_at || ':00' ELSE datetime (?2, ?3) END "
                                   "WHERE id = ?1 AND marked_at IS NOT NULL", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, g_array_index (entries, gint64, i));
          sqlite3_bind_text (stmt, 2, started, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 3, offset, -1, SQLITE_TRANSIENT);
          if (!nt_store_step_done (d->store, stmt, error))
            return FALSE;
        }
    }

  return nt_store_exec (d->store,
                        "UPDATE night_checks SET closed_at = datetime (max (started_at, ifnull ("
                        "  (SELECT max (marked_at) FROM night_check_entries e WHERE e.check_id = night_checks.id), "
                        "  started_at)), '+2 minutes')", error);
}

/* The month of checks is written without its audit rows: 17,000 of them
 * (a JSON copy of every entry and mark) would take half the demo's time
 * and tell nothing, since nobody did these checks. The leave keeps its
 * audit rows. */
static gboolean
add_nights (Demo    *d,
            GError **error)
{
  Nights n = { .d = d };
  g_autoptr(GArray) buildings = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) triggers = NULL;
  g_autoptr(GString) genders = g_string_new (NULL);
  sqlite3_stmt *stmt;
  gboolean ok;

  ok = load_nights (&n, error);
  if (ok && n.boarders->len == 0)
    {
      nights_clear (&n);
      return TRUE;
    }
  ok = ok &&
       add_weekend_leaves (&n, error) &&
       add_weekday_leaves (&n, error) &&
       add_overdue_leaves (&n, error) &&
       add_future_leaves (&n, error);

  if (ok)
    {
      stmt = nt_store_prepare (d->store, "SELECT id, gender FROM buildings WHERE active ORDER BY id", error);
      ok = stmt != NULL;
      while (ok && sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (buildings, id);
          g_string_append_c (genders, *(const char *) sqlite3_column_text (stmt, 1));
        }
      if (stmt != NULL)
        sqlite3_reset (stmt);
    }

  if (ok)
    {
      triggers = suspend_triggers (d->store, "night_check*_audit_*", error);
      ok = triggers != NULL;
    }

  for (int day = -DEMO_NIGHTS; ok && day <= -1; day++)
    {
      g_autofree char *night = night_day (&n, day);

      if (!night_checked (&n, day))
        continue;
      for (guint b = 0; ok && b < buildings->len; b++)
        ok = check_building (&n, night, g_array_index (buildings, gint64, b), genders->str[b],
                             (guint) (day + DEMO_NIGHTS), error);
    }

  ok = ok &&
       set_check_times (&n, error) &&
       resume_triggers (d->store, triggers, error);

  nights_clear (&n);
  return ok;
}

/* ----- the whole school ------------------------------------------------- */

/* The school year running now: from September to the next August. */
static int
current_school_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);

  return g_date_time_get_month (now) >= 9 ? year : year - 1;
}

static gboolean
load_lists (Demo    *d,
            GError **error)
{
  struct { char ***slot; const char *name; } lists[] = {
    { &d->family, "family-names.txt" },
    { &d->given_m, "given-names-male.txt" },
    { &d->given_f, "given-names-female.txt" },
    { &d->middle_m, "middle-names-male.txt" },
    { &d->middle_f, "middle-names-female.txt" },
    { &d->communes, "communes.txt" },
    { &d->ethnic_groups, "ethnic-groups.txt" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      *lists[i].slot = nt_core_lookup_lines (lists[i].name);
      if (**lists[i].slot == NULL)
        {
          g_set_error (error, NT_ERROR, NT_ERROR_FAILED,
                       _("The list “%s” built into the program is empty; the demo school cannot be made."),
                       lists[i].name);
          return FALSE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (ethnicities); i++)
    g_assert (g_strv_contains ((const char * const *) d->ethnic_groups, ethnicities[i].name));

  return TRUE;
}

static gboolean
store_is_empty (NtStore *store)
{
  return nt_store_count (store, "SELECT count(*) FROM school") == 0 &&
         nt_store_count (store, "SELECT count(*) FROM classes") == 0 &&
         nt_store_count (store, "SELECT count(*) FROM staff") == 0 &&
         nt_store_count (store, "SELECT count(*) FROM students") == 0 &&
         nt_store_count (store, "SELECT count(*) FROM buildings") == 0;
}

/* The books kept in their own files (nt-demo-private.h), in this order. */
static const NtDemoPart demo_parts[] = {
  nt_demo_commitments,
  nt_demo_dorm,
  nt_demo_incidents,
  nt_demo_roster,
  nt_demo_assessment,
  NULL
};

static gboolean
add_parts (Demo    *d,
           GError **error)
{
  NtDemoContext ctx = { d->store, d->rand, d->year };

  for (guint i = 0; demo_parts[i] != NULL; i++)
    if (!demo_parts[i] (&ctx, error))
      return FALSE;
  return TRUE;
}

static gboolean
populate (Demo    *d,
          GError **error)
{
  g_autofree char *principal = NULL;

  if (!add_classes (d, error))
    return FALSE;
  principal = add_staff (d, error);
  if (principal == NULL)
    return FALSE;
  return add_school (d, principal, error) &&
         set_homerooms (d, error) &&
         add_dorm (d, error) &&
         add_students (d, error) &&
         (d->scale > 1 || (place_boarders (d, error) && add_nights (d, error) && add_parts (d, error)));
}

/* A benchmark school of 100,000 students would write an audit row (a JSON
 * copy) for every row and take twice as long; its rows are written without
 * them. */
static gboolean
populate_in_transaction (Demo    *d,
                         GError **error)
{
  g_autoptr(GPtrArray) triggers = NULL;

  if (d->scale > 1)
    {
      triggers = suspend_triggers (d->store, "*_audit_insert", error);
      if (triggers == NULL)
        return FALSE;
    }
  if (!populate (d, error))
    return FALSE;
  return triggers == NULL || resume_triggers (d->store, triggers, error);
}

/**
 * nt_demo_populate:
 * @store: an empty (newly created) database
 * @options: (nullable): the seed and size; %NULL for the default school
 *
 * Fills @store with a demo school, in one transaction: all of it or, on
 * error, nothing. The audit log records the changes as made by nobody,
 * but for the entries of the month's night checks; a school larger than
 * the default (for benchmarks) is inserted without an audit row for each
 * insert, and without the month of nights.
 */
gboolean
nt_demo_populate (NtStore              *store,
                  const NtDemoOptions  *options,
                  GError              **error)
{
  static const char * const tables[] = {
    "school", "staff", "classes", "buildings", "rooms", "beds", "students", "bed_assignments",
    "leaves", "night_checks", "night_check_entries", "holidays",
    "rule_sets", "commitments",
    "incidents", "incident_people",
    "student_allowed_visitors", "visitors", "inspection_criteria", "room_inspections",
    "room_inspection_scores", "dialogues", "dialogue_items", "confidential_reports",
    "posts", "shift_templates", "staff_availability", "duties", "handovers",
    "assessments", "assessment_items",
  };
  NtDemoOptions defaults = { NT_DEMO_DEFAULT_SEED, 0 };
  Demo d = { 0 };
  gint64 actor;
  gboolean ok;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    options = &defaults;

  if (!store_is_empty (store))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_EXISTS,
                   _("“%s” already holds a school; the demo school is only made in a new, empty database."),
                   nt_store_get_path (store));
      return FALSE;
    }

  d.store = store;
  d.rand = g_rand_new_with_seed (options->seed);
  d.year = current_school_year ();
  d.n_students = options->n_students > 0 ? options->n_students : DEFAULT_STUDENTS;
  d.scale = d.n_students <= DEFAULT_STUDENTS ? 1 : (d.n_students + DEFAULT_STUDENTS - 1) / DEFAULT_STUDENTS;
  d.classes = g_array_new (FALSE, FALSE, sizeof (DemoClass));
  d.teachers = g_array_new (FALSE, FALSE, sizeof (gint64));
  d.beds_m = g_array_new (FALSE, FALSE, sizeof (gint64));
  d.beds_f = g_array_new (FALSE, FALSE, sizeof (gint64));
  d.personal_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  d.phones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!load_lists (&d, error))
    {
      demo_clear (&d);
      return FALSE;
    }

  actor = nt_store_get_actor (store);
  if (!nt_store_set_actor (store, 0, error))
    {
      demo_clear (&d);
      return FALSE;
    }

  /* The school is one large transaction (the default one with its month
   * of checks and their audit rows, about 8 MB): keep its pages in memory
   * rather than spilling them to the WAL before the commit. */
  {
    g_autofree char *pragma = g_strdup_printf ("PRAGMA cache_size = -%u", MAX (32u * 1024u, MIN (d.n_students * 2, 512u * 1024u)));
    nt_store_exec (store, pragma, NULL);
  }

  ok = nt_store_begin (store, error);
  if (ok)
    {
      ok = populate_in_transaction (&d, error) && nt_store_commit (store, error);
      if (!ok)
        nt_store_rollback (store);
    }
  if (!ok)
    g_prefix_error (error, _("The demo school could not be made: "));

  nt_store_exec (store, "PRAGMA cache_size = -2000", NULL);
  nt_store_set_actor (store, actor, NULL);
  demo_clear (&d);

  if (ok)
    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      nt_store_emit_changed (store, tables[i]);

  return ok;
}

static void
remove_database_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_remove (file);
    }
}

/**
 * nt_demo_create:
 * @path: where to create the database; must not exist yet
 * @options: (nullable): the seed and size
 *
 * Creates a new database at @path holding a demo school. An existing file
 * is refused (%NT_ERROR_EXISTS) and left as it was; if the school cannot be
 * made, the half-made file is removed.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
NtStore *
nt_demo_create (const char           *path,
                const NtDemoOptions  *options,
                GError              **error)
{
  g_autoptr(NtStore) store = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = nt_store_open (path, NT_STORE_OPEN_NEW, error);
  if (store == NULL)
    return NULL;

  if (!nt_demo_populate (store, options, error))
    {
      g_clear_object (&store);
      remove_database_files (path);
      return NULL;
    }

  return g_steal_pointer (&store);
}
