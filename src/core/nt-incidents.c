/* nt-incidents.c: the incident book (sổ theo dõi vụ việc)
 *
 * An incident is refused before anything is written when a field is wrong;
 * the message names the field and the value, so that the one who typed it
 * can fix it. The rules beyond the fields:
 *
 * - nothing happens after "now", and nothing done about an incident (the
 *   guardians told, the police told, the end) comes before it;
 * - an incident closes only with an outcome and a time, and "transferred to
 *   the police" only when the police were told; one not closed carries no
 *   outcome (reopening clears it; the audit log keeps what it was);
 * - the states move open → in progress → closed (or open → closed at once),
 *   and a closed incident may be reopened into "in progress", never back to
 *   "open".
 */
#define G_LOG_DOMAIN "nt-incidents"

#include <string.h>

#include "nt-access.h"
#include "nt-date.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-incidents.h"
#include "nt-leaves.h"
#include "nt-night-checks.h"
#include "nt-resources.h"
#include "nt-row.h"
#include "nt-sql.h"
#include "nt-util.h"

/* ----- rows -------------------------------------------------------------- */

static const NtRowField incident_fields[] = {
  NT_ROW_PROPERTY (NtIncident, id, "id", INT64),
  NT_ROW_PROPERTY (NtIncident, occurred_at, "occurred-at", STRING),
  NT_ROW_PROPERTY (NtIncident, category, "category", STRING),
  NT_ROW_PROPERTY (NtIncident, state, "state", STRING),
  NT_ROW_PROPERTY (NtIncident, severity, "severity", INT),
  NT_ROW_PROPERTY (NtIncident, people, "people", STRING),
  NT_ROW_PROPERTY (NtIncident, place, "place", STRING),
  NT_ROW_PROPERTY (NtIncident, overdue, "overdue", BOOLEAN),
  NT_ROW_OWNED_STRING (NtIncident, place_kind),
  NT_ROW_OWNED_STRING (NtIncident, place_text),
  NT_ROW_OWNED_STRING (NtIncident, description),
  NT_ROW_OWNED_STRING (NtIncident, reported_by),
  NT_ROW_OWNED_STRING (NtIncident, actions),
  NT_ROW_OWNED_STRING (NtIncident, guardians_informed_at),
  NT_ROW_OWNED_STRING (NtIncident, police_reported_at),
  NT_ROW_OWNED_STRING (NtIncident, police_contact),
  NT_ROW_OWNED_STRING (NtIncident, outcome),
  NT_ROW_OWNED_STRING (NtIncident, outcome_note),
  NT_ROW_OWNED_STRING (NtIncident, closed_at),
  NT_ROW_OWNED_STRING (NtIncident, room_number),
  NT_ROW_OWNED_STRING (NtIncident, building_name),
  NT_ROW_OWNED_STRING (NtIncident, guardians_informed_by_name),
};

/* Not NT_DEFINE_ROW_TYPE: a new incident starts as a minor one. */
G_DEFINE_FINAL_TYPE (NtIncident, nt_incident, G_TYPE_OBJECT)

static void
nt_incident_class_init (NtIncidentClass *klass)
{
  nt_row_class_init (G_OBJECT_CLASS (klass), incident_fields, G_N_ELEMENTS (incident_fields));
}

static void
nt_incident_init (NtIncident *self)
{
  self->severity = 1;
}

static const NtRowField person_fields[] = {
  NT_ROW_PROPERTY (NtIncidentPerson, name, "name", STRING),
  NT_ROW_PROPERTY (NtIncidentPerson, part, "part", STRING),
  NT_ROW_PROPERTY (NtIncidentPerson, detail, "detail", STRING),
  NT_ROW_PROPERTY (NtIncidentPerson, student_id, "student-id", INT64),
  NT_ROW_OWNED_STRING (NtIncidentPerson, outsider_name),
};

NT_DEFINE_ROW_TYPE (NtIncidentPerson, nt_incident_person, person_fields)

static const NtRowField count_fields[] = {
  NT_ROW_PROPERTY (NtIncidentCount, category, "category", STRING),
  NT_ROW_PROPERTY (NtIncidentCount, label, "label", STRING),
  NT_ROW_PROPERTY (NtIncidentCount, total, "total", UINT),
};

NT_DEFINE_ROW_TYPE (NtIncidentCount, nt_incident_count, count_fields)

NtIncidentPerson *
nt_incident_person_new_student (gint64      student_id,
                                const char *part)
{
  NtIncidentPerson *p = g_object_new (NT_TYPE_INCIDENT_PERSON, NULL);

  p->student_id = student_id;
  p->part = g_strdup (part);
  return p;
}

NtIncidentPerson *
nt_incident_person_new_staff (gint64      staff_id,
                              const char *part)
{
  NtIncidentPerson *p = g_object_new (NT_TYPE_INCIDENT_PERSON, NULL);

  p->staff_id = staff_id;
  p->part = g_strdup (part);
  return p;
}

NtIncidentPerson *
nt_incident_person_new_outsider (const char *name,
                                 const char *part)
{
  NtIncidentPerson *p = g_object_new (NT_TYPE_INCIDENT_PERSON, NULL);

  p->outsider_name = g_strdup (name);
  p->name = g_strdup (name);
  p->part = g_strdup (part);
  return p;
}

/* ----- reference lists --------------------------------------------------- */

static GArray *categories;  /* NtIncidentCategory; strings interned */

static void
load_categories (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      g_auto(GStrv) lines = nt_core_lookup_lines ("incident-categories.txt");

      categories = g_array_new (FALSE, FALSE, sizeof (NtIncidentCategory));
      for (guint i = 0; lines[i]; i++)
        {
          g_auto(GStrv) parts = g_strsplit (lines[i], "|", 3);
          NtIncidentCategory c;

          if (g_strv_length (parts) != 3)
            {
              g_warning ("incident-categories.txt: line “%s” is not id|limit|label", lines[i]);
              continue;
            }
          c.id = g_intern_string (g_strstrip (parts[0]));
          c.limit_days = (int) g_ascii_strtoll (parts[1], NULL, 10);
          c.label = g_intern_string (g_strstrip (parts[2]));
          g_array_append_val (categories, c);
        }
      g_once_init_leave (&once, 1);
    }
}

/**
 * nt_incident_categories:
 * @n_categories: (out): how many
 *
 * Returns: (transfer none): the categories in the order of the list
 */
const NtIncidentCategory *
nt_incident_categories (guint *n_categories)
{
  g_return_val_if_fail (n_categories != NULL, NULL);

  load_categories ();
  *n_categories = categories->len;
  return (const NtIncidentCategory *) (gpointer) categories->data;
}

const NtIncidentCategory *
nt_incident_category_lookup (const char *id)
{
  if (id == NULL)
    return NULL;
  load_categories ();
  for (guint i = 0; i < categories->len; i++)
    {
      const NtIncidentCategory *c = &g_array_index (categories, NtIncidentCategory, i);
      if (strcmp (c->id, id) == 0)
        return c;
    }
  return NULL;
}

const char *
nt_incident_category_label (const char *id)
{
  const NtIncidentCategory *c = nt_incident_category_lookup (id);

  return c != NULL ? c->label : (id ? id : "");
}

static const char * const place_kinds[] = { "room", "building", "gate", "school", "outside", "other", NULL };
static const char * const states[] = { "open", "in_progress", "closed", NULL };
static const char * const outcomes[] = { "settled", "disciplined", "police", "other", NULL };
static const char * const parts[] = { "cause", "victim", "witness", "other", NULL };

