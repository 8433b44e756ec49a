/* plan-trusted-approver.h: an approver whose public key the user trusts (read from a
 * .kehoach-key file)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "plan-approval-error.h"

G_BEGIN_DECLS

#define PLAN_TYPE_TRUSTED_APPROVER (plan_trusted_approver_get_type ())
G_DECLARE_FINAL_TYPE (PlanTrustedApprover, plan_trusted_approver, PLAN, TRUSTED_APPROVER, GObject)

/* Read-only properties: "name", "title" (as written in the key file; may be empty for the
 * user's own key), "key-id" (16 hex digits), "public-key" (base64), "own" (gboolean: the
 * user's own signing key), "file" (GFile it was read from, or NULL). */

/* Parses a public key file. Fails with PLAN_APPROVAL_ERROR_BAD_KEY_FILE and a message that
 * says what is wrong (not a key file, no public key, key id does not match, …). */
PlanTrustedApprover *plan_trusted_approver_new_from_file (GFile               *file,
                                                          GCancellable        *cancellable,
                                                          GError             **error);
PlanTrustedApprover *plan_trusted_approver_new_from_data (const char          *data,
                                                          gsize                length,
                                                          GError             **error);

const char          *plan_trusted_approver_get_name       (PlanTrustedApprover *self);
const char          *plan_trusted_approver_get_title      (PlanTrustedApprover *self);
const char          *plan_trusted_approver_get_key_id     (PlanTrustedApprover *self);
const char          *plan_trusted_approver_get_public_key (PlanTrustedApprover *self);
gboolean             plan_trusted_approver_get_own        (PlanTrustedApprover *self);
GFile               *plan_trusted_approver_get_file       (PlanTrustedApprover *self);

G_END_DECLS
