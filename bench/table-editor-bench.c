/* table-editor-bench.c: how long the appendix table editor takes to show a table of many rows
 * (until the first cells are on screen and the window is painted), to add a row to it and to
 * scroll to its end; and, given a plan file, how long a window takes to open it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "plan-application.h"
#include "plan-preview.h"
#include "plan-table-editor.h"
#include "plan-window-private.h"

#define N_RUNS 5

typedef struct
{
  GtkWidget *widget;
  gboolean   painted;
} Paint;

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until @done (FALSE after 30 s). */
static gboolean
wait_until (gboolean (*done) (gpointer), gpointer data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (30000, timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return !timed_out;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Paint         *paint)
{
  paint->painted = TRUE;
}

static gboolean
is_painted (gpointer data)
{
  return ((Paint *) data)->painted;
}

/* Waits for the next paint of @widget's window. */
static gboolean
wait_for_paint (GtkWidget *widget)
{
  Paint paint = { widget, FALSE };
  GdkFrameClock *clock;
  gulong handler;
  gboolean ok;

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &paint);
  gtk_widget_queue_draw (widget);
  ok = wait_until (is_painted, &paint);
  g_signal_handler_disconnect (clock, handler);
  return ok;
}

static gboolean
find_mapped_cell (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "plan-cell")
      && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), "Nội dung 1") == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_mapped_cell (child))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
first_cell_shown (gpointer data)
{
  return find_mapped_cell (data);
}

static PlanTable *
build_table (guint n_rows)
{
  PlanTable *table = plan_table_new (4);
  const char * const header[] = { "TT", "Nội dung", "Bộ phận thực hiện", "Thời gian", NULL };

  plan_row_set_texts (plan_table_append_header_row (table), header);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *content = g_strdup_printf ("Nội dung %u", i + 1);
      const char * const texts[] = { "", content, "Tổ Văn phòng", "Quý II/2022", NULL };

      plan_row_set_texts (plan_table_append_row (table), texts);
    }
  g_object_set (table, "numbered", TRUE, NULL);
  return table;
}

static PlanDocument *
document_with_table (PlanTable *table)
{
  PlanDocument *document = plan_document_new ();
  g_autoptr(PlanAppendix) appendix = plan_appendix_new ("PHÂN CÔNG NHIỆM VỤ");
  g_autoptr(PlanItem) item = plan_item_new_table (table);

  plan_document_insert (document, plan_appendix_get_content (appendix), 0, item);
  plan_document_insert (document, plan_document_get_appendices (document), 0, appendix);
  plan_document_clear_undo (document);
  return document;
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
print_figure (const char *what,
              double     *times)
{
  qsort (times, N_RUNS, sizeof (double), compare_doubles);
  printf ("%-44s best %8.1f ms   median %8.1f ms   worst %8.1f ms\n", what, times[0],
          times[N_RUNS / 2], times[N_RUNS - 1]);
}

static void
bench_table_editor (PlanApplication *app,
                    guint            n_rows)
{
  double shown[N_RUNS], painted[N_RUNS], add_row[N_RUNS], to_end[N_RUNS];
  g_autofree char *label = NULL;

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(PlanTable) table = build_table (n_rows);
      g_autoptr(PlanDocument) document = document_with_table (table);
      GtkWindow *window;
      GtkWidget *editor;
      GtkScrolledWindow *scroller;
      GtkAdjustment *vadjustment;
      gint64 start;

      start = g_get_monotonic_time ();
      editor = plan_table_editor_new (document, table);
      window = GTK_WINDOW (gtk_window_new ());
      gtk_window_set_application (window, GTK_APPLICATION (app));
      gtk_window_set_default_size (window, 1000, 700);
      gtk_window_set_child (window, editor);
      gtk_window_present (window);
      if (!wait_until (first_cell_shown, editor))
        g_error ("the first cell never showed");
      shown[run] = elapsed_ms (start);
      wait_for_paint (editor);
      painted[run] = elapsed_ms (start);

      start = g_get_monotonic_time ();
      gtk_widget_activate_action (editor, "table.add-row", NULL);
      wait_for_paint (editor);
      add_row[run] = elapsed_ms (start);

      scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (find_type (editor, GTK_TYPE_COLUMN_VIEW),
                                                               GTK_TYPE_SCROLLED_WINDOW));
      start = g_get_monotonic_time ();
      if (scroller != NULL)
        {
          vadjustment = gtk_scrolled_window_get_vadjustment (scroller);
          gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
        }
      wait_for_paint (editor);
      to_end[run] = elapsed_ms (start);

      gtk_window_destroy (window);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }

  label = g_strdup_printf ("table editor, %u rows: first cells shown", n_rows);
  print_figure (label, shown);
  g_free (label);
  label = g_strdup_printf ("table editor, %u rows: first frame painted", n_rows);
  print_figure (label, painted);
  g_free (label);
  label = g_strdup_printf ("table editor, %u rows: add a row", n_rows);
  print_figure (label, add_row);
  g_free (label);
  label = g_strdup_printf ("table editor, %u rows: scroll to the end", n_rows);
  print_figure (label, to_end);
}

static gboolean
preview_has_pages (gpointer data)
{
  return plan_preview_get_n_pages (PLAN_WINDOW (data)->preview) > 0;
}

static void
bench_open_plan (PlanApplication *app,
                 const char      *path)
{
  double opened[N_RUNS];
  double pages_shown[N_RUNS];
  g_autofree char *label = NULL;

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(PlanDocument) blank = plan_document_new ();
      PlanWindow *window;
      gint64 start = g_get_monotonic_time ();

      window = plan_window_new (GTK_APPLICATION (app), blank);
      if (!plan_window_load_file (window, file, &error))
        g_error ("%s: %s", path, error->message);
      gtk_window_present (GTK_WINDOW (window));
      wait_for_paint (GTK_WIDGET (window));
      opened[run] = elapsed_ms (start);
      /* The preview lays the plan out after the window's first frame. */
      if (!wait_until (preview_has_pages, window))
        g_error ("%s: the preview never showed pages", path);
      wait_for_paint (GTK_WIDGET (window));
      pages_shown[run] = elapsed_ms (start);
      gtk_window_destroy (GTK_WINDOW (window));
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }

  {
    g_autofree char *base = g_path_get_basename (path);

    label = g_strdup_printf ("window opening %s, first frame", base);
    print_figure (label, opened);
    g_free (label);
    label = g_strdup_printf ("window opening %s, preview pages painted", base);
    print_figure (label, pages_shown);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  PlanApplication *app;

  if (argc > 1 && (g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "--help")))
    {
      g_printerr ("usage: table-editor-bench [ROWS…] [PLAN.kehoach.json…]\n"
                  "Needs a display (run it under xvfb-run). Default: 1000 rows.\n");
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
  /* Registering ran the application's startup: libadwaita and the style sheet are ready. */

  if (argc == 1)
    bench_table_editor (app, 1000);
  for (int i = 1; i < argc; i++)
    {
      char *end = NULL;
      guint64 n = g_ascii_strtoull (argv[i], &end, 10);

      if (end != argv[i] && *end == '\0')
        bench_table_editor (app, n);
      else
        bench_open_plan (app, argv[i]);
    }

  g_object_unref (app);
  return 0;
}
