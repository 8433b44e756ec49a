/* plan-workflow.c: status transitions of the review workflow, each recorded in the history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "plan-format.h"
#include "plan-workflow.h"

G_DEFINE_QUARK (plan-workflow-error-quark, plan_workflow_error)

gboolean
plan_workflow_can_transition (PlanStatus from,
                              PlanStatus to)
{
  switch (from)
    {
    case PLAN_STATUS_DRAFT:
      return to == PLAN_STATUS_SUBMITTED;
    case PLAN_STATUS_SUBMITTED:
      return to == PLAN_STATUS_RETURNED || to == PLAN_STATUS_APPROVED || to == PLAN_STATUS_DRAFT;
    case PLAN_STATUS_RETURNED:
      return to == PLAN_STATUS_SUBMITTED || to == PLAN_STATUS_DRAFT;
    case PLAN_STATUS_APPROVED:
      return to == PLAN_STATUS_DRAFT;
    default:
      return FALSE;
    }
}

void
plan_workflow_append_event (PlanDocument *document,
                            PlanStatus    action,
                            const char   *actor,
                            const char   *actor_title,
                            PlanRole      role,
                            gint64        time,
                            const char   *note)
{
  g_autoptr(PlanEvent) event = NULL;
  GListModel *history;

  g_return_if_fail (PLAN_IS_DOCUMENT (document));

  history = plan_review_get_history (plan_document_get_review (document));
  event = plan_event_new (actor != NULL ? actor : "", actor_title != NULL ? actor_title : "",
                          role, time, action, note != NULL ? note : "");
  plan_document_insert (document, history, g_list_model_get_n_items (history), event);
}

char *
plan_workflow_dup_issuing_note (PlanDocument *document)
{
  g_autofree char *symbol = NULL;
  g_autofree char *date = NULL;
  guint year, month, day;

  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), NULL);

  symbol = plan_document_dup_symbol (document);
  plan_document_get_date (document, &year, &month, &day);
  date = plan_format_date (year, month, day);
  /* The number and date as they print, in the document's language */
  return g_strdup_printf ("Số: %s, %s", symbol, date);
}

gboolean
plan_workflow_issuing_recorded (PlanDocument *document)
{
  GListModel *history;
  g_autofree char *note = NULL;
  guint n;

  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), FALSE);

  history = plan_review_get_history (plan_document_get_review (document));
  note = plan_workflow_dup_issuing_note (document);
  n = g_list_model_get_n_items (history);

  /* The events since the approval (the issuing steps keep the status Approved) */
  for (guint i = n; i > 1; i--)
    {
      g_autoptr(PlanEvent) event = g_list_model_get_item (history, i - 1);
      g_autoptr(PlanEvent) before = g_list_model_get_item (history, i - 2);

      if (plan_event_get_action (event) != PLAN_STATUS_APPROVED ||
          plan_event_get_action (before) != PLAN_STATUS_APPROVED)
        return FALSE;
      if (g_str_has_prefix (plan_event_get_note (event), "Số: "))
        return g_str_equal (plan_event_get_note (event), note);
    }

  return FALSE;
}

void
plan_workflow_record_issuing (PlanDocument *document,
                              const char   *actor,
                              const char   *actor_title,
                              PlanRole      role,
                              gint64        time)
{
  g_autofree char *note = NULL;

  g_return_if_fail (PLAN_IS_DOCUMENT (document));

  note = plan_workflow_dup_issuing_note (document);
  plan_workflow_record (document, actor, actor_title, role, time, note);
}

void
plan_workflow_record (PlanDocument *document,
                      const char   *actor,
                      const char   *actor_title,
                      PlanRole      role,
                      gint64        time,
                      const char   *note)
{
  g_return_if_fail (PLAN_IS_DOCUMENT (document));
  g_return_if_fail (plan_review_get_status (plan_document_get_review (document)) ==
                    PLAN_STATUS_APPROVED);

  plan_document_begin_group (document);
  plan_workflow_append_event (document, PLAN_STATUS_APPROVED, actor, actor_title, role, time,
                              note);
  plan_document_end_group (document);
}

/* An approval belongs to the content it signed: once the plan leaves Approved it is gone. */
static void
clear_approval (PlanDocument *document)
{
  PlanReview *review = plan_document_get_review (document);
  GListModel *parts = plan_review_get_approved_parts (review);

  plan_document_set (document, review,
                     "approval-name", "",
                     "approval-title", "",
                     "approval-key-id", "",
                     "approval-signature", "",
                     "approval-public-key", "",
                     "approval-time", (gint64) 0,
                     NULL);
  while (g_list_model_get_n_items (parts) > 0)
    plan_document_remove (document, parts, g_list_model_get_n_items (parts) - 1);
}

