/* nt-print-commitments.c: the personal commitment form (bản cam kết)
 *
 * One form per person, each starting on a new page: the administrative
 * header, the title, who signs (a student's class, and room and bed for a
 * boarder; a staff member's role), the rules of the version, numbered,
 * the commitment sentences and the signature blocks (homeroom teacher,
 * parent, student; or principal and staff member). A long set of rules
 * flows on to a second page.
 *
 * Forms are built one at a time and dropped once drawn, so that printing
 * 800 of them holds one form's layouts, not 800.
 */
#define G_LOG_DOMAIN "nt-print-commitments"

#include <cairo-pdf.h>
#include <string.h>

#include "nt-date.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-print-commitments.h"
#include "nt-school.h"
#include "nt-staff.h"

struct _NtCommitmentForms
{
  NtRuleSet    *set;
  GListStore   *people;
  char        **articles;
  NtSchoolInfo *school;
  char         *place;
  gboolean      double_sided;
  /* After paginate: */
  double        width;
  double        height;
  GArray       *first_page;   /* guint per person, and the total at the end */
  guint         cached_index;
  NtPrintDoc   *cached;
};

/**
 * nt_commitment_forms_place:
 * @address: the school's address ("Tổ 12, phường Đông Phong, thành phố
 *   Lai Châu, tỉnh Lai Châu")
 *
 * Returns: (transfer full): the place of the date line: the province
 *   ("Lai Châu"), or the last part of the address
 */
char *
nt_commitment_forms_place (const char *address)
{
  static const char * const prefixes[] = { "tỉnh ", "Tỉnh ", "thành phố ", "Thành phố ", "TP. ", "TP ", NULL };
  g_auto(GStrv) parts = NULL;
  const char *last;
  guint n;

  if (address == NULL || *address == '\0')
    return g_strdup ("");
  parts = g_strsplit (address, ",", -1);
  n = g_strv_length (parts);
  last = g_strstrip (parts[n - 1]);
  for (guint i = 0; prefixes[i]; i++)
    if (g_str_has_prefix (last, prefixes[i]))
      return g_strdup (last + strlen (prefixes[i]));
  return g_strdup (last);
}

/**
 * nt_commitment_forms_new:
 * @set: the version whose text is printed (the latest one, normally)
 * @scope: (nullable): whose forms; %NULL for everyone who must sign
 *
 * Returns: (transfer full): the forms, or %NULL with @error set
 */
NtCommitmentForms *
nt_commitment_forms_new (NtStore                  *store,
                         NtRuleSet                *set,
                         const NtCommitmentScope  *scope,
                         GError                  **error)
{
  g_autoptr(GListStore) people = NULL;
  NtCommitmentForms *forms;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  g_return_val_if_fail (NT_IS_RULE_SET (set), NULL);

  people = nt_commitments_entries (store, set, scope, error);
  if (people == NULL)
    return NULL;
  forms = g_new0 (NtCommitmentForms, 1);
  forms->set = g_object_ref (set);
  forms->people = g_steal_pointer (&people);
  forms->articles = nt_rule_set_articles (set);
  forms->school = nt_school_get (store);
  forms->place = nt_commitment_forms_place (forms->school ? forms->school->address : NULL);
  forms->cached_index = G_MAXUINT;
  return forms;
}

void
nt_commitment_forms_free (NtCommitmentForms *forms)
{
  if (forms == NULL)
    return;
  g_clear_object (&forms->set);
  g_clear_object (&forms->people);
  g_clear_pointer (&forms->articles, g_strfreev);
  g_clear_pointer (&forms->school, nt_school_info_free);
  g_clear_pointer (&forms->first_page, g_array_unref);
  g_clear_pointer (&forms->cached, nt_print_doc_free);
  g_free (forms->place);
  g_free (forms);
}

guint
nt_commitment_forms_get_n_people (NtCommitmentForms *forms)
{
  g_return_val_if_fail (forms != NULL, 0);

  return g_list_model_get_n_items (G_LIST_MODEL (forms->people));
}

/**
 * nt_commitment_forms_set_double_sided:
 *
 * For printing on both sides: every form then takes an even number of
 * pages (a blank back after a form of one page), so that each form is a
 * sheet of its own and a form of two pages is one sheet, front and back.
 * Set before paginating or writing.
 */
void
nt_commitment_forms_set_double_sided (NtCommitmentForms *forms,
                                      gboolean           double_sided)
{
  g_return_if_fail (forms != NULL);

  forms->double_sided = double_sided;
  g_clear_pointer (&forms->first_page, g_array_unref);
}

