/* nt-import-dialog.h: the import wizard: file, columns, check, import */
#pragma once

#include <adwaita.h>

#include "nt-context.h"
#include "nt-import.h"

G_BEGIN_DECLS

#define NT_TYPE_IMPORT_DIALOG (nt_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (NtImportDialog, nt_import_dialog, NT, IMPORT_DIALOG, AdwWindow)

NtImportDialog *nt_import_dialog_new          (NtContext      *context);
void            nt_import_dialog_load_file    (NtImportDialog *self,
                                               NtImportKind    kind,
                                               const char     *path);
void            nt_import_dialog_check        (NtImportDialog *self);
void            nt_import_dialog_commit       (NtImportDialog *self);
const char     *nt_import_dialog_get_step     (NtImportDialog *self);
guint           nt_import_dialog_get_n_problems (NtImportDialog *self);
const char     *nt_import_dialog_get_message  (NtImportDialog *self);

G_END_DECLS
