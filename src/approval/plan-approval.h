/* plan-approval.h: approving a plan with a signature, verifying it on every load, and the one
 * rule that decides whether output gets the "DỰ THẢO" watermark.
 *
 * What is signed: a versioned statement holding the approver's name and title, the time, the
 * public key, and the id, label and SHA-256 digest of every printed part of the plan
 * (plan-canonical.h). The signature, public key, key id, approver, time and the part digests
 * are stored in the plan's review data; the status field alone proves nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-document.h"
#include "plan-signing-key.h"
#include "plan-trust-store.h"

G_BEGIN_DECLS

typedef enum {
  PLAN_APPROVAL_NONE,           /* not approved: draft, submitted or returned */
  PLAN_APPROVAL_VALID,          /* signature valid, key trusted, content unchanged */
  PLAN_APPROVAL_CHANGED,        /* signature valid but the plan changed since (void) */
  PLAN_APPROVAL_UNTRUSTED_KEY,  /* signature valid but by a key the user does not trust */
  PLAN_APPROVAL_BAD_SIGNATURE,  /* marked approved, but the signature is missing, damaged or
                                   does not match what it claims to sign */
} PlanApprovalState;

GType plan_approval_state_get_type (void) G_GNUC_CONST;
#define PLAN_TYPE_APPROVAL_STATE (plan_approval_state_get_type ())

#define PLAN_TYPE_APPROVAL_RESULT (plan_approval_result_get_type ())
G_DECLARE_FINAL_TYPE (PlanApprovalResult, plan_approval_result, PLAN, APPROVAL_RESULT, GObject)

PlanApprovalState  plan_approval_result_get_state     (PlanApprovalResult *self);
/* The approver as recorded in the plan ("" when none). For UNTRUSTED_KEY and BAD_SIGNATURE
 * this is only what the file claims. */
const char        *plan_approval_result_get_name      (PlanApprovalResult *self);
const char        *plan_approval_result_get_title     (PlanApprovalResult *self);
gint64             plan_approval_result_get_time      (PlanApprovalResult *self);
const char        *plan_approval_result_get_key_id    (PlanApprovalResult *self);
/* For CHANGED: the names of the parts that differ from what was approved, translated
 * ("General information", "II. NỘI DUNG", "Phụ lục I: … (removed)"), in plan order.
 * NULL-terminated, never NULL (empty for the other states). */
const char * const *plan_approval_result_get_changed_parts (PlanApprovalResult *self);
/* One plain sentence, translated:
 *   NONE           "Not approved yet" / "Submitted for review" / "Returned for changes"
 *   VALID          "Approved by Nguyễn Văn A (Hiệu trưởng) on 15/02/2022 at 09:30"
 *   CHANGED        "Approval void: the plan was changed after approval"
 *   UNTRUSTED_KEY  "Approval not verified: the approver’s key (1a2b 3c4d …) is not among your
 *                   trusted approvers"
 *   BAD_SIGNATURE  "Approval not verified: the signature is missing or broken" (or a more
 *                   specific reason) */
const char        *plan_approval_result_describe      (PlanApprovalResult *self);
/* TRUE only for VALID. */
gboolean           plan_approval_result_is_approved   (PlanApprovalResult *self);

/* Signs the plan's current content with @key and records the approval (status Approved,
 * signature, key, approver @name and @title, time, part digests) and its history event, as
 * one undo step. The plan must be Submitted (PLAN_WORKFLOW_ERROR_INVALID_TRANSITION
 * otherwise). @note may be NULL. */
gboolean           plan_approval_approve              (PlanDocument       *document,
                                                       PlanSigningKey     *key,
                                                       const char         *name,
                                                       const char         *title,
                                                       const char         *note,
                                                       GError            **error);

/* Checks the approval stored in @document against its current content and @trust.
 * Never fails; the result says what is wrong. Cheap enough to call on every change. */
PlanApprovalResult *plan_approval_verify              (PlanDocument       *document,
                                                       PlanTrustStore     *trust);

/* THE output rule: TRUE when printed or exported output must carry the "DỰ THẢO" watermark,
 * i.e. unless the plan's approval verifies as VALID. Every printing and exporting path calls
 * this (GUI print and export, command line). */
gboolean           plan_approval_needs_watermark      (PlanDocument       *document,
                                                       PlanTrustStore     *trust);

G_END_DECLS
