/* test-large-files.c: opening very large plan files does not freeze the window (issue 7)
 *
 * The files are generated in a temporary folder: a 50 MB plan that loads, and a table of a
 * million rows that is refused with a message naming the limit and the line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-test-util.h"
#include "plan-json.h"
#include "plan-window-private.h"

static PlanApplication *app;
static char *tmp_dir;

#define PLAN_START \
  "{\"format\": \"kehoach\", \"version\": 1,\n" \
  "\"header\": {\"doc-type\": \"KH\", \"title\": \"Kiểm tra giới hạn\"},\n"

static GFile *
write_temp (const char *name,
            GString    *data)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data->str, data->len, &error);
  g_assert_no_error (error);
  g_string_free (data, TRUE);
  return g_file_new_for_path (path);
}

static guint ticks;

static gboolean
tick_cb (gpointer data)
{
  ticks++;
  return G_SOURCE_CONTINUE;
}

static gboolean
window_has_file (gpointer data)
{
  PlanWindow *window = gui_test_active_window (app);

  return window != NULL && plan_window_get_file (window) != NULL
         && g_file_equal (plan_window_get_file (window), data);
}

static gboolean
window_is_blank (gpointer data)
{
  PlanWindow *window = gui_test_active_window (app);

  return window != NULL && plan_window_is_blank (window);
}

static gboolean
window_has_dialog (gpointer data)
{
  PlanWindow *window = gui_test_active_window (app);

  return window != NULL && gui_test_find_dialog (GTK_WINDOW (window)) != NULL;
}

static void
test_open_50mb (void)
{
  GString *data = g_string_new (PLAN_START "\"preamble\": [\n");
  GString *paragraph = g_string_new (NULL);
  g_autoptr(GFile) file = NULL;
  PlanWindow *window;
  guint source;

  while (paragraph->len < 10 * 1024)
    g_string_append (paragraph, "Đảm bảo an toàn điện trong trường học. ");
  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (data, "%s\"%u. %s\"\n", i > 0 ? "," : "", i, paragraph->str);
  g_string_append (data, "]}\n");
  g_string_free (paragraph, TRUE);
  g_assert_cmpuint (data->len, >=, 50 * 1000 * 1000);
  file = write_temp ("big.kehoach.json", data);

  /* The main loop keeps running while the file is read and parsed in a thread: with a
   * synchronous load, the ticks could only run after the plan is in the window. */
  ticks = 0;
  source = g_timeout_add (10, tick_cb, NULL);
  plan_application_open_file (app, file, NULL);

  /* A load that takes long puts a blank window on screen at once (after the short delay in
   * which a small plan would have arrived); the plan comes later. */
  g_assert_null (gui_test_active_window (app));
  g_assert_true (gui_test_wait (window_is_blank, NULL, 2000));
  window = gui_test_active_window (app);
  g_assert_null (plan_window_get_file (window));

  g_assert_true (gui_test_wait (window_has_file, file, 240000));
  g_source_remove (source);
  g_test_message ("main loop ticks during the load: %u", ticks);
  g_assert_cmpuint (ticks, >, 0);

  window = gui_test_active_window (app);
  g_assert_cmpuint (g_list_model_get_n_items (plan_document_get_preamble (
                      plan_window_get_document (window))), ==, 5000);
  g_assert_false (plan_document_get_modified (plan_window_get_document (window)));

  gui_test_close_all_windows (app);
  g_file_delete (file, NULL, NULL);
}

static void
window_realized_cb (GtkWidget     *window,
                    PlanDocument **shown)
{
  if (*shown == NULL)
    *shown = g_object_ref (plan_window_get_document (PLAN_WINDOW (window)));
}

static void
window_added_cb (GtkApplication *application,
                 GtkWindow      *window,
                 PlanDocument  **shown)
{
  g_signal_connect (window, "realize", G_CALLBACK (window_realized_cb), shown);
}

/* A plan that loads quickly gets one window, which is on screen with the plan from its
 * first frame: no blank window is built, drawn and then rebuilt first. */
static void
test_small_file_opens_directly (void)
{
  g_autoptr(GPtrArray) samples = gui_test_list_samples ();
  g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (samples, 0));
  g_autoptr(PlanDocument) shown = NULL;
  gulong handler;

  handler = g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), &shown);
  plan_application_open_file (app, file, NULL);
  g_assert_true (gui_test_wait (window_has_file, file, 10000));
  gui_test_run_for (400);
  g_signal_handler_disconnect (app, handler);

  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_assert_true (shown == plan_window_get_document (gui_test_active_window (app)));

  gui_test_close_all_windows (app);
}

static void
test_million_rows_refused (void)
{
  GString *data = g_string_new (PLAN_START "\"appendices\": [{\"title\": \"Danh sách\", "
                                "\"content\": [\n{\"kind\": \"table\", \"table\": {\"columns\": "
                                "[{\"width\": 1}, {\"width\": 4}], \"rows\": [\n");
  g_autoptr(GFile) file = NULL;
  g_autofree char *labels = NULL;
  g_autofree char *shot = NULL;
  AdwMessageDialog *dialog;
  PlanWindow *window;

  for (guint r = 0; r < 1000000; r++)
    g_string_append_printf (data, "%s[\"%u\", \"Trường số %u\"]\n", r > 0 ? "," : "", r + 1,
                            r + 1);
  g_string_append (data, "]}}]}]}\n");
  file = write_temp ("rows.kehoach.json", data);

  window = plan_window_new (GTK_APPLICATION (app), NULL);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_for_window (GTK_WINDOW (window));

  plan_window_open_file (window, file);
  g_assert_true (gui_test_wait (window_has_dialog, NULL, 120000));

  dialog = gui_test_find_dialog (GTK_WINDOW (window));
  labels = gui_test_collect_labels (GTK_WIDGET (dialog));
  g_test_message ("%s", labels);
  g_assert_nonnull (strstr (labels, "line 10005, column 2: a list in a plan can have at most "
                                    "10000 entries"));
  shot = gui_test_save_screenshot (GTK_WIDGET (dialog), "large-file-refused");
  g_assert_null (plan_window_get_file (window));

  gui_test_close_all_windows (app);
  g_file_delete (file, NULL, NULL);
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

  tmp_dir = g_dir_make_tmp ("kehoach-large-XXXXXX", NULL);
  g_test_add_func ("/gui/large-files/small-file-opens-directly", test_small_file_opens_directly);
  g_test_add_func ("/gui/large-files/open-50mb", test_open_50mb);
  g_test_add_func ("/gui/large-files/million-rows-refused", test_million_rows_refused);

  status = g_test_run ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
