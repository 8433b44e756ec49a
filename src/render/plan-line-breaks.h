/* plan-line-breaks.h: where a printed line may not be broken (inside a document symbol or a
 * date or number token: "1050/QĐ-SCT", "25/KH-THCS", "IV/2013", "12/6/2025", "11-CT/TU"), and
 * how dotted fill-in leaders are set ("Tên Công ty: ……………")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

/* Adds a PangoAttrAllowBreaks (FALSE) over every token of @text (@length bytes, the layout's
 * text) in which a "/" or a dash joins letters or digits, so that Pango moves the token to the
 * next line whole instead of breaking after its "/" or "-". No character is inserted: the
 * PDF's text stays the text. Returns the number of tokens kept whole. */
guint plan_line_breaks_keep_tokens (PangoAttrList *attrs,
                                    const char    *text,
                                    gsize          length);

/* TRUE when @text holds a dotted fill-in leader: five dots or more in a row, counting "…" as
 * three ("Tên Công ty: ……………", "Địa chỉ: ....."). Such text is set without justification:
 * Pango would spread the words before a leader that moved to the next line over the whole
 * width, and space the dots of a line of dots apart. */
gboolean plan_line_breaks_has_leader (const char *text,
                                      gsize       length);

/* Appends @text to @out with a ZERO WIDTH SPACE (U+200B) before every leader and between its
 * dots, so that a leader fills its line to the margin and runs on to the next one, as a typed
 * row of dots does in Word (UAX #14 allows no break between dots, nor between "Tên:" and its
 * dots). The ZWSP is an empty glyph: it is not drawn, and PDF readers do not extract it. */
void     plan_line_breaks_append_opening_leaders (GString    *out,
                                                  const char *text);

G_END_DECLS
