/* nt-bar-chart.c
 *
 * Columns for a series of counts (absences per night, incidents per
 * month), drawn with cairo and labelled with Pango so the Vietnamese
 * labels are shaped right. The largest value and the total are written
 * beside the bars: the picture says "more than usual", the figures say how
 * many. The colours follow the theme (the accent colour, the text colour).
 */
#define G_LOG_DOMAIN "nt-bar-chart"

#include "config.h"

#include "nt-bar-chart.h"

struct _NtBarChart
{
  GtkWidget  parent_instance;

  GArray    *values;   /* guint */
  GPtrArray *labels;   /* char *, "" for none */
};

G_DEFINE_FINAL_TYPE (NtBarChart, nt_bar_chart, GTK_TYPE_WIDGET)

#define LABEL_HEIGHT 18.0
#define VALUE_HEIGHT 16.0

static void
nt_bar_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  NtBarChart *self = NT_BAR_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double plot = height - LABEL_HEIGHT - VALUE_HEIGHT;
  guint n = self->values->len;
  guint most = 1;
  GdkRGBA fg, accent = { 0.21, 0.52, 0.89, 1.0 };
  double slot;

  if (n == 0 || plot <= 4)
    return;
  for (guint i = 0; i < n; i++)
    most = MAX (most, g_array_index (self->values, guint, i));
  slot = width / n;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);

  for (guint i = 0; i < n; i++)
    {
      guint v = g_array_index (self->values, guint, i);
      double h = plot * v / most;
      double x = i * slot + slot * 0.15;
      const char *label = g_ptr_array_index (self->labels, i);

      if (v > 0)
        {
          gtk_snapshot_append_color (snapshot, &accent,
                                     &GRAPHENE_RECT_INIT (x, VALUE_HEIGHT + plot - h, slot * 0.7, h));
          if (slot >= 18 || v == most)
            {
              g_autofree char *text = g_strdup_printf ("%u", v);
              PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
              int tw, th;

              pango_layout_get_pixel_size (layout, &tw, &th);
              gtk_snapshot_save (snapshot);
              gtk_snapshot_translate (snapshot,
                                      &GRAPHENE_POINT_INIT (i * slot + slot / 2 - tw / 2.0,
                                                            MAX (0, VALUE_HEIGHT + plot - h - th)));
              gtk_snapshot_append_layout (snapshot, layout, &fg);
              gtk_snapshot_restore (snapshot);
              g_object_unref (layout);
            }
        }
      if (label != NULL && label[0] != '\0')
        {
          PangoLayout *layout = gtk_widget_create_pango_layout (widget, label);
          int tw, th;

          pango_layout_get_pixel_size (layout, &tw, &th);
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (i * slot + slot / 2 - tw / 2.0, height - th));
          gtk_snapshot_append_layout (snapshot, layout, &(GdkRGBA) { fg.red, fg.green, fg.blue, 0.7 });
          gtk_snapshot_restore (snapshot);
          g_object_unref (layout);
        }
    }
  /* The base line. */
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { fg.red, fg.green, fg.blue, 0.3 },
                             &GRAPHENE_RECT_INIT (0, VALUE_HEIGHT + plot, width, 1));
}

static void
nt_bar_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 240;
  else
    *minimum = *natural = 140;
}

/**
 * nt_bar_chart_set_values:
 * @values: (array length=n): the counts
 * @labels: (array length=n) (nullable): a label under each bar; "" or NULL
 *   for none
 */
void
nt_bar_chart_set_values (NtBarChart         *self,
                         const guint        *values,
                         const char * const *labels,
                         guint               n)
{
  g_autoptr(GString) summary = g_string_new (NULL);

  g_return_if_fail (NT_IS_BAR_CHART (self));

  g_array_set_size (self->values, 0);
  g_ptr_array_set_size (self->labels, 0);
  g_array_append_vals (self->values, values, n);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (self->labels, g_strdup (labels != NULL && labels[i] != NULL ? labels[i] : ""));
    }
  /* The figures, for a screen reader and a tooltip. */
  for (guint i = 0; i < n; i++)
    if (values[i] > 0)
      g_string_append_printf (summary, "%s%s: %u", summary->len > 0 ? ", " : "",
                              labels != NULL && labels[i] != NULL ? labels[i] : "", values[i]);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), summary->str);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
nt_bar_chart_get_n_bars (NtBarChart *self)
{
  g_return_val_if_fail (NT_IS_BAR_CHART (self), 0);
  return self->values->len;
}

guint
nt_bar_chart_get_total (NtBarChart *self)
{
  guint total = 0;

  g_return_val_if_fail (NT_IS_BAR_CHART (self), 0);
  for (guint i = 0; i < self->values->len; i++)
    total += g_array_index (self->values, guint, i);
  return total;
}

static void
nt_bar_chart_finalize (GObject *object)
{
  NtBarChart *self = NT_BAR_CHART (object);

  g_array_unref (self->values);
  g_ptr_array_unref (self->labels);
  G_OBJECT_CLASS (nt_bar_chart_parent_class)->finalize (object);
}

static void
nt_bar_chart_class_init (NtBarChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = nt_bar_chart_finalize;
  widget_class->snapshot = nt_bar_chart_snapshot;
  widget_class->measure = nt_bar_chart_measure;
  gtk_widget_class_set_css_name (widget_class, "ntbarchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
nt_bar_chart_init (NtBarChart *self)
{
  self->values = g_array_new (FALSE, TRUE, sizeof (guint));
  self->labels = g_ptr_array_new_with_free_func (g_free);
}

GtkWidget *
nt_bar_chart_new (void)
{
  return g_object_new (NT_TYPE_BAR_CHART, NULL);
}
