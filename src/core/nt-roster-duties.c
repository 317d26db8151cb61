/* nt-roster-duties.c: duties by hand (assign, remove, swap) and the roster
 * read back (lists, the week and month grid, who is on duty now)
 *
 * A duty by hand is refused, with nothing written, when the person left,
 * has a role the post does not take, is a man on a women-only post at night
 * (or the reverse), is on leave or a day off, never works nights, or would
 * be in two places at once or rest less than the minimum between duties.
 */
#define G_LOG_DOMAIN "nt-roster"

#include <string.h>

#include "nt-access.h"
#include "nt-date.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-roster-private.h"
#include "nt-staff.h"
#include "nt-util.h"

/* ----- the checks of one person on one shift ----------------------------- */

typedef struct
{
  char     *name;
  char     *gender;
  char     *role;
  gboolean  active;
} Person;

static void
person_clear (Person *p)
{
  g_free (p->name);
  g_free (p->gender);
  g_free (p->role);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Person, person_clear)

static gboolean
load_person (NtStore  *store,
             gint64    staff_id,
             Person   *p,
             GError  **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "SELECT full_name, gender, role, active FROM staff WHERE id = ?1", error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      p->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      p->gender = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      p->role = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      p->active = sqlite3_column_int (stmt, 3) != 0;
    }
  sqlite3_reset (stmt);
  if (!found)
    g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("The staff member does not exist; nothing was saved."));
  return found;
}

/* The most nights a month of @staff_id's availability (the generator's
 * rule: the lowest of their limits, whatever its dates), and the night
 * duties they already have in the month of @iso, but for the duties in
 * @except_a and @except_b (the ones a swap moves): FALSE, with the reason,
 * when one more night would be one too many. */
