/* plan-signature-image.c: loading the signature images and placing them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "plan-format.h"
#include "plan-poppler-autoptr.h"
#include "plan-signature-image.h"
#include "plan-signing-error.h"

#define DEFAULT_DPI 300.0
/* Space left between the image and the text above and below it */
#define GAP_MARGIN_PT 2.0

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* The resolution from the PNG's pHYs chunk (pixels per metre, unit 1), or 0 */
static double
png_dpi (const guint8 *data,
         gsize         length)
{
  gsize pos = 8;

  while (pos + 12 <= length)
    {
      guint32 size = read_be32 (data + pos);

      if (memcmp (data + pos + 4, "pHYs", 4) == 0 && size == 9 && pos + 8 + 9 <= length)
        {
          guint32 x = read_be32 (data + pos + 8);

          if (data[pos + 16] == 1 && x > 0)
            return x * 0.0254;
          return 0;
        }
      if (memcmp (data + pos + 4, "IDAT", 4) == 0)
        return 0;   /* pHYs comes before the image data */
      pos += 12 + (gsize) size;
    }

  return 0;
}

typedef struct {
  const guint8 *data;
  gsize         length;
  gsize         pos;
} PngReader;

static cairo_status_t
read_png_cb (void          *closure,
             unsigned char *data,
             unsigned int   length)
{
  PngReader *reader = closure;

  if (reader->pos + length > reader->length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->pos, length);
  reader->pos += length;
  return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *
plan_signature_image_load (const char  *path,
                           double      *width_pt,
                           double      *height_pt,
                           GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  PngReader reader;
  cairo_surface_t *png, *surface;
  cairo_t *cr;
  double dpi;
  int w, h;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_BAD_FILE, "%s",
                   local_error->message);
      return NULL;
    }

  reader = (PngReader) { (const guint8 *) contents, length, 0 };
  png = cairo_image_surface_create_from_png_stream (read_png_cb, &reader);
  if (cairo_surface_status (png) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (png);
      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_BAD_FILE,
                   _("“%s” is not a PNG image"), display);
      return NULL;
    }

  w = cairo_image_surface_get_width (png);
  h = cairo_image_surface_get_height (png);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  cairo_set_source_surface (cr, png, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (png);

  dpi = png_dpi ((const guint8 *) contents, length);
  if (dpi <= 0)
    dpi = DEFAULT_DPI;
  *width_pt = w * 72.0 / dpi;
  *height_pt = h * 72.0 / dpi;

  return surface;
}

static gboolean
find_last_above (GList  *matches,
                 double  below,
                 double *rect)
{
  gboolean found = FALSE;

  for (GList *l = matches; l != NULL; l = l->next)
    {
      PopplerRectangle *r = l->data;
      double bottom = MIN (r->y1, r->y2);

      /* the lowest match above @below */
      if (bottom >= below - 0.5 && (!found || bottom < MIN (rect[1], rect[3])))
        {
          rect[0] = r->x1;
          rect[1] = MIN (r->y1, r->y2);
          rect[2] = r->x2;
          rect[3] = MAX (r->y1, r->y2);
          found = TRUE;
        }
    }

  return found;
}

gboolean
plan_signature_find_signer_gap (PopplerDocument *document,
                                guint            page,
                                const char      *title_text,
                                const char      *name,
                                double           gap[4],
                                GError         **error)
{
  g_autoptr(PopplerPage) poppler_page = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *title = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (title_text != NULL ? title_text : ""));
  GList *name_matches, *title_matches;
  double name_rect[4] = { 0 }, title_rect[4] = { 0 };
  gboolean found_name = FALSE, found_title;
  guint n_lines;

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), FALSE);

  lines = g_strsplit (stripped, "\n", -1);
  n_lines = g_strv_length (lines);
  if (n_lines > 0)
    title = plan_format_upper (g_strstrip (lines[n_lines - 1]));
  if (title == NULL || title[0] == '\0' || name == NULL || name[0] == '\0' ||
      (poppler_page = poppler_document_get_page (document, page)) == NULL)
    {
      g_set_error_literal (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_NO_PLACE,
                           _("The plan has no signer’s title and name: fill them in under "
                             "Recipients and signer, so that the signature has its place"));
      return FALSE;
    }

  /* The name: the lowest match on the page (the signature block closes the text) */
  name_matches = poppler_page_find_text (poppler_page, name);
  for (GList *l = name_matches; l != NULL; l = l->next)
    {
      PopplerRectangle *r = l->data;

      if (!found_name || MIN (r->y1, r->y2) < name_rect[1])
        {
          name_rect[0] = r->x1;
          name_rect[1] = MIN (r->y1, r->y2);
          name_rect[2] = r->x2;
          name_rect[3] = MAX (r->y1, r->y2);
          found_name = TRUE;
        }
    }
  g_list_free_full (name_matches, (GDestroyNotify) poppler_rectangle_free);

  title_matches = found_name ? poppler_page_find_text (poppler_page, title) : NULL;
  found_title = found_name && find_last_above (title_matches, name_rect[3], title_rect);
  g_list_free_full (title_matches, (GDestroyNotify) poppler_rectangle_free);

  if (!found_title)
    {
      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_NO_PLACE,
                   _("The signer’s title “%s” and name “%s” were not found on page %u of the "
                     "PDF"), title, name, page + 1);
      return FALSE;
    }

  {
    double centre = (name_rect[0] + name_rect[2]) / 2;
    double half = MAX (name_rect[2] - name_rect[0], title_rect[2] - title_rect[0]) / 2;

    gap[0] = centre - half;
    gap[1] = name_rect[3];
    gap[2] = centre + half;
    gap[3] = title_rect[1];
  }
  return TRUE;
}

void
plan_signature_place_in_gap (const double gap[4],
                             double       width,
                             double       height,
                             double       rect[4])
{
  double room_height = MAX (gap[3] - gap[1] - 2 * GAP_MARGIN_PT, 1);
  double room_width = MAX (gap[2] - gap[0], 1);
  double scale = MIN (1.0, MIN (room_height / height, room_width / width));
  double cx = (gap[0] + gap[2]) / 2, cy = (gap[1] + gap[3]) / 2;

  width *= scale;
  height *= scale;
  rect[0] = cx - width / 2;
  rect[1] = cy - height / 2;
  rect[2] = cx + width / 2;
  rect[3] = cy + height / 2;
}

void
plan_signature_place_seal (const double signer[4],
                           double       width,
                           double       height,
                           double       rect[4])
{
  /* Its right edge a third of the way into the signature; its centre level with it */
  double right = signer[0] + (signer[2] - signer[0]) / 3;
  double cy = (signer[1] + signer[3]) / 2;

  rect[0] = right - width;
  rect[1] = cy - height / 2;
  rect[2] = right;
  rect[3] = cy + height / 2;
}
