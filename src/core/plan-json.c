/* plan-json.c: the .kehoach.json file format (docs/file-format.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "plan-doc-type.h"
#include "plan-json.h"
#include "plan-nfc.h"

/* The names written in the file for each enum, in the enum's order. They are part of the file
 * format, so they are spelled out here instead of being taken from the C names. */
static const char * const item_kind_names[] = {
  "part", "section", "numbered", "point", "bullet", "paragraph", "note", "table", NULL
};
static const char * const alignment_names[] = { "left", "center", "right", "justify", NULL };
static const char * const orientation_names[] = { "portrait", "landscape", NULL };
/* PLAN_MERGE_NONE is a plain string cell; only the other two are written as names. */
static const char * const merge_names[] = { "none", "up", "left", NULL };
static const char * const label_mode_names[] = { "auto", "custom", "none", NULL };
static const char * const reference_mode_names[] = { "auto", "custom", "none", NULL };
static const char * const numbered_style_names[] = { "dot", "paren", NULL };
static const char * const point_style_names[] = { "paren", "dot", NULL };
static const char * const part_style_names[] = { "letter", "word", NULL };
static const char * const urgency_names[] = { "none", "khan", "thuong-khan", "hoa-toc", NULL };
static const char * const secrecy_names[] = { "none", "mat", "toi-mat", "tuyet-mat", NULL };
static const char * const status_names[] = { "draft", "submitted", "returned", "approved", NULL };
static const char * const role_names[] = { "drafter", "approver", NULL };

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
      if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, NULL, NULL))
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

static gboolean
check_syntax (const char  *data,
              gsize        length,
              GError     **error)
{
  Syntax s = { .data = data, .length = length, .line = 1 };
  gboolean ret;

  ret = check_syntax_inner (&s, error);
  syntax_clear (&s);

  return ret;
}

/* ============================================================================================
 * Loading
 * ========================================================================================== */

typedef struct {
  GString    *path;       /* e.g. "appendices[0].content[1]" */
  GHashTable *comment_ids;
} Loader;

/* Fails with "path: message". */
static gboolean
fail (Loader     *l,
      GError    **error,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Loader     *l,
      GError    **error,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (l->path->len == 0)
    g_set_error_literal (error, PLAN_FILE_ERROR, PLAN_FILE_ERROR_INVALID, message);
  else
    g_set_error (error, PLAN_FILE_ERROR, PLAN_FILE_ERROR_INVALID, "%s: %s", l->path->str, message);

  return FALSE;
}

static gsize
path_push_member (Loader     *l,
                  const char *member)
{
  gsize len = l->path->len;

  if (len > 0)
    g_string_append_c (l->path, '.');
  g_string_append (l->path, member);

  return len;
}

static gsize
path_push_index (Loader *l,
                 guint   index)
{
  gsize len = l->path->len;

  g_string_append_printf (l->path, "[%u]", index);

  return len;
}

static void
path_pop (Loader *l,
          gsize   len)
{
  g_string_truncate (l->path, len);
}

static char *
format_double (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* Whole numbers without exponent: 20, not 2e+01. */
  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value);

  /* Else the shortest text that reads back as the same double: 1.27, not 1.2700000000000000. */
  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  return g_strdup (buf);
}

static char *
join_names (const char * const *names,
            gboolean            skip_first)
{
  GString *out = g_string_new (NULL);

  for (guint i = skip_first ? 1 : 0; names[i] != NULL; i++)
    {
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, names[i]);
    }

  return g_string_free (out, FALSE);
}

/* Every member of @object must be one of @allowed (NULL-terminated). */
static gboolean
check_members (Loader              *l,
               JsonObject          *object,
               const char * const  *allowed,
               GError             **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *iter = members; iter != NULL; iter = iter->next)
    {
      const char *name = iter->data;

      if (!g_strv_contains (allowed, name))
        {
          g_autofree char *names = join_names (allowed, FALSE);

          /* Translators: the first %s is a member name found in the file, the second lists the
           * allowed names */
          return fail (l, error, _("unknown member “%s” (expected one of: %s)"), name, names);
        }
    }

  return TRUE;
}

static gboolean
expect_object (Loader      *l,
               JsonNode    *node,
               JsonObject **object,
               GError     **error)
{
  *object = NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (l, error, _("expected an object"));

  *object = json_node_get_object (node);
  return TRUE;
}

static gboolean
expect_array (Loader     *l,
              JsonNode   *node,
              JsonArray **array,
              GError    **error)
{
  *array = NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (l, error, _("expected a list"));

  *array = json_node_get_array (node);
  return TRUE;
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_integer (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
node_is_number (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_INT64 ||
          json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

static gboolean
node_is_boolean (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

/* NFC copy of a string node (the syntax check guarantees UTF-8 without NUL). */
static char *
dup_nfc (JsonNode *node)
{
  return plan_utf8_nfc (json_node_get_string (node));
}

static GParamSpec *
find_pspec (gpointer    object,
            const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);

  if (pspec == NULL)
    g_critical ("%s has no property “%s”", G_OBJECT_TYPE_NAME (object), property);

  return pspec;
}

/* The range of an integer property; FALSE for other properties. */
static gboolean
get_integer_range (GParamSpec *pspec,
                   gint64     *min,
                   gint64     *max)
{
  if (G_IS_PARAM_SPEC_UINT (pspec))
    {
      *min = G_PARAM_SPEC_UINT (pspec)->minimum;
      *max = G_PARAM_SPEC_UINT (pspec)->maximum;
    }
  else if (G_IS_PARAM_SPEC_INT (pspec))
    {
      *min = G_PARAM_SPEC_INT (pspec)->minimum;
      *max = G_PARAM_SPEC_INT (pspec)->maximum;
    }
  else if (G_IS_PARAM_SPEC_INT64 (pspec))
    {
      *min = G_PARAM_SPEC_INT64 (pspec)->minimum;
      *max = G_PARAM_SPEC_INT64 (pspec)->maximum;
    }
  else
    return FALSE;

  return TRUE;
}

static gboolean
fail_outside (Loader      *l,
              GError     **error,
              const char  *found,
              const char  *min,
              const char  *max,
              const char  *unit)
{
  g_autofree char *range = NULL;

  if (unit != NULL)
    /* Translators: a range with its unit, e.g. "30–35 mm" */
    range = g_strdup_printf (_("%s–%s %s"), min, max, unit);
  else
    /* Translators: a range without unit, e.g. "1–1.5" */
    range = g_strdup_printf (_("%s–%s"), min, max);

  /* Translators: e.g. "40 is outside 30–35 mm" */
  return fail (l, error, _("%s is outside %s"), found, range);
}

/* Sets @property of @object to @value (an int64 or a double) when the property's range allows
 * it; otherwise fails with "40 is outside 30–35 mm". */
static gboolean
set_checked (Loader       *l,
             gpointer      object,
             const char   *property,
             const GValue *value,
             const char   *unit,
             GError      **error)
{
  GParamSpec *pspec = find_pspec (object, property);
  g_auto(GValue) check = G_VALUE_INIT;
  gint64 min, max;

  if (pspec == NULL)
    return fail (l, error, "internal error: no property %s", property);

  /* Checked before the transformation, which would wrap a negative or huge int64 around. */
  if (G_VALUE_HOLDS_INT64 (value) && get_integer_range (pspec, &min, &max))
    {
      gint64 v = g_value_get_int64 (value);

      if (v < min || v > max)
        {
          g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, v);
          g_autofree char *min_text = g_strdup_printf ("%" G_GINT64_FORMAT, min);
          g_autofree char *max_text = g_strdup_printf ("%" G_GINT64_FORMAT, max);

          return fail_outside (l, error, found, min_text, max_text, unit);
        }
    }

  g_value_init (&check, G_PARAM_SPEC_VALUE_TYPE (pspec));
  if (!g_value_transform (value, &check))
    return fail (l, error, "internal error: property %s has an unexpected type", property);

  if (g_param_value_validate (pspec, &check))
    {
      if (G_IS_PARAM_SPEC_DOUBLE (pspec) && G_VALUE_HOLDS_DOUBLE (value))
        {
          g_autofree char *found = format_double (g_value_get_double (value));
          g_autofree char *min_text = format_double (G_PARAM_SPEC_DOUBLE (pspec)->minimum);
          g_autofree char *max_text = format_double (G_PARAM_SPEC_DOUBLE (pspec)->maximum);

          return fail_outside (l, error, found, min_text, max_text, unit);
        }

      return fail (l, error, _("invalid value"));
    }

  g_object_set_property (G_OBJECT (object), property, &check);
  return TRUE;
}

/* The reading helpers below look up @member in @object; when it is absent they leave the
 * property at its default and succeed. */

static gboolean
read_string (Loader      *l,
             JsonObject  *object,
             const char  *member,
             gpointer     target,
             const char  *property,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *text = NULL;
  gsize saved;

  if (node == NULL)
    return TRUE;

  saved = path_push_member (l, member);
  if (!node_is_string (node))
    return fail (l, error, _("expected a string"));
  path_pop (l, saved);

  text = dup_nfc (node);
  g_object_set (target, property, text, NULL);
  return TRUE;
}

static gboolean
read_boolean (Loader      *l,
              JsonObject  *object,
              const char  *member,
              gpointer     target,
              const char  *property,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  gsize saved;

  if (node == NULL)
    return TRUE;

  saved = path_push_member (l, member);
  if (!node_is_boolean (node))
    return fail (l, error, _("expected true or false"));
  path_pop (l, saved);

  g_object_set (target, property, json_node_get_boolean (node), NULL);
  return TRUE;
}

static gboolean
read_integer (Loader      *l,
              JsonObject  *object,
              const char  *member,
              gpointer     target,
              const char  *property,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_auto(GValue) value = G_VALUE_INIT;
  gsize saved;

  if (node == NULL)
    return TRUE;

  saved = path_push_member (l, member);
  if (!node_is_integer (node))
    return fail (l, error, _("expected a whole number"));

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, json_node_get_int (node));
  if (!set_checked (l, target, property, &value, NULL, error))
    return FALSE;
  path_pop (l, saved);

  return TRUE;
}

static gboolean
read_double (Loader      *l,
             JsonObject  *object,
             const char  *member,
             gpointer     target,
             const char  *property,
             const char  *unit,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_auto(GValue) value = G_VALUE_INIT;
  gsize saved;

  if (node == NULL)
    return TRUE;

  saved = path_push_member (l, member);
  if (!node_is_number (node))
    return fail (l, error, _("expected a number"));

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, json_node_get_double (node));
  if (!set_checked (l, target, property, &value, unit, error))
    return FALSE;
  path_pop (l, saved);

  return TRUE;
}

