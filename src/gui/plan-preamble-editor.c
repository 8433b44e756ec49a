/* plan-preamble-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plan-line-list-editor.h"
#include "plan-preamble-editor.h"

struct _PlanPreambleEditor
{
  GtkWidget     parent_instance;

  PlanDocument *document;

  AdwPreferencesPage *page;
  PlanLineListEditor *lines;
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

static void
line_focus_cb (PlanPreambleEditor *self,
               GObject            *paragraph)
{
  g_signal_emit (self, signals[FOCUS_OBJECT], 0, paragraph);
}

static void
plan_preamble_editor_add_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  plan_line_list_editor_add_line (PLAN_PREAMBLE_EDITOR (widget)->lines);
}

static void
plan_preamble_editor_constructed (GObject *object)
{
  PlanPreambleEditor *self = PLAN_PREAMBLE_EDITOR (object);

  G_OBJECT_CLASS (plan_preamble_editor_parent_class)->constructed (object);

  plan_line_list_editor_bind (self->lines, self->document,
                              plan_document_get_preamble (self->document));
  g_signal_connect_object (self->lines, "focus-object", G_CALLBACK (line_focus_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
plan_preamble_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PLAN_TYPE_PREAMBLE_EDITOR);
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
  gtk_widget_class_bind_template_child (widget_class, PlanPreambleEditor, lines);
}

static void
plan_preamble_editor_init (PlanPreambleEditor *self)
{
  g_type_ensure (PLAN_TYPE_LINE_LIST_EDITOR);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
plan_preamble_editor_new (PlanDocument *document)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), NULL);

  return g_object_new (PLAN_TYPE_PREAMBLE_EDITOR, "document", document, NULL);
}
