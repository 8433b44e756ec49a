/* plan-signer-credentials.h: a signing certificate and its private key, from a PKCS#12 file
 * or from a PKCS#11 token (a pkcs11: URL, through p11-kit), checked before any signing.
 *
 * GnuTLS reads both; the tokens are the PKCS#11 modules p11-kit has registered (Debian:
 * /usr/share/p11-kit/modules/NAME.module), so the USB tokens of Vietnamese CAs work where their
 * module is installed. The PIN is used to open the key and never kept: the caller passes it,
 * GnuTLS copies it into the token's login, and nothing is written or logged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <gnutls/abstract.h>

G_BEGIN_DECLS

typedef struct _PlanSignerCredentials PlanSignerCredentials;

/* Opens the PKCS#12 file @path with @pin (its password). Errors: PLAN_SIGNING_ERROR_BAD_FILE,
 * _WRONG_PIN, _CERTIFICATE (see plan_signer_credentials_check()). */
PlanSignerCredentials *plan_signer_credentials_new_from_p12    (const char  *path,
                                                                const char  *pin,
                                                                GError     **error);
/* Opens the certificate and private key named by @url ("pkcs11:token=…;object=…") with @pin.
 * Errors: PLAN_SIGNING_ERROR_NO_TOKEN (no such token, token removed, no key or certificate),
 * _WRONG_PIN, _CERTIFICATE. */
PlanSignerCredentials *plan_signer_credentials_new_from_pkcs11 (const char  *url,
                                                                const char  *pin,
                                                                GError     **error);
void                   plan_signer_credentials_free            (PlanSignerCredentials *self);

/* GnuTLS's PKCS#11 layer with the modules p11-kit has registered, set up once (the
 * constructors above call it) */
gboolean               plan_signer_credentials_init_pkcs11     (GError               **error);

gnutls_x509_crt_t      plan_signer_credentials_get_certificate (PlanSignerCredentials *self);
/* Certificates of the chain found with it (CA certificates in the .p12), possibly none */
gnutls_x509_crt_t     *plan_signer_credentials_get_chain       (PlanSignerCredentials *self,
                                                                guint                 *n_chain);
gnutls_privkey_t       plan_signer_credentials_get_key         (PlanSignerCredentials *self);

/* The certificate's subject common name ("Nguyễn Văn A"), its issuer's distinguished name,
 * and its SHA-256 fingerprint in lowercase hex. */
const char            *plan_signer_credentials_get_name        (PlanSignerCredentials *self);
const char            *plan_signer_credentials_get_issuer      (PlanSignerCredentials *self);
const char            *plan_signer_credentials_get_fingerprint (PlanSignerCredentials *self);

/* The checks every signing makes: the certificate is valid at @now (Unix seconds) and allows
 * digital signatures (key usage digitalSignature or nonRepudiation), and the key signs what
 * the certificate verifies. Also run by the constructors, with the current time. */
gboolean               plan_signer_credentials_check           (PlanSignerCredentials *self,
                                                                gint64                 now,
                                                                GError               **error);

/* The subject common name of @crt (else its whole subject), and its issuer distinguished
 * name, for messages and verification; never NULL */
char                  *plan_certificate_dup_common_name        (gnutls_x509_crt_t      crt);
char                  *plan_certificate_dup_issuer             (gnutls_x509_crt_t      crt);

/* One attribute (@oid, e.g. GNUTLS_OID_X520_ORGANIZATION_NAME) of @crt's subject, or of its
 * issuer's name when @issuer; "" when it has none */
char                  *plan_certificate_dup_attribute          (gnutls_x509_crt_t      crt,
                                                                gboolean               issuer,
                                                                const char            *oid);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlanSignerCredentials, plan_signer_credentials_free)

G_END_DECLS
