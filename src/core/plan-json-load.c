/* plan-json-load.c: reading a plan from the file format (docs/file-format.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "plan-doc-type.h"
#include "plan-json.h"
#include "plan-json-private.h"
#include "plan-nfc.h"


/* ============================================================================================
 * Loading
 * ========================================================================================== */

typedef struct {
  GString    *path;       /* e.g. "appendices[0].content[1]" */
  GHashTable *comment_ids;
  gint64      version;    /* the file's format version */
} Loader;

/* Fails with "path: message". */
static gboolean
fail (Loader     *l,
      GError    **error,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Loader     *l,
      GError    **error,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (l->path->len == 0)
    g_set_error_literal (error, PLAN_FILE_ERROR, PLAN_FILE_ERROR_INVALID, message);
  else
    g_set_error (error, PLAN_FILE_ERROR, PLAN_FILE_ERROR_INVALID, "%s: %s", l->path->str, message);

  return FALSE;
}

static gsize
path_push_member (Loader     *l,
                  const char *member)
{
  gsize len = l->path->len;

  if (len > 0)
    g_string_append_c (l->path, '.');
  g_string_append (l->path, member);

  return len;
}

static gsize
path_push_index (Loader *l,
                 guint   index)
{
  gsize len = l->path->len;

  g_string_append_printf (l->path, "[%u]", index);

  return len;
}

static void
path_pop (Loader *l,
          gsize   len)
{
  g_string_truncate (l->path, len);
}


static char *
join_names (const char * const *names,
            gboolean            skip_first)
{
  GString *out = g_string_new (NULL);

  for (guint i = skip_first ? 1 : 0; names[i] != NULL; i++)
    {
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, names[i]);
    }

  return g_string_free (out, FALSE);
}

/* Every member of @object must be one of @allowed (NULL-terminated). */
static gboolean
check_members (Loader              *l,
               JsonObject          *object,
               const char * const  *allowed,
               GError             **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *iter = members; iter != NULL; iter = iter->next)
    {
      const char *name = iter->data;

      if (!g_strv_contains (allowed, name))
        {
          g_autofree char *names = join_names (allowed, FALSE);

          /* Translators: the first %s is a member name found in the file, the second lists the
           * allowed names */
          return fail (l, error, _("unknown member “%s” (expected one of: %s)"), name, names);
        }
    }

  return TRUE;
}

/* Members that format @since added must not appear in an older file: such a file was not
 * written by Kế hoạch, and an older app would refuse it. */
static gboolean
check_since (Loader              *l,
             JsonObject          *object,
             const char * const  *members,
             gint64               since,
             GError             **error)
{
  if (l->version >= since)
    return TRUE;

  for (guint i = 0; members[i] != NULL; i++)
    if (json_object_has_member (object, members[i]))
      /* Translators: %s is a member name, the numbers are file format versions */
      return fail (l, error, _("the member “%s” is new in file format %d, but the file says "
                               "it is format %d"),
                   members[i], (int) since, (int) l->version);

  return TRUE;
}

static gboolean
expect_object (Loader      *l,
               JsonNode    *node,
               JsonObject **object,
               GError     **error)
{
  *object = NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (l, error, _("expected an object"));

  *object = json_node_get_object (node);
  return TRUE;
}

