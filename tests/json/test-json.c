/* test-json.c: the .kehoach.json format: samples, round trips, malformed files, safe saving
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "plan-json.h"

static const char * const samples[] = {
  "decision-25-qd-thcs.kehoach.json",
  "decision-template.kehoach.json",
  "forms-thcs-hoi-khoe.kehoach.json",
  "reference-25-kh-thcs.kehoach.json",
  "sct-laocai-de-an-08.kehoach.json",
  "sct-laocai-kh-3024.kehoach.json",
  "template.kehoach.json",
};

static char *
sample_path (const char *name)
{
  const char *dir = g_getenv ("KEHOACH_SAMPLES_DIR");

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static PlanDocument *
load_path (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return plan_json_load_file (file, NULL, NULL, error);
}

static void
assert_bytes_equal (GBytes     *a,
                    GBytes     *b,
                    const char *what)
{
  if (!g_bytes_equal (a, b))
    {
      gsize la, lb, i;
      const char *da = g_bytes_get_data (a, &la);
      const char *db = g_bytes_get_data (b, &lb);

      for (i = 0; i < MIN (la, lb) && da[i] == db[i]; i++)
        ;
      g_error ("%s: bytes differ at offset %" G_GSIZE_FORMAT " (lengths %" G_GSIZE_FORMAT
               " and %" G_GSIZE_FORMAT "): …%.40s… vs …%.40s…",
               what, i, la, lb, da + MIN (i, la), db + MIN (i, lb));
    }
}

/* ---- Deep equality over every property and list of the model ------------------------------ */

static void assert_nodes_equal (GObject *a, GObject *b, const char *path);

static void
assert_lists_equal (GListModel *a,
                    GListModel *b,
                    const char *path)
{
  guint n = g_list_model_get_n_items (a);

  if (n != g_list_model_get_n_items (b))
    g_error ("%s: %u items vs %u", path, n, g_list_model_get_n_items (b));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) x = g_list_model_get_item (a, i);
      g_autoptr(GObject) y = g_list_model_get_item (b, i);
      g_autofree char *item_path = g_strdup_printf ("%s[%u]", path, i);

      assert_nodes_equal (x, y, item_path);
    }
}

/* The lists of each model type, by their getters (they are not properties). */
static void
assert_children_equal (GObject    *a,
                       GObject    *b,
                       const char *path)
{
  struct {
    GType       (*get_type) (void);
    const char   *name;
    GListModel *(*get_list) (gpointer);
  } lists[] = {
    { plan_document_get_type, "preamble", (gpointer) plan_document_get_preamble },
    { plan_document_get_type, "body", (gpointer) plan_document_get_body },
    { plan_document_get_type, "recipients", (gpointer) plan_document_get_recipients },
    { plan_document_get_type, "appendices", (gpointer) plan_document_get_appendices },
    { plan_item_get_type, "paragraphs", (gpointer) plan_item_get_paragraphs },
    { plan_item_get_type, "children", (gpointer) plan_item_get_children },
    { plan_table_get_type, "columns", (gpointer) plan_table_get_columns },
    { plan_table_get_type, "header-rows", (gpointer) plan_table_get_header_rows },
    { plan_table_get_type, "rows", (gpointer) plan_table_get_rows },
    { plan_row_get_type, "cells", (gpointer) plan_row_get_cells },
    { plan_appendix_get_type, "content", (gpointer) plan_appendix_get_content },
    { plan_decision_get_type, "preamble", (gpointer) plan_decision_get_preamble },
    { plan_decision_get_type, "articles", (gpointer) plan_decision_get_articles },
    { plan_decision_get_type, "recipients", (gpointer) plan_decision_get_recipients },
    { plan_review_get_type, "comments", (gpointer) plan_review_get_comments },
    { plan_review_get_type, "history", (gpointer) plan_review_get_history },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (G_OBJECT_TYPE (a) == lists[i].get_type ())
      {
        g_autofree char *list_path = g_strdup_printf ("%s.%s", path, lists[i].name);

        assert_lists_equal (lists[i].get_list (a), lists[i].get_list (b), list_path);
      }
}

static void
assert_nodes_equal (GObject    *a,
                    GObject    *b,
                    const char *path)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    g_error ("%s: %s vs %s", path, G_OBJECT_TYPE_NAME (a), G_OBJECT_TYPE_NAME (b));

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;
      g_autofree char *prop_path = g_strdup_printf ("%s.%s", path, pspec->name);

      if (!(pspec->flags & G_PARAM_READABLE))
        continue;

      g_value_init (&va, type);
      g_value_init (&vb, type);
      g_object_get_property (a, pspec->name, &va);
      g_object_get_property (b, pspec->name, &vb);

      if (type == PLAN_TYPE_TEXT)
        {
          PlanText *ta = g_value_get_boxed (&va);
          PlanText *tb = g_value_get_boxed (&vb);

          if (!plan_text_equal (ta, tb))
            {
              g_autofree char *ma = plan_text_to_markdown (ta);
              g_autofree char *mb = plan_text_to_markdown (tb);

              g_error ("%s: “%s” vs “%s”", prop_path, ma, mb);
            }
        }
      else if (g_type_is_a (type, G_TYPE_OBJECT))
        {
          GObject *oa = g_value_get_object (&va);
          GObject *ob = g_value_get_object (&vb);

          if ((oa == NULL) != (ob == NULL))
            g_error ("%s: one is NULL", prop_path);
          if (oa != NULL)
            assert_nodes_equal (oa, ob, prop_path);
        }
      else if (g_param_values_cmp (pspec, &va, &vb) != 0)
        {
          g_autofree char *sa = g_strdup_value_contents (&va);
          g_autofree char *sb = g_strdup_value_contents (&vb);

          g_error ("%s: %s vs %s", prop_path, sa, sb);
        }
    }

  assert_children_equal (a, b, path);
}

/* ---- Samples ------------------------------------------------------------------------------ */

