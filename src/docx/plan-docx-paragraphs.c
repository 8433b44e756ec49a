/* plan-docx-paragraphs.c: the body of a Word document as a flat list of paragraphs and
 * tables, before any role is recognised
 *
 * What is read: runs with bold/italic/underline (direct, character style, paragraph style,
 * defaults), w:br and w:cr as soft breaks, tabs, the shown result of fields, hyperlinks,
 * content controls, tracked insertions (deletions are left out: changes are taken as
 * accepted), the numbers of automatic numbering, tables with their grid, header rows and
 * merges, section orientation and margins. Text boxes and footnotes become paragraphs after
 * the paragraph that holds them. Images and comments are counted for the summary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "plan-docx-error.h"
#include "plan-docx-numbering.h"
#include "plan-docx-paragraphs.h"
#include "plan-docx-writer-styles.h"
#include "plan-docx-styles.h"
#include "plan-docx-xml-private.h"

#define TWIPS_PER_MM (1440.0 / 25.4)

typedef struct {
  PlanDocxContent   *content;
  PlanDocxStyles    *styles;
  PlanDocxNumbering *numbering;
  GHashTable        *notes;      /* "f<id>" / "e<id>" → w:footnote / w:endnote element */
  guint              n_blocks;
  /* The body's table being streamed */
  PlanDocxTable     *table;
  GPtrArray         *table_attached;     /* the blocks its cells held so far */
  guint              table_n_top_header; /* the w:tblHeader rows at its top so far */
  gboolean           table_has_grid;     /* its w:tblGrid was read */
  char              *first_header_id;   /* relationship id of the first page's page header */
  GError            *error;
} Reader;

typedef struct {
  GString  *text;
  PlanStyle style;
} RunBuffer;

static void read_blocks (Reader        *reader,
                         xmlNode       *container,
                         PlanDocxOrigin origin,
                         GPtrArray     *out);

/* ---- blocks --------------------------------------------------------------------------- */

static void
table_free (PlanDocxTable *table)
{
  if (table == NULL)
    return;
  g_array_unref (table->grid);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

/* The text of every empty cell: a table of 630,000 empty cells would otherwise hold
 * 1,260,000 allocations of "" */
static char empty_text[] = "";

/* @string's text in an allocation of its own size (a GString keeps room to grow), or the
 * shared empty text */
static char *
cell_text_take (GString *string)
{
  char *text = string->len > 0 ? g_strndup (string->str, string->len) : empty_text;

  g_string_free (string, TRUE);
  return text;
}

static void
cell_text_free (char *text)
{
  if (text != empty_text)
    g_free (text);
}

static void
cell_free (gpointer data)
{
  PlanDocxCell *cell = data;
  cell_text_free (cell->text);
  cell_text_free (cell->lines);
  g_free (cell);
}

static void
row_free (gpointer data)
{
  PlanDocxRow *row = data;
  g_ptr_array_unref (row->cells);
  g_free (row);
}

static void
block_free (gpointer data)
{
  PlanDocxBlock *block = data;
  if (block == NULL)   /* a slot whose block was moved on */
    return;
  g_clear_pointer (&block->text, plan_text_unref);
  g_free (block->number);
  g_free (block->style_id);
  g_free (block->point_heading);
  table_free (block->table);
  g_free (block);
}

const char *
plan_docx_block_get_plain (const PlanDocxBlock *block)
{
  if (block->text != NULL)
    return plan_text_get_plain (block->text);
  for (guint r = 0; block->table != NULL && r < block->table->rows->len; r++)
    {
      PlanDocxRow *row = g_ptr_array_index (block->table->rows, r);
      for (guint c = 0; c < row->cells->len; c++)
        {
          PlanDocxCell *cell = g_ptr_array_index (row->cells, c);
          if (cell->text[0] != '\0')
            return cell->text;
        }
    }
  return "";
}

void
plan_docx_content_free (PlanDocxContent *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->blocks);
  g_array_unref (self->sections);
  g_clear_pointer (&self->first_page_header, g_ptr_array_unref);
  g_free (self);
}

/* ---- runs ------------------------------------------------------------------------------- */

static void
append_text (GArray     *runs,
             PlanStyle   style,
             const char *text)
{
  RunBuffer *last = runs->len > 0 ? &g_array_index (runs, RunBuffer, runs->len - 1) : NULL;

  if (last == NULL || last->style != style)
    {
      RunBuffer run = { g_string_new (NULL), style };
      g_array_append_val (runs, run);
      last = &g_array_index (runs, RunBuffer, runs->len - 1);
    }
  g_string_append (last->text, text);
}

static void
run_buffer_clear (gpointer data)
{
  RunBuffer *run = data;
  g_string_free (run->text, TRUE);
}

typedef struct {
  Reader     *reader;
  const char *paragraph_style;
  GArray     *runs;        /* RunBuffer */
  GPtrArray  *attached;    /* blocks of text boxes and notes met in the paragraph */
  gboolean    end_marker;  /* a run of our export's end marker was met (and left out) */
  GString    *point_heading; /* the text of the runs in our export's point heading style */
  double      size;        /* the direct w:sz of the runs with text: > 0 the same in all so far,
                            * 0 none yet, < 0 they differ or one has none */
} Paragraph;

static void read_inline (Paragraph *paragraph,
                         xmlNode   *node);

static gboolean
has_text_box (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE &&
        (plan_docx_is_w (child, "txbxContent") || has_text_box (child)))
      return TRUE;
  return FALSE;
}

