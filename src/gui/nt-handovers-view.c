/* nt-handovers-view.c
 *
 * The hand-over book: the notes of the last days, newest first, each with
 * what happened, what the next shift must watch and who acknowledged it;
 * the next person acknowledges with one button. Writing a note opens a
 * small form on top of the list, with the post and shift of the person's
 * duty now already chosen. Search ignores case and diacritics.
 */
#define G_LOG_DOMAIN "nt-handovers-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "nt-date.h"
#include "nt-handovers.h"
#include "nt-handovers-view.h"
#include "nt-incident-editor.h"
#include "nt-leaves.h"
#include "nt-roster.h"
#include "nt-staff.h"
#include "nt-window.h"

enum { SPAN_WEEK, SPAN_MONTH, SPAN_YEAR };

struct _NtHandoversView
{
  AdwBin          parent_instance;

  NtContext      *context;
  GArray         *post_ids;      /* of post_filter, [0] = 0 for all posts */
  GArray         *form_posts;    /* of form_post */
  GArray         *form_shifts;   /* of form_shift */
  guint           n_notes;

  GtkSearchEntry *search;
  GtkDropDown    *span;
  GtkDropDown    *post_filter;
  GtkListBox     *list;
  GtkLabel       *empty_label;

  GtkRevealer    *form;
  GtkDropDown    *form_post;
  GtkDropDown    *form_shift;
  GtkEntry       *form_date;
  GtkTextView    *form_happened;
  GtkTextView    *form_watch;
  GtkLabel       *form_error;
};

G_DEFINE_FINAL_TYPE (NtHandoversView, nt_handovers_view, ADW_TYPE_BIN)

static void reload (NtHandoversView *self);

static NtStore *
store_of (NtHandoversView *self)
{
  return nt_context_get_store (self->context);
}

static gint64
user_id (NtHandoversView *self)
{
  NtStaffMember *user = nt_context_get_user (self->context);
  return user != NULL ? user->id : 0;
}

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* ----- the list --------------------------------------------------------- */

static gboolean
acknowledge_note (NtHandoversView  *self,
                  gint64            handover_id,
                  GError          **error)
{
  if (user_id (self) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("Choose who is using the program first: the note is acknowledged in that name."));
      return FALSE;
    }
  return nt_handovers_acknowledge (store_of (self), handover_id, user_id (self), NULL, error);
}

/**
 * nt_handovers_view_acknowledge:
 *
 * The person using the program acknowledges a note written by someone else.
 */
gboolean
nt_handovers_view_acknowledge (NtHandoversView  *self,
                               gint64            handover_id,
                               GError          **error)
{
  g_return_val_if_fail (NT_IS_HANDOVERS_VIEW (self), FALSE);

  if (!acknowledge_note (self, handover_id, error))
    return FALSE;
  reload (self);
  return TRUE;
}

static void
on_acknowledge_clicked (GtkButton       *button,
                        NtHandoversView *self)
{
  g_autoptr(GError) error = NULL;

  if (!nt_handovers_view_acknowledge (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "id")), &error))
    nt_window_toast_text (GTK_WIDGET (self), error->message);
}

static GtkWidget *
paragraph (const char *title,
           const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_autofree char *markup = g_strdup_printf ("<b>%s</b> %s", title, escaped);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  return label;
}

