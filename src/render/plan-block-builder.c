/* plan-block-builder.c: the plan as blocks, following ND30/2020 Phụ lục I
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "plan-block-builder"

#include "config.h"

#include <string.h>

#include "plan-block-builder.h"
#include "plan-format.h"
#include "plan-numbering.h"
#include "plan-units.h"

typedef struct {
  PlanDocument    *document;
  PlanLayoutCache *cache;
  GPtrArray       *blocks;
  double           width;          /* text area of the current section */
  double           font_size;
  double           line_spacing;
  double           paragraph_spacing;
  double           indent;
  gpointer         last_text;      /* the body's last printed text: gets the end marker */
  PlanParagraph   *form;           /* the paragraph being added: its alignment and indent */
  const char      *end_marker;
} Builder;

double
plan_block_builder_text_width (PlanDocument   *document,
                               PlanOrientation orientation)
{
  double top, bottom, left, right;
  double page_width = orientation == PLAN_ORIENTATION_LANDSCAPE ? PLAN_A4_HEIGHT_PT
                                                                : PLAN_A4_WIDTH_PT;

  plan_document_get_margins (document, &top, &bottom, &left, &right);
  return page_width - PLAN_MM_TO_PT (left) - PLAN_MM_TO_PT (right);
}

double
plan_block_builder_table_size (PlanDocument *document)
{
  /* Appendix forms run to eight columns on a portrait page: 12 pt keeps their words whole. */
  return MIN (PLAN_SIZE_TABLE, plan_document_get_font_size (document) - 1);
}

static PlanTextStyle
centred_style (double    size,
               PlanStyle style,
               double    width)
{
  PlanTextStyle text_style = { 0, };

  text_style.size = size;
  text_style.style = style;
  text_style.alignment = PANGO_ALIGN_CENTER;
  text_style.width = width;

  return text_style;
}

double
plan_block_builder_balanced_width (PlanLayoutCache     *cache,
                                   const PlanTextStyle *style,
                                   const char          *text)
{
  PlanTextBlock *block = plan_layout_cache_get_plain (cache, style, text);
  guint n_lines = plan_text_block_get_n_lines (block);
  PlanTextStyle narrow = *style;
  double low = style->width / 2, high = style->width;

  /* Typed lines ("\n") only wrap more when narrowed: the count holds each one's own. */
  if (n_lines < 2)
    return style->width;

  for (guint i = 0; i < 7; i++)
    {
      narrow.width = (low + high) / 2;
      if (plan_text_block_get_n_lines (plan_layout_cache_get_plain (cache, &narrow, text)) > n_lines)
        low = narrow.width;
      else
        high = narrow.width;
    }
  return high;
}

/* Centred lines that wrap are balanced (plan_block_builder_balanced_width()). *@x_offset keeps
 * the text centred in @style's width. */
static PlanTextBlock *
get_balanced (Builder             *builder,
              const PlanTextStyle *style,
              const char          *text,
              double              *x_offset)
{
  PlanTextStyle narrow = *style;

  narrow.width = plan_block_builder_balanced_width (builder->cache, style, text);
  *x_offset = (style->width - narrow.width) / 2;

  return plan_layout_cache_get_plain (builder->cache, &narrow, text);
}

static PlanTextStyle
body_style (Builder  *builder,
            PlanStyle style)
{
  PlanTextStyle text_style = { 0, };

  text_style.size = builder->font_size;
  text_style.style = style;
  text_style.alignment = PANGO_ALIGN_LEFT;
  text_style.justify = TRUE;
  text_style.width = builder->width;
  text_style.indent = builder->indent;
  text_style.line_spacing = builder->line_spacing;

  return text_style;
}

static void
add_block (Builder   *builder,
           PlanBlock *block)
{
  g_ptr_array_add (builder->blocks, block);
}

/* ---- First page: header and title ------------------------------------------------------ */

/* As plan_document_dup_place_and_date(), but a day or month not yet known is blank space for
 * the văn thư to write in, as offices print it, rather than the editor's "…". */
static char *
dup_printed_place_and_date (PlanDocument *document)
{
  g_autofree char *date = NULL;
  const char *place = plan_document_get_place (document);
  guint year, month, day;

  plan_document_get_date (document, &year, &month, &day);
  date = plan_format_date_blank (year, month, day);

  return g_strdup_printf ("%s, %s", place[0] != '\0' ? place : "…", date);
}

/* @numbered: with the row of Số and the place and date. The plan issued by a decision has
 * none: it is cited by the decision's number and date (Mẫu 1.3 of ND30 Phụ lục III). */
