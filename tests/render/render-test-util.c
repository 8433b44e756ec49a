/* render-test-util.c: helpers of the renderer's tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "plan-pdf-export.h"
#include "render-test-util.h"

PlanDocument *
rt_document_new (void)
{
  PlanDocument *document = plan_document_new ();
  GListModel *recipients = plan_document_get_recipients (document);
  g_autoptr(PlanRecipient) first = plan_recipient_new ("Phòng GD&ĐT", "b/cáo");
  g_autoptr(PlanRecipient) second = plan_recipient_new ("Các tổ chuyên môn", "thực hiện");

  g_object_set (document,
                "parent-agency", "UBND thành phố Hạ Long",
                "agency", "Trường THCS Lý Tự Trọng",
                "agency-abbrev", "THCS",
                "doc-type", "KH",
                "number", 25,
                "place", "Hạ Long",
                "date-year", 2022, "date-month", 2, "date-day", 15,
                "title", "Tuyên truyền cải cách hành chính năm 2022",
                "archive", "VT, TCCB",
                "signer-title", "Hiệu trưởng",
                "signer-name", "Bùi Hoàng Anh",
                "draft-watermark", FALSE,
                NULL);
  plan_document_insert (document, recipients, 0, first);
  plan_document_insert (document, recipients, 1, second);
  plan_document_clear_undo (document);

  return document;
}

PlanItem *
rt_append_body (PlanDocument *document,
                PlanItem     *item)
{
  GListModel *body = plan_document_get_body (document);

  plan_document_insert (document, body, g_list_model_get_n_items (body), item);
  g_object_unref (item);
  return item;
}

PlanAppendix *
rt_append_appendix (PlanDocument *document,
                    PlanAppendix *appendix)
{
  GListModel *appendices = plan_document_get_appendices (document);

  plan_document_insert (document, appendices, g_list_model_get_n_items (appendices), appendix);
  g_object_unref (appendix);
  return appendix;
}

PlanTable *
rt_table_new (guint n_columns,
              guint n_rows)
{
  PlanTable *table = plan_table_new (n_columns);
  PlanRow *header = plan_table_append_header_row (table);

  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *name = g_strdup_printf ("Cột%u", c);

      g_object_set (plan_row_get_cell (header, c), "text", name, NULL);
    }
  for (guint r = 0; r < n_rows; r++)
    {
      PlanRow *row = plan_table_append_row (table);

      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *text = g_strdup_printf ("r%04uc%u nội dung", r, c);

          g_object_set (plan_row_get_cell (row, c), "text", text, NULL);
        }
    }

  return table;
}

static void
remove_file (gpointer data)
{
  g_autofree char *path = data;
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

PopplerDocument *
rt_export (PlanDocument *document,
           PlanLayout  **layout_out)
{
  g_autoptr(PlanLayout) layout = plan_layout_new (document);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kehoach-render-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GFile) file = NULL;
  PopplerDocument *pdf;

  g_assert_no_error (error);
  path = g_build_filename (dir, "plan.pdf", NULL);
  file = g_file_new_for_path (path);

  g_assert_true (plan_pdf_export (layout, file, &error));
  g_assert_no_error (error);

  uri = g_file_get_uri (file);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);

  /* The file stays as long as the document, for pdftotext. */
  g_object_set_data_full (G_OBJECT (pdf), "rt-path", g_steal_pointer (&path), remove_file);

  if (layout_out != NULL)
    *layout_out = g_steal_pointer (&layout);

  return pdf;
}

void
rt_save_artifacts (PlanLayout *layout,
                   const char *name)
{
  const char *dir = g_getenv ("KEHOACH_ARTIFACTS_DIR");

  if (dir == NULL)
    return;

  g_mkdir_with_parents (dir, 0755);
  for (guint i = 0; i < plan_layout_get_n_pages (layout); i++)
    {
      g_autofree char *file_name = g_strdup_printf ("%s-page-%u.png", name, i + 1);
      g_autofree char *path = g_build_filename (dir, file_name, NULL);
      double width, height, scale = 96.0 / 72.0;
      cairo_surface_t *surface;
      cairo_t *cr;

      plan_layout_get_page_size (layout, i, &width, &height);
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, ceil (width * scale), ceil (height * scale));
      cr = cairo_create (surface);
      /* White under the page's last, partly covered pixels */
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, scale, scale);
      plan_layout_draw_page (layout, cr, i);
      cairo_destroy (cr);
      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);
    }
}

char *
rt_document_text (PopplerDocument *pdf)
{
  const char *path = g_object_get_data (G_OBJECT (pdf), "rt-path");
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_nonnull (path);
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

guint
rt_count_word (const char *text,
               const char *word)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\r\f", -1);
  guint count = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (g_strcmp0 (words[i], word) == 0)
      count++;

  return count;
}

