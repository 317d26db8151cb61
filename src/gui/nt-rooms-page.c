/* nt-rooms-page.c
 *
 * A building's rooms floor by floor, each a tile with its occupied and
 * total beds, so that free places show at a glance.
 */
#define G_LOG_DOMAIN "nt-rooms-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-assign-dialog.h"
#include "nt-context.h"
#include "nt-room-details.h"
#include "nt-room-editor.h"
#include "nt-rooms-page.h"
#include "nt-rooms.h"

struct _NtRoomsPage
{
  AdwBin          parent_instance;

  NtContext      *context;
  GListStore     *buildings;
  GHashTable     *tiles;          /* room number → tile */

  GtkDropDown    *building_dropdown;
  GtkCheckButton *free_only;
  GtkLabel       *summary_label;
  GtkBox         *floors_box;
};

G_DEFINE_FINAL_TYPE (NtRoomsPage, nt_rooms_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* ----- tiles ------------------------------------------------------------ */

static NtBuilding *
selected_building (NtRoomsPage *self)
{
  guint pos = gtk_drop_down_get_selected (self->building_dropdown);

  if (self->buildings == NULL || pos == GTK_INVALID_LIST_POSITION ||
      pos >= g_list_model_get_n_items (G_LIST_MODEL (self->buildings)))
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->buildings), pos);
}

static void
on_tile_clicked (GtkButton   *tile,
                 NtRoomsPage *self)
{
  NtRoom *room = g_object_get_data (G_OBJECT (tile), "room");

  nt_rooms_page_open_room (self, room->id);
}

static GtkWidget *
make_tile (NtRoomsPage *self,
           NtRoom      *room)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *number = gtk_label_new (room->number);
  GtkWidget *level = gtk_level_bar_new_for_interval (0, MAX (room->total, 1));
  g_autofree char *count = g_strdup_printf (_("%d/%d beds"), room->occupied, room->total);
  GtkWidget *count_label = gtk_label_new (count);
  const char *kind = g_strcmp0 (room->kind, "dorm") == 0 ? nt_room_gender_label (room->gender)
                                                         : nt_room_kind_label (room->kind);
  GtkWidget *kind_label = gtk_label_new (kind);
  g_autofree char *tooltip = NULL;

  gtk_widget_add_css_class (number, "nt-room-number");
  gtk_widget_add_css_class (kind_label, "caption");
  gtk_widget_add_css_class (kind_label, "dim-label");
  gtk_level_bar_set_value (GTK_LEVEL_BAR (level), room->occupied);
  gtk_level_bar_set_mode (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_MODE_DISCRETE);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), count_label);
  gtk_box_append (GTK_BOX (box), level);
  gtk_box_append (GTK_BOX (box), kind_label);
  gtk_button_set_child (GTK_BUTTON (button), box);

  gtk_widget_add_css_class (button, "card");
  gtk_widget_add_css_class (button, "nt-room-tile");
  if (!room->active)
    gtk_widget_add_css_class (button, "nt-room-inactive");
  else if (room->total > 0 && room->occupied >= room->total)
    gtk_widget_add_css_class (button, "nt-room-full");
  else if (g_strcmp0 (room->kind, "dorm") == 0)
    gtk_widget_add_css_class (button, "nt-room-free");

  tooltip = g_strdup_printf (_("Room %s: %d of %d beds taken. Click to see its beds and students."),
                             room->number, room->occupied, room->total);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_name (button, room->number);
  g_object_set_data_full (G_OBJECT (button), "room", g_object_ref (room), g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (on_tile_clicked), self);
  g_hash_table_insert (self->tiles, g_strdup (room->number), button);
  return button;
}

static void
clear_floors (NtRoomsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->floors_box))) != NULL)
    gtk_box_remove (self->floors_box, child);
  g_hash_table_remove_all (self->tiles);
}

