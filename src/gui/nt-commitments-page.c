/* nt-commitments-page.c: the Commitments section (cam kết)
 *
 * Left, where the principal looks first: the school's figure against the
 * 100 % target and, for the chosen rule set, each class and staff role
 * with its percentage and the names still to sign. Right, for the day the
 * paper forms come back: a class at a time (or the staff), tick the forms
 * returned (Space ticks the focused one), the date filled in, Enter saves;
 * the search finds one person in the whole school.
 */
#define G_LOG_DOMAIN "nt-commitments-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nt-access.h"
#include "nt-commitments-page.h"
#include "nt-commitments-print.h"
#include "nt-context.h"
#include "nt-date.h"
#include "nt-error.h"
#include "nt-school.h"
#include "nt-vntext.h"
#include "nt-window.h"

#define STAFF_GROUP   (-1)
#define MAX_FOUND     60

struct _NtCommitmentsPage
{
  AdwBin          parent_instance;

  NtContext      *context;
  GListStore     *sets;         /* NtRuleSet, latest versions */
  GListStore     *people;       /* NtCommitmentEntry of the set, everyone */
  GArray         *group_ids;    /* gint64 per group_dropdown item: a class id, or STAFF_GROUP */
  gboolean        reloading;

  GtkDropDown    *set_dropdown;
  GtkLabel       *version_label;
  GtkLabel       *school_label;
  GtkLabel       *set_label;
  GtkListBox     *coverage_list;
  GtkDropDown    *group_dropdown;
  GtkSearchEntry *search_entry;
  GtkEntry       *date_entry;
  GtkCheckButton *guardian_check;
  GtkListBox     *people_list;
  GtkLabel       *ticked_label;
  GtkButton      *save_button;
};

G_DEFINE_FINAL_TYPE (NtCommitmentsPage, nt_commitments_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* ----- helpers ----------------------------------------------------------- */

static NtStore *
store_of (NtCommitmentsPage *self)
{
  return nt_context_get_store (self->context);
}

/* "87,5 %": the Vietnamese decimal comma. */
static char *
format_percent (double percent)
{
  g_autofree char *text = g_strdup_printf ("%.1f", percent);

  g_strdelimit (text, ".", ',');
  if (g_str_has_suffix (text, ",0"))
    text[strlen (text) - 2] = '\0';
  return g_strdup_printf ("%s %%", text);
}

static NtRuleSet *
current_set (NtCommitmentsPage *self)
{
  guint i = gtk_drop_down_get_selected (self->set_dropdown);

  if (self->sets == NULL || i >= g_list_model_get_n_items (G_LIST_MODEL (self->sets)))
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->sets), i);
}

static gint64
current_group (NtCommitmentsPage *self)
{
  guint i = gtk_drop_down_get_selected (self->group_dropdown);

  if (self->group_ids == NULL || i >= self->group_ids->len)
    return 0;
  return g_array_index (self->group_ids, gint64, i);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* ----- the people -------------------------------------------------------- */

static char *
status_text (NtCommitmentEntry *e)
{
  g_autofree char *date = NULL;

  switch ((NtCommitmentStatus) e->status)
    {
    case NT_COMMITMENT_SIGNED:
      date = nt_date_iso_to_display (e->signed_on);
      /* TRANSLATORS: a person's state in the list of forms: "Đã ký 05/09/2026" */
      return g_strdup_printf (_("Signed %s"), date);
    case NT_COMMITMENT_OUTDATED:
      /* TRANSLATORS: signed version 1 of the rules, which has changed since */
      return g_strdup_printf (_("Signed version %d, must sign again"), e->signed_version);
    case NT_COMMITMENT_MISSING:
      return g_strdup (nt_commitment_status_label (NT_COMMITMENT_MISSING));
    default:
      return g_strdup ("");
    }
}

static void
update_ticked (NtCommitmentsPage *self)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->people_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");

      if (check && gtk_check_button_get_active (check) && gtk_widget_get_sensitive (GTK_WIDGET (check)))
        n++;
    }
  if (n == 0)
    gtk_label_set_text (self->ticked_label, _("Tick the forms that came back (Space), then save (Enter)."));
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u form ticked, not saved yet",
                                                            "%u forms ticked, not saved yet", n), n);

      gtk_label_set_text (self->ticked_label, text);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "commitments.save", n > 0);
}

static void
on_check_toggled (GtkCheckButton    *check,
                  NtCommitmentsPage *self)
{
  update_ticked (self);
}

/* ----- scanned copies ---------------------------------------------------- */

typedef struct
{
  NtCommitmentsPage *self;
  gint64             commitment_id;
} ScanPick;

