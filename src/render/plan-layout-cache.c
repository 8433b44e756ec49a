/* plan-layout-cache.c: text blocks keyed by their text, style and width
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "plan-layout-cache"

#include "config.h"

#include <string.h>

#include "plan-fonts.h"
#include "plan-format.h"
#include "plan-layout-cache.h"
#include "plan-line-breaks.h"

typedef struct {
  PlanTextBlock *block;
  guint          generation;
} Entry;

struct _PlanLayoutCache
{
  PangoContext         *context;
  PangoFontDescription *font;
  GHashTable           *entries;
  GString              *key;
  guint                 generation;
  guint                 misses;
};

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  plan_text_block_unref (entry->block);
  g_free (entry);
}

/* Keys are binary: the length (a gsize) then the style fields and the runs' text. */
static guint
key_hash (gconstpointer data)
{
  const guchar *key = data;
  gsize length;
  guint hash = 2166136261u;

  memcpy (&length, key, sizeof length);
  for (gsize i = 0; i < length; i++)
    hash = (hash ^ key[i]) * 16777619u;

  return hash;
}

static gboolean
key_equal (gconstpointer a,
           gconstpointer b)
{
  gsize length;

  memcpy (&length, a, sizeof length);
  return memcmp (a, b, length) == 0;
}

static void
key_append (GString       *key,
            gconstpointer  data,
            gsize          length)
{
  g_string_append_len (key, data, length);
}

PlanLayoutCache *
plan_layout_cache_new (void)
{
  PlanLayoutCache *self = g_new0 (PlanLayoutCache, 1);

  self->context = plan_fonts_create_context ();
  self->font = pango_font_description_new ();
  pango_font_description_set_family_static (self->font, plan_fonts_get_family ());
  self->entries = g_hash_table_new_full (key_hash, key_equal, g_free, entry_free);
  self->key = g_string_new (NULL);

  return self;
}

void
plan_layout_cache_free (PlanLayoutCache *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->entries);
  pango_font_description_free (self->font);
  g_object_unref (self->context);
  g_string_free (self->key, TRUE);
  g_free (self);
}

void
plan_layout_cache_begin (PlanLayoutCache *self)
{
  self->generation++;
  self->misses = 0;
}

static gboolean
entry_is_stale (gpointer key,
                gpointer value,
                gpointer user_data)
{
  Entry *entry = value;
  guint generation = GPOINTER_TO_UINT (user_data);

  return entry->generation != generation;
}

void
plan_layout_cache_end (PlanLayoutCache *self)
{
  g_hash_table_foreach_remove (self->entries, entry_is_stale, GUINT_TO_POINTER (self->generation));
}

guint
plan_layout_cache_get_size (PlanLayoutCache *self)
{
  return g_hash_table_size (self->entries);
}

guint
plan_layout_cache_get_misses (PlanLayoutCache *self)
{
  return self->misses;
}

static void
append_style_attrs (PangoAttrList *attrs,
                    PlanStyle      style,
                    guint          start,
                    guint          end)
{
  PangoAttribute *attr;

  if (style & PLAN_STYLE_BOLD)
    {
      attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (attrs, attr);
    }
  if (style & PLAN_STYLE_ITALIC)
    {
      attr = pango_attr_style_new (PANGO_STYLE_ITALIC);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (attrs, attr);
    }
  if (style & PLAN_STYLE_UNDERLINE)
    {
      attr = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (attrs, attr);
    }
}

static gboolean
is_blank (gunichar c)
{
  return c != '\n' && g_unichar_isspace (c);
}

/* @text without the blanks at the edges of its lines: at the start of every line but the
 * first (or of the first too, @trim_start), at the end of every line but the last (or of the
 * last too, @trim_end). */
static char *
trim_line_edges (const char *text,
                 gboolean    trim_start,
                 gboolean    trim_end)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n_lines = g_strv_length (lines);

  for (guint i = 0; i < n_lines; i++)
    {
      char *line = lines[i];
      char *start = line, *end = line + strlen (line);

      if (i > 0 || trim_start)
        while (*start != '\0' && is_blank (g_utf8_get_char (start)))
          start = g_utf8_next_char (start);
      if (i + 1 < n_lines || trim_end)
        while (end > start && is_blank (g_utf8_get_char (g_utf8_prev_char (end))))
          end = g_utf8_prev_char (end);
      memmove (line, start, end - start);
      line[end - start] = '\0';
    }

  return g_strjoinv ("\n", lines);
}

/* @trim: the run is centred or right-aligned, where blanks at a line's edges would push its
 * visible text off its place (a title typed "Kế hoạch   " prints left of the centre);
 * @first and @last: the run starts or ends the text. */
