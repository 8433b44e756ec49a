/* test-render-forms.c: the forms real plans take (issue 15), read back from the PDF with
 * poppler and pdftotext: symbols and dates never cut at a line's end, recipients' punctuation,
 * the blank date, centred blocks, dotted leaders, the Tiêu ngữ, PNG export edges
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "plan-block-builder.h"
#include "plan-json.h"
#include "plan-layout-cache.h"
#include "plan-line-breaks.h"
#include "plan-units.h"
#include "render-test-util.h"

static const char * const symbols[] = {
  "1050/QĐ-SCT", "25/KH-THCS", "IV/2013", "12/6/2025", "NĐ-CP", "11-CT/TU",
  "30/2020/NĐ-CP", "3024/KH-UBND",
};

static const char *filler =
  "Thực hiện chỉ đạo của cấp trên về việc triển khai các nhiệm vụ trọng tâm trong năm học mới "
  "và theo hướng dẫn của các cơ quan có liên quan đến công tác này";

/* The first @n_words words of the filler */
static char *
filler_words (guint n_words)
{
  g_auto(GStrv) words = g_strsplit (filler, " ", -1);
  guint n = MIN (n_words, g_strv_length (words));
  g_autofree char *last = n < g_strv_length (words) ? words[n] : NULL;

  if (last != NULL)
    words[n] = NULL;
  {
    char *joined = g_strjoinv (" ", words);

    if (last != NULL)
      words[n] = g_steal_pointer (&last);
    return joined;
  }
}

/* Every occurrence of @symbol in the PDF's pages: all its characters on one line (poppler's
 * boxes), and pdftotext reads it whole, with no stray character. Returns the count found. */
static guint
check_symbol_whole (PopplerDocument *pdf,
                    const char      *symbol)
{
  g_autofree char *text = rt_document_text (pdf);
  guint found = 0, pdftotext_count = 0;
  glong length = g_utf8_strlen (symbol, -1);

  for (const char *p = strstr (text, symbol); p != NULL; p = strstr (p + 1, symbol))
    pdftotext_count++;

  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *page_text = poppler_page_get_text (page);
      g_autofree char *nfc = g_utf8_normalize (page_text, -1, G_NORMALIZE_NFC);
      PopplerRectangle *rects = NULL;
      guint n_rects = 0;

      g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
      for (const char *p = strstr (nfc, symbol); p != NULL; p = strstr (p + 1, symbol))
        {
          glong start = g_utf8_pointer_to_offset (nfc, p);

          g_assert_cmpint (start + length, <=, n_rects);
          for (glong c = start + 1; c < start + length; c++)
            g_assert_cmpfloat (fabs (rects[c].y1 - rects[start].y1), <, 1);
          found++;
        }
      g_free (rects);
    }

  g_assert_cmpuint (pdftotext_count, ==, found);
  return found;
}

/* The symbol is moved word by word along the first line, so that in some paragraphs it
 * straddles the right margin: there Pango would break after its "/" or "-". */
static void
test_symbols_whole (void)
{
  g_autoptr(PlanDocument) document = rt_document_new ();
  g_autoptr(PlanLayout) layout = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  GListModel *recipients = plan_document_get_recipients (document);
  PlanTable *table = plan_table_new (3);
  guint n_variants = 0;

  for (guint s = 0; s < G_N_ELEMENTS (symbols); s++)
    for (guint k = 8; k < 20; k++, n_variants++)
      {
        g_autofree char *words = filler_words (k);
        g_autofree char *body = g_strdup_printf ("%s %s của cơ quan.", words, symbols[s]);
        PlanItem *item = rt_append_body (document, plan_item_new (PLAN_ITEM_PARAGRAPH, NULL));

        plan_item_append_paragraph (item, body);
      }

  /* The preamble, the recipients (11 pt in 40 % of the width) and table cells */
  for (guint s = 0; s < G_N_ELEMENTS (symbols); s++)
    for (guint k = 8; k < 14; k++)
      {
        g_autofree char *words = filler_words (k);
        g_autofree char *line = g_strdup_printf ("Căn cứ %s số %s;", words, symbols[s]);
        g_autoptr(PlanParagraph) paragraph = plan_paragraph_new_plain (line);
        GListModel *preamble = plan_document_get_preamble (document);

        plan_document_insert (document, preamble, g_list_model_get_n_items (preamble), paragraph);
      }
  for (guint s = 0; s < G_N_ELEMENTS (symbols); s++)
    for (guint k = 1; k < 6; k++)
      {
        g_autofree char *words = filler_words (k);
        g_autofree char *name = g_strdup_printf ("%s %s", words, symbols[s]);
        g_autoptr(PlanRecipient) recipient = plan_recipient_new (name, "t/h");

        plan_document_insert (document, recipients, g_list_model_get_n_items (recipients), recipient);
      }
  for (guint s = 0; s < G_N_ELEMENTS (symbols); s++)
    for (guint k = 1; k < 9; k++)
      {
        g_autofree char *words = filler_words (k);
        g_autofree char *cell = g_strdup_printf ("%s %s", words, symbols[s]);
        PlanRow *row = plan_table_append_row (table);

        for (guint c = 0; c < 3; c++)
          g_object_set (plan_row_get_cell (row, c), "text", cell, NULL);
      }
  rt_append_body (document, plan_item_new_table (table));
  g_object_unref (table);

  pdf = rt_export (document, &layout);
  rt_save_artifacts (layout, "symbols");

  for (guint s = 0; s < G_N_ELEMENTS (symbols); s++)
    {
      guint found = check_symbol_whole (pdf, symbols[s]);

      guint expected = 12 + 6 + 5 + 8 * 3;

      /* "Số: 25/KH-THCS" in the header; "NĐ-CP" is also inside "30/2020/NĐ-CP" */
      if (g_strcmp0 (symbols[s], "25/KH-THCS") == 0)
        expected++;
      if (g_strcmp0 (symbols[s], "NĐ-CP") == 0)
        expected *= 2;
      g_test_message ("%s: %u", symbols[s], found);
      g_assert_cmpuint (found, ==, expected);
    }
}

