/* test-fuzz-corpus.c: the fuzz target's seed corpus and every input the fuzzer found
 * (tests/fuzz/regressions) through the same checks as the fuzz target, in the normal build.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>

#include "fuzz-check.h"

typedef struct {
  char     *path;
  gboolean  must_load;   /* the samples and the valid fixture load, the malformed ones do not */
  gboolean  either;      /* fuzzer findings: loading or not are both fine */
} CorpusFile;

static void
corpus_file_free (gpointer data)
{
  CorpusFile *file = data;

  g_free (file->path);
  g_free (file);
}

static void
test_corpus_file (gconstpointer data)
{
  const CorpusFile *file = data;
  g_autofree char *contents = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  gboolean loaded = FALSE;

  g_file_get_contents (file->path, &contents, &length, &error);
  g_assert_no_error (error);

  problem = fuzz_check_plan_json ((const guint8 *) contents, length, &loaded);
  if (problem != NULL)
    g_error ("%s: %s", file->path, problem);

  if (!file->either)
    g_assert_cmpint (loaded, ==, file->must_load);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  /* g_ptr_array_sort() passes pointers to the elements */
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Adds one test per file in @dir whose name ends with @suffix. Returns how many. */
static guint
add_dir (const char *dir,
         const char *suffix,
         const char *test_prefix,
         gboolean    either,
         gboolean    must_load)
{
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  handle = g_dir_open (dir, 0, NULL);
  if (handle == NULL)
    return 0;

  while ((name = g_dir_read_name (handle)) != NULL)
    if (name[0] != '.' && (g_str_has_suffix (name, suffix) || suffix[0] == '\0'))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      CorpusFile *file = g_new0 (CorpusFile, 1);
      g_autofree char *test_path = g_strdup_printf ("%s/%s", test_prefix,
                                                    (char *) names->pdata[i]);

      file->path = g_build_filename (dir, names->pdata[i], NULL);
      file->either = either;
      file->must_load = must_load;
      g_test_add_data_func_full (test_path, file, test_corpus_file, corpus_file_free);
    }

  return names->len;
}

int
main (int argc, char *argv[])
{
  const char *samples = g_getenv ("KEHOACH_SAMPLES_DIR");
  g_autofree char *json_dir = NULL;
  g_autofree char *malformed_dir = NULL;
  g_autofree char *regressions_dir = NULL;
  guint seeds = 0;

  g_test_init (&argc, &argv, NULL);

  json_dir = g_test_build_filename (G_TEST_DIST, "json", NULL);
  malformed_dir = g_test_build_filename (G_TEST_DIST, "json", "malformed", NULL);
  regressions_dir = g_test_build_filename (G_TEST_DIST, "fuzz", "regressions", NULL);

  if (samples != NULL)
    seeds += add_dir (samples, ".json", "/fuzz-corpus/samples", FALSE, TRUE);
  seeds += add_dir (json_dir, ".kehoach.json", "/fuzz-corpus/valid", FALSE, TRUE);
  seeds += add_dir (malformed_dir, ".json", "/fuzz-corpus/malformed", FALSE, FALSE);
  /* Whatever the fuzzer found: some load, some do not; none may crash or break the checks. */
  add_dir (regressions_dir, "", "/fuzz-corpus/regressions", TRUE, FALSE);

  /* The seed corpus must not silently vanish (a moved folder would make this test empty). */
  g_assert_cmpuint (seeds, >=, 60);

  return g_test_run ();
}
