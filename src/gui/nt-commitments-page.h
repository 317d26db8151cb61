/* nt-commitments-page.h: the Commitments section (cam kết): rule sets and
 * their versions, coverage per class and role, fast entry of the forms
 * that came back, printing the forms */
#pragma once

#include <adwaita.h>

#include "nt-commitments.h"

G_BEGIN_DECLS

#define NT_TYPE_COMMITMENTS_PAGE (nt_commitments_page_get_type ())

G_DECLARE_FINAL_TYPE (NtCommitmentsPage, nt_commitments_page, NT, COMMITMENTS_PAGE, AdwBin)

gboolean    nt_commitments_page_select_set    (NtCommitmentsPage  *self,
                                               const char         *family);
gboolean    nt_commitments_page_select_group  (NtCommitmentsPage  *self,
                                               const char         *class_name);
guint       nt_commitments_page_tick_all      (NtCommitmentsPage  *self);
gboolean    nt_commitments_page_save          (NtCommitmentsPage  *self,
                                               GError            **error);
const char *nt_commitments_page_get_group_percent (NtCommitmentsPage *self,
                                                   const char        *key);
const char *nt_commitments_page_get_summary   (NtCommitmentsPage  *self);

G_END_DECLS