/* A symbol wider than its column still wraps inside it, as any long word does. */
static void
test_symbol_wider_than_column (void)
{
  g_autoptr(PlanLayoutCache) cache = plan_layout_cache_new ();
  PlanTextStyle style = { 0, };
  PlanTextBlock *block;

  style.size = 12;
  style.alignment = PANGO_ALIGN_LEFT;
  style.width = 300;
  block = plan_layout_cache_get_plain (cache, &style, "Số 1050/QĐ-SCT");
  g_assert_cmpuint (plan_text_block_get_n_lines (block), ==, 1);

  /* "Số" then the symbol moves whole to the second line */
  style.width = 75;
  block = plan_layout_cache_get_plain (cache, &style, "Số 1050/QĐ-SCT");
  g_assert_cmpuint (plan_text_block_get_n_lines (block), ==, 2);
  g_assert_cmpfloat (plan_text_block_get_line (block, 1)->width, >, 55);

  style.width = 30;
  block = plan_layout_cache_get_plain (cache, &style, "1050/QĐ-SCT");
  g_assert_cmpuint (plan_text_block_get_n_lines (block), >, 1);
  g_assert_cmpfloat (plan_text_block_get_text_width (block), <=, 30.5);
}

/* The ranges kept whole, as text */
static char *
kept_tokens (const char *text)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  GSList *list;

  plan_line_breaks_keep_tokens (attrs, text, strlen (text));
  list = pango_attr_list_get_attributes (attrs);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      g_assert_cmpint (attr->klass->type, ==, PANGO_ATTR_ALLOW_BREAKS);
      g_assert_false (((PangoAttrInt *)attr)->value);
      if (out->len > 0)
        g_string_append_c (out, '|');
      g_string_append_len (out, text + attr->start_index, attr->end_index - attr->start_index);
    }
  g_slist_free_full (list, (GDestroyNotify)pango_attribute_destroy);
  pango_attr_list_unref (attrs);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_tokens (void)
{
  static const struct {
    const char *text;
    const char *kept;
  } cases[] = {
    { "Số: 1050/QĐ-SCT ngày 12/6/2025.", "1050/QĐ-SCT|12/6/2025" },
    { "(Kèm theo Kế hoạch số 25/KH-THCS)", "25/KH-THCS" },
    { "quý IV/2013, Nghị định 30/2020/NĐ-CP;", "IV/2013|30/2020/NĐ-CP" },
    { "Chỉ thị 11-CT/TU, năm học 2025–2026", "11-CT/TU|2025–2026" },
    /* Spaced dashes, lone or trailing joiners and plain words are left alone */
    { "Độc lập - Tự do - Hạnh phúc", "" },
    { "Số:      /KH- THCS, và/hoặc", "và/hoặc" },
    { "a//b, -x, y-", "" },
    { "https://example.com/very/long/path/that/is/not/a/symbol-at-all/of/any/kind", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *kept = kept_tokens (cases[i].text);

      g_assert_cmpstr (kept, ==, cases[i].kept);
    }

  /* Leaders may break before and between their dots, with an empty ZWSP glyph */
  {
    g_autoptr(GString) out = g_string_new (NULL);

    plan_line_breaks_append_opening_leaders (out, "Tên: ..... sở:..... v.v... và …\r\n……./.");
    g_assert_cmpstr (out->str, ==, "Tên: .\u200b.\u200b.\u200b.\u200b. "
                                   "sở:\u200b.\u200b.\u200b.\u200b.\u200b. v.v... và …\n"
                                   "…\u200b…\u200b./.");
  }

  /* Leaders: five dots or more, "…" counting three */
  g_assert_true (plan_line_breaks_has_leader ("Tên Công ty: ……", strlen ("Tên Công ty: ……")));
  g_assert_true (plan_line_breaks_has_leader ("Địa chỉ: .....", strlen ("Địa chỉ: .....")));
  g_assert_true (plan_line_breaks_has_leader ("Số: …..", strlen ("Số: …..")));
  g_assert_false (plan_line_breaks_has_leader ("các môn học, v.v...", strlen ("các môn học, v.v...")));
  g_assert_false (plan_line_breaks_has_leader ("thực hiện./.", strlen ("thực hiện./.")));
  g_assert_false (plan_line_breaks_has_leader ("ngày … tháng …", strlen ("ngày … tháng …")));
}

/* Recipients: our ";" and the final "." only where the line has no punctuation of its own */
static void
test_recipients_punctuation (void)
{
  static const struct {
    const char *name;
    const char *purpose;
    const char *printed;
  } cases[] = {
    { "UBND tỉnh", "b/c", "- UBND tỉnh (b/c);" },
    { "Như trên.", "", "- Như trên." },
    { "Các phòng chuyên môn;", "", "- Các phòng chuyên môn;" },
    { "Sở Tài chính:", "", "- Sở Tài chính:" },
    { "Trường THCS A", "để thực hiện.", "- Trường THCS A (để thực hiện.);" },
    { "Ban Giám hiệu  ", " ", "- Ban Giám hiệu;" },
    { "Các tổ (chuyên môn)", "", "- Các tổ (chuyên môn);" },
    { "Cổng thông tin…", "", "- Cổng thông tin…" },
    { "Đoàn trường,", "", "- Đoàn trường," },
  };
  static const struct {
    const char *archive;
    const char *printed;
  } archives[] = {
    { "VT, TCCB;", "- Lưu: VT, TCCB." },
    { "VT.", "- Lưu: VT." },
    { "VT, VP ", "- Lưu: VT, VP." },
    { "", "- Lưu: VT." },
  };

  for (guint a = 0; a < G_N_ELEMENTS (archives); a++)
    {
      g_autoptr(PlanDocument) document = rt_document_new ();
      GListModel *recipients = plan_document_get_recipients (document);
      g_autoptr(PopplerDocument) pdf = NULL;
      g_autoptr(PlanLayout) layout = NULL;
      g_autofree char *text = NULL;
      g_autofree char *closing = NULL;
      PlanItem *item = rt_append_body (document, plan_item_new (PLAN_ITEM_PARAGRAPH, NULL));

      plan_item_append_paragraph (item, "Nội dung.");
      while (g_list_model_get_n_items (recipients) > 0)
        plan_document_remove (document, recipients, 0);
      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          g_autoptr(PlanRecipient) recipient = plan_recipient_new (cases[i].name, cases[i].purpose);

          plan_document_insert (document, recipients, i, recipient);
        }
      g_object_set (document, "archive", archives[a].archive, NULL);

      pdf = rt_export (document, &layout);
      if (a == 0)
        rt_save_artifacts (layout, "recipients");
      text = rt_document_text (pdf);
      closing = g_strdup (strstr (text, "Nơi nhận:"));
      g_assert_nonnull (closing);

      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          g_autofree char *line = g_strconcat ("\n", cases[i].printed, "\n", NULL);

          if (strstr (closing, line) == NULL)
            g_error ("“%s” not printed as a line in:\n%s", cases[i].printed, closing);
        }
      g_assert_nonnull (strstr (closing, archives[a].printed));
      for (const char *p = closing; *p != '\0'; p++)
        g_assert_false (strchr (".;:,", p[0]) != NULL && p[1] == ';');
      g_assert_null (strstr (closing, "Lưu: VT, TCCB;"));
    }
}

