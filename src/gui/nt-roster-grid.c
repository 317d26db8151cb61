/* nt-roster-grid.c
 *
 * The roster as people read it on the wall: one row per post and shift,
 * one column per day, the names in each cell. The row headers sit in a
 * column of their own that scrolls up and down with the grid but stays put
 * when a month is scrolled sideways. A cell short of people is red, the
 * cells of the people on duty now are marked, and a cell is a button that
 * the page opens to edit.
 */
#define G_LOG_DOMAIN "nt-roster-grid"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "nt-date.h"
#include "nt-roster-grid.h"

struct _NtRosterGrid
{
  AdwBin      parent_instance;

  GtkGrid    *headers;     /* the post and shift of each row */
  GtkGrid    *grid;        /* the days and the cells */
  GHashTable *buttons;     /* "post/shift/date" → GtkButton (owned by the grid) */
};

/* Both grids' rows are this tall, whatever a cell holds (its label is cut
 * at three lines), so the headers stay level with their cells. */
#define ROW_HEIGHT 64
#define DAY_HEIGHT 40

G_DEFINE_FINAL_TYPE (NtRosterGrid, nt_roster_grid_widget, ADW_TYPE_BIN)

enum { CELL_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
cell_key (gint64      post_id,
          gint64      shift_id,
          const char *date)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%s", post_id, shift_id, date);
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/* "Thứ 2\n23/11": the weekday names of a Vietnamese calendar. */
static char *
day_heading (GDateTime *day,
             gboolean   compact)
{
  static const char *weekdays[] = {
    NULL, N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
  };
  int wd = g_date_time_get_day_of_week (day);

  if (compact)
    return g_strdup_printf ("%s\n%02d", _(weekdays[wd]), g_date_time_get_day_of_month (day));
  return g_strdup_printf ("%s\n%02d/%02d", _(weekdays[wd]), g_date_time_get_day_of_month (day),
                          g_date_time_get_month (day));
}

/* A month's narrow cells show the short names of nt_roster_short_names():
 * the given name, which is what people call each other by, with an
 * initial where two people shown share it ("M. Thủy", "Q. Thủy"). */
static GHashTable *
short_names (GListModel *cells)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (cells);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtRosterCell) cell = g_list_model_get_item (cells, i);
      char **split;

      if (cell->staff_names == NULL || cell->staff_names[0] == '\0')
        continue;
      split = g_strsplit (cell->staff_names, ", ", -1);
      g_ptr_array_add (all, split);
      for (guint j = 0; split[j] != NULL; j++)
        g_ptr_array_add (names, split[j]);
    }
  return nt_roster_short_names ((const char * const *) names->pdata, names->len);
}

/* @shorts: the short names of a month, NULL for a week's full names */
static char *
cell_text (NtRosterCell *cell,
           GHashTable   *shorts)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) names = NULL;
  gboolean compact = shorts != NULL;
  int missing;

  if (cell->staff_names != NULL && cell->staff_names[0] != '\0')
    names = g_strsplit (cell->staff_names, ", ", -1);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      const char *name = compact ? g_hash_table_lookup (shorts, names[i]) : NULL;

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, name != NULL ? name : names[i]);
    }
  missing = cell->needed - (int) cell->staff_ids->len;
  if (missing > 0)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (compact)
        g_string_append_printf (text, "−%d", missing);
      else
        /* TRANSLATORS: a roster cell with too few people: "Thiếu 1 người" */
        g_string_append_printf (text, ngettext ("%d person missing", "%d people missing", missing), missing);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
on_cell_clicked (GtkButton    *button,
                 NtRosterGrid *self)
{
  NtRosterCell *cell = g_object_get_data (G_OBJECT (button), "cell");

  g_signal_emit (self, signals[CELL_ACTIVATED], 0, cell, button);
}

static GtkWidget *
cell_button (NtRosterGrid *self,
             NtRosterCell *cell,
             gboolean      now,
             GHashTable   *shorts)
{
  gboolean compact = shorts != NULL;
  g_autofree char *text = cell_text (cell, shorts);
  g_autofree char *date = nt_date_iso_to_display (cell->date);
  g_autofree char *tooltip = NULL;
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_set_size_request (button, compact ? 64 : 88, ROW_HEIGHT);
  gtk_widget_add_css_class (button, "nt-duty-cell");
  if (compact)
    gtk_widget_add_css_class (button, "nt-duty-compact");
  if ((int) cell->staff_ids->len < cell->needed)
    gtk_widget_add_css_class (button, "nt-duty-gap");
  if (now)
    gtk_widget_add_css_class (button, "nt-duty-now");
  if (cell->locked)
    gtk_widget_add_css_class (button, "nt-duty-locked");

  /* TRANSLATORS: tooltip of a roster cell: post, shift and its hours, date, names */
  tooltip = g_strdup_printf (_("%s · %s %s–%s · %s\n%s%s"), cell->post_name, cell->shift_name,
                             cell->start_time, cell->end_time, date,
                             cell->staff_names != NULL && cell->staff_names[0] ? cell->staff_names : _("Nobody yet"),
                             now ? _("\nOn duty now") : "");
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data_full (G_OBJECT (button), "cell", g_object_ref (cell), g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (on_cell_clicked), self);
  return button;
}

