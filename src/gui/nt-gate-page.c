/* nt-gate-page.c
 *
 * The guard's screen. At the top, who is inside right now, the longest
 * inside first, each with one button to let them out; a visitor of a
 * student who is not on the student's list stands out in red. Below, the
 * visits of today already over and the boarders who went out or came back
 * through the gate today (marked on their leave, so the night check agrees).
 */
#define G_LOG_DOMAIN "nt-gate-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nt-date.h"
#include "nt-form-dialog.h"
#include "nt-gate-page.h"
#include "nt-leaves.h"
#include "nt-student-list.h"
#include "nt-student.h"
#include "nt-util.h"
#include "nt-visitors.h"
#include "nt-window.h"

struct _NtGatePage
{
  AdwBin      parent_instance;

  NtContext  *context;
  GtkLabel   *guard_label;
  GtkLabel   *inside_title;
  GtkListBox *inside;
  GtkListBox *today;
  GtkListBox *students;
  guint       n_inside;
  gulong      changed_id;
};

G_DEFINE_FINAL_TYPE (NtGatePage, nt_gate_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void reload (NtGatePage *self);

static NtStore *
store_of (NtGatePage *self)
{
  return nt_context_get_store (self->context);
}

/* 'HH:MM' of a 'YYYY-MM-DD HH:MM' of today, else the whole date and time. */
static char *
short_time (const char *time)
{
  g_autofree char *today = nt_date_today_iso ();

  if (time != NULL && g_str_has_prefix (time, today) && strlen (time) >= 16)
    return g_strndup (time + 11, 5);
  return nt_leave_time_to_display (time);
}

static GtkWidget *
entry_row (GtkWidget  *group,
           const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

/* ----- choosing a student in a form --------------------------------------- */

typedef struct
{
  NtGatePage    *self;
  NtStudentList *students;
  gint64         student_id;
  GtkWidget     *search;
  GtkWidget     *results;
  GtkWidget     *name;
  GtkWidget     *id_number;
  GtkWidget     *phone;
  GtkWidget     *relation;
  GtkWidget     *purpose;
  GtkWidget     *staff;
  GArray        *staff_ids;
  GtkWidget     *direction;
  GtkLabel      *check;
  GtkWidget     *allowed_list;
} Form;

static void
form_free (gpointer data)
{
  Form *f = data;

  g_object_unref (f->self);
  g_clear_object (&f->students);
  g_clear_pointer (&f->staff_ids, g_array_unref);
  g_free (f);
}

/* Says at once whether the visitor typed is on the chosen student's list. */
static void
update_check (Form *f)
{
  g_autofree char *relation = NULL;
  g_autofree char *text = NULL;
  const char *name;

  if (f->check == NULL || f->name == NULL)
    return;
  name = gtk_editable_get_text (GTK_EDITABLE (f->name));
  gtk_widget_remove_css_class (GTK_WIDGET (f->check), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (f->check), "success");
  if (f->student_id == 0 || name[0] == '\0')
    {
      gtk_label_set_text (f->check, "");
      return;
    }
  if (nt_visitors_is_allowed (store_of (f->self), f->student_id, name,
                              gtk_editable_get_text (GTK_EDITABLE (f->id_number)), &relation))
    {
      /* TRANSLATORS: the visitor typed is on the student's list, with the relation */
      text = g_strdup_printf (_("On the student's list (%s)."), relation);
      gtk_widget_add_css_class (GTK_WIDGET (f->check), "success");
    }
  else
    {
      text = g_strdup (_("Not on the student's list of relatives: check the identity card and ask the supervisor."));
      gtk_widget_add_css_class (GTK_WIDGET (f->check), "error");
    }
  gtk_label_set_text (f->check, text);
}

/* A line in the results saying that nothing matches what was typed, so
 * that an empty list is not mistaken for a slow one. */
static void
add_no_match_row (Form       *f,
                  const char *text)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;

  /* TRANSLATORS: the search of a form at the gate found nobody */
  title = g_markup_printf_escaped (_("No boarding student matches “%s”: type part of the name or the code."), text);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "error");
  g_object_set_data (G_OBJECT (row), "no-match", GINT_TO_POINTER (TRUE));
  gtk_list_box_append (GTK_LIST_BOX (f->results), row);
}

