/* nt-import.c: validate a whole spreadsheet, then write it in one go */
#define G_LOG_DOMAIN "nt-import"

#include <string.h>

#include "nt-access.h"
#include "nt-date.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-import.h"
#include "nt-school.h"
#include "nt-staff.h"
#include "nt-students.h"
#include "nt-util.h"
#include "nt-vntext.h"

#define PROGRESS_EVERY 500

typedef struct
{
  guint          row;
  NtStudent     *student;      /* students: what will be written */
  NtStaffInput   staff;        /* staff: what will be written (strings owned below) */
  gint64         staff_id;     /* staff: existing id, or 0 */
  char          *new_class;    /* students: the class to create first, or NULL */
  GPtrArray     *strings;      /* owned strings of @staff */
} Record;

struct _NtImport
{
  NtStore        *store;
  NtImportKind    kind;
  NtTable        *table;
  guint           header_row;
  GHashTable     *mapping;       /* field (static string) → column */
  GPtrArray      *problems;      /* NtImportProblem */
  GPtrArray      *records;       /* Record */
  GHashTable     *new_classes;   /* name → grade */
  NtImportCounts  counts;
  gboolean        validated;
};

/* ----- records and problems --------------------------------------------- */

static void
record_free (gpointer data)
{
  Record *r = data;

  g_clear_object (&r->student);
  g_clear_pointer (&r->strings, g_ptr_array_unref);
  g_free (r->new_class);
  g_free (r);
}

static void
problem_free (gpointer data)
{
  NtImportProblem *p = data;

  g_free (p->field);
  g_free (p->message);
  g_free (p);
}

static void
add_problem (NtImport   *self,
             guint       row,
             const char *field,
             char       *message)
{
  NtImportProblem *p = g_new0 (NtImportProblem, 1);

  p->row = row;
  p->field = g_strdup (field);
  p->column = field ? nt_import_get_column (self, field) : 0;
  p->message = message;
  g_ptr_array_add (self->problems, p);
}

NtImport *
nt_import_new (NtStore      *store,
               NtImportKind  kind)
{
  NtImport *self;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  self = g_new0 (NtImport, 1);
  self->store = g_object_ref (store);
  self->kind = kind;
  self->mapping = g_hash_table_new (g_str_hash, g_str_equal);
  self->problems = g_ptr_array_new_with_free_func (problem_free);
  self->records = g_ptr_array_new_with_free_func (record_free);
  self->new_classes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
nt_import_free (NtImport *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->store);
  g_clear_pointer (&self->table, nt_table_free);
  g_clear_pointer (&self->mapping, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->new_classes, g_hash_table_unref);
  g_free (self);
}

/* ----- loading ---------------------------------------------------------- */

/**
 * nt_import_load:
 * @sheet: (nullable): the sheet to read; the first one when %NULL
 *
 * Reads the file and finds its header row and columns. Fails when the file
 * cannot be read or has no recognisable header row.
 */
gboolean
nt_import_load (NtImport      *self,
                const char    *path,
                const char    *sheet,
                GCancellable  *cancellable,
                GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  g_clear_pointer (&self->table, nt_table_free);
  self->validated = FALSE;
  self->table = nt_table_read_file (path, sheet, cancellable, error);
  if (self->table == NULL)
    return FALSE;

  self->header_row = nt_import_find_header_row (self->kind, self->table, self->mapping);

  /* No sheet named: when the first has no list, the first sheet that has
   * one is taken (workbooks often open with a cover or notes sheet). */
  if (self->header_row == 0 && sheet == NULL)
    {
      g_auto(GStrv) others = nt_table_list_sheets (path, NULL);

      for (guint i = 1; others != NULL && others[i] && self->header_row == 0; i++)
        {
          NtTable *table = nt_table_read_file (path, others[i], cancellable, NULL);

          if (table == NULL)
            continue;
          if (nt_import_find_header_row (self->kind, table, self->mapping) == 0)
            {
              nt_table_free (table);
              continue;
            }
          nt_table_free (self->table);
          self->table = table;
          self->header_row = nt_import_find_header_row (self->kind, self->table, self->mapping);
        }
    }

  if (self->header_row == 0)
    {
      g_auto(GStrv) sheets = nt_table_list_sheets (path, NULL);

      /* The list is often on another sheet than the first. */
      if (sheets != NULL && g_strv_length (sheets) > 1)
        {
          g_autofree char *names = g_strjoinv ("”, “", sheets);
          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("%s, sheet “%s”: no header row was found in the first rows (a row with column titles such as “Họ và tên”, “Ngày sinh”, “Lớp”). The workbook has the sheets “%s”: choose the one with the list."),
                       nt_table_get_source_name (self->table), nt_table_get_sheet_name (self->table), names);
        }
      else
        g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                     _("%s: no header row was found in the first rows (a row with column titles such as “Họ và tên”, “Ngày sinh”, “Lớp”)."),
                     nt_table_get_source_name (self->table));
      g_clear_pointer (&self->table, nt_table_free);
      return FALSE;
    }
  return TRUE;
}

