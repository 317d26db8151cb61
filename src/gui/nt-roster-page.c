/* nt-roster-page.c
 *
 * The roster of a week or a month as a grid, the problems of that period
 * beside it (a gap, a shift short of people, one person in two places, too
 * little rest), and the hand-over notes in a second tab. Generating fills
 * the period and keeps what was locked by hand; a cell opens to add,
 * remove, lock or swap the people on it (nt-duty-popover.c).
 */
#define G_LOG_DOMAIN "nt-roster-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-date.h"
#include "nt-duty-counts-view.h"
#include "nt-duty-popover.h"
#include "nt-handovers-view.h"
#include "nt-print-roster.h"
#include "nt-print-run.h"
#include "nt-roster.h"
#include "nt-roster-grid.h"
#include "nt-roster-page.h"
#include "nt-roster-setup.h"
#include "nt-window.h"

struct _NtRosterPage
{
  AdwBin           parent_instance;

  NtContext       *context;
  GDate            anchor;        /* a day of the period shown */
  gboolean         month;
  guint            n_problems;
  gboolean         loaded;

  GtkLabel        *status_label;
  GtkStack        *stack;
  GtkToggleButton *week_button;
  GtkToggleButton *month_button;
  GtkLabel        *period_label;
  GtkWidget       *print_button;
  NtRosterGrid    *grid;
  GtkLabel        *problems_label;
  GtkListBox      *problems_list;
  NtHandoversView *handovers;
  NtRosterSetup   *setup;
  NtDutyCountsView *counts;
};

G_DEFINE_FINAL_TYPE (NtRosterPage, nt_roster_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void reload (NtRosterPage *self);

/* ----- the period ------------------------------------------------------- */

/* A week runs Monday to Sunday; a month from its first to its last day. */
static void
period_bounds (NtRosterPage *self,
               GDate        *first,
               GDate        *last)
{
  *first = self->anchor;
  if (self->month)
    {
      g_date_set_day (first, 1);
      *last = *first;
      g_date_set_day (last, g_date_get_days_in_month (g_date_get_month (first), g_date_get_year (first)));
    }
  else
    {
      g_date_subtract_days (first, g_date_get_weekday (first) - G_DATE_MONDAY);
      *last = *first;
      g_date_add_days (last, 6);
    }
}

void
nt_roster_page_get_period (NtRosterPage  *self,
                           char         **from_date,
                           char         **to_date)
{
  GDate first, last;

  g_return_if_fail (NT_IS_ROSTER_PAGE (self));

  period_bounds (self, &first, &last);
  *from_date = nt_date_to_iso (&first);
  *to_date = nt_date_to_iso (&last);
}

/**
 * nt_roster_page_show_period:
 * @day: (nullable): a day of the period (ISO); %NULL for today
 * @month: the month of @day rather than its week
 */
void
nt_roster_page_show_period (NtRosterPage *self,
                            const char   *day,
                            gboolean      month)
{
  g_autofree char *today = nt_date_today_iso ();

  g_return_if_fail (NT_IS_ROSTER_PAGE (self));

  g_date_clear (&self->anchor, 1);
  g_date_set_parse (&self->anchor, day != NULL ? day : today);
  if (!g_date_valid (&self->anchor))
    g_date_set_parse (&self->anchor, today);
  self->month = month;
  /* Setting the buttons calls back into reload(); keep one reload. */
  self->loaded = FALSE;
  gtk_toggle_button_set_active (month ? self->month_button : self->week_button, TRUE);
  self->loaded = TRUE;
  reload (self);
}

static void
on_span_toggled (GtkToggleButton *button,
                 NtRosterPage    *self)
{
  if (!gtk_toggle_button_get_active (button) || !self->loaded)
    return;
  self->month = button == self->month_button;
  reload (self);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NtRosterPage *self = NT_ROSTER_PAGE (widget);
  int step = g_str_equal (action_name, "roster.previous") ? -1 : 1;

  if (self->month)
    {
      g_date_set_day (&self->anchor, 1);
      if (step < 0)
        g_date_subtract_months (&self->anchor, 1);
      else
        g_date_add_months (&self->anchor, 1);
    }
  else if (step < 0)
    g_date_subtract_days (&self->anchor, 7);
  else
    g_date_add_days (&self->anchor, 7);
  reload (self);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  NtRosterPage *self = NT_ROSTER_PAGE (widget);

  nt_roster_page_show_period (self, NULL, self->month);
}

/* ----- the grid and its problems ---------------------------------------- */

static char *
now_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d %H:%M");
}