const char * const *
nt_incident_place_kinds (void)
{
  return place_kinds;
}

const char *
nt_incident_place_label (const char *place_kind)
{
  if (g_strcmp0 (place_kind, "room") == 0)
    return _("Dorm room");
  if (g_strcmp0 (place_kind, "building") == 0)
    return _("Dorm building");
  if (g_strcmp0 (place_kind, "gate") == 0)
    return _("School gate");
  if (g_strcmp0 (place_kind, "school") == 0)
    return _("School grounds");
  if (g_strcmp0 (place_kind, "outside") == 0)
    return _("Outside the school");
  if (g_strcmp0 (place_kind, "other") == 0)
    /* TRANSLATORS: a place of an incident */
    return _("Elsewhere");
  return "";
}

const char * const *
nt_incident_states (void)
{
  return states;
}

const char *
nt_incident_state_label (const char *state)
{
  if (g_strcmp0 (state, "open") == 0)
    /* TRANSLATORS: the state of an incident just recorded */
    return C_("incident state", "Open");
  if (g_strcmp0 (state, "in_progress") == 0)
    /* TRANSLATORS: the state of an incident someone deals with */
    return C_("incident state", "In progress");
  if (g_strcmp0 (state, "closed") == 0)
    /* TRANSLATORS: the state of an incident that has ended */
    return C_("incident state", "Closed");
  return "";
}

const char * const *
nt_incident_outcomes (void)
{
  return outcomes;
}

const char *
nt_incident_outcome_label (const char *outcome)
{
  if (g_strcmp0 (outcome, "settled") == 0)
    return _("Settled at school");
  if (g_strcmp0 (outcome, "disciplined") == 0)
    return _("Disciplined");
  if (g_strcmp0 (outcome, "police") == 0)
    return _("Transferred to the police");
  if (g_strcmp0 (outcome, "other") == 0)
    /* TRANSLATORS: how an incident ended */
    return _("Other outcome");
  return "";
}

const char * const *
nt_incident_parts (void)
{
  return parts;
}

const char *
nt_incident_part_label (const char *part)
{
  if (g_strcmp0 (part, "victim") == 0)
    return _("Victim");
  if (g_strcmp0 (part, "cause") == 0)
    /* TRANSLATORS: the part of a person in an incident: who caused it */
    return _("Caused it");
  if (g_strcmp0 (part, "witness") == 0)
    return _("Witness");
  if (g_strcmp0 (part, "other") == 0)
    /* TRANSLATORS: the part of a person in an incident */
    return _("Otherwise involved");
  return "";
}

const char *
nt_incident_severity_label (int severity)
{
  switch (severity)
    {
    case 1: return _("Minor");
    case 2: return _("Serious");
    case 3: return _("Very serious");
    default: return "";
    }
}

static const char * const link_kinds[] = { NULL, "night_check", "leave", "handover", "confidential" };

const char *
nt_incident_link_kind_to_string (NtIncidentLinkKind kind)
{
  if ((guint) kind < G_N_ELEMENTS (link_kinds))
    return link_kinds[kind];
  return NULL;
}

NtIncidentLinkKind
nt_incident_link_kind_from_string (const char *text)
{
  for (guint i = 1; i < G_N_ELEMENTS (link_kinds); i++)
    if (g_strcmp0 (link_kinds[i], text) == 0)
      return (NtIncidentLinkKind) i;
  return NT_INCIDENT_LINK_NONE;
}

/* ----- helpers ----------------------------------------------------------- */

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           col,
                   const char   *text)
{
  if (nt_str_empty (text))
    sqlite3_bind_null (stmt, col);
  else
    sqlite3_bind_text (stmt, col, text, -1, SQLITE_TRANSIENT);
}

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           col,
                 gint64        id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, col);
  else
    sqlite3_bind_int64 (stmt, col, id);
}

/* Days from the day of @from_time to the day of @to_time (both
 * 'YYYY-MM-DD…'), 0 when either is not a date. */
static int
days_between (const char *from_time,
              const char *to_time)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(GDate) da = NULL;
  g_autoptr(GDate) db = NULL;

  if (from_time == NULL || to_time == NULL || strlen (from_time) < 10 || strlen (to_time) < 10)
    return 0;
  a = g_strndup (from_time, 10);
  b = g_strndup (to_time, 10);
  da = nt_date_from_iso (a);
  db = nt_date_from_iso (b);
  if (da == NULL || db == NULL)
    return 0;
  return g_date_days_between (da, db);
}

static gboolean
is_overdue (const char *category,
            const char *state,
            int         age_days)
{
  const NtIncidentCategory *c = nt_incident_category_lookup (category);

  return g_strcmp0 (state, "closed") != 0 && c != NULL && age_days > c->limit_days;
}

