/* plan-document.c: a whole plan (Kế hoạch) and the only way to change it with undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gobject/gvaluecollector.h>
#include <string.h>

#include "plan-comment-paths.h"
#include "plan-doc-type.h"
#include "plan-document.h"
#include "plan-enums.h"
#include "plan-format.h"
#include "plan-node-private.h"
#include "plan-undo.h"

/* How a number is printed before it is assigned: room to write it in by hand. */
#define NO_NUMBER "      "

struct _PlanDocument
{
  PlanNode    parent_instance;

  GListStore *preamble;
  GListStore *body;
  GListStore *recipients;
  GListStore *appendices;

  PlanUndo   *undo;
};

G_DEFINE_FINAL_TYPE (PlanDocument, plan_document, PLAN_TYPE_NODE)

enum {
  PROP_0,
  /* Header */
  PROP_PARENT_AGENCY,
  PROP_AGENCY,
  PROP_AGENCY_ABBREV,
  PROP_DOC_TYPE,
  PROP_NUMBER,
  PROP_PLACE,
  PROP_DATE_YEAR,
  PROP_DATE_MONTH,
  PROP_DATE_DAY,
  PROP_TITLE,
  PROP_URGENCY,
  PROP_SECRECY,
  PROP_CIRCULATION,
  /* Body */
  PROP_END_MARKER,
  PROP_NUMBERED_STYLE,
  PROP_POINT_STYLE,
  PROP_PART_STYLE,
  /* Closing */
  PROP_ARCHIVE,
  PROP_SIGNER_AUTHORITY,
  PROP_SIGNER_TITLE,
  PROP_SIGNER_NAME,
  PROP_SIGNER_NOTES,
  PROP_SIGNER_NOTES_BOLD,
  PROP_APPENDIX_PAGE_NUMBERING,
  /* Layout */
  PROP_MARGIN_TOP,
  PROP_MARGIN_BOTTOM,
  PROP_MARGIN_LEFT,
  PROP_MARGIN_RIGHT,
  PROP_FONT_SIZE,
  PROP_LINE_SPACING,
  PROP_PARAGRAPH_SPACING,
  PROP_FIRST_LINE_INDENT,
  PROP_DRAFT_WATERMARK,
  /* Kind */
  PROP_KIND,
  PROP_DECISION,
  /* Other */
  PROP_REVIEW,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static void (*plan_document_node_get_property) (GObject *, guint, GValue *, GParamSpec *);

#define RW_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
undo_changed_cb (PlanDocument *self,
                 PlanUndo     *undo)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
undo_notify_cb (PlanDocument *self,
                GParamSpec   *pspec,
                PlanUndo     *undo)
{
  if (g_strcmp0 (pspec->name, "can-undo") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  else if (g_strcmp0 (pspec->name, "can-redo") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  else if (g_strcmp0 (pspec->name, "modified") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
plan_document_constructed (GObject *object)
{
  PlanDocument *self = PLAN_DOCUMENT (object);

  G_OBJECT_CLASS (plan_document_parent_class)->constructed (object);

  if (plan_node_get_object (PLAN_NODE (self), PROP_REVIEW) == NULL)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      /* "review" is construct-only: store the default through PlanNode directly. */
      g_value_init (&value, PLAN_TYPE_REVIEW);
      g_value_take_object (&value, plan_review_new ());
      G_OBJECT_GET_CLASS (object)->set_property (object, PROP_REVIEW, &value,
                                                 properties[PROP_REVIEW]);
    }

  if (plan_node_get_object (PLAN_NODE (self), PROP_DECISION) == NULL)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      /* Always there, so that switching the kind and back loses nothing (and is undone). */
      g_value_init (&value, PLAN_TYPE_DECISION);
      g_value_take_object (&value, plan_decision_new ());
      G_OBJECT_GET_CLASS (object)->set_property (object, PROP_DECISION, &value,
                                                 properties[PROP_DECISION]);
    }
}

static void
plan_document_dispose (GObject *object)
{
  PlanDocument *self = PLAN_DOCUMENT (object);

  if (self->undo != NULL)
    g_signal_handlers_disconnect_by_data (self->undo, self);
  g_clear_object (&self->undo);
  g_clear_object (&self->preamble);
  g_clear_object (&self->body);
  g_clear_object (&self->recipients);
  g_clear_object (&self->appendices);

  G_OBJECT_CLASS (plan_document_parent_class)->dispose (object);
}

static void
plan_document_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PlanDocument *self = PLAN_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, plan_document_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, plan_document_can_redo (self));
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, plan_document_get_modified (self));
      break;

    default:
      /* Everything else lives in PlanNode's storage. */
      plan_document_node_get_property (object, prop_id, value, pspec);
    }
}

static GParamSpec *
string_pspec (const char *name,
              const char *default_value)
{
  return g_param_spec_string (name, NULL, NULL, default_value, RW_FLAGS);
}

static GParamSpec *
double_pspec (const char *name,
              double      min,
              double      max,
              double      default_value)
{
  return g_param_spec_double (name, NULL, NULL, min, max, default_value, RW_FLAGS);
}

