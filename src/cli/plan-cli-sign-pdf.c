/* plan-cli-sign-pdf.c: kehoach --sign-pdf OUT.pdf (--p12 FILE | --pkcs11 URL | --nssdir DIR
 * --nick NAME) [--pin-file F]
 * [--image PNG] PLAN, and with --agency, SIGNED.pdf instead of the plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kehoach-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "plan-approval.h"
#include "plan-cli-sign-pdf.h"
#include "plan-cli-verify-pdf.h"
#include "plan-fonts.h"
#include "plan-json.h"
#include "plan-sign-pdf.h"
#include "plan-signer-credentials.h"
#include "plan-signer-nss.h"

typedef struct {
  char     *output;
  char     *p12;
  char     *pkcs11;
  char     *nick;       /* with --nssdir (plan_cli_get_nss_dir()) */
  char     *pin_file;
  char     *image;
  char     *plan;
  gboolean  agency;
  int       appendix;   /* 1-based; 0: the whole plan */
} SignState;

static void
sign_add_entries (GOptionGroup *group,
                  gpointer      state)
{
  SignState *self = state;
  const GOptionEntry entries[] = {
    { "sign-pdf", 0, 0, G_OPTION_ARG_FILENAME, &self->output,
      N_("Export the approved plan FILE to OUT.pdf and sign it digitally as the signer (with "
         "--agency: add the agency’s signature to the signed PDF FILE)"), N_("OUT.pdf") },
    { "p12", 0, 0, G_OPTION_ARG_FILENAME, &self->p12,
      N_("With --sign-pdf: the certificate and key in a PKCS#12 file"), N_("FILE.p12") },
    { "pkcs11", 0, 0, G_OPTION_ARG_STRING, &self->pkcs11,
      N_("With --sign-pdf: the certificate and key on a token, as a pkcs11: URL "
         "(list them with “p11tool --list-all-certs”)"), N_("URL") },
    { "nick", 0, 0, G_OPTION_ARG_STRING, &self->nick,
      N_("With --sign-pdf --nssdir DIR: the certificate and key of this nickname in the NSS "
         "database DIR, or on a token registered in it as TOKEN:NAME (“certutil -L -d DIR” "
         "lists them)"), N_("NAME") },
    { "pin-file", 0, 0, G_OPTION_ARG_FILENAME, &self->pin_file,
      N_("With --sign-pdf: read the PIN or password from F (mode 0600); otherwise it is asked "
         "for"), N_("F") },
    { "image", 0, 0, G_OPTION_ARG_FILENAME, &self->image,
      N_("With --sign-pdf: the signature image, or with --agency the seal (transparent PNG)"),
      N_("PNG") },
    { "agency", 0, 0, G_OPTION_ARG_NONE, &self->agency,
      N_("With --sign-pdf: add the agency’s signature to a PDF the signer has signed"), NULL },
    { "appendix", 0, 0, G_OPTION_ARG_INT, &self->appendix,
      N_("With --sign-pdf --agency: export appendix N of the approved plan FILE as a separate "
         "file, with its number and signing time at the top right, signed by the agency"),
      N_("N") },
    { "plan", 0, 0, G_OPTION_ARG_FILENAME, &self->plan,
      N_("With --sign-pdf --agency: record the agency’s signature in this plan’s history"),
      N_("PLAN") },
    { NULL }
  };

  g_option_group_add_entries (group, entries);
}

static gboolean
sign_wanted (gpointer state)
{
  return ((SignState *) state)->output != NULL;
}

void
plan_cli_pin_free (char *pin)
{
  if (pin == NULL)
    return;

  explicit_bzero (pin, strlen (pin));
  g_free (pin);
}

char *
plan_cli_read_pin_file (const char  *path,
                        GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;
  gsize length = 0;
  GStatBuf st;
  char *end;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot read the PIN file “%s”: %s"), display, g_strerror (saved_errno));
      return NULL;
    }
  if (!S_ISREG (st.st_mode) || (st.st_mode & 0077) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("The PIN file “%s” can be read by others (mode %04o): make it private "
                     "with “chmod 600”"), display, (guint) (st.st_mode & 07777));
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot read the PIN file “%s”: %s"), display, local_error->message);
      return NULL;
    }

  end = strpbrk (contents, "\r\n");
  if (end != NULL)
    explicit_bzero (end, length - (end - contents));
  return contents;
}

