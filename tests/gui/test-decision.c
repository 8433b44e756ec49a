/* test-decision.c: a decision issuing a plan (Quyết định ban hành kế hoạch) in the window: made
 * from the New menu's template, edited on its own page, undone, exported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "pdf-test-util.h"
#include "plan-decision-editor.h"
#include "plan-rich-text-view.h"
#include "plan-window-private.h"

static PlanApplication *app;
static char *work_dir;

/* ---- Helpers -------------------------------------------------------------------------------- */

static void
find_all (GtkWidget *widget,
          GType      type,
          GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_all (child, type, out);
}

static GtkWidget *
find_named (GtkWidget  *root,
            GType       type,
            const char *name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  find_all (root, type, found);
  for (guint i = 0; i < found->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (found, i)), name) == 0)
      return g_ptr_array_index (found, i);
  return NULL;
}

static char *
buffer_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
type_into (GtkWidget  *view,
           const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* The "Điều N." labels shown beside the articles, in order, joined by " " */
static char *
article_labels (GtkWidget *editor)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GString) joined = g_string_new (NULL);

  find_all (editor, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (!gtk_widget_has_css_class (label, "plan-marker"))
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, gtk_label_get_label (GTK_LABEL (label)));
    }
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* The text view beside the article labelled @label */
static GtkWidget *
article_view (GtkWidget  *editor,
              const char *label)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  find_all (editor, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *marker = g_ptr_array_index (labels, i);

      if (gtk_widget_has_css_class (marker, "plan-marker") &&
          g_strcmp0 (gtk_label_get_label (GTK_LABEL (marker)), label) == 0)
        return gtk_widget_get_next_sibling (marker);
    }
  return NULL;
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL && menu_has_action (section, action))
        return TRUE;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
    }
  return FALSE;
}

static gboolean
sidebar_has_part (PlanWindow *window,
                  const char *part)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (window->sidebar)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "plan-part"), part) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
other_window_cb (gpointer data)
{
  PlanWindow *active = gui_test_active_window (app);

  return active != NULL && active != data;
}