static void
test_sample_round_trip (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = sample_path (name);
  g_autoptr(GBytes) on_disk = read_bytes (path);
  g_autoptr(PlanDocument) first = NULL;
  g_autoptr(PlanDocument) second = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GError) error = NULL;

  first = load_path (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);

  /* A freshly loaded plan has nothing to undo and nothing to save. */
  g_assert_false (plan_document_can_undo (first));
  g_assert_false (plan_document_can_redo (first));
  g_assert_false (plan_document_get_modified (first));

  /* The samples are stored in canonical form. */
  saved = plan_json_save_bytes (first);
  assert_bytes_equal (on_disk, saved, name);

  second = plan_json_load_data (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), &error);
  g_assert_no_error (error);
  assert_nodes_equal (G_OBJECT (first), G_OBJECT (second), "document");

  saved_again = plan_json_save_bytes (second);
  assert_bytes_equal (saved, saved_again, name);
}

/* The spot checks make sure that the samples hold what the originals say. */
static PlanDocument *
load_sample (const char *name)
{
  g_autofree char *path = sample_path (name);
  g_autoptr(GError) error = NULL;
  PlanDocument *document = load_path (path, &error);

  g_assert_no_error (error);
  return document;
}

static PlanItem *
get_item (GListModel *items,
          guint       index)
{
  g_autoptr(PlanItem) item = g_list_model_get_item (items, index);

  g_assert_nonnull (item);
  return item;   /* still owned by the list */
}

static PlanTable *
appendix_table (PlanDocument *document,
                guint         appendix_index,
                guint         item_index)
{
  g_autoptr(PlanAppendix) appendix = g_list_model_get_item (plan_document_get_appendices (document),
                                                            appendix_index);
  PlanItem *item = get_item (plan_appendix_get_content (appendix), item_index);

  g_assert_cmpint (plan_item_get_kind (item), ==, PLAN_ITEM_TABLE);
  return plan_item_get_table (item);
}

static const char *
cell_text (GListModel *rows,
           guint       row,
           guint       column)
{
  g_autoptr(PlanRow) r = g_list_model_get_item (rows, row);

  return plan_cell_get_text (plan_row_get_cell (r, column));
}

