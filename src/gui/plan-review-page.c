/* plan-review-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "plan-review-page.h"
#include "plan-sign-pdf.h"
#include "plan-workflow.h"

struct _PlanReviewPage
{
  GtkWidget     parent_instance;

  PlanDocument *document;

  /* Template widgets */
  GtkWidget    *scroller;
  GtkLabel     *next_step_label;
  GtkWidget    *submit_button;
  GtkWidget    *return_button;
  GtkWidget    *approve_button;
  GtkWidget    *withdraw_button;
  GtkWidget    *sign_button;
  GtkWidget    *agency_button;
  GtkWidget    *appendix_group;
  GtkStack     *history_stack;
  GtkListBox   *history_list;
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (PlanReviewPage, plan_review_page, GTK_TYPE_WIDGET)

static const char *
role_name (PlanRole role)
{
  /* Translators: a person's role in the review of a plan */
  return role == PLAN_ROLE_APPROVER ? _("Approver") : _("Drafter");
}

static const char *
action_icon (PlanStatus action,
             PlanStatus previous)
{
  switch (action)
    {
    case PLAN_STATUS_SUBMITTED:
      return "mail-send-symbolic";
    case PLAN_STATUS_RETURNED:
      return "mail-reply-sender-symbolic";
    case PLAN_STATUS_APPROVED:
      return "emblem-ok-symbolic";
    case PLAN_STATUS_DRAFT:
    default:
      return previous == PLAN_STATUS_APPROVED ? "edit-undo-symbolic" : "document-edit-symbolic";
    }
}

static GtkWidget *
create_event_row (gpointer item,
                  gpointer user_data)
{
  PlanReviewPage *self = user_data;
  PlanEvent *event = item;
  GListModel *history = plan_review_get_history (plan_document_get_review (self->document));
  PlanStatus previous = PLAN_STATUS_DRAFT;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  g_autofree char *who = NULL;
  g_autofree char *accessible = NULL;
  const char *action;
  const char *note = plan_event_get_note (event);
  const char *title = plan_event_get_actor_title (event);
  GtkWidget *row, *box, *labels, *label;

  /* The status before this event: the action of the one before it. */
  for (guint i = 1; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(PlanEvent) current = g_list_model_get_item (history, i);

      if (current == event)
        {
          g_autoptr(PlanEvent) before = g_list_model_get_item (history, i - 1);

          previous = plan_event_get_action (before);
          break;
        }
    }

  action = plan_workflow_action_name (plan_event_get_action (event), previous);

  utc = g_date_time_new_from_unix_utc (plan_event_get_time (event));
  local = utc ? g_date_time_to_local (utc) : NULL;
  /* Translators: date and time of an event, as strftime: "15/02/2022 09:30" */
  when = local ? g_date_time_format (local, _("%d/%m/%Y %H:%M")) : g_strdup ("");

  if (title != NULL && *title != '\0')
    /* Translators: who did a step of the review: name (title) · role · date and time */
    who = g_strdup_printf (_("%s (%s) · %s · %s"), plan_event_get_actor (event), title,
                           role_name (plan_event_get_role (event)), when);
  else
    /* Translators: who did a step of the review: name · role · date and time */
    who = g_strdup_printf (_("%s · %s · %s"), plan_event_get_actor (event),
                           role_name (plan_event_get_role (event)), when);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (action_icon (plan_event_get_action (event), previous)));

  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (labels, TRUE);

  label = gtk_label_new (action);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (labels), label);

  label = gtk_label_new (who);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (labels), label);

  if (note != NULL && *note != '\0')
    {
      label = gtk_label_new (note);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 4);
      gtk_box_append (GTK_BOX (labels), label);
    }

  gtk_box_append (GTK_BOX (box), labels);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  accessible = note && *note ? g_strdup_printf ("%s. %s. %s", action, who, note)
                             : g_strdup_printf ("%s. %s", action, who);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  return row;
}

static void
history_changed_cb (PlanReviewPage *self)
{
  GListModel *history = plan_review_get_history (plan_document_get_review (self->document));

  gtk_stack_set_visible_child_name (self->history_stack,
                                    g_list_model_get_n_items (history) > 0 ? "history" : "empty");
}

static void
plan_review_page_constructed (GObject *object)
{
  PlanReviewPage *self = (PlanReviewPage *)object;
  GListModel *history;

  G_OBJECT_CLASS (plan_review_page_parent_class)->constructed (object);

  history = plan_review_get_history (plan_document_get_review (self->document));
  gtk_list_box_bind_model (self->history_list, history, create_event_row, self, NULL);
  g_signal_connect_object (history, "items-changed", G_CALLBACK (history_changed_cb), self,
                           G_CONNECT_SWAPPED);
  history_changed_cb (self);
}

