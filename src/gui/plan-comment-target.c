/* plan-comment-target.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "plan-comment-paths.h"
#include "plan-comment-target.h"
#include "plan-numbering.h"

static gboolean
find_item_path (GListModel *items,
                gpointer    object,
                GString    *path)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PlanItem) item = g_list_model_get_item (items, i);
      gsize len = path->len;

      g_string_append_printf (path, "/%u", i);
      if ((gpointer) item == object
          || find_item_path (plan_item_get_children (item), object, path))
        return TRUE;
      g_string_truncate (path, len);
    }

  return FALSE;
}

/* The index of @row among the rows of the tables of @items (the first table that holds it). */
static gboolean
find_row (GListModel *items,
          gpointer    row,
          guint      *index)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PlanItem) item = g_list_model_get_item (items, i);
      PlanTable *table = plan_item_get_table (item);

      if (table != NULL)
        {
          GListModel *rows = plan_table_get_rows (table);

          /* Rows are counted in the appendix's first table only: "appendix/0/row/3". */
          for (guint r = 0; r < g_list_model_get_n_items (rows); r++)
            {
              g_autoptr(GObject) other = g_list_model_get_item (rows, r);

              if ((gpointer) other == row)
                {
                  *index = r;
                  return TRUE;
                }
            }
          return FALSE;
        }
      if (find_row (plan_item_get_children (item), row, index))
        return TRUE;
    }

  return FALSE;
}

char *
plan_comment_target_for_object (PlanDocument *document,
                                gpointer      object)
{
  GListModel *appendices;
  g_autoptr(GString) path = NULL;

  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), NULL);

  if (object == NULL)
    return NULL;
  if (object == (gpointer) document)
    return g_strdup (PLAN_TARGET_PLAN);

  path = g_string_new ("body");
  if (find_item_path (plan_document_get_body (document), object, path))
    return g_string_free (g_steal_pointer (&path), FALSE);

  appendices = plan_document_get_appendices (document);
  for (guint i = 0; i < g_list_model_get_n_items (appendices); i++)
    {
      g_autoptr(PlanAppendix) appendix = g_list_model_get_item (appendices, i);
      guint row;

      if ((gpointer) appendix == object)
        return g_strdup_printf ("appendix/%u", i);

      /* Items inside an appendix are commented as the appendix: the file format names only
       * its rows. */
      g_string_assign (path, "");
      if (find_item_path (plan_appendix_get_content (appendix), object, path))
        return g_strdup_printf ("appendix/%u", i);
      if (PLAN_IS_ROW (object) && find_row (plan_appendix_get_content (appendix), object, &row))
        return g_strdup_printf ("appendix/%u/row/%u", i, row);
    }

  return NULL;
}

static char *
first_line (const char *text)
{
  const char *newline = text ? strchr (text, '\n') : NULL;

  if (text == NULL)
    return g_strdup ("");

  return newline ? g_strndup (text, newline - text) : g_strdup (text);
}

static char *
describe_item (PlanDocument *document,
               GListModel   *items,
               PlanItem     *parent,
               guint         index)
{
  g_auto(GStrv) markers = plan_numbering_markers (document, items, parent, NULL);
  g_autoptr(PlanItem) item = g_list_model_get_item (items, index);
  g_autofree char *heading = first_line (plan_text_get_plain (plan_item_get_heading (item)));
  GListModel *paragraphs = plan_item_get_paragraphs (item);

  if (plan_item_get_kind (item) == PLAN_ITEM_TABLE)
    return g_strdup (_("Table"));
  /* No heading: the item reads as its first paragraph. */
  if (*heading == '\0' && g_list_model_get_n_items (paragraphs) > 0)
    {
      g_autoptr(PlanParagraph) paragraph = g_list_model_get_item (paragraphs, 0);

      g_free (heading);
      heading = first_line (plan_text_get_plain (plan_paragraph_get_text (paragraph)));
    }
  if (*heading == '\0')
    {
      g_free (heading);
      heading = g_strdup (_("Untitled item"));
    }
  if (g_utf8_strlen (heading, -1) > 48)
    {
      char *shorter = g_utf8_substring (heading, 0, 47);

      g_free (heading);
      heading = g_strconcat (g_strchomp (shorter), "…", NULL);
      g_free (shorter);
    }
  if (markers != NULL && markers[index] != NULL && *markers[index] != '\0')
    return g_strdup_printf ("%s %s", markers[index], heading);

  return g_steal_pointer (&heading);
}

static gboolean
parse_index (const char *text,
             guint      *index)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &value, NULL))
    return FALSE;
  *index = (guint) value;

  return TRUE;
}

