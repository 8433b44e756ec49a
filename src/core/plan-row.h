/* plan-row.h: a table row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-node.h"

G_BEGIN_DECLS

#define PLAN_TYPE_ROW (plan_row_get_type ())
G_DECLARE_FINAL_TYPE (PlanRow, plan_row, PLAN, ROW, PlanNode)

/* PlanRow: list cells (PlanCell), one per column of its table.
 * Property "header-style" (PlanHeaderStyle, default PLAN_HEADER_BOLD): how the row prints when
 * it is a header row; body rows ignore it. */
PlanRow      *plan_row_new                (guint        n_cells);
GListModel   *plan_row_get_cells          (PlanRow     *self);
PlanHeaderStyle plan_row_get_header_style (PlanRow     *self);
PlanCell     *plan_row_get_cell           (PlanRow     *self,
                                           guint        column);
/* Convenience (no undo) for building rows from text; NULL entries leave cells empty. */
void          plan_row_set_texts          (PlanRow     *self,
                                           const char * const *texts);

G_END_DECLS
