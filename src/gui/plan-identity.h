/* plan-identity.h: who is using the app (name, title and role from Preferences) and whose
 * approvals they trust, for the review workflow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "plan-trust-store.h"
#include "plan-types.h"

G_BEGIN_DECLS

PlanRole        plan_identity_get_role        (GSettings *settings);
/* The name and title as set in Preferences, trimmed ("" when not set). */
char           *plan_identity_dup_name        (GSettings *settings);
char           *plan_identity_dup_title       (GSettings *settings);
/* The one trust store of the process (transfer none): Preferences and every window share it,
 * so that an import shows at once in every open plan. */
PlanTrustStore *plan_identity_get_trust_store (void);

G_END_DECLS
