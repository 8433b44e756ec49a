/* plan-item.h: a node of the outline (body, appendix content): section, numbered item, point,
 * bullet, paragraph, note or table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-node.h"
#include "plan-text.h"

G_BEGIN_DECLS

#define PLAN_TYPE_ITEM (plan_item_get_type ())
G_DECLARE_FINAL_TYPE (PlanItem, plan_item, PLAN, ITEM, PlanNode)

/* Properties:
 *  "kind"     PlanItemKind (PLAN_TYPE_ITEM_KIND), default PLAN_ITEM_PARAGRAPH
 *  "heading"  PlanText, never NULL (empty = no heading). Printed after the marker; bold for
 *             sections and numbered items.
 *  "run-in"   gboolean: the first paragraph continues on the heading's line
 *             ("1. Phòng Quản lý Công nghiệp: Là đầu mối …"); otherwise the heading stands on
 *             its own line.
 *  "marker-format"  PlanMarkerFormat, default PLAN_MARKER_AUTO (the list's or the kind's style)
 *  "marker-suffix"  string printed after the computed number (".", ")", "/.", ""); used only
 *             when "marker-format" is not PLAN_MARKER_AUTO
 *  "marker"   string, default "": a marker written by hand ("f)" after "e)", a skipped "4."),
 *             printed instead of the computed one. The item still counts in its list.
 *             Ignored for tables.
 *  "table"    PlanTable, set only on items of kind PLAN_ITEM_TABLE (construct-only)
 * Lists (never NULL, owned by the item, GListStore underneath; change them only through
 * plan_document_insert()/remove()/move() so that the change is recorded for undo):
 *  paragraphs: PlanParagraph. When there is no heading, the marker precedes the first paragraph.
 *  children:   PlanItem, nested items.
 * A table item (plan_item_new_table()) prints only its table, with the table's title and note. */
PlanItem     *plan_item_new             (PlanItemKind  kind,
                                         const char   *heading);
PlanItem     *plan_item_new_table       (PlanTable    *table);

PlanItemKind  plan_item_get_kind        (PlanItem     *self);
PlanMarkerFormat plan_item_get_marker_format (PlanItem *self);
const char   *plan_item_get_marker_suffix (PlanItem   *self);
/* The literal marker, "" when the marker is computed */
const char   *plan_item_get_marker      (PlanItem     *self);
PlanText     *plan_item_get_heading     (PlanItem     *self);
gboolean      plan_item_get_run_in      (PlanItem     *self);
/* NULL unless the item is a table */
PlanTable    *plan_item_get_table       (PlanItem     *self);
GListModel   *plan_item_get_paragraphs  (PlanItem     *self);
GListModel   *plan_item_get_children    (PlanItem     *self);

/* Convenience for building content in code (no undo): appends a paragraph or a child. */
PlanParagraph *plan_item_append_paragraph (PlanItem   *self,
                                           const char *plain);
void          plan_item_append_child    (PlanItem     *self,
                                         PlanItem     *child);

/* The object whose text is printed last in @items (a PlanParagraph, or a PlanItem for a
 * heading), its text in @text; NULL when the last thing printed is a table: the end marker
 * "./." goes after that text */
gpointer      plan_item_list_find_last_text (GListModel *items,
                                             PlanText  **text);

G_END_DECLS
