/* gui-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "plan-preview.h"
#include "plan-window-private.h"

PlanApplication *
gui_test_init (int    *argc,
               char ***argv)
{
  g_autoptr(GError) error = NULL;
  PlanApplication *app;

  g_autofree char *home = NULL;

  /* One private home for the whole program (not one per test: GtkRecentManager keeps the path
   * it first used), so that recent files and print settings never touch the real ones. */
  home = g_dir_make_tmp ("kehoach-gui-test-XXXXXX", NULL);
  g_assert_nonnull (home);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  g_setenv ("XDG_STATE_HOME", home, TRUE);

  g_test_init (argc, argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    return NULL;

  /* Non-unique: the test is its own primary instance, whatever else runs on the bus. */
  app = g_object_new (PLAN_TYPE_APPLICATION,
                      "application-id", APP_ID,
                      "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", "/io/github/kehoach/KeHoach",
                      NULL);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("Cannot register the application: %s", error->message);

  /* Windows keep the application alive as they would in g_application_run(). */
  g_application_hold (G_APPLICATION (app));

  return app;
}

typedef struct
{
  GSourceFunc condition;
  gpointer    data;
  gboolean    timed_out;
} Wait;

static gboolean
wait_timeout_cb (gpointer user_data)
{
  Wait *wait = user_data;

  wait->timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

gboolean
gui_test_wait (GSourceFunc condition,
               gpointer    data,
               guint       timeout_ms)
{
  Wait wait = { condition, data, FALSE };
  guint id = g_timeout_add (timeout_ms, wait_timeout_cb, &wait);

  while (!condition (data))
    {
      if (wait.timed_out)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }

  if (!wait.timed_out)
    g_source_remove (id);

  return TRUE;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

void
gui_test_run_for (guint ms)
{
  gui_test_wait (never, NULL, ms);
}

static gboolean
window_ready (gpointer data)
{
  GtkWindow *window = data;

  return gtk_widget_get_mapped (GTK_WIDGET (window))
      && gtk_widget_get_width (GTK_WIDGET (window)) > 0;
}

/* TRUE when no preview inside @widget still has to lay the plan out */
static gboolean
previews_settled (gpointer data)
{
  GtkWidget *widget = data;

  if (PLAN_IS_PREVIEW (widget) && plan_preview_get_update_pending (PLAN_PREVIEW (widget)))
    return FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!previews_settled (child))
      return FALSE;

  return TRUE;
}

void
gui_test_wait_for_window (GtkWindow *window)
{
  g_assert_true (gui_test_wait (window_ready, window, 5000));
  /* The preview lays out after the first frame; under the sanitizers' exact unwinder that
   * takes seconds, not milliseconds. */
  g_assert_true (gui_test_wait (previews_settled, window, 30000));
  /* A few frames: allocation at the laid-out size, then drawing. */
  gui_test_run_for (300);
}

AdwMessageDialog *
gui_test_find_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window)
          && gtk_window_get_transient_for (window) == parent
          && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

GPtrArray *
gui_test_list_samples (void)
{
  const char *dir_name = g_getenv ("KEHOACH_SAMPLES_DIR");
  GPtrArray *samples = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_nonnull (dir_name);
  dir = g_dir_open (dir_name, 0, NULL);
  g_assert_nonnull (dir);

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".kehoach.json"))
      g_ptr_array_add (samples, g_build_filename (dir_name, name, NULL));

  g_ptr_array_sort (samples, compare_strings);

  return samples;
}

typedef struct
{
  GtkWidget     *widget;
  GskRenderNode *node;
} Capture;

static GskRenderNode *
snapshot_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  return gtk_snapshot_free_to_node (snapshot);
}

static void
capture_after_paint_cb (GdkFrameClock *clock,
                        Capture       *capture)
{
  /* Right after a paint the widget's render nodes are current: a later snapshot may find them
   * dropped by a redraw that is queued but not yet done, and draw nothing. */
  if (capture->node == NULL && gtk_widget_get_mapped (capture->widget)
      && gtk_widget_get_width (capture->widget) > 0)
    capture->node = snapshot_widget (capture->widget);
}

static gboolean
captured (gpointer data)
{
  Capture *capture = data;

  if (capture->node == NULL)
    gtk_widget_queue_draw (capture->widget);
  return capture->node != NULL;
}

