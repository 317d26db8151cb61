/* nt-dialogues-page.c
 *
 * The dialogues held with boarders on the left, latest first, after a row
 * for everything still open; on the right the questions and wishes of the
 * one chosen, each with the school's answer, who follows it up by when, and
 * a button to mark it settled (or open again).
 */
#define G_LOG_DOMAIN "nt-dialogues-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-access.h"
#include "nt-date.h"
#include "nt-dialogues-page.h"
#include "nt-dialogues.h"
#include "nt-error.h"
#include "nt-form-dialog.h"
#include "nt-window.h"

struct _NtDialoguesPage
{
  AdwBin      parent_instance;

  NtContext  *context;
  GtkListBox *dialogues;
  GtkListBox *items;
  GtkLabel   *heading;
  GtkLabel   *detail;
  GtkWidget  *add_item_button;
  gint64      selected;          /* 0: the open items of every dialogue */
};

G_DEFINE_FINAL_TYPE (NtDialoguesPage, nt_dialogues_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void reload (NtDialoguesPage *self);

static NtStore *
store_of (NtDialoguesPage *self)
{
  return nt_context_get_store (self->context);
}

static char *
shown_date (const char *iso)
{
  return iso ? nt_date_iso_to_display (iso) : g_strdup ("");
}

/* ----- staff choice, for forms -------------------------------------------- */

/* A combo row of "nobody" and the active staff; the ids ride along. */
static GtkWidget *
staff_combo (NtDialoguesPage *self,
             const char      *title,
             GArray         **ids)
{
  g_autoptr(GListStore) staff = nt_staff_list (store_of (self), TRUE, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();
  gint64 none = 0;
  NtStaffMember *user = nt_context_get_user (self->context);

  *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* TRANSLATORS: no staff member chosen in a list */
  gtk_string_list_append (names, _("— nobody —"));
  g_array_append_val (*ids, none);
  for (guint i = 0; staff && i < g_list_model_get_n_items (G_LIST_MODEL (staff)); i++)
    {
      g_autoptr(NtStaffMember) s = g_list_model_get_item (G_LIST_MODEL (staff), i);

      gtk_string_list_append (names, s->full_name);
      g_array_append_val (*ids, s->id);
      if (user != NULL && user->id == s->id)
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i + 1);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  if (user != NULL)
    for (guint i = 0; i < (*ids)->len; i++)
      if (g_array_index (*ids, gint64, i) == user->id)
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
  return row;
}

static gint64
combo_id (GtkWidget *row,
          GArray    *ids)
{
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

  return i < ids->len ? g_array_index (ids, gint64, i) : 0;
}

static GtkWidget *
entry_row (GtkWidget  *group,
           const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

/* A dd/mm/yyyy field read as ISO; empty gives NULL without an error. */
static gboolean
read_date (GtkWidget   *row,
           gboolean     needed,
           char       **iso,
           GError     **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GDate) date = NULL;

  *iso = NULL;
  if (text[0] == '\0' && !needed)
    return TRUE;
  date = nt_date_parse_display (text, error);
  if (date == NULL)
    return FALSE;
  *iso = nt_date_to_iso (date);
  return TRUE;
}

/* ----- forms ------------------------------------------------------------- */

typedef struct
{
  NtDialoguesPage *self;
  gint64           dialogue_id;
  GtkWidget       *date;
  GtkWidget       *person;
  GArray          *ids;
  GtkWidget       *text1;
  GtkWidget       *text2;
} Form;

static void
form_free (gpointer data)
{
  Form *f = data;

  g_object_unref (f->self);
  g_array_unref (f->ids);
  g_free (f);
}

static gboolean
save_dialogue (gpointer   data,
               GError   **error)
{
  Form *f = data;
  g_autofree char *held = NULL;
  NtDialogueInput in = { 0 };
  gint64 id;

  if (!read_date (f->date, TRUE, &held, error))
    return FALSE;
  in.held_on = held;
  in.chaired_by = combo_id (f->person, f->ids);
  in.attendees = gtk_editable_get_text (GTK_EDITABLE (f->text1));
  in.note = gtk_editable_get_text (GTK_EDITABLE (f->text2));
  id = nt_dialogues_create (store_of (f->self), &in, error);
  if (id == 0)
    return FALSE;
  f->self->selected = id;
  reload (f->self);
  return TRUE;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  NtDialoguesPage *self = NT_DIALOGUES_PAGE (widget);
  Form *f = g_new0 (Form, 1);
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *today_iso = nt_date_today_iso ();
  g_autofree char *today = nt_date_iso_to_display (today_iso);

  f->self = g_object_ref (self);
  f->date = entry_row (group, _("Date (dd/mm/yyyy)"), today);
  f->person = staff_combo (self, _("Chaired by"), &f->ids);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), f->person);
  f->text1 = entry_row (group, _("Present"), NULL);
  f->text2 = entry_row (group, _("Note"), NULL);
  nt_form_dialog_new (widget, _("New dialogue"), _("_Save"), group, save_dialogue, f, form_free);
  gtk_widget_grab_focus (f->text1);
}

