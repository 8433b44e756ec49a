/* test-undo.c: changing a plan through PlanDocument: undo, redo, groups, typing bursts,
 * the modified flag and "changed"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plan-document.h"

#define NFD_KE_HOACH "Ke\xcc\x82\xcc\x81 hoa\xcc\xa3" "ch"
#define NFC_KE_HOACH "K\xe1\xba\xbf ho\xe1\xba\xa1" "ch"

typedef struct
{
  PlanDocument *document;
  guint         changed;
  guint         can_undo_notify;
  guint         can_redo_notify;
  guint         modified_notify;
} Fixture;

static void
changed_cb (PlanDocument *document,
            Fixture      *fixture)
{
  fixture->changed++;
}

static void
notify_cb (PlanDocument *document,
           GParamSpec   *pspec,
           Fixture      *fixture)
{
  if (g_str_equal (pspec->name, "can-undo"))
    fixture->can_undo_notify++;
  else if (g_str_equal (pspec->name, "can-redo"))
    fixture->can_redo_notify++;
  else if (g_str_equal (pspec->name, "modified"))
    fixture->modified_notify++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->document = plan_document_new_template ();
  g_signal_connect (fixture->document, "changed", G_CALLBACK (changed_cb), fixture);
  g_signal_connect (fixture->document, "notify", G_CALLBACK (notify_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->document);
}

static const char *
heading_of (GListModel *list,
            guint       position)
{
  g_autoptr(PlanItem) item = g_list_model_get_item (list, position);

  return plan_text_get_plain (plan_item_get_heading (item));
}

/* The headings of @list joined with "|" */
static char *
headings (GListModel *list)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append (out, heading_of (list, i));
    }

  return g_string_free (out, FALSE);
}

#define assert_headings(list, expected)           \
  G_STMT_START {                                  \
    g_autofree char *_h = headings (list);        \
    g_assert_cmpstr (_h, ==, (expected));         \
  } G_STMT_END

static void
test_set_undo_redo (Fixture       *fixture,
                    gconstpointer  data)
{
  PlanDocument *document = fixture->document;

  plan_document_set (document, document, "number", 25, NULL);
  g_assert_cmpuint (plan_document_get_number (document), ==, 25);
  g_assert_cmpuint (fixture->changed, ==, 1);
  g_assert_true (plan_document_can_undo (document));
  g_assert_false (plan_document_can_redo (document));
  g_assert_true (plan_document_get_modified (document));
  g_assert_cmpuint (fixture->can_undo_notify, ==, 1);
  g_assert_cmpuint (fixture->modified_notify, ==, 1);

  plan_document_undo (document);
  g_assert_cmpuint (plan_document_get_number (document), ==, 0);
  g_assert_cmpuint (fixture->changed, ==, 2);
  g_assert_false (plan_document_can_undo (document));
  g_assert_true (plan_document_can_redo (document));
  g_assert_false (plan_document_get_modified (document));
  g_assert_cmpuint (fixture->can_undo_notify, ==, 2);
  g_assert_cmpuint (fixture->can_redo_notify, ==, 1);
  g_assert_cmpuint (fixture->modified_notify, ==, 2);

  plan_document_redo (document);
  g_assert_cmpuint (plan_document_get_number (document), ==, 25);
  g_assert_cmpuint (fixture->changed, ==, 3);
  g_assert_true (plan_document_can_undo (document));
  g_assert_false (plan_document_can_redo (document));
  g_assert_true (plan_document_get_modified (document));

  /* Nothing to redo: nothing happens. */
  plan_document_redo (document);
  g_assert_cmpuint (fixture->changed, ==, 3);

  /* Setting the same value is no change: no step, no signal. */
  plan_document_set (document, document, "number", 25, NULL);
  g_assert_cmpuint (fixture->changed, ==, 3);
  plan_document_undo (document);
  g_assert_cmpuint (plan_document_get_number (document), ==, 0);
  g_assert_false (plan_document_can_undo (document));
}

