/* plan-docx-writer-styles.c: the named paragraph styles of an exported plan (word/styles.xml)
 *
 * The figures are the renderer's (plan-block-builder.h): the same sizes, gaps and indents as
 * our PDF, so that Word lays the plan out as we print it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plan-block-builder.h"
#include "plan-units.h"
#include "plan-docx-writer-styles.h"
#include "plan-docx-writer-xml.h"

typedef enum {
  SIZE_BODY,      /* the plan's font size */
  SIZE_TABLE,     /* the renderer's table size */
  SIZE_FIXED,     /* @size */
} SizeKind;

typedef enum {
  BEFORE_NONE,
  BEFORE_PARAGRAPH,   /* the plan's paragraph spacing */
  BEFORE_FIXED,       /* @before pt */
} BeforeKind;

enum {
  BOLD       = 1 << 0,
  ITALIC     = 1 << 1,
  CAPS       = 1 << 2,
  INDENT     = 1 << 3,   /* the plan's first-line indent */
  SPACED     = 1 << 4,   /* the plan's line spacing (else single) */
  KEEP_NEXT  = 1 << 5,
  HIDDEN     = 1 << 6,   /* not offered in Word's style gallery */
};

typedef struct {
  const char *id;
  const char *name;
  SizeKind    size_kind;
  double      size;
  const char *jc;
  BeforeKind  before_kind;
  double      before;
  guint       flags;
} StyleSpec;