static gboolean
row_exists (NtStore    *store,
            const char *sql,
            gint64      id)
{
  sqlite3_stmt *stmt = nt_store_prepare (store, sql, NULL);
  gboolean found;

  g_return_val_if_fail (stmt != NULL, FALSE);
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* ----- checking ---------------------------------------------------------- */

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* A time field: empty is allowed when @optional, otherwise it must be a
 * time, not after @now and not before @not_before (the incident). */
static gboolean
check_time (const char  *value,
            const char  *field,
            gboolean     optional,
            const char  *not_before,
            const char  *now,
            GError     **error)
{
  if (nt_str_empty (value))
    {
      if (optional)
        return TRUE;
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The field “%s” of the incident is empty; it needs a date and time (YYYY-MM-DD HH:MM)."),
                   field);
      return FALSE;
    }
  if (!nt_leave_time_valid (value))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The field “%s” of the incident, “%s”, is not a date and time (YYYY-MM-DD HH:MM)."),
                   field, value);
      return FALSE;
    }
  if (strcmp (value, now) > 0)
    {
      g_autofree char *shown = nt_leave_time_to_display (value);

      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The field “%s” of the incident, %s, is in the future."), field, shown);
      return FALSE;
    }
  if (not_before != NULL && strcmp (value, not_before) < 0)
    {
      g_autofree char *shown = nt_leave_time_to_display (value);
      g_autofree char *shown_before = nt_leave_time_to_display (not_before);

      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The field “%s” of the incident, %s, is before the incident itself (%s)."),
                   field, shown, shown_before);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_place (NtStore     *store,
             NtIncident  *inc,
             GError     **error)
{
  if (inc->place_kind == NULL || !g_strv_contains (place_kinds, inc->place_kind))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("“%s” is not a place of an incident (room, building, gate, school, outside or other)."),
                   inc->place_kind ? inc->place_kind : "");
      return FALSE;
    }
  if (g_str_equal (inc->place_kind, "room"))
    {
      if (inc->room_id == 0 || !row_exists (store, "SELECT 1 FROM rooms WHERE id = ?1", inc->room_id))
        {
          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("The incident happened in a room, but no existing room was chosen."));
          return FALSE;
        }
    }
  else if (g_str_equal (inc->place_kind, "building"))
    {
      if (inc->building_id == 0 || !row_exists (store, "SELECT 1 FROM buildings WHERE id = ?1", inc->building_id))
        {
          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("The incident happened in a dorm building, but no existing building was chosen."));
          return FALSE;
        }
    }
  else if ((g_str_equal (inc->place_kind, "outside") || g_str_equal (inc->place_kind, "other")) &&
           is_blank (inc->place_text))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The place of the incident (%s) needs a few words saying where."),
                   nt_incident_place_label (inc->place_kind));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_people (NtStore     *store,
              GListModel  *people,
              GError     **error)
{
  guint n = people ? g_list_model_get_n_items (people) : 0;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtIncidentPerson) p = g_list_model_get_item (people, i);
      int kinds = (p->student_id != 0) + (p->staff_id != 0) + (p->outsider_name != NULL);
      g_autofree char *key = NULL;

      if (kinds != 1 || (p->outsider_name != NULL && is_blank (p->outsider_name)))
        {
          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("Person %u of the incident is not one student, one staff member or one outsider with a name."),
                       i + 1);
          return FALSE;
        }
      if (p->part == NULL || !g_strv_contains (parts, p->part))
        {
          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("Person %u of the incident has no part (victim, caused it, witness or other): “%s”."),
                       i + 1, p->part ? p->part : "");
          return FALSE;
        }
      if (p->student_id != 0 && !row_exists (store, "SELECT 1 FROM students WHERE id = ?1", p->student_id))
        {
          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("Person %u of the incident is a student who no longer exists."), i + 1);
          return FALSE;
        }
      if (p->staff_id != 0 && !row_exists (store, "SELECT 1 FROM staff WHERE id = ?1", p->staff_id))
        {
          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("Person %u of the incident is a staff member who no longer exists."), i + 1);
          return FALSE;
        }
      if (p->student_id != 0)
        key = g_strdup_printf ("s%" G_GINT64_FORMAT, p->student_id);
      else if (p->staff_id != 0)
        key = g_strdup_printf ("t%" G_GINT64_FORMAT, p->staff_id);
      else
        key = g_strdup_printf ("o%s", p->outsider_name);
      if (!g_hash_table_add (seen, g_steal_pointer (&key)))
        {
          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("Person %u of the incident is listed twice; give each person one part."), i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_link (NtStore     *store,
            NtIncident  *inc,
            GError     **error)
{
  const char *sql = NULL;

  switch (inc->source_kind)
    {
    case NT_INCIDENT_LINK_NONE:
      return TRUE;
    case NT_INCIDENT_LINK_NIGHT_CHECK:
      sql = "SELECT 1 FROM night_check_entries WHERE id = ?1";
      break;
    case NT_INCIDENT_LINK_LEAVE:
      sql = "SELECT 1 FROM leaves WHERE id = ?1";
      break;
    case NT_INCIDENT_LINK_HANDOVER:
      sql = "SELECT 1 FROM handovers WHERE id = ?1";
      break;
    case NT_INCIDENT_LINK_CONFIDENTIAL:
      sql = "SELECT 1 FROM confidential_reports WHERE id = ?1";
      break;
    default:
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The incident is linked to something the program does not know."));
      return FALSE;
    }
  if (!row_exists (store, sql, inc->source_id))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The night check, leave, hand-over note or confidential report this incident arose from no longer exists."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
state_move_allowed (const char *from,
                    const char *to)
{
  if (from == NULL || g_str_equal (from, to))
    return TRUE;
  if (g_str_equal (from, "open"))
    return TRUE;
  if (g_str_equal (from, "in_progress"))
    return g_str_equal (to, "closed");
  /* closed: reopened to be dealt with again */
  return g_str_equal (to, "in_progress");
}

/* Everything about @inc but the permission; @old_state is the stored state
 * of an existing incident, %NULL for a new one. */
static gboolean
check_incident (NtStore     *store,
                NtIncident  *inc,
                GListModel  *people,
                const char  *old_state,
                GError     **error)
{
  g_autofree char *now = nt_leave_time_now ();
  const char *state = inc->state ? inc->state : "open";

  if (!check_time (inc->occurred_at, _("When"), FALSE, NULL, now, error))
    return FALSE;
  if (!check_place (store, inc, error))
    return FALSE;
  if (nt_incident_category_lookup (inc->category) == NULL)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("“%s” is not a category of incident of the list."), inc->category ? inc->category : "");
      return FALSE;
    }
  if (inc->severity < 1 || inc->severity > 3)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The severity of the incident is %d; it must be 1 (minor), 2 (serious) or 3 (very serious)."),
                   inc->severity);
      return FALSE;
    }
  if (is_blank (inc->description))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The field “%s” of the incident is empty; say in a few words what happened."),
                   _("What happened"));
      return FALSE;
    }
  if (!check_people (store, people, error))
    return FALSE;

  if (!check_time (inc->guardians_informed_at, _("Guardians informed at"), TRUE, inc->occurred_at, now, error))
    return FALSE;
  if (inc->guardians_informed_by != 0)
    {
      if (nt_str_empty (inc->guardians_informed_at))
        {
          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("The incident says who informed the guardians but not when; fill in “%s”."),
                       _("Guardians informed at"));
          return FALSE;
        }
      if (!row_exists (store, "SELECT 1 FROM staff WHERE id = ?1", inc->guardians_informed_by))
        {
          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("The staff member who informed the guardians no longer exists."));
          return FALSE;
        }
    }

  if (!check_time (inc->police_reported_at, _("Reported to the police at"), TRUE, inc->occurred_at, now, error))
    return FALSE;
  if (!is_blank (inc->police_contact) && nt_str_empty (inc->police_reported_at))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The incident says to whom it was reported at the police but not when; fill in “%s”."),
                   _("Reported to the police at"));
      return FALSE;
    }

  if (!g_strv_contains (states, state))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("“%s” is not a state of an incident (open, in progress or closed)."), state);
      return FALSE;
    }
  if (!state_move_allowed (old_state, state))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("An incident that is “%s” cannot go back to “%s”."),
                   nt_incident_state_label (old_state), nt_incident_state_label (state));
      return FALSE;
    }
  if (g_str_equal (state, "closed"))
    {
      if (nt_str_empty (inc->outcome))
        {
          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("The incident cannot be closed without an outcome (settled at school, disciplined, transferred to the police or other)."));
          return FALSE;
        }
      if (!g_strv_contains (outcomes, inc->outcome))
        {
          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("“%s” is not an outcome of an incident."), inc->outcome);
          return FALSE;
        }
      if (!check_time (inc->closed_at, _("Ended at"), FALSE, inc->occurred_at, now, error))
        return FALSE;
      if (g_str_equal (inc->outcome, "police") && nt_str_empty (inc->police_reported_at))
        {
          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("The incident was transferred to the police, but “%s” is empty."),
                       _("Reported to the police at"));
          return FALSE;
        }
      if ((g_str_equal (inc->outcome, "other") || g_str_equal (inc->outcome, "disciplined")) &&
          is_blank (inc->outcome_note))
        {
          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("The outcome “%s” needs a few words in “%s”."),
                       nt_incident_outcome_label (inc->outcome), _("How it ended"));
          return FALSE;
        }
    }
  else if (!nt_str_empty (inc->outcome) || !nt_str_empty (inc->closed_at))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("An outcome is recorded only when the incident is closed; this one is “%s”."),
                   nt_incident_state_label (state));
      return FALSE;
    }
  return check_link (store, inc, error);
}

/* ----- writing ----------------------------------------------------------- */

static char *
stored_state (NtStore  *store,
              gint64    id,
              GError  **error)
{
  sqlite3_stmt *stmt = nt_store_row_for_id (store, "SELECT state FROM incidents WHERE id = ?1", id,
                                             _("The incident no longer exists."), error);
  char *state;

  if (stmt == NULL)
    return NULL;
  state = nt_sql_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return state;
}

