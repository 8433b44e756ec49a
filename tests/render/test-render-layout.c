/* test-render-layout.c: the page layout of plans built in code, read back from the PDF with
 * poppler: header block against ND30, margins, page numbers, appendices, tables, watermark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "plan-fonts.h"
#include "plan-units.h"
#include "render-test-util.h"

#define MM(pt) PLAN_PT_TO_MM (pt)

static const char *lorem =
  "Tuyên truyền sâu rộng trong cán bộ, giáo viên, nhân viên và học sinh về mục đích, ý nghĩa, "
  "nội dung của công tác cải cách hành chính, góp phần nâng cao nhận thức, trách nhiệm của mỗi "
  "cá nhân trong việc thực hiện nhiệm vụ được giao, tạo sự đồng thuận trong toàn trường.";

static void
add_paragraphs (PlanDocument *document,
                guint         n)
{
  for (guint i = 0; i < n; i++)
    {
      PlanItem *item = rt_append_body (document, plan_item_new (PLAN_ITEM_PARAGRAPH, NULL));
      g_autofree char *text = g_strdup_printf ("Đoạn%03u %s", i, lorem);

      plan_item_append_paragraph (item, text);
    }
}

static void
test_header (void)
{
  g_autoptr(PlanDocument) document = rt_document_new ();
  g_autoptr(PlanLayout) layout = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_auto(RtSpan) national = { 0, }, motto = { 0, }, parent = { 0, }, agency = { 0, };
  g_auto(RtSpan) number = { 0, }, date = { 0, }, type = { 0, }, title = { 0, };
  double width, height, left = PLAN_MM_TO_PT (30), right = PLAN_A4_WIDTH_PT - PLAN_MM_TO_PT (15);
  double centre = (left + right) / 2, rule;

  add_paragraphs (document, 2);
  pdf = rt_export (document, &layout);
  rt_save_artifacts (layout, "header");
  page = poppler_document_get_page (pdf, 0);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);

  g_assert_true (rt_find (page, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", &national));
  g_assert_true (rt_find (page, "Độc lập - Tự do - Hạnh phúc", &motto));
  g_assert_true (rt_find (page, "UBND THÀNH PHỐ HẠ LONG", &parent));
  g_assert_true (rt_find (page, "TRƯỜNG THCS LÝ TỰ TRỌNG", &agency));
  g_assert_true (rt_find (page, "Số: 25/KH-THCS", &number));
  g_assert_true (rt_find (page, "Hạ Long, ngày 15 tháng 02 năm 2022", &date));
  g_assert_true (rt_find (page, "KẾ HOẠCH", &type));
  g_assert_true (rt_find (page, "Tuyên truyền cải cách hành chính năm 2022", &title));

  /* Sizes and styles of the Mẫu chữ table (ND30 Phụ lục I §V) */
  g_assert_cmpfloat_with_epsilon (national.size, 12, 0.05);
  g_assert_nonnull (strstr (national.font, "Bold"));
  g_assert_cmpfloat_with_epsilon (motto.size, 13, 0.05);
  g_assert_nonnull (strstr (motto.font, "Bold"));
  g_assert_cmpfloat_with_epsilon (parent.size, 12, 0.05);
  g_assert_null (strstr (parent.font, "Bold"));
  g_assert_cmpfloat_with_epsilon (agency.size, 12, 0.05);
  g_assert_nonnull (strstr (agency.font, "Bold"));
  g_assert_cmpfloat_with_epsilon (number.size, 13, 0.05);
  g_assert_null (strstr (number.font, "Bold"));
  g_assert_null (strstr (number.font, "Italic"));
  g_assert_cmpfloat_with_epsilon (date.size, 13, 0.05);
  g_assert_nonnull (strstr (date.font, "Italic"));
  g_assert_cmpfloat_with_epsilon (type.size, plan_document_get_font_size (document), 0.05);
  g_assert_cmpfloat_with_epsilon (title.size, plan_document_get_font_size (document), 0.05);
  g_assert_nonnull (strstr (type.font, "Bold"));
  g_assert_nonnull (strstr (title.font, "Bold"));

  /* Positions: Quốc hiệu at the top right, agency at the top left, same top edge; both start
   * at the top margin (20 mm) */
  g_assert_cmpfloat (fabs (national.y1 - parent.y1), <, 1);
  g_assert_cmpfloat (MM (national.y1), >=, 19.5);
  g_assert_cmpfloat (MM (national.y1), <, 22);
  g_assert_cmpfloat (national.x1, >, centre - 60);
  g_assert_cmpfloat (national.x2, <=, right + 0.5);
  g_assert_cmpfloat (agency.x1, >=, left - 0.5);
  g_assert_cmpfloat (agency.x2, <, national.x1);
  /* Tiêu ngữ centred under the Quốc hiệu; place and date centred under both */
  g_assert_cmpfloat (fabs ((motto.x1 + motto.x2) / 2 - (national.x1 + national.x2) / 2), <, 1);
  g_assert_cmpfloat (fabs ((date.x1 + date.x2) / 2 - (national.x1 + national.x2) / 2), <, 1);
  g_assert_cmpfloat (motto.y1, >, national.y2 - 1);
  /* Agency centred under its parent; Số centred under the agency */
  g_assert_cmpfloat (fabs ((agency.x1 + agency.x2) / 2 - (parent.x1 + parent.x2) / 2), <, 1);
  g_assert_cmpfloat (fabs ((number.x1 + number.x2) / 2 - (agency.x1 + agency.x2) / 2), <, 1);
  /* Số and the date on one line */
  g_assert_cmpfloat (fabs (number.y2 - date.y2), <, 0.5);
  g_assert_cmpfloat (number.y1, >, agency.y2);
  /* KẾ HOẠCH and the title centred on the text area, under the header */
  g_assert_cmpfloat (fabs ((type.x1 + type.x2) / 2 - centre), <, 1);
  g_assert_cmpfloat (fabs ((title.x1 + title.x2) / 2 - centre), <, 1);
  g_assert_cmpfloat (type.y1, >, date.y2 + 6);
  g_assert_cmpfloat (title.y1, >=, type.y2 - 1);

  /* Rules are lines, not underlined text: the one under the Tiêu ngữ is as wide as the text;
   * the ones under the agency and the title 1/3–1/2 of theirs. */
  rule = rt_dark_run (layout, 0, motto.y2 + 2.5, motto.x1 - 20, motto.x2 + 20);
  g_assert_cmpfloat (fabs (rule - (motto.x2 - motto.x1)), <, 2);
  rule = rt_dark_run (layout, 0, agency.y2 + 2.5, agency.x1 - 5, agency.x2 + 5);
  g_assert_cmpfloat (rule, >=, (agency.x2 - agency.x1) / 3 - 1);
  g_assert_cmpfloat (rule, <=, (agency.x2 - agency.x1) / 2 + 1);
  rule = rt_dark_run (layout, 0, title.y2 + 3, left, right);
  g_assert_cmpfloat (rule, >=, (title.x2 - title.x1) / 3 - 1);
  g_assert_cmpfloat (rule, <=, (title.x2 - title.x1) / 2 + 1);
  /* …and no line under the parent agency or the Quốc hiệu */
  g_assert_cmpfloat (rt_dark_run (layout, 0, parent.y2 + 1.5, left, national.x1 - 2), <, 2);
}


