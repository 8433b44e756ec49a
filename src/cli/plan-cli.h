/* plan-cli.h: the command-line actions that need no display (--check, --help, --version, …)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Handles the command line when it asks for one of the CLI's options, before GTK is
 * initialized. Returns TRUE when it did (the program then exits with *@status), FALSE when
 * none of its options is present: @argc and @argv are then left untouched for the GUI. */
gboolean plan_cli_run (int    *argc,
                       char ***argv,
                       int    *status);

G_END_DECLS