static void
show_problems (NtRosterPage *self,
               GListModel   *problems)
{
  GtkWidget *child;
  guint n = g_list_model_get_n_items (problems);
  g_autofree char *heading = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);

  self->n_problems = n;
  if (n == 0)
    heading = g_strdup (_("No gaps: every post is staffed for the whole period."));
  else
    /* TRANSLATORS: heading of the roster's list of problems */
    heading = g_strdup_printf (ngettext ("%u problem in this period", "%u problems in this period", n), n);
  gtk_label_set_text (self->problems_label, heading);
  if (n == 0)
    gtk_widget_remove_css_class (GTK_WIDGET (self->problems_label), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->problems_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->problems_list), n > 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtRosterProblem) problem = g_list_model_get_item (problems, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *date = nt_date_iso_to_display (problem->date);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), problem->message);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 4);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), date);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), problem->shift_id != 0);
      g_object_set_data_full (G_OBJECT (row), "problem", g_object_ref (problem), g_object_unref);
      gtk_list_box_append (self->problems_list, row);
    }
}

/* A problem on a shift takes the person to that cell. */
static void
on_problem_activated (GtkListBox    *list,
                      GtkListBoxRow *row,
                      NtRosterPage  *self)
{
  NtRosterProblem *problem = g_object_get_data (G_OBJECT (row), "problem");
  GtkWidget *button;

  if (problem == NULL)
    return;
  button = nt_roster_grid_widget_get_cell_button (self->grid, problem->post_id, problem->shift_id, problem->date);
  if (button != NULL)
    gtk_widget_grab_focus (button);
}

static void
show_on_duty (NtRosterPage *self,
              GListModel   *on_duty)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (on_duty);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtDuty) duty = g_list_model_get_item (on_duty, i);

      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, "%s: %s", duty->post_name, duty->staff_name);
    }
  if (n == 0)
    gtk_label_set_text (self->status_label, _("Nobody is on duty now"));
  else
    {
      /* TRANSLATORS: "Đang trực: KTX nam: Nguyễn Văn A · Cổng: Lò Văn B" */
      g_autofree char *label = g_strdup_printf (_("On duty now: %s"), text->str);
      gtk_label_set_text (self->status_label, label);
    }
}

static void
reload (NtRosterPage *self)
{
  NtStore *store = nt_context_get_store (self->context);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) cells = NULL;
  g_autoptr(GListStore) on_duty = NULL;
  g_autoptr(GListStore) problems = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *from_display = NULL;
  g_autofree char *to_display = NULL;
  g_autofree char *period = NULL;
  g_autofree char *now = now_text ();
  GDate first, last;

  if (!self->loaded)
    return;

  period_bounds (self, &first, &last);
  from = nt_date_to_iso (&first);
  to = nt_date_to_iso (&last);
  from_display = nt_date_iso_to_display (from);
  to_display = nt_date_iso_to_display (to);
  if (self->month)
    /* TRANSLATORS: the period of the roster: "Tháng 11/2026" */
    period = g_strdup_printf (_("Month %02d/%d"), g_date_get_month (&first), g_date_get_year (&first));
  else
    /* TRANSLATORS: the period of the roster: "Tuần 23/11/2026 – 29/11/2026" */
    period = g_strdup_printf (_("Week %s – %s"), from_display, to_display);
  gtk_label_set_text (self->period_label, period);

  cells = nt_roster_grid (store, from, to, &error);
  on_duty = nt_roster_on_duty (store, now, error == NULL ? &error : NULL);
  problems = nt_roster_coverage (store, from, to, 0, error == NULL ? &error : NULL);
  if (error != NULL)
    {
      nt_window_toast_text (GTK_WIDGET (self), error->message);
      return;
    }
  nt_roster_grid_widget_set_cells (self->grid, G_LIST_MODEL (cells), from,
                                   g_date_days_between (&first, &last) + 1, G_LIST_MODEL (on_duty), self->month);
  show_on_duty (self, G_LIST_MODEL (on_duty));
  nt_duty_counts_view_show (self->counts, store, from, to);
  show_problems (self, G_LIST_MODEL (problems));
}

