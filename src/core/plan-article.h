/* plan-article.h: one article (Điều) of a decision: its label and its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-node.h"
#include "plan-text.h"

G_BEGIN_DECLS

#define PLAN_TYPE_ARTICLE (plan_article_get_type ())
G_DECLARE_FINAL_TYPE (PlanArticle, plan_article, PLAN, ARTICLE, PlanNode)

/* Properties:
 *  "label"  string, the label as written ("Điều 1."); empty = computed from the position
 *           (plan_article_dup_printed_label())
 *  "text"   PlanText, never NULL: what follows the bold label on the same line */
PlanArticle *plan_article_new               (PlanText    *text);
PlanArticle *plan_article_new_plain         (const char  *plain);
const char  *plan_article_get_label         (PlanArticle *self);
PlanText    *plan_article_get_text          (PlanArticle *self);
/* The label as printed: the one written, or "Điều N." for the article at @index (from 0) */
char        *plan_article_dup_printed_label (PlanArticle *self,
                                             guint        index);

G_END_DECLS
