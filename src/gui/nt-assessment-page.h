/* nt-assessment-page.h: the ANTT self-assessment (Tự đánh giá ANTT): the
 * criteria of the year with met or not met, the school's evidence, the
 * program's figures and attached files; submit, approve, export */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NT_TYPE_ASSESSMENT_PAGE (nt_assessment_page_get_type ())

G_DECLARE_FINAL_TYPE (NtAssessmentPage, nt_assessment_page, NT, ASSESSMENT_PAGE, AdwBin)

void        nt_assessment_page_show_year   (NtAssessmentPage *self,
                                            const char       *school_year);
const char *nt_assessment_page_get_year    (NtAssessmentPage *self);
gboolean    nt_assessment_page_attach_file (NtAssessmentPage *self,
                                            const char       *criterion,
                                            const char       *path,
                                            GError          **error);
gboolean    nt_assessment_page_print       (NtAssessmentPage *self,
                                            GError          **error);
gboolean    nt_assessment_page_export      (NtAssessmentPage *self,
                                            const char       *path,
                                            GError          **error);

G_END_DECLS
