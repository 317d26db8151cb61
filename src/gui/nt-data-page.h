/* nt-data-page.h: the "Data" section: PIN, idle lock, backups, audit trail */
#pragma once

#include <adwaita.h>

#include "nt-backup.h"
#include "nt-context.h"

G_BEGIN_DECLS

#define NT_TYPE_DATA_PAGE (nt_data_page_get_type ())

G_DECLARE_FINAL_TYPE (NtDataPage, nt_data_page, NT, DATA_PAGE, GtkBox)

void        nt_data_page_back_up_to       (NtDataPage         *self,
                                           const char         *folder);
const char *nt_data_page_get_last_backup  (NtDataPage         *self);
gboolean    nt_data_page_is_busy          (NtDataPage         *self);
guint       nt_data_page_get_n_backups    (NtDataPage         *self);
char       *nt_data_page_describe_backup  (NtDataPage         *self,
                                           const NtBackupInfo *info);

G_END_DECLS
