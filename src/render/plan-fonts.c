/* plan-fonts.c: font family resolution and the renderer's Pango context
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "plan-fonts"

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "plan-fonts.h"

static const char *font_family;
static gboolean real_times;

/* TRUE when fontconfig resolves @family to that very family, not to a substitute. */
static gboolean
family_is_installed (const char *family,
                     char      **resolved)
{
  FcPattern *pattern;
  FcPattern *match;
  FcResult result;
  FcChar8 *name = NULL;
  gboolean found = FALSE;

  pattern = FcNameParse ((const FcChar8 *)family);
  FcConfigSubstitute (NULL, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  match = FcFontMatch (NULL, pattern, &result);

  if (match != NULL && FcPatternGetString (match, FC_FAMILY, 0, &name) == FcResultMatch)
    {
      found = g_ascii_strcasecmp ((const char *)name, family) == 0;
      if (resolved != NULL)
        *resolved = g_strdup ((const char *)name);
    }

  if (match != NULL)
    FcPatternDestroy (match);
  FcPatternDestroy (pattern);

  return found;
}

static void
resolve_family (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      static const char * const candidates[] = { "Times New Roman", "Tinos", "Liberation Serif" };
      char *fallback = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (candidates) && font_family == NULL; i++)
        if (family_is_installed (candidates[i], NULL))
          font_family = candidates[i];

      if (font_family == NULL)
        {
          family_is_installed ("serif", &fallback);
          font_family = fallback != NULL ? fallback : "serif";
          g_warning ("Neither Times New Roman nor a metric-compatible substitute is installed; "
                     "using %s", font_family);
        }

      real_times = g_strcmp0 (font_family, "Times New Roman") == 0;
      g_once_init_leave (&initialized, 1);
    }
}

const char *
plan_fonts_get_family (void)
{
  resolve_family ();
  return font_family;
}

gboolean
plan_fonts_is_real_times (void)
{
  resolve_family ();
  return real_times;
}

static PangoFontMap *
get_font_map (void)
{
  static PangoFontMap *font_map;

  /* One private map for the process: the GUI's default map may carry display settings. */
  if (g_once_init_enter (&font_map))
    {
      PangoFontMap *map = pango_cairo_font_map_new ();

      pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (map), 72.0);
      g_once_init_leave (&font_map, map);
    }

  return font_map;
}

static gpointer
prepare_thread (gpointer data)
{
  resolve_family ();
  return NULL;
}

void
plan_fonts_prepare (void)
{
  static gsize started = 0;

  if (g_once_init_enter (&started))
    {
      /* Creating the font map makes Pango load fontconfig's configuration in its own thread;
       * the family check below waits for that configuration, off the caller's thread. */
      get_font_map ();
      g_thread_unref (g_thread_new ("plan-fonts", prepare_thread, NULL));
      g_once_init_leave (&started, 1);
    }
}

PangoContext *
plan_fonts_create_context (void)
{
  PangoContext *context;
  cairo_font_options_t *options;

  context = pango_font_map_create_context (get_font_map ());
  pango_cairo_context_set_resolution (context, 72.0);

  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("vi"));

  return context;
}
