/* nt-students.c: validating and writing students */
#define G_LOG_DOMAIN "nt-students"

#include <string.h>
#include <time.h>

#include "nt-access.h"
#include "nt-bulk.h"
#include "nt-date.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-sql.h"
#include "nt-students.h"
#include "nt-util.h"
#include "nt-vntext.h"

#define MIN_AGE 5
#define MAX_AGE 30

#define STUDENT_COLUMNS \
  "s.id, s.class_id, s.active, s.code, s.personal_id, s.full_name, s.gender, s.birth_date, " \
  "c.name, s.ethnicity, s.home_address, s.home_commune, s.guardian_name, s.guardian_phone, " \
  "s.boarding, s.priority, s.health_notes, s.left_on, s.left_reason"

/* The order of STUDENT_COLUMNS from the fourth on, as property names. */
static const char * const column_fields[] = {
  "code", "personal-id", "full-name", "gender", "birth-date", "class-name", "ethnicity",
  "home-address", "home-commune", "guardian-name", "guardian-phone", "boarding",
  "priority", "health-notes", "left-on", "left-reason",
};

/* ----- field checks ----------------------------------------------------- */

/**
 * nt_phone_normalize:
 * @phone: a phone number as typed ("0912 345 678", "+84 912.345.678")
 * @normalized: (out) (optional): the digits, starting with 0
 *
 * Returns: whether @phone is a Vietnamese phone number (10 or 11 digits
 *   starting with 0, or +84 and the rest)
 */
gboolean
nt_phone_normalize (const char  *phone,
                    char       **normalized)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p = phone;

  if (phone == NULL)
    return FALSE;
  while (*p == ' ')
    p++;
  if (g_str_has_prefix (p, "+84"))
    {
      g_string_append_c (digits, '0');
      p += 3;
    }
  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != ' ' && *p != '.' && *p != '-')
        return FALSE;
    }
  if (digits->len < 10 || digits->len > 11 || digits->str[0] != '0' || digits->str[1] == '0')
    return FALSE;
  if (normalized)
    *normalized = g_strdup (digits->str);
  return TRUE;
}

/* The personal identification number (số định danh cá nhân): 12 digits, the
 * first three a province code (001 to 096). */
gboolean
nt_personal_id_valid (const char *id)
{
  int province;

  if (id == NULL || strlen (id) != 12)
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  province = (id[0] - '0') * 100 + (id[1] - '0') * 10 + (id[2] - '0');
  return province >= 1 && province <= 96;
}

char *
nt_students_search_text (const char *full_name,
                         const char *code)
{
  g_autofree char *name = nt_vn_fold (full_name ? full_name : "");
  g_autofree char *fcode = nt_vn_fold (code ? code : "");

  /* The leading space lets a search match at the start of a word. */
  return g_strdup_printf (" %s %s", name, fcode);
}

static void
add_field_error (GHashTable *errors,
                 const char *field,
                 char       *message)
{
  if (!g_hash_table_contains (errors, field))
    g_hash_table_insert (errors, g_strdup (field), message);
  else
    g_free (message);
}