/* Text boxes (in a w:drawing or a VML w:pict): their paragraphs follow the paragraph */
static void
read_text_boxes (Paragraph *paragraph,
                 xmlNode   *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (plan_docx_is_w (child, "txbxContent"))
        {
          paragraph->reader->content->n_text_boxes++;
          read_blocks (paragraph->reader, child, PLAN_DOCX_ORIGIN_TEXT_BOX, paragraph->attached);
        }
      else
        read_text_boxes (paragraph, child);
    }
}

static void
read_note (Paragraph  *paragraph,
           xmlNode    *reference,
           const char *prefix)
{
  g_autofree char *id = plan_docx_w_attr (reference, "id");
  g_autofree char *key = g_strconcat (prefix, id != NULL ? id : "", NULL);
  xmlNode *note = g_hash_table_lookup (paragraph->reader->notes, key);

  paragraph->reader->content->n_footnotes++;
  /* A note is read once, even where a hostile file refers to it again and again */
  if (note != NULL && g_hash_table_remove (paragraph->reader->notes, key))
    read_blocks (paragraph->reader, note, PLAN_DOCX_ORIGIN_FOOTNOTE, paragraph->attached);
}

static void
read_run (Paragraph *paragraph,
          xmlNode   *run)
{
  Reader *reader = paragraph->reader;
  xmlNode *rpr = plan_docx_w_child (run, "rPr");
  g_autofree char *character_style = plan_docx_w_attr (plan_docx_w_child (rpr, "rStyle"), "val");
  PlanStyle style = plan_docx_styles_resolve_run (reader->styles, paragraph->paragraph_style,
                                                  character_style, rpr);
  const char *character_role = plan_docx_styles_get_role (reader->styles, character_style);

  /* The "./." our export adds after the last sentence: the plan's "end-marker", not text */
  if (g_strcmp0 (character_role, PLAN_DOCX_STYLE_END_MARKER) == 0)
    {
      paragraph->end_marker = TRUE;
      return;
    }

  if (plan_docx_w_child (run, "t") != NULL && paragraph->size >= 0)
    {
      double size = plan_docx_w_child_int (rpr, "sz", 0) / 2.0;

      if (size <= 0 || (paragraph->size > 0 && size != paragraph->size))
        paragraph->size = -1;
      else
        paragraph->size = size;
    }

  for (xmlNode *child = run->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (plan_docx_is_w (child, "t"))
        {
          xmlChar *text = xmlNodeGetContent (child);
          if (text != NULL)
            append_text (paragraph->runs, style, (const char *) text);
          if (text != NULL && g_strcmp0 (character_role, PLAN_DOCX_STYLE_POINT_HEADING) == 0)
            g_string_append (paragraph->point_heading, (const char *) text);
          xmlFree (text);
        }
      else if (plan_docx_is_w (child, "tab") || plan_docx_is_w (child, "ptab"))
        append_text (paragraph->runs, style, "\t");
      else if (plan_docx_is_w (child, "br") || plan_docx_is_w (child, "cr"))
        {
          g_autofree char *type = plan_docx_w_attr (child, "type");
          /* A page or column break inside a paragraph only moves text: a space keeps words apart */
          append_text (paragraph->runs, style,
                       type == NULL || g_str_equal (type, "textWrapping") ? "\n" : " ");
        }
      else if (plan_docx_is_w (child, "noBreakHyphen"))
        append_text (paragraph->runs, style, "-");
      else if (plan_docx_is_w (child, "fldChar"))
        {
          g_autofree char *type = plan_docx_w_attr (child, "fldCharType");
          if (g_strcmp0 (type, "begin") == 0)
            reader->content->n_fields++;
        }
      else if (plan_docx_is_w (child, "footnoteReference"))
        read_note (paragraph, child, "f");
      else if (plan_docx_is_w (child, "endnoteReference"))
        read_note (paragraph, child, "e");
      else if (plan_docx_is_w (child, "commentReference"))
        reader->content->n_comments++;
      else if (plan_docx_is_w (child, "drawing") || plan_docx_is_w (child, "pict") ||
               plan_docx_is_w (child, "object") ||
               plan_docx_is_in_ns (child, PLAN_DOCX_NS_MC, "AlternateContent"))
        {
          xmlNode *chosen = child;
          /* Word writes a text box twice: as DrawingML (mc:Choice) and as VML (mc:Fallback) */
          if (plan_docx_is_in_ns (child, PLAN_DOCX_NS_MC, "AlternateContent"))
            for (xmlNode *option = child->children; option != NULL; option = option->next)
              if (plan_docx_is_in_ns (option, PLAN_DOCX_NS_MC, "Choice"))
                {
                  chosen = option;
                  break;
                }
          if (has_text_box (chosen))
            read_text_boxes (paragraph, chosen);
          else
            reader->content->n_images++;
        }
      /* w:instrText (a field's code) and w:delText (deleted text) are not text of the page */
    }
}

static void
read_inline (Paragraph *paragraph,
             xmlNode   *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (plan_docx_is_w (child, "r"))
        read_run (paragraph, child);
      else if (plan_docx_is_w (child, "del") || plan_docx_is_w (child, "moveFrom"))
        paragraph->reader->content->n_deletions++;
      else if (plan_docx_is_w (child, "ins") || plan_docx_is_w (child, "moveTo"))
        {
          paragraph->reader->content->n_insertions++;
          read_inline (paragraph, child);
        }
      else if (plan_docx_is_w (child, "hyperlink") || plan_docx_is_w (child, "smartTag") ||
               plan_docx_is_w (child, "customXml") || plan_docx_is_w (child, "fldSimple") ||
               plan_docx_is_w (child, "dir") || plan_docx_is_w (child, "bdo") ||
               plan_docx_is_w (child, "sdtContent"))
        read_inline (paragraph, child);
      else if (plan_docx_is_w (child, "sdt"))
        read_inline (paragraph, child);
      else if (plan_docx_is_in_ns (child, PLAN_DOCX_NS_MC, "AlternateContent"))
        {
          for (xmlNode *option = child->children; option != NULL; option = option->next)
            if (plan_docx_is_in_ns (option, PLAN_DOCX_NS_MC, "Choice"))
              {
                read_inline (paragraph, option);
                break;
              }
        }
    }
}

