/* test-docx-import-words.c: every word of a Word plan reaches the imported plan's PDF, once.
 *
 * The words of the .docx come from an independent reader (extract-words.py, Debian's
 * python3-docx); the words of the PDF from poppler's pdftotext. Recall must be at least 99.5 %, and no word
 * of the Word file may print more often than the Word file has it (numbers aside: page numbers
 * and the numbers of automatic numbering, which python-docx does not see, print in addition).
 * What is allowed to differ: the Quốc hiệu, which the plan prints in the decree's spelling
 * ("HÒA" where a Word file may have "HOÀ").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>

#include "plan-docx-import.h"
#include "plan-fonts.h"
#include "plan-layout.h"
#include "plan-pdf-export.h"

static const char *source_dir;

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

static gboolean
is_number (const char *key)
{
  for (const char *p = key; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && *p != '.')
      return FALSE;
  return TRUE;
}

/* Case and hyphens do not count: the plan prints section headings in capitals, as the decree
 * wants, and a PDF reader drops the hyphen where a line breaks after one ("113/KH-" "UBND") */
static char *
comparable (const char *key)
{
  g_autofree char *folded = g_utf8_casefold (key, -1);
  GString *out = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p++)
    if (*p != '-')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* word → count */
static GHashTable *
count_words (const char *text,
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
      key = comparable (bare);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));
      g_hash_table_replace (counts, key, GUINT_TO_POINTER (n + 1));
      (*total)++;
    }
  return counts;
}

static char *
docx_words (const char *path)
{
  g_autofree char *script = g_build_filename (source_dir, "extract-words.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("extract-words.py failed: %s", err);
  return g_steal_pointer (&out);
}

/* pdftotext (poppler) separates table cells by their position, where poppler_page_get_text()
 * runs a row's cells together */
static char *
pdf_words (const char *pdf_path)
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

static void
test_words (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = g_build_filename (source_dir, name, NULL);
  g_autoptr(GFile) input = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanDocxReport) report = NULL;
  g_autoptr(PlanDocument) plan = plan_docx_import_file (input, &report, NULL, &error);
  g_autofree char *dir = NULL;
  g_autofree char *pdf_path = NULL;
  g_autoptr(GFile) pdf = NULL;
  g_autoptr(PlanLayout) layout = NULL;
  g_autofree char *source_text = NULL;
  g_autofree char *pdf_text = NULL;
  g_autoptr(GHashTable) source = NULL;
  g_autoptr(GHashTable) printed = NULL;
  guint source_total, printed_total, found = 0, duplicated = 0;
  GHashTableIter iter;
  gpointer key, value;

  g_assert_no_error (error);
  dir = g_dir_make_tmp ("kehoach-docx-words-XXXXXX", &error);
  g_assert_no_error (error);
  pdf_path = g_build_filename (dir, "plan.pdf", NULL);
  pdf = g_file_new_for_path (pdf_path);
  layout = plan_layout_new (plan);
  g_assert_true (plan_pdf_export (layout, pdf, &error));
  g_assert_no_error (error);
  pdf_text = pdf_words (pdf_path);
  {
    /* A line broken after a hyphen ("113/KH-" / "UBND") is one word */
    g_autoptr(GRegex) hyphen_break = g_regex_new ("(?<=\\S)-[ \\t]*\\n\\s*", 0, 0, NULL);
    char *joined = g_regex_replace (hyphen_break, pdf_text, -1, 0, "-", 0, NULL);
    g_free (pdf_text);
    pdf_text = joined;
  }
  g_unlink (pdf_path);
  g_rmdir (dir);

  source_text = docx_words (path);
  source = count_words (source_text, &source_total);
  printed = count_words (pdf_text, &printed_total);
  g_assert_cmpuint (source_total, >, 500);

  g_hash_table_iter_init (&iter, source);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint want = GPOINTER_TO_UINT (value);
      guint got = GPOINTER_TO_UINT (g_hash_table_lookup (printed, key));
      found += MIN (want, got);
      if (got < want)
        g_test_message ("missing: “%s” (%u of %u)", (char *) key, got, want);
      if (got > want && !is_number (key))
        {
          g_test_message ("duplicated: “%s” (%u instead of %u)", (char *) key, got, want);
          duplicated++;
        }
    }
  g_test_message ("%s: %u of %u words found (%.2f %%), %u words printed", name, found,
                  source_total, 100.0 * found / source_total, printed_total);
  g_assert_cmpfloat (100.0 * found / source_total, >=, 99.5);
  g_assert_cmpuint (duplicated, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (argc, ==, 2);
  source_dir = argv[1];
  plan_fonts_prepare ();

  g_test_add_data_func ("/docx-import/words/03", "03-sct-laocai-kh-de-an-08-cong-nghiep.docx",
                        test_words);
  g_test_add_data_func ("/docx-import/words/05",
                        "05-sct-laocai-kh-3024-kiem-tra-vlncn-sin-quyen.docx", test_words);
  return g_test_run ();
}
