/* plan-json-write.c: writing a plan in the file format's canonical form (docs/file-format.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "plan-doc-type.h"
#include "plan-json.h"
#include "plan-json-private.h"


/* ============================================================================================
 * Saving: a small writer of our own, because the format's canonical form (member order,
 * shortest numbers, rows and runs on one line) is part of the contract.
 * ========================================================================================== */

typedef struct {
  GString *out;
  GArray  *stack;    /* WriterLevel */
  int      version;  /* the lowest format version that holds what was written so far */
} Writer;

typedef struct {
  gboolean first;
  gboolean oneline;
} WriterLevel;

static void
writer_newline (Writer *w)
{
  g_string_append_c (w->out, '\n');
  for (guint i = 0; i < w->stack->len; i++)
    g_string_append (w->out, "  ");
}

static WriterLevel *
writer_top (Writer *w)
{
  return w->stack->len > 0 ? &g_array_index (w->stack, WriterLevel, w->stack->len - 1) : NULL;
}

/* Separator before a member or element. */
static void
writer_next (Writer *w)
{
  WriterLevel *top = writer_top (w);

  if (top == NULL)
    return;

  if (!top->first)
    g_string_append_c (w->out, ',');

  if (top->oneline)
    {
      if (!top->first)
        g_string_append_c (w->out, ' ');
    }
  else
    {
      writer_newline (w);
    }

  top->first = FALSE;
}

static void
writer_string_literal (Writer     *w,
                       const char *str)
{
  g_string_append_c (w->out, '"');
  for (const char *p = str; *p != '\0'; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"':
          g_string_append (w->out, "\\\"");
          break;
        case '\\':
          g_string_append (w->out, "\\\\");
          break;
        case '\n':
          g_string_append (w->out, "\\n");
          break;
        case '\t':
          g_string_append (w->out, "\\t");
          break;
        case '\r':
          g_string_append (w->out, "\\r");
          break;
        case '\b':
          g_string_append (w->out, "\\b");
          break;
        case '\f':
          g_string_append (w->out, "\\f");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (w->out, "\\u%04x", c);
          else
            g_string_append_c (w->out, c);
        }
    }
  g_string_append_c (w->out, '"');
}

/* Starts a member of the current object; the value follows. */
static void
writer_member (Writer     *w,
               const char *name)
{
  writer_next (w);
  writer_string_literal (w, name);
  g_string_append (w->out, ": ");
}

/* Starts an element of the current array (or the top-level value). */
static void
writer_element (Writer *w)
{
  writer_next (w);
}

static void
writer_open (Writer   *w,
             char      bracket,
             gboolean  oneline)
{
  WriterLevel level = { TRUE, oneline };
  WriterLevel *top = writer_top (w);

  /* Inside a one-line container everything stays on the line. */
  if (top != NULL && top->oneline)
    level.oneline = TRUE;

  g_string_append_c (w->out, bracket);
  g_array_append_val (w->stack, level);
}

static void
writer_close (Writer *w,
              char    bracket)
{
  WriterLevel level = *writer_top (w);

  g_array_set_size (w->stack, w->stack->len - 1);
  if (!level.first && !level.oneline)
    writer_newline (w);
  g_string_append_c (w->out, bracket);
}

static void
write_string (Writer     *w,
              const char *name,
              const char *value)
{
  writer_member (w, name);
  writer_string_literal (w, value != NULL ? value : "");
}

static void
write_boolean (Writer     *w,
               const char *name,
               gboolean    value)
{
  writer_member (w, name);
  g_string_append (w->out, value ? "true" : "false");
}

static void
write_integer (Writer     *w,
               const char *name,
               gint64      value)
{
  writer_member (w, name);
  g_string_append_printf (w->out, "%" G_GINT64_FORMAT, value);
}

static void
write_double (Writer     *w,
              const char *name,
              double      value)
{
  g_autofree char *text = plan_json_format_double (value);

  writer_member (w, name);
  g_string_append (w->out, text);
}

