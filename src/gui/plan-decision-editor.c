/* plan-decision-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "plan-decision-editor.h"
#include "plan-editor-util.h"
#include "plan-rich-text-view.h"

struct _PlanDecisionEditor
{
  GtkWidget     parent_instance;

  PlanDocument *document;

  AdwPreferencesPage *page;
  GtkTextView  *title_view;
  GtkTextView  *authority_view;
  GtkListBox   *basis_list;
  GtkListBox   *article_list;
  GtkListBox   *recipient_list;
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

/* The three lists share their row buttons: each list box knows the model it shows. */
static GListModel *
list_box_get_model (GtkListBox *list_box)
{
  return g_object_get_data (G_OBJECT (list_box), "plan-model");
}

static void
focus_row (GtkListBox *list_box,
           guint       position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list_box, (int) position);
  GtkWidget *field;

  if (row == NULL)
    return;
  field = g_object_get_data (G_OBJECT (row), "plan-field");
  if (PLAN_IS_RICH_TEXT_VIEW (field))
    plan_rich_text_view_focus_at (PLAN_RICH_TEXT_VIEW (field), -1);
  else
    gtk_widget_grab_focus (field);
}

static void
insert_row (PlanDecisionEditor *self,
            GtkListBox         *list_box,
            guint               position)
{
  GListModel *model = list_box_get_model (list_box);
  GType type = g_list_model_get_item_type (model);
  g_autoptr(GObject) object = NULL;

  if (type == PLAN_TYPE_PARAGRAPH)
    object = G_OBJECT (plan_paragraph_new_plain (""));
  else if (type == PLAN_TYPE_ARTICLE)
    object = G_OBJECT (plan_article_new_plain (""));
  else
    object = G_OBJECT (plan_recipient_new ("", ""));

  plan_editor_commit_preedit (GTK_WIDGET (self));
  plan_document_insert (self->document, model, position, object);
  focus_row (list_box, position);
}

static void
move_row (PlanDecisionEditor *self,
          GtkWidget          *inside,
          int                 offset)
{
  GtkListBox *list_box = GTK_LIST_BOX (gtk_widget_get_ancestor (inside, GTK_TYPE_LIST_BOX));
  GListModel *model = list_box_get_model (list_box);
  int from = plan_editor_row_position (inside);
  int to = from + offset;

  if (from < 0 || to < 0 || (guint) to >= g_list_model_get_n_items (model))
    return;
  plan_editor_commit_preedit (GTK_WIDGET (self));
  plan_document_move (self->document, model, (guint) from, (guint) to);
  focus_row (list_box, (guint) to);
}

static void
move_up_clicked_cb (PlanDecisionEditor *self,
                    GtkWidget          *button)
{
  move_row (self, button, -1);
}

static void
move_down_clicked_cb (PlanDecisionEditor *self,
                      GtkWidget          *button)
{
  move_row (self, button, 1);
}

static void
remove_clicked_cb (PlanDecisionEditor *self,
                   GtkWidget          *button)
{
  GtkListBox *list_box = GTK_LIST_BOX (gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX));
  GListModel *model = list_box_get_model (list_box);
  int position = plan_editor_row_position (button);
  guint n;

  if (position < 0)
    return;
  plan_editor_commit_preedit (GTK_WIDGET (self));
  plan_document_remove (self->document, model, (guint) position);
  n = g_list_model_get_n_items (model);
  if (n > 0)
    focus_row (list_box, MIN ((guint) position, n - 1));
}

/* Enter at the end of a line or an article starts the next one. */
static void
field_activate_cb (PlanDecisionEditor *self,
                   GtkWidget          *field)
{
  GtkListBox *list_box = GTK_LIST_BOX (gtk_widget_get_ancestor (field, GTK_TYPE_LIST_BOX));
  int position = plan_editor_row_position (field);

  if (position >= 0)
    insert_row (self, list_box, (guint) position + 1);
}

static void
name_activate_cb (PlanDecisionEditor *self,
                  GtkWidget          *entry)
{
  GtkWidget *row = gtk_widget_get_ancestor (entry, GTK_TYPE_LIST_BOX_ROW);

  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "plan-purpose"));
}

