/* plan-docx-recognizer.c: the roles of a Word plan's paragraphs and tables (header, title,
 * preamble, outline, closing, appendices) by the rules of docs/word-import.md
 *
 * The rules are the tables at the top of this file: each is a pattern over a paragraph's
 * text (spaces and no-break spaces made plain, case as typed unless the rule says
 * otherwise) and the role it gives. The walk below takes the document in reading order:
 * header, type name, title, preamble, body outline, closing, appendices.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "plan-article.h"
#include "plan-doc-type.h"
#include "plan-docx-recognizer.h"
#include "plan-docx-writer-styles.h"
#include "plan-json.h"
#include "plan-format.h"
#include "plan-numbering.h"

/* ---- rules -------------------------------------------------------------------------------- */

/* Markers of the outline. @rank orders nesting: an item becomes a child of the nearest open
 * item of a smaller rank. Numbered items rank by their depth (1. = 2, 1.1. = 3 …). */
typedef enum {
  MARKER_PART_WORD,     /* "Phần I", "PHẦN 1" */
  MARKER_PART,          /* "A." */
  MARKER_SECTION,       /* "I." */
  MARKER_NUMBERED,      /* "1.", "1)", "1.1." */
  MARKER_POINT,         /* "a)", "a.", "a/." */
  MARKER_BULLET,        /* "-", "–", "•" */
  MARKER_PLUS,          /* "+" */
  MARKER_STAR,          /* "*" */
} MarkerType;

static const struct {
  const char *pattern;
  MarkerType  type;
} marker_rules[] = {
  { "^(?:PHẦN|Phần)\\s+(?:[IVXLC]+|\\d+)\\s*[.:]?\\s+", MARKER_PART_WORD },
  { "^(?:X{0,3})(?:IX|IV|V?I{0,3})\\.\\s*(?=\\S)", MARKER_SECTION },
  { "^[A-HJ-UWYZĐ]\\.\\s+(?=\\S)", MARKER_PART },
  { "^\\d{1,3}(?:\\.\\d{1,3})+\\.?\\s*(?=\\S)", MARKER_NUMBERED },
  { "^\\d{1,3}[.)]\\s*(?=\\D)", MARKER_NUMBERED },
  { "^[a-zđ](?:\\)|/\\.?|\\.)\\s*(?=\\S)", MARKER_POINT },
  { "^[-–—−•·▪◦]\\s*(?=\\S)", MARKER_BULLET },
  { "^\\+\\s*(?=\\S)", MARKER_PLUS },
  { "^\\*\\s*(?=\\S)", MARKER_STAR },
};

/* Preamble paragraphs: the legal bases and the request they answer */
static const char *const preamble_rule = "^(?:Căn cứ|Thực hiện|Xét đề nghị|Theo đề nghị|"
                                         "Xét tờ trình|Theo|Triển khai|Để)\\b";
/* The sentence that closes the body: it and what follows stay at the top of the outline */
static const char *const closing_sentence_rule = "^Trên đây là\\b";
/* Header lines */
static const char *const number_rule =
  "^Số\\s*:?\\s*(\\d*)[\\s.…]*/\\s*([^\\s/-]*)\\s*(?:-\\s*(\\S+)|$)";
static const char *const place_date_rule =
  "^(.+?)\\s*,\\s*ngày\\s*(\\S*?)\\s*tháng\\s*(\\S*?)\\s*năm\\s*(\\d{4}|…$)";
static const char *const place_date_numeric_rule =
  "^(.+?)\\s*,\\s*ngày\\s*(\\d{1,2})\\s*/\\s*(\\d{1,2})\\s*/\\s*(\\d{4})";
/* A header table: a cell starts with one of these */
static const char *const header_table_rule = "^(?:Số\\s*:|CỘNG HO|Cộng ho|Độc lập|.*,\\s*ngày)";
static const char *const rule_line_rule = "^[-_=.…\\s]*$";
/* The circulation note (Decree 30, ô 11), in the first page's page header, in capitals */
static const char *const circulation_rule =
  "^(?:XEM XONG TRẢ LẠI|LƯU HÀNH NỘI BỘ|KHÔNG PHỔ BIẾN|TRẢ LẠI SAU KHI HỌP(?: \\(HỘI NGHỊ\\))?)$";
/* A circulation note in our export's stamp style is kept as written up to this length */
#define CIRCULATION_MAX_CHARS 100
/* Closing */
static const char *const recipients_rule = "^Nơi\\s+nhận\\s*:?\\s*";
static const char *const archive_rule = "^Lưu\\s*:?\\s*";
static const char *const purpose_rule = "^(.*\\S)\\s*\\(([^()]*)\\)$";
/* Appendices: the label, with a title after ":" or "." on the same line */
static const char *const appendix_label_rule =
  "^((?:PHỤ LỤC|Phụ lục)(?:\\s+số)?(?:\\s+(?:[IVXLC]+|\\d+[a-z]?))?)\\s*[:.]?\\s*(.*)$";
static const char *const form_label_rule = "^(?:BIỂU|Biểu)(?:\\s+(?:mẫu|số))?\\s+\\S+";
static const char *const reference_rule = "^\\(\\s*(Kèm theo\\b.*?)\\s*\\)$";
/* A note under a table, in italic right after it: the table's footnote */
static const char *const table_footnote_rule =
  "^(?i:\\(?\\s*(?:\\*+|Lưu\\s+ý|Ghi\\s+chú|Chú\\s+thích|Nguồn)(?:\\s*\\)|\\s*:|\\s))";
/* A decision issuing a plan (docs/word-import.md, "A decision issuing a plan"): its title,
 * its articles, and the line under the plan's title that cites it (the issuer after "của") */
static const char *const decision_title_rule =
  "^(?is:(?:(?:V/v|Về\\s+việc)\\s+)?ban\\s+hành\\b.*\\bkế\\s+hoạch\\b)";
static const char *const article_rule = "^Điều\\s+\\d{1,3}\\s*[.:]?";
static const char *const issuing_rule = "^\\(\\s*Ban hành kèm theo\\b";
static const char *const issuer_rule = "\\bcủa\\s+(.+?)\\s*\\)$";

/* Type names of Decree 30 (upper case, as printed) */
static const char *const type_names[] = {
  "KẾ HOẠCH", "QUYẾT ĐỊNH", "BÁO CÁO", "TỜ TRÌNH", "THÔNG BÁO", "CHƯƠNG TRÌNH", "PHƯƠNG ÁN",
  "ĐỀ ÁN", "HƯỚNG DẪN", "CÔNG VĂN", "NGHỊ QUYẾT", "CHỈ THỊ", "QUY CHẾ", "QUY ĐỊNH",
  "DỰ ÁN", "BIÊN BẢN", "CÔNG ĐIỆN", "GIẤY MỜI",
};

static const struct { const char *text; PlanUrgency urgency; PlanSecrecy secrecy; } marks[] = {
  { "THƯỢNG KHẨN", PLAN_URGENCY_THUONG_KHAN, PLAN_SECRECY_NONE },
  { "HỎA TỐC", PLAN_URGENCY_HOA_TOC, PLAN_SECRECY_NONE },
  { "HOẢ TỐC", PLAN_URGENCY_HOA_TOC, PLAN_SECRECY_NONE },
  { "KHẨN", PLAN_URGENCY_KHAN, PLAN_SECRECY_NONE },
  { "TUYỆT MẬT", PLAN_URGENCY_NONE, PLAN_SECRECY_TUYET_MAT },
  { "TỐI MẬT", PLAN_URGENCY_NONE, PLAN_SECRECY_TOI_MAT },
  { "MẬT", PLAN_URGENCY_NONE, PLAN_SECRECY_MAT },
};

/* A numbered heading's run-in text starts after a colon within this many characters */
#define RUN_IN_HEADING_MAX_CHARS 80
/* A numbered paragraph this short, without a final full stop, is a heading of its own */
#define HEADING_MAX_CHARS 160
#define TITLE_MAX_LINES 8

/* ---- state -------------------------------------------------------------------------------- */

typedef struct {
  PlanItem   *item;
  int         rank;
} OpenItem;

typedef struct {
  PlanDocxContent *content;
  PlanDocxReport  *report;
  PlanDocument    *document;
  guint            next;        /* the block to look at */
  GRegex          *markers[G_N_ELEMENTS (marker_rules)];
  GHashTable      *source_markers;   /* PlanItem → the marker as the Word file shows it */
  /* the outline being filled */
  GListStore      *outline;
  GArray          *open;        /* OpenItem */
  gboolean         at_top;      /* after "Trên đây là …": paragraphs stay at the top */
  gboolean         seen_point_style, seen_numbered_style;
  PlanItem        *free_item;       /* the paragraph item that block free_item_next went to */
  guint            free_item_next;
  gboolean         decision;    /* the plan is issued by a decision read before it */
} Recognizer;

/* The rules' patterns, compiled once (a GRegex is immutable, so matching is thread-safe) */
static GRegex *
rule_regex (const char *pattern)
{
  static GHashTable *compiled;   /* pattern (static string) → GRegex */
  G_LOCK_DEFINE_STATIC (compiled);
  GRegex *regex;

  G_LOCK (compiled);
  if (compiled == NULL)
    compiled = g_hash_table_new (g_direct_hash, g_direct_equal);
  regex = g_hash_table_lookup (compiled, pattern);
  if (regex == NULL)
    {
      regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (regex != NULL);
      g_hash_table_insert (compiled, (gpointer) pattern, regex);
    }
  G_UNLOCK (compiled);
  return regex;
}

static gboolean
matches (const char  *pattern,
         const char  *text,
         GMatchInfo **info)
{
  return g_regex_match (rule_regex (pattern), text, 0, info);
}

/* Spaces, tabs and no-break spaces as single spaces; trimmed */
static char *
flatten (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == ' ' || c == '\t' || c == 0x00A0 || c == 0x202F || c == 0x2007)
        space = TRUE;
      else
        {
          if (space && out->len > 0 && c != '\n' && out->str[out->len - 1] != '\n')
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

/* Upper case without the difference between "HÒA" and "HOÀ" (old and new accent placement)
 * and without spaces, dashes or punctuation: for comparing fixed phrases */
static char *
phrase_key (const char *text)
{
  g_autofree char *upper = g_utf8_strup (text, -1);
  g_autofree char *nfd = g_utf8_normalize (upper, -1, G_NORMALIZE_NFD);
  GString *out = g_string_new (NULL);

  for (const char *p = nfd; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        g_string_append_unichar (out, c);
    }
  /* Tone marks after the vowel cluster: "HÒA" and "HOÀ" decompose to different orders;
   * sorting every mark to the end of its word is enough to compare the fixed phrases */
  g_autofree char *letters = g_string_free (out, FALSE);
  GString *base = g_string_new (NULL), *tones = g_string_new (NULL);
  for (const char *p = letters; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323)
        g_string_append_unichar (tones, c);
      else
        g_string_append_unichar (base, c);
    }
  g_string_append (base, tones->str);
  g_string_free (tones, TRUE);
  return g_string_free (base, FALSE);
}

