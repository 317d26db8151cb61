/* nt-assign.c: the term-start assignment of boarders to beds
 *
 * The plan is made in memory from four queries, in three steps:
 *
 * 1. Who gets a bed. When there are fewer beds for a gender than boarders
 *    of it, students are taken by priority (Circular 27/2011, Art. 4; see
 *    nt-priority.c), then by id; the others wait, with the reason.
 * 2. Greedy placement: returning students first, then the others by
 *    gender, grade, class; each goes to the room where it adds most to the
 *    objective (ties: the first room in building, floor, number order).
 * 3. Local improvement: a student moves to a free bed or swaps with a new
 *    student of another room on the same floor when that raises the
 *    objective; a few passes.
 *
 * The objective sums, over the new students, each one's part of each
 * preference: returning (the weight when in last term's room); grade and
 * mix (for each room-mate, +weight for the same grade and +weight/2 for the
 * same class; -weight for the same ethnic group and -weight for the same
 * home commune; divided by the room's size less one); siblings (+weight per
 * brother or sister in the room).
 *
 * Hard rules, never broken: the gender of the building and of the room (a
 * room open to both takes one gender at a time here: its first occupant's),
 * only active, unlocked, free beds of active dorm rooms in active buildings.
 *
 * Everything is ordered by ids and row order, never by hash order or the
 * clock, so the same database gives the same plan.
 */
#define G_LOG_DOMAIN "nt-assign"

#include <string.h>

#include "nt-access.h"
#include "nt-assign.h"
#include "nt-bulk.h"
#include "nt-date.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-priority.h"
#include "nt-row.h"
#include "nt-util.h"

#define EPSILON        1e-9
#define MAX_PASSES     1

/* ----- NtAssignChange ---------------------------------------------------- */

static const NtRowField change_fields[] = {
  NT_ROW_PROPERTY (NtAssignChange, student_name, "student-name", STRING),
  NT_ROW_PROPERTY (NtAssignChange, room_number, "room-number", STRING),
  NT_ROW_PROPERTY (NtAssignChange, bed_label, "bed-label", STRING),
  NT_ROW_PROPERTY (NtAssignChange, reason, "reason", STRING),
  NT_ROW_OWNED_STRING (NtAssignChange, student_code),
  NT_ROW_OWNED_STRING (NtAssignChange, gender),
  NT_ROW_OWNED_STRING (NtAssignChange, class_name),
  NT_ROW_OWNED_STRING (NtAssignChange, building_name),
};

NT_DEFINE_ROW_TYPE (NtAssignChange, nt_assign_change, change_fields)

/* ----- options ----------------------------------------------------------- */

void
nt_assign_options_init (NtAssignOptions *options)
{
  g_return_if_fail (options != NULL);

  for (guint i = 0; i < NT_ASSIGN_N_PREFS; i++)
    options->enabled[i] = TRUE;
  options->weight[NT_ASSIGN_PREF_RETURNING] = 10.0;
  options->weight[NT_ASSIGN_PREF_GRADE] = 4.0;
  options->weight[NT_ASSIGN_PREF_MIX] = 1.0;
  options->weight[NT_ASSIGN_PREF_SIBLINGS] = 6.0;
}

const char *
nt_assign_preference_label (NtAssignPreference preference)
{
  switch (preference)
    {
    case NT_ASSIGN_PREF_RETURNING: return _("Keep returning students in last term’s room");
    case NT_ASSIGN_PREF_GRADE: return _("Room-mates of the same grade, then class");
    case NT_ASSIGN_PREF_MIX: return _("Mix ethnic groups and home communes in a room");
    case NT_ASSIGN_PREF_SIBLINGS: return _("Keep brothers and sisters together");
    case NT_ASSIGN_N_PREFS:
    default: g_return_val_if_reached (NULL);
    }
}

/* ----- the plan's model -------------------------------------------------- */

typedef struct
{
  gint64  id;
  char   *label;
  int     room;       /* index into rooms */
  int     holder;     /* index into people of the new student given it, or -1 */
} Bed;

typedef struct
{
  gint64  id;
  char   *number;
  char   *building;
  char    gender;     /* 'M', 'F', 'X' (either, one at a time) or 0 (nobody: conflicting genders) */
  int     floor_key;  /* same value for the rooms of one floor of one building */
  int     size;       /* students now + free beds */
  int     n_free;     /* of its beds, those no new student is given */
  GArray *members;    /* int indices into people: who is (or would be) in it */
  GArray *beds;       /* int indices into beds: the free beds, in label order */
} Room;

typedef struct
{
  gint64  id;
  char   *code;
  char   *name;
  char   *class_name;
  char    gender;
  int     grade;
  gint64  class_id;
  int     ethnicity;  /* interned; 0 for none */
  int     commune;
  int     phone;
  int     priority;
  int     last_room;  /* room index of the most recent closed assignment, or -1 */
  gboolean fixed;     /* already in a bed: only a room-mate */
  int     room;       /* room index, or -1 */
  int     bed;        /* bed index (new students), or -1 */
  char   *reason;     /* why not placed */
} Person;

struct _NtAssignPlan
{
  NtAssignOptions options;
  GArray     *rooms;      /* Room */
  GArray     *beds;       /* Bed */
  GArray     *people;     /* Person: the fixed ones, then the new ones */
  GHashTable *bed_index;  /* bed id → index + 1 */
  GHashTable *person_index; /* student id → index + 1 (new ones only) */
  GListStore *changes;
  GListStore *unplaced;
  double      score[NT_ASSIGN_N_PREFS];
  double      w[NT_ASSIGN_N_PREFS];  /* the weights, 0 when switched off */
};

static void
room_clear (gpointer data)
{
  Room *r = data;

  g_free (r->number);
  g_free (r->building);
  g_clear_pointer (&r->members, g_array_unref);
  g_clear_pointer (&r->beds, g_array_unref);
}

static void
bed_clear (gpointer data)
{
  g_free (((Bed *) data)->label);
}

static void
person_clear (gpointer data)
{
  Person *p = data;

  g_free (p->code);
  g_free (p->name);
  g_free (p->class_name);
  g_free (p->reason);
}

