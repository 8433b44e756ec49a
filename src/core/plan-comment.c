/* plan-comment.c: a reviewer's comment attached to a part of the plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plan-comment.h"
#include "plan-enums.h"

struct _PlanComment
{
  PlanNode parent_instance;
};

G_DEFINE_FINAL_TYPE (PlanComment, plan_comment, PLAN_TYPE_NODE)

enum {
  PROP_0,
  PROP_ID,
  PROP_TARGET,
  PROP_AUTHOR,
  PROP_ROLE,
  PROP_TIME,
  PROP_TEXT,
  PROP_REPLY_TO,
  PROP_RESOLVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
plan_comment_constructed (GObject *object)
{
  PlanNode *node = PLAN_NODE (object);

  G_OBJECT_CLASS (plan_comment_parent_class)->constructed (object);

  /* A comment is born with an identity and a time; a loader overrides both. */
  if (plan_node_get_string (node, PROP_ID)[0] == '\0')
    {
      g_autofree char *id = g_uuid_string_random ();

      g_object_set (object, "id", id, NULL);
    }
  if (plan_node_get_int64 (node, PROP_TIME) == 0)
    g_object_set (object, "time", g_get_real_time () / G_USEC_PER_SEC, NULL);
}

static void
plan_comment_class_init (PlanCommentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = plan_comment_constructed;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TARGET] =
    g_param_spec_string ("target", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL,
                       PLAN_TYPE_ROLE, PLAN_ROLE_DRAFTER,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TIME] =
    g_param_spec_int64 ("time", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REPLY_TO] =
    g_param_spec_string ("reply-to", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RESOLVED] =
    g_param_spec_boolean ("resolved", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  plan_node_class_install_properties (PLAN_NODE_CLASS (klass), N_PROPS, properties);
}

static void
plan_comment_init (PlanComment *self)
{
}

PlanComment *
plan_comment_new (const char *target,
                  const char *author,
                  PlanRole    role,
                  const char *text)
{
  return g_object_new (PLAN_TYPE_COMMENT,
                       "target", target,
                       "author", author,
                       "role", role,
                       "text", text,
                       NULL);
}

const char *
plan_comment_get_id (PlanComment *self)
{
  g_return_val_if_fail (PLAN_IS_COMMENT (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_ID);
}

const char *
plan_comment_get_target (PlanComment *self)
{
  g_return_val_if_fail (PLAN_IS_COMMENT (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_TARGET);
}

const char *
plan_comment_get_author (PlanComment *self)
{
  g_return_val_if_fail (PLAN_IS_COMMENT (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_AUTHOR);
}

PlanRole
plan_comment_get_role (PlanComment *self)
{
  g_return_val_if_fail (PLAN_IS_COMMENT (self), PLAN_ROLE_DRAFTER);

  return plan_node_get_enum (PLAN_NODE (self), PROP_ROLE);
}

gint64
plan_comment_get_time (PlanComment *self)
{
  g_return_val_if_fail (PLAN_IS_COMMENT (self), 0);

  return plan_node_get_int64 (PLAN_NODE (self), PROP_TIME);
}

const char *
plan_comment_get_text (PlanComment *self)
{
  g_return_val_if_fail (PLAN_IS_COMMENT (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_TEXT);
}

const char *
plan_comment_get_reply_to (PlanComment *self)
{
  g_return_val_if_fail (PLAN_IS_COMMENT (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_REPLY_TO);
}

gboolean
plan_comment_get_resolved (PlanComment *self)
{
  g_return_val_if_fail (PLAN_IS_COMMENT (self), FALSE);

  return plan_node_get_boolean (PLAN_NODE (self), PROP_RESOLVED);
}
