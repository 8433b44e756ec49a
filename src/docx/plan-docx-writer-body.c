/* plan-docx-writer-body.c: word/document.xml of an exported plan
 *
 * The plan in Word's own structures, laid out with the renderer's figures
 * (plan-block-builder.h): the header block as a borderless two-column table with its short
 * rules as paragraph borders of the rule's length, markers as text (never Word's automatic
 * numbering, which breaks when the file is edited elsewhere), the closing as a borderless table
 * kept on one page, each appendix in a section of its orientation. docs/word-export.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "plan-article.h"
#include "plan-block-builder.h"
#include "plan-format.h"
#include "plan-numbering.h"
#include "plan-painter.h"
#include "plan-units.h"
#include "plan-docx-writer-body.h"
#include "plan-docx-writer-parts.h"
#include "plan-docx-writer-styles.h"
#include "plan-docx-writer-xml.h"

/* A rule's thickness in eighths of a point: the renderer's 0.6 pt */
#define RULE_EIGHTHS 5
/* Between the agency block and the "Số" row, pt (plan-block-builder.c) */
#define HEADER_ROW_GAP 8.0
/* Room given back on each side of a balanced paragraph, pt */
#define BALANCE_SLACK 1.5
/* Between the title and its rule, pt (plan-block-builder.c) */
#define TITLE_RULE_GAP 3.0

/* The bold, italic and capitals a paragraph style gives its runs: a run that differs says so */
enum {
  FORM_BOLD   = PLAN_STYLE_BOLD,
  FORM_ITALIC = PLAN_STYLE_ITALIC,
  FORM_UNDERLINE = PLAN_STYLE_UNDERLINE,
  FORM_CAPS   = 1 << 8,
};

typedef struct {
  PlanDocxXml           *xml;
  PlanDocument          *document;
  PlanLayoutCache       *cache;
  const PlanDocxHeaders *portrait;
  const PlanDocxHeaders *landscape;
  double                 width;        /* text width of the current section, pt */
  guint                  n_title_pages; /* sections still to end whose first page is a title
                                         * page (the circulation note): the plan's, and in a
                                         * decision the decision's too */
  double                 run_size;     /* a size given to every run (tables), 0 = the style's */
  const char            *run_style;    /* a character style given to every run, or NULL */
  guint                  n_numbered;   /* numbered tables so far: each has its own w:num */
  gpointer               last_text;    /* the body's last printed text: gets the end marker */
  gpointer               keeper;       /* the same, whatever the end marker: kept with the
                                        * closing as our PDF keeps it */
} Writer;

/* A paragraph's own form, on top of its style */
typedef struct {
  const char *style;
  guint       style_form;    /* FORM_* the style gives */
  const char *jc;            /* NULL = the style's */
  gboolean    no_indent;     /* no first-line indent */
  int         keep_next;     /* kept with the next paragraph: 1, 0, or -1 = as the style says */
  double      before;        /* pt, < 0 = the style's */
  double      sides;         /* pt taken from the left and the right (balanced lines) */
  guint       num_id;        /* Word's automatic numbering (a table's TT column), 0 = none */
} Form;

#define FORM_INIT(style_id, flags) { (style_id), (flags), NULL, FALSE, -1, -1, 0, 0 }

/* ---- Runs ------------------------------------------------------------------------------- */

static void
write_toggle (PlanDocxXml *xml,
              const char  *name,
              gboolean     on,
              gboolean     style_on)
{
  if (on == style_on)
    return;
  if (on)
    plan_docx_xml_empty (xml, name);
  else
    plan_docx_xml_val (xml, name, "0");
}

/* Text of one run: "\n" becomes a line break, a tab a tab; characters XML cannot hold
 * (control characters) are left out. */
static void
write_run_text (PlanDocxXml *xml,
                const char  *text)
{
  g_autoptr(GString) piece = g_string_new (NULL);

  for (const char *p = text; ; p++)
    {
      if (*p == '\0' || *p == '\n' || *p == '\t')
        {
          if (piece->len > 0)
            {
              plan_docx_xml_start (xml, "w:t");
              plan_docx_xml_attr (xml, "xml:space", "preserve");
              plan_docx_xml_text (xml, piece->str);
              plan_docx_xml_end (xml);
              g_string_truncate (piece, 0);
            }
          if (*p == '\0')
            break;
          plan_docx_xml_empty (xml, *p == '\n' ? "w:br" : "w:tab");
          continue;
        }
      if ((guchar) *p < 0x20)
        continue;
      g_string_append_c (piece, *p);
    }
}

static void
write_run (Writer     *w,
           const Form *form,
           const char *text,
           guint       run_form)
{
  PlanDocxXml *xml = w->xml;

  if (text == NULL || *text == '\0')
    return;

  plan_docx_xml_start (xml, "w:r");
  if (run_form != (form->style_form & ~FORM_UNDERLINE) || (run_form & FORM_UNDERLINE) ||
      w->run_size > 0 || w->run_style != NULL)
    {
      plan_docx_xml_start (xml, "w:rPr");
      if (w->run_style != NULL)
        plan_docx_xml_val (xml, "w:rStyle", w->run_style);
      write_toggle (xml, "w:b", run_form & FORM_BOLD, form->style_form & FORM_BOLD);
      write_toggle (xml, "w:i", run_form & FORM_ITALIC, form->style_form & FORM_ITALIC);
      write_toggle (xml, "w:caps", run_form & FORM_CAPS, form->style_form & FORM_CAPS);
      if (w->run_size > 0)
        {
          plan_docx_xml_val_int (xml, "w:sz", (gint64) (w->run_size * 2 + 0.5));
          plan_docx_xml_val_int (xml, "w:szCs", (gint64) (w->run_size * 2 + 0.5));
        }
      if (run_form & FORM_UNDERLINE)
        plan_docx_xml_val (xml, "w:u", "single");
      plan_docx_xml_end (xml);
    }
  write_run_text (xml, text);
  plan_docx_xml_end (xml);
}

/* The runs of @text with @extra (FORM_*) added to each */
static void
write_text (Writer     *w,
            const Form *form,
            PlanText   *text,
            guint       extra)
{
  for (guint i = 0; text != NULL && i < plan_text_get_n_runs (text); i++)
    {
      PlanStyle style;
      const char *run = plan_text_get_run (text, i, &style);

      write_run (w, form, run, style | extra);
    }
}

static void
start_paragraph (Writer     *w,
                 const Form *form)
{
  PlanDocxXml *xml = w->xml;

  plan_docx_xml_start (xml, "w:p");
  plan_docx_xml_start (xml, "w:pPr");
  plan_docx_xml_val (xml, "w:pStyle", form->style);
  if (form->keep_next == 1)
    plan_docx_xml_empty (xml, "w:keepNext");
  else if (form->keep_next == 0)
    plan_docx_xml_val (xml, "w:keepNext", "0");
  if (form->num_id > 0)
    {
      plan_docx_xml_start (xml, "w:numPr");
      plan_docx_xml_val_int (xml, "w:ilvl", 0);
      plan_docx_xml_val_int (xml, "w:numId", form->num_id);
      plan_docx_xml_end (xml);
    }
  if (form->before >= 0)
    {
      plan_docx_xml_start (xml, "w:spacing");
      plan_docx_xml_attr_int (xml, "w:before", PLAN_DOCX_PT_TO_TWIPS (form->before));
      plan_docx_xml_end (xml);
    }
  if (form->no_indent || form->sides > 0)
    {
      plan_docx_xml_start (xml, "w:ind");
      if (form->sides > 0)
        {
          plan_docx_xml_attr_int (xml, "w:left", PLAN_DOCX_PT_TO_TWIPS (form->sides));
          plan_docx_xml_attr_int (xml, "w:right", PLAN_DOCX_PT_TO_TWIPS (form->sides));
        }
      plan_docx_xml_attr (xml, "w:firstLine", "0");
      plan_docx_xml_end (xml);
    }
  if (form->jc != NULL)
    plan_docx_xml_val (xml, "w:jc", form->jc);
  plan_docx_xml_end (xml);
}

static void
end_paragraph (Writer *w)
{
  plan_docx_xml_end (w->xml);
}

