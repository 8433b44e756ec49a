/* plan-pdf-reader.c: cross-reference tables, objects and signature fields of a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE   /* memmem */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "plan-pdf-reader.h"
#include "plan-signing-error.h"

struct _PlanPdfReader {
  GBytes     *bytes;
  const char *data;
  gsize       length;
  gsize       startxref;
  guint       size;
  PlanPdfSpan trailer;
  GHashTable *offsets;   /* object number → offset + 1 (the newest revision wins) */
};

typedef enum {
  TOKEN_END,
  TOKEN_DICT_OPEN,
  TOKEN_DICT_CLOSE,
  TOKEN_ARRAY_OPEN,
  TOKEN_ARRAY_CLOSE,
  TOKEN_NAME,
  TOKEN_STRING,
  TOKEN_HEX,
  TOKEN_NUMBER,
  TOKEN_KEYWORD,
} TokenKind;

void
plan_pdf_signature_field_free (PlanPdfSignatureField *field)
{
  if (field == NULL)
    return;

  g_free (field->field_name);
  g_free (field->sub_filter);
  g_clear_pointer (&field->contents, g_bytes_unref);
  g_free (field);
}

/* The last @needle in @data (binary: streams hold NUL bytes), or NULL */
static const char *
find_last (const char *data,
           gsize       length,
           const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = length; i >= needle_length; i--)
    if (memcmp (data + i - needle_length, needle, needle_length) == 0)
      return data + i - needle_length;
  return NULL;
}

/* ---- Tokens ------------------------------------------------------------------------------- */

