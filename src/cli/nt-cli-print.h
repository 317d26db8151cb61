/* nt-cli-print.h: `noitru --print-commitments SET [--class NAME | --missing] -o FILE.pdf`
 * (private to the command line) */
#pragma once

#include <glib.h>

#include "nt-cli.h"

G_BEGIN_DECLS

gboolean nt_cli_print_check        (NtCliOptions  *options,
                                    GError       **error);
int      nt_cli_print_commitments  (NtCliOptions  *options);

G_END_DECLS
