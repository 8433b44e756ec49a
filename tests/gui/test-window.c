/* test-window.c: the editor window: parts sidebar, preview, actions, files, unsaved changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <unistd.h>

#include "gui-test-util.h"
#include "plan-application-private.h"
#include "plan-fonts.h"
#include "plan-json.h"
#include "plan-preferences-window.h"
#include "plan-print-operation.h"
#include "plan-window-private.h"

static PlanApplication *app;

static GPtrArray *
sidebar_rows (PlanWindow *window)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (window->sidebar));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    g_ptr_array_add (rows, row);

  return rows;
}

static const char *
row_part (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "plan-part");
}

static guint
count_sections (PlanDocument *document)
{
  GListModel *body = plan_document_get_body (document);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (body); i++)
    {
      g_autoptr(PlanItem) item = g_list_model_get_item (body, i);
      PlanItemKind kind = plan_item_get_kind (item);

      if (kind == PLAN_ITEM_PART || kind == PLAN_ITEM_SECTION || kind == PLAN_ITEM_NUMBERED)
        n++;
    }

  return n;
}

static gboolean
preview_settled (gpointer data)
{
  PlanWindow *window = data;

  return !plan_preview_get_update_pending (window->preview);
}

static void
test_samples (void)
{
  g_autoptr(GPtrArray) samples = gui_test_list_samples ();

  g_assert_cmpuint (samples->len, >, 0);

  for (guint s = 0; s < samples->len; s++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (samples, s));
      PlanWindow *window = gui_test_open_window (app, NULL, file);
      PlanDocument *document = plan_window_get_document (window);
      GListModel *appendices = plan_document_get_appendices (document);
      g_autoptr(GPtrArray) rows = sidebar_rows (window);
      guint n_sections = count_sections (document);
      guint n_appendices = g_list_model_get_n_items (appendices);
      g_autofree char *expected_label = NULL;
      g_autofree char *labels = NULL;
      guint n_pages;

      g_test_message ("%s: %u sections, %u appendices",
                      (char *) g_ptr_array_index (samples, s), n_sections, n_appendices);

      /* A decision issuing the plan has its page after General, and only a decision */
      if (plan_document_get_kind (document) == PLAN_DOCUMENT_KIND_DECISION)
        {
          g_assert_cmpstr (row_part (rows->pdata[1]), ==, PLAN_PART_DECISION);
          g_ptr_array_remove_index (rows, 1);
        }
      for (guint i = 0; i < rows->len; i++)
        g_assert_cmpstr (row_part (rows->pdata[i]), !=, PLAN_PART_DECISION);

      /* General, Preamble, Body, its sections, Closing, the appendices, "Add appendix", Review */
      g_assert_cmpuint (rows->len, ==, 3 + n_sections + 1 + n_appendices + 1 + 1);
      g_assert_cmpstr (row_part (rows->pdata[0]), ==, PLAN_PART_GENERAL);
      g_assert_cmpstr (row_part (rows->pdata[1]), ==, PLAN_PART_PREAMBLE);
      g_assert_cmpstr (row_part (rows->pdata[2]), ==, PLAN_PART_BODY);
      for (guint i = 0; i < n_sections; i++)
        g_assert_cmpstr (row_part (rows->pdata[3 + i]), ==, PLAN_PART_SECTION);
      g_assert_cmpstr (row_part (rows->pdata[3 + n_sections]), ==, PLAN_PART_CLOSING);
      for (guint i = 0; i < n_appendices; i++)
        {
          g_autoptr(PlanAppendix) appendix = g_list_model_get_item (appendices, i);
          GtkWidget *row = rows->pdata[4 + n_sections + i];

          g_assert_cmpstr (row_part (row), ==, PLAN_PART_APPENDIX);
          g_assert_true (g_object_get_data (G_OBJECT (row), "plan-object") == (gpointer) appendix);
        }
      g_assert_cmpstr (row_part (rows->pdata[rows->len - 2]), ==, PLAN_PART_ADD_APPENDIX);
      g_assert_cmpstr (row_part (rows->pdata[rows->len - 1]), ==, PLAN_PART_REVIEW);

      /* The section rows read like the printed headings: "I. MỤC ĐÍCH, YÊU CẦU" */
      labels = gui_test_collect_labels (GTK_WIDGET (window->sidebar));
      for (guint i = 0, j = 0; i < g_list_model_get_n_items (plan_document_get_body (document)); i++)
        {
          g_autoptr(PlanItem) item = g_list_model_get_item (plan_document_get_body (document), i);
          const char *heading = plan_text_get_plain (plan_item_get_heading (item));
          g_autofree char *line = NULL;

          if (plan_item_get_kind (item) != PLAN_ITEM_SECTION || *heading == '\0')
            continue;

          line = g_strndup (heading, strcspn (heading, "\n"));
          g_assert_nonnull (strstr (labels, line));
          j++;
        }

      /* The preview shows exactly the layout's pages, and says so. */
      g_assert_true (gui_test_wait (preview_settled, window, 2000));
      n_pages = plan_layout_get_n_pages (window->layout);
      g_assert_cmpuint (n_pages, >, 0);
      g_assert_cmpuint (plan_preview_get_n_pages (window->preview), ==, n_pages);
      expected_label = g_strdup_printf ("Page 1 of %u", n_pages);
      g_assert_cmpstr (plan_preview_get_page_label (window->preview), ==, expected_label);

      /* Title: the plan's title, no unsaved-changes marker; the file's folder below it. */
      g_assert_false (plan_document_get_modified (document));
      g_assert_false (g_str_has_prefix (adw_window_title_get_title (window->window_title), "•"));
      g_assert_true (plan_window_get_file (window) != NULL);

      /* Every part opens its editor. */
      for (guint i = 0; i < rows->len; i++)
        {
          GtkWidget *row = rows->pdata[i];
          GtkWidget *editor;

          if (g_str_equal (row_part (row), PLAN_PART_ADD_APPENDIX))
            continue;

          g_test_message ("showing %s", row_part (row));
          gtk_widget_activate (row);
          gui_test_run_for (20);
          editor = gtk_stack_get_visible_child (window->editor_stack);
          g_assert_nonnull (editor);
          g_assert_true (editor == _plan_window_get_editor (window, row_part (row),
                                                            g_object_get_data (G_OBJECT (row),
                                                                               "plan-object")));

          {
            int minimum, natural;

            gtk_widget_measure (editor, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
            g_test_message ("%s editor: minimum width %d, natural %d", row_part (row), minimum, natural);
          }

          /* The preview goes to where the section or appendix is printed. */
          if (g_object_get_data (G_OBJECT (row), "plan-object") != NULL)
            {
              int page = plan_layout_find_page (window->layout,
                                                g_object_get_data (G_OBJECT (row), "plan-object"));

              g_assert_cmpint (page, >=, 0);
              g_assert_cmpuint (plan_preview_get_current_page (window->preview), ==, page);
            }
        }

      gui_test_destroy_window (window);
    }
}

