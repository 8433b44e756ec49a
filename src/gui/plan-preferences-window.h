/* plan-preferences-window.h: defaults for new plans and who the user is, stored in GSettings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PLAN_TYPE_PREFERENCES_WINDOW (plan_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (PlanPreferencesWindow, plan_preferences_window, PLAN, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Every row is bound to a key of @settings (schema io.github.kehoach.KeHoach). */
GtkWidget *plan_preferences_window_new (GSettings *settings);

G_END_DECLS
