/* plan-closing-editor.h: the editor of recipients (“Nơi nhận”), archive line and signer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "plan-document.h"

G_BEGIN_DECLS

#define PLAN_TYPE_CLOSING_EDITOR (plan_closing_editor_get_type ())
G_DECLARE_FINAL_TYPE (PlanClosingEditor, plan_closing_editor, PLAN, CLOSING_EDITOR, GtkWidget)

/* Signal "focus-object" (GObject *object): focus moved into the part of the editor showing
 * @object, so that the preview can show where it prints. */
GtkWidget *plan_closing_editor_new (PlanDocument *document);

G_END_DECLS
