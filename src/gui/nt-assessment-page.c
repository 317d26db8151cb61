/* nt-assessment-page.c
 *
 * One card per criterion of the year's circular: its wording and source
 * (marked when the wording could not be confirmed), met or not met, the
 * figures the program holds with a button to the section they come from,
 * the school's own evidence and attached files. The bar above holds the
 * year, the state and the result, and the next step: submit (who fills it
 * in), approve or send back (the principal). An approved year is read only.
 */
#define G_LOG_DOMAIN "nt-assessment-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-access.h"
#include "nt-assessment-page.h"
#include "nt-assessment.h"
#include "nt-context.h"
#include "nt-date.h"
#include "nt-print-assessment.h"
#include "nt-print-run.h"
#include "nt-error.h"
#include "nt-reports.h"
#include "nt-window.h"

struct _NtAssessmentPage
{
  AdwBin          parent_instance;

  NtContext      *context;
  char           *year;
  NtAssessment   *assessment;     /* NULL: the year has none yet */
  gboolean        loading;
  gboolean        writing;

  GtkDropDown    *year_dropdown;
  GtkStringList  *years;
  GtkLabel       *state_label;
  GtkDropDown    *circular_switch;  /* the circular of a draft */
  GtkLabel       *result_label;
  GtkButton      *submit_button;
  GtkButton      *send_back_button;
  GtkButton      *approve_button;
  GtkButton      *export_button;
  GtkButton      *print_button;
  GtkStack       *stack;
  AdwStatusPage  *empty_page;
  GtkDropDown    *circular_dropdown;
  GtkButton      *start_button;
  GtkBox         *cards;
  GtkLabel       *banner;
};

G_DEFINE_FINAL_TYPE (NtAssessmentPage, nt_assessment_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void  reload         (NtAssessmentPage *self);
static guint circular_index (const char       *id);

typedef struct
{
  NtAssessmentPage *page;
  char             *criterion;
  int               met;
  GtkTextBuffer    *buffer;
  gboolean          dirty;   /* the evidence changed since it was saved */
} Card;

static void
card_free (gpointer data)
{
  Card *card = data;
  g_free (card->criterion);
  g_free (card);
}

static NtStore *
store_of (NtAssessmentPage *self)
{
  return nt_context_get_store (self->context);
}

static gboolean
may_edit (NtAssessmentPage *self)
{
  return self->assessment != NULL && g_strcmp0 (self->assessment->state, "draft") == 0 &&
         nt_access_may (store_of (self), NT_PERM_ASSESSMENT_EDIT);
}

/* Whether the window has a section called @name: the sidebar rows are
 * named after their sections. */
static gboolean
has_section (GtkWidget  *widget,
             const char *name)
{
  if (widget == NULL)
    return FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return TRUE;
      if (has_section (child, name))
        return TRUE;
    }
  return FALSE;
}

/* ----- writing ------------------------------------------------------------ */

static gboolean
save_card (Card     *card,
           GError  **error)
{
  NtAssessmentPage *self = card->page;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  gboolean ok;

  if (self->assessment == NULL)
    return TRUE;
  gtk_text_buffer_get_bounds (card->buffer, &start, &end);
  text = gtk_text_buffer_get_text (card->buffer, &start, &end, FALSE);
  self->writing = TRUE;
  ok = nt_assessment_set_item (store_of (self), self->assessment->id, card->criterion, card->met,
                               g_strstrip (text), error);
  self->writing = FALSE;
  if (ok)
    card->dirty = FALSE;
  return ok;
}

static void
update_result (NtAssessmentPage *self);

/* The chosen answer in colour: green met, red not met. */
static void
tint_toggle (GtkToggleButton *button)
{
  gboolean is_met = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "met")) == 1;
  const char *css = is_met ? "success" : "error";

  if (gtk_toggle_button_get_active (button))
    gtk_widget_add_css_class (GTK_WIDGET (button), css);
  else
    gtk_widget_remove_css_class (GTK_WIDGET (button), css);
}

static void
on_met_toggled (GtkToggleButton *button,
                Card            *card)
{
  g_autoptr(GError) error = NULL;
  int old = card->met;

  tint_toggle (button);
  if (card->page->loading || !gtk_toggle_button_get_active (button))
    return;
  card->met = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "met"));
  if (!save_card (card, &error))
    {
      card->met = old;
      nt_window_toast_text (GTK_WIDGET (card->page), error->message);
      return;
    }
  /* Keep the loaded copy in step for the result line. */
  for (guint i = 0; i < card->page->assessment->items->len; i++)
    {
      NtAssessmentItem *item = g_ptr_array_index (card->page->assessment->items, i);
      if (g_strcmp0 (item->criterion, card->criterion) == 0)
        item->met = card->met;
    }
  update_result (card->page);
}

