/* plan-decision-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plan-decision-editor.h"
#include "plan-editor-util.h"
#include "plan-line-list-editor.h"
#include "plan-rich-text-view.h"

struct _PlanDecisionEditor
{
  GtkWidget     parent_instance;

  PlanDocument *document;

  AdwPreferencesPage *page;
  GtkTextView  *title_view;
  GtkTextView  *authority_view;
  PlanLineListEditor *basis_list;
  PlanLineListEditor *article_list;
  PlanLineListEditor *recipient_list;
  AdwEntryRow  *archive_row;
};

G_DEFINE_FINAL_TYPE (PlanDecisionEditor, plan_decision_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

enum {
  FOCUS_OBJECT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static PlanDecision *
get_decision (PlanDecisionEditor *self)
{
  return plan_document_get_decision (self->document);
}

static void
line_focus_cb (PlanDecisionEditor *self,
               GObject            *line)
{
  g_signal_emit (self, signals[FOCUS_OBJECT], 0, line);
}

/* "Điều 2." beside each article: the label it prints, which follows its position */
static char *
article_label (gpointer item,
               guint    position,
               gpointer user_data)
{
  return plan_article_dup_printed_label (item, position);
}

static void
plan_decision_editor_add_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  PlanDecisionEditor *self = PLAN_DECISION_EDITOR (widget);

  if (g_str_equal (action_name, "decision.add-basis"))
    plan_line_list_editor_add_line (self->basis_list);
  else if (g_str_equal (action_name, "decision.add-article"))
    plan_line_list_editor_add_line (self->article_list);
  else
    plan_line_list_editor_add_line (self->recipient_list);
}

static void
decision_focus_enter_cb (PlanDecisionEditor *self)
{
  g_signal_emit (self, signals[FOCUS_OBJECT], 0, get_decision (self));
}

static void
setup_text_view (PlanDecisionEditor *self,
                 GtkTextView        *view,
                 const char         *property)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  plan_rich_text_view_set_rich (PLAN_RICH_TEXT_VIEW (view), FALSE);
  plan_editor_bind_text_view (view, self->document, get_decision (self), property);
  g_signal_connect_object (focus, "enter", G_CALLBACK (decision_focus_enter_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (view), focus);
}

static void
bind_list (PlanDecisionEditor *self,
           PlanLineListEditor *list,
           GListModel         *lines)
{
  plan_line_list_editor_bind (list, self->document, lines);
  g_signal_connect_object (list, "focus-object", G_CALLBACK (line_focus_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
plan_decision_editor_constructed (GObject *object)
{
  PlanDecisionEditor *self = PLAN_DECISION_EDITOR (object);
  PlanDecision *decision;

  G_OBJECT_CLASS (plan_decision_editor_parent_class)->constructed (object);

  decision = get_decision (self);

  setup_text_view (self, self->title_view, "title");
  setup_text_view (self, self->authority_view, "authority");

  bind_list (self, self->basis_list, plan_decision_get_preamble (decision));
  plan_line_list_editor_set_label_func (self->article_list, article_label, NULL);
  bind_list (self, self->article_list, plan_decision_get_articles (decision));
  bind_list (self, self->recipient_list, plan_decision_get_recipients (decision));

  plan_editor_bind_editable (GTK_EDITABLE (self->archive_row), self->document, decision,
                             "archive");
}

static void
plan_decision_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PLAN_TYPE_DECISION_EDITOR);
  G_OBJECT_CLASS (plan_decision_editor_parent_class)->dispose (object);
}

static void
plan_decision_editor_finalize (GObject *object)
{
  PlanDecisionEditor *self = PLAN_DECISION_EDITOR (object);

  g_clear_object (&self->document);
  G_OBJECT_CLASS (plan_decision_editor_parent_class)->finalize (object);
}

static void
plan_decision_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PlanDecisionEditor *self = PLAN_DECISION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plan_decision_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PlanDecisionEditor *self = PLAN_DECISION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plan_decision_editor_class_init (PlanDecisionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = plan_decision_editor_constructed;
  object_class->dispose = plan_decision_editor_dispose;
  object_class->finalize = plan_decision_editor_finalize;
  object_class->set_property = plan_decision_editor_set_property;
  object_class->get_property = plan_decision_editor_get_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PLAN_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FOCUS_OBJECT] = g_signal_new ("focus-object", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_install_action (widget_class, "decision.add-basis", NULL,
                                   plan_decision_editor_add_action);
  gtk_widget_class_install_action (widget_class, "decision.add-article", NULL,
                                   plan_decision_editor_add_action);
  gtk_widget_class_install_action (widget_class, "decision.add-recipient", NULL,
                                   plan_decision_editor_add_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_PATH "ui/plan-decision-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PlanDecisionEditor, page);
  gtk_widget_class_bind_template_child (widget_class, PlanDecisionEditor, title_view);
  gtk_widget_class_bind_template_child (widget_class, PlanDecisionEditor, authority_view);
  gtk_widget_class_bind_template_child (widget_class, PlanDecisionEditor, basis_list);
  gtk_widget_class_bind_template_child (widget_class, PlanDecisionEditor, article_list);
  gtk_widget_class_bind_template_child (widget_class, PlanDecisionEditor, recipient_list);
  gtk_widget_class_bind_template_child (widget_class, PlanDecisionEditor, archive_row);
}

static void
plan_decision_editor_init (PlanDecisionEditor *self)
{
  g_type_ensure (PLAN_TYPE_RICH_TEXT_VIEW);
  g_type_ensure (PLAN_TYPE_LINE_LIST_EDITOR);
  plan_editor_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
plan_decision_editor_new (PlanDocument *document)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), NULL);

  return g_object_new (PLAN_TYPE_DECISION_EDITOR, "document", document, NULL);
}
