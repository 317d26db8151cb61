/* nt-audit.h: reading the audit trail (who changed what, when) */
#pragma once

#include <gio/gio.h>

#include "nt-store.h"

G_BEGIN_DECLS

#define NT_TYPE_AUDIT_ENTRY (nt_audit_entry_get_type ())

G_DECLARE_FINAL_TYPE (NtAuditEntry, nt_audit_entry, NT, AUDIT_ENTRY, GObject)

struct _NtAuditEntry
{
  GObject  parent_instance;
  gint64   id;
  char    *at;            /* "YYYY-MM-DD HH:MM:SS", local time */
  gint64   staff_id;      /* 0: the program itself (import, demo, command line) */
  char    *staff_name;    /* "" when staff_id is 0 */
  char    *table_name;
  gint64   row_id;
  char    *action;        /* "insert", "update", "delete" */
  char    *changes;       /* field \x1f before \x1f after, records split by \x1e */
  char    *values;        /* the whole record after the change (before a
                           * deletion): field \x1f value, split by \x1e */
};

typedef struct
{
  const char *from_date;  /* ISO day, or NULL */
  const char *to_date;    /* ISO day (included), or NULL */
  const char *table_name; /* or NULL for every table */
  gint64      staff_id;   /* 0 for everybody, -1 for the program itself */
  guint       limit;      /* 0: 500 */
} NtAuditFilter;

GListStore  *nt_audit_list           (NtStore             *store,
                                      const NtAuditFilter *filter,
                                      GError             **error);
char        *nt_audit_describe       (NtStore             *store,
                                      NtAuditEntry        *entry);
char        *nt_audit_record_name    (NtStore             *store,
                                      NtAuditEntry        *entry);
const char  *nt_audit_table_label    (const char          *table_name);
const char  *nt_audit_action_label   (const char          *action);
const char  *nt_audit_field_label    (const char          *field);
const char  *nt_audit_column_label   (const char          *table_name,
                                      const char          *column);
GStrv        nt_audit_tables         (NtStore             *store);

G_END_DECLS
