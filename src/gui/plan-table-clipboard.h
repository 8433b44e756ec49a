/* plan-table-clipboard.h: rows as tab-separated text, the way spreadsheets and word
 * processors exchange tables through the clipboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Splits @text into rows (GStrv each) of cells: cells separated by TAB, rows by LF or CRLF;
 * a cell starting with a double quote runs to the closing quote and may hold TABs and line
 * breaks, "" inside standing for one quote. A final line break does not start a row. Cells
 * keep their line breaks as "\n". Returns NULL for text without any cell. */
GPtrArray *plan_table_clipboard_parse  (const char *text);
/* The reverse: cells holding a TAB, a line break or a quote are quoted. */
char      *plan_table_clipboard_format (GPtrArray  *rows);

G_END_DECLS