static void
build_header (Builder  *builder,
              gboolean  numbered)
{
  PlanDocument *document = builder->document;
  PlanBlock *box = plan_block_new_box (document);
  double width = builder->width;
  double left_width, right_width;
  double left_y = 0, right_y = 0, row_y, offset;
  PlanTextStyle style;
  PlanTextBlock *national, *motto, *text;
  g_autofree char *symbol = plan_document_dup_symbol (document);
  g_autofree char *number_line = g_strdup_printf ("Số: %s", symbol);
  g_autofree char *place_date = dup_printed_place_and_date (document);
  g_autofree char *circulation = NULL;
  PlanUrgency urgency = PLAN_URGENCY_NONE;
  PlanSecrecy secrecy = PLAN_SECRECY_NONE;
  const char *parent = plan_document_get_parent_agency (document);
  const char *agency = plan_document_get_agency (document);

  g_object_get (document,
                "urgency", &urgency,
                "secrecy", &secrecy,
                "circulation", &circulation,
                NULL);

  /* The right column is just wide enough for the Quốc hiệu on one line (about 92 mm; the
   * Mẫu's is 100 mm, partly in the margins); the agency names get the rest (about 73 mm). */
  style = centred_style (PLAN_SIZE_NATIONAL, PLAN_STYLE_BOLD, width);
  national = plan_layout_cache_get_plain (builder->cache, &style, PLAN_NATIONAL_NAME);
  right_width = MIN (plan_text_block_get_text_width (national) + PLAN_HEADER_GUTTER,
                     width * (1 - PLAN_LEFT_COLUMN_SHARE));
  left_width = width - right_width;

  /* Right column: Quốc hiệu, Tiêu ngữ and its rule as wide as the text */
  style = centred_style (PLAN_SIZE_NATIONAL, PLAN_STYLE_BOLD, right_width);
  style.upper = TRUE;
  national = plan_layout_cache_get_plain (builder->cache, &style, PLAN_NATIONAL_NAME);
  right_y += plan_block_add_text (box, national, left_width, right_y);
  style = centred_style (PLAN_SIZE_MOTTO, PLAN_STYLE_BOLD, right_width);
  motto = plan_layout_cache_get_plain (builder->cache, &style, PLAN_MOTTO);
  right_y += plan_block_add_text (box, motto, left_width, right_y);
  right_y += PLAN_RULE_GAP;
  plan_block_add_rule (box,
                       left_width + (right_width - plan_text_block_get_text_width (motto)) / 2,
                       right_y, plan_text_block_get_text_width (motto));

  /* Left column: parent agency (not bold), agency (bold) and a short rule */
  if (parent != NULL && *parent != '\0')
    {
      style = centred_style (PLAN_SIZE_AGENCY, 0, left_width);
      style.upper = TRUE;
      text = get_balanced (builder, &style, parent, &offset);
      left_y += plan_block_add_text (box, text, offset, left_y);
    }
  if (agency != NULL && *agency != '\0')
    {
      double rule_width;

      style = centred_style (PLAN_SIZE_AGENCY, PLAN_STYLE_BOLD, left_width);
      style.upper = TRUE;
      text = get_balanced (builder, &style, agency, &offset);
      left_y += plan_block_add_text (box, text, offset, left_y);
      left_y += PLAN_RULE_GAP;
      rule_width = plan_text_block_get_text_width (text) * PLAN_SHORT_RULE_SHARE;
      plan_block_add_rule (box, (left_width - rule_width) / 2, left_y, rule_width);
    }

  /* Số and the place and date share one row, hence one baseline (same size). */
  row_y = MAX (left_y, right_y) + 8;
  if (numbered)
    {
      style = centred_style (PLAN_SIZE_NUMBER, 0, left_width);
      left_y = row_y + plan_block_add_text (box,
                                            plan_layout_cache_get_plain (builder->cache, &style,
                                                                         number_line),
                                            0, row_y);
      style = centred_style (PLAN_SIZE_PLACE_DATE, PLAN_STYLE_ITALIC, right_width);
      plan_block_add_text (box, plan_layout_cache_get_plain (builder->cache, &style, place_date),
                           left_width, row_y);
    }
  else
    {
      left_y = MAX (left_y, right_y);
    }

  /* Stamps (ND30 Phụ lục I §III.2, layout diagram of Mục IV): bold capitals at the body size
   * (13–14) in a single-line frame 8 mm high. Secrecy (ô 10a) and then urgency (ô 10b) stand
   * at the left edge under the number; urgency stamps have the decree's sizes (KHẨN 20 mm,
   * HỎA TỐC 30 mm, THƯỢNG KHẨN 40 mm wide). The circulation note (ô 11) sits in the top
   * margin, centred above the Quốc hiệu. */
  {
    static const char * const secrecy_names[] = { NULL, "MẬT", "TỐI MẬT", "TUYỆT MẬT" };
    static const char * const urgency_names[] = { NULL, "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC" };
    static const double urgency_widths_mm[] = { 0, 20, 40, 30 };
    const char *stamps[2] = { NULL, NULL };
    double widths[2] = { 0, 0 };
    double stamp_height = PLAN_MM_TO_PT (PLAN_STAMP_HEIGHT_MM);

    if (secrecy > PLAN_SECRECY_NONE && secrecy <= PLAN_SECRECY_TUYET_MAT)
      stamps[0] = secrecy_names[secrecy];
    if (urgency > PLAN_URGENCY_NONE && urgency <= PLAN_URGENCY_HOA_TOC)
      {
        stamps[1] = urgency_names[urgency];
        widths[1] = PLAN_MM_TO_PT (urgency_widths_mm[urgency]);
      }

    left_y += PLAN_STAMP_GAP;
    for (guint i = 0; i < G_N_ELEMENTS (stamps); i++)
      if (stamps[i] != NULL)
        {
          double text_width;

          style = centred_style (builder->font_size, PLAN_STYLE_BOLD, left_width);
          style.upper = TRUE;
          text = plan_layout_cache_get_plain (builder->cache, &style, stamps[i]);
          text_width = plan_text_block_get_text_width (text) + 2 * PLAN_MM_TO_PT (PLAN_STAMP_PAD_MM);
          /* Secrecy stamps: at least as wide as the smallest urgency stamp */
          widths[i] = MIN (left_width, MAX (widths[i], MAX (text_width, PLAN_MM_TO_PT (20))));
          style.width = widths[i];
          text = plan_layout_cache_get_plain (builder->cache, &style, stamps[i]);
          plan_block_add_stamp (box, text, 0, left_y, widths[i],
                                MAX (stamp_height, plan_text_block_get_height (text) + 4));
          left_y += MAX (stamp_height, plan_text_block_get_height (text) + 4) + PLAN_STAMP_GAP;
        }

    if (circulation != NULL && *circulation != '\0')
      {
        double frame_width, frame_height;

        style = centred_style (builder->font_size, PLAN_STYLE_BOLD, right_width);
        style.upper = TRUE;
        text = plan_layout_cache_get_plain (builder->cache, &style, circulation);
        frame_width = MIN (right_width,
                           plan_text_block_get_text_width (text) + 2 * PLAN_MM_TO_PT (PLAN_STAMP_PAD_MM));
        style.width = frame_width;
        text = plan_layout_cache_get_plain (builder->cache, &style, circulation);
        frame_height = MAX (stamp_height, plan_text_block_get_height (text) + 4);
        /* Its bottom 2 mm above the text area: in the top margin, which page 1 leaves free */
        plan_block_add_stamp (box, text, left_width + (right_width - frame_width) / 2,
                              -frame_height - PLAN_MM_TO_PT (PLAN_STAMP_MARGIN_GAP_MM),
                              frame_width, frame_height);
      }
  }

  add_block (builder, box);
}