static gboolean
is_white (char c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static gboolean
is_delimiter (char c)
{
  return strchr ("()<>[]{}/%", c) != NULL;
}

/* The next token from *pos; its bytes are [*start, *pos). */
static TokenKind
next_token (PlanPdfReader *self,
            gsize         *pos,
            gsize         *start)
{
  const char *d = self->data;
  gsize n = self->length;
  gsize p = *pos;

  for (;;)
    {
      while (p < n && is_white (d[p]))
        p++;
      if (p < n && d[p] == '%')
        {
          while (p < n && d[p] != '\n' && d[p] != '\r')
            p++;
          continue;
        }
      break;
    }

  *start = p;
  if (p >= n)
    {
      *pos = p;
      return TOKEN_END;
    }

  switch (d[p])
    {
    case '<':
      if (p + 1 < n && d[p + 1] == '<')
        {
          *pos = p + 2;
          return TOKEN_DICT_OPEN;
        }
      while (p < n && d[p] != '>')
        p++;
      *pos = MIN (p + 1, n);
      return TOKEN_HEX;
    case '>':
      *pos = p + (p + 1 < n && d[p + 1] == '>' ? 2 : 1);
      return TOKEN_DICT_CLOSE;
    case '[':
      *pos = p + 1;
      return TOKEN_ARRAY_OPEN;
    case ']':
      *pos = p + 1;
      return TOKEN_ARRAY_CLOSE;
    case '(':
      {
        int depth = 0;

        for (; p < n; p++)
          {
            if (d[p] == '\\')
              p++;
            else if (d[p] == '(')
              depth++;
            else if (d[p] == ')' && --depth == 0)
              break;
          }
        *pos = MIN (p + 1, n);
        return TOKEN_STRING;
      }
    case '/':
      p++;
      while (p < n && !is_white (d[p]) && !is_delimiter (d[p]))
        p++;
      *pos = p;
      return TOKEN_NAME;
    default:
      break;
    }

  if (g_ascii_isdigit (d[p]) || d[p] == '-' || d[p] == '+' || d[p] == '.')
    {
      while (p < n && (g_ascii_isdigit (d[p]) || d[p] == '-' || d[p] == '+' || d[p] == '.'))
        p++;
      *pos = p;
      return TOKEN_NUMBER;
    }

  while (p < n && !is_white (d[p]) && !is_delimiter (d[p]))
    p++;
  if (p == *start)
    p++;   /* a stray delimiter ({ } )): skipped as a keyword of its own */
  *pos = p;
  return TOKEN_KEYWORD;
}

static gboolean
keyword_is (PlanPdfReader *self,
            gsize          start,
            gsize          end,
            const char    *word)
{
  gsize length = strlen (word);

  return end - start == length && memcmp (self->data + start, word, length) == 0;
}

/* Skips one whole value starting at *pos (a reference "1 0 R" counts as one value). */
static gboolean
skip_value (PlanPdfReader *self,
            gsize         *pos,
            PlanPdfSpan   *span)
{
  gsize start, after, second_start, third_start;
  TokenKind kind = next_token (self, pos, &start);
  int depth = 0;

  span->start = start;
  switch (kind)
    {
    case TOKEN_END:
    case TOKEN_DICT_CLOSE:
    case TOKEN_ARRAY_CLOSE:
      return FALSE;
    case TOKEN_DICT_OPEN:
    case TOKEN_ARRAY_OPEN:
      depth = 1;
      while (depth > 0)
        {
          kind = next_token (self, pos, &start);
          if (kind == TOKEN_END)
            return FALSE;
          if (kind == TOKEN_DICT_OPEN || kind == TOKEN_ARRAY_OPEN)
            depth++;
          else if (kind == TOKEN_DICT_CLOSE || kind == TOKEN_ARRAY_CLOSE)
            depth--;
        }
      span->end = *pos;
      return TRUE;
    case TOKEN_NUMBER:
      span->end = *pos;
      after = *pos;
      if (next_token (self, &after, &second_start) == TOKEN_NUMBER &&
          next_token (self, &after, &third_start) == TOKEN_KEYWORD &&
          keyword_is (self, third_start, after, "R"))
        {
          *pos = after;
          span->end = after;
        }
      return TRUE;
    default:
      span->end = *pos;
      return TRUE;
    }
}

static gboolean
span_is_dict (PlanPdfReader *self,
              PlanPdfSpan    span)
{
  return span.end - span.start >= 4 && self->data[span.start] == '<' &&
         self->data[span.start + 1] == '<';
}

static gboolean
span_is_array (PlanPdfReader *self,
               PlanPdfSpan    span)
{
  return span.end > span.start && self->data[span.start] == '[';
}

gboolean
plan_pdf_reader_dict_get (PlanPdfReader *self,
                          PlanPdfSpan    dict,
                          const char    *key,
                          PlanPdfSpan   *value)
{
  gsize pos = dict.start + 2;
  gsize key_length = strlen (key);

  if (!span_is_dict (self, dict))
    return FALSE;

  while (pos < dict.end)
    {
      gsize start;
      PlanPdfSpan item;
      gboolean match;

      if (next_token (self, &pos, &start) != TOKEN_NAME)
        return FALSE;   /* ">>", or a damaged dictionary */
      match = pos - start - 1 == key_length && memcmp (self->data + start + 1, key, key_length) == 0;
      if (!skip_value (self, &pos, &item) || pos > dict.end)
        return FALSE;
      if (match)
        {
          *value = item;
          return TRUE;
        }
    }

  return FALSE;
}

GArray *
plan_pdf_reader_dict_entries (PlanPdfReader *self,
                              PlanPdfSpan    dict)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (PlanPdfSpan));
  gsize pos = dict.start + 2;

  if (!span_is_dict (self, dict))
    return entries;

  while (pos < dict.end)
    {
      PlanPdfSpan key, item;

      if (next_token (self, &pos, &key.start) != TOKEN_NAME)
        break;
      key.end = pos;
      if (!skip_value (self, &pos, &item) || pos > dict.end)
        break;
      g_array_append_val (entries, key);
      g_array_append_val (entries, item);
    }

  return entries;
}

gboolean
plan_pdf_reader_span_ref (PlanPdfReader *self,
                          PlanPdfSpan    span,
                          guint         *number)
{
  const char *p = self->data + span.start;
  char *end = NULL;
  guint64 value;

  if (span.end - span.start < 5 || self->data[span.end - 1] != 'R' ||
      !g_ascii_isdigit (*p))
    return FALSE;

  value = g_ascii_strtoull (p, &end, 10);
  if (end == p || value == 0 || value > G_MAXINT)
    return FALSE;
  *number = (guint) value;
  return TRUE;
}

gboolean
plan_pdf_reader_span_number (PlanPdfReader *self,
                             PlanPdfSpan    span,
                             double        *number)
{
  g_autofree char *text = g_strndup (self->data + span.start, span.end - span.start);
  char *end = NULL;

  *number = g_ascii_strtod (text, &end);
  return end != text && *end == '\0';
}

