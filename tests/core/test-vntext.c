/* test-vntext.c: Vietnamese name order, folding and search tokens */
#define G_LOG_DOMAIN "test-vntext"

#include "nt-store.h"
#include "nt-test-util.h"
#include "nt-vntext.h"

/* Full names in their Vietnamese order, worked out by hand: by given name
 * (the last word), then family name, then middle name; letters before tones;
 * a b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y with ă, â after a;
 * tones none, huyền, hỏi, ngã, sắc, nặng; a word that is the start of
 * another comes first (An before Anh), and so does a name with fewer words. */
static const char * const ordered_names[] = {
  "Cầm Văn An",          /* An: c < d < đ < l */
  "Dương Văn An",
  "Đào Văn An",          /* đ after d */
  "Đinh Văn An",         /* Đào < Đinh: a < i */
  "Lò Thị An",           /* same given and family: middle Thị < Văn */
  "Lò Văn An",
  "Lương Văn An",        /* Lò < Lương: o < ư */
  "Hà Văn Anh",          /* An < Anh: the shorter word first */
  "Hoàng Văn Anh",
  "Lê Ngọc Ánh",         /* Anh < Ánh: same letters, tone sắc after none */
  "Lê Thị Ánh",
  "Phạm Văn Ân",         /* Ánh < Ân: letters (a < â) before tones */
  "Trần Quốc Bảo",
  "Nguyễn Thị Bích",     /* Bích < Bình: c < n */
  "Vàng A Bình",
  "Đỗ Minh Châu",        /* Châu < Chi: â < i */
  "Lường Thị Chi",
  "Sùng A Chung",
  "Hoàng Mạnh Cường",    /* Ch... < Cư...: h < ư */
  "Lê Thị Dung",
  "Trần Văn Dũng",       /* Dung < Dũng: ngã after none */
  "Bùi Khánh Duy",       /* Dũng < Duy: n < y */
  "Lò Văn Dương",        /* Duy < Dương: u < ư */
  "Vũ Tiến Đạt",         /* every D before any Đ */
  "Nguyễn Minh Đức",
  "Lù Thị Giang",
  "Lê Thu Hà",           /* Hà < Hải < Hạnh: the shorter word first, i < n */
  "Phạm Văn Hải",
  "Lò Thị Hạnh",
  "Nguyễn Thị Hoa",      /* Hoa < Hòa: huyền after none, whatever the family */
  "Quàng Văn Hòa",
  "Tòng Thị Hoài",       /* Hoài < Hoàng: i < n */
  "Trần Hoàng",
  "Đỗ Thị Hồng",         /* Hoàng < Hồng: o < ô */
  "Giàng A Hùng",        /* Hồng < Hùng: ô < u */
  "Lý Văn Hưng",         /* Hùng < Hưng: u < ư */
  "Mùa Thị Hương",       /* Hưng < Hương: n < ơ */
  "Lê Văn Khánh",        /* Kh < Ki: h < i */
  "Đinh Trung Kiên",
  "Điêu Thị Lan",        /* Lan < Lâm: a < â */
  "Nguyễn Văn Lâm",
  "Ma Thị Linh",
  "Hà Thị Mai",
  "Lê Văn Minh",         /* Lê < Lý: ê < y */
  "Lý Văn Minh",
  "Nguyễn Minh",         /* no middle name: before Nguyễn Đức Minh */
  "Nguyễn Đức Minh",     /* middle Đức < Văn */
  "Nguyễn Văn Minh",
  "Võ Văn Minh",         /* Võ < Vũ: o < u */
  "Vũ Văn Minh",
  "Trần Thị My",         /* My < Mỹ: the given name's tone before the family */
  "Lê Thị Mỹ",
  "Lò Văn Nam",
  "Bạc Thị Nga",         /* Nam < Nga: a < g */
  "Cà Thị Ngà",          /* Nga < Ngà: huyền after none */
  "Hoàng Thị Ngân",      /* Ngà < Ngân: a < â */
  "Lê Thị Ngọc",         /* Ngân < Ngọc: â < o */
  "Hà Thị Nhung",        /* Ng < Nh: g < h */
  "Lò Thị Oanh",
  "Vàng A Páo",
  "Trần Thị Phương",
  "Đỗ Minh Quang",       /* Quang < Quân: a < â */
  "Lê Hồng Quân",
  "Lò Văn Sinh",
  "Hà Văn Sơn",
  "Nguyễn Thị Tâm",      /* Tâm < Thảo: â < h */
  "Lê Thị Thảo",
  "Đào Thị Thu",         /* Thu < Thủy < Thư */
  "Lò Thị Thủy",
  "Hoàng Anh Thư",
  "Hà Văn Tiến",         /* Th < Ti: h < i */
  "Lê Thu Trang",
  "Lò Thị Uyên",
  "Đào Thị Vân",
  "Hà Văn Xuân",
  "Nguyễn Thị Yến",
};

