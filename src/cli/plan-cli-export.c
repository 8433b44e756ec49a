/* plan-cli-export.c: PDF, Word and PNG export from the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "plan-cli-export"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "plan-approval.h"
#include "plan-cli-export.h"
#include "plan-fonts.h"
#include "plan-json.h"
#include "plan-layout.h"
#include "plan-pdf-export.h"

#define DEFAULT_DPI 96.0

typedef struct {
  char     *pdf;
  char     *docx;
  char     *png_dir;
  int       dpi;
  int       page;
  gboolean  draft;
} ExportState;

PlanDocument *
plan_cli_export_load_document (const char *input,
                               gboolean    draft)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (input);
  g_autoptr(PlanDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = plan_json_load_file (file, NULL, NULL, &error);
  if (document == NULL)
    {
      /* Translators: the first %s is a file name, the second the reason */
      g_autofree char *name = plan_cli_display_name (input);

      g_printerr (_("kehoach: cannot open “%s”: %s\n"), name, error->message);
      return NULL;
    }

  /* The output rule (plan_approval_needs_watermark): a clean copy only of a plan whose
   * approval verifies; anything else only as a draft, and only when asked for. */
  {
    g_autoptr(PlanTrustStore) trust = plan_trust_store_new_default ();
    g_autoptr(PlanApprovalResult) result = plan_approval_verify (document, trust);
    gboolean approved = plan_approval_result_is_approved (result);

    if (!draft && !approved)
      {
        g_autofree char *name = plan_cli_display_name (input);

        /* Translators: the first %s is a file name, the second the approval state, e.g.
         * "Approval void: the plan was changed after approval" */
        g_printerr (_("kehoach: “%s” cannot be exported as a final copy: %s.\n"
                      "Only a plan with a valid approval prints without the “DỰ THẢO” "
                      "watermark. Add --draft to export it as a draft.\n"),
                    name, plan_approval_result_describe (result));
        return NULL;
      }

    g_object_set (document, "draft-watermark", draft || !approved, NULL);
  }

  return g_steal_pointer (&document);
}

static PlanLayout *
load_layout (const char *input,
             gboolean    draft)
{
  g_autoptr(PlanDocument) document = NULL;
  PlanLayout *layout;

  /* The fonts are looked up on the other core while the file is read. */
  plan_fonts_prepare ();
  document = plan_cli_export_load_document (input, draft);
  if (document == NULL)
    return NULL;

  layout = plan_layout_new (document);
  plan_layout_update (layout);

  return layout;
}

int
plan_cli_export_pdf (const char *output,
                     const char *input,
                     gboolean    draft)
{
  g_autoptr(PlanLayout) layout = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (output != NULL, 1);
  g_return_val_if_fail (input != NULL, 1);

  layout = load_layout (input, draft);
  if (layout == NULL)
    return 1;

  file = g_file_new_for_commandline_arg (output);
  if (!plan_pdf_export (layout, file, &error))
    {
      /* Translators: %s is the reason, which names the file */
      g_printerr (_("kehoach: export failed: %s\n"), error->message);
      return 1;
    }

  return 0;
}

