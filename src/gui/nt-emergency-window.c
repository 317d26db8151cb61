/* nt-emergency-window.c
 *
 * A fire, a drill, an evacuation: everyone who should be in the dorm now,
 * grouped by building and assembly point; one key per person (A safe,
 * M missing, T injured, V away), Enter on a building marks it all safe.
 * How many are still unaccounted for is shown large and live.
 */
#define G_LOG_DOMAIN "nt-emergency-window"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-emergency-window.h"
#include "nt-leaves.h"
#include "nt-emergency.h"

typedef struct
{
  gboolean   is_building;
  gint64     building_id;
  gint64     entry_id;
  GtkWidget *row;
  GtkWidget *status;
} RowInfo;

struct _NtEmergencyWindow
{
  AdwWindow        parent_instance;

  NtContext       *context;
  gint64           roll_id;
  GArray          *rows;
  guint            unaccounted;
  gboolean         ended;

  GtkLabel        *big_label;
  GtkLabel        *counts_label;
  GtkListBox      *list;
  AdwToastOverlay *toasts;
  AdwWindowTitle  *title;
};

G_DEFINE_FINAL_TYPE (NtEmergencyWindow, nt_emergency_window, ADW_TYPE_WINDOW)

static const struct { guint key; const char *status; } status_keys[] = {
  { GDK_KEY_a, "safe" },
  { GDK_KEY_m, "missing" },
  { GDK_KEY_t, "injured" },
  { GDK_KEY_v, "away" },
};

/* ----- showing ---------------------------------------------------------- */

static void
set_pill (GtkWidget  *pill,
          const char *status)
{
  static const char * const classes[] = { "nt-status-present", "nt-status-absent", "nt-status-late",
                                          "nt-status-leave", "nt-status-none" };
  const char *css = status == NULL ? "nt-status-none"
                  : g_str_equal (status, "safe") ? "nt-status-present"
                  : g_str_equal (status, "missing") ? "nt-status-absent"
                  : g_str_equal (status, "injured") ? "nt-status-late" : "nt-status-leave";

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (pill, classes[i]);
  gtk_widget_add_css_class (pill, css);
  gtk_label_set_text (GTK_LABEL (pill), status ? nt_emergency_status_label (status) : _("not yet accounted for"));
}

static void
update_counts (NtEmergencyWindow *self)
{
  NtRollCounts c = { 0 };
  g_autofree char *big = NULL;
  g_autofree char *line = NULL;

  nt_emergency_counts (nt_context_get_store (self->context), self->roll_id, &c, NULL, NULL);
  self->unaccounted = c.unaccounted;
  if (c.unaccounted > 0 && c.missing > 0)
    /* TRANSLATORS: the headline of the emergency roll: "4 người chưa xác nhận · 1 chưa tìm thấy" */
    big = g_strdup_printf (_("%u not yet accounted for · %u not found"), c.unaccounted, c.missing);
  else if (c.unaccounted > 0)
    big = g_strdup_printf (ngettext ("%u person not yet accounted for", "%u people not yet accounted for", c.unaccounted),
                           c.unaccounted);
  else if (c.missing > 0)
    big = g_strdup_printf (ngettext ("%u person not found", "%u people not found", c.missing), c.missing);
  else
    big = g_strdup (_("Everyone is accounted for"));
  line = g_strdup_printf (_("%u in all · %u safe · %u missing · %u injured · %u away"),
                          c.total, c.safe, c.missing, c.injured, c.away);
  gtk_label_set_text (self->big_label, big);
  gtk_label_set_text (self->counts_label, line);
  if (c.unaccounted > 0 || c.missing > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->big_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->big_label), "error");
}

static void
update_entry_row (NtEmergencyWindow *self,
                  RowInfo           *info)
{
  g_autoptr(NtRollEntry) e = nt_emergency_load_entry (nt_context_get_store (self->context), info->entry_id, NULL);

  if (e != NULL)
    set_pill (info->status, e->status);
}

/* 'YYYY-MM-DD HH:MM:SS' as dd/mm/yyyy HH:MM. */
static char *
shown_time (const char *time)
{
  g_autofree char *minutes = time != NULL ? g_strndup (time, 16) : NULL;

  return minutes != NULL ? nt_leave_time_to_display (minutes) : NULL;
}