static void
check_order (GPtrArray *names)
{
  for (guint i = 0; i < names->len; i++)
    g_assert_cmpstr (g_ptr_array_index (names, i), ==, ordered_names[i]);
}

static int
compare_names_ptr (gconstpointer a,
                   gconstpointer b)
{
  return nt_vn_compare_names (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
shuffled_names (guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (ordered_names); i++)
    g_ptr_array_add (names, (gpointer) ordered_names[i]);
  for (guint i = names->len - 1; i > 0; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i + 1);
      gpointer t = names->pdata[i];

      names->pdata[i] = names->pdata[j];
      names->pdata[j] = t;
    }
  return names;
}

static void
test_sort_names (void)
{
  g_assert_cmpuint (G_N_ELEMENTS (ordered_names), >=, 40);

  for (guint32 seed = 1; seed <= 5; seed++)
    {
      g_autoptr(GPtrArray) names = shuffled_names (seed);

      g_ptr_array_sort (names, compare_names_ptr);
      check_order (names);
    }

  /* Every neighbour strictly before the next, both ways round. */
  for (guint i = 0; i + 1 < G_N_ELEMENTS (ordered_names); i++)
    {
      g_assert_cmpint (nt_vn_compare_names (ordered_names[i], ordered_names[i + 1]), <, 0);
      g_assert_cmpint (nt_vn_compare_names (ordered_names[i + 1], ordered_names[i]), >, 0);
    }
}

static void
test_alphabet_and_tones (void)
{
  /* The 29 letters in their order, each written as a one-word name. */
  static const char * const letters[] = {
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m",
    "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y",
  };
  static const char * const tones[] = { "ma", "mà", "mả", "mã", "má", "mạ" };
  static const char * const tones_a_breve[] = { "Ăn", "Ằn", "Ẳn", "Ẵn", "Ắn", "Ặn" };

  for (guint i = 0; i + 1 < G_N_ELEMENTS (letters); i++)
    g_assert_cmpint (nt_vn_compare_names (letters[i], letters[i + 1]), <, 0);
  for (guint i = 0; i + 1 < G_N_ELEMENTS (tones); i++)
    g_assert_cmpint (nt_vn_compare_names (tones[i], tones[i + 1]), <, 0);
  for (guint i = 0; i + 1 < G_N_ELEMENTS (tones_a_breve); i++)
    g_assert_cmpint (nt_vn_compare_names (tones_a_breve[i], tones_a_breve[i + 1]), <, 0);

  /* Letters count before tones: "mạ" (a) before "mă" (ă). */
  g_assert_cmpint (nt_vn_compare_names ("mạ", "mă"), <, 0);
  /* Case and spacing do not matter; decomposed text (as some Windows input
   * methods type it) sorts like the composed one. */
  g_assert_cmpint (nt_vn_compare_names ("ĐỖ THỊ HỒNG", "Đỗ Thị Hồng"), ==, 0);
  g_assert_cmpint (nt_vn_compare_names ("  Đỗ   Thị Hồng ", "Đỗ Thị Hồng"), ==, 0);
  g_assert_cmpint (nt_vn_compare_names ("Lê Thị \x41\xcc\x82n", "Lê Thị Ân"), ==, 0);   /* A + U+0302 */
  g_assert_cmpint (nt_vn_compare_names ("Lê Thị \x41\xcc\x86n", "Lê Thị Ăn"), ==, 0);   /* A + U+0306 */
  g_assert_cmpint (nt_vn_compare_names ("Lê Thị \x41\xcc\x82\xcc\x81n", "Lê Thị Ấn"), ==, 0);
  g_assert_cmpint (nt_vn_compare_names ("Phạm Văn \x41\xcc\x82n", "Lê Ngọc Ánh"), >, 0);
}