/* The type name ("KẾ HOẠCH", "QUYẾT ĐỊNH") and the trích yếu; @issuing, when not NULL, is the
 * italic "(Ban hành kèm theo Quyết định số …)" line under a plan issued by a decision. */
static void
build_title (Builder    *builder,
             const char *type_name,
             const char *title,
             const char *issuing)
{
  PlanBlock *box = plan_block_new_box (NULL);
  PlanTextStyle style = centred_style (builder->font_size, PLAN_STYLE_BOLD, builder->width);
  PlanTextBlock *text;
  double y = 0, offset, rule_width = 0;

  style.upper = TRUE;
  text = plan_layout_cache_get_plain (builder->cache, &style, type_name);
  y += plan_block_add_text (box, text, 0, y);

  if (title != NULL && *title != '\0')
    {
      style.upper = FALSE;
      text = get_balanced (builder, &style, title, &offset);
      y += plan_block_add_text (box, text, offset, y);
      rule_width = plan_text_block_get_text_width (text) * PLAN_SHORT_RULE_SHARE;
    }
  /* Printed even before the plan has a title: a new decision's plan has none yet. */
  if (issuing != NULL)
    {
      PlanTextStyle italic = centred_style (builder->font_size, PLAN_STYLE_ITALIC,
                                            builder->width);

      text = get_balanced (builder, &italic, issuing, &offset);
      y += plan_block_add_text (box, text, offset, y);
    }
  if (rule_width > 0)
    {
      y += 3;
      plan_block_add_rule (box, (builder->width - rule_width) / 2, y, rule_width);
    }
  /* The paragraph after it adds its own spacing. */
  box->height = MAX (box->height, y + PLAN_GAP_AFTER_TITLE - builder->paragraph_spacing);

  box->space_before = PLAN_GAP_AFTER_HEADER;
  add_block (builder, box);
}

/* ---- Preamble and outline -------------------------------------------------------------- */

/* Appends the runs of @text to @runs, upper-cased into @strings when @upper. */
static void
append_runs (GArray     *runs,
             GPtrArray  *strings,
             PlanText   *text,
             PlanStyle   extra,
             gboolean    upper)
{
  for (guint i = 0; text != NULL && i < plan_text_get_n_runs (text); i++)
    {
      PlanRun run;

      run.text = plan_text_get_run (text, i, &run.style);
      run.style |= extra;
      if (upper)
        {
          char *capitals = plan_format_upper (run.text);

          g_ptr_array_add (strings, capitals);
          run.text = capitals;
        }
      g_array_append_val (runs, run);
    }
}