static void
test_sample_reference (void)
{
  g_autoptr(PlanDocument) document = load_sample ("reference-25-kh-thcs.kehoach.json");
  g_autoptr(PlanAppendix) appendix = NULL;
  g_autofree char *symbol = plan_document_dup_symbol (document);
  GListModel *body = plan_document_get_body (document);
  PlanItem *section1 = get_item (body, 0);
  PlanItem *item3 = get_item (plan_item_get_children (section1), 2);
  g_autoptr(PlanParagraph) paragraph = g_list_model_get_item (plan_item_get_paragraphs (item3), 0);
  PlanText *text = plan_paragraph_get_text (paragraph);
  PlanTable *table;
  PlanStyle style;
  guint year, month, day;

  g_assert_cmpstr (plan_document_get_parent_agency (document), ==, "Phòng GD&ĐT thành phố Hạ Long");
  g_assert_cmpstr (plan_document_get_agency (document), ==, "Trường THCS Lý Tự Trọng");
  g_assert_cmpstr (symbol, ==, "25/KH-THCS");
  plan_document_get_date (document, &year, &month, &day);
  g_assert_cmpuint (year, ==, 2022);
  g_assert_cmpuint (month, ==, 2);
  g_assert_cmpuint (day, ==, 15);
  g_assert_false (plan_document_get_end_marker (document));
  g_assert_cmpuint (g_list_model_get_n_items (body), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (plan_document_get_recipients (document)), ==, 2);

  /* "*Thích ứng an toàn, …*" is italic in the original. */
  g_assert_cmpuint (plan_text_get_n_runs (text), ==, 3);
  g_assert_true (g_str_has_prefix (plan_text_get_run (text, 1, &style), "Thích ứng an toàn"));
  g_assert_cmpint (style, ==, PLAN_STYLE_ITALIC);

  appendix = g_list_model_get_item (plan_document_get_appendices (document), 0);
  g_assert_cmpint (plan_appendix_get_orientation (appendix), ==, PLAN_ORIENTATION_LANDSCAPE);
  g_assert_cmpint (plan_appendix_get_label_mode (appendix), ==, PLAN_LABEL_AUTO);
  g_assert_cmpint (plan_appendix_get_reference_mode (appendix), ==, PLAN_REFERENCE_AUTO);

  /* Row 5 was split across a page in the source: one row here. */
  table = appendix_table (document, 0, 0);
  g_assert_true (plan_table_get_numbered (table));
  g_assert_cmpuint (plan_table_get_n_columns (table), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (plan_table_get_header_rows (table)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (plan_table_get_rows (table)), ==, 5);
  g_assert_true (g_str_has_suffix (cell_text (plan_table_get_rows (table), 4, 1),
                                   "ban hành; giới thiệu các tiện ích của dịch vụ công trực tuyến "
                                   "mức độ 3, mức độ 4 và dịch vụ bưu chính công ích."));
}

static void
test_sample_department (void)
{
  g_autoptr(PlanDocument) de_an = load_sample ("sct-laocai-de-an-08.kehoach.json");
  g_autoptr(PlanDocument) kh = load_sample ("sct-laocai-kh-3024.kehoach.json");
  g_autoptr(PlanAppendix) appendix = NULL;
  PlanTable *bieu1, *bieu2, *table;

  g_assert_cmpuint (plan_document_get_number (de_an), ==, 0);
  g_assert_cmpstr (plan_document_get_signer_authority (de_an), ==, "KT. GIÁM ĐỐC");
  g_assert_cmpstr (plan_document_get_signer_title (de_an), ==, "PHÓ GIÁM ĐỐC");
  g_assert_cmpstr (plan_document_get_signer_name (de_an), ==, "Trịnh Văn Thành");
  g_assert_cmpuint (g_list_model_get_n_items (plan_document_get_preamble (de_an)), ==, 8);
  g_assert_cmpuint (g_list_model_get_n_items (plan_document_get_body (de_an)), ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (plan_document_get_recipients (de_an)), ==, 5);
  g_assert_cmpstr (plan_document_get_archive (de_an), ==, "VT, CN(Trung)");
  g_assert_true (g_str_has_suffix (plan_document_get_title (de_an),
                                   "\n(Ban hành kèm theo Nghị quyết số 35-NQ/TU ngày 29/12/2025 "
                                   "của Tỉnh ủy Lào Cai)"));

  appendix = g_list_model_get_item (plan_document_get_appendices (de_an), 0);
  g_assert_cmpint (plan_appendix_get_label_mode (appendix), ==, PLAN_LABEL_CUSTOM);
  g_assert_cmpstr (plan_appendix_get_label (appendix), ==, "Phụ lục số 01:");
  bieu1 = appendix_table (de_an, 0, 4);
  bieu2 = appendix_table (de_an, 0, 5);
  g_assert_true (g_str_has_prefix (plan_table_get_title (bieu1), "Biểu 01: "));
  g_assert_true (g_str_has_prefix (plan_table_get_note (bieu2), "(Lưu ý: Áp dụng bắt buộc"));
  g_assert_cmpuint (plan_table_get_n_columns (bieu1), ==, 8);
  g_assert_cmpuint (g_list_model_get_n_items (plan_table_get_rows (bieu1)), ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (plan_table_get_rows (bieu2)), ==, 5);
  g_assert_cmpstr (cell_text (plan_table_get_rows (bieu2), 4, 7), ==, "");

  g_clear_object (&appendix);
  appendix = g_list_model_get_item (plan_document_get_appendices (kh), 0);
  g_assert_cmpint (plan_appendix_get_label_mode (appendix), ==, PLAN_LABEL_NONE);
  g_assert_cmpint (plan_appendix_get_reference_mode (appendix), ==, PLAN_REFERENCE_CUSTOM);
  g_assert_cmpstr (plan_appendix_get_reference (appendix), ==,
                   "Kèm theo Kế hoạch số           /KH-SCT ngày      /5/2026 của Sở Công Thương");
  table = appendix_table (kh, 0, 0);
  g_assert_cmpuint (g_list_model_get_n_items (plan_table_get_rows (table)), ==, 9);
  g_assert_cmpstr (cell_text (plan_table_get_rows (table), 0, 2), ==,
                   "Đỗ Mạnh Cường\nVũ Việt Linh\nNguyễn Thị thúy Nhung");
  g_assert_false (plan_document_get_end_marker (kh));
}

static void
test_template (void)
{
  g_autofree char *path = sample_path ("template.kehoach.json");
  g_autoptr(GBytes) on_disk = read_bytes (path);
  g_autoptr(PlanDocument) document = plan_document_new_template ();
  g_autoptr(GBytes) saved = plan_json_save_bytes (document);

  assert_bytes_equal (on_disk, saved, "template");
}

/* The New menu's "Decision Issuing a Plan" is the file in data/samples, which the schema
 * test validates: same bytes, a decision, and its three articles numbered from "Điều 1." */
static void
test_decision_template (void)
{
  g_autofree char *path = sample_path ("decision-template.kehoach.json");
  g_autoptr(GBytes) on_disk = read_bytes (path);
  g_autoptr(PlanDocument) document = plan_document_new_decision_template ();
  g_autoptr(GBytes) saved = plan_json_save_bytes (document);
  g_autoptr(PlanDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  PlanDecision *decision;
  GListModel *articles;

  assert_bytes_equal (on_disk, saved, "decision template");

  loaded = plan_json_load_data (g_bytes_get_data (on_disk, NULL), g_bytes_get_size (on_disk), &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan_document_get_kind (loaded), ==, PLAN_DOCUMENT_KIND_DECISION);
  decision = plan_document_get_decision (loaded);
  g_assert_cmpstr (plan_decision_get_title (decision), ==, "Ban hành Kế hoạch …");
  g_assert_cmpuint (g_list_model_get_n_items (plan_decision_get_preamble (decision)), ==, 3);
  articles = plan_decision_get_articles (decision);
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PlanArticle) article = g_list_model_get_item (articles, i);
      g_autofree char *label = plan_article_dup_printed_label (article, i);
      g_autofree char *expected = g_strdup_printf ("Điều %u.", i + 1);

      g_assert_cmpstr (label, ==, expected);
    }
  g_assert_cmpuint (g_list_model_get_n_items (plan_decision_get_recipients (decision)), ==, 1);
  g_assert_cmpstr (plan_decision_get_archive (decision), ==, "VT");
  /* The plan it issues: the sections of the plan template, no Nơi nhận of its own */
  g_assert_cmpuint (g_list_model_get_n_items (plan_document_get_body (loaded)), ==, 4);
  g_assert_cmpstr (plan_document_get_archive (loaded), ==, "");
}

/* Members may be omitted and come in any order; saving gives the canonical form. */
static void
test_defaults_and_order (void)
{
  const char *minimal = "{\"version\": 1, \"format\": \"kehoach\"}";
  const char *reordered = "{\"review\": {\"status\": \"draft\"}, \"layout\": {\"font-size\": 14},"
                          " \"version\": 1, \"header\": {\"title\": \"X\", \"agency\": \"Y\"},"
                          " \"format\": \"kehoach\"}";
  g_autoptr(PlanDocument) fresh = plan_document_new ();
  g_autoptr(PlanDocument) loaded = NULL;
  g_autoptr(PlanDocument) other = NULL;
  g_autoptr(GBytes) expected = plan_json_save_bytes (fresh);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) other_saved = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;

  loaded = plan_json_load_data (minimal, strlen (minimal), &error);
  g_assert_no_error (error);
  saved = plan_json_save_bytes (loaded);
  assert_bytes_equal (expected, saved, "minimal");

  other = plan_json_load_data (reordered, strlen (reordered), &error);
  g_assert_no_error (error);
  other_saved = plan_json_save_bytes (other);
  data = g_bytes_get_data (other_saved, NULL);
  g_assert_true (g_str_has_prefix (data, "{\n  \"format\": \"kehoach\",\n  \"version\": 1,\n"
                                         "  \"header\": {\n    \"parent-agency\": \"\",\n"
                                         "    \"agency\": \"Y\",\n"));
  g_assert_nonnull (strstr (data, "\n    \"title\": \"X\",\n"));
  g_assert_true (g_str_has_suffix (data, "    \"approval\": null\n  }\n}\n"));
}

