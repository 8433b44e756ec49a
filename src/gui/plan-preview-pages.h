/* plan-preview-pages.h: the printed pages one under the other, scrollable and zoomable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "plan-layout.h"

G_BEGIN_DECLS

#define PLAN_TYPE_PREVIEW_PAGES (plan_preview_pages_get_type ())
G_DECLARE_FINAL_TYPE (PlanPreviewPages, plan_preview_pages, PLAN, PREVIEW_PAGES, GtkWidget)

/* Zoom 1.0 is the actual size on screen (96 px per inch). */
#define PLAN_PREVIEW_ZOOM_MIN 0.1
#define PLAN_PREVIEW_ZOOM_MAX 4.0

/* Properties: "layout" (PlanLayout), "zoom" (double), "fit-width" (gboolean: the zoom follows
 * the width of the view), "current-page" (guint, 0-based, read-only: the page in the middle of
 * the view). Implements GtkScrollable: put it straight into a GtkScrolledWindow. */
GtkWidget  *plan_preview_pages_new               (void);
void        plan_preview_pages_set_layout        (PlanPreviewPages *self,
                                                  PlanLayout       *layout);
PlanLayout *plan_preview_pages_get_layout        (PlanPreviewPages *self);
double      plan_preview_pages_get_zoom          (PlanPreviewPages *self);
void        plan_preview_pages_set_zoom          (PlanPreviewPages *self,
                                                  double            zoom);
gboolean    plan_preview_pages_get_fit_width     (PlanPreviewPages *self);
void        plan_preview_pages_set_fit_width     (PlanPreviewPages *self,
                                                  gboolean          fit_width);
guint       plan_preview_pages_get_current_page  (PlanPreviewPages *self);
void        plan_preview_pages_scroll_to_page    (PlanPreviewPages *self,
                                                  guint             page);
/* Forgets the drawn pages: call after the layout changed. */
void        plan_preview_pages_invalidate        (PlanPreviewPages *self);
/* Pages drawn by the last frames since the layout changed, for tests: only visible ones are. */
guint       plan_preview_pages_get_n_drawn       (PlanPreviewPages *self);

G_END_DECLS
