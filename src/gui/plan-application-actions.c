/* plan-application-actions.c: new (a plan or a decision issuing one), open, preferences, about, quit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "plan-application-private.h"
#include "plan-preferences-window.h"
#include "plan-window.h"

static void
plan_application_actions_new (GSimpleAction *action,
                              GVariant      *param,
                              gpointer       user_data)
{
  PlanApplication *self = user_data;

  gtk_window_present (GTK_WINDOW (plan_window_new (GTK_APPLICATION (self), NULL)));
}

/* A Quyết định ban hành kế hoạch made from its template, in a window of its own */
static void
plan_application_actions_new_decision (GSimpleAction *action,
                                       GVariant      *param,
                                       gpointer       user_data)
{
  PlanApplication *self = user_data;
  g_autoptr(PlanDocument) document = plan_application_new_decision (self);

  gtk_window_present (GTK_WINDOW (plan_window_new (GTK_APPLICATION (self), document)));
}

static void
plan_application_actions_open (GSimpleAction *action,
                               GVariant      *param,
                               gpointer       user_data)
{
  PlanApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (!PLAN_IS_WINDOW (window))
    {
      window = GTK_WINDOW (plan_window_new (GTK_APPLICATION (self), NULL));
      gtk_window_present (window);
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL);
}

static void
plan_application_actions_preferences (GSimpleAction *action,
                                      GVariant      *param,
                                      gpointer       user_data)
{
  PlanApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *preferences = plan_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_set_application (GTK_WINDOW (preferences), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
plan_application_actions_about (GSimpleAction *action,
                                GVariant      *param,
                                gpointer       user_data)
{
  PlanApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (parent,
                         "application-name", "Kế hoạch",
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Write the plans of your school or office and print them in the official format of Decree 30/2020/NĐ-CP."),
                         "developer-name", _("The Kế hoạch developers"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
plan_application_actions_quit (GSimpleAction *action,
                               GVariant      *param,
                               gpointer       user_data)
{
  PlanApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Each window asks about its own unsaved changes; the application ends with the last one. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry actions[] = {
  { "new", plan_application_actions_new },
  { "new-decision", plan_application_actions_new_decision },
  { "open", plan_application_actions_open },
  { "preferences", plan_application_actions_preferences },
  { "about", plan_application_actions_about },
  { "quit", plan_application_actions_quit },
};

void
_plan_application_actions_init (PlanApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new",
                                         (const char *[]) { "<Control>n", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         (const char *[]) { "<Control>question", NULL });
}
