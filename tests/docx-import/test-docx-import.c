/* test-docx-import.c: Word plans become plans: the reference files against their hand-encoded
 * samples, one test per hostile package and per recognition rule (fixtures from
 * make-fixtures.py)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "plan-docx-import.h"
#include "plan-json.h"
#include "plan-numbering.h"

static const char *source_dir;
static const char *fixture_dir;
static const char *kehoach;

static PlanDocument *
import (const char      *dir,
        const char      *name,
        PlanDocxReport **report,
        GError         **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  return plan_docx_import_file (file, report, NULL, error);
}

/* ---- hostile packages ----------------------------------------------------------------------- */

typedef struct {
  const char  *file;
  PlanDocxError code;
  const char  *words;   /* a part of the message the user reads */
} Hostile;

static const Hostile hostile_cases[] = {
  { "encrypted.docx", PLAN_DOCX_ERROR_ENCRYPTED, "password" },
  { "not-zip.docx", PLAN_DOCX_ERROR_NOT_DOCX, "not a Word document" },
  { "truncated.docx", PLAN_DOCX_ERROR_DAMAGED, "incomplete" },
  { "no-document.docx", PLAN_DOCX_ERROR_NOT_DOCX, "word/document.xml" },
  { "zip-bomb.docx", PLAN_DOCX_ERROR_TOO_LARGE, "unpacks to more than" },
  { "many-parts.docx", PLAN_DOCX_ERROR_TOO_LARGE, "parts" },
  { "path-traversal.docx", PLAN_DOCX_ERROR_DAMAGED, "outside the document" },
  { "entity-expansion.docx", PLAN_DOCX_ERROR_DAMAGED, "DTD" },
  { "external-entity.docx", PLAN_DOCX_ERROR_DAMAGED, "DTD" },
  { "deep-nesting.docx", PLAN_DOCX_ERROR_DAMAGED, "depth" },
  { "invalid-utf8.docx", PLAN_DOCX_ERROR_DAMAGED, "UTF-8" },
  { "rows-100000.docx", PLAN_DOCX_ERROR_TOO_LARGE, "more than" },
  { "rows-10001.docx", PLAN_DOCX_ERROR_TOO_LARGE, "more than 10000 rows below its header rows" },
  { "header-rows-101.docx", PLAN_DOCX_ERROR_TOO_LARGE, "more than 100 header rows" },
  /* Refused while the table is streamed, before its 10,001st body row (broken at its end) is
   * expanded */
  { "rows-10001-unclosed.docx", PLAN_DOCX_ERROR_TOO_LARGE,
    "more than 10000 rows below its header rows" },
  { "columns-1000.docx", PLAN_DOCX_ERROR_TOO_LARGE, "columns" },
};

static void
test_hostile (gconstpointer data)
{
  const Hostile *hostile = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanDocxReport) report = NULL;
  g_autoptr(PlanDocument) document = import (fixture_dir, hostile->file, &report, &error);

  g_assert_null (document);
  g_assert_null (report);
  g_assert_error (error, PLAN_DOCX_ERROR, (int) hostile->code);
  g_test_message ("%s: %s", hostile->file, error->message);
  g_assert_nonnull (strstr (error->message, hostile->words));
}

/* ---- the reference plans against their samples --------------------------------------------- */

static char *
plain (PlanText *text)
{
  return g_strdup (plan_text_get_plain (text));
}

static void compare_items (GListModel *got, GListModel *want, const char *path);

static void
compare_table (PlanTable  *got,
               PlanTable  *want,
               const char *path)
{
  GListModel *lists[2][2] = {
    { plan_table_get_header_rows (got), plan_table_get_rows (got) },
    { plan_table_get_header_rows (want), plan_table_get_rows (want) },
  };

  g_test_message ("%s: table", path);
  g_assert_cmpuint (plan_table_get_n_columns (got), ==, plan_table_get_n_columns (want));
  g_assert_cmpstr (plan_table_get_title (got), ==, plan_table_get_title (want));
  g_assert_cmpstr (plan_table_get_note (got), ==, plan_table_get_note (want));
  g_assert_cmpint (plan_table_get_numbered (got), ==, plan_table_get_numbered (want));
  for (guint l = 0; l < 2; l++)
    {
      g_assert_cmpuint (g_list_model_get_n_items (lists[0][l]), ==,
                        g_list_model_get_n_items (lists[1][l]));
      for (guint r = 0; r < g_list_model_get_n_items (lists[0][l]); r++)
        {
          g_autoptr(PlanRow) a = g_list_model_get_item (lists[0][l], r);
          g_autoptr(PlanRow) b = g_list_model_get_item (lists[1][l], r);
          for (guint c = 0; c < plan_table_get_n_columns (got); c++)
            {
              PlanCell *x = plan_row_get_cell (a, c), *y = plan_row_get_cell (b, c);
              g_test_message ("%s: %s row %u cell %u", path, l == 0 ? "header" : "body", r, c);
              g_assert_cmpint (plan_cell_get_merge (x), ==, plan_cell_get_merge (y));
              if (plan_cell_get_merge (x) == PLAN_MERGE_NONE)
                g_assert_cmpstr (plan_cell_get_text (x), ==, plan_cell_get_text (y));
            }
        }
    }
}

