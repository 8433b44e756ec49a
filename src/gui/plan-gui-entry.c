/* plan-gui-entry.c: the entry point of the GUI module (libkehoach-gui.so)
 *
 * The kehoach executable links no GTK: command-line exports start in a fraction of the time
 * when the dynamic loader does not have to map GTK, libadwaita and their dependencies. When no
 * command-line option matched, main.c opens this module and calls kehoach_gui_main ().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gmodule.h>

#include "plan-application.h"

G_MODULE_EXPORT int kehoach_gui_main (int   argc,
                                      char *argv[]);

G_MODULE_EXPORT int
kehoach_gui_main (int   argc,
                  char *argv[])
{
  g_autoptr(PlanApplication) app = plan_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
