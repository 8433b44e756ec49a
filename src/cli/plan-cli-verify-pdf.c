/* plan-cli-verify-pdf.c: kehoach --verify-pdf [--nssdir DIR] FILE.pdf: one line per signature
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kehoach-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "plan-cli-verify-pdf.h"
#include "plan-pdf-verify.h"

typedef struct {
  gboolean  verify;
  char     *nss_dir;
} VerifyPdfState;

/* --nssdir is also --sign-pdf --nick's: every command's options are in one group, where a
 * name can be given once */
static char **nss_dir_option;

const char *
plan_cli_get_nss_dir (void)
{
  return nss_dir_option != NULL ? *nss_dir_option : NULL;
}

static void
verify_pdf_add_entries (GOptionGroup *group,
                        gpointer      state)
{
  VerifyPdfState *self = state;
  const GOptionEntry entries[] = {
    { "verify-pdf", 0, 0, G_OPTION_ARG_NONE, &self->verify,
      N_("Print each digital signature of the PDF FILE in one line (signer, issuer, time, "
         "valid or changed, trusted or not). Exit status 0 only when every signature is valid "
         "and the last one covers the whole file"), NULL },
    { "nssdir", 0, 0, G_OPTION_ARG_FILENAME, &self->nss_dir,
      N_("With --verify-pdf: the NSS database of trusted roots (default ~/.pki/nssdb); with "
         "--sign-pdf --nick: the NSS database holding the certificate"),
      N_("DIR") },
    { NULL }
  };

  nss_dir_option = &self->nss_dir;

  g_option_group_add_entries (group, entries);
}

static gboolean
verify_pdf_wanted (gpointer state)
{
  return ((VerifyPdfState *) state)->verify;
}

static const char *
signature_words (PopplerSignatureStatus status)
{
  switch (status)
    {
    case POPPLER_SIGNATURE_VALID:
      /* Translators: the state of a PDF signature, in --verify-pdf's line */
      return _("valid");
    case POPPLER_SIGNATURE_DIGEST_MISMATCH:
      /* Translators: the state of a PDF signature: the document was changed after it */
      return _("changed after signing");
    case POPPLER_SIGNATURE_INVALID:
      return _("invalid signature");
    case POPPLER_SIGNATURE_DECODING_ERROR:
      return _("damaged signature");
    case POPPLER_SIGNATURE_NOT_FOUND:
      return _("signature not found");
    default:
      return _("cannot be checked");
    }
}

static const char *
certificate_words (PopplerCertificateStatus status)
{
  switch (status)
    {
    case POPPLER_CERTIFICATE_TRUSTED:
      /* Translators: whether the certificate of a PDF signature chains to a trusted root */
      return _("trusted");
    case POPPLER_CERTIFICATE_UNTRUSTED_ISSUER:
      return _("untrusted issuer");
    case POPPLER_CERTIFICATE_UNKNOWN_ISSUER:
      return _("unknown issuer");
    case POPPLER_CERTIFICATE_REVOKED:
      return _("certificate revoked");
    case POPPLER_CERTIFICATE_EXPIRED:
      return _("certificate expired");
    default:
      return _("certificate not checked");
    }
}

static int
verify_pdf_run (gpointer   state,
                char     **files)
{
  VerifyPdfState *self = state;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GPtrArray) signatures = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) vietnam = g_time_zone_new_identifier ("+07:00");
  g_autofree char *name = NULL;

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      g_printerr ("%s\n", _("kehoach: --verify-pdf takes exactly one PDF FILE"));
      return PLAN_CLI_STATUS_USAGE;
    }

  name = plan_cli_display_name (files[0]);
  if (!plan_pdf_verify_init (self->nss_dir, &error))
    {
      g_printerr ("kehoach: %s\n", error->message);
      return PLAN_CLI_STATUS_USAGE;
    }

  file = g_file_new_for_commandline_arg (files[0]);
  pdf = g_file_load_bytes (file, NULL, NULL, &error);
  if (pdf != NULL)
    signatures = plan_pdf_verify (pdf, &error);
  if (signatures == NULL)
    {
      g_printerr (_("kehoach: cannot open “%s”: %s\n"), name, error->message);
      return 6;
    }
  if (signatures->len == 0)
    {
      g_print (_("%s: no digital signature\n"), name);
      return 1;
    }

  for (guint i = 0; i < signatures->len; i++)
    {
      PlanPdfSignatureInfo *info = g_ptr_array_index (signatures, i);
      g_autoptr(GDateTime) local = info->time != NULL
                                     ? g_date_time_to_timezone (info->time, vietnam) : NULL;
      g_autofree char *when = local != NULL ? g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z") : g_strdup ("?");
      const char *coverage;

      if (info->covers_whole_file)
        /* Translators: what a PDF signature covers */
        coverage = _("covers the whole document");
      else if (info->covers_revision)
        coverage = i + 1 < signatures->len
                     /* Translators: what a PDF signature covers: the file as it was signed,
                      * later signatures added after it */
                     ? _("covers its revision")
                     /* Translators: the last signature does not cover what was added after it */
                     : _("the document was changed after it");
      else
        coverage = _("does not cover the document");

      /* Translators: one line per PDF signature: number, signer, issuer, time (ISO 8601),
       * state, coverage, trust */
      g_print (_("Signature %u: %s; issuer: %s; time: %s; %s; %s; %s\n"), i + 1,
               info->signer_name, info->issuer[0] != '\0' ? info->issuer : "?", when,
               signature_words (info->signature_status), coverage,
               certificate_words (info->certificate_status));
    }

  return plan_pdf_verify_all_intact (signatures) ? 0 : 1;
}

static void
verify_pdf_clear (gpointer state)
{
  g_free (((VerifyPdfState *) state)->nss_dir);
}

const PlanCliCommand plan_cli_verify_pdf_command = {
  .state_size = sizeof (VerifyPdfState),
  .synopsis = N_("kehoach --verify-pdf [--nssdir DIR] FILE.pdf"),
  .description = N_("Check the digital signatures of an issued PDF: exit status 0 only when all "
                    "are valid and the last covers the whole file"),
  .add_entries = verify_pdf_add_entries,
  .wanted = verify_pdf_wanted,
  .run = verify_pdf_run,
  .clear = verify_pdf_clear,
};
