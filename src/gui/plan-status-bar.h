/* plan-status-bar.h: the plan's review status in one plain sentence at the top of the window
 * ("Approved by … on …", "Approval void: …" with the changed parts, "Returned for changes: …")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "plan-approval.h"

G_BEGIN_DECLS

#define PLAN_TYPE_STATUS_BAR (plan_status_bar_get_type ())
G_DECLARE_FINAL_TYPE (PlanStatusBar, plan_status_bar, PLAN, STATUS_BAR, GtkWidget)

/* Shows the state of @document as verified in @result. @review_mode adds the line telling an
 * approver that the plan is read-only while they review it. */
void        plan_status_bar_update     (PlanStatusBar      *self,
                                        PlanDocument       *document,
                                        PlanApprovalResult *result,
                                        gboolean            review_mode);
/* What the bar says (heading and details), for the tests. */
const char *plan_status_bar_get_title  (PlanStatusBar      *self);
const char *plan_status_bar_get_detail (PlanStatusBar      *self);

G_END_DECLS