static void
write_name (Writer             *w,
            const char         *name,
            const char * const *names,
            int                 value)
{
  g_assert (value >= 0 && value < (int) g_strv_length ((char **) names));

  write_string (w, name, names[value]);
}

static void
write_time (Writer     *w,
            const char *name,
            gint64      value)
{
  g_autoptr(GDateTime) time = value != 0 ? g_date_time_new_from_unix_utc (value) : NULL;

  if (time == NULL)
    {
      writer_member (w, name);
      g_string_append (w->out, "null");
    }
  else
    {
      g_autofree char *text = g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");

      write_string (w, name, text);
    }
}

/* The text as a plain string when it has no formatting, else as a list of runs. */
static void
write_text_value (Writer   *w,
                  PlanText *text)
{
  guint n_runs = text != NULL ? plan_text_get_n_runs (text) : 0;
  PlanStyle style = 0;

  if (n_runs == 1)
    plan_text_get_run (text, 0, &style);

  if (n_runs == 0 || (n_runs == 1 && style == 0))
    {
      writer_string_literal (w, text != NULL ? plan_text_get_plain (text) : "");
      return;
    }

  writer_open (w, '[', FALSE);
  for (guint i = 0; i < n_runs; i++)
    {
      const char *run = plan_text_get_run (text, i, &style);

      writer_element (w);
      writer_open (w, '{', TRUE);
      write_string (w, "text", run);
      if (style & PLAN_STYLE_BOLD)
        write_boolean (w, "bold", TRUE);
      if (style & PLAN_STYLE_ITALIC)
        write_boolean (w, "italic", TRUE);
      if (style & PLAN_STYLE_UNDERLINE)
        write_boolean (w, "underline", TRUE);
      writer_close (w, '}');
    }
  writer_close (w, ']');
}

static void
write_paragraphs (Writer     *w,
                  const char *name,
                  GListModel *paragraphs)
{
  writer_member (w, name);
  writer_open (w, '[', FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(PlanParagraph) paragraph = g_list_model_get_item (paragraphs, i);

      writer_element (w);
      if (plan_paragraph_get_alignment (paragraph) == PLAN_ALIGN_JUSTIFY &&
          plan_paragraph_get_indent (paragraph))
        {
          write_text_value (w, plan_paragraph_get_text (paragraph));
          continue;
        }

      /* Format 2: the paragraph with its form */
      writer_open (w, '{', FALSE);
      writer_member (w, "text");
      write_text_value (w, plan_paragraph_get_text (paragraph));
      if (plan_paragraph_get_alignment (paragraph) != PLAN_ALIGN_JUSTIFY)
        write_name (w, "align", plan_json_alignment_names,
                    plan_paragraph_get_alignment (paragraph));
      if (!plan_paragraph_get_indent (paragraph))
        write_boolean (w, "indent", FALSE);
      writer_close (w, '}');
      w->version = MAX (w->version, 2);
    }
  writer_close (w, ']');
}

static void
write_recipients (Writer     *w,
                  GListModel *recipients)
{
  writer_member (w, "recipients");
  writer_open (w, '[', FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (recipients); i++)
    {
      g_autoptr(PlanRecipient) recipient = g_list_model_get_item (recipients, i);

      writer_element (w);
      writer_open (w, '{', TRUE);
      write_string (w, "name", plan_recipient_get_name (recipient));
      write_string (w, "purpose", plan_recipient_get_purpose (recipient));
      writer_close (w, '}');
    }
  writer_close (w, ']');
}

/* Format 2: the decision that issues the plan; its presence makes the file a decision. */
static void
write_decision (Writer       *w,
                PlanDecision *decision)
{
  GListModel *articles = plan_decision_get_articles (decision);

  writer_member (w, "decision");
  writer_open (w, '{', FALSE);
  write_string (w, "doc-type", plan_decision_get_doc_type (decision));
  write_string (w, "title", plan_decision_get_title (decision));
  write_string (w, "authority", plan_decision_get_authority (decision));
  write_paragraphs (w, "preamble", plan_decision_get_preamble (decision));
  writer_member (w, "articles");
  writer_open (w, '[', FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(PlanArticle) article = g_list_model_get_item (articles, i);

      writer_element (w);
      writer_open (w, '{', FALSE);
      if (plan_article_get_label (article)[0] != '\0')
        write_string (w, "label", plan_article_get_label (article));
      writer_member (w, "text");
      write_text_value (w, plan_article_get_text (article));
      writer_close (w, '}');
    }
  writer_close (w, ']');
  write_recipients (w, plan_decision_get_recipients (decision));
  write_string (w, "archive", plan_decision_get_archive (decision));
  writer_close (w, '}');
  w->version = MAX (w->version, 2);
}

