/* plan-cli-export.h: "kehoach --export-pdf", "--export-docx" and "--export-png", without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "plan-cli-private.h"
#include "plan-document.h"

G_BEGIN_DECLS

/* --export-pdf OUT.pdf, --export-docx OUT.docx, --export-png DIR, --dpi N, --page N, --draft */
extern const PlanCliCommand plan_cli_export_command;

/* Writes @input (a .kehoach.json plan) to the PDF @output. On failure prints one message naming
 * the file to stderr and leaves no @output behind. @draft exports with the "DỰ THẢO" watermark;
 * without it a plan whose approval does not verify (plan_approval_verify() with the user's
 * trust store) is refused with a message saying why. Returns the exit status (0 or 1). */
int plan_cli_export_pdf (const char *output,
                         const char *input,
                         gboolean    draft);

/* Writes @input as the Word document @output (plan-docx-export.h), with the same approval rule,
 * messages and atomic writing as plan_cli_export_pdf(). Returns the exit status (0 or 1). */
int plan_cli_export_docx (const char *output,
                          const char *input,
                          gboolean    draft);

/* Loads @input for export and applies the output rule: NULL (a message printed) when it cannot
 * be read, or when it has no valid approval and @draft is not set; else the plan with its
 * "draft-watermark" set as the export must print it. */
PlanDocument *plan_cli_export_load_document (const char *input,
                                             gboolean    draft);

/* Renders the pages of @input as @dir/page-1.png … at @dpi (0 = 96); only page @page (1-based)
 * when @page > 0. Creates @dir when needed. Returns the exit status (0 or 1). */
int plan_cli_export_png (const char *dir,
                         const char *input,
                         double      dpi,
                         int         page,
                         gboolean    draft);

G_END_DECLS
