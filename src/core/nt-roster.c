/* nt-roster.c: the roster's rows, its setup (posts, shift templates,
 * availability) and the timeline the other roster files share
 *
 * Everything typed is checked before anything is written, and the message
 * names the field and the value, so that the one who typed it can fix it.
 */
#define G_LOG_DOMAIN "nt-roster"

#include <stdlib.h>
#include <string.h>

#include "nt-access.h"
#include "nt-date.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-roster-private.h"
#include "nt-row.h"
#include "nt-staff.h"
#include "nt-util.h"

/* ----- list rows --------------------------------------------------------- */

/* The rows are read-only views: a property per field the GUI binds; the
 * plain ones are defined from a table of fields (nt-row.h). */
#define RO_FLAGS (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY)
#define STR_PROP(klass_props, n, name) \
  klass_props[n] = g_param_spec_string (name, NULL, NULL, NULL, RO_FLAGS)
#define INT_PROP(klass_props, n, name) \
  klass_props[n] = g_param_spec_int (name, NULL, NULL, G_MININT, G_MAXINT, 0, RO_FLAGS)
#define BOOL_PROP(klass_props, n, name) \
  klass_props[n] = g_param_spec_boolean (name, NULL, NULL, FALSE, RO_FLAGS)

static const NtRowField post_fields[] = {
  NT_ROW_PROPERTY (NtPost, id, "id", INT64),
  NT_ROW_PROPERTY (NtPost, name, "name", STRING),
  NT_ROW_PROPERTY (NtPost, staffed_from, "staffed-from", STRING),
  NT_ROW_PROPERTY (NtPost, staffed_to, "staffed-to", STRING),
  NT_ROW_PROPERTY (NtPost, people, "people", INT),
  NT_ROW_PROPERTY (NtPost, active, "active", BOOLEAN),
  NT_ROW_OWNED_STRING (NtPost, roles),
  NT_ROW_OWNED_STRING (NtPost, night_gender),
};
NT_DEFINE_ROW_TYPE (NtPost, nt_post, post_fields)

static const NtRowField shift_fields[] = {
  NT_ROW_PROPERTY (NtShift, id, "id", INT64),
  NT_ROW_PROPERTY (NtShift, name, "name", STRING),
  NT_ROW_PROPERTY (NtShift, start_time, "start-time", STRING),
  NT_ROW_PROPERTY (NtShift, end_time, "end-time", STRING),
  NT_ROW_PROPERTY (NtShift, is_night, "is-night", BOOLEAN),
  NT_ROW_OWNED_STRING (NtShift, post_ids),
};
NT_DEFINE_ROW_TYPE (NtShift, nt_shift, shift_fields)

static const NtRowField duty_fields[] = {
  NT_ROW_PROPERTY (NtDuty, id, "id", INT64),
  NT_ROW_PROPERTY (NtDuty, post_name, "post-name", STRING),
  NT_ROW_PROPERTY (NtDuty, shift_name, "shift-name", STRING),
  NT_ROW_PROPERTY (NtDuty, staff_name, "staff-name", STRING),
  NT_ROW_PROPERTY (NtDuty, date, "date", STRING),
  NT_ROW_PROPERTY (NtDuty, locked, "locked", BOOLEAN),
  NT_ROW_PROPERTY (NtDuty, note, "note", STRING),
  NT_ROW_OWNED_STRING (NtDuty, start_time),
  NT_ROW_OWNED_STRING (NtDuty, end_time),
  NT_ROW_OWNED_STRING (NtDuty, staff_phone),
};
NT_DEFINE_ROW_TYPE (NtDuty, nt_duty, duty_fields)

static const NtRowField availability_fields[] = {
  NT_ROW_PROPERTY (NtAvailability, id, "id", INT64),
  NT_ROW_PROPERTY (NtAvailability, staff_name, "staff-name", STRING),
  NT_ROW_PROPERTY (NtAvailability, kind, "kind", STRING),
  NT_ROW_PROPERTY (NtAvailability, value, "value", INT),
  NT_ROW_OWNED_STRING (NtAvailability, from_date),
  NT_ROW_OWNED_STRING (NtAvailability, to_date),
};
NT_DEFINE_ROW_TYPE (NtAvailability, nt_availability, availability_fields)

static const NtRowField holiday_fields[] = {
  NT_ROW_PROPERTY (NtHoliday, id, "id", INT64),
  NT_ROW_PROPERTY (NtHoliday, day, "day", STRING),
  NT_ROW_PROPERTY (NtHoliday, name, "name", STRING),
};
NT_DEFINE_ROW_TYPE (NtHoliday, nt_holiday, holiday_fields)