guint
nt_roster_page_get_n_problems (NtRosterPage *self)
{
  g_return_val_if_fail (NT_IS_ROSTER_PAGE (self), 0);
  return self->n_problems;
}

NtRosterSetup *
nt_roster_page_get_setup (NtRosterPage *self)
{
  g_return_val_if_fail (NT_IS_ROSTER_PAGE (self), NULL);
  return self->setup;
}

NtDutyCountsView *
nt_roster_page_get_counts (NtRosterPage *self)
{
  g_return_val_if_fail (NT_IS_ROSTER_PAGE (self), NULL);
  return self->counts;
}

GtkWidget *
nt_roster_page_get_grid (NtRosterPage *self)
{
  g_return_val_if_fail (NT_IS_ROSTER_PAGE (self), NULL);
  return GTK_WIDGET (self->grid);
}

static gboolean
unparent_popover (gpointer popover)
{
  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
  return G_SOURCE_REMOVE;
}

/* Unparented once it has finished closing, not inside its own signal. */
static void
on_popover_closed (GtkPopover *popover)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, unparent_popover, g_object_ref (popover), g_object_unref);
}

static void
on_cell_activated (NtRosterGrid *grid,
                   NtRosterCell *cell,
                   GtkWidget    *button,
                   NtRosterPage *self)
{
  GtkWidget *popover = nt_duty_popover_new (self->context, cell);
  char *from = NULL, *to = NULL;
  graphene_rect_t bounds;

  nt_roster_page_get_period (self, &from, &to);
  nt_duty_popover_set_period (NT_DUTY_POPOVER (popover), from, to);
  g_free (from);
  g_free (to);
  /* The popover hangs on the page, pointing at the cell: a change redraws
   * the grid, and the cell's button with it. */
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  if (gtk_widget_compute_bounds (button, GTK_WIDGET (self), &bounds))
    gtk_popover_set_pointing_to (GTK_POPOVER (popover),
                                 &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                   bounds.size.width, bounds.size.height });
  g_signal_connect (popover, "closed", G_CALLBACK (on_popover_closed), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

/* ----- generating ------------------------------------------------------- */

/**
 * nt_roster_page_generate:
 *
 * Fills the period shown, keeping the duties locked by hand. A month is a
 * few milliseconds of work (tests/bench/bench-roster.c), so it runs here
 * rather than in a thread.
 *
 * Returns: %FALSE with @error set when nothing was written
 */
gboolean
nt_roster_page_generate (NtRosterPage  *self,
                         GError       **error)
{
  g_autoptr(NtRosterReport) report = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *message = NULL;
  g_autofree char *now = now_text ();
  NtRosterOptions options = { 0 };
  guint unfilled;

  g_return_val_if_fail (NT_IS_ROSTER_PAGE (self), FALSE);

  /* What already happened, and the shift on now, stay as they were: the
   * hand-over book and the audit trail tell of them. */
  options.keep_started_before = now;
  nt_roster_page_get_period (self, &from, &to);
  if (!nt_roster_generate (nt_context_get_store (self->context), from, to, &options, NULL, &report, error))
    return FALSE;

  unfilled = g_list_model_get_n_items (G_LIST_MODEL (report->unfilled));
  if (unfilled == 0)
    /* TRANSLATORS: after generating the roster */
    message = g_strdup_printf (ngettext ("%u duty written, every shift filled", "%u duties written, every shift filled",
                                         report->n_written), report->n_written);
  else
    message = g_strdup_printf (ngettext ("%u duty written; %u place could not be filled (see the list)",
                                         "%u duties written; %u places could not be filled (see the list)",
                                         unfilled), report->n_written, unfilled);
  nt_window_toast_text (GTK_WIDGET (self), message);
  reload (self);
  return TRUE;
}

static void
on_generate_response (AdwMessageDialog *dialog,
                      const char       *response,
                      NtRosterPage     *self)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "generate") && !nt_roster_page_generate (self, &error))
    nt_window_toast_text (GTK_WIDGET (self), error->message);
}

