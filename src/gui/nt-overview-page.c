/* nt-overview-page.c: the headline figures; each card opens its section */
#define G_LOG_DOMAIN "nt-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-assessment.h"
#include "nt-bar-chart.h"
#include "nt-commitments.h"
#include "nt-context.h"
#include "nt-dialogues.h"
#include "nt-incidents.h"
#include "nt-leaves.h"
#include "nt-night-checks.h"
#include "nt-overview-page.h"
#include "nt-roster.h"
#include "nt-school.h"
#include "nt-visitors.h"

struct _NtOverviewPage
{
  AdwBin      parent_instance;
  NtContext  *context;
  GtkLabel   *school_label;
  GtkLabel   *date_label;
  GtkFlowBox *cards;
  GtkBox     *content_box;
  GtkWidget  *tonight;
  GtkWidget  *on_duty;
  GtkWidget  *year;
  GtkWidget  *charts;
  GtkWidget  *absences_chart;
  GtkWidget  *incidents_chart;
  guint       refresh_source;  /* the pending idle count, 0 when none */
  guint       clock_source;    /* the count made again every minute */
  gboolean    stale;           /* the data changed while the page was hidden */
  gboolean    counted;         /* counted at least once */
  GHashTable *values;   /* figure name → GtkLabel */
};

G_DEFINE_FINAL_TYPE (NtOverviewPage, nt_overview_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* What the Overview counts: the school's figures, today's leave, the open
 * incidents, the commitments signed and who is inside the gate. */
typedef struct
{
  NtSchoolFigures school;
  gint64          out_now;
  gint64          overdue;
  gint64          incidents;         /* open or in progress */
  gint64          incidents_overdue; /* of them, past their category's limit */
  gint64          commitments;       /* % signed, -1 when nothing to sign */
  gint64          visitors;          /* inside the gate now */
} Figures;

typedef struct
{
  const char *name;
  const char *caption;
  const char *section;   /* what the card opens */
  gsize       offset;    /* in Figures */
  gsize       alarm;     /* in Figures: more than zero there shows the figure as a warning; 0 for none */
  gboolean    percent;   /* the figure is a percentage against 100 % */
} Figure;

#define F(m) G_STRUCT_OFFSET (Figures, m)
#define SCHOOL(m) (F (school) + G_STRUCT_OFFSET (NtSchoolFigures, m))
static const Figure figures[] = {
  { "overdue", N_("overdue, not back"), "leaves:overdue", F (overdue), F (overdue), FALSE },
  { "out-now", N_("out on leave now"), "leaves:out", F (out_now), 0, FALSE },
  { "incidents", N_("incidents not closed"), "incidents", F (incidents), F (incidents_overdue), FALSE },
  { "commitments", N_("of the signatures the rules ask for (target 100 %)"), "commitments", F (commitments), 0, TRUE },
  { "visitors", N_("visitors inside now"), "gate", F (visitors), 0, FALSE },
  { "boarders", N_("boarding students"), "students:boarding", SCHOOL (boarders), 0, FALSE },
  { "free-beds", N_("free beds"), "rooms:free", SCHOOL (free_beds), 0, FALSE },
  { "students", N_("students"), "students", SCHOOL (students), 0, FALSE },
};
#undef SCHOOL
#undef F

/* A group of rows below the cards, made anew on each refresh. */
static GtkWidget *
replace_group (NtOverviewPage  *self,
               GtkWidget      **slot,
               const char      *title)
{
  if (*slot != NULL)
    gtk_box_remove (self->content_box, *slot);
  *slot = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (*slot), title);
  gtk_box_append (self->content_box, *slot);
  return *slot;
}

static GtkWidget *
section_row (const char *title,
             const char *subtitle,
             const char *section)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-section");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", section);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

/* Who is on duty now, one row per post: the standard asks for the dorm to
 * be staffed around the clock, and the principal looks here first. */
