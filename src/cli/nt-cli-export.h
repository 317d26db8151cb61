/* nt-cli-export.h: `noitru --list-reports` and `noitru --export REPORT -o FILE`
 * (private to the command line) */
#pragma once

#include <glib.h>

#include "nt-cli.h"

G_BEGIN_DECLS

gboolean nt_cli_export_check   (NtCliOptions  *options,
                                GError       **error);
int      nt_cli_list_reports   (void);
int      nt_cli_export         (NtCliOptions  *options);

G_END_DECLS