static void
generate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  NtRosterPage *self = NT_ROSTER_PAGE (widget);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *from_display = NULL;
  g_autofree char *to_display = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  nt_roster_page_get_period (self, &from, &to);
  from_display = nt_date_iso_to_display (from);
  to_display = nt_date_iso_to_display (to);
  heading = g_strdup_printf (_("Generate the roster for %s – %s?"), from_display, to_display);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                   _("Every shift of every post still to come is filled fairly: nights, weekends "
                                     "and holidays spread evenly, at least 8 hours of rest, days off respected. "
                                     "Shifts that have started or passed and duties locked by hand are kept; the "
                                     "other duties of this period are replaced."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "generate", _("_Generate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "generate", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "generate");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_generate_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ----- printing --------------------------------------------------------- */

typedef struct
{
  NtStore    *store;
  char       *from;
  char       *to;
  NtPrintDoc *doc;
} RosterPrint;

static guint
roster_paginate (gpointer data,
                 double   width,
                 double   height,
                 gboolean two_sided)
{
  RosterPrint *p = data;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&p->doc, nt_print_doc_free);
  p->doc = nt_print_roster_build (p->store, p->from, p->to, width, height, NULL, &error);
  if (p->doc == NULL)
    {
      g_warning ("The roster could not be laid out: %s", error->message);
      return 0;
    }
  return nt_print_doc_paginate (p->doc);
}

static void
roster_render (gpointer  data,
               cairo_t  *cr,
               guint     page)
{
  RosterPrint *p = data;

  if (p->doc != NULL)
    nt_print_doc_render_page (p->doc, cr, page);
}

/**
 * nt_roster_page_print:
 *
 * Prints the roster of the period shown (the print dialog, its preview).
 */
gboolean
nt_roster_page_print (NtRosterPage  *self,
                      GError       **error)
{
  RosterPrint p = { nt_context_get_store (self->context), NULL, NULL, NULL };
  g_autofree char *job = NULL;
  gboolean ok;

  g_return_val_if_fail (NT_IS_ROSTER_PAGE (self), FALSE);

  nt_roster_page_get_period (self, &p.from, &p.to);
  /* TRANSLATORS: the print job's name */
  job = g_strdup_printf (_("Duty roster %s – %s"), p.from, p.to);
  ok = nt_print_run (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                     &(NtPrintJob) { job, GTK_PAGE_ORIENTATION_LANDSCAPE, roster_paginate, roster_render, &p }, error);
  g_clear_pointer (&p.doc, nt_print_doc_free);
  g_free (p.from);
  g_free (p.to);
  return ok;
}

static void
print_now (NtRosterPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!nt_roster_page_print (self, &error))
    nt_window_toast_text (GTK_WIDGET (self), error->message);
}

static void
on_print_response (AdwMessageDialog *dialog,
                   const char       *response,
                   NtRosterPage     *self)
{
  if (g_str_equal (response, "print"))
    print_now (self);
}

/* A roster with gaps says so before it is printed. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  NtRosterPage *self = NT_ROSTER_PAGE (widget);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->n_problems == 0)
    {
      print_now (self);
      return;
    }
  body = g_strdup_printf (ngettext ("The roster of this period still has %u gap or conflict (listed beside the grid). "
                                    "The printed roster will say so.",
                                    "The roster of this period still has %u gaps or conflicts (listed beside the grid). "
                                    "The printed roster will say so.", self->n_problems), self->n_problems);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Print a roster with gaps?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "print", _("_Print anyway"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_print_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ----- section actions -------------------------------------------------- */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  NtRosterPage *self = NT_ROSTER_PAGE (widget);

  gtk_stack_set_visible_child_name (self->stack, "handovers");
  nt_handovers_view_write (self->handovers);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NtRosterPage *self = NT_ROSTER_PAGE (widget);

  gtk_stack_set_visible_child_name (self->stack, "handovers");
  nt_handovers_view_focus_search (self->handovers);
}

