/* plan-json-syntax.c: the syntax pass that runs before the file is parsed (docs/file-format.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "plan-json.h"
#include "plan-json-private.h"


/* ============================================================================================
 * Syntax check
 *
 * json-glib 1.6 is lenient in places, recurses without a limit and reports positions in terms
 * of its scanner. This pass checks the bytes against RFC 8259 first, iteratively and with a
 * depth limit, so that every syntax error gets a precise line, column and plain message, and
 * the parser only ever sees input it handles well.
 * ========================================================================================== */

typedef enum {
  EXPECT_VALUE,            /* after ":" or "," in an array, or at the start */
  EXPECT_VALUE_OR_CLOSE,   /* right after "[" */
  EXPECT_KEY_OR_CLOSE,     /* right after "{" */
  EXPECT_KEY,              /* after "," in an object */
  EXPECT_COLON,
  EXPECT_COMMA_OR_CLOSE,   /* after a value; at depth 0, only white space may follow */
} SyntaxState;

typedef struct {
  char        kind;        /* '{' or '[' */
  guint       count;       /* entries (lists) or members (objects) so far */
  GHashTable *keys;        /* member names seen so far (objects only) */
} SyntaxLevel;

typedef struct {
  const char  *data;
  gsize        length;
  gsize        pos;
  guint        line;
  gsize        line_start;
  SyntaxLevel  stack[PLAN_FILE_MAX_DEPTH];
  guint        depth;
  guint        values;     /* values so far in the whole file */
} Syntax;

static guint
syntax_column (Syntax *s,
               gsize   pos)
{
  guint column = 1;

  /* Characters, not bytes: continuation bytes do not start a character. */
  for (gsize i = s->line_start; i < pos && i < s->length; i++)
    if (((guchar) s->data[i] & 0xC0) != 0x80)
      column++;

  return column;
}

static gboolean
syntax_fail (Syntax     *s,
             gsize       pos,
             int         code,
             GError    **error,
             const char *message)
{
  /* Translators: the position of a syntax error in a plan file, then what is wrong there */
  g_set_error (error, PLAN_FILE_ERROR, code, _("line %u, column %u: %s"),
               s->line, syntax_column (s, pos), message);
  return FALSE;
}

static char *
dup_char_at (Syntax *s,
             gsize   pos)
{
  const char *p = s->data + pos;
  gunichar c = g_utf8_get_char (p);

  if (c < 0x20 || c == 0x7F)
    return g_strdup_printf ("U+%04X", c);

  return g_strndup (p, g_utf8_next_char (p) - p);
}

