/* test-review.c: review and approval in the window: review mode is read-only, comments go
 * from the approver to the drafter's editor and back through the file, editing an approved
 * plan asks before the approval goes, and the whole flow from draft to a clean PDF.
 *
 * Two users are played as two real ones would be: the role in Preferences (GSettings) changes
 * between the steps and the plan file is opened again in a new window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "pdf-test-util.h"
#include "plan-canonical.h"
#include "plan-comments-panel.h"
#include "plan-identity.h"
#include "plan-json.h"
#include "plan-preferences-window.h"
#include "plan-signing-key-group.h"
#include "plan-trusted-approvers-group.h"
#include "plan-status-bar.h"
#include "plan-window-private.h"
#include "plan-workflow.h"

static PlanApplication *app;
static char *work_dir;

#define DRAFTER_NAME   "Trần Thị Bình"
#define DRAFTER_TITLE  "Văn thư"
#define APPROVER_NAME  "Nguyễn Văn An"
#define APPROVER_TITLE "Hiệu trưởng"

static void
become (PlanRole role)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "user-name",
                         role == PLAN_ROLE_APPROVER ? APPROVER_NAME : DRAFTER_NAME);
  g_settings_set_string (settings, "user-title",
                         role == PLAN_ROLE_APPROVER ? APPROVER_TITLE : DRAFTER_TITLE);
  g_settings_set_enum (settings, "user-role", role == PLAN_ROLE_APPROVER ? 1 : 0);
}

/* A copy of the reference sample in the test's folder. */
static GFile *
copy_sample (const char *name)
{
  g_autofree char *source = g_build_filename (g_getenv ("KEHOACH_SAMPLES_DIR"),
                                              "reference-25-kh-thcs.kehoach.json", NULL);
  g_autofree char *path = g_build_filename (work_dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  return g_file_new_for_path (path);
}

static gboolean
dialog_shown (gpointer data)
{
  return gui_test_find_dialog (GTK_WINDOW (data)) != NULL;
}

static AdwMessageDialog *
wait_for_dialog (PlanWindow *window)
{
  g_assert_true (gui_test_wait (dialog_shown, window, 5000));

  return gui_test_find_dialog (GTK_WINDOW (window));
}

/* As a click on a response button: the response, then the dialog goes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static PlanStatus
status_of (PlanWindow *window)
{
  return plan_review_get_status (plan_document_get_review (plan_window_get_document (window)));
}

typedef struct
{
  PlanWindow *window;
  PlanStatus  status;
} StatusWait;

static gboolean
status_reached (gpointer data)
{
  StatusWait *wait = data;

  return status_of (wait->window) == wait->status;
}

static const char *
status_title (PlanWindow *window)
{
  return plan_status_bar_get_title (PLAN_STATUS_BAR (window->status_bar));
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_visible (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first top-level section of the body (a PlanItem of kind SECTION) and its index. */
static PlanItem *
first_section (PlanDocument *document,
               guint        *index)
{
  GListModel *body = plan_document_get_body (document);

  for (guint i = 0; i < g_list_model_get_n_items (body); i++)
    {
      g_autoptr(PlanItem) item = g_list_model_get_item (body, i);

      if (plan_item_get_kind (item) == PLAN_ITEM_SECTION)
        {
          *index = i;
          return item;
        }
    }

  g_assert_not_reached ();
}

static void
type_comment (PlanWindow *window,
              const char *text)
{
  PlanCommentsPanel *panel = PLAN_COMMENTS_PANEL (window->comments_panel);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (_plan_comments_panel_get_text_view (panel));
  GtkButton *add = _plan_comments_panel_get_add_button (panel);

  gtk_text_buffer_set_text (buffer, text, -1);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (add)));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (add)));
  g_signal_emit_by_name (add, "clicked");
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 0);
}

static void
save (PlanWindow *window)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_plan_window_save_to_file (window, plan_window_get_file (window), TRUE, &error));
  g_assert_no_error (error);
}

