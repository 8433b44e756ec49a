/* test-render-nd30.c: the measurable rules of ND30/2020 Phụ lục I (shared/docs/nd30-format.md)
 * checked on the PDFs of the three sample plans, read back line by line with poppler: body
 * size, line pitch, paragraph spacing, first-line indent, justification, heading styles, the
 * closing block, page numbers restarting in appendices, appendix label lines, repeated table
 * headers; and the stamps (urgency, secrecy, circulation) where the decree's diagram puts them.
 *
 * Tolerances: positions ±0.5 pt (poppler's glyph boxes are exact to about 0.01 pt; the margin
 * is for rounding in the PDF's number output), sizes ±0.05 pt.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "plan-json.h"
#include "plan-units.h"
#include "render-test-util.h"

#define TOL 0.5
/* Times New Roman, Tinos and Liberation Serif: ascent 0.891 + descent 0.216 + line gap 0.042
 * of the em, the single line pitch of a word processor */
#define SINGLE_PITCH 1.149

typedef struct {
  char    *text;
  double   x1, y1, x2, y2;
  double   size;
  gboolean bold, italic;
} Line;

static void
line_clear (gpointer data)
{
  g_free (((Line *) data)->text);
}

/* The page's text lines (as poppler splits them) with their box and the font of their first
 * character. */
static GArray *
page_lines (PopplerPage *page)
{
  g_autofree char *text = poppler_page_get_text (page);
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  GList *attributes = poppler_page_get_text_attributes (page);
  const char *p = text;
  glong index = 0;

  g_array_set_clear_func (lines, line_clear);
  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  while (*p != '\0')
    {
      const char *end = strchr (p, '\n');
      Line line = { 0, };
      glong first = -1;

      if (end == NULL)
        end = p + strlen (p);
      line.x1 = line.y1 = G_MAXDOUBLE;
      line.x2 = line.y2 = -G_MAXDOUBLE;
      for (const char *q = p; q < end; q = g_utf8_next_char (q), index++)
        {
          if (g_unichar_isspace (g_utf8_get_char (q)) || index >= (glong) n_rects)
            continue;
          if (first < 0)
            first = index;
          line.x1 = MIN (line.x1, rects[index].x1);
          line.y1 = MIN (line.y1, rects[index].y1);
          line.x2 = MAX (line.x2, rects[index].x2);
          line.y2 = MAX (line.y2, rects[index].y2);
        }
      if (first >= 0)
        {
          line.text = g_strndup (p, end - p);
          for (GList *l = attributes; l != NULL; l = l->next)
            {
              PopplerTextAttributes *attr = l->data;

              if (attr->start_index <= first && first <= attr->end_index)
                {
                  line.size = attr->font_size;
                  line.bold = strstr (attr->font_name, "Bold") != NULL;
                  line.italic = strstr (attr->font_name, "Italic") != NULL;
                  break;
                }
            }
          g_array_append_val (lines, line);
        }
      if (*end == '\0')
        break;
      p = end + 1;
      index++;   /* the line break */
    }
  g_free (rects);
  poppler_page_free_text_attributes (attributes);

  return lines;
}

static const Line *
find_line (GArray     *lines,
           const char *prefix)
{
  for (guint i = 0; i < lines->len; i++)
    if (g_str_has_prefix (g_array_index (lines, Line, i).text, prefix))
      return &g_array_index (lines, Line, i);
  return NULL;
}

static gboolean
is_upper (const char *text)
{
  g_autofree char *upper = g_utf8_strup (text, -1);

  return g_strcmp0 (upper, text) == 0;
}

typedef struct {
  PlanDocument    *document;
  PlanLayout      *layout;
  PopplerDocument *pdf;
  double           left, right, top, bottom;   /* text area of a portrait page, pt */
  double           size, pitch, indent;
  int              first_appendix_page;        /* -1: none */
  int              closing_page;
} Sample;

static void
sample_clear (Sample *sample)
{
  g_clear_object (&sample->pdf);
  g_clear_object (&sample->layout);
  g_clear_object (&sample->document);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Sample, sample_clear)

