/* plan-table.h: a ruled table (appendix forms, task lists): columns, header rows, body rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-node.h"
#include "plan-column.h"
#include "plan-row.h"
#include "plan-cell.h"

G_BEGIN_DECLS

#define PLAN_TYPE_TABLE  (plan_table_get_type ())
G_DECLARE_FINAL_TYPE (PlanTable,  plan_table,  PLAN, TABLE,  PlanNode)

/* PlanTable properties:
 *  "title"     string, printed bold and centred above the table ("Biểu 01: BÁO CÁO …"); may be empty
 *  "note"      string, printed italic and centred under the title ("(Lưu ý: …)"); may be empty
 *  "numbered"  gboolean: the first column is an auto-numbered TT column; its body cells print
 *              1, 2, 3 … (a row whose first cell is merged up continues the previous number)
 *  "font-size" guint, pt: 0 (default) = the usual table size (12 pt, or one less than the
 *              body's), else 11–14 as the office sets it
 *  "vertical-alignment"  PlanVerticalAlignment of body cells in taller rows, default top
 *              (header cells are always centred)
 *  "repeat-header"  gboolean, default TRUE: the header rows print again on every page
 *  "footnote"  string, printed italic right under the table ("(*) …", "(Lưu ý: …)"); may be
 *              empty
 * Lists: columns (PlanColumn), header-rows (PlanRow, printed as their "header-style" says,
 *        bold by default), rows (PlanRow). Every row has exactly one cell per column. */
#define PLAN_TABLE_FONT_SIZE_MIN 11
#define PLAN_TABLE_FONT_SIZE_MAX 14

PlanTable    *plan_table_new              (guint       n_columns);
GListModel   *plan_table_get_columns      (PlanTable  *self);
GListModel   *plan_table_get_header_rows  (PlanTable  *self);
GListModel   *plan_table_get_rows         (PlanTable  *self);
const char   *plan_table_get_title        (PlanTable  *self);
const char   *plan_table_get_note         (PlanTable  *self);
gboolean      plan_table_get_numbered     (PlanTable  *self);
guint         plan_table_get_font_size    (PlanTable  *self);
PlanVerticalAlignment plan_table_get_vertical_alignment (PlanTable *self);
gboolean      plan_table_get_repeat_header (PlanTable *self);
const char   *plan_table_get_footnote     (PlanTable  *self);
guint         plan_table_get_n_columns    (PlanTable  *self);
/* Building in code (no undo): a new row with one empty cell per column, appended. */
PlanRow      *plan_table_append_row       (PlanTable  *self);
PlanRow      *plan_table_append_header_row (PlanTable *self);
/* The column's name as shown in the editor: the text of the last header row's cell. */
const char   *plan_table_get_column_name  (PlanTable  *self,
                                           guint       column);

G_END_DECLS
