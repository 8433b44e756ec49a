/* test-keyring.c: with a Secret Service running (gnome-keyring-daemon started here, unlocked,
 * inside the test's private D-Bus session), the signing key goes to the
 * keyring and not to a file. The daemon gets a throw-away login password on stdin.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include "approval-test-util.h"

static gboolean
secrets_running (GDBusConnection *bus)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.secrets"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

/* Starts the daemon; returns its pid, or 0 (with the reason in @why) when it cannot run here. */
static GPid
start_keyring (GDBusConnection  *bus,
               char            **why)
{
  const char *argv[] = { "gnome-keyring-daemon", "--foreground", "--unlock",
                         "--components=secrets", NULL };
  g_auto(GStrv) env = at_child_environ ();
  g_autoptr(GError) error = NULL;
  GPid pid = 0;
  int stdin_fd = -1;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_mkdir_with_parents (g_get_user_runtime_dir (), 0700);
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, env,
                                 G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD |
                                 G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &pid, &stdin_fd, NULL, NULL, &error))
    {
      *why = g_strdup_printf ("gnome-keyring-daemon cannot be started: %s", error->message);
      return 0;
    }

  /* A login password, then end of input: the daemon creates and unlocks the login keyring
   * with it (with an empty one it would ask through a prompter, which cannot show here) */
  if (write (stdin_fd, "kehoach-test", strlen ("kehoach-test")) < 0)
    g_warning ("could not give gnome-keyring-daemon its password");
  close (stdin_fd);

  /* Wait for it to take its bus name: a readiness wait, not a timing assertion. */
  for (guint i = 0; i < 200 && !secrets_running (bus); i++)
    {
      if (waitpid (pid, NULL, WNOHANG) == pid)
        {
          *why = g_strdup ("gnome-keyring-daemon exited at once");
          g_spawn_close_pid (pid);
          return 0;
        }
      g_usleep (50 * 1000);
    }

  if (!secrets_running (bus))
    {
      kill (pid, SIGTERM);
      waitpid (pid, NULL, 0);
      g_spawn_close_pid (pid);
      *why = g_strdup ("gnome-keyring-daemon did not take org.freedesktop.secrets");
      return 0;
    }

  return pid;
}

static void
test_key_in_keyring (void)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanSigningKey) key = NULL;
  g_autoptr(PlanSigningKey) again = NULL;
  g_autoptr(PlanTrustStore) trust = NULL;
  g_autoptr(PlanDocument) document = NULL;
  g_autofree char *why = NULL;
  g_autofree char *path = at_sample_path ("reference-25-kh-thcs.kehoach.json");
  g_autofree char *key_path = g_build_filename (g_get_user_data_dir (), "kehoach", "keys",
                                                "signing-key", NULL);
  g_autofree char *own_path = g_build_filename (g_get_user_data_dir (), "kehoach", "keys",
                                                "own.kehoach-key", NULL);
  g_autofree char *own_text = NULL;
  g_autofree char *secret = NULL;
  const SecretSchema schema = {
    "io.github.kehoach.KeHoach.SigningKey", SECRET_SCHEMA_NONE,
    { { "purpose", SECRET_SCHEMA_ATTRIBUTE_STRING }, { NULL, 0 } }
  };
  GPid pid = 0;

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (bus == NULL)
    {
      g_test_skip ("no D-Bus session bus (run the tests under dbus-run-session)");
      return;
    }
  if (secrets_running (bus))
    {
      /* Not ours: never touch a real keyring from a test */
      g_test_skip ("a Secret Service already runs on this bus; not using it");
      return;
    }

  pid = start_keyring (bus, &why);
  if (pid == 0)
    {
      g_test_skip (why);
      return;
    }

  /* Automatic choice: the keyring runs, so the key goes there */
  g_unsetenv ("KEHOACH_KEY_BACKEND");
  key = plan_signing_key_get_default (TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan_signing_key_get_storage (key), ==, PLAN_KEY_STORAGE_KEYRING);
  g_assert_null (plan_signing_key_get_file (key));
  g_assert_false (g_file_test (key_path, G_FILE_TEST_EXISTS));

  /* It is in the keyring, under our schema */
  secret = secret_password_lookup_sync (&schema, NULL, &error, "purpose", "approval-signing", NULL);
  g_assert_no_error (error);
  g_assert_nonnull (secret);
  g_assert_cmpuint (strlen (secret), ==, 44);  /* base64 of the 32-byte seed */

  /* The public half is next to where a file key would be, and says where the key is */
  g_assert_true (g_file_get_contents (own_path, &own_text, NULL, NULL));
  g_assert_nonnull (strstr (own_text, "Storage=keyring"));
  g_assert_nonnull (strstr (own_text, plan_signing_key_get_public_key (key)));

  /* The same key next time; it signs approvals that verify */
  again = plan_signing_key_get_default (TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plan_signing_key_get_key_id (again), ==, plan_signing_key_get_key_id (key));
  document = at_load (path);
  at_approve (document, again);
  trust = plan_trust_store_new_default ();
  g_assert_cmpint (at_state (document, trust), ==, PLAN_APPROVAL_VALID);

  /* Forgetting it empties the keyring item */
  g_assert_true (plan_signing_key_delete_default (NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&secret, secret_password_free);
  secret = secret_password_lookup_sync (&schema, NULL, &error, "purpose", "approval-signing", NULL);
  g_assert_no_error (error);
  g_assert_null (secret);

  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
  g_setenv ("KEHOACH_KEY_BACKEND", "file", TRUE);
}

int
main (int   argc,
      char *argv[])
{
  at_init (&argc, &argv);

  g_test_add_func ("/approval/keyring/key-in-keyring", test_key_in_keyring);

  return g_test_run ();
}