static void
on_student_search (GtkEditable *entry,
                   Form        *f)
{
  GtkListBox *results = GTK_LIST_BOX (f->results);
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  GtkWidget *child;

  nt_student_list_set_search (f->students, gtk_editable_get_text (entry));
  while ((child = gtk_widget_get_first_child (f->results)) != NULL)
    gtk_list_box_remove (results, child);
  if (typed[0] != '\0' && g_list_model_get_n_items (G_LIST_MODEL (f->students)) == 0)
    add_no_match_row (f, typed);
  for (guint i = 0; i < MIN (g_list_model_get_n_items (G_LIST_MODEL (f->students)), 5); i++)
    {
      g_autoptr(NtStudent) s = g_list_model_get_item (G_LIST_MODEL (f->students), i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf ("%s · %s · %s", s->full_name, s->class_name ? s->class_name : "",
                                                s->code);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "student-id", GSIZE_TO_POINTER (s->id));
      gtk_list_box_append (results, row);
    }
}

static void refresh_allowed (Form *f);

static void
on_student_chosen (GtkListBox    *results,
                   GtkListBoxRow *row,
                   Form          *f)
{
  f->student_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "student-id"));
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (results)); c; c = gtk_widget_get_next_sibling (c))
    gtk_widget_remove_css_class (c, "nt-chosen");
  gtk_widget_add_css_class (GTK_WIDGET (row), "nt-chosen");
  /* A boarder out on leave is coming back: the gate form says so itself. */
  if (f->direction != NULL)
    adw_combo_row_set_selected (ADW_COMBO_ROW (f->direction),
                                nt_leaves_student_out (store_of (f->self), f->student_id) != 0 ? 1 : 0);
  update_check (f);
  refresh_allowed (f);
}

/* Enter in the search picks the first student found (a code typed whole
 * finds just one); when none is, the results say so. */
static void
on_search_activated (AdwEntryRow *entry,
                     Form        *f)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (f->results), 0);
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  /* Nothing typed: the first of the whole school is nobody's choice. */
  if (typed[0] == '\0')
    {
      gtk_widget_error_bell (GTK_WIDGET (entry));
      return;
    }
  if (first != NULL && g_object_get_data (G_OBJECT (first), "student-id") != NULL)
    {
      on_student_chosen (GTK_LIST_BOX (f->results), first, f);
      return;
    }
  if (first == NULL)
    add_no_match_row (f, typed);
  gtk_widget_error_bell (GTK_WIDGET (entry));
}

/* Enter on a result (reached with Down from the search) picks it. Caught
 * before the list and the window see it: otherwise it reaches the form's
 * default button and saves the form without the student. */
static gboolean
on_results_key (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                Form                  *f)
{
  GtkRoot *root = gtk_widget_get_root (f->results);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  row = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  if (row == NULL || gtk_widget_get_parent (row) != f->results ||
      g_object_get_data (G_OBJECT (row), "student-id") == NULL)
    return FALSE;
  on_student_chosen (GTK_LIST_BOX (f->results), GTK_LIST_BOX_ROW (row), f);
  return TRUE;
}

static GtkWidget *
student_chooser (Form       *f,
                 const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkEventController *key;

  f->students = nt_student_list_new (store_of (f->self));
  nt_student_list_set_boarding (f->students, "boarding");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  f->search = entry_row (group, _("Type a name or a code, then pick the student"));
  f->results = gtk_list_box_new ();
  gtk_widget_add_css_class (f->results, "boxed-list");
  gtk_widget_set_margin_top (f->results, 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), f->results);
  g_signal_connect (f->search, "changed", G_CALLBACK (on_student_search), f);
  g_signal_connect (f->search, "entry-activated", G_CALLBACK (on_search_activated), f);
  g_signal_connect (f->results, "row-activated", G_CALLBACK (on_student_chosen), f);
  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_results_key), f);
  gtk_widget_add_controller (f->results, key);
  return group;
}