static void
on_evidence_changed (GtkTextBuffer *buffer,
                     Card          *card)
{
  card->dirty = TRUE;
}

static void
on_evidence_leave (GtkEventControllerFocus *controller,
                   Card                    *card)
{
  g_autoptr(GError) error = NULL;

  if (!card->dirty)
    return;
  if (!save_card (card, &error))
    nt_window_toast_text (GTK_WIDGET (card->page), error->message);
}

/* ----- files -------------------------------------------------------------- */

static void
on_open_file_clicked (GtkButton        *button,
                      NtAssessmentPage *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "file");
  g_autofree char *path = nt_assessment_file_path (store_of (self), name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    nt_window_toast_text (GTK_WIDGET (self), error->message);
}

static void
on_remove_file_clicked (GtkButton        *button,
                        NtAssessmentPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!nt_assessment_remove_file (store_of (self), self->assessment->id,
                                  g_object_get_data (G_OBJECT (button), "criterion"),
                                  g_object_get_data (G_OBJECT (button), "file"), &error))
    nt_window_toast_text (GTK_WIDGET (self), error->message);
}

static void
on_file_chosen (GtkNativeDialog *chooser,
                int              response,
                Card            *card)
{
  NtAssessmentPage *self = card->page;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path != NULL && !nt_assessment_page_attach_file (self, card->criterion, path, &error))
        nt_window_toast_text (GTK_WIDGET (self), error->message);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_attach_clicked (GtkButton *button,
                   Card      *card)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Attach a file as evidence"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), card);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ----- the cards ---------------------------------------------------------- */

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The button beside the figures of a section: where it leads. */
static const char *
section_button_label (const char *section)
{
  if (g_strcmp0 (section, "roster") == 0)
    /* TRANSLATORS: a button beside figures: open the section they come from (Xem lịch trực) */
    return _("See the duty roster");
  if (g_strcmp0 (section, "checks") == 0)
    return _("See the night checks");
  if (g_strcmp0 (section, "incidents") == 0)
    return _("See the incidents");
  if (g_strcmp0 (section, "commitments") == 0)
    return _("See the commitments");
  if (g_strcmp0 (section, "reports") == 0)
    return _("See the reports");
  return NULL;
}