/* ---- Rich text, review, NFC --------------------------------------------------------------- */

static void
test_rich_text_and_review (void)
{
  g_autoptr(PlanDocument) document = plan_document_new ();
  g_autoptr(PlanDocument) loaded = NULL;
  g_autoptr(PlanComment) comment = plan_comment_new ("body/0", "Vũ Việt Linh", PLAN_ROLE_APPROVER,
                                                     "Sửa lại \"mục tiêu\"\tnhé");
  g_autoptr(PlanComment) reply = plan_comment_new ("body/0", "Đỗ Mạnh Cường", PLAN_ROLE_DRAFTER,
                                                   "Đã sửa");
  g_autoptr(PlanEvent) event = plan_event_new ("Hoàng Văn Thuân", "Phó Giám đốc",
                                               PLAN_ROLE_APPROVER, 1779870600,
                                               PLAN_STATUS_RETURNED, "Bổ sung phụ lục");
  g_autoptr(PlanItem) item = plan_item_new (PLAN_ITEM_NUMBERED, NULL);
  g_autoptr(PlanText) heading = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GError) error = NULL;
  PlanReview *review = plan_document_get_review (document);
  const PlanRun runs[] = {
    { "Bold ", PLAN_STYLE_BOLD },
    { "all three", PLAN_STYLE_BOLD | PLAN_STYLE_ITALIC | PLAN_STYLE_UNDERLINE },
    { " plain\nsoft break", 0 },
  };
  const char *data;

  /* A table with a two-row header: "Người thực hiện" spans two columns, "TT" two rows. */
  {
    g_autoptr(PlanTable) table = plan_table_new (3);
    g_autoptr(PlanItem) table_item = NULL;
    const char *top[] = { "TT", "Người thực hiện", NULL, NULL };
    const char *row[] = { "", "Sở Công Thương", "Sở Xây dựng\nUBND các xã", NULL };
    PlanRow *r;

    plan_row_set_texts (plan_table_append_header_row (table), top);
    r = plan_table_append_header_row (table);
    g_object_set (plan_row_get_cell (r, 0), "merge", PLAN_MERGE_UP, NULL);
    g_object_set (plan_row_get_cell (r, 1), "text", "Chủ trì", NULL);
    g_object_set (plan_row_get_cell (r, 2), "text", "Phối hợp", NULL);
    g_object_set (plan_row_get_cell (plan_table_append_row (table), 0), "merge", PLAN_MERGE_NONE,
                  NULL);
    g_object_set (table, "numbered", TRUE, "title", "Biểu 01", "note", "(Lưu ý: …)", NULL);
    r = g_list_model_get_item (plan_table_get_header_rows (table), 0);
    g_object_set (plan_row_get_cell (r, 2), "merge", PLAN_MERGE_LEFT, NULL);
    g_object_unref (r);
    r = g_list_model_get_item (plan_table_get_rows (table), 0);
    plan_row_set_texts (r, row);
    g_object_unref (r);

    table_item = plan_item_new_table (table);
    g_list_store_append (G_LIST_STORE (plan_document_get_body (document)), table_item);
  }

  heading = plan_text_new_from_runs (runs, G_N_ELEMENTS (runs));
  g_object_set (item, "heading", heading, "run-in", TRUE, NULL);
  plan_item_append_paragraph (item, "Đoạn văn");
  g_list_store_append (G_LIST_STORE (plan_document_get_body (document)), item);

  g_object_set (comment, "time", (gint64) 1779870600, NULL);
  g_object_set (reply, "reply-to", plan_comment_get_id (comment), "resolved", TRUE, NULL);
  g_list_store_append (G_LIST_STORE (plan_review_get_comments (review)), comment);
  g_list_store_append (G_LIST_STORE (plan_review_get_comments (review)), reply);
  g_list_store_append (G_LIST_STORE (plan_review_get_history (review)), event);
  g_object_set (review, "status", PLAN_STATUS_APPROVED, "approval-name", "Hoàng Văn Thuân",
                "approval-title", "Phó Giám đốc", "approval-key-id", "ABCD",
                "approval-signature", "c2lnbmF0dXJl", "approval-time", (gint64) 1779874200, NULL);

  saved = plan_json_save_bytes (document);
  data = g_bytes_get_data (saved, NULL);
  g_assert_nonnull (strstr (data, "{\"text\": \"Bold \", \"bold\": true},\n"));
  g_assert_nonnull (strstr (data, "{\"text\": \"all three\", \"bold\": true, \"italic\": true, "
                                  "\"underline\": true},\n"));
  g_assert_nonnull (strstr (data, "{\"text\": \" plain\\nsoft break\"}\n"));
  g_assert_nonnull (strstr (data, "\"text\": \"Sửa lại \\\"mục tiêu\\\"\\tnhé\","));
  g_assert_nonnull (strstr (data, "\"time\": \"2026-05-27T08:30:00Z\","));
  g_assert_nonnull (strstr (data, "\"action\": \"returned\","));
  g_assert_nonnull (strstr (data, "\"status\": \"approved\","));
  g_assert_nonnull (strstr (data, "[\"TT\", \"Người thực hiện\", {\"merge\": \"left\"}],\n"));
  g_assert_nonnull (strstr (data, "[{\"merge\": \"up\"}, \"Chủ trì\", \"Phối hợp\"]\n"));
  g_assert_nonnull (strstr (data, "[\"\", \"Sở Công Thương\", \"Sở Xây dựng\\nUBND các xã\"]\n"));

  loaded = plan_json_load_data (data, g_bytes_get_size (saved), &error);
  g_assert_no_error (error);
  assert_nodes_equal (G_OBJECT (document), G_OBJECT (loaded), "document");

  saved_again = plan_json_save_bytes (loaded);
  assert_bytes_equal (saved, saved_again, "review");
}