/* The pages form @n_pages long takes, with its blank back. */
static guint
sheet_pages (NtCommitmentForms *forms,
             guint              n_pages)
{
  return forms->double_sided && n_pages % 2 == 1 ? n_pages + 1 : n_pages;
}

/**
 * nt_commitment_forms_get_person:
 *
 * Returns: (transfer full): the person of form @index
 */
NtCommitmentEntry *
nt_commitment_forms_get_person (NtCommitmentForms *forms,
                                guint              index)
{
  g_return_val_if_fail (forms != NULL, NULL);

  return g_list_model_get_item (G_LIST_MODEL (forms->people), index);
}

/* ----- one form ---------------------------------------------------------- */

/* @value in bold markup, or dots to fill in by hand when it is empty. */
static char *
bold (const char *value)
{
  g_autofree char *escaped = g_markup_escape_text (value && *value ? value : "……………………", -1);

  return g_strdup_printf ("<b>%s</b>", escaped);
}

#define labelled(format, value) \
  ({ g_autofree char *_b = bold (value); g_strdup_printf (format, _b); })

static void
add_student_lines (NtPrintDoc        *doc,
                   NtCommitmentEntry *e)
{
  g_autofree char *birth = nt_date_iso_to_display (e->birth_date);
  /* TRANSLATORS: a line of the commitment form; %s is the name, in bold */
  g_autofree char *name = labelled (_("Student’s full name: %s"), e->full_name);
  /* TRANSLATORS: a line of the commitment form; %s is the date, in bold */
  g_autofree char *born = labelled (_("Date of birth: %s"), birth);
  /* TRANSLATORS: a line of the commitment form; %s is the class, in bold */
  g_autofree char *klass = labelled (_("Class: %s"), e->group);
  /* TRANSLATORS: a line of the commitment form; %s is the name, in bold */
  g_autofree char *guardian = labelled (_("Parent or guardian: %s"), e->guardian_name);
  g_autofree char *line1 = g_strdup_printf ("%s        %s", name, born);
  g_autofree char *line2 = NULL;

  if (e->room_number)
    {
      g_autofree char *room = NULL;
      g_autofree char *place = NULL;

      /* TRANSLATORS: where a boarder sleeps, on the commitment form: "A101 (Nhà A), giường 3" */
      place = g_strdup_printf (_("%s (%s), bed %s"), e->room_number, e->building_name ? e->building_name : "",
                               e->bed_label ? e->bed_label : "");
      /* TRANSLATORS: a line of the commitment form; %s is the room and bed, in bold */
      room = labelled (_("Dorm room: %s"), place);
      line2 = g_strdup_printf ("%s        %s", klass, room);
    }
  else
    line2 = g_strdup (klass);
  nt_print_doc_add_paragraph (doc, line1, NT_PRINT_MARKUP, NT_PRINT_ALIGN_LEFT);
  nt_print_doc_add_paragraph (doc, line2, NT_PRINT_MARKUP, NT_PRINT_ALIGN_LEFT);
  nt_print_doc_add_paragraph (doc, guardian, NT_PRINT_MARKUP, NT_PRINT_ALIGN_LEFT);
}

static void
add_staff_lines (NtPrintDoc        *doc,
                 NtCommitmentEntry *e)
{
  /* TRANSLATORS: a line of the commitment form; %s is the name, in bold */
  g_autofree char *name = labelled (_("Full name: %s"), e->full_name);
  /* TRANSLATORS: a line of the commitment form; %s is the staff role, in bold */
  g_autofree char *role = labelled (_("Position: %s"), e->group);
  g_autofree char *line = g_strdup_printf ("%s        %s", name, role);

  nt_print_doc_add_paragraph (doc, line, NT_PRINT_MARKUP, NT_PRINT_ALIGN_LEFT);
}

/**
 * nt_commitment_forms_build:
 *
 * Returns: (transfer full): the form of person @index, on pages of the
 *   size given (points)
 */
