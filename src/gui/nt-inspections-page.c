/* nt-inspections-page.c
 *
 * The sheet of a floor as the inspector carries it on paper: rooms as rows,
 * criteria as columns. Scores are typed; Tab and Enter go to the next cell,
 * along the row and on to the next room; a room is saved as soon as the
 * focus leaves it with every criterion filled in, so a power cut costs at
 * most the room being typed. Beside it, the ranking of the week or the
 * month as bars, with the rooms to praise and to remind.
 */
#define G_LOG_DOMAIN "nt-inspections-page"

#include "config.h"

#include <glib/gi18n.h>
#include <time.h>

#include "nt-access.h"
#include "nt-date.h"
#include "nt-error.h"
#include "nt-form-dialog.h"
#include "nt-inspections-page.h"
#include "nt-inspections.h"
#include "nt-rooms.h"
#include "nt-window.h"

typedef struct
{
  gint64      room_id;
  char       *number;
  GtkWidget **cells;       /* n_criteria score entries, then the note */
  GtkWidget  *total;
  GtkWidget  *saved_mark;
  gboolean    dirty;
  gboolean    saved;       /* an inspection of the room on the date exists */
} SheetRow;

struct _NtInspectionsPage
{
  AdwBin          parent_instance;

  NtContext      *context;

  GtkDropDown    *building_dropdown;
  GtkDropDown    *floor_dropdown;
  GtkEntry       *date_entry;
  GtkWidget      *grid_box;       /* holds the grid, rebuilt for each sheet */
  GtkLabel       *status_label;
  GtkDrawingArea *chart;
  GtkLabel       *praise_label;
  GtkLabel       *remind_label;
  GtkLabel       *chart_title;
  GtkToggleButton *month_toggle;
  GtkToggleButton *buildings_toggle;

  GListStore     *buildings;      /* NtBuilding */
  GListStore     *criteria;       /* NtInspectionCriterion, the sheet's columns */
  GPtrArray      *rows;           /* SheetRow */
  GListStore     *ranking;        /* NtRanked */
  int             current_row;    /* the row the focus is in, -1 none */
  char           *date;           /* ISO */
  gboolean        loading;
};

G_DEFINE_FINAL_TYPE (NtInspectionsPage, nt_inspections_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void reload_sheet (NtInspectionsPage *self);
static void reload_ranking (NtInspectionsPage *self);

static void
sheet_row_free (gpointer data)
{
  SheetRow *r = data;

  g_free (r->number);
  g_free (r->cells);
  g_free (r);
}

static NtStore *
store_of (NtInspectionsPage *self)
{
  return nt_context_get_store (self->context);
}

static guint
n_criteria (NtInspectionsPage *self)
{
  return self->criteria ? g_list_model_get_n_items (G_LIST_MODEL (self->criteria)) : 0;
}

static NtInspectionCriterion *
criterion_at (NtInspectionsPage *self,
              guint              i)
{
  NtInspectionCriterion *c = g_list_model_get_item (G_LIST_MODEL (self->criteria), i);

  g_object_unref (c);  /* the list keeps it */
  return c;
}

static gint64
current_user_id (NtInspectionsPage *self)
{
  NtStaffMember *user = nt_context_get_user (self->context);

  return user ? user->id : 0;
}

/* ----- one row ----------------------------------------------------------- */

/* A saved room's total in green, one typed but not saved yet in orange:
 * the inspector sees at a glance what a power cut would cost. */
static void
mark_row (SheetRow *row)
{
  gtk_widget_set_visible (row->saved_mark, row->saved && !row->dirty);
  if (row->dirty)
    gtk_widget_add_css_class (row->total, "warning");
  else
    gtk_widget_remove_css_class (row->total, "warning");
  gtk_widget_set_tooltip_text (row->total, row->dirty ? _("Not saved yet") : row->saved ? _("Saved") : NULL);
}

/* Reads a score cell: -1 when empty, -2 when not a number in range. */
static int
cell_points (NtInspectionsPage *self,
             SheetRow          *row,
             guint              c)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row->cells[c]));
  g_autofree char *clean = g_strstrip (g_strdup (text));
  guint64 value;

  if (clean[0] == '\0')
    return -1;
  if (!g_ascii_string_to_unsigned (clean, 10, 0, (guint64) criterion_at (self, c)->max_points, &value, NULL))
    return -2;
  return (int) value;
}

static void
update_total (NtInspectionsPage *self,
              SheetRow          *row)
{
  int total = 0, max = 0;
  gboolean any = FALSE;

  for (guint c = 0; c < n_criteria (self); c++)
    {
      int p = cell_points (self, row, c);

      if (p == -2)
        gtk_widget_add_css_class (row->cells[c], "error");
      else
        gtk_widget_remove_css_class (row->cells[c], "error");
      if (p >= 0)
        {
          total += p;
          any = TRUE;
        }
      max += criterion_at (self, c)->max_points;
    }
  if (any)
    {
      g_autofree char *text = g_strdup_printf ("%d/%d", total, max);
      gtk_label_set_text (GTK_LABEL (row->total), text);
    }
  else
    gtk_label_set_text (GTK_LABEL (row->total), "");
  mark_row (row);
}

