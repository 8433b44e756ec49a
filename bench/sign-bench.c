/* sign-bench.c: what signing adds to the export: the reference plan exported to PDF, against
 * the same plan exported and signed as the signer with a .p12 file (opening the file, the
 * image, the signature), in one process, N times each; medians.
 *
 * Usage: sign-bench PLAN.kehoach.json FILE.p12 PASSWORD [IMAGE.png] [N]
 * The plan is approved in the process with a throw-away key (KEHOACH_KEY_BACKEND=file in a
 * temporary XDG_DATA_HOME), so any sample plan will do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <glib/gstdio.h>

#include "plan-approval.h"
#include "plan-json.h"
#include "plan-layout.h"
#include "plan-pdf-export.h"
#include "plan-sign-pdf.h"
#include "plan-workflow.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *times,
        int     n)
{
  qsort (times, n, sizeof *times, compare_doubles);
  return times[n / 2];
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("kehoach-sign-bench-XXXXXX", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanDocument) document = NULL;
  g_autoptr(PlanSigningKey) key = NULL;
  g_autoptr(PlanTrustStore) trust = NULL;
  g_autofree char *out_path = NULL;
  const char *image;
  double *export_times, *sign_times;
  int n;

  if (argc < 4)
    {
      g_printerr ("usage: sign-bench PLAN.kehoach.json FILE.p12 PASSWORD [IMAGE.png] [N]\n");
      return 2;
    }
  image = argc > 4 ? argv[4] : NULL;
  n = argc > 5 ? atoi (argv[5]) : 15;
  n = MAX (n, 1);

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("KEHOACH_KEY_BACKEND", "file", TRUE);

  file = g_file_new_for_commandline_arg (argv[1]);
  document = plan_json_load_file (file, NULL, NULL, &error);
  key = document != NULL ? plan_signing_key_get_default (TRUE, NULL, &error) : NULL;
  if (key == NULL ||
      !plan_workflow_submit (document, "Bench", "Văn thư", NULL, &error) ||
      !plan_approval_approve (document, key, "Bench", "Hiệu trưởng", NULL, &error))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }
  trust = plan_trust_store_new_default ();

  out_path = g_build_filename (data_home, "out.pdf", NULL);
  out = g_file_new_for_path (out_path);
  export_times = g_new0 (double, n);
  sign_times = g_new0 (double, n);

  for (int i = 0; i < n; i++)
    {
      g_autoptr(PlanLayout) layout = NULL;
      g_autoptr(PlanSignerCredentials) credentials = NULL;
      g_autoptr(GDateTime) now = NULL;
      g_autoptr(GBytes) pdf = NULL;
      gint64 start;

      start = g_get_monotonic_time ();
      layout = plan_layout_new (document);
      if (!plan_pdf_export (layout, out, &error))
        g_error ("%s", error->message);
      export_times[i] = (g_get_monotonic_time () - start) / 1000.0;

      start = g_get_monotonic_time ();
      credentials = plan_signer_credentials_new_from_p12 (argv[2], argv[3], &error);
      now = plan_sign_pdf_now ();
      if (credentials != NULL)
        pdf = plan_sign_pdf_as_signer (document, trust, credentials, image, now, &error);
      if (pdf == NULL || !g_file_replace_contents (out, g_bytes_get_data (pdf, NULL),
                                                   g_bytes_get_size (pdf), NULL, FALSE,
                                                   G_FILE_CREATE_NONE, NULL, NULL, &error))
        g_error ("%s", error->message);
      sign_times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  g_print ("export: %.1f ms, export and sign: %.1f ms, signing adds %.1f ms (median of %d)\n",
           median (export_times, n), median (sign_times, n),
           median (sign_times, n) - median (export_times, n), n);

  g_unlink (out_path);
  g_free (export_times);
  g_free (sign_times);
  {
    /* the throw-away key and its folders */
    const char *rm[] = { "rm", "-rf", data_home, NULL };

    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                  NULL);
  }
  return 0;
}
