/* plan-sign-pdf.c: the signer's and the agency's signatures on the issued plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <poppler.h>

#include "plan-format.h"
#include "plan-layout.h"
#include "plan-pdf-export.h"
#include "plan-pdf-reader.h"
#include "plan-pdf-update.h"
#include "plan-pdf-verify.h"
#include "plan-sign-pdf.h"
#include "plan-poppler-autoptr.h"
#include "plan-signature-image.h"
#include "plan-signing-error.h"
#include "plan-workflow.h"

/* How plan_sign_pdf_record() words its note, in the document's language */
#define SIGNING_NOTE_PREFIX "Ký số PDF lúc "
#define PDF_DIGEST_PREFIX "SHA-256 của tệp PDF: "
#define APPENDIX_NOTE_FORMAT "Ký số phụ lục %u (tệp PDF riêng) lúc "

GDateTime *
plan_sign_pdf_now (void)
{
  g_autoptr(GTimeZone) vietnam = g_time_zone_new_identifier ("+07:00");

  return g_date_time_new_now (vietnam);
}

/* The plan as the PDF export writes it, clean: the caller has checked the approval */
static GBytes *
export_clean (PlanDocument  *document,
              GError       **error)
{
  g_autoptr(PlanLayout) layout = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gboolean watermark;

  file = g_file_new_tmp ("kehoach-sign-XXXXXX.pdf", &stream, error);
  if (file == NULL)
    return NULL;
  g_io_stream_close (G_IO_STREAM (stream), NULL, NULL);

  g_object_get (document, "draft-watermark", &watermark, NULL);
  g_object_set (document, "draft-watermark", FALSE, NULL);
  layout = plan_layout_new (document);
  plan_layout_update (layout);
  if (plan_pdf_export (layout, file, error))
    bytes = g_file_load_bytes (file, NULL, NULL, error);
  g_object_set (document, "draft-watermark", watermark, NULL);
  g_file_delete (file, NULL, NULL);

  return g_steal_pointer (&bytes);
}

/* The page that closes the plan's own text (before the appendices): its signature block */
static guint
signature_page (PlanDocument *document)
{
  g_autoptr(PlanLayout) layout = plan_layout_new (document);
  GListModel *appendices = plan_document_get_appendices (document);
  guint n_pages;

  plan_layout_update (layout);
  n_pages = plan_layout_get_n_pages (layout);
  if (g_list_model_get_n_items (appendices) > 0)
    {
      g_autoptr(GObject) first = g_list_model_get_item (appendices, 0);
      int page = plan_layout_find_page (layout, first);

      if (page > 0)
        return page - 1;
    }
  return n_pages > 0 ? n_pages - 1 : 0;
}

static char *
signer_title_text (PlanDocument *document)
{
  const char *title = plan_document_get_signer_title (document);

  return g_strdup (title[0] != '\0' ? title : plan_document_get_signer_authority (document));
}

