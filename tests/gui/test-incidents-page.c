/* test-incidents-page.c: the Incidents section under Xvfb: opening an
 * incident from an absence of a closed night check carries the student and
 * the night and keeps the link; the list shows it; overdue ones stand out;
 * a role that may not see incidents sees none */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gui-fixture.h"
#include "nt-checks-page.h"
#include "nt-error.h"
#include "nt-incident-editor.h"
#include "nt-incidents-page.h"
#include "nt-incidents.h"
#include "nt-leaves-page.h"
#include "nt-night-checks.h"
#include "nt-staff.h"
#include "nt-student-details.h"
#include "nt-test-util.h"

static void
set_user_of_role (GuiFixture *f,
                  const char *role)
{
  g_autofree char *sql = g_strdup_printf ("SELECT min(id) FROM staff WHERE role = '%s' AND active = 1", role);
  g_autoptr(NtStaffMember) user = nt_staff_load (f->store, nt_store_count (f->store, sql), NULL);

  g_assert_nonnull (user);
  g_assert_true (nt_context_set_user (f->context, user, NULL));
}

static void
setup (GuiFixture    *f,
       gconstpointer  data)
{
  gui_fixture_setup (f, 11);
  set_user_of_role (f, "supervisor");
}

static void
teardown (GuiFixture    *f,
          gconstpointer  data)
{
  gui_fixture_teardown (f);
}

static NtIncidentsPage *
incidents_page (GuiFixture *f)
{
  nt_window_show_section (f->window, "incidents");
  return NT_INCIDENTS_PAGE (nt_window_get_page (f->window, "incidents"));
}

/* The one editor window open, or NULL. */
static NtIncidentEditor *
open_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */
  NtIncidentEditor *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (NT_IS_INCIDENT_EDITOR (w))
        {
          g_assert_null (found);
          found = NT_INCIDENT_EDITOR (w);
        }
    }
  return found;
}

/* The button named "open-incident" under @widget whose @key data is @id. */
static GtkWidget *
find_incident_button (GtkWidget  *widget,
                      const char *key,
                      gint64      id)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_name (widget), "open-incident") == 0 &&
      (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (widget), key)) == id)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_incident_button (c, key, id);
      if (found)
        return found;
    }
  return NULL;
}

/* The preferences group titled @title under @widget. */
static GtkWidget *
find_group (GtkWidget  *widget,
            const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (widget) &&
      g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_group (c, title);
      if (found)
        return found;
    }
  return NULL;
}

static int
find_row (NtIncidentsPage *page,
          gint64           id)
{
  for (guint i = 0; i < nt_incidents_page_get_n_rows (page); i++)
    {
      g_autoptr(NtIncident) inc = nt_incidents_page_get_incident (page, i);
      if (inc->id == id)
        return (int) i;
    }
  return -1;
}