static const NtRowField problem_fields[] = {
  NT_ROW_PROPERTY (NtRosterProblem, kind, "kind", INT),
  NT_ROW_PROPERTY (NtRosterProblem, date, "date", STRING),
  NT_ROW_PROPERTY (NtRosterProblem, post_name, "post-name", STRING),
  NT_ROW_PROPERTY (NtRosterProblem, shift_name, "shift-name", STRING),
  NT_ROW_PROPERTY (NtRosterProblem, staff_name, "staff-name", STRING),
  NT_ROW_PROPERTY (NtRosterProblem, minutes, "minutes", INT),
  NT_ROW_PROPERTY (NtRosterProblem, message, "message", STRING),
};
NT_DEFINE_ROW_TYPE (NtRosterProblem, nt_roster_problem, problem_fields)

static const NtRowField count_fields[] = {
  NT_ROW_PROPERTY (NtDutyCount, staff_name, "staff-name", STRING),
  NT_ROW_PROPERTY (NtDutyCount, shifts, "shifts", INT),
  NT_ROW_PROPERTY (NtDutyCount, nights, "nights", INT),
  NT_ROW_PROPERTY (NtDutyCount, weekends, "weekends", INT),
  NT_ROW_PROPERTY (NtDutyCount, minutes, "minutes", INT),
  NT_ROW_OWNED_STRING (NtDutyCount, role),
};
NT_DEFINE_ROW_TYPE (NtDutyCount, nt_duty_count, count_fields)