static void
test_set_nested_and_nfc (Fixture       *fixture,
                         gconstpointer  data)
{
  PlanDocument *document = fixture->document;
  GListModel *body = plan_document_get_body (document);
  g_autoptr(PlanItem) section = g_list_model_get_item (body, 1);
  g_autoptr(PlanText) heading = plan_text_new_from_markdown ("**" NFD_KE_HOACH "**");
  g_auto(GValue) value = G_VALUE_INIT;

  plan_document_set (document, section, "heading", heading, NULL);
  g_assert_cmpstr (plan_text_get_plain (plan_item_get_heading (section)), ==, NFC_KE_HOACH);

  plan_document_break_merge (document);
  plan_document_set (document, document, "title", NFD_KE_HOACH " năm 2022", NULL);
  g_assert_cmpstr (plan_document_get_title (document), ==, NFC_KE_HOACH " năm 2022");

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, FALSE);
  plan_document_set_value (document, document, "end-marker", &value);
  g_assert_false (plan_document_get_end_marker (document));
  g_assert_cmpuint (fixture->changed, ==, 3);

  plan_document_undo (document);
  g_assert_true (plan_document_get_end_marker (document));
  plan_document_undo (document);
  g_assert_cmpstr (plan_document_get_title (document), ==, "");
  plan_document_undo (document);
  g_assert_cmpstr (plan_text_get_plain (plan_item_get_heading (section)), ==, "NỘI DUNG");
  g_assert_false (plan_document_can_undo (document));
  g_assert_false (plan_document_get_modified (document));

  plan_document_redo (document);
  g_assert_cmpstr (plan_text_get_plain (plan_item_get_heading (section)), ==, NFC_KE_HOACH);
  g_assert_cmpuint (plan_text_get_n_runs (plan_item_get_heading (section)), ==, 1);
}

static void
test_several_properties_one_step (Fixture       *fixture,
                                  gconstpointer  data)
{
  PlanDocument *document = fixture->document;
  guint year, month, day;

  plan_document_set (document, document,
                     "date-year", 2022,
                     "date-month", 2,
                     "date-day", 15,
                     NULL);
  plan_document_get_date (document, &year, &month, &day);
  g_assert_cmpuint (year * 10000 + month * 100 + day, ==, 20220215);
  g_assert_cmpuint (fixture->changed, ==, 1);

  plan_document_undo (document);
  plan_document_get_date (document, &year, &month, &day);
  g_assert_cmpuint (year + month + day, ==, 0);
  g_assert_false (plan_document_can_undo (document));
}

static void
test_insert_remove (Fixture       *fixture,
                    gconstpointer  data)
{
  PlanDocument *document = fixture->document;
  GListModel *body = plan_document_get_body (document);
  g_autoptr(PlanItem) item = plan_item_new (PLAN_ITEM_SECTION, "THỜI GIAN");
  g_autoptr(PlanRecipient) recipient = plan_recipient_new ("Phòng GD&ĐT", "b/cáo");
  GListModel *recipients = plan_document_get_recipients (document);

  plan_document_insert (document, body, 2, item);
  assert_headings (body, "MỤC ĐÍCH, YÊU CẦU|NỘI DUNG|THỜI GIAN|KINH PHÍ|TỔ CHỨC THỰC HIỆN");
  g_assert_cmpuint (fixture->changed, ==, 1);

  plan_document_remove (document, body, 0);
  assert_headings (body, "NỘI DUNG|THỜI GIAN|KINH PHÍ|TỔ CHỨC THỰC HIỆN");
  g_assert_cmpuint (fixture->changed, ==, 2);

  plan_document_insert (document, recipients, 0, recipient);
  g_assert_cmpuint (g_list_model_get_n_items (recipients), ==, 1);

  plan_document_undo (document);
  g_assert_cmpuint (g_list_model_get_n_items (recipients), ==, 0);
  plan_document_undo (document);
  assert_headings (body, "MỤC ĐÍCH, YÊU CẦU|NỘI DUNG|THỜI GIAN|KINH PHÍ|TỔ CHỨC THỰC HIỆN");
  plan_document_undo (document);
  assert_headings (body, "MỤC ĐÍCH, YÊU CẦU|NỘI DUNG|KINH PHÍ|TỔ CHỨC THỰC HIỆN");
  g_assert_false (plan_document_get_modified (document));

  /* The removed section comes back with its children. */
  plan_document_redo (document);
  plan_document_redo (document);
  plan_document_undo (document);
  {
    g_autoptr(PlanItem) first = g_list_model_get_item (body, 0);

    assert_headings (plan_item_get_children (first), "Mục đích|Yêu cầu");
  }
  g_assert_cmpuint (fixture->changed, ==, 9);
}

