/* plan-text.c: an immutable run of rich text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "plan-text.h"
#include "plan-nfc.h"

#define STYLE_MASK (PLAN_STYLE_BOLD | PLAN_STYLE_ITALIC | PLAN_STYLE_UNDERLINE)

typedef struct
{
  char      *text;
  PlanStyle  style;
} Run;

struct _PlanText
{
  gatomicrefcount  ref_count;
  char            *plain;
  guint            n_runs;
  Run             *runs;
};

G_DEFINE_BOXED_TYPE (PlanText, plan_text, plan_text_ref, plan_text_unref)

static PlanText *
plan_text_alloc (void)
{
  PlanText *self = g_new0 (PlanText, 1);

  g_atomic_ref_count_init (&self->ref_count);
  return self;
}

/* Builds the text from (already validated) runs: normalizes each, drops empty runs and merges
 * neighbours of the same style. The plain text is normalized as a whole, and when joining
 * changed it (a combining mark at the start of a run) the runs are rebuilt from it. */
static PlanText *
plan_text_build (const PlanRun *runs,
                 gsize          n_runs)
{
  g_autoptr(GArray) built = g_array_new (FALSE, TRUE, sizeof (Run));
  g_autoptr(GString) plain = g_string_new (NULL);
  PlanText *self;

  for (gsize i = 0; i < n_runs; i++)
    {
      g_autofree char *norm = NULL;
      PlanStyle style = runs[i].style & STYLE_MASK;

      if (runs[i].text == NULL || runs[i].text[0] == '\0')
        continue;

      norm = plan_utf8_nfc (runs[i].text);
      if (norm == NULL || norm[0] == '\0')
        continue;

      g_string_append (plain, norm);

      if (built->len > 0 && g_array_index (built, Run, built->len - 1).style == style)
        {
          Run *last = &g_array_index (built, Run, built->len - 1);
          char *joined = g_strconcat (last->text, norm, NULL);

          g_free (last->text);
          last->text = joined;
        }
      else
        {
          Run run = { g_steal_pointer (&norm), style };

          g_array_append_val (built, run);
        }
    }

  self = plan_text_alloc ();
  self->n_runs = built->len;
  self->runs = (Run *) (gpointer) g_array_free (g_steal_pointer (&built), FALSE);

  /* Merged runs that now combine across their boundary must still be NFC as a whole. */
  for (guint i = 0; i < self->n_runs; i++)
    {
      char *norm = plan_utf8_nfc (self->runs[i].text);

      g_free (self->runs[i].text);
      self->runs[i].text = norm;
    }

  self->plain = plan_utf8_nfc (plain->str);
  return self;
}

PlanText *
plan_text_new (const char *plain)
{
  PlanRun run = { plain, 0 };

  if (plain != NULL && !g_utf8_validate (plain, -1, NULL))
    return NULL;

  return plan_text_build (&run, 1);
}

PlanText *
plan_text_new_from_runs (const PlanRun *runs,
                         gsize          n_runs)
{
  g_return_val_if_fail (runs != NULL || n_runs == 0, NULL);

  for (gsize i = 0; i < n_runs; i++)
    if (runs[i].text != NULL && !g_utf8_validate (runs[i].text, -1, NULL))
      return NULL;

  return plan_text_build (runs, n_runs);
}