static GtkWidget *
make_card (NtAssessmentPage            *self,
           const NtAssessmentCriterion *c,
           const NtAssessmentItem      *item,
           gboolean                     editable)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *toggles = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *met, *not_met, *view, *frame, *files, *attach, *title;
  GtkEventController *focus;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *heading = g_strdup_printf (_("Criterion %u"), c->number);
  g_autofree char *name = NULL;
  Card *data = g_new0 (Card, 1);

  data->page = self;
  data->criterion = g_strdup (c->id);
  data->met = item->met;
  g_object_set_data_full (G_OBJECT (outer), "card", data, card_free);

  /* The content sits inside a .card with room around it: a .card has no
   * padding of its own. */
  gtk_widget_add_css_class (outer, "card");
  gtk_widget_set_margin_start (card, 14);
  gtk_widget_set_margin_end (card, 14);
  gtk_widget_set_margin_top (card, 12);
  gtk_widget_set_margin_bottom (card, 12);
  gtk_box_append (GTK_BOX (outer), card);

  /* Heading, the wording's warning, met / not met. */
  title = label_new (heading, "heading");
  gtk_widget_set_hexpand (title, FALSE);
  gtk_box_append (GTK_BOX (head), title);
  if (!c->confirmed)
    {
      GtkWidget *warn = label_new (_("Wording not checked against the circular"), "warning");
      gtk_label_set_wrap (GTK_LABEL (warn), FALSE);
      gtk_widget_set_tooltip_text (warn, c->note);
      gtk_widget_add_css_class (warn, "caption");
      gtk_box_append (GTK_BOX (head), warn);
    }
  gtk_widget_set_hexpand (toggles, TRUE);
  gtk_widget_set_halign (toggles, GTK_ALIGN_END);
  gtk_widget_add_css_class (toggles, "linked");
  /* TRANSLATORS: a toggle: the criterion is met (Đạt) */
  met = gtk_toggle_button_new_with_mnemonic (_("_Met"));
  /* TRANSLATORS: a toggle: the criterion is not met (Chưa đạt) */
  not_met = gtk_toggle_button_new_with_mnemonic (_("_Not met"));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (not_met), GTK_TOGGLE_BUTTON (met));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (met), item->met == 1);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (not_met), item->met == 0);
  g_object_set_data (G_OBJECT (met), "met", GINT_TO_POINTER (1));
  g_object_set_data (G_OBJECT (not_met), "met", GINT_TO_POINTER (0));
  name = g_strdup_printf ("met-%s", c->id);
  gtk_widget_set_name (met, name);
  g_free (name);
  name = g_strdup_printf ("not-met-%s", c->id);
  gtk_widget_set_name (not_met, name);
  tint_toggle (GTK_TOGGLE_BUTTON (met));
  tint_toggle (GTK_TOGGLE_BUTTON (not_met));
  gtk_widget_set_sensitive (toggles, editable);
  g_signal_connect (met, "toggled", G_CALLBACK (on_met_toggled), data);
  g_signal_connect (not_met, "toggled", G_CALLBACK (on_met_toggled), data);
  gtk_box_append (GTK_BOX (toggles), met);
  gtk_box_append (GTK_BOX (toggles), not_met);
  gtk_box_append (GTK_BOX (head), toggles);
  gtk_box_append (GTK_BOX (card), head);

  gtk_box_append (GTK_BOX (card), label_new (c->text, NULL));
  gtk_box_append (GTK_BOX (card), label_new (c->source, "dim-label"));

  /* The program's figures, each with the way to where it comes from. */
  lines = nt_assessment_evidence_lines (self->assessment->figures, (const char * const *) c->evidence);
  if (lines->len > 0)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *section_heading = label_new (_("From the program's records"), "caption-heading");

      gtk_box_append (GTK_BOX (box), section_heading);
      for (guint i = 0; i < lines->len; i++)
        {
          const NtAssessmentEvidence *e = lines->pdata[i];
          const NtAssessmentEvidence *next = i + 1 < lines->len ? lines->pdata[i + 1] : NULL;
          GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          GtkWidget *text = label_new (e->text, NULL);
          const char *open_label = section_button_label (e->section);

          gtk_widget_set_hexpand (text, TRUE);
          gtk_label_set_selectable (GTK_LABEL (text), TRUE);
          gtk_box_append (GTK_BOX (row), text);
          /* One button for a run of lines from the same section, on its last line. */
          if (open_label != NULL && (next == NULL || g_strcmp0 (next->section, e->section) != 0) &&
              has_section (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self))), e->section))
            {
              GtkWidget *open = gtk_button_new_with_label (open_label);
              gtk_widget_add_css_class (open, "flat");
              gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
              gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "win.show-section");
              gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "s", e->section);
              gtk_box_append (GTK_BOX (row), open);
            }
          gtk_box_append (GTK_BOX (box), row);
        }
      gtk_box_append (GTK_BOX (card), box);
    }

  /* The school's own evidence. */
  gtk_box_append (GTK_BOX (card), label_new (_("The school's evidence"), "caption-heading"));
  view = gtk_text_view_new ();
  name = g_strdup_printf ("evidence-%s", c->id);
  gtk_widget_set_name (view, name);
  g_free (name);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), editable);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 56);
  data->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_set_text (data->buffer, item->evidence, -1);
  g_signal_connect (data->buffer, "changed", G_CALLBACK (on_evidence_changed), data);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_evidence_leave), data);
  gtk_widget_add_controller (view, focus);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (card), frame);

  /* Attached files. */
  files = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  for (guint i = 0; item->files[i]; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      g_autofree char *base = g_path_get_basename (item->files[i]);
      GtkWidget *open = gtk_button_new_from_icon_name ("document-open-symbolic");
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      GtkWidget *file_label = label_new (base, NULL);

      gtk_widget_set_hexpand (file_label, TRUE);
      gtk_box_append (GTK_BOX (row), gtk_image_new_from_icon_name ("mail-attachment-symbolic"));
      gtk_box_append (GTK_BOX (row), file_label);
      gtk_widget_set_tooltip_text (open, _("Open the file"));
      gtk_widget_set_tooltip_text (remove, _("Remove the file"));
      gtk_widget_add_css_class (open, "flat");
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data_full (G_OBJECT (open), "file", g_strdup (item->files[i]), g_free);
      g_object_set_data_full (G_OBJECT (remove), "file", g_strdup (item->files[i]), g_free);
      g_object_set_data_full (G_OBJECT (remove), "criterion", g_strdup (c->id), g_free);
      g_signal_connect (open, "clicked", G_CALLBACK (on_open_file_clicked), self);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_file_clicked), self);
      gtk_widget_set_sensitive (remove, editable);
      gtk_box_append (GTK_BOX (row), open);
      gtk_box_append (GTK_BOX (row), remove);
      gtk_box_append (GTK_BOX (files), row);
    }
  attach = gtk_button_new_with_mnemonic (_("_Attach a file…"));
  name = g_strdup_printf ("attach-%s", c->id);
  gtk_widget_set_name (attach, name);
  gtk_widget_set_halign (attach, GTK_ALIGN_START);
  gtk_widget_set_sensitive (attach, editable);
  g_signal_connect (attach, "clicked", G_CALLBACK (on_attach_clicked), data);
  gtk_box_append (GTK_BOX (files), attach);
  gtk_box_append (GTK_BOX (card), files);
  return outer;
}

