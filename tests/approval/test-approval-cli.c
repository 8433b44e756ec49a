/* test-approval-cli.c: the output rule on the command line, read back with poppler:
 * "kehoach --verify" exit statuses, "--export-pdf" refusing a final copy of a plan that does not
 * verify, "--draft" printing "DỰ THẢO", an approved plan printing clean, and comments never
 * printed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "approval-test-util.h"
#include "pdf-test-util.h"

#define COMMENT_TEXT "BÌNH LUẬN KHÔNG ĐƯỢC IN 4711"

static const char *exe_path;

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs the binary without a display, with this test's XDG folders. */
static void
run_kehoach (Run        *run,
             const char *first,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = at_child_environ ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int wait_status = 0;

  g_ptr_array_add (argv, (char *) exe_path);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
  g_test_message ("%s → %d\n%s%s", first, run->status, run->out, run->err);
}

static gboolean
have_binary (void)
{
  if (exe_path == NULL || !g_file_test (exe_path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("the kehoach binary is not built");
      return FALSE;
    }
  return TRUE;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

typedef struct {
  char *dir;
  char *draft;      /* not approved */
  char *approved;   /* approved with the user's own key, plus a comment */
  char *changed;    /* approved, then changed */
  char *untrusted;  /* approved with a key nobody trusts */
  char *forged;     /* "status": "approved" written by hand */
  char *template;   /* the template (draft-watermark true in the file), approved */
} Plans;

static void
plans_setup (Plans *plans)
{
  g_autofree char *sample = at_sample_path ("reference-25-kh-thcs.kehoach.json");
  g_autofree char *template_path = at_sample_path ("template.kehoach.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanSigningKey) key = plan_signing_key_get_default (TRUE, NULL, &error);
  g_autoptr(PlanSigningKey) stranger = plan_signing_key_new_ephemeral ();

  g_assert_no_error (error);
  plans->dir = g_dir_make_tmp ("kehoach-approval-cli-XXXXXX", NULL);

  {
    g_autoptr(PlanDocument) document = at_load (sample);

    plans->draft = at_save_in (document, plans->dir, "draft.kehoach.json");
  }
  {
    g_autoptr(PlanDocument) document = at_load (sample);
    GListModel *comments = plan_review_get_comments (plan_document_get_review (document));
    g_autoptr(PlanComment) comment = plan_comment_new ("", "Nguyễn Văn A", PLAN_ROLE_APPROVER,
                                                       COMMENT_TEXT);

    at_approve (document, key);
    /* A comment made after approval: review data, so the approval stands */
    plan_document_insert (document, comments, 0, comment);
    plans->approved = at_save_in (document, plans->dir, "approved.kehoach.json");

    plan_document_set (document, document, "signer-name", "Người Khác", NULL);
    plans->changed = at_save_in (document, plans->dir, "changed.kehoach.json");
  }
  {
    g_autoptr(PlanDocument) document = at_load (sample);

    at_approve (document, stranger);
    plans->untrusted = at_save_in (document, plans->dir, "untrusted.kehoach.json");
  }
  {
    g_autofree char *text = NULL;
    g_autoptr(GString) edited = NULL;

    g_assert_true (g_file_get_contents (sample, &text, NULL, NULL));
    edited = g_string_new (text);
    g_assert_cmpuint (g_string_replace (edited, "\"status\": \"draft\"", "\"status\": \"approved\"", 1), ==, 1);
    plans->forged = g_build_filename (plans->dir, "forged.kehoach.json", NULL);
    g_assert_true (g_file_set_contents (plans->forged, edited->str, edited->len, NULL));
  }
  {
    g_autoptr(PlanDocument) document = at_load (template_path);

    g_assert_true (plan_document_get_draft_watermark (document));
    at_approve (document, key);
    plans->template = at_save_in (document, plans->dir, "template.kehoach.json");
  }
}

static void
plans_teardown (Plans *plans)
{
  at_remove_dir (plans->dir);
  g_free (plans->dir);
  g_free (plans->draft);
  g_free (plans->approved);
  g_free (plans->changed);
  g_free (plans->untrusted);
  g_free (plans->forged);
  g_free (plans->template);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Plans, plans_teardown)

static void
test_verify (void)
{
  g_auto(Plans) plans = { 0 };
  struct {
    const char **path;
    int          status;
    const char  *line;
  } cases[] = {
    { (const char **) &plans.approved, 0, ": Approved by Nguyễn Văn A, Hiệu trưởng, on " },
    { (const char **) &plans.draft, 1, ": Not approved: draft\n" },
    { (const char **) &plans.changed, 3, ": Approval void: the plan was changed after approval\n"
                                         "Changed since approval:\n  - Recipients and signer\n" },
    { (const char **) &plans.untrusted, 4, ": Approval not verified: the approver’s key (" },
    { (const char **) &plans.forged, 5, ": Approval not verified: the plan is marked approved but "
                                        "carries no signature\n" },
  };

  if (!have_binary ())
    return;
  plans_setup (&plans);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_kehoach (&run, "--verify", *cases[i].path, NULL);
      g_assert_cmpint (run.status, ==, cases[i].status);
      g_assert_true (g_str_has_prefix (run.out, *cases[i].path));
      g_assert_nonnull (strstr (run.out, cases[i].line));
      /* One line, plus the changed parts */
      if (cases[i].status != 3)
        g_assert_cmpuint (count (run.out, "\n"), ==, 1);
    }

  /* A file that is not a plan, and a wrong command line */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *bad = g_build_filename (plans.dir, "bad.kehoach.json", NULL);

    g_assert_true (g_file_set_contents (bad, "{ \"format\": ", -1, NULL));
    run_kehoach (&run, "--verify", bad, NULL);
    g_assert_cmpint (run.status, ==, 6);
    g_assert_nonnull (strstr (run.err, "bad.kehoach.json"));
  }
  {
    g_auto(Run) run = { 0 };

    run_kehoach (&run, "--verify", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(Run) run = { 0 };

    /* The exit statuses are documented in --help */
    run_kehoach (&run, "--help", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "--verify"));
    g_assert_nonnull (strstr (run.out, "3 changed after approval"));
    g_assert_nonnull (strstr (run.out, "5 signature missing or broken"));
  }
}

static void
test_export_rule (void)
{
  g_auto(Plans) plans = { 0 };
  const char **refused[] = {
    (const char **) &plans.draft, (const char **) &plans.changed,
    (const char **) &plans.untrusted, (const char **) &plans.forged,
  };
  g_autofree char *out = NULL;
  g_autoptr(GFile) out_file = NULL;

  if (!have_binary ())
    return;
  plans_setup (&plans);
  out = g_build_filename (plans.dir, "out.pdf", NULL);
  out_file = g_file_new_for_path (out);

  /* No final copy of a plan that does not verify; a message that says why and what to do */
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *png_dir = g_build_filename (plans.dir, "png", NULL);

      run_kehoach (&run, "--export-pdf", out, *refused[i], NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, "cannot be exported as a final copy"));
      g_assert_nonnull (strstr (run.err, "--draft"));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

      g_clear_pointer (&run.out, g_free);
      g_clear_pointer (&run.err, g_free);
      run_kehoach (&run, "--export-png", png_dir, *refused[i], NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_false (g_file_test (png_dir, G_FILE_TEST_EXISTS));

      /* As a draft it exports, with the watermark on every page */
      g_clear_pointer (&run.out, g_free);
      g_clear_pointer (&run.err, g_free);
      run_kehoach (&run, "--export-pdf", out, "--draft", *refused[i], NULL);
      g_assert_cmpint (run.status, ==, 0);
      {
        guint pages = 0;

        g_assert_cmpuint (pdf_test_watermarked_pages (out_file, &pages), ==, pages);
        g_assert_cmpuint (pages, >=, 2);
      }
      g_unlink (out);
    }

  /* An approved plan exports clean: no watermark, and its comment is not printed */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *text = NULL;
    g_autofree char *saved = NULL;
    guint pages = 0;

    run_kehoach (&run, "--export-pdf", out, plans.approved, NULL);
    g_assert_cmpint (run.status, ==, 0);
    text = pdf_test_text (out_file);
    g_assert_cmpuint (pdf_test_watermarked_pages (out_file, &pages), ==, 0);
    g_assert_cmpuint (pages, >=, 2);
    g_assert_nonnull (strstr (text, "KẾ HOẠCH"));
    g_assert_null (strstr (text, "4711"));
    g_assert_null (strstr (text, "BÌNH LUẬN"));
    /* … although the comment is in the file */
    g_assert_true (g_file_get_contents (plans.approved, &saved, NULL, NULL));
    g_assert_nonnull (strstr (saved, COMMENT_TEXT));
    g_unlink (out);
  }

  /* … and with --draft it still gets the watermark (asked for) */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *text = NULL;
    guint pages = 0;

    run_kehoach (&run, "--export-pdf", out, "--draft", plans.approved, NULL);
    g_assert_cmpint (run.status, ==, 0);
    text = pdf_test_text (out_file);
    g_assert_cmpuint (pdf_test_watermarked_pages (out_file, &pages), ==, pages);
    g_assert_null (strstr (text, "4711"));
    g_unlink (out);
  }

  /* The flag in the file does not decide: the approved template (draft-watermark true) is clean */
  {
    g_auto(Run) run = { 0 };
    guint pages = 0;

    run_kehoach (&run, "--export-pdf", out, plans.template, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpuint (pdf_test_watermarked_pages (out_file, &pages), ==, 0);
    g_unlink (out);
  }

  /* The draft comment's text never prints either */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *text = NULL;

    run_kehoach (&run, "--export-pdf", out, "--draft", plans.changed, NULL);
    g_assert_cmpint (run.status, ==, 0);
    text = pdf_test_text (out_file);
    g_assert_null (strstr (text, "4711"));
    g_assert_nonnull (strstr (text, "Người Khác"));
  }
}

int
main (int   argc,
      char *argv[])
{
  at_init (&argc, &argv);

  /* meson passes the path of the kehoach binary */
  if (argc > 1)
    exe_path = argv[1];

  g_test_add_func ("/approval/cli/verify", test_verify);
  g_test_add_func ("/approval/cli/export-rule", test_export_rule);

  return g_test_run ();
}
