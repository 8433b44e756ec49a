/* plan-save-changes-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "plan-save-changes-dialog.h"

GtkWidget *
plan_save_changes_dialog_new (GtkWindow  *parent,
                              const char *title)
{
  GtkWidget *dialog;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  dialog = adw_message_dialog_new (parent, _("Save Changes?"), NULL);
  /* Translators: %s is the plan's title or file name */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has unsaved changes. Changes which are not saved will be permanently lost."),
                                  title);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    PLAN_SAVE_CHANGES_CANCEL, _("_Cancel"),
                                    PLAN_SAVE_CHANGES_DISCARD, _("_Discard"),
                                    PLAN_SAVE_CHANGES_SAVE, _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              PLAN_SAVE_CHANGES_DISCARD,
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              PLAN_SAVE_CHANGES_SAVE,
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), PLAN_SAVE_CHANGES_SAVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), PLAN_SAVE_CHANGES_CANCEL);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);

  return dialog;
}
