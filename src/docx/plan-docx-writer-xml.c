/* plan-docx-writer-xml.c: writing WordprocessingML through libxml2's xmlTextWriter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plan-docx-writer-xml.h"

PlanDocxXml *
plan_docx_xml_new (const char *root,
                   const char *first_prefix,
                   ...)
{
  PlanDocxXml *self = g_new0 (PlanDocxXml, 1);
  va_list args;

  self->buffer = xmlBufferCreate ();
  self->xml = xmlNewTextWriterMemory (self->buffer, 0);
  xmlTextWriterStartDocument (self->xml, "1.0", "UTF-8", "yes");
  plan_docx_xml_start (self, root);

  va_start (args, first_prefix);
  for (const char *prefix = first_prefix; prefix != NULL; prefix = va_arg (args, const char *))
    {
      const char *uri = va_arg (args, const char *);
      g_autofree char *name = prefix[0] != '\0' ? g_strconcat ("xmlns:", prefix, NULL)
                                                : g_strdup ("xmlns");

      plan_docx_xml_attr (self, name, uri);
    }
  va_end (args);

  return self;
}

GBytes *
plan_docx_xml_finish (PlanDocxXml *self)
{
  GBytes *bytes;

  xmlTextWriterEndDocument (self->xml);
  xmlFreeTextWriter (self->xml);
  self->xml = NULL;
  bytes = g_bytes_new (xmlBufferContent (self->buffer), xmlBufferLength (self->buffer));
  plan_docx_xml_free (self);

  return bytes;
}

void
plan_docx_xml_free (PlanDocxXml *self)
{
  if (self == NULL)
    return;
  if (self->xml != NULL)
    xmlFreeTextWriter (self->xml);
  xmlBufferFree (self->buffer);
  g_free (self);
}

void
plan_docx_xml_text (PlanDocxXml *self,
                    const char  *text)
{
  g_autoptr(GString) clean = NULL;

  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
      {
        clean = g_string_new_len (text, p - text);
        for (; *p != '\0'; p++)
          if ((guchar) *p >= 0x20 || *p == '\t' || *p == '\n' || *p == '\r')
            g_string_append_c (clean, *p);
        break;
      }
  xmlTextWriterWriteString (self->xml, (const xmlChar *) (clean != NULL ? clean->str : text));
}

void
plan_docx_xml_border (PlanDocxXml *self,
                      const char  *name,
                      int          eighths)
{
  plan_docx_xml_start (self, name);
  if (eighths > 0)
    {
      plan_docx_xml_attr (self, "w:val", "single");
      plan_docx_xml_attr_int (self, "w:sz", eighths);
      plan_docx_xml_attr (self, "w:space", "0");
      plan_docx_xml_attr (self, "w:color", "000000");
    }
  else
    {
      plan_docx_xml_attr (self, "w:val", "nil");
    }
  plan_docx_xml_end (self);
}
