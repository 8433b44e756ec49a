/* plan-json-names.c: the names and numbers of the file format, shared by loader and writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "plan-json-private.h"

/* The names written in the file for each enum, in the enum's order. They are part of the file
 * format, so they are spelled out here instead of being taken from the C names. */
const char * const plan_json_item_kind_names[] = {
  "part", "section", "numbered", "point", "bullet", "paragraph", "note", "table", NULL
};
const char * const plan_json_alignment_names[] = { "left", "center", "right", "justify", NULL };
const char * const plan_json_orientation_names[] = { "portrait", "landscape", NULL };
/* PLAN_MERGE_NONE is a plain string cell; only the other two are written as names. */
const char * const plan_json_merge_names[] = { "none", "up", "left", NULL };
const char * const plan_json_label_mode_names[] = { "auto", "custom", "none", NULL };
const char * const plan_json_reference_mode_names[] = { "auto", "custom", "none", NULL };
const char * const plan_json_numbered_style_names[] = { "dot", "paren", NULL };
const char * const plan_json_point_style_names[] = { "paren", "dot", NULL };
const char * const plan_json_part_style_names[] = { "letter", "word", NULL };
const char * const plan_json_marker_format_names[] = {
  "auto", "decimal", "decimal-nested", "roman", "letter", "letter-upper", "letter-latin",
  "letter-upper-latin", "part-word", "dash", "plus", NULL
};
const char * const plan_json_urgency_names[] = { "none", "khan", "thuong-khan", "hoa-toc", NULL };
const char * const plan_json_secrecy_names[] = { "none", "mat", "toi-mat", "tuyet-mat", NULL };
const char * const plan_json_status_names[] = { "draft", "submitted", "returned", "approved", NULL };
const char * const plan_json_role_names[] = { "drafter", "approver", NULL };

char *
plan_json_format_double (double value)
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
