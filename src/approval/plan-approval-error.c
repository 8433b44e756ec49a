/* plan-approval-error.c: error domain of signing keys, trusted approvers and approvals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plan-approval-error.h"

G_DEFINE_QUARK (plan-approval-error-quark, plan_approval_error)
