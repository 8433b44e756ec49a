/* plan-approval.c: signing a plan's content, verifying it, and the watermark rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "plan-approval.h"
#include "plan-approval-result-private.h"
#include "plan-canonical.h"
#include "plan-nfc.h"
#include "plan-workflow.h"

/* The statement that is signed. Versioned, so that a future format can never be mistaken for
 * this one; every value is length-prefixed so that no field can bleed into the next. */
#define STATEMENT_MAGIC "kehoach-approval/1\n"

typedef struct {
  const char *id;
  const char *label;
  const char *digest;
} Part;

static void
append_field (GString    *out,
              const char *name,
              const char *value)
{
  g_string_append_printf (out, "%s %" G_GSIZE_FORMAT "\n", name, strlen (value));
  g_string_append (out, value);
  g_string_append_c (out, '\n');
}

static GBytes *
build_statement (const char *name,
                 const char *title,
                 gint64      time,
                 const char *public_key,
                 const char *key_id,
                 const Part *parts,
                 guint       n_parts)
{
  GString *out = g_string_new (STATEMENT_MAGIC);

  append_field (out, "name", name);
  append_field (out, "title", title);
  g_string_append_printf (out, "time %" G_GINT64_FORMAT "\n", time);
  append_field (out, "public-key", public_key);
  append_field (out, "key-id", key_id);
  g_string_append_printf (out, "parts %u\n", n_parts);
  for (guint i = 0; i < n_parts; i++)
    {
      append_field (out, "id", parts[i].id);
      append_field (out, "label", parts[i].label);
      append_field (out, "digest", parts[i].digest);
    }

  return g_string_free_to_bytes (out);
}

static char *
normalize (const char *text)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  return g_strstrip (plan_utf8_nfc (text));
}

gboolean
plan_approval_approve (PlanDocument    *document,
                       PlanSigningKey  *key,
                       const char      *name,
                       const char      *title,
                       const char      *note,
                       GError         **error)
{
  PlanReview *review;
  GListModel *approved_parts;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GBytes) statement = NULL;
  g_autofree Part *signed_parts = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *nfc_name = normalize (name);
  g_autofree char *nfc_title = normalize (title);
  g_autofree char *nfc_note = normalize (note);
  PlanStatus status;
  gint64 now;

  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (PLAN_IS_SIGNING_KEY (key), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  review = plan_document_get_review (document);
  status = plan_review_get_status (review);
  if (!plan_workflow_can_transition (status, PLAN_STATUS_APPROVED))
    {
      g_set_error (error, PLAN_WORKFLOW_ERROR, PLAN_WORKFLOW_ERROR_INVALID_TRANSITION,
                   /* Translators: %s is a status name, e.g. "Draft" */
                   _("Only a plan submitted for review can be approved; this one is “%s”"),
                   plan_workflow_status_name (status));
      return FALSE;
    }

  if (nfc_name[0] == '\0')
    {
      g_set_error_literal (error, PLAN_APPROVAL_ERROR, PLAN_APPROVAL_ERROR_NO_NAME,
                           _("Enter your name in Preferences before approving"));
      return FALSE;
    }

  now = g_get_real_time () / G_USEC_PER_SEC;
  parts = plan_canonical_parts (document);
  signed_parts = g_new0 (Part, parts->len);
  for (guint i = 0; i < parts->len; i++)
    {
      PlanCanonicalPart *part = g_ptr_array_index (parts, i);

      signed_parts[i] = (Part) { part->id, part->label, part->digest };
    }

  statement = build_statement (nfc_name, nfc_title, now, plan_signing_key_get_public_key (key),
                               plan_signing_key_get_key_id (key), signed_parts, parts->len);
  signature = plan_signing_key_sign (key, statement);

  approved_parts = plan_review_get_approved_parts (review);
  plan_document_begin_group (document);
  while (g_list_model_get_n_items (approved_parts) > 0)
    plan_document_remove (document, approved_parts, 0);
  for (guint i = 0; i < parts->len; i++)
    {
      g_autoptr(PlanApprovedPart) stored = plan_approved_part_new (signed_parts[i].id,
                                                                   signed_parts[i].label,
                                                                   signed_parts[i].digest);

      plan_document_insert (document, approved_parts, i, stored);
    }
  plan_document_set (document, review,
                     "approval-name", nfc_name,
                     "approval-title", nfc_title,
                     "approval-key-id", plan_signing_key_get_key_id (key),
                     "approval-public-key", plan_signing_key_get_public_key (key),
                     "approval-signature", signature,
                     "approval-time", now,
                     "status", PLAN_STATUS_APPROVED,
                     NULL);
  plan_workflow_append_event (document, PLAN_STATUS_APPROVED, nfc_name, nfc_title,
                              PLAN_ROLE_APPROVER, now, nfc_note);
  plan_document_end_group (document);

  return TRUE;
}

