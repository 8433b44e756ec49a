/* plan-node-private.h: helpers shared by PlanNode and the undo machinery
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-node.h"

G_BEGIN_DECLS

/* TRUE when @a and @b (both of @pspec's value type) hold different values, with the same rules
 * PlanNode uses to decide whether to notify (strings by content, PlanText by plan_text_equal). */
gboolean _plan_node_values_differ (GParamSpec   *pspec,
                                   const GValue *a,
                                   const GValue *b);

G_END_DECLS
