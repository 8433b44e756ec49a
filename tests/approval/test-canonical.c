/* test-canonical.c: the canonical form is stable (save/load, JSON member order) and covers
 * every printed field: changing any one field of any sample plan voids its approval and names
 * the changed part, while changing review data does not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "approval-test-util.h"

/* ---- Stability ---------------------------------------------------------------------------- */

static void
test_save_load (void)
{
  g_auto(GStrv) samples = at_sample_paths ();

  for (guint i = 0; samples[i] != NULL; i++)
    {
      g_autoptr(PlanDocument) document = at_load (samples[i]);
      g_autoptr(PlanDocument) once = at_reload (document);
      g_autoptr(PlanDocument) twice = at_reload (once);
      g_autofree char *digest = plan_canonical_digest (document);
      g_autofree char *digest_once = plan_canonical_digest (once);
      g_autofree char *digest_twice = plan_canonical_digest (twice);
      g_autoptr(GBytes) form = plan_canonical_form (document);
      g_autoptr(GBytes) form_twice = plan_canonical_form (twice);

      g_test_message ("%s: %s", samples[i], digest);
      g_assert_cmpstr (digest, ==, digest_once);
      g_assert_cmpstr (digest, ==, digest_twice);
      g_assert_true (g_bytes_equal (form, form_twice));
      /* The form really holds the content */
      g_assert_cmpuint (g_bytes_get_size (form), >, 1000);
    }
}

/* Rebuilds every object of the tree with its members in reverse order. */
static JsonNode *
reverse_members (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(JsonObject) reversed = json_object_new ();
      g_autoptr(GList) members = json_object_get_members (object);
      JsonNode *result = json_node_new (JSON_NODE_OBJECT);

      members = g_list_reverse (members);
      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (reversed, l->data,
                                reverse_members (json_object_get_member (object, l->data)));
      json_node_set_object (result, reversed);
      return result;
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(JsonArray) copy = json_array_new ();
      JsonNode *result = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (copy, reverse_members (json_array_get_element (array, i)));
      json_node_set_array (result, copy);
      return result;
    }

  return json_node_copy (node);
}

static void
test_key_order (void)
{
  g_auto(GStrv) samples = at_sample_paths ();

  for (guint i = 0; samples[i] != NULL; i++)
    {
      g_autoptr(PlanDocument) document = at_load (samples[i]);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonNode) reversed = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *saved = NULL;
      g_autoptr(PlanDocument) reordered = NULL;
      g_autofree char *digest = plan_canonical_digest (document);
      g_autofree char *digest_reordered = NULL;

      json_parser_load_from_file (parser, samples[i], &error);
      g_assert_no_error (error);
      reversed = reverse_members (json_parser_get_root (parser));
      text = json_to_string (reversed, TRUE);
      /* The members really moved: the file differs from the original */
      g_file_get_contents (samples[i], &saved, NULL, NULL);
      g_assert_cmpstr (text, !=, saved);

      reordered = plan_json_load_data (text, strlen (text), &error);
      g_assert_no_error (error);
      digest_reordered = plan_canonical_digest (reordered);
      g_assert_cmpstr (digest, ==, digest_reordered);
    }
}

/* ---- Every field -------------------------------------------------------------------------- */

