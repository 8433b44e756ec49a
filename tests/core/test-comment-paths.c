/* test-comment-paths.c: comments stay on their parts when items are added, removed or moved
 * (targets are positions, docs/file-format.md), and undo brings the targets back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "plan-comment-paths.h"
#include "plan-document.h"

/* The pure mapping: which targets move, and where. */
static void
test_mapping (void)
{
  static const struct {
    const char *target, *prefix;
    guint position, n_removed, n_added;
    const char *expected;   /* NULL: unchanged */
  } splices[] = {
    { "body/2/0", "body", 1, 0, 1, "body/3/0" },      /* a section inserted before */
    { "body/2/0", "body", 3, 0, 1, NULL },            /* … or after */
    { "body/2/0", "body", 2, 0, 1, "body/3/0" },      /* … at its place: it moves down */
    { "body/2/0", "body/2", 0, 0, 1, "body/2/1" },    /* an item before it, in its section */
    { "body/2/0", "body/2", 0, 1, 0, "body/2" },      /* removed: to the section */
    { "body/2/0/4", "body/2", 0, 1, 0, "body/2" },    /* inside the removed one: the same */
    { "body/2", "body", 2, 1, 0, "" },                /* a removed section: the whole plan */
    { "body/2", "body", 0, 1, 0, "body/1" },
    { "body/12/0", "body/1", 0, 1, 0, NULL },         /* "body/12" is not inside "body/1" */
    { "body", "body", 0, 1, 0, NULL },
    { "header", "body", 0, 1, 0, NULL },
    { "appendix/1", "appendix", 0, 1, 0, "appendix/0" },
    { "appendix/1/row/3", "appendix", 1, 1, 0, "" },
    { "appendix/1/row/3", "appendix/1/row", 0, 0, 1, "appendix/1/row/4" },
    { "appendix/1/row/3", "appendix/1/row", 3, 1, 0, "appendix/1" },
  };
  static const struct {
    const char *target, *prefix;
    guint from, to;
    const char *expected;
  } moves[] = {
    { "body/1/0", "body", 1, 3, "body/3/0" },          /* the moved one */
    { "body/2", "body", 1, 3, "body/1" },              /* those it passed */
    { "body/3", "body", 1, 3, "body/2" },
    { "body/4", "body", 1, 3, NULL },
    { "body/0", "body", 3, 0, "body/1" },
    { "body/3/1", "body", 3, 0, "body/0/1" },
    { "body/1/2", "body/1", 2, 1, "body/1/1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (splices); i++)
    {
      g_autofree char *got = plan_comment_paths_splice (splices[i].target, splices[i].prefix,
                                                        splices[i].position, splices[i].n_removed,
                                                        splices[i].n_added);

      g_test_message ("%s in %s: %s", splices[i].target, splices[i].prefix, got);
      g_assert_cmpstr (got, ==, splices[i].expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      g_autofree char *got = plan_comment_paths_move (moves[i].target, moves[i].prefix,
                                                      moves[i].from, moves[i].to);

      g_assert_cmpstr (got, ==, moves[i].expected);
    }
}

typedef struct {
  PlanDocument *document;
  PlanItem     *sections[3];   /* body/0 … body/2, each with two numbered items */
  PlanTable    *table;         /* the first table of appendix/0, four rows */
  PlanComment  *on_item;       /* "body/1/1" */
  PlanComment  *on_section;    /* "body/2" */
  PlanComment  *on_row;        /* "appendix/0/row/2" */
} Plan;

static PlanComment *
add_comment (PlanDocument *document,
             const char   *target)
{
  GListModel *comments = plan_review_get_comments (plan_document_get_review (document));
  g_autoptr(PlanComment) comment = plan_comment_new (target, "Bùi Hoàng Anh",
                                                     PLAN_ROLE_APPROVER, "Xem lại");

  plan_document_insert (document, comments, g_list_model_get_n_items (comments), comment);
  return comment;
}

static void
plan_set_up (Plan          *plan,
             gconstpointer  data)
{
  g_autoptr(PlanAppendix) appendix = plan_appendix_new ("Phụ lục");
  g_autoptr(PlanItem) table_item = NULL;

  plan->document = plan_document_new ();
  for (guint s = 0; s < G_N_ELEMENTS (plan->sections); s++)
    {
      plan->sections[s] = plan_item_new (PLAN_ITEM_SECTION, "MỤC");
      for (guint i = 0; i < 2; i++)
        {
          g_autoptr(PlanItem) item = plan_item_new (PLAN_ITEM_NUMBERED, "Nội dung");

          g_list_store_append (G_LIST_STORE (plan_item_get_children (plan->sections[s])), item);
        }
      g_list_store_append (G_LIST_STORE (plan_document_get_body (plan->document)),
                           plan->sections[s]);
    }
  plan->table = plan_table_new (2);
  for (guint r = 0; r < 4; r++)
    {
      g_autoptr(PlanRow) row = plan_row_new (2);

      g_list_store_append (G_LIST_STORE (plan_table_get_rows (plan->table)), row);
    }
  table_item = plan_item_new_table (plan->table);
  g_list_store_append (G_LIST_STORE (plan_appendix_get_content (appendix)), table_item);
  g_list_store_append (G_LIST_STORE (plan_document_get_appendices (plan->document)), appendix);

  plan->on_item = add_comment (plan->document, "body/1/1");
  plan->on_section = add_comment (plan->document, "body/2");
  plan->on_row = add_comment (plan->document, "appendix/0/row/2");
  plan_document_clear_undo (plan->document);
}

static void
plan_tear_down (Plan          *plan,
                gconstpointer  data)
{
  for (guint s = 0; s < G_N_ELEMENTS (plan->sections); s++)
    g_object_unref (plan->sections[s]);
  g_object_unref (plan->table);
  g_object_unref (plan->document);
}

static void
assert_targets (Plan       *plan,
                const char *on_item,
                const char *on_section,
                const char *on_row)
{
  g_assert_cmpstr (plan_comment_get_target (plan->on_item), ==, on_item);
  g_assert_cmpstr (plan_comment_get_target (plan->on_section), ==, on_section);
  g_assert_cmpstr (plan_comment_get_target (plan->on_row), ==, on_row);
}

/* Inserting before a commented part moves its comment with it; one undo takes both back. */
static void
test_insert (Plan          *plan,
             gconstpointer  data)
{
  g_autoptr(PlanItem) section = plan_item_new (PLAN_ITEM_SECTION, "MỚI");
  g_autoptr(PlanItem) item = plan_item_new (PLAN_ITEM_NUMBERED, "Mới");
  g_autoptr(PlanRow) row = plan_row_new (2);

  plan_document_insert (plan->document, plan_document_get_body (plan->document), 0, section);
  assert_targets (plan, "body/2/1", "body/3", "appendix/0/row/2");

  plan_document_insert (plan->document, plan_item_get_children (plan->sections[1]), 0, item);
  assert_targets (plan, "body/2/2", "body/3", "appendix/0/row/2");

  plan_document_insert (plan->document, plan_table_get_rows (plan->table), 1, row);
  assert_targets (plan, "body/2/2", "body/3", "appendix/0/row/3");

  /* Not before it: nothing moves */
  plan_document_remove (plan->document, plan_table_get_rows (plan->table), 4);
  assert_targets (plan, "body/2/2", "body/3", "appendix/0/row/3");

  plan_document_undo (plan->document);
  plan_document_undo (plan->document);
  assert_targets (plan, "body/2/2", "body/3", "appendix/0/row/2");
  plan_document_undo (plan->document);
  assert_targets (plan, "body/2/1", "body/3", "appendix/0/row/2");
  plan_document_undo (plan->document);
  assert_targets (plan, "body/1/1", "body/2", "appendix/0/row/2");
  g_assert_false (plan_document_can_undo (plan->document));

  plan_document_redo (plan->document);
  assert_targets (plan, "body/2/1", "body/3", "appendix/0/row/2");
}

/* Removing the commented part gives its comment to the part that held it; undo gives it back. */
static void
test_remove (Plan          *plan,
             gconstpointer  data)
{
  plan_document_remove (plan->document, plan_item_get_children (plan->sections[1]), 1);
  assert_targets (plan, "body/1", "body/2", "appendix/0/row/2");

  plan_document_remove (plan->document, plan_document_get_body (plan->document), 0);
  assert_targets (plan, "body/0", "body/1", "appendix/0/row/2");

  plan_document_remove (plan->document, plan_document_get_body (plan->document), 1);
  assert_targets (plan, "body/0", "", "appendix/0/row/2");

  plan_document_remove (plan->document, plan_table_get_rows (plan->table), 2);
  assert_targets (plan, "body/0", "", "appendix/0");

  for (guint i = 0; i < 4; i++)
    plan_document_undo (plan->document);
  assert_targets (plan, "body/1/1", "body/2", "appendix/0/row/2");
}

/* Moving a part takes its comments along; the parts it passes shift by one. */
static void
test_move (Plan          *plan,
           gconstpointer  data)
{
  plan_document_move (plan->document, plan_document_get_body (plan->document), 1, 2);
  assert_targets (plan, "body/2/1", "body/1", "appendix/0/row/2");

  plan_document_move (plan->document, plan_item_get_children (plan->sections[1]), 1, 0);
  assert_targets (plan, "body/2/0", "body/1", "appendix/0/row/2");

  plan_document_undo (plan->document);
  plan_document_undo (plan->document);
  assert_targets (plan, "body/1/1", "body/2", "appendix/0/row/2");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/comment-paths/mapping", test_mapping);
  g_test_add ("/comment-paths/insert", Plan, NULL, plan_set_up, test_insert, plan_tear_down);
  g_test_add ("/comment-paths/remove", Plan, NULL, plan_set_up, test_remove, plan_tear_down);
  g_test_add ("/comment-paths/move", Plan, NULL, plan_set_up, test_move, plan_tear_down);

  return g_test_run ();
}