gboolean
plan_pdf_reader_span_is_name (PlanPdfReader *self,
                              PlanPdfSpan    span,
                              const char    *name)
{
  gsize length = strlen (name);

  return span.end - span.start == length + 1 && self->data[span.start] == '/' &&
         memcmp (self->data + span.start + 1, name, length) == 0;
}

GArray *
plan_pdf_reader_array_items (PlanPdfReader *self,
                             PlanPdfSpan    array)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (PlanPdfSpan));
  gsize pos = array.start + 1;
  PlanPdfSpan item;

  if (!span_is_array (self, array))
    return items;

  while (pos < array.end && skip_value (self, &pos, &item) && item.end < array.end)
    g_array_append_val (items, item);

  return items;
}

/* ---- Objects ------------------------------------------------------------------------------ */

static gboolean
object_at (PlanPdfReader *self,
           gsize          offset,
           guint          number,
           PlanPdfSpan   *value)
{
  gsize pos = offset, start;
  double n;

  if (next_token (self, &pos, &start) != TOKEN_NUMBER ||
      !plan_pdf_reader_span_number (self, (PlanPdfSpan) { start, pos }, &n) || n != number)
    return FALSE;
  if (next_token (self, &pos, &start) != TOKEN_NUMBER)
    return FALSE;
  if (next_token (self, &pos, &start) != TOKEN_KEYWORD || !keyword_is (self, start, pos, "obj"))
    return FALSE;

  return skip_value (self, &pos, value);
}

gboolean
plan_pdf_reader_object (PlanPdfReader *self,
                        guint          number,
                        PlanPdfSpan   *value,
                        GError       **error)
{
  gsize offset = GPOINTER_TO_SIZE (g_hash_table_lookup (self->offsets, GUINT_TO_POINTER (number)));

  if (offset == 0 || !object_at (self, offset - 1, number, value))
    {
      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_UNSUPPORTED_PDF,
                   _("The PDF is damaged: object %u cannot be found"), number);
      return FALSE;
    }
  return TRUE;
}

gboolean
plan_pdf_reader_resolve (PlanPdfReader *self,
                         PlanPdfSpan    span,
                         PlanPdfSpan   *value,
                         GError       **error)
{
  guint number;

  if (!plan_pdf_reader_span_ref (self, span, &number))
    {
      *value = span;
      return TRUE;
    }

  return plan_pdf_reader_object (self, number, value, error);
}

/* ---- Cross-reference tables --------------------------------------------------------------- */

static gboolean
unsupported (GError **error)
{
  g_set_error_literal (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_UNSUPPORTED_PDF,
                       _("This PDF’s cross-reference data is not a classic table (or is "
                         "damaged): it cannot be signed here. Export it from Kế hoạch "
                         "again."));
  return FALSE;
}

static gboolean
read_number (PlanPdfReader *self,
             gsize         *pos,
             guint64       *number)
{
  gsize start;
  g_autofree char *text = NULL;

  if (next_token (self, pos, &start) != TOKEN_NUMBER)
    return FALSE;
  text = g_strndup (self->data + start, *pos - start);
  return g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, number, NULL);
}

/* One xref table at @offset and its trailer; returns the trailer's span. */
static gboolean
read_xref_section (PlanPdfReader *self,
                   gsize          offset,
                   PlanPdfSpan   *trailer,
                   GError       **error)
{
  gsize pos = offset, start;

  if (offset >= self->length || next_token (self, &pos, &start) != TOKEN_KEYWORD ||
      !keyword_is (self, start, pos, "xref"))
    return unsupported (error);

  for (;;)
    {
      gsize peek = pos;
      TokenKind kind = next_token (self, &peek, &start);
      guint64 first, count;

      if (kind == TOKEN_KEYWORD && keyword_is (self, start, peek, "trailer"))
        {
          pos = peek;
          break;
        }
      if (!read_number (self, &pos, &first) || !read_number (self, &pos, &count) ||
          count > self->length / 18)
        return unsupported (error);

      for (guint64 i = 0; i < count; i++)
        {
          guint64 entry_offset, generation;
          gsize type_start;
          guint number = (guint) (first + i);

          if (!read_number (self, &pos, &entry_offset) || !read_number (self, &pos, &generation) ||
              next_token (self, &pos, &type_start) != TOKEN_KEYWORD)
            return unsupported (error);
          if (keyword_is (self, type_start, pos, "n") &&
              !g_hash_table_contains (self->offsets, GUINT_TO_POINTER (number)) &&
              entry_offset < self->length)
            g_hash_table_insert (self->offsets, GUINT_TO_POINTER (number),
                                 GSIZE_TO_POINTER ((gsize) entry_offset + 1));
          else if (!g_hash_table_contains (self->offsets, GUINT_TO_POINTER (number)))
            /* a free entry in a newer revision hides older ones */
            g_hash_table_insert (self->offsets, GUINT_TO_POINTER (number), GSIZE_TO_POINTER (0));
        }
    }

  if (!skip_value (self, &pos, trailer) || !span_is_dict (self, *trailer))
    return unsupported (error);
  return TRUE;
}