static char *
export_text (PlanWindow *window,
             const char *name)
{
  g_autofree char *path = g_build_filename (work_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (_plan_window_export_pdf (window, file, &error));
  g_assert_no_error (error);
  return pdf_test_text (file);
}

/* A new decision from the header bar's New menu, as a clerk makes one */
static PlanWindow *
new_decision_window (PlanWindow *from)
{
  PlanWindow *window;

  gtk_widget_activate_action (GTK_WIDGET (from), "app.new-decision", NULL);
  g_assert_true (gui_test_wait (other_window_cb, from, 5000));
  window = gui_test_active_window (app);
  gui_test_wait_for_window (GTK_WINDOW (window));
  return window;
}

/* ---- New menu ------------------------------------------------------------------------------- */

static void
test_new_menu (void)
{
  GSettings *settings = plan_application_get_settings (app);
  PlanWindow *plan_window, *window;
  PlanDocument *document;
  PlanDecision *decision;
  GMenuModel *primary;
  g_autofree char *text = NULL;

  g_settings_set_string (settings, "default-agency", "Trường THCS Lý Tự Trọng");
  g_settings_set_string (settings, "default-signer-title", "HIỆU TRƯỞNG");
  g_settings_set_string (settings, "default-archive", "VT, VP");

  plan_window = gui_test_open_window (app, NULL, NULL);
  g_assert_cmpint (plan_document_get_kind (plan_window_get_document (plan_window)), ==,
                   PLAN_DOCUMENT_KIND_PLAN);
  g_assert_false (sidebar_has_part (plan_window, PLAN_PART_DECISION));

  /* The header bar's New button makes a plan; its menu and the window menu offer both */
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (plan_window->new_button)), ==,
                   "app.new");
  g_assert_true (menu_has_action (adw_split_button_get_menu_model (plan_window->new_button),
                                  "app.new"));
  g_assert_true (menu_has_action (adw_split_button_get_menu_model (plan_window->new_button),
                                  "app.new-decision"));
  primary = gtk_menu_button_get_menu_model (plan_window->primary_menu_button);
  g_assert_true (menu_has_action (primary, "app.new"));
  g_assert_true (menu_has_action (primary, "app.new-decision"));

  window = new_decision_window (plan_window);
  document = plan_window_get_document (window);
  decision = plan_document_get_decision (document);

  /* The template, with the preferences' agency and signer */
  g_assert_cmpint (plan_document_get_kind (document), ==, PLAN_DOCUMENT_KIND_DECISION);
  g_assert_false (plan_document_get_modified (document));
  g_assert_false (plan_document_can_undo (document));
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "New Decision");
  g_assert_cmpstr (plan_decision_get_title (decision), ==, "Ban hành Kế hoạch …");
  g_assert_cmpstr (plan_decision_get_authority (decision), ==, "Hiệu trưởng Trường THCS Lý Tự Trọng");
  g_assert_cmpstr (plan_decision_get_archive (decision), ==, "VT, VP");
  g_assert_cmpstr (plan_document_get_archive (document), ==, "");
  g_assert_cmpstr (plan_document_get_agency (document), ==, "Trường THCS Lý Tự Trọng");
  g_assert_cmpuint (g_list_model_get_n_items (plan_decision_get_articles (decision)), ==, 3);
  g_assert_true (sidebar_has_part (window, PLAN_PART_DECISION));
  {
    g_autofree char *plan_rows = gui_test_collect_labels (GTK_WIDGET (plan_window->sidebar));
    g_autofree char *rows = gui_test_collect_labels (GTK_WIDGET (window->sidebar));

    /* Two sets of Căn cứ lines: the Preamble row says it is the plan's */
    g_assert_nonnull (strstr (rows, "Decision\nIssuing the plan\nPreamble\nOf the plan\n"));
    g_assert_null (strstr (plan_rows, "Of the plan"));
  }

  /* Printed by Mẫu 1.3: the decision, then the plan it issues */
  text = export_text (window, "new-decision.pdf");
  g_assert_nonnull (strstr (text, "QUYẾT ĐỊNH\n"));
  g_assert_nonnull (strstr (text, "HIỆU TRƯỞNG TRƯỜNG THCS LÝ TỰ TRỌNG"));
  g_assert_nonnull (strstr (text, "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch …."));
  g_assert_nonnull (strstr (text, "Điều 3."));
  g_assert_nonnull (strstr (text, "Như Điều 3;"));
  g_assert_nonnull (strstr (text, "Lưu: VT, VP."));
  g_assert_nonnull (strstr (text, "(Ban hành kèm theo Quyết định số"));
  g_assert_nonnull (strstr (text, "của Hiệu trưởng Trường THCS Lý Tự Trọng)"));

  gui_test_destroy_window (window);
  gui_test_destroy_window (plan_window);
  g_settings_reset (settings, "default-agency");
  g_settings_reset (settings, "default-signer-title");
  g_settings_reset (settings, "default-archive");
}

/* ---- The Decision page ---------------------------------------------------------------------- */

