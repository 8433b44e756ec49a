/* plan-line-breaks.c: tokens that a line break must not cut
 *
 * Pango follows UAX #14, which allows a break after "/" and after "-": "25/KH-" could end a
 * line and "THCS" start the next. Offices never cut a symbol, a date or a "IV/2013". Pango 1.50
 * has PangoAttrAllowBreaks (since 1.44): with it FALSE over a range, no line break and no
 * character break is allowed inside the range. It changes no character of the layout's text,
 * so the PDF's text is the plan's text.
 *
 * A dotted leader that the user typed to be filled in by hand is kept as typed too: the text
 * that holds one is not justified (see plan_line_breaks_has_leader()), and the leader may be
 * broken between its dots, so that it fills its line to the margin.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "plan-line-breaks"

#include "config.h"

#include "plan-line-breaks.h"

/* Longer runs are not symbols (a URL, a path): they may wrap as before. */
#define MAX_TOKEN_CHARS 40

static gboolean
is_joiner (gunichar c)
{
  return c == '/' || c == '-' ||
         c == 0x2010 ||   /* HYPHEN */
         c == 0x2011 ||   /* NON-BREAKING HYPHEN */
         c == 0x2013;     /* EN DASH, Word's AutoCorrect of " - " and of "-" in numbers */
}

static gboolean
is_token_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static void
keep_whole (PangoAttrList *attrs,
            guint          start,
            guint          end)
{
  PangoAttribute *attr = pango_attr_allow_breaks_new (FALSE);

  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
}

guint
plan_line_breaks_keep_tokens (PangoAttrList *attrs,
                              const char    *text,
                              gsize          length)
{
  const char *end = text + length;
  const char *p = text;
  guint n_tokens = 0;

  g_return_val_if_fail (attrs != NULL, 0);
  g_return_val_if_fail (text != NULL, 0);

  while (p < end)
    {
      const char *start, *last_alnum_end = NULL;
      gboolean joined = FALSE, after_joiner = FALSE;
      guint n_chars = 0;

      /* A token starts at a letter or digit… */
      if (!is_token_char (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      /* …and runs over letters, digits and joiners; it ends at anything else. */
      start = p;
      while (p < end)
        {
          gunichar c = g_utf8_get_char (p);

          if (is_token_char (c))
            {
              if (after_joiner)
                joined = TRUE;   /* a joiner between two letters or digits */
              after_joiner = FALSE;
              p = g_utf8_next_char (p);
              last_alnum_end = p;
            }
          else if (is_joiner (c) && !after_joiner)
            {
              after_joiner = TRUE;
              p = g_utf8_next_char (p);
            }
          else
            {
              break;
            }
          n_chars++;
        }

      if (joined && n_chars <= MAX_TOKEN_CHARS)
        {
          keep_whole (attrs, start - text, last_alnum_end - text);
          n_tokens++;
        }
    }

  return n_tokens;
}

/* Shorter runs are an ellipsis ("v.v...", "…"), not a field to fill in. */
#define LEADER_MIN_DOTS 5

#define ZERO_WIDTH_SPACE "\xe2\x80\x8b"

static guint
dot_units (gunichar c)
{
  return c == '.' ? 1 : c == 0x2026 ? 3 : 0;
}

/* The end of the run of dots that starts at @p, and its length in dots */
static const char *
dot_run_end (const char *p,
             guint      *n_dots)
{
  *n_dots = 0;
  while (*p != '\0' && dot_units (g_utf8_get_char (p)) > 0)
    {
      *n_dots += dot_units (g_utf8_get_char (p));
      p = g_utf8_next_char (p);
    }

  return p;
}

void
plan_line_breaks_append_opening_leaders (GString    *out,
                                         const char *text)
{
  const char *p = text;

  g_return_if_fail (out != NULL);
  g_return_if_fail (text != NULL);

  while (*p != '\0')
    {
      guint n_dots;
      const char *end = dot_run_end (p, &n_dots);

      if (n_dots >= LEADER_MIN_DOTS)
        {
          /* A break before the leader (after "Tên Công ty:") and after each of its dots
           * but the last (a "./." after it stays with it) */
          if (p != text && !g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (p))))
            g_string_append (out, ZERO_WIDTH_SPACE);
          for (const char *q = p; q < end; q = g_utf8_next_char (q))
            {
              g_string_append_len (out, q, g_utf8_next_char (q) - q);
              if (g_utf8_next_char (q) < end)
                g_string_append (out, ZERO_WIDTH_SPACE);
            }
          p = end;
        }
      else if (end > p)
        {
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else
        {
          /* "\r" never reaches a layout: "\n" alone breaks the line */
          if (*p != '\r')
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          p = g_utf8_next_char (p);
        }
    }
}

gboolean
plan_line_breaks_has_leader (const char *text,
                             gsize       length)
{
  const char *end = text + length;
  guint run = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      guint units = dot_units (g_utf8_get_char (p));

      /* A ZWSP between the dots (plan_line_breaks_append_opening_leaders) continues the run */
      if (units > 0)
        run += units;
      else if (g_utf8_get_char (p) != 0x200B)
        run = 0;
      if (run >= LEADER_MIN_DOTS)
        return TRUE;
    }

  return FALSE;
}
