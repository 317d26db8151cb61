/* nt-confidential-page.c
 *
 * The confidential box. Anyone may write down a report they received; the
 * list shows everyone when each came, how, and whether it was dealt with.
 * The content and the reporter's name are shown only to a role that may
 * read them (the principal): the core does not even hand them to the page
 * for anyone else. The principal turns a report into an incident or marks
 * it dealt with.
 */
#define G_LOG_DOMAIN "nt-confidential-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-access.h"
#include "nt-confidential-page.h"
#include "nt-confidential.h"
#include "nt-date.h"
#include "nt-form-dialog.h"
#include "nt-incidents.h"
#include "nt-leaves.h"
#include "nt-window.h"

struct _NtConfidentialPage
{
  AdwBin      parent_instance;

  NtContext  *context;
  GtkListBox *list;
  GtkLabel   *explain;
  guint       n_shown;
  guint       n_readable;
};

G_DEFINE_FINAL_TYPE (NtConfidentialPage, nt_confidential_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void reload (NtConfidentialPage *self);

static NtStore *
store_of (NtConfidentialPage *self)
{
  return nt_context_get_store (self->context);
}

static GtkWidget *
text_view_in_frame (const char  *text,
                    GtkWidget  **view_out)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 120);
  if (text != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  *view_out = view;
  return frame;
}

static char *
view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* ----- a new report ------------------------------------------------------ */

typedef struct
{
  NtConfidentialPage *self;
  gint64              report_id;
  GtkWidget          *combo;
  GtkWidget          *combo2;
  GtkWidget          *entry;
  GtkWidget          *entry2;
  GtkWidget          *view;
} Form;

static void
form_free (gpointer data)
{
  Form *f = data;

  g_object_unref (f->self);
  g_free (f);
}

static gboolean
save_report (gpointer   data,
             GError   **error)
{
  Form *f = data;
  const char * const *channels = nt_confidential_channels ();
  guint c = adw_combo_row_get_selected (ADW_COMBO_ROW (f->combo));
  g_autofree char *at = nt_date_time_parse_display (gtk_editable_get_text (GTK_EDITABLE (f->entry)), error);
  g_autofree char *content = view_text (f->view);
  NtConfidentialInput in = { 0 };

  if (at == NULL)
    return FALSE;
  in.received_at = at;
  in.channel = c < g_strv_length ((char **) channels) ? channels[c] : "other";
  in.reporter_name = gtk_editable_get_text (GTK_EDITABLE (f->entry2));
  in.content = content;
  return nt_confidential_add (store_of (f->self), &in, error) != 0;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  NtConfidentialPage *self = NT_CONFIDENTIAL_PAGE (widget);
  Form *f = g_new0 (Form, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *label = gtk_label_new (_("What was reported"));
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  g_autofree char *now = nt_leave_time_now ();
  g_autofree char *now_shown = nt_leave_time_to_display (now);

  f->self = g_object_ref (self);
  for (const char * const *c = nt_confidential_channels (); *c; c++)
    gtk_string_list_append (channels, nt_confidential_channel_label (*c));
  f->combo = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f->combo), _("Received"));
  adw_combo_row_set_model (ADW_COMBO_ROW (f->combo), G_LIST_MODEL (channels));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), f->combo);
  f->entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f->entry), _("When (dd/mm/yyyy HH:MM)"));
  gtk_editable_set_text (GTK_EDITABLE (f->entry), now_shown);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), f->entry);
  f->entry2 = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f->entry2), _("Reporter's name (leave empty if anonymous)"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), f->entry2);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Only the principal will read the content and the name. "
                                           "You will see the date and the state only."));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), text_view_in_frame (NULL, &f->view));
  nt_form_dialog_new (widget, _("New confidential report"), _("_Save"), box, save_report, f, form_free);
  gtk_widget_grab_focus (f->view);
}

/* ----- dealing with one -------------------------------------------------- */

static gboolean
save_incident (gpointer   data,
               GError   **error)
{
  Form *f = data;
  guint n_cats = 0;
  const NtIncidentCategory *cats = nt_incident_categories (&n_cats);
  guint c = adw_combo_row_get_selected (ADW_COMBO_ROW (f->combo));
  g_autofree char *description = view_text (f->view);
  NtConfidentialIncidentInput in = { 0 };
  gint64 id;

  in.category = c < n_cats ? cats[c].id : "other";
  in.severity = (int) adw_combo_row_get_selected (ADW_COMBO_ROW (f->combo2)) + 1;
  in.description = description;
  in.place_kind = "school";
  id = nt_confidential_to_incident (store_of (f->self), f->report_id, &in, error);
  if (id == 0)
    return FALSE;
  {
    /* TRANSLATORS: after a confidential report became an incident */
    g_autofree char *text = g_strdup_printf (_("Incident number %lld opened; the reporter's name was not copied."), (long long) id);
    nt_window_toast_text (GTK_WIDGET (f->self), text);
  }
  return TRUE;
}

