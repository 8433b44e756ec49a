/* plan-painter.c: drawing of one page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "plan-painter"

#include "config.h"

#include <math.h>

#include "plan-painter.h"
#include "plan-units.h"

/* Light enough to read the text through, dark enough to survive a photocopy */
#define WATERMARK_GREY 0.85
#define WATERMARK_SIZE 110.0

static void
draw_watermark (PlanLayoutCache *cache,
                const PlanPage  *page,
                cairo_t         *cr)
{
  PlanTextStyle style = { 0, };
  PlanTextBlock *text;

  style.size = WATERMARK_SIZE;
  style.style = PLAN_STYLE_BOLD;
  style.alignment = PANGO_ALIGN_CENTER;
  style.width = hypot (page->width, page->height);
  text = plan_layout_cache_get_plain (cache, &style, PLAN_WATERMARK_TEXT);

  cairo_save (cr);
  cairo_translate (cr, page->width / 2, page->height / 2);
  cairo_rotate (cr, -atan2 (page->height, page->width));
  cairo_set_source_rgb (cr, WATERMARK_GREY, WATERMARK_GREY, WATERMARK_GREY);
  /* As outlines, not text: copying or searching the plan's text must not pick it up. */
  cairo_new_path (cr);
  plan_text_block_path (text, cr, -style.width / 2, -plan_text_block_get_height (text) / 2);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_page_number (PlanLayoutCache        *cache,
                  const PlanPage         *page,
                  const PlanPaintOptions *options,
                  cairo_t                *cr)
{
  PlanTextStyle style = { 0, };
  g_autofree char *number = g_strdup_printf ("%u", page->number);
  double text_width = page->width - options->margins->left - options->margins->right;

  style.size = options->page_number_size;
  style.alignment = PANGO_ALIGN_CENTER;
  style.width = text_width;
  plan_text_block_draw (plan_layout_cache_get_plain (cache, &style, number), cr,
                        options->margins->left, PLAN_MM_TO_PT (PLAN_PAGE_NUMBER_TOP_MM));
}

void
plan_painter_draw_page (PlanLayoutCache        *cache,
                        const PlanPage         *page,
                        const PlanPaintOptions *options,
                        cairo_t                *cr)
{
  double left = options->margins->left;
  double top = options->margins->top;

  cairo_save (cr);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, page->width, page->height);
  cairo_fill (cr);

  /* Under the text */
  if (options->watermark)
    draw_watermark (cache, page, cr);

  cairo_set_source_rgb (cr, 0, 0, 0);

  /* No number on the first page of the plan nor of an appendix (ND30 Phụ lục I §I.7); the same
   * rule is in plan_layout_get_page_number(). */
  if (page->number >= 2)
    draw_page_number (cache, page, options, cr);

  for (guint i = 0; i < page->placements->len; i++)
    {
      const PlanPlacement *placement = &g_array_index (page->placements, PlanPlacement, i);
      PlanBlock *block = placement->block;
      double x = left + block->x;
      double y = top + placement->y;

      switch (block->kind)
        {
        case PLAN_BLOCK_TEXT:
          plan_text_block_draw_lines (block->text, cr, x, y,
                                      placement->first_line, placement->n_lines);
          break;
        case PLAN_BLOCK_BOX:
          plan_block_draw_box (block, cr, x, y);
          break;
        case PLAN_BLOCK_TABLE:
          plan_table_block_draw (block->table, cr, x, y, placement->from, placement->to);
          break;
        case PLAN_BLOCK_SECTION:
        default:
          break;
        }
    }

  cairo_restore (cr);
}
