/* nt-leaves-page.c
 *
 * Each leave is a row with its one next step as a button: approve, gone out,
 * back. Overdue leaves stand out. A new leave and a weekend leave for many
 * are small forms that stay open and say what is wrong.
 */
#define G_LOG_DOMAIN "nt-leaves-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-context.h"
#include "nt-access.h"
#include "nt-date.h"
#include "nt-incident-editor.h"
#include "nt-form-dialog.h"
#include "nt-leaves-page.h"
#include "nt-rooms.h"
#include "nt-school.h"
#include "nt-student-list.h"
#include "nt-student.h"
#include "nt-window.h"

/* In the order of the view drop-down (ui/nt-leaves-page.ui). */
enum { VIEW_OUT, VIEW_OVERDUE, VIEW_WEEKS, VIEW_PENDING };

struct _NtLeavesPage
{
  AdwBin         parent_instance;

  NtContext     *context;
  guint          n_rows;

  GtkDropDown   *view_dropdown;
  GtkLabel      *count_label;
  GtkStack      *stack;
  GtkListBox    *list;
  AdwStatusPage *empty_page;

  guint          clock_source;   /* the list read again every minute */
};

G_DEFINE_FINAL_TYPE (NtLeavesPage, nt_leaves_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void reload (NtLeavesPage *self);

static gint64
current_user_id (NtLeavesPage *self)
{
  NtStaffMember *user = nt_context_get_user (self->context);
  return user ? user->id : 0;
}

/* ----- the next step of a leave ----------------------------------------- */

/**
 * nt_leaves_page_advance:
 *
 * Does a leave's next step, as its button: requested → approved (by the
 * current user), approved → out (now), out → returned (now).
 */
gboolean
nt_leaves_page_advance (NtLeavesPage  *self,
                        gint64         leave_id,
                        GError       **error)
{
  NtStore *store = nt_context_get_store (self->context);
  g_autofree char *now = nt_leave_time_now ();
  g_autoptr(NtLeave) leave = nt_leaves_load (store, leave_id, now, error);
  gboolean ok = FALSE;

  if (leave == NULL)
    return FALSE;
  if (g_str_equal (leave->state, "requested"))
    {
      if (current_user_id (self) == 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                       _("Choose who is using the program first: the leave is approved in that name."));
          return FALSE;
        }
      ok = nt_leaves_approve (store, leave_id, current_user_id (self), error);
    }
  else if (g_str_equal (leave->state, "approved"))
    ok = nt_leaves_mark_out (store, leave_id, now, error);
  else if (g_str_equal (leave->state, "out"))
    ok = nt_leaves_mark_returned (store, leave_id, now, error);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("This leave has no next step."));

  if (ok)
    reload (self);
  return ok;
}

static void
on_advance_clicked (GtkButton    *button,
                    NtLeavesPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!nt_leaves_page_advance (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "leave-id")), &error))
    nt_window_toast_text (GTK_WIDGET (self), error->message);
}

static void
on_cancel_clicked (GtkButton    *button,
                   NtLeavesPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!nt_leaves_cancel (nt_context_get_store (self->context),
                         GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "leave-id")), &error))
    nt_window_toast_text (GTK_WIDGET (self), error->message);
  else
    reload (self);
}

static const char *
next_step_label (const char *state)
{
  if (g_strcmp0 (state, "requested") == 0)
    return _("_Approve");
  if (g_strcmp0 (state, "approved") == 0)
    return _("Gone _out");
  if (g_strcmp0 (state, "out") == 0)
    return _("_Back");
  return NULL;
}