/* Looks up a name of @names; -1 (and an error naming the allowed values) when absent. */
static int
parse_name (Loader             *l,
            JsonNode           *node,
            const char * const *names,
            gboolean            skip_first,
            GError            **error)
{
  const char *name;
  g_autofree char *allowed = NULL;

  if (!node_is_string (node))
    {
      allowed = join_names (names, skip_first);
      /* Translators: %s lists the allowed names, e.g. "portrait, landscape" */
      fail (l, error, _("expected one of: %s"), allowed);
      return -1;
    }

  name = json_node_get_string (node);
  for (int i = skip_first ? 1 : 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return i;

  allowed = join_names (names, skip_first);
  /* Translators: the first %s is the value found in the file, the second lists the allowed
   * values, e.g. "“sideways” is not one of: portrait, landscape" */
  fail (l, error, _("“%s” is not one of: %s"), name, allowed);
  return -1;
}

static gboolean
read_enum (Loader             *l,
           JsonObject         *object,
           const char         *member,
           const char * const *names,
           gpointer            target,
           const char         *property,
           GError            **error)
{
  JsonNode *node = json_object_get_member (object, member);
  gsize saved;
  int value;

  if (node == NULL)
    return TRUE;

  saved = path_push_member (l, member);
  value = parse_name (l, node, names, FALSE, error);
  if (value < 0)
    return FALSE;
  path_pop (l, saved);

  g_object_set (target, property, value, NULL);
  return TRUE;
}

/* "2026-05-27T08:30:00Z" or null (no time, 0). */
static gboolean
read_time (Loader      *l,
           JsonObject  *object,
           const char  *member,
           gpointer     target,
           const char  *property,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GDateTime) time = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  guint year, month, day, hour, minute, second;
  char end;
  gsize saved;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  saved = path_push_member (l, member);
  if (!node_is_string (node) ||
      strlen (json_node_get_string (node)) != 20 ||
      sscanf (json_node_get_string (node), "%4u-%2u-%2uT%2u:%2u:%2uZ%c",
              &year, &month, &day, &hour, &minute, &second, &end) != 6 ||
      json_node_get_string (node)[4] != '-' || json_node_get_string (node)[19] != 'Z' ||
      (time = g_date_time_new_utc (year, month, day, hour, minute, second)) == NULL)
    return fail (l, error, _("expected a time in UTC such as “2026-05-27T08:30:00Z”, or null"));

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, g_date_time_to_unix (time));
  if (!set_checked (l, target, property, &value, NULL, error))
    return FALSE;
  path_pop (l, saved);

  return TRUE;
}

/* A string, or a list of runs {"text": …, "bold": true, "italic": true, "underline": true}. */
static PlanText *
read_text_node (Loader    *l,
                JsonNode  *node,
                GError   **error)
{
  static const char * const run_members[] = { "text", "bold", "italic", "underline", NULL };
  g_autoptr(GArray) runs = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  JsonArray *array;
  PlanText *text;

  if (node_is_string (node))
    {
      g_autofree char *plain = dup_nfc (node);

      return plan_text_new (plain);
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (l, error, _("expected text (a string or a list of runs)"));
      return NULL;
    }

  array = json_node_get_array (node);
  runs = g_array_new (FALSE, TRUE, sizeof (PlanRun));
  texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gsize saved = path_push_index (l, i);
      JsonObject *run;
      JsonNode *member;
      PlanRun r = { NULL, 0 };
      static const struct {
        const char *name;
        PlanStyle   style;
      } flags[] = {
        { "bold", PLAN_STYLE_BOLD },
        { "italic", PLAN_STYLE_ITALIC },
        { "underline", PLAN_STYLE_UNDERLINE },
      };

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          fail (l, error, _("expected a run of text such as {\"text\": \"…\", \"bold\": true}"));
          return NULL;
        }
      run = json_node_get_object (element);
      if (!check_members (l, run, run_members, error))
        return NULL;

      member = json_object_get_member (run, "text");
      if (member == NULL)
        {
          /* Translators: %s is the name of a required member, e.g. "kind" */
          fail (l, error, _("the member “%s” is missing"), "text");
          return NULL;
        }
      if (!node_is_string (member))
        {
          path_push_member (l, "text");
          fail (l, error, _("expected a string"));
          return NULL;
        }
      r.text = dup_nfc (member);
      g_ptr_array_add (texts, (char *) r.text);

      for (guint f = 0; f < G_N_ELEMENTS (flags); f++)
        {
          member = json_object_get_member (run, flags[f].name);
          if (member == NULL)
            continue;
          if (!node_is_boolean (member))
            {
              path_push_member (l, flags[f].name);
              fail (l, error, _("expected true or false"));
              return NULL;
            }
          if (json_node_get_boolean (member))
            r.style |= flags[f].style;
        }

      g_array_append_val (runs, r);
      path_pop (l, saved);
    }

  if (runs->len == 0)
    return plan_text_new ("");

  text = plan_text_new_from_runs ((const PlanRun *) (gpointer) runs->data, runs->len);
  if (text == NULL)
    fail (l, error, _("invalid text"));

  return text;
}

static gboolean
read_text (Loader      *l,
           JsonObject  *object,
           const char  *member,
           gpointer     target,
           const char  *property,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(PlanText) text = NULL;
  gsize saved;

  if (node == NULL)
    return TRUE;

  saved = path_push_member (l, member);
  text = read_text_node (l, node, error);
  if (text == NULL)
    return FALSE;
  path_pop (l, saved);

  g_object_set (target, property, text, NULL);
  return TRUE;
}

/* Calls @read_element for each element of the list @member (absent = empty list). */
typedef gboolean (*ReadElement) (Loader    *l,
                                 JsonNode  *node,
                                 gpointer   user_data,
                                 GError   **error);

