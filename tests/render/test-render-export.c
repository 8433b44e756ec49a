/* test-render-export.c: plan_pdf_export() writes atomically; "kehoach --export-pdf" and
 * "--export-png" (in-process and, when built, the real binary) succeed or fail cleanly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "plan-approval.h"
#include "plan-cli-export.h"
#include "plan-json.h"
#include "plan-pdf-export.h"
#include "plan-workflow.h"
#include "render-test-util.h"

static const char *exe_path;

static char *
sample_path (const char *name)
{
  const char *dir = g_getenv ("KEHOACH_SAMPLES_DIR");

  return g_build_filename (dir != NULL ? dir : SOURCE_SAMPLESDIR, name, NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *)a, *(char * const *)b);
}

/* Names in @dir, sorted, joined with spaces */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **)names->pdata);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_atomic (void)
{
  g_autoptr(PlanDocument) document = rt_document_new ();
  g_autoptr(PlanLayout) layout = plan_layout_new (document);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kehoach-export-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (dir, "plan.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "plan.pdf", NULL);
  g_autoptr(GFile) target_file = g_file_new_for_path (target);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autofree char *listing = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  /* A folder that does not exist: a clear error naming the file, nothing written */
  g_assert_false (plan_pdf_export (layout, missing_file, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  /* The target is a folder: the temporary file is written, then removed when the rename fails */
  g_assert_cmpint (g_mkdir (target, 0755), ==, 0);
  g_assert_false (plan_pdf_export (layout, target_file, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "plan.pdf");
  g_assert_true (g_file_test (target, G_FILE_TEST_IS_DIR));
  g_rmdir (target);

  /* Success: only the PDF, readable by others, starting with the PDF 1.5 header */
  g_assert_true (plan_pdf_export (layout, target_file, &error));
  g_assert_no_error (error);
  g_clear_pointer (&listing, g_free);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "plan.pdf");
  g_assert_true (g_file_get_contents (target, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-1.5"));
  g_assert_true (g_access (target, R_OK) == 0);

  remove_dir (dir);
}

static void
test_cli_pdf (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kehoach-export-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.kehoach.json", NULL);
  g_autofree char *sample = sample_path ("reference-25-kh-thcs.kehoach.json");
  g_autofree char *listing = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;

  /* A broken plan: exit status 1, no output */
  g_assert_true (g_file_set_contents (bad, "{ \"format\": \"kehoach\", ", -1, NULL));
  g_assert_cmpint (plan_cli_export_pdf (out, bad, FALSE), ==, 1);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_cmpint (plan_cli_export_pdf (out, "/no/such/plan.kehoach.json", FALSE), ==, 1);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  /* Not approved: no final copy (see tests/approval for the whole rule), a draft is fine */
  g_assert_cmpint (plan_cli_export_pdf (out, sample, FALSE), ==, 1);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_cmpint (plan_cli_export_pdf (out, sample, TRUE), ==, 0);
  uri = g_filename_to_uri (out, NULL, NULL);
  pdf = poppler_document_new_from_file (uri, NULL, NULL);
  g_assert_nonnull (pdf);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), >=, 2);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "bad.kehoach.json out.pdf");

  remove_dir (dir);
}

/* Pixels of the watermark's light grey in a PNG */
static guint
count_watermark_pixels (const char *path)
{
  cairo_surface_t *image = cairo_image_surface_create_from_png (path);
  guint count = 0;

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  for (int y = 0; y < cairo_image_surface_get_height (image); y++)
    for (int x = 0; x < cairo_image_surface_get_width (image); x++)
      {
        guint32 pixel = *(guint32 *)(cairo_image_surface_get_data (image) +
                                     y * cairo_image_surface_get_stride (image) + x * 4);
        guint r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

        if (r == g && g == b && r >= 216 && r <= 218)
          count++;
      }
  cairo_surface_destroy (image);

  return count;
}

/* The last column and the last row of a PNG page are white paper: no grey line where the
 * page, whose size in pixels is not whole, stops short of the image. */
static void
assert_edges_white (const char *path)
{
  cairo_surface_t *image = cairo_image_surface_create_from_png (path);
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);
  const guchar *data = cairo_image_surface_get_data (image);

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel;

        if (x != 0 && y != 0 && x != width - 1 && y != height - 1)
          continue;
        pixel = *(const guint32 *)(data + y * stride + x * 4);
        if ((pixel & 0xffffff) != 0xffffff)
          g_error ("%s: pixel %d,%d is #%06x, not white", path, x, y, pixel & 0xffffff);
      }
  cairo_surface_destroy (image);
}

