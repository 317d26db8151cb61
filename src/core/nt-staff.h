/* nt-staff.h: the staff of the school */
#pragma once

#include <gio/gio.h>

#include "nt-store.h"

G_BEGIN_DECLS

#define NT_TYPE_STAFF_MEMBER (nt_staff_member_get_type ())

G_DECLARE_FINAL_TYPE (NtStaffMember, nt_staff_member, NT, STAFF_MEMBER, GObject)

struct _NtStaffMember
{
  GObject   parent_instance;
  gint64    id;
  gboolean  active;
  char     *code;
  char     *full_name;
  char     *gender;
  char     *role;
  char     *phone;
};

typedef struct
{
  const char *code;
  const char *full_name;
  const char *gender;
  const char *role;
  const char *phone;
} NtStaffInput;

GListStore *nt_staff_list          (NtStore            *store,
                                    gboolean            active_only,
                                    GError            **error);
NtStaffMember *nt_staff_load       (NtStore            *store,
                                    gint64              id,
                                    GError            **error);
gint64      nt_staff_add           (NtStore            *store,
                                    const NtStaffInput *input,
                                    GError            **error);
const char *nt_staff_role_label    (const char         *role);
const char * const *nt_staff_roles (void);

G_END_DECLS
