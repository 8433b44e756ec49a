/* plan-docx-xml-private.h: small helpers for WordprocessingML elements and attributes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

#define PLAN_DOCX_NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define PLAN_DOCX_NS_MC "http://schemas.openxmlformats.org/markup-compatibility/2006"
#define PLAN_DOCX_NS_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define PLAN_DOCX_NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* @node is the element w:@name */
static inline gboolean
plan_docx_is_w (const xmlNode *node,
                const char    *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         g_strcmp0 ((const char *) node->ns->href, PLAN_DOCX_NS_W) == 0 &&
         g_strcmp0 ((const char *) node->name, name) == 0;
}

static inline gboolean
plan_docx_is_in_ns (const xmlNode *node,
                    const char    *ns,
                    const char    *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         g_strcmp0 ((const char *) node->ns->href, ns) == 0 &&
         g_strcmp0 ((const char *) node->name, name) == 0;
}

/* The first child element w:@name, or NULL */
static inline xmlNode *
plan_docx_w_child (const xmlNode *node,
                   const char    *name)
{
  if (node == NULL)
    return NULL;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (plan_docx_is_w (child, name))
      return child;
  return NULL;
}

/* The attribute w:@name (g_free() it), or NULL */
static inline char *
plan_docx_w_attr (const xmlNode *node,
                  const char    *name)
{
  xmlChar *value;
  char *copy;

  if (node == NULL)
    return NULL;
  value = xmlGetNsProp (node, (const xmlChar *) name, (const xmlChar *) PLAN_DOCX_NS_W);
  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

/* w:@name/@w:val as an integer, @fallback when absent or not a number */
static inline gint64
plan_docx_w_child_int (const xmlNode *node,
                       const char    *name,
                       gint64         fallback)
{
  g_autofree char *value = plan_docx_w_attr (plan_docx_w_child (node, name), "val");
  gint64 number;

  if (value == NULL || !g_ascii_string_to_signed (value, 10, G_MININT32, G_MAXINT32, &number,
                                                   NULL))
    return fallback;
  return number;
}

/* A toggle property (w:b, w:i …): absent = -1, on = 1, off = 0 ("0", "false", "off", "none") */
static inline int
plan_docx_w_toggle (const xmlNode *properties,
                    const char    *name)
{
  xmlNode *element = plan_docx_w_child (properties, name);
  g_autofree char *value = NULL;

  if (element == NULL)
    return -1;
  value = plan_docx_w_attr (element, "val");
  if (value == NULL)
    return 1;
  return !(g_str_equal (value, "0") || g_str_equal (value, "false") ||
           g_str_equal (value, "off") || g_str_equal (value, "none"));
}

G_END_DECLS
