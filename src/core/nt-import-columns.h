/* nt-import-columns.h: which column of a school's spreadsheet holds what
 *
 * Headers are matched in Vietnamese and English, with or without
 * diacritics ("Họ và tên", "Ho ten", "Full name"); the header row is found
 * even under title rows, as the school-management systems export it.
 */
#pragma once

#include "nt-table-reader.h"

G_BEGIN_DECLS

typedef enum
{
  NT_IMPORT_STUDENTS,
  NT_IMPORT_STAFF,
} NtImportKind;

typedef struct
{
  const char *field;        /* property name: "full-name", … */
  const char *title;        /* untranslated (N_) */
  gboolean    required;
} NtImportField;

const NtImportField *nt_import_fields        (NtImportKind   kind,
                                              guint         *n_fields);
const NtImportField *nt_import_field_find    (NtImportKind   kind,
                                              const char    *field);
const char          *nt_import_match_header  (NtImportKind   kind,
                                              const char    *header);
guint                nt_import_find_header_row (NtImportKind kind,
                                              NtTable       *table,
                                              GHashTable    *mapping);

G_END_DECLS
