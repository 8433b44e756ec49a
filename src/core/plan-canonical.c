/* plan-canonical.c: the canonical byte form of a plan's printed content, part by part
 *
 * Every model object is written generically from its GObject properties (sorted by name, so
 * that the form does not depend on declaration order) and its lists. A property added to the
 * model later is therefore signed without anyone remembering to add it here; only the
 * properties that never print are left out, by name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "plan-canonical.h"
#include "plan-numbering.h"

/* Bumped if the encoding ever changes: old approvals then show as changed, never as valid.
 * Version 2 leaves the number and the issuing date out (see issuing_properties); the parts
 * that version 1 wrote differently also get their version-1 digest (legacy_digest), so that
 * approvals made before keep verifying. */
#define CANONICAL_MAGIC "kehoach-canonical/2\n"

/* Document properties that do not print or are decided elsewhere. The read-only ones
 * ("can-undo", "modified" …) are skipped anyway. */
static const char * const excluded_properties[] = {
  "review",           /* the review data is not the content */
  "draft-watermark",  /* decided by the approval (plan_approval_needs_watermark) */
  "decision",         /* its own part, signed only when the file is a decision */
  NULL
};

/* Filled in by the clerk (văn thư) when the plan is issued, after the signer approved it
 * (Decree 30, Điều 15.2): not part of what the approval signs. The PDF signatures cover them. */
static const char * const issuing_properties[] = {
  "number", "date-year", "date-month", "date-day", NULL
};

/* Properties added after approvals existed (file format 2), as "Type:property". Each is
 * signed only when it differs from its default, which prints as the plan did before it
 * existed: an approval of a plan that uses none of them keeps verifying, and any use of one
 * changes the form. A property added later goes here too, never elsewhere. */
static const char * const added_properties[] = {
  "PlanItem:marker-format", "PlanItem:marker-suffix", "PlanItem:marker",
  "PlanParagraph:alignment", "PlanParagraph:indent", "PlanDocument:signer-notes-bold",
  "PlanTable:font-size", "PlanTable:vertical-alignment", "PlanTable:repeat-header",
  "PlanTable:footnote", "PlanRow:header-style", "PlanDocument:appendix-page-numbering",
  "PlanDocument:kind",
  NULL
};

/* Which document property belongs to which fixed part. Anything not listed here goes to
 * "header", so that a new property is signed even if nobody files it. */
static const char * const numbering_properties[] = {
  "end-marker", "numbered-style", "point-style", "part-style", NULL
};
static const char * const closing_properties[] = {
  "archive", "signer-authority", "signer-title", "signer-name", "signer-notes",
  "signer-notes-bold", NULL
};
static const char * const layout_properties[] = {
  "margin-top", "margin-bottom", "margin-left", "margin-right", "font-size", "line-spacing",
  "paragraph-spacing", "first-line-indent", "appendix-page-numbering", NULL
};

void
plan_canonical_part_free (PlanCanonicalPart *part)
{
  if (part == NULL)
    return;

  g_free (part->id);
  g_free (part->label);
  g_free (part->digest);
  g_free (part->legacy_digest);
  g_free (part);
}

/* ---- Encoding ------------------------------------------------------------------------------
 * Line based; every variable-length value is length-prefixed so that no content can imitate
 * the structure around it. */

static void
append_bytes (GString    *out,
              const char *tag,
              const char *name,
              const char *value)
{
  g_string_append_printf (out, "%s %s %" G_GSIZE_FORMAT "\n", tag, name, strlen (value));
  g_string_append (out, value);
  g_string_append_c (out, '\n');
}

static void append_node (GString *out, GObject *node);

static void
append_text (GString        *out,
             const char     *name,
             const PlanText *text)
{
  guint n_runs = text != NULL ? plan_text_get_n_runs (text) : 0;

  g_string_append_printf (out, "t %s %u\n", name, n_runs);
  for (guint i = 0; i < n_runs; i++)
    {
      PlanStyle style = 0;
      const char *run = plan_text_get_run (text, i, &style);
      char style_name[8];

      g_snprintf (style_name, sizeof style_name, "%u", (guint) style);
      append_bytes (out, "r", style_name, run);
    }
}

