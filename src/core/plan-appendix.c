/* plan-appendix.c: a Phụ lục: label, title, reference line, orientation and content
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plan-appendix.h"
#include "plan-enums.h"
#include "plan-item.h"

struct _PlanAppendix
{
  PlanNode    parent_instance;
  GListStore *content;
};

G_DEFINE_FINAL_TYPE (PlanAppendix, plan_appendix, PLAN_TYPE_NODE)

enum {
  PROP_0,
  PROP_LABEL_MODE,
  PROP_LABEL,
  PROP_TITLE,
  PROP_REFERENCE_MODE,
  PROP_REFERENCE,
  PROP_ORIENTATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
plan_appendix_dispose (GObject *object)
{
  PlanAppendix *self = PLAN_APPENDIX (object);

  g_clear_object (&self->content);

  G_OBJECT_CLASS (plan_appendix_parent_class)->dispose (object);
}

static void
plan_appendix_class_init (PlanAppendixClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plan_appendix_dispose;

  properties[PROP_LABEL_MODE] =
    g_param_spec_enum ("label-mode", NULL, NULL,
                       PLAN_TYPE_LABEL_MODE, PLAN_LABEL_AUTO,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REFERENCE_MODE] =
    g_param_spec_enum ("reference-mode", NULL, NULL,
                       PLAN_TYPE_REFERENCE_MODE, PLAN_REFERENCE_AUTO,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REFERENCE] =
    g_param_spec_string ("reference", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ORIENTATION] =
    g_param_spec_enum ("orientation", NULL, NULL,
                       PLAN_TYPE_ORIENTATION, PLAN_ORIENTATION_PORTRAIT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  plan_node_class_install_properties (PLAN_NODE_CLASS (klass), N_PROPS, properties);
}

static void
plan_appendix_init (PlanAppendix *self)
{
  self->content = g_list_store_new (PLAN_TYPE_ITEM);
}

PlanAppendix *
plan_appendix_new (const char *title)
{
  return g_object_new (PLAN_TYPE_APPENDIX, "title", title, NULL);
}

PlanLabelMode
plan_appendix_get_label_mode (PlanAppendix *self)
{
  g_return_val_if_fail (PLAN_IS_APPENDIX (self), PLAN_LABEL_AUTO);

  return plan_node_get_enum (PLAN_NODE (self), PROP_LABEL_MODE);
}

const char *
plan_appendix_get_label (PlanAppendix *self)
{
  g_return_val_if_fail (PLAN_IS_APPENDIX (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_LABEL);
}

const char *
plan_appendix_get_title (PlanAppendix *self)
{
  g_return_val_if_fail (PLAN_IS_APPENDIX (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_TITLE);
}

PlanReferenceMode
plan_appendix_get_reference_mode (PlanAppendix *self)
{
  g_return_val_if_fail (PLAN_IS_APPENDIX (self), PLAN_REFERENCE_AUTO);

  return plan_node_get_enum (PLAN_NODE (self), PROP_REFERENCE_MODE);
}

const char *
plan_appendix_get_reference (PlanAppendix *self)
{
  g_return_val_if_fail (PLAN_IS_APPENDIX (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_REFERENCE);
}

PlanOrientation
plan_appendix_get_orientation (PlanAppendix *self)
{
  g_return_val_if_fail (PLAN_IS_APPENDIX (self), PLAN_ORIENTATION_PORTRAIT);

  return plan_node_get_enum (PLAN_NODE (self), PROP_ORIENTATION);
}

GListModel *
plan_appendix_get_content (PlanAppendix *self)
{
  g_return_val_if_fail (PLAN_IS_APPENDIX (self), NULL);

  return G_LIST_MODEL (self->content);
}