/* A paragraph of plain text in the style's own form */
static void
write_plain_paragraph (Writer     *w,
                       const Form *form,
                       const char *text)
{
  start_paragraph (w, form);
  write_run (w, form, text, form->style_form);
  end_paragraph (w);
}

/* A short rule: an empty paragraph, @gap pt high, whose bottom border is @rule_width long,
 * centred in @column_width. */
static void
write_rule (Writer *w,
            double  column_width,
            double  rule_width,
            double  gap,
            double  after)
{
  PlanDocxXml *xml = w->xml;
  gint64 side = PLAN_DOCX_PT_TO_TWIPS (MAX (0, (column_width - rule_width) / 2));

  plan_docx_xml_start (xml, "w:p");
  plan_docx_xml_start (xml, "w:pPr");
  plan_docx_xml_val (xml, "w:pStyle", PLAN_DOCX_STYLE_RULE);
  plan_docx_xml_empty (xml, "w:keepNext");
  plan_docx_xml_start (xml, "w:pBdr");
  plan_docx_xml_border (xml, "w:bottom", RULE_EIGHTHS);
  plan_docx_xml_end (xml);
  plan_docx_xml_start (xml, "w:spacing");
  plan_docx_xml_attr (xml, "w:before", "0");
  plan_docx_xml_attr_int (xml, "w:after", PLAN_DOCX_PT_TO_TWIPS (MAX (0, after)));
  plan_docx_xml_attr_int (xml, "w:line", MAX (PLAN_DOCX_PT_TO_TWIPS (gap), 20));
  plan_docx_xml_attr (xml, "w:lineRule", "exact");
  plan_docx_xml_end (xml);
  plan_docx_xml_start (xml, "w:ind");
  plan_docx_xml_attr_int (xml, "w:left", side);
  plan_docx_xml_attr_int (xml, "w:right", side);
  plan_docx_xml_attr (xml, "w:firstLine", "0");
  plan_docx_xml_end (xml);
  plan_docx_xml_end (xml);
  plan_docx_xml_end (xml);
}

/* Width of @text as the renderer sets it, centred in @width, pt. With @sides (may be NULL) the
 * lines are balanced as the renderer balances them: *@sides is what the paragraph gives up on
 * each side to wrap where ours does. */
static double
measure (Writer     *w,
         const char *text,
         double      size,
         PlanStyle   style,
         gboolean    upper,
         double      width,
         double     *sides)
{
  PlanTextStyle text_style = { 0, };

  text_style.size = size;
  text_style.style = style;
  text_style.alignment = PANGO_ALIGN_CENTER;
  text_style.upper = upper;
  text_style.width = width;
  if (sides != NULL)
    {
      text_style.width = plan_block_builder_balanced_width (w->cache, &text_style, text);
      /* A little room over ours: Word's and LibreOffice's metrics differ by a hair, and the
       * narrowest width would then wrap a lone word */
      *sides = MAX (0, (width - text_style.width) / 2 - BALANCE_SLACK);
    }
  return plan_text_block_get_text_width (plan_layout_cache_get_plain (w->cache, &text_style, text));
}

/* ---- Tables ----------------------------------------------------------------------------- */

static void
write_width (PlanDocxXml *xml,
             const char  *name,
             double       width_pt)
{
  plan_docx_xml_start (xml, name);
  plan_docx_xml_attr_int (xml, "w:w", PLAN_DOCX_PT_TO_TWIPS (width_pt));
  plan_docx_xml_attr (xml, "w:type", "dxa");
  plan_docx_xml_end (xml);
}

static void
write_cell_margins (PlanDocxXml *xml,
                    double       x,
                    double       y)
{
  plan_docx_xml_start (xml, "w:tblCellMar");
  write_width (xml, "w:top", y);
  write_width (xml, "w:left", x);
  write_width (xml, "w:bottom", y);
  write_width (xml, "w:right", x);
  plan_docx_xml_end (xml);
}

/* w:tbl with its properties and grid; @widths in pt */
static void
start_table (Writer       *w,
             const char   *style,
             const double *widths,
             guint         n_columns,
             double        pad_x,
             double        pad_y)
{
  PlanDocxXml *xml = w->xml;
  double total = 0;

  for (guint i = 0; i < n_columns; i++)
    total += widths[i];

  plan_docx_xml_start (xml, "w:tbl");
  plan_docx_xml_start (xml, "w:tblPr");
  plan_docx_xml_val (xml, "w:tblStyle", style);
  write_width (xml, "w:tblW", total);
  plan_docx_xml_val (xml, "w:jc", "center");
  plan_docx_xml_val (xml, "w:tblLayout", "fixed");
  write_cell_margins (xml, pad_x, pad_y);
  plan_docx_xml_start (xml, "w:tblLook");
  plan_docx_xml_attr (xml, "w:val", "0000");
  plan_docx_xml_end (xml);
  plan_docx_xml_end (xml);

  plan_docx_xml_start (xml, "w:tblGrid");
  for (guint i = 0; i < n_columns; i++)
    {
      plan_docx_xml_start (xml, "w:gridCol");
      plan_docx_xml_attr_int (xml, "w:w", PLAN_DOCX_PT_TO_TWIPS (widths[i]));
      plan_docx_xml_end (xml);
    }
  plan_docx_xml_end (xml);
}

static void
start_row (Writer   *w,
           gboolean  header)
{
  PlanDocxXml *xml = w->xml;

  plan_docx_xml_start (xml, "w:tr");
  plan_docx_xml_start (xml, "w:trPr");
  plan_docx_xml_empty (xml, "w:cantSplit");
  if (header)
    plan_docx_xml_empty (xml, "w:tblHeader");
  plan_docx_xml_end (xml);
}

static void
start_cell (Writer     *w,
            double      width,
            guint       span,
            const char *vmerge,
            gboolean    center)
{
  PlanDocxXml *xml = w->xml;

  plan_docx_xml_start (xml, "w:tc");
  plan_docx_xml_start (xml, "w:tcPr");
  write_width (xml, "w:tcW", width);
  if (span > 1)
    plan_docx_xml_val_int (xml, "w:gridSpan", span);
  if (vmerge != NULL)
    {
      plan_docx_xml_start (xml, "w:vMerge");
      if (vmerge[0] != '\0')
        plan_docx_xml_attr (xml, "w:val", vmerge);
      plan_docx_xml_end (xml);
    }
  if (center)
    plan_docx_xml_val (xml, "w:vAlign", "center");
  plan_docx_xml_end (xml);
}

/* ---- Header block ----------------------------------------------------------------------- */

static char *
dup_printed_place_and_date (PlanDocument *document)
{
  g_autofree char *date = NULL;
  const char *place = plan_document_get_place (document);
  guint year, month, day;

  /* As the renderer prints it: a day or month not yet known is blank for the văn thư */
  plan_document_get_date (document, &year, &month, &day);
  date = plan_format_date_blank (year, month, day);
  return g_strdup_printf ("%s, %s", place[0] != '\0' ? place : "…", date);
}

/* A stamp (KHẨN, MẬT, LƯU HÀNH NỘI BỘ): bold capitals in a single-line frame @width wide and
 * 8 mm high, as our PDF draws them, @left pt from the left of a column @column_width wide.
 * A page header's stamp carries the page's watermark too when @watermark_index is not 0 (a
 * paragraph of its own would make the header taller than the margin). */