static void
append_value (GString      *out,
              GParamSpec   *pspec,
              const GValue *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  const char *name = pspec->name;

  if (type == G_TYPE_STRING)
    append_bytes (out, "s", name, g_value_get_string (value) != NULL ? g_value_get_string (value) : "");
  else if (type == PLAN_TYPE_TEXT)
    append_text (out, name, g_value_get_boxed (value));
  else if (type == G_TYPE_BOOLEAN)
    g_string_append_printf (out, "b %s %s\n", name, g_value_get_boolean (value) ? "true" : "false");
  else if (type == G_TYPE_UINT)
    g_string_append_printf (out, "u %s %u\n", name, g_value_get_uint (value));
  else if (type == G_TYPE_INT)
    g_string_append_printf (out, "i %s %d\n", name, g_value_get_int (value));
  else if (type == G_TYPE_INT64)
    g_string_append_printf (out, "i %s %" G_GINT64_FORMAT "\n", name, g_value_get_int64 (value));
  else if (type == G_TYPE_DOUBLE)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      /* Fixed precision: a value that went through a text file compares equal. */
      g_ascii_formatd (buffer, sizeof buffer, "%.6f", g_value_get_double (value));
      g_string_append_printf (out, "d %s %s\n", name, buffer);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *enum_class = g_type_class_ref (type);
      GEnumValue *enum_value = g_enum_get_value (enum_class, g_value_get_enum (value));

      /* The nick, not the number: reordering an enum must not change old signatures. */
      if (enum_value != NULL)
        g_string_append_printf (out, "e %s %s\n", name, enum_value->value_nick);
      else
        g_string_append_printf (out, "e %s #%d\n", name, g_value_get_enum (value));
      g_type_class_unref (enum_class);
    }
  else if (G_TYPE_IS_OBJECT (type))
    {
      GObject *object = g_value_get_object (value);

      g_string_append_printf (out, "o %s\n", name);
      if (object != NULL)
        append_node (out, object);
      else
        g_string_append (out, "null\n");
    }
  else
    {
      /* Unknown kinds are still signed, in GLib's own words, and flagged for the developer. */
      g_autofree char *contents = g_strdup_value_contents (value);

      g_critical ("plan-canonical: no encoding for property %s of type %s", name, g_type_name (type));
      append_bytes (out, "x", name, contents);
    }
}

static int
compare_pspec_names (gconstpointer a,
                     gconstpointer b)
{
  GParamSpec *pa = *(GParamSpec * const *) a;
  GParamSpec *pb = *(GParamSpec * const *) b;

  return strcmp (pa->name, pb->name);
}

static gboolean
is_content_property (GParamSpec *pspec)
{
  if ((pspec->flags & G_PARAM_READABLE) == 0 || (pspec->flags & G_PARAM_WRITABLE) == 0)
    return FALSE;

  return !g_strv_contains (excluded_properties, pspec->name);
}

static gboolean
is_added_property (GObject    *node,
                   GParamSpec *pspec)
{
  g_autofree char *key = g_strdup_printf ("%s:%s", G_OBJECT_TYPE_NAME (node), pspec->name);

  return g_strv_contains (added_properties, key);
}

/* Strings are stored as "" for NULL, whatever the pspec's default says. */
static gboolean
value_is_default (GParamSpec   *pspec,
                  const GValue *value)
{
  if (G_VALUE_HOLDS_STRING (value))
    {
      const char *string = g_value_get_string (value);
      const char *fallback = G_PARAM_SPEC_STRING (pspec)->default_value;

      return g_strcmp0 (string != NULL ? string : "", fallback != NULL ? fallback : "") == 0;
    }

  return g_param_value_defaults (pspec, value);
}

/* The content properties of @node in name order. @filter, when non-NULL, selects by name. */
static void
append_properties (GString  *out,
                   GObject  *node,
                   gboolean (*filter) (const char *name))
{
  guint n_pspecs = 0;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (node),
                                                                   &n_pspecs);

  qsort (pspecs, n_pspecs, sizeof *pspecs, compare_pspec_names);

  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!is_content_property (pspecs[i]) || (filter != NULL && !filter (pspecs[i]->name)))
        continue;

      g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspecs[i]));
      g_object_get_property (node, pspecs[i]->name, &value);
      if (is_added_property (node, pspecs[i]) && value_is_default (pspecs[i], &value))
        continue;
      append_value (out, pspecs[i], &value);
    }
}

