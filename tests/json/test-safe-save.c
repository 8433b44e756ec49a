/* test-safe-save.c: saving never damages the user's file: temporary file and rename, failures
 * that leave the original intact with a plain message, a save interrupted between writing and
 * renaming, and 1,000 save/load cycles of a randomly edited plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include "plan-json.h"

#define ORIGINAL "{\"format\": \"kehoach\", \"version\": 1}\n"

static PlanDocument *
load_sample (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("KEHOACH_SAMPLES_DIR"), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlanDocument *document = plan_json_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static char *
list_folder (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

/* A successful save replaces the file by another one (a rename) instead of rewriting it in
 * place: a hard link to the old file still holds the old content, and nothing else is left in
 * the folder. */
static void
test_replaces_by_rename (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kehoach-safe-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.kehoach.json", NULL);
  g_autofree char *old_copy = g_build_filename (dir, "old-copy", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PlanDocument) document = load_sample ("reference-25-kh-thcs.kehoach.json");
  g_autoptr(GBytes) expected = plan_json_save_bytes (document);
  g_autoptr(GError) error = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  g_autofree char *listing = NULL;
  GStatBuf before, after;

  g_assert_true (g_file_set_contents (path, ORIGINAL, -1, &error));
  g_assert_cmpint (link (path, old_copy), ==, 0);
  g_assert_cmpint (g_stat (path, &before), ==, 0);

  g_assert_true (plan_json_save_file (document, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, !=, after.st_ino);
  old_text = read_text (old_copy);
  g_assert_cmpstr (old_text, ==, ORIGINAL);
  new_text = read_text (path);
  g_assert_cmpstr (new_text, ==, g_bytes_get_data (expected, NULL));

  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "old-copy plan.kehoach.json");

  g_remove (old_copy);
  g_remove (path);
  g_rmdir (dir);
}

