/* plan-comment-target.h: the part of a plan a comment is attached to.
 *
 * A target is the path documented in docs/file-format.md (PlanComment's "target"): "" for the
 * whole plan, "header", "preamble", "recipients", "body/2" (a top-level item of the body),
 * "body/2/0" (its first child), "appendix/0", "appendix/0/row/3" (a row of the appendix's
 * table). This file turns model objects into targets, targets into names people read, and
 * says which comments a part of the editor shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-document.h"

G_BEGIN_DECLS

#define PLAN_TARGET_PLAN       ""
#define PLAN_TARGET_HEADER     "header"
#define PLAN_TARGET_PREAMBLE   "preamble"
#define PLAN_TARGET_RECIPIENTS "recipients"

/* The target of a PlanItem (in the body or an appendix), a PlanAppendix or a PlanRow of a table
 * in an appendix; NULL when @object is not found in @document. */
char     *plan_comment_target_for_object (PlanDocument *document,
                                          gpointer      object);
/* "II. NỘI DUNG", "II. NỘI DUNG › 1. Mục đích", "Phụ lục I › row 4", "General information",
 * "Whole plan"; "A part that was removed" when the path leads nowhere. Translated. */
char     *plan_comment_target_describe   (PlanDocument *document,
                                          const char   *target);
/* The last part of the name, at most @max_chars characters ("1. Thông tin tuyên truyền…"),
 * for narrow places. */
char     *plan_comment_target_describe_short (PlanDocument *document,
                                              const char   *target,
                                              guint         max_chars);
/* Whether the comments of @target show in the part @scope: the part itself and everything
 * inside it ("body/2" holds "body/2/0"). The whole plan ("") holds every target. */
gboolean  plan_comment_target_in_scope   (const char   *scope,
                                          const char   *target);
/* The targets a comment on @target can be attached to, @target first: for a body item, the
 * item and every item inside it; for an appendix, the appendix and the rows of its first
 * table. A GPtrArray of strings. */
GPtrArray *plan_comment_target_list_parts (PlanDocument *document,
                                           const char   *target);
/* The unresolved comments (not replies) whose target is in @scope. */
guint     plan_comment_target_count_open (PlanDocument *document,
                                          const char   *scope);

G_END_DECLS