static gboolean
phrase_equal (const char *text,
              const char *phrase)
{
  /* A line much longer than the phrase is not it (and a long line is not normalised for
   * nothing, once for every phrase) */
  if (strlen (text) > 2 * strlen (phrase) + 16)
    return FALSE;
  g_autofree char *a = phrase_key (text);
  g_autofree char *b = phrase_key (phrase);
  return g_str_equal (a, b);
}

static gboolean
is_upper_line (const char *text)
{
  gboolean any = FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_islower (c))
        return FALSE;
      if (g_unichar_isupper (c))
        any = TRUE;
    }
  return any;
}

static PlanDocxBlock *
peek (Recognizer *r)
{
  return r->next < r->content->blocks->len ? g_ptr_array_index (r->content->blocks, r->next)
                                           : NULL;
}

static gboolean
block_is_empty (PlanDocxBlock *block)
{
  if (block->table != NULL || block->number != NULL)
    return FALSE;
  for (const char *p = plan_text_get_plain (block->text); *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c != ' ' && c != '\t' && c != '\n' && c != 0x00A0 && c != 0x202F && c != 0x2007)
        return FALSE;
    }
  return TRUE;
}

static void
skip_empty (Recognizer *r)
{
  while (peek (r) != NULL && block_is_empty (peek (r)))
    r->next++;
}

/* The paragraph's text as a flat line (marker of automatic numbering in front) */
static char *
block_line (PlanDocxBlock *block)
{
  g_autofree char *flat = flatten (plan_text_get_plain (block->text));
  if (block->number != NULL)
    return g_strconcat (block->number, " ", flat, NULL);
  return g_steal_pointer (&flat);
}

/* ---- rich text ---------------------------------------------------------------------------- */

/* The runs of @text from byte @start to @end of its plain text, tabs made spaces, trimmed */
static PlanText *
text_slice (PlanText *text,
            gsize     start,
            gsize     end)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (PlanRun));
  gsize offset = 0;

  for (guint i = 0; i < plan_text_get_n_runs (text); i++)
    {
      PlanStyle style;
      const char *run = plan_text_get_run (text, i, &style);
      gsize length = strlen (run);
      gsize from = MAX (start, offset), to = MIN (end, offset + length);

      if (from < to)
        {
          char *piece = g_strndup (run + (from - offset), to - from);
          g_strdelimit (piece, "\t", ' ');
          g_ptr_array_add (strings, piece);
          PlanRun plan_run = { piece, style };
          g_array_append_val (runs, plan_run);
        }
      offset += length;
    }
  /* Trim the spaces the cut leaves at both ends */
  while (runs->len > 0)
    {
      PlanRun *first = &g_array_index (runs, PlanRun, 0);
      while (first->text[0] == ' ')
        first->text++;
      if (first->text[0] != '\0')
        break;
      g_array_remove_index (runs, 0);
    }
  while (runs->len > 0)
    {
      PlanRun *last = &g_array_index (runs, PlanRun, runs->len - 1);
      char *s = (char *) last->text;
      gsize n = strlen (s);
      while (n > 0 && s[n - 1] == ' ')
        s[--n] = '\0';
      if (n > 0)
        break;
      g_array_remove_index (runs, runs->len - 1);
    }
  PlanText *result = plan_text_new_from_runs ((PlanRun *) runs->data, runs->len);
  return result != NULL ? result : plan_text_new ("");
}

/* Byte length of the marker at the start of @plain (typed as text), or 0 */
static gsize
typed_marker_length (Recognizer *r,
                     const char *plain,
                     MarkerType *type)
{
  for (gsize i = 0; i < G_N_ELEMENTS (marker_rules); i++)
    {
      g_autoptr(GMatchInfo) info = NULL;
      int start, end;

      if (g_regex_match (r->markers[i], plain, 0, &info) &&
          g_match_info_fetch_pos (info, 0, &start, &end))
        {
          *type = marker_rules[i].type;
          return (gsize) end;
        }
    }
  return 0;
}

/* ---- header ------------------------------------------------------------------------------- */

typedef enum {
  LINE_OTHER,
  LINE_EMPTY,
  LINE_RULE,
  LINE_NATIONAL_NAME,
  LINE_MOTTO,
  LINE_NUMBER,
  LINE_PLACE_DATE,
  LINE_MARK,
} HeaderLine;

static guint
parse_day_or_month (const char *text)
{
  guint64 value;
  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, 31, &value, NULL))
    return 0;
  return (guint) value;
}

