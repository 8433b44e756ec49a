/* plan-format.c: the decree's formats for numbers, dates, numbering markers and capitals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plan-format.h"
#include "plan-nfc.h"

/* The printed ellipsis stands for a part that is still to be filled in. */
#define MISSING "…"

/* The Vietnamese alphabet used for điểm: no f, j, w, z and no letters with diacritics except đ. */
static const char * const letters[] = {
  "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
  "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
};

char *
plan_format_roman (guint n)
{
  static const struct {
    guint       value;
    const char *numeral;
  } table[] = {
    { 1000, "M" }, { 900, "CM" }, { 500, "D" }, { 400, "CD" },
    { 100, "C" }, { 90, "XC" }, { 50, "L" }, { 40, "XL" },
    { 10, "X" }, { 9, "IX" }, { 5, "V" }, { 4, "IV" }, { 1, "I" },
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      while (n >= table[i].value)
        {
          g_string_append (out, table[i].numeral);
          n -= table[i].value;
        }
    }

  return g_string_free (out, FALSE);
}

char *
plan_format_letter (guint n)
{
  GString *out;
  guint index;
  guint repeat;

  if (n == 0)
    return g_strdup ("");

  /* After y comes aa, bb, …, yy, then aaa … as word processors do. */
  index = (n - 1) % G_N_ELEMENTS (letters);
  repeat = (n - 1) / G_N_ELEMENTS (letters) + 1;

  out = g_string_new (NULL);
  for (guint i = 0; i < repeat; i++)
    g_string_append (out, letters[index]);

  return g_string_free (out, FALSE);
}

char *
plan_format_letter_latin (guint n)
{
  GString *out;
  guint repeat;

  if (n == 0)
    return g_strdup ("");

  repeat = (n - 1) / 26 + 1;
  out = g_string_new (NULL);
  for (guint i = 0; i < repeat; i++)
    g_string_append_c (out, 'a' + (n - 1) % 26);

  return g_string_free (out, FALSE);
}

char *
plan_format_number (guint n)
{
  if (n == 0)
    return g_strdup ("");

  return g_strdup_printf ("%02u", n);
}

char *
plan_format_date (guint year,
                  guint month,
                  guint day)
{
  g_autofree char *day_str = NULL;
  g_autofree char *month_str = NULL;
  g_autofree char *year_str = NULL;

  day_str = day > 0 ? g_strdup_printf ("%02u", day) : g_strdup (MISSING);
  /* Only months 1 and 2 take a leading zero (ND30 Phụ lục I §II.4). */
  if (month == 0)
    month_str = g_strdup (MISSING);
  else if (month < 3)
    month_str = g_strdup_printf ("%02u", month);
  else
    month_str = g_strdup_printf ("%u", month);
  year_str = year > 0 ? g_strdup_printf ("%u", year) : g_strdup (MISSING);

  return g_strdup_printf ("ngày %s tháng %s năm %s", day_str, month_str, year_str);
}

char *
plan_format_upper (const char *text)
{
  g_autofree char *upper = NULL;

  if (text == NULL)
    return g_strdup ("");

  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), g_strdup (""));

  upper = g_utf8_strup (text, -1);
  return plan_utf8_nfc (upper);
}

char *
plan_format_normalize (const char *text)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  return plan_utf8_nfc (text);
}
