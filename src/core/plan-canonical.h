/* plan-canonical.h: the canonical byte form of everything a plan prints, and its parts.
 *
 * An approval signs this form. It covers the header, markings, preamble, body tree, closing,
 * signer, recipients, appendices with their tables and the page layout; it leaves out the
 * review data (status, comments, history, the approval itself), the number and the issuing
 * date (filled in by the clerk after the approval, Decree 30 Điều 15.2) and the "draft-watermark"
 * flag (the output rule decides the watermark, see plan-approval.h). It depends only on the
 * model's values: the same plan gives the same bytes whatever the JSON member order, and
 * after any number of saves and loads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-document.h"

G_BEGIN_DECLS

/* One part of the printed plan: the unit in which changes after an approval are reported. */
typedef struct {
  char *id;      /* "header", "preamble", "numbering", "body/<i>", "closing", "layout",
                    "appendix/<i>" — in this order, the same order as in the form */
  char *label;   /* printed heading of a body item or appendix ("II. NỘI DUNG",
                    "Phụ lục I: Kế hoạch chi tiết"), "" for the fixed parts */
  char *digest;  /* lowercase hex SHA-256 of the part's canonical bytes */
  char *legacy_digest; /* the digest version 1 of the form gave this part (number and date
                          included), for approvals made before; NULL for the parts it wrote alike */
} PlanCanonicalPart;

void       plan_canonical_part_free   (PlanCanonicalPart *part);

/* The whole canonical form: every part, in order, each preceded by its id. */
GBytes    *plan_canonical_form        (PlanDocument *document);
/* The parts of @document in order; a GPtrArray of PlanCanonicalPart that frees them. */
GPtrArray *plan_canonical_parts       (PlanDocument *document);
/* Lowercase hex SHA-256 of plan_canonical_form(). */
char      *plan_canonical_digest      (PlanDocument *document);

/* Whether the document property @name is one the clerk fills in when issuing (the number and
 * the date): those are left out of the approval. */
gboolean   plan_canonical_is_issuing_property (const char *name);

/* The name of a part for people, translated: "General information", "Preamble",
 * "Numbering and end mark", "Recipients and signer", "Page layout"; a body item or appendix
 * is named by @label, or "Body item 3" / "Appendix 2" when it has none. */
char      *plan_canonical_describe_part (const char *id,
                                         const char *label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlanCanonicalPart, plan_canonical_part_free)

G_END_DECLS