static void
refresh_on_duty (NtOverviewPage *self)
{
  NtStore *store = nt_context_get_store (self->context);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%d %H:%M");
  g_autoptr(GListStore) duties = nt_roster_on_duty (store, at, NULL);
  g_autoptr(GListStore) posts = nt_roster_posts (store, TRUE, NULL);
  GtkWidget *group;

  if (posts == NULL || g_list_model_get_n_items (G_LIST_MODEL (posts)) == 0)
    {
      if (self->on_duty != NULL)
        gtk_box_remove (self->content_box, self->on_duty);
      self->on_duty = NULL;
      return;
    }
  group = replace_group (self, &self->on_duty, _("On duty now"));
  for (guint p = 0; p < g_list_model_get_n_items (G_LIST_MODEL (posts)); p++)
    {
      g_autoptr(NtPost) post = g_list_model_get_item (G_LIST_MODEL (posts), p);
      g_autoptr(GString) names = g_string_new (NULL);
      GtkWidget *row;

      for (guint i = 0; duties != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (duties)); i++)
        {
          g_autoptr(NtDuty) d = g_list_model_get_item (G_LIST_MODEL (duties), i);

          if (d->post_id == post->id)
            g_string_append_printf (names, "%s%s%s%s", names->len > 0 ? ", " : "", d->staff_name,
                                    d->staff_phone && d->staff_phone[0] ? " · " : "", d->staff_phone ? d->staff_phone : "");
        }
      if (names->len == 0 && !nt_roster_post_staffed_at (post, g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now)))
        {
          /* TRANSLATORS: a post nobody needs to staff now: "ngoài giờ trực (06:00–22:00)" */
          g_autofree char *hours = g_strdup_printf (_("outside its hours (%s–%s)"), post->staffed_from, post->staffed_to);
          row = section_row (post->name, hours, "roster");
        }
      else
        {
          row = section_row (post->name, names->len > 0 ? names->str : _("Nobody on duty"), "roster");
          if (names->len == 0)
            gtk_widget_add_css_class (row, "nt-overdue");
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

/* The year's books that wait on someone: the self-assessment and the
 * questions of the dialogues with boarders still to answer. */
static void
refresh_year (NtOverviewPage *self)
{
  NtStore *store = nt_context_get_store (self->context);
  GtkWidget *group = replace_group (self, &self->year, _("This school year"));
  g_autofree char *state = NULL;
  guint decided = 0, met = 0, criteria = 0, open;

  if (nt_assessment_progress (store, NULL, &decided, &met, &criteria, &state))
    {
      /* TRANSLATORS: the self-assessment on the Overview: "3 of 6 criteria decided, 3 met · draft" */
      g_autofree char *text = g_strdup_printf (_("%u of %u criteria decided, %u met · %s"), decided, criteria, met,
                                               nt_assessment_state_label (state));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 section_row (_("ANTT self-assessment"), text, "assessment"));
    }
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               section_row (_("ANTT self-assessment"), _("not started for this school year"),
                                            "assessment"));

  open = nt_dialogues_count_open (store);
  {
    /* TRANSLATORS: on the Overview: the questions of boarders not yet answered */
    g_autofree char *text = open == 0 ? g_strdup (_("every question answered"))
                                      : g_strdup_printf (ngettext ("%u question still open", "%u questions still open",
                                                                   open), open);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               section_row (_("Dialogues with boarders"), text, "dorm-life"));
  }
}

/* A chart in a card that opens its section. */
static GtkWidget *
chart_card (const char  *title,
            GtkWidget   *chart,
            const char  *section)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), chart);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "card");
  gtk_widget_add_css_class (button, "nt-card");
  gtk_widget_set_hexpand (button, TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-section");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", section);
  return button;
}

/* Absences without leave for the last 30 nights, and incidents per month
 * of the school year: a principal reads a picture faster than a table. */
static void
refresh_charts (NtOverviewPage *self)
{
  NtStore *store = nt_context_get_store (self->context);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_add_days (now, -29);
  g_autofree char *to = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *from = g_date_time_format (start, "%Y-%m-%d");
  g_autoptr(NtSchoolInfo) info = nt_school_get (store);
  g_autofree char *year_from = NULL;
  g_autofree char *year_to = NULL;
  g_autoptr(GArray) absences = nt_night_check_absences_by_night (store, from, to, NULL);
  g_autoptr(GArray) incidents = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  if (self->charts == NULL)
    {
      self->charts = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      self->absences_chart = nt_bar_chart_new ();
      self->incidents_chart = nt_bar_chart_new ();
      gtk_box_append (GTK_BOX (self->charts), chart_card (_("Absent without leave, last 30 nights"),
                                                          self->absences_chart, "checks"));
      gtk_box_append (GTK_BOX (self->charts), chart_card (_("Incidents per month of the school year"),
                                                          self->incidents_chart, "incidents"));
    }
  else
    {
      /* Moved below the groups just made anew: held while out of the box,
       * which owns it. */
      g_autoptr(GtkWidget) charts = g_object_ref (self->charts);

      gtk_box_remove (self->content_box, charts);
      gtk_box_append (self->content_box, charts);
    }
  if (gtk_widget_get_parent (self->charts) == NULL)
    gtk_box_append (self->content_box, self->charts);

  /* Every fifth night is labelled with its day of the month. */
  for (guint i = 0; absences != NULL && i < absences->len; i++)
    {
      g_autoptr(GDateTime) night = g_date_time_add_days (start, i);
      g_ptr_array_add (labels, i % 5 == 4 || i == 0 ? g_date_time_format (night, "%d/%m") : g_strdup (""));
    }
  if (absences != NULL)
    nt_bar_chart_set_values (NT_BAR_CHART (self->absences_chart), (const guint *) absences->data,
                             (const char * const *) labels->pdata, absences->len);

  if (info == NULL || info->school_year == NULL)
    return;
  nt_incidents_school_year_range (info->school_year, &year_from, &year_to);
  incidents = nt_incidents_count_by_month (store, year_from, year_to, NULL);
  g_ptr_array_set_size (labels, 0);
  if (incidents != NULL)
    {
      GDate month;

      g_date_clear (&month, 1);
      g_date_set_parse (&month, year_from);
      for (guint i = 0; i < incidents->len; i++)
        {
          /* TRANSLATORS: a month under a chart: "T9" for September */
          g_ptr_array_add (labels, g_strdup_printf (_("M%u"), g_date_get_month (&month)));
          g_date_add_months (&month, 1);
        }
      nt_bar_chart_set_values (NT_BAR_CHART (self->incidents_chart), (const guint *) incidents->data,
                               (const char * const *) labels->pdata, incidents->len);
    }
}

