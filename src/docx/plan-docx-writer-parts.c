/* plan-docx-writer-parts.c: the small parts of an exported plan: page headers (number,
 * watermark), settings, document properties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "plan-format.h"
#include "plan-painter.h"
#include "plan-units.h"
#include "plan-docx-writer-parts.h"
#include "plan-docx-writer-styles.h"
#include "plan-docx-writer-xml.h"

/* The watermark as our PDF draws it (plan-painter.c): 110 pt bold, light grey */
#define WATERMARK_SIZE  110.0
#define WATERMARK_COLOR "#D9D9D9"

#define NS_CP      "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
#define NS_DC      "http://purl.org/dc/elements/1.1/"
#define NS_DCTERMS "http://purl.org/dc/terms/"
#define NS_XSI     "http://www.w3.org/2001/XMLSchema-instance"
#define NS_EP      "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"

/* Word's own shape type for WordArt along a straight line (o:spt 136): its formulas and path
 * are what Word writes for a watermark, and what LibreOffice reads as Fontwork. */
static void
write_text_shape_type (PlanDocxXml *xml)
{
  static const char * const formulas[] = {
    "sum #0 0 10800", "prod #0 2 1", "sum 21600 0 @1", "sum 0 0 @2", "sum 21600 0 @3",
    "if @0 @3 0", "if @0 21600 @1", "if @0 0 @2", "if @0 @4 21600", "mid @5 @6",
    "mid @8 @5", "mid @7 @8", "mid @6 @7", "sum @6 0 @5",
  };

  plan_docx_xml_start (xml, "v:shapetype");
  plan_docx_xml_attr (xml, "id", "_x0000_t136");
  plan_docx_xml_attr (xml, "coordsize", "21600,21600");
  plan_docx_xml_attr (xml, "o:spt", "136");
  plan_docx_xml_attr (xml, "adj", "10800");
  plan_docx_xml_attr (xml, "path", "m@7,l@8,m@5,21600l@6,21600e");
  plan_docx_xml_start (xml, "v:formulas");
  for (guint i = 0; i < G_N_ELEMENTS (formulas); i++)
    {
      plan_docx_xml_start (xml, "v:f");
      plan_docx_xml_attr (xml, "eqn", formulas[i]);
      plan_docx_xml_end (xml);
    }
  plan_docx_xml_end (xml);
  plan_docx_xml_start (xml, "v:path");
  plan_docx_xml_attr (xml, "textpathok", "t");
  plan_docx_xml_attr (xml, "o:connecttype", "custom");
  plan_docx_xml_attr (xml, "o:connectlocs", "@9,0;@10,10800;@11,21600;@12,10800");
  plan_docx_xml_attr (xml, "o:connectangles", "270,180,90,0");
  plan_docx_xml_end (xml);
  plan_docx_xml_start (xml, "v:textpath");
  plan_docx_xml_attr (xml, "on", "t");
  plan_docx_xml_attr (xml, "fitshape", "t");
  plan_docx_xml_end (xml);
  plan_docx_xml_start (xml, "o:lock");
  plan_docx_xml_attr (xml, "v:ext", "edit");
  plan_docx_xml_attr (xml, "text", "t");
  plan_docx_xml_attr (xml, "shapetype", "t");
  plan_docx_xml_end (xml);
  plan_docx_xml_end (xml);
}

/* "DỰ THẢO" across the page, centred on it and turned along its diagonal as our PDF draws it.
 * VML WordArt in the page header: the form of watermark both Word and LibreOffice show. */