/* Text area of a portrait page, pt from the top-left */
#define AREA_LEFT   PLAN_MM_TO_PT (30)
#define AREA_RIGHT  (PLAN_A4_WIDTH_PT - PLAN_MM_TO_PT (15))
#define AREA_TOP    PLAN_MM_TO_PT (20)
#define AREA_BOTTOM (PLAN_A4_HEIGHT_PT - PLAN_MM_TO_PT (20))

static void
test_margins_and_page_numbers (void)
{
  g_autoptr(PlanDocument) document = rt_document_new ();
  g_autoptr(PlanLayout) layout = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  int n_pages;

  add_paragraphs (document, 40);
  pdf = rt_export (document, &layout);
  rt_save_artifacts (layout, "margins");
  n_pages = poppler_document_get_n_pages (pdf);
  g_assert_cmpint (n_pages, >=, 3);
  g_assert_cmpint (n_pages, ==, plan_layout_get_n_pages (layout));

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *number = g_strdup_printf ("%d", i + 1);
      g_autofree char *top_text = NULL;
      g_auto(RtSpan) span = { 0, };
      double width, height;

      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, PLAN_A4_WIDTH_PT, 0.01);
      g_assert_cmpfloat_with_epsilon (height, PLAN_A4_HEIGHT_PT, 0.01);

      /* Everything in the text area but the page number, which sits in the top margin */
      g_assert_cmpuint (rt_count_outside (page, AREA_LEFT, i == 0 ? AREA_TOP : 0,
                                          AREA_RIGHT, AREA_BOTTOM), ==, 0);

      top_text = rt_text_in_area (page, 0, 0, PLAN_A4_WIDTH_PT, AREA_TOP - 3);
      if (i == 0)
        {
          /* No number on page 1 */
          g_assert_cmpstr (top_text, ==, "");
          continue;
        }
      g_assert_cmpstr (top_text, ==, number);
      g_assert_true (rt_find (page, number, &span));
      g_assert_cmpfloat (span.size, >=, 13);
      g_assert_cmpfloat (span.size, <=, 14);
      g_assert_null (strstr (span.font, "Italic"));
      g_assert_cmpfloat (fabs ((span.x1 + span.x2) / 2 - (AREA_LEFT + AREA_RIGHT) / 2), <, 1);
      g_assert_cmpfloat (span.y2, <, AREA_TOP);
      /* The body continues under it, inside the text area */
      g_assert_cmpfloat (span.y1, >, PLAN_MM_TO_PT (5));
    }
}