static void
test_new_plan (void)
{
  GSettings *settings = plan_application_get_settings (app);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  PlanWindow *window;
  PlanDocument *document;
  guint year, month, day;

  g_settings_set_string (settings, "default-agency", "Trường THCS Lý Tự Trọng");
  g_settings_set_string (settings, "default-place", "Hạ Long");
  g_settings_set_string (settings, "default-signer-title", "HIỆU TRƯỞNG");
  g_settings_set_double (settings, "default-font-size", 13);

  window = gui_test_open_window (app, NULL, NULL);
  document = plan_window_get_document (window);

  g_assert_cmpstr (plan_document_get_agency (document), ==, "Trường THCS Lý Tự Trọng");
  g_assert_cmpstr (plan_document_get_place (document), ==, "Hạ Long");
  g_assert_cmpstr (plan_document_get_signer_title (document), ==, "HIỆU TRƯỞNG");
  g_assert_cmpfloat (plan_document_get_font_size (document), ==, 13);
  plan_document_get_date (document, &year, &month, &day);
  g_assert_cmpuint (year, ==, g_date_time_get_year (now));
  g_assert_cmpuint (month, ==, g_date_time_get_month (now));
  g_assert_cmpuint (day, ==, g_date_time_get_day_of_month (now));

  /* Nothing to save or undo in a new plan, and opening a file may replace it. */
  g_assert_false (plan_document_get_modified (document));
  g_assert_false (plan_document_can_undo (document));
  g_assert_true (plan_window_is_blank (window));
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "New Plan");

  g_settings_reset (settings, "default-agency");
  g_settings_reset (settings, "default-place");
  g_settings_reset (settings, "default-signer-title");
  g_settings_reset (settings, "default-font-size");

  gui_test_destroy_window (window);
}

