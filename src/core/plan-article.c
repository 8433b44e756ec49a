/* plan-article.c: one article (Điều) of a decision: its label and its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plan-article.h"

struct _PlanArticle
{
  PlanNode parent_instance;
};

G_DEFINE_FINAL_TYPE (PlanArticle, plan_article, PLAN_TYPE_NODE)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
plan_article_class_init (PlanArticleClass *klass)
{
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TEXT] =
    g_param_spec_boxed ("text", NULL, NULL,
                        PLAN_TYPE_TEXT,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  plan_node_class_install_properties (PLAN_NODE_CLASS (klass), N_PROPS, properties);
}

static void
plan_article_init (PlanArticle *self)
{
}

PlanArticle *
plan_article_new (PlanText *text)
{
  return g_object_new (PLAN_TYPE_ARTICLE, "text", text, NULL);
}

PlanArticle *
plan_article_new_plain (const char *plain)
{
  g_autoptr(PlanText) text = plan_text_new (plain);

  g_return_val_if_fail (text != NULL, NULL);

  return plan_article_new (text);
}

const char *
plan_article_get_label (PlanArticle *self)
{
  g_return_val_if_fail (PLAN_IS_ARTICLE (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_LABEL);
}

PlanText *
plan_article_get_text (PlanArticle *self)
{
  g_return_val_if_fail (PLAN_IS_ARTICLE (self), NULL);

  return plan_node_get_boxed (PLAN_NODE (self), PROP_TEXT);
}

char *
plan_article_dup_printed_label (PlanArticle *self,
                                guint        index)
{
  const char *label;

  g_return_val_if_fail (PLAN_IS_ARTICLE (self), NULL);

  label = plan_article_get_label (self);
  if (label[0] != '\0')
    return g_strdup (label);

  return g_strdup_printf ("Điều %u.", index + 1);
}
