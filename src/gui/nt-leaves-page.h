/* nt-leaves-page.h: leave (xin phép): who is out, who is overdue, asking,
 * approving, going out and coming back, weekend leave for many at once */
#pragma once

#include <adwaita.h>

#include "nt-leaves.h"

G_BEGIN_DECLS

#define NT_TYPE_LEAVES_PAGE (nt_leaves_page_get_type ())

G_DECLARE_FINAL_TYPE (NtLeavesPage, nt_leaves_page, NT, LEAVES_PAGE, AdwBin)

void        nt_leaves_page_set_view     (NtLeavesPage *self,
                                         guint         view);
guint       nt_leaves_page_get_n_rows   (NtLeavesPage *self);
gboolean    nt_leaves_page_advance      (NtLeavesPage *self,
                                         gint64        leave_id,
                                         GError      **error);
gboolean    nt_leaves_page_create       (NtLeavesPage *self,
                                         gint64        student_id,
                                         const char   *from_display,
                                         const char   *to_display,
                                         const char   *reason,
                                         const char   *destination,
                                         gboolean      approve,
                                         GError      **error);
gboolean    nt_leaves_page_create_bulk  (NtLeavesPage *self,
                                         gint64        class_id,
                                         gint64        building_id,
                                         int           floor,
                                         const char   *from_display,
                                         const char   *to_display,
                                         guint        *n_created,
                                         GListStore  **skipped,
                                         GError      **error);

G_END_DECLS
