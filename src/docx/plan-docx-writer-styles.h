/* plan-docx-writer-styles.h: the named paragraph styles of an exported plan (word/styles.xml)
 *
 * One style per role, named in Vietnamese as a clerk knows the parts of a Decree 30 document,
 * holding the plan's font, size, spacing and indent: a Word user who edits the file keeps the
 * format by keeping the styles. The ids are ASCII (Word's own habit); the names are what Word
 * and LibreOffice show. docs/word-export.md lists them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "plan-document.h"

G_BEGIN_DECLS

#define PLAN_DOCX_STYLE_NORMAL          "Normal"          /* "Normal": Times New Roman, the plan's size */
#define PLAN_DOCX_STYLE_PARENT_AGENCY   "CoQuanChuQuan"   /* "Cơ quan chủ quản" */
#define PLAN_DOCX_STYLE_AGENCY          "CoQuan"          /* "Cơ quan" */
#define PLAN_DOCX_STYLE_NATIONAL        "QuocHieu"        /* "Quốc hiệu" */
#define PLAN_DOCX_STYLE_MOTTO           "TieuNgu"         /* "Tiêu ngữ" */
#define PLAN_DOCX_STYLE_NUMBER          "SoKyHieu"        /* "Số, ký hiệu" */
#define PLAN_DOCX_STYLE_PLACE_DATE      "DiaDanhNgay"     /* "Địa danh, ngày tháng" */
#define PLAN_DOCX_STYLE_RULE            "DuongKe"         /* "Đường kẻ": a short rule, nothing else */
#define PLAN_DOCX_STYLE_STAMP           "DauMucDo"        /* "Dấu mức độ": KHẨN, MẬT, LƯU HÀNH NỘI BỘ */
#define PLAN_DOCX_STYLE_TYPE_NAME       "TenLoai"         /* "Tên loại": KẾ HOẠCH */
#define PLAN_DOCX_STYLE_TITLE           "TrichYeu"        /* "Trích yếu" */
#define PLAN_DOCX_STYLE_CAN_CU          "CanCu"           /* "Căn cứ" */
#define PLAN_DOCX_STYLE_ISSUING         "BanHanhKemTheo"  /* "Ban hành kèm theo": the italic line
                                                           * under a plan issued by a decision */
#define PLAN_DOCX_STYLE_AUTHORITY       "ThamQuyen"       /* "Thẩm quyền ban hành": a decision's
                                                           * authority, centred bold capitals */
#define PLAN_DOCX_STYLE_DECIDES         "QuyetDinh"       /* "Quyết định:": the centred line
                                                           * before the articles */
#define PLAN_DOCX_STYLE_ARTICLE         "Dieu"            /* "Điều": an article, "Điều 1." bold */
#define PLAN_DOCX_STYLE_BODY            "NoiDung"         /* "Nội dung": an item's further paragraphs */
#define PLAN_DOCX_STYLE_FREE_PARAGRAPH  "DoanVan"         /* "Đoạn văn": a paragraph item's first
                                                           * paragraph (the rest in "Nội dung") */
#define PLAN_DOCX_STYLE_PART            "Phan"            /* "Phần": A., Phần I */
#define PLAN_DOCX_STYLE_SECTION         "DeMuc"           /* "Đề mục": I., II. */
#define PLAN_DOCX_STYLE_ITEM            "Muc"             /* "Mục": 1., 1.1. with a heading */
#define PLAN_DOCX_STYLE_POINT           "Diem"            /* "Điểm": a), b) */
#define PLAN_DOCX_STYLE_BULLET          "GachDauDong"     /* "Gạch đầu dòng": - and + */
#define PLAN_DOCX_STYLE_NOTE            "GhiChu"          /* "Ghi chú": italic notes */
#define PLAN_DOCX_STYLE_RECIPIENTS_LABEL "NoiNhan"        /* "Nơi nhận" */
#define PLAN_DOCX_STYLE_RECIPIENTS      "DanhSachNoiNhan" /* "Danh sách nơi nhận" */
#define PLAN_DOCX_STYLE_SIGNER_TITLE    "ChucVuNguoiKy"   /* "Chức vụ người ký" */
#define PLAN_DOCX_STYLE_SIGNER_NAME     "TenNguoiKy"      /* "Tên người ký" */
#define PLAN_DOCX_STYLE_SIGNER_NOTES    "GhiChuNguoiKy"   /* "Ghi chú người ký" */
#define PLAN_DOCX_STYLE_APPENDIX        "PhuLuc"          /* "Phụ lục" */
#define PLAN_DOCX_STYLE_APPENDIX_TITLE  "TenPhuLuc"       /* "Tên phụ lục" */
#define PLAN_DOCX_STYLE_APPENDIX_REFERENCE "KemTheo"      /* "Kèm theo" */
#define PLAN_DOCX_STYLE_TABLE_TITLE     "TenBang"         /* "Tên bảng" */
#define PLAN_DOCX_STYLE_TABLE_NOTE      "LuuYBang"        /* "Lưu ý bảng" */
#define PLAN_DOCX_STYLE_TABLE_HEADER    "TieuDeBang"      /* "Tiêu đề bảng": header cells */
#define PLAN_DOCX_STYLE_TABLE_CELL      "OBang"           /* "Ô bảng" */
#define PLAN_DOCX_STYLE_TABLE_FOOTNOTE  "ChuThichBang"    /* "Chú thích bảng" */
#define PLAN_DOCX_STYLE_PAGE_HEADER     "DauTrang"        /* "Đầu trang": the page number */
#define PLAN_DOCX_STYLE_END_MARKER      "DauKetThuc"      /* character style "Dấu kết thúc": the "./."
                                                           * of the plan's end marker */
#define PLAN_DOCX_STYLE_POINT_HEADING   "DauDeDiem"       /* character style "Đầu đề điểm": a point's
                                                           * heading, printed as the text is */
#define PLAN_DOCX_STYLE_TABLE_RULED     "BangKe"          /* table style "Bảng kẻ ô" */
#define PLAN_DOCX_STYLE_TABLE_PLAIN     "BangKhongKe"     /* table style "Bảng không kẻ" */

/* The id of the app's own style named @name ("Thẩm quyền ban hành" → "ThamQuyen"): paragraph,
 * character and table styles. NULL for another name. LibreOffice gives the styles new ids when
 * it saves a file again (made of the name's ASCII letters, "Thmquynbanhnh"), so the import
 * knows our styles by their names as well. */
const char *plan_docx_style_id_for_name (const char *name);

/* word/styles.xml for @document */
GBytes *plan_docx_writer_styles (PlanDocument *document);

/* Size of table text in points: the table's own, else the renderer's table size */
double  plan_docx_writer_table_size (PlanDocument *document,
                                     PlanTable    *table);

G_END_DECLS