static HeaderLine
read_header_line (Recognizer *r,
                  const char *line)
{
  g_autoptr(GMatchInfo) info = NULL;

  if (line[0] == '\0')
    return LINE_EMPTY;
  if (matches (rule_line_rule, line, NULL))
    return LINE_RULE;
  if (phrase_equal (line, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
    return LINE_NATIONAL_NAME;
  if (phrase_equal (line, "Độc lập - Tự do - Hạnh phúc"))
    return LINE_MOTTO;
  if (matches (number_rule, line, &info))
    {
      g_autofree char *number = g_match_info_fetch (info, 1);
      g_autofree char *type = g_match_info_fetch (info, 2);
      g_autofree char *abbrev = g_match_info_fetch (info, 3);
      guint64 value = 0;
      g_ascii_string_to_unsigned (number, 10, 0, G_MAXUINT, &value, NULL);
      g_object_set (r->document, "number", (guint) value, "agency-abbrev", abbrev, NULL);
      /* Only a code of the decree's table; a plan keeps "KH" otherwise */
      if (plan_doc_type_lookup (type) != NULL)
        g_object_set (r->document, "doc-type", type, NULL);
      else
        plan_docx_report_add (r->report, FALSE, NULL, line,
                              _("“%s” is not a document type code of the decree; the plan "
                                "keeps “KH”"), type);
      return LINE_NUMBER;
    }
  g_clear_pointer (&info, g_match_info_free);
  if (!matches (place_date_rule, line, &info))
    {
      g_clear_pointer (&info, g_match_info_free);
      matches (place_date_numeric_rule, line, &info);
    }
  if (g_match_info_matches (info))
    {
      g_autofree char *place = g_match_info_fetch (info, 1);
      g_autofree char *day = g_match_info_fetch (info, 2);
      g_autofree char *month = g_match_info_fetch (info, 3);
      g_autofree char *year = g_match_info_fetch (info, 4);
      guint year_value = (guint) atoi (year);
      guint month_value = parse_day_or_month (month);
      guint day_value = parse_day_or_month (day);
      if (month_value > 12)
        month_value = 0;
      /* A day the month does not have ("31 tháng 2") is left blank, and said */
      if (day_value > 0 && month_value > 0 &&
          day_value > g_date_get_days_in_month (month_value, year_value > 0 ? year_value : 2000))
        {
          plan_docx_report_add (r->report, FALSE, NULL, line,
                                _("The date is not a real date; its day is left blank"));
          day_value = 0;
        }
      /* "…" holds the place of a plan that has none yet (as printed) */
      g_object_set (r->document, "place", g_str_equal (place, "…") ? "" : place,
                    "date-year", year_value,
                    "date-month", month_value, "date-day", day_value, NULL);
      return LINE_PLACE_DATE;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (marks); i++)
    if (phrase_equal (line, marks[i].text))
      {
        if (marks[i].urgency != PLAN_URGENCY_NONE)
          g_object_set (r->document, "urgency", marks[i].urgency, NULL);
        else
          g_object_set (r->document, "secrecy", marks[i].secrecy, NULL);
        return LINE_MARK;
      }
  return LINE_OTHER;
}

/* Left column: agency lines, then "Số"; right column: Quốc hiệu, Tiêu ngữ, place and date.
 * @columns holds one GPtrArray of lines per column. */
static void
read_header_columns (Recognizer *r,
                     GPtrArray  *columns)
{
  g_autoptr(GPtrArray) agency = g_ptr_array_new ();
  gboolean number = FALSE, place = FALSE;
  guint agency_column = 0;

  /* The agency's lines stand above "Số:", in the same column */
  for (guint c = 0; c < columns->len; c++)
    {
      GPtrArray *lines = g_ptr_array_index (columns, c);
      for (guint i = 0; i < lines->len; i++)
        if (read_header_line (r, g_ptr_array_index (lines, i)) == LINE_NUMBER)
          {
            agency_column = c;
            c = columns->len;
            break;
          }
    }

  for (guint c = 0; c < columns->len; c++)
    {
      GPtrArray *lines = g_ptr_array_index (columns, c);
      gboolean after_number = FALSE;

      for (guint i = 0; i < lines->len; i++)
        {
          const char *line = g_ptr_array_index (lines, i);
          switch (read_header_line (r, line))
            {
            case LINE_NUMBER:
              number = after_number = TRUE;
              break;
            case LINE_PLACE_DATE:
              place = TRUE;
              break;
            case LINE_OTHER:
              if (c == agency_column && !after_number)
                g_ptr_array_add (agency, (gpointer) line);
              else
                plan_docx_report_add (r->report, TRUE, NULL, line,
                                      _("A line of the header that is not an agency, number, "
                                        "place or date was left out"));
              break;
            default:
              break;
            }
        }
    }

  if (agency->len == 1)
    g_object_set (r->document, "agency", agency->pdata[0], NULL);
  else if (agency->len > 1)
    {
      g_autoptr(GString) lines = g_string_new (NULL);
      for (guint i = 1; i < agency->len; i++)
        g_string_append_printf (lines, "%s%s", i > 1 ? "\n" : "", (char *) agency->pdata[i]);
      g_object_set (r->document, "parent-agency", agency->pdata[0], "agency", lines->str, NULL);
    }
  r->report->header = agency->len > 0 && (number || place);
  if (!number)
    plan_docx_report_add (r->report, FALSE, NULL, NULL,
                          _("No “Số: …/KH-…” line was found in the header"));
  if (!place)
    plan_docx_report_add (r->report, FALSE, NULL, NULL,
                          _("No place and date (“…, ngày … tháng … năm …”) was found in the "
                            "header"));
}

static void
add_lines (GPtrArray  *lines,
           const char *text)
{
  g_auto(GStrv) split = g_strsplit (text, "\n", -1);
  for (guint i = 0; split[i] != NULL; i++)
    {
      char *flat = flatten (split[i]);
      if (flat[0] != '\0')
        g_ptr_array_add (lines, flat);
      else
        g_free (flat);
    }
}

static gboolean
is_type_name (const char *line)
{
  for (gsize i = 0; i < G_N_ELEMENTS (type_names); i++)
    if (phrase_equal (line, type_names[i]))
      return TRUE;
  return FALSE;
}

static gboolean
table_mentions (PlanDocxTable *table,
                const char    *pattern)
{
  GRegex *regex = rule_regex (pattern);
  for (guint i = 0; i < table->rows->len; i++)
    {
      PlanDocxRow *row = g_ptr_array_index (table->rows, i);
      for (guint c = 0; c < row->cells->len; c++)
        {
          PlanDocxCell *cell = g_ptr_array_index (row->cells, c);
          g_auto(GStrv) lines = g_strsplit (cell->text, "\n", -1);
          for (guint l = 0; lines[l] != NULL; l++)
            {
              g_autofree char *flat = flatten (lines[l]);
              if (g_regex_match (regex, flat, 0, NULL))
                return TRUE;
            }
        }
    }
  return FALSE;
}

static void
recognize_header (Recognizer *r)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  PlanDocxBlock *block;

  skip_empty (r);
  block = peek (r);
  if (block == NULL)
    return;

  if (block->table != NULL &&
      table_mentions (block->table, header_table_rule))
    {
      /* Column by column, top to bottom */
      guint n_columns = 0;
      for (guint i = 0; i < block->table->rows->len; i++)
        n_columns = MAX (n_columns, ((PlanDocxRow *) block->table->rows->pdata[i])->cells->len);
      for (guint c = 0; c < n_columns; c++)
        {
          GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
          for (guint i = 0; i < block->table->rows->len; i++)
            {
              PlanDocxRow *row = g_ptr_array_index (block->table->rows, i);
              if (c < row->cells->len)
                add_lines (lines, ((PlanDocxCell *) row->cells->pdata[c])->text);
            }
          g_ptr_array_add (columns, lines);
        }
      r->next++;
    }
  else
    {
      /* Paragraphs before the type name, the two columns separated by tabs */
      guint end = r->next;
      for (; end < r->content->blocks->len && end < r->next + 12; end++)
        {
          PlanDocxBlock *candidate = g_ptr_array_index (r->content->blocks, end);
          g_autofree char *line = candidate->text != NULL ? block_line (candidate) : NULL;
          if (line == NULL || is_type_name (line))
            break;
        }
      if (end >= r->content->blocks->len || end >= r->next + 12 ||
          ((PlanDocxBlock *) r->content->blocks->pdata[end])->text == NULL)
        return;
      GPtrArray *left = g_ptr_array_new_with_free_func (g_free);
      GPtrArray *right = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (columns, left);
      g_ptr_array_add (columns, right);
      for (; r->next < end; r->next++)
        {
          PlanDocxBlock *paragraph = g_ptr_array_index (r->content->blocks, r->next);
          g_auto(GStrv) halves = g_regex_split_simple ("\\t+",
                                                       plan_text_get_plain (paragraph->text), 0, 0);
          guint n = 0;
          for (guint i = 0; halves[i] != NULL; i++)
            {
              g_autofree char *flat = flatten (halves[i]);
              if (flat[0] != '\0')
                add_lines (n++ == 0 && halves[i + 1] != NULL ? left : (n == 1 ? left : right),
                           flat);
            }
        }
    }
  read_header_columns (r, columns);
}

static void
recognize_title (Recognizer *r)
{
  PlanDocxBlock *block;
  g_autoptr(GString) title = g_string_new (NULL);
  g_autofree char *first = NULL;

  skip_empty (r);
  block = peek (r);
  if (block == NULL || block->text == NULL)
    return;
  first = block_line (block);
  {
    g_auto(GStrv) lines = g_strsplit (first, "\n", 2);
    if (!is_type_name (lines[0]))
      {
        plan_docx_report_add (r->report, FALSE, NULL, first,
                              _("No type name (“KẾ HOẠCH”) was found after the header"));
        return;
      }
    if (lines[1] != NULL)
      g_string_append (title, lines[1]);
  }
  r->next++;

  for (guint n = 0; n < TITLE_MAX_LINES; n++)
    {
      g_autofree char *line = NULL;
      MarkerType type;

      block = peek (r);
      if (block == NULL || block->text == NULL || block_is_empty (block))
        break;
      line = block_line (block);
      if (matches (rule_line_rule, line, NULL))
        {
          r->next++;
          break;
        }
      /* The plan issued by a decision cites it right under its title (a plan's own
       * "(Ban hành kèm theo Nghị quyết …)" is a line of its title) */
      if (r->decision && matches (issuing_rule, line, NULL))
        break;
      /* Bases right under the title, with no blank line between: they end with ";" */
      if (typed_marker_length (r, line, &type) > 0 ||
          (title->len > 0 && matches (preamble_rule, line, NULL) &&
           (g_str_has_suffix (line, ";") || g_str_has_suffix (line, ":"))))
        break;
      if (title->len > 0)
        g_string_append_c (title, '\n');
      g_string_append (title, line);
      r->next++;
    }
  g_object_set (r->document, "title", title->str, NULL);
}

/* The circulation note: a paragraph of the first page's page header that is one of the
 * decree's notes (any case), or that our export wrote in its stamp style */
static void
recognize_circulation (Recognizer *r)
{
  GPtrArray *header = r->content->first_page_header;

  for (guint i = 0; header != NULL && i < header->len; i++)
    {
      PlanDocxBlock *block = g_ptr_array_index (header, i);
      g_autofree char *line = block_line (block);
      g_autofree char *upper = g_utf8_strup (line, -1);

      if (matches (circulation_rule, upper, NULL) ||
          (g_strcmp0 (block->style_id, PLAN_DOCX_STYLE_STAMP) == 0 &&
           g_utf8_strlen (line, -1) <= CIRCULATION_MAX_CHARS && strchr (line, '\n') == NULL))
        {
          g_object_set (r->document, "circulation", line, NULL);
          return;
        }
    }
}

/* ---- outline ------------------------------------------------------------------------------ */

static int
marker_rank (MarkerType  type,
             const char *marker)
{
  switch (type)
    {
    case MARKER_PART_WORD:
    case MARKER_PART:
      return 0;
    case MARKER_SECTION:
      return 1;
    case MARKER_NUMBERED:
      {
        int depth = 1;
        for (const char *p = marker; *p != '\0'; p++)
          if (*p == '.' && g_ascii_isdigit (p[1]))
            depth++;
        return 1 + MIN (depth, 8);
      }
    case MARKER_POINT:
      return 10;
    case MARKER_BULLET:
      return 11;
    case MARKER_PLUS:
      return 12;
    case MARKER_STAR:
    default:
      return 13;
    }
}

static PlanItemKind
marker_kind (MarkerType type)
{
  switch (type)
    {
    case MARKER_PART_WORD:
    case MARKER_PART:
      return PLAN_ITEM_PART;
    case MARKER_SECTION:
      return PLAN_ITEM_SECTION;
    case MARKER_NUMBERED:
      return PLAN_ITEM_NUMBERED;
    case MARKER_POINT:
      return PLAN_ITEM_POINT;
    default:
      return PLAN_ITEM_BULLET;
    }
}

static GListModel *
open_children (Recognizer *r)
{
  if (r->open->len == 0)
    return G_LIST_MODEL (r->outline);
  return plan_item_get_children (g_array_index (r->open, OpenItem, r->open->len - 1).item);
}

static void
add_item (Recognizer *r,
          PlanItem   *item)
{
  g_list_store_append (G_LIST_STORE (open_children (r)), item);
}

static void
add_paragraph (PlanItem *item,
               PlanText *text)
{
  g_autoptr(PlanParagraph) paragraph = plan_paragraph_new (text);
  g_list_store_append (G_LIST_STORE (plan_item_get_paragraphs (item)), paragraph);
}

/* A paragraph without a marker: a centred or right-aligned one (a form's title, a signature
 * line) keeps its alignment, and so does one set flush left without a first-line indent (a
 * form's fill-in line "Lớp: ………"); the others are the body's justified text */
static void
add_aligned_paragraph (PlanItem      *item,
                       PlanText      *text,
                       PlanDocxBlock *block)
{
  g_autoptr(PlanParagraph) paragraph = plan_paragraph_new (text);

  if (block->alignment == PLAN_ALIGN_CENTER || block->alignment == PLAN_ALIGN_RIGHT)
    g_object_set (paragraph, "alignment", block->alignment, NULL);
  else if (block->aligned_left && block->no_indent)
    g_object_set (paragraph, "alignment", PLAN_ALIGN_LEFT, "indent", FALSE, NULL);
  g_list_store_append (G_LIST_STORE (plan_item_get_paragraphs (item)), paragraph);
}

static gboolean
is_all_italic (PlanText *text)
{
  for (guint i = 0; i < plan_text_get_n_runs (text); i++)
    {
      PlanStyle style;
      plan_text_get_run (text, i, &style);
      if (!(style & PLAN_STYLE_ITALIC))
        return FALSE;
    }
  return plan_text_get_n_runs (text) > 0;
}

/* The bytes of the bold runs at the start of @text */
static gsize
bold_prefix (PlanText *text)
{
  gsize length = 0;
  for (guint i = 0; i < plan_text_get_n_runs (text); i++)
    {
      PlanStyle style;
      const char *run = plan_text_get_run (text, i, &style);
      if (!(style & PLAN_STYLE_BOLD))
        break;
      length += strlen (run);
    }
  return length;
}

/* A heading prints bold by itself: keep only its italic and underline */
static PlanText *
heading_text (PlanText *text)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (PlanRun));
  for (guint i = 0; i < plan_text_get_n_runs (text); i++)
    {
      PlanRun run;
      run.text = plan_text_get_run (text, i, &run.style);
      run.style &= ~PLAN_STYLE_BOLD;
      g_array_append_val (runs, run);
    }
  PlanText *result = plan_text_new_from_runs ((PlanRun *) runs->data, runs->len);
  return result != NULL ? result : plan_text_new ("");
}

/* Heading, run-in text or plain paragraph of a numbered item or point (docs/word-import.md,
 * "Headings"): a bold start is the heading; else text up to a colon near the start; else a
 * short paragraph without a final full stop. In the styles of our Word export, which writes
 * every heading in a form of its own, only that form makes a heading: a numbered item's bold
 * start ("Mục"), the text in a point heading's character style ("Điểm"). */
static void
fill_numbered (PlanItem      *item,
               PlanText      *body,
               PlanDocxBlock *block)
{
  const char *plain = plan_text_get_plain (body);
  gsize length = strlen (plain);
  gsize bold = bold_prefix (body);
  const char *colon = strchr (plain, ':');
  gsize heading_end = 0;
  gboolean exported_item = plan_item_get_kind (item) == PLAN_ITEM_NUMBERED &&
                           g_strcmp0 (block->style_id, PLAN_DOCX_STYLE_ITEM) == 0;
  gboolean exported_point = plan_item_get_kind (item) == PLAN_ITEM_POINT &&
                            g_strcmp0 (block->style_id, PLAN_DOCX_STYLE_POINT) == 0;

  if (length == 0)
    return;
  if (exported_point)
    {
      if (block->point_heading != NULL && g_str_has_prefix (plain, block->point_heading))
        heading_end = strlen (block->point_heading);
    }
  else if (bold > 1)
    heading_end = MIN (bold, length);
  else if (exported_item)
    heading_end = 0;
  else if (colon != NULL && colon[1] != '\0' &&
           g_utf8_strlen (plain, colon - plain) <= RUN_IN_HEADING_MAX_CHARS)
    heading_end = (gsize) (colon - plain) + 1;
  else if (g_utf8_strlen (plain, -1) <= HEADING_MAX_CHARS && plain[length - 1] != '.' &&
           plain[length - 1] != ';' && strchr (plain, '\n') == NULL)
    heading_end = length;

  if (heading_end > 0)
    {
      g_autoptr(PlanText) slice = text_slice (body, 0, heading_end);
      g_autoptr(PlanText) heading = heading_text (slice);
      g_object_set (item, "heading", heading, NULL);
      if (heading_end < length)
        {
          g_autoptr(PlanText) rest = text_slice (body, heading_end, length);
          if (!plan_text_is_empty (rest))
            {
              g_object_set (item, "run-in", TRUE, NULL);
              add_paragraph (item, rest);
            }
        }
    }
  else
    add_paragraph (item, body);
}