static GtkWidget *
leave_row (NtLeavesPage *self,
           NtLeave      *l)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *from = nt_leave_time_to_display (l->from_time);
  g_autofree char *to = nt_leave_time_to_display (l->to_time);
  g_autofree char *title = g_strdup_printf ("%s · %s%s%s", l->student_name, l->class_name ? l->class_name : "",
                                            l->room_number ? " · " : "", l->room_number ? l->room_number : "");
  g_autofree char *subtitle = g_strdup_printf ("%s · %s → %s · %s%s%s%s", nt_leave_reason_label (l->reason), from, to,
                                               nt_leave_state_label (l->state),
                                               l->overdue ? _(" · OVERDUE") : "",
                                               l->guardian_phone && l->guardian_phone[0] ? " · " : "",
                                               l->guardian_phone ? l->guardian_phone : "");
  const char *next = next_step_label (l->state);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (l->overdue)
    gtk_widget_add_css_class (row, "nt-overdue");
  /* An overdue leave may be an incident (issue 7): the row opens one,
   * filled with the student and the leave, or the one already opened. */
  if (l->overdue)
    {
      NtIncidentLink link = { NT_INCIDENT_LINK_LEAVE, l->id };
      GtkWidget *button = nt_incident_link_button_new (self->context, &link);

      if (button != NULL)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  if (next != NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (next);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (button), "leave-id", GSIZE_TO_POINTER (l->id));
      g_signal_connect (button, "clicked", G_CALLBACK (on_advance_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  if (g_strcmp0 (l->state, "requested") == 0 || g_strcmp0 (l->state, "approved") == 0)
    {
      GtkWidget *cancel = gtk_button_new_from_icon_name ("edit-delete-symbolic");
      gtk_widget_set_valign (cancel, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (cancel, _("Cancel the leave"));
      gtk_widget_add_css_class (cancel, "flat");
      g_object_set_data (G_OBJECT (cancel), "leave-id", GSIZE_TO_POINTER (l->id));
      g_signal_connect (cancel, "clicked", G_CALLBACK (on_cancel_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), cancel);
    }
  return row;
}

static void
reload (NtLeavesPage *self)
{
  NtStore *store = nt_context_get_store (self->context);
  g_autofree char *now = nt_leave_time_now ();
  g_autoptr(GListStore) leaves = NULL;
  g_autofree char *count = NULL;
  GtkWidget *child;
  guint view = gtk_drop_down_get_selected (self->view_dropdown);

  if (view == VIEW_OVERDUE)
    leaves = nt_leaves_overdue (store, now, NULL);
  else if (view == VIEW_PENDING)
    leaves = nt_leaves_pending (store, now, NULL);
  else if (view == VIEW_WEEKS)
    {
      /* What the view says: Monday of this week to Sunday of the next. */
      g_autoptr(GDateTime) t = g_date_time_new_now_local ();
      g_autoptr(GDateTime) a = g_date_time_add_days (t, 1 - g_date_time_get_day_of_week (t));
      g_autoptr(GDateTime) b = g_date_time_add_days (a, 13);
      g_autofree char *from = g_date_time_format (a, "%Y-%m-%d");
      g_autofree char *to = g_date_time_format (b, "%Y-%m-%d");
      leaves = nt_leaves_list_range (store, from, to, now, NULL);
    }
  else
    leaves = nt_leaves_out_now (store, now, NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_rows = leaves ? g_list_model_get_n_items (G_LIST_MODEL (leaves)) : 0;
  for (guint i = 0; i < self->n_rows; i++)
    {
      g_autoptr(NtLeave) l = g_list_model_get_item (G_LIST_MODEL (leaves), i);
      gtk_list_box_append (self->list, leave_row (self, l));
    }

  count = g_strdup_printf (ngettext ("%u leave", "%u leaves", self->n_rows), self->n_rows);
  /* Requests waiting for approval are said whatever the view. */
  {
    g_autoptr(GListStore) pending = view == VIEW_PENDING ? NULL : nt_leaves_pending (store, now, NULL);
    guint n_pending = pending != NULL ? g_list_model_get_n_items (G_LIST_MODEL (pending)) : 0;

    if (n_pending > 0)
      {
        /* TRANSLATORS: after the count of leaves shown: "· 2 đơn chờ duyệt" */
        g_autofree char *more = g_strdup_printf (ngettext (" · %u waiting for approval", " · %u waiting for approval",
                                                           n_pending), n_pending);
        g_autofree char *both = g_strconcat (count, more, NULL);
        g_free (count);
        count = g_steal_pointer (&both);
      }
  }
  gtk_label_set_text (self->count_label, count);
  adw_status_page_set_title (self->empty_page,
                             view == VIEW_OVERDUE ? _("Nobody is overdue") :
                             view == VIEW_PENDING ? _("No request is waiting for approval") :
                             view == VIEW_OUT ? _("Nobody is out of the dorm on leave") : _("No leave in these weeks"));
  gtk_stack_set_visible_child_name (self->stack, self->n_rows > 0 ? "list" : "empty");
}

static void
on_view_changed (GtkDropDown  *dropdown,
                 GParamSpec   *pspec,
                 NtLeavesPage *self)
{
  if (self->context != NULL)
    reload (self);
}

/* "leaves.view": "out", "overdue", "weeks" or "pending" (the Overview's
 * cards open the view they count). */
static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  static const char * const views[] = { "out", "overdue", "weeks", "pending" };
  NtLeavesPage *self = NT_LEAVES_PAGE (widget);
  const char *view = g_variant_get_string (parameter, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (g_str_equal (view, views[i]))
      gtk_drop_down_set_selected (self->view_dropdown, i);
}

static void
on_store_changed (NtStore      *store,
                  const char   *table,
                  NtLeavesPage *self)
{
  if (g_str_equal (table, "leaves") || g_str_equal (table, "students") || g_str_equal (table, "incidents"))
    reload (self);
}

/* ----- creating --------------------------------------------------------- */

gboolean
nt_leaves_page_create (NtLeavesPage  *self,
                       gint64         student_id,
                       const char    *from_display,
                       const char    *to_display,
                       const char    *reason,
                       const char    *destination,
                       gboolean       approve,
                       GError       **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  NtLeaveInput in = { 0 };

  g_return_val_if_fail (NT_IS_LEAVES_PAGE (self), FALSE);

  if (student_id <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Choose the student."));
      return FALSE;
    }
  if ((from = nt_date_time_parse_display (from_display, error)) == NULL ||
      (to = nt_date_time_parse_display (to_display, error)) == NULL)
    return FALSE;
  if (approve && current_user_id (self) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("Choose who is using the program first: the leave is approved in that name."));
      return FALSE;
    }
  in.student_id = student_id;
  in.from_time = from;
  in.to_time = to;
  in.reason = reason;
  in.destination = destination;
  in.approved_by = approve ? current_user_id (self) : 0;
  if (nt_leaves_create (nt_context_get_store (self->context), &in, error) <= 0)
    return FALSE;
  reload (self);
  return TRUE;
}

gboolean
nt_leaves_page_create_bulk (NtLeavesPage  *self,
                            gint64         class_id,
                            gint64         building_id,
                            int            floor,
                            const char    *from_display,
                            const char    *to_display,
                            guint         *n_created,
                            GListStore   **skipped,
                            GError       **error)
{
  NtStore *store = nt_context_get_store (self->context);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GArray) ids = NULL;
  NtLeaveInput in = { 0 };

  g_return_val_if_fail (NT_IS_LEAVES_PAGE (self), FALSE);

  if ((from = nt_date_time_parse_display (from_display, error)) == NULL ||
      (to = nt_date_time_parse_display (to_display, error)) == NULL)
    return FALSE;
  {
    g_autofree char *day = g_strndup (from, 10);
    ids = nt_leaves_scope_students (store, class_id, building_id, floor, day);
  }
  in.from_time = from;
  in.to_time = to;
  in.reason = "home";
  in.approved_by = current_user_id (self);
  if (!nt_leaves_create_bulk (store, &in, (const gint64 *) ids->data, ids->len, n_created, skipped, error))
    return FALSE;
  reload (self);
  return TRUE;
}

/* A small form window; "controls" are looked up by name. */
typedef struct
{
  NtLeavesPage  *self;
  GtkWidget     *window;
  GtkWidget     *error;
  GHashTable    *controls;
  NtStudentList *students;
  gint64         student_id;
} Form;

static void
form_free (gpointer p)
{
  Form *f = p;

  g_clear_pointer (&f->controls, g_hash_table_unref);
  g_clear_object (&f->students);
  g_object_unref (f->self);
  g_free (f);
}

static GtkWidget *
form_entry (Form       *f,
            GtkWidget  *group,
            const char *name,
            const char *title,
            const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_hash_table_insert (f->controls, (gpointer) name, row);
  return row;
}

static const char *
form_text (Form       *f,
           const char *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (g_hash_table_lookup (f->controls, name)));
}

static void
form_error (Form         *f,
            const GError *error)
{
  gtk_label_set_text (GTK_LABEL (f->error), error->message);
  gtk_widget_set_visible (f->error, TRUE);
}

static Form *
form_new (NtLeavesPage *self,
          const char   *title,
          const char   *confirm,
          GCallback     on_confirm,
          GtkWidget   **page_out)
{
  Form *f = g_new0 (Form, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *ok = gtk_button_new_with_mnemonic (confirm);
  GtkWidget *page = adw_preferences_page_new ();

  f->self = g_object_ref (self);
  f->controls = g_hash_table_new (g_str_hash, g_str_equal);
  f->window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (f->window), title);
  gtk_window_set_modal (GTK_WINDOW (f->window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 520, 600);
  gtk_window_set_transient_for (GTK_WINDOW (f->window), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), ok);
  gtk_widget_add_css_class (ok, "suggested-action");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), f->window);
  g_signal_connect (ok, "clicked", on_confirm, f);
  /* Escape closes as in every dialog; Ctrl+Enter saves from any field
   * (Enter in the student search picks the student). */
  nt_form_save_keys (ok);

  f->error = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (f->error), TRUE);
  gtk_widget_add_css_class (f->error, "error");
  gtk_widget_set_margin_start (f->error, 18);
  gtk_widget_set_margin_end (f->error, 18);
  gtk_widget_set_margin_top (f->error, 8);
  gtk_widget_set_visible (f->error, FALSE);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), f->error);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (f->window), box);
  g_object_set_data_full (G_OBJECT (f->window), "form", f, form_free);
  *page_out = page;
  return f;
}

