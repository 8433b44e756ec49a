/* plan-recovery-dialog.h: after a crash or power cut, offers each unsaved plan found among the
 * recovery drafts, with Recover or Discard for each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "plan-draft-store.h"

G_BEGIN_DECLS

/* Response ids: "later" keeps the drafts not yet decided for the next start (also Escape),
 * "recover-all" recovers them all. */
#define PLAN_RECOVERY_LATER       "later"
#define PLAN_RECOVERY_RECOVER_ALL "recover-all"

#define PLAN_TYPE_RECOVERY_DIALOG (plan_recovery_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlanRecoveryDialog, plan_recovery_dialog, PLAN, RECOVERY_DIALOG,
                      AdwMessageDialog)

/* @drafts: PlanDraft, newest first. Recovering opens the plan through the parent's
 * PlanApplication; a plan that cannot be read any more is reported in its row. */
PlanRecoveryDialog *plan_recovery_dialog_new         (GtkWindow          *parent,
                                                      PlanDraftStore     *store,
                                                      GPtrArray          *drafts);
/* The drafts still listed (not recovered or discarded yet). */
guint               plan_recovery_dialog_get_n_drafts (PlanRecoveryDialog *self);
/* What the buttons of row @index do (the tests use these). */
gboolean            plan_recovery_dialog_recover     (PlanRecoveryDialog *self,
                                                      guint               index);
void                plan_recovery_dialog_discard     (PlanRecoveryDialog *self,
                                                      guint               index);

G_END_DECLS