/* The content of a form, in a window that scrolls on a small screen
 * instead of growing past it. */
static GtkWidget *
scrolling (GtkWidget *box)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 560);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  return scrolled;
}

/* ----- a visitor comes in ------------------------------------------------ */

static gboolean
save_visitor (gpointer   data,
              GError   **error)
{
  Form *f = data;
  guint s = adw_combo_row_get_selected (ADW_COMBO_ROW (f->staff));
  NtVisitorInput in = { 0 };
  NtStaffMember *user = nt_context_get_user (f->self->context);

  in.name = gtk_editable_get_text (GTK_EDITABLE (f->name));
  in.id_number = gtk_editable_get_text (GTK_EDITABLE (f->id_number));
  in.phone = gtk_editable_get_text (GTK_EDITABLE (f->phone));
  in.relation = gtk_editable_get_text (GTK_EDITABLE (f->relation));
  in.purpose = gtk_editable_get_text (GTK_EDITABLE (f->purpose));
  in.visit_staff_id = s < f->staff_ids->len ? g_array_index (f->staff_ids, gint64, s) : 0;
  /* A staff member chosen wins over a student picked before. */
  in.visit_student_id = in.visit_staff_id == 0 ? f->student_id : 0;
  /* The guard using the program is the guard, unless the roster says otherwise. */
  in.guard_id = 0;
  if (user != NULL && g_strcmp0 (user->role, "guard") == 0)
    in.guard_id = user->id;
  return nt_visitors_record_in (store_of (f->self), &in, error) != 0;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  NtGatePage *self = NT_GATE_PAGE (widget);
  Form *f = g_new0 (Form, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *who = adw_preferences_group_new ();
  g_autoptr(GListStore) staff = nt_staff_list (store_of (self), TRUE, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;

  f->self = g_object_ref (self);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (who), _("Visitor"));
  f->name = entry_row (who, _("Full name, as on the identity card"));
  f->id_number = entry_row (who, _("Identity card number"));
  f->phone = entry_row (who, _("Phone"));
  f->relation = entry_row (who, _("Relation to the student (mother, uncle…)"));
  f->purpose = entry_row (who, _("Purpose of the visit"));
  gtk_box_append (GTK_BOX (box), who);
  gtk_box_append (GTK_BOX (box), student_chooser (f, _("Visiting a student")));

  f->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (names, _("— a student, chosen above —"));
  g_array_append_val (f->staff_ids, none);
  for (guint i = 0; staff && i < g_list_model_get_n_items (G_LIST_MODEL (staff)); i++)
    {
      g_autoptr(NtStaffMember) m = g_list_model_get_item (G_LIST_MODEL (staff), i);
      gtk_string_list_append (names, m->full_name);
      g_array_append_val (f->staff_ids, m->id);
    }
  {
    GtkWidget *group = adw_preferences_group_new ();

    f->staff = adw_combo_row_new ();
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f->staff), _("Or visiting a staff member"));
    adw_combo_row_set_model (ADW_COMBO_ROW (f->staff), G_LIST_MODEL (names));
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), f->staff);
    gtk_box_append (GTK_BOX (box), group);
  }
  f->check = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (f->check, TRUE);
  gtk_label_set_xalign (f->check, 0);
  gtk_widget_add_css_class (GTK_WIDGET (f->check), "heading");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->check));
  g_signal_connect_swapped (f->name, "changed", G_CALLBACK (update_check), f);
  g_signal_connect_swapped (f->id_number, "changed", G_CALLBACK (update_check), f);

  nt_form_dialog_new (widget, _("Visitor in"), _("_Let in"), scrolling (box), save_visitor, f, form_free);
  gtk_widget_grab_focus (f->name);
}

/* ----- a boarder through the gate ---------------------------------------- */