static gboolean
is_blank (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0x00A0 || c == 0x3000 || c == 0x2007 || c == 0x202F;
}

/* Leading and trailing spaces, tabs and no-break spaces are layout, not text */
static void
trim_runs (GArray *runs)
{
  while (runs->len > 0)
    {
      RunBuffer *first = &g_array_index (runs, RunBuffer, 0);
      const char *p = first->text->str;
      while (*p != '\0' && is_blank (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      g_string_erase (first->text, 0, p - first->text->str);
      if (first->text->len > 0)
        break;
      g_array_remove_index (runs, 0);
    }
  while (runs->len > 0)
    {
      RunBuffer *last = &g_array_index (runs, RunBuffer, runs->len - 1);
      char *end = last->text->str + last->text->len;
      while (end > last->text->str)
        {
          char *previous = g_utf8_find_prev_char (last->text->str, end);
          if (previous == NULL || !is_blank (g_utf8_get_char (previous)))
            break;
          end = previous;
        }
      g_string_truncate (last->text, end - last->text->str);
      if (last->text->len > 0)
        break;
      g_array_remove_index (runs, runs->len - 1);
    }
}

static PlanAlignment
read_alignment (xmlNode *ppr)
{
  g_autofree char *jc = plan_docx_w_attr (plan_docx_w_child (ppr, "jc"), "val");

  if (jc == NULL)
    return PLAN_ALIGN_LEFT;
  if (g_str_equal (jc, "center"))
    return PLAN_ALIGN_CENTER;
  if (g_str_equal (jc, "right") || g_str_equal (jc, "end"))
    return PLAN_ALIGN_RIGHT;
  if (g_str_equal (jc, "both") || g_str_equal (jc, "distribute"))
    return PLAN_ALIGN_JUSTIFY;
  return PLAN_ALIGN_LEFT;
}

static void
read_section (Reader  *reader,
              xmlNode *sect_pr)
{
  PlanDocxSection section = { 0 };
  xmlNode *size = plan_docx_w_child (sect_pr, "pgSz");
  xmlNode *margins = plan_docx_w_child (sect_pr, "pgMar");
  g_autofree char *orient = plan_docx_w_attr (size, "orient");
  g_autofree char *width = plan_docx_w_attr (size, "w");
  g_autofree char *height = plan_docx_w_attr (size, "h");
  g_autofree char *start = plan_docx_w_attr (plan_docx_w_child (sect_pr, "pgNumType"), "start");

  section.restarts_numbering = start != NULL;
  /* The first page's page header: its own when the section has one (w:titlePg), else the
   * section's usual one */
  if (reader->content->sections->len == 0 && reader->first_header_id == NULL)
    {
      const char *wanted = plan_docx_w_toggle (sect_pr, "titlePg") > 0 ? "first" : "default";

      for (xmlNode *child = sect_pr != NULL ? sect_pr->children : NULL; child != NULL;
           child = child->next)
        {
          g_autofree char *type = plan_docx_w_attr (child, "type");
          xmlChar *id;

          if (!plan_docx_is_w (child, "headerReference") ||
              !g_str_equal (type != NULL ? type : "default", wanted))
            continue;
          id = xmlGetNsProp (child, (const xmlChar *) "id", (const xmlChar *) PLAN_DOCX_NS_R);
          reader->first_header_id = g_strdup ((const char *) id);
          xmlFree (id);
          break;
        }
    }
  section.landscape = g_strcmp0 (orient, "landscape") == 0 ||
                      (width != NULL && height != NULL &&
                       g_ascii_strtod (width, NULL) > g_ascii_strtod (height, NULL));
  if (margins != NULL)
    {
      static const char *const sides[] = { "top", "bottom", "left", "right" };
      double *values[] = { &section.margin_top, &section.margin_bottom,
                           &section.margin_left, &section.margin_right };
      section.has_margins = TRUE;
      for (gsize i = 0; i < G_N_ELEMENTS (sides); i++)
        {
          g_autofree char *value = plan_docx_w_attr (margins, sides[i]);
          double twips = value != NULL ? fabs (g_ascii_strtod (value, NULL)) : 0;
          if (value == NULL || !isfinite (twips) || twips > 31680)
            section.has_margins = FALSE;
          else
            *values[i] = round (twips / TWIPS_PER_MM * 10) / 10;   /* to 0.1 mm */
        }
    }
  g_array_append_val (reader->content->sections, section);
}

static PlanDocxBlock *
read_paragraph (Reader        *reader,
                xmlNode       *p,
                PlanDocxOrigin origin,
                GPtrArray     *attached)
{
  xmlNode *ppr = plan_docx_w_child (p, "pPr");
  xmlNode *num_pr = plan_docx_w_child (ppr, "numPr");
  g_autofree char *style_id = plan_docx_w_attr (plan_docx_w_child (ppr, "pStyle"), "val");
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (RunBuffer));
  g_autoptr(GString) point_heading = g_string_new (NULL);
  Paragraph paragraph = { reader, style_id, runs, attached, FALSE, point_heading, 0 };
  PlanDocxBlock *block = g_new0 (PlanDocxBlock, 1);
  xmlNode *ind = plan_docx_w_child (ppr, "ind");
  g_autofree char *jc = plan_docx_w_attr (plan_docx_w_child (ppr, "jc"), "val");
  g_autofree char *first_line = plan_docx_w_attr (ind, "firstLine");
  g_autofree char *hanging = plan_docx_w_attr (ind, "hanging");
  int num_id = -1, level = 0;
  g_autofree PlanRun *plan_runs = NULL;

  g_array_set_clear_func (runs, run_buffer_clear);
  read_inline (&paragraph, p);
  trim_runs (runs);

  plan_runs = g_new0 (PlanRun, MAX (runs->len, 1));
  for (guint i = 0; i < runs->len; i++)
    {
      RunBuffer *run = &g_array_index (runs, RunBuffer, i);
      plan_runs[i] = (PlanRun) { run->text->str, run->style };
    }
  block->text = plan_text_new_from_runs (plan_runs, runs->len);
  if (block->text == NULL)
    block->text = plan_text_new ("");

  if (num_pr != NULL)
    {
      num_id = (int) plan_docx_w_child_int (num_pr, "numId", -1);
      level = (int) plan_docx_w_child_int (num_pr, "ilvl", 0);
    }
  else
    plan_docx_styles_get_numbering (reader->styles, style_id, &num_id, &level);
  if (num_id > 0)
    block->number = plan_docx_numbering_next (reader->numbering, num_id, level);

  block->alignment = read_alignment (ppr);
  block->aligned_left = g_strcmp0 (jc, "left") == 0 || g_strcmp0 (jc, "start") == 0;
  /* A hanging indent, even of 0 (LibreOffice's way of writing no first-line indent), leaves
   * the first line without one */
  block->no_indent = ind != NULL ? hanging != NULL ||
                                   (first_line != NULL && g_ascii_strtod (first_line, NULL) == 0)
                                 : style_id == NULL;
  if (point_heading->len > 0)
    {
      block->point_heading = g_utf8_normalize (g_strstrip (point_heading->str), -1, G_NORMALIZE_NFC);
      if (block->point_heading != NULL && block->point_heading[0] == '\0')
        g_clear_pointer (&block->point_heading, g_free);
    }
  block->style_id = g_strdup (plan_docx_styles_get_role (reader->styles, style_id));
  block->end_marker = paragraph.end_marker;
  block->size = MAX (paragraph.size, 0);
  block->origin = origin;
  block->section = reader->content->sections->len;
  return block;
}

/* ---- tables ----------------------------------------------------------------------------- */

static PlanDocxCell *
read_cell (Reader    *reader,
           xmlNode   *tc,
           GPtrArray *attached)
{
  PlanDocxCell *cell = g_new0 (PlanDocxCell, 1);
  xmlNode *tcpr = plan_docx_w_child (tc, "tcPr");
  xmlNode *vmerge = plan_docx_w_child (tcpr, "vMerge");
  g_autofree char *vmerge_value = plan_docx_w_attr (vmerge, "val");
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func (block_free);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) lines = g_string_new (NULL);
  gboolean bold = TRUE, italic = TRUE, any_text = FALSE, first = TRUE;
  double size = 0;   /* as Paragraph.size, over the cell's paragraphs with text */

  cell->span = (guint) CLAMP (plan_docx_w_child_int (tcpr, "gridSpan", 1), 1,
                              PLAN_DOCX_MAX_TABLE_COLUMNS);
  cell->merged_up = vmerge != NULL && g_strcmp0 (vmerge_value, "restart") != 0;
  {
    g_autofree char *valign = plan_docx_w_attr (plan_docx_w_child (tcpr, "vAlign"), "val");

    cell->centred = g_strcmp0 (valign, "center") == 0;
  }

  /* A cell's own paragraphs become its text and do not count as the document's paragraphs
   * (the table's rows and columns bound them, and the tag count their lines): a plan table of
   * 10,000 rows by 12 columns must read back from our export. What the cell holds besides
   * (a table, a text box, a note) is counted when it is added after the table. */
  {
    guint n_blocks = reader->n_blocks;

    read_blocks (reader, tc, PLAN_DOCX_ORIGIN_BODY, blocks);
    reader->n_blocks = n_blocks;
  }
  for (guint i = 0; i < blocks->len; i++)
    {
      PlanDocxBlock *block = g_ptr_array_index (blocks, i);
      const char *plain;

      if (block->origin != PLAN_DOCX_ORIGIN_BODY || block->text == NULL)
        {
          /* A table inside a cell, a text box or a note: kept after the table */
          g_ptr_array_add (attached, g_steal_pointer (&blocks->pdata[i]));
          continue;
        }
      plain = plan_text_get_plain (block->text);
      if (!first)
        g_string_append_c (lines, '\n');
      g_string_append (lines, plain);
      if (first)
        cell->alignment = block->alignment;
      first = FALSE;
      if (plain[0] == '\0')
        {
          if (block->number != NULL)
            cell->auto_number = TRUE;
          continue;
        }
      if (size >= 0)
        size = block->size <= 0 || (size > 0 && block->size != size) ? -1 : block->size;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (block->number != NULL)
        g_string_append_printf (text, "%s ", block->number);
      g_string_append (text, plain);
      for (guint r = 0; r < plan_text_get_n_runs (block->text); r++)
        {
          PlanStyle style;
          const char *run = plan_text_get_run (block->text, r, &style);
          for (const char *c = run; *c != '\0'; c = g_utf8_next_char (c))
            if (g_unichar_isalnum (g_utf8_get_char (c)))
              {
                any_text = TRUE;
                if (!(style & PLAN_STYLE_BOLD))
                  bold = FALSE;
                if (!(style & PLAN_STYLE_ITALIC))
                  italic = FALSE;
                break;
              }
        }
    }
  if (text->len > 0)
    cell->auto_number = FALSE;
  g_strdelimit (text->str, "\t", ' ');
  cell->text = cell_text_take (g_steal_pointer (&text));
  cell->lines = cell_text_take (g_steal_pointer (&lines));
  cell->bold = bold && any_text;
  cell->italic = italic && any_text;
  cell->size = MAX (size, 0);
  return cell;
}