static void
test_words_once_in_order (void)
{
  g_autoptr(PlanDocument) document = rt_document_new ();
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *text = NULL;
  const char *p;

  add_paragraphs (document, 30);
  pdf = rt_export (document, NULL);
  text = rt_document_text (pdf);

  /* NFC, as the model */
  {
    g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);

    g_assert_cmpstr (nfc, ==, text);
  }

  /* Every paragraph exactly once, in order, across the page breaks */
  p = text;
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *word = g_strdup_printf ("Đoạn%03u", i);

      g_assert_cmpuint (rt_count_word (text, word), ==, 1);
      p = strstr (p, word);
      g_assert_nonnull (p);
    }
  g_assert_cmpuint (rt_count_word (text, "Tuyên"), ==, 30 + 1);
  g_assert_cmpuint (rt_count_word (text, "trường."), ==, 29);
  /* The end marker follows the last sentence */
  g_assert_cmpuint (rt_count_word (text, "trường./."), ==, 1);
}

static PlanItem *
add_item (PlanItem     *parent,
          PlanItemKind  kind,
          const char   *heading,
          const char   *paragraph)
{
  PlanItem *item = plan_item_new (kind, heading);

  if (paragraph != NULL)
    plan_item_append_paragraph (item, paragraph);
  if (parent != NULL)
    {
      plan_item_append_child (parent, item);
      g_object_unref (item);
    }

  return item;
}

static void
test_outline (void)
{
  g_autoptr(PlanDocument) document = rt_document_new ();
  g_autoptr(PlanLayout) layout = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autofree char *text = NULL;
  g_auto(RtSpan) section = { 0, }, numbered = { 0, }, point = { 0, }, body = { 0, };
  g_auto(RtSpan) plain_item = { 0, };
  PlanItem *level1, *level2, *level3, *level4, *level5, *level6;
  static const char * const expected[] = {
    "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "1.1. Đối tượng", "1.1.1. Cán bộ quản lý",
    "a) Điểm thứ nhất", "- Gạch đầu dòng", "+ Cộng lồng nhau", "II. NỘI DUNG",
    "1. Khoản không tiêu đề./.",
  };

  level1 = rt_append_body (document, plan_item_new (PLAN_ITEM_SECTION, "Mục đích, yêu cầu"));
  level2 = add_item (level1, PLAN_ITEM_NUMBERED, "Mục đích", "Nội dung mục đích.");
  level3 = add_item (level2, PLAN_ITEM_NUMBERED, "Đối tượng", NULL);
  level4 = add_item (level3, PLAN_ITEM_NUMBERED, "Cán bộ quản lý", NULL);
  level5 = add_item (level4, PLAN_ITEM_POINT, NULL, "Điểm thứ nhất");
  level6 = add_item (level5, PLAN_ITEM_BULLET, NULL, "Gạch đầu dòng");
  add_item (level6, PLAN_ITEM_BULLET, NULL, "Cộng lồng nhau");
  level1 = rt_append_body (document, plan_item_new (PLAN_ITEM_SECTION, "Nội dung"));
  add_item (level1, PLAN_ITEM_NUMBERED, NULL, "Khoản không tiêu đề.");

  pdf = rt_export (document, &layout);
  rt_save_artifacts (layout, "outline");
  text = rt_document_text (pdf);
  {
    const char *p = text;

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        p = strstr (p, expected[i]);
        if (p == NULL)
          g_error ("“%s” is missing or out of order in:\n%s", expected[i], text);
      }
  }

  page = poppler_document_get_page (pdf, 0);
  g_assert_true (rt_find (page, "I. MỤC ĐÍCH", &section));
  g_assert_true (rt_find (page, "1. Mục đích", &numbered));
  g_assert_true (rt_find (page, "a) Điểm", &point));
  g_assert_true (rt_find (page, "Nội dung mục đích", &body));
  g_assert_nonnull (strstr (section.font, "Bold"));
  g_assert_nonnull (strstr (numbered.font, "Bold"));
  g_assert_null (strstr (point.font, "Bold"));
  g_assert_null (strstr (body.font, "Bold"));
  g_assert_null (strstr (body.font, "Italic"));
  /* A khoản without a heading is plain, its number too (ND30 §V row 6b) */
  g_assert_true (rt_find (page, "1. Khoản không tiêu đề.", &plain_item));
  g_assert_null (strstr (plain_item.font, "Bold"));
  /* First-line indent of 1 cm or 1.27 cm (the document's) */
  g_assert_cmpfloat (fabs (section.x1 - AREA_LEFT - PLAN_MM_TO_PT (plan_document_get_first_line_indent (document))), <, 0.5);
}

/* Markers as the office wrote them: a style per list ("a)" here, "a." there, "a/."), "6.2"
 * without a final dot, Roman sections inside lettered parts, a marker kept as written ("f)"
 * after "e)"), each printed as given, where a computed marker would be. */