static void
test_nfc (void)
{
  /* "Kế hoạch" and "Hạ Long" decomposed (NFD) everywhere text is stored. */
  const char *nfd = "{\"format\": \"kehoach\", \"version\": 1,"
                    " \"header\": {\"title\": \"Ke\xcc\x82\xcc\x81 hoa\xcc\xa3" "ch\","
                    " \"place\": \"Ha\xcc\xa3 Long\"},"
                    " \"preamble\": [[{\"text\": \"Ke\xcc\x82\xcc\x81\", \"bold\": true}]],"
                    " \"closing\": {\"recipients\": [{\"name\": \"Pho\xcc\x80ng\"}]},"
                    " \"appendices\": [{\"content\": [{\"kind\": \"table\", \"table\":"
                    " {\"columns\": [{\"width\": 1}], \"rows\": [[\"Ha\xcc\xa3\"]]}}]}]}";
  g_autoptr(PlanDocument) document = NULL;
  g_autoptr(PlanParagraph) paragraph = NULL;
  g_autoptr(PlanRecipient) recipient = NULL;
  g_autoptr(GError) error = NULL;
  PlanStyle style;

  document = plan_json_load_data (nfd, strlen (nfd), &error);
  g_assert_no_error (error);

  g_assert_cmpstr (plan_document_get_title (document), ==, "Kế hoạch");
  g_assert_cmpstr (plan_document_get_place (document), ==, "Hạ Long");
  paragraph = g_list_model_get_item (plan_document_get_preamble (document), 0);
  g_assert_cmpstr (plan_text_get_run (plan_paragraph_get_text (paragraph), 0, &style), ==, "Kế");
  recipient = g_list_model_get_item (plan_document_get_recipients (document), 0);
  g_assert_cmpstr (plan_recipient_get_name (recipient), ==, "Phòng");
  g_assert_cmpstr (cell_text (plan_table_get_rows (appendix_table (document, 0, 0)), 0, 0), ==,
                   "Hạ");
}

/* The fixture the malformed files were made from loads, so each of them fails for its one
 * change. A byte order mark is skipped. */
static void
test_valid_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "json", "valid-small.kehoach.json",
                                                 NULL);
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autoptr(GByteArray) with_bom = g_byte_array_new ();
  g_autoptr(PlanDocument) document = NULL;
  g_autoptr(PlanDocument) from_bom = NULL;
  g_autoptr(GError) error = NULL;

  document = load_path (path, &error);
  g_assert_no_error (error);
  g_assert_false (plan_document_get_modified (document));
  g_assert_cmpuint (g_list_model_get_n_items (plan_review_get_comments (
                      plan_document_get_review (document))), ==, 1);

  g_byte_array_append (with_bom, (const guint8 *) "\xEF\xBB\xBF", 3);
  g_byte_array_append (with_bom, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  from_bom = plan_json_load_data ((const char *) with_bom->data, with_bom->len, &error);
  g_assert_no_error (error);
  assert_nodes_equal (G_OBJECT (document), G_OBJECT (from_bom), "document");
}

/* Escapes are decoded as JSON says, including characters outside the BMP. */
static void
test_escapes (void)
{
  const char *data = "{\"format\": \"kehoach\", \"version\": 1, \"header\": {\"title\":"
                     " \"\\u004B\\u1ebf ho\\u1EA1ch \\ud83d\\ude00 \\\"q\\\" \\\\ \\/ \\t\"}}";
  g_autoptr(PlanDocument) document = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;

  document = plan_json_load_data (data, strlen (data), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plan_document_get_title (document), ==, "Kế hoạch 😀 \"q\" \\ / \t");

  saved = plan_json_save_bytes (document);
  g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL),
                            "\"title\": \"Kế hoạch 😀 \\\"q\\\" \\\\ / \\t\",\n"));
}

/* ---- Malformed files ---------------------------------------------------------------------- */

static const char * const code_names[] = {
  "EMPTY", "TOO_LARGE", "NOT_UTF8", "SYNTAX", "NOT_A_PLAN", "TOO_NEW", "INVALID", "TOO_DEEP",
};

typedef struct {
  char *name;
  int   code;
  char *message;
} MalformedCase;

static void
malformed_case_free (gpointer data)
{
  MalformedCase *c = data;

  g_free (c->name);
  g_free (c->message);
  g_free (c);
}

/* tests/json/malformed/cases.txt: name, code, schema verdict, message (tab-separated). */
static GPtrArray *
read_cases (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "json", "malformed", "cases.txt",
                                                 NULL);
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_auto(GStrv) lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  GPtrArray *cases = g_ptr_array_new_with_free_func (malformed_case_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      MalformedCase *c;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;

      fields = g_strsplit (lines[i], "\t", 4);
      g_assert_cmpuint (g_strv_length (fields), ==, 4);

      c = g_new0 (MalformedCase, 1);
      c->name = g_strdup (fields[0]);
      c->code = -1;
      for (guint k = 0; k < G_N_ELEMENTS (code_names); k++)
        if (g_str_equal (code_names[k], fields[1]))
          c->code = k;
      g_assert_cmpint (c->code, >=, 0);
      c->message = g_strdup (fields[3]);
      g_ptr_array_add (cases, c);
    }

  return cases;
}

static void
test_malformed (gconstpointer data)
{
  const MalformedCase *c = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "json", "malformed", c->name, NULL);
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(PlanDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = load_path (path, &error);
  g_assert_null (document);
  g_assert_error (error, PLAN_FILE_ERROR, c->code);
  g_assert_cmpstr (error->message, ==, c->message);

  /* Loading never touches the file. */
  after = read_bytes (path);
  assert_bytes_equal (before, after, c->name);
}

/* Format 2: markers as the office wrote them survive a round trip; the version written is the
 * lowest that holds the plan, so plans without them stay readable by older versions. */
