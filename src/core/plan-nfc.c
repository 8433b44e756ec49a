/* plan-nfc.c: Unicode NFC normalization in linear time
 *
 * The text is normalized in chunks of a bounded size, cut only before a character that can
 * never interact with what precedes it: its decomposition starts with a starter (combining
 * class 0) that is never the second half of a composition. Then no combining mark reorders
 * across the cut and nothing composes across it, so normalizing the chunks one by one gives
 * exactly the NFC of the whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "plan-nfc.h"

#include <string.h>

/* Chunks grow to about this size before a cut is looked for. */
#define CHUNK_BYTES 256

static gboolean
is_safe_cut_before (gunichar c)
{
  /* Latin, including ASCII and Latin-1: below U+0300 every character is a starter that never
   * composes with what precedes it. */
  if (c < 0x0300)
    return TRUE;
  /* Latin Extended Additional (Vietnamese precomposed letters): decompose to a Latin base. */
  if (c >= 0x1E00 && c <= 0x1EFF)
    return TRUE;
  /* Greek and Cyrillic letters (not their combining marks): decompose to a base letter. */
  if (c >= 0x0370 && c <= 0x04FF)
    return g_unichar_combining_class (c) == 0 && g_unichar_isalpha (c);
  /* Hangul syllables: decompose to a leading jamo, which never comes second. */
  if (c >= 0xAC00 && c <= 0xD7A3)
    return TRUE;
  return FALSE;
}

char *
plan_utf8_nfc (const char *str)
{
  GString *out;
  const char *chunk = str;
  const char *p;
  gsize length;

  g_return_val_if_fail (str != NULL, NULL);

  length = strlen (str);
  if (length <= CHUNK_BYTES)
    return g_utf8_normalize (str, -1, G_NORMALIZE_NFC);

  out = g_string_sized_new (length + length / 8);
  p = str;
  while (*p != '\0')
    {
      if ((gsize) (p - chunk) >= CHUNK_BYTES && is_safe_cut_before (g_utf8_get_char (p)))
        {
          g_autofree char *part = g_utf8_normalize (chunk, p - chunk, G_NORMALIZE_NFC);

          g_string_append (out, part);
          chunk = p;
        }
      p = g_utf8_next_char (p);
    }

  if (p > chunk)
    {
      g_autofree char *part = g_utf8_normalize (chunk, p - chunk, G_NORMALIZE_NFC);

      g_string_append (out, part);
    }

  return g_string_free (out, FALSE);
}
