/* fuzz-check.c: what the fuzz target and the corpus regression test check for one input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "fuzz-check.h"

#include <string.h>
#include "plan-json.h"
#include "plan-nfc.h"

/* Long documents are cut in the report: the reproducer file holds the whole input. */
#define SHOWN_BYTES 2048

static char *
check_round_trip (PlanDocument *document)
{
  g_autoptr(GBytes) saved = plan_json_save_bytes (document);
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(PlanDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  gsize length_again = 0;
  const char *text = g_bytes_get_data (saved, &length);
  const char *text_again;

  reloaded = plan_json_load_data (text, length, &error);
  if (reloaded == NULL)
    return g_strdup_printf ("the saved plan does not load again: %s\n%.*s", error->message,
                            (int) MIN (length, SHOWN_BYTES), text);

  saved_again = plan_json_save_bytes (reloaded);
  if (g_bytes_equal (saved, saved_again))
    return NULL;

  text_again = g_bytes_get_data (saved_again, &length_again);
  return g_strdup_printf ("saving the reloaded plan gives different bytes:\n%.*s\n---\n%.*s",
                          (int) MIN (length, SHOWN_BYTES), text,
                          (int) MIN (length_again, SHOWN_BYTES), text_again);
}

/* The loader's linear-time NFC must agree with GLib's on any text (a differential check). */
static char *
check_nfc (const guint8 *data,
           gsize         size)
{
  g_autofree char *text = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *glib = NULL;

  if (!g_utf8_validate_len ((const char *) data, size, NULL) || memchr (data, '\0', size) != NULL)
    return NULL;

  text = g_strndup ((const char *) data, size);
  ours = plan_utf8_nfc (text);
  glib = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  if (g_strcmp0 (ours, glib) == 0)
    return NULL;

  return g_strdup_printf ("plan_utf8_nfc() differs from g_utf8_normalize() on:\n%s", text);
}

char *
fuzz_check_plan_json (const guint8 *data,
                      gsize         size,
                      gboolean     *loaded_out)
{
  g_autoptr(PlanDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  char *problem;

  if ((problem = check_nfc (data, size)) != NULL)
    return problem;

  /* An empty input may come as NULL; the loader accepts (NULL, 0). */
  document = plan_json_load_data ((const char *) data, size, &error);
  if (loaded_out != NULL)
    *loaded_out = document != NULL;

  if (document == NULL)
    {
      if (error == NULL || error->message == NULL || error->message[0] == '\0')
        return g_strdup ("the loader failed without a message");
      if (error->domain != PLAN_FILE_ERROR)
        return g_strdup_printf ("unexpected error domain %s: %s",
                                g_quark_to_string (error->domain), error->message);
      if (!g_utf8_validate (error->message, -1, NULL))
        return g_strdup ("the error message is not UTF-8");
      return NULL;
    }

  if (error != NULL)
    return g_strdup_printf ("the loader returned a plan and an error: %s", error->message);

  return check_round_trip (document);
}