static gboolean
expect_array (Loader     *l,
              JsonNode   *node,
              JsonArray **array,
              GError    **error)
{
  *array = NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (l, error, _("expected a list"));

  *array = json_node_get_array (node);
  return TRUE;
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_integer (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
node_is_number (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_INT64 ||
          json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

static gboolean
node_is_boolean (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

/* NFC copy of a string node (the syntax check guarantees UTF-8 without NUL). */
static char *
dup_nfc (JsonNode *node)
{
  return plan_utf8_nfc (json_node_get_string (node));
}

static GParamSpec *
find_pspec (gpointer    object,
            const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);

  if (pspec == NULL)
    g_critical ("%s has no property “%s”", G_OBJECT_TYPE_NAME (object), property);

  return pspec;
}

/* The range of an integer property; FALSE for other properties. */
static gboolean
get_integer_range (GParamSpec *pspec,
                   gint64     *min,
                   gint64     *max)
{
  if (G_IS_PARAM_SPEC_UINT (pspec))
    {
      *min = G_PARAM_SPEC_UINT (pspec)->minimum;
      *max = G_PARAM_SPEC_UINT (pspec)->maximum;
    }
  else if (G_IS_PARAM_SPEC_INT (pspec))
    {
      *min = G_PARAM_SPEC_INT (pspec)->minimum;
      *max = G_PARAM_SPEC_INT (pspec)->maximum;
    }
  else if (G_IS_PARAM_SPEC_INT64 (pspec))
    {
      *min = G_PARAM_SPEC_INT64 (pspec)->minimum;
      *max = G_PARAM_SPEC_INT64 (pspec)->maximum;
    }
  else
    return FALSE;

  return TRUE;
}

static gboolean
fail_outside (Loader      *l,
              GError     **error,
              const char  *found,
              const char  *min,
              const char  *max,
              const char  *unit)
{
  g_autofree char *range = NULL;

  if (unit != NULL)
    /* Translators: a range with its unit, e.g. "30–35 mm" */
    range = g_strdup_printf (_("%s–%s %s"), min, max, unit);
  else
    /* Translators: a range without unit, e.g. "1–1.5" */
    range = g_strdup_printf (_("%s–%s"), min, max);

  /* Translators: e.g. "40 is outside 30–35 mm" */
  return fail (l, error, _("%s is outside %s"), found, range);
}

/* Sets @property of @object to @value (an int64 or a double) when the property's range allows
 * it; otherwise fails with "40 is outside 30–35 mm". */
static gboolean
set_checked (Loader       *l,
             gpointer      object,
             const char   *property,
             const GValue *value,
             const char   *unit,
             GError      **error)
{
  GParamSpec *pspec = find_pspec (object, property);
  g_auto(GValue) check = G_VALUE_INIT;
  gint64 min, max;

  if (pspec == NULL)
    return fail (l, error, "internal error: no property %s", property);

  /* Checked before the transformation, which would wrap a negative or huge int64 around. */
  if (G_VALUE_HOLDS_INT64 (value) && get_integer_range (pspec, &min, &max))
    {
      gint64 v = g_value_get_int64 (value);

      if (v < min || v > max)
        {
          g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, v);
          g_autofree char *min_text = g_strdup_printf ("%" G_GINT64_FORMAT, min);
          g_autofree char *max_text = g_strdup_printf ("%" G_GINT64_FORMAT, max);

          return fail_outside (l, error, found, min_text, max_text, unit);
        }
    }

  g_value_init (&check, G_PARAM_SPEC_VALUE_TYPE (pspec));
  if (!g_value_transform (value, &check))
    return fail (l, error, "internal error: property %s has an unexpected type", property);

  if (g_param_value_validate (pspec, &check))
    {
      if (G_IS_PARAM_SPEC_DOUBLE (pspec) && G_VALUE_HOLDS_DOUBLE (value))
        {
          g_autofree char *found = plan_json_format_double (g_value_get_double (value));
          g_autofree char *min_text = plan_json_format_double (G_PARAM_SPEC_DOUBLE (pspec)->minimum);
          g_autofree char *max_text = plan_json_format_double (G_PARAM_SPEC_DOUBLE (pspec)->maximum);

          return fail_outside (l, error, found, min_text, max_text, unit);
        }

      return fail (l, error, _("invalid value"));
    }

  g_object_set_property (G_OBJECT (object), property, &check);
  return TRUE;
}

/* The reading helpers below look up @member in @object; when it is absent they leave the
 * property at its default and succeed. */

static gboolean
read_string (Loader      *l,
             JsonObject  *object,
             const char  *member,
             gpointer     target,
             const char  *property,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *text = NULL;
  gsize saved;

  if (node == NULL)
    return TRUE;

  saved = path_push_member (l, member);
  if (!node_is_string (node))
    return fail (l, error, _("expected a string"));
  path_pop (l, saved);

  text = dup_nfc (node);
  g_object_set (target, property, text, NULL);
  return TRUE;
}

/* A string of one line and at most @max_chars characters (a marker, a suffix). */
static gboolean
read_short_line (Loader      *l,
                 JsonObject  *object,
                 const char  *member,
                 gpointer     target,
                 const char  *property,
                 glong        max_chars,
                 GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *text = NULL;
  gsize saved;

  if (node == NULL)
    return TRUE;

  saved = path_push_member (l, member);
  if (!node_is_string (node))
    return fail (l, error, _("expected a string"));
  text = dup_nfc (node);
  if (strchr (text, '\n') != NULL || strchr (text, '\r') != NULL)
    return fail (l, error, _("expected a single line"));
  if (g_utf8_strlen (text, -1) > max_chars)
    /* Translators: %d is a number of characters */
    return fail (l, error, _("expected at most %d characters"), (int) max_chars);
  path_pop (l, saved);

  g_object_set (target, property, text, NULL);
  return TRUE;
}

static gboolean
read_boolean (Loader      *l,
              JsonObject  *object,
              const char  *member,
              gpointer     target,
              const char  *property,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  gsize saved;

  if (node == NULL)
    return TRUE;

  saved = path_push_member (l, member);
  if (!node_is_boolean (node))
    return fail (l, error, _("expected true or false"));
  path_pop (l, saved);

  g_object_set (target, property, json_node_get_boolean (node), NULL);
  return TRUE;
}

static gboolean
read_integer (Loader      *l,
              JsonObject  *object,
              const char  *member,
              gpointer     target,
              const char  *property,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_auto(GValue) value = G_VALUE_INIT;
  gsize saved;

  if (node == NULL)
    return TRUE;

  saved = path_push_member (l, member);
  if (!node_is_integer (node))
    return fail (l, error, _("expected a whole number"));

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, json_node_get_int (node));
  if (!set_checked (l, target, property, &value, NULL, error))
    return FALSE;
  path_pop (l, saved);

  return TRUE;
}

static gboolean
read_double (Loader      *l,
             JsonObject  *object,
             const char  *member,
             gpointer     target,
             const char  *property,
             const char  *unit,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_auto(GValue) value = G_VALUE_INIT;
  gsize saved;

  if (node == NULL)
    return TRUE;

  saved = path_push_member (l, member);
  if (!node_is_number (node))
    return fail (l, error, _("expected a number"));

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, json_node_get_double (node));
  if (!set_checked (l, target, property, &value, unit, error))
    return FALSE;
  path_pop (l, saved);

  return TRUE;
}

/* Looks up a name of @names; -1 (and an error naming the allowed values) when absent. */
static int
parse_name (Loader             *l,
            JsonNode           *node,
            const char * const *names,
            gboolean            skip_first,
            GError            **error)
{
  const char *name;
  g_autofree char *allowed = NULL;

  if (!node_is_string (node))
    {
      allowed = join_names (names, skip_first);
      /* Translators: %s lists the allowed names, e.g. "portrait, landscape" */
      fail (l, error, _("expected one of: %s"), allowed);
      return -1;
    }

  name = json_node_get_string (node);
  for (int i = skip_first ? 1 : 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return i;

  allowed = join_names (names, skip_first);
  /* Translators: the first %s is the value found in the file, the second lists the allowed
   * values, e.g. "“sideways” is not one of: portrait, landscape" */
  fail (l, error, _("“%s” is not one of: %s"), name, allowed);
  return -1;
}

static gboolean
read_enum (Loader             *l,
           JsonObject         *object,
           const char         *member,
           const char * const *names,
           gpointer            target,
           const char         *property,
           GError            **error)
{
  JsonNode *node = json_object_get_member (object, member);
  gsize saved;
  int value;

  if (node == NULL)
    return TRUE;

  saved = path_push_member (l, member);
  value = parse_name (l, node, names, FALSE, error);
  if (value < 0)
    return FALSE;
  path_pop (l, saved);

  g_object_set (target, property, value, NULL);
  return TRUE;
}

/* "2026-05-27T08:30:00Z" or null (no time, 0). */
static gboolean
read_time (Loader      *l,
           JsonObject  *object,
           const char  *member,
           gpointer     target,
           const char  *property,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GDateTime) time = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  guint year, month, day, hour, minute, second;
  char end;
  gsize saved;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  saved = path_push_member (l, member);
  if (!node_is_string (node) ||
      strlen (json_node_get_string (node)) != 20 ||
      sscanf (json_node_get_string (node), "%4u-%2u-%2uT%2u:%2u:%2uZ%c",
              &year, &month, &day, &hour, &minute, &second, &end) != 6 ||
      json_node_get_string (node)[4] != '-' || json_node_get_string (node)[19] != 'Z' ||
      (time = g_date_time_new_utc (year, month, day, hour, minute, second)) == NULL)
    return fail (l, error, _("expected a time in UTC such as “2026-05-27T08:30:00Z”, or null"));

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, g_date_time_to_unix (time));
  if (!set_checked (l, target, property, &value, NULL, error))
    return FALSE;
  path_pop (l, saved);

  return TRUE;
}

