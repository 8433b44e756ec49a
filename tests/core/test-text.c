/* test-text.c: PlanText: runs, merging, NFC, markdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plan-text.h"

#define NFD_KE_HOACH "Ke\xcc\x82\xcc\x81 hoa\xcc\xa3" "ch"
#define NFC_KE_HOACH "K\xe1\xba\xbf ho\xe1\xba\xa1" "ch"

static void
assert_run (PlanText   *text,
            guint       index,
            const char *expected,
            PlanStyle   expected_style)
{
  PlanStyle style = 0;

  g_assert_cmpstr (plan_text_get_run (text, index, &style), ==, expected);
  g_assert_cmpint (style, ==, expected_style);
}

static void
test_plain (void)
{
  g_autoptr(PlanText) text = plan_text_new ("Độc lập - Tự do - Hạnh phúc");
  g_autoptr(PlanText) empty = plan_text_new ("");
  g_autoptr(PlanText) null = plan_text_new (NULL);
  g_autoptr(PlanText) lines = plan_text_new ("dòng 1\ndòng 2");

  g_assert_cmpstr (plan_text_get_plain (text), ==, "Độc lập - Tự do - Hạnh phúc");
  g_assert_false (plan_text_is_empty (text));
  g_assert_cmpuint (plan_text_get_n_runs (text), ==, 1);
  assert_run (text, 0, "Độc lập - Tự do - Hạnh phúc", 0);

  /* Empty texts have no runs but a plain text that is never NULL. */
  g_assert_cmpstr (plan_text_get_plain (empty), ==, "");
  g_assert_true (plan_text_is_empty (empty));
  g_assert_cmpuint (plan_text_get_n_runs (empty), ==, 0);
  g_assert_cmpstr (plan_text_get_plain (null), ==, "");
  g_assert_true (plan_text_equal (empty, null));
  g_assert_true (plan_text_equal (empty, NULL));
  g_assert_false (plan_text_equal (text, NULL));

  /* A soft line break is kept inside the text. */
  g_assert_cmpstr (plan_text_get_plain (lines), ==, "dòng 1\ndòng 2");
}

static void
test_nfc (void)
{
  g_autoptr(PlanText) text = plan_text_new (NFD_KE_HOACH);
  g_autoptr(PlanText) nfc = plan_text_new (NFC_KE_HOACH);
  const PlanRun runs[] = {
    { "Thực hiện ", 0 },
    { NFD_KE_HOACH, PLAN_STYLE_BOLD },
  };
  g_autoptr(PlanText) rich = plan_text_new_from_runs (runs, G_N_ELEMENTS (runs));
  g_autoptr(PlanText) markdown = plan_text_new_from_markdown ("**" NFD_KE_HOACH "**");

  g_assert_cmpstr (plan_text_get_plain (text), ==, NFC_KE_HOACH);
  g_assert_true (plan_text_equal (text, nfc));

  g_assert_cmpstr (plan_text_get_plain (rich), ==, "Thực hiện " NFC_KE_HOACH);
  assert_run (rich, 1, NFC_KE_HOACH, PLAN_STYLE_BOLD);

  g_assert_cmpstr (plan_text_get_plain (markdown), ==, NFC_KE_HOACH);
  assert_run (markdown, 0, NFC_KE_HOACH, PLAN_STYLE_BOLD);
}

static void
test_invalid (void)
{
  const PlanRun runs[] = {
    { "ok", 0 },
    { "b\xe1\xba", PLAN_STYLE_BOLD },
  };

  g_assert_null (plan_text_new ("b\xff"));
  g_assert_null (plan_text_new_from_runs (runs, G_N_ELEMENTS (runs)));
  g_assert_null (plan_text_new_from_markdown ("**b\xc3**"));
}

static void
test_runs_merged_and_dropped (void)
{
  const PlanRun runs[] = {
    { "", PLAN_STYLE_BOLD },
    { "Căn cứ ", 0 },
    { "Kế hoạch ", PLAN_STYLE_BOLD },
    { NULL, PLAN_STYLE_ITALIC },
    { "số 78", PLAN_STYLE_BOLD },
    { "", 0 },
    { " ngày ", 0 },
    { "15", 0 },
    { "/02", PLAN_STYLE_ITALIC | PLAN_STYLE_UNDERLINE },
  };
  g_autoptr(PlanText) text = plan_text_new_from_runs (runs, G_N_ELEMENTS (runs));
  g_autoptr(PlanText) none = plan_text_new_from_runs (NULL, 0);

  g_assert_cmpstr (plan_text_get_plain (text), ==, "Căn cứ Kế hoạch số 78 ngày 15/02");
  g_assert_cmpuint (plan_text_get_n_runs (text), ==, 4);
  assert_run (text, 0, "Căn cứ ", 0);
  assert_run (text, 1, "Kế hoạch số 78", PLAN_STYLE_BOLD);
  assert_run (text, 2, " ngày 15", 0);
  assert_run (text, 3, "/02", PLAN_STYLE_ITALIC | PLAN_STYLE_UNDERLINE);

  g_assert_true (plan_text_is_empty (none));
}