/* ----- the bar ------------------------------------------------------------ */

static void
update_result (NtAssessmentPage *self)
{
  guint met, not_met, undecided;
  gboolean qualifies;
  g_autofree char *text = NULL;
  gboolean can_edit = may_edit (self);
  gboolean can_approve = nt_access_may (store_of (self), NT_PERM_ASSESSMENT_APPROVE);
  const char *state;

  if (self->assessment == NULL)
    {
      gtk_label_set_text (self->state_label, "");
      gtk_label_set_text (self->result_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->result_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->state_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->circular_switch), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->submit_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->send_back_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->approve_button), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), FALSE);
      return;
    }
  state = self->assessment->state;
  qualifies = nt_assessment_result (self->assessment, &met, &not_met, &undecided);
  if (undecided > 0)
    /* TRANSLATORS: the result line: "Đạt 3/6 tiêu chí, còn 2 chưa đánh giá" */
    text = g_strdup_printf (_("%u of %u criteria met, %u not assessed yet"), met, self->assessment->items->len, undecided);
  else if (qualifies)
    text = g_strdup_printf (_("%u of %u criteria met: the school qualifies"), met, self->assessment->items->len);
  else
    text = g_strdup_printf (_("%u of %u criteria met: the school does not qualify"), met, self->assessment->items->len);
  gtk_label_set_text (self->result_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), TRUE);
  gtk_label_set_text (self->state_label, nt_assessment_state_label (state));
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "accent");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label),
                            g_str_equal (state, "approved") ? "success"
                            : g_str_equal (state, "submitted") ? "warning" : "accent");
  gtk_widget_set_visible (GTK_WIDGET (self->state_label), TRUE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_label), "error");
  if (undecided == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->result_label), qualifies ? "success" : "error");

  gtk_widget_set_visible (GTK_WIDGET (self->circular_switch), can_edit);
  if (can_edit)
    {
      gboolean was = self->loading;
      self->loading = TRUE;
      gtk_drop_down_set_selected (self->circular_switch, circular_index (self->assessment->circular));
      self->loading = was;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->submit_button), g_str_equal (state, "draft"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->submit_button), can_edit && undecided == 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->submit_button),
                               !can_edit ? _("Your role may not fill in the self-assessment.")
                               : undecided > 0 ? _("Decide every criterion first.")
                               : _("Hand the self-assessment to the principal for approval"));
  gtk_widget_set_visible (GTK_WIDGET (self->send_back_button), g_str_equal (state, "submitted"));
  gtk_widget_set_visible (GTK_WIDGET (self->approve_button), g_str_equal (state, "submitted"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->send_back_button), can_approve);
  gtk_widget_set_sensitive (GTK_WIDGET (self->approve_button), can_approve);
  if (!can_approve)
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->approve_button), _("Only the principal or a vice principal approves."));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->send_back_button), _("Only the principal or a vice principal approves."));
    }
  else
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->approve_button), _("Approve and freeze the figures of the year"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->send_back_button), _("Return it to draft for changes"));
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), TRUE);
}

