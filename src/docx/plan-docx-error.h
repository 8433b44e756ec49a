/* plan-docx-error.h: error domain of reading and writing Word (.docx) files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PLAN_DOCX_ERROR (plan_docx_error_quark ())

typedef enum {
  PLAN_DOCX_ERROR_NOT_DOCX,    /* not a ZIP package, or a ZIP without word/document.xml */
  PLAN_DOCX_ERROR_DAMAGED,     /* a damaged or truncated package, or a part that is not XML */
  PLAN_DOCX_ERROR_ENCRYPTED,   /* a password-protected document (an OLE compound file) */
  PLAN_DOCX_ERROR_TOO_LARGE,   /* over one of the documented limits (parts, sizes, depth) */
  PLAN_DOCX_ERROR_WRITE,       /* the package could not be assembled or written */
} PlanDocxError;

GQuark plan_docx_error_quark (void);

G_END_DECLS