/* A string, or a list of runs {"text": …, "bold": true, "italic": true, "underline": true}. */
static PlanText *
read_text_node (Loader    *l,
                JsonNode  *node,
                GError   **error)
{
  static const char * const run_members[] = { "text", "bold", "italic", "underline", NULL };
  g_autoptr(GArray) runs = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  JsonArray *array;
  PlanText *text;

  if (node_is_string (node))
    {
      g_autofree char *plain = dup_nfc (node);

      return plan_text_new (plain);
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (l, error, _("expected text (a string or a list of runs)"));
      return NULL;
    }

  array = json_node_get_array (node);
  runs = g_array_new (FALSE, TRUE, sizeof (PlanRun));
  texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gsize saved = path_push_index (l, i);
      JsonObject *run;
      JsonNode *member;
      PlanRun r = { NULL, 0 };
      static const struct {
        const char *name;
        PlanStyle   style;
      } flags[] = {
        { "bold", PLAN_STYLE_BOLD },
        { "italic", PLAN_STYLE_ITALIC },
        { "underline", PLAN_STYLE_UNDERLINE },
      };

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          fail (l, error, _("expected a run of text such as {\"text\": \"…\", \"bold\": true}"));
          return NULL;
        }
      run = json_node_get_object (element);
      if (!check_members (l, run, run_members, error))
        return NULL;

      member = json_object_get_member (run, "text");
      if (member == NULL)
        {
          /* Translators: %s is the name of a required member, e.g. "kind" */
          fail (l, error, _("the member “%s” is missing"), "text");
          return NULL;
        }
      if (!node_is_string (member))
        {
          path_push_member (l, "text");
          fail (l, error, _("expected a string"));
          return NULL;
        }
      r.text = dup_nfc (member);
      g_ptr_array_add (texts, (char *) r.text);

      for (guint f = 0; f < G_N_ELEMENTS (flags); f++)
        {
          member = json_object_get_member (run, flags[f].name);
          if (member == NULL)
            continue;
          if (!node_is_boolean (member))
            {
              path_push_member (l, flags[f].name);
              fail (l, error, _("expected true or false"));
              return NULL;
            }
          if (json_node_get_boolean (member))
            r.style |= flags[f].style;
        }

      g_array_append_val (runs, r);
      path_pop (l, saved);
    }

  if (runs->len == 0)
    return plan_text_new ("");

  text = plan_text_new_from_runs ((const PlanRun *) (gpointer) runs->data, runs->len);
  if (text == NULL)
    fail (l, error, _("invalid text"));

  return text;
}

/* The required member "text" of a paragraph or an article, its errors placed at that member */
static PlanText *
read_required_text_member (Loader      *l,
                           JsonObject  *object,
                           GError     **error)
{
  JsonNode *text_node = json_object_get_member (object, "text");
  PlanText *text;
  gsize saved;

  if (text_node == NULL)
    {
      fail (l, error, _("the member “%s” is missing"), "text");
      return NULL;
    }
  saved = path_push_member (l, "text");
  text = read_text_node (l, text_node, error);
  if (text != NULL)
    path_pop (l, saved);
  return text;
}

static gboolean
read_text (Loader      *l,
           JsonObject  *object,
           const char  *member,
           gpointer     target,
           const char  *property,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(PlanText) text = NULL;
  gsize saved;

  if (node == NULL)
    return TRUE;

  saved = path_push_member (l, member);
  text = read_text_node (l, node, error);
  if (text == NULL)
    return FALSE;
  path_pop (l, saved);

  g_object_set (target, property, text, NULL);
  return TRUE;
}

/* Calls @read_element for each element of the list @member (absent = empty list). */
typedef gboolean (*ReadElement) (Loader    *l,
                                 JsonNode  *node,
                                 gpointer   user_data,
                                 GError   **error);

static gboolean
read_list (Loader      *l,
           JsonObject  *object,
           const char  *member,
           ReadElement  read_element,
           gpointer     user_data,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;
  gsize saved;

  if (node == NULL)
    return TRUE;

  saved = path_push_member (l, member);
  if (!expect_array (l, node, &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize saved_index = path_push_index (l, i);

      if (!read_element (l, json_array_get_element (array, i), user_data, error))
        return FALSE;
      path_pop (l, saved_index);
    }

  path_pop (l, saved);
  return TRUE;
}

/* Optional nested object: calls @read_object on it when present. */
typedef gboolean (*ReadObject) (Loader      *l,
                                JsonObject  *object,
                                gpointer     user_data,
                                GError     **error);

static gboolean
read_object (Loader      *l,
             JsonObject  *parent,
             const char  *member,
             ReadObject   read,
             gpointer     user_data,
             GError     **error)
{
  JsonNode *node = json_object_get_member (parent, member);
  JsonObject *object;
  gsize saved;

  if (node == NULL)
    return TRUE;

  saved = path_push_member (l, member);
  if (!expect_object (l, node, &object, error))
    return FALSE;
  if (!read (l, object, user_data, error))
    return FALSE;
  path_pop (l, saved);

  return TRUE;
}

static gboolean
read_paragraph (Loader    *l,
                JsonNode  *node,
                gpointer   user_data,
                GError   **error)
{
  static const char * const paragraph_members[] = { "text", "align", "indent", NULL };
  GListStore *store = user_data;
  g_autoptr(PlanText) text = NULL;
  g_autoptr(PlanParagraph) paragraph = NULL;
  JsonObject *object;

  /* Text alone, or (format 2) an object with the paragraph's form */
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      text = read_text_node (l, node, error);
      if (text == NULL)
        return FALSE;
      paragraph = plan_paragraph_new (text);
      g_list_store_append (store, paragraph);
      return TRUE;
    }

  object = json_node_get_object (node);
  if (l->version < 2)
    return fail (l, error, _("a paragraph with its form (an object) is new in file format 2, "
                             "but the file says it is format %d"), (int) l->version);
  if (!check_members (l, object, paragraph_members, error))
    return FALSE;
  text = read_required_text_member (l, object, error);
  if (text == NULL)
    return FALSE;

  paragraph = plan_paragraph_new (text);
  if (!read_enum (l, object, "align", plan_json_alignment_names, paragraph, "alignment",
                  error) ||
      !read_boolean (l, object, "indent", paragraph, "indent", error))
    return FALSE;
  g_list_store_append (store, paragraph);
  return TRUE;
}

static gboolean read_item (Loader *l, JsonNode *node, gpointer user_data, GError **error);