/* The fault hook stops the save after the temporary file is written, before the rename. */
static void
test_interrupted_before_rename (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kehoach-safe-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.kehoach.json", NULL);
  g_autofree char *fresh_path = g_build_filename (dir, "new.kehoach.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) fresh = g_file_new_for_path (fresh_path);
  g_autoptr(PlanDocument) document = load_sample ("sct-laocai-de-an-08.kehoach.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *etag = NULL;
  GStatBuf before, after;

  g_assert_true (g_file_set_contents (path, ORIGINAL, -1, &error));
  g_assert_cmpint (g_stat (path, &before), ==, 0);

  plan_json_set_save_fault (PLAN_SAVE_FAULT_BEFORE_RENAME);
  g_assert_false (plan_json_save_file (document, file, NULL, &etag, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_null (etag);
  g_clear_error (&error);

  /* Byte for byte the same file (same inode: never renamed over), and no temporary file. */
  text = read_text (path);
  g_assert_cmpstr (text, ==, ORIGINAL);
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, ==, after.st_ino);
  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "plan.kehoach.json");

  /* A new file is not left half made either. */
  g_assert_false (plan_json_save_file (document, fresh, NULL, NULL, NULL, &error));
  g_clear_error (&error);
  g_assert_false (g_file_query_exists (fresh, NULL));
  g_clear_pointer (&listing, g_free);
  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "plan.kehoach.json");

  /* Inert again once unset. */
  plan_json_set_save_fault (PLAN_SAVE_FAULT_NONE);
  g_assert_true (plan_json_save_file (document, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_remove (path);
  g_rmdir (dir);
}

static void
assert_failed_save (GFile      *file,
                    int         code,
                    const char *message_part)
{
  g_autoptr(PlanDocument) document = load_sample ("template.kehoach.json");
  g_autoptr(GError) error = NULL;

  g_assert_false (plan_json_save_file (document, file, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, message_part));
}

/* A read-only folder. root writes into any folder whatever its mode, and these tests run as
 * root in CI: then the check runs in a child process that gives up root for "nobody" (a real
 * read-only folder for it); where that is not possible it is skipped, and the two failures below
 * still cover a folder we cannot write into. */
static void
test_read_only_folder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kehoach-safe-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.kehoach.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *listing = NULL;
  struct passwd *nobody = getpwnam ("nobody");

  g_assert_true (g_file_set_contents (path, ORIGINAL, -1, &error));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  if (geteuid () == 0 && nobody == NULL)
    {
      g_chmod (dir, 0755);
      g_remove (path);
      g_rmdir (dir);
      g_test_skip ("running as root without a “nobody” user: a read-only folder cannot stop writes");
      return;
    }

  if (g_test_subprocess ())
    {
      const char *target = g_getenv ("KEHOACH_TEST_PLAN");
      g_autoptr(GFile) file = g_file_new_for_path (target);

      if (geteuid () == 0)
        {
          g_assert_cmpint (setgid (nobody->pw_gid), ==, 0);
          g_assert_cmpint (setuid (nobody->pw_uid), ==, 0);
        }
      assert_failed_save (file, G_IO_ERROR_PERMISSION_DENIED, "You are not allowed to save in the folder");
      return;
    }

  g_setenv ("KEHOACH_TEST_PLAN", path, TRUE);
  g_test_trap_subprocess ("/safe-save/read-only-folder", 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  text = read_text (path);
  g_assert_cmpstr (text, ==, ORIGINAL);
  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "plan.kehoach.json");

  g_chmod (dir, 0755);
  g_remove (path);
  g_rmdir (dir);
}

/* Failures that stop root too: the folder was replaced by a file, the folder was removed. */
static void
test_folder_gone (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kehoach-safe-XXXXXX", NULL);
  g_autofree char *blocker = g_build_filename (dir, "Tài liệu", NULL);
  g_autofree char *blocked = g_build_filename (blocker, "plan.kehoach.json", NULL);
  g_autofree char *removed = g_build_filename (dir, "removed", NULL);
  g_autofree char *missing = g_build_filename (removed, "plan.kehoach.json", NULL);
  g_autoptr(GFile) blocked_file = g_file_new_for_path (blocked);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *listing = NULL;

  g_assert_true (g_file_set_contents (blocker, ORIGINAL, -1, &error));
  assert_failed_save (blocked_file, G_IO_ERROR_NOT_DIRECTORY, "Tài liệu");
  text = read_text (blocker);
  g_assert_cmpstr (text, ==, ORIGINAL);

  g_assert_cmpint (g_mkdir (removed, 0755), ==, 0);
  g_assert_cmpint (g_rmdir (removed), ==, 0);
  assert_failed_save (missing_file, G_IO_ERROR_NOT_FOUND, "does not exist");

  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "Tài liệu");

  g_remove (blocker);
  g_rmdir (dir);
}

/* ---- 1,000 save/load cycles ------------------------------------------------------------------ */

static const char * const words[] = {
  "Kế hoạch", "tổ chức", "hoạt động", "trải nghiệm", "năm học 2025–2026", "Trường THCS",
  "“ngoặc kép”", "\"quotes\"", "back\\slash", "tab\there", "dòng\nmới", "😀 emoji", "Ωμέγα",
  "<b>không phải</b> HTML", "100%", "a/b", "{json}", "ĐOÀN THANH NIÊN", "ngày 15/02/2022",
};

static char *
random_text (GRand *rand)
{
  GString *s = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 1, 6);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }

  return g_string_free (s, FALSE);
}

static PlanText *
random_rich_text (GRand *rand)
{
  g_autofree char *a = random_text (rand);
  g_autofree char *b = random_text (rand);
  g_autofree char *markdown = NULL;

  if (g_rand_boolean (rand))
    return plan_text_new (a);

  markdown = g_strdup_printf ("%s **%s** *x* __y__", a, b);
  return plan_text_new_from_markdown (markdown);
}