static void
test_undo_redo (void)
{
  PlanWindow *window = gui_test_open_window (app, NULL, NULL);
  PlanDocument *document = plan_window_get_document (window);

  plan_document_set (document, document, "title", "về tổ chức Hội khỏe Phù Đổng", NULL);
  g_assert_true (plan_document_get_modified (document));
  g_assert_true (plan_document_can_undo (document));

  /* The marker and the title follow the change. */
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==,
                   "• về tổ chức Hội khỏe Phù Đổng");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (plan_document_get_title (document), ==, "");
  g_assert_true (plan_document_can_redo (document));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (plan_document_get_title (document), ==, "về tổ chức Hội khỏe Phù Đổng");
  g_assert_false (plan_document_can_redo (document));

  /* Close without the question for the next test. */
  window->close_confirmed = TRUE;
  gui_test_destroy_window (window);
}

static void
test_save_reopen (void)
{
  g_autoptr(GPtrArray) samples = gui_test_list_samples ();
  g_autofree char *dir = g_dir_make_tmp ("kehoach-save-XXXXXX", NULL);

  for (guint s = 0; s < samples->len; s++)
    {
      g_autoptr(GFile) source = g_file_new_for_path (g_ptr_array_index (samples, s));
      g_autofree char *first_path = g_strdup_printf ("%s/first-%u.kehoach.json", dir, s);
      g_autofree char *second_path = g_strdup_printf ("%s/second-%u.kehoach.json", dir, s);
      g_autoptr(GFile) first = g_file_new_for_path (first_path);
      g_autoptr(GFile) second = g_file_new_for_path (second_path);
      g_autoptr(GBytes) expected = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *first_data = NULL;
      g_autofree char *second_data = NULL;
      gsize first_len, second_len;
      PlanWindow *window;

      window = gui_test_open_window (app, NULL, source);
      expected = plan_json_save_bytes (plan_window_get_document (window));
      g_assert_true (_plan_window_save_to_file (window, first, FALSE, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_equal (plan_window_get_file (window), first));
      g_assert_false (plan_document_get_modified (plan_window_get_document (window)));
      gui_test_destroy_window (window);

      /* Reopened and saved again: the same bytes. */
      window = gui_test_open_window (app, NULL, first);
      g_assert_true (_plan_window_save_to_file (window, second, FALSE, &error));
      g_assert_no_error (error);
      gui_test_destroy_window (window);

      g_assert_true (g_file_get_contents (first_path, &first_data, &first_len, NULL));
      g_assert_true (g_file_get_contents (second_path, &second_data, &second_len, NULL));
      g_assert_cmpmem (first_data, first_len, second_data, second_len);
      g_assert_cmpmem (first_data, first_len,
                       g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));

      g_unlink (first_path);
      g_unlink (second_path);
    }

  g_rmdir (dir);
}

static gboolean
recent_menu_has_plan (gpointer data)
{
  PlanWindow *window = data;
  GMenuModel *section;

  if (g_menu_model_get_n_items (G_MENU_MODEL (window->recent_menu)) != 1)
    return FALSE;

  section = g_menu_model_get_item_link (G_MENU_MODEL (window->recent_menu), 0, G_MENU_LINK_SECTION);
  for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
    {
      g_autofree char *label = NULL;

      if (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &label)
          && g_str_equal (label, "plan.kehoach.json"))
        {
          g_object_unref (section);
          return TRUE;
        }
    }

  g_clear_object (&section);

  return FALSE;
}