static void
plan_document_class_init (PlanDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = plan_document_constructed;
  object_class->dispose = plan_document_dispose;

  properties[PROP_PARENT_AGENCY] = string_pspec ("parent-agency", "");
  properties[PROP_AGENCY] = string_pspec ("agency", "");
  properties[PROP_AGENCY_ABBREV] = string_pspec ("agency-abbrev", "");
  properties[PROP_DOC_TYPE] = string_pspec ("doc-type", "KH");
  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0, RW_FLAGS);
  properties[PROP_PLACE] = string_pspec ("place", "");
  properties[PROP_DATE_YEAR] =
    g_param_spec_uint ("date-year", NULL, NULL, 0, 9999, 0, RW_FLAGS);
  properties[PROP_DATE_MONTH] =
    g_param_spec_uint ("date-month", NULL, NULL, 0, 12, 0, RW_FLAGS);
  properties[PROP_DATE_DAY] =
    g_param_spec_uint ("date-day", NULL, NULL, 0, 31, 0, RW_FLAGS);
  properties[PROP_TITLE] = string_pspec ("title", "");
  properties[PROP_URGENCY] =
    g_param_spec_enum ("urgency", NULL, NULL,
                       PLAN_TYPE_URGENCY, PLAN_URGENCY_NONE, RW_FLAGS);
  properties[PROP_SECRECY] =
    g_param_spec_enum ("secrecy", NULL, NULL,
                       PLAN_TYPE_SECRECY, PLAN_SECRECY_NONE, RW_FLAGS);
  properties[PROP_CIRCULATION] = string_pspec ("circulation", "");

  properties[PROP_END_MARKER] =
    g_param_spec_boolean ("end-marker", NULL, NULL, TRUE, RW_FLAGS);
  properties[PROP_NUMBERED_STYLE] =
    g_param_spec_enum ("numbered-style", NULL, NULL,
                       PLAN_TYPE_NUMBERED_STYLE, PLAN_NUMBERED_DOT, RW_FLAGS);
  properties[PROP_POINT_STYLE] =
    g_param_spec_enum ("point-style", NULL, NULL,
                       PLAN_TYPE_POINT_STYLE, PLAN_POINT_PAREN, RW_FLAGS);
  properties[PROP_PART_STYLE] =
    g_param_spec_enum ("part-style", NULL, NULL,
                       PLAN_TYPE_PART_STYLE, PLAN_PART_LETTER, RW_FLAGS);

  properties[PROP_ARCHIVE] = string_pspec ("archive", "");
  properties[PROP_SIGNER_AUTHORITY] = string_pspec ("signer-authority", "");
  properties[PROP_SIGNER_TITLE] = string_pspec ("signer-title", "");
  properties[PROP_SIGNER_NAME] = string_pspec ("signer-name", "");
  properties[PROP_SIGNER_NOTES] = string_pspec ("signer-notes", "");
  properties[PROP_SIGNER_NOTES_BOLD] =
    g_param_spec_boolean ("signer-notes-bold", NULL, NULL, FALSE, RW_FLAGS);
  properties[PROP_APPENDIX_PAGE_NUMBERING] =
    g_param_spec_enum ("appendix-page-numbering", NULL, NULL, PLAN_TYPE_PAGE_NUMBERING,
                       PLAN_PAGE_NUMBERING_RESTART, RW_FLAGS);

  properties[PROP_MARGIN_TOP] =
    double_pspec ("margin-top", PLAN_MARGIN_TOP_MIN, PLAN_MARGIN_TOP_MAX,
                  PLAN_MARGIN_TOP_DEFAULT);
  properties[PROP_MARGIN_BOTTOM] =
    double_pspec ("margin-bottom", PLAN_MARGIN_BOTTOM_MIN, PLAN_MARGIN_BOTTOM_MAX,
                  PLAN_MARGIN_BOTTOM_DEFAULT);
  properties[PROP_MARGIN_LEFT] =
    double_pspec ("margin-left", PLAN_MARGIN_LEFT_MIN, PLAN_MARGIN_LEFT_MAX,
                  PLAN_MARGIN_LEFT_DEFAULT);
  properties[PROP_MARGIN_RIGHT] =
    double_pspec ("margin-right", PLAN_MARGIN_RIGHT_MIN, PLAN_MARGIN_RIGHT_MAX,
                  PLAN_MARGIN_RIGHT_DEFAULT);
  properties[PROP_FONT_SIZE] =
    double_pspec ("font-size", PLAN_FONT_SIZE_MIN, PLAN_FONT_SIZE_MAX, 14.0);
  /* Single spacing is the decree's minimum and what the official forms use. */
  properties[PROP_LINE_SPACING] =
    double_pspec ("line-spacing", PLAN_LINE_SPACING_MIN, PLAN_LINE_SPACING_MAX, 1.0);
  properties[PROP_PARAGRAPH_SPACING] =
    double_pspec ("paragraph-spacing", PLAN_PARAGRAPH_SPACING_MIN, PLAN_PARAGRAPH_SPACING_MAX,
                  6.0);
  /* The decree allows 1 cm or 1.27 cm. */
  properties[PROP_FIRST_LINE_INDENT] =
    double_pspec ("first-line-indent", 10.0, 12.7, 10.0);
  properties[PROP_DRAFT_WATERMARK] =
    g_param_spec_boolean ("draft-watermark", NULL, NULL, TRUE, RW_FLAGS);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, PLAN_TYPE_DOCUMENT_KIND, PLAN_DOCUMENT_KIND_PLAN,
                       RW_FLAGS);
  properties[PROP_DECISION] =
    g_param_spec_object ("decision", NULL, NULL,
                         PLAN_TYPE_DECISION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REVIEW] =
    g_param_spec_object ("review", NULL, NULL,
                         PLAN_TYPE_REVIEW,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  plan_node_class_install_properties (PLAN_NODE_CLASS (klass), N_PROPS, properties);

  /* Installing gave us PlanNode's storage; the undo state is answered here instead. */
  plan_document_node_get_property = object_class->get_property;
  object_class->get_property = plan_document_get_property;

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
plan_document_init (PlanDocument *self)
{
  self->preamble = g_list_store_new (PLAN_TYPE_PARAGRAPH);
  self->body = g_list_store_new (PLAN_TYPE_ITEM);
  self->recipients = g_list_store_new (PLAN_TYPE_RECIPIENT);
  self->appendices = g_list_store_new (PLAN_TYPE_APPENDIX);

  self->undo = plan_undo_new (G_OBJECT (self));
  g_signal_connect_object (self->undo, "changed",
                           G_CALLBACK (undo_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo, "notify",
                           G_CALLBACK (undo_notify_cb), self, G_CONNECT_SWAPPED);
}

PlanDocument *
plan_document_new (void)
{
  return g_object_new (PLAN_TYPE_DOCUMENT, NULL);
}

static PlanItem *
append_section (PlanDocument *self,
                const char   *heading)
{
  g_autoptr(PlanItem) section = plan_item_new (PLAN_ITEM_SECTION, heading);

  g_list_store_append (self->body, section);
  return section;
}

PlanDocument *
plan_document_new_template (void)
{
  PlanDocument *self = plan_document_new ();
  PlanItem *purpose;
  g_autoptr(PlanItem) aim = plan_item_new (PLAN_ITEM_NUMBERED, "Mục đích");
  g_autoptr(PlanItem) requirement = plan_item_new (PLAN_ITEM_NUMBERED, "Yêu cầu");

  purpose = append_section (self, "MỤC ĐÍCH, YÊU CẦU");
  plan_item_append_child (purpose, aim);
  plan_item_append_child (purpose, requirement);
  append_section (self, "NỘI DUNG");
  append_section (self, "KINH PHÍ");
  append_section (self, "TỔ CHỨC THỰC HIỆN");

  g_object_set (self, "archive", "VT", NULL);

  return self;
}

/* The usual form of a school's or an office's decision issuing a plan: "…" marks what the
 * clerk fills in. */
static const char * const decision_bases[] = {
  "Căn cứ …;",
  "Căn cứ …;",
  "Theo đề nghị của ….",
};
static const char * const decision_articles[] = {
  "Ban hành kèm theo Quyết định này Kế hoạch ….",
  "Quyết định này có hiệu lực kể từ ngày ký.",
  "… chịu trách nhiệm thi hành Quyết định này.",
};
#define DECISION_EXECUTORS "Như Điều 3"

/* The decision is numbered; the plan it issues has no number nor Nơi nhận. */
PlanDocument *
plan_document_new_decision_template (void)
{
  PlanDocument *self = plan_document_new_template ();
  PlanDecision *decision = plan_document_get_decision (self);
  g_autoptr(PlanRecipient) recipient = plan_recipient_new (DECISION_EXECUTORS, "");

  g_object_set (self, "kind", PLAN_DOCUMENT_KIND_DECISION, "archive", "", NULL);
  g_object_set (decision, "title", "Ban hành Kế hoạch …", "archive", "VT", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (decision_bases); i++)
    {
      g_autoptr(PlanParagraph) paragraph = plan_paragraph_new_plain (decision_bases[i]);

      g_list_store_append (G_LIST_STORE (plan_decision_get_preamble (decision)), paragraph);
    }
  for (guint i = 0; i < G_N_ELEMENTS (decision_articles); i++)
    {
      g_autoptr(PlanArticle) article = plan_article_new_plain (decision_articles[i]);

      g_list_store_append (G_LIST_STORE (plan_decision_get_articles (decision)), article);
    }
  g_list_store_append (G_LIST_STORE (plan_decision_get_recipients (decision)), recipient);

  return self;
}

/* The plan's title as the decision cites it: on one line, its first letter in lower case
 * ("Ban hành Kế hoạch tuyên truyền …") unless it starts an abbreviation ("CCHC …") */
static char *
dup_cited_title (PlanDocument *self)
{
  g_autofree char *title = g_strdup (plan_document_get_title (self));
  const char *second;

  g_strdelimit (title, "\n", ' ');
  g_strstrip (title);
  if (*title == '\0')
    return g_steal_pointer (&title);

  second = g_utf8_next_char (title);
  if (*second == '\0' || g_unichar_islower (g_utf8_get_char (second)))
    {
      g_autofree char *first = g_utf8_strdown (title, second - title);

      return g_strconcat (first, second, NULL);
    }
  return g_steal_pointer (&title);
}

static void
append_copies (PlanDocument *self,
               GListModel   *from,
               GListModel   *to,
               gboolean      skip_executors)
{
  for (guint i = 0; i < g_list_model_get_n_items (from); i++)
    {
      g_autoptr(PlanRecipient) recipient = g_list_model_get_item (from, i);
      g_autoptr(PlanRecipient) copy = NULL;

      if (skip_executors && g_str_has_prefix (plan_recipient_get_name (recipient), "Như Điều"))
        continue;
      copy = plan_recipient_new (plan_recipient_get_name (recipient),
                                 plan_recipient_get_purpose (recipient));
      plan_document_insert (self, to, g_list_model_get_n_items (to), copy);
    }
}

static void
clear_list (PlanDocument *self,
            GListModel   *list)
{
  while (g_list_model_get_n_items (list) > 0)
    plan_document_remove (self, list, g_list_model_get_n_items (list) - 1);
}

char *
plan_document_dup_default_authority (PlanDocument *self)
{
  g_autofree char *title = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *first = NULL;
  const char *rest;

  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), NULL);

  title = g_strdup (plan_document_get_signer_title (self));
  agency = g_strdup (plan_document_get_agency (self));
  g_strdelimit (title, "\n", ' ');
  g_strdelimit (agency, "\n", ' ');
  g_strstrip (title);
  g_strstrip (agency);
  if (*title == '\0' || *agency == '\0')
    return g_strdup ("");

  lower = g_utf8_strdown (title, -1);
  rest = g_utf8_next_char (lower);
  first = g_utf8_strup (lower, rest - lower);
  return g_strdup_printf ("%s%s %s", first, rest, agency);
}