static guint
random_index (GRand      *rand,
              GListModel *list,
              gboolean    for_insert)
{
  guint n = g_list_model_get_n_items (list) + (for_insert ? 1 : 0);

  return n == 0 ? 0 : (guint) g_rand_int_range (rand, 0, n);
}

static PlanTable *
random_table (GRand *rand)
{
  guint n_columns = g_rand_int_range (rand, 1, 5);
  PlanTable *table = plan_table_new (n_columns);
  PlanRow *header = plan_table_append_header_row (table);

  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *text = random_text (rand);

      g_object_set (plan_row_get_cell (header, c), "text", text, NULL);
    }
  for (guint r = 0, n = g_rand_int_range (rand, 0, 4); r < n; r++)
    {
      PlanRow *row = plan_table_append_row (table);

      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *text = random_text (rand);

          g_object_set (plan_row_get_cell (row, c), "text", text, NULL);
        }
    }

  return table;
}

static PlanItem *
random_item (GRand    *rand,
             gboolean  top_level)
{
  static const PlanItemKind top_kinds[] = {
    PLAN_ITEM_PART, PLAN_ITEM_SECTION, PLAN_ITEM_NUMBERED, PLAN_ITEM_PARAGRAPH, PLAN_ITEM_NOTE,
    PLAN_ITEM_TABLE,
  };
  static const PlanItemKind child_kinds[] = {
    PLAN_ITEM_NUMBERED, PLAN_ITEM_POINT, PLAN_ITEM_BULLET, PLAN_ITEM_PARAGRAPH, PLAN_ITEM_NOTE,
    PLAN_ITEM_TABLE,
  };
  PlanItemKind kind = top_level ? top_kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (top_kinds))]
                                : child_kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (child_kinds))];
  g_autofree char *heading = random_text (rand);
  PlanItem *item;

  if (kind == PLAN_ITEM_TABLE)
    {
      g_autoptr(PlanTable) table = random_table (rand);

      return plan_item_new_table (table);
    }

  item = plan_item_new (kind, kind == PLAN_ITEM_PARAGRAPH || kind == PLAN_ITEM_NOTE ? "" : heading);
  for (guint i = 0, n = g_rand_int_range (rand, 0, 3); i < n; i++)
    {
      g_autofree char *text = random_text (rand);

      plan_item_append_paragraph (item, text);
    }

  return item;
}

/* Items with children of their own somewhere in @list, depth first. */
static void
collect_items (GListModel *list,
               GPtrArray  *items)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PlanItem) item = g_list_model_get_item (list, i);

      g_ptr_array_add (items, g_object_ref (item));
      if (plan_item_get_kind (item) != PLAN_ITEM_TABLE)
        collect_items (plan_item_get_children (item), items);
    }
}

