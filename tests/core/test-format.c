/* test-format.c: the decree's formats: numbers, dates, symbols, document types, numbering,
 * appendix labels and reference lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plan-doc-type.h"
#include "plan-document.h"
#include "plan-format.h"
#include "plan-numbering.h"

#define assert_take_str(expr, expected)       \
  G_STMT_START {                              \
    char *_s = (expr);                        \
    g_assert_cmpstr (_s, ==, (expected));     \
    g_free (_s);                              \
  } G_STMT_END

static void
test_roman (void)
{
  const struct {
    guint       n;
    const char *roman;
  } cases[] = {
    { 0, "" }, { 1, "I" }, { 2, "II" }, { 3, "III" }, { 4, "IV" }, { 5, "V" }, { 6, "VI" },
    { 9, "IX" }, { 10, "X" }, { 14, "XIV" }, { 19, "XIX" }, { 40, "XL" }, { 49, "XLIX" },
    { 90, "XC" }, { 400, "CD" }, { 944, "CMXLIV" }, { 1999, "MCMXCIX" }, { 2026, "MMXXVI" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_take_str (plan_format_roman (cases[i].n), cases[i].roman);
}

static void
test_letter (void)
{
  const char * const alphabet[] = {
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
    "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
  };

  assert_take_str (plan_format_letter (0), "");
  for (guint i = 0; i < G_N_ELEMENTS (alphabet); i++)
    assert_take_str (plan_format_letter (i + 1), alphabet[i]);

  /* The 5th letter is đ, the 7th g (no f); after y come doubled letters. */
  assert_take_str (plan_format_letter (5), "đ");
  assert_take_str (plan_format_letter (7), "g");
  assert_take_str (plan_format_letter (23), "y");
  assert_take_str (plan_format_letter (24), "aa");
  assert_take_str (plan_format_letter (25), "bb");
  assert_take_str (plan_format_letter (28), "đđ");
  assert_take_str (plan_format_letter (46), "yy");
  assert_take_str (plan_format_letter (47), "aaa");
}

static void
test_number (void)
{
  assert_take_str (plan_format_number (0), "");
  assert_take_str (plan_format_number (1), "01");
  assert_take_str (plan_format_number (5), "05");
  assert_take_str (plan_format_number (9), "09");
  assert_take_str (plan_format_number (10), "10");
  assert_take_str (plan_format_number (25), "25");
  assert_take_str (plan_format_number (1234), "1234");
}

static void
test_date (void)
{
  /* Day padded below 10; month padded only for 1 and 2 (ND30 §II.4). */
  assert_take_str (plan_format_date (2020, 3, 5), "ngày 05 tháng 3 năm 2020");
  assert_take_str (plan_format_date (2022, 2, 15), "ngày 15 tháng 02 năm 2022");
  assert_take_str (plan_format_date (2022, 1, 1), "ngày 01 tháng 01 năm 2022");
  assert_take_str (plan_format_date (2019, 6, 29), "ngày 29 tháng 6 năm 2019");
  assert_take_str (plan_format_date (2024, 12, 31), "ngày 31 tháng 12 năm 2024");
  assert_take_str (plan_format_date (2024, 10, 10), "ngày 10 tháng 10 năm 2024");
  /* Missing parts */
  assert_take_str (plan_format_date (2026, 4, 0), "ngày … tháng 4 năm 2026");
  assert_take_str (plan_format_date (2026, 0, 0), "ngày … tháng … năm 2026");
  assert_take_str (plan_format_date (0, 0, 0), "ngày … tháng … năm …");
  /* Printed: a missing day or month is room to write it in */
  assert_take_str (plan_format_date_blank (2026, 5, 0), "ngày        tháng 5 năm 2026");
  assert_take_str (plan_format_date_blank (2026, 0, 0), "ngày        tháng        năm 2026");
  assert_take_str (plan_format_date_blank (0, 2, 3), "ngày 03 tháng 02 năm …");
  assert_take_str (plan_format_date_blank (2022, 2, 15), "ngày 15 tháng 02 năm 2022");
}

