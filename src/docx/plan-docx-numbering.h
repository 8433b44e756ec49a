/* plan-docx-numbering.h: the numbers Word shows for automatically numbered paragraphs
 * (numbering.xml)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

typedef struct _PlanDocxNumbering PlanDocxNumbering;

/* @numbering_xml may be NULL (a document without automatic numbering). */
PlanDocxNumbering *plan_docx_numbering_new  (xmlDoc            *numbering_xml);
void               plan_docx_numbering_free (PlanDocxNumbering *self);

/* The marker Word shows for the next paragraph of list @num_id at @level ("1.", "1.2.",
 * "a)", "II.", "-" for a bullet), advancing the counters as Word does: a level counts on
 * within the same abstract list, deeper levels restart after a shallower one, a list's
 * w:startOverride restarts it where it first appears. NULL when the paragraph shows no
 * number (numId 0, an unknown list, a level with format "none"). */
char              *plan_docx_numbering_next (PlanDocxNumbering *self,
                                             int                num_id,
                                             int                level);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlanDocxNumbering, plan_docx_numbering_free)

G_END_DECLS
