/* nt-bar-chart.h: a small column chart (a count per day or per month) */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NT_TYPE_BAR_CHART (nt_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (NtBarChart, nt_bar_chart, NT, BAR_CHART, GtkWidget)

GtkWidget *nt_bar_chart_new        (void);
void       nt_bar_chart_set_values (NtBarChart          *self,
                                    const guint         *values,
                                    const char * const  *labels,
                                    guint                n);
guint      nt_bar_chart_get_n_bars (NtBarChart          *self);
guint      nt_bar_chart_get_total  (NtBarChart          *self);

G_END_DECLS