void
plan_document_issue_by_decision (PlanDocument *self)
{
  PlanDecision *decision;
  GListModel *articles, *bases, *recipients, *plan_recipients;

  g_return_if_fail (PLAN_IS_DOCUMENT (self));

  if (plan_document_get_kind (self) == PLAN_DOCUMENT_KIND_DECISION)
    return;

  decision = plan_document_get_decision (self);
  articles = plan_decision_get_articles (decision);
  bases = plan_decision_get_preamble (decision);
  recipients = plan_decision_get_recipients (decision);
  plan_recipients = plan_document_get_recipients (self);

  plan_document_begin_group (self);

  /* A decision written before (and set aside by plan_document_remove_decision()) is kept. */
  if (g_list_model_get_n_items (articles) == 0 && g_list_model_get_n_items (bases) == 0)
    {
      g_autofree char *cited = dup_cited_title (self);
      g_autofree char *title = g_strdup_printf ("Ban hành Kế hoạch %s", *cited ? cited : "…");

      plan_document_set (self, decision, "title", title, NULL);
      if (*plan_decision_get_authority (decision) == '\0')
        {
          g_autofree char *authority = plan_document_dup_default_authority (self);

          plan_document_set (self, decision, "authority", authority, NULL);
        }
      for (guint i = 0; i < G_N_ELEMENTS (decision_bases); i++)
        {
          g_autoptr(PlanParagraph) paragraph = plan_paragraph_new_plain (decision_bases[i]);

          plan_document_insert (self, bases, i, paragraph);
        }
      for (guint i = 0; i < G_N_ELEMENTS (decision_articles); i++)
        {
          g_autofree char *text = i == 0 && *cited
                                  ? g_strdup_printf ("Ban hành kèm theo Quyết định này Kế hoạch %s.", cited)
                                  : g_strdup (decision_articles[i]);
          g_autoptr(PlanArticle) article = plan_article_new_plain (text);

          plan_document_insert (self, articles, i, article);
        }
    }

  /* Whom the plan was sent to now receive the decision, with those who carry it out; the
   * plan it issues prints only its signature. */
  if (g_list_model_get_n_items (recipients) == 0)
    {
      const char *archive = plan_document_get_archive (self);
      g_autoptr(PlanRecipient) executors = plan_recipient_new (DECISION_EXECUTORS, "");

      append_copies (self, plan_recipients, recipients, FALSE);
      plan_document_insert (self, recipients, g_list_model_get_n_items (recipients), executors);
      plan_document_set (self, decision, "archive", *archive ? archive : "VT", NULL);
      clear_list (self, plan_recipients);
      plan_document_set (self, self, "archive", "", NULL);
    }

  /* A number given to the plan is not the decision's: the office numbers the decision. */
  plan_document_set (self, self, "kind", PLAN_DOCUMENT_KIND_DECISION, "number", 0, NULL);
  plan_document_end_group (self);
}

