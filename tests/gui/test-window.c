/* test-window.c: the real window under Xvfb, driven in-process */
#include "config.h"

#include <adwaita.h>

#include "gui-fixture.h"
#include "nt-context.h"
#include "nt-error.h"
#include "nt-overview-page.h"
#include "nt-school.h"
#include "nt-student-details.h"
#include "nt-student-editor.h"
#include "nt-students-page.h"
#include "nt-students.h"
#include "nt-test-util.h"
#include "nt-user-chooser.h"
#include "nt-vntext.h"
#include "nt-window.h"

typedef GuiFixture Fixture;

static gint64
add_named_student (NtStore    *store,
                   const char *code,
                   const char *name)
{
  g_autoptr(NtStudent) s = nt_student_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) classes = nt_classes_list (store);
  g_autoptr(NtClass) c = g_list_model_get_item (G_LIST_MODEL (classes), 0);

  nt_student_set_text (s, "code", code);
  nt_student_set_text (s, "full-name", name);
  nt_student_set_text (s, "gender", "M");
  nt_student_set_text (s, "birth-date", "2012-03-04");
  nt_student_set_text (s, "boarding", "boarding");
  s->class_id = c->id;
  g_assert_true (nt_students_save (store, s, NULL, &error));
  g_assert_no_error (error);
  return s->id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  NtStore *store = nt_test_demo_store (7);

  add_named_student (store, "T0001", "Nguyễn Văn An");
  add_named_student (store, "T0002", "Đặng Thị Thu");
  gui_fixture_setup_store (f, store);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gui_fixture_teardown (f);
}

static NtStudentsPage *
students_page (Fixture *f)
{
  nt_window_show_section (f->window, "students");
  return NT_STUDENTS_PAGE (nt_window_get_page (f->window, "students"));
}

/* ----- tests ------------------------------------------------------------ */

static gboolean
figure_counted (gpointer data)
{
  return g_strcmp0 (nt_overview_page_get_figure (NT_OVERVIEW_PAGE (data), "students"), "…") != 0;
}

static void
test_window_opens (Fixture       *f,
                   gconstpointer  data)
{
  NtOverviewPage *overview = NT_OVERVIEW_PAGE (nt_window_get_page (f->window, "overview"));
  NtSchoolFigures figures;
  g_autofree char *students = NULL;

  nt_school_figures (f->store, &figures);
  students = g_strdup_printf ("%" G_GINT64_FORMAT, figures.students);

  /* The figures are counted just after the page appears. */
  gui_spin_until (figure_counted, overview, 5);

  g_assert_cmpstr (nt_window_get_section (f->window), ==, "overview");
  g_assert_cmpstr (nt_overview_page_get_figure (overview, "students"), ==, students);
  g_assert_cmpint (figures.students, >, 700);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-section", "s", "students"));
  g_assert_cmpstr (nt_window_get_section (f->window), ==, "students");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (nt_students_page_get_list (students_page (f)))),
                    ==, figures.students);
}

typedef struct
{
  const char *text;
  gboolean    seen;
} SearchWait;

static void
on_search_changed (GtkSearchEntry *entry,
                   SearchWait     *wait)
{
  if (g_str_equal (gtk_editable_get_text (GTK_EDITABLE (entry)), wait->text))
    wait->seen = TRUE;
}

static gboolean
search_seen (gpointer data)
{
  return ((SearchWait *) data)->seen;
}

/* Types @text as a person would, and waits for the search entry's delayed
 * search-changed with that text (the page's handler runs before ours). */
static void
type_search (NtStudentsPage *page,
             const char     *text)
{
  GtkWidget *entry = nt_students_page_get_search (page);
  SearchWait wait = { text, FALSE };
  gulong id = g_signal_connect (entry, "search-changed", G_CALLBACK (on_search_changed), &wait);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gui_spin_until (search_seen, &wait, 5);
  g_signal_handler_disconnect (entry, id);
}

/* Every row has a word starting with each typed word ("an" is not "văn"),
 * and @expected is among the rows. */
static void
assert_search_result (GListModel *model,
                      const char *query,
                      const char *expected)
{
  g_auto(GStrv) tokens = nt_vn_search_tokens (query);
  gboolean found = FALSE;
  guint n = g_list_model_get_n_items (model);

  g_assert_cmpuint (n, >=, 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtStudent) s = g_list_model_get_item (model, i);
      g_autofree char *name = nt_vn_fold (s->full_name);
      g_autofree char *folded = g_strconcat (" ", name, NULL);

      for (guint k = 0; tokens[k]; k++)
        {
          g_autofree char *word = g_strconcat (" ", tokens[k], NULL);
          if (strstr (folded, word) == NULL)
            g_test_message ("“%s” has no word starting with “%s”", s->full_name, tokens[k]);
          g_assert_nonnull (strstr (folded, word));
        }
      found |= g_str_equal (s->full_name, expected);
    }
  g_assert_true (found);
}

