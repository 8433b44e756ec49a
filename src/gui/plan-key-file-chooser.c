/* plan-key-file-chooser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "plan-key-file-chooser.h"
#include "plan-signing-key.h"
#include "plan-editor-util.h"

static void
response_cb (GtkFileChooserNative *native,
             int                   response,
             gpointer              owner)
{
  PlanKeyFileChosen chosen = g_object_get_data (G_OBJECT (native), "plan-key-file-chosen");
  g_autoptr(GFile) file = NULL;

  file = plan_editor_finish_file_chooser (GTK_NATIVE_DIALOG (native), response);

  if (file != NULL)
    chosen (owner, file);
}

void
plan_key_file_chooser_show (GtkWidget            *owner,
                            GtkFileChooserAction  action,
                            const char           *title,
                            const char           *accept_label,
                            const char           *suggested_name,
                            PlanKeyFileChosen     chosen)
{
  GtkRoot *root = gtk_widget_get_root (owner);
  g_autoptr(GtkFileFilter) keys = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  g_return_if_fail (action == GTK_FILE_CHOOSER_ACTION_OPEN ||
                    action == GTK_FILE_CHOOSER_ACTION_SAVE);

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (root), action,
                                        accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (keys, _("Approver Keys"));
  gtk_file_filter_add_mime_type (keys, PLAN_KEY_FILE_MIME_TYPE);
  gtk_file_filter_add_pattern (keys, "*" PLAN_KEY_FILE_SUFFIX);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), keys);

  if (action == GTK_FILE_CHOOSER_ACTION_OPEN)
    {
      /* A key sent by e-mail may have lost its suffix on the way */
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_filter_set_name (all, _("All Files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
    }
  else if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);

  g_object_set_data (G_OBJECT (native), "plan-key-file-chosen", chosen);
  /* Disconnected if @owner goes first (the Preferences window closed meanwhile) */
  g_signal_connect_object (native, "response", G_CALLBACK (response_cb), owner, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
