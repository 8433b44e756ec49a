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