/* Saves a row whose every score is filled in; an untouched or empty row is
 * left alone, a half-filled one is said to be so. */
static gboolean
save_row (NtInspectionsPage  *self,
          SheetRow           *row,
          GError            **error)
{
  guint n = n_criteria (self);
  g_autofree NtInspectionScore *scores = g_new0 (NtInspectionScore, MAX (n, 1));
  guint filled = 0;

  if (!row->dirty)
    return TRUE;
  for (guint c = 0; c < n; c++)
    {
      int p = cell_points (self, row, c);

      if (p == -2)
        {
          NtInspectionCriterion *crit = criterion_at (self, c);

          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       /* TRANSLATORS: room, criterion, the points it is worth */
                       _("Room %s, “%s”: type a number from 0 to %d."), row->number, crit->name, crit->max_points);
          return FALSE;
        }
      if (p >= 0)
        {
          scores[filled].criterion_id = criterion_at (self, c)->id;
          scores[filled].points = p;
          filled++;
        }
    }
  if (filled == 0)
    return TRUE;
  if (filled < n)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Room %s is not saved yet: %u of %u criteria have a score."), row->number, filled, n);
      return FALSE;
    }
  if (nt_inspections_save (store_of (self), row->room_id, self->date, current_user_id (self), scores, n,
                           gtk_editable_get_text (GTK_EDITABLE (row->cells[n])), error) == 0)
    return FALSE;
  row->dirty = FALSE;
  row->saved = TRUE;
  mark_row (row);
  return TRUE;
}

static void
save_row_or_say (NtInspectionsPage *self,
                 int                index)
{
  g_autoptr(GError) error = NULL;
  SheetRow *row;

  if (index < 0 || (guint) index >= self->rows->len)
    return;
  row = g_ptr_array_index (self->rows, index);
  if (!row->dirty)
    return;
  if (save_row (self, row, &error))
    {
      /* TRANSLATORS: shown under the sheet when a room was saved */
      g_autofree char *text = g_strdup_printf (_("Room %s saved."), row->number);

      gtk_label_set_text (self->status_label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
      reload_ranking (self);
    }
  else
    {
      gtk_label_set_text (self->status_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
    }
}

/* ----- moving through the sheet ------------------------------------------ */

static void
on_cell_changed (GtkEditable       *cell,
                 NtInspectionsPage *self)
{
  int r = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "row"));
  SheetRow *row = g_ptr_array_index (self->rows, r);

  if (self->loading)
    return;
  row->dirty = TRUE;
  update_total (self, row);
}

/* The focus entered a cell: leaving a row saves it. */
static void
on_cell_focus_enter (GtkEventControllerFocus *controller,
                     NtInspectionsPage       *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  int r = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "row"));

  if (r != self->current_row)
    {
      int previous = self->current_row;

      self->current_row = r;
      save_row_or_say (self, previous);
    }
}

/* Enter goes on like Tab: the next cell of the row, then the next room. */
static void
on_cell_activate (GtkEntry          *cell,
                  NtInspectionsPage *self)
{
  int r = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "row"));
  guint c = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "column"));
  guint n_cells = n_criteria (self) + 1;

  if (c + 1 < n_cells)
    gtk_widget_grab_focus (((SheetRow *) g_ptr_array_index (self->rows, r))->cells[c + 1]);
  else if ((guint) r + 1 < self->rows->len)
    gtk_widget_grab_focus (((SheetRow *) g_ptr_array_index (self->rows, r + 1))->cells[0]);
  else
    {
      /* The last room: nowhere to go, save it here. */
      save_row_or_say (self, r);
    }
}

static GtkWidget *
new_cell (NtInspectionsPage *self,
          int                row,
          guint              column,
          gboolean           note)
{
  GtkWidget *cell = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  if (!note)
    {
      gtk_editable_set_width_chars (GTK_EDITABLE (cell), 4);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (cell), 4);
      gtk_entry_set_input_purpose (GTK_ENTRY (cell), GTK_INPUT_PURPOSE_DIGITS);
      gtk_entry_set_alignment (GTK_ENTRY (cell), 0.5);
    }
  else
    {
      gtk_editable_set_width_chars (GTK_EDITABLE (cell), 12);
      gtk_widget_set_hexpand (cell, TRUE);
    }
  g_object_set_data (G_OBJECT (cell), "row", GINT_TO_POINTER (row));
  g_object_set_data (G_OBJECT (cell), "column", GUINT_TO_POINTER (column));
  g_signal_connect (cell, "changed", G_CALLBACK (on_cell_changed), self);
  g_signal_connect (cell, "activate", G_CALLBACK (on_cell_activate), self);
  g_signal_connect (focus, "enter", G_CALLBACK (on_cell_focus_enter), self);
  gtk_widget_add_controller (cell, focus);
  return cell;
}

