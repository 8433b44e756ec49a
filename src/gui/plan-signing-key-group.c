/* plan-signing-key-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "plan-identity.h"
#include "plan-key-file-chooser.h"
#include "plan-signing-key-group.h"
#include "plan-signing-key.h"

struct _PlanSigningKeyGroup
{
  AdwPreferencesGroup  parent_instance;

  GSettings           *settings;
  GCancellable        *cancellable;
  AdwActionRow        *key_row;
  GtkWidget           *export_button;
};

G_DEFINE_FINAL_TYPE (PlanSigningKeyGroup, plan_signing_key_group, ADW_TYPE_PREFERENCES_GROUP)

static void
toast (PlanSigningKeyGroup *self,
       const char          *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (text));
}

static void
show_key (PlanSigningKeyGroup *self,
          PlanSigningKey      *key)
{
  if (key != NULL)
    {
      g_autofree char *id = plan_key_id_format (plan_signing_key_get_key_id (key));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->key_row), _("Key ID"));
      adw_action_row_set_subtitle (self->key_row, id);
      gtk_widget_add_css_class (GTK_WIDGET (self->key_row), "property");
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->key_row), _("No signing key yet"));
      adw_action_row_set_subtitle (self->key_row,
                                   _("It is made the first time you approve a plan, or when you export it."));
      gtk_widget_remove_css_class (GTK_WIDGET (self->key_row), "property");
    }
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PlanSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;
  PlanSigningKeyGroup *self;

  key = plan_signing_key_get_default_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = PLAN_SIGNING_KEY_GROUP (user_data);
  show_key (self, key);
}

void
_plan_signing_key_group_export (PlanSigningKeyGroup *self,
                                GFile               *file)
{
  g_autoptr(PlanSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (PLAN_IS_SIGNING_KEY_GROUP (self));

  key = plan_signing_key_get_default (TRUE, NULL, &error);
  if (key != NULL)
    {
      name = plan_identity_dup_name (self->settings);
      title = plan_identity_dup_title (self->settings);
      plan_signing_key_export_public (key, name, title, file, NULL, &error);
    }

  if (error != NULL)
    {
      /* Translators: %s is the reason */
      message = g_strdup_printf (_("The public key could not be exported: %s"), error->message);
      toast (self, message);
      return;
    }

  show_key (self, key);
  plan_trust_store_reload (plan_identity_get_trust_store ());
  basename = g_file_get_basename (file);
  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Exported “%s”: give it to the drafters, who import it in their Preferences"),
                             basename);
  toast (self, message);
}

static void
export_chosen_cb (gpointer owner,
                  GFile   *file)
{
  _plan_signing_key_group_export (PLAN_SIGNING_KEY_GROUP (owner), file);
}

static void
export_clicked_cb (PlanSigningKeyGroup *self)
{
  g_autofree char *name = plan_identity_dup_name (self->settings);
  g_autofree char *suggested = NULL;

  g_strdelimit (name, "/\\:*?\"<>|\n", '-');
  suggested = g_strconcat (*name ? name : _("Approver"), PLAN_KEY_FILE_SUFFIX, NULL);
  plan_key_file_chooser_show (GTK_WIDGET (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                              _("Export Public Key"), _("_Export"), suggested,
                              export_chosen_cb);
}

static void
plan_signing_key_group_map (GtkWidget *widget)
{
  PlanSigningKeyGroup *self = PLAN_SIGNING_KEY_GROUP (widget);

  GTK_WIDGET_CLASS (plan_signing_key_group_parent_class)->map (widget);

  /* Looked up when shown, never created here: the keyring may ask to be unlocked. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  plan_signing_key_get_default_async (FALSE, self->cancellable, lookup_cb, self);
}

static void
plan_signing_key_group_dispose (GObject *object)
{
  PlanSigningKeyGroup *self = (PlanSigningKeyGroup *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (plan_signing_key_group_parent_class)->dispose (object);
}

static void
plan_signing_key_group_class_init (PlanSigningKeyGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = plan_signing_key_group_dispose;
  GTK_WIDGET_CLASS (klass)->map = plan_signing_key_group_map;
}

static void
plan_signing_key_group_init (PlanSigningKeyGroup *self)
{
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Your Signing Key"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Your approvals are signed with this key. Drafters import its public key once, so that their copy of Kế hoạch can tell that an approval really is yours."));

  self->key_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->key_row));

  self->export_button = gtk_button_new_with_mnemonic (_("_Export Public Key…"));
  gtk_widget_set_valign (self->export_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->export_button,
                               _("Save the public half of your key as a file for the drafters"));
  g_signal_connect_object (self->export_button, "clicked", G_CALLBACK (export_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (self->key_row, self->export_button);

  show_key (self, NULL);
}

void
plan_signing_key_group_set_settings (PlanSigningKeyGroup *self,
                                     GSettings           *settings)
{
  g_return_if_fail (PLAN_IS_SIGNING_KEY_GROUP (self));

  g_set_object (&self->settings, settings);
}