G_DEFINE_FINAL_TYPE (NtRosterCell, nt_roster_cell, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (NtRosterReport, nt_roster_report, G_TYPE_OBJECT)

/* NtRosterCell */
enum { C_PROP_0, C_PROP_POST_NAME, C_PROP_DATE, C_PROP_SHIFT_NAME, C_PROP_STAFF_NAMES, C_PROP_NEEDED,
       C_PROP_LOCKED, C_N_PROPS };
static GParamSpec *cell_props[C_N_PROPS];

static void
nt_roster_cell_finalize (GObject *object)
{
  NtRosterCell *self = NT_ROSTER_CELL (object);

  g_free (self->post_name);
  g_free (self->date);
  g_free (self->shift_name);
  g_free (self->start_time);
  g_free (self->end_time);
  g_clear_pointer (&self->staff_ids, g_array_unref);
  g_free (self->staff_names);
  G_OBJECT_CLASS (nt_roster_cell_parent_class)->finalize (object);
}

static void
nt_roster_cell_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  NtRosterCell *self = NT_ROSTER_CELL (object);

  switch (prop_id)
    {
    case C_PROP_POST_NAME: g_value_set_string (value, self->post_name); break;
    case C_PROP_DATE: g_value_set_string (value, self->date); break;
    case C_PROP_SHIFT_NAME: g_value_set_string (value, self->shift_name); break;
    case C_PROP_STAFF_NAMES: g_value_set_string (value, self->staff_names); break;
    case C_PROP_NEEDED: g_value_set_int (value, self->needed); break;
    case C_PROP_LOCKED: g_value_set_boolean (value, self->locked); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nt_roster_cell_class_init (NtRosterCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nt_roster_cell_finalize;
  object_class->get_property = nt_roster_cell_get_property;
  STR_PROP (cell_props, C_PROP_POST_NAME, "post-name");
  STR_PROP (cell_props, C_PROP_DATE, "date");
  STR_PROP (cell_props, C_PROP_SHIFT_NAME, "shift-name");
  STR_PROP (cell_props, C_PROP_STAFF_NAMES, "staff-names");
  INT_PROP (cell_props, C_PROP_NEEDED, "needed");
  BOOL_PROP (cell_props, C_PROP_LOCKED, "locked");
  g_object_class_install_properties (object_class, C_N_PROPS, cell_props);
}

static void
nt_roster_cell_init (NtRosterCell *self)
{
  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* NtRosterReport */
static void
nt_roster_report_finalize (GObject *object)
{
  NtRosterReport *self = NT_ROSTER_REPORT (object);

  g_clear_object (&self->unfilled);
  g_clear_object (&self->counts);
  G_OBJECT_CLASS (nt_roster_report_parent_class)->finalize (object);
}

static void
nt_roster_report_class_init (NtRosterReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nt_roster_report_finalize;
}

static void
nt_roster_report_init (NtRosterReport *self)
{
  self->unfilled = g_list_store_new (NT_TYPE_ROSTER_PROBLEM);
  self->counts = g_list_store_new (NT_TYPE_DUTY_COUNT);
}

/* ----- the timeline ------------------------------------------------------ */

/* 'HH:MM' → minutes of the day; '24:00' only when @allow_24 (the end of a
 * post's hours). */
gboolean
nt_roster_time_parse (const char *text,
                      gboolean    allow_24,
                      int        *minutes)
{
  int h, m;

  if (text == NULL || strlen (text) != 5 || !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      text[2] != ':' || !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return FALSE;
  h = (text[0] - '0') * 10 + (text[1] - '0');
  m = (text[3] - '0') * 10 + (text[4] - '0');
  if (m > 59 || h > 24 || (h == 24 && (m != 0 || !allow_24)))
    return FALSE;
  if (minutes != NULL)
    *minutes = h * 60 + m;
  return TRUE;
}

/* The Julian day of an ISO date, 0 when it is not one. */
int
nt_roster_day_number (const char *iso)
{
  g_autoptr(GDate) d = NULL;

  if (iso == NULL || strlen (iso) != 10)
    return 0;
  d = nt_date_from_iso (iso);
  return d != NULL ? (int) g_date_get_julian (d) : 0;
}

char *
nt_roster_day_iso (int day)
{
  g_autoptr(GDate) d = g_date_new_julian ((guint32) day);

  return nt_date_to_iso (d);
}

gboolean
nt_roster_day_is_weekend (int day)
{
  g_autoptr(GDate) d = g_date_new_julian ((guint32) day);
  GDateWeekday w = g_date_get_weekday (d);

  return w == G_DATE_SATURDAY || w == G_DATE_SUNDAY;
}

/* Minutes of the timeline as 'HH:MM' of their day. */
char *
nt_roster_minutes_text (int minutes)
{
  int m = ((minutes % NT_DAY_MINUTES) + NT_DAY_MINUTES) % NT_DAY_MINUTES;

  return g_strdup_printf ("%02d:%02d", m / 60, m % 60);
}

/* ----- the setup in memory ----------------------------------------------- */

static void
rpost_free (gpointer data)
{
  NtRPost *p = data;

  g_free (p->name);
  g_strfreev (p->roles);
  g_free (p);
}

static void
rshift_free (gpointer data)
{
  NtRShift *s = data;

  g_free (s->name);
  g_free (s->start_text);
  g_free (s->end_text);
  g_clear_pointer (&s->post_ids, g_array_unref);
  g_free (s);
}

void
nt_rsetup_free (NtRSetup *setup)
{
  if (setup == NULL)
    return;
  g_ptr_array_unref (setup->posts);
  g_ptr_array_unref (setup->shifts);
  g_free (setup);
}

static char **
split_list (const char *text)
{
  g_auto(GStrv) parts = NULL;
  GPtrArray *out;

  if (nt_str_empty (text))
    return NULL;
  parts = g_strsplit (text, ",", -1);
  out = g_ptr_array_new ();
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_ptr_array_add (out, g_strdup (parts[i]));
    }
  if (out->len == 0)
    {
      g_ptr_array_free (out, TRUE);
      return NULL;
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

/* The active posts and all shift templates, as the generator and the
 * checks use them. */
NtRSetup *
nt_rsetup_load (NtStore  *store,
                GError  **error)
{
  g_autoptr(NtRSetup) setup = g_new0 (NtRSetup, 1);
  sqlite3_stmt *stmt;

  setup->posts = g_ptr_array_new_with_free_func (rpost_free);
  setup->shifts = g_ptr_array_new_with_free_func (rshift_free);

  stmt = nt_store_prepare (store,
                           "SELECT id, name, staffed_from, staffed_to, people, roles, night_gender "
                           "FROM posts WHERE active = 1 ORDER BY name, id", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      NtRPost *p = g_new0 (NtRPost, 1);

      p->id = sqlite3_column_int64 (stmt, 0);
      p->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      if (!nt_roster_time_parse ((const char *) sqlite3_column_text (stmt, 2), FALSE, &p->from))
        p->from = 0;
      if (!nt_roster_time_parse ((const char *) sqlite3_column_text (stmt, 3), TRUE, &p->to))
        p->to = NT_DAY_MINUTES;
      if (p->to <= p->from)
        p->to += NT_DAY_MINUTES;
      p->people = sqlite3_column_int (stmt, 4);
      p->roles = split_list ((const char *) sqlite3_column_text (stmt, 5));
      p->night_gender = ((const char *) sqlite3_column_text (stmt, 6))[0];
      g_ptr_array_add (setup->posts, p);
    }
  sqlite3_reset (stmt);

  stmt = nt_store_prepare (store,
                           "SELECT id, name, start_time, end_time, is_night, post_ids "
                           "FROM shift_templates ORDER BY start_time, end_time, id", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      NtRShift *s = g_new0 (NtRShift, 1);
      g_auto(GStrv) ids = split_list ((const char *) sqlite3_column_text (stmt, 5));

      s->id = sqlite3_column_int64 (stmt, 0);
      s->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      s->start_text = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      s->end_text = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      nt_roster_time_parse (s->start_text, FALSE, &s->start);
      nt_roster_time_parse (s->end_text, FALSE, &s->end);
      if (s->end <= s->start)
        s->end += NT_DAY_MINUTES;
      s->night = sqlite3_column_int (stmt, 4) != 0;
      if (ids != NULL)
        {
          s->post_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          for (guint i = 0; ids[i] != NULL; i++)
            {
              gint64 id = g_ascii_strtoll (ids[i], NULL, 10);

              g_array_append_val (s->post_ids, id);
            }
        }
      g_ptr_array_add (setup->shifts, s);
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&setup);
}

NtRPost *
nt_rsetup_post (NtRSetup *setup,
                gint64    id)
{
  for (guint i = 0; i < setup->posts->len; i++)
    {
      NtRPost *p = g_ptr_array_index (setup->posts, i);

      if (p->id == id)
        return p;
    }
  return NULL;
}

NtRShift *
nt_rsetup_shift (NtRSetup *setup,
                 gint64    id)
{
  for (guint i = 0; i < setup->shifts->len; i++)
    {
      NtRShift *s = g_ptr_array_index (setup->shifts, i);

      if (s->id == id)
        return s;
    }
  return NULL;
}

static gboolean
overlaps (int a0, int a1, int b0, int b1)
{
  return a0 < b1 && b0 < a1;
}

/* A shift applies to a post when it names the post (or names none) and
 * falls in the post's hours, on its day or across midnight. */
gboolean
nt_rshift_applies (const NtRShift *shift,
                   const NtRPost  *post)
{
  gboolean named = shift->post_ids == NULL;

  for (guint i = 0; !named && i < shift->post_ids->len; i++)
    named = g_array_index (shift->post_ids, gint64, i) == post->id;
  if (!named)
    return FALSE;
  return overlaps (shift->start, shift->end, post->from, post->to) ||
         overlaps (shift->start, shift->end, post->from - NT_DAY_MINUTES, post->to - NT_DAY_MINUTES) ||
         overlaps (shift->start, shift->end, post->from + NT_DAY_MINUTES, post->to + NT_DAY_MINUTES);
}

gboolean
nt_rpost_allows_role (const NtRPost *post,
                      const char    *role)
{
  return post->roles == NULL || g_strv_contains ((const char * const *) post->roles, role);
}

/* ----- posts ------------------------------------------------------------- */

/* Whether another row than @id already holds @text: @sql selects with
 * ?1 = @text and ?2 = @id. Returns -1 with @error set when it cannot tell. */
static int
taken_by_other (NtStore     *store,
                const char  *sql,
                const char  *text,
                gint64       id,
                GError     **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store, sql, error);
  int taken;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return taken;
}

static gboolean
check_post (NtStore            *store,
            gint64              post_id,
            const NtPostInput  *in,
            GError            **error)
{
  const char *from = in->staffed_from != NULL ? in->staffed_from : "00:00";
  const char *to = in->staffed_to != NULL ? in->staffed_to : "24:00";
  int f, t;
  int taken;

  if (nt_str_empty (in->name) || strspn (in->name, " \t") == strlen (in->name))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("The post needs a name; nothing was saved."));
      return FALSE;
    }
  if (in->people < 1 || in->people > 20)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Post “%s”: the number of people on duty at once must be between 1 and 20, not %d; nothing was saved."),
                   in->name, in->people);
      return FALSE;
    }
  if (!nt_roster_time_parse (from, FALSE, &f) || !nt_roster_time_parse (to, TRUE, &t))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Post “%s”: the hours “%s”–“%s” are not times of the form HH:MM; nothing was saved."),
                   in->name, from, to);
      return FALSE;
    }
  if (f == t)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Post “%s”: the hours start and end at the same time (%s); nothing was saved."),
                   in->name, from);
      return FALSE;
    }
  if (in->night_gender != NULL && !g_strv_contains ((const char *[]) { "M", "F", "X", NULL }, in->night_gender))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Post “%s”: who stands at night must be men (M), women (F) or anyone (X), not “%s”; nothing was saved."),
                   in->name, in->night_gender);
      return FALSE;
    }
  if (!nt_str_empty (in->roles))
    {
      g_auto(GStrv) roles = split_list (in->roles);

      for (guint i = 0; roles != NULL && roles[i] != NULL; i++)
        if (!g_strv_contains (nt_staff_roles (), roles[i]))
          {
            g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                         _("Post “%s”: “%s” is not a staff role; nothing was saved."), in->name, roles[i]);
            return FALSE;
          }
    }

  taken = taken_by_other (store, "SELECT 1 FROM posts WHERE name = ?1 AND id <> ?2", in->name, post_id, error);
  if (taken < 0)
    return FALSE;
  if (taken)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_EXISTS,
                   _("There is already a post named “%s”; nothing was saved."), in->name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_post (NtStore            *store,
            const char         *sql,
            gint64              post_id,
            const NtPostInput  *in,
            GError            **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *name = g_strstrip (g_strdup (in->name));

  if (!check_post (store, post_id, in, error))
    return FALSE;
  stmt = nt_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (in->building_id > 0)
    sqlite3_bind_int64 (stmt, 2, in->building_id);
  sqlite3_bind_text (stmt, 3, in->staffed_from != NULL ? in->staffed_from : "00:00", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, in->staffed_to != NULL ? in->staffed_to : "24:00", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, in->people);
  sqlite3_bind_text (stmt, 6, in->roles != NULL ? in->roles : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, in->night_gender != NULL ? in->night_gender : "X", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 8, post_id);
  if (!nt_store_step_done (store, stmt, error))
    return FALSE;
  nt_store_emit_changed (store, "posts");
  return TRUE;
}

