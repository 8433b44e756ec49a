/* plan-docx-import.c: a Word plan (.docx) becomes a new plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "plan-docx-import.h"
#include "plan-docx-package.h"
#include "plan-docx-paragraphs.h"
#include "plan-docx-recognizer.h"

PlanDocument *
plan_docx_import_bytes (GBytes          *bytes,
                        PlanDocxReport **report_out,
                        GError         **error)
{
  g_autoptr(PlanDocxPackage) package = NULL;
  g_autoptr(PlanDocxContent) content = NULL;
  g_autoptr(PlanDocxReport) report = NULL;
  PlanDocument *document;

  package = plan_docx_package_new (bytes, error);
  if (package == NULL)
    return NULL;
  content = plan_docx_content_read (package, error);
  if (content == NULL)
    return NULL;

  report = plan_docx_report_new ();
  document = plan_docx_recognize (content, report);
  if (report_out != NULL)
    *report_out = g_steal_pointer (&report);
  return document;
}

PlanDocument *
plan_docx_import_file (GFile           *file,
                       PlanDocxReport **report_out,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;

  /* Refuse an oversized file before reading it into memory */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > PLAN_DOCX_MAX_FILE_SIZE)
    {
      g_set_error (error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_TOO_LARGE,
                   _("The Word file is larger than %d MB."), PLAN_DOCX_MAX_FILE_SIZE >> 20);
      return NULL;
    }
  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;
  return plan_docx_import_bytes (bytes, report_out, error);
}

typedef struct {
  PlanDocument   *document;
  PlanDocxReport *report;
} ImportResult;

static void
import_result_free (gpointer data)
{
  ImportResult *result = data;
  g_clear_object (&result->document);
  plan_docx_report_free (result->report);
  g_free (result);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GFile *file = task_data;
  ImportResult *result = g_new0 (ImportResult, 1);
  GError *error = NULL;

  result->document = plan_docx_import_file (file, &result->report, cancellable, &error);
  if (result->document == NULL)
    {
      import_result_free (result);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, result, import_result_free);
}

void
plan_docx_import_file_async (GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, plan_docx_import_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_thread);
}

PlanDocument *
plan_docx_import_file_finish (GAsyncResult    *result,
                              PlanDocxReport **report_out,
                              GError         **error)
{
  ImportResult *import;
  PlanDocument *document;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  import = g_task_propagate_pointer (G_TASK (result), error);
  if (import == NULL)
    return NULL;
  document = g_steal_pointer (&import->document);
  if (report_out != NULL)
    *report_out = g_steal_pointer (&import->report);
  import_result_free (import);
  return document;
}

gboolean
plan_docx_is_word_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *lower = basename != NULL ? g_ascii_strdown (basename, -1) : NULL;

  return lower != NULL && g_str_has_suffix (lower, ".docx");
}
