/* plan-closing-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "plan-closing-editor.h"
#include "plan-editor-util.h"
#include "plan-line-list-editor.h"
#include "plan-rich-text-view.h"

struct _PlanClosingEditor
{
  GtkWidget     parent_instance;

  PlanDocument *document;

  AdwPreferencesPage *page;
  PlanLineListEditor *recipients_list;
  AdwEntryRow  *archive_row;
  GtkMenuButton *authority_button;
  GtkPopover   *authority_popover;
  GtkBox       *authority_box;
  GtkTextView  *authority_view;
  AdwEntryRow  *signer_title_row;
  AdwEntryRow  *signer_name_row;
  GtkTextView  *notes_view;
  GtkSwitch    *notes_bold_switch;
};

G_DEFINE_FINAL_TYPE (PlanClosingEditor, plan_closing_editor, GTK_TYPE_WIDGET)

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

/* The decree's abbreviations of signing authority (ND30 Điều 13). */
static const struct {
  const char *prefix;
  const char *meaning;
} authorities[] = {
  { "TM.",  N_("On behalf of a collective body (thay mặt)") },
  { "KT.",  N_("A deputy signs for the head (ký thay)") },
  { "Q.",   N_("Acting head (quyền)") },
  { "TL.",  N_("By order of the head (thừa lệnh)") },
  { "TUQ.", N_("Authorized by the head (thừa ủy quyền)") },
};

static void
recipient_focus_cb (PlanClosingEditor *self,
                    GObject           *recipient)
{
  g_signal_emit (self, signals[FOCUS_OBJECT], 0, recipient);
}

/* Puts @prefix at the start of the authority line holding the cursor, replacing another one. */
static void
insert_authority (PlanClosingEditor *self,
                  const char        *prefix)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->authority_view);
  GtkTextIter start, end;
  g_autofree char *line = NULL;
  g_autofree char *with_space = g_strconcat (prefix, " ", NULL);

  gtk_text_view_reset_im_context (self->authority_view);
  gtk_text_buffer_get_iter_at_mark (buffer, &start, gtk_text_buffer_get_insert (buffer));
  gtk_text_iter_set_line_offset (&start, 0);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  line = gtk_text_iter_get_text (&start, &end);

  gtk_text_buffer_begin_user_action (buffer);
  for (guint i = 0; i < G_N_ELEMENTS (authorities); i++)
    {
      g_autofree char *old = g_strconcat (authorities[i].prefix, " ", NULL);

      if (g_str_has_prefix (line, old))
        {
          GtkTextIter old_end = start;

          gtk_text_iter_forward_chars (&old_end, (int) g_utf8_strlen (old, -1));
          gtk_text_buffer_delete (buffer, &start, &old_end);
          break;
        }
    }
  gtk_text_buffer_insert (buffer, &start, with_space, -1);
  gtk_text_buffer_end_user_action (buffer);

  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_widget_grab_focus (GTK_WIDGET (self->authority_view));
}

static void
authority_clicked_cb (GtkButton         *button,
                      PlanClosingEditor *self)
{
  gtk_popover_popdown (self->authority_popover);
  insert_authority (self, g_object_get_data (G_OBJECT (button), "prefix"));
}

static void
plan_closing_editor_add_recipient_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  plan_line_list_editor_add_line (PLAN_CLOSING_EDITOR (widget)->recipients_list);
}

static void
document_focus_enter_cb (PlanClosingEditor *self)
{
  g_signal_emit (self, signals[FOCUS_OBJECT], 0, self->document);
}

static void
setup_text_view (PlanClosingEditor *self,
                 GtkTextView       *view)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  plan_rich_text_view_set_rich (PLAN_RICH_TEXT_VIEW (view), FALSE);
  g_signal_connect_object (focus, "enter", G_CALLBACK (document_focus_enter_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (view), focus);
}

static void
plan_closing_editor_constructed (GObject *object)
{
  PlanClosingEditor *self = PLAN_CLOSING_EDITOR (object);

  G_OBJECT_CLASS (plan_closing_editor_parent_class)->constructed (object);

  plan_line_list_editor_bind (self->recipients_list, self->document,
                              plan_document_get_recipients (self->document));
  g_signal_connect_object (self->recipients_list, "focus-object", G_CALLBACK (recipient_focus_cb),
                           self, G_CONNECT_SWAPPED);

  plan_editor_bind_editable (GTK_EDITABLE (self->archive_row), self->document, self->document,
                             "archive");
  plan_editor_bind_text_view (self->authority_view, self->document, self->document,
                              "signer-authority");
  plan_editor_bind_editable (GTK_EDITABLE (self->signer_title_row), self->document, self->document,
                             "signer-title");
  plan_editor_bind_editable (GTK_EDITABLE (self->signer_name_row), self->document, self->document,
                             "signer-name");
  plan_editor_bind_text_view (self->notes_view, self->document, self->document, "signer-notes");
  plan_editor_bind_switch (self->notes_bold_switch, self->document, self->document,
                           "signer-notes-bold");
}

