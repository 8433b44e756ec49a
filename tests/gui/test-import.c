/* test-import.c: Word plans opened in the window: from the application's open (what Open,
 * the command line and drag and drop call), by a drop on the window, through Open and GTK's
 * own file dialog, and a damaged one; the panel of what was recognised, its rows that show the
 * places; Save writes a valid plan and the Word file is never written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-test-util.h"
#include "plan-docx-import.h"
#include "plan-json.h"
#include "plan-window-private.h"

/* Run apart, in the file-chooser suite (tests/gui/meson.build says why) */
/* The cases that answer GTK's file chooser (tests/gui/meson.build runs them apart) */
#define FILE_CHOOSER_CASE "/gui/import/file-chooser/open"
#define EXPORT_DIALOG_CASE "/gui/import/file-chooser/export-docx"

static PlanApplication *app;
static char *tmp_dir;

static gboolean
window_has_import (gpointer data)
{
  PlanWindow *window = gui_test_active_window (app);

  return window != NULL && window->import_panel != NULL &&
         gtk_widget_get_mapped (window->import_panel);
}

static gboolean
window_has_dialog (gpointer data)
{
  PlanWindow *window = gui_test_active_window (app);

  return window != NULL && gui_test_find_dialog (GTK_WINDOW (window)) != NULL;
}

/* A copy of a Word file in the temporary folder, and its checksum */
static GFile *
copy_docx (const char  *path,
           char       **checksum)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *target = g_build_filename (tmp_dir, basename, NULL);
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (target, data, length, &error);
  g_assert_no_error (error);
  *checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) data, length);
  return g_file_new_for_path (target);
}

static char *
checksum_of (GFile *file)
{
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_load_contents (file, NULL, &data, &length, NULL, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) data, length);
}

static GtkListBox *
find_list_box (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget))
    return GTK_LIST_BOX (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListBox *found = find_list_box (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_open_reference (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "docx-import",
                                                   "05-sct-laocai-kh-3024-kiem-tra-vlncn-sin-quyen.docx",
                                                   NULL);
  g_autofree char *checksum = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) docx = copy_docx (source, &checksum);
  g_autofree char *saved_path = g_build_filename (tmp_dir, "saved.kehoach.json", NULL);
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanDocument) reloaded = NULL;
  g_autofree char *labels = NULL;
  g_autofree char *title = NULL;
  g_autofree char *shot = NULL;
  PlanWindow *window;

  plan_application_open_file (app, docx, NULL);
  g_assert_true (gui_test_wait (window_has_import, NULL, 20000));
  window = gui_test_active_window (app);
  gui_test_wait_for_window (GTK_WINDOW (window));
  shot = gui_test_save_screenshot (GTK_WIDGET (window), "import-reference");

  /* A new plan, not saved, titled after the Word file */
  g_assert_null (plan_window_get_file (window));
  g_assert_true (plan_document_get_modified (plan_window_get_document (window)));
  title = plan_window_dup_title (window);
  g_assert_cmpstr (title, ==, "05-sct-laocai-kh-3024-kiem-tra-vlncn-sin-quyen");
  g_assert_cmpstr (plan_document_get_signer_name (plan_window_get_document (window)), ==,
                   "Hoàng Văn Thuân");

  /* The panel says what was recognised */
  labels = gui_test_collect_labels (window->import_panel);
  g_assert_nonnull (strstr (labels, "05-sct-laocai-kh-3024-kiem-tra-vlncn-sin-quyen.docx"));
  g_assert_nonnull (strstr (labels, "Header, 7 preamble paragraphs, 3 sections"));
  g_assert_nonnull (strstr (labels, "1 appendix with a 4-column table, signer"));

  /* Save writes a valid plan; the Word file is unchanged */
  g_assert_true (_plan_window_save_to_file (window, saved, FALSE, &error));
  g_assert_no_error (error);
  reloaded = plan_json_load_file (saved, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (plan_document_get_body (reloaded)), ==, 4);
  g_assert_true (g_file_equal (plan_window_get_file (window), saved));
  after = checksum_of (docx);
  g_assert_cmpstr (after, ==, checksum);

  /* Dismissed, the panel goes */
  g_signal_emit_by_name (window->import_panel, "dismissed");
  g_assert_null (window->import_panel);

  gui_test_close_all_windows (app);
  g_unlink (saved_path);
}

static gboolean
selected_part_is (gpointer data)
{
  PlanWindow *window = gui_test_active_window (app);
  return window != NULL && g_strcmp0 (_plan_window_get_selected_part (window, NULL), data) == 0;
}