static void
set_numbering_styles (Recognizer *r,
                      MarkerType  type,
                      const char *marker)
{
  const char *end = marker + strlen (marker);
  /* The plan's one point style is "a)" or "a."; a list in "a/." keeps its own style
   * (keep_source_markers) and says nothing about the others */
  if (type == MARKER_POINT && !r->seen_point_style && !g_str_has_suffix (marker, "/.") &&
      !g_str_has_suffix (marker, "/"))
    {
      r->seen_point_style = TRUE;
      g_object_set (r->document, "point-style",
                    end[-1] == ')' ? PLAN_POINT_PAREN : PLAN_POINT_DOT, NULL);
    }
  else if (type == MARKER_NUMBERED && !r->seen_numbered_style)
    {
      r->seen_numbered_style = TRUE;
      g_object_set (r->document, "numbered-style",
                    end[-1] == ')' ? PLAN_NUMBERED_PAREN : PLAN_NUMBERED_DOT, NULL);
    }
  else if (type == MARKER_PART_WORD)
    g_object_set (r->document, "part-style", PLAN_PART_WORD, NULL);
}

/* A paragraph right after a table that is the table's footnote: in the style our Word export
 * gives one, or all in italic and starting as such notes do ("(*) …", "(Lưu ý: …)") */
static gboolean
read_table_footnote (Recognizer    *r,
                     PlanDocxBlock *block)
{
  GListModel *children;
  guint n_children;
  g_autoptr(PlanItem) last = NULL;
  PlanTable *table;

  if (g_strcmp0 (block->style_id, PLAN_DOCX_STYLE_TABLE_FOOTNOTE) != 0 &&
      !(block->number == NULL && is_all_italic (block->text) &&
        matches (table_footnote_rule, plan_text_get_plain (block->text), NULL)))
    return FALSE;
  children = open_children (r);
  n_children = g_list_model_get_n_items (children);
  last = n_children > 0 ? g_list_model_get_item (children, n_children - 1) : NULL;
  table = last != NULL ? plan_item_get_table (last) : NULL;
  if (table == NULL || plan_table_get_footnote (table)[0] != '\0')
    return FALSE;
  g_object_set (table, "footnote", plan_text_get_plain (block->text), NULL);
  return TRUE;
}

/* One paragraph of an outline (body or appendix) */
static void
outline_paragraph (Recognizer    *r,
                   PlanDocxBlock *block)
{
  g_autofree char *flat = NULL;

  if (read_table_footnote (r, block))
    return;
  flat = flatten (plan_text_get_plain (block->text));
  g_autoptr(PlanText) text = NULL;
  MarkerType type = MARKER_BULLET;
  gsize marker_length = 0;
  g_autofree char *marker = NULL;

  if (block->number != NULL)
    {
      g_autofree char *probe = g_strconcat (block->number, " x", NULL);
      if (typed_marker_length (r, probe, &type) > 0 || g_str_equal (block->number, "•"))
        marker = g_strdup (block->number);
      text = text_slice (block->text, 0, strlen (plan_text_get_plain (block->text)));
    }
  if (marker == NULL)
    {
      const char *plain = plan_text_get_plain (block->text);
      marker_length = typed_marker_length (r, plain, &type);
      if (marker_length > 0)
        {
          g_autofree char *raw = g_strndup (plain, marker_length);
          marker = g_strstrip (g_steal_pointer (&raw));
        }
      g_clear_pointer (&text, plan_text_unref);
      text = text_slice (block->text, marker_length, strlen (plain));
    }

  if (marker == NULL && block->number != NULL)
    {
      /* A number in a form no rule knows ("Điều 1.", "(1)"): kept in the text */
      g_autofree char *joined = g_strconcat (block->number, " ",
                                             plan_text_get_plain (block->text), NULL);
      g_clear_pointer (&text, plan_text_unref);
      text = plan_text_new (joined);
      plan_docx_report_add (r->report, FALSE, NULL, joined,
                            _("A number of Word's automatic numbering in a form the app does "
                              "not use was kept as text"));
    }

  /* Our Word export writes a paragraph item's first paragraph in its own style and its
   * further ones in "Nội dung": these go on in the paragraph item right before them */
  if (marker == NULL && r->free_item != NULL && r->next == r->free_item_next + 1 &&
      g_strcmp0 (block->style_id, PLAN_DOCX_STYLE_BODY) == 0)
    {
      add_aligned_paragraph (r->free_item, text, block);
      r->free_item_next = r->next;
      return;
    }
  r->free_item = NULL;

  if (marker == NULL)
    {
      /* A paragraph without a marker */
      PlanItem *parent = r->open->len > 0 ? g_array_index (r->open, OpenItem, r->open->len - 1).item
                                          : NULL;
      gboolean free_paragraph = g_strcmp0 (block->style_id, PLAN_DOCX_STYLE_FREE_PARAGRAPH) == 0;
      if (matches (closing_sentence_rule, flat, NULL))
        r->at_top = TRUE;
      if (r->at_top)
        {
          g_array_set_size (r->open, 0);
          parent = NULL;
        }
      /* After a bullet, an unmarked paragraph belongs to the bullet's parent, unless it is in
       * the style our Word export gives a bullet's further paragraphs */
      while (parent != NULL && plan_item_get_kind (parent) == PLAN_ITEM_BULLET &&
             !(g_strcmp0 (block->style_id, PLAN_DOCX_STYLE_BULLET) == 0 &&
               g_list_model_get_n_items (plan_item_get_children (parent)) == 0))
        {
          g_array_set_size (r->open, r->open->len - 1);
          parent = r->open->len > 0 ? g_array_index (r->open, OpenItem, r->open->len - 1).item : NULL;
        }
      /* … and a paragraph in the style of a paragraph item's first paragraph starts one, even
       * right under a heading */
      if (parent != NULL && !free_paragraph &&
          g_list_model_get_n_items (plan_item_get_children (parent)) == 0)
        add_aligned_paragraph (parent, text, block);
      else
        {
          gboolean note = !free_paragraph && is_all_italic (text) && flat[0] == '(';
          g_autoptr(PlanItem) item = plan_item_new (note ? PLAN_ITEM_NOTE : PLAN_ITEM_PARAGRAPH,
                                                    NULL);
          add_aligned_paragraph (item, text, block);
          add_item (r, item);
          if (free_paragraph)
            {
              r->free_item = item;
              r->free_item_next = r->next;
            }
        }
      return;
    }

  r->at_top = FALSE;
  int rank = marker_rank (type, marker);
  while (r->open->len > 0 && g_array_index (r->open, OpenItem, r->open->len - 1).rank >= rank)
    g_array_set_size (r->open, r->open->len - 1);

  g_autoptr(PlanItem) item = plan_item_new (marker_kind (type), NULL);
  set_numbering_styles (r, type, marker);
  g_hash_table_insert (r->source_markers, item, g_strdup (marker));
  switch (type)
    {
    case MARKER_PART_WORD:
    case MARKER_PART:
    case MARKER_SECTION:
      {
        g_autoptr(PlanText) heading = heading_text (text);
        g_object_set (item, "heading", heading, NULL);
        break;
      }
    case MARKER_NUMBERED:
    case MARKER_POINT:
      fill_numbered (item, text, block);
      break;
    default:
      add_paragraph (item, text);
      break;
    }
  add_item (r, item);
  OpenItem open = { item, rank };
  g_array_append_val (r->open, open);
}

static PlanTable *
build_table (PlanDocxTable *source)
{
  guint n_columns = source->grid->len;
  PlanTable *table;
  gboolean numbered = source->rows->len > 1;
  gboolean centred = TRUE;   /* every body cell centred vertically */
  double size = 0;           /* the size every cell with text gives itself, or -1 */
  guint n_header;
  double total = 0;

  for (guint i = 0; i < source->rows->len; i++)
    {
      PlanDocxRow *row = g_ptr_array_index (source->rows, i);
      guint width = 0;
      for (guint c = 0; c < row->cells->len; c++)
        width += ((PlanDocxCell *) row->cells->pdata[c])->span;
      n_columns = MAX (n_columns, width);
    }
  n_columns = CLAMP (n_columns, 1, PLAN_DOCX_MAX_TABLE_COLUMNS);
  table = plan_table_new (n_columns);

  /* Header rows: those marked to repeat; else a first row in bold above other rows */
  n_header = plan_docx_table_n_header_rows (source);

  for (guint c = 0; c < source->grid->len && c < n_columns; c++)
    total += g_array_index (source->grid, double, c);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(PlanColumn) column = g_list_model_get_item (plan_table_get_columns (table), c);
      double twips = c < source->grid->len ? g_array_index (source->grid, double, c) : 0;
      /* Relative widths in centimetres, as the samples write them */
      double width = total > 0 && twips > 0 ? MAX (0.1, round (twips / 567.0 * 10) / 10) : 1.0;
      g_object_set (column, "width", width, NULL);
    }

  for (guint i = 0; i < source->rows->len; i++)
    {
      PlanDocxRow *source_row = g_ptr_array_index (source->rows, i);
      gboolean header = i < n_header;
      PlanRow *row = header ? plan_table_append_header_row (table) : plan_table_append_row (table);
      gboolean first_of_list = i == 0 || i == n_header;
      guint column = 0;

      /* A header row prints as its letters are: bold (the default), bold italic, italic, plain
       * ("(1) (2) (3)" rows are often italic) */
      if (header)
        {
          gboolean any = FALSE, all_bold = TRUE, all_italic = TRUE;

          for (guint c = 0; c < source_row->cells->len; c++)
            {
              PlanDocxCell *cell = g_ptr_array_index (source_row->cells, c);

              if (cell->text[0] == '\0' || (cell->merged_up && !first_of_list))
                continue;
              any = TRUE;
              all_bold &= cell->bold;
              all_italic &= cell->italic;
            }
          if (any)
            g_object_set (row, "header-style",
                          all_bold ? (all_italic ? PLAN_HEADER_BOLD_ITALIC : PLAN_HEADER_BOLD)
                                   : (all_italic ? PLAN_HEADER_ITALIC : PLAN_HEADER_PLAIN),
                          NULL);
        }

      for (guint c = 0; c < source_row->cells->len && column < n_columns; c++)
        {
          PlanDocxCell *cell = g_ptr_array_index (source_row->cells, c);
          PlanCell *target = plan_row_get_cell (row, column);

          if (cell->merged_up && !first_of_list)
            g_object_set (target, "merge", PLAN_MERGE_UP, NULL);
          else if (cell->text[0] != '\0')   /* a new cell is empty: a table of empty cells
                                              * costs no property set per cell */
            g_object_set (target, "text", cell->text, NULL);
          for (guint s = 1; s < cell->span && column + s < n_columns; s++)
            g_object_set (plan_row_get_cell (row, column + s), "merge",
                          cell->merged_up && !first_of_list ? PLAN_MERGE_UP : PLAN_MERGE_LEFT,
                          NULL);
          if (!header && !(cell->merged_up && !first_of_list) && !cell->centred)
            centred = FALSE;
          if (cell->text[0] != '\0' && !(cell->merged_up && !first_of_list) && size >= 0)
            size = cell->size <= 0 || (size > 0 && cell->size != size) ? -1 : cell->size;
          /* A first cell merged up continues the number above */
          if (!header && column == 0 && !cell->auto_number &&
              !(cell->merged_up && !first_of_list))
            numbered = FALSE;
          column += cell->span;
        }
      if (!header && column == 0)
        numbered = FALSE;
    }
  if (n_header == source->rows->len)
    numbered = FALSE;

  /* Body cells' alignment from the first body row */
  if (n_header < source->rows->len)
    {
      PlanDocxRow *first = g_ptr_array_index (source->rows, n_header);
      guint column = 0;
      for (guint c = 0; c < first->cells->len && column < n_columns; c++)
        {
          PlanDocxCell *cell = g_ptr_array_index (first->cells, c);
          g_autoptr(PlanColumn) plan_column = g_list_model_get_item (plan_table_get_columns (table),
                                                                     column);
          g_object_set (plan_column, "alignment", cell->alignment, NULL);
          column += cell->span;
        }
    }
  g_object_set (table, "numbered", numbered, NULL);
  if (centred && n_header < source->rows->len)
    g_object_set (table, "vertical-alignment", PLAN_VALIGN_CENTER, NULL);
  /* A size every cell's text gives itself, within the app's range, is the table's own */
  if (size >= PLAN_TABLE_FONT_SIZE_MIN && size <= PLAN_TABLE_FONT_SIZE_MAX && size == (guint) size)
    g_object_set (table, "font-size", (guint) size, NULL);
  return table;
}

