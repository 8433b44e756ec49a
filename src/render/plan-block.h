/* plan-block.h: one unit of the page flow: a paragraph (cut between lines), a fixed box
 * (header, title, closing; never cut), a table (cut between rows) or the start of an appendix
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "plan-types.h"
#include "plan-text-block.h"
#include "plan-table-block.h"

G_BEGIN_DECLS

typedef enum {
  PLAN_BLOCK_TEXT,
  PLAN_BLOCK_BOX,
  PLAN_BLOCK_TABLE,
  PLAN_BLOCK_SECTION,
} PlanBlockKind;

/* A piece of a box: a text block at (x, y), or a horizontal rule from x to x + width at y. */
typedef struct {
  PlanTextBlock *text;
  double         x;
  double         y;
  double         width;
  gboolean       frame;   /* a ruled box around the text (stamps such as "KHẨN") */
  double         frame_width;   /* the frame's size; 0: the text's own size plus padding */
  double         frame_height;
} PlanPiece;

typedef struct {
  PlanBlockKind   kind;
  gpointer        object;           /* the model object printed here (not owned) */
  GPtrArray      *also;             /* more model objects printed here, or NULL */
  double          space_before;     /* dropped at the top of a page */
  guint           keep_with_next : 1;
  guint           keep_with_previous : 1;  /* takes the last lines before it along */
  double          x;                /* from the left margin */

  PlanTextBlock  *text;             /* TEXT */
  GArray         *pieces;           /* BOX: PlanPiece */
  double          height;           /* BOX */
  PlanTableBlock *table;            /* TABLE */
  PlanOrientation orientation;      /* SECTION */
  gboolean        continue_numbering; /* SECTION: page numbers go on from the body's */
} PlanBlock;

PlanBlock *plan_block_new_text      (PlanTextBlock  *text,
                                     double          x,
                                     double          space_before,
                                     gpointer        object);
PlanBlock *plan_block_new_box       (gpointer        object);
/* Adds a text piece (its height extends the box) and returns its height. */
double     plan_block_add_text      (PlanBlock      *box,
                                     PlanTextBlock  *text,
                                     double          x,
                                     double          y);
void       plan_block_add_frame     (PlanBlock      *box,
                                     PlanTextBlock  *text,
                                     double          x,
                                     double          y);
/* A stamp (ND30 Phụ lục I §III.2): @text centred in a frame of @width × @height at (@x, @y).
 * @y may be negative: the circulation note sits in the top margin. */
void       plan_block_add_stamp     (PlanBlock      *box,
                                     PlanTextBlock  *text,
                                     double          x,
                                     double          y,
                                     double          width,
                                     double          height);
void       plan_block_add_object    (PlanBlock      *self,
                                     gpointer        object);
void       plan_block_add_rule      (PlanBlock      *box,
                                     double          x,
                                     double          y,
                                     double          width);
PlanBlock *plan_block_new_table     (PlanTableBlock *table,
                                     double          space_before,
                                     gpointer        object);
PlanBlock *plan_block_new_section   (PlanOrientation orientation,
                                     gpointer        object);
void       plan_block_free          (PlanBlock      *self);

/* Height of the whole block (a table: header and all rows) */
double     plan_block_get_height    (PlanBlock      *self);
/* Draws a box at (@x, @y) */
void       plan_block_draw_box      (PlanBlock      *self,
                                     cairo_t        *cr,
                                     double          x,
                                     double          y);

G_END_DECLS