/* Tonight's night check, one row per building. */
static void
refresh_tonight (NtOverviewPage *self)
{
  g_autofree char *night = nt_night_check_default_night ();
  g_autoptr(GListStore) progress = nt_night_check_tonight (nt_context_get_store (self->context), night, NULL);

  replace_group (self, &self->tonight, _("Tonight's night check"));
  for (guint i = 0; progress && i < g_list_model_get_n_items (G_LIST_MODEL (progress)); i++)
    {
      g_autoptr(NtCheckProgress) p = g_list_model_get_item (G_LIST_MODEL (progress), i);
      g_autofree char *text = p->n_checks == 0 ? g_strdup (_("not started"))
                            : p->closed ? g_strdup_printf (_("closed: %u of %u checked"), p->checked, p->expected)
                                        : g_strdup_printf (_("in progress: %u of %u checked"), p->checked, p->expected);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->tonight), section_row (p->building_name, text, "checks"));
    }
}

static void
refresh (NtOverviewPage *self)
{
  NtStore *store = nt_context_get_store (self->context);
  g_autoptr(NtSchoolInfo) info = nt_school_get (store);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%d/%m/%Y");
  g_autofree char *date_text = g_strdup_printf (_("Today, %s"), today);
  g_autofree char *now_time = nt_leave_time_now ();
  g_autoptr(GListStore) out_now = nt_leaves_out_now (store, now_time, NULL);
  g_autoptr(GListStore) overdue = nt_leaves_overdue (store, now_time, NULL);
  Figures f;

  guint n_overdue = 0;
  double percent;

  nt_school_figures (store, &f.school);
  f.out_now = out_now ? g_list_model_get_n_items (G_LIST_MODEL (out_now)) : 0;
  f.overdue = overdue ? g_list_model_get_n_items (G_LIST_MODEL (overdue)) : 0;
  f.incidents = nt_incidents_count_active (store, NULL, &n_overdue);
  f.incidents_overdue = n_overdue;
  percent = nt_commitments_school_percent (store, NULL, NULL);
  /* Rounded, as the Commitments section shows it, but never to 100 % while
   * someone has not signed. */
  f.commitments = percent < 0 ? -1 : MIN ((gint64) (percent + 0.5), percent < 100 ? 99 : 100);
  f.visitors = nt_visitors_count_inside (store);
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      GtkLabel *label = g_hash_table_lookup (self->values, figures[i].name);
      gint64 value = G_STRUCT_MEMBER (gint64, &f, figures[i].offset);
      gint64 alarm = figures[i].alarm != 0 ? G_STRUCT_MEMBER (gint64, &f, figures[i].alarm) : 0;
      g_autofree char *text = figures[i].percent
                              ? (value < 0 ? g_strdup ("—") : g_strdup_printf ("%" G_GINT64_FORMAT " %%", value))
                              : g_strdup_printf ("%" G_GINT64_FORMAT, value);

      gtk_label_set_text (label, text);
      /* Red for what needs doing now; orange for a target not yet reached. */
      if (alarm > 0)
        gtk_widget_add_css_class (GTK_WIDGET (label), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
      if (figures[i].percent && value >= 0 && value < 100)
        gtk_widget_add_css_class (GTK_WIDGET (label), "warning");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (label), "warning");
    }
  refresh_on_duty (self);
  refresh_tonight (self);
  refresh_year (self);
  refresh_charts (self);

  gtk_label_set_text (self->school_label, info ? info->name : "");
  gtk_label_set_text (self->date_label, date_text);
}