static PlanDocxCell *
empty_cell (void)
{
  PlanDocxCell *cell = g_new0 (PlanDocxCell, 1);
  cell->text = empty_text;
  cell->lines = empty_text;
  cell->span = 1;
  return cell;
}

guint
plan_docx_table_n_header_rows (PlanDocxTable *table)
{
  guint n = 0;

  while (n < table->rows->len && ((PlanDocxRow *) table->rows->pdata[n])->header)
    n++;
  if (n == 0 && table->rows->len > 1)
    {
      PlanDocxRow *first = g_ptr_array_index (table->rows, 0);
      gboolean all_bold = first->cells->len > 0;

      for (guint c = 0; c < first->cells->len; c++)
        {
          PlanDocxCell *cell = g_ptr_array_index (first->cells, c);
          if (cell->text[0] != '\0' && !cell->bold)
            all_bold = FALSE;
        }
      if (all_bold)
        n = 1;
    }
  return n;
}

static PlanDocxTable *
table_new (void)
{
  PlanDocxTable *table = g_new0 (PlanDocxTable, 1);

  table->grid = g_array_new (FALSE, FALSE, sizeof (double));
  table->rows = g_ptr_array_new_with_free_func (row_free);
  return table;
}

/* The column widths of w:tblGrid; FALSE with reader->error past the column limit */
static gboolean
read_grid (Reader        *reader,
           PlanDocxTable *table,
           xmlNode       *grid)
{
  for (xmlNode *col = grid != NULL ? grid->children : NULL; col != NULL; col = col->next)
    {
      g_autofree char *width = NULL;
      double twips;

      if (!plan_docx_is_w (col, "gridCol"))
        continue;
      if (table->grid->len >= PLAN_DOCX_MAX_TABLE_COLUMNS)
        {
          g_set_error (&reader->error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_TOO_LARGE,
                       _("A table in the Word file has more than %d columns; it is not read."),
                       PLAN_DOCX_MAX_TABLE_COLUMNS);
          return FALSE;
        }
      width = plan_docx_w_attr (col, "w");
      twips = width != NULL ? g_ascii_strtod (width, NULL) : 0;
      if (!isfinite (twips) || twips < 0)
        twips = 0;
      g_array_append_val (table->grid, twips);
    }
  return TRUE;
}

