/* plan-docx-styles.h: what a Word style (styles.xml) gives its paragraphs and runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>
#include "plan-types.h"

G_BEGIN_DECLS

typedef struct _PlanDocxStyles PlanDocxStyles;

/* @styles_xml may be NULL (a package without styles.xml). */
PlanDocxStyles *plan_docx_styles_new        (xmlDoc         *styles_xml);
void            plan_docx_styles_free       (PlanDocxStyles *self);

/* The id by which the recognition knows the style @style_id: the id our export gives the style
 * of that name (PLAN_DOCX_STYLE_…) when the file names it otherwise, as LibreOffice does when it
 * saves our export again; else @style_id itself. */
const char     *plan_docx_styles_get_role (PlanDocxStyles *self,
                                           const char     *style_id);
/* The paragraph style of a paragraph without w:pStyle (w:default="1"), or NULL */
const char     *plan_docx_styles_get_default_paragraph (PlanDocxStyles *self);
/* Bold, italic and underline of a run: its own properties @run_properties (w:rPr, may be
 * NULL), else its character style, else its paragraph's style (each following "basedOn"),
 * else the document defaults. */
PlanStyle       plan_docx_styles_resolve_run   (PlanDocxStyles *self,
                                                const char     *paragraph_style,
                                                const char     *character_style,
                                                const xmlNode  *run_properties);
/* The numbering a paragraph style carries (w:numPr in the style), following "basedOn".
 * FALSE when it has none. */
gboolean        plan_docx_styles_get_numbering (PlanDocxStyles *self,
                                                const char     *style_id,
                                                int            *num_id,
                                                int            *level);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlanDocxStyles, plan_docx_styles_free)

G_END_DECLS