/* Asks on the terminal without echo; NULL when there is none. */
static char *
ask_pin (const char *prompt)
{
  struct termios saved, quiet;
  char buffer[256];
  char *pin = NULL;
  FILE *tty = fopen ("/dev/tty", "r+");

  if (tty == NULL)
    return NULL;

  fprintf (tty, "%s", prompt);
  fflush (tty);
  if (tcgetattr (fileno (tty), &saved) == 0)
    {
      quiet = saved;
      quiet.c_lflag &= ~ECHO;
      tcsetattr (fileno (tty), TCSAFLUSH, &quiet);
      if (fgets (buffer, sizeof buffer, tty) != NULL)
        {
          buffer[strcspn (buffer, "\r\n")] = '\0';
          pin = g_strdup (buffer);
        }
      tcsetattr (fileno (tty), TCSAFLUSH, &saved);
      fprintf (tty, "\n");
    }
  explicit_bzero (buffer, sizeof buffer);
  fclose (tty);
  return pin;
}

static PlanSignerCredentials *
open_credentials (SignState  *self,
                  GError    **error)
{
  char *pin = NULL;
  PlanSignerCredentials *credentials;

  if (self->pin_file != NULL)
    pin = plan_cli_read_pin_file (self->pin_file, error);
  else
    {
      /* Translators: asked on the terminal; what is typed is not shown */
      pin = ask_pin (self->p12 != NULL ? _("Password of the certificate file: ")
                     : self->nick != NULL ? _("Password of the NSS database or PIN: ")
                     : _("PIN: "));
      if (pin == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             _("No terminal to ask for the PIN: give it with --pin-file"));
    }
  if (pin == NULL)
    return NULL;

  if (self->p12 != NULL)
    credentials = plan_signer_credentials_new_from_p12 (self->p12, pin, error);
  else if (self->nick != NULL)
    credentials = plan_signer_credentials_new_from_nss (plan_cli_get_nss_dir (), self->nick, pin,
                                                        error);
  else
    credentials = plan_signer_credentials_new_from_pkcs11 (self->pkcs11, pin, error);
  plan_cli_pin_free (pin);

  return credentials;
}

static gboolean
write_output (const char  *output,
              GBytes      *pdf,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

  /* The same atomic write as a plan's: all or nothing */
  return plan_json_replace_file (file, pdf, NULL, NULL, NULL, error);
}

/* Records the signing in @plan_path's history and saves it; FALSE (and the PDF removed by the
 * caller) when the plan cannot be saved: no signing goes unrecorded. */
static gboolean
record_in_plan (PlanDocument          *document,
                const char            *plan_path,
                PlanSignerCredentials *credentials,
                gboolean               agency,
                int                    appendix,
                GDateTime             *time,
                GBytes                *pdf,
                GError               **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (plan_path);

  /* The signer signs in the title the plan prints; the agency is named by its certificate */
  if (appendix > 0)
    plan_sign_pdf_record_appendix (document, credentials, appendix - 1, time, pdf);
  else
    plan_sign_pdf_record (document, credentials,
                          agency ? "" : plan_document_get_signer_title (document), time, pdf);
  return plan_json_save_file (document, file, NULL, NULL, NULL, error);
}

static PlanDocument *
load_plan (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return plan_json_load_file (file, NULL, NULL, error);
}