static void
write_rows (Writer     *w,
            const char *name,
            GListModel *rows)
{
  writer_member (w, name);
  writer_open (w, '[', FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PlanRow) row = g_list_model_get_item (rows, i);
      GListModel *cells = plan_row_get_cells (row);

      writer_element (w);
      writer_open (w, '[', TRUE);
      for (guint c = 0; c < g_list_model_get_n_items (cells); c++)
        {
          g_autoptr(PlanCell) cell = g_list_model_get_item (cells, c);
          PlanMerge merge = plan_cell_get_merge (cell);

          writer_element (w);
          if (merge == PLAN_MERGE_NONE)
            {
              writer_string_literal (w, plan_cell_get_text (cell));
            }
          else
            {
              writer_open (w, '{', TRUE);
              write_name (w, "merge", plan_json_merge_names, merge);
              writer_close (w, '}');
            }
        }
      writer_close (w, ']');
    }
  writer_close (w, ']');
}

/* "header-styles": one name per header row, only when one is not bold */
static void
write_header_styles (Writer     *w,
                     GListModel *header_rows)
{
  guint n = g_list_model_get_n_items (header_rows);
  gboolean all_bold = TRUE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlanRow) row = g_list_model_get_item (header_rows, i);

      all_bold = all_bold && plan_row_get_header_style (row) == PLAN_HEADER_BOLD;
    }
  if (all_bold)
    return;

  writer_member (w, "header-styles");
  writer_open (w, '[', TRUE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlanRow) row = g_list_model_get_item (header_rows, i);

      writer_element (w);
      writer_string_literal (w, plan_json_header_style_names[plan_row_get_header_style (row)]);
    }
  writer_close (w, ']');
  w->version = MAX (w->version, 2);
}

static void
write_table (Writer    *w,
             PlanTable *table)
{
  GListModel *columns = plan_table_get_columns (table);

  writer_open (w, '{', FALSE);
  write_string (w, "title", plan_table_get_title (table));
  write_string (w, "note", plan_table_get_note (table));
  write_boolean (w, "numbered", plan_table_get_numbered (table));
  /* Format 2 members, written only when not at their default */
  if (plan_table_get_font_size (table) != 0)
    {
      write_integer (w, "font-size", plan_table_get_font_size (table));
      w->version = MAX (w->version, 2);
    }
  if (plan_table_get_vertical_alignment (table) != PLAN_VALIGN_TOP)
    {
      write_name (w, "vertical-align", plan_json_vertical_alignment_names,
                  plan_table_get_vertical_alignment (table));
      w->version = MAX (w->version, 2);
    }
  if (!plan_table_get_repeat_header (table))
    {
      write_boolean (w, "repeat-header", FALSE);
      w->version = MAX (w->version, 2);
    }

  writer_member (w, "columns");
  writer_open (w, '[', FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(PlanColumn) column = g_list_model_get_item (columns, i);

      writer_element (w);
      writer_open (w, '{', TRUE);
      write_double (w, "width", plan_column_get_width (column));
      write_name (w, "align", plan_json_alignment_names, plan_column_get_alignment (column));
      writer_close (w, '}');
    }
  writer_close (w, ']');

  write_rows (w, "header-rows", plan_table_get_header_rows (table));
  write_header_styles (w, plan_table_get_header_rows (table));
  write_rows (w, "rows", plan_table_get_rows (table));
  if (plan_table_get_footnote (table)[0] != '\0')
    {
      write_string (w, "footnote", plan_table_get_footnote (table));
      w->version = MAX (w->version, 2);
    }
  writer_close (w, '}');
}

