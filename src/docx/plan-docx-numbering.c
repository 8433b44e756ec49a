/* plan-docx-numbering.c: the numbers Word shows for automatically numbered paragraphs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "plan-docx-numbering.h"
#include "plan-docx-xml-private.h"

#define N_LEVELS 9

typedef struct {
  char *format;     /* w:numFmt: "decimal", "lowerLetter", "bullet" … */
  char *text;       /* w:lvlText: "%1.%2." */
  int   start;
} Level;

typedef struct {
  Level levels[N_LEVELS];
  int   counters[N_LEVELS];   /* the last number shown; 0 = not shown yet */
} AbstractList;

typedef struct {
  int      abstract_id;
  int      start_override[N_LEVELS];   /* -1 = none */
  gboolean used;
} List;

struct _PlanDocxNumbering
{
  GHashTable *abstracts;   /* abstractNumId → AbstractList */
  GHashTable *lists;       /* numId → List */
};

static void
abstract_free (gpointer data)
{
  AbstractList *abstract = data;
  for (int i = 0; i < N_LEVELS; i++)
    {
      g_free (abstract->levels[i].format);
      g_free (abstract->levels[i].text);
    }
  g_free (abstract);
}

static void
read_level (const xmlNode *lvl,
            Level         *level)
{
  g_free (level->format);
  g_free (level->text);
  level->format = plan_docx_w_attr (plan_docx_w_child (lvl, "numFmt"), "val");
  level->text = plan_docx_w_attr (plan_docx_w_child (lvl, "lvlText"), "val");
  level->start = (int) CLAMP (plan_docx_w_child_int (lvl, "start", 1), 0, 100000);
}

static int
level_index (const xmlNode *lvl)
{
  g_autofree char *value = plan_docx_w_attr ((xmlNode *) lvl, "ilvl");
  gint64 index;

  if (value == NULL || !g_ascii_string_to_signed (value, 10, 0, N_LEVELS - 1, &index, NULL))
    return -1;
  return (int) index;
}

static gboolean
attr_int (const xmlNode *node,
          const char    *name,
          int           *out)
{
  g_autofree char *value = plan_docx_w_attr (node, name);
  gint64 number;

  if (value == NULL || !g_ascii_string_to_signed (value, 10, 0, G_MAXINT32, &number, NULL))
    return FALSE;
  *out = (int) number;
  return TRUE;
}

PlanDocxNumbering *
plan_docx_numbering_new (xmlDoc *numbering_xml)
{
  PlanDocxNumbering *self = g_new0 (PlanDocxNumbering, 1);
  xmlNode *root = numbering_xml != NULL ? xmlDocGetRootElement (numbering_xml) : NULL;

  self->abstracts = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, abstract_free);
  self->lists = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  if (!plan_docx_is_w (root, "numbering"))
    return self;

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      int id;

      if (plan_docx_is_w (node, "abstractNum") && attr_int (node, "abstractNumId", &id) &&
          !g_hash_table_contains (self->abstracts, GINT_TO_POINTER (id)))
        {
          AbstractList *abstract = g_new0 (AbstractList, 1);
          for (xmlNode *lvl = node->children; lvl != NULL; lvl = lvl->next)
            {
              int index = plan_docx_is_w (lvl, "lvl") ? level_index (lvl) : -1;
              if (index >= 0)
                read_level (lvl, &abstract->levels[index]);
            }
          g_hash_table_insert (self->abstracts, GINT_TO_POINTER (id), abstract);
        }
      else if (plan_docx_is_w (node, "num") && attr_int (node, "numId", &id) &&
               !g_hash_table_contains (self->lists, GINT_TO_POINTER (id)))
        {
          List *list = g_new0 (List, 1);
          g_autofree char *abstract_id = plan_docx_w_attr (plan_docx_w_child (node, "abstractNumId"),
                                                           "val");
          list->abstract_id = abstract_id != NULL ? atoi (abstract_id) : -1;
          for (int i = 0; i < N_LEVELS; i++)
            list->start_override[i] = -1;
          for (xmlNode *override = node->children; override != NULL; override = override->next)
            {
              int index = plan_docx_is_w (override, "lvlOverride") ? level_index (override) : -1;
              int start;
              if (index < 0)
                continue;
              if (attr_int (plan_docx_w_child (override, "startOverride"), "val", &start))
                list->start_override[index] = MIN (start, 100000);
            }
          g_hash_table_insert (self->lists, GINT_TO_POINTER (id), list);
        }
    }
  return self;
}