void
nt_assign_plan_free (NtAssignPlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_pointer (&plan->rooms, g_array_unref);
  g_clear_pointer (&plan->beds, g_array_unref);
  g_clear_pointer (&plan->people, g_array_unref);
  g_clear_pointer (&plan->bed_index, g_hash_table_unref);
  g_clear_pointer (&plan->person_index, g_hash_table_unref);
  g_clear_object (&plan->changes);
  g_clear_object (&plan->unplaced);
  g_free (plan);
}

#define ROOM(plan, i)   (&g_array_index ((plan)->rooms, Room, (i)))
#define BED(plan, i)    (&g_array_index ((plan)->beds, Bed, (i)))
#define PERSON(plan, i) (&g_array_index ((plan)->people, Person, (i)))

static inline double
weight (const NtAssignPlan *plan,
        NtAssignPreference  pref)
{
  return plan->w[pref];
}

/* The gender a room takes now, leaving out @except (a person index or -1). */
static char
room_takes (NtAssignPlan *plan,
            const Room   *r,
            int           except)
{
  if (r->gender != 'X')
    return r->gender;
  for (guint i = 0; i < r->members->len; i++)
    {
      int m = g_array_index (r->members, int, i);
      if (m != except)
        return PERSON (plan, m)->gender;
    }
  return 'X';
}

static gboolean
fits (NtAssignPlan *plan,
      const Person *p,
      int           room,
      int           except)
{
  char takes = room_takes (plan, ROOM (plan, room), except);

  return takes == p->gender || takes == 'X';
}

/* The pairwise terms of two people in one room, before division. */
static inline void
pair_terms (NtAssignPlan *plan,
            const Person *a,
            const Person *b,
            double       *grade,
            double       *mix,
            double       *siblings)
{
  if (a->grade == b->grade)
    *grade += weight (plan, NT_ASSIGN_PREF_GRADE) * (a->class_id == b->class_id ? 1.5 : 1.0);
  if (a->ethnicity != 0 && a->ethnicity == b->ethnicity)
    *mix -= weight (plan, NT_ASSIGN_PREF_MIX);
  if (a->commune != 0 && a->commune == b->commune)
    *mix -= weight (plan, NT_ASSIGN_PREF_MIX);
  if (a->phone != 0 && a->phone == b->phone)
    *siblings += weight (plan, NT_ASSIGN_PREF_SIBLINGS);
}

/* What @p would have (or has) in @room with its members other than
 * @except and @p; @parts gets each preference when not NULL. */
static double
own_score (NtAssignPlan *plan,
           int           pi,
           int           room,
           int           except,
           double       *parts)
{
  const Person *p = PERSON (plan, pi);
  const Room *r = ROOM (plan, room);
  double grade = 0, mix = 0, siblings = 0, returning = 0;
  double norm = MAX (1, r->size - 1);

  for (guint i = 0; i < r->members->len; i++)
    {
      int m = g_array_index (r->members, int, i);
      if (m != pi && m != except)
        pair_terms (plan, p, PERSON (plan, m), &grade, &mix, &siblings);
    }
  if (p->last_room == room)
    returning = weight (plan, NT_ASSIGN_PREF_RETURNING);
  grade /= norm;
  mix /= norm;
  if (parts != NULL)
    {
      parts[NT_ASSIGN_PREF_RETURNING] = returning;
      parts[NT_ASSIGN_PREF_GRADE] = grade;
      parts[NT_ASSIGN_PREF_MIX] = mix;
      parts[NT_ASSIGN_PREF_SIBLINGS] = siblings;
    }
  /* A room-mate gains what p gains: the pairs count twice. */
  return returning + 2 * (grade + mix + siblings);
}

static void
members_remove (GArray *members,
                int     value)
{
  for (guint i = 0; i < members->len; i++)
    if (g_array_index (members, int, i) == value)
      {
        g_array_remove_index (members, i);
        return;
      }
  g_assert_not_reached ();
}

/* Takes the first free bed of @room (beds are kept in label order). */
static int
take_bed (NtAssignPlan *plan,
          int           room)
{
  Room *r = ROOM (plan, room);

  for (guint i = 0; i < r->beds->len; i++)
    {
      int b = g_array_index (r->beds, int, i);
      if (BED (plan, b)->holder < 0)
        return b;
    }
  return -1;
}

static void
place (NtAssignPlan *plan,
       int           pi,
       int           bed)
{
  Person *p = PERSON (plan, pi);
  Bed *b = BED (plan, bed);

  g_assert (b->holder < 0);
  p->room = b->room;
  p->bed = bed;
  b->holder = pi;
  ROOM (plan, b->room)->n_free--;
  g_array_append_val (ROOM (plan, b->room)->members, pi);
  g_clear_pointer (&p->reason, g_free);
}

static void
unplace (NtAssignPlan *plan,
         int           pi)
{
  Person *p = PERSON (plan, pi);

  if (p->bed < 0)
    return;
  BED (plan, p->bed)->holder = -1;
  ROOM (plan, p->room)->n_free++;
  members_remove (ROOM (plan, p->room)->members, pi);
  p->room = -1;
  p->bed = -1;
}

/* ----- loading ----------------------------------------------------------- */

static int
intern (GHashTable *table,
        const char *text)
{
  gpointer value;

  if (text == NULL || text[0] == '\0')
    return 0;
  value = g_hash_table_lookup (table, text);
  if (value == NULL)
    {
      value = GINT_TO_POINTER (g_hash_table_size (table) + 1);
      g_hash_table_insert (table, g_strdup (text), value);
    }
  return GPOINTER_TO_INT (value);
}

static char
effective_gender (const char *room,
                  const char *building)
{
  if (room[0] == 'X')
    return building[0];
  if (building[0] == 'X' || building[0] == room[0])
    return room[0];
  return 0;
}