static void
plan_closing_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PLAN_TYPE_CLOSING_EDITOR);
  G_OBJECT_CLASS (plan_closing_editor_parent_class)->dispose (object);
}

static void
plan_closing_editor_finalize (GObject *object)
{
  PlanClosingEditor *self = PLAN_CLOSING_EDITOR (object);

  g_clear_object (&self->document);
  G_OBJECT_CLASS (plan_closing_editor_parent_class)->finalize (object);
}

static void
plan_closing_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PlanClosingEditor *self = PLAN_CLOSING_EDITOR (object);

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
plan_closing_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PlanClosingEditor *self = PLAN_CLOSING_EDITOR (object);

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
plan_closing_editor_class_init (PlanClosingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = plan_closing_editor_constructed;
  object_class->dispose = plan_closing_editor_dispose;
  object_class->finalize = plan_closing_editor_finalize;
  object_class->set_property = plan_closing_editor_set_property;
  object_class->get_property = plan_closing_editor_get_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PLAN_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FOCUS_OBJECT] = g_signal_new ("focus-object", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_install_action (widget_class, "closing.add-recipient", NULL,
                                   plan_closing_editor_add_recipient_action);

  g_type_ensure (PLAN_TYPE_RICH_TEXT_VIEW);
  g_type_ensure (PLAN_TYPE_LINE_LIST_EDITOR);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_PATH "ui/plan-closing-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PlanClosingEditor, page);
  gtk_widget_class_bind_template_child (widget_class, PlanClosingEditor, recipients_list);
  gtk_widget_class_bind_template_child (widget_class, PlanClosingEditor, archive_row);
  gtk_widget_class_bind_template_child (widget_class, PlanClosingEditor, authority_button);
  gtk_widget_class_bind_template_child (widget_class, PlanClosingEditor, authority_popover);
  gtk_widget_class_bind_template_child (widget_class, PlanClosingEditor, authority_box);
  gtk_widget_class_bind_template_child (widget_class, PlanClosingEditor, authority_view);
  gtk_widget_class_bind_template_child (widget_class, PlanClosingEditor, signer_title_row);
  gtk_widget_class_bind_template_child (widget_class, PlanClosingEditor, signer_name_row);
  gtk_widget_class_bind_template_child (widget_class, PlanClosingEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, PlanClosingEditor, notes_bold_switch);
}

static void
plan_closing_editor_init (PlanClosingEditor *self)
{
  GtkEventController *focus;

  plan_editor_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  setup_text_view (self, self->authority_view);
  setup_text_view (self, self->notes_view);

  for (guint i = 0; i < G_N_ELEMENTS (authorities); i++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *prefix = gtk_label_new (authorities[i].prefix);
      GtkWidget *meaning = gtk_label_new (_(authorities[i].meaning));

      gtk_widget_add_css_class (prefix, "heading");
      gtk_label_set_width_chars (GTK_LABEL (prefix), 5);
      gtk_label_set_xalign (GTK_LABEL (prefix), 0);
      gtk_label_set_xalign (GTK_LABEL (meaning), 0);
      gtk_box_append (GTK_BOX (box), prefix);
      gtk_box_append (GTK_BOX (box), meaning);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data (G_OBJECT (button), "prefix", (gpointer) authorities[i].prefix);
      g_signal_connect (button, "clicked", G_CALLBACK (authority_clicked_cb), self);
      gtk_box_append (self->authority_box, button);
    }

  /* Entries of the signer block belong to the document as a whole. */
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (document_focus_enter_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->archive_row), focus);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (document_focus_enter_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->signer_title_row), focus);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (document_focus_enter_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->signer_name_row), focus);
}

GtkWidget *
plan_closing_editor_new (PlanDocument *document)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), NULL);

  return g_object_new (PLAN_TYPE_CLOSING_EDITOR, "document", document, NULL);
}