PlanPdfReader *
plan_pdf_reader_new (GBytes  *pdf,
                     GError **error)
{
  g_autoptr(PlanPdfReader) self = g_new0 (PlanPdfReader, 1);
  const char *marker;
  gsize offset;
  guint sections = 0;
  PlanPdfSpan trailer, value;
  double number;

  self->bytes = g_bytes_ref (pdf);
  self->data = g_bytes_get_data (pdf, &self->length);
  self->offsets = g_hash_table_new (NULL, NULL);

  if (self->length < 8 || memcmp (self->data, "%PDF-", 5) != 0)
    {
      g_set_error_literal (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_UNSUPPORTED_PDF,
                           _("This is not a PDF file"));
      return NULL;
    }

  /* The last "startxref" in the last kilobyte */
  marker = find_last (self->data + (self->length > 1024 ? self->length - 1024 : 0),
                      MIN (self->length, 1024), "startxref");
  if (marker == NULL)
    return unsupported (error), NULL;
  {
    gsize pos = (marker - self->data) + strlen ("startxref");
    guint64 start;

    if (!read_number (self, &pos, &start))
      return unsupported (error), NULL;
    self->startxref = start;
  }

  offset = self->startxref;
  for (;;)
    {
      if (!read_xref_section (self, offset, &trailer, error))
        return NULL;
      if (sections++ == 0)
        self->trailer = trailer;
      if (sections > 1000)
        return unsupported (error), NULL;
      if (!plan_pdf_reader_dict_get (self, trailer, "Prev", &value))
        break;
      if (!plan_pdf_reader_span_number (self, value, &number) || number < 0 ||
          number >= self->length)
        return unsupported (error), NULL;
      offset = (gsize) number;
    }

  if (!plan_pdf_reader_dict_get (self, self->trailer, "Size", &value) ||
      !plan_pdf_reader_span_number (self, value, &number) || number < 1)
    return unsupported (error), NULL;
  self->size = (guint) number;

  return g_steal_pointer (&self);
}

void
plan_pdf_reader_free (PlanPdfReader *self)
{
  if (self == NULL)
    return;

  g_bytes_unref (self->bytes);
  g_hash_table_unref (self->offsets);
  g_free (self);
}

const char *
plan_pdf_reader_get_data (PlanPdfReader *self,
                          gsize         *length)
{
  *length = self->length;
  return self->data;
}

gsize
plan_pdf_reader_get_startxref (PlanPdfReader *self)
{
  return self->startxref;
}

guint
plan_pdf_reader_get_size (PlanPdfReader *self)
{
  return self->size;
}

gboolean
plan_pdf_reader_trailer_get (PlanPdfReader *self,
                             const char    *key,
                             PlanPdfSpan   *value)
{
  return plan_pdf_reader_dict_get (self, self->trailer, key, value);
}

/* ---- Catalog, pages, signatures ----------------------------------------------------------- */

gboolean
plan_pdf_reader_catalog (PlanPdfReader *self,
                         guint         *number,
                         GError       **error)
{
  PlanPdfSpan root;

  if (!plan_pdf_reader_trailer_get (self, "Root", &root) ||
      !plan_pdf_reader_span_ref (self, root, number))
    return unsupported (error);
  return TRUE;
}