guint
nt_import_get_header_row (NtImport *self)
{
  return self->header_row;
}

guint
nt_import_get_n_rows (NtImport *self)
{
  return self->table ? nt_table_get_n_rows (self->table) : 0;
}

guint
nt_import_get_n_columns (NtImport *self)
{
  return self->table ? nt_table_get_n_columns (self->table) : 0;
}

const char *
nt_import_get_cell_text (NtImport *self,
                         guint     row,
                         guint     column)
{
  const NtCell *cell;

  if (self->table == NULL)
    return "";
  cell = nt_table_get_cell (self->table, row, column);
  return cell->text ? cell->text : "";
}

const char *
nt_import_get_sheet_name (NtImport *self)
{
  return self->table ? nt_table_get_sheet_name (self->table) : NULL;
}

const char *
nt_import_get_source_name (NtImport *self)
{
  return self->table ? nt_table_get_source_name (self->table) : "";
}

guint
nt_import_get_column (NtImport   *self,
                      const char *field)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->mapping, field));
}

/**
 * nt_import_set_column:
 * @column: 1-based, or 0 for "not in the file"
 *
 * Changes which column holds @field (the person corrects the automatic
 * mapping). A column holds one field at most.
 */
void
nt_import_set_column (NtImport   *self,
                      const char *field,
                      guint       column)
{
  const NtImportField *f = nt_import_field_find (self->kind, field);
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (f != NULL);

  g_hash_table_iter_init (&iter, self->mapping);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) == column && column != 0)
      g_hash_table_iter_remove (&iter);

  if (column == 0)
    g_hash_table_remove (self->mapping, f->field);
  else
    g_hash_table_insert (self->mapping, (gpointer) f->field, GUINT_TO_POINTER (column));
  self->validated = FALSE;
}

/* ----- reading values --------------------------------------------------- */

/* The cell of @field in @row, or NULL when the field has no column. A
 * formula or an error value is a problem: the program takes what the person
 * sees, not a computation it cannot check. */
static const NtCell *
field_cell (NtImport   *self,
            guint       row,
            const char *field)
{
  guint column = nt_import_get_column (self, field);
  const NtCell *cell;

  if (column == 0)
    return NULL;
  cell = nt_table_get_cell (self->table, row, column);
  if (cell->kind == NT_CELL_FORMULA)
    {
      add_problem (self, row, field,
                   g_strdup_printf (_("the cell holds a formula (=%s); copy the column and paste it as values"),
                                    cell->text ? cell->text : ""));
      return NULL;
    }
  if (cell->kind == NT_CELL_ERROR)
    {
      add_problem (self, row, field,
                   g_strdup_printf (_("the cell holds an error value (%s)"), cell->text ? cell->text : ""));
      return NULL;
    }
  return cell;
}

static char *
field_text (NtImport   *self,
            guint       row,
            const char *field)
{
  const NtCell *cell = field_cell (self, row, field);

  if (cell == NULL || cell->kind == NT_CELL_EMPTY || cell->text == NULL)
    return NULL;
  return g_strstrip (g_strdup (cell->text));
}

/* Excel counts days from 30/12/1899 (it believes 1900 was a leap year, so
 * serials before 1 March 1900 are one day off; no student is that old). */
