/* plan-sign-pdf.h: issuing the plan as a signed PDF, the two steps of Decree 30 Điều 15:
 * the person with authority signs the exported plan, then the agency countersigns the signed
 * PDF with its seal. Both are incremental updates (plan-pdf-update.h); the second keeps the
 * first valid.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-approval.h"
#include "plan-signer-credentials.h"

G_BEGIN_DECLS

/* The signing time: now, in Vietnam's time zone (+07:00), as the decree asks */
GDateTime *plan_sign_pdf_now                (void);

/* Exports @document (never with the "DỰ THẢO" watermark) and signs it as the signer, with
 * the image at @image_path (or none) between the title and the name. Refuses, with
 * PLAN_SIGNING_ERROR_NOT_APPROVED, a plan whose approval does not verify against @trust. */
GBytes    *plan_sign_pdf_as_signer          (PlanDocument          *document,
                                             PlanTrustStore        *trust,
                                             PlanSignerCredentials *credentials,
                                             const char            *image_path,
                                             GDateTime             *time,
                                             GError               **error);

/* Adds the agency's signature to @pdf, already signed by the signer, with the seal image at
 * @seal_path (or none) over the left third of the signer's image. Refuses a PDF without a
 * signature or whose signatures do not verify any more. */
GBytes    *plan_sign_pdf_as_agency          (GBytes                *pdf,
                                             PlanSignerCredentials *credentials,
                                             const char            *seal_path,
                                             GDateTime             *time,
                                             GError               **error);

/* An appendix exported as a separate file (Phụ lục I §II.8, §III.1d): appendix @index
 * (0-based) of the approved @document alone, with its number and symbol and the signing time
 * (ISO 8601, +07:00) at the top right of its first page in Times New Roman 10, upright, black,
 * signed by the agency without an image. Refuses a plan whose approval does not verify against
 * @trust, one without a number and date, and an @index it has not. */
GBytes    *plan_sign_pdf_appendix           (PlanDocument          *document,
                                             PlanTrustStore        *trust,
                                             PlanSignerCredentials *credentials,
                                             guint                  index,
                                             GDateTime             *time,
                                             GError               **error);

/* Records a signing in @document's history (the plan must be approved): the issuing (number
 * and date) first if it was not recorded yet, then who signed with which certificate, when,
 * and the SHA-256 of the signed PDF. One undo step each. */
void       plan_sign_pdf_record             (PlanDocument          *document,
                                             PlanSignerCredentials *credentials,
                                             const char            *actor_title,
                                             GDateTime             *time,
                                             GBytes                *pdf);

/* The same for appendix @index (0-based) issued as a separate file by the agency
 * (plan_sign_pdf_appendix()): its note says which appendix, and its PDF is not among those
 * plan_sign_pdf_dup_signed_digests() returns (nobody countersigns it). */
void       plan_sign_pdf_record_appendix    (PlanDocument          *document,
                                             PlanSignerCredentials *credentials,
                                             guint                  index,
                                             GDateTime             *time,
                                             GBytes                *pdf);

/* The SHA-256 (lowercase hex) of every PDF signed for @document's current issue: the signings
 * recorded (plan_sign_pdf_record()) since its approval and since the issuing of its current
 * number and date. Empty when its number or date changed after it was signed. */
GStrv      plan_sign_pdf_dup_signed_digests (PlanDocument          *document);

G_END_DECLS
