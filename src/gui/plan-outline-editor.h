/* plan-outline-editor.h: the outline editor of the body and of an appendix's content
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "plan-document.h"

G_BEGIN_DECLS

#define PLAN_TYPE_OUTLINE_EDITOR (plan_outline_editor_get_type ())
G_DECLARE_FINAL_TYPE (PlanOutlineEditor, plan_outline_editor, PLAN, OUTLINE_EDITOR, GtkWidget)

/* Shows @items (the body, an appendix's content or an item's children) as an indented tree
 * with live numbering. Actions (also on the toolbar): outline.add, outline.delete,
 * outline.move-up (Alt+Up), outline.move-down (Alt+Down), outline.indent (Tab),
 * outline.outdent (Shift+Tab), outline.add-table, outline.set-kind (PlanItemKind as "i");
 * they act on the current item, the one last focused or revealed. outline.renumber clears the
 * markers written by hand in the whole outline (enabled only when there is one). The toolbar
 * also holds the numbering style of the current item's list and its marker written by hand.
 * Signal "focus-object" (GObject *object): the item the user is working in. */
GtkWidget *plan_outline_editor_new            (PlanDocument *document,
                                               GListModel   *items);
/* Scrolls to @item, makes it current and puts the cursor in it. */
void       plan_outline_editor_reveal         (GtkWidget    *editor,
                                               PlanItem     *item);
/* The item the actions act on, or NULL. */
PlanItem  *plan_outline_editor_get_current    (PlanOutlineEditor *self);

G_END_DECLS