static GDate *
date_from_serial (double serial)
{
  GDate *d;

  if (serial < 61 || serial > 2958465)
    return NULL;
  d = g_date_new_dmy (30, 12, 1899);
  g_date_add_days (d, (guint) serial);
  return d;
}

static char *
field_date (NtImport   *self,
            guint       row,
            const char *field)
{
  const NtCell *cell = field_cell (self, row, field);
  g_autoptr(GError) error = NULL;
  GDate *date = NULL;
  char *iso;

  if (cell == NULL || cell->kind == NT_CELL_EMPTY)
    return NULL;

  if (cell->kind == NT_CELL_DATE || cell->kind == NT_CELL_NUMBER)
    date = date_from_serial (cell->number);
  else if (cell->text != NULL)
    {
      g_autofree char *text = g_strstrip (g_strdup (cell->text));

      date = nt_date_from_iso (text);
      if (date == NULL || strlen (text) != 10)
        {
          g_clear_pointer (&date, g_date_free);
          date = nt_date_parse_display (text, &error);
        }
    }

  if (date == NULL)
    {
      add_problem (self, row, field,
                   error ? g_strdup (error->message)
                         : g_strdup_printf (_("“%s” is not a date; write it as dd/mm/yyyy"), cell->text ? cell->text : ""));
      return NULL;
    }
  iso = nt_date_to_iso (date);
  g_date_free (date);
  return iso;
}

static gboolean
word_in (const char         *folded,
         const char * const *words)
{
  for (guint i = 0; words[i]; i++)
    if (g_str_equal (folded, words[i]))
      return TRUE;
  return FALSE;
}

/* "Nam", "Nữ", "male", "F", or a mark in a "Nữ" column. */
static const char *
row_gender (NtImport *self,
            guint     row)
{
  static const char * const male[] = { "nam", "m", "male", "trai", NULL };
  static const char * const female[] = { "nu", "f", "female", "gai", NULL };
  static const char * const marks[] = { "x", "1", "co", "nu", "v", "yes", NULL };
  g_autofree char *text = field_text (self, row, "gender");
  g_autofree char *mark = NULL;
  g_autofree char *folded = NULL;

  if (text != NULL)
    {
      folded = nt_vn_fold (text);
      if (word_in (folded, male))
        return "M";
      if (word_in (folded, female))
        return "F";
      add_problem (self, row, "gender",
                   g_strdup_printf (_("“%s” is not a gender; write Nam or Nữ"), text));
      return NULL;
    }

  if (nt_import_get_column (self, "female-mark") != 0)
    {
      mark = field_text (self, row, "female-mark");
      if (mark == NULL)
        return "M";
      folded = nt_vn_fold (mark);
      return word_in (folded, marks) ? "F" : "M";
    }
  return NULL;
}

static const char *
boarding_value (NtImport   *self,
                guint       row,
                const char *current)
{
  static const char * const boarding[] = { "noi tru", "x", "co", "1", "boarding", "yes", "nt", NULL };
  static const char * const semi[] = { "ban tru", "semi", "semi boarding", "bt", NULL };
  static const char * const day[] = { "ngoai tru", "khong", "0", "day", "no", "", NULL };
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;

  if (nt_import_get_column (self, "boarding") == 0)
    return current ? current : "day";

  text = field_text (self, row, "boarding");
  folded = nt_vn_fold (text ? text : "");
  if (word_in (folded, boarding))
    return "boarding";
  if (word_in (folded, semi))
    return "semi";
  if (word_in (folded, day))
    return "day";
  add_problem (self, row, "boarding",
               g_strdup_printf (_("“%s” is not a boarding status; write Nội trú, Bán trú or Ngoại trú"), text));
  return NULL;
}

static char *
row_full_name (NtImport *self,
               guint     row)
{
  g_autofree char *family = NULL;
  g_autofree char *given = NULL;
  char *full = field_text (self, row, "full-name");

  if (full != NULL || nt_import_get_column (self, "given-name") == 0)
    return full;

  family = field_text (self, row, "family-name");
  given = field_text (self, row, "given-name");
  if (given == NULL)
    return NULL;
  return family ? g_strdup_printf ("%s %s", family, given) : g_strdup (given);
}

