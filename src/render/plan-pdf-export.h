/* plan-pdf-export.h: writes a plan to PDF through the page layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "plan-layout.h"

G_BEGIN_DECLS

/* Writes every page of @layout to @file atomically (a temporary file in the same folder, renamed
 * over @file only when complete: a failed export leaves no partial file). Sets PDF metadata:
 * title = type + title, author = agency, creator = "Kế hoạch <version>". */
gboolean      plan_pdf_export              (PlanLayout   *layout,
                                            GFile        *file,
                                            GError      **error);

G_END_DECLS