static void
test_end_line (void)
{
  assert_take_str (plan_format_end_line ("- UBND tỉnh (b/c)", ";"), "- UBND tỉnh (b/c);");
  assert_take_str (plan_format_end_line ("- Như trên.", ";"), "- Như trên.");
  assert_take_str (plan_format_end_line ("- Các phòng;", ";"), "- Các phòng;");
  assert_take_str (plan_format_end_line ("- Sở Tài chính:  ", ";"), "- Sở Tài chính:");
  assert_take_str (plan_format_end_line ("- Website…", ";"), "- Website…");
  assert_take_str (plan_format_end_line ("- Lưu: VT, VP ", "."), "- Lưu: VT, VP.");
  assert_take_str (plan_format_end_line ("- Lưu: VT.", "."), "- Lưu: VT.");
  assert_take_str (plan_format_end_line ("", ";"), ";");
  assert_take_str (plan_format_end_line (NULL, "."), ".");
}

static void
test_upper_normalize (void)
{
  assert_take_str (plan_format_upper ("Trường THCS Lý Tự Trọng"), "TRƯỜNG THCS LÝ TỰ TRỌNG");
  assert_take_str (plan_format_upper ("đội tuyên truyền cải cách hành chính"),
                   "ĐỘI TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH");
  assert_take_str (plan_format_upper ("Phòng GD&ĐT thành phố Hạ Long"),
                   "PHÒNG GD&ĐT THÀNH PHỐ HẠ LONG");
  /* NFD in, NFC out */
  assert_take_str (plan_format_upper ("ke\xcc\x82\xcc\x81 hoa\xcc\xa3" "ch"), "KẾ HOẠCH");
  assert_take_str (plan_format_upper (""), "");

  assert_take_str (plan_format_normalize ("Ke\xcc\x82\xcc\x81 hoa\xcc\xa3" "ch"), "Kế hoạch");
  g_assert_null (plan_format_normalize ("\xff"));
  g_assert_null (plan_format_normalize (NULL));
}

static void
test_doc_types (void)
{
  const char * const codes[] = {
    "NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC",
    "BB", "TTr", "HĐ", "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB",
    "SY", "TrS", "SL",
  };
  const PlanDocType *types;
  const PlanDocType *type;
  guint n_types = 0;
  guint n_found = 0;

  types = plan_doc_types (&n_types);
  /* 27 types with codes, 3 copy forms, and Công văn without a code */
  g_assert_cmpuint (n_types, ==, 31);

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      type = plan_doc_type_lookup (codes[i]);
      g_assert_nonnull (type);
      g_assert_cmpstr (type->code, ==, codes[i]);
      n_found++;
    }
  g_assert_cmpuint (n_found, ==, 30);

  /* Every entry is unique and NFC. */
  for (guint i = 0; i < n_types; i++)
    {
      g_autofree char *code = g_utf8_normalize (types[i].code, -1, G_NORMALIZE_NFC);
      g_autofree char *name = g_utf8_normalize (types[i].name, -1, G_NORMALIZE_NFC);

      g_assert_cmpstr (code, ==, types[i].code);
      g_assert_cmpstr (name, ==, types[i].name);
      for (guint j = i + 1; j < n_types; j++)
        g_assert_cmpstr (types[i].code, !=, types[j].code);
    }

  g_assert_cmpstr (plan_doc_type_lookup ("KH")->name, ==, "Kế hoạch");
  g_assert_cmpstr (plan_doc_type_lookup ("QyĐ")->name, ==, "Quy định");
  g_assert_cmpstr (plan_doc_type_lookup ("CTr")->name, ==, "Chương trình");
  g_assert_cmpstr (plan_doc_type_lookup ("TTr")->name, ==, "Tờ trình");
  g_assert_cmpstr (plan_doc_type_lookup ("TrS")->name, ==, "Bản trích sao");
  g_assert_cmpstr (plan_doc_type_lookup ("SY")->name, ==, "Bản sao y");
  g_assert_cmpstr (plan_doc_type_lookup ("SL")->name, ==, "Bản sao lục");
  g_assert_cmpstr (plan_doc_type_lookup ("QĐ")->name, ==, "Quyết định");
  g_assert_cmpstr (plan_doc_type_lookup ("")->name, ==, "Công văn");

  /* Exact, case-sensitive: the misspellings seen in the wild are not codes. */
  g_assert_null (plan_doc_type_lookup ("QYĐ"));
  g_assert_null (plan_doc_type_lookup ("kh"));
  g_assert_null (plan_doc_type_lookup ("QCh"));
  g_assert_null (plan_doc_type_lookup ("DAn"));
  g_assert_null (plan_doc_type_lookup ("CV"));
  g_assert_null (plan_doc_type_lookup ("TTR"));
  g_assert_null (plan_doc_type_lookup (NULL));

  /* The decree's order: Kế hoạch comes after Chương trình */
  g_assert_cmpstr (types[0].code, ==, "NQ");
  g_assert_cmpstr (types[8].code, ==, "CTr");
  g_assert_cmpstr (types[9].code, ==, "KH");
}