static void
test_version_markers (void)
{
  g_autoptr(PlanDocument) document = plan_document_new_template ();
  g_autoptr(PlanDocument) loaded = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanItem) section = g_list_model_get_item (plan_document_get_body (document), 0);
  g_autoptr(PlanItem) numbered = plan_item_new (PLAN_ITEM_NUMBERED, "Mục tiêu");
  g_autoptr(PlanItem) point = plan_item_new (PLAN_ITEM_POINT, NULL);
  const char *data;

  saved = plan_json_save_bytes (document);
  data = g_bytes_get_data (saved, NULL);
  g_assert_nonnull (strstr (data, "\n  \"version\": 1,\n"));
  g_clear_pointer (&saved, g_bytes_unref);

  plan_item_append_child (section, numbered);
  plan_item_append_child (numbered, point);
  g_object_set (numbered, "marker-format", PLAN_MARKER_DECIMAL_NESTED, "marker-suffix", "", NULL);
  g_object_set (point, "marker-format", PLAN_MARKER_LETTER_LATIN, "marker-suffix", "/.",
                "marker", "f/.", NULL);

  saved = plan_json_save_bytes (document);
  data = g_bytes_get_data (saved, NULL);
  g_assert_nonnull (strstr (data, "\n  \"version\": 2,\n"));
  g_assert_nonnull (strstr (data, "\"marker-format\": \"decimal-nested\",\n"));
  g_assert_nonnull (strstr (data, "\"marker-suffix\": \"\",\n"));
  g_assert_nonnull (strstr (data, "\"marker-format\": \"letter-latin\",\n"));
  g_assert_nonnull (strstr (data, "\"marker\": \"f/.\""));

  loaded = plan_json_load_data (data, g_bytes_get_size (saved), &error);
  g_assert_no_error (error);
  assert_nodes_equal (G_OBJECT (document), G_OBJECT (loaded), "document");
  saved_again = plan_json_save_bytes (loaded);
  assert_bytes_equal (saved, saved_again, "format 2 round trip");

  /* Only the literal marker: still format 2 */
  g_object_set (numbered, "marker-format", PLAN_MARKER_AUTO, "marker-suffix", "", NULL);
  g_object_set (point, "marker-format", PLAN_MARKER_AUTO, "marker-suffix", "", NULL);
  g_clear_pointer (&saved, g_bytes_unref);
  saved = plan_json_save_bytes (document);
  data = g_bytes_get_data (saved, NULL);
  g_assert_nonnull (strstr (data, "\n  \"version\": 2,\n"));
  g_assert_null (strstr (data, "marker-format"));

  /* And back to format 1 once the plan no longer needs 2 */
  g_object_set (point, "marker", "", NULL);
  g_clear_pointer (&saved, g_bytes_unref);
  saved = plan_json_save_bytes (document);
  g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL), "\n  \"version\": 1,\n"));
}

/* Format 2: a paragraph's form (alignment, no first-line indent) and bold lines under the
 * signer's name; a plain paragraph stays plain text in the file. */
static void
test_version_paragraph_form (void)
{
  g_autoptr(PlanDocument) document = plan_document_new_template ();
  g_autoptr(PlanDocument) loaded = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanItem) section = g_list_model_get_item (plan_document_get_body (document), 0);
  g_autoptr(PlanItem) item = plan_item_new (PLAN_ITEM_PARAGRAPH, NULL);
  PlanParagraph *centred, *flush;
  const char *data;

  plan_item_append_child (section, item);
  plan_item_append_paragraph (item, "Thường");
  centred = plan_item_append_paragraph (item, "QUYẾT ĐỊNH:");
  flush = plan_item_append_paragraph (item, "Tên Công ty: ……");
  g_object_set (centred, "alignment", PLAN_ALIGN_CENTER, NULL);
  g_object_set (flush, "indent", FALSE, "alignment", PLAN_ALIGN_LEFT, NULL);
  g_object_set (document, "signer-notes", "Phó Chủ tịch", "signer-notes-bold", TRUE, NULL);

  saved = plan_json_save_bytes (document);
  data = g_bytes_get_data (saved, NULL);
  g_assert_nonnull (strstr (data, "\n  \"version\": 2,\n"));
  g_assert_nonnull (strstr (data, "\"Thường\",\n"));
  g_assert_nonnull (strstr (data, "\"text\": \"QUYẾT ĐỊNH:\",\n"));
  g_assert_nonnull (strstr (data, "\"align\": \"center\"\n"));
  g_assert_nonnull (strstr (data, "\"align\": \"left\",\n"));
  g_assert_nonnull (strstr (data, "\"indent\": false\n"));
  g_assert_nonnull (strstr (data, "\"notes-bold\": true\n"));

  loaded = plan_json_load_data (data, g_bytes_get_size (saved), &error);
  g_assert_no_error (error);
  assert_nodes_equal (G_OBJECT (document), G_OBJECT (loaded), "document");
  saved_again = plan_json_save_bytes (loaded);
  assert_bytes_equal (saved, saved_again, "paragraph form round trip");
}

