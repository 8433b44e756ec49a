/* render-test-util.h: plans built in code, PDF export to a temporary folder and reading it back
 * with poppler, shared by the renderer's tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pdf-test-util.h"
#include "plan-document.h"
#include "plan-layout.h"

G_BEGIN_DECLS

/* A plan with the reference plan's header and closing, an empty body, no watermark. */
PlanDocument    *rt_document_new        (void);
PlanItem        *rt_append_body         (PlanDocument *document,
                                         PlanItem     *item);
PlanAppendix    *rt_append_appendix     (PlanDocument *document,
                                         PlanAppendix *appendix);
/* A table of @n_rows rows × @n_columns with a header row; cell (r, c) holds "rRRRRcC" words. */
PlanTable       *rt_table_new           (guint         n_columns,
                                         guint         n_rows);

/* Lays out, writes a PDF into a fresh temporary folder (removed with the returned document),
 * opens it with poppler. */
PopplerDocument *rt_export              (PlanDocument *document,
                                         PlanLayout  **layout_out);
/* Saves every page as $KEHOACH_ARTIFACTS_DIR/@name-page-N.png (96 dpi) */
void             rt_save_artifacts      (PlanLayout   *layout,
                                         const char   *name);

/* The text pdftotext gives back (pages separated by form feeds) */
char            *rt_document_text       (PopplerDocument *pdf);
/* Occurrences of the whitespace-separated word @word in @text */
guint            rt_count_word          (const char   *text,
                                         const char   *word);

typedef struct {
  double x1, y1, x2, y2;   /* pt from the top-left corner of the page */
  double size;
  char  *font;
} RtSpan;

/* Where @needle is printed on @page (first match; FALSE when absent): its box, and the font
 * name and size of its first character. */
gboolean         rt_find                (PopplerPage  *page,
                                         const char   *needle,
                                         RtSpan       *span);
void             rt_span_clear          (RtSpan       *span);
/* Every character's box must lie within the rectangle (pt from the top-left). Returns the
 * number of characters outside (and prints the first). */
guint            rt_count_outside       (PopplerPage  *page,
                                         double        left,
                                         double        top,
                                         double        right,
                                         double        bottom);
/* The characters (without spaces) whose box centre lies within the rectangle */
char            *rt_text_in_area        (PopplerPage  *page,
                                         double        left,
                                         double        top,
                                         double        right,
                                         double        bottom);
/* Renders page @page at @scale px/pt; the longest horizontal run of dark pixels in row @y_pt
 * (±1 pt) between @x1_pt and @x2_pt, in pt. */
double           rt_dark_run            (PlanLayout   *layout,
                                         guint         page,
                                         double        y_pt,
                                         double        x1_pt,
                                         double        x2_pt);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RtSpan, rt_span_clear)

G_END_DECLS