/* The lists of a model object, by class: the same structure the file format has. */
static GPtrArray *
lists_of (GObject *node)
{
  GPtrArray *lists = g_ptr_array_new ();

  if (PLAN_IS_DOCUMENT (node))
    {
      g_ptr_array_add (lists, plan_document_get_preamble (PLAN_DOCUMENT (node)));
      g_ptr_array_add (lists, plan_document_get_body (PLAN_DOCUMENT (node)));
      g_ptr_array_add (lists, plan_document_get_recipients (PLAN_DOCUMENT (node)));
      g_ptr_array_add (lists, plan_document_get_appendices (PLAN_DOCUMENT (node)));
    }
  else if (PLAN_IS_ITEM (node))
    {
      g_ptr_array_add (lists, plan_item_get_paragraphs (PLAN_ITEM (node)));
      g_ptr_array_add (lists, plan_item_get_children (PLAN_ITEM (node)));
    }
  else if (PLAN_IS_TABLE (node))
    {
      g_ptr_array_add (lists, plan_table_get_columns (PLAN_TABLE (node)));
      g_ptr_array_add (lists, plan_table_get_header_rows (PLAN_TABLE (node)));
      g_ptr_array_add (lists, plan_table_get_rows (PLAN_TABLE (node)));
    }
  else if (PLAN_IS_ROW (node))
    g_ptr_array_add (lists, plan_row_get_cells (PLAN_ROW (node)));
  else if (PLAN_IS_APPENDIX (node))
    g_ptr_array_add (lists, plan_appendix_get_content (PLAN_APPENDIX (node)));
  else if (PLAN_IS_DECISION (node))
    {
      g_ptr_array_add (lists, plan_decision_get_preamble (PLAN_DECISION (node)));
      g_ptr_array_add (lists, plan_decision_get_articles (PLAN_DECISION (node)));
      g_ptr_array_add (lists, plan_decision_get_recipients (PLAN_DECISION (node)));
    }

  return lists;
}

/* A different value for @pspec that the pspec accepts; FALSE for kinds that are not fields
 * (objects are walked as nodes). */
static gboolean
mutated_value (GParamSpec   *pspec,
               const GValue *value,
               GValue       *out)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (out, type);

  if (type == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (value);
      g_autofree char *changed = g_strconcat (text != NULL ? text : "", "X", NULL);

      g_value_set_string (out, changed);
    }
  else if (type == PLAN_TYPE_TEXT)
    {
      const PlanText *text = g_value_get_boxed (value);
      g_autofree char *plain = g_strconcat (plan_text_get_plain (text), "X", NULL);

      g_value_take_boxed (out, plan_text_new (plain));
    }
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (out, !g_value_get_boolean (value));
  else if (type == G_TYPE_UINT)
    {
      GParamSpecUInt *spec = G_PARAM_SPEC_UINT (pspec);
      guint v = g_value_get_uint (value);

      g_value_set_uint (out, v < spec->maximum ? v + 1 : v - 1);
    }
  else if (type == G_TYPE_INT64)
    {
      GParamSpecInt64 *spec = G_PARAM_SPEC_INT64 (pspec);
      gint64 v = g_value_get_int64 (value);

      g_value_set_int64 (out, v < spec->maximum ? v + 1 : v - 1);
    }
  else if (type == G_TYPE_DOUBLE)
    {
      GParamSpecDouble *spec = G_PARAM_SPEC_DOUBLE (pspec);
      double v = g_value_get_double (value);
      double delta = MIN (1.0, (spec->maximum - spec->minimum) / 2);

      g_value_set_double (out, v + delta <= spec->maximum ? v + delta : v - delta);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      int v = g_value_get_enum (value);
      guint index = 0;

      for (guint i = 0; i < enum_class->n_values; i++)
        if (enum_class->values[i].value == v)
          index = i;
      g_value_set_enum (out, enum_class->values[(index + 1) % enum_class->n_values].value);
    }
  else
    {
      g_value_unset (out);
      return FALSE;
    }

  return TRUE;
}

typedef struct {
  PlanDocument   *document;
  PlanTrustStore *trust;
  const char     *sample;
  guint           n_fields;
  guint           n_lists;
} Walk;

/* The name plan_approval_verify() must give for a change at the top-level @part_id */
static char *
expected_part (PlanDocument *document,
               const char   *part_id)
{
  g_autoptr(GPtrArray) parts = plan_canonical_parts (document);

  for (guint i = 0; i < parts->len; i++)
    {
      PlanCanonicalPart *part = g_ptr_array_index (parts, i);

      if (g_str_equal (part->id, part_id))
        return plan_canonical_describe_part (part->id, part->label);
    }

  g_assert_not_reached ();
}

