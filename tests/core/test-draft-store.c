/* test-draft-store.c: recovery drafts on disk: envelope, listing, loading, replacing, removing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <unistd.h>

#include "plan-draft-store.h"
#include "plan-json.h"

typedef struct
{
  char           *dir;
  PlanDraftStore *store;
  PlanDocument   *document;
  GBytes         *plan;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("KEHOACH_SAMPLES_DIR"),
                                            "sct-laocai-kh-3024.kehoach.json", NULL);
  g_autoptr(GFile) sample = g_file_new_for_path (path);
  g_autoptr(GFile) drafts = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kehoach-drafts-XXXXXX", NULL);
  /* A folder that does not exist yet: the first write creates it. */
  drafts = g_file_new_build_filename (f->dir, "data", "drafts", NULL);
  f->store = plan_draft_store_new (drafts);
  f->document = plan_json_load_file (sample, NULL, NULL, &error);
  g_assert_no_error (error);
  plan_document_set (f->document, f->document, "title", "tuyên truyền “chuyển đổi số”\\ 😀", NULL);
  f->plan = plan_json_save_bytes (f->document);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        remove_tree (child);
      }
  g_remove (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  plan_json_set_save_fault (PLAN_SAVE_FAULT_NONE);
  remove_tree (f->dir);
  g_free (f->dir);
  g_clear_object (&f->store);
  g_clear_object (&f->document);
  g_bytes_unref (f->plan);
}

static GPtrArray *
list (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *drafts = plan_draft_store_list (f->store, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (drafts);

  return drafts;
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) drafts = list (f);

  g_assert_cmpuint (drafts->len, ==, 0);
  g_assert_false (g_file_query_exists (plan_draft_store_get_directory (f->store), NULL));
}

/* A plan never saved: the envelope says so, the plan comes back identical and unsaved. */
static void
test_write_list_load (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *id = plan_draft_store_new_id ();
  g_autoptr(GFile) file = plan_draft_store_get_file (f->store, id);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *expected_name = g_strconcat (id, PLAN_DRAFT_SUFFIX, NULL);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(PlanDocument) loaded = NULL;
  g_autoptr(GBytes) loaded_bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *path = g_file_get_path (file);
  JsonObject *envelope;
  PlanDraft *draft;

  g_assert_true (g_uuid_string_is_valid (id));
  g_assert_cmpstr (basename, ==, expected_name);

  g_assert_true (plan_draft_store_write (f->store, id, "tuyên truyền", NULL, NULL, f->plan,
                                         NULL, &error));
  g_assert_no_error (error);

  /* The envelope, as documented in docs/reliability.md. */
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  envelope = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (envelope, "format"), ==, "kehoach-draft");
  g_assert_cmpint (json_object_get_int_member (envelope, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (envelope, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (envelope, "title"), ==, "tuyên truyền");
  g_assert_true (json_object_get_null_member (envelope, "original"));
  g_assert_cmpint (json_object_get_int_member (envelope, "pid"), ==, getpid ());
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (envelope, "plan")));

  drafts = list (f);
  g_assert_cmpuint (drafts->len, ==, 1);
  draft = g_ptr_array_index (drafts, 0);
  g_assert_cmpstr (plan_draft_get_id (draft), ==, id);
  g_assert_cmpstr (plan_draft_get_title (draft), ==, "tuyên truyền");
  g_assert_null (plan_draft_get_original (draft));
  g_assert_null (plan_draft_get_original_etag (draft));
  g_assert_cmpint (plan_draft_get_pid (draft), ==, getpid ());
  g_assert_true (g_file_equal (plan_draft_get_file (draft), file));
  g_assert_cmpint (ABS (g_date_time_difference (now, plan_draft_get_time (draft))), <, 60 * G_USEC_PER_SEC);

  loaded = plan_draft_store_load (f->store, draft, &error);
  g_assert_no_error (error);
  g_assert_true (plan_document_get_modified (loaded));
  g_assert_false (plan_document_can_undo (loaded));
  loaded_bytes = plan_json_save_bytes (loaded);
  g_assert_true (g_bytes_equal (loaded_bytes, f->plan));
}