static gboolean
cell_is_now (NtRosterCell *cell,
             GListModel   *on_duty_now)
{
  guint n = on_duty_now != NULL ? g_list_model_get_n_items (on_duty_now) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtDuty) duty = g_list_model_get_item (on_duty_now, i);

      if (duty->post_id == cell->post_id && duty->shift_id == cell->shift_id && g_strcmp0 (duty->date, cell->date) == 0)
        return TRUE;
    }
  return FALSE;
}

static GtkWidget *
row_header (NtRosterCell *cell,
            gboolean      first_of_post)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *post = gtk_label_new (first_of_post ? cell->post_name : "");
  g_autofree char *hours = g_strdup_printf ("%s %s–%s", cell->shift_name, cell->start_time, cell->end_time);
  GtkWidget *shift = gtk_label_new (hours);

  gtk_label_set_xalign (GTK_LABEL (post), 0);
  gtk_label_set_xalign (GTK_LABEL (shift), 0);
  /* "Ký túc xá nữ (Nhà B)" takes two lines in the narrow column. */
  gtk_label_set_wrap (GTK_LABEL (post), TRUE);
  gtk_label_set_lines (GTK_LABEL (post), 2);
  gtk_label_set_max_width_chars (GTK_LABEL (post), 16);
  gtk_label_set_ellipsize (GTK_LABEL (post), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (post, "heading");
  gtk_widget_add_css_class (shift, "dim-label");
  gtk_box_append (GTK_BOX (box), post);
  gtk_box_append (GTK_BOX (box), shift);
  gtk_widget_set_size_request (box, 140, ROW_HEIGHT);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (box, "nt-duty-row-header");
  if (first_of_post)
    gtk_widget_add_css_class (box, "nt-duty-post-start");
  return box;
}

/**
 * nt_roster_grid_widget_set_cells:
 * @cells: the #NtRosterCell of the period, as nt_roster_grid() orders them
 * @from_date: the first day (ISO)
 * @n_days: the days shown
 * @on_duty_now: (nullable): the #NtDuty of now, whose cells are marked
 * @compact: a month: narrow cells with short names (given names, and an
 *   initial where two people shown share one)
 */
void
nt_roster_grid_widget_set_cells (NtRosterGrid *self,
                                 GListModel   *cells,
                                 const char   *from_date,
                                 int           n_days,
                                 GListModel   *on_duty_now,
                                 gboolean      compact)
{
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) shorts = NULL;
  g_autoptr(GDateTime) first = NULL;
  GDate start;
  g_autofree char *today = nt_date_today_iso ();
  guint n = g_list_model_get_n_items (cells);
  int n_rows = 0;
  gint64 last_post = -1;

  g_return_if_fail (NT_IS_ROSTER_GRID (self));

  clear_grid (self->headers);
  clear_grid (self->grid);
  g_hash_table_remove_all (self->buttons);
  if (compact)
    shorts = short_names (cells);

  {
    g_autofree char *midnight = g_strconcat (from_date, "T00:00:00", NULL);
    g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
    first = g_date_time_new_from_iso8601 (midnight, tz);
  }
  g_return_if_fail (first != NULL);
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, g_date_time_get_day_of_month (first), g_date_time_get_month (first),
                  g_date_time_get_year (first));

  /* The corner above the row headers keeps them aligned with the days. */
  {
    GtkWidget *corner = gtk_label_new (_("Post · shift"));
    gtk_widget_add_css_class (corner, "nt-duty-day");
    gtk_widget_add_css_class (corner, "dim-label");
    gtk_label_set_xalign (GTK_LABEL (corner), 0);
    gtk_widget_set_size_request (corner, -1, DAY_HEIGHT);
    gtk_grid_attach (self->headers, corner, 0, 0, 1, 1);
  }
  for (int d = 0; d < n_days; d++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (first, d);
      g_autofree char *text = day_heading (day, compact);
      g_autofree char *iso = g_date_time_format (day, "%Y-%m-%d");
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_widget_set_size_request (label, -1, DAY_HEIGHT);
      gtk_widget_add_css_class (label, "nt-duty-day");
      if (g_date_time_get_day_of_week (day) >= 6)
        gtk_widget_add_css_class (label, "nt-duty-weekend");
      if (g_str_equal (iso, today))
        gtk_widget_add_css_class (label, "nt-duty-today");
      gtk_grid_attach (self->grid, label, d, 0, 1, 1);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtRosterCell) cell = g_list_model_get_item (cells, i);
      g_autofree char *row_key = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, cell->post_id, cell->shift_id);
      GDate date;
      int column, row;
      GtkWidget *button;

      row = GPOINTER_TO_INT (g_hash_table_lookup (rows, row_key));
      if (row == 0)
        {
          row = ++n_rows;
          g_hash_table_insert (rows, g_steal_pointer (&row_key), GINT_TO_POINTER (row));
          gtk_grid_attach (self->headers, row_header (cell, cell->post_id != last_post), 0, row, 1, 1);
          last_post = cell->post_id;
        }

      g_date_clear (&date, 1);
      g_date_set_parse (&date, cell->date);
      column = g_date_valid (&date) ? g_date_days_between (&start, &date) : -1;
      if (column < 0 || column >= n_days)
        continue;

      button = cell_button (self, cell, cell_is_now (cell, on_duty_now), shorts);
      gtk_grid_attach (self->grid, button, column, row, 1, 1);
      g_hash_table_insert (self->buttons, cell_key (cell->post_id, cell->shift_id, cell->date), button);
    }
}

