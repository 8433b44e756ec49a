/* plan-paragraph.c: one paragraph of rich text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plan-paragraph.h"
#include "plan-enums.h"

struct _PlanParagraph
{
  PlanNode parent_instance;
};

G_DEFINE_FINAL_TYPE (PlanParagraph, plan_paragraph, PLAN_TYPE_NODE)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_ALIGNMENT,
  PROP_INDENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
plan_paragraph_class_init (PlanParagraphClass *klass)
{
  properties[PROP_TEXT] =
    g_param_spec_boxed ("text", NULL, NULL,
                        PLAN_TYPE_TEXT,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ALIGNMENT] =
    g_param_spec_enum ("alignment", NULL, NULL,
                       PLAN_TYPE_ALIGNMENT, PLAN_ALIGN_JUSTIFY,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_INDENT] =
    g_param_spec_boolean ("indent", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  plan_node_class_install_properties (PLAN_NODE_CLASS (klass), N_PROPS, properties);
}

static void
plan_paragraph_init (PlanParagraph *self)
{
}

PlanParagraph *
plan_paragraph_new (PlanText *text)
{
  return g_object_new (PLAN_TYPE_PARAGRAPH, "text", text, NULL);
}

PlanParagraph *
plan_paragraph_new_plain (const char *plain)
{
  g_autoptr(PlanText) text = plan_text_new (plain);

  g_return_val_if_fail (text != NULL, NULL);

  return plan_paragraph_new (text);
}

PlanText *
plan_paragraph_get_text (PlanParagraph *self)
{
  g_return_val_if_fail (PLAN_IS_PARAGRAPH (self), NULL);

  return plan_node_get_boxed (PLAN_NODE (self), PROP_TEXT);
}

PlanAlignment
plan_paragraph_get_alignment (PlanParagraph *self)
{
  g_return_val_if_fail (PLAN_IS_PARAGRAPH (self), PLAN_ALIGN_JUSTIFY);

  return plan_node_get_enum (PLAN_NODE (self), PROP_ALIGNMENT);
}

gboolean
plan_paragraph_get_indent (PlanParagraph *self)
{
  g_return_val_if_fail (PLAN_IS_PARAGRAPH (self), TRUE);

  return plan_node_get_boolean (PLAN_NODE (self), PROP_INDENT);
}
