/* test-docx-import-decision.c: a decision issuing a plan (Quyết định ban hành kế hoạch) as an
 * office's Word writes it (fixtures from make-decision-fixture.py, not from our export)
 * becomes the decision document kind; a decision that issues no plan does not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <string.h>

#include "plan-docx-import.h"
#include "plan-json.h"

static const char *fixture_dir;

static PlanDocument *
import (const char      *name,
        PlanDocxReport **report)
{
  g_autofree char *path = g_build_filename (fixture_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlanDocument *document = plan_docx_import_file (file, report, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static const char *
paragraph_text (GListModel *list,
                guint       index)
{
  g_autoptr(PlanParagraph) paragraph = g_list_model_get_item (list, index);

  return plan_text_get_plain (plan_paragraph_get_text (paragraph));
}

static void
test_office_decision (void)
{
  g_autoptr(PlanDocxReport) report = NULL;
  g_autoptr(PlanDocument) document = import ("decision-office.docx", &report);
  PlanDecision *decision = plan_document_get_decision (document);
  GListModel *preamble = plan_decision_get_preamble (decision);
  GListModel *articles = plan_decision_get_articles (decision);
  GListModel *recipients = plan_decision_get_recipients (decision);
  g_autofree char *summary = plan_docx_report_dup_summary (report);
  g_autofree char *symbol = NULL;
  g_autofree char *issuing = NULL;
  guint year, month, day;

  g_assert_cmpint (plan_document_get_kind (document), ==, PLAN_DOCUMENT_KIND_DECISION);

  /* The header is the decision's: its number left blank, its type code, its date */
  g_assert_cmpstr (plan_document_get_parent_agency (document), ==, "UBND TỈNH LÀO CAI");
  g_assert_cmpstr (plan_document_get_agency (document), ==, "SỞ CÔNG THƯƠNG");
  g_assert_cmpuint (plan_document_get_number (document), ==, 0);
  g_assert_cmpstr (plan_decision_get_doc_type (decision), ==, "QĐ");
  g_assert_cmpstr (plan_document_get_doc_type (document), ==, "KH");
  symbol = plan_document_dup_symbol (document);
  g_assert_true (g_str_has_suffix (symbol, "/QĐ-SCT"));
  plan_document_get_date (document, &year, &month, &day);
  g_assert_cmpuint (year, ==, 2026);
  g_assert_cmpuint (month, ==, 5);
  g_assert_cmpuint (day, ==, 0);

  /* The decision's own parts: the title's two lines, the authority (its case from the plan's
   * "Ban hành kèm theo" line, since the decision types it in capitals), the bases, the
   * articles with their computed labels, its Nơi nhận */
  g_assert_cmpstr (plan_decision_get_title (decision), ==,
                   "V/v ban hành Kế hoạch kiểm tra hoạt động vật liệu nổ công nghiệp\n"
                   "trên địa bàn tỉnh năm 2026");
  g_assert_cmpstr (plan_decision_get_authority (decision), ==, "Giám đốc Sở Công Thương tỉnh Lào Cai");
  g_assert_cmpuint (g_list_model_get_n_items (preamble), ==, 3);
  g_assert_true (g_str_has_prefix (paragraph_text (preamble, 0), "Căn cứ Luật Quản lý"));
  g_assert_cmpstr (paragraph_text (preamble, 2), ==,
                   "Theo đề nghị của Trưởng phòng Kỹ thuật an toàn - Môi trường.");
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PlanArticle) article = g_list_model_get_item (articles, i);
      g_autofree char *label = plan_article_dup_printed_label (article, i);
      g_autofree char *want = g_strdup_printf ("Điều %u.", i + 1);
      PlanText *text = plan_article_get_text (article);

      g_assert_cmpstr (plan_article_get_label (article), ==, "");
      g_assert_cmpstr (label, ==, want);
      /* The bold label is not part of the text, nor is its bold */
      g_assert_false (g_str_has_prefix (plan_text_get_plain (text), "Điều"));
      g_assert_cmpuint (plan_text_get_n_runs (text), ==, 1);
      if (i == 0)
        g_assert_cmpstr (plan_text_get_plain (text), ==,
                         "Ban hành kèm theo Quyết định này Kế hoạch kiểm tra hoạt động vật liệu "
                         "nổ công nghiệp trên địa bàn tỉnh năm 2026.");
    }
  g_assert_cmpuint (g_list_model_get_n_items (recipients), ==, 2);
  g_assert_cmpstr (plan_decision_get_archive (decision), ==, "VT, KTAT");
  g_assert_cmpuint (g_list_model_get_n_items (plan_document_get_recipients (document)), ==, 0);
  g_assert_cmpstr (plan_document_get_archive (document), ==, "");
  g_assert_cmpstr (plan_document_get_signer_authority (document), ==, "KT. GIÁM ĐỐC");
  g_assert_cmpstr (plan_document_get_signer_title (document), ==, "PHÓ GIÁM ĐỐC");
  g_assert_cmpstr (plan_document_get_signer_name (document), ==, "Nguyễn Văn Thắng");

  /* The plan it issues: its title without the issuing line, its body up to its signature
   * (which is no table of the body), its appendix */
  g_assert_cmpstr (plan_document_get_title (document), ==,
                   "Kiểm tra hoạt động vật liệu nổ công nghiệp trên địa bàn tỉnh năm 2026");
  issuing = plan_document_dup_issuing_reference (document);
  g_assert_nonnull (strstr (issuing, "của Giám đốc Sở Công Thương tỉnh Lào Cai)"));
  g_assert_cmpuint (g_list_model_get_n_items (plan_document_get_preamble (document)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (plan_document_get_body (document)), ==, 2);
  {
    g_autoptr(PlanItem) last = g_list_model_get_item (plan_document_get_body (document), 1);

    g_assert_cmpint (plan_item_get_kind (last), ==, PLAN_ITEM_SECTION);
    g_assert_cmpuint (g_list_model_get_n_items (plan_item_get_children (last)), ==, 0);
  }
  g_assert_cmpuint (g_list_model_get_n_items (plan_document_get_appendices (document)), ==, 1);

  /* The summary says what it found, and nothing was left unrecognised */
  g_assert_true (report->decision);
  g_assert_cmpuint (report->n_articles, ==, 3);
  g_assert_true (g_str_has_prefix (summary, "Decision issuing the plan with 3 articles, header, "));
  g_assert_cmpuint (report->unrecognised->len, ==, 0);
  for (guint i = 0; i < report->remarks->len; i++)
    {
      PlanDocxNote *note = g_ptr_array_index (report->remarks, i);

      g_assert_null (strstr (note->message, "Ban hành kèm theo"));
      g_assert_null (strstr (note->message, "article"));
      g_assert_null (strstr (note->message, "QUYẾT ĐỊNH"));
    }

  /* It saves as a valid decision file and loads back the same */
  {
    g_autoptr(GBytes) json = plan_json_save_bytes (document);
    g_autoptr(GError) error = NULL;
    gsize length = 0;
    const char *data = g_bytes_get_data (json, &length);
    g_autoptr(PlanDocument) back = plan_json_load_data (data, length, &error);

    g_assert_no_error (error);
    g_assert_cmpint (plan_document_get_kind (back), ==, PLAN_DOCUMENT_KIND_DECISION);
    g_assert_cmpuint (g_list_model_get_n_items (plan_decision_get_articles (plan_document_get_decision (back))), ==, 3);
  }
}

