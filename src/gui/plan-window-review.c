/* plan-window-review.c: the window's side of review and approval: the status at the top,
 * review mode, comments, the workflow actions, withdrawing an approval before an edit, and
 * the output rule for printing and exporting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "plan-docx-export.h"
#include "plan-comment-target.h"
#include "plan-comments-panel.h"
#include "plan-identity.h"
#include "plan-sign-dialog.h"
#include "plan-signatures-window.h"
#include "plan-pdf-export.h"
#include "plan-review-page.h"
#include "plan-status-bar.h"
#include "plan-window-private.h"
#include "plan-workflow.h"
#include "plan-editor-util.h"

static PlanStatus
current_status (PlanWindow *self)
{
  return plan_review_get_status (plan_document_get_review (self->document));
}

static PlanApprovalState
current_state (PlanWindow *self)
{
  return self->approval ? plan_approval_result_get_state (self->approval) : PLAN_APPROVAL_NONE;
}

/* The descendant that scrolls, so that a read-only editor can still be scrolled through. */
static GtkWidget *
find_scrolled_window (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_scrolled_window (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Marks what review mode made insensitive, so that leaving it gives back exactly that (the
 * editors make some of their own buttons insensitive, and those must stay so). */
static void
set_insensitive (GtkWidget *widget,
                 gboolean   insensitive)
{
  if (insensitive && gtk_widget_get_sensitive (widget))
    {
      gtk_widget_set_sensitive (widget, FALSE);
      g_object_set_data (G_OBJECT (widget), "plan-review-insensitive", GINT_TO_POINTER (TRUE));
    }
  else if (!insensitive && g_object_get_data (G_OBJECT (widget), "plan-review-insensitive"))
    {
      gtk_widget_set_sensitive (widget, TRUE);
      g_object_set_data (G_OBJECT (widget), "plan-review-insensitive", NULL);
    }
}

/* Makes @widget read-only but keeps its scrolled windows scrolling: what is inside a scrolled
 * window, and everything beside the way to one (toolbars), becomes insensitive. */
static void
set_read_only (GtkWidget *widget,
               gboolean   read_only)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkWidget *child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (widget));

      if (child != NULL)
        set_insensitive (child, read_only);
      return;
    }

  if (find_scrolled_window (widget) == NULL)
    {
      set_insensitive (widget, read_only);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    set_read_only (child, read_only);
}

/* Review mode: every editor but the Review page is read-only; it still scrolls. */
static void
apply_review_mode (PlanWindow *self)
{
  for (GtkWidget *editor = gtk_widget_get_first_child (GTK_WIDGET (self->editor_stack));
       editor != NULL;
       editor = gtk_widget_get_next_sibling (editor))
    if (!PLAN_IS_REVIEW_PAGE (editor))
      set_read_only (editor, self->review_mode);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "plan-part"), PLAN_PART_ADD_APPENDIX) == 0)
      set_insensitive (row, self->review_mode);

  /* The window menu's edits (issue by a decision and back) follow the mode too */
  _plan_window_actions_update (self);
}

static void
update_actions (PlanWindow *self)
{
  PlanRole role = plan_identity_get_role (self->settings);
  PlanStatus status = current_status (self);
  GtkWidget *page;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.submit-for-review",
                                 plan_workflow_can_transition (status, PLAN_STATUS_SUBMITTED)
                                 && role == PLAN_ROLE_DRAFTER);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.return-for-changes",
                                 status == PLAN_STATUS_SUBMITTED && role == PLAN_ROLE_APPROVER);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.approve",
                                 status == PLAN_STATUS_SUBMITTED && role == PLAN_ROLE_APPROVER);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.withdraw-approval",
                                 status == PLAN_STATUS_APPROVED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-pdf",
                                 status == PLAN_STATUS_APPROVED &&
                                 plan_approval_result_is_approved (self->approval));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-agency",
                                 status == PLAN_STATUS_APPROVED &&
                                 plan_approval_result_is_approved (self->approval));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-appendix",
                                 status == PLAN_STATUS_APPROVED &&
                                 plan_approval_result_is_approved (self->approval) &&
                                 self->document != NULL &&
                                 g_list_model_get_n_items (
                                   plan_document_get_appendices (self->document)) > 0);

  page = gtk_stack_get_child_by_name (self->editor_stack, PLAN_PART_REVIEW);
  if (page != NULL)
    plan_review_page_update (PLAN_REVIEW_PAGE (page), role,
                             plan_approval_result_is_approved (self->approval));
}