GBytes *
plan_sign_pdf_as_signer (PlanDocument          *document,
                         PlanTrustStore        *trust,
                         PlanSignerCredentials *credentials,
                         const char            *image_path,
                         GDateTime             *time,
                         GError               **error)
{
  g_autoptr(PlanApprovalResult) approval = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(PopplerDocument) poppler = NULL;
  g_autofree char *title = NULL;
  g_autofree char *reason = NULL;
  cairo_surface_t *image = NULL;
  double width = 0, height = 0, gap[4];
  PlanPdfSignatureRequest request = { 0 };
  GBytes *signed_pdf;

  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (credentials != NULL, NULL);
  g_return_val_if_fail (time != NULL, NULL);

  approval = plan_approval_verify (document, trust);
  if (!plan_approval_result_is_approved (approval))
    {
      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_NOT_APPROVED,
                   /* Translators: %s is the approval state, e.g. "Not approved: draft" */
                   _("Only an approved plan can be signed: %s"),
                   plan_approval_result_describe (approval));
      return NULL;
    }

  if (!plan_signer_credentials_check (credentials, g_date_time_to_unix (time), error))
    return NULL;

  if (image_path != NULL)
    {
      image = plan_signature_image_load (image_path, &width, &height, error);
      if (image == NULL)
        return NULL;
    }

  exported = export_clean (document, error);
  if (exported == NULL)
    goto out;
  poppler = poppler_document_new_from_bytes (exported, NULL, error);
  if (poppler == NULL)
    goto out;

  request.page = signature_page (document);
  title = signer_title_text (document);
  if (!plan_signature_find_signer_gap (poppler, request.page, title,
                                       plan_document_get_signer_name (document), gap, error))
    goto out;
  if (image != NULL)
    plan_signature_place_in_gap (gap, width, height, request.rect);
  else
    memcpy (request.rect, gap, sizeof request.rect);

  request.appearance = image;
  request.name = plan_signer_credentials_get_name (credentials);
  /* Translators: the reason recorded in the PDF signature of the person with authority;
   * %s is the signer's title, e.g. "Hiệu trưởng" */
  reason = g_strdup_printf (_("Signed as %s"), title);
  request.reason = reason;
  request.time = time;
  signed_pdf = plan_pdf_add_signature (exported, &request, credentials, error);
  g_clear_pointer (&image, cairo_surface_destroy);
  return signed_pdf;

out:
  g_clear_pointer (&image, cairo_surface_destroy);
  return NULL;
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Số và ký hiệu; thời gian ký, right-aligned in the top right corner (ô 14 of the decree's
 * layout: in the top margin, over the right edge of the text area) */
static void
draw_issue_mark (cairo_t    *cr,
                 const char *family,
                 double      page_width,
                 const char *symbol,
                 GDateTime  *time)
{
  g_autofree char *when = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z");
  g_autofree char *text = g_strdup_printf ("%s\n%s", symbol, when);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  PangoLayout *layout = pango_cairo_create_layout (cr);
  int width, height;

  pango_font_description_set_family (font, family);
  pango_font_description_set_absolute_size (font, 10 * PANGO_SCALE);
  pango_font_description_set_style (font, PANGO_STYLE_NORMAL);
  pango_font_description_set_weight (font, PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &width, &height);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  /* 10 mm from the right and top edges of the page */
  cairo_move_to (cr, page_width - 10 * 72 / 25.4 - (double) width / PANGO_SCALE,
                 10 * 72 / 25.4);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  g_object_unref (layout);
}