static void
plan_review_page_dispose (GObject *object)
{
  PlanReviewPage *self = (PlanReviewPage *)object;

  if (self->history_list != NULL)
    gtk_list_box_bind_model (self->history_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLAN_TYPE_REVIEW_PAGE);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (plan_review_page_parent_class)->dispose (object);
}

static void
plan_review_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PlanReviewPage *self = PLAN_REVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plan_review_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlanReviewPage *self = PLAN_REVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plan_review_page_class_init (PlanReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = plan_review_page_constructed;
  object_class->dispose = plan_review_page_dispose;
  object_class->get_property = plan_review_page_get_property;
  object_class->set_property = plan_review_page_set_property;

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         PLAN_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "ui/plan-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PlanReviewPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, PlanReviewPage, next_step_label);
  gtk_widget_class_bind_template_child (widget_class, PlanReviewPage, submit_button);
  gtk_widget_class_bind_template_child (widget_class, PlanReviewPage, return_button);
  gtk_widget_class_bind_template_child (widget_class, PlanReviewPage, approve_button);
  gtk_widget_class_bind_template_child (widget_class, PlanReviewPage, withdraw_button);
  gtk_widget_class_bind_template_child (widget_class, PlanReviewPage, sign_button);
  gtk_widget_class_bind_template_child (widget_class, PlanReviewPage, agency_button);
  gtk_widget_class_bind_template_child (widget_class, PlanReviewPage, appendix_group);
  gtk_widget_class_bind_template_child (widget_class, PlanReviewPage, history_stack);
  gtk_widget_class_bind_template_child (widget_class, PlanReviewPage, history_list);
}

static void
plan_review_page_init (PlanReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
plan_review_page_new (PlanDocument *document)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), NULL);

  return g_object_new (PLAN_TYPE_REVIEW_PAGE, "document", document, NULL);
}

void
plan_review_page_update (PlanReviewPage *self,
                         PlanRole        role,
                         gboolean        approved)
{
  PlanStatus status;
  gboolean drafter = role == PLAN_ROLE_DRAFTER;
  g_auto(GStrv) signed_pdfs = NULL;
  gboolean signed_for_issue;
  const char *next;

  g_return_if_fail (PLAN_IS_REVIEW_PAGE (self));

  status = plan_review_get_status (plan_document_get_review (self->document));
  signed_pdfs = plan_sign_pdf_dup_signed_digests (self->document);
  signed_for_issue = status == PLAN_STATUS_APPROVED && approved && signed_pdfs[0] != NULL;

  gtk_widget_set_visible (self->submit_button,
                          drafter && (status == PLAN_STATUS_DRAFT || status == PLAN_STATUS_RETURNED));
  gtk_widget_set_visible (self->return_button, !drafter && status == PLAN_STATUS_SUBMITTED);
  gtk_widget_set_visible (self->approve_button, !drafter && status == PLAN_STATUS_SUBMITTED);
  gtk_widget_set_visible (self->withdraw_button, status == PLAN_STATUS_APPROVED);
  gtk_widget_set_visible (self->sign_button, status == PLAN_STATUS_APPROVED && approved);
  gtk_widget_set_visible (self->appendix_group,
                          status == PLAN_STATUS_APPROVED && approved &&
                          g_list_model_get_n_items (
                            plan_document_get_appendices (self->document)) > 0);
  /* Once the signer has signed, the clerk's step comes first */
  gtk_widget_set_visible (self->agency_button, signed_for_issue);
  if (signed_for_issue)
    gtk_widget_remove_css_class (self->sign_button, "suggested-action");
  else
    gtk_widget_add_css_class (self->sign_button, "suggested-action");

  switch (status)
    {
    case PLAN_STATUS_SUBMITTED:
      next = drafter
        ? _("The plan is with the approver. Their comments and decision come back in the plan file.")
        : _("Read the plan in the preview and comment on its parts. Then return it to the drafter with a note saying what to change, or approve it: approving signs it with your key, and only then does it print without the “DỰ THẢO” watermark.");
      break;
    case PLAN_STATUS_RETURNED:
      next = drafter
        ? _("The approver returned the plan. Make the changes, answer or resolve their comments, then submit it again.")
        : _("The plan is back with the drafter for changes.");
      break;
    case PLAN_STATUS_APPROVED:
      next = signed_for_issue
        ? _("The person with authority has signed the PDF of this issue. The clerk adds the agency’s digital signature and seal to that PDF to issue it. A new number or date needs new signatures.")
        : approved
        ? _("The plan is approved and prints as a final copy. The clerk may still fill in its number and date; any other change withdraws the approval.")
        : _("The plan was marked as approved, but the approval does not hold (see the top of the window): it prints as a draft.");
      break;
    case PLAN_STATUS_DRAFT:
    default:
      next = drafter
        ? _("When the plan is ready, submit it for review, then give the plan file to the approver (shared folder, e-mail, USB stick).")
        : _("This plan is a draft: it has not been submitted for review yet.");
      break;
    }

  gtk_label_set_label (self->next_step_label, next);
}
