/* test-preview.c: the live preview: follows edits quickly, draws only what is seen, zooms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gui-test-util.h"
#include "plan-json.h"
#include "plan-preview.h"
#include "plan-preview-pages.h"

static PlanApplication *app;

typedef struct
{
  GtkWindow    *window;
  PlanPreview  *preview;
  PlanLayout   *layout;
  PlanDocument *document;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *sample = data;

  if (sample != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (sample);
      g_autoptr(GError) error = NULL;

      fixture->document = plan_json_load_file (file, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  else
    {
      fixture->document = plan_document_new_template ();
    }

  fixture->layout = plan_layout_new (fixture->document);
  fixture->preview = PLAN_PREVIEW (plan_preview_new ());
  plan_preview_set_layout (fixture->preview, fixture->layout);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 500, 700);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->preview));
  gtk_window_present (fixture->window);
  gui_test_wait_for_window (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->layout);
  g_clear_object (&fixture->document);
}

static gboolean
update_done (gpointer data)
{
  return !plan_preview_get_update_pending (data);
}

typedef struct
{
  gint64 changed_at;
  gint64 updated_at;
} Timing;

static void
layout_updated_cb (PlanLayout *layout,
                   Timing     *timing)
{
  if (timing->updated_at == 0)
    timing->updated_at = g_get_monotonic_time ();
}

static void
test_follows_edits (Fixture       *fixture,
                    gconstpointer  data)
{
  GListModel *body = plan_document_get_body (fixture->document);
  g_autoptr(PlanItem) section = g_list_model_get_item (body, 0);
  GListModel *paragraphs = plan_item_get_paragraphs (section);
  guint n_pages_before = plan_preview_get_n_pages (fixture->preview);
  Timing timing = { 0, 0 };
  g_autofree char *label = NULL;
  gulong handler;

  g_assert_cmpuint (n_pages_before, ==, plan_layout_get_n_pages (fixture->layout));
  g_assert_cmpuint (PLAN_PREVIEW_UPDATE_DELAY_MS, <, 100);

  handler = g_signal_connect (fixture->layout, "updated", G_CALLBACK (layout_updated_cb), &timing);

  /* A long section: several pages more. The preview does not block the edit, it follows. */
  plan_document_begin_group (fixture->document);
  for (guint i = 0; i < 120; i++)
    {
      g_autoptr(PlanParagraph) paragraph =
        plan_paragraph_new_plain ("Tổ chức cho học sinh tham gia các hoạt động trải nghiệm, "
                                  "hướng nghiệp và rèn luyện kỹ năng sống theo kế hoạch của nhà trường.");

      plan_document_insert (fixture->document, paragraphs, g_list_model_get_n_items (paragraphs),
                            paragraph);
    }
  plan_document_end_group (fixture->document);
  timing.changed_at = g_get_monotonic_time ();

  g_assert_true (plan_preview_get_update_pending (fixture->preview));
  g_assert_true (gui_test_wait (update_done, fixture->preview, 30000));
  g_signal_handler_disconnect (fixture->layout, handler);

  g_assert_cmpint (timing.updated_at, >, 0);
  /* Timed by bench/, not here: under the sanitizers this takes many times longer. */
  g_test_message ("edit to preview: %.1f ms", (timing.updated_at - timing.changed_at) / 1000.0);

  g_assert_cmpuint (plan_preview_get_n_pages (fixture->preview), >, n_pages_before + 1);
  g_assert_cmpuint (plan_preview_get_n_pages (fixture->preview), ==,
                    plan_layout_get_n_pages (fixture->layout));
  label = g_strdup_printf ("Page 1 of %u", plan_layout_get_n_pages (fixture->layout));
  g_assert_cmpstr (plan_preview_get_page_label (fixture->preview), ==, label);

  /* Undone: back to the pages before. */
  plan_document_undo (fixture->document);
  g_assert_true (gui_test_wait (update_done, fixture->preview, 30000));
  g_assert_cmpuint (plan_preview_get_n_pages (fixture->preview), ==, n_pages_before);
}

static void
test_keystroke_updates (Fixture       *fixture,
                        gconstpointer  data)
{
  GListModel *body = plan_document_get_body (fixture->document);
  g_autoptr(PlanItem) section = g_list_model_get_item (body, 0);
  g_autoptr(PlanText) heading = plan_text_new ("MỤC ĐÍCH, YÊU CẦU CỦA KẾ HOẠCH");
  Timing timing = { 0, 0 };
  gulong handler;

  /* After a pause, one keystroke in a heading: laid out as soon as the loop is idle. */
  gui_test_run_for (200);
  handler = g_signal_connect (fixture->layout, "updated", G_CALLBACK (layout_updated_cb), &timing);
  timing.changed_at = g_get_monotonic_time ();
  plan_document_set (fixture->document, section, "heading", heading, NULL);
  g_assert_true (gui_test_wait (update_done, fixture->preview, 30000));
  g_signal_handler_disconnect (fixture->layout, handler);

  g_assert_cmpint (timing.updated_at, >, 0);
  /* bench/keystroke-bench measures the time against the 50 ms target */
  g_test_message ("keystroke to preview on the reference plan: %.1f ms",
                  (timing.updated_at - timing.changed_at) / 1000.0);
}

