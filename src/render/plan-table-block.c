/* plan-table-block.c: table geometry, cutting and drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "plan-table-block"

#include "config.h"

#include <math.h>

#include "plan-table-block.h"

#define EPSILON 0.01

typedef struct {
  PlanTextBlock *text;
  guint          row;
  guint          col;
  guint          row_span;
  guint          col_span;
  gboolean       center_vertically;
} Anchor;

/* The header rows or the body rows: rows stacked from y = 0. */
typedef struct {
  guint     n_rows;
  double   *row_y;        /* n_rows + 1 */
  gboolean *cut_ok;       /* n_rows + 1: no merged cell crosses the boundary above row i */
  guint    *row_anchor;   /* n_rows + 1: index of the first anchor of each row */
  GArray   *anchors;      /* Anchor, sorted by row */
  guint     max_span;
  PlanRow **rows;
} Grid;

struct _PlanTableBlock
{
  PlanTable *table;
  guint      n_columns;
  double    *col_x;       /* n_columns + 1, from the table's left edge */
  Grid       header;
  Grid       body;
};

static void
grid_clear (Grid *grid)
{
  for (guint i = 0; grid->anchors != NULL && i < grid->anchors->len; i++)
    plan_text_block_unref (g_array_index (grid->anchors, Anchor, i).text);
  g_clear_pointer (&grid->anchors, g_array_unref);
  g_free (grid->row_y);
  g_free (grid->cut_ok);
  g_free (grid->row_anchor);
  for (guint i = 0; i < grid->n_rows; i++)
    g_object_unref (grid->rows[i]);
  g_free (grid->rows);
}