/* ---- closing ------------------------------------------------------------------------------ */

static gboolean
read_recipients (Recognizer *r,
                 const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GListStore *recipients = G_LIST_STORE (plan_document_get_recipients (r->document));
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *first = flatten (lines[0]);

  if (!matches (recipients_rule, first, &info))
    return FALSE;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = flatten (lines[i]);
      char *entry = line;
      gsize length;

      if (i == 0)
        {
          int end;
          g_match_info_fetch_pos (info, 0, NULL, &end);
          entry = line + end;
        }
      while (*entry == '-' || *entry == '+' || g_str_has_prefix (entry, "•") ||
             g_str_has_prefix (entry, "–") || *entry == ' ')
        entry += (*entry == '-' || *entry == '+' || *entry == ' ') ? 1 : strlen ("–");
      length = strlen (entry);
      while (length > 0 && (entry[length - 1] == ';' || entry[length - 1] == '.' ||
                            entry[length - 1] == ',' || entry[length - 1] == ' '))
        entry[--length] = '\0';
      if (length == 0)
        continue;

      g_autoptr(GMatchInfo) archive = NULL;
      if (matches (archive_rule, entry, &archive))
        {
          int end;
          g_match_info_fetch_pos (archive, 0, NULL, &end);
          g_object_set (r->document, "archive", entry + end, NULL);
          continue;
        }
      g_autoptr(GMatchInfo) purpose = NULL;
      g_autoptr(PlanRecipient) recipient = NULL;
      if (matches (purpose_rule, entry, &purpose))
        {
          g_autofree char *name = g_match_info_fetch (purpose, 1);
          g_autofree char *why = g_match_info_fetch (purpose, 2);
          recipient = plan_recipient_new (name, why);
        }
      else
        recipient = plan_recipient_new (entry, "");
      g_list_store_append (recipients, recipient);
      r->report->n_recipients++;
    }
  return TRUE;
}

/* Upper-case lines: the authority lines, then the title; the first line after them that is
 * in mixed case, or that follows the space left for the signature (an empty line), is the
 * name; what follows it, the notes under the name */
static gboolean
read_signer (Recognizer *r,
             const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GPtrArray) positions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autofree char *name = NULL;
  gboolean gap = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = flatten (lines[i]);
      if (line[0] == '\0')
        {
          gap = positions->len > 0;
          continue;
        }
      if (name == NULL && is_upper_line (line) && !gap)
        g_ptr_array_add (positions, g_steal_pointer (&line));
      else if (name == NULL && line[0] == '(')
        plan_docx_report_add (r->report, FALSE, NULL, line,
                              _("A note in the signature space was left out"));
      else if (name == NULL)
        name = g_steal_pointer (&line);
      else
        g_string_append_printf (notes, "%s%s", notes->len > 0 ? "\n" : "", line);
    }
  if (positions->len == 0)
    return FALSE;

  g_autoptr(GString) authority = g_string_new (NULL);
  for (guint i = 0; i + 1 < positions->len; i++)
    g_string_append_printf (authority, "%s%s", i > 0 ? "\n" : "", (char *) positions->pdata[i]);
  g_object_set (r->document,
                "signer-authority", authority->str,
                "signer-title", positions->pdata[positions->len - 1],
                "signer-name", name != NULL ? name : "",
                "signer-notes", notes->str, NULL);
  r->report->signer = TRUE;
  return TRUE;
}

static gboolean
is_closing_start (PlanDocxBlock *block)
{
  if (block->table != NULL)
    return table_mentions (block->table, recipients_rule);
  /* "Nơi nhận:" stands alone on its line, or with the first recipient */
  if (strlen (plan_text_get_plain (block->text)) > 400)
    return FALSE;
  g_autofree char *flat = flatten (plan_text_get_plain (block->text));
  return matches (recipients_rule, flat, NULL) && strlen (flat) < 200;
}

static void
recognize_closing (Recognizer *r)
{
  PlanDocxBlock *block = peek (r);

  if (block == NULL)
    return;
  if (block->table != NULL)
    {
      /* Column by column: the recipients' cell and the signer's cell */
      guint n_columns = 0;
      for (guint i = 0; i < block->table->rows->len; i++)
        n_columns = MAX (n_columns, ((PlanDocxRow *) block->table->rows->pdata[i])->cells->len);
      for (guint c = 0; c < n_columns; c++)
        {
          g_autoptr(GString) column = g_string_new (NULL);
          for (guint i = 0; i < block->table->rows->len; i++)
            {
              PlanDocxRow *row = g_ptr_array_index (block->table->rows, i);
              if (c < row->cells->len && ((PlanDocxCell *) row->cells->pdata[c])->text[0] != '\0')
                g_string_append_printf (column, "%s%s", column->len > 0 ? "\n" : "",
                                        ((PlanDocxCell *) row->cells->pdata[c])->lines);
            }
          if (column->len == 0)
            continue;
          if (!read_recipients (r, column->str) && !read_signer (r, column->str))
            plan_docx_report_add (r->report, TRUE, NULL, column->str,
                                  _("A cell of the closing table that is neither “Nơi nhận” "
                                    "nor the signer was left out"));
        }
      r->next++;
      return;
    }

  /* Paragraphs: "Nơi nhận:" and its lines, then the signer's lines */
  g_autoptr(GString) recipients = g_string_new (NULL);
  g_autoptr(GString) signer = g_string_new (NULL);
  while ((block = peek (r)) != NULL && block->table == NULL)
    {
      const char *plain = plan_text_get_plain (block->text);
      g_auto(GStrv) halves = g_regex_split_simple ("\\t+", plain, 0, 0);
      g_autofree char *left = flatten (halves[0] != NULL ? halves[0] : "");
      g_autofree char *line = flatten (plain);
      if (signer->len > 0 && (matches (appendix_label_rule, line, NULL) ||
                              matches (form_label_rule, line, NULL)))
        break;   /* an appendix starts: the signer had no name */
      if (recipients->len > 0 && signer->len == 0 && g_str_has_prefix (left, "-"))
        g_string_append_printf (recipients, "\n%s", left);
      else if (recipients->len == 0)
        g_string_append (recipients, left);
      else if (line[0] != '\0' && (is_upper_line (line) || signer->len > 0))
        g_string_append_printf (signer, "%s%s", signer->len > 0 ? "\n" : "", line);
      else if (line[0] == '\0' && signer->len > 0)
        g_string_append_c (signer, '\n');   /* the space for the signature */
      else if (line[0] != '\0')
        break;
      /* the right-hand half of a tabbed line is the signer's */
      for (guint i = 1; halves[0] != NULL && halves[i] != NULL; i++)
        {
          g_autofree char *right = flatten (halves[i]);
          if (right[0] != '\0')
            g_string_append_printf (signer, "%s%s", signer->len > 0 ? "\n" : "", right);
        }
      r->next++;
      if (signer->len > 0 && !is_upper_line (line) && line[0] != '\0' &&
          !g_str_has_prefix (left, "-"))
        break;
    }
  read_recipients (r, recipients->str);
  if (signer->len > 0)
    read_signer (r, signer->str);
}

/* ---- appendices --------------------------------------------------------------------------- */

static PlanAppendix *
start_appendix (Recognizer *r,
                const char *label,
                const char *title_start)
{
  g_autoptr(PlanAppendix) appendix = plan_appendix_new (title_start != NULL ? title_start : "");
  GListStore *appendices = G_LIST_STORE (plan_document_get_appendices (r->document));

  if (label == NULL)
    g_object_set (appendix, "label-mode", PLAN_LABEL_NONE, NULL);
  else
    {
      if (phrase_equal (label, "Phụ lục") &&
          g_list_model_get_n_items (G_LIST_MODEL (appendices)) == 0)
        g_object_set (appendix, "label-mode", PLAN_LABEL_AUTO, NULL);
      else
        g_object_set (appendix, "label-mode", PLAN_LABEL_CUSTOM, "label", label, NULL);
    }
  g_object_set (appendix, "reference-mode", PLAN_REFERENCE_NONE, NULL);
  /* A landscape section where the appendix starts makes a landscape appendix */
  PlanDocxBlock *block = peek (r);
  if (block != NULL && block->section < r->content->sections->len &&
      g_array_index (r->content->sections, PlanDocxSection, block->section).landscape)
    g_object_set (appendix, "orientation", PLAN_ORIENTATION_LANDSCAPE, NULL);
  g_list_store_append (appendices, appendix);
  r->report->n_appendices++;
  return appendix;
}