static gboolean
class_exists (NtStore *store,
              gint64   class_id)
{
  sqlite3_stmt *stmt = nt_store_prepare (store, "SELECT 1 FROM classes WHERE id = ?1", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, class_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* Trims every text field so that "  An " and "An" are one name. */
static void
tidy (NtStudent *student)
{
  for (const char * const *f = nt_student_text_fields (); *f; f++)
    {
      const char *v = nt_student_get_text (student, *f);

      if (v != NULL && (g_ascii_isspace (v[0]) || (v[0] && g_ascii_isspace (v[strlen (v) - 1]))))
        {
          g_autofree char *t = g_strstrip (g_strdup (v));
          nt_student_set_text (student, *f, t);
        }
    }
  if (nt_str_empty (student->personal_id))
    nt_student_set_text (student, "personal-id", NULL);
}

/**
 * nt_students_validate:
 * @field_errors: (out) (optional): property name → message, for each field
 *   that is wrong
 *
 * Checks every field of @student; the messages say in Vietnamese what is
 * wrong. Returns %FALSE with @error set to the first problem.
 */
gboolean
nt_students_validate (NtStore     *store,
                      NtStudent   *student,
                      GHashTable **field_errors,
                      GError     **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  static const char * const order[] = {
    "code", "full-name", "gender", "birth-date", "class-name", "boarding",
    "personal-id", "guardian-phone", "left-on",
  };

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (NT_IS_STUDENT (student), FALSE);

  tidy (student);

  if (nt_str_empty (student->code))
    add_field_error (errors, "code", g_strdup (_("The student code is required.")));
  else if (strlen (student->code) > 20 || strchr (student->code, ' ') != NULL)
    add_field_error (errors, "code", g_strdup (_("The student code has at most 20 characters and no spaces.")));
  else
    {
      gint64 other = nt_students_find_by_code (store, student->code);
      if (other > 0 && other != student->id)
        add_field_error (errors, "code",
                         g_strdup_printf (_("Another student already has the code %s."), student->code));
    }

  if (nt_str_empty (student->full_name))
    add_field_error (errors, "full-name", g_strdup (_("The full name is required.")));
  else if (strchr (student->full_name, ' ') == NULL)
    add_field_error (errors, "full-name", g_strdup (_("Write the full name: family, middle and given name.")));
  else
    for (const char *p = student->full_name; *p; p = g_utf8_next_char (p))
      if (g_unichar_isdigit (g_utf8_get_char (p)))
        {
          add_field_error (errors, "full-name", g_strdup (_("A name has no digits.")));
          break;
        }

  if (g_strcmp0 (student->gender, "M") != 0 && g_strcmp0 (student->gender, "F") != 0)
    add_field_error (errors, "gender", g_strdup (_("Choose the gender.")));

  if (nt_str_empty (student->birth_date))
    add_field_error (errors, "birth-date", g_strdup (_("The date of birth is required.")));
  else
    {
      g_autoptr(GDate) birth = nt_date_from_iso (student->birth_date);
      g_autoptr(GDate) today = g_date_new ();

      g_date_set_time_t (today, time (NULL));
      if (birth == NULL)
        add_field_error (errors, "birth-date", g_strdup (_("The date of birth is not a date.")));
      else if (nt_date_age_on (birth, today) < MIN_AGE || nt_date_age_on (birth, today) > MAX_AGE)
        add_field_error (errors, "birth-date",
                         g_strdup_printf (_("A student born on this date would be %d years old; check the date of birth."),
                                          nt_date_age_on (birth, today)));
    }

  if (student->class_id <= 0 || !class_exists (store, student->class_id))
    add_field_error (errors, "class-name", g_strdup (_("Choose the class.")));

  if (g_strcmp0 (student->boarding, "boarding") != 0 && g_strcmp0 (student->boarding, "semi") != 0 &&
      g_strcmp0 (student->boarding, "day") != 0)
    add_field_error (errors, "boarding", g_strdup (_("Choose the boarding status.")));

  if (student->personal_id != NULL && !nt_personal_id_valid (student->personal_id))
    add_field_error (errors, "personal-id",
                     g_strdup (_("The personal identification number has 12 digits and starts with a province code (001 to 096).")));

  if (!nt_str_empty (student->guardian_phone))
    {
      g_autofree char *normalized = NULL;

      if (!nt_phone_normalize (student->guardian_phone, &normalized))
        add_field_error (errors, "guardian-phone",
                         g_strdup (_("The phone number has 10 digits and starts with 0 (for example 0912 345 678).")));
      else
        nt_student_set_text (student, "guardian-phone", normalized);
    }

  if (!student->active)
    {
      g_autoptr(GDate) left_on = nt_date_from_iso (student->left_on);

      if (left_on == NULL)
        add_field_error (errors, "left-on", g_strdup (_("A student who left needs the date they left.")));
    }

  if (g_hash_table_size (errors) > 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (order); i++)
        {
          const char *msg = g_hash_table_lookup (errors, order[i]);
          if (msg != NULL)
            {
              g_set_error_literal (error, NT_ERROR, NT_ERROR_INVALID, msg);
              break;
            }
        }
      if (field_errors)
        *field_errors = g_steal_pointer (&errors);
      return FALSE;
    }

  if (field_errors)
    *field_errors = NULL;
  return TRUE;
}

/* ----- reading ---------------------------------------------------------- */

gint64
nt_students_find_by_code (NtStore    *store,
                          const char *code)
{
  sqlite3_stmt *stmt = nt_store_prepare (store, "SELECT id FROM students WHERE code = ?1", NULL);
  gint64 id;

  g_return_val_if_fail (stmt != NULL, 0);
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);  /* do not hold a read transaction open */
  return id;
}