static void write_items (Writer *w, const char *name, GListModel *items);

/* Members at their default value are left out, except "kind". */
static void
write_item (Writer   *w,
            PlanItem *item)
{
  PlanItemKind kind = plan_item_get_kind (item);
  PlanTable *table = plan_item_get_table (item);
  PlanText *heading = plan_item_get_heading (item);

  writer_open (w, '{', FALSE);
  write_name (w, "kind", plan_json_item_kind_names, kind);

  if (kind == PLAN_ITEM_TABLE)
    {
      writer_member (w, "table");
      if (table != NULL)
        {
          write_table (w, table);
        }
      else
        {
          /* A table item is always built with its table; keep the file loadable anyway. */
          g_autoptr(PlanTable) empty = plan_table_new (1);

          write_table (w, empty);
        }
    }
  else
    {
      if (heading != NULL && !plan_text_is_empty (heading))
        {
          writer_member (w, "heading");
          write_text_value (w, heading);
        }
      if (plan_item_get_run_in (item))
        write_boolean (w, "run-in", TRUE);
      if (plan_item_get_marker_format (item) != PLAN_MARKER_AUTO)
        {
          write_name (w, "marker-format", plan_json_marker_format_names,
                      plan_item_get_marker_format (item));
          write_string (w, "marker-suffix", plan_item_get_marker_suffix (item));
          w->version = MAX (w->version, 2);
        }
      if (plan_item_get_marker (item)[0] != '\0')
        {
          write_string (w, "marker", plan_item_get_marker (item));
          w->version = MAX (w->version, 2);
        }
      if (g_list_model_get_n_items (plan_item_get_paragraphs (item)) > 0)
        write_paragraphs (w, "paragraphs", plan_item_get_paragraphs (item));
      if (g_list_model_get_n_items (plan_item_get_children (item)) > 0)
        write_items (w, "children", plan_item_get_children (item));
    }

  writer_close (w, '}');
}

static void
write_items (Writer     *w,
             const char *name,
             GListModel *items)
{
  writer_member (w, name);
  writer_open (w, '[', FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PlanItem) item = g_list_model_get_item (items, i);

      writer_element (w);
      write_item (w, item);
    }
  writer_close (w, ']');
}

static int
get_enum (gpointer    object,
          const char *property)
{
  int value = 0;

  g_object_get (object, property, &value, NULL);
  return value;
}

