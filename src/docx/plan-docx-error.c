/* plan-docx-error.c: error domain of reading and writing Word (.docx) files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plan-docx-error.h"

G_DEFINE_QUARK (plan-docx-error-quark, plan_docx_error)