static void
test_drop_and_jump (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_BUILT, "docx-import",
                                                   "rules.docx", NULL);
  g_autofree char *checksum = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) docx = copy_docx (source, &checksum);
  PlanWindow *window = gui_test_open_window (app, NULL, NULL);
  GtkDropTarget *drop = NULL;
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  GdkFileList *files;
  g_autoslist(GFile) list = NULL;
  GValue value = G_VALUE_INIT;
  g_autofree char *labels = NULL;
  GtkListBox *rows;
  GtkListBoxRow *row;
  gboolean accepted = FALSE;

  /* Dropped on the window: a blank window takes the imported plan */
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && drop == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (controller))
        drop = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (drop);
  list = g_slist_prepend (NULL, g_object_ref (docx));
  files = gdk_file_list_new_from_list (list);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, files);
  g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);
  g_assert_true (gui_test_wait (window_has_import, NULL, 20000));
  g_assert_true (gui_test_active_window (app) == window);

  /* Every place kept only as plain paragraphs is listed */
  labels = gui_test_collect_labels (window->import_panel);
  g_assert_nonnull (strstr (labels, "Text of a footnote"));
  g_assert_nonnull (strstr (labels, "Chú thích cuối trang"));
  g_assert_nonnull (strstr (labels, "Text of a text box"));
  g_assert_nonnull (strstr (labels, "“3.” is kept as written"));

  /* A row shows its place: the footnote's paragraph is in the body's second section */
  rows = find_list_box (window->import_panel);
  g_assert_nonnull (rows);
  row = gtk_list_box_get_row_at_index (rows, 0);
  g_assert_true (gtk_list_box_row_get_activatable (row));
  _plan_window_select_part (window, PLAN_PART_GENERAL, NULL);
  g_signal_emit_by_name (rows, "row-activated", row);
  g_assert_true (gui_test_wait (selected_part_is, (gpointer) PLAN_PART_SECTION, 5000));

  after = checksum_of (docx);
  g_assert_cmpstr (after, ==, checksum);
  gui_test_close_all_windows (app);
}

static void
test_damaged (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "damaged.docx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *labels = NULL;
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (path, "PK\003\004 cut short", -1, NULL));
  plan_application_open_file (app, file, NULL);
  g_assert_true (gui_test_wait (window_has_dialog, NULL, 20000));
  dialog = gui_test_find_dialog (GTK_WINDOW (gui_test_active_window (app)));
  labels = gui_test_collect_labels (GTK_WIDGET (dialog));
  g_assert_nonnull (strstr (labels, "This Word file could not be opened."));
  g_assert_nonnull (strstr (labels, "damaged"));
  g_assert_null (gui_test_active_window (app)->import_panel);
  gui_test_close_all_windows (app);
  g_unlink (path);
}

/* Through Open (Ctrl+O) and GTK's own file dialog, as a user does: the Word filter is offered
 * and picks Word files, and the chosen file opens in the blank window. */
static void
test_file_chooser (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "docx-import",
                                                   "03-sct-laocai-kh-de-an-08-cong-nghiep.docx",
                                                   NULL);
  g_autofree char *checksum = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) docx = copy_docx (source, &checksum);
  PlanWindow *window = gui_test_open_window (app, NULL, NULL);
  g_autoptr(GListModel) filters = NULL;
  g_autoptr(GFileInfo) word_file = g_file_info_new ();
  g_autoptr(GFileInfo) pdf_file = g_file_info_new ();
  g_autofree char *labels = NULL;
  GtkFileFilter *word_filter = NULL;
  GtkFileChooser *chooser;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL));
  chooser = gui_test_wait_for_file_chooser ("Open Plan");
  g_assert_cmpuint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_OPEN);

  /* The default filter shows plans and Word files; "Word documents" only Word files */
  filters = gtk_file_chooser_get_filters (chooser);
  g_assert_cmpstr (gtk_file_filter_get_name (gtk_file_chooser_get_filter (chooser)), ==,
                   "Plans and Word Documents");
  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);
      if (g_strcmp0 (gtk_file_filter_get_name (filter), "Word documents (.docx)") == 0)
        word_filter = filter;
    }
  g_assert_nonnull (word_filter);
  g_file_info_set_display_name (word_file, "Kế hoạch năm học.docx");
  g_file_info_set_display_name (pdf_file, "Kế hoạch năm học.pdf");
  g_assert_true (gtk_filter_match (GTK_FILTER (word_filter), word_file));
  g_assert_false (gtk_filter_match (GTK_FILTER (word_filter), pdf_file));
  gtk_file_chooser_set_filter (chooser, word_filter);

  gui_test_accept_file_chooser (chooser, docx, "import-open-dialog");
  g_assert_true (gui_test_wait (window_has_import, NULL, 20000));
  g_assert_true (gui_test_active_window (app) == window);
  g_assert_null (plan_window_get_file (window));
  labels = gui_test_collect_labels (window->import_panel);
  g_assert_nonnull (strstr (labels, "03-sct-laocai-kh-de-an-08-cong-nghiep.docx"));

  after = checksum_of (docx);
  g_assert_cmpstr (after, ==, checksum);
  gui_test_close_all_windows (app);
}

