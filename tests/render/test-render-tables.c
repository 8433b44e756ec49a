/* test-render-tables.c: tables and appendices: long tables with their header on every page,
 * rows neither lost nor repeated, a cell longer than a page, a word longer than a column,
 * merged cells, empty rows, TT numbers, appendices in two orientations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "plan-block-builder.h"
#include "plan-table-block.h"
#include "plan-units.h"
#include "render-test-util.h"

static PlanAppendix *
add_table_appendix (PlanDocument    *document,
                    const char      *title,
                    PlanOrientation  orientation,
                    PlanTable       *table)
{
  PlanAppendix *appendix = rt_append_appendix (document, plan_appendix_new (title));

  g_object_set (appendix, "orientation", orientation, NULL);
  if (table != NULL)
    {
      PlanItem *item = plan_item_new_table (table);

      plan_document_insert (document, plan_appendix_get_content (appendix), 0, item);
      g_object_unref (item);
      g_object_unref (table);
    }

  return appendix;
}

static void
add_body (PlanDocument *document)
{
  PlanItem *item = rt_append_body (document, plan_item_new (PLAN_ITEM_SECTION, "Nội dung"));

  plan_item_append_paragraph (item, "Chi tiết tại Phụ lục gửi kèm theo.");
}

/* Pages of the appendix: the first page after the closing block */
static int
first_appendix_page (PopplerDocument *pdf,
                     const char      *title)
{
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_auto(RtSpan) span = { 0, };

      if (rt_find (page, title, &span))
        return i;
    }

  return -1;
}

static void
check_inside_margins (PopplerDocument *pdf)
{
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      double width, height;

      poppler_page_get_size (page, &width, &height);
      /* Top edge 0: the page number is in the top margin */
      g_assert_cmpuint (rt_count_outside (page, PLAN_MM_TO_PT (30), 0,
                                          width - PLAN_MM_TO_PT (15),
                                          height - PLAN_MM_TO_PT (20)), ==, 0);
    }
}

static void
test_long_table (void)
{
  const guint n_rows = 2000, n_columns = 5;
  g_autoptr(PlanDocument) document = rt_document_new ();
  g_autoptr(PlanLayout) layout = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) words = NULL;
  int first, n_pages;

  add_body (document);
  add_table_appendix (document, "BẢNG NHIỆM VỤ", PLAN_ORIENTATION_PORTRAIT,
                      rt_table_new (n_columns, n_rows));
  pdf = rt_export (document, &layout);
  n_pages = poppler_document_get_n_pages (pdf);
  first = first_appendix_page (pdf, "BẢNG NHIỆM VỤ");
  g_assert_cmpint (first, >, 0);
  g_assert_cmpint (n_pages - first, >, 40);
  g_test_message ("%u rows on %d pages", n_rows, n_pages - first);

  /* The header on every page of the table, the page numbers restarting in the appendix */
  for (int i = first; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *page_text = poppler_page_get_text (page);
      g_autofree char *top = rt_text_in_area (page, 0, 0, PLAN_A4_WIDTH_PT, PLAN_MM_TO_PT (17));
      g_autofree char *number = g_strdup_printf ("%d", i - first + 1);
      g_auto(RtSpan) header = { 0, };

      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *name = g_strdup_printf ("Cột%u", c);

          g_assert_cmpuint (rt_count_word (page_text, name), ==, 1);
        }
      g_assert_true (rt_find (page, "Cột0", &header));
      g_assert_nonnull (strstr (header.font, "Bold"));
      g_assert_cmpstr (top, ==, i == first ? "" : number);
    }

  /* Every cell once: no row lost or printed twice at a page break */
  text = rt_document_text (pdf);
  words = g_strsplit_set (text, " \t\n\r\f", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] == 'r' && strlen (words[i]) == 7)
      {
        gpointer count = g_hash_table_lookup (counts, words[i]);

        g_hash_table_replace (counts, g_strdup (words[i]), GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
      }
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        g_autofree char *word = g_strdup_printf ("r%04uc%u", r, c);

        g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, word)), ==, 1);
      }
  g_assert_cmpuint (g_hash_table_size (counts), ==, n_rows * n_columns);

  check_inside_margins (pdf);
}