static void
test_search_narrows (Fixture       *f,
                     gconstpointer  data)
{
  NtStudentsPage *page = students_page (f);
  GListModel *model = G_LIST_MODEL (nt_students_page_get_list (page));
  guint all = g_list_model_get_n_items (model);

  type_search (page, "nguyen van an");
  assert_search_result (model, "nguyen van an", "Nguyễn Văn An");
  g_assert_cmpuint (g_list_model_get_n_items (model), <, all / 10);

  type_search (page, "DANG thi thu");
  assert_search_result (model, "dang thi thu", "Đặng Thị Thu");

  type_search (page, "dang");
  assert_search_result (model, "dang", "Đặng Thị Thu");

  /* The view shows the same rows as the model. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (nt_students_page_get_view (page)))),
                    ==, g_list_model_get_n_items (model));

  type_search (page, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);
}

/* Ctrl+F in a section with nothing of its own to search (the Overview)
 * goes to the students' search; in one that has a search, it stays there. */
static void
test_search_anywhere (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *focus;

  nt_window_show_section (f->window, "overview");
  gui_spin (20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  gui_spin (20);
  g_assert_cmpstr (nt_window_get_section (f->window), ==, "students");
  focus = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == nt_students_page_get_search (students_page (f)) ||
                 gtk_widget_is_ancestor (focus, nt_students_page_get_search (students_page (f))));

  nt_window_show_section (f->window, "incidents");
  gui_spin (20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  gui_spin (20);
  g_assert_cmpstr (nt_window_get_section (f->window), ==, "incidents");
}

static NtStudentDetails *
open_details_window (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (NT_IS_STUDENT_DETAILS (l->data))
      return l->data;
  return NULL;
}

static gboolean
focus_in_table (gpointer data)
{
  Fixture *f = data;
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (f->window));
  GtkColumnView *view = nt_students_page_get_view (students_page (f));

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (view));
}

/* Enter right after typing, before the search entry's delayed
 * "search-changed": the search as typed decides. One student found: their
 * details open; several: the keyboard goes into the table. */
static void
test_search_quick_enter (Fixture       *f,
                         gconstpointer  data)
{
  NtStudentsPage *page = students_page (f);
  GtkWidget *entry = nt_students_page_get_search (page);
  NtStudentDetails *details;

  gui_spin (50);
  g_assert_null (open_details_window ());
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "nguyen van an");
  g_signal_emit_by_name (entry, "activate");
  gui_spin (50);
  details = open_details_window ();
  g_assert_nonnull (details);
  g_assert_cmpstr (nt_student_details_get_value (details, "full-name"), ==, "Nguyễn Văn An");
  gtk_window_destroy (GTK_WINDOW (details));

  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "dang");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (nt_students_page_get_list (page))), >, 1);
  gui_spin_until (focus_in_table, f, 5);
  g_assert_true (focus_in_table (f));
}

static void
set_entry (NtStudentEditor *editor,
           const char      *property,
           const char      *text)
{
  gtk_editable_set_text (GTK_EDITABLE (nt_student_editor_get_row (editor, property)), text);
}

static void
set_choice (NtStudentEditor *editor,
            const char      *property,
            guint            index)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (nt_student_editor_get_row (editor, property)), index);
}

static void
test_add_student (Fixture       *f,
                  gconstpointer  data)
{
  NtStudentsPage *page = students_page (f);
  g_autoptr(NtStudentEditor) editor = NULL;
  g_autoptr(NtStudent) stored = NULL;
  gint64 id;
  gint64 before = nt_store_count (f->store, "SELECT count(*) FROM students");

  editor = g_object_ref (NT_STUDENT_EDITOR (nt_students_page_open_editor (page, NULL)));
  set_entry (editor, "code", "HS99001");
  set_entry (editor, "full-name", "Lò Thị Mỷ");
  set_choice (editor, "gender", 1);
  set_entry (editor, "birth-date", "15/08/2011");
  set_choice (editor, "class-name", 0);
  set_entry (editor, "guardian-phone", "0912 345 678");
  set_choice (editor, "boarding", 0);

  g_assert_true (nt_student_editor_save (editor));
  id = nt_students_find_by_code (f->store, "HS99001");
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM students"), ==, before + 1);

  stored = nt_students_load (f->store, id, NULL);
  g_assert_cmpstr (stored->full_name, ==, "Lò Thị Mỷ");
  g_assert_cmpstr (stored->gender, ==, "F");
  g_assert_cmpstr (stored->birth_date, ==, "2011-08-15");
  g_assert_cmpstr (stored->guardian_phone, ==, "0912345678");
  g_assert_cmpstr (stored->boarding, ==, "boarding");

  type_search (page, "lo thi my");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (nt_students_page_get_list (page))), ==, 1);
}

