/* plan-table-clipboard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "plan-table-clipboard.h"

static void
finish_row (GPtrArray *rows,
            GPtrArray *cells)
{
  g_ptr_array_add (cells, NULL);
  g_ptr_array_add (rows, g_ptr_array_steal (cells, NULL));
}

GPtrArray *
plan_table_clipboard_parse (const char *text)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GString) cell = NULL;
  const char *p;
  gboolean row_started = FALSE;

  if (text == NULL || *text == '\0')
    return NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  cells = g_ptr_array_new ();
  cell = g_string_new (NULL);

  for (p = text; *p != '\0';)
    {
      if (cell->len == 0 && *p == '"')
        {
          /* Quoted cell: up to the closing quote; "" is a quote. */
          p++;
          while (*p != '\0')
            {
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (cell, '"');
                  p += 2;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else if (*p == '\r' && p[1] == '\n')
                {
                  g_string_append_c (cell, '\n');
                  p += 2;
                }
              else
                g_string_append_c (cell, *p++);
            }
          row_started = TRUE;
          /* Anything between the closing quote and the separator is kept as typed. */
          continue;
        }

      if (*p == '\t')
        {
          g_ptr_array_add (cells, g_string_free (g_steal_pointer (&cell), FALSE));
          cell = g_string_new (NULL);
          row_started = TRUE;
          p++;
        }
      else if (*p == '\n' || (*p == '\r' && p[1] == '\n') || *p == '\r')
        {
          g_ptr_array_add (cells, g_string_free (g_steal_pointer (&cell), FALSE));
          cell = g_string_new (NULL);
          finish_row (rows, cells);
          row_started = FALSE;
          p += (*p == '\r' && p[1] == '\n') ? 2 : 1;
        }
      else
        {
          g_string_append_c (cell, *p++);
          row_started = TRUE;
        }
    }

  if (row_started || cell->len > 0 || cells->len > 0)
    {
      g_ptr_array_add (cells, g_string_free (g_steal_pointer (&cell), FALSE));
      finish_row (rows, cells);
    }

  if (rows->len == 0)
    return NULL;
  return g_steal_pointer (&rows);
}

char *
plan_table_clipboard_format (GPtrArray *rows)
{
  GString *out = g_string_new (NULL);

  for (guint r = 0; rows != NULL && r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint c = 0; cells != NULL && cells[c] != NULL; c++)
        {
          const char *text = cells[c];

          if (c > 0)
            g_string_append_c (out, '\t');
          if (strpbrk (text, "\t\n\r\"") != NULL)
            {
              g_string_append_c (out, '"');
              for (const char *p = text; *p != '\0'; p++)
                {
                  if (*p == '"')
                    g_string_append_c (out, '"');
                  g_string_append_c (out, *p);
                }
              g_string_append_c (out, '"');
            }
          else
            g_string_append (out, text);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