static void
test_from_night_check (GuiFixture    *f,
                       gconstpointer  data)
{
  NtChecksPage *checks;
  NtIncidentsPage *page;
  NtIncidentEditor *editor;
  NtIncident *draft;
  GtkWidget *button, *actions;
  g_autoptr(GError) error = NULL;
  gint64 entry, student = 0, id;
  g_autofree char *night = NULL;
  g_autofree char *night_display = NULL;
  gint64 n_before = nt_store_count (f->store, "SELECT count(*) FROM incidents");

  /* Tonight's check of the first building: the first student not yet
   * checked is absent, the others present; the supervisor closes it. */
  night = nt_night_check_default_night ();
  night_display = g_strdup_printf ("%.2s/%.2s/%.4s", night + 8, night + 5, night);
  nt_window_show_section (f->window, "checks");
  checks = NT_CHECKS_PAGE (nt_window_get_page (f->window, "checks"));
  g_assert_true (nt_checks_page_start (checks, night_display, 0, 0, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GListStore) entries = nt_night_check_entries (f->store, nt_checks_page_get_check_id (checks), NULL);

    entry = 0;
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (entries)); i++)
      {
        g_autoptr(NtCheckEntry) e = g_list_model_get_item (G_LIST_MODEL (entries), i);

        if (e->status != NULL)
          continue;
        if (entry == 0)
          {
            entry = e->id;
            student = e->student_id;
          }
        g_assert_true (nt_night_check_mark (f->store, e->id, e->id == entry ? "absent" : "present", NULL,
                                            e->id == entry ? "Không có ở giường." : NULL, &error));
        g_assert_no_error (error);
      }
  }
  g_assert_cmpint (entry, >, 0);
  g_assert_true (nt_checks_page_close_check (checks, &error));
  g_assert_no_error (error);
  gui_spin (50);

  /* The absent row of the closed check has the button, which opens the
   * editor filled from the absence. */
  button = find_incident_button (GTK_WIDGET (checks), "link-id", entry);
  g_assert_nonnull (button);
  g_object_ref (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, _("Open an incident"));
  g_assert_null (open_editor ());
  g_signal_emit_by_name (button, "clicked");
  gui_spin (50);
  editor = open_editor ();
  g_assert_nonnull (editor);
  gui_spin_until (gui_window_mapped, editor, 10);

  draft = nt_incident_editor_get_incident (editor);
  g_assert_cmpint (draft->id, ==, 0);
  g_assert_cmpint (draft->source_kind, ==, NT_INCIDENT_LINK_NIGHT_CHECK);
  g_assert_cmpint (draft->source_id, ==, entry);
  g_assert_cmpstr (draft->category, ==, "left_without_permission");
  /* the student and the night */
  g_assert_cmpuint (g_list_model_get_n_items (nt_incident_editor_get_people (editor)), ==, 1);
  {
    g_autoptr(NtIncidentPerson) p = g_list_model_get_item (nt_incident_editor_get_people (editor), 0);
    g_assert_cmpint (p->student_id, ==, student);
    g_assert_nonnull (p->name);
  }
  {
    const char *when = gtk_editable_get_text (GTK_EDITABLE (nt_incident_editor_get_control (editor, "when")));
    g_autoptr(GDateTime) n = g_date_time_new_local (g_ascii_strtoll (night, NULL, 10), g_ascii_strtoll (night + 5, NULL, 10),
                                                    g_ascii_strtoll (night + 8, NULL, 10), 12, 0, 0);
    g_autoptr(GDateTime) next = g_date_time_add_days (n, 1);
    g_autofree char *same = g_date_time_format (n, "%d/%m/%Y");
    g_autofree char *after = g_date_time_format (next, "%d/%m/%Y");

    /* the curfew of that night (after midnight when the curfew is) */
    g_assert_true (g_str_has_prefix (when, same) || g_str_has_prefix (when, after));
  }

  /* The person writes what was done, and saves with Ctrl+S's action. */
  actions = nt_incident_editor_get_control (editor, "actions");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (actions)), "Đã gọi điện cho gia đình.", -1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (nt_incident_editor_get_control (editor, "severity")), 1);
  g_object_ref (editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "incident.save", NULL));
  gui_spin (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_object_unref (editor);
  g_assert_null (open_editor ());
  /* The absence's button now says it opens the incident written. */
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, _("See the incident"));
  g_object_unref (button);

  /* Stored with its link, its student and what the person typed. */
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM incidents"), ==, n_before + 1);
  id = nt_store_count (f->store, "SELECT max(id) FROM incidents");
  {
    NtIncidentLink link = { NT_INCIDENT_LINK_NIGHT_CHECK, entry };
    g_autoptr(NtIncident) saved = nt_incidents_load (f->store, id, NULL, &error);
    g_autoptr(GListStore) people = nt_incidents_people (f->store, id, &error);
    g_autoptr(NtIncidentPerson) p = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (nt_incidents_find_by_link (f->store, &link), ==, id);
    g_assert_cmpint (saved->source_kind, ==, NT_INCIDENT_LINK_NIGHT_CHECK);
    g_assert_cmpint (saved->source_id, ==, entry);
    g_assert_cmpstr (saved->actions, ==, "Đã gọi điện cho gia đình.");
    g_assert_cmpint (saved->severity, ==, 2);
    g_assert_cmpstr (saved->state, ==, "open");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==, 1);
    p = g_list_model_get_item (G_LIST_MODEL (people), 0);
    g_assert_cmpint (p->student_id, ==, student);
  }

  /* The Incidents section lists it among those not closed. */
  page = incidents_page (f);
  nt_incidents_page_set_period (page, NT_INCIDENTS_PERIOD_ALL);
  nt_incidents_page_set_show (page, NT_INCIDENTS_SHOW_ACTIVE);
  g_assert_cmpint (find_row (page, id), >=, 0);
  nt_incidents_page_set_show (page, NT_INCIDENTS_SHOW_CLOSED);
  g_assert_cmpint (find_row (page, id), <, 0);

  /* The check's button now opens the saved incident, not a new one. */
  nt_window_show_section (f->window, "checks");
  g_signal_emit_by_name (button, "clicked");
  gui_spin (50);
  editor = open_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpint (nt_incident_editor_get_incident (editor)->id, ==, id);
  gtk_window_destroy (GTK_WINDOW (editor));
  gui_spin (50);
}