static void
queue_draw_all (GtkWidget *widget)
{
  gtk_widget_queue_draw (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    queue_draw_all (child);
}

/* The preview shows what will print: the watermark follows the approval. Set on the model
 * directly, not as an edit: it is not part of the approved content and not the user's doing. */
static void
set_watermark (PlanWindow *self,
               gboolean    draft)
{
  if (plan_document_get_draft_watermark (self->document) != draft)
    {
      g_object_set (self->document, "draft-watermark", draft, NULL);
      queue_draw_all (GTK_WIDGET (self->preview));
    }
}

/* Verifies the approval and shows the result everywhere. */
static void
refresh (PlanWindow *self)
{
  gboolean review_mode;

  g_clear_object (&self->approval);
  self->approval = plan_approval_verify (self->document, plan_identity_get_trust_store ());

  review_mode = plan_identity_get_role (self->settings) == PLAN_ROLE_APPROVER
             && current_status (self) == PLAN_STATUS_SUBMITTED;
  if (review_mode != self->review_mode)
    {
      self->review_mode = review_mode;
      apply_review_mode (self);
      /* An approver reviewing reads and comments: the comments are there from the start. */
      if (review_mode)
        gtk_toggle_button_set_active (self->comments_button, TRUE);
    }

  plan_status_bar_update (PLAN_STATUS_BAR (self->status_bar), self->document, self->approval,
                          self->review_mode);
  /* The same verdict as plan_approval_needs_watermark(), from the result just computed. */
  set_watermark (self, !plan_approval_result_is_approved (self->approval));
  update_actions (self);
}

static void
settings_changed_cb (PlanWindow *self)
{
  if (self->document == NULL)
    return;

  refresh (self);
  _plan_window_review_update_sidebar (self);
}

/* ---- Sidebar --------------------------------------------------------------------------- */

static const char *scope_of_part (PlanWindow *self, const char *part, gpointer object, char **target);

/* The header's comments button counts the open comments of the part shown. */
static void
update_comments_button (PlanWindow *self)
{
  gpointer object = NULL;
  const char *part = _plan_window_get_selected_part (self, &object);
  g_autofree char *target = NULL;
  g_autofree char *tooltip = NULL;
  const char *scope;
  guint count;

  if (part == NULL || self->document == NULL)
    return;

  scope = scope_of_part (self, part, object, &target);
  count = plan_comment_target_count_open (self->document, *scope ? scope : target);

  {
    g_autofree char *text = g_strdup_printf ("%u", count);

    gtk_label_set_label (self->comments_count, text);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->comments_count), count > 0);
  if (count > 0)
    /* Translators: tooltip of the comments button */
    tooltip = g_strdup_printf (ngettext ("Show Comments on This Part (%u open)",
                                         "Show Comments on This Part (%u open)", count), count);
  else
    tooltip = g_strdup (_("Show Comments on This Part"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->comments_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->comments_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
}

static const char *
scope_of_part (PlanWindow *self,
               const char *part,
               gpointer    object,
               char      **target)
{
  g_autofree char *path = NULL;

  if (g_str_equal (part, PLAN_PART_GENERAL))
    return *target = g_strdup (PLAN_TARGET_HEADER);
  if (g_str_equal (part, PLAN_PART_PREAMBLE))
    return *target = g_strdup (PLAN_TARGET_PREAMBLE);
  if (g_str_equal (part, PLAN_PART_CLOSING))
    return *target = g_strdup (PLAN_TARGET_RECIPIENTS);
  if ((g_str_equal (part, PLAN_PART_SECTION) || g_str_equal (part, PLAN_PART_APPENDIX))
      && (path = plan_comment_target_for_object (self->document, object)) != NULL)
    return *target = g_steal_pointer (&path);
  if (g_str_equal (part, PLAN_PART_BODY))
    {
      /* The body as a whole: its sections' comments, and new ones on the whole plan. */
      *target = g_strdup (PLAN_TARGET_PLAN);
      return "body";
    }

  *target = g_strdup (PLAN_TARGET_PLAN);
  return PLAN_TARGET_PLAN;
}

char *
_plan_window_review_dup_status_name (PlanWindow *self)
{
  g_assert (PLAN_IS_WINDOW (self));

  switch (current_state (self))
    {
    case PLAN_APPROVAL_VALID:
      return g_strdup (_("Approved"));
    case PLAN_APPROVAL_CHANGED:
      return g_strdup (_("Approval void"));
    case PLAN_APPROVAL_UNTRUSTED_KEY:
    case PLAN_APPROVAL_BAD_SIGNATURE:
      return g_strdup (_("Approval not verified"));
    case PLAN_APPROVAL_NONE:
    default:
      return g_strdup (plan_workflow_status_name (current_status (self)));
    }
}

void
_plan_window_review_update_sidebar (PlanWindow *self)
{
  g_assert (PLAN_IS_WINDOW (self));

  if (self->document == NULL)
    return;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *part = g_object_get_data (G_OBJECT (row), "plan-part");
      GtkWidget *badge = g_object_get_data (G_OBJECT (row), "plan-comment-badge");
      g_autofree char *target = NULL;
      const char *scope;
      guint count;

      if (g_strcmp0 (part, PLAN_PART_REVIEW) == 0)
        {
          /* The verdict can change without an edit (a key imported, the role switched). */
          GtkLabel *subtitle = g_object_get_data (G_OBJECT (row), "plan-subtitle");
          g_autofree char *status = _plan_window_review_dup_status_name (self);

          if (subtitle != NULL && g_strcmp0 (gtk_label_get_label (subtitle), status) != 0)
            gtk_label_set_label (subtitle, status);
          continue;
        }

      if (part == NULL || g_str_equal (part, PLAN_PART_ADD_APPENDIX))
        continue;

      scope = scope_of_part (self, part, g_object_get_data (G_OBJECT (row), "plan-object"), &target);
      /* The body row counts only the comments of the body (the whole plan's are on Review). */
      count = plan_comment_target_count_open (self->document, *scope ? scope : target);
      if (g_str_equal (part, PLAN_PART_BODY))
        count = plan_comment_target_count_open (self->document, "body");

      if (badge == NULL && count > 0)
        {
          GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

          badge = gtk_label_new (NULL);
          gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
          gtk_widget_set_hexpand (badge, TRUE);
          gtk_widget_set_halign (badge, GTK_ALIGN_END);
          gtk_widget_add_css_class (badge, "comment-badge");
          gtk_box_append (GTK_BOX (box), badge);
          g_object_set_data (G_OBJECT (row), "plan-comment-badge", badge);
        }

      if (badge != NULL)
        {
          g_autofree char *text = g_strdup_printf ("%u", count);
          g_autofree char *tooltip = NULL;

          /* Translators: on a part of the plan in the sidebar */
          tooltip = g_strdup_printf (ngettext ("%u open comment", "%u open comments", count), count);
          gtk_label_set_label (GTK_LABEL (badge), text);
          gtk_widget_set_tooltip_text (badge, tooltip);
          gtk_accessible_update_property (GTK_ACCESSIBLE (badge),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                          -1);
          gtk_widget_set_visible (badge, count > 0);
        }
    }

  update_comments_button (self);
  apply_review_mode (self);
}

/* ---- Document ---------------------------------------------------------------------------- */

void
_plan_window_review_set_document (PlanWindow *self)
{
  g_assert (PLAN_IS_WINDOW (self));

  g_clear_handle_id (&self->withdrawal_source, g_source_remove);
  self->asking_withdrawal = FALSE;
  g_free (self->issuing_note);
  self->issuing_note = plan_workflow_dup_issuing_note (self->document);
  self->issuing_changed = FALSE;
  g_clear_object (&self->signer_pdf);

  self->comments_panel = plan_comments_panel_new (self->document, self->settings);
  adw_flap_set_flap (self->comments_flap, self->comments_panel);

  /* Keys imported or made by another window or process count from the next plan opened. */
  plan_trust_store_reload (plan_identity_get_trust_store ());

  /* Review mode is decided afresh for every plan. */
  self->review_mode = FALSE;
  refresh (self);
  apply_review_mode (self);

  /* A plan that came back with open comments opens with them in view. */
  if (current_status (self) == PLAN_STATUS_RETURNED
      && plan_comment_target_count_open (self->document, PLAN_TARGET_PLAN) > 0)
    gtk_toggle_button_set_active (self->comments_button, TRUE);
}

static void
withdraw_response_cb (PlanWindow       *self,
                      const char       *response,
                      AdwMessageDialog *dialog)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "withdraw"))
    {
      g_autofree char *name = plan_identity_dup_name (self->settings);
      g_autofree char *title = plan_identity_dup_title (self->settings);

      /* The user's edit comes back (it was taken back while asking), then the approval
       * goes: the plan is a draft with the change in it. */
      if (plan_document_can_redo (self->document))
        plan_document_redo (self->document);
      plan_workflow_withdraw_approval (self->document, name, title,
                                       plan_identity_get_role (self->settings), NULL, &error);

      if (error != NULL)
        _plan_window_show_error (self, NULL, _("The approval could not be withdrawn."), error);
      else
        _plan_window_add_toast (self, _("Approval withdrawn: the plan is a draft again"));
    }

  self->asking_withdrawal = FALSE;
  refresh (self);
}