static gboolean
write_people (NtStore     *store,
              gint64       incident_id,
              GListModel  *people,
              GError     **error)
{
  sqlite3_stmt *del = nt_store_prepare (store, "DELETE FROM incident_people WHERE incident_id = ?1", error);
  sqlite3_stmt *ins;
  guint n = people ? g_list_model_get_n_items (people) : 0;

  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, incident_id);
  if (!nt_store_step_done (store, del, error))
    return FALSE;

  ins = nt_store_prepare (store,
                          "INSERT INTO incident_people (incident_id, student_id, staff_id, outsider_name, part) "
                          "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (ins == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtIncidentPerson) p = g_list_model_get_item (people, i);
      g_autofree char *name = p->outsider_name ? g_strstrip (g_strdup (p->outsider_name)) : NULL;

      sqlite3_bind_int64 (ins, 1, incident_id);
      bind_id_or_null (ins, 2, p->student_id);
      bind_id_or_null (ins, 3, p->staff_id);
      if (name)
        nt_sql_bind_text (ins, 4, name);
      else
        sqlite3_bind_null (ins, 4);
      nt_sql_bind_text (ins, 5, p->part);
      if (!nt_store_step_done (store, ins, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_incident (NtStore     *store,
                NtIncident  *inc,
                GListModel  *people,
                GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 building_id = inc->building_id;

  if (g_str_equal (inc->place_kind, "room"))
    {
      sqlite3_stmt *room = nt_store_row_for_id (store, "SELECT building_id FROM rooms WHERE id = ?1", inc->room_id,
                                                _("The room no longer exists."), error);
      if (room == NULL)
        return FALSE;
      building_id = sqlite3_column_int64 (room, 0);
      sqlite3_reset (room);
    }
  else if (!g_str_equal (inc->place_kind, "building"))
    building_id = 0;

  if (inc->id == 0)
    stmt = nt_store_prepare (store,
                             "INSERT INTO incidents (occurred_at, place_kind, room_id, building_id, place_text, "
                             "  category, severity, description, reported_by, actions, guardians_informed_at, "
                             "  guardians_informed_by, police_reported_at, police_contact, state, outcome, "
                             "  outcome_note, closed_at, source_kind, source_id, created_by) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
                             "  ?18, ?19, ?20, ?22)", error);
  else
    stmt = nt_store_prepare (store,
                             "UPDATE incidents SET occurred_at = ?1, place_kind = ?2, room_id = ?3, "
                             "  building_id = ?4, place_text = ?5, category = ?6, severity = ?7, "
                             "  description = ?8, reported_by = ?9, actions = ?10, guardians_informed_at = ?11, "
                             "  guardians_informed_by = ?12, police_reported_at = ?13, police_contact = ?14, "
                             "  state = ?15, outcome = ?16, outcome_note = ?17, closed_at = ?18, "
                             "  source_kind = ?19, source_id = ?20 WHERE id = ?21", error);
  if (stmt == NULL)
    return FALSE;

  nt_sql_bind_text (stmt, 1, inc->occurred_at);
  nt_sql_bind_text (stmt, 2, inc->place_kind);
  bind_id_or_null (stmt, 3, g_str_equal (inc->place_kind, "room") ? inc->room_id : 0);
  bind_id_or_null (stmt, 4, building_id);
  nt_sql_bind_text (stmt, 5, inc->place_text);
  nt_sql_bind_text (stmt, 6, inc->category);
  sqlite3_bind_int (stmt, 7, inc->severity);
  nt_sql_bind_text (stmt, 8, inc->description);
  nt_sql_bind_text (stmt, 9, inc->reported_by);
  nt_sql_bind_text (stmt, 10, inc->actions);
  bind_text_or_null (stmt, 11, inc->guardians_informed_at);
  bind_id_or_null (stmt, 12, inc->guardians_informed_by);
  bind_text_or_null (stmt, 13, inc->police_reported_at);
  nt_sql_bind_text (stmt, 14, inc->police_contact);
  nt_sql_bind_text (stmt, 15, inc->state ? inc->state : "open");
  bind_text_or_null (stmt, 16, inc->outcome);
  nt_sql_bind_text (stmt, 17, inc->outcome_note);
  bind_text_or_null (stmt, 18, inc->closed_at);
  if (inc->source_kind != NT_INCIDENT_LINK_NONE)
    {
      nt_sql_bind_text (stmt, 19, nt_incident_link_kind_to_string (inc->source_kind));
      sqlite3_bind_int64 (stmt, 20, inc->source_id);
    }
  else
    {
      sqlite3_bind_null (stmt, 19);
      sqlite3_bind_null (stmt, 20);
    }
  if (inc->id == 0)
    bind_id_or_null (stmt, 22, nt_store_get_actor (store));
  else
    sqlite3_bind_int64 (stmt, 21, inc->id);
  if (!nt_store_step_done (store, stmt, error))
    return FALSE;
  if (inc->id == 0)
    {
      inc->id = sqlite3_last_insert_rowid (nt_store_get_db (store));
      inc->created_by = nt_store_get_actor (store);
    }
  inc->building_id = building_id;
  return write_people (store, inc->id, people, error);
}

/**
 * nt_incidents_save:
 * @incident: the incident; a new one when its id is 0, which is then set
 * @people: (nullable): #NtIncidentPerson items, the whole list (it replaces
 *   the people saved before)
 *
 * Checks and writes the incident and its people in one transaction. When
 * the state is "closed" and no closing time is given, it closes now.
 *
 * Returns: the incident's id, or 0 with @error set (NT_ERROR_DENIED,
 *   NT_ERROR_INVALID, NT_ERROR_NOT_FOUND)
 */
gint64
nt_incidents_save (NtStore     *store,
                   NtIncident  *incident,
                   GListModel  *people,
                   GError     **error)
{
  g_autofree char *old_state = NULL;
  gint64 id_before;

  g_return_val_if_fail (NT_IS_STORE (store), 0);
  g_return_val_if_fail (NT_IS_INCIDENT (incident), 0);
  g_return_val_if_fail (people == NULL || G_IS_LIST_MODEL (people), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!nt_access_require (store, NT_PERM_RECORD_INCIDENTS, error))
    return 0;
  if (incident->id != 0)
    {
      old_state = stored_state (store, incident->id, error);
      if (old_state == NULL)
        return 0;
    }
  if (g_strcmp0 (incident->state, "closed") == 0 && nt_str_empty (incident->closed_at))
    {
      g_free (incident->closed_at);
      incident->closed_at = nt_leave_time_now ();
    }
  if (!check_incident (store, incident, people, old_state, error))
    return 0;

  id_before = incident->id;
  if (!nt_store_begin (store, error))
    return 0;
  if (!write_incident (store, incident, people, error) || !nt_store_commit (store, error))
    {
      nt_store_rollback (store);
      incident->id = id_before;
      return 0;
    }
  nt_store_emit_changed (store, "incidents");
  return incident->id;
}

/* Loads the incident and its people, sets the state fields, saves it. */
static gboolean
change_state (NtStore     *store,
              gint64       incident_id,
              const char  *state,
              const char  *outcome,
              const char  *outcome_note,
              const char  *closed_at,
              GError     **error)
{
  g_autoptr(NtIncident) inc = NULL;
  g_autoptr(GListStore) people = NULL;

  if (!nt_access_require (store, NT_PERM_RECORD_INCIDENTS, error))
    return FALSE;
  inc = nt_incidents_load (store, incident_id, NULL, error);
  if (inc == NULL)
    return FALSE;
  people = nt_incidents_people (store, incident_id, error);
  if (people == NULL)
    return FALSE;
  nt_set_str (&inc->state, state);
  nt_set_str (&inc->outcome, outcome);
  if (outcome_note != NULL || !g_str_equal (state, "closed"))
    nt_set_str (&inc->outcome_note, outcome_note ? outcome_note : "");
  nt_set_str (&inc->closed_at, closed_at);
  return nt_incidents_save (store, inc, G_LIST_MODEL (people), error) != 0;
}

/**
 * nt_incidents_start:
 *
 * Marks an open incident "in progress": someone deals with it.
 */
gboolean
nt_incidents_start (NtStore  *store,
                    gint64    incident_id,
                    GError  **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  return change_state (store, incident_id, "in_progress", NULL, NULL, NULL, error);
}

/**
 * nt_incidents_close:
 * @outcome: "settled", "disciplined", "police" or "other"
 * @outcome_note: (nullable): words on the outcome (needed for disciplined
 *   and other)
 * @closed_at: (nullable): when it ended, %NULL for now
 */
gboolean
nt_incidents_close (NtStore     *store,
                    gint64       incident_id,
                    const char  *outcome,
                    const char  *outcome_note,
                    const char  *closed_at,
                    GError     **error)
{
  g_autofree char *now = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (closed_at == NULL)
    closed_at = now = nt_leave_time_now ();
  return change_state (store, incident_id, "closed", outcome ? outcome : "", outcome_note, closed_at, error);
}

/**
 * nt_incidents_reopen:
 *
 * Puts a closed incident back "in progress"; its outcome is cleared (the
 * audit log keeps it).
 */
gboolean
nt_incidents_reopen (NtStore  *store,
                     gint64    incident_id,
                     GError  **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  return change_state (store, incident_id, "in_progress", NULL, NULL, NULL, error);
}

/* ----- opening from where it arose ----------------------------------------- */

static NtIncident *
from_night_check (NtStore     *store,
                  gint64       entry_id,
                  GListStore  *people,
                  GError     **error)
{
  sqlite3_stmt *stmt = nt_store_row_for_id (store,
                                             "SELECT e.student_id, e.status, e.note, c.night, c.building_id, "
                                             "  bl.name, b.room_id, st.full_name "
                                             "FROM night_check_entries e JOIN night_checks c ON c.id = e.check_id "
                                             "JOIN buildings bl ON bl.id = c.building_id "
                                             "LEFT JOIN beds b ON b.id = e.bed_id "
                                             "LEFT JOIN staff st ON st.id = c.supervisor_id WHERE e.id = ?1",
                                             entry_id, _("The night-check entry no longer exists."), error);
  g_autoptr(NtIncident) inc = NULL;
  g_autoptr(NtIncidentPerson) person = NULL;
  g_autofree char *status = NULL;
  g_autofree char *note = NULL;
  g_autofree char *night = NULL;
  g_autofree char *building = NULL;
  g_autofree char *shown_night = NULL;
  g_autofree char *curfew = NULL;
  g_autofree char *now = nt_leave_time_now ();
  gint64 student_id;

  if (stmt == NULL)
    return NULL;
  inc = g_object_new (NT_TYPE_INCIDENT, NULL);
  student_id = sqlite3_column_int64 (stmt, 0);
  status = nt_sql_column_dup (stmt, 1);
  note = nt_sql_column_dup (stmt, 2);
  night = nt_sql_column_dup (stmt, 3);
  inc->building_id = sqlite3_column_int64 (stmt, 4);
  building = nt_sql_column_dup (stmt, 5);
  inc->room_id = sqlite3_column_int64 (stmt, 6);
  inc->reported_by = nt_sql_column_dup (stmt, 7);
  sqlite3_reset (stmt);

  curfew = nt_night_check_curfew_at (store, night);
  inc->occurred_at = g_strdup (curfew != NULL && strcmp (curfew, now) < 0 ? curfew : now);
  inc->place_kind = g_strdup (inc->room_id != 0 ? "room" : "building");
  inc->category = g_strdup (g_strcmp0 (status, "absent") == 0 || g_strcmp0 (status, "late") == 0
                            ? "left_without_permission" : "other");
  shown_night = nt_date_iso_to_display (night);
  if (g_strcmp0 (status, "late") == 0)
    inc->description = g_strdup_printf (_("Came back late on the night of %s (night check of %s)."), shown_night, building);
  else if (g_strcmp0 (status, "absent") == 0)
    inc->description = g_strdup_printf (_("Absent without permission on the night of %s (night check of %s)."), shown_night, building);
  else
    inc->description = g_strdup_printf (_("At the night check of %s on the night of %s."), building, shown_night);
  if (!nt_str_empty (note))
    {
      char *longer = g_strdup_printf ("%s %s", inc->description, note);
      g_free (inc->description);
      inc->description = longer;
    }
  inc->source_kind = NT_INCIDENT_LINK_NIGHT_CHECK;
  inc->source_id = entry_id;
  person = nt_incident_person_new_student (student_id, "cause");
  g_list_store_append (people, person);
  return g_steal_pointer (&inc);
}

static NtIncident *
from_leave (NtStore     *store,
            gint64       leave_id,
            GListStore  *people,
            GError     **error)
{
  g_autoptr(NtLeave) leave = nt_leaves_load (store, leave_id, NULL, error);
  g_autoptr(NtIncident) inc = NULL;
  g_autoptr(NtIncidentPerson) person = NULL;
  g_autofree char *now = nt_leave_time_now ();
  g_autofree char *due = NULL;

  if (leave == NULL)
    return NULL;
  inc = g_object_new (NT_TYPE_INCIDENT, NULL);
  inc->occurred_at = g_strdup (strcmp (leave->to_time, now) < 0 ? leave->to_time : now);
  inc->place_kind = g_strdup ("outside");
  inc->place_text = g_strdup (!nt_str_empty (leave->destination) ? leave->destination : _("Away on leave"));
  inc->category = g_strdup ("left_without_permission");
  due = nt_leave_time_to_display (leave->to_time);
  inc->description = g_strdup_printf (_("Did not come back from leave by %s."), due);
  inc->source_kind = NT_INCIDENT_LINK_LEAVE;
  inc->source_id = leave_id;
  person = nt_incident_person_new_student (leave->student_id, "cause");
  g_list_store_append (people, person);
  return g_steal_pointer (&inc);
}

static NtIncident *
from_handover (NtStore     *store,
               gint64       handover_id,
               GError     **error)
{
  sqlite3_stmt *stmt = nt_store_row_for_id (store,
                                             "SELECT h.written_at, h.happened, st.full_name, p.building_id, p.name "
                                             "FROM handovers h JOIN posts p ON p.id = h.post_id "
                                             "LEFT JOIN staff st ON st.id = h.written_by WHERE h.id = ?1",
                                             handover_id, _("The hand-over note no longer exists."), error);
  g_autoptr(NtIncident) inc = NULL;
  const char *written_at;

  if (stmt == NULL)
    return NULL;
  inc = g_object_new (NT_TYPE_INCIDENT, NULL);
  written_at = (const char *) sqlite3_column_text (stmt, 0);
  inc->occurred_at = written_at && strlen (written_at) >= 16 ? g_strndup (written_at, 16) : nt_leave_time_now ();
  inc->description = nt_sql_column_dup (stmt, 1);
  inc->reported_by = nt_sql_column_dup (stmt, 2);
  inc->building_id = sqlite3_column_int64 (stmt, 3);
  if (inc->building_id != 0)
    inc->place_kind = g_strdup ("building");
  else
    {
      inc->place_kind = g_strdup ("other");
      inc->place_text = nt_sql_column_dup (stmt, 4);
    }
  sqlite3_reset (stmt);
  inc->category = g_strdup ("other");
  inc->source_kind = NT_INCIDENT_LINK_HANDOVER;
  inc->source_id = handover_id;
  return g_steal_pointer (&inc);
}

/**
 * nt_incidents_new_from_link:
 * @link: where the incident arose
 * @people: (out) (optional) (transfer full): the people it already names
 *   (the student of a night-check entry or of a leave, as "caused it")
 *
 * A new incident (not saved) filled from where it arose: the time, the
 * place, a category and what happened, ready for the editor.
 *
 * Returns: (transfer full): the draft, or %NULL with @error set
 */
NtIncident *
nt_incidents_new_from_link (NtStore               *store,
                            const NtIncidentLink  *link,
                            GListStore           **people,
                            GError               **error)
{
  g_autoptr(GListStore) list = g_list_store_new (NT_TYPE_INCIDENT_PERSON);
  NtIncident *inc = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (link != NULL, NULL);

  if (!nt_access_require (store, NT_PERM_RECORD_INCIDENTS, error))
    return NULL;

  switch (link->kind)
    {
    case NT_INCIDENT_LINK_NIGHT_CHECK:
      inc = from_night_check (store, link->id, list, error);
      break;
    case NT_INCIDENT_LINK_LEAVE:
      inc = from_leave (store, link->id, list, error);
      break;
    case NT_INCIDENT_LINK_HANDOVER:
      inc = from_handover (store, link->id, error);
      break;
    case NT_INCIDENT_LINK_CONFIDENTIAL:
    case NT_INCIDENT_LINK_NONE:
    default:
      /* A confidential report's words stay in the box (nt-confidential.c
       * copies them when the principal decides): only the link is kept. */
      inc = g_object_new (NT_TYPE_INCIDENT, NULL);
      inc->occurred_at = nt_leave_time_now ();
      inc->place_kind = g_strdup ("school");
      inc->category = g_strdup ("other");
      if (link->kind == NT_INCIDENT_LINK_CONFIDENTIAL)
        {
          inc->source_kind = NT_INCIDENT_LINK_CONFIDENTIAL;
          inc->source_id = link->id;
        }
      break;
    }
  if (inc == NULL)
    return NULL;
  if (inc->state == NULL)
    inc->state = g_strdup ("open");
  if (people)
    *people = g_steal_pointer (&list);
  return inc;
}

/* ----- reading ----------------------------------------------------------- */

/* ?9 is the time at which "overdue" is judged. The people come as
 * name US part RS name US part…, in the order they were entered. */
#define INCIDENT_SELECT \
  "SELECT i.id, i.occurred_at, i.place_kind, i.room_id, ifnull (i.building_id, r.building_id), i.place_text, " \
  "  i.category, i.severity, i.description, i.reported_by, i.actions, i.guardians_informed_at, " \
  "  i.guardians_informed_by, i.police_reported_at, i.police_contact, i.state, i.outcome, i.outcome_note, " \
  "  i.closed_at, i.source_kind, i.source_id, i.created_by, r.number, b.name, gs.full_name, " \
  "  (SELECT group_concat (x.who || char (31) || x.part, char (30)) FROM " \
  "    (SELECT coalesce (s.full_name, st.full_name, p.outsider_name) AS who, p.part AS part " \
  "     FROM incident_people p LEFT JOIN students s ON s.id = p.student_id " \
  "     LEFT JOIN staff st ON st.id = p.staff_id WHERE p.incident_id = i.id ORDER BY p.id) x) " \
  "FROM incidents i LEFT JOIN rooms r ON r.id = i.room_id " \
  "LEFT JOIN buildings b ON b.id = ifnull (i.building_id, r.building_id) " \
  "LEFT JOIN staff gs ON gs.id = i.guardians_informed_by "

static char *
people_text (const char *packed)
{
  g_auto(GStrv) items = NULL;
  GString *out = g_string_new (NULL);

  if (nt_str_empty (packed))
    return g_string_free (out, FALSE);
  items = g_strsplit (packed, "\x1e", -1);
  for (guint i = 0; items[i]; i++)
    {
      g_auto(GStrv) pair = g_strsplit (items[i], "\x1f", 2);

      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, pair[0] ? pair[0] : "");
      if (pair[0] && pair[1])
        g_string_append_printf (out, " (%s)", nt_incident_part_label (pair[1]));
    }
  return g_string_free (out, FALSE);
}

static char *
place_text (const NtIncident *inc)
{
  const char *extra = nt_str_empty (inc->place_text) ? NULL : inc->place_text;

  if (g_strcmp0 (inc->place_kind, "room") == 0 && inc->room_number != NULL)
    {
      if (inc->building_name)
        return g_strdup_printf (_("Room %s, %s"), inc->room_number, inc->building_name);
      return g_strdup_printf (_("Room %s"), inc->room_number);
    }
  if (g_strcmp0 (inc->place_kind, "building") == 0 && inc->building_name != NULL)
    return extra ? g_strdup_printf ("%s (%s)", inc->building_name, extra) : g_strdup (inc->building_name);
  if (extra)
    return g_strdup_printf ("%s: %s", nt_incident_place_label (inc->place_kind), extra);
  return g_strdup (nt_incident_place_label (inc->place_kind));
}

static NtIncident *
incident_from_row (sqlite3_stmt *stmt,
                   const char   *at_time)
{
  NtIncident *inc = g_object_new (NT_TYPE_INCIDENT, NULL);

  inc->id = sqlite3_column_int64 (stmt, 0);
  inc->occurred_at = nt_sql_column_dup (stmt, 1);
  inc->place_kind = nt_sql_column_dup (stmt, 2);
  inc->room_id = sqlite3_column_int64 (stmt, 3);
  inc->building_id = sqlite3_column_int64 (stmt, 4);
  inc->place_text = nt_sql_column_dup (stmt, 5);
  inc->category = nt_sql_column_dup (stmt, 6);
  inc->severity = sqlite3_column_int (stmt, 7);
  inc->description = nt_sql_column_dup (stmt, 8);
  inc->reported_by = nt_sql_column_dup (stmt, 9);
  inc->actions = nt_sql_column_dup (stmt, 10);
  inc->guardians_informed_at = nt_sql_column_dup (stmt, 11);
  inc->guardians_informed_by = sqlite3_column_int64 (stmt, 12);
  inc->police_reported_at = nt_sql_column_dup (stmt, 13);
  inc->police_contact = nt_sql_column_dup (stmt, 14);
  inc->state = nt_sql_column_dup (stmt, 15);
  inc->outcome = nt_sql_column_dup (stmt, 16);
  inc->outcome_note = nt_sql_column_dup (stmt, 17);
  inc->closed_at = nt_sql_column_dup (stmt, 18);
  inc->source_kind = nt_incident_link_kind_from_string ((const char *) sqlite3_column_text (stmt, 19));
  inc->source_id = sqlite3_column_int64 (stmt, 20);
  inc->created_by = sqlite3_column_int64 (stmt, 21);
  inc->room_number = nt_sql_column_dup (stmt, 22);
  inc->building_name = nt_sql_column_dup (stmt, 23);
  inc->guardians_informed_by_name = nt_sql_column_dup (stmt, 24);
  inc->people = people_text ((const char *) sqlite3_column_text (stmt, 25));
  inc->place = place_text (inc);
  inc->age_days = MAX (0, days_between (inc->occurred_at, at_time));
  inc->overdue = is_overdue (inc->category, inc->state, inc->age_days);
  return inc;
}

static char *
time_or_now (const char *at_time)
{
  return at_time ? g_strdup (at_time) : nt_leave_time_now ();
}

/**
 * nt_incidents_list:
 * @filter: (nullable): which incidents; %NULL for all
 * @at_time: (nullable): when "overdue" is judged, %NULL for now
 *
 * Returns: (transfer full): #NtIncident rows, newest first, or %NULL with
 *   @error set (NT_ERROR_DENIED for a role that may not see incidents)
 */
GListStore *
nt_incidents_list (NtStore                 *store,
                   const NtIncidentFilter  *filter,
                   const char              *at_time,
                   GError                 **error)
{
  NtIncidentFilter all = { 0 };
  g_autofree char *at = time_or_now (at_time);
  g_autoptr(GListStore) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!nt_access_require (store, NT_PERM_VIEW_INCIDENTS, error))
    return NULL;
  if (filter == NULL)
    filter = &all;

  stmt = nt_store_prepare (store,
                           INCIDENT_SELECT
                           "WHERE (?1 IS NULL OR i.occurred_at >= ?1) "
                           "  AND (?2 IS NULL OR i.occurred_at <= ?2 || ' 23:59') "
                           "  AND (?3 IS NULL OR i.category = ?3) "
                           "  AND (?4 IS NULL OR i.state = ?4 OR (?4 = 'active' AND i.state <> 'closed')) "
                           "  AND (?5 = 0 OR EXISTS (SELECT 1 FROM incident_people p "
                           "                         WHERE p.incident_id = i.id AND p.student_id = ?5)) "
                           "  AND (?6 = 0 OR i.building_id = ?6 OR r.building_id = ?6) "
                           "ORDER BY i.occurred_at DESC, i.id DESC", error);
  if (stmt == NULL)
    return NULL;
  bind_text_or_null (stmt, 1, filter->from);
  bind_text_or_null (stmt, 2, filter->to);
  bind_text_or_null (stmt, 3, filter->category);
  bind_text_or_null (stmt, 4, filter->state);
  sqlite3_bind_int64 (stmt, 5, filter->student_id);
  sqlite3_bind_int64 (stmt, 6, filter->building_id);

  list = g_list_store_new (NT_TYPE_INCIDENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(NtIncident) inc = incident_from_row (stmt, at);

      if (!filter->overdue_only || inc->overdue)
        g_list_store_append (list, inc);
    }
  if (rc != SQLITE_DONE)
    {
      nt_store_set_error (store, error, _("read the incidents"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}

/**
 * nt_incidents_load:
 * @at_time: (nullable): when "overdue" is judged, %NULL for now
 *
 * Returns: (transfer full): the incident, or %NULL with @error set
 */
NtIncident *
nt_incidents_load (NtStore     *store,
                   gint64       incident_id,
                   const char  *at_time,
                   GError     **error)
{
  g_autofree char *at = time_or_now (at_time);
  sqlite3_stmt *stmt;
  NtIncident *inc = NULL;
  int rc;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  if (!nt_access_require (store, NT_PERM_VIEW_INCIDENTS, error))
    return NULL;
  stmt = nt_store_prepare (store, INCIDENT_SELECT "WHERE i.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    inc = incident_from_row (stmt, at);
  else if (rc == SQLITE_DONE)
    g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("The incident no longer exists."));
  else
    nt_store_set_error (store, error, _("read the incident"));
  sqlite3_reset (stmt);
  return inc;
}

/**
 * nt_incidents_people:
 *
 * Returns: (transfer full): the #NtIncidentPerson items of an incident in
 *   the order they were entered, or %NULL with @error set
 */
GListStore *
nt_incidents_people (NtStore  *store,
                     gint64    incident_id,
                     GError  **error)
{
  g_autoptr(GListStore) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  if (!nt_access_require (store, NT_PERM_VIEW_INCIDENTS, error))
    return NULL;
  stmt = nt_store_prepare (store,
                           "SELECT p.id, p.student_id, p.staff_id, p.outsider_name, p.part, "
                           "  coalesce (s.full_name, st.full_name, p.outsider_name), "
                           "  CASE WHEN p.student_id IS NOT NULL THEN c.name ELSE NULL END, st.role "
                           "FROM incident_people p LEFT JOIN students s ON s.id = p.student_id "
                           "LEFT JOIN classes c ON c.id = s.class_id "
                           "LEFT JOIN staff st ON st.id = p.staff_id "
                           "WHERE p.incident_id = ?1 ORDER BY p.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  list = g_list_store_new (NT_TYPE_INCIDENT_PERSON);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(NtIncidentPerson) p = g_object_new (NT_TYPE_INCIDENT_PERSON, NULL);

      p->id = sqlite3_column_int64 (stmt, 0);
      p->student_id = sqlite3_column_int64 (stmt, 1);
      p->staff_id = sqlite3_column_int64 (stmt, 2);
      p->outsider_name = nt_sql_column_dup (stmt, 3);
      p->part = nt_sql_column_dup (stmt, 4);
      p->name = nt_sql_column_dup (stmt, 5);
      if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
        p->detail = nt_sql_column_dup (stmt, 6);
      else
        p->detail = g_strdup ("");
      g_list_store_append (list, p);
    }
  if (rc != SQLITE_DONE)
    {
      nt_store_set_error (store, error, _("read the people of the incident"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}

/**
 * nt_incidents_for_student:
 * @at_time: (nullable): when "overdue" is judged, %NULL for now
 *
 * Returns: (transfer full): the incidents a student is involved in, newest
 *   first, or %NULL with @error set (NT_ERROR_DENIED for a role that may
 *   not see incidents)
 */
GListStore *
nt_incidents_for_student (NtStore     *store,
                          gint64       student_id,
                          const char  *at_time,
                          GError     **error)
{
  NtIncidentFilter filter = { 0 };

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (student_id > 0, NULL);

  filter.student_id = student_id;
  return nt_incidents_list (store, &filter, at_time, error);
}

/**
 * nt_incidents_find_by_link:
 *
 * Returns: the newest incident that arose from @link, or 0
 */
gint64
nt_incidents_find_by_link (NtStore               *store,
                           const NtIncidentLink  *link)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (NT_IS_STORE (store), 0);
  g_return_val_if_fail (link != NULL, 0);

  if (link->kind == NT_INCIDENT_LINK_NONE)
    return 0;
  stmt = nt_store_prepare (store,
                           "SELECT id FROM incidents WHERE source_kind = ?1 AND source_id = ?2 "
                           "ORDER BY id DESC LIMIT 1", NULL);
  g_return_val_if_fail (stmt != NULL, 0);
  nt_sql_bind_text (stmt, 1, nt_incident_link_kind_to_string (link->kind));
  sqlite3_bind_int64 (stmt, 2, link->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* ----- counts ------------------------------------------------------------ */

static NtIncidentCount *
count_new (const char *category,
           const char *label)
{
  NtIncidentCount *c = g_object_new (NT_TYPE_INCIDENT_COUNT, NULL);

  c->category = g_strdup (category);
  c->label = g_strdup (label);
  return c;
}

static void
count_add_row (NtIncidentCount *c,
               sqlite3_stmt    *stmt)
{
  c->total += sqlite3_column_int (stmt, 1);
  c->open += sqlite3_column_int (stmt, 2);
  c->in_progress += sqlite3_column_int (stmt, 3);
  c->closed += sqlite3_column_int (stmt, 4);
  c->settled += sqlite3_column_int (stmt, 5);
  c->disciplined += sqlite3_column_int (stmt, 6);
  c->police += sqlite3_column_int (stmt, 7);
  c->other_outcome += sqlite3_column_int (stmt, 8);
  c->reported_to_police += sqlite3_column_int (stmt, 9);
}

/* Calls count_add_row on the row of each category (column 0) that has
 * incidents from @from to @to. */
static gboolean
count_rows (NtStore     *store,
            const char  *from,
            const char  *to,
            GHashTable  *by_category,
            NtIncidentCount *total,
            GError     **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "SELECT category, count (*), total (state = 'open'), "
                                         "  total (state = 'in_progress'), total (state = 'closed'), "
                                         "  total (state = 'closed' AND outcome = 'settled'), "
                                         "  total (state = 'closed' AND outcome = 'disciplined'), "
                                         "  total (state = 'closed' AND outcome = 'police'), "
                                         "  total (state = 'closed' AND outcome = 'other'), "
                                         "  total (police_reported_at IS NOT NULL) "
                                         "FROM incidents WHERE (?1 IS NULL OR occurred_at >= ?1) "
                                         "  AND (?2 IS NULL OR occurred_at <= ?2 || ' 23:59') "
                                         "GROUP BY category", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_text_or_null (stmt, 1, from);
  bind_text_or_null (stmt, 2, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *category = (const char *) sqlite3_column_text (stmt, 0);
      NtIncidentCount *c = by_category ? g_hash_table_lookup (by_category, category) : NULL;

      if (c)
        count_add_row (c, stmt);
      if (total)
        count_add_row (total, stmt);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      nt_store_set_error (store, error, _("count the incidents"));
      return FALSE;
    }
  return TRUE;
}

/**
 * nt_incidents_count_by_category:
 * @from: (nullable): first day (ISO), %NULL for no lower bound
 * @to: (nullable): last day (ISO), %NULL for no upper bound
 *
 * The incidents that happened from @from to @to, one row per category of
 * the list (zeros included), in the order of the list: how many, in each
 * state, and those closed with each outcome. For a school year, take the
 * days of nt_incidents_school_year_range().
 *
 * Returns: (transfer full): #NtIncidentCount rows, or %NULL with @error set
 */
GListStore *
nt_incidents_count_by_category (NtStore     *store,
                                const char  *from,
                                const char  *to,
                                GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (NT_TYPE_INCIDENT_COUNT);
  g_autoptr(GHashTable) by_category = g_hash_table_new (g_str_hash, g_str_equal);
  const NtIncidentCategory *cats;
  guint n;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  cats = nt_incident_categories (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtIncidentCount) c = count_new (cats[i].id, cats[i].label);

      g_hash_table_insert (by_category, c->category, c);
      g_list_store_append (list, c);
    }
  if (!count_rows (store, from, to, by_category, NULL, error))
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * nt_incidents_count_total:
 * @from: (nullable): first day (ISO)
 * @to: (nullable): last day (ISO)
 *
 * Returns: (transfer full): the counts of every incident from @from to
 *   @to (category %NULL), or %NULL with @error set
 */
NtIncidentCount *
nt_incidents_count_total (NtStore     *store,
                          const char  *from,
                          const char  *to,
                          GError     **error)
{
  g_autoptr(NtIncidentCount) total = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  /* TRANSLATORS: the row of every category in incident counts */
  total = count_new (NULL, _("Total"));
  if (!count_rows (store, from, to, NULL, total, error))
    return NULL;
  return g_steal_pointer (&total);
}

/**
 * nt_incidents_count_by_month:
 * @from: first day (ISO)
 * @to: last day (ISO)
 *
 * Returns: (transfer full) (element-type guint): the number of incidents
 *   in each month from the month of @from to the month of @to (element 0
 *   is @from's month), or %NULL with @error set
 */
GArray *
nt_incidents_count_by_month (NtStore     *store,
                             const char  *from,
                             const char  *to,
                             GError     **error)
{
  g_autoptr(GDate) start = NULL;
  g_autoptr(GDate) end = NULL;
  g_autoptr(GArray) months = NULL;
  sqlite3_stmt *stmt;
  int n, rc;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  start = nt_date_from_iso (from);
  end = nt_date_from_iso (to);
  if (start == NULL || end == NULL || g_date_compare (start, end) > 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The period from “%s” to “%s” is not a range of days."), from, to);
      return NULL;
    }
  n = (g_date_get_year (end) - g_date_get_year (start)) * 12
      + (int) g_date_get_month (end) - (int) g_date_get_month (start) + 1;
  months = g_array_new (FALSE, TRUE, sizeof (guint));
  g_array_set_size (months, (guint) n);

  stmt = nt_store_prepare (store,
                           "SELECT CAST (substr (occurred_at, 1, 4) AS INTEGER), "
                           "  CAST (substr (occurred_at, 6, 2) AS INTEGER), count (*) "
                           "FROM incidents WHERE occurred_at >= ?1 AND occurred_at <= ?2 || ' 23:59' "
                           "GROUP BY 1, 2", error);
  if (stmt == NULL)
    return NULL;
  nt_sql_bind_text (stmt, 1, from);
  nt_sql_bind_text (stmt, 2, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int i = (sqlite3_column_int (stmt, 0) - g_date_get_year (start)) * 12
              + sqlite3_column_int (stmt, 1) - (int) g_date_get_month (start);

      if (i >= 0 && i < n)
        g_array_index (months, guint, i) += (guint) sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      nt_store_set_error (store, error, _("count the incidents"));
      return NULL;
    }
  return g_steal_pointer (&months);
}

/**
 * nt_incidents_count_active:
 * @at_time: (nullable): when "overdue" is judged, %NULL for now
 * @n_overdue: (out) (optional): how many of them are overdue
 *
 * Returns: the incidents not closed (open or in progress)
 */
guint
nt_incidents_count_active (NtStore     *store,
                           const char  *at_time,
                           guint       *n_overdue)
{
  g_autofree char *at = time_or_now (at_time);
  sqlite3_stmt *stmt;
  guint n = 0, overdue = 0;

  g_return_val_if_fail (NT_IS_STORE (store), 0);

  stmt = nt_store_prepare (store, "SELECT category, state, occurred_at FROM incidents WHERE state <> 'closed'", NULL);
  g_return_val_if_fail (stmt != NULL, 0);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *occurred_at = (const char *) sqlite3_column_text (stmt, 2);

      n++;
      if (is_overdue ((const char *) sqlite3_column_text (stmt, 0),
                      (const char *) sqlite3_column_text (stmt, 1),
                      days_between (occurred_at, at)))
        overdue++;
    }
  sqlite3_reset (stmt);
  if (n_overdue)
    *n_overdue = overdue;
  return n;
}

/**
 * nt_incidents_school_year_range:
 * @school_year: "2026-2027", as the school table keeps it
 * @from: (out) (transfer full): "2026-08-01"
 * @to: (out) (transfer full): "2027-07-31"
 *
 * The days the incident counts of a school year cover: from the first of
 * August (before the year opens in September) to the end of July (the
 * summer belongs to the year that ends, the boarders' summer stays too).
 */
void
nt_incidents_school_year_range (const char  *school_year,
                                char       **from,
                                char       **to)
{
  int first;

  g_return_if_fail (school_year != NULL);
  g_return_if_fail (from != NULL && to != NULL);

  first = (int) g_ascii_strtoll (school_year, NULL, 10);
  *from = g_strdup_printf ("%04d-08-01", first);
  *to = g_strdup_printf ("%04d-07-31", first + 1);
}