void
plan_docx_writer_watermark (PlanDocxXml     *xml,
                            PlanLayoutCache *cache,
                            gboolean         landscape,
                            guint            index)
{
  PlanTextStyle style = { 0, };
  PlanTextBlock *text;
  double page_width = landscape ? PLAN_A4_HEIGHT_PT : PLAN_A4_WIDTH_PT;
  double page_height = landscape ? PLAN_A4_WIDTH_PT : PLAN_A4_HEIGHT_PT;
  /* VML turns clockwise: the text rises from bottom left to top right */
  double rotation = 360.0 - atan2 (page_height, page_width) * 180.0 / G_PI;
  g_autofree char *shape_style = NULL;
  g_autofree char *id = g_strdup_printf ("PlanWatermark%u", index);
  g_autofree char *spid = g_strdup_printf ("_x0000_s%u", 2049 + index);
  double width, height;

  style.size = WATERMARK_SIZE;
  style.style = PLAN_STYLE_BOLD;
  style.alignment = PANGO_ALIGN_CENTER;
  style.width = hypot (page_width, page_height);
  text = plan_layout_cache_get_plain (cache, &style, PLAN_WATERMARK_TEXT);
  width = plan_text_block_get_text_width (text);
  /* The shape holds the letters from the top of the accents to the baseline */
  height = WATERMARK_SIZE * 0.9;

  shape_style = g_strdup_printf ("position:absolute;margin-left:0;margin-top:0;"
                                 "width:%.1fpt;height:%.1fpt;rotation:%.0f;z-index:-251651072;"
                                 "mso-position-horizontal:center;"
                                 "mso-position-horizontal-relative:page;"
                                 "mso-position-vertical:center;"
                                 "mso-position-vertical-relative:page",
                                 width, height, rotation);

  plan_docx_xml_start (xml, "w:r");
  plan_docx_xml_start (xml, "w:pict");
  write_text_shape_type (xml);
  plan_docx_xml_start (xml, "v:shape");
  plan_docx_xml_attr (xml, "id", id);
  plan_docx_xml_attr (xml, "o:spid", spid);
  plan_docx_xml_attr (xml, "type", "#_x0000_t136");
  plan_docx_xml_attr (xml, "style", shape_style);
  plan_docx_xml_attr (xml, "o:allowincell", "f");
  plan_docx_xml_attr (xml, "fillcolor", WATERMARK_COLOR);
  plan_docx_xml_attr (xml, "stroked", "f");
  plan_docx_xml_start (xml, "v:fill");
  plan_docx_xml_attr (xml, "opacity", "1");
  plan_docx_xml_end (xml);
  plan_docx_xml_start (xml, "v:textpath");
  plan_docx_xml_attr (xml, "style", "font-family:\"Times New Roman\";font-size:1pt;font-weight:bold");
  plan_docx_xml_attr (xml, "string", PLAN_WATERMARK_TEXT);
  plan_docx_xml_end (xml);
  plan_docx_xml_start (xml, "w10:wrap");
  plan_docx_xml_attr (xml, "anchorx", "page");
  plan_docx_xml_attr (xml, "anchory", "page");
  plan_docx_xml_end (xml);
  plan_docx_xml_end (xml);
  plan_docx_xml_end (xml);
  plan_docx_xml_end (xml);
}

PlanDocxXml *
plan_docx_writer_page_header_start (void)
{
  return plan_docx_xml_new ("w:hdr",
                            "w", PLAN_DOCX_NS_W,
                            "r", PLAN_DOCX_NS_R,
                            "v", PLAN_DOCX_NS_V,
                            "o", PLAN_DOCX_NS_O,
                            "w10", PLAN_DOCX_NS_W10,
                            NULL);
}

