/* plan-draft-store.c
 *
 * A draft is one file, "<id>.kehoach-draft.json": an envelope that says what the plan is a
 * copy of, with the plan itself (exactly the bytes of plan_json_save_bytes()) as its last
 * member:
 *
 *   { "format": "kehoach-draft", "version": 1, "id": "…", "title": "…",
 *     "original": "file:///…" or null, "original-etag": "…" or null,
 *     "time": "2026-11-27T08:30:00.000000Z", "pid": 1234, "plan": { … } }
 *
 * One file, written with the same temporary-file-and-rename as the plans, so a crash while
 * writing leaves the previous draft whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "plan-draft-store.h"
#include "plan-json.h"

struct _PlanDraftStore
{
  GObject  parent_instance;

  GFile   *directory;
};

G_DEFINE_FINAL_TYPE (PlanDraftStore, plan_draft_store, G_TYPE_OBJECT)

typedef struct
{
  char   *id;
  char   *title;
  GFile  *original;
  char   *original_etag;
  GBytes *plan;
} WriteData;

static void
write_data_free (gpointer data)
{
  WriteData *w = data;

  g_free (w->id);
  g_free (w->title);
  g_clear_object (&w->original);
  g_free (w->original_etag);
  g_bytes_unref (w->plan);
  g_free (w);
}

static GBytes *
build_envelope (const char *id,
                const char *title,
                GFile      *original,
                const char *original_etag,
                GBytes     *plan)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *time = g_date_time_format_iso8601 (now);
  g_autofree char *header = NULL;
  GString *out;
  char *end;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, PLAN_DRAFT_FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, PLAN_DRAFT_FORMAT_VERSION);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title ? title : "");
  json_builder_set_member_name (builder, "original");
  if (original != NULL)
    {
      g_autofree char *uri = g_file_get_uri (original);

      json_builder_add_string_value (builder, uri);
    }
  else
    {
      json_builder_add_null_value (builder);
    }
  json_builder_set_member_name (builder, "original-etag");
  if (original_etag != NULL)
    json_builder_add_string_value (builder, original_etag);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "time");
  json_builder_add_string_value (builder, time);
  json_builder_set_member_name (builder, "pid");
  json_builder_add_int_value (builder, getpid ());
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  header = json_generator_to_data (generator, NULL);

  /* The plan goes in as it is, not re-encoded: "{ …header… ,\n  "plan" : <plan>}". */
  end = strrchr (header, '}');
  g_assert (end != NULL);
  *end = '\0';
  g_strchomp (header);

  out = g_string_new (header);
  g_string_append (out, ",\n  \"plan\" : ");
  g_string_append_len (out, g_bytes_get_data (plan, NULL), g_bytes_get_size (plan));
  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
  g_string_append (out, "\n}\n");

  return g_string_free_to_bytes (out);
}

static JsonNode *
read_envelope (GFile         *file,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *contents = NULL;
  gsize length = 0;
  JsonObject *object;
  JsonNode *root;

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;

  if (!json_parser_load_from_data (parser, contents, length, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    goto invalid;

  object = json_node_get_object (root);
  if (g_strcmp0 (json_object_get_string_member_with_default (object, "format", NULL),
                 PLAN_DRAFT_FORMAT_NAME) != 0
      || json_object_get_int_member_with_default (object, "version", 0) != PLAN_DRAFT_FORMAT_VERSION
      || json_object_get_string_member_with_default (object, "id", NULL) == NULL
      || json_object_get_string_member_with_default (object, "time", NULL) == NULL
      || !json_object_has_member (object, "plan")
      || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "plan")))
    goto invalid;

  return json_node_ref (root);

invalid:
  g_set_error_literal (error, PLAN_FILE_ERROR, PLAN_FILE_ERROR_NOT_A_PLAN,
                       _("This is not a recovery draft of Kế hoạch"));
  return NULL;
}

static const char *
get_nullable_string (JsonObject *object,
                     const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static PlanDraft *
draft_from_envelope (JsonNode *root,
                     GFile    *file)
{
  JsonObject *object = json_node_get_object (root);
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GFile) original = NULL;
  const char *uri;

  time = g_date_time_new_from_iso8601 (json_object_get_string_member (object, "time"), NULL);
  if (time == NULL)
    return NULL;

  uri = get_nullable_string (object, "original");
  if (uri != NULL)
    original = g_file_new_for_uri (uri);

  return plan_draft_new (json_object_get_string_member (object, "id"),
                         get_nullable_string (object, "title"),
                         original,
                         get_nullable_string (object, "original-etag"),
                         time,
                         (int) json_object_get_int_member_with_default (object, "pid", 0),
                         file);
}

static void
plan_draft_store_finalize (GObject *object)
{
  PlanDraftStore *self = (PlanDraftStore *)object;

  g_clear_object (&self->directory);

  G_OBJECT_CLASS (plan_draft_store_parent_class)->finalize (object);
}

static void
plan_draft_store_class_init (PlanDraftStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plan_draft_store_finalize;
}

static void
plan_draft_store_init (PlanDraftStore *self)
{
}