static void
append_plain_run (GArray     *runs,
                  const char *text,
                  PlanStyle   style)
{
  PlanRun run = { text, style };

  g_array_append_val (runs, run);
}

static PlanBlock *
add_segment (Builder   *builder,
             GArray    *runs,
             PlanStyle  style,
             gboolean   first)
{
  PlanTextStyle text_style = body_style (builder, style);
  PlanBlock *block;

  if (builder->form != NULL)
    {
      PlanAlignment alignment = plan_paragraph_get_alignment (builder->form);

      /* Centred and right-aligned lines are never indented: every line sits on the axis. */
      if (alignment != PLAN_ALIGN_JUSTIFY)
        text_style.justify = FALSE;
      if (alignment == PLAN_ALIGN_CENTER)
        text_style.alignment = PANGO_ALIGN_CENTER;
      else if (alignment == PLAN_ALIGN_RIGHT)
        text_style.alignment = PANGO_ALIGN_RIGHT;
      if (alignment == PLAN_ALIGN_CENTER || alignment == PLAN_ALIGN_RIGHT ||
          !plan_paragraph_get_indent (builder->form))
        text_style.indent = 0;
    }
  if (!first)
    text_style.indent = 0;
  block = plan_block_new_text (plan_layout_cache_get_runs (builder->cache, &text_style,
                                                           (const PlanRun *)(gpointer)runs->data,
                                                           runs->len),
                               0, first ? builder->paragraph_spacing : 0, NULL);
  add_block (builder, block);

  return block;
}

/* A paragraph of the flow; @key is the model object whose text ends the runs (for the end
 * marker), @object the one printed here. A soft line break starts a new block flush left:
 * Pango would stretch a justified line that ends in a line break (Word's Shift+Enter bug).
 * Returns the last block. */
static PlanBlock *
add_text (Builder   *builder,
          GArray    *runs,
          PlanStyle  style,
          gpointer   object,
          gpointer   key,
          PlanText  *key_text)
{
  g_autoptr(GArray) segment = g_array_new (FALSE, TRUE, sizeof (PlanRun));
  g_autoptr(GPtrArray) pieces = g_ptr_array_new_with_free_func (g_free);
  PlanBlock *first = NULL, *last = NULL;

  if (key != NULL && key == builder->last_text)
    append_plain_run (runs, plan_text_end_marker (key_text), 0);

  for (guint i = 0; i < runs->len; i++)
    {
      const PlanRun *run = &g_array_index (runs, PlanRun, i);
      const char *p = run->text, *newline;

      while ((newline = strchr (p, '\n')) != NULL)
        {
          char *piece = g_strndup (p, newline - p);

          g_ptr_array_add (pieces, piece);
          append_plain_run (segment, piece, run->style);
          last = add_segment (builder, segment, style, first == NULL);
          if (first == NULL)
            first = last;
          g_array_set_size (segment, 0);
          p = newline + 1;
        }
      if (*p != '\0')
        append_plain_run (segment, p, run->style);
    }
  if (segment->len > 0 || first == NULL)
    last = add_segment (builder, segment, style, first == NULL);
  if (first == NULL)
    first = last;

  first->object = object;
  if (key != NULL && key != object)
    plan_block_add_object (first, key);

  return last;
}

static void build_items (Builder    *builder,
                         GListModel *items,
                         PlanItem   *parent,
                         const char *parent_number);

static void
build_table (Builder  *builder,
             PlanItem *item)
{
  PlanTable *table = plan_item_get_table (item);
  const char *title = plan_table_get_title (table);
  const char *note = plan_table_get_note (table);
  PlanTableBlock *table_block;
  PlanBlock *block;

  if (title != NULL && *title != '\0')
    {
      PlanTextStyle style = centred_style (builder->font_size, PLAN_STYLE_BOLD, builder->width);

      block = plan_block_new_text (plan_layout_cache_get_plain (builder->cache, &style, title),
                                   0, builder->paragraph_spacing, item);
      block->keep_with_next = TRUE;
      add_block (builder, block);
    }
  if (note != NULL && *note != '\0')
    {
      PlanTextStyle style = centred_style (builder->font_size, PLAN_STYLE_ITALIC, builder->width);

      block = plan_block_new_text (plan_layout_cache_get_plain (builder->cache, &style, note),
                                   0, 2, item);
      block->keep_with_next = TRUE;
      add_block (builder, block);
    }

  table_block = plan_table_block_new (builder->cache, table, builder->width,
                                      plan_table_get_font_size (table) != 0
                                      ? plan_table_get_font_size (table)
                                      : plan_block_builder_table_size (builder->document));
  add_block (builder, plan_block_new_table (table_block, builder->paragraph_spacing, item));

  /* "(*) …", "(Lưu ý: …)": italic, right under the table, in the table's size */
  if (plan_table_get_footnote (table)[0] != '\0')
    {
      PlanTextStyle style = body_style (builder, PLAN_STYLE_ITALIC);

      style.indent = 0;
      style.justify = FALSE;
      if (plan_table_get_font_size (table) != 0)
        style.size = plan_table_get_font_size (table);
      block = plan_block_new_text (plan_layout_cache_get_plain (builder->cache, &style,
                                                                plan_table_get_footnote (table)),
                                   0, PLAN_TABLE_FOOTNOTE_GAP, item);
      add_block (builder, block);
    }
}