static gboolean
check_max_nights (NtStore     *store,
                  gint64       staff_id,
                  const char  *name,
                  const char  *iso,
                  gint64       except_a,
                  gint64       except_b,
                  GError     **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "SELECT min (value), (SELECT count (*) FROM duties d "
                                         "  JOIN shift_templates sh ON sh.id = d.shift_id "
                                         "  WHERE d.staff_id = ?1 AND substr (d.date, 1, 7) = substr (?2, 1, 7) "
                                         "  AND (sh.is_night = 1 OR sh.end_time <= sh.start_time) "
                                         "  AND d.id <> ?3 AND d.id <> ?4) "
                                         "FROM staff_availability WHERE staff_id = ?1 AND kind = 'max_nights'", error);
  gboolean limited;
  int most, nights;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, except_a);
  sqlite3_bind_int64 (stmt, 4, except_b);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      /* TRANSLATORS: completes "Could not %s: …" */
      nt_store_set_error (store, error, _("read the staff member's availability"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  limited = sqlite3_column_type (stmt, 0) != SQLITE_NULL;
  most = sqlite3_column_int (stmt, 0);
  nights = sqlite3_column_int (stmt, 1);
  sqlite3_reset (stmt);
  if (!limited || nights < most)
    return TRUE;

  {
    g_autofree char *month = g_strdup_printf ("%.2s/%.4s", iso + 5, iso);

    g_set_error (error, NT_ERROR, NT_ERROR_CONSTRAINT,
                 ngettext ("%s may stand at most %d night a month and already has %d in %s; nothing was saved.",
                           "%s may stand at most %d nights a month and already has %d in %s; nothing was saved.",
                           most),
                 name, most, nights, month);
  }
  return FALSE;
}

/* Why @staff_id cannot stand on @post for @shift on @day; TRUE when they
 * can. The duties in @except (0-terminated, up to two) are left out: they
 * are the ones a swap moves. */
static gboolean
check_fits (NtStore   *store,
            NtRSetup  *setup,
            gint64     staff_id,
            NtRPost   *post,
            NtRShift  *shift,
            int        day,
            gint64     except_a,
            gint64     except_b,
            GError   **error)
{
  g_auto(Person) p = { 0 };
  g_autofree char *iso = nt_roster_day_iso (day);
  g_autofree char *shown = nt_date_iso_to_display (iso);
  sqlite3_stmt *stmt;
  int start = day * NT_DAY_MINUTES + shift->start;
  int end = day * NT_DAY_MINUTES + shift->end;
  int min_rest = NT_ROSTER_DEFAULT_MIN_REST_HOURS * 60;
  guint why = 0;

  if (!load_person (store, staff_id, &p, error))
    return FALSE;
  if (!p.active)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s has left the school and cannot be put on duty (%s, %s, %s); nothing was saved."),
                   p.name, post->name, shift->name, shown);
      return FALSE;
    }
  if (!nt_rpost_allows_role (post, p.role))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The post “%s” does not take staff with the role of %s (%s); nothing was saved."),
                   post->name, p.name, nt_staff_role_label (p.role));
      return FALSE;
    }
  if (shift->night && post->night_gender != 'X' && p.gender[0] != post->night_gender)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   post->night_gender == 'F'
                   ? _("At night the post “%s” is staffed by women only; %s cannot take the %s shift on %s. Nothing was saved.")
                   : _("At night the post “%s” is staffed by men only; %s cannot take the %s shift on %s. Nothing was saved."),
                   post->name, p.name, shift->name, shown);
      return FALSE;
    }

  stmt = nt_store_prepare (store,
                           "SELECT kind FROM staff_availability WHERE staff_id = ?1 "
                           "AND kind IN ('day_off', 'leave', 'never_nights') "
                           "AND (from_date IS NULL OR from_date <= ?2) AND (to_date IS NULL OR to_date >= ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    why |= g_str_equal ((const char *) sqlite3_column_text (stmt, 0), "never_nights") ? NT_AVAIL_NO_NIGHTS : NT_AVAIL_OFF;
  sqlite3_reset (stmt);
  if (why & NT_AVAIL_OFF)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s is on leave or has a day off on %s; nothing was saved."), p.name, shown);
      return FALSE;
    }
  if ((why & NT_AVAIL_NO_NIGHTS) && shift->night)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("%s does not work nights and cannot take the %s shift on %s; nothing was saved."),
                   p.name, shift->name, shown);
      return FALSE;
    }

  if (shift->night && !check_max_nights (store, staff_id, p.name, iso, except_a, except_b, error))
    return FALSE;

  /* The person's other duties around the day: two days either side are
   * enough, no shift is longer than a day. */
  stmt = nt_store_prepare (store,
                           "SELECT d.date, d.shift_id, p.name FROM duties d JOIN posts p ON p.id = d.post_id "
                           "WHERE d.staff_id = ?1 AND d.date BETWEEN date (?2, '-2 day') AND date (?2, '+2 day') "
                           "AND d.id <> ?3 AND d.id <> ?4", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, except_a);
  sqlite3_bind_int64 (stmt, 4, except_b);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      NtRShift *other = nt_rsetup_shift (setup, sqlite3_column_int64 (stmt, 1));
      int oday = nt_roster_day_number ((const char *) sqlite3_column_text (stmt, 0));
      int os, oe, rest;

      if (other == NULL || oday == 0)
        continue;
      os = oday * NT_DAY_MINUTES + other->start;
      oe = oday * NT_DAY_MINUTES + other->end;
      if (os < end && start < oe)
        {
          g_autofree char *oiso = nt_roster_day_iso (oday);
          g_autofree char *oshown = nt_date_iso_to_display (oiso);

          g_set_error (error, NT_ERROR, NT_ERROR_CONSTRAINT,
                       _("%s would be in two places at once: %s, %s shift on %s, and %s, %s shift on %s; nothing was saved."),
                       p.name, post->name, shift->name, shown,
                       (const char *) sqlite3_column_text (stmt, 2), other->name, oshown);
          sqlite3_reset (stmt);
          return FALSE;
        }
      rest = os >= end ? os - end : start - oe;
      if (rest < min_rest)
        {
          g_autofree char *oiso = nt_roster_day_iso (oday);
          g_autofree char *oshown = nt_date_iso_to_display (oiso);

          g_set_error (error, NT_ERROR, NT_ERROR_CONSTRAINT,
                       _("%s would rest only %d h %02d min between the %s shift on %s and the %s shift on %s (at least %d hours are needed); nothing was saved."),
                       p.name, rest / 60, rest % 60,
                       os >= end ? shift->name : other->name, os >= end ? shown : oshown,
                       os >= end ? other->name : shift->name, os >= end ? oshown : shown,
                       NT_ROSTER_DEFAULT_MIN_REST_HOURS);
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
find_post_shift (NtRSetup   *setup,
                 gint64      post_id,
                 gint64      shift_id,
                 NtRPost   **post,
                 NtRShift  **shift,
                 GError    **error)
{
  *post = nt_rsetup_post (setup, post_id);
  *shift = nt_rsetup_shift (setup, shift_id);
  if (*post == NULL)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                   _("The post does not exist or is no longer staffed; nothing was saved."));
      return FALSE;
    }
  if (*shift == NULL)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("The shift does not exist; nothing was saved."));
      return FALSE;
    }
  return TRUE;
}

