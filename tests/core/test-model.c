/* test-model.c: every model class and property: defaults, getters, NFC, notify once on change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "plan-document.h"
#include "plan-enums.h"

/* "Kế hoạch" typed with combining marks (NFD), and the precomposed form (NFC) it must become. */
#define NFD_KE_HOACH "Ke\xcc\x82\xcc\x81 hoa\xcc\xa3" "ch"
#define NFC_KE_HOACH "K\xe1\xba\xbf ho\xe1\xba\xa1" "ch"

#define assert_item_type(list, type) \
  g_assert_true (g_list_model_get_item_type (list) == (type))

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static GObject *
new_instance (GType type)
{
  if (type == PLAN_TYPE_ITEM)
    return G_OBJECT (plan_item_new (PLAN_ITEM_NUMBERED, "Mục đích"));
  if (type == PLAN_TYPE_TABLE)
    return G_OBJECT (plan_table_new (3));
  if (type == PLAN_TYPE_ROW)
    return G_OBJECT (plan_row_new (3));

  return g_object_new (type, NULL);
}

/* A valid value of @pspec's type that differs from @current. */
static void
make_other_value (GParamSpec   *pspec,
                  const GValue *current,
                  GValue       *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (value, type);

  if (type == G_TYPE_STRING)
    g_value_set_string (value, NFD_KE_HOACH);
  else if (type == PLAN_TYPE_TEXT)
    g_value_take_boxed (value, plan_text_new (NFD_KE_HOACH));
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, !g_value_get_boolean (current));
  else if (G_IS_PARAM_SPEC_UINT (pspec))
    {
      GParamSpecUInt *p = G_PARAM_SPEC_UINT (pspec);
      guint v = g_value_get_uint (current) == p->maximum ? p->minimum : p->maximum;

      g_value_set_uint (value, MIN (v, 2026));
    }
  else if (G_IS_PARAM_SPEC_INT64 (pspec))
    g_value_set_int64 (value, g_value_get_int64 (current) + 1234567);
  else if (G_IS_PARAM_SPEC_DOUBLE (pspec))
    {
      GParamSpecDouble *p = G_PARAM_SPEC_DOUBLE (pspec);
      double v = g_value_get_double (current) == p->maximum ? p->minimum : p->maximum;

      g_value_set_double (value, MIN (v, 999.0));
    }
  else if (G_IS_PARAM_SPEC_ENUM (pspec))
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      int v = g_value_get_enum (current);

      g_value_set_enum (value, v == klass->maximum ? klass->minimum : klass->maximum);
    }
  else
    g_assert_not_reached ();
}

static void
check_all_properties (GType type)
{
  g_autoptr(GObject) object = new_instance (type);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;
  guint n_checked = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) before = G_VALUE_INIT;
      g_auto(GValue) other = G_VALUE_INIT;
      g_auto(GValue) after = G_VALUE_INIT;
      g_autofree char *detail = g_strdup_printf ("notify::%s", pspec->name);
      guint count = 0;
      gulong handler;

      /* The house rules for every property: explicit notify, no nick or blurb. */
      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
      g_assert_cmpstr (g_param_spec_get_nick (pspec), ==, pspec->name);
      g_assert_null (g_param_spec_get_blurb (pspec));

      if (!(pspec->flags & G_PARAM_WRITABLE) || (pspec->flags & G_PARAM_CONSTRUCT_ONLY))
        continue;

      g_value_init (&before, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (object, pspec->name, &before);

      /* Strings and rich text are never NULL. */
      if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRING)
        g_assert_nonnull (g_value_get_string (&before));
      if (G_PARAM_SPEC_VALUE_TYPE (pspec) == PLAN_TYPE_TEXT)
        g_assert_nonnull (g_value_get_boxed (&before));

      make_other_value (pspec, &before, &other);

      handler = g_signal_connect (object, detail, G_CALLBACK (count_notify_cb), &count);

      g_object_set_property (object, pspec->name, &other);
      g_assert_cmpuint (count, ==, 1);
      /* The same value again is not a change. */
      g_object_set_property (object, pspec->name, &other);
      g_assert_cmpuint (count, ==, 1);

      g_value_init (&after, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (object, pspec->name, &after);

      if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRING)
        {
          g_assert_cmpstr (g_value_get_string (&after), ==, NFC_KE_HOACH);
          /* An equal string in another normalization form is not a change either. */
          g_object_set (object, pspec->name, NFC_KE_HOACH, NULL);
          g_assert_cmpuint (count, ==, 1);
        }
      else if (G_PARAM_SPEC_VALUE_TYPE (pspec) == PLAN_TYPE_TEXT)
        {
          g_autoptr(PlanText) nfc = plan_text_new (NFC_KE_HOACH);

          g_assert_cmpstr (plan_text_get_plain (g_value_get_boxed (&after)), ==, NFC_KE_HOACH);
          g_object_set (object, pspec->name, nfc, NULL);
          g_assert_cmpuint (count, ==, 1);
        }
      else
        {
          g_assert_cmpint (g_param_values_cmp (pspec, &after, &other), ==, 0);
        }

      /* And back: one more notification. */
      g_object_set_property (object, pspec->name, &before);
      g_assert_cmpuint (count, ==, 2);

      g_signal_handler_disconnect (object, handler);
      n_checked++;
    }

  if (g_test_verbose ())
    g_test_message ("%s: %u writable properties checked", g_type_name (type), n_checked);
}

