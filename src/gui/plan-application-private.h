/* plan-application-private.h: shared by plan-application.c and plan-application-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-application.h"

G_BEGIN_DECLS

struct _PlanApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;

  /* The font warning is shown once per session, not in every window. */
  guint           font_warning_shown : 1;
};

void      _plan_application_actions_init        (PlanApplication *self);
gboolean  _plan_application_take_font_warning   (PlanApplication *self);

G_END_DECLS