/* A plan with a file: the file and its etag are kept; a newer draft replaces the older one. */
static void
test_original_and_replace (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *id = plan_draft_store_new_id ();
  g_autofree char *other_id = plan_draft_store_new_id ();
  g_autoptr(GFile) original = g_file_new_for_path ("/home/lan/Tài liệu/Kế hoạch 25.kehoach.json");
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GBytes) newer = NULL;
  g_autoptr(PlanDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *dir_path = NULL;
  guint n_files = 0;

  g_assert_true (plan_draft_store_write (f->store, id, "A", original, "1700000000:123456",
                                         f->plan, NULL, &error));
  g_usleep (2000);
  g_assert_true (plan_draft_store_write (f->store, other_id, "B", NULL, NULL, f->plan, NULL, &error));

  plan_document_set (f->document, f->document, "place", "Sa Pa", NULL);
  newer = plan_json_save_bytes (f->document);
  g_usleep (2000);
  g_assert_true (plan_draft_store_write (f->store, id, "A2", original, "1700000001:0",
                                         newer, NULL, &error));
  g_assert_no_error (error);

  /* Newest first; the first draft was replaced, not added. */
  drafts = list (f);
  g_assert_cmpuint (drafts->len, ==, 2);
  g_assert_cmpstr (plan_draft_get_id (g_ptr_array_index (drafts, 0)), ==, id);
  g_assert_cmpstr (plan_draft_get_id (g_ptr_array_index (drafts, 1)), ==, other_id);
  g_assert_cmpstr (plan_draft_get_title (g_ptr_array_index (drafts, 0)), ==, "A2");
  g_assert_true (g_file_equal (plan_draft_get_original (g_ptr_array_index (drafts, 0)), original));
  g_assert_cmpstr (plan_draft_get_original_etag (g_ptr_array_index (drafts, 0)), ==, "1700000001:0");

  loaded = plan_draft_store_load (f->store, g_ptr_array_index (drafts, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plan_document_get_place (loaded), ==, "Sa Pa");

  /* Only the two drafts: no temporary files. */
  dir_path = g_file_get_path (plan_draft_store_get_directory (f->store));
  dir = g_dir_open (dir_path, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 2);

  g_assert_true (plan_draft_store_remove (f->store, id, &error));
  g_assert_true (plan_draft_store_remove (f->store, id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = list (f);
  g_assert_cmpuint (drafts->len, ==, 1);
}

/* A crash while a draft is being written leaves the previous draft whole. */
static void
test_interrupted_write (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *id = plan_draft_store_new_id ();
  g_autoptr(GFile) file = plan_draft_store_get_file (f->store, id);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (plan_draft_store_write (f->store, id, "A", NULL, NULL, f->plan, NULL, &error));
  before = g_file_load_bytes (file, NULL, NULL, &error);

  plan_json_set_save_fault (PLAN_SAVE_FAULT_BEFORE_RENAME);
  g_assert_false (plan_draft_store_write (f->store, id, "B", NULL, NULL, f->plan, NULL, &error));
  g_assert_nonnull (error);
  plan_json_set_save_fault (PLAN_SAVE_FAULT_NONE);

  after = g_file_load_bytes (file, NULL, NULL, NULL);
  g_assert_true (g_bytes_equal (before, after));
}

/* Anything else in the folder is skipped and left alone: GIO's temporary files, broken or
 * foreign files. */
static void
test_skips_other_files (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *id = plan_draft_store_new_id ();
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  const char *junk[] = {
    ".goutputstream-ABC123", "notes.txt",
    "00000000-0000-0000-0000-000000000000" PLAN_DRAFT_SUFFIX,
    "11111111-1111-1111-1111-111111111111" PLAN_DRAFT_SUFFIX,
  };
  const char *contents[] = {
    "{\"format\": \"kehoach-draft\"", "hello",
    "{\"format\": \"kehoach-draft\", \"version\": 1, \"id\": \"x\", \"time\": \"2026-01-01T00:00:00Z\"}",
    "{\"format\": \"kehoach\", \"version\": 1}",
  };

  g_assert_true (plan_draft_store_write (f->store, id, "A", NULL, NULL, f->plan, NULL, &error));
  dir = g_file_get_path (plan_draft_store_get_directory (f->store));
  for (guint i = 0; i < G_N_ELEMENTS (junk); i++)
    {
      g_autofree char *path = g_build_filename (dir, junk[i], NULL);

      g_assert_true (g_file_set_contents (path, contents[i], -1, &error));
    }

  drafts = list (f);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (plan_draft_get_id (g_ptr_array_index (drafts, 0)), ==, id);

  for (guint i = 0; i < G_N_ELEMENTS (junk); i++)
    {
      g_autofree char *path = g_build_filename (dir, junk[i], NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

/* Ids become file names: anything but a UUID is refused. */
static void
test_rejects_bad_ids (Fixture       *f,
                      gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      GFile *file = plan_draft_store_get_file (f->store, "../../.bashrc");

      g_assert_null (file);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*g_uuid_string_is_valid*");
}

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (plan_draft_store_write_finish (PLAN_DRAFT_STORE (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *id = plan_draft_store_new_id ();
  g_autoptr(GPtrArray) drafts = NULL;
  gboolean done = FALSE;

  plan_draft_store_write_async (f->store, id, "async", NULL, NULL, f->plan, NULL,
                                write_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  drafts = list (f);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (plan_draft_get_title (g_ptr_array_index (drafts, 0)), ==, "async");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/draft-store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("empty", test_empty);
  ADD ("write-list-load", test_write_list_load);
  ADD ("original-and-replace", test_original_and_replace);
  ADD ("interrupted-write", test_interrupted_write);
  ADD ("skips-other-files", test_skips_other_files);
  ADD ("rejects-bad-ids", test_rejects_bad_ids);
  ADD ("async", test_async);

#undef ADD

  return g_test_run ();
}