static void
write_stamp (Writer     *w,
             const char *text,
             double      width,
             double      left,
             double      column_width,
             double      before,
             guint       watermark_index)
{
  PlanDocxXml *xml = w->xml;
  static const char * const sides[] = { "w:top", "w:left", "w:bottom", "w:right" };
  Form form = FORM_INIT (PLAN_DOCX_STYLE_STAMP, FORM_BOLD | FORM_CAPS);
  double height = PLAN_MM_TO_PT (PLAN_STAMP_HEIGHT_MM);
  double text_height = plan_document_get_font_size (w->document) * 1.15;
  /* The text in the middle of the frame's height */
  double pad = MAX (0, (height - text_height) / 2);

  plan_docx_xml_start (xml, "w:p");
  plan_docx_xml_start (xml, "w:pPr");
  plan_docx_xml_val (xml, "w:pStyle", PLAN_DOCX_STYLE_STAMP);
  plan_docx_xml_start (xml, "w:pBdr");
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      plan_docx_xml_start (xml, sides[i]);
      plan_docx_xml_attr (xml, "w:val", "single");
      plan_docx_xml_attr_int (xml, "w:sz", RULE_EIGHTHS);
      plan_docx_xml_attr_int (xml, "w:space", (gint64) MIN (31, i % 2 == 0 ? pad : 0));
      plan_docx_xml_attr (xml, "w:color", "000000");
      plan_docx_xml_end (xml);
    }
  plan_docx_xml_end (xml);
  plan_docx_xml_start (xml, "w:spacing");
  plan_docx_xml_attr_int (xml, "w:before", PLAN_DOCX_PT_TO_TWIPS (before + pad));
  plan_docx_xml_attr_int (xml, "w:after", PLAN_DOCX_PT_TO_TWIPS (pad));
  plan_docx_xml_end (xml);
  plan_docx_xml_start (xml, "w:ind");
  plan_docx_xml_attr_int (xml, "w:left", PLAN_DOCX_PT_TO_TWIPS (MAX (0, left)));
  plan_docx_xml_attr_int (xml, "w:right", PLAN_DOCX_PT_TO_TWIPS (MAX (0, column_width - left - width)));
  plan_docx_xml_end (xml);
  plan_docx_xml_end (xml);
  if (watermark_index != 0)
    plan_docx_writer_watermark (xml, w->cache, FALSE, watermark_index);
  write_run (w, &form, text, form.style_form);
  plan_docx_xml_end (xml);
}

/* The renderer's header columns: the right one just wide enough for the Quốc hiệu on one
 * line, the left one the rest */
static void
header_columns (Writer *w,
                double *widths)
{
  widths[1] = MIN (measure (w, PLAN_NATIONAL_NAME, PLAN_SIZE_NATIONAL, PLAN_STYLE_BOLD, FALSE, w->width, NULL)
                   + PLAN_HEADER_GUTTER,
                   w->width * (1 - PLAN_LEFT_COLUMN_SHARE));
  widths[0] = w->width - widths[1];
}

/* The width of a stamp's frame, as the renderer sizes it */
static double
stamp_width (Writer     *w,
             const char *text,
             double      fixed_mm,
             double      column_width)
{
  double text_width = measure (w, text, plan_document_get_font_size (w->document),
                               PLAN_STYLE_BOLD, TRUE, column_width, NULL) +
                      2 * PLAN_MM_TO_PT (PLAN_STAMP_PAD_MM);

  return MIN (column_width, MAX (PLAN_MM_TO_PT (fixed_mm), MAX (text_width, PLAN_MM_TO_PT (20))));
}

/* @numbered: with the row of "Số" and the place and date; the plan issued by a decision has
 * none (it is cited by the decision's number and date), as our PDF prints it */
static void
write_header (Writer   *w,
              gboolean  numbered)
{
  PlanDocument *document = w->document;
  const char *parent = plan_document_get_parent_agency (document);
  const char *agency = plan_document_get_agency (document);
  g_autofree char *symbol = plan_document_dup_symbol (document);
  g_autofree char *number_line = g_strdup_printf ("Số: %s", symbol);
  g_autofree char *place_date = dup_printed_place_and_date (document);
  g_autofree char *circulation = NULL;
  PlanUrgency urgency = PLAN_URGENCY_NONE;
  PlanSecrecy secrecy = PLAN_SECRECY_NONE;
  double widths[2];
  double motto_width;

  g_object_get (document, "urgency", &urgency, "secrecy", &secrecy,
                "circulation", &circulation, NULL);

  header_columns (w, widths);

  start_table (w, PLAN_DOCX_STYLE_TABLE_PLAIN, widths, 2, 0, 0);

  /* Row 1: agencies | Quốc hiệu and Tiêu ngữ, each with its rule */
  start_row (w, FALSE);
  start_cell (w, widths[0], 1, NULL, FALSE);
  if (parent != NULL && *parent != '\0')
    {
      Form form = FORM_INIT (PLAN_DOCX_STYLE_PARENT_AGENCY, FORM_CAPS);

      measure (w, parent, PLAN_SIZE_AGENCY, 0, TRUE, widths[0], &form.sides);
      write_plain_paragraph (w, &form, parent);
    }
  if (agency != NULL && *agency != '\0')
    {
      Form form = FORM_INIT (PLAN_DOCX_STYLE_AGENCY, FORM_BOLD | FORM_CAPS);
      double agency_width = measure (w, agency, PLAN_SIZE_AGENCY, PLAN_STYLE_BOLD, TRUE, widths[0],
                                     &form.sides);

      write_plain_paragraph (w, &form, agency);
      write_rule (w, widths[0], agency_width * PLAN_SHORT_RULE_SHARE, PLAN_RULE_GAP, 0);
    }
  else if (parent == NULL || *parent == '\0')
    {
      Form form = FORM_INIT (PLAN_DOCX_STYLE_AGENCY, FORM_BOLD | FORM_CAPS);

      write_plain_paragraph (w, &form, "");
    }
  plan_docx_xml_end (w->xml);
  start_cell (w, widths[1], 1, NULL, FALSE);
  {
    Form national = FORM_INIT (PLAN_DOCX_STYLE_NATIONAL, FORM_BOLD | FORM_CAPS);
    Form motto = FORM_INIT (PLAN_DOCX_STYLE_MOTTO, FORM_BOLD);

    write_plain_paragraph (w, &national, PLAN_NATIONAL_NAME);
    write_plain_paragraph (w, &motto, PLAN_MOTTO);
    motto_width = measure (w, PLAN_MOTTO, PLAN_SIZE_MOTTO, PLAN_STYLE_BOLD, FALSE, widths[1], NULL);
    write_rule (w, widths[1], motto_width, PLAN_RULE_GAP, 0);
  }
  plan_docx_xml_end (w->xml);
  plan_docx_xml_end (w->xml);

  /* Row 2: "Số: …" and the stamps | place and date, on one baseline */
  if (!numbered && urgency == PLAN_URGENCY_NONE && secrecy == PLAN_SECRECY_NONE)
    {
      plan_docx_xml_end (w->xml);
      return;
    }
  start_row (w, FALSE);
  start_cell (w, widths[0], 1, NULL, FALSE);
  {
    static const char * const secrecy_names[] = { NULL, "MẬT", "TỐI MẬT", "TUYỆT MẬT" };
    static const char * const urgency_names[] = { NULL, "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC" };
    /* The decree's urgency stamps: KHẨN 20 mm, THƯỢNG KHẨN 40 mm, HỎA TỐC 30 mm wide */
    static const double urgency_widths_mm[] = { 0, 20, 40, 30 };
    Form number = FORM_INIT (PLAN_DOCX_STYLE_NUMBER, 0);
    const char *stamps[2] = { NULL, NULL };
    double fixed_mm[2] = { 0, 0 };

    number.before = HEADER_ROW_GAP;
    if (numbered)
      write_plain_paragraph (w, &number, number_line);
    if (secrecy > PLAN_SECRECY_NONE && secrecy <= PLAN_SECRECY_TUYET_MAT)
      stamps[0] = secrecy_names[secrecy];
    if (urgency > PLAN_URGENCY_NONE && urgency <= PLAN_URGENCY_HOA_TOC)
      {
        stamps[1] = urgency_names[urgency];
        fixed_mm[1] = urgency_widths_mm[urgency];
      }
    for (guint i = 0; i < G_N_ELEMENTS (stamps); i++)
      if (stamps[i] != NULL)
        write_stamp (w, stamps[i], stamp_width (w, stamps[i], fixed_mm[i], widths[0]), 0,
                     widths[0], PLAN_STAMP_GAP, 0);
  }
  plan_docx_xml_end (w->xml);
  start_cell (w, widths[1], 1, NULL, FALSE);
  {
    Form form = FORM_INIT (PLAN_DOCX_STYLE_PLACE_DATE, FORM_ITALIC);

    form.before = HEADER_ROW_GAP;
    write_plain_paragraph (w, &form, numbered ? place_date : "");
  }
  plan_docx_xml_end (w->xml);
  plan_docx_xml_end (w->xml);

  plan_docx_xml_end (w->xml);
}