/* ----- the sheet --------------------------------------------------------- */

static gint64
selected_building (NtInspectionsPage *self)
{
  guint i = gtk_drop_down_get_selected (self->building_dropdown);
  g_autoptr(NtBuilding) b = NULL;

  if (self->buildings == NULL || i >= g_list_model_get_n_items (G_LIST_MODEL (self->buildings)))
    return 0;
  b = g_list_model_get_item (G_LIST_MODEL (self->buildings), i);
  return b->id;
}

static int
selected_floor (NtInspectionsPage *self)
{
  guint i = gtk_drop_down_get_selected (self->floor_dropdown);

  return i == GTK_INVALID_LIST_POSITION ? 0 : (int) i;  /* 0: every floor */
}

static void
fill_row (NtInspectionsPage *self,
          SheetRow          *row)
{
  g_autofree char *note = NULL;
  g_autoptr(GArray) scores = nt_inspections_load_scores (store_of (self), row->room_id, self->date, &note, NULL);
  guint n = n_criteria (self);

  if (scores == NULL)
    return;
  for (guint i = 0; i < scores->len; i++)
    {
      NtInspectionScore *s = &g_array_index (scores, NtInspectionScore, i);

      for (guint c = 0; c < n; c++)
        if (criterion_at (self, c)->id == s->criterion_id)
          {
            g_autofree char *text = g_strdup_printf ("%d", s->points);
            gtk_editable_set_text (GTK_EDITABLE (row->cells[c]), text);
          }
    }
  gtk_editable_set_text (GTK_EDITABLE (row->cells[n]), note ? note : "");
}

static GtkWidget *
header_label (const char *text,
              gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "caption-heading");
  gtk_label_set_wrap (GTK_LABEL (label), wrap);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_valign (label, GTK_ALIGN_END);
  return label;
}

