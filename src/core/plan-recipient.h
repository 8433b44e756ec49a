/* plan-recipient.h: one line of "Nơi nhận:" (name and optional purpose)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-node.h"

G_BEGIN_DECLS

#define PLAN_TYPE_RECIPIENT (plan_recipient_get_type ())
G_DECLARE_FINAL_TYPE (PlanRecipient, plan_recipient, PLAN, RECIPIENT, PlanNode)

/* Properties: "name" ("Phòng GD&ĐT"), "purpose" ("b/cáo", may be empty).
 * Printed "- Phòng GD&ĐT (b/cáo);". */
PlanRecipient *plan_recipient_new          (const char    *name,
                                            const char    *purpose);
const char    *plan_recipient_get_name     (PlanRecipient *self);
const char    *plan_recipient_get_purpose  (PlanRecipient *self);

G_END_DECLS
