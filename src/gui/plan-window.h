/* plan-window.h: a window editing one plan: parts sidebar, editor, live preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "plan-document.h"

G_BEGIN_DECLS

#define PLAN_TYPE_WINDOW (plan_window_get_type ())
G_DECLARE_FINAL_TYPE (PlanWindow, plan_window, PLAN, WINDOW, AdwApplicationWindow)

/* Properties: "document" (PlanDocument), "file" (GFile, NULL until saved; read-only). */
PlanWindow   *plan_window_new            (GtkApplication *application,
                                          PlanDocument   *document);
PlanDocument *plan_window_get_document   (PlanWindow     *self);
GFile        *plan_window_get_file       (PlanWindow     *self);
/* Replaces the plan with the one in @file; on failure nothing changes and @error is set. */
gboolean      plan_window_load_file      (PlanWindow     *self,
                                          GFile          *file,
                                          GError        **error);
/* Like plan_window_load_file(), but reads and parses in a worker thread (the window stays
 * responsive) and shows the error to the user. Returns before the plan is there. */
void          plan_window_open_file      (PlanWindow     *self,
                                          GFile          *file);
/* The untouched plan of a new window: no file, no change. Opening a file replaces it. */
gboolean      plan_window_is_blank       (PlanWindow     *self);
/* The plan's title for the window title and dialogs: first line of the title, else the file
 * name, else "New Plan". */
char         *plan_window_dup_title      (PlanWindow     *self);

G_END_DECLS