/* The grade a class name starts with: "10A1" → 10, "6/2" → 6. */
static int
grade_of_class (const char *name)
{
  int grade = 0;

  for (const char *p = name; g_ascii_isdigit (*p) && grade <= 12; p++)
    grade = grade * 10 + (*p - '0');
  return grade >= 1 && grade <= 12 ? grade : 0;
}

/* ----- validating students ---------------------------------------------- */

static const char * const copied_fields[] = {
  "ethnicity", "personal-id", "guardian-name", "guardian-phone", "home-address",
  "home-commune", "priority", "health-notes",
};

static gboolean
same_text (const char *a,
           const char *b)
{
  /* The store keeps an empty optional field as "" or NULL alike. */
  return g_strcmp0 (a ? a : "", b ? b : "") == 0;
}

/* Whether @row (validated, so normalised like a save would) holds what
 * the store has for the student already. The class is compared by id: the
 * name is only read for display. */
static gboolean
student_unchanged (NtStudent *stored,
                   NtStudent *row)
{
  const char * const *fields = nt_student_text_fields ();

  if (stored->class_id != row->class_id || stored->active != row->active)
    return FALSE;
  for (guint i = 0; fields[i]; i++)
    if (!g_str_equal (fields[i], "class-name") &&
        !same_text (nt_student_get_text (stored, fields[i]), nt_student_get_text (row, fields[i])))
      return FALSE;
  return TRUE;
}

static void
validate_student_row (NtImport    *self,
                      guint        row,
                      GHashTable  *codes_seen)
{
  /* Problems found while reading the cells come first; the form's rules
   * then add only what they did not already say. */
  guint problems_before = self->problems->len;
  g_autofree char *code = field_text (self, row, "code");
  g_autofree char *name = row_full_name (self, row);
  g_autofree char *birth = field_date (self, row, "birth-date");
  g_autofree char *class_name = field_text (self, row, "class-name");
  const char *gender = row_gender (self, row);
  g_autoptr(NtStudent) s = NULL;
  g_autoptr(NtStudent) stored = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  gint64 existing = 0;
  gint64 class_id = 0;
  const char *boarding;
  Record *record;

  if (code != NULL)
    {
      gpointer first = g_hash_table_lookup (codes_seen, code);
      if (first != NULL)
        {
          add_problem (self, row, "code",
                       g_strdup_printf (_("the code %s is also on row %u of the file"), code,
                                        GPOINTER_TO_UINT (first)));
          return;
        }
      g_hash_table_insert (codes_seen, g_strdup (code), GUINT_TO_POINTER (row));
      existing = nt_students_find_by_code (self->store, code);
    }

  s = existing > 0 ? nt_students_load (self->store, existing, NULL) : nt_student_new ();
  if (s == NULL)
    s = nt_student_new ();
  if (s->id > 0)
    stored = nt_student_copy (s);

  nt_student_set_text (s, "code", code);
  nt_student_set_text (s, "full-name", name);
  if (gender != NULL || nt_import_get_column (self, "gender") != 0 || s->id == 0)
    nt_student_set_text (s, "gender", gender);
  if (birth != NULL || nt_import_get_column (self, "birth-date") != 0 || s->id == 0)
    nt_student_set_text (s, "birth-date", birth);
  for (guint i = 0; i < G_N_ELEMENTS (copied_fields); i++)
    if (nt_import_get_column (self, copied_fields[i]) != 0)
      {
        g_autofree char *value = field_text (self, row, copied_fields[i]);
        nt_student_set_text (s, copied_fields[i], value);
      }
  boarding = boarding_value (self, row, s->boarding);
  nt_student_set_text (s, "boarding", boarding);

  record = g_new0 (Record, 1);
  record->row = row;
  if (class_name != NULL)
    {
      class_id = nt_classes_find (self->store, class_name);
      if (class_id == 0 && grade_of_class (class_name) == 0)
        add_problem (self, row, "class-name",
                     g_strdup_printf (_("the class %s does not exist and its grade cannot be read from its name (write it like 10A1)"),
                                      class_name));
      else if (class_id == 0)
        {
          record->new_class = g_strdup (class_name);
          if (!g_hash_table_contains (self->new_classes, class_name))
            g_hash_table_insert (self->new_classes, g_strdup (class_name),
                                 GINT_TO_POINTER (grade_of_class (class_name)));
        }
    }
  s->class_id = class_id;

  /* The same rules as the form; a class that the import will create counts
   * as chosen. Problems already found for a field are not repeated. */
  if (!nt_students_validate (self->store, s, &field_errors, NULL) && field_errors != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, field_errors);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          gboolean known = FALSE;

          if (g_str_equal (key, "class-name") && (record->new_class != NULL || class_name != NULL))
            continue;
          for (guint i = problems_before; i < self->problems->len; i++)
            {
              NtImportProblem *p = g_ptr_array_index (self->problems, i);
              known |= p->row == row && g_strcmp0 (p->field, key) == 0;
            }
          if (g_str_equal (key, "full-name") && nt_import_get_column (self, "full-name") == 0 &&
              nt_import_get_column (self, "given-name") != 0)
            key = (gpointer) "given-name";
          if (!known)
            add_problem (self, row, key, g_strdup (value));
        }
    }

  if (self->problems->len > problems_before)
    {
      record_free (record);
      return;
    }

  /* Writing a row that is already stored would still log an "update"
   * for each student in the audit log, with the same old and new values. */
  if (stored != NULL && record->new_class == NULL && student_unchanged (stored, s))
    {
      self->counts.unchanged_rows++;
      record_free (record);
      return;
    }

  record->student = g_steal_pointer (&s);
  if (record->student->id > 0)
    self->counts.updated_rows++;
  else
    self->counts.new_rows++;
  g_ptr_array_add (self->records, record);
}

