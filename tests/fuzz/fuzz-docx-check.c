/* fuzz-docx-check.c: what the Word import's fuzz target and its corpus test check for one input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <zip.h>

#include "fuzz-docx-check.h"
#include "plan-docx-import.h"
#include "plan-json.h"

static const char *const part_names[] = {
  "word/document.xml", "word/numbering.xml", "word/styles.xml", "word/footnotes.xml",
};

/* Zips the parts of @data (separated by "\n----\n") with libzip, in memory */
static GBytes *
make_package (const guint8 *data,
              gsize         size)
{
  zip_error_t error;
  zip_source_t *target;
  zip_t *zip;
  const char *rest = (const char *) data;
  const char *end = rest + size;
  zip_stat_t stat;
  GBytes *bytes = NULL;

  zip_error_init (&error);
  target = zip_source_buffer_create (NULL, 0, 0, &error);
  g_assert (target != NULL);
  zip_source_keep (target);
  zip = zip_open_from_source (target, ZIP_TRUNCATE, &error);
  g_assert (zip != NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (part_names) && rest <= end; i++)
    {
      const char *separator = g_strstr_len (rest, end - rest, "\n----\n");
      const char *part_end = separator != NULL ? separator : end;
      /* An empty part stands for a missing one */
      if (part_end > rest || i == 0)
        {
          zip_source_t *part = zip_source_buffer (zip, rest, (zip_uint64_t) (part_end - rest), 0);
          g_assert (part != NULL);
          g_assert (zip_file_add (zip, part_names[i], part, ZIP_FL_OVERWRITE) >= 0);
        }
      if (separator == NULL)
        break;
      rest = separator + strlen ("\n----\n");
    }
  g_assert (zip_close (zip) == 0);

  if (zip_source_stat (target, &stat) == 0 && zip_source_open (target) == 0)
    {
      guint8 *buffer = g_malloc (stat.size);
      g_assert (zip_source_read (target, buffer, stat.size) == (zip_int64_t) stat.size);
      zip_source_close (target);
      bytes = g_bytes_new_take (buffer, stat.size);
    }
  zip_source_free (target);
  zip_error_fini (&error);
  g_assert (bytes != NULL);
  return bytes;
}

char *
fuzz_check_docx (const guint8 *data,
                 gsize         size,
                 gboolean     *imported_out)
{
  static const guint8 ole[] = { 0xD0, 0xCF, 0x11, 0xE0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanDocument) document = NULL;
  g_autoptr(PlanDocument) reloaded = NULL;
  g_autoptr(GBytes) json = NULL;
  PlanDocxReport *report = NULL;

  if (imported_out != NULL)
    *imported_out = FALSE;

  if ((size >= 2 && data[0] == 'P' && data[1] == 'K') ||
      (size >= sizeof ole && memcmp (data, ole, sizeof ole) == 0))
    bytes = g_bytes_new (data, size);
  else
    bytes = make_package (data, size);

  document = plan_docx_import_bytes (bytes, &report, &error);
  if (document == NULL)
    {
      if (report != NULL)
        return g_strdup ("a failed import returned a report");
      if (error == NULL || error->domain != PLAN_DOCX_ERROR || error->message[0] == '\0')
        return g_strdup_printf ("a failed import without a Word-file error: %s",
                                error != NULL ? error->message : "(none)");
      return NULL;
    }
  if (report == NULL)
    return g_strdup ("an import without a report");
  {
    g_autofree char *summary = plan_docx_report_dup_text (report);
    plan_docx_report_free (report);
    if (summary == NULL || !g_utf8_validate (summary, -1, NULL))
      return g_strdup ("a summary that is not UTF-8");
  }

  /* The imported plan is a valid plan file */
  json = plan_json_save_bytes (document);
  reloaded = plan_json_load_data (g_bytes_get_data (json, NULL), g_bytes_get_size (json), &error);
  if (reloaded == NULL)
    return g_strdup_printf ("the imported plan does not load again: %s", error->message);
  if (imported_out != NULL)
    *imported_out = TRUE;
  return NULL;
}