/* Width of @text in the header's date style (13 pt italic) */
static double
date_text_width (const char *text)
{
  g_autoptr(PlanLayoutCache) cache = plan_layout_cache_new ();
  PlanTextStyle style = { 0, };

  style.size = 13;
  style.style = PLAN_STYLE_ITALIC;
  style.alignment = PANGO_ALIGN_LEFT;
  style.width = 1000;
  return plan_text_block_get_text_width (plan_layout_cache_get_plain (cache, &style, text));
}

/* A day or month left for the văn thư is blank space, as wide as offices leave it, not "…" */
static void
test_blank_date (void)
{
  static const struct {
    guint month, day;
    const char *before, *after;
  } cases[] = {
    { 5, 0, "Hạ Long, ngày", "tháng 5 năm 2026" },
    { 0, 0, "Hạ Long, ngày", "tháng" },
    { 0, 0, "tháng", "năm 2026" },
  };
  /* The blank between the words: 8 spaces (6 for the digits and the two around them) */
  double blank = date_text_width ("ngày        tháng") - date_text_width ("ngày") -
                 date_text_width ("tháng");

  g_assert_cmpfloat (PLAN_PT_TO_MM (blank), >, 8);
  g_assert_cmpfloat (PLAN_PT_TO_MM (blank), <, 11);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PlanDocument) document = rt_document_new ();
      g_autoptr(PlanLayout) layout = NULL;
      g_autoptr(PopplerDocument) pdf = NULL;
      g_autoptr(PopplerPage) page = NULL;
      g_auto(RtSpan) before = { 0, }, after = { 0, }, number = { 0, }, type = { 0, };
      g_autofree char *header = NULL;
      g_autofree char *text = NULL;

      g_object_set (document, "date-year", 2026, "date-month", cases[i].month,
                    "date-day", cases[i].day, "number", 0, NULL);
      plan_item_append_paragraph (rt_append_body (document, plan_item_new (PLAN_ITEM_PARAGRAPH, NULL)),
                                  "Nội dung.");
      pdf = rt_export (document, &layout);
      if (i == 1)
        rt_save_artifacts (layout, "blank-date");
      page = poppler_document_get_page (pdf, 0);
      g_assert_true (rt_find (page, cases[i].before, &before));
      g_assert_true (rt_find (page, cases[i].after, &after));
      g_assert_true (rt_find (page, "KẾ HOẠCH", &type));
      /* On one baseline, the blank between them */
      g_assert_cmpfloat (fabs (before.y2 - after.y2), <, 0.1);
      g_test_message ("gap %.2f pt, expected %.2f", after.x1 - before.x2, blank);
      g_assert_cmpfloat (fabs (after.x1 - before.x2 - blank), <, 1);

      /* No "…" in the header (a blank number is blank too) */
      text = rt_document_text (pdf);
      header = g_strndup (text, strstr (text, "KẾ HOẠCH") - text);
      g_assert_null (strstr (header, "…"));
      g_assert_true (rt_find (page, "/KH-THCS", &number));
    }
}

