/* plan-appendix.h: a Phụ lục: label, title, reference line, orientation and content
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-node.h"

G_BEGIN_DECLS

#define PLAN_TYPE_APPENDIX (plan_appendix_get_type ())
G_DECLARE_FINAL_TYPE (PlanAppendix, plan_appendix, PLAN, APPENDIX, PlanNode)

/* Properties:
 *  "label-mode"      PlanLabelMode, default AUTO ("Phụ lục", or "Phụ lục I/II…" when the plan
 *                    has two or more appendices)
 *  "label"           string, used when label-mode is CUSTOM ("Phụ lục số 01:")
 *  "title"           string, "\n" separates printed lines; printed bold as typed
 *  "reference-mode"  PlanReferenceMode, default AUTO ("(Kèm theo Kế hoạch số 25/KH-THCS ngày …
 *                    của …)" generated from the plan's own number, date and agency)
 *  "reference"       string, used when reference-mode is CUSTOM (without the parentheses)
 *  "orientation"     PlanOrientation, default PORTRAIT
 * List content: PlanItem (outline items, paragraphs and tables). */
PlanAppendix     *plan_appendix_new                (const char   *title);
PlanLabelMode     plan_appendix_get_label_mode     (PlanAppendix *self);
const char       *plan_appendix_get_label          (PlanAppendix *self);
const char       *plan_appendix_get_title          (PlanAppendix *self);
PlanReferenceMode plan_appendix_get_reference_mode (PlanAppendix *self);
const char       *plan_appendix_get_reference      (PlanAppendix *self);
PlanOrientation   plan_appendix_get_orientation    (PlanAppendix *self);
GListModel       *plan_appendix_get_content        (PlanAppendix *self);

G_END_DECLS
