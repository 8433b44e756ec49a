/* plan-docx-writer-parts.h: the small parts of an exported plan: page headers (number,
 * watermark), settings, document properties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "plan-document.h"
#include "plan-layout-cache.h"
#include "plan-docx-writer-xml.h"

G_BEGIN_DECLS

/* A page header: the page number centred (@numbered) or nothing, and with @watermark the
 * "DỰ THẢO" shape across the page along its diagonal (@landscape pages turn it less).
 * @index makes the shape's id unique in the package. */
GBytes *plan_docx_writer_page_header (PlanDocument    *document,
                                      PlanLayoutCache *cache,
                                      gboolean         numbered,
                                      gboolean         watermark,
                                      gboolean         landscape,
                                      guint            index);
/* A page header part, its root element open: paragraphs go in, plan_docx_xml_finish() ends it */
PlanDocxXml *plan_docx_writer_page_header_start (void);
/* The "DỰ THẢO" shape, as a run of the paragraph being written */
void    plan_docx_writer_watermark   (PlanDocxXml     *xml,
                                      PlanLayoutCache *cache,
                                      gboolean         landscape,
                                      guint            index);
/* word/settings.xml: different first pages, Vietnamese, compatibility options that keep
 * justified lines ending in a line break unstretched as our PDF prints them */
GBytes *plan_docx_writer_settings    (void);
/* docProps/core.xml: title (type and trích yếu), author = agency, no dates (the same plan
 * gives the same file) */
GBytes *plan_docx_writer_core_properties (PlanDocument *document);
/* docProps/app.xml: the application, "Kế hoạch <version>" */
GBytes *plan_docx_writer_app_properties  (void);

/* The title of the exported document: "Kế hoạch Tổ chức …" (the type and the trích yếu on one
 * line), as our PDF's metadata */
char   *plan_docx_writer_dup_title   (PlanDocument *document);

G_END_DECLS