static void
recognize_appendices (Recognizer *r)
{
  PlanAppendix *appendix = NULL;
  g_autoptr(GString) table_title = g_string_new (NULL);
  g_autoptr(GString) table_note = g_string_new (NULL);
  gboolean in_title = FALSE;

  for (PlanDocxBlock *block; (block = peek (r)) != NULL; r->next++)
    {
      g_autofree char *line = NULL;
      g_autoptr(GMatchInfo) info = NULL;

      if (block->table != NULL)
        {
          if (appendix == NULL)
            appendix = start_appendix (r, NULL, "");
          g_autoptr(PlanTable) table = build_table (block->table);
          g_autoptr(PlanItem) item = plan_item_new_table (table);
          g_object_set (table, "title", table_title->str, "note", table_note->str, NULL);
          r->outline = G_LIST_STORE (plan_appendix_get_content (appendix));
          if (table_title->len > 0)
            g_array_set_size (r->open, 0);
          add_item (r, item);
          guint columns = plan_table_get_n_columns (table);
          g_array_append_val (r->report->appendix_tables, columns);
          g_string_truncate (table_title, 0);
          g_string_truncate (table_note, 0);
          in_title = FALSE;
          continue;
        }
      if (block_is_empty (block))
        {
          in_title = FALSE;
          continue;
        }
      line = block_line (block);

      if (matches (appendix_label_rule, line, &info))
        {
          g_autofree char *label = g_match_info_fetch (info, 1);
          g_autofree char *rest = g_match_info_fetch (info, 2);
          /* "Phụ lục số 01:" alone on its line is kept as typed */
          if (rest[0] == '\0')
            {
              g_free (label);
              label = g_strdup (line);
            }
          appendix = start_appendix (r, label, rest);
          g_array_set_size (r->open, 0);
          r->at_top = FALSE;
          in_title = TRUE;
          continue;
        }
      g_clear_pointer (&info, g_match_info_free);
      if (appendix == NULL)
        {
          /* An appendix without a label: its title comes first */
          appendix = start_appendix (r, NULL, matches (form_label_rule, line, NULL) ? "" : line);
          g_array_set_size (r->open, 0);
          in_title = !matches (form_label_rule, line, NULL);
          if (in_title)
            continue;
        }
      if (matches (reference_rule, line, &info))
        {
          /* As typed: runs of spaces are the blanks of a number and date not yet given */
          g_autofree char *typed = g_strstrip (g_strdup (plan_text_get_plain (block->text)));
          gsize typed_length = strlen (typed);
          g_autofree char *reference = typed[0] == '(' && typed[typed_length - 1] == ')'
                                         ? g_strstrip (g_strndup (typed + 1, typed_length - 2))
                                         : g_match_info_fetch (info, 1);
          g_autofree char *automatic = NULL;
          g_autofree char *printed = NULL;

          /* The line the plan would write itself (our own Word export, with blank space for a
           * day not yet given, or an older one with "…") stays automatic */
          g_object_set (appendix, "reference-mode", PLAN_REFERENCE_AUTO, NULL);
          automatic = plan_document_dup_appendix_reference (r->document, appendix);
          printed = plan_document_dup_printed_appendix_reference (r->document, appendix);
          if (g_strcmp0 (automatic, typed) != 0 && g_strcmp0 (printed, typed) != 0)
            g_object_set (appendix, "reference-mode", PLAN_REFERENCE_CUSTOM,
                          "reference", reference, NULL);
          in_title = FALSE;
          continue;
        }
      g_clear_pointer (&info, g_match_info_free);
      if (matches (form_label_rule, line, NULL))
        {
          g_string_assign (table_title, line);
          in_title = FALSE;
          continue;
        }
      if (table_title->len > 0 && line[0] == '(')
        {
          g_string_assign (table_note, line);
          continue;
        }
      MarkerType type;
      if (in_title && typed_marker_length (r, line, &type) == 0 && block->number == NULL)
        {
          const char *title = plan_appendix_get_title (appendix);
          g_autofree char *joined = title[0] != '\0' ? g_strconcat (title, "\n", line, NULL)
                                                     : g_strdup (line);
          g_object_set (appendix, "title", joined, NULL);
          continue;
        }
      in_title = FALSE;
      /* A form title with no table under it stays as text */
      if (table_title->len > 0)
        {
          g_autoptr(PlanItem) item = plan_item_new (PLAN_ITEM_PARAGRAPH, NULL);
          plan_item_append_paragraph (item, table_title->str);
          r->outline = G_LIST_STORE (plan_appendix_get_content (appendix));
          add_item (r, item);
          g_string_truncate (table_title, 0);
        }
      r->outline = G_LIST_STORE (plan_appendix_get_content (appendix));
      outline_paragraph (r, block);
    }
  if (table_title->len > 0 && appendix != NULL)
    {
      g_autoptr(PlanItem) item = plan_item_new (PLAN_ITEM_PARAGRAPH, NULL);
      plan_item_append_paragraph (item, table_title->str);
      g_list_store_append (G_LIST_STORE (plan_appendix_get_content (appendix)), item);
    }
}

/* ---- the whole document ------------------------------------------------------------------- */

static void
recognize_preamble (Recognizer *r)
{
  GListStore *preamble = G_LIST_STORE (plan_document_get_preamble (r->document));

  skip_empty (r);
  for (PlanDocxBlock *block; (block = peek (r)) != NULL && block->text != NULL; r->next++)
    {
      g_autofree char *line = NULL;
      MarkerType type;
      PlanDocxBlock *after;

      if (block_is_empty (block))
        continue;
      line = block_line (block);
      if (typed_marker_length (r, line, &type) > 0 || is_closing_start (block))
        break;
      if (!matches (preamble_rule, line, NULL))
        {
          /* The lead-in: one paragraph just before the outline, or one that ends with ":" */
          guint saved = r->next++;
          skip_empty (r);
          after = peek (r);
          g_autofree char *next_line = after != NULL && after->text != NULL ? block_line (after) : NULL;
          r->next = saved;
          if (!g_str_has_suffix (line, ":") &&
              (next_line == NULL || typed_marker_length (r, next_line, &type) == 0))
            break;
        }
      g_autoptr(PlanText) text = text_slice (block->text, 0, strlen (plan_text_get_plain (block->text)));
      g_autoptr(PlanParagraph) paragraph = NULL;

      /* A "Căn cứ" line prints in italic whatever it holds: all in italic, it is stored plain */
      if (g_str_has_prefix (line, "Căn cứ") && is_all_italic (text))
        {
          g_autoptr(PlanText) plain = plan_text_new (plan_text_get_plain (text));

          g_clear_pointer (&text, plan_text_unref);
          text = g_steal_pointer (&plain);
        }
      paragraph = plan_paragraph_new (text);
      g_list_store_append (preamble, paragraph);
      r->report->n_preamble++;
    }
}

static gboolean is_signature_table (Recognizer    *r,
                                    PlanDocxBlock *block);

static void
recognize_body (Recognizer *r)
{
  r->outline = G_LIST_STORE (plan_document_get_body (r->document));
  g_array_set_size (r->open, 0);
  for (PlanDocxBlock *block; (block = peek (r)) != NULL; r->next++)
    {
      if (is_closing_start (block) || (r->decision && is_signature_table (r, block)))
        return;
      if (block->table != NULL)
        {
          g_autoptr(PlanTable) table = build_table (block->table);
          g_autoptr(PlanItem) item = plan_item_new_table (table);
          add_item (r, item);
          continue;
        }
      if (block_is_empty (block))
        continue;
      if (block->origin != PLAN_DOCX_ORIGIN_BODY)
        {
          g_autoptr(PlanItem) item = plan_item_new (PLAN_ITEM_PARAGRAPH, NULL);
          g_autoptr(PlanText) text = text_slice (block->text, 0, strlen (plan_text_get_plain (block->text)));
          add_paragraph (item, text);
          add_item (r, item);
          plan_docx_report_add (r->report, TRUE, item, plan_text_get_plain (block->text),
                                block->origin == PLAN_DOCX_ORIGIN_TEXT_BOX
                                  ? _("Text of a text box")
                                  : _("Text of a footnote"));
          continue;
        }
      outline_paragraph (r, block);
    }
}

static void
count_items (Recognizer *r,
             GListModel *items)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PlanItem) item = g_list_model_get_item (items, i);
      PlanItemKind kind = plan_item_get_kind (item);
      if (kind == PLAN_ITEM_SECTION || kind == PLAN_ITEM_PART)
        r->report->n_sections++;
      else
        r->report->n_items++;
      count_items (r, plan_item_get_children (item));
    }
}

/* ---- the Word file's own markers ---------------------------------------------------------- */

static const PlanItemKind numbered_kinds[] = {
  PLAN_ITEM_PART, PLAN_ITEM_SECTION, PLAN_ITEM_NUMBERED, PLAN_ITEM_POINT, PLAN_ITEM_BULLET,
};

/* The list styles that could write @marker ("a/." → letters with "/."; "1.2." → nested
 * numbers), most likely first; none for a marker no style writes ("•", "*") */
static guint
candidate_styles (const char       *marker,
                  PlanMarkerFormat  formats[4],
                  char            **suffix_out)
{
  const char *end = marker + strlen (marker);
  const char *body_end = end;
  gboolean nested = FALSE, digits = TRUE, roman = TRUE;
  gunichar first = g_utf8_get_char (marker);

  *suffix_out = NULL;
  if (g_str_equal (marker, "-"))
    return formats[0] = PLAN_MARKER_DASH, 1;
  if (g_str_equal (marker, "+"))
    return formats[0] = PLAN_MARKER_PLUS, 1;
  if (g_str_has_prefix (marker, "Phần") || g_str_has_prefix (marker, "PHẦN"))
    {
      *suffix_out = g_strdup ("");
      return formats[0] = PLAN_MARKER_PART_WORD, 1;
    }
  while (body_end > marker && strchr ("./)", body_end[-1]) != NULL)
    body_end--;
  if (body_end == marker)
    return 0;
  for (const char *p = marker; p < body_end; p++)
    {
      if (*p == '.' && p > marker && g_ascii_isdigit (p[-1]))
        nested = TRUE;
      else if (!g_ascii_isdigit (*p))
        digits = FALSE;
      if (strchr ("IVXLC", *p) == NULL)
        roman = FALSE;
    }
  if (strlen (body_end) > PLAN_FILE_MAX_MARKER_SUFFIX)
    return 0;
  *suffix_out = g_strdup (body_end);
  if (digits)
    return formats[0] = nested ? PLAN_MARKER_DECIMAL_NESTED : PLAN_MARKER_DECIMAL, 1;
  if (roman)
    return formats[0] = PLAN_MARKER_ROMAN, formats[1] = PLAN_MARKER_LETTER_UPPER,
           formats[2] = PLAN_MARKER_LETTER_UPPER_LATIN, 3;
  if (g_unichar_isupper (first))
    return formats[0] = PLAN_MARKER_LETTER_UPPER, formats[1] = PLAN_MARKER_LETTER_UPPER_LATIN, 2;
  if (g_unichar_islower (first))
    return formats[0] = PLAN_MARKER_LETTER, formats[1] = PLAN_MARKER_LETTER_LATIN, 2;
  g_clear_pointer (suffix_out, g_free);
  return 0;
}

/* Items of @kind in @items whose computed marker is not the Word file's */
static guint
count_differences (Recognizer   *r,
                   GListModel   *items,
                   PlanItem     *parent,
                   const char   *parent_number,
                   PlanItemKind  kind)
{
  g_auto(GStrv) markers = plan_numbering_markers (r->document, items, parent, parent_number);
  guint n = 0;

  for (guint i = 0; markers[i] != NULL; i++)
    {
      g_autoptr(PlanItem) item = g_list_model_get_item (items, i);
      const char *source = g_hash_table_lookup (r->source_markers, item);
      if (plan_item_get_kind (item) == kind && source != NULL && !g_str_equal (source, markers[i]))
        n++;
    }
  return n;
}

static const char *
item_excerpt (PlanItem *item)
{
  const char *heading = plan_text_get_plain (plan_item_get_heading (item));
  GListModel *paragraphs = plan_item_get_paragraphs (item);

  if (heading[0] != '\0' || g_list_model_get_n_items (paragraphs) == 0)
    return heading;
  g_autoptr(PlanParagraph) first = g_list_model_get_item (paragraphs, 0);
  return plan_text_get_plain (plan_paragraph_get_text (first));
}

