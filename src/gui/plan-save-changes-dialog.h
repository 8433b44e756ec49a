/* plan-save-changes-dialog.h: "Save changes?" before a window with unsaved changes closes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Response ids of the dialog ("cancel" also when it is dismissed with Escape). */
#define PLAN_SAVE_CHANGES_CANCEL  "cancel"
#define PLAN_SAVE_CHANGES_DISCARD "discard"
#define PLAN_SAVE_CHANGES_SAVE    "save"

/* A modal AdwMessageDialog over @parent about the plan called @title; connect to "response"
 * and present it. */
GtkWidget *plan_save_changes_dialog_new (GtkWindow  *parent,
                                         const char *title);

G_END_DECLS