/* Format 2: a decision issuing the plan; a plan alone writes no "decision" and stays format 1 */
static void
test_version_decision (void)
{
  g_autoptr(PlanDocument) document = plan_document_new_template ();
  g_autoptr(PlanDocument) loaded = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanText) bold = NULL;
  g_autoptr(PlanParagraph) basis = plan_paragraph_new_plain ("Căn cứ Điều lệ trường trung học;");
  g_autoptr(PlanArticle) first = plan_article_new_plain ("Ban hành kèm theo Quyết định này "
                                                         "Kế hoạch tổ chức Hội khỏe Phù Đổng.");
  g_autoptr(PlanArticle) second = NULL;
  g_autoptr(PlanRecipient) recipient = plan_recipient_new ("Như Điều 3", "");
  PlanDecision *decision = plan_document_get_decision (document);
  const char *data;

  /* Set but unused while the file is a plan: not written */
  g_object_set (decision, "title", "Ban hành Kế hoạch tổ chức Hội khỏe Phù Đổng", NULL);
  saved = plan_json_save_bytes (document);
  data = g_bytes_get_data (saved, NULL);
  g_assert_nonnull (strstr (data, "\n  \"version\": 1,\n"));
  g_assert_null (strstr (data, "\"decision\""));
  g_clear_pointer (&saved, g_bytes_unref);

  bold = plan_text_new_from_markdown ("Giao **Tổ chuyên môn** thực hiện.");
  second = plan_article_new (bold);
  g_object_set (second, "label", "Điều 2a.", NULL);
  g_object_set (document, "kind", PLAN_DOCUMENT_KIND_DECISION, "number", 15, NULL);
  g_object_set (decision, "authority", "Hiệu trưởng Trường THCS Lý Tự Trọng",
                "archive", "VT, CM", NULL);
  g_list_store_append (G_LIST_STORE (plan_decision_get_preamble (decision)), basis);
  g_list_store_append (G_LIST_STORE (plan_decision_get_articles (decision)), first);
  g_list_store_append (G_LIST_STORE (plan_decision_get_articles (decision)), second);
  g_list_store_append (G_LIST_STORE (plan_decision_get_recipients (decision)), recipient);

  saved = plan_json_save_bytes (document);
  data = g_bytes_get_data (saved, NULL);
  g_assert_nonnull (strstr (data, "\n  \"version\": 2,\n"));
  g_assert_nonnull (strstr (data, "\n  \"decision\": {\n    \"doc-type\": \"QĐ\",\n"));
  g_assert_nonnull (strstr (data, "\"authority\": \"Hiệu trưởng Trường THCS Lý Tự Trọng\",\n"));
  g_assert_nonnull (strstr (data, "\"label\": \"Điều 2a.\",\n"));
  g_assert_nonnull (strstr (data, "\"archive\": \"VT, CM\"\n"));

  loaded = plan_json_load_data (data, g_bytes_get_size (saved), &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan_document_get_kind (loaded), ==, PLAN_DOCUMENT_KIND_DECISION);
  assert_nodes_equal (G_OBJECT (document), G_OBJECT (loaded), "document");
  saved_again = plan_json_save_bytes (loaded);
  assert_bytes_equal (saved, saved_again, "decision round trip");
}

/* Format 2: tables as offices style them, and appendices' page numbers going on */
static void
test_version_table_forms (void)
{
  g_autoptr(PlanDocument) document = plan_document_new_template ();
  g_autoptr(PlanDocument) loaded = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanTable) table = plan_table_new (2);
  g_autoptr(PlanItem) item = NULL;
  const char *numbers[] = { "(1)", "(2)", NULL };
  const char *data;

  plan_table_append_header_row (table);
  plan_row_set_texts (plan_table_append_header_row (table), numbers);
  plan_table_append_row (table);
  item = plan_item_new_table (table);
  g_list_store_append (G_LIST_STORE (plan_document_get_body (document)), item);

  saved = plan_json_save_bytes (document);
  g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL), "\n  \"version\": 1,\n"));
  g_clear_pointer (&saved, g_bytes_unref);

  g_object_set (document, "appendix-page-numbering", PLAN_PAGE_NUMBERING_CONTINUE, NULL);
  g_object_set (table, "font-size", 13, "vertical-alignment", PLAN_VALIGN_CENTER,
                "repeat-header", FALSE, "footnote", "(*) Ghi chú", NULL);
  {
    g_autoptr(PlanRow) row = g_list_model_get_item (plan_table_get_header_rows (table), 1);

    g_object_set (row, "header-style", PLAN_HEADER_ITALIC, NULL);
  }
  saved = plan_json_save_bytes (document);
  data = g_bytes_get_data (saved, NULL);
  g_assert_nonnull (strstr (data, "\n  \"version\": 2,\n"));
  g_assert_nonnull (strstr (data, "\"font-size\": 13,\n"));
  g_assert_nonnull (strstr (data, "\"vertical-align\": \"center\",\n"));
  g_assert_nonnull (strstr (data, "\"repeat-header\": false,\n"));
  g_assert_nonnull (strstr (data, "\"header-styles\": [\"bold\", \"italic\"],\n"));
  g_assert_nonnull (strstr (data, "\"footnote\": \"(*) Ghi chú\"\n"));
  g_assert_nonnull (strstr (data, "\"appendix-page-numbers\": \"continue\",\n"));

  loaded = plan_json_load_data (data, g_bytes_get_size (saved), &error);
  g_assert_no_error (error);
  assert_nodes_equal (G_OBJECT (document), G_OBJECT (loaded), "document");
  saved_again = plan_json_save_bytes (loaded);
  assert_bytes_equal (saved, saved_again, "table forms round trip");
}

static void
test_malformed_count (void)
{
  g_autoptr(GPtrArray) cases = read_cases ();

  g_assert_cmpuint (cases->len, >=, 30);
}

static void
test_too_large (void)
{
  gsize size = PLAN_FILE_MAX_SIZE + 1;
  g_autofree char *data = g_malloc (size);
  g_autofree char *dir = g_dir_make_tmp ("kehoach-json-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.kehoach.json", NULL);
  g_autoptr(PlanDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  memset (data, ' ', size);
  document = plan_json_load_data (data, size, &error);
  g_assert_null (document);
  g_assert_error (error, PLAN_FILE_ERROR, PLAN_FILE_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "The file is too large for a plan (more than 64 MB)");
  g_clear_error (&error);

  /* From disk it is refused by its size, before reading (a sparse file costs nothing). */
  fd = g_open (path, O_CREAT | O_WRONLY, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) size), ==, 0);
  close (fd);
  document = load_path (path, &error);
  g_assert_null (document);
  g_assert_error (error, PLAN_FILE_ERROR, PLAN_FILE_ERROR_TOO_LARGE);

  g_remove (path);
  g_rmdir (dir);
}

static void
test_deep_nesting (void)
{
  /* Far deeper than any recursive parser survives: must fail cleanly. */
  gsize depth = 200000;
  GString *data = g_string_new ("{\"format\": \"kehoach\", \"version\": 1, \"preamble\": ");
  g_autoptr(PlanDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < depth; i++)
    g_string_append_c (data, '[');
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (data, ']');
  g_string_append_c (data, '}');

  document = plan_json_load_data (data->str, data->len, &error);
  g_assert_null (document);
  g_assert_error (error, PLAN_FILE_ERROR, PLAN_FILE_ERROR_TOO_DEEP);
  g_assert_cmpstr (error->message, ==,
                   "line 1, column 112: the plan is nested more than 64 levels deep");
  g_string_free (data, TRUE);
}

