/* nt-checks-page.h: the night check, room by room, from the keyboard */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NT_TYPE_CHECKS_PAGE (nt_checks_page_get_type ())

G_DECLARE_FINAL_TYPE (NtChecksPage, nt_checks_page, NT, CHECKS_PAGE, AdwBin)

gboolean   nt_checks_page_start        (NtChecksPage *self,
                                        const char   *night_display,
                                        guint         building_position,
                                        int           floor,
                                        GError      **error);
gint64     nt_checks_page_get_check_id (NtChecksPage *self);
gboolean   nt_checks_page_handle_key   (NtChecksPage *self,
                                        guint         keyval);
void       nt_checks_page_focus_row    (NtChecksPage *self,
                                        guint         index);
guint      nt_checks_page_get_n_rows   (NtChecksPage *self);
const char *nt_checks_page_get_progress (NtChecksPage *self);
gboolean   nt_checks_page_close_check  (NtChecksPage *self,
                                        GError      **error);

G_END_DECLS