/* "Về việc ban hành" / "Kế hoạch …": the title names the plan on its second line */
static void
test_ve_viec (void)
{
  g_autoptr(PlanDocxReport) report = NULL;
  g_autoptr(PlanDocument) document = import ("decision-ve-viec.docx", &report);
  PlanDecision *decision = plan_document_get_decision (document);

  g_assert_cmpint (plan_document_get_kind (document), ==, PLAN_DOCUMENT_KIND_DECISION);
  g_assert_cmpstr (plan_decision_get_title (decision), ==,
                   "Về việc ban hành\nKế hoạch kiểm tra hoạt động vật liệu nổ công nghiệp năm 2026");
  g_assert_cmpstr (plan_decision_get_authority (decision), ==, "Giám đốc Sở Công Thương tỉnh Lào Cai");
  g_assert_cmpuint (g_list_model_get_n_items (plan_decision_get_articles (decision)), ==, 3);
}

/* "QUYẾT ĐỊNH Về việc thành lập Tổ kiểm tra …" issues no plan: read as before, kind PLAN */
static void
test_other_decision (void)
{
  g_autoptr(PlanDocxReport) report = NULL;
  g_autoptr(PlanDocument) document = import ("decision-other.docx", &report);

  g_assert_cmpint (plan_document_get_kind (document), ==, PLAN_DOCUMENT_KIND_PLAN);
  g_assert_false (report->decision);
  g_assert_true (g_str_has_prefix (plan_document_get_title (document), "Về việc thành lập Tổ kiểm tra"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (argc, ==, 2);
  fixture_dir = argv[1];

  g_test_add_func ("/docx-import/decision/office", test_office_decision);
  g_test_add_func ("/docx-import/decision/ve-viec", test_ve_viec);
  g_test_add_func ("/docx-import/decision/other", test_other_decision);
  return g_test_run ();
}