typedef struct {
  double x1, x2, y;
  char  *text;   /* without spaces */
} Line;

static void
line_clear (gpointer data)
{
  g_free (((Line *)data)->text);
}

/* The text lines poppler reads on @page, with their horizontal extent; a line is cut where
 * its characters are more than 8 pt apart (two columns side by side) */
static GArray *
page_lines (PopplerPage *page)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_autofree char *raw = poppler_page_get_text (page);
  PopplerRectangle *rects = NULL;
  guint n_rects = 0, i = 0;
  Line line = { G_MAXDOUBLE, -G_MAXDOUBLE, 0, NULL };
  g_autoptr(GString) text = g_string_new (NULL);

  g_array_set_clear_func (lines, line_clear);
  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  for (const char *p = raw; i < n_rects; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\0')
        {
          if (text->len > 0)
            {
              line.text = g_utf8_normalize (text->str, -1, G_NORMALIZE_NFC);
              g_array_append_val (lines, line);
            }
          line.x1 = G_MAXDOUBLE;
          line.x2 = -G_MAXDOUBLE;
          g_string_set_size (text, 0);
          if (c == '\0')
            break;
          continue;
        }
      if (g_unichar_isspace (c))
        continue;
      /* Poppler joins the header's two columns into one line: a wide gap starts a new piece */
      if (text->len > 0 && (rects[i].x1 - line.x2 > 8 || fabs (rects[i].y2 - line.y) > 2))
        {
          line.text = g_utf8_normalize (text->str, -1, G_NORMALIZE_NFC);
          g_array_append_val (lines, line);
          line.x1 = G_MAXDOUBLE;
          line.x2 = -G_MAXDOUBLE;
          g_string_set_size (text, 0);
        }
      line.x1 = MIN (line.x1, rects[i].x1);
      line.x2 = MAX (line.x2, rects[i].x2);
      line.y = rects[i].y2;
      g_string_append_unichar (text, c);
    }
  if (text->len > 0)
    {
      line.text = g_utf8_normalize (text->str, -1, G_NORMALIZE_NFC);
      g_array_append_val (lines, line);
    }
  g_free (rects);

  return lines;
}

static char *
without_spaces (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Every printed line of @block (as printed: capitals where the plan prints capitals) has its
 * centre within 1 mm of @centre; the lines found together hold the whole block. Returns the
 * number of lines. */
static guint
assert_centred_in (PopplerPage *page,
                   const char  *block,
                   double       centre,
                   double       top,
                   double       bottom)
{
  g_autoptr(GArray) lines = page_lines (page);
  g_autofree char *wanted = without_spaces (block);
  gsize covered = 0;
  guint n_lines = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);

      if (g_utf8_strlen (line->text, -1) < 3 || strstr (wanted, line->text) == NULL ||
          line->y < top || line->y > bottom)
        continue;
      g_test_message ("“%s”: centre %.2f, block centre %.2f", line->text, (line->x1 + line->x2) / 2, centre);
      if (fabs ((line->x1 + line->x2) / 2 - centre) > PLAN_MM_TO_PT (1))
        g_error ("“%s” is centred at %.1f pt, its block at %.1f pt", line->text,
                 (line->x1 + line->x2) / 2, centre);
      covered += strlen (line->text);
      n_lines++;
    }
  if (covered != strlen (wanted))
    g_error ("the lines of “%s” were not all found (%zu of %zu bytes)", block, covered, strlen (wanted));

  return n_lines;
}

static guint
assert_centred (PopplerPage *page,
                const char  *block,
                double       centre)
{
  return assert_centred_in (page, block, centre, 0, G_MAXDOUBLE);
}

static PlanItem *
append_appendix_item (PlanAppendix *appendix,
                         PlanDocument *document)
{
  GListModel *content = plan_appendix_get_content (appendix);
  PlanItem *item = plan_item_new (PLAN_ITEM_PARAGRAPH, NULL);

  plan_document_insert (document, content, g_list_model_get_n_items (content), item);
  g_object_unref (item);
  return item;
}