static void
reload_sheet (NtInspectionsPage *self)
{
  g_autoptr(GListStore) rooms = NULL;
  GtkWidget *grid, *child;
  guint n;
  gboolean may = nt_access_may (store_of (self), NT_PERM_RECORD_DORM_LIFE);

  /* What was typed in the room being left is not lost with the old grid. */
  save_row_or_say (self, self->current_row);
  self->current_row = -1;
  g_ptr_array_set_size (self->rows, 0);
  while ((child = gtk_widget_get_first_child (self->grid_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->grid_box), child);

  g_clear_object (&self->criteria);
  self->criteria = nt_inspections_criteria (store_of (self), FALSE, NULL);
  n = n_criteria (self);
  if (n == 0)
    {
      GtkWidget *status = adw_status_page_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Use the _usual criteria"));

      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No criteria yet"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("The inspection sheet needs the school's criteria and their points."));
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "inspections.default-criteria");
      adw_status_page_set_child (ADW_STATUS_PAGE (status), button);
      gtk_widget_set_vexpand (status, TRUE);
      gtk_box_append (GTK_BOX (self->grid_box), status);
      return;
    }

  rooms = nt_inspections_floor (store_of (self), selected_building (self), selected_floor (self), self->date, NULL);
  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_attach (GTK_GRID (grid), header_label (_("Room"), FALSE), 0, 0, 1, 1);
  for (guint c = 0; c < n; c++)
    {
      NtInspectionCriterion *crit = criterion_at (self, c);
      g_autofree char *title = g_strdup_printf ("%s (%d)", crit->name, crit->max_points);

      gtk_grid_attach (GTK_GRID (grid), header_label (title, TRUE), (int) c + 1, 0, 1, 1);
    }
  /* TRANSLATORS: a column of the inspection sheet (Tổng) */
  gtk_grid_attach (GTK_GRID (grid), header_label (_("Total"), FALSE), (int) n + 1, 0, 1, 1);
  /* TRANSLATORS: a column of the inspection sheet (Ghi chú) */
  gtk_grid_attach (GTK_GRID (grid), header_label (_("Note"), FALSE), (int) n + 2, 0, 1, 1);

  self->loading = TRUE;
  for (guint i = 0; rooms && i < g_list_model_get_n_items (G_LIST_MODEL (rooms)); i++)
    {
      g_autoptr(NtInspectedRoom) room = g_list_model_get_item (G_LIST_MODEL (rooms), i);
      SheetRow *row = g_new0 (SheetRow, 1);
      GtkWidget *label;

      row->room_id = room->room_id;
      row->number = g_strdup (room->number);
      row->cells = g_new0 (GtkWidget *, n + 1);
      g_ptr_array_add (self->rows, row);

      label = gtk_label_new (room->number);
      gtk_widget_add_css_class (label, "heading");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_grid_attach (GTK_GRID (grid), label, 0, (int) i + 1, 1, 1);
      /* Cells are added row by row, left to right: that is Tab's order. */
      for (guint c = 0; c <= n; c++)
        {
          row->cells[c] = new_cell (self, (int) i, c, c == n);
          gtk_widget_set_sensitive (row->cells[c], may);
          gtk_grid_attach (GTK_GRID (grid), row->cells[c], c == n ? (int) n + 2 : (int) c + 1, (int) i + 1, 1, 1);
        }
      row->total = gtk_label_new (NULL);
      gtk_widget_add_css_class (row->total, "numeric");
      row->saved_mark = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
      gtk_widget_add_css_class (row->saved_mark, "success");
      gtk_widget_set_tooltip_text (row->saved_mark, _("Saved"));
      row->saved = room->inspection_id != 0;
      {
        GtkWidget *total_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

        gtk_box_append (GTK_BOX (total_box), row->total);
        gtk_box_append (GTK_BOX (total_box), row->saved_mark);
        gtk_grid_attach (GTK_GRID (grid), total_box, (int) n + 1, (int) i + 1, 1, 1);
      }
      fill_row (self, row);
      update_total (self, row);
    }
  self->loading = FALSE;

  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_box_append (GTK_BOX (self->grid_box), grid);
  if (self->rows->len == 0)
    gtk_label_set_text (self->status_label, _("No room on this floor."));
  else if (!may)
    gtk_label_set_text (self->status_label, _("Your role may read the scores but not enter them."));
  else
    gtk_label_set_text (self->status_label,
                        _("Ctrl+N: the first room not scored yet. Type the scores; Tab or Enter goes to the next cell. A room is saved when you leave it."));
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
fill_floors (NtInspectionsPage *self)
{
  g_autoptr(GtkStringList) floors = gtk_string_list_new (NULL);
  g_autoptr(NtBuilding) b = NULL;
  guint i = gtk_drop_down_get_selected (self->building_dropdown);

  gtk_string_list_append (floors, _("Every floor"));
  if (self->buildings != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->buildings)))
    {
      b = g_list_model_get_item (G_LIST_MODEL (self->buildings), i);
      for (int f = 1; f <= b->floors; f++)
        {
          /* TRANSLATORS: a floor of a building in a list (Tầng 2) */
          g_autofree char *text = g_strdup_printf (_("Floor %d"), f);
          gtk_string_list_append (floors, text);
        }
    }
  gtk_drop_down_set_model (self->floor_dropdown, G_LIST_MODEL (floors));
  gtk_drop_down_set_selected (self->floor_dropdown, b && b->floors > 0 ? 1 : 0);
}

static void
on_building_changed (NtInspectionsPage *self)
{
  if (self->loading)
    return;
  self->loading = TRUE;
  fill_floors (self);
  self->loading = FALSE;
  reload_sheet (self);
}

static void
on_floor_changed (NtInspectionsPage *self)
{
  if (!self->loading)
    reload_sheet (self);
}

static void
on_date_activate (GtkEntry          *entry,
                  NtInspectionsPage *self)
{
  g_autoptr(GDate) date = nt_date_parse_display (gtk_editable_get_text (GTK_EDITABLE (entry)), NULL);

  if (date == NULL)
    {
      nt_window_toast_text (GTK_WIDGET (self), _("Type the date as dd/mm/yyyy."));
      return;
    }
  save_row_or_say (self, self->current_row);
  self->current_row = -1;
  g_free (self->date);
  self->date = nt_date_to_iso (date);
  reload_sheet (self);
  reload_ranking (self);
}

/* ----- the ranking chart ------------------------------------------------- */

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  NtInspectionsPage *self = data;
  guint n = self->ranking ? g_list_model_get_n_items (G_LIST_MODEL (self->ranking)) : 0;
  const double row_h = 22, label_w = 110, value_w = 44;
  GdkRGBA fg;
  double bar_w = MAX (40, width - label_w - value_w - 8);

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 12);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtRanked) r = g_list_model_get_item (G_LIST_MODEL (self->ranking), i);
      g_autofree char *label = g_strdup_printf ("%u. %s", r->rank, r->name);
      /* A decimal comma, as Vietnamese writes it (and the other pages show). */
      g_autofree char *value = g_strdelimit (g_strdup_printf ("%.1f", r->score), ".", ',');
      double y = i * row_h + 2;

      gdk_cairo_set_source_rgba (cr, &fg);
      cairo_move_to (cr, 4, y + 15);
      cairo_show_text (cr, label);

      /* Praise green, remind orange, the rest blue: readable in grey too. */
      if (r->praise)
        cairo_set_source_rgb (cr, 0.18, 0.62, 0.33);
      else if (r->remind)
        cairo_set_source_rgb (cr, 0.90, 0.45, 0.10);
      else
        cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
      cairo_rectangle (cr, label_w, y + 3, bar_w * CLAMP (r->score, 0, 100) / 100.0, row_h - 7);
      cairo_fill (cr);

      gdk_cairo_set_source_rgba (cr, &fg);
      cairo_move_to (cr, label_w + bar_w * CLAMP (r->score, 0, 100) / 100.0 + 4, y + 15);
      cairo_show_text (cr, value);
    }
  if (n == 0)
    {
      gdk_cairo_set_source_rgba (cr, &fg);
      cairo_move_to (cr, 4, 18);
      cairo_show_text (cr, _("No inspection in this period."));
    }
}