static void
compare_items (GListModel *got,
               GListModel *want,
               const char *path)
{
  g_test_message ("%s: %u items", path, g_list_model_get_n_items (want));
  g_assert_cmpuint (g_list_model_get_n_items (got), ==, g_list_model_get_n_items (want));
  for (guint i = 0; i < g_list_model_get_n_items (want); i++)
    {
      g_autoptr(PlanItem) a = g_list_model_get_item (got, i);
      g_autoptr(PlanItem) b = g_list_model_get_item (want, i);
      g_autofree char *here = g_strdup_printf ("%s[%u]", path, i);
      g_autofree char *heading_a = plain (plan_item_get_heading (a));
      g_autofree char *heading_b = plain (plan_item_get_heading (b));
      GListModel *pa = plan_item_get_paragraphs (a), *pb = plan_item_get_paragraphs (b);

      g_test_message ("%s: “%s”", here, heading_b);
      g_assert_cmpint (plan_item_get_kind (a), ==, plan_item_get_kind (b));
      g_assert_cmpstr (heading_a, ==, heading_b);
      g_assert_cmpint (plan_item_get_run_in (a), ==, plan_item_get_run_in (b));
      g_assert_cmpint (plan_item_get_marker_format (a), ==, plan_item_get_marker_format (b));
      g_assert_cmpstr (plan_item_get_marker_suffix (a), ==, plan_item_get_marker_suffix (b));
      g_assert_cmpstr (plan_item_get_marker (a), ==, plan_item_get_marker (b));
      g_assert_cmpuint (g_list_model_get_n_items (pa), ==, g_list_model_get_n_items (pb));
      for (guint p = 0; p < g_list_model_get_n_items (pb); p++)
        {
          g_autoptr(PlanParagraph) x = g_list_model_get_item (pa, p);
          g_autoptr(PlanParagraph) y = g_list_model_get_item (pb, p);
          g_assert_cmpstr (plan_text_get_plain (plan_paragraph_get_text (x)), ==,
                           plan_text_get_plain (plan_paragraph_get_text (y)));
        }
      if (plan_item_get_table (b) != NULL)
        {
          g_assert_nonnull (plan_item_get_table (a));
          compare_table (plan_item_get_table (a), plan_item_get_table (b), here);
        }
      compare_items (plan_item_get_children (a), plan_item_get_children (b), here);
    }
}

static void
assert_same_casefold (const char *got,
                      const char *want)
{
  g_autofree char *a = g_utf8_casefold (got, -1);
  g_autofree char *b = g_utf8_casefold (want, -1);
  g_assert_cmpstr (a, ==, b);
}

static void
test_reference (gconstpointer data)
{
  const char *const *names = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanDocxReport) report = NULL;
  g_autofree char *sample_path = g_build_filename (g_getenv ("KEHOACH_SAMPLES_DIR"), names[1], NULL);
  g_autoptr(GFile) sample_file = g_file_new_for_path (sample_path);
  g_autoptr(PlanDocument) want = plan_json_load_file (sample_file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_autoptr(PlanDocument) got = import (source_dir, names[0], &report, &error);
  g_assert_no_error (error);
  g_autofree char *summary = plan_docx_report_dup_text (report);
  guint y1, m1, d1, y2, m2, d2;

  g_test_message ("%s", summary);
  {
    g_autofree char *line = plan_docx_report_dup_summary (report);
    g_assert_cmpstr (line, ==, names[2]);
  }
  g_assert_true (report->header);
  g_assert_true (report->signer);
  g_assert_cmpuint (report->unrecognised->len, ==, 0);

  /* Header: the Word file has the agencies in capitals, as they print; the samples as typed */
  assert_same_casefold (plan_document_get_parent_agency (got), plan_document_get_parent_agency (want));
  assert_same_casefold (plan_document_get_agency (got), plan_document_get_agency (want));
  g_assert_cmpstr (plan_document_get_agency_abbrev (got), ==, plan_document_get_agency_abbrev (want));
  g_assert_cmpstr (plan_document_get_doc_type (got), ==, plan_document_get_doc_type (want));
  g_assert_cmpuint (plan_document_get_number (got), ==, plan_document_get_number (want));
  g_assert_cmpstr (plan_document_get_place (got), ==, plan_document_get_place (want));
  plan_document_get_date (got, &y1, &m1, &d1);
  plan_document_get_date (want, &y2, &m2, &d2);
  g_assert_cmpuint (y1, ==, y2);
  g_assert_cmpuint (m1, ==, m2);
  g_assert_cmpuint (d1, ==, d2);
  g_assert_cmpstr (plan_document_get_title (got), ==, plan_document_get_title (want));

  /* Preamble */
  GListModel *pa = plan_document_get_preamble (got), *pb = plan_document_get_preamble (want);
  g_assert_cmpuint (g_list_model_get_n_items (pa), ==, g_list_model_get_n_items (pb));
  for (guint i = 0; i < g_list_model_get_n_items (pb); i++)
    {
      g_autoptr(PlanParagraph) x = g_list_model_get_item (pa, i);
      g_autoptr(PlanParagraph) y = g_list_model_get_item (pb, i);
      g_assert_cmpstr (plan_text_get_plain (plan_paragraph_get_text (x)), ==,
                       plan_text_get_plain (plan_paragraph_get_text (y)));
    }

  /* Body outline: kinds (hence the markers the app prints), headings, run-in, paragraphs */
  compare_items (plan_document_get_body (got), plan_document_get_body (want), "body");

  /* Closing */
  GListModel *ra = plan_document_get_recipients (got), *rb = plan_document_get_recipients (want);
  g_assert_cmpuint (g_list_model_get_n_items (ra), ==, g_list_model_get_n_items (rb));
  for (guint i = 0; i < g_list_model_get_n_items (rb); i++)
    {
      g_autoptr(PlanRecipient) x = g_list_model_get_item (ra, i);
      g_autoptr(PlanRecipient) y = g_list_model_get_item (rb, i);
      g_assert_cmpstr (plan_recipient_get_name (x), ==, plan_recipient_get_name (y));
      g_assert_cmpstr (plan_recipient_get_purpose (x), ==, plan_recipient_get_purpose (y));
    }
  g_assert_cmpstr (plan_document_get_archive (got), ==, plan_document_get_archive (want));
  g_assert_cmpstr (plan_document_get_signer_authority (got), ==, plan_document_get_signer_authority (want));
  g_assert_cmpstr (plan_document_get_signer_title (got), ==, plan_document_get_signer_title (want));
  g_assert_cmpstr (plan_document_get_signer_name (got), ==, plan_document_get_signer_name (want));
  g_assert_cmpstr (plan_document_get_signer_notes (got), ==, plan_document_get_signer_notes (want));

  /* Appendices, tables cell by cell (widths are the Word file's own, not the samples') */
  GListModel *aa = plan_document_get_appendices (got), *ab = plan_document_get_appendices (want);
  g_assert_cmpuint (g_list_model_get_n_items (aa), ==, g_list_model_get_n_items (ab));
  for (guint i = 0; i < g_list_model_get_n_items (ab); i++)
    {
      g_autoptr(PlanAppendix) x = g_list_model_get_item (aa, i);
      g_autoptr(PlanAppendix) y = g_list_model_get_item (ab, i);
      g_assert_cmpint (plan_appendix_get_label_mode (x), ==, plan_appendix_get_label_mode (y));
      g_assert_cmpstr (plan_appendix_get_label (x), ==, plan_appendix_get_label (y));
      g_assert_cmpstr (plan_appendix_get_title (x), ==, plan_appendix_get_title (y));
      g_assert_cmpint (plan_appendix_get_reference_mode (x), ==, plan_appendix_get_reference_mode (y));
      g_assert_cmpstr (plan_appendix_get_reference (x), ==, plan_appendix_get_reference (y));
      g_assert_cmpint (plan_appendix_get_orientation (x), ==, plan_appendix_get_orientation (y));
      compare_items (plan_appendix_get_content (x), plan_appendix_get_content (y), "appendix");
    }
}