/* ----- duties by hand ---------------------------------------------------- */

gint64
nt_roster_assign (NtStore     *store,
                  gint64       post_id,
                  gint64       shift_id,
                  gint64       staff_id,
                  const char  *date,
                  gboolean     locked,
                  GError     **error)
{
  g_autoptr(NtRSetup) setup = NULL;
  NtRPost *post;
  NtRShift *shift;
  sqlite3_stmt *stmt;
  int day;

  g_return_val_if_fail (NT_IS_STORE (store), 0);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROSTER, error))
    return 0;

  day = nt_roster_day_number (date);
  if (day == 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("“%s” is not a date; nothing was saved."), date != NULL ? date : "");
      return 0;
    }
  setup = nt_rsetup_load (store, error);
  if (setup == NULL || !find_post_shift (setup, post_id, shift_id, &post, &shift, error))
    return 0;
  if (!check_fits (store, setup, staff_id, post, shift, day, 0, 0, error))
    return 0;

  stmt = nt_store_prepare (store,
                           "INSERT INTO duties (post_id, shift_id, staff_id, date, locked) VALUES (?1, ?2, ?3, ?4, ?5)",
                           error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, post_id);
  sqlite3_bind_int64 (stmt, 2, shift_id);
  sqlite3_bind_int64 (stmt, 3, staff_id);
  sqlite3_bind_text (stmt, 4, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, locked ? 1 : 0);
  if (!nt_store_step_done (store, stmt, error))
    return 0;
  nt_store_emit_changed (store, "duties");
  return sqlite3_last_insert_rowid (nt_store_get_db (store));
}

static gboolean
duty_update (NtStore     *store,
             const char  *sql,
             gint64       duty_id,
             int          value,
             GError     **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, duty_id);
  sqlite3_bind_int (stmt, 2, value);
  if (!nt_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (nt_store_get_db (store)) == 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("The duty no longer exists; nothing was changed."));
      return FALSE;
    }
  nt_store_emit_changed (store, "duties");
  return TRUE;
}

gboolean
nt_roster_remove (NtStore  *store,
                  gint64    duty_id,
                  GError  **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROSTER, error))
    return FALSE;

  return duty_update (store, "DELETE FROM duties WHERE id = ?1 AND ?2 = ?2", duty_id, 0, error);
}

gboolean
nt_roster_set_locked (NtStore  *store,
                      gint64    duty_id,
                      gboolean  locked,
                      GError  **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROSTER, error))
    return FALSE;

  return duty_update (store, "UPDATE duties SET locked = ?2 WHERE id = ?1", duty_id, locked ? 1 : 0, error);
}

typedef struct
{
  gint64  id;
  gint64  post_id;
  gint64  shift_id;
  gint64  staff_id;
  int     day;
  char   *staff_name;
} DutyKey;

static void
duty_key_clear (DutyKey *k)
{
  g_clear_pointer (&k->staff_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DutyKey, duty_key_clear)

static gboolean
load_duty_key (NtStore  *store,
               gint64    duty_id,
               DutyKey  *k,
               GError  **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "SELECT d.post_id, d.shift_id, d.staff_id, d.date, s.full_name "
                                         "FROM duties d JOIN staff s ON s.id = d.staff_id WHERE d.id = ?1", error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, duty_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      k->id = duty_id;
      k->post_id = sqlite3_column_int64 (stmt, 0);
      k->shift_id = sqlite3_column_int64 (stmt, 1);
      k->staff_id = sqlite3_column_int64 (stmt, 2);
      k->day = nt_roster_day_number ((const char *) sqlite3_column_text (stmt, 3));
      k->staff_name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
    }
  sqlite3_reset (stmt);
  if (!found)
    g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("The duty no longer exists; nothing was changed."));
  return found;
}

/* Every check of a swap of @a and @b but its reason: the swap itself, the
 * check without writing and the list of partners share it, so the list
 * offers exactly what the swap accepts. */