/* Every centred block of the plan, made to wrap: each of its lines stays centred */
static void
test_centred_blocks (void)
{
  g_autoptr(PlanDocument) document = rt_document_new ();
  g_autoptr(PlanLayout) layout = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) first = NULL;
  g_autoptr(PopplerPage) last = NULL;
  PlanTable *table = rt_table_new (3, 2);
  PlanAppendix *portrait, *landscape;
  PlanItem *part;
  g_auto(RtSpan) national = { 0, }, type = { 0, };
  double left = PLAN_MM_TO_PT (30), right = PLAN_A4_WIDTH_PT - PLAN_MM_TO_PT (15);
  double width = right - left, left_width, right_width;
  int n_pages;

  g_object_set (document,
                "parent-agency", "Ủy ban nhân dân tỉnh Quảng Ninh và các cơ quan trực thuộc",
                "agency", "Sở Giáo dục và Đào tạo tỉnh Quảng Ninh, Phòng Giáo dục thường xuyên",
                "title", "Tuyên truyền cải cách hành chính, chuyển đổi số và xây dựng chính quyền "
                         "điện tử trong các cơ sở giáo dục trên địa bàn tỉnh năm học 2025-2026      \n"
                         "      (dòng gõ riêng)   ",
                "signer-authority", "KT. Giám đốc Sở Giáo dục và Đào tạo tỉnh Quảng Ninh",
                "signer-title", "Phó Giám đốc phụ trách chuyên môn và khảo thí",
                /* Blanks typed at the edges of centred lines do not push them aside */
                "signer-notes", "Ủy viên Ban Thường vụ Tỉnh đoàn        \n\tChủ tịch Hội đồng trường",
                "part-style", PLAN_PART_WORD,
                NULL);
  g_object_set (table,
                "title", "Biểu 01: BÁO CÁO TÌNH HÌNH THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH "
                         "CỦA CÁC ĐƠN VỊ TRỰC THUỘC TRONG NĂM HỌC",
                "note", "(Lưu ý: các đơn vị báo cáo số liệu tính đến hết ngày 31 tháng 5, gửi về "
                        "Văn phòng Sở trước ngày 05 tháng 6 để tổng hợp)",
                NULL);
  part = rt_append_body (document, plan_item_new (PLAN_ITEM_PART,
                                                  "Mục đích, yêu cầu và nội dung trọng tâm của "
                                                  "công tác tuyên truyền trong toàn ngành"));
  plan_item_append_paragraph (part, "Nội dung.");
  rt_append_body (document, plan_item_new_table (table));
  g_object_unref (table);
  portrait = rt_append_appendix (document, plan_appendix_new (
    "DANH SÁCH CÁC ĐƠN VỊ THAM GIA HỘI THI TÌM HIỂU VỀ CẢI CÁCH HÀNH CHÍNH VÀ CHUYỂN ĐỔI SỐ "
    "NĂM HỌC 2025-2026"));
  landscape = rt_append_appendix (document, plan_appendix_new (
    "BẢNG TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH CỦA CÁC ĐƠN VỊ TRỰC "
    "THUỘC TRONG NĂM HỌC 2025-2026 THEO TỪNG LĨNH VỰC"));
  g_object_set (landscape, "orientation", PLAN_ORIENTATION_LANDSCAPE, NULL);
  plan_item_append_paragraph (append_appendix_item (portrait, document), "Nội dung phụ lục.");
  plan_item_append_paragraph (append_appendix_item (landscape, document), "Nội dung phụ lục.");

  pdf = rt_export (document, &layout);
  rt_save_artifacts (layout, "centred");
  first = poppler_document_get_page (pdf, 0);

  /* Header columns: the right one as wide as the Quốc hiệu plus the gutter */
  g_assert_true (rt_find (first, PLAN_NATIONAL_NAME, &national));
  g_assert_true (rt_find (first, "KẾ HOẠCH", &type));
  right_width = national.x2 - national.x1 + PLAN_HEADER_GUTTER;
  left_width = width - right_width;
  g_assert_cmpuint (assert_centred_in (first, PLAN_NATIONAL_NAME, left + left_width + right_width / 2, 0, type.y1), ==, 1);
  g_assert_cmpuint (assert_centred_in (first, PLAN_MOTTO, left + left_width + right_width / 2, 0, type.y1), ==, 1);
  g_assert_cmpuint (assert_centred_in (first, "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH VÀ CÁC CƠ QUAN TRỰC THUỘC", left + left_width / 2, 0, type.y1), >=, 2);
  g_assert_cmpuint (assert_centred_in (first, "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH QUẢNG NINH, PHÒNG GIÁO DỤC THƯỜNG XUYÊN", left + left_width / 2, 0, type.y1), >=, 2);
  g_assert_cmpuint (assert_centred (first, plan_document_get_title (document), left + width / 2), >=, 3);
  g_assert_cmpuint (assert_centred (first, "Phần I\nMỤC ĐÍCH, YÊU CẦU VÀ NỘI DUNG TRỌNG TÂM CỦA "
                                    "CÔNG TÁC TUYÊN TRUYỀN TRONG TOÀN NGÀNH", left + width / 2), >=, 2);
  g_assert_cmpuint (assert_centred (first, plan_table_get_title (table), left + width / 2), >=, 2);
  g_assert_cmpuint (assert_centred (first, plan_table_get_note (table), left + width / 2), >=, 2);

  /* The closing block: the signer's lines centred in the right column (60 %) */
  n_pages = poppler_document_get_n_pages (pdf);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (page);
      double column = left + width * PLAN_LEFT_COLUMN_SHARE + width * (1 - PLAN_LEFT_COLUMN_SHARE) / 2;

      g_auto(RtSpan) label = { 0, };

      if (!rt_find (page, "Nơi nhận", &label))
        continue;
      g_assert_cmpuint (assert_centred_in (page, "KT. GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH QUẢNG NINH\n"
                                           "PHÓ GIÁM ĐỐC PHỤ TRÁCH CHUYÊN MÔN VÀ KHẢO THÍ", column,
                                           label.y1 - 2, G_MAXDOUBLE), >=, 3);
      g_assert_cmpuint (assert_centred_in (page, "Bùi Hoàng Anh", column, label.y1 - 2, G_MAXDOUBLE), ==, 1);
      g_assert_cmpuint (assert_centred_in (page, plan_document_get_signer_notes (document), column,
                                           label.y1 - 2, G_MAXDOUBLE), ==, 2);
    }

  /* Appendix headings, on a portrait and on a landscape page */
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (page);
      double page_width, page_height, centre;

      poppler_page_get_size (page, &page_width, &page_height);
      centre = (PLAN_MM_TO_PT (30) + page_width - PLAN_MM_TO_PT (15)) / 2;
      if (strstr (text, "Phụ lục I") != NULL && strstr (text, "DANH SÁCH") != NULL)
        {
          g_assert_cmpuint (assert_centred (page, plan_appendix_get_title (portrait), centre), >=, 2);
          g_assert_cmpuint (assert_centred (page, "Phụ lục I", centre), ==, 1);
        }
      if (strstr (text, "BẢNG TỔNG HỢP") != NULL)
        {
          g_autofree char *reference = plan_document_dup_printed_appendix_reference (document, landscape);

          g_assert_cmpfloat (page_width, >, page_height);
          g_assert_cmpuint (assert_centred (page, plan_appendix_get_title (landscape), centre), >=, 2);
          g_assert_cmpuint (assert_centred (page, reference, centre), >=, 1);
        }
    }
}

