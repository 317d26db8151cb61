/* nt-dorm-life-page.h: the dorm-life books as tabs of one section: room
 * competition, dialogues with boarders, the confidential box */
#pragma once

#include <adwaita.h>

#include "nt-context.h"

G_BEGIN_DECLS

#define NT_TYPE_DORM_LIFE_PAGE (nt_dorm_life_page_get_type ())

G_DECLARE_FINAL_TYPE (NtDormLifePage, nt_dorm_life_page, NT, DORM_LIFE_PAGE, AdwBin)

GtkWidget *nt_dorm_life_page_get_tab  (NtDormLifePage *self,
                                       const char     *name);
void       nt_dorm_life_page_show_tab (NtDormLifePage *self,
                                       const char     *name);

G_END_DECLS
