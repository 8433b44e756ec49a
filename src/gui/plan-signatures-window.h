/* plan-signatures-window.h: "Check a Signed PDF" (Kiểm tra chữ ký số): the digital signatures
 * of a PDF as its recipient checks them, in words the head of an office understands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PLAN_TYPE_SIGNATURES_WINDOW (plan_signatures_window_get_type ())
G_DECLARE_FINAL_TYPE (PlanSignaturesWindow, plan_signatures_window, PLAN, SIGNATURES_WINDOW,
                      AdwWindow)

/* Reads and checks @pdf (plan-pdf-verify.h); what cannot be read is said in the window */
GtkWidget *plan_signatures_window_new (GtkWindow *parent,
                                       GFile     *pdf);

G_END_DECLS