static PlanDocument *
new_reference_document (void)
{
  PlanDocument *document = plan_document_new ();

  g_object_set (document,
                "parent-agency", "Phòng GD&ĐT thành phố Hạ Long",
                "agency", "Trường THCS Lý Tự Trọng",
                "agency-abbrev", "THCS",
                "number", 25,
                "place", "Hạ Long",
                "date-year", 2022,
                "date-month", 2,
                "date-day", 15,
                NULL);
  return document;
}

static void
test_symbol (void)
{
  g_autoptr(PlanDocument) document = new_reference_document ();

  assert_take_str (plan_document_dup_symbol (document), "25/KH-THCS");

  g_object_set (document, "number", 5, NULL);
  assert_take_str (plan_document_dup_symbol (document), "05/KH-THCS");

  g_object_set (document, "number", 125, NULL);
  assert_take_str (plan_document_dup_symbol (document), "125/KH-THCS");

  /* Not numbered yet: room to write the number by hand */
  g_object_set (document, "number", 0, "agency-abbrev", "SCT", NULL);
  assert_take_str (plan_document_dup_symbol (document), "      /KH-SCT");

  /* Official mixed case is kept. */
  g_object_set (document, "number", 3, "doc-type", "QyĐ", "agency-abbrev", "UBND", NULL);
  assert_take_str (plan_document_dup_symbol (document), "03/QyĐ-UBND");
  g_assert_cmpstr (plan_document_get_type_name (document), ==, "Quy định");

  /* Công văn has no type code */
  g_object_set (document, "number", 5, "doc-type", "", "agency-abbrev", "BNV-VP", NULL);
  assert_take_str (plan_document_dup_symbol (document), "05/BNV-VP");
  g_assert_cmpstr (plan_document_get_type_name (document), ==, "Công văn");
}

static void
test_place_and_date (void)
{
  g_autoptr(PlanDocument) document = new_reference_document ();

  assert_take_str (plan_document_dup_place_and_date (document),
                   "Hạ Long, ngày 15 tháng 02 năm 2022");

  g_object_set (document,
                "place", "Lào Cai", "date-year", 2026, "date-month", 4, "date-day", 0,
                NULL);
  assert_take_str (plan_document_dup_place_and_date (document),
                   "Lào Cai, ngày … tháng 4 năm 2026");

  g_object_set (document, "place", "", "date-year", 2020, "date-month", 3, "date-day", 5, NULL);
  assert_take_str (plan_document_dup_place_and_date (document), "…, ngày 05 tháng 3 năm 2020");
}

static void
test_appendix_label (void)
{
  g_autoptr(PlanDocument) document = new_reference_document ();
  GListModel *appendices = plan_document_get_appendices (document);
  g_autoptr(PlanAppendix) first = plan_appendix_new ("NỘI DUNG TRỌNG TÂM");
  g_autoptr(PlanAppendix) second = plan_appendix_new ("BIỂU MẪU");
  g_autoptr(PlanAppendix) third = plan_appendix_new ("DANH SÁCH");

  plan_document_insert (document, appendices, 0, first);
  /* One appendix: no numeral */
  assert_take_str (plan_document_dup_appendix_label (document, first), "Phụ lục");

  plan_document_insert (document, appendices, 1, second);
  plan_document_insert (document, appendices, 2, third);
  assert_take_str (plan_document_dup_appendix_label (document, first), "Phụ lục I");
  assert_take_str (plan_document_dup_appendix_label (document, second), "Phụ lục II");
  assert_take_str (plan_document_dup_appendix_label (document, third), "Phụ lục III");

  /* Numbered by position among all appendices, whatever their label mode. */
  g_object_set (first, "label-mode", PLAN_LABEL_NONE, NULL);
  g_assert_null (plan_document_dup_appendix_label (document, first));
  assert_take_str (plan_document_dup_appendix_label (document, second), "Phụ lục II");

  g_object_set (second, "label-mode", PLAN_LABEL_CUSTOM, "label", "Phụ lục số 01:", NULL);
  assert_take_str (plan_document_dup_appendix_label (document, second), "Phụ lục số 01:");
  g_object_set (second, "label", "", NULL);
  g_assert_null (plan_document_dup_appendix_label (document, second));

  /* Moving changes the numeral */
  plan_document_move (document, appendices, 2, 0);
  assert_take_str (plan_document_dup_appendix_label (document, third), "Phụ lục I");
}

