/* nt-import-columns.c */
#define G_LOG_DOMAIN "nt-import-columns"

#include <string.h>

#include "nt-i18n.h"
#include "nt-import-columns.h"
#include "nt-vntext.h"

/* How far down the header row may be (title rows, merged cells above it). */
#define HEADER_SEARCH_ROWS 30

static const NtImportField student_fields[] = {
  { "code", N_("Student code"), TRUE },
  { "full-name", N_("Full name"), TRUE },
  { "family-name", N_("Family and middle name"), FALSE },
  { "given-name", N_("Given name"), FALSE },
  { "gender", N_("Gender"), TRUE },
  { "female-mark", N_("Female (x)"), FALSE },
  { "birth-date", N_("Date of birth"), TRUE },
  { "class-name", N_("Class"), TRUE },
  { "ethnicity", N_("Ethnicity"), FALSE },
  { "personal-id", N_("Personal identification number"), FALSE },
  { "guardian-name", N_("Guardian's name"), FALSE },
  { "guardian-phone", N_("Guardian's phone"), FALSE },
  { "home-address", N_("Home address"), FALSE },
  { "home-commune", N_("Home commune"), FALSE },
  { "boarding", N_("Boarding status"), FALSE },
  { "priority", N_("Priority for a dorm place"), FALSE },
  { "health-notes", N_("Health notes"), FALSE },
};

static const NtImportField staff_fields[] = {
  { "code", N_("Staff code"), TRUE },
  { "full-name", N_("Full name"), TRUE },
  { "family-name", N_("Family and middle name"), FALSE },
  { "given-name", N_("Given name"), FALSE },
  { "gender", N_("Gender"), TRUE },
  { "female-mark", N_("Female (x)"), FALSE },
  { "role", N_("Role"), TRUE },
  { "phone", N_("Phone"), FALSE },
};

/* Folded header texts (see nt_vn_fold) → field. Exact matches win over
 * prefix matches. */
typedef struct
{
  const char *header;
  const char *field;
} Synonym;

static const Synonym student_synonyms[] = {
  { "ma hoc sinh", "code" }, { "ma hs", "code" }, { "ma", "code" }, { "student code", "code" },
  { "student id", "code" }, { "code", "code" }, { "ma so hoc sinh", "code" }, { "mshs", "code" },
  { "ho va ten", "full-name" }, { "ho ten", "full-name" }, { "ho va ten hoc sinh", "full-name" },
  { "ho ten hoc sinh", "full-name" }, { "ten hoc sinh", "full-name" }, { "full name", "full-name" },
  { "name", "full-name" }, { "student name", "full-name" },
  { "ho va ten dem", "family-name" }, { "ho dem", "family-name" }, { "ho va dem", "family-name" },
  { "ho", "family-name" }, { "family name", "family-name" }, { "last name", "family-name" },
  { "ten", "given-name" }, { "given name", "given-name" }, { "first name", "given-name" },
  { "gioi tinh", "gender" }, { "gender", "gender" }, { "sex", "gender" }, { "nam nu", "gender" },
  { "nu", "female-mark" }, { "female", "female-mark" },
  { "ngay sinh", "birth-date" }, { "ngay thang nam sinh", "birth-date" }, { "date of birth", "birth-date" },
  { "dob", "birth-date" }, { "birth date", "birth-date" }, { "birthday", "birth-date" },
  { "lop", "class-name" }, { "lop hoc", "class-name" }, { "class", "class-name" }, { "ten lop", "class-name" },
  { "dan toc", "ethnicity" }, { "ethnicity", "ethnicity" }, { "ethnic group", "ethnicity" },
  { "so dinh danh", "personal-id" }, { "so dinh danh ca nhan", "personal-id" }, { "ma dinh danh", "personal-id" },
  { "ma dinh danh ca nhan", "personal-id" }, { "cccd", "personal-id" }, { "so cccd", "personal-id" },
  { "can cuoc", "personal-id" }, { "can cuoc cong dan", "personal-id" }, { "personal id", "personal-id" },
  { "id number", "personal-id" },
  { "ho ten cha me", "guardian-name" }, { "ho ten phu huynh", "guardian-name" }, { "phu huynh", "guardian-name" },
  { "cha me", "guardian-name" }, { "ho ten cha", "guardian-name" }, { "ho ten me", "guardian-name" },
  { "nguoi giam ho", "guardian-name" }, { "guardian", "guardian-name" }, { "guardian name", "guardian-name" },
  { "parent", "guardian-name" }, { "parent name", "guardian-name" },
  { "so dien thoai", "guardian-phone" }, { "sdt", "guardian-phone" }, { "dien thoai", "guardian-phone" },
  { "so dien thoai phu huynh", "guardian-phone" }, { "sdt phu huynh", "guardian-phone" },
  { "dien thoai phu huynh", "guardian-phone" }, { "so dien thoai cha me", "guardian-phone" },
  { "phone", "guardian-phone" }, { "guardian phone", "guardian-phone" }, { "parent phone", "guardian-phone" },
  { "dia chi", "home-address" }, { "dia chi thuong tru", "home-address" }, { "noi thuong tru", "home-address" },
  { "ho khau thuong tru", "home-address" }, { "cho o hien nay", "home-address" }, { "address", "home-address" },
  { "home address", "home-address" },
  { "xa", "home-commune" }, { "xa phuong", "home-commune" }, { "phuong xa", "home-commune" },
  { "commune", "home-commune" },
  { "noi tru", "boarding" }, { "hinh thuc", "boarding" }, { "noi tru ban tru", "boarding" },
  { "ban tru noi tru", "boarding" }, { "boarding", "boarding" }, { "boarding status", "boarding" },
  { "dien uu tien", "priority" }, { "uu tien", "priority" }, { "doi tuong uu tien", "priority" },
  { "priority", "priority" },
  { "suc khoe", "health-notes" }, { "ghi chu suc khoe", "health-notes" }, { "tinh trang suc khoe", "health-notes" },
  { "health", "health-notes" }, { "health notes", "health-notes" },
};

