/* pdf-test-util.c: reading an exported PDF back with poppler, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pdf-test-util.h"

#include <string.h>

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

/* Punctuation around a word is not part of it: "(B/c);" and "B/c" are the same word */
static char *
word_key (const char *token)
{
  static const char *const edges = ",.;:!?()[]\"'“”‘’…";
  const char *start = token;
  const char *end = token + strlen (token);

  while (start < end && strchr (edges, *start) != NULL && *start != '\0')
    start++;
  while (start < end)
    {
      const char *previous = g_utf8_find_prev_char (start, end);
      gunichar c = g_utf8_get_char (previous);
      if (c >= 0x80 ? (c != 0x201C && c != 0x201D && c != 0x2018 && c != 0x2019 && c != 0x2026)
                    : strchr (edges, (char) c) == NULL)
        break;
      end = previous;
    }
  while (start < end)
    {
      gunichar c = g_utf8_get_char (start);
      if (c < 0x80 || (c != 0x201C && c != 0x201D && c != 0x2018 && c != 0x2019 && c != 0x2026))
        break;
      start = g_utf8_next_char (start);
    }
  return g_strndup (start, end - start);
}

static gboolean
is_word (const char *key)
{
  for (const char *p = key; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Case and hyphens do not count: the plan prints section headings in capitals, as the decree
 * wants, and a PDF reader drops the hyphen where a line breaks after one ("113/KH-" "UBND") */
static char *
comparable (const char *key,
            gboolean    fold_case)
{
  g_autofree char *folded = fold_case ? g_utf8_casefold (key, -1) : g_strdup (key);
  GString *out = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p++)
    if (*p != '-')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* word → count */
GHashTable *
pdf_test_count_words (const char *text,
                      gboolean    fold_case,
                      guint      *total)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) tokens = g_regex_split_simple ("[\\s\\x{00A0}\\f]+", text, 0, 0);

  *total = 0;
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      g_autofree char *nfc = g_utf8_normalize (tokens[i], -1, G_NORMALIZE_NFC);
      g_autofree char *bare = word_key (nfc);
      char *key;
      if (!is_word (bare))
        continue;
      key = comparable (bare, fold_case);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));
      g_hash_table_replace (counts, key, GUINT_TO_POINTER (n + 1));
      (*total)++;
    }
  return counts;
}

/* pdftotext (poppler) separates table cells by their position, where poppler_page_get_text()
 * runs a row's cells together */
char *
pdf_test_pdftotext (const char *pdf_path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf_path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_utf8_normalize (out, -1, G_NORMALIZE_NFC);
}
