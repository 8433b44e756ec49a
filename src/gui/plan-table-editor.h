/* plan-table-editor.h: the editor of a ruled table (columns, header rows, body rows, merges)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "plan-document.h"

G_BEGIN_DECLS

#define PLAN_TYPE_TABLE_EDITOR (plan_table_editor_get_type ())
G_DECLARE_FINAL_TYPE (PlanTableEditor, plan_table_editor, PLAN, TABLE_EDITOR, GtkWidget)

/* Header rows and body rows are shown in one recycled GtkColumnView, so that a table of
 * thousands of rows stays fluid. Actions (also on the toolbar and the rows' context):
 *  table.add-row, table.insert-row, table.duplicate-rows, table.delete-rows,
 *  table.move-rows-up, table.move-rows-down, table.add-header-row,
 *  table.copy-rows (Ctrl+Shift+C), table.paste-rows (Ctrl+Shift+V; tab-separated text as
 *  spreadsheets and word processors put on the clipboard),
 *  table.merge-up, table.merge-left, table.unmerge (the cell last focused),
 *  table.add-column.
 * Signal "focus-object" (GObject *object): the PlanRow the user is working in. */
GtkWidget *plan_table_editor_new            (PlanDocument    *document,
                                             PlanTable       *table);
/* Rows of the selection, header rows first (positions in the combined list). */
GtkSelectionModel *plan_table_editor_get_selection (PlanTableEditor *self);
/* The cell last focused, as row (combined position) and column; FALSE when none. */
gboolean   plan_table_editor_get_current_cell (PlanTableEditor *self,
                                               guint           *row,
                                               guint           *column);
void       plan_table_editor_set_current_cell (PlanTableEditor *self,
                                               guint            row,
                                               guint            column);

G_END_DECLS