static void
on_incident_clicked (GtkButton          *button,
                     NtConfidentialPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "report-id"));
  g_autoptr(GError) error = NULL;
  g_autoptr(NtConfidentialReport) report = nt_confidential_read (store_of (self), id, &error);
  g_autoptr(GtkStringList) cats = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) severities = gtk_string_list_new (NULL);
  GtkWidget *box, *group, *label;
  const NtIncidentCategory *list;
  guint n_cats = 0;
  Form *f;

  if (report == NULL)
    {
      nt_window_toast_text (GTK_WIDGET (self), error->message);
      return;
    }
  f = g_new0 (Form, 1);
  f->self = g_object_ref (self);
  f->report_id = id;
  list = nt_incident_categories (&n_cats);
  for (guint i = 0; i < n_cats; i++)
    gtk_string_list_append (cats, list[i].label);
  for (int s = 1; s <= 3; s++)
    gtk_string_list_append (severities, nt_incident_severity_label (s));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  group = adw_preferences_group_new ();
  f->combo = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f->combo), _("Category"));
  adw_combo_row_set_model (ADW_COMBO_ROW (f->combo), G_LIST_MODEL (cats));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), f->combo);
  f->combo2 = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f->combo2), _("Severity"));
  adw_combo_row_set_model (ADW_COMBO_ROW (f->combo2), G_LIST_MODEL (severities));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), f->combo2);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The incident is seen by the supervisors. Reword the description if it "
                                           "could point to the reporter; the reporter's name is never copied."));
  label = gtk_label_new (_("Description of the incident"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), text_view_in_frame (report->content, &f->view));
  nt_form_dialog_new (GTK_WIDGET (self), _("Make an incident"), _("_Open the incident"), box, save_incident, f,
                      form_free);
}

static void
on_close_clicked (GtkButton          *button,
                  NtConfidentialPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!nt_confidential_close (store_of (self), GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "report-id")),
                              &error))
    nt_window_toast_text (GTK_WIDGET (self), error->message);
}

/* ----- the list ---------------------------------------------------------- */

static GtkWidget *
report_row (NtConfidentialPage   *self,
            NtConfidentialReport *r)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *state = gtk_label_new (nt_confidential_state_label (r->state));
  g_autofree char *when = nt_leave_time_to_display (r->received_at);
  g_autofree char *title_text = NULL;

  if (r->received_by_name != NULL)
    /* TRANSLATORS: a confidential report in the list: when, how, received by whom */
    title_text = g_strdup_printf (_("%s · %s · received by %s"), when, nt_confidential_channel_label (r->channel),
                                  r->received_by_name);
  else
    title_text = g_strdup_printf ("%s · %s", when, nt_confidential_channel_label (r->channel));
  gtk_label_set_text (GTK_LABEL (title), title_text);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (state, "caption-heading");
  gtk_widget_add_css_class (state, g_str_equal (r->state, "new") ? "warning" : "success");
  gtk_box_append (GTK_BOX (top), title);
  gtk_box_append (GTK_BOX (top), state);
  gtk_box_append (GTK_BOX (box), top);

  if (r->readable)
    {
      GtkWidget *content = gtk_label_new (r->content);
      GtkWidget *from = gtk_label_new (NULL);
      g_autofree char *from_text = g_strdup_printf (_("From: %s"), r->reporter_name ? r->reporter_name
                                                                                    : _("anonymous"));

      gtk_label_set_wrap (GTK_LABEL (content), TRUE);
      gtk_label_set_xalign (GTK_LABEL (content), 0);
      gtk_label_set_selectable (GTK_LABEL (content), TRUE);
      gtk_label_set_text (GTK_LABEL (from), from_text);
      gtk_label_set_xalign (GTK_LABEL (from), 0);
      gtk_widget_add_css_class (from, "dim-label");
      gtk_box_append (GTK_BOX (box), content);
      gtk_box_append (GTK_BOX (box), from);
      if (g_str_equal (r->state, "new"))
        {
          GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          GtkWidget *incident = gtk_button_new_with_label (_("Make an incident…"));
          GtkWidget *close = gtk_button_new_with_label (_("Mark dealt with"));

          g_object_set_data (G_OBJECT (incident), "report-id", GSIZE_TO_POINTER (r->id));
          g_object_set_data (G_OBJECT (close), "report-id", GSIZE_TO_POINTER (r->id));
          g_signal_connect (incident, "clicked", G_CALLBACK (on_incident_clicked), self);
          g_signal_connect (close, "clicked", G_CALLBACK (on_close_clicked), self);
          gtk_widget_set_sensitive (incident, nt_access_may (store_of (self), NT_PERM_RECORD_INCIDENTS));
          gtk_box_append (GTK_BOX (buttons), incident);
          gtk_box_append (GTK_BOX (buttons), close);
          gtk_widget_set_halign (buttons, GTK_ALIGN_END);
          gtk_box_append (GTK_BOX (box), buttons);
        }
      else if (r->incident_id != 0)
        {
          g_autofree char *link = g_strdup_printf (_("Incident number %lld"), (long long) r->incident_id);
          GtkWidget *l = gtk_label_new (link);

          gtk_label_set_xalign (GTK_LABEL (l), 0);
          gtk_widget_add_css_class (l, "dim-label");
          gtk_box_append (GTK_BOX (box), l);
        }
    }
  else
    {
      GtkWidget *hidden = gtk_label_new (_("The content is for the principal only."));

      gtk_label_set_xalign (GTK_LABEL (hidden), 0);
      gtk_widget_add_css_class (hidden, "dim-label");
      gtk_box_append (GTK_BOX (box), hidden);
    }
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
reload (NtConfidentialPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) reports = nt_confidential_list (store_of (self), &error);
  gboolean reader = nt_access_may (store_of (self), NT_PERM_CONFIDENTIAL_READ);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_shown = self->n_readable = 0;
  gtk_label_set_text (self->explain,
                      reader ? _("Reports received in confidence. Deal with each: make it an incident, or mark it dealt with.")
                             : _("Write down a report you received in confidence. Only the principal reads the content; "
                                 "you see when each came and whether it was dealt with."));
  if (reports == NULL)
    {
      GtkWidget *l = gtk_label_new (error ? error->message : "");
      gtk_widget_add_css_class (l, "dim-label");
      gtk_list_box_append (self->list, l);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (reports)); i++)
    {
      g_autoptr(NtConfidentialReport) r = g_list_model_get_item (G_LIST_MODEL (reports), i);

      gtk_list_box_append (self->list, report_row (self, r));
      self->n_shown++;
      if (r->readable)
        self->n_readable++;
    }
  if (self->n_shown == 0)
    {
      GtkWidget *l = gtk_label_new (_("The box is empty."));
      gtk_widget_add_css_class (l, "dim-label");
      gtk_widget_set_margin_top (l, 18);
      gtk_widget_set_margin_bottom (l, 18);
      gtk_list_box_append (self->list, l);
    }
}