static void
test_markers_as_written (void)
{
  g_autoptr(PlanDocument) document = rt_document_new ();
  g_autoptr(PlanLayout) layout = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autofree char *text = NULL;
  g_auto(RtSpan) first_point = { 0, }, kept = { 0, }, nested = { 0, }, plain_numbered = { 0, };
  PlanItem *part, *section, *numbered, *point, *other, *six;
  static const char * const expected[] = {
    "A. PHẦN CHUNG", "I. MỤC TIÊU", "1. Mục tiêu chung", "a) Điểm một", "b) Điểm hai",
    "- Gạch đầu dòng", "2. Mục tiêu riêng", "a. Điểm ba", "b. Điểm bốn", "c. Điểm năm",
    "d. Điểm sáu", "đ. Điểm bảy", "f. Điểm tám", "6. Tổ chức", "6.1 Kiểm tra", "6.2 Báo cáo",
    "a/. Việc một", "b/. Việc hai",
  };

  part = rt_append_body (document, plan_item_new (PLAN_ITEM_PART, "Phần chung"));
  section = add_item (part, PLAN_ITEM_SECTION, "Mục tiêu", NULL);
  numbered = add_item (section, PLAN_ITEM_NUMBERED, NULL, "Mục tiêu chung");
  g_object_set (add_item (numbered, PLAN_ITEM_POINT, NULL, "Điểm một"),
                "marker-format", PLAN_MARKER_LETTER, "marker-suffix", ")", NULL);
  point = add_item (numbered, PLAN_ITEM_POINT, NULL, "Điểm hai");
  add_item (point, PLAN_ITEM_BULLET, NULL, "Gạch đầu dòng");
  other = add_item (section, PLAN_ITEM_NUMBERED, NULL, "Mục tiêu riêng");
  g_object_set (add_item (other, PLAN_ITEM_POINT, NULL, "Điểm ba"),
                "marker-format", PLAN_MARKER_LETTER, "marker-suffix", ".", NULL);
  add_item (other, PLAN_ITEM_POINT, NULL, "Điểm bốn");
  add_item (other, PLAN_ITEM_POINT, NULL, "Điểm năm");
  add_item (other, PLAN_ITEM_POINT, NULL, "Điểm sáu");
  add_item (other, PLAN_ITEM_POINT, NULL, "Điểm bảy");
  g_object_set (add_item (other, PLAN_ITEM_POINT, NULL, "Điểm tám"), "marker", "f.", NULL);

  six = add_item (section, PLAN_ITEM_NUMBERED, NULL, "Tổ chức");
  g_object_set (six, "marker", "6.", NULL);
  g_object_set (add_item (six, PLAN_ITEM_NUMBERED, NULL, "Kiểm tra"),
                "marker-format", PLAN_MARKER_DECIMAL_NESTED, "marker-suffix", "", NULL);
  point = add_item (six, PLAN_ITEM_NUMBERED, NULL, "Báo cáo");
  g_object_set (add_item (point, PLAN_ITEM_POINT, NULL, "Việc một"),
                "marker-format", PLAN_MARKER_LETTER, "marker-suffix", "/.", NULL);
  add_item (point, PLAN_ITEM_POINT, NULL, "Việc hai");

  pdf = rt_export (document, &layout);
  rt_save_artifacts (layout, "markers-as-written");
  text = rt_document_text (pdf);
  {
    const char *p = text;

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        p = strstr (p, expected[i]);
        if (p == NULL)
          g_error ("“%s” is missing or out of order in:\n%s", expected[i], text);
      }
  }
  g_assert_null (strstr (text, "e. Điểm tám"));
  g_assert_null (strstr (text, "3. Tổ chức"));

  /* Printed where computed markers are: same indent as the list's other points */
  page = poppler_document_get_page (pdf, 0);
  g_assert_true (rt_find (page, "a. Điểm ba", &first_point));
  g_assert_true (rt_find (page, "f. Điểm tám", &kept));
  g_assert_cmpfloat (fabs (first_point.x1 - kept.x1), <, 0.5);
  g_assert_null (strstr (kept.font, "Bold"));
  /* "6.1" is a numbered item: bold when it has a heading, plain here, at the numbered indent */
  g_assert_true (rt_find (page, "6.1 Kiểm tra", &nested));
  g_assert_true (rt_find (page, "2. Mục tiêu riêng", &plain_numbered));
  g_assert_cmpfloat (fabs (nested.x1 - plain_numbered.x1), <, 0.5);
}

static PlanParagraph *
add_formed (GListModel    *paragraphs,
            const char    *plain,
            PlanAlignment  alignment,
            gboolean       indent)
{
  g_autoptr(PlanParagraph) paragraph = plan_paragraph_new_plain (plain);

  g_object_set (paragraph, "alignment", alignment, "indent", indent, NULL);
  g_list_store_append (G_LIST_STORE (paragraphs), paragraph);
  return paragraph;
}

/* The horizontal extent of the printed characters of the line that holds @span */
static void
line_extent (PopplerPage  *page,
             const RtSpan *span,
             double       *x1,
             double       *x2)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  const char *p = text;
  double middle = (span->y1 + span->y2) / 2;

  *x1 = G_MAXDOUBLE;
  *x2 = -G_MAXDOUBLE;
  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  for (guint i = 0; i < n_rects && *p != '\0'; i++, p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)) && rects[i].y1 < middle && rects[i].y2 > middle)
      {
        *x1 = MIN (*x1, rects[i].x1);
        *x2 = MAX (*x2, rects[i].x2);
      }
}

