/* nt-vntext.c: Vietnamese collation and diacritic folding */
#define G_LOG_DOMAIN "nt-vntext"

#include <string.h>

#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-vntext.h"

/* Combining marks that make a different letter (not a tone). */
#define MARK_BREVE      0x0306
#define MARK_CIRCUMFLEX 0x0302
#define MARK_HORN       0x031B

/* Key bytes: 0x01 separates words, 0x02 separates a word's letters from its
 * tone, so that a shorter word sorts before a longer one that starts alike
 * ("An" before "Anh") and the letters of a word count before its tone. */
#define KEY_WORD_SEP  0x01
#define KEY_TONE_SEP  0x02
#define KEY_TONE_BASE 0x03
#define KEY_DIGIT     0x10
#define KEY_LETTER    0x20
#define KEY_OTHER     0x70

/* ----- letters and tones ------------------------------------------------ */

static int
tone_of_mark (gunichar mark)
{
  switch (mark)
    {
    case 0x0300: return 1; /* huyền */
    case 0x0309: return 2; /* hỏi */
    case 0x0303: return 3; /* ngã */
    case 0x0301: return 4; /* sắc */
    case 0x0323: return 5; /* nặng */
    default:     return 0;
    }
}

/* The rank of a base letter with its letter-making mark, in the Vietnamese
 * alphabet (with f, j, w, z placed as in Latin for foreign names), or -1. */
static int
letter_rank (gunichar base,
             gunichar mark)
{
  static const char order[] = "a..bcd.e.fghijklmno..pqrstu.vwxyz";
  const char *p;

  if (base == 0x0111) /* đ */
    return 6;
  if (base < 'a' || base > 'z')
    return -1;

  p = strchr (order, (int) base);
  g_assert (p != NULL);

  switch ((int) base)
    {
    case 'a':
      if (mark == MARK_BREVE) return 1;
      if (mark == MARK_CIRCUMFLEX) return 2;
      return 0;
    case 'e':
      return mark == MARK_CIRCUMFLEX ? 8 : 7;
    case 'o':
      if (mark == MARK_CIRCUMFLEX) return 19;
      if (mark == MARK_HORN) return 20;
      return 18;
    case 'u':
      return mark == MARK_HORN ? 27 : 26;
    default:
      return (int) (p - order);
    }
}

typedef struct
{
  gunichar base;   /* lower case, without marks; 0 when not a letter or digit */
  gunichar mark;   /* breve, circumflex or horn, or 0 */
  int      tone;   /* 0..5 */
} VnChar;

/* Splits one character into its base letter, letter-making mark and tone. */
static VnChar
vn_char_decompose (gunichar c)
{
  VnChar out = { 0, 0, 0 };
  gunichar decomposed[8];
  gsize n, i;

  c = g_unichar_tolower (c);
  if (c == 0x0111)
    {
      out.base = c;
      return out;
    }

  n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  if (n == 0)
    return out;

  out.base = decomposed[0];
  for (i = 1; i < n; i++)
    {
      gunichar m = decomposed[i];

      if (m == MARK_BREVE || m == MARK_CIRCUMFLEX || m == MARK_HORN)
        out.mark = m;
      else if (tone_of_mark (m) != 0)
        out.tone = tone_of_mark (m);
    }

  return out;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* ----- folding ---------------------------------------------------------- */

/**
 * nt_vn_fold:
 * @text: UTF-8 text
 *
 * Lower-cases @text, drops every diacritic (đ becomes d) and folds runs of
 * white space into one space, trimmed.
 *
 * Returns: (transfer full): the folded text
 */
char *
nt_vn_fold (const char *text)
{
  GString *out;
  gboolean space = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      VnChar vc;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (g_unichar_ismark (c))
        continue;
      if (space)
        {
          g_string_append_c (out, ' ');
          space = FALSE;
        }

      vc = vn_char_decompose (c);
      if (vc.base == 0x0111)
        g_string_append_c (out, 'd');
      else if (vc.base != 0)
        g_string_append_unichar (out, vc.base);
      else
        g_string_append_unichar (out, g_unichar_tolower (c));
    }

  return g_string_free (out, FALSE);
}

/**
 * nt_vn_search_tokens:
 * @query: what a person typed
 *
 * Returns: (transfer full): the folded words of @query, each to be found
 *   somewhere in the folded text; an empty vector when @query is blank
 */
char **
nt_vn_search_tokens (const char *query)
{
  g_autofree char *folded = nt_vn_fold (query ? query : "");
  g_auto(GStrv) parts = g_strsplit (folded, " ", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i]; i++)
    if (parts[i][0] != '\0')
      g_strv_builder_add (builder, parts[i]);

  return g_strv_builder_end (builder);
}

/**
 * nt_vn_fts_prefix_query:
 * @query: what a person typed
 *
 * Returns: (transfer full): an FTS5 query in which each typed word must
 *   start a word of the indexed text ("an" finds "An" and "Anh", not
 *   "Văn"); words are quoted, so nothing typed is FTS syntax. Empty when
 *   @query is blank.
 */
char *
nt_vn_fts_prefix_query (const char *query)
{
  g_auto(GStrv) tokens = nt_vn_search_tokens (query);
  GString *q = g_string_new (NULL);

  for (guint i = 0; tokens[i]; i++)
    {
      g_auto(GStrv) parts = g_strsplit (tokens[i], "\"", -1);
      g_autofree char *escaped = g_strjoinv ("\"\"", parts);

      g_string_append_printf (q, "%s\"%s\"*", i > 0 ? " " : "", escaped);
    }
  return g_string_free (q, FALSE);
}