static char *
joined_names (GListStore *ranking,
              gboolean    praise)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (ranking)); i++)
    {
      g_autoptr(NtRanked) r = g_list_model_get_item (G_LIST_MODEL (ranking), i);

      if (praise ? r->praise : r->remind)
        g_string_append_printf (s, "%s%s", s->len ? ", " : "", r->name);
    }
  if (s->len == 0)
    g_string_append (s, "—");
  return g_string_free (s, FALSE);
}

static void
reload_ranking (NtInspectionsPage *self)
{
  gboolean month = gtk_toggle_button_get_active (self->month_toggle);
  gboolean buildings = gtk_toggle_button_get_active (self->buildings_toggle);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *from_shown = NULL;
  g_autofree char *to_shown = NULL;
  g_autofree char *title = NULL;
  g_autofree char *praise = NULL;
  g_autofree char *remind = NULL;
  g_autofree char *praise_text = NULL;
  g_autofree char *remind_text = NULL;
  guint n;

  if (self->date == NULL)
    return;
  if (month)
    nt_inspections_month (self->date, &from, &to);
  else
    nt_inspections_week (self->date, &from, &to);
  g_clear_object (&self->ranking);
  self->ranking = nt_inspections_ranking (store_of (self), buildings ? NT_RANKING_BUILDINGS : NT_RANKING_ROOMS,
                                          from, to, NULL);
  if (self->ranking == NULL)
    self->ranking = g_list_store_new (NT_TYPE_RANKED);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->ranking));

  from_shown = nt_date_iso_to_display (from);
  to_shown = nt_date_iso_to_display (to);
  /* TRANSLATORS: the title of the ranking chart: its period */
  title = g_strdup_printf (_("Ranking from %s to %s"), from_shown, to_shown);
  gtk_label_set_text (self->chart_title, title);
  gtk_drawing_area_set_content_height (self->chart, (int) MAX (n, 1) * 22 + 6);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));

  praise = joined_names (self->ranking, TRUE);
  remind = joined_names (self->ranking, FALSE);
  /* TRANSLATORS: the rooms scoring 90 % or more (Tuyên dương: …) */
  praise_text = g_strdup_printf (_("To praise: %s"), praise);
  /* TRANSLATORS: the rooms scoring below 70 % (Nhắc nhở: …) */
  remind_text = g_strdup_printf (_("To remind: %s"), remind);
  gtk_label_set_text (self->praise_label, praise_text);
  gtk_label_set_text (self->remind_label, remind_text);
}

/* ----- criteria ---------------------------------------------------------- */

typedef struct
{
  NtInspectionsPage *self;
  GPtrArray         *names;     /* GtkEditable per criterion, then the new one */
  GPtrArray         *points;    /* GtkSpinButton */
  GPtrArray         *actives;   /* GtkSwitch, one fewer */
  GListStore        *criteria;  /* with the inactive ones */
} CriteriaForm;

static void
criteria_form_free (gpointer data)
{
  CriteriaForm *f = data;

  g_object_unref (f->self);
  g_ptr_array_unref (f->names);
  g_ptr_array_unref (f->points);
  g_ptr_array_unref (f->actives);
  g_clear_object (&f->criteria);
  g_free (f);
}

static gboolean
save_criteria (gpointer   data,
               GError   **error)
{
  CriteriaForm *f = data;
  NtStore *store = store_of (f->self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->criteria));
  const char *new_name;

  if (!nt_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtInspectionCriterion) c = g_list_model_get_item (G_LIST_MODEL (f->criteria), i);

      if (!nt_inspections_criterion_update (store, c->id,
                                            gtk_editable_get_text (g_ptr_array_index (f->names, i)),
                                            gtk_spin_button_get_value_as_int (g_ptr_array_index (f->points, i)),
                                            c->position,
                                            gtk_switch_get_active (g_ptr_array_index (f->actives, i)), error))
        {
          nt_store_rollback (store);
          return FALSE;
        }
    }
  new_name = gtk_editable_get_text (g_ptr_array_index (f->names, n));
  if (new_name[0] != '\0' &&
      nt_inspections_criterion_add (store, new_name, gtk_spin_button_get_value_as_int (g_ptr_array_index (f->points, n)),
                                    error) == 0)
    {
      nt_store_rollback (store);
      return FALSE;
    }
  if (!nt_store_commit (store, error))
    return FALSE;
  reload_sheet (f->self);
  reload_ranking (f->self);
  return TRUE;
}