static GtkWidget *
note_row (NtHandoversView *self,
          NtHandover      *h)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *date = nt_date_iso_to_display (h->date);
  g_autofree char *title = g_strdup_printf ("%s · %s%s%s", date, h->post_name,
                                            h->shift_name ? " · " : "", h->shift_name ? h->shift_name : "");
  /* TRANSLATORS: who wrote a hand-over note and at what time */
  g_autofree char *written = nt_leave_time_to_display (h->written_at);
  g_autofree char *by = g_strdup_printf (_("written by %s at %s"), h->written_by_name, written ? written : "");
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *writer = gtk_label_new (by);

  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (writer, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (writer), 0);
  /* Long names shorten rather than widen the list past the window. */
  gtk_label_set_ellipsize (GTK_LABEL (heading), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (writer), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (writer, TRUE);
  gtk_box_append (GTK_BOX (top), heading);
  gtk_box_append (GTK_BOX (top), writer);

  if (h->acknowledged_by != 0)
    {
      g_autofree char *at = nt_leave_time_to_display (h->acknowledged_at);
      /* TRANSLATORS: "Đã nhận: Lò Thị B, 24/11/2026 06:05" */
      g_autofree char *text = g_strdup_printf (_("Received by %s, %s"), h->acknowledged_by_name, at ? at : "");
      GtkWidget *ack = gtk_label_new (text);

      gtk_label_set_ellipsize (GTK_LABEL (ack), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (ack, text);
      gtk_widget_add_css_class (ack, "success");
      gtk_box_append (GTK_BOX (top), ack);
    }
  else if (h->written_by == user_id (self))
    {
      /* The writer's own note waits for the next person, who acknowledges
       * it (the core refuses the writer). */
      GtkWidget *wait = gtk_label_new (_("Waiting for the next shift"));

      gtk_widget_add_css_class (wait, "dim-label");
      gtk_box_append (GTK_BOX (top), wait);
      gtk_widget_add_css_class (row, "nt-handover-open");
    }
  else
    {
      GtkWidget *ack = gtk_button_new_with_mnemonic (_("_Received"));

      gtk_widget_set_tooltip_text (ack, _("I take over: I have read this note"));
      g_object_set_data (G_OBJECT (ack), "id", GSIZE_TO_POINTER (h->id));
      g_signal_connect (ack, "clicked", G_CALLBACK (on_acknowledge_clicked), self);
      gtk_box_append (GTK_BOX (top), ack);
      gtk_widget_add_css_class (row, "nt-handover-open");
    }

  /* Something that happened on the shift may be an incident (issue 7). */
  {
    NtIncidentLink link = { NT_INCIDENT_LINK_HANDOVER, h->id };
    GtkWidget *incident = nt_incident_link_button_new (self->context, &link);

    if (incident != NULL)
      gtk_box_append (GTK_BOX (top), incident);
  }

  gtk_box_append (GTK_BOX (box), top);
  if (h->happened != NULL && h->happened[0] != '\0')
    gtk_box_append (GTK_BOX (box), paragraph (_("What happened:"), h->happened));
  if (h->to_watch != NULL && h->to_watch[0] != '\0')
    gtk_box_append (GTK_BOX (box), paragraph (_("To watch:"), h->to_watch));
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
reload (NtHandoversView *self)
{
  g_autoptr(GListStore) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = g_date_time_format (now, "%Y-%m-%d");
  guint span = gtk_drop_down_get_selected (self->span);
  guint post = gtk_drop_down_get_selected (self->post_filter);
  GtkWidget *child;

  if (self->context == NULL)
    return;
  start = g_date_time_add_days (now, span == SPAN_WEEK ? -7 : span == SPAN_MONTH ? -31 : -366);
  from = g_date_time_format (start, "%Y-%m-%d");
  notes = nt_handovers_list (store_of (self), from, to,
                             post < self->post_ids->len ? g_array_index (self->post_ids, gint64, post) : 0,
                             gtk_editable_get_text (GTK_EDITABLE (self->search)), &error);
  if (notes == NULL)
    {
      nt_window_toast_text (GTK_WIDGET (self), error->message);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_notes = g_list_model_get_n_items (G_LIST_MODEL (notes));
  /* Newest first: the note to take over is at the top. */
  for (guint i = self->n_notes; i > 0; i--)
    {
      g_autoptr(NtHandover) h = g_list_model_get_item (G_LIST_MODEL (notes), i - 1);
      gtk_list_box_append (self->list, note_row (self, h));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), self->n_notes > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), self->n_notes == 0);
}

guint
nt_handovers_view_get_n_notes (NtHandoversView *self)
{
  g_return_val_if_fail (NT_IS_HANDOVERS_VIEW (self), 0);
  return self->n_notes;
}

static void
on_filter_changed (NtHandoversView *self)
{
  reload (self);
}

/* ----- writing ---------------------------------------------------------- */

static void
fill_choices (NtHandoversView *self)
{
  g_autoptr(GListStore) posts = nt_roster_posts (store_of (self), TRUE, NULL);
  g_autoptr(GListStore) shifts = nt_roster_shifts (store_of (self), NULL);
  g_autoptr(GtkStringList) filter_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) post_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) shift_names = gtk_string_list_new (NULL);
  gint64 all = 0;

  g_array_set_size (self->post_ids, 0);
  g_array_set_size (self->form_posts, 0);
  g_array_set_size (self->form_shifts, 0);
  gtk_string_list_append (filter_names, _("All posts"));
  g_array_append_val (self->post_ids, all);
  for (guint i = 0; posts != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (posts)); i++)
    {
      g_autoptr(NtPost) p = g_list_model_get_item (G_LIST_MODEL (posts), i);

      gtk_string_list_append (filter_names, p->name);
      gtk_string_list_append (post_names, p->name);
      g_array_append_val (self->post_ids, p->id);
      g_array_append_val (self->form_posts, p->id);
    }
  for (guint i = 0; shifts != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (shifts)); i++)
    {
      g_autoptr(NtShift) s = g_list_model_get_item (G_LIST_MODEL (shifts), i);
      g_autofree char *text = g_strdup_printf ("%s %s–%s", s->name, s->start_time, s->end_time);

      gtk_string_list_append (shift_names, text);
      g_array_append_val (self->form_shifts, s->id);
    }
  gtk_drop_down_set_model (self->post_filter, G_LIST_MODEL (filter_names));
  gtk_drop_down_set_model (self->form_post, G_LIST_MODEL (post_names));
  gtk_drop_down_set_model (self->form_shift, G_LIST_MODEL (shift_names));
}

