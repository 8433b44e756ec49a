/* gui-test-util.h: helpers of the window tests: main loop, dialogs, screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "plan-application.h"
#include "plan-window.h"

G_BEGIN_DECLS

/* Initializes GTest with private XDG folders and a registered (non-unique) PlanApplication.
 * Returns NULL when there is no display: every test is then skipped. */
PlanApplication *gui_test_init                (int         *argc,
                                               char      ***argv);
/* Runs the main loop until @condition returns TRUE (FALSE after @timeout_ms). */
gboolean         gui_test_wait                (GSourceFunc  condition,
                                               gpointer     data,
                                               guint        timeout_ms);
/* Runs the main loop for @ms milliseconds. */
void             gui_test_run_for             (guint        ms);
/* Waits until @window is mapped and allocated at its size, its previews have laid the plan
 * out, and it is drawn. */
void             gui_test_wait_for_window     (GtkWindow   *window);
/* A new window of @app with @document (NULL: a blank plan), loads @file into it when not
 * NULL (asserting success), presents it and waits until it is drawn. */
PlanWindow      *gui_test_open_window         (PlanApplication *app,
                                               PlanDocument *document,
                                               GFile        *file);
/* Destroys @window's dialogs, then @window, and lets the main loop settle: leaves nothing
 * for the next test. */
void             gui_test_destroy_window      (PlanWindow  *window);
/* The application's active window if it is a plan window, or NULL. */
PlanWindow      *gui_test_active_window       (PlanApplication *app);
/* Closes every window of @app without asking and lets the main loop settle. */
void             gui_test_close_all_windows   (PlanApplication *app);
/* The AdwMessageDialog transient for @parent, or NULL. */
AdwMessageDialog *gui_test_find_dialog        (GtkWindow   *parent);
/* The sample plans (full paths, sorted), from KEHOACH_SAMPLES_DIR. */
GPtrArray       *gui_test_list_samples        (void);
/* Renders @widget to $KEHOACH_ARTIFACTS_DIR/@name.png and returns the path. */
char            *gui_test_save_screenshot     (GtkWidget   *widget,
                                               const char  *name);
/* The labels and text fields of a widget tree, depth first, joined by "\n" (to check what a user reads). */
char            *gui_test_collect_labels      (GtkWidget   *widget);
/* Waits for GTK's own file chooser dialog (what GtkFileChooserNative shows without a portal)
 * and checks its title; a save dialog is given time to load its folder first. */
GtkFileChooser  *gui_test_wait_for_file_chooser (const char *title);
/* Chooses @file in @chooser (for a save dialog: its folder and name), saves a screenshot
 * named @screenshot_name, accepts and waits until the dialog is gone. */
void             gui_test_accept_file_chooser (GtkFileChooser *chooser,
                                               GFile          *file,
                                               const char     *screenshot_name);

G_END_DECLS