static void
test_cell_longer_than_page (void)
{
  g_autoptr(PlanDocument) document = rt_document_new ();
  g_autoptr(PlanLayout) layout = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autofree char *text = NULL;
  PlanTable *table = rt_table_new (3, 3);
  PlanRow *row;
  int first, n_pages;

  for (guint i = 0; i < 1500; i++)
    g_string_append_printf (long_text, "w%04u ", i);
  row = g_list_model_get_item (plan_table_get_rows (table), 1);
  g_object_set (plan_row_get_cell (row, 1), "text", long_text->str, NULL);
  g_object_unref (row);

  add_body (document);
  add_table_appendix (document, "Ô DÀI", PLAN_ORIENTATION_PORTRAIT, table);
  pdf = rt_export (document, &layout);
  rt_save_artifacts (layout, "long-cell");
  n_pages = poppler_document_get_n_pages (pdf);
  first = first_appendix_page (pdf, "Ô DÀI");
  g_assert_cmpint (n_pages - first, >=, 2);

  text = rt_document_text (pdf);
  for (guint i = 0; i < 1500; i++)
    {
      g_autofree char *word = g_strdup_printf ("w%04u", i);

      g_assert_cmpuint (rt_count_word (text, word), ==, 1);
    }
  for (guint r = 0; r < 3; r++)
    for (guint c = 0; c < 3; c++)
      if (r != 1 || c != 1)
        {
          g_autofree char *word = g_strdup_printf ("r%04uc%u", r, c);

          g_assert_cmpuint (rt_count_word (text, word), ==, 1);
        }
  /* The header repeated over the continuation */
  g_assert_cmpuint (rt_count_word (text, "Cột1"), ==, n_pages - first);
  check_inside_margins (pdf);
}

static void
test_word_longer_than_column (void)
{
  g_autoptr(PlanDocument) document = rt_document_new ();
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(GString) word = g_string_new (NULL);
  g_autofree char *url = NULL;
  g_autofree char *text = NULL;
  PlanTable *table = rt_table_new (6, 2);
  PlanRow *row;
  PlanItem *item;
  guint n_a = 0;

  for (guint i = 0; i < 150; i++)
    g_string_append_c (word, 'a');
  row = g_list_model_get_item (plan_table_get_rows (table), 0);
  g_object_set (plan_row_get_cell (row, 0), "text", word->str, NULL);
  g_object_unref (row);

  url = g_strdup_printf ("https://example.gov.vn/%s/%s/%s", word->str, word->str, word->str);
  item = rt_append_body (document, plan_item_new (PLAN_ITEM_PARAGRAPH, NULL));
  plan_item_append_paragraph (item, url);
  add_table_appendix (document, "TỪ DÀI", PLAN_ORIENTATION_PORTRAIT, table);

  pdf = rt_export (document, NULL);
  check_inside_margins (pdf);

  /* Nothing lost in the wrapping */
  text = rt_document_text (pdf);
  for (const char *p = text; *p != '\0'; p++)
    if (*p == 'a')
      n_a++;
  g_assert_cmpuint (n_a, >=, 4 * 150);
}

