/* nt-print-commitments.h: the personal commitment forms (bản cam kết) of
 * a rule set, one form per person, to a printer or a PDF */
#pragma once

#include <cairo.h>

#include "nt-commitments.h"
#include "nt-print-doc.h"

G_BEGIN_DECLS

typedef struct _NtCommitmentForms NtCommitmentForms;

NtCommitmentForms *nt_commitment_forms_new       (NtStore                  *store,
                                                  NtRuleSet                *set,
                                                  const NtCommitmentScope  *scope,
                                                  GError                  **error);
void               nt_commitment_forms_free      (NtCommitmentForms        *forms);
guint              nt_commitment_forms_get_n_people (NtCommitmentForms     *forms);
void               nt_commitment_forms_set_double_sided (NtCommitmentForms *forms,
                                                         gboolean           double_sided);
NtCommitmentEntry *nt_commitment_forms_get_person (NtCommitmentForms       *forms,
                                                  guint                     index);
NtPrintDoc        *nt_commitment_forms_build     (NtCommitmentForms        *forms,
                                                  guint                     index,
                                                  double                    page_width,
                                                  double                    page_height);
guint              nt_commitment_forms_paginate  (NtCommitmentForms        *forms,
                                                  double                    page_width,
                                                  double                    page_height);
void               nt_commitment_forms_render_page (NtCommitmentForms      *forms,
                                                    cairo_t                *cr,
                                                    guint                   page);
gboolean           nt_commitment_forms_write_pdf (NtCommitmentForms        *forms,
                                                  const char               *path,
                                                  guint                    *n_pages,
                                                  GError                  **error);
char              *nt_commitment_forms_place     (const char               *address);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NtCommitmentForms, nt_commitment_forms_free)

G_END_DECLS