/* @hour of the day @days_ahead from today; a time already past today
 * becomes the next whole hour (a leave asked for at 22:00 starts now, not
 * at 17:00). */
static char *
default_time (int days_ahead,
              int hour)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days_ahead);
  g_autofree char *date = g_date_time_format (day, "%d/%m/%Y");

  if (days_ahead == 0 && g_date_time_get_hour (now) >= hour && g_date_time_get_hour (now) < 23)
    hour = g_date_time_get_hour (now) + 1;
  return g_strdup_printf ("%s %02d:00", date, hour);
}

/* The student of a new leave: a search narrows the list of boarders. */
static void
on_student_search (GtkEditable *entry,
                   Form        *f)
{
  GtkListBox *results = g_hash_table_lookup (f->controls, "results");
  GtkWidget *child;

  nt_student_list_set_search (f->students, gtk_editable_get_text (entry));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (results))) != NULL)
    gtk_list_box_remove (results, child);
  for (guint i = 0; i < MIN (g_list_model_get_n_items (G_LIST_MODEL (f->students)), 6); i++)
    {
      g_autoptr(NtStudent) s = g_list_model_get_item (G_LIST_MODEL (f->students), i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf ("%s · %s · %s", s->full_name, s->class_name, s->code);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "student-id", GSIZE_TO_POINTER (s->id));
      gtk_list_box_append (results, row);
    }
}

