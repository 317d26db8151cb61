/* nt-overview-page.c: the headline figures; each card opens its section */
#define G_LOG_DOMAIN "nt-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-context.h"
#include "nt-overview-page.h"
#include "nt-school.h"

struct _NtOverviewPage
{
  AdwBin      parent_instance;
  NtContext  *context;
  GtkLabel   *school_label;
  GtkLabel   *date_label;
  GtkFlowBox *cards;
  GHashTable *values;   /* figure name → GtkLabel */
};

G_DEFINE_FINAL_TYPE (NtOverviewPage, nt_overview_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

typedef struct
{
  const char *name;
  const char *caption;
  const char *section;   /* what the card opens */
  gsize       offset;    /* in NtSchoolFigures */
} Figure;

static const Figure figures[] = {
  { "students", N_("students"), "students", G_STRUCT_OFFSET (NtSchoolFigures, students) },
  { "boarders", N_("boarding students"), "students", G_STRUCT_OFFSET (NtSchoolFigures, boarders) },
  { "rooms", N_("dorm rooms"), "rooms", G_STRUCT_OFFSET (NtSchoolFigures, rooms) },
  { "free-beds", N_("free beds"), "rooms", G_STRUCT_OFFSET (NtSchoolFigures, free_beds) },
  { "staff", N_("staff"), NULL, G_STRUCT_OFFSET (NtSchoolFigures, staff) },
};

static void
refresh (NtOverviewPage *self)
{
  NtStore *store = nt_context_get_store (self->context);
  g_autoptr(NtSchoolInfo) info = nt_school_get (store);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%d/%m/%Y");
  g_autofree char *date_text = g_strdup_printf (_("Today, %s"), today);
  NtSchoolFigures f;

  nt_school_figures (store, &f);
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      GtkLabel *label = g_hash_table_lookup (self->values, figures[i].name);
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT,
                                               G_STRUCT_MEMBER (gint64, &f, figures[i].offset));
      gtk_label_set_text (label, text);
    }

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
