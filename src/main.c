/* main.c: command-line actions run without a display; everything else opens the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "plan-cli.h"
#include "plan-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PlanApplication) app = NULL;
  int status = 0;

  setlocale (LC_ALL, "");
  /* build-aux/run points this at the build tree so an uninstalled build speaks Vietnamese too */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KEHOACH_LOCALEDIR") ? g_getenv ("KEHOACH_LOCALEDIR")
                                                                  : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* --check, --export-pdf, --help … are answered here, before GTK is initialized. */
  if (plan_cli_run (&argc, &argv, &status))
    return status;

  app = plan_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
