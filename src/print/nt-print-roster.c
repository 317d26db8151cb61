/* nt-print-roster.c
 *
 * The roster as the principal signs it and pins it up: the school header,
 * the title and period, a warning line when the period has gaps, then one
 * table per week (posts and shifts down, days across, the names in the
 * cells), the phone list of everyone on it, and the principal's signature.
 * A month is printed week by week: seven columns stay readable on A4
 * landscape, thirty-one would not.
 */
#define G_LOG_DOMAIN "nt-print-roster"


#include "nt-error.h"
#include "nt-date.h"
#include "nt-i18n.h"
#include "nt-print-commitments.h"
#include "nt-print-roster.h"
#include "nt-roster.h"
#include "nt-school.h"
#include "nt-vntext.h"

#define DAYS_PER_TABLE 7

static const char *weekday_names[] = {
  NULL, N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
};

/* The rows of a week: a (post, shift) each, in the grid's order. */
typedef struct
{
  gint64  post_id;
  gint64  shift_id;
  char   *label;
  char   *cells[DAYS_PER_TABLE];
} RosterRow;

static void
roster_row_free (gpointer data)
{
  RosterRow *r = data;

  g_free (r->label);
  for (guint i = 0; i < DAYS_PER_TABLE; i++)
    g_free (r->cells[i]);
  g_free (r);
}

static RosterRow *
find_row (GPtrArray    *rows,
          NtRosterCell *cell)
{
  RosterRow *r;

  for (guint i = 0; i < rows->len; i++)
    {
      r = g_ptr_array_index (rows, i);
      if (r->post_id == cell->post_id && r->shift_id == cell->shift_id)
        return r;
    }
  r = g_new0 (RosterRow, 1);
  r->post_id = cell->post_id;
  r->shift_id = cell->shift_id;
  r->label = g_strdup_printf ("%s\n%s %s–%s", cell->post_name, cell->shift_name, cell->start_time, cell->end_time);
  g_ptr_array_add (rows, r);
  return r;
}

static char *
cell_text (NtRosterCell *cell)
{
  int missing = cell->needed - (int) cell->staff_ids->len;
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) names = cell->staff_names && cell->staff_names[0] ? g_strsplit (cell->staff_names, ", ", -1) : NULL;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", names[i]);
  if (missing > 0)
    /* TRANSLATORS: a printed roster cell short of people: "(thiếu 1)" */
    g_string_append_printf (text, _("%s(%d missing)"), text->len > 0 ? "\n" : "", missing);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_week (NtPrintDoc *doc,
          GListModel *cells,
          GDate      *first,
          int         n_days,
          double      width)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (roster_row_free);
  const char *head[DAYS_PER_TABLE + 1];
  g_autofree char *day_labels[DAYS_PER_TABLE] = { 0 };
  double widths[DAYS_PER_TABLE + 1];
  /* Shares of the width, as nt_print_doc_add_table_row() takes them. */
  double label_width = MIN (0.16, NT_PRINT_MM (42) / width);

  widths[0] = label_width;
  head[0] = _("Post · shift");
  for (int d = 0; d < n_days; d++)
    {
      GDate day = *first;

      g_date_add_days (&day, d);
      day_labels[d] = g_strdup_printf ("%s %02u/%02u", _(weekday_names[g_date_get_weekday (&day)]),
                                       g_date_get_day (&day), g_date_get_month (&day));
      head[d + 1] = day_labels[d];
      widths[d + 1] = (1.0 - label_width) / n_days;
    }

  for (guint i = 0; i < g_list_model_get_n_items (cells); i++)
    {
      g_autoptr(NtRosterCell) cell = g_list_model_get_item (cells, i);
      GDate *date = g_date_new ();
      int column;

      g_date_set_parse (date, cell->date);
      column = g_date_days_between (first, date);
      g_date_free (date);
      if (column >= 0 && column < n_days)
        {
          RosterRow *r = find_row (rows, cell);
          r->cells[column] = cell_text (cell);
        }
    }

  nt_print_doc_add_table_row (doc, head, widths, n_days + 1, NT_PRINT_BOLD | NT_PRINT_BORDER | NT_PRINT_SMALL);
  for (guint i = 0; i < rows->len; i++)
    {
      RosterRow *r = g_ptr_array_index (rows, i);
      const char *line[DAYS_PER_TABLE + 1];

      line[0] = r->label;
      for (int d = 0; d < n_days; d++)
        line[d + 1] = r->cells[d] != NULL ? r->cells[d] : "";
      nt_print_doc_add_table_row (doc, line, widths, n_days + 1, NT_PRINT_BORDER | NT_PRINT_SMALL);
    }
  nt_print_doc_add_space (doc, 8);
}