static void
select_id (GtkDropDown *dropdown,
           GArray      *ids,
           gint64       id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      gtk_drop_down_set_selected (dropdown, i);
}

/* The note is most often written by the person on duty, at the end of
 * their shift: their post and shift are chosen for them. */
static void
preselect_own_duty (NtHandoversView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%d %H:%M");
  g_autofree char *today = g_date_time_format (now, "%d/%m/%Y");
  g_autoptr(GListStore) on_duty = nt_roster_on_duty (store_of (self), at, NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->form_date), today);
  /* Someone not on duty (the principal) writes most often about the
   * shift running now: that shift and its day. */
  if (on_duty != NULL && g_list_model_get_n_items (G_LIST_MODEL (on_duty)) > 0)
    {
      g_autoptr(NtDuty) d = g_list_model_get_item (G_LIST_MODEL (on_duty), 0);
      g_autofree char *date = nt_date_iso_to_display (d->date);

      select_id (self->form_shift, self->form_shifts, d->shift_id);
      gtk_editable_set_text (GTK_EDITABLE (self->form_date), date);
    }
  for (guint i = 0; on_duty != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (on_duty)); i++)
    {
      g_autoptr(NtDuty) d = g_list_model_get_item (G_LIST_MODEL (on_duty), i);

      if (d->staff_id == user_id (self))
        {
          g_autofree char *date = nt_date_iso_to_display (d->date);

          select_id (self->form_post, self->form_posts, d->post_id);
          select_id (self->form_shift, self->form_shifts, d->shift_id);
          gtk_editable_set_text (GTK_EDITABLE (self->form_date), date);
          break;
        }
    }
}

/**
 * nt_handovers_view_write:
 *
 * Opens the form for a new note.
 */
void
nt_handovers_view_write (NtHandoversView *self)
{
  g_return_if_fail (NT_IS_HANDOVERS_VIEW (self));

  fill_choices (self);
  preselect_own_duty (self);
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), FALSE);
  gtk_revealer_set_reveal_child (self->form, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->form_happened));
}

/**
 * nt_handovers_view_submit:
 *
 * Saves the form as a note written by the person using the program.
 *
 * Returns: %FALSE with @error set, the form kept, when nothing was saved
 */