static gboolean
read_list (Loader      *l,
           JsonObject  *object,
           const char  *member,
           ReadElement  read_element,
           gpointer     user_data,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;
  gsize saved;

  if (node == NULL)
    return TRUE;

  saved = path_push_member (l, member);
  if (!expect_array (l, node, &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize saved_index = path_push_index (l, i);

      if (!read_element (l, json_array_get_element (array, i), user_data, error))
        return FALSE;
      path_pop (l, saved_index);
    }

  path_pop (l, saved);
  return TRUE;
}

/* Optional nested object: calls @read_object on it when present. */
typedef gboolean (*ReadObject) (Loader      *l,
                                JsonObject  *object,
                                gpointer     user_data,
                                GError     **error);

static gboolean
read_object (Loader      *l,
             JsonObject  *parent,
             const char  *member,
             ReadObject   read,
             gpointer     user_data,
             GError     **error)
{
  JsonNode *node = json_object_get_member (parent, member);
  JsonObject *object;
  gsize saved;

  if (node == NULL)
    return TRUE;

  saved = path_push_member (l, member);
  if (!expect_object (l, node, &object, error))
    return FALSE;
  if (!read (l, object, user_data, error))
    return FALSE;
  path_pop (l, saved);

  return TRUE;
}

static gboolean
read_paragraph (Loader    *l,
                JsonNode  *node,
                gpointer   user_data,
                GError   **error)
{
  GListStore *store = user_data;
  g_autoptr(PlanText) text = read_text_node (l, node, error);
  g_autoptr(PlanParagraph) paragraph = NULL;

  if (text == NULL)
    return FALSE;

  paragraph = plan_paragraph_new (text);
  g_list_store_append (store, paragraph);
  return TRUE;
}

static gboolean read_item (Loader *l, JsonNode *node, gpointer user_data, GError **error);

/* Cells: a string, or {"merge": "up"} / {"merge": "left"}. */
static gboolean
read_row (Loader      *l,
          JsonNode    *node,
          PlanRow     *row,
          guint        n_columns,
          gboolean     first_row,
          GError     **error)
{
  static const char * const cell_members[] = { "merge", NULL };
  JsonArray *array;
  guint n_cells;

  if (!expect_array (l, node, &array, error))
    return FALSE;

  n_cells = json_array_get_length (array);
  if (n_cells != n_columns)
    /* Translators: a table row with the wrong number of cells: "expected 5 cells, found 4" */
    return fail (l, error, g_dngettext (GETTEXT_PACKAGE, "expected %u cell, found %u",
                                        "expected %u cells, found %u", n_columns),
                 n_columns, n_cells);

  for (guint i = 0; i < n_cells; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      PlanCell *cell = plan_row_get_cell (row, i);
      gsize saved = path_push_index (l, i);

      if (node_is_string (element))
        {
          g_autofree char *text = dup_nfc (element);

          g_object_set (cell, "text", text, NULL);
        }
      else if (JSON_NODE_HOLDS_OBJECT (element))
        {
          JsonObject *object = json_node_get_object (element);
          JsonNode *merge_node;
          int merge;

          if (!check_members (l, object, cell_members, error))
            return FALSE;

          merge_node = json_object_get_member (object, "merge");
          if (merge_node == NULL)
            return fail (l, error, _("the member “%s” is missing"), "merge");

          path_push_member (l, "merge");
          merge = parse_name (l, merge_node, merge_names, TRUE, error);
          if (merge < 0)
            return FALSE;

          if (merge == PLAN_MERGE_UP && first_row)
            return fail (l, error, _("a cell of the first row has no cell above to merge with"));
          if (merge == PLAN_MERGE_LEFT && i == 0)
            return fail (l, error, _("the first cell of a row has no cell on its left to merge "
                                     "with"));

          g_object_set (cell, "merge", merge, NULL);
        }
      else
        {
          return fail (l, error, _("expected a string"));
        }

      path_pop (l, saved);
    }

  return TRUE;
}

typedef struct {
  GListModel *columns;
  guint       index;
} ColumnContext;

static gboolean
read_column (Loader    *l,
             JsonNode  *node,
             gpointer   user_data,
             GError   **error)
{
  static const char * const column_members[] = { "width", "align", NULL };
  ColumnContext *ctx = user_data;
  g_autoptr(PlanColumn) column = g_list_model_get_item (ctx->columns, ctx->index++);
  JsonObject *object;
  JsonNode *width;

  if (!expect_object (l, node, &object, error) ||
      !check_members (l, object, column_members, error))
    return FALSE;

  /* Relative widths must be positive: a zero-width column cannot be printed. */
  width = json_object_get_member (object, "width");
  if (width != NULL && node_is_number (width) && json_node_get_double (width) <= 0)
    {
      g_autofree char *found = format_double (json_node_get_double (width));

      path_push_member (l, "width");
      /* Translators: %s is a column width found in the file */
      return fail (l, error, _("%s is not a width (it must be greater than 0)"), found);
    }

  return read_double (l, object, "width", column, "width", NULL, error) &&
         read_enum (l, object, "align", alignment_names, column, "alignment", error);
}

typedef struct {
  PlanTable *table;
  gboolean   header;
  guint      index;
} RowContext;

static gboolean
read_table_row (Loader    *l,
                JsonNode  *node,
                gpointer   user_data,
                GError   **error)
{
  RowContext *ctx = user_data;
  GListModel *columns = plan_table_get_columns (ctx->table);
  guint n_columns = g_list_model_get_n_items (columns);
  PlanRow *row;
  gboolean first;

  /* A body row may not reach up into the header; the first header row has nothing above. */
  first = ctx->index == 0;
  ctx->index++;

  row = ctx->header ? plan_table_append_header_row (ctx->table)
                    : plan_table_append_row (ctx->table);

  return read_row (l, node, row, n_columns, first, error);
}

static gboolean
read_table (Loader      *l,
            JsonObject  *object,
            PlanTable  **table_out,
            GError     **error)
{
  static const char * const table_members[] = {
    "title", "note", "numbered", "columns", "header-rows", "rows", NULL
  };
  g_autoptr(PlanTable) table = NULL;
  JsonNode *columns_node;
  JsonArray *columns;
  ColumnContext column_ctx = { NULL, 0 };
  RowContext ctx = { NULL, FALSE, 0 };
  gsize saved;

  if (!check_members (l, object, table_members, error))
    return FALSE;

  columns_node = json_object_get_member (object, "columns");
  if (columns_node == NULL)
    return fail (l, error, _("the member “%s” is missing"), "columns");

  saved = path_push_member (l, "columns");
  if (!expect_array (l, columns_node, &columns, error))
    return FALSE;
  if (json_array_get_length (columns) == 0)
    return fail (l, error, _("a table needs at least one column"));
  path_pop (l, saved);

  table = plan_table_new (json_array_get_length (columns));
  column_ctx.columns = plan_table_get_columns (table);
  g_assert (g_list_model_get_n_items (column_ctx.columns) == json_array_get_length (columns));
  if (!read_list (l, object, "columns", read_column, &column_ctx, error))
    return FALSE;

  if (!read_string (l, object, "title", table, "title", error) ||
      !read_string (l, object, "note", table, "note", error) ||
      !read_boolean (l, object, "numbered", table, "numbered", error))
    return FALSE;

  ctx.table = table;
  ctx.header = TRUE;
  if (!read_list (l, object, "header-rows", read_table_row, &ctx, error))
    return FALSE;

  ctx.header = FALSE;
  ctx.index = 0;
  if (!read_list (l, object, "rows", read_table_row, &ctx, error))
    return FALSE;

  *table_out = g_steal_pointer (&table);
  return TRUE;
}

/* Appends the item to the GListStore @user_data. */
static gboolean
read_item (Loader    *l,
           JsonNode  *node,
           gpointer   user_data,
           GError   **error)
{
  static const char * const item_members[] = {
    "kind", "heading", "run-in", "paragraphs", "children", NULL
  };
  static const char * const table_item_members[] = { "kind", "table", NULL };
  GListStore *store = user_data;
  g_autoptr(PlanItem) item = NULL;
  JsonObject *object;
  JsonNode *kind_node;
  gsize saved;
  int kind;

  if (!expect_object (l, node, &object, error))
    return FALSE;

  kind_node = json_object_get_member (object, "kind");
  if (kind_node == NULL)
    return fail (l, error, _("the member “%s” is missing"), "kind");

  saved = path_push_member (l, "kind");
  kind = parse_name (l, kind_node, item_kind_names, FALSE, error);
  if (kind < 0)
    return FALSE;
  path_pop (l, saved);

  if (kind == PLAN_ITEM_TABLE)
    {
      JsonNode *table_node = json_object_get_member (object, "table");
      JsonObject *table_object;
      g_autoptr(PlanTable) table = NULL;

      if (!check_members (l, object, table_item_members, error))
        return FALSE;
      if (table_node == NULL)
        return fail (l, error, _("the member “%s” is missing"), "table");

      saved = path_push_member (l, "table");
      if (!expect_object (l, table_node, &table_object, error) ||
          !read_table (l, table_object, &table, error))
        return FALSE;
      path_pop (l, saved);

      item = plan_item_new_table (table);
    }
  else
    {
      if (json_object_has_member (object, "table"))
        return fail (l, error, _("only items of kind “table” have a table"));
      if (!check_members (l, object, item_members, error))
        return FALSE;

      item = plan_item_new (kind, NULL);
      if (!read_text (l, object, "heading", item, "heading", error) ||
          !read_boolean (l, object, "run-in", item, "run-in", error) ||
          !read_list (l, object, "paragraphs", read_paragraph,
                      plan_item_get_paragraphs (item), error) ||
          !read_list (l, object, "children", read_item, plan_item_get_children (item), error))
        return FALSE;
    }

  g_list_store_append (store, item);
  return TRUE;
}

static gboolean
read_date (Loader      *l,
           JsonObject  *object,
           gpointer     user_data,
           GError     **error)
{
  static const char * const date_members[] = { "year", "month", "day", NULL };
  PlanDocument *document = user_data;
  guint year, month, day;

  if (!check_members (l, object, date_members, error) ||
      !read_integer (l, object, "year", document, "date-year", error) ||
      !read_integer (l, object, "month", document, "date-month", error) ||
      !read_integer (l, object, "day", document, "date-day", error))
    return FALSE;

  /* Parts may be missing in drafts (0), but those given must make a real date. */
  plan_document_get_date (document, &year, &month, &day);
  if (day > 0 && month > 0 &&
      day > g_date_get_days_in_month (month, year > 0 ? year : 2000))
    /* Translators: an impossible date found in a file, as day/month/year, e.g. "31/2/2026" */
    return fail (l, error, _("%u/%u/%u is not a date"), day, month, year);

  return TRUE;
}

static gboolean
read_header (Loader      *l,
             JsonObject  *object,
             gpointer     user_data,
             GError     **error)
{
  static const char * const header_members[] = {
    "parent-agency", "agency", "agency-abbrev", "doc-type", "number", "place", "date", "title",
    "urgency", "secrecy", "circulation", NULL
  };
  PlanDocument *document = user_data;
  JsonNode *doc_type;

  if (!check_members (l, object, header_members, error))
    return FALSE;

  doc_type = json_object_get_member (object, "doc-type");
  if (doc_type != NULL && node_is_string (doc_type) &&
      plan_doc_type_lookup (json_node_get_string (doc_type)) == NULL)
    {
      guint n_types;
      const PlanDocType *types = plan_doc_types (&n_types);
      g_autoptr(GString) codes = g_string_new (NULL);

      for (guint i = 0; i < n_types; i++)
        if (types[i].code[0] != '\0')
          g_string_append_printf (codes, "%s%s", codes->len > 0 ? ", " : "", types[i].code);

      path_push_member (l, "doc-type");
      /* Translators: the first %s is a code found in the file, the second lists the decree's
       * codes (KH, QĐ, …) */
      return fail (l, error, _("“%s” is not a document type code of the decree (“” for a "
                               "Công văn, or one of: %s)"),
                   json_node_get_string (doc_type), codes->str);
    }

  return read_string (l, object, "parent-agency", document, "parent-agency", error) &&
         read_string (l, object, "agency", document, "agency", error) &&
         read_string (l, object, "agency-abbrev", document, "agency-abbrev", error) &&
         read_string (l, object, "doc-type", document, "doc-type", error) &&
         read_integer (l, object, "number", document, "number", error) &&
         read_string (l, object, "place", document, "place", error) &&
         read_object (l, object, "date", read_date, document, error) &&
         read_string (l, object, "title", document, "title", error) &&
         read_enum (l, object, "urgency", urgency_names, document, "urgency", error) &&
         read_enum (l, object, "secrecy", secrecy_names, document, "secrecy", error) &&
         read_string (l, object, "circulation", document, "circulation", error);
}

static gboolean
read_numbering (Loader      *l,
                JsonObject  *object,
                gpointer     user_data,
                GError     **error)
{
  static const char * const numbering_members[] = { "part", "numbered", "point", NULL };
  PlanDocument *document = user_data;

  return check_members (l, object, numbering_members, error) &&
         read_enum (l, object, "part", part_style_names, document, "part-style", error) &&
         read_enum (l, object, "numbered", numbered_style_names, document, "numbered-style",
                    error) &&
         read_enum (l, object, "point", point_style_names, document, "point-style", error);
}

static gboolean
read_body (Loader      *l,
           JsonObject  *object,
           gpointer     user_data,
           GError     **error)
{
  static const char * const body_members[] = { "numbering", "end-marker", "items", NULL };
  PlanDocument *document = user_data;

  return check_members (l, object, body_members, error) &&
         read_object (l, object, "numbering", read_numbering, document, error) &&
         read_boolean (l, object, "end-marker", document, "end-marker", error) &&
         read_list (l, object, "items", read_item, plan_document_get_body (document), error);
}

static gboolean
read_recipient (Loader    *l,
                JsonNode  *node,
                gpointer   user_data,
                GError   **error)
{
  static const char * const recipient_members[] = { "name", "purpose", NULL };
  GListStore *store = user_data;
  g_autoptr(PlanRecipient) recipient = plan_recipient_new ("", "");
  JsonObject *object;

  if (!expect_object (l, node, &object, error) ||
      !check_members (l, object, recipient_members, error))
    return FALSE;

  if (!json_object_has_member (object, "name"))
    return fail (l, error, _("the member “%s” is missing"), "name");

  if (!read_string (l, object, "name", recipient, "name", error) ||
      !read_string (l, object, "purpose", recipient, "purpose", error))
    return FALSE;

  g_list_store_append (store, recipient);
  return TRUE;
}

static gboolean
read_signer (Loader      *l,
             JsonObject  *object,
             gpointer     user_data,
             GError     **error)
{
  static const char * const signer_members[] = { "authority", "title", "name", "notes", NULL };
  PlanDocument *document = user_data;

  return check_members (l, object, signer_members, error) &&
         read_string (l, object, "authority", document, "signer-authority", error) &&
         read_string (l, object, "title", document, "signer-title", error) &&
         read_string (l, object, "name", document, "signer-name", error) &&
         read_string (l, object, "notes", document, "signer-notes", error);
}

static gboolean
read_closing (Loader      *l,
              JsonObject  *object,
              gpointer     user_data,
              GError     **error)
{
  static const char * const closing_members[] = { "recipients", "archive", "signer", NULL };
  PlanDocument *document = user_data;

  return check_members (l, object, closing_members, error) &&
         read_list (l, object, "recipients", read_recipient,
                    plan_document_get_recipients (document), error) &&
         read_string (l, object, "archive", document, "archive", error) &&
         read_object (l, object, "signer", read_signer, document, error);
}

static gboolean
read_appendix (Loader    *l,
               JsonNode  *node,
               gpointer   user_data,
               GError   **error)
{
  static const char * const appendix_members[] = {
    "label-mode", "label", "title", "reference-mode", "reference", "orientation", "content", NULL
  };
  GListStore *store = user_data;
  g_autoptr(PlanAppendix) appendix = plan_appendix_new ("");
  JsonObject *object;

  if (!expect_object (l, node, &object, error))
    return FALSE;

  if (!check_members (l, object, appendix_members, error) ||
      !read_enum (l, object, "label-mode", label_mode_names, appendix, "label-mode", error) ||
      !read_string (l, object, "label", appendix, "label", error) ||
      !read_string (l, object, "title", appendix, "title", error) ||
      !read_enum (l, object, "reference-mode", reference_mode_names, appendix, "reference-mode",
                  error) ||
      !read_string (l, object, "reference", appendix, "reference", error) ||
      !read_enum (l, object, "orientation", orientation_names, appendix, "orientation", error) ||
      !read_list (l, object, "content", read_item, plan_appendix_get_content (appendix), error))
    return FALSE;

  g_list_store_append (store, appendix);
  return TRUE;
}

static gboolean
read_layout (Loader      *l,
             JsonObject  *object,
             gpointer     user_data,
             GError     **error)
{
  static const char * const layout_members[] = {
    "margin-top", "margin-bottom", "margin-left", "margin-right", "font-size", "line-spacing",
    "paragraph-spacing", "first-line-indent", "draft-watermark", NULL
  };
  PlanDocument *document = user_data;
  /* Translators: unit abbreviations used in range messages */
  const char *mm = _("mm");
  const char *pt = _("pt");

  return check_members (l, object, layout_members, error) &&
         read_double (l, object, "margin-top", document, "margin-top", mm, error) &&
         read_double (l, object, "margin-bottom", document, "margin-bottom", mm, error) &&
         read_double (l, object, "margin-left", document, "margin-left", mm, error) &&
         read_double (l, object, "margin-right", document, "margin-right", mm, error) &&
         read_double (l, object, "font-size", document, "font-size", pt, error) &&
         read_double (l, object, "line-spacing", document, "line-spacing", NULL, error) &&
         read_double (l, object, "paragraph-spacing", document, "paragraph-spacing", pt, error) &&
         read_double (l, object, "first-line-indent", document, "first-line-indent", mm, error) &&
         read_boolean (l, object, "draft-watermark", document, "draft-watermark", error);
}

static gboolean
read_comment (Loader    *l,
              JsonNode  *node,
              gpointer   user_data,
              GError   **error)
{
  static const char * const comment_members[] = {
    "id", "target", "author", "role", "time", "text", "reply-to", "resolved", NULL
  };
  GListStore *store = user_data;
  g_autoptr(PlanComment) comment = plan_comment_new ("", "", PLAN_ROLE_DRAFTER, "");
  JsonObject *object;
  const char *id;

  if (!expect_object (l, node, &object, error) ||
      !check_members (l, object, comment_members, error))
    return FALSE;

  if (!json_object_has_member (object, "id"))
    return fail (l, error, _("the member “%s” is missing"), "id");

  if (!read_string (l, object, "id", comment, "id", error) ||
      !read_string (l, object, "target", comment, "target", error) ||
      !read_string (l, object, "author", comment, "author", error) ||
      !read_enum (l, object, "role", role_names, comment, "role", error) ||
      !read_time (l, object, "time", comment, "time", error) ||
      !read_string (l, object, "text", comment, "text", error) ||
      !read_string (l, object, "reply-to", comment, "reply-to", error) ||
      !read_boolean (l, object, "resolved", comment, "resolved", error))
    return FALSE;

  id = plan_comment_get_id (comment);
  if (id[0] == '\0' || g_hash_table_contains (l->comment_ids, id))
    {
      path_push_member (l, "id");
      if (id[0] == '\0')
        return fail (l, error, _("a comment needs an id"));
      /* Translators: %s is the id of a comment */
      return fail (l, error, _("another comment already has the id “%s”"), id);
    }
  g_hash_table_add (l->comment_ids, g_strdup (id));

  g_list_store_append (store, comment);
  return TRUE;
}

static gboolean
read_event (Loader    *l,
            JsonNode  *node,
            gpointer   user_data,
            GError   **error)
{
  static const char * const event_members[] = {
    "actor", "actor-title", "role", "time", "action", "note", NULL
  };
  GListStore *store = user_data;
  g_autoptr(PlanEvent) event = plan_event_new ("", "", PLAN_ROLE_DRAFTER, 0,
                                               PLAN_STATUS_DRAFT, "");
  JsonObject *object;

  if (!expect_object (l, node, &object, error) ||
      !check_members (l, object, event_members, error))
    return FALSE;

  if (!json_object_has_member (object, "action"))
    return fail (l, error, _("the member “%s” is missing"), "action");

  if (!read_string (l, object, "actor", event, "actor", error) ||
      !read_string (l, object, "actor-title", event, "actor-title", error) ||
      !read_enum (l, object, "role", role_names, event, "role", error) ||
      !read_time (l, object, "time", event, "time", error) ||
      !read_enum (l, object, "action", status_names, event, "action", error) ||
      !read_string (l, object, "note", event, "note", error))
    return FALSE;

  g_list_store_append (store, event);
  return TRUE;
}

static gboolean
read_approved_part (Loader    *l,
                    JsonNode  *node,
                    gpointer   user_data,
                    GError   **error)
{
  static const char * const part_members[] = { "id", "label", "digest", NULL };
  GListStore *store = user_data;
  g_autoptr(PlanApprovedPart) part = plan_approved_part_new ("", "", "");
  JsonObject *object;

  if (!expect_object (l, node, &object, error) ||
      !check_members (l, object, part_members, error) ||
      !read_string (l, object, "id", part, "id", error) ||
      !read_string (l, object, "label", part, "label", error) ||
      !read_string (l, object, "digest", part, "digest", error))
    return FALSE;

  g_list_store_append (store, part);
  return TRUE;
}

/* Only stored here: whether the approval is genuine is for plan_approval_verify() to say. */
static gboolean
read_approval (Loader      *l,
               JsonObject  *object,
               gpointer     user_data,
               GError     **error)
{
  static const char * const approval_members[] = {
    "name", "title", "key-id", "public-key", "signature", "time", "parts", NULL
  };
  PlanReview *review = user_data;

  return check_members (l, object, approval_members, error) &&
         read_string (l, object, "name", review, "approval-name", error) &&
         read_string (l, object, "title", review, "approval-title", error) &&
         read_string (l, object, "key-id", review, "approval-key-id", error) &&
         read_string (l, object, "public-key", review, "approval-public-key", error) &&
         read_string (l, object, "signature", review, "approval-signature", error) &&
         read_time (l, object, "time", review, "approval-time", error) &&
         read_list (l, object, "parts", read_approved_part,
                    plan_review_get_approved_parts (review), error);
}

static gboolean
read_review (Loader      *l,
             JsonObject  *object,
             gpointer     user_data,
             GError     **error)
{
  static const char * const review_members[] = {
    "status", "comments", "history", "approval", NULL
  };
  PlanReview *review = user_data;
  GListModel *comments = plan_review_get_comments (review);
  JsonNode *approval;

  if (!check_members (l, object, review_members, error) ||
      !read_enum (l, object, "status", status_names, review, "status", error) ||
      !read_list (l, object, "comments", read_comment, comments, error) ||
      !read_list (l, object, "history", read_event, plan_review_get_history (review), error))
    return FALSE;

  /* A reply must answer a comment of the same plan. */
  for (guint i = 0; i < g_list_model_get_n_items (comments); i++)
    {
      g_autoptr(PlanComment) comment = g_list_model_get_item (comments, i);
      const char *reply_to = plan_comment_get_reply_to (comment);

      if (reply_to[0] != '\0' && !g_hash_table_contains (l->comment_ids, reply_to))
        {
          path_push_member (l, "comments");
          path_push_index (l, i);
          path_push_member (l, "reply-to");
          /* Translators: %s is the id of a comment */
          return fail (l, error, _("no comment has the id “%s”"), reply_to);
        }
    }

  approval = json_object_get_member (object, "approval");
  if (approval != NULL && JSON_NODE_HOLDS_NULL (approval))
    return TRUE;

  return read_object (l, object, "approval", read_approval, review, error);
}

static PlanDocument *
read_document (Loader     *l,
               JsonNode   *root,
               GError    **error)
{
  static const char * const document_members[] = {
    "format", "version", "header", "preamble", "body", "closing", "appendices", "layout",
    "review", NULL
  };
  g_autoptr(PlanDocument) document = NULL;
  JsonObject *object;
  JsonNode *format;
  JsonNode *version;
  gint64 version_number;

  format = JSON_NODE_HOLDS_OBJECT (root)
           ? json_object_get_member (json_node_get_object (root), "format")
           : NULL;
  if (format == NULL || !node_is_string (format) ||
      !g_str_equal (json_node_get_string (format), PLAN_FILE_FORMAT_NAME))
    {
      g_set_error_literal (error, PLAN_FILE_ERROR, PLAN_FILE_ERROR_NOT_A_PLAN,
                           _("This is not a Kế hoạch plan file (its “format” is not “kehoach”)"));
      return NULL;
    }

  object = json_node_get_object (root);
  version = json_object_get_member (object, "version");
  if (version == NULL)
    {
      fail (l, error, _("the member “%s” is missing"), "version");
      return NULL;
    }

  if (!node_is_integer (version) || json_node_get_int (version) < 1)
    {
      path_push_member (l, "version");
      fail (l, error, _("expected a format version (a whole number from 1)"));
      return NULL;
    }

  version_number = json_node_get_int (version);
  if (version_number > PLAN_FILE_FORMAT_VERSION)
    {
      /* Translators: the first number is the format version of the file, the second the one this
       * version of the app reads */
      g_autofree char *file_version = g_strdup_printf ("%" G_GINT64_FORMAT, version_number);

      g_set_error (error, PLAN_FILE_ERROR, PLAN_FILE_ERROR_TOO_NEW,
                   _("This plan was saved by a newer version of Kế hoạch (file format %s); "
                     "this version reads format %d"),
                   file_version, PLAN_FILE_FORMAT_VERSION);
      return NULL;
    }

  if (!check_members (l, object, document_members, error))
    return NULL;

  document = plan_document_new ();

  if (!read_object (l, object, "header", read_header, document, error) ||
      !read_list (l, object, "preamble", read_paragraph, plan_document_get_preamble (document),
                  error) ||
      !read_object (l, object, "body", read_body, document, error) ||
      !read_object (l, object, "closing", read_closing, document, error) ||
      !read_list (l, object, "appendices", read_appendix, plan_document_get_appendices (document),
                  error) ||
      !read_object (l, object, "layout", read_layout, document, error) ||
      !read_object (l, object, "review", read_review, plan_document_get_review (document), error))
    return NULL;

  /* A freshly opened plan has nothing to undo and nothing to save. */
  plan_document_clear_undo (document);
  plan_document_set_unmodified (document);

  return g_steal_pointer (&document);
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (data[i] != ' ' && data[i] != '\t' && data[i] != '\n' && data[i] != '\r')
      return FALSE;

  return TRUE;
}

PlanDocument *
plan_json_load_data (const char  *data,
                     gsize        length,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  const char *end = NULL;
  Loader l = { NULL, NULL };
  gsize bom = 0;
  PlanDocument *document;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > PLAN_FILE_MAX_SIZE)
    {
      /* Translators: %d is the size limit of a plan file in megabytes */
      g_set_error (error, PLAN_FILE_ERROR, PLAN_FILE_ERROR_TOO_LARGE,
                   _("The file is too large for a plan (more than %d MB)"),
                   PLAN_FILE_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  /* Editors on Windows may start the file with a byte order mark. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
      bom = 3;
    }

  if (length == 0 || is_blank (data, length))
    {
      g_set_error_literal (error, PLAN_FILE_ERROR, PLAN_FILE_ERROR_EMPTY, _("The file is empty"));
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, &end))
    {
      gsize offset = end - data;
      guint line = 1;

      for (gsize i = 0; i < offset; i++)
        if (data[i] == '\n')
          line++;

      /* Translators: the byte that is not UTF-8, its offset from the start of the file and its
       * line, e.g. "invalid byte 0xE9 at offset 120 (line 4)" */
      g_set_error (error, PLAN_FILE_ERROR, PLAN_FILE_ERROR_NOT_UTF8,
                   _("The file is not UTF-8 text: invalid byte 0x%02X at offset %lu (line %u)"),
                   (guchar) data[offset], (unsigned long) (offset + bom), line);
      return NULL;
    }

  if (!check_syntax (data, length, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      /* The syntax check above should have caught it; report json-glib's words then. */
      g_set_error (error, PLAN_FILE_ERROR, PLAN_FILE_ERROR_SYNTAX,
                   _("The file is not valid JSON: %s"), parse_error->message);
      return NULL;
    }

  l.path = g_string_new (NULL);
  l.comment_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  document = read_document (&l, json_parser_get_root (parser), error);

  g_string_free (l.path, TRUE);
  g_hash_table_unref (l.comment_ids);

  return document;
}

PlanDocument *
plan_json_load_file (GFile         *file,
                     char         **etag_out,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) io_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *etag = NULL;
  PlanDocument *document;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Refuse huge files before reading them into memory. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &io_error);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("This is a folder, not a plan file"));
      return NULL;
    }
  if (info != NULL && g_file_info_get_size (info) > PLAN_FILE_MAX_SIZE)
    {
      g_set_error (error, PLAN_FILE_ERROR, PLAN_FILE_ERROR_TOO_LARGE,
                   _("The file is too large for a plan (more than %d MB)"),
                   PLAN_FILE_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  g_clear_error (&io_error);

  if (!g_file_load_contents (file, cancellable, &contents, &length, &etag, &io_error))
    {
      /* GIO's messages repeat the file name, which callers already show. */
      if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The file does not exist"));
      else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                             _("You are not allowed to read this file"));
      else
        g_propagate_error (error, g_steal_pointer (&io_error));
      return NULL;
    }

  document = plan_json_load_data (contents, length, error);

  if (document != NULL && etag_out != NULL)
    *etag_out = g_steal_pointer (&etag);

  return document;
}