static void
grid_build (Grid            *grid,
            PlanLayoutCache *cache,
            PlanTable       *table,
            GListModel      *rows,
            const double    *col_x,
            guint            n_columns,
            double           font_size,
            gboolean         is_header)
{
  GListModel *columns = plan_table_get_columns (table);
  gboolean numbered = plan_table_get_numbered (table) && !is_header;
  g_autofree PlanMerge *merges = NULL;
  g_autofree double *min_height = NULL;
  guint number = 0;

  grid->n_rows = g_list_model_get_n_items (rows);
  grid->row_y = g_new0 (double, grid->n_rows + 1);
  grid->cut_ok = g_new0 (gboolean, grid->n_rows + 1);
  grid->row_anchor = g_new0 (guint, grid->n_rows + 1);
  grid->rows = g_new0 (PlanRow *, MAX (grid->n_rows, 1));
  grid->anchors = g_array_sized_new (FALSE, FALSE, sizeof (Anchor), grid->n_rows * n_columns);
  grid->max_span = 1;
  min_height = g_new0 (double, grid->n_rows);

  /* Merge flags of the whole grid, row-major, so that spans can be found in both directions. */
  merges = g_new0 (PlanMerge, (gsize)grid->n_rows * n_columns);
  for (guint r = 0; r < grid->n_rows; r++)
    {
      grid->rows[r] = g_list_model_get_item (rows, r);
      for (guint c = 0; c < n_columns; c++)
        {
          PlanCell *cell = plan_row_get_cell (grid->rows[r], c);

          merges[r * n_columns + c] = cell != NULL ? plan_cell_get_merge (cell) : PLAN_MERGE_NONE;
          /* A covered cell in the first row or column has nothing to continue. */
          if ((r == 0 && merges[r * n_columns + c] == PLAN_MERGE_UP) ||
              (c == 0 && merges[r * n_columns + c] == PLAN_MERGE_LEFT))
            merges[r * n_columns + c] = PLAN_MERGE_NONE;
        }
    }

  for (guint r = 0; r < grid->n_rows; r++)
    {
      grid->row_anchor[r] = grid->anchors->len;

      if (numbered && merges[r * n_columns] != PLAN_MERGE_UP)
        number++;

      for (guint c = 0; c < n_columns; c++)
        {
          g_autoptr(PlanColumn) column = g_list_model_get_item (columns, c);
          PlanCell *cell = plan_row_get_cell (grid->rows[r], c);
          PlanTextStyle style = { 0, };
          g_autofree char *number_text = NULL;
          const char *text;
          Anchor anchor = { 0, };
          double height;

          if (merges[r * n_columns + c] != PLAN_MERGE_NONE)
            continue;

          anchor.row = r;
          anchor.col = c;
          anchor.col_span = 1;
          while (c + anchor.col_span < n_columns &&
                 merges[r * n_columns + c + anchor.col_span] == PLAN_MERGE_LEFT)
            anchor.col_span++;
          anchor.row_span = 1;
          while (r + anchor.row_span < grid->n_rows &&
                 merges[(r + anchor.row_span) * n_columns + c] == PLAN_MERGE_UP)
            anchor.row_span++;
          grid->max_span = MAX (grid->max_span, anchor.row_span);

          style.size = font_size;
          style.width = col_x[c + anchor.col_span] - col_x[c] - 2 * PLAN_TABLE_PAD_X;
          style.line_spacing = 0;
          if (is_header)
            {
              static const PlanStyle header_styles[] = {
                [PLAN_HEADER_BOLD] = PLAN_STYLE_BOLD,
                [PLAN_HEADER_BOLD_ITALIC] = PLAN_STYLE_BOLD | PLAN_STYLE_ITALIC,
                [PLAN_HEADER_ITALIC] = PLAN_STYLE_ITALIC,
                [PLAN_HEADER_PLAIN] = 0,
              };
              PlanHeaderStyle header_style = plan_row_get_header_style (grid->rows[r]);

              style.style = header_style < G_N_ELEMENTS (header_styles)
                            ? header_styles[header_style] : PLAN_STYLE_BOLD;
              style.alignment = PANGO_ALIGN_CENTER;
              anchor.center_vertically = TRUE;
            }
          else
            {
              PlanAlignment alignment = column != NULL ? plan_column_get_alignment (column)
                                                       : PLAN_ALIGN_LEFT;

              if (numbered && c == 0)
                alignment = PLAN_ALIGN_CENTER;
              style.alignment = alignment == PLAN_ALIGN_CENTER ? PANGO_ALIGN_CENTER :
                                alignment == PLAN_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
              style.justify = alignment == PLAN_ALIGN_JUSTIFY;
              anchor.center_vertically =
                plan_table_get_vertical_alignment (table) == PLAN_VALIGN_CENTER;
            }

          if (numbered && c == 0)
            text = number_text = g_strdup_printf ("%u", number);
          else
            text = cell != NULL ? plan_cell_get_text (cell) : "";

          anchor.text = plan_text_block_ref (plan_layout_cache_get_plain (cache, &style, text));
          g_array_append_val (grid->anchors, anchor);

          height = plan_text_block_get_height (anchor.text) + 2 * PLAN_TABLE_PAD_Y;
          if (anchor.row_span == 1)
            min_height[r] = MAX (min_height[r], height);
        }
    }
  grid->row_anchor[grid->n_rows] = grid->anchors->len;

  /* A row with nothing but covered cells still gets one line. */
  for (guint r = 0; r < grid->n_rows; r++)
    if (min_height[r] == 0)
      {
        PlanTextStyle style = { .size = font_size, .width = 10 };

        min_height[r] = plan_text_block_get_height (plan_layout_cache_get_plain (cache, &style, ""))
                        + 2 * PLAN_TABLE_PAD_Y;
      }

  /* Spanning cells taller than their rows stretch the last row they cover. */
  for (guint i = 0; i < grid->anchors->len; i++)
    {
      const Anchor *anchor = &g_array_index (grid->anchors, Anchor, i);
      double need = plan_text_block_get_height (anchor->text) + 2 * PLAN_TABLE_PAD_Y;
      double have = 0;

      if (anchor->row_span == 1)
        continue;
      for (guint r = anchor->row; r < anchor->row + anchor->row_span; r++)
        have += min_height[r];
      if (need > have)
        min_height[anchor->row + anchor->row_span - 1] += need - have;
    }

  for (guint r = 0; r < grid->n_rows; r++)
    grid->row_y[r + 1] = grid->row_y[r] + min_height[r];

  for (guint r = 0; r <= grid->n_rows; r++)
    grid->cut_ok[r] = TRUE;
  for (guint i = 0; i < grid->anchors->len; i++)
    {
      const Anchor *anchor = &g_array_index (grid->anchors, Anchor, i);

      for (guint r = anchor->row + 1; r < anchor->row + anchor->row_span; r++)
        grid->cut_ok[r] = FALSE;
    }
}

