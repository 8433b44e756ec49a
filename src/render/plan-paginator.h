/* plan-paginator.h: places blocks on pages: paragraphs cut between lines (no single orphan or
 * widow line), headings kept with what follows, tables cut between rows with their header
 * repeated, the closing block kept whole with the last lines of the body
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-block.h"

G_BEGIN_DECLS

typedef struct {
  PlanBlock *block;
  double     y;            /* top, from the top of the text area, pt */
  guint      first_line;   /* TEXT */
  guint      n_lines;
  double     from;         /* TABLE: body slice */
  double     to;
} PlanPlacement;

typedef struct {
  double          width;
  double          height;
  PlanOrientation orientation;
  guint           section;   /* 0 = the plan, 1… = appendices */
  guint           number;    /* 1-based, restarting in each appendix */
  GArray         *placements;
} PlanPage;

typedef struct {
  double top;
  double bottom;
  double left;
  double right;
} PlanMargins;

/* Returns the pages (PlanPage, owned by the array). The blocks must outlive them. */
GPtrArray *plan_paginator_run (GPtrArray         *blocks,
                               const PlanMargins *margins);

G_END_DECLS