NtStudent *
nt_students_load (NtStore  *store,
                  gint64    id,
                  GError  **error)
{
  sqlite3_stmt *stmt;
  NtStudent *student;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store,
                           "SELECT " STUDENT_COLUMNS " FROM students s "
                           "JOIN classes c ON c.id = s.class_id WHERE s.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("The student no longer exists."));
      return NULL;
    }

  student = nt_student_new ();
  student->id = sqlite3_column_int64 (stmt, 0);
  student->class_id = sqlite3_column_int64 (stmt, 1);
  student->active = sqlite3_column_int (stmt, 2);
  for (guint i = 0; i < G_N_ELEMENTS (column_fields); i++)
    nt_student_set_text (student, column_fields[i], (const char *) sqlite3_column_text (stmt, 3 + i));
  sqlite3_reset (stmt);
  return student;
}

/* ----- writing ---------------------------------------------------------- */

/* Binds the columns of @s to ?1 (id, or NULL for a new student) to ?20 in
 * the order of the students table; shared by the single writes and by the
 * staging rows of a batch. */
static void
bind_student (sqlite3_stmt *stmt,
              NtStudent    *s)
{
  g_autoptr(GBytes) key = nt_vn_name_key (s->full_name);
  g_autofree char *search = nt_students_search_text (s->full_name, s->code);
  gsize key_len;
  const void *key_data = g_bytes_get_data (key, &key_len);

  if (s->id > 0)
    sqlite3_bind_int64 (stmt, 1, s->id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_text (stmt, 2, s->code, -1, SQLITE_TRANSIENT);
  if (s->personal_id)
    sqlite3_bind_text (stmt, 3, s->personal_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, s->full_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 5, key_data, (int) key_len, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, search, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, s->gender, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, s->birth_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 9, s->class_id);
  nt_sql_bind_text (stmt, 10, s->ethnicity);
  nt_sql_bind_text (stmt, 11, s->home_address);
  nt_sql_bind_text (stmt, 12, s->home_commune);
  nt_sql_bind_text (stmt, 13, s->guardian_name);
  nt_sql_bind_text (stmt, 14, s->guardian_phone);
  sqlite3_bind_text (stmt, 15, s->boarding, -1, SQLITE_TRANSIENT);
  nt_sql_bind_text (stmt, 16, s->priority);
  nt_sql_bind_text (stmt, 17, s->health_notes);
  sqlite3_bind_int (stmt, 18, s->active ? 1 : 0);
  if (!s->active && s->left_on)
    sqlite3_bind_text (stmt, 19, s->left_on, -1, SQLITE_TRANSIENT);
  nt_sql_bind_text (stmt, 20, s->active ? "" : s->left_reason);
}

static gboolean
write_student (NtStore    *store,
               NtStudent  *s,
               gboolean    with_id,
               GError    **error)
{
  sqlite3_stmt *stmt;

  if (s->id > 0 && !with_id)
    stmt = nt_store_prepare (store,
                             "UPDATE students SET code = ?2, personal_id = ?3, full_name = ?4, "
                             "name_key = ?5, search_text = ?6, gender = ?7, birth_date = ?8, class_id = ?9, "
                             "ethnicity = ?10, home_address = ?11, home_commune = ?12, guardian_name = ?13, "
                             "guardian_phone = ?14, boarding = ?15, priority = ?16, health_notes = ?17, "
                             "active = ?18, left_on = ?19, left_reason = ?20 WHERE id = ?1", error);
  else
    stmt = nt_store_prepare (store,
                             "INSERT INTO students (id, code, personal_id, full_name, name_key, search_text, "
                             "gender, birth_date, class_id, ethnicity, home_address, home_commune, "
                             "guardian_name, guardian_phone, boarding, priority, health_notes, active, "
                             "left_on, left_reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                             "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)", error);
  if (stmt == NULL)
    return FALSE;

  bind_student (stmt, s);
  if (!nt_store_step_done (store, stmt, error))
    return FALSE;
  if (s->id <= 0)
    s->id = sqlite3_last_insert_rowid (nt_store_get_db (store));
  return TRUE;
}

/**
 * nt_students_save:
 *
 * Validates @student and inserts it (id 0, the new id is set) or updates it.
 * Nothing is written when a field is wrong.
 */
gboolean
nt_students_save (NtStore     *store,
                  NtStudent   *student,
                  GHashTable **field_errors,
                  GError     **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (NT_IS_STUDENT (student), FALSE);

  if (!nt_access_require (store, NT_PERM_MANAGE_STUDENTS, error))
    return FALSE;

  if (!nt_students_validate (store, student, field_errors, error))
    return FALSE;
  if (!write_student (store, student, FALSE, error))
    return FALSE;

  nt_store_emit_changed (store, "students");
  return TRUE;
}

/**
 * nt_students_insert_unchecked:
 *
 * Inserts @student as it is, without validation, for rows that are known to
 * be right (the demo school; an import that was validated as a whole). The
 * name key and search text are computed as nt_students_save() does. Does not
 * emit NtStore::changed: the caller does, once, after its transaction.
 */
gboolean
nt_students_insert_unchecked (NtStore    *store,
                              NtStudent  *student,
                              GError    **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (NT_IS_STUDENT (student) && student->id == 0, FALSE);

  return write_student (store, student, FALSE, error);
}

/**
 * nt_students_update_unchecked:
 *
 * Updates a stored student as it is, for rows validated as a whole (an
 * import). Does not emit NtStore::changed.
 */
gboolean
nt_students_update_unchecked (NtStore    *store,
                              NtStudent  *student,
                              GError    **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (NT_IS_STUDENT (student) && student->id > 0, FALSE);

  return write_student (store, student, FALSE, error);
}

/* ----- writing many ----------------------------------------------------- */

/* A batch stages its students in a temporary table and writes the new ones
 * with one INSERT … SELECT, their insert triggers done in bulk afterwards
 * (nt-bulk.c: the same audit rows and search index, a fraction of the
 * time), and the ones that exist with one UPDATE … FROM, their triggers
 * on: one statement, so FTS5 writes one index segment, not one a row. */

#define BATCH_ROWS 5000

#define BATCH_COLUMNS \
  "code, personal_id, full_name, name_key, search_text, gender, birth_date, class_id, " \
  "ethnicity, home_address, home_commune, guardian_name, guardian_phone, boarding, priority, " \
  "health_notes, active, left_on, left_reason"

struct _NtStudentsBatch
{
  NtStore   *store;
  GPtrArray *staged;   /* NtStudent, in the order added since the last flush */
  guint      n_done;   /* students written by earlier flushes */
};

/**
 * nt_students_batch_new:
 *
 * Starts writing many students that are known to be right (an import
 * validated as a whole), as nt_students_insert_unchecked() and
 * nt_students_update_unchecked() would one by one, but much faster.
 * Use it inside a transaction; end with nt_students_batch_flush().
 *
 * Returns: (transfer full): the batch, or %NULL with @error set
 */
NtStudentsBatch *
nt_students_batch_new (NtStore  *store,
                       GError  **error)
{
  g_autoptr(NtStudentsBatch) self = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  self = g_new0 (NtStudentsBatch, 1);
  self->store = g_object_ref (store);
  self->staged = g_ptr_array_new_with_free_func (g_object_unref);
  return g_steal_pointer (&self);
}

void
nt_students_batch_free (NtStudentsBatch *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->staged);
  g_object_unref (self->store);
  g_free (self);
}

