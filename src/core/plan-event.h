/* plan-event.h: one entry of the review history (who did what, when)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-node.h"

G_BEGIN_DECLS

#define PLAN_TYPE_EVENT (plan_event_get_type ())
G_DECLARE_FINAL_TYPE (PlanEvent, plan_event, PLAN, EVENT, PlanNode)

/* Properties: "actor" (name), "actor-title", "role" (PlanRole), "time" (gint64, Unix seconds,
 * UTC), "action" (the PlanStatus the plan moved to), "note" (string, required for a return). */
PlanEvent    *plan_event_new          (const char *actor,
                                       const char *actor_title,
                                       PlanRole    role,
                                       gint64      time,
                                       PlanStatus  action,
                                       const char *note);
const char   *plan_event_get_actor       (PlanEvent *self);
const char   *plan_event_get_actor_title (PlanEvent *self);
PlanRole      plan_event_get_role        (PlanEvent *self);
gint64        plan_event_get_time        (PlanEvent *self);
PlanStatus    plan_event_get_action      (PlanEvent *self);
const char   *plan_event_get_note        (PlanEvent *self);

G_END_DECLS