static void
on_store_changed (NtStore            *store,
                  const char         *table,
                  NtConfidentialPage *self)
{
  if (g_strcmp0 (table, "confidential_reports") == 0)
    reload (self);
}

GtkWidget *
nt_confidential_page_new (NtContext *context)
{
  return g_object_new (NT_TYPE_CONFIDENTIAL_PAGE, "context", context, NULL);
}

guint
nt_confidential_page_get_n_shown (NtConfidentialPage *self)
{
  g_return_val_if_fail (NT_IS_CONFIDENTIAL_PAGE (self), 0);
  return self->n_shown;
}

guint
nt_confidential_page_get_n_readable (NtConfidentialPage *self)
{
  g_return_val_if_fail (NT_IS_CONFIDENTIAL_PAGE (self), 0);
  return self->n_readable;
}

/* ----- building the page ------------------------------------------------- */

static void
nt_confidential_page_constructed (GObject *object)
{
  NtConfidentialPage *self = NT_CONFIDENTIAL_PAGE (object);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_New report"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  G_OBJECT_CLASS (nt_confidential_page_parent_class)->constructed (object);

  self->explain = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->explain, TRUE);
  gtk_label_set_xalign (self->explain, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->explain), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->explain), "dim-label");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "confidential.add");
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_widget_set_valign (add, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (head), GTK_WIDGET (self->explain));
  gtk_box_append (GTK_BOX (head), add);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);

  gtk_box_append (GTK_BOX (box), head);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_bin_set_child (ADW_BIN (self), scrolled);

  g_signal_connect_object (store_of (self), "changed", G_CALLBACK (on_store_changed), self, 0);
  /* What may be read changes with who is using the program. */
  g_signal_connect_object (self->context, "notify::user", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
nt_confidential_page_dispose (GObject *object)
{
  NtConfidentialPage *self = NT_CONFIDENTIAL_PAGE (object);

  g_clear_object (&self->context);
  G_OBJECT_CLASS (nt_confidential_page_parent_class)->dispose (object);
}

static void
nt_confidential_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      NT_CONFIDENTIAL_PAGE (object)->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nt_confidential_page_class_init (NtConfidentialPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nt_confidential_page_constructed;
  object_class->dispose = nt_confidential_page_dispose;
  object_class->set_property = nt_confidential_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, NT_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "confidential.add", NULL, add_action);
}

static void
nt_confidential_page_init (NtConfidentialPage *self)
{
}
