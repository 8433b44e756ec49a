/* plan-row.c: a table row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plan-row.h"
#include "plan-cell.h"
#include "plan-enums.h"

struct _PlanRow
{
  PlanNode    parent_instance;
  GListStore *cells;
};

G_DEFINE_FINAL_TYPE (PlanRow, plan_row, PLAN_TYPE_NODE)

enum {
  PROP_0,
  PROP_HEADER_STYLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
plan_row_dispose (GObject *object)
{
  PlanRow *self = PLAN_ROW (object);

  g_clear_object (&self->cells);

  G_OBJECT_CLASS (plan_row_parent_class)->dispose (object);
}

static void
plan_row_class_init (PlanRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plan_row_dispose;

  properties[PROP_HEADER_STYLE] =
    g_param_spec_enum ("header-style", NULL, NULL,
                       PLAN_TYPE_HEADER_STYLE, PLAN_HEADER_BOLD,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  plan_node_class_install_properties (PLAN_NODE_CLASS (klass), N_PROPS, properties);
}

static void
plan_row_init (PlanRow *self)
{
  self->cells = g_list_store_new (PLAN_TYPE_CELL);
}

PlanRow *
plan_row_new (guint n_cells)
{
  PlanRow *self = g_object_new (PLAN_TYPE_ROW, NULL);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_full (n_cells, g_object_unref);

  /* Added at once: one items-changed for the row, not one per cell (a table of 10,000 rows
   * of 63 cells is made in one go by the Word import) */
  for (guint i = 0; i < n_cells; i++)
    g_ptr_array_add (cells, plan_cell_new (NULL));
  g_list_store_splice (self->cells, 0, 0, cells->pdata, cells->len);

  return self;
}

GListModel *
plan_row_get_cells (PlanRow *self)
{
  g_return_val_if_fail (PLAN_IS_ROW (self), NULL);

  return G_LIST_MODEL (self->cells);
}

PlanCell *
plan_row_get_cell (PlanRow *self,
                   guint    column)
{
  PlanCell *cell;

  g_return_val_if_fail (PLAN_IS_ROW (self), NULL);

  cell = g_list_model_get_item (G_LIST_MODEL (self->cells), column);
  /* The row keeps the cell alive: callers get a borrowed pointer like the other getters. */
  if (cell != NULL)
    g_object_unref (cell);
  return cell;
}

void
plan_row_set_texts (PlanRow            *self,
                    const char * const *texts)
{
  guint n;

  g_return_if_fail (PLAN_IS_ROW (self));

  if (texts == NULL)
    return;

  /* @texts is NULL-terminated: the first NULL ends it, leaving the cells after it empty, so a
   * short array never makes us read past its end. Extra entries are ignored. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->cells));
  for (guint i = 0; i < n && texts[i] != NULL; i++)
    {
      g_autoptr(PlanCell) cell = g_list_model_get_item (G_LIST_MODEL (self->cells), i);

      g_object_set (cell, "text", texts[i], NULL);
    }
}

PlanHeaderStyle
plan_row_get_header_style (PlanRow *self)
{
  g_return_val_if_fail (PLAN_IS_ROW (self), PLAN_HEADER_BOLD);

  return plan_node_get_enum (PLAN_NODE (self), PROP_HEADER_STYLE);
}
