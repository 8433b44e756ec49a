/* plan-painter.h: draws a paginated page on any cairo_t: paper, watermark, blocks, page number
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "plan-layout-cache.h"
#include "plan-paginator.h"

G_BEGIN_DECLS

/* Page number: centred in the top margin, its top this far from the paper's edge */
#define PLAN_PAGE_NUMBER_TOP_MM  10.0
#define PLAN_WATERMARK_TEXT      "DỰ THẢO"

typedef struct {
  const PlanMargins *margins;
  double             page_number_size;  /* pt */
  gboolean           watermark;
} PlanPaintOptions;

void plan_painter_draw_page (PlanLayoutCache        *cache,
                             const PlanPage         *page,
                             const PlanPaintOptions *options,
                             cairo_t                *cr);

G_END_DECLS