gint64
nt_roster_post_add (NtStore            *store,
                    const NtPostInput  *input,
                    GError            **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROSTER, error))
    return 0;

  if (!write_post (store,
                   "INSERT INTO posts (name, building_id, staffed_from, staffed_to, people, roles, night_gender) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", 0, input, error))
    return 0;
  return sqlite3_last_insert_rowid (nt_store_get_db (store));
}

static gboolean
row_exists (NtStore    *store,
            const char *sql,
            gint64      id)
{
  sqlite3_stmt *stmt = nt_store_prepare (store, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

gboolean
nt_roster_post_update (NtStore            *store,
                       gint64              post_id,
                       const NtPostInput  *input,
                       GError            **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (input != NULL, FALSE);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROSTER, error))
    return FALSE;

  if (!row_exists (store, "SELECT 1 FROM posts WHERE id = ?1", post_id))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("The post no longer exists; nothing was saved."));
      return FALSE;
    }
  return write_post (store,
                     "UPDATE posts SET name = ?1, building_id = ?2, staffed_from = ?3, staffed_to = ?4, "
                     "people = ?5, roles = ?6, night_gender = ?7 WHERE id = ?8", post_id, input, error);
}

gboolean
nt_roster_post_set_active (NtStore  *store,
                           gint64    post_id,
                           gboolean  active,
                           GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROSTER, error))
    return FALSE;

  if (!row_exists (store, "SELECT 1 FROM posts WHERE id = ?1", post_id))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("The post no longer exists; nothing was saved."));
      return FALSE;
    }
  stmt = nt_store_prepare (store, "UPDATE posts SET active = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, post_id);
  sqlite3_bind_int (stmt, 2, active ? 1 : 0);
  if (!nt_store_step_done (store, stmt, error))
    return FALSE;
  nt_store_emit_changed (store, "posts");
  return TRUE;
}