static void
test_all_properties (void)
{
  const GType types[] = {
    PLAN_TYPE_PARAGRAPH, PLAN_TYPE_ITEM, PLAN_TYPE_TABLE, PLAN_TYPE_COLUMN, PLAN_TYPE_ROW,
    PLAN_TYPE_CELL, PLAN_TYPE_RECIPIENT, PLAN_TYPE_APPENDIX, PLAN_TYPE_COMMENT,
    PLAN_TYPE_EVENT, PLAN_TYPE_REVIEW, PLAN_TYPE_DOCUMENT,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_assert_true (g_type_is_a (types[i], PLAN_TYPE_NODE));
      check_all_properties (types[i]);
    }
}

/* Warnings are fatal in tests, and g_test_expect_message() does not see structured logging
 * on GLib 2.74: the refused writes run in a subprocess whose output is checked. */
static void
test_invalid_utf8_rejected (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(PlanRecipient) recipient = plan_recipient_new ("Phòng GD&ĐT", "b/cáo");
      guint count = 0;

      g_log_set_always_fatal (G_LOG_FATAL_MASK);
      g_signal_connect (recipient, "notify", G_CALLBACK (count_notify_cb), &count);

      g_object_set (recipient, "name", "Ph\xf2ng", NULL);
      g_assert_cmpstr (plan_recipient_get_name (recipient), ==, "Phòng GD&ĐT");
      g_assert_cmpuint (count, ==, 0);

      /* NULL stores the empty string: getters never return NULL. */
      g_object_set (recipient, "purpose", NULL, NULL);
      g_assert_cmpstr (plan_recipient_get_purpose (recipient), ==, "");
      g_assert_cmpuint (count, ==, 1);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*PlanRecipient:name: ignoring a value that is not valid UTF-8*");
}

static void
test_paragraph (void)
{
  g_autoptr(PlanParagraph) empty = plan_paragraph_new (NULL);
  g_autoptr(PlanParagraph) plain = plan_paragraph_new_plain (NFD_KE_HOACH " năm 2022");
  g_autoptr(PlanText) rich = plan_text_new_from_markdown ("Thực hiện **Kế hoạch số 78/KH-PGD&ĐT**");
  g_autoptr(PlanParagraph) paragraph = plan_paragraph_new (rich);

  g_assert_nonnull (plan_paragraph_get_text (empty));
  g_assert_true (plan_text_is_empty (plan_paragraph_get_text (empty)));
  g_assert_cmpstr (plan_text_get_plain (plan_paragraph_get_text (plain)), ==,
                   NFC_KE_HOACH " năm 2022");
  g_assert_true (plan_paragraph_get_text (paragraph) == rich);
  g_assert_cmpuint (plan_text_get_n_runs (plan_paragraph_get_text (paragraph)), ==, 2);
}