/* ============================================================================================
 * Saving: a small writer of our own, because the format's canonical form (member order,
 * shortest numbers, rows and runs on one line) is part of the contract.
 * ========================================================================================== */

typedef struct {
  GString *out;
  GArray  *stack;    /* WriterLevel */
} Writer;

typedef struct {
  gboolean first;
  gboolean oneline;
} WriterLevel;

static void
writer_newline (Writer *w)
{
  g_string_append_c (w->out, '\n');
  for (guint i = 0; i < w->stack->len; i++)
    g_string_append (w->out, "  ");
}

static WriterLevel *
writer_top (Writer *w)
{
  return w->stack->len > 0 ? &g_array_index (w->stack, WriterLevel, w->stack->len - 1) : NULL;
}

/* Separator before a member or element. */
static void
writer_next (Writer *w)
{
  WriterLevel *top = writer_top (w);

  if (top == NULL)
    return;

  if (!top->first)
    g_string_append_c (w->out, ',');

  if (top->oneline)
    {
      if (!top->first)
        g_string_append_c (w->out, ' ');
    }
  else
    {
      writer_newline (w);
    }

  top->first = FALSE;
}

static void
writer_string_literal (Writer     *w,
                       const char *str)
{
  g_string_append_c (w->out, '"');
  for (const char *p = str; *p != '\0'; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"':
          g_string_append (w->out, "\\\"");
          break;
        case '\\':
          g_string_append (w->out, "\\\\");
          break;
        case '\n':
          g_string_append (w->out, "\\n");
          break;
        case '\t':
          g_string_append (w->out, "\\t");
          break;
        case '\r':
          g_string_append (w->out, "\\r");
          break;
        case '\b':
          g_string_append (w->out, "\\b");
          break;
        case '\f':
          g_string_append (w->out, "\\f");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (w->out, "\\u%04x", c);
          else
            g_string_append_c (w->out, c);
        }
    }
  g_string_append_c (w->out, '"');
}