static void
on_scan_chosen (GtkNativeDialog *chooser,
                int              response,
                ScanPick        *pick)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (file && !nt_commitments_attach_scan (store_of (pick->self), pick->commitment_id,
                                               g_file_peek_path (file), &error))
        nt_window_toast_text (GTK_WIDGET (pick->self), error->message);
      else if (file)
        nt_window_toast_text (GTK_WIDGET (pick->self), _("The scanned form is kept with the database."));
    }
  g_object_unref (pick->self);
  g_free (pick);
  g_object_unref (chooser);
}

static void
on_scan_clicked (GtkButton         *button,
                 NtCommitmentsPage *self)
{
  NtCommitmentEntry *e = g_object_get_data (G_OBJECT (button), "entry");

  if (e->scan_path)
    {
      g_autofree char *path = nt_commitments_scan_file (store_of (self), e->scan_path);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *uri = g_file_get_uri (file);
      g_autoptr(GError) error = NULL;

      /* The system's viewer for a PDF or a picture. */
      if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
        nt_window_toast_text (GTK_WIDGET (self), error->message);
    }
  else
    {
      GtkFileChooserNative *chooser;
      ScanPick *pick = g_new0 (ScanPick, 1);
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      pick->self = g_object_ref (self);
      pick->commitment_id = e->commitment_id;
      chooser = gtk_file_chooser_native_new (_("Scanned form"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                             GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
      gtk_file_filter_set_name (filter, _("PDF or picture"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_mime_type (filter, "image/*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      g_signal_connect (chooser, "response", G_CALLBACK (on_scan_chosen), pick);
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
    }
}

static GtkWidget *
person_row (NtCommitmentsPage *self,
            NtCommitmentEntry *e,
            gboolean           show_group)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *check = gtk_check_button_new_with_label (e->full_name);
  g_autofree char *status = status_text (e);
  GtkWidget *label;

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 2);
  gtk_widget_set_margin_bottom (box, 2);
  gtk_widget_set_hexpand (check, TRUE);
  gtk_box_append (GTK_BOX (box), check);
  if (show_group)
    {
      label = gtk_label_new (e->group);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  label = gtk_label_new (status);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  if (e->status == NT_COMMITMENT_SIGNED)
    {
      gtk_widget_add_css_class (label, "success");
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_sensitive (check, FALSE);
    }
  else if (e->status == NT_COMMITMENT_OUTDATED)
    gtk_widget_add_css_class (label, "warning");
  else
    gtk_widget_add_css_class (label, "error");
  gtk_box_append (GTK_BOX (box), label);
  if (e->commitment_id != 0)
    {
      GtkWidget *scan = gtk_button_new_from_icon_name (e->scan_path ? "document-open-symbolic"
                                                                    : "mail-attachment-symbolic");

      gtk_widget_set_tooltip_text (scan, e->scan_path ? _("Open the scanned form")
                                                      : _("Attach the scanned form (a PDF or a picture)…"));
      gtk_widget_add_css_class (scan, "flat");
      gtk_widget_set_valign (scan, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (scan), "entry", g_object_ref (e), g_object_unref);
      g_signal_connect (scan, "clicked", G_CALLBACK (on_scan_clicked), self);
      gtk_box_append (GTK_BOX (box), scan);
    }
  else
    {
      /* Keeps the status labels in one column. */
      GtkWidget *space = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_set_size_request (space, 34, -1);
      gtk_box_append (GTK_BOX (box), space);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* The row itself takes no focus: Tab and the arrows go from tick box to
   * tick box, and Space ticks the focused one. */
  gtk_widget_set_focusable (row, FALSE);
  g_object_set_data_full (G_OBJECT (row), "entry", g_object_ref (e), g_object_unref);
  g_object_set_data (G_OBJECT (row), "check", check);
  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled), self);
  return row;
}

static void
fill_people (NtCommitmentsPage *self)
{
  g_autofree char *query = NULL;
  gint64 group = current_group (self);
  guint n, shown = 0;

  clear_list (self->people_list);
  if (self->people == NULL)
    {
      update_ticked (self);
      return;
    }
  query = nt_vn_fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->people));
  for (guint i = 0; i < n && shown < MAX_FOUND; i++)
    {
      g_autoptr(NtCommitmentEntry) e = g_list_model_get_item (G_LIST_MODEL (self->people), i);

      if (*query)
        {
          g_autofree char *name = nt_vn_fold (e->full_name);

          if (strstr (name, query) == NULL)
            continue;
          shown++;
        }
      else if (group == STAFF_GROUP ? e->kind != NT_PERSON_STAFF
                                    : (e->kind != NT_PERSON_STUDENT || e->class_id != group))
        continue;
      gtk_list_box_append (self->people_list, person_row (self, e, *query != '\0'));
    }
  update_ticked (self);
}

/* ----- coverage ---------------------------------------------------------- */

static GtkWidget *
coverage_row (NtCommitmentCoverage *c)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *group = gtk_label_new (c->group);
  GtkWidget *bar = gtk_progress_bar_new ();
  g_autofree char *count = g_strdup_printf ("%u/%u", c->n_signed, c->total);
  g_autofree char *percent = format_percent (c->percent);
  GtkWidget *percent_label = gtk_label_new (percent);
  GtkWidget *count_label = gtk_label_new (count);

  gtk_widget_set_margin_start (outer, 12);
  gtk_widget_set_margin_end (outer, 12);
  gtk_widget_set_margin_top (outer, 6);
  gtk_widget_set_margin_bottom (outer, 6);
  gtk_label_set_xalign (GTK_LABEL (group), 0);
  gtk_label_set_width_chars (GTK_LABEL (group), 14);
  gtk_label_set_ellipsize (GTK_LABEL (group), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (line), group);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), c->total ? (double) c->n_signed / c->total : 1);
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (line), bar);
  gtk_label_set_width_chars (GTK_LABEL (count_label), 7);
  gtk_label_set_xalign (GTK_LABEL (count_label), 1);
  gtk_widget_add_css_class (count_label, "dim-label");
  gtk_box_append (GTK_BOX (line), count_label);
  gtk_label_set_width_chars (GTK_LABEL (percent_label), 7);
  gtk_label_set_xalign (GTK_LABEL (percent_label), 1);
  gtk_widget_add_css_class (percent_label, c->percent >= 100 ? "success" : c->percent >= 90 ? "warning" : "error");
  gtk_box_append (GTK_BOX (line), percent_label);
  gtk_box_append (GTK_BOX (outer), line);
  if (c->missing_names && *c->missing_names)
    {
      g_autofree char *text = NULL;
      GtkWidget *names;

      /* TRANSLATORS: under a class in the coverage list: who still has to sign;
       * %u not signed, %u out of date, then the names */
      text = g_strdup_printf (_("Not signed %u, out of date %u: %s"), c->n_missing, c->n_outdated, c->missing_names);
      names = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (names), 0);
      gtk_label_set_ellipsize (GTK_LABEL (names), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (names, c->missing_names);
      gtk_widget_add_css_class (names, "dim-label");
      gtk_widget_add_css_class (names, "caption");
      gtk_box_append (GTK_BOX (outer), names);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), outer);
  gtk_widget_set_name (row, c->key ? c->key : "");
  g_object_set_data (G_OBJECT (row), "percent-label", percent_label);
  g_object_set_data (G_OBJECT (row), "kind", GINT_TO_POINTER (c->kind));
  return row;
}

