/* plan-paragraph.h: one paragraph of rich text (preamble lines, paragraphs of an item)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-node.h"
#include "plan-text.h"

G_BEGIN_DECLS

#define PLAN_TYPE_PARAGRAPH (plan_paragraph_get_type ())
G_DECLARE_FINAL_TYPE (PlanParagraph, plan_paragraph, PLAN, PARAGRAPH, PlanNode)

/* Properties: "text" (PlanText, never NULL; an empty text when unset). */
PlanParagraph *plan_paragraph_new          (PlanText      *text);
PlanParagraph *plan_paragraph_new_plain    (const char    *plain);
PlanText      *plan_paragraph_get_text     (PlanParagraph *self);

G_END_DECLS
