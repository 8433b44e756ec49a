/* plan-docx-paragraphs.h: the body of a Word document as a flat list of paragraphs and
 * tables, before any role is recognised
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "plan-docx-package.h"
#include "plan-text.h"

G_BEGIN_DECLS

/* Limits on tables (docs/word-import.md): Word itself allows 63 columns; the plan file
 * format allows 10,000 entries in a list, the body rows below the header rows being one; real
 * tables have one to three header rows, and a hostile file must not get twice the rows. */
#define PLAN_DOCX_MAX_TABLE_COLUMNS     63
#define PLAN_DOCX_MAX_TABLE_ROWS        10000
#define PLAN_DOCX_MAX_TABLE_HEADER_ROWS 100
/* Paragraphs and tables in all (a run of empty paragraphs counts once): some 3,000 pages */
#define PLAN_DOCX_MAX_BLOCKS        100000

typedef enum {
  PLAN_DOCX_ORIGIN_BODY,
  PLAN_DOCX_ORIGIN_TEXT_BOX,
  PLAN_DOCX_ORIGIN_FOOTNOTE,
} PlanDocxOrigin;

typedef struct {
  char          *text;        /* the cell's paragraphs joined with "\n", trimmed, NFC */
  char          *lines;       /* the same with its empty paragraphs as empty lines (a run of them
                               * as one): the space left for a signature shows there */
  guint          span;        /* grid columns covered (w:gridSpan), ≥ 1 */
  gboolean       merged_up;   /* continues the cell above (w:vMerge without "restart") */
  gboolean       centred;     /* its text is centred vertically (w:vAlign "center") */
  gboolean       bold;        /* every letter in the cell is bold (and there is one) */
  gboolean       italic;      /* every letter in the cell is italic (and there is one) */
  double         size;        /* the font size its runs give themselves (w:sz), in points, when
                               * they all give the same; else 0 */
  gboolean       auto_number; /* the cell shows only a number of Word's automatic numbering */
  PlanAlignment  alignment;   /* of its first paragraph */
} PlanDocxCell;

typedef struct {
  GPtrArray *cells;        /* PlanDocxCell; grid columns skipped by w:gridBefore are empty cells */
  gboolean   header;       /* w:tblHeader: repeated on every page */
} PlanDocxRow;

typedef struct {
  GArray    *grid;         /* double: column widths in twentieths of a point (w:gridCol) */
  GPtrArray *rows;         /* PlanDocxRow */
} PlanDocxTable;

typedef struct {
  PlanText       *text;          /* paragraph: runs with bold/italic/underline, "\n" for w:br,
                                  * trimmed, NFC; NULL for a table */
  char           *number;        /* the marker Word's automatic numbering shows, or NULL */
  char           *style_id;      /* the paragraph's w:pStyle (the id our export gives a style of
                                  * that name, plan_docx_styles_get_role()), or NULL */
  double          size;          /* the font size its text runs give themselves (w:sz), pt, when
                                  * they all give the same; else 0 */
  gboolean        end_marker;    /* held our Word export's end marker "./." (a run in the
                                  * character style PLAN_DOCX_STYLE_END_MARKER), left out of
                                  * the text */
  PlanAlignment   alignment;     /* w:jc on the paragraph itself; PLAN_ALIGN_LEFT without one */
  gboolean        aligned_left;  /* w:jc "left" or "start" on the paragraph itself */
  gboolean        no_indent;     /* no first-line indent by the paragraph itself: w:ind with
                                  * w:firstLine 0 or a hanging indent, or no w:ind and no style */
  char           *point_heading; /* the text in our export's character style of a point's heading
                                  * (PLAN_DOCX_STYLE_POINT_HEADING), NFC, or NULL */
  PlanDocxTable  *table;         /* or NULL for a paragraph */
  guint           section;       /* index into PlanDocxContent.sections */
  PlanDocxOrigin  origin;
} PlanDocxBlock;

typedef struct {
  gboolean landscape;
  gboolean has_margins;
  gboolean restarts_numbering;   /* w:pgNumType w:start: its page numbers start again */
  double   margin_top, margin_bottom, margin_left, margin_right;   /* mm */
} PlanDocxSection;

typedef struct {
  GPtrArray *blocks;        /* PlanDocxBlock, in reading order */
  GArray    *sections;      /* PlanDocxSection, at least one */
  /* What is read only in part, for the import summary */
  guint      n_images;
  guint      n_text_boxes;
  guint      n_footnotes;
  guint      n_comments;
  guint      n_insertions;  /* tracked insertions, kept */
  guint      n_deletions;   /* tracked deletions, left out */
  guint      n_fields;      /* fields (page numbers, references): their shown result is kept */
  GPtrArray *first_page_header;  /* PlanDocxBlock: the paragraphs of the page header of the
                                  * document's first page (read for its circulation note only) */
} PlanDocxContent;

/* Reads word/document.xml with its styles, numbering and footnotes. */
PlanDocxContent *plan_docx_content_read (PlanDocxPackage *package,
                                         GError         **error);
void             plan_docx_content_free (PlanDocxContent *self);

/* The plain text of a block: a paragraph's text, or a table's cells (for messages). */
const char      *plan_docx_block_get_plain (const PlanDocxBlock *block);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlanDocxContent, plan_docx_content_free)

/* The rows of @table the import takes as its header rows: the w:tblHeader rows at its top,
 * else a first row all in bold above other rows */
guint plan_docx_table_n_header_rows (PlanDocxTable *table);

G_END_DECLS