static void
syntax_skip_space (Syntax *s)
{
  while (s->pos < s->length)
    {
      char c = s->data[s->pos];

      if (c == '\n')
        {
          s->line++;
          s->line_start = s->pos + 1;
        }
      else if (c != ' ' && c != '\t' && c != '\r')
        break;

      s->pos++;
    }
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads 4 hex digits after "\u" at @pos; -1 when they are not there. */
static int
read_u_escape (Syntax *s,
               gsize   pos)
{
  int value = 0;

  if (pos + 6 > s->length || s->data[pos] != '\\' || s->data[pos + 1] != 'u')
    return -1;

  for (guint i = 2; i < 6; i++)
    {
      int digit = hex_value (s->data[pos + i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* At a '"'. On success, @raw_start and @raw_end delimit the raw text between the quotes. */
static gboolean
syntax_string (Syntax  *s,
               gsize   *raw_start,
               gsize   *raw_end,
               GError **error)
{
  gsize start = s->pos;

  s->pos++;
  *raw_start = s->pos;

  for (;;)
    {
      guchar c;

      if (s->pos >= s->length)
        return syntax_fail (s, start, PLAN_FILE_ERROR_SYNTAX, error,
                            _("the text that starts here has no closing quote"));

      c = s->data[s->pos];

      if (c == '"')
        {
          *raw_end = s->pos;
          s->pos++;
          return TRUE;
        }

      if (c == '\\')
        {
          char e = s->pos + 1 < s->length ? s->data[s->pos + 1] : '\0';

          if (strchr ("\"\\/bfnrt", e) != NULL && e != '\0')
            {
              s->pos += 2;
              continue;
            }

          if (e == 'u')
            {
              int code = read_u_escape (s, s->pos);

              if (code < 0)
                return syntax_fail (s, s->pos, PLAN_FILE_ERROR_SYNTAX, error,
                                    _("“\\u” must be followed by four hexadecimal digits"));
              if (code == 0)
                return syntax_fail (s, s->pos, PLAN_FILE_ERROR_SYNTAX, error,
                                    _("text cannot contain the character U+0000"));
              if (code >= 0xDC00 && code <= 0xDFFF)
                return syntax_fail (s, s->pos, PLAN_FILE_ERROR_SYNTAX, error,
                                    _("“\\u” escape of half a character (a lone low surrogate)"));
              if (code >= 0xD800 && code <= 0xDBFF)
                {
                  int low = read_u_escape (s, s->pos + 6);

                  if (low < 0xDC00 || low > 0xDFFF)
                    return syntax_fail (s, s->pos, PLAN_FILE_ERROR_SYNTAX, error,
                                        _("“\\u” escape of half a character "
                                          "(a lone high surrogate)"));
                  s->pos += 12;
                  continue;
                }

              s->pos += 6;
              continue;
            }

          {
            g_autofree char *seq = e != '\0' ? dup_char_at (s, s->pos + 1) : g_strdup ("");
            /* Translators: %s is the character after a backslash inside a JSON string */
            g_autofree char *message = g_strdup_printf (_("invalid escape “\\%s” in text"), seq);

            return syntax_fail (s, s->pos, PLAN_FILE_ERROR_SYNTAX, error, message);
          }
        }

      if (c == '\n' || c == '\r')
        return syntax_fail (s, s->pos, PLAN_FILE_ERROR_SYNTAX, error,
                            _("line break inside text (is a closing quote missing? "
                              "A line break in text is written \\n)"));

      if (c < 0x20)
        {
          /* Translators: %04X is the hexadecimal code of a control character such as a tab */
          g_autofree char *message = g_strdup_printf (_("control character U+%04X inside text "
                                                        "(write a tab as \\t)"), c);

          return syntax_fail (s, s->pos, PLAN_FILE_ERROR_SYNTAX, error, message);
        }

      s->pos++;
    }
}

static gboolean
is_delimiter (Syntax *s,
              gsize   pos)
{
  char c;

  if (pos >= s->length)
    return TRUE;

  c = s->data[pos];
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ']' || c == '}'
         || c == ':';
}

static gboolean
syntax_number (Syntax  *s,
               GError **error)
{
  gsize start = s->pos;
  gsize p = s->pos;
  gboolean is_integer = TRUE;
  g_autofree char *text = NULL;

#define DIGIT(i) ((i) < s->length && g_ascii_isdigit (s->data[i]))
  if (p < s->length && s->data[p] == '-')
    p++;

  if (!DIGIT (p))
    goto invalid;
  if (s->data[p] == '0')
    p++;
  else
    while (DIGIT (p))
      p++;

  if (p < s->length && s->data[p] == '.')
    {
      is_integer = FALSE;
      p++;
      if (!DIGIT (p))
        goto invalid;
      while (DIGIT (p))
        p++;
    }

  if (p < s->length && (s->data[p] == 'e' || s->data[p] == 'E'))
    {
      is_integer = FALSE;
      p++;
      if (p < s->length && (s->data[p] == '+' || s->data[p] == '-'))
        p++;
      if (!DIGIT (p))
        goto invalid;
      while (DIGIT (p))
        p++;
    }
#undef DIGIT

  if (!is_delimiter (s, p))
    goto invalid;

  text = g_strndup (s->data + start, p - start);
  if (is_integer)
    {
      /* Only ERANGE says "too large": the text is digits already, and errno can carry a
       * thread's wait from GLib's first use of its C locale (see main.c) */
      errno = 0;
      g_ascii_strtoll (text, NULL, 10);
      if (errno == ERANGE)
        return syntax_fail (s, start, PLAN_FILE_ERROR_SYNTAX, error, _("the number is too large"));
    }
  else if (!isfinite (g_ascii_strtod (text, NULL)))
    {
      return syntax_fail (s, start, PLAN_FILE_ERROR_SYNTAX, error, _("the number is too large"));
    }

  s->pos = p;
  return TRUE;

invalid:
  while (!is_delimiter (s, p))
    p = g_utf8_next_char (s->data + p) - s->data;
  text = g_strndup (s->data + start, MIN (p, s->length) - start);
  {
    /* Translators: %s is what was found where a number was expected, e.g. "01" or "1." */
    g_autofree char *message = g_strdup_printf (_("invalid number “%s”"), text);

    return syntax_fail (s, start, PLAN_FILE_ERROR_SYNTAX, error, message);
  }
}

static gboolean
syntax_word (Syntax  *s,
             GError **error)
{
  gsize start = s->pos;
  gsize p = s->pos;
  g_autofree char *word = NULL;
  g_autofree char *message = NULL;

  while (p < s->length)
    {
      gunichar c = g_utf8_get_char (s->data + p);

      if (!g_unichar_isalnum (c) && c != '_')
        break;
      p = g_utf8_next_char (s->data + p) - s->data;
    }

  word = g_strndup (s->data + start, p - start);
  if (g_str_equal (word, "true") || g_str_equal (word, "false") || g_str_equal (word, "null"))
    {
      s->pos = p;
      return TRUE;
    }

  /* Translators: %s is a bare word in the file, such as True or Kế */
  message = g_strdup_printf (_("unexpected word “%s” (text must be in double quotes)"), word);
  return syntax_fail (s, start, PLAN_FILE_ERROR_SYNTAX, error, message);
}

static void
syntax_clear (Syntax *s)
{
  for (guint i = 0; i < s->depth; i++)
    g_clear_pointer (&s->stack[i].keys, g_hash_table_unref);
  s->depth = 0;
}

static gboolean
syntax_push (Syntax  *s,
             char     kind,
             GError **error)
{
  if (s->depth == PLAN_FILE_MAX_DEPTH)
    {
      g_autofree char *message = NULL;

      /* Translators: %d is the maximum nesting depth of lists and objects in a plan file */
      message = g_strdup_printf (_("the plan is nested more than %d levels deep"),
                                 PLAN_FILE_MAX_DEPTH);
      return syntax_fail (s, s->pos, PLAN_FILE_ERROR_TOO_DEEP, error, message);
    }

  s->stack[s->depth].kind = kind;
  s->stack[s->depth].count = 0;
  s->stack[s->depth].keys = kind == '{' ? g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                  g_free, NULL)
                                        : NULL;
  s->depth++;
  s->pos++;
  return TRUE;
}

static void
syntax_pop (Syntax *s)
{
  s->depth--;
  g_clear_pointer (&s->stack[s->depth].keys, g_hash_table_unref);
  s->pos++;
}

/* Called where a value (@is_value) or a member name starts: enforces the size limits before
 * json-glib builds anything in memory. A member's value counts in the file's values, its name
 * in the object's members. */
static gboolean
syntax_count (Syntax   *s,
              gboolean  is_value,
              GError  **error)
{
  SyntaxLevel *level = s->depth > 0 ? &s->stack[s->depth - 1] : NULL;
  g_autofree char *message = NULL;

  if (is_value && ++s->values > PLAN_FILE_MAX_VALUES)
    {
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: a size limit of plan files */
                                              "the plan holds more than %d value (texts, "
                                              "numbers, lists); it is too large to open",
                                              "the plan holds more than %d values (texts, "
                                              "numbers, lists); it is too large to open",
                                              PLAN_FILE_MAX_VALUES),
                                 PLAN_FILE_MAX_VALUES);
      return syntax_fail (s, s->pos, PLAN_FILE_ERROR_TOO_LARGE, error, message);
    }

  if (level == NULL || (level->kind == '[') != is_value)
    return TRUE;

  if (++level->count <= PLAN_FILE_MAX_LIST_LENGTH)
    return TRUE;

  if (level->kind == '[')
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            /* Translators: a size limit of plan files; a list
                                             * is e.g. the rows of a table */
                                            "a list in a plan can have at most %d entry "
                                            "(table rows, paragraphs, items); this one has more",
                                            "a list in a plan can have at most %d entries "
                                            "(table rows, paragraphs, items); this one has more",
                                            PLAN_FILE_MAX_LIST_LENGTH),
                               PLAN_FILE_MAX_LIST_LENGTH);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            /* Translators: a size limit of plan files */
                                            "an object in a plan can have at most %d member; "
                                            "this one has more",
                                            "an object in a plan can have at most %d members; "
                                            "this one has more",
                                            PLAN_FILE_MAX_LIST_LENGTH),
                               PLAN_FILE_MAX_LIST_LENGTH);
  return syntax_fail (s, s->pos, PLAN_FILE_ERROR_TOO_LARGE, error, message);
}

