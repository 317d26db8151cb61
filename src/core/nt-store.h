/* nt-store.h: the one SQLite database of a school */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define NT_TYPE_STORE (nt_store_get_type ())

G_DECLARE_FINAL_TYPE (NtStore, nt_store, NT, STORE, GObject)

typedef enum
{
  NT_STORE_OPEN_EXISTING = 0,
  NT_STORE_OPEN_CREATE   = 1 << 0,  /* create the file when it is missing */
  NT_STORE_OPEN_NEW      = 1 << 1,  /* the file must not exist yet */
  NT_STORE_OPEN_VERIFY_LATER = 1 << 2, /* run the full check with nt_store_verify_async() */
} NtStoreOpenFlags;

NtStore      *nt_store_open               (const char        *path,
                                           NtStoreOpenFlags   flags,
                                           GError           **error);
const char   *nt_store_get_path           (NtStore           *self);
sqlite3      *nt_store_get_db             (NtStore           *self);
int           nt_store_get_schema_version (NtStore           *self);
int           nt_store_latest_schema_version (void);

sqlite3_stmt *nt_store_prepare            (NtStore           *self,
                                           const char        *sql,
                                           GError           **error);
gboolean      nt_store_exec               (NtStore           *self,
                                           const char        *sql,
                                           GError           **error);
gboolean      nt_store_begin              (NtStore           *self,
                                           GError           **error);
gboolean      nt_store_commit             (NtStore           *self,
                                           GError           **error);
void          nt_store_rollback           (NtStore           *self);
gboolean      nt_store_step_done          (NtStore           *self,
                                           sqlite3_stmt      *stmt,
                                           GError           **error);
void          nt_store_set_error          (NtStore           *self,
                                           GError           **error,
                                           const char        *what);
gint64        nt_store_count              (NtStore           *self,
                                           const char        *sql);
sqlite3_stmt *nt_store_row_for_id         (NtStore           *self,
                                           const char        *sql,
                                           gint64             id,
                                           const char        *not_found,
                                           GError           **error);

gint64        nt_store_get_actor          (NtStore           *self);
gboolean      nt_store_set_actor          (NtStore           *self,
                                           gint64             staff_id,
                                           GError           **error);
void          nt_store_emit_changed       (NtStore           *self,
                                           const char        *table);
void          nt_store_verify_async       (NtStore             *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean      nt_store_verify_finish      (NtStore           *self,
                                           GAsyncResult      *result,
                                           GError           **error);
gboolean      nt_store_is_verified        (NtStore           *self);

G_END_DECLS