static void
build_item (Builder    *builder,
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
  PlanStyle paragraph_style = kind == PLAN_ITEM_NOTE ? PLAN_STYLE_ITALIC : 0;
  g_autofree char *marker_space = marker != NULL && *marker != '\0'
                                  ? g_strconcat (marker, " ", NULL) : NULL;
  g_autofree char *child_prefix = NULL;
  guint first_paragraph = 0;

  if (kind == PLAN_ITEM_TABLE)
    {
      if (plan_item_get_table (item) != NULL)
        build_table (builder, item);
      return;
    }

  if (has_heading)
    {
      g_autoptr(GArray) runs = g_array_new (FALSE, TRUE, sizeof (PlanRun));
      g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
      PlanStyle style = heading_bold ? PLAN_STYLE_BOLD : paragraph_style;
      gboolean part_word = kind == PLAN_ITEM_PART && marker != NULL &&
                           g_str_has_prefix (marker, "Phần");
      g_autoptr(PlanParagraph) run_in = NULL;
      gpointer key = item;
      PlanText *key_text = heading;
      PlanBlock *block;

      if (marker_space != NULL)
        append_plain_run (runs, part_word ? marker : marker_space, style);
      if (part_word)
        append_plain_run (runs, "\n", style);
      append_runs (runs, strings, heading, style, heading_upper);

      if (plan_item_get_run_in (item) && n_paragraphs > 0)
        {
          run_in = g_list_model_get_item (paragraphs, 0);
          append_plain_run (runs, " ", 0);
          append_runs (runs, strings, plan_paragraph_get_text (run_in), paragraph_style, FALSE);
          key = run_in;
          key_text = plan_paragraph_get_text (run_in);
          first_paragraph = 1;
        }

      if (part_word)
        {
          PlanTextStyle text_style = centred_style (builder->font_size, PLAN_STYLE_BOLD, builder->width);

          text_style.line_spacing = builder->line_spacing;
          block = plan_block_new_text (plan_layout_cache_get_runs (builder->cache, &text_style,
                                                                   (const PlanRun *)(gpointer)runs->data,
                                                                   runs->len),
                                       0, builder->paragraph_spacing, item);
          add_block (builder, block);
        }
      else
        {
          block = add_text (builder, runs, 0, item, key, key_text);
        }
      /* A heading standing on its own line never ends a page. */
      block->keep_with_next = run_in == NULL;
    }

  for (guint i = first_paragraph; i < n_paragraphs; i++)
    {
      g_autoptr(PlanParagraph) paragraph = g_list_model_get_item (paragraphs, i);
      g_autoptr(GArray) runs = g_array_new (FALSE, TRUE, sizeof (PlanRun));
      g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
      PlanText *text = plan_paragraph_get_text (paragraph);

      /* Without a heading the marker leads the first paragraph: "- Nội dung …". A khoản
       * without a heading is plain (ND30 §V row 6b), a section's numeral stays bold. */
      if (!has_heading && i == 0 && marker_space != NULL)
        append_plain_run (runs, marker_space, heading_upper ? PLAN_STYLE_BOLD : 0);
      append_runs (runs, strings, text, paragraph_style, FALSE);
      builder->form = paragraph;
      add_text (builder, runs, 0, i == 0 && !has_heading ? (gpointer)item : (gpointer)paragraph,
                paragraph, text);
      builder->form = NULL;
    }

  /* A marker with neither heading nor paragraphs still holds its place. */
  if (!has_heading && n_paragraphs == 0 && marker_space != NULL &&
      g_list_model_get_n_items (plan_item_get_children (item)) == 0)
    {
      g_autoptr(GArray) runs = g_array_new (FALSE, TRUE, sizeof (PlanRun));

      append_plain_run (runs, marker, 0);
      add_text (builder, runs, 0, item, item, heading);
    }

  child_prefix = plan_numbering_child_prefix (item, marker);
  build_items (builder, plan_item_get_children (item), item, child_prefix);
}

static void
build_items (Builder    *builder,
             GListModel *items,
             PlanItem   *parent,
             const char *parent_number)
{
  guint n_items = g_list_model_get_n_items (items);
  g_auto(GStrv) markers = NULL;

  if (n_items == 0)
    return;

  markers = plan_numbering_markers (builder->document, items, parent, parent_number);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(PlanItem) item = g_list_model_get_item (items, i);

      build_item (builder, item, markers != NULL ? markers[i] : NULL);
    }
}