/* Starts a member of the current object; the value follows. */
static void
writer_member (Writer     *w,
               const char *name)
{
  writer_next (w);
  writer_string_literal (w, name);
  g_string_append (w->out, ": ");
}

/* Starts an element of the current array (or the top-level value). */
static void
writer_element (Writer *w)
{
  writer_next (w);
}

static void
writer_open (Writer   *w,
             char      bracket,
             gboolean  oneline)
{
  WriterLevel level = { TRUE, oneline };
  WriterLevel *top = writer_top (w);

  /* Inside a one-line container everything stays on the line. */
  if (top != NULL && top->oneline)
    level.oneline = TRUE;

  g_string_append_c (w->out, bracket);
  g_array_append_val (w->stack, level);
}

static void
writer_close (Writer *w,
              char    bracket)
{
  WriterLevel level = *writer_top (w);

  g_array_set_size (w->stack, w->stack->len - 1);
  if (!level.first && !level.oneline)
    writer_newline (w);
  g_string_append_c (w->out, bracket);
}

static void
write_string (Writer     *w,
              const char *name,
              const char *value)
{
  writer_member (w, name);
  writer_string_literal (w, value != NULL ? value : "");
}

static void
write_boolean (Writer     *w,
               const char *name,
               gboolean    value)
{
  writer_member (w, name);
  g_string_append (w->out, value ? "true" : "false");
}