static void
test_save_action (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kehoach-save-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.kehoach.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  PlanWindow *window = gui_test_open_window (app, NULL, NULL);
  PlanDocument *document = plan_window_get_document (window);

  g_assert_true (_plan_window_save_to_file (window, file, FALSE, &error));
  g_assert_no_error (error);

  /* Ctrl+S on a plan with a file saves there without asking. */
  plan_document_set (document, document, "title", "về công tác thi đua năm học", NULL);
  g_assert_true (g_str_has_prefix (adw_window_title_get_title (window->window_title), "• "));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_false (plan_document_get_modified (document));
  g_assert_false (g_str_has_prefix (adw_window_title_get_title (window->window_title), "•"));
  g_assert_null (gui_test_find_dialog (GTK_WINDOW (window)));

  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_nonnull (strstr (data, "về công tác thi đua năm học"));

  /* The saved plan is offered among the recent plans of the Open button. */
  g_assert_true (gui_test_wait (recent_menu_has_plan, window, 5000));

  gui_test_destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_failed_save (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kehoach-readonly-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  PlanWindow *window = gui_test_open_window (app, NULL, NULL);
  PlanDocument *document = plan_window_get_document (window);
  AdwMessageDialog *dialog;

  /* A read-only folder stops everyone but root; a missing folder stops root too. */
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  if (geteuid () == 0)
    path = g_build_filename (dir, "missing", "plan.kehoach.json", NULL);
  else
    path = g_build_filename (dir, "plan.kehoach.json", NULL);
  file = g_file_new_for_path (path);

  plan_document_set (document, document, "title", "về kiểm tra nội bộ", NULL);
  g_assert_false (_plan_window_save_to_file (window, file, FALSE, &error));
  g_assert_nonnull (error);
  g_assert_true (plan_document_get_modified (document));
  g_assert_null (plan_window_get_file (window));
  g_assert_true (g_str_has_prefix (adw_window_title_get_title (window->window_title), "• "));

  /* Through the action, the user is told, with the file name as heading. */
  g_clear_error (&error);
  window->file = g_object_ref (file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  dialog = gui_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "plan.kehoach.json");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "could not be saved"));
  g_assert_true (plan_document_get_modified (document));
  g_assert_false (g_file_query_exists (file, NULL));

  g_chmod (dir, 0700);
  g_rmdir (dir);
  window->close_confirmed = TRUE;
  gui_test_destroy_window (window);
}

/* gui_test_wait() condition: @data, a PlanWindow, shows another plan than reloaded_from. */
static PlanDocument *reloaded_from;

static gboolean
window_has_other_document (gpointer data)
{
  return plan_window_get_document (PLAN_WINDOW (data)) != reloaded_from;
}