static void
fill_coverage (NtCommitmentsPage *self,
               NtRuleSet         *set)
{
  g_autoptr(GListStore) groups = NULL;
  g_autoptr(GError) error = NULL;
  guint total = 0, n_signed = 0, n_missing = 0, n_outdated = 0;
  double school;
  g_autofree char *school_text = NULL;

  clear_list (self->coverage_list);
  school = nt_commitments_school_percent (store_of (self), &total, &n_signed);
  if (school < 0)
    school_text = g_strdup (_("Nobody has anything to sign yet: add the school’s rule sets."));
  else
    {
      g_autofree char *percent = format_percent (school);

      /* TRANSLATORS: the headline of the section: "Toàn trường: 83,4 % đã ký (1.650/1.980), mục tiêu 100 %" */
      school_text = g_strdup_printf (_("Whole school: %s signed (%u of %u), target 100 %%"), percent, n_signed, total);
    }
  gtk_label_set_text (self->school_label, school_text);
  if (set == NULL)
    {
      gtk_label_set_text (self->set_label, "");
      return;
    }
  if (nt_commitments_totals (store_of (self), set, &total, &n_signed, &n_missing, &n_outdated, &error))
    {
      g_autofree char *percent = format_percent (total ? 100.0 * n_signed / total : 100);
      /* TRANSLATORS: the figures of one rule set */
      g_autofree char *text = g_strdup_printf (_("%s: %s — signed %u, not signed %u, must sign again %u"),
                                               set->name, percent, n_signed, n_missing, n_outdated);

      gtk_label_set_text (self->set_label, text);
    }
  groups = nt_commitments_coverage (store_of (self), set, &error);
  for (guint i = 0; groups && i < g_list_model_get_n_items (G_LIST_MODEL (groups)); i++)
    {
      g_autoptr(NtCommitmentCoverage) c = g_list_model_get_item (G_LIST_MODEL (groups), i);

      gtk_list_box_append (self->coverage_list, coverage_row (c));
    }
  if (error)
    nt_window_toast_text (GTK_WIDGET (self), error->message);
}

/* ----- loading ----------------------------------------------------------- */