/* The type name ("Kế hoạch", "Quyết định"), the trích yếu and its rule; @issuing, when not
 * NULL, is the italic "(Ban hành kèm theo Quyết định số …)" line under a plan issued by a
 * decision, above the rule */
static void
write_title (Writer     *w,
             const char *type,
             const char *title,
             const char *issuing)
{
  PlanDocument *document = w->document;
  Form type_name = FORM_INIT (PLAN_DOCX_STYLE_TYPE_NAME, FORM_BOLD | FORM_CAPS);
  double title_width = 0;

  write_plain_paragraph (w, &type_name, type);
  if (title != NULL && *title != '\0')
    {
      Form form = FORM_INIT (PLAN_DOCX_STYLE_TITLE, FORM_BOLD);

      title_width = measure (w, title, plan_document_get_font_size (document), PLAN_STYLE_BOLD,
                             FALSE, w->width, &form.sides);
      write_plain_paragraph (w, &form, title);
    }
  /* Written even before the plan has a title, as the renderer prints it: a new decision's
   * plan has none yet */
  if (issuing != NULL)
    {
      Form line = FORM_INIT (PLAN_DOCX_STYLE_ISSUING, FORM_ITALIC);

      measure (w, issuing, plan_document_get_font_size (document), PLAN_STYLE_ITALIC, FALSE,
               w->width, &line.sides);
      write_plain_paragraph (w, &line, issuing);
    }
  /* The first paragraph after it adds its own spacing to make the renderer's gap */
  if (title_width > 0)
    write_rule (w, w->width, title_width * PLAN_SHORT_RULE_SHARE, TITLE_RULE_GAP,
                PLAN_GAP_AFTER_TITLE - plan_document_get_paragraph_spacing (document));
}

/* ---- Preamble and outline --------------------------------------------------------------- */

/* A run of the end marker's own character style */
static void
write_end_marker_run (Writer     *w,
                      const char *marker)
{
  PlanDocxXml *xml = w->xml;

  plan_docx_xml_start (xml, "w:r");
  plan_docx_xml_start (xml, "w:rPr");
  plan_docx_xml_val (xml, "w:rStyle", PLAN_DOCX_STYLE_END_MARKER);
  plan_docx_xml_val (xml, "w:b", "0");
  plan_docx_xml_val (xml, "w:i", "0");
  plan_docx_xml_val (xml, "w:caps", "0");
  plan_docx_xml_end (xml);
  write_run_text (xml, marker);
  plan_docx_xml_end (xml);
}

static void
write_end_marker (Writer     *w,
                  const Form *form,
                  gpointer    object,
                  PlanText   *text)
{
  if (object != NULL && object == w->last_text)
    write_end_marker_run (w, plan_text_end_marker (text));
}

/* The paragraph's own alignment and indent */
static void
apply_paragraph_form (Form          *form,
                      PlanParagraph *paragraph)
{
  PlanAlignment alignment = plan_paragraph_get_alignment (paragraph);

  switch (alignment)
    {
    case PLAN_ALIGN_CENTER:
      form->jc = "center";
      break;
    case PLAN_ALIGN_RIGHT:
      form->jc = "right";
      break;
    case PLAN_ALIGN_LEFT:
      form->jc = "left";
      break;
    case PLAN_ALIGN_JUSTIFY:
    default:
      break;
    }
  if (alignment == PLAN_ALIGN_CENTER || alignment == PLAN_ALIGN_RIGHT ||
      !plan_paragraph_get_indent (paragraph))
    form->no_indent = TRUE;
}

static void
write_preamble (Writer *w)
{
  GListModel *preamble = plan_document_get_preamble (w->document);

  for (guint i = 0; i < g_list_model_get_n_items (preamble); i++)
    {
      g_autoptr(PlanParagraph) paragraph = g_list_model_get_item (preamble, i);
      PlanText *text = plan_paragraph_get_text (paragraph);
      gboolean can_cu = plan_text_is_legal_basis (text);
      Form form = FORM_INIT (can_cu ? PLAN_DOCX_STYLE_CAN_CU : PLAN_DOCX_STYLE_BODY,
                             can_cu ? FORM_ITALIC : 0);

      apply_paragraph_form (&form, paragraph);
      start_paragraph (w, &form);
      write_text (w, &form, text, can_cu ? FORM_ITALIC : 0);
      write_end_marker (w, &form, paragraph, text);
      end_paragraph (w);
    }
}

static void write_items (Writer     *w,
                         GListModel *items,
                         PlanItem   *parent,
                         const char *parent_number);

