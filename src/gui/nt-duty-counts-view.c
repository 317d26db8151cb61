/* nt-duty-counts-view.c
 *
 * The fairness table beside the roster: for each person who stood a duty
 * or could have, the shifts, nights, weekend shifts and hours of the
 * period shown, and above it the spread of nights (the most less the
 * least), which the generator keeps to one when it can.
 */
#define G_LOG_DOMAIN "nt-duty-counts-view"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-date.h"
#include "nt-duty-counts-view.h"
#include "nt-roster.h"
#include "nt-staff.h"

struct _NtDutyCountsView
{
  AdwBin    parent_instance;

  GtkLabel *summary;
  GtkGrid  *grid;
  int       spread;
};

G_DEFINE_FINAL_TYPE (NtDutyCountsView, nt_duty_counts_view, ADW_TYPE_BIN)

static void
cell (GtkGrid    *grid,
      const char *text,
      int         column,
      int         row,
      gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column <= 1 ? 0 : 1);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

static void
number (GtkGrid *grid,
        int      value,
        int      column,
        int      row)
{
  g_autofree char *text = g_strdup_printf ("%d", value);
  cell (grid, text, column, row, FALSE);
}

/**
 * nt_duty_counts_view_show:
 *
 * Counts the duties of the period (nt_roster_duty_counts()).
 */
void
nt_duty_counts_view_show (NtDutyCountsView *self,
                          NtStore          *store,
                          const char       *from_date,
                          const char       *to_date)
{
  g_autoptr(GListStore) counts = nt_roster_duty_counts (store, from_date, to_date, NULL);
  guint n = counts != NULL ? g_list_model_get_n_items (G_LIST_MODEL (counts)) : 0;
  const char *headings[] = { _("Full name"), _("Role"), _("Shifts"), _("Nights"), _("Weekends, holidays"), _("Hours") };
  int least = G_MAXINT, most = 0;
  GtkWidget *child;
  int row = 1;

  g_return_if_fail (NT_IS_DUTY_COUNTS_VIEW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    cell (self->grid, headings[c], c, 0, TRUE);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtDutyCount) dc = g_list_model_get_item (G_LIST_MODEL (counts), i);

      cell (self->grid, dc->staff_name, 0, row, FALSE);
      cell (self->grid, nt_staff_role_label (dc->role), 1, row, FALSE);
      number (self->grid, dc->shifts, 2, row);
      number (self->grid, dc->nights, 3, row);
      number (self->grid, dc->weekends, 4, row);
      number (self->grid, (dc->minutes + 30) / 60, 5, row);
      row++;
      /* The spread is of the people who stood nights at all: a nurse of
       * the day-only infirmary is not short of nights. */
      if (dc->nights > 0)
        {
          least = MIN (least, dc->nights);
          most = MAX (most, dc->nights);
        }
    }

  self->spread = most > 0 ? most - least : 0;
  {
    g_autofree char *from = nt_date_iso_to_display (from_date);
    g_autofree char *to = nt_date_iso_to_display (to_date);
    g_autofree char *period = g_strdup_printf (_("From %s to %s"), from, to);
    /* TRANSLATORS: above the duty counts */
    g_autofree char *spread = most == 0 ? g_strdup (_("Nobody stands a night in this period."))
                                        : g_strdup_printf (_("Nights per person who stands nights: from %d to %d (a spread of %d)."),
                                                           least, most, self->spread);
    g_autofree char *text = g_strdup_printf ("%s. %s", period, spread);

    gtk_label_set_text (self->summary, text);
  }
}

int
nt_duty_counts_view_get_spread (NtDutyCountsView *self)
{
  g_return_val_if_fail (NT_IS_DUTY_COUNTS_VIEW (self), 0);
  return self->spread;
}

static void
nt_duty_counts_view_class_init (NtDutyCountsViewClass *klass)
{
}

static void
nt_duty_counts_view_init (NtDutyCountsView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_wrap (self->summary, TRUE);
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->grid, 24);
  gtk_grid_set_row_spacing (self->grid, 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->grid));
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_bin_set_child (ADW_BIN (self), scroller);
}
