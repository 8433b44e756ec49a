/* keystroke-bench.c: how long the preview takes to show a keystroke. Opens a plan in a window,
 * types one character at a time into the first text field of the General Information editor
 * (through the GtkEditable, as a key press does), and measures until the preview has laid the
 * plan out again and painted a frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "plan-application.h"
#include "plan-window-private.h"

#define N_KEYS 50

static gboolean painted;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  painted = TRUE;
}

/* Iterates the main loop until @ms have passed. */
static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
wait_for_paint (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gulong handler;
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (gtk_widget_get_frame_clock (widget) == NULL)
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (widget);
  painted = FALSE;
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  gtk_widget_queue_draw (widget);
  while (!painted && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  if (!painted)
    g_error ("no frame painted in 10 s");
}

/* The first mapped, editable GtkText under @widget, depth first. */
static GtkWidget *
find_text (GtkWidget *widget)
{
  if (GTK_IS_TEXT (widget) && gtk_widget_get_mapped (widget)
      && gtk_editable_get_editable (GTK_EDITABLE (widget)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(PlanDocument) blank = NULL;
  PlanApplication *app;
  PlanWindow *window;
  GtkWidget *text;
  double times[N_KEYS];
  guint n_pending = 0;

  if (argc != 2)
    {
      g_printerr ("usage: keystroke-bench PLAN.kehoach.json\n"
                  "Needs a display (run it under xvfb-run).\n");
      return 2;
    }

  gtk_init ();
  app = g_object_new (PLAN_TYPE_APPLICATION,
                      "application-id", APP_ID,
                      "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", "/io/github/kehoach/KeHoach",
                      NULL);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("Cannot register the application: %s", error->message);
  g_application_hold (G_APPLICATION (app));

  file = g_file_new_for_commandline_arg (argv[1]);
  blank = plan_document_new ();
  window = plan_window_new (GTK_APPLICATION (app), blank);
  if (!plan_window_load_file (window, file, &error))
    g_error ("%s: %s", argv[1], error->message);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_paint (GTK_WIDGET (window));
  spin (500);

  text = find_text (GTK_WIDGET (window));
  if (text == NULL)
    g_error ("no text field on screen");
  gtk_widget_grab_focus (text);
  spin (200);

  for (guint i = 0; i < N_KEYS; i++)
    {
      int position = -1;
      gint64 start, end;

      /* Longer than PLAN_PREVIEW_UPDATE_DELAY_MS: each key is a lone keystroke, which the
       * preview lays out at once (a burst is laid out at most once per delay). */
      spin (PLAN_PREVIEW_UPDATE_DELAY_MS + 70);

      start = g_get_monotonic_time ();
      gtk_editable_insert_text (GTK_EDITABLE (text), "x", 1, &position);
      if (plan_preview_get_update_pending (window->preview))
        n_pending++;
      while (plan_preview_get_update_pending (window->preview))
        g_main_context_iteration (NULL, TRUE);
      wait_for_paint (GTK_WIDGET (window->preview));
      end = g_get_monotonic_time ();
      times[i] = (end - start) / 1000.0;
    }

  if (n_pending != N_KEYS)
    g_error ("only %u of %u keystrokes scheduled a preview update", n_pending, N_KEYS);

  qsort (times, N_KEYS, sizeof *times, compare_doubles);
  printf ("keystroke until the preview is laid out again and painted, %u keys: "
          "best %.1f ms, median %.1f ms, 95th percentile %.1f ms, worst %.1f ms\n",
          N_KEYS, times[0], (times[N_KEYS / 2 - 1] + times[N_KEYS / 2]) / 2,
          times[(N_KEYS * 95) / 100 - 1], times[N_KEYS - 1]);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  return 0;
}
