/* nt-commitments-print.h: the commitment forms through GtkPrintOperation */
#pragma once

#include <gtk/gtk.h>

#include "nt-commitments.h"

G_BEGIN_DECLS

gboolean nt_commitments_print (GtkWindow                *parent,
                               NtStore                  *store,
                               NtRuleSet                *set,
                               const NtCommitmentScope  *scope,
                               GError                  **error);

gboolean nt_commitments_print_export (const char               *pdf,
                                      GtkPrintSettings         *settings,
                                      NtStore                  *store,
                                      NtRuleSet                *set,
                                      const NtCommitmentScope  *scope,
                                      GError                  **error);

G_END_DECLS