static void
sample_load (Sample     *sample,
             const char *name)
{
  g_autofree char *path = g_build_filename (SOURCE_SAMPLESDIR, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GListModel *appendices;
  double top, bottom, left, right;

  sample->document = plan_json_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  sample->pdf = rt_export (sample->document, &sample->layout);

  plan_document_get_margins (sample->document, &top, &bottom, &left, &right);
  sample->left = PLAN_MM_TO_PT (left);
  sample->right = PLAN_A4_WIDTH_PT - PLAN_MM_TO_PT (right);
  sample->top = PLAN_MM_TO_PT (top);
  sample->bottom = PLAN_A4_HEIGHT_PT - PLAN_MM_TO_PT (bottom);
  sample->size = plan_document_get_font_size (sample->document);
  sample->pitch = plan_document_get_line_spacing (sample->document) * SINGLE_PITCH * sample->size;
  sample->indent = PLAN_MM_TO_PT (plan_document_get_first_line_indent (sample->document));

  appendices = plan_document_get_appendices (sample->document);
  sample->first_appendix_page = -1;
  if (g_list_model_get_n_items (appendices) > 0)
    {
      g_autoptr(PlanAppendix) appendix = g_list_model_get_item (appendices, 0);

      sample->first_appendix_page = plan_layout_find_page (sample->layout, appendix);
      g_assert_cmpint (sample->first_appendix_page, >, 0);
    }
  sample->closing_page = -1;
  for (int i = 0; i < poppler_document_get_n_pages (sample->pdf); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (sample->pdf, i);
      g_autoptr(GArray) lines = page_lines (page);

      if (find_line (lines, "Nơi nhận:") != NULL)
        {
          sample->closing_page = i;
          break;
        }
    }
  g_assert_cmpint (sample->closing_page, >=, 0);
}

/* ND30 §II.6e: body at 13–14 pt, justified, first-line indent 1 or 1.27 cm, paragraph spacing
 * ≥ 6 pt, line spacing single to 1.5. Checked on the body-size lines of every body page, from
 * the first paragraph of page 1 to the closing block. */
static void
check_body (Sample *sample)
{
  double spacing = plan_document_get_paragraph_spacing (sample->document);
  double line_spacing = plan_document_get_line_spacing (sample->document);
  guint n_paragraphs = 0, n_justified = 0;

  g_assert_cmpfloat (sample->size, >=, 13);
  g_assert_cmpfloat (sample->size, <=, 14);
  g_assert_cmpfloat (spacing, >=, 6);
  g_assert_cmpfloat (line_spacing, >=, 1);
  g_assert_cmpfloat (line_spacing, <=, 1.5);
  g_assert_true (fabs (sample->indent - PLAN_MM_TO_PT (10)) < 0.01 ||
                 fabs (sample->indent - PLAN_MM_TO_PT (12.7)) < 0.01);

  for (int i = 0; i <= sample->closing_page; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (sample->pdf, i);
      g_autoptr(GArray) lines = page_lines (page);
      const Line *previous = NULL;
      gboolean started = i > 0;

      for (guint l = 0; l < lines->len; l++)
        {
          const Line *line = &g_array_index (lines, Line, l);
          gboolean body_size = fabs (line->size - sample->size) < 0.05;
          gboolean starts_paragraph;

          if (g_str_has_prefix (line->text, "Nơi nhận:"))
            break;
          /* Page 1: from the first indented line (the header and title come before) */
          if (!started)
            {
              started = body_size && fabs (line->x1 - (sample->left + sample->indent)) < TOL;
              if (!started)
                continue;
            }
          /* Tables (12 pt), the page number (above the text area) and centred lines */
          if (!body_size || line->y1 < sample->top - 3 ||
              (line->x1 > sample->left + sample->indent + 1 &&
               fabs ((line->x1 + line->x2) / 2 - (sample->left + sample->right) / 2) < 1))
            {
              previous = NULL;
              continue;
            }

          g_assert_cmpfloat (line->x1, >=, sample->left - TOL);
          g_assert_cmpfloat (line->x2, <=, sample->right + TOL);
          starts_paragraph = previous == NULL || line->y1 - previous->y1 > sample->pitch + 0.1;
          if (previous != NULL)
            {
              double gap = line->y1 - previous->y1;

              if (!starts_paragraph)
                {
                  /* Within a paragraph: the configured line spacing */
                  if (fabs (gap - sample->pitch) > 0.1)
                    g_error ("page %d: line pitch %.2f pt before “%s”, expected %.2f",
                             i + 1, gap, line->text, sample->pitch);
                  /* …and the line before it (not the paragraph's last) is justified */
                  if (fabs (previous->x2 - sample->right) < TOL)
                    n_justified++;
                  else if (previous->x2 < sample->right - sample->size * 4)
                    g_error ("page %d: “%s” ends %.1f pt short of the right margin inside a paragraph",
                             i + 1, previous->text, sample->right - previous->x2);
                }
              else if (gap < sample->pitch + spacing - 0.1)
                g_error ("page %d: %.2f pt of paragraph spacing before “%s”, expected ≥ %.0f",
                         i + 1, gap - sample->pitch, line->text, spacing);
            }
          if (starts_paragraph)
            {
              n_paragraphs++;
              /* Paragraphs and headings start at the first-line indent; bullets ("-", "+")
               * too. A paragraph continued from the page before starts at the margin. */
              if (!(fabs (line->x1 - (sample->left + sample->indent)) < TOL ||
                    (previous == NULL && fabs (line->x1 - sample->left) < TOL)))
                g_error ("page %d: “%s” starts at %.2f mm, expected the %.1f mm indent",
                         i + 1, line->text, PLAN_PT_TO_MM (line->x1 - sample->left),
                         PLAN_PT_TO_MM (sample->indent));
            }
          else
            g_assert_cmpfloat (fabs (line->x1 - sample->left), <, TOL);

          /* Headings: "I." bold capitals; points "a)" plain */
          if (starts_paragraph && g_regex_match_simple ("^[IVX]+\\. ", line->text, 0, 0))
            {
              g_assert_true (line->bold);
              g_assert_true (is_upper (line->text));
            }
          if (starts_paragraph && g_regex_match_simple ("^[a-zđ]\\) ", line->text, 0, 0))
            g_assert_false (line->bold);
          previous = line;
        }
    }
  g_assert_cmpuint (n_paragraphs, >=, 5);
  g_assert_cmpuint (n_justified, >=, 10);
}

/* ND30 §II.1–5 on page 1: sizes, styles and rows of the header and the title (the header's
 * two columns share text lines, so each element is found by its own text) */
static void
check_header (Sample *sample)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (sample->pdf, 0);
  g_auto(RtSpan) national = { 0, }, motto = { 0, }, number = { 0, }, date = { 0, }, type = { 0, };
  g_autofree char *type_name = g_utf8_strup (plan_document_get_type_name (sample->document), -1);
  g_autofree char *place_date = plan_document_dup_place_and_date (sample->document);
  double width, height;
  guint year, month, day;

  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat (fabs (width - PLAN_A4_WIDTH_PT), <, 0.01);
  g_assert_cmpfloat (fabs (height - PLAN_A4_HEIGHT_PT), <, 0.01);

  g_assert_true (rt_find (page, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", &national));
  g_assert_true (rt_find (page, "Độc lập - Tự do - Hạnh phúc", &motto));
  g_assert_true (rt_find (page, "Số:", &number));
  plan_document_get_date (sample->document, &year, &month, &day);
  if (day == 0)
    {
      /* A blank day is printed as blank space, which readers take for two pieces of text:
       * "Lào Cai, ngày" and "tháng 5 năm 2026". The span is the whole line. */
      g_auto(RtSpan) rest = { 0, };
      g_autofree char *head = g_strndup (place_date, strstr (place_date, " …") - place_date);
      const char *tail = strstr (place_date, "tháng");

      g_assert_true (rt_find (page, head, &date));
      g_assert_true (rt_find (page, tail, &rest));
      g_assert_cmpfloat (fabs (rest.y2 - date.y2), <, 0.1);
      date.x2 = rest.x2;
    }
  else
    {
      g_assert_true (rt_find (page, place_date, &date));
    }
  g_assert_true (rt_find (page, type_name, &type));
  /* Quốc hiệu 12–13 bold at the top margin; Tiêu ngữ 13–14 bold, one point larger, centred
   * under it */
  g_assert_cmpfloat (national.size, >=, 12);
  g_assert_cmpfloat (national.size, <=, 13);
  g_assert_nonnull (strstr (national.font, "Bold"));
  g_assert_cmpfloat (fabs (national.y1 - sample->top), <, 1.5);
  g_assert_cmpfloat (national.x2, <=, sample->right + TOL);
  g_assert_nonnull (strstr (motto.font, "Bold"));
  g_assert_cmpfloat (fabs (motto.size - national.size - 1), <, 0.05);
  g_assert_cmpfloat (fabs ((motto.x1 + motto.x2) / 2 - (national.x1 + national.x2) / 2), <, 1);
  /* Số 13 upright in the left column; the place and date 13–14 italic on the same line,
   * centred under the Quốc hiệu */
  g_assert_cmpfloat (fabs (number.size - 13), <, 0.05);
  g_assert_null (strstr (number.font, "Bold"));
  g_assert_null (strstr (number.font, "Italic"));
  g_assert_cmpfloat (number.x2, <, national.x1);
  g_assert_cmpfloat (number.x1, >=, sample->left - TOL);
  g_assert_nonnull (strstr (date.font, "Italic"));
  g_assert_cmpfloat (date.size, >=, 13);
  g_assert_cmpfloat (date.size, <=, 14);
  g_assert_cmpfloat (fabs (date.y2 - number.y2), <, 0.5);
  g_assert_cmpfloat (fabs ((date.x1 + date.x2) / 2 - (national.x1 + national.x2) / 2), <, 1);
  /* The type name bold caps at 13–14, centred on the text area, under the header */
  g_assert_nonnull (strstr (type.font, "Bold"));
  g_assert_cmpfloat (type.size, >=, 13);
  g_assert_cmpfloat (type.size, <=, 14);
  g_assert_cmpfloat (fabs ((type.x1 + type.x2) / 2 - (sample->left + sample->right) / 2), <, 1);
  g_assert_cmpfloat (type.y1, >, date.y2);

  /* Rules drawn as lines (probed in pixels, ±2 pt): under the Tiêu ngữ as wide as its text;
   * under the agency and under the title 1/3–1/2 of the line above */
  {
    g_autofree char *agency = g_utf8_strup (plan_document_get_agency (sample->document), -1);
    g_auto(RtSpan) agency_span = { 0, }, title = { 0, };
    double rule = 0;

    for (double y = motto.y2; y < motto.y2 + 5; y += 0.5)
      rule = MAX (rule, rt_dark_run (sample->layout, 0, y, motto.x1 - 20, motto.x2 + 20));
    g_assert_cmpfloat (fabs (rule - (motto.x2 - motto.x1)), <, 2);

    if (rt_find (page, agency, &agency_span))
      {
        rule = 0;
        for (double y = agency_span.y2; y < agency_span.y2 + 5; y += 0.5)
          rule = MAX (rule, rt_dark_run (sample->layout, 0, y, agency_span.x1 - 5, agency_span.x2 + 5));
        g_assert_cmpfloat (rule, >=, (agency_span.x2 - agency_span.x1) / 3 - 2);
        g_assert_cmpfloat (rule, <=, (agency_span.x2 - agency_span.x1) / 2 + 2);
      }
    /* The title is found when it prints on one line or with its typed line breaks */
    if (rt_find (page, plan_document_get_title (sample->document), &title))
      {
        rule = 0;
        for (double y = title.y2; y < title.y2 + 6; y += 0.5)
          rule = MAX (rule, rt_dark_run (sample->layout, 0, y, sample->left, sample->right));
        g_assert_cmpfloat (rule, >=, (title.x2 - title.x1) / 3 - 2);
        g_assert_cmpfloat (rule, <=, (title.x2 - title.x1) / 2 + 2);
      }
  }
}

/* ND30 §II.7, §II.9d: the closing block */
static void
check_closing (Sample *sample)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (sample->pdf, sample->closing_page);
  g_autoptr(GArray) lines = page_lines (page);
  const Line *label = find_line (lines, "Nơi nhận:");
  const Line *signer = NULL, *name = NULL, *last_item = NULL;
  GString *item = NULL;
  const char *signer_name = NULL;
  guint n_items = 0;

  signer_name = plan_document_get_signer_name (sample->document);
  g_assert_nonnull (label);
  /* "Nơi nhận:" 12 bold italic, flush with the left margin */
  g_assert_cmpfloat (fabs (label->size - 12), <, 0.05);
  g_assert_true (label->bold);
  g_assert_true (label->italic);
  g_assert_cmpfloat (fabs (label->x1 - sample->left), <, TOL);

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      /* The signer's first line: on the label's line, in the right part */
      if (line != label && fabs (line->y2 - label->y2) < 1.5 && line->x1 > label->x2)
        signer = line;
      if (signer_name != NULL && g_str_has_prefix (line->text, signer_name))
        name = line;
      /* Recipients: 11 upright lines in the left column under the label */
      if (line->y1 > label->y2 - 1 && line->x1 < sample->left + TOL + 12 &&
          fabs (line->size - 11) < 0.05)
        {
          g_assert_false (line->bold);
          g_assert_false (line->italic);
          if (g_str_has_prefix (line->text, "- "))
            {
              g_assert_cmpfloat (fabs (line->x1 - sample->left), <, TOL);
              if (item != NULL)
                {
                  g_assert_true (g_str_has_suffix (item->str, ";"));
                  g_string_free (item, TRUE);
                }
              item = g_string_new (line->text);
              n_items++;
            }
          else
            {
              g_assert_nonnull (item);
              g_string_append_printf (item, " %s", line->text);
            }
          last_item = line;
        }
    }
  /* Level with the signer's first line: same baseline (different sizes) */
  g_assert_nonnull (signer);
  g_assert_true (signer->bold);
  g_assert_true (is_upper (signer->text));
  g_assert_cmpfloat (signer->size, >=, 13);
  g_assert_cmpfloat (signer->size, <=, 14);
  /* "- Lưu: VT, …." last */
  g_assert_cmpuint (n_items, >=, 2);
  g_assert_nonnull (item);
  g_assert_nonnull (last_item);
  g_assert_true (g_str_has_prefix (item->str, "- Lưu:"));
  g_assert_true (g_str_has_suffix (item->str, "."));
  /* The name bold, not capitals, centred under the signer's lines, at least 20 mm under them */
  g_assert_nonnull (name);
  g_assert_true (name->bold);
  g_assert_false (is_upper (name->text));
  g_assert_cmpfloat (fabs ((name->x1 + name->x2) / 2 - (signer->x1 + signer->x2) / 2), <, 1);
  g_assert_cmpfloat (name->y1 - signer->y2, >=, PLAN_MM_TO_PT (20));
  g_string_free (item, TRUE);
}

