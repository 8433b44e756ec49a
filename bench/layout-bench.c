/* layout-bench.c: how long the preview waits after an edit: the reference plan laid out from
 * scratch, then again after each of many one-paragraph edits (typing in the body)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "plan-json.h"
#include "plan-layout.h"

#define N_EDITS 200

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanDocument) document = NULL;
  g_autoptr(PlanLayout) layout = NULL;
  g_autoptr(PlanItem) section = NULL;
  g_autoptr(PlanItem) item = NULL;
  g_autoptr(PlanParagraph) paragraph = NULL;
  g_autofree char *original = NULL;
  double times[N_EDITS];
  gint64 start;
  double cold;

  if (argc != 2)
    {
      g_printerr ("usage: layout-bench PLAN.kehoach.json\n");
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  document = plan_json_load_file (file, NULL, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }

  layout = plan_layout_new (document);
  start = g_get_monotonic_time ();
  plan_layout_update (layout);
  cold = (g_get_monotonic_time () - start) / 1000.0;

  /* A paragraph in the middle of the body: the second section's first item */
  section = g_list_model_get_item (plan_document_get_body (document), 1);
  item = g_list_model_get_item (plan_item_get_children (section), 0);
  paragraph = g_list_model_get_item (plan_item_get_paragraphs (item), 0);
  original = g_strdup (plan_text_get_plain (plan_paragraph_get_text (paragraph)));

  for (guint i = 0; i < N_EDITS; i++)
    {
      g_autofree char *typed = g_strdup_printf ("%s %u", original, i);
      g_autoptr(PlanText) text = plan_text_new (typed);

      plan_document_set (document, paragraph, "text", text, NULL);
      start = g_get_monotonic_time ();
      plan_layout_update (layout);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, N_EDITS, sizeof times[0], compare_doubles);

  printf ("| layout of %s | ms |\n|---|---|\n", argv[1]);
  printf ("| first layout (%u pages, fonts loaded) | %.2f |\n", plan_layout_get_n_pages (layout), cold);
  printf ("| re-layout after a one-paragraph edit, median of %d | %.2f |\n", N_EDITS, times[N_EDITS / 2]);
  printf ("| re-layout after a one-paragraph edit, 95th percentile | %.2f |\n", times[N_EDITS * 95 / 100]);
  printf ("| re-layout after a one-paragraph edit, worst | %.2f |\n", times[N_EDITS - 1]);

  return 0;
}