/* ---- recognition rules ---------------------------------------------------------------------- */

static PlanItem *
item_at (GListModel *list,
         guint       index)
{
  g_assert_cmpuint (index, <, g_list_model_get_n_items (list));
  PlanItem *item = g_list_model_get_item (list, index);
  g_object_unref (item);   /* the list keeps it */
  return item;
}

static const char *
first_paragraph (PlanItem *item)
{
  GListModel *paragraphs = plan_item_get_paragraphs (item);
  g_assert_cmpuint (g_list_model_get_n_items (paragraphs), >, 0);
  g_autoptr(PlanParagraph) paragraph = g_list_model_get_item (paragraphs, 0);
  return plan_text_get_plain (plan_paragraph_get_text (paragraph));
}

static gboolean
report_mentions (GPtrArray  *notes,
                 const char *words)
{
  for (guint i = 0; i < notes->len; i++)
    {
      PlanDocxNote *note = g_ptr_array_index (notes, i);
      if (strstr (note->message, words) != NULL ||
          (note->excerpt != NULL && strstr (note->excerpt, words) != NULL))
        return TRUE;
    }
  return FALSE;
}

static void
test_rules_table_header (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanDocxReport) report = NULL;
  g_autoptr(PlanDocument) plan = import (fixture_dir, "rules.docx", &report, &error);
  guint year, month, day, urgency;

  g_assert_no_error (error);
  /* Header table: agencies, "Số:", Quốc hiệu and Tiêu ngữ (with "HÒA" and en dashes) not
   * copied, place and date with the day left blank, urgency */
  g_assert_cmpstr (plan_document_get_parent_agency (plan), ==, "PHÒNG GD&ĐT HẠ LONG");
  g_assert_cmpstr (plan_document_get_agency (plan), ==, "TRƯỜNG THCS LÝ TỰ TRỌNG");
  g_assert_cmpuint (plan_document_get_number (plan), ==, 25);
  g_assert_cmpstr (plan_document_get_agency_abbrev (plan), ==, "THCS");
  g_assert_cmpstr (plan_document_get_place (plan), ==, "Hạ Long");
  plan_document_get_date (plan, &year, &month, &day);
  g_assert_cmpuint (year, ==, 2022);
  g_assert_cmpuint (month, ==, 2);
  g_assert_cmpuint (day, ==, 0);
  g_object_get (plan, "urgency", &urgency, NULL);
  g_assert_cmpuint (urgency, ==, PLAN_URGENCY_KHAN);
  g_assert_cmpstr (plan_document_get_title (plan), ==, "Tổ chức hoạt động trải nghiệm");
  /* Preamble: a basis and the lead-in */
  g_assert_cmpuint (g_list_model_get_n_items (plan_document_get_preamble (plan)), ==, 2);

  /* Outline from numbering.xml: I. → 1. (run-in) → a) → bullet */
  GListModel *body = plan_document_get_body (plan);
  PlanItem *section = item_at (body, 0);
  g_assert_cmpint (plan_item_get_kind (section), ==, PLAN_ITEM_SECTION);
  g_assert_cmpstr (plan_text_get_plain (plan_item_get_heading (section)), ==, "MỤC ĐÍCH");
  PlanItem *numbered = item_at (plan_item_get_children (section), 0);
  g_assert_cmpint (plan_item_get_kind (numbered), ==, PLAN_ITEM_NUMBERED);
  g_assert_cmpstr (plan_text_get_plain (plan_item_get_heading (numbered)), ==, "Mục đích:");
  g_assert_true (plan_item_get_run_in (numbered));
  g_assert_cmpstr (first_paragraph (numbered), ==, "Nâng cao chất lượng.");
  PlanItem *point = item_at (plan_item_get_children (numbered), 0);
  g_assert_cmpint (plan_item_get_kind (point), ==, PLAN_ITEM_POINT);
  PlanItem *bullet = item_at (plan_item_get_children (point), 0);
  g_assert_cmpint (plan_item_get_kind (bullet), ==, PLAN_ITEM_BULLET);
  g_assert_cmpstr (first_paragraph (bullet), ==, "Chi tiết");

  /* Markers: a skipped "3." and a repeated "I." are kept as written and reported; "a." makes
   * the list's style letters with "." (no literal marker) */
  PlanItem *second_section = item_at (body, 1);
  g_assert_cmpstr (plan_item_get_marker (second_section), ==, "I.");
  PlanItem *skipped = item_at (plan_item_get_children (second_section), 0);
  g_assert_cmpstr (plan_item_get_marker (skipped), ==, "3.");
  g_assert_true (report_mentions (report->remarks, "“3.” is kept as written"));
  PlanItem *dot_point = item_at (plan_item_get_children (skipped), 0);
  g_assert_cmpint (plan_item_get_kind (dot_point), ==, PLAN_ITEM_POINT);
  g_assert_cmpstr (plan_item_get_marker (dot_point), ==, "");
  g_assert_cmpint (plan_item_get_marker_format (dot_point), ==, PLAN_MARKER_LETTER);
  g_assert_cmpstr (plan_item_get_marker_suffix (dot_point), ==, ".");
  g_auto(GStrv) printed = plan_numbering_markers (plan, plan_item_get_children (skipped),
                                                  skipped, "3");
  g_assert_cmpstr (printed[0], ==, "a.");

  /* Tracked changes accepted; footnote and text box kept as paragraphs and listed */
  PlanItem *second = item_at (body, 1);
  GListModel *children = plan_item_get_children (second);
  gboolean tracked = FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    for (guint j = 0; j < g_list_model_get_n_items (plan_item_get_children (item_at (children, i))); j++)
      if (g_strcmp0 (first_paragraph (item_at (plan_item_get_children (item_at (children, i)), j)),
                     "Đã thêm chữ") == 0)
        tracked = TRUE;
  g_assert_true (tracked);
  g_assert_true (report_mentions (report->unrecognised, "Chú thích cuối trang"));
  g_assert_true (report_mentions (report->unrecognised, "Chữ trong hộp"));
  g_assert_true (report_mentions (report->remarks, "1 tracked insertion was accepted"));
  g_assert_true (report_mentions (report->remarks, "1 tracked deletion was accepted"));

  /* Closing table: recipients with purpose, archive, TM. signer */
  g_autoptr(PlanRecipient) recipient = g_list_model_get_item (plan_document_get_recipients (plan), 0);
  g_assert_cmpstr (plan_recipient_get_name (recipient), ==, "Phòng GD&ĐT");
  g_assert_cmpstr (plan_recipient_get_purpose (recipient), ==, "b/cáo");
  g_assert_cmpstr (plan_document_get_archive (plan), ==, "VT");
  g_assert_cmpstr (plan_document_get_signer_authority (plan), ==, "TM. ỦY BAN NHÂN DÂN");
  g_assert_cmpstr (plan_document_get_signer_title (plan), ==, "CHỦ TỊCH");
  g_assert_cmpstr (plan_document_get_signer_name (plan), ==, "Nguyễn Văn A");

  /* Appendix: label, title, "(Kèm theo …)", landscape section, merged table */
  GListModel *appendices = plan_document_get_appendices (plan);
  g_assert_cmpuint (g_list_model_get_n_items (appendices), ==, 1);
  g_autoptr(PlanAppendix) appendix = g_list_model_get_item (appendices, 0);
  g_assert_cmpint (plan_appendix_get_label_mode (appendix), ==, PLAN_LABEL_AUTO);
  g_assert_cmpstr (plan_appendix_get_title (appendix), ==, "DANH SÁCH");
  g_assert_cmpstr (plan_appendix_get_reference (appendix), ==, "Kèm theo Kế hoạch số 25/KH-THCS");
  g_assert_cmpint (plan_appendix_get_orientation (appendix), ==, PLAN_ORIENTATION_LANDSCAPE);
  PlanTable *table = plan_item_get_table (item_at (plan_appendix_get_content (appendix), 0));
  g_assert_nonnull (table);
  g_assert_cmpuint (plan_table_get_n_columns (table), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (plan_table_get_header_rows (table)), ==, 1);
  g_autoptr(PlanRow) header = g_list_model_get_item (plan_table_get_header_rows (table), 0);
  g_assert_cmpint (plan_cell_get_merge (plan_row_get_cell (header, 2)), ==, PLAN_MERGE_LEFT);
  g_autoptr(PlanRow) row2 = g_list_model_get_item (plan_table_get_rows (table), 1);
  g_assert_cmpint (plan_cell_get_merge (plan_row_get_cell (row2, 0)), ==, PLAN_MERGE_UP);
  g_assert_cmpstr (plan_cell_get_text (plan_row_get_cell (row2, 1)), ==, "Việc hai");
}

