/* plan-comment.h: a reviewer's comment attached to a part of the plan (never printed)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-node.h"

G_BEGIN_DECLS

#define PLAN_TYPE_COMMENT (plan_comment_get_type ())
G_DECLARE_FINAL_TYPE (PlanComment, plan_comment, PLAN, COMMENT, PlanNode)

/* Properties:
 *  "id"        string, unique in the plan (a UUID)
 *  "target"    string, the part it is attached to: "" (whole plan), "header", "preamble",
 *              "body/2/0" (path of indices into body and children), "recipients",
 *              "appendix/0", "appendix/0/row/3"
 *  "author"    string, "role" PlanRole, "time" gint64 (Unix seconds, UTC)
 *  "text"      string
 *  "reply-to"  string: the id of the comment this one answers, or empty
 *  "resolved"  gboolean */
PlanComment  *plan_comment_new          (const char  *target,
                                         const char  *author,
                                         PlanRole     role,
                                         const char  *text);
const char   *plan_comment_get_id       (PlanComment *self);
const char   *plan_comment_get_target   (PlanComment *self);
const char   *plan_comment_get_author   (PlanComment *self);
PlanRole      plan_comment_get_role     (PlanComment *self);
gint64        plan_comment_get_time     (PlanComment *self);
const char   *plan_comment_get_text     (PlanComment *self);
const char   *plan_comment_get_reply_to (PlanComment *self);
gboolean      plan_comment_get_resolved (PlanComment *self);

G_END_DECLS
