/* test-cli.c: kehoach --check, --help and --version, in-process and through the built binary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "plan-cli.h"

static char *
sample_path (const char *name)
{
  return g_build_filename (g_getenv ("KEHOACH_SAMPLES_DIR"), name, NULL);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "json", "malformed", name, NULL);
}

/* Runs plan_cli_run() on @args in a child process (it prints and may exit) and returns there
 * with its status; the parent checks the output through g_test_trap_*. */
static void
run_cli_in_child (const char * const *args)
{
  g_auto(GStrv) argv = g_strdupv ((char **) args);
  char **original = argv;
  int argc = g_strv_length (argv);
  int status = -1;
  gboolean handled;

  handled = plan_cli_run (&argc, &argv, &status);
  /* The command line is never changed under the caller. */
  g_assert_true (argv == original);
  g_assert_cmpint (argc, ==, g_strv_length ((char **) args));
  if (!handled)
    {
      g_print ("not handled\n");
      exit (100);
    }
  /* Makes the exact status visible to the parent. */
  g_print ("[exit %d]\n", status);
  exit (status);
}

static void
test_check_good (void)
{
  g_autofree char *a = sample_path ("reference-25-kh-thcs.kehoach.json");
  g_autofree char *b = sample_path ("template.kehoach.json");
  g_autofree char *expected = g_strdup_printf ("%s: ok\n%s: ok\n[exit 0]\n", a, b);

  if (g_test_subprocess ())
    {
      const char *args[] = { "kehoach", "--check", a, b, NULL };

      run_cli_in_child (args);
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout (expected);
  g_test_trap_assert_stderr ("");
}

static void
test_check_bad (void)
{
  g_autofree char *good = sample_path ("sct-laocai-kh-3024.kehoach.json");
  g_autofree char *margin = fixture_path ("margin-left.json");
  g_autofree char *comma = fixture_path ("trailing-comma.json");
  g_autofree char *expected = NULL;

  expected = g_strdup_printf ("%s: ok\n"
                              "%s: layout.margin-left: 40 is outside 30–35 mm\n"
                              "%s: line 44, column 3: a comma cannot come right before “}”\n"
                              "/nonexistent.kehoach.json: The file does not exist\n"
                              "[exit 1]\n",
                              good, margin, comma);

  if (g_test_subprocess ())
    {
      const char *args[] = {
        "kehoach", "--check", good, margin, comma, "/nonexistent.kehoach.json", NULL
      };

      run_cli_in_child (args);
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stdout (expected);
  g_test_trap_assert_stderr ("");
}

static void
test_check_without_files (void)
{
  if (g_test_subprocess ())
    {
      const char *args[] = { "kehoach", "--check", NULL };

      run_cli_in_child (args);
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stdout ("[exit 2]\n");
  g_test_trap_assert_stderr ("kehoach: --check needs at least one FILE\n");
}

static void
test_unknown_option (void)
{
  g_autofree char *good = sample_path ("template.kehoach.json");

  if (g_test_subprocess ())
    {
      const char *args[] = { "kehoach", "--check", "--chek", good, NULL };

      run_cli_in_child (args);
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stdout ("[exit 2]\n");
  g_test_trap_assert_stderr ("kehoach: unknown option --chek\n*--help*");
}

static void
test_help (void)
{
  if (g_test_subprocess ())
    {
      const char *args[] = { "kehoach", "--help", NULL };

      run_cli_in_child (args);
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("Usage:*[FILE…]*"
                             "*kehoach [FILE…]*Open the plans in the app*"
                             "*kehoach --check FILE…*"
                             "*-h, --help*"
                             "*--version*"
                             "*--check*"
                             "[exit 0]\n");
  g_test_trap_assert_stderr ("");
}

static void
test_help_short (void)
{
  if (g_test_subprocess ())
    {
      const char *args[] = { "kehoach", "-h", NULL };

      run_cli_in_child (args);
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("Usage:*--check*");
}

static void
test_version (void)
{
  if (g_test_subprocess ())
    {
      const char *args[] = { "kehoach", "--version", NULL };

      run_cli_in_child (args);
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("kehoach " PACKAGE_VERSION "\n[exit 0]\n");
}

/* Without any of its options, the CLI leaves the command line to the app. */
static void
test_not_handled (void)
{
  const char *cases[][4] = {
    { "kehoach", NULL },
    { "kehoach", "plan.kehoach.json", NULL },
    { "kehoach", "--", "--check", NULL },
    { "kehoach", "-", NULL },
    { "kehoach", "--gapplication-service", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) argv = g_strdupv ((char **) cases[i]);
      g_auto(GStrv) copy = g_strdupv (argv);
      char **original = argv;
      int argc = g_strv_length (argv);
      int status = -1;

      g_assert_false (plan_cli_run (&argc, &argv, &status));
      g_assert_true (argv == original);
      g_assert_cmpint (argc, ==, g_strv_length (copy));
      g_assert_true (g_strv_equal ((const char * const *) argv, (const char * const *) copy));
    }
}

/* ---- The real binary, with no display at all ------------------------------------------------ */

static char *
kehoach_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "..", "src", "kehoach", NULL);
}

static void
run_binary (const char * const  *args,
            char               **out,
            char               **err,
            int                 *status)
{
  g_autofree char *exe = kehoach_path ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  /* Proves that no display is opened: there is none. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_ptr_array_add (argv, exe);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  *status = WEXITSTATUS (wait_status);
}

static gboolean
binary_missing (void)
{
  g_autofree char *exe = kehoach_path ();

  if (g_file_test (exe, G_FILE_TEST_IS_EXECUTABLE))
    return FALSE;

  g_test_skip ("the kehoach executable was not built");
  return TRUE;
}

static void
test_binary_check (void)
{
  g_autofree char *good = sample_path ("sct-laocai-de-an-08.kehoach.json");
  g_autofree char *bad = fixture_path ("newer-version.json");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  int status;

  if (binary_missing ())
    return;

  {
    g_autofree char *a = sample_path ("reference-25-kh-thcs.kehoach.json");
    g_autofree char *b = sample_path ("sct-laocai-kh-3024.kehoach.json");
    g_autofree char *c = sample_path ("template.kehoach.json");
    const char *args[] = { "--check", a, good, b, c, NULL };

    run_binary (args, &out, &err, &status);
    g_assert_cmpint (status, ==, 0);
    expected = g_strdup_printf ("%s: ok\n%s: ok\n%s: ok\n%s: ok\n", a, good, b, c);
    g_assert_cmpstr (out, ==, expected);
    g_assert_cmpstr (err, ==, "");
  }

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&expected, g_free);

  {
    const char *args[] = { "--check", good, bad, NULL };

    run_binary (args, &out, &err, &status);
    g_assert_cmpint (status, ==, 1);
    expected = g_strdup_printf ("%s: ok\n%s: This plan was saved by a newer version of Kế hoạch "
                                "(file format 3); this version reads format 2\n", good, bad);
    g_assert_cmpstr (out, ==, expected);
  }
}

static void
test_binary_help_version (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  if (binary_missing ())
    return;

  {
    const char *args[] = { "--help", NULL };

    run_binary (args, &out, &err, &status);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (out, "kehoach [FILE…]"));
    g_assert_nonnull (strstr (out, "--check"));
    g_assert_nonnull (strstr (out, "--version"));
  }

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  {
    const char *args[] = { "--version", NULL };

    run_binary (args, &out, &err, &status);
    g_assert_cmpint (status, ==, 0);
    g_assert_cmpstr (out, ==, "kehoach " PACKAGE_VERSION "\n");
  }
}

int
main (int   argc,
      char *argv[])
{
  /* Output is UTF-8 (LC_ALL=C.UTF-8 in the test environment), as in main(). */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/check/good", test_check_good);
  g_test_add_func ("/cli/check/bad", test_check_bad);
  g_test_add_func ("/cli/check/without-files", test_check_without_files);
  g_test_add_func ("/cli/unknown-option", test_unknown_option);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/help-short", test_help_short);
  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/not-handled", test_not_handled);
  g_test_add_func ("/cli/binary/check", test_binary_check);
  g_test_add_func ("/cli/binary/help-version", test_binary_help_version);

  return g_test_run ();
}