static void
random_edit (PlanDocument *document,
             GRand        *rand)
{
  GListModel *body = plan_document_get_body (document);
  GListModel *preamble = plan_document_get_preamble (document);
  GListModel *recipients = plan_document_get_recipients (document);
  GListModel *appendices = plan_document_get_appendices (document);
  g_autofree char *text = random_text (rand);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  collect_items (body, items);

  /* Keep the plan the size of a real one: past that, edits remove instead of adding. */
  if (g_list_model_get_n_items (body) > 30)
    {
      plan_document_remove (document, body, random_index (rand, body, FALSE));
      return;
    }
  if (g_list_model_get_n_items (appendices) > 6)
    {
      plan_document_remove (document, appendices, random_index (rand, appendices, FALSE));
      return;
    }

  switch (g_rand_int_range (rand, 0, 16))
    {
    case 0:
      {
        static const char * const fields[] = {
          "title", "agency", "parent-agency", "agency-abbrev", "place", "archive",
          "signer-authority", "signer-title", "signer-name", "signer-notes", "circulation",
        };

        plan_document_set (document, document, fields[g_rand_int_range (rand, 0, G_N_ELEMENTS (fields))],
                           text, NULL);
      }
      break;
    case 1:
      plan_document_set (document, document,
                         "number", (guint) g_rand_int_range (rand, 0, 500),
                         "date-year", (guint) g_rand_int_range (rand, 2000, 2100),
                         "date-month", (guint) g_rand_int_range (rand, 1, 13),
                         "date-day", (guint) g_rand_int_range (rand, 1, 29),
                         NULL);
      break;
    case 2:
      plan_document_set (document, document,
                         "margin-top", g_rand_double_range (rand, PLAN_MARGIN_TOP_MIN, PLAN_MARGIN_TOP_MAX),
                         "margin-left", g_rand_double_range (rand, PLAN_MARGIN_LEFT_MIN, PLAN_MARGIN_LEFT_MAX),
                         "line-spacing", g_rand_double_range (rand, PLAN_LINE_SPACING_MIN, PLAN_LINE_SPACING_MAX),
                         "font-size", g_rand_boolean (rand) ? 13.0 : 14.0,
                         "end-marker", g_rand_boolean (rand),
                         "draft-watermark", g_rand_boolean (rand),
                         NULL);
      break;
    case 3:
      {
        g_autoptr(PlanParagraph) paragraph = plan_paragraph_new_plain (text);

        plan_document_insert (document, preamble, random_index (rand, preamble, TRUE), paragraph);
      }
      break;
    case 4:
    case 5:
      {
        g_autoptr(PlanItem) item = random_item (rand, TRUE);

        plan_document_insert (document, body, random_index (rand, body, TRUE), item);
      }
      break;
    case 6:
      if (items->len > 0)
        {
          PlanItem *parent = g_ptr_array_index (items, g_rand_int_range (rand, 0, items->len));
          g_autoptr(PlanItem) item = random_item (rand, FALSE);

          if (plan_item_get_kind (parent) == PLAN_ITEM_TABLE)
            break;
          plan_document_insert (document, plan_item_get_children (parent),
                                random_index (rand, plan_item_get_children (parent), TRUE), item);
        }
      break;
    case 7:
      if (items->len > 0)
        {
          PlanItem *item = g_ptr_array_index (items, g_rand_int_range (rand, 0, items->len));
          g_autoptr(PlanText) heading = random_rich_text (rand);

          if (plan_item_get_kind (item) != PLAN_ITEM_TABLE)
            plan_document_set (document, item, "heading", heading, NULL);
        }
      break;
    case 8:
      if (items->len > 0)
        {
          PlanItem *item = g_ptr_array_index (items, g_rand_int_range (rand, 0, items->len));
          GListModel *paragraphs = plan_item_get_paragraphs (item);

          if (paragraphs != NULL && g_list_model_get_n_items (paragraphs) > 0)
            {
              g_autoptr(PlanParagraph) paragraph =
                g_list_model_get_item (paragraphs, random_index (rand, paragraphs, FALSE));
              g_autoptr(PlanText) rich = random_rich_text (rand);

              plan_document_set (document, paragraph, "text", rich, NULL);
            }
        }
      break;
    case 9:
      if (g_list_model_get_n_items (body) > 0)
        plan_document_remove (document, body, random_index (rand, body, FALSE));
      break;
    case 10:
      if (g_list_model_get_n_items (body) > 1)
        plan_document_move (document, body, random_index (rand, body, FALSE),
                            random_index (rand, body, FALSE));
      break;
    case 11:
      {
        g_autofree char *purpose = random_text (rand);
        g_autoptr(PlanRecipient) recipient = plan_recipient_new (text, purpose);

        plan_document_insert (document, recipients, random_index (rand, recipients, TRUE), recipient);
      }
      break;
    case 12:
      if (g_list_model_get_n_items (recipients) > 0)
        plan_document_remove (document, recipients, random_index (rand, recipients, FALSE));
      break;
    case 13:
      {
        g_autoptr(PlanAppendix) appendix = plan_appendix_new (text);
        g_autoptr(PlanItem) item = random_item (rand, TRUE);

        plan_document_insert (document, appendices, random_index (rand, appendices, TRUE), appendix);
        plan_document_insert (document, plan_appendix_get_content (appendix), 0, item);
      }
      break;
    case 14:
      if (g_list_model_get_n_items (appendices) > 0)
        {
          g_autoptr(PlanAppendix) appendix =
            g_list_model_get_item (appendices, random_index (rand, appendices, FALSE));

          plan_document_set (document, appendix,
                             "title", text,
                             "orientation", g_rand_boolean (rand) ? PLAN_ORIENTATION_PORTRAIT
                                                                  : PLAN_ORIENTATION_LANDSCAPE,
                             NULL);
        }
      break;
    case 15:
      /* Tables: a cell of some table in the body. */
      for (guint i = 0; i < items->len; i++)
        {
          PlanItem *item = g_ptr_array_index (items, i);
          PlanTable *table = plan_item_get_table (item);
          GListModel *rows;

          if (table == NULL)
            continue;
          rows = plan_table_get_rows (table);
          if (g_list_model_get_n_items (rows) > 0)
            {
              g_autoptr(PlanRow) row = g_list_model_get_item (rows, random_index (rand, rows, FALSE));
              PlanCell *cell = plan_row_get_cell (row, g_rand_int_range (rand, 0, plan_table_get_n_columns (table)));

              plan_document_set (document, cell, "text", text, NULL);
              break;
            }
        }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
test_save_load_cycles (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kehoach-cycles-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.kehoach.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PlanDocument) document = load_sample ("reference-25-kh-thcs.kehoach.json");
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261127);
  g_autofree char *etag = NULL;
  g_autofree char *listing = NULL;
  guint cycles = 1000;

  for (guint cycle = 0; cycle < cycles; cycle++)
    {
      g_autoptr(GBytes) before = NULL;
      g_autoptr(GBytes) after = NULL;
      g_autoptr(PlanDocument) loaded = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *new_etag = NULL;
      g_autofree char *loaded_etag = NULL;

      for (guint i = 0, n = g_rand_int_range (rand, 1, 6); i < n; i++)
        random_edit (document, rand);

      before = plan_json_save_bytes (document);
      /* The etag of the previous save must still match: nobody else touched the file. */
      if (!plan_json_save_file (document, file, etag, &new_etag, NULL, &error))
        g_error ("cycle %u: %s", cycle, error->message);

      loaded = plan_json_load_file (file, &loaded_etag, NULL, &error);
      if (loaded == NULL)
        g_error ("cycle %u: the saved plan does not load: %s\n%.*s", cycle, error->message,
                 (int) g_bytes_get_size (before), (const char *) g_bytes_get_data (before, NULL));
      g_assert_cmpstr (loaded_etag, ==, new_etag);

      after = plan_json_save_bytes (loaded);
      if (!g_bytes_equal (before, after))
        g_error ("cycle %u: the plan changed on its way through the file", cycle);

      /* Editing goes on with the plan as read back. */
      g_set_object (&document, loaded);
      g_free (etag);
      etag = g_steal_pointer (&new_etag);
    }

  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "plan.kehoach.json");
  g_test_message ("%u cycles, last plan %u body items, %u appendices", cycles,
                  g_list_model_get_n_items (plan_document_get_body (document)),
                  g_list_model_get_n_items (plan_document_get_appendices (document)));

  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/safe-save/replaces-by-rename", test_replaces_by_rename);
  g_test_add_func ("/safe-save/interrupted-before-rename", test_interrupted_before_rename);
  g_test_add_func ("/safe-save/read-only-folder", test_read_only_folder);
  g_test_add_func ("/safe-save/folder-gone", test_folder_gone);
  g_test_add_func ("/safe-save/save-load-cycles", test_save_load_cycles);

  return g_test_run ();
}