static void
test_item (void)
{
  g_autoptr(PlanItem) section = plan_item_new (PLAN_ITEM_SECTION, "MỤC ĐÍCH, YÊU CẦU");
  g_autoptr(PlanItem) numbered = plan_item_new (PLAN_ITEM_NUMBERED, NULL);
  g_autoptr(PlanItem) plain = g_object_new (PLAN_TYPE_ITEM, NULL);
  PlanParagraph *paragraph;

  g_assert_cmpint (plan_item_get_kind (section), ==, PLAN_ITEM_SECTION);
  g_assert_cmpstr (plan_text_get_plain (plan_item_get_heading (section)), ==, "MỤC ĐÍCH, YÊU CẦU");
  g_assert_false (plan_item_get_run_in (section));
  g_assert_null (plan_item_get_table (section));
  g_assert_true (plan_text_is_empty (plan_item_get_heading (numbered)));

  /* The documented default kind */
  g_assert_cmpint (plan_item_get_kind (plain), ==, PLAN_ITEM_PARAGRAPH);

  g_assert_true (G_IS_LIST_STORE (plan_item_get_paragraphs (section)));
  g_assert_true (G_IS_LIST_STORE (plan_item_get_children (section)));
  assert_item_type (plan_item_get_paragraphs (section), PLAN_TYPE_PARAGRAPH);
  assert_item_type (plan_item_get_children (section), PLAN_TYPE_ITEM);

  paragraph = plan_item_append_paragraph (section, "Nâng cao nhận thức");
  g_assert_cmpuint (g_list_model_get_n_items (plan_item_get_paragraphs (section)), ==, 1);
  g_assert_cmpstr (plan_text_get_plain (plan_paragraph_get_text (paragraph)), ==,
                   "Nâng cao nhận thức");

  plan_item_append_child (section, numbered);
  g_assert_cmpuint (g_list_model_get_n_items (plan_item_get_children (section)), ==, 1);

  g_object_set (numbered, "run-in", TRUE, NULL);
  g_assert_true (plan_item_get_run_in (numbered));
}