GBytes *
plan_sign_pdf_appendix (PlanDocument          *document,
                        PlanTrustStore        *trust,
                        PlanSignerCredentials *credentials,
                        guint                  index,
                        GDateTime             *time,
                        GError               **error)
{
  g_autoptr(PlanApprovalResult) approval = NULL;
  g_autoptr(PlanLayout) layout = NULL;
  g_autoptr(GObject) appendix = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autofree char *symbol = NULL;
  GListModel *appendices;
  PlanPdfSignatureRequest request = { 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint year, month, day, first, end;
  gboolean watermark;
  int found;

  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (credentials != NULL && time != NULL, NULL);

  approval = plan_approval_verify (document, trust);
  if (!plan_approval_result_is_approved (approval))
    {
      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_NOT_APPROVED,
                   _("Only an approved plan can be signed: %s"),
                   plan_approval_result_describe (approval));
      return NULL;
    }
  plan_document_get_date (document, &year, &month, &day);
  if (plan_document_get_number (document) == 0 || year == 0 || month == 0 || day == 0)
    {
      g_set_error_literal (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_NOT_APPROVED,
                           _("The plan has no number and date yet: the clerk fills them in "
                             "before it is issued"));
      return NULL;
    }
  appendices = plan_document_get_appendices (document);
  if (index >= g_list_model_get_n_items (appendices))
    {
      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_NO_PLACE,
                   g_dngettext (GETTEXT_PACKAGE, "The plan has %u appendix, not appendix %u",
                                "The plan has %u appendices, not appendix %u",
                                g_list_model_get_n_items (appendices)),
                   g_list_model_get_n_items (appendices), index + 1);
      return NULL;
    }
  if (!plan_signer_credentials_check (credentials, g_date_time_to_unix (time), error))
    return NULL;

  /* The appendix's pages: from its first to the page before the next appendix */
  g_object_get (document, "draft-watermark", &watermark, NULL);
  g_object_set (document, "draft-watermark", FALSE, NULL);
  layout = plan_layout_new (document);
  plan_layout_update (layout);
  appendix = g_list_model_get_item (appendices, index);
  found = plan_layout_find_page (layout, appendix);
  first = found >= 0 ? (guint) found : 0;
  end = plan_layout_get_n_pages (layout);
  if (index + 1 < g_list_model_get_n_items (appendices))
    {
      g_autoptr(GObject) next = g_list_model_get_item (appendices, index + 1);
      int next_page = plan_layout_find_page (layout, next);

      if (next_page > (int) first)
        end = next_page;
    }

  symbol = plan_document_dup_symbol (document);
  bytes = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (append_cb, bytes, 1, 1);
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Kế hoạch " PACKAGE_VERSION);
  cr = cairo_create (surface);
  for (guint page = first; page < end; page++)
    {
      double width, height;

      plan_layout_get_page_size (layout, page, &width, &height);
      cairo_pdf_surface_set_size (surface, width, height);
      plan_layout_draw_page (layout, cr, page);
      if (page == first)
        draw_issue_mark (cr, plan_layout_get_font_family (layout), width, symbol, time);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  g_object_set (document, "draft-watermark", watermark, NULL);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_FAILED,
                   _("Cannot write the appendix: %s"), cairo_status_to_string (status));
      return NULL;
    }
  exported = g_byte_array_free_to_bytes (g_steal_pointer (&bytes));

  /* The agency's signature, without an image: a widget without size on the first page */
  request.page = 0;
  request.name = plan_signer_credentials_get_name (credentials);
  request.reason = _("Issued by the agency");
  request.time = time;
  return plan_pdf_add_signature (exported, &request, credentials, error);
}

GBytes *
plan_sign_pdf_as_agency (GBytes                *pdf,
                         PlanSignerCredentials *credentials,
                         const char            *seal_path,
                         GDateTime             *time,
                         GError               **error)
{
  g_autoptr(GPtrArray) signatures = NULL;
  PlanPdfSignatureInfo *first;
  PlanPdfSignatureRequest request = { 0 };
  cairo_surface_t *seal = NULL;
  double width = 0, height = 0;
  GBytes *signed_pdf;

  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (credentials != NULL, NULL);
  g_return_val_if_fail (time != NULL, NULL);

  if (!plan_signer_credentials_check (credentials, g_date_time_to_unix (time), error))
    return NULL;

  signatures = plan_pdf_verify (pdf, error);
  if (signatures == NULL)
    return NULL;
  if (signatures->len == 0)
    {
      g_set_error_literal (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_NOT_APPROVED,
                           _("The PDF carries no signature yet: the person with authority "
                             "signs first, then the agency"));
      return NULL;
    }
  if (!plan_pdf_verify_all_intact (signatures))
    {
      g_set_error_literal (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_NOT_APPROVED,
                           _("The PDF’s signature does not verify: it was changed after it "
                             "was signed, or the signature is damaged"));
      return NULL;
    }

  /* Over the signer's image, which the first signature's widget frames */
  first = g_ptr_array_index (signatures, 0);
  request.page = first->page != G_MAXUINT ? first->page : 0;
  if (seal_path != NULL)
    {
      seal = plan_signature_image_load (seal_path, &width, &height, error);
      if (seal == NULL)
        return NULL;
      plan_signature_place_seal (first->rect, width, height, request.rect);
    }
  else
    /* an invisible signature: a widget without size */
    memset (request.rect, 0, sizeof request.rect);

  request.appearance = seal;
  request.name = plan_signer_credentials_get_name (credentials);
  /* Translators: the reason recorded in the agency's PDF signature */
  request.reason = _("Issued by the agency");
  request.time = time;
  signed_pdf = plan_pdf_add_signature (pdf, &request, credentials, error);
  g_clear_pointer (&seal, cairo_surface_destroy);
  return signed_pdf;
}

