/* nt-student-editor.c
 *
 * The rows are made from a table of fields; each row shows its own error
 * beside it, in the words of nt_students_validate().
 */
#define G_LOG_DOMAIN "nt-student-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-date.h"
#include "nt-resources.h"
#include "nt-school.h"
#include "nt-student-editor.h"
#include "nt-student-fields.h"
#include "nt-students.h"

struct _NtStudentEditor
{
  AdwWindow             parent_instance;

  NtContext            *context;
  NtStudent            *student;     /* what is being edited (a copy) */
  GHashTable           *rows;        /* property → row */
  GHashTable           *errors;      /* property → error label */
  GHashTable           *choices;     /* property → GPtrArray of values */
  gint64                saved_id;

  AdwWindowTitle       *title;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_banner;
  AdwPreferencesGroup  *identity_group;
  AdwPreferencesGroup  *family_group;
  AdwPreferencesGroup  *other_group;
};

G_DEFINE_FINAL_TYPE (NtStudentEditor, nt_student_editor, ADW_TYPE_WINDOW)

/* ----- choices ---------------------------------------------------------- */

static GPtrArray *
choice_values (NtStudentEditor *self,
               const char      *property,
               GtkStringList   *labels)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  if (g_str_equal (property, "gender"))
    {
      g_ptr_array_add (values, g_strdup ("M"));
      g_ptr_array_add (values, g_strdup ("F"));
      gtk_string_list_append (labels, _("Male"));
      gtk_string_list_append (labels, _("Female"));
    }
  else if (g_str_equal (property, "boarding"))
    {
      static const char * const b[] = { "boarding", "semi", "day" };
      for (guint i = 0; i < G_N_ELEMENTS (b); i++)
        {
          g_ptr_array_add (values, g_strdup (b[i]));
          gtk_string_list_append (labels, nt_boarding_label (b[i]));
        }
    }
  else if (g_str_equal (property, "class-name"))
    {
      g_autoptr(GListStore) classes = nt_classes_list (nt_context_get_store (self->context));

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (classes)); i++)
        {
          g_autoptr(NtClass) c = g_list_model_get_item (G_LIST_MODEL (classes), i);
          g_ptr_array_add (values, g_strdup_printf ("%" G_GINT64_FORMAT, c->id));
          gtk_string_list_append (labels, c->name);
        }
    }
  else if (g_str_equal (property, "ethnicity"))
    {
      g_auto(GStrv) groups = nt_core_lookup_lines ("ethnic-groups.txt");

      g_ptr_array_add (values, g_strdup (""));
      gtk_string_list_append (labels, _("(not given)"));
      for (guint i = 0; groups[i]; i++)
        {
          g_ptr_array_add (values, g_strdup (groups[i]));
          gtk_string_list_append (labels, groups[i]);
        }
    }
  return values;
}

static const char *
choice_value (NtStudentEditor *self,
              const char      *property)
{
  GPtrArray *values = g_hash_table_lookup (self->choices, property);
  guint selected = adw_combo_row_get_selected (g_hash_table_lookup (self->rows, property));

  if (values == NULL || selected >= values->len)
    return NULL;
  return g_ptr_array_index (values, selected);
}

static void
select_choice (NtStudentEditor *self,
               const char      *property,
               const char      *value)
{
  GPtrArray *values = g_hash_table_lookup (self->choices, property);
  AdwComboRow *row = g_hash_table_lookup (self->rows, property);

  for (guint i = 0; i < values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (values, i), value) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  adw_combo_row_set_selected (row, GTK_INVALID_LIST_POSITION);
}

/* ----- rows ------------------------------------------------------------- */

/* A field changed by the person: its error (from the last Save) no longer
 * applies; it is checked again on the next Save. */
static void
clear_field_error (GtkWidget *row)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (row), "error-label");

  if (!gtk_widget_has_css_class (row, "error"))
    return;
  gtk_widget_remove_css_class (row, "error");
  if (ADW_IS_COMBO_ROW (row))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "");
  if (label != NULL)
    gtk_widget_set_visible (label, FALSE);
}