/* Whether @table takes one more row, a header row at its top (@top_header) or not; FALSE with
 * reader->error when the row would pass a limit. The plan file's limit counts the rows below
 * the header rows (the app's own largest table reads back whole). */
static gboolean
table_has_room (Reader        *reader,
                PlanDocxTable *table,
                guint          n_top_header,
                gboolean       top_header)
{
  guint n_body = table->rows->len - (n_top_header > 0 ? n_top_header
                                                      : plan_docx_table_n_header_rows (table));

  if (top_header && n_top_header >= PLAN_DOCX_MAX_TABLE_HEADER_ROWS)
    g_set_error (&reader->error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_TOO_LARGE,
                 _("A table in the Word file has more than %d header rows; it is not "
                   "read."), PLAN_DOCX_MAX_TABLE_HEADER_ROWS);
  else if (!top_header && n_body >= PLAN_DOCX_MAX_TABLE_ROWS)
    g_set_error (&reader->error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_TOO_LARGE,
                 _("A table in the Word file has more than %d rows below its header "
                   "rows; it is not read."), PLAN_DOCX_MAX_TABLE_ROWS);
  else
    return TRUE;
  return FALSE;
}

/* Whether a row to come can only be a body row, so that the row limit is known before the row
 * is read: the header rows at the top are over once a row is not one */
static gboolean
table_past_top_header (PlanDocxTable *table,
                       guint          n_top_header)
{
  return table->rows->len > n_top_header;
}

/* Adds the row w:tr to @table; FALSE with reader->error past a limit. Tables inside its cells,
 * text boxes and notes go to @attached. */
