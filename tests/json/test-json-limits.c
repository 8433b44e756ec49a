/* test-json-limits.c: very large and very deep plan files (issue 7, "Hostile and broken input")
 *
 * Each input is generated on the fly in a temporary folder: a 50 MB plan, nesting 10,000
 * levels deep, a 10 MB paragraph, a table with a million rows, a file with over a million
 * values. Each either loads or fails with a message that names the limit and the place; the
 * ones that load are opened in a child process that checks its own peak memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>

#include "plan-json.h"
#include "plan-nfc.h"

/* Generous, but far below what an unbounded loader takes on these inputs (a million rows took
 * 3.8 GB before the limits). Sanitizer builds need room for shadow memory and quarantine. */
#if defined(__SANITIZE_ADDRESS__)
#define PEAK_MEMORY_LIMIT_MB 2048
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PEAK_MEMORY_LIMIT_MB 2048
#endif
#endif
#ifndef PEAK_MEMORY_LIMIT_MB
#define PEAK_MEMORY_LIMIT_MB 1024
#endif

#define PLAN_START \
  "{\"format\": \"kehoach\", \"version\": 1,\n" \
  "\"header\": {\"doc-type\": \"KH\", \"title\": \"Kiểm tra giới hạn\"},\n"

static char *tmp_dir;

/* Writes @data to a new file in the temporary folder and returns its path. */
static char *
write_temp (const char *name,
            GString    *data)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data->str, data->len, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static PlanDocument *
load_path (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return plan_json_load_file (file, NULL, NULL, error);
}

static glong
peak_memory_mb (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss / 1024;   /* kilobytes on Linux */
}

/* In a fresh child process: loads @path, checks the plan with @check and the child's peak
 * memory. The file path goes through the environment, the child only reads and parses. */
typedef void (*CheckPlan) (PlanDocument *document);