/* @what_prefix opens the note: what was signed, up to the time */
static void
record_signing (PlanDocument          *document,
                PlanSignerCredentials *credentials,
                const char            *actor_title,
                GDateTime             *time,
                GBytes                *pdf,
                const char            *what_prefix)
{
  g_autofree char *digest = NULL;
  g_autofree char *when = NULL;
  g_autofree char *note = NULL;
  const char *name;
  gint64 unix_time;

  name = plan_signer_credentials_get_name (credentials);
  unix_time = g_date_time_to_unix (time);
  if (!plan_workflow_issuing_recorded (document))
    plan_workflow_record_issuing (document, name, actor_title, PLAN_ROLE_APPROVER, unix_time);

  digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  when = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z");
  /* In the document's language, like the rest of what the plan file records */
  note = g_strdup_printf ("%s%s; chứng thư số: %s, do %s cấp, SHA-256 %s; "
                          PDF_DIGEST_PREFIX "%s",
                          what_prefix, when, name,
                          plan_signer_credentials_get_issuer (credentials),
                          plan_signer_credentials_get_fingerprint (credentials), digest);
  plan_workflow_record (document, name, actor_title, PLAN_ROLE_APPROVER, unix_time, note);
}

void
plan_sign_pdf_record (PlanDocument          *document,
                      PlanSignerCredentials *credentials,
                      const char            *actor_title,
                      GDateTime             *time,
                      GBytes                *pdf)
{
  g_return_if_fail (PLAN_IS_DOCUMENT (document));
  g_return_if_fail (credentials != NULL && time != NULL && pdf != NULL);

  record_signing (document, credentials, actor_title, time, pdf, SIGNING_NOTE_PREFIX);
}

void
plan_sign_pdf_record_appendix (PlanDocument          *document,
                               PlanSignerCredentials *credentials,
                               guint                  index,
                               GDateTime             *time,
                               GBytes                *pdf)
{
  g_autofree char *prefix = NULL;

  g_return_if_fail (PLAN_IS_DOCUMENT (document));
  g_return_if_fail (credentials != NULL && time != NULL && pdf != NULL);

  /* Not SIGNING_NOTE_PREFIX: the appendix's PDF is not one the agency countersigns */
  prefix = g_strdup_printf (APPENDIX_NOTE_FORMAT, index + 1);
  record_signing (document, credentials, "", time, pdf, prefix);
}

GStrv
plan_sign_pdf_dup_signed_digests (PlanDocument *document)
{
  g_autoptr(GStrvBuilder) digests = g_strv_builder_new ();
  g_autofree char *issuing = NULL;
  GListModel *history;
  guint n;

  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), NULL);

  history = plan_review_get_history (plan_document_get_review (document));
  issuing = plan_workflow_dup_issuing_note (document);
  n = g_list_model_get_n_items (history);

  /* Back from the newest event through the steps that keep the status Approved (the
   * approval itself follows a submission) */
  for (guint i = n; i > 1; i--)
    {
      g_autoptr(PlanEvent) event = g_list_model_get_item (history, i - 1);
      g_autoptr(PlanEvent) before = g_list_model_get_item (history, i - 2);
      const char *note = plan_event_get_note (event);
      const char *digest;

      if (plan_event_get_action (event) != PLAN_STATUS_APPROVED ||
          plan_event_get_action (before) != PLAN_STATUS_APPROVED)
        break;
      if (g_str_has_prefix (note, "Số: "))
        {
          /* The signings after an older number and date are of an earlier issue */
          if (!g_str_equal (note, issuing))
            {
              g_autoptr(GStrvBuilder) none = g_strv_builder_new ();

              return g_strv_builder_end (none);
            }
          break;
        }
      digest = g_str_has_prefix (note, SIGNING_NOTE_PREFIX) ? strstr (note, PDF_DIGEST_PREFIX)
                                                            : NULL;
      if (digest != NULL)
        g_strv_builder_add (digests, digest + strlen (PDF_DIGEST_PREFIX));
    }

  return g_strv_builder_end (digests);
}