static gboolean
swap_fits (NtStore        *store,
           NtRSetup       *setup,
           const DutyKey  *a,
           const DutyKey  *b,
           GError        **error)
{
  NtRPost *post_a, *post_b;
  NtRShift *shift_a, *shift_b;

  if (a->staff_id == b->staff_id)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Both duties are already %s’s; there is nothing to swap."), a->staff_name);
      return FALSE;
    }
  if (!find_post_shift (setup, a->post_id, a->shift_id, &post_a, &shift_a, error) ||
      !find_post_shift (setup, b->post_id, b->shift_id, &post_b, &shift_b, error))
    return FALSE;
  /* Each person is checked on the other's duty, without the two duties
   * being swapped (both change hands). */
  return check_fits (store, setup, b->staff_id, post_a, shift_a, a->day, a->id, b->id, error) &&
         check_fits (store, setup, a->staff_id, post_b, shift_b, b->day, a->id, b->id, error);
}

/* A swapped duty is locked: the swap was agreed between two people, and
 * generating the roster again must not undo it (a duty added by hand is
 * locked for the same reason). */
static gboolean
swap_write (NtStore     *store,
            gint64       duty_id,
            gint64       staff_id,
            const char  *note,
            GError     **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "UPDATE duties SET staff_id = ?2, note = ?3, locked = 1 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, duty_id);
  sqlite3_bind_int64 (stmt, 2, staff_id);
  sqlite3_bind_text (stmt, 3, note, -1, SQLITE_TRANSIENT);
  return nt_store_step_done (store, stmt, error);
}

/**
 * nt_roster_swap_check:
 *
 * Whether nt_roster_swap() would exchange the people of two duties (its
 * reason aside), without writing anything.
 *
 * Returns: TRUE when it would; FALSE with the swap's reason for refusing
 */
gboolean
nt_roster_swap_check (NtStore  *store,
                      gint64    duty_a,
                      gint64    duty_b,
                      GError  **error)
{
  g_autoptr(NtRSetup) setup = NULL;
  g_auto(DutyKey) a = { 0 };
  g_auto(DutyKey) b = { 0 };

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROSTER, error))
    return FALSE;
  if (!load_duty_key (store, duty_a, &a, error) || !load_duty_key (store, duty_b, &b, error))
    return FALSE;
  setup = nt_rsetup_load (store, error);
  return setup != NULL && swap_fits (store, setup, &a, &b, error);
}

/**
 * nt_roster_swap_partners:
 * @duty_id: the duty to swap
 *
 * The duties of the dates that @duty_id could be swapped with: those
 * nt_roster_swap() would accept (its reason aside), in the order of
 * nt_roster_duties().
 *
 * Returns: (transfer full): a #GListStore of #NtDuty, or NULL with @error
 */
GListStore *
nt_roster_swap_partners (NtStore     *store,
                         gint64       duty_id,
                         const char  *from_date,
                         const char  *to_date,
                         GError     **error)
{
  g_autoptr(GListStore) all = NULL;
  g_autoptr(GListStore) fitting = g_list_store_new (NT_TYPE_DUTY);
  g_autoptr(NtRSetup) setup = NULL;
  g_auto(DutyKey) a = { 0 };

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (from_date != NULL && to_date != NULL, NULL);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROSTER, error))
    return NULL;
  if (!load_duty_key (store, duty_id, &a, error))
    return NULL;
  setup = nt_rsetup_load (store, error);
  if (setup == NULL)
    return NULL;
  all = nt_roster_duties (store, from_date, to_date, 0, error);
  if (all == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(NtDuty) d = g_list_model_get_item (G_LIST_MODEL (all), i);
      DutyKey b = { d->id, d->post_id, d->shift_id, d->staff_id, nt_roster_day_number (d->date), d->staff_name };
      g_autoptr(GError) refused = NULL;

      /* A refusal is this partner's, not the list's: only a failing
       * database stops the list. */
      if (d->id == duty_id || b.day == 0)
        continue;
      if (swap_fits (store, setup, &a, &b, &refused))
        g_list_store_append (fitting, d);
      else if (refused->domain != NT_ERROR ||
               (refused->code != NT_ERROR_INVALID && refused->code != NT_ERROR_CONSTRAINT &&
                refused->code != NT_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&refused));
          return NULL;
        }
    }
  return g_steal_pointer (&fitting);
}