static void
write_review (Writer     *w,
              PlanReview *review)
{
  GListModel *comments = plan_review_get_comments (review);
  GListModel *history = plan_review_get_history (review);
  const char *name = plan_review_get_approval_name (review);
  const char *title = plan_review_get_approval_title (review);
  const char *key_id = plan_review_get_approval_key_id (review);
  const char *signature = plan_review_get_approval_signature (review);
  gint64 approval_time = plan_review_get_approval_time (review);
  const char *public_key = plan_review_get_approval_public_key (review);
  GListModel *parts = plan_review_get_approved_parts (review);

  writer_open (w, '{', FALSE);
  write_name (w, "status", plan_json_status_names, plan_review_get_status (review));

  writer_member (w, "comments");
  writer_open (w, '[', FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (comments); i++)
    {
      g_autoptr(PlanComment) comment = g_list_model_get_item (comments, i);

      writer_element (w);
      writer_open (w, '{', FALSE);
      write_string (w, "id", plan_comment_get_id (comment));
      write_string (w, "target", plan_comment_get_target (comment));
      write_string (w, "author", plan_comment_get_author (comment));
      write_name (w, "role", plan_json_role_names, plan_comment_get_role (comment));
      write_time (w, "time", plan_comment_get_time (comment));
      write_string (w, "text", plan_comment_get_text (comment));
      write_string (w, "reply-to", plan_comment_get_reply_to (comment));
      write_boolean (w, "resolved", plan_comment_get_resolved (comment));
      writer_close (w, '}');
    }
  writer_close (w, ']');

  writer_member (w, "history");
  writer_open (w, '[', FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(PlanEvent) event = g_list_model_get_item (history, i);

      writer_element (w);
      writer_open (w, '{', FALSE);
      write_string (w, "actor", plan_event_get_actor (event));
      write_string (w, "actor-title", plan_event_get_actor_title (event));
      write_name (w, "role", plan_json_role_names, plan_event_get_role (event));
      write_time (w, "time", plan_event_get_time (event));
      write_name (w, "action", plan_json_status_names, plan_event_get_action (event));
      write_string (w, "note", plan_event_get_note (event));
      writer_close (w, '}');
    }
  writer_close (w, ']');

  writer_member (w, "approval");
  if (name[0] == '\0' && title[0] == '\0' && key_id[0] == '\0' && signature[0] == '\0' &&
      public_key[0] == '\0' && approval_time == 0 && g_list_model_get_n_items (parts) == 0)
    {
      g_string_append (w->out, "null");
    }
  else
    {
      writer_open (w, '{', FALSE);
      write_string (w, "name", name);
      write_string (w, "title", title);
      write_string (w, "key-id", key_id);
      write_string (w, "public-key", public_key);
      write_string (w, "signature", signature);
      write_time (w, "time", approval_time);
      writer_member (w, "parts");
      writer_open (w, '[', FALSE);
      for (guint i = 0; i < g_list_model_get_n_items (parts); i++)
        {
          g_autoptr(PlanApprovedPart) part = g_list_model_get_item (parts, i);

          writer_element (w);
          writer_open (w, '{', FALSE);
          write_string (w, "id", plan_approved_part_get_id (part));
          write_string (w, "label", plan_approved_part_get_label (part));
          write_string (w, "digest", plan_approved_part_get_digest (part));
          writer_close (w, '}');
        }
      writer_close (w, ']');
      writer_close (w, '}');
    }

  writer_close (w, '}');
}

