/* plan-docx-styles.c: what a Word style (styles.xml) gives its paragraphs and runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plan-docx-styles.h"
#include "plan-docx-writer-styles.h"
#include "plan-docx-xml-private.h"

/* "basedOn" chains longer than this are cut (a loop in a hostile file ends there). */
#define MAX_BASED_ON 16

typedef struct {
  char *based_on;
  int   bold, italic, underline;   /* -1 = not set here */
  int   num_id, level;             /* -1 = not set here */
} Style;

struct _PlanDocxStyles
{
  GHashTable *styles;   /* style id → Style */
  GHashTable *roles;    /* style id → the id our export gives the style of that name, where
                         * they differ (a file saved again by LibreOffice) */
  Style       defaults;
  char       *default_paragraph;
};

static void
style_free (gpointer data)
{
  Style *style = data;
  g_free (style->based_on);
  g_free (style);
}

static void
read_run_properties (const xmlNode *rpr,
                     Style         *style)
{
  style->bold = plan_docx_w_toggle (rpr, "b");
  style->italic = plan_docx_w_toggle (rpr, "i");
  style->underline = plan_docx_w_toggle (rpr, "u");
}

static void
remember_role (PlanDocxStyles *self,
               const xmlNode  *style,
               const char     *id)
{
  g_autofree char *name = plan_docx_w_attr (plan_docx_w_child (style, "name"), "val");
  const char *our_id = plan_docx_style_id_for_name (name);

  if (our_id != NULL && g_strcmp0 (our_id, id) != 0)
    g_hash_table_insert (self->roles, g_strdup (id), (gpointer) our_id);
}

PlanDocxStyles *
plan_docx_styles_new (xmlDoc *styles_xml)
{
  PlanDocxStyles *self = g_new0 (PlanDocxStyles, 1);
  xmlNode *root = styles_xml != NULL ? xmlDocGetRootElement (styles_xml) : NULL;

  self->styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, style_free);
  self->roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->defaults = (Style) { NULL, -1, -1, -1, -1, -1 };
  if (!plan_docx_is_w (root, "styles"))
    return self;

  xmlNode *defaults = plan_docx_w_child (plan_docx_w_child (plan_docx_w_child (root, "docDefaults"),
                                                            "rPrDefault"), "rPr");
  if (defaults != NULL)
    read_run_properties (defaults, &self->defaults);

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      g_autofree char *id = NULL;
      Style *style;
      xmlNode *num_pr;

      if (!plan_docx_is_w (node, "style"))
        continue;
      id = plan_docx_w_attr (node, "styleId");
      if (id == NULL || g_hash_table_contains (self->styles, id))
        continue;
      if (self->default_paragraph == NULL)
        {
          g_autofree char *type = plan_docx_w_attr (node, "type");
          g_autofree char *is_default = plan_docx_w_attr (node, "default");
          if (g_strcmp0 (type, "paragraph") == 0 &&
              (g_strcmp0 (is_default, "1") == 0 || g_strcmp0 (is_default, "true") == 0))
            self->default_paragraph = g_strdup (id);
        }
      remember_role (self, node, id);
      style = g_new0 (Style, 1);
      style->based_on = plan_docx_w_attr (plan_docx_w_child (node, "basedOn"), "val");
      read_run_properties (plan_docx_w_child (node, "rPr"), style);
      num_pr = plan_docx_w_child (plan_docx_w_child (node, "pPr"), "numPr");
      style->num_id = num_pr != NULL ? (int) plan_docx_w_child_int (num_pr, "numId", -1) : -1;
      style->level = num_pr != NULL ? (int) plan_docx_w_child_int (num_pr, "ilvl", -1) : -1;
      g_hash_table_insert (self->styles, g_steal_pointer (&id), style);
    }
  return self;
}

void
plan_docx_styles_free (PlanDocxStyles *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->styles);
  g_hash_table_unref (self->roles);
  g_free (self->default_paragraph);
  g_free (self);
}

/* The first value set along the basedOn chain; -1 when none is */
static int
resolve_in_chain (PlanDocxStyles *self,
                  const char     *style_id,
                  gsize           offset)
{
  const char *id = style_id;

  for (int depth = 0; id != NULL && depth < MAX_BASED_ON; depth++)
    {
      Style *style = g_hash_table_lookup (self->styles, id);
      if (style == NULL)
        break;
      int value = G_STRUCT_MEMBER (int, style, offset);
      if (value >= 0)
        return value;
      id = style->based_on;
    }
  return -1;
}

const char *
plan_docx_styles_get_role (PlanDocxStyles *self,
                           const char     *style_id)
{
  const char *our_id = style_id != NULL ? g_hash_table_lookup (self->roles, style_id) : NULL;

  return our_id != NULL ? our_id : style_id;
}

const char *
plan_docx_styles_get_default_paragraph (PlanDocxStyles *self)
{
  return self->default_paragraph;
}

PlanStyle
plan_docx_styles_resolve_run (PlanDocxStyles *self,
                              const char     *paragraph_style,
                              const char     *character_style,
                              const xmlNode  *run_properties)
{
  static const struct { const char *element; gsize offset; PlanStyle flag; } toggles[] = {
    { "b", G_STRUCT_OFFSET (Style, bold), PLAN_STYLE_BOLD },
    { "i", G_STRUCT_OFFSET (Style, italic), PLAN_STYLE_ITALIC },
    { "u", G_STRUCT_OFFSET (Style, underline), PLAN_STYLE_UNDERLINE },
  };
  PlanStyle result = 0;

  if (paragraph_style == NULL)
    paragraph_style = self->default_paragraph;
  for (gsize i = 0; i < G_N_ELEMENTS (toggles); i++)
    {
      int value = run_properties != NULL ? plan_docx_w_toggle (run_properties, toggles[i].element) : -1;
      if (value < 0)
        value = resolve_in_chain (self, character_style, toggles[i].offset);
      if (value < 0)
        value = resolve_in_chain (self, paragraph_style, toggles[i].offset);
      if (value < 0)
        value = G_STRUCT_MEMBER (int, &self->defaults, toggles[i].offset);
      if (value > 0)
        result |= toggles[i].flag;
    }
  return result;
}

gboolean
plan_docx_styles_get_numbering (PlanDocxStyles *self,
                                const char     *style_id,
                                int            *num_id,
                                int            *level)
{
  if (style_id == NULL)
    return FALSE;
  *num_id = resolve_in_chain (self, style_id, G_STRUCT_OFFSET (Style, num_id));
  *level = resolve_in_chain (self, style_id, G_STRUCT_OFFSET (Style, level));
  if (*level < 0)
    *level = 0;
  return *num_id > 0;
}