static gboolean
ask_withdrawal_cb (gpointer data)
{
  PlanWindow *self = data;
  GtkWidget *dialog;

  self->withdrawal_source = 0;

  /* Take the edit back until the user says the approval may go. */
  if (plan_document_can_undo (self->document))
    plan_document_undo (self->document);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Withdraw the Approval?"), NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("This plan is approved. Changing it withdraws the approval: the plan goes back to draft, prints with the “DỰ THẢO” watermark, and has to be submitted and approved again. The withdrawal is recorded in the plan’s history."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "withdraw", _("_Withdraw Approval"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "withdraw",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (withdraw_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return G_SOURCE_REMOVE;
}

void
_plan_window_review_changed (PlanWindow *self)
{
  PlanApprovalState before;

  g_assert (PLAN_IS_WINDOW (self));

  before = current_state (self);
  refresh (self);

  /* The clerk numbering and dating the approved plan: recorded when it is saved */
  {
    g_autofree char *note = plan_workflow_dup_issuing_note (self->document);

    if (g_strcmp0 (note, self->issuing_note) != 0)
      {
        if (current_status (self) == PLAN_STATUS_APPROVED)
          self->issuing_changed = TRUE;
        g_free (self->issuing_note);
        self->issuing_note = g_steal_pointer (&note);
      }
  }

  /* One place for every editor: an edit that changes the printed content of an approved plan
   * is taken back and the user asked first. Undo and redo are the user's own steps through
   * the history (redo leaves nothing to redo only when it re-makes the newest step, which is
   * then a new edit again), and review data (comments) never voids an approval. */
  if (!self->asking_withdrawal
      && (before == PLAN_APPROVAL_VALID || before == PLAN_APPROVAL_UNTRUSTED_KEY)
      && current_state (self) == PLAN_APPROVAL_CHANGED
      && current_status (self) == PLAN_STATUS_APPROVED
      && !plan_document_can_redo (self->document))
    {
      self->asking_withdrawal = TRUE;
      /* After the editor that made the change has finished handling it. */
      self->withdrawal_source = g_idle_add (ask_withdrawal_cb, self);
    }
}

