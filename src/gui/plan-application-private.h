/* plan-application-private.h: shared by plan-application.c and plan-application-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-application.h"
#include "plan-draft-store.h"
#include "plan-window.h"

G_BEGIN_DECLS

struct _PlanApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;

  /* The font warning is shown once per session, not in every window. */
  guint           font_warning_shown : 1;
  /* Recovery drafts are offered once, when the first window opens. */
  guint           recovery_offered : 1;
};

void      _plan_application_actions_init        (PlanApplication *self);
gboolean  _plan_application_take_font_warning   (PlanApplication *self,
                                                const char      *family);

/* plan-application-recovery.c */
/* The drafts no open window (of this or another running Kế hoạch) is writing: those of plans
 * left unsaved by a crash, a power cut or a kill. */
GPtrArray  *_plan_application_list_orphan_drafts (PlanApplication  *self,
                                                  PlanDraftStore   *store);
/* Shows the recovery dialog over @parent when there are such drafts (once per run). */
void        _plan_application_offer_recovery     (PlanApplication  *self,
                                                  GtkWindow        *parent);
/* Opens the plan of @draft, unsaved, in @reuse when that is a blank window, else in a new one. */
PlanWindow *_plan_application_recover_draft      (PlanApplication  *self,
                                                  PlanDraftStore   *store,
                                                  PlanDraft        *draft,
                                                  GtkWindow        *reuse,
                                                  GError          **error);

G_END_DECLS
