/* plan-column.h: a table column (relative width, alignment)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-node.h"

G_BEGIN_DECLS

#define PLAN_TYPE_COLUMN (plan_column_get_type ())
G_DECLARE_FINAL_TYPE (PlanColumn, plan_column, PLAN, COLUMN, PlanNode)

/* PlanColumn properties: "width" (double > 0, relative to the other columns, default 1),
 * "alignment" (PlanAlignment of body cells, default PLAN_ALIGN_LEFT). */
PlanColumn   *plan_column_new             (double        width,
                                           PlanAlignment alignment);
double        plan_column_get_width       (PlanColumn   *self);
PlanAlignment plan_column_get_alignment   (PlanColumn   *self);

G_END_DECLS
