/* plan-preamble-editor.h: the editor of the preamble (“Căn cứ …;” paragraphs)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "plan-document.h"

G_BEGIN_DECLS

#define PLAN_TYPE_PREAMBLE_EDITOR (plan_preamble_editor_get_type ())
G_DECLARE_FINAL_TYPE (PlanPreambleEditor, plan_preamble_editor, PLAN, PREAMBLE_EDITOR, GtkWidget)

/* Signal "focus-object" (GObject *object): focus moved into the part of the editor showing
 * @object, so that the preview can show where it prints. */
GtkWidget *plan_preamble_editor_new (PlanDocument *document);

G_END_DECLS