static void
test_rules_paragraph_header (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanDocxReport) report = NULL;
  g_autoptr(PlanDocument) plan = import (fixture_dir, "paragraph-header.docx", &report, &error);
  guint year, month, day;
  PlanNumberedStyle numbered_style;

  g_assert_no_error (error);
  /* Header typed as paragraphs, the columns apart by tabs; number left blank */
  g_assert_true (report->header);
  g_assert_cmpstr (plan_document_get_parent_agency (plan), ==, "UBND HUYỆN X");
  g_assert_cmpstr (plan_document_get_agency (plan), ==, "PHÒNG GIÁO DỤC");
  g_assert_cmpuint (plan_document_get_number (plan), ==, 0);
  g_assert_cmpstr (plan_document_get_agency_abbrev (plan), ==, "PGD");
  plan_document_get_date (plan, &year, &month, &day);
  g_assert_cmpuint (day, ==, 5);
  g_assert_cmpuint (month, ==, 9);
  /* A. part, 1) numbered, + bullet */
  PlanItem *part = item_at (plan_document_get_body (plan), 0);
  g_assert_cmpint (plan_item_get_kind (part), ==, PLAN_ITEM_PART);
  g_object_get (plan, "numbered-style", &numbered_style, NULL);
  g_assert_cmpint (numbered_style, ==, PLAN_NUMBERED_PAREN);
  PlanItem *numbered = item_at (plan_item_get_children (part), 0);
  g_assert_cmpint (plan_item_get_kind (item_at (plan_item_get_children (numbered), 0)), ==,
                   PLAN_ITEM_BULLET);
  /* Closing as paragraphs: recipients, KT. signer, a name in capitals after the blank space */
  g_assert_cmpuint (g_list_model_get_n_items (plan_document_get_recipients (plan)), ==, 1);
  g_assert_cmpstr (plan_document_get_archive (plan), ==, "VT");
  g_assert_cmpstr (plan_document_get_signer_authority (plan), ==, "KT. TRƯỞNG PHÒNG");
  g_assert_cmpstr (plan_document_get_signer_title (plan), ==, "PHÓ TRƯỞNG PHÒNG");
  g_assert_cmpstr (plan_document_get_signer_name (plan), ==, "TRẦN THỊ B");
}