GListStore *
nt_roster_posts (NtStore   *store,
                 gboolean   active_only,
                 GError   **error)
{
  g_autoptr(GListStore) list = g_list_store_new (NT_TYPE_POST);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store,
                           "SELECT id, name, ifnull (building_id, 0), staffed_from, staffed_to, people, roles, "
                           "night_gender, active FROM posts WHERE active = 1 OR ?1 = 0 ORDER BY name, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, active_only ? 1 : 0);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(NtPost) p = g_object_new (NT_TYPE_POST, NULL);

      p->id = sqlite3_column_int64 (stmt, 0);
      p->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      p->building_id = sqlite3_column_int64 (stmt, 2);
      p->staffed_from = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      p->staffed_to = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      p->people = sqlite3_column_int (stmt, 5);
      p->roles = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      p->night_gender = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      p->active = sqlite3_column_int (stmt, 8) != 0;
      g_list_store_append (list, p);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}

/**
 * nt_roster_post_staffed_at:
 * @minute_of_day: 0..1439
 *
 * Returns: whether @post must be staffed at that time of day (its hours may
 *   cross midnight; a day-only infirmary is not short of people at 03:00)
 */
gboolean
nt_roster_post_staffed_at (NtPost *post,
                           int     minute_of_day)
{
  int from = 0, to = 24 * 60;

  g_return_val_if_fail (NT_IS_POST (post), TRUE);

  if (!nt_roster_time_parse (post->staffed_from, FALSE, &from) || !nt_roster_time_parse (post->staffed_to, TRUE, &to))
    return TRUE;
  if (from < to)
    return minute_of_day >= from && minute_of_day < to;
  return minute_of_day >= from || minute_of_day < to;
}