/* ----- name keys -------------------------------------------------------- */

static void
append_word_key (GByteArray *key,
                 const char *word,
                 gsize       len)
{
  int tone = 0;
  const char *end = word + len;

  for (const char *p = word; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      VnChar vc;
      guint8 b;

      if (g_unichar_ismark (c))
        {
          if (tone == 0)
            tone = tone_of_mark (c);
          continue;
        }

      vc = vn_char_decompose (c);
      if (tone == 0)
        tone = vc.tone;

      if (vc.base >= '0' && vc.base <= '9')
        {
          b = KEY_DIGIT + (vc.base - '0');
          g_byte_array_append (key, &b, 1);
        }
      else if (letter_rank (vc.base, vc.mark) >= 0)
        {
          b = KEY_LETTER + letter_rank (vc.base, vc.mark);
          g_byte_array_append (key, &b, 1);
        }
      else if (vc.base != 0)
        {
          char buf[6];
          int n = g_unichar_to_utf8 (vc.base, buf);

          b = KEY_OTHER;
          g_byte_array_append (key, &b, 1);
          g_byte_array_append (key, (const guint8 *) buf, n);
        }
    }

  {
    guint8 t[2] = { KEY_TONE_SEP, KEY_TONE_BASE + tone };
    g_byte_array_append (key, t, 2);
  }
}

/**
 * nt_vn_name_key:
 * @full_name: a person's full name as written ("Nguyễn Thị Ánh")
 *
 * Returns: (transfer full): a key whose byte order (memcmp) is the
 *   Vietnamese order of names: given name, then family and middle names
 */
GBytes *
nt_vn_name_key (const char *full_name)
{
  g_autoptr(GByteArray) key = g_byte_array_new ();
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) lens = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autofree char *composed = NULL;
  const char *p;

  g_return_val_if_fail (full_name != NULL, NULL);
  if (!g_utf8_validate (full_name, -1, NULL))
    return g_bytes_new ("", 0);

  /* Some input methods type "â" as "a" and a combining circumflex; the key
   * reads letters from composed characters, so compose first. */
  composed = g_utf8_normalize (full_name, -1, G_NORMALIZE_NFC);
  full_name = composed;

  p = full_name;
  while (*p)
    {
      const char *w;

      while (*p && !is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (!*p)
        break;
      w = p;
      while (*p && (is_word_char (g_utf8_get_char (p)) || *p == '\''))
        p = g_utf8_next_char (p);
      {
        gsize start = w - full_name, len = p - w;
        g_array_append_val (starts, start);
        g_array_append_val (lens, len);
      }
    }

  if (starts->len > 0)
    {
      guint last = starts->len - 1;

      append_word_key (key, full_name + g_array_index (starts, gsize, last),
                       g_array_index (lens, gsize, last));
      for (guint i = 0; i < last; i++)
        {
          guint8 sep = KEY_WORD_SEP;

          g_byte_array_append (key, &sep, 1);
          append_word_key (key, full_name + g_array_index (starts, gsize, i),
                           g_array_index (lens, gsize, i));
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&key));
}

int
nt_vn_compare_names (const char *a,
                     const char *b)
{
  g_autoptr(GBytes) ka = nt_vn_name_key (a);
  g_autoptr(GBytes) kb = nt_vn_name_key (b);
  int r = g_bytes_compare (ka, kb);

  return r < 0 ? -1 : r > 0 ? 1 : 0;
}

/* ----- SQLite ----------------------------------------------------------- */

static int
collate_vi_name (void       *user_data,
                 int         len_a,
                 const void *a,
                 int         len_b,
                 const void *b)
{
  g_autofree char *sa = g_strndup (a, len_a);
  g_autofree char *sb = g_strndup (b, len_b);

  return nt_vn_compare_names (sa, sb);
}

static void
sql_vi_fold (sqlite3_context *ctx,
             int              argc,
             sqlite3_value  **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  if (text == NULL)
    {
      sqlite3_result_null (ctx);
      return;
    }
  sqlite3_result_text (ctx, nt_vn_fold (text), -1, g_free);
}

static void
sql_vi_name_key (sqlite3_context *ctx,
                 int              argc,
                 sqlite3_value  **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  g_autoptr(GBytes) key = NULL;
  gsize len;
  const void *data;

  if (text == NULL)
    {
      sqlite3_result_null (ctx);
      return;
    }
  key = nt_vn_name_key (text);
  data = g_bytes_get_data (key, &len);
  sqlite3_result_blob (ctx, data, (int) len, SQLITE_TRANSIENT);
}

/**
 * nt_vn_register_sqlite:
 *
 * Registers the collation VI_NAME and the functions vi_fold() and
 * vi_name_key() on @db.
 */
gboolean
nt_vn_register_sqlite (sqlite3  *db,
                       GError  **error)
{
  int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;

  g_return_val_if_fail (db != NULL, FALSE);

  if (sqlite3_create_collation (db, "VI_NAME", SQLITE_UTF8, NULL, collate_vi_name) != SQLITE_OK ||
      sqlite3_create_function (db, "vi_fold", 1, flags, NULL, sql_vi_fold, NULL, NULL) != SQLITE_OK ||
      sqlite3_create_function (db, "vi_name_key", 1, flags, NULL, sql_vi_name_key, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_FAILED,
                   _("Could not register the Vietnamese text functions with SQLite: %s"), sqlite3_errmsg (db));
      return FALSE;
    }

  return TRUE;
}