static void
assert_void_naming (Walk       *walk,
                    const char *where,
                    const char *part_id)
{
  g_autoptr(PlanApprovalResult) result = plan_approval_verify (walk->document, walk->trust);
  const char * const *changed = plan_approval_result_get_changed_parts (result);
  g_autofree char *expected = expected_part (walk->document, part_id);

  if (plan_approval_result_get_state (result) != PLAN_APPROVAL_CHANGED ||
      !g_strv_contains (changed, expected))
    {
      g_autofree char *list = g_strjoinv (" | ", (char **) changed);

      g_error ("%s: changing %s left the approval %s (changed parts: %s; expected %s)",
               walk->sample, where, plan_approval_result_describe (result), list, expected);
    }
  g_assert_false (plan_approval_result_is_approved (result));
  g_assert_true (plan_approval_needs_watermark (walk->document, walk->trust));
}

static void
assert_valid_again (Walk       *walk,
                    const char *where)
{
  if (at_state (walk->document, walk->trust) != PLAN_APPROVAL_VALID)
    g_error ("%s: undoing the change of %s did not restore the approval", walk->sample, where);
}

/* Which fixed part a document property belongs to, decided here independently of the code
 * under test: the header, numbering, closing or layout. */
static const char *
document_part (const char *property)
{
  static const char * const numbering[] = {
    "end-marker", "numbered-style", "point-style", "part-style", NULL
  };
  static const char * const closing[] = {
    "archive", "signer-authority", "signer-title", "signer-name", "signer-notes",
    "signer-notes-bold", NULL
  };

  if (g_strv_contains (numbering, property))
    return "numbering";
  if (g_strv_contains (closing, property))
    return "closing";
  if (g_str_has_prefix (property, "margin-") || g_str_equal (property, "font-size") ||
      g_str_has_suffix (property, "-spacing") || g_str_equal (property, "first-line-indent") ||
      g_str_equal (property, "appendix-page-numbering"))
    return "layout";
  return "header";
}

static void walk_node (Walk *walk, GObject *node, const char *path, const char *part_id);

static void
walk_properties (Walk       *walk,
                 GObject    *node,
                 const char *path,
                 const char *part_id)
{
  guint n_pspecs = 0;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (node),
                                                                   &n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;
      g_auto(GValue) changed = G_VALUE_INIT;
      g_autofree char *where = NULL;

      if ((pspec->flags & G_PARAM_WRITABLE) == 0 || (pspec->flags & G_PARAM_READABLE) == 0)
        continue;

      g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (node, pspec->name, &value);

      if (G_TYPE_IS_OBJECT (G_PARAM_SPEC_VALUE_TYPE (pspec)))
        {
          GObject *child = g_value_get_object (&value);
          g_autofree char *child_path = g_strdup_printf ("%s.%s", path, pspec->name);

          /* The review is not content: it has its own test below. The decision is content
           * only when the file is one (see test_decision). */
          if (child != NULL && PLAN_IS_DECISION (child))
            {
              if (plan_document_get_kind (PLAN_DOCUMENT (node)) == PLAN_DOCUMENT_KIND_DECISION)
                walk_node (walk, child, child_path, "decision");
            }
          else if (child != NULL && !PLAN_IS_REVIEW (child))
            walk_node (walk, child, child_path, part_id);
          continue;
        }

      /* Filled in by the clerk after the approval: see /approval/issuing-keeps-approval */
      if (PLAN_IS_DOCUMENT (node) &&
          (g_str_equal (pspec->name, "number") || g_str_has_prefix (pspec->name, "date-")))
        continue;

      /* Decided by the output rule, not by the plan: see test_watermark_flag */
      if (PLAN_IS_DOCUMENT (node) && g_str_equal (pspec->name, "draft-watermark"))
        continue;

      if (!mutated_value (pspec, &value, &changed))
        g_error ("%s: no way to change %s.%s of type %s: extend the test", walk->sample, path,
                 pspec->name, g_type_name (G_PARAM_SPEC_VALUE_TYPE (pspec)));

      where = g_strdup_printf ("%s.%s", path, pspec->name);
      plan_document_break_merge (walk->document);
      plan_document_set_value (walk->document, node, pspec->name, &changed);
      assert_void_naming (walk, where,
                          PLAN_IS_DOCUMENT (node) ? document_part (pspec->name) : part_id);
      plan_document_undo (walk->document);
      assert_valid_again (walk, where);
      walk->n_fields++;
    }
}