/* The x of every character @c on @page, in reading order */
static GArray *
char_positions (PopplerPage *page,
                gunichar     c)
{
  GArray *xs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *text = poppler_page_get_text (page);
  PopplerRectangle *rects = NULL;
  guint n_rects = 0, i = 0;

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  for (const char *p = text; *p != '\0' && i < n_rects; p = g_utf8_next_char (p), i++)
    if (g_utf8_get_char (p) == c)
      g_array_append_val (xs, rects[i].x1);
  g_free (rects);

  return xs;
}

/* Dotted fill-in leaders print as written: the dots at the font's own spacing, and the words
 * of a line that holds a leader at their own spacing too (never justified apart). */
static void
test_dot_leaders (void)
{
  g_autoptr(PlanDocument) document = rt_document_new ();
  g_autoptr(PlanLayoutCache) cache = plan_layout_cache_new ();
  g_autoptr(PlanLayout) layout = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autoptr(GArray) ellipses = NULL;
  g_autoptr(GArray) dots = NULL;
  g_auto(RtSpan) ho = { 0, }, va = { 0, }, ten = { 0, };
  g_autoptr(GString) ellipsis_leader = g_string_new ("Họ và tên người đại diện theo pháp luật của Công ty: ");
  g_autoptr(GString) dot_leader = g_string_new ("Địa chỉ trụ sở: ");
  PlanTextStyle style = { 0, };
  double size = plan_document_get_font_size (document);
  double ellipsis_advance, dot_advance, space;

  /* Longer than what is left of the line: the leader fills the line to the margin and runs
   * on to the next, and the words before it are not spread over the whole width */
  for (guint i = 0; i < 40; i++)
    g_string_append (ellipsis_leader, "…");
  for (guint i = 0; i < 150; i++)
    g_string_append_c (dot_leader, '.');
  /* No "./." after the dots: only the leader's dots are counted */
  g_object_set (document, "end-marker", FALSE, NULL);
  plan_item_append_paragraph (rt_append_body (document, plan_item_new (PLAN_ITEM_PARAGRAPH, NULL)),
                              ellipsis_leader->str);
  plan_item_append_paragraph (rt_append_body (document, plan_item_new (PLAN_ITEM_PARAGRAPH, NULL)),
                              dot_leader->str);
  pdf = rt_export (document, &layout);
  rt_save_artifacts (layout, "leaders");
  page = poppler_document_get_page (pdf, 0);

  style.size = size;
  style.alignment = PANGO_ALIGN_LEFT;
  style.width = 1000;
  ellipsis_advance = plan_text_block_get_text_width (plan_layout_cache_get_plain (cache, &style, "……")) -
                     plan_text_block_get_text_width (plan_layout_cache_get_plain (cache, &style, "…"));
  dot_advance = plan_text_block_get_text_width (plan_layout_cache_get_plain (cache, &style, "..")) -
                plan_text_block_get_text_width (plan_layout_cache_get_plain (cache, &style, "."));
  space = plan_text_block_get_text_width (plan_layout_cache_get_plain (cache, &style, "Họ và")) -
          plan_text_block_get_text_width (plan_layout_cache_get_plain (cache, &style, "Họ")) -
          plan_text_block_get_text_width (plan_layout_cache_get_plain (cache, &style, "và"));

  /* Dots one advance apart, within a line */
  ellipses = char_positions (page, 0x2026);
  dots = char_positions (page, '.');
  g_assert_cmpuint (ellipses->len, ==, 40);
  /* …and the "." that ends "- Lưu: VT, TCCB." */
  g_assert_cmpuint (dots->len, ==, 151);
  for (guint i = 1; i < ellipses->len; i++)
    {
      double step = g_array_index (ellipses, double, i) - g_array_index (ellipses, double, i - 1);

      if (step > 0)
        g_assert_cmpfloat (fabs (step - ellipsis_advance), <, 0.05);
    }
  for (guint i = 1; i < 150; i++)
    {
      double step = g_array_index (dots, double, i) - g_array_index (dots, double, i - 1);

      if (step > 0)
        g_assert_cmpfloat (fabs (step - dot_advance), <, 0.05);
    }

  /* The words before the leader at their own spacing */
  g_assert_true (rt_find (page, "Họ", &ho));
  g_assert_true (rt_find (page, "và tên", &va));
  g_assert_true (rt_find (page, "tên", &ten));
  g_test_message ("space %.2f pt, printed %.2f pt", space, va.x1 - ho.x2);
  g_assert_cmpfloat (fabs (va.x1 - ho.x2 - space), <, 0.3);

  /* The leaders start right after their labels, on the same line, and fill it to the right
   * margin (less than one dot short of it) */
  {
    g_auto(RtSpan) label = { 0, }, address = { 0, };
    g_autoptr(GArray) ellipsis_lines = g_array_new (FALSE, FALSE, sizeof (double));
    double right = PLAN_A4_WIDTH_PT - PLAN_MM_TO_PT (15);
    g_autofree char *text = poppler_page_get_text (page);
    PopplerRectangle *rects = NULL;
    guint n_rects = 0, i = 0;
    double first_y = -1, first_line_end = 0;

    g_assert_true (rt_find (page, "Công ty: …", &label));
    g_assert_cmpfloat (label.y2 - label.y1, <, size * 1.5);
    g_assert_true (rt_find (page, "Địa chỉ trụ sở: .....", &address));
    g_assert_cmpfloat (address.y2 - address.y1, <, size * 1.5);

    g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
    for (const char *p = text; *p != '\0' && i < n_rects; p = g_utf8_next_char (p), i++)
      if (g_utf8_get_char (p) == 0x2026)
        {
          if (first_y < 0)
            first_y = rects[i].y1;
          if (fabs (rects[i].y1 - first_y) < 1)
            first_line_end = rects[i].x2;
        }
    g_free (rects);
    g_assert_cmpfloat (first_line_end, <=, right + 0.5);
    g_assert_cmpfloat (first_line_end, >, right - ellipsis_advance);
    g_assert_cmpfloat (fabs (first_y - label.y1), <, 1);
  }

  /* The break opportunities are not text: pdftotext reads the dots alone */
  {
    g_autofree char *text = rt_document_text (pdf);

    g_assert_null (strstr (text, "\u200b"));
    g_assert_nonnull (strstr (text, "Công ty: ……"));
    g_assert_nonnull (strstr (text, "trụ sở: ....."));
  }
}