static void
test_merged_cells (void)
{
  g_autoptr(PlanDocument) document = rt_document_new ();
  g_autoptr(PlanLayout) layout = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autofree char *text = NULL;
  g_auto(RtSpan) vertical = { 0, }, horizontal = { 0, }, row2 = { 0, }, col1 = { 0, }, col2 = { 0, };
  PlanTable *table = plan_table_new (3);
  PlanRow *header = plan_table_append_header_row (table);
  const char * const header_texts[] = { "Nhóm", "Việc", "Ghi chú", NULL };
  const char * const rows[][3] = {
    { "GỘPDỌC", "hàng1", "x1" },
    { "", "hàng2", "x2" },
    { "", "hàng3", "x3" },
    { "đơn", "GỘPNGANG ô gộp ngang dài hơn một cột", "" },
  };
  int first;
  double rule;

  plan_row_set_texts (header, header_texts);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      PlanRow *row = plan_table_append_row (table);

      for (guint c = 0; c < 3; c++)
        g_object_set (plan_row_get_cell (row, c), "text", rows[r][c], NULL);
      if (r == 1 || r == 2)
        g_object_set (plan_row_get_cell (row, 0), "merge", PLAN_MERGE_UP, NULL);
      if (r == 3)
        g_object_set (plan_row_get_cell (row, 2), "merge", PLAN_MERGE_LEFT, NULL);
    }

  add_body (document);
  add_table_appendix (document, "GỘP Ô", PLAN_ORIENTATION_PORTRAIT, table);
  pdf = rt_export (document, &layout);
  rt_save_artifacts (layout, "merged");
  first = first_appendix_page (pdf, "GỘP Ô");
  page = poppler_document_get_page (pdf, first);
  text = poppler_page_get_text (page);

  g_assert_cmpuint (rt_count_word (text, "GỘPDỌC"), ==, 1);
  g_assert_true (rt_find (page, "GỘPDỌC", &vertical));
  g_assert_true (rt_find (page, "hàng2", &row2));
  g_assert_true (rt_find (page, "Việc", &col1));
  g_assert_true (rt_find (page, "Ghi chú", &col2));
  g_assert_true (rt_find (page, "GỘPNGANG", &horizontal));

  /* The horizontally merged cell spans columns 2 and 3: its text runs on one line past the
   * start of column 3 */
  g_assert_true (rt_find (page, "GỘPNGANG ô gộp ngang dài hơn một cột", &horizontal));
  g_assert_cmpfloat (horizontal.y2 - horizontal.y1, <, 20);
  g_assert_cmpfloat (horizontal.x2 - horizontal.x1, >, (PLAN_A4_WIDTH_PT - PLAN_MM_TO_PT (45)) / 3);

  /* No rule between rows 1 and 2 in the merged first column, a rule in the others */
  rule = rt_dark_run (layout, first, row2.y1 - 3, vertical.x1 - 2, vertical.x2 + 2);
  g_assert_cmpfloat (rule, <, 3);
  rule = rt_dark_run (layout, first, row2.y1 - 3, row2.x1 - 2, row2.x2 + 20);
  g_assert_cmpfloat (rule, >, row2.x2 - row2.x1);
}

static void
test_numbered_and_empty_rows (void)
{
  g_autoptr(PlanDocument) document = rt_document_new ();
  g_autoptr(PlanLayout) layout = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_auto(RtSpan) one = { 0, }, three = { 0, }, header = { 0, };
  PlanTable *table = plan_table_new (3);
  PlanRow *header_row = plan_table_append_header_row (table);
  const char * const header_texts[] = { "TT", "Nội dung", "Ghi chú", NULL };
  g_autofree char *text = NULL;
  int first;

  plan_row_set_texts (header_row, header_texts);
  g_object_set (table, "numbered", TRUE, NULL);
  for (guint r = 0; r < 3; r++)
    plan_table_append_row (table);

  add_body (document);
  add_table_appendix (document, "BIỂU TRỐNG", PLAN_ORIENTATION_PORTRAIT, table);
  pdf = rt_export (document, &layout);
  rt_save_artifacts (layout, "empty-rows");
  first = first_appendix_page (pdf, "BIỂU TRỐNG");
  page = poppler_document_get_page (pdf, first);
  text = poppler_page_get_text (page);

  /* TT 1, 2, 3 in the first column, one row apart: each empty row is a line high at least */
  g_assert_true (rt_find (page, "TT", &header));
  g_assert_true (rt_find (page, "\n1\n", &one) || rt_find (page, "1", &one));
  g_assert_true (rt_find (page, "3", &three));
  g_assert_cmpfloat (three.y1 - one.y1, >=, 2 * 13);
  g_assert_cmpfloat (fabs ((one.x1 + one.x2) / 2 - (header.x1 + header.x2) / 2), <, 1);
  g_assert_cmpuint (rt_count_word (text, "2"), >=, 1);
}

