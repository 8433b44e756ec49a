/* plan-numbering.c: the markers items print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "plan-format.h"
#include "plan-numbering.h"

static const PlanMarkerStyle styles[] = {
  { PLAN_MARKER_LETTER_UPPER, "." },
  { PLAN_MARKER_PART_WORD, "" },
  { PLAN_MARKER_ROMAN, "." },
  { PLAN_MARKER_DECIMAL, "." },
  { PLAN_MARKER_DECIMAL, ")" },
  { PLAN_MARKER_DECIMAL, "/." },
  { PLAN_MARKER_DECIMAL_NESTED, "." },
  { PLAN_MARKER_DECIMAL_NESTED, "" },
  { PLAN_MARKER_LETTER, ")" },
  { PLAN_MARKER_LETTER, "." },
  { PLAN_MARKER_LETTER, "/." },
  { PLAN_MARKER_LETTER_LATIN, ")" },
  { PLAN_MARKER_LETTER_LATIN, "." },
  { PLAN_MARKER_LETTER_UPPER_LATIN, "." },
  { PLAN_MARKER_DASH, "" },
  { PLAN_MARKER_PLUS, "" },
};

const PlanMarkerStyle *
plan_numbering_get_styles (guint *n_styles)
{
  if (n_styles != NULL)
    *n_styles = G_N_ELEMENTS (styles);

  return styles;
}

char *
plan_numbering_format_marker (PlanMarkerFormat  format,
                              guint             n,
                              const char       *parent_number,
                              const char       *suffix)
{
  g_autofree char *number = NULL;

  if (suffix == NULL)
    suffix = "";
  if (parent_number != NULL && parent_number[0] == '\0')
    parent_number = NULL;

  switch (format)
    {
    case PLAN_MARKER_DECIMAL:
      number = g_strdup_printf ("%u", n);
      break;
    case PLAN_MARKER_DECIMAL_NESTED:
      if (parent_number != NULL)
        number = g_strdup_printf ("%s.%u", parent_number, n);
      else
        number = g_strdup_printf ("%u", n);
      break;
    case PLAN_MARKER_ROMAN:
      number = plan_format_roman (n);
      break;
    case PLAN_MARKER_LETTER:
      number = plan_format_letter (n);
      break;
    case PLAN_MARKER_LETTER_UPPER:
      {
        g_autofree char *letter = plan_format_letter (n);

        number = plan_format_upper (letter);
      }
      break;
    case PLAN_MARKER_LETTER_LATIN:
      number = plan_format_letter_latin (n);
      break;
    case PLAN_MARKER_LETTER_UPPER_LATIN:
      {
        g_autofree char *letter = plan_format_letter_latin (n);

        number = plan_format_upper (letter);
      }
      break;
    case PLAN_MARKER_PART_WORD:
      {
        g_autofree char *roman = plan_format_roman (n);

        number = g_strdup_printf ("Phần %s", roman);
      }
      break;
    case PLAN_MARKER_DASH:
      number = g_strdup ("-");
      break;
    case PLAN_MARKER_PLUS:
      number = g_strdup ("+");
      break;
    case PLAN_MARKER_AUTO:
    default:
      return g_strdup ("");
    }

  return g_strconcat (number, suffix, NULL);
}

char *
plan_numbering_dup_style_sample (PlanMarkerFormat  format,
                                 const char       *suffix)
{
  GString *sample = g_string_new (NULL);
  const char *parent = format == PLAN_MARKER_DECIMAL_NESTED ? "1" : NULL;
  guint count = 3;

  /* Letters show the fifth too, where the Vietnamese sequence (đ) and the Latin one (e) part. */
  if (format == PLAN_MARKER_DASH || format == PLAN_MARKER_PLUS)
    count = 1;
  else if (format == PLAN_MARKER_LETTER || format == PLAN_MARKER_LETTER_UPPER ||
           format == PLAN_MARKER_LETTER_LATIN || format == PLAN_MARKER_LETTER_UPPER_LATIN)
    count = 5;

  for (guint n = 1; n <= count; n++)
    {
      g_autofree char *marker = plan_numbering_format_marker (format, n, parent, suffix);

      if (n > 1)
        g_string_append (sample, ", ");
      g_string_append (sample, marker);
    }

  return g_string_free (sample, FALSE);
}

