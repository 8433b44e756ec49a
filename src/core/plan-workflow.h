/* plan-workflow.h: the review workflow of a plan: Draft → Submitted → Returned / Approved,
 * and Approved → Draft when the approval is withdrawn.
 *
 * Every transition changes the status and appends a PlanEvent (who, role, title, when, what,
 * note) to the history through the document's undo-aware API, as one undo step. Reaching
 * Approved needs a signature: only plan_approval_approve() (src/approval) does that.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-document.h"

G_BEGIN_DECLS

#define PLAN_WORKFLOW_ERROR (plan_workflow_error_quark ())

typedef enum {
  PLAN_WORKFLOW_ERROR_INVALID_TRANSITION,  /* e.g. returning a plan that was never submitted */
  PLAN_WORKFLOW_ERROR_NOTE_REQUIRED,       /* returning a plan without saying why */
  PLAN_WORKFLOW_ERROR_NEEDS_SIGNATURE,     /* approving without plan_approval_approve() */
} PlanWorkflowError;

GQuark       plan_workflow_error_quark     (void);

/* Whether the workflow allows going from @from to @to:
 *   Draft → Submitted; Submitted → Returned, Approved, Draft (the drafter takes it back);
 *   Returned → Submitted, Draft; Approved → Draft (withdrawal). */
gboolean     plan_workflow_can_transition  (PlanStatus    from,
                                            PlanStatus    to);

/* Moves @document to @to and records the event. @actor and @actor_title say who did it
 * (from Preferences), @role in which role. @note may be NULL or empty except for a return.
 * Refuses Approved (PLAN_WORKFLOW_ERROR_NEEDS_SIGNATURE). Moving away from Approved clears
 * the stored approval (signature, key, approver, parts). */
gboolean     plan_workflow_transition      (PlanDocument *document,
                                            PlanStatus    to,
                                            const char   *actor,
                                            const char   *actor_title,
                                            PlanRole      role,
                                            const char   *note,
                                            GError      **error);

/* Shorthands for plan_workflow_transition(). */
gboolean     plan_workflow_submit          (PlanDocument *document,
                                            const char   *actor,
                                            const char   *actor_title,
                                            const char   *note,
                                            GError      **error);
/* @note is required: what has to change. */
gboolean     plan_workflow_return          (PlanDocument *document,
                                            const char   *actor,
                                            const char   *actor_title,
                                            const char   *note,
                                            GError      **error);
/* Approved → Draft, before an approved plan is edited (after the user confirmed). */
gboolean     plan_workflow_withdraw_approval (PlanDocument *document,
                                              const char   *actor,
                                              const char   *actor_title,
                                              PlanRole      role,
                                              const char   *note,
                                              GError      **error);

/* For plan_approval_approve(): appends the event of a transition that the caller has made
 * itself (inside its own undo group). @time is Unix seconds UTC. */
void         plan_workflow_append_event    (PlanDocument *document,
                                            PlanStatus    action,
                                            const char   *actor,
                                            const char   *actor_title,
                                            PlanRole      role,
                                            gint64        time,
                                            const char   *note);

/* Records, in one undo step, a step of issuing an approved plan that does not change its
 * status: the number and date the clerk filled in (plan_workflow_record_issuing(), whose note
 * is the number and date as printed: "Số: 25/KH-THCS, ngày 05 tháng 12 năm 2026"), or a
 * digital signature of its PDF (plan_workflow_record(), with the note given). The event's
 * action is Approved, shown as "Issued". @time is Unix seconds UTC. The plan must be
 * Approved. */
/* The note of the issuing: "Số: 25/KH-THCS, ngày 05 tháng 12 năm 2026" */
char        *plan_workflow_dup_issuing_note (PlanDocument *document);
/* Whether the latest issuing recorded since the approval has the current number and date */
gboolean     plan_workflow_issuing_recorded (PlanDocument *document);
void         plan_workflow_record_issuing  (PlanDocument *document,
                                            const char   *actor,
                                            const char   *actor_title,
                                            PlanRole      role,
                                            gint64        time);
void         plan_workflow_record          (PlanDocument *document,
                                            const char   *actor,
                                            const char   *actor_title,
                                            PlanRole      role,
                                            gint64        time,
                                            const char   *note);

/* The status in plain words for the UI ("Draft", "Submitted for review", "Returned for
 * changes", "Approved"), translated. NOTE: a status of Approved in the file is only a claim;
 * show plan_approval_verify()'s result instead of this for an approved plan. */
const char  *plan_workflow_status_name     (PlanStatus    status);
/* What the event did, for a timeline: "Submitted for review", "Returned for changes",
 * "Approved", "Issued" (Approved after Approved), "Approval withdrawn" (Draft after Approved),
 * "Moved back to draft". @previous is
 * the status before the event (Draft for the first one). Translated. */
const char  *plan_workflow_action_name     (PlanStatus    action,
                                            PlanStatus    previous);

G_END_DECLS