static void
test_more_rules (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanDocxReport) report = NULL;
  g_autoptr(PlanDocument) plan = import (fixture_dir, "more-rules.docx", &report, &error);
  guint year, month, day, secrecy;
  PlanPartStyle part_style;
  double top, bottom, left, right;

  g_assert_no_error (error);
  /* One agency line only; secrecy mark; a date written with slashes; a place with a dot */
  g_assert_cmpstr (plan_document_get_parent_agency (plan), ==, "");
  g_assert_cmpstr (plan_document_get_agency (plan), ==, "SỞ GIÁO DỤC VÀ ĐÀO TẠO");
  g_assert_cmpuint (plan_document_get_number (plan), ==, 7);
  g_object_get (plan, "secrecy", &secrecy, NULL);
  g_assert_cmpuint (secrecy, ==, PLAN_SECRECY_MAT);
  g_assert_cmpstr (plan_document_get_place (plan), ==, "TP. Hồ Chí Minh");
  plan_document_get_date (plan, &year, &month, &day);
  g_assert_cmpuint (day, ==, 27);
  g_assert_cmpuint (month, ==, 5);
  g_assert_cmpuint (year, ==, 2026);
  /* "Thực hiện …" is a basis of the preamble */
  g_assert_cmpuint (g_list_model_get_n_items (plan_document_get_preamble (plan)), ==, 1);

  /* "PHẦN I." is a part in the "Phần I" style, its marker kept as written */
  PlanItem *part = item_at (plan_document_get_body (plan), 0);
  g_assert_cmpint (plan_item_get_kind (part), ==, PLAN_ITEM_PART);
  g_object_get (plan, "part-style", &part_style, NULL);
  g_assert_cmpint (part_style, ==, PLAN_PART_WORD);
  g_assert_cmpstr (plan_item_get_marker (part), ==, "PHẦN I.");
  /* A bold start is the heading, the rest runs in */
  PlanItem *numbered = item_at (plan_item_get_children (part), 0);
  g_assert_cmpstr (plan_text_get_plain (plan_item_get_heading (numbered)), ==, "Kết quả chung");
  g_assert_true (plan_item_get_run_in (numbered));
  g_assert_cmpstr (first_paragraph (numbered), ==, "đạt yêu cầu đề ra trong năm học.");
  /* a) … e): the Latin letters, as a list style, no literal marker */
  GListModel *points = plan_item_get_children (numbered);
  g_assert_cmpuint (g_list_model_get_n_items (points), ==, 5);
  g_assert_cmpint (plan_item_get_marker_format (item_at (points, 0)), ==, PLAN_MARKER_LETTER_LATIN);
  g_auto(GStrv) printed = plan_numbering_markers (plan, points, numbered, "1");
  g_assert_cmpstr (printed[4], ==, "e)");
  g_assert_cmpstr (plan_item_get_marker (item_at (points, 4)), ==, "");
  /* "-" → "+" → "*": nested bullets, the star kept as written */
  PlanItem *dash = item_at (plan_item_get_children (item_at (points, 4)), 0);
  PlanItem *plus = item_at (plan_item_get_children (dash), 0);
  PlanItem *star = item_at (plan_item_get_children (plus), 0);
  g_assert_cmpstr (first_paragraph (star), ==, "Sao");
  g_assert_cmpstr (plan_item_get_marker (star), ==, "*");
  /* An italic paragraph in parentheses is a note */
  PlanItem *note = item_at (plan_item_get_children (item_at (points, 4)), 1);
  g_assert_cmpint (plan_item_get_kind (note), ==, PLAN_ITEM_NOTE);
  /* The image is counted */
  g_assert_true (report_mentions (report->remarks, "1 image or drawing was left out"));

  /* Q. signer: the title alone, the name after the space, a line under the name */
  g_assert_cmpstr (plan_document_get_signer_authority (plan), ==, "");
  g_assert_cmpstr (plan_document_get_signer_title (plan), ==, "Q. GIÁM ĐỐC");
  g_assert_cmpstr (plan_document_get_signer_name (plan), ==, "Lê Văn C");
  g_assert_cmpstr (plan_document_get_signer_notes (plan), ==, "Phó Giám đốc phụ trách");
  g_assert_cmpstr (plan_document_get_archive (plan), ==, "VT, KHTC");

  /* "Biểu 01" starts an appendix: the table's title and note, a bold first row as header */
  g_autoptr(PlanAppendix) appendix = g_list_model_get_item (plan_document_get_appendices (plan), 0);
  g_assert_cmpint (plan_appendix_get_label_mode (appendix), ==, PLAN_LABEL_NONE);
  g_assert_cmpstr (plan_appendix_get_reference (appendix), ==, "Kèm theo Kế hoạch số 7/KH-SGDĐT");
  PlanTable *table = plan_item_get_table (item_at (plan_appendix_get_content (appendix), 0));
  g_assert_nonnull (table);
  g_assert_cmpstr (plan_table_get_title (table), ==, "Biểu 01: THỐNG KÊ");
  g_assert_cmpstr (plan_table_get_note (table), ==, "(Lưu ý: điền đủ các cột)");
  g_assert_cmpuint (g_list_model_get_n_items (plan_table_get_header_rows (table)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (plan_table_get_rows (table)), ==, 1);

  /* Margins within the decree's ranges are the plan's (to 0.1 mm) */
  plan_document_get_margins (plan, &top, &bottom, &left, &right);
  g_assert_cmpfloat_with_epsilon (top, 22.0, 0.01);
  g_assert_cmpfloat_with_epsilon (bottom, 20.0, 0.01);
  g_assert_cmpfloat_with_epsilon (left, 32.0, 0.01);
  g_assert_cmpfloat_with_epsilon (right, 18.0, 0.01);
}