/* ND30 §I.7, §III.1: page numbers 13–14 upright centred in the top margin from page 2, none
 * on page 1; every appendix numbered on its own (its first page shows none, its second "2");
 * appendix pages in the appendix's orientation; label, title and reference lines. */
static void
check_pages (Sample *sample)
{
  GListModel *appendices = plan_document_get_appendices (sample->document);
  int n_pages = poppler_document_get_n_pages (sample->pdf);
  int appendix = -1;

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (sample->pdf, i);
      g_autoptr(GArray) lines = page_lines (page);
      guint expected = plan_layout_get_page_number (sample->layout, i);
      const Line *first = lines->len > 0 ? &g_array_index (lines, Line, 0) : NULL;
      double width, height, left, right;

      /* Which appendix the page belongs to */
      for (guint a = 0; a < g_list_model_get_n_items (appendices); a++)
        {
          g_autoptr(PlanAppendix) item = g_list_model_get_item (appendices, a);

          if (plan_layout_find_page (sample->layout, item) == i)
            appendix = a;
        }

      poppler_page_get_size (page, &width, &height);
      left = sample->left;
      right = width - (PLAN_A4_WIDTH_PT - sample->right);
      if (appendix >= 0)
        {
          g_autoptr(PlanAppendix) item = g_list_model_get_item (appendices, appendix);
          gboolean landscape = plan_appendix_get_orientation (item) == PLAN_ORIENTATION_LANDSCAPE;

          g_assert_cmpfloat (fabs (width - (landscape ? PLAN_A4_HEIGHT_PT : PLAN_A4_WIDTH_PT)), <, 0.01);
          /* Numbering restarts: no number on the appendix's first page */
          if (plan_layout_find_page (sample->layout, item) == i)
            g_assert_cmpuint (expected, ==, 0);
          else
            g_assert_cmpuint (expected, ==, i - plan_layout_find_page (sample->layout, item) + 1);
        }
      else
        {
          g_assert_cmpfloat (fabs (width - PLAN_A4_WIDTH_PT), <, 0.01);
          g_assert_cmpuint (expected, ==, i == 0 ? 0 : (guint) i + 1);
        }

      g_assert_nonnull (first);
      if (expected == 0)
        g_assert_cmpfloat (first->y1, >=, sample->top - 3);
      else
        {
          g_autofree char *number = g_strdup_printf ("%u", expected);

          g_assert_cmpstr (first->text, ==, number);
          g_assert_cmpfloat (first->y2, <, sample->top);
          g_assert_cmpfloat (first->size, >=, 13);
          g_assert_cmpfloat (first->size, <=, 14);
          g_assert_false (first->bold);
          g_assert_false (first->italic);
          g_assert_cmpfloat (fabs ((first->x1 + first->x2) / 2 - (left + right) / 2), <, 1);
        }

      /* The appendix's first page: "Phụ lục" label 14 bold in normal case, the title bold,
       * the reference line italic, all centred */
      if (appendix >= 0 && expected == 0)
        {
          g_autoptr(PlanAppendix) item = g_list_model_get_item (appendices, appendix);
          const Line *label = find_line (lines, "Phụ lục");

          if (plan_appendix_get_label_mode (item) != PLAN_LABEL_NONE)
            {
              g_assert_nonnull (label);
              g_assert_cmpfloat (fabs (label->size - 14), <, 0.05);
              g_assert_true (label->bold);
              g_assert_cmpfloat (fabs ((label->x1 + label->x2) / 2 - (left + right) / 2), <, 1);
            }
          for (guint l = 0; l < lines->len; l++)
            {
              const Line *line = &g_array_index (lines, Line, l);

              if (g_str_has_prefix (line->text, "(Kèm theo"))
                {
                  g_assert_true (line->italic);
                  /* (poppler splits a line at the blanks left for the number and date) */
                  if (g_str_has_suffix (line->text, ")"))
                    g_assert_cmpfloat (fabs ((line->x1 + line->x2) / 2 - (left + right) / 2), <, 1);
                }
            }
          g_assert_true (g_array_index (lines, Line, 1).bold);
        }
    }
}