static void
test_appendix_reference (void)
{
  g_autoptr(PlanDocument) document = new_reference_document ();
  g_autoptr(PlanAppendix) appendix = plan_appendix_new ("NỘI DUNG");

  plan_document_insert (document, plan_document_get_appendices (document), 0, appendix);

  assert_take_str (plan_document_dup_appendix_reference (document, appendix),
                   "(Kèm theo Kế hoạch số 25/KH-THCS ngày 15 tháng 02 năm 2022 "
                   "của Trường THCS Lý Tự Trọng)");

  /* Agency lines are joined with a space. */
  g_object_set (document, "agency", "Ban Chỉ đạo\n\n chuyển đổi số ", "agency-abbrev", "BCĐ",
                "number", 7, "date-month", 10, "date-day", 3, NULL);
  assert_take_str (plan_document_dup_appendix_reference (document, appendix),
                   "(Kèm theo Kế hoạch số 07/KH-BCĐ ngày 03 tháng 10 năm 2022 "
                   "của Ban Chỉ đạo chuyển đổi số)");

  /* Number and day left for the văn thư: the editor marks them "…", the page leaves room,
   * as in the header */
  g_object_set (document, "number", 0, "date-day", 0, NULL);
  assert_take_str (plan_document_dup_appendix_reference (document, appendix),
                   "(Kèm theo Kế hoạch số       /KH-BCĐ ngày … tháng 10 năm 2022 "
                   "của Ban Chỉ đạo chuyển đổi số)");
  assert_take_str (plan_document_dup_printed_appendix_reference (document, appendix),
                   "(Kèm theo Kế hoạch số       /KH-BCĐ ngày        tháng 10 năm 2022 "
                   "của Ban Chỉ đạo chuyển đổi số)");

  g_object_set (appendix,
                "reference-mode", PLAN_REFERENCE_CUSTOM,
                "reference", "Kèm theo Công văn số 12/UBND-VX",
                NULL);
  assert_take_str (plan_document_dup_appendix_reference (document, appendix),
                   "(Kèm theo Công văn số 12/UBND-VX)");

  g_object_set (appendix, "reference-mode", PLAN_REFERENCE_NONE, NULL);
  g_assert_null (plan_document_dup_appendix_reference (document, appendix));
}

static PlanItem *
add (GListModel   *list,
     PlanItemKind  kind)
{
  g_autoptr(PlanItem) item = plan_item_new (kind, NULL);

  g_list_store_append (G_LIST_STORE (list), item);
  return item;
}

static void
assert_markers (PlanDocument *document,
                GListModel   *items,
                PlanItem     *parent,
                const char   *parent_number,
                const char   *expected)
{
  g_auto(GStrv) markers = plan_numbering_markers (document, items, parent, parent_number);
  g_autofree char *joined = g_strjoinv ("|", markers);

  g_assert_cmpuint (g_strv_length (markers), ==, g_list_model_get_n_items (items));
  g_assert_cmpstr (joined, ==, expected);
}