void
plan_document_remove_decision (PlanDocument *self)
{
  PlanDecision *decision;
  GListModel *plan_recipients;

  g_return_if_fail (PLAN_IS_DOCUMENT (self));

  if (plan_document_get_kind (self) != PLAN_DOCUMENT_KIND_DECISION)
    return;

  decision = plan_document_get_decision (self);
  plan_recipients = plan_document_get_recipients (self);

  plan_document_begin_group (self);
  /* The plan is sent where the decision was, but for "Như Điều 3": it has no articles. */
  if (g_list_model_get_n_items (plan_recipients) == 0 && *plan_document_get_archive (self) == '\0')
    {
      append_copies (self, plan_decision_get_recipients (decision), plan_recipients, TRUE);
      plan_document_set (self, self, "archive", plan_decision_get_archive (decision), NULL);
    }
  plan_document_set (self, self, "kind", PLAN_DOCUMENT_KIND_PLAN, "number", 0, NULL);
  plan_document_end_group (self);
}

const char *
plan_document_get_parent_agency (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_PARENT_AGENCY);
}

const char *
plan_document_get_agency (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_AGENCY);
}

const char *
plan_document_get_agency_abbrev (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_AGENCY_ABBREV);
}

const char *
plan_document_get_doc_type (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_DOC_TYPE);
}

guint
plan_document_get_number (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), 0);

  return plan_node_get_uint (PLAN_NODE (self), PROP_NUMBER);
}

const char *
plan_document_get_place (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_PLACE);
}