static void
test_table (void)
{
  g_autoptr(PlanTable) table = plan_table_new (3);
  g_autoptr(PlanItem) item = plan_item_new_table (table);
  const char * const header[] = {
    "TT", "Nội dung tuyên truyền", "Thời gian thực hiện", "extra", NULL
  };
  const char * const body[] = { "", NFD_KE_HOACH, "Quý II/2022", NULL };
  const char * const partial[] = { "1", NULL, "ignored", NULL };
  PlanRow *row;
  PlanColumn *column;

  g_assert_cmpint (plan_item_get_kind (item), ==, PLAN_ITEM_TABLE);
  g_assert_true (plan_item_get_table (item) == table);

  g_assert_cmpuint (plan_table_get_n_columns (table), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (plan_table_get_columns (table)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (plan_table_get_header_rows (table)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (plan_table_get_rows (table)), ==, 0);
  g_assert_cmpstr (plan_table_get_title (table), ==, "");
  g_assert_cmpstr (plan_table_get_note (table), ==, "");
  g_assert_false (plan_table_get_numbered (table));
  /* No header row yet: no names */
  g_assert_cmpstr (plan_table_get_column_name (table, 1), ==, "");

  column = g_list_model_get_item (plan_table_get_columns (table), 0);
  g_assert_cmpfloat (plan_column_get_width (column), ==, 1.0);
  g_assert_cmpint (plan_column_get_alignment (column), ==, PLAN_ALIGN_LEFT);
  g_object_unref (column);

  row = plan_table_append_header_row (table);
  plan_row_set_texts (row, header);
  row = plan_table_append_row (table);
  plan_row_set_texts (row, body);

  g_assert_cmpuint (g_list_model_get_n_items (plan_table_get_header_rows (table)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (plan_table_get_rows (table)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (plan_row_get_cells (row)), ==, 3);
  /* Extra entries are ignored. */
  g_assert_cmpstr (plan_table_get_column_name (table, 2), ==, "Thời gian thực hiện");
  g_assert_cmpstr (plan_table_get_column_name (table, 1), ==, "Nội dung tuyên truyền");

  /* Text is stored NFC */
  g_assert_cmpstr (plan_cell_get_text (plan_row_get_cell (row, 0)), ==, "");
  g_assert_cmpstr (plan_cell_get_text (plan_row_get_cell (row, 1)), ==, NFC_KE_HOACH);
  g_assert_cmpstr (plan_cell_get_text (plan_row_get_cell (row, 2)), ==, "Quý II/2022");
  g_assert_cmpint (plan_cell_get_merge (plan_row_get_cell (row, 2)), ==, PLAN_MERGE_NONE);
  g_assert_null (plan_row_get_cell (row, 3));

  /* The first NULL ends the array: the cells after it stay empty. */
  row = plan_table_append_row (table);
  plan_row_set_texts (row, partial);
  g_assert_cmpstr (plan_cell_get_text (plan_row_get_cell (row, 0)), ==, "1");
  g_assert_cmpstr (plan_cell_get_text (plan_row_get_cell (row, 1)), ==, "");
  g_assert_cmpstr (plan_cell_get_text (plan_row_get_cell (row, 2)), ==, "");

  g_object_set (table, "numbered", TRUE, "title", "Biểu 01", "note", "(Lưu ý: …)", NULL);
  g_assert_true (plan_table_get_numbered (table));
  g_assert_cmpstr (plan_table_get_title (table), ==, "Biểu 01");
  g_assert_cmpstr (plan_table_get_note (table), ==, "(Lưu ý: …)");
}

static void
test_column_and_cell (void)
{
  g_autoptr(PlanColumn) column = plan_column_new (2.5, PLAN_ALIGN_CENTER);
  g_autoptr(PlanCell) cell = plan_cell_new ("Thường xuyên\nQuý II");
  g_autoptr(PlanRow) row = plan_row_new (0);

  g_assert_cmpfloat (plan_column_get_width (column), ==, 2.5);
  g_assert_cmpint (plan_column_get_alignment (column), ==, PLAN_ALIGN_CENTER);

  g_assert_cmpstr (plan_cell_get_text (cell), ==, "Thường xuyên\nQuý II");
  g_object_set (cell, "merge", PLAN_MERGE_UP, NULL);
  g_assert_cmpint (plan_cell_get_merge (cell), ==, PLAN_MERGE_UP);

  g_assert_cmpuint (g_list_model_get_n_items (plan_row_get_cells (row)), ==, 0);
}

static void
test_recipient_appendix (void)
{
  g_autoptr(PlanRecipient) recipient = plan_recipient_new ("Phòng GD&ĐT", "b/cáo");
  g_autoptr(PlanAppendix) appendix = plan_appendix_new ("NỘI DUNG TRỌNG TÂM\nTUYÊN TRUYỀN");

  g_assert_cmpstr (plan_recipient_get_name (recipient), ==, "Phòng GD&ĐT");
  g_assert_cmpstr (plan_recipient_get_purpose (recipient), ==, "b/cáo");

  g_assert_cmpint (plan_appendix_get_label_mode (appendix), ==, PLAN_LABEL_AUTO);
  g_assert_cmpstr (plan_appendix_get_label (appendix), ==, "");
  g_assert_cmpstr (plan_appendix_get_title (appendix), ==, "NỘI DUNG TRỌNG TÂM\nTUYÊN TRUYỀN");
  g_assert_cmpint (plan_appendix_get_reference_mode (appendix), ==, PLAN_REFERENCE_AUTO);
  g_assert_cmpstr (plan_appendix_get_reference (appendix), ==, "");
  g_assert_cmpint (plan_appendix_get_orientation (appendix), ==, PLAN_ORIENTATION_PORTRAIT);
  assert_item_type (plan_appendix_get_content (appendix), PLAN_TYPE_ITEM);
}

static void
test_review (void)
{
  g_autoptr(PlanReview) review = plan_review_new ();
  g_autoptr(PlanComment) comment = plan_comment_new ("body/2/0", "Bùi Hoàng Anh",
                                                     PLAN_ROLE_APPROVER, "Bổ sung kinh phí");
  g_autoptr(PlanComment) other = plan_comment_new ("", "Nguyễn Văn A", PLAN_ROLE_DRAFTER, "Đã sửa");
  g_autoptr(PlanEvent) event = plan_event_new ("Bùi Hoàng Anh", "Hiệu trưởng", PLAN_ROLE_APPROVER,
                                               1644883200, PLAN_STATUS_RETURNED, "Bổ sung");
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_cmpint (plan_review_get_status (review), ==, PLAN_STATUS_DRAFT);
  g_assert_cmpstr (plan_review_get_approval_name (review), ==, "");
  g_assert_cmpstr (plan_review_get_approval_title (review), ==, "");
  g_assert_cmpstr (plan_review_get_approval_key_id (review), ==, "");
  g_assert_cmpstr (plan_review_get_approval_signature (review), ==, "");
  g_assert_cmpint (plan_review_get_approval_time (review), ==, 0);
  assert_item_type (plan_review_get_comments (review), PLAN_TYPE_COMMENT);
  assert_item_type (plan_review_get_history (review), PLAN_TYPE_EVENT);

  /* A new comment has a UUID of its own and the current time. */
  g_assert_true (g_uuid_string_is_valid (plan_comment_get_id (comment)));
  g_assert_cmpstr (plan_comment_get_id (comment), !=, plan_comment_get_id (other));
  g_assert_cmpint (ABS (plan_comment_get_time (comment) - now), <=, 2);
  g_assert_cmpstr (plan_comment_get_target (comment), ==, "body/2/0");
  g_assert_cmpstr (plan_comment_get_author (comment), ==, "Bùi Hoàng Anh");
  g_assert_cmpint (plan_comment_get_role (comment), ==, PLAN_ROLE_APPROVER);
  g_assert_cmpstr (plan_comment_get_text (comment), ==, "Bổ sung kinh phí");
  g_assert_cmpstr (plan_comment_get_reply_to (comment), ==, "");
  g_assert_false (plan_comment_get_resolved (comment));

  g_assert_cmpstr (plan_event_get_actor (event), ==, "Bùi Hoàng Anh");
  g_assert_cmpstr (plan_event_get_actor_title (event), ==, "Hiệu trưởng");
  g_assert_cmpint (plan_event_get_role (event), ==, PLAN_ROLE_APPROVER);
  g_assert_cmpint (plan_event_get_time (event), ==, 1644883200);
  g_assert_cmpint (plan_event_get_action (event), ==, PLAN_STATUS_RETURNED);
  g_assert_cmpstr (plan_event_get_note (event), ==, "Bổ sung");
}

static void
test_document_defaults (void)
{
  g_autoptr(PlanDocument) document = plan_document_new ();
  g_autoptr(PlanReview) review = plan_review_new ();
  g_autoptr(PlanDocument) with_review = g_object_new (PLAN_TYPE_DOCUMENT, "review", review, NULL);
  double top, bottom, left, right;
  guint year, month, day;
  PlanUrgency urgency;
  PlanSecrecy secrecy;
  PlanNumberedStyle numbered_style;
  PlanPointStyle point_style;
  PlanPartStyle part_style;

  g_assert_cmpstr (plan_document_get_doc_type (document), ==, "KH");
  g_assert_cmpstr (plan_document_get_type_name (document), ==, "Kế hoạch");
  g_assert_cmpuint (plan_document_get_number (document), ==, 0);
  g_assert_cmpstr (plan_document_get_parent_agency (document), ==, "");
  g_assert_cmpstr (plan_document_get_agency (document), ==, "");
  g_assert_cmpstr (plan_document_get_agency_abbrev (document), ==, "");
  g_assert_cmpstr (plan_document_get_place (document), ==, "");
  g_assert_cmpstr (plan_document_get_title (document), ==, "");
  g_assert_cmpstr (plan_document_get_archive (document), ==, "");
  g_assert_cmpstr (plan_document_get_signer_authority (document), ==, "");
  g_assert_cmpstr (plan_document_get_signer_title (document), ==, "");
  g_assert_cmpstr (plan_document_get_signer_name (document), ==, "");
  g_assert_cmpstr (plan_document_get_signer_notes (document), ==, "");

  plan_document_get_date (document, &year, &month, &day);
  g_assert_cmpuint (year, ==, 0);
  g_assert_cmpuint (month, ==, 0);
  g_assert_cmpuint (day, ==, 0);

  plan_document_get_margins (document, &top, &bottom, &left, &right);
  g_assert_cmpfloat (top, ==, 20.0);
  g_assert_cmpfloat (bottom, ==, 20.0);
  g_assert_cmpfloat (left, ==, 30.0);
  g_assert_cmpfloat (right, ==, 15.0);
  g_assert_cmpfloat (plan_document_get_font_size (document), ==, 14.0);
  g_assert_cmpfloat (plan_document_get_line_spacing (document), ==, 1.0);
  g_assert_cmpfloat (plan_document_get_paragraph_spacing (document), ==, 6.0);
  g_assert_cmpfloat (plan_document_get_first_line_indent (document), ==, 10.0);
  g_assert_true (plan_document_get_end_marker (document));
  g_assert_true (plan_document_get_draft_watermark (document));

  g_object_get (document,
                "urgency", &urgency,
                "secrecy", &secrecy,
                "numbered-style", &numbered_style,
                "point-style", &point_style,
                "part-style", &part_style,
                NULL);
  g_assert_cmpint (urgency, ==, PLAN_URGENCY_NONE);
  g_assert_cmpint (secrecy, ==, PLAN_SECRECY_NONE);
  g_assert_cmpint (numbered_style, ==, PLAN_NUMBERED_DOT);
  g_assert_cmpint (point_style, ==, PLAN_POINT_PAREN);
  g_assert_cmpint (part_style, ==, PLAN_PART_LETTER);

  g_assert_false (plan_document_can_undo (document));
  g_assert_false (plan_document_can_redo (document));
  g_assert_false (plan_document_get_modified (document));

  /* A review is always there; a given one is used. */
  g_assert_true (PLAN_IS_REVIEW (plan_document_get_review (document)));
  g_assert_true (plan_document_get_review (with_review) == review);

  assert_item_type (plan_document_get_preamble (document), PLAN_TYPE_PARAGRAPH);
  assert_item_type (plan_document_get_body (document), PLAN_TYPE_ITEM);
  assert_item_type (plan_document_get_recipients (document), PLAN_TYPE_RECIPIENT);
  assert_item_type (plan_document_get_appendices (document), PLAN_TYPE_APPENDIX);
  g_assert_cmpuint (g_list_model_get_n_items (plan_document_get_body (document)), ==, 0);
}

static void
expect_range (const char *property,
              double      min,
              double      max)
{
  GObjectClass *klass = g_type_class_peek (PLAN_TYPE_DOCUMENT);
  GParamSpec *pspec = g_object_class_find_property (klass, property);

  g_assert_nonnull (pspec);
  g_assert_true (G_IS_PARAM_SPEC_DOUBLE (pspec));
  g_assert_cmpfloat (G_PARAM_SPEC_DOUBLE (pspec)->minimum, ==, min);
  g_assert_cmpfloat (G_PARAM_SPEC_DOUBLE (pspec)->maximum, ==, max);
}

static void
test_document_ranges (void)
{
  g_autoptr(PlanDocument) document = plan_document_new ();
  GParamSpec *pspec;

  /* The decree's ranges (ND30 Phụ lục I) */
  expect_range ("margin-top", 20.0, 25.0);
  expect_range ("margin-bottom", 20.0, 25.0);
  expect_range ("margin-left", 30.0, 35.0);
  expect_range ("margin-right", 15.0, 20.0);
  expect_range ("font-size", 13.0, 14.0);
  expect_range ("line-spacing", 1.0, 1.5);
  expect_range ("paragraph-spacing", 6.0, 24.0);
  expect_range ("first-line-indent", 10.0, 12.7);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (document), "date-month");
  g_assert_cmpuint (G_PARAM_SPEC_UINT (pspec)->maximum, ==, 12);
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (document), "date-day");
  g_assert_cmpuint (G_PARAM_SPEC_UINT (pspec)->maximum, ==, 31);

  g_object_set (document, "first-line-indent", 12.7, "font-size", 13.0, NULL);
  g_assert_cmpfloat (plan_document_get_first_line_indent (document), ==, 12.7);
  g_assert_cmpfloat (plan_document_get_font_size (document), ==, 13.0);
}

static void
test_document_out_of_range (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(PlanDocument) document = plan_document_new ();
      double left;

      g_log_set_always_fatal (G_LOG_FATAL_MASK);

      /* Out of range is refused and the value kept. */
      g_object_set (document, "margin-left", 40.0, NULL);
      plan_document_get_margins (document, NULL, NULL, &left, NULL);
      g_assert_cmpfloat (left, ==, 30.0);

      plan_document_set (document, document, "date-month", 13, NULL);
      g_assert_false (plan_document_can_undo (document));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*out of range for property 'margin-left'*"
                             "*out of range for property 'date-month'*");
}

static void
test_document_undo_properties_read_only (void)
{
  g_autoptr(PlanDocument) document = plan_document_new ();
  const char * const names[] = { "can-undo", "can-redo", "modified" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (document), names[i]);
      gboolean value = TRUE;

      g_assert_nonnull (pspec);
      g_assert_false (pspec->flags & G_PARAM_WRITABLE);
      g_object_get (document, names[i], &value, NULL);
      g_assert_false (value);
    }
}

