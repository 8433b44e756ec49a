/* plan-format.h: the decree's formats for numbers, dates, numbering markers and capitals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-types.h"

G_BEGIN_DECLS

/* "I", "II", … "MMXXVI"; "" for 0 */
char   *plan_format_roman             (guint n);
/* The Vietnamese alphabet without f, j, w, z and the diacritic vowels:
 * 1 → "a", 5 → "đ", 7 → "g", 23 → "y", then "aa", "bb" … */
char   *plan_format_letter            (guint n);
/* The Latin alphabet a … z, then "aa", "bb" …, for lists that use f, j, w and z */
char   *plan_format_letter_latin      (guint n);
/* "05" below 10, "25"; "" for 0 */
char   *plan_format_number            (guint n);
/* "ngày 15 tháng 02 năm 2022": day zero-padded below 10, month only for 1 and 2;
 * each missing part (0) is printed as "…". */
char   *plan_format_date              (guint year,
                                       guint month,
                                       guint day);
/* Upper case for printing (đ → Đ, precomposed vowels kept), result NFC. */
char   *plan_format_upper             (const char *text);
/* NFC, or NULL when @text is not valid UTF-8. */
char   *plan_format_normalize         (const char *text);

G_END_DECLS