static void
test_invalid_form (Fixture       *f,
                   gconstpointer  data)
{
  NtStudentsPage *page = students_page (f);
  g_autoptr(NtStudentEditor) editor = NULL;
  gint64 before = nt_store_count (f->store, "SELECT count(*) FROM students");

  editor = g_object_ref (NT_STUDENT_EDITOR (nt_students_page_open_editor (page, NULL)));
  set_entry (editor, "code", "T0001");              /* taken */
  set_entry (editor, "full-name", "");
  set_choice (editor, "gender", 0);
  set_entry (editor, "birth-date", "31/02/2010");   /* does not exist */
  set_choice (editor, "class-name", 0);
  set_entry (editor, "guardian-phone", "12345");

  g_assert_false (nt_student_editor_save (editor));
  g_assert_nonnull (nt_student_editor_get_error (editor, "code"));
  g_assert_nonnull (nt_student_editor_get_error (editor, "full-name"));
  g_assert_nonnull (nt_student_editor_get_error (editor, "birth-date"));
  g_assert_nonnull (strstr (nt_student_editor_get_error (editor, "birth-date"), "31/02/2010"));
  g_assert_nonnull (nt_student_editor_get_error (editor, "guardian-phone"));
  g_assert_null (nt_student_editor_get_error (editor, "gender"));
  g_assert_true (gtk_widget_has_css_class (nt_student_editor_get_row (editor, "full-name"), "error"));
  g_assert_cmpint (nt_store_count (f->store, "SELECT count(*) FROM students"), ==, before);
  /* The messages are in Vietnamese. */
  g_assert_nonnull (strstr (nt_student_editor_get_error (editor, "full-name"), "Họ và tên"));
  /* A field corrected loses its red at once; the others keep theirs. */
  set_entry (editor, "birth-date", "15/03/2010");
  g_assert_null (nt_student_editor_get_error (editor, "birth-date"));
  g_assert_false (gtk_widget_has_css_class (nt_student_editor_get_row (editor, "birth-date"), "error"));
  g_assert_nonnull (nt_student_editor_get_error (editor, "full-name"));
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_mark_left (Fixture       *f,
                gconstpointer  data)
{
  NtStudentsPage *page = students_page (f);
  GListModel *model = G_LIST_MODEL (nt_students_page_get_list (page));
  gint64 id = nt_students_find_by_code (f->store, "T0001");
  guint before = g_list_model_get_n_items (model);
  NtStudentDetails *details;
  g_autoptr(GError) error = NULL;

  details = NT_STUDENT_DETAILS (nt_students_page_open_details (page, id));
  g_assert_nonnull (details);
  g_assert_cmpstr (nt_student_details_get_value (details, "full-name"), ==, "Nguyễn Văn An");

  g_assert_true (nt_student_details_mark_left (details, "20/11/2026", "Chuyển trường", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, before - 1);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_assert_cmpint (nt_student_list_get_id (NT_STUDENT_LIST (model), i), !=, id);
  g_assert_nonnull (strstr (nt_student_details_get_value (details, "status"), "20/11/2026"));
  g_assert_cmpint (nt_store_count (f->store, "SELECT active FROM students WHERE code = 'T0001'"), ==, 0);
  gtk_window_destroy (GTK_WINDOW (details));
}

static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  NtStudentsPage *page = students_page (f);
  gint64 id = nt_students_find_by_code (f->store, "T0002");
  NtStudentDetails *details = NT_STUDENT_DETAILS (nt_students_page_open_details (page, id));
  g_autoptr(GError) error = NULL;

  AdwToast *toast;

  toast = nt_student_details_delete (details, &error);
  g_assert_no_error (error);
  g_assert_nonnull (toast);
  g_assert_cmpint (nt_students_find_by_code (f->store, "T0002"), ==, 0);

  /* Undo puts the same record back. */
  g_signal_emit_by_name (toast, "button-clicked");
  g_assert_cmpint (nt_students_find_by_code (f->store, "T0002"), ==, id);

  /* A student with history cannot be deleted. */
  nt_store_exec (f->store, "INSERT INTO leaves (student_id, from_time, to_time, reason) "
                 "SELECT id, '2026-11-01 08:00', '2026-11-02 17:00', 'home' FROM students WHERE code = 'T0002'", NULL);
  details = NT_STUDENT_DETAILS (nt_students_page_open_details (page, id));
  g_assert_null (nt_student_details_delete (details, &error));
  g_assert_error (error, NT_ERROR, NT_ERROR_INVALID);
  g_assert_cmpint (nt_students_find_by_code (f->store, "T0002"), ==, id);
  gtk_window_destroy (GTK_WINDOW (details));
  gui_spin (50);
}

static void
test_choose_user (Fixture       *f,
                  gconstpointer  data)
{
  NtUserChooser *chooser = nt_user_chooser_new (f->context);
  /* The principal: a role that may then add a student. */
  g_autoptr(NtStaffMember) first = nt_staff_load (f->store, nt_store_count (f->store, "SELECT min(id) FROM staff "
                                                                                    "WHERE role = 'principal' AND active = 1"), NULL);

  gtk_window_present (GTK_WINDOW (chooser));
  g_assert_null (nt_context_get_user (f->context));
  g_assert_true (nt_user_chooser_choose (chooser, first->code));
  g_assert_nonnull (nt_context_get_user (f->context));
  g_assert_cmpint (nt_store_get_actor (f->store), ==, first->id);

  /* The audit log records that person for the next change. */
  add_named_student (f->store, "T0003", "Vàng A Páo");
  g_assert_cmpint (nt_store_count (f->store,
                                   "SELECT staff_id FROM audit_log WHERE table_name = 'students' "
                                   "ORDER BY id DESC LIMIT 1"), ==, first->id);
}

/* A name typed quickly and Enter, before the search entry's delayed
 * "search-changed": the person typed is chosen, not whoever was first in
 * the list before. */
static void
test_choose_user_quick_enter (Fixture       *f,
                              gconstpointer  data)
{
  NtUserChooser *chooser = nt_user_chooser_new (f->context);
  g_autoptr(NtStaffMember) principal = nt_staff_load (f->store, nt_store_count (f->store, "SELECT min(id) FROM staff "
                                                                                        "WHERE role = 'principal' AND active = 1"), NULL);
  GtkWidget *entry = NULL;
  GtkWidget *list = NULL;
  NtStaffMember *first_listed;
  NtStaffMember *chosen;

  gtk_window_present (GTK_WINDOW (chooser));
  gui_spin (50);
  entry = gui_find_of_type (GTK_WIDGET (chooser), GTK_TYPE_SEARCH_ENTRY);
  list = gui_find_of_type (GTK_WIDGET (chooser), GTK_TYPE_LIST_BOX);
  g_assert_nonnull (entry);
  g_assert_nonnull (list);
  /* The principal is not the first of the whole list, or this proves nothing. */
  first_listed = g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0)), "member");
  g_assert_nonnull (first_listed);
  g_assert_cmpint (first_listed->id, !=, principal->id);

  gtk_editable_set_text (GTK_EDITABLE (entry), principal->full_name);
  g_signal_emit_by_name (entry, "activate");
  chosen = nt_context_get_user (f->context);
  g_assert_nonnull (chosen);
  g_assert_cmpint (chosen->id, ==, principal->id);
}