PlanDraftStore *
plan_draft_store_new (GFile *directory)
{
  PlanDraftStore *self;

  g_return_val_if_fail (directory == NULL || G_IS_FILE (directory), NULL);

  self = g_object_new (PLAN_TYPE_DRAFT_STORE, NULL);
  if (directory != NULL)
    self->directory = g_object_ref (directory);
  else
    self->directory = g_file_new_build_filename (g_get_user_data_dir (), APP_ID, "drafts", NULL);

  return self;
}

GFile *
plan_draft_store_get_directory (PlanDraftStore *self)
{
  g_return_val_if_fail (PLAN_IS_DRAFT_STORE (self), NULL);

  return self->directory;
}

char *
plan_draft_store_new_id (void)
{
  return g_uuid_string_random ();
}

GFile *
plan_draft_store_get_file (PlanDraftStore *self,
                           const char     *id)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (PLAN_IS_DRAFT_STORE (self), NULL);
  /* Ids become file names: nothing but a UUID may reach the disk. */
  g_return_val_if_fail (id != NULL && g_uuid_string_is_valid (id), NULL);

  name = g_strconcat (id, PLAN_DRAFT_SUFFIX, NULL);

  return g_file_get_child (self->directory, name);
}

gboolean
plan_draft_store_write (PlanDraftStore  *self,
                        const char      *id,
                        const char      *title,
                        GFile           *original,
                        const char      *original_etag,
                        GBytes          *plan,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_autoptr(GBytes) envelope = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *directory = NULL;

  g_return_val_if_fail (PLAN_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL && g_uuid_string_is_valid (id), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  directory = g_file_get_path (self->directory);
  if (directory != NULL && g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", directory, g_strerror (saved_errno));
      return FALSE;
    }

  envelope = build_envelope (id, title, original, original_etag, plan);
  file = plan_draft_store_get_file (self, id);

  return plan_json_replace_file (file, envelope, NULL, NULL, cancellable, error);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *w = task_data;
  GError *error = NULL;

  if (plan_draft_store_write (source_object, w->id, w->title, w->original, w->original_etag,
                              w->plan, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
plan_draft_store_write_async (PlanDraftStore      *self,
                              const char          *id,
                              const char          *title,
                              GFile               *original,
                              const char          *original_etag,
                              GBytes              *plan,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *w;

  g_return_if_fail (PLAN_IS_DRAFT_STORE (self));
  g_return_if_fail (id != NULL && g_uuid_string_is_valid (id));
  g_return_if_fail (plan != NULL);

  w = g_new0 (WriteData, 1);
  w->id = g_strdup (id);
  w->title = g_strdup (title);
  w->original = original ? g_file_dup (original) : NULL;
  w->original_etag = g_strdup (original_etag);
  w->plan = g_bytes_ref (plan);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, plan_draft_store_write_async);
  g_task_set_task_data (task, w, write_data_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
plan_draft_store_write_finish (PlanDraftStore  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (PLAN_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
plan_draft_store_remove (PlanDraftStore  *self,
                         const char      *id,
                         GError         **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PLAN_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL && g_uuid_string_is_valid (id), FALSE);

  file = plan_draft_store_get_file (self, id);
  if (g_file_delete (file, NULL, &local_error)
      || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  PlanDraft *draft_a = *(PlanDraft **) a;
  PlanDraft *draft_b = *(PlanDraft **) b;

  return g_date_time_compare (plan_draft_get_time (draft_b), plan_draft_get_time (draft_a));
}

GPtrArray *
plan_draft_store_list (PlanDraftStore  *self,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PLAN_IS_DRAFT_STORE (self), NULL);

  enumerator = g_file_enumerate_children (self->directory, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (enumerator == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return g_steal_pointer (&drafts);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  for (;;)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GError) read_error = NULL;
      PlanDraft *draft;

      if (!g_file_enumerator_iterate (enumerator, &info, &child, cancellable, error))
        return NULL;
      if (info == NULL)
        break;

      /* GIO's leftover temporary files (".goutputstream-…") and anything else are not ours. */
      if (!g_str_has_suffix (g_file_info_get_name (info), PLAN_DRAFT_SUFFIX))
        continue;

      root = read_envelope (child, cancellable, &read_error);
      if (root == NULL)
        {
          g_debug ("Skipping %s: %s", g_file_info_get_name (info), read_error->message);
          continue;
        }

      draft = draft_from_envelope (root, child);
      if (draft != NULL)
        g_ptr_array_add (drafts, draft);
    }

  g_ptr_array_sort (drafts, compare_newest_first);

  return g_steal_pointer (&drafts);
}

PlanDocument *
plan_draft_store_load (PlanDraftStore  *self,
                       PlanDraft       *draft,
                       GError         **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *plan = NULL;
  PlanDocument *document;
  gsize length = 0;

  g_return_val_if_fail (PLAN_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (PLAN_IS_DRAFT (draft), NULL);

  root = read_envelope (plan_draft_get_file (draft), NULL, error);
  if (root == NULL)
    return NULL;

  plan = json_to_string (json_object_get_member (json_node_get_object (root), "plan"), FALSE);
  length = strlen (plan);
  document = plan_json_load_data (plan, length, error);
  if (document == NULL)
    return NULL;

  plan_document_set_modified (document);

  return document;
}
