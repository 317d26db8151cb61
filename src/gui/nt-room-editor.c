/* nt-room-editor.c
 *
 * One form for both a building and a room: the fields come from a table,
 * each a text, a number or a choice. The core checks the values and says
 * what is wrong; the form shows it and stays open.
 */
#define G_LOG_DOMAIN "nt-room-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "nt-room-editor.h"
#include "nt-rooms.h"

typedef enum { KIND_TEXT, KIND_NUMBER, KIND_GENDER, KIND_ROOM_KIND } FieldKind;

typedef struct
{
  const char *name;
  const char *title;
  FieldKind   kind;
} Field;

static const Field building_fields[] = {
  { "name", N_("Name (Nhà A, Khu nữ…)"), KIND_TEXT },
  { "gender", N_("For"), KIND_GENDER },
  { "floors", N_("Floors"), KIND_NUMBER },
  { "assembly-point", N_("Assembly point in an emergency"), KIND_TEXT },
  { "notes", N_("Notes"), KIND_TEXT },
};

static const Field room_fields[] = {
  { "number", N_("Room number (A101…)"), KIND_TEXT },
  { "floor", N_("Floor"), KIND_NUMBER },
  { "capacity", N_("Beds"), KIND_NUMBER },
  { "gender", N_("For"), KIND_GENDER },
  { "kind", N_("Kind of room"), KIND_ROOM_KIND },
  { "notes", N_("Notes"), KIND_TEXT },
};

static const char * const gender_values[] = { "M", "F", "X", NULL };
static const char * const kind_values[] = { "dorm", "infirmary", "staff", NULL };

struct _NtRoomEditor
{
  AdwWindow            parent_instance;

  NtContext           *context;
  gboolean             is_room;
  gint64               building_id;
  gint64               id;            /* 0 when adding */
  GHashTable          *widgets;       /* field name → row */

  AdwWindowTitle      *title;
  GtkLabel            *error_label;
  AdwPreferencesGroup *group;
};

G_DEFINE_FINAL_TYPE (NtRoomEditor, nt_room_editor, ADW_TYPE_WINDOW)

static const Field *
fields_of (NtRoomEditor *self,
           guint        *n)
{
  *n = self->is_room ? G_N_ELEMENTS (room_fields) : G_N_ELEMENTS (building_fields);
  return self->is_room ? room_fields : building_fields;
}

static const char * const *
choice_values (FieldKind kind)
{
  return kind == KIND_GENDER ? gender_values : kind_values;
}

static const char *
choice_label (FieldKind   kind,
              const char *value)
{
  return kind == KIND_GENDER ? nt_room_gender_label (value) : nt_room_kind_label (value);
}

static void
build_rows (NtRoomEditor *self)
{
  guint n;
  const Field *fields = fields_of (self, &n);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row;

      if (fields[i].kind == KIND_GENDER || fields[i].kind == KIND_ROOM_KIND)
        {
          g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
          const char * const *values = choice_values (fields[i].kind);

          for (guint v = 0; values[v]; v++)
            gtk_string_list_append (labels, choice_label (fields[i].kind, values[v]));
          row = adw_combo_row_new ();
          adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
        }
      else
        {
          row = adw_entry_row_new ();
          if (fields[i].kind == KIND_NUMBER)
            adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_DIGITS);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(fields[i].title));
      adw_preferences_group_add (self->group, row);
      g_hash_table_insert (self->widgets, (gpointer) fields[i].name, row);
    }
}

/**
 * nt_room_editor_set_text:
 *
 * Fills a field as a person would: the text of an entry, or the value
 * ("M", "dorm") of a choice.
 */
void
nt_room_editor_set_text (NtRoomEditor *self,
                         const char   *field,
                         const char   *value)
{
  GtkWidget *row;

  g_return_if_fail (NT_IS_ROOM_EDITOR (self));

  row = g_hash_table_lookup (self->widgets, field);
  g_return_if_fail (row != NULL);

  if (ADW_IS_COMBO_ROW (row))
    {
      const char * const *values = g_str_equal (field, "gender") ? gender_values : kind_values;

      for (guint v = 0; values[v]; v++)
        if (g_strcmp0 (values[v], value) == 0)
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), v);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
}

static const char *
text_of (NtRoomEditor *self,
         const char   *field)
{
  GtkWidget *row = g_hash_table_lookup (self->widgets, field);

  if (ADW_IS_COMBO_ROW (row))
    {
      const char * const *values = g_str_equal (field, "gender") ? gender_values : kind_values;
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));
      return selected < g_strv_length ((char **) values) ? values[selected] : NULL;
    }
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static int
number_of (NtRoomEditor *self,
           const char   *field)
{
  const char *text = text_of (self, field);
  char *end = NULL;
  long value = strtol (text, &end, 10);

  /* Not a number: the core refuses the value with its own message. */
  return end == text || *end != '\0' ? -1 : (int) value;
}

/**
 * nt_room_editor_save:
 *
 * Returns: whether the building or room was saved (the window closes)
 */
