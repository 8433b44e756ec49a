/* plan-signer-nss.h: a signing certificate named the way NSS names it, an NSS database and a
 * nickname (kehoach --sign-pdf --nssdir DIR --nick NAME): the database's own certificates and
 * keys, and those on the tokens whose PKCS#11 modules are registered in it (modutil).
 *
 * NSS opens the database (read-only, plan_pdf_verify_init(): it then also gives the trust
 * roots of the signatures this process verifies), which initialises NSS's softoken (the
 * PKCS#11 module, libsoftokn3.so, that holds the database's certificates and keys) and the
 * modules registered in it. GnuTLS then adds these same modules through p11-kit, which finds
 * them initialised already and shares them. NSS finds the certificate by its nickname ("NAME",
 * or "TOKEN:NAME" for a token); its token and CKA_ID name it and its key in a pkcs11: URL that
 * plan_signer_credentials_new_from_pkcs11() opens with the PIN (the database's password, or
 * the token's PIN).
 *
 * NSS holds one database per process: a process that opened another one before (to verify a
 * PDF) cannot sign from this one, and the certificate is then not found.
 *
 * plan_signer_nss_list() lists a database's signing certificates for a choice in the window,
 * as pkcs11: URLs that plan_signer_credentials_new_from_nss_url() opens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-signer-credentials.h"

G_BEGIN_DECLS

/* The pkcs11: URL of the certificate @nickname in the NSS database @nss_dir ("DIR" or
 * "sql:DIR"), after making its modules GnuTLS's; @pin logs in to a token whose certificates
 * NSS sees only after logging in. Errors: PLAN_SIGNING_ERROR_BAD_FILE (not a database),
 * _NO_TOKEN (no such certificate, or a token GnuTLS cannot reach), _WRONG_PIN. */
char                  *plan_signer_nss_dup_url          (const char  *nss_dir,
                                                         const char  *nickname,
                                                         const char  *pin,
                                                         GError     **error);

/* The signing certificates an NSS database reaches, as PlanSignerToken (see
 * plan-signer-tokens.h) with @nss_dir set: end-entity certificates with a private key, the
 * database's own ("Nguyễn Văn A (NSS certificate database)") and those on the tokens of the
 * modules registered in it ("Nguyễn Văn A (VNPT-CA, through the NSS certificate database)"),
 * listed without a password: NSS tells a certificate with a key by the public key its token
 * shows beside it. A token that shows its certificates only after logging in is not listed
 * (the command line's --nick reaches it). @nss_dir NULL: the user's ~/.pki/nssdb, and an
 * empty list, NSS left untouched, when it does not exist. Errors: PLAN_SIGNING_ERROR_BAD_FILE
 * (not a database), _NO_TOKEN (this process opened another database already). */
GPtrArray             *plan_signer_nss_list             (const char  *nss_dir,
                                                         GError     **error);

/* The certificate and key of @url (a plan_signer_nss_list() entry, or any pkcs11: URL) with
 * the modules of the NSS database @nss_dir given to GnuTLS first. A wrong password for the
 * database itself says so. Errors as plan_signer_credentials_new_from_pkcs11(). */
PlanSignerCredentials *plan_signer_credentials_new_from_nss_url (const char  *nss_dir,
                                                                 const char  *url,
                                                                 const char  *pin,
                                                                 GError     **error);

/* plan_signer_nss_dup_url() then plan_signer_credentials_new_from_nss_url() */
PlanSignerCredentials *plan_signer_credentials_new_from_nss (const char  *nss_dir,
                                                             const char  *nickname,
                                                             const char  *pin,
                                                             GError     **error);

G_END_DECLS