/* The style an item of @kind prints with when neither it nor a sibling before it has one. */
static gboolean
default_style (PlanDocument      *document,
               PlanItemKind       kind,
               PlanItem          *parent,
               PlanMarkerFormat  *format,
               const char       **suffix)
{
  PlanNumberedStyle numbered_style = PLAN_NUMBERED_DOT;
  PlanPointStyle point_style = PLAN_POINT_PAREN;
  PlanPartStyle part_style = PLAN_PART_LETTER;

  if (document != NULL)
    g_object_get (document,
                  "numbered-style", &numbered_style,
                  "point-style", &point_style,
                  "part-style", &part_style,
                  NULL);

  switch (kind)
    {
    case PLAN_ITEM_PART:
      *format = part_style == PLAN_PART_WORD ? PLAN_MARKER_PART_WORD : PLAN_MARKER_LETTER_UPPER;
      *suffix = part_style == PLAN_PART_WORD ? "" : ".";
      return TRUE;
    case PLAN_ITEM_SECTION:
      *format = PLAN_MARKER_ROMAN;
      *suffix = ".";
      return TRUE;
    case PLAN_ITEM_NUMBERED:
      *format = PLAN_MARKER_DECIMAL_NESTED;
      *suffix = numbered_style == PLAN_NUMBERED_PAREN ? ")" : ".";
      return TRUE;
    case PLAN_ITEM_POINT:
      *format = PLAN_MARKER_LETTER;
      *suffix = point_style == PLAN_POINT_DOT ? "." : ")";
      return TRUE;
    case PLAN_ITEM_BULLET:
      *format = parent != NULL && plan_item_get_kind (parent) == PLAN_ITEM_BULLET
                ? PLAN_MARKER_PLUS : PLAN_MARKER_DASH;
      *suffix = "";
      return TRUE;
    case PLAN_ITEM_PARAGRAPH:
    case PLAN_ITEM_NOTE:
    case PLAN_ITEM_TABLE:
    default:
      return FALSE;
    }
}

GStrv
plan_numbering_markers (PlanDocument *document,
                        GListModel   *items,
                        PlanItem     *parent,
                        const char   *parent_number)
{
  guint counts[PLAN_ITEM_TABLE + 1] = { 0 };
  /* The style in force for each kind: the last explicit one in this list. */
  PlanItem *styled[PLAN_ITEM_TABLE + 1] = { NULL };
  g_autoptr(GStrvBuilder) builder = NULL;
  guint n_items;

  g_return_val_if_fail (document == NULL || PLAN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);
  g_return_val_if_fail (parent == NULL || PLAN_IS_ITEM (parent), NULL);

  builder = g_strv_builder_new ();
  n_items = g_list_model_get_n_items (items);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(PlanItem) item = g_list_model_get_item (items, i);
      PlanItemKind kind = plan_item_get_kind (item);
      PlanMarkerFormat format = PLAN_MARKER_AUTO;
      const char *suffix = "";
      const char *literal = plan_item_get_marker (item);
      g_autofree char *marker = NULL;
      guint n;

      g_assert (kind <= PLAN_ITEM_TABLE);
      n = ++counts[kind];

      if (plan_item_get_marker_format (item) != PLAN_MARKER_AUTO)
        styled[kind] = item;

      if (styled[kind] != NULL)
        {
          format = plan_item_get_marker_format (styled[kind]);
          suffix = plan_item_get_marker_suffix (styled[kind]);
        }
      else if (!default_style (document, kind, parent, &format, &suffix))
        format = PLAN_MARKER_AUTO;

      if (kind != PLAN_ITEM_TABLE && literal[0] != '\0')
        marker = g_strdup (literal);
      else
        marker = plan_numbering_format_marker (format, n, parent_number, suffix);

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

  /* "1.1." → "1.1", "2)" → "2", "3/." → "3" */
  len = strlen (marker);
  while (len > 0 && strchr ("./)", marker[len - 1]) != NULL)
    len--;
  if (len == 0)
    return NULL;

  return g_strndup (marker, len);
}

