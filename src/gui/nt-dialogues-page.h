/* nt-dialogues-page.h: dialogues with boarders and what is still open */
#pragma once

#include <adwaita.h>

#include "nt-context.h"

G_BEGIN_DECLS

#define NT_TYPE_DIALOGUES_PAGE (nt_dialogues_page_get_type ())

G_DECLARE_FINAL_TYPE (NtDialoguesPage, nt_dialogues_page, NT, DIALOGUES_PAGE, AdwBin)

GtkWidget *nt_dialogues_page_new (NtContext *context);

G_END_DECLS
