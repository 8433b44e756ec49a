/* plan-recovery-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "plan-application-private.h"
#include "plan-recovery-dialog.h"

struct _PlanRecoveryDialog
{
  AdwMessageDialog  parent_instance;

  PlanDraftStore   *store;
  GtkListBox       *list;
  GPtrArray        *rows;     /* AdwActionRow, in the order of the list */

  guint             in_response : 1;
};

/* More drafts than this scroll in the dialog. */
#define MAX_ROWS_UNSCROLLED 4

G_DEFINE_FINAL_TYPE (PlanRecoveryDialog, plan_recovery_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* "today at 10:32", "yesterday at 16:05", "25/11/2026 at 09:10", in local time. */
static char *
format_draft_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  int year, month, day;

  g_date_time_get_ymd (local, &year, &month, &day);

  if (g_date_time_get_year (now) == year && g_date_time_get_month (now) == month
      && g_date_time_get_day_of_month (now) == day)
    /* Translators: when a draft was saved; a strftime format: %H hours, %M minutes */
    return g_date_time_format (local, _("today at %H:%M"));

  if (g_date_time_get_year (yesterday) == year && g_date_time_get_month (yesterday) == month
      && g_date_time_get_day_of_month (yesterday) == day)
    /* Translators: when a draft was saved; a strftime format: %H hours, %M minutes */
    return g_date_time_format (local, _("yesterday at %H:%M"));

  /* Translators: when a draft was saved; a strftime format: %d day, %m month, %Y year */
  return g_date_time_format (local, _("%d/%m/%Y at %H:%M"));
}

static char *
dup_display_file (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  const char *home = g_get_home_dir ();

  if (path != NULL && home != NULL && g_str_has_prefix (path, home) && path[strlen (home)] == '/')
    return g_build_filename ("~", path + strlen (home) + 1, NULL);

  return g_file_get_parse_name (file);
}

static char *
dup_row_subtitle (PlanDraft *draft)
{
  g_autofree char *when = format_draft_time (plan_draft_get_time (draft));

  if (plan_draft_get_original (draft) != NULL)
    {
      g_autofree char *file = dup_display_file (plan_draft_get_original (draft));

      /* Translators: the first %s is when the changes were kept ("today at 10:32"), the second
       * the plan's file */
      return g_strdup_printf (_("Changes from %s\nFile: %s"), when, file);
    }

  /* Translators: %s is when the changes were kept ("today at 10:32") */
  return g_strdup_printf (_("Changes from %s\nNever saved to a file"), when);
}

static void
remove_row (PlanRecoveryDialog *self,
            guint               index)
{
  GtkWidget *row = g_ptr_array_index (self->rows, index);

  gtk_list_box_remove (self->list, row);
  g_ptr_array_remove_index (self->rows, index);

  /* Every plan decided: nothing left to ask (a response closes the dialog by itself). */
  if (self->rows->len == 0 && !self->in_response)
    gtk_window_close (GTK_WINDOW (self));
}

static int
find_row (PlanRecoveryDialog *self,
          GtkWidget          *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, ADW_TYPE_ACTION_ROW);

  for (guint i = 0; i < self->rows->len; i++)
    if (g_ptr_array_index (self->rows, i) == row)
      return i;

  return -1;
}

static void
recover_clicked_cb (PlanRecoveryDialog *self,
                    GtkButton          *button)
{
  int index = find_row (self, GTK_WIDGET (button));

  if (index >= 0)
    plan_recovery_dialog_recover (self, index);
}

static void
discard_clicked_cb (PlanRecoveryDialog *self,
                    GtkButton          *button)
{
  int index = find_row (self, GTK_WIDGET (button));

  if (index >= 0)
    plan_recovery_dialog_discard (self, index);
}

static GtkWidget *
create_row (PlanRecoveryDialog *self,
            PlanDraft          *draft)
{
  g_autofree char *subtitle = dup_row_subtitle (draft);
  const char *title = plan_draft_get_title (draft);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *recover;
  GtkWidget *discard;
  GtkWidget *box;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *title ? title : _("New Plan"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);

  discard = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (discard, _("Discard These Changes"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (discard),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Discard"),
                                  -1);
  gtk_widget_add_css_class (discard, "flat");
  g_signal_connect_object (discard, "clicked", G_CALLBACK (discard_clicked_cb), self,
                           G_CONNECT_SWAPPED);

  recover = gtk_button_new_with_mnemonic (_("_Recover"));
  /* Plain: "Recover All" below is the one suggested action. */
  g_signal_connect_object (recover, "clicked", G_CALLBACK (recover_clicked_cb), self,
                           G_CONNECT_SWAPPED);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), discard);
  gtk_box_append (GTK_BOX (box), recover);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  g_object_set_data_full (G_OBJECT (row), "plan-draft", g_object_ref (draft), g_object_unref);
  g_object_set_data (G_OBJECT (row), "plan-recover-button", recover);

  return row;
}