static void
write_table (Writer    *w,
             PlanTable *table)
{
  GListModel *columns = plan_table_get_columns (table);
  GListModel *header_rows = plan_table_get_header_rows (table);
  GListModel *body_rows = plan_table_get_rows (table);
  guint n_columns = g_list_model_get_n_items (columns);
  guint n_header = g_list_model_get_n_items (header_rows);
  guint n_rows = n_header + g_list_model_get_n_items (body_rows);
  g_autofree double *widths = NULL;
  g_autofree PlanMerge *merges = NULL;
  g_autofree PlanRow **rows = NULL;
  const char *title = plan_table_get_title (table);
  const char *note = plan_table_get_note (table);
  const char *footnote = plan_table_get_footnote (table);
  gboolean numbered = plan_table_get_numbered (table);
  gboolean repeat = plan_table_get_repeat_header (table);
  gboolean center_body = plan_table_get_vertical_alignment (table) == PLAN_VALIGN_CENTER;
  double own_size = plan_table_get_font_size (table);
  double total = 0;
  guint num_id = 0;

  if (title != NULL && *title != '\0')
    {
      Form form = FORM_INIT (PLAN_DOCX_STYLE_TABLE_TITLE, FORM_BOLD);

      write_plain_paragraph (w, &form, title);
    }
  if (note != NULL && *note != '\0')
    {
      Form form = FORM_INIT (PLAN_DOCX_STYLE_TABLE_NOTE, FORM_ITALIC);

      write_plain_paragraph (w, &form, note);
    }

  /* Word refuses a table without a row or a column */
  if (n_columns == 0 || n_header + g_list_model_get_n_items (body_rows) == 0)
    return;

  widths = g_new0 (double, n_columns);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(PlanColumn) column = g_list_model_get_item (columns, c);

      widths[c] = MAX (plan_column_get_width (column), 0.01);
      total += widths[c];
    }
  for (guint c = 0; c < n_columns; c++)
    widths[c] = widths[c] / total * w->width;

  /* Merge flags of the whole grid (header rows, then body rows), as the renderer reads them:
   * a covered cell in the first row or column has nothing to continue. Header and body are
   * merged separately. */
  rows = g_new0 (PlanRow *, MAX (n_rows, 1));
  merges = g_new0 (PlanMerge, (gsize) MAX (n_rows, 1) * n_columns);
  for (guint r = 0; r < n_rows; r++)
    {
      gboolean first_of_part = r == 0 || r == n_header;

      rows[r] = r < n_header ? g_list_model_get_item (header_rows, r)
                             : g_list_model_get_item (body_rows, r - n_header);
      for (guint c = 0; c < n_columns; c++)
        {
          PlanCell *cell = plan_row_get_cell (rows[r], c);
          PlanMerge merge = cell != NULL ? plan_cell_get_merge (cell) : PLAN_MERGE_NONE;

          if ((first_of_part && merge == PLAN_MERGE_UP) || (c == 0 && merge == PLAN_MERGE_LEFT))
            merge = PLAN_MERGE_NONE;
          merges[r * n_columns + c] = merge;
        }
    }

  /* The TT column counts with Word's own numbering, from 1 in each table: a row inserted in
   * Word is numbered as in our editor (a row whose first cell is merged up has no number) */
  if (numbered)
    num_id = ++w->n_numbered;

  start_table (w, PLAN_DOCX_STYLE_TABLE_RULED, widths, n_columns,
               PLAN_TABLE_PAD_X, PLAN_TABLE_PAD_Y);
  w->run_size = own_size;
  for (guint r = 0; r < n_rows; r++)
    {
      gboolean header = r < n_header;
      gboolean last_of_part = r + 1 == n_rows || r + 1 == n_header;

      start_row (w, header && repeat);
      for (guint c = 0; c < n_columns; c++)
        {
          PlanMerge merge = merges[r * n_columns + c];
          PlanCell *cell = plan_row_get_cell (rows[r], c);
          const char *vmerge = NULL;
          guint span = 1;
          double width;
          Form form = FORM_INIT (header ? PLAN_DOCX_STYLE_TABLE_HEADER : PLAN_DOCX_STYLE_TABLE_CELL,
                                 header ? FORM_BOLD : 0);
          guint run_form = form.style_form;
          const char *text;
          g_auto(GStrv) lines = NULL;

          if (merge == PLAN_MERGE_LEFT)
            continue;
          while (c + span < n_columns && merges[r * n_columns + c + span] == PLAN_MERGE_LEFT)
            span++;
          width = 0;
          for (guint i = c; i < c + span; i++)
            width += widths[i];
          if (merge == PLAN_MERGE_UP)
            vmerge = "";
          else if (!last_of_part && merges[(r + 1) * n_columns + c] == PLAN_MERGE_UP)
            vmerge = "restart";

          start_cell (w, width, span, vmerge, header || center_body);

          if (header)
            {
              static const guint header_forms[] = {
                [PLAN_HEADER_BOLD] = FORM_BOLD,
                [PLAN_HEADER_BOLD_ITALIC] = FORM_BOLD | FORM_ITALIC,
                [PLAN_HEADER_ITALIC] = FORM_ITALIC,
                [PLAN_HEADER_PLAIN] = 0,
              };
              PlanHeaderStyle header_style = plan_row_get_header_style (rows[r]);

              run_form = header_style < G_N_ELEMENTS (header_forms) ? header_forms[header_style]
                                                                     : FORM_BOLD;
            }
          else
            {
              g_autoptr(PlanColumn) column = g_list_model_get_item (columns, c);
              PlanAlignment alignment = plan_column_get_alignment (column);

              if (numbered && c == 0)
                alignment = PLAN_ALIGN_CENTER;
              form.jc = alignment == PLAN_ALIGN_CENTER ? "center"
                      : alignment == PLAN_ALIGN_RIGHT ? "right"
                      : alignment == PLAN_ALIGN_JUSTIFY ? "both" : NULL;
            }

          if (!header && numbered && c == 0)
            {
              text = "";
              if (merge == PLAN_MERGE_NONE)
                form.num_id = num_id;
            }
          else
            {
              text = cell != NULL && merge == PLAN_MERGE_NONE ? plan_cell_get_text (cell) : "";
            }

          /* "\n" separates the cell's paragraphs */
          lines = g_strsplit (text, "\n", -1);
          for (guint i = 0; lines[i] != NULL || i == 0; i++)
            {
              start_paragraph (w, &form);
              if (lines[i] != NULL)
                write_run (w, &form, lines[i], run_form);
              end_paragraph (w);
              if (lines[i] == NULL)
                break;
            }
          plan_docx_xml_end (w->xml);
        }
      plan_docx_xml_end (w->xml);
    }
  plan_docx_xml_end (w->xml);

  for (guint r = 0; r < n_rows; r++)
    g_object_unref (rows[r]);

  /* "(*) …": italic, right under the table, in the table's size */
  if (footnote != NULL && *footnote != '\0')
    {
      Form form = FORM_INIT (PLAN_DOCX_STYLE_TABLE_FOOTNOTE, FORM_ITALIC);

      write_plain_paragraph (w, &form, footnote);
    }
  w->run_size = 0;
}

static const char *
item_style (PlanItemKind kind,
            guint       *style_form)
{
  *style_form = 0;
  switch (kind)
    {
    case PLAN_ITEM_PART:
      *style_form = FORM_BOLD | FORM_CAPS;
      return PLAN_DOCX_STYLE_PART;
    case PLAN_ITEM_SECTION:
      *style_form = FORM_BOLD | FORM_CAPS;
      return PLAN_DOCX_STYLE_SECTION;
    case PLAN_ITEM_NUMBERED:
      *style_form = FORM_BOLD;
      return PLAN_DOCX_STYLE_ITEM;
    case PLAN_ITEM_POINT:
      return PLAN_DOCX_STYLE_POINT;
    case PLAN_ITEM_BULLET:
      return PLAN_DOCX_STYLE_BULLET;
    case PLAN_ITEM_NOTE:
      *style_form = FORM_ITALIC;
      return PLAN_DOCX_STYLE_NOTE;
    case PLAN_ITEM_PARAGRAPH:
      return PLAN_DOCX_STYLE_FREE_PARAGRAPH;
    case PLAN_ITEM_TABLE:
    default:
      return PLAN_DOCX_STYLE_BODY;
    }
}

/* The object a heading paragraph prints last: the run-in paragraph, or the item itself */
static gpointer
last_of (PlanItem   *item,
         GListModel *paragraphs,
         gboolean    run_in)
{
  g_autoptr(PlanParagraph) paragraph = run_in ? g_list_model_get_item (paragraphs, 0) : NULL;

  return run_in ? (gpointer) paragraph : (gpointer) item;
}

static void
write_item (Writer     *w,
            PlanItem   *item,
            const char *marker)
{
  PlanItemKind kind = plan_item_get_kind (item);
  PlanText *heading = plan_item_get_heading (item);
  GListModel *paragraphs = plan_item_get_paragraphs (item);
  guint n_paragraphs = g_list_model_get_n_items (paragraphs);
  gboolean has_heading = heading != NULL && !plan_text_is_empty (heading);
  gboolean heading_bold = kind == PLAN_ITEM_PART || kind == PLAN_ITEM_SECTION ||
                          kind == PLAN_ITEM_NUMBERED;
  gboolean heading_upper = kind == PLAN_ITEM_PART || kind == PLAN_ITEM_SECTION;
  guint paragraph_form = kind == PLAN_ITEM_NOTE ? FORM_ITALIC : 0;
  gboolean has_marker = marker != NULL && *marker != '\0';
  g_autofree char *marker_space = has_marker ? g_strconcat (marker, " ", NULL) : NULL;
  g_autofree char *child_prefix = NULL;
  guint style_form;
  const char *style = item_style (kind, &style_form);
  guint first_paragraph = 0;

  if (kind == PLAN_ITEM_TABLE)
    {
      if (plan_item_get_table (item) != NULL)
        write_table (w, plan_item_get_table (item));
      return;
    }

  if (has_heading)
    {
      Form form = FORM_INIT (style, style_form);
      guint heading_form = (heading_bold ? FORM_BOLD : paragraph_form) |
                           (heading_upper ? FORM_CAPS : 0);
      gboolean part_word = kind == PLAN_ITEM_PART && has_marker &&
                           g_str_has_prefix (marker, "Phần");
      gboolean run_in = plan_item_get_run_in (item) && n_paragraphs > 0;
      gpointer last = item;
      PlanText *last_text = heading;

      if (part_word)
        {
          form.jc = "center";
          form.no_indent = TRUE;
        }
      form.keep_next = !run_in || (w->keeper != NULL && w->keeper == last_of (item, paragraphs, run_in));
      start_paragraph (w, &form);
      if (has_marker)
        write_run (w, &form, part_word ? marker : marker_space, heading_form);
      if (part_word)
        write_run (w, &form, "\n", heading_form);
      /* A point's heading prints as plain as its text: its character style tells them apart */
      if (kind == PLAN_ITEM_POINT)
        w->run_style = PLAN_DOCX_STYLE_POINT_HEADING;
      write_text (w, &form, heading, heading_form);
      w->run_style = NULL;
      if (run_in)
        {
          g_autoptr(PlanParagraph) paragraph = g_list_model_get_item (paragraphs, 0);

          write_run (w, &form, " ", 0);
          write_text (w, &form, plan_paragraph_get_text (paragraph), paragraph_form);
          last = paragraph;
          last_text = plan_paragraph_get_text (paragraph);
          first_paragraph = 1;
        }
      write_end_marker (w, &form, last, last_text);
      end_paragraph (w);
    }

  for (guint i = first_paragraph; i < n_paragraphs; i++)
    {
      g_autoptr(PlanParagraph) paragraph = g_list_model_get_item (paragraphs, i);
      PlanText *text = plan_paragraph_get_text (paragraph);
      gboolean leads = !has_heading && i == 0 && has_marker;
      /* A bullet's further paragraphs keep its style, and a paragraph item's first paragraph
       * has a style of its own (its further ones are in "Nội dung" like every item's): the
       * import knows them by it */
      Form form = FORM_INIT (leads || kind == PLAN_ITEM_BULLET ? style
                             : kind == PLAN_ITEM_NOTE ? PLAN_DOCX_STYLE_NOTE
                             : kind == PLAN_ITEM_PARAGRAPH && i == 0 && !has_heading ? style
                             : PLAN_DOCX_STYLE_BODY,
                             leads ? style_form : paragraph_form);

      /* Headings' styles keep them with what follows; a paragraph in one does not */
      if (leads && heading_upper)
        form.keep_next = 0;
      if (w->keeper != NULL && (gpointer) paragraph == w->keeper)
        form.keep_next = 1;

      apply_paragraph_form (&form, paragraph);
      start_paragraph (w, &form);
      /* Without a heading the marker leads the first paragraph; a section's numeral stays bold */
      if (leads)
        write_run (w, &form, marker_space, heading_upper ? FORM_BOLD | FORM_CAPS : 0);
      write_text (w, &form, text, paragraph_form);
      write_end_marker (w, &form, paragraph, text);
      end_paragraph (w);
    }

  /* A marker with neither heading nor paragraphs still holds its place. */
  if (!has_heading && n_paragraphs == 0 && has_marker &&
      g_list_model_get_n_items (plan_item_get_children (item)) == 0)
    {
      Form form = FORM_INIT (style, style_form);

      if (heading_upper)
        form.keep_next = 0;
      start_paragraph (w, &form);
      write_run (w, &form, marker, heading_upper ? FORM_BOLD | FORM_CAPS : 0);
      write_end_marker (w, &form, item, heading);
      end_paragraph (w);
    }

  child_prefix = plan_numbering_child_prefix (item, marker);
  write_items (w, plan_item_get_children (item), item, child_prefix);
}