/* ----- shift templates --------------------------------------------------- */

static gboolean
check_shift (NtStore             *store,
             gint64               shift_id,
             const NtShiftInput  *in,
             GError             **error)
{
  int s, e;
  int taken;

  if (nt_str_empty (in->name) || strspn (in->name, " \t") == strlen (in->name))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("The shift needs a name; nothing was saved."));
      return FALSE;
    }
  if (!nt_roster_time_parse (in->start_time, FALSE, &s))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Shift “%s”: the start “%s” is not a time of the form HH:MM; nothing was saved."),
                   in->name, in->start_time != NULL ? in->start_time : "");
      return FALSE;
    }
  if (!nt_roster_time_parse (in->end_time, FALSE, &e))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Shift “%s”: the end “%s” is not a time of the form HH:MM; nothing was saved."),
                   in->name, in->end_time != NULL ? in->end_time : "");
      return FALSE;
    }
  if (s == e)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Shift “%s” starts and ends at %s: a shift cannot last no time at all; nothing was saved."),
                   in->name, in->start_time);
      return FALSE;
    }
  taken = taken_by_other (store, "SELECT 1 FROM shift_templates WHERE name = ?1 AND id <> ?2", in->name, shift_id,
                          error);
  if (taken < 0)
    return FALSE;
  if (taken)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_EXISTS,
                   _("There is already a shift named “%s”; nothing was saved."), in->name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_shift (NtStore             *store,
             const char          *sql,
             gint64               shift_id,
             const NtShiftInput  *in,
             GError             **error)
{
  sqlite3_stmt *stmt;
  int s = 0, e = 0;

  if (!check_shift (store, shift_id, in, error))
    return FALSE;
  nt_roster_time_parse (in->start_time, FALSE, &s);
  nt_roster_time_parse (in->end_time, FALSE, &e);
  stmt = nt_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, in->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, in->start_time, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, in->end_time, -1, SQLITE_TRANSIENT);
  /* A shift that crosses midnight is a night shift whatever was ticked. */
  sqlite3_bind_int (stmt, 4, in->is_night || e < s ? 1 : 0);
  sqlite3_bind_text (stmt, 5, in->post_ids != NULL ? in->post_ids : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, shift_id);
  if (!nt_store_step_done (store, stmt, error))
    return FALSE;
  nt_store_emit_changed (store, "shift_templates");
  return TRUE;
}

gint64
nt_roster_shift_add (NtStore             *store,
                     const NtShiftInput  *input,
                     GError             **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROSTER, error))
    return 0;

  if (!write_shift (store,
                    "INSERT INTO shift_templates (name, start_time, end_time, is_night, post_ids) "
                    "VALUES (?1, ?2, ?3, ?4, ?5)", 0, input, error))
    return 0;
  return sqlite3_last_insert_rowid (nt_store_get_db (store));
}

gboolean
nt_roster_shift_update (NtStore             *store,
                        gint64               shift_id,
                        const NtShiftInput  *input,
                        GError             **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (input != NULL, FALSE);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROSTER, error))
    return FALSE;

  if (!row_exists (store, "SELECT 1 FROM shift_templates WHERE id = ?1", shift_id))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("The shift no longer exists; nothing was saved."));
      return FALSE;
    }
  return write_shift (store,
                      "UPDATE shift_templates SET name = ?1, start_time = ?2, end_time = ?3, is_night = ?4, "
                      "post_ids = ?5 WHERE id = ?6", shift_id, input, error);
}

GListStore *
nt_roster_shifts (NtStore  *store,
                  GError  **error)
{
  g_autoptr(GListStore) list = g_list_store_new (NT_TYPE_SHIFT);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store,
                           "SELECT id, name, start_time, end_time, is_night, post_ids "
                           "FROM shift_templates ORDER BY start_time, end_time, id", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(NtShift) s = g_object_new (NT_TYPE_SHIFT, NULL);

      s->id = sqlite3_column_int64 (stmt, 0);
      s->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      s->start_time = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      s->end_time = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      s->is_night = sqlite3_column_int (stmt, 4) != 0;
      s->post_ids = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      g_list_store_append (list, s);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}

