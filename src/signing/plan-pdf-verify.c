/* plan-pdf-verify.c: reading back a signed PDF's signatures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <nss.h>
#include <cert.h>

#include "plan-cms.h"
#include "plan-pdf-reader.h"
#include "plan-poppler-autoptr.h"
#include "plan-pdf-verify.h"
#include "plan-signing-error.h"

void
plan_pdf_signature_info_free (PlanPdfSignatureInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->field_name);
  g_free (info->signer_name);
  g_free (info->issuer);
  g_free (info->organization);
  g_free (info->issuer_name);
  g_clear_pointer (&info->time, g_date_time_unref);
  g_free (info);
}

static char *opened_nss_dir;

const char *
plan_pdf_verify_get_nss_dir (void)
{
  return opened_nss_dir;
}

gboolean
plan_pdf_verify_init (const char  *nss_dir,
                      GError     **error)
{
  static gboolean done = FALSE;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;

  if (done)
    return TRUE;

  /* poppler sets NSS up at its first signature, from a database of its own choosing (a
   * Firefox profile first); NSS_Init is idempotent, so setting it up here first decides. */
  if (nss_dir != NULL)
    dir = g_str_has_prefix (nss_dir, "sql:") ? g_strdup (nss_dir + 4) : g_strdup (nss_dir);
  else
    dir = g_build_filename (g_get_home_dir (), ".pki", "nssdb", NULL);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      if (nss_dir != NULL)
        {
          g_autofree char *display = g_filename_display_name (dir);

          g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_BAD_FILE,
                       _("“%s” is not an NSS database folder"), display);
          return FALSE;
        }
      /* no roots: every certificate is of an unknown issuer */
      done = NSS_NoDB_Init (NULL) == SECSuccess;
      return done;
    }

  db = g_strconcat ("sql:", dir, NULL);
  if (NSS_Init (db) != SECSuccess)
    {
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_BAD_FILE,
                   _("Cannot open the NSS database “%s”"), display);
      return FALSE;
    }
  opened_nss_dir = g_steal_pointer (&dir);
  done = TRUE;
  return TRUE;
}

static void
field_released_cb (gpointer  data,
                   GObject  *where_the_object_was)
{
  g_atomic_int_set ((gint *) data, 1);
}

/* poppler-glib validates in a GTask thread (also the _sync call) whose last reference to the
 * field, and through it to the document, goes only after the call has returned. Were that the
 * last one, the document, and with it poppler's global state, would be destroyed in that
 * thread, racing the process's exit (a crash in GlobalParams' destructor, 1 run in 7). So our
 * reference to the field goes last: wait until the thread has let go. */
static PopplerSignatureInfo *
validate (PopplerFormField *field,
          GError          **error)
{
  PopplerSignatureInfo *signature;
  gint *released = g_new0 (gint, 1);

  g_object_weak_ref (G_OBJECT (field), field_released_cb, released);
  signature = poppler_form_field_signature_validate_sync (field,
                                                          POPPLER_SIGNATURE_VALIDATION_FLAG_VALIDATE_CERTIFICATE |
                                                          POPPLER_SIGNATURE_VALIDATION_FLAG_WITHOUT_OCSP_REVOCATION_CHECK,
                                                          NULL, error);
  g_object_unref (field);
  for (guint i = 0; i < 10000 && !g_atomic_int_get (released); i++)
    g_usleep (100);
  /* Released by now; if ever not (another reference somewhere), the flag must outlive us. */
  if (g_atomic_int_get (released))
    g_free (released);

  return signature;
}