static void
load_in_child (const char *test_path,
               const char *path,
               CheckPlan   check)
{
  if (g_test_subprocess ())
    {
      g_autoptr(PlanDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      glong peak;

      document = load_path (g_getenv ("KEHOACH_LIMITS_FILE"), &error);
      g_assert_no_error (error);
      g_assert_nonnull (document);
      check (document);
      peak = peak_memory_mb ();
      g_printerr ("peak memory: %ld MB\n", peak);
      g_assert_cmpint (peak, <, PEAK_MEMORY_LIMIT_MB);
      return;
    }

  g_setenv ("KEHOACH_LIMITS_FILE", path, TRUE);
  g_test_trap_subprocess (test_path, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* ---- 50 MB ---------------------------------------------------------------------------------- */

#define BIG_PARAGRAPHS 5000
#define BIG_PARAGRAPH_BYTES (10 * 1024)

static GString *
make_big_plan (void)
{
  GString *data = g_string_sized_new (BIG_PARAGRAPHS * (BIG_PARAGRAPH_BYTES + 8));
  GString *paragraph = g_string_new (NULL);

  while (paragraph->len < BIG_PARAGRAPH_BYTES)
    g_string_append (paragraph, "Đảm bảo an toàn điện trong trường học. ");

  g_string_append (data, PLAN_START "\"preamble\": [\n");
  for (guint i = 0; i < BIG_PARAGRAPHS; i++)
    g_string_append_printf (data, "%s\"%u. %s\"\n", i > 0 ? "," : "", i, paragraph->str);
  g_string_append (data, "]}\n");

  g_string_free (paragraph, TRUE);
  return data;
}

static void
check_big_plan (PlanDocument *document)
{
  GListModel *preamble = plan_document_get_preamble (document);

  g_assert_cmpuint (g_list_model_get_n_items (preamble), ==, BIG_PARAGRAPHS);
}

static void
test_file_50mb (void)
{
  g_autofree char *path = NULL;

  if (!g_test_subprocess ())
    {
      GString *data = make_big_plan ();

      g_assert_cmpuint (data->len, >=, 50 * 1000 * 1000);
      g_assert_cmpuint (data->len, <, PLAN_FILE_MAX_SIZE);
      path = write_temp ("big.kehoach.json", data);
      g_string_free (data, TRUE);
    }

  load_in_child ("/limits/file-50mb", path, check_big_plan);
  if (path != NULL)
    g_remove (path);
}

/* ---- 10 MB in one text ---------------------------------------------------------------------- */

#define LONG_TEXT_BYTES (10 * 1024 * 1024)

static void
check_long_text (PlanDocument *document)
{
  GListModel *preamble = plan_document_get_preamble (document);
  g_autoptr(PlanParagraph) paragraph = NULL;
  const char *text;

  g_assert_cmpuint (g_list_model_get_n_items (preamble), ==, 1);
  paragraph = g_list_model_get_item (preamble, 0);
  text = plan_text_get_plain (plan_paragraph_get_text (paragraph));
  g_assert_cmpuint (strlen (text), ==, LONG_TEXT_BYTES);
  g_assert_true (g_str_has_prefix (text, "Kế hoạch"));
}

static void
test_string_10mb (void)
{
  g_autofree char *path = NULL;

  if (!g_test_subprocess ())
    {
      GString *data = g_string_new (PLAN_START "\"preamble\": [\"");
      gsize start = data->len;

      /* Vietnamese all along (a composition every few bytes), padded with ASCII to the exact
       * size. */
      const char *words = "Kế hoạch ";

      while (data->len - start + strlen (words) <= LONG_TEXT_BYTES)
        g_string_append (data, words);
      while (data->len - start < LONG_TEXT_BYTES)
        g_string_append_c (data, 'x');
      g_string_append (data, "\"]}\n");
      path = write_temp ("long-text.kehoach.json", data);
      g_string_free (data, TRUE);
    }

  load_in_child ("/limits/string-10mb", path, check_long_text);
  if (path != NULL)
    g_remove (path);
}

/* ---- Nesting 10,000 levels deep ------------------------------------------------------------- */

static void
assert_fails (GString    *data,
              const char *name,
              int         code,
              const char *message)
{
  g_autofree char *path = write_temp (name, data);
  g_autoptr(PlanDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = load_path (path, &error);
  g_assert_null (document);
  g_assert_error (error, PLAN_FILE_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  g_remove (path);
}

static void
test_deep_lists (void)
{
  GString *data = g_string_new (PLAN_START "\"preamble\": ");

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (data, '[');
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (data, ']');
  g_string_append (data, "}\n");

  /* The 64th "[" is the 1st level too many: 63 lists inside the plan's object. */
  assert_fails (data, "deep-lists.kehoach.json", PLAN_FILE_ERROR_TOO_DEEP,
                "line 3, column 76: the plan is nested more than 64 levels deep");
  g_string_free (data, TRUE);
}

static void
test_deep_items (void)
{
  /* What a real file could look like: sections in sections, one per line. */
  GString *data = g_string_new (PLAN_START "\"body\": {\"items\": [\n");

  for (guint i = 0; i < 10000; i++)
    g_string_append (data, "{\"kind\": \"section\", \"children\": [\n");
  for (guint i = 0; i < 10000; i++)
    g_string_append (data, "]}");
  g_string_append (data, "]}}\n");

  /* The plan, body and items, then two levels per item: the "children" list of the 31st item
   * (on line 34) is level 65. */
  assert_fails (data, "deep-items.kehoach.json", PLAN_FILE_ERROR_TOO_DEEP,
                "line 34, column 33: the plan is nested more than 64 levels deep");
  g_string_free (data, TRUE);
}

/* ---- A million rows ------------------------------------------------------------------------- */

static GString *
make_table_plan (guint n_tables,
                 guint n_rows)
{
  GString *data = g_string_new (PLAN_START "\"appendices\": [{\"title\": \"Danh sách\", "
                                "\"content\": [\n");

  for (guint t = 0; t < n_tables; t++)
    {
      g_string_append_printf (data, "%s{\"kind\": \"table\", \"table\": {\"columns\": "
                              "[{\"width\": 1}, {\"width\": 4}], \"rows\": [\n",
                              t > 0 ? "," : "");
      for (guint r = 0; r < n_rows; r++)
        g_string_append_printf (data, "%s[\"%u\", \"Trường số %u\"]\n", r > 0 ? "," : "", r + 1,
                                r + 1);
      g_string_append (data, "]}}\n");
    }
  g_string_append (data, "]}]}\n");
  return data;
}

static void
test_million_rows (void)
{
  GString *data = make_table_plan (1, 1000000);

  /* Refused at the first row over the limit (row 10,001 is on line 10,005, after its comma),
   * before anything is built in memory. */
  assert_fails (data, "rows.kehoach.json", PLAN_FILE_ERROR_TOO_LARGE,
                "line 10005, column 2: a list in a plan can have at most 10000 entries "
                "(table rows, paragraphs, items); this one has more");
  g_string_free (data, TRUE);
}

static void
test_million_values (void)
{
  /* Every list within its limit, but 120 tables of 10,000 rows hold 3.6 million values. */
  GString *data = make_table_plan (120, 10000);

  /* 10 values before the tables, 9 + 3 per row in each: the millionth-and-first is the list of
   * row 3,229 of the 34th table, on line 4 + 33 × 10,002 + 1 + 3,228. */
  assert_fails (data, "values.kehoach.json", PLAN_FILE_ERROR_TOO_LARGE,
                "line 333299, column 2: the plan holds more than 1000000 values (texts, "
                "numbers, lists); it is too large to open");
  g_string_free (data, TRUE);
}

static void
test_many_members (void)
{
  GString *data = g_string_new ("{");

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (data, "%s\n\"member-%u\": 0", i > 0 ? "," : "", i);
  g_string_append (data, "}\n");

  assert_fails (data, "members.kehoach.json", PLAN_FILE_ERROR_TOO_LARGE,
                "line 10002, column 1: an object in a plan can have at most 10000 members; "
                "this one has more");
  g_string_free (data, TRUE);
}

/* The largest tables the limits allow still load, within bounded memory. */
#define LARGE_TABLES 24
#define LARGE_ROWS   10000

static void
check_large_tables (PlanDocument *document)
{
  GListModel *appendices = plan_document_get_appendices (document);
  g_autoptr(PlanAppendix) appendix = g_list_model_get_item (appendices, 0);
  GListModel *content = plan_appendix_get_content (appendix);
  g_autoptr(PlanItem) item = g_list_model_get_item (content, LARGE_TABLES - 1);
  PlanTable *table = plan_item_get_table (item);

  g_assert_cmpuint (g_list_model_get_n_items (content), ==, LARGE_TABLES);
  g_assert_nonnull (table);
  g_assert_cmpuint (g_list_model_get_n_items (plan_table_get_rows (table)), ==, LARGE_ROWS);
}

static void
test_largest_tables (void)
{
  g_autofree char *path = NULL;

  if (!g_test_subprocess ())
    {
      /* 24 × 10,000 rows of 2 cells: 720,000 values, just under the limit. */
      GString *data = make_table_plan (LARGE_TABLES, LARGE_ROWS);

      path = write_temp ("large-tables.kehoach.json", data);
      g_string_free (data, TRUE);
    }

  load_in_child ("/limits/largest-tables", path, check_large_tables);
  if (path != NULL)
    g_remove (path);
}

/* ---- Linear-time NFC ----------------------------------------------------------------------- */

/* The loader normalizes texts in chunks (plan-nfc.c); on random mixes of everything that
 * composes or reorders, the result must be exactly GLib's. */
static void
test_nfc_equal (void)
{
  static const char * const pieces[] = {
    "a", "e", " ", "ế", "ạ", "Đ", "ơ", "ư", "\u0301", "\u0302", "\u0323", "\u0309", "\u0303",
    "\u0306", "\u031B", "e\u0302\u0301", "A\u0323\u0302", "ά", "ι\u0308\u0301", "й",
    "и\u0306", "\u0483", "한", "\u1112\u1161", "\u11AB", "\u0B47", "\u0B3E", "\u3099", "か",
    "\u0F73", "\u0344", "Å", "\u212B", "ﬁ", "\n", "1",
  };
  GRand *rand = g_rand_new_with_seed (7);

  for (guint round = 0; round < 300; round++)
    {
      GString *text = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 1, 4000);
      g_autofree char *ours = NULL;
      g_autofree char *glib = NULL;

      for (guint i = 0; i < n; i++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);

      ours = plan_utf8_nfc (text->str);
      glib = g_utf8_normalize (text->str, -1, G_NORMALIZE_NFC);
      g_assert_cmpstr (ours, ==, glib);
      g_string_free (text, TRUE);
    }

  g_rand_free (rand);
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!g_test_subprocess ())
    tmp_dir = g_dir_make_tmp ("kehoach-limits-XXXXXX", NULL);

  g_test_add_func ("/limits/nfc-equal", test_nfc_equal);
  g_test_add_func ("/limits/file-50mb", test_file_50mb);
  g_test_add_func ("/limits/string-10mb", test_string_10mb);
  g_test_add_func ("/limits/deep-lists", test_deep_lists);
  g_test_add_func ("/limits/deep-items", test_deep_items);
  g_test_add_func ("/limits/million-rows", test_million_rows);
  g_test_add_func ("/limits/million-values", test_million_values);
  g_test_add_func ("/limits/many-members", test_many_members);
  g_test_add_func ("/limits/largest-tables", test_largest_tables);

  status = g_test_run ();

  if (tmp_dir != NULL)
    g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