void
_plan_window_review_record_issuing (PlanWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  guint year, month, day;

  g_assert (PLAN_IS_WINDOW (self));

  if (!self->issuing_changed || current_status (self) != PLAN_STATUS_APPROVED ||
      current_state (self) != PLAN_APPROVAL_VALID)
    return;

  plan_document_get_date (self->document, &year, &month, &day);
  if (plan_document_get_number (self->document) == 0 || year == 0 || month == 0 || day == 0 ||
      plan_workflow_issuing_recorded (self->document))
    return;

  self->issuing_changed = FALSE;
  name = plan_identity_dup_name (self->settings);
  title = plan_identity_dup_title (self->settings);
  plan_workflow_record_issuing (self->document, name, title,
                                plan_identity_get_role (self->settings),
                                g_get_real_time () / G_USEC_PER_SEC);
}

void
_plan_window_review_show_part (PlanWindow *self,
                               const char *part,
                               gpointer    object)
{
  g_autofree char *target = NULL;
  const char *scope;

  g_assert (PLAN_IS_WINDOW (self));

  if (self->comments_panel == NULL)
    return;

  scope = scope_of_part (self, part, object, &target);
  plan_comments_panel_set_scope (PLAN_COMMENTS_PANEL (self->comments_panel), scope, target);
  update_comments_button (self);
  update_actions (self);
  apply_review_mode (self);
}