static gboolean
read_row (Reader        *reader,
          PlanDocxTable *table,
          guint         *n_top_header,
          xmlNode       *tr,
          GPtrArray     *attached)
{
  xmlNode *trpr = plan_docx_w_child (tr, "trPr");
  gboolean header = plan_docx_w_toggle (trpr, "tblHeader") > 0;
  gboolean top_header = *n_top_header == table->rows->len && header;
  PlanDocxRow *row;
  guint n_grid = 0;

  if (!table_has_room (reader, table, *n_top_header, top_header))
    return FALSE;
  *n_top_header += top_header;
  row = g_new0 (PlanDocxRow, 1);
  row->cells = g_ptr_array_new_with_free_func (cell_free);
  g_ptr_array_add (table->rows, row);
  row->header = header;
  for (gint64 i = CLAMP (plan_docx_w_child_int (trpr, "gridBefore", 0), 0,
                         PLAN_DOCX_MAX_TABLE_COLUMNS); i > 0; i--, n_grid++)
    g_ptr_array_add (row->cells, empty_cell ());

  for (xmlNode *tc = tr->children; tc != NULL; tc = tc->next)
    {
      xmlNode *cell_node = tc;
      PlanDocxCell *cell;

      /* A cell inside a content control */
      if (plan_docx_is_w (tc, "sdt"))
        cell_node = plan_docx_w_child (plan_docx_w_child (tc, "sdtContent"), "tc");
      if (!plan_docx_is_w (cell_node, "tc"))
        continue;
      cell = read_cell (reader, cell_node, attached);
      n_grid += cell->span;
      g_ptr_array_add (row->cells, cell);
      if (reader->error != NULL)
        return FALSE;
      if (n_grid > PLAN_DOCX_MAX_TABLE_COLUMNS)
        {
          g_set_error (&reader->error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_TOO_LARGE,
                       _("A table in the Word file has more than %d columns; it is not "
                         "read."), PLAN_DOCX_MAX_TABLE_COLUMNS);
          return FALSE;
        }
    }
  return TRUE;
}

/* A table read whole (inside a cell, a text box or a note; the body's own tables are
 * streamed row by row, see read_body_table_child()) */
static PlanDocxTable *
read_table (Reader    *reader,
            xmlNode   *tbl,
            GPtrArray *attached)
{
  PlanDocxTable *table = table_new ();
  guint n_top_header = 0;   /* the w:tblHeader rows at the top so far */

  if (!read_grid (reader, table, plan_docx_w_child (tbl, "tblGrid")))
    {
      table_free (table);
      return NULL;
    }
  for (xmlNode *tr = tbl->children; tr != NULL; tr = tr->next)
    if (plan_docx_is_w (tr, "tr") && !read_row (reader, table, &n_top_header, tr, attached))
      {
        table_free (table);
        return NULL;
      }
  return table;
}

/* ---- the body --------------------------------------------------------------------------- */

static gboolean
is_empty_paragraph (PlanDocxBlock *block)
{
  return block->text != NULL && plan_text_is_empty (block->text) && block->number == NULL;
}

static void
add_block (Reader        *reader,
           GPtrArray     *out,
           PlanDocxBlock *block)
{
  /* A run of empty paragraphs (spacing typed with Enter) counts as one */
  if (out->len > 0 && is_empty_paragraph (block) &&
      is_empty_paragraph (g_ptr_array_index (out, out->len - 1)))
    {
      block_free (block);
      return;
    }
  if (++reader->n_blocks > PLAN_DOCX_MAX_BLOCKS)
    {
      if (reader->error == NULL)
        g_set_error (&reader->error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_TOO_LARGE,
                     _("The Word file has more than %d paragraphs and tables; it is not read."),
                     PLAN_DOCX_MAX_BLOCKS);
      block_free (block);
      return;
    }
  g_ptr_array_add (out, block);
}

/* Adds @table, then the blocks its cells held (tables, text boxes, notes) */
static void
add_table (Reader        *reader,
           PlanDocxTable *table,
           GPtrArray     *attached,
           PlanDocxOrigin origin,
           GPtrArray     *out)
{
  PlanDocxBlock *block = g_new0 (PlanDocxBlock, 1);

  block->table = table;
  block->origin = origin;
  block->section = reader->content->sections->len;
  add_block (reader, out, block);
  for (guint i = 0; i < attached->len; i++)
    add_block (reader, out, g_steal_pointer (&attached->pdata[i]));
}

static void
read_block (Reader        *reader,
            xmlNode       *node,
            PlanDocxOrigin origin,
            GPtrArray     *out)
{
  if (plan_docx_is_w (node, "p"))
    {
      g_autoptr(GPtrArray) attached = g_ptr_array_new_with_free_func (block_free);
      PlanDocxBlock *block = read_paragraph (reader, node, origin, attached);
      xmlNode *sect_pr = plan_docx_w_child (plan_docx_w_child (node, "pPr"), "sectPr");

      add_block (reader, out, block);
      for (guint i = 0; i < attached->len; i++)
        add_block (reader, out, g_steal_pointer (&attached->pdata[i]));
      if (sect_pr != NULL && origin == PLAN_DOCX_ORIGIN_BODY)
        read_section (reader, sect_pr);
    }
  else if (plan_docx_is_w (node, "tbl"))
    {
      g_autoptr(GPtrArray) attached = g_ptr_array_new_with_free_func (block_free);
      PlanDocxTable *table = read_table (reader, node, attached);

      if (table != NULL)
        add_table (reader, table, attached, origin, out);
    }
  else if (plan_docx_is_w (node, "sdt"))
    read_blocks (reader, plan_docx_w_child (node, "sdtContent"), origin, out);
  else if (plan_docx_is_w (node, "customXml") || plan_docx_is_w (node, "ins") ||
           plan_docx_is_w (node, "moveTo"))
    read_blocks (reader, node, origin, out);
  else if (plan_docx_is_w (node, "del") || plan_docx_is_w (node, "moveFrom"))
    reader->content->n_deletions++;
  else if (plan_docx_is_in_ns (node, PLAN_DOCX_NS_MC, "AlternateContent"))
    {
      for (xmlNode *option = node->children; option != NULL; option = option->next)
        if (plan_docx_is_in_ns (option, PLAN_DOCX_NS_MC, "Choice"))
          {
            read_blocks (reader, option, origin, out);
            break;
          }
    }
}

static void
read_blocks (Reader        *reader,
             xmlNode       *container,
             PlanDocxOrigin origin,
             GPtrArray     *out)
{
  for (xmlNode *node = container != NULL ? container->children : NULL;
       node != NULL && reader->error == NULL; node = node->next)
    read_block (reader, node, origin, out);
}