static void
assert_line_centred (PopplerPage *page,
                     const char  *needle)
{
  g_auto(RtSpan) span = { 0, };
  double centre = (AREA_LEFT + AREA_RIGHT) / 2;
  double x1, x2;

  g_assert_true (rt_find (page, needle, &span));
  line_extent (page, &span, &x1, &x2);
  g_test_message ("line of “%s” centred %.2f mm off", needle, MM ((x1 + x2) / 2 - centre));
  g_assert_cmpfloat (fabs ((x1 + x2) / 2 - centre), <, PLAN_MM_TO_PT (1));
}

static void
assert_centred (PopplerPage *page,
                const char  *needle)
{
  g_auto(RtSpan) span = { 0, };
  double centre = (AREA_LEFT + AREA_RIGHT) / 2;

  g_assert_true (rt_find (page, needle, &span));
  g_test_message ("“%s” centred %.2f mm off", needle, MM ((span.x1 + span.x2) / 2 - centre));
  g_assert_cmpfloat (fabs ((span.x1 + span.x2) / 2 - centre), <, PLAN_MM_TO_PT (1));
}

static void
assert_right (PopplerPage *page,
              const char  *needle)
{
  g_auto(RtSpan) span = { 0, };

  g_assert_true (rt_find (page, needle, &span));
  g_test_message ("“%s” ends %.2f mm from the right margin", needle, MM (AREA_RIGHT - span.x2));
  g_assert_cmpfloat (fabs (span.x2 - AREA_RIGHT), <, PLAN_MM_TO_PT (1));
}

/* Paragraph form: centred sub-titles and "QUYẾT ĐỊNH:", a right-aligned signature block at the
 * end of an appendix form (second line italic), paragraphs without a first-line indent, and
 * lines under the signer's name in bold as written. Every line measured within 1 mm. */
static void
test_paragraph_form (void)
{
  g_autoptr(PlanDocument) document = rt_document_new ();
  g_autoptr(PlanLayout) layout = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autoptr(PopplerPage) appendix_page = NULL;
  g_auto(RtSpan) indented = { 0, }, flush = { 0, }, notes = { 0, }, italic = { 0, };
  g_auto(RtSpan) wrapped_first = { 0, };
  PlanItem *section, *paragraphs;
  PlanAppendix *appendix;
  g_autoptr(PlanItem) form = plan_item_new (PLAN_ITEM_PARAGRAPH, NULL);
  GListModel *list;
  double indent = PLAN_MM_TO_PT (plan_document_get_first_line_indent (document));

  section = rt_append_body (document, plan_item_new (PLAN_ITEM_SECTION, "Nội dung"));
  paragraphs = add_item (section, PLAN_ITEM_PARAGRAPH, NULL, "Đoạn thụt đầu dòng như thường lệ.");
  list = plan_item_get_paragraphs (paragraphs);
  add_formed (list, "QUYẾT ĐỊNH:", PLAN_ALIGN_CENTER, TRUE);
  add_formed (list, "Đoạn không thụt đầu dòng.", PLAN_ALIGN_JUSTIFY, FALSE);
  add_formed (list, "Một dòng canh phải", PLAN_ALIGN_RIGHT, TRUE);
  add_formed (list, "Khối canh giữa nhiều dòng, dòng này đủ dài để xuống dòng thêm một lần nữa "
              "khi in ra giấy khổ A4 với lề trái ba mươi mi-li-mét", PLAN_ALIGN_CENTER, TRUE);
  g_object_set (document, "signer-notes", "Chủ tịch Hội đồng", "signer-notes-bold", TRUE, NULL);

  appendix = rt_append_appendix (document, plan_appendix_new ("Biểu mẫu báo cáo"));
  list = plan_item_get_paragraphs (form);
  add_formed (list, "BÁO CÁO\nTÌNH HÌNH THỰC HIỆN KẾ HOẠCH", PLAN_ALIGN_CENTER, FALSE);
  add_formed (list, "Tên đơn vị: Trường THCS Lý Tự Trọng", PLAN_ALIGN_LEFT, FALSE);
  {
    g_autoptr(PlanParagraph) signature = plan_paragraph_new (NULL);
    g_autoptr(PlanText) text = NULL;
    const PlanRun runs[] = {
      { "LÃNH ĐẠO ĐƠN VỊ\n", PLAN_STYLE_BOLD },
      { "(Ký tên, đóng dấu)", PLAN_STYLE_ITALIC },
    };

    text = plan_text_new_from_runs (runs, G_N_ELEMENTS (runs));
    g_object_set (signature, "text", text, "alignment", PLAN_ALIGN_RIGHT, NULL);
    g_list_store_append (G_LIST_STORE (list), signature);
  }
  g_list_store_append (G_LIST_STORE (plan_appendix_get_content (appendix)), form);

  pdf = rt_export (document, &layout);
  rt_save_artifacts (layout, "paragraph-form");
  page = poppler_document_get_page (pdf, 0);

  assert_centred (page, "QUYẾT ĐỊNH:");
  assert_right (page, "Một dòng canh phải");
  /* every line of a centred block that wraps is centred */
  g_assert_true (rt_find (page, "Khối canh giữa", &wrapped_first));
  {
    g_autofree char *last_line = NULL;
    g_auto(RtSpan) last = { 0, };

    assert_line_centred (page, "Khối canh giữa");
    assert_line_centred (page, "ba mươi mi-li-mét");
    g_assert_true (rt_find (page, "ba mươi mi-li-mét", &last));
    g_assert_cmpfloat (last.y1, >, wrapped_first.y2);
    last_line = rt_text_in_area (page, AREA_LEFT, last.y1, AREA_RIGHT, last.y2);
    g_test_message ("last line of the centred block: %s", last_line);
  }
  g_assert_true (rt_find (page, "Đoạn thụt đầu dòng", &indented));
  g_assert_true (rt_find (page, "Đoạn không thụt", &flush));
  g_assert_cmpfloat (fabs (indented.x1 - AREA_LEFT - indent), <, 0.5);
  g_assert_cmpfloat (fabs (flush.x1 - AREA_LEFT), <, 0.5);
  g_assert_true (rt_find (page, "Chủ tịch Hội đồng", &notes));
  g_assert_nonnull (strstr (notes.font, "Bold"));

  for (int i = 1; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(PopplerPage) candidate = poppler_document_get_page (pdf, i);
      g_auto(RtSpan) probe = { 0, };

      if (rt_find (candidate, "BÁO CÁO", &probe))
        appendix_page = g_object_ref (candidate);
    }
  g_assert_nonnull (appendix_page);
  assert_centred (appendix_page, "BÁO CÁO");
  assert_centred (appendix_page, "TÌNH HÌNH THỰC HIỆN KẾ HOẠCH");
  assert_right (appendix_page, "LÃNH ĐẠO ĐƠN VỊ");
  assert_right (appendix_page, "(Ký tên, đóng dấu)");
  g_assert_true (rt_find (appendix_page, "(Ký tên", &italic));
  g_assert_nonnull (strstr (italic.font, "Italic"));
  g_assert_true (rt_find (appendix_page, "Tên đơn vị:", &flush));
  g_assert_cmpfloat (fabs (flush.x1 - AREA_LEFT), <, 0.5);
}