PlanTableBlock *
plan_table_block_new (PlanLayoutCache *cache,
                      PlanTable       *table,
                      double           width,
                      double           font_size)
{
  PlanTableBlock *self = g_new0 (PlanTableBlock, 1);
  GListModel *columns = plan_table_get_columns (table);
  double total = 0;

  self->table = g_object_ref (table);
  self->n_columns = MAX (1, g_list_model_get_n_items (columns));
  self->col_x = g_new0 (double, self->n_columns + 1);

  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    {
      g_autoptr(PlanColumn) column = g_list_model_get_item (columns, c);

      total += MAX (plan_column_get_width (column), 0.01);
    }
  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autoptr(PlanColumn) column = g_list_model_get_item (columns, c);
      double share = column != NULL && total > 0
                     ? MAX (plan_column_get_width (column), 0.01) / total
                     : 1.0 / self->n_columns;

      self->col_x[c + 1] = self->col_x[c] + share * width;
    }
  self->col_x[self->n_columns] = width;

  grid_build (&self->header, cache, table, plan_table_get_header_rows (table),
              self->col_x, self->n_columns, font_size, TRUE);
  grid_build (&self->body, cache, table, plan_table_get_rows (table),
              self->col_x, self->n_columns, font_size, FALSE);

  return self;
}

void
plan_table_block_free (PlanTableBlock *self)
{
  if (self == NULL)
    return;

  grid_clear (&self->header);
  grid_clear (&self->body);
  g_free (self->col_x);
  g_object_unref (self->table);
  g_free (self);
}

PlanTable *
plan_table_block_get_table (PlanTableBlock *self)
{
  return self->table;
}

double
plan_table_block_get_header_height (PlanTableBlock *self)
{
  return self->header.row_y[self->header.n_rows];
}

double
plan_table_block_get_body_height (PlanTableBlock *self)
{
  return self->body.row_y[self->body.n_rows];
}

double
plan_table_block_get_first_cut (PlanTableBlock *self)
{
  guint groups = 0, r = 1;

  /* After the first two groups of merged rows, or all rows */
  for (; r < self->body.n_rows; r++)
    if (self->body.cut_ok[r] && ++groups == 2)
      break;

  return self->body.row_y[MIN (r, self->body.n_rows)];
}

static guint grid_row_at (const Grid *grid,
                          double      y);

gboolean
plan_table_block_group_is_taller (PlanTableBlock *self,
                                  double          from,
                                  double          height)
{
  const Grid *grid = &self->body;
  guint r = grid_row_at (grid, from) + 1;

  /* Stops at @height: a page's worth of rows at most, whatever the group's size */
  while (r < grid->n_rows && !grid->cut_ok[r] && grid->row_y[r] - from <= height)
    r++;

  return grid->row_y[MIN (r, grid->n_rows)] - from > height;
}

double
plan_table_block_get_min_height (PlanTableBlock *self)
{
  return plan_table_block_get_header_height (self) + plan_table_block_get_first_cut (self);
}