static const StyleSpec paragraph_styles[] = {
  { PLAN_DOCX_STYLE_PARENT_AGENCY, "Cơ quan chủ quản", SIZE_FIXED, PLAN_SIZE_AGENCY, "center", BEFORE_NONE, 0, CAPS },
  { PLAN_DOCX_STYLE_AGENCY, "Cơ quan", SIZE_FIXED, PLAN_SIZE_AGENCY, "center", BEFORE_NONE, 0, BOLD | CAPS },
  { PLAN_DOCX_STYLE_NATIONAL, "Quốc hiệu", SIZE_FIXED, PLAN_SIZE_NATIONAL, "center", BEFORE_NONE, 0, BOLD | CAPS },
  { PLAN_DOCX_STYLE_MOTTO, "Tiêu ngữ", SIZE_FIXED, PLAN_SIZE_MOTTO, "center", BEFORE_NONE, 0, BOLD },
  { PLAN_DOCX_STYLE_NUMBER, "Số, ký hiệu", SIZE_FIXED, PLAN_SIZE_NUMBER, "center", BEFORE_NONE, 0, 0 },
  { PLAN_DOCX_STYLE_PLACE_DATE, "Địa danh, ngày tháng", SIZE_FIXED, PLAN_SIZE_PLACE_DATE, "center", BEFORE_NONE, 0, ITALIC },
  { PLAN_DOCX_STYLE_STAMP, "Dấu mức độ", SIZE_BODY, 0, "center", BEFORE_FIXED, PLAN_STAMP_GAP, BOLD | CAPS },
  { PLAN_DOCX_STYLE_TYPE_NAME, "Tên loại", SIZE_BODY, 0, "center", BEFORE_FIXED, PLAN_GAP_AFTER_HEADER, BOLD | CAPS | KEEP_NEXT },
  { PLAN_DOCX_STYLE_TITLE, "Trích yếu", SIZE_BODY, 0, "center", BEFORE_NONE, 0, BOLD | KEEP_NEXT },
  { PLAN_DOCX_STYLE_ISSUING, "Ban hành kèm theo", SIZE_BODY, 0, "center", BEFORE_NONE, 0, ITALIC | KEEP_NEXT },
  { PLAN_DOCX_STYLE_AUTHORITY, "Thẩm quyền ban hành", SIZE_BODY, 0, "center", BEFORE_PARAGRAPH, 0, BOLD | CAPS | KEEP_NEXT },
  { PLAN_DOCX_STYLE_CAN_CU, "Căn cứ", SIZE_BODY, 0, "both", BEFORE_PARAGRAPH, 0, ITALIC | INDENT | SPACED },
  { PLAN_DOCX_STYLE_DECIDES, "Quyết định:", SIZE_BODY, 0, "center", BEFORE_PARAGRAPH, 0, BOLD | CAPS | KEEP_NEXT },
  { PLAN_DOCX_STYLE_ARTICLE, "Điều", SIZE_BODY, 0, "both", BEFORE_PARAGRAPH, 0, INDENT | SPACED },
  { PLAN_DOCX_STYLE_BODY, "Nội dung", SIZE_BODY, 0, "both", BEFORE_PARAGRAPH, 0, INDENT | SPACED },
  { PLAN_DOCX_STYLE_FREE_PARAGRAPH, "Đoạn văn", SIZE_BODY, 0, "both", BEFORE_PARAGRAPH, 0, INDENT | SPACED },
  { PLAN_DOCX_STYLE_PART, "Phần", SIZE_BODY, 0, "both", BEFORE_PARAGRAPH, 0, BOLD | CAPS | INDENT | SPACED | KEEP_NEXT },
  { PLAN_DOCX_STYLE_SECTION, "Đề mục", SIZE_BODY, 0, "both", BEFORE_PARAGRAPH, 0, BOLD | CAPS | INDENT | SPACED | KEEP_NEXT },
  { PLAN_DOCX_STYLE_ITEM, "Mục", SIZE_BODY, 0, "both", BEFORE_PARAGRAPH, 0, BOLD | INDENT | SPACED },
  { PLAN_DOCX_STYLE_POINT, "Điểm", SIZE_BODY, 0, "both", BEFORE_PARAGRAPH, 0, INDENT | SPACED },
  { PLAN_DOCX_STYLE_BULLET, "Gạch đầu dòng", SIZE_BODY, 0, "both", BEFORE_PARAGRAPH, 0, INDENT | SPACED },
  { PLAN_DOCX_STYLE_NOTE, "Ghi chú", SIZE_BODY, 0, "both", BEFORE_PARAGRAPH, 0, ITALIC | INDENT | SPACED },
  { PLAN_DOCX_STYLE_RECIPIENTS_LABEL, "Nơi nhận", SIZE_FIXED, PLAN_SIZE_RECIPIENTS_LABEL, "left", BEFORE_NONE, 0, BOLD | ITALIC | KEEP_NEXT },
  { PLAN_DOCX_STYLE_RECIPIENTS, "Danh sách nơi nhận", SIZE_FIXED, PLAN_SIZE_RECIPIENTS, "left", BEFORE_NONE, 0, KEEP_NEXT },
  { PLAN_DOCX_STYLE_SIGNER_TITLE, "Chức vụ người ký", SIZE_BODY, 0, "center", BEFORE_NONE, 0, BOLD | CAPS | KEEP_NEXT },
  { PLAN_DOCX_STYLE_SIGNER_NAME, "Tên người ký", SIZE_BODY, 0, "center", BEFORE_FIXED, PLAN_MM_TO_PT (PLAN_SIGNATURE_GAP_MM), BOLD | KEEP_NEXT },
  { PLAN_DOCX_STYLE_SIGNER_NOTES, "Ghi chú người ký", SIZE_BODY, 0, "center", BEFORE_FIXED, 6, 0 },
  { PLAN_DOCX_STYLE_APPENDIX, "Phụ lục", SIZE_FIXED, PLAN_SIZE_APPENDIX, "center", BEFORE_NONE, 0, BOLD | KEEP_NEXT },
  { PLAN_DOCX_STYLE_APPENDIX_TITLE, "Tên phụ lục", SIZE_BODY, 0, "center", BEFORE_NONE, 0, BOLD | KEEP_NEXT },
  { PLAN_DOCX_STYLE_APPENDIX_REFERENCE, "Kèm theo", SIZE_BODY, 0, "center", BEFORE_NONE, 0, ITALIC | KEEP_NEXT },
  { PLAN_DOCX_STYLE_TABLE_TITLE, "Tên bảng", SIZE_BODY, 0, "center", BEFORE_PARAGRAPH, 0, BOLD | KEEP_NEXT },
  { PLAN_DOCX_STYLE_TABLE_NOTE, "Lưu ý bảng", SIZE_BODY, 0, "center", BEFORE_FIXED, 2, ITALIC | KEEP_NEXT },
  { PLAN_DOCX_STYLE_TABLE_HEADER, "Tiêu đề bảng", SIZE_TABLE, 0, "center", BEFORE_NONE, 0, BOLD },
  { PLAN_DOCX_STYLE_TABLE_CELL, "Ô bảng", SIZE_TABLE, 0, "left", BEFORE_NONE, 0, 0 },
  { PLAN_DOCX_STYLE_TABLE_FOOTNOTE, "Chú thích bảng", SIZE_TABLE, 0, "left", BEFORE_FIXED, PLAN_TABLE_FOOTNOTE_GAP, ITALIC },
  { PLAN_DOCX_STYLE_PAGE_HEADER, "Đầu trang", SIZE_BODY, 0, "center", BEFORE_NONE, 0, 0 },
  { PLAN_DOCX_STYLE_RULE, "Đường kẻ", SIZE_FIXED, 1, "center", BEFORE_NONE, 0, HIDDEN },
};