/* ----- validating staff ------------------------------------------------- */

static const char *
role_from_text (const char *text)
{
  static const struct { const char *words; const char *role; } roles[] = {
    { "pho hieu truong", "vice_principal" }, { "hieu pho", "vice_principal" },
    { "vice principal", "vice_principal" }, { "hieu truong", "principal" },
    { "principal", "principal" }, { "quan sinh", "supervisor" }, { "giam thi", "supervisor" },
    { "supervisor", "supervisor" }, { "giao vien", "teacher" }, { "teacher", "teacher" },
    { "bao ve", "guard" }, { "guard", "guard" }, { "y te", "medical" }, { "medical", "medical" },
    { "van phong", "office" }, { "ke toan", "office" }, { "van thu", "office" }, { "office", "office" },
    { "nhan vien", "other" }, { "khac", "other" }, { "other", "other" },
  };
  g_autofree char *folded = nt_vn_fold (text);

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (strstr (folded, roles[i].words) != NULL)
      return roles[i].role;
  return NULL;
}

static gboolean
row_has_problem (NtImport   *self,
                 guint       row,
                 const char *field,
                 guint       since)
{
  for (guint i = since; i < self->problems->len; i++)
    {
      NtImportProblem *p = g_ptr_array_index (self->problems, i);

      if (p->row == row && g_strcmp0 (p->field, field) == 0)
        return TRUE;
    }
  return FALSE;
}

static gint64
find_staff_by_code (NtStore    *store,
                    const char *code)
{
  sqlite3_stmt *stmt = nt_store_prepare (store, "SELECT id FROM staff WHERE code = ?1", NULL);
  gint64 id;

  g_return_val_if_fail (stmt != NULL, 0);
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return id;
}

/* Whether the staff member @id has the values of @input already (the phone
 * as update_staff() would write it). */
static gboolean
staff_unchanged (NtStore            *store,
                 gint64              id,
                 const NtStaffInput *input)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "SELECT full_name, gender, role, phone FROM staff WHERE id = ?1",
                                         NULL);
  g_autofree char *phone = NULL;
  gboolean same = FALSE;

  g_return_val_if_fail (stmt != NULL, FALSE);
  if (!nt_str_empty (input->phone))
    nt_phone_normalize (input->phone, &phone);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    same = same_text ((const char *) sqlite3_column_text (stmt, 0), input->full_name) &&
           same_text ((const char *) sqlite3_column_text (stmt, 1), input->gender) &&
           same_text ((const char *) sqlite3_column_text (stmt, 2), input->role) &&
           same_text ((const char *) sqlite3_column_text (stmt, 3), phone);
  sqlite3_reset (stmt);
  return same;
}

