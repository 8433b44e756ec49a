/* plan-error.h: error domain of the plan file loader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PLAN_FILE_ERROR (plan_file_error_quark ())

typedef enum {
  PLAN_FILE_ERROR_EMPTY,        /* the file is empty */
  PLAN_FILE_ERROR_TOO_LARGE,    /* over the size limit */
  PLAN_FILE_ERROR_NOT_UTF8,     /* not UTF-8 text */
  PLAN_FILE_ERROR_SYNTAX,       /* not JSON or truncated: message has line and column */
  PLAN_FILE_ERROR_NOT_A_PLAN,   /* JSON, but not a Kế hoạch file (format name missing/other) */
  PLAN_FILE_ERROR_TOO_NEW,      /* written by a newer format version */
  PLAN_FILE_ERROR_INVALID,      /* wrong type, missing member, out of range: message has the path */
  PLAN_FILE_ERROR_TOO_DEEP,     /* nesting beyond the limit */
} PlanFileError;

GQuark plan_file_error_quark (void);

G_END_DECLS