static gboolean
save_item (gpointer   data,
           GError   **error)
{
  Form *f = data;
  g_autofree char *due = NULL;
  NtDialogueItemInput in = { 0 };

  if (!read_date (f->date, FALSE, &due, error))
    return FALSE;
  in.question = gtk_editable_get_text (GTK_EDITABLE (f->text1));
  in.answer = gtk_editable_get_text (GTK_EDITABLE (f->text2));
  in.follow_up_by = combo_id (f->person, f->ids);
  in.due_date = due;
  /* The store's "changed" reloads the lists. */
  return nt_dialogues_add_item (store_of (f->self), f->dialogue_id, &in, error) != 0;
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  NtDialoguesPage *self = NT_DIALOGUES_PAGE (widget);
  Form *f;
  GtkWidget *group;

  if (self->selected == 0)
    {
      nt_window_toast_text (GTK_WIDGET (self), _("Choose a dialogue first."));
      return;
    }
  f = g_new0 (Form, 1);
  group = adw_preferences_group_new ();
  f->self = g_object_ref (self);
  f->dialogue_id = self->selected;
  f->text1 = entry_row (group, _("Question or wish raised"), NULL);
  f->text2 = entry_row (group, _("The school's answer"), NULL);
  f->person = staff_combo (self, _("Followed up by"), &f->ids);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), f->person);
  f->date = entry_row (group, _("By (dd/mm/yyyy)"), NULL);
  nt_form_dialog_new (widget, _("Question or wish"), _("_Save"), group, save_item, f, form_free);
  gtk_widget_grab_focus (f->text1);
}

/* ----- the lists --------------------------------------------------------- */

static void
on_item_toggle (GtkButton       *button,
                NtDialoguesPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "item-id"));
  gboolean open = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "open"));
  g_autoptr(GError) error = NULL;
  gboolean ok = open ? nt_dialogues_close_item (store_of (self), id, NULL, &error)
                     : nt_dialogues_reopen_item (store_of (self), id, &error);

  if (!ok)
    nt_window_toast_text (GTK_WIDGET (self), error->message);
}