/**
 * nt_roster_ensure_defaults:
 *
 * Adds the three default shifts (06:00–14:00, 14:00–22:00, 22:00–06:00)
 * when there is no shift template yet; does nothing otherwise.
 */
gboolean
nt_roster_ensure_defaults (NtStore  *store,
                           GError  **error)
{
  const NtShiftInput defaults[] = {
    { N_("Morning"), "06:00", "14:00", FALSE, NULL },
    { N_("Afternoon"), "14:00", "22:00", FALSE, NULL },
    { N_("Night"), "22:00", "06:00", TRUE, NULL },
  };

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (nt_store_count (store, "SELECT count(*) FROM shift_templates") > 0)
    return TRUE;
  if (!nt_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      NtShiftInput in = defaults[i];

      in.name = _(defaults[i].name);
      if (nt_roster_shift_add (store, &in, error) == 0)
        {
          nt_store_rollback (store);
          return FALSE;
        }
    }
  return nt_store_commit (store, error);
}

/* ----- availability ------------------------------------------------------ */

/**
 * nt_roster_availability_add:
 * @kind: "day_off" (@from_date, @to_date nullable: one day), "leave"
 *   (@from_date to @to_date), "never_nights" (dates nullable: always),
 *   "max_nights" (@value nights a month, dates nullable: always)
 */
gint64
nt_roster_availability_add (NtStore     *store,
                            gint64       staff_id,
                            const char  *kind,
                            const char  *from_date,
                            const char  *to_date,
                            int          value,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean dated;

  g_return_val_if_fail (NT_IS_STORE (store), 0);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROSTER, error))
    return 0;

  if (!row_exists (store, "SELECT 1 FROM staff WHERE id = ?1", staff_id))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("The staff member does not exist; nothing was saved."));
      return 0;
    }
  if (!g_strv_contains ((const char *[]) { "day_off", "leave", "never_nights", "max_nights", NULL },
                        kind != NULL ? kind : ""))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("“%s” is not a kind of availability; nothing was saved."), kind != NULL ? kind : "");
      return 0;
    }
  dated = g_str_equal (kind, "day_off") || g_str_equal (kind, "leave");
  if (dated && to_date == NULL && g_str_equal (kind, "day_off"))
    to_date = from_date;
  if ((dated && (nt_roster_day_number (from_date) == 0 || nt_roster_day_number (to_date) == 0)) ||
      (from_date != NULL && nt_roster_day_number (from_date) == 0) ||
      (to_date != NULL && nt_roster_day_number (to_date) == 0))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The dates of the availability are missing or not dates; nothing was saved."));
      return 0;
    }
  if (from_date != NULL && to_date != NULL && strcmp (to_date, from_date) < 0)
    {
      g_autofree char *f = nt_date_iso_to_display (from_date);
      g_autofree char *t = nt_date_iso_to_display (to_date);

      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The availability ends (%s) before it starts (%s); nothing was saved."), t, f);
      return 0;
    }
  if (g_str_equal (kind, "max_nights") && (value < 0 || value > 31))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The most nights a month must be between 0 and 31, not %d; nothing was saved."), value);
      return 0;
    }

  stmt = nt_store_prepare (store,
                           "INSERT INTO staff_availability (staff_id, kind, from_date, to_date, value) "
                           "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
  if (from_date != NULL)
    sqlite3_bind_text (stmt, 3, from_date, -1, SQLITE_TRANSIENT);
  if (to_date != NULL)
    sqlite3_bind_text (stmt, 4, to_date, -1, SQLITE_TRANSIENT);
  if (g_str_equal (kind, "max_nights"))
    sqlite3_bind_int (stmt, 5, value);
  if (!nt_store_step_done (store, stmt, error))
    return 0;
  nt_store_emit_changed (store, "staff_availability");
  return sqlite3_last_insert_rowid (nt_store_get_db (store));
}

gboolean
nt_roster_availability_remove (NtStore  *store,
                               gint64    availability_id,
                               GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROSTER, error))
    return FALSE;

  if (!row_exists (store, "SELECT 1 FROM staff_availability WHERE id = ?1", availability_id))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("The availability no longer exists; nothing was changed."));
      return FALSE;
    }
  stmt = nt_store_prepare (store, "DELETE FROM staff_availability WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, availability_id);
  if (!nt_store_step_done (store, stmt, error))
    return FALSE;
  nt_store_emit_changed (store, "staff_availability");
  return TRUE;
}