char *
gui_test_save_screenshot (GtkWidget  *widget,
                          const char *name)
{
  const char *dir = g_getenv ("KEHOACH_ARTIFACTS_DIR");
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file_name = NULL;
  Capture capture = { widget, NULL };
  GdkFrameClock *clock;
  GskRenderer *renderer;
  gulong handler;
  char *path;
  int width, height;

  if (dir == NULL)
    dir = g_get_tmp_dir ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  /* Wait for a real paint of the window (mapped, allocated, drawn) and take the nodes it drew;
   * under parallel load a frame can take seconds, hence the generous timeout. */
  g_assert_true (gui_test_wait (window_ready, gtk_widget_get_root (widget), 30000));
  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (capture_after_paint_cb), &capture);
  gtk_widget_queue_draw (widget);
  if (!gui_test_wait (captured, &capture, 30000))
    g_error ("%s: nothing drawn in 30 s (%s %d×%d, mapped %d)", name, G_OBJECT_TYPE_NAME (widget),
             gtk_widget_get_width (widget), gtk_widget_get_height (widget),
             gtk_widget_get_mapped (widget));
  g_signal_handler_disconnect (clock, handler);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, capture.node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (capture.node);

  file_name = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));

  return path;
}

static void
collect_labels (GtkWidget *widget,
                GString   *labels)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      if (text != NULL && *text != '\0')
        g_string_append_printf (labels, "%s\n", text);
    }
  else if (GTK_IS_TEXT (widget))
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (widget));

      if (text != NULL && *text != '\0')
        g_string_append_printf (labels, "%s\n", text);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

char *
gui_test_collect_labels (GtkWidget *widget)
{
  GString *labels = g_string_new (NULL);

  collect_labels (widget, labels);

  return g_string_free (labels, FALSE);
}

PlanWindow *
gui_test_open_window (PlanApplication *app,
                      PlanDocument    *document,
                      GFile           *file)
{
  PlanWindow *window = plan_window_new (GTK_APPLICATION (app), document);

  if (file != NULL)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (plan_window_load_file (window, file, &error));
      g_assert_no_error (error);
    }

  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_for_window (GTK_WINDOW (window));

  return window;
}

void
gui_test_destroy_window (PlanWindow *window)
{
  AdwMessageDialog *dialog;

  while ((dialog = gui_test_find_dialog (GTK_WINDOW (window))) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_run_for (50);
}

static gboolean
file_chooser_shown (gpointer data)
{
  GtkWidget **found = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_mapped (window))
        *found = window;
    }

  return *found != NULL;
}

static gboolean
chooser_folder_loaded (gpointer data)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (data);

  return folder != NULL;
}

static gboolean
chooser_has_expected_file (gpointer data)
{
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (data);

  return chosen != NULL && g_file_equal (chosen, g_object_get_data (data, "test-expected-file"));
}

static gboolean
widget_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

GtkFileChooser *
gui_test_wait_for_file_chooser (const char *title)
{
  GtkWidget *dialog = NULL;
  GtkFileChooser *chooser;

  g_assert_true (gui_test_wait (file_chooser_shown, &dialog, 10000));
  chooser = GTK_FILE_CHOOSER (dialog);
  /* A save dialog opens in the current folder, loaded in the background (an open dialog, on
   * recent files): let it settle before going elsewhere, or the late load takes it back. */
  if (gtk_file_chooser_get_action (chooser) == GTK_FILE_CHOOSER_ACTION_SAVE)
    g_assert_true (gui_test_wait (chooser_folder_loaded, chooser, 10000));
  gui_test_run_for (200);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, title);

  return chooser;
}

void
gui_test_accept_file_chooser (GtkFileChooser *chooser,
                              GFile          *file,
                              const char     *screenshot_name)
{
  GtkWidget *dialog = GTK_WIDGET (chooser);

  if (gtk_file_chooser_get_action (chooser) == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *name = g_file_get_basename (file);

      g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, NULL));
      gtk_file_chooser_set_current_name (chooser, name);
    }
  else
    {
      g_assert_true (gtk_file_chooser_set_file (chooser, file, NULL));
    }

  /* The dialog goes to the folder in the background */
  g_object_set_data (G_OBJECT (chooser), "test-expected-file", file);
  g_assert_true (gui_test_wait (chooser_has_expected_file, chooser, 10000));
  g_free (gui_test_save_screenshot (dialog, screenshot_name));
  g_object_ref (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  /* A save dialog first checks, in the background, whether the file exists */
  g_assert_true (gui_test_wait (widget_unmapped, dialog, 10000));
  g_object_unref (dialog);
  gui_test_run_for (100);
}

PlanWindow *
gui_test_active_window (PlanApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  return PLAN_IS_WINDOW (window) ? PLAN_WINDOW (window) : NULL;
}

void
gui_test_close_all_windows (PlanApplication *app)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (PLAN_IS_WINDOW (l->data))
        PLAN_WINDOW (l->data)->close_confirmed = TRUE;
      gtk_window_destroy (GTK_WINDOW (l->data));
    }
  g_list_free (windows);
  gui_test_run_for (100);
}