static int
compare_people (gconstpointer a,
                gconstpointer b)
{
  const NtDuty *x = *(NtDuty * const *) a;
  const NtDuty *y = *(NtDuty * const *) b;

  return nt_vn_compare_names (x->staff_name, y->staff_name);
}

/* Everyone on the roster of the period with their phone, in name order. */
static void
add_phones (NtPrintDoc *doc,
            NtStore    *store,
            const char *from_date,
            const char *to_date)
{
  g_autoptr(GListStore) duties = nt_roster_duties (store, from_date, to_date, 0, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  /* Two people a line: the list of a month's staff stays under half a page. */
  double widths[] = { 0.05, 0.27, 0.18, 0.05, 0.27, 0.18 };
  const char *head[] = { _("No."), _("Full name"), _("Phone"), _("No."), _("Full name"), _("Phone") };
  guint half;

  for (guint i = 0; duties != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (duties)); i++)
    {
      NtDuty *d = g_list_model_get_item (G_LIST_MODEL (duties), i);

      if (g_hash_table_contains (seen, &d->staff_id))
        {
          g_object_unref (d);
          continue;
        }
      g_hash_table_add (seen, &d->staff_id);
      g_ptr_array_add (people, d);
    }
  if (people->len == 0)
    return;

  nt_print_doc_add_paragraph (doc, _("Phone numbers of the staff on duty"), NT_PRINT_BOLD, NT_PRINT_ALIGN_LEFT);
  nt_print_doc_add_table_row (doc, head, widths, 6, NT_PRINT_BOLD | NT_PRINT_BORDER | NT_PRINT_SMALL);
  /* The duties come by date; the list reads better by name, down the left
   * half and then the right. */
  g_ptr_array_sort (people, compare_people);
  half = (people->len + 1) / 2;
  for (guint i = 0; i < half; i++)
    {
      NtDuty *a = g_ptr_array_index (people, i);
      NtDuty *b = i + half < people->len ? g_ptr_array_index (people, i + half) : NULL;
      g_autofree char *na = g_strdup_printf ("%u", i + 1);
      g_autofree char *nb = b != NULL ? g_strdup_printf ("%u", i + half + 1) : g_strdup ("");
      const char *line[] = { na, a->staff_name, a->staff_phone ? a->staff_phone : "",
                             nb, b ? b->staff_name : "", b && b->staff_phone ? b->staff_phone : "" };

      nt_print_doc_add_table_row (doc, line, widths, 6, NT_PRINT_BORDER | NT_PRINT_SMALL);
    }
}

/**
 * nt_print_roster_build:
 * @from_date: the first day (ISO)
 * @to_date: the last day (ISO)
 * @n_problems: (out) (optional): the gaps and conflicts of the period, which
 *   the document also states above the tables
 *
 * Returns: (transfer full): the roster on pages of the size given (points),
 *   or %NULL with @error set
 */
