/* pdf-test-util.h: reading an exported PDF back with poppler, shared by the approval and window
 * tests (poppler is an independent reader: what it finds is what a PDF viewer shows)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <poppler.h>

G_BEGIN_DECLS

/* poppler-glib 22.12 (Debian 12) has no autoptr support of its own */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* All text of the PDF in @file, in NFC, each page followed by a form feed */
char  *pdf_test_text              (GFile *file);

/* The number of pages that carry the DỰ THẢO watermark, found as pixels of its light grey;
 * sets @n_pages to the number of pages. */
guint  pdf_test_watermarked_pages (GFile *file,
                                   guint *n_pages);

/* pdftotext's text of the PDF at @pdf_path, in NFC: unlike poppler_page_get_text(), it
 * separates table cells by their position */
char       *pdf_test_pdftotext         (const char *pdf_path);

/* The words of @text, counted (word → count as GUINT_TO_POINTER); sets @total. Punctuation
 * around a word and hyphens do not count, nor case when @fold_case, and tokens without a
 * letter or digit are no words. */
GHashTable *pdf_test_count_words       (const char *text,
                                        gboolean    fold_case,
                                        guint      *total);

G_END_DECLS