static GtkWidget *
criterion_row (CriteriaForm *f,
               const char   *name,
               int           points,
               gboolean      with_switch,
               gboolean      active)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (1, 1000, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), with_switch ? _("Criterion") : _("New criterion"));
  gtk_editable_set_text (GTK_EDITABLE (row), name ? name : "");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), points);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (spin, _("Points"));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), spin);
  g_ptr_array_add (f->names, row);
  g_ptr_array_add (f->points, spin);
  if (with_switch)
    {
      GtkWidget *sw = gtk_switch_new ();

      gtk_switch_set_active (GTK_SWITCH (sw), active);
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (sw, _("In use"));
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), sw);
      g_ptr_array_add (f->actives, sw);
    }
  return row;
}

static void
criteria_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  NtInspectionsPage *self = NT_INSPECTIONS_PAGE (widget);
  CriteriaForm *f = g_new0 (CriteriaForm, 1);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  f->self = g_object_ref (self);
  f->names = g_ptr_array_new ();
  f->points = g_ptr_array_new ();
  f->actives = g_ptr_array_new ();
  f->criteria = nt_inspections_criteria (store_of (self), TRUE, NULL);
  if (f->criteria == NULL)
    f->criteria = g_list_store_new (NT_TYPE_INSPECTION_CRITERION);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Each criterion with the points it is worth. A criterion no longer in use "
                                           "keeps its past scores but leaves the sheet."));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->criteria)); i++)
    {
      g_autoptr(NtInspectionCriterion) c = g_list_model_get_item (G_LIST_MODEL (f->criteria), i);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), criterion_row (f, c->name, c->max_points, TRUE, c->active));
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), criterion_row (f, NULL, 10, FALSE, TRUE));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), group);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 480);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  nt_form_dialog_new (widget, _("Inspection criteria"), _("_Save"), scrolled, save_criteria, f, criteria_form_free);
}

static void
default_criteria_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  NtInspectionsPage *self = NT_INSPECTIONS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!nt_inspections_add_default_criteria (store_of (self), &error))
    nt_window_toast_text (GTK_WIDGET (self), error->message);
  reload_sheet (self);
  reload_ranking (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  NtInspectionsPage *self = NT_INSPECTIONS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  guint n = nt_inspections_page_save_all (self, &error);

  if (error != NULL)
    {
      gtk_label_set_text (self->status_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
    }
  else
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u room saved.", "%u rooms saved.", n), n);

      gtk_label_set_text (self->status_label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
    }
}

/* Ctrl+N: to the first room of the sheet not scored yet on its date, the
 * way the inspector starts on the paper sheet (the first room when every
 * room is). */
static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  NtInspectionsPage *self = NT_INSPECTIONS_PAGE (widget);
  SheetRow *target = NULL;

  for (guint i = 0; i < self->rows->len && target == NULL; i++)
    {
      SheetRow *row = g_ptr_array_index (self->rows, i);

      if (!row->saved)
        target = row;
    }
  if (target == NULL && self->rows->len > 0)
    target = g_ptr_array_index (self->rows, 0);
  if (target != NULL)
    gtk_widget_grab_focus (target->cells[0]);
}

/* ----- public ------------------------------------------------------------ */

GtkWidget *
nt_inspections_page_new (NtContext *context)
{
  return g_object_new (NT_TYPE_INSPECTIONS_PAGE, "context", context, NULL);
}

/**
 * nt_inspections_page_set_sheet:
 * @floor: a floor, or 0 for every floor
 * @date_iso: the inspection's date
 *
 * Shows the sheet of a floor on a date, as the dropdowns and the date would.
 */
void
nt_inspections_page_set_sheet (NtInspectionsPage *self,
                               gint64             building_id,
                               int                floor,
                               const char        *date_iso)
{
  g_autofree char *shown = NULL;

  g_return_if_fail (NT_IS_INSPECTIONS_PAGE (self));

  save_row_or_say (self, self->current_row);
  self->current_row = -1;
  self->loading = TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->buildings)); i++)
    {
      g_autoptr(NtBuilding) b = g_list_model_get_item (G_LIST_MODEL (self->buildings), i);

      if (b->id == building_id)
        gtk_drop_down_set_selected (self->building_dropdown, i);
    }
  fill_floors (self);
  gtk_drop_down_set_selected (self->floor_dropdown, (guint) MAX (floor, 0));
  self->loading = FALSE;
  g_free (self->date);
  self->date = g_strdup (date_iso);
  shown = nt_date_iso_to_display (date_iso);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), shown);
  reload_sheet (self);
  reload_ranking (self);
}