static void
on_store_changed (NtStore      *store,
                  const char   *table,
                  NtRosterPage *self)
{
  static const char * const tables[] = { "duties", "posts", "shift_templates", "staff", "staff_availability" };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_str_equal (table, tables[i]))
      {
        reload (self);
        return;
      }
}

/* The grid is read when the page is first shown, not when it is built. */
static void
on_map (GtkWidget    *widget,
        NtRosterPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loaded)
    return;
  /* A school that never opened the roster gets the three usual shifts. */
  if (!nt_roster_ensure_defaults (nt_context_get_store (self->context), &error))
    g_debug ("No default shifts: %s", error->message);
  nt_roster_page_show_period (self, NULL, FALSE);
}

/* ----- object ----------------------------------------------------------- */

static void
nt_roster_page_constructed (GObject *object)
{
  NtRosterPage *self = NT_ROSTER_PAGE (object);

  G_OBJECT_CLASS (nt_roster_page_parent_class)->constructed (object);
  nt_handovers_view_set_context (self->handovers, self->context);
  nt_roster_setup_set_context (self->setup, self->context);
  g_signal_connect_object (nt_context_get_store (self->context), "changed",
                           G_CALLBACK (on_store_changed), self, 0);
  g_signal_connect (self, "map", G_CALLBACK (on_map), self);
}

/* A cell's popover hangs on the page (see on_cell_activated): the page
 * places it, as GtkPopover asks of its parent. */
static void
nt_roster_page_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  GTK_WIDGET_CLASS (nt_roster_page_parent_class)->size_allocate (widget, width, height, baseline);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
}

static void
nt_roster_page_dispose (GObject *object)
{
  NtRosterPage *self = NT_ROSTER_PAGE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_last_child (GTK_WIDGET (self))) != NULL && GTK_IS_POPOVER (child))
    gtk_widget_unparent (child);

  gtk_widget_dispose_template (GTK_WIDGET (self), NT_TYPE_ROSTER_PAGE);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (nt_roster_page_parent_class)->dispose (object);
}

static void
nt_roster_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  NtRosterPage *self = NT_ROSTER_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nt_roster_page_class_init (NtRosterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nt_roster_page_constructed;
  object_class->dispose = nt_roster_page_dispose;
  object_class->set_property = nt_roster_page_set_property;
  widget_class->size_allocate = nt_roster_page_size_allocate;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, NT_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (NT_TYPE_ROSTER_GRID);
  g_type_ensure (NT_TYPE_HANDOVERS_VIEW);
  g_type_ensure (NT_TYPE_ROSTER_SETUP);
  g_type_ensure (NT_TYPE_DUTY_COUNTS_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/edu/noitru/nt-roster-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NtRosterPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, NtRosterPage, stack);
  gtk_widget_class_bind_template_child (widget_class, NtRosterPage, week_button);
  gtk_widget_class_bind_template_child (widget_class, NtRosterPage, month_button);
  gtk_widget_class_bind_template_child (widget_class, NtRosterPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, NtRosterPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, NtRosterPage, grid);
  gtk_widget_class_bind_template_child (widget_class, NtRosterPage, problems_label);
  gtk_widget_class_bind_template_child (widget_class, NtRosterPage, problems_list);
  gtk_widget_class_bind_template_child (widget_class, NtRosterPage, handovers);
  gtk_widget_class_bind_template_child (widget_class, NtRosterPage, setup);
  gtk_widget_class_bind_template_child (widget_class, NtRosterPage, counts);
  gtk_widget_class_bind_template_callback (widget_class, on_span_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_cell_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_problem_activated);

  gtk_widget_class_install_action (widget_class, "roster.previous", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "roster.next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "roster.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "roster.generate", NULL, generate_action);
  gtk_widget_class_install_action (widget_class, "roster.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "roster.print", NULL);
  gtk_widget_class_install_action (widget_class, "roster.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "roster.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "roster.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "roster.next", NULL);
}

static void
nt_roster_page_init (NtRosterPage *self)
{
  g_date_clear (&self->anchor, 1);
  gtk_widget_init_template (GTK_WIDGET (self));
}