static GtkWidget *
item_row (NtDialoguesPage *self,
          NtDialogueItem  *item)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *question = gtk_label_new (item->question);
  GtkWidget *answer = gtk_label_new (item->answer && item->answer[0] ? item->answer : _("No answer yet."));
  GtkWidget *follow = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_with_label (item->open ? _("Mark settled") : _("Open again"));
  g_autofree char *due = shown_date (item->due_date);
  g_autofree char *held = shown_date (item->held_on);
  g_autofree char *closed = shown_date (item->closed_at);
  g_autofree char *line = NULL;

  if (!item->open)
    /* TRANSLATORS: a settled dialogue item: the date it was settled, the dialogue's date */
    line = g_strdup_printf (_("Settled on %s · raised on %s"), closed, held);
  else if (item->follow_up_name && item->due_date)
    /* TRANSLATORS: an open dialogue item: who follows it up, by when, the dialogue's date */
    line = g_strdup_printf (_("%s follows up by %s · raised on %s"), item->follow_up_name, due, held);
  else if (item->follow_up_name)
    line = g_strdup_printf (_("%s follows up · raised on %s"), item->follow_up_name, held);
  else
    line = g_strdup_printf (_("Nobody follows it up yet · raised on %s"), held);
  gtk_label_set_text (GTK_LABEL (follow), line);

  for (GtkWidget *l = question; l; l = l == question ? answer : l == answer ? follow : NULL)
    {
      gtk_label_set_wrap (GTK_LABEL (l), TRUE);
      gtk_label_set_xalign (GTK_LABEL (l), 0);
      gtk_box_append (GTK_BOX (text), l);
    }
  gtk_widget_add_css_class (question, "heading");
  gtk_widget_add_css_class (follow, "caption");
  if (item->overdue)
    {
      gtk_widget_add_css_class (row, "nt-overdue");
      gtk_widget_add_css_class (follow, "error");
    }
  else
    gtk_widget_add_css_class (follow, "dim-label");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "item-id", GSIZE_TO_POINTER (item->id));
  g_object_set_data (G_OBJECT (button), "open", GINT_TO_POINTER (item->open));
  g_signal_connect (button, "clicked", G_CALLBACK (on_item_toggle), self);
  if (item->open)
    gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_sensitive (button, nt_access_may (store_of (self), NT_PERM_RECORD_DORM_LIFE));
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), button);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
reload_items (NtDialoguesPage *self)
{
  g_autoptr(GListStore) items = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->items))) != NULL)
    gtk_list_box_remove (self->items, child);

  if (self->selected == 0)
    {
      items = nt_dialogues_open_items (store_of (self), NULL, NULL);
      gtk_label_set_text (self->heading, _("Still open"));
      gtk_label_set_text (self->detail, _("Every question or wish not settled yet, the most urgent first."));
    }
  else
    {
      g_autoptr(NtDialogue) d = nt_dialogues_load (store_of (self), self->selected, NULL);
      g_autofree char *day = d ? shown_date (d->held_on) : g_strdup ("");
      g_autofree char *title = g_strdup_printf (_("Dialogue of %s"), day);
      g_autofree char *detail = NULL;

      items = nt_dialogues_items (store_of (self), self->selected, NULL, NULL);
      if (d != NULL)
        /* TRANSLATORS: under a dialogue's title: the chair, then who was present */
        detail = g_strdup_printf (_("Chaired by %s · present: %s"), d->chair_name ? d->chair_name : "—",
                                  d->attendees && d->attendees[0] ? d->attendees : "—");
      gtk_label_set_text (self->heading, title);
      gtk_label_set_text (self->detail, detail ? detail : "");
    }
  gtk_widget_set_sensitive (self->add_item_button,
                            self->selected != 0 && nt_access_may (store_of (self), NT_PERM_RECORD_DORM_LIFE));
  for (guint i = 0; items && i < g_list_model_get_n_items (G_LIST_MODEL (items)); i++)
    {
      g_autoptr(NtDialogueItem) item = g_list_model_get_item (G_LIST_MODEL (items), i);
      gtk_list_box_append (self->items, item_row (self, item));
    }
  if (items == NULL || g_list_model_get_n_items (G_LIST_MODEL (items)) == 0)
    {
      GtkWidget *empty = gtk_label_new (self->selected == 0 ? _("Everything raised has been settled.")
                                                            : _("Nothing written for this dialogue yet."));
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_widget_set_margin_top (empty, 18);
      gtk_widget_set_margin_bottom (empty, 18);
      gtk_list_box_append (self->items, empty);
    }
}

static GtkWidget *
dialogue_row (const char *title,
              const char *subtitle,
              gint64      id)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data (G_OBJECT (row), "dialogue-id", GSIZE_TO_POINTER (id));
  return row;
}

static void
on_dialogue_selected (GtkListBox      *list,
                      GtkListBoxRow   *row,
                      NtDialoguesPage *self)
{
  if (row == NULL)
    return;
  self->selected = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "dialogue-id"));
  reload_items (self);
}

static void
reload (NtDialoguesPage *self)
{
  g_autoptr(GListStore) dialogues = nt_dialogues_list (store_of (self), NULL);
  g_autofree char *open = g_strdup_printf (ngettext ("%u item", "%u items", nt_dialogues_count_open (store_of (self))),
                                           nt_dialogues_count_open (store_of (self)));
  gint64 keep = self->selected;
  GtkWidget *child, *first;

  g_signal_handlers_block_by_func (self->dialogues, on_dialogue_selected, self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->dialogues))) != NULL)
    gtk_list_box_remove (self->dialogues, child);
  first = dialogue_row (_("Still open"), open, 0);
  gtk_list_box_append (self->dialogues, first);
  gtk_list_box_select_row (self->dialogues, GTK_LIST_BOX_ROW (first));
  for (guint i = 0; dialogues && i < g_list_model_get_n_items (G_LIST_MODEL (dialogues)); i++)
    {
      g_autoptr(NtDialogue) d = g_list_model_get_item (G_LIST_MODEL (dialogues), i);
      g_autofree char *day = shown_date (d->held_on);
      g_autofree char *title = g_strdup_printf (_("Dialogue of %s"), day);
      /* TRANSLATORS: under a dialogue in the list: items raised, items still open */
      g_autofree char *sub = g_strdup_printf (_("%u raised, %u open"), d->n_items, d->n_open);
      GtkWidget *row = dialogue_row (title, sub, d->id);

      gtk_list_box_append (self->dialogues, row);
      if (d->id == keep)
        gtk_list_box_select_row (self->dialogues, GTK_LIST_BOX_ROW (row));
    }
  g_signal_handlers_unblock_by_func (self->dialogues, on_dialogue_selected, self);
  self->selected = keep;
  reload_items (self);
}

