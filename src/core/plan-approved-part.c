/* plan-approved-part.c: the fingerprint of one printed part of a plan as approved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plan-approved-part.h"

struct _PlanApprovedPart
{
  PlanNode parent_instance;
};

G_DEFINE_FINAL_TYPE (PlanApprovedPart, plan_approved_part, PLAN_TYPE_NODE)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_DIGEST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
plan_approved_part_class_init (PlanApprovedPartClass *klass)
{
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DIGEST] =
    g_param_spec_string ("digest", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  plan_node_class_install_properties (PLAN_NODE_CLASS (klass), N_PROPS, properties);
}

static void
plan_approved_part_init (PlanApprovedPart *self)
{
}

PlanApprovedPart *
plan_approved_part_new (const char *id,
                        const char *label,
                        const char *digest)
{
  return g_object_new (PLAN_TYPE_APPROVED_PART,
                       "id", id != NULL ? id : "",
                       "label", label != NULL ? label : "",
                       "digest", digest != NULL ? digest : "",
                       NULL);
}

const char *
plan_approved_part_get_id (PlanApprovedPart *self)
{
  g_return_val_if_fail (PLAN_IS_APPROVED_PART (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_ID);
}

const char *
plan_approved_part_get_label (PlanApprovedPart *self)
{
  g_return_val_if_fail (PLAN_IS_APPROVED_PART (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_LABEL);
}

const char *
plan_approved_part_get_digest (PlanApprovedPart *self)
{
  g_return_val_if_fail (PLAN_IS_APPROVED_PART (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_DIGEST);
}
