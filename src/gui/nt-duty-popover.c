/* nt-duty-popover.c
 *
 * A roster cell opened: the people on that post for that shift, each with
 * their phone, a lock (the generator keeps a locked duty), a swap and a
 * remove; and a list of the staff to add someone. The core refuses what
 * breaks a rule (a man in the girls' dorm at night, too little rest, the
 * person already elsewhere, a month's nights used up) and the reason is
 * shown here, with the popover left open.
 */
#define G_LOG_DOMAIN "nt-duty-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-date.h"
#include "nt-duty-popover.h"
#include "nt-staff.h"

struct _NtDutyPopover
{
  GtkPopover    parent_instance;

  NtContext    *context;
  NtRosterCell *cell;
  char         *from_date;     /* the period whose duties a swap offers */
  char         *to_date;
  GArray       *staff_ids;     /* of the staff drop-down */
  GArray       *other_ids;     /* of the swap drop-down */
  gint64        swapping;      /* the duty being swapped, 0 when none */

  GtkBox       *people;
  GtkDropDown  *staff_dropdown;
  GtkBox       *swap_box;
  GtkLabel     *swap_label;
  GtkDropDown  *other_dropdown;
  GtkEntry     *reason_entry;
  GtkLabel     *error_label;
};

G_DEFINE_FINAL_TYPE (NtDutyPopover, nt_duty_popover, GTK_TYPE_POPOVER)

static NtStore *
store_of (NtDutyPopover *self)
{
  return nt_context_get_store (self->context);
}

static void
show_error (NtDutyPopover *self,
            const GError  *error)
{
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/* The store tells the page, which draws a new grid; the popover has done
 * its work. */
static void
done (NtDutyPopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

/* ----- the cell's duties ------------------------------------------------ */

static GListStore *
cell_duties (NtDutyPopover  *self,
             GError        **error)
{
  g_autoptr(GListStore) all = nt_roster_duties (store_of (self), self->cell->date, self->cell->date,
                                                self->cell->post_id, error);
  g_autoptr(GListStore) mine = g_list_store_new (NT_TYPE_DUTY);

  if (all == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(NtDuty) duty = g_list_model_get_item (G_LIST_MODEL (all), i);

      if (duty->shift_id == self->cell->shift_id)
        g_list_store_append (mine, duty);
    }
  return g_steal_pointer (&mine);
}

static void
on_remove_clicked (GtkButton     *button,
                   NtDutyPopover *self)
{
  g_autoptr(GError) error = NULL;
  gint64 duty = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "duty"));

  done (self);
  if (!nt_roster_remove (store_of (self), duty, &error))
    g_warning ("%s", error->message);
}

static void
on_lock_toggled (GtkToggleButton *button,
                 NtDutyPopover   *self)
{
  g_autoptr(GError) error = NULL;
  gint64 duty = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "duty"));

  if (!nt_roster_set_locked (store_of (self), duty, gtk_toggle_button_get_active (button), &error))
    show_error (self, error);
}

static void fill_others (NtDutyPopover *self);

static void
on_swap_clicked (GtkButton     *button,
                 NtDutyPopover *self)
{
  g_autofree char *text = NULL;

  self->swapping = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "duty"));
  /* TRANSLATORS: above the list of duties to swap with */
  text = g_strdup_printf (_("Swap %s's duty with:"), (const char *) g_object_get_data (G_OBJECT (button), "name"));
  gtk_label_set_text (self->swap_label, text);
  fill_others (self);
  gtk_widget_set_visible (GTK_WIDGET (self->swap_box), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->other_dropdown));
}

static GtkWidget *
person_row (NtDutyPopover *self,
            NtDuty        *duty)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *text = g_strdup_printf ("%s%s%s", duty->staff_name,
                                           duty->staff_phone && duty->staff_phone[0] ? " · " : "",
                                           duty->staff_phone ? duty->staff_phone : "");
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *lock = gtk_toggle_button_new ();
  GtkWidget *swap = gtk_button_new_with_mnemonic (_("S_wap…"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_button_set_icon_name (GTK_BUTTON (lock), duty->locked ? "changes-prevent-symbolic" : "changes-allow-symbolic");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (lock), duty->locked);
  gtk_widget_set_tooltip_text (lock, _("Locked: generating the roster again keeps this duty"));
  gtk_widget_set_tooltip_text (remove, _("Take off this shift"));
  for (GtkWidget *w = lock; w != NULL; w = w == lock ? swap : w == swap ? remove : NULL)
    {
      g_object_set_data (G_OBJECT (w), "duty", GSIZE_TO_POINTER (duty->id));
      gtk_widget_add_css_class (w, "flat");
    }
  g_object_set_data_full (G_OBJECT (swap), "name", g_strdup (duty->staff_name), g_free);
  g_signal_connect (lock, "toggled", G_CALLBACK (on_lock_toggled), self);
  g_signal_connect (swap, "clicked", G_CALLBACK (on_swap_clicked), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), lock);
  gtk_box_append (GTK_BOX (box), swap);
  gtk_box_append (GTK_BOX (box), remove);
  return box;
}

