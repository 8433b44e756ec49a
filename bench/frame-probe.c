/* frame-probe.c: LD_PRELOAD module that records when a GTK app's window shows its frames
 *
 * startup-bench.sh loads it into both apps it compares. GTK 4's cairo renderer ends every
 * frame of an X11 window by flushing the window's Xlib cairo surface, a call from libgtk
 * into libcairo that this module wraps. It appends the wall-clock time of the first frames
 * (microseconds since the epoch, to match `date +%s%N`) to the file named by
 * FRAME_PROBE_LOG. Run with GSK_RENDERER=cairo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE

#include <cairo.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define FRAMES_RECORDED 5

void
cairo_surface_flush (cairo_surface_t *surface)
{
  static void (*real_flush) (cairo_surface_t *);
  static int frames;
  const char *log_path;
  struct timespec now;
  FILE *log;

  if (real_flush == NULL)
    real_flush = (void (*) (cairo_surface_t *)) dlsym (RTLD_NEXT, "cairo_surface_flush");
  real_flush (surface);

  if (cairo_surface_get_type (surface) != CAIRO_SURFACE_TYPE_XLIB
      || frames >= FRAMES_RECORDED
      || (log_path = getenv ("FRAME_PROBE_LOG")) == NULL)
    return;

  frames++;
  clock_gettime (CLOCK_REALTIME, &now);
  if ((log = fopen (log_path, "a")) != NULL)
    {
      fprintf (log, "%lld\n", (long long) now.tv_sec * 1000000 + now.tv_nsec / 1000);
      fclose (log);
    }
}
