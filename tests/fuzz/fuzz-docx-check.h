/* fuzz-docx-check.h: what the Word import's fuzz target and its corpus test check for one input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The input is either a whole package (it starts with "PK" or the OLE signature: the ZIP and
 * package checks are fuzzed) or XML parts separated by a line "----" (document.xml, then
 * numbering.xml, styles.xml, footnotes.xml; an empty one is left out), zipped here into a package (the XML reader and
 * the recognition are fuzzed). The import must either fail with a PLAN_DOCX_ERROR and a message,
 * or give a plan whose report has a summary and which saves as a plan file that loads again.
 * Returns NULL when all holds, else what went wrong. @imported_out (may be NULL) says whether
 * the input imported. */
char *fuzz_check_docx (const guint8 *data,
                       gsize         size,
                       gboolean     *imported_out);

G_END_DECLS