char *
plan_comment_target_describe (PlanDocument *document,
                              const char   *target)
{
  g_auto(GStrv) parts = NULL;
  guint index;

  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), NULL);

  if (target == NULL || *target == '\0')
    return g_strdup (_("Whole plan"));
  if (g_str_equal (target, PLAN_TARGET_HEADER))
    return g_strdup (_("General information"));
  if (g_str_equal (target, PLAN_TARGET_PREAMBLE))
    return g_strdup (_("Preamble"));
  if (g_str_equal (target, PLAN_TARGET_RECIPIENTS))
    return g_strdup (_("Recipients and signer"));

  parts = g_strsplit (target, "/", -1);

  if (g_str_equal (parts[0], "body") && parts[1] != NULL)
    {
      GListModel *items = plan_document_get_body (document);
      g_autoptr(PlanItem) parent = NULL;
      g_autoptr(GString) name = g_string_new (NULL);

      for (guint i = 1; parts[i] != NULL; i++)
        {
          g_autofree char *label = NULL;

          if (!parse_index (parts[i], &index) || index >= g_list_model_get_n_items (items))
            return g_strdup (_("A part that was removed"));

          label = describe_item (document, items, parent, index);
          if (name->len > 0)
            g_string_append (name, " › ");
          g_string_append (name, label);

          g_clear_object (&parent);
          parent = g_list_model_get_item (items, index);
          items = plan_item_get_children (parent);
        }

      return g_string_free (g_steal_pointer (&name), FALSE);
    }

  if (g_str_equal (parts[0], "appendix") && parts[1] != NULL)
    {
      GListModel *appendices = plan_document_get_appendices (document);
      g_autoptr(PlanAppendix) appendix = NULL;
      g_autofree char *label = NULL;
      guint row;

      if (!parse_index (parts[1], &index) || index >= g_list_model_get_n_items (appendices))
        return g_strdup (_("A part that was removed"));

      appendix = g_list_model_get_item (appendices, index);
      label = plan_document_dup_appendix_label (document, appendix);
      if (label == NULL || *label == '\0')
        {
          g_free (label);
          label = g_strdup (_("Appendix"));
        }

      if (parts[2] == NULL)
        return g_steal_pointer (&label);
      if (g_str_equal (parts[2], "row") && parts[3] != NULL && parse_index (parts[3], &row))
        /* Translators: a comment's place: "Phụ lục I › row 4" */
        return g_strdup_printf (_("%s › row %u"), label, row + 1);
    }

  return g_strdup (_("A part that was removed"));
}

gboolean
plan_comment_target_in_scope (const char *scope,
                              const char *target)
{
  gsize len;

  if (scope == NULL || *scope == '\0')
    return TRUE;
  if (target == NULL)
    return FALSE;

  len = strlen (scope);

  return strncmp (scope, target, len) == 0 && (target[len] == '\0' || target[len] == '/');
}

guint
plan_comment_target_count_open (PlanDocument *document,
                                const char   *scope)
{
  GListModel *comments;
  guint count = 0;

  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), 0);

  comments = plan_review_get_comments (plan_document_get_review (document));
  for (guint i = 0; i < g_list_model_get_n_items (comments); i++)
    {
      g_autoptr(PlanComment) comment = g_list_model_get_item (comments, i);

      if (*plan_comment_get_reply_to (comment) == '\0'
          && !plan_comment_get_resolved (comment)
          && plan_comment_target_in_scope (scope, plan_comment_get_target (comment)))
        count++;
    }

  return count;
}

static void
add_item_paths (GListModel *items,
                const char *prefix,
                GPtrArray  *targets)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PlanItem) item = g_list_model_get_item (items, i);
      g_autofree char *path = g_strdup_printf ("%s/%u", prefix, i);

      g_ptr_array_add (targets, g_strdup (path));
      add_item_paths (plan_item_get_children (item), path, targets);
    }
}

GPtrArray *
plan_comment_target_list_parts (PlanDocument *document,
                                const char   *target)
{
  GPtrArray *targets = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) parts = NULL;
  guint index;

  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), targets);

  g_ptr_array_add (targets, g_strdup (target ? target : ""));
  if (target == NULL || *target == '\0')
    return targets;

  parts = g_strsplit (target, "/", -1);

  if (g_str_equal (parts[0], "body") && parts[1] != NULL)
    {
      GListModel *items = plan_document_get_body (document);
      g_autoptr(PlanItem) item = NULL;

      for (guint i = 1; parts[i] != NULL; i++)
        {
          if (!parse_index (parts[i], &index) || index >= g_list_model_get_n_items (items))
            return targets;
          g_clear_object (&item);
          item = g_list_model_get_item (items, index);
          items = plan_item_get_children (item);
        }
      add_item_paths (items, target, targets);
    }
  else if (g_str_equal (parts[0], "appendix") && parts[1] != NULL && parts[2] == NULL)
    {
      GListModel *appendices = plan_document_get_appendices (document);
      g_autoptr(PlanAppendix) appendix = NULL;
      PlanTable *table;

      if (!parse_index (parts[1], &index) || index >= g_list_model_get_n_items (appendices))
        return targets;
      appendix = g_list_model_get_item (appendices, index);
      table = plan_comment_paths_first_table (plan_appendix_get_content (appendix));
      if (table != NULL)
        for (guint r = 0; r < g_list_model_get_n_items (plan_table_get_rows (table)); r++)
          g_ptr_array_add (targets, g_strdup_printf ("%s/row/%u", target, r));
    }

  return targets;
}

char *
plan_comment_target_describe_short (PlanDocument *document,
                                    const char   *target,
                                    guint         max_chars)
{
  g_autofree char *name = plan_comment_target_describe (document, target);
  const char *last = g_strrstr (name, " › ");
  const char *start = last ? last + strlen (" › ") : name;
  g_autofree char *shorter = NULL;

  if (g_utf8_strlen (start, -1) <= max_chars)
    return g_strdup (start);

  shorter = g_utf8_substring (start, 0, max_chars - 1);
  return g_strconcat (g_strchomp (shorter), "…", NULL);
}
