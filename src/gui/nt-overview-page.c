/* nt-overview-page.c: the headline figures; each card opens its section */
#define G_LOG_DOMAIN "nt-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-context.h"
#include "nt-leaves.h"
#include "nt-night-checks.h"
#include "nt-overview-page.h"
#include "nt-school.h"

struct _NtOverviewPage
{
  AdwBin      parent_instance;
  NtContext  *context;
  GtkLabel   *school_label;
  GtkLabel   *date_label;
  GtkFlowBox *cards;
  GtkBox     *content_box;
  GtkWidget  *tonight;
  GHashTable *values;   /* figure name → GtkLabel */
};

G_DEFINE_FINAL_TYPE (NtOverviewPage, nt_overview_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* What the Overview counts: the school's figures and today's leave. */
typedef struct
{
  NtSchoolFigures school;
  gint64          out_now;
  gint64          overdue;
} Figures;

typedef struct
{
  const char *name;
  const char *caption;
  const char *section;   /* what the card opens */
  gsize       offset;    /* in Figures */
  gboolean    alarming;  /* more than zero is shown as a warning */
} Figure;

#define SCHOOL(m) (G_STRUCT_OFFSET (Figures, school) + G_STRUCT_OFFSET (NtSchoolFigures, m))
static const Figure figures[] = {
  { "overdue", N_("overdue, not back"), "leaves", G_STRUCT_OFFSET (Figures, overdue), TRUE },
  { "out-now", N_("out on leave now"), "leaves", G_STRUCT_OFFSET (Figures, out_now), FALSE },
  { "boarders", N_("boarding students"), "students", SCHOOL (boarders), FALSE },
  { "free-beds", N_("free beds"), "rooms", SCHOOL (free_beds), FALSE },
  { "students", N_("students"), "students", SCHOOL (students), FALSE },
  { "rooms", N_("dorm rooms"), "rooms", SCHOOL (rooms), FALSE },
  { "staff", N_("staff"), NULL, SCHOOL (staff), FALSE },
};
#undef SCHOOL

/* Tonight's night check, one row per building. */
static void
refresh_tonight (NtOverviewPage *self)
{
  g_autofree char *night = nt_night_check_default_night ();
  g_autoptr(GListStore) progress = nt_night_check_tonight (nt_context_get_store (self->context), night, NULL);

  if (self->tonight != NULL)
    gtk_box_remove (self->content_box, self->tonight);
  self->tonight = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->tonight), _("Tonight's night check"));
  for (guint i = 0; progress && i < g_list_model_get_n_items (G_LIST_MODEL (progress)); i++)
    {
      g_autoptr(NtCheckProgress) p = g_list_model_get_item (G_LIST_MODEL (progress), i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *text = p->n_checks == 0 ? g_strdup (_("not started"))
                            : p->closed ? g_strdup_printf (_("closed: %u of %u checked"), p->checked, p->expected)
                                        : g_strdup_printf (_("in progress: %u of %u checked"), p->checked, p->expected);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), p->building_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-section");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", "checks");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->tonight), row);
    }
  gtk_box_append (self->content_box, self->tonight);
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

  nt_school_figures (store, &f.school);
  f.out_now = out_now ? g_list_model_get_n_items (G_LIST_MODEL (out_now)) : 0;
  f.overdue = overdue ? g_list_model_get_n_items (G_LIST_MODEL (overdue)) : 0;
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      GtkLabel *label = g_hash_table_lookup (self->values, figures[i].name);
      gint64 value = G_STRUCT_MEMBER (gint64, &f, figures[i].offset);
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

      gtk_label_set_text (label, text);
      if (figures[i].alarming && value > 0)
        gtk_widget_add_css_class (GTK_WIDGET (label), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
    }
  refresh_tonight (self);

  gtk_label_set_text (self->school_label, info ? info->name : "");
  gtk_label_set_text (self->date_label, date_text);
}

static void
on_store_changed (NtStore        *store,
                  const char     *table,
                  NtOverviewPage *self)
{
  refresh (self);
}

static gboolean
refresh_idle (gpointer data)
{
  NtOverviewPage *self = data;

  if (self->context != NULL)
    refresh (self);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
on_first_map (GtkWidget *widget,
              gpointer   data)
{
  g_signal_handlers_disconnect_by_func (widget, on_first_map, data);
  g_idle_add_full (G_PRIORITY_LOW, refresh_idle, g_object_ref (widget), NULL);
}

static GtkWidget *
make_card (NtOverviewPage *self,
           const Figure   *figure)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *value = gtk_label_new ("…");
  GtkWidget *caption = gtk_label_new (_(figure->caption));
  GtkWidget *card;

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

  /* The figures are counted once the page is on screen, so the window
   * appears at once on a large school. */
  g_signal_connect (self, "map", G_CALLBACK (on_first_map), NULL);
}

static void
nt_overview_page_dispose (GObject *object)
{
  NtOverviewPage *self = NT_OVERVIEW_PAGE (object);

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
