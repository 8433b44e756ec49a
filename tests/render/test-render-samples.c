/* test-render-samples.c: the sample plans (data/samples) printed: pages, margins, page
 * numbers, and every word of the plan in the PDF's text exactly as often as it is printed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "plan-block-builder.h"
#include "plan-format.h"
#include "plan-json.h"
#include "plan-numbering.h"
#include "plan-units.h"
#include "render-test-util.h"

/* Words compared without case (capitals are a printing style) and without the punctuation
 * glued to them; tokens without a letter (numbers, markers, "-") are left out. */
static char *
normalize_word (const char *token)
{
  g_autofree char *lower = NULL;
  const char *start = token, *end = token + strlen (token);
  gboolean has_letter = FALSE;

  while (*start != '\0' && !g_unichar_isalnum (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start && !g_unichar_isalnum (g_utf8_get_char (g_utf8_find_prev_char (start, end))))
    end = g_utf8_find_prev_char (start, end);
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    has_letter |= g_unichar_isalpha (g_utf8_get_char (p));
  if (!has_letter)
    return NULL;

  lower = g_utf8_strdown (start, end - start);
  return g_utf8_normalize (lower, -1, G_NORMALIZE_NFC);
}

static void
add_words (GPtrArray  *words,
           const char *text)
{
  g_auto(GStrv) tokens = NULL;
  g_autofree char *joined = NULL;

  if (text == NULL)
    return;

  /* Lines may break after "/" and "-" ("146/2025/NĐ-" | "CP"), and pdftotext joins a word
   * broken after "-" again without it ("NĐCP"): "/" separates words, "-" is dropped. */
  joined = g_strdup (text);
  for (char *p = joined; *p != '\0'; p++)
    if (*p == '-')
      memmove (p, p + 1, strlen (p)), p--;
  tokens = g_strsplit_set (joined, " \t\n\r\f/", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      char *word = normalize_word (tokens[i]);

      if (word != NULL)
        g_ptr_array_add (words, word);
    }
}

/* The header rows are printed again on every page the table reaches. */
static guint
count_table_pages (PlanLayout *layout,
                   PlanTable  *table)
{
  GListModel *rows = plan_table_get_rows (table);
  g_autoptr(GHashTable) pages = g_hash_table_new (NULL, NULL);

  for (guint r = 0; r < g_list_model_get_n_items (rows); r++)
    {
      g_autoptr(PlanRow) row = g_list_model_get_item (rows, r);
      int page = plan_layout_find_page (layout, row);

      g_assert_cmpint (page, >=, 0);
      g_hash_table_add (pages, GINT_TO_POINTER (page + 1));
    }

  return MAX (1, g_hash_table_size (pages));
}

static void
add_items_words (GPtrArray    *words,
                 PlanLayout   *layout,
                 PlanDocument *document,
                 GListModel   *items,
                 PlanItem     *parent,
                 const char   *parent_number)
{
  g_auto(GStrv) markers = plan_numbering_markers (document, items, parent, parent_number);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PlanItem) item = g_list_model_get_item (items, i);
      GListModel *paragraphs = plan_item_get_paragraphs (item);
      PlanTable *table = plan_item_get_table (item);
      g_autofree char *prefix = plan_numbering_child_prefix (item, markers[i]);

      add_words (words, markers[i]);
      add_words (words, plan_text_get_plain (plan_item_get_heading (item)));
      for (guint p = 0; p < g_list_model_get_n_items (paragraphs); p++)
        {
          g_autoptr(PlanParagraph) paragraph = g_list_model_get_item (paragraphs, p);

          add_words (words, plan_text_get_plain (plan_paragraph_get_text (paragraph)));
        }
      if (table != NULL)
        {
          GListModel *lists[2] = { plan_table_get_header_rows (table), plan_table_get_rows (table) };

          /* the header rows print on every page the table reaches, or once */
          guint n_pages = plan_table_get_repeat_header (table) ? count_table_pages (layout, table) : 1;

          add_words (words, plan_table_get_title (table));
          add_words (words, plan_table_get_note (table));
          add_words (words, plan_table_get_footnote (table));

          for (guint l = 0; l < 2; l++)
            for (guint r = 0; r < g_list_model_get_n_items (lists[l]) * (l == 0 ? n_pages : 1); r++)
              {
                g_autoptr(PlanRow) row = g_list_model_get_item (lists[l], r % g_list_model_get_n_items (lists[l]));

                for (guint c = 0; c < plan_table_get_n_columns (table); c++)
                  {
                    PlanCell *cell = plan_row_get_cell (row, c);

                    /* Covered cells print nothing; TT numbers are not words */
                    if (plan_cell_get_merge (cell) != PLAN_MERGE_NONE ||
                        (l == 1 && c == 0 && plan_table_get_numbered (table)))
                      continue;
                    add_words (words, plan_cell_get_text (cell));
                  }
              }
        }
      add_items_words (words, layout, document, plan_item_get_children (item), item, prefix);
    }
}