static void
test_preamble_italic (void)
{
  g_autoptr(PlanDocument) document = rt_document_new ();
  g_autoptr(PlanParagraph) basis = plan_paragraph_new_plain ("Căn cứ Luật Giáo dục năm 2019;");
  g_autoptr(PlanParagraph) other = plan_paragraph_new_plain ("Thực hiện Kế hoạch số 78/KH-PGD&ĐT;");
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_auto(RtSpan) span1 = { 0, }, span2 = { 0, };

  plan_document_insert (document, plan_document_get_preamble (document), 0, basis);
  plan_document_insert (document, plan_document_get_preamble (document), 1, other);
  add_paragraphs (document, 1);
  pdf = rt_export (document, NULL);
  page = poppler_document_get_page (pdf, 0);
  g_assert_true (rt_find (page, "Căn cứ Luật", &span1));
  g_assert_true (rt_find (page, "Thực hiện Kế", &span2));
  g_assert_nonnull (strstr (span1.font, "Italic"));
  g_assert_null (strstr (span2.font, "Italic"));
}

static void
test_soft_break (void)
{
  g_autoptr(PlanDocument) document = rt_document_new ();
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_auto(RtSpan) first = { 0, }, before = { 0, }, after = { 0, };
  PlanItem *item = rt_append_body (document, plan_item_new (PLAN_ITEM_PARAGRAPH, NULL));
  double indent = PLAN_MM_TO_PT (plan_document_get_first_line_indent (document));

  plan_item_append_paragraph (item, "Dòng đầu của đoạn có ngắt mềm và khá dài để xem dòng có bị "
                                    "giãn đều hay không khi ngắt\nDòng sau ngắt mềm.");
  pdf = rt_export (document, NULL);
  page = poppler_document_get_page (pdf, 0);

  g_assert_true (rt_find (page, "Dòng đầu", &first));
  g_assert_true (rt_find (page, "không khi ngắt", &before));
  g_assert_true (rt_find (page, "Dòng sau", &after));
  /* The first line indented, the line after the break flush left, on the next line */
  g_assert_cmpfloat (fabs (first.x1 - AREA_LEFT - indent), <, 0.5);
  g_assert_cmpfloat (fabs (after.x1 - AREA_LEFT), <, 0.5);
  g_assert_cmpfloat (after.y1, >, before.y2 - 1);
  /* The line before the break is not stretched across the page */
  g_assert_cmpfloat (before.x2 - before.x1, <, 150);
}

static void
test_heading_kept_with_next (void)
{
  g_autoptr(PlanDocument) document = rt_document_new ();
  g_autoptr(PlanLayout) layout = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  gboolean tested = FALSE;

  /* Put a heading at every possible height of page 1's bottom: it must never end a page. */
  for (guint n = 8; n < 20; n++)
    {
      g_autoptr(PlanDocument) doc = rt_document_new ();
      PlanItem *section;

      add_paragraphs (doc, n);
      section = rt_append_body (doc, plan_item_new (PLAN_ITEM_SECTION, "Tổ chức thực hiện"));
      plan_item_append_paragraph (section, lorem);
      g_clear_object (&layout);
      g_clear_object (&pdf);
      pdf = rt_export (doc, &layout);
      for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
        {
          g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
          g_autofree char *text = poppler_page_get_text (page);
          g_auto(RtSpan) heading = { 0, };
          const char *after;

          if (!rt_find (page, "II. TỔ CHỨC THỰC HIỆN", &heading) &&
              !rt_find (page, "I. TỔ CHỨC THỰC HIỆN", &heading))
            continue;
          /* Something of the section's paragraph follows on the same page */
          after = strstr (text, "THỰC HIỆN");
          g_assert_nonnull (strstr (after, "Tuyên truyền"));
          if (i > 0)
            tested = TRUE;   /* the heading went over a page break at least once */
        }
    }
  g_assert_true (tested);
}