static void
write_integer (Writer     *w,
               const char *name,
               gint64      value)
{
  writer_member (w, name);
  g_string_append_printf (w->out, "%" G_GINT64_FORMAT, value);
}

static void
write_double (Writer     *w,
              const char *name,
              double      value)
{
  g_autofree char *text = format_double (value);

  writer_member (w, name);
  g_string_append (w->out, text);
}

static void
write_name (Writer             *w,
            const char         *name,
            const char * const *names,
            int                 value)
{
  g_assert (value >= 0 && value < (int) g_strv_length ((char **) names));

  write_string (w, name, names[value]);
}

static void
write_time (Writer     *w,
            const char *name,
            gint64      value)
{
  g_autoptr(GDateTime) time = value != 0 ? g_date_time_new_from_unix_utc (value) : NULL;

  if (time == NULL)
    {
      writer_member (w, name);
      g_string_append (w->out, "null");
    }
  else
    {
      g_autofree char *text = g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");

      write_string (w, name, text);
    }
}

/* The text as a plain string when it has no formatting, else as a list of runs. */
static void
write_text_value (Writer   *w,
                  PlanText *text)
{
  guint n_runs = text != NULL ? plan_text_get_n_runs (text) : 0;
  PlanStyle style = 0;

  if (n_runs == 1)
    plan_text_get_run (text, 0, &style);

  if (n_runs == 0 || (n_runs == 1 && style == 0))
    {
      writer_string_literal (w, text != NULL ? plan_text_get_plain (text) : "");
      return;
    }

  writer_open (w, '[', FALSE);
  for (guint i = 0; i < n_runs; i++)
    {
      const char *run = plan_text_get_run (text, i, &style);

      writer_element (w);
      writer_open (w, '{', TRUE);
      write_string (w, "text", run);
      if (style & PLAN_STYLE_BOLD)
        write_boolean (w, "bold", TRUE);
      if (style & PLAN_STYLE_ITALIC)
        write_boolean (w, "italic", TRUE);
      if (style & PLAN_STYLE_UNDERLINE)
        write_boolean (w, "underline", TRUE);
      writer_close (w, '}');
    }
  writer_close (w, ']');
}

static void
write_paragraphs (Writer     *w,
                  const char *name,
                  GListModel *paragraphs)
{
  writer_member (w, name);
  writer_open (w, '[', FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(PlanParagraph) paragraph = g_list_model_get_item (paragraphs, i);

      writer_element (w);
      write_text_value (w, plan_paragraph_get_text (paragraph));
    }
  writer_close (w, ']');
}

static void
write_rows (Writer     *w,
            const char *name,
            GListModel *rows)
{
  writer_member (w, name);
  writer_open (w, '[', FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PlanRow) row = g_list_model_get_item (rows, i);
      GListModel *cells = plan_row_get_cells (row);

      writer_element (w);
      writer_open (w, '[', TRUE);
      for (guint c = 0; c < g_list_model_get_n_items (cells); c++)
        {
          g_autoptr(PlanCell) cell = g_list_model_get_item (cells, c);
          PlanMerge merge = plan_cell_get_merge (cell);

          writer_element (w);
          if (merge == PLAN_MERGE_NONE)
            {
              writer_string_literal (w, plan_cell_get_text (cell));
            }
          else
            {
              writer_open (w, '{', TRUE);
              write_name (w, "merge", merge_names, merge);
              writer_close (w, '}');
            }
        }
      writer_close (w, ']');
    }
  writer_close (w, ']');
}

