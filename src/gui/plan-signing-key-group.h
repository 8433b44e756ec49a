/* plan-signing-key-group.h: Preferences, for approvers: the signing key (made on the first
 * approval) and exporting its public key for the drafters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PLAN_TYPE_SIGNING_KEY_GROUP (plan_signing_key_group_get_type ())
G_DECLARE_FINAL_TYPE (PlanSigningKeyGroup, plan_signing_key_group, PLAN, SIGNING_KEY_GROUP, AdwPreferencesGroup)

/* @settings: the user's name and title go into the exported key file. */
void plan_signing_key_group_set_settings (PlanSigningKeyGroup *self,
                                          GSettings           *settings);
/* Writes the public key to @file (the Export button's work after the file chooser). */
void _plan_signing_key_group_export      (PlanSigningKeyGroup *self,
                                          GFile               *file);

G_END_DECLS
