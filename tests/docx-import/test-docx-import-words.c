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
#include "pdf-test-util.h"

static const char *source_dir;

static gboolean
is_number (const char *key)
{
  for (const char *p = key; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && *p != '.')
      return FALSE;
  return TRUE;
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
  pdf_text = pdf_test_pdftotext (pdf_path);
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
  source = pdf_test_count_words (source_text, TRUE, &source_total);
  printed = pdf_test_count_words (pdf_text, TRUE, &printed_total);
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