/* Exports through the window, checks the watermark on every page or none, returns the text. */
static char *
export_pdf_text (PlanWindow *window,
                 const char *name,
                 gboolean    watermark)
{
  g_autofree char *path = g_build_filename (work_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  guint n_pages;

  g_assert_true (_plan_window_export_pdf (window, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_test_watermarked_pages (file, &n_pages), ==, watermark ? n_pages : 0);
  g_assert_cmpuint (n_pages, >, 0);

  return pdf_test_text (file);
}

static gboolean
editor_is_read_only (PlanWindow *window,
                     const char *part,
                     gpointer    object)
{
  GtkWidget *editor = _plan_window_get_editor (window, part, object);
  GtkWidget *editable;

  _plan_window_select_part (window, part, object);
  gui_test_run_for (50);
  editable = find_widget (editor, GTK_TYPE_TEXT);
  if (editable == NULL)
    editable = find_widget (editor, GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (editable);

  return !gtk_widget_is_sensitive (editable);
}

/* A plan submitted by the drafter, as a file. */
static GFile *
submitted_sample (const char *name)
{
  g_autoptr(GFile) file = copy_sample (name);
  g_autoptr(PlanDocument) document = plan_json_load_file (file, NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (document);
  g_assert_true (plan_workflow_submit (document, DRAFTER_NAME, DRAFTER_TITLE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (plan_json_save_file (document, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&file);
}

/* Whether the window menu, opened, shows an item (items of disabled actions are hidden) */
static gboolean
window_menu_shows (PlanWindow *window,
                   const char *label)
{
  GtkPopover *popover = gtk_menu_button_get_popover (window->primary_menu_button);
  g_autofree char *labels = NULL;

  gtk_menu_button_popup (window->primary_menu_button);
  gui_test_run_for (100);
  labels = gui_test_collect_labels (GTK_WIDGET (popover));
  gtk_menu_button_popdown (window->primary_menu_button);
  gui_test_run_for (50);
  return strstr (labels, label) != NULL;
}

static void
test_review_mode_read_only (void)
{
  g_autoptr(GFile) file = submitted_sample ("read-only.kehoach.json");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *shot = NULL;
  PlanWindow *window;
  PlanItem *section;
  guint index;

  /* The drafter who submitted it can still open it as usual. */
  become (PLAN_ROLE_DRAFTER);
  window = gui_test_open_window (app, NULL, file);
  g_assert_false (window->review_mode);
  g_assert_true (window_menu_shows (window, "Issue by a Decision"));
  g_assert_false (editor_is_read_only (window, PLAN_PART_GENERAL, NULL));
  g_assert_cmpstr (status_title (window), ==, "Submitted for review");
  shot = gui_test_save_screenshot (GTK_WIDGET (window), "review-status-submitted");
  g_clear_pointer (&shot, g_free);
  gui_test_destroy_window (window);

  become (PLAN_ROLE_APPROVER);
  window = gui_test_open_window (app, NULL, file);
  before = plan_json_save_bytes (plan_window_get_document (window));

  g_assert_true (window->review_mode);
  g_assert_true (adw_flap_get_reveal_flap (window->comments_flap));
  section = first_section (plan_window_get_document (window), &index);
  g_assert_true (editor_is_read_only (window, PLAN_PART_GENERAL, NULL));
  g_assert_true (editor_is_read_only (window, PLAN_PART_PREAMBLE, NULL));
  g_assert_true (editor_is_read_only (window, PLAN_PART_SECTION, section));
  g_assert_true (editor_is_read_only (window, PLAN_PART_CLOSING, NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->preview)));

  /* The approver's own tools stay usable: the Review page and the comments. */
  _plan_window_select_part (window, PLAN_PART_REVIEW, NULL);
  gui_test_run_for (50);
  g_assert_true (gtk_widget_is_sensitive (find_button (GTK_WIDGET (window), "_Approve…")));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (_plan_comments_panel_get_text_view (PLAN_COMMENTS_PANEL (window->comments_panel)))));
  g_assert_false (gtk_widget_get_visible (find_button (GTK_WIDGET (window), "_Submit for Review")));
  /* The window menu does not offer the approver to turn the plan into a decision */
  g_assert_false (window_menu_shows (window, "Issue by a Decision"));
  /* An approver cannot submit (the action is disabled): nothing happens. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.submit-for-review", NULL);
  gui_test_run_for (50);
  g_assert_cmpint (status_of (window), ==, PLAN_STATUS_SUBMITTED);
  g_assert_null (gui_test_find_dialog (GTK_WINDOW (window)));

  /* Nothing the approver did changed the content. */
  after = plan_json_save_bytes (plan_window_get_document (window));
  g_assert_true (g_bytes_equal (before, after));

  _plan_window_select_part (window, PLAN_PART_SECTION, section);
  shot = gui_test_save_screenshot (GTK_WIDGET (window), "review-mode");
  g_clear_pointer (&shot, g_free);
  _plan_window_select_part (window, PLAN_PART_REVIEW, NULL);
  shot = gui_test_save_screenshot (GTK_WIDGET (window), "review-page-approver");
  g_clear_pointer (&shot, g_free);

  /* Narrow (half a small screen): the window still shrinks; the comments go over the editor. */
  gtk_window_unmaximize (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 700);
  gui_test_run_for (500);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 600);
  _plan_window_select_part (window, PLAN_PART_SECTION, section);
  adw_leaflet_navigate (window->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gui_test_run_for (500);
  g_assert_true (adw_flap_get_folded (window->comments_flap));
  /* Folded, the panel waits for the comments button, then lies over the editor. */
  gtk_toggle_button_set_active (window->comments_button, TRUE);
  gui_test_run_for (500);
  g_assert_true (adw_flap_get_reveal_flap (window->comments_flap));
  shot = gui_test_save_screenshot (GTK_WIDGET (window), "review-mode-narrow");
  gui_test_destroy_window (window);
}

static PlanComment *
find_comment (PlanDocument *document,
              const char   *text)
{
  GListModel *comments = plan_review_get_comments (plan_document_get_review (document));

  for (guint i = 0; i < g_list_model_get_n_items (comments); i++)
    {
      g_autoptr(PlanComment) comment = g_list_model_get_item (comments, i);

      if (g_str_equal (plan_comment_get_text (comment), text))
        return comment;
    }

  return NULL;
}

static GtkWidget *
sidebar_row (PlanWindow *window,
             const char *part,
             gpointer    object)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (window->sidebar));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "plan-part"), part) == 0
        && g_object_get_data (G_OBJECT (row), "plan-object") == object)
      return row;

  return NULL;
}