static void
test_two_orientations (void)
{
  g_autoptr(PlanDocument) document = rt_document_new ();
  g_autoptr(PlanLayout) layout = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  PlanAppendix *second;
  int first1, first2, n_pages;

  add_body (document);
  add_table_appendix (document, "PHÂN CÔNG NHIỆM VỤ", PLAN_ORIENTATION_PORTRAIT, rt_table_new (4, 60));
  second = add_table_appendix (document, "LỊCH TRIỂN KHAI", PLAN_ORIENTATION_LANDSCAPE, rt_table_new (8, 80));
  g_assert_nonnull (second);

  pdf = rt_export (document, &layout);
  rt_save_artifacts (layout, "orientations");
  n_pages = poppler_document_get_n_pages (pdf);
  first1 = first_appendix_page (pdf, "PHÂN CÔNG NHIỆM VỤ");
  first2 = first_appendix_page (pdf, "LỊCH TRIỂN KHAI");
  g_assert_cmpint (first1, >, 0);
  g_assert_cmpint (first2, >, first1 + 1);
  g_assert_cmpint (n_pages, >, first2 + 1);

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *top = NULL;
      double width, height;
      int number = i < first1 ? i + 1 : i < first2 ? i - first1 + 1 : i - first2 + 1;
      g_autofree char *expected = g_strdup_printf ("%d", number);

      poppler_page_get_size (page, &width, &height);
      if (i >= first2)
        {
          g_assert_cmpfloat_with_epsilon (width, 841.89, 0.01);
          g_assert_cmpfloat_with_epsilon (height, 595.28, 0.01);
        }
      else
        {
          g_assert_cmpfloat_with_epsilon (width, 595.28, 0.01);
          g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
        }

      /* Each appendix numbered on its own, no number on its first page */
      top = rt_text_in_area (page, 0, 0, width, PLAN_MM_TO_PT (17));
      g_assert_cmpstr (top, ==, number == 1 ? "" : expected);
    }

  /* Labels "Phụ lục I" and "Phụ lục II" (two appendices: Roman numerals), 14 pt bold; the
   * reference line in italic */
  {
    g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, first2);
    g_auto(RtSpan) label = { 0, }, reference = { 0, }, title = { 0, };

    g_assert_true (rt_find (page, "Phụ lục II", &label));
    g_assert_cmpfloat_with_epsilon (label.size, 14, 0.05);
    g_assert_nonnull (strstr (label.font, "Bold"));
    g_assert_true (rt_find (page, "(Kèm theo Kế hoạch số 25/KH-THCS", &reference));
    g_assert_nonnull (strstr (reference.font, "Italic"));
    g_assert_true (rt_find (page, "LỊCH TRIỂN KHAI", &title));
    g_assert_nonnull (strstr (title.font, "Bold"));
    g_assert_cmpfloat (fabs ((title.x1 + title.x2) / 2 - (PLAN_MM_TO_PT (30) + 841.89 - PLAN_MM_TO_PT (15)) / 2), <, 1);
  }
  {
    g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, first1);
    g_auto(RtSpan) label = { 0, };

    g_assert_true (rt_find (page, "Phụ lục I\n", &label) || rt_find (page, "Phụ lục I", &label));
  }
  check_inside_margins (pdf);
}

/* A vertically merged cell whose group of rows is taller than a page: the group is cut between
 * its rows. A short text in it (all on the first page) is printed again at the top of its part
 * on every following page; a long text runs on across the break, every word once. */
static void
test_merged_cell_across_pages (void)
{
  g_autoptr(PlanDocument) document = rt_document_new ();
  g_autoptr(PlanLayout) layout = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *all = NULL;
  g_autoptr(GString) long_text = g_string_new ("");
  PlanTable *table = rt_table_new (3, 90);
  GListModel *rows = plan_table_get_rows (table);
  int first, n_pages, pages_with_rows = 0;

  /* Column 0: rows 0–89 merged, short text. Column 2: rows 0–89 merged, a text of 300 numbered
   * words that needs about two pages of its own. */
  for (guint w = 0; w < 300; w++)
    g_string_append_printf (long_text, "từ%03u ", w);
  for (guint r = 0; r < 90; r++)
    {
      g_autoptr(PlanRow) row = g_list_model_get_item (rows, r);

      if (r == 0)
        {
          g_object_set (plan_row_get_cell (row, 0), "text", "NHÓMGỘP", NULL);
          g_object_set (plan_row_get_cell (row, 2), "text", long_text->str, NULL);
        }
      else
        {
          g_object_set (plan_row_get_cell (row, 0), "text", "", "merge", PLAN_MERGE_UP, NULL);
          g_object_set (plan_row_get_cell (row, 2), "text", "", "merge", PLAN_MERGE_UP, NULL);
        }
    }

  add_body (document);
  add_table_appendix (document, "GỘP DÀI", PLAN_ORIENTATION_PORTRAIT, table);
  pdf = rt_export (document, &layout);
  rt_save_artifacts (layout, "merged-across-pages");
  first = first_appendix_page (pdf, "GỘP DÀI");
  n_pages = poppler_document_get_n_pages (pdf);
  g_assert_cmpint (first, >=, 0);
  g_assert_cmpint (n_pages - first, >=, 2);

  for (int i = first; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_auto(RtSpan) group = { 0, }, header = { 0, };
      const char *p;
      guint r;

      /* The pages of the table: those with one of its rows */
      if ((p = strstr (text, "r0")) == NULL || sscanf (p, "r%4uc", &r) != 1)
        continue;
      pages_with_rows++;
      /* The group's name once on each page, at the top of its part: under the header,
       * in the first column, above the first row printed there */
      g_assert_cmpuint (rt_count_word (text, "NHÓMGỘP"), ==, 1);
      g_assert_true (rt_find (page, "NHÓMGỘP", &group));
      g_assert_true (rt_find (page, "Cột1", &header));
      g_assert_cmpfloat (group.y1, >, header.y2);
      g_assert_cmpfloat (group.y1 - header.y2, <, 2 * PLAN_TABLE_PAD_Y + 2);
      g_assert_cmpfloat (group.x1, <, header.x1);
    }
  g_assert_cmpint (pages_with_rows, >=, 2);

  /* The long text runs on: every word exactly once, in order */
  all = rt_document_text (pdf);
  for (guint w = 0; w < 300; w++)
    {
      g_autofree char *word = g_strdup_printf ("từ%03u", w);

      g_assert_cmpuint (rt_count_word (all, word), ==, 1);
    }
  /* …and every row once */
  for (guint r = 0; r < 90; r++)
    {
      g_autofree char *word = g_strdup_printf ("r%04uc1", r);

      g_assert_cmpuint (rt_count_word (all, word), ==, 1);
    }
  check_inside_margins (pdf);
}

