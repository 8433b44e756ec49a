/* plan-block-builder.h: turns a plan into the flat list of blocks the paginator places
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-document.h"
#include "plan-block.h"
#include "plan-layout-cache.h"

G_BEGIN_DECLS

/* Vertical gaps of the first page, pt */
#define PLAN_GAP_AFTER_HEADER   18.0
#define PLAN_GAP_AFTER_TITLE    12.0
#define PLAN_GAP_BEFORE_CLOSING 12.0
/* Room left for the signature and the seal between the signer's title and name */
#define PLAN_SIGNATURE_GAP_MM   25.0
/* Short rules under the agency and the title: this share of the text above them (ND30: 1/3–1/2) */
#define PLAN_SHORT_RULE_SHARE   0.4
/* Share of the text width taken by the left column of the closing block (Nơi nhận); the
 * header's left column takes at least that much */
#define PLAN_LEFT_COLUMN_SHARE  0.4
/* From the bottom of a text line to the rule under it, pt */
#define PLAN_RULE_GAP           2.5
/* Room between the header's columns, pt */
#define PLAN_HEADER_GUTTER      12.0
/* Stamps (KHẨN, MẬT, LƯU HÀNH NỘI BỘ): 8 mm high as the decree's urgency stamps, 3 mm of
 * padding each side of the text, 6 pt between them and from the number above */
#define PLAN_STAMP_HEIGHT_MM    8.0
#define PLAN_STAMP_PAD_MM       3.0
#define PLAN_STAMP_GAP          6.0
#define PLAN_STAMP_MARGIN_GAP_MM 2.0

/* Header block sizes (ND30 Mẫu chữ examples), pt */
#define PLAN_SIZE_NATIONAL      12.0  /* Quốc hiệu */
#define PLAN_SIZE_MOTTO         13.0  /* Tiêu ngữ */
#define PLAN_SIZE_AGENCY        12.0
#define PLAN_SIZE_NUMBER        13.0  /* Số, ký hiệu */
#define PLAN_SIZE_PLACE_DATE    13.0
#define PLAN_SIZE_APPENDIX      14.0  /* "Phụ lục" */
#define PLAN_SIZE_RECIPIENTS_LABEL 12.0
#define PLAN_SIZE_RECIPIENTS    11.0
#define PLAN_SIZE_TABLE         12.0

#define PLAN_NATIONAL_NAME "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#define PLAN_MOTTO         "Độc lập - Tự do - Hạnh phúc"

/* Returns the blocks (PlanBlock, owned by the array) of @document in reading order. */
GPtrArray *plan_block_builder_build (PlanDocument    *document,
                                     PlanLayoutCache *cache);

/* Text area width of a page, pt */
double     plan_block_builder_text_width (PlanDocument   *document,
                                          PlanOrientation orientation);
/* Centred lines that wrap are balanced: the narrowest width (≤ @style's) that keeps @text on
 * the same number of lines, so that "PHÒNG GD&ĐT THÀNH PHỐ HẠ / LONG" prints "PHÒNG GD&ĐT /
 * THÀNH PHỐ HẠ LONG" rather than a lone word. The Word export narrows its paragraphs alike. */
double     plan_block_builder_balanced_width (PlanLayoutCache     *cache,
                                              const PlanTextStyle *style,
                                              const char          *text);
/* Text size of tables: 12 pt (one point below a 13 pt body) */
double     plan_block_builder_table_size (PlanDocument   *document);

G_END_DECLS
