/* approval-test-util.c: samples, round trips and approving for the approval tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "approval-test-util.h"

void
at_init (int    *argc,
         char ***argv)
{
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("KEHOACH_KEY_BACKEND", "file", TRUE);
}

char *
at_sample_path (const char *name)
{
  const char *dir = g_getenv ("KEHOACH_SAMPLES_DIR");

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

GStrv
at_sample_paths (void)
{
  const char *dir_path = g_getenv ("KEHOACH_SAMPLES_DIR");
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (dir_path);
  dir = g_dir_open (dir_path, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".kehoach.json"))
      g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (paths, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (paths->len, >=, 3);
  g_ptr_array_add (paths, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&paths), FALSE);
}

PlanDocument *
at_load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlanDocument *document = plan_json_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

PlanDocument *
at_load_bytes (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  PlanDocument *document = plan_json_load_data (data, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

PlanDocument *
at_reload (PlanDocument *document)
{
  g_autoptr(GBytes) bytes = plan_json_save_bytes (document);

  return at_load_bytes (bytes);
}

void
at_approve (PlanDocument   *document,
            PlanSigningKey *key)
{
  g_autoptr(GError) error = NULL;

  if (plan_review_get_status (plan_document_get_review (document)) != PLAN_STATUS_SUBMITTED)
    {
      plan_workflow_submit (document, "Trần Thị B", "Văn thư", NULL, &error);
      g_assert_no_error (error);
    }
  plan_approval_approve (document, key, "Nguyễn Văn A", "Hiệu trưởng", NULL, &error);
  g_assert_no_error (error);
}

PlanApprovalState
at_state (PlanDocument   *document,
          PlanTrustStore *trust)
{
  g_autoptr(PlanApprovalResult) result = plan_approval_verify (document, trust);

  return plan_approval_result_get_state (result);
}

char *
at_save_in (PlanDocument *document,
            const char   *dir,
            const char   *name)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  plan_json_save_file (document, file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return path;
}

void
at_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        at_remove_dir (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

GStrv
at_child_environ (void)
{
  GStrv env = g_get_environ ();

  env = g_environ_setenv (env, "HOME", g_get_home_dir (), TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  env = g_environ_setenv (env, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  env = g_environ_setenv (env, "XDG_RUNTIME_DIR", g_get_user_runtime_dir (), TRUE);
  return env;
}