/* Newest first. */
static int
compare_years (gconstpointer a,
               gconstpointer b)
{
  return -g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
fill_years (NtAssessmentPage *self)
{
  g_auto(GStrv) years = nt_assessment_years (store_of (self));
  g_autofree char *current = nt_assessment_current_year (store_of (self));
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  guint selected = 0;

  if (!g_strv_contains ((const char * const *) years, current))
    g_ptr_array_add (all, current);
  for (guint i = 0; years[i]; i++)
    g_ptr_array_add (all, years[i]);
  g_ptr_array_sort (all, compare_years);
  self->loading = TRUE;
  gtk_string_list_splice (self->years, 0, g_list_model_get_n_items (G_LIST_MODEL (self->years)), NULL);
  for (guint i = 0; i < all->len; i++)
    {
      const char *y = g_ptr_array_index (all, i);
      gtk_string_list_append (self->years, y);
      if (g_strcmp0 (y, self->year) == 0)
        selected = i;
    }
  gtk_drop_down_set_selected (self->year_dropdown, selected);
  self->loading = FALSE;
}

static void
reload (NtAssessmentPage *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  gboolean editable;

  g_clear_pointer (&self->assessment, nt_assessment_free);
  if (self->year == NULL)
    self->year = nt_assessment_current_year (store_of (self));
  fill_years (self);

  self->assessment = nt_assessment_load (store_of (self), self->year, NULL, &error);
  if (self->assessment == NULL && !g_error_matches (error, NT_ERROR, NT_ERROR_NOT_FOUND))
    nt_window_toast_text (GTK_WIDGET (self), error->message);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards))) != NULL)
    gtk_box_remove (self->cards, child);

  if (self->assessment == NULL)
    {
      g_autofree char *title = g_strdup_printf (_("No self-assessment for %s yet"), self->year);
      adw_status_page_set_title (self->empty_page, title);
      gtk_widget_set_sensitive (GTK_WIDGET (self->start_button),
                                nt_access_may (store_of (self), NT_PERM_ASSESSMENT_EDIT));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_result (self);
      return;
    }

  self->loading = TRUE;
  editable = may_edit (self);
  {
    g_autoptr(GString) banner = g_string_new (NULL);
    const NtAssessmentCircular *circular = nt_assessment_circular_lookup (self->assessment->circular);
    g_autofree char *from = nt_date_iso_to_display (self->assessment->figures->from);
    g_autofree char *to = nt_date_iso_to_display (self->assessment->figures->to);

    g_string_append_printf (banner, _("Criteria of %s. Figures from %s to %s."),
                            circular ? circular->name : self->assessment->circular, from, to);
    if (g_str_equal (self->assessment->state, "approved"))
      {
        g_autofree char *day = self->assessment->approved_at ? g_strndup (self->assessment->approved_at, 10) : NULL;
        g_autofree char *when = nt_date_iso_to_display (day);

        g_string_append_c (banner, '\n');
        /* TRANSLATORS: "Đã phê duyệt ngày 25/05/2026 (Đặng A Khánh): số liệu đã được chốt…" */
        g_string_append_printf (banner, _("Approved on %s (%s): the figures are frozen as they were on approval; "
                                          "nothing can change."),
                                when, self->assessment->approved_by_name ? self->assessment->approved_by_name : "—");
      }
    else if (g_str_equal (self->assessment->state, "submitted"))
      {
        g_string_append_c (banner, '\n');
        g_string_append_printf (banner, _("Submitted to the principal by %s: it can be changed only after it is sent back."),
                                self->assessment->submitted_by_name ? self->assessment->submitted_by_name : "—");
      }
    gtk_label_set_text (self->banner, banner->str);
    gtk_box_append (self->cards, GTK_WIDGET (self->banner));
  }
  for (guint i = 0; i < self->assessment->items->len; i++)
    {
      const NtAssessmentItem *item = g_ptr_array_index (self->assessment->items, i);
      const NtAssessmentCriterion *c = nt_assessment_criterion_lookup (item->criterion);

      if (c != NULL)
        gtk_box_append (self->cards, make_card (self, c, item, editable));
    }
  self->loading = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "list");
  update_result (self);
}

/* ----- actions ------------------------------------------------------------ */

static void
save_all (NtAssessmentPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->cards)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      Card *card = g_object_get_data (G_OBJECT (child), "card");
      g_autoptr(GError) error = NULL;

      if (card != NULL && card->dirty && may_edit (self) &&
          !save_card (card, &error))
        nt_window_toast_text (GTK_WIDGET (self), error->message);
    }
}

static void
on_start_clicked (GtkButton        *button,
                  NtAssessmentPage *self)
{
  guint n;
  const NtAssessmentCircular *circulars = nt_assessment_circulars (&n);
  guint pick = gtk_drop_down_get_selected (self->circular_dropdown);
  g_autoptr(GError) error = NULL;

  if (nt_assessment_create (store_of (self), self->year, pick < n ? circulars[pick].id : NULL, &error) == 0)
    nt_window_toast_text (GTK_WIDGET (self), error->message);
}

static void
on_submit_clicked (GtkButton        *button,
                   NtAssessmentPage *self)
{
  g_autoptr(GError) error = NULL;

  save_all (self);
  if (!nt_assessment_submit (store_of (self), self->assessment->id, &error))
    nt_window_toast_text (GTK_WIDGET (self), error->message);
  else
    nt_window_toast_text (GTK_WIDGET (self), _("Submitted to the principal for approval."));
}

static void
on_send_back_clicked (GtkButton        *button,
                      NtAssessmentPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!nt_assessment_send_back (store_of (self), self->assessment->id, &error))
    nt_window_toast_text (GTK_WIDGET (self), error->message);
}

static void
on_approve_response (AdwMessageDialog *dialog,
                     const char       *response,
                     NtAssessmentPage *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "approve") != 0 || self->assessment == NULL)
    return;
  if (!nt_assessment_approve (store_of (self), self->assessment->id, NULL, &error))
    nt_window_toast_text (GTK_WIDGET (self), error->message);
  else
    nt_window_toast_text (GTK_WIDGET (self), _("The self-assessment is approved."));
}

