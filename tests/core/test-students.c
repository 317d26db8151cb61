/* test-students.c: validating, saving, leaving, deleting, listing students */
#define G_LOG_DOMAIN "test-students"

#include "nt-error.h"
#include "nt-school.h"
#include "nt-student-list.h"
#include "nt-students.h"
#include "nt-test-util.h"

typedef struct
{
  NtStore *store;
  gint64   class_6a1;
  gint64   class_7a1;
} Fixture;

/* A birth date that makes a student @age years old today. */
static char *
birth_date_for_age (int age)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_strdup_printf ("%04d-01-15", g_date_time_get_year (now) - age - (g_date_time_get_month (now) == 1 ? 1 : 0));
}

static NtStudent *
make_student (Fixture    *f,
              const char *code,
              const char *full_name,
              const char *gender)
{
  NtStudent *s = nt_student_new ();
  g_autofree char *birth = birth_date_for_age (12);

  nt_student_set_text (s, "code", code);
  nt_student_set_text (s, "full-name", full_name);
  nt_student_set_text (s, "gender", gender);
  nt_student_set_text (s, "birth-date", birth);
  nt_student_set_text (s, "boarding", "boarding");
  nt_student_set_text (s, "ethnicity", "Thái");
  s->class_id = f->class_6a1;
  return s;
}