static void
test_equal (void)
{
  const PlanRun a_runs[] = { { "Kế ", 0 }, { "hoạch", PLAN_STYLE_BOLD } };
  const PlanRun b_runs[] = { { "Kế ", 0 }, { "hoạch", PLAN_STYLE_ITALIC } };
  const PlanRun c_runs[] = { { "Kế", 0 }, { " hoạch", PLAN_STYLE_BOLD } };
  g_autoptr(PlanText) a = plan_text_new_from_runs (a_runs, 2);
  g_autoptr(PlanText) a2 = plan_text_new_from_markdown ("Kế **hoạch**");
  g_autoptr(PlanText) b = plan_text_new_from_runs (b_runs, 2);
  g_autoptr(PlanText) c = plan_text_new_from_runs (c_runs, 2);
  g_autoptr(PlanText) plain = plan_text_new ("Kế hoạch");

  g_assert_true (plan_text_equal (a, a2));
  g_assert_false (plan_text_equal (a, b));
  g_assert_false (plan_text_equal (a, c));
  g_assert_false (plan_text_equal (a, plain));
  g_assert_cmpstr (plan_text_get_plain (a), ==, plan_text_get_plain (plain));
}

static void
test_markdown (void)
{
  g_autoptr(PlanText) text =
    plan_text_new_from_markdown ("Thực hiện **Kế hoạch** số *78* __gấp__ ***cả hai***");
  g_autoptr(PlanText) escaped = plan_text_new_from_markdown ("5 \\* 3 \\_\\_ a\\\\b");
  g_autoptr(PlanText) unterminated = plan_text_new_from_markdown ("**đậm đến hết");
  g_autofree char *md = NULL;
  g_autofree char *escaped_md = NULL;

  g_assert_cmpstr (plan_text_get_plain (text), ==, "Thực hiện Kế hoạch số 78 gấp cả hai");
  g_assert_cmpuint (plan_text_get_n_runs (text), ==, 8);
  assert_run (text, 1, "Kế hoạch", PLAN_STYLE_BOLD);
  assert_run (text, 3, "78", PLAN_STYLE_ITALIC);
  assert_run (text, 5, "gấp", PLAN_STYLE_UNDERLINE);
  assert_run (text, 7, "cả hai", PLAN_STYLE_BOLD | PLAN_STYLE_ITALIC);

  md = plan_text_to_markdown (text);
  g_assert_cmpstr (md, ==, "Thực hiện **Kế hoạch** số *78* __gấp__ ***cả hai***");

  g_assert_cmpstr (plan_text_get_plain (escaped), ==, "5 * 3 __ a\\b");
  g_assert_cmpuint (plan_text_get_n_runs (escaped), ==, 1);
  escaped_md = plan_text_to_markdown (escaped);
  g_assert_cmpstr (escaped_md, ==, "5 \\* 3 \\_\\_ a\\\\b");

  assert_run (unterminated, 0, "đậm đến hết", PLAN_STYLE_BOLD);
}

static void
test_markdown_round_trip (void)
{
  const PlanRun runs[] = {
    { "a*b_c", PLAN_STYLE_BOLD },
    { "__x__", PLAN_STYLE_ITALIC },
    { "y", PLAN_STYLE_ITALIC | PLAN_STYLE_UNDERLINE },
    { "z", PLAN_STYLE_UNDERLINE },
    { "\\", 0 },
  };
  g_autoptr(PlanText) text = plan_text_new_from_runs (runs, G_N_ELEMENTS (runs));
  g_autofree char *md = plan_text_to_markdown (text);
  g_autoptr(PlanText) back = plan_text_new_from_markdown (md);

  g_assert_true (plan_text_equal (text, back));
}

static void
test_boxed (void)
{
  g_autoptr(PlanText) text = plan_text_new ("Hạ Long");
  PlanText *copy = g_boxed_copy (PLAN_TYPE_TEXT, text);

  /* Immutable, so copying shares it. */
  g_assert_true (copy == text);
  g_boxed_free (PLAN_TYPE_TEXT, copy);
  g_assert_cmpstr (plan_text_get_plain (text), ==, "Hạ Long");
}

/* The conventions the renderer and the Word export share */
static void
test_conventions (void)
{
  g_autoptr(PlanText) basis = plan_text_new ("  Căn cứ Luật Giáo dục năm 2019;");
  g_autoptr(PlanText) request = plan_text_new ("Theo đề nghị của Tổ trưởng.");
  g_autoptr(PlanText) sentence = plan_text_new ("… tổ chức thực hiện. ");
  g_autoptr(PlanText) open_end = plan_text_new ("Thời gian: tháng 9");

  g_assert_true (plan_text_is_legal_basis (basis));
  g_assert_false (plan_text_is_legal_basis (request));
  g_assert_cmpstr (plan_text_end_marker (sentence), ==, "/.");
  g_assert_cmpstr (plan_text_end_marker (open_end), ==, "./.");
  g_assert_cmpstr (plan_text_end_marker (NULL), ==, "./.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/plain", test_plain);
  g_test_add_func ("/text/nfc", test_nfc);
  g_test_add_func ("/text/invalid", test_invalid);
  g_test_add_func ("/text/runs", test_runs_merged_and_dropped);
  g_test_add_func ("/text/equal", test_equal);
  g_test_add_func ("/text/markdown", test_markdown);
  g_test_add_func ("/text/markdown-round-trip", test_markdown_round_trip);
  g_test_add_func ("/text/boxed", test_boxed);
  g_test_add_func ("/text/conventions", test_conventions);

  return g_test_run ();
}
