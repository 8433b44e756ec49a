/* plan-general-editor.h: the editor of the general information (header, number, date, title, layout)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "plan-document.h"

G_BEGIN_DECLS

#define PLAN_TYPE_GENERAL_EDITOR (plan_general_editor_get_type ())
G_DECLARE_FINAL_TYPE (PlanGeneralEditor, plan_general_editor, PLAN, GENERAL_EDITOR, GtkWidget)

/* Signal "focus-object" (GObject *object): focus moved into the part of the editor showing
 * @object, so that the preview can show where it prints. */
GtkWidget *plan_general_editor_new (PlanDocument *document);

G_END_DECLS