/* Cells: a string, or {"merge": "up"} / {"merge": "left"}. */
static gboolean
read_row (Loader      *l,
          JsonNode    *node,
          PlanRow     *row,
          guint        n_columns,
          gboolean     first_row,
          GError     **error)
{
  static const char * const cell_members[] = { "merge", NULL };
  JsonArray *array;
  guint n_cells;

  if (!expect_array (l, node, &array, error))
    return FALSE;

  n_cells = json_array_get_length (array);
  if (n_cells != n_columns)
    /* Translators: a table row with the wrong number of cells: "expected 5 cells, found 4" */
    return fail (l, error, g_dngettext (GETTEXT_PACKAGE, "expected %u cell, found %u",
                                        "expected %u cells, found %u", n_columns),
                 n_columns, n_cells);

  for (guint i = 0; i < n_cells; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      PlanCell *cell = plan_row_get_cell (row, i);
      gsize saved = path_push_index (l, i);

      if (node_is_string (element))
        {
          g_autofree char *text = dup_nfc (element);

          g_object_set (cell, "text", text, NULL);
        }
      else if (JSON_NODE_HOLDS_OBJECT (element))
        {
          JsonObject *object = json_node_get_object (element);
          JsonNode *merge_node;
          int merge;

          if (!check_members (l, object, cell_members, error))
            return FALSE;

          merge_node = json_object_get_member (object, "merge");
          if (merge_node == NULL)
            return fail (l, error, _("the member “%s” is missing"), "merge");

          path_push_member (l, "merge");
          merge = parse_name (l, merge_node, plan_json_merge_names, TRUE, error);
          if (merge < 0)
            return FALSE;

          if (merge == PLAN_MERGE_UP && first_row)
            return fail (l, error, _("a cell of the first row has no cell above to merge with"));
          if (merge == PLAN_MERGE_LEFT && i == 0)
            return fail (l, error, _("the first cell of a row has no cell on its left to merge "
                                     "with"));

          g_object_set (cell, "merge", merge, NULL);
        }
      else
        {
          return fail (l, error, _("expected a string"));
        }

      path_pop (l, saved);
    }

  return TRUE;
}

typedef struct {
  GListModel *columns;
  guint       index;
} ColumnContext;

static gboolean
read_column (Loader    *l,
             JsonNode  *node,
             gpointer   user_data,
             GError   **error)
{
  static const char * const column_members[] = { "width", "align", NULL };
  ColumnContext *ctx = user_data;
  g_autoptr(PlanColumn) column = g_list_model_get_item (ctx->columns, ctx->index++);
  JsonObject *object;
  JsonNode *width;

  if (!expect_object (l, node, &object, error) ||
      !check_members (l, object, column_members, error))
    return FALSE;

  /* Relative widths must be positive: a zero-width column cannot be printed. */
  width = json_object_get_member (object, "width");
  if (width != NULL && node_is_number (width) && json_node_get_double (width) <= 0)
    {
      g_autofree char *found = plan_json_format_double (json_node_get_double (width));

      path_push_member (l, "width");
      /* Translators: %s is a column width found in the file */
      return fail (l, error, _("%s is not a width (it must be greater than 0)"), found);
    }

  return read_double (l, object, "width", column, "width", NULL, error) &&
         read_enum (l, object, "align", plan_json_alignment_names, column, "alignment", error);
}

typedef struct {
  PlanTable *table;
  gboolean   header;
  guint      index;
} RowContext;

static gboolean
read_table_row (Loader    *l,
                JsonNode  *node,
                gpointer   user_data,
                GError   **error)
{
  RowContext *ctx = user_data;
  GListModel *columns = plan_table_get_columns (ctx->table);
  guint n_columns = g_list_model_get_n_items (columns);
  PlanRow *row;
  gboolean first;

  /* A body row may not reach up into the header; the first header row has nothing above. */
  first = ctx->index == 0;
  ctx->index++;

  row = ctx->header ? plan_table_append_header_row (ctx->table)
                    : plan_table_append_row (ctx->table);

  return read_row (l, node, row, n_columns, first, error);
}

static gboolean
read_table (Loader      *l,
            JsonObject  *object,
            PlanTable  **table_out,
            GError     **error)
{
  static const char * const table_members[] = {
    "title", "note", "numbered", "font-size", "vertical-align", "repeat-header", "columns",
    "header-rows", "header-styles", "rows", "footnote", NULL
  };
  static const char * const table_members_v2[] = {
    "font-size", "vertical-align", "repeat-header", "header-styles", "footnote", NULL
  };
  g_autoptr(PlanTable) table = NULL;
  JsonNode *columns_node;
  JsonArray *columns;
  ColumnContext column_ctx = { NULL, 0 };
  RowContext ctx = { NULL, FALSE, 0 };
  gsize saved;

  if (!check_members (l, object, table_members, error) ||
      !check_since (l, object, table_members_v2, 2, error))
    return FALSE;

  columns_node = json_object_get_member (object, "columns");
  if (columns_node == NULL)
    return fail (l, error, _("the member “%s” is missing"), "columns");

  saved = path_push_member (l, "columns");
  if (!expect_array (l, columns_node, &columns, error))
    return FALSE;
  if (json_array_get_length (columns) == 0)
    return fail (l, error, _("a table needs at least one column"));
  path_pop (l, saved);

  table = plan_table_new (json_array_get_length (columns));
  column_ctx.columns = plan_table_get_columns (table);
  g_assert (g_list_model_get_n_items (column_ctx.columns) == json_array_get_length (columns));
  if (!read_list (l, object, "columns", read_column, &column_ctx, error))
    return FALSE;

  if (!read_string (l, object, "title", table, "title", error) ||
      !read_string (l, object, "note", table, "note", error) ||
      !read_boolean (l, object, "numbered", table, "numbered", error) ||
      !read_integer (l, object, "font-size", table, "font-size", error) ||
      !read_enum (l, object, "vertical-align", plan_json_vertical_alignment_names, table,
                  "vertical-alignment", error) ||
      !read_boolean (l, object, "repeat-header", table, "repeat-header", error) ||
      !read_string (l, object, "footnote", table, "footnote", error))
    return FALSE;
  if (plan_table_get_font_size (table) != 0 &&
      plan_table_get_font_size (table) < PLAN_TABLE_FONT_SIZE_MIN)
    {
      path_push_member (l, "font-size");
      /* Translators: the numbers are a font size in points and its allowed range */
      return fail (l, error, _("%u is outside %d–%d pt (0 for the usual size)"),
                   plan_table_get_font_size (table), PLAN_TABLE_FONT_SIZE_MIN,
                   PLAN_TABLE_FONT_SIZE_MAX);
    }

  ctx.table = table;
  ctx.header = TRUE;
  if (!read_list (l, object, "header-rows", read_table_row, &ctx, error))
    return FALSE;

  ctx.header = FALSE;
  ctx.index = 0;
  if (!read_list (l, object, "rows", read_table_row, &ctx, error))
    return FALSE;

  /* One name per header row */
  if (json_object_has_member (object, "header-styles"))
    {
      GListModel *header_rows = plan_table_get_header_rows (table);
      JsonArray *styles;

      saved = path_push_member (l, "header-styles");
      if (!expect_array (l, json_object_get_member (object, "header-styles"), &styles, error))
        return FALSE;
      if (json_array_get_length (styles) != g_list_model_get_n_items (header_rows))
        /* Translators: one style name per header row of a table */
        return fail (l, error, _("expected one style per header row (%u), found %u"),
                     g_list_model_get_n_items (header_rows), json_array_get_length (styles));
      for (guint i = 0; i < json_array_get_length (styles); i++)
        {
          g_autoptr(PlanRow) row = g_list_model_get_item (header_rows, i);
          gsize element = path_push_index (l, i);
          int style = parse_name (l, json_array_get_element (styles, i),
                                  plan_json_header_style_names, FALSE, error);

          if (style < 0)
            return FALSE;
          g_object_set (row, "header-style", style, NULL);
          path_pop (l, element);
        }
      path_pop (l, saved);
    }

  *table_out = g_steal_pointer (&table);
  return TRUE;
}