GBytes *
plan_docx_writer_page_header (PlanDocument    *document,
                              PlanLayoutCache *cache,
                              gboolean         numbered,
                              gboolean         watermark,
                              gboolean         landscape,
                              guint            index)
{
  g_autoptr(PlanDocxXml) xml = plan_docx_writer_page_header_start ();

  plan_docx_xml_start (xml, "w:p");
  plan_docx_xml_start (xml, "w:pPr");
  plan_docx_xml_val (xml, "w:pStyle", PLAN_DOCX_STYLE_PAGE_HEADER);
  plan_docx_xml_end (xml);
  if (watermark)
    plan_docx_writer_watermark (xml, cache, landscape, index);
  if (numbered)
    {
      /* A complex field: Word and LibreOffice both update it; "2" is its shown result until
       * they do */
      plan_docx_xml_start (xml, "w:r");
      plan_docx_xml_start (xml, "w:fldChar");
      plan_docx_xml_attr (xml, "w:fldCharType", "begin");
      plan_docx_xml_end (xml);
      plan_docx_xml_end (xml);
      plan_docx_xml_start (xml, "w:r");
      plan_docx_xml_start (xml, "w:instrText");
      plan_docx_xml_attr (xml, "xml:space", "preserve");
      plan_docx_xml_text (xml, " PAGE ");
      plan_docx_xml_end (xml);
      plan_docx_xml_end (xml);
      plan_docx_xml_start (xml, "w:r");
      plan_docx_xml_start (xml, "w:fldChar");
      plan_docx_xml_attr (xml, "w:fldCharType", "separate");
      plan_docx_xml_end (xml);
      plan_docx_xml_end (xml);
      plan_docx_xml_start (xml, "w:r");
      plan_docx_xml_element (xml, "w:t", "2");
      plan_docx_xml_end (xml);
      plan_docx_xml_start (xml, "w:r");
      plan_docx_xml_start (xml, "w:fldChar");
      plan_docx_xml_attr (xml, "w:fldCharType", "end");
      plan_docx_xml_end (xml);
      plan_docx_xml_end (xml);
    }
  plan_docx_xml_end (xml);

  return plan_docx_xml_finish (g_steal_pointer (&xml));
}

GBytes *
plan_docx_writer_settings (void)
{
  g_autoptr(PlanDocxXml) xml = plan_docx_xml_new ("w:settings", "w", PLAN_DOCX_NS_W, NULL);

  plan_docx_xml_val_int (xml, "w:defaultTabStop", 720);
  plan_docx_xml_start (xml, "w:compat");
  /* A justified line ending in Shift+Enter stays as typed, as our PDF prints it */
  plan_docx_xml_empty (xml, "w:doNotExpandShiftReturn");
  plan_docx_xml_start (xml, "w:compatSetting");
  plan_docx_xml_attr (xml, "w:name", "compatibilityMode");
  plan_docx_xml_attr (xml, "w:uri", "http://schemas.microsoft.com/office/word");
  plan_docx_xml_attr (xml, "w:val", "15");
  plan_docx_xml_end (xml);
  plan_docx_xml_end (xml);
  plan_docx_xml_start (xml, "w:themeFontLang");
  plan_docx_xml_attr (xml, "w:val", "vi-VN");
  plan_docx_xml_end (xml);

  return plan_docx_xml_finish (g_steal_pointer (&xml));
}

char *
plan_docx_writer_dup_title (PlanDocument *document)
{
  g_autofree char *type = plan_format_upper (plan_document_get_type_name (document));
  g_autofree char *title = g_strdup (plan_document_get_title (document));

  g_strdelimit (title, "\n", ' ');
  if (*title == '\0')
    return g_steal_pointer (&type);
  return g_strdup_printf ("%s %s", type, title);
}

GBytes *
plan_docx_writer_core_properties (PlanDocument *document)
{
  g_autoptr(PlanDocxXml) xml = plan_docx_xml_new ("cp:coreProperties",
                                                  "cp", NS_CP,
                                                  "dc", NS_DC,
                                                  "dcterms", NS_DCTERMS,
                                                  "xsi", NS_XSI,
                                                  NULL);
  g_autofree char *title = plan_docx_writer_dup_title (document);
  g_autofree char *agency = g_strdup (plan_document_get_agency (document));

  g_strdelimit (agency, "\n", ' ');
  plan_docx_xml_element (xml, "dc:title", title);
  plan_docx_xml_element (xml, "dc:creator", agency);
  plan_docx_xml_element (xml, "cp:lastModifiedBy", agency);
  plan_docx_xml_element (xml, "dc:language", "vi-VN");

  return plan_docx_xml_finish (g_steal_pointer (&xml));
}

GBytes *
plan_docx_writer_app_properties (void)
{
  g_autoptr(PlanDocxXml) xml = plan_docx_xml_new ("Properties", "", NS_EP, NULL);

  plan_docx_xml_element (xml, "Application", "Kế hoạch " PACKAGE_VERSION);

  return plan_docx_xml_finish (g_steal_pointer (&xml));
}