static gboolean
load_rooms (NtStore       *store,
            NtAssignPlan  *plan,
            GHashTable    *room_index,
            GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 last_building = -1;
  int last_floor = -1, floor_key = -1;

  stmt = nt_store_prepare (store,
                           "SELECT r.id, r.number, bl.name, r.gender, bl.gender, bl.id, r.floor "
                           "FROM rooms r JOIN buildings bl ON bl.id = r.building_id "
                           "WHERE r.active = 1 AND r.kind = 'dorm' AND bl.active = 1 "
                           "ORDER BY bl.name, bl.id, r.floor, length (r.number), r.number, r.id", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Room r = { 0 };
      gint64 building = sqlite3_column_int64 (stmt, 5);
      int floor = sqlite3_column_int (stmt, 6);

      if (building != last_building || floor != last_floor)
        floor_key++;
      last_building = building;
      last_floor = floor;

      r.id = sqlite3_column_int64 (stmt, 0);
      r.number = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      r.building = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      r.gender = effective_gender ((const char *) sqlite3_column_text (stmt, 3),
                                   (const char *) sqlite3_column_text (stmt, 4));
      r.floor_key = floor_key;
      r.members = g_array_new (FALSE, FALSE, sizeof (int));
      r.beds = g_array_new (FALSE, FALSE, sizeof (int));
      g_array_append_val (plan->rooms, r);
      g_hash_table_insert (room_index, GINT_TO_POINTER ((int) r.id), GINT_TO_POINTER (plan->rooms->len));
    }
  sqlite3_reset (stmt);

  /* The beds that can be given: active, unlocked, with nobody in them. */
  stmt = nt_store_prepare (store,
                           "SELECT b.id, b.room_id, b.label FROM beds b "
                           "WHERE b.active = 1 AND b.locked = 0 AND NOT EXISTS "
                           "(SELECT 1 FROM bed_assignments a WHERE a.bed_id = b.id AND a.end_date IS NULL) "
                           "ORDER BY b.room_id, length (b.label), b.label, b.id", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int room = GPOINTER_TO_INT (g_hash_table_lookup (room_index,
                                                       GINT_TO_POINTER ((int) sqlite3_column_int64 (stmt, 1)))) - 1;
      Bed b;
      int index;

      if (room < 0 || ROOM (plan, room)->gender == 0)
        continue;
      b.id = sqlite3_column_int64 (stmt, 0);
      b.room = room;
      b.holder = -1;
      b.label = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_array_append_val (plan->beds, b);
      index = (int) plan->beds->len - 1;
      g_array_append_val (ROOM (plan, room)->beds, index);
      ROOM (plan, room)->size++;
      ROOM (plan, room)->n_free++;
      g_hash_table_insert (plan->bed_index, GINT_TO_POINTER ((int) b.id), GINT_TO_POINTER (index + 1));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

#define PERSON_COLUMNS \
  "s.id, s.code, s.full_name, c.name, s.gender, c.grade, s.class_id, s.ethnicity, s.home_commune, " \
  "s.guardian_phone, s.priority "

static void
person_from_row (Person        *p,
                 sqlite3_stmt  *stmt,
                 GHashTable    *strings)
{
  p->id = sqlite3_column_int64 (stmt, 0);
  p->code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  p->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  p->class_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  p->gender = ((const char *) sqlite3_column_text (stmt, 4))[0];
  p->grade = sqlite3_column_int (stmt, 5);
  p->class_id = sqlite3_column_int64 (stmt, 6);
  /* Strings of the three kinds share one table: "e:", "c:", "p:" keep them apart. */
  {
    g_autofree char *e = g_strconcat ("e:", sqlite3_column_text (stmt, 7), NULL);
    g_autofree char *c = g_strconcat ("c:", sqlite3_column_text (stmt, 8), NULL);
    g_autofree char *ph = g_strconcat ("p:", sqlite3_column_text (stmt, 9), NULL);

    p->ethnicity = strlen (e) > 2 ? intern (strings, e) : 0;
    p->commune = strlen (c) > 2 ? intern (strings, c) : 0;
    p->phone = strlen (ph) > 2 ? intern (strings, ph) : 0;
  }
  p->priority = nt_priority_score ((const char *) sqlite3_column_text (stmt, 10));
  p->last_room = -1;
  p->room = -1;
  p->bed = -1;
}

static gboolean
load_people (NtStore       *store,
             NtAssignPlan  *plan,
             GHashTable    *room_index,
             GError       **error)
{
  g_autoptr(GHashTable) strings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;

  /* Students in a bed now: room-mates the new ones are scored against. */
  stmt = nt_store_prepare (store,
                           "SELECT " PERSON_COLUMNS ", b.room_id FROM bed_assignments a "
                           "JOIN students s ON s.id = a.student_id JOIN classes c ON c.id = s.class_id "
                           "JOIN beds b ON b.id = a.bed_id WHERE a.end_date IS NULL ORDER BY b.room_id, b.id", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int room = GPOINTER_TO_INT (g_hash_table_lookup (room_index,
                                                       GINT_TO_POINTER ((int) sqlite3_column_int64 (stmt, 11)))) - 1;
      Person p = { 0 };
      int index;

      if (room < 0)
        continue;
      person_from_row (&p, stmt, strings);
      p.fixed = TRUE;
      p.room = room;
      g_array_append_val (plan->people, p);
      index = (int) plan->people->len - 1;
      g_array_append_val (ROOM (plan, room)->members, index);
      ROOM (plan, room)->size++;
    }
  sqlite3_reset (stmt);

  /* An 'X' room with students in it keeps their gender. */
  for (guint i = 0; i < plan->rooms->len; i++)
    {
      Room *r = ROOM (plan, i);
      if (r->gender == 'X' && r->members->len > 0)
        r->gender = PERSON (plan, g_array_index (r->members, int, 0))->gender;
    }

  stmt = nt_store_prepare (store,
                           "SELECT " PERSON_COLUMNS ", "
                           "  (SELECT b.room_id FROM bed_assignments a JOIN beds b ON b.id = a.bed_id "
                           "   WHERE a.student_id = s.id ORDER BY a.end_date DESC, a.start_date DESC, a.id DESC LIMIT 1) "
                           "FROM students s JOIN classes c ON c.id = s.class_id "
                           "WHERE s.active = 1 AND s.boarding = 'boarding' AND NOT EXISTS "
                           "(SELECT 1 FROM bed_assignments a WHERE a.student_id = s.id AND a.end_date IS NULL) "
                           "ORDER BY s.id", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Person p = { 0 };

      person_from_row (&p, stmt, strings);
      if (sqlite3_column_type (stmt, 11) != SQLITE_NULL)
        p.last_room = GPOINTER_TO_INT (g_hash_table_lookup (room_index,
                                                            GINT_TO_POINTER ((int) sqlite3_column_int64 (stmt, 11)))) - 1;
      g_array_append_val (plan->people, p);
      g_hash_table_insert (plan->person_index, GINT_TO_POINTER ((int) p.id), GINT_TO_POINTER (plan->people->len));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* ----- planning ---------------------------------------------------------- */

static char *
no_bed_reason (const Person *p)
{
  return g_strdup_printf (p->gender == 'M' ? _("No free bed for boys in grade %d") : _("No free bed for girls in grade %d"),
                          p->grade);
}

static int
compare_priority (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  NtAssignPlan *plan = data;
  const Person *p = PERSON (plan, *(const int *) a);
  const Person *q = PERSON (plan, *(const int *) b);

  if (p->priority != q->priority)
    return q->priority - p->priority;
  return p->id < q->id ? -1 : p->id > q->id;
}

static int
compare_placing (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  NtAssignPlan *plan = data;
  const Person *p = PERSON (plan, *(const int *) a);
  const Person *q = PERSON (plan, *(const int *) b);
  gboolean pr = p->last_room >= 0 && weight (plan, NT_ASSIGN_PREF_RETURNING) > 0;
  gboolean qr = q->last_room >= 0 && weight (plan, NT_ASSIGN_PREF_RETURNING) > 0;

  if (pr != qr)
    return pr ? -1 : 1;
  if (p->gender != q->gender)
    return p->gender - q->gender;
  if (p->grade != q->grade)
    return p->grade - q->grade;
  if (p->class_id != q->class_id)
    return p->class_id < q->class_id ? -1 : 1;
  return p->id < q->id ? -1 : p->id > q->id;
}

/* Step 1: who gets a bed, by priority, counting beds per gender. */
static void
choose (NtAssignPlan *plan,
        GArray       *chosen)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (int));
  int free_m = 0, free_f = 0, free_x = 0;

  for (guint i = 0; i < plan->rooms->len; i++)
    {
      Room *r = ROOM (plan, i);
      int n = (int) r->beds->len;

      if (r->gender == 'M')
        free_m += n;
      else if (r->gender == 'F')
        free_f += n;
      else if (r->gender == 'X')
        free_x += n;
    }

  for (guint i = 0; i < plan->people->len; i++)
    if (!PERSON (plan, i)->fixed)
      {
        int index = (int) i;
        g_array_append_val (order, index);
      }
  g_array_sort_with_data (order, compare_priority, plan);

  for (guint i = 0; i < order->len; i++)
    {
      int pi = g_array_index (order, int, i);
      Person *p = PERSON (plan, pi);
      int *own = p->gender == 'M' ? &free_m : &free_f;

      if (*own > 0)
        (*own)--;
      else if (free_x > 0)
        free_x--;
      else
        {
          p->reason = no_bed_reason (p);
          continue;
        }
      g_array_append_val (chosen, pi);
    }
}

/* Step 2: each chosen student to the best room with a free bed. */
static void
place_greedy (NtAssignPlan *plan,
              GArray       *chosen)
{
  g_array_sort_with_data (chosen, compare_placing, plan);

  for (guint i = 0; i < chosen->len; i++)
    {
      int pi = g_array_index (chosen, int, i);
      Person *p = PERSON (plan, pi);
      int best = -1, bed = -1;
      double best_gain = 0;

      for (guint r = 0; r < plan->rooms->len; r++)
        {
          double gain;

          /* The counter first: most rooms are full or of the other
           * gender by the time most students are placed. */
          if (ROOM (plan, r)->n_free == 0 || !fits (plan, p, (int) r, -1))
            continue;
          gain = own_score (plan, pi, (int) r, -1, NULL);
          if (best < 0 || gain > best_gain + EPSILON)
            {
              best = (int) r;
              best_gain = gain;
            }
        }
      if (best >= 0)
        bed = take_bed (plan, best);
      if (bed < 0)
        p->reason = no_bed_reason (p);
      else
        place (plan, pi, bed);
    }
}

/* The value of one pair in @room as own_score() counts it. */
static inline double
pair_value (NtAssignPlan *plan,
            const Person *a,
            const Person *b,
            const Room   *room)
{
  double grade = 0, mix = 0, siblings = 0;

  pair_terms (plan, a, b, &grade, &mix, &siblings);
  return 2 * ((grade + mix) / MAX (1, room->size - 1) + siblings);
}

/* Step 3: moves to a free bed and swaps on the same floor that raise the
 * objective. own_score (x, R, except) is own_score (x, R) less the pair
 * value of x and except, so each candidate costs one sum, and each
 * person's present score is kept in @current (refreshed for the two rooms
 * a change touches). */
static void
refresh_room (NtAssignPlan *plan,
              int           room,
              double       *current)
{
  Room *r = ROOM (plan, room);

  for (guint m = 0; m < r->members->len; m++)
    {
      int x = g_array_index (r->members, int, m);
      current[x] = own_score (plan, x, room, -1, NULL);
    }
}

static int
compare_floor (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  NtAssignPlan *plan = data;
  int x = *(const int *) a, y = *(const int *) b;
  int fx = ROOM (plan, x)->floor_key, fy = ROOM (plan, y)->floor_key;

  if (fx != fy)
    return fx < fy ? -1 : 1;
  return x < y ? -1 : x > y;
}

static void
improve (NtAssignPlan *plan,
         GArray       *chosen,
         GCancellable *cancellable)
{
  g_autofree double *current = g_new0 (double, plan->people->len);
  g_autoptr(GArray) by_floor = g_array_sized_new (FALSE, FALSE, sizeof (int), plan->rooms->len);
  g_autofree guint *floor_start = g_new0 (guint, plan->rooms->len);
  g_autofree guint *floor_end = g_new0 (guint, plan->rooms->len);
  /* own_score (q, room) kept for the swaps: the room and its version. */
  g_autofree double *q_score = g_new0 (double, plan->people->len);
  g_autofree int *q_room = g_new (int, plan->people->len);
  g_autofree guint *q_version = g_new0 (guint, plan->people->len);
  g_autofree guint *room_version = g_new0 (guint, plan->rooms->len);

  for (guint r = 0; r < plan->rooms->len; r++)
    refresh_room (plan, (int) r, current);
  for (guint i = 0; i < plan->people->len; i++)
    q_room[i] = -1;

  /* The rooms of each floor together, in room order, so that a student
   * looks only at the rooms of its floor. */
  for (guint r = 0; r < plan->rooms->len; r++)
    {
      int index = (int) r;
      g_array_append_val (by_floor, index);
    }
  g_array_sort_with_data (by_floor, compare_floor, plan);
  for (guint i = 0; i < by_floor->len;)
    {
      int key = ROOM (plan, g_array_index (by_floor, int, i))->floor_key;
      guint end = i;

      while (end < by_floor->len && ROOM (plan, g_array_index (by_floor, int, end))->floor_key == key)
        end++;
      for (guint k = i; k < end; k++)
        {
          floor_start[g_array_index (by_floor, int, k)] = i;
          floor_end[g_array_index (by_floor, int, k)] = end;
        }
      i = end;
    }

  for (int pass = 0; pass < MAX_PASSES; pass++)
    {
      gboolean changed = FALSE;

      for (guint i = 0; i < chosen->len; i++)
        {
          int pi = g_array_index (chosen, int, i);
          Person *p = PERSON (plan, pi);
          int a, best_room = -1, best_other = -1;
          double here, best_delta = EPSILON;

          if (p->bed < 0)
            continue;
          a = p->room;
          here = current[pi];

          for (guint f = floor_start[a]; f < floor_end[a]; f++)
            {
              int r = g_array_index (by_floor, int, f);
              Room *room = ROOM (plan, r);
              double there;

              if (r == a || room->size == 0)
                continue;
              if (room->gender != 'X' && room->gender != p->gender)
                continue;

              there = own_score (plan, pi, r, -1, NULL);
              if (room->n_free > 0 && fits (plan, p, r, pi) && there - here > best_delta)
                {
                  best_delta = there - here;
                  best_room = r;
                  best_other = -1;
                }

              for (guint m = 0; m < room->members->len; m++)
                {
                  int qi = g_array_index (room->members, int, m);
                  Person *q = PERSON (plan, qi);
                  double delta;

                  if (q->fixed || q->gender != p->gender)
                    continue;
                  /* q's score in a is the same for every student of a
                   * that looks at q, until a changes. */
                  if (q_room[qi] != a || q_version[qi] != room_version[a])
                    {
                      q_score[qi] = own_score (plan, qi, a, -1, NULL);
                      q_room[qi] = a;
                      q_version[qi] = room_version[a];
                    }
                  delta = there - pair_value (plan, p, q, room) - here +
                          q_score[qi] - pair_value (plan, q, p, ROOM (plan, a)) - current[qi];
                  if (delta > best_delta)
                    {
                      best_delta = delta;
                      best_room = r;
                      best_other = qi;
                    }
                }
            }

          if (best_room < 0)
            continue;
          if (best_other < 0)
            {
              unplace (plan, pi);
              place (plan, pi, take_bed (plan, best_room));
            }
          else
            {
              int bed_p = p->bed, bed_q = PERSON (plan, best_other)->bed;

              unplace (plan, pi);
              unplace (plan, best_other);
              place (plan, pi, bed_q);
              place (plan, best_other, bed_p);
            }
          refresh_room (plan, a, current);
          refresh_room (plan, best_room, current);
          room_version[a]++;
          room_version[best_room]++;
          changed = TRUE;
        }

      if (!changed || g_cancellable_is_cancelled (cancellable))
        break;
    }
}

/* Fills the list models and the totals from the people. */
static void
publish (NtAssignPlan *plan)
{
  g_autoptr(GPtrArray) placed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) waiting = g_ptr_array_new_with_free_func (g_object_unref);

  memset (plan->score, 0, sizeof plan->score);
  for (guint i = 0; i < plan->people->len; i++)
    {
      Person *p = PERSON (plan, i);
      NtAssignChange *c;

      if (p->fixed)
        continue;
      c = g_object_new (NT_TYPE_ASSIGN_CHANGE, NULL);
      c->student_id = p->id;
      c->student_code = g_strdup (p->code);
      c->student_name = g_strdup (p->name);
      c->gender = g_strdup (p->gender == 'M' ? "M" : "F");
      c->class_name = g_strdup (p->class_name);
      c->grade = p->grade;
      c->priority = p->priority;
      if (p->bed >= 0)
        {
          Bed *b = BED (plan, p->bed);
          Room *r = ROOM (plan, p->room);

          c->bed_id = b->id;
          c->bed_label = g_strdup (b->label);
          c->room_id = r->id;
          c->room_number = g_strdup (r->number);
          c->building_name = g_strdup (r->building);
          c->returning = p->last_room == p->room;
          own_score (plan, (int) i, p->room, -1, c->score);
          for (guint k = 0; k < NT_ASSIGN_N_PREFS; k++)
            plan->score[k] += c->score[k];
          g_ptr_array_add (placed, c);
        }
      else
        {
          c->reason = g_strdup (p->reason ? p->reason : _("Not placed"));
          g_ptr_array_add (waiting, c);
        }
    }

  g_list_store_splice (plan->changes, 0, g_list_model_get_n_items (G_LIST_MODEL (plan->changes)),
                       placed->pdata, placed->len);
  g_list_store_splice (plan->unplaced, 0, g_list_model_get_n_items (G_LIST_MODEL (plan->unplaced)),
                       waiting->pdata, waiting->len);
}

/**
 * nt_assign_propose:
 * @options: (nullable): the preferences; %NULL for nt_assign_options_init()'s
 *
 * Proposes a bed for every active boarding student who has none now. Nothing
 * is written.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
NtAssignPlan *
nt_assign_propose (NtStore                *store,
                   const NtAssignOptions  *options,
                   GCancellable           *cancellable,
                   GError                **error)
{
  g_autoptr(NtAssignPlan) plan = g_new0 (NtAssignPlan, 1);
  g_autoptr(GHashTable) room_index = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (int));

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options != NULL)
    plan->options = *options;
  else
    nt_assign_options_init (&plan->options);
  for (guint k = 0; k < NT_ASSIGN_N_PREFS; k++)
    {
      plan->options.weight[k] = MAX (0.0, plan->options.weight[k]);
      plan->w[k] = plan->options.enabled[k] ? plan->options.weight[k] : 0.0;
    }

  plan->rooms = g_array_new (FALSE, FALSE, sizeof (Room));
  g_array_set_clear_func (plan->rooms, room_clear);
  plan->beds = g_array_new (FALSE, FALSE, sizeof (Bed));
  g_array_set_clear_func (plan->beds, bed_clear);
  plan->people = g_array_new (FALSE, FALSE, sizeof (Person));
  g_array_set_clear_func (plan->people, person_clear);
  plan->bed_index = g_hash_table_new (NULL, NULL);
  plan->person_index = g_hash_table_new (NULL, NULL);
  plan->changes = g_list_store_new (NT_TYPE_ASSIGN_CHANGE);
  plan->unplaced = g_list_store_new (NT_TYPE_ASSIGN_CHANGE);

  if (!load_rooms (store, plan, room_index, error) || !load_people (store, plan, room_index, error))
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  choose (plan, chosen);
  place_greedy (plan, chosen);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  improve (plan, chosen, cancellable);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  publish (plan);
  return g_steal_pointer (&plan);
}

/* ----- reading and editing a plan ---------------------------------------- */

/* Returns: (transfer none): the students given a bed, as NtAssignChange */
GListModel *
nt_assign_plan_get_changes (NtAssignPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);
  return G_LIST_MODEL (plan->changes);
}