#define END_MARKER_NAME    "Dấu kết thúc"
#define POINT_HEADING_NAME "Đầu đề điểm"
#define TABLE_RULED_NAME   "Bảng kẻ ô"
#define TABLE_PLAIN_NAME   "Bảng không kẻ"

const char *
plan_docx_style_id_for_name (const char *name)
{
  static const struct { const char *id; const char *name; } others[] = {
    { PLAN_DOCX_STYLE_END_MARKER, END_MARKER_NAME },
    { PLAN_DOCX_STYLE_POINT_HEADING, POINT_HEADING_NAME },
    { PLAN_DOCX_STYLE_TABLE_RULED, TABLE_RULED_NAME },
    { PLAN_DOCX_STYLE_TABLE_PLAIN, TABLE_PLAIN_NAME },
  };

  if (name == NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (paragraph_styles); i++)
    if (g_strcmp0 (paragraph_styles[i].name, name) == 0)
      return paragraph_styles[i].id;
  for (gsize i = 0; i < G_N_ELEMENTS (others); i++)
    if (g_strcmp0 (others[i].name, name) == 0)
      return others[i].id;
  return NULL;
}

double
plan_docx_writer_table_size (PlanDocument *document,
                             PlanTable    *table)
{
  if (table != NULL && plan_table_get_font_size (table) != 0)
    return plan_table_get_font_size (table);
  return plan_block_builder_table_size (document);
}

static void
write_fonts (PlanDocxXml *xml)
{
  plan_docx_xml_start (xml, "w:rFonts");
  plan_docx_xml_attr (xml, "w:ascii", "Times New Roman");
  plan_docx_xml_attr (xml, "w:hAnsi", "Times New Roman");
  plan_docx_xml_attr (xml, "w:cs", "Times New Roman");
  plan_docx_xml_attr (xml, "w:eastAsia", "Times New Roman");
  plan_docx_xml_end (xml);
}

static void
write_size (PlanDocxXml *xml,
            double       size)
{
  gint64 half_points = (gint64) (size * 2 + 0.5);

  plan_docx_xml_val_int (xml, "w:sz", half_points);
  plan_docx_xml_val_int (xml, "w:szCs", half_points);
}

