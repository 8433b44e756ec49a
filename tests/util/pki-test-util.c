/* pki-test-util.c: the signing tests' PKI, made by tests/signing/make-test-pki.sh
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pki-test-util.h"

char *
pki_test_make (GError **error)
{
  static const char *const tools[] = { "certtool", "p11tool", "softhsm2-util", "certutil",
                                       "pk12util", "modutil", "pdfsig", "openssl" };
  g_autofree char *script = NULL;
  g_autofree char *pki = NULL;
  int wait_status = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *tool = g_find_program_in_path (tools[i]);

      if (tool == NULL)
        {
          g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_NOENT,
                       "%s is not installed (see build-aux/debian-packages.txt)", tools[i]);
          return NULL;
        }
    }

  pki = g_dir_make_tmp ("kehoach-pki-XXXXXX", error);
  if (pki == NULL)
    return NULL;
  script = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "signing", "make-test-pki.sh", NULL);
  {
    const char *make[] = { "sh", script, pki, NULL };

    if (!g_spawn_sync (NULL, (char **) make, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                       &wait_status, error) ||
        !g_spawn_check_wait_status (wait_status, error))
      return NULL;
  }
  return g_steal_pointer (&pki);
}
