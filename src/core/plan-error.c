/* plan-error.c: error domain of the plan file loader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plan-error.h"

G_DEFINE_QUARK (plan-file-error-quark, plan_file_error)