static PlanParagraph *
paragraph_at (PlanItem *item,
              guint     index)
{
  GListModel *paragraphs = plan_item_get_paragraphs (item);
  g_assert_cmpuint (index, <, g_list_model_get_n_items (paragraphs));
  PlanParagraph *paragraph = g_list_model_get_item (paragraphs, index);
  g_object_unref (paragraph);   /* the list keeps it */
  return paragraph;
}

/* The forms of issue 15, as our Word export writes them in its styles and as offices write
 * them (docs/word-import.md, "Body outline") */
static void
test_forms_rules (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanDocxReport) report = NULL;
  g_autoptr(PlanDocument) plan = import (fixture_dir, "forms-rules.docx", &report, &error);
  PlanPointStyle point_style;

  g_assert_no_error (error);
  /* The circulation note of the first page's own page header (not the other pages' one); the
   * drawing there is not counted */
  {
    g_autofree char *circulation = NULL;

    g_object_get (plan, "circulation", &circulation, NULL);
    g_assert_cmpstr (circulation, ==, "Xem xong trả lại");
  }
  g_assert_false (report_mentions (report->remarks, "image"));
  PlanItem *section = item_at (plan_document_get_body (plan), 0);
  GListModel *items = plan_item_get_children (section);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);

  /* A "Mục" paragraph without a bold start has no heading, its colon is text */
  PlanItem *athletics = item_at (items, 0);
  g_assert_true (plan_text_is_empty (plan_item_get_heading (athletics)));
  g_assert_cmpstr (first_paragraph (athletics), ==, "Điền kinh: chạy 60 m, nhảy xa.");
  /* … and its bold start is */
  PlanItem *awards = item_at (items, 1);
  g_assert_cmpstr (plan_text_get_plain (plan_item_get_heading (awards)), ==, "Khen thưởng");

  /* "a/." does not set the plan's point style; the "a)" after it does, and the "a/." list
   * keeps its own */
  g_object_get (plan, "point-style", &point_style, NULL);
  g_assert_cmpint (point_style, ==, PLAN_POINT_PAREN);
  PlanItem *first_point = item_at (plan_item_get_children (awards), 0);
  g_assert_cmpint (plan_item_get_marker_format (first_point), ==, PLAN_MARKER_LETTER);
  g_assert_cmpstr (plan_item_get_marker_suffix (first_point), ==, "/.");
  g_assert_cmpstr (plan_item_get_marker (first_point), ==, "");

  /* A colon near the start in no style of ours is a run-in heading, as before */
  PlanItem *place = item_at (items, 2);
  g_assert_cmpstr (plan_text_get_plain (plan_item_get_heading (place)), ==, "Địa điểm:");
  g_assert_true (plan_item_get_run_in (place));
  GListModel *points = plan_item_get_children (place);
  g_assert_cmpuint (g_list_model_get_n_items (points), ==, 4);
  g_assert_cmpint (plan_item_get_marker_format (item_at (points, 0)), ==, PLAN_MARKER_AUTO);
  /* "Điểm": the text in the character style "Đầu đề điểm" is the heading … */
  PlanItem *personal = item_at (points, 2);
  g_assert_cmpstr (plan_text_get_plain (plan_item_get_heading (personal)), ==, "Giải cá nhân:");
  g_assert_true (plan_item_get_run_in (personal));
  g_assert_cmpstr (first_paragraph (personal), ==, "giấy khen;");
  /* … and without it there is none */
  PlanItem *team = item_at (points, 3);
  g_assert_true (plan_text_is_empty (plan_item_get_heading (team)));
  g_assert_cmpstr (first_paragraph (team), ==, "Giải toàn đoàn: cờ lưu niệm.");

  /* "Đoạn văn" starts a paragraph item right under the heading; "Nội dung" goes on in it */
  PlanItem *time = item_at (plan_document_get_body (plan), 1);
  g_assert_cmpuint (g_list_model_get_n_items (plan_item_get_paragraphs (time)), ==, 0);
  GListModel *free = plan_item_get_children (time);
  g_assert_cmpuint (g_list_model_get_n_items (free), ==, 7);
  PlanItem *dates = item_at (free, 0);
  g_assert_cmpint (plan_item_get_kind (dates), ==, PLAN_ITEM_PARAGRAPH);
  g_assert_cmpuint (g_list_model_get_n_items (plan_item_get_paragraphs (dates)), ==, 2);
  g_assert_cmpint (plan_paragraph_get_alignment (paragraph_at (dates, 0)), ==, PLAN_ALIGN_JUSTIFY);
  /* flush left without a first-line indent: kept (w:firstLine 0, or no w:ind and no style) */
  g_assert_cmpint (plan_paragraph_get_alignment (paragraph_at (dates, 1)), ==, PLAN_ALIGN_LEFT);
  g_assert_false (plan_paragraph_get_indent (paragraph_at (dates, 1)));
  /* a paragraph in no style of ours after children: a paragraph item of its own, as before */
  g_assert_cmpstr (first_paragraph (item_at (free, 1)), ==, "Mỗi lớp một đội.");
  g_assert_cmpint (plan_paragraph_get_alignment (paragraph_at (item_at (free, 1), 0)), ==,
                   PLAN_ALIGN_JUSTIFY);
  /* … also with LibreOffice's hanging indent of 0 */
  for (guint i = 2; i <= 4; i++)
    {
      PlanParagraph *line = paragraph_at (item_at (free, i), 0);
      g_assert_cmpint (plan_paragraph_get_alignment (line), ==, PLAN_ALIGN_LEFT);
      g_assert_false (plan_paragraph_get_indent (line));
    }
  /* flush left with a first-line indent: the body's justified text */
  PlanParagraph *indented = paragraph_at (item_at (free, 5), 0);
  g_assert_cmpint (plan_paragraph_get_alignment (indented), ==, PLAN_ALIGN_JUSTIFY);
  g_assert_true (plan_paragraph_get_indent (indented));

  /* An italic "(*) …" right after a table, in no style of ours, is the table's footnote */
  PlanTable *table = plan_item_get_table (item_at (free, 6));
  g_assert_nonnull (table);
  g_assert_cmpstr (plan_table_get_footnote (table), ==, "(*) Mỗi học sinh đăng ký không quá 02 môn.");
}