static void
test_numbering (void)
{
  g_autoptr(PlanDocument) document = plan_document_new ();
  GListModel *body = plan_document_get_body (document);
  PlanItem *section;
  PlanItem *numbered;
  PlanItem *bullet;
  g_autofree char *prefix = NULL;
  g_autofree char *sub_prefix = NULL;
  g_auto(GStrv) body_markers = NULL;
  g_auto(GStrv) child_markers = NULL;

  /* The top of the body: sections counted among themselves, paragraphs unmarked */
  add (body, PLAN_ITEM_PARAGRAPH);
  section = add (body, PLAN_ITEM_SECTION);
  add (body, PLAN_ITEM_SECTION);
  add (body, PLAN_ITEM_NOTE);
  add (body, PLAN_ITEM_SECTION);
  add (body, PLAN_ITEM_SECTION);
  assert_markers (document, body, NULL, NULL, "|I.|II.||III.|IV.");

  /* Inside a section: numbered items, a table, points inside a numbered item */
  numbered = add (plan_item_get_children (section), PLAN_ITEM_NUMBERED);
  add (plan_item_get_children (section), PLAN_ITEM_PARAGRAPH);
  add (plan_item_get_children (section), PLAN_ITEM_NUMBERED);
  add (plan_item_get_children (section), PLAN_ITEM_NUMBERED);
  add (plan_item_get_children (section), PLAN_ITEM_TABLE);

  body_markers = plan_numbering_markers (document, body, NULL, NULL);
  prefix = plan_numbering_child_prefix (section, body_markers[1]);
  g_assert_null (prefix);
  assert_markers (document, plan_item_get_children (section), section, NULL, "1.||2.|3.|");

  /* Numbered inside numbered continue the number: 1.1., 1.2.; and again 1.1.1. */
  child_markers = plan_numbering_markers (document, plan_item_get_children (section),
                                          section, NULL);
  prefix = plan_numbering_child_prefix (numbered, child_markers[0]);
  g_assert_cmpstr (prefix, ==, "1");
  {
    GListModel *children = plan_item_get_children (numbered);
    PlanItem *sub = add (children, PLAN_ITEM_NUMBERED);
    g_auto(GStrv) sub_markers = NULL;

    add (children, PLAN_ITEM_NUMBERED);
    assert_markers (document, children, numbered, prefix, "1.1.|1.2.");

    sub_markers = plan_numbering_markers (document, children, numbered, prefix);
    sub_prefix = plan_numbering_child_prefix (sub, sub_markers[0]);
    g_assert_cmpstr (sub_prefix, ==, "1.1");
    add (plan_item_get_children (sub), PLAN_ITEM_NUMBERED);
    add (plan_item_get_children (sub), PLAN_ITEM_NUMBERED);
    assert_markers (document, plan_item_get_children (sub), sub, sub_prefix, "1.1.1.|1.1.2.");
  }

  /* Points: the Vietnamese alphabet, đ fifth, no f; 23 letters then doubled */
  {
    g_autoptr(PlanItem) holder = plan_item_new (PLAN_ITEM_NUMBERED, NULL);
    GListModel *points = plan_item_get_children (holder);
    g_auto(GStrv) markers = NULL;

    for (guint i = 0; i < 25; i++)
      add (points, PLAN_ITEM_POINT);
    markers = plan_numbering_markers (document, points, holder, "2");
    g_assert_cmpstr (markers[0], ==, "a)");
    g_assert_cmpstr (markers[3], ==, "d)");
    g_assert_cmpstr (markers[4], ==, "đ)");
    g_assert_cmpstr (markers[5], ==, "e)");
    g_assert_cmpstr (markers[6], ==, "g)");
    g_assert_cmpstr (markers[9], ==, "k)");
    g_assert_cmpstr (markers[21], ==, "x)");
    g_assert_cmpstr (markers[22], ==, "y)");
    g_assert_cmpstr (markers[23], ==, "aa)");
    g_assert_cmpstr (markers[24], ==, "bb)");
  }

  /* Bullets: "-", and "+" inside a bullet */
  {
    g_autoptr(PlanItem) holder = plan_item_new (PLAN_ITEM_POINT, NULL);
    GListModel *items = plan_item_get_children (holder);

    bullet = add (items, PLAN_ITEM_BULLET);
    add (items, PLAN_ITEM_BULLET);
    add (items, PLAN_ITEM_PARAGRAPH);
    assert_markers (document, items, holder, NULL, "-|-|");

    add (plan_item_get_children (bullet), PLAN_ITEM_BULLET);
    add (plan_item_get_children (bullet), PLAN_ITEM_BULLET);
    assert_markers (document, plan_item_get_children (bullet), bullet, NULL, "+|+");
    g_assert_null (plan_numbering_child_prefix (bullet, "-"));
  }
}

