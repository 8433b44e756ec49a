/* plan-numbering.h: numbering derived from position in the outline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-document.h"

G_BEGIN_DECLS

/* The printed markers of every item of @items, in order: "I.", "1.", "1.1.", "a)", "-", "+", ""
 * (paragraphs, notes, tables). @parent is the item holding @items (NULL at the top of the body
 * or of an appendix's content). Items are counted among their siblings of the same kind; a
 * numbered item inside a numbered item continues its number ("1.1."); a bullet inside a bullet
 * prints "+". Styles come from the document's numbering properties.
 * Returns a NULL-terminated array with g_list_model_get_n_items (@items) strings. */
GStrv   plan_numbering_markers        (PlanDocument *document,
                                       GListModel   *items,
                                       PlanItem     *parent,
                                       const char   *parent_number);
/* The number to pass down as @parent_number when descending into @item's children: "1.1" for a
 * numbered item whose marker is "1.1.", else NULL. */
char   *plan_numbering_child_prefix   (PlanItem     *item,
                                       const char   *marker);

G_END_DECLS