static void
write_items (Writer     *w,
             GListModel *items,
             PlanItem   *parent,
             const char *parent_number)
{
  guint n_items = g_list_model_get_n_items (items);
  g_auto(GStrv) markers = NULL;

  if (n_items == 0)
    return;
  markers = plan_numbering_markers (w->document, items, parent, parent_number);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(PlanItem) item = g_list_model_get_item (items, i);

      write_item (w, item, markers != NULL ? markers[i] : NULL);
    }
}

/* ---- Closing ---------------------------------------------------------------------------- */

static void
write_lines (Writer     *w,
             const Form *form,
             const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      Form line = *form;

      if (i > 0)
        line.before = -1;
      write_plain_paragraph (w, &line, lines[i]);
    }
}

/* "Nơi nhận:" and the list, each line "- Name (purpose);", the last "- Lưu: VT." */
static void
write_recipients (Writer     *w,
                  GListModel *recipients,
                  const char *archive)
{
  guint n_recipients = g_list_model_get_n_items (recipients);
  Form label = FORM_INIT (PLAN_DOCX_STYLE_RECIPIENTS_LABEL, FORM_BOLD | FORM_ITALIC);
  Form line = FORM_INIT (PLAN_DOCX_STYLE_RECIPIENTS, 0);
  g_autofree char *archive_line = NULL;
  g_autofree char *archive_ended = NULL;

  label.before = PLAN_GAP_BEFORE_CLOSING;
  write_plain_paragraph (w, &label, "Nơi nhận:");
  for (guint i = 0; i < n_recipients; i++)
    {
      g_autoptr(PlanRecipient) recipient = g_list_model_get_item (recipients, i);
      g_autofree char *recipient_name = g_strstrip (g_strdup (plan_recipient_get_name (recipient)));
      g_autofree char *purpose = g_strstrip (g_strdup (plan_recipient_get_purpose (recipient)));
      g_autofree char *text = *purpose != '\0'
                              ? g_strdup_printf ("- %s (%s)", recipient_name, purpose)
                              : g_strdup_printf ("- %s", recipient_name);
      g_autofree char *ended = plan_format_end_line (text, ";");

      write_plain_paragraph (w, &line, ended);
    }
  archive_line = g_strchomp (g_strdup_printf ("- Lưu: %s",
                                              archive != NULL && *archive != '\0' ? archive : "VT"));
  /* The list ends with "." (ND30 §II.9b): a ";" or "," typed at the end gives way to it */
  if (g_str_has_suffix (archive_line, ";") || g_str_has_suffix (archive_line, ","))
    archive_line[strlen (archive_line) - 1] = '\0';
  archive_ended = plan_format_end_line (archive_line, ".");
  line.keep_next = 0;
  write_plain_paragraph (w, &line, archive_ended);
}

/* @recipients and @archive: the Nơi nhận (the decision's, or the plan's); with
 * @with_recipients FALSE the left cell stays empty and only the signature is written, as
 * under a plan issued by a decision (Mẫu 1.3) */
static void
write_closing (Writer     *w,
               GListModel *recipients,
               const char *archive,
               gboolean    with_recipients)
{
  PlanDocument *document = w->document;
  const char *authority = plan_document_get_signer_authority (document);
  const char *title = plan_document_get_signer_title (document);
  const char *name = plan_document_get_signer_name (document);
  const char *notes = plan_document_get_signer_notes (document);
  double widths[2];

  widths[0] = w->width * PLAN_LEFT_COLUMN_SHARE;
  widths[1] = w->width - widths[0];

  start_table (w, PLAN_DOCX_STYLE_TABLE_PLAIN, widths, 2, 0, 0);
  start_row (w, FALSE);

  /* Left: the Nơi nhận; right: the signer */
  start_cell (w, widths[0], 1, NULL, FALSE);
  if (with_recipients)
    write_recipients (w, recipients, archive);
  else
    {
      /* Word wants a paragraph in every cell */
      Form empty = FORM_INIT (PLAN_DOCX_STYLE_RECIPIENTS, 0);

      empty.keep_next = 0;
      write_plain_paragraph (w, &empty, "");
    }
  plan_docx_xml_end (w->xml);

  /* Right: authority and title, room for signature and seal, the name, notes */
  start_cell (w, widths[1], 1, NULL, FALSE);
  {
    Form signer = FORM_INIT (PLAN_DOCX_STYLE_SIGNER_TITLE, FORM_BOLD | FORM_CAPS);
    Form signer_name = FORM_INIT (PLAN_DOCX_STYLE_SIGNER_NAME, FORM_BOLD);
    gboolean any = FALSE;

    signer.before = PLAN_GAP_BEFORE_CLOSING;
    if (authority != NULL && *authority != '\0')
      {
        write_lines (w, &signer, authority);
        signer.before = -1;
        any = TRUE;
      }
    if (title != NULL && *title != '\0')
      {
        write_lines (w, &signer, title);
        any = TRUE;
      }
    if (!any)
      write_plain_paragraph (w, &signer, "");
    write_plain_paragraph (w, &signer_name, name != NULL ? name : "");
    if (notes != NULL && *notes != '\0')
      {
        gboolean bold = plan_document_get_signer_notes_bold (document);
        Form form = FORM_INIT (PLAN_DOCX_STYLE_SIGNER_NOTES, 0);
        g_auto(GStrv) lines = g_strsplit (notes, "\n", -1);

        for (guint i = 0; lines[i] != NULL; i++)
          {
            Form line = form;

            if (i > 0)
              line.before = 0;
            start_paragraph (w, &line);
            write_run (w, &line, lines[i], bold ? FORM_BOLD : 0);
            end_paragraph (w);
          }
      }
  }
  plan_docx_xml_end (w->xml);

  plan_docx_xml_end (w->xml);
  plan_docx_xml_end (w->xml);
}

