/* nt-user-chooser.c */
#define G_LOG_DOMAIN "nt-user-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-user-chooser.h"
#include "nt-vntext.h"

struct _NtUserChooser
{
  AdwWindow       parent_instance;
  NtContext      *context;
  GListStore     *staff;
  GtkCustomFilter *filter;
  GtkSearchEntry *search_entry;
  GtkListBox     *list;
};

G_DEFINE_FINAL_TYPE (NtUserChooser, nt_user_chooser, ADW_TYPE_WINDOW)

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  NtStaffMember *m = item;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m->full_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), nt_staff_role_label (m->role));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "member", g_object_ref (m), g_object_unref);
  return row;
}

static gboolean
filter_member (gpointer item,
               gpointer user_data)
{
  NtUserChooser *self = user_data;
  NtStaffMember *m = item;
  g_auto(GStrv) tokens = nt_vn_search_tokens (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  g_autofree char *name = nt_vn_fold (m->full_name);

  for (guint i = 0; tokens[i]; i++)
    if (strstr (name, tokens[i]) == NULL)
      return FALSE;
  return TRUE;
}

static void
on_search_changed (GtkSearchEntry *entry,
                   NtUserChooser  *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
choose (NtUserChooser *self,
        NtStaffMember *m)
{
  g_autoptr(GError) error = NULL;

  if (!nt_context_set_user (self->context, m, &error))
    {
      g_warning ("%s", error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_row_activated (GtkListBox    *list,
                  GtkListBoxRow *row,
                  NtUserChooser *self)
{
  choose (self, g_object_get_data (G_OBJECT (row), "member"));
}

/* Enter picks the first person the search leaves: the search as typed,
 * even when Enter comes before the entry's delayed "search-changed" (a
 * name typed quickly and Enter must not pick whoever was first before). */
static void
on_search_activate (GtkSearchEntry *entry,
                    NtUserChooser  *self)
{
  GtkListBoxRow *row;

  on_search_changed (entry, self);
  row = gtk_list_box_get_row_at_index (self->list, 0);

  if (row != NULL)
    on_row_activated (self->list, row, self);
}

/**
 * nt_user_chooser_choose:
 *
 * Chooses the staff member with @staff_code, as a click on their row does.
 */
gboolean
nt_user_chooser_choose (NtUserChooser *self,
                        const char    *staff_code)
{
  g_return_val_if_fail (NT_IS_USER_CHOOSER (self), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->staff)); i++)
    {
      g_autoptr(NtStaffMember) m = g_list_model_get_item (G_LIST_MODEL (self->staff), i);
      if (g_strcmp0 (m->code, staff_code) == 0)
        {
          choose (self, m);
          return TRUE;
        }
    }
  return FALSE;
}

static void
nt_user_chooser_dispose (GObject *object)
{
  NtUserChooser *self = NT_USER_CHOOSER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NT_TYPE_USER_CHOOSER);
  g_clear_object (&self->staff);
  g_clear_object (&self->filter);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (nt_user_chooser_parent_class)->dispose (object);
}

static void
nt_user_chooser_class_init (NtUserChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nt_user_chooser_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/edu/noitru/nt-user-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, NtUserChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, NtUserChooser, list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nt_user_chooser_init (NtUserChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

NtUserChooser *
nt_user_chooser_new (NtContext *context)
{
  NtUserChooser *self;
  g_autoptr(GtkFilterListModel) filtered = NULL;

  g_return_val_if_fail (NT_IS_CONTEXT (context), NULL);

  self = g_object_new (NT_TYPE_USER_CHOOSER, NULL);
  self->context = g_object_ref (context);
  self->staff = nt_staff_list (nt_context_get_store (context), TRUE, NULL);
  self->filter = gtk_custom_filter_new (filter_member, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->staff)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (filtered), create_row, self, NULL);
  return self;
}