static void
walk_node (Walk       *walk,
           GObject    *node,
           const char *path,
           const char *part_id)
{
  g_autoptr(GPtrArray) lists = lists_of (node);

  walk_properties (walk, node, path, part_id);

  for (guint l = 0; l < lists->len; l++)
    {
      GListModel *list = g_ptr_array_index (lists, l);
      guint n_items = g_list_model_get_n_items (list);

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (list, i);
          g_autofree char *item_path = g_strdup_printf ("%s/%u:%s", path, i,
                                                        G_OBJECT_TYPE_NAME (item) + 4);
          g_autofree char *item_part = NULL;
          const char *child_part = part_id;

          /* At the top, the part is decided by where the item is */
          if (PLAN_IS_DOCUMENT (node))
            {
              if (list == plan_document_get_body (PLAN_DOCUMENT (node)))
                child_part = item_part = g_strdup_printf ("body/%u", i);
              else if (list == plan_document_get_appendices (PLAN_DOCUMENT (node)))
                child_part = item_part = g_strdup_printf ("appendix/%u", i);
              else if (list == plan_document_get_preamble (PLAN_DOCUMENT (node)))
                child_part = "preamble";
              else
                child_part = "closing";
            }

          walk_node (walk, item, item_path, child_part);

          /* Removing the item voids too (cells cannot go alone: a row has one per column) */
          if (!PLAN_IS_CELL (item) && !PLAN_IS_COLUMN (item))
            {
              g_autofree char *where = g_strdup_printf ("%s (removed)", item_path);
              plan_document_remove (walk->document, list, i);
              {
                g_autoptr(PlanApprovalResult) result = plan_approval_verify (walk->document,
                                                                             walk->trust);

                if (plan_approval_result_get_state (result) != PLAN_APPROVAL_CHANGED ||
                    plan_approval_result_get_changed_parts (result)[0] == NULL)
                  g_error ("%s: removing %s left the approval %s", walk->sample, where,
                           plan_approval_result_describe (result));
              }
              plan_document_undo (walk->document);
              assert_valid_again (walk, where);
              walk->n_lists++;
            }
        }
    }
}

static void
test_every_field (void)
{
  g_auto(GStrv) samples = at_sample_paths ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanSigningKey) key = plan_signing_key_get_default (TRUE, NULL, &error);
  g_autoptr(PlanTrustStore) trust = plan_trust_store_new_default ();
  guint total = 0;

  g_assert_no_error (error);

  for (guint i = 0; samples[i] != NULL; i++)
    {
      g_autoptr(PlanDocument) loaded = at_load (samples[i]);
      g_autoptr(PlanDocument) document = NULL;
      Walk walk = { 0 };

      at_approve (loaded, key);
      /* Walk the plan as the next user opens it */
      document = at_reload (loaded);
      g_assert_cmpint (at_state (document, trust), ==, PLAN_APPROVAL_VALID);

      walk.document = document;
      walk.trust = trust;
      walk.sample = samples[i];
      walk_node (&walk, G_OBJECT (document), "plan", NULL);

      g_test_message ("%s: %u fields and %u list items changed one at a time, each voided "
                      "the approval and was named", samples[i], walk.n_fields, walk.n_lists);
      /* The walk reached the content: the header alone has more than 20 fields */
      g_assert_cmpuint (walk.n_fields, >, 40);
      total += walk.n_fields;
    }

  g_assert_cmpuint (total, >, 500);
}