/* The row limit counts the rows below the header rows: repeated header rows or a bold first
 * row, then 10,000 rows, read whole (rows-10001.docx is refused, see the hostile cases) */
static void
test_row_limit (void)
{
  static const struct { const char *file; guint n_header; } cases[] = {
    { "rows-10000-below-header.docx", 2 },
    { "rows-10000-below-bold-row.docx", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlanDocument) plan = import (fixture_dir, cases[i].file, NULL, &error);

      g_assert_no_error (error);
      PlanTable *table = plan_item_get_table (item_at (plan_document_get_body (plan), 0));
      g_assert_nonnull (table);
      g_assert_cmpuint (g_list_model_get_n_items (plan_table_get_header_rows (table)), ==,
                        cases[i].n_header);
      g_assert_cmpuint (g_list_model_get_n_items (plan_table_get_rows (table)), ==, 10000);
    }
}

/* The largest table inside the limits, 10,000 rows by 63 columns of empty cells, is read
 * whole (its time and memory: docs/word-import.md) */
static void
test_largest_table (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanDocument) plan = import (fixture_dir, "rows-10000-columns-63.docx", NULL, &error);
  PlanTable *table;

  g_assert_no_error (error);
  table = plan_item_get_table (item_at (plan_document_get_body (plan), 0));
  g_assert_nonnull (table);
  g_assert_cmpuint (plan_table_get_n_columns (table), ==, 63);
  g_assert_cmpuint (g_list_model_get_n_items (plan_table_get_header_rows (table)) +
                    g_list_model_get_n_items (plan_table_get_rows (table)), ==, 10000);
}

static void
assert_row (PlanTable  *table,
            guint       index,
            const char *first,
            const char *second)
{
  g_autoptr(PlanRow) row = g_list_model_get_item (plan_table_get_rows (table), index);

  g_assert_nonnull (row);
  g_assert_cmpstr (plan_cell_get_text (plan_row_get_cell (row, 0)), ==, first);
  g_assert_cmpstr (plan_cell_get_text (plan_row_get_cell (row, 1)), ==, second);
}

/* A table inside a cell (read with its row) follows its table as a table of its own; the
 * cell keeps its paragraphs, the merges and header row of the outer table are kept */
static void
test_nested_table (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanDocument) plan = import (fixture_dir, "nested-table.docx", NULL, &error);
  GListModel *body;
  PlanTable *outer, *inner;

  g_assert_no_error (error);
  body = plan_document_get_body (plan);
  g_assert_cmpuint (g_list_model_get_n_items (body), ==, 3);
  outer = plan_item_get_table (item_at (body, 0));
  inner = plan_item_get_table (item_at (body, 1));
  g_assert_nonnull (outer);
  g_assert_nonnull (inner);
  g_assert_cmpuint (g_list_model_get_n_items (plan_table_get_header_rows (outer)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (plan_table_get_rows (outer)), ==, 3);
  assert_row (outer, 0, "1", "Việc một\nsau");
  assert_row (outer, 1, "2", "Việc hai");
  {
    g_autoptr(PlanRow) merged = g_list_model_get_item (plan_table_get_rows (outer), 2);
    g_assert_cmpint (plan_cell_get_merge (plan_row_get_cell (merged, 0)), ==, PLAN_MERGE_UP);
  }
  g_assert_cmpuint (g_list_model_get_n_items (plan_table_get_header_rows (inner)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (plan_table_get_rows (inner)), ==, 2);
  assert_row (inner, 0, "a1", "b1");
  assert_row (inner, 1, "a2", "b2");
  g_assert_cmpint (plan_item_get_kind (item_at (body, 2)), ==, PLAN_ITEM_PARAGRAPH);
  g_assert_cmpstr (first_paragraph (item_at (body, 2)), ==, "Đoạn cuối");
}

/* What the plan file cannot hold is left to the plan's defaults and said: the imported plan
 * always saves and loads again (found by the fuzz target) */
static void
test_odd_header (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanDocxReport) report = NULL;
  g_autoptr(PlanDocument) plan = import (fixture_dir, "odd-header.docx", &report, &error);
  g_autoptr(GBytes) json = NULL;
  g_autoptr(PlanDocument) reloaded = NULL;
  guint year, month, day;

  g_assert_no_error (error);
  g_assert_cmpstr (plan_document_get_doc_type (plan), ==, "KH");
  g_assert_cmpstr (plan_document_get_agency_abbrev (plan), ==, "UBND");
  g_assert_true (report_mentions (report->remarks, "“XYZ” is not a document type code"));
  plan_document_get_date (plan, &year, &month, &day);
  g_assert_cmpuint (day, ==, 0);
  g_assert_cmpuint (month, ==, 2);
  g_assert_cmpuint (year, ==, 2026);
  g_assert_true (report_mentions (report->remarks, "not a real date"));
  json = plan_json_save_bytes (plan);
  reloaded = plan_json_load_data (g_bytes_get_data (json, NULL), g_bytes_get_size (json), &error);
  g_assert_no_error (error);
}

