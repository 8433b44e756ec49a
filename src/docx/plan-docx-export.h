/* plan-docx-export.h: a plan written as a Word document (.docx) in the Decree 30 format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "plan-document.h"
#include "plan-docx-error.h"

G_BEGIN_DECLS

typedef enum {
  PLAN_DOCX_EXPORT_DEFAULT = 0,
  /* The "DỰ THẢO" watermark on every page, as when the document's "draft-watermark" is set
   * (callers decide it with plan_approval_needs_watermark(), as for PDF) */
  PLAN_DOCX_EXPORT_DRAFT   = 1 << 0,
} PlanDocxExportFlags;

/* The whole .docx of @document (docs/word-export.md). The watermark is drawn when @flags has
 * PLAN_DOCX_EXPORT_DRAFT or the document's "draft-watermark" is set. */
GBytes   *plan_docx_export_bytes    (PlanDocument        *document,
                                     PlanDocxExportFlags  flags,
                                     GError             **error);
/* Writes it to @file atomically: a temporary file beside @file renamed over it once complete;
 * on failure neither a partial file nor a changed @file is left, and @error names the file. */
gboolean  plan_docx_export_to_file  (PlanDocument        *document,
                                     GFile               *file,
                                     PlanDocxExportFlags  flags,
                                     GCancellable        *cancellable,
                                     GError             **error);

/* The same for a window: the document is read in the caller's thread (the model is not
 * thread-safe), the package is compressed and written in a worker thread. */
void      plan_docx_export_async    (PlanDocument        *document,
                                     GFile               *file,
                                     PlanDocxExportFlags  flags,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gboolean  plan_docx_export_finish   (GAsyncResult        *result,
                                     GError             **error);

G_END_DECLS