static const char *
heading_of (GListModel *list,
            guint       position)
{
  g_autoptr(PlanItem) item = g_list_model_get_item (list, position);

  return plan_text_get_plain (plan_item_get_heading (item));
}

static void
test_template (void)
{
  g_autoptr(PlanDocument) document = plan_document_new_template ();
  GListModel *body = plan_document_get_body (document);
  g_autoptr(PlanItem) first = NULL;
  GListModel *children;
  const char * const sections[] = {
    "MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG", "KINH PHÍ", "TỔ CHỨC THỰC HIỆN"
  };
  guint year, month, day;

  g_assert_cmpuint (g_list_model_get_n_items (body), ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autoptr(PlanItem) section = g_list_model_get_item (body, i);

      g_assert_cmpint (plan_item_get_kind (section), ==, PLAN_ITEM_SECTION);
      g_assert_cmpstr (heading_of (body, i), ==, sections[i]);
    }

  first = g_list_model_get_item (body, 0);
  children = plan_item_get_children (first);
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, 2);
  g_assert_cmpstr (heading_of (children, 0), ==, "Mục đích");
  g_assert_cmpstr (heading_of (children, 1), ==, "Yêu cầu");
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PlanItem) child = g_list_model_get_item (children, i);

      g_assert_cmpint (plan_item_get_kind (child), ==, PLAN_ITEM_NUMBERED);
    }

  g_assert_cmpstr (plan_document_get_doc_type (document), ==, "KH");
  g_assert_cmpstr (plan_document_get_archive (document), ==, "VT");
  g_assert_cmpuint (g_list_model_get_n_items (plan_document_get_recipients (document)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (plan_document_get_appendices (document)), ==, 0);
  g_assert_cmpstr (plan_document_get_signer_name (document), ==, "");
  g_assert_cmpstr (plan_document_get_signer_title (document), ==, "");
  plan_document_get_date (document, &year, &month, &day);
  g_assert_cmpuint (year + month + day, ==, 0);

  /* A fresh template is nothing to save or undo. */
  g_assert_false (plan_document_get_modified (document));
  g_assert_false (plan_document_can_undo (document));
}