static void
test_changed_on_disk (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kehoach-etag-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "shared.kehoach.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanDocument) colleague = plan_document_new_template ();
  g_autoptr(GBytes) theirs = NULL;
  g_autofree char *on_disk = NULL;
  gsize on_disk_len;
  PlanWindow *window = gui_test_open_window (app, NULL, NULL);
  PlanDocument *document = plan_window_get_document (window);
  AdwMessageDialog *dialog;

  g_assert_true (_plan_window_save_to_file (window, file, FALSE, &error));
  g_assert_no_error (error);

  /* A colleague saves the same file; etags have a microsecond part, make sure time moves. */
  g_usleep (20000);
  g_object_set (colleague, "title", "bản của đồng nghiệp", NULL);
  theirs = plan_json_save_bytes (colleague);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (theirs, NULL),
                                      g_bytes_get_size (theirs), NULL));

  plan_document_set (document, document, "title", "bản của tôi", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));

  dialog = gui_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "The File Was Changed by Someone Else");
  g_assert_true (adw_message_dialog_has_response (dialog, "reload"));
  g_assert_true (adw_message_dialog_has_response (dialog, "save-as"));
  g_assert_true (adw_message_dialog_has_response (dialog, "overwrite"));

  /* Cancel: their file untouched, our changes still unsaved. */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (g_file_get_contents (path, &on_disk, &on_disk_len, NULL));
  g_assert_cmpmem (on_disk, on_disk_len, g_bytes_get_data (theirs, NULL), g_bytes_get_size (theirs));
  g_assert_true (plan_document_get_modified (document));

  /* Reload: their version replaces ours. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  dialog = gui_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "reload");
  gtk_window_destroy (GTK_WINDOW (dialog));
  /* The file is read in a worker thread (plan_window_open_file()): wait for the new plan. */
  reloaded_from = g_object_ref (document);   /* kept alive: its address is not reused */
  g_assert_true (gui_test_wait (window_has_other_document, window, 10000));
  g_clear_object (&reloaded_from);
  document = plan_window_get_document (window);
  g_assert_cmpstr (plan_document_get_title (document), ==, "bản của đồng nghiệp");
  g_assert_false (plan_document_get_modified (document));

  /* Overwrite after a new change on disk: ours wins. */
  g_usleep (20000);
  g_object_set (colleague, "title", "bản thứ hai của đồng nghiệp", NULL);
  g_clear_pointer (&theirs, g_bytes_unref);
  theirs = plan_json_save_bytes (colleague);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (theirs, NULL),
                                      g_bytes_get_size (theirs), NULL));
  plan_document_set (document, document, "title", "bản cuối của tôi", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  dialog = gui_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "overwrite");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_false (plan_document_get_modified (document));
  g_clear_pointer (&on_disk, g_free);
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_nonnull (strstr (on_disk, "bản cuối của tôi"));

  gui_test_destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_unsaved_changes_dialog (void)
{
  PlanWindow *window = gui_test_open_window (app, NULL, NULL);
  PlanDocument *document = plan_window_get_document (window);
  AdwMessageDialog *dialog;
  GtkWidget *weak = GTK_WIDGET (window);

  /* Unmodified: closes at once. Modified: asks first and stays open. */
  plan_document_set (document, document, "title", "về phòng chống dịch", NULL);
  gtk_window_close (GTK_WINDOW (window));
  gui_test_run_for (50);

  dialog = gui_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "về phòng chống dịch"));
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "discard"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* Cancel keeps the window and the changes. */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_run_for (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (plan_document_get_modified (document));

  /* Discard closes it. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  gtk_window_close (GTK_WINDOW (window));
  gui_test_run_for (50);
  dialog = gui_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  gui_test_run_for (100);
  g_assert_null (weak);
}

static void
test_quit_asks (void)
{
  PlanWindow *clean = gui_test_open_window (app, NULL, NULL);
  PlanWindow *edited = gui_test_open_window (app, NULL, NULL);
  GtkWidget *clean_weak = GTK_WIDGET (clean);
  PlanDocument *document = plan_window_get_document (edited);
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (clean), (gpointer *) &clean_weak);
  plan_document_set (document, document, "title", "về an toàn giao thông", NULL);

  /* Ctrl+Q: the untouched window goes, the edited one asks and stays until answered. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  gui_test_run_for (100);
  g_assert_null (clean_weak);
  dialog = gui_test_find_dialog (GTK_WINDOW (edited));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (edited)));

  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_run_for (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (edited)));
  g_assert_true (plan_document_get_modified (document));

  edited->close_confirmed = TRUE;
  gui_test_destroy_window (edited);
}

static void
test_add_appendix (void)
{
  PlanWindow *window = gui_test_open_window (app, NULL, NULL);
  PlanDocument *document = plan_window_get_document (window);
  GListModel *appendices = plan_document_get_appendices (document);
  guint n_appendices = g_list_model_get_n_items (appendices);
  g_autoptr(GPtrArray) rows = sidebar_rows (window);
  g_autoptr(GPtrArray) rows_after = NULL;
  g_autoptr(GPtrArray) rows_undone = NULL;
  gpointer selected_object = NULL;
  g_autofree char *page_name = NULL;
  GtkWidget *add_row = rows->pdata[rows->len - 2];

  g_assert_cmpstr (row_part (add_row), ==, PLAN_PART_ADD_APPENDIX);
  gtk_widget_activate (add_row);
  gui_test_run_for (50);

  /* A new appendix, listed and selected, with its editor shown. */
  g_assert_cmpuint (g_list_model_get_n_items (appendices), ==, n_appendices + 1);
  rows_after = sidebar_rows (window);
  g_assert_cmpuint (rows_after->len, ==, rows->len + 1);
  g_assert_cmpstr (_plan_window_get_selected_part (window, &selected_object), ==, PLAN_PART_APPENDIX);
  g_assert_true (selected_object == g_list_model_get_item (appendices, n_appendices));
  g_object_unref (selected_object);

  /* Undone: the row and its editor go; the selection falls back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  gui_test_run_for (50);
  rows_undone = sidebar_rows (window);
  g_assert_cmpuint (rows_undone->len, ==, rows->len);
  g_assert_cmpstr (_plan_window_get_selected_part (window, NULL), ==, PLAN_PART_GENERAL);
  page_name = g_strdup_printf ("appendix-%p", selected_object);
  g_assert_null (gtk_stack_get_child_by_name (window->editor_stack, page_name));

  window->close_confirmed = TRUE;
  gui_test_destroy_window (window);
}

static void
test_print_operation (void)
{
  g_autoptr(GPtrArray) samples = gui_test_list_samples ();
  g_autofree char *dir = g_dir_make_tmp ("kehoach-print-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (samples, 0));
  g_autoptr(PlanPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  PopplerDocument *printed;
  PlanWindow *window = gui_test_open_window (app, NULL, file);
  GtkPrintOperationResult result;
  guint n_pages = plan_layout_get_n_pages (window->layout);

  /* Printing to a file runs the same begin_print/draw_page as a printer. */
  operation = plan_print_operation_new (window->layout);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), pdf);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  uri = g_filename_to_uri (pdf, NULL, NULL);
  printed = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (printed), ==, n_pages);

  for (guint i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (printed, i);
      double width, height, expected_width, expected_height;

      poppler_page_get_size (page, &width, &height);
      plan_layout_get_page_size (window->layout, i, &expected_width, &expected_height);
      /* A4 in the page's own orientation */
      g_assert_cmpfloat_with_epsilon (width, expected_width, 1.0);
      g_assert_cmpfloat_with_epsilon (height, expected_height, 1.0);
      g_object_unref (page);
    }
  g_object_unref (printed);

  /* The settings of an applied print are kept for the next one. */
  plan_print_operation_save_settings (operation);
  {
    g_autofree char *saved = g_build_filename (g_get_user_data_dir (), APP_ID,
                                               "print-settings.ini", NULL);
    g_assert_true (g_file_test (saved, G_FILE_TEST_EXISTS));
  }

  gui_test_destroy_window (window);
  g_unlink (pdf);
  g_rmdir (dir);
}

