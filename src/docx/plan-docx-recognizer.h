/* plan-docx-recognizer.h: the roles of a Word plan's paragraphs and tables (header, title,
 * preamble, outline, closing, appendices) by the rules of docs/word-import.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-document.h"
#include "plan-docx-paragraphs.h"
#include "plan-docx-report.h"

G_BEGIN_DECLS

/* Builds a new plan from @content. Never fails: what no rule recognises is kept as plain
 * paragraphs and listed in @report, as are the Word file's markers that the app numbers
 * differently. */
PlanDocument *plan_docx_recognize (PlanDocxContent *content,
                                   PlanDocxReport  *report);

G_END_DECLS
