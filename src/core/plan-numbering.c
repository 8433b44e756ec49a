/* plan-numbering.c: numbering derived from position in the outline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "plan-format.h"
#include "plan-numbering.h"

GStrv
plan_numbering_markers (PlanDocument *document,
                        GListModel   *items,
                        PlanItem     *parent,
                        const char   *parent_number)
{
  PlanNumberedStyle numbered_style = PLAN_NUMBERED_DOT;
  PlanPointStyle point_style = PLAN_POINT_PAREN;
  PlanPartStyle part_style = PLAN_PART_LETTER;
  guint counts[PLAN_ITEM_TABLE + 1] = { 0 };
  gboolean in_bullet;
  g_autoptr(GStrvBuilder) builder = NULL;
  guint n_items;

  g_return_val_if_fail (document == NULL || PLAN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);
  g_return_val_if_fail (parent == NULL || PLAN_IS_ITEM (parent), NULL);

  if (document != NULL)
    g_object_get (document,
                  "numbered-style", &numbered_style,
                  "point-style", &point_style,
                  "part-style", &part_style,
                  NULL);

  in_bullet = parent != NULL && plan_item_get_kind (parent) == PLAN_ITEM_BULLET;
  if (parent_number != NULL && parent_number[0] == '\0')
    parent_number = NULL;

  builder = g_strv_builder_new ();
  n_items = g_list_model_get_n_items (items);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(PlanItem) item = g_list_model_get_item (items, i);
      PlanItemKind kind = plan_item_get_kind (item);
      g_autofree char *marker = NULL;
      guint n;

      g_assert (kind <= PLAN_ITEM_TABLE);
      n = ++counts[kind];

      switch (kind)
        {
        case PLAN_ITEM_PART:
          if (part_style == PLAN_PART_WORD)
            {
              g_autofree char *roman = plan_format_roman (n);

              marker = g_strdup_printf ("Phần %s", roman);
            }
          else
            {
              g_autofree char *letter = plan_format_letter (n);
              g_autofree char *upper = plan_format_upper (letter);

              marker = g_strdup_printf ("%s.", upper);
            }
          break;

        case PLAN_ITEM_SECTION:
          {
            g_autofree char *roman = plan_format_roman (n);

            marker = g_strdup_printf ("%s.", roman);
          }
          break;

        case PLAN_ITEM_NUMBERED:
          {
            const char *end = numbered_style == PLAN_NUMBERED_PAREN ? ")" : ".";

            if (parent_number != NULL)
              marker = g_strdup_printf ("%s.%u%s", parent_number, n, end);
            else
              marker = g_strdup_printf ("%u%s", n, end);
          }
          break;

        case PLAN_ITEM_POINT:
          {
            g_autofree char *letter = plan_format_letter (n);

            marker = g_strdup_printf ("%s%s", letter,
                                      point_style == PLAN_POINT_DOT ? "." : ")");
          }
          break;

        case PLAN_ITEM_BULLET:
          marker = g_strdup (in_bullet ? "+" : "-");
          break;

        case PLAN_ITEM_PARAGRAPH:
        case PLAN_ITEM_NOTE:
        case PLAN_ITEM_TABLE:
        default:
          marker = g_strdup ("");
          break;
        }

      g_strv_builder_add (builder, marker);
    }

  return g_strv_builder_end (builder);
}

char *
plan_numbering_child_prefix (PlanItem   *item,
                             const char *marker)
{
  gsize len;

  g_return_val_if_fail (PLAN_IS_ITEM (item), NULL);

  if (plan_item_get_kind (item) != PLAN_ITEM_NUMBERED || marker == NULL)
    return NULL;

  /* "1.1." → "1.1", "2)" → "2" */
  len = strlen (marker);
  if (len > 0 && (marker[len - 1] == '.' || marker[len - 1] == ')'))
    len--;
  if (len == 0)
    return NULL;

  return g_strndup (marker, len);
}