static void
test_editor (void)
{
  PlanWindow *plan_window = gui_test_open_window (app, NULL, NULL);
  PlanWindow *window = new_decision_window (plan_window);
  PlanDocument *document = plan_window_get_document (window);
  PlanDecision *decision = plan_document_get_decision (document);
  GListModel *articles = plan_decision_get_articles (decision);
  GListModel *bases = plan_decision_get_preamble (decision);
  g_autoptr(PlanArticle) second = g_list_model_get_item (articles, 1);
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autofree char *labels = NULL;
  g_autofree char *text = NULL;
  g_autofree char *screenshot = NULL;
  GtkWidget *editor, *authority, *view;

  g_assert_true (_plan_window_select_part (window, PLAN_PART_DECISION, NULL));
  gui_test_run_for (50);
  editor = gtk_stack_get_visible_child (window->editor_stack);
  g_assert_true (PLAN_IS_DECISION_EDITOR (editor));

  /* What the template holds is shown */
  view = find_named (editor, PLAN_TYPE_RICH_TEXT_VIEW, "decision-title");
  text = buffer_text (view);
  g_assert_cmpstr (text, ==, "Ban hành Kế hoạch …");
  g_clear_pointer (&text, g_free);
  labels = article_labels (editor);
  g_assert_cmpstr (labels, ==, "Điều 1. Điều 2. Điều 3.");
  g_clear_pointer (&labels, g_free);

  /* The title, the authority, a basis and an article, typed in their fields */
  type_into (view, "Ban hành Kế hoạch tổ chức Hội khỏe Phù Đổng năm học 2025-2026");
  authority = find_named (editor, PLAN_TYPE_RICH_TEXT_VIEW, "decision-authority");
  type_into (authority, "Hiệu trưởng Trường THCS Chu Văn An");
  g_assert_cmpstr (plan_decision_get_authority (decision), ==, "Hiệu trưởng Trường THCS Chu Văn An");
  view = article_view (editor, "Điều 2.");
  g_assert_nonnull (view);
  type_into (view, "Quyết định này có hiệu lực từ ngày 01 tháng 9 năm 2025.");
  g_assert_cmpstr (plan_text_get_plain (plan_article_get_text (second)), ==,
                   "Quyết định này có hiệu lực từ ngày 01 tháng 9 năm 2025.");
  find_all (editor, PLAN_TYPE_RICH_TEXT_VIEW, views);
  /* title, authority, three bases, three articles */
  g_assert_cmpuint (views->len, ==, 8);
  type_into (g_ptr_array_index (views, 2), "Căn cứ Điều lệ trường trung học cơ sở;");
  {
    g_autoptr(PlanParagraph) basis = g_list_model_get_item (bases, 0);

    g_assert_cmpstr (plan_text_get_plain (plan_paragraph_get_text (basis)), ==,
                     "Căn cứ Điều lệ trường trung học cơ sở;");
  }

  /* A fourth article from the header button; Enter in it would start a fifth */
  gtk_widget_activate_action (editor, "decision.add-article", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 4);
  labels = article_labels (editor);
  g_assert_cmpstr (labels, ==, "Điều 1. Điều 2. Điều 3. Điều 4.");
  g_clear_pointer (&labels, g_free);
  view = article_view (editor, "Điều 4.");
  g_assert_true (gtk_widget_has_focus (view));
  type_into (view, "Giao Tổ chuyên môn tổ chức thực hiện.");

  /* Moved up: it prints as "Điều 3." and the labels follow */
  {
    g_autoptr(PlanArticle) moved = g_list_model_get_item (articles, 3);
    GtkWidget *row = gtk_widget_get_ancestor (view, GTK_TYPE_LIST_BOX_ROW);
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
    g_autoptr(PlanArticle) third = NULL;

    find_all (row, GTK_TYPE_BUTTON, buttons);
    g_assert_cmpuint (buttons->len, ==, 3);
    g_signal_emit_by_name (g_ptr_array_index (buttons, 0), "clicked");
    third = g_list_model_get_item (articles, 2);
    g_assert_true (third == moved);
    view = article_view (editor, "Điều 3.");
    text = buffer_text (view);
    g_assert_cmpstr (text, ==, "Giao Tổ chuyên môn tổ chức thực hiện.");
    g_clear_pointer (&text, g_free);
  }

  /* A recipient of the decision */
  gtk_widget_activate_action (editor, "decision.add-recipient", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (plan_decision_get_recipients (decision)), ==, 2);
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    GtkWidget *entry = gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY);
    g_autoptr(PlanRecipient) added = g_list_model_get_item (plan_decision_get_recipients (decision), 1);

    g_assert_nonnull (entry);
    gtk_editable_set_text (GTK_EDITABLE (entry), "Phòng GD&ĐT");
    g_assert_cmpstr (plan_recipient_get_name (added), ==, "Phòng GD&ĐT");
  }

  /* The preview and the PDF print what was typed */
  text = export_text (window, "edited-decision.pdf");
  g_assert_nonnull (strstr (text, "HIỆU TRƯỞNG TRƯỜNG THCS CHU VĂN AN"));
  g_assert_nonnull (strstr (text, "Ban hành Kế hoạch tổ chức Hội khỏe Phù Đổng năm học 2025-2026"));
  g_assert_nonnull (strstr (text, "Căn cứ Điều lệ trường trung học cơ sở;"));
  g_assert_nonnull (strstr (text, "Điều 2. Quyết định này có hiệu lực từ ngày 01 tháng 9 năm 2025."));
  g_assert_nonnull (strstr (text, "Điều 3. Giao Tổ chuyên môn tổ chức thực hiện."));
  g_assert_nonnull (strstr (text, "Điều 4. … chịu trách nhiệm thi hành Quyết định này."));
  g_assert_nonnull (strstr (text, "Phòng GD&ĐT;"));
  g_assert_nonnull (strstr (text, "của Hiệu trưởng Trường THCS Chu Văn An)"));
  g_clear_pointer (&text, g_free);

  screenshot = gui_test_save_screenshot (GTK_WIDGET (window), "decision-editor");
  g_test_message ("screenshot: %s", screenshot);

  /* Undo, through the window's action, gives back the template, and the fields follow */
  while (plan_document_can_undo (document))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (plan_decision_get_authority (decision), ==, "");
  text = buffer_text (authority);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (plan_decision_get_recipients (decision)), ==, 1);
  labels = article_labels (editor);
  g_assert_cmpstr (labels, ==, "Điều 1. Điều 2. Điều 3.");
  view = article_view (editor, "Điều 2.");
  text = buffer_text (view);
  g_assert_cmpstr (text, ==, "Quyết định này có hiệu lực kể từ ngày ký.");
  g_clear_pointer (&text, g_free);

  /* Removing an article renumbers the rest */
  {
    GtkWidget *row = gtk_widget_get_ancestor (article_view (editor, "Điều 1."), GTK_TYPE_LIST_BOX_ROW);
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

    find_all (row, GTK_TYPE_BUTTON, buttons);
    g_signal_emit_by_name (g_ptr_array_index (buttons, 2), "clicked");
    g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 2);
    g_clear_pointer (&labels, g_free);
    labels = article_labels (editor);
    g_assert_cmpstr (labels, ==, "Điều 1. Điều 2.");
    text = buffer_text (article_view (editor, "Điều 1."));
    g_assert_cmpstr (text, ==, "Quyết định này có hiệu lực kể từ ngày ký.");
  }

  plan_document_set_unmodified (document);
  gui_test_destroy_window (window);
  gui_test_destroy_window (plan_window);
}