/* Review data is not content: comments, replies, resolving and history leave it approved. */
static void
test_review_data (void)
{
  g_auto(GStrv) samples = at_sample_paths ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanSigningKey) key = plan_signing_key_get_default (TRUE, NULL, &error);
  g_autoptr(PlanTrustStore) trust = plan_trust_store_new_default ();

  for (guint i = 0; samples[i] != NULL; i++)
    {
      g_autoptr(PlanDocument) document = at_load (samples[i]);
      PlanReview *review = plan_document_get_review (document);
      GListModel *comments = plan_review_get_comments (review);
      GListModel *history = plan_review_get_history (review);
      g_autoptr(PlanComment) comment = plan_comment_new ("body/0", "Nguyễn Văn A",
                                                         PLAN_ROLE_APPROVER, "Sửa lại mục này");
      g_autoptr(PlanEvent) event = plan_event_new ("X", "Y", PLAN_ROLE_DRAFTER, 1, PLAN_STATUS_DRAFT,
                                                   "ghi chú");
      g_autoptr(PlanDocument) reloaded = NULL;

      at_approve (document, key);
      g_assert_cmpint (at_state (document, trust), ==, PLAN_APPROVAL_VALID);

      plan_document_insert (document, comments, 0, comment);
      plan_document_set (document, comment, "text", "Đã sửa", "resolved", TRUE, NULL);
      plan_document_set (document, comment, "target", "appendix/0/row/3", NULL);
      plan_document_insert (document, history, g_list_model_get_n_items (history), event);
      plan_document_set (document, event, "note", "khác", NULL);
      g_assert_cmpint (at_state (document, trust), ==, PLAN_APPROVAL_VALID);

      /* draft-watermark is decided by the rule, not signed */
      plan_document_set (document, document, "draft-watermark",
                         !plan_document_get_draft_watermark (document), NULL);
      g_assert_cmpint (at_state (document, trust), ==, PLAN_APPROVAL_VALID);

      reloaded = at_reload (document);
      g_assert_cmpint (at_state (reloaded, trust), ==, PLAN_APPROVAL_VALID);
      g_assert_cmpuint (g_list_model_get_n_items (
                          plan_review_get_comments (plan_document_get_review (reloaded))), ==,
                        g_list_model_get_n_items (comments));
    }
}

/* Parts are named for people, and a removed one says so */
static void
test_part_names (void)
{
  g_autofree char *path = at_sample_path ("reference-25-kh-thcs.kehoach.json");
  g_autoptr(PlanDocument) document = at_load (path);
  g_autoptr(GPtrArray) parts = plan_canonical_parts (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanSigningKey) key = plan_signing_key_get_default (TRUE, NULL, &error);
  g_autoptr(PlanTrustStore) trust = plan_trust_store_new_default ();
  g_autoptr(PlanApprovalResult) result = NULL;
  GListModel *body = plan_document_get_body (document);
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autofree char *last_label = NULL;
  const char * const *changed;

  for (guint i = 0; i < parts->len; i++)
    {
      PlanCanonicalPart *part = g_ptr_array_index (parts, i);

      g_string_append_printf (ids, "%s ", part->id);
      g_assert_cmpuint (strlen (part->digest), ==, 64);
    }
  g_assert_true (g_str_has_prefix (ids->str, "header preamble numbering body/0 "));
  g_assert_nonnull (strstr (ids->str, " closing layout"));

  /* A section is named by its printed marker and heading */
  {
    PlanCanonicalPart *first = g_ptr_array_index (parts, 3);

    g_test_message ("body/0 is “%s”", first->label);
    g_assert_true (g_str_has_prefix (first->label, "I. "));
  }

  at_approve (document, key);
  last_label = g_strdup (((PlanCanonicalPart *) g_ptr_array_index (parts, 3 + g_list_model_get_n_items (body) - 1))->label);
  plan_document_remove (document, body, g_list_model_get_n_items (body) - 1);
  result = plan_approval_verify (document, trust);
  changed = plan_approval_result_get_changed_parts (result);
  g_assert_cmpint (plan_approval_result_get_state (result), ==, PLAN_APPROVAL_CHANGED);
  g_assert_cmpstr (plan_approval_result_describe (result), ==,
                   "Approval void: the plan was changed after approval");
  {
    g_autofree char *removed = g_strdup_printf ("%s (removed)", last_label);

    g_assert_true (g_strv_contains (changed, removed));
  }
  /* The count of sections is part of the numbering */
  g_assert_true (g_strv_contains (changed, "Numbering and end mark"));
}