static void
fill (NtEmergencyWindow *self)
{
  NtStore *store = nt_context_get_store (self->context);
  g_autoptr(GListStore) entries = nt_emergency_entries (store, self->roll_id, NULL);
  g_autoptr(NtEmergencyRoll) roll = nt_emergency_load (store, self->roll_id, NULL);
  GtkWidget *child;
  gint64 building = -1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_array_set_size (self->rows, 0);

  if (roll != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Emergency roll: %s"), nt_emergency_kind_label (roll->kind));
      g_autofree char *started = shown_time (roll->started_at);
      g_autofree char *ended = shown_time (roll->ended_at);
      g_autofree char *subtitle = roll->ended_at
        ? g_strdup_printf (_("started %s, ended %s"), started, ended)
        : g_strdup_printf (_("started %s"), started);
      adw_window_title_set_title (self->title, title);
      adw_window_title_set_subtitle (self->title, subtitle);
      self->ended = roll->ended_at != NULL;
      /* Ended: nothing left to end. */
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "emergency.end", !self->ended);
    }

  for (guint i = 0; entries && i < g_list_model_get_n_items (G_LIST_MODEL (entries)); i++)
    {
      g_autoptr(NtRollEntry) e = g_list_model_get_item (G_LIST_MODEL (entries), i);
      RowInfo info = { 0 };
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      if (e->building_id != building)
        {
          RowInfo b = { TRUE, e->building_id, 0, adw_action_row_new (), NULL };
          g_autofree char *heading = e->building_id
            ? g_strdup_printf (_("%s · assembly point: %s"), e->building_name,
                               e->assembly_point && e->assembly_point[0] ? e->assembly_point : _("not set"))
            : g_strdup (_("Staff on duty and visitors inside the gate"));

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (b.row), heading);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (b.row), _("Enter: everyone here is safe"));
          gtk_widget_add_css_class (b.row, "nt-room-row");
          gtk_list_box_append (self->list, b.row);
          g_array_append_val (self->rows, b);
          building = e->building_id;
        }

      info.building_id = e->building_id;
      info.entry_id = e->id;
      info.row = adw_action_row_new ();
      info.status = gtk_label_new (NULL);
      title = g_strdup_printf ("%s · %s", e->name, e->class_or_role ? e->class_or_role : "");
      if (e->student_id)
        subtitle = g_strdup_printf (_("room %s · guardian %s"), e->room_number ? e->room_number : "—",
                                    e->guardian_phone && e->guardian_phone[0] ? e->guardian_phone : "—");
      else if (e->visitor_id)
        /* TRANSLATORS: a visitor on the emergency roll: "khách vào qua cổng · 0912…" */
        subtitle = g_strdup_printf (_("came in through the gate · %s"), e->phone && e->phone[0] ? e->phone : "—");
      else
        subtitle = g_strdup_printf (_("post %s · %s"), e->post_name ? e->post_name : "—", e->phone ? e->phone : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (info.row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (info.row), subtitle);
      gtk_widget_add_css_class (info.status, "nt-status");
      gtk_widget_set_valign (info.status, GTK_ALIGN_CENTER);
      set_pill (info.status, e->status);
      adw_action_row_add_suffix (ADW_ACTION_ROW (info.row), info.status);
      gtk_list_box_append (self->list, info.row);
      g_array_append_val (self->rows, info);
    }
  update_counts (self);
  nt_emergency_window_focus_row (self, 0);
}

/* ----- keys ------------------------------------------------------------- */

static int
current_index (NtEmergencyWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
  return row ? gtk_list_box_row_get_index (row) : -1;
}

