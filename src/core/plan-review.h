/* plan-review.h: the review state of a plan: status, comments, history and approval.
 * Stored in the file but never printed and never part of the approved content.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-node.h"
#include "plan-approved-part.h"

G_BEGIN_DECLS

#define PLAN_TYPE_REVIEW (plan_review_get_type ())
G_DECLARE_FINAL_TYPE (PlanReview, plan_review, PLAN, REVIEW, PlanNode)

/* Properties:
 *  "status"             PlanStatus as recorded in the file (NOT proof of approval: only a
 *                       verified signature is)
 *  "approval-name", "approval-title"  the approver
 *  "approval-key-id"    string, identifies the public key
 *  "approval-signature" string, base64 signature over the canonical content
 *  "approval-time"      gint64, Unix seconds UTC (0 = none)
 *  "approval-public-key" string, base64 Ed25519 public key that made the signature
 * Lists: comments (PlanComment), history (PlanEvent), approved-parts (PlanApprovedPart: the
 * digests of the printed parts as approved, so that later changes can be named).
 * Read and check the approval only through plan_approval_verify() (src/approval). */
PlanReview   *plan_review_new                    (void);
PlanStatus    plan_review_get_status             (PlanReview *self);
GListModel   *plan_review_get_comments           (PlanReview *self);
GListModel   *plan_review_get_history            (PlanReview *self);
const char   *plan_review_get_approval_name      (PlanReview *self);
const char   *plan_review_get_approval_title     (PlanReview *self);
const char   *plan_review_get_approval_key_id    (PlanReview *self);
const char   *plan_review_get_approval_signature (PlanReview *self);
gint64        plan_review_get_approval_time      (PlanReview *self);
const char   *plan_review_get_approval_public_key (PlanReview *self);
GListModel   *plan_review_get_approved_parts     (PlanReview *self);

G_END_DECLS