/* Fills temp.nt_students_batch with the staged students that are new
 * (@new_ones TRUE) or not. */
static gboolean
batch_stage (NtStudentsBatch  *self,
             gboolean          new_ones,
             GError          **error)
{
  sqlite3_stmt *stmt;

  /* id is the student's (NULL when new); n the place in the batch. */
  if (!nt_store_exec (self->store,
                      "CREATE TEMP TABLE IF NOT EXISTS nt_students_batch (n INTEGER PRIMARY KEY, id INTEGER, "
                      BATCH_COLUMNS ")", error) ||
      !nt_store_exec (self->store, "DELETE FROM temp.nt_students_batch", error))
    return FALSE;
  stmt = nt_store_prepare (self->store,
                           "INSERT INTO temp.nt_students_batch (n, id, " BATCH_COLUMNS ") VALUES (?21, ?1, ?2, "
                           "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
                           error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < self->staged->len; i++)
    {
      NtStudent *s = g_ptr_array_index (self->staged, i);

      if ((s->id <= 0) != new_ones)
        continue;
      bind_student (stmt, s);
      sqlite3_bind_int (stmt, 21, (int) i);
      if (!nt_store_step_done (self->store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* After a batch statement failed: writes the staged students (the new
 * ones or the others) one by one, to name the one that cannot be written,
 * then undoes them. */
static guint
batch_find_failed (NtStudentsBatch  *self,
                   gboolean          new_ones,
                   GError          **error)
{
  guint failed = G_MAXUINT;

  if (!nt_store_begin (self->store, NULL))
    return failed;
  for (guint i = 0; i < self->staged->len; i++)
    {
      NtStudent *s = g_ptr_array_index (self->staged, i);
      gint64 id = s->id;
      g_autoptr(GError) row_error = NULL;

      if ((s->id <= 0) != new_ones)
        continue;
      if (!write_student (self->store, s, FALSE, &row_error))
        {
          g_clear_error (error);
          g_propagate_error (error, g_steal_pointer (&row_error));
          failed = i;
          break;
        }
      s->id = id;
    }
  nt_store_rollback (self->store);
  return failed;
}

/* The staged students that exist already, with one UPDATE … FROM; their
 * triggers run for every row, but FTS5 flushes once. */
static gboolean
batch_update (NtStudentsBatch  *self,
              guint            *failed,
              GError          **error)
{
  guint n = 0;

  for (guint i = 0; i < self->staged->len; i++)
    n += NT_STUDENT (g_ptr_array_index (self->staged, i))->id > 0;
  if (n == 0)
    return TRUE;
  if (!batch_stage (self, FALSE, error))
    return FALSE;
  if (!nt_store_exec (self->store,
                      "UPDATE main.students SET code = b.code, personal_id = b.personal_id, "
                      "full_name = b.full_name, name_key = b.name_key, search_text = b.search_text, "
                      "gender = b.gender, birth_date = b.birth_date, class_id = b.class_id, "
                      "ethnicity = b.ethnicity, home_address = b.home_address, home_commune = b.home_commune, "
                      "guardian_name = b.guardian_name, guardian_phone = b.guardian_phone, "
                      "boarding = b.boarding, priority = b.priority, health_notes = b.health_notes, "
                      "active = b.active, left_on = b.left_on, left_reason = b.left_reason "
                      "FROM temp.nt_students_batch AS b WHERE main.students.id = b.id",
                      error))
    {
      *failed = batch_find_failed (self, FALSE, error);
      return FALSE;
    }
  return nt_store_exec (self->store, "DELETE FROM temp.nt_students_batch", error);
}

/* The staged students that are new, with one INSERT … SELECT while the
 * insert triggers are suspended; each gets its id. */
static gboolean
batch_insert (NtStudentsBatch  *self,
              guint            *failed,
              GError          **error)
{
  g_autoptr(NtBulkTriggers) triggers = NULL;
  sqlite3_stmt *stmt;
  gint64 last_id;
  guint n = 0;
  int rc;

  for (guint i = 0; i < self->staged->len; i++)
    n += NT_STUDENT (g_ptr_array_index (self->staged, i))->id <= 0;
  if (n == 0)
    return TRUE;
  if (!batch_stage (self, TRUE, error))
    return FALSE;

  /* Without AUTOINCREMENT a new rowid is the largest one plus one, and in
   * this transaction only this batch adds students: the new students are
   * exactly those above the largest id now. */
  last_id = nt_store_count (self->store, "SELECT coalesce(max(id), 0) FROM main.students");
  triggers = nt_bulk_suspend_insert_triggers (self->store, "students", error);
  if (triggers == NULL)
    return FALSE;
  if (!nt_store_exec (self->store,
                      "INSERT INTO main.students (" BATCH_COLUMNS ") SELECT " BATCH_COLUMNS " "
                      "FROM temp.nt_students_batch ORDER BY n", error))
    {
      /* Named by writing them one by one, inside the savepoint that the
       * caller rolls back. */
      *failed = batch_find_failed (self, TRUE, error);
      return FALSE;
    }
  if (!nt_bulk_resume_insert_triggers (self->store, triggers, last_id, error))
    return FALSE;

  /* The new ids, found by the code (unique). */
  stmt = nt_store_prepare (self->store,
                           "SELECT b.n, s.id FROM temp.nt_students_batch b "
                           "JOIN main.students s ON s.code = b.code", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 i = sqlite3_column_int64 (stmt, 0);

      if (i >= 0 && i < self->staged->len)
        NT_STUDENT (g_ptr_array_index (self->staged, i))->id = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      nt_store_set_error (self->store, error, _("save the change"));
      return FALSE;
    }
  return nt_store_exec (self->store, "DELETE FROM temp.nt_students_batch", error);
}

/**
 * nt_students_batch_flush:
 * @failed: (out) (optional): on error, the place (counted from 0 over every
 *   student added to the batch) of the student that could not be written,
 *   or %G_MAXUINT when none can be named
 *
 * Writes the students added so far; new ones get their id. On error
 * nothing of them is written and the new ones have id 0 again.
 */
gboolean
nt_students_batch_flush (NtStudentsBatch  *self,
                         guint            *failed,
                         GError          **error)
{
  g_autoptr(GArray) new_ones = NULL;
  guint i = G_MAXUINT;

  g_return_val_if_fail (self != NULL, FALSE);

  if (failed)
    *failed = G_MAXUINT;
  if (self->staged->len == 0)
    return TRUE;

  new_ones = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint k = 0; k < self->staged->len; k++)
    if (NT_STUDENT (g_ptr_array_index (self->staged, k))->id <= 0)
      g_array_append_val (new_ones, k);

  if (!nt_store_begin (self->store, error))
    return FALSE;
  if (!batch_update (self, &i, error) || !batch_insert (self, &i, error) ||
      !nt_store_commit (self->store, error))
    {
      nt_store_rollback (self->store);
      for (guint k = 0; k < new_ones->len; k++)
        NT_STUDENT (g_ptr_array_index (self->staged, g_array_index (new_ones, guint, k)))->id = 0;
      if (failed && i != G_MAXUINT)
        *failed = self->n_done + i;
      return FALSE;
    }

  self->n_done += self->staged->len;
  g_ptr_array_set_size (self->staged, 0);
  return TRUE;
}

/**
 * nt_students_batch_add:
 * @student: a student known to be right; new when its id is 0
 * @failed: (out) (optional): as for nt_students_batch_flush()
 *
 * Adds @student to the batch; writes the batch when it is full. The name key
 * and search text are computed as nt_students_save() does. Does not emit
 * NtStore::changed.
 */
gboolean
nt_students_batch_add (NtStudentsBatch  *self,
                       NtStudent        *student,
                       guint            *failed,
                       GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (NT_IS_STUDENT (student), FALSE);

  if (failed)
    *failed = G_MAXUINT;
  g_ptr_array_add (self->staged, g_object_ref (student));
  return self->staged->len < BATCH_ROWS || nt_students_batch_flush (self, failed, error);
}

static gboolean
exec_for_id (NtStore     *store,
             const char  *sql,
             gint64       id,
             GError     **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!nt_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (nt_store_get_db (store)) == 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("The student no longer exists."));
      return FALSE;
    }
  return TRUE;
}

/**
 * nt_students_mark_left:
 * @left_on_iso: the day the student left
 *
 * A student who leaves is kept, with the date, never deleted; their open bed
 * assignment ends that day.
 */
gboolean
nt_students_mark_left (NtStore     *store,
                       gint64       id,
                       const char  *left_on_iso,
                       const char  *reason,
                       GError     **error)
{
  g_autoptr(GDate) day = nt_date_from_iso (left_on_iso);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_MANAGE_STUDENTS, error))
    return FALSE;

  if (day == NULL)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("Give the date the student left."));
      return FALSE;
    }

  if (!nt_store_begin (store, error))
    return FALSE;

  stmt = nt_store_prepare (store,
                           "UPDATE students SET active = 0, left_on = ?2, left_reason = ?3 "
                           "WHERE id = ?1 AND active = 1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, left_on_iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, reason ? reason : "", -1, SQLITE_TRANSIENT);
  if (!nt_store_step_done (store, stmt, error))
    goto fail;
  if (sqlite3_changes (nt_store_get_db (store)) == 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("The student is not active (already left, or gone)."));
      goto fail;
    }

  stmt = nt_store_prepare (store,
                           "UPDATE bed_assignments SET end_date = max(start_date, ?2), "
                           "reason = CASE WHEN reason = '' THEN ?3 ELSE reason END "
                           "WHERE student_id = ?1 AND end_date IS NULL", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, left_on_iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, _("Left the school"), -1, SQLITE_TRANSIENT);
  if (!nt_store_step_done (store, stmt, error) || !nt_store_commit (store, error))
    goto fail;

  nt_store_emit_changed (store, "students");
  return TRUE;

