/* plan-pdf-update.h: adds a digital signature to a PDF as an incremental update
 *
 * The bytes of the PDF are kept as they are and a new revision is appended: the signature
 * dictionary (/Type /Sig, /SubFilter /ETSI.CAdES.detached, /ByteRange and /Contents), its
 * field and widget annotation (with an appearance stream drawing @appearance, when given),
 * the page with the widget added to its /Annots, the catalog's /AcroForm with the field added
 * and /SigFlags 3, a cross-reference section and a trailer pointing back with /Prev. Earlier
 * signatures cover earlier revisions byte for byte and stay valid.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "plan-signer-credentials.h"

G_BEGIN_DECLS

typedef struct {
  guint            page;           /* 0-based page of the widget */
  double           rect[4];        /* x1 y1 x2 y2 in PDF user space (points, from bottom left) */
  cairo_surface_t *appearance;     /* an ARGB32 image surface that fills rect, or NULL */
  const char      *name;           /* /Name: the signer's or agency's name */
  const char      *reason;         /* /Reason */
  GDateTime       *time;           /* /M, the signing time (kept in its time zone) */
} PlanPdfSignatureRequest;

/* The signed PDF: @pdf followed by the new revision. */
GBytes *plan_pdf_add_signature (GBytes                        *pdf,
                                const PlanPdfSignatureRequest *request,
                                PlanSignerCredentials         *credentials,
                                GError                       **error);

/* "D:20261205133149+07'00'" */
char   *plan_pdf_format_date   (GDateTime                     *time);

G_END_DECLS