/* ---- Verifying ---------------------------------------------------------------------------- */

static char *
describe_approved (const char *name,
                   const char *title,
                   gint64      time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  g_autofree char *date = NULL;
  g_autofree char *clock = NULL;

  if (local == NULL)
    {
      if (title[0] != '\0')
        /* Translators: "Approved by Nguyễn Văn A, Hiệu trưởng" (no date known) */
        return g_strdup_printf (_("Approved by %s, %s"), name, title);
      /* Translators: "Approved by Nguyễn Văn A" (no date known) */
      return g_strdup_printf (_("Approved by %s"), name);
    }

  /* Translators: date format of an approval (strftime), e.g. 15/02/2022 */
  date = g_date_time_format (local, _("%d/%m/%Y"));
  /* Translators: time format of an approval (strftime), e.g. 09:30 */
  clock = g_date_time_format (local, _("%H:%M"));

  if (title[0] != '\0')
    /* Translators: "Approved by Nguyễn Văn A, Hiệu trưởng, on 15/02/2022 at 09:30" */
    return g_strdup_printf (_("Approved by %s, %s, on %s at %s"), name, title, date, clock);
  /* Translators: "Approved by Nguyễn Văn A on 15/02/2022 at 09:30" */
  return g_strdup_printf (_("Approved by %s on %s at %s"), name, date, clock);
}

static PlanApprovalResult *
result_not_approved (PlanStatus status)
{
  const char *text;

  switch (status)
    {
    case PLAN_STATUS_SUBMITTED:
      /* Translators: the approval state of a plan, shown in the window and by --verify */
      text = _("Not approved: submitted for review");
      break;
    case PLAN_STATUS_RETURNED:
      /* Translators: the approval state of a plan, shown in the window and by --verify */
      text = _("Not approved: returned for changes");
      break;
    case PLAN_STATUS_DRAFT:
    default:
      /* Translators: the approval state of a plan, shown in the window and by --verify */
      text = _("Not approved: draft");
      break;
    }

  return _plan_approval_result_new (PLAN_APPROVAL_NONE, NULL, NULL, 0, NULL, NULL,
                                    g_strdup (text));
}

static PlanApprovalResult *
result_for (PlanReview        *review,
            PlanApprovalState  state,
            GStrv              changed_parts,
            char              *description)
{
  return _plan_approval_result_new (state,
                                    plan_review_get_approval_name (review),
                                    plan_review_get_approval_title (review),
                                    plan_review_get_approval_time (review),
                                    plan_review_get_approval_key_id (review),
                                    changed_parts, description);
}

/* The parts that differ from the approved ones, in plan order, then those removed since. */
static GStrv
find_changed_parts (PlanDocument *document,
                    GListModel   *approved)
{
  g_autoptr(GPtrArray) current = plan_canonical_parts (document);
  g_autoptr(GHashTable) approved_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) current_ids = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *names = g_ptr_array_new ();
  guint n_approved = g_list_model_get_n_items (approved);
  g_autoptr(GPtrArray) approved_parts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_approved; i++)
    {
      PlanApprovedPart *part = g_list_model_get_item (approved, i);

      g_ptr_array_add (approved_parts, part);
      g_hash_table_insert (approved_by_id, (gpointer) plan_approved_part_get_id (part), part);
    }

  for (guint i = 0; i < current->len; i++)
    {
      PlanCanonicalPart *part = g_ptr_array_index (current, i);
      PlanApprovedPart *then = g_hash_table_lookup (approved_by_id, part->id);

      g_hash_table_add (current_ids, part->id);
      /* An approval made before the number and date were left out signed the legacy form. */
      if (then == NULL ||
          (!g_str_equal (plan_approved_part_get_digest (then), part->digest) &&
           (part->legacy_digest == NULL ||
            !g_str_equal (plan_approved_part_get_digest (then), part->legacy_digest))))
        g_ptr_array_add (names, plan_canonical_describe_part (part->id, part->label));
    }

  for (guint i = 0; i < approved_parts->len; i++)
    {
      PlanApprovedPart *then = g_ptr_array_index (approved_parts, i);
      g_autofree char *name = NULL;

      if (g_hash_table_contains (current_ids, plan_approved_part_get_id (then)))
        continue;

      name = plan_canonical_describe_part (plan_approved_part_get_id (then),
                                           plan_approved_part_get_label (then));
      /* Translators: a part of the plan that was deleted after approval, in the list of
       * changed parts; %s is its name */
      g_ptr_array_add (names, g_strdup_printf (_("%s (removed)"), name));
    }

  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (names, FALSE);
}