gboolean
nt_handovers_view_submit (NtHandoversView  *self,
                          GError          **error)
{
  g_autofree char *date = NULL;
  g_autofree char *happened = NULL;
  g_autofree char *watch = NULL;
  guint post = gtk_drop_down_get_selected (self->form_post);
  guint shift = gtk_drop_down_get_selected (self->form_shift);
  NtHandoverInput input = { 0 };

  g_return_val_if_fail (NT_IS_HANDOVERS_VIEW (self), FALSE);

  if (user_id (self) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("Choose who is using the program first: the note is signed with that name."));
      return FALSE;
    }
  if (post >= self->form_posts->len)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Post: choose the post the note is about."));
      return FALSE;
    }
  {
    GDate *day = nt_date_parse_display (gtk_editable_get_text (GTK_EDITABLE (self->form_date)), error);

    if (day == NULL)
      {
        g_prefix_error (error, _("Date: "));
        return FALSE;
      }
    date = nt_date_to_iso (day);
    g_date_free (day);
  }
  happened = text_of (self->form_happened);
  watch = text_of (self->form_watch);
  input.post_id = g_array_index (self->form_posts, gint64, post);
  input.shift_id = shift < self->form_shifts->len ? g_array_index (self->form_shifts, gint64, shift) : 0;
  input.date = date;
  input.written_by = user_id (self);
  input.happened = happened;
  input.to_watch = watch;
  if (nt_handovers_write (store_of (self), &input, error) == 0)
    return FALSE;

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->form_happened), "", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->form_watch), "", -1);
  gtk_revealer_set_reveal_child (self->form, FALSE);
  reload (self);
  return TRUE;
}

static void
on_save_clicked (NtHandoversView *self)
{
  g_autoptr(GError) error = NULL;

  if (!nt_handovers_view_submit (self, &error))
    {
      gtk_label_set_text (self->form_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->form_error), TRUE);
    }
  else
    nt_window_toast_text (GTK_WIDGET (self), _("Hand-over note saved"));
}

static gboolean
save_shortcut (GtkWidget *widget,
               GVariant  *args,
               gpointer   data)
{
  on_save_clicked (data);
  return TRUE;
}

static void
on_cancel_clicked (NtHandoversView *self)
{
  gtk_revealer_set_reveal_child (self->form, FALSE);
}

void
nt_handovers_view_focus_search (NtHandoversView *self)
{
  g_return_if_fail (NT_IS_HANDOVERS_VIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

static void
on_store_changed (NtStore         *store,
                  const char      *table,
                  NtHandoversView *self)
{
  if (g_str_equal (table, "handovers"))
    reload (self);
  else if (g_str_equal (table, "posts") || g_str_equal (table, "shift_templates"))
    fill_choices (self);
}

void
nt_handovers_view_set_context (NtHandoversView *self,
                               NtContext       *context)
{
  g_return_if_fail (NT_IS_HANDOVERS_VIEW (self));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  g_signal_connect_object (store_of (self), "changed", G_CALLBACK (on_store_changed), self, 0);
  fill_choices (self);
  reload (self);
}

/* ----- building --------------------------------------------------------- */

static GtkWidget *
text_area (GtkTextView **view,
           const char   *label_text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *frame = gtk_frame_new (NULL);

  *view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (*view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (*view, FALSE);
  gtk_text_view_set_top_margin (*view, 6);
  gtk_text_view_set_bottom_margin (*view, 6);
  gtk_text_view_set_left_margin (*view, 6);
  gtk_text_view_set_right_margin (*view, 6);
  gtk_widget_set_size_request (GTK_WIDGET (*view), -1, 72);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (*view));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (*view));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_widget_set_hexpand (box, TRUE);
  return box;
}

static GtkWidget *
build_form (NtHandoversView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *choices = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save note"));
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  self->form_post = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  self->form_shift = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  self->form_date = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_width_chars (GTK_EDITABLE (self->form_date), 11);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->form_post), _("The post the note is about"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->form_shift), _("The shift that is ending"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->form_date), _("The day the shift started, dd/mm/yyyy"));
  gtk_box_append (GTK_BOX (choices), gtk_label_new (_("Post")));
  gtk_box_append (GTK_BOX (choices), GTK_WIDGET (self->form_post));
  gtk_box_append (GTK_BOX (choices), gtk_label_new (_("Shift")));
  gtk_box_append (GTK_BOX (choices), GTK_WIDGET (self->form_shift));
  gtk_box_append (GTK_BOX (choices), gtk_label_new (_("Date")));
  gtk_box_append (GTK_BOX (choices), GTK_WIDGET (self->form_date));

  gtk_box_append (GTK_BOX (texts), text_area (&self->form_happened, _("What _happened during the shift")));
  gtk_box_append (GTK_BOX (texts), text_area (&self->form_watch, _("What the next shift must _watch")));

  self->form_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->form_error, TRUE);
  gtk_label_set_xalign (self->form_error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->form_error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), FALSE);

  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (on_save_clicked), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (on_cancel_clicked), self);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), save);

  gtk_box_append (GTK_BOX (box), choices);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->form_error));
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "nt-form-card");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 4);
  /* Ctrl+Enter saves from anywhere in the form (Enter is a new line in the
   * text boxes). */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>s"),
                                                            gtk_callback_action_new (save_shortcut, self, NULL)));
    /* Before the text fields, which would take Ctrl+Enter as a new line. */
    gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
    gtk_widget_add_controller (box, shortcuts);
  }
  gtk_widget_set_tooltip_text (save, _("Save the note (Ctrl+Enter)"));
  self->form = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->form, box);
  return GTK_WIDGET (self->form);
}

