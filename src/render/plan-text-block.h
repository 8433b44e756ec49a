/* plan-text-block.h: one measured piece of text (a paragraph, a cell, a header line): its
 * PangoLayout and the position of every line, so that pages can be cut between lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

typedef struct {
  double top;       /* from the top of the block, pt */
  double height;    /* advance to the next line (the last line: its own height) */
  double baseline;  /* from the top of the block */
  double x;         /* origin of the line from the left of the block */
  double width;     /* logical width of the line */
} PlanLine;

typedef struct _PlanTextBlock PlanTextBlock;

PlanTextBlock  *plan_text_block_new          (PangoLayout   *layout);
PlanTextBlock  *plan_text_block_ref          (PlanTextBlock *self);
void            plan_text_block_unref        (PlanTextBlock *self);

guint           plan_text_block_get_n_lines  (PlanTextBlock *self);
const PlanLine *plan_text_block_get_line     (PlanTextBlock *self,
                                              guint          index);
double          plan_text_block_get_height   (PlanTextBlock *self);
/* The widest line's logical width (for rules "as wide as the text"). */
double          plan_text_block_get_text_width (PlanTextBlock *self);
/* Height taken by lines [@first, @first + @n_lines). */
double          plan_text_block_get_lines_height (PlanTextBlock *self,
                                                  guint          first,
                                                  guint          n_lines);
/* Draws lines [@first, @first + @n_lines) so that line @first's top is at (@x, @y). Drawn line
 * by line, so that text of other lines never enters the page (not even clipped away). */
void            plan_text_block_draw_lines   (PlanTextBlock *self,
                                              cairo_t       *cr,
                                              double         x,
                                              double         y,
                                              guint          first,
                                              guint          n_lines);
/* Adds the outlines of the glyphs to the path of @cr (top-left at @x, @y). */
void            plan_text_block_path         (PlanTextBlock *self,
                                              cairo_t       *cr,
                                              double         x,
                                              double         y);
void            plan_text_block_draw         (PlanTextBlock *self,
                                              cairo_t       *cr,
                                              double         x,
                                              double         y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlanTextBlock, plan_text_block_unref)

G_END_DECLS