static void
test_comment_reaches_drafter (void)
{
  g_autoptr(GFile) file = submitted_sample ("comments.kehoach.json");
  static const char *text = "Mục này cần ghi rõ thời gian thực hiện.";
  static const char *item_comment = "Nêu rõ văn bản của tỉnh.";
  g_autofree char *expected_target = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *shot = NULL;
  g_autoptr(PlanDocument) reloaded = NULL;
  PlanWindow *window;
  PlanComment *comment;
  PlanItem *section;
  GtkWidget *badge, *entry, *resolve;
  guint index;

  become (PLAN_ROLE_APPROVER);
  window = gui_test_open_window (app, NULL, file);
  section = first_section (plan_window_get_document (window), &index);
  expected_target = g_strdup_printf ("body/%u", index);

  g_assert_true (_plan_window_select_part (window, PLAN_PART_SECTION, section));
  gui_test_run_for (50);
  g_assert_cmpstr (plan_comments_panel_get_target (PLAN_COMMENTS_PANEL (window->comments_panel)),
                   ==, expected_target);
  type_comment (window, text);

  comment = find_comment (plan_window_get_document (window), text);
  g_assert_nonnull (comment);
  g_assert_cmpstr (plan_comment_get_target (comment), ==, expected_target);
  g_assert_cmpstr (plan_comment_get_author (comment), ==, APPROVER_NAME);
  g_assert_cmpint (plan_comment_get_role (comment), ==, PLAN_ROLE_APPROVER);
  g_assert_cmpuint (plan_comments_panel_get_n_threads (PLAN_COMMENTS_PANEL (window->comments_panel)), ==, 1);

  /* A comment on an item inside the section: chosen in "Attach to". */
  {
    GtkDropDown *attach = _plan_comments_panel_get_attach_drop_down (PLAN_COMMENTS_PANEL (window->comments_panel));
    g_autofree char *item_target = g_strdup_printf ("body/%u/0", index);

    g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (attach))));
    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (attach)), >, 1);
    gtk_drop_down_set_selected (attach, 1);
    type_comment (window, item_comment);
    comment = find_comment (plan_window_get_document (window), item_comment);
    g_assert_nonnull (comment);
    g_assert_cmpstr (plan_comment_get_target (comment), ==, item_target);
  }
  g_assert_cmpuint (plan_comments_panel_get_n_threads (PLAN_COMMENTS_PANEL (window->comments_panel)), ==, 2);
  /* The comments panel changed width: let the fields re-wrap, so that the screenshot shows
   * what the approver sees rather than the frame in between. */
  gui_test_run_for (500);
  shot = gui_test_save_screenshot (GTK_WIDGET (window), "review-comments-approver");
  g_clear_pointer (&shot, g_free);
  save (window);
  gui_test_destroy_window (window);

  /* The clerk opens the file: the comment is on the section, in the sidebar and the panel. */
  become (PLAN_ROLE_DRAFTER);
  window = gui_test_open_window (app, NULL, file);
  g_assert_false (window->review_mode);
  section = first_section (plan_window_get_document (window), &index);
  badge = g_object_get_data (G_OBJECT (sidebar_row (window, PLAN_PART_SECTION, section)),
                             "plan-comment-badge");
  g_assert_nonnull (badge);
  g_assert_true (gtk_widget_get_visible (badge));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (badge)), ==, "2");

  g_assert_true (_plan_window_select_part (window, PLAN_PART_SECTION, section));
  /* The header's comments button counts them too. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->comments_count)));
  g_assert_cmpstr (gtk_label_get_label (window->comments_count), ==, "2");
  gtk_toggle_button_set_active (window->comments_button, TRUE);
  gui_test_run_for (300);
  g_assert_cmpuint (plan_comments_panel_get_n_threads (PLAN_COMMENTS_PANEL (window->comments_panel)), ==, 2);
  {
    g_autofree char *labels = gui_test_collect_labels (window->comments_panel);
    g_autofree char *item_place = NULL;

    g_assert_nonnull (strstr (labels, text));
    g_assert_nonnull (strstr (labels, item_comment));
    g_assert_nonnull (strstr (labels, APPROVER_NAME));
    /* The item's thread says which item: "On: I. MỤC ĐÍCH, YÊU CẦU › 1. …" */
    g_assert_nonnull (strstr (labels, " › 1. "));
  }
  shot = gui_test_save_screenshot (GTK_WIDGET (window), "review-comments-drafter");

  /* Answered and resolved there. */
  entry = find_widget (window->comments_panel, GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Đã bổ sung thời gian.");
  g_signal_emit_by_name (entry, "activate");
  resolve = find_button (window->comments_panel, "_Resolve");
  g_assert_nonnull (resolve);
  g_signal_emit_by_name (resolve, "clicked");
  gui_test_run_for (50);
  g_assert_true (gtk_widget_get_visible (badge));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (badge)), ==, "1");
  save (window);

  /* Comments never print. */
  pdf = export_pdf_text (window, "comments.pdf", TRUE);
  g_assert_null (strstr (pdf, "thời gian thực hiện"));
  g_assert_null (strstr (pdf, "Đã bổ sung"));
  gui_test_destroy_window (window);

  reloaded = plan_json_load_file (file, NULL, NULL, NULL);
  g_assert_nonnull (reloaded);
  comment = find_comment (reloaded, text);
  g_assert_nonnull (comment);
  g_assert_true (plan_comment_get_resolved (comment));
  {
    PlanComment *reply = find_comment (reloaded, "Đã bổ sung thời gian.");

    g_assert_nonnull (reply);
    g_assert_cmpstr (plan_comment_get_reply_to (reply), ==, plan_comment_get_id (comment));
    g_assert_cmpstr (plan_comment_get_author (reply), ==, DRAFTER_NAME);
    g_assert_cmpstr (plan_comment_get_target (reply), ==, expected_target);
  }
}

