/* plan-signature-image.h: the images of the signatures (Decree 30, Phụ lục I §II.7d and §II.8)
 * and where they go on the page.
 *
 * - The signer's image (a transparent PNG, blue): centred between the signer's title line and
 *   name, at its real size when it fits the gap, smaller otherwise.
 * - The agency's seal (a transparent PNG, red) at its real size, over about the left third of
 *   the signer's image, centred on it vertically.
 *
 * The real size of a PNG is its pHYs resolution; a PNG without one is taken at 300 dpi.
 * Positions are in PDF user space: points, from the bottom left of the page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <poppler.h>

G_BEGIN_DECLS

/* An ARGB32 surface of the PNG at @path, and its real size in points. */
cairo_surface_t *plan_signature_image_load        (const char       *path,
                                                   double           *width_pt,
                                                   double           *height_pt,
                                                   GError          **error);

/* The gap between the signer's title line (the last line of @title_text, in capitals, as
 * printed) and the signer's @name on @page of @document: the rectangle between the bottom
 * of the title and the top of the name, as wide as the wider of the two and centred on the
 * name. FALSE with PLAN_SIGNING_ERROR_NO_PLACE when they are not found. */
gboolean         plan_signature_find_signer_gap    (PopplerDocument  *document,
                                                   guint             page,
                                                   const char       *title_text,
                                                   const char       *name,
                                                   double            gap[4],
                                                   GError          **error);

/* The image of @width × @height points centred in @gap, shrunk to fit it (aspect kept) */
void             plan_signature_place_in_gap       (const double      gap[4],
                                                   double            width,
                                                   double            height,
                                                   double            rect[4]);

/* The seal of @width × @height points over the left third of the signer's image at @signer */
void             plan_signature_place_seal         (const double      signer[4],
                                                   double            width,
                                                   double            height,
                                                   double            rect[4]);

G_END_DECLS
