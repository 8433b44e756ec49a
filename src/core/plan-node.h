/* plan-node.h: base class of every model object: generic property storage with NFC
 * normalization of strings and notification only on real change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-types.h"

G_BEGIN_DECLS

#define PLAN_TYPE_NODE (plan_node_get_type ())
G_DECLARE_DERIVABLE_TYPE (PlanNode, plan_node, PLAN, NODE, GObject)

struct _PlanNodeClass
{
  GObjectClass parent_class;
};

/* Subclasses call this from class_init instead of g_object_class_install_properties().
 * Property ids start at 1, as usual; every value is stored by PlanNode. String values are
 * normalized to NFC on set; notify is emitted only when the value changes. */
void          plan_node_class_install_properties (PlanNodeClass *klass,
                                                  guint          n_pspecs,
                                                  GParamSpec   **pspecs);

/* Fast typed access by property id, for subclasses' getters. */
const char   *plan_node_get_string   (PlanNode *self, guint prop_id);
gboolean      plan_node_get_boolean  (PlanNode *self, guint prop_id);
guint         plan_node_get_uint     (PlanNode *self, guint prop_id);
int           plan_node_get_enum     (PlanNode *self, guint prop_id);
double        plan_node_get_double   (PlanNode *self, guint prop_id);
gint64        plan_node_get_int64    (PlanNode *self, guint prop_id);
gpointer      plan_node_get_boxed    (PlanNode *self, guint prop_id);
gpointer      plan_node_get_object   (PlanNode *self, guint prop_id);

G_END_DECLS
