/* plan-table.c: a ruled table: columns, header rows, body rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plan-table.h"
#include "plan-enums.h"

struct _PlanTable
{
  PlanNode    parent_instance;
  GListStore *columns;
  GListStore *header_rows;
  GListStore *rows;
};

G_DEFINE_FINAL_TYPE (PlanTable, plan_table, PLAN_TYPE_NODE)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_NOTE,
  PROP_NUMBERED,
  PROP_FONT_SIZE,
  PROP_VERTICAL_ALIGNMENT,
  PROP_REPEAT_HEADER,
  PROP_FOOTNOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
plan_table_dispose (GObject *object)
{
  PlanTable *self = PLAN_TABLE (object);

  g_clear_object (&self->columns);
  g_clear_object (&self->header_rows);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (plan_table_parent_class)->dispose (object);
}

static void
plan_table_class_init (PlanTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plan_table_dispose;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NUMBERED] =
    g_param_spec_boolean ("numbered", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FONT_SIZE] =
    g_param_spec_uint ("font-size", NULL, NULL, 0, PLAN_TABLE_FONT_SIZE_MAX, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_VERTICAL_ALIGNMENT] =
    g_param_spec_enum ("vertical-alignment", NULL, NULL,
                       PLAN_TYPE_VERTICAL_ALIGNMENT, PLAN_VALIGN_TOP,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REPEAT_HEADER] =
    g_param_spec_boolean ("repeat-header", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FOOTNOTE] =
    g_param_spec_string ("footnote", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  plan_node_class_install_properties (PLAN_NODE_CLASS (klass), N_PROPS, properties);
}

static void
plan_table_init (PlanTable *self)
{
  self->columns = g_list_store_new (PLAN_TYPE_COLUMN);
  self->header_rows = g_list_store_new (PLAN_TYPE_ROW);
  self->rows = g_list_store_new (PLAN_TYPE_ROW);
}

PlanTable *
plan_table_new (guint n_columns)
{
  PlanTable *self = g_object_new (PLAN_TYPE_TABLE, NULL);

  for (guint i = 0; i < n_columns; i++)
    {
      g_autoptr(PlanColumn) column = plan_column_new (1.0, PLAN_ALIGN_LEFT);

      g_list_store_append (self->columns, column);
    }

  return self;
}

GListModel *
plan_table_get_columns (PlanTable *self)
{
  g_return_val_if_fail (PLAN_IS_TABLE (self), NULL);

  return G_LIST_MODEL (self->columns);
}

GListModel *
plan_table_get_header_rows (PlanTable *self)
{
  g_return_val_if_fail (PLAN_IS_TABLE (self), NULL);

  return G_LIST_MODEL (self->header_rows);
}

GListModel *
plan_table_get_rows (PlanTable *self)
{
  g_return_val_if_fail (PLAN_IS_TABLE (self), NULL);

  return G_LIST_MODEL (self->rows);
}

const char *
plan_table_get_title (PlanTable *self)
{
  g_return_val_if_fail (PLAN_IS_TABLE (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_TITLE);
}

const char *
plan_table_get_note (PlanTable *self)
{
  g_return_val_if_fail (PLAN_IS_TABLE (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_NOTE);
}

gboolean
plan_table_get_numbered (PlanTable *self)
{
  g_return_val_if_fail (PLAN_IS_TABLE (self), FALSE);

  return plan_node_get_boolean (PLAN_NODE (self), PROP_NUMBERED);
}

guint
plan_table_get_n_columns (PlanTable *self)
{
  g_return_val_if_fail (PLAN_IS_TABLE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->columns));
}

PlanRow *
plan_table_append_row (PlanTable *self)
{
  g_autoptr(PlanRow) row = NULL;

  g_return_val_if_fail (PLAN_IS_TABLE (self), NULL);

  row = plan_row_new (plan_table_get_n_columns (self));
  g_list_store_append (self->rows, row);

  return row;
}

PlanRow *
plan_table_append_header_row (PlanTable *self)
{
  g_autoptr(PlanRow) row = NULL;

  g_return_val_if_fail (PLAN_IS_TABLE (self), NULL);

  row = plan_row_new (plan_table_get_n_columns (self));
  g_list_store_append (self->header_rows, row);

  return row;
}

const char *
plan_table_get_column_name (PlanTable *self,
                            guint      column)
{
  g_autoptr(PlanRow) row = NULL;
  guint n_header_rows;
  PlanCell *cell;

  g_return_val_if_fail (PLAN_IS_TABLE (self), NULL);

  n_header_rows = g_list_model_get_n_items (G_LIST_MODEL (self->header_rows));
  if (n_header_rows == 0)
    return "";

  row = g_list_model_get_item (G_LIST_MODEL (self->header_rows), n_header_rows - 1);
  cell = plan_row_get_cell (row, column);

  return cell != NULL ? plan_cell_get_text (cell) : "";
}

guint
plan_table_get_font_size (PlanTable *self)
{
  g_return_val_if_fail (PLAN_IS_TABLE (self), 0);

  return plan_node_get_uint (PLAN_NODE (self), PROP_FONT_SIZE);
}

PlanVerticalAlignment
plan_table_get_vertical_alignment (PlanTable *self)
{
  g_return_val_if_fail (PLAN_IS_TABLE (self), PLAN_VALIGN_TOP);

  return plan_node_get_enum (PLAN_NODE (self), PROP_VERTICAL_ALIGNMENT);
}

gboolean
plan_table_get_repeat_header (PlanTable *self)
{
  g_return_val_if_fail (PLAN_IS_TABLE (self), TRUE);

  return plan_node_get_boolean (PLAN_NODE (self), PROP_REPEAT_HEADER);
}

const char *
plan_table_get_footnote (PlanTable *self)
{
  g_return_val_if_fail (PLAN_IS_TABLE (self), "");

  return plan_node_get_string (PLAN_NODE (self), PROP_FOOTNOTE);
}