static const Synonym staff_synonyms[] = {
  { "ma can bo", "code" }, { "ma cb", "code" }, { "ma gv", "code" }, { "ma giao vien", "code" },
  { "ma nhan vien", "code" }, { "ma", "code" }, { "staff code", "code" }, { "code", "code" },
  { "ho va ten", "full-name" }, { "ho ten", "full-name" }, { "full name", "full-name" }, { "name", "full-name" },
  { "ho va ten dem", "family-name" }, { "ho dem", "family-name" }, { "ho", "family-name" },
  { "ten", "given-name" },
  { "gioi tinh", "gender" }, { "gender", "gender" }, { "sex", "gender" },
  { "nu", "female-mark" },
  { "chuc vu", "role" }, { "vai tro", "role" }, { "nhiem vu", "role" }, { "chuc danh", "role" },
  { "role", "role" }, { "position", "role" },
  { "so dien thoai", "phone" }, { "sdt", "phone" }, { "dien thoai", "phone" }, { "phone", "phone" },
};

const NtImportField *
nt_import_fields (NtImportKind  kind,
                  guint        *n_fields)
{
  if (kind == NT_IMPORT_STAFF)
    {
      *n_fields = G_N_ELEMENTS (staff_fields);
      return staff_fields;
    }
  *n_fields = G_N_ELEMENTS (student_fields);
  return student_fields;
}

const NtImportField *
nt_import_field_find (NtImportKind  kind,
                      const char   *field)
{
  guint n;
  const NtImportField *fields = nt_import_fields (kind, &n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (fields[i].field, field) == 0)
      return &fields[i];
  return NULL;
}

/* Folds a header and keeps only letters, digits and single spaces:
 * "Họ và tên (*)" → "ho va ten", "Cha/Mẹ" → "cha me". */
static char *
normalize_header (const char *header)
{
  g_autofree char *folded = nt_vn_fold (header ? header : "");
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_c (out, *p);
          space = FALSE;
        }
      else if (*p == '(' )
        break;   /* "(dd/mm/yyyy)", "(*)": notes, not the name */
      else
        space = TRUE;
    }
  return g_string_free (out, FALSE);
}

/**
 * nt_import_match_header:
 *
 * Returns: (nullable): the field a header names, or %NULL
 */
const char *
nt_import_match_header (NtImportKind  kind,
                        const char   *header)
{
  g_autofree char *h = normalize_header (header);
  const Synonym *synonyms = kind == NT_IMPORT_STAFF ? staff_synonyms : student_synonyms;
  guint n = kind == NT_IMPORT_STAFF ? G_N_ELEMENTS (staff_synonyms) : G_N_ELEMENTS (student_synonyms);
  const char *prefix_match = NULL;
  gsize prefix_len = 0;

  if (h[0] == '\0')
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      gsize len = strlen (synonyms[i].header);

      if (strcmp (h, synonyms[i].header) == 0)
        return synonyms[i].field;
      /* "ngay sinh dd mm yyyy" starts with "ngay sinh"; the longest such
       * synonym wins, and only whole words count. */
      if (len > prefix_len && len >= 3 && g_str_has_prefix (h, synonyms[i].header) && h[len] == ' ')
        {
          prefix_match = synonyms[i].field;
          prefix_len = len;
        }
    }
  return prefix_match;
}

/**
 * nt_import_find_header_row:
 * @mapping: (out caller-allocates): filled with field → column
 *   (GUINT_TO_POINTER, 1-based) for the row found
 *
 * Returns: the header row (1-based): the row among the first rows that
 *   names the most fields; 0 when no row names at least two
 */
guint
nt_import_find_header_row (NtImportKind  kind,
                           NtTable      *table,
                           GHashTable   *mapping)
{
  guint best_row = 0, best_count = 1;
  guint rows = MIN (nt_table_get_n_rows (table), HEADER_SEARCH_ROWS);
  guint columns = nt_table_get_n_columns (table);

  for (guint r = 1; r <= rows; r++)
    {
      guint count = 0;
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint c = 1; c <= columns; c++)
        {
          const NtCell *cell = nt_table_get_cell (table, r, c);
          const char *field;

          if (cell->kind != NT_CELL_TEXT)
            continue;
          field = nt_import_match_header (kind, cell->text);
          if (field != NULL && !g_hash_table_contains (seen, field))
            {
              g_hash_table_add (seen, (gpointer) field);
              count++;
            }
        }
      if (count > best_count)
        {
          best_count = count;
          best_row = r;
        }
    }

  g_hash_table_remove_all (mapping);
  if (best_row == 0)
    return 0;

  /* The first column that names a field gets it; a merged header cell
   * repeats its text over the columns it covers. */
  for (guint c = 1; c <= columns; c++)
    {
      const NtCell *cell = nt_table_get_cell (table, best_row, c);
      const char *field = cell->kind == NT_CELL_TEXT ? nt_import_match_header (kind, cell->text) : NULL;

      if (field != NULL && !g_hash_table_contains (mapping, field))
        g_hash_table_insert (mapping, (gpointer) field, GUINT_TO_POINTER (c));
    }
  return best_row;
}