static void
on_approve_clicked (GtkButton        *button,
                    NtAssessmentPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = g_strdup_printf (_("Approve the self-assessment of %s?"), self->year);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                              _("The figures are frozen as they are today, and the "
                                                "self-assessment can no longer change."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "approve", _("_Approve"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "approve", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_approve_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_chosen (GtkNativeDialog  *chooser,
                  int               response,
                  NtAssessmentPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path != NULL && !g_str_has_suffix (path, ".xlsx"))
        {
          char *with = g_strconcat (path, ".xlsx", NULL);
          g_free (path);
          path = with;
        }
      if (path != NULL && !nt_assessment_page_export (self, path, &error))
        nt_window_toast_text (GTK_WIDGET (self), error->message);
      else if (path != NULL)
        nt_window_toast_text (GTK_WIDGET (self), _("The dossier is written."));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_export_clicked (GtkButton        *button,
                   NtAssessmentPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *name = g_strdup_printf ("tu-danh-gia-antt-%s.xlsx", self->year);
  GtkFileChooserNative *chooser;

  save_all (self);
  chooser = gtk_file_chooser_native_new (_("Save the self-assessment dossier"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  {
    g_autoptr(GFile) folder = nt_documents_folder ();
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ----- the circular of a draft -------------------------------------------- */

static guint
circular_index (const char *id)
{
  guint n;
  const NtAssessmentCircular *list = nt_assessment_circulars (&n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (list[i].id, id) == 0)
      return i;
  return 0;
}

static void
apply_circular (NtAssessmentPage *self,
                guint             index)
{
  guint n;
  const NtAssessmentCircular *list = nt_assessment_circulars (&n);
  g_autoptr(GError) error = NULL;

  if (self->assessment == NULL || index >= n)
    return;
  if (!nt_assessment_set_circular (store_of (self), self->assessment->id, list[index].id, &error))
    nt_window_toast_text (GTK_WIDGET (self), error->message);
  reload (self);
}

static void
on_circular_response (AdwMessageDialog *dialog,
                      const char       *response,
                      NtAssessmentPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "index"));

  if (g_strcmp0 (response, "change") == 0)
    apply_circular (self, index);
  else
    reload (self);
}

static void
on_circular_switched (GtkDropDown      *dropdown,
                      GParamSpec       *pspec,
                      NtAssessmentPage *self)
{
  guint index = gtk_drop_down_get_selected (dropdown);
  guint met, not_met, undecided;
  GtkRoot *root;
  GtkWidget *dialog;

  if (self->loading || self->assessment == NULL || index == circular_index (self->assessment->circular))
    return;
  nt_assessment_result (self->assessment, &met, &not_met, &undecided);
  if (met + not_met == 0)
    {
      apply_circular (self, index);
      return;
    }
  /* What was decided for the other circular's criteria is dropped: ask. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Assess under another circular?"),
                                   _("Its criteria are different: what was decided and written for the "
                                     "present criteria is dropped."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "change", _("_Change the circular"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "index", GUINT_TO_POINTER (index));
  g_signal_connect (dialog, "response", G_CALLBACK (on_circular_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ----- printing ----------------------------------------------------------- */

typedef struct
{
  NtStore    *store;
  const char *year;
  NtPrintDoc *doc;
} AssessmentPrint;

static guint
print_paginate (gpointer data,
                double   width,
                double   height,
                gboolean two_sided)
{
  AssessmentPrint *p = data;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&p->doc, nt_print_doc_free);
  p->doc = nt_print_assessment_build (p->store, p->year, width, height, &error);
  if (p->doc == NULL)
    {
      g_warning ("The self-assessment could not be laid out: %s", error->message);
      return 0;
    }
  return nt_print_doc_paginate (p->doc);
}

static void
print_render (gpointer  data,
              cairo_t  *cr,
              guint     page)
{
  AssessmentPrint *p = data;

  if (p->doc != NULL)
    nt_print_doc_render_page (p->doc, cr, page);
}

/**
 * nt_assessment_page_print:
 *
 * Prints the year's self-assessment report (the print dialog, its preview).
 */
gboolean
nt_assessment_page_print (NtAssessmentPage  *self,
                          GError           **error)
{
  AssessmentPrint p = { store_of (self), self->year, NULL };
  g_autofree char *job = NULL;
  gboolean ok;

  g_return_val_if_fail (NT_IS_ASSESSMENT_PAGE (self), FALSE);

  save_all (self);
  /* TRANSLATORS: the print job's name */
  job = g_strdup_printf (_("Self-assessment %s"), self->year);
  ok = nt_print_run (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                     &(NtPrintJob) { job, GTK_PAGE_ORIENTATION_PORTRAIT, print_paginate, print_render, &p }, error);
  g_clear_pointer (&p.doc, nt_print_doc_free);
  return ok;
}

static void
on_print_clicked (GtkButton        *button,
                  NtAssessmentPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!nt_assessment_page_print (self, &error) && error != NULL)
    nt_window_toast_text (GTK_WIDGET (self), error->message);
}

static void
on_year_selected (GtkDropDown      *dropdown,
                  GParamSpec       *pspec,
                  NtAssessmentPage *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  if (self->loading || item == NULL)
    return;
  nt_assessment_page_show_year (self, gtk_string_object_get_string (item));
}

static void
on_store_changed (NtStore          *store,
                  const char       *table,
                  NtAssessmentPage *self)
{
  if (self->writing)
    return;
  reload (self);
}

static void
on_user_changed (NtContext        *context,
                 GParamSpec       *pspec,
                 NtAssessmentPage *self)
{
  reload (self);
}

/* ----- public ------------------------------------------------------------- */

void
nt_assessment_page_show_year (NtAssessmentPage *self,
                              const char       *school_year)
{
  g_return_if_fail (NT_IS_ASSESSMENT_PAGE (self));
  g_return_if_fail (school_year != NULL);

  if (g_strcmp0 (self->year, school_year) == 0 && self->assessment != NULL)
    return;
  save_all (self);
  g_free (self->year);
  self->year = g_strdup (school_year);
  reload (self);
}

const char *
nt_assessment_page_get_year (NtAssessmentPage *self)
{
  g_return_val_if_fail (NT_IS_ASSESSMENT_PAGE (self), NULL);
  return self->year;
}

gboolean
nt_assessment_page_attach_file (NtAssessmentPage  *self,
                                const char        *criterion,
                                const char        *path,
                                GError           **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (NT_IS_ASSESSMENT_PAGE (self), FALSE);

  if (self->assessment == NULL)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("The school year %s has no self-assessment yet."), self->year);
      return FALSE;
    }
  save_all (self);
  name = nt_assessment_attach_file (store_of (self), self->assessment->id, criterion, path, error);
  return name != NULL;
}

gboolean
nt_assessment_page_export (NtAssessmentPage  *self,
                           const char        *path,
                           GError           **error)
{
  g_autofree char *from = NULL;
  NtReportOptions options = { 0 };

  g_return_val_if_fail (NT_IS_ASSESSMENT_PAGE (self), FALSE);

  from = g_strdup_printf ("%.4s-09-01", self->year);
  options.from = from;
  return nt_reports_write (store_of (self), "assessment", &options, path, NULL, NULL, NULL, error);
}

/* ----- GObject ------------------------------------------------------------ */

static GtkWidget *
bar_button (const char *label,
            const char *name,
            GCallback   callback,
            gpointer    self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_name (button, name);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static void
build (NtAssessmentPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *year_label, *scrolled, *clamp, *start_box;
  g_autoptr(GtkStringList) circulars = gtk_string_list_new (NULL);
  guint n;
  const NtAssessmentCircular *list = nt_assessment_circulars (&n);

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 8);
  gtk_widget_set_margin_bottom (bar, 8);

  /* TRANSLATORS: before the school year chooser (Năm học) */
  year_label = gtk_label_new_with_mnemonic (_("School _year"));
  gtk_box_append (GTK_BOX (bar), year_label);
  self->years = gtk_string_list_new (NULL);
  self->year_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->years)), NULL));
  gtk_widget_set_name (GTK_WIDGET (self->year_dropdown), "year");
  gtk_label_set_mnemonic_widget (GTK_LABEL (year_label), GTK_WIDGET (self->year_dropdown));
  g_signal_connect (self->year_dropdown, "notify::selected", G_CALLBACK (on_year_selected), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->year_dropdown));

  self->state_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "heading");
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->state_label));
  {
    g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

    for (guint i = 0; i < n; i++)
      gtk_string_list_append (names, list[i].short_name);
    self->circular_switch = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
    gtk_widget_set_name (GTK_WIDGET (self->circular_switch), "circular-switch");
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->circular_switch), _("The circular the year is assessed under"));
    g_signal_connect (self->circular_switch, "notify::selected", G_CALLBACK (on_circular_switched), self);
    gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->circular_switch));
  }
  {
    GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
    gtk_widget_set_hexpand (spacer, TRUE);
    gtk_box_append (GTK_BOX (bar), spacer);
  }
  /* The result on a line of its own under the bar: it is what the
   * principal looks for, it must not be cut short. */
  self->result_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->result_label, TRUE);
  gtk_label_set_xalign (self->result_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->result_label), "heading");
  gtk_widget_set_margin_start (GTK_WIDGET (self->result_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->result_label), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->result_label), 8);

  /* TRANSLATORS: a button: hand the self-assessment to the principal (Trình phê duyệt) */
  self->submit_button = GTK_BUTTON (bar_button (_("_Submit"), "submit", G_CALLBACK (on_submit_clicked), self));
  gtk_widget_add_css_class (GTK_WIDGET (self->submit_button), "suggested-action");
  /* TRANSLATORS: a button: return the self-assessment to draft (Trả lại) */
  self->send_back_button = GTK_BUTTON (bar_button (_("Send _back"), "send-back", G_CALLBACK (on_send_back_clicked), self));
  /* TRANSLATORS: a button: approve the self-assessment (Phê duyệt) */
  self->approve_button = GTK_BUTTON (bar_button (_("A_pprove…"), "approve", G_CALLBACK (on_approve_clicked), self));
  gtk_widget_add_css_class (GTK_WIDGET (self->approve_button), "suggested-action");
  /* TRANSLATORS: a button: write the dossier as Excel (Xuất hồ sơ) */
  self->export_button = GTK_BUTTON (bar_button (_("_Export the dossier…"), "export", G_CALLBACK (on_export_clicked), self));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->send_back_button));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->approve_button));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->submit_button));
  /* TRANSLATORS: a button: print the self-assessment report (In) */
  self->print_button = GTK_BUTTON (bar_button (_("P_rint…"), "print", G_CALLBACK (on_print_clicked), self));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->print_button));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->export_button));
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->result_label));
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);

  /* No assessment yet: start one, under the circular chosen. */
  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "emblem-documents-symbolic");
  adw_status_page_set_description (self->empty_page,
                                   _("Assess the school against each criterion of the standard "
                                     "“Safe in security and order”; the program fills in the figures it holds."));
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (circulars, list[i].short_name);
  self->circular_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (circulars)), NULL));
  gtk_widget_set_name (GTK_WIDGET (self->circular_dropdown), "circular");
  /* TRANSLATORS: a button: start the year's self-assessment (Bắt đầu tự đánh giá) */
  self->start_button = GTK_BUTTON (bar_button (_("_Start the self-assessment"), "start", G_CALLBACK (on_start_clicked), self));
  gtk_widget_add_css_class (GTK_WIDGET (self->start_button), "suggested-action");
  gtk_widget_add_css_class (GTK_WIDGET (self->start_button), "pill");
  start_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_halign (start_box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (start_box), GTK_WIDGET (self->circular_dropdown));
  gtk_box_append (GTK_BOX (start_box), GTK_WIDGET (self->start_button));
  adw_status_page_set_child (self->empty_page, start_box);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");

  self->cards = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  gtk_widget_set_margin_start (GTK_WIDGET (self->cards), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->cards), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->cards), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->cards), 24);
  self->banner = GTK_LABEL (g_object_ref_sink (label_new (NULL, "dim-label")));
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->cards));
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  adw_bin_set_child (ADW_BIN (self), box);
}