static void
test_numbering_styles (void)
{
  g_autoptr(PlanDocument) document = plan_document_new ();
  g_autoptr(PlanItem) holder = plan_item_new (PLAN_ITEM_NUMBERED, NULL);
  GListModel *body = plan_document_get_body (document);
  GListModel *items = plan_item_get_children (holder);
  g_autofree char *prefix = NULL;

  for (guint i = 0; i < 5; i++)
    add (body, PLAN_ITEM_PART);
  add (body, PLAN_ITEM_SECTION);

  assert_markers (document, body, NULL, NULL, "A.|B.|C.|D.|Đ.|I.");
  g_object_set (document, "part-style", PLAN_PART_WORD, NULL);
  assert_markers (document, body, NULL, NULL, "Phần I|Phần II|Phần III|Phần IV|Phần V|I.");

  add (items, PLAN_ITEM_NUMBERED);
  add (items, PLAN_ITEM_POINT);
  add (items, PLAN_ITEM_NUMBERED);
  add (items, PLAN_ITEM_POINT);
  g_object_set (document,
                "numbered-style", PLAN_NUMBERED_PAREN,
                "point-style", PLAN_POINT_DOT,
                NULL);
  assert_markers (document, items, holder, NULL, "1)|a.|2)|b.");
  assert_markers (document, items, holder, "3", "3.1)|a.|3.2)|b.");

  prefix = plan_numbering_child_prefix (holder, "2)");
  g_assert_cmpstr (prefix, ==, "2");

  /* Without a document the defaults apply. */
  assert_markers (NULL, items, holder, "", "1.|a)|2.|b)");
}

static PlanItem *
add_styled (GListModel       *list,
            PlanItemKind      kind,
            PlanMarkerFormat  format,
            const char       *suffix)
{
  PlanItem *item = add (list, kind);

  g_object_set (item, "marker-format", format, "marker-suffix", suffix, NULL);
  return item;
}

/* Styles per list, as offices write them: "a)" in one section and "a." in another, "a/.",
 * "3.1." and "6.2", Roman sections inside lettered parts. */
static void
test_numbering_item_styles (void)
{
  g_autoptr(PlanDocument) document = plan_document_new ();
  GListModel *body = plan_document_get_body (document);
  PlanItem *part = add (body, PLAN_ITEM_PART);
  PlanItem *section;
  PlanItem *first_list;
  PlanItem *second_list;
  PlanItem *numbered;

  /* A. → I. → 1. → a) → - */
  section = add (plan_item_get_children (part), PLAN_ITEM_SECTION);
  add (plan_item_get_children (part), PLAN_ITEM_SECTION);
  assert_markers (document, body, NULL, NULL, "A.");
  assert_markers (document, plan_item_get_children (part), part, NULL, "I.|II.");

  first_list = add (plan_item_get_children (section), PLAN_ITEM_NUMBERED);
  second_list = add (plan_item_get_children (section), PLAN_ITEM_NUMBERED);
  assert_markers (document, plan_item_get_children (section), section, NULL, "1.|2.");

  /* "a)" under 1., "a." under 2.: the style of a list's first item holds for the list */
  add_styled (plan_item_get_children (first_list), PLAN_ITEM_POINT, PLAN_MARKER_LETTER, ")");
  add (plan_item_get_children (first_list), PLAN_ITEM_POINT);
  add_styled (plan_item_get_children (second_list), PLAN_ITEM_POINT, PLAN_MARKER_LETTER, ".");
  add (plan_item_get_children (second_list), PLAN_ITEM_POINT);
  add (plan_item_get_children (second_list), PLAN_ITEM_BULLET);
  assert_markers (document, plan_item_get_children (first_list), first_list, "1", "a)|b)");
  assert_markers (document, plan_item_get_children (second_list), second_list, "2", "a.|b.|-");

  /* "a/." and a style that changes within a list */
  {
    g_autoptr(PlanItem) holder = plan_item_new (PLAN_ITEM_NUMBERED, NULL);
    GListModel *items = plan_item_get_children (holder);

    add_styled (items, PLAN_ITEM_POINT, PLAN_MARKER_LETTER, "/.");
    add (items, PLAN_ITEM_POINT);
    add_styled (items, PLAN_ITEM_POINT, PLAN_MARKER_LETTER_UPPER, ")");
    add (items, PLAN_ITEM_POINT);
    assert_markers (document, items, holder, NULL, "a/.|b/.|C)|D)");
  }

  /* "3.1." and "6.2" without the final dot */
  numbered = add (body, PLAN_ITEM_NUMBERED);
  {
    GListModel *items = plan_item_get_children (numbered);

    PlanItem *first = add_styled (items, PLAN_ITEM_NUMBERED, PLAN_MARKER_DECIMAL_NESTED, "");

    add (items, PLAN_ITEM_NUMBERED);
    assert_markers (document, items, numbered, "6", "6.1|6.2");
    g_object_set (first, "marker-suffix", ".", NULL);
    assert_markers (document, items, numbered, "3", "3.1.|3.2.");
    /* plain decimal under a numbered item does not continue its number */
    g_object_set (first, "marker-format", PLAN_MARKER_DECIMAL, NULL);
    assert_markers (document, items, numbered, "3", "1.|2.");
  }

  /* Sections in Roman numerals inside parts, parts in words */
  {
    g_autoptr(PlanItem) holder = plan_item_new (PLAN_ITEM_PART, NULL);
    GListModel *items = plan_item_get_children (holder);

    add_styled (items, PLAN_ITEM_PART, PLAN_MARKER_PART_WORD, ":");
    add (items, PLAN_ITEM_PART);
    add_styled (items, PLAN_ITEM_SECTION, PLAN_MARKER_DECIMAL, "/.");
    assert_markers (document, items, holder, NULL, "Phần I:|Phần II:|1/.");
  }
}