/* The Tiêu ngữ is the decree's text (ND30 Phụ lục I §II.1b), whatever the file holds: it has
 * no field in the file, and every sample prints exactly "Độc lập - Tự do - Hạnh phúc" with
 * hyphen-minus (U+002D) and a space on each side, on one line under the Quốc hiệu. */
static void
test_motto (void)
{
  static const char * const samples[] = {
    "reference-25-kh-thcs", "sct-laocai-de-an-08", "sct-laocai-kh-3024", "template",
  };

  g_assert_cmpstr (PLAN_MOTTO, ==, "\xc4\x90\xe1\xbb\x99" "c l\xe1\xba\xadp - T\xe1\xbb\xb1 do - H\xe1\xba\xa1nh ph\xc3\xba" "c");
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *name = g_strconcat (samples[i], ".kehoach.json", NULL);
      g_autofree char *path = g_build_filename (SOURCE_SAMPLESDIR, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(PlanDocument) document = plan_json_load_file (file, NULL, NULL, &error);
      g_autoptr(PopplerDocument) pdf = NULL;
      g_autoptr(PopplerPage) page = NULL;
      g_auto(RtSpan) national = { 0, }, motto = { 0, };
      g_autofree char *under = NULL;

      g_assert_no_error (error);
      pdf = rt_export (document, NULL);
      page = poppler_document_get_page (pdf, 0);
      g_assert_true (rt_find (page, PLAN_NATIONAL_NAME, &national));
      g_assert_true (rt_find (page, "Độc lập - Tự do - Hạnh phúc", &motto));
      /* The line right under the Quốc hiệu holds the Tiêu ngữ and nothing else */
      under = rt_text_in_area (page, national.x1 - 20, national.y2 + 1,
                               national.x2 + 20, motto.y2 - 1);
      g_assert_cmpstr (under, ==, "Độclập-Tựdo-Hạnhphúc");
      g_assert_cmpfloat (motto.y1, >=, national.y2 - 1);
    }
}

/* A decision issuing the plan (Mẫu 1.3): the authority line and "QUYẾT ĐỊNH:" centred and
 * bold, bold article labels, then the plan on a new page numbered from its own first page,
 * with the "(Ban hành kèm theo …)" line built from the decision's number, date and authority */