/* "Căn cứ …" lines are italic (ND30 Phụ lục I §II.6a); with @all_italic every line is, as the
 * "Căn cứ …" and "Theo đề nghị của …" of a decision (Mẫu 1.1–1.3) */
static void
build_preamble (Builder    *builder,
                GListModel *preamble,
                gboolean    all_italic)
{
  for (guint i = 0; i < g_list_model_get_n_items (preamble); i++)
    {
      g_autoptr(PlanParagraph) paragraph = g_list_model_get_item (preamble, i);
      g_autoptr(GArray) runs = g_array_new (FALSE, TRUE, sizeof (PlanRun));
      g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
      PlanText *text = plan_paragraph_get_text (paragraph);

      append_runs (runs, strings, text, 0, FALSE);
      builder->form = paragraph;
      add_text (builder, runs,
                all_italic || plan_text_is_legal_basis (text) ? PLAN_STYLE_ITALIC : 0,
                paragraph, paragraph, text);
      builder->form = NULL;
    }
}

/* ---- Closing block --------------------------------------------------------------------- */

/* @recipients and @archive: the Nơi nhận (the decision's, or the plan's); with @with_recipients
 * FALSE only the signature is printed, as under a plan issued by a decision (Mẫu 1.3). */
static void
build_closing (Builder    *builder,
               GListModel *recipients,
               const char *archive,
               gboolean    with_recipients)
{
  PlanDocument *document = builder->document;
  PlanBlock *box = plan_block_new_box (NULL);
  double left_width = builder->width * PLAN_LEFT_COLUMN_SHARE;
  double right_width = builder->width - left_width;
  const char *authority = plan_document_get_signer_authority (document);
  const char *title = plan_document_get_signer_title (document);
  const char *name = plan_document_get_signer_name (document);
  const char *notes = plan_document_get_signer_notes (document);
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(GString) list = g_string_new (NULL);
  PlanTextStyle style;
  PlanTextBlock *signer = NULL, *label, *text;
  double right_y = 0, left_y;

  /* Right: authority and title (bold capitals), room for signature and seal, the name */
  if (authority != NULL && *authority != '\0')
    g_string_append (lines, authority);
  if (title != NULL && *title != '\0')
    {
      if (lines->len > 0)
        g_string_append_c (lines, '\n');
      g_string_append (lines, title);
    }
  if (lines->len > 0)
    {
      style = centred_style (builder->font_size, PLAN_STYLE_BOLD, right_width);
      style.upper = TRUE;
      signer = plan_layout_cache_get_plain (builder->cache, &style, lines->str);
      right_y += plan_block_add_text (box, signer, left_width, 0);
    }
  right_y += PLAN_MM_TO_PT (PLAN_SIGNATURE_GAP_MM);
  if (name != NULL && *name != '\0')
    {
      style = centred_style (builder->font_size, PLAN_STYLE_BOLD, right_width);
      right_y += plan_block_add_text (box, plan_layout_cache_get_plain (builder->cache, &style, name),
                                      left_width, right_y);
    }
  if (notes != NULL && *notes != '\0')
    {
      style = centred_style (builder->font_size,
                             plan_document_get_signer_notes_bold (document) ? PLAN_STYLE_BOLD : 0,
                             right_width);
      plan_block_add_text (box, plan_layout_cache_get_plain (builder->cache, &style, notes),
                           left_width, right_y + 6);
    }

  if (!with_recipients)
    {
      box->space_before = PLAN_GAP_BEFORE_CLOSING;
      box->keep_with_previous = TRUE;
      add_block (builder, box);
      return;
    }

  /* Left: "Nơi nhận:" on the baseline of the signer's first line, then the list */
  style = centred_style (PLAN_SIZE_RECIPIENTS_LABEL, PLAN_STYLE_BOLD | PLAN_STYLE_ITALIC, left_width);
  style.alignment = PANGO_ALIGN_LEFT;
  label = plan_layout_cache_get_plain (builder->cache, &style, "Nơi nhận:");
  left_y = 0;
  if (signer != NULL)
    left_y = plan_text_block_get_line (signer, 0)->baseline - plan_text_block_get_line (label, 0)->baseline;
  left_y += plan_block_add_text (box, label, 0, left_y);

  for (guint i = 0; i < g_list_model_get_n_items (recipients); i++)
    {
      g_autoptr(PlanRecipient) recipient = g_list_model_get_item (recipients, i);
      const char *typed_name = plan_recipient_get_name (recipient);
      const char *typed_purpose = plan_recipient_get_purpose (recipient);
      g_autofree char *recipient_name = g_strstrip (g_strdup (typed_name != NULL ? typed_name : ""));
      g_autofree char *purpose = g_strstrip (g_strdup (typed_purpose != NULL ? typed_purpose : ""));
      g_autofree char *line = NULL, *ended = NULL;

      /* "- Name (purpose);": our ";" only where the line has no punctuation of its own */
      line = *purpose != '\0' ? g_strdup_printf ("- %s (%s)", recipient_name, purpose)
                               : g_strdup_printf ("- %s", recipient_name);
      ended = plan_format_end_line (line, ";");
      g_string_append (list, ended);
      g_string_append_c (list, '\n');
    }
  {
    g_autofree char *line = g_strchomp (g_strdup_printf ("- Lưu: %s",
                                                          archive != NULL && *archive != '\0' ? archive : "VT"));
    g_autofree char *ended = NULL;

    /* The list ends with "." (ND30 §II.9b): a ";" or "," typed at the end gives way to it */
    if (g_str_has_suffix (line, ";") || g_str_has_suffix (line, ","))
      line[strlen (line) - 1] = '\0';
    ended = plan_format_end_line (line, ".");
    g_string_append (list, ended);
  }

  style = centred_style (PLAN_SIZE_RECIPIENTS, 0, left_width - 4);
  style.alignment = PANGO_ALIGN_LEFT;
  text = plan_layout_cache_get_plain (builder->cache, &style, list->str);
  plan_block_add_text (box, text, 0, left_y);

  for (guint i = 0; i < g_list_model_get_n_items (recipients); i++)
    plan_block_add_object (box, g_list_model_get_item (recipients, i));
  /* The block holds the references only as long as the model does. */
  for (guint i = 0; box->also != NULL && i < box->also->len; i++)
    g_object_unref (g_ptr_array_index (box->also, i));

  box->space_before = PLAN_GAP_BEFORE_CLOSING;
  box->keep_with_previous = TRUE;
  add_block (builder, box);
}