/* Returns: (transfer none): the students left waiting, with the reason */
GListModel *
nt_assign_plan_get_unplaced (NtAssignPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);
  return G_LIST_MODEL (plan->unplaced);
}

double
nt_assign_plan_get_score (NtAssignPlan       *plan,
                          NtAssignPreference  preference)
{
  g_return_val_if_fail (plan != NULL, 0);
  g_return_val_if_fail (preference < NT_ASSIGN_N_PREFS, 0);
  return plan->score[preference];
}

/* Returns: (transfer none) (nullable): the student's row, placed or not */
NtAssignChange *
nt_assign_plan_lookup (NtAssignPlan *plan,
                       gint64        student_id)
{
  GListModel *models[2];

  g_return_val_if_fail (plan != NULL, NULL);

  models[0] = G_LIST_MODEL (plan->changes);
  models[1] = G_LIST_MODEL (plan->unplaced);
  for (guint m = 0; m < 2; m++)
    for (guint i = 0, n = g_list_model_get_n_items (models[m]); i < n; i++)
      {
        g_autoptr(NtAssignChange) c = g_list_model_get_item (models[m], i);
        if (c->student_id == student_id)
          return c;  /* the model keeps its reference */
      }
  return NULL;
}

/**
 * nt_assign_plan_set_bed:
 * @bed_id: a bed the plan may give, or 0 to leave the student without one
 *
 * Changes one student's bed in the plan, checking the hard rules again
 * (gender of building and room; the bed one the plan may give and not given
 * to another student of the plan). The scores are computed again.
 */
