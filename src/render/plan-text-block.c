/* plan-text-block.c: a measured PangoLayout drawn line by line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "plan-text-block"

#include "config.h"

#include <pango/pangocairo.h>

#include "plan-text-block.h"

struct _PlanTextBlock
{
  int          ref_count;
  PangoLayout *layout;
  PlanLine    *lines;
  guint        n_lines;
  double       height;
  double       text_width;
};

PlanTextBlock *
plan_text_block_new (PangoLayout *layout)
{
  PlanTextBlock *self;
  PangoLayoutIter *iter;
  guint i = 0;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), NULL);

  self = g_new0 (PlanTextBlock, 1);
  self->ref_count = 1;
  self->layout = g_object_ref (layout);
  self->n_lines = pango_layout_get_line_count (layout);
  self->lines = g_new0 (PlanLine, MAX (self->n_lines, 1));

  /* The iterator's line extents give every measure: no second pass over the layout */
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle line_rect;

      pango_layout_iter_get_line_extents (iter, NULL, &line_rect);
      self->lines[i].top = pango_units_to_double (line_rect.y);
      self->lines[i].baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter));
      self->lines[i].x = pango_units_to_double (line_rect.x);
      self->lines[i].width = pango_units_to_double (line_rect.width);
      self->lines[i].height = pango_units_to_double (line_rect.height);
      self->text_width = MAX (self->text_width, self->lines[i].width);
      i++;
    }
  while (i < self->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  /* With line spacing, a line's share of the height runs to the next line's top. */
  for (i = 0; i + 1 < self->n_lines; i++)
    self->lines[i].height = self->lines[i + 1].top - self->lines[i].top;
  /* …and so does the last line's, as in a word processor: the paragraph spacing (≥ 6 pt,
   * ND30 §II.6e) then comes on top of a full line pitch, not of the glyphs' height alone. */
  if (self->n_lines > 0 && pango_layout_get_line_spacing (layout) > 0)
    {
      PlanLine *last = &self->lines[self->n_lines - 1];
      int line_height = 0;

      pango_layout_line_get_height (pango_layout_get_line_readonly (layout, self->n_lines - 1),
                                    &line_height);
      last->height = MAX (last->height,
                          pango_layout_get_line_spacing (layout) * pango_units_to_double (line_height));
    }
  if (self->n_lines > 0)
    self->height = MAX (self->height,
                        self->lines[self->n_lines - 1].top + self->lines[self->n_lines - 1].height);

  return self;
}

PlanTextBlock *
plan_text_block_ref (PlanTextBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  self->ref_count++;
  return self;
}

void
plan_text_block_unref (PlanTextBlock *self)
{
  g_return_if_fail (self != NULL);

  if (--self->ref_count > 0)
    return;

  g_object_unref (self->layout);
  g_free (self->lines);
  g_free (self);
}

guint
plan_text_block_get_n_lines (PlanTextBlock *self)
{
  return self->n_lines;
}

const PlanLine *
plan_text_block_get_line (PlanTextBlock *self,
                          guint          index)
{
  g_return_val_if_fail (index < self->n_lines, NULL);

  return &self->lines[index];
}

double
plan_text_block_get_height (PlanTextBlock *self)
{
  return self->height;
}

double
plan_text_block_get_text_width (PlanTextBlock *self)
{
  return self->text_width;
}

double
plan_text_block_get_lines_height (PlanTextBlock *self,
                                  guint          first,
                                  guint          n_lines)
{
  guint last;

  if (n_lines == 0 || first >= self->n_lines)
    return 0;

  last = MIN (first + n_lines, self->n_lines) - 1;
  return self->lines[last].top + self->lines[last].height - self->lines[first].top;
}

void
plan_text_block_draw_lines (PlanTextBlock *self,
                            cairo_t       *cr,
                            double         x,
                            double         y,
                            guint          first,
                            guint          n_lines)
{
  GSList *lines;
  double origin;
  guint i = 0;

  if (n_lines == 0 || first >= self->n_lines)
    return;

  /* Positions were measured once: no layout iterator (it measures every line again). */
  origin = y - self->lines[first].top;
  lines = pango_layout_get_lines_readonly (self->layout);
  for (GSList *l = lines; l != NULL && i < first + n_lines; l = l->next, i++)
    {
      if (i < first)
        continue;
      cairo_move_to (cr, x + self->lines[i].x, origin + self->lines[i].baseline);
      pango_cairo_show_layout_line (cr, l->data);
    }
}

void
plan_text_block_draw (PlanTextBlock *self,
                      cairo_t       *cr,
                      double         x,
                      double         y)
{
  plan_text_block_draw_lines (self, cr, x, y, 0, self->n_lines);
}

void
plan_text_block_path (PlanTextBlock *self,
                      cairo_t       *cr,
                      double         x,
                      double         y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_layout_path (cr, self->layout);
}