gboolean
_plan_window_review_prepare_output (PlanWindow *self)
{
  gboolean draft;

  g_assert (PLAN_IS_WINDOW (self));

  /* THE output rule of src/approval, asked at the moment of output. */
  draft = plan_approval_needs_watermark (self->document, plan_identity_get_trust_store ());
  set_watermark (self, draft);
  refresh (self);

  return draft;
}

/* "Exported …", with a button that opens the file */
static void
add_export_toast (PlanWindow *self,
                  GFile      *file,
                  gboolean    draft)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *message = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast;

  if (draft)
    /* Translators: %s is a file name */
    message = g_strdup_printf (_("Exported “%s” as a draft: this plan is not approved, so every page says “DỰ THẢO”"), name);
  else
    /* Translators: %s is a file name */
    message = g_strdup_printf (_("Exported “%s”"), name);

  toast = adw_toast_new (message);
  if (draft)
    adw_toast_set_timeout (toast, 8);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.show-uri");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

gboolean
_plan_window_export_pdf (PlanWindow  *self,
                         GFile       *file,
                         GError     **error)
{
  gboolean draft;

  g_assert (PLAN_IS_WINDOW (self));
  g_assert (G_IS_FILE (file));

  draft = _plan_window_review_prepare_output (self);

  plan_layout_update (self->layout);
  if (!plan_pdf_export (self->layout, file, error))
    return FALSE;

  add_export_toast (self, file, draft);
  return TRUE;
}

gboolean
_plan_window_export_docx (PlanWindow  *self,
                          GFile       *file,
                          GError     **error)
{
  gboolean draft;

  g_assert (PLAN_IS_WINDOW (self));
  g_assert (G_IS_FILE (file));

  /* The same output rule as the PDF: without a valid approval, a draft with "DỰ THẢO" */
  draft = _plan_window_review_prepare_output (self);

  if (!plan_docx_export_to_file (self->document, file,
                                 draft ? PLAN_DOCX_EXPORT_DRAFT : PLAN_DOCX_EXPORT_DEFAULT,
                                 NULL, error))
    return FALSE;

  add_export_toast (self, file, draft);
  return TRUE;
}

/* ---- Workflow actions ------------------------------------------------------------------ */

/* The file is how the plan travels between drafter and approver: a step of the workflow is
 * saved at once. */
static void
save_after_step (PlanWindow *self)
{
  if (self->file != NULL)
    _plan_window_save (self);
  else
    _plan_window_save_as (self);
}

static void
name_response_cb (PlanWindow *self,
                  const char *response)
{
  if (g_str_equal (response, "preferences"))
    gtk_widget_activate_action (GTK_WIDGET (self), "app.preferences", NULL);
}

