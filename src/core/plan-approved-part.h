/* plan-approved-part.h: the fingerprint of one printed part of a plan at the time it was
 * approved, so that a later change can be named ("Section II changed")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-node.h"

G_BEGIN_DECLS

#define PLAN_TYPE_APPROVED_PART (plan_approved_part_get_type ())
G_DECLARE_FINAL_TYPE (PlanApprovedPart, plan_approved_part, PLAN, APPROVED_PART, PlanNode)

/* Properties (all strings, part of the signed approval; see plan-canonical.h):
 *  "id"      which part: "header", "preamble", "numbering", "body/2", "closing", "layout",
 *            "appendix/0"
 *  "label"   the part's printed heading when it has one ("II. NỘI DUNG", "Phụ lục I: …"),
 *            used to name a part that has since been removed; "" for the fixed parts
 *  "digest"  lowercase hex SHA-256 of the part's canonical bytes */
PlanApprovedPart *plan_approved_part_new        (const char       *id,
                                                 const char       *label,
                                                 const char       *digest);
const char       *plan_approved_part_get_id     (PlanApprovedPart *self);
const char       *plan_approved_part_get_label  (PlanApprovedPart *self);
const char       *plan_approved_part_get_digest (PlanApprovedPart *self);

G_END_DECLS