static gboolean
write_png (PlanLayout *layout,
           guint       page,
           double      dpi,
           const char *path,
           GError    **error)
{
  double width, height, scale = dpi / 72.0;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  plan_layout_get_page_size (layout, page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                        (int)(width * scale + 0.5),
                                        (int)(height * scale + 0.5));
  cr = cairo_create (surface);
  /* The image is rounded to whole pixels, the page is not: white paper under the last,
   * partly covered column and row, rather than the surface's black showing through as grey. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  plan_layout_draw_page (layout, cr, page);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

int
plan_cli_export_png (const char *dir,
                     const char *input,
                     double      dpi,
                     int         page,
                     gboolean    draft)
{
  g_autoptr(PlanLayout) layout = NULL;
  guint n_pages;

  g_return_val_if_fail (dir != NULL, 1);
  g_return_val_if_fail (input != NULL, 1);

  if (dpi <= 0)
    dpi = DEFAULT_DPI;
  if (dpi > 1200)
    {
      g_printerr (_("kehoach: --dpi must be between 1 and 1200\n"));
      return 1;
    }

  layout = load_layout (input, draft);
  if (layout == NULL)
    return 1;

  n_pages = plan_layout_get_n_pages (layout);
  if (page > 0 && (guint)page > n_pages)
    {
      /* Translators: --page N asked for a page the plan does not have */
      g_printerr (_("kehoach: “%s” has %u pages, there is no page %d\n"), input, n_pages, page);
      return 1;
    }

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved_errno = errno;

      g_printerr (_("kehoach: cannot create the folder “%s”: %s\n"), dir, g_strerror (saved_errno));
      return 1;
    }

  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;

      if (page > 0 && i + 1 != (guint)page)
        continue;

      name = g_strdup_printf ("page-%u.png", i + 1);
      path = g_build_filename (dir, name, NULL);
      if (!write_png (layout, i, dpi, path, &error))
        {
          g_printerr ("kehoach: %s\n", error->message);
          return 1;
        }
    }

  return 0;
}

static void
export_add_entries (GOptionGroup *group,
                    gpointer      data)
{
  ExportState *state = data;
  const GOptionEntry entries[] = {
    { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, &state->pdf,
      N_("Write the plan FILE as a PDF to OUT.pdf"), N_("OUT.pdf") },
    { "export-docx", 0, 0, G_OPTION_ARG_FILENAME, &state->docx,
      N_("Write the plan FILE as a Word document to OUT.docx"), N_("OUT.docx") },
    { "export-png", 0, 0, G_OPTION_ARG_FILENAME, &state->png_dir,
      N_("Write the pages of FILE as DIR/page-1.png …"), N_("DIR") },
    { "dpi", 0, 0, G_OPTION_ARG_INT, &state->dpi,
      N_("Resolution of --export-png (default 96)"), N_("N") },
    { "page", 0, 0, G_OPTION_ARG_INT, &state->page,
      N_("Only page N with --export-png (from 1)"), N_("N") },
    { "draft", 0, 0, G_OPTION_ARG_NONE, &state->draft,
      N_("Export as a draft, with the “DỰ THẢO” watermark on every page. Without it only a "
         "plan with a valid, trusted approval can be exported"), NULL },
    { NULL }
  };

  g_option_group_add_entries (group, entries);
}

static gboolean
export_wanted (gpointer data)
{
  ExportState *state = data;

  return state->pdf != NULL || state->docx != NULL || state->png_dir != NULL;
}

static int
export_run (gpointer   data,
            char     **files)
{
  ExportState *state = data;
  int status = 0;

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      g_printerr (_("kehoach: --export-pdf, --export-docx and --export-png take exactly one "
                    "plan FILE\n"));
      return PLAN_CLI_STATUS_USAGE;
    }
  if (state->page < 0 || state->dpi < 0)
    {
      g_printerr (_("kehoach: --page and --dpi must be positive numbers\n"));
      return PLAN_CLI_STATUS_USAGE;
    }

  if (state->pdf != NULL)
    status = plan_cli_export_pdf (state->pdf, files[0], state->draft);
  if (status == 0 && state->docx != NULL)
    status = plan_cli_export_docx (state->docx, files[0], state->draft);
  if (status == 0 && state->png_dir != NULL)
    status = plan_cli_export_png (state->png_dir, files[0], state->dpi, state->page, state->draft);

  return status;
}

static void
export_clear (gpointer data)
{
  ExportState *state = data;

  g_clear_pointer (&state->pdf, g_free);
  g_clear_pointer (&state->docx, g_free);
  g_clear_pointer (&state->png_dir, g_free);
}

const PlanCliCommand plan_cli_export_command = {
  .state_size = sizeof (ExportState),
  .synopsis = N_("kehoach --export-pdf OUT.pdf | --export-docx OUT.docx | --export-png DIR "
                  "[--dpi N] [--page N] [--draft] FILE"),
  .description = N_("Write the plan as a PDF or a Word document, or its pages as PNG images"),
  .add_entries = export_add_entries,
  .wanted = export_wanted,
  .run = export_run,
  .clear = export_clear,
};