static void
on_student_chosen (GtkListBox    *results,
                   GtkListBoxRow *row,
                   Form          *f)
{
  f->student_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "student-id"));
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (results)); c; c = gtk_widget_get_next_sibling (c))
    gtk_widget_remove_css_class (c, "nt-chosen");
  gtk_widget_add_css_class (GTK_WIDGET (row), "nt-chosen");
}

/* Enter in the search picks the first student found, or says what is
 * missing when none is. */
static void
on_search_activated (AdwEntryRow *entry,
                     Form        *f)
{
  GtkListBox *results = g_hash_table_lookup (f->controls, "results");
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (results, 0);
  g_autoptr(GError) error = NULL;

  if (first != NULL)
    {
      on_student_chosen (results, first, f);
      return;
    }
  g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("No boarding student matches “%s”: type part of the name or the code."),
               gtk_editable_get_text (GTK_EDITABLE (entry)));
  form_error (f, error);
}

static void
on_new_confirm (GtkButton *button,
                Form      *f)
{
  g_autoptr(GError) error = NULL;
  AdwComboRow *reason = g_hash_table_lookup (f->controls, "reason");
  guint r = adw_combo_row_get_selected (reason);
  const char * const *reasons = nt_leave_reasons ();
  GtkSwitch *approve = g_hash_table_lookup (f->controls, "approve");

  if (!nt_leaves_page_create (f->self, f->student_id, form_text (f, "from"), form_text (f, "to"),
                              r < g_strv_length ((char **) reasons) ? reasons[r] : "home",
                              form_text (f, "destination"), gtk_switch_get_active (approve), &error))
    {
      form_error (f, error);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (f->window));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  NtLeavesPage *self = NT_LEAVES_PAGE (widget);
  GtkWidget *page, *who, *when, *search, *results, *approve_row, *approve;
  Form *f = form_new (self, _("New leave"), _("_Save"), G_CALLBACK (on_new_confirm), &page);
  g_autoptr(GtkStringList) reasons = gtk_string_list_new (NULL);
  g_autofree char *from = default_time (0, 17);
  g_autofree char *to = default_time (2, 17);
  GtkWidget *reason;

  f->students = nt_student_list_new (nt_context_get_store (self->context));
  nt_student_list_set_boarding (f->students, "boarding");

  who = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (who), _("Student"));
  search = form_entry (f, who, "search", _("Type a name or a code, then pick the student"), NULL);
  results = gtk_list_box_new ();
  gtk_widget_add_css_class (results, "boxed-list");
  gtk_widget_set_margin_top (results, 6);
  g_hash_table_insert (f->controls, (gpointer) "results", results);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (who), results);
  g_signal_connect (search, "changed", G_CALLBACK (on_student_search), f);
  g_signal_connect (search, "entry-activated", G_CALLBACK (on_search_activated), f);
  g_signal_connect (results, "row-activated", G_CALLBACK (on_student_chosen), f);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (who));

  when = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (when), _("Leave"));
  form_entry (f, when, "from", _("From (dd/mm/yyyy HH:MM)"), from);
  form_entry (f, when, "to", _("Back by (dd/mm/yyyy HH:MM)"), to);
  for (const char * const *r = nt_leave_reasons (); *r; r++)
    gtk_string_list_append (reasons, nt_leave_reason_label (*r));
  reason = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reason), _("Reason"));
  adw_combo_row_set_model (ADW_COMBO_ROW (reason), G_LIST_MODEL (reasons));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (when), reason);
  g_hash_table_insert (f->controls, (gpointer) "reason", reason);
  form_entry (f, when, "destination", _("Destination"), NULL);
  approve_row = adw_action_row_new ();
  approve = gtk_switch_new ();
  gtk_switch_set_active (GTK_SWITCH (approve), TRUE);
  gtk_widget_set_valign (approve, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (approve_row), _("Approved now, in my name"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (approve_row), approve);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (approve_row), approve);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (when), approve_row);
  g_hash_table_insert (f->controls, (gpointer) "approve", approve);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (when));

  gtk_window_present (GTK_WINDOW (f->window));
  gtk_widget_grab_focus (search);
}