/* One child of w:body, streamed */
static gboolean
read_body_child (xmlNode  *child,
                 gpointer  user_data,
                 GError  **error)
{
  Reader *reader = user_data;

  if (plan_docx_is_w (child, "sectPr"))
    read_section (reader, child);
  else
    read_block (reader, child, PLAN_DOCX_ORIGIN_BODY, reader->content->blocks);
  if (reader->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&reader->error));
      return FALSE;
    }
  return TRUE;
}

/* A table of the body, streamed: one w:tr expanded at a time, its rows counted against the
 * limits before each is expanded */
static gboolean
reader_failed (Reader  *reader,
               GError **error)
{
  if (reader->error == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&reader->error));
  return FALSE;
}

static gboolean
open_body_table (gpointer  user_data,
                 GError  **error)
{
  Reader *reader = user_data;

  reader->table = table_new ();
  reader->table_attached = g_ptr_array_new_with_free_func (block_free);
  reader->table_n_top_header = 0;
  reader->table_has_grid = FALSE;
  return TRUE;
}

static gboolean
start_body_table_child (const char *local_name,
                        gpointer    user_data,
                        GError    **error)
{
  Reader *reader = user_data;

  /* A body row: refused before it is expanded when the table is full */
  if (g_str_equal (local_name, "tr") &&
      table_past_top_header (reader->table, reader->table_n_top_header))
    table_has_room (reader, reader->table, reader->table_n_top_header, FALSE);
  return reader_failed (reader, error);
}

static gboolean
read_body_table_child (xmlNode  *child,
                       gpointer  user_data,
                       GError  **error)
{
  Reader *reader = user_data;

  if (plan_docx_is_w (child, "tblGrid") && !reader->table_has_grid)
    {
      reader->table_has_grid = TRUE;
      read_grid (reader, reader->table, child);
    }
  else if (plan_docx_is_w (child, "tr"))
    read_row (reader, reader->table, &reader->table_n_top_header, child,
              reader->table_attached);
  return reader_failed (reader, error);
}

static void
clear_body_table (Reader *reader)
{
  g_clear_pointer (&reader->table, table_free);
  g_clear_pointer (&reader->table_attached, g_ptr_array_unref);
}

static gboolean
close_body_table (gpointer  user_data,
                  GError  **error)
{
  Reader *reader = user_data;

  add_table (reader, g_steal_pointer (&reader->table), reader->table_attached,
             PLAN_DOCX_ORIGIN_BODY, reader->content->blocks);
  clear_body_table (reader);
  return reader_failed (reader, error);
}

/* ---- parts ------------------------------------------------------------------------------ */

/* The part the main document's relationship of @type names ("…/relationships/styles"),
 * else Word's usual name */
static char *
find_related_part (PlanDocxPackage *package,
                   xmlDoc          *relationships,
                   const char      *type,
                   const char      *usual)
{
  xmlNode *root = relationships != NULL ? xmlDocGetRootElement (relationships) : NULL;
  g_autofree char *suffix = g_strconcat ("/relationships/", type, NULL);

  for (xmlNode *node = root != NULL ? root->children : NULL; node != NULL; node = node->next)
    {
      xmlChar *rel_type, *target;
      char *part = NULL;

      if (!plan_docx_is_in_ns (node, PLAN_DOCX_NS_REL, "Relationship"))
        continue;
      rel_type = xmlGetProp (node, (const xmlChar *) "Type");
      target = xmlGetProp (node, (const xmlChar *) "Target");
      if (rel_type != NULL && target != NULL && g_str_has_suffix ((char *) rel_type, suffix))
        part = target[0] == '/' ? g_strdup ((char *) target + 1)
                                : g_strconcat ("word/", (char *) target, NULL);
      xmlFree (rel_type);
      xmlFree (target);
      if (part != NULL && plan_docx_package_has_part (package, part))
        return part;
      g_free (part);
    }
  return plan_docx_package_has_part (package, usual) ? g_strdup (usual) : NULL;
}

/* The part the relationship @id points to, if the package has it */
static char *
find_part_by_id (PlanDocxPackage *package,
                 xmlDoc          *relationships,
                 const char      *id)
{
  xmlNode *root = relationships != NULL ? xmlDocGetRootElement (relationships) : NULL;

  for (xmlNode *node = root != NULL ? root->children : NULL; node != NULL; node = node->next)
    {
      xmlChar *rel_id, *target;
      char *part = NULL;

      if (!plan_docx_is_in_ns (node, PLAN_DOCX_NS_REL, "Relationship"))
        continue;
      rel_id = xmlGetProp (node, (const xmlChar *) "Id");
      target = xmlGetProp (node, (const xmlChar *) "Target");
      if (rel_id != NULL && target != NULL && g_str_equal ((char *) rel_id, id))
        part = target[0] == '/' ? g_strdup ((char *) target + 1)
                                : g_strconcat ("word/", (char *) target, NULL);
      xmlFree (rel_id);
      xmlFree (target);
      if (part != NULL && plan_docx_package_has_part (package, part))
        return part;
      g_free (part);
    }
  return NULL;
}

/* The paragraphs of the first page's page header, read after the body. Only its text is wanted
 * (a circulation note stands there): its drawings (the draft watermark), text boxes and fields
 * are not counted in the summary. FALSE on a damaged part. */
