/* plan-status-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "plan-status-bar.h"
#include "plan-workflow.h"

struct _PlanStatusBar
{
  GtkWidget  parent_instance;

  /* Template widgets */
  GtkWidget *box;
  GtkImage  *icon;
  GtkLabel  *title_label;
  GtkLabel  *detail_label;
  GtkWidget *review_button;

  const char *state_class;
};

G_DEFINE_FINAL_TYPE (PlanStatusBar, plan_status_bar, GTK_TYPE_WIDGET)

static void
plan_status_bar_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PLAN_TYPE_STATUS_BAR);

  G_OBJECT_CLASS (plan_status_bar_parent_class)->dispose (object);
}

static void
plan_status_bar_class_init (PlanStatusBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plan_status_bar_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "statusbar");
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "ui/plan-status-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, PlanStatusBar, box);
  gtk_widget_class_bind_template_child (widget_class, PlanStatusBar, icon);
  gtk_widget_class_bind_template_child (widget_class, PlanStatusBar, title_label);
  gtk_widget_class_bind_template_child (widget_class, PlanStatusBar, detail_label);
  gtk_widget_class_bind_template_child (widget_class, PlanStatusBar, review_button);
}

static void
plan_status_bar_init (PlanStatusBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* "Nguyễn Văn A (Hiệu trưởng), 15/02/2022 09:30" of the last event that moved the plan to
 * @status, or NULL. */
static char *
dup_last_event (PlanDocument *document,
                PlanStatus    status,
                char        **note)
{
  GListModel *history = plan_review_get_history (plan_document_get_review (document));

  for (guint i = g_list_model_get_n_items (history); i > 0; i--)
    {
      g_autoptr(PlanEvent) event = g_list_model_get_item (history, i - 1);
      g_autoptr(GDateTime) utc = NULL;
      g_autoptr(GDateTime) local = NULL;
      g_autofree char *when = NULL;
      const char *title = plan_event_get_actor_title (event);

      if (plan_event_get_action (event) != status)
        continue;

      if (note != NULL)
        *note = g_strdup (plan_event_get_note (event));

      utc = g_date_time_new_from_unix_utc (plan_event_get_time (event));
      local = utc ? g_date_time_to_local (utc) : NULL;
      /* Translators: date and time of an event, as strftime: "15/02/2022 09:30" */
      when = local ? g_date_time_format (local, _("%d/%m/%Y %H:%M")) : g_strdup ("");

      if (title != NULL && *title != '\0')
        /* Translators: who did something and when: "Nguyễn Văn A (Hiệu trưởng), 15/02/2022 09:30" */
        return g_strdup_printf (_("%s (%s), %s"), plan_event_get_actor (event), title, when);

      /* Translators: who did something and when: "Nguyễn Văn A, 15/02/2022 09:30" */
      return g_strdup_printf (_("%s, %s"), plan_event_get_actor (event), when);
    }

  return NULL;
}

static void
set_state (PlanStatusBar *self,
           const char    *state_class,
           const char    *icon_name)
{
  if (self->state_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self), self->state_class);
  self->state_class = state_class;
  gtk_widget_add_css_class (GTK_WIDGET (self), state_class);
  gtk_image_set_from_icon_name (self->icon, icon_name);
}

void
plan_status_bar_update (PlanStatusBar      *self,
                        PlanDocument       *document,
                        PlanApprovalResult *result,
                        gboolean            review_mode)
{
  PlanStatus status;
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *who = NULL;
  g_autofree char *note = NULL;

  g_return_if_fail (PLAN_IS_STATUS_BAR (self));
  g_return_if_fail (PLAN_IS_DOCUMENT (document));
  g_return_if_fail (PLAN_IS_APPROVAL_RESULT (result));

  status = plan_review_get_status (plan_document_get_review (document));

  switch (plan_approval_result_get_state (result))
    {
    case PLAN_APPROVAL_VALID:
      set_state (self, "approved", "emblem-ok-symbolic");
      title = g_strdup (plan_approval_result_describe (result));
      detail = g_strdup (_("This plan prints as a final copy, without the “DỰ THẢO” watermark. The clerk may still fill in its number and date; any other change withdraws the approval."));
      break;

    case PLAN_APPROVAL_CHANGED:
      {
        const char * const *parts = plan_approval_result_get_changed_parts (result);
        g_autofree char *list = g_strjoinv (", ", (char **) parts);

        set_state (self, "void", "dialog-error-symbolic");
        title = g_strdup (plan_approval_result_describe (result));
        /* Translators: %s is a list of parts of the plan: "General information, II. NỘI DUNG" */
        detail = g_strdup_printf (_("Changed since it was approved: %s. It prints as a draft until it is approved again."),
                                  list);
      }
      break;

    case PLAN_APPROVAL_UNTRUSTED_KEY:
      set_state (self, "unverified", "dialog-warning-symbolic");
      title = g_strdup (plan_approval_result_describe (result));
      detail = g_strdup (_("To verify it, import the approver’s public key in Preferences. Until then it prints as a draft."));
      break;

    case PLAN_APPROVAL_BAD_SIGNATURE:
      set_state (self, "unverified", "dialog-warning-symbolic");
      title = g_strdup (plan_approval_result_describe (result));
      detail = g_strdup (_("The approval cannot be trusted: the plan prints as a draft."));
      break;

    case PLAN_APPROVAL_NONE:
    default:
      switch (status)
        {
        case PLAN_STATUS_SUBMITTED:
          set_state (self, "submitted", "mail-send-symbolic");
          title = g_strdup (_("Submitted for review"));
          who = dup_last_event (document, PLAN_STATUS_SUBMITTED, NULL);
          if (review_mode)
            detail = g_strdup (_("You are reviewing this plan: it is read-only. Comment on its parts, then return it for changes or approve it."));
          else if (who != NULL)
            /* Translators: %s is who submitted the plan and when */
            detail = g_strdup_printf (_("Submitted by %s. Waiting for the approver."), who);
          break;

        case PLAN_STATUS_RETURNED:
          set_state (self, "returned", "mail-reply-sender-symbolic");
          who = dup_last_event (document, PLAN_STATUS_RETURNED, &note);
          if (note != NULL && *note != '\0')
            /* Translators: %s is the approver's note */
            title = g_strdup_printf (_("Returned for changes: %s"), note);
          else
            title = g_strdup (_("Returned for changes"));
          if (who != NULL)
            /* Translators: %s is who returned the plan and when */
            detail = g_strdup_printf (_("Returned by %s. Make the changes, answer the comments, then submit it again."), who);
          break;

        case PLAN_STATUS_DRAFT:
        case PLAN_STATUS_APPROVED:
        default:
          set_state (self, "draft", "document-edit-symbolic");
          title = g_strdup (_("Draft: not approved"));
          detail = g_strdup (_("It prints with the “DỰ THẢO” watermark until it is approved."));
          break;
        }
      break;
    }

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->detail_label, detail ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, detail ? detail : "",
                                  -1);
}

const char *
plan_status_bar_get_title (PlanStatusBar *self)
{
  g_return_val_if_fail (PLAN_IS_STATUS_BAR (self), NULL);

  return gtk_label_get_label (self->title_label);
}

const char *
plan_status_bar_get_detail (PlanStatusBar *self)
{
  g_return_val_if_fail (PLAN_IS_STATUS_BAR (self), NULL);

  return gtk_label_get_label (self->detail_label);
}
