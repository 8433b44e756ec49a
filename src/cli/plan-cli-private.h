/* plan-cli-private.h: how a command plugs into the command line of plan-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit status of a wrong command line (unknown option, missing FILE, …). */
#define PLAN_CLI_STATUS_USAGE 2

/* One command of the command line. plan-cli.c allocates @state_size zeroed bytes for it, lets
 * it add its options to the shared option group, and runs it when wanted() says its options
 * were given. Every field is required. */
typedef struct {
  gsize        state_size;
  /* The line shown by --help: the synopsis ("kehoach --check FILE…") and what it does, both
   * marked with N_() (they are translated when printed). */
  const char  *synopsis;
  const char  *description;
  /* Adds the command's GOptionEntry array (arg_data pointing into @state) to @group. */
  void       (*add_entries) (GOptionGroup *group,
                             gpointer      state);
  gboolean   (*wanted)      (gpointer      state);
  /* Runs the command on the remaining arguments (the FILE…); returns the exit status.
   * What the user asked for goes to stdout (--check prints each verdict there), failures of the
   * command itself to stderr. */
  int        (*run)         (gpointer      state,
                             char        **files);
  /* Frees what the option parser stored in @state (strings, arrays), not @state itself. */
  void       (*clear)       (gpointer      state);
} PlanCliCommand;

/* The file name as given on the command line, for messages (UTF-8). */
char *plan_cli_display_name (const char *path);

G_END_DECLS
