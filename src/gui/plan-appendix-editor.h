/* plan-appendix-editor.h: the editor of one appendix (Phụ lục): label, title, reference line,
 * orientation and content
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "plan-document.h"

G_BEGIN_DECLS

#define PLAN_TYPE_APPENDIX_EDITOR (plan_appendix_editor_get_type ())
G_DECLARE_FINAL_TYPE (PlanAppendixEditor, plan_appendix_editor, PLAN, APPENDIX_EDITOR, GtkWidget)

/* Signal "focus-object" (GObject *object): the appendix, or the item or table row of its
 * content the user is working in. */
GtkWidget *plan_appendix_editor_new (PlanDocument *document,
                                     PlanAppendix *appendix);

G_END_DECLS