gboolean
nt_room_editor_save (NtRoomEditor  *self,
                     GError       **error)
{
  NtStore *store;
  gboolean ok;

  g_return_val_if_fail (NT_IS_ROOM_EDITOR (self), FALSE);

  store = nt_context_get_store (self->context);
  if (self->is_room)
    {
      NtRoomInput in = {
        self->building_id, number_of (self, "floor"), text_of (self, "number"), number_of (self, "capacity"),
        text_of (self, "gender"), text_of (self, "kind"), text_of (self, "notes"),
      };
      ok = self->id > 0 ? nt_rooms_edit_room (store, self->id, &in, error)
                        : nt_rooms_add_room (store, &in, error) > 0;
    }
  else
    {
      NtBuildingInput in = {
        text_of (self, "name"), text_of (self, "gender"), number_of (self, "floors"),
        text_of (self, "assembly-point"), text_of (self, "notes"),
      };
      ok = self->id > 0 ? nt_rooms_edit_building (store, self->id, &in, error)
                        : nt_rooms_add_building (store, &in, error) > 0;
    }

  if (!ok)
    {
      gtk_label_set_text (self->error_label, error && *error ? (*error)->message : "");
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  g_autoptr(GError) error = NULL;
  nt_room_editor_save (NT_ROOM_EDITOR (widget), &error);
}

static void
nt_room_editor_dispose (GObject *object)
{
  NtRoomEditor *self = NT_ROOM_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NT_TYPE_ROOM_EDITOR);
  g_clear_pointer (&self->widgets, g_hash_table_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (nt_room_editor_parent_class)->dispose (object);
}

static void
nt_room_editor_class_init (NtRoomEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nt_room_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/edu/noitru/nt-room-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, NtRoomEditor, title);
  gtk_widget_class_bind_template_child (widget_class, NtRoomEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, NtRoomEditor, group);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nt_room_editor_init (NtRoomEditor *self)
{
  self->widgets = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_widget_init_template (GTK_WIDGET (self));
}

static NtRoomEditor *
editor_new (NtContext *context,
            gboolean   is_room)
{
  NtRoomEditor *self = g_object_new (NT_TYPE_ROOM_EDITOR, NULL);

  self->context = g_object_ref (context);
  self->is_room = is_room;
  build_rows (self);
  return self;
}

/**
 * nt_room_editor_new_building:
 * @building_id: the building to edit, or 0 to add one
 */
NtRoomEditor *
nt_room_editor_new_building (NtContext *context,
                             gint64     building_id)
{
  NtRoomEditor *self;
  g_autoptr(GListStore) buildings = NULL;

  g_return_val_if_fail (NT_IS_CONTEXT (context), NULL);

  self = editor_new (context, FALSE);
  self->id = building_id;
  nt_room_editor_set_text (self, "gender", "M");
  nt_room_editor_set_text (self, "floors", "3");

  buildings = nt_rooms_list_buildings (nt_context_get_store (context), FALSE, NULL);
  for (guint i = 0; building_id > 0 && buildings && i < g_list_model_get_n_items (G_LIST_MODEL (buildings)); i++)
    {
      g_autoptr(NtBuilding) b = g_list_model_get_item (G_LIST_MODEL (buildings), i);
      g_autofree char *floors = g_strdup_printf ("%d", b->floors);

      if (b->id != building_id)
        continue;
      nt_room_editor_set_text (self, "name", b->name);
      nt_room_editor_set_text (self, "gender", b->gender);
      nt_room_editor_set_text (self, "floors", floors);
      nt_room_editor_set_text (self, "assembly-point", b->assembly_point);
      nt_room_editor_set_text (self, "notes", b->notes);
    }
  adw_window_title_set_title (self->title, building_id > 0 ? _("Edit the building") : _("New building"));
  return self;
}

/**
 * nt_room_editor_new_room:
 * @room_id: the room to edit, or 0 to add one to @building_id
 */
NtRoomEditor *
nt_room_editor_new_room (NtContext *context,
                         gint64     building_id,
                         gint64     room_id)
{
  NtRoomEditor *self;
  g_autoptr(NtRoom) room = NULL;

  g_return_val_if_fail (NT_IS_CONTEXT (context), NULL);

  self = editor_new (context, TRUE);
  self->building_id = building_id;
  self->id = room_id;
  nt_room_editor_set_text (self, "floor", "1");
  nt_room_editor_set_text (self, "capacity", "6");
  nt_room_editor_set_text (self, "gender", "M");
  nt_room_editor_set_text (self, "kind", "dorm");

  if (room_id > 0)
    room = nt_rooms_load_room (nt_context_get_store (context), room_id, NULL);
  if (room != NULL)
    {
      g_autofree char *floor = g_strdup_printf ("%d", room->floor);
      g_autofree char *capacity = g_strdup_printf ("%d", room->total);

      self->building_id = room->building_id;
      nt_room_editor_set_text (self, "number", room->number);
      nt_room_editor_set_text (self, "floor", floor);
      nt_room_editor_set_text (self, "capacity", capacity);
      nt_room_editor_set_text (self, "gender", room->gender);
      nt_room_editor_set_text (self, "kind", room->kind);
      nt_room_editor_set_text (self, "notes", room->notes);
    }
  adw_window_title_set_title (self->title, room_id > 0 ? _("Edit the room") : _("New room"));
  return self;
}