static void
fill_groups (NtCommitmentsPage *self,
             NtRuleSet         *set)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 previous = current_group (self);
  guint select = 0;

  g_array_set_size (self->group_ids, 0);
  if (set && nt_rule_set_for_students (set))
    {
      g_autoptr(GListStore) classes = nt_classes_list (store_of (self));

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (classes)); i++)
        {
          g_autoptr(NtClass) c = g_list_model_get_item (G_LIST_MODEL (classes), i);
          g_autofree char *label = g_strdup_printf (_("Class %s"), c->name);

          if (c->id == previous)
            select = self->group_ids->len;
          gtk_string_list_append (names, label);
          g_array_append_val (self->group_ids, c->id);
        }
    }
  if (set && nt_rule_set_for_staff (set))
    {
      gint64 staff = STAFF_GROUP;

      if (previous == STAFF_GROUP)
        select = self->group_ids->len;
      gtk_string_list_append (names, _("Staff"));
      g_array_append_val (self->group_ids, staff);
    }
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->group_dropdown, select);
}

static void
reload_set (NtCommitmentsPage *self)
{
  g_autoptr(NtRuleSet) set = current_set (self);
  g_autoptr(GError) error = NULL;
  gboolean manage = nt_access_may (store_of (self), NT_PERM_MANAGE_RULES);
  gboolean record = nt_access_may (store_of (self), NT_PERM_RECORD_COMMITMENTS);

  self->reloading = TRUE;
  g_clear_object (&self->people);
  if (set)
    {
      g_autofree char *effective = nt_date_iso_to_display (set->effective_date);
      /* TRANSLATORS: "Phiên bản 2, hiệu lực từ 15/10/2026 · cho học sinh" */
      g_autofree char *text = g_strdup_printf (_("Version %d, in force from %s · for %s"), set->version, effective,
                                               nt_rule_set_audience_label (set->audience));

      gtk_label_set_text (self->version_label, text);
      self->people = nt_commitments_entries (store_of (self), set, NULL, &error);
      if (error)
        nt_window_toast_text (GTK_WIDGET (self), error->message);
    }
  else
    gtk_label_set_text (self->version_label, _("No rule set yet: add the school’s rules with “New rule set”."));
  fill_groups (self, set);
  self->reloading = FALSE;
  fill_coverage (self, set);
  fill_people (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "commitments.new-version", set != NULL && manage);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "commitments.add", manage);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "commitments.versions", set != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "commitments.print", set != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "commitments.tick-all", set != NULL && record);
  gtk_widget_set_sensitive (GTK_WIDGET (self->people_list), record);
}

static void
reload (NtCommitmentsPage *self)
{
  g_autoptr(NtRuleSet) previous = current_set (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint select = 0;

  self->reloading = TRUE;
  g_clear_object (&self->sets);
  self->sets = nt_rule_sets_list (store_of (self), &error);
  for (guint i = 0; self->sets && i < g_list_model_get_n_items (G_LIST_MODEL (self->sets)); i++)
    {
      g_autoptr(NtRuleSet) set = g_list_model_get_item (G_LIST_MODEL (self->sets), i);

      if (previous && g_strcmp0 (previous->family, set->family) == 0)
        select = i;
      gtk_string_list_append (names, set->name);
    }
  gtk_drop_down_set_model (self->set_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->set_dropdown, select);
  self->reloading = FALSE;
  reload_set (self);
}

static void
on_set_changed (GtkDropDown       *dropdown,
                GParamSpec        *pspec,
                NtCommitmentsPage *self)
{
  if (self->context != NULL && !self->reloading)
    reload_set (self);
}

static void
on_group_changed (GtkDropDown       *dropdown,
                  GParamSpec        *pspec,
                  NtCommitmentsPage *self)
{
  if (self->context != NULL && !self->reloading)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      fill_people (self);
    }
}

static void
on_search_changed (GtkSearchEntry    *entry,
                   NtCommitmentsPage *self)
{
  if (self->context != NULL)
    fill_people (self);
}

/* From the search, ↓ or Enter goes to the first person found, whose tick
 * box Space then ticks (not to the form's "guardian signed" box below). */
static gboolean
focus_first_person (NtCommitmentsPage *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->people_list, 0);
  GtkWidget *check = row != NULL ? g_object_get_data (G_OBJECT (row), "check") : NULL;

  if (check == NULL)
    return FALSE;
  gtk_widget_grab_focus (check);
  return TRUE;
}

static gboolean
on_search_key (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               NtCommitmentsPage     *self)
{
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    return focus_first_person (self);
  return FALSE;
}

static void
on_search_activate (GtkSearchEntry    *entry,
                    NtCommitmentsPage *self)
{
  /* The search as typed: Enter may come before the delayed "search-changed". */
  on_search_changed (entry, self);
  focus_first_person (self);
}

static void
on_store_changed (NtStore           *store,
                  const char        *table,
                  NtCommitmentsPage *self)
{
  if (g_str_equal (table, "rule_sets"))
    reload (self);
  else if (g_str_equal (table, "commitments") || g_str_equal (table, "students") || g_str_equal (table, "staff"))
    reload_set (self);
}