/* Everything the plan prints, in reading order, the generated lines included */
static GPtrArray *
model_words (PlanLayout   *layout,
             PlanDocument *document,
             GPtrArray    *body_words)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  GListModel *preamble = plan_document_get_preamble (document);
  GListModel *recipients = plan_document_get_recipients (document);
  GListModel *appendices = plan_document_get_appendices (document);
  g_autofree char *symbol = plan_document_dup_symbol (document);
  g_autofree char *place_date = plan_document_dup_place_and_date (document);
  g_autofree char *circulation = NULL;
  PlanUrgency urgency;
  PlanSecrecy secrecy;

  g_object_get (document, "urgency", &urgency, "secrecy", &secrecy,
                "circulation", &circulation, NULL);
  g_assert_cmpint (urgency, ==, PLAN_URGENCY_NONE);
  g_assert_cmpint (secrecy, ==, PLAN_SECRECY_NONE);

  add_words (words, plan_document_get_parent_agency (document));
  add_words (words, plan_document_get_agency (document));
  add_words (words, PLAN_NATIONAL_NAME);
  add_words (words, PLAN_MOTTO);
  add_words (words, "Số:");
  add_words (words, symbol);
  add_words (words, place_date);
  add_words (words, circulation);

  /* A decision first (Mẫu 1.3), then the plan under the same header without Số and date */
  if (plan_document_get_kind (document) == PLAN_DOCUMENT_KIND_DECISION)
    {
      PlanDecision *decision = plan_document_get_decision (document);
      GListModel *lines = plan_decision_get_preamble (decision);
      GListModel *articles = plan_decision_get_articles (decision);
      GListModel *decision_recipients = plan_decision_get_recipients (decision);
      g_autofree char *issuing = plan_document_dup_issuing_reference (document);

      add_words (words, "Quyết định");
      add_words (words, plan_decision_get_title (decision));
      add_words (words, plan_decision_get_authority (decision));
      for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
        {
          g_autoptr(PlanParagraph) paragraph = g_list_model_get_item (lines, i);

          add_words (words, plan_text_get_plain (plan_paragraph_get_text (paragraph)));
        }
      add_words (words, "QUYẾT ĐỊNH:");
      for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
        {
          g_autoptr(PlanArticle) article = g_list_model_get_item (articles, i);
          g_autofree char *label = plan_article_dup_printed_label (article, i);

          add_words (words, label);
          add_words (words, plan_text_get_plain (plan_article_get_text (article)));
        }
      add_words (words, "Nơi nhận:");
      for (guint i = 0; i < g_list_model_get_n_items (decision_recipients); i++)
        {
          g_autoptr(PlanRecipient) recipient = g_list_model_get_item (decision_recipients, i);

          add_words (words, plan_recipient_get_name (recipient));
          add_words (words, plan_recipient_get_purpose (recipient));
        }
      add_words (words, "Lưu:");
      add_words (words, *plan_decision_get_archive (decision) != '\0'
                        ? plan_decision_get_archive (decision) : "VT");
      add_words (words, plan_document_get_signer_authority (document));
      add_words (words, plan_document_get_signer_title (document));
      add_words (words, plan_document_get_signer_name (document));
      add_words (words, plan_document_get_signer_notes (document));

      add_words (words, plan_document_get_parent_agency (document));
      add_words (words, plan_document_get_agency (document));
      add_words (words, PLAN_NATIONAL_NAME);
      add_words (words, PLAN_MOTTO);
      add_words (words, circulation);
      add_words (words, issuing);
    }
  add_words (words, plan_document_get_type_name (document));
  add_words (words, plan_document_get_title (document));

  for (guint i = 0; i < g_list_model_get_n_items (preamble); i++)
    {
      g_autoptr(PlanParagraph) paragraph = g_list_model_get_item (preamble, i);

      add_words (body_words, plan_text_get_plain (plan_paragraph_get_text (paragraph)));
    }
  add_items_words (body_words, layout, document, plan_document_get_body (document), NULL, NULL);
  for (guint i = 0; i < body_words->len; i++)
    g_ptr_array_add (words, g_strdup (g_ptr_array_index (body_words, i)));

  /* Under a plan issued by a decision, only the signature unless it has its own list */
  if (plan_document_get_kind (document) != PLAN_DOCUMENT_KIND_DECISION ||
      g_list_model_get_n_items (recipients) > 0 || *plan_document_get_archive (document) != '\0')
    {
      add_words (words, "Nơi nhận:");
      for (guint i = 0; i < g_list_model_get_n_items (recipients); i++)
        {
          g_autoptr(PlanRecipient) recipient = g_list_model_get_item (recipients, i);

          add_words (words, plan_recipient_get_name (recipient));
          add_words (words, plan_recipient_get_purpose (recipient));
        }
      add_words (words, "Lưu:");
      add_words (words, *plan_document_get_archive (document) != '\0'
                        ? plan_document_get_archive (document) : "VT");
    }
  add_words (words, plan_document_get_signer_authority (document));
  add_words (words, plan_document_get_signer_title (document));
  add_words (words, plan_document_get_signer_name (document));
  add_words (words, plan_document_get_signer_notes (document));

  for (guint i = 0; i < g_list_model_get_n_items (appendices); i++)
    {
      g_autoptr(PlanAppendix) appendix = g_list_model_get_item (appendices, i);
      g_autofree char *label = plan_document_dup_appendix_label (document, appendix);
      g_autofree char *reference = plan_document_dup_printed_appendix_reference (document, appendix);

      add_words (words, label);
      add_words (words, plan_appendix_get_title (appendix));
      add_words (words, reference);
      add_items_words (words, layout, document, plan_appendix_get_content (appendix), NULL, NULL);
    }

  return words;
}

