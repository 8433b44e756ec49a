/* plan-paginator.c: the page breaking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "plan-paginator"

#include "config.h"

#include "plan-paginator.h"
#include "plan-units.h"

#define EPSILON 0.01
/* A paragraph is cut only where both parts keep this many lines. */
#define MIN_LINES 2
/* How far a chain of headings kept with the next block is followed */
#define MAX_KEEP_DEPTH 4

typedef struct {
  GPtrArray        *blocks;
  const PlanMargins *margins;
  GPtrArray        *pages;
  PlanPage         *page;
  PlanOrientation   orientation;
  guint             section;
  guint             number;
  double            y;
  double            height;   /* of the text area */
} Pager;

static void
page_free (gpointer data)
{
  PlanPage *page = data;

  g_array_unref (page->placements);
  g_free (page);
}

static void
new_page (Pager *pager)
{
  PlanPage *page = g_new0 (PlanPage, 1);
  gboolean landscape = pager->orientation == PLAN_ORIENTATION_LANDSCAPE;

  page->width = landscape ? PLAN_A4_HEIGHT_PT : PLAN_A4_WIDTH_PT;
  page->height = landscape ? PLAN_A4_WIDTH_PT : PLAN_A4_HEIGHT_PT;
  page->orientation = pager->orientation;
  page->section = pager->section;
  page->number = ++pager->number;
  page->placements = g_array_new (FALSE, TRUE, sizeof (PlanPlacement));
  g_ptr_array_add (pager->pages, page);

  pager->page = page;
  pager->y = 0;
  pager->height = page->height - pager->margins->top - pager->margins->bottom;
}

/* Nothing printed on the page yet (an appendix start prints nothing by itself). */
static gboolean
page_is_fresh (Pager *pager)
{
  for (guint i = 0; i < pager->page->placements->len; i++)
    if (g_array_index (pager->page->placements, PlanPlacement, i).block->kind != PLAN_BLOCK_SECTION)
      return FALSE;

  return TRUE;
}

static PlanPlacement *
place (Pager     *pager,
       PlanBlock *block,
       double     y)
{
  PlanPlacement placement = { block, y, 0, 0, 0, 0 };

  g_array_append_val (pager->page->placements, placement);
  return &g_array_index (pager->page->placements, PlanPlacement,
                         pager->page->placements->len - 1);
}

/* What must stand on the same page as the end of the block before @index. */
static double
need_of (Pager *pager,
         guint  index,
         guint  depth)
{
  PlanBlock *block;
  double need = 0;

  if (index >= pager->blocks->len || depth > MAX_KEEP_DEPTH)
    return 0;

  block = g_ptr_array_index (pager->blocks, index);
  switch (block->kind)
    {
    case PLAN_BLOCK_TEXT:
      if (block->keep_with_next)
        need = plan_text_block_get_height (block->text) + need_of (pager, index + 1, depth + 1);
      else
        need = plan_text_block_get_lines_height (block->text, 0,
                                                 MIN (MIN_LINES, plan_text_block_get_n_lines (block->text)));
      break;
    case PLAN_BLOCK_BOX:
      need = block->height;
      if (block->keep_with_next)
        need += need_of (pager, index + 1, depth + 1);
      break;
    case PLAN_BLOCK_TABLE:
      need = plan_table_block_get_min_height (block->table);
      /* Rows taller than a page are cut anyway: the header and a few lines will do. */
      if (need > pager->height)
        need = plan_table_block_get_header_height (block->table) + 3 * PLAN_TABLE_PAD_Y * 8;
      break;
    case PLAN_BLOCK_SECTION:
    default:
      return 0;
    }

  return need + block->space_before;
}

static void
place_text (Pager     *pager,
            PlanBlock *block,
            guint      index)
{
  guint n_lines = plan_text_block_get_n_lines (block->text);
  double space = page_is_fresh (pager) ? 0 : block->space_before;
  guint first = 0;

  if (block->keep_with_next && !page_is_fresh (pager) &&
      pager->y + space + plan_text_block_get_height (block->text) + need_of (pager, index + 1, 1)
        > pager->height + EPSILON)
    {
      new_page (pager);
      space = 0;
    }

  while (first < n_lines)
    {
      guint remaining = n_lines - first;
      double available = pager->height - pager->y - space;
      guint fit = 0;
      PlanPlacement *placement;

      while (fit < remaining &&
             plan_text_block_get_lines_height (block->text, first, fit + 1) <= available + EPSILON)
        fit++;

      if (fit == remaining)
        {
          placement = place (pager, block, pager->y + space);
          placement->first_line = first;
          placement->n_lines = remaining;
          pager->y += space + plan_text_block_get_lines_height (block->text, first, remaining);
          return;
        }

      /* Cut: no lone line at the bottom of this page nor at the top of the next. */
      if (remaining - fit < MIN_LINES)
        fit = remaining > MIN_LINES ? remaining - MIN_LINES : 0;
      if (fit < MIN_LINES && first == 0)
        fit = 0;
      if (fit == 0 && page_is_fresh (pager))
        {
          /* Nothing better is possible: a paragraph taller than a page from its top. */
          fit = 1;
          while (fit < remaining &&
                 plan_text_block_get_lines_height (block->text, first, fit + 1) <= available + EPSILON)
            fit++;
        }

      if (fit > 0)
        {
          placement = place (pager, block, pager->y + space);
          placement->first_line = first;
          placement->n_lines = fit;
          first += fit;
        }
      new_page (pager);
      space = 0;
    }
}