static void
screenshot_parts (const char *sample,
                  int         width,
                  int         height,
                  const char *prefix)
{
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  g_autoptr(GPtrArray) rows = NULL;
  PlanWindow *window = plan_window_new (GTK_APPLICATION (app), NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (plan_window_load_file (window, file, &error));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_for_window (GTK_WINDOW (window));
  g_test_message ("window %d×%d", gtk_widget_get_width (GTK_WIDGET (window)),
                  gtk_widget_get_height (GTK_WIDGET (window)));

  rows = sidebar_rows (window);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = rows->pdata[i];
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;

      if (g_str_equal (row_part (row), PLAN_PART_SECTION)
          || g_str_equal (row_part (row), PLAN_PART_ADD_APPENDIX))
        continue;

      gtk_widget_activate (row);
      gui_test_run_for (200);
      name = g_strdup_printf ("%s-%02u-%s", prefix, i, row_part (row));
      path = gui_test_save_screenshot (GTK_WIDGET (window), name);
      g_test_message ("screenshot %s", path);
    }

  gui_test_destroy_window (window);
}

static void
test_screenshots (void)
{
  g_autoptr(GPtrArray) samples = gui_test_list_samples ();
  const char *reference = NULL;

  for (guint i = 0; i < samples->len; i++)
    if (strstr (g_ptr_array_index (samples, i), "reference") != NULL)
      reference = g_ptr_array_index (samples, i);
  if (reference == NULL)
    reference = g_ptr_array_index (samples, 0);

  screenshot_parts (reference, 1280, 800, "window-wide");
  screenshot_parts (reference, 600, 800, "window-narrow");
}

static gboolean
back_button_shown (gpointer data)
{
  return gtk_widget_get_visible (GTK_WIDGET (PLAN_WINDOW (data)->back_button));
}

static gboolean
back_button_hidden (gpointer data)
{
  return !back_button_shown (data);
}

