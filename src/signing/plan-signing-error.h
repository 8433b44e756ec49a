/* plan-signing-error.h: error domain of the PDF digital signatures (ký số)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PLAN_SIGNING_ERROR (plan_signing_error_quark ())

typedef enum {
  PLAN_SIGNING_ERROR_FAILED,          /* a library call failed; the message says which */
  PLAN_SIGNING_ERROR_BAD_FILE,        /* a .p12 file or PNG image that cannot be read */
  PLAN_SIGNING_ERROR_WRONG_PIN,       /* the PIN or password is wrong */
  PLAN_SIGNING_ERROR_NO_TOKEN,        /* no token or key matches the pkcs11: URL */
  PLAN_SIGNING_ERROR_CERTIFICATE,     /* expired, not yet valid, or not for signing */
  PLAN_SIGNING_ERROR_NOT_APPROVED,    /* only a plan whose approval verifies can be signed */
  PLAN_SIGNING_ERROR_UNSUPPORTED_PDF, /* a PDF this code cannot extend (e.g. xref streams) */
  PLAN_SIGNING_ERROR_NO_PLACE,        /* the signer's title and name are not in the PDF */
} PlanSigningError;

GQuark plan_signing_error_quark (void);

G_END_DECLS