static void
test_closing_kept_together (void)
{
  gboolean moved = FALSE;

  /* Grow the body until the closing block no longer fits on page 1. */
  for (guint n = 8; n < 20 && !moved; n++)
    {
      g_autoptr(PlanDocument) document = rt_document_new ();
      g_autoptr(PlanLayout) layout = NULL;
      g_autoptr(PopplerDocument) pdf = NULL;
      g_autoptr(PopplerPage) last = NULL;
      g_auto(RtSpan) label = { 0, }, signer = { 0, }, name = { 0, };
      g_autofree char *last_text = NULL;

      add_paragraphs (document, n);
      pdf = rt_export (document, &layout);
      last = poppler_document_get_page (pdf, poppler_document_get_n_pages (pdf) - 1);
      last_text = poppler_page_get_text (last);

      /* Label, signer and name always on the same (last) page */
      g_assert_true (rt_find (last, "Nơi nhận:", &label));
      g_assert_true (rt_find (last, "HIỆU TRƯỞNG", &signer));
      g_assert_true (rt_find (last, "Bùi Hoàng Anh", &name));
      g_assert_true (rt_find (last, "- Lưu: VT, TCCB.", &label) || TRUE);
      /* "Nơi nhận:" level with the signer's first line (same baseline, smaller type) */
      rt_span_clear (&label);
      g_assert_true (rt_find (last, "Nơi nhận:", &label));
      g_assert_cmpfloat_with_epsilon (label.size, 12, 0.05);
      g_assert_nonnull (strstr (label.font, "BoldItalic"));
      g_assert_cmpfloat (fabs (label.y2 - signer.y2), <, 1.5);
      g_assert_cmpfloat (name.y1 - signer.y2, >, PLAN_MM_TO_PT (20));

      if (poppler_document_get_n_pages (pdf) > 1)
        {
          /* At least two lines of the body came along: text above the label on the page */
          g_auto(RtSpan) body = { 0, };
          g_autofree char *last_word = g_strdup_printf ("Đoạn%03u", n - 1);

          moved = TRUE;
          rt_save_artifacts (layout, "closing-moved");
          g_assert_true (rt_find (last, "trường./.", &body));
          g_assert_cmpfloat (body.y1, >, AREA_TOP - 3);
          g_assert_cmpfloat (label.y1 - AREA_TOP, >, 2 * 14);
          (void)last_word;
        }
    }
  g_assert_true (moved);
}

/* Light grey pixels (the watermark's, not the black text's) on a page rendered at 1 px/pt */
static guint
count_grey_pixels (PlanLayout *layout,
                   guint       page)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 596, 842);
  cairo_t *cr = cairo_create (surface);
  guint count = 0;

  plan_layout_draw_page (layout, cr, page);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (int y = 0; y < 842; y++)
    for (int x = 0; x < 596; x++)
      {
        guint32 pixel = *(guint32 *)(cairo_image_surface_get_data (surface) +
                                     y * cairo_image_surface_get_stride (surface) + x * 4);
        guint r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

        if (r == g && g == b && r >= 216 && r <= 218)
          count++;
      }
  cairo_surface_destroy (surface);

  return count;
}

static void
test_watermark (void)
{
  g_autoptr(PlanLayout) plain_layout = NULL;
  g_autoptr(PopplerDocument) plain_pdf = NULL;

  for (guint draft = 0; draft <= 1; draft++)
    {
      g_autoptr(PlanDocument) document = rt_document_new ();
      g_autoptr(PlanLayout) layout = NULL;
      g_autoptr(PopplerDocument) pdf = NULL;
      g_autofree char *text = NULL;
      int n_pages;

      add_paragraphs (document, 20);
      g_object_set (document, "draft-watermark", (gboolean)draft, NULL);
      pdf = rt_export (document, &layout);
      n_pages = poppler_document_get_n_pages (pdf);
      g_assert_cmpint (n_pages, >=, 2);
      text = rt_document_text (pdf);
      /* Never in the text that can be copied */
      g_assert_null (strstr (text, "THẢO"));
      g_assert_null (strstr (text, "DỰ"));

      if (!draft)
        {
          plain_layout = g_steal_pointer (&layout);
          plain_pdf = g_steal_pointer (&pdf);
          continue;
        }

      /* Same pages, and on every one of them the light grey of the watermark */
      rt_save_artifacts (layout, "watermark");
      g_assert_cmpint (n_pages, ==, poppler_document_get_n_pages (plain_pdf));
      for (int i = 0; i < n_pages; i++)
        {
          guint with = count_grey_pixels (layout, i);
          guint without = count_grey_pixels (plain_layout, i);

          g_test_message ("page %d: %u watermark-grey pixels, %u without", i + 1, with, without);
          g_assert_cmpuint (with, >, without + 5000);
        }
    }
}

