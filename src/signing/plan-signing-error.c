/* plan-signing-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "plan-signing-error.h"

G_DEFINE_QUARK (plan-signing-error-quark, plan_signing_error)