/**
 * nt_roster_swap:
 *
 * Exchanges the people of two duties. The reason goes into both duties'
 * notes, and the audit triggers log the change; both duties are locked so
 * that generating the roster again keeps the swap. Refused, with nothing
 * written, when either person could not stand on the other's duty.
 */
gboolean
nt_roster_swap (NtStore     *store,
                gint64       duty_a,
                gint64       duty_b,
                const char  *reason,
                GError     **error)
{
  g_autoptr(NtRSetup) setup = NULL;
  g_auto(DutyKey) a = { 0 };
  g_auto(DutyKey) b = { 0 };
  g_autofree char *note_a = NULL;
  g_autofree char *note_b = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROSTER, error))
    return FALSE;

  if (nt_str_empty (reason) || strspn (reason, " \t\n") == strlen (reason))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("A swap needs a reason; nothing was changed."));
      return FALSE;
    }
  if (!load_duty_key (store, duty_a, &a, error) || !load_duty_key (store, duty_b, &b, error))
    return FALSE;
  setup = nt_rsetup_load (store, error);
  if (setup == NULL || !swap_fits (store, setup, &a, &b, error))
    return FALSE;

  note_a = g_strdup_printf (_("Swapped with %s: %s"), a.staff_name, reason);
  note_b = g_strdup_printf (_("Swapped with %s: %s"), b.staff_name, reason);
  if (!nt_store_begin (store, error))
    return FALSE;
  if (!swap_write (store, duty_a, b.staff_id, note_a, error) ||
      !swap_write (store, duty_b, a.staff_id, note_b, error))
    {
      nt_store_rollback (store);
      return FALSE;
    }
  if (!nt_store_commit (store, error))
    return FALSE;
  nt_store_emit_changed (store, "duties");
  return TRUE;
}

/* ----- reading ----------------------------------------------------------- */

#define DUTY_SELECT \
  "SELECT d.id, d.post_id, p.name, d.shift_id, sh.name, sh.start_time, sh.end_time, d.staff_id, " \
  "  s.full_name, s.phone, d.date, d.locked, d.note, ifnull (p.building_id, 0) " \
  "FROM duties d JOIN posts p ON p.id = d.post_id JOIN shift_templates sh ON sh.id = d.shift_id " \
  "  JOIN staff s ON s.id = d.staff_id "

static NtDuty *
duty_from_row (sqlite3_stmt *stmt)
{
  NtDuty *d = g_object_new (NT_TYPE_DUTY, NULL);

  d->id = sqlite3_column_int64 (stmt, 0);
  d->post_id = sqlite3_column_int64 (stmt, 1);
  d->post_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  d->shift_id = sqlite3_column_int64 (stmt, 3);
  d->shift_name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  d->start_time = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  d->end_time = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  d->staff_id = sqlite3_column_int64 (stmt, 7);
  d->staff_name = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  d->staff_phone = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
  d->date = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
  d->locked = sqlite3_column_int (stmt, 11) != 0;
  d->note = g_strdup ((const char *) sqlite3_column_text (stmt, 12));
  d->building_id = sqlite3_column_int64 (stmt, 13);
  return d;
}

/**
 * nt_roster_duties:
 * @post_id: a post, or 0 for all
 *
 * Returns: (transfer full): #NtDuty rows of the dates, by date, shift
 *   start, post name and person name
 */