static void
row_focus_enter_cb (GtkEventController *controller,
                    PlanDecisionEditor *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (controller);

  g_signal_emit (self, signals[FOCUS_OBJECT], 0, g_object_get_data (G_OBJECT (row), "plan-object"));
}

static GtkWidget *
new_row (PlanDecisionEditor *self,
         gpointer            object,
         GtkWidget         **box)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (*box, 6);
  gtk_widget_set_margin_bottom (*box, 6);
  gtk_widget_set_margin_start (*box, 6);
  gtk_widget_set_margin_end (*box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), *box);

  g_object_set_data_full (G_OBJECT (row), "plan-object", g_object_ref (object), g_object_unref);
  g_signal_connect_object (focus, "enter", G_CALLBACK (row_focus_enter_cb), self, 0);
  gtk_widget_add_controller (row, focus);
  return row;
}

static void
add_row_buttons (PlanDecisionEditor *self,
                 GtkWidget          *box,
                 const char         *remove_label,
                 GtkAlign            valign)
{
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  plan_editor_add_row_button (buttons, "go-up-symbolic", _("Move Up"), valign,
                              G_CALLBACK (move_up_clicked_cb), self);
  plan_editor_add_row_button (buttons, "go-down-symbolic", _("Move Down"), valign,
                              G_CALLBACK (move_down_clicked_cb), self);
  plan_editor_add_row_button (buttons, "user-trash-symbolic", remove_label, valign,
                              G_CALLBACK (remove_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), buttons);
}

/* A line or an article: its text in a rich text view, Enter starting the next one */
static GtkWidget *
add_text_field (PlanDecisionEditor *self,
                GtkWidget          *row,
                GtkWidget          *box,
                gpointer            object,
                const char         *accessible_label,
                const char         *placeholder)
{
  GtkWidget *view = plan_rich_text_view_new (accessible_label);

  gtk_widget_set_hexpand (view, TRUE);
  plan_rich_text_view_set_placeholder (PLAN_RICH_TEXT_VIEW (view), placeholder);
  plan_rich_text_view_set_enter_activates (PLAN_RICH_TEXT_VIEW (view), TRUE);
  plan_editor_bind_rich_text (view, self->document, object, "text");
  g_signal_connect_object (view, "activate", G_CALLBACK (field_activate_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), view);
  g_object_set_data (G_OBJECT (row), "plan-field", view);
  return view;
}

static GtkWidget *
create_basis_row_cb (gpointer item,
                     gpointer user_data)
{
  PlanDecisionEditor *self = user_data;
  GtkWidget *box;
  GtkWidget *row = new_row (self, item, &box);

  add_text_field (self, row, box, item, _("Legal basis"),
                  _("Căn cứ … (the law, decree or plan this decision rests on);"));
  add_row_buttons (self, box, _("Remove Line"), GTK_ALIGN_START);
  return row;
}

/* "Điều 2." beside each article: the label it prints, which follows its position */
static void
update_article_labels (PlanDecisionEditor *self)
{
  GListModel *articles = plan_decision_get_articles (get_decision (self));

  /* The model may still change while the editor is being disposed */
  if (self->article_list == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(PlanArticle) article = g_list_model_get_item (articles, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->article_list, (int) i);
      g_autofree char *label = plan_article_dup_printed_label (article, i);
      GtkLabel *marker;

      if (row == NULL)
        continue;
      marker = g_object_get_data (G_OBJECT (row), "plan-marker");
      if (g_strcmp0 (gtk_label_get_label (marker), label) != 0)
        gtk_label_set_label (marker, label);
    }
}