static void
write_paragraph_style (PlanDocxXml     *xml,
                       PlanDocument    *document,
                       const StyleSpec *spec)
{
  double size = spec->size_kind == SIZE_BODY ? plan_document_get_font_size (document)
              : spec->size_kind == SIZE_TABLE ? plan_block_builder_table_size (document)
              : spec->size;
  double before = spec->before_kind == BEFORE_PARAGRAPH ? plan_document_get_paragraph_spacing (document)
                : spec->before;

  plan_docx_xml_start (xml, "w:style");
  plan_docx_xml_attr (xml, "w:type", "paragraph");
  plan_docx_xml_attr (xml, "w:customStyle", "1");
  plan_docx_xml_attr (xml, "w:styleId", spec->id);
  plan_docx_xml_val (xml, "w:name", spec->name);
  plan_docx_xml_val (xml, "w:basedOn", PLAN_DOCX_STYLE_NORMAL);
  /* Enter goes on in the same role; after a paragraph item's first paragraph, its further
   * paragraphs */
  plan_docx_xml_val (xml, "w:next", g_str_equal (spec->id, PLAN_DOCX_STYLE_RULE)
                                    ? PLAN_DOCX_STYLE_NORMAL
                                    : g_str_equal (spec->id, PLAN_DOCX_STYLE_FREE_PARAGRAPH)
                                    ? PLAN_DOCX_STYLE_BODY : spec->id);
  if (spec->flags & HIDDEN)
    plan_docx_xml_empty (xml, "w:semiHidden");
  else
    plan_docx_xml_empty (xml, "w:qFormat");

  plan_docx_xml_start (xml, "w:pPr");
  if (spec->flags & KEEP_NEXT)
    plan_docx_xml_empty (xml, "w:keepNext");
  plan_docx_xml_start (xml, "w:spacing");
  plan_docx_xml_attr_int (xml, "w:before", spec->before_kind == BEFORE_NONE ? 0
                                           : PLAN_DOCX_PT_TO_TWIPS (before));
  plan_docx_xml_attr (xml, "w:after", "0");
  if (spec->flags & SPACED)
    {
      plan_docx_xml_attr_int (xml, "w:line",
                              (gint64) (240 * plan_document_get_line_spacing (document) + 0.5));
      plan_docx_xml_attr (xml, "w:lineRule", "auto");
    }
  plan_docx_xml_end (xml);
  if (spec->flags & INDENT)
    {
      plan_docx_xml_start (xml, "w:ind");
      plan_docx_xml_attr_int (xml, "w:firstLine",
                              PLAN_DOCX_MM_TO_TWIPS (plan_document_get_first_line_indent (document)));
      plan_docx_xml_end (xml);
    }
  plan_docx_xml_val (xml, "w:jc", spec->jc);
  plan_docx_xml_end (xml);

  plan_docx_xml_start (xml, "w:rPr");
  if (spec->flags & BOLD)
    {
      plan_docx_xml_empty (xml, "w:b");
      plan_docx_xml_empty (xml, "w:bCs");
    }
  if (spec->flags & ITALIC)
    {
      plan_docx_xml_empty (xml, "w:i");
      plan_docx_xml_empty (xml, "w:iCs");
    }
  if (spec->flags & CAPS)
    plan_docx_xml_empty (xml, "w:caps");
  write_size (xml, size);
  plan_docx_xml_end (xml);

  plan_docx_xml_end (xml);
}

static void
write_table_style (PlanDocxXml *xml,
                   const char  *id,
                   const char  *name,
                   int          border)
{
  static const char * const sides[] = { "w:top", "w:left", "w:bottom", "w:right",
                                        "w:insideH", "w:insideV" };

  plan_docx_xml_start (xml, "w:style");
  plan_docx_xml_attr (xml, "w:type", "table");
  plan_docx_xml_attr (xml, "w:customStyle", "1");
  plan_docx_xml_attr (xml, "w:styleId", id);
  plan_docx_xml_val (xml, "w:name", name);
  plan_docx_xml_start (xml, "w:tblPr");
  plan_docx_xml_start (xml, "w:tblBorders");
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    plan_docx_xml_border (xml, sides[i], border);
  plan_docx_xml_end (xml);
  plan_docx_xml_end (xml);
  plan_docx_xml_end (xml);
}

