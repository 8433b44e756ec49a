/* plan-cli-export-docx.c: "kehoach --export-docx OUT.docx [--draft] FILE"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "plan-cli-export"

#include "config.h"

#include <glib/gi18n.h>

#include "plan-cli-export.h"
#include "plan-docx-export.h"
#include "plan-fonts.h"

int
plan_cli_export_docx (const char *output,
                      const char *input,
                      gboolean    draft)
{
  g_autoptr(PlanDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (output != NULL, 1);
  g_return_val_if_fail (input != NULL, 1);

  /* The header's columns and rules are measured as our PDF sets them: the fonts are looked
   * up on the other core while the file is read. */
  plan_fonts_prepare ();
  document = plan_cli_export_load_document (input, draft);
  if (document == NULL)
    return 1;

  file = g_file_new_for_commandline_arg (output);
  if (!plan_docx_export_to_file (document, file, PLAN_DOCX_EXPORT_DEFAULT, NULL, &error))
    {
      /* Translators: %s is the reason, which names the file */
      g_printerr (_("kehoach: export failed: %s\n"), error->message);
      return 1;
    }

  return 0;
}
