/* plan-cli-import-docx.c: kehoach --import-docx OUT.kehoach.json IN.docx: a Word plan
 * becomes a plan file; the summary of what was recognised goes to stdout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kehoach-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "plan-cli-import-docx.h"
#include "plan-docx-import.h"
#include "plan-json.h"

typedef struct {
  char *output;
} ImportDocxState;

static void
import_docx_add_entries (GOptionGroup *group,
                         gpointer      state)
{
  ImportDocxState *self = state;
  const GOptionEntry entries[] = {
    { "import-docx", 0, 0, G_OPTION_ARG_FILENAME, &self->output,
      N_("Read the Word plan FILE (.docx) and save it as the plan OUT.kehoach.json; print what "
         "was recognised and every place kept only as plain paragraphs"), N_("OUT.kehoach.json") },
    { NULL }
  };

  g_option_group_add_entries (group, entries);
}

static gboolean
import_docx_wanted (gpointer state)
{
  return ((ImportDocxState *) state)->output != NULL;
}

static int
import_docx_run (gpointer   state,
                 char     **files)
{
  ImportDocxState *self = state;
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(PlanDocument) document = NULL;
  g_autoptr(PlanDocxReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *input_name = NULL;
  g_autofree char *output_name = NULL;
  g_autofree char *text = NULL;

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      g_printerr ("%s\n", _("kehoach: --import-docx takes exactly one Word FILE"));
      return PLAN_CLI_STATUS_USAGE;
    }

  input_name = plan_cli_display_name (files[0]);
  output_name = plan_cli_display_name (self->output);
  input = g_file_new_for_commandline_arg (files[0]);
  output = g_file_new_for_commandline_arg (self->output);
  if (g_file_equal (input, output))
    {
      g_printerr (_("kehoach: the plan would replace the Word file “%s”; choose another name\n"),
                  input_name);
      return PLAN_CLI_STATUS_USAGE;
    }

  document = plan_docx_import_file (input, &report, NULL, &error);
  if (document == NULL)
    {
      /* Translators: the first %s is a file name, the second the reason */
      g_printerr (_("kehoach: cannot import “%s”: %s\n"), input_name, error->message);
      return 1;
    }
  if (!plan_json_save_file (document, output, NULL, NULL, NULL, &error))
    {
      g_printerr (_("kehoach: cannot save “%s”: %s\n"), output_name, error->message);
      return 1;
    }

  text = plan_docx_report_dup_text (report);
  g_print ("%s", text);
  return 0;
}

static void
import_docx_clear (gpointer state)
{
  ImportDocxState *self = state;
  g_clear_pointer (&self->output, g_free);
}

const PlanCliCommand plan_cli_import_docx_command = {
  .state_size = sizeof (ImportDocxState),
  .synopsis = N_("kehoach --import-docx OUT.kehoach.json FILE.docx"),
  .description = N_("Turn a Word plan into a plan file and print what was recognised"),
  .add_entries = import_docx_add_entries,
  .wanted = import_docx_wanted,
  .run = import_docx_run,
  .clear = import_docx_clear,
};