/* Header rows repeated at the top of every page a table reaches */
static void
check_table_headers (Sample *sample)
{
  GListModel *appendices = plan_document_get_appendices (sample->document);
  guint n_checked = 0;

  for (guint a = 0; a < g_list_model_get_n_items (appendices); a++)
    {
      g_autoptr(PlanAppendix) appendix = g_list_model_get_item (appendices, a);
      GListModel *content = plan_appendix_get_content (appendix);

      for (guint i = 0; i < g_list_model_get_n_items (content); i++)
        {
          g_autoptr(PlanItem) item = g_list_model_get_item (content, i);
          PlanTable *table = plan_item_get_table (item);
          g_autoptr(PlanRow) header = NULL, row = NULL, last = NULL;
          const char *header_text;
          int first_page, last_page;
          guint n_rows;

          if (table == NULL || g_list_model_get_n_items (plan_table_get_header_rows (table)) == 0)
            continue;
          n_rows = g_list_model_get_n_items (plan_table_get_rows (table));
          if (n_rows == 0)
            continue;
          header = g_list_model_get_item (plan_table_get_header_rows (table), 0);
          header_text = plan_cell_get_text (plan_row_get_cell (header, 1));
          row = g_list_model_get_item (plan_table_get_rows (table), 0);
          last = g_list_model_get_item (plan_table_get_rows (table), n_rows - 1);
          first_page = plan_layout_find_page (sample->layout, row);
          last_page = plan_layout_find_page (sample->layout, last);
          for (int p = first_page; p <= last_page; p++)
            {
              g_autoptr(PopplerPage) page = poppler_document_get_page (sample->pdf, p);
              g_auto(RtSpan) span = { 0, };
              g_autofree char *first_word = g_strndup (header_text, strcspn (header_text, " \n"));

              g_assert_true (rt_find (page, first_word, &span));
              g_assert_nonnull (strstr (span.font, "Bold"));
              n_checked++;
            }
        }
    }
  if (g_list_model_get_n_items (appendices) > 0)
    g_assert_cmpuint (n_checked, >, 0);
}

