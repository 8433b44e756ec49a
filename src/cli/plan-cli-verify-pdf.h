/* plan-cli-verify-pdf.h: kehoach --verify-pdf [--nssdir DIR] FILE.pdf
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-cli-private.h"

G_BEGIN_DECLS

extern const PlanCliCommand plan_cli_verify_pdf_command;

/* The --nssdir given, or NULL (shared with --sign-pdf --nick) */
const char *plan_cli_get_nss_dir (void);

G_END_DECLS