guint
nt_inspections_page_get_n_rooms (NtInspectionsPage *self)
{
  g_return_val_if_fail (NT_IS_INSPECTIONS_PAGE (self), 0);
  return self->rows->len;
}

/* The cells of a row: the criteria, then the note. */
guint
nt_inspections_page_get_n_columns (NtInspectionsPage *self)
{
  g_return_val_if_fail (NT_IS_INSPECTIONS_PAGE (self), 0);
  return n_criteria (self) + 1;
}

GtkWidget *
nt_inspections_page_get_cell (NtInspectionsPage *self,
                              guint              row,
                              guint              column)
{
  g_return_val_if_fail (NT_IS_INSPECTIONS_PAGE (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  g_return_val_if_fail (column <= n_criteria (self), NULL);

  return ((SheetRow *) g_ptr_array_index (self->rows, row))->cells[column];
}

gint64
nt_inspections_page_get_room_id (NtInspectionsPage *self,
                                 guint              row)
{
  g_return_val_if_fail (NT_IS_INSPECTIONS_PAGE (self), 0);
  g_return_val_if_fail (row < self->rows->len, 0);

  return ((SheetRow *) g_ptr_array_index (self->rows, row))->room_id;
}

/**
 * nt_inspections_page_save_all:
 *
 * Saves every room typed in (Ctrl+S); stops at the first that cannot be.
 *
 * Returns: the rooms saved
 */
guint
nt_inspections_page_save_all (NtInspectionsPage  *self,
                              GError            **error)
{
  guint n = 0;

  g_return_val_if_fail (NT_IS_INSPECTIONS_PAGE (self), 0);

  for (guint i = 0; i < self->rows->len; i++)
    {
      SheetRow *row = g_ptr_array_index (self->rows, i);
      gboolean was_dirty = row->dirty;

      if (!save_row (self, row, error))
        break;
      if (was_dirty && !row->dirty)
        n++;
    }
  reload_ranking (self);
  return n;
}

guint
nt_inspections_page_get_n_ranked (NtInspectionsPage *self)
{
  g_return_val_if_fail (NT_IS_INSPECTIONS_PAGE (self), 0);
  return self->ranking ? g_list_model_get_n_items (G_LIST_MODEL (self->ranking)) : 0;
}

/* ----- building the page ------------------------------------------------- */

static GtkWidget *
build_toolbar (NtInspectionsPage *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *criteria = gtk_button_new_with_mnemonic (_("_Criteria…"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *date_label = gtk_label_new_with_mnemonic (_("_Date"));

  self->buildings = nt_rooms_list_buildings (store_of (self), TRUE, NULL);
  if (self->buildings == NULL)
    self->buildings = g_list_store_new (G_TYPE_OBJECT);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->buildings)); i++)
    {
      g_autoptr(NtBuilding) b = g_list_model_get_item (G_LIST_MODEL (self->buildings), i);
      gtk_string_list_append (names, b->name);
    }
  self->building_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
  self->floor_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->building_dropdown), _("Building"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->floor_dropdown), _("Floor"));
  self->date_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_width_chars (GTK_EDITABLE (self->date_entry), 11);
  gtk_entry_set_placeholder_text (self->date_entry, "dd/mm/yyyy");
  gtk_label_set_mnemonic_widget (GTK_LABEL (date_label), GTK_WIDGET (self->date_entry));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_entry), _("The day of the inspection; Enter to open its sheet"));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (criteria), "inspections.criteria");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "inspections.save");
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_set_tooltip_text (save, _("Save every room typed in (Ctrl+S)"));

  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->building_dropdown));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->floor_dropdown));
  gtk_box_append (GTK_BOX (bar), date_label);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->date_entry));
  {
    GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
    gtk_widget_set_hexpand (spacer, TRUE);
    gtk_box_append (GTK_BOX (bar), spacer);
  }
  gtk_box_append (GTK_BOX (bar), criteria);
  gtk_box_append (GTK_BOX (bar), save);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 8);
  gtk_widget_set_margin_bottom (bar, 4);

  g_signal_connect_swapped (self->building_dropdown, "notify::selected", G_CALLBACK (on_building_changed), self);
  g_signal_connect_swapped (self->floor_dropdown, "notify::selected", G_CALLBACK (on_floor_changed), self);
  g_signal_connect (self->date_entry, "activate", G_CALLBACK (on_date_activate), self);
  return bar;
}