/**
 * nt_roster_grid_widget_get_cell_button:
 *
 * Returns: (transfer none) (nullable): the button of a cell on the grid
 */
GtkWidget *
nt_roster_grid_widget_get_cell_button (NtRosterGrid *self,
                                       gint64        post_id,
                                       gint64        shift_id,
                                       const char   *date)
{
  g_autofree char *key = cell_key (post_id, shift_id, date);

  g_return_val_if_fail (NT_IS_ROSTER_GRID (self), NULL);
  return g_hash_table_lookup (self->buttons, key);
}

static void
nt_roster_grid_widget_finalize (GObject *object)
{
  NtRosterGrid *self = NT_ROSTER_GRID (object);

  g_clear_pointer (&self->buttons, g_hash_table_unref);
  G_OBJECT_CLASS (nt_roster_grid_widget_parent_class)->finalize (object);
}

static void
nt_roster_grid_widget_class_init (NtRosterGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nt_roster_grid_widget_finalize;

  /**
   * NtRosterGrid::cell-activated:
   * @cell: the #NtRosterCell
   * @button: the cell's button, to point a popover at
   */
  signals[CELL_ACTIVATED] =
    g_signal_new ("cell-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, NT_TYPE_ROSTER_CELL, GTK_TYPE_WIDGET);
}

static void
nt_roster_grid_widget_init (NtRosterGrid *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *left = gtk_scrolled_window_new ();
  GtkWidget *right = gtk_scrolled_window_new ();

  self->buttons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->headers = GTK_GRID (gtk_grid_new ());
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_homogeneous (self->headers, FALSE);
  gtk_grid_set_column_spacing (self->grid, 4);
  gtk_grid_set_row_spacing (self->grid, 4);
  gtk_grid_set_row_spacing (self->headers, 4);
  gtk_widget_set_margin_start (GTK_WIDGET (self->headers), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->headers), 8);
  gtk_widget_set_margin_top (GTK_WIDGET (self->grid), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->headers), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->grid), 8);
  gtk_grid_set_column_homogeneous (self->grid, TRUE);

  /* Row heights must match on both sides: the rows of both grids are
   * made the same height by the CSS min-height of headers and cells. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (left), GTK_POLICY_NEVER, GTK_POLICY_EXTERNAL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (left), GTK_WIDGET (self->headers));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (right), GTK_WIDGET (self->grid));
  gtk_scrolled_window_set_vadjustment (GTK_SCROLLED_WINDOW (left),
                                       gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (right)));
  gtk_widget_set_hexpand (right, TRUE);
  gtk_widget_set_vexpand (right, TRUE);
  gtk_box_append (GTK_BOX (box), left);
  gtk_box_append (GTK_BOX (box), right);
  adw_bin_set_child (ADW_BIN (self), box);
}

GtkWidget *
nt_roster_grid_widget_new (void)
{
  return g_object_new (NT_TYPE_ROSTER_GRID, NULL);
}