/**
 * nt_roster_availability_list:
 *
 * Returns: (transfer full): every #NtAvailability of the active staff, by
 *   name, then by date
 */
GListStore *
nt_roster_availability_list (NtStore  *store,
                             GError  **error)
{
  g_autoptr(GListStore) list = g_list_store_new (NT_TYPE_AVAILABILITY);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store,
                           "SELECT a.id, a.staff_id, s.full_name, a.kind, a.from_date, a.to_date, ifnull (a.value, 0) "
                           "FROM staff_availability a JOIN staff s ON s.id = a.staff_id WHERE s.active = 1 "
                           "ORDER BY s.name_key, a.from_date, a.id", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(NtAvailability) a = g_object_new (NT_TYPE_AVAILABILITY, NULL);

      a->id = sqlite3_column_int64 (stmt, 0);
      a->staff_id = sqlite3_column_int64 (stmt, 1);
      a->staff_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      a->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      a->from_date = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      a->to_date = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      a->value = sqlite3_column_int (stmt, 6);
      g_list_store_append (list, a);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}

/**
 * nt_roster_availability_kind_label:
 *
 * Returns: the kind of availability as the window shows it
 */
const char *
nt_roster_availability_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "day_off") == 0)
    return _("Day off");
  if (g_strcmp0 (kind, "leave") == 0)
    return _("On leave");
  if (g_strcmp0 (kind, "never_nights") == 0)
    return _("Never nights");
  if (g_strcmp0 (kind, "max_nights") == 0)
    return _("Most nights a month");
  return kind;
}

/* ----- holidays ---------------------------------------------------------- */

/**
 * nt_roster_holiday_add:
 * @day: the day (ISO)
 * @name: what it is ("Quốc khánh")
 *
 * Returns: the new holiday's id, or 0 with @error set (a day that is not a
 *   date, a name missing, a day already a holiday): nothing written
 */
gint64
nt_roster_holiday_add (NtStore     *store,
                       const char  *day,
                       const char  *name,
                       GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  sqlite3_stmt *stmt;
  int taken;

  g_return_val_if_fail (NT_IS_STORE (store), 0);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROSTER, error))
    return 0;
  if (day == NULL || nt_roster_day_number (day) == 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("Holiday: “%s” is not a date; nothing was saved."),
                   day != NULL ? day : "");
      return 0;
    }
  if (trimmed[0] == '\0')
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("Holiday: the name is missing; nothing was saved."));
      return 0;
    }
  taken = taken_by_other (store, "SELECT 1 FROM holidays WHERE day = ?1 AND id <> ?2", day, 0, error);
  if (taken < 0)
    return 0;
  if (taken)
    {
      g_autofree char *shown = nt_date_iso_to_display (day);
      g_set_error (error, NT_ERROR, NT_ERROR_EXISTS, _("%s is already a holiday; nothing was saved."), shown);
      return 0;
    }
  stmt = nt_store_prepare (store, "INSERT INTO holidays (day, name) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_TRANSIENT);
  if (!nt_store_step_done (store, stmt, error))
    return 0;
  nt_store_emit_changed (store, "holidays");
  return sqlite3_last_insert_rowid (nt_store_get_db (store));
}

gboolean
nt_roster_holiday_remove (NtStore     *store,
                          gint64       holiday_id,
                          GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROSTER, error))
    return FALSE;
  stmt = nt_store_prepare (store, "DELETE FROM holidays WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, holiday_id);
  if (!nt_store_step_done (store, stmt, error))
    return FALSE;
  nt_store_emit_changed (store, "holidays");
  return TRUE;
}

/**
 * nt_roster_holidays:
 * @from_date: (nullable): the first day, %NULL for no limit
 * @to_date: (nullable): the last day, %NULL for no limit
 *
 * Returns: (transfer full): the #NtHoliday of the range, by day
 */
GListStore *
nt_roster_holidays (NtStore     *store,
                    const char  *from_date,
                    const char  *to_date,
                    GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (NT_TYPE_HOLIDAY);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store,
                           "SELECT id, day, name FROM holidays WHERE (?1 IS NULL OR day >= ?1) "
                           "AND (?2 IS NULL OR day <= ?2) ORDER BY day", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to_date, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(NtHoliday) h = g_object_new (NT_TYPE_HOLIDAY, NULL);

      h->id = sqlite3_column_int64 (stmt, 0);
      h->day = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      h->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_list_store_append (list, h);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}