static void
on_coverage_activated (GtkListBox        *list,
                       GtkListBoxRow     *row,
                       NtCommitmentsPage *self)
{
  int kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "kind"));

  if (kind == NT_PERSON_STAFF)
    {
      for (guint i = 0; i < self->group_ids->len; i++)
        if (g_array_index (self->group_ids, gint64, i) == STAFF_GROUP)
          gtk_drop_down_set_selected (self->group_dropdown, i);
    }
  else
    nt_commitments_page_select_group (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
on_person_activated (GtkListBox        *list,
                     GtkListBoxRow     *row,
                     NtCommitmentsPage *self)
{
  GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");

  if (check && gtk_widget_get_sensitive (GTK_WIDGET (check)))
    gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
}

/* ----- public, for the actions and the tests ------------------------------ */

gboolean
nt_commitments_page_select_set (NtCommitmentsPage *self,
                                const char        *family)
{
  g_return_val_if_fail (NT_IS_COMMITMENTS_PAGE (self), FALSE);

  for (guint i = 0; self->sets && i < g_list_model_get_n_items (G_LIST_MODEL (self->sets)); i++)
    {
      g_autoptr(NtRuleSet) set = g_list_model_get_item (G_LIST_MODEL (self->sets), i);

      if (g_strcmp0 (set->family, family) == 0)
        {
          gtk_drop_down_set_selected (self->set_dropdown, i);
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
nt_commitments_page_select_group (NtCommitmentsPage *self,
                                  const char        *class_name)
{
  gint64 id;

  g_return_val_if_fail (NT_IS_COMMITMENTS_PAGE (self), FALSE);

  id = nt_classes_find (store_of (self), class_name);
  for (guint i = 0; id != 0 && i < self->group_ids->len; i++)
    if (g_array_index (self->group_ids, gint64, i) == id)
      {
        gtk_drop_down_set_selected (self->group_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

/* Returns: how many forms were ticked (not those already signed) */
guint
nt_commitments_page_tick_all (NtCommitmentsPage *self)
{
  guint n = 0;

  g_return_val_if_fail (NT_IS_COMMITMENTS_PAGE (self), 0);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->people_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");

      if (check && gtk_widget_get_sensitive (GTK_WIDGET (check)))
        {
          gtk_check_button_set_active (check, TRUE);
          n++;
        }
    }
  return n;
}

/**
 * nt_commitments_page_save:
 *
 * Records the ticked forms (of the list shown) as returned on the date of
 * the date field, in one transaction.
 */
gboolean
nt_commitments_page_save (NtCommitmentsPage  *self,
                          GError            **error)
{
  g_autoptr(NtRuleSet) set = current_set (self);
  g_autoptr(GArray) students = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) staff = g_array_new (FALSE, FALSE, sizeof (gint64));
  NtStaffMember *user = nt_context_get_user (self->context);
  NtCommitmentInput input = { 0 };
  guint n;

  g_return_val_if_fail (NT_IS_COMMITMENTS_PAGE (self), FALSE);

  if (set == NULL)
    return TRUE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->people_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");
      NtCommitmentEntry *e = g_object_get_data (G_OBJECT (row), "entry");

      if (check && e && gtk_check_button_get_active (check) && gtk_widget_get_sensitive (GTK_WIDGET (check)))
        g_array_append_val (e->kind == NT_PERSON_STAFF ? staff : students, e->person_id);
    }
  n = students->len + staff->len;
  if (n == 0)
    return TRUE;

  input.rule_set_id = set->id;
  input.signed_on = gtk_editable_get_text (GTK_EDITABLE (self->date_entry));
  input.collected_by = user ? user->id : 0;
  if (students->len > 0)
    {
      input.kind = NT_PERSON_STUDENT;
      input.guardian_signed = gtk_check_button_get_active (self->guardian_check);
      if (!nt_commitments_sign_batch (store_of (self), &input, (gint64 *) (gpointer) students->data,
                                      students->len, error))
        return FALSE;
    }
  if (staff->len > 0)
    {
      input.kind = NT_PERSON_STAFF;
      input.guardian_signed = FALSE;
      if (!nt_commitments_sign_batch (store_of (self), &input, (gint64 *) (gpointer) staff->data, staff->len, error))
        return FALSE;
    }
  {
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Saved %u form", "Saved %u forms", n), n);

    nt_window_toast_text (GTK_WIDGET (self), text);
  }
  return TRUE;
}

/**
 * nt_commitments_page_get_group_percent:
 * @key: a class name, or a stored staff role
 *
 * Returns: (nullable): the percentage shown for that group, as shown
 */
const char *
nt_commitments_page_get_group_percent (NtCommitmentsPage *self,
                                       const char        *key)
{
  g_return_val_if_fail (NT_IS_COMMITMENTS_PAGE (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->coverage_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), key) == 0)
      return gtk_label_get_text (g_object_get_data (G_OBJECT (row), "percent-label"));
  return NULL;
}

const char *
nt_commitments_page_get_summary (NtCommitmentsPage *self)
{
  g_return_val_if_fail (NT_IS_COMMITMENTS_PAGE (self), NULL);

  return gtk_label_get_text (self->set_label);
}

/* ----- actions ----------------------------------------------------------- */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  NtCommitmentsPage *self = NT_COMMITMENTS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!nt_commitments_page_save (self, &error))
    nt_window_toast_text (GTK_WIDGET (self), error->message);
}

static void
tick_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  nt_commitments_page_tick_all (NT_COMMITMENTS_PAGE (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_widget_grab_focus (GTK_WIDGET (NT_COMMITMENTS_PAGE (widget)->search_entry));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  NtCommitmentsPage *self = NT_COMMITMENTS_PAGE (widget);
  g_autoptr(NtRuleSet) set = current_set (self);
  const char *what = g_variant_get_string (param, NULL);
  NtCommitmentScope scope = { 0 };
  g_autoptr(GError) error = NULL;

  if (set == NULL)
    return;
  if (g_str_equal (what, "person"))
    {
      GtkListBoxRow *row = gtk_list_box_get_selected_row (self->people_list);
      NtCommitmentEntry *e = row ? g_object_get_data (G_OBJECT (row), "entry") : NULL;

      if (e == NULL)
        {
          nt_window_toast_text (GTK_WIDGET (self), _("Choose the person in the list of forms first (click the name’s row)."));
          return;
        }
      if (e->kind == NT_PERSON_STAFF)
        scope.staff_id = e->person_id;
      else
        scope.student_id = e->person_id;
    }
  else if (g_str_equal (what, "class"))
    {
      gint64 group = current_group (self);

      if (group == STAFF_GROUP)
        scope.staff_only = TRUE;
      else
        scope.class_id = group;
    }
  else
    scope.unsigned_only = TRUE;
  if (!nt_commitments_print (GTK_WINDOW (gtk_widget_get_root (widget)), store_of (self), set, &scope, &error))
    nt_window_toast_text (GTK_WIDGET (self), error->message);
}

/* The dialog of a new rule set (@family NULL) or of a new version. */
typedef struct
{
  NtCommitmentsPage *self;
  char              *family;
  GtkEditable       *name;
  GtkDropDown       *audience;
  GtkEditable       *title;
  GtkEditable       *date;
  GtkTextView       *body;
  GtkLabel          *error;
} RuleSetForm;

static void
rule_set_form_free (RuleSetForm *f)
{
  g_free (f->family);
  g_free (f);
}

static const char * const audience_ids[] = { "students", "boarders", "staff", "both" };

static void
on_rule_set_save (GtkButton   *button,
                  RuleSetForm *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  GtkTextIter start, end;
  NtRuleSetInput input = { 0 };
  gint64 id;

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (f->body), &start, &end);
  body = gtk_text_buffer_get_text (gtk_text_view_get_buffer (f->body), &start, &end, FALSE);
  input.name = f->name ? gtk_editable_get_text (f->name) : NULL;
  input.audience = f->audience ? audience_ids[gtk_drop_down_get_selected (f->audience)] : NULL;
  input.title = gtk_editable_get_text (f->title);
  input.effective_date = gtk_editable_get_text (f->date);
  input.body = body;
  if (f->family)
    id = nt_rule_sets_add_version (store_of (f->self), f->family, &input, &error);
  else
    id = nt_rule_sets_create (store_of (f->self), &input, &error);
  if (id == 0)
    {
      /* The window stays open with the pasted text: the message says what to fix. */
      gtk_label_set_text (f->error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (f->error), TRUE);
      return;
    }
  if (f->family == NULL)
    {
      g_autoptr(NtRuleSet) set = nt_rule_sets_load (store_of (f->self), id, NULL);

      if (set)
        nt_commitments_page_select_set (f->self, set->family);
    }
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))));
}