static GtkWidget *
build_bar (NtHandoversView *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *write = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();
  const char *spans[] = { N_("Last 7 days"), N_("Last 30 days"), N_("Last 12 months"), NULL };
  g_autoptr(GtkStringList) span_names = gtk_string_list_new (NULL);

  for (guint i = 0; spans[i] != NULL; i++)
    gtk_string_list_append (span_names, _(spans[i]));
  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text", _("Search the notes (no diacritics needed)"), NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->search), TRUE);
  self->span = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (span_names)), NULL));
  self->post_filter = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->span, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->post_filter, "notify::selected", G_CALLBACK (on_filter_changed), self);

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "document-edit-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Write hand-over note"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (write), content);
  gtk_widget_set_tooltip_text (write, _("At the end of your shift: what happened, what to watch (Ctrl+N)"));
  gtk_widget_add_css_class (write, "suggested-action");
  g_signal_connect_swapped (write, "clicked", G_CALLBACK (nt_handovers_view_write), self);

  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->search));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->span));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->post_filter));
  gtk_box_append (GTK_BOX (bar), write);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 8);
  return bar;
}

static void
nt_handovers_view_dispose (GObject *object)
{
  NtHandoversView *self = NT_HANDOVERS_VIEW (object);

  g_clear_object (&self->context);
  G_OBJECT_CLASS (nt_handovers_view_parent_class)->dispose (object);
}

static void
nt_handovers_view_finalize (GObject *object)
{
  NtHandoversView *self = NT_HANDOVERS_VIEW (object);

  g_array_unref (self->post_ids);
  g_array_unref (self->form_posts);
  g_array_unref (self->form_shifts);
  G_OBJECT_CLASS (nt_handovers_view_parent_class)->finalize (object);
}

static void
nt_handovers_view_class_init (NtHandoversViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nt_handovers_view_dispose;
  object_class->finalize = nt_handovers_view_finalize;
}

static void
nt_handovers_view_init (NtHandoversView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->post_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->form_posts = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->form_shifts = g_array_new (FALSE, FALSE, sizeof (gint64));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  self->empty_label = GTK_LABEL (gtk_label_new (_("No hand-over notes in this period.")));
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_label), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (self->empty_label), 24);

  gtk_box_append (GTK_BOX (inner), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (inner), GTK_WIDGET (self->empty_label));
  gtk_widget_set_margin_start (inner, 12);
  gtk_widget_set_margin_end (inner, 12);
  gtk_widget_set_margin_bottom (inner, 12);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), inner);
  gtk_widget_set_vexpand (scroller, TRUE);

  gtk_box_append (GTK_BOX (box), build_bar (self));
  gtk_box_append (GTK_BOX (box), build_form (self));
  gtk_box_append (GTK_BOX (box), scroller);
  adw_bin_set_child (ADW_BIN (self), box);
}