static GtkWidget *
make_row (NtStudentEditor *self,
          const NtStudentField     *field)
{
  GtkWidget *row;
  GtkWidget *error = gtk_label_new (NULL);

  gtk_widget_add_css_class (error, "error");
  gtk_widget_add_css_class (error, "caption");
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (error), 28);
  gtk_label_set_xalign (GTK_LABEL (error), 1);
  gtk_widget_set_visible (error, FALSE);

  if (field->kind == NT_FIELD_CHOICE)
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
      GPtrArray *values = choice_values (self, field->property, labels);

      /* A choice row shows its error as its subtitle, under the title. */
      row = adw_combo_row_new ();
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), GTK_INVALID_LIST_POSITION);
      g_object_ref_sink (error);
      g_object_set_data_full (G_OBJECT (row), "error-label", error, g_object_unref);
      g_hash_table_insert (self->choices, (gpointer) field->property, values);
    }
  else
    {
      row = adw_entry_row_new ();
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), error);
      g_object_set_data (G_OBJECT (row), "error-label", error);
      g_signal_connect (row, "changed", G_CALLBACK (clear_field_error), NULL);
    }
  if (ADW_IS_COMBO_ROW (row))
    g_signal_connect (row, "notify::selected", G_CALLBACK (clear_field_error), NULL);

  {
    g_autofree char *title = nt_student_field_title (field, TRUE);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  }
  gtk_widget_set_name (row, field->property);
  g_hash_table_insert (self->rows, (gpointer) field->property, row);
  g_hash_table_insert (self->errors, (gpointer) field->property, error);
  return row;
}

static void
fill_rows (NtStudentEditor *self)
{
  guint n_fields;
  const NtStudentField *fields = nt_student_fields (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const NtStudentField *f = &fields[i];
      GtkWidget *row = g_hash_table_lookup (self->rows, f->property);
      const char *value = nt_student_get_text (self->student, f->property);

      if (f->kind == NT_FIELD_CHOICE)
        {
          if (g_str_equal (f->property, "class-name"))
            {
              g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, self->student->class_id);
              select_choice (self, f->property, id);
            }
          else
            select_choice (self, f->property, value ? value : "");
        }
      else if (f->kind == NT_FIELD_DATE)
        {
          g_autofree char *display = nt_date_iso_to_display (value);
          gtk_editable_set_text (GTK_EDITABLE (row), display);
        }
      else
        gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
    }
}

static void
show_errors (NtStudentEditor *self,
             GHashTable      *errors)
{
  guint n_fields;
  const NtStudentField *fields = nt_student_fields (&n_fields);
  GtkWidget *first = NULL;

  for (guint i = 0; i < n_fields; i++)
    {
      const char *property = fields[i].property;
      GtkWidget *label = g_hash_table_lookup (self->errors, property);
      GtkWidget *row = g_hash_table_lookup (self->rows, property);
      const char *message = errors ? g_hash_table_lookup (errors, property) : NULL;

      gtk_label_set_text (GTK_LABEL (label), message ? message : "");
      gtk_widget_set_visible (label, message != NULL);
      if (ADW_IS_COMBO_ROW (row))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), message ? message : "");
      if (message)
        {
          gtk_widget_add_css_class (row, "error");
          if (first == NULL)
            first = row;
        }
      else
        gtk_widget_remove_css_class (row, "error");
    }

  if (first != NULL)
    {
      guint n = g_hash_table_size (errors);
      g_autofree char *text = g_strdup_printf (ngettext ("Not saved: %u field needs correcting (shown in red).",
                                                         "Not saved: %u fields need correcting (shown in red).", n), n);
      gtk_label_set_text (self->error_banner, text);
      gtk_widget_grab_focus (first);
    }
  gtk_revealer_set_reveal_child (self->error_revealer, first != NULL);
}

/* ----- saving ----------------------------------------------------------- */

/**
 * nt_student_editor_save:
 *
 * Reads the form, validates and stores it; on error, shows each problem
 * beside its field and stores nothing.
 *
 * Returns: whether the student was saved (the window then closes)
 */
gboolean
nt_student_editor_save (NtStudentEditor *self)
{
  guint n_fields;
  const NtStudentField *fields = nt_student_fields (&n_fields);
  g_autoptr(NtStudent) s = nt_student_copy (self->student);
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date_error = NULL;

  g_return_val_if_fail (NT_IS_STUDENT_EDITOR (self), FALSE);

  for (guint i = 0; i < n_fields; i++)
    {
      const NtStudentField *f = &fields[i];
      GtkWidget *row = g_hash_table_lookup (self->rows, f->property);

      if (f->kind == NT_FIELD_CHOICE && g_str_equal (f->property, "class-name"))
        {
          const char *id = choice_value (self, f->property);
          s->class_id = id ? g_ascii_strtoll (id, NULL, 10) : 0;
        }
      else if (f->kind == NT_FIELD_CHOICE)
        nt_student_set_text (s, f->property, choice_value (self, f->property));
      else if (f->kind == NT_FIELD_DATE)
        {
          const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
          g_autoptr(GError) parse_error = NULL;
          GDate *date = nt_date_parse_display (text, &parse_error);

          if (date != NULL)
            {
              g_autofree char *iso = nt_date_to_iso (date);
              nt_student_set_text (s, f->property, iso);
              g_date_free (date);
            }
          else
            {
              nt_student_set_text (s, f->property, NULL);
              if (text[0] != '\0')
                date_error = g_strdup (parse_error->message);
            }
        }
      else
        nt_student_set_text (s, f->property, gtk_editable_get_text (GTK_EDITABLE (row)));
    }

  if (!nt_students_save (nt_context_get_store (self->context), s, &errors, &error))
    {
      if (errors == NULL)
        errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      if (date_error != NULL)
        g_hash_table_replace (errors, g_strdup ("birth-date"), g_steal_pointer (&date_error));
      if (g_hash_table_size (errors) == 0)
        {
          gtk_label_set_text (self->error_banner, error->message);
          gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
          return FALSE;
        }
      show_errors (self, errors);
      return FALSE;
    }

  self->saved_id = s->id;
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  nt_student_editor_save (NT_STUDENT_EDITOR (widget));
}