static void
test_draws_visible_pages (Fixture       *fixture,
                          gconstpointer  data)
{
  PlanPreviewPages *pages = PLAN_PREVIEW_PAGES (plan_preview_get_pages (fixture->preview));
  guint n_pages = plan_preview_get_n_pages (fixture->preview);
  GListModel *appendices = plan_document_get_appendices (fixture->document);
  guint drawn;

  g_assert_cmpuint (n_pages, >=, 3);

  gtk_widget_queue_draw (GTK_WIDGET (pages));
  gui_test_run_for (100);
  drawn = plan_preview_pages_get_n_drawn (pages);
  g_test_message ("%u of %u pages drawn", drawn, n_pages);
  g_assert_cmpuint (drawn, >=, 1);
  g_assert_cmpuint (drawn, <, n_pages);

  /* Following an object scrolls to its page. */
  if (g_list_model_get_n_items (appendices) > 0)
    {
      g_autoptr(PlanAppendix) appendix = g_list_model_get_item (appendices, 0);
      int page = plan_layout_find_page (fixture->layout, appendix);
      g_autofree char *label = NULL;

      g_assert_cmpint (page, >, 0);
      g_assert_true (plan_preview_scroll_to_object (fixture->preview, appendix));
      gui_test_run_for (100);
      g_assert_cmpuint (plan_preview_get_current_page (fixture->preview), ==, page);
      label = g_strdup_printf ("Page %d of %u", page + 1, n_pages);
      g_assert_cmpstr (plan_preview_get_page_label (fixture->preview), ==, label);
    }
  else
    {
      plan_preview_scroll_to_page (fixture->preview, n_pages - 1);
      gui_test_run_for (100);
      g_assert_cmpuint (plan_preview_get_current_page (fixture->preview), ==, n_pages - 1);
    }
}

static void
test_zoom (Fixture       *fixture,
           gconstpointer  data)
{
  PlanPreviewPages *pages = PLAN_PREVIEW_PAGES (plan_preview_get_pages (fixture->preview));
  int width = gtk_widget_get_width (GTK_WIDGET (pages));
  double page_width, page_height;
  g_autofree char *labels = NULL;
  double fit;

  /* Fit width at first: a portrait page and its margins fill the view (a landscape page is
   * shrunk to the same width). */
  g_assert_true (plan_preview_pages_get_fit_width (pages));
  plan_layout_get_page_size (fixture->layout, 0, &page_width, &page_height);
  g_assert_cmpfloat (page_width, <, page_height);
  fit = plan_preview_pages_get_zoom (pages);
  g_assert_cmpfloat_with_epsilon (fit * page_width * 96.0 / 72.0, width - 32, 2.0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->preview), "preview.zoom-in", NULL));
  g_assert_false (plan_preview_pages_get_fit_width (pages));
  g_assert_cmpfloat_with_epsilon (plan_preview_pages_get_zoom (pages), fit * 1.2, 0.001);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->preview), "preview.zoom-actual", NULL));
  g_assert_cmpfloat (plan_preview_pages_get_zoom (pages), ==, 1.0);
  gui_test_run_for (50);
  labels = gui_test_collect_labels (GTK_WIDGET (fixture->preview));
  g_assert_nonnull (strstr (labels, "100 %"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->preview), "preview.zoom-fit", NULL));
  gui_test_run_for (50);
  g_assert_true (plan_preview_pages_get_fit_width (pages));
  g_assert_cmpfloat_with_epsilon (plan_preview_pages_get_zoom (pages), fit, 0.001);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) samples = NULL;
  const char *longest = NULL;
  int status;

  app = gui_test_init (&argc, &argv);

  if (app == NULL)
    {
      g_test_skip ("no display");
      return g_test_run ();
    }

  /* The reference plan has several pages and an appendix. */
  samples = gui_test_list_samples ();
  for (guint i = 0; i < samples->len; i++)
    if (strstr (g_ptr_array_index (samples, i), "reference") != NULL)
      longest = g_ptr_array_index (samples, i);
  g_assert_nonnull (longest);

  g_test_add ("/gui/preview/follows-edits", Fixture, NULL,
              fixture_set_up, test_follows_edits, fixture_tear_down);
  g_test_add ("/gui/preview/draws-visible-pages", Fixture, longest,
              fixture_set_up, test_draws_visible_pages, fixture_tear_down);
  g_test_add ("/gui/preview/keystroke-updates", Fixture, longest,
              fixture_set_up, test_keystroke_updates, fixture_tear_down);
  g_test_add ("/gui/preview/zoom", Fixture, longest,
              fixture_set_up, test_zoom, fixture_tear_down);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);

  return status;
}
