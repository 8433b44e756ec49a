/* plan-docx-report.c: what an import recognised, and every place it kept only as plain
 * paragraphs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "plan-docx-report.h"

#define EXCERPT_CHARS 80

static void
note_free (gpointer data)
{
  PlanDocxNote *note = data;
  g_free (note->message);
  g_free (note->excerpt);
  g_clear_object (&note->target);
  g_free (note);
}

PlanDocxReport *
plan_docx_report_new (void)
{
  PlanDocxReport *self = g_new0 (PlanDocxReport, 1);
  self->appendix_tables = g_array_new (FALSE, TRUE, sizeof (guint));
  self->unrecognised = g_ptr_array_new_with_free_func (note_free);
  self->remarks = g_ptr_array_new_with_free_func (note_free);
  return self;
}

void
plan_docx_report_free (PlanDocxReport *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->appendix_tables);
  g_ptr_array_unref (self->unrecognised);
  g_ptr_array_unref (self->remarks);
  g_free (self);
}

void
plan_docx_report_add (PlanDocxReport *self,
                      gboolean        unrecognised,
                      gpointer        target,
                      const char     *excerpt,
                      const char     *format,
                      ...)
{
  PlanDocxNote *note = g_new0 (PlanDocxNote, 1);
  va_list args;

  va_start (args, format);
  note->message = g_strdup_vprintf (format, args);
  va_end (args);
  if (excerpt != NULL && excerpt[0] != '\0')
    {
      g_autofree char *flat = g_strdup (excerpt);
      g_strdelimit (flat, "\n\t", ' ');
      if (g_utf8_strlen (flat, -1) > EXCERPT_CHARS)
        {
          g_autofree char *start = g_utf8_substring (flat, 0, EXCERPT_CHARS);
          note->excerpt = g_strconcat (start, "…", NULL);
        }
      else
        note->excerpt = g_steal_pointer (&flat);
    }
  note->target = target != NULL ? g_object_ref (target) : NULL;
  g_ptr_array_add (unrecognised ? self->unrecognised : self->remarks, note);
}

char *
plan_docx_report_dup_summary (PlanDocxReport *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (self->decision)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "Decision issuing the plan with %u article",
                                                          "Decision issuing the plan with %u articles",
                                                          self->n_articles), self->n_articles));
  if (self->header)
    g_ptr_array_add (parts, g_strdup (self->decision ? C_("import summary", "header")
                                                     : C_("import summary", "Header")));
  if (self->n_preamble > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u preamble paragraph",
                                                          "%u preamble paragraphs",
                                                          self->n_preamble), self->n_preamble));
  g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u section",
                                                        "%u sections", self->n_sections),
                                           self->n_sections));
  g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items",
                                                        self->n_items), self->n_items));
  if (self->n_appendices > 0)
    {
      g_autoptr(GString) appendices = g_string_new (NULL);
      guint n_tables = self->appendix_tables->len;
      guint columns = n_tables > 0 ? g_array_index (self->appendix_tables, guint, 0) : 0;

      g_string_printf (appendices, g_dngettext (GETTEXT_PACKAGE, "%u appendix", "%u appendices",
                                                self->n_appendices),
                       self->n_appendices);
      /* Translators: follow "1 appendix": "1 appendix with a 6-column table", "… with an
       * 8-column table" (English says "an" before eight, eleven, eighteen, eighty-…) */
      if (n_tables == 1 && (columns == 8 || columns == 11 || columns == 18 ||
                            (columns >= 80 && columns < 90)))
        g_string_append_printf (appendices, _(" with an %u-column table"), columns);
      else if (n_tables == 1)
        g_string_append_printf (appendices, _(" with a %u-column table"), columns);
      else if (n_tables > 1)
        g_string_append_printf (appendices, g_dngettext (GETTEXT_PACKAGE, " with %u table",
                                                         " with %u tables", n_tables), n_tables);
      g_ptr_array_add (parts, g_string_free (g_steal_pointer (&appendices), FALSE));
    }
  if (self->signer)
    g_ptr_array_add (parts, g_strdup (_("signer")));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

static void
append_notes (GString    *out,
              GPtrArray  *notes)
{
  for (guint i = 0; i < notes->len; i++)
    {
      PlanDocxNote *note = g_ptr_array_index (notes, i);
      if (note->excerpt != NULL)
        g_string_append_printf (out, "  - %s: “%s”\n", note->message, note->excerpt);
      else
        g_string_append_printf (out, "  - %s\n", note->message);
    }
}

char *
plan_docx_report_dup_text (PlanDocxReport *self)
{
  g_autofree char *summary = plan_docx_report_dup_summary (self);
  GString *out = g_string_new (summary);

  g_string_append_c (out, '\n');
  if (self->unrecognised->len > 0)
    {
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "%u place kept only as plain paragraphs:\n",
                                                "%u places kept only as plain paragraphs:\n",
                                                self->unrecognised->len),
                              self->unrecognised->len);
      append_notes (out, self->unrecognised);
    }
  if (self->remarks->len > 0)
    {
      g_string_append (out, _("Remarks:\n"));
      append_notes (out, self->remarks);
    }
  return g_string_free (out, FALSE);
}