/* ----- GObject ---------------------------------------------------------- */

static void
nt_student_editor_dispose (GObject *object)
{
  NtStudentEditor *self = NT_STUDENT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NT_TYPE_STUDENT_EDITOR);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->errors, g_hash_table_unref);
  g_clear_pointer (&self->choices, g_hash_table_unref);
  g_clear_object (&self->student);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (nt_student_editor_parent_class)->dispose (object);
}

static void
nt_student_editor_class_init (NtStudentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nt_student_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/edu/noitru/nt-student-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, NtStudentEditor, title);
  gtk_widget_class_bind_template_child (widget_class, NtStudentEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, NtStudentEditor, error_banner);
  gtk_widget_class_bind_template_child (widget_class, NtStudentEditor, identity_group);
  gtk_widget_class_bind_template_child (widget_class, NtStudentEditor, family_group);
  gtk_widget_class_bind_template_child (widget_class, NtStudentEditor, other_group);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nt_student_editor_init (NtStudentEditor *self)
{
  self->rows = g_hash_table_new (g_str_hash, g_str_equal);
  self->errors = g_hash_table_new (g_str_hash, g_str_equal);
  self->choices = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * nt_student_editor_new:
 * @student: (nullable): the student to edit, or %NULL to add one
 */
NtStudentEditor *
nt_student_editor_new (NtContext *context,
                       NtStudent *student)
{
  guint n_fields;
  const NtStudentField *fields = nt_student_fields (&n_fields);
  NtStudentEditor *self;
  AdwPreferencesGroup *groups[NT_N_GROUPS];

  g_return_val_if_fail (NT_IS_CONTEXT (context), NULL);

  self = g_object_new (NT_TYPE_STUDENT_EDITOR, NULL);
  self->context = g_object_ref (context);
  if (student != NULL)
    self->student = nt_student_copy (student);
  else
    {
      self->student = nt_student_new ();
      nt_student_set_text (self->student, "boarding", "boarding");
    }

  groups[NT_GROUP_IDENTITY] = self->identity_group;
  groups[NT_GROUP_FAMILY] = self->family_group;
  groups[NT_GROUP_OTHER] = self->other_group;
  for (guint i = 0; i < n_fields; i++)
    adw_preferences_group_add (groups[fields[i].group], make_row (self, &fields[i]));

  fill_rows (self);
  adw_window_title_set_title (self->title, student ? _("Edit student") : _("New student"));
  gtk_window_set_title (GTK_WINDOW (self), student ? _("Edit student") : _("New student"));
  adw_window_title_set_subtitle (self->title, student ? student->full_name : NULL);

  /* The first field is where typing starts. */
  gtk_window_set_focus (GTK_WINDOW (self), g_hash_table_lookup (self->rows, fields[0].property));
  return self;
}

GtkWidget *
nt_student_editor_get_row (NtStudentEditor *self,
                           const char      *property)
{
  g_return_val_if_fail (NT_IS_STUDENT_EDITOR (self), NULL);
  return g_hash_table_lookup (self->rows, property);
}

/* The error shown beside a field, or %NULL. */
const char *
nt_student_editor_get_error (NtStudentEditor *self,
                             const char      *property)
{
  GtkWidget *label;

  g_return_val_if_fail (NT_IS_STUDENT_EDITOR (self), NULL);
  label = g_hash_table_lookup (self->errors, property);
  if (label == NULL || !gtk_widget_get_visible (label))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (label));
}

gint64
nt_student_editor_get_saved_id (NtStudentEditor *self)
{
  g_return_val_if_fail (NT_IS_STUDENT_EDITOR (self), 0);
  return self->saved_id;
}