GListStore *
nt_roster_duties (NtStore     *store,
                  const char  *from_date,
                  const char  *to_date,
                  gint64       post_id,
                  GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (NT_TYPE_DUTY);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (from_date != NULL && to_date != NULL, NULL);

  stmt = nt_store_prepare (store,
                           DUTY_SELECT "WHERE d.date BETWEEN ?1 AND ?2 AND (?3 = 0 OR d.post_id = ?3) "
                           "ORDER BY d.date, sh.start_time, p.name, s.name_key, d.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, post_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(NtDuty) d = duty_from_row (stmt);

      g_list_store_append (list, d);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}

static NtRosterCell *
new_cell (const NtRPost  *post,
          const NtRShift *shift,
          const char     *date)
{
  NtRosterCell *c = g_object_new (NT_TYPE_ROSTER_CELL, NULL);

  c->post_id = post->id;
  c->post_name = g_strdup (post->name);
  c->date = g_strdup (date);
  c->shift_id = shift->id;
  c->shift_name = g_strdup (shift->name);
  c->start_time = g_strdup (shift->start_text);
  c->end_time = g_strdup (shift->end_text);
  c->needed = post->people;
  c->staff_names = g_strdup ("");
  return c;
}

static int
compare_cells (gconstpointer a,
               gconstpointer b)
{
  const NtRosterCell *x = *(NtRosterCell * const *) a;
  const NtRosterCell *y = *(NtRosterCell * const *) b;
  int c;

  if ((c = strcmp (x->post_name, y->post_name)) != 0)
    return c;
  if (x->post_id != y->post_id)
    return x->post_id < y->post_id ? -1 : 1;
  if ((c = strcmp (x->date, y->date)) != 0)
    return c;
  if ((c = strcmp (x->start_time, y->start_time)) != 0)
    return c;
  return x->shift_id < y->shift_id ? -1 : x->shift_id > y->shift_id;
}

/**
 * nt_roster_grid:
 *
 * The week or month grid: one #NtRosterCell per active post, day and
 * shift that applies to the post (empty cells included), by post name,
 * date and shift start; a duty on a shift that does not apply to its post
 * gets a cell of its own after the others of its post and day.
 *
 * Returns: (transfer full): a #GListStore of #NtRosterCell
 */
GListStore *
nt_roster_grid (NtStore     *store,
                const char  *from_date,
                const char  *to_date,
                GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (NT_TYPE_ROSTER_CELL);
  g_autoptr(NtRSetup) setup = NULL;
  g_autoptr(GHashTable) cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int first, last;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  first = nt_roster_day_number (from_date);
  last = nt_roster_day_number (to_date);
  if (first == 0 || last == 0 || last < first)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("The period of the roster is not a valid range of dates."));
      return NULL;
    }
  setup = nt_rsetup_load (store, error);
  if (setup == NULL)
    return NULL;

  for (guint p = 0; p < setup->posts->len; p++)
    {
      NtRPost *post = g_ptr_array_index (setup->posts, p);

      for (int day = first; day <= last; day++)
        {
          g_autofree char *iso = nt_roster_day_iso (day);

          for (guint s = 0; s < setup->shifts->len; s++)
            {
              NtRShift *shift = g_ptr_array_index (setup->shifts, s);
              NtRosterCell *c;

              if (!nt_rshift_applies (shift, post))
                continue;
              c = new_cell (post, shift, iso);
              g_ptr_array_add (order, c);
              g_hash_table_insert (cells, g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%s",
                                                           post->id, shift->id, iso), g_object_ref (c));
            }
        }
    }

  stmt = nt_store_prepare (store,
                           "SELECT d.post_id, d.shift_id, d.date, d.staff_id, s.full_name, d.locked "
                           "FROM duties d JOIN staff s ON s.id = d.staff_id "
                           "WHERE d.date BETWEEN ?1 AND ?2 ORDER BY d.date, s.name_key, d.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to_date, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 post_id = sqlite3_column_int64 (stmt, 0);
      gint64 shift_id = sqlite3_column_int64 (stmt, 1);
      const char *date = (const char *) sqlite3_column_text (stmt, 2);
      gint64 staff_id = sqlite3_column_int64 (stmt, 3);
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%s", post_id, shift_id, date);
      NtRosterCell *c = g_hash_table_lookup (cells, key);
      gboolean was_empty;

      if (c == NULL)
        {
          NtRPost *post = nt_rsetup_post (setup, post_id);
          NtRShift *shift = nt_rsetup_shift (setup, shift_id);

          if (post == NULL || shift == NULL)
            continue;      /* a post no longer staffed: not on the grid */
          c = new_cell (post, shift, date);
          g_ptr_array_add (order, c);
          g_hash_table_insert (cells, g_steal_pointer (&key), g_object_ref (c));
        }
      was_empty = c->staff_ids->len == 0;
      g_array_append_val (c->staff_ids, staff_id);
      if (!was_empty)
        {
          char *joined = g_strconcat (c->staff_names, ", ", (const char *) sqlite3_column_text (stmt, 4), NULL);

          g_free (c->staff_names);
          c->staff_names = joined;
          c->locked = c->locked && sqlite3_column_int (stmt, 5) != 0;
        }
      else
        {
          nt_set_str (&c->staff_names, (const char *) sqlite3_column_text (stmt, 4));
          c->locked = sqlite3_column_int (stmt, 5) != 0;
        }
    }
  sqlite3_reset (stmt);

  /* Post name, date, shift start: the cells made for stray duties move to
   * their place. */
  g_ptr_array_sort (order, compare_cells);
  for (guint i = 0; i < order->len; i++)
    g_list_store_append (list, g_ptr_array_index (order, i));
  return g_steal_pointer (&list);
}