gboolean
plan_numbering_get_list_style (PlanDocument     *document,
                               GListModel       *items,
                               PlanItemKind      kind,
                               PlanItem         *parent,
                               PlanMarkerFormat *format_out,
                               char            **suffix_out)
{
  guint n_items;

  g_return_val_if_fail (document == NULL || PLAN_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (items), FALSE);

  n_items = g_list_model_get_n_items (items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(PlanItem) item = g_list_model_get_item (items, i);
      PlanMarkerFormat format;
      const char *suffix;

      if (plan_item_get_kind (item) != kind)
        continue;

      format = plan_item_get_marker_format (item);
      suffix = plan_item_get_marker_suffix (item);
      if (format == PLAN_MARKER_AUTO && !default_style (document, kind, parent, &format, &suffix))
        return FALSE;

      if (format_out != NULL)
        *format_out = format;
      if (suffix_out != NULL)
        *suffix_out = g_strdup (suffix);
      return TRUE;
    }

  return FALSE;
}

gboolean
plan_numbering_set_list_style (PlanDocument     *document,
                               GListModel       *items,
                               PlanItemKind      kind,
                               PlanMarkerFormat  format,
                               const char       *suffix)
{
  gboolean first = TRUE;
  gboolean changed = FALSE;
  guint n_items;

  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (items), FALSE);

  if (format == PLAN_MARKER_AUTO || suffix == NULL)
    suffix = "";

  plan_document_begin_group (document);
  n_items = g_list_model_get_n_items (items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(PlanItem) item = g_list_model_get_item (items, i);
      PlanMarkerFormat want_format = first ? format : PLAN_MARKER_AUTO;
      const char *want_suffix = first ? suffix : "";

      if (plan_item_get_kind (item) != kind)
        continue;
      first = FALSE;

      if (plan_item_get_marker_format (item) == want_format &&
          g_str_equal (plan_item_get_marker_suffix (item), want_suffix))
        continue;

      plan_document_set (document, item,
                         "marker-format", want_format,
                         "marker-suffix", want_suffix,
                         NULL);
      changed = TRUE;
    }
  plan_document_end_group (document);

  return changed;
}

static guint
clear_literal (PlanDocument *document,
               GListModel   *items)
{
  guint n_items = g_list_model_get_n_items (items);
  guint cleared = 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(PlanItem) item = g_list_model_get_item (items, i);

      if (plan_item_get_marker (item)[0] != '\0')
        {
          plan_document_set (document, item, "marker", "", NULL);
          cleared++;
        }
      cleared += clear_literal (document, plan_item_get_children (item));
    }

  return cleared;
}

guint
plan_numbering_clear_literal_markers (PlanDocument *document,
                                      GListModel   *items)
{
  guint cleared;

  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), 0);
  g_return_val_if_fail (G_IS_LIST_MODEL (items), 0);

  plan_document_begin_group (document);
  cleared = clear_literal (document, items);
  plan_document_end_group (document);

  return cleared;
}

gboolean
plan_numbering_has_literal_markers (GListModel *items)
{
  guint n_items;

  g_return_val_if_fail (G_IS_LIST_MODEL (items), FALSE);

  n_items = g_list_model_get_n_items (items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(PlanItem) item = g_list_model_get_item (items, i);

      if (plan_item_get_marker (item)[0] != '\0' ||
          plan_numbering_has_literal_markers (plan_item_get_children (item)))
        return TRUE;
    }

  return FALSE;
}