static void
append_list (GString    *out,
             const char *name,
             GListModel *list)
{
  guint n_items = g_list_model_get_n_items (list);

  g_string_append_printf (out, "l %s %u\n", name, n_items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      append_node (out, item);
    }
}

/* One model object with everything under it. The lists are named per class: they are not
 * properties, so introspection cannot find them. */
static void
append_node (GString *out,
             GObject *node)
{
  g_string_append_printf (out, "n %s\n", G_OBJECT_TYPE_NAME (node));
  append_properties (out, node, NULL);

  if (PLAN_IS_ITEM (node))
    {
      append_list (out, "paragraphs", plan_item_get_paragraphs (PLAN_ITEM (node)));
      append_list (out, "children", plan_item_get_children (PLAN_ITEM (node)));
    }
  else if (PLAN_IS_TABLE (node))
    {
      append_list (out, "columns", plan_table_get_columns (PLAN_TABLE (node)));
      append_list (out, "header-rows", plan_table_get_header_rows (PLAN_TABLE (node)));
      append_list (out, "rows", plan_table_get_rows (PLAN_TABLE (node)));
    }
  else if (PLAN_IS_ROW (node))
    append_list (out, "cells", plan_row_get_cells (PLAN_ROW (node)));
  else if (PLAN_IS_APPENDIX (node))
    append_list (out, "content", plan_appendix_get_content (PLAN_APPENDIX (node)));
  else if (PLAN_IS_DECISION (node))
    {
      append_list (out, "preamble", plan_decision_get_preamble (PLAN_DECISION (node)));
      append_list (out, "articles", plan_decision_get_articles (PLAN_DECISION (node)));
      append_list (out, "recipients", plan_decision_get_recipients (PLAN_DECISION (node)));
    }
  else if (!PLAN_IS_PARAGRAPH (node) && !PLAN_IS_RECIPIENT (node) && !PLAN_IS_CELL (node) &&
           !PLAN_IS_COLUMN (node) && !PLAN_IS_ARTICLE (node))
    g_critical ("plan-canonical: unexpected %s in a plan", G_OBJECT_TYPE_NAME (node));

  g_string_append (out, "end\n");
}

/* ---- Parts --------------------------------------------------------------------------------- */

static gboolean
is_numbering_property (const char *name)
{
  return g_strv_contains (numbering_properties, name);
}

static gboolean
is_closing_property (const char *name)
{
  return g_strv_contains (closing_properties, name);
}

static gboolean
is_layout_property (const char *name)
{
  return g_strv_contains (layout_properties, name);
}

static gboolean
is_header_property_v1 (const char *name)
{
  return !is_numbering_property (name) && !is_closing_property (name) &&
         !is_layout_property (name);
}

static gboolean
is_header_property (const char *name)
{
  return is_header_property_v1 (name) && !g_strv_contains (issuing_properties, name);
}

gboolean
plan_canonical_is_issuing_property (const char *name)
{
  g_return_val_if_fail (name != NULL, FALSE);

  return g_strv_contains (issuing_properties, name);
}

static char *
digest_of (GString *bytes)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) bytes->str, bytes->len);
}

/* Adds a part made of @bytes; @legacy_bytes, when not NULL, is what version 1 of the form
 * wrote for it (both are freed). */
static void
add_part_with_legacy (GPtrArray  *parts,
                      GString    *form,
                      char       *id,
                      const char *label,
                      GString    *bytes,
                      GString    *legacy_bytes)
{
  PlanCanonicalPart *part = g_new0 (PlanCanonicalPart, 1);

  part->id = id;
  part->label = g_strdup (label != NULL ? label : "");
  part->digest = digest_of (bytes);
  if (legacy_bytes != NULL)
    {
      part->legacy_digest = digest_of (legacy_bytes);
      g_string_free (legacy_bytes, TRUE);
    }
  g_ptr_array_add (parts, part);

  if (form != NULL)
    {
      g_string_append_printf (form, "part %s %" G_GSIZE_FORMAT "\n", id, bytes->len);
      g_string_append_len (form, bytes->str, bytes->len);
    }

  g_string_free (bytes, TRUE);
}