void
nt_emergency_window_focus_row (NtEmergencyWindow *self,
                               guint              index)
{
  GtkListBoxRow *row;

  g_return_if_fail (NT_IS_EMERGENCY_WINDOW (self));

  row = gtk_list_box_get_row_at_index (self->list, (int) index);
  if (row == NULL)
    return;
  gtk_list_box_select_row (self->list, row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
show_error (NtEmergencyWindow *self,
            const GError      *error)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

gboolean
nt_emergency_window_handle_key (NtEmergencyWindow *self,
                                guint              keyval)
{
  NtStore *store;
  int index = current_index (self);
  RowInfo *info;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (NT_IS_EMERGENCY_WINDOW (self), FALSE);

  store = nt_context_get_store (self->context);
  keyval = gdk_keyval_to_lower (keyval);
  if (keyval == GDK_KEY_j || keyval == GDK_KEY_k)
    {
      if (keyval == GDK_KEY_j)
        nt_emergency_window_focus_row (self, (guint) (index + 1));
      else if (index > 0)
        nt_emergency_window_focus_row (self, (guint) (index - 1));
      return TRUE;
    }
  if (index < 0)
    return FALSE;
  info = &g_array_index (self->rows, RowInfo, index);

  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && info->is_building)
    {
      guint n = 0;

      if (!nt_emergency_mark_building_safe (store, self->roll_id, info->building_id, &n, &error))
        show_error (self, error);
      for (guint i = (guint) index + 1; i < self->rows->len; i++)
        {
          RowInfo *r = &g_array_index (self->rows, RowInfo, i);
          if (r->is_building)
            {
              nt_emergency_window_focus_row (self, i);
              break;
            }
          update_entry_row (self, r);
        }
      update_counts (self);
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (status_keys); i++)
    if (keyval == status_keys[i].key && info->is_building)
      {
        /* On a building's heading (where the roll opens), a person's key is
         * for the first person of the building. */
        if ((guint) index + 1 >= self->rows->len || g_array_index (self->rows, RowInfo, index + 1).is_building)
          return FALSE;
        nt_emergency_window_focus_row (self, (guint) index + 1);
        return nt_emergency_window_handle_key (self, keyval);
      }
    else if (keyval == status_keys[i].key)
      {
        if (!nt_emergency_mark (store, info->entry_id, status_keys[i].status, &error))
          show_error (self, error);
        update_entry_row (self, info);
        update_counts (self);
        nt_emergency_window_focus_row (self, (guint) index + 1);
        return TRUE;
      }
  return FALSE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                NtEmergencyWindow     *self)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  return nt_emergency_window_handle_key (self, keyval);
}

/* ----- ending ----------------------------------------------------------- */

/* The people of @entries with @status (or all of them when %NULL) under
 * @heading, one a line. */
static void
append_people (GString     *body,
               GListStore  *entries,
               const char  *status,
               const char  *heading)
{
  gboolean first = TRUE;

  for (guint i = 0; entries != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (entries)); i++)
    {
      g_autoptr(NtRollEntry) e = g_list_model_get_item (G_LIST_MODEL (entries), i);

      if (status != NULL && g_strcmp0 (e->status, status) != 0)
        continue;
      if (first)
        g_string_append_printf (body, "%s%s\n", body->len > 0 ? "\n" : "", heading);
      first = FALSE;
      g_string_append_printf (body, "%s · %s\n", e->name, e->class_or_role ? e->class_or_role : "");
    }
}

gboolean
nt_emergency_window_end (NtEmergencyWindow  *self,
                         GError            **error)
{
  g_autoptr(GListStore) left = NULL;
  g_autoptr(GListStore) all = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  guint n;
  GtkWidget *dialog;

  g_return_val_if_fail (NT_IS_EMERGENCY_WINDOW (self), FALSE);

  if (!nt_emergency_end (nt_context_get_store (self->context), self->roll_id, NULL, &left, error))
    return FALSE;
  /* Who is still missing or hurt comes first: that is who the rescue is
   * for; then those nobody confirmed. */
  all = nt_emergency_entries (nt_context_get_store (self->context), self->roll_id, NULL);
  append_people (body, all, "missing", _("Not found:"));
  append_people (body, all, "injured", _("Injured:"));
  append_people (body, left, NULL, _("Not accounted for:"));
  n = body->len;
  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   n > 0 ? _("Roll ended; still not accounted for") : _("Roll ended; everyone accounted for"),
                                   n > 0 ? body->str : _("The roll is kept with its times; it can be printed from Reports."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  fill (self);
  return TRUE;
}

static void
on_end_confirmed (AdwMessageDialog  *dialog,
                  const char        *response,
                  NtEmergencyWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "end") && !self->ended && !nt_emergency_window_end (self, &error))
    show_error (self, error);
}

/* With people still not accounted for, ending asks first: a roll ended by
 * a slip of the hand is a roll nobody finishes. */
static void
end_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  NtEmergencyWindow *self = NT_EMERGENCY_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->ended)
    return;
  if (self->unaccounted == 0)
    {
      if (!nt_emergency_window_end (self, &error))
        show_error (self, error);
      return;
    }
  body = g_strdup_printf (ngettext ("%u person is not yet accounted for. End the roll all the same?",
                                    "%u people are not yet accounted for. End the roll all the same?",
                                    self->unaccounted), self->unaccounted);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("End the roll?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Go on with the roll"),
                                    "end", _("_End it"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "end", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_end_confirmed), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

guint
nt_emergency_window_get_unaccounted (NtEmergencyWindow *self)
{
  g_return_val_if_fail (NT_IS_EMERGENCY_WINDOW (self), 0);
  return self->unaccounted;
}