/* Approves @file with the user's own key, as the approver's app does. */
static void
approve_file (GFile *file)
{
  g_autoptr(PlanDocument) document = plan_json_load_file (file, NULL, NULL, NULL);
  g_autoptr(PlanSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (document);
  key = plan_signing_key_get_default (TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (plan_approval_approve (document, key, APPROVER_NAME, APPROVER_TITLE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (plan_json_save_file (document, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Types into the first text field of the General Information editor, as a user would. */
static void
type_in_general_editor (PlanWindow *window,
                        const char *suffix)
{
  GtkWidget *editor = _plan_window_get_editor (window, PLAN_PART_GENERAL, NULL);
  GtkWidget *text;
  g_autofree char *value = NULL;

  _plan_window_select_part (window, PLAN_PART_GENERAL, NULL);
  gui_test_run_for (50);
  text = find_widget (editor, GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (text);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text));
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_insert (buffer, &end, suffix, -1);
  }
}

static void
test_edit_approved_asks (void)
{
  g_autoptr(GFile) file = submitted_sample ("approved.kehoach.json");
  g_autoptr(GBytes) approved = NULL;
  g_autoptr(GBytes) now = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *shot = NULL;
  g_autoptr(PlanApprovalResult) result = NULL;
  AdwMessageDialog *dialog;
  PlanDocument *document;
  PlanWindow *window;
  GListModel *history;
  g_autoptr(PlanEvent) last = NULL;

  approve_file (file);
  become (PLAN_ROLE_DRAFTER);
  window = gui_test_open_window (app, NULL, file);
  document = plan_window_get_document (window);

  g_assert_true (g_str_has_prefix (status_title (window), "Approved by " APPROVER_NAME));
  g_assert_false (plan_document_get_draft_watermark (document));
  shot = gui_test_save_screenshot (GTK_WIDGET (window), "review-status-approved");
  g_clear_pointer (&shot, g_free);
  digest = plan_canonical_digest (document);

  /* First edit: asked, and Cancel leaves the plan as approved. */
  type_in_general_editor (window, " X");
  dialog = wait_for_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Withdraw the Approval?");
  {
    g_autofree char *current = plan_canonical_digest (document);

    g_assert_cmpstr (current, ==, digest);
  }
  shot = gui_test_save_screenshot (GTK_WIDGET (dialog), "review-withdraw-dialog");
  g_clear_pointer (&shot, g_free);
  respond (dialog, "cancel");
  gui_test_run_for (100);
  g_assert_cmpint (status_of (window), ==, PLAN_STATUS_APPROVED);
  result = plan_approval_verify (document, plan_identity_get_trust_store ());
  g_assert_cmpint (plan_approval_result_get_state (result), ==, PLAN_APPROVAL_VALID);
  g_clear_object (&result);
  {
    g_autofree char *current = plan_canonical_digest (document);

    g_assert_cmpstr (current, ==, digest);
  }
  g_assert_true (g_str_has_prefix (status_title (window), "Approved by "));

  /* Again, and this time withdraw: a draft with the edit in it, recorded in the history. */
  type_in_general_editor (window, " Y");
  dialog = wait_for_dialog (window);
  respond (dialog, "withdraw");
  gui_test_run_for (100);
  g_assert_cmpint (status_of (window), ==, PLAN_STATUS_DRAFT);
  {
    g_autofree char *current = plan_canonical_digest (document);

    g_assert_cmpstr (current, !=, digest);
  }
  history = plan_review_get_history (plan_document_get_review (document));
  last = g_list_model_get_item (history, g_list_model_get_n_items (history) - 1);
  g_assert_cmpint (plan_event_get_action (last), ==, PLAN_STATUS_DRAFT);
  g_assert_cmpstr (plan_event_get_actor (last), ==, DRAFTER_NAME);
  g_assert_true (plan_document_get_draft_watermark (document));
  g_assert_true (g_str_has_prefix (status_title (window), "Draft"));
  g_assert_null (gui_test_find_dialog (GTK_WINDOW (window)));

  /* Further edits do not ask again. */
  type_in_general_editor (window, " Z");
  gui_test_run_for (100);
  g_assert_null (gui_test_find_dialog (GTK_WINDOW (window)));
  gui_test_destroy_window (window);
}

/* The clerk numbers and dates the approved plan (Decree 30, Điều 15.2): no question, the
 * approval stands, and saving records the issuing in the history. */
static void
test_issuing_keeps_approval (void)
{
  g_autoptr(GFile) file = submitted_sample ("issued.kehoach.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanDocument) saved = NULL;
  g_autoptr(PlanEvent) last = NULL;
  g_autoptr(PlanApprovalResult) result = NULL;
  g_autofree char *shot = NULL;
  PlanDocument *document;
  PlanWindow *window;
  GtkWidget *editor, *spin;
  GListModel *history;
  guint n_events;

  approve_file (file);
  become (PLAN_ROLE_DRAFTER);
  window = gui_test_open_window (app, NULL, file);
  document = plan_window_get_document (window);
  history = plan_review_get_history (plan_document_get_review (document));
  n_events = g_list_model_get_n_items (history);

  /* The number typed in its field, the date set */
  editor = _plan_window_get_editor (window, PLAN_PART_GENERAL, NULL);
  _plan_window_select_part (window, PLAN_PART_GENERAL, NULL);
  gui_test_run_for (50);
  spin = find_widget (editor, GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 26);
  plan_document_set (document, document, "date-year", 2026u, "date-month", 12u, "date-day", 6u,
                     NULL);
  gui_test_run_for (200);
  g_assert_cmpuint (plan_document_get_number (document), ==, 26);
  g_assert_cmpint (status_of (window), ==, PLAN_STATUS_APPROVED);
  g_assert_true (g_str_has_prefix (status_title (window), "Approved by " APPROVER_NAME));
  /* nothing asked: no "Withdraw the Approval?" dialog */
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l != NULL; l = l->next)
      g_assert_false (ADW_IS_MESSAGE_DIALOG (l->data) &&
                      gtk_widget_get_visible (GTK_WIDGET (l->data)));
  }

  _plan_window_select_part (window, PLAN_PART_REVIEW, NULL);
  gui_test_run_for (100);
  shot = gui_test_save_screenshot (GTK_WIDGET (window), "review-page-issued");

  g_assert_true (_plan_window_save_to_file (window, file, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, n_events + 1);

  saved = plan_json_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  result = plan_approval_verify (saved, plan_identity_get_trust_store ());
  g_assert_cmpint (plan_approval_result_get_state (result), ==, PLAN_APPROVAL_VALID);
  history = plan_review_get_history (plan_document_get_review (saved));
  last = g_list_model_get_item (history, g_list_model_get_n_items (history) - 1);
  g_assert_cmpint (plan_event_get_action (last), ==, PLAN_STATUS_APPROVED);
  g_assert_cmpstr (plan_event_get_actor (last), ==, DRAFTER_NAME);
  g_assert_cmpstr (plan_event_get_note (last), ==, "Số: 26/KH-THCS, ngày 06 tháng 12 năm 2026");

  /* Saving again records nothing more */
  g_assert_true (_plan_window_save_to_file (window, file, TRUE, &error));
  g_assert_cmpuint (g_list_model_get_n_items (plan_review_get_history (plan_document_get_review (document))),
                    ==, n_events + 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_status_states (void)
{
  g_autoptr(GFile) file = submitted_sample ("states.kehoach.json");
  g_autoptr(PlanDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) forged = NULL;
  PlanWindow *window;

  /* Changed after approval, behind the app's back: void, with the part named. */
  approve_file (file);
  document = plan_json_load_file (file, NULL, NULL, NULL);
  plan_document_set (document, document, "title", "KẾ HOẠCH ĐÃ BỊ SỬA", NULL);
  g_assert_true (plan_json_save_file (document, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  become (PLAN_ROLE_DRAFTER);
  window = gui_test_open_window (app, NULL, file);
  g_assert_cmpstr (status_title (window), ==, "Approval void: the plan was changed after approval");
  g_assert_nonnull (strstr (plan_status_bar_get_detail (PLAN_STATUS_BAR (window->status_bar)),
                            "General information"));
  g_assert_true (plan_document_get_draft_watermark (plan_window_get_document (window)));
  shot = gui_test_save_screenshot (GTK_WIDGET (window), "review-status-void");
  g_clear_pointer (&shot, g_free);
  gui_test_destroy_window (window);

  /* A status set to approved by hand, with no signature: not shown as approved. */
  forged = copy_sample ("forged.kehoach.json");
  path = g_file_get_path (forged);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  {
    GString *text = g_string_new (contents);

    g_assert_cmpuint (g_string_replace (text, "\"status\": \"draft\"", "\"status\": \"approved\"", 1), ==, 1);
    g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
    g_string_free (text, TRUE);
  }
  window = gui_test_open_window (app, NULL, forged);
  g_assert_true (g_str_has_prefix (status_title (window), "Approval not verified"));
  g_assert_true (plan_document_get_draft_watermark (plan_window_get_document (window)));
  shot = gui_test_save_screenshot (GTK_WIDGET (window), "review-status-not-verified");
  gui_test_destroy_window (window);
}

static void
test_whole_flow (void)
{
  g_autoptr(GFile) file = copy_sample ("flow.kehoach.json");
  static const char *comment_text = "Đề nghị bổ sung kinh phí thực hiện.";
  static const char *note = "Bổ sung kinh phí ở mục II rồi trình lại.";
  static const char *fix = "KẾ HOẠCH (ĐÃ BỔ SUNG KINH PHÍ)";
  g_autofree char *text = NULL;
  g_autofree char *shot = NULL;
  AdwMessageDialog *dialog;
  PlanWindow *window;
  PlanItem *section;
  StatusWait wait;
  guint index;

  /* 1. The drafter submits the draft; before approval it exports only as a draft. */
  become (PLAN_ROLE_DRAFTER);
  window = gui_test_open_window (app, NULL, file);
  g_assert_true (g_str_has_prefix (status_title (window), "Draft"));
  shot = gui_test_save_screenshot (GTK_WIDGET (window), "review-status-draft");
  g_clear_pointer (&shot, g_free);
  text = export_pdf_text (window, "flow-draft.pdf", TRUE);
  g_clear_pointer (&text, g_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.submit-for-review", NULL));
  g_assert_cmpint (status_of (window), ==, PLAN_STATUS_SUBMITTED);
  g_assert_false (plan_document_get_modified (plan_window_get_document (window)));
  gui_test_destroy_window (window);

  /* 2. The approver comments on a section and returns the plan with a note. */
  become (PLAN_ROLE_APPROVER);
  window = gui_test_open_window (app, NULL, file);
  g_assert_true (window->review_mode);
  section = first_section (plan_window_get_document (window), &index);
  _plan_window_select_part (window, PLAN_PART_SECTION, section);
  type_comment (window, comment_text);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.return-for-changes", NULL));
  dialog = wait_for_dialog (window);
  /* Return needs a note. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "return"));
  {
    GtkWidget *view = find_widget (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_TEXT_VIEW);

    g_assert_nonnull (view);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), note, -1);
  }
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "return"));
  shot = gui_test_save_screenshot (GTK_WIDGET (dialog), "review-return-dialog");
  g_clear_pointer (&shot, g_free);
  respond (dialog, "return");
  gui_test_run_for (50);
  g_assert_cmpint (status_of (window), ==, PLAN_STATUS_RETURNED);
  g_assert_false (plan_document_get_modified (plan_window_get_document (window)));
  gui_test_destroy_window (window);

  /* 3. The drafter sees the note and the comment, fixes the plan, resolves, submits again. */
  become (PLAN_ROLE_DRAFTER);
  window = gui_test_open_window (app, NULL, file);
  {
    g_autofree char *expected = g_strdup_printf ("Returned for changes: %s", note);

    g_assert_cmpstr (status_title (window), ==, expected);
  }
  shot = gui_test_save_screenshot (GTK_WIDGET (window), "review-status-returned");
  g_clear_pointer (&shot, g_free);
  section = first_section (plan_window_get_document (window), &index);
  _plan_window_select_part (window, PLAN_PART_SECTION, section);
  gtk_toggle_button_set_active (window->comments_button, TRUE);
  gui_test_run_for (50);
  g_assert_cmpuint (plan_comments_panel_get_n_threads (PLAN_COMMENTS_PANEL (window->comments_panel)), ==, 1);
  g_signal_emit_by_name (find_button (window->comments_panel, "_Resolve"), "clicked");

  plan_document_set (plan_window_get_document (window), plan_window_get_document (window),
                     "title", fix, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.submit-for-review", NULL));
  g_assert_cmpint (status_of (window), ==, PLAN_STATUS_SUBMITTED);
  g_assert_false (plan_document_get_modified (plan_window_get_document (window)));
  _plan_window_select_part (window, PLAN_PART_REVIEW, NULL);
  shot = gui_test_save_screenshot (GTK_WIDGET (window), "review-page-drafter");
  g_clear_pointer (&shot, g_free);
  gui_test_destroy_window (window);

  /* 4. The approver approves (the key is made on first use). */
  become (PLAN_ROLE_APPROVER);
  window = gui_test_open_window (app, NULL, file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.approve", NULL));
  dialog = wait_for_dialog (window);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "DỰ THẢO"));
  shot = gui_test_save_screenshot (GTK_WIDGET (dialog), "review-approve-dialog");
  g_clear_pointer (&shot, g_free);
  respond (dialog, "approve");
  wait.window = window;
  wait.status = PLAN_STATUS_APPROVED;
  g_assert_true (gui_test_wait (status_reached, &wait, 10000));
  gui_test_run_for (50);
  g_test_message ("status: %s", status_title (window));
  g_assert_true (g_str_has_prefix (status_title (window), "Approved by " APPROVER_NAME ", " APPROVER_TITLE ", on "));
  g_assert_false (plan_document_get_modified (plan_window_get_document (window)));

  /* 5. A clean PDF, with the fix. */
  text = export_pdf_text (window, "flow-approved.pdf", FALSE);
  g_assert_nonnull (strstr (text, "ĐÃ BỔ SUNG KINH PHÍ"));
  g_assert_null (strstr (text, comment_text));
  _plan_window_select_part (window, PLAN_PART_REVIEW, NULL);
  shot = gui_test_save_screenshot (GTK_WIDGET (window), "review-page-approved");
  gui_test_destroy_window (window);

  /* The history tells the whole story. */
  {
    g_autoptr(PlanDocument) document = plan_json_load_file (file, NULL, NULL, NULL);
    GListModel *history = plan_review_get_history (plan_document_get_review (document));
    static const PlanStatus expected[] = {
      PLAN_STATUS_SUBMITTED, PLAN_STATUS_RETURNED, PLAN_STATUS_SUBMITTED, PLAN_STATUS_APPROVED,
    };

    g_assert_cmpuint (g_list_model_get_n_items (history), ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_autoptr(PlanEvent) event = g_list_model_get_item (history, i);

        g_assert_cmpint (plan_event_get_action (event), ==, expected[i]);
        g_assert_cmpstr (plan_event_get_actor (event), ==,
                         i % 2 == 0 ? DRAFTER_NAME : APPROVER_NAME);
      }
  }
}

static GtkWidget *
find_by_tooltip (GtkWidget  *widget,
                 const char *tooltip)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
approver_listed (const char *key_id)
{
  GListModel *approvers = plan_trust_store_get_approvers (plan_identity_get_trust_store ());

  for (guint i = 0; i < g_list_model_get_n_items (approvers); i++)
    {
      g_autoptr(PlanTrustedApprover) approver = g_list_model_get_item (approvers, i);

      if (g_str_equal (plan_trusted_approver_get_key_id (approver), key_id))
        return TRUE;
    }

  return FALSE;
}

/* Answers the key file dialog that is open: checks its title, the key filter (and the name it
 * suggests, for a save dialog), chooses @file, accepts and waits until the dialog is closed. */
static void
answer_key_file_dialog (const char *title,
                        const char *suggested_name,
                        GFile      *file)
{
  GtkFileChooser *chooser = gui_test_wait_for_file_chooser (title);
  g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (chooser);
  g_autoptr(GtkFileFilter) keys = g_list_model_get_item (filters, 0);

  g_assert_cmpstr (gtk_file_filter_get_name (keys), ==, "Approver Keys");
  if (suggested_name != NULL)
    {
      g_autofree char *suggested = gtk_file_chooser_get_current_name (chooser);

      g_assert_cmpuint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
      g_assert_cmpstr (suggested, ==, suggested_name);
    }
  else
    {
      g_assert_cmpuint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_OPEN);
      /* A key that lost its suffix can still be picked */
      g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 2);
    }

  gui_test_accept_file_chooser (chooser, file,
                                suggested_name != NULL ? "review-key-export-dialog"
                                                       : "review-key-import-dialog");
}

/* Preferences: the approver exports the public key; the drafter imports another approver's
 * key, after which that approver's approval verifies, and removes it again. */
static void
test_preferences_keys (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(PlanSigningKey) other = plan_signing_key_new_ephemeral ();
  g_autoptr(GFile) plan = submitted_sample ("other-approver.kehoach.json");
  g_autofree char *key_path = g_build_filename (work_dir, "Lê Văn Cường.kehoach-key", NULL);
  g_autofree char *own_path = g_build_filename (work_dir, "own.kehoach-key", NULL);
  g_autoptr(GFile) key_file = g_file_new_for_path (key_path);
  g_autoptr(GFile) own_file = g_file_new_for_path (own_path);
  g_autoptr(PlanTrustedApprover) exported = NULL;
  g_autoptr(PlanSigningKey) own = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shot = NULL;
  GtkWidget *preferences, *group, *remove;
  PlanWindow *window;

  /* A plan approved by someone this user does not know yet. */
  {
    g_autoptr(PlanDocument) document = plan_json_load_file (plan, NULL, NULL, NULL);

    g_assert_true (plan_approval_approve (document, other, "Lê Văn Cường", "Phó Hiệu trưởng",
                                          NULL, &error));
    g_assert_no_error (error);
    g_assert_true (plan_json_save_file (document, plan, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (plan_signing_key_export_public (other, "Lê Văn Cường", "Phó Hiệu trưởng",
                                                   key_file, NULL, &error));
    g_assert_no_error (error);
  }

  /* The approver's Preferences: the key group, whose export writes a key file. */
  become (PLAN_ROLE_APPROVER);
  preferences = plan_preferences_window_new (settings);
  gtk_window_present (GTK_WINDOW (preferences));
  gui_test_wait_for_window (GTK_WINDOW (preferences));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "identity");
  group = find_widget (preferences, PLAN_TYPE_SIGNING_KEY_GROUP);
  g_assert_nonnull (group);
  g_assert_null (find_widget (preferences, PLAN_TYPE_TRUSTED_APPROVERS_GROUP));
  /* Through the button and its file dialog, which suggests the approver's name. */
  g_signal_emit_by_name (find_button (group, "_Export Public Key…"), "clicked");
  answer_key_file_dialog ("Export Public Key", APPROVER_NAME ".kehoach-key", own_file);
  exported = plan_trusted_approver_new_from_file (own_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plan_trusted_approver_get_name (exported), ==, APPROVER_NAME);
  own = plan_signing_key_get_default (FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plan_trusted_approver_get_key_id (exported), ==, plan_signing_key_get_key_id (own));
  gui_test_run_for (200);
  {
    g_autofree char *labels = gui_test_collect_labels (group);
    g_autofree char *id = plan_key_id_format (plan_signing_key_get_key_id (own));

    g_assert_nonnull (strstr (labels, id));
  }
  shot = gui_test_save_screenshot (preferences, "review-preferences-approver");
  g_clear_pointer (&shot, g_free);

  /* The drafter's: trusted approvers. Before the import the approval is not verified. */
  become (PLAN_ROLE_DRAFTER);
  gui_test_run_for (50);
  g_assert_null (find_widget (preferences, PLAN_TYPE_SIGNING_KEY_GROUP));
  group = find_widget (preferences, PLAN_TYPE_TRUSTED_APPROVERS_GROUP);
  g_assert_nonnull (group);

  window = gui_test_open_window (app, NULL, plan);
  g_assert_true (g_str_has_prefix (status_title (window), "Approval not verified"));
  g_assert_true (plan_document_get_draft_watermark (plan_window_get_document (window)));

  g_signal_emit_by_name (find_by_tooltip (group, "Trust an approver’s public key file"), "clicked");
  answer_key_file_dialog ("Import an Approver’s Key", NULL, key_file);
  g_assert_true (approver_listed (plan_signing_key_get_key_id (other)));
  /* Every open window checks again at once. */
  g_assert_true (g_str_has_prefix (status_title (window), "Approved by Lê Văn Cường"));
  g_assert_false (plan_document_get_draft_watermark (plan_window_get_document (window)));
  {
    g_autofree char *labels = gui_test_collect_labels (group);

    g_assert_nonnull (strstr (labels, "Lê Văn Cường"));
  }
  shot = gui_test_save_screenshot (preferences, "review-preferences-drafter");
  g_clear_pointer (&shot, g_free);

  /* A file that is not a key is refused and changes nothing. */
  g_assert_false (_plan_trusted_approvers_group_import (PLAN_TRUSTED_APPROVERS_GROUP (group), plan));

  /* Removed: no longer trusted. */
  remove = find_by_tooltip (group, "Stop trusting Lê Văn Cường");
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  gui_test_run_for (50);
  g_assert_false (approver_listed (plan_signing_key_get_key_id (other)));
  g_assert_true (g_str_has_prefix (status_title (window), "Approval not verified"));

  gui_test_destroy_window (window);
  gtk_window_destroy (GTK_WINDOW (preferences));
  gui_test_run_for (50);
}

int
main (int   argc,
      char *argv[])
{
  /* Keys in files under the test's private data folder, never the real keyring. */
  g_setenv ("KEHOACH_KEY_BACKEND", "file", TRUE);

  app = gui_test_init (&argc, &argv);
  if (app == NULL)
    {
      g_test_skip ("no display");
      return g_test_run ();
    }

  work_dir = g_dir_make_tmp ("kehoach-review-XXXXXX", NULL);
  g_assert_nonnull (work_dir);

  g_test_add_func ("/gui/review/read-only", test_review_mode_read_only);
  g_test_add_func ("/gui/review/comments", test_comment_reaches_drafter);
  g_test_add_func ("/gui/review/edit-approved-asks", test_edit_approved_asks);
  g_test_add_func ("/gui/review/issuing-keeps-approval", test_issuing_keeps_approval);
  g_test_add_func ("/gui/review/status-states", test_status_states);
  g_test_add_func ("/gui/review/whole-flow", test_whole_flow);
  g_test_add_func ("/gui/review/preferences-keys", test_preferences_keys);

  return g_test_run ();
}