GBytes *
plan_docx_writer_styles (PlanDocument *document)
{
  g_autoptr(PlanDocxXml) xml = plan_docx_xml_new ("w:styles", "w", PLAN_DOCX_NS_W, NULL);

  /* Document defaults: Times New Roman at the plan's size, no spacing, Vietnamese */
  plan_docx_xml_start (xml, "w:docDefaults");
  plan_docx_xml_start (xml, "w:rPrDefault");
  plan_docx_xml_start (xml, "w:rPr");
  write_fonts (xml);
  write_size (xml, plan_document_get_font_size (document));
  plan_docx_xml_start (xml, "w:lang");
  plan_docx_xml_attr (xml, "w:val", "vi-VN");
  plan_docx_xml_attr (xml, "w:eastAsia", "en-US");
  plan_docx_xml_attr (xml, "w:bidi", "ar-SA");
  plan_docx_xml_end (xml);
  plan_docx_xml_end (xml);
  plan_docx_xml_end (xml);
  plan_docx_xml_start (xml, "w:pPrDefault");
  plan_docx_xml_start (xml, "w:pPr");
  plan_docx_xml_start (xml, "w:spacing");
  plan_docx_xml_attr (xml, "w:before", "0");
  plan_docx_xml_attr (xml, "w:after", "0");
  plan_docx_xml_attr (xml, "w:line", "240");
  plan_docx_xml_attr (xml, "w:lineRule", "auto");
  plan_docx_xml_end (xml);
  plan_docx_xml_end (xml);
  plan_docx_xml_end (xml);
  plan_docx_xml_end (xml);

  plan_docx_xml_start (xml, "w:style");
  plan_docx_xml_attr (xml, "w:type", "paragraph");
  plan_docx_xml_attr (xml, "w:default", "1");
  plan_docx_xml_attr (xml, "w:styleId", PLAN_DOCX_STYLE_NORMAL);
  plan_docx_xml_val (xml, "w:name", "Normal");
  plan_docx_xml_empty (xml, "w:qFormat");
  plan_docx_xml_start (xml, "w:rPr");
  write_fonts (xml);
  write_size (xml, plan_document_get_font_size (document));
  plan_docx_xml_end (xml);
  plan_docx_xml_end (xml);

  for (guint i = 0; i < G_N_ELEMENTS (paragraph_styles); i++)
    write_paragraph_style (xml, document, &paragraph_styles[i]);

  plan_docx_xml_start (xml, "w:style");
  plan_docx_xml_attr (xml, "w:type", "table");
  plan_docx_xml_attr (xml, "w:default", "1");
  plan_docx_xml_attr (xml, "w:styleId", "TableNormal");
  plan_docx_xml_val (xml, "w:name", "Normal Table");
  plan_docx_xml_empty (xml, "w:semiHidden");
  plan_docx_xml_start (xml, "w:tblPr");
  plan_docx_xml_start (xml, "w:tblCellMar");
  plan_docx_xml_start (xml, "w:left");
  plan_docx_xml_attr (xml, "w:w", "108");
  plan_docx_xml_attr (xml, "w:type", "dxa");
  plan_docx_xml_end (xml);
  plan_docx_xml_start (xml, "w:right");
  plan_docx_xml_attr (xml, "w:w", "108");
  plan_docx_xml_attr (xml, "w:type", "dxa");
  plan_docx_xml_end (xml);
  plan_docx_xml_end (xml);
  plan_docx_xml_end (xml);
  plan_docx_xml_end (xml);

  /* The end marker: a character style of its own, by which the import tells it from a "./."
   * typed in the text */
  plan_docx_xml_start (xml, "w:style");
  plan_docx_xml_attr (xml, "w:type", "character");
  plan_docx_xml_attr (xml, "w:customStyle", "1");
  plan_docx_xml_attr (xml, "w:styleId", PLAN_DOCX_STYLE_END_MARKER);
  plan_docx_xml_val (xml, "w:name", END_MARKER_NAME);
  plan_docx_xml_end (xml);

  /* A point's heading prints as its text: the character style is how the import finds it */
  plan_docx_xml_start (xml, "w:style");
  plan_docx_xml_attr (xml, "w:type", "character");
  plan_docx_xml_attr (xml, "w:customStyle", "1");
  plan_docx_xml_attr (xml, "w:styleId", PLAN_DOCX_STYLE_POINT_HEADING);
  plan_docx_xml_val (xml, "w:name", POINT_HEADING_NAME);
  plan_docx_xml_end (xml);

  write_table_style (xml, PLAN_DOCX_STYLE_TABLE_RULED, TABLE_RULED_NAME,
                     (int) (PLAN_TABLE_RULE * 8 + 0.5));
  write_table_style (xml, PLAN_DOCX_STYLE_TABLE_PLAIN, TABLE_PLAIN_NAME, 0);

  return plan_docx_xml_finish (g_steal_pointer (&xml));
}