static void
on_store_changed (NtStore         *store,
                  const char      *table,
                  NtDialoguesPage *self)
{
  if (g_strcmp0 (table, "dialogues") == 0 || g_strcmp0 (table, "dialogue_items") == 0)
    reload (self);
}

GtkWidget *
nt_dialogues_page_new (NtContext *context)
{
  return g_object_new (NT_TYPE_DIALOGUES_PAGE, "context", context, NULL);
}

/* ----- building the page ------------------------------------------------- */

static void
nt_dialogues_page_constructed (GObject *object)
{
  NtDialoguesPage *self = NT_DIALOGUES_PAGE (object);
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *new_button = gtk_button_new_with_mnemonic (_("_New dialogue"));
  GtkWidget *left_scroll = gtk_scrolled_window_new ();
  GtkWidget *right_scroll = gtk_scrolled_window_new ();
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  G_OBJECT_CLASS (nt_dialogues_page_parent_class)->constructed (object);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (new_button), "dialogues.add");
  self->dialogues = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->dialogues), "navigation-sidebar");
  g_signal_connect (self->dialogues, "row-selected", G_CALLBACK (on_dialogue_selected), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (left_scroll), GTK_WIDGET (self->dialogues));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (left_scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (left_scroll, TRUE);
  gtk_box_append (GTK_BOX (left), new_button);
  gtk_box_append (GTK_BOX (left), left_scroll);
  gtk_widget_set_margin_start (left, 12);
  gtk_widget_set_margin_top (left, 8);
  gtk_widget_set_margin_bottom (left, 12);
  gtk_widget_set_size_request (left, 240, -1);

  self->heading = GTK_LABEL (gtk_label_new (NULL));
  self->detail = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "title-3");
  gtk_widget_add_css_class (GTK_WIDGET (self->detail), "dim-label");
  gtk_label_set_xalign (self->heading, 0);
  gtk_label_set_xalign (self->detail, 0);
  gtk_label_set_wrap (self->detail, TRUE);
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->heading));
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->detail));
  gtk_widget_set_hexpand (titles, TRUE);
  self->add_item_button = gtk_button_new_with_mnemonic (_("_Add a question or wish"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_item_button), "dialogues.add-item");
  gtk_widget_set_valign (self->add_item_button, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (head), titles);
  gtk_box_append (GTK_BOX (head), self->add_item_button);

  self->items = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->items, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->items), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->items), GTK_ALIGN_START);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (right_scroll), GTK_WIDGET (self->items));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (right_scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (right_scroll, TRUE);
  gtk_box_append (GTK_BOX (right), head);
  gtk_box_append (GTK_BOX (right), right_scroll);
  gtk_widget_set_margin_start (right, 12);
  gtk_widget_set_margin_end (right, 12);
  gtk_widget_set_margin_top (right, 8);
  gtk_widget_set_margin_bottom (right, 12);

  gtk_paned_set_start_child (GTK_PANED (paned), left);
  gtk_paned_set_end_child (GTK_PANED (paned), right);
  gtk_paned_set_resize_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  adw_bin_set_child (ADW_BIN (self), paned);

  g_signal_connect_object (store_of (self), "changed", G_CALLBACK (on_store_changed), self, 0);
  /* What may be done changes with who is using the program. */
  g_signal_connect_object (self->context, "notify::user", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
nt_dialogues_page_dispose (GObject *object)
{
  NtDialoguesPage *self = NT_DIALOGUES_PAGE (object);

  g_clear_object (&self->context);
  G_OBJECT_CLASS (nt_dialogues_page_parent_class)->dispose (object);
}

static void
nt_dialogues_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      NT_DIALOGUES_PAGE (object)->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nt_dialogues_page_class_init (NtDialoguesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nt_dialogues_page_constructed;
  object_class->dispose = nt_dialogues_page_dispose;
  object_class->set_property = nt_dialogues_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, NT_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "dialogues.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "dialogues.add-item", NULL, add_item_action);
}

static void
nt_dialogues_page_init (NtDialoguesPage *self)
{
}