static void
test_nested_lists (Fixture       *fixture,
                   gconstpointer  data)
{
  PlanDocument *document = fixture->document;
  g_autoptr(PlanItem) section = g_list_model_get_item (plan_document_get_body (document), 0);
  g_autoptr(PlanItem) numbered = plan_item_new (PLAN_ITEM_NUMBERED, "Đối tượng");
  g_autoptr(PlanTable) table = plan_table_new (2);
  g_autoptr(PlanItem) table_item = plan_item_new_table (table);
  g_autoptr(PlanRow) row = plan_row_new (2);
  GListModel *children = plan_item_get_children (section);

  plan_document_insert (document, children, 2, numbered);
  plan_document_insert (document, plan_item_get_children (numbered), 0, table_item);
  plan_document_insert (document, plan_table_get_rows (table), 0, row);
  plan_document_set (document, plan_row_get_cell (row, 1), "text", "Quý II/2022", NULL);

  assert_headings (children, "Mục đích|Yêu cầu|Đối tượng");
  g_assert_cmpstr (plan_cell_get_text (plan_row_get_cell (row, 1)), ==, "Quý II/2022");

  plan_document_undo (document);
  g_assert_cmpstr (plan_cell_get_text (plan_row_get_cell (row, 1)), ==, "");
  plan_document_undo (document);
  g_assert_cmpuint (g_list_model_get_n_items (plan_table_get_rows (table)), ==, 0);
  plan_document_undo (document);
  g_assert_cmpuint (g_list_model_get_n_items (plan_item_get_children (numbered)), ==, 0);
  plan_document_undo (document);
  assert_headings (children, "Mục đích|Yêu cầu");
  g_assert_false (plan_document_can_undo (document));

  for (guint i = 0; i < 4; i++)
    plan_document_redo (document);
  assert_headings (children, "Mục đích|Yêu cầu|Đối tượng");
  g_assert_cmpstr (plan_cell_get_text (plan_row_get_cell (row, 1)), ==, "Quý II/2022");
}

static void
test_move (Fixture       *fixture,
           gconstpointer  data)
{
  PlanDocument *document = fixture->document;
  GListModel *body = plan_document_get_body (document);
  const char *original = "MỤC ĐÍCH, YÊU CẦU|NỘI DUNG|KINH PHÍ|TỔ CHỨC THỰC HIỆN";

  plan_document_move (document, body, 0, 2);
  assert_headings (body, "NỘI DUNG|KINH PHÍ|MỤC ĐÍCH, YÊU CẦU|TỔ CHỨC THỰC HIỆN");
  g_assert_cmpuint (fixture->changed, ==, 1);

  plan_document_move (document, body, 3, 0);
  assert_headings (body, "TỔ CHỨC THỰC HIỆN|NỘI DUNG|KINH PHÍ|MỤC ĐÍCH, YÊU CẦU");
  g_assert_cmpuint (fixture->changed, ==, 2);

  /* To the same place: nothing */
  plan_document_move (document, body, 1, 1);
  g_assert_cmpuint (fixture->changed, ==, 2);

  /* Each move is one step. */
  plan_document_undo (document);
  assert_headings (body, "NỘI DUNG|KINH PHÍ|MỤC ĐÍCH, YÊU CẦU|TỔ CHỨC THỰC HIỆN");
  plan_document_undo (document);
  assert_headings (body, original);
  g_assert_false (plan_document_can_undo (document));

  plan_document_redo (document);
  plan_document_redo (document);
  assert_headings (body, "TỔ CHỨC THỰC HIỆN|NỘI DUNG|KINH PHÍ|MỤC ĐÍCH, YÊU CẦU");
  g_assert_cmpuint (fixture->changed, ==, 6);
}

