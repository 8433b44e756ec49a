/* plan-preamble-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "plan-editor-util.h"
#include "plan-preamble-editor.h"
#include "plan-rich-text-view.h"

struct _PlanPreambleEditor
{
  GtkWidget     parent_instance;

  PlanDocument *document;

  AdwPreferencesPage *page;
  GtkListBox   *list_box;
};

G_DEFINE_FINAL_TYPE (PlanPreambleEditor, plan_preamble_editor, GTK_TYPE_WIDGET)

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

static GListModel *
get_preamble (PlanPreambleEditor *self)
{
  return plan_document_get_preamble (self->document);
}

static void
focus_paragraph (PlanPreambleEditor *self,
                 guint               position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, (int) position);
  GtkWidget *view;

  if (row == NULL)
    return;
  view = g_object_get_data (G_OBJECT (row), "view");
  plan_rich_text_view_focus_at (PLAN_RICH_TEXT_VIEW (view), -1);
}

static void
insert_paragraph (PlanPreambleEditor *self,
                  guint               position)
{
  g_autoptr(PlanParagraph) paragraph = plan_paragraph_new_plain ("");

  plan_editor_commit_preedit (GTK_WIDGET (self));
  plan_document_insert (self->document, get_preamble (self), position, paragraph);
  focus_paragraph (self, position);
}

static void
move_paragraph (PlanPreambleEditor *self,
                int                 from,
                int                 to)
{
  GListModel *preamble = get_preamble (self);

  if (from < 0 || to < 0 || (guint) to >= g_list_model_get_n_items (preamble) || from == to)
    return;
  plan_editor_commit_preedit (GTK_WIDGET (self));
  plan_document_move (self->document, preamble, (guint) from, (guint) to);
  focus_paragraph (self, (guint) to);
}

static void
view_activate_cb (PlanPreambleEditor *self,
                  GtkWidget          *view)
{
  int position = plan_editor_row_position (view);

  if (position >= 0)
    insert_paragraph (self, (guint) position + 1);
}

static void
move_up_clicked_cb (PlanPreambleEditor *self,
                    GtkWidget          *button)
{
  int position = plan_editor_row_position (button);

  move_paragraph (self, position, position - 1);
}

static void
move_down_clicked_cb (PlanPreambleEditor *self,
                      GtkWidget          *button)
{
  int position = plan_editor_row_position (button);

  move_paragraph (self, position, position + 1);
}

static void
remove_clicked_cb (PlanPreambleEditor *self,
                   GtkWidget          *button)
{
  int position = plan_editor_row_position (button);
  guint n;

  if (position < 0)
    return;
  plan_editor_commit_preedit (GTK_WIDGET (self));
  plan_document_remove (self->document, get_preamble (self), (guint) position);
  n = g_list_model_get_n_items (get_preamble (self));
  if (n > 0)
    focus_paragraph (self, MIN ((guint) position, n - 1));
}

static void
row_focus_enter_cb (GtkEventController *controller,
                    PlanPreambleEditor *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (controller);

  g_signal_emit (self, signals[FOCUS_OBJECT], 0, g_object_get_data (G_OBJECT (row), "paragraph"));
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  PlanPreambleEditor *self = user_data;
  PlanParagraph *paragraph = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *view = plan_rich_text_view_new (_("Preamble paragraph"));
  GtkEventController *focus;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  plan_rich_text_view_set_placeholder (PLAN_RICH_TEXT_VIEW (view),
                                       _("Căn cứ … (the law, decision or plan this plan carries out);"));
  plan_rich_text_view_set_enter_activates (PLAN_RICH_TEXT_VIEW (view), TRUE);
  plan_editor_bind_rich_text (view, self->document, paragraph, "text");
  g_signal_connect_object (view, "activate", G_CALLBACK (view_activate_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), view);

  plan_editor_add_row_button (buttons, "go-up-symbolic", _("Move Up"), GTK_ALIGN_START,
                              G_CALLBACK (move_up_clicked_cb), self);
  plan_editor_add_row_button (buttons, "go-down-symbolic", _("Move Down"), GTK_ALIGN_START,
                              G_CALLBACK (move_down_clicked_cb), self);
  plan_editor_add_row_button (buttons, "user-trash-symbolic", _("Remove Paragraph"), GTK_ALIGN_START,
                              G_CALLBACK (remove_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data_full (G_OBJECT (row), "paragraph", g_object_ref (paragraph), g_object_unref);
  g_object_set_data (G_OBJECT (row), "view", view);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "enter", G_CALLBACK (row_focus_enter_cb), self, 0);
  gtk_widget_add_controller (row, focus);
  return row;
}

static void
plan_preamble_editor_add_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  PlanPreambleEditor *self = PLAN_PREAMBLE_EDITOR (widget);

  insert_paragraph (self, g_list_model_get_n_items (get_preamble (self)));
}

static void
plan_preamble_editor_constructed (GObject *object)
{
  PlanPreambleEditor *self = PLAN_PREAMBLE_EDITOR (object);
  GtkWidget *placeholder;

  G_OBJECT_CLASS (plan_preamble_editor_parent_class)->constructed (object);

  placeholder = gtk_label_new (_("No preamble. Most plans start with the documents they carry out: press “Add Paragraph”."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->list_box, placeholder);
  gtk_list_box_bind_model (self->list_box, get_preamble (self), create_row_cb, self, NULL);
}

static void
plan_preamble_editor_dispose (GObject *object)
{
  PlanPreambleEditor *self = PLAN_PREAMBLE_EDITOR (object);

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLAN_TYPE_PREAMBLE_EDITOR);
  G_OBJECT_CLASS (plan_preamble_editor_parent_class)->dispose (object);
}

static void
plan_preamble_editor_finalize (GObject *object)
{
  PlanPreambleEditor *self = PLAN_PREAMBLE_EDITOR (object);

  g_clear_object (&self->document);
  G_OBJECT_CLASS (plan_preamble_editor_parent_class)->finalize (object);
}

static void
plan_preamble_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PlanPreambleEditor *self = PLAN_PREAMBLE_EDITOR (object);

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
plan_preamble_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PlanPreambleEditor *self = PLAN_PREAMBLE_EDITOR (object);

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
plan_preamble_editor_class_init (PlanPreambleEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = plan_preamble_editor_constructed;
  object_class->dispose = plan_preamble_editor_dispose;
  object_class->finalize = plan_preamble_editor_finalize;
  object_class->set_property = plan_preamble_editor_set_property;
  object_class->get_property = plan_preamble_editor_get_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PLAN_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FOCUS_OBJECT] = g_signal_new ("focus-object", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_install_action (widget_class, "preamble.add", NULL,
                                   plan_preamble_editor_add_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_PATH "ui/plan-preamble-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PlanPreambleEditor, page);
  gtk_widget_class_bind_template_child (widget_class, PlanPreambleEditor, list_box);
}

static void
plan_preamble_editor_init (PlanPreambleEditor *self)
{
  plan_editor_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
plan_preamble_editor_new (PlanDocument *document)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), NULL);

  return g_object_new (PLAN_TYPE_PREAMBLE_EDITOR, "document", document, NULL);
}