static void
rebuild (NtRoomsPage *self)
{
  g_autoptr(NtBuilding) building = selected_building (self);
  g_autoptr(GListStore) rooms = NULL;
  g_autofree char *summary = NULL;
  gboolean free_only = gtk_check_button_get_active (self->free_only);
  GtkWidget *flow = NULL;
  int floor = -1;
  guint shown = 0;

  clear_floors (self);
  if (building == NULL)
    {
      GtkWidget *status = adw_status_page_new ();
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "go-home-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No dorm buildings yet"));
      gtk_box_append (self->floors_box, status);
      gtk_label_set_text (self->summary_label, "");
      return;
    }

  rooms = nt_rooms_list_rooms (nt_context_get_store (self->context), building->id, FALSE, NULL);
  for (guint i = 0; rooms && i < g_list_model_get_n_items (G_LIST_MODEL (rooms)); i++)
    {
      g_autoptr(NtRoom) room = g_list_model_get_item (G_LIST_MODEL (rooms), i);

      if (free_only && (!room->active || g_strcmp0 (room->kind, "dorm") != 0 || room->occupied >= room->total))
        continue;
      if (room->floor != floor)
        {
          g_autofree char *title = g_strdup_printf (_("Floor %d"), room->floor);
          GtkWidget *label = gtk_label_new (title);

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_widget_add_css_class (label, "heading");
          gtk_widget_set_margin_top (label, 8);
          gtk_box_append (self->floors_box, label);

          flow = gtk_flow_box_new ();
          gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
          gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
          gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 4);
          gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 12);
          gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 8);
          gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 8);
          gtk_box_append (self->floors_box, flow);
          floor = room->floor;
        }
      gtk_flow_box_append (GTK_FLOW_BOX (flow), make_tile (self, room));
      shown++;
    }

  if (shown == 0)
    {
      GtkWidget *status = adw_status_page_new ();
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "object-select-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status),
                                 free_only ? _("Every room is full") : _("This building has no rooms yet"));
      gtk_box_append (self->floors_box, status);
    }

  summary = g_strdup_printf (_("%s: %d of %d beds taken, %d free"), building->name, building->occupied,
                             building->total, building->total - building->occupied);
  gtk_label_set_text (self->summary_label, summary);
}

static char *
building_label (NtBuilding *b)
{
  return g_strdup_printf ("%s (%s)", b->name, nt_room_gender_label (b->gender));
}

