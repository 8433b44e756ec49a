/* plan-cli.c: the command line that needs no display: --check, --help, --version, and the
 * commands plugged in through PlanCliCommand (plan-cli-private.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kehoach-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "plan-cli.h"
#include "plan-cli-private.h"
#include "plan-json.h"

#ifdef PLAN_CLI_HAVE_EXPORT
# include "plan-cli-export.h"
#endif
#include "plan-cli-sign-pdf.h"
#include "plan-cli-import-docx.h"
#include "plan-cli-verify.h"
#include "plan-cli-verify-pdf.h"

/* ---- --check ------------------------------------------------------------------------------ */

typedef struct {
  gboolean check;
} CheckState;

static void
check_add_entries (GOptionGroup *group,
                   gpointer      state)
{
  CheckState *self = state;
  const GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_NONE, &self->check,
      N_("Check that each FILE can be opened: print “FILE: ok” or the problem found; exit "
         "status 0 when all are valid"), NULL },
    { NULL }
  };

  g_option_group_add_entries (group, entries);
}

static gboolean
check_wanted (gpointer state)
{
  return ((CheckState *) state)->check;
}

static int
check_run (gpointer   state,
           char     **files)
{
  gboolean all_valid = TRUE;

  if (files == NULL || files[0] == NULL)
    {
      /* Translators: an error on the command line */
      g_printerr ("%s\n", _("kehoach: --check needs at least one FILE"));
      return PLAN_CLI_STATUS_USAGE;
    }

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr(PlanDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *name = plan_cli_display_name (files[i]);

      document = plan_json_load_file (file, NULL, NULL, &error);
      if (document != NULL)
        {
          /* Translators: printed by --check for a valid file: "plan.kehoach.json: ok" */
          g_print (_("%s: ok\n"), name);
        }
      else
        {
          g_print ("%s: %s\n", name, error->message);
          all_valid = FALSE;
        }
    }

  return all_valid ? 0 : 1;
}

static void
check_clear (gpointer state)
{
}

static const PlanCliCommand check_command = {
  .state_size = sizeof (CheckState),
  .synopsis = N_("kehoach --check FILE…"),
  .description = N_("Check plan files without opening the app"),
  .add_entries = check_add_entries,
  .wanted = check_wanted,
  .run = check_run,
  .clear = check_clear,
};

/* ---- The command line -------------------------------------------------------------------- */

/* To add a command: implement a PlanCliCommand in its own file and list it here. */
static const PlanCliCommand * const commands[] = {
  &check_command,
#ifdef PLAN_CLI_HAVE_EXPORT
  &plan_cli_export_command,
#endif
  &plan_cli_verify_command,
  &plan_cli_sign_pdf_command,
  &plan_cli_verify_pdf_command,
  &plan_cli_import_docx_command,
};

char *
plan_cli_display_name (const char *path)
{
  return g_filename_display_name (path);
}

/* Only an argument that looks like an option makes us parse: "kehoach plan.kehoach.json" goes
 * straight to the app. */
static gboolean
has_options (int    argc,
             char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        return FALSE;
      if (argv[i][0] == '-' && argv[i][1] != '\0')
        return TRUE;
    }

  return FALSE;
}

static char *
build_summary (void)
{
  GString *summary = g_string_new (NULL);
  const char *synopses[G_N_ELEMENTS (commands) + 1];
  const char *descriptions[G_N_ELEMENTS (commands) + 1];
  glong width = 0;

  synopses[0] = _("kehoach [FILE…]");
  descriptions[0] = _("Open the plans in the app (a new plan when there is no FILE)");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      synopses[i + 1] = _(commands[i]->synopsis);
      descriptions[i + 1] = _(commands[i]->description);
    }

  /* Descriptions line up after the short synopses; a long one gets its own line. */
  for (guint i = 0; i < G_N_ELEMENTS (synopses); i++)
    if (g_utf8_strlen (synopses[i], -1) <= 40)
      width = MAX (width, g_utf8_strlen (synopses[i], -1));

  g_string_append (summary, _("Draft administrative plans (Kế hoạch) and print them in the "
                              "format of Decree 30/2020/NĐ-CP."));
  g_string_append_c (summary, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (synopses); i++)
    {
      g_string_append_printf (summary, "\n  %s", synopses[i]);
      if (g_utf8_strlen (synopses[i], -1) > width)
        g_string_append_printf (summary, "\n  %*s", (int) width + 3, "");
      else
        for (glong pad = g_utf8_strlen (synopses[i], -1); pad < width + 3; pad++)
          g_string_append_c (summary, ' ');
      g_string_append (summary, descriptions[i]);
    }

  return g_string_free (summary, FALSE);
}

