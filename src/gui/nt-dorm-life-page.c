/* nt-dorm-life-page.c
 *
 * One sidebar section, "Dorm life", with the three books a supervisor or
 * the principal keeps besides the nightly ones, as tabs: the room
 * competition, the dialogues, the confidential box. Three more sidebar
 * rows would push the list past the height of a 1366×768 screen, and
 * these books are opened a few times a week, not every hour; the gate,
 * kept all day by the guard, has its own section.
 */
#define G_LOG_DOMAIN "nt-dorm-life-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nt-confidential-page.h"
#include "nt-dialogues-page.h"
#include "nt-dorm-life-page.h"
#include "nt-inspections-page.h"

struct _NtDormLifePage
{
  AdwBin        parent_instance;

  NtContext    *context;
  AdwViewStack *stack;
};

G_DEFINE_FINAL_TYPE (NtDormLifePage, nt_dorm_life_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

GtkWidget *
nt_dorm_life_page_get_tab (NtDormLifePage *self,
                           const char     *name)
{
  g_return_val_if_fail (NT_IS_DORM_LIFE_PAGE (self), NULL);
  return adw_view_stack_get_child_by_name (self->stack, name);
}

void
nt_dorm_life_page_show_tab (NtDormLifePage *self,
                            const char     *name)
{
  g_return_if_fail (NT_IS_DORM_LIFE_PAGE (self));
  adw_view_stack_set_visible_child_name (self->stack, name);
}

/* Ctrl+N from the window: the visible tab's own "add". */
static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  NtDormLifePage *self = NT_DORM_LIFE_PAGE (widget);
  const char *tab = adw_view_stack_get_visible_child_name (self->stack);
  g_autofree char *target = g_strdup_printf ("%s.add", tab);

  gtk_widget_activate_action (adw_view_stack_get_visible_child (self->stack), target, NULL);
}

static void
nt_dorm_life_page_constructed (GObject *object)
{
  NtDormLifePage *self = NT_DORM_LIFE_PAGE (object);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *switcher = adw_view_switcher_new ();
  AdwViewStackPage *page;

  G_OBJECT_CLASS (nt_dorm_life_page_parent_class)->constructed (object);

  self->stack = ADW_VIEW_STACK (adw_view_stack_new ());
  page = adw_view_stack_add_titled (self->stack, nt_inspections_page_new (self->context), "inspections",
                                    /* TRANSLATORS: a tab of Dorm life (Thi đua phòng) */
                                    _("Room competition"));
  adw_view_stack_page_set_icon_name (page, "starred-symbolic");
  page = adw_view_stack_add_titled (self->stack, nt_dialogues_page_new (self->context), "dialogues",
                                    /* TRANSLATORS: a tab of Dorm life (Đối thoại) */
                                    _("Dialogues"));
  adw_view_stack_page_set_icon_name (page, "chat-message-new-symbolic");
  page = adw_view_stack_add_titled (self->stack, nt_confidential_page_new (self->context), "confidential",
                                    /* TRANSLATORS: a tab of Dorm life (Hộp thư góp ý) */
                                    _("Confidential box"));
  adw_view_stack_page_set_icon_name (page, "mail-unread-symbolic");

  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), self->stack);
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (switcher, 6);
  gtk_box_append (GTK_BOX (box), switcher);
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_bin_set_child (ADW_BIN (self), box);
}

static void
nt_dorm_life_page_dispose (GObject *object)
{
  NtDormLifePage *self = NT_DORM_LIFE_PAGE (object);

  g_clear_object (&self->context);
  G_OBJECT_CLASS (nt_dorm_life_page_parent_class)->dispose (object);
}

static void
nt_dorm_life_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      NT_DORM_LIFE_PAGE (object)->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nt_dorm_life_page_class_init (NtDormLifePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nt_dorm_life_page_constructed;
  object_class->dispose = nt_dorm_life_page_dispose;
  object_class->set_property = nt_dorm_life_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, NT_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "dorm-life.add", NULL, add_action);
}

static void
nt_dorm_life_page_init (NtDormLifePage *self)
{
}