/* Appends the item to the GListStore @user_data. */
static gboolean
read_item (Loader    *l,
           JsonNode  *node,
           gpointer   user_data,
           GError   **error)
{
  static const char * const item_members[] = {
    "kind", "heading", "run-in", "marker-format", "marker-suffix", "marker", "paragraphs",
    "children", NULL
  };
  static const char * const item_members_v2[] = {
    "marker-format", "marker-suffix", "marker", NULL
  };
  static const char * const table_item_members[] = { "kind", "table", NULL };
  GListStore *store = user_data;
  g_autoptr(PlanItem) item = NULL;
  JsonObject *object;
  JsonNode *kind_node;
  gsize saved;
  int kind;

  if (!expect_object (l, node, &object, error))
    return FALSE;

  kind_node = json_object_get_member (object, "kind");
  if (kind_node == NULL)
    return fail (l, error, _("the member “%s” is missing"), "kind");

  saved = path_push_member (l, "kind");
  kind = parse_name (l, kind_node, plan_json_item_kind_names, FALSE, error);
  if (kind < 0)
    return FALSE;
  path_pop (l, saved);

  if (kind == PLAN_ITEM_TABLE)
    {
      JsonNode *table_node = json_object_get_member (object, "table");
      JsonObject *table_object;
      g_autoptr(PlanTable) table = NULL;

      if (!check_members (l, object, table_item_members, error))
        return FALSE;
      if (table_node == NULL)
        return fail (l, error, _("the member “%s” is missing"), "table");

      saved = path_push_member (l, "table");
      if (!expect_object (l, table_node, &table_object, error) ||
          !read_table (l, table_object, &table, error))
        return FALSE;
      path_pop (l, saved);

      item = plan_item_new_table (table);
    }
  else
    {
      if (json_object_has_member (object, "table"))
        return fail (l, error, _("only items of kind “table” have a table"));
      if (!check_members (l, object, item_members, error) ||
          !check_since (l, object, item_members_v2, 2, error))
        return FALSE;

      item = plan_item_new (kind, NULL);
      if (!read_text (l, object, "heading", item, "heading", error) ||
          !read_boolean (l, object, "run-in", item, "run-in", error) ||
          !read_enum (l, object, "marker-format", plan_json_marker_format_names, item,
                      "marker-format", error) ||
          !read_short_line (l, object, "marker-suffix", item, "marker-suffix",
                            PLAN_FILE_MAX_MARKER_SUFFIX, error) ||
          !read_short_line (l, object, "marker", item, "marker", PLAN_FILE_MAX_MARKER, error))
        return FALSE;
      if (json_object_has_member (object, "marker-suffix") &&
          plan_item_get_marker_format (item) == PLAN_MARKER_AUTO)
        return fail (l, error, _("“marker-suffix” is given without “marker-format”"));
      if (!read_list (l, object, "paragraphs", read_paragraph,
                      plan_item_get_paragraphs (item), error) ||
          !read_list (l, object, "children", read_item, plan_item_get_children (item), error))
        return FALSE;
    }

  g_list_store_append (store, item);
  return TRUE;
}

static gboolean
read_date (Loader      *l,
           JsonObject  *object,
           gpointer     user_data,
           GError     **error)
{
  static const char * const date_members[] = { "year", "month", "day", NULL };
  PlanDocument *document = user_data;
  guint year, month, day;

  if (!check_members (l, object, date_members, error) ||
      !read_integer (l, object, "year", document, "date-year", error) ||
      !read_integer (l, object, "month", document, "date-month", error) ||
      !read_integer (l, object, "day", document, "date-day", error))
    return FALSE;

  /* Parts may be missing in drafts (0), but those given must make a real date. */
  plan_document_get_date (document, &year, &month, &day);
  if (day > 0 && month > 0 &&
      day > g_date_get_days_in_month (month, year > 0 ? year : 2000))
    /* Translators: an impossible date found in a file, as day/month/year, e.g. "31/2/2026" */
    return fail (l, error, _("%u/%u/%u is not a date"), day, month, year);

  return TRUE;
}

static gboolean
read_header (Loader      *l,
             JsonObject  *object,
             gpointer     user_data,
             GError     **error)
{
  static const char * const header_members[] = {
    "parent-agency", "agency", "agency-abbrev", "doc-type", "number", "place", "date", "title",
    "urgency", "secrecy", "circulation", NULL
  };
  PlanDocument *document = user_data;
  JsonNode *doc_type;

  if (!check_members (l, object, header_members, error))
    return FALSE;

  doc_type = json_object_get_member (object, "doc-type");
  if (doc_type != NULL && node_is_string (doc_type) &&
      plan_doc_type_lookup (json_node_get_string (doc_type)) == NULL)
    {
      guint n_types;
      const PlanDocType *types = plan_doc_types (&n_types);
      g_autoptr(GString) codes = g_string_new (NULL);

      for (guint i = 0; i < n_types; i++)
        if (types[i].code[0] != '\0')
          g_string_append_printf (codes, "%s%s", codes->len > 0 ? ", " : "", types[i].code);

      path_push_member (l, "doc-type");
      /* Translators: the first %s is a code found in the file, the second lists the decree's
       * codes (KH, QĐ, …) */
      return fail (l, error, _("“%s” is not a document type code of the decree (“” for a "
                               "Công văn, or one of: %s)"),
                   json_node_get_string (doc_type), codes->str);
    }

  return read_string (l, object, "parent-agency", document, "parent-agency", error) &&
         read_string (l, object, "agency", document, "agency", error) &&
         read_string (l, object, "agency-abbrev", document, "agency-abbrev", error) &&
         read_string (l, object, "doc-type", document, "doc-type", error) &&
         read_integer (l, object, "number", document, "number", error) &&
         read_string (l, object, "place", document, "place", error) &&
         read_object (l, object, "date", read_date, document, error) &&
         read_string (l, object, "title", document, "title", error) &&
         read_enum (l, object, "urgency", plan_json_urgency_names, document, "urgency", error) &&
         read_enum (l, object, "secrecy", plan_json_secrecy_names, document, "secrecy", error) &&
         read_string (l, object, "circulation", document, "circulation", error);
}