static void
test_margins_out_of_range (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanDocxReport) report = NULL;
  g_autoptr(PlanDocument) plan = import (source_dir, "05-sct-laocai-kh-3024-kiem-tra-vlncn-sin-quyen.docx",
                                         &report, &error);
  double top, bottom, left, right;

  g_assert_no_error (error);
  /* The Word file's top margin is 15 mm: the decree's defaults, and the summary says so */
  plan_document_get_margins (plan, &top, &bottom, &left, &right);
  g_assert_cmpfloat (top, ==, PLAN_MARGIN_TOP_DEFAULT);
  g_assert_cmpfloat (left, ==, PLAN_MARGIN_LEFT_DEFAULT);
  g_assert_true (report_mentions (report->remarks, "outside the decree's ranges"));
}

/* ---- kehoach --import-docx ---------------------------------------------------------------- */

static int
run_import (const char *output,
            const char *input,
            char      **out,
            char      **err)
{
  const char *argv[] = { kehoach, "--import-docx", output, input, NULL };
  const char *envp[] = { "LC_ALL=C.UTF-8", "LANGUAGE=en", NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, (char **) envp, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_cli (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kehoach-import-docx-XXXXXX", NULL);
  g_autofree char *output = g_build_filename (dir, "plan.kehoach.json", NULL);
  g_autofree char *input = g_build_filename (source_dir, "05-sct-laocai-kh-3024-kiem-tra-vlncn-sin-quyen.docx", NULL);
  g_autofree char *not_word = g_build_filename (fixture_dir, "not-zip.docx", NULL);
  g_autofree char *encrypted = g_build_filename (fixture_dir, "encrypted.docx", NULL);
  g_autofree char *out = NULL, *err = NULL, *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (output);
  g_autoptr(PlanDocument) plan = NULL;
  g_autoptr(GError) error = NULL;

  /* A Word plan becomes a plan file; the summary is printed */
  g_assert_cmpint (run_import (output, input, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Header, 7 preamble paragraphs, 3 sections, 20 items, "
                                        "1 appendix with a 4-column table, signer\n"));
  g_assert_nonnull (strstr (out, "4 images or drawings were left out"));
  plan = plan_json_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plan_document_get_signer_name (plan), ==, "Hoàng Văn Thuân");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Not a Word file, or an encrypted one: exit 1, a clear message, the plan file untouched */
  g_assert_true (g_file_get_contents (output, &contents, NULL, NULL));
  g_assert_cmpint (run_import (output, not_word, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "cannot import"));
  g_assert_nonnull (strstr (err, "not a Word document"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_import (output, encrypted, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "password"));
  {
    g_autofree char *after = NULL;
    g_assert_true (g_file_get_contents (output, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, contents);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The Word file is never the output */
  g_assert_cmpint (run_import (input, input, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "would replace the Word file"));

  g_unlink (output);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  static const char *const plan_03[] = { "03-sct-laocai-kh-de-an-08-cong-nghiep.docx",
                                         "sct-laocai-de-an-08.kehoach.json",
                                         "Header, 8 preamble paragraphs, 6 sections, 82 items, "
                                         "1 appendix with 2 tables, signer" };
  static const char *const plan_05[] = { "05-sct-laocai-kh-3024-kiem-tra-vlncn-sin-quyen.docx",
                                         "sct-laocai-kh-3024.kehoach.json",
                                         "Header, 7 preamble paragraphs, 3 sections, 20 items, "
                                         "1 appendix with a 4-column table, signer" };

  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (argc, ==, 4);
  source_dir = argv[1];
  fixture_dir = argv[2];
  kehoach = argv[3];

  for (gsize i = 0; i < G_N_ELEMENTS (hostile_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/docx-import/hostile/%s", hostile_cases[i].file);
      g_test_add_data_func (path, &hostile_cases[i], test_hostile);
    }
  g_test_add_data_func ("/docx-import/reference/03", plan_03, test_reference);
  g_test_add_data_func ("/docx-import/reference/05", plan_05, test_reference);
  g_test_add_func ("/docx-import/rules/table-header", test_rules_table_header);
  g_test_add_func ("/docx-import/rules/paragraph-header", test_rules_paragraph_header);
  g_test_add_func ("/docx-import/rules/more", test_more_rules);
  g_test_add_func ("/docx-import/rules/margins-out-of-range", test_margins_out_of_range);
  g_test_add_func ("/docx-import/rules/odd-header", test_odd_header);
  g_test_add_func ("/docx-import/rules/forms", test_forms_rules);
  g_test_add_func ("/docx-import/rules/row-limit", test_row_limit);
  g_test_add_func ("/docx-import/rules/largest-table", test_largest_table);
  g_test_add_func ("/docx-import/rules/nested-table", test_nested_table);
  g_test_add_func ("/docx-import/cli", test_cli);
  return g_test_run ();
}