static void
fill_people (NtDutyPopover *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) duties = cell_duties (self, &error);
  guint n;

  if (duties == NULL)
    {
      show_error (self, error);
      return;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (duties));
  if (n == 0)
    {
      GtkWidget *label = gtk_label_new (_("Nobody is on this shift yet."));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->people, label);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtDuty) duty = g_list_model_get_item (G_LIST_MODEL (duties), i);
      gtk_box_append (self->people, person_row (self, duty));
    }
}

/* ----- adding ----------------------------------------------------------- */

static void
fill_staff (NtDutyPopover *self)
{
  g_autoptr(GListStore) staff = nt_staff_list (store_of (self), TRUE, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_array_set_size (self->staff_ids, 0);
  for (guint i = 0; staff != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (staff)); i++)
    {
      g_autoptr(NtStaffMember) m = g_list_model_get_item (G_LIST_MODEL (staff), i);
      g_autofree char *text = g_strdup_printf ("%s · %s", m->full_name, nt_staff_role_label (m->role));

      gtk_string_list_append (names, text);
      g_array_append_val (self->staff_ids, m->id);
    }
  gtk_drop_down_set_model (self->staff_dropdown, G_LIST_MODEL (names));
}

/**
 * nt_duty_popover_add:
 *
 * Puts a staff member on the cell's shift, locked: a person placed by hand
 * stays when the roster is generated again.
 */
gboolean
nt_duty_popover_add (NtDutyPopover  *self,
                     gint64          staff_id,
                     GError        **error)
{
  g_return_val_if_fail (NT_IS_DUTY_POPOVER (self), FALSE);

  if (nt_roster_assign (store_of (self), self->cell->post_id, self->cell->shift_id, staff_id,
                        self->cell->date, TRUE, error) == 0)
    return FALSE;
  done (self);
  return TRUE;
}

static void
on_add_clicked (GtkButton     *button,
                NtDutyPopover *self)
{
  g_autoptr(GError) error = NULL;
  guint i = gtk_drop_down_get_selected (self->staff_dropdown);

  if (i >= self->staff_ids->len)
    return;
  if (!nt_duty_popover_add (self, g_array_index (self->staff_ids, gint64, i), &error))
    show_error (self, error);
}

/* ----- swapping --------------------------------------------------------- */

/* Only the duties the core would accept for this swap: among the month's
 * hundreds of duties, most would break a rule (the wrong dorm at night,
 * too little rest), and choosing one only to be refused wastes a
 * supervisor's evening. */
static void
fill_others (NtDutyPopover *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) duties = nt_roster_swap_partners (store_of (self), self->swapping,
                                                          self->from_date, self->to_date, &error);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_array_set_size (self->other_ids, 0);
  if (duties == NULL)
    show_error (self, error);
  for (guint i = 0; duties != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (duties)); i++)
    {
      g_autoptr(NtDuty) d = g_list_model_get_item (G_LIST_MODEL (duties), i);
      g_autofree char *date = nt_date_iso_to_display (d->date);
      g_autofree char *text = g_strdup_printf ("%s · %s · %s · %s", date, d->shift_name, d->post_name, d->staff_name);

      gtk_string_list_append (names, text);
      g_array_append_val (self->other_ids, d->id);
    }
  gtk_drop_down_set_model (self->other_dropdown, G_LIST_MODEL (names));
  gtk_widget_set_sensitive (GTK_WIDGET (self->other_dropdown), self->other_ids->len > 0);
  if (duties != NULL && self->other_ids->len == 0)
    {
      gtk_label_set_text (self->error_label,
                          _("No duty of this period can be swapped with this one without breaking a rule."));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
}

/**
 * nt_duty_popover_swap:
 * @reason: why, written into both duties' notes and the audit trail
 *
 * Exchanges the people of two duties.
 */
gboolean
nt_duty_popover_swap (NtDutyPopover  *self,
                      gint64          duty_id,
                      gint64          other_duty_id,
                      const char     *reason,
                      GError        **error)
{
  g_return_val_if_fail (NT_IS_DUTY_POPOVER (self), FALSE);

  if (!nt_roster_swap (store_of (self), duty_id, other_duty_id, reason, error))
    return FALSE;
  done (self);
  return TRUE;
}