gboolean
nt_assign_plan_set_bed (NtAssignPlan  *plan,
                        gint64         student_id,
                        gint64         bed_id,
                        GError       **error)
{
  int pi, bi;
  Person *p;
  Bed *b;
  Room *r;

  g_return_val_if_fail (plan != NULL, FALSE);

  pi = GPOINTER_TO_INT (g_hash_table_lookup (plan->person_index, GINT_TO_POINTER ((int) student_id))) - 1;
  if (pi < 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                   _("The student is not in this proposal (already in a bed, or not a boarder)."));
      return FALSE;
    }
  p = PERSON (plan, pi);

  if (bed_id == 0)
    {
      unplace (plan, pi);
      nt_set_str (&p->reason, _("Left out by hand"));
      publish (plan);
      return TRUE;
    }

  bi = GPOINTER_TO_INT (g_hash_table_lookup (plan->bed_index, GINT_TO_POINTER ((int) bed_id))) - 1;
  if (bi < 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s cannot have this bed: it is taken, locked or out of use, or not in an open dorm room."),
                   p->name);
      return FALSE;
    }
  b = BED (plan, bi);
  r = ROOM (plan, b->room);
  if (b->holder >= 0 && b->holder != pi)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s cannot have bed %s of room %s (%s): the proposal gives it to %s."),
                   p->name, b->label, r->number, r->building, PERSON (plan, b->holder)->name);
      return FALSE;
    }
  if (!fits (plan, p, b->room, pi))
    {
      char takes = room_takes (plan, r, pi);
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s cannot go to room %s (%s): the room is for %s."),
                   p->name, r->number, r->building, takes == 'M' ? _("boys") : _("girls"));
      return FALSE;
    }

  if (b->holder != pi)
    {
      unplace (plan, pi);
      place (plan, pi, bi);
    }
  publish (plan);
  return TRUE;
}

