/* nt-audit-window.c: who changed what and when
 *
 * The audit trail read-only, newest first, with filters by period, kind of
 * record and person; each entry says its changed fields in words, before →
 * after.
 */
#define G_LOG_DOMAIN "nt-audit-window"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-audit.h"
#include "nt-audit-window.h"
#include "nt-date.h"
#include "nt-util.h"

#include <string.h>

/* A screen of rows a person reads; the filters narrow it down. */
#define SHOWN_AT_MOST 200

struct _NtAuditWindow
{
  AdwWindow     parent_instance;

  NtContext    *context;
  GtkEntry     *from_entry;
  GtkEntry     *to_entry;
  GtkDropDown  *table_drop;
  GtkDropDown  *person_drop;
  GtkListBox   *list;
  GtkLabel     *status_label;
  GStrv         tables;       /* index 0 is "every kind" */
  GArray       *person_ids;   /* gint64, index 0 is "everybody" */
  guint         n_shown;
  gboolean      setting;      /* set_filter: one refresh at the end */
};

G_DEFINE_FINAL_TYPE (NtAuditWindow, nt_audit_window, ADW_TYPE_WINDOW)

/* Returns: (nullable): the row, or %NULL for an update that, said in
 * words, changed nothing */
static GtkWidget *
make_row (NtStore      *store,
          NtAuditEntry *e)
{
  GtkWidget *row;
  g_autofree char *changes = nt_audit_describe (store, e);
  g_autofree char *name = NULL;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  g_autofree char *day = g_strndup (e->at, 10);
  g_autofree char *shown_day = nt_date_iso_to_display (day);
  const char *who = e->staff_id > 0 ? e->staff_name : _("The program (import, command line)");

  if (g_strcmp0 (e->action, "update") == 0 && changes[0] == '\0')
    return NULL;
  row = adw_action_row_new ();
  name = nt_audit_record_name (store, e);
  when = g_strdup_printf ("%s %s", shown_day ? shown_day : day, e->at + (strlen (e->at) > 11 ? 11 : 0));
  /* "27/11/2026 21:30:05 · Thêm Cam kết: Lò Văn A (HS041) — Nội quy…" */
  title = g_strdup_printf ("%s · %s %s: %s", when, nt_audit_action_label (e->action),
                           nt_audit_table_label (e->table_name), name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  {
    g_autofree char *subtitle = changes[0] ? g_strdup_printf ("%s\n%s", who, changes) : g_strdup (who);
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  }
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static char *
entry_iso (GtkEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GDate) date = NULL;

  if (text == NULL || text[0] == '\0')
    return NULL;
  date = nt_date_parse_display (text, NULL);
  return date ? nt_date_to_iso (date) : NULL;
}

/**
 * nt_audit_window_refresh:
 *
 * Reads the trail again with the filters as they are.
 */
void
nt_audit_window_refresh (NtAuditWindow *self)
{
  g_autoptr(GListStore) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = entry_iso (self->from_entry);
  g_autofree char *to = entry_iso (self->to_entry);
  guint table = gtk_drop_down_get_selected (self->table_drop);
  guint person = gtk_drop_down_get_selected (self->person_drop);
  NtAuditFilter filter = { 0 };
  NtStore *store;
  GtkWidget *child;

  g_return_if_fail (NT_IS_AUDIT_WINDOW (self));

  if (self->setting)
    return;
  filter.limit = SHOWN_AT_MOST;
  filter.from_date = from;
  filter.to_date = to;
  filter.table_name = table > 0 && table != GTK_INVALID_LIST_POSITION ? self->tables[table] : NULL;
  filter.staff_id = person > 0 && person != GTK_INVALID_LIST_POSITION ? g_array_index (self->person_ids, gint64, person) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  self->n_shown = 0;

  if (!nt_str_empty (gtk_editable_get_text (GTK_EDITABLE (self->from_entry))) && from == NULL)
    {
      gtk_label_set_text (self->status_label, _("The “from” date is not a date (dd/mm/yyyy)."));
      return;
    }
  if (!nt_str_empty (gtk_editable_get_text (GTK_EDITABLE (self->to_entry))) && to == NULL)
    {
      gtk_label_set_text (self->status_label, _("The “to” date is not a date (dd/mm/yyyy)."));
      return;
    }

  store = nt_context_get_store (self->context);
  entries = nt_audit_list (store, &filter, &error);
  if (entries == NULL)
    {
      gtk_label_set_text (self->status_label, error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (entries)); i++)
    {
      g_autoptr(NtAuditEntry) e = g_list_model_get_item (G_LIST_MODEL (entries), i);
      GtkWidget *row = make_row (store, e);

      if (row == NULL)
        continue;
      gtk_list_box_append (self->list, row);
      self->n_shown++;
    }
  {
    g_autofree char *status = g_strdup_printf (ngettext ("%u change shown (newest first, at most %u).",
                                                         "%u changes shown (newest first, at most %u).",
                                                         self->n_shown), self->n_shown, SHOWN_AT_MOST);
    gtk_label_set_text (self->status_label, status);
  }
}

guint
nt_audit_window_get_n_shown (NtAuditWindow *self)
{
  g_return_val_if_fail (NT_IS_AUDIT_WINDOW (self), 0);
  return self->n_shown;
}

/**
 * nt_audit_window_set_filter:
 * @from: (nullable): dd/mm/yyyy
 * @to: (nullable): dd/mm/yyyy
 * @table_name: (nullable): a table, or %NULL for every kind of record
 * @staff_id: a person, 0 for everybody, -1 for the program itself
 *
 * Sets the filters as a person would, then refreshes.
 */
void
nt_audit_window_set_filter (NtAuditWindow *self,
                            const char    *from,
                            const char    *to,
                            const char    *table_name,
                            gint64         staff_id)
{
  g_return_if_fail (NT_IS_AUDIT_WINDOW (self));

  self->setting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from ? from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to ? to : "");
  gtk_drop_down_set_selected (self->table_drop, 0);
  for (guint i = 1; table_name && self->tables[i]; i++)
    if (g_strcmp0 (self->tables[i], table_name) == 0)
      gtk_drop_down_set_selected (self->table_drop, i);
  gtk_drop_down_set_selected (self->person_drop, 0);
  for (guint i = 1; staff_id != 0 && i < self->person_ids->len; i++)
    if (g_array_index (self->person_ids, gint64, i) == staff_id)
      gtk_drop_down_set_selected (self->person_drop, i);
  self->setting = FALSE;
  nt_audit_window_refresh (self);
}

