/* plan-docx-writer-xml.h: writing WordprocessingML through libxml2's xmlTextWriter
 *
 * Every element and attribute goes through the writer, which escapes the text: no XML is ever
 * assembled from strings. Sizes in Word's units: twentieths of a point (twips) for lengths,
 * half-points for font sizes, eighths of a point for borders.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/xmlwriter.h>

#include "plan-docx-xml-private.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextWriter, xmlFreeTextWriter)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlBuffer, xmlBufferFree)

#define PLAN_DOCX_NS_R   "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PLAN_DOCX_NS_V   "urn:schemas-microsoft-com:vml"
#define PLAN_DOCX_NS_O   "urn:schemas-microsoft-com:office:office"
#define PLAN_DOCX_NS_W10 "urn:schemas-microsoft-com:office:word"

#define PLAN_DOCX_PT_TO_TWIPS(pt) ((gint64) ((pt) * 20.0 + 0.5))
#define PLAN_DOCX_MM_TO_TWIPS(mm) ((gint64) ((mm) * 1440.0 / 25.4 + 0.5))

/* A part being written: its writer and the buffer it fills */
typedef struct {
  xmlBuffer     *buffer;
  xmlTextWriter *xml;
} PlanDocxXml;

/* Starts a part with the XML declaration; @root is the root element ("w:document"), given the
 * namespace declarations @ns_pairs (prefix, URI, …, NULL). */
PlanDocxXml *plan_docx_xml_new         (const char  *root,
                                        const char  *first_prefix,
                                        ...) G_GNUC_NULL_TERMINATED;
/* Closes every open element and returns the part's bytes; frees @self. */
GBytes      *plan_docx_xml_finish      (PlanDocxXml *self);
void         plan_docx_xml_free        (PlanDocxXml *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlanDocxXml, plan_docx_xml_free)

static inline void
plan_docx_xml_start (PlanDocxXml *self,
                     const char  *name)
{
  xmlTextWriterStartElement (self->xml, (const xmlChar *) name);
}

static inline void
plan_docx_xml_end (PlanDocxXml *self)
{
  xmlTextWriterEndElement (self->xml);
}

static inline void
plan_docx_xml_attr (PlanDocxXml *self,
                    const char  *name,
                    const char  *value)
{
  xmlTextWriterWriteAttribute (self->xml, (const xmlChar *) name, (const xmlChar *) value);
}

static inline void
plan_docx_xml_attr_int (PlanDocxXml *self,
                        const char  *name,
                        gint64       value)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  plan_docx_xml_attr (self, name, text);
}

/* Text content; control characters XML 1.0 cannot hold (all below U+0020 but tab, line feed
 * and carriage return) are left out */
void         plan_docx_xml_text        (PlanDocxXml *self,
                                        const char  *text);

/* <@name w:val="@value"/> */
static inline void
plan_docx_xml_val (PlanDocxXml *self,
                   const char  *name,
                   const char  *value)
{
  plan_docx_xml_start (self, name);
  plan_docx_xml_attr (self, "w:val", value);
  plan_docx_xml_end (self);
}

static inline void
plan_docx_xml_val_int (PlanDocxXml *self,
                       const char  *name,
                       gint64       value)
{
  plan_docx_xml_start (self, name);
  plan_docx_xml_attr_int (self, "w:val", value);
  plan_docx_xml_end (self);
}

/* An empty element <@name/> */
static inline void
plan_docx_xml_empty (PlanDocxXml *self,
                     const char  *name)
{
  plan_docx_xml_start (self, name);
  plan_docx_xml_end (self);
}

/* An element holding only text: <@name>@text</@name> */
static inline void
plan_docx_xml_element (PlanDocxXml *self,
                       const char  *name,
                       const char  *text)
{
  plan_docx_xml_start (self, name);
  plan_docx_xml_text (self, text);
  plan_docx_xml_end (self);
}

/* A border element (w:top, w:bottom …): a single line @eighths eighths of a point wide, or
 * "nil" when @eighths is 0 */
void         plan_docx_xml_border      (PlanDocxXml *self,
                                        const char  *name,
                                        int          eighths);

G_END_DECLS