static int
sign_run (gpointer   state,
          char     **files)
{
  SignState *self = state;
  g_autoptr(PlanSignerCredentials) credentials = NULL;
  g_autoptr(PlanDocument) document = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GBytes) signed_pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *input_name = NULL;
  g_autofree char *output_name = NULL;
  const char *plan_path = NULL;

  if (self->appendix != 0 && (!self->agency || self->appendix < 0 || self->plan != NULL ||
                              self->image != NULL))
    {
      g_printerr ("%s\n", _("kehoach: --appendix N goes with --agency, N from 1, and FILE is "
                            "the plan (no --plan, no --image: the appendix carries no image)"));
      return PLAN_CLI_STATUS_USAGE;
    }
  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      g_printerr ("%s\n", self->appendix != 0
                            ? _("kehoach: --sign-pdf --agency --appendix takes exactly one plan FILE")
                            : self->agency
                            ? _("kehoach: --sign-pdf --agency takes exactly one signed PDF FILE")
                            : _("kehoach: --sign-pdf takes exactly one plan FILE"));
      return PLAN_CLI_STATUS_USAGE;
    }
  if ((self->p12 != NULL) + (self->pkcs11 != NULL) + (self->nick != NULL) != 1 ||
      (self->nick != NULL) != (plan_cli_get_nss_dir () != NULL))
    {
      g_printerr ("%s\n", _("kehoach: --sign-pdf needs the certificate: one of --p12 FILE.p12, "
                            "--pkcs11 URL, or --nssdir DIR --nick NAME"));
      return PLAN_CLI_STATUS_USAGE;
    }
  if (self->plan != NULL && !self->agency)
    {
      g_printerr ("%s\n", _("kehoach: --plan goes with --agency (the signer’s plan is FILE)"));
      return PLAN_CLI_STATUS_USAGE;
    }

  input_name = plan_cli_display_name (files[0]);
  output_name = plan_cli_display_name (self->output);

  /* The plan first: an unapproved plan is refused before the PIN is asked for */
  plan_path = self->agency && self->appendix == 0 ? self->plan : files[0];
  if (plan_path != NULL)
    {
      document = load_plan (plan_path, &error);
      if (document == NULL)
        {
          g_autofree char *name = plan_cli_display_name (plan_path);

          g_printerr (_("kehoach: cannot open “%s”: %s\n"), name, error->message);
          return 1;
        }
    }
  if (!self->agency || self->appendix != 0)
    {
      g_autoptr(PlanTrustStore) trust = plan_trust_store_new_default ();
      g_autoptr(PlanApprovalResult) result = plan_approval_verify (document, trust);

      if (!plan_approval_result_is_approved (result))
        {
          /* Translators: the first %s is a file name, the second the approval state */
          g_printerr (_("kehoach: “%s” cannot be signed: %s. Only a plan whose approval "
                        "verifies is issued.\n"),
                      input_name, plan_approval_result_describe (result));
          return 1;
        }
      plan_fonts_prepare ();
    }

  credentials = open_credentials (self, &error);
  if (credentials == NULL)
    {
      g_printerr (_("kehoach: cannot sign: %s\n"), error->message);
      return 1;
    }

  now = plan_sign_pdf_now ();
  if (self->appendix != 0)
    {
      g_autoptr(PlanTrustStore) trust = plan_trust_store_new_default ();

      signed_pdf = plan_sign_pdf_appendix (document, trust, credentials, self->appendix - 1,
                                           now, &error);
    }
  else if (!self->agency)
    {
      g_autoptr(PlanTrustStore) trust = plan_trust_store_new_default ();

      signed_pdf = plan_sign_pdf_as_signer (document, trust, credentials, self->image, now,
                                            &error);
    }
  else
    {
      g_autoptr(GFile) input = g_file_new_for_commandline_arg (files[0]);
      g_autoptr(GBytes) pdf = g_file_load_bytes (input, NULL, NULL, &error);

      if (pdf != NULL)
        signed_pdf = plan_sign_pdf_as_agency (pdf, credentials, self->image, now, &error);
    }
  if (signed_pdf == NULL)
    {
      /* Translators: the first %s is a file name, the second the reason */
      g_printerr (_("kehoach: cannot sign “%s”: %s\n"), input_name, error->message);
      return 1;
    }

  if (!write_output (self->output, signed_pdf, &error))
    {
      g_printerr (_("kehoach: cannot write “%s”: %s\n"), output_name, error->message);
      return 1;
    }

  if (document != NULL && plan_review_get_status (plan_document_get_review (document)) ==
                          PLAN_STATUS_APPROVED &&
      !record_in_plan (document, plan_path, credentials, self->agency, self->appendix, now,
                       signed_pdf, &error))
    {
      g_autofree char *plan_name = plan_cli_display_name (plan_path);

      g_unlink (self->output);
      g_printerr (_("kehoach: the signing could not be recorded in “%s”, so “%s” was not "
                    "kept: %s\n"), plan_name, output_name, error->message);
      return 1;
    }

  /* Translators: %s is the signer's name (from the certificate), then the file written */
  g_print (_("Signed by %s: %s\n"), plan_signer_credentials_get_name (credentials), output_name);
  return 0;
}

static void
sign_clear (gpointer state)
{
  SignState *self = state;

  g_free (self->output);
  g_free (self->p12);
  g_free (self->pkcs11);
  g_free (self->nick);
  g_free (self->pin_file);
  g_free (self->image);
  g_free (self->plan);
}

const PlanCliCommand plan_cli_sign_pdf_command = {
  .state_size = sizeof (SignState),
  .synopsis = N_("kehoach --sign-pdf OUT.pdf [--agency] (--p12 FILE.p12 | --pkcs11 URL | "
                 "--nssdir DIR --nick NAME) [--pin-file F] [--image PNG] [--plan PLAN] "
                 "[--appendix N] FILE"),
  .description = N_("Issue the approved plan FILE as a PDF signed by the signer; with --agency, "
                    "add the agency’s signature and seal to the signed PDF FILE; with --agency "
                    "--appendix N, issue appendix N of the plan FILE as a separate PDF signed by "
                    "the agency. The signing is recorded in the plan’s history"),
  .add_entries = sign_add_entries,
  .wanted = sign_wanted,
  .run = sign_run,
  .clear = sign_clear,
};