static void
test_narrow_folds (void)
{
  PlanWindow *window = plan_window_new (GTK_APPLICATION (app), NULL);
  g_autoptr(GPtrArray) rows = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 600, 800);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_for_window (GTK_WINDOW (window));

  /* Narrow: one page at a time, the preview out of the way, a way back to the parts. */
  g_assert_true (adw_leaflet_get_folded (window->leaflet));
  g_assert_true (adw_flap_get_folded (window->flap));
  g_assert_false (adw_flap_get_reveal_flap (window->flap));

  /* The header bar follows the leaflet when the loop is idle: wait for it, however slow. */
  rows = sidebar_rows (window);
  gtk_widget_activate (rows->pdata[1]);
  g_assert_true (gui_test_wait (back_button_shown, window, 10000));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (window->leaflet), ==, "content");

  gtk_widget_activate (GTK_WIDGET (window->back_button));
  g_assert_true (gui_test_wait (back_button_hidden, window, 10000));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (window->leaflet), ==, "sidebar");

  gui_test_destroy_window (window);

  /* Wide: everything side by side. */
  window = gui_test_open_window (app, NULL, NULL);
  g_assert_false (adw_leaflet_get_folded (window->leaflet));
  g_assert_false (adw_flap_get_folded (window->flap));
  g_assert_true (adw_flap_get_reveal_flap (window->flap));
  g_assert_true (gtk_widget_get_visible (window->sidebar_page));

  /* F9 hides the sidebar, the toggle hides the preview. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL));
  g_assert_false (gtk_widget_get_visible (window->sidebar_page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL));
  g_assert_true (gtk_widget_get_visible (window->sidebar_page));
  gtk_toggle_button_set_active (window->preview_button, FALSE);
  g_assert_false (adw_flap_get_reveal_flap (window->flap));
  gtk_toggle_button_set_active (window->preview_button, TRUE);

  gui_test_destroy_window (window);
}

static GtkDropTarget *
find_file_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        {
          const GType *types;
          gsize n_types;

          types = gtk_drop_target_get_gtypes (GTK_DROP_TARGET (controller), &n_types);
          for (gsize t = 0; t < n_types; t++)
            if (types[t] == GDK_TYPE_FILE_LIST)
              return GTK_DROP_TARGET (controller);
        }
    }
  return NULL;
}

static void
test_drop_file (void)
{
  g_autoptr(GPtrArray) samples = gui_test_list_samples ();
  g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (samples, 0));
  g_autoptr(GFile) reference = NULL;
  g_autoptr(PlanDocument) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *files = NULL;
  GtkDropTarget *target;
  PlanWindow *window;
  gboolean accepted = FALSE;

  expected = plan_json_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);

  /* A blank window: the dropped plan replaces it, as File → Open would. */
  window = gui_test_open_window (app, NULL, NULL);
  g_assert_true (plan_window_is_blank (window));
  target = find_file_drop_target (GTK_WIDGET (window));
  g_assert_nonnull (target);

  /* What GTK hands the target when a file manager drops one file. */
  files = g_slist_append (files, file);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free (files);
  g_signal_emit_by_name (target, "drop", &value, 100.0, 100.0, &accepted);
  g_assert_true (accepted);
  gui_test_run_for (100);

  g_assert_nonnull (plan_window_get_file (window));
  g_assert_true (g_file_equal (plan_window_get_file (window), file));
  g_assert_cmpstr (plan_document_get_title (plan_window_get_document (window)), ==,
                   plan_document_get_title (expected));
  g_assert_false (plan_document_get_modified (plan_window_get_document (window)));

  /* Something that is not a file list is refused. */
  {
    g_auto(GValue) text = G_VALUE_INIT;

    g_value_init (&text, G_TYPE_STRING);
    g_value_set_string (&text, "không phải tệp");
    accepted = TRUE;
    g_signal_emit_by_name (target, "drop", &text, 100.0, 100.0, &accepted);
    g_assert_false (accepted);
  }

  gui_test_destroy_window (window);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* The substitute-font notice: at most once per run, and not again in later runs unless the
 * substitute changes. */
static void
test_font_notice_once (void)
{
  GSettings *settings = plan_application_get_settings (app);
  g_autofree char *announced = NULL;

  g_settings_reset (settings, "font-notice-family");
  app->font_warning_shown = FALSE;
  g_assert_true (_plan_application_take_font_warning (app, "Tinos"));
  announced = g_settings_get_string (settings, "font-notice-family");
  g_assert_cmpstr (announced, ==, "Tinos");
  g_assert_false (_plan_application_take_font_warning (app, "Tinos"));

  /* The next run */
  app->font_warning_shown = FALSE;
  g_assert_false (_plan_application_take_font_warning (app, "Tinos"));

  /* A run after the substitute changed */
  app->font_warning_shown = FALSE;
  g_assert_true (_plan_application_take_font_warning (app, "Liberation Serif"));

  g_settings_reset (settings, "font-notice-family");
}

