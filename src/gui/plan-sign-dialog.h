/* plan-sign-dialog.h: "Sign the PDF" (Ký số): the approved plan exported and signed by the
 * signer, with a certificate from a token or a .p12 file, the PIN typed here and never kept;
 * and the clerk's "Add the Agency's Signature" to that PDF, with the agency's seal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "plan-approval.h"

G_BEGIN_DECLS

#define PLAN_TYPE_SIGN_DIALOG (plan_sign_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlanSignDialog, plan_sign_dialog, PLAN, SIGN_DIALOG, AdwWindow)

/* Signal "signed" (GFile *pdf): the PDF was written and the signing recorded in @document's
 * history; the caller saves the plan. */
PlanSignDialog *plan_sign_dialog_new             (GtkWindow      *parent,
                                                  PlanDocument   *document,
                                                  PlanTrustStore *trust,
                                                  GFile          *suggested);
/* The clerk's step: the agency's signature and seal added to @signed_pdf (or one chosen in
 * the dialog), which must be a PDF signed for @document's current issue; the seal image is the
 * one chosen last time (GSettings "seal-image"). Signal "signed" as above. */
PlanSignDialog *plan_sign_dialog_new_for_agency  (GtkWindow      *parent,
                                                  PlanDocument   *document,
                                                  GFile          *signed_pdf,
                                                  GFile          *suggested);
/* The clerk issues an appendix of @document as a separate file (plan_sign_pdf_appendix()):
 * the appendix is chosen in the dialog, signed by the agency without an image; the PDF is
 * suggested beside @plan_file as PLAN-phu-luc-N-issued.pdf. Signal "signed" as above. */
PlanSignDialog *plan_sign_dialog_new_for_appendix (GtkWindow      *parent,
                                                   PlanDocument   *document,
                                                   PlanTrustStore *trust,
                                                   GFile          *plan_file);
/* The appendix chosen (0-based), as if picked in the list */
void            plan_sign_dialog_set_appendix    (PlanSignDialog *self,
                                                  guint           index);
/* Where the PDF goes, instead of asking when "Sign" is pressed (also for the tests) */
void            plan_sign_dialog_set_output_file (PlanSignDialog *self,
                                                  GFile          *file);

/* The signer's PDF (agency), a .p12 certificate, the signature or seal image, as if chosen
 * with "Choose…" (the tests) */
void            plan_sign_dialog_set_image_file  (PlanSignDialog *self,
                                                  GFile          *file);
void            plan_sign_dialog_set_input_file  (PlanSignDialog *self,
                                                  GFile          *file);
void            plan_sign_dialog_set_certificate_file (PlanSignDialog *self,
                                                       GFile          *file);

G_END_DECLS