/* Tables as offices style them: font size, cells centred vertically, a plain italic second
 * header row "(1) (2) (3)", a footnote right under the table, the header printed once. */
static void
test_table_forms (void)
{
  g_autoptr(PlanDocument) document = rt_document_new ();
  g_autoptr(PlanLayout) layout = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  PlanTable *table = rt_table_new (3, 60);
  PlanRow *numbers = plan_table_append_header_row (table);
  g_autoptr(PlanRow) first = g_list_model_get_item (plan_table_get_rows (table), 0);
  g_auto(RtSpan) tall_top = { 0, }, tall_bottom = { 0, }, short_cell = { 0, }, heading = { 0, };
  g_auto(RtSpan) number = { 0, }, footnote = { 0, }, last_row = { 0, };
  const char *labels[] = { "(1)", "(2)", "(3)", NULL };
  int start, n_pages;

  add_body (document);
  plan_row_set_texts (numbers, labels);
  g_object_set (numbers, "header-style", PLAN_HEADER_ITALIC, NULL);
  g_object_set (plan_row_get_cell (first, 0), "text", "Ô cao dòng một\ndòng hai\ndòng ba", NULL);
  g_object_set (plan_row_get_cell (first, 1), "text", "Ô ngắn", NULL);
  g_object_set (table,
                "font-size", 14,
                "vertical-alignment", PLAN_VALIGN_CENTER,
                "repeat-header", FALSE,
                "footnote", "(*) Số liệu tính đến ngày 30 tháng 6.",
                NULL);
  add_table_appendix (document, "Biểu thống kê", PLAN_ORIENTATION_PORTRAIT, table);

  pdf = rt_export (document, &layout);
  rt_save_artifacts (layout, "table-forms");
  start = first_appendix_page (pdf, "Biểu thống kê");
  n_pages = poppler_document_get_n_pages (pdf);
  g_assert_cmpint (start, >=, 0);
  g_assert_cmpint (n_pages - start, >=, 2);

  {
    g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, start);
    double tall_middle, short_middle;

    /* 14 pt as asked, header row bold, second header row italic and not bold */
    g_assert_true (rt_find (page, "Ô ngắn", &short_cell));
    g_assert_cmpfloat (fabs (short_cell.size - 14), <, 0.2);
    g_assert_true (rt_find (page, "Cột0", &heading));
    g_assert_nonnull (strstr (heading.font, "Bold"));
    g_assert_true (rt_find (page, "(2)", &number));
    g_assert_nonnull (strstr (number.font, "Italic"));
    g_assert_null (strstr (number.font, "Bold"));

    /* the one-line cell is centred on the three-line one, within 1 mm */
    g_assert_true (rt_find (page, "Ô cao", &tall_top));
    g_assert_true (rt_find (page, "dòng ba", &tall_bottom));
    tall_middle = (tall_top.y1 + tall_bottom.y2) / 2;
    short_middle = (short_cell.y1 + short_cell.y2) / 2;
    g_test_message ("short cell %.2f mm off the middle of the tall one",
                    PLAN_PT_TO_MM (short_middle - tall_middle));
    g_assert_cmpfloat (fabs (short_middle - tall_middle), <, PLAN_MM_TO_PT (1));
  }

  /* The header once: not on the next page */
  {
    g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, start + 1);
    g_auto(RtSpan) probe = { 0, };

    g_assert_false (rt_find (page, "Cột0", &probe));
    g_assert_false (rt_find (page, "(2)", &probe));
  }

  /* The footnote: italic, right under the last row */
  {
    g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, n_pages - 1);

    g_assert_true (rt_find (page, "(*) Số liệu", &footnote));
    g_assert_true (rt_find (page, "r0059c0", &last_row));
    g_assert_nonnull (strstr (footnote.font, "Italic"));
    g_assert_cmpfloat (footnote.y1, >, last_row.y2);
    g_test_message ("footnote %.2f mm under the last row's text",
                    PLAN_PT_TO_MM (footnote.y1 - last_row.y2));
    g_assert_cmpfloat (footnote.y1 - last_row.y2, <, PLAN_MM_TO_PT (6));
  }
}