static void
write_table (Writer    *w,
             PlanTable *table)
{
  GListModel *columns = plan_table_get_columns (table);

  writer_open (w, '{', FALSE);
  write_string (w, "title", plan_table_get_title (table));
  write_string (w, "note", plan_table_get_note (table));
  write_boolean (w, "numbered", plan_table_get_numbered (table));

  writer_member (w, "columns");
  writer_open (w, '[', FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(PlanColumn) column = g_list_model_get_item (columns, i);

      writer_element (w);
      writer_open (w, '{', TRUE);
      write_double (w, "width", plan_column_get_width (column));
      write_name (w, "align", alignment_names, plan_column_get_alignment (column));
      writer_close (w, '}');
    }
  writer_close (w, ']');

  write_rows (w, "header-rows", plan_table_get_header_rows (table));
  write_rows (w, "rows", plan_table_get_rows (table));
  writer_close (w, '}');
}

static void write_items (Writer *w, const char *name, GListModel *items);

/* Members at their default value are left out, except "kind". */
static void
write_item (Writer   *w,
            PlanItem *item)
{
  PlanItemKind kind = plan_item_get_kind (item);
  PlanTable *table = plan_item_get_table (item);
  PlanText *heading = plan_item_get_heading (item);

  writer_open (w, '{', FALSE);
  write_name (w, "kind", item_kind_names, kind);

  if (kind == PLAN_ITEM_TABLE)
    {
      writer_member (w, "table");
      if (table != NULL)
        {
          write_table (w, table);
        }
      else
        {
          /* A table item is always built with its table; keep the file loadable anyway. */
          g_autoptr(PlanTable) empty = plan_table_new (1);

          write_table (w, empty);
        }
    }
  else
    {
      if (heading != NULL && !plan_text_is_empty (heading))
        {
          writer_member (w, "heading");
          write_text_value (w, heading);
        }
      if (plan_item_get_run_in (item))
        write_boolean (w, "run-in", TRUE);
      if (g_list_model_get_n_items (plan_item_get_paragraphs (item)) > 0)
        write_paragraphs (w, "paragraphs", plan_item_get_paragraphs (item));
      if (g_list_model_get_n_items (plan_item_get_children (item)) > 0)
        write_items (w, "children", plan_item_get_children (item));
    }

  writer_close (w, '}');
}

static void
write_items (Writer     *w,
             const char *name,
             GListModel *items)
{
  writer_member (w, name);
  writer_open (w, '[', FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PlanItem) item = g_list_model_get_item (items, i);

      writer_element (w);
      write_item (w, item);
    }
  writer_close (w, ']');
}

static int
get_enum (gpointer    object,
          const char *property)
{
  int value = 0;

  g_object_get (object, property, &value, NULL);
  return value;
}

static void
write_review (Writer     *w,
              PlanReview *review)
{
  GListModel *comments = plan_review_get_comments (review);
  GListModel *history = plan_review_get_history (review);
  const char *name = plan_review_get_approval_name (review);
  const char *title = plan_review_get_approval_title (review);
  const char *key_id = plan_review_get_approval_key_id (review);
  const char *signature = plan_review_get_approval_signature (review);
  gint64 approval_time = plan_review_get_approval_time (review);
  const char *public_key = plan_review_get_approval_public_key (review);
  GListModel *parts = plan_review_get_approved_parts (review);

  writer_open (w, '{', FALSE);
  write_name (w, "status", status_names, plan_review_get_status (review));

  writer_member (w, "comments");
  writer_open (w, '[', FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (comments); i++)
    {
      g_autoptr(PlanComment) comment = g_list_model_get_item (comments, i);

      writer_element (w);
      writer_open (w, '{', FALSE);
      write_string (w, "id", plan_comment_get_id (comment));
      write_string (w, "target", plan_comment_get_target (comment));
      write_string (w, "author", plan_comment_get_author (comment));
      write_name (w, "role", role_names, plan_comment_get_role (comment));
      write_time (w, "time", plan_comment_get_time (comment));
      write_string (w, "text", plan_comment_get_text (comment));
      write_string (w, "reply-to", plan_comment_get_reply_to (comment));
      write_boolean (w, "resolved", plan_comment_get_resolved (comment));
      writer_close (w, '}');
    }
  writer_close (w, ']');

  writer_member (w, "history");
  writer_open (w, '[', FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(PlanEvent) event = g_list_model_get_item (history, i);

      writer_element (w);
      writer_open (w, '{', FALSE);
      write_string (w, "actor", plan_event_get_actor (event));
      write_string (w, "actor-title", plan_event_get_actor_title (event));
      write_name (w, "role", role_names, plan_event_get_role (event));
      write_time (w, "time", plan_event_get_time (event));
      write_name (w, "action", status_names, plan_event_get_action (event));
      write_string (w, "note", plan_event_get_note (event));
      writer_close (w, '}');
    }
  writer_close (w, ']');

  writer_member (w, "approval");
  if (name[0] == '\0' && title[0] == '\0' && key_id[0] == '\0' && signature[0] == '\0' &&
      public_key[0] == '\0' && approval_time == 0 && g_list_model_get_n_items (parts) == 0)
    {
      g_string_append (w->out, "null");
    }
  else
    {
      writer_open (w, '{', FALSE);
      write_string (w, "name", name);
      write_string (w, "title", title);
      write_string (w, "key-id", key_id);
      write_string (w, "public-key", public_key);
      write_string (w, "signature", signature);
      write_time (w, "time", approval_time);
      writer_member (w, "parts");
      writer_open (w, '[', FALSE);
      for (guint i = 0; i < g_list_model_get_n_items (parts); i++)
        {
          g_autoptr(PlanApprovedPart) part = g_list_model_get_item (parts, i);

          writer_element (w);
          writer_open (w, '{', FALSE);
          write_string (w, "id", plan_approved_part_get_id (part));
          write_string (w, "label", plan_approved_part_get_label (part));
          write_string (w, "digest", plan_approved_part_get_digest (part));
          writer_close (w, '}');
        }
      writer_close (w, ']');
      writer_close (w, '}');
    }

  writer_close (w, '}');
}

GBytes *
plan_json_save_bytes (PlanDocument *document)
{
  Writer w;
  GListModel *recipients;
  GListModel *appendices;
  guint year, month, day;
  double top, bottom, left, right;
  gsize length;

  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), NULL);

  w.out = g_string_sized_new (16 * 1024);
  w.stack = g_array_new (FALSE, FALSE, sizeof (WriterLevel));

  writer_open (&w, '{', FALSE);
  write_string (&w, "format", PLAN_FILE_FORMAT_NAME);
  write_integer (&w, "version", PLAN_FILE_FORMAT_VERSION);

  writer_member (&w, "header");
  writer_open (&w, '{', FALSE);
  write_string (&w, "parent-agency", plan_document_get_parent_agency (document));
  write_string (&w, "agency", plan_document_get_agency (document));
  write_string (&w, "agency-abbrev", plan_document_get_agency_abbrev (document));
  write_string (&w, "doc-type", plan_document_get_doc_type (document));
  write_integer (&w, "number", plan_document_get_number (document));
  write_string (&w, "place", plan_document_get_place (document));
  plan_document_get_date (document, &year, &month, &day);
  writer_member (&w, "date");
  writer_open (&w, '{', TRUE);
  write_integer (&w, "year", year);
  write_integer (&w, "month", month);
  write_integer (&w, "day", day);
  writer_close (&w, '}');
  write_string (&w, "title", plan_document_get_title (document));
  write_name (&w, "urgency", urgency_names, get_enum (document, "urgency"));
  write_name (&w, "secrecy", secrecy_names, get_enum (document, "secrecy"));
  {
    g_autofree char *circulation = NULL;

    g_object_get (document, "circulation", &circulation, NULL);
    write_string (&w, "circulation", circulation);
  }
  writer_close (&w, '}');

  write_paragraphs (&w, "preamble", plan_document_get_preamble (document));

  writer_member (&w, "body");
  writer_open (&w, '{', FALSE);
  writer_member (&w, "numbering");
  writer_open (&w, '{', TRUE);
  write_name (&w, "part", part_style_names, get_enum (document, "part-style"));
  write_name (&w, "numbered", numbered_style_names, get_enum (document, "numbered-style"));
  write_name (&w, "point", point_style_names, get_enum (document, "point-style"));
  writer_close (&w, '}');
  write_boolean (&w, "end-marker", plan_document_get_end_marker (document));
  write_items (&w, "items", plan_document_get_body (document));
  writer_close (&w, '}');

  writer_member (&w, "closing");
  writer_open (&w, '{', FALSE);
  recipients = plan_document_get_recipients (document);
  writer_member (&w, "recipients");
  writer_open (&w, '[', FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (recipients); i++)
    {
      g_autoptr(PlanRecipient) recipient = g_list_model_get_item (recipients, i);

      writer_element (&w);
      writer_open (&w, '{', TRUE);
      write_string (&w, "name", plan_recipient_get_name (recipient));
      write_string (&w, "purpose", plan_recipient_get_purpose (recipient));
      writer_close (&w, '}');
    }
  writer_close (&w, ']');
  write_string (&w, "archive", plan_document_get_archive (document));
  writer_member (&w, "signer");
  writer_open (&w, '{', FALSE);
  write_string (&w, "authority", plan_document_get_signer_authority (document));
  write_string (&w, "title", plan_document_get_signer_title (document));
  write_string (&w, "name", plan_document_get_signer_name (document));
  write_string (&w, "notes", plan_document_get_signer_notes (document));
  writer_close (&w, '}');
  writer_close (&w, '}');

  appendices = plan_document_get_appendices (document);
  writer_member (&w, "appendices");
  writer_open (&w, '[', FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (appendices); i++)
    {
      g_autoptr(PlanAppendix) appendix = g_list_model_get_item (appendices, i);

      writer_element (&w);
      writer_open (&w, '{', FALSE);
      write_name (&w, "label-mode", label_mode_names, plan_appendix_get_label_mode (appendix));
      write_string (&w, "label", plan_appendix_get_label (appendix));
      write_string (&w, "title", plan_appendix_get_title (appendix));
      write_name (&w, "reference-mode", reference_mode_names,
                  plan_appendix_get_reference_mode (appendix));
      write_string (&w, "reference", plan_appendix_get_reference (appendix));
      write_name (&w, "orientation", orientation_names, plan_appendix_get_orientation (appendix));
      write_items (&w, "content", plan_appendix_get_content (appendix));
      writer_close (&w, '}');
    }
  writer_close (&w, ']');

  plan_document_get_margins (document, &top, &bottom, &left, &right);
  writer_member (&w, "layout");
  writer_open (&w, '{', FALSE);
  write_double (&w, "margin-top", top);
  write_double (&w, "margin-bottom", bottom);
  write_double (&w, "margin-left", left);
  write_double (&w, "margin-right", right);
  write_double (&w, "font-size", plan_document_get_font_size (document));
  write_double (&w, "line-spacing", plan_document_get_line_spacing (document));
  write_double (&w, "paragraph-spacing", plan_document_get_paragraph_spacing (document));
  write_double (&w, "first-line-indent", plan_document_get_first_line_indent (document));
  write_boolean (&w, "draft-watermark", plan_document_get_draft_watermark (document));
  writer_close (&w, '}');

  writer_member (&w, "review");
  write_review (&w, plan_document_get_review (document));

  writer_close (&w, '}');
  g_string_append_c (w.out, '\n');

  g_array_unref (w.stack);
  length = w.out->len;
  return g_bytes_new_take (g_string_free (w.out, FALSE), length);
}