/* The history records who did each step: a name is needed first. */
static gboolean
check_identity (PlanWindow *self)
{
  g_autofree char *name = plan_identity_dup_name (self->settings);
  GtkWidget *dialog;

  if (*name != '\0')
    return TRUE;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Who Are You?"), NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("The plan’s history records who submits, returns and approves it. Enter your name and title in Preferences first."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "preferences", _("Open _Preferences"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "preferences",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "preferences");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (name_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return FALSE;
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PlanWindow *self = PLAN_WINDOW (widget);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  if (!check_identity (self))
    return;

  name = plan_identity_dup_name (self->settings);
  title = plan_identity_dup_title (self->settings);
  if (!plan_workflow_submit (self->document, name, title, NULL, &error))
    {
      _plan_window_show_error (self, NULL, _("The plan could not be submitted."), error);
      return;
    }

  _plan_window_add_toast (self, _("Submitted for review: give the plan file to the approver"));
  save_after_step (self);
}

static void
return_note_changed_cb (GtkTextBuffer    *buffer,
                        AdwMessageDialog *dialog)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  adw_message_dialog_set_response_enabled (dialog, "return", *g_strstrip (text) != '\0');
}

static void
return_response_cb (PlanWindow       *self,
                    const char       *response,
                    AdwMessageDialog *dialog)
{
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "plan-note");
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *note = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;

  if (!g_str_equal (response, "return"))
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  name = plan_identity_dup_name (self->settings);
  title = plan_identity_dup_title (self->settings);

  if (!plan_workflow_return (self->document, name, title, note, &error))
    {
      _plan_window_show_error (self, NULL, _("The plan could not be returned."), error);
      return;
    }

  _plan_window_add_toast (self, _("Returned for changes: give the plan file back to the drafter"));
  save_after_step (self);
}

static void
return_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PlanWindow *self = PLAN_WINDOW (widget);
  GtkWidget *dialog, *box, *label, *frame, *view;
  GtkTextBuffer *buffer;

  if (!check_identity (self))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Return for Changes?"), NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("The plan goes back to the drafter. Say what has to change: your note is shown at the top of their window, with your comments on the parts of the plan."));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new_with_mnemonic (_("_Note for the drafter"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 96);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), frame);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_object_set_data (G_OBJECT (dialog), "plan-note", buffer);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (return_note_changed_cb), dialog, 0);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "return", _("_Return for Changes"),
                                    NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "return", FALSE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "return",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (return_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

static void
signing_key_ready_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(PlanWindow) self = user_data;
  g_autoptr(PlanSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  gboolean created;

  key = plan_signing_key_get_default_finish (result, &error);
  if (key == NULL)
    {
      _plan_window_show_error (self, NULL, _("Your signing key could not be made or read, so the plan was not approved."), error);
      return;
    }

  /* Still submitted: the user may have closed or changed the plan while the keyring answered. */
  if (self->document == NULL || current_status (self) != PLAN_STATUS_SUBMITTED)
    return;

  created = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "plan-had-no-key"));
  name = plan_identity_dup_name (self->settings);
  title = plan_identity_dup_title (self->settings);
  if (!plan_approval_approve (self->document, key, name, title, NULL, &error))
    {
      _plan_window_show_error (self, NULL, _("The plan could not be approved."), error);
      return;
    }

  plan_trust_store_reload (plan_identity_get_trust_store ());
  refresh (self);

  if (created)
    {
      g_autofree char *id = plan_key_id_format (plan_signing_key_get_key_id (key));
      g_autofree char *text = NULL;
      AdwToast *toast;

      /* Translators: %s is a key id like "1a2b 3c4d 5e6f 7a8b" */
      text = g_strdup_printf (_("Approved. Your signing key %s was created: export its public key in Preferences for the drafters"), id);
      toast = adw_toast_new (text);
      adw_toast_set_timeout (toast, 10);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  else
    {
      _plan_window_add_toast (self, _("Approved: the plan now prints as a final copy"));
    }

  save_after_step (self);
}

static void
existing_key_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PlanWindow) self = user_data;
  g_autoptr(PlanSigningKey) key = plan_signing_key_get_default_finish (result, NULL);

  /* Now for real, creating the key when there was none. */
  g_object_set_data (G_OBJECT (self), "plan-had-no-key", GINT_TO_POINTER (key == NULL));
  plan_signing_key_get_default_async (TRUE, NULL, signing_key_ready_cb, g_object_ref (self));
}

