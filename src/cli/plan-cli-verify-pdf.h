/* plan-cli-verify-pdf.h: kehoach --verify-pdf [--nssdir DIR] FILE.pdf
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-cli-private.h"

G_BEGIN_DECLS

extern const PlanCliCommand plan_cli_verify_pdf_command;

G_END_DECLS
