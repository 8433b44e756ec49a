/* plan-cli-export.h: "kehoach --export-pdf" and "--export-png", without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "plan-cli-private.h"

G_BEGIN_DECLS

/* --export-pdf OUT.pdf, --export-png DIR, --dpi N, --page N, --draft */
extern const PlanCliCommand plan_cli_export_command;

/* Writes @input (a .kehoach.json plan) to the PDF @output. On failure prints one message naming
 * the file to stderr and leaves no @output behind. @draft exports with the "DỰ THẢO" watermark;
 * without it a plan whose approval does not verify (plan_approval_verify() with the user's
 * trust store) is refused with a message saying why. Returns the exit status (0 or 1). */
int plan_cli_export_pdf (const char *output,
                         const char *input,
                         gboolean    draft);

/* Renders the pages of @input as @dir/page-1.png … at @dpi (0 = 96); only page @page (1-based)
 * when @page > 0. Creates @dir when needed. Returns the exit status (0 or 1). */
int plan_cli_export_png (const char *dir,
                         const char *input,
                         double      dpi,
                         int         page,
                         gboolean    draft);

G_END_DECLS