static void
test_missing_file (void)
{
  g_autoptr(PlanDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = load_path ("/nonexistent/plan.kehoach.json", &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The file does not exist");
}

/* ---- Saving -------------------------------------------------------------------------------- */

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;

  return n;
}

static void
test_save_file_and_etag (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kehoach-json-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.kehoach.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PlanDocument) document = load_sample ("sct-laocai-kh-3024.kehoach.json");
  g_autoptr(PlanDocument) loaded = NULL;
  g_autoptr(GBytes) expected = plan_json_save_bytes (document);
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *loaded_etag = NULL;
  g_autofree char *new_etag = NULL;
  g_autoptr(GDateTime) later = NULL;
  g_autofree char *listing = NULL;
  const char *other = "{\"format\": \"kehoach\", \"version\": 1}\n";

  g_assert_true (plan_json_save_file (document, file, NULL, &etag, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (etag);
  on_disk = read_bytes (path);
  assert_bytes_equal (expected, on_disk, "saved file");

  loaded = plan_json_load_file (file, &loaded_etag, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded_etag, ==, etag);

  /* Someone else changes the file (with a later time stamp, as any real edit has). */
  g_assert_true (g_file_set_contents (path, other, -1, &error));
  later = g_date_time_new_now_utc ();
  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                              g_date_time_to_unix (later) + 10,
                                              G_FILE_QUERY_INFO_NONE, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (plan_json_save_file (loaded, file, loaded_etag, &new_etag, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  g_clear_pointer (&on_disk, g_bytes_unref);
  on_disk = read_bytes (path);
  g_assert_cmpstr (g_bytes_get_data (on_disk, NULL), ==, other);

  /* No temporary file is left behind. */
  g_assert_cmpuint (count_files (dir), ==, 1);

  g_remove (path);
  g_rmdir (dir);
}

static void
test_save_failure_keeps_original (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kehoach-json-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.kehoach.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PlanDocument) document = load_sample ("reference-25-kh-thcs.kehoach.json");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  const char *original = "{\"format\": \"kehoach\", \"version\": 1}\n";

  g_assert_true (g_file_set_contents (path, original, -1, &error));

  /* A cancelled save leaves the file as it was. */
  g_cancellable_cancel (cancellable);
  g_assert_false (plan_json_save_file (document, file, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  on_disk = read_bytes (path);
  g_assert_cmpstr (g_bytes_get_data (on_disk, NULL), ==, original);

  /* A folder we may not write to: the temporary file cannot be created. root may write
   * anywhere, so this part needs an ordinary user. */
  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      g_assert_false (plan_json_save_file (document, file, NULL, NULL, NULL, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
      g_assert_cmpint (g_chmod (dir, 0755), ==, 0);

      g_clear_pointer (&on_disk, g_bytes_unref);
      on_disk = read_bytes (path);
      g_assert_cmpstr (g_bytes_get_data (on_disk, NULL), ==, original);
    }
  else
    {
      g_test_message ("running as root: the read-only folder case cannot fail, not run");
    }

  g_remove (path);
  g_rmdir (dir);
}

/* The disk fills up in the middle of writing (simulated by a file size limit, which binds root
 * too, in a child process so that the limit stays there): the old file is kept and the
 * temporary file removed. */
static void
test_save_disk_full (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "json", "save-disk-full", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.kehoach.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  const char *original = "{\"format\": \"kehoach\", \"version\": 1}\n";

  if (g_test_subprocess ())
    {
      g_autoptr(PlanDocument) document = load_sample ("reference-25-kh-thcs.kehoach.json");
      g_autoptr(GBytes) bytes = plan_json_save_bytes (document);
      struct rlimit limit = { 4096, 4096 };

      g_assert_cmpuint (g_bytes_get_size (bytes), >, 4096);
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (plan_json_save_file (document, file, NULL, NULL, NULL, &error));
      g_assert_nonnull (error);
      g_test_message ("saving failed: %s", error->message);
      return;
    }

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, original, -1, &error));

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  on_disk = read_bytes (path);
  g_assert_cmpstr (g_bytes_get_data (on_disk, NULL), ==, original);
  g_assert_cmpuint (count_files (dir), ==, 1);

  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = NULL;

  /* Output is UTF-8 (LC_ALL=C.UTF-8 in the test environment), as in main(). */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *name = g_strdup_printf ("/json/sample/round-trip/%s", samples[i]);

      g_test_add_data_func (name, samples[i], test_sample_round_trip);
    }
  g_test_add_func ("/json/sample/reference", test_sample_reference);
  g_test_add_func ("/json/sample/department", test_sample_department);
  g_test_add_func ("/json/sample/template", test_template);
  g_test_add_func ("/json/defaults-and-order", test_defaults_and_order);
  g_test_add_func ("/json/rich-text-and-review", test_rich_text_and_review);
  g_test_add_func ("/json/nfc", test_nfc);
  g_test_add_func ("/json/escapes", test_escapes);

  cases = read_cases ();
  g_test_add_func ("/json/valid-fixture", test_valid_fixture);
  g_test_add_func ("/json/version/markers", test_version_markers);
  g_test_add_func ("/json/version/paragraph-form", test_version_paragraph_form);
  g_test_add_func ("/json/version/table-forms", test_version_table_forms);
  g_test_add_func ("/json/version/decision", test_version_decision);
  g_test_add_func ("/json/decision-template", test_decision_template);
  g_test_add_func ("/json/malformed/count", test_malformed_count);
  for (guint i = 0; i < cases->len; i++)
    {
      const MalformedCase *c = g_ptr_array_index (cases, i);
      g_autofree char *name = g_strdup_printf ("/json/malformed/%s", c->name);

      g_test_add_data_func (name, c, test_malformed);
    }
  g_test_add_func ("/json/too-large", test_too_large);
  g_test_add_func ("/json/deep-nesting", test_deep_nesting);
  g_test_add_func ("/json/missing-file", test_missing_file);
  g_test_add_func ("/json/save/etag", test_save_file_and_etag);
  g_test_add_func ("/json/save/failure-keeps-original", test_save_failure_keeps_original);
  g_test_add_func ("/json/save/disk-full", test_save_disk_full);

  return g_test_run ();
}
