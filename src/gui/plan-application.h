/* plan-application.h: the application: windows, GSettings, app-wide actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "plan-document.h"

G_BEGIN_DECLS

#define PLAN_TYPE_APPLICATION (plan_application_get_type ())
G_DECLARE_FINAL_TYPE (PlanApplication, plan_application, PLAN, APPLICATION, AdwApplication)

PlanApplication *plan_application_new                (void);
GSettings       *plan_application_get_settings       (PlanApplication *self);
/* A blank Kế hoạch dated today, with the agency, place, signer and layout defaults of the
 * preferences; nothing to undo, not modified. */
PlanDocument    *plan_application_new_document       (PlanApplication *self);
/* The same for a Quyết định ban hành kế hoạch (plan_document_new_decision_template()), its
 * authority made from the preferences' signer title and agency. */
PlanDocument    *plan_application_new_decision       (PlanApplication *self);
/* Opens @file in the window that shows it already, else in @reuse when @reuse holds an
 * untouched blank plan, else in a new window. Errors are shown to the user. A PDF (*.pdf)
 * opens in a "Check a Signed PDF" window of its own instead. */
void             plan_application_open_file          (PlanApplication *self,
                                                      GFile           *file,
                                                      GtkWindow       *reuse);

G_END_DECLS