static gboolean
save_student (gpointer   data,
              GError   **error)
{
  Form *f = data;
  gboolean back = adw_combo_row_get_selected (ADW_COMBO_ROW (f->direction)) == 1;

  if (f->student_id == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Pick the student in the list under the search."));
      return FALSE;
    }
  if (back)
    return nt_visitors_student_back (store_of (f->self), f->student_id, NULL, error) != 0;
  return nt_visitors_student_out (store_of (f->self), f->student_id, NULL, error) != 0;
}

static void
student_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  NtGatePage *self = NT_GATE_PAGE (widget);
  Form *f = g_new0 (Form, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr(GtkStringList) directions = gtk_string_list_new (NULL);

  f->self = g_object_ref (self);
  /* TRANSLATORS: a boarder at the gate (Ra cổng, theo đơn xin phép) */
  gtk_string_list_append (directions, _("Going out on leave"));
  /* TRANSLATORS: a boarder at the gate (Về trường) */
  gtk_string_list_append (directions, _("Coming back"));
  f->direction = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f->direction), _("At the gate"));
  adw_combo_row_set_model (ADW_COMBO_ROW (f->direction), G_LIST_MODEL (directions));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), f->direction);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Written on the student's leave, now: a boarder goes out only on an "
                                           "approved leave."));
  gtk_box_append (GTK_BOX (box), student_chooser (f, _("Student")));
  gtk_box_append (GTK_BOX (box), group);
  nt_form_dialog_new (widget, _("Boarder at the gate"), _("_Record"), box, save_student, f, form_free);
  gtk_widget_grab_focus (f->search);
}

/* ----- a student's relatives ---------------------------------------------- */

static void
on_remove_allowed (GtkButton *button,
                   Form      *f)
{
  g_autoptr(GError) error = NULL;

  if (!nt_visitors_allowed_remove (store_of (f->self),
                                   GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "allowed-id")), &error))
    nt_window_toast_text (GTK_WIDGET (f->self), error->message);
  refresh_allowed (f);
}

/* The chosen student's guardian and allowed relatives, each removable but
 * the guardian (kept on the student's record). */
static void
refresh_allowed (Form *f)
{
  g_autoptr(GListStore) allowed = NULL;
  GtkWidget *child;

  if (f->allowed_list == NULL)
    return;
  while ((child = gtk_widget_get_first_child (f->allowed_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (f->allowed_list), child);
  if (f->student_id == 0)
    return;
  allowed = nt_visitors_allowed_list (store_of (f->self), f->student_id, NULL);
  for (guint i = 0; allowed && i < g_list_model_get_n_items (G_LIST_MODEL (allowed)); i++)
    {
      g_autoptr(NtAllowedVisitor) a = g_list_model_get_item (G_LIST_MODEL (allowed), i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_printf_escaped ("%s (%s)", a->name, a->relation ? a->relation : "");
      g_autofree char *sub = g_markup_printf_escaped ("%s %s", a->id_number ? a->id_number : "",
                                                      a->phone ? a->phone : "");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
      if (a->id != 0)
        {
          GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

          gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (remove, "flat");
          gtk_widget_set_tooltip_text (remove, _("Remove from the list"));
          g_object_set_data (G_OBJECT (remove), "allowed-id", GSIZE_TO_POINTER (a->id));
          g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_allowed), f);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
        }
      gtk_list_box_append (GTK_LIST_BOX (f->allowed_list), row);
    }
}

static gboolean
save_allowed (gpointer   data,
              GError   **error)
{
  Form *f = data;
  NtAllowedVisitorInput in = { 0 };

  if (f->student_id == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Pick the student in the list under the search."));
      return FALSE;
    }
  /* Nothing typed: the list was only looked at or trimmed. */
  if (gtk_editable_get_text (GTK_EDITABLE (f->name))[0] == '\0')
    return TRUE;
  in.student_id = f->student_id;
  in.name = gtk_editable_get_text (GTK_EDITABLE (f->name));
  in.relation = gtk_editable_get_text (GTK_EDITABLE (f->relation));
  in.id_number = gtk_editable_get_text (GTK_EDITABLE (f->id_number));
  in.phone = gtk_editable_get_text (GTK_EDITABLE (f->phone));
  return nt_visitors_allowed_add (store_of (f->self), &in, error) != 0;
}

static void
relatives_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  NtGatePage *self = NT_GATE_PAGE (widget);
  Form *f = g_new0 (Form, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *listed = adw_preferences_group_new ();
  GtkWidget *add = adw_preferences_group_new ();

  f->self = g_object_ref (self);
  gtk_box_append (GTK_BOX (box), student_chooser (f, _("Student")));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (listed), _("Allowed to visit"));
  f->allowed_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (f->allowed_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (f->allowed_list, "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (listed), f->allowed_list);
  gtk_box_append (GTK_BOX (box), listed);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (add), _("Add a relative"));
  f->name = entry_row (add, _("Full name, as on the identity card"));
  f->relation = entry_row (add, _("Relation to the student (mother, uncle…)"));
  f->id_number = entry_row (add, _("Identity card number"));
  f->phone = entry_row (add, _("Phone"));
  gtk_box_append (GTK_BOX (box), add);
  nt_form_dialog_new (widget, _("Relatives allowed to visit"), _("_Save"), scrolling (box), save_allowed, f, form_free);
  gtk_widget_grab_focus (f->search);
}

/* ----- the lists --------------------------------------------------------- */

static void
on_undo_out (AdwToast   *toast,
             NtGatePage *self)
{
  g_autoptr(GError) error = NULL;

  if (!nt_visitors_undo_out (store_of (self), GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "visitor-id")),
                             &error))
    nt_window_toast_text (GTK_WIDGET (self), error->message);
}