/* ---- Sections and appendices ------------------------------------------------------------ */

static void
write_header_reference (PlanDocxXml *xml,
                        const char  *type,
                        const char  *id)
{
  plan_docx_xml_start (xml, "w:headerReference");
  plan_docx_xml_attr (xml, "w:type", type);
  plan_docx_xml_attr (xml, "r:id", id);
  plan_docx_xml_end (xml);
}

/* The properties of a section: its page, margins, headers and page numbering. A section
 * whose numbering restarts leaves its first page unnumbered (w:titlePg). */
static void
write_section_properties (Writer          *w,
                          PlanOrientation  orientation,
                          gboolean         restart)
{
  PlanDocxXml *xml = w->xml;
  gboolean landscape = orientation == PLAN_ORIENTATION_LANDSCAPE;
  const PlanDocxHeaders *headers = landscape ? w->landscape : w->portrait;
  double top, bottom, left, right;

  plan_document_get_margins (w->document, &top, &bottom, &left, &right);

  plan_docx_xml_start (xml, "w:sectPr");
  write_header_reference (xml, "default", headers->other);
  if (restart)
    write_header_reference (xml, "first", w->n_title_pages > 0 && headers->title != NULL
                                          ? headers->title : headers->first);
  if (w->n_title_pages > 0)
    w->n_title_pages--;
  plan_docx_xml_val (xml, "w:type", "nextPage");
  plan_docx_xml_start (xml, "w:pgSz");
  plan_docx_xml_attr_int (xml, "w:w", PLAN_DOCX_PT_TO_TWIPS (landscape ? PLAN_A4_HEIGHT_PT : PLAN_A4_WIDTH_PT));
  plan_docx_xml_attr_int (xml, "w:h", PLAN_DOCX_PT_TO_TWIPS (landscape ? PLAN_A4_WIDTH_PT : PLAN_A4_HEIGHT_PT));
  if (landscape)
    plan_docx_xml_attr (xml, "w:orient", "landscape");
  plan_docx_xml_end (xml);
  plan_docx_xml_start (xml, "w:pgMar");
  plan_docx_xml_attr_int (xml, "w:top", PLAN_DOCX_MM_TO_TWIPS (top));
  plan_docx_xml_attr_int (xml, "w:right", PLAN_DOCX_MM_TO_TWIPS (right));
  plan_docx_xml_attr_int (xml, "w:bottom", PLAN_DOCX_MM_TO_TWIPS (bottom));
  plan_docx_xml_attr_int (xml, "w:left", PLAN_DOCX_MM_TO_TWIPS (left));
  plan_docx_xml_attr_int (xml, "w:header", PLAN_DOCX_MM_TO_TWIPS (PLAN_PAGE_NUMBER_TOP_MM));
  plan_docx_xml_attr_int (xml, "w:footer", PLAN_DOCX_MM_TO_TWIPS (PLAN_PAGE_NUMBER_TOP_MM));
  plan_docx_xml_attr (xml, "w:gutter", "0");
  plan_docx_xml_end (xml);
  if (restart)
    {
      plan_docx_xml_start (xml, "w:pgNumType");
      plan_docx_xml_attr (xml, "w:start", "1");
      plan_docx_xml_end (xml);
      plan_docx_xml_empty (xml, "w:titlePg");
    }
  plan_docx_xml_end (xml);
}

/* A paragraph too small to move anything, 1 pt high: it ends a section (carrying the
 * section's properties when @orientation is not -1) and follows a closing table, which Word
 * wants followed by a paragraph. */
static void
write_tiny_paragraph (Writer *w,
                      int     orientation,
                      gboolean restart)
{
  PlanDocxXml *xml = w->xml;

  plan_docx_xml_start (xml, "w:p");
  plan_docx_xml_start (xml, "w:pPr");
  plan_docx_xml_val (xml, "w:pStyle", PLAN_DOCX_STYLE_RULE);
  plan_docx_xml_start (xml, "w:spacing");
  plan_docx_xml_attr (xml, "w:before", "0");
  plan_docx_xml_attr (xml, "w:after", "0");
  plan_docx_xml_attr (xml, "w:line", "20");
  plan_docx_xml_attr (xml, "w:lineRule", "exact");
  plan_docx_xml_end (xml);
  if (orientation >= 0)
    write_section_properties (w, orientation, restart);
  plan_docx_xml_end (xml);
  plan_docx_xml_end (xml);
}

/* ---- The decision that issues the plan (Mẫu 1.3) -------------------------------------- */

/* A line centred in bold capitals at the body size, balanced as our PDF balances it: the
 * issuing authority and "QUYẾT ĐỊNH:" */
static void
write_centred_bold (Writer     *w,
                    const char *style,
                    const char *text)
{
  Form form = FORM_INIT (style, FORM_BOLD | FORM_CAPS);

  measure (w, text, plan_document_get_font_size (w->document), PLAN_STYLE_BOLD, TRUE, w->width,
           &form.sides);
  write_plain_paragraph (w, &form, text);
}

/* "Điều 1." in bold, then its text, indented as a body paragraph; the last article ends the
 * decision with the end marker */
static void
write_articles (Writer       *w,
                PlanDecision *decision)
{
  GListModel *articles = plan_decision_get_articles (decision);
  guint n_articles = g_list_model_get_n_items (articles);

  for (guint i = 0; i < n_articles; i++)
    {
      g_autoptr(PlanArticle) article = g_list_model_get_item (articles, i);
      g_autofree char *label = plan_article_dup_printed_label (article, i);
      PlanText *text = plan_article_get_text (article);
      Form form = FORM_INIT (PLAN_DOCX_STYLE_ARTICLE, 0);

      start_paragraph (w, &form);
      write_run (w, &form, label, FORM_BOLD);
      if (!plan_text_is_empty (text))
        {
          write_run (w, &form, " ", 0);
          write_text (w, &form, text, 0);
        }
      if (i + 1 == n_articles && plan_document_get_end_marker (w->document))
        write_end_marker_run (w, plan_text_end_marker (text));
      end_paragraph (w);
    }
}

/* The decision's pages, in a section of their own that ends here: header with its number,
 * "QUYẾT ĐỊNH" and the title, the authority, the bases (all italic, Mẫu 1.3), "QUYẾT ĐỊNH:",
 * the articles, its Nơi nhận and the signer. The plan then starts on a new page, numbered from
 * its own first page (unnumbered), as our PDF numbers it. */
static void
write_decision (Writer *w)
{
  PlanDecision *decision = plan_document_get_decision (w->document);
  const char *authority = plan_decision_get_authority (decision);
  GListModel *preamble = plan_decision_get_preamble (decision);

  write_header (w, TRUE);
  write_title (w, "Quyết định", plan_decision_get_title (decision), NULL);
  if (authority[0] != '\0')
    write_centred_bold (w, PLAN_DOCX_STYLE_AUTHORITY, authority);
  for (guint i = 0; i < g_list_model_get_n_items (preamble); i++)
    {
      g_autoptr(PlanParagraph) paragraph = g_list_model_get_item (preamble, i);
      Form form = FORM_INIT (PLAN_DOCX_STYLE_CAN_CU, FORM_ITALIC);

      apply_paragraph_form (&form, paragraph);
      start_paragraph (w, &form);
      write_text (w, &form, plan_paragraph_get_text (paragraph), FORM_ITALIC);
      end_paragraph (w);
    }
  write_centred_bold (w, PLAN_DOCX_STYLE_DECIDES, "QUYẾT ĐỊNH:");
  write_articles (w, decision);
  write_closing (w, plan_decision_get_recipients (decision), plan_decision_get_archive (decision),
                 TRUE);
  write_tiny_paragraph (w, PLAN_ORIENTATION_PORTRAIT, TRUE);
}