/* Keeps the Word file's markers: where the app would number a list otherwise, the list takes
 * the style its first marker shows ("a." → letters with "."; "a, b, c, d, e" → the Latin
 * letters); an item the style still numbers otherwise (a skipped or repeated number, "•")
 * keeps its marker as written, and the summary says so. */
static void
keep_source_markers (Recognizer *r,
                     GListModel *items,
                     PlanItem   *parent,
                     const char *parent_number)
{
  for (gsize k = 0; k < G_N_ELEMENTS (numbered_kinds); k++)
    {
      PlanItemKind kind = numbered_kinds[k];
      guint best = count_differences (r, items, parent, parent_number, kind);
      PlanItem *first = NULL;
      const char *first_marker = NULL;
      PlanMarkerFormat formats[4], best_format = PLAN_MARKER_AUTO;
      g_autofree char *suffix = NULL;
      guint n_formats;

      if (best == 0)
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (items) && first == NULL; i++)
        {
          g_autoptr(PlanItem) item = g_list_model_get_item (items, i);
          if (plan_item_get_kind (item) == kind &&
              (first_marker = g_hash_table_lookup (r->source_markers, item)) != NULL)
            first = item;
        }
      if (first == NULL)
        continue;
      n_formats = candidate_styles (first_marker, formats, &suffix);
      for (guint f = 0; f < n_formats && best > 0; f++)
        {
          guint n;
          g_object_set (first, "marker-format", formats[f], "marker-suffix",
                        suffix != NULL ? suffix : "", NULL);
          n = count_differences (r, items, parent, parent_number, kind);
          if (n < best)
            {
              best = n;
              best_format = formats[f];
            }
        }
      g_object_set (first, "marker-format", best_format,
                    "marker-suffix", best_format != PLAN_MARKER_AUTO && suffix != NULL ? suffix : "",
                    NULL);
    }

  g_auto(GStrv) markers = plan_numbering_markers (r->document, items, parent, parent_number);
  for (guint i = 0; markers[i] != NULL; i++)
    {
      g_autoptr(PlanItem) item = g_list_model_get_item (items, i);
      const char *source = g_hash_table_lookup (r->source_markers, item);
      g_autofree char *prefix = NULL;

      if (source != NULL && !g_str_equal (source, markers[i]) &&
          (g_utf8_strlen (source, -1) > PLAN_FILE_MAX_MARKER || strchr (source, '\n') != NULL))
        {
          /* Longer than a plan's marker can be: the plan numbers it */
          plan_docx_report_add (r->report, FALSE, item, item_excerpt (item),
                                _("The Word file's marker “%s” is too long to keep; the plan "
                                  "numbers it “%s”"), source, markers[i]);
          prefix = plan_numbering_child_prefix (item, markers[i]);
        }
      else if (source != NULL && !g_str_equal (source, markers[i]))
        {
          plan_docx_report_add (r->report, FALSE, item, item_excerpt (item),
                                _("The Word file's marker “%s” is kept as written (the plan "
                                  "would number it “%s”)"), source, markers[i]);
          g_object_set (item, "marker", source, NULL);
          prefix = plan_numbering_child_prefix (item, source);
        }
      else
        prefix = plan_numbering_child_prefix (item, markers[i]);
      keep_source_markers (r, plan_item_get_children (item), item, prefix);
    }
}

/* ---- a decision issuing the plan ---------------------------------------------------------- */

/* A borderless closing table without a "Nơi nhận": one row, an empty cell and the signer's
 * (capitals, then a name), as a plan issued by a decision ends (Mẫu 1.3) */
static gboolean
is_signature_table (Recognizer    *r,
                    PlanDocxBlock *block)
{
  PlanDocxRow *row;
  gboolean any_empty = FALSE;
  guint n_signer = 0;

  if (block->table == NULL || block->table->rows->len != 1)
    return FALSE;
  row = g_ptr_array_index (block->table->rows, 0);
  if (row->cells->len == 0 || row->cells->len > 2)
    return FALSE;
  for (guint c = 0; c < row->cells->len; c++)
    {
      PlanDocxCell *cell = g_ptr_array_index (row->cells, c);
      g_auto(GStrv) lines = g_strsplit (cell->text, "\n", -1);
      g_autofree char *first = flatten (lines[0] != NULL ? lines[0] : "");

      if (first[0] == '\0')
        any_empty = TRUE;
      /* the authority and title in capitals, then the name in mixed case */
      else if (is_upper_line (first) && g_strv_length (lines) >= 2 && g_strv_length (lines) <= 8 &&
               !is_upper_line (lines[g_strv_length (lines) - 1]))
        n_signer++;
    }
  return n_signer == 1 && (any_empty || row->cells->len == 1);
}

/* @text with no run in italic */
static PlanText *
text_without_italic (PlanText *text)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (PlanRun));

  for (guint i = 0; i < plan_text_get_n_runs (text); i++)
    {
      PlanRun run;

      run.text = plan_text_get_run (text, i, &run.style);
      run.style &= ~PLAN_STYLE_ITALIC;
      g_array_append_val (runs, run);
    }
  return plan_text_new_from_runs ((PlanRun *) runs->data, runs->len);
}

/* @text with @more after it on a new line (a paragraph that continues an article) */
static PlanText *
text_join (PlanText *text,
           PlanText *more)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (PlanRun));
  PlanRun line_break = { "\n", 0 };

  for (guint i = 0; i < plan_text_get_n_runs (text); i++)
    {
      PlanRun run;

      run.text = plan_text_get_run (text, i, &run.style);
      g_array_append_val (runs, run);
    }
  g_array_append_val (runs, line_break);
  for (guint i = 0; i < plan_text_get_n_runs (more); i++)
    {
      PlanRun run;

      run.text = plan_text_get_run (more, i, &run.style);
      g_array_append_val (runs, run);
    }
  return plan_text_new_from_runs ((PlanRun *) runs->data, runs->len);
}

/* The authority line(s) in bold capitals, the bases ("Căn cứ …", "Theo đề nghị …"), the
 * centred "QUYẾT ĐỊNH:", then the articles up to the closing */
static void
recognize_decision_body (Recognizer   *r,
                         PlanDecision *decision)
{
  GListStore *preamble = G_LIST_STORE (plan_decision_get_preamble (decision));
  GListStore *articles = G_LIST_STORE (plan_decision_get_articles (decision));
  g_autoptr(GString) authority = g_string_new (plan_decision_get_authority (decision));
  PlanArticle *article = NULL;
  gboolean decides = FALSE;

  for (PlanDocxBlock *block; (block = peek (r)) != NULL; r->next++)
    {
      g_autofree char *line = NULL;
      g_autoptr(GMatchInfo) info = NULL;
      g_autoptr(PlanText) text = NULL;
      gsize length;

      if (block->table != NULL || is_closing_start (block))
        break;
      if (block_is_empty (block))
        continue;
      line = block_line (block);
      length = strlen (plan_text_get_plain (block->text));

      if (!decides && phrase_equal (line, "QUYẾT ĐỊNH"))
        {
          decides = TRUE;
          continue;
        }
      if (!decides && matches (preamble_rule, line, NULL))
        {
          g_autoptr(PlanParagraph) paragraph = NULL;

          text = text_slice (block->text, 0, length);
          /* The bases print in italic whatever they hold: all in italic, they are stored
           * without it (a bold or underlined word in them stays so) */
          if (is_all_italic (text))
            {
              g_autoptr(PlanText) upright = text_without_italic (text);

              g_clear_pointer (&text, plan_text_unref);
              text = g_steal_pointer (&upright);
            }
          paragraph = plan_paragraph_new (text);
          g_list_store_append (preamble, paragraph);
          continue;
        }
      if (!decides && g_list_model_get_n_items (G_LIST_MODEL (preamble)) == 0 &&
          (is_upper_line (line) ||
           ((block->alignment == PLAN_ALIGN_CENTER ||
             g_strcmp0 (block->style_id, PLAN_DOCX_STYLE_AUTHORITY) == 0) &&
            bold_prefix (block->text) == strlen (plan_text_get_plain (block->text)))) &&
          !matches (article_rule, line, NULL))
        {
          /* The authority, above the bases: one or more lines in capitals (typed, or by
           * the paragraph's form) */
          g_string_append_printf (authority, "%s%s", authority->len > 0 ? "\n" : "", line);
          continue;
        }
      if (matches (article_rule, plan_text_get_plain (block->text), &info))
        {
          g_autofree char *label = NULL;
          g_autofree char *computed = NULL;
          int end;

          g_match_info_fetch_pos (info, 0, NULL, &end);
          label = g_strstrip (g_match_info_fetch (info, 0));
          text = text_slice (block->text, (gsize) end, length);
          article = plan_article_new (text);
          /* "Điều 2." where it is the second stays computed; any other label is kept */
          computed = plan_article_dup_printed_label (article,
                                                     g_list_model_get_n_items (G_LIST_MODEL (articles)));
          if (!g_str_equal (label, computed))
            g_object_set (article, "label", label, NULL);
          g_list_store_append (articles, article);
          g_object_unref (article);
          r->report->n_articles++;
          continue;
        }
      text = text_slice (block->text, 0, length);
      if (article != NULL)
        {
          /* A further paragraph of the article (its points): on a new line of its text */
          g_autoptr(PlanText) joined = text_join (plan_article_get_text (article), text);

          g_object_set (article, "text", joined, NULL);
          plan_docx_report_add (r->report, FALSE, article, line,
                                _("A paragraph after an article was joined to it as a new line"));
          continue;
        }
      /* Neither a basis nor an article: kept with the bases, and said */
      {
        g_autoptr(PlanParagraph) paragraph = plan_paragraph_new (text);

        g_list_store_append (preamble, paragraph);
        plan_docx_report_add (r->report, TRUE, decision, line,
                              _("A paragraph of the decision that is neither a basis nor an "
                                "article was kept with its bases"));
      }
    }
  g_object_set (decision, "authority", authority->str, NULL);
  if (!decides)
    plan_docx_report_add (r->report, FALSE, decision, NULL,
                          _("No “QUYẾT ĐỊNH:” line was found before the articles"));
  if (g_list_model_get_n_items (G_LIST_MODEL (articles)) == 0)
    plan_docx_report_add (r->report, FALSE, decision, NULL,
                          _("No article (“Điều 1. …”) was found in the decision"));
}

/* The plan issued by the decision: its header block again (without a number: the decision's is
 * kept), its type name and title, and the "(Ban hành kèm theo Quyết định số … của …)" line,
 * whose issuer gives the authority as typed when the decision prints it in capitals */