/* An approved copy of @sample in @dir, signed with the user's own key (file backend in the
 * isolated data folder of the test), so that it exports without the watermark. */
static char *
approved_copy (const char *sample,
               const char *dir)
{
  g_autoptr(GFile) in = g_file_new_for_path (sample);
  g_autofree char *path = g_build_filename (dir, "approved.kehoach.json", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(PlanDocument) document = plan_json_load_file (in, NULL, NULL, NULL);
  g_autoptr(PlanSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (document);
  key = plan_signing_key_get_default (TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (plan_workflow_submit (document, "Văn thư", "", NULL, &error));
  g_assert_true (plan_approval_approve (document, key, "Hiệu trưởng", "", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (plan_json_save_file (document, out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static void
test_cli_png (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kehoach-export-XXXXXX", NULL);
  g_autofree char *pages = g_build_filename (dir, "pages", NULL);
  g_autofree char *one = g_build_filename (dir, "one", NULL);
  g_autofree char *plain_page2 = NULL;
  g_autofree char *sample = sample_path ("reference-25-kh-thcs.kehoach.json");
  g_autofree char *listing = NULL;
  g_autofree char *page2 = NULL;
  cairo_surface_t *image;

  g_autofree char *approved = approved_copy (sample, dir);

  /* A final copy only of an approved plan */
  g_assert_cmpint (plan_cli_export_png (pages, sample, 0, 0, FALSE), ==, 1);
  g_assert_cmpint (plan_cli_export_png (pages, approved, 0, 0, FALSE), ==, 0);
  listing = list_dir (pages);
  g_assert_true (g_str_has_prefix (listing, "page-1.png page-2.png"));

  /* --page 2 --dpi 96: that page alone, A4 at 96 dpi */
  g_assert_cmpint (plan_cli_export_png (one, sample, 96, 2, TRUE), ==, 0);
  g_clear_pointer (&listing, g_free);
  listing = list_dir (one);
  g_assert_cmpstr (listing, ==, "page-2.png");
  page2 = g_build_filename (one, "page-2.png", NULL);
  image = cairo_image_surface_create_from_png (page2);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 794);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1123);
  cairo_surface_destroy (image);
  /* 595.28 × 841.89 pt is 793.7 × 1122.5 px at 96 dpi: the edges are the paper's */
  assert_edges_white (page2);
  for (guint i = 1; i <= 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("page-%u.png", i);
      g_autofree char *path = g_build_filename (pages, name, NULL);

      assert_edges_white (path);
    }

  /* --draft printed the watermark: the same page without it has far fewer light grey pixels */
  plain_page2 = g_build_filename (pages, "page-2.png", NULL);
  g_assert_cmpuint (count_watermark_pixels (page2), >, count_watermark_pixels (plain_page2) + 5000);

  /* A page the plan does not have */
  g_assert_cmpint (plan_cli_export_png (one, sample, 96, 999, FALSE), ==, 1);

  remove_dir (dir);
}

static void
test_binary (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kehoach-export-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *sample = sample_path ("sct-laocai-kh-3024.kehoach.json");
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (exe_path == NULL || !g_file_test (exe_path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("the kehoach binary is not built");
      remove_dir (dir);
      return;
    }

  /* No display needed */
  {
    const char *argv[] = { exe_path, "--export-pdf", out, "--draft", sample, NULL };
    g_auto(GStrv) env = g_environ_unsetenv (g_get_environ (), "DISPLAY");

    env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
    g_assert_true (g_spawn_sync (NULL, (char **)argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                                 NULL, &err, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  }

  /* A missing plan: exit status 1, a message naming it, no PDF */
  g_unlink (out);
  g_clear_pointer (&err, g_free);
  {
    const char *argv[] = { exe_path, "--export-pdf", out, "missing.kehoach.json", NULL };

    g_assert_true (g_spawn_sync (dir, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 NULL, &err, &status, &error));
    g_assert_no_error (error);
    g_assert_true (WIFEXITED (status));
    g_assert_cmpint (WEXITSTATUS (status), ==, 1);
    g_assert_nonnull (strstr (err, "missing.kehoach.json"));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }

  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* A private data folder: the approved copy's signing key goes there, in a file */
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("KEHOACH_KEY_BACKEND", "file", TRUE);

  /* meson passes the path of the kehoach binary */
  if (argc > 1)
    exe_path = argv[1];

  g_test_add_func ("/render/export/atomic", test_atomic);
  g_test_add_func ("/render/export/cli-pdf", test_cli_pdf);
  g_test_add_func ("/render/export/cli-png", test_cli_png);
  g_test_add_func ("/render/export/binary", test_binary);

  return g_test_run ();
}