typedef struct
{
  NtAssignBedChoice choice;
  int               room;
  int               bed;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->choice.score != y->choice.score)
    return x->choice.score > y->choice.score ? -1 : 1;
  if (x->room != y->room)
    return x->room < y->room ? -1 : 1;
  return x->bed < y->bed ? -1 : x->bed > y->bed;
}

/**
 * nt_assign_plan_list_beds:
 * @student_id: a student of the plan, placed or not
 *
 * The beds nt_assign_plan_set_bed() would accept for the student: free in
 * the plan, in a room of the student's gender. The best for the student
 * come first (its part of the preferences there, as in the scores), then
 * in building, floor and number order.
 *
 * Returns: (transfer full) (element-type NtAssignBedChoice): the beds,
 *   their texts owned by the plan; empty for a student not in it
 */
GArray *
nt_assign_plan_list_beds (NtAssignPlan *plan,
                          gint64        student_id)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  GArray *beds = g_array_new (FALSE, FALSE, sizeof (NtAssignBedChoice));
  int pi;

  g_return_val_if_fail (plan != NULL, beds);

  pi = GPOINTER_TO_INT (g_hash_table_lookup (plan->person_index, GINT_TO_POINTER ((int) student_id))) - 1;
  if (pi < 0)
    return beds;
  for (guint bi = 0; bi < plan->beds->len; bi++)
    {
      Bed *b = BED (plan, bi);
      Room *r = ROOM (plan, b->room);
      Candidate c;

      if (b->holder >= 0 || !fits (plan, PERSON (plan, pi), b->room, pi))
        continue;
      c.room = b->room;
      c.bed = (int) bi;
      c.choice.bed_id = b->id;
      c.choice.bed_label = b->label;
      c.choice.room_number = r->number;
      c.choice.building_name = r->building;
      c.choice.score = own_score (plan, pi, b->room, pi, NULL);
      g_array_append_val (candidates, c);
    }
  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len; i++)
    g_array_append_val (beds, g_array_index (candidates, Candidate, i).choice);
  return beds;
}

