/* plan-cms.h: the CMS (PKCS#7) signature inside a PDF signature: detached, SHA-256, PAdES
 * baseline B (GnuTLS's gnutls_pkcs7_sign; the ESS attribute encoded with libtasn1), and what a
 * verifier reads back from one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-signer-credentials.h"

G_BEGIN_DECLS

/* A detached CMS SignedData over @data, DER encoded, SHA-256, as PAdES baseline B wants it
 * (ETSI EN 319 142-1, ETSI.CAdES.detached): the ESS signing-certificate-v2 attribute naming
 * the signer's certificate, no signing-time attribute (the PDF's /M holds the time); with the
 * signer's certificate and the chain that came with it. */
GBytes  *plan_cms_sign             (PlanSignerCredentials *credentials,
                                    GBytes                *data,
                                    GError               **error);

typedef struct {
  char   *signer_name;   /* subject common name of the signing certificate */
  char   *issuer;        /* its issuer's distinguished name */
  char   *organization;  /* the signing certificate's organisation (O), or "" */
  char   *issuer_name;   /* its issuer's common name (CN), or "" */
  GPtrArray *certificates; /* GBytes: the DER of every certificate it carries */
  gint64  signing_time;  /* Unix seconds from the signed attributes, or -1 */
} PlanCmsInfo;

void     plan_cms_info_free        (PlanCmsInfo *info);
/* Reads the first signer of the DER @cms; NULL with @error when it is not a SignedData. */
PlanCmsInfo *plan_cms_inspect      (GBytes                *cms,
                                    GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlanCmsInfo, plan_cms_info_free)

G_END_DECLS