NtPrintDoc *
nt_commitment_forms_build (NtCommitmentForms *forms,
                           guint              index,
                           double             page_width,
                           double             page_height)
{
  g_autoptr(NtCommitmentEntry) e = NULL;
  NtPrintHeader header = { 0 };
  g_autofree char *to = NULL;
  g_autofree char *intro = NULL;
  g_autofree char *subtitle = NULL;
  gboolean student;
  NtPrintDoc *doc;

  g_return_val_if_fail (forms != NULL, NULL);
  g_return_val_if_fail (index < nt_commitment_forms_get_n_people (forms), NULL);

  e = nt_commitment_forms_get_person (forms, index);
  student = e->kind == NT_PERSON_STUDENT;
  doc = nt_print_doc_new (page_width, page_height);
  nt_print_doc_set_margins (doc, NT_PRINT_MM (15), NT_PRINT_MM (15), NT_PRINT_MM (15), NT_PRINT_MM (25));
  /* Small enough for the dorm rules of about fifteen articles to fit on one
   * sheet with the signatures; longer rules flow on to a second page. */
  nt_print_doc_set_font (doc, NULL, 10.5);

  header.authority = forms->school ? forms->school->authority : NULL;
  header.organisation = forms->school ? forms->school->name : "";
  header.place = forms->place;
  nt_print_doc_add_header (doc, &header);

  /* TRANSLATORS: what the set is about, under the title BẢN CAM KẾT: "Về việc thực hiện NỘI QUY KHU NỘI TRÚ" */
  subtitle = g_strdup_printf (_("On following the %s"), forms->set->title);
  /* TRANSLATORS: the title of the personal commitment form, upper case */
  nt_print_doc_add_title (doc, _("COMMITMENT"), subtitle);
  /* TRANSLATORS: the addressee of the form: "Kính gửi: Ban Giám hiệu Trường …" */
  to = g_strdup_printf (_("To: the school board of %s"), forms->school ? forms->school->name : "");
  nt_print_doc_add_paragraph (doc, to, NT_PRINT_PLAIN, NT_PRINT_ALIGN_CENTER);
  nt_print_doc_add_space (doc, 4);

  if (student)
    add_student_lines (doc, e);
  else
    add_staff_lines (doc, e);

  if (student)
    /* TRANSLATORS: before the articles on a student's form */
    intro = g_strdup_printf (_("Having been told of and having read the %s, I commit to follow its articles:"),
                             forms->set->title);
  else
    /* TRANSLATORS: before the articles on a staff member's form */
    intro = g_strdup_printf (_("Having read the %s, I commit to follow its articles:"), forms->set->title);
  nt_print_doc_add_paragraph (doc, intro, NT_PRINT_INDENT, NT_PRINT_ALIGN_JUSTIFY);
  for (guint i = 0; forms->articles[i]; i++)
    {
      /* TRANSLATORS: the number of an article of the rules: "Điều 3." */
      g_autofree char *label = g_strdup_printf (_("Article %u."), i + 1);

      nt_print_doc_add_article (doc, label, forms->articles[i]);
    }

  nt_print_doc_add_space (doc, 4);
  if (student)
    {
      nt_print_doc_add_paragraph (doc,
                                  _("I will follow the rules above strictly and remind my friends to follow them. "
                                    "If I break them, I accept the measures the school takes under its rules."),
                                  NT_PRINT_INDENT | NT_PRINT_ITALIC, NT_PRINT_ALIGN_JUSTIFY);
      nt_print_doc_add_paragraph (doc,
                                  _("The family will work closely with the school to educate and look after the "
                                    "student, and will keep in touch with the school."),
                                  NT_PRINT_INDENT | NT_PRINT_ITALIC, NT_PRINT_ALIGN_JUSTIFY);
    }
  else
    nt_print_doc_add_paragraph (doc,
                                _("I will carry out the rules above strictly and set an example for the students. "
                                  "If I break them, I take responsibility before the school board and accept the "
                                  "measures taken under the regulations."),
                                NT_PRINT_INDENT | NT_PRINT_ITALIC, NT_PRINT_ALIGN_JUSTIFY);

  {
    /* TRANSLATORS: under each signature block title */
    const char *note = _("(Signature and full name)");

    if (student)
      {
        const NtPrintSignature blocks[] = {
          /* TRANSLATORS: a signature block of the student's form (GIÁO VIÊN CHỦ NHIỆM) */
          { _("HOMEROOM TEACHER"), note, e->homeroom_name },
          /* TRANSLATORS: a signature block of the student's form (CHA MẸ HỌC SINH) */
          { _("PARENT OR GUARDIAN"), note, e->guardian_name },
          /* TRANSLATORS: a signature block of the student's form (HỌC SINH) */
          { _("STUDENT"), note, e->full_name },
        };

        nt_print_doc_add_signatures (doc, blocks, G_N_ELEMENTS (blocks), 42);
      }
    else
      {
        const NtPrintSignature blocks[] = {
          /* TRANSLATORS: a signature block of the staff member's form (HIỆU TRƯỞNG) */
          { _("PRINCIPAL"), note, forms->school ? forms->school->principal : NULL },
          /* TRANSLATORS: a signature block of the staff member's form (NGƯỜI CAM KẾT) */
          { _("COMMITTED BY"), note, e->full_name },
        };

        nt_print_doc_add_signatures (doc, blocks, G_N_ELEMENTS (blocks), 42);
      }
  }
  return doc;
}