/* "Gone out" is written at once (the guard is at the gate with the
 * visitor); a click by mistake is taken back from the toast. */
static void
on_out_clicked (GtkButton  *button,
                NtGatePage *self)
{
  g_autoptr(GError) error = NULL;
  gsize id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "visitor-id"));
  const char *name = g_object_get_data (G_OBJECT (button), "visitor-name");
  g_autofree char *text = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwToast *toast;

  if (!nt_visitors_record_out (store_of (self), id, NULL, &error))
    {
      nt_window_toast_text (GTK_WIDGET (self), error->message);
      return;
    }
  /* TRANSLATORS: a toast after "Đã ra"; %s is the visitor's name */
  text = g_markup_printf_escaped (_("%s went out."), name ? name : "");
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data (G_OBJECT (toast), "visitor-id", GSIZE_TO_POINTER (id));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_out), self, 0);
  if (NT_IS_WINDOW (root))
    nt_window_toast (NT_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static GtkWidget *
visitor_row (NtGatePage *self,
             NtVisitor  *v)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *in_at = short_time (v->in_at);
  g_autofree char *out_at = short_time (v->out_at);
  g_autofree char *title = NULL;
  g_autofree char *where = NULL;
  g_autofree char *subtitle = NULL;

  title = nt_str_empty (v->relation) ? g_markup_escape_text (v->name, -1)
                                     : g_markup_printf_escaped ("%s (%s)", v->name, v->relation);
  if (v->visit_student_id != 0)
    /* TRANSLATORS: whom a visitor sees: the student, the class, the room */
    where = g_strdup_printf (_("visiting %s, %s, room %s"), v->student_name, v->class_name ? v->class_name : "—",
                             v->room_number ? v->room_number : "—");
  else
    where = g_strdup_printf (_("visiting %s (staff)"), v->staff_name ? v->staff_name : "—");
  if (v->inside)
    /* TRANSLATORS: a visitor inside: whom, since when, why */
    subtitle = v->purpose && v->purpose[0]
               ? g_markup_printf_escaped (_("%s · in at %s · %s"), where, in_at, v->purpose)
               /* TRANSLATORS: a visitor inside, no purpose written: whom, since when */
               : g_markup_printf_escaped (_("%s · in at %s"), where, in_at);
  else
    subtitle = g_markup_printf_escaped (_("%s · %s–%s"), where, in_at, out_at);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (v->visit_student_id != 0 && !v->allowed)
    {
      GtkWidget *badge = gtk_label_new (_("Not on the list"));

      gtk_widget_add_css_class (badge, "error");
      gtk_widget_add_css_class (badge, "heading");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
      if (v->inside)
        gtk_widget_add_css_class (row, "nt-overdue");
    }
  if (v->inside)
    {
      GtkWidget *out = gtk_button_new_with_label (_("Went out"));

      gtk_widget_set_valign (out, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (out), "visitor-id", GSIZE_TO_POINTER (v->id));
      g_object_set_data_full (G_OBJECT (out), "visitor-name", g_strdup (v->name), g_free);
      g_signal_connect (out, "clicked", G_CALLBACK (on_out_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), out);
    }
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
empty_row (GtkListBox *list,
           const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (list, row);
}

static void
reload (NtGatePage *self)
{
  g_autoptr(GListStore) inside = nt_visitors_inside (store_of (self), NULL);
  g_autofree char *today = nt_date_today_iso ();
  g_autoptr(GListStore) visits = nt_visitors_list_range (store_of (self), today, today, NULL);
  g_autoptr(GListStore) through = nt_visitors_students_through (store_of (self), today, NULL);
  g_autofree char *now = nt_leave_time_now ();
  gint64 guard = nt_visitors_guard_on_duty (store_of (self), now);
  g_autofree char *guard_text = NULL;
  g_autofree char *inside_text = NULL;
  guint shown = 0;

  if (guard != 0)
    {
      g_autoptr(NtStaffMember) g = nt_staff_load (store_of (self), guard, NULL);
      /* TRANSLATORS: the guard the duty roster has at the gate now */
      guard_text = g_strdup_printf (_("Guard on duty: %s"), g ? g->full_name : "—");
    }
  else
    guard_text = g_strdup (_("The roster has no guard on duty now: visits are written in your name."));
  gtk_label_set_text (self->guard_label, guard_text);

  clear_list (self->inside);
  self->n_inside = inside ? g_list_model_get_n_items (G_LIST_MODEL (inside)) : 0;
  /* TRANSLATORS: the heading of the visitors not out yet (Đang ở trong trường) */
  inside_text = g_strdup_printf (_("Inside now: %u"), self->n_inside);
  gtk_label_set_text (self->inside_title, inside_text);
  for (guint i = 0; i < self->n_inside; i++)
    {
      g_autoptr(NtVisitor) v = g_list_model_get_item (G_LIST_MODEL (inside), i);
      gtk_list_box_append (self->inside, visitor_row (self, v));
    }
  if (self->n_inside == 0)
    empty_row (self->inside, _("Nobody from outside is in the school."));

  clear_list (self->today);
  for (guint i = 0; visits && i < g_list_model_get_n_items (G_LIST_MODEL (visits)); i++)
    {
      g_autoptr(NtVisitor) v = g_list_model_get_item (G_LIST_MODEL (visits), i);

      if (v->inside)
        continue;
      gtk_list_box_append (self->today, visitor_row (self, v));
      shown++;
    }
  if (shown == 0)
    empty_row (self->today, _("No visit over yet today."));

  clear_list (self->students);
  for (guint i = 0; through && i < g_list_model_get_n_items (G_LIST_MODEL (through)); i++)
    {
      g_autoptr(NtLeave) l = g_list_model_get_item (G_LIST_MODEL (through), i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *out_at = short_time (l->out_at);
      g_autofree char *back_at = short_time (l->returned_at);
      g_autofree char *title = g_markup_printf_escaped ("%s · %s", l->student_name, l->class_name ? l->class_name : "");
      g_autofree char *sub = NULL;

      if (l->returned_at)
        /* TRANSLATORS: a boarder's day at the gate: out at, back at */
        sub = g_strdup_printf (_("out %s · back %s"), l->out_at ? out_at : "—", back_at);
      else
        sub = g_strdup_printf (_("out %s · not back yet"), out_at);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
      gtk_list_box_append (self->students, row);
    }
  if (through == NULL || g_list_model_get_n_items (G_LIST_MODEL (through)) == 0)
    empty_row (self->students, _("No boarder went through the gate today."));
}

static void
on_store_changed (NtStore    *store,
                  const char *table,
                  NtGatePage *self)
{
  if (g_strcmp0 (table, "visitors") == 0 || g_strcmp0 (table, "leaves") == 0 || g_strcmp0 (table, "duties") == 0)
    reload (self);
}

guint
nt_gate_page_get_n_inside (NtGatePage *self)
{
  g_return_val_if_fail (NT_IS_GATE_PAGE (self), 0);
  return self->n_inside;
}

/* ----- building the page ------------------------------------------------- */

static GtkListBox *
titled_list (GtkWidget   *parent,
             const char  *title,
             GtkLabel   **title_label)
{
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 12);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (parent), label);
  gtk_box_append (GTK_BOX (parent), list);
  if (title_label)
    *title_label = GTK_LABEL (label);
  return GTK_LIST_BOX (list);
}

