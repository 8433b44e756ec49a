/* plan-decision-editor.h: the editor of the decision (Quyết định) that issues the plan: its
 * title, authority, "Căn cứ …" lines, articles and Nơi nhận
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "plan-document.h"

G_BEGIN_DECLS

#define PLAN_TYPE_DECISION_EDITOR (plan_decision_editor_get_type ())
G_DECLARE_FINAL_TYPE (PlanDecisionEditor, plan_decision_editor, PLAN, DECISION_EDITOR, GtkWidget)

/* Signal "focus-object" (GObject *object): focus moved into the part of the editor showing
 * @object, so that the preview can show where it prints.
 * Actions: "decision.add-basis", "decision.add-article", "decision.add-recipient" append an
 * empty line, article or recipient and put the cursor in it. */
GtkWidget *plan_decision_editor_new (PlanDocument *document);

G_END_DECLS
