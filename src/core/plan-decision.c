/* plan-decision.c: the decision (Quyết định) that issues a plan, printed before it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plan-decision.h"
#include "plan-paragraph.h"
#include "plan-recipient.h"

struct _PlanDecision
{
  PlanNode    parent_instance;

  GListStore *preamble;
  GListStore *articles;
  GListStore *recipients;
};

G_DEFINE_FINAL_TYPE (PlanDecision, plan_decision, PLAN_TYPE_NODE)

enum {
  PROP_0,
  PROP_DOC_TYPE,
  PROP_TITLE,
  PROP_AUTHORITY,
  PROP_ARCHIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define RW_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
plan_decision_dispose (GObject *object)
{
  PlanDecision *self = PLAN_DECISION (object);

  g_clear_object (&self->preamble);
  g_clear_object (&self->articles);
  g_clear_object (&self->recipients);

  G_OBJECT_CLASS (plan_decision_parent_class)->dispose (object);
}

static void
plan_decision_class_init (PlanDecisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plan_decision_dispose;

  properties[PROP_DOC_TYPE] = g_param_spec_string ("doc-type", NULL, NULL, "QĐ", RW_FLAGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", RW_FLAGS);
  properties[PROP_AUTHORITY] = g_param_spec_string ("authority", NULL, NULL, "", RW_FLAGS);
  properties[PROP_ARCHIVE] = g_param_spec_string ("archive", NULL, NULL, "", RW_FLAGS);

  plan_node_class_install_properties (PLAN_NODE_CLASS (klass), N_PROPS, properties);
}

static void
plan_decision_init (PlanDecision *self)
{
  self->preamble = g_list_store_new (PLAN_TYPE_PARAGRAPH);
  self->articles = g_list_store_new (PLAN_TYPE_ARTICLE);
  self->recipients = g_list_store_new (PLAN_TYPE_RECIPIENT);
}

PlanDecision *
plan_decision_new (void)
{
  return g_object_new (PLAN_TYPE_DECISION, NULL);
}

const char *
plan_decision_get_doc_type (PlanDecision *self)
{
  g_return_val_if_fail (PLAN_IS_DECISION (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_DOC_TYPE);
}

const char *
plan_decision_get_title (PlanDecision *self)
{
  g_return_val_if_fail (PLAN_IS_DECISION (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_TITLE);
}

const char *
plan_decision_get_authority (PlanDecision *self)
{
  g_return_val_if_fail (PLAN_IS_DECISION (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_AUTHORITY);
}

const char *
plan_decision_get_archive (PlanDecision *self)
{
  g_return_val_if_fail (PLAN_IS_DECISION (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_ARCHIVE);
}

GListModel *
plan_decision_get_preamble (PlanDecision *self)
{
  g_return_val_if_fail (PLAN_IS_DECISION (self), NULL);

  return G_LIST_MODEL (self->preamble);
}

GListModel *
plan_decision_get_articles (PlanDecision *self)
{
  g_return_val_if_fail (PLAN_IS_DECISION (self), NULL);

  return G_LIST_MODEL (self->articles);
}

GListModel *
plan_decision_get_recipients (PlanDecision *self)
{
  g_return_val_if_fail (PLAN_IS_DECISION (self), NULL);

  return G_LIST_MODEL (self->recipients);
}
