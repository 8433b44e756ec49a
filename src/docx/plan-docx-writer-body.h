/* plan-docx-writer-body.h: word/document.xml of an exported plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "plan-document.h"
#include "plan-layout-cache.h"

G_BEGIN_DECLS

/* The page headers a section refers to (relationship ids of word/document.xml), one pair per
 * orientation: the watermark of a draft is turned along each page's diagonal. */
typedef struct {
  const char *first;     /* the first page of the section: no number (a draft: the watermark) */
  const char *other;     /* every other page: the number, centred */
  const char *title;     /* the plan's own first page when it differs (the circulation note), or
                          * NULL */
} PlanDocxHeaders;

/* The body, in the order of the printed plan: header block, type name and title, preamble,
 * outline, closing, then each appendix in its own section. A decision issuing the plan comes
 * first, in a section of its own (Mẫu 1.3). @cache measures text as our PDF
 * does (the short rules under the agency and the title). *@n_numbered_tables receives the
 * number of tables whose TT column uses the numbering instances 1, 2 … of
 * plan_docx_writer_numbering(). */
GBytes *plan_docx_writer_body (PlanDocument          *document,
                               PlanLayoutCache       *cache,
                               const PlanDocxHeaders *portrait,
                               const PlanDocxHeaders *landscape,
                               guint                 *n_numbered_tables);

/* The page header of the plan's first page when the plan has a circulation note ("LƯU HÀNH
 * NỘI BỘ"): the note in its frame in the top margin, centred above the Quốc hiệu, as our PDF
 * prints it; with @watermark the "DỰ THẢO" shape too. */
GBytes *plan_docx_writer_title_page_header (PlanDocument    *document,
                                            PlanLayoutCache *cache,
                                            gboolean         watermark,
                                            guint            index);

/* word/numbering.xml: one decimal list, "1", "2" … centred without indent, and @n_tables
 * instances of it that each start from 1 */
GBytes *plan_docx_writer_numbering (guint n_tables);

G_END_DECLS