static void
on_rule_set_cancel (GtkButton *button,
                    gpointer   unused)
{
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))));
}

static GtkWidget *
labelled_entry (GtkWidget   *grid,
                int          row,
                const char  *label,
                const char  *text,
                GtkEditable **out)
{
  GtkWidget *l = gtk_label_new_with_mnemonic (label);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (l), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (l), entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_grid_attach (GTK_GRID (grid), l, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), entry, 1, row, 1, 1);
  *out = GTK_EDITABLE (entry);
  return entry;
}

static void
open_rule_set_dialog (NtCommitmentsPage *self,
                      NtRuleSet         *latest)
{
  RuleSetForm *f = g_new0 (RuleSetForm, 1);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *scroll = gtk_scrolled_window_new ();
  GtkWidget *body = gtk_text_view_new ();
  GtkWidget *dialog;
  g_autofree char *today = nt_date_today_iso ();
  g_autofree char *today_shown = nt_date_iso_to_display (today);
  int row = 0;

  f->self = self;
  f->family = latest ? g_strdup (latest->family) : NULL;
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  if (latest == NULL)
    {
      const char *audiences[] = { nt_rule_set_audience_label (audience_ids[0]), nt_rule_set_audience_label (audience_ids[1]),
                                  nt_rule_set_audience_label (audience_ids[2]), nt_rule_set_audience_label (audience_ids[3]),
                                  NULL };
      GtkWidget *l = gtk_label_new_with_mnemonic (_("_For"));
      GtkWidget *dropdown = gtk_drop_down_new_from_strings (audiences);

      labelled_entry (grid, row++, _("_Name"), "", &f->name);
      gtk_label_set_xalign (GTK_LABEL (l), 0);
      gtk_label_set_mnemonic_widget (GTK_LABEL (l), dropdown);
      gtk_grid_attach (GTK_GRID (grid), l, 0, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), dropdown, 1, row++, 1, 1);
      f->audience = GTK_DROP_DOWN (dropdown);
    }
  labelled_entry (grid, row++, _("_Title on the form"), latest ? latest->title : "", &f->title);
  labelled_entry (grid, row++, _("In force _from"), today_shown, &f->date);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (body), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (body), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (body), 6);
  if (latest)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (body)), latest->body, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), body);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroll), 260);
  gtk_widget_add_css_class (scroll, "card");
  gtk_grid_attach (GTK_GRID (grid), scroll, 0, row++, 2, 1);
  f->body = GTK_TEXT_VIEW (body);
  f->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (f->error, TRUE);
  gtk_label_set_xalign (f->error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (f->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (f->error), FALSE);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (f->error), 0, row++, 2, 1);

  {
    GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
    GtkWidget *header = adw_header_bar_new ();
    GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
    GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
    GtkWidget *intro = gtk_label_new (latest ? _("Paste the whole new text, one article per line. Everyone who "
                                                 "signed an earlier version will have to sign again.")
                                             : _("Paste the text of the rules, one article per line."));
    GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

    dialog = adw_window_new ();
    gtk_window_set_title (GTK_WINDOW (dialog), latest ? _("New version of the rules") : _("New rule set"));
    gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
    gtk_window_set_default_size (GTK_WINDOW (dialog), 720, 600);
    adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
    adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
    adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
    gtk_widget_add_css_class (save, "suggested-action");
    gtk_box_append (GTK_BOX (content), header);
    gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
    gtk_label_set_xalign (GTK_LABEL (intro), 0);
    gtk_widget_set_margin_start (inner, 18);
    gtk_widget_set_margin_end (inner, 18);
    gtk_widget_set_margin_top (inner, 12);
    gtk_widget_set_margin_bottom (inner, 18);
    gtk_widget_set_vexpand (scroll, TRUE);
    gtk_box_append (GTK_BOX (inner), intro);
    gtk_box_append (GTK_BOX (inner), grid);
    gtk_box_append (GTK_BOX (content), inner);
    adw_window_set_content (ADW_WINDOW (dialog), content);
    g_object_set_data_full (G_OBJECT (dialog), "form", f, (GDestroyNotify) rule_set_form_free);
    g_signal_connect (save, "clicked", G_CALLBACK (on_rule_set_save), f);
    g_signal_connect (cancel, "clicked", G_CALLBACK (on_rule_set_cancel), NULL);
    gtk_window_set_default_widget (GTK_WINDOW (dialog), save);
    {
      GtkEventController *keys = gtk_shortcut_controller_new ();

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                            gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                              gtk_named_action_new ("window.close")));
      gtk_widget_add_controller (dialog, keys);
    }
  }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  open_rule_set_dialog (NT_COMMITMENTS_PAGE (widget), NULL);
}