void
plan_document_get_date (PlanDocument *self,
                        guint        *year,
                        guint        *month,
                        guint        *day)
{
  g_return_if_fail (PLAN_IS_DOCUMENT (self));

  if (year != NULL)
    *year = plan_node_get_uint (PLAN_NODE (self), PROP_DATE_YEAR);
  if (month != NULL)
    *month = plan_node_get_uint (PLAN_NODE (self), PROP_DATE_MONTH);
  if (day != NULL)
    *day = plan_node_get_uint (PLAN_NODE (self), PROP_DATE_DAY);
}

const char *
plan_document_get_title (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_TITLE);
}

const char *
plan_document_get_archive (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_ARCHIVE);
}

const char *
plan_document_get_signer_authority (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_SIGNER_AUTHORITY);
}

const char *
plan_document_get_signer_title (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_SIGNER_TITLE);
}

const char *
plan_document_get_signer_name (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_SIGNER_NAME);
}

const char *
plan_document_get_signer_notes (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), NULL);

  return plan_node_get_string (PLAN_NODE (self), PROP_SIGNER_NOTES);
}

PlanPageNumbering
plan_document_get_appendix_page_numbering (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), PLAN_PAGE_NUMBERING_RESTART);

  return plan_node_get_enum (PLAN_NODE (self), PROP_APPENDIX_PAGE_NUMBERING);
}

gboolean
plan_document_get_signer_notes_bold (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), FALSE);

  return plan_node_get_boolean (PLAN_NODE (self), PROP_SIGNER_NOTES_BOLD);
}

gboolean
plan_document_get_end_marker (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), TRUE);

  return plan_node_get_boolean (PLAN_NODE (self), PROP_END_MARKER);
}

gboolean
plan_document_get_draft_watermark (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), TRUE);

  return plan_node_get_boolean (PLAN_NODE (self), PROP_DRAFT_WATERMARK);
}

double
plan_document_get_font_size (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), 14.0);

  return plan_node_get_double (PLAN_NODE (self), PROP_FONT_SIZE);
}

double
plan_document_get_line_spacing (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), 1.0);

  return plan_node_get_double (PLAN_NODE (self), PROP_LINE_SPACING);
}

double
plan_document_get_paragraph_spacing (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), 6.0);

  return plan_node_get_double (PLAN_NODE (self), PROP_PARAGRAPH_SPACING);
}

double
plan_document_get_first_line_indent (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), 10.0);

  return plan_node_get_double (PLAN_NODE (self), PROP_FIRST_LINE_INDENT);
}

void
plan_document_get_margins (PlanDocument *self,
                           double       *top,
                           double       *bottom,
                           double       *left,
                           double       *right)
{
  g_return_if_fail (PLAN_IS_DOCUMENT (self));

  if (top != NULL)
    *top = plan_node_get_double (PLAN_NODE (self), PROP_MARGIN_TOP);
  if (bottom != NULL)
    *bottom = plan_node_get_double (PLAN_NODE (self), PROP_MARGIN_BOTTOM);
  if (left != NULL)
    *left = plan_node_get_double (PLAN_NODE (self), PROP_MARGIN_LEFT);
  if (right != NULL)
    *right = plan_node_get_double (PLAN_NODE (self), PROP_MARGIN_RIGHT);
}

GListModel *
plan_document_get_preamble (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->preamble);
}

GListModel *
plan_document_get_body (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->body);
}

GListModel *
plan_document_get_recipients (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->recipients);
}

GListModel *
plan_document_get_appendices (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->appendices);
}

PlanDocumentKind
plan_document_get_kind (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), PLAN_DOCUMENT_KIND_PLAN);

  return plan_node_get_enum (PLAN_NODE (self), PROP_KIND);
}

PlanDecision *
plan_document_get_decision (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), NULL);

  return plan_node_get_object (PLAN_NODE (self), PROP_DECISION);
}

PlanReview *
plan_document_get_review (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), NULL);

  return plan_node_get_object (PLAN_NODE (self), PROP_REVIEW);
}

/* ---- Changing the plan with undo ---------------------------------------------------------- */

static GParamSpec *
find_settable_pspec (gpointer    object,
                     const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);

  if (pspec == NULL)
    {
      g_critical ("%s: %s has no property named '%s'",
                  G_STRFUNC, G_OBJECT_TYPE_NAME (object), property);
      return NULL;
    }
  if (!(pspec->flags & G_PARAM_WRITABLE) || (pspec->flags & G_PARAM_CONSTRUCT_ONLY))
    {
      g_critical ("%s: property '%s' of %s cannot be changed",
                  G_STRFUNC, property, G_OBJECT_TYPE_NAME (object));
      return NULL;
    }

  return pspec;
}