static void
nt_audit_window_dispose (GObject *object)
{
  NtAuditWindow *self = NT_AUDIT_WINDOW (object);

  g_clear_pointer (&self->tables, g_strfreev);
  g_clear_pointer (&self->person_ids, g_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (nt_audit_window_parent_class)->dispose (object);
}

static void
nt_audit_window_class_init (NtAuditWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = nt_audit_window_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nt_audit_window_init (NtAuditWindow *self)
{
}

static GtkEntry *
date_entry (const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 11);
  return GTK_ENTRY (entry);
}

static void
fill_filters (NtAuditWindow *self)
{
  NtStore *store = nt_context_get_store (self->context);
  g_auto(GStrv) tables = nt_audit_tables (store);
  g_autoptr(GtkStringList) table_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) people = gtk_string_list_new (NULL);
  g_autoptr(GListStore) staff = nt_staff_list (store, FALSE, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gint64 none = 0, program = -1;

  g_strv_builder_add (builder, "");
  gtk_string_list_append (table_names, _("Every kind of record"));
  for (guint i = 0; tables[i]; i++)
    {
      g_strv_builder_add (builder, tables[i]);
      gtk_string_list_append (table_names, nt_audit_table_label (tables[i]));
    }
  self->tables = g_strv_builder_end (builder);
  gtk_drop_down_set_model (self->table_drop, G_LIST_MODEL (table_names));

  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (self->person_ids, none);
  gtk_string_list_append (people, _("Everybody"));
  g_array_append_val (self->person_ids, program);
  gtk_string_list_append (people, _("The program (import, command line)"));
  for (guint i = 0; staff && i < g_list_model_get_n_items (G_LIST_MODEL (staff)); i++)
    {
      g_autoptr(NtStaffMember) m = g_list_model_get_item (G_LIST_MODEL (staff), i);
      g_array_append_val (self->person_ids, m->id);
      gtk_string_list_append (people, m->full_name);
    }
  gtk_drop_down_set_model (self->person_drop, G_LIST_MODEL (people));
}

NtAuditWindow *
nt_audit_window_new (GtkWindow *parent,
                     NtContext *context)
{
  NtAuditWindow *self;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *filters = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *show = gtk_button_new_with_mnemonic (_("_Show"));
  GtkWidget *clamp = adw_clamp_new ();

  g_return_val_if_fail (NT_IS_CONTEXT (context), NULL);

  self = g_object_new (NT_TYPE_AUDIT_WINDOW,
                       "transient-for", parent,
                       "title", _("Audit trail — who changed what"),
                       "default-width", 900,
                       "default-height", 640,
                       NULL);
  self->context = g_object_ref (context);

  self->from_entry = date_entry (_("from dd/mm/yyyy"));
  self->to_entry = date_entry (_("to dd/mm/yyyy"));
  self->table_drop = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  self->person_drop = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_drop_down_set_enable_search (self->person_drop, FALSE);
  fill_filters (self);

  gtk_widget_add_css_class (show, "suggested-action");
  g_signal_connect_swapped (show, "clicked", G_CALLBACK (nt_audit_window_refresh), self);
  g_signal_connect_swapped (self->from_entry, "activate", G_CALLBACK (nt_audit_window_refresh), self);
  g_signal_connect_swapped (self->to_entry, "activate", G_CALLBACK (nt_audit_window_refresh), self);
  g_signal_connect_swapped (self->table_drop, "notify::selected", G_CALLBACK (nt_audit_window_refresh), self);
  g_signal_connect_swapped (self->person_drop, "notify::selected", G_CALLBACK (nt_audit_window_refresh), self);

  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->from_entry));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->to_entry));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->table_drop));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->person_drop));
  gtk_box_append (GTK_BOX (filters), show);
  gtk_widget_set_margin_start (filters, 12);
  gtk_widget_set_margin_end (filters, 12);
  gtk_widget_set_margin_top (filters, 12);

  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->status_label, 0);
  gtk_label_set_wrap (self->status_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
  gtk_widget_set_margin_start (GTK_WIDGET (self->status_label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->status_label), 6);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_widget_set_margin_top (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->list), 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), filters);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status_label));
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);

  nt_audit_window_refresh (self);
  return self;
}