/* An overdue leave without an incident: its row opens one, the student
 * and the leave carried. */
static void
test_from_overdue_leave (GuiFixture    *f,
                         gconstpointer  data)
{
  NtLeavesPage *leaves;
  NtIncidentEditor *editor;
  NtIncident *draft;
  GtkWidget *button;
  g_autofree char *sql = NULL;
  gint64 leave = nt_store_count (f->store,
                                 "SELECT ifnull (min (id), 0) FROM leaves l WHERE state IN ('approved', 'out') "
                                 "AND to_time < strftime ('%Y-%m-%d %H:%M', 'now', 'localtime') "
                                 "AND NOT EXISTS (SELECT 1 FROM incidents i WHERE i.source_kind = 'leave' "
                                 "AND i.source_id = l.id)");
  gint64 student;

  g_assert_cmpint (leave, >, 0);
  sql = g_strdup_printf ("SELECT student_id FROM leaves WHERE id = %" G_GINT64_FORMAT, leave);
  student = nt_store_count (f->store, sql);
  nt_window_show_section (f->window, "leaves");
  leaves = NT_LEAVES_PAGE (nt_window_get_page (f->window, "leaves"));
  nt_leaves_page_set_view (leaves, 1);   /* overdue */
  button = find_incident_button (GTK_WIDGET (leaves), "link-id", leave);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  gui_spin (50);
  editor = open_editor ();
  g_assert_nonnull (editor);
  draft = nt_incident_editor_get_incident (editor);
  g_assert_cmpint (draft->id, ==, 0);
  g_assert_cmpint (draft->source_kind, ==, NT_INCIDENT_LINK_LEAVE);
  g_assert_cmpint (draft->source_id, ==, leave);
  {
    g_autoptr(NtIncidentPerson) p = g_list_model_get_item (nt_incident_editor_get_people (editor), 0);
    g_assert_cmpint (p->student_id, ==, student);
  }
  gtk_window_destroy (GTK_WINDOW (editor));
  gui_spin (50);
}

static void
test_list_and_overdue (GuiFixture    *f,
                       gconstpointer  data)
{
  NtIncidentsPage *page = incidents_page (f);
  guint n_overdue = 0;
  guint n_active = nt_incidents_count_active (f->store, NULL, &n_overdue);
  guint marked = 0;

  /* The default: the school year's incidents not closed; the demo's
   * broken window is past its limit and stands out. */
  g_assert_cmpuint (nt_incidents_page_get_n_rows (page), ==, n_active);
  g_assert_cmpuint (n_overdue, >=, 1);
  for (guint i = 0; i < nt_incidents_page_get_n_rows (page); i++)
    {
      g_autoptr(NtIncident) inc = nt_incidents_page_get_incident (page, i);
      GtkWidget *row = nt_incidents_page_get_row (page, i);

      g_assert_cmpint (gtk_widget_has_css_class (row, "nt-overdue"), ==, inc->overdue);
      marked += inc->overdue;
    }
  g_assert_cmpuint (marked, ==, n_overdue);
  nt_incidents_page_set_show (page, NT_INCIDENTS_SHOW_OVERDUE);
  g_assert_cmpuint (nt_incidents_page_get_n_rows (page), ==, n_overdue);
  nt_incidents_page_set_show (page, NT_INCIDENTS_SHOW_ALL);
  g_assert_cmpuint (nt_incidents_page_get_n_rows (page), ==,
                    (guint) nt_store_count (f->store, "SELECT count(*) FROM incidents"));
}