static void
validate_staff_row (NtImport   *self,
                    guint       row,
                    GHashTable *codes_seen)
{
  guint problems_before = self->problems->len;
  Record *record = g_new0 (Record, 1);
  char *code = field_text (self, row, "code");
  char *name = row_full_name (self, row);
  char *role_text = field_text (self, row, "role");
  char *phone = field_text (self, row, "phone");
  const char *gender = row_gender (self, row);
  const char *role = role_text ? role_from_text (role_text) : NULL;

  record->row = row;
  record->strings = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (record->strings, code);
  g_ptr_array_add (record->strings, name);
  g_ptr_array_add (record->strings, role_text);
  g_ptr_array_add (record->strings, phone);

  if (code == NULL)
    add_problem (self, row, "code", g_strdup (_("the staff code is missing")));
  else if (g_hash_table_contains (codes_seen, code))
    add_problem (self, row, "code",
                 g_strdup_printf (_("the code %s is also on row %u of the file"), code,
                                  GPOINTER_TO_UINT (g_hash_table_lookup (codes_seen, code))));
  else
    g_hash_table_insert (codes_seen, g_strdup (code), GUINT_TO_POINTER (row));
  if (name == NULL || strchr (name, ' ') == NULL)
    add_problem (self, row, "full-name", g_strdup (_("the full name is missing or incomplete")));
  /* An empty gender cell too: staff.gender is NOT NULL, and a row that
   * passes the check must not fail the commit. */
  if (gender == NULL && !row_has_problem (self, row, "gender", problems_before))
    add_problem (self, row, "gender", g_strdup (_("the gender is missing")));
  if (role == NULL)
    add_problem (self, row, "role",
                 role_text ? g_strdup_printf (_("“%s” is not a known role (Hiệu trưởng, Phó Hiệu trưởng, Quản sinh, Giáo viên, Bảo vệ, Y tế, Văn phòng)"), role_text)
                           : g_strdup (_("the role is missing")));
  if (phone != NULL && !nt_phone_normalize (phone, NULL))
    add_problem (self, row, "phone",
                 g_strdup (_("The phone number has 10 digits and starts with 0 (for example 0912 345 678).")));

  if (self->problems->len > problems_before)
    {
      record_free (record);
      return;
    }

  record->staff.code = code;
  record->staff.full_name = name;
  record->staff.gender = gender;
  record->staff.role = role;
  record->staff.phone = phone;
  record->staff_id = find_staff_by_code (self->store, code);
  if (record->staff_id > 0 && staff_unchanged (self->store, record->staff_id, &record->staff))
    {
      self->counts.unchanged_rows++;
      record_free (record);
      return;
    }
  if (record->staff_id > 0)
    self->counts.updated_rows++;
  else
    self->counts.new_rows++;
  g_ptr_array_add (self->records, record);
}

/* ----- the whole file --------------------------------------------------- */

/**
 * nt_import_validate:
 *
 * Checks every row. Returns %FALSE with @error set when the file cannot be
 * imported at all (a required column is missing, cancelled); the problems of
 * single rows are in nt_import_get_problems(), and nothing can be committed
 * while there are any.
 */
