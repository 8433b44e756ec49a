/* test-nss-certificates.c: the signing certificates of the user's NSS database (~/.pki/nssdb),
 * as the window offers them: listed without a password (the database's own and those on a
 * token registered in it with modutil), each once beside p11-kit's tokens, and signing with
 * them gives a PDF that pdfsig reports valid. Its own program: a process holds one NSS
 * database, and this one opens the test home's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <nss.h>

#include "approval-test-util.h"
#include "plan-pdf-verify.h"
#include "plan-sign-pdf.h"
#include "plan-signer-nss.h"
#include "plan-signer-tokens.h"
#include "plan-signing-error.h"
#include "pki-test-util.h"

static char *pki;   /* made once by make-test-pki.sh */

static void
run_or_fail (const char **argv,
             char       **out)
{
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               out, NULL, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  g_test_message ("%s → %d\n%s", argv[0], WEXITSTATUS (wait_status), out ? *out : "");
}

static PlanSignerToken *
find_label (GPtrArray  *tokens,
            const char *label)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      PlanSignerToken *token = g_ptr_array_index (tokens, i);

      if (g_str_equal (token->label, label))
        return token;
    }
  return NULL;
}

/* Signs the approved reference plan with @credentials; pdfsig (the test CA trusted) reports
 * one valid, trusted signature by @name */
static void
assert_signs (PlanSignerCredentials *credentials,
              const char            *name)
{
  g_autofree char *sample = at_sample_path ("reference-25-kh-thcs.kehoach.json");
  g_autoptr(PlanDocument) document = at_load (sample);
  g_autoptr(PlanTrustStore) trust = NULL;
  g_autoptr(PlanSigningKey) key = NULL;
  g_autoptr(GDateTime) now = plan_sign_pdf_now ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kehoach-nss-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "signed.pdf", NULL);
  g_autofree char *trusted = g_strconcat ("sql:", pki, "/nssdb-trusted", NULL);
  g_autofree char *out = NULL;
  g_autofree char *expected = g_strconcat ("Signer Certificate Common Name: ", name, NULL);
  const char *pdfsig[] = { "pdfsig", "-nssdir", trusted, path, NULL };

  key = plan_signing_key_get_default (TRUE, NULL, &error);
  g_assert_no_error (error);
  at_approve (document, key);
  trust = plan_trust_store_new_default ();   /* with the user's own key, made just now */
  pdf = plan_sign_pdf_as_signer (document, trust, credentials, NULL, now, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL),
                                      g_bytes_get_size (pdf), NULL));
  run_or_fail (pdfsig, &out);
  g_assert_nonnull (strstr (out, expected));
  g_assert_nonnull (strstr (out, "Signature Validation: Signature is Valid."));
  g_assert_nonnull (strstr (out, "Certificate Validation: Certificate is Trusted."));
  at_remove_dir (dir);
}