static void
test_preferences_about_shortcuts (void)
{
  GSettings *settings = plan_application_get_settings (app);
  PlanWindow *window = gui_test_open_window (app, NULL, NULL);
  g_autofree char *labels = NULL;
  GtkWindow *preferences;
  GtkWindow *about;
  GtkWindow *shortcuts;

  /* Preferences: rows are the settings, both ways. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  gui_test_run_for (300);
  preferences = find_toplevel (PLAN_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (preferences) == GTK_WINDOW (window));
  gui_test_wait_for_window (preferences);

  g_settings_set_string (settings, "default-place", "Lào Cai");
  labels = gui_test_collect_labels (GTK_WIDGET (preferences));
  g_assert_nonnull (strstr (labels, "Lào Cai"));
  g_assert_nonnull (strstr (labels, "Parent agency"));
  g_assert_nonnull (strstr (labels, "Font size"));
  g_assert_nonnull (strstr (labels, "20 to 25 mm"));
  /* The font pages are printed in, and why, when it is not Times New Roman */
  g_assert_nonnull (strstr (labels, "Printing font"));
  g_assert_nonnull (strstr (labels, plan_fonts_get_family ()));
  if (!plan_fonts_is_real_times ())
    g_assert_nonnull (strstr (labels, "Times New Roman, which is not installed"));
  g_settings_reset (settings, "default-place");

  /* Parent agency and signing authority are printed on several lines: multi-line fields. */
  {
    GtkWidget *parent_view = find_named (GTK_WIDGET (preferences), "default-parent-agency");
    GtkWidget *authority_view = find_named (GTK_WIDGET (preferences), "default-signer-authority");
    g_autofree char *authority = NULL;
    g_autofree char *shown = NULL;
    GtkTextBuffer *buffer;
    GtkTextIter start, end;

    g_assert_true (GTK_IS_TEXT_VIEW (parent_view));
    g_assert_true (GTK_IS_TEXT_VIEW (authority_view));
    /* Empty, each still shows a line to type in (GTK 4.8 could size it as a sliver). */
    {
      g_autoptr(PangoLayout) line = gtk_widget_create_pango_layout (parent_view, "Ấg");
      int line_height;

      pango_layout_get_pixel_size (line, NULL, &line_height);
      g_test_message ("empty fields: %d and %d px high; a line: %d px",
                      gtk_widget_get_height (parent_view), gtk_widget_get_height (authority_view),
                      line_height);
      g_assert_cmpint (gtk_widget_get_height (parent_view), >=, line_height);
      g_assert_cmpint (gtk_widget_get_height (authority_view), >=, line_height);
    }
    g_settings_set_string (settings, "default-parent-agency", "UBND TỈNH LÀO CAI\nSỞ GIÁO DỤC");
    buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (parent_view));
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, "UBND TỈNH LÀO CAI\nSỞ GIÁO DỤC");

    buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (authority_view));
    gtk_text_buffer_set_text (buffer, "", -1);
    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_insert_interactive (buffer, &end, "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH", -1, TRUE);
    authority = g_settings_get_string (settings, "default-signer-authority");
    g_assert_cmpstr (authority, ==, "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH");

    /* A new plan takes both lines. */
    {
      PlanWindow *fresh;

      gtk_window_destroy (preferences);
      preferences = NULL;
      fresh = gui_test_open_window (app, NULL, NULL);
      g_assert_cmpstr (plan_document_get_signer_authority (plan_window_get_document (fresh)), ==,
                       "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH");
      g_assert_cmpstr (plan_document_get_parent_agency (plan_window_get_document (fresh)), ==,
                       "UBND TỈNH LÀO CAI\nSỞ GIÁO DỤC");
      gui_test_destroy_window (fresh);
    }
    g_settings_reset (settings, "default-parent-agency");
    g_settings_reset (settings, "default-signer-authority");
  }

  /* About */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  gui_test_run_for (200);
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Kế hoạch");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  gtk_window_destroy (about);

  /* Keyboard shortcuts: Ctrl+? shows the window, built when asked for */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                  "win.show-help-overlay");

    g_assert_nonnull (accels);
    g_assert_cmpstr (accels[0], ==, "<Control>question");
  }
  g_assert_null (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  gui_test_run_for (200);
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  gtk_window_destroy (shortcuts);

  gui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = gui_test_init (&argc, &argv);

  if (app == NULL)
    {
      g_test_skip ("no display");
      return g_test_run ();
    }

  g_test_add_func ("/gui/window/samples", test_samples);
  g_test_add_func ("/gui/window/new-plan", test_new_plan);
  g_test_add_func ("/gui/window/undo-redo", test_undo_redo);
  g_test_add_func ("/gui/window/save-reopen", test_save_reopen);
  g_test_add_func ("/gui/window/save-action", test_save_action);
  g_test_add_func ("/gui/window/failed-save", test_failed_save);
  g_test_add_func ("/gui/window/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/gui/window/unsaved-changes-dialog", test_unsaved_changes_dialog);
  g_test_add_func ("/gui/window/quit-asks", test_quit_asks);
  g_test_add_func ("/gui/window/add-appendix", test_add_appendix);
  g_test_add_func ("/gui/window/print", test_print_operation);
  g_test_add_func ("/gui/window/narrow", test_narrow_folds);
  g_test_add_func ("/gui/window/drop-file", test_drop_file);
  g_test_add_func ("/gui/window/preferences-about-shortcuts", test_preferences_about_shortcuts);
  g_test_add_func ("/gui/window/font-notice-once", test_font_notice_once);
  g_test_add_func ("/gui/window/screenshots", test_screenshots);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);

  return status;
}
