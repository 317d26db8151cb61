/* nt-bulk.h: writing many rows with the insert triggers done in bulk */
#pragma once

#include "nt-store.h"

G_BEGIN_DECLS

typedef struct _NtBulkTriggers NtBulkTriggers;

NtBulkTriggers *nt_bulk_suspend_insert_triggers (NtStore         *store,
                                                 const char      *table,
                                                 GError         **error);
gboolean        nt_bulk_resume_insert_triggers  (NtStore         *store,
                                                 NtBulkTriggers  *triggers,
                                                 gint64           after_id,
                                                 GError         **error);
void            nt_bulk_triggers_free           (NtBulkTriggers  *triggers);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NtBulkTriggers, nt_bulk_triggers_free)

G_END_DECLS