static GtkWidget *
create_article_row_cb (gpointer item,
                       gpointer user_data)
{
  PlanDecisionEditor *self = user_data;
  GtkWidget *box;
  GtkWidget *row = new_row (self, item, &box);
  GtkWidget *marker = gtk_label_new (NULL);

  /* Filled by update_article_labels() once the row has its place in the list */
  gtk_widget_set_valign (marker, GTK_ALIGN_START);
  gtk_widget_set_margin_top (marker, 6);
  gtk_widget_add_css_class (marker, "plan-marker");
  gtk_widget_add_css_class (marker, "heading");
  gtk_box_append (GTK_BOX (box), marker);
  g_object_set_data (G_OBJECT (row), "plan-marker", marker);

  add_text_field (self, row, box, item, _("Article"),
                  _("What the decision decides"));
  add_row_buttons (self, box, _("Remove Article"), GTK_ALIGN_START);
  return row;
}

static GtkWidget *
create_recipient_row_cb (gpointer item,
                         gpointer user_data)
{
  PlanDecisionEditor *self = user_data;
  GtkWidget *box;
  GtkWidget *row = new_row (self, item, &box);
  GtkWidget *name, *purpose;

  gtk_widget_set_margin_start (box, 12);
  name = plan_editor_add_recipient_fields (GTK_BOX (box), self->document, item,
                                           _("Recipient, e.g. Như Điều 3"),
                                           G_CALLBACK (name_activate_cb),
                                           G_CALLBACK (field_activate_cb), self, &purpose);

  add_row_buttons (self, box, _("Remove Recipient"), GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (row), "plan-field", name);
  g_object_set_data (G_OBJECT (row), "plan-purpose", purpose);
  return row;
}

static void
plan_decision_editor_add_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  PlanDecisionEditor *self = PLAN_DECISION_EDITOR (widget);
  GtkListBox *list_box;

  if (g_str_equal (action_name, "decision.add-basis"))
    list_box = self->basis_list;
  else if (g_str_equal (action_name, "decision.add-article"))
    list_box = self->article_list;
  else
    list_box = self->recipient_list;

  insert_row (self, list_box, g_list_model_get_n_items (list_box_get_model (list_box)));
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
bind_list (PlanDecisionEditor          *self,
           GtkListBox                  *list_box,
           GListModel                  *model,
           GtkListBoxCreateWidgetFunc   create_row,
           const char                  *empty)
{
  GtkWidget *placeholder = gtk_label_new (empty);

  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (list_box, placeholder);
  g_object_set_data (G_OBJECT (list_box), "plan-model", model);
  gtk_list_box_bind_model (list_box, model, create_row, self, NULL);
}

static void
plan_decision_editor_constructed (GObject *object)
{
  PlanDecisionEditor *self = PLAN_DECISION_EDITOR (object);
  PlanDecision *decision;
  GListModel *articles;

  G_OBJECT_CLASS (plan_decision_editor_parent_class)->constructed (object);

  decision = get_decision (self);
  articles = plan_decision_get_articles (decision);

  setup_text_view (self, self->title_view, "title");
  setup_text_view (self, self->authority_view, "authority");

  bind_list (self, self->basis_list, plan_decision_get_preamble (decision),
             create_basis_row_cb, _("No legal bases yet: press “Add Line”."));
  bind_list (self, self->article_list, articles,
             create_article_row_cb, _("No articles yet: press “Add Article”."));
  bind_list (self, self->recipient_list, plan_decision_get_recipients (decision),
             create_recipient_row_cb, _("No recipients yet"));

  /* Connected after the list box's own handler: the rows are there to be labelled. */
  g_signal_connect_object (articles, "items-changed",
                           G_CALLBACK (update_article_labels), self, G_CONNECT_SWAPPED);
  update_article_labels (self);

  plan_editor_bind_editable (GTK_EDITABLE (self->archive_row), self->document, decision,
                             "archive");
}

static void
plan_decision_editor_dispose (GObject *object)
{
  PlanDecisionEditor *self = PLAN_DECISION_EDITOR (object);

  if (self->basis_list != NULL)
    {
      gtk_list_box_bind_model (self->basis_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->article_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->recipient_list, NULL, NULL, NULL, NULL);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), PLAN_TYPE_DECISION_EDITOR);
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
  plan_editor_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
plan_decision_editor_new (PlanDocument *document)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), NULL);

  return g_object_new (PLAN_TYPE_DECISION_EDITOR, "document", document, NULL);
}