static void
test_sample (gconstpointer data)
{
  g_auto(Sample) sample = { 0, };

  sample_load (&sample, data);
  check_header (&sample);
  check_body (&sample);
  check_closing (&sample);
  check_pages (&sample);
  check_table_headers (&sample);
}

/* ND30 §III.2 and the layout diagram of Mục IV: secrecy (ô 10a) and urgency (ô 10b) at the left
 * under the number, urgency in the decree's stamp size; the circulation note (ô 11) in the top
 * margin above the Quốc hiệu. Bold capitals, 13–14 pt, each in a single-line frame. */
static void
test_stamps (void)
{
  g_autoptr(PlanDocument) document = rt_document_new ();
  g_autoptr(PlanLayout) layout = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_auto(RtSpan) secret = { 0, }, urgent = { 0, }, note = { 0, }, national = { 0, }, number = { 0, };
  g_auto(RtSpan) type = { 0, };
  double left = PLAN_MM_TO_PT (30), top = PLAN_MM_TO_PT (20), frame;
  PlanItem *item = rt_append_body (document, plan_item_new (PLAN_ITEM_PARAGRAPH, NULL));

  plan_item_append_paragraph (item, "Nội dung.");
  g_object_set (document,
                "urgency", PLAN_URGENCY_HOA_TOC,
                "secrecy", PLAN_SECRECY_TOI_MAT,
                "circulation", "Lưu hành nội bộ",
                NULL);
  pdf = rt_export (document, &layout);
  rt_save_artifacts (layout, "stamps");
  page = poppler_document_get_page (pdf, 0);

  g_assert_true (rt_find (page, "TỐI MẬT", &secret));
  g_assert_true (rt_find (page, "HỎA TỐC", &urgent));
  g_assert_true (rt_find (page, "LƯU HÀNH NỘI BỘ", &note));
  g_assert_true (rt_find (page, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", &national));
  g_assert_true (rt_find (page, "Số:", &number));
  g_assert_true (rt_find (page, "KẾ HOẠCH", &type));

  for (guint i = 0; i < 3; i++)
    {
      const RtSpan *span = i == 0 ? &secret : i == 1 ? &urgent : &note;

      g_assert_nonnull (strstr (span->font, "Bold"));
      g_assert_cmpfloat (span->size, >=, 13);
      g_assert_cmpfloat (span->size, <=, 14);
    }

  /* Circulation: above the text area, centred over the Quốc hiệu */
  g_assert_cmpfloat (note.y2, <, top);
  g_assert_cmpfloat (note.y1, >, PLAN_MM_TO_PT (5));
  g_assert_cmpfloat (fabs ((note.x1 + note.x2) / 2 - (national.x1 + national.x2) / 2), <, 1);
  /* Secrecy, then urgency: under the number, before the title, at the left edge */
  g_assert_cmpfloat (secret.y1, >, number.y2);
  g_assert_cmpfloat (urgent.y1, >, secret.y2);
  g_assert_cmpfloat (type.y1, >, urgent.y2);
  g_assert_cmpfloat (secret.x1, <, left + PLAN_MM_TO_PT (8));
  g_assert_cmpfloat (urgent.x1, <, left + PLAN_MM_TO_PT (8));
  /* The urgency frame is the decree's 30 mm wide stamp for HỎA TỐC: its top edge, probed in
   * pixels above the text, is the longest dark run there */
  frame = 0;
  for (double y = urgent.y1 - PLAN_MM_TO_PT (4); y < urgent.y1; y += 0.5)
    frame = MAX (frame, rt_dark_run (layout, 0, y, left - 5, left + PLAN_MM_TO_PT (45)));
  g_assert_cmpfloat (fabs (frame - PLAN_MM_TO_PT (30)), <, 1.5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/render/nd30/reference", "reference-25-kh-thcs.kehoach.json", test_sample);
  g_test_add_data_func ("/render/nd30/sct-laocai-de-an-08", "sct-laocai-de-an-08.kehoach.json", test_sample);
  g_test_add_data_func ("/render/nd30/sct-laocai-kh-3024", "sct-laocai-kh-3024.kehoach.json", test_sample);
  g_test_add_func ("/render/nd30/stamps", test_stamps);

  return g_test_run ();
}