/* A duty (alias d, its shift sh) whose shift covers the instant ?1
 * ('YYYY-MM-DD HH:MM'). A shift whose end is not after its start ends on
 * the next day; only duties of ?1's day and the day before can cover it,
 * which keeps the duties_date index in use. */
#define DUTY_COVERS_NOW \
  "(d.date BETWEEN date (?1, '-1 day') AND substr (?1, 1, 10) " \
  " AND d.date || ' ' || sh.start_time <= ?1 " \
  " AND (CASE WHEN sh.end_time <= sh.start_time THEN date (d.date, '+1 day') ELSE d.date END) " \
  "     || ' ' || sh.end_time > ?1)"

/**
 * nt_roster_on_duty:
 * @at_time: 'YYYY-MM-DD HH:MM', local time
 *
 * The one query of who is on duty at a moment (the roster's highlight, the
 * Overview, the gate's guard, the emergency roll). Staff who left the
 * school are not on duty, whatever the roster still says.
 *
 * Returns: (transfer full): the #NtDuty rows whose shift covers @at_time,
 *   by post name and person name
 */
GListStore *
nt_roster_on_duty (NtStore     *store,
                   const char  *at_time,
                   GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (NT_TYPE_DUTY);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (at_time != NULL, NULL);

  stmt = nt_store_prepare (store,
                           DUTY_SELECT "WHERE s.active = 1 AND " DUTY_COVERS_NOW " "
                           "ORDER BY p.name, s.name_key, d.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, at_time, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(NtDuty) d = duty_from_row (stmt);

      g_list_store_append (list, d);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}

/**
 * nt_roster_duty_counts:
 *
 * How the duties of a period are shared: each person who stood a duty or
 * could have (active, of a role some active post takes), in name order,
 * with shifts, nights (a night shift, or one crossing midnight), shifts
 * starting on a Saturday, a Sunday or a holiday, and minutes on duty. The duty counts
 * report and the Duty roster section both show this.
 *
 * Returns: (transfer full): a #GListStore of #NtDutyCount
 */
GListStore *
nt_roster_duty_counts (NtStore     *store,
                       const char  *from_date,
                       const char  *to_date,
                       GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (NT_TYPE_DUTY_COUNT);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store,
                           "SELECT s.id, s.full_name, s.role, count (d.id), "
                           "  ifnull (sum (sh.is_night = 1 OR sh.end_time <= sh.start_time), 0), "
                           "  ifnull (sum (strftime ('%w', d.date) IN ('0', '6') OR d.date IN (SELECT day FROM holidays)), 0), "
                           "  ifnull (sum (((CAST (substr (sh.end_time, 1, 2) AS INTEGER) * 60 "
                           "                 + CAST (substr (sh.end_time, 4, 2) AS INTEGER)) "
                           "    - (CAST (substr (sh.start_time, 1, 2) AS INTEGER) * 60 "
                           "       + CAST (substr (sh.start_time, 4, 2) AS INTEGER)) + 1440) % 1440), 0) "
                           "FROM staff s LEFT JOIN duties d ON d.staff_id = s.id AND d.date BETWEEN ?1 AND ?2 "
                           "LEFT JOIN shift_templates sh ON sh.id = d.shift_id "
                           "WHERE d.id IS NOT NULL OR (s.active = 1 AND EXISTS (SELECT 1 FROM posts p "
                           "  WHERE p.active = 1 AND (p.roles = '' "
                           "    OR ',' || replace (p.roles, ' ', '') || ',' LIKE '%,' || s.role || ',%'))) "
                           "GROUP BY s.id ORDER BY s.name_key, s.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to_date, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(NtDutyCount) c = g_object_new (NT_TYPE_DUTY_COUNT, NULL);

      c->staff_id = sqlite3_column_int64 (stmt, 0);
      c->staff_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      c->role = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      c->shifts = sqlite3_column_int (stmt, 3);
      c->nights = sqlite3_column_int (stmt, 4);
      c->weekends = sqlite3_column_int (stmt, 5);
      c->minutes = sqlite3_column_int (stmt, 6);
      g_list_store_append (list, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      /* TRANSLATORS: completes "Could not %s: …" */
      nt_store_set_error (store, error, _("read the duty counts"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ----- names in narrow cells --------------------------------------------- */

/* The words of a name, without empty ones. */
static GPtrArray *
name_words (const char *full_name)
{
  g_autofree char *nfc = g_utf8_normalize (full_name, -1, G_NORMALIZE_NFC);
  g_auto(GStrv) parts = g_strsplit_set (nfc != NULL ? nfc : full_name, " \t", -1);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (words, g_strdup (parts[i]));
  return words;
}

/* "Thủy" (@level 0), "M. Thủy" (1: the word before the given name, the
 * middle name or, in a name of two words, the family name), "N.M. Thủy"
 * (2: every word before it). */
static char *
name_at_level (GPtrArray *words,
               int        level)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = words->len;
  guint first;

  if (n == 0)
    return g_strdup ("");
  if (level == 0 || n == 1)
    return g_strdup (g_ptr_array_index (words, n - 1));
  first = level == 1 ? n - 2 : 0;
  for (guint i = first; i < n - 1; i++)
    {
      g_string_append_unichar (text, g_unichar_toupper (g_utf8_get_char (g_ptr_array_index (words, i))));
      g_string_append_c (text, '.');
    }
  g_string_append_printf (text, " %s", (const char *) g_ptr_array_index (words, n - 1));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* How many of @names (distinct full names sharing a given name) are
 * called @label at @level. */
static guint
label_uses (GPtrArray  *group,
            GHashTable *words_of,
            int         level,
            const char *label)
{
  guint uses = 0;

  for (guint i = 0; i < group->len; i++)
    {
      g_autofree char *other = name_at_level (g_hash_table_lookup (words_of, g_ptr_array_index (group, i)), level);

      uses += g_str_equal (other, label);
    }
  return uses;
}

/**
 * nt_roster_short_names:
 * @full_names: (array length=n_names): the names shown together, repeats
 *   allowed
 *
 * Short names for narrow cells: the given name, which is what people call
 * each other by, and where two of @full_names share it, the initial of the
 * middle name before it ("M. Thủy", "Q. Thủy"); when that still does not
 * tell them apart, the initials of every name before it ("N.T. Thủy"), and
 * at worst the full name.
 *
 * Returns: (transfer full): full name → short name
 */
GHashTable *
nt_roster_short_names (const char * const *full_names,
                       guint               n_names)
{
  GHashTable *shorts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) words_of = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) by_given = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  GPtrArray *group;

  g_return_val_if_fail (full_names != NULL || n_names == 0, shorts);

  for (guint i = 0; i < n_names; i++)
    {
      const char *name = full_names[i];
      GPtrArray *words;
      gpointer key;
      char *given;

      if (name == NULL || g_hash_table_contains (shorts, name))
        continue;
      words = name_words (name);
      given = name_at_level (words, 0);
      g_hash_table_insert (shorts, g_strdup (name), given);
      /* The table's own copy of the name keys the others: it lives as
       * long as they do (a key stays when its value is replaced). */
      g_hash_table_lookup_extended (shorts, name, &key, NULL);
      name = key;
      g_hash_table_insert (words_of, (gpointer) name, words);
      group = g_hash_table_lookup (by_given, given);
      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (by_given, g_strdup (given), group);
        }
      g_ptr_array_add (group, (gpointer) name);
    }

  g_hash_table_iter_init (&iter, by_given);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &group))
    {
      if (group->len < 2)
        continue;
      for (guint i = 0; i < group->len; i++)
        {
          const char *name = g_ptr_array_index (group, i);
          GPtrArray *words = g_hash_table_lookup (words_of, name);
          char *label = NULL;

          for (int level = 1; level <= 2 && label == NULL; level++)
            {
              label = name_at_level (words, level);
              if (label_uses (group, words_of, level, label) > 1)
                g_clear_pointer (&label, g_free);
            }
          g_hash_table_insert (shorts, g_strdup (name), label != NULL ? label : g_strdup (name));
        }
    }
  return shorts;
}