static void
plan_recovery_dialog_response (AdwMessageDialog *dialog,
                               const char       *response)
{
  PlanRecoveryDialog *self = PLAN_RECOVERY_DIALOG (dialog);

  if (g_str_equal (response, PLAN_RECOVERY_RECOVER_ALL))
    {
      /* Oldest first, so that the newest plan ends up in front. */
      self->in_response = TRUE;
      for (guint i = self->rows->len; i > 0; i--)
        plan_recovery_dialog_recover (self, i - 1);
      self->in_response = FALSE;
    }
}

static void
plan_recovery_dialog_dispose (GObject *object)
{
  PlanRecoveryDialog *self = (PlanRecoveryDialog *)object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (plan_recovery_dialog_parent_class)->dispose (object);
}

static void
plan_recovery_dialog_class_init (PlanRecoveryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = plan_recovery_dialog_dispose;
  dialog_class->response = plan_recovery_dialog_response;
}

static void
plan_recovery_dialog_init (PlanRecoveryDialog *self)
{
  self->rows = g_ptr_array_new ();
}

PlanRecoveryDialog *
plan_recovery_dialog_new (GtkWindow      *parent,
                          PlanDraftStore *store,
                          GPtrArray      *drafts)
{
  PlanRecoveryDialog *self;
  GtkWidget *scrolled;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PLAN_IS_DRAFT_STORE (store), NULL);
  g_return_val_if_fail (drafts != NULL && drafts->len > 0, NULL);

  self = g_object_new (PLAN_TYPE_RECOVERY_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", g_dngettext (GETTEXT_PACKAGE, "Recover Unsaved Plan?",
                                               "Recover Unsaved Plans?", drafts->len),
                       "body", g_dngettext (GETTEXT_PACKAGE,
                                            "Kế hoạch was closed before this plan was saved, perhaps by a power cut. Its latest changes were kept.",
                                            "Kế hoạch was closed before these plans were saved, perhaps by a power cut. Their latest changes were kept.",
                                            drafts->len),
                       NULL);
  self->store = g_object_ref (store);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");

  for (guint i = 0; i < drafts->len; i++)
    {
      GtkWidget *row = create_row (self, g_ptr_array_index (drafts, i));

      gtk_list_box_append (self->list, row);
      g_ptr_array_add (self->rows, row);
    }

  /* Wide enough for a title and the two buttons side by side. */
  gtk_widget_set_size_request (GTK_WIDGET (self->list), 440, -1);

  /* A long list scrolls instead of growing past the screen. */
  if (drafts->len > MAX_ROWS_UNSCROLLED)
    {
      scrolled = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), scrolled);
    }
  else
    {
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), GTK_WIDGET (self->list));
    }

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    PLAN_RECOVERY_LATER, _("Decide _Later"),
                                    PLAN_RECOVERY_RECOVER_ALL, _("Recover _All"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self),
                                              PLAN_RECOVERY_RECOVER_ALL,
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), PLAN_RECOVERY_RECOVER_ALL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), PLAN_RECOVERY_LATER);

  return self;
}

guint
plan_recovery_dialog_get_n_drafts (PlanRecoveryDialog *self)
{
  g_return_val_if_fail (PLAN_IS_RECOVERY_DIALOG (self), 0);

  return self->rows->len;
}

gboolean
plan_recovery_dialog_recover (PlanRecoveryDialog *self,
                              guint               index)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkApplication *app = parent ? gtk_window_get_application (parent) : NULL;
  g_autoptr(GError) error = NULL;
  AdwActionRow *row;
  PlanDraft *draft;

  g_return_val_if_fail (PLAN_IS_RECOVERY_DIALOG (self), FALSE);
  g_return_val_if_fail (index < self->rows->len, FALSE);
  g_return_val_if_fail (PLAN_IS_APPLICATION (app), FALSE);

  row = g_ptr_array_index (self->rows, index);
  draft = g_object_get_data (G_OBJECT (row), "plan-draft");

  if (_plan_application_recover_draft (PLAN_APPLICATION (app), self->store, draft, parent,
                                       &error) == NULL)
    {
      g_autofree char *subtitle = NULL;

      /* Translators: %s says why, such as "line 3, column 5: unexpected end of file" */
      subtitle = g_strdup_printf (_("This copy cannot be read: %s"), error->message);
      adw_action_row_set_subtitle (row, subtitle);
      gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), "plan-recover-button"), FALSE);
      return FALSE;
    }

  remove_row (self, index);

  return TRUE;
}

void
plan_recovery_dialog_discard (PlanRecoveryDialog *self,
                              guint               index)
{
  g_autoptr(GError) error = NULL;
  PlanDraft *draft;

  g_return_if_fail (PLAN_IS_RECOVERY_DIALOG (self));
  g_return_if_fail (index < self->rows->len);

  draft = g_object_get_data (G_OBJECT (g_ptr_array_index (self->rows, index)), "plan-draft");
  if (!plan_draft_store_remove (self->store, plan_draft_get_id (draft), &error))
    g_warning ("Could not remove the recovery draft: %s", error->message);

  remove_row (self, index);
}
