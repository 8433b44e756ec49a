/* plan-trusted-approvers-group.h: Preferences, for drafters: the approvers whose signatures
 * this copy of Kế hoạch trusts, with Import… and Remove
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PLAN_TYPE_TRUSTED_APPROVERS_GROUP (plan_trusted_approvers_group_get_type ())
G_DECLARE_FINAL_TYPE (PlanTrustedApproversGroup, plan_trusted_approvers_group, PLAN, TRUSTED_APPROVERS_GROUP, AdwPreferencesGroup)

/* Imports a .kehoach-key file (the Import button's work after the file chooser); errors and
 * success are shown as toasts. TRUE on success. */
gboolean _plan_trusted_approvers_group_import (PlanTrustedApproversGroup *self,
                                               GFile                     *file);

G_END_DECLS
