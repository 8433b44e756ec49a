/* plan-cli-import-docx.h: kehoach --import-docx OUT.kehoach.json IN.docx
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-cli-private.h"

G_BEGIN_DECLS

extern const PlanCliCommand plan_cli_import_docx_command;

G_END_DECLS