static void
add_part (GPtrArray  *parts,
          GString    *form,
          char       *id,
          const char *label,
          GString    *bytes)
{
  add_part_with_legacy (parts, form, id, label, bytes, NULL);
}

/* The first line of @text, shortened for a list of changed parts. */
static void
append_short (GString    *label,
              const char *text)
{
  const char *end = strchr (text, '\n');
  glong length = end != NULL ? g_utf8_pointer_to_offset (text, end) : g_utf8_strlen (text, -1);
  glong shown = MIN (length, 60);
  const char *stop = g_utf8_offset_to_pointer (text, shown);

  g_string_append_len (label, text, stop - text);
  if (shown < length || end != NULL)
    g_string_append (label, "…");
}

static char *
body_label (PlanItem   *item,
            const char *marker)
{
  GString *label = g_string_new (marker);
  const char *text = plan_text_get_plain (plan_item_get_heading (item));
  GListModel *paragraphs = plan_item_get_paragraphs (item);
  g_autoptr(PlanParagraph) first = NULL;

  if (text[0] == '\0' && plan_item_get_table (item) != NULL)
    text = plan_table_get_title (plan_item_get_table (item));
  if (text[0] == '\0' && g_list_model_get_n_items (paragraphs) > 0)
    {
      first = g_list_model_get_item (paragraphs, 0);
      text = plan_text_get_plain (plan_paragraph_get_text (first));
    }

  if (text[0] != '\0')
    {
      if (label->len > 0)
        g_string_append_c (label, ' ');
      append_short (label, text);
    }

  return g_string_free (label, FALSE);
}

static char *
appendix_label (PlanDocument *document,
                PlanAppendix *appendix)
{
  g_autofree char *printed = plan_document_dup_appendix_label (document, appendix);
  const char *title = plan_appendix_get_title (appendix);
  GString *label = g_string_new (printed);

  if (title[0] != '\0')
    {
      if (label->len > 0)
        g_string_append (label, ": ");
      append_short (label, title);
    }

  return g_string_free (label, FALSE);
}

static GPtrArray *
collect_parts (PlanDocument *document,
               GString      *form)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_canonical_part_free);
  GListModel *body = plan_document_get_body (document);
  GListModel *appendices = plan_document_get_appendices (document);
  g_auto(GStrv) markers = plan_numbering_markers (document, body, NULL, NULL);
  GString *bytes;
  GString *legacy_bytes;

  bytes = g_string_new (NULL);
  append_properties (bytes, G_OBJECT (document), is_header_property);
  legacy_bytes = g_string_new (NULL);
  append_properties (legacy_bytes, G_OBJECT (document), is_header_property_v1);
  add_part_with_legacy (parts, form, g_strdup ("header"), NULL, bytes, legacy_bytes);

  /* The decision that issues the plan, when the file is one. A plan alone has no such part,
   * so that its approvals made before decisions existed keep verifying. */
  if (plan_document_get_kind (document) == PLAN_DOCUMENT_KIND_DECISION)
    {
      bytes = g_string_new (NULL);
      append_node (bytes, G_OBJECT (plan_document_get_decision (document)));
      add_part (parts, form, g_strdup ("decision"), NULL, bytes);
    }

  bytes = g_string_new (NULL);
  append_list (bytes, "preamble", plan_document_get_preamble (document));
  add_part (parts, form, g_strdup ("preamble"), NULL, bytes);

  bytes = g_string_new (NULL);
  append_properties (bytes, G_OBJECT (document), is_numbering_property);
  g_string_append_printf (bytes, "count body %u\n", g_list_model_get_n_items (body));
  add_part (parts, form, g_strdup ("numbering"), NULL, bytes);

  for (guint i = 0; i < g_list_model_get_n_items (body); i++)
    {
      g_autoptr(PlanItem) item = g_list_model_get_item (body, i);
      g_autofree char *label = body_label (item, markers[i]);

      /* The printed marker is derived from the siblings; signing it here makes a renumbering
       * show in every part it affects. */
      bytes = g_string_new (NULL);
      append_bytes (bytes, "m", "marker", markers[i]);
      append_node (bytes, G_OBJECT (item));
      add_part (parts, form, g_strdup_printf ("body/%u", i), label, bytes);
    }

  bytes = g_string_new (NULL);
  append_properties (bytes, G_OBJECT (document), is_closing_property);
  append_list (bytes, "recipients", plan_document_get_recipients (document));
  add_part (parts, form, g_strdup ("closing"), NULL, bytes);

  bytes = g_string_new (NULL);
  append_properties (bytes, G_OBJECT (document), is_layout_property);
  add_part (parts, form, g_strdup ("layout"), NULL, bytes);

  for (guint i = 0; i < g_list_model_get_n_items (appendices); i++)
    {
      g_autoptr(PlanAppendix) appendix = g_list_model_get_item (appendices, i);
      g_autofree char *label = appendix_label (document, appendix);
      g_autofree char *printed_label = plan_document_dup_appendix_label (document, appendix);
      g_autofree char *reference = plan_document_dup_appendix_reference (document, appendix);

      /* The label prints text derived from the appendix's position. The automatic reference
       * line ("Kèm theo Kế hoạch số … ngày …") is made of the header (signed there, number
       * and date left out) and the appendix's own reference mode and text (signed below);
       * version 1 signed the line as printed, number and date included. */
      bytes = g_string_new (NULL);
      append_bytes (bytes, "m", "label", printed_label != NULL ? printed_label : "");
      append_node (bytes, G_OBJECT (appendix));
      legacy_bytes = g_string_new (NULL);
      append_bytes (legacy_bytes, "m", "label", printed_label != NULL ? printed_label : "");
      append_bytes (legacy_bytes, "m", "reference", reference != NULL ? reference : "");
      append_node (legacy_bytes, G_OBJECT (appendix));
      add_part_with_legacy (parts, form, g_strdup_printf ("appendix/%u", i), label, bytes,
                            legacy_bytes);
    }

  return parts;
}

