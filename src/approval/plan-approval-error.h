/* plan-approval-error.h: error domain of signing keys, trusted approvers and approvals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PLAN_APPROVAL_ERROR (plan_approval_error_quark ())

typedef enum {
  PLAN_APPROVAL_ERROR_NO_KEY,         /* the user has no signing key yet (lookup without create) */
  PLAN_APPROVAL_ERROR_KEY_STORAGE,    /* the keyring or the key file could not be read/written */
  PLAN_APPROVAL_ERROR_BAD_KEY,        /* the stored signing key is damaged */
  PLAN_APPROVAL_ERROR_BAD_KEY_FILE,   /* a .kehoach-key file is not a valid public key file;
                                         the message says what is wrong */
  PLAN_APPROVAL_ERROR_NOT_TRUSTED,    /* removing a key that is not in the trust store */
  PLAN_APPROVAL_ERROR_CRYPTO,         /* libsodium could not be initialized */
  PLAN_APPROVAL_ERROR_NO_NAME,        /* approving without the approver's name (Preferences) */
} PlanApprovalError;

GQuark plan_approval_error_quark (void);

G_END_DECLS
