/* plan-trusted-approvers-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "plan-identity.h"
#include "plan-key-file-chooser.h"
#include "plan-signing-key.h"
#include "plan-trusted-approvers-group.h"

struct _PlanTrustedApproversGroup
{
  AdwPreferencesGroup  parent_instance;

  GtkListBox          *list;
};

G_DEFINE_FINAL_TYPE (PlanTrustedApproversGroup, plan_trusted_approvers_group, ADW_TYPE_PREFERENCES_GROUP)

static void
toast (PlanTrustedApproversGroup *self,
       const char                *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (text));
}

static void
remove_clicked_cb (GtkButton                 *button,
                   PlanTrustedApproversGroup *self)
{
  g_autoptr(GError) error = NULL;
  const char *key_id = g_object_get_data (G_OBJECT (button), "key-id");

  if (!plan_trust_store_remove (plan_identity_get_trust_store (), key_id, &error))
    toast (self, error->message);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  PlanTrustedApproversGroup *self = user_data;
  PlanTrustedApprover *approver = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *id = plan_key_id_format (plan_trusted_approver_get_key_id (approver));
  g_autofree char *subtitle = NULL;
  const char *name = plan_trusted_approver_get_name (approver);
  const char *title = plan_trusted_approver_get_title (approver);

  if (plan_trusted_approver_get_own (approver))
    name = _("You (your own signing key)");
  else if (name == NULL || *name == '\0')
    name = _("Unnamed approver");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  if (title != NULL && *title != '\0')
    /* Translators: an approver's title and key id: "Hiệu trưởng · key 1a2b 3c4d 5e6f 7a8b" */
    subtitle = g_strdup_printf (_("%s · key %s"), title, id);
  else
    /* Translators: %s is a key id like "1a2b 3c4d 5e6f 7a8b" */
    subtitle = g_strdup_printf (_("Key %s"), id);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (!plan_trusted_approver_get_own (approver))
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *label = NULL;

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      /* Translators: %s is an approver's name */
      label = g_strdup_printf (_("Stop trusting %s"), name);
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      g_object_set_data_full (G_OBJECT (button), "key-id",
                              g_strdup (plan_trusted_approver_get_key_id (approver)), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

gboolean
_plan_trusted_approvers_group_import (PlanTrustedApproversGroup *self,
                                      GFile                     *file)
{
  g_autoptr(PlanTrustedApprover) approver = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (PLAN_IS_TRUSTED_APPROVERS_GROUP (self), FALSE);

  approver = plan_trust_store_import_file (plan_identity_get_trust_store (), file, NULL, &error);
  if (approver == NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);

      /* Translators: the first %s is a file name, the second the reason */
      message = g_strdup_printf (_("“%s” could not be imported: %s"), basename, error->message);
      toast (self, message);
      return FALSE;
    }

  /* Translators: %s is an approver's name */
  message = g_strdup_printf (_("Approvals by %s are now trusted"),
                             plan_trusted_approver_get_name (approver));
  toast (self, message);

  return TRUE;
}

static void
import_chosen_cb (gpointer owner,
                  GFile   *file)
{
  _plan_trusted_approvers_group_import (PLAN_TRUSTED_APPROVERS_GROUP (owner), file);
}

static void
import_clicked_cb (PlanTrustedApproversGroup *self)
{
  plan_key_file_chooser_show (GTK_WIDGET (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                              _("Import an Approver’s Key"), _("_Import"), NULL,
                              import_chosen_cb);
}

static void
plan_trusted_approvers_group_dispose (GObject *object)
{
  PlanTrustedApproversGroup *self = (PlanTrustedApproversGroup *)object;

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  self->list = NULL;

  G_OBJECT_CLASS (plan_trusted_approvers_group_parent_class)->dispose (object);
}

static void
plan_trusted_approvers_group_class_init (PlanTrustedApproversGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = plan_trusted_approvers_group_dispose;
}

static void
plan_trusted_approvers_group_init (PlanTrustedApproversGroup *self)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Trusted Approvers"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("An approval shows as valid only when it was signed by one of these keys. Import the key file (.kehoach-key) your approver exported."));

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Import…"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Trust an approver’s public key file"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (import_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), button);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Trusted approvers"),
                                  -1);
  gtk_list_box_set_placeholder (self->list,
                                g_object_new (GTK_TYPE_LABEL,
                                              "label", _("No approver yet"),
                                              "margin-top", 12,
                                              "margin-bottom", 12,
                                              "css-classes", (const char *[]) { "dim-label", NULL },
                                              NULL));
  gtk_list_box_bind_model (self->list,
                           plan_trust_store_get_approvers (plan_identity_get_trust_store ()),
                           create_row, self, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->list));
}