static void
test_groups (Fixture       *fixture,
             gconstpointer  data)
{
  PlanDocument *document = fixture->document;
  GListModel *body = plan_document_get_body (document);
  g_autoptr(PlanItem) item = plan_item_new (PLAN_ITEM_SECTION, "THỜI GIAN");

  plan_document_begin_group (document);
  plan_document_set (document, document, "number", 25, NULL);
  plan_document_begin_group (document);
  plan_document_insert (document, body, 0, item);
  plan_document_set (document, item, "run-in", TRUE, NULL);
  plan_document_end_group (document);
  /* Nothing announced until the outermost end */
  g_assert_cmpuint (fixture->changed, ==, 0);
  plan_document_remove (document, body, 1);
  plan_document_set (document, document, "title", "Tuyên truyền", NULL);
  plan_document_end_group (document);

  g_assert_cmpuint (fixture->changed, ==, 1);
  assert_headings (body, "THỜI GIAN|NỘI DUNG|KINH PHÍ|TỔ CHỨC THỰC HIỆN");

  /* One step undoes all of it, in reverse order. */
  plan_document_undo (document);
  g_assert_cmpuint (fixture->changed, ==, 2);
  assert_headings (body, "MỤC ĐÍCH, YÊU CẦU|NỘI DUNG|KINH PHÍ|TỔ CHỨC THỰC HIỆN");
  g_assert_cmpuint (plan_document_get_number (document), ==, 0);
  g_assert_cmpstr (plan_document_get_title (document), ==, "");
  g_assert_false (plan_item_get_run_in (item));
  g_assert_false (plan_document_can_undo (document));

  plan_document_redo (document);
  g_assert_cmpuint (fixture->changed, ==, 3);
  assert_headings (body, "THỜI GIAN|NỘI DUNG|KINH PHÍ|TỔ CHỨC THỰC HIỆN");
  g_assert_true (plan_item_get_run_in (item));
  g_assert_cmpstr (plan_document_get_title (document), ==, "Tuyên truyền");

  /* An empty group is no step and no change. */
  plan_document_begin_group (document);
  plan_document_set (document, document, "number", 25, NULL);
  plan_document_end_group (document);
  g_assert_cmpuint (fixture->changed, ==, 3);
  plan_document_undo (document);
  g_assert_cmpuint (plan_document_get_number (document), ==, 0);
  g_assert_false (plan_document_can_undo (document));
}

static void
test_typing_merges (Fixture       *fixture,
                    gconstpointer  data)
{
  PlanDocument *document = fixture->document;
  const char * const burst[] = { "T", "Tu", "Tuy", "Tuyên", "Tuyên truyền" };

  for (guint i = 0; i < G_N_ELEMENTS (burst); i++)
    plan_document_set (document, document, "title", burst[i], NULL);

  /* Every keystroke is announced, but it is one step. */
  g_assert_cmpuint (fixture->changed, ==, 5);
  plan_document_undo (document);
  g_assert_cmpstr (plan_document_get_title (document), ==, "");
  g_assert_false (plan_document_can_undo (document));
  plan_document_redo (document);
  g_assert_cmpstr (plan_document_get_title (document), ==, "Tuyên truyền");

  /* break_merge() starts a new step. */
  plan_document_break_merge (document);
  plan_document_set (document, document, "title", "Tuyên truyền cải cách", NULL);
  plan_document_set (document, document, "title", "Tuyên truyền cải cách hành chính", NULL);
  plan_document_undo (document);
  g_assert_cmpstr (plan_document_get_title (document), ==, "Tuyên truyền");

  /* Another property, or another object, is another step. */
  plan_document_set (document, document, "title", "Tuyên truyền 2022", NULL);
  plan_document_set (document, document, "place", "Hạ Long", NULL);
  plan_document_set (document, document, "title", "Tuyên truyền năm 2022", NULL);
  plan_document_undo (document);
  g_assert_cmpstr (plan_document_get_title (document), ==, "Tuyên truyền 2022");
  g_assert_cmpstr (plan_document_get_place (document), ==, "Hạ Long");
  plan_document_undo (document);
  g_assert_cmpstr (plan_document_get_place (document), ==, "");
  plan_document_undo (document);
  g_assert_cmpstr (plan_document_get_title (document), ==, "Tuyên truyền");

  /* Numbers never merge. */
  plan_document_set (document, document, "number", 1, NULL);
  plan_document_set (document, document, "number", 12, NULL);
  plan_document_undo (document);
  g_assert_cmpuint (plan_document_get_number (document), ==, 1);
}

