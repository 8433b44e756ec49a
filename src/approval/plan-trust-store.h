/* plan-trust-store.h: the approvers whose signatures the user trusts.
 *
 * Each is a .kehoach-key file in $XDG_DATA_HOME/kehoach/trusted-approvers/ (named after the
 * key id). The user's own signing key (keys/own.kehoach-key, see plan-signing-key.h) always
 * counts as trusted and is listed first with "own" set; it cannot be removed here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "plan-trusted-approver.h"

G_BEGIN_DECLS

#define PLAN_TYPE_TRUST_STORE (plan_trust_store_get_type ())
G_DECLARE_FINAL_TYPE (PlanTrustStore, plan_trust_store, PLAN, TRUST_STORE, GObject)

/* The user's trust store under g_get_user_data_dir(); reads the folder now (unreadable or bad
 * files are skipped with a warning). Never NULL. */
PlanTrustStore      *plan_trust_store_new_default    (void);
/* A store over other folders (tests): @trusted_dir holds the imported keys, @own_key_file the
 * user's own public key file (may be NULL or missing). */
PlanTrustStore      *plan_trust_store_new_for_paths  (GFile          *trusted_dir,
                                                      GFile          *own_key_file);

/* Re-reads the folder (after another window or process changed it). Emits "changed". */
void                 plan_trust_store_reload         (PlanTrustStore *self);

/* The trusted approvers: a GListModel of PlanTrustedApprover, own key first, then by name.
 * Updated in place by import/remove/reload. */
GListModel          *plan_trust_store_get_approvers  (PlanTrustStore *self);

/* Copies a .kehoach-key file into the store (replacing an earlier import of the same key,
 * e.g. with a new title). Returns the approver (transfer full). A bad file fails with
 * PLAN_APPROVAL_ERROR_BAD_KEY_FILE; the store is unchanged then. */
PlanTrustedApprover *plan_trust_store_import_file    (PlanTrustStore *self,
                                                      GFile          *file,
                                                      GCancellable   *cancellable,
                                                      GError        **error);
/* Stops trusting the key. The own key cannot be removed (PLAN_APPROVAL_ERROR_NOT_TRUSTED). */
gboolean             plan_trust_store_remove         (PlanTrustStore *self,
                                                      const char     *key_id,
                                                      GError        **error);

/* The trusted approver with this base64 public key, or NULL (transfer none). Matches the whole
 * key, not only the id. */
PlanTrustedApprover *plan_trust_store_lookup         (PlanTrustStore *self,
                                                      const char     *public_key);

/* Signals: "changed" (void) after the list changed (import, remove, reload). */

G_END_DECLS