/* ----- many forms -------------------------------------------------------- */

/**
 * nt_commitment_forms_paginate:
 *
 * Lays out every form on pages of the size given, to know where each
 * starts (for a print dialog, which asks for pages by number).
 *
 * Returns: the number of pages of all the forms
 */
guint
nt_commitment_forms_paginate (NtCommitmentForms *forms,
                              double             page_width,
                              double             page_height)
{
  guint n, total = 0;

  g_return_val_if_fail (forms != NULL, 0);

  g_clear_pointer (&forms->first_page, g_array_unref);
  g_clear_pointer (&forms->cached, nt_print_doc_free);
  forms->cached_index = G_MAXUINT;
  forms->width = page_width;
  forms->height = page_height;
  forms->first_page = g_array_new (FALSE, FALSE, sizeof (guint));
  n = nt_commitment_forms_get_n_people (forms);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NtPrintDoc) doc = nt_commitment_forms_build (forms, i, page_width, page_height);

      g_array_append_val (forms->first_page, total);
      total += sheet_pages (forms, nt_print_doc_paginate (doc));
    }
  g_array_append_val (forms->first_page, total);
  return total;
}

/**
 * nt_commitment_forms_render_page:
 * @cr: in points
 *
 * Draws page @page of all the forms, after nt_commitment_forms_paginate().
 */
void
nt_commitment_forms_render_page (NtCommitmentForms *forms,
                                 cairo_t           *cr,
                                 guint              page)
{
  guint lo = 0, hi;

  g_return_if_fail (forms != NULL);
  g_return_if_fail (forms->first_page != NULL);

  hi = forms->first_page->len - 1;
  if (hi == 0 || page >= g_array_index (forms->first_page, guint, hi))
    return;
  /* The last person whose first page is at or before @page. */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (forms->first_page, guint, mid) <= page)
        lo = mid;
      else
        hi = mid;
    }
  if (forms->cached_index != lo)
    {
      g_clear_pointer (&forms->cached, nt_print_doc_free);
      forms->cached = nt_commitment_forms_build (forms, lo, forms->width, forms->height);
      forms->cached_index = lo;
    }
  nt_print_doc_render_page (forms->cached, cr, page - g_array_index (forms->first_page, guint, lo));
}

/**
 * nt_commitment_forms_write_pdf:
 * @n_pages: (out) (optional): the pages written
 *
 * Writes every form to an A4 PDF at @path, one form per page (more when
 * its rules are long), without a dialog.
 */
gboolean
nt_commitment_forms_write_pdf (NtCommitmentForms  *forms,
                               const char         *path,
                               guint              *n_pages,
                               GError            **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n, pages = 0;

  g_return_val_if_fail (forms != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  n = nt_commitment_forms_get_n_people (forms);
  if (n == 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND,
                   _("Nobody has a form to print: everyone chosen has signed “%s”, or there is nobody to sign it."),
                   forms->set->name);
      return FALSE;
    }
  surface = cairo_pdf_surface_create (path, NT_PRINT_A4_WIDTH, NT_PRINT_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, forms->set->title);
  cr = cairo_create (surface);
  for (guint i = 0; i < n && cairo_status (cr) == CAIRO_STATUS_SUCCESS; i++)
    {
      g_autoptr(NtPrintDoc) doc = nt_commitment_forms_build (forms, i, NT_PRINT_A4_WIDTH, NT_PRINT_A4_HEIGHT);
      guint n_doc = nt_print_doc_paginate (doc);

      nt_print_doc_render_all (doc, cr);
      /* The blank back of a form printed on both sides. */
      for (guint blank = n_doc; blank < sheet_pages (forms, n_doc); blank++)
        cairo_show_page (cr);
      pages += sheet_pages (forms, n_doc);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_IO, _("Could not write the PDF file %s: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  if (n_pages)
    *n_pages = pages;
  return TRUE;
}
