/* plan-json-async.c: loading a plan file in a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "plan-json-async.h"

typedef struct {
  PlanDocument *document;
  char         *etag;
} Loaded;

static void
loaded_free (gpointer data)
{
  Loaded *loaded = data;

  g_clear_object (&loaded->document);
  g_free (loaded->etag);
  g_free (loaded);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  Loaded *loaded = g_new0 (Loaded, 1);
  GError *error = NULL;

  /* Nothing in the core library touches a main context, so the document can be built here
   * and used in the main thread afterwards. */
  loaded->document = plan_json_load_file (file, &loaded->etag, cancellable, &error);
  if (loaded->document == NULL)
    {
      loaded_free (loaded);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, loaded, loaded_free);
}

void
plan_json_load_file_async (GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, plan_json_load_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

PlanDocument *
plan_json_load_file_finish (GAsyncResult  *result,
                            char         **etag_out,
                            GError       **error)
{
  Loaded *loaded;
  PlanDocument *document;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == plan_json_load_file_async,
                        NULL);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return NULL;

  document = g_steal_pointer (&loaded->document);
  if (etag_out != NULL)
    *etag_out = g_steal_pointer (&loaded->etag);
  loaded_free (loaded);

  return document;
}
