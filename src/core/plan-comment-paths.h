/* plan-comment-paths.h: keeping comments on their parts when items are added, removed or moved.
 *
 * A comment names its part by position (docs/file-format.md, PlanComment's "target"):
 * "body/2/0", "appendix/1", "appendix/1/row/3". When a list of the plan changes, the positions
 * after the change move with their items; a comment on a removed item goes to the part that
 * held it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-document.h"

G_BEGIN_DECLS

/* The target of @list's items, without their index: "body", "body/2", "appendix",
 * "appendix/1/row"; NULL for lists whose items comments cannot name (paragraphs, cells, items
 * inside an appendix, tables after an appendix's first). */
char *plan_comment_paths_list_prefix (PlanDocument *document,
                                      GListModel   *list);

/* The first table in @items (an appendix's content), depth first: the one whose rows
 * "appendix/N/row/R" counts */
PlanTable *plan_comment_paths_first_table (GListModel *items);

/* What @target becomes when, in the list of @prefix, @n_removed items at @position are
 * replaced by @n_added others; NULL when it does not change. */
char *plan_comment_paths_splice      (const char   *target,
                                      const char   *prefix,
                                      guint         position,
                                      guint         n_removed,
                                      guint         n_added);

/* What @target becomes when, in the list of @prefix, the item at @from moves to @to; NULL
 * when it does not change. */
char *plan_comment_paths_move        (const char   *target,
                                      const char   *prefix,
                                      guint         from,
                                      guint         to);

G_END_DECLS