/* Page numbers of the appendices going on from the body's when the plan asks for it: every
 * page but the plan's first shows its place in the whole plan, appendices' first pages too. */
static void
test_appendix_numbers_continue (void)
{
  g_autoptr(PlanDocument) document = rt_document_new ();
  g_autoptr(PlanLayout) layout = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  int first1, first2, n_pages;

  add_body (document);
  add_table_appendix (document, "PHÂN CÔNG NHIỆM VỤ", PLAN_ORIENTATION_PORTRAIT, rt_table_new (4, 60));
  add_table_appendix (document, "LỊCH TRIỂN KHAI", PLAN_ORIENTATION_LANDSCAPE, rt_table_new (8, 40));
  g_object_set (document, "appendix-page-numbering", PLAN_PAGE_NUMBERING_CONTINUE, NULL);

  pdf = rt_export (document, &layout);
  rt_save_artifacts (layout, "appendix-numbers-continue");
  n_pages = poppler_document_get_n_pages (pdf);
  first1 = first_appendix_page (pdf, "PHÂN CÔNG NHIỆM VỤ");
  first2 = first_appendix_page (pdf, "LỊCH TRIỂN KHAI");
  g_assert_cmpint (first1, >, 0);
  g_assert_cmpint (first2, >, first1 + 1);

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *top = NULL;
      g_autofree char *expected = g_strdup_printf ("%d", i + 1);
      double width, height;

      poppler_page_get_size (page, &width, &height);
      top = rt_text_in_area (page, 0, 0, width, PLAN_MM_TO_PT (17));
      g_assert_cmpstr (top, ==, i == 0 ? "" : expected);
      g_assert_cmpuint (plan_layout_get_page_number (layout, i), ==, i == 0 ? 0 : (guint) i + 1);
    }
}

/* By default the header prints on every page, as before */
static void
test_table_header_repeated (void)
{
  g_autoptr(PlanDocument) document = rt_document_new ();
  g_autoptr(PlanLayout) layout = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  int start;

  add_body (document);
  add_table_appendix (document, "Biểu dài", PLAN_ORIENTATION_PORTRAIT, rt_table_new (3, 60));
  pdf = rt_export (document, &layout);
  start = first_appendix_page (pdf, "Biểu dài");
  for (int i = start; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_auto(RtSpan) probe = { 0, };

      g_assert_true (rt_find (page, "Cột0", &probe));
      g_assert_cmpfloat (fabs (probe.size - plan_block_builder_table_size (document)), <, 0.2);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/tables/long-table", test_long_table);
  g_test_add_func ("/render/tables/cell-longer-than-page", test_cell_longer_than_page);
  g_test_add_func ("/render/tables/word-longer-than-column", test_word_longer_than_column);
  g_test_add_func ("/render/tables/merged-cells", test_merged_cells);
  g_test_add_func ("/render/tables/merged-cell-across-pages", test_merged_cell_across_pages);
  g_test_add_func ("/render/tables/numbered-and-empty-rows", test_numbered_and_empty_rows);
  g_test_add_func ("/render/tables/two-orientations", test_two_orientations);
  g_test_add_func ("/render/tables/forms", test_table_forms);
  g_test_add_func ("/render/tables/header-repeated", test_table_header_repeated);
  g_test_add_func ("/render/tables/appendix-numbers-continue", test_appendix_numbers_continue);

  return g_test_run ();
}