static void
set_value_internal (PlanDocument *self,
                    GObject      *object,
                    GParamSpec   *pspec,
                    const GValue *value)
{
  g_auto(GValue) old_value = G_VALUE_INIT;
  g_auto(GValue) new_value = G_VALUE_INIT;

  g_value_init (&old_value, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_object_get_property (object, pspec->name, &old_value);

  /* GObject validates the value (ranges, types) and PlanNode normalizes it; what was actually
   * stored is read back for the history. */
  g_object_set_property (object, pspec->name, value);

  g_value_init (&new_value, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_object_get_property (object, pspec->name, &new_value);

  if (_plan_node_values_differ (pspec, &old_value, &new_value))
    plan_undo_record_set (self->undo, object, pspec, &old_value, &new_value);
}

void
plan_document_set_value (PlanDocument *self,
                         gpointer      object,
                         const char   *property,
                         const GValue *value)
{
  GParamSpec *pspec;

  g_return_if_fail (PLAN_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (property != NULL);
  g_return_if_fail (G_IS_VALUE (value));

  pspec = find_settable_pspec (object, property);
  if (pspec == NULL)
    return;

  set_value_internal (self, object, pspec, value);
}

void
plan_document_set (PlanDocument *self,
                   gpointer      object,
                   const char   *first_property,
                   ...)
{
  const char *name;
  gboolean grouped;
  va_list args;

  g_return_if_fail (PLAN_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_OBJECT (object));

  if (first_property == NULL)
    return;

  va_start (args, first_property);

  /* Several properties set together are undone together; a single one may merge with the
   * previous keystroke, so it is not wrapped in a group. */
  grouped = FALSE;

  for (name = first_property; name != NULL; name = va_arg (args, const char *))
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *error = NULL;
      GParamSpec *pspec = find_settable_pspec (object, name);

      if (pspec == NULL)
        break;

      G_VALUE_COLLECT_INIT (&value, G_PARAM_SPEC_VALUE_TYPE (pspec), args, 0, &error);
      if (error != NULL)
        {
          g_critical ("%s: %s", G_STRFUNC, error);
          break;
        }

      if (!grouped)
        {
          /* Peek whether another property follows without consuming it. */
          va_list peek;
          const char *next;

          va_copy (peek, args);
          next = va_arg (peek, const char *);
          va_end (peek);

          if (next != NULL)
            {
              plan_undo_begin_group (self->undo);
              grouped = TRUE;
            }
        }

      set_value_internal (self, object, pspec, &value);
    }

  va_end (args);

  if (grouped)
    plan_undo_end_group (self->undo);
}

static gboolean
check_list (GListModel *list,
            gpointer    item)
{
  if (!G_IS_LIST_STORE (list))
    {
      g_critical ("plan_document: the list is not one of the model's lists");
      return FALSE;
    }
  if (item != NULL && !g_type_is_a (G_OBJECT_TYPE (item), g_list_model_get_item_type (list)))
    {
      g_critical ("plan_document: a %s cannot go into a list of %s",
                  G_OBJECT_TYPE_NAME (item), g_type_name (g_list_model_get_item_type (list)));
      return FALSE;
    }

  return TRUE;
}

typedef enum {
  LIST_INSERT,   /* one item at a */
  LIST_REMOVE,   /* the item at a */
  LIST_MOVE,     /* the item at a to b */
} ListChange;

/* Comments name their part by position: when a list of the plan changes, the comments on its
 * items (and below) must follow them. Returns the comments that move, each followed by its new
 * target (owned), or NULL when none does. */
static GPtrArray *
find_moved_comments (PlanDocument *self,
                     GListModel   *list,
                     ListChange    change,
                     guint         a,
                     guint         b)
{
  GListModel *comments = plan_review_get_comments (plan_document_get_review (self));
  g_autofree char *prefix = NULL;
  GPtrArray *moved = NULL;

  if (g_list_model_get_n_items (comments) == 0)
    return NULL;
  prefix = plan_comment_paths_list_prefix (self, list);
  if (prefix == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (comments); i++)
    {
      g_autoptr(PlanComment) comment = g_list_model_get_item (comments, i);
      const char *target = plan_comment_get_target (comment);
      char *new_target;

      if (change == LIST_MOVE)
        new_target = plan_comment_paths_move (target, prefix, a, b);
      else
        new_target = plan_comment_paths_splice (target, prefix, a,
                                                change == LIST_REMOVE, change == LIST_INSERT);
      if (new_target == NULL || g_str_equal (new_target, target))
        {
          g_free (new_target);
          continue;
        }
      if (moved == NULL)
        moved = g_ptr_array_new ();
      g_ptr_array_add (moved, g_object_ref (comment));
      g_ptr_array_add (moved, new_target);
    }

  return moved;
}

/* Sets the targets found above, in the current undo step, and frees @moved. */
static void
move_comments (PlanDocument *self,
               GPtrArray    *moved)
{
  for (guint i = 0; i < moved->len; i += 2)
    {
      PlanComment *comment = g_ptr_array_index (moved, i);
      char *target = g_ptr_array_index (moved, i + 1);

      plan_document_set (self, comment, "target", target, NULL);
      g_object_unref (comment);
      g_free (target);
    }
  g_ptr_array_unref (moved);
}

void
plan_document_insert (PlanDocument *self,
                      GListModel   *list,
                      guint         position,
                      gpointer      item)
{
  GPtrArray *moved;

  g_return_if_fail (PLAN_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_LIST_MODEL (list));
  g_return_if_fail (G_IS_OBJECT (item));
  g_return_if_fail (position <= g_list_model_get_n_items (list));

  if (!check_list (list, item))
    return;

  moved = find_moved_comments (self, list, LIST_INSERT, position, 0);
  plan_undo_begin_group (self->undo);
  g_list_store_insert (G_LIST_STORE (list), position, item);
  plan_undo_record_splice (self->undo, G_LIST_STORE (list), position, NULL, 0, &item, 1);
  if (moved != NULL)
    move_comments (self, moved);
  plan_undo_end_group (self->undo);
}

void
plan_document_remove (PlanDocument *self,
                      GListModel   *list,
                      guint         position)
{
  g_autoptr(GObject) item = NULL;
  GPtrArray *moved;

  g_return_if_fail (PLAN_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_LIST_MODEL (list));
  g_return_if_fail (position < g_list_model_get_n_items (list));

  if (!check_list (list, NULL))
    return;

  moved = find_moved_comments (self, list, LIST_REMOVE, position, 0);
  item = g_list_model_get_item (list, position);
  plan_undo_begin_group (self->undo);
  g_list_store_remove (G_LIST_STORE (list), position);
  plan_undo_record_splice (self->undo, G_LIST_STORE (list), position,
                           (gpointer *) &item, 1, NULL, 0);
  if (moved != NULL)
    move_comments (self, moved);
  plan_undo_end_group (self->undo);
}

void
plan_document_move (PlanDocument *self,
                    GListModel   *list,
                    guint         from,
                    guint         to)
{
  g_autoptr(GObject) item = NULL;
  GPtrArray *moved;
  guint n_items;

  g_return_if_fail (PLAN_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_LIST_MODEL (list));

  n_items = g_list_model_get_n_items (list);
  g_return_if_fail (from < n_items);
  g_return_if_fail (to < n_items);

  if (from == to || !check_list (list, NULL))
    return;

  moved = find_moved_comments (self, list, LIST_MOVE, from, to);
  item = g_list_model_get_item (list, from);

  /* Removing and inserting is one step for the user. */
  plan_undo_begin_group (self->undo);
  g_list_store_remove (G_LIST_STORE (list), from);
  plan_undo_record_splice (self->undo, G_LIST_STORE (list), from,
                           (gpointer *) &item, 1, NULL, 0);
  g_list_store_insert (G_LIST_STORE (list), to, item);
  plan_undo_record_splice (self->undo, G_LIST_STORE (list), to,
                           NULL, 0, (gpointer *) &item, 1);
  if (moved != NULL)
    move_comments (self, moved);
  plan_undo_end_group (self->undo);
}

void
plan_document_begin_group (PlanDocument *self)
{
  g_return_if_fail (PLAN_IS_DOCUMENT (self));

  plan_undo_begin_group (self->undo);
}

void
plan_document_end_group (PlanDocument *self)
{
  g_return_if_fail (PLAN_IS_DOCUMENT (self));

  plan_undo_end_group (self->undo);
}

void
plan_document_break_merge (PlanDocument *self)
{
  g_return_if_fail (PLAN_IS_DOCUMENT (self));

  plan_undo_break_merge (self->undo);
}

gboolean
plan_document_can_undo (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), FALSE);

  return plan_undo_can_undo (self->undo);
}

