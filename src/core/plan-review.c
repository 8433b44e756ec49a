/* plan-review.c: the review state of a plan: status, comments, history and approval
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plan-review.h"
#include "plan-comment.h"
#include "plan-enums.h"
#include "plan-event.h"

struct _PlanReview
{
  PlanNode    parent_instance;
  GListStore *comments;
  GListStore *history;
  GListStore *approved_parts;
};

G_DEFINE_FINAL_TYPE (PlanReview, plan_review, PLAN_TYPE_NODE)

enum {
  PROP_0,
  PROP_STATUS,
  PROP_APPROVAL_NAME,
  PROP_APPROVAL_TITLE,
  PROP_APPROVAL_KEY_ID,
  PROP_APPROVAL_SIGNATURE,
  PROP_APPROVAL_TIME,
  PROP_APPROVAL_PUBLIC_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
plan_review_dispose (GObject *object)
{
  PlanReview *self = PLAN_REVIEW (object);

  g_clear_object (&self->comments);
  g_clear_object (&self->history);
  g_clear_object (&self->approved_parts);

  G_OBJECT_CLASS (plan_review_parent_class)->dispose (object);
}

static void
plan_review_class_init (PlanReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plan_review_dispose;

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       PLAN_TYPE_STATUS, PLAN_STATUS_DRAFT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_APPROVAL_NAME] =
    g_param_spec_string ("approval-name", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_APPROVAL_TITLE] =
    g_param_spec_string ("approval-title", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_APPROVAL_KEY_ID] =
    g_param_spec_string ("approval-key-id", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_APPROVAL_SIGNATURE] =
    g_param_spec_string ("approval-signature", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_APPROVAL_TIME] =
    g_param_spec_int64 ("approval-time", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_APPROVAL_PUBLIC_KEY] =
    g_param_spec_string ("approval-public-key", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  plan_node_class_install_properties (PLAN_NODE_CLASS (klass), N_PROPS, properties);
}

static void
plan_review_init (PlanReview *self)
{
  self->comments = g_list_store_new (PLAN_TYPE_COMMENT);
  self->history = g_list_store_new (PLAN_TYPE_EVENT);
  self->approved_parts = g_list_store_new (PLAN_TYPE_APPROVED_PART);
}

PlanReview *
plan_review_new (void)
{
  return g_object_new (PLAN_TYPE_REVIEW, NULL);
}

PlanStatus
plan_review_get_status (PlanReview *self)
{
  g_return_val_if_fail (PLAN_IS_REVIEW (self), PLAN_STATUS_DRAFT);

  return plan_node_get_enum (PLAN_NODE (self), PROP_STATUS);
}

GListModel *
plan_review_get_comments (PlanReview *self)
{
  g_return_val_if_fail (PLAN_IS_REVIEW (self), NULL);

  return G_LIST_MODEL (self->comments);
}

GListModel *
plan_review_get_history (PlanReview *self)
{
  g_return_val_if_fail (PLAN_IS_REVIEW (self), NULL);

  return G_LIST_MODEL (self->history);
}

const char *
plan_review_get_approval_name (PlanReview *self)
{
  g_return_val_if_fail (PLAN_IS_REVIEW (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_APPROVAL_NAME);
}

const char *
plan_review_get_approval_title (PlanReview *self)
{
  g_return_val_if_fail (PLAN_IS_REVIEW (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_APPROVAL_TITLE);
}

const char *
plan_review_get_approval_key_id (PlanReview *self)
{
  g_return_val_if_fail (PLAN_IS_REVIEW (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_APPROVAL_KEY_ID);
}

const char *
plan_review_get_approval_signature (PlanReview *self)
{
  g_return_val_if_fail (PLAN_IS_REVIEW (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_APPROVAL_SIGNATURE);
}

gint64
plan_review_get_approval_time (PlanReview *self)
{
  g_return_val_if_fail (PLAN_IS_REVIEW (self), 0);

  return plan_node_get_int64 (PLAN_NODE (self), PROP_APPROVAL_TIME);
}

const char *
plan_review_get_approval_public_key (PlanReview *self)
{
  g_return_val_if_fail (PLAN_IS_REVIEW (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_APPROVAL_PUBLIC_KEY);
}

GListModel *
plan_review_get_approved_parts (PlanReview *self)
{
  g_return_val_if_fail (PLAN_IS_REVIEW (self), NULL);

  return G_LIST_MODEL (self->approved_parts);
}