/* ----- writing ----------------------------------------------------------- */

static char *
new_batch_id (NtStore *store)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *base = g_date_time_format (now, "auto-%Y-%m-%dT%H:%M:%S");
  char *id = g_strdup (base);

  for (int n = 2;; n++)
    {
      sqlite3_stmt *stmt = nt_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM bed_assignments WHERE batch = ?1)", NULL);
      gboolean taken;

      g_return_val_if_fail (stmt != NULL, id);
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      taken = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
      if (!taken)
        return id;
      g_free (id);
      id = g_strdup_printf ("%s-%d", base, n);
    }
}

/* Checks, inside the transaction, that the proposal still holds for @c. */
static gboolean
still_valid (NtStore         *store,
             NtAssignChange  *c,
             const char      *date_iso,
             GError         **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "SELECT s.active, s.boarding, "
                                         "  EXISTS (SELECT 1 FROM bed_assignments a WHERE a.student_id = s.id AND a.end_date IS NULL), "
                                         "  (SELECT max (end_date) FROM bed_assignments a WHERE a.student_id = s.id), "
                                         "  b.active AND NOT b.locked AND r.active AND r.kind = 'dorm' AND bl.active "
                                         "    AND r.gender IN ('X', s.gender) AND bl.gender IN ('X', s.gender), "
                                         "  (SELECT t.full_name FROM bed_assignments a JOIN students t ON t.id = a.student_id "
                                         "   WHERE a.bed_id = b.id AND a.end_date IS NULL) "
                                         "FROM students s, beds b JOIN rooms r ON r.id = b.room_id "
                                         "JOIN buildings bl ON bl.id = r.building_id "
                                         "WHERE s.id = ?1 AND b.id = ?2", error);
  gboolean ok = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->student_id);
  sqlite3_bind_int64 (stmt, 2, c->bed_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                 _("%s or the bed proposed (room %s) no longer exists; make the proposal again."),
                 c->student_name, c->room_number);
  else if (!sqlite3_column_int (stmt, 0) || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "boarding") != 0)
    g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                 _("%s has left or is no longer a boarder since the proposal (room %s); make the proposal again."),
                 c->student_name, c->room_number);
  else if (sqlite3_column_int (stmt, 2))
    g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                 _("%s was given a bed since the proposal (room %s); make the proposal again."),
                 c->student_name, c->room_number);
  else if (sqlite3_column_type (stmt, 3) != SQLITE_NULL &&
           g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), date_iso) > 0)
    g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                 _("%s left a bed on %s, after the date of this assignment (room %s)."),
                 c->student_name, (const char *) sqlite3_column_text (stmt, 3), c->room_number);
  else if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
    g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                 _("Bed %s of room %s (%s), proposed for %s, was given to %s since; make the proposal again."),
                 c->bed_label, c->room_number, c->building_name, c->student_name,
                 (const char *) sqlite3_column_text (stmt, 5));
  else if (!sqlite3_column_int (stmt, 4))
    g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                 _("Bed %s of room %s (%s), proposed for %s, cannot be given any more (closed, locked or changed); make the proposal again."),
                 c->bed_label, c->room_number, c->building_name, c->student_name);
  else
    ok = TRUE;
  sqlite3_reset (stmt);
  return ok;
}

/**
 * nt_assign_apply:
 * @date_iso: the first night in the beds (ISO)
 * @batch_id_out: (out) (optional): the batch written, for nt_assign_undo_batch()
 *
 * Writes the plan's beds in one transaction, all or nothing. A plan that no
 * longer holds (a bed given or a student changed since it was made) is
 * refused with the reason and nothing is written.
 */