gboolean
plan_document_can_redo (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), FALSE);

  return plan_undo_can_redo (self->undo);
}

void
plan_document_undo (PlanDocument *self)
{
  g_return_if_fail (PLAN_IS_DOCUMENT (self));

  plan_undo_undo (self->undo);
}

void
plan_document_redo (PlanDocument *self)
{
  g_return_if_fail (PLAN_IS_DOCUMENT (self));

  plan_undo_redo (self->undo);
}

void
plan_document_clear_undo (PlanDocument *self)
{
  g_return_if_fail (PLAN_IS_DOCUMENT (self));

  plan_undo_clear (self->undo);
}

gboolean
plan_document_get_modified (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), FALSE);

  return plan_undo_get_modified (self->undo);
}

void
plan_document_set_unmodified (PlanDocument *self)
{
  g_return_if_fail (PLAN_IS_DOCUMENT (self));

  plan_undo_set_unmodified (self->undo);
}

void
plan_document_set_modified (PlanDocument *self)
{
  g_return_if_fail (PLAN_IS_DOCUMENT (self));

  plan_undo_set_modified (self->undo);
}

/* ---- Derived text --------------------------------------------------------------------------- */

char *
plan_document_dup_symbol (PlanDocument *self)
{
  g_autofree char *number = NULL;
  const char *doc_type;
  const char *abbrev;
  guint n;

  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), NULL);

  n = plan_document_get_number (self);
  number = n > 0 ? plan_format_number (n) : g_strdup (NO_NUMBER);
  /* A decision's file is numbered as the decision; the plan it issues has no number. */
  if (plan_document_get_kind (self) == PLAN_DOCUMENT_KIND_DECISION)
    doc_type = plan_decision_get_doc_type (plan_document_get_decision (self));
  else
    doc_type = plan_document_get_doc_type (self);
  abbrev = plan_document_get_agency_abbrev (self);

  /* Công văn has no type code: "05/BNV-VP" is the agency and the drafting unit. */
  if (doc_type[0] == '\0')
    return g_strdup_printf ("%s/%s", number, abbrev);
  if (abbrev[0] == '\0')
    return g_strdup_printf ("%s/%s", number, doc_type);

  return g_strdup_printf ("%s/%s-%s", number, doc_type, abbrev);
}

char *
plan_document_dup_place_and_date (PlanDocument *self)
{
  g_autofree char *date = NULL;
  const char *place;
  guint year, month, day;

  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), NULL);

  plan_document_get_date (self, &year, &month, &day);
  date = plan_format_date (year, month, day);
  place = plan_document_get_place (self);

  /* A missing place is shown like the other missing parts, to be filled in. */
  return g_strdup_printf ("%s, %s", place[0] != '\0' ? place : "…", date);
}

const char *
plan_document_get_type_name (PlanDocument *self)
{
  const PlanDocType *type;

  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), NULL);

  type = plan_doc_type_lookup (plan_document_get_doc_type (self));
  return type != NULL ? type->name : "";
}