static void
test_sort_sqlite (void)
{
  g_autoptr(NtStore) store = nt_test_new_store ();
  sqlite3 *db = nt_store_get_db (store);
  g_autoptr(GPtrArray) names = shuffled_names (42);
  const char *queries[] = {
    "SELECT name FROM temp.names ORDER BY vi_name_key (name)",
    "SELECT name FROM temp.names ORDER BY name COLLATE VI_NAME",
    "SELECT name FROM temp.names ORDER BY vi_name_key (name) DESC",
  };
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_exec (db, "CREATE TEMP TABLE names (name TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO temp.names VALUES (?1)", -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < names->len; i++)
    {
      sqlite3_bind_text (stmt, 1, g_ptr_array_index (names, i), -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      guint n = 0;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          guint expected = q == 2 ? G_N_ELEMENTS (ordered_names) - 1 - n : n;

          g_assert_cmpuint (n, <, G_N_ELEMENTS (ordered_names));
          g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, ordered_names[expected]);
          n++;
        }
      sqlite3_finalize (stmt);
      g_assert_cmpuint (n, ==, G_N_ELEMENTS (ordered_names));
    }
}

static void
test_fold (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "Nguyễn Văn An", "nguyen van an" },
    { "Đặng", "dang" },
    { "ĐỖ THỊ HỒNG", "do thi hong" },
    { "  Lò \t Văn\n\nAn  ", "lo van an" },
    { "Ưng Hoàng Phúc", "ung hoang phuc" },
    { "Khơ-mú", "kho-mu" },
    { "HS00012", "hs00012" },
    { "Nguye\xcc\x82\xcc\x83n", "nguyen" },    /* decomposed marks */
    { "", "" },
    { "   ", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = nt_vn_fold (cases[i].in);
      g_assert_cmpstr (folded, ==, cases[i].out);
    }
}

static void
test_search_tokens (void)
{
  g_auto(GStrv) a = nt_vn_search_tokens ("  Nguyễn   văn AN ");
  g_auto(GStrv) b = nt_vn_search_tokens ("Đặng");
  g_auto(GStrv) c = nt_vn_search_tokens ("   ");
  g_auto(GStrv) d = nt_vn_search_tokens (NULL);
  const char * const expected_a[] = { "nguyen", "van", "an", NULL };
  const char * const expected_b[] = { "dang", NULL };

  g_assert_true (g_strv_equal ((const char * const *) a, expected_a));
  g_assert_true (g_strv_equal ((const char * const *) b, expected_b));
  g_assert_nonnull (c);
  g_assert_cmpuint (g_strv_length (c), ==, 0);
  g_assert_nonnull (d);
  g_assert_cmpuint (g_strv_length (d), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);

  g_test_add_func ("/vntext/sort-names", test_sort_names);
  g_test_add_func ("/vntext/alphabet-and-tones", test_alphabet_and_tones);
  g_test_add_func ("/vntext/sort-sqlite", test_sort_sqlite);
  g_test_add_func ("/vntext/fold", test_fold);
  g_test_add_func ("/vntext/search-tokens", test_search_tokens);

  return g_test_run ();
}