void
plan_docx_numbering_free (PlanDocxNumbering *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->abstracts);
  g_hash_table_unref (self->lists);
  g_free (self);
}

static const char *const roman_units[] = { "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX" };
static const char *const roman_tens[] = { "", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC" };
static const char *const roman_hundreds[] = { "", "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM" };

static void
append_number (GString    *out,
               const char *format,
               int         value)
{
  if (g_strcmp0 (format, "upperRoman") == 0 || g_strcmp0 (format, "lowerRoman") == 0)
    {
      g_autoptr(GString) roman = g_string_new (NULL);
      int v = CLAMP (value, 1, 3999);
      for (int i = 0; i < v / 1000; i++)
        g_string_append_c (roman, 'M');
      g_string_append (roman, roman_hundreds[(v / 100) % 10]);
      g_string_append (roman, roman_tens[(v / 10) % 10]);
      g_string_append (roman, roman_units[v % 10]);
      if (format[0] == 'l')
        {
          g_autofree char *lower = g_ascii_strdown (roman->str, -1);
          g_string_append (out, lower);
        }
      else
        g_string_append (out, roman->str);
    }
  else if (g_strcmp0 (format, "upperLetter") == 0 || g_strcmp0 (format, "lowerLetter") == 0)
    {
      /* Word's letters: a … z, then aa … zz, then aaa … */
      int v = MAX (value, 1) - 1;
      char letter = (char) ((format[0] == 'u' ? 'A' : 'a') + v % 26);
      for (int i = 0; i <= MIN (v / 26, 10); i++)
        g_string_append_c (out, letter);
    }
  else if (g_strcmp0 (format, "decimalZero") == 0)
    g_string_append_printf (out, "%02d", value);
  else
    g_string_append_printf (out, "%d", value);
}

/* A bullet as the app writes it: Word's bullets are often private-use symbol characters. */
static char *
bullet_text (const char *text)
{
  if (text == NULL || text[0] == '\0')
    return g_strdup ("•");
  if (g_str_equal (text, "-") || g_str_equal (text, "–") || g_str_equal (text, "+") ||
      g_str_equal (text, "*") || g_str_equal (text, "•"))
    return g_strdup (text);
  if (g_str_equal (text, "\xef\x80\xad"))   /* U+F02D, Symbol's minus */
    return g_strdup ("-");
  if (g_str_equal (text, "o"))
    return g_strdup ("+");
  return g_strdup ("•");
}

char *
plan_docx_numbering_next (PlanDocxNumbering *self,
                          int                num_id,
                          int                level)
{
  List *list = g_hash_table_lookup (self->lists, GINT_TO_POINTER (num_id));
  AbstractList *abstract;
  Level *lvl;
  GString *out;

  if (num_id <= 0 || list == NULL || level < 0 || level >= N_LEVELS)
    return NULL;
  abstract = g_hash_table_lookup (self->abstracts, GINT_TO_POINTER (list->abstract_id));
  if (abstract == NULL)
    return NULL;

  if (!list->used)
    {
      list->used = TRUE;
      for (int i = 0; i < N_LEVELS; i++)
        if (list->start_override[i] >= 0)
          abstract->counters[i] = list->start_override[i] - 1;
    }
  lvl = &abstract->levels[level];
  if (abstract->counters[level] == 0)
    abstract->counters[level] = lvl->start;
  else
    abstract->counters[level]++;
  for (int i = level + 1; i < N_LEVELS; i++)
    abstract->counters[i] = 0;

  if (g_strcmp0 (lvl->format, "none") == 0)
    return NULL;
  if (g_strcmp0 (lvl->format, "bullet") == 0)
    return bullet_text (lvl->text);
  if (lvl->text == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = lvl->text; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] >= '1' && p[1] <= '9')
        {
          int referenced = p[1] - '1';
          Level *other = &abstract->levels[referenced];
          int value = abstract->counters[referenced];
          append_number (out, other->format, value > 0 ? value : other->start);
          p++;
        }
      else
        g_string_append_c (out, *p);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}