static gboolean
find_appendix (PlanDocument *self,
               PlanAppendix *appendix,
               guint        *position)
{
  return g_list_store_find (self->appendices, appendix, position);
}

char *
plan_document_dup_appendix_label (PlanDocument *self,
                                  PlanAppendix *appendix)
{
  guint n_appendices;
  guint position;

  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (PLAN_IS_APPENDIX (appendix), NULL);

  switch (plan_appendix_get_label_mode (appendix))
    {
    case PLAN_LABEL_CUSTOM:
      {
        const char *label = plan_appendix_get_label (appendix);

        return label[0] != '\0' ? g_strdup (label) : NULL;
      }

    case PLAN_LABEL_NONE:
      return NULL;

    case PLAN_LABEL_AUTO:
    default:
      break;
    }

  /* Numbered by position among all appendices, so that numbers never shift when one of them
   * changes its label mode. */
  n_appendices = g_list_model_get_n_items (G_LIST_MODEL (self->appendices));
  if (n_appendices >= 2 && find_appendix (self, appendix, &position))
    {
      g_autofree char *roman = plan_format_roman (position + 1);

      return g_strdup_printf ("Phụ lục %s", roman);
    }

  return g_strdup ("Phụ lục");
}

/* The printed lines of @text, as typed, joined into one ("…" when there is none). */
static char *
dup_one_line (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *joined = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, lines[i]);
    }
  if (joined->len == 0)
    g_string_append (joined, "…");

  return g_string_free (joined, FALSE);
}

/* "(@lead Quyết định số 15/QĐ-THCS ngày … của Hiệu trưởng Trường …)" */
static char *
dup_decision_reference (PlanDocument *self,
                        const char   *lead,
                        gboolean      blank_date)
{
  PlanDecision *decision = plan_document_get_decision (self);
  const PlanDocType *type = plan_doc_type_lookup (plan_decision_get_doc_type (decision));
  g_autofree char *symbol = plan_document_dup_symbol (self);
  g_autofree char *date = NULL;
  g_autofree char *issuer = dup_one_line (plan_decision_get_authority (decision));
  guint year, month, day;

  plan_document_get_date (self, &year, &month, &day);
  date = blank_date ? plan_format_date_blank (year, month, day)
                    : plan_format_date (year, month, day);

  return g_strdup_printf ("(%s %s số %s %s của %s)", lead,
                          type != NULL && type->name[0] != '\0' ? type->name : "văn bản",
                          symbol, date, issuer);
}

char *
plan_document_dup_issuing_reference (PlanDocument *self)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), NULL);

  if (plan_document_get_kind (self) != PLAN_DOCUMENT_KIND_DECISION)
    return NULL;

  /* Only ever printed: a day or month not yet known is blank space, as in the header */
  return dup_decision_reference (self, "Ban hành kèm theo", TRUE);
}

/* @blank_date: a day or month not yet known as blank space to write in (as printed), or as
 * the editor's "…" */
static char *
dup_appendix_reference (PlanDocument *self,
                        PlanAppendix *appendix,
                        gboolean      blank_date)
{
  g_autofree char *symbol = NULL;
  g_autofree char *date = NULL;
  g_auto(GStrv) agency_lines = NULL;
  g_autoptr(GString) agency = NULL;
  const char *type_name;
  guint year, month, day;

  g_return_val_if_fail (PLAN_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (PLAN_IS_APPENDIX (appendix), NULL);

  switch (plan_appendix_get_reference_mode (appendix))
    {
    case PLAN_REFERENCE_CUSTOM:
      {
        const char *reference = plan_appendix_get_reference (appendix);

        return reference[0] != '\0' ? g_strdup_printf ("(%s)", reference) : NULL;
      }

    case PLAN_REFERENCE_NONE:
      return NULL;

    case PLAN_REFERENCE_AUTO:
    default:
      break;
    }

  /* The plan has no number of its own: its appendices cite the decision that issues it. */
  if (plan_document_get_kind (self) == PLAN_DOCUMENT_KIND_DECISION)
    return dup_decision_reference (self, "Kèm theo", blank_date);

  symbol = plan_document_dup_symbol (self);
  plan_document_get_date (self, &year, &month, &day);
  date = blank_date ? plan_format_date_blank (year, month, day)
                    : plan_format_date (year, month, day);
  type_name = plan_document_get_type_name (self);

  /* The agency as typed (not in capitals), its printed lines joined into one. */
  agency_lines = g_strsplit (plan_document_get_agency (self), "\n", -1);
  agency = g_string_new (NULL);
  for (guint i = 0; agency_lines[i] != NULL; i++)
    {
      g_strstrip (agency_lines[i]);
      if (agency_lines[i][0] == '\0')
        continue;
      if (agency->len > 0)
        g_string_append_c (agency, ' ');
      g_string_append (agency, agency_lines[i]);
    }

  return g_strdup_printf ("(Kèm theo %s số %s %s của %s)",
                          type_name[0] != '\0' ? type_name : "văn bản",
                          symbol, date,
                          agency->len > 0 ? agency->str : "…");
}

char *
plan_document_dup_appendix_reference (PlanDocument *self,
                                      PlanAppendix *appendix)
{
  return dup_appendix_reference (self, appendix, FALSE);
}

char *
plan_document_dup_printed_appendix_reference (PlanDocument *self,
                                              PlanAppendix *appendix)
{
  return dup_appendix_reference (self, appendix, TRUE);
}