GPtrArray *
plan_canonical_parts (PlanDocument *document)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), NULL);

  return collect_parts (document, NULL);
}

GBytes *
plan_canonical_form (PlanDocument *document)
{
  GString *form;

  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), NULL);

  form = g_string_new (CANONICAL_MAGIC);
  g_ptr_array_unref (collect_parts (document, form));

  return g_string_free_to_bytes (form);
}

char *
plan_canonical_digest (PlanDocument *document)
{
  g_autoptr(GBytes) form = NULL;

  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), NULL);

  form = plan_canonical_form (document);
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, form);
}

char *
plan_canonical_describe_part (const char *id,
                              const char *label)
{
  guint index = 0;

  g_return_val_if_fail (id != NULL, NULL);

  if (g_str_equal (id, "header"))
    /* Translators: a part of the plan, in a list of parts changed after approval */
    return g_strdup (_("General information"));
  if (g_str_equal (id, "preamble"))
    /* Translators: a part of the plan, in a list of parts changed after approval */
    return g_strdup (_("Preamble"));
  if (g_str_equal (id, "decision"))
    /* Translators: a part of the file (the Quyết định printed before the plan it issues), in a
     * list of parts changed after approval */
    return g_strdup (_("Decision issuing the plan"));
  if (g_str_equal (id, "numbering"))
    /* Translators: a part of the plan (numbering styles and the "./." end mark), in a list of
     * parts changed after approval */
    return g_strdup (_("Numbering and end mark"));
  if (g_str_equal (id, "closing"))
    /* Translators: a part of the plan, in a list of parts changed after approval */
    return g_strdup (_("Recipients and signer"));
  if (g_str_equal (id, "layout"))
    /* Translators: a part of the plan, in a list of parts changed after approval */
    return g_strdup (_("Page layout"));

  if (label != NULL && label[0] != '\0')
    return g_strdup (label);

  if (sscanf (id, "body/%u", &index) == 1)
    /* Translators: a part of the plan without a heading, in a list of parts changed after
     * approval; %u counts from 1 */
    return g_strdup_printf (_("Body item %u"), index + 1);
  if (sscanf (id, "appendix/%u", &index) == 1)
    /* Translators: a part of the plan, in a list of parts changed after approval; %u counts
     * from 1 */
    return g_strdup_printf (_("Appendix %u"), index + 1);

  return g_strdup (id);
}