/* ----- weekend leave ---------------------------------------------------- */

static void
on_bulk_confirm (GtkButton *button,
                 Form      *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) skipped = NULL;
  AdwComboRow *scope = g_hash_table_lookup (f->controls, "scope");
  GListStore *scopes = g_object_get_data (G_OBJECT (scope), "scopes");
  guint s = adw_combo_row_get_selected (scope);
  gint64 class_id = 0, building_id = 0;
  int floor = 0;
  guint n = 0;

  if (s < g_list_model_get_n_items (G_LIST_MODEL (scopes)))
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (scopes), s);
      class_id = GPOINTER_TO_SIZE (g_object_get_data (item, "class-id"));
      building_id = GPOINTER_TO_SIZE (g_object_get_data (item, "building-id"));
      floor = GPOINTER_TO_INT (g_object_get_data (item, "floor"));
    }
  if (!nt_leaves_page_create_bulk (f->self, class_id, building_id, floor, form_text (f, "from"),
                                   form_text (f, "to"), &n, &skipped, &error))
    {
      form_error (f, error);
      return;
    }
  {
    GString *text = g_string_new (NULL);
    guint n_skipped = skipped ? g_list_model_get_n_items (G_LIST_MODEL (skipped)) : 0;
    GtkWidget *dialog;

    g_string_append_printf (text, ngettext ("%u leave created.", "%u leaves created.", n), n);
    for (guint i = 0; i < n_skipped; i++)
      {
        g_autoptr(NtLeaveSkip) k = g_list_model_get_item (G_LIST_MODEL (skipped), i);
        g_string_append_printf (text, "\n• %s", k->message);
      }
    dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (f->self))),
                                     n_skipped > 0 ? _("Weekend leave, with exceptions") : _("Weekend leave"), text->str);
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
    gtk_window_present (GTK_WINDOW (dialog));
    g_string_free (text, TRUE);
  }
  gtk_window_destroy (GTK_WINDOW (f->window));
}

static void
add_scope (GListStore    *scopes,
           GtkStringList *labels,
           const char    *label,
           gint64         class_id,
           gint64         building_id,
           int            floor)
{
  g_autoptr(GObject) item = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data (item, "class-id", GSIZE_TO_POINTER (class_id));
  g_object_set_data (item, "building-id", GSIZE_TO_POINTER (building_id));
  g_object_set_data (item, "floor", GINT_TO_POINTER (floor));
  g_list_store_append (scopes, item);
  gtk_string_list_append (labels, label);
}