static void
test_nss_certificates (void)
{
  g_autofree char *nssdb = g_build_filename (g_get_home_dir (), ".pki", "nssdb", NULL);
  g_autofree char *keys = g_build_filename (pki, "nssdb-keys", NULL);
  g_autofree char *other = g_build_filename (pki, "nssdb-trusted", NULL);
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) tokens = NULL;
  g_autoptr(GPtrArray) refused = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(PlanSignerCredentials) wrong = NULL;
  g_autoptr(PlanSignerCredentials) own = NULL;
  g_autoptr(PlanSignerCredentials) on_token = NULL;
  g_autoptr(GError) error = NULL;
  PlanSignerToken *signer, *agency, *token, *plain;
  guint from_token = 0;

  /* No database yet: nothing, and NSS not started (a later check may open another) */
  none = plan_signer_nss_list (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_false (NSS_IsInitialized ());

  /* The user's database: the test's keys database, as pk12util and modutil leave it */
  {
    g_autofree char *pki_dir = g_path_get_dirname (nssdb);
    const char *copy[] = { "cp", "-r", keys, nssdb, NULL };

    g_assert_cmpint (g_mkdir_with_parents (pki_dir, 0700), ==, 0);
    run_or_fail (copy, NULL);
  }

  listed = plan_signer_nss_list (NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < listed->len; i++)
    g_test_message ("NSS: %s → %s", ((PlanSignerToken *) g_ptr_array_index (listed, i))->label,
                    ((PlanSignerToken *) g_ptr_array_index (listed, i))->url);
  /* The two keys of the database, the token's certificate; not the CA */
  g_assert_cmpuint (listed->len, ==, 3);
  signer = find_label (listed, "Nguyễn Văn A (NSS certificate database)");
  agency = find_label (listed, "Trường THCS Kim Đồng (NSS certificate database)");
  token = find_label (listed, "Nguyễn Văn A (KeHoachTest, through the NSS certificate database)");
  g_assert_nonnull (signer);
  g_assert_nonnull (agency);
  g_assert_nonnull (token);
  g_assert_cmpstr (signer->nss_dir, ==, nssdb);
  g_assert_cmpstr (token->nss_dir, ==, nssdb);
  g_assert_true (g_str_has_prefix (signer->url, "pkcs11:"));
  g_assert_nonnull (strstr (signer->url, ";token=NSS%20Certificate%20DB;"));
  g_assert_nonnull (strstr (token->url, ";token=KeHoachTest;id=%01"));
  g_assert_cmpstr (plan_pdf_verify_get_nss_dir (), ==, nssdb);

  /* Another database cannot be listed in this process any more */
  refused = plan_signer_nss_list (other, &error);
  g_assert_null (refused);
  g_assert_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_NO_TOKEN);
  g_clear_error (&error);

  /* p11-kit reaches the SoftHSM2 token too: beside it, the token's certificate once, as the
   * database's */
  tokens = plan_signer_tokens_list (&error);
  g_assert_no_error (error);
  plain = find_label (tokens, "Nguyễn Văn A (KeHoachTest)");
  g_assert_nonnull (plain);
  plan_signer_tokens_add_nss (tokens, listed);
  g_assert_null (find_label (tokens, "Nguyễn Văn A (KeHoachTest)"));
  g_assert_nonnull (find_label (tokens, "Nguyễn Văn A (NSS certificate database)"));
  g_assert_nonnull (find_label (tokens, "Trường THCS Kim Đồng (NSS certificate database)"));
  for (guint i = 0; i < tokens->len; i++)
    if (strstr (((PlanSignerToken *) g_ptr_array_index (tokens, i))->label, "KeHoachTest") != NULL)
      from_token++;
  g_assert_cmpuint (from_token, ==, 1);

  /* The database's password: a wrong one said so; the right one signs */
  wrong = plan_signer_credentials_new_from_nss_url (signer->nss_dir, signer->url, "000000",
                                                    &error);
  g_assert_null (wrong);
  g_assert_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_WRONG_PIN);
  g_assert_nonnull (strstr (error->message, "Wrong password for the NSS database “"));
  g_clear_error (&error);
  own = plan_signer_credentials_new_from_nss_url (signer->nss_dir, signer->url, "123456",
                                                  &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plan_signer_credentials_get_name (own), ==, "Nguyễn Văn A");
  assert_signs (own, "Nguyễn Văn A");

  /* The token through the database, with its PIN */
  on_token = plan_signer_credentials_new_from_nss_url (token->nss_dir, token->url, "123456",
                                                       &error);
  g_assert_no_error (error);
  assert_signs (on_token, "Nguyễn Văn A");

  /* GnuTLS now has NSS's modules: p11-kit's list still leaves the database to NSS's */
  after = plan_signer_tokens_list (&error);
  g_assert_no_error (error);
  for (guint i = 0; i < after->len; i++)
    {
      PlanSignerToken *entry = g_ptr_array_index (after, i);

      g_test_message ("p11-kit: %s → %s", entry->label, entry->url);
      g_assert_null (strstr (entry->url, "token=NSS%20Certificate%20DB"));
      g_assert_null (entry->nss_dir);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *conf = NULL;
  int status;

  at_init (&argc, &argv);

  {
    g_autoptr(GError) error = NULL;

    pki = pki_test_make (&error);
    if (pki == NULL && g_error_matches (error, G_SPAWN_ERROR, G_SPAWN_ERROR_NOENT))
      {
        g_test_skip (error->message);
        return g_test_run ();
      }
    g_assert_no_error (error);
  }
  /* The token, before anything loads the PKCS#11 modules */
  conf = g_build_filename (pki, "softhsm2.conf", NULL);
  g_setenv ("SOFTHSM2_CONF", conf, TRUE);

  g_test_add_func ("/signing/nss-certificates", test_nss_certificates);

  status = g_test_run ();
  at_remove_dir (pki);
  g_free (pki);
  return status;
}
