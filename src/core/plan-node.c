/* plan-node.c: base class of every model object: generic property storage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "plan-node-private.h"
#include "plan-nfc.h"
#include "plan-text.h"

/* What a class installed: its pspecs in id order. Kept on the GType so that every instance of a
 * class finds its layout without a per-instance table. */
typedef struct
{
  guint        n_pspecs;
  GParamSpec **pspecs;
} NodeClassInfo;

typedef struct
{
  const NodeClassInfo *info;
  GValue              *values;
} PlanNodePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (PlanNode, plan_node, G_TYPE_OBJECT)

static GQuark class_info_quark;

static const NodeClassInfo *
lookup_class_info (GType type)
{
  for (; type != 0 && type != PLAN_TYPE_NODE; type = g_type_parent (type))
    {
      const NodeClassInfo *info = g_type_get_qdata (type, class_info_quark);

      if (info != NULL)
        return info;
    }

  return NULL;
}

/* Values are allocated on first use because during instance init the GTypeInstance still
 * carries an ancestor class. */
static GValue *
get_values (PlanNode *self)
{
  PlanNodePrivate *priv = plan_node_get_instance_private (self);

  if G_UNLIKELY (priv->info == NULL)
    {
      const NodeClassInfo *info = lookup_class_info (G_OBJECT_TYPE (self));

      g_assert (info != NULL);

      priv->info = info;
      priv->values = g_new0 (GValue, info->n_pspecs);

      for (guint i = 0; i < info->n_pspecs; i++)
        {
          GParamSpec *pspec = info->pspecs[i];

          g_value_init (&priv->values[i], G_PARAM_SPEC_VALUE_TYPE (pspec));

          /* Rich text is never NULL: an empty text stands for "unset". */
          if (G_PARAM_SPEC_VALUE_TYPE (pspec) == PLAN_TYPE_TEXT)
            g_value_take_boxed (&priv->values[i], plan_text_new (NULL));
          /* Likewise strings are never NULL. An empty default is not copied: a table of
           * 630,000 empty cells would hold as many allocations of "". */
          else if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRING &&
                   (G_PARAM_SPEC_STRING (pspec)->default_value == NULL ||
                    G_PARAM_SPEC_STRING (pspec)->default_value[0] == '\0'))
            g_value_set_static_string (&priv->values[i], "");
          else
            g_param_value_set_default (pspec, &priv->values[i]);
        }
    }

  return priv->values;
}

static GValue *
get_value (PlanNode *self,
           guint     prop_id)
{
  GValue *values = get_values (self);
  PlanNodePrivate *priv = plan_node_get_instance_private (self);

  g_return_val_if_fail (prop_id >= 1 && prop_id <= priv->info->n_pspecs, NULL);

  return &values[prop_id - 1];
}

gboolean
_plan_node_values_differ (GParamSpec   *pspec,
                          const GValue *stored,
                          const GValue *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (stored), g_value_get_string (value)) != 0;
  if (type == PLAN_TYPE_TEXT)
    return !plan_text_equal (g_value_get_boxed (stored), g_value_get_boxed (value));
  if (G_TYPE_IS_BOXED (type))
    return g_value_get_boxed (stored) != g_value_get_boxed (value);
  if (G_TYPE_IS_OBJECT (type))
    return g_value_get_object (stored) != g_value_get_object (value);

  return g_param_values_cmp (pspec, stored, value) != 0;
}

static void
plan_node_finalize (GObject *object)
{
  PlanNode *self = PLAN_NODE (object);
  PlanNodePrivate *priv = plan_node_get_instance_private (self);

  if (priv->values != NULL)
    {
      for (guint i = 0; i < priv->info->n_pspecs; i++)
        g_value_unset (&priv->values[i]);
      g_clear_pointer (&priv->values, g_free);
    }

  G_OBJECT_CLASS (plan_node_parent_class)->finalize (object);
}

static void
plan_node_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PlanNode *self = PLAN_NODE (object);

  g_value_copy (get_value (self, prop_id), value);
}