gboolean
plan_workflow_transition (PlanDocument *document,
                          PlanStatus    to,
                          const char   *actor,
                          const char   *actor_title,
                          PlanRole      role,
                          const char   *note,
                          GError      **error)
{
  PlanReview *review;
  PlanStatus from;
  g_autofree char *trimmed_note = NULL;

  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  review = plan_document_get_review (document);
  from = plan_review_get_status (review);
  trimmed_note = g_strstrip (g_strdup (note != NULL ? note : ""));

  if (to == PLAN_STATUS_APPROVED)
    {
      g_set_error_literal (error, PLAN_WORKFLOW_ERROR, PLAN_WORKFLOW_ERROR_NEEDS_SIGNATURE,
                           _("A plan can only be approved with the approver’s signature"));
      return FALSE;
    }

  if (!plan_workflow_can_transition (from, to))
    {
      g_set_error (error, PLAN_WORKFLOW_ERROR, PLAN_WORKFLOW_ERROR_INVALID_TRANSITION,
                   /* Translators: e.g. "A plan that is “Draft” cannot become “Returned for
                    * changes”"; both are status names */
                   _("A plan that is “%s” cannot become “%s”"),
                   plan_workflow_status_name (from), plan_workflow_status_name (to));
      return FALSE;
    }

  if (to == PLAN_STATUS_RETURNED && trimmed_note[0] == '\0')
    {
      g_set_error_literal (error, PLAN_WORKFLOW_ERROR, PLAN_WORKFLOW_ERROR_NOTE_REQUIRED,
                           _("Say what has to change before returning the plan"));
      return FALSE;
    }

  plan_document_begin_group (document);
  if (from == PLAN_STATUS_APPROVED)
    clear_approval (document);
  plan_document_set (document, review, "status", to, NULL);
  plan_workflow_append_event (document, to, actor, actor_title, role,
                              g_get_real_time () / G_USEC_PER_SEC, trimmed_note);
  plan_document_end_group (document);

  return TRUE;
}

gboolean
plan_workflow_submit (PlanDocument *document,
                      const char   *actor,
                      const char   *actor_title,
                      const char   *note,
                      GError      **error)
{
  return plan_workflow_transition (document, PLAN_STATUS_SUBMITTED, actor, actor_title,
                                   PLAN_ROLE_DRAFTER, note, error);
}

gboolean
plan_workflow_return (PlanDocument *document,
                      const char   *actor,
                      const char   *actor_title,
                      const char   *note,
                      GError      **error)
{
  return plan_workflow_transition (document, PLAN_STATUS_RETURNED, actor, actor_title,
                                   PLAN_ROLE_APPROVER, note, error);
}

gboolean
plan_workflow_withdraw_approval (PlanDocument *document,
                                 const char   *actor,
                                 const char   *actor_title,
                                 PlanRole      role,
                                 const char   *note,
                                 GError      **error)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), FALSE);

  if (plan_review_get_status (plan_document_get_review (document)) != PLAN_STATUS_APPROVED)
    {
      g_set_error_literal (error, PLAN_WORKFLOW_ERROR, PLAN_WORKFLOW_ERROR_INVALID_TRANSITION,
                           _("The plan is not approved"));
      return FALSE;
    }

  return plan_workflow_transition (document, PLAN_STATUS_DRAFT, actor, actor_title, role,
                                   note, error);
}

const char *
plan_workflow_status_name (PlanStatus status)
{
  switch (status)
    {
    case PLAN_STATUS_DRAFT:
      /* Translators: status of a plan */
      return _("Draft");
    case PLAN_STATUS_SUBMITTED:
      /* Translators: status of a plan */
      return _("Submitted for review");
    case PLAN_STATUS_RETURNED:
      /* Translators: status of a plan */
      return _("Returned for changes");
    case PLAN_STATUS_APPROVED:
      /* Translators: status of a plan */
      return _("Approved");
    default:
      return "";
    }
}

const char *
plan_workflow_action_name (PlanStatus action,
                           PlanStatus previous)
{
  switch (action)
    {
    case PLAN_STATUS_DRAFT:
      if (previous == PLAN_STATUS_APPROVED)
        /* Translators: an event in the plan's history */
        return _("Approval withdrawn");
      if (previous == PLAN_STATUS_SUBMITTED)
        /* Translators: an event in the plan's history: the drafter took a submitted plan back */
        return _("Taken back for editing");
      /* Translators: an event in the plan's history */
      return _("Moved back to draft");
    case PLAN_STATUS_SUBMITTED:
      if (previous == PLAN_STATUS_RETURNED)
        /* Translators: an event in the plan's history */
        return _("Submitted again for review");
      /* Translators: an event in the plan's history */
      return _("Submitted for review");
    case PLAN_STATUS_RETURNED:
      /* Translators: an event in the plan's history */
      return _("Returned for changes");
    case PLAN_STATUS_APPROVED:
      if (previous == PLAN_STATUS_APPROVED)
        /* Translators: an event in the plan's history: the approved plan was numbered and
         * dated, or its PDF digitally signed, by the clerk or the signer (Vietnamese: "Ban
         * hành") */
        return _("Issued");
      /* Translators: an event in the plan's history */
      return _("Approved");
    default:
      return "";
    }
}
