/* nt-auth.c: staff PINs and passwords
 *
 * Only a yescrypt hash (libxcrypt's crypt_r, "$y$" with a fresh random
 * salt) is stored; the PIN itself is never written to the database, to the
 * audit trail (its triggers leave pin_hash out) or to a log. Five wrong
 * tries lock the account for fifteen minutes, so that a four-digit PIN
 * cannot be guessed on a shared office PC.
 */
#define G_LOG_DOMAIN "nt-auth"

#include <crypt.h>
#include <string.h>

#include "nt-access.h"
#include "nt-auth.h"
#include "nt-error.h"
#include "nt-i18n.h"

#define TIME_FORMAT "%Y-%m-%d %H:%M:%S"

/* ----- hashing ---------------------------------------------------------- */

static char *
hash_secret (const char  *secret,
             GError     **error)
{
  char salt[CRYPT_GENSALT_OUTPUT_SIZE];
  struct crypt_data *data = g_new0 (struct crypt_data, 1);
  char *result = NULL;
  const char *hashed;

  /* A NULL random source: libxcrypt reads the system's. */
  if (crypt_gensalt_rn ("$y$", 0, NULL, 0, salt, sizeof salt) == NULL)
    goto failed;
  hashed = crypt_r (secret, salt, data);
  if (hashed == NULL || hashed[0] == '*' || !g_str_has_prefix (hashed, "$y$"))
    goto failed;
  result = g_strdup (hashed);
  explicit_bzero (data, sizeof *data);
  g_free (data);
  return result;

failed:
  explicit_bzero (data, sizeof *data);
  g_free (data);
  g_set_error (error, NT_ERROR, NT_ERROR_FAILED,
               _("The PIN could not be protected (the system's password library failed); it was not saved."));
  return NULL;
}

/* Compares in a time that does not depend on where the strings differ. */
static gboolean
same_hash (const char *a,
           const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  guchar diff = la != lb;

  for (gsize i = 0; i < la && i < lb; i++)
    diff |= (guchar) a[i] ^ (guchar) b[i];
  return diff == 0;
}

static gboolean
secret_matches (const char *secret,
                const char *stored)
{
  struct crypt_data *data = g_new0 (struct crypt_data, 1);
  const char *hashed = crypt_r (secret, stored, data);
  gboolean ok = hashed != NULL && hashed[0] != '*' && same_hash (hashed, stored);

  explicit_bzero (data, sizeof *data);
  g_free (data);
  return ok;
}

/* ----- setting ---------------------------------------------------------- */

/**
 * nt_auth_set_secret:
 * @staff_id: whose PIN
 * @secret: (nullable): the new PIN or password; %NULL or "" removes it
 *
 * A person sets their own PIN; setting or removing another person's needs
 * %NT_PERM_MANAGE_STAFF. Setting it also unlocks the account.
 */
gboolean
nt_auth_set_secret (NtStore     *store,
                    gint64       staff_id,
                    const char  *secret,
                    GError     **error)
{
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (staff_id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (nt_store_get_actor (store) != staff_id && !nt_access_require (store, NT_PERM_MANAGE_STAFF, error))
    return FALSE;

  if (secret != NULL && secret[0] != '\0')
    {
      if (g_utf8_strlen (secret, -1) < NT_AUTH_MIN_LENGTH)
        {
          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("The PIN must have at least %d characters; it was not saved."), NT_AUTH_MIN_LENGTH);
          return FALSE;
        }
      hash = hash_secret (secret, error);
      if (hash == NULL)
        return FALSE;
    }

  stmt = nt_store_prepare (store,
                           "UPDATE staff SET pin_hash = ?2, failed_logins = 0, locked_until = NULL "
                           "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  if (hash)
    sqlite3_bind_text (stmt, 2, hash, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 2);
  if (!nt_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (nt_store_get_db (store)) == 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("There is no staff member %lld."), (long long) staff_id);
      return FALSE;
    }
  nt_store_emit_changed (store, "staff");
  return TRUE;
}

/**
 * nt_auth_has_secret:
 *
 * Returns: whether @staff_id has a PIN
 */
