/* plan-comment-paths.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "plan-comment-paths.h"

/* @path is the target of the items of @items; looks for the item whose children are @list. */
static char *
find_children_prefix (GListModel *items,
                      GListModel *list,
                      const char *path)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PlanItem) item = g_list_model_get_item (items, i);
      g_autofree char *item_path = g_strdup_printf ("%s/%u", path, i);
      char *found;

      if (plan_item_get_children (item) == list)
        return g_steal_pointer (&item_path);
      found = find_children_prefix (plan_item_get_children (item), list, item_path);
      if (found != NULL)
        return found;
    }

  return NULL;
}

PlanTable *
plan_comment_paths_first_table (GListModel *items)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PlanItem) item = g_list_model_get_item (items, i);
      PlanTable *table = plan_item_get_table (item);

      if (table == NULL)
        table = plan_comment_paths_first_table (plan_item_get_children (item));
      if (table != NULL)
        return table;
    }

  return NULL;
}

char *
plan_comment_paths_list_prefix (PlanDocument *document,
                                GListModel   *list)
{
  GListModel *appendices;

  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), NULL);

  if (list == plan_document_get_body (document))
    return g_strdup ("body");
  appendices = plan_document_get_appendices (document);
  if (list == appendices)
    return g_strdup ("appendix");

  for (guint i = 0; i < g_list_model_get_n_items (appendices); i++)
    {
      g_autoptr(PlanAppendix) appendix = g_list_model_get_item (appendices, i);
      PlanTable *table = plan_comment_paths_first_table (plan_appendix_get_content (appendix));

      if (table != NULL && list == plan_table_get_rows (table))
        return g_strdup_printf ("appendix/%u/row", i);
    }

  return find_children_prefix (plan_document_get_body (document), list, "body");
}

/* Splits @target into its index in the list of @prefix and what follows ("/1/0" or ""). */
static gboolean
split_target (const char  *target,
              const char  *prefix,
              guint       *index,
              const char **rest)
{
  gsize len = strlen (prefix);
  const char *digits = target + len + 1;
  char *end = NULL;
  guint64 value;

  if (strncmp (target, prefix, len) != 0 || target[len] != '/' || !g_ascii_isdigit (*digits))
    return FALSE;
  value = g_ascii_strtoull (digits, &end, 10);
  if (value > G_MAXUINT || (*end != '\0' && *end != '/'))
    return FALSE;

  *index = (guint) value;
  *rest = end;
  return TRUE;
}

/* The part that held the items of @prefix: the item above, the appendix of a row, or the whole
 * plan ("") for the body and the appendices. */
static char *
holder_of (const char *prefix)
{
  if (g_str_equal (prefix, "body") || g_str_equal (prefix, "appendix"))
    return g_strdup ("");
  if (g_str_has_suffix (prefix, "/row"))
    return g_strndup (prefix, strlen (prefix) - strlen ("/row"));
  return g_strdup (prefix);
}

char *
plan_comment_paths_splice (const char *target,
                           const char *prefix,
                           guint       position,
                           guint       n_removed,
                           guint       n_added)
{
  const char *rest;
  guint index;

  g_return_val_if_fail (target != NULL && prefix != NULL, NULL);

  if (!split_target (target, prefix, &index, &rest) || index < position)
    return NULL;
  if (index < position + n_removed)
    return holder_of (prefix);

  return g_strdup_printf ("%s/%u%s", prefix, index - n_removed + n_added, rest);
}

char *
plan_comment_paths_move (const char *target,
                         const char *prefix,
                         guint       from,
                         guint       to)
{
  const char *rest;
  guint index, moved;

  g_return_val_if_fail (target != NULL && prefix != NULL, NULL);

  if (!split_target (target, prefix, &index, &rest))
    return NULL;

  if (index == from)
    moved = to;
  else if (from < to && index > from && index <= to)
    moved = index - 1;
  else if (to < from && index >= to && index < from)
    moved = index + 1;
  else
    return NULL;

  return g_strdup_printf ("%s/%u%s", prefix, moved, rest);
}
