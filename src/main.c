/* main.c: command-line actions run without a display; everything else opens the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>
#include <locale.h>

#include "plan-cli.h"

typedef int (*PlanGuiMain) (int argc, char *argv[]);

/* The GUI lives in a module so that `kehoach --export-pdf` never loads GTK. An installed
 * kehoach (in BINDIR) opens the installed module; a kehoach run from its build tree opens the
 * module built next to it. */
static char *
find_gui_module (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *exe_dir = exe ? g_path_get_dirname (exe) : NULL;

  if (exe_dir != NULL && g_strcmp0 (exe_dir, BINDIR) != 0)
    {
      g_autofree char *beside = g_build_filename (exe_dir, GUI_MODULE_NAME, NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&beside);
    }
  return g_build_filename (PKGLIBDIR, GUI_MODULE_NAME, NULL);
}

static int
run_gui (int   argc,
         char *argv[])
{
  g_autofree char *path = find_gui_module ();
  GModule *module = g_module_open (path, G_MODULE_BIND_LAZY);
  PlanGuiMain gui_main = NULL;

  if (module == NULL || !g_module_symbol (module, "kehoach_gui_main", (gpointer *) &gui_main))
    {
      /* Translators: the %s is the loader's message (file name and reason) */
      g_printerr (_("kehoach: the window part of the program cannot be loaded: %s\n"
                    "Reinstall Kế hoạch, or use the command-line options (kehoach --help).\n"),
                  g_module_error ());
      return 1;
    }
  /* Kept open until exit: the app's types and resources live in it. */
  return gui_main (argc, argv);
}

int
main (int   argc,
      char *argv[])
{
  int status = 0;

  setlocale (LC_ALL, "");
  /* build-aux/run points this at the build tree so an uninstalled build speaks Vietnamese too */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KEHOACH_LOCALEDIR") ? g_getenv ("KEHOACH_LOCALEDIR")
                                                                  : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* GLib makes the C locale of g_ascii_strtoll() and friends on first use, under a lock. A
   * thread that waits for that lock can come back with errno set (EAGAIN from the futex), and
   * g_ascii_string_to_signed() then calls a valid number invalid: the plan loader's first
   * number failed that way now and then while Pango's font thread parsed its own numbers.
   * Made here, before any thread exists, it is never waited for. */
  g_ascii_strtod ("0", NULL);

  /* --check, --export-pdf, --help … are answered here, before anything of GTK is loaded. */
  if (plan_cli_run (&argc, &argv, &status))
    return status;

  return run_gui (argc, argv);
}
