/* plan-layout-cache.h: builds measured text blocks and keeps them between layouts, so that
 * laying a plan out again after an edit only shapes the text that changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-text.h"
#include "plan-text-block.h"

G_BEGIN_DECLS

typedef struct {
  double         size;          /* pt */
  PlanStyle      style;         /* applied to the whole text, on top of the runs' own style */
  PangoAlignment alignment;
  gboolean       justify;       /* justified, the last line of each paragraph ragged */
  gboolean       upper;         /* printed in capitals */
  double         width;         /* wrap width, pt */
  double         indent;        /* first-line indent, pt */
  double         line_spacing;  /* multiple of single spacing; 0 = single */
} PlanTextStyle;

typedef struct _PlanLayoutCache PlanLayoutCache;

PlanLayoutCache *plan_layout_cache_new        (void);
void             plan_layout_cache_free       (PlanLayoutCache *self);

/* Entries not used between begin and end are dropped at the end. */
void             plan_layout_cache_begin      (PlanLayoutCache *self);
void             plan_layout_cache_end        (PlanLayoutCache *self);
guint            plan_layout_cache_get_size   (PlanLayoutCache *self);
/* Blocks shaped (cache misses) since the last begin. */
guint            plan_layout_cache_get_misses (PlanLayoutCache *self);

/* A block for @runs (or for the plain text @plain). The returned block is owned by the cache
 * (valid until the entry is dropped); ref it to keep it. "\n" starts a new line; the indent
 * applies to the first line after each "\n" too, so callers split indented text themselves. */
PlanTextBlock   *plan_layout_cache_get_runs   (PlanLayoutCache     *self,
                                               const PlanTextStyle *style,
                                               const PlanRun       *runs,
                                               guint                n_runs);
PlanTextBlock   *plan_layout_cache_get_plain  (PlanLayoutCache     *self,
                                               const PlanTextStyle *style,
                                               const char          *plain);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlanLayoutCache, plan_layout_cache_free)

G_END_DECLS
