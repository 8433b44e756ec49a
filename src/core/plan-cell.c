/* plan-cell.c: a table cell, possibly covered by a merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plan-cell.h"
#include "plan-enums.h"

struct _PlanCell
{
  PlanNode parent_instance;
};

G_DEFINE_FINAL_TYPE (PlanCell, plan_cell, PLAN_TYPE_NODE)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_MERGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
plan_cell_class_init (PlanCellClass *klass)
{
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MERGE] =
    g_param_spec_enum ("merge", NULL, NULL,
                       PLAN_TYPE_MERGE, PLAN_MERGE_NONE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  plan_node_class_install_properties (PLAN_NODE_CLASS (klass), N_PROPS, properties);
}

static void
plan_cell_init (PlanCell *self)
{
}

PlanCell *
plan_cell_new (const char *text)
{
  /* An empty cell is what the class makes: no property to set (faster for big tables) */
  if (text == NULL || text[0] == '\0')
    return g_object_new (PLAN_TYPE_CELL, NULL);
  return g_object_new (PLAN_TYPE_CELL, "text", text, NULL);
}

const char *
plan_cell_get_text (PlanCell *self)
{
  g_return_val_if_fail (PLAN_IS_CELL (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_TEXT);
}

PlanMerge
plan_cell_get_merge (PlanCell *self)
{
  g_return_val_if_fail (PLAN_IS_CELL (self), PLAN_MERGE_NONE);

  return plan_node_get_enum (PLAN_NODE (self), PROP_MERGE);
}