static void
plan_node_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PlanNode *self = PLAN_NODE (object);
  GValue *stored = get_value (self, prop_id);
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  g_auto(GValue) normalized = G_VALUE_INIT;

  g_value_init (&normalized, type);

  if (type == G_TYPE_STRING)
    {
      const char *str = g_value_get_string (value);

      /* Strings are never NULL, so that getters can be printed directly. */
      if (str == NULL)
        str = "";

      if (!g_utf8_validate (str, -1, NULL))
        {
          g_warning ("%s:%s: ignoring a value that is not valid UTF-8",
                     G_OBJECT_TYPE_NAME (object), pspec->name);
          return;
        }

      if (str[0] == '\0')
        g_value_set_static_string (&normalized, "");
      else
        g_value_take_string (&normalized, plan_utf8_nfc (str));
    }
  else if (type == PLAN_TYPE_TEXT)
    {
      PlanText *text = g_value_get_boxed (value);

      if (text != NULL)
        g_value_set_boxed (&normalized, text);
      else
        g_value_take_boxed (&normalized, plan_text_new (NULL));
    }
  else
    {
      g_value_copy (value, &normalized);
    }

  if (!_plan_node_values_differ (pspec, stored, &normalized))
    return;

  g_value_unset (stored);
  *stored = normalized;
  /* Ownership moved into the storage. */
  memset (&normalized, 0, sizeof normalized);

  g_object_notify_by_pspec (object, pspec);
}

static void
plan_node_class_init (PlanNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plan_node_finalize;
  object_class->get_property = plan_node_get_property;
  object_class->set_property = plan_node_set_property;

  class_info_quark = g_quark_from_static_string ("plan-node-class-info");
}

static void
plan_node_init (PlanNode *self)
{
}

void
plan_node_class_install_properties (PlanNodeClass *klass,
                                    guint          n_pspecs,
                                    GParamSpec   **pspecs)
{
  GType type = G_TYPE_FROM_CLASS (klass);
  NodeClassInfo *info;

  g_return_if_fail (PLAN_IS_NODE_CLASS (klass));
  g_return_if_fail (g_type_get_qdata (type, class_info_quark) == NULL);

  /* GObject does not inherit get/set_property: every class gets PlanNode's storage unless it
   * provides its own. */
  if (G_OBJECT_CLASS (klass)->get_property == NULL)
    G_OBJECT_CLASS (klass)->get_property = plan_node_get_property;
  if (G_OBJECT_CLASS (klass)->set_property == NULL)
    G_OBJECT_CLASS (klass)->set_property = plan_node_set_property;

  /* Like g_object_class_install_properties(), pspecs[0] is unused (PROP_0). Classes without
   * properties (rows) still register, so that their instances find an (empty) layout. */
  if (n_pspecs > 1)
    g_object_class_install_properties (G_OBJECT_CLASS (klass), n_pspecs, pspecs);

  info = g_new0 (NodeClassInfo, 1);
  info->n_pspecs = n_pspecs > 0 ? n_pspecs - 1 : 0;
  info->pspecs = g_new0 (GParamSpec *, MAX (info->n_pspecs, 1));
  for (guint i = 1; i < n_pspecs; i++)
    info->pspecs[i - 1] = pspecs[i];

  /* Lives as long as the class, i.e. the process. */
  g_type_set_qdata (type, class_info_quark, info);
}

const char *
plan_node_get_string (PlanNode *self,
                      guint     prop_id)
{
  g_return_val_if_fail (PLAN_IS_NODE (self), NULL);

  return g_value_get_string (get_value (self, prop_id));
}

gboolean
plan_node_get_boolean (PlanNode *self,
                       guint     prop_id)
{
  g_return_val_if_fail (PLAN_IS_NODE (self), FALSE);

  return g_value_get_boolean (get_value (self, prop_id));
}

guint
plan_node_get_uint (PlanNode *self,
                    guint     prop_id)
{
  g_return_val_if_fail (PLAN_IS_NODE (self), 0);

  return g_value_get_uint (get_value (self, prop_id));
}

int
plan_node_get_enum (PlanNode *self,
                    guint     prop_id)
{
  g_return_val_if_fail (PLAN_IS_NODE (self), 0);

  return g_value_get_enum (get_value (self, prop_id));
}

double
plan_node_get_double (PlanNode *self,
                      guint     prop_id)
{
  g_return_val_if_fail (PLAN_IS_NODE (self), 0.0);

  return g_value_get_double (get_value (self, prop_id));
}

gint64
plan_node_get_int64 (PlanNode *self,
                     guint     prop_id)
{
  g_return_val_if_fail (PLAN_IS_NODE (self), 0);

  return g_value_get_int64 (get_value (self, prop_id));
}

gpointer
plan_node_get_boxed (PlanNode *self,
                     guint     prop_id)
{
  g_return_val_if_fail (PLAN_IS_NODE (self), NULL);

  return g_value_get_boxed (get_value (self, prop_id));
}

gpointer
plan_node_get_object (PlanNode *self,
                      guint     prop_id)
{
  g_return_val_if_fail (PLAN_IS_NODE (self), NULL);

  return g_value_get_object (get_value (self, prop_id));
}