static gboolean
read_numbering (Loader      *l,
                JsonObject  *object,
                gpointer     user_data,
                GError     **error)
{
  static const char * const numbering_members[] = { "part", "numbered", "point", NULL };
  PlanDocument *document = user_data;

  return check_members (l, object, numbering_members, error) &&
         read_enum (l, object, "part", plan_json_part_style_names, document, "part-style", error) &&
         read_enum (l, object, "numbered", plan_json_numbered_style_names, document, "numbered-style",
                    error) &&
         read_enum (l, object, "point", plan_json_point_style_names, document, "point-style", error);
}

static gboolean
read_body (Loader      *l,
           JsonObject  *object,
           gpointer     user_data,
           GError     **error)
{
  static const char * const body_members[] = { "numbering", "end-marker", "items", NULL };
  PlanDocument *document = user_data;

  return check_members (l, object, body_members, error) &&
         read_object (l, object, "numbering", read_numbering, document, error) &&
         read_boolean (l, object, "end-marker", document, "end-marker", error) &&
         read_list (l, object, "items", read_item, plan_document_get_body (document), error);
}

static gboolean
read_recipient (Loader    *l,
                JsonNode  *node,
                gpointer   user_data,
                GError   **error)
{
  static const char * const recipient_members[] = { "name", "purpose", NULL };
  GListStore *store = user_data;
  g_autoptr(PlanRecipient) recipient = plan_recipient_new ("", "");
  JsonObject *object;

  if (!expect_object (l, node, &object, error) ||
      !check_members (l, object, recipient_members, error))
    return FALSE;

  if (!json_object_has_member (object, "name"))
    return fail (l, error, _("the member “%s” is missing"), "name");

  if (!read_string (l, object, "name", recipient, "name", error) ||
      !read_string (l, object, "purpose", recipient, "purpose", error))
    return FALSE;

  g_list_store_append (store, recipient);
  return TRUE;
}

static gboolean
read_signer (Loader      *l,
             JsonObject  *object,
             gpointer     user_data,
             GError     **error)
{
  static const char * const signer_members[] = {
    "authority", "title", "name", "notes", "notes-bold", NULL
  };
  static const char * const signer_members_v2[] = { "notes-bold", NULL };
  PlanDocument *document = user_data;

  return check_members (l, object, signer_members, error) &&
         check_since (l, object, signer_members_v2, 2, error) &&
         read_boolean (l, object, "notes-bold", document, "signer-notes-bold", error) &&
         read_string (l, object, "authority", document, "signer-authority", error) &&
         read_string (l, object, "title", document, "signer-title", error) &&
         read_string (l, object, "name", document, "signer-name", error) &&
         read_string (l, object, "notes", document, "signer-notes", error);
}

static gboolean
read_closing (Loader      *l,
              JsonObject  *object,
              gpointer     user_data,
              GError     **error)
{
  static const char * const closing_members[] = { "recipients", "archive", "signer", NULL };
  PlanDocument *document = user_data;

  return check_members (l, object, closing_members, error) &&
         read_list (l, object, "recipients", read_recipient,
                    plan_document_get_recipients (document), error) &&
         read_string (l, object, "archive", document, "archive", error) &&
         read_object (l, object, "signer", read_signer, document, error);
}

static gboolean
read_article (Loader    *l,
              JsonNode  *node,
              gpointer   user_data,
              GError   **error)
{
  static const char * const article_members[] = { "label", "text", NULL };
  GListStore *store = user_data;
  g_autoptr(PlanText) text = NULL;
  g_autoptr(PlanArticle) article = NULL;
  JsonObject *object;

  if (!expect_object (l, node, &object, error) ||
      !check_members (l, object, article_members, error))
    return FALSE;

  text = read_required_text_member (l, object, error);
  if (text == NULL)
    return FALSE;

  article = plan_article_new (text);
  if (!read_short_line (l, object, "label", article, "label", 40, error))
    return FALSE;

  g_list_store_append (store, article);
  return TRUE;
}

/* The decision that issues the plan (format 2); its presence makes the file a decision. */
static gboolean
read_decision (Loader      *l,
               JsonObject  *object,
               gpointer     user_data,
               GError     **error)
{
  static const char * const decision_members[] = {
    "doc-type", "title", "authority", "preamble", "articles", "recipients", "archive", NULL
  };
  PlanDocument *document = user_data;
  PlanDecision *decision = plan_document_get_decision (document);
  JsonNode *doc_type;

  if (!check_members (l, object, decision_members, error))
    return FALSE;

  /* A decision is numbered as a decision: "QĐ" (or "" for no code is not one) */
  doc_type = json_object_get_member (object, "doc-type");
  if (doc_type != NULL && node_is_string (doc_type) &&
      !g_str_equal (json_node_get_string (doc_type), "QĐ"))
    {
      path_push_member (l, "doc-type");
      /* Translators: %s is a code found in the file; QĐ is the decree's code of a Quyết định */
      return fail (l, error, _("“%s” is not the type code of a decision (expected “QĐ”)"),
                   json_node_get_string (doc_type));
    }

  g_object_set (document, "kind", PLAN_DOCUMENT_KIND_DECISION, NULL);

  return read_string (l, object, "doc-type", decision, "doc-type", error) &&
         read_string (l, object, "title", decision, "title", error) &&
         read_string (l, object, "authority", decision, "authority", error) &&
         read_list (l, object, "preamble", read_paragraph,
                    plan_decision_get_preamble (decision), error) &&
         read_list (l, object, "articles", read_article,
                    plan_decision_get_articles (decision), error) &&
         read_list (l, object, "recipients", read_recipient,
                    plan_decision_get_recipients (decision), error) &&
         read_string (l, object, "archive", decision, "archive", error);
}

static gboolean
read_appendix (Loader    *l,
               JsonNode  *node,
               gpointer   user_data,
               GError   **error)
{
  static const char * const appendix_members[] = {
    "label-mode", "label", "title", "reference-mode", "reference", "orientation", "content", NULL
  };
  GListStore *store = user_data;
  g_autoptr(PlanAppendix) appendix = plan_appendix_new ("");
  JsonObject *object;

  if (!expect_object (l, node, &object, error))
    return FALSE;

  if (!check_members (l, object, appendix_members, error) ||
      !read_enum (l, object, "label-mode", plan_json_label_mode_names, appendix, "label-mode", error) ||
      !read_string (l, object, "label", appendix, "label", error) ||
      !read_string (l, object, "title", appendix, "title", error) ||
      !read_enum (l, object, "reference-mode", plan_json_reference_mode_names, appendix, "reference-mode",
                  error) ||
      !read_string (l, object, "reference", appendix, "reference", error) ||
      !read_enum (l, object, "orientation", plan_json_orientation_names, appendix, "orientation", error) ||
      !read_list (l, object, "content", read_item, plan_appendix_get_content (appendix), error))
    return FALSE;

  g_list_store_append (store, appendix);
  return TRUE;
}