static gboolean
read_first_page_header (Reader          *reader,
                        PlanDocxPackage *package,
                        xmlDoc          *relationships,
                        GError         **error)
{
  g_autofree char *name = NULL;
  g_autoptr(xmlDoc) header = NULL;
  xmlNode *root;
  PlanDocxContent counted = *reader->content;
  g_autoptr(GPtrArray) attached = g_ptr_array_new_with_free_func (block_free);

  reader->content->first_page_header = g_ptr_array_new_with_free_func (block_free);
  if (reader->first_header_id == NULL ||
      (name = find_part_by_id (package, relationships, reader->first_header_id)) == NULL)
    return TRUE;
  header = plan_docx_package_read_xml (package, name, error);
  if (header == NULL)
    return FALSE;
  root = xmlDocGetRootElement (header);
  for (xmlNode *node = root != NULL ? root->children : NULL; node != NULL; node = node->next)
    {
      PlanDocxBlock *block;

      if (!plan_docx_is_w (node, "p"))
        continue;
      block = read_paragraph (reader, node, PLAN_DOCX_ORIGIN_BODY, attached);
      if (plan_text_is_empty (block->text))
        block_free (block);
      else
        g_ptr_array_add (reader->content->first_page_header, block);
    }
  reader->content->n_images = counted.n_images;
  reader->content->n_text_boxes = counted.n_text_boxes;
  reader->content->n_footnotes = counted.n_footnotes;
  reader->content->n_comments = counted.n_comments;
  reader->content->n_insertions = counted.n_insertions;
  reader->content->n_deletions = counted.n_deletions;
  reader->content->n_fields = counted.n_fields;
  return TRUE;
}

/* Reads an optional part; FALSE on a damaged one */
static gboolean
read_optional (PlanDocxPackage *package,
               xmlDoc          *relationships,
               const char      *type,
               const char      *usual,
               xmlDoc         **out,
               GError         **error)
{
  g_autofree char *name = find_related_part (package, relationships, type, usual);

  *out = NULL;
  if (name == NULL)
    return TRUE;
  *out = plan_docx_package_read_xml (package, name, error);
  return *out != NULL;
}

static void
index_notes (Reader     *reader,
             xmlDoc     *doc,
             const char *element,
             const char *prefix)
{
  xmlNode *root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;

  for (xmlNode *node = root != NULL ? root->children : NULL; node != NULL; node = node->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *type = NULL;

      if (!plan_docx_is_w (node, element))
        continue;
      type = plan_docx_w_attr (node, "type");
      id = plan_docx_w_attr (node, "id");
      /* The separator lines Word keeps in the notes part are not notes */
      if (id != NULL && (type == NULL || g_str_equal (type, "normal")))
        g_hash_table_insert (reader->notes, g_strconcat (prefix, id, NULL), node);
    }
}

PlanDocxContent *
plan_docx_content_read (PlanDocxPackage *package,
                        GError         **error)
{
  g_autoptr(xmlDoc) relationships = NULL;
  g_autoptr(xmlDoc) styles = NULL;
  g_autoptr(xmlDoc) numbering = NULL;
  g_autoptr(xmlDoc) footnotes = NULL;
  g_autoptr(xmlDoc) endnotes = NULL;
  Reader reader = { 0 };
  const PlanDocxStreamFuncs body_funcs = {
    .child = read_body_child,
    .descend = "tbl",
    .open = open_body_table,
    .inner_start = start_body_table_child,
    .inner_child = read_body_table_child,
    .close = close_body_table,
  };
  PlanDocxContent *content;
  gboolean ok;

  if (plan_docx_package_has_part (package, "word/_rels/document.xml.rels"))
    {
      relationships = plan_docx_package_read_xml (package, "word/_rels/document.xml.rels", error);
      if (relationships == NULL)
        return NULL;
    }
  if (!read_optional (package, relationships, "styles", "word/styles.xml", &styles, error) ||
      !read_optional (package, relationships, "numbering", "word/numbering.xml", &numbering, error) ||
      !read_optional (package, relationships, "footnotes", "word/footnotes.xml", &footnotes, error) ||
      !read_optional (package, relationships, "endnotes", "word/endnotes.xml", &endnotes, error))
    return NULL;

  content = g_new0 (PlanDocxContent, 1);
  content->blocks = g_ptr_array_new_with_free_func (block_free);
  content->sections = g_array_new (FALSE, TRUE, sizeof (PlanDocxSection));
  reader.content = content;
  reader.styles = plan_docx_styles_new (styles);
  reader.numbering = plan_docx_numbering_new (numbering);
  reader.notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index_notes (&reader, footnotes, "footnote", "f");
  index_notes (&reader, endnotes, "endnote", "e");

  /* The body is streamed: memory stays that of one paragraph or table row at a time */
  ok = plan_docx_package_stream_xml (package, "word/document.xml", "body", &body_funcs,
                                     &reader, error);
  clear_body_table (&reader);   /* a table the stream stopped in */
  if (ok && content->sections->len == 0)
    read_section (&reader, NULL);
  /* Paragraphs after the last in-paragraph section break belong to the body's last section */
  if (ok && content->blocks->len > 0)
    {
      PlanDocxBlock *last = g_ptr_array_index (content->blocks, content->blocks->len - 1);
      if (last->section >= content->sections->len)
        read_section (&reader, NULL);
    }
  if (ok)
    ok = read_first_page_header (&reader, package, relationships, error);

  plan_docx_styles_free (reader.styles);
  plan_docx_numbering_free (reader.numbering);
  g_hash_table_unref (reader.notes);
  g_free (reader.first_header_id);
  g_clear_error (&reader.error);
  if (!ok)
    {
      plan_docx_content_free (content);
      return NULL;
    }
  return content;
}
