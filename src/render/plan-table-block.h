/* plan-table-block.h: a table measured for a given width: column positions, row heights,
 * merged cells; cut into page slices between rows (or between lines of a row taller than a page)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "plan-table.h"
#include "plan-layout-cache.h"

G_BEGIN_DECLS

typedef struct _PlanTableBlock PlanTableBlock;

/* Cell padding and border width, pt */
#define PLAN_TABLE_PAD_X   3.0
#define PLAN_TABLE_PAD_Y   2.5
/* Space between a table and its footnote, pt */
#define PLAN_TABLE_FOOTNOTE_GAP 3.0
#define PLAN_TABLE_RULE    0.5

PlanTableBlock *plan_table_block_new              (PlanLayoutCache *cache,
                                                   PlanTable       *table,
                                                   double           width,
                                                   double           font_size);
void            plan_table_block_free             (PlanTableBlock  *self);

PlanTable      *plan_table_block_get_table        (PlanTableBlock  *self);
/* Height of the header rows, repeated at the top of every slice */
double          plan_table_block_get_header_height (PlanTableBlock *self);
/* Height of the header rows at the top of the slice that starts at body offset @from: the
 * header, or 0 after the first slice when the table does not repeat its header. */
double          plan_table_block_get_slice_header_height (PlanTableBlock *self,
                                                          double          from);
/* Height of the body rows */
double          plan_table_block_get_body_height  (PlanTableBlock  *self);
/* Where the first slice may end at the earliest: a table never starts with a lone row at the
 * bottom of a page (it moves to the next page unless it starts there already). */
double          plan_table_block_get_first_cut    (PlanTableBlock  *self);
/* Whether the rows from body offset @from down to the next place where the table may be cut
 * without cutting a merged cell are taller than @height */
gboolean        plan_table_block_group_is_taller  (PlanTableBlock  *self,
                                                   double           from,
                                                   double           height);
/* The least that must fit under a heading kept with the table: header and first two rows */
double          plan_table_block_get_min_height   (PlanTableBlock  *self);
/* Where a slice that starts at body offset @from and may take @available pt ends. Cuts between
 * groups of merged rows; when @fresh_page (nothing else is on the page, or the group is taller
 * than a page) and no whole group fits, between rows, then between text lines. Returns @from
 * when nothing fits. */
double          plan_table_block_next_cut         (PlanTableBlock  *self,
                                                   double           from,
                                                   double           available,
                                                   gboolean         fresh_page);
/* Draws the header rows and the body slice [@from, @to) with its top-left corner at (@x, @y). */
void            plan_table_block_draw             (PlanTableBlock  *self,
                                                   cairo_t         *cr,
                                                   double           x,
                                                   double           y,
                                                   double           from,
                                                   double           to);
/* Calls @func for every body row in [@from, @to). */
void            plan_table_block_foreach_row      (PlanTableBlock  *self,
                                                   double           from,
                                                   double           to,
                                                   GFunc            func,
                                                   gpointer         user_data);

G_END_DECLS
