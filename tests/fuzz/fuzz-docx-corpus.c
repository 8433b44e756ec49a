/* fuzz-docx-corpus.c: the Word import's fuzz seeds, the reference Word plans and every input the
 * fuzzer found (tests/fuzz/docx-regressions) through the same checks as the fuzz target, in the
 * normal build.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>
#include <string.h>

#include "fuzz-docx-check.h"

/* Seeds and reference plans must import; the fuzzer's findings may fail (with a message) */
static void
test_input (gconstpointer data)
{
  const char *path = data;
  gboolean must_import = strstr (path, "docx-regressions") == NULL;
  gboolean imported = FALSE;
  g_autofree char *contents = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  problem = fuzz_check_docx ((const guint8 *) contents, length, &imported);
  if (problem != NULL)
    g_error ("%s: %s", path, problem);
  if (must_import)
    g_assert_true (imported);
}

static guint
add_dir (const char *dir,
         const char *suffix)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (name[0] != '.' && (suffix == NULL || g_str_has_suffix (name, suffix)))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *test = g_strdup_printf ("/fuzz/docx/%s", (char *) names->pdata[i]);
      g_test_add_data_func_full (test, g_build_filename (dir, names->pdata[i], NULL), test_input,
                                 g_free);
    }
  return names->len;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *seeds = NULL;
  g_autofree char *regressions = NULL;
  g_autofree char *reference = NULL;

  g_test_init (&argc, &argv, NULL);
  seeds = g_test_build_filename (G_TEST_DIST, "fuzz", "docx-seeds", NULL);
  regressions = g_test_build_filename (G_TEST_DIST, "fuzz", "docx-regressions", NULL);
  reference = g_test_build_filename (G_TEST_DIST, "docx-import", NULL);
  g_assert_cmpuint (add_dir (seeds, NULL), >, 0);
  add_dir (regressions, NULL);
  g_assert_cmpuint (add_dir (reference, ".docx"), ==, 2);
  return g_test_run ();
}
