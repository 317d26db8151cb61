/* nt-cli-import.h: `noitru --db PATH --import-students FILE` */
#pragma once

#include "nt-import.h"

G_BEGIN_DECLS

int nt_cli_import (const char   *db_path,
                   const char   *file,
                   const char   *sheet,
                   NtImportKind  kind);

G_END_DECLS