NtPrintDoc *
nt_print_roster_build (NtStore     *store,
                       const char  *from_date,
                       const char  *to_date,
                       double       page_width,
                       double       page_height,
                       guint       *n_problems,
                       GError     **error)
{
  g_autoptr(NtSchoolInfo) school = nt_school_get (store);
  g_autoptr(GListStore) cells = NULL;
  g_autoptr(GListStore) problems = NULL;
  g_autofree char *place = NULL;
  g_autofree char *from = nt_date_iso_to_display (from_date);
  g_autofree char *to = nt_date_iso_to_display (to_date);
  g_autofree char *period = NULL;
  g_autofree char *principal_name = NULL;
  g_autoptr(NtPrintDoc) doc = NULL;
  NtPrintHeader header = { 0 };
  NtPrintSignature signatures[2] = { { 0 } };
  GDate first, last;
  double x, y, width, height;
  guint n;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_parse (&first, from_date);
  g_date_set_parse (&last, to_date);
  if (!g_date_valid (&first) || !g_date_valid (&last) || g_date_compare (&first, &last) > 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("The period of the roster is not a valid range of dates."));
      return NULL;
    }
  cells = nt_roster_grid (store, from_date, to_date, error);
  if (cells == NULL)
    return NULL;
  problems = nt_roster_coverage (store, from_date, to_date, 0, error);
  if (problems == NULL)
    return NULL;
  n = g_list_model_get_n_items (G_LIST_MODEL (problems));
  if (n_problems != NULL)
    *n_problems = n;

  doc = nt_print_doc_new (page_width, page_height);
  nt_print_doc_set_margins (doc, NT_PRINT_MM (12), NT_PRINT_MM (12), NT_PRINT_MM (12), NT_PRINT_MM (15));
  nt_print_doc_set_font (doc, NULL, 10);
  nt_print_doc_get_content_area (doc, &x, &y, &width, &height);

  place = nt_commitment_forms_place (school ? school->address : NULL);
  header.authority = school ? school->authority : NULL;
  header.organisation = school ? school->name : "";
  header.place = place;
  nt_print_doc_begin_page (doc);
  nt_print_doc_add_header (doc, &header);
  /* TRANSLATORS: the period under the printed roster's title: "Từ ngày 23/11/2026 đến ngày 29/11/2026" */
  period = g_strdup_printf (_("From %s to %s"), from, to);
  /* TRANSLATORS: the title of the printed roster, upper case: LỊCH TRỰC 24/24 */
  nt_print_doc_add_title (doc, _("DUTY ROSTER 24/24"), period);

  if (n > 0)
    {
      g_autofree char *warning =
        /* TRANSLATORS: above a printed roster that has gaps */
        g_strdup_printf (ngettext ("Attention: this roster has %u gap or conflict not yet resolved (see the Duty roster section).",
                                   "Attention: this roster has %u gaps or conflicts not yet resolved (see the Duty roster section).",
                                   n), n);
      nt_print_doc_add_paragraph (doc, warning, NT_PRINT_BOLD, NT_PRINT_ALIGN_LEFT);
    }

  for (GDate week = first; g_date_compare (&week, &last) <= 0; g_date_add_days (&week, DAYS_PER_TABLE))
    {
      int n_days = MIN (DAYS_PER_TABLE, g_date_days_between (&week, &last) + 1);
      add_week (doc, G_LIST_MODEL (cells), &week, n_days, width);
    }

  add_phones (doc, store, from_date, to_date);

  principal_name = school && school->principal ? g_strdup (school->principal) : NULL;
  signatures[0].title = _("PREPARED BY");
  signatures[0].note = _("(Signature, full name)");
  /* TRANSLATORS: the principal's signature block, upper case: HIỆU TRƯỞNG */
  signatures[1].title = _("PRINCIPAL");
  signatures[1].note = _("(Signature, full name, seal)");
  signatures[1].name = principal_name;
  nt_print_doc_add_signatures (doc, signatures, 2, NT_PRINT_MM (22));
  return g_steal_pointer (&doc);
}