gboolean
nt_import_validate (NtImport        *self,
                    GCancellable    *cancellable,
                    NtProgressFunc   progress,
                    gpointer         progress_data,
                    GError         **error)
{
  g_autoptr(GHashTable) codes_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_fields, n_rows;
  const NtImportField *fields;

  g_return_val_if_fail (self != NULL && self->table != NULL, FALSE);

  g_ptr_array_set_size (self->problems, 0);
  g_ptr_array_set_size (self->records, 0);
  g_hash_table_remove_all (self->new_classes);
  memset (&self->counts, 0, sizeof self->counts);
  self->validated = FALSE;

  fields = nt_import_fields (self->kind, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      gboolean present = nt_import_get_column (self, fields[i].field) != 0;

      if (g_str_equal (fields[i].field, "full-name"))
        present |= nt_import_get_column (self, "given-name") != 0;
      if (g_str_equal (fields[i].field, "gender"))
        present |= nt_import_get_column (self, "female-mark") != 0;
      if (fields[i].required && !present)
        {
          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("%s: the column “%s” was not found (header row %u). Choose which column holds it."),
                       nt_table_get_source_name (self->table), _(fields[i].title), self->header_row);
          return FALSE;
        }
    }

  /* All the rows in one read transaction: otherwise each of the lookups a
   * row needs (its code, its class) opens and closes one of its own, which
   * took more time than the checks themselves. A savepoint, so that it
   * also nests in a caller's transaction. */
  if (!nt_store_exec (self->store, "SAVEPOINT nt_import_read", error))
    return FALSE;
  n_rows = nt_table_get_n_rows (self->table);
  for (guint row = self->header_row + 1; row <= n_rows; row++)
    {
      if ((row - self->header_row) % PROGRESS_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              nt_store_exec (self->store, "RELEASE nt_import_read", NULL);
              return FALSE;
            }
          if (progress)
            progress ((double) (row - self->header_row) / (n_rows - self->header_row), progress_data);
        }
      if (nt_table_row_is_empty (self->table, row))
        {
          self->counts.skipped_empty++;
          continue;
        }
      if (self->kind == NT_IMPORT_STUDENTS)
        validate_student_row (self, row, codes_seen);
      else
        validate_staff_row (self, row, codes_seen);
    }
  if (!nt_store_exec (self->store, "RELEASE nt_import_read", error))
    return FALSE;

  if (self->records->len == 0 && self->problems->len == 0 && self->counts.unchanged_rows == 0)
    add_problem (self, 0, NULL, g_strdup (_("the file has no rows under its header row")));

  self->counts.new_classes = g_hash_table_size (self->new_classes);
  self->validated = TRUE;
  if (progress)
    progress (1.0, progress_data);
  return TRUE;
}

const GPtrArray *
nt_import_get_problems (NtImport *self)
{
  return self->problems;
}

void
nt_import_get_counts (NtImport       *self,
                      NtImportCounts *counts)
{
  *counts = self->counts;
}

/* "Dòng 12, cột C (Ngày sinh): …" */
char *
nt_import_format_problem (NtImport              *self,
                          const NtImportProblem *p)
{
  const NtImportField *f = p->field ? nt_import_field_find (self->kind, p->field) : NULL;
  g_autofree char *column = p->column ? nt_table_column_name (p->column) : NULL;

  if (p->row == 0)
    return g_strdup_printf ("%s: %s", nt_import_get_source_name (self), p->message);
  if (column != NULL && f != NULL)
    return g_strdup_printf (_("Row %u, column %s (%s): %s"), p->row, column, _(f->title), p->message);
  if (f != NULL)
    return g_strdup_printf (_("Row %u (%s): %s"), p->row, _(f->title), p->message);
  return g_strdup_printf (_("Row %u: %s"), p->row, p->message);
}

/**
 * nt_import_format_report:
 *
 * Returns: (transfer full): the validation report: what would be written,
 *   then every problem on its own line
 */
char *
nt_import_format_report (NtImport *self)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, _("%s: %u new, %u to update, %u unchanged, %u new classes, %u empty rows skipped.\n"),
                          nt_import_get_source_name (self), self->counts.new_rows, self->counts.updated_rows,
                          self->counts.unchanged_rows, self->counts.new_classes, self->counts.skipped_empty);
  if (self->problems->len > 0)
    g_string_append_printf (out, _("%u problems; nothing was written:\n"), self->problems->len);
  for (guint i = 0; i < self->problems->len; i++)
    {
      g_autofree char *line = nt_import_format_problem (self, g_ptr_array_index (self->problems, i));
      g_string_append_printf (out, "  %s\n", line);
    }
  return g_string_free (out, FALSE);
}

/* ----- writing ---------------------------------------------------------- */