/* The closing block does not fit: the last lines of the body go with it. */
static void
move_last_lines (Pager *pager)
{
  PlanPage *page = pager->page;
  PlanPlacement moved = { NULL, };

  if (page->placements->len > 0)
    {
      PlanPlacement *last = &g_array_index (page->placements, PlanPlacement,
                                            page->placements->len - 1);

      if (last->block->kind == PLAN_BLOCK_TEXT)
        {
          guint take = MIN (MIN_LINES, last->n_lines);

          /* Leave no single line of a paragraph behind. */
          if (last->n_lines - take < MIN_LINES && last->first_line == 0)
            take = last->n_lines;
          /* …unless that would leave the page empty. */
          if (take == last->n_lines && page->placements->len == 1 && last->first_line == 0)
            take = 0;

          if (take > 0)
            {
              moved = *last;
              moved.first_line = last->first_line + last->n_lines - take;
              moved.n_lines = take;
              last->n_lines -= take;
              if (last->n_lines == 0)
                g_array_set_size (page->placements, page->placements->len - 1);
            }
        }
    }

  new_page (pager);
  if (moved.block != NULL)
    {
      PlanPlacement *placement = place (pager, moved.block, 0);

      placement->first_line = moved.first_line;
      placement->n_lines = moved.n_lines;
      pager->y = plan_text_block_get_lines_height (moved.block->text, moved.first_line, moved.n_lines);
    }
}

static void
place_box (Pager     *pager,
           PlanBlock *block,
           guint      index)
{
  double space = page_is_fresh (pager) ? 0 : block->space_before;
  double need = block->height;

  if (block->keep_with_next)
    need += need_of (pager, index + 1, 1);

  if (!page_is_fresh (pager) && pager->y + space + need > pager->height + EPSILON)
    {
      if (block->keep_with_previous)
        move_last_lines (pager);
      else
        new_page (pager);
      space = page_is_fresh (pager) ? 0 : block->space_before;
    }

  place (pager, block, pager->y + space);
  pager->y += space + block->height;
}

static void
place_table (Pager     *pager,
             PlanBlock *block)
{
  double header;
  double end = plan_table_block_get_body_height (block->table);
  double space = page_is_fresh (pager) ? 0 : block->space_before;
  double from = 0;

  for (;;)
    {
      double available;

      header = plan_table_block_get_slice_header_height (block->table, from);
      available = pager->height - pager->y - space - header;
      double cut;
      PlanPlacement *placement;

      if (end <= EPSILON)
        {
          /* A table with a header and no rows yet */
          if (!page_is_fresh (pager) && available < 0)
            {
              new_page (pager);
              space = 0;
              continue;
            }
          cut = 0;
        }
      else
        {
          /* A group of merged rows taller than a page is cut anyway: start it here rather
           * than leave the rest of this page empty (when a quarter of the page is left). */
          gboolean may_cut_group = page_is_fresh (pager) ||
                                   (plan_table_block_group_is_taller (block->table, from,
                                                                      pager->height - header) &&
                                    available >= pager->height / 4);

          cut = plan_table_block_next_cut (block->table, from, MAX (available, 0),
                                           may_cut_group);
          /* No lone first row at the bottom of a page (when two rows fit on a page at all) */
          if (from == 0 && !page_is_fresh (pager) &&
              cut < plan_table_block_get_first_cut (block->table) - EPSILON &&
              plan_table_block_get_min_height (block->table) <= pager->height)
            cut = from;
          if (cut <= from + EPSILON)
            {
              if (!page_is_fresh (pager))
                {
                  new_page (pager);
                  space = 0;
                  continue;
                }
              /* Only with a header taller than the page: never loop forever. */
              cut = MIN (end, from + MAX (available, pager->height / 2));
            }
        }

      placement = place (pager, block, pager->y + space);
      placement->from = from;
      placement->to = cut;
      pager->y += space + header + (cut - from);
      from = cut;
      if (from >= end - EPSILON)
        return;

      new_page (pager);
      space = 0;
    }
}

GPtrArray *
plan_paginator_run (GPtrArray         *blocks,
                    const PlanMargins *margins)
{
  Pager pager = { 0, };

  pager.blocks = blocks;
  pager.margins = margins;
  pager.pages = g_ptr_array_new_with_free_func (page_free);
  pager.orientation = PLAN_ORIENTATION_PORTRAIT;
  new_page (&pager);

  for (guint i = 0; i < blocks->len; i++)
    {
      PlanBlock *block = g_ptr_array_index (blocks, i);

      switch (block->kind)
        {
        case PLAN_BLOCK_TEXT:
          place_text (&pager, block, i);
          break;
        case PLAN_BLOCK_BOX:
          place_box (&pager, block, i);
          break;
        case PLAN_BLOCK_TABLE:
          place_table (&pager, block);
          break;
        case PLAN_BLOCK_SECTION:
          /* An appendix starts on a new page, in its orientation, numbered from 1 (or going
           * on from the pages before when the plan asks for it). */
          pager.orientation = block->orientation;
          pager.section++;
          if (!block->continue_numbering)
            pager.number = 0;
          new_page (&pager);
          place (&pager, block, 0);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return pager.pages;
}
