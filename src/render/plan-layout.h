/* plan-layout.h: a plan laid out on A4 pages; draws any page on any cairo_t. The one engine
 * behind the preview, the printout and the PDF, so all three paginate identically.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include "plan-document.h"

G_BEGIN_DECLS

#define PLAN_TYPE_LAYOUT (plan_layout_get_type ())
G_DECLARE_FINAL_TYPE (PlanLayout, plan_layout, PLAN, LAYOUT, GObject)

/* Property "document" (construct-only). Property "n-pages" (read-only, notified when it changes).
 * Signal "updated": emitted by plan_layout_update() after the pages changed. */
PlanLayout   *plan_layout_new              (PlanDocument *document);
PlanDocument *plan_layout_get_document     (PlanLayout   *self);

/* Lays the document out again (only what changed when possible). Cheap when nothing changed.
 * Must be called after the document changed, before querying pages. */
void          plan_layout_update           (PlanLayout   *self);

guint         plan_layout_get_n_pages      (PlanLayout   *self);
/* Page size in points (A4 portrait 595.28 × 841.89, or landscape for landscape appendices). */
void          plan_layout_get_page_size    (PlanLayout   *self,
                                            guint         page,
                                            double       *width_pt,
                                            double       *height_pt);
/* The number printed at the top of @page (0-based): 2, 3 … restarting in each appendix, or 0
 * when the page shows none (the first page of the plan and of each appendix). Added by the
 * renderer for the preview's page labels and the tests. */
guint         plan_layout_get_page_number  (PlanLayout   *self,
                                            guint         page);
/* Draws page @page (0-based) with its top-left corner at the current origin of @cr, in points
 * (scale @cr beforehand for zoom or device resolution). White background included. */
void          plan_layout_draw_page        (PlanLayout   *self,
                                            cairo_t      *cr,
                                            guint         page);
/* The first page on which @object (the document, a PlanParagraph, PlanItem, PlanRecipient,
 * PlanAppendix, PlanRow …) is printed, or -1. Used by the preview to follow the editor. */
int           plan_layout_find_page        (PlanLayout   *self,
                                            gpointer      object);
/* Family of the font actually used ("Times New Roman", or the substitute "Tinos" /
 * "Liberation Serif"), and whether it is the real Times New Roman. */
const char   *plan_layout_get_font_family  (PlanLayout   *self);
gboolean      plan_layout_has_real_times   (PlanLayout   *self);

G_END_DECLS