static void
nt_assessment_page_map (GtkWidget *widget)
{
  NtAssessmentPage *self = NT_ASSESSMENT_PAGE (widget);

  GTK_WIDGET_CLASS (nt_assessment_page_parent_class)->map (widget);
  /* The "Open" buttons need the window, which the page has only now. */
  reload (self);
}

static void
nt_assessment_page_unmap (GtkWidget *widget)
{
  save_all (NT_ASSESSMENT_PAGE (widget));
  GTK_WIDGET_CLASS (nt_assessment_page_parent_class)->unmap (widget);
}

static void
nt_assessment_page_constructed (GObject *object)
{
  NtAssessmentPage *self = NT_ASSESSMENT_PAGE (object);

  G_OBJECT_CLASS (nt_assessment_page_parent_class)->constructed (object);
  g_signal_connect_object (store_of (self), "changed::assessments", G_CALLBACK (on_store_changed), self, 0);
  g_signal_connect_object (store_of (self), "changed::assessment_items", G_CALLBACK (on_store_changed), self, 0);
  g_signal_connect_object (self->context, "notify::user", G_CALLBACK (on_user_changed), self, 0);
  reload (self);
}

static void
nt_assessment_page_dispose (GObject *object)
{
  NtAssessmentPage *self = NT_ASSESSMENT_PAGE (object);

  g_clear_pointer (&self->assessment, nt_assessment_free);
  g_clear_object (&self->banner);
  g_clear_object (&self->years);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (nt_assessment_page_parent_class)->dispose (object);
}

static void
nt_assessment_page_finalize (GObject *object)
{
  g_free (NT_ASSESSMENT_PAGE (object)->year);
  G_OBJECT_CLASS (nt_assessment_page_parent_class)->finalize (object);
}

static void
nt_assessment_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      NT_ASSESSMENT_PAGE (object)->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nt_assessment_page_class_init (NtAssessmentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nt_assessment_page_constructed;
  object_class->dispose = nt_assessment_page_dispose;
  object_class->finalize = nt_assessment_page_finalize;
  object_class->set_property = nt_assessment_page_set_property;
  widget_class->map = nt_assessment_page_map;
  widget_class->unmap = nt_assessment_page_unmap;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, NT_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nt_assessment_page_init (NtAssessmentPage *self)
{
  build (self);
}