/* Closing without an outcome is refused in the window; the editor stays
 * open with the error, nothing is written. */
static void
test_close_needs_outcome (GuiFixture    *f,
                          gconstpointer  data)
{
  gint64 id = nt_store_count (f->store, "SELECT min(id) FROM incidents WHERE state = 'open'");
  NtIncidentEditor *editor;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (id, >, 0);
  incidents_page (f);
  editor = nt_incident_editor_open (GTK_WIDGET (f->window), f->context, id);
  g_assert_nonnull (editor);
  adw_combo_row_set_selected (ADW_COMBO_ROW (nt_incident_editor_get_control (editor, "state")), 2);
  /* choosing "closed" fills the end time with now */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nt_incident_editor_get_control (editor, "closed-at"))), !=, "");
  g_assert_false (nt_incident_editor_save (editor, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM incidents WHERE state = 'closed' AND id = (SELECT min(id) FROM incidents WHERE state = 'open')"), ==, 0);
  g_clear_error (&error);

  /* with an outcome it closes */
  adw_combo_row_set_selected (ADW_COMBO_ROW (nt_incident_editor_get_control (editor, "outcome")), 1);
  g_object_ref (editor);
  g_assert_true (nt_incident_editor_save (editor, &error));
  g_assert_no_error (error);
  g_object_unref (editor);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM incidents WHERE id = %" G_GINT64_FORMAT
                                            " AND state = 'closed' AND outcome = 'settled'", id);
    g_assert_cmpint (nt_store_count (f->store, sql), ==, 1);
  }
}

/* A teacher sees neither the book nor a student's incidents. */
static void
test_teacher_sees_none (GuiFixture    *f,
                        gconstpointer  data)
{
  NtIncidentsPage *page = incidents_page (f);
  gint64 student = nt_store_count (f->store, "SELECT min(student_id) FROM incident_people WHERE student_id IS NOT NULL");
  NtStudentDetails *details;
  GtkWidget *group;

  g_assert_cmpuint (nt_incidents_page_get_n_rows (page), >, 0);
  details = nt_student_details_new (f->context, student);
  group = find_group (GTK_WIDGET (details), _("Incidents, newest first"));
  g_assert_nonnull (group);
  g_assert_true (gtk_widget_get_visible (group));
  gtk_window_destroy (GTK_WINDOW (details));

  set_user_of_role (f, "teacher");
  gui_spin (20);
  g_assert_cmpuint (nt_incidents_page_get_n_rows (page), ==, 0);
  details = nt_student_details_new (f->context, student);
  group = find_group (GTK_WIDGET (details), _("Incidents, newest first"));
  g_assert_nonnull (group);
  g_assert_false (gtk_widget_get_visible (group));
  gtk_window_destroy (GTK_WINDOW (details));
  gui_spin (20);
}

int
main (int    argc,
      char **argv)
{
  nt_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add ("/incidents-page/from-night-check", GuiFixture, NULL, setup, test_from_night_check, teardown);
  g_test_add ("/incidents-page/from-overdue-leave", GuiFixture, NULL, setup, test_from_overdue_leave, teardown);
  g_test_add ("/incidents-page/list-and-overdue", GuiFixture, NULL, setup, test_list_and_overdue, teardown);
  g_test_add ("/incidents-page/close-needs-outcome", GuiFixture, NULL, setup, test_close_needs_outcome, teardown);
  g_test_add ("/incidents-page/teacher-sees-none", GuiFixture, NULL, setup, test_teacher_sees_none, teardown);

  return g_test_run ();
}