/* The Vietnamese sequence is the default; f, j, w, z only when a list asks for them. */
static void
test_numbering_latin_letters (void)
{
  g_autoptr(PlanDocument) document = plan_document_new ();
  g_autoptr(PlanItem) holder = plan_item_new (PLAN_ITEM_NUMBERED, NULL);
  GListModel *items = plan_item_get_children (holder);
  g_autofree char *z = plan_format_letter_latin (26);
  g_autofree char *aa = plan_format_letter_latin (27);

  for (guint i = 0; i < 7; i++)
    add (items, PLAN_ITEM_POINT);
  assert_markers (document, items, holder, NULL, "a)|b)|c)|d)|đ)|e)|g)");

  g_assert_true (plan_numbering_set_list_style (document, items, PLAN_ITEM_POINT,
                                                PLAN_MARKER_LETTER_LATIN, ")"));
  assert_markers (document, items, holder, NULL, "a)|b)|c)|d)|e)|f)|g)");
  g_assert_cmpstr (z, ==, "z");
  g_assert_cmpstr (aa, ==, "aa");
}

/* A marker written by hand wins and is kept; the item still counts; "Renumber" returns to the
 * computed markers in one undo step. */
static void
test_numbering_literal (void)
{
  g_autoptr(PlanDocument) document = plan_document_new ();
  GListModel *body = plan_document_get_body (document);
  PlanItem *section = add (body, PLAN_ITEM_SECTION);
  GListModel *items = plan_item_get_children (section);
  PlanItem *skipped;
  PlanItem *point;
  PlanMarkerFormat format = PLAN_MARKER_AUTO;
  g_autofree char *suffix = NULL;

  add (items, PLAN_ITEM_NUMBERED);
  skipped = add (items, PLAN_ITEM_NUMBERED);
  add (items, PLAN_ITEM_NUMBERED);
  for (guint i = 0; i < 5; i++)
    point = add (plan_item_get_children (skipped), PLAN_ITEM_POINT);
  plan_document_clear_undo (document);

  plan_document_set (document, skipped, "marker", "3.", NULL);
  plan_document_set (document, point, "marker", "f)", NULL);
  assert_markers (document, items, section, NULL, "1.|3.|3.");
  assert_markers (document, plan_item_get_children (skipped), skipped, "3", "a)|b)|c)|d)|f)");
  g_assert_true (plan_numbering_has_literal_markers (body));

  /* the literal marker's number is what its children continue */
  {
    g_autofree char *prefix = plan_numbering_child_prefix (skipped, "3.");

    g_assert_cmpstr (prefix, ==, "3");
  }

  /* a table never prints a marker */
  {
    g_autoptr(PlanTable) table = plan_table_new (1);
    g_autoptr(PlanItem) table_item = plan_item_new_table (table);
    g_autoptr(GListStore) list = g_list_store_new (PLAN_TYPE_ITEM);

    g_object_set (table_item, "marker", "x)", NULL);
    g_list_store_append (list, table_item);
    assert_markers (document, G_LIST_MODEL (list), NULL, NULL, "");
  }

  g_assert_cmpuint (plan_numbering_clear_literal_markers (document, body), ==, 2);
  assert_markers (document, items, section, NULL, "1.|2.|3.");
  g_assert_false (plan_numbering_has_literal_markers (body));
  g_assert_cmpuint (plan_numbering_clear_literal_markers (document, body), ==, 0);

  plan_document_undo (document);
  assert_markers (document, items, section, NULL, "1.|3.|3.");
  g_assert_cmpstr (plan_item_get_marker (point), ==, "f)");

  /* the list style: read, set as one undo step, back to the document's default */
  g_assert_true (plan_numbering_get_list_style (document, items, PLAN_ITEM_NUMBERED, section,
                                                &format, &suffix));
  g_assert_cmpint (format, ==, PLAN_MARKER_DECIMAL_NESTED);
  g_assert_cmpstr (suffix, ==, ".");
  g_assert_false (plan_numbering_get_list_style (document, items, PLAN_ITEM_POINT, section,
                                                 NULL, NULL));
  g_assert_true (plan_numbering_set_list_style (document, items, PLAN_ITEM_NUMBERED,
                                                PLAN_MARKER_DECIMAL, ")"));
  g_assert_false (plan_numbering_set_list_style (document, items, PLAN_ITEM_NUMBERED,
                                                 PLAN_MARKER_DECIMAL, ")"));
  plan_document_set (document, skipped, "marker", "", NULL);
  assert_markers (document, items, section, NULL, "1)|2)|3)");
  plan_document_undo (document);
  plan_document_undo (document);
  assert_markers (document, items, section, NULL, "1.|3.|3.");
}