/* First row whose bottom is below @y. */
static guint
grid_row_at (const Grid *grid,
             double      y)
{
  guint lo = 0, hi = grid->n_rows;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (grid->row_y[mid + 1] <= y + EPSILON)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static double
anchor_text_top (const Grid   *grid,
                 const Anchor *anchor)
{
  double top = grid->row_y[anchor->row] + PLAN_TABLE_PAD_Y;

  if (anchor->center_vertically)
    {
      double box = grid->row_y[anchor->row + anchor->row_span] - grid->row_y[anchor->row];

      top = grid->row_y[anchor->row] + (box - plan_text_block_get_height (anchor->text)) / 2;
    }

  return top;
}

/* Moves @cut up until no text line of the cells around it is cut through. */
static double
avoid_cutting_lines (const Grid *grid,
                     double      from,
                     double      cut)
{
  for (guint pass = 0; pass < 8; pass++)
    {
      guint row = grid_row_at (grid, cut - EPSILON);
      guint first_row = row >= grid->max_span ? row - grid->max_span + 1 : 0;
      gboolean moved = FALSE;

      for (guint i = grid->row_anchor[first_row]; i < grid->row_anchor[MIN (row + 1, grid->n_rows)]; i++)
        {
          const Anchor *anchor = &g_array_index (grid->anchors, Anchor, i);
          double top = anchor_text_top (grid, anchor);

          if (grid->row_y[anchor->row + anchor->row_span] <= cut)
            continue;
          for (guint l = 0; l < plan_text_block_get_n_lines (anchor->text); l++)
            {
              const PlanLine *line = plan_text_block_get_line (anchor->text, l);
              double line_top = top + line->top;

              if (line_top < cut - EPSILON && line_top + line->height > cut + EPSILON &&
                  line_top > from + EPSILON)
                {
                  cut = line_top;
                  moved = TRUE;
                }
            }
        }
      if (!moved)
        break;
    }

  return cut;
}

double
plan_table_block_next_cut (PlanTableBlock *self,
                           double          from,
                           double          available,
                           gboolean        fresh_page)
{
  const Grid *grid = &self->body;
  double end = grid->row_y[grid->n_rows];
  double limit = from + available;
  guint row;
  double cut;

  if (end <= limit + EPSILON)
    return end;

  /* The last boundary at or above the limit where no merged cell is cut. */
  row = grid_row_at (grid, limit);
  for (guint r = row; r > 0; r--)
    if (grid->row_y[r] > from + EPSILON && grid->row_y[r] <= limit + EPSILON && grid->cut_ok[r])
      return grid->row_y[r];

  if (!fresh_page)
    return from;

  /* A group of merged rows taller than a page: cut between its rows, else inside a row. */
  cut = limit;
  for (guint r = row; r > 0; r--)
    if (grid->row_y[r] > from + EPSILON && grid->row_y[r] <= limit + EPSILON)
      {
        cut = grid->row_y[r];
        break;
      }

  cut = avoid_cutting_lines (grid, from, cut);
  if (cut <= from + EPSILON)
    cut = limit;

  return cut;
}

/* A merged cell cut by a page break whose text all went to the page before: the text is
 * printed again at the top of its part on this page when it fits there whole, so that the rows
 * on this page still show what group they belong to. A text that itself runs on across the
 * break simply continues instead (see draw_grid). */
static void
draw_repeated (const Grid   *grid,
               const Anchor *anchor,
               const double *col_x,
               cairo_t      *cr,
               double        x,
               double        y,
               double        from,
               double        to)
{
  double bottom = MIN (grid->row_y[anchor->row + anchor->row_span], to) - PLAN_TABLE_PAD_Y;
  guint n_lines = 0;
  const PlanLine *first;

  if (plan_text_block_get_n_lines (anchor->text) == 0)
    return;
  first = plan_text_block_get_line (anchor->text, 0);
  while (n_lines < plan_text_block_get_n_lines (anchor->text))
    {
      const PlanLine *line = plan_text_block_get_line (anchor->text, n_lines);

      if (from + PLAN_TABLE_PAD_Y + line->top - first->top + line->height > bottom + EPSILON)
        break;
      n_lines++;
    }
  /* Only a text that fits whole: a part of a long text printed twice would read as new */
  if (n_lines == plan_text_block_get_n_lines (anchor->text))
    plan_text_block_draw_lines (anchor->text, cr,
                                x + col_x[anchor->col] + PLAN_TABLE_PAD_X,
                                y + PLAN_TABLE_PAD_Y,
                                0, n_lines);
}

static void
draw_grid (const Grid   *grid,
           const double *col_x,
           cairo_t      *cr,
           double        x,
           double        y,
           double        from,
           double        to)
{
  guint first_row, last_row;

  if (grid->n_rows == 0 || to <= from)
    return;

  first_row = grid_row_at (grid, from);
  last_row = MIN (grid_row_at (grid, to - EPSILON), grid->n_rows - 1);
  first_row = first_row >= grid->max_span ? first_row - grid->max_span + 1 : 0;

  /* Borders first, as one path, then the text. */
  cairo_save (cr);
  cairo_new_path (cr);
  for (guint i = grid->row_anchor[first_row]; i < grid->row_anchor[last_row + 1]; i++)
    {
      const Anchor *anchor = &g_array_index (grid->anchors, Anchor, i);
      double top = MAX (grid->row_y[anchor->row], from);
      double bottom = MIN (grid->row_y[anchor->row + anchor->row_span], to);

      if (bottom <= top + EPSILON)
        continue;
      cairo_rectangle (cr,
                       x + col_x[anchor->col], y + top - from,
                       col_x[anchor->col + anchor->col_span] - col_x[anchor->col],
                       bottom - top);
    }
  cairo_set_line_width (cr, PLAN_TABLE_RULE);
  cairo_stroke (cr);
  cairo_restore (cr);

  for (guint i = grid->row_anchor[first_row]; i < grid->row_anchor[last_row + 1]; i++)
    {
      const Anchor *anchor = &g_array_index (grid->anchors, Anchor, i);
      double text_top = anchor_text_top (grid, anchor);
      guint first_line = G_MAXUINT, n_lines = 0;

      if (grid->row_y[anchor->row + anchor->row_span] <= from + EPSILON ||
          grid->row_y[anchor->row] >= to - EPSILON)
        continue;

      /* Each line is drawn in the slice that holds its top, and only there. */
      for (guint l = 0; l < plan_text_block_get_n_lines (anchor->text); l++)
        {
          double line_top = text_top + plan_text_block_get_line (anchor->text, l)->top;

          if (line_top >= from - EPSILON && line_top < to - EPSILON)
            {
              if (first_line == G_MAXUINT)
                first_line = l;
              n_lines++;
            }
        }
      if (n_lines > 0)
        {
          double line_top = text_top + plan_text_block_get_line (anchor->text, first_line)->top;

          plan_text_block_draw_lines (anchor->text, cr,
                                      x + col_x[anchor->col] + PLAN_TABLE_PAD_X,
                                      y + line_top - from,
                                      first_line, n_lines);
        }
      else if (anchor->row_span > 1 && grid->row_y[anchor->row] < from - EPSILON)
        draw_repeated (grid, anchor, col_x, cr, x, y, from, to);
    }
}

double
plan_table_block_get_slice_header_height (PlanTableBlock *self,
                                          double          from)
{
  if (from > EPSILON && !plan_table_get_repeat_header (self->table))
    return 0;
  return plan_table_block_get_header_height (self);
}

void
plan_table_block_draw (PlanTableBlock *self,
                       cairo_t        *cr,
                       double          x,
                       double          y,
                       double          from,
                       double          to)
{
  double header_height = plan_table_block_get_slice_header_height (self, from);

  draw_grid (&self->header, self->col_x, cr, x, y, 0, header_height);
  draw_grid (&self->body, self->col_x, cr, x, y + header_height, from, to);
}

void
plan_table_block_foreach_row (PlanTableBlock *self,
                              double          from,
                              double          to,
                              GFunc           func,
                              gpointer        user_data)
{
  const Grid *grid = &self->body;

  for (guint r = grid_row_at (grid, from); r < grid->n_rows && grid->row_y[r] < to - EPSILON; r++)
    func (grid->rows[r], user_data);
}