gboolean
plan_cli_run (int    *argc,
              char ***argv,
              int    *status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_auto(GStrv) args = NULL;
  gpointer states[G_N_ELEMENTS (commands)];
  const PlanCliCommand *wanted = NULL;
  gpointer wanted_state = NULL;
  gboolean show_help = FALSE;
  gboolean show_version = FALSE;
  GOptionGroup *group;
  gboolean handled = TRUE;
  guint n_wanted = 0;
  const GOptionEntry entries[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &show_help, N_("Show this help and exit"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &show_version, N_("Show the version and exit"), NULL },
    { NULL }
  };

  g_return_val_if_fail (argc != NULL && argv != NULL && status != NULL, FALSE);

  *status = 0;
  if (!has_options (*argc, *argv))
    return FALSE;

  /* Parse a copy: when none of our options is there, the app gets argv as it was. */
  args = g_new0 (char *, *argc + 1);
  for (int i = 0; i < *argc; i++)
    args[i] = g_strdup ((*argv)[i]);

  /* Translators: the parameters in "Usage: kehoach [OPTION…] [FILE…]" */
  context = g_option_context_new (_("[FILE…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  /* Options of the app itself (GApplication's) are left for it. */
  g_option_context_set_ignore_unknown_options (context, TRUE);
  summary = build_summary ();
  g_option_context_set_summary (context, summary);

  group = g_option_group_new (NULL, NULL, NULL, NULL, NULL);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_group_add_entries (group, entries);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      states[i] = g_malloc0 (commands[i]->state_size);
      commands[i]->add_entries (group, states[i]);
    }
  g_option_context_set_main_group (context, group);

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      /* Translators: the first %s is the problem with the command line */
      g_printerr (_("kehoach: %s\nRun “kehoach --help” to see the options.\n"), error->message);
      *status = PLAN_CLI_STATUS_USAGE;
      goto out;
    }

  if (show_help)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_print ("%s", help);
      goto out;
    }

  if (show_version)
    {
      g_print ("kehoach %s\n", PACKAGE_VERSION);
      goto out;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (commands[i]->wanted (states[i]))
      {
        wanted = commands[i];
        wanted_state = states[i];
        n_wanted++;
      }

  if (n_wanted == 0)
    {
      handled = FALSE;
      goto out;
    }

  if (n_wanted > 1)
    {
      g_printerr ("%s\n", _("kehoach: give only one of the options that do something "
                            "(--check, --export-…, --verify) at a time"));
      *status = PLAN_CLI_STATUS_USAGE;
      goto out;
    }

  /* What is left after the program name are the FILEs; an unknown option is a mistake here. */
  for (guint i = 1; args[i] != NULL; i++)
    {
      if (g_str_equal (args[i], "--"))
        break;
      if (args[i][0] == '-' && args[i][1] != '\0')
        {
          /* Translators: %s is an option that kehoach does not know, e.g. --chek */
          g_printerr (_("kehoach: unknown option %s\nRun “kehoach --help” to see the options.\n"),
                      args[i]);
          *status = PLAN_CLI_STATUS_USAGE;
          goto out;
        }
    }

  {
    g_autoptr(GPtrArray) files = g_ptr_array_new ();
    gboolean after_dashes = FALSE;

    for (guint i = 1; args[i] != NULL; i++)
      {
        if (!after_dashes && g_str_equal (args[i], "--"))
          {
            after_dashes = TRUE;
            continue;
          }
        g_ptr_array_add (files, args[i]);
      }
    g_ptr_array_add (files, NULL);

    *status = wanted->run (wanted_state, (char **) files->pdata);
  }

out:
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      commands[i]->clear (states[i]);
      g_free (states[i]);
    }

  return handled;
}
