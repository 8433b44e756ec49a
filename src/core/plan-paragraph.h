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

/* Properties:
 *  "text"       PlanText, never NULL (an empty text when unset)
 *  "alignment"  PlanAlignment, default PLAN_ALIGN_JUSTIFY; PLAN_ALIGN_CENTER and _RIGHT for
 *               sub-titles, "QUYẾT ĐỊNH:", a signature block at the end of an appendix form
 *  "indent"     gboolean, default TRUE: the first line takes the document's first-line indent
 *               (justified and left-aligned paragraphs; centred and right ones never do) */
PlanParagraph *plan_paragraph_new          (PlanText      *text);
PlanParagraph *plan_paragraph_new_plain    (const char    *plain);
PlanText      *plan_paragraph_get_text     (PlanParagraph *self);
PlanAlignment  plan_paragraph_get_alignment (PlanParagraph *self);
gboolean       plan_paragraph_get_indent   (PlanParagraph *self);

G_END_DECLS