static gboolean
collect_pages (PlanPdfReader *self,
               guint          number,
               GArray        *pages,
               guint          depth,
               GError       **error)
{
  PlanPdfSpan node, kids, type;
  g_autoptr(GArray) items = NULL;

  if (depth > 64)
    return unsupported (error);   /* a loop in the page tree */
  if (!plan_pdf_reader_object (self, number, &node, error))
    return FALSE;

  if (plan_pdf_reader_dict_get (self, node, "Type", &type) &&
      plan_pdf_reader_span_is_name (self, type, "Page"))
    {
      g_array_append_val (pages, number);
      return TRUE;
    }

  if (!plan_pdf_reader_dict_get (self, node, "Kids", &kids) ||
      !plan_pdf_reader_resolve (self, kids, &kids, error))
    return unsupported (error);

  items = plan_pdf_reader_array_items (self, kids);
  for (guint i = 0; i < items->len; i++)
    {
      guint kid;

      if (!plan_pdf_reader_span_ref (self, g_array_index (items, PlanPdfSpan, i), &kid))
        return unsupported (error);
      if (!collect_pages (self, kid, pages, depth + 1, error))
        return FALSE;
    }
  return TRUE;
}

GArray *
plan_pdf_reader_pages (PlanPdfReader *self,
                       GError       **error)
{
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (guint));
  guint catalog, root;
  PlanPdfSpan dict, value;

  if (!plan_pdf_reader_catalog (self, &catalog, error) ||
      !plan_pdf_reader_object (self, catalog, &dict, error))
    return NULL;
  if (!plan_pdf_reader_dict_get (self, dict, "Pages", &value) ||
      !plan_pdf_reader_span_ref (self, value, &root))
    return unsupported (error), NULL;
  if (!collect_pages (self, root, pages, 0, error))
    return NULL;

  return g_steal_pointer (&pages);
}

static guint8
hex_value (char c)
{
  return g_ascii_isdigit (c) ? c - '0' : (g_ascii_tolower (c) - 'a' + 10) & 0xf;
}

/* The DER inside a zero-padded hex string: its length comes from its own header. */
static GBytes *
decode_contents (PlanPdfReader *self,
                 PlanPdfSpan    span)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  gsize length = 0;

  if (span.end - span.start < 2 || self->data[span.start] != '<')
    return NULL;
  for (gsize i = span.start + 1; i < span.end && self->data[i] != '>'; )
    {
      guint8 byte;

      if (is_white (self->data[i]))
        {
          i++;
          continue;
        }
      if (i + 1 >= span.end || !g_ascii_isxdigit (self->data[i]) ||
          !g_ascii_isxdigit (self->data[i + 1]))
        break;
      byte = (hex_value (self->data[i]) << 4) | hex_value (self->data[i + 1]);
      g_byte_array_append (bytes, &byte, 1);
      i += 2;
    }

  /* SEQUENCE with a definite length */
  if (bytes->len >= 2 && bytes->data[0] == 0x30)
    {
      guint8 first = bytes->data[1];

      if (first < 0x80)
        length = 2 + first;
      else if ((first & 0x7f) <= 4 && bytes->len >= 2u + (first & 0x7f))
        {
          guint n = first & 0x7f;

          for (guint i = 0; i < n; i++)
            length = (length << 8) | bytes->data[2 + i];
          length += 2 + n;
        }
    }
  if (length == 0 || length > bytes->len)
    length = bytes->len;

  g_byte_array_set_size (bytes, length);
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static char *
decode_text (PlanPdfReader *self,
             PlanPdfSpan    span)
{
  /* Field names written here are plain ASCII literal strings: "(Signature1)" */
  if (span.end - span.start >= 2 && self->data[span.start] == '(')
    return g_strndup (self->data + span.start + 1, span.end - span.start - 2);
  return g_strndup (self->data + span.start, span.end - span.start);
}

static gint
compare_fields (gconstpointer a,
                gconstpointer b)
{
  const PlanPdfSignatureField *fa = *(PlanPdfSignatureField * const *) a;
  const PlanPdfSignatureField *fb = *(PlanPdfSignatureField * const *) b;
  gint64 ea = fa->byte_range[2] + fa->byte_range[3];
  gint64 eb = fb->byte_range[2] + fb->byte_range[3];

  return ea < eb ? -1 : ea > eb;
}