static void
test_typing_merges_rich_text (Fixture       *fixture,
                              gconstpointer  data)
{
  PlanDocument *document = fixture->document;
  g_autoptr(PlanItem) section = g_list_model_get_item (plan_document_get_body (document), 2);
  g_autoptr(PlanText) a = plan_text_new ("KINH PHÍ THỰC");
  g_autoptr(PlanText) b = plan_text_new ("KINH PHÍ THỰC HIỆN");
  g_autoptr(PlanItem) other = g_list_model_get_item (plan_document_get_body (document), 3);
  g_autoptr(PlanParagraph) paragraph = plan_paragraph_new_plain ("Nguồn kinh phí");

  plan_document_set (document, section, "heading", a, NULL);
  plan_document_set (document, section, "heading", b, NULL);
  plan_document_undo (document);
  g_assert_cmpstr (plan_text_get_plain (plan_item_get_heading (section)), ==, "KINH PHÍ");
  g_assert_false (plan_document_can_undo (document));

  /* A group boundary ends the burst. */
  plan_document_set (document, section, "heading", a, NULL);
  plan_document_begin_group (document);
  plan_document_set (document, other, "run-in", TRUE, NULL);
  plan_document_end_group (document);
  plan_document_set (document, section, "heading", b, NULL);
  plan_document_undo (document);
  g_assert_cmpstr (plan_text_get_plain (plan_item_get_heading (section)), ==, "KINH PHÍ THỰC");

  plan_document_undo (document);
  plan_document_undo (document);
  g_assert_false (plan_document_can_undo (document));

  /* So does a structural change. */
  plan_document_set (document, section, "heading", a, NULL);
  plan_document_insert (document, plan_item_get_paragraphs (section), 0, paragraph);
  plan_document_set (document, section, "heading", b, NULL);
  plan_document_undo (document);
  g_assert_cmpstr (plan_text_get_plain (plan_item_get_heading (section)), ==, "KINH PHÍ THỰC");
  g_assert_cmpuint (g_list_model_get_n_items (plan_item_get_paragraphs (section)), ==, 1);
}

static void
test_typing_pause (Fixture       *fixture,
                   gconstpointer  data)
{
  PlanDocument *document = fixture->document;

  plan_document_set (document, document, "signer-name", "Bùi", NULL);
  /* More than a second without typing ends the burst. */
  g_usleep (G_USEC_PER_SEC + G_USEC_PER_SEC / 5);
  plan_document_set (document, document, "signer-name", "Bùi Hoàng Anh", NULL);

  plan_document_undo (document);
  g_assert_cmpstr (plan_document_get_signer_name (document), ==, "Bùi");
  plan_document_undo (document);
  g_assert_cmpstr (plan_document_get_signer_name (document), ==, "");
}

static void
test_redo_cleared (Fixture       *fixture,
                   gconstpointer  data)
{
  PlanDocument *document = fixture->document;

  plan_document_set (document, document, "number", 1, NULL);
  plan_document_set (document, document, "number", 2, NULL);
  plan_document_undo (document);
  g_assert_true (plan_document_can_redo (document));

  plan_document_set (document, document, "number", 3, NULL);
  g_assert_false (plan_document_can_redo (document));
  plan_document_redo (document);
  g_assert_cmpuint (plan_document_get_number (document), ==, 3);
  plan_document_undo (document);
  g_assert_cmpuint (plan_document_get_number (document), ==, 1);
}

static void
test_modified (Fixture       *fixture,
               gconstpointer  data)
{
  PlanDocument *document = fixture->document;

  g_assert_false (plan_document_get_modified (document));

  plan_document_set (document, document, "title", "Kế hoạch", NULL);
  g_assert_true (plan_document_get_modified (document));
  plan_document_set_unmodified (document);
  g_assert_false (plan_document_get_modified (document));
  g_assert_cmpuint (fixture->modified_notify, ==, 2);

  /* Typing after saving is a new step (not merged into the saved one)... */
  plan_document_set (document, document, "title", "Kế hoạch tuyên truyền", NULL);
  g_assert_true (plan_document_get_modified (document));
  /* ...so undo goes back exactly to the saved state. */
  plan_document_undo (document);
  g_assert_cmpstr (plan_document_get_title (document), ==, "Kế hoạch");
  g_assert_false (plan_document_get_modified (document));
  /* Before the save point is modified too. */
  plan_document_undo (document);
  g_assert_true (plan_document_get_modified (document));
  plan_document_redo (document);
  g_assert_false (plan_document_get_modified (document));
  plan_document_redo (document);
  g_assert_true (plan_document_get_modified (document));

  /* A change after undoing past the save point makes the saved state unreachable. */
  plan_document_undo (document);
  plan_document_undo (document);
  plan_document_set (document, document, "number", 9, NULL);
  g_assert_true (plan_document_get_modified (document));
  plan_document_undo (document);
  g_assert_true (plan_document_get_modified (document));

  /* Every notification matched a real flip. */
  g_assert_cmpuint (fixture->modified_notify, ==, 9);
}