static gboolean
update_staff (NtStore             *store,
              gint64               id,
              const NtStaffInput  *input,
              GError             **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GBytes) key = nt_vn_name_key (input->full_name);
  g_autofree char *search = nt_students_search_text (input->full_name, input->code);
  g_autofree char *phone = NULL;
  gsize key_len;
  const void *key_data = g_bytes_get_data (key, &key_len);

  if (!nt_str_empty (input->phone))
    nt_phone_normalize (input->phone, &phone);
  stmt = nt_store_prepare (store,
                           "UPDATE staff SET full_name = ?2, name_key = ?3, search_text = ?4, gender = ?5, "
                           "role = ?6, phone = ?7 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, input->full_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 3, key_data, (int) key_len, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, search, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, input->gender, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, input->role, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, phone ? phone : "", -1, SQLITE_TRANSIENT);
  return nt_store_step_done (store, stmt, error);
}

static gboolean
write_records (NtImport      *self,
               GCancellable  *cancellable,
               NtProgressFunc progress,
               gpointer       progress_data,
               GError       **error)
{
  g_autoptr(NtStudentsBatch) batch = NULL;
  g_autoptr(GHashTable) class_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GHashTableIter iter;
  gpointer key, value;
  guint failed = G_MAXUINT;

  /* The classes the file brings, each looked up once afterwards. */
  g_hash_table_iter_init (&iter, self->new_classes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 id = nt_classes_add (self->store, key, GPOINTER_TO_INT (value), error);

      if (id == 0)
        return FALSE;
      g_hash_table_insert (class_ids, key, g_memdup2 (&id, sizeof id));
    }

  /* Students are written in batches, a few statements for thousands of
   * rows (see nt_students_batch_new()). */
  if (self->kind == NT_IMPORT_STUDENTS)
    {
      batch = nt_students_batch_new (self->store, error);
      if (batch == NULL)
        return FALSE;
    }

  for (guint i = 0; i < self->records->len; i++)
    {
      Record *r = g_ptr_array_index (self->records, i);

      if (i % PROGRESS_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress)
            progress ((double) i / self->records->len, progress_data);
        }

      if (self->kind == NT_IMPORT_STAFF)
        {
          if (r->staff_id > 0 ? !update_staff (self->store, r->staff_id, &r->staff, error)
                              : nt_staff_add (self->store, &r->staff, error) == 0)
            return FALSE;
          continue;
        }

      if (r->new_class != NULL)
        {
          gint64 *id = g_hash_table_lookup (class_ids, r->new_class);

          r->student->class_id = id ? *id : nt_classes_find (self->store, r->new_class);
        }
      if (!nt_students_batch_add (batch, r->student, &failed, error))
        goto failed;
    }
  if (batch != NULL && !nt_students_batch_flush (batch, &failed, error))
    goto failed;
  return TRUE;

failed:
  /* The batch names the student by the order they were added: the order of
   * the records. */
  if (failed < self->records->len)
    g_prefix_error (error, _("Row %u: "), ((Record *) g_ptr_array_index (self->records, failed))->row);
  return FALSE;
}

/**
 * nt_import_commit:
 *
 * Writes every validated row in one transaction: all or nothing. Refused
 * while there are problems.
 */
gboolean
nt_import_commit (NtImport        *self,
                  GCancellable    *cancellable,
                  NtProgressFunc   progress,
                  gpointer         progress_data,
                  GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!nt_access_require (self->store, self->kind == NT_IMPORT_STAFF ? NT_PERM_MANAGE_STAFF
                                                                     : NT_PERM_MANAGE_STUDENTS, error))
    return FALSE;

  if (!self->validated)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("Check the file before importing it."));
      return FALSE;
    }
  if (self->problems->len > 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("The file has %u problems; correct them and check it again. Nothing was written."),
                   self->problems->len);
      return FALSE;
    }

  if (!nt_store_begin (self->store, error))
    return FALSE;
  if (!write_records (self, cancellable, progress, progress_data, error) ||
      !nt_store_commit (self->store, error))
    {
      nt_store_rollback (self->store);
      /* The records now hold the ids of rows that were rolled back (a new
       * student looks stored); writing them again would update nothing.
       * They must be checked again first. */
      self->validated = FALSE;
      return FALSE;
    }

  if (progress)
    progress (1.0, progress_data);
  nt_store_emit_changed (self->store, "classes");
  nt_store_emit_changed (self->store, self->kind == NT_IMPORT_STAFF ? "staff" : "students");
  return TRUE;
}