static void
write_appendix (Writer       *w,
                PlanAppendix *appendix)
{
  PlanDocument *document = w->document;
  g_autofree char *label = plan_document_dup_appendix_label (document, appendix);
  /* As our PDF prints it: blank space for a day or number not yet given */
  g_autofree char *reference = plan_document_dup_printed_appendix_reference (document, appendix);
  const char *title = plan_appendix_get_title (appendix);
  double font_size = plan_document_get_font_size (document);
  double rule_width = 0;

  w->width = plan_block_builder_text_width (document, plan_appendix_get_orientation (appendix));

  if (label != NULL && *label != '\0')
    {
      Form form = FORM_INIT (PLAN_DOCX_STYLE_APPENDIX, FORM_BOLD);

      write_plain_paragraph (w, &form, label);
      rule_width = measure (w, label, PLAN_SIZE_APPENDIX, PLAN_STYLE_BOLD, FALSE, w->width, NULL);
    }
  if (title != NULL && *title != '\0')
    {
      Form form = FORM_INIT (PLAN_DOCX_STYLE_APPENDIX_TITLE, FORM_BOLD);

      rule_width = measure (w, title, font_size, PLAN_STYLE_BOLD, FALSE, w->width, &form.sides) *
                   PLAN_SHORT_RULE_SHARE;
      write_plain_paragraph (w, &form, title);
    }
  if (reference != NULL && *reference != '\0')
    {
      Form form = FORM_INIT (PLAN_DOCX_STYLE_APPENDIX_REFERENCE, FORM_ITALIC);

      measure (w, reference, font_size, PLAN_STYLE_ITALIC, FALSE, w->width, &form.sides);
      write_plain_paragraph (w, &form, reference);
    }
  if (rule_width > 0)
    write_rule (w, w->width, rule_width, TITLE_RULE_GAP, 0);

  write_items (w, plan_appendix_get_content (appendix), NULL, NULL);
}

GBytes *
plan_docx_writer_title_page_header (PlanDocument    *document,
                                    PlanLayoutCache *cache,
                                    gboolean         watermark,
                                    guint            index)
{
  g_autoptr(PlanDocxXml) xml = plan_docx_writer_page_header_start ();
  g_autofree char *circulation = NULL;
  Writer w = { 0, };
  double widths[2], frame_width;

  w.xml = xml;
  w.document = document;
  w.cache = cache;
  w.width = plan_block_builder_text_width (document, PLAN_ORIENTATION_PORTRAIT);
  g_object_get (document, "circulation", &circulation, NULL);
  header_columns (&w, widths);

  /* Centred above the Quốc hiệu, its bottom 2 mm above the text area: the header starts
   * 10 mm from the top, the margin is 20–25 mm */
  frame_width = MIN (widths[1], measure (&w, circulation, plan_document_get_font_size (document),
                                         PLAN_STYLE_BOLD, TRUE, widths[1], NULL) +
                                2 * PLAN_MM_TO_PT (PLAN_STAMP_PAD_MM));
  write_stamp (&w, circulation, frame_width, widths[0] + (widths[1] - frame_width) / 2, w.width, 0,
               watermark ? index : 0);

  return plan_docx_xml_finish (g_steal_pointer (&xml));
}

GBytes *
plan_docx_writer_numbering (guint n_tables)
{
  g_autoptr(PlanDocxXml) xml = plan_docx_xml_new ("w:numbering", "w", PLAN_DOCX_NS_W, NULL);

  plan_docx_xml_start (xml, "w:abstractNum");
  plan_docx_xml_attr (xml, "w:abstractNumId", "0");
  plan_docx_xml_val (xml, "w:multiLevelType", "singleLevel");
  plan_docx_xml_start (xml, "w:lvl");
  plan_docx_xml_attr (xml, "w:ilvl", "0");
  plan_docx_xml_val (xml, "w:start", "1");
  plan_docx_xml_val (xml, "w:numFmt", "decimal");
  plan_docx_xml_val (xml, "w:suff", "nothing");
  plan_docx_xml_val (xml, "w:lvlText", "%1");
  plan_docx_xml_val (xml, "w:lvlJc", "center");
  plan_docx_xml_start (xml, "w:pPr");
  plan_docx_xml_start (xml, "w:ind");
  plan_docx_xml_attr (xml, "w:left", "0");
  plan_docx_xml_attr (xml, "w:firstLine", "0");
  plan_docx_xml_end (xml);
  plan_docx_xml_end (xml);
  plan_docx_xml_end (xml);
  plan_docx_xml_end (xml);

  for (guint i = 1; i <= n_tables; i++)
    {
      plan_docx_xml_start (xml, "w:num");
      plan_docx_xml_attr_int (xml, "w:numId", i);
      plan_docx_xml_val (xml, "w:abstractNumId", "0");
      plan_docx_xml_start (xml, "w:lvlOverride");
      plan_docx_xml_attr (xml, "w:ilvl", "0");
      plan_docx_xml_val (xml, "w:startOverride", "1");
      plan_docx_xml_end (xml);
      plan_docx_xml_end (xml);
    }

  return plan_docx_xml_finish (g_steal_pointer (&xml));
}

GBytes *
plan_docx_writer_body (PlanDocument          *document,
                       PlanLayoutCache       *cache,
                       const PlanDocxHeaders *portrait,
                       const PlanDocxHeaders *landscape,
                       guint                 *n_numbered_tables)
{
  g_autoptr(PlanDocxXml) xml = plan_docx_xml_new ("w:document",
                                                  "w", PLAN_DOCX_NS_W,
                                                  "r", PLAN_DOCX_NS_R,
                                                  NULL);
  GListModel *appendices = plan_document_get_appendices (document);
  guint n_appendices = g_list_model_get_n_items (appendices);
  gboolean restart = plan_document_get_appendix_page_numbering (document) == PLAN_PAGE_NUMBERING_RESTART;
  PlanOrientation orientation = PLAN_ORIENTATION_PORTRAIT;
  PlanText *last_text = NULL;
  Writer w = { 0, };

  w.xml = xml;
  w.document = document;
  w.cache = cache;
  w.portrait = portrait;
  w.landscape = landscape;
  w.width = plan_block_builder_text_width (document, PLAN_ORIENTATION_PORTRAIT);

  plan_docx_xml_start (xml, "w:body");

  w.n_title_pages = 1;
  if (plan_document_get_kind (document) == PLAN_DOCUMENT_KIND_DECISION)
    {
      g_autofree char *issuing = plan_document_dup_issuing_reference (document);

      w.n_title_pages = 2;
      write_decision (&w);
      write_header (&w, FALSE);
      write_title (&w, plan_document_get_type_name (document), plan_document_get_title (document),
                   issuing);
    }
  else
    {
      write_header (&w, TRUE);
      write_title (&w, plan_document_get_type_name (document), plan_document_get_title (document),
                   NULL);
    }
  w.keeper = plan_item_list_find_last_text (plan_document_get_body (document), &last_text);
  if (plan_document_get_end_marker (document))
    w.last_text = w.keeper;
  write_preamble (&w);
  write_items (&w, plan_document_get_body (document), NULL, NULL);
  /* The body ends in a table (or is empty): the end marker stands on its own line. */
  if (plan_document_get_end_marker (document) && w.last_text == NULL)
    {
      Form form = FORM_INIT (PLAN_DOCX_STYLE_BODY, 0);

      start_paragraph (&w, &form);
      write_end_marker_run (&w, "./.");
      end_paragraph (&w);
    }
  /* Under a plan issued by a decision only the signature, unless the plan has its own list */
  write_closing (&w, plan_document_get_recipients (document), plan_document_get_archive (document),
                 plan_document_get_kind (document) != PLAN_DOCUMENT_KIND_DECISION ||
                 g_list_model_get_n_items (plan_document_get_recipients (document)) > 0 ||
                 plan_document_get_archive (document)[0] != '\0');

  /* Each section's properties close it: the body's (first page unnumbered), then each
   * appendix's, the last one as the body's last child */
  for (guint i = 0; i < n_appendices; i++)
    {
      g_autoptr(PlanAppendix) appendix = g_list_model_get_item (appendices, i);

      write_tiny_paragraph (&w, orientation, i == 0 || restart);
      orientation = plan_appendix_get_orientation (appendix);
      write_appendix (&w, appendix);
    }
  write_tiny_paragraph (&w, -1, FALSE);
  write_section_properties (&w, orientation, n_appendices == 0 || restart);
  *n_numbered_tables = w.n_numbered;

  return plan_docx_xml_finish (g_steal_pointer (&xml));
}