void
rt_span_clear (RtSpan *span)
{
  g_clear_pointer (&span->font, g_free);
}

gboolean
rt_find (PopplerPage *page,
         const char  *needle,
         RtSpan      *span)
{
  g_autofree char *text = poppler_page_get_text (page);
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  const char *found;
  glong start, length;
  GList *attributes;

  /* A span may be reused for a second search: free the first font name. */
  rt_span_clear (span);
  memset (span, 0, sizeof *span);
  found = strstr (text, needle);
  if (found == NULL)
    return FALSE;

  start = g_utf8_pointer_to_offset (text, found);
  length = g_utf8_strlen (needle, -1);
  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));

  span->x1 = span->y1 = G_MAXDOUBLE;
  span->x2 = span->y2 = -G_MAXDOUBLE;
  for (glong i = start; i < start + length && i < (glong)n_rects; i++)
    {
      /* Line breaks have empty boxes */
      if (g_unichar_isspace (g_utf8_get_char (g_utf8_offset_to_pointer (text, i))))
        continue;
      span->x1 = MIN (span->x1, rects[i].x1);
      span->y1 = MIN (span->y1, rects[i].y1);
      span->x2 = MAX (span->x2, rects[i].x2);
      span->y2 = MAX (span->y2, rects[i].y2);
    }
  g_free (rects);

  attributes = poppler_page_get_text_attributes (page);
  for (GList *l = attributes; l != NULL; l = l->next)
    {
      PopplerTextAttributes *attr = l->data;

      if (attr->start_index <= start && start <= attr->end_index)
        {
          span->size = attr->font_size;
          span->font = g_strdup (attr->font_name);
          break;
        }
    }
  poppler_page_free_text_attributes (attributes);

  return TRUE;
}

guint
rt_count_outside (PopplerPage *page,
                  double       left,
                  double       top,
                  double       right,
                  double       bottom)
{
  g_autofree char *text = poppler_page_get_text (page);
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  guint outside = 0;
  const char *p = text;

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  for (guint i = 0; i < n_rects && *p != '\0'; i++, p = g_utf8_next_char (p))
    {
      if (g_unichar_isspace (g_utf8_get_char (p)))
        continue;
      /* Glyph boxes are the font's full height: allow the ascent to overhang slightly. */
      if (rects[i].x1 < left - 0.5 || rects[i].x2 > right + 0.5 ||
          rects[i].y1 < top - 3 || rects[i].y2 > bottom + 0.5)
        {
          if (outside == 0)
            g_test_message ("outside the text area: '%.20s' at %.1f,%.1f–%.1f,%.1f", p,
                            rects[i].x1, rects[i].y1, rects[i].x2, rects[i].y2);
          outside++;
        }
    }
  g_free (rects);

  return outside;
}

double
rt_dark_run (PlanLayout *layout,
             guint       page,
             double      y_pt,
             double      x1_pt,
             double      x2_pt)
{
  const double scale = 4;
  double width, height, best = 0;
  cairo_surface_t *surface;
  cairo_t *cr;
  int stride;
  guchar *data;

  plan_layout_get_page_size (layout, page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, ceil (width * scale), ceil (height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  plan_layout_draw_page (layout, cr, page);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = (int)((y_pt - 1) * scale); y <= (int)((y_pt + 1) * scale); y++)
    {
      int run = 0;

      if (y < 0 || y >= cairo_image_surface_get_height (surface))
        continue;
      for (int x = (int)(x1_pt * scale); x < (int)(x2_pt * scale); x++)
        {
          guint32 pixel = *(guint32 *)(data + y * stride + x * 4);

          if ((pixel & 0xff) < 128)
            run++;
          else
            run = 0;
          best = MAX (best, run / scale);
        }
    }
  cairo_surface_destroy (surface);

  return best;
}

char *
rt_text_in_area (PopplerPage *page,
                 double       left,
                 double       top,
                 double       right,
                 double       bottom)
{
  g_autofree char *text = poppler_page_get_text (page);
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  GString *found = g_string_new (NULL);
  const char *p = text;

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  for (guint i = 0; i < n_rects && *p != '\0'; i++, p = g_utf8_next_char (p))
    {
      double x = (rects[i].x1 + rects[i].x2) / 2, y = (rects[i].y1 + rects[i].y2) / 2;

      if (!g_unichar_isspace (g_utf8_get_char (p)) &&
          x >= left && x <= right && y >= top && y <= bottom)
        g_string_append_unichar (found, g_utf8_get_char (p));
    }
  g_free (rects);

  return g_string_free (found, FALSE);
}
