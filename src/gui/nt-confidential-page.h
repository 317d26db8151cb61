/* nt-confidential-page.h: the confidential box; the content shown to the
 * principal only */
#pragma once

#include <adwaita.h>

#include "nt-context.h"

G_BEGIN_DECLS

#define NT_TYPE_CONFIDENTIAL_PAGE (nt_confidential_page_get_type ())

G_DECLARE_FINAL_TYPE (NtConfidentialPage, nt_confidential_page, NT, CONFIDENTIAL_PAGE, AdwBin)

GtkWidget *nt_confidential_page_new         (NtContext          *context);
guint      nt_confidential_page_get_n_shown (NtConfidentialPage *self);
guint      nt_confidential_page_get_n_readable (NtConfidentialPage *self);

G_END_DECLS