static void
test_numbering_samples (void)
{
  const struct {
    PlanMarkerFormat format;
    const char *suffix;
    const char *sample;
  } cases[] = {
    { PLAN_MARKER_LETTER, ")", "a), b), c), d), đ)" },
    { PLAN_MARKER_LETTER_LATIN, ")", "a), b), c), d), e)" },
    { PLAN_MARKER_LETTER, "/.", "a/., b/., c/., d/., đ/." },
    { PLAN_MARKER_ROMAN, ".", "I., II., III." },
    { PLAN_MARKER_DECIMAL_NESTED, "", "1.1, 1.2, 1.3" },
    { PLAN_MARKER_LETTER_UPPER_LATIN, ".", "A., B., C., D., E." },
    { PLAN_MARKER_DASH, "", "-" },
  };
  guint n_styles = 0;
  const PlanMarkerStyle *styles = plan_numbering_get_styles (&n_styles);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *sample = plan_numbering_dup_style_sample (cases[i].format, cases[i].suffix);

      g_assert_cmpstr (sample, ==, cases[i].sample);
    }

  /* every offered style differs from the others */
  for (guint i = 0; i < n_styles; i++)
    for (guint j = i + 1; j < n_styles; j++)
      {
        g_autofree char *a = plan_numbering_dup_style_sample (styles[i].format, styles[i].suffix);
        g_autofree char *b = plan_numbering_dup_style_sample (styles[j].format, styles[j].suffix);

        g_assert_cmpstr (a, !=, b);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/roman", test_roman);
  g_test_add_func ("/format/letter", test_letter);
  g_test_add_func ("/format/number", test_number);
  g_test_add_func ("/format/date", test_date);
  g_test_add_func ("/format/end-line", test_end_line);
  g_test_add_func ("/format/upper-normalize", test_upper_normalize);
  g_test_add_func ("/format/doc-types", test_doc_types);
  g_test_add_func ("/format/symbol", test_symbol);
  g_test_add_func ("/format/place-and-date", test_place_and_date);
  g_test_add_func ("/format/appendix-label", test_appendix_label);
  g_test_add_func ("/format/appendix-reference", test_appendix_reference);
  g_test_add_func ("/numbering/levels", test_numbering);
  g_test_add_func ("/numbering/styles", test_numbering_styles);
  g_test_add_func ("/numbering/item-styles", test_numbering_item_styles);
  g_test_add_func ("/numbering/latin-letters", test_numbering_latin_letters);
  g_test_add_func ("/numbering/literal", test_numbering_literal);
  g_test_add_func ("/numbering/samples", test_numbering_samples);

  return g_test_run ();
}
