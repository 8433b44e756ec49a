/* plan-identity.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "plan-identity.h"

PlanRole
plan_identity_get_role (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), PLAN_ROLE_DRAFTER);

  return g_settings_get_enum (settings, "user-role") == 1 ? PLAN_ROLE_APPROVER : PLAN_ROLE_DRAFTER;
}

static char *
dup_trimmed (GSettings  *settings,
             const char *key)
{
  char *value = g_settings_get_string (settings, key);

  return g_strstrip (value);
}

char *
plan_identity_dup_name (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return dup_trimmed (settings, "user-name");
}

char *
plan_identity_dup_title (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return dup_trimmed (settings, "user-title");
}

PlanTrustStore *
plan_identity_get_trust_store (void)
{
  static PlanTrustStore *store;

  /* Created on first use: the folder is read once, then kept current by import and remove. */
  if (store == NULL)
    store = plan_trust_store_new_default ();

  return store;
}
