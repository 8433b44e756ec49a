/* plan-docx-import.h: a Word plan (.docx) becomes a new plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "plan-document.h"
#include "plan-docx-error.h"
#include "plan-docx-report.h"

G_BEGIN_DECLS

/* Reads the .docx held in @bytes into a new, unmodified plan. @report_out (may be NULL)
 * receives what was recognised and what was kept only as plain paragraphs. Fails with one
 * PLAN_DOCX_ERROR and a message for the user on a file that is not a Word document, is
 * damaged, encrypted, or over a limit (docs/word-import.md). Never modifies anything. */
PlanDocument *plan_docx_import_bytes (GBytes          *bytes,
                                      PlanDocxReport **report_out,
                                      GError         **error);
/* The same for a file (read whole, never written). */
PlanDocument *plan_docx_import_file  (GFile           *file,
                                      PlanDocxReport **report_out,
                                      GCancellable    *cancellable,
                                      GError         **error);

/* The same in a worker thread; the window stays responsive while a long plan is read. */
void          plan_docx_import_file_async  (GFile               *file,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
PlanDocument *plan_docx_import_file_finish (GAsyncResult        *result,
                                            PlanDocxReport     **report_out,
                                            GError             **error);

/* TRUE when @file's name ends in ".docx" (any case): the app imports it instead of loading it */
gboolean      plan_docx_is_word_file       (GFile               *file);

G_END_DECLS
