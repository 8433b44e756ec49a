/* plan-event.c: one entry of the review history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plan-event.h"
#include "plan-enums.h"

struct _PlanEvent
{
  PlanNode parent_instance;
};

G_DEFINE_FINAL_TYPE (PlanEvent, plan_event, PLAN_TYPE_NODE)

enum {
  PROP_0,
  PROP_ACTOR,
  PROP_ACTOR_TITLE,
  PROP_ROLE,
  PROP_TIME,
  PROP_ACTION,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
plan_event_class_init (PlanEventClass *klass)
{
  properties[PROP_ACTOR] =
    g_param_spec_string ("actor", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ACTOR_TITLE] =
    g_param_spec_string ("actor-title", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL,
                       PLAN_TYPE_ROLE, PLAN_ROLE_DRAFTER,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TIME] =
    g_param_spec_int64 ("time", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ACTION] =
    g_param_spec_enum ("action", NULL, NULL,
                       PLAN_TYPE_STATUS, PLAN_STATUS_DRAFT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  plan_node_class_install_properties (PLAN_NODE_CLASS (klass), N_PROPS, properties);
}

static void
plan_event_init (PlanEvent *self)
{
}

PlanEvent *
plan_event_new (const char *actor,
                const char *actor_title,
                PlanRole    role,
                gint64      time,
                PlanStatus  action,
                const char *note)
{
  return g_object_new (PLAN_TYPE_EVENT,
                       "actor", actor,
                       "actor-title", actor_title,
                       "role", role,
                       "time", time,
                       "action", action,
                       "note", note,
                       NULL);
}

const char *
plan_event_get_actor (PlanEvent *self)
{
  g_return_val_if_fail (PLAN_IS_EVENT (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_ACTOR);
}

const char *
plan_event_get_actor_title (PlanEvent *self)
{
  g_return_val_if_fail (PLAN_IS_EVENT (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_ACTOR_TITLE);
}

PlanRole
plan_event_get_role (PlanEvent *self)
{
  g_return_val_if_fail (PLAN_IS_EVENT (self), PLAN_ROLE_DRAFTER);

  return plan_node_get_enum (PLAN_NODE (self), PROP_ROLE);
}

gint64
plan_event_get_time (PlanEvent *self)
{
  g_return_val_if_fail (PLAN_IS_EVENT (self), 0);

  return plan_node_get_int64 (PLAN_NODE (self), PROP_TIME);
}

PlanStatus
plan_event_get_action (PlanEvent *self)
{
  g_return_val_if_fail (PLAN_IS_EVENT (self), PLAN_STATUS_DRAFT);

  return plan_node_get_enum (PLAN_NODE (self), PROP_ACTION);
}

const char *
plan_event_get_note (PlanEvent *self)
{
  g_return_val_if_fail (PLAN_IS_EVENT (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_NOTE);
}
