/* plan-units.h: page geometry in points (1 pt = 1/72 in), the unit of the whole renderer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#define PLAN_MM_TO_PT(mm)     ((mm) * 72.0 / 25.4)
#define PLAN_PT_TO_MM(pt)     ((pt) * 25.4 / 72.0)

/* A4, 210 × 297 mm */
#define PLAN_A4_WIDTH_PT      595.2755905511812
#define PLAN_A4_HEIGHT_PT     841.8897637795276