static void
nt_gate_page_constructed (GObject *object)
{
  NtGatePage *self = NT_GATE_PAGE (object);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Visitor in"));
  GtkWidget *student = gtk_button_new_with_mnemonic (_("_Boarder out or back"));
  GtkWidget *relatives = gtk_button_new_with_mnemonic (_("_Relatives…"));

  G_OBJECT_CLASS (nt_gate_page_parent_class)->constructed (object);

  self->guard_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->guard_label, 0);
  gtk_label_set_wrap (self->guard_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->guard_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->guard_label), "dim-label");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "gate.add");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (student), "gate.student");
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_widget_set_tooltip_text (add, _("Write a visitor coming in (Ctrl+N)"));
  gtk_box_append (GTK_BOX (head), GTK_WIDGET (self->guard_label));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (relatives), "gate.relatives");
  gtk_widget_set_tooltip_text (relatives, _("The relatives each student's family allows to visit"));
  gtk_box_append (GTK_BOX (head), relatives);
  gtk_box_append (GTK_BOX (head), student);
  gtk_box_append (GTK_BOX (head), add);

  gtk_box_append (GTK_BOX (left), head);
  self->inside = titled_list (left, "", &self->inside_title);
  gtk_widget_add_css_class (GTK_WIDGET (self->inside_title), "title-3");
  self->today = titled_list (left, _("Visits of today, over"), NULL);
  self->students = titled_list (right, _("Boarders through the gate today"), NULL);
  gtk_widget_set_hexpand (left, TRUE);
  gtk_widget_set_size_request (right, 320, -1);

  gtk_box_append (GTK_BOX (columns), left);
  gtk_box_append (GTK_BOX (columns), right);
  gtk_widget_set_margin_start (columns, 18);
  gtk_widget_set_margin_end (columns, 18);
  gtk_widget_set_margin_top (columns, 12);
  gtk_widget_set_margin_bottom (columns, 18);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), columns);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_bin_set_child (ADW_BIN (self), scrolled);

  self->changed_id = g_signal_connect (store_of (self), "changed", G_CALLBACK (on_store_changed), self);
  reload (self);
}

static void
nt_gate_page_dispose (GObject *object)
{
  NtGatePage *self = NT_GATE_PAGE (object);

  if (self->context != NULL)
    g_clear_signal_handler (&self->changed_id, store_of (self));
  g_clear_object (&self->context);
  G_OBJECT_CLASS (nt_gate_page_parent_class)->dispose (object);
}

static void
nt_gate_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      NT_GATE_PAGE (object)->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nt_gate_page_class_init (NtGatePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nt_gate_page_constructed;
  object_class->dispose = nt_gate_page_dispose;
  object_class->set_property = nt_gate_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, NT_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "gate.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "gate.student", NULL, student_action);
  gtk_widget_class_install_action (widget_class, "gate.relatives", NULL, relatives_action);
}

static void
nt_gate_page_init (NtGatePage *self)
{
}
