/* nt-backup.h: copies of the database, checking them, and restoring one */
#pragma once

#include <gio/gio.h>

#include "nt-progress.h"
#include "nt-store.h"

G_BEGIN_DECLS

/* What a backup file holds, read before anything is replaced. */
typedef struct
{
  char      *path;
  char      *school_name;     /* "" when the file has no school yet */
  char      *school_year;
  int        schema_version;
  GDateTime *modified;        /* the file's time: when the copy was made */
  goffset    size;
  gint64     students;        /* active students */
  gint64     staff;
  gint64     rooms;
  gint64     night_checks;
  gint64     leaves;
  gint64     audit_entries;
} NtBackupInfo;

/* Kept by the automatic rotation. */
#define NT_BACKUP_KEEP_DAILY   14
#define NT_BACKUP_KEEP_MONTHLY 12

char         *nt_backup_file_name     (NtStore              *store,
                                       GDateTime            *when,
                                       gboolean              with_time);
char         *nt_backup_default_dir   (const char           *db_path);
gboolean      nt_backup_copy          (const char           *db_path,
                                       const char           *dest,
                                       NtProgressFunc        progress,
                                       gpointer              progress_data,
                                       GCancellable         *cancellable,
                                       GError              **error);
char         *nt_backup_to_folder     (NtStore              *store,
                                       const char           *folder,
                                       NtProgressFunc        progress,
                                       gpointer              progress_data,
                                       GCancellable         *cancellable,
                                       GError              **error);
void          nt_backup_to_folder_async  (NtStore             *store,
                                          const char          *folder,
                                          NtProgressFunc       progress,
                                          gpointer             progress_data,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
char         *nt_backup_to_folder_finish (NtStore             *store,
                                          GAsyncResult        *result,
                                          GError             **error);
char         *nt_backup_daily         (NtStore              *store,
                                       GDateTime            *now,
                                       GError              **error);
void          nt_backup_daily_async   (NtStore              *store,
                                       GDateTime            *now,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
char         *nt_backup_daily_finish  (NtStore              *store,
                                       GAsyncResult         *result,
                                       GError              **error);
gboolean      nt_backup_rotate        (const char           *dir,
                                       GDateTime            *now,
                                       GError              **error);
GPtrArray    *nt_backup_list          (const char           *dir);

NtBackupInfo *nt_backup_inspect       (const char           *path,
                                       GError              **error);
void          nt_backup_info_free     (NtBackupInfo         *info);
gboolean      nt_backup_restore       (const char           *db_path,
                                       const char           *backup,
                                       gboolean              allow_other_school,
                                       char                **saved_copy,
                                       GError              **error);

guint         nt_backup_check         (const char           *db_path,
                                       GString              *report,
                                       GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NtBackupInfo, nt_backup_info_free)

G_END_DECLS
