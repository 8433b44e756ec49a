/* plan-key-file-chooser.h: the file dialog for approver key files (.kehoach-key), for exporting
 * one's own public key and for importing an approver's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called with the chosen file; never called when the dialog is cancelled. */
typedef void (*PlanKeyFileChosen) (gpointer owner,
                                   GFile   *file);

/* Shows a modal native file dialog over @owner's window, filtered to key files (open dialogs
 * can switch to all files). @action is OPEN or SAVE; @suggested_name (SAVE only) fills the name
 * field. @chosen is not called once @owner has been destroyed. */
void plan_key_file_chooser_show (GtkWidget            *owner,
                                 GtkFileChooserAction  action,
                                 const char           *title,
                                 const char           *accept_label,
                                 const char           *suggested_name,
                                 PlanKeyFileChosen     chosen);

G_END_DECLS
