/* plan-docx-export.c: a plan written as a Word document (.docx) in the Decree 30 format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plan-json.h"
#include "plan-layout-cache.h"
#include "plan-docx-export.h"
#include "plan-docx-writer-body.h"
#include "plan-docx-writer-package.h"
#include "plan-docx-writer-parts.h"
#include "plan-docx-writer-styles.h"

/* The parts of the package, in the caller's thread */
static PlanDocxWriterPackage *
build_package (PlanDocument        *document,
               PlanDocxExportFlags  flags)
{
  g_autoptr(PlanDocxWriterPackage) package = plan_docx_writer_package_new ();
  g_autoptr(PlanLayoutCache) cache = plan_layout_cache_new ();
  gboolean watermark = (flags & PLAN_DOCX_EXPORT_DRAFT) ||
                       plan_document_get_draft_watermark (document);
  GListModel *appendices = plan_document_get_appendices (document);
  gboolean any_landscape = FALSE;
  PlanDocxHeaders portrait = { 0, }, landscape = { 0, };
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) styles = plan_docx_writer_styles (document);
  g_autoptr(GBytes) settings = plan_docx_writer_settings ();
  g_autoptr(GBytes) core = plan_docx_writer_core_properties (document);
  g_autoptr(GBytes) app = plan_docx_writer_app_properties ();
  guint n_headers = 0, n_numbered_tables = 0;

  for (guint i = 0; i < g_list_model_get_n_items (appendices); i++)
    {
      g_autoptr(PlanAppendix) appendix = g_list_model_get_item (appendices, i);

      any_landscape |= plan_appendix_get_orientation (appendix) == PLAN_ORIENTATION_LANDSCAPE;
    }

  plan_docx_writer_package_add_relationship (package, "", PLAN_DOCX_REL_DOCUMENT,
                                             "word/document.xml");
  plan_docx_writer_package_add_relationship (package, "", PLAN_DOCX_REL_CORE,
                                             "docProps/core.xml");
  plan_docx_writer_package_add_relationship (package, "", PLAN_DOCX_REL_APP,
                                             "docProps/app.xml");
  plan_docx_writer_package_add_relationship (package, "word/document.xml", PLAN_DOCX_REL_STYLES,
                                             "styles.xml");
  plan_docx_writer_package_add_relationship (package, "word/document.xml", PLAN_DOCX_REL_SETTINGS,
                                             "settings.xml");

  /* Page headers: the first page of a section, then the others, for each orientation used */
  for (guint o = 0; o < (any_landscape ? 2u : 1u); o++)
    {
      PlanDocxHeaders *headers = o == 0 ? &portrait : &landscape;

      for (guint numbered = 0; numbered < 2; numbered++)
        {
          g_autofree char *name = g_strdup_printf ("header%u.xml", ++n_headers);
          g_autofree char *part = g_strconcat ("word/", name, NULL);
          g_autoptr(GBytes) header = plan_docx_writer_page_header (document, cache, numbered,
                                                                   watermark, o == 1, n_headers);
          const char *id;

          plan_docx_writer_package_add_part (package, part, PLAN_DOCX_CT_HEADER, header);
          id = plan_docx_writer_package_add_relationship (package, "word/document.xml",
                                                          PLAN_DOCX_REL_HEADER, name);
          if (numbered)
            headers->other = id;
          else
            headers->first = id;
        }
    }
  if (!any_landscape)
    landscape = portrait;

  /* The plan's first page carries its circulation note in the top margin */
  {
    g_autofree char *circulation = NULL;

    g_object_get (document, "circulation", &circulation, NULL);
    if (circulation != NULL && *circulation != '\0')
      {
        g_autofree char *name = g_strdup_printf ("header%u.xml", ++n_headers);
        g_autofree char *part = g_strconcat ("word/", name, NULL);
        g_autoptr(GBytes) header = plan_docx_writer_title_page_header (document, cache, watermark,
                                                                       n_headers);

        plan_docx_writer_package_add_part (package, part, PLAN_DOCX_CT_HEADER, header);
        portrait.title = plan_docx_writer_package_add_relationship (package, "word/document.xml",
                                                                    PLAN_DOCX_REL_HEADER, name);
      }
  }

  body = plan_docx_writer_body (document, cache, &portrait, &landscape, &n_numbered_tables);
  plan_docx_writer_package_add_part (package, "word/document.xml", PLAN_DOCX_CT_MAIN, body);
  if (n_numbered_tables > 0)
    {
      g_autoptr(GBytes) numbering = plan_docx_writer_numbering (n_numbered_tables);

      plan_docx_writer_package_add_part (package, "word/numbering.xml", PLAN_DOCX_CT_NUMBERING,
                                         numbering);
      plan_docx_writer_package_add_relationship (package, "word/document.xml",
                                                 PLAN_DOCX_REL_NUMBERING, "numbering.xml");
    }
  plan_docx_writer_package_add_part (package, "word/styles.xml", PLAN_DOCX_CT_STYLES, styles);
  plan_docx_writer_package_add_part (package, "word/settings.xml", PLAN_DOCX_CT_SETTINGS, settings);
  plan_docx_writer_package_add_part (package, "docProps/core.xml", PLAN_DOCX_CT_CORE, core);
  plan_docx_writer_package_add_part (package, "docProps/app.xml", PLAN_DOCX_CT_APP, app);

  return g_steal_pointer (&package);
}

GBytes *
plan_docx_export_bytes (PlanDocument        *document,
                        PlanDocxExportFlags  flags,
                        GError             **error)
{
  g_autoptr(PlanDocxWriterPackage) package = NULL;

  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  package = build_package (document, flags);
  return plan_docx_writer_package_zip (package, error);
}

gboolean
plan_docx_export_to_file (PlanDocument        *document,
                          GFile               *file,
                          PlanDocxExportFlags  flags,
                          GCancellable        *cancellable,
                          GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = plan_docx_export_bytes (document, flags, error);
  if (bytes == NULL)
    return FALSE;
  /* The plan file's own safe write: temporary file beside @file, renamed over it */
  return plan_json_replace_file (file, bytes, NULL, NULL, cancellable, error);
}

typedef struct {
  PlanDocxWriterPackage *package;
  GFile                 *file;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export = data;

  plan_docx_writer_package_free (export->package);
  g_object_unref (export->file);
  g_free (export);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *export = task_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = plan_docx_writer_package_zip (export->package, &error);
  if (bytes == NULL ||
      !plan_json_replace_file (export->file, bytes, NULL, NULL, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
plan_docx_export_async (PlanDocument        *document,
                        GFile               *file,
                        PlanDocxExportFlags  flags,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *export;

  g_return_if_fail (PLAN_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, plan_docx_export_async);
  export = g_new0 (ExportData, 1);
  export->package = build_package (document, flags);
  export->file = g_object_ref (file);
  g_task_set_task_data (task, export, export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
plan_docx_export_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == plan_docx_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