static gint64
save_new (Fixture    *f,
          const char *code,
          const char *full_name,
          const char *gender)
{
  g_autoptr(NtStudent) s = make_student (f, code, full_name, gender);
  g_autoptr(GError) error = NULL;

  g_assert_true (nt_students_save (f->store, s, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (s->id, >, 0);
  return s->id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = nt_test_new_store ();
  f->class_6a1 = nt_classes_add (f->store, "6A1", 6, &error);
  f->class_7a1 = nt_classes_add (f->store, "7A1", 7, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
}

static gint64
count_students (Fixture *f)
{
  return nt_store_count (f->store, "SELECT count(*) FROM students");
}

/* ----- validation ------------------------------------------------------- */

typedef void (*Spoil) (NtStudent *s);

static void spoil_code (NtStudent *s)           { nt_student_set_text (s, "code", "  "); }
static void spoil_code_space (NtStudent *s)     { nt_student_set_text (s, "code", "HS 01"); }
static void spoil_duplicate_code (NtStudent *s) { nt_student_set_text (s, "code", "HS001"); }
static void spoil_name (NtStudent *s)           { nt_student_set_text (s, "full-name", ""); }
static void spoil_name_one_word (NtStudent *s)  { nt_student_set_text (s, "full-name", "An"); }
static void spoil_name_digits (NtStudent *s)    { nt_student_set_text (s, "full-name", "Lò Văn 3"); }
static void spoil_gender (NtStudent *s)         { nt_student_set_text (s, "gender", "X"); }
static void spoil_birth_missing (NtStudent *s)  { nt_student_set_text (s, "birth-date", NULL); }
static void spoil_birth_not_date (NtStudent *s) { nt_student_set_text (s, "birth-date", "2010-02-30"); }
static void spoil_birth_too_old (NtStudent *s)  { nt_student_set_text (s, "birth-date", "1950-05-05"); }
static void spoil_birth_too_young (NtStudent *s)
{
  g_autofree char *birth = birth_date_for_age (2);
  nt_student_set_text (s, "birth-date", birth);
}
static void spoil_class (NtStudent *s)          { s->class_id = 999; }
static void spoil_no_class (NtStudent *s)       { s->class_id = 0; }
static void spoil_boarding (NtStudent *s)       { nt_student_set_text (s, "boarding", "sometimes"); }
static void spoil_phone (NtStudent *s)          { nt_student_set_text (s, "guardian-phone", "12345"); }
static void spoil_phone_letters (NtStudent *s)  { nt_student_set_text (s, "guardian-phone", "0912 abc 678"); }
static void spoil_personal_id (NtStudent *s)    { nt_student_set_text (s, "personal-id", "01221000000"); }
static void spoil_personal_province (NtStudent *s) { nt_student_set_text (s, "personal-id", "099210000001"); }
static void spoil_personal_letters (NtStudent *s)  { nt_student_set_text (s, "personal-id", "01221000000X"); }
static void spoil_left_without_date (NtStudent *s) { s->active = FALSE; }

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  static const struct { Spoil spoil; const char *field; } cases[] = {
    { spoil_code, "code" },
    { spoil_code_space, "code" },
    { spoil_duplicate_code, "code" },
    { spoil_name, "full-name" },
    { spoil_name_one_word, "full-name" },
    { spoil_name_digits, "full-name" },
    { spoil_gender, "gender" },
    { spoil_birth_missing, "birth-date" },
    { spoil_birth_not_date, "birth-date" },
    { spoil_birth_too_old, "birth-date" },
    { spoil_birth_too_young, "birth-date" },
    { spoil_class, "class-name" },
    { spoil_no_class, "class-name" },
    { spoil_boarding, "boarding" },
    { spoil_phone, "guardian-phone" },
    { spoil_phone_letters, "guardian-phone" },
    { spoil_personal_id, "personal-id" },
    { spoil_personal_province, "personal-id" },
    { spoil_personal_letters, "personal-id" },
    { spoil_left_without_date, "left-on" },
  };
  gint64 rows, audit;

  save_new (f, "HS001", "Lò Văn An", "M");
  rows = count_students (f);
  audit = nt_store_count (f->store, "SELECT count(*) FROM audit_log");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(NtStudent) s = make_student (f, "HS002", "Lò Thị Ánh", "F");
      g_autoptr(GHashTable) field_errors = NULL;
      g_autoptr(GError) error = NULL;

      cases[i].spoil (s);
      g_assert_false (nt_students_save (f->store, s, &field_errors, &error));
      g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
      g_assert_nonnull (field_errors);
      if (!g_hash_table_contains (field_errors, cases[i].field))
        g_error ("case %u: no error for %s", i, cases[i].field);
      /* Only the spoiled field is wrong. */
      g_assert_cmpuint (g_hash_table_size (field_errors), ==, 1);
      g_assert_cmpstr (g_hash_table_lookup (field_errors, cases[i].field), ==, error->message);
      g_assert_cmpint (s->id, ==, 0);
      g_assert_cmpint (count_students (f), ==, rows);
      g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM audit_log"), ==, audit);
    }

  /* Several wrong fields are all reported. */
  {
    g_autoptr(NtStudent) s = make_student (f, "", "", "");
    g_autoptr(GHashTable) field_errors = NULL;

    g_assert_false (nt_students_validate (f->store, s, &field_errors, NULL));
    g_assert_true (g_hash_table_contains (field_errors, "code"));
    g_assert_true (g_hash_table_contains (field_errors, "full-name"));
    g_assert_true (g_hash_table_contains (field_errors, "gender"));
  }

  /* The unspoiled student passes and is tidied: trimmed, phone normalized. */
  {
    g_autoptr(NtStudent) s = make_student (f, " HS002 ", "  Lò Thị Ánh ", "F");
    g_autoptr(GHashTable) field_errors = NULL;
    g_autoptr(GError) error = NULL;

    nt_student_set_text (s, "guardian-phone", "+84 912.345.678");
    nt_student_set_text (s, "personal-id", "012310000001");
    g_assert_true (nt_students_save (f->store, s, &field_errors, &error));
    g_assert_no_error (error);
    g_assert_null (field_errors);
    g_assert_cmpstr (s->code, ==, "HS002");
    g_assert_cmpstr (s->full_name, ==, "Lò Thị Ánh");
    g_assert_cmpstr (s->guardian_phone, ==, "0912345678");
    g_assert_cmpint (count_students (f), ==, rows + 1);
  }
}

static void
test_helpers (void)
{
  g_autofree char *normalized = NULL;

  g_assert_true (nt_phone_normalize ("0912 345 678", &normalized));
  g_assert_cmpstr (normalized, ==, "0912345678");
  g_assert_true (nt_phone_normalize ("0212 3456 789", NULL));
  g_assert_false (nt_phone_normalize ("0012345678", NULL));
  g_assert_false (nt_phone_normalize ("912345678", NULL));
  g_assert_false (nt_phone_normalize ("091234567890", NULL));

  g_assert_true (nt_personal_id_valid ("012210000001"));
  g_assert_true (nt_personal_id_valid ("096210000001"));
  g_assert_false (nt_personal_id_valid ("000210000001"));
  g_assert_false (nt_personal_id_valid ("097210000001"));
  g_assert_false (nt_personal_id_valid ("01221000001"));
  g_assert_false (nt_personal_id_valid (NULL));
}

/* ----- saving ----------------------------------------------------------- */

static void
test_save_insert_update (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(NtStudent) s = make_student (f, "HS010", "Nguyễn Văn An", "M");
  g_autoptr(NtStudent) loaded = NULL;
  g_autoptr(NtStudent) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  nt_student_set_text (s, "guardian-name", "Nguyễn Văn Bình");
  nt_student_set_text (s, "priority", "ethnic_minority,poor_household");
  g_assert_true (nt_students_save (f->store, s, NULL, &error));
  g_assert_no_error (error);
  id = s->id;
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (nt_students_find_by_code (f->store, "HS010"), ==, id);

  loaded = nt_students_load (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->full_name, ==, "Nguyễn Văn An");
  g_assert_cmpstr (loaded->class_name, ==, "6A1");
  g_assert_cmpstr (loaded->guardian_name, ==, "Nguyễn Văn Bình");
  g_assert_cmpstr (loaded->priority, ==, "ethnic_minority,poor_household");
  g_assert_true (loaded->active);
  g_assert_null (loaded->personal_id);

  /* An update keeps the id and changes the row, name key and search text. */
  nt_student_set_text (loaded, "full-name", "Đặng Văn An");
  loaded->class_id = f->class_7a1;
  g_assert_true (nt_students_save (f->store, loaded, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (loaded->id, ==, id);
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM students"), ==, 1);
  again = nt_students_load (f->store, id, &error);
  g_assert_cmpstr (again->full_name, ==, "Đặng Văn An");
  g_assert_cmpstr (again->class_name, ==, "7A1");
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM students WHERE instr (search_text, 'dang van an') > 0"), ==, 1);
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM students WHERE name_key = vi_name_key ('Đặng Văn An')"), ==, 1);

  /* Saving a student under its own code is not a duplicate. */
  g_assert_true (nt_students_save (f->store, again, NULL, &error));
  g_assert_no_error (error);

  /* Loading a student who does not exist. */
  g_assert_null (nt_students_load (f->store, 9999, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
}

/* ----- leaving, deleting, restoring -------------------------------------- */

static gboolean
list_contains (NtStudentList *list,
               gint64         id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    if (nt_student_list_get_id (list, i) == id)
      return TRUE;
  return FALSE;
}

static void
test_mark_left (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(NtStudentList) list = nt_student_list_new (f->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(NtStudent) loaded = NULL;
  gint64 an = save_new (f, "HS001", "Lò Văn An", "M");
  gint64 binh = save_new (f, "HS002", "Lò Văn Bình", "M");
  g_autofree char *sql = NULL;

  g_assert_true (nt_store_exec (f->store,
                                "INSERT INTO buildings (id, name, gender, floors) VALUES (1, 'Nhà A', 'M', 3);"
                                "INSERT INTO rooms (id, building_id, floor, number, capacity, gender) VALUES (1, 1, 1, 'A101', 6, 'M');"
                                "INSERT INTO beds (id, room_id, label) VALUES (1, 1, '1');", &error));
  sql = g_strdup_printf ("INSERT INTO bed_assignments (student_id, bed_id, start_date) VALUES (%" G_GINT64_FORMAT ", 1, '2025-08-25')", an);
  g_assert_true (nt_store_exec (f->store, sql, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_true (list_contains (list, an));

  g_assert_true (nt_students_mark_left (f->store, an, "2025-11-20", "Chuyển trường", &error));
  g_assert_no_error (error);

  /* Gone from the active list, shown among those who left. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_false (list_contains (list, an));
  g_assert_true (list_contains (list, binh));
  nt_student_list_set_active (list, NT_STUDENT_FILTER_LEFT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_true (list_contains (list, an));

  /* The bed is free again from that day; the history stays. */
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM bed_assignments WHERE end_date IS NULL"), ==, 0);
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM bed_assignments WHERE end_date = '2025-11-20'"), ==, 1);

  loaded = nt_students_load (f->store, an, &error);
  g_assert_false (loaded->active);
  g_assert_cmpstr (loaded->left_on, ==, "2025-11-20");
  g_assert_cmpstr (loaded->left_reason, ==, "Chuyển trường");

  /* Leaving twice, or without a date, is refused. */
  g_assert_false (nt_students_mark_left (f->store, an, "2025-11-21", "", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (nt_students_mark_left (f->store, binh, "20/11/2025", "", &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM students WHERE active = 1"), ==, 1);

  /* Coming back. */
  g_assert_true (nt_students_return (f->store, an, &error));
  g_assert_no_error (error);
  nt_student_list_set_active (list, NT_STUDENT_FILTER_ACTIVE);
  g_assert_true (list_contains (list, an));
}

static void
test_delete_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 with_history = save_new (f, "HS001", "Lò Văn An", "M");
  gint64 typo = save_new (f, "HS002", "Lò Văn Bìnhh", "M");
  g_autoptr(NtStudent) copy = NULL;
  g_autoptr(NtStudent) back = NULL;
  g_autofree char *sql = NULL;

  g_assert_true (nt_store_exec (f->store,
                                "INSERT INTO buildings (id, name, gender, floors) VALUES (1, 'Nhà A', 'M', 3);"
                                "INSERT INTO rooms (id, building_id, floor, number, capacity, gender) VALUES (1, 1, 1, 'A101', 6, 'M');"
                                "INSERT INTO beds (id, room_id, label) VALUES (1, 1, '1');", &error));
  sql = g_strdup_printf ("INSERT INTO bed_assignments (student_id, bed_id, start_date, end_date) "
                         "VALUES (%" G_GINT64_FORMAT ", 1, '2024-08-25', '2025-05-31')", with_history);
  g_assert_true (nt_store_exec (f->store, sql, &error));

  g_assert_true (nt_students_has_history (f->store, with_history));
  g_assert_false (nt_students_has_history (f->store, typo));

  /* A student with a history is never deleted. */
  g_assert_false (nt_students_delete (f->store, with_history, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM students"), ==, 2);

  /* One without is, and comes back with the same id. */
  copy = nt_students_load (f->store, typo, &error);
  g_assert_true (nt_students_delete (f->store, typo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM students"), ==, 1);
  g_assert_null (nt_students_load (f->store, typo, NULL));
  g_assert_false (nt_students_delete (f->store, typo, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (nt_students_restore (f->store, copy, &error));
  g_assert_no_error (error);
  back = nt_students_load (f->store, typo, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->id, ==, typo);
  g_assert_cmpstr (back->code, ==, "HS002");
  g_assert_cmpstr (back->full_name, ==, "Lò Văn Bìnhh");
  g_assert_cmpint (nt_students_find_by_code (f->store, "HS002"), ==, typo);
}

/* ----- the list --------------------------------------------------------- */

static const struct { const char *code, *name, *gender, *boarding; gboolean in_7a1; } roster[] = {
  { "HS101", "Nguyễn Văn An", "M", "boarding", FALSE },
  { "HS102", "Đặng Thị Hoa", "F", "day", FALSE },
  { "HS103", "Trần Văn An", "M", "semi", TRUE },
  { "HS104", "Nguyễn Thị Ánh", "F", "boarding", TRUE },
  { "HS105", "Lò Văn Đức", "M", "boarding", FALSE },
  { "HS106", "Nguyễn Văn Bình", "M", "day", TRUE },
  { "HS107", "Vàng Thị Dung", "F", "boarding", FALSE },
  { "HS108", "Lê Văn Anh", "M", "day", FALSE },
};

/* The roster in Vietnamese name order. */
static const char * const roster_by_name[] = {
  "Nguyễn Văn An", "Trần Văn An", "Lê Văn Anh", "Nguyễn Thị Ánh", "Nguyễn Văn Bình",
  "Vàng Thị Dung", "Lò Văn Đức", "Đặng Thị Hoa",
};

static void
fill_roster (Fixture *f)
{
  for (guint i = 0; i < G_N_ELEMENTS (roster); i++)
    {
      g_autoptr(NtStudent) s = make_student (f, roster[i].code, roster[i].name, roster[i].gender);
      g_autoptr(GError) error = NULL;

      nt_student_set_text (s, "boarding", roster[i].boarding);
      if (roster[i].in_7a1)
        s->class_id = f->class_7a1;
      g_assert_true (nt_students_save (f->store, s, NULL, &error));
      g_assert_no_error (error);
    }
}

static char *
list_names (NtStudentList *list)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(NtStudent) s = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, s->full_name);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
list_has_name (NtStudentList *list,
               const char    *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(NtStudent) s = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_strcmp0 (s->full_name, name) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
assert_list (NtStudentList *list,
             const char    *expected)
{
  g_autofree char *names = list_names (list);
  g_assert_cmpstr (names, ==, expected);
}

static void
test_list_search (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(NtStudentList) list = NULL;

  fill_roster (f);
  list = nt_student_list_new (f->store);

  /* Each word is found anywhere in the folded name or code, so "an" also
   * matches inside "van": the student asked for comes first, and students
   * without "nguyen" are not listed. */
  nt_student_list_set_search (list, "nguyen van an");
  g_assert_true (list_has_name (list, "Nguyễn Văn An"));
  g_assert_false (list_has_name (list, "Trần Văn An"));
  g_assert_false (list_has_name (list, "Nguyễn Thị Ánh"));
  g_assert_false (list_has_name (list, "Lê Văn Anh"));
  {
    g_autoptr(NtStudent) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpstr (first->full_name, ==, "Nguyễn Văn An");
  }
  nt_student_list_set_search (list, "NGUYỄN   VĂN");
  assert_list (list, "Nguyễn Văn An, Nguyễn Văn Bình");
  nt_student_list_set_search (list, "dang");
  assert_list (list, "Đặng Thị Hoa");
  nt_student_list_set_search (list, "đức");
  assert_list (list, "Lò Văn Đức");
  nt_student_list_set_search (list, "hs104");
  assert_list (list, "Nguyễn Thị Ánh");
  /* Words in any order. */
  nt_student_list_set_search (list, "an tran");
  assert_list (list, "Trần Văn An");
  nt_student_list_set_search (list, "xyz");
  assert_list (list, "");
  nt_student_list_set_search (list, "  ");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, G_N_ELEMENTS (roster));
}

static void
test_list_filters (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(NtStudentList) list = NULL;
  g_autoptr(GError) error = NULL;

  fill_roster (f);
  list = nt_student_list_new (f->store);

  nt_student_list_set_class (list, f->class_7a1);
  assert_list (list, "Trần Văn An, Nguyễn Thị Ánh, Nguyễn Văn Bình");
  nt_student_list_set_gender (list, "F");
  assert_list (list, "Nguyễn Thị Ánh");
  nt_student_list_set_class (list, 0);
  assert_list (list, "Nguyễn Thị Ánh, Vàng Thị Dung, Đặng Thị Hoa");
  nt_student_list_set_boarding (list, "boarding");
  assert_list (list, "Nguyễn Thị Ánh, Vàng Thị Dung");
  nt_student_list_set_gender (list, NULL);
  assert_list (list, "Nguyễn Văn An, Nguyễn Thị Ánh, Vàng Thị Dung, Lò Văn Đức");
  nt_student_list_set_boarding (list, "semi");
  assert_list (list, "Trần Văn An");
  nt_student_list_set_boarding (list, "");

  /* Who left is hidden by default, shown by the "left" filter, both by
   * "all"; the list follows the change without a refresh. */
  g_assert_true (nt_students_mark_left (f->store, nt_students_find_by_code (f->store, "HS105"),
                                        "2025-10-01", "", &error));
  g_assert_no_error (error);
  assert_list (list, "Nguyễn Văn An, Trần Văn An, Lê Văn Anh, Nguyễn Thị Ánh, Nguyễn Văn Bình, "
                     "Vàng Thị Dung, Đặng Thị Hoa");
  nt_student_list_set_active (list, NT_STUDENT_FILTER_LEFT);
  assert_list (list, "Lò Văn Đức");
  nt_student_list_set_active (list, NT_STUDENT_FILTER_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, G_N_ELEMENTS (roster));
}

static void
test_list_sort (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(NtStudentList) list = NULL;
  guint n;

  fill_roster (f);
  list = nt_student_list_new (f->store);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (roster_by_name));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtStudent) s = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_cmpstr (s->full_name, ==, roster_by_name[i]);
    }

  nt_student_list_set_sort (list, NT_STUDENT_SORT_NAME, TRUE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtStudent) s = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_cmpstr (s->full_name, ==, roster_by_name[n - 1 - i]);
    }

  /* By class, then by name within a class. */
  nt_student_list_set_sort (list, NT_STUDENT_SORT_CLASS, FALSE);
  assert_list (list, "Nguyễn Văn An, Lê Văn Anh, Vàng Thị Dung, Lò Văn Đức, Đặng Thị Hoa, "
                     "Trần Văn An, Nguyễn Thị Ánh, Nguyễn Văn Bình");
  nt_student_list_set_sort (list, NT_STUDENT_SORT_CODE, TRUE);
  assert_list (list, "Lê Văn Anh, Vàng Thị Dung, Nguyễn Văn Bình, Lò Văn Đức, Nguyễn Thị Ánh, "
                     "Trần Văn An, Đặng Thị Hoa, Nguyễn Văn An");
}

/* ----- writing many ----------------------------------------------------- */

static char *
audit_value (Fixture    *f,
             gint64      id,
             const char *action,
             const char *path)
{
  sqlite3_stmt *stmt = nt_store_prepare (f->store,
                                         "SELECT json_extract (CASE WHEN ?3 LIKE 'old.%' THEN old_values "
                                         "ELSE new_values END, substr (?3, 5)) FROM audit_log "
                                         "WHERE table_name = 'students' AND row_id = ?1 AND action = ?2 "
                                         "ORDER BY id DESC LIMIT 1", NULL);
  char *value = NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, path, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

static void
test_batch (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(NtStudentsBatch) batch = NULL;
  g_autoptr(NtStudentList) list = NULL;
  g_autoptr(NtStudent) an = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  gint64 an_id, students, audit;
  guint failed = 0;

  fill_roster (f);
  an_id = nt_students_find_by_code (f->store, "HS101");
  an = nt_students_load (f->store, an_id, &error);
  g_assert_no_error (error);
  nt_student_set_text (an, "full-name", "Hoàng Văn Sử");
  audit = nt_store_count (f->store, "SELECT count(*) FROM audit_log");

  /* New students and an update, in one transaction, as an import writes. */
  g_assert_true (nt_store_begin (f->store, &error));
  batch = nt_students_batch_new (f->store, &error);
  g_assert_no_error (error);
  g_ptr_array_add (added, make_student (f, "HS201", "Giàng A Chứ", "M"));
  g_ptr_array_add (added, make_student (f, "HS202", "Lường Thị Mỷ", "F"));
  g_ptr_array_add (added, make_student (f, "HS203", "Tòng Văn Pằng", "M"));
  for (guint i = 0; i < added->len; i++)
    {
      g_assert_true (nt_students_batch_add (batch, g_ptr_array_index (added, i), &failed, &error));
      g_assert_no_error (error);
      if (i == 1)
        g_assert_true (nt_students_batch_add (batch, an, &failed, &error));
    }
  g_assert_true (nt_students_batch_flush (batch, &failed, &error));
  g_assert_no_error (error);
  g_assert_true (nt_store_commit (f->store, &error));
  g_assert_cmpint (count_students (f), ==, G_N_ELEMENTS (roster) + 3);

  /* Each new student has its id, its row and its audit row with the new
   * values; the update has the old and new values. */
  for (guint i = 0; i < added->len; i++)
    {
      NtStudent *s = g_ptr_array_index (added, i);
      g_autofree char *name = NULL;

      g_assert_cmpint (s->id, >, 0);
      g_assert_cmpint (nt_students_find_by_code (f->store, s->code), ==, s->id);
      name = audit_value (f, s->id, "insert", "new.$.full_name");
      g_assert_cmpstr (name, ==, s->full_name);
    }
  g_assert_cmpint (an->id, ==, an_id);
  {
    g_autofree char *old_name = audit_value (f, an_id, "update", "old.$.full_name");
    g_autofree char *new_name = audit_value (f, an_id, "update", "new.$.full_name");
    g_autoptr(NtStudent) stored = nt_students_load (f->store, an_id, &error);

    g_assert_cmpstr (old_name, ==, "Nguyễn Văn An");
    g_assert_cmpstr (new_name, ==, "Hoàng Văn Sử");
    g_assert_cmpstr (stored->full_name, ==, "Hoàng Văn Sử");
  }
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM audit_log"), ==, audit + 4);

  /* The new students' audit rows were written in bulk while the insert
   * triggers were suspended: the same fields as the trigger writes (for a
   * student saved one by one), and the triggers are back. */
  {
    sqlite3_stmt *stmt = nt_store_prepare (f->store,
                                           "SELECT (SELECT group_concat (key) FROM json_each (new_values)), "
                                           "staff_id IS (SELECT staff_id FROM app_session WHERE id = 1) "
                                           "FROM audit_log WHERE table_name = 'students' "
                                           "AND action = 'insert' AND row_id = ?1", NULL);
    g_autofree char *saved_keys = NULL;
    gint64 saved_id = nt_students_find_by_code (f->store, roster[0].code);

    g_assert_nonnull (stmt);
    sqlite3_bind_int64 (stmt, 1, saved_id);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    saved_keys = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_reset (stmt);
    g_assert_nonnull (strstr (saved_keys, "full_name"));
    for (guint i = 0; i < added->len; i++)
      {
        sqlite3_bind_int64 (stmt, 1, NT_STUDENT (g_ptr_array_index (added, i))->id);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, saved_keys);
        g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
        sqlite3_reset (stmt);
      }
  }
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                             "AND tbl_name = 'students'"), ==, 6);

  /* The search index follows: new names found, the old name gone. */
  g_assert_true (nt_store_exec (f->store, "INSERT INTO students_fts (students_fts) VALUES ('integrity-check')", &error));
  g_assert_no_error (error);
  list = nt_student_list_new (f->store);
  nt_student_list_set_search (list, "giang chu");
  assert_list (list, "Giàng A Chứ");
  nt_student_list_set_search (list, "hs203");
  assert_list (list, "Tòng Văn Pằng");
  nt_student_list_set_search (list, "hoang su");
  assert_list (list, "Hoàng Văn Sử");
  nt_student_list_set_search (list, "nguyen van an");
  g_assert_false (list_has_name (list, "Nguyễn Văn An"));
  g_clear_pointer (&batch, nt_students_batch_free);

  /* A row that cannot be written (a code already taken: not checked here)
   * is named by its place in the batch, and nothing is left behind. */
  students = count_students (f);
  audit = nt_store_count (f->store, "SELECT count(*) FROM audit_log");
  g_ptr_array_set_size (added, 0);
  g_ptr_array_add (added, make_student (f, "HS301", "Vi Văn Lực", "M"));
  g_ptr_array_add (added, make_student (f, "HS302", "Mùa Thị Mai", "F"));
  g_ptr_array_add (added, make_student (f, "HS102", "Sùng A Páo", "M"));
  g_assert_true (nt_store_begin (f->store, &error));
  batch = nt_students_batch_new (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < added->len; i++)
    {
      g_assert_true (nt_students_batch_add (batch, g_ptr_array_index (added, i), &failed, &error));
      g_assert_no_error (error);
    }
  g_assert_false (nt_students_batch_flush (batch, &failed, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_CONSTRAINT);
  g_assert_cmpuint (failed, ==, 2);
  nt_store_rollback (f->store);
  for (guint i = 0; i < added->len; i++)
    g_assert_cmpint (NT_STUDENT (g_ptr_array_index (added, i))->id, ==, 0);
  g_assert_cmpint (count_students (f), ==, students);
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM audit_log"), ==, audit);
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                             "AND tbl_name = 'students'"), ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/students/validation", test_validation);
  ADD ("/students/save", test_save_insert_update);
  ADD ("/students/mark-left", test_mark_left);
  ADD ("/students/delete-restore", test_delete_restore);
  ADD ("/students/list/search", test_list_search);
  ADD ("/students/list/filters", test_list_filters);
  ADD ("/students/list/sort", test_list_sort);
  ADD ("/students/batch", test_batch);
#undef ADD
  g_test_add_func ("/students/helpers", test_helpers);

  return g_test_run ();
}