PlanText *
plan_text_new_from_markdown (const char *markdown)
{
  g_autoptr(GArray) runs = NULL;
  g_autoptr(GPtrArray) strings = NULL;
  g_autoptr(GString) current = NULL;
  PlanStyle style = 0;
  const char *p;

  if (markdown == NULL)
    return plan_text_new (NULL);
  if (!g_utf8_validate (markdown, -1, NULL))
    return NULL;

  runs = g_array_new (FALSE, TRUE, sizeof (PlanRun));
  strings = g_ptr_array_new_with_free_func (g_free);
  current = g_string_new (NULL);

#define FLUSH()                                                   \
  G_STMT_START {                                                  \
    if (current->len > 0)                                         \
      {                                                           \
        char *s = g_strdup (current->str);                        \
        PlanRun r = { s, style };                                 \
        g_ptr_array_add (strings, s);                             \
        g_array_append_val (runs, r);                             \
        g_string_truncate (current, 0);                           \
      }                                                           \
  } G_STMT_END

  for (p = markdown; *p != '\0';)
    {
      if (p[0] == '\\' && (p[1] == '*' || p[1] == '_' || p[1] == '\\'))
        {
          g_string_append_c (current, p[1]);
          p += 2;
        }
      else if (p[0] == '*' && p[1] == '*')
        {
          FLUSH ();
          style ^= PLAN_STYLE_BOLD;
          p += 2;
        }
      else if (p[0] == '_' && p[1] == '_')
        {
          FLUSH ();
          style ^= PLAN_STYLE_UNDERLINE;
          p += 2;
        }
      else if (p[0] == '*')
        {
          FLUSH ();
          style ^= PLAN_STYLE_ITALIC;
          p += 1;
        }
      else
        {
          g_string_append_c (current, *p);
          p++;
        }
    }
  FLUSH ();

#undef FLUSH

  return plan_text_build ((const PlanRun *) (gpointer) runs->data, runs->len);
}

PlanText *
plan_text_ref (PlanText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
plan_text_unref (PlanText *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      for (guint i = 0; i < self->n_runs; i++)
        g_free (self->runs[i].text);
      g_free (self->runs);
      g_free (self->plain);
      g_free (self);
    }
}

const char *
plan_text_get_plain (const PlanText *self)
{
  g_return_val_if_fail (self != NULL, "");

  return self->plain;
}

gboolean
plan_text_is_empty (const PlanText *self)
{
  return self == NULL || self->plain[0] == '\0';
}

guint
plan_text_get_n_runs (const PlanText *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_runs;
}

const char *
plan_text_get_run (const PlanText *self,
                   guint           index,
                   PlanStyle      *style)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_runs, NULL);

  if (style != NULL)
    *style = self->runs[index].style;
  return self->runs[index].text;
}

gboolean
plan_text_equal (const PlanText *a,
                 const PlanText *b)
{
  if (a == b)
    return TRUE;
  /* A missing text and an empty one mean the same: nothing to print. */
  if (a == NULL || b == NULL)
    return plan_text_is_empty (a) && plan_text_is_empty (b);
  if (a->n_runs != b->n_runs)
    return FALSE;

  for (guint i = 0; i < a->n_runs; i++)
    {
      if (a->runs[i].style != b->runs[i].style ||
          strcmp (a->runs[i].text, b->runs[i].text) != 0)
        return FALSE;
    }

  return TRUE;
}

static void
append_markers (GString   *out,
                PlanStyle  toggled)
{
  if (toggled & PLAN_STYLE_BOLD)
    g_string_append (out, "**");
  if (toggled & PLAN_STYLE_ITALIC)
    g_string_append (out, "*");
  if (toggled & PLAN_STYLE_UNDERLINE)
    g_string_append (out, "__");
}

char *
plan_text_to_markdown (const PlanText *self)
{
  GString *out;
  PlanStyle style = 0;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new (NULL);

  for (guint i = 0; i < self->n_runs; i++)
    {
      const Run *run = &self->runs[i];

      /* Close what ends here before opening what starts, so markers nest. */
      append_markers (out, style & ~run->style);
      append_markers (out, run->style & ~style);
      style = run->style;

      for (const char *p = run->text; *p != '\0'; p++)
        {
          /* Escape every marker character so that no pair can form across runs. */
          if (*p == '*' || *p == '\\' || *p == '_')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
    }

  append_markers (out, style);

  return g_string_free (out, FALSE);
}

gboolean
plan_text_is_legal_basis (const PlanText *self)
{
  const char *plain = plan_text_get_plain (self);

  while (g_unichar_isspace (g_utf8_get_char (plain)))
    plain = g_utf8_next_char (plain);
  return g_str_has_prefix (plain, "Căn cứ");
}

const char *
plan_text_end_marker (const PlanText *self)
{
  const char *plain = self != NULL ? plan_text_get_plain (self) : "";
  gsize len = strlen (plain);

  while (len > 0 && g_ascii_isspace (plain[len - 1]))
    len--;
  return len > 0 && plain[len - 1] == '.' ? "/." : "./.";
}
