/* plan-signature-image-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "plan-signature-image-group.h"
#include "plan-editor-util.h"

struct _PlanSignatureImageGroup {
  AdwPreferencesGroup  parent_instance;

  GSettings           *settings;
  AdwActionRow        *row;
  GtkPicture          *picture;
  GtkWidget           *remove_button;
};

G_DEFINE_FINAL_TYPE (PlanSignatureImageGroup, plan_signature_image_group, ADW_TYPE_PREFERENCES_GROUP)

GFile *
plan_signature_image_dup_file (GSettings *settings)
{
  g_autofree char *path = g_settings_get_string (settings, "signature-image");

  if (path[0] == '\0' || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  return g_file_new_for_path (path);
}

static void
update (PlanSignatureImageGroup *self)
{
  g_autoptr(GFile) file = plan_signature_image_dup_file (self->settings);

  if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *name = g_filename_display_name (basename);

      adw_action_row_set_subtitle (self->row, name);
    }
  else
    adw_action_row_set_subtitle (self->row, _("None: the digital signature has no image"));
  gtk_picture_set_file (self->picture, file);
  gtk_widget_set_visible (GTK_WIDGET (self->picture), file != NULL);
  gtk_widget_set_visible (self->remove_button, file != NULL);
}

static void
chosen_cb (GtkNativeDialog         *native,
           int                      response,
           PlanSignatureImageGroup *self)
{
  g_autoptr(GFile) file = NULL;

  file = plan_editor_finish_file_chooser (GTK_NATIVE_DIALOG (native), response);

  if (file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        g_settings_set_string (self->settings, "signature-image", path);
    }
  g_object_unref (self);
}

static void
choose_cb (PlanSignatureImageGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Choose the Signature Image"), GTK_WINDOW (root),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("PNG Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
remove_cb (PlanSignatureImageGroup *self)
{
  g_settings_set_string (self->settings, "signature-image", "");
}

static void
plan_signature_image_group_dispose (GObject *object)
{
  PlanSignatureImageGroup *self = PLAN_SIGNATURE_IMAGE_GROUP (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (plan_signature_image_group_parent_class)->dispose (object);
}

static void
plan_signature_image_group_class_init (PlanSignatureImageGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = plan_signature_image_group_dispose;
}

static void
plan_signature_image_group_init (PlanSignatureImageGroup *self)
{
  GtkWidget *choose = gtk_button_new_with_mnemonic (_("_Choose…"));

  self->settings = g_settings_new (APP_ID);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Digital Signature"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
    _("The image of your signature, a PNG with a transparent background (blue, as the decree "
      "asks). “Sign the PDF…” places it between your title and your name."));

  self->row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->row), _("Signature image"));

  self->picture = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_can_shrink (self->picture, TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self->picture), 96, 40);
  gtk_widget_set_valign (GTK_WIDGET (self->picture), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (self->row, GTK_WIDGET (self->picture));

  self->remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (self->remove_button, _("Remove the image"));
  gtk_widget_set_valign (self->remove_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->remove_button, "flat");
  g_signal_connect_swapped (self->remove_button, "clicked", G_CALLBACK (remove_cb), self);
  adw_action_row_add_suffix (self->row, self->remove_button);

  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (choose, "clicked", G_CALLBACK (choose_cb), self);
  adw_action_row_add_suffix (self->row, choose);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->row));
  g_signal_connect_swapped (self->settings, "changed::signature-image", G_CALLBACK (update), self);
  update (self);
}