static void
recognize_issued_plan_start (Recognizer   *r,
                             PlanDecision *decision)
{
  PlanDocxBlock *block;

  skip_empty (r);
  block = peek (r);
  if (block != NULL && block->table != NULL && table_mentions (block->table, header_table_rule))
    r->next++;
  else
    {
      /* A header typed as paragraphs: what stands before the type name */
      for (guint end = r->next; end < r->content->blocks->len && end < r->next + 12; end++)
        {
          PlanDocxBlock *candidate = g_ptr_array_index (r->content->blocks, end);
          g_autofree char *line = candidate->text != NULL ? block_line (candidate) : NULL;
          g_auto(GStrv) lines = line != NULL ? g_strsplit (line, "\n", 2) : NULL;

          /* (an empty paragraph splits into no line at all) */
          if (lines != NULL && lines[0] != NULL && is_type_name (lines[0]))
            {
              r->next = end;
              break;
            }
        }
    }

  /* The plan's own type name and title */
  recognize_title (r);

  skip_empty (r);
  block = peek (r);
  if (block != NULL && block->text != NULL)
    {
      g_autofree char *line = block_line (block);
      g_autoptr(GMatchInfo) info = NULL;

      if (matches (issuing_rule, line, NULL))
        {
          r->next++;
          if (matches (issuer_rule, line, &info))
            {
              g_autofree char *issuer = g_match_info_fetch (info, 1);
              const char *authority = plan_decision_get_authority (decision);

              /* Only the same words, in the case the decision's capitals hid */
              if (strchr (authority, '\n') == NULL && phrase_equal (issuer, authority))
                g_object_set (decision, "authority", issuer, NULL);
            }
        }
      else
        plan_docx_report_add (r->report, FALSE, NULL, line,
                              _("No “(Ban hành kèm theo Quyết định …)” line was found under the "
                                "plan's title"));
    }
}

/* A Word file whose type name is "QUYẾT ĐỊNH" and whose title issues a plan ("Ban hành Kế
 * hoạch …") is a decision issuing a plan: the decision's parts go to the decision, then the
 * plan's header, type name, title and issuing line are read, and the plan goes on as any
 * plan. Returns FALSE, having read nothing, for any other Word file. */
static gboolean
recognize_decision (Recognizer *r)
{
  PlanDecision *decision = plan_document_get_decision (r->document);
  PlanDocxBlock *block;
  guint start;
  const char *doc_type;
  g_autofree char *first = NULL;
  g_autofree char *title = NULL;

  skip_empty (r);
  start = r->next;
  block = peek (r);
  if (block == NULL || block->text == NULL)
    return FALSE;
  first = block_line (block);
  {
    g_auto(GStrv) lines = g_strsplit (first, "\n", 2);

    if (lines[0] == NULL || !phrase_equal (lines[0], "QUYẾT ĐỊNH"))
      return FALSE;
  }
  recognize_title (r);
  title = g_strdup (plan_document_get_title (r->document));
  if (!matches (decision_title_rule, title, NULL))
    {
      /* Not a decision issuing a plan: read as any document */
      r->next = start;
      g_object_set (r->document, "title", "", NULL);
      return FALSE;
    }

  r->decision = TRUE;
  r->report->decision = TRUE;
  g_object_set (r->document, "kind", PLAN_DOCUMENT_KIND_DECISION, NULL);
  /* The number read in the header is the decision's: its type code too */
  doc_type = plan_document_get_doc_type (r->document);
  g_object_set (decision, "doc-type", g_str_equal (doc_type, "KH") ? "QĐ" : doc_type, NULL);
  g_object_set (r->document, "doc-type", "KH", NULL);

  /* The title's last lines in capitals, with no rule between, are the authority */
  {
    g_auto(GStrv) lines = g_strsplit (title, "\n", -1);
    guint n = g_strv_length (lines), split = n;
    g_autoptr(GString) kept = g_string_new (NULL);
    g_autoptr(GString) authority = g_string_new (NULL);

    while (split > 1 && is_upper_line (lines[split - 1]))
      split--;
    for (guint i = 0; i < n; i++)
      {
        GString *part = i < split ? kept : authority;

        g_string_append_printf (part, "%s%s", part->len > 0 ? "\n" : "", lines[i]);
      }
    g_object_set (decision, "title", kept->str, "authority", authority->str, NULL);
    g_object_set (r->document, "title", "", NULL);
  }

  recognize_decision_body (r, decision);
  /* A decision without a closing goes on with the plan's header table: that is no closing */
  skip_empty (r);
  if (peek (r) != NULL && is_closing_start (peek (r)))
    recognize_closing (r);
  else
    plan_docx_report_add (r->report, FALSE, decision, NULL,
                          _("No “Nơi nhận” and signer were found after the decision's articles"));
  /* What the closing read is the decision's Nơi nhận; the signer is the same for both */
  {
    GListStore *from = G_LIST_STORE (plan_document_get_recipients (r->document));
    GListStore *to = G_LIST_STORE (plan_decision_get_recipients (decision));

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (from)); i++)
      {
        g_autoptr(PlanRecipient) recipient = g_list_model_get_item (G_LIST_MODEL (from), i);

        g_list_store_append (to, recipient);
      }
    g_list_store_remove_all (from);
    g_object_set (decision, "archive", plan_document_get_archive (r->document), NULL);
    g_object_set (r->document, "archive", "", NULL);
  }

  recognize_issued_plan_start (r, decision);
  return TRUE;
}

static gboolean
margin_in_range (double value,
                 double min,
                 double max)
{
  /* Word stores whole twentieths of a point: allow for the rounding */
  return value >= min - 0.3 && value <= max + 0.3;
}

static void
apply_sections (Recognizer *r,
                guint       body_section)
{
  PlanDocxSection *section = &g_array_index (r->content->sections, PlanDocxSection,
                                             MIN (body_section, r->content->sections->len - 1));
  gboolean any_restart = FALSE;

  /* Sections after the body's (appendices) that all go on with its page numbers */
  for (guint i = body_section + 1; i < r->content->sections->len; i++)
    any_restart |= g_array_index (r->content->sections, PlanDocxSection, i).restarts_numbering;
  if (body_section + 1 < r->content->sections->len && !any_restart &&
      g_list_model_get_n_items (plan_document_get_appendices (r->document)) > 0)
    g_object_set (r->document, "appendix-page-numbering", PLAN_PAGE_NUMBERING_CONTINUE, NULL);
  if (section->has_margins)
    {
      if (margin_in_range (section->margin_top, PLAN_MARGIN_TOP_MIN, PLAN_MARGIN_TOP_MAX) &&
          margin_in_range (section->margin_bottom, PLAN_MARGIN_BOTTOM_MIN, PLAN_MARGIN_BOTTOM_MAX) &&
          margin_in_range (section->margin_left, PLAN_MARGIN_LEFT_MIN, PLAN_MARGIN_LEFT_MAX) &&
          margin_in_range (section->margin_right, PLAN_MARGIN_RIGHT_MIN, PLAN_MARGIN_RIGHT_MAX))
        g_object_set (r->document,
                      "margin-top", CLAMP (section->margin_top, PLAN_MARGIN_TOP_MIN, PLAN_MARGIN_TOP_MAX),
                      "margin-bottom", CLAMP (section->margin_bottom, PLAN_MARGIN_BOTTOM_MIN, PLAN_MARGIN_BOTTOM_MAX),
                      "margin-left", CLAMP (section->margin_left, PLAN_MARGIN_LEFT_MIN, PLAN_MARGIN_LEFT_MAX),
                      "margin-right", CLAMP (section->margin_right, PLAN_MARGIN_RIGHT_MIN, PLAN_MARGIN_RIGHT_MAX),
                      NULL);
      else
        plan_docx_report_add (r->report, FALSE, NULL, NULL,
                              _("The Word file's margins (top %.0f, bottom %.0f, left %.0f, right "
                                "%.0f mm) are outside the decree's ranges; the decree's defaults "
                                "are used"),
                              section->margin_top, section->margin_bottom,
                              section->margin_left, section->margin_right);
    }
}

static void
report_content (Recognizer *r)
{
  PlanDocxContent *c = r->content;
  if (c->n_images > 0)
    plan_docx_report_add (r->report, FALSE, NULL, NULL,
                          g_dngettext (GETTEXT_PACKAGE, "%u image or drawing was left out",
                                       "%u images or drawings were left out", c->n_images),
                          c->n_images);
  if (c->n_comments > 0)
    plan_docx_report_add (r->report, FALSE, NULL, NULL,
                          g_dngettext (GETTEXT_PACKAGE, "%u comment was left out",
                                       "%u comments were left out", c->n_comments),
                          c->n_comments);
  if (c->n_insertions > 0)
    plan_docx_report_add (r->report, FALSE, NULL, NULL,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u tracked insertion was accepted (its text is kept)",
                                       "%u tracked insertions were accepted (their text is kept)",
                                       c->n_insertions), c->n_insertions);
  if (c->n_deletions > 0)
    plan_docx_report_add (r->report, FALSE, NULL, NULL,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u tracked deletion was accepted (its text is left out)",
                                       "%u tracked deletions were accepted (their text is left out)",
                                       c->n_deletions), c->n_deletions);
  if (c->n_fields > 0)
    plan_docx_report_add (r->report, FALSE, NULL, NULL,
                          g_dngettext (GETTEXT_PACKAGE, "%u field was kept as the text it showed",
                                       "%u fields were kept as the text they showed",
                                       c->n_fields), c->n_fields);
}

PlanDocument *
plan_docx_recognize (PlanDocxContent *content,
                     PlanDocxReport  *report)
{
  Recognizer r = { 0 };
  guint body_start;

  r.content = content;
  r.report = report;
  r.document = plan_document_new ();
  r.open = g_array_new (FALSE, FALSE, sizeof (OpenItem));
  r.source_markers = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  for (gsize i = 0; i < G_N_ELEMENTS (marker_rules); i++)
    {
      r.markers[i] = g_regex_new (marker_rules[i].pattern, G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (r.markers[i] != NULL);
    }
  /* A new plan starts with the template's layout; the Word file decides the rest */
  g_object_set (r.document, "doc-type", "KH", NULL);
  /* The Word file's own closing "./." stays in its text */
  g_object_set (r.document, "end-marker", FALSE, NULL);

  recognize_header (&r);
  recognize_circulation (&r);
  if (!recognize_decision (&r))
    recognize_title (&r);
  recognize_preamble (&r);
  body_start = r.next;
  recognize_body (&r);
  recognize_closing (&r);
  recognize_appendices (&r);

  /* Our own export's "./." is the plan's end marker (a "./." typed in Word stays text) */
  for (guint i = 0; i < content->blocks->len; i++)
    if (((PlanDocxBlock *) g_ptr_array_index (content->blocks, i))->end_marker)
      g_object_set (r.document, "end-marker", TRUE, NULL);

  {
    PlanDocxBlock *first = body_start < content->blocks->len
                             ? g_ptr_array_index (content->blocks, body_start) : NULL;
    apply_sections (&r, first != NULL ? first->section : 0);
  }
  count_items (&r, plan_document_get_body (r.document));
  keep_source_markers (&r, plan_document_get_body (r.document), NULL, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (plan_document_get_appendices (r.document)); i++)
    {
      g_autoptr(PlanAppendix) appendix = g_list_model_get_item (plan_document_get_appendices (r.document), i);
      keep_source_markers (&r, plan_appendix_get_content (appendix), NULL, NULL);
    }
  report_content (&r);

  for (gsize i = 0; i < G_N_ELEMENTS (marker_rules); i++)
    g_regex_unref (r.markers[i]);
  g_hash_table_unref (r.source_markers);
  g_array_unref (r.open);
  plan_document_clear_undo (r.document);
  plan_document_set_unmodified (r.document);
  return r.document;
}
