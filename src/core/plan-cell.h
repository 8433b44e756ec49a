/* plan-cell.h: a table cell, possibly covered by a merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-node.h"

G_BEGIN_DECLS

#define PLAN_TYPE_CELL (plan_cell_get_type ())
G_DECLARE_FINAL_TYPE (PlanCell, plan_cell, PLAN, CELL, PlanNode)

/* PlanCell properties: "text" (string; "\n" separates lines/paragraphs inside the cell),
 * "merge" (PlanMerge: a covered cell continues the cell above or to the left; its text is
 * ignored). */
PlanCell     *plan_cell_new               (const char  *text);
const char   *plan_cell_get_text          (PlanCell    *self);
PlanMerge     plan_cell_get_merge         (PlanCell    *self);

G_END_DECLS