static gboolean
check_syntax_inner (Syntax  *s,
                    GError **error)
{
  SyntaxState state = EXPECT_VALUE;
  char after = '\0';   /* the punctuation that led to EXPECT_VALUE / EXPECT_KEY */

  for (;;)
    {
      char c;

      syntax_skip_space (s);

      if (s->pos >= s->length)
        {
          if (state == EXPECT_COMMA_OR_CLOSE && s->depth == 0)
            return TRUE;

          return syntax_fail (s, s->pos, PLAN_FILE_ERROR_SYNTAX, error,
                              _("the file ends too early (is it cut short?)"));
        }

      c = s->data[s->pos];

      switch (state)
        {
        case EXPECT_VALUE_OR_CLOSE:
          if (c == ']')
            {
              syntax_pop (s);
              state = EXPECT_COMMA_OR_CLOSE;
              break;
            }
          G_GNUC_FALLTHROUGH;

        case EXPECT_VALUE:
          if (c != ']' && c != '}' && !syntax_count (s, TRUE, error))
            return FALSE;

          if (c == '{')
            {
              if (!syntax_push (s, '{', error))
                return FALSE;
              state = EXPECT_KEY_OR_CLOSE;
            }
          else if (c == '[')
            {
              if (!syntax_push (s, '[', error))
                return FALSE;
              state = EXPECT_VALUE_OR_CLOSE;
            }
          else if (c == '"')
            {
              gsize a, b;

              if (!syntax_string (s, &a, &b, error))
                return FALSE;
              state = EXPECT_COMMA_OR_CLOSE;
            }
          else if (c == '-' || g_ascii_isdigit (c))
            {
              if (!syntax_number (s, error))
                return FALSE;
              state = EXPECT_COMMA_OR_CLOSE;
            }
          else if (g_unichar_isalpha (g_utf8_get_char (s->data + s->pos)))
            {
              if (!syntax_word (s, error))
                return FALSE;
              state = EXPECT_COMMA_OR_CLOSE;
            }
          else if ((c == ']' || c == '}') && after == ',')
            {
              g_autofree char *message = NULL;

              /* Translators: %c is a closing bracket, ] or } */
              message = g_strdup_printf (_("a comma cannot come right before “%c”"), c);
              return syntax_fail (s, s->pos, PLAN_FILE_ERROR_SYNTAX, error, message);
            }
          else if (c == '\'')
            {
              return syntax_fail (s, s->pos, PLAN_FILE_ERROR_SYNTAX, error,
                                  _("text must be in double quotes, not single quotes"));
            }
          else
            {
              g_autofree char *found = dup_char_at (s, s->pos);
              g_autofree char *message = NULL;

              if (after == ':')
                /* Translators: %s is the character found where a value should have been */
                message = g_strdup_printf (_("a value is missing after “:” (found “%s”)"), found);
              else
                /* Translators: %s is the character found where a value should have been */
                message = g_strdup_printf (_("unexpected character “%s”"), found);
              return syntax_fail (s, s->pos, PLAN_FILE_ERROR_SYNTAX, error, message);
            }
          break;

        case EXPECT_KEY_OR_CLOSE:
        case EXPECT_KEY:
          if (c == '}')
            {
              if (state == EXPECT_KEY)
                return syntax_fail (s, s->pos, PLAN_FILE_ERROR_SYNTAX, error,
                                    _("a comma cannot come right before “}”"));
              syntax_pop (s);
              state = EXPECT_COMMA_OR_CLOSE;
            }
          else if (c == '"')
            {
              gsize key_pos = s->pos;
              gsize a, b;
              char *key;
              GHashTable *keys = s->stack[s->depth - 1].keys;

              if (!syntax_count (s, FALSE, error) || !syntax_string (s, &a, &b, error))
                return FALSE;

              key = g_strndup (s->data + a, b - a);
              if (g_hash_table_contains (keys, key))
                {
                  /* Translators: %s is a member name of the JSON file, e.g. "title" */
                  g_autofree char *message = g_strdup_printf (_("the member “%s” appears twice"),
                                                              key);

                  g_free (key);
                  return syntax_fail (s, key_pos, PLAN_FILE_ERROR_SYNTAX, error, message);
                }
              g_hash_table_add (keys, key);
              state = EXPECT_COLON;
            }
          else if (c == '\'')
            {
              return syntax_fail (s, s->pos, PLAN_FILE_ERROR_SYNTAX, error,
                                  _("member names must be in double quotes, not single quotes"));
            }
          else
            {
              return syntax_fail (s, s->pos, PLAN_FILE_ERROR_SYNTAX, error,
                                  _("expected a member name in double quotes"));
            }
          break;

        case EXPECT_COLON:
          if (c != ':')
            return syntax_fail (s, s->pos, PLAN_FILE_ERROR_SYNTAX, error,
                                _("expected “:” after the member name"));
          s->pos++;
          after = ':';
          state = EXPECT_VALUE;
          break;

        case EXPECT_COMMA_OR_CLOSE:
          {
            char kind;

            if (s->depth == 0)
              return syntax_fail (s, s->pos, PLAN_FILE_ERROR_SYNTAX, error,
                                  _("unexpected text after the end of the plan"));

            kind = s->stack[s->depth - 1].kind;
            if (c == ',')
              {
                s->pos++;
                after = ',';
                state = kind == '{' ? EXPECT_KEY : EXPECT_VALUE;
              }
            else if ((kind == '{' && c == '}') || (kind == '[' && c == ']'))
              {
                syntax_pop (s);
              }
            else if (kind == '{')
              {
                return syntax_fail (s, s->pos, PLAN_FILE_ERROR_SYNTAX, error,
                                    _("expected “,” or “}” (is a comma missing?)"));
              }
            else
              {
                return syntax_fail (s, s->pos, PLAN_FILE_ERROR_SYNTAX, error,
                                    _("expected “,” or “]” (is a comma missing?)"));
              }
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

gboolean
plan_json_check_syntax (const char  *data,
                        gsize        length,
                        GError     **error)
{
  Syntax s = { .data = data, .length = length, .line = 1 };
  gboolean ret;

  ret = check_syntax_inner (&s, error);
  syntax_clear (&s);

  return ret;
}