/* ---- General page: the number is the decision's --------------------------------------------- */

static GtkWidget *
doc_type_row (GtkWidget *editor)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  find_all (editor, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), "Document type") == 0)
      return g_ptr_array_index (rows, i);
  return NULL;
}

static char *
selected_doc_type (GtkWidget *row)
{
  g_autoptr(GPtrArray) drop_downs = g_ptr_array_new ();
  GtkDropDown *drop_down;

  find_all (row, GTK_TYPE_DROP_DOWN, drop_downs);
  g_assert_cmpuint (drop_downs->len, ==, 1);
  drop_down = g_ptr_array_index (drop_downs, 0);
  return g_strdup (gtk_string_object_get_string (gtk_drop_down_get_selected_item (drop_down)));
}

static void
test_general_number (void)
{
  PlanWindow *plan_window = gui_test_open_window (app, NULL, NULL);
  PlanWindow *window = new_decision_window (plan_window);
  PlanDocument *document = plan_window_get_document (window);
  GtkWidget *plan_row, *row;
  g_autofree char *plan_type = NULL;
  g_autofree char *decision_type = NULL;
  g_autofree char *labels = NULL;

  plan_row = doc_type_row (_plan_window_get_editor (plan_window, PLAN_PART_GENERAL, NULL));
  plan_type = selected_doc_type (plan_row);
  g_assert_true (g_str_has_prefix (plan_type, "KH –"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (plan_row)) ?: "", ==, "");

  /* The decision's file: what prints (QĐ), said to be the decision's */
  g_object_set (document, "agency-abbrev", "THCS", NULL);
  plan_document_set (document, document, "number", 15, NULL);
  g_assert_true (_plan_window_select_part (window, PLAN_PART_GENERAL, NULL));
  gui_test_run_for (50);
  row = doc_type_row (_plan_window_get_editor (window, PLAN_PART_GENERAL, NULL));
  decision_type = gui_test_collect_labels (row);
  g_assert_nonnull (strstr (decision_type, "QĐ – Quyết định"));
  g_assert_null (strstr (decision_type, "KH"));
  {
    g_autoptr(GPtrArray) drop_downs = g_ptr_array_new ();

    /* The plan's type choice is not offered: the decision is always a QĐ */
    find_all (row, GTK_TYPE_DROP_DOWN, drop_downs);
    g_assert_cmpuint (drop_downs->len, ==, 1);
    g_assert_false (gtk_widget_get_visible (g_ptr_array_index (drop_downs, 0)));
  }
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Of the decision that issues the plan");
  labels = gui_test_collect_labels (_plan_window_get_editor (window, PLAN_PART_GENERAL, NULL));
  g_assert_nonnull (strstr (labels, "Số: 15/QĐ-THCS"));
  g_assert_nonnull (strstr (labels, "The decision’s number and date"));

  plan_document_set_unmodified (document);
  gui_test_destroy_window (window);
  gui_test_destroy_window (plan_window);
}

