/* plan-print-operation.h: prints a plan through the same page layout as the preview and PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "plan-layout.h"

G_BEGIN_DECLS

#define PLAN_TYPE_PRINT_OPERATION (plan_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (PlanPrintOperation, plan_print_operation, PLAN, PRINT_OPERATION, GtkPrintOperation)

/* A4 by default; landscape pages (appendices) are printed landscape. The print settings and page
 * setup of the last print are loaded from the user data folder. */
PlanPrintOperation *plan_print_operation_new            (PlanLayout         *layout);
PlanLayout         *plan_print_operation_get_layout     (PlanPrintOperation *self);
/* Remembers the settings of a print that was applied, for the next one. */
void                plan_print_operation_save_settings  (PlanPrintOperation *self);

G_END_DECLS