static gboolean
read_layout (Loader      *l,
             JsonObject  *object,
             gpointer     user_data,
             GError     **error)
{
  static const char * const layout_members[] = {
    "margin-top", "margin-bottom", "margin-left", "margin-right", "font-size", "line-spacing",
    "paragraph-spacing", "first-line-indent", "appendix-page-numbers", "draft-watermark", NULL
  };
  static const char * const layout_members_v2[] = { "appendix-page-numbers", NULL };
  PlanDocument *document = user_data;
  /* Translators: unit abbreviations used in range messages */
  const char *mm = _("mm");
  const char *pt = _("pt");

  return check_members (l, object, layout_members, error) &&
         check_since (l, object, layout_members_v2, 2, error) &&
         read_enum (l, object, "appendix-page-numbers", plan_json_page_numbering_names, document,
                    "appendix-page-numbering", error) &&
         read_double (l, object, "margin-top", document, "margin-top", mm, error) &&
         read_double (l, object, "margin-bottom", document, "margin-bottom", mm, error) &&
         read_double (l, object, "margin-left", document, "margin-left", mm, error) &&
         read_double (l, object, "margin-right", document, "margin-right", mm, error) &&
         read_double (l, object, "font-size", document, "font-size", pt, error) &&
         read_double (l, object, "line-spacing", document, "line-spacing", NULL, error) &&
         read_double (l, object, "paragraph-spacing", document, "paragraph-spacing", pt, error) &&
         read_double (l, object, "first-line-indent", document, "first-line-indent", mm, error) &&
         read_boolean (l, object, "draft-watermark", document, "draft-watermark", error);
}

static gboolean
read_comment (Loader    *l,
              JsonNode  *node,
              gpointer   user_data,
              GError   **error)
{
  static const char * const comment_members[] = {
    "id", "target", "author", "role", "time", "text", "reply-to", "resolved", NULL
  };
  GListStore *store = user_data;
  g_autoptr(PlanComment) comment = plan_comment_new ("", "", PLAN_ROLE_DRAFTER, "");
  JsonObject *object;
  const char *id;

  if (!expect_object (l, node, &object, error) ||
      !check_members (l, object, comment_members, error))
    return FALSE;

  if (!json_object_has_member (object, "id"))
    return fail (l, error, _("the member “%s” is missing"), "id");

  if (!read_string (l, object, "id", comment, "id", error) ||
      !read_string (l, object, "target", comment, "target", error) ||
      !read_string (l, object, "author", comment, "author", error) ||
      !read_enum (l, object, "role", plan_json_role_names, comment, "role", error) ||
      !read_time (l, object, "time", comment, "time", error) ||
      !read_string (l, object, "text", comment, "text", error) ||
      !read_string (l, object, "reply-to", comment, "reply-to", error) ||
      !read_boolean (l, object, "resolved", comment, "resolved", error))
    return FALSE;

  id = plan_comment_get_id (comment);
  if (id[0] == '\0' || g_hash_table_contains (l->comment_ids, id))
    {
      path_push_member (l, "id");
      if (id[0] == '\0')
        return fail (l, error, _("a comment needs an id"));
      /* Translators: %s is the id of a comment */
      return fail (l, error, _("another comment already has the id “%s”"), id);
    }
  g_hash_table_add (l->comment_ids, g_strdup (id));

  g_list_store_append (store, comment);
  return TRUE;
}

static gboolean
read_event (Loader    *l,
            JsonNode  *node,
            gpointer   user_data,
            GError   **error)
{
  static const char * const event_members[] = {
    "actor", "actor-title", "role", "time", "action", "note", NULL
  };
  GListStore *store = user_data;
  g_autoptr(PlanEvent) event = plan_event_new ("", "", PLAN_ROLE_DRAFTER, 0,
                                               PLAN_STATUS_DRAFT, "");
  JsonObject *object;

  if (!expect_object (l, node, &object, error) ||
      !check_members (l, object, event_members, error))
    return FALSE;

  if (!json_object_has_member (object, "action"))
    return fail (l, error, _("the member “%s” is missing"), "action");

  if (!read_string (l, object, "actor", event, "actor", error) ||
      !read_string (l, object, "actor-title", event, "actor-title", error) ||
      !read_enum (l, object, "role", plan_json_role_names, event, "role", error) ||
      !read_time (l, object, "time", event, "time", error) ||
      !read_enum (l, object, "action", plan_json_status_names, event, "action", error) ||
      !read_string (l, object, "note", event, "note", error))
    return FALSE;

  g_list_store_append (store, event);
  return TRUE;
}

static gboolean
read_approved_part (Loader    *l,
                    JsonNode  *node,
                    gpointer   user_data,
                    GError   **error)
{
  static const char * const part_members[] = { "id", "label", "digest", NULL };
  GListStore *store = user_data;
  g_autoptr(PlanApprovedPart) part = plan_approved_part_new ("", "", "");
  JsonObject *object;

  if (!expect_object (l, node, &object, error) ||
      !check_members (l, object, part_members, error) ||
      !read_string (l, object, "id", part, "id", error) ||
      !read_string (l, object, "label", part, "label", error) ||
      !read_string (l, object, "digest", part, "digest", error))
    return FALSE;

  g_list_store_append (store, part);
  return TRUE;
}

/* Only stored here: whether the approval is genuine is for plan_approval_verify() to say. */
static gboolean
read_approval (Loader      *l,
               JsonObject  *object,
               gpointer     user_data,
               GError     **error)
{
  static const char * const approval_members[] = {
    "name", "title", "key-id", "public-key", "signature", "time", "parts", NULL
  };
  PlanReview *review = user_data;

  return check_members (l, object, approval_members, error) &&
         read_string (l, object, "name", review, "approval-name", error) &&
         read_string (l, object, "title", review, "approval-title", error) &&
         read_string (l, object, "key-id", review, "approval-key-id", error) &&
         read_string (l, object, "public-key", review, "approval-public-key", error) &&
         read_string (l, object, "signature", review, "approval-signature", error) &&
         read_time (l, object, "time", review, "approval-time", error) &&
         read_list (l, object, "parts", read_approved_part,
                    plan_review_get_approved_parts (review), error);
}

