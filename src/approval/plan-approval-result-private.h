/* plan-approval-result-private.h: how plan_approval_verify() fills in its result
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-approval.h"

G_BEGIN_DECLS

/* Takes @changed_parts and @description. */
PlanApprovalResult *_plan_approval_result_new (PlanApprovalState  state,
                                               const char        *name,
                                               const char        *title,
                                               gint64             time,
                                               const char        *key_id,
                                               GStrv              changed_parts,
                                               char              *description);

G_END_DECLS