/* Fields added in file format 2 are signed only when used: the form of a plan that uses none
 * of them is the form earlier builds signed, and using one (a marker written by hand, a list
 * style) voids the approval and names the part; putting it back makes it valid again. */
static void
test_added_fields (void)
{
  g_autofree char *path = at_sample_path ("sct-laocai-kh-3024.kehoach.json");
  g_autoptr(PlanDocument) document = at_load (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanSigningKey) key = plan_signing_key_get_default (TRUE, NULL, &error);
  g_autoptr(PlanTrustStore) trust = plan_trust_store_new_default ();
  g_autoptr(PlanItem) section = g_list_model_get_item (plan_document_get_body (document), 0);
  g_autoptr(GBytes) form = plan_canonical_form (document);
  const char *data = g_bytes_get_data (form, NULL);

  g_assert_no_error (error);
  g_assert_null (g_strstr_len (data, g_bytes_get_size (form), "marker-format"));
  g_assert_null (g_strstr_len (data, g_bytes_get_size (form), "s marker "));

  at_approve (document, key);
  g_assert_cmpint (at_state (document, trust), ==, PLAN_APPROVAL_VALID);

  plan_document_set (document, section, "marker", "II.", NULL);
  g_assert_cmpint (at_state (document, trust), ==, PLAN_APPROVAL_CHANGED);
  plan_document_set (document, section, "marker", "", NULL);
  g_assert_cmpint (at_state (document, trust), ==, PLAN_APPROVAL_VALID);

  /* a paragraph's form and the signer's bold notes */
  {
    g_autoptr(PlanParagraph) preamble = g_list_model_get_item (
      plan_document_get_preamble (document), 0);

    plan_document_set (document, preamble, "alignment", PLAN_ALIGN_CENTER, NULL);
    g_assert_cmpint (at_state (document, trust), ==, PLAN_APPROVAL_CHANGED);
    plan_document_set (document, preamble, "alignment", PLAN_ALIGN_JUSTIFY, "indent", FALSE,
                       NULL);
    g_assert_cmpint (at_state (document, trust), ==, PLAN_APPROVAL_CHANGED);
    plan_document_set (document, preamble, "indent", TRUE, NULL);
    g_assert_cmpint (at_state (document, trust), ==, PLAN_APPROVAL_VALID);
    plan_document_set (document, document, "signer-notes-bold", TRUE, NULL);
    g_assert_cmpint (at_state (document, trust), ==, PLAN_APPROVAL_CHANGED);
    plan_document_set (document, document, "signer-notes-bold", FALSE, NULL);
    g_assert_cmpint (at_state (document, trust), ==, PLAN_APPROVAL_VALID);
    plan_document_set (document, document, "appendix-page-numbering",
                       PLAN_PAGE_NUMBERING_CONTINUE, NULL);
    g_assert_cmpint (at_state (document, trust), ==, PLAN_APPROVAL_CHANGED);
    plan_document_set (document, document, "appendix-page-numbering",
                       PLAN_PAGE_NUMBERING_RESTART, NULL);
    g_assert_cmpint (at_state (document, trust), ==, PLAN_APPROVAL_VALID);
  }

  plan_document_set (document, section, "marker-format", PLAN_MARKER_ROMAN, "marker-suffix", "/.",
                     NULL);
  {
    g_autoptr(PlanApprovalResult) result = plan_approval_verify (document, trust);
    const char * const *changed = plan_approval_result_get_changed_parts (result);

    g_assert_cmpint (plan_approval_result_get_state (result), ==, PLAN_APPROVAL_CHANGED);
    /* the list's style: every section after the first follows it, and is named so */
    g_assert_cmpuint (g_strv_length ((char **) changed), >=, 2);
    g_assert_true (g_str_has_prefix (changed[0], "I/. "));
    g_assert_true (g_str_has_prefix (changed[1], "II/. "));
  }
}