static gboolean
refresh_idle (gpointer data)
{
  NtOverviewPage *self = data;

  self->refresh_source = 0;
  if (self->context != NULL)
    refresh (self);
  return G_SOURCE_REMOVE;
}

/* One count of everything per burst of changes (a night check writes a
 * row a key), and none while the page is not on screen: it counts again
 * when it is shown. */
static void
schedule_refresh (NtOverviewPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_LOW, refresh_idle, self, NULL);
}

static void
on_store_changed (NtStore        *store,
                  const char     *table,
                  NtOverviewPage *self)
{
  schedule_refresh (self);
}

/* Some figures change with the time alone: a leave becomes overdue at its
 * end, a duty starts. Counted again every minute while on screen. */
static gboolean
on_clock (gpointer data)
{
  schedule_refresh (data);
  return G_SOURCE_CONTINUE;
}

/* The figures are counted once the page is on screen (the window appears
 * at once on a large school), and again on a later showing when the data
 * changed meanwhile. */
static void
on_map (GtkWidget      *widget,
        NtOverviewPage *self)
{
  if (self->stale || !self->counted)
    {
      self->counted = TRUE;
      schedule_refresh (self);
    }
}

static GtkWidget *
make_card (NtOverviewPage *self,
           const Figure   *figure)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *value = gtk_label_new ("…");
  GtkWidget *caption = gtk_label_new (_(figure->caption));
  GtkWidget *card;

  /* Captions wrap, so that four or five cards fit on a line. */
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (caption), 16);
  gtk_label_set_justify (GTK_LABEL (caption), GTK_JUSTIFY_CENTER);

  gtk_widget_add_css_class (value, "nt-figure");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), caption);

  if (figure->section != NULL)
    {
      card = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (card), box);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (card), "win.show-section");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (card), "s", figure->section);
    }
  else
    card = box;
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "nt-card");
  gtk_widget_set_name (card, figure->name);

  g_hash_table_insert (self->values, (gpointer) figure->name, value);
  return card;
}

static void
nt_overview_page_constructed (GObject *object)
{
  NtOverviewPage *self = NT_OVERVIEW_PAGE (object);

  G_OBJECT_CLASS (nt_overview_page_parent_class)->constructed (object);

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    gtk_flow_box_append (self->cards, make_card (self, &figures[i]));

  g_signal_connect_object (nt_context_get_store (self->context), "changed",
                           G_CALLBACK (on_store_changed), self, 0);

  g_signal_connect (self, "map", G_CALLBACK (on_map), self);
  self->clock_source = g_timeout_add_seconds (60, on_clock, self);
}

static void
nt_overview_page_dispose (GObject *object)
{
  NtOverviewPage *self = NT_OVERVIEW_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->clock_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), NT_TYPE_OVERVIEW_PAGE);
  g_clear_pointer (&self->values, g_hash_table_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (nt_overview_page_parent_class)->dispose (object);
}

static void
nt_overview_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      NT_OVERVIEW_PAGE (object)->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nt_overview_page_class_init (NtOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nt_overview_page_constructed;
  object_class->dispose = nt_overview_page_dispose;
  object_class->set_property = nt_overview_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, NT_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/edu/noitru/nt-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NtOverviewPage, school_label);
  gtk_widget_class_bind_template_child (widget_class, NtOverviewPage, date_label);
  gtk_widget_class_bind_template_child (widget_class, NtOverviewPage, cards);
  gtk_widget_class_bind_template_child (widget_class, NtOverviewPage, content_box);
}

static void
nt_overview_page_init (NtOverviewPage *self)
{
  self->values = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The sum of a chart's bars, for tests. */
guint
nt_overview_page_get_chart_total (NtOverviewPage *self,
                                  const char     *chart)
{
  g_return_val_if_fail (NT_IS_OVERVIEW_PAGE (self), 0);

  if (g_str_equal (chart, "absences") && self->absences_chart != NULL)
    return nt_bar_chart_get_total (NT_BAR_CHART (self->absences_chart));
  if (g_str_equal (chart, "incidents") && self->incidents_chart != NULL)
    return nt_bar_chart_get_total (NT_BAR_CHART (self->incidents_chart));
  return 0;
}

/* The text of a figure's card, for tests. */
const char *
nt_overview_page_get_figure (NtOverviewPage *self,
                             const char     *name)
{
  GtkLabel *label;

  g_return_val_if_fail (NT_IS_OVERVIEW_PAGE (self), NULL);
  label = g_hash_table_lookup (self->values, name);
  return label ? gtk_label_get_text (label) : NULL;
}
