/* plan-fonts.h: the one serif family every page is set in, and Pango contexts that measure text
 * identically on screen, paper and PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

/* The family actually installed: "Times New Roman", else "Tinos", else "Liberation Serif",
 * else whatever fontconfig gives for "serif". Resolved once per process. */
const char   *plan_fonts_get_family       (void);
gboolean      plan_fonts_is_real_times    (void);

/* Starts reading the font configuration and resolving the family in a worker thread, so that
 * the first layout finds them ready. Optional; call it as early as possible. */
void          plan_fonts_prepare          (void);

/* A new context on the renderer's private font map: 72 units per inch (1 unit = 1 pt),
 * unhinted metrics, unrounded glyph positions. */
PangoContext *plan_fonts_create_context   (void);

G_END_DECLS