static GtkWidget *
build_chart_side (NtInspectionsPage *self)
{
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *switches = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *period = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *kind = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *week = gtk_toggle_button_new_with_mnemonic (_("_Week"));
  GtkWidget *rooms = gtk_toggle_button_new_with_mnemonic (_("_Rooms"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->month_toggle = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Month")));
  self->buildings_toggle = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Buildings")));
  gtk_toggle_button_set_group (self->month_toggle, GTK_TOGGLE_BUTTON (week));
  gtk_toggle_button_set_group (self->buildings_toggle, GTK_TOGGLE_BUTTON (rooms));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (week), TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (rooms), TRUE);
  gtk_widget_add_css_class (period, "linked");
  gtk_widget_add_css_class (kind, "linked");
  gtk_box_append (GTK_BOX (period), week);
  gtk_box_append (GTK_BOX (period), GTK_WIDGET (self->month_toggle));
  gtk_box_append (GTK_BOX (kind), rooms);
  gtk_box_append (GTK_BOX (kind), GTK_WIDGET (self->buildings_toggle));
  gtk_box_append (GTK_BOX (switches), period);
  gtk_box_append (GTK_BOX (switches), kind);
  g_signal_connect_swapped (self->month_toggle, "toggled", G_CALLBACK (reload_ranking), self);
  g_signal_connect_swapped (self->buildings_toggle, "toggled", G_CALLBACK (reload_ranking), self);

  self->chart_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->chart_title), "heading");
  gtk_label_set_xalign (self->chart_title, 0);
  self->chart = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_drawing_area_set_draw_func (self->chart, draw_chart, self, NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->chart), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->chart));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);

  self->praise_label = GTK_LABEL (gtk_label_new (NULL));
  self->remind_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->praise_label, TRUE);
  gtk_label_set_wrap (self->remind_label, TRUE);
  gtk_label_set_xalign (self->praise_label, 0);
  gtk_label_set_xalign (self->remind_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->praise_label), "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->remind_label), "warning");

  gtk_box_append (GTK_BOX (side), switches);
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->chart_title));
  gtk_box_append (GTK_BOX (side), scrolled);
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->praise_label));
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->remind_label));
  gtk_widget_set_margin_start (side, 12);
  gtk_widget_set_margin_end (side, 12);
  gtk_widget_set_margin_top (side, 8);
  gtk_widget_set_margin_bottom (side, 12);
  gtk_widget_set_size_request (side, 340, -1);
  return side;
}

static void
nt_inspections_page_constructed (GObject *object)
{
  NtInspectionsPage *self = NT_INSPECTIONS_PAGE (object);
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  g_autoptr(GDate) today = g_date_new ();

  G_OBJECT_CLASS (nt_inspections_page_parent_class)->constructed (object);

  self->grid_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->grid_box);
  gtk_widget_set_vexpand (scrolled, TRUE);
  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->status_label, TRUE);
  gtk_label_set_xalign (self->status_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
  gtk_widget_set_margin_start (GTK_WIDGET (self->status_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->status_label), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->status_label), 8);

  gtk_box_append (GTK_BOX (left), build_toolbar (self));
  gtk_box_append (GTK_BOX (left), scrolled);
  gtk_box_append (GTK_BOX (left), GTK_WIDGET (self->status_label));
  gtk_paned_set_start_child (GTK_PANED (paned), left);
  gtk_paned_set_end_child (GTK_PANED (paned), build_chart_side (self));
  gtk_paned_set_resize_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  adw_bin_set_child (ADW_BIN (self), paned);

  g_date_set_time_t (today, time (NULL));
  self->date = nt_date_to_iso (today);
  {
    g_autofree char *shown = nt_date_iso_to_display (self->date);
    gtk_editable_set_text (GTK_EDITABLE (self->date_entry), shown);
  }
  self->loading = TRUE;
  fill_floors (self);
  self->loading = FALSE;
  reload_sheet (self);
  reload_ranking (self);
}

static void
nt_inspections_page_dispose (GObject *object)
{
  NtInspectionsPage *self = NT_INSPECTIONS_PAGE (object);

  g_clear_object (&self->context);
  g_clear_object (&self->buildings);
  g_clear_object (&self->criteria);
  g_clear_object (&self->ranking);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->date, g_free);
  G_OBJECT_CLASS (nt_inspections_page_parent_class)->dispose (object);
}

static void
nt_inspections_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      NT_INSPECTIONS_PAGE (object)->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nt_inspections_page_class_init (NtInspectionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nt_inspections_page_constructed;
  object_class->dispose = nt_inspections_page_dispose;
  object_class->set_property = nt_inspections_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, NT_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "inspections.criteria", NULL, criteria_action);
  gtk_widget_class_install_action (widget_class, "inspections.default-criteria", NULL, default_criteria_action);
  gtk_widget_class_install_action (widget_class, "inspections.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "inspections.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "inspections.save", NULL);
}

static void
nt_inspections_page_init (NtInspectionsPage *self)
{
  self->rows = g_ptr_array_new_with_free_func (sheet_row_free);
  self->current_row = -1;
}