static GHashTable *
count_words (GPtrArray *words)
{
  GHashTable *counts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < words->len; i++)
    {
      gpointer count = g_hash_table_lookup (counts, g_ptr_array_index (words, i));

      g_hash_table_replace (counts, g_ptr_array_index (words, i),
                            GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
    }

  return counts;
}

static guint
compare_counts (GHashTable *expected,
                GHashTable *actual,
                const char *what)
{
  GHashTableIter iter;
  gpointer word, count;
  guint differences = 0;

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &word, &count))
    {
      guint found = GPOINTER_TO_UINT (g_hash_table_lookup (actual, word));

      if (found != GPOINTER_TO_UINT (count))
        {
          g_test_message ("%s: “%s” %u times in the plan, %u in the PDF", what, (char *)word,
                          GPOINTER_TO_UINT (count), found);
          differences++;
        }
    }

  return differences;
}

static void
test_sample (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanDocument) document = plan_json_load_file (file, NULL, NULL, &error);
  g_autoptr(PlanLayout) layout = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(GPtrArray) expected_words = NULL;
  g_autoptr(GPtrArray) body_words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) pdf_words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GHashTable) actual = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *text = NULL;
  double top, bottom, left, right;
  guint from = 0;
  int n_pages;

  g_assert_no_error (error);
  g_assert_nonnull (document);
  *strstr (name, ".kehoach.json") = '\0';

  pdf = rt_export (document, &layout);
  rt_save_artifacts (layout, name);
  n_pages = poppler_document_get_n_pages (pdf);
  g_test_message ("%s: %d pages", name, n_pages);
  g_assert_cmpint (n_pages, ==, plan_layout_get_n_pages (layout));
  g_assert_cmpint (n_pages, >=, 1);

  plan_document_get_margins (document, &top, &bottom, &left, &right);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *number_text = NULL;
      g_autofree char *expected_number = NULL;
      double width, height, layout_width, layout_height;
      guint number = plan_layout_get_page_number (layout, i);

      /* A4, portrait or landscape, as laid out */
      poppler_page_get_size (page, &width, &height);
      plan_layout_get_page_size (layout, i, &layout_width, &layout_height);
      g_assert_cmpfloat_with_epsilon (width, layout_width, 0.01);
      g_assert_cmpfloat_with_epsilon (height, layout_height, 0.01);
      g_assert_cmpfloat_with_epsilon (MIN (width, height), PLAN_A4_WIDTH_PT, 0.01);
      g_assert_cmpfloat_with_epsilon (MAX (width, height), PLAN_A4_HEIGHT_PT, 0.01);

      /* Nothing outside the margins; only the page number in the top margin */
      g_assert_cmpuint (rt_count_outside (page, PLAN_MM_TO_PT (left), i == 0 ? PLAN_MM_TO_PT (top) : 0,
                                          width - PLAN_MM_TO_PT (right),
                                          height - PLAN_MM_TO_PT (bottom)), ==, 0);
      number_text = rt_text_in_area (page, 0, 0, width, PLAN_MM_TO_PT (top) - 3);
      expected_number = number > 0 ? g_strdup_printf ("%u", number) : g_strdup ("");
      g_assert_cmpstr (number_text, ==, expected_number);
      if (i == 0)
        g_assert_cmpuint (number, ==, 0);
    }

  /* Every word as often as the plan prints it: nothing lost or repeated at page breaks */
  text = rt_document_text (pdf);
  {
    g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);

    g_assert_cmpstr (nfc, ==, text);
  }
  add_words (pdf_words, text);
  expected_words = model_words (layout, document, body_words);
  expected = count_words (expected_words);
  actual = count_words (pdf_words);
  g_assert_cmpuint (compare_counts (expected, actual, "missing"), ==, 0);
  g_assert_cmpuint (compare_counts (actual, expected, "extra"), ==, 0);

  /* The body's words in reading order */
  for (guint i = 0; i < body_words->len; i++)
    {
      while (from < pdf_words->len &&
             g_strcmp0 (g_ptr_array_index (pdf_words, from), g_ptr_array_index (body_words, i)) != 0)
        from++;
      if (from == pdf_words->len)
        g_error ("%s: body word %u “%s” out of reading order", name, i,
                 (char *)g_ptr_array_index (body_words, i));
      from++;
    }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *)a, *(char * const *)b);
}

int
main (int   argc,
      char *argv[])
{
  const char *dir_name = g_getenv ("KEHOACH_SAMPLES_DIR");
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_test_init (&argc, &argv, NULL);

  if (dir_name == NULL)
    dir_name = SOURCE_SAMPLESDIR;
  dir = g_dir_open (dir_name, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".kehoach.json"))
      g_ptr_array_add (paths, g_build_filename (dir_name, name, NULL));
  g_ptr_array_sort (paths, compare_paths);
  /* The three reference plans at least */
  g_assert_cmpuint (paths->len, >=, 3);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *base = g_path_get_basename (g_ptr_array_index (paths, i));
      g_autofree char *test_path = NULL;

      *strstr (base, ".kehoach.json") = '\0';
      test_path = g_strdup_printf ("/render/samples/%s", base);
      g_test_add_data_func (test_path, g_ptr_array_index (paths, i), test_sample);
    }

  return g_test_run ();
}