fail:
  nt_store_rollback (store);
  return FALSE;
}

/* Brings a student who left back to the active list. */
gboolean
nt_students_return (NtStore  *store,
                    gint64    id,
                    GError  **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_MANAGE_STUDENTS, error))
    return FALSE;

  if (!exec_for_id (store,
                    "UPDATE students SET active = 1, left_on = NULL, left_reason = '' WHERE id = ?1",
                    id, error))
    return FALSE;
  nt_store_emit_changed (store, "students");
  return TRUE;
}

/**
 * nt_students_has_history:
 *
 * Returns: whether anything else refers to the student (a bed, a check, a
 *   leave, an incident, a signature, a visit): such a record is never deleted
 */
gboolean
nt_students_has_history (NtStore *store,
                         gint64   id)
{
  sqlite3_stmt *stmt;
  gboolean has;

  g_return_val_if_fail (NT_IS_STORE (store), TRUE);

  stmt = nt_store_prepare (store,
                           "SELECT EXISTS (SELECT 1 FROM bed_assignments WHERE student_id = ?1) "
                           "OR EXISTS (SELECT 1 FROM night_check_entries WHERE student_id = ?1) "
                           "OR EXISTS (SELECT 1 FROM leaves WHERE student_id = ?1) "
                           "OR EXISTS (SELECT 1 FROM incident_people WHERE student_id = ?1) "
                           "OR EXISTS (SELECT 1 FROM commitments WHERE student_id = ?1) "
                           "OR EXISTS (SELECT 1 FROM visitors WHERE visit_student_id = ?1) "
                           "OR EXISTS (SELECT 1 FROM emergency_roll_entries WHERE student_id = ?1)",
                           NULL);
  g_return_val_if_fail (stmt != NULL, TRUE);
  sqlite3_bind_int64 (stmt, 1, id);
  has = sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return has;
}

/**
 * nt_students_delete:
 *
 * Deletes a student with no history (a record typed by mistake). Keep a copy
 * (nt_students_load()) first to offer Undo with nt_students_restore().
 */
gboolean
nt_students_delete (NtStore  *store,
                    gint64    id,
                    GError  **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_DELETE, error))
    return FALSE;

  if (nt_students_has_history (store, id))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("This student has a history (beds, checks, leave, incidents or signatures) and cannot be deleted; mark them as left instead."));
      return FALSE;
    }
  if (!exec_for_id (store, "DELETE FROM students WHERE id = ?1", id, error))
    return FALSE;
  nt_store_emit_changed (store, "students");
  return TRUE;
}

/* Puts back a deleted student with the same id (Undo). */
gboolean
nt_students_restore (NtStore    *store,
                     NtStudent  *student,
                     GError    **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (NT_IS_STUDENT (student) && student->id > 0, FALSE);

  if (!nt_access_require (store, NT_PERM_MANAGE_STUDENTS, error))
    return FALSE;

  if (!write_student (store, student, TRUE, error))
    return FALSE;
  nt_store_emit_changed (store, "students");
  return TRUE;
}
