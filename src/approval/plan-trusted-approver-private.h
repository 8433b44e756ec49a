/* plan-trusted-approver-private.h: what the trust store sets on its approvers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-trusted-approver.h"

G_BEGIN_DECLS

void _plan_trusted_approver_set_own  (PlanTrustedApprover *self,
                                      gboolean             own);
void _plan_trusted_approver_set_file (PlanTrustedApprover *self,
                                      GFile               *file);

G_END_DECLS