/* Export as Word… from the window: a Word file that the import reads back with the same title
 * and signer */
static void
test_export_docx (void)
{
  g_autofree char *sample = g_build_filename (g_getenv ("KEHOACH_SAMPLES_DIR"),
                                              "reference-25-kh-thcs.kehoach.json", NULL);
  g_autoptr(GFile) plan = g_file_new_for_path (sample);
  g_autofree char *path = g_build_filename (tmp_dir, "exported.docx", NULL);
  g_autoptr(GFile) docx = g_file_new_for_path (path);
  g_autoptr(PlanDocument) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  PlanWindow *window = gui_test_open_window (app, NULL, plan);

  g_assert_true (_plan_window_export_docx (window, docx, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_true (length > 4 && memcmp (data, "PK\003\004", 4) == 0);

  reread = plan_docx_import_file (docx, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plan_document_get_signer_name (reread), ==,
                   plan_document_get_signer_name (plan_window_get_document (window)));
  g_assert_cmpstr (plan_document_get_title (reread), ==,
                   plan_document_get_title (plan_window_get_document (window)));

  gui_test_close_all_windows (app);
  g_unlink (path);
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Export as Word… through the window's action and GTK's own save dialog */
static void
test_export_docx_dialog (void)
{
  g_autofree char *sample = g_build_filename (g_getenv ("KEHOACH_SAMPLES_DIR"),
                                              "reference-25-kh-thcs.kehoach.json", NULL);
  g_autoptr(GFile) plan = g_file_new_for_path (sample);
  g_autofree char *path = g_build_filename (tmp_dir, "Kế hoạch xuất.docx", NULL);
  g_autoptr(GFile) docx = g_file_new_for_path (path);
  g_autoptr(PlanDocument) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) word_file = g_file_info_new ();
  g_autoptr(GFileInfo) pdf_file = g_file_info_new ();
  g_autofree char *suggested = NULL;
  PlanWindow *window = gui_test_open_window (app, NULL, plan);
  GtkFileFilter *filter;
  GtkFileChooser *chooser;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-docx", NULL));
  chooser = gui_test_wait_for_file_chooser ("Export as Word");
  g_assert_cmpuint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);

  /* It suggests the plan's name with .docx and shows only Word files */
  suggested = gtk_file_chooser_get_current_name (chooser);
  g_assert_true (g_str_has_suffix (suggested, ".docx"));
  filter = gtk_file_chooser_get_filter (chooser);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "Word documents (.docx)");
  g_file_info_set_display_name (word_file, "a.docx");
  g_file_info_set_display_name (pdf_file, "a.pdf");
  g_assert_true (gtk_filter_match (GTK_FILTER (filter), word_file));
  g_assert_false (gtk_filter_match (GTK_FILTER (filter), pdf_file));

  gui_test_accept_file_chooser (chooser, docx, "export-docx-dialog");
  g_assert_true (gui_test_wait (file_exists, path, 20000));

  reread = plan_docx_import_file (docx, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plan_document_get_title (reread), ==,
                   plan_document_get_title (plan_window_get_document (window)));

  gui_test_close_all_windows (app);
  g_unlink (path);
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

  tmp_dir = g_dir_make_tmp ("kehoach-import-XXXXXX", NULL);
  g_test_add_func ("/gui/import/open-reference", test_open_reference);
  g_test_add_func ("/gui/import/drop-and-jump", test_drop_and_jump);
  g_test_add_func ("/gui/import/damaged", test_damaged);
  g_test_add_func ("/gui/import/export-docx", test_export_docx);
  g_test_add_func (FILE_CHOOSER_CASE, test_file_chooser);
  g_test_add_func (EXPORT_DIALOG_CASE, test_export_docx_dialog);

  status = g_test_run ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