static gboolean
read_review (Loader      *l,
             JsonObject  *object,
             gpointer     user_data,
             GError     **error)
{
  static const char * const review_members[] = {
    "status", "comments", "history", "approval", NULL
  };
  PlanReview *review = user_data;
  GListModel *comments = plan_review_get_comments (review);
  JsonNode *approval;

  if (!check_members (l, object, review_members, error) ||
      !read_enum (l, object, "status", plan_json_status_names, review, "status", error) ||
      !read_list (l, object, "comments", read_comment, comments, error) ||
      !read_list (l, object, "history", read_event, plan_review_get_history (review), error))
    return FALSE;

  /* A reply must answer a comment of the same plan. */
  for (guint i = 0; i < g_list_model_get_n_items (comments); i++)
    {
      g_autoptr(PlanComment) comment = g_list_model_get_item (comments, i);
      const char *reply_to = plan_comment_get_reply_to (comment);

      if (reply_to[0] != '\0' && !g_hash_table_contains (l->comment_ids, reply_to))
        {
          path_push_member (l, "comments");
          path_push_index (l, i);
          path_push_member (l, "reply-to");
          /* Translators: %s is the id of a comment */
          return fail (l, error, _("no comment has the id “%s”"), reply_to);
        }
    }

  approval = json_object_get_member (object, "approval");
  if (approval != NULL && JSON_NODE_HOLDS_NULL (approval))
    return TRUE;

  return read_object (l, object, "approval", read_approval, review, error);
}

static PlanDocument *
read_document (Loader     *l,
               JsonNode   *root,
               GError    **error)
{
  static const char * const document_members[] = {
    "format", "version", "header", "decision", "preamble", "body", "closing", "appendices",
    "layout", "review", NULL
  };
  static const char * const document_members_v2[] = { "decision", NULL };
  g_autoptr(PlanDocument) document = NULL;
  JsonObject *object;
  JsonNode *format;
  JsonNode *version;
  gint64 version_number;

  format = JSON_NODE_HOLDS_OBJECT (root)
           ? json_object_get_member (json_node_get_object (root), "format")
           : NULL;
  if (format == NULL || !node_is_string (format) ||
      !g_str_equal (json_node_get_string (format), PLAN_FILE_FORMAT_NAME))
    {
      g_set_error_literal (error, PLAN_FILE_ERROR, PLAN_FILE_ERROR_NOT_A_PLAN,
                           _("This is not a Kế hoạch plan file (its “format” is not “kehoach”)"));
      return NULL;
    }

  object = json_node_get_object (root);
  version = json_object_get_member (object, "version");
  if (version == NULL)
    {
      fail (l, error, _("the member “%s” is missing"), "version");
      return NULL;
    }

  if (!node_is_integer (version) || json_node_get_int (version) < 1)
    {
      path_push_member (l, "version");
      fail (l, error, _("expected a format version (a whole number from 1)"));
      return NULL;
    }

  version_number = json_node_get_int (version);
  l->version = version_number;
  if (version_number > PLAN_FILE_FORMAT_VERSION)
    {
      /* Translators: the first number is the format version of the file, the second the one this
       * version of the app reads */
      g_autofree char *file_version = g_strdup_printf ("%" G_GINT64_FORMAT, version_number);

      g_set_error (error, PLAN_FILE_ERROR, PLAN_FILE_ERROR_TOO_NEW,
                   _("This plan was saved by a newer version of Kế hoạch (file format %s); "
                     "this version reads format %d"),
                   file_version, PLAN_FILE_FORMAT_VERSION);
      return NULL;
    }

  if (!check_members (l, object, document_members, error) ||
      !check_since (l, object, document_members_v2, 2, error))
    return NULL;

  document = plan_document_new ();

  if (!read_object (l, object, "header", read_header, document, error) ||
      !read_object (l, object, "decision", read_decision, document, error) ||
      !read_list (l, object, "preamble", read_paragraph, plan_document_get_preamble (document),
                  error) ||
      !read_object (l, object, "body", read_body, document, error) ||
      !read_object (l, object, "closing", read_closing, document, error) ||
      !read_list (l, object, "appendices", read_appendix, plan_document_get_appendices (document),
                  error) ||
      !read_object (l, object, "layout", read_layout, document, error) ||
      !read_object (l, object, "review", read_review, plan_document_get_review (document), error))
    return NULL;

  /* A freshly opened plan has nothing to undo and nothing to save. */
  plan_document_clear_undo (document);
  plan_document_set_unmodified (document);

  return g_steal_pointer (&document);
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (data[i] != ' ' && data[i] != '\t' && data[i] != '\n' && data[i] != '\r')
      return FALSE;

  return TRUE;
}

PlanDocument *
plan_json_load_data (const char  *data,
                     gsize        length,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  const char *end = NULL;
  Loader l = { NULL, NULL };
  gsize bom = 0;
  PlanDocument *document;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > PLAN_FILE_MAX_SIZE)
    {
      /* Translators: %d is the size limit of a plan file in megabytes */
      g_set_error (error, PLAN_FILE_ERROR, PLAN_FILE_ERROR_TOO_LARGE,
                   _("The file is too large for a plan (more than %d MB)"),
                   PLAN_FILE_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  /* Editors on Windows may start the file with a byte order mark. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
      bom = 3;
    }

  if (length == 0 || is_blank (data, length))
    {
      g_set_error_literal (error, PLAN_FILE_ERROR, PLAN_FILE_ERROR_EMPTY, _("The file is empty"));
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, &end))
    {
      gsize offset = end - data;
      guint line = 1;

      for (gsize i = 0; i < offset; i++)
        if (data[i] == '\n')
          line++;

      /* Translators: the byte that is not UTF-8, its offset from the start of the file and its
       * line, e.g. "invalid byte 0xE9 at offset 120 (line 4)" */
      g_set_error (error, PLAN_FILE_ERROR, PLAN_FILE_ERROR_NOT_UTF8,
                   _("The file is not UTF-8 text: invalid byte 0x%02X at offset %lu (line %u)"),
                   (guchar) data[offset], (unsigned long) (offset + bom), line);
      return NULL;
    }

  if (!plan_json_check_syntax (data, length, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      /* The syntax check above should have caught it; report json-glib's words then. */
      g_set_error (error, PLAN_FILE_ERROR, PLAN_FILE_ERROR_SYNTAX,
                   _("The file is not valid JSON: %s"), parse_error->message);
      return NULL;
    }

  l.path = g_string_new (NULL);
  l.comment_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  document = read_document (&l, json_parser_get_root (parser), error);

  g_string_free (l.path, TRUE);
  g_hash_table_unref (l.comment_ids);

  return document;
}