static void
test_clear_undo (Fixture       *fixture,
                 gconstpointer  data)
{
  PlanDocument *document = fixture->document;

  plan_document_set (document, document, "title", "Kế hoạch", NULL);
  plan_document_set (document, document, "number", 4, NULL);
  plan_document_undo (document);
  g_assert_true (plan_document_can_undo (document));
  g_assert_true (plan_document_can_redo (document));

  plan_document_clear_undo (document);
  g_assert_false (plan_document_can_undo (document));
  g_assert_false (plan_document_can_redo (document));
  /* The content stays, and unsaved changes stay unsaved. */
  g_assert_cmpstr (plan_document_get_title (document), ==, "Kế hoạch");
  g_assert_true (plan_document_get_modified (document));

  plan_document_set_unmodified (document);
  g_assert_false (plan_document_get_modified (document));
  plan_document_clear_undo (document);
  g_assert_false (plan_document_get_modified (document));
}

static void
test_review_lists (Fixture       *fixture,
                   gconstpointer  data)
{
  PlanDocument *document = fixture->document;
  PlanReview *review = plan_document_get_review (document);
  g_autoptr(PlanComment) comment = plan_comment_new ("header", "Bùi Hoàng Anh",
                                                     PLAN_ROLE_APPROVER, "Thiếu số");

  plan_document_insert (document, plan_review_get_comments (review), 0, comment);
  plan_document_set (document, comment, "resolved", TRUE, NULL);
  plan_document_set (document, review, "status", PLAN_STATUS_RETURNED, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (plan_review_get_comments (review)), ==, 1);
  g_assert_cmpint (plan_review_get_status (review), ==, PLAN_STATUS_RETURNED);

  plan_document_undo (document);
  plan_document_undo (document);
  g_assert_false (plan_comment_get_resolved (comment));
  plan_document_undo (document);
  g_assert_cmpuint (g_list_model_get_n_items (plan_review_get_comments (review)), ==, 0);
}

static void
test_refused_changes (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(PlanDocument) document = plan_document_new_template ();
      g_autoptr(PlanRecipient) recipient = plan_recipient_new ("Sở GD&ĐT", NULL);
      g_autoptr(PlanTable) table = plan_table_new (1);
      g_autoptr(PlanItem) item = plan_item_new (PLAN_ITEM_BULLET, NULL);

      g_log_set_always_fatal (G_LOG_FATAL_MASK);

      plan_document_set (document, document, "no-such-property", 1, NULL);
      plan_document_set (document, document, "can-undo", TRUE, NULL);
      plan_document_set (document, item, "table", table, NULL);
      plan_document_insert (document, plan_document_get_body (document), 0, recipient);

      g_assert_false (plan_document_can_undo (document));
      g_assert_cmpuint (g_list_model_get_n_items (plan_document_get_body (document)), ==, 4);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*no property named 'no-such-property'*"
                             "*'can-undo' of PlanDocument cannot be changed*"
                             "*'table' of PlanItem cannot be changed*"
                             "*PlanRecipient cannot go into a list of PlanItem*");
}