/* The approve and withdraw questions: Cancel is the default, so Enter never signs or withdraws. */
static void
present_confirmation (PlanWindow             *self,
                      const char             *heading,
                      const char             *body,
                      const char             *response_id,
                      const char             *response_label,
                      AdwResponseAppearance   appearance,
                      GCallback               response_cb)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    response_id, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response_id, appearance);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", response_cb, self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
approve_response_cb (PlanWindow *self,
                     const char *response)
{
  if (!g_str_equal (response, "approve"))
    return;

  plan_signing_key_get_default_async (FALSE, NULL, existing_key_cb, g_object_ref (self));
}

static void
approve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PlanWindow *self = PLAN_WINDOW (widget);

  if (!check_identity (self))
    return;

  present_confirmation (self, _("Approve This Plan?"),
                        _("Approving signs the plan’s content as it is now with your personal signing key (made the first time you approve). The approved plan prints as a final copy, without the “DỰ THẢO” watermark, ready to sign and stamp.\n\nAny later change voids the approval: the plan then goes back to draft and needs your approval again."),
                        "approve", _("_Approve"), ADW_RESPONSE_SUGGESTED,
                        G_CALLBACK (approve_response_cb));
}

/* A signing is in the history: the plan file keeps it. @format names the PDF with one %s. */
static void
save_and_toast_signed (PlanWindow *self,
                       const char *format,
                       GFile      *pdf)
{
  g_autofree char *basename = g_file_get_basename (pdf);
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *message = g_strdup_printf (format, name);

  save_after_step (self);
  _plan_window_add_toast (self, message);
}

static void
signed_cb (PlanWindow *self,
           GFile      *pdf)
{
  g_set_object (&self->signer_pdf, pdf);
  /* Translators: %s is the name of the signed PDF file */
  save_and_toast_signed (self, _("Signed: “%s”"), pdf);
}

static void
agency_signed_cb (PlanWindow *self,
                  GFile      *pdf)
{
  /* Translators: %s is the name of the PDF signed by the signer and the agency */
  save_and_toast_signed (self, _("Issued with the agency’s signature: “%s”"), pdf);
}

/* A PDF next to the plan file: @format has one %s, the plan's file name without extension */
static GFile *
file_beside_plan (PlanWindow *self,
                  const char *format)
{
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) parent = NULL;
  char *dot;

  if (self->file == NULL)
    return NULL;

  basename = g_file_get_basename (self->file);
  parent = g_file_get_parent (self->file);
  dot = strstr (basename, ".kehoach.json");
  if (dot != NULL)
    *dot = '\0';
  name = g_strdup_printf (format, basename);
  return g_file_get_child (parent, name);
}