static void
test_decision (void)
{
  g_autoptr(PlanDocument) document = rt_document_new ();
  g_autoptr(PlanLayout) layout = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) first = NULL;
  g_autoptr(PopplerPage) plan_page = NULL;
  g_autoptr(PlanArticle) issue = plan_article_new_plain ("Ban hành kèm theo Quyết định này Kế "
                                                         "hoạch tuyên truyền.");
  g_autoptr(PlanArticle) effect = plan_article_new_plain ("Quyết định có hiệu lực từ ngày ký.");
  g_autoptr(PlanParagraph) basis = plan_paragraph_new_plain ("Căn cứ Điều lệ trường trung học;");
  g_autofree char *page_text = NULL;
  g_autofree char *plan_text = NULL;
  g_autofree char *number_text = NULL;
  g_autofree char *issuing = NULL;
  PlanDecision *decision = plan_document_get_decision (document);
  g_auto(RtSpan) authority = { 0, }, decide = { 0, }, label = { 0, }, article = { 0, };
  g_auto(RtSpan) type = { 0, }, other = { 0, };
  double left = PLAN_MM_TO_PT (30), right = PLAN_A4_WIDTH_PT - PLAN_MM_TO_PT (15);
  double centre = (left + right) / 2;
  int n_pages;

  g_object_set (document, "kind", PLAN_DOCUMENT_KIND_DECISION, "number", 15, "date-year", 2025,
                "date-month", 8, "date-day", 20, NULL);
  g_object_set (decision, "title", "Ban hành Kế hoạch tuyên truyền",
                "authority", "Hiệu trưởng Trường THCS Lý Tự Trọng", NULL);
  g_list_store_append (G_LIST_STORE (plan_decision_get_preamble (decision)), basis);
  g_list_store_append (G_LIST_STORE (plan_decision_get_articles (decision)), issue);
  g_list_store_append (G_LIST_STORE (plan_decision_get_articles (decision)), effect);
  /* A plan long enough for a second page */
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(PlanParagraph) paragraph = plan_paragraph_new_plain (filler);

      g_list_store_append (G_LIST_STORE (plan_document_get_preamble (document)), paragraph);
    }

  pdf = rt_export (document, &layout);
  rt_save_artifacts (layout, "decision");
  n_pages = poppler_document_get_n_pages (pdf);
  g_assert_cmpint (n_pages, >=, 3);
  first = poppler_document_get_page (pdf, 0);

  g_assert_true (rt_find (first, "Số: 15/QĐ-THCS", &other));
  g_assert_true (rt_find (first, "HIỆU TRƯỞNG TRƯỜNG THCS LÝ TỰ TRỌNG", &authority));
  g_assert_nonnull (strstr (authority.font, "Bold"));
  g_assert_cmpfloat_with_epsilon ((authority.x1 + authority.x2) / 2, centre, PLAN_MM_TO_PT (1));
  g_assert_true (rt_find (first, "QUYẾT ĐỊNH:", &decide));
  g_assert_nonnull (strstr (decide.font, "Bold"));
  g_assert_cmpfloat_with_epsilon ((decide.x1 + decide.x2) / 2, centre, PLAN_MM_TO_PT (1));
  g_assert_cmpfloat (decide.y1, >, authority.y2);
  g_assert_true (rt_find (first, "Điều 2.", &label));
  g_assert_nonnull (strstr (label.font, "Bold"));
  /* indented as a paragraph: 1 cm from the left margin */
  g_assert_cmpfloat_with_epsilon (label.x1, left + PLAN_MM_TO_PT (10), PLAN_MM_TO_PT (1));
  g_assert_true (rt_find (first, "Quyết định có hiệu lực", &article));
  g_assert_null (strstr (article.font, "Bold"));
  g_assert_cmpfloat (label.y1, >, decide.y2);
  /* The plan is not on the decision's page */
  g_assert_false (rt_find (first, "KẾ HOẠCH", &other));

  /* The plan starts on page 2, unnumbered like a plan's first page; numbering restarts */
  plan_page = poppler_document_get_page (pdf, 1);
  g_assert_true (rt_find (plan_page, "KẾ HOẠCH", &type));
  g_assert_cmpfloat (type.y1, <, PLAN_A4_HEIGHT_PT / 3);
  g_assert_false (rt_find (plan_page, "Số:", &other));
  g_assert_cmpuint (plan_layout_get_page_number (layout, 1), ==, 0);
  number_text = rt_text_in_area (plan_page, 0, 0, PLAN_A4_WIDTH_PT, PLAN_MM_TO_PT (20) - 3);
  g_assert_cmpstr (number_text, ==, "");
  g_clear_pointer (&number_text, g_free);
  {
    g_autoptr(PopplerPage) second = poppler_document_get_page (pdf, 2);

    g_assert_cmpuint (plan_layout_get_page_number (layout, 2), ==, 2);
    number_text = rt_text_in_area (second, 0, 0, PLAN_A4_WIDTH_PT, PLAN_MM_TO_PT (20) - 3);
    g_assert_cmpstr (number_text, ==, "2");
  }

  /* "(Ban hành kèm theo …)" from the decision's number, date and authority, in italic */
  plan_text = rt_text_in_area (plan_page, 0, 0, PLAN_A4_WIDTH_PT, PLAN_A4_HEIGHT_PT / 3);
  issuing = without_spaces ("(Ban hành kèm theo Quyết định số 15/QĐ-THCS ngày 20 tháng 8 năm "
                            "2025 của Hiệu trưởng Trường THCS Lý Tự Trọng)");
  g_assert_nonnull (strstr (plan_text, issuing));
  {
    g_auto(RtSpan) italic = { 0, };

    g_assert_true (rt_find (plan_page, "(Ban hành kèm theo", &italic));
    g_assert_nonnull (strstr (italic.font, "Italic"));
    g_assert_cmpfloat (italic.y1, >, type.y2);
  }
  page_text = rt_text_in_area (first, 0, 0, PLAN_A4_WIDTH_PT, PLAN_A4_HEIGHT_PT);
  g_assert_null (strstr (page_text, "(Banhànhkèmtheo"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render-forms/tokens", test_tokens);
  g_test_add_func ("/render-forms/symbols-whole", test_symbols_whole);
  g_test_add_func ("/render-forms/symbol-wider-than-column", test_symbol_wider_than_column);
  g_test_add_func ("/render-forms/recipients-punctuation", test_recipients_punctuation);
  g_test_add_func ("/render-forms/blank-date", test_blank_date);
  g_test_add_func ("/render-forms/centred-blocks", test_centred_blocks);
  g_test_add_func ("/render-forms/dot-leaders", test_dot_leaders);
  g_test_add_func ("/render-forms/motto", test_motto);
  g_test_add_func ("/render-forms/decision", test_decision);

  return g_test_run ();
}