PlanApprovalResult *
plan_approval_verify (PlanDocument   *document,
                      PlanTrustStore *trust)
{
  PlanReview *review;
  GListModel *approved;
  const char *public_key;
  const char *signature;
  const char *key_id;
  g_autofree char *computed_key_id = NULL;
  g_autofree Part *parts = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GBytes) statement = NULL;
  g_auto(GStrv) changed = NULL;
  guint n_parts;

  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (trust == NULL || PLAN_IS_TRUST_STORE (trust), NULL);

  review = plan_document_get_review (document);
  if (plan_review_get_status (review) != PLAN_STATUS_APPROVED)
    return result_not_approved (plan_review_get_status (review));

  public_key = plan_review_get_approval_public_key (review);
  signature = plan_review_get_approval_signature (review);
  key_id = plan_review_get_approval_key_id (review);
  approved = plan_review_get_approved_parts (review);
  n_parts = g_list_model_get_n_items (approved);

  /* From here on the file claims an approval; only a signature can back the claim. */
  if (signature[0] != '\0' && (public_key[0] == '\0' || n_parts == 0))
    return result_for (review, PLAN_APPROVAL_BAD_SIGNATURE, NULL,
                       g_strdup (_("Approval not verified: the approval lacks the approver’s "
                                   "public key or what it signed, so it cannot be checked")));
  if (signature[0] == '\0' || public_key[0] == '\0' || n_parts == 0)
    return result_for (review, PLAN_APPROVAL_BAD_SIGNATURE, NULL,
                       g_strdup (_("Approval not verified: the plan is marked approved but "
                                   "carries no signature")));

  computed_key_id = plan_key_id_from_public_key (public_key);
  if (computed_key_id == NULL || !g_str_equal (computed_key_id, key_id))
    return result_for (review, PLAN_APPROVAL_BAD_SIGNATURE, NULL,
                       g_strdup (_("Approval not verified: the approver’s key recorded in the "
                                   "plan is damaged")));

  items = g_ptr_array_new_with_free_func (g_object_unref);
  parts = g_new0 (Part, n_parts);
  for (guint i = 0; i < n_parts; i++)
    {
      PlanApprovedPart *part = g_list_model_get_item (approved, i);

      g_ptr_array_add (items, part);
      parts[i] = (Part) { plan_approved_part_get_id (part), plan_approved_part_get_label (part),
                          plan_approved_part_get_digest (part) };
    }

  statement = build_statement (plan_review_get_approval_name (review),
                               plan_review_get_approval_title (review),
                               plan_review_get_approval_time (review),
                               public_key, key_id, parts, n_parts);
  if (!plan_signature_verify (public_key, statement, signature))
    return result_for (review, PLAN_APPROVAL_BAD_SIGNATURE, NULL,
                       g_strdup (_("Approval not verified: the signature does not match the "
                                   "approval recorded in the plan")));

  /* The approval itself is genuine; the content may have moved on since. */
  changed = find_changed_parts (document, approved);
  if (changed[0] != NULL)
    return result_for (review, PLAN_APPROVAL_CHANGED, g_steal_pointer (&changed),
                       g_strdup (_("Approval void: the plan was changed after approval")));

  if (trust == NULL || plan_trust_store_lookup (trust, public_key) == NULL)
    {
      g_autofree char *formatted = plan_key_id_format (key_id);

      return result_for (review, PLAN_APPROVAL_UNTRUSTED_KEY, NULL,
                         /* Translators: %s is a key id like "1a2b 3c4d 5e6f 7a8b" */
                         g_strdup_printf (_("Approval not verified: the approver’s key (%s) is "
                                            "not among your trusted approvers"), formatted));
    }

  return result_for (review, PLAN_APPROVAL_VALID, NULL,
                     describe_approved (plan_review_get_approval_name (review),
                                        plan_review_get_approval_title (review),
                                        plan_review_get_approval_time (review)));
}

gboolean
plan_approval_needs_watermark (PlanDocument   *document,
                               PlanTrustStore *trust)
{
  g_autoptr(PlanApprovalResult) result = NULL;

  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), TRUE);

  result = plan_approval_verify (document, trust);
  return !plan_approval_result_is_approved (result);
}
