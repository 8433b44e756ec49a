/* plan-doc-type.c: the decree's document types and their codes (ND30 Phụ lục III)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "plan-doc-type.h"

/* Phụ lục III §I in the decree's order, with Công văn (no code) where Điều 7 lists it, and the
 * three copy forms at the end. The codes keep their official mixed case (QyĐ, CTr, TTr, TrS). */
static const PlanDocType doc_types[] = {
  { "NQ",  "Nghị quyết" },
  { "QĐ",  "Quyết định" },
  { "CT",  "Chỉ thị" },
  { "QC",  "Quy chế" },
  { "QyĐ", "Quy định" },
  { "TC",  "Thông cáo" },
  { "TB",  "Thông báo" },
  { "HD",  "Hướng dẫn" },
  { "CTr", "Chương trình" },
  { "KH",  "Kế hoạch" },
  { "PA",  "Phương án" },
  { "ĐA",  "Đề án" },
  { "DA",  "Dự án" },
  { "BC",  "Báo cáo" },
  { "BB",  "Biên bản" },
  { "TTr", "Tờ trình" },
  { "HĐ",  "Hợp đồng" },
  { "",    "Công văn" },
  { "CĐ",  "Công điện" },
  { "BGN", "Bản ghi nhớ" },
  { "BTT", "Bản thỏa thuận" },
  { "GUQ", "Giấy uỷ quyền" },
  { "GM",  "Giấy mời" },
  { "GGT", "Giấy giới thiệu" },
  { "GNP", "Giấy nghỉ phép" },
  { "PG",  "Phiếu gửi" },
  { "PC",  "Phiếu chuyển" },
  { "PB",  "Phiếu báo" },
  { "SY",  "Bản sao y" },
  { "TrS", "Bản trích sao" },
  { "SL",  "Bản sao lục" },
};

const PlanDocType *
plan_doc_types (guint *n_types)
{
  if (n_types != NULL)
    *n_types = G_N_ELEMENTS (doc_types);

  return doc_types;
}

const PlanDocType *
plan_doc_type_lookup (const char *code)
{
  if (code == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (doc_types); i++)
    {
      if (strcmp (doc_types[i].code, code) == 0)
        return &doc_types[i];
    }

  return NULL;
}