/* ----- GObject ---------------------------------------------------------- */

static void
nt_emergency_window_dispose (GObject *object)
{
  NtEmergencyWindow *self = NT_EMERGENCY_WINDOW (object);

  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (nt_emergency_window_parent_class)->dispose (object);
}

static void
nt_emergency_window_class_init (NtEmergencyWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nt_emergency_window_dispose;
  gtk_widget_class_install_action (widget_class, "emergency.end", NULL, end_action);
}

/* Built in code: one header, one large line, the list, the legend. */
static void
nt_emergency_window_init (NtEmergencyWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *end = gtk_button_new_with_mnemonic (_("_End the roll"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *legend = gtk_label_new (_("A safe · M missing · T injured · V away · Enter on a building: everyone safe · ↑↓ or J K: move"));
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->rows = g_array_new (FALSE, TRUE, sizeof (RowInfo));
  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Emergency roll"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (end), "emergency.end");
  gtk_widget_add_css_class (end, "destructive-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), end);

  self->big_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->big_label), "title-1");
  gtk_widget_set_margin_top (GTK_WIDGET (self->big_label), 12);
  self->counts_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->counts_label), "title-4");
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->counts_label), 12);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_BROWSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_margin_start (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->list), 12);
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), keys);
  gtk_widget_add_css_class (legend, "dim-label");
  gtk_widget_set_margin_top (legend, 6);
  gtk_widget_set_margin_bottom (legend, 6);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->big_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->counts_label));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), legend);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));
  gtk_window_set_default_size (GTK_WINDOW (self), 1000, 700);
}

NtEmergencyWindow *
nt_emergency_window_new (NtContext *context,
                         gint64     roll_id)
{
  NtEmergencyWindow *self;

  g_return_val_if_fail (NT_IS_CONTEXT (context), NULL);

  self = g_object_new (NT_TYPE_EMERGENCY_WINDOW, NULL);
  self->context = g_object_ref (context);
  self->roll_id = roll_id;
  fill (self);
  return self;
}

/* ----- starting from anywhere ------------------------------------------- */

typedef struct
{
  GtkWindow *parent;
  NtContext *context;
} StartData;

static void
on_kind_chosen (AdwMessageDialog *dialog,
                const char       *response,
                StartData        *d)
{
  g_autoptr(GError) error = NULL;
  NtStaffMember *user = nt_context_get_user (d->context);
  gint64 id;

  if (nt_emergency_kind_valid (response))
    {
      id = nt_emergency_start (nt_context_get_store (d->context), response, user ? user->id : 0, &error);
      if (id > 0)
        {
          NtEmergencyWindow *w = nt_emergency_window_new (d->context, id);
          gtk_window_set_transient_for (GTK_WINDOW (w), d->parent);
          gtk_window_present (GTK_WINDOW (w));
        }
      else
        {
          GtkWidget *err = adw_message_dialog_new (d->parent, _("The roll cannot start"), error->message);
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (err), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (err));
        }
    }
  g_object_unref (d->context);
  g_clear_object (&d->parent);
  g_free (d);
}

/**
 * nt_emergency_ask_and_start:
 *
 * Opens the roll that is still open, or asks what happened and starts one.
 */
void
nt_emergency_ask_and_start (GtkWindow *parent,
                            NtContext *context)
{
  gint64 open = nt_emergency_find_open (nt_context_get_store (context));
  GtkWidget *dialog;
  StartData *d;

  if (open > 0)
    {
      NtEmergencyWindow *w = nt_emergency_window_new (context, open);
      gtk_window_set_transient_for (GTK_WINDOW (w), parent);
      gtk_window_present (GTK_WINDOW (w));
      return;
    }

  dialog = adw_message_dialog_new (parent, _("Start an emergency roll?"),
                                   _("Everyone who should be in the dorm now — boarders not on leave, the staff on duty and the visitors inside the gate — is listed, by building and assembly point."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  for (const char * const *k = nt_emergency_kinds (); *k; k++)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), *k, nt_emergency_kind_label (*k));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "fire", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* A stray Enter must not start a roll: the person picks the kind. */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  d = g_new0 (StartData, 1);
  d->parent = parent ? g_object_ref (parent) : NULL;
  d->context = g_object_ref (context);
  g_signal_connect (dialog, "response", G_CALLBACK (on_kind_chosen), d);
  gtk_window_present (GTK_WINDOW (dialog));
}