static void
test_finalize (void)
{
  PlanDocument *document = plan_document_new_template ();
  PlanTable *table = plan_table_new (2);
  PlanItem *item = plan_item_new_table (table);

  g_object_unref (table);
  plan_document_insert (document, plan_document_get_body (document), 0, item);
  plan_document_undo (document);
  g_object_unref (item);

  /* Nothing keeps the document alive (the history refers to its content, not to itself). */
  g_assert_finalize_object (document);
}

/* A decision issuing the plan: its parts change with undo, and it numbers the file */
static void
test_decision (void)
{
  g_autoptr(PlanDocument) document = plan_document_new_template ();
  PlanDecision *decision = plan_document_get_decision (document);
  GListModel *articles = plan_decision_get_articles (decision);
  g_autoptr(PlanArticle) first = plan_article_new_plain ("Ban hành kèm theo Quyết định này Kế hoạch.");
  g_autoptr(PlanArticle) second = plan_article_new_plain ("Quyết định có hiệu lực kể từ ngày ký.");
  g_autoptr(PlanAppendix) appendix = plan_appendix_new ("DANH SÁCH");
  g_autofree char *plan_symbol = NULL;
  g_autofree char *symbol = NULL;
  g_autofree char *issuing = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *label = NULL;

  g_object_set (document, "agency", "Trường THCS\nLý Tự Trọng", "agency-abbrev", "THCS",
                "number", 15, "date-year", 2025, "date-month", 8, "date-day", 20, NULL);
  g_list_store_append (G_LIST_STORE (plan_document_get_appendices (document)), appendix);
  g_assert_cmpint (plan_document_get_kind (document), ==, PLAN_DOCUMENT_KIND_PLAN);
  g_assert_cmpstr (plan_decision_get_doc_type (decision), ==, "QĐ");
  g_assert_null (plan_document_dup_issuing_reference (document));
  plan_symbol = plan_document_dup_symbol (document);
  g_assert_cmpstr (plan_symbol, ==, "15/KH-THCS");

  plan_document_set (document, document, "kind", PLAN_DOCUMENT_KIND_DECISION, NULL);
  plan_document_set (document, decision, "authority", "Hiệu trưởng\nTrường THCS Lý Tự Trọng",
                     NULL);
  plan_document_insert (document, articles, 0, first);
  plan_document_insert (document, articles, 1, second);
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 2);

  symbol = plan_document_dup_symbol (document);
  g_assert_cmpstr (symbol, ==, "15/QĐ-THCS");
  issuing = plan_document_dup_issuing_reference (document);
  g_assert_cmpstr (issuing, ==, "(Ban hành kèm theo Quyết định số 15/QĐ-THCS ngày 20 tháng 8 "
                               "năm 2025 của Hiệu trưởng Trường THCS Lý Tự Trọng)");
  reference = plan_document_dup_appendix_reference (document, appendix);
  g_assert_cmpstr (reference, ==, "(Kèm theo Quyết định số 15/QĐ-THCS ngày 20 tháng 8 "
                                  "năm 2025 của Hiệu trưởng Trường THCS Lý Tự Trọng)");
  /* Before the văn thư gives the day: blank space to write in, as in the header */
  g_clear_pointer (&issuing, g_free);
  plan_document_set (document, document, "date-day", 0, NULL);
  issuing = plan_document_dup_issuing_reference (document);
  g_assert_cmpstr (issuing, ==, "(Ban hành kèm theo Quyết định số 15/QĐ-THCS ngày        tháng 8 "
                               "năm 2025 của Hiệu trưởng Trường THCS Lý Tự Trọng)");
  plan_document_undo (document);
  label = plan_article_dup_printed_label (second, 1);
  g_assert_cmpstr (label, ==, "Điều 2.");
  g_clear_pointer (&label, g_free);
  plan_document_set (document, second, "label", "Điều 3.", NULL);
  label = plan_article_dup_printed_label (second, 1);
  g_assert_cmpstr (label, ==, "Điều 3.");

  plan_document_undo (document);
  g_assert_cmpstr (plan_article_get_label (second), ==, "");
  plan_document_undo (document);
  plan_document_undo (document);
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 0);
  plan_document_undo (document);
  g_assert_cmpstr (plan_decision_get_authority (decision), ==, "");
  plan_document_undo (document);
  g_assert_cmpint (plan_document_get_kind (document), ==, PLAN_DOCUMENT_KIND_PLAN);
  plan_document_redo (document);
  g_assert_cmpint (plan_document_get_kind (document), ==, PLAN_DOCUMENT_KIND_DECISION);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/all-properties", test_all_properties);
  g_test_add_func ("/model/invalid-utf8", test_invalid_utf8_rejected);
  g_test_add_func ("/model/paragraph", test_paragraph);
  g_test_add_func ("/model/item", test_item);
  g_test_add_func ("/model/table", test_table);
  g_test_add_func ("/model/column-cell", test_column_and_cell);
  g_test_add_func ("/model/recipient-appendix", test_recipient_appendix);
  g_test_add_func ("/model/review", test_review);
  g_test_add_func ("/model/document/defaults", test_document_defaults);
  g_test_add_func ("/model/document/ranges", test_document_ranges);
  g_test_add_func ("/model/document/out-of-range", test_document_out_of_range);
  g_test_add_func ("/model/document/undo-properties", test_document_undo_properties_read_only);
  g_test_add_func ("/model/document/template", test_template);
  g_test_add_func ("/model/document/finalize", test_finalize);
  g_test_add_func ("/model/decision/parts-and-undo", test_decision);

  return g_test_run ();
}
