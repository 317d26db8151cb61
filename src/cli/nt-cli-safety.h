/* nt-cli-safety.h: `noitru --db PATH --backup DIR | --restore FILE | --check` */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int nt_cli_backup  (const char *db_path,
                    const char *folder);
int nt_cli_restore (const char *db_path,
                    const char *backup);
int nt_cli_check   (const char *db_path);

G_END_DECLS