static void
new_version_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_autoptr(NtRuleSet) set = current_set (NT_COMMITMENTS_PAGE (widget));

  if (set)
    open_rule_set_dialog (NT_COMMITMENTS_PAGE (widget), set);
}

static void
show_version (GtkDropDown *dropdown,
              GParamSpec  *pspec,
              GtkTextView *view)
{
  GListStore *versions = g_object_get_data (G_OBJECT (dropdown), "versions");
  g_autoptr(NtRuleSet) set = g_list_model_get_item (G_LIST_MODEL (versions), gtk_drop_down_get_selected (dropdown));
  g_autofree char *effective = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) articles = NULL;
  GString *s;

  if (set == NULL)
    return;
  effective = nt_date_iso_to_display (set->effective_date);
  articles = nt_rule_set_articles (set);
  s = g_string_new (NULL);
  g_string_append_printf (s, "%s\n", set->title);
  g_string_append_printf (s, _("In force from %s"), effective);
  g_string_append (s, "\n\n");
  for (guint i = 0; articles[i]; i++)
    {
      g_string_append_printf (s, _("Article %u."), i + 1);
      g_string_append_printf (s, " %s\n", articles[i]);
    }
  text = g_string_free (s, FALSE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static void
versions_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  NtCommitmentsPage *self = NT_COMMITMENTS_PAGE (widget);
  g_autoptr(NtRuleSet) set = current_set (self);
  g_autoptr(GListStore) versions = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *box, *dropdown, *scroll, *view, *dialog;

  if (set == NULL)
    return;
  versions = nt_rule_sets_versions (store_of (self), set->family, NULL);
  if (versions == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (versions)); i++)
    {
      g_autoptr(NtRuleSet) v = g_list_model_get_item (G_LIST_MODEL (versions), i);
      g_autofree char *effective = nt_date_iso_to_display (v->effective_date);
      g_autofree char *label = g_strdup_printf (_("Version %d, in force from %s"), v->version, effective);

      gtk_string_list_append (names, label);
    }
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  view = gtk_text_view_new ();
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroll), 360);
  gtk_widget_add_css_class (scroll, "card");
  gtk_box_append (GTK_BOX (box), dropdown);
  gtk_box_append (GTK_BOX (box), scroll);
  g_object_set_data_full (G_OBJECT (dropdown), "versions", g_object_ref (versions), g_object_unref);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (show_version), view);
  show_version (GTK_DROP_DOWN (dropdown), NULL, GTK_TEXT_VIEW (view));

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), set->name, NULL);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 720, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ----- GObject ----------------------------------------------------------- */