gboolean
nt_assign_apply (NtStore       *store,
                 NtAssignPlan  *plan,
                 const char    *date_iso,
                 char         **batch_id_out,
                 GError       **error)
{
  g_autofree char *batch = NULL;
  g_autoptr(NtBulkTriggers) triggers = NULL;
  GListModel *changes;
  sqlite3_stmt *stmt;
  gint64 last_id;
  guint n;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROOMS, error))
    return FALSE;

  {
    g_autoptr(GDate) date = nt_date_from_iso (date_iso);

    if (date == NULL)
      {
        g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("“%s” is not a valid date."), date_iso ? date_iso : "");
        return FALSE;
      }
  }

  changes = G_LIST_MODEL (plan->changes);
  n = g_list_model_get_n_items (changes);
  if (!nt_store_begin (store, error))
    return FALSE;
  batch = new_batch_id (store);

  /* The audit rows of the new assignments are written in bulk after them
   * (nt-bulk.c): with its trigger on, each insert took four times as long. */
  last_id = nt_store_count (store, "SELECT coalesce(max(id), 0) FROM bed_assignments");
  triggers = nt_bulk_suspend_insert_triggers (store, "bed_assignments", error);
  if (triggers == NULL)
    goto fail;

  stmt = nt_store_prepare (store,
                           "INSERT INTO bed_assignments (student_id, bed_id, start_date, reason, batch) "
                           "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtAssignChange) c = g_list_model_get_item (changes, i);

      sqlite3_bind_int64 (stmt, 1, c->student_id);
      sqlite3_bind_int64 (stmt, 2, c->bed_id);
      sqlite3_bind_text (stmt, 3, date_iso, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, _("Term-start assignment"), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, batch, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          /* A bed or a student taken since the proposal (the unique indexes
           * of open rows): find out which and say so. */
          sqlite3_reset (stmt);
          if (still_valid (store, c, date_iso, error))
            nt_store_set_error (store, error, _("save the assignment"));
          goto fail;
        }
      sqlite3_reset (stmt);
    }
  if (!nt_bulk_resume_insert_triggers (store, triggers, last_id, error))
    goto fail;

  /* What the unique indexes do not see, checked at once for the whole
   * batch: students who left or stopped boarding, beds, rooms and buildings
   * closed or locked since, and history that ends after the date. */
  {
    gint64 bad = 0;

    stmt = nt_store_prepare (store,
                             "SELECT a.student_id FROM bed_assignments a "
                             "JOIN students s ON s.id = a.student_id JOIN beds b ON b.id = a.bed_id "
                             "JOIN rooms r ON r.id = b.room_id JOIN buildings bl ON bl.id = r.building_id "
                             "WHERE a.batch = ?1 AND NOT (s.active AND s.boarding = 'boarding' AND b.active "
                             "  AND NOT b.locked AND r.active AND r.kind = 'dorm' AND bl.active "
                             "  AND r.gender IN ('X', s.gender) AND bl.gender IN ('X', s.gender) "
                             "  AND NOT EXISTS (SELECT 1 FROM bed_assignments o WHERE o.student_id = a.student_id "
                             "                  AND o.id <> a.id AND o.end_date > a.start_date)) "
                             "ORDER BY a.id LIMIT 1", error);
    if (stmt == NULL)
      goto fail;
    sqlite3_bind_text (stmt, 1, batch, -1, SQLITE_STATIC);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      bad = sqlite3_column_int64 (stmt, 0);
    sqlite3_reset (stmt);
    if (bad != 0)
      {
        NtAssignChange *c = nt_assign_plan_lookup (plan, bad);

        nt_store_rollback (store);
        if (c == NULL || still_valid (store, c, date_iso, error))
          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("The proposal no longer holds (rooms or students changed); make it again."));
        return FALSE;
      }
  }

  if (!nt_store_commit (store, error))
    return FALSE;
  if (batch_id_out != NULL)
    *batch_id_out = g_steal_pointer (&batch);
  nt_store_emit_changed (store, "bed_assignments");
  return TRUE;

fail:
  nt_store_rollback (store);
  return FALSE;
}

/**
 * nt_assign_undo_batch:
 *
 * Takes back a whole automatic assignment, in one transaction; refused
 * (and nothing changed) when any of its students has been moved or taken
 * out since.
 */
gboolean
nt_assign_undo_batch (NtStore     *store,
                      const char  *batch_id,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *changed = NULL;
  g_autofree char *changed_on = NULL;
  gint64 rows = 0;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (batch_id != NULL, FALSE);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROOMS, error))
    return FALSE;

  if (!nt_store_begin (store, error))
    return FALSE;

  stmt = nt_store_prepare (store,
                           "SELECT count(*), "
                           "  (SELECT s.full_name FROM bed_assignments a JOIN students s ON s.id = a.student_id "
                           "   WHERE a.batch = ?1 AND a.end_date IS NOT NULL ORDER BY a.id LIMIT 1), "
                           "  (SELECT a.end_date FROM bed_assignments a "
                           "   WHERE a.batch = ?1 AND a.end_date IS NOT NULL ORDER BY a.id LIMIT 1) "
                           "FROM bed_assignments WHERE batch = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, batch_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      rows = sqlite3_column_int64 (stmt, 0);
      changed = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      changed_on = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);

  if (rows == 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                   _("There is no assignment “%s” to undo (already undone?)."), batch_id);
      goto fail;
    }
  if (changed != NULL)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The assignment “%s” cannot be undone: %s was moved or taken out on %s since. "
                     "Change those students by hand instead."),
                   batch_id, changed, changed_on);
      goto fail;
    }

  stmt = nt_store_prepare (store, "DELETE FROM bed_assignments WHERE batch = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, batch_id, -1, SQLITE_TRANSIENT);
  if (!nt_store_step_done (store, stmt, error) || !nt_store_commit (store, error))
    goto fail;
  nt_store_emit_changed (store, "bed_assignments");
  return TRUE;

fail:
  nt_store_rollback (store);
  return FALSE;
}

/* ----- waiting ----------------------------------------------------------- */

static int
compare_waiting (gconstpointer a,
                 gconstpointer b)
{
  NtAssignChange *p = *(NtAssignChange * const *) a;
  NtAssignChange *q = *(NtAssignChange * const *) b;

  if (p->priority != q->priority)
    return q->priority - p->priority;
  return p->student_id < q->student_id ? -1 : p->student_id > q->student_id;
}

/**
 * nt_assign_waiting_list:
 *
 * Returns: (transfer full): the active boarders without a bed now, highest
 *   priority first (then by id), as NtAssignChange rows without a bed
 */
GListStore *
nt_assign_waiting_list (NtStore  *store,
                        GError  **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  GListStore *list;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store,
                           "SELECT s.id, s.code, s.full_name, s.gender, c.name, c.grade, s.priority "
                           "FROM students s JOIN classes c ON c.id = s.class_id "
                           "WHERE s.active = 1 AND s.boarding = 'boarding' AND NOT EXISTS "
                           "(SELECT 1 FROM bed_assignments a WHERE a.student_id = s.id AND a.end_date IS NULL) "
                           "ORDER BY s.id", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      NtAssignChange *c = g_object_new (NT_TYPE_ASSIGN_CHANGE, NULL);

      c->student_id = sqlite3_column_int64 (stmt, 0);
      c->student_code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      c->student_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      c->gender = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      c->class_name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      c->grade = sqlite3_column_int (stmt, 5);
      c->priority = nt_priority_score ((const char *) sqlite3_column_text (stmt, 6));
      c->reason = g_strdup (_("Waiting for a bed"));
      g_ptr_array_add (rows, c);
    }
  sqlite3_reset (stmt);

  g_ptr_array_sort (rows, compare_waiting);
  list = g_list_store_new (NT_TYPE_ASSIGN_CHANGE);
  g_list_store_splice (list, 0, 0, rows->pdata, rows->len);
  return list;
}