static void
sign_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  PlanWindow *self = PLAN_WINDOW (widget);
  /* Translators: the suggested file name of a signed PDF; %s is the plan's file name */
  g_autoptr(GFile) suggested = file_beside_plan (self, _("%s-signed.pdf"));
  PlanSignDialog *dialog;

  dialog = plan_sign_dialog_new (GTK_WINDOW (self), self->document,
                                 plan_identity_get_trust_store (), suggested);
  g_signal_connect_object (dialog, "signed", G_CALLBACK (signed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sign_agency_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PlanWindow *self = PLAN_WINDOW (widget);
  /* Translators: the suggested file name of the PDF issued with the agency's signature; %s is
   * the plan's file name */
  g_autoptr(GFile) suggested = file_beside_plan (self, _("%s-issued.pdf"));
  g_autoptr(GFile) signer_pdf = NULL;
  PlanSignDialog *dialog;

  /* The PDF signed in this window, else the one "Sign the PDF…" suggests, if it is there */
  if (self->signer_pdf != NULL)
    signer_pdf = g_object_ref (self->signer_pdf);
  else
    {
      signer_pdf = file_beside_plan (self, _("%s-signed.pdf"));
      if (signer_pdf != NULL && !g_file_query_exists (signer_pdf, NULL))
        g_clear_object (&signer_pdf);
    }

  dialog = plan_sign_dialog_new_for_agency (GTK_WINDOW (self), self->document, signer_pdf,
                                            suggested);
  g_signal_connect_object (dialog, "signed", G_CALLBACK (agency_signed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
appendix_signed_cb (PlanWindow *self,
                    GFile      *pdf)
{
  /* Translators: %s is the name of the appendix's PDF signed by the agency */
  save_and_toast_signed (self, _("Appendix issued with the agency’s signature: “%s”"), pdf);
}

static void
sign_appendix_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PlanWindow *self = PLAN_WINDOW (widget);
  PlanSignDialog *dialog;

  dialog = plan_sign_dialog_new_for_appendix (GTK_WINDOW (self), self->document,
                                              plan_identity_get_trust_store (), self->file);
  g_signal_connect_object (dialog, "signed", G_CALLBACK (appendix_signed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
signed_pdf_chosen_cb (GtkNativeDialog *native,
                      int              response,
                      PlanWindow      *self)
{
  g_autoptr(GFile) file = NULL;

  file = plan_editor_finish_file_chooser (GTK_NATIVE_DIALOG (native), response);

  if (file != NULL)
    gtk_window_present (GTK_WINDOW (plan_signatures_window_new (GTK_WINDOW (self), file)));
}

static void
check_signatures_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  PlanWindow *self = PLAN_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Check a Signed PDF"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Check"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  if (self->signer_pdf != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->signer_pdf);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }
  g_signal_connect (native, "response", G_CALLBACK (signed_pdf_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
withdraw_action_response_cb (PlanWindow *self,
                             const char *response)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "withdraw"))
    return;

  name = plan_identity_dup_name (self->settings);
  title = plan_identity_dup_title (self->settings);
  if (!plan_workflow_withdraw_approval (self->document, name, title,
                                        plan_identity_get_role (self->settings), NULL, &error))
    {
      _plan_window_show_error (self, NULL, _("The approval could not be withdrawn."), error);
      return;
    }

  _plan_window_add_toast (self, _("Approval withdrawn: the plan is a draft again"));
}

static void
withdraw_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  PlanWindow *self = PLAN_WINDOW (widget);

  if (!check_identity (self))
    return;

  present_confirmation (self, _("Withdraw the Approval?"),
                        _("The plan goes back to draft and prints with the “DỰ THẢO” watermark until it is submitted and approved again. The withdrawal is recorded in the plan’s history."),
                        "withdraw", _("_Withdraw Approval"), ADW_RESPONSE_DESTRUCTIVE,
                        G_CALLBACK (withdraw_action_response_cb));
}

static void
show_review_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PlanWindow *self = PLAN_WINDOW (widget);

  _plan_window_select_part (self, PLAN_PART_REVIEW, NULL);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

void
_plan_window_review_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (PLAN_TYPE_STATUS_BAR);

  gtk_widget_class_install_action (widget_class, "win.submit-for-review", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "win.return-for-changes", NULL, return_action);
  gtk_widget_class_install_action (widget_class, "win.approve", NULL, approve_action);
  gtk_widget_class_install_action (widget_class, "win.withdraw-approval", NULL, withdraw_action);
  gtk_widget_class_install_action (widget_class, "win.sign-pdf", NULL, sign_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.sign-agency", NULL, sign_agency_action);
  gtk_widget_class_install_action (widget_class, "win.sign-appendix", NULL, sign_appendix_action);
  gtk_widget_class_install_action (widget_class, "win.check-signatures", NULL,
                                   check_signatures_action);
  gtk_widget_class_install_action (widget_class, "win.show-review", NULL, show_review_action);
}

void
_plan_window_review_init (PlanWindow *self)
{
  g_assert (PLAN_IS_WINDOW (self));

  g_signal_connect_object (self->settings, "changed::user-role",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (plan_identity_get_trust_store (), "changed",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
}

void
_plan_window_review_dispose (PlanWindow *self)
{
  g_clear_handle_id (&self->withdrawal_source, g_source_remove);
  g_clear_object (&self->approval);
  g_clear_pointer (&self->issuing_note, g_free);
  g_clear_object (&self->signer_pdf);
  self->comments_panel = NULL;
}
