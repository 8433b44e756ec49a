/* plan-recipient.c: one line of "Nơi nhận:"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plan-recipient.h"

struct _PlanRecipient
{
  PlanNode parent_instance;
};

G_DEFINE_FINAL_TYPE (PlanRecipient, plan_recipient, PLAN_TYPE_NODE)

enum {
  PROP_0,
  PROP_NAME,
  PROP_PURPOSE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
plan_recipient_class_init (PlanRecipientClass *klass)
{
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PURPOSE] =
    g_param_spec_string ("purpose", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  plan_node_class_install_properties (PLAN_NODE_CLASS (klass), N_PROPS, properties);
}

static void
plan_recipient_init (PlanRecipient *self)
{
}

PlanRecipient *
plan_recipient_new (const char *name,
                    const char *purpose)
{
  return g_object_new (PLAN_TYPE_RECIPIENT,
                       "name", name,
                       "purpose", purpose,
                       NULL);
}

const char *
plan_recipient_get_name (PlanRecipient *self)
{
  g_return_val_if_fail (PLAN_IS_RECIPIENT (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_NAME);
}

const char *
plan_recipient_get_purpose (PlanRecipient *self)
{
  g_return_val_if_fail (PLAN_IS_RECIPIENT (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_PURPOSE);
}