GBytes *
plan_json_save_bytes (PlanDocument *document)
{
  Writer w;
  GListModel *appendices;
  guint year, month, day;
  double top, bottom, left, right;
  gsize length;
  gsize version_offset;

  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), NULL);

  w.out = g_string_sized_new (16 * 1024);
  w.stack = g_array_new (FALSE, FALSE, sizeof (WriterLevel));
  w.version = 1;

  writer_open (&w, '{', FALSE);
  write_string (&w, "format", PLAN_FILE_FORMAT_NAME);
  /* Written as 1 and raised below once the members written show which version they need
   * (a single digit, so raising it changes no other byte). */
  write_integer (&w, "version", 1);
  version_offset = w.out->len - 1;
  G_STATIC_ASSERT (PLAN_FILE_FORMAT_VERSION <= 9);

  writer_member (&w, "header");
  writer_open (&w, '{', FALSE);
  write_string (&w, "parent-agency", plan_document_get_parent_agency (document));
  write_string (&w, "agency", plan_document_get_agency (document));
  write_string (&w, "agency-abbrev", plan_document_get_agency_abbrev (document));
  write_string (&w, "doc-type", plan_document_get_doc_type (document));
  write_integer (&w, "number", plan_document_get_number (document));
  write_string (&w, "place", plan_document_get_place (document));
  plan_document_get_date (document, &year, &month, &day);
  writer_member (&w, "date");
  writer_open (&w, '{', TRUE);
  write_integer (&w, "year", year);
  write_integer (&w, "month", month);
  write_integer (&w, "day", day);
  writer_close (&w, '}');
  write_string (&w, "title", plan_document_get_title (document));
  write_name (&w, "urgency", plan_json_urgency_names, get_enum (document, "urgency"));
  write_name (&w, "secrecy", plan_json_secrecy_names, get_enum (document, "secrecy"));
  {
    g_autofree char *circulation = NULL;

    g_object_get (document, "circulation", &circulation, NULL);
    write_string (&w, "circulation", circulation);
  }
  writer_close (&w, '}');

  if (plan_document_get_kind (document) == PLAN_DOCUMENT_KIND_DECISION)
    write_decision (&w, plan_document_get_decision (document));

  write_paragraphs (&w, "preamble", plan_document_get_preamble (document));

  writer_member (&w, "body");
  writer_open (&w, '{', FALSE);
  writer_member (&w, "numbering");
  writer_open (&w, '{', TRUE);
  write_name (&w, "part", plan_json_part_style_names, get_enum (document, "part-style"));
  write_name (&w, "numbered", plan_json_numbered_style_names, get_enum (document, "numbered-style"));
  write_name (&w, "point", plan_json_point_style_names, get_enum (document, "point-style"));
  writer_close (&w, '}');
  write_boolean (&w, "end-marker", plan_document_get_end_marker (document));
  write_items (&w, "items", plan_document_get_body (document));
  writer_close (&w, '}');

  writer_member (&w, "closing");
  writer_open (&w, '{', FALSE);
  write_recipients (&w, plan_document_get_recipients (document));
  write_string (&w, "archive", plan_document_get_archive (document));
  writer_member (&w, "signer");
  writer_open (&w, '{', FALSE);
  write_string (&w, "authority", plan_document_get_signer_authority (document));
  write_string (&w, "title", plan_document_get_signer_title (document));
  write_string (&w, "name", plan_document_get_signer_name (document));
  write_string (&w, "notes", plan_document_get_signer_notes (document));
  if (plan_document_get_signer_notes_bold (document))
    {
      write_boolean (&w, "notes-bold", TRUE);
      w.version = MAX (w.version, 2);
    }
  writer_close (&w, '}');
  writer_close (&w, '}');

  appendices = plan_document_get_appendices (document);
  writer_member (&w, "appendices");
  writer_open (&w, '[', FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (appendices); i++)
    {
      g_autoptr(PlanAppendix) appendix = g_list_model_get_item (appendices, i);

      writer_element (&w);
      writer_open (&w, '{', FALSE);
      write_name (&w, "label-mode", plan_json_label_mode_names, plan_appendix_get_label_mode (appendix));
      write_string (&w, "label", plan_appendix_get_label (appendix));
      write_string (&w, "title", plan_appendix_get_title (appendix));
      write_name (&w, "reference-mode", plan_json_reference_mode_names,
                  plan_appendix_get_reference_mode (appendix));
      write_string (&w, "reference", plan_appendix_get_reference (appendix));
      write_name (&w, "orientation", plan_json_orientation_names, plan_appendix_get_orientation (appendix));
      write_items (&w, "content", plan_appendix_get_content (appendix));
      writer_close (&w, '}');
    }
  writer_close (&w, ']');

  plan_document_get_margins (document, &top, &bottom, &left, &right);
  writer_member (&w, "layout");
  writer_open (&w, '{', FALSE);
  write_double (&w, "margin-top", top);
  write_double (&w, "margin-bottom", bottom);
  write_double (&w, "margin-left", left);
  write_double (&w, "margin-right", right);
  write_double (&w, "font-size", plan_document_get_font_size (document));
  write_double (&w, "line-spacing", plan_document_get_line_spacing (document));
  write_double (&w, "paragraph-spacing", plan_document_get_paragraph_spacing (document));
  write_double (&w, "first-line-indent", plan_document_get_first_line_indent (document));
  if (plan_document_get_appendix_page_numbering (document) != PLAN_PAGE_NUMBERING_RESTART)
    {
      write_name (&w, "appendix-page-numbers", plan_json_page_numbering_names,
                  plan_document_get_appendix_page_numbering (document));
      w.version = MAX (w.version, 2);
    }
  write_boolean (&w, "draft-watermark", plan_document_get_draft_watermark (document));
  writer_close (&w, '}');

  writer_member (&w, "review");
  write_review (&w, plan_document_get_review (document));

  writer_close (&w, '}');
  g_string_append_c (w.out, '\n');

  g_assert (w.out->str[version_offset] == '1');
  w.out->str[version_offset] = '0' + w.version;

  g_array_unref (w.stack);
  length = w.out->len;
  return g_bytes_new_take (g_string_free (w.out, FALSE), length);
}