static void
nt_commitments_page_constructed (GObject *object)
{
  NtCommitmentsPage *self = NT_COMMITMENTS_PAGE (object);
  g_autofree char *today = nt_date_today_iso ();
  g_autofree char *shown = nt_date_iso_to_display (today);

  G_OBJECT_CLASS (nt_commitments_page_parent_class)->constructed (object);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), shown);
  g_signal_connect_object (store_of (self), "changed", G_CALLBACK (on_store_changed), self, 0);
  /* Another person signs in: what they may do changes. */
  g_signal_connect_object (self->context, "notify::user", G_CALLBACK (reload_set), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
nt_commitments_page_dispose (GObject *object)
{
  NtCommitmentsPage *self = NT_COMMITMENTS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NT_TYPE_COMMITMENTS_PAGE);
  g_clear_object (&self->sets);
  g_clear_object (&self->people);
  g_clear_pointer (&self->group_ids, g_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (nt_commitments_page_parent_class)->dispose (object);
}

static void
nt_commitments_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      NT_COMMITMENTS_PAGE (object)->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nt_commitments_page_class_init (NtCommitmentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nt_commitments_page_constructed;
  object_class->dispose = nt_commitments_page_dispose;
  object_class->set_property = nt_commitments_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, NT_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/edu/noitru/nt-commitments-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NtCommitmentsPage, set_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NtCommitmentsPage, version_label);
  gtk_widget_class_bind_template_child (widget_class, NtCommitmentsPage, school_label);
  gtk_widget_class_bind_template_child (widget_class, NtCommitmentsPage, set_label);
  gtk_widget_class_bind_template_child (widget_class, NtCommitmentsPage, coverage_list);
  gtk_widget_class_bind_template_child (widget_class, NtCommitmentsPage, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NtCommitmentsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, NtCommitmentsPage, date_entry);
  gtk_widget_class_bind_template_child (widget_class, NtCommitmentsPage, guardian_check);
  gtk_widget_class_bind_template_child (widget_class, NtCommitmentsPage, people_list);
  gtk_widget_class_bind_template_child (widget_class, NtCommitmentsPage, ticked_label);
  gtk_widget_class_bind_template_child (widget_class, NtCommitmentsPage, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_set_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_group_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_coverage_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_person_activated);

  gtk_widget_class_install_action (widget_class, "commitments.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "commitments.tick-all", NULL, tick_all_action);
  gtk_widget_class_install_action (widget_class, "commitments.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "commitments.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "commitments.new-version", NULL, new_version_action);
  gtk_widget_class_install_action (widget_class, "commitments.versions", NULL, versions_action);
  gtk_widget_class_install_action (widget_class, "commitments.print", "s", print_action);
}

static void
nt_commitments_page_init (NtCommitmentsPage *self)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();
  GtkEventController *search_keys = gtk_event_controller_key_new ();
  GtkShortcutAction *save = gtk_named_action_new ("commitments.save");

  self->group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (search_keys, "key-pressed", G_CALLBACK (on_search_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), search_keys);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (on_search_activate), self);

  /* Enter anywhere in the list of forms (on a tick box too) saves. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (
                                                            gtk_keyval_trigger_new (GDK_KEY_Return, 0),
                                                            gtk_keyval_trigger_new (GDK_KEY_KP_Enter, 0)),
                                                          g_object_ref (save)));
  gtk_widget_add_controller (GTK_WIDGET (self->people_list), keys);
  /* …and in the date field. */
  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Return, 0), save));
  gtk_widget_add_controller (GTK_WIDGET (self->date_entry), keys);
}
