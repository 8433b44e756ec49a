/* plan-item.c: a node of the outline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plan-item.h"
#include "plan-enums.h"
#include "plan-paragraph.h"
#include "plan-table.h"

struct _PlanItem
{
  PlanNode    parent_instance;
  GListStore *paragraphs;
  GListStore *children;
};

G_DEFINE_FINAL_TYPE (PlanItem, plan_item, PLAN_TYPE_NODE)

enum {
  PROP_0,
  PROP_KIND,
  PROP_HEADING,
  PROP_RUN_IN,
  PROP_TABLE,
  PROP_MARKER_FORMAT,
  PROP_MARKER_SUFFIX,
  PROP_MARKER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
plan_item_dispose (GObject *object)
{
  PlanItem *self = PLAN_ITEM (object);

  g_clear_object (&self->paragraphs);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (plan_item_parent_class)->dispose (object);
}

static void
plan_item_class_init (PlanItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plan_item_dispose;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       PLAN_TYPE_ITEM_KIND, PLAN_ITEM_PARAGRAPH,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_HEADING] =
    g_param_spec_boxed ("heading", NULL, NULL,
                        PLAN_TYPE_TEXT,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RUN_IN] =
    g_param_spec_boolean ("run-in", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TABLE] =
    g_param_spec_object ("table", NULL, NULL,
                         PLAN_TYPE_TABLE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MARKER_FORMAT] =
    g_param_spec_enum ("marker-format", NULL, NULL,
                       PLAN_TYPE_MARKER_FORMAT, PLAN_MARKER_AUTO,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MARKER_SUFFIX] =
    g_param_spec_string ("marker-suffix", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MARKER] =
    g_param_spec_string ("marker", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  plan_node_class_install_properties (PLAN_NODE_CLASS (klass), N_PROPS, properties);
}

static void
plan_item_init (PlanItem *self)
{
  self->paragraphs = g_list_store_new (PLAN_TYPE_PARAGRAPH);
  self->children = g_list_store_new (PLAN_TYPE_ITEM);
}

PlanItem *
plan_item_new (PlanItemKind  kind,
               const char   *heading)
{
  g_autoptr(PlanText) text = plan_text_new (heading);

  g_return_val_if_fail (text != NULL, NULL);

  return g_object_new (PLAN_TYPE_ITEM,
                       "kind", kind,
                       "heading", text,
                       NULL);
}

PlanItem *
plan_item_new_table (PlanTable *table)
{
  g_return_val_if_fail (PLAN_IS_TABLE (table), NULL);

  return g_object_new (PLAN_TYPE_ITEM,
                       "kind", PLAN_ITEM_TABLE,
                       "table", table,
                       NULL);
}

PlanItemKind
plan_item_get_kind (PlanItem *self)
{
  g_return_val_if_fail (PLAN_IS_ITEM (self), PLAN_ITEM_PARAGRAPH);

  return plan_node_get_enum (PLAN_NODE (self), PROP_KIND);
}

PlanMarkerFormat
plan_item_get_marker_format (PlanItem *self)
{
  g_return_val_if_fail (PLAN_IS_ITEM (self), PLAN_MARKER_AUTO);

  return plan_node_get_enum (PLAN_NODE (self), PROP_MARKER_FORMAT);
}

const char *
plan_item_get_marker_suffix (PlanItem *self)
{
  g_return_val_if_fail (PLAN_IS_ITEM (self), "");

  return plan_node_get_string (PLAN_NODE (self), PROP_MARKER_SUFFIX);
}

const char *
plan_item_get_marker (PlanItem *self)
{
  g_return_val_if_fail (PLAN_IS_ITEM (self), "");

  return plan_node_get_string (PLAN_NODE (self), PROP_MARKER);
}

PlanText *
plan_item_get_heading (PlanItem *self)
{
  g_return_val_if_fail (PLAN_IS_ITEM (self), NULL);

  return plan_node_get_boxed (PLAN_NODE (self), PROP_HEADING);
}

gboolean
plan_item_get_run_in (PlanItem *self)
{
  g_return_val_if_fail (PLAN_IS_ITEM (self), FALSE);

  return plan_node_get_boolean (PLAN_NODE (self), PROP_RUN_IN);
}

PlanTable *
plan_item_get_table (PlanItem *self)
{
  g_return_val_if_fail (PLAN_IS_ITEM (self), NULL);

  return plan_node_get_object (PLAN_NODE (self), PROP_TABLE);
}

GListModel *
plan_item_get_paragraphs (PlanItem *self)
{
  g_return_val_if_fail (PLAN_IS_ITEM (self), NULL);

  return G_LIST_MODEL (self->paragraphs);
}

GListModel *
plan_item_get_children (PlanItem *self)
{
  g_return_val_if_fail (PLAN_IS_ITEM (self), NULL);

  return G_LIST_MODEL (self->children);
}

PlanParagraph *
plan_item_append_paragraph (PlanItem   *self,
                            const char *plain)
{
  g_autoptr(PlanParagraph) paragraph = NULL;

  g_return_val_if_fail (PLAN_IS_ITEM (self), NULL);

  paragraph = plan_paragraph_new_plain (plain);
  g_return_val_if_fail (paragraph != NULL, NULL);

  g_list_store_append (self->paragraphs, paragraph);

  return paragraph;
}

void
plan_item_append_child (PlanItem *self,
                        PlanItem *child)
{
  g_return_if_fail (PLAN_IS_ITEM (self));
  g_return_if_fail (PLAN_IS_ITEM (child));

  g_list_store_append (self->children, child);
}

gpointer
plan_item_list_find_last_text (GListModel *items,
                               PlanText  **text)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  for (guint i = g_list_model_get_n_items (items); i > 0; i--)
    {
      g_autoptr(PlanItem) item = g_list_model_get_item (items, i - 1);
      GListModel *paragraphs = plan_item_get_paragraphs (item);
      guint n_paragraphs = g_list_model_get_n_items (paragraphs);
      gpointer found;

      if (plan_item_get_kind (item) == PLAN_ITEM_TABLE)
        return NULL;

      found = plan_item_list_find_last_text (plan_item_get_children (item), text);
      if (found != NULL)
        return found;
      if (g_list_model_get_n_items (plan_item_get_children (item)) > 0)
        return NULL;

      if (n_paragraphs > 0)
        {
          g_autoptr(PlanParagraph) paragraph = g_list_model_get_item (paragraphs, n_paragraphs - 1);

          *text = plan_paragraph_get_text (paragraph);
          return paragraph;
        }
      if (!plan_text_is_empty (plan_item_get_heading (item)))
        {
          *text = plan_item_get_heading (item);
          return item;
        }
    }

  return NULL;
}
