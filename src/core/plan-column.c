/* plan-column.c: a table column (relative width, alignment)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plan-column.h"
#include "plan-enums.h"

struct _PlanColumn
{
  PlanNode parent_instance;
};

G_DEFINE_FINAL_TYPE (PlanColumn, plan_column, PLAN_TYPE_NODE)

enum {
  PROP_0,
  PROP_WIDTH,
  PROP_ALIGNMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
plan_column_class_init (PlanColumnClass *klass)
{
  /* A relative width must stay positive, or the column would vanish from the page. */
  properties[PROP_WIDTH] =
    g_param_spec_double ("width", NULL, NULL,
                         0.01, 1000.0, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ALIGNMENT] =
    g_param_spec_enum ("alignment", NULL, NULL,
                       PLAN_TYPE_ALIGNMENT, PLAN_ALIGN_LEFT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  plan_node_class_install_properties (PLAN_NODE_CLASS (klass), N_PROPS, properties);
}

static void
plan_column_init (PlanColumn *self)
{
}

PlanColumn *
plan_column_new (double        width,
                 PlanAlignment alignment)
{
  return g_object_new (PLAN_TYPE_COLUMN,
                       "width", width,
                       "alignment", alignment,
                       NULL);
}

double
plan_column_get_width (PlanColumn *self)
{
  g_return_val_if_fail (PLAN_IS_COLUMN (self), 1.0);

  return plan_node_get_double (PLAN_NODE (self), PROP_WIDTH);
}

PlanAlignment
plan_column_get_alignment (PlanColumn *self)
{
  g_return_val_if_fail (PLAN_IS_COLUMN (self), PLAN_ALIGN_LEFT);

  return plan_node_get_enum (PLAN_NODE (self), PROP_ALIGNMENT);
}