/* A teacher may not add students: the button is greyed out; the
 * principal's is not. */
static void
test_role_buttons (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(NtStaffMember) teacher = nt_staff_load (f->store, nt_store_count (f->store, "SELECT min(id) FROM staff "
                                                                                      "WHERE role = 'teacher'"), NULL);
  g_autoptr(NtStaffMember) principal = nt_staff_load (f->store, nt_store_count (f->store, "SELECT min(id) FROM staff "
                                                                                        "WHERE role = 'principal'"), NULL);
  GtkWidget *add;

  g_assert_true (nt_context_set_user (f->context, teacher, NULL));
  add = gui_find_action_button (GTK_WIDGET (students_page (f)), "students.add");
  g_assert_nonnull (add);
  gui_spin (20);
  g_assert_false (gtk_widget_get_sensitive (add));
  g_assert_true (nt_context_set_user (f->context, principal, NULL));
  gui_spin (20);
  g_assert_true (gtk_widget_get_sensitive (add));
}

int
main (int   argc,
      char *argv[])
{
  nt_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/window/opens", test_window_opens);
  ADD ("/window/search-narrows", test_search_narrows);
  ADD ("/window/search-anywhere", test_search_anywhere);
  ADD ("/window/search-quick-enter", test_search_quick_enter);
  ADD ("/window/add-student", test_add_student);
  ADD ("/window/invalid-form", test_invalid_form);
  ADD ("/window/mark-left", test_mark_left);
  ADD ("/window/delete-undo", test_delete_and_undo);
  ADD ("/window/choose-user", test_choose_user);
  ADD ("/window/choose-user-quick-enter", test_choose_user_quick_enter);
  ADD ("/window/role-buttons", test_role_buttons);
#undef ADD

  return g_test_run ();
}
