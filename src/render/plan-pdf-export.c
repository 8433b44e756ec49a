/* plan-pdf-export.c: every page to a PDF file, written beside the target and renamed over it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "plan-pdf-export"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <unistd.h>

#include "plan-format.h"
#include "plan-pdf-export.h"

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  int fd = GPOINTER_TO_INT (closure);

  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        return CAIRO_STATUS_WRITE_ERROR;
      data += written;
      length -= written;
    }

  return CAIRO_STATUS_SUCCESS;
}

/* "KẾ HOẠCH Tuyên truyền cải cách hành chính năm 2022", the title on one line */
static char *
dup_pdf_title (PlanDocument *document)
{
  g_autofree char *type = plan_format_upper (plan_document_get_type_name (document));
  g_autofree char *title = g_strdup (plan_document_get_title (document));

  g_strdelimit (title, "\n", ' ');
  if (*title == '\0')
    return g_steal_pointer (&type);

  return g_strdup_printf ("%s %s", type, title);
}

static char *
dup_pdf_author (PlanDocument *document)
{
  char *agency = g_strdup (plan_document_get_agency (document));

  g_strdelimit (agency, "\n", ' ');
  return agency;
}

gboolean
plan_pdf_export (PlanLayout *layout,
                 GFile      *file,
                 GError    **error)
{
  PlanDocument *document;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *subject = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int fd;

  g_return_val_if_fail (PLAN_IS_LAYOUT (layout), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot write to “%s”: only local files are supported"), uri);
      return FALSE;
    }

  plan_layout_update (layout);
  document = plan_layout_get_document (layout);

  /* Beside the target, so that the final rename stays on one file system */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp (tmp_path);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  surface = cairo_pdf_surface_create_for_stream (write_cb, GINT_TO_POINTER (fd), 0, 0);
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);

  title = dup_pdf_title (document);
  author = dup_pdf_author (document);
  subject = g_strdup_printf ("Font: %s%s", plan_layout_get_font_family (layout),
                             plan_layout_has_real_times (layout)
                               ? "" : " (metric-compatible substitute for Times New Roman)");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Kế hoạch " PACKAGE_VERSION);

  cr = cairo_create (surface);
  for (guint i = 0; i < plan_layout_get_n_pages (layout); i++)
    {
      double width, height;

      plan_layout_get_page_size (layout, i, &width, &height);
      cairo_pdf_surface_set_size (surface, width, height);
      plan_layout_draw_page (layout, cr, i);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS && fsync (fd) != 0)
    status = CAIRO_STATUS_WRITE_ERROR;
  if (close (fd) != 0 && status == CAIRO_STATUS_SUCCESS)
    status = CAIRO_STATUS_WRITE_ERROR;

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp_path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  /* mkstemp creates the file 0600; a PDF is an ordinary document. */
  if (g_chmod (tmp_path, 0644) != 0)
    g_debug ("Cannot make %s readable: %s", tmp_path, g_strerror (errno));

  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
