/* pdf-test-util.c: reading an exported PDF back with poppler, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pdf-test-util.h"

static PopplerDocument *
open_pdf (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GError) error = NULL;
  PopplerDocument *pdf = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  return pdf;
}

char *
pdf_test_text (GFile *file)
{
  g_autoptr(PopplerDocument) pdf = open_pdf (file);
  g_autoptr(GString) text = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_string_append_c (text, '\f');
    }

  return g_utf8_normalize (text->str, -1, G_NORMALIZE_NFC);
}

/* Pixels of the watermark's grey (0.85 → 215–219) on @page rendered at 1 px/pt */
static guint
count_watermark_grey (PopplerPage *page)
{
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint grey = 0;

  poppler_page_get_size (page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    {
      const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (surface) +
                                              y * cairo_image_surface_get_stride (surface));

      for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
        {
          guint r = (row[x] >> 16) & 0xff, g = (row[x] >> 8) & 0xff, b = row[x] & 0xff;

          if (r == g && g == b && r >= 215 && r <= 219)
            grey++;
        }
    }
  cairo_surface_destroy (surface);

  return grey;
}

/* The watermark is drawn as outlines, so that it is not in the text layer: it can only be
 * found in the page's pixels. */
guint
pdf_test_watermarked_pages (GFile *file,
                            guint *n_pages)
{
  g_autoptr(PopplerDocument) pdf = open_pdf (file);
  guint marked = 0;

  *n_pages = poppler_document_get_n_pages (pdf);
  for (guint i = 0; i < *n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      guint grey = count_watermark_grey (page);

      g_test_message ("page %u: %u watermark-grey pixels", i + 1, grey);
      /* The two words at 110 pt cover tens of thousands of pixels; text antialiasing a few
       * hundred at most */
      if (grey > 8000)
        marked++;
    }

  return marked;
}