static char *
recipient_names (GListModel *recipients)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (recipients); i++)
    {
      g_autoptr(PlanRecipient) recipient = g_list_model_get_item (recipients, i);

      g_string_append_printf (names, "%s%s", i > 0 ? "|" : "", plan_recipient_get_name (recipient));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* A plan issued by a decision and back, each one undo step */
static void
test_issue_by_decision (void)
{
  g_autoptr(PlanDocument) document = plan_document_new_template ();
  PlanDecision *decision = plan_document_get_decision (document);
  g_autoptr(PlanRecipient) recipient = plan_recipient_new ("Phòng GD&ĐT", "b/cáo");
  g_autoptr(PlanArticle) first = NULL;
  g_autofree char *names = NULL;

  g_object_set (document, "title", "Tuyên truyền cải cách hành chính\nnăm 2022",
                "archive", "VT, VP", "signer-title", "HIỆU TRƯỞNG",
                "agency", "Trường THCS Lý Tự Trọng", "number", 25, NULL);
  g_list_store_append (G_LIST_STORE (plan_document_get_recipients (document)), recipient);
  plan_document_clear_undo (document);

  plan_document_issue_by_decision (document);
  g_assert_cmpint (plan_document_get_kind (document), ==, PLAN_DOCUMENT_KIND_DECISION);
  g_assert_cmpuint (plan_document_get_number (document), ==, 0);
  g_assert_cmpstr (plan_decision_get_title (decision), ==,
                   "Ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2022");
  g_assert_cmpstr (plan_decision_get_authority (decision), ==, "Hiệu trưởng Trường THCS Lý Tự Trọng");
  g_assert_cmpuint (g_list_model_get_n_items (plan_decision_get_preamble (decision)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (plan_decision_get_articles (decision)), ==, 3);
  first = g_list_model_get_item (plan_decision_get_articles (decision), 0);
  g_assert_cmpstr (plan_text_get_plain (plan_article_get_text (first)), ==,
                   "Ban hành kèm theo Quyết định này Kế hoạch tuyên truyền cải cách hành chính năm 2022.");
  names = recipient_names (plan_decision_get_recipients (decision));
  g_assert_cmpstr (names, ==, "Phòng GD&ĐT|Như Điều 3");
  g_clear_pointer (&names, g_free);
  g_assert_cmpstr (plan_decision_get_archive (decision), ==, "VT, VP");
  g_assert_cmpuint (g_list_model_get_n_items (plan_document_get_recipients (document)), ==, 0);
  g_assert_cmpstr (plan_document_get_archive (document), ==, "");

  /* One undo step gives the plan back as it was */
  plan_document_undo (document);
  g_assert_false (plan_document_can_undo (document));
  g_assert_cmpint (plan_document_get_kind (document), ==, PLAN_DOCUMENT_KIND_PLAN);
  g_assert_cmpuint (plan_document_get_number (document), ==, 25);
  g_assert_cmpuint (g_list_model_get_n_items (plan_decision_get_articles (decision)), ==, 0);
  names = recipient_names (plan_document_get_recipients (document));
  g_assert_cmpstr (names, ==, "Phòng GD&ĐT");
  g_clear_pointer (&names, g_free);
  g_assert_cmpstr (plan_document_get_archive (document), ==, "VT, VP");

  /* Back to a plan alone: the decision's Nơi nhận but "Như Điều 3", in one step */
  plan_document_redo (document);
  plan_document_remove_decision (document);
  g_assert_cmpint (plan_document_get_kind (document), ==, PLAN_DOCUMENT_KIND_PLAN);
  names = recipient_names (plan_document_get_recipients (document));
  g_assert_cmpstr (names, ==, "Phòng GD&ĐT");
  g_clear_pointer (&names, g_free);
  g_assert_cmpstr (plan_document_get_archive (document), ==, "VT, VP");
  plan_document_undo (document);
  g_assert_cmpint (plan_document_get_kind (document), ==, PLAN_DOCUMENT_KIND_DECISION);
  g_assert_cmpuint (g_list_model_get_n_items (plan_document_get_recipients (document)), ==, 0);

  /* Issued again after being set aside: the decision written is kept, not doubled */
  plan_document_redo (document);
  plan_document_issue_by_decision (document);
  g_assert_cmpuint (g_list_model_get_n_items (plan_decision_get_articles (decision)), ==, 3);
  names = recipient_names (plan_decision_get_recipients (decision));
  g_assert_cmpstr (names, ==, "Phòng GD&ĐT|Như Điều 3");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/undo/set", test_set_undo_redo);
  ADD ("/undo/set-nested-nfc", test_set_nested_and_nfc);
  ADD ("/undo/set-several", test_several_properties_one_step);
  ADD ("/undo/insert-remove", test_insert_remove);
  ADD ("/undo/nested-lists", test_nested_lists);
  ADD ("/undo/move", test_move);
  ADD ("/undo/groups", test_groups);
  ADD ("/undo/typing-merges", test_typing_merges);
  ADD ("/undo/typing-merges-rich-text", test_typing_merges_rich_text);
  ADD ("/undo/typing-pause", test_typing_pause);
  ADD ("/undo/redo-cleared", test_redo_cleared);
  ADD ("/undo/modified", test_modified);
  ADD ("/undo/clear", test_clear_undo);
  ADD ("/undo/review-lists", test_review_lists);

#undef ADD

  g_test_add_func ("/undo/refused", test_refused_changes);
  g_test_add_func ("/undo/issue-by-decision", test_issue_by_decision);

  return g_test_run ();
}
