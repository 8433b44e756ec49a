/* plan-appendix-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "plan-appendix-editor.h"
#include "plan-editor-util.h"
#include "plan-rich-text-view.h"
#include "plan-outline-editor.h"

struct _PlanAppendixEditor
{
  GtkWidget     parent_instance;

  PlanDocument *document;
  PlanAppendix *appendix;

  GtkBox       *box;
  AdwComboRow  *label_mode_row;
  AdwEntryRow  *label_row;
  GtkTextView  *title_view;
  AdwComboRow  *reference_mode_row;
  AdwEntryRow  *reference_row;
  AdwComboRow  *orientation_row;
  GtkWidget    *outline;
};

G_DEFINE_FINAL_TYPE (PlanAppendixEditor, plan_appendix_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_APPENDIX,
  N_PROPS
};

enum {
  FOCUS_OBJECT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_derived (PlanAppendixEditor *self)
{
  g_autofree char *label = plan_document_dup_appendix_label (self->document, self->appendix);
  g_autofree char *reference = plan_document_dup_appendix_reference (self->document, self->appendix);
  PlanLabelMode label_mode = plan_appendix_get_label_mode (self->appendix);
  PlanReferenceMode reference_mode = plan_appendix_get_reference_mode (self->appendix);

  /* The generated texts, as they will print. */
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->label_mode_row),
                               label_mode == PLAN_LABEL_AUTO && label != NULL ? label : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->reference_mode_row),
                               reference_mode == PLAN_REFERENCE_AUTO && reference != NULL
                                 ? reference : "");
  gtk_widget_set_visible (GTK_WIDGET (self->label_row), label_mode == PLAN_LABEL_CUSTOM);
  gtk_widget_set_visible (GTK_WIDGET (self->reference_row),
                          reference_mode == PLAN_REFERENCE_CUSTOM);
}

static void
settings_focus_enter_cb (PlanAppendixEditor *self)
{
  g_signal_emit (self, signals[FOCUS_OBJECT], 0, self->appendix);
}

static void
outline_focus_object_cb (GtkWidget          *outline,
                         GObject            *object,
                         PlanAppendixEditor *self)
{
  g_signal_emit (self, signals[FOCUS_OBJECT], 0, object);
}

static void
plan_appendix_editor_constructed (GObject *object)
{
  PlanAppendixEditor *self = PLAN_APPENDIX_EDITOR (object);
  GtkWidget *settings = gtk_widget_get_first_child (GTK_WIDGET (self->box));
  GtkEventController *focus;

  G_OBJECT_CLASS (plan_appendix_editor_parent_class)->constructed (object);

  plan_editor_bind_drop_down (GTK_WIDGET (self->label_mode_row), self->document, self->appendix,
                              "label-mode");
  plan_editor_bind_editable (GTK_EDITABLE (self->label_row), self->document, self->appendix,
                             "label");
  plan_editor_bind_text_view (self->title_view, self->document, self->appendix, "title");
  plan_editor_bind_drop_down (GTK_WIDGET (self->reference_mode_row), self->document,
                              self->appendix, "reference-mode");
  plan_editor_bind_editable (GTK_EDITABLE (self->reference_row), self->document, self->appendix,
                             "reference");
  plan_editor_bind_drop_down (GTK_WIDGET (self->orientation_row), self->document, self->appendix,
                              "orientation");

  self->outline = plan_outline_editor_new (self->document,
                                           plan_appendix_get_content (self->appendix));
  gtk_widget_set_vexpand (self->outline, TRUE);
  g_signal_connect_object (self->outline, "focus-object", G_CALLBACK (outline_focus_object_cb),
                           self, 0);
  gtk_box_append (self->box, self->outline);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "enter", G_CALLBACK (settings_focus_enter_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (settings, focus);

  update_derived (self);
  g_signal_connect_object (self->document, "changed", G_CALLBACK (update_derived), self,
                           G_CONNECT_SWAPPED);
}

static void
plan_appendix_editor_dispose (GObject *object)
{
  PlanAppendixEditor *self = PLAN_APPENDIX_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PLAN_TYPE_APPENDIX_EDITOR);
  self->outline = NULL;
  G_OBJECT_CLASS (plan_appendix_editor_parent_class)->dispose (object);
}

static void
plan_appendix_editor_finalize (GObject *object)
{
  PlanAppendixEditor *self = PLAN_APPENDIX_EDITOR (object);

  g_clear_object (&self->appendix);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (plan_appendix_editor_parent_class)->finalize (object);
}

static void
plan_appendix_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PlanAppendixEditor *self = PLAN_APPENDIX_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_APPENDIX:
      self->appendix = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plan_appendix_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PlanAppendixEditor *self = PLAN_APPENDIX_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_APPENDIX:
      g_value_set_object (value, self->appendix);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plan_appendix_editor_class_init (PlanAppendixEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = plan_appendix_editor_constructed;
  object_class->dispose = plan_appendix_editor_dispose;
  object_class->finalize = plan_appendix_editor_finalize;
  object_class->set_property = plan_appendix_editor_set_property;
  object_class->get_property = plan_appendix_editor_get_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PLAN_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPENDIX] =
    g_param_spec_object ("appendix", NULL, NULL, PLAN_TYPE_APPENDIX,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FOCUS_OBJECT] = g_signal_new ("focus-object", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_OBJECT);

  g_type_ensure (PLAN_TYPE_RICH_TEXT_VIEW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_PATH "ui/plan-appendix-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PlanAppendixEditor, box);
  gtk_widget_class_bind_template_child (widget_class, PlanAppendixEditor, label_mode_row);
  gtk_widget_class_bind_template_child (widget_class, PlanAppendixEditor, label_row);
  gtk_widget_class_bind_template_child (widget_class, PlanAppendixEditor, title_view);
  gtk_widget_class_bind_template_child (widget_class, PlanAppendixEditor, reference_mode_row);
  gtk_widget_class_bind_template_child (widget_class, PlanAppendixEditor, reference_row);
  gtk_widget_class_bind_template_child (widget_class, PlanAppendixEditor, orientation_row);
}

static void
plan_appendix_editor_init (PlanAppendixEditor *self)
{
  plan_editor_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  plan_rich_text_view_set_rich (PLAN_RICH_TEXT_VIEW (self->title_view), FALSE);
}

GtkWidget *
plan_appendix_editor_new (PlanDocument *document,
                          PlanAppendix *appendix)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (PLAN_IS_APPENDIX (appendix), NULL);

  return g_object_new (PLAN_TYPE_APPENDIX_EDITOR,
                       "document", document,
                       "appendix", appendix,
                       NULL);
}