static void
reload_buildings (NtRoomsPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint keep = gtk_drop_down_get_selected (self->building_dropdown);

  g_clear_object (&self->buildings);
  self->buildings = nt_rooms_list_buildings (nt_context_get_store (self->context), TRUE, NULL);
  for (guint i = 0; self->buildings && i < g_list_model_get_n_items (G_LIST_MODEL (self->buildings)); i++)
    {
      g_autoptr(NtBuilding) b = g_list_model_get_item (G_LIST_MODEL (self->buildings), i);
      g_autofree char *label = building_label (b);
      gtk_string_list_append (labels, label);
    }

  g_signal_handlers_block_matched (self->building_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_drop_down_set_model (self->building_dropdown, G_LIST_MODEL (labels));
  if (keep != GTK_INVALID_LIST_POSITION && keep < g_list_model_get_n_items (G_LIST_MODEL (labels)))
    gtk_drop_down_set_selected (self->building_dropdown, keep);
  g_signal_handlers_unblock_matched (self->building_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  rebuild (self);
}

static void
on_building_changed (GtkDropDown *dropdown,
                     GParamSpec  *pspec,
                     NtRoomsPage *self)
{
  rebuild (self);
}

/* "rooms.view": "free" (the Overview's card of the free beds) shows only
 * the rooms with a free bed. */
static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  if (g_str_equal (g_variant_get_string (parameter, NULL), "free"))
    nt_rooms_page_set_free_only (NT_ROOMS_PAGE (widget), TRUE);
}

static void
on_free_only_toggled (GtkCheckButton *button,
                      NtRoomsPage    *self)
{
  rebuild (self);
}

static void
on_store_changed (NtStore     *store,
                  const char  *table,
                  NtRoomsPage *self)
{
  if (g_str_equal (table, "bed_assignments") || g_str_equal (table, "rooms") ||
      g_str_equal (table, "beds") || g_str_equal (table, "buildings") || g_str_equal (table, "students"))
    reload_buildings (self);
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  NtRoomsPage *self = NT_ROOMS_PAGE (widget);
  NtAssignDialog *dialog = nt_assign_dialog_new (self->context);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
present_editor (NtRoomsPage  *self,
                NtRoomEditor *editor)
{
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  NtRoomsPage *self = NT_ROOMS_PAGE (widget);
  g_autoptr(NtBuilding) building = selected_building (self);

  if (g_str_equal (action_name, "rooms.add-building"))
    present_editor (self, nt_room_editor_new_building (self->context, 0));
  else if (building != NULL && g_str_equal (action_name, "rooms.edit-building"))
    present_editor (self, nt_room_editor_new_building (self->context, building->id));
  else if (building != NULL && g_str_equal (action_name, "rooms.add-room"))
    present_editor (self, nt_room_editor_new_room (self->context, building->id, 0));
}

/* ----- public ----------------------------------------------------------- */

GtkWindow *
nt_rooms_page_open_room (NtRoomsPage *self,
                         gint64       room_id)
{
  NtRoomDetails *details;

  g_return_val_if_fail (NT_IS_ROOMS_PAGE (self), NULL);

  details = nt_room_details_new (self->context, room_id);
  if (details == NULL)
    return NULL;
  gtk_window_set_transient_for (GTK_WINDOW (details), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (details));
  return GTK_WINDOW (details);
}

guint
nt_rooms_page_get_n_tiles (NtRoomsPage *self)
{
  g_return_val_if_fail (NT_IS_ROOMS_PAGE (self), 0);
  return g_hash_table_size (self->tiles);
}

GtkWidget *
nt_rooms_page_find_tile (NtRoomsPage *self,
                         const char  *room_number)
{
  g_return_val_if_fail (NT_IS_ROOMS_PAGE (self), NULL);
  return g_hash_table_lookup (self->tiles, room_number);
}

void
nt_rooms_page_select_building (NtRoomsPage *self,
                               guint        position)
{
  g_return_if_fail (NT_IS_ROOMS_PAGE (self));
  gtk_drop_down_set_selected (self->building_dropdown, position);
}

void
nt_rooms_page_set_free_only (NtRoomsPage *self,
                             gboolean     free_only)
{
  g_return_if_fail (NT_IS_ROOMS_PAGE (self));
  gtk_check_button_set_active (self->free_only, free_only);
}

/* ----- GObject ---------------------------------------------------------- */

static void
nt_rooms_page_constructed (GObject *object)
{
  NtRoomsPage *self = NT_ROOMS_PAGE (object);

  G_OBJECT_CLASS (nt_rooms_page_parent_class)->constructed (object);

  g_signal_connect_object (nt_context_get_store (self->context), "changed",
                           G_CALLBACK (on_store_changed), self, 0);
  reload_buildings (self);
}

static void
nt_rooms_page_dispose (GObject *object)
{
  NtRoomsPage *self = NT_ROOMS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NT_TYPE_ROOMS_PAGE);
  g_clear_pointer (&self->tiles, g_hash_table_unref);
  g_clear_object (&self->buildings);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (nt_rooms_page_parent_class)->dispose (object);
}

static void
nt_rooms_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      NT_ROOMS_PAGE (object)->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nt_rooms_page_class_init (NtRoomsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nt_rooms_page_constructed;
  object_class->dispose = nt_rooms_page_dispose;
  object_class->set_property = nt_rooms_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, NT_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/edu/noitru/nt-rooms-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NtRoomsPage, building_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NtRoomsPage, free_only);
  gtk_widget_class_bind_template_child (widget_class, NtRoomsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, NtRoomsPage, floors_box);
  gtk_widget_class_bind_template_callback (widget_class, on_building_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_free_only_toggled);
  gtk_widget_class_install_action (widget_class, "rooms.assign", NULL, assign_action);
  gtk_widget_class_install_action (widget_class, "rooms.view", "s", view_action);
  gtk_widget_class_install_action (widget_class, "rooms.add-building", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "rooms.edit-building", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "rooms.add-room", NULL, edit_action);
}

static void
nt_rooms_page_init (NtRoomsPage *self)
{
  self->tiles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}