gboolean
nt_auth_has_secret (NtStore *store,
                    gint64   staff_id)
{
  sqlite3_stmt *stmt;
  gboolean has = FALSE;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  stmt = nt_store_prepare (store, "SELECT pin_hash IS NOT NULL FROM staff WHERE id = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    has = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return has;
}

/**
 * nt_auth_any_secret:
 *
 * Returns: whether any active staff member has a PIN: then the window asks
 *   who is signing in
 */
gboolean
nt_auth_any_secret (NtStore *store)
{
  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  return nt_store_count (store, "SELECT count(*) FROM staff WHERE active = 1 AND pin_hash IS NOT NULL") > 0;
}

/* ----- verifying -------------------------------------------------------- */

static GDateTime *
parse_time (const char *text)
{
  g_autofree char *iso = NULL;
  g_autoptr(GTimeZone) tz = NULL;

  if (text == NULL || strlen (text) != 19)
    return NULL;
  iso = g_strdup (text);
  iso[10] = 'T';
  tz = g_time_zone_new_local ();
  return g_date_time_new_from_iso8601 (iso, tz);
}

/**
 * nt_auth_locked_until:
 * @now: the time to compare with
 *
 * Returns: (transfer full) (nullable): when @staff_id's account opens
 *   again, or %NULL when it is not locked at @now
 */
GDateTime *
nt_auth_locked_until (NtStore   *store,
                      gint64     staff_id,
                      GDateTime *now)
{
  sqlite3_stmt *stmt;
  GDateTime *until = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  stmt = nt_store_prepare (store, "SELECT locked_until FROM staff WHERE id = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    until = parse_time ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (until != NULL && g_date_time_compare (until, now) <= 0)
    g_clear_pointer (&until, g_date_time_unref);
  return until;
}

static void
record_try (NtStore   *store,
            gint64     staff_id,
            int        failed,
            GDateTime *locked_until)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *until = locked_until ? g_date_time_format (locked_until, TIME_FORMAT) : NULL;
  sqlite3_stmt *stmt;

  stmt = nt_store_prepare (store, "UPDATE staff SET failed_logins = ?2, locked_until = ?3 WHERE id = ?1",
                           &error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, staff_id);
      sqlite3_bind_int (stmt, 2, failed);
      if (until)
        sqlite3_bind_text (stmt, 3, until, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 3);
      nt_store_step_done (store, stmt, &error);
    }
  /* The refusal stands even when the count could not be saved (the file
   * is still being checked after start, say). */
  if (error != NULL)
    g_debug ("Could not record a sign-in try: %s", error->message);
}

/**
 * nt_auth_verify_at:
 * @secret: what the person typed
 * @now: the time (tests move it)
 *
 * Checks @secret against @staff_id's PIN. The fifth wrong try in a row
 * locks the account for %NT_AUTH_LOCK_MINUTES minutes; while locked, even
 * the right PIN is refused.
 *
 * Returns: %TRUE when it matches; otherwise %FALSE with %NT_ERROR_DENIED
 *   (wrong PIN, or no such person) or %NT_ERROR_BUSY (account locked)
 */
gboolean
nt_auth_verify_at (NtStore     *store,
                   gint64       staff_id,
                   const char  *secret,
                   GDateTime   *now,
                   GError     **error)
{
  g_autoptr(GDateTime) until = NULL;
  g_autofree char *stored = NULL;
  sqlite3_stmt *stmt;
  gboolean found = FALSE;
  int failed = 0;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (secret != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  until = nt_auth_locked_until (store, staff_id, now);
  if (until != NULL)
    {
      g_autofree char *at = g_date_time_format (until, "%H:%M");
      g_set_error (error, NT_ERROR, NT_ERROR_BUSY,
                   _("This account is locked after %d wrong tries. Try again after %s, or ask the principal to set a new PIN."),
                   NT_AUTH_MAX_TRIES, at);
      return FALSE;
    }

  stmt = nt_store_prepare (store, "SELECT pin_hash, failed_logins FROM staff WHERE id = ?1 AND active = 1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      stored = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      failed = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (!found)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_DENIED, _("This person cannot sign in (not an active staff member)."));
      return FALSE;
    }
  /* A person without a PIN signs in by choosing their name. */
  if (stored == NULL)
    return TRUE;

  if (secret_matches (secret, stored))
    {
      if (failed > 0)
        record_try (store, staff_id, 0, NULL);
      return TRUE;
    }

  failed++;
  if (failed >= NT_AUTH_MAX_TRIES)
    {
      g_autoptr(GDateTime) lock = g_date_time_add_minutes (now, NT_AUTH_LOCK_MINUTES);
      g_autofree char *at = g_date_time_format (lock, "%H:%M");
      record_try (store, staff_id, 0, lock);
      g_set_error (error, NT_ERROR, NT_ERROR_BUSY,
                   _("Wrong PIN, %d times: this account is locked until %s. Ask the principal to set a new PIN if it is forgotten."),
                   NT_AUTH_MAX_TRIES, at);
      return FALSE;
    }
  record_try (store, staff_id, failed, NULL);
  g_set_error (error, NT_ERROR, NT_ERROR_DENIED,
               ngettext ("Wrong PIN. %d more try before the account is locked.",
                         "Wrong PIN. %d more tries before the account is locked.",
                         NT_AUTH_MAX_TRIES - failed),
               NT_AUTH_MAX_TRIES - failed);
  return FALSE;
}

/**
 * nt_auth_verify:
 *
 * nt_auth_verify_at() now.
 */
gboolean
nt_auth_verify (NtStore     *store,
                gint64       staff_id,
                const char  *secret,
                GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return nt_auth_verify_at (store, staff_id, secret, now, error);
}