static void
append_run_text (GString    *string,
                 const char *text,
                 gboolean    upper,
                 gboolean    trim,
                 gboolean    first,
                 gboolean    last)
{
  g_autofree char *upper_text = upper ? plan_format_upper (text) : NULL;
  g_autofree char *trimmed = NULL;
  const char *p = upper_text != NULL ? upper_text : text;

  if (trim)
    p = trimmed = trim_line_edges (p, first, last);

  /* "\n" stays a Pango paragraph break, so that the line before it is never stretched by
   * justification; the builder cuts indented body paragraphs at soft breaks itself. Dotted
   * leaders may break between their dots. */
  plan_line_breaks_append_opening_leaders (string, p);
}

/* TRUE when a line of @layout reaches outside [0, @width] */
static gboolean
overflows (PangoLayout *layout,
           double       width)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  gboolean outside = FALSE;

  do
    {
      PangoRectangle rect;

      pango_layout_iter_get_line_extents (iter, NULL, &rect);
      /* Half a point of slack: trailing spaces and rounding */
      outside = rect.x < -PANGO_SCALE / 2 ||
                pango_units_to_double (rect.x + rect.width) > width + 0.5;
    }
  while (!outside && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return outside;
}

static PlanTextBlock *
build_block (PlanLayoutCache     *self,
             const PlanTextStyle *style,
             const PlanRun       *runs,
             guint                n_runs)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (self->context);
  g_autoptr(GString) text = g_string_new (NULL);
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoAttrList *keep_tokens;
  PangoFontDescription *font = pango_font_description_copy_static (self->font);

  pango_font_description_set_size (font, (int)(style->size * PANGO_SCALE + 0.5));
  if (style->style & PLAN_STYLE_BOLD)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  if (style->style & PLAN_STYLE_ITALIC)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);

  for (guint i = 0; i < n_runs; i++)
    {
      guint start = text->len;

      append_run_text (text, runs[i].text, style->upper, style->alignment != PANGO_ALIGN_LEFT,
                       i == 0, i + 1 == n_runs);
      append_style_attrs (attrs, runs[i].style, start, text->len);
    }
  if (style->style & PLAN_STYLE_UNDERLINE)
    append_style_attrs (attrs, PLAN_STYLE_UNDERLINE, 0, text->len);

  /* Vietnamese is one syllable per token: never break a syllable with a hyphen. */
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text->str, text->len);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, MAX (1, (int)(style->width * PANGO_SCALE)));
  pango_layout_set_alignment (layout, style->alignment);
  /* A fill-in leader prints as typed: its words and dots at the font's own spacing */
  pango_layout_set_justify (layout, style->justify && !plan_line_breaks_has_leader (text->str, text->len));
  pango_layout_set_indent (layout, (int)(style->indent * PANGO_SCALE));
  if (style->line_spacing > 0)
    pango_layout_set_line_spacing (layout, style->line_spacing);

  /* Symbols and dates are never cut at a line's end ("25/KH-" / "THCS")… */
  keep_tokens = pango_attr_list_copy (attrs);
  if (plan_line_breaks_keep_tokens (keep_tokens, text->str, text->len) > 0)
    {
      pango_layout_set_attributes (layout, keep_tokens);
      /* …unless one is wider than the whole line (a narrow table column): then it wraps at
       * any character as before, rather than run out of its column. */
      if (overflows (layout, style->width))
        pango_layout_set_attributes (layout, attrs);
    }
  else
    {
      pango_layout_set_attributes (layout, attrs);
    }

  pango_attr_list_unref (keep_tokens);
  pango_attr_list_unref (attrs);
  pango_font_description_free (font);

  return plan_text_block_new (layout);
}

PlanTextBlock *
plan_layout_cache_get_runs (PlanLayoutCache     *self,
                            const PlanTextStyle *style,
                            const PlanRun       *runs,
                            guint                n_runs)
{
  Entry *entry;

  struct {
    double size, width, indent, line_spacing;
    guint  style, alignment, justify, upper;
  } fixed = {
    style->size, style->width, style->indent, style->line_spacing,
    style->style, style->alignment, style->justify, style->upper,
  };
  gsize length = 0;

  g_string_set_size (self->key, 0);
  key_append (self->key, &length, sizeof length);
  key_append (self->key, &fixed, sizeof fixed);
  for (guint i = 0; i < n_runs; i++)
    {
      guint32 run_style = runs[i].style;
      guint32 run_length = strlen (runs[i].text);

      key_append (self->key, &run_style, sizeof run_style);
      key_append (self->key, &run_length, sizeof run_length);
      key_append (self->key, runs[i].text, run_length);
    }
  length = self->key->len;
  memcpy (self->key->str, &length, sizeof length);

  entry = g_hash_table_lookup (self->entries, self->key->str);
  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      entry->block = build_block (self, style, runs, n_runs);
      g_hash_table_insert (self->entries, g_memdup2 (self->key->str, self->key->len), entry);
      self->misses++;
    }

  entry->generation = self->generation;
  return entry->block;
}

PlanTextBlock *
plan_layout_cache_get_plain (PlanLayoutCache     *self,
                             const PlanTextStyle *style,
                             const char          *plain)
{
  PlanRun run = { plain != NULL ? plain : "", 0 };

  return plan_layout_cache_get_runs (self, style, &run, 1);
}
