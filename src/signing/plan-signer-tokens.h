/* plan-signer-tokens.h: the signing certificates on the PKCS#11 tokens plugged in, for a
 * choice in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *label;   /* "Nguyễn Văn A (KeHoachTest)": the certificate's name and its token's */
  char *url;     /* the pkcs11: URL of the certificate and its key, for
                    plan_signer_credentials_new_from_pkcs11() */
  char *nss_dir; /* NULL: on a token p11-kit knows; else listed by plan_signer_nss_list(): the
                    NSS database whose modules reach it, for
                    plan_signer_credentials_new_from_nss_url() */
} PlanSignerToken;

void       plan_signer_token_free  (PlanSignerToken *token);

/* Every end-entity certificate on the tokens p11-kit knows (CA certificates, such as the
 * system's trust store, are left out), without logging in. A GPtrArray of PlanSignerToken,
 * maybe empty; NULL with @error when PKCS#11 cannot be used. NSS's own tokens (its database,
 * once NSS's modules were given to GnuTLS to sign from a database) are left out: they are
 * plan_signer_nss_list()'s. */
GPtrArray *plan_signer_tokens_list (GError **error);

/* Appends the certificates of an NSS database (@from_nss, plan_signer_nss_list()) to
 * @tokens, each object once: one that both reach (the same token, by manufacturer, serial and
 * label, and the same CKA_ID) is listed as the database's, in its place in @tokens. */
void       plan_signer_tokens_add_nss (GPtrArray *tokens,
                                       GPtrArray *from_nss);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlanSignerToken, plan_signer_token_free)

G_END_DECLS