/* ---- The decision that issues the plan (Mẫu 1.3) -------------------------------------------- */

/* A line centred in bold capitals at the body size: the issuing authority (ND30 Phụ lục I
 * §V row 5: "thẩm quyền ban hành", in hoa, đứng, đậm) and "QUYẾT ĐỊNH:" */
static void
add_centred_bold (Builder    *builder,
                  const char *text,
                  gpointer    object,
                  double      space_before)
{
  PlanTextStyle style = centred_style (builder->font_size, PLAN_STYLE_BOLD, builder->width);
  PlanBlock *box = plan_block_new_box (object);
  PlanTextBlock *block;
  double offset;

  style.upper = TRUE;
  block = get_balanced (builder, &style, text, &offset);
  plan_block_add_text (box, block, offset, 0);
  box->space_before = space_before;
  box->keep_with_next = TRUE;
  add_block (builder, box);
}

/* "Điều 1." in bold, indented as a paragraph (ND30 Phụ lục I §II.6đ), then its text; the last
 * article ends the decision's body with "./." */
static void
build_articles (Builder      *builder,
                PlanDecision *decision)
{
  GListModel *articles = plan_decision_get_articles (decision);
  guint n_articles = g_list_model_get_n_items (articles);

  for (guint i = 0; i < n_articles; i++)
    {
      g_autoptr(PlanArticle) article = g_list_model_get_item (articles, i);
      g_autoptr(GArray) runs = g_array_new (FALSE, TRUE, sizeof (PlanRun));
      g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *label = plan_article_dup_printed_label (article, i);
      PlanText *text = plan_article_get_text (article);

      append_plain_run (runs, label, PLAN_STYLE_BOLD);
      if (!plan_text_is_empty (text))
        {
          append_plain_run (runs, " ", 0);
          append_runs (runs, strings, text, 0, FALSE);
        }
      if (i + 1 == n_articles && plan_document_get_end_marker (builder->document))
        append_plain_run (runs, plan_text_end_marker (text), 0);
      add_text (builder, runs, 0, article, NULL, NULL);
    }
}

static void
build_decision (Builder *builder)
{
  PlanDocument *document = builder->document;
  PlanDecision *decision = plan_document_get_decision (document);
  const char *authority = plan_decision_get_authority (decision);

  build_header (builder, TRUE);
  build_title (builder, "Quyết định", plan_decision_get_title (decision), NULL);
  if (authority[0] != '\0')
    add_centred_bold (builder, authority, decision, builder->paragraph_spacing);
  build_preamble (builder, plan_decision_get_preamble (decision), TRUE);
  add_centred_bold (builder, "QUYẾT ĐỊNH:", NULL, builder->paragraph_spacing);
  build_articles (builder, decision);
  build_closing (builder, plan_decision_get_recipients (decision),
                 plan_decision_get_archive (decision), TRUE);

  /* The plan on a new page, numbered from its own first page (unnumbered), as a plan is */
  add_block (builder, plan_block_new_section (PLAN_ORIENTATION_PORTRAIT, NULL));
}

/* ---- Appendices ------------------------------------------------------------------------ */

