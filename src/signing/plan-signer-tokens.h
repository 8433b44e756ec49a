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
} PlanSignerToken;

void       plan_signer_token_free  (PlanSignerToken *token);

/* Every end-entity certificate on the tokens p11-kit knows (CA certificates, such as the
 * system's trust store, are left out), without logging in. A GPtrArray of PlanSignerToken,
 * maybe empty; NULL with @error when PKCS#11 cannot be used. */
GPtrArray *plan_signer_tokens_list (GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlanSignerToken, plan_signer_token_free)

G_END_DECLS