/* The decision that issues a plan: unsigned (and not printed) while the file is a plan, so
 * that approvals of plans made before it existed keep verifying; its own part once the file
 * is a decision, where any change voids the approval and names it. */
static void
test_decision (void)
{
  g_autofree char *path = at_sample_path ("sct-laocai-kh-3024.kehoach.json");
  g_autoptr(PlanDocument) document = at_load (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanSigningKey) key = plan_signing_key_get_default (TRUE, NULL, &error);
  g_autoptr(PlanTrustStore) trust = plan_trust_store_new_default ();
  g_autoptr(GBytes) before = plan_canonical_form (document);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(PlanArticle) article = plan_article_new_plain ("Ban hành kèm theo Quyết định này.");
  PlanDecision *decision = plan_document_get_decision (document);
  GListModel *articles = plan_decision_get_articles (decision);

  g_assert_no_error (error);
  g_assert_null (g_strstr_len (g_bytes_get_data (before, NULL), g_bytes_get_size (before),
                               "PlanDecision"));

  at_approve (document, key);
  plan_document_set (document, decision, "title", "Ban hành Kế hoạch", NULL);
  plan_document_insert (document, articles, 0, article);
  g_assert_cmpint (at_state (document, trust), ==, PLAN_APPROVAL_VALID);

  plan_document_set (document, document, "kind", PLAN_DOCUMENT_KIND_DECISION, NULL);
  {
    g_autoptr(PlanApprovalResult) result = plan_approval_verify (document, trust);
    const char * const *changed = plan_approval_result_get_changed_parts (result);

    g_assert_cmpint (plan_approval_result_get_state (result), ==, PLAN_APPROVAL_CHANGED);
    g_assert_true (g_strv_contains (changed, "Decision issuing the plan"));
  }

  /* Approved as a decision (a new file made so): its articles are signed */
  g_clear_object (&document);
  document = at_load (path);
  decision = plan_document_get_decision (document);
  articles = plan_decision_get_articles (decision);
  g_object_set (document, "kind", PLAN_DOCUMENT_KIND_DECISION, NULL);
  g_list_store_append (G_LIST_STORE (articles), article);
  at_approve (document, key);
  g_assert_cmpint (at_state (document, trust), ==, PLAN_APPROVAL_VALID);
  plan_document_set (document, article, "label", "Điều 1a.", NULL);
  g_assert_cmpint (at_state (document, trust), ==, PLAN_APPROVAL_CHANGED);
  plan_document_undo (document);
  g_assert_cmpint (at_state (document, trust), ==, PLAN_APPROVAL_VALID);
  plan_document_remove (document, articles, 0);
  g_assert_cmpint (at_state (document, trust), ==, PLAN_APPROVAL_CHANGED);
  plan_document_undo (document);
  g_assert_cmpint (at_state (document, trust), ==, PLAN_APPROVAL_VALID);

  /* and the approval survives saving and loading */
  {
    g_autoptr(PlanDocument) reloaded = at_reload (document);

    g_assert_cmpint (at_state (reloaded, trust), ==, PLAN_APPROVAL_VALID);
  }

  after = plan_canonical_form (document);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (after, NULL), g_bytes_get_size (after),
                                  "n PlanDecision\n"));
}

int
main (int   argc,
      char *argv[])
{
  at_init (&argc, &argv);

  g_test_add_func ("/approval/canonical/save-load", test_save_load);
  g_test_add_func ("/approval/canonical/key-order", test_key_order);
  g_test_add_func ("/approval/canonical/part-names", test_part_names);
  g_test_add_func ("/approval/canonical/review-data-not-signed", test_review_data);
  g_test_add_func ("/approval/canonical/every-field-voids", test_every_field);
  g_test_add_func ("/approval/canonical/added-fields", test_added_fields);
  g_test_add_func ("/approval/canonical/decision", test_decision);

  return g_test_run ();
}