GPtrArray *
plan_pdf_reader_signatures (PlanPdfReader *self,
                            GError       **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_pdf_signature_field_free);
  g_autoptr(GArray) pages = NULL;
  g_autoptr(GArray) items = NULL;
  guint catalog;
  PlanPdfSpan dict, form, list;

  if (!plan_pdf_reader_catalog (self, &catalog, error) ||
      !plan_pdf_reader_object (self, catalog, &dict, error))
    return NULL;
  pages = plan_pdf_reader_pages (self, error);
  if (pages == NULL)
    return NULL;

  if (!plan_pdf_reader_dict_get (self, dict, "AcroForm", &form))
    return g_steal_pointer (&fields);
  if (!plan_pdf_reader_resolve (self, form, &form, error))
    return NULL;
  if (!plan_pdf_reader_dict_get (self, form, "Fields", &list))
    return g_steal_pointer (&fields);
  if (!plan_pdf_reader_resolve (self, list, &list, error))
    return NULL;

  items = plan_pdf_reader_array_items (self, list);
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(PlanPdfSignatureField) field = NULL;
      g_autoptr(GArray) numbers = NULL;
      PlanPdfSpan widget, value, signature;
      guint page_number;

      if (!plan_pdf_reader_resolve (self, g_array_index (items, PlanPdfSpan, i), &widget, error))
        return NULL;
      if (!plan_pdf_reader_dict_get (self, widget, "FT", &value) ||
          !plan_pdf_reader_span_is_name (self, value, "Sig") ||
          !plan_pdf_reader_dict_get (self, widget, "V", &value))
        continue;   /* not a signature, or not signed yet */
      if (!plan_pdf_reader_resolve (self, value, &signature, error))
        return NULL;

      field = g_new0 (PlanPdfSignatureField, 1);
      field->page = G_MAXUINT;
      field->field_name = plan_pdf_reader_dict_get (self, widget, "T", &value)
                            ? decode_text (self, value) : g_strdup ("");
      field->sub_filter = plan_pdf_reader_dict_get (self, signature, "SubFilter", &value)
                            ? g_strndup (self->data + value.start + 1, value.end - value.start - 1)
                            : g_strdup ("");
      if (plan_pdf_reader_dict_get (self, widget, "Rect", &value))
        {
          numbers = plan_pdf_reader_array_items (self, value);
          for (guint j = 0; j < MIN (numbers->len, 4); j++)
            plan_pdf_reader_span_number (self, g_array_index (numbers, PlanPdfSpan, j),
                                         &field->rect[j]);
          g_clear_pointer (&numbers, g_array_unref);
        }
      if (plan_pdf_reader_dict_get (self, widget, "P", &value) &&
          plan_pdf_reader_span_ref (self, value, &page_number))
        for (guint j = 0; j < pages->len; j++)
          if (g_array_index (pages, guint, j) == page_number)
            field->page = j;

      if (!plan_pdf_reader_dict_get (self, signature, "ByteRange", &value))
        continue;
      numbers = plan_pdf_reader_array_items (self, value);
      if (numbers->len != 4)
        continue;
      for (guint j = 0; j < 4; j++)
        {
          double n = -1;

          plan_pdf_reader_span_number (self, g_array_index (numbers, PlanPdfSpan, j), &n);
          field->byte_range[j] = (gint64) n;
        }
      if (plan_pdf_reader_dict_get (self, signature, "Contents", &value))
        field->contents = decode_contents (self, value);
      if (field->contents == NULL)
        field->contents = g_bytes_new (NULL, 0);

      g_ptr_array_add (fields, g_steal_pointer (&field));
    }

  g_ptr_array_sort (fields, compare_fields);
  return g_steal_pointer (&fields);
}

GArray *
plan_pdf_reader_revision_ends (PlanPdfReader *self)
{
  GArray *ends = g_array_new (FALSE, FALSE, sizeof (gsize));
  const char *p = self->data;
  const char *end = self->data + self->length;

  while ((p = memmem (p, end - p, "%%EOF", 5)) != NULL)
    {
      gsize after = (p - self->data) + 5;

      if (after < self->length && self->data[after] == '\r')
        after++;
      if (after < self->length && self->data[after] == '\n')
        after++;
      g_array_append_val (ends, after);
      p += 5;
    }

  return ends;
}
