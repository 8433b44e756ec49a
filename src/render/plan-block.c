/* plan-block.c: units of the page flow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "plan-block"

#include "config.h"

#include "plan-block.h"

/* Rules of the header and title blocks: a thin solid line (ND30: "nét liền") */
#define RULE_WIDTH 0.6

PlanBlock *
plan_block_new_text (PlanTextBlock *text,
                     double         x,
                     double         space_before,
                     gpointer       object)
{
  PlanBlock *self = g_new0 (PlanBlock, 1);

  self->kind = PLAN_BLOCK_TEXT;
  self->text = plan_text_block_ref (text);
  self->x = x;
  self->space_before = space_before;
  self->object = object;

  return self;
}

PlanBlock *
plan_block_new_box (gpointer object)
{
  PlanBlock *self = g_new0 (PlanBlock, 1);

  self->kind = PLAN_BLOCK_BOX;
  self->pieces = g_array_new (FALSE, TRUE, sizeof (PlanPiece));
  self->object = object;

  return self;
}

double
plan_block_add_text (PlanBlock     *box,
                     PlanTextBlock *text,
                     double         x,
                     double         y)
{
  PlanPiece piece = { plan_text_block_ref (text), x, y, 0 };
  double height = plan_text_block_get_height (text);

  g_assert (box->kind == PLAN_BLOCK_BOX);

  g_array_append_val (box->pieces, piece);
  box->height = MAX (box->height, y + height);

  return height;
}

/* Padding between a framed text and its frame */
#define FRAME_PAD 3.0

void
plan_block_add_frame (PlanBlock     *box,
                      PlanTextBlock *text,
                      double         x,
                      double         y)
{
  PlanPiece piece = { plan_text_block_ref (text), x, y, 0, TRUE };

  g_array_append_val (box->pieces, piece);
  box->height = MAX (box->height, y + plan_text_block_get_height (text) + FRAME_PAD);
}

void
plan_block_add_stamp (PlanBlock     *box,
                      PlanTextBlock *text,
                      double         x,
                      double         y,
                      double         width,
                      double         height)
{
  PlanPiece piece = { plan_text_block_ref (text), x, y, 0, TRUE, width, height };

  g_assert (box->kind == PLAN_BLOCK_BOX);

  g_array_append_val (box->pieces, piece);
  box->height = MAX (box->height, y + height);
}

void
plan_block_add_object (PlanBlock *self,
                       gpointer   object)
{
  if (self->also == NULL)
    self->also = g_ptr_array_new ();
  g_ptr_array_add (self->also, object);
}

void
plan_block_add_rule (PlanBlock *box,
                     double     x,
                     double     y,
                     double     width)
{
  PlanPiece piece = { NULL, x, y, width };

  g_assert (box->kind == PLAN_BLOCK_BOX);

  g_array_append_val (box->pieces, piece);
  box->height = MAX (box->height, y + RULE_WIDTH / 2);
}

PlanBlock *
plan_block_new_table (PlanTableBlock *table,
                      double          space_before,
                      gpointer        object)
{
  PlanBlock *self = g_new0 (PlanBlock, 1);

  self->kind = PLAN_BLOCK_TABLE;
  self->table = table;
  self->space_before = space_before;
  self->object = object;

  return self;
}

PlanBlock *
plan_block_new_section (PlanOrientation orientation,
                        gpointer        object)
{
  PlanBlock *self = g_new0 (PlanBlock, 1);

  self->kind = PLAN_BLOCK_SECTION;
  self->orientation = orientation;
  self->object = object;

  return self;
}

void
plan_block_free (PlanBlock *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->text, plan_text_block_unref);
  if (self->pieces != NULL)
    {
      for (guint i = 0; i < self->pieces->len; i++)
        g_clear_pointer (&g_array_index (self->pieces, PlanPiece, i).text, plan_text_block_unref);
      g_array_unref (self->pieces);
    }
  g_clear_pointer (&self->table, plan_table_block_free);
  g_clear_pointer (&self->also, g_ptr_array_unref);
  g_free (self);
}

double
plan_block_get_height (PlanBlock *self)
{
  switch (self->kind)
    {
    case PLAN_BLOCK_TEXT:
      return plan_text_block_get_height (self->text);
    case PLAN_BLOCK_BOX:
      return self->height;
    case PLAN_BLOCK_TABLE:
      return plan_table_block_get_header_height (self->table) +
             plan_table_block_get_body_height (self->table);
    case PLAN_BLOCK_SECTION:
    default:
      return 0;
    }
}

void
plan_block_draw_box (PlanBlock *self,
                     cairo_t   *cr,
                     double     x,
                     double     y)
{
  g_assert (self->kind == PLAN_BLOCK_BOX);

  for (guint i = 0; i < self->pieces->len; i++)
    {
      const PlanPiece *piece = &g_array_index (self->pieces, PlanPiece, i);

      if (piece->text != NULL && piece->frame_width > 0)
        {
          /* A stamp of the decree's size, its text centred in it */
          double text_y = (piece->frame_height - plan_text_block_get_height (piece->text)) / 2;

          plan_text_block_draw (piece->text, cr, x + piece->x, y + piece->y + text_y);
          cairo_save (cr);
          cairo_set_line_width (cr, RULE_WIDTH);
          cairo_rectangle (cr, x + piece->x, y + piece->y, piece->frame_width, piece->frame_height);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      else if (piece->text != NULL)
        {
          plan_text_block_draw (piece->text, cr, x + piece->x, y + piece->y);
          if (piece->frame && plan_text_block_get_n_lines (piece->text) > 0)
            {
              const PlanLine *line = plan_text_block_get_line (piece->text, 0);

              cairo_save (cr);
              cairo_set_line_width (cr, RULE_WIDTH);
              cairo_rectangle (cr,
                               x + piece->x + line->x - FRAME_PAD, y + piece->y - FRAME_PAD,
                               plan_text_block_get_text_width (piece->text) + 2 * FRAME_PAD,
                               plan_text_block_get_height (piece->text) + 2 * FRAME_PAD);
              cairo_stroke (cr);
              cairo_restore (cr);
            }
        }
      else
        {
          cairo_save (cr);
          cairo_set_line_width (cr, RULE_WIDTH);
          cairo_move_to (cr, x + piece->x, y + piece->y);
          cairo_rel_line_to (cr, piece->width, 0);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
    }
}