static void
on_swap_confirm (GtkButton     *button,
                 NtDutyPopover *self)
{
  g_autoptr(GError) error = NULL;
  guint i = gtk_drop_down_get_selected (self->other_dropdown);

  if (i >= self->other_ids->len)
    return;
  if (!nt_duty_popover_swap (self, self->swapping, g_array_index (self->other_ids, gint64, i),
                             gtk_editable_get_text (GTK_EDITABLE (self->reason_entry)), &error))
    show_error (self, error);
}

/* ----- object ----------------------------------------------------------- */

void
nt_duty_popover_set_period (NtDutyPopover *self,
                            const char    *from_date,
                            const char    *to_date)
{
  g_return_if_fail (NT_IS_DUTY_POPOVER (self));

  g_free (self->from_date);
  g_free (self->to_date);
  self->from_date = g_strdup (from_date);
  self->to_date = g_strdup (to_date);
}

/* GtkDropDown's search entry says "Search…" in GTK's own words, English
 * where GTK has no Vietnamese; say it in ours. */
static void
set_search_placeholder (GtkWidget  *widget,
                        const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SEARCH_ENTRY (child))
        g_object_set (child, "placeholder-text", text, NULL);
      else
        set_search_placeholder (child, text);
    }
}

static GtkWidget *
build_add_row (NtDutyPopover *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add"));
  GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  self->staff_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_drop_down_set_expression (self->staff_dropdown, expression);
  gtk_drop_down_set_enable_search (self->staff_dropdown, TRUE);
  set_search_placeholder (GTK_WIDGET (self->staff_dropdown), _("Search by name…"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->staff_dropdown), TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->staff_dropdown), _("Who to put on this shift"));
  gtk_expression_unref (expression);
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_clicked), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->staff_dropdown));
  gtk_box_append (GTK_BOX (box), add);
  return box;
}

static GtkWidget *
build_swap_box (NtDutyPopover *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *confirm = gtk_button_new_with_mnemonic (_("_Swap duties"));
  GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  self->swap_box = GTK_BOX (box);
  self->swap_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->swap_label, 0);
  self->other_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_drop_down_set_expression (self->other_dropdown, expression);
  gtk_drop_down_set_enable_search (self->other_dropdown, TRUE);
  set_search_placeholder (GTK_WIDGET (self->other_dropdown), _("Search by date, post or name…"));
  gtk_expression_unref (expression);
  self->reason_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->reason_entry, _("Reason (required), e.g. family matter"));
  gtk_entry_set_activates_default (self->reason_entry, FALSE);
  g_signal_connect (self->reason_entry, "activate", G_CALLBACK (on_swap_confirm), self);
  gtk_widget_add_css_class (confirm, "suggested-action");
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  g_signal_connect (confirm, "clicked", G_CALLBACK (on_swap_confirm), self);
  gtk_box_append (GTK_BOX (buttons), confirm);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->swap_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->other_dropdown));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->reason_entry));
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_widget_set_visible (box, FALSE);
  return box;
}

/**
 * nt_duty_popover_new:
 * @cell: the cell, as the grid shows it
 */
GtkWidget *
nt_duty_popover_new (NtContext    *context,
                     NtRosterCell *cell)
{
  NtDutyPopover *self = g_object_new (NT_TYPE_DUTY_POPOVER, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  g_autofree char *date = nt_date_iso_to_display (cell->date);
  g_autofree char *heading = g_strdup_printf ("%s · %s %s–%s · %s", cell->post_name, cell->shift_name,
                                              cell->start_time, cell->end_time, date);
  GtkWidget *title = gtk_label_new (heading);

  self->context = g_object_ref (context);
  self->cell = g_object_ref (cell);
  self->from_date = g_strdup (cell->date);
  self->to_date = g_strdup (cell->date);

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  self->people = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 2));
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_max_width_chars (self->error_label, 48);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->people));
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), build_add_row (self));
  gtk_box_append (GTK_BOX (box), build_swap_box (self));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  gtk_widget_set_size_request (box, 380, -1);
  gtk_popover_set_child (GTK_POPOVER (self), box);

  fill_people (self);
  fill_staff (self);
  return GTK_WIDGET (self);
}

static void
nt_duty_popover_finalize (GObject *object)
{
  NtDutyPopover *self = NT_DUTY_POPOVER (object);

  g_clear_object (&self->context);
  g_clear_object (&self->cell);
  g_free (self->from_date);
  g_free (self->to_date);
  g_array_unref (self->staff_ids);
  g_array_unref (self->other_ids);
  G_OBJECT_CLASS (nt_duty_popover_parent_class)->finalize (object);
}

static void
nt_duty_popover_class_init (NtDutyPopoverClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nt_duty_popover_finalize;
}

static void
nt_duty_popover_init (NtDutyPopover *self)
{
  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->other_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}