static PopplerFormField *
find_poppler_field (PopplerDocument *document,
                    const char      *name,
                    guint            page_hint)
{
  int n_pages = poppler_document_get_n_pages (document);

  for (int i = 0; i < n_pages; i++)
    {
      int index = page_hint < (guint) n_pages ? ((int) page_hint + i) % n_pages : i;
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, index);
      GList *mappings = poppler_page_get_form_field_mapping (page);
      PopplerFormField *found = NULL;

      for (GList *l = mappings; l != NULL && found == NULL; l = l->next)
        {
          PopplerFormFieldMapping *mapping = l->data;
          g_autofree char *field_name = NULL;

          if (poppler_form_field_get_field_type (mapping->field) != POPPLER_FORM_FIELD_SIGNATURE)
            continue;
          field_name = poppler_form_field_get_partial_name (mapping->field);
          if (g_strcmp0 (field_name, name) == 0)
            found = g_object_ref (mapping->field);
        }
      poppler_page_free_form_field_mapping (mappings);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* poppler 22.12 makes NSS temporary certificates of a signature's certificates that point
 * into memory it frees after the check, and NSS keeps them: the next check of the same
 * certificate in the process reads freed memory (AddressSanitizer: heap-use-after-free in
 * CERT_NewTempCertificate) and fails (POPPLER_CERTIFICATE_GENERIC_ERROR). Made here first, with
 * their own copy of the DER and held for the life of the process, they are the ones NSS finds
 * and poppler's never come to be. */
static void
hold_certificates (GPtrArray *certificates)
{
  static GPtrArray *held;   /* CERTCertificate */

  if (held == NULL)
    held = g_ptr_array_new ();
  for (guint i = 0; certificates != NULL && i < certificates->len; i++)
    {
      GBytes *der = g_ptr_array_index (certificates, i);
      gsize size = 0;
      SECItem item = { siBuffer, (unsigned char *) g_bytes_get_data (der, &size), 0 };
      CERTCertificate *certificate;

      item.len = size;
      certificate = CERT_NewTempCertificate (CERT_GetDefaultCertDB (), &item, NULL, PR_FALSE,
                                             PR_TRUE);
      if (certificate == NULL)
        continue;
      /* one reference each is enough: the first stays */
      if (g_ptr_array_find (held, certificate, NULL))
        CERT_DestroyCertificate (certificate);
      else
        g_ptr_array_add (held, certificate);
    }
}

GPtrArray *
plan_pdf_verify (GBytes  *pdf,
                 GError **error)
{
  g_autoptr(PlanPdfReader) reader = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GArray) ends = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (pdf != NULL, NULL);

  if (!plan_pdf_verify_init (NULL, error))
    return NULL;

  reader = plan_pdf_reader_new (pdf, error);
  if (reader == NULL)
    return NULL;
  fields = plan_pdf_reader_signatures (reader, error);
  if (fields == NULL)
    return NULL;
  document = poppler_document_new_from_bytes (pdf, NULL, error);
  if (document == NULL)
    return NULL;

  data = plan_pdf_reader_get_data (reader, &length);
  ends = plan_pdf_reader_revision_ends (reader);
  infos = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_pdf_signature_info_free);

  for (guint i = 0; i < fields->len; i++)
    {
      PlanPdfSignatureField *field = g_ptr_array_index (fields, i);
      g_autoptr(PlanPdfSignatureInfo) info = g_new0 (PlanPdfSignatureInfo, 1);
      g_autoptr(PopplerFormField) poppler_field = NULL;
      g_autoptr(PlanCmsInfo) cms = NULL;
      const gint64 *range = field->byte_range;
      gint64 end = range[2] + range[3];

      info->field_name = g_strdup (field->field_name);
      info->page = field->page;
      memcpy (info->rect, field->rect, sizeof info->rect);
      info->signature_status = POPPLER_SIGNATURE_NOT_FOUND;
      info->certificate_status = POPPLER_CERTIFICATE_NOT_VERIFIED;

      /* What the byte range covers: everything from the start to the end of a revision, but
       * the signature's own hex string */
      info->covers_revision = range[0] == 0 && range[1] > 0 && range[2] > range[1] &&
                              range[3] >= 0 && end <= (gint64) length &&
                              data[range[1]] == '<' && data[range[2] - 1] == '>';
      if (info->covers_revision)
        {
          gboolean at_end = FALSE;

          for (guint j = 0; j < ends->len; j++)
            at_end |= g_array_index (ends, gsize, j) == (gsize) end;
          /* a trailing end of line after %%EOF written by another tool */
          at_end |= end == (gint64) length;
          info->covers_revision = at_end;
        }
      info->covers_whole_file = info->covers_revision && end == (gint64) length;

      cms = plan_cms_inspect (field->contents, NULL);
      if (cms != NULL)
        hold_certificates (cms->certificates);
      info->signer_name = g_strdup (cms != NULL ? cms->signer_name : "");
      info->issuer = g_strdup (cms != NULL ? cms->issuer : "");
      info->organization = g_strdup (cms != NULL ? cms->organization : "");
      info->issuer_name = g_strdup (cms != NULL ? cms->issuer_name : "");

      poppler_field = find_poppler_field (document, field->field_name, field->page);
      if (poppler_field != NULL)
        {
          g_autoptr(GError) local_error = NULL;
          PopplerSignatureInfo *signature = validate (g_steal_pointer (&poppler_field),
                                                      &local_error);

          if (signature != NULL)
            {
              GDateTime *time = poppler_signature_info_get_local_signing_time (signature);

              info->signature_status = poppler_signature_info_get_signature_status (signature);
              info->certificate_status = poppler_signature_info_get_certificate_status (signature);
              if (poppler_signature_info_get_signer_name (signature) != NULL &&
                  poppler_signature_info_get_signer_name (signature)[0] != '\0')
                {
                  g_free (info->signer_name);
                  info->signer_name = g_strdup (poppler_signature_info_get_signer_name (signature));
                }
              info->time = time != NULL ? g_date_time_ref (time) : NULL;
              poppler_signature_info_free (signature);
            }
          else
            info->signature_status = POPPLER_SIGNATURE_GENERIC_ERROR;
        }

      if (info->time == NULL && cms != NULL && cms->signing_time >= 0)
        info->time = g_date_time_new_from_unix_local (cms->signing_time);

      g_ptr_array_add (infos, g_steal_pointer (&info));
    }

  return g_steal_pointer (&infos);
}

gboolean
plan_pdf_verify_all_intact (GPtrArray *signatures)
{
  g_return_val_if_fail (signatures != NULL, FALSE);

  if (signatures->len == 0)
    return FALSE;

  for (guint i = 0; i < signatures->len; i++)
    {
      PlanPdfSignatureInfo *info = g_ptr_array_index (signatures, i);

      if (info->signature_status != POPPLER_SIGNATURE_VALID || !info->covers_revision)
        return FALSE;
      if (i == signatures->len - 1 && !info->covers_whole_file)
        return FALSE;
    }

  return TRUE;
}