static void
bulk_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  NtLeavesPage *self = NT_LEAVES_PAGE (widget);
  NtStore *store = nt_context_get_store (self->context);
  GtkWidget *page, *group, *scope;
  Form *f = form_new (self, _("Weekend leave"), _("_Create"), G_CALLBACK (on_bulk_confirm), &page);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int to_saturday = (6 - g_date_time_get_day_of_week (now) + 7) % 7;
  g_autofree char *from = default_time (to_saturday, 11);
  g_autofree char *to = default_time (to_saturday + 1, 17);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GListStore *scopes = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(GListStore) classes = nt_classes_list (store);
  g_autoptr(GListStore) buildings = nt_rooms_list_buildings (store, TRUE, NULL);

  add_scope (scopes, labels, _("Every boarder"), 0, 0, 0);
  for (guint i = 0; buildings && i < g_list_model_get_n_items (G_LIST_MODEL (buildings)); i++)
    {
      g_autoptr(NtBuilding) b = g_list_model_get_item (G_LIST_MODEL (buildings), i);
      add_scope (scopes, labels, b->name, 0, b->id, 0);
      for (int fl = 1; fl <= b->floors; fl++)
        {
          g_autofree char *label = g_strdup_printf (_("%s, floor %d"), b->name, fl);
          add_scope (scopes, labels, label, 0, b->id, fl);
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (classes)); i++)
    {
      g_autoptr(NtClass) c = g_list_model_get_item (G_LIST_MODEL (classes), i);
      g_autofree char *label = g_strdup_printf (_("Class %s"), c->name);
      add_scope (scopes, labels, label, c->id, 0, 0);
    }

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Who goes home"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Every boarder of the choice gets an approved leave home; those who cannot (already on leave, not a boarder…) are listed afterwards."));
  scope = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (scope), _("Students"));
  adw_combo_row_set_model (ADW_COMBO_ROW (scope), G_LIST_MODEL (labels));
  g_object_set_data_full (G_OBJECT (scope), "scopes", scopes, g_object_unref);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), scope);
  g_hash_table_insert (f->controls, (gpointer) "scope", scope);
  form_entry (f, group, "from", _("From (dd/mm/yyyy HH:MM)"), from);
  form_entry (f, group, "to", _("Back by (dd/mm/yyyy HH:MM)"), to);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_window_present (GTK_WINDOW (f->window));
}

/* ----- public ----------------------------------------------------------- */

void
nt_leaves_page_set_view (NtLeavesPage *self,
                         guint         view)
{
  g_return_if_fail (NT_IS_LEAVES_PAGE (self));
  gtk_drop_down_set_selected (self->view_dropdown, view);
  reload (self);
}

guint
nt_leaves_page_get_n_rows (NtLeavesPage *self)
{
  g_return_val_if_fail (NT_IS_LEAVES_PAGE (self), 0);
  return self->n_rows;
}

/* ----- GObject ---------------------------------------------------------- */

/* A leave becomes overdue at its end without anything changing in the
 * database: the list is read again every minute while on screen. */
static gboolean
on_clock (gpointer data)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (data)))
    reload (data);
  return G_SOURCE_CONTINUE;
}

static void
nt_leaves_page_constructed (GObject *object)
{
  NtLeavesPage *self = NT_LEAVES_PAGE (object);

  G_OBJECT_CLASS (nt_leaves_page_parent_class)->constructed (object);
  g_signal_connect_object (nt_context_get_store (self->context), "changed",
                           G_CALLBACK (on_store_changed), self, 0);
  g_signal_connect (self, "map", G_CALLBACK (reload), NULL);
  self->clock_source = g_timeout_add_seconds (60, on_clock, self);
  reload (self);
}

static void
nt_leaves_page_dispose (GObject *object)
{
  NtLeavesPage *self = NT_LEAVES_PAGE (object);

  g_clear_handle_id (&self->clock_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), NT_TYPE_LEAVES_PAGE);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (nt_leaves_page_parent_class)->dispose (object);
}

static void
nt_leaves_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      NT_LEAVES_PAGE (object)->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nt_leaves_page_class_init (NtLeavesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nt_leaves_page_constructed;
  object_class->dispose = nt_leaves_page_dispose;
  object_class->set_property = nt_leaves_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, NT_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/edu/noitru/nt-leaves-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NtLeavesPage, view_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NtLeavesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, NtLeavesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, NtLeavesPage, list);
  gtk_widget_class_bind_template_child (widget_class, NtLeavesPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed);

  gtk_widget_class_install_action (widget_class, "leaves.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "leaves.bulk", NULL, bulk_action);
  gtk_widget_class_install_action (widget_class, "leaves.view", "s", view_action);
}

static void
nt_leaves_page_init (NtLeavesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