/* Set by the tests only; read on every save. */
static PlanSaveFault save_fault = PLAN_SAVE_FAULT_NONE;

void
plan_json_set_save_fault (PlanSaveFault fault)
{
  g_atomic_int_set (&save_fault, fault);
}

/* GIO's messages are technical ("Error opening file …: No such file or directory"): say what
 * happened in words a clerk understands, naming the file or its folder. The code is kept for
 * callers that react to it. */
static void
set_save_error (GFile   *file,
                GError  *io_error,
                GError **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *folder = parent ? g_file_get_parse_name (parent) : g_strdup ("/");
  char *message = NULL;

  if (io_error->domain != G_IO_ERROR
      || io_error->code == G_IO_ERROR_WRONG_ETAG
      || io_error->code == G_IO_ERROR_CANCELLED)
    {
      g_propagate_error (error, io_error);
      return;
    }

  switch (io_error->code)
    {
    case G_IO_ERROR_NOT_FOUND:
      /* Translators: %s is a folder, such as "/home/lan/Tài liệu" */
      message = g_strdup_printf (_("The folder “%s” does not exist (any more). It may have been removed or renamed, or it is on a disk or network share that is not connected."), folder);
      break;
    case G_IO_ERROR_NOT_DIRECTORY:
      /* Translators: %s is a folder, such as "/home/lan/Tài liệu" */
      message = g_strdup_printf (_("The folder “%s” cannot be used: a file is in the way where a folder should be."), folder);
      break;
    case G_IO_ERROR_PERMISSION_DENIED:
      /* Translators: %s is a folder, such as "/home/lan/Tài liệu" */
      message = g_strdup_printf (_("You are not allowed to save in the folder “%s”."), folder);
      break;
    case G_IO_ERROR_READ_ONLY:
      /* Translators: %s is a folder, such as "/media/lan/USB" */
      message = g_strdup_printf (_("The folder “%s” is on a disk that can only be read."), folder);
      break;
    case G_IO_ERROR_NO_SPACE:
      /* Translators: %s is a file name with its folder */
      message = g_strdup_printf (_("The disk is full: there is no room to save “%s”. Free some space or save on another disk."), name);
      break;
    case G_IO_ERROR_IS_DIRECTORY:
      /* Translators: %s is a file name with its folder */
      message = g_strdup_printf (_("“%s” is a folder, not a file."), name);
      break;
    case G_IO_ERROR_FILENAME_TOO_LONG:
    case G_IO_ERROR_INVALID_FILENAME:
      /* Translators: %s is a file name with its folder */
      message = g_strdup_printf (_("The name “%s” cannot be used here. Choose a shorter name without special characters."), name);
      break;
    case G_IO_ERROR_NOT_MOUNTED:
    case G_IO_ERROR_HOST_NOT_FOUND:
    case G_IO_ERROR_HOST_UNREACHABLE:
    case G_IO_ERROR_NETWORK_UNREACHABLE:
    case G_IO_ERROR_CONNECTION_CLOSED:
    case G_IO_ERROR_CONNECTION_REFUSED:
    case G_IO_ERROR_TIMED_OUT:
      /* Translators: %s is a folder */
      message = g_strdup_printf (_("The folder “%s” cannot be reached: the network share or disk is not connected."), folder);
      break;
    default:
      /* Translators: the first %s is a file name with its folder, the second the system's reason */
      message = g_strdup_printf (_("“%s” could not be written: %s"), name, io_error->message);
      break;
    }

  g_set_error_literal (error, G_IO_ERROR, io_error->code, message);
  g_free (message);
  g_error_free (io_error);
}

/* GIO flushes its temporary file before the rename, but a file that did not exist is written in
 * place and not flushed, and neither is the folder that records the new name. Without this, a
 * power cut right after "Saved" could leave an empty file, and the recovery draft is already
 * gone by then. Local files only; errors here do not undo a save that happened. */
static void
sync_to_disk (GFile    *file,
              gboolean  existed)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *folder = parent ? g_file_get_path (parent) : NULL;
  int fd;

  if (path != NULL && !existed && (fd = open (path, O_RDONLY | O_CLOEXEC)) >= 0)
    {
      fsync (fd);
      close (fd);
    }

  if (folder != NULL && (fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Closing with a cancelled cancellable makes GIO delete its temporary file instead of renaming
 * it over the original. */
static void
abort_stream (GFileOutputStream *out)
{
  g_autoptr(GCancellable) abort = g_cancellable_new ();

  g_cancellable_cancel (abort);
  g_output_stream_close (G_OUTPUT_STREAM (out), abort, NULL);
}

gboolean
plan_json_replace_file (GFile         *file,
                        GBytes        *bytes,
                        const char    *etag,
                        char         **new_etag_out,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  GError *io_error = NULL;
  gboolean existed;
  gsize written = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A file that did not exist is created in place (there is nothing to rename over): when
   * that fails half way, the half file is ours to remove. */
  existed = g_file_query_exists (file, cancellable);

  /* GIO writes a temporary file next to @file, flushes it to disk and renames it over @file
   * when the stream is closed. REPLACE_DESTINATION forbids its fallback of truncating the
   * original and writing into it. The etag check refuses to overwrite changes made by someone
   * else since we loaded the file. */
  out = g_file_replace (file, etag, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable,
                        &io_error);
  if (out == NULL)
    {
      set_save_error (file, io_error, error);
      return FALSE;
    }

  /* Not g_file_replace_contents(): after a failed write (a full disk) it closes the stream
   * normally, which renames the truncated temporary file over the plan. */
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes), &written, cancellable, &io_error))
    {
      abort_stream (out);
      if (!existed)
        g_file_delete (file, NULL, NULL);
      set_save_error (file, io_error, error);
      return FALSE;
    }

  if (g_atomic_int_get (&save_fault) == PLAN_SAVE_FAULT_BEFORE_RENAME)
    {
      abort_stream (out);
      if (!existed)
        g_file_delete (file, NULL, NULL);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           "Saving was interrupted before the file was replaced (test fault)");
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &io_error))
    {
      if (!existed)
        g_file_delete (file, NULL, NULL);
      set_save_error (file, io_error, error);
      return FALSE;
    }

  sync_to_disk (file, existed);

  if (new_etag_out != NULL)
    *new_etag_out = g_file_output_stream_get_etag (out);

  return TRUE;
}

gboolean
plan_json_save_file (PlanDocument  *document,
                     GFile         *file,
                     const char    *etag,
                     char         **new_etag_out,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = plan_json_save_bytes (document);

  return plan_json_replace_file (file, bytes, etag, new_etag_out, cancellable, error);
}