/* ---- A plan issued by a decision, and back ---------------------------------------------------- */

static void
test_issue_by_decision (void)
{
  g_autoptr(PlanDocument) plan = plan_document_new_template ();
  g_autoptr(PlanRecipient) recipient = plan_recipient_new ("Phòng GD&ĐT", "b/cáo");
  PlanWindow *window;
  PlanDocument *document;
  PlanDecision *decision;
  GMenuModel *primary;
  GtkWidget *editor, *view;
  g_autofree char *text = NULL;

  g_object_set (plan, "title", "Tuyên truyền cải cách hành chính năm 2022",
                "agency", "Trường THCS Lý Tự Trọng", "signer-title", "HIỆU TRƯỞNG", NULL);
  g_list_store_append (G_LIST_STORE (plan_document_get_recipients (plan)), recipient);
  plan_document_clear_undo (plan);
  window = gui_test_open_window (app, plan, NULL);
  document = plan_window_get_document (window);
  decision = plan_document_get_decision (document);

  /* The window menu offers the way that applies */
  primary = gtk_menu_button_get_menu_model (window->primary_menu_button);
  g_assert_true (menu_has_action (primary, "win.issue-by-decision"));
  g_assert_true (menu_has_action (primary, "win.remove-decision"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-decision", NULL));
  g_assert_cmpint (plan_document_get_kind (document), ==, PLAN_DOCUMENT_KIND_PLAN);
  g_assert_false (plan_document_get_modified (document));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.issue-by-decision", NULL);
  gui_test_run_for (50);
  g_assert_cmpint (plan_document_get_kind (document), ==, PLAN_DOCUMENT_KIND_DECISION);
  g_assert_true (sidebar_has_part (window, PLAN_PART_DECISION));
  editor = gtk_stack_get_visible_child (window->editor_stack);
  g_assert_true (PLAN_IS_DECISION_EDITOR (editor));
  view = find_named (editor, PLAN_TYPE_RICH_TEXT_VIEW, "decision-title");
  text = buffer_text (view);
  g_assert_cmpstr (text, ==, "Ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2022");
  g_clear_pointer (&text, g_free);
  text = buffer_text (find_named (editor, PLAN_TYPE_RICH_TEXT_VIEW, "decision-authority"));
  g_assert_cmpstr (text, ==, "Hiệu trưởng Trường THCS Lý Tự Trọng");
  g_clear_pointer (&text, g_free);
  g_assert_cmpuint (g_list_model_get_n_items (plan_decision_get_recipients (decision)), ==, 2);

  text = export_text (window, "issued-by-decision.pdf");
  g_assert_nonnull (strstr (text, "QUYẾT ĐỊNH\n"));
  g_assert_nonnull (strstr (text, "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tuyên truyền"));
  g_assert_nonnull (strstr (text, "Phòng GD&ĐT (b/cáo);"));
  g_clear_pointer (&text, g_free);

  /* One undo: the plan as it was, and the Decision page goes */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gui_test_run_for (50);
  g_assert_cmpint (plan_document_get_kind (document), ==, PLAN_DOCUMENT_KIND_PLAN);
  g_assert_false (sidebar_has_part (window, PLAN_PART_DECISION));
  g_assert_cmpuint (g_list_model_get_n_items (plan_document_get_recipients (document)), ==, 1);
  text = export_text (window, "plan-again.pdf");
  g_assert_null (strstr (text, "QUYẾT ĐỊNH"));
  g_clear_pointer (&text, g_free);

  /* And the way back */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpint (plan_document_get_kind (document), ==, PLAN_DOCUMENT_KIND_DECISION);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-decision", NULL);
  gui_test_run_for (50);
  g_assert_cmpint (plan_document_get_kind (document), ==, PLAN_DOCUMENT_KIND_PLAN);
  g_assert_false (sidebar_has_part (window, PLAN_PART_DECISION));
  g_assert_cmpuint (g_list_model_get_n_items (plan_document_get_recipients (document)), ==, 1);

  plan_document_set_unmodified (document);
  gui_test_destroy_window (window);
}

/* A note of the Word import about the decision or one of its articles opens the Decision page */
static void
test_reveal_decision (void)
{
  g_autofree char *sample = g_build_filename (g_getenv ("KEHOACH_SAMPLES_DIR"),
                                              "decision-25-qd-thcs.kehoach.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  PlanWindow *window = gui_test_open_window (app, NULL, file);
  PlanDecision *decision = plan_document_get_decision (plan_window_get_document (window));
  g_autoptr(PlanArticle) second = g_list_model_get_item (plan_decision_get_articles (decision), 1);

  _plan_window_reveal_object (window, G_OBJECT (second));
  gui_test_run_for (50);
  g_assert_true (PLAN_IS_DECISION_EDITOR (gtk_stack_get_visible_child (window->editor_stack)));

  g_assert_true (_plan_window_select_part (window, PLAN_PART_GENERAL, NULL));
  _plan_window_reveal_object (window, G_OBJECT (decision));
  gui_test_run_for (50);
  g_assert_true (PLAN_IS_DECISION_EDITOR (gtk_stack_get_visible_child (window->editor_stack)));

  gui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  app = gui_test_init (&argc, &argv);
  if (app == NULL)
    {
      g_test_skip ("no display");
      return g_test_run ();
    }

  work_dir = g_dir_make_tmp ("kehoach-decision-XXXXXX", NULL);
  g_assert_nonnull (work_dir);

  g_test_add_func ("/gui/decision/new-menu", test_new_menu);
  g_test_add_func ("/gui/decision/editor", test_editor);
  g_test_add_func ("/gui/decision/general-number", test_general_number);
  g_test_add_func ("/gui/decision/issue-by-decision", test_issue_by_decision);
  g_test_add_func ("/gui/decision/reveal", test_reveal_decision);

  return g_test_run ();
}