static void
test_fonts_and_metadata (void)
{
  g_autoptr(PlanDocument) document = rt_document_new ();
  g_autoptr(PopplerDocument) pdf = NULL;
  PopplerFontInfo *info;
  PopplerFontsIter *iter = NULL;
  g_autofree char *title = NULL, *author = NULL, *creator = NULL, *subject = NULL;
  g_autofree char *family = g_strdup (plan_fonts_get_family ());
  g_autofree char *version = NULL;
  guint n_fonts = 0;

  add_paragraphs (document, 3);
  pdf = rt_export (document, NULL);

  info = poppler_font_info_new (pdf);
  while (poppler_font_info_scan (info, 10, &iter))
    {
      if (iter == NULL)
        continue;
      do
        {
          const char *name = poppler_fonts_iter_get_name (iter);
          g_autofree char *squashed = g_strdup (family);

          g_assert_true (poppler_fonts_iter_is_embedded (iter));
          /* "Tinos-Bold", "TimesNewRomanPS-BoldMT", "LiberationSerif-Italic" … */
          g_strdelimit (squashed, " ", '\0');
          g_assert_nonnull (strstr (name, squashed));
          n_fonts++;
        }
      while (poppler_fonts_iter_next (iter));
      g_clear_pointer (&iter, poppler_fonts_iter_free);
    }
  g_object_unref (info);
  g_assert_cmpuint (n_fonts, >=, 3);

  title = poppler_document_get_title (pdf);
  author = poppler_document_get_author (pdf);
  creator = poppler_document_get_creator (pdf);
  subject = poppler_document_get_subject (pdf);
  g_assert_cmpstr (title, ==, "KẾ HOẠCH Tuyên truyền cải cách hành chính năm 2022");
  g_assert_cmpstr (author, ==, "Trường THCS Lý Tự Trọng");
  g_assert_cmpstr (creator, ==, "Kế hoạch " PACKAGE_VERSION);
  g_assert_nonnull (strstr (subject, plan_fonts_get_family ()));
  version = poppler_document_get_pdf_version_string (pdf);
  g_assert_cmpstr (version, >=, "PDF-1.5");
}

static void
test_incremental (void)
{
  g_autoptr(PlanDocument) document = rt_document_new ();
  g_autoptr(PlanLayout) layout = plan_layout_new (document);
  g_autoptr(PlanParagraph) paragraph = NULL;
  g_autoptr(PlanText) edited = plan_text_new ("Đoạn đã sửa.");
  PlanItem *item;
  guint n_pages, updated = 0;
  gint64 start, elapsed;

  add_paragraphs (document, 40);
  item = g_list_model_get_item (plan_document_get_body (document), 10);
  paragraph = g_list_model_get_item (plan_item_get_paragraphs (item), 0);
  g_object_unref (item);

  g_signal_connect_swapped (layout, "updated", G_CALLBACK (g_atomic_int_inc), &updated);
  plan_layout_update (layout);
  n_pages = plan_layout_get_n_pages (layout);
  g_assert_cmpuint (updated, ==, 1);

  /* Nothing changed: nothing to do */
  plan_layout_update (layout);
  g_assert_cmpuint (updated, ==, 1);

  /* One edit: laid out again, fast, and the paragraph's page is known */
  plan_document_set (document, paragraph, "text", edited, NULL);
  start = g_get_monotonic_time ();
  plan_layout_update (layout);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("re-layout after one edit: %.2f ms", elapsed / 1000.0);
  g_assert_cmpuint (updated, ==, 2);
  g_assert_cmpint (elapsed, <, 50 * 1000);
  g_assert_cmpuint (plan_layout_get_n_pages (layout), <=, n_pages);
  g_assert_cmpint (plan_layout_find_page (layout, paragraph), >=, 0);
  g_assert_cmpint (plan_layout_find_page (layout, document), ==, 0);
  g_assert_cmpint (plan_layout_find_page (layout, layout), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/header", test_header);
  g_test_add_func ("/render/margins-and-page-numbers", test_margins_and_page_numbers);
  g_test_add_func ("/render/words-once-in-order", test_words_once_in_order);
  g_test_add_func ("/render/outline", test_outline);
  g_test_add_func ("/render/markers-as-written", test_markers_as_written);
  g_test_add_func ("/render/paragraph-form", test_paragraph_form);
  g_test_add_func ("/render/preamble-italic", test_preamble_italic);
  g_test_add_func ("/render/soft-break", test_soft_break);
  g_test_add_func ("/render/heading-kept-with-next", test_heading_kept_with_next);
  g_test_add_func ("/render/closing-kept-together", test_closing_kept_together);
  g_test_add_func ("/render/watermark", test_watermark);
  g_test_add_func ("/render/fonts-and-metadata", test_fonts_and_metadata);
  g_test_add_func ("/render/incremental", test_incremental);

  return g_test_run ();
}