static void
build_appendix (Builder      *builder,
                PlanAppendix *appendix)
{
  PlanDocument *document = builder->document;
  PlanOrientation orientation = plan_appendix_get_orientation (appendix);
  g_autofree char *label = plan_document_dup_appendix_label (document, appendix);
  g_autofree char *reference = plan_document_dup_printed_appendix_reference (document, appendix);
  const char *title = plan_appendix_get_title (appendix);
  PlanBlock *box;
  PlanTextStyle style;
  PlanTextBlock *text;
  double y = 0, rule_width = 0, offset;

  box = plan_block_new_section (orientation, appendix);
  box->continue_numbering =
    plan_document_get_appendix_page_numbering (document) == PLAN_PAGE_NUMBERING_CONTINUE;
  add_block (builder, box);
  builder->width = plan_block_builder_text_width (document, orientation);

  box = plan_block_new_box (appendix);
  if (label != NULL && *label != '\0')
    {
      style = centred_style (PLAN_SIZE_APPENDIX, PLAN_STYLE_BOLD, builder->width);
      text = plan_layout_cache_get_plain (builder->cache, &style, label);
      y += plan_block_add_text (box, text, 0, y);
      rule_width = plan_text_block_get_text_width (text);
    }
  if (title != NULL && *title != '\0')
    {
      style = centred_style (builder->font_size, PLAN_STYLE_BOLD, builder->width);
      text = get_balanced (builder, &style, title, &offset);
      y += plan_block_add_text (box, text, offset, y);
      rule_width = plan_text_block_get_text_width (text) * PLAN_SHORT_RULE_SHARE;
    }
  if (reference != NULL && *reference != '\0')
    {
      style = centred_style (builder->font_size, PLAN_STYLE_ITALIC, builder->width);
      text = get_balanced (builder, &style, reference, &offset);
      y += plan_block_add_text (box, text, offset, y);
    }
  if (rule_width > 0)
    {
      y += 3;
      plan_block_add_rule (box, (builder->width - rule_width) / 2, y, rule_width);
    }
  if (box->pieces->len > 0)
    {
      box->keep_with_next = TRUE;
      add_block (builder, box);
    }
  else
    {
      plan_block_free (box);
    }

  build_items (builder, plan_appendix_get_content (appendix), NULL, NULL);
}

GPtrArray *
plan_block_builder_build (PlanDocument    *document,
                          PlanLayoutCache *cache)
{
  Builder builder = { 0, };
  GListModel *appendices = plan_document_get_appendices (document);
  PlanText *last_text = NULL;

  builder.document = document;
  builder.cache = cache;
  builder.blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)plan_block_free);
  builder.width = plan_block_builder_text_width (document, PLAN_ORIENTATION_PORTRAIT);
  builder.font_size = plan_document_get_font_size (document);
  builder.line_spacing = plan_document_get_line_spacing (document);
  builder.paragraph_spacing = plan_document_get_paragraph_spacing (document);
  builder.indent = PLAN_MM_TO_PT (plan_document_get_first_line_indent (document));

  if (plan_document_get_kind (document) == PLAN_DOCUMENT_KIND_DECISION)
    {
      g_autofree char *issuing = plan_document_dup_issuing_reference (document);

      build_decision (&builder);
      build_header (&builder, FALSE);
      build_title (&builder, plan_document_get_type_name (document),
                   plan_document_get_title (document), issuing);
    }
  else
    {
      build_header (&builder, TRUE);
      build_title (&builder, plan_document_get_type_name (document),
                   plan_document_get_title (document), NULL);
    }
  build_preamble (&builder, plan_document_get_preamble (document), FALSE);

  if (plan_document_get_end_marker (document))
    builder.last_text = plan_item_list_find_last_text (plan_document_get_body (document), &last_text);
  build_items (&builder, plan_document_get_body (document), NULL, NULL);

  /* The body ends in a table (or is empty): the end marker stands on its own line. */
  if (plan_document_get_end_marker (document) && builder.last_text == NULL)
    {
      g_autoptr(GArray) runs = g_array_new (FALSE, TRUE, sizeof (PlanRun));

      append_plain_run (runs, "./.", 0);
      add_text (&builder, runs, 0, NULL, NULL, NULL);
    }

  /* Under a plan issued by a decision only the signature, unless the plan has its own list */
  build_closing (&builder, plan_document_get_recipients (document),
                 plan_document_get_archive (document),
                 plan_document_get_kind (document) != PLAN_DOCUMENT_KIND_DECISION ||
                 g_list_model_get_n_items (plan_document_get_recipients (document)) > 0 ||
                 plan_document_get_archive (document)[0] != '\0');

  for (guint i = 0; i < g_list_model_get_n_items (appendices); i++)
    {
      g_autoptr(PlanAppendix) appendix = g_list_model_get_item (appendices, i);

      build_appendix (&builder, appendix);
    }

  return builder.blocks;
}
