/* plan-line-list-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "plan-editor-util.h"
#include "plan-line-list-editor.h"
#include "plan-rich-text-view.h"

enum {
  PROP_0,
  PROP_LIST_LABEL,
  PROP_FIELD_LABEL,
  PROP_PLACEHOLDER,
  PROP_REMOVE_LABEL,
  PROP_EMPTY_TEXT,
  N_PROPS
};

struct _PlanLineListEditor
{
  GtkWidget          parent_instance;

  /* owned */
  GtkListBox        *list_box;
  GtkLabel          *empty_label;
  PlanDocument      *document;
  GListModel        *lines;
  char              *texts[N_PROPS];   /* the string properties, by id */

  PlanLineLabelFunc  label_func;
  gpointer           label_data;
};

G_DEFINE_FINAL_TYPE (PlanLineListEditor, plan_line_list_editor, GTK_TYPE_WIDGET)

enum {
  FOCUS_OBJECT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
lines_are_recipients (PlanLineListEditor *self)
{
  return g_list_model_get_item_type (self->lines) == PLAN_TYPE_RECIPIENT;
}

/* The index of the row that holds @child, or -1 */
static int
row_position (GtkWidget *child)
{
  GtkWidget *row = gtk_widget_get_ancestor (child, GTK_TYPE_LIST_BOX_ROW);

  return row != NULL ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : -1;
}

static void
focus_line (PlanLineListEditor *self,
            guint               position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, (int) position);
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
insert_line (PlanLineListEditor *self,
             guint               position)
{
  GType type = g_list_model_get_item_type (self->lines);
  g_autoptr(GObject) line = NULL;

  if (type == PLAN_TYPE_RECIPIENT)
    line = G_OBJECT (plan_recipient_new ("", ""));
  else if (type == PLAN_TYPE_ARTICLE)
    line = G_OBJECT (plan_article_new_plain (""));
  else
    line = G_OBJECT (plan_paragraph_new_plain (""));

  plan_editor_commit_preedit (GTK_WIDGET (self));
  plan_document_insert (self->document, self->lines, position, line);
  focus_line (self, position);
}

static void
move_line (PlanLineListEditor *self,
           GtkWidget          *inside,
           int                 offset)
{
  int from = row_position (inside);
  int to = from + offset;

  if (from < 0 || to < 0 || (guint) to >= g_list_model_get_n_items (self->lines))
    return;
  plan_editor_commit_preedit (GTK_WIDGET (self));
  plan_document_move (self->document, self->lines, (guint) from, (guint) to);
  focus_line (self, (guint) to);
}

/* "Điều 2." beside each article: the label it prints, which follows its position */
static void
update_labels (PlanLineListEditor *self)
{
  guint n = g_list_model_get_n_items (self->lines);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) line = g_list_model_get_item (self->lines, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, (int) i);
      g_autofree char *label = self->label_func (line, i, self->label_data);
      GtkLabel *marker;

      if (row == NULL)
        continue;
      marker = g_object_get_data (G_OBJECT (row), "plan-marker");
      if (g_strcmp0 (gtk_label_get_label (marker), label) != 0)
        gtk_label_set_label (marker, label);
    }
}

static void
move_up_clicked_cb (PlanLineListEditor *self,
                    GtkWidget          *button)
{
  move_line (self, button, -1);
}

static void
move_down_clicked_cb (PlanLineListEditor *self,
                      GtkWidget          *button)
{
  move_line (self, button, 1);
}

static void
remove_clicked_cb (PlanLineListEditor *self,
                   GtkWidget          *button)
{
  int position = row_position (button);
  guint n;

  if (position < 0)
    return;
  plan_editor_commit_preedit (GTK_WIDGET (self));
  plan_document_remove (self->document, self->lines, (guint) position);
  n = g_list_model_get_n_items (self->lines);
  if (n > 0)
    focus_line (self, MIN ((guint) position, n - 1));
}

/* Enter at the end of a line (or in a recipient's purpose) starts the next one. */
static void
field_activate_cb (PlanLineListEditor *self,
                   GtkWidget          *field)
{
  int position = row_position (field);

  if (position >= 0)
    insert_line (self, (guint) position + 1);
}

static void
name_activate_cb (PlanLineListEditor *self,
                  GtkWidget          *entry)
{
  GtkWidget *row = gtk_widget_get_ancestor (entry, GTK_TYPE_LIST_BOX_ROW);

  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "plan-purpose"));
}

static void
row_focus_enter_cb (GtkEventController *controller,
                    PlanLineListEditor *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (controller);

  g_signal_emit (self, signals[FOCUS_OBJECT], 0, g_object_get_data (G_OBJECT (row), "plan-object"));
}

/* The rich text field of a paragraph or an article, after its printed label if it has one */
static void
add_text_field (PlanLineListEditor *self,
                GtkWidget          *row,
                GtkWidget          *box,
                gpointer            line)
{
  GtkWidget *view = plan_rich_text_view_new (self->texts[PROP_FIELD_LABEL]);

  if (self->label_func != NULL)
    {
      /* Filled by update_labels() once the row has its place in the list */
      GtkWidget *marker = gtk_label_new (NULL);

      gtk_widget_set_valign (marker, GTK_ALIGN_START);
      gtk_widget_set_margin_top (marker, 6);
      gtk_widget_add_css_class (marker, "plan-marker");
      gtk_widget_add_css_class (marker, "heading");
      gtk_box_append (GTK_BOX (box), marker);
      g_object_set_data (G_OBJECT (row), "plan-marker", marker);
    }

  gtk_widget_set_hexpand (view, TRUE);
  plan_rich_text_view_set_placeholder (PLAN_RICH_TEXT_VIEW (view), self->texts[PROP_PLACEHOLDER]);
  plan_rich_text_view_set_enter_activates (PLAN_RICH_TEXT_VIEW (view), TRUE);
  plan_editor_bind_rich_text (view, self->document, line, "text");
  g_signal_connect_object (view, "activate", G_CALLBACK (field_activate_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), view);
  g_object_set_data (G_OBJECT (row), "plan-field", view);
}

/* A Nơi nhận line: "–", the recipient's name and the purpose printed in brackets after it */
static void
add_recipient_fields (PlanLineListEditor *self,
                      GtkWidget          *row,
                      GtkWidget          *box,
                      gpointer            recipient)
{
  GtkWidget *dash = gtk_label_new ("–");
  GtkWidget *name = gtk_entry_new ();
  GtkWidget *purpose = gtk_entry_new ();

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_add_css_class (dash, "dim-label");
  gtk_box_append (GTK_BOX (box), dash);

  gtk_entry_set_placeholder_text (GTK_ENTRY (name), self->texts[PROP_PLACEHOLDER]);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Recipient"), -1);
  plan_editor_bind_editable (GTK_EDITABLE (name), self->document, recipient, "name");
  g_signal_connect_object (name, "activate", G_CALLBACK (name_activate_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), name);

  gtk_entry_set_placeholder_text (GTK_ENTRY (purpose), _("Purpose, e.g. b/cáo"));
  gtk_editable_set_width_chars (GTK_EDITABLE (purpose), 14);
  gtk_widget_set_tooltip_text (purpose, _("Printed in brackets after the recipient; optional"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (purpose), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Purpose"), -1);
  plan_editor_bind_editable (GTK_EDITABLE (purpose), self->document, recipient, "purpose");
  g_signal_connect_object (purpose, "activate", G_CALLBACK (field_activate_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), purpose);

  g_object_set_data (G_OBJECT (row), "plan-field", name);
  g_object_set_data (G_OBJECT (row), "plan-purpose", purpose);
}

/* A flat icon button named for screen readers by @tooltip, which leaves the focus in the
 * field and calls @callback (self, button) when clicked */
static void
add_row_button (PlanLineListEditor *self,
                GtkWidget          *box,
                const char         *icon_name,
                const char         *tooltip,
                GtkAlign            valign,
                GCallback           callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  /* An icon says nothing to a screen reader: the tooltip names the button. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  /* Focus stays in the field, so that its input method commits before the button acts. */
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, valign);
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), button);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  PlanLineListEditor *self = user_data;
  gboolean recipient = lines_are_recipients (self);
  /* A one-line entry is centred beside the buttons; a text that wraps keeps them on its top */
  GtkAlign valign = recipient ? GTK_ALIGN_CENTER : GTK_ALIGN_START;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  if (recipient)
    add_recipient_fields (self, row, box, item);
  else
    add_text_field (self, row, box, item);

  add_row_button (self, buttons, "go-up-symbolic", _("Move Up"), valign,
                  G_CALLBACK (move_up_clicked_cb));
  add_row_button (self, buttons, "go-down-symbolic", _("Move Down"), valign,
                  G_CALLBACK (move_down_clicked_cb));
  add_row_button (self, buttons, "user-trash-symbolic", self->texts[PROP_REMOVE_LABEL], valign,
                  G_CALLBACK (remove_clicked_cb));
  gtk_box_append (GTK_BOX (box), buttons);

  g_object_set_data_full (G_OBJECT (row), "plan-object", g_object_ref (item), g_object_unref);
  g_signal_connect_object (focus, "enter", G_CALLBACK (row_focus_enter_cb), self, 0);
  gtk_widget_add_controller (row, focus);
  return row;
}

static void
plan_line_list_editor_dispose (GObject *object)
{
  PlanLineListEditor *self = PLAN_LINE_LIST_EDITOR (object);

  /* The model may still change while the editor is being disposed */
  if (self->lines != NULL)
    g_signal_handlers_disconnect_by_data (self->lines, self);
  if (self->list_box != NULL)
    {
      gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
      gtk_widget_unparent (GTK_WIDGET (self->list_box));
      self->list_box = NULL;
    }
  g_clear_object (&self->lines);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (plan_line_list_editor_parent_class)->dispose (object);
}

static void
plan_line_list_editor_finalize (GObject *object)
{
  PlanLineListEditor *self = PLAN_LINE_LIST_EDITOR (object);

  for (guint i = 0; i < N_PROPS; i++)
    g_free (self->texts[i]);
  G_OBJECT_CLASS (plan_line_list_editor_parent_class)->finalize (object);
}

static void
plan_line_list_editor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PlanLineListEditor *self = PLAN_LINE_LIST_EDITOR (object);
  const char *text = g_value_get_string (value);

  if (prop_id == PROP_0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  if (g_strcmp0 (self->texts[prop_id], text) == 0)
    return;
  g_free (self->texts[prop_id]);
  self->texts[prop_id] = g_strdup (text);

  if (prop_id == PROP_LIST_LABEL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, text ? text : "", -1);
  else if (prop_id == PROP_EMPTY_TEXT)
    gtk_label_set_label (self->empty_label, text);
  g_object_notify_by_pspec (object, pspec);
}

static void
plan_line_list_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PlanLineListEditor *self = PLAN_LINE_LIST_EDITOR (object);

  if (prop_id == PROP_0 || prop_id >= N_PROPS)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    g_value_set_string (value, self->texts[prop_id]);
}

static void
plan_line_list_editor_class_init (PlanLineListEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const char * const names[N_PROPS] = {
    NULL, "list-label", "field-label", "placeholder", "remove-label", "empty-text",
  };

  object_class->dispose = plan_line_list_editor_dispose;
  object_class->finalize = plan_line_list_editor_finalize;
  object_class->set_property = plan_line_list_editor_set_property;
  object_class->get_property = plan_line_list_editor_get_property;

  for (guint i = 1; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FOCUS_OBJECT] = g_signal_new ("focus-object", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
plan_line_list_editor_init (PlanLineListEditor *self)
{
  GtkWidget *empty = gtk_label_new (NULL);

  plan_editor_ensure_style ();
  self->list_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list_box, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_box), "boxed-list");
  gtk_widget_set_parent (GTK_WIDGET (self->list_box), GTK_WIDGET (self));

  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_set_margin_top (empty, 18);
  gtk_widget_set_margin_bottom (empty, 18);
  gtk_widget_set_margin_start (empty, 12);
  gtk_widget_set_margin_end (empty, 12);
  gtk_list_box_set_placeholder (self->list_box, empty);
  self->empty_label = GTK_LABEL (empty);
}

GtkWidget *
plan_line_list_editor_new (void)
{
  return g_object_new (PLAN_TYPE_LINE_LIST_EDITOR, NULL);
}

/* Shows @lines, a list of @document: set the properties and the label function first, they
 * are read as the rows are made. */
void
plan_line_list_editor_bind (PlanLineListEditor *self,
                            PlanDocument       *document,
                            GListModel         *lines)
{
  g_return_if_fail (PLAN_IS_LINE_LIST_EDITOR (self));
  g_return_if_fail (PLAN_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_LIST_MODEL (lines));
  g_return_if_fail (g_list_model_get_item_type (lines) == PLAN_TYPE_PARAGRAPH ||
                    g_list_model_get_item_type (lines) == PLAN_TYPE_ARTICLE ||
                    g_list_model_get_item_type (lines) == PLAN_TYPE_RECIPIENT);
  g_return_if_fail (self->lines == NULL);

  self->document = g_object_ref (document);
  self->lines = g_object_ref (lines);
  gtk_list_box_bind_model (self->list_box, lines, create_row_cb, self, NULL);
  if (self->label_func != NULL)
    {
      /* Connected after the list box's own handler: the rows are there to be labelled. */
      g_signal_connect_swapped (lines, "items-changed", G_CALLBACK (update_labels), self);
      update_labels (self);
    }
}

void
plan_line_list_editor_set_label_func (PlanLineListEditor *self,
                                      PlanLineLabelFunc   func,
                                      gpointer            user_data)
{
  g_return_if_fail (PLAN_IS_LINE_LIST_EDITOR (self));
  g_return_if_fail (self->lines == NULL);

  self->label_func = func;
  self->label_data = user_data;
}

void
plan_line_list_editor_add_line (PlanLineListEditor *self)
{
  g_return_if_fail (PLAN_IS_LINE_LIST_EDITOR (self));
  g_return_if_fail (self->lines != NULL);

  insert_line (self, g_list_model_get_n_items (self->lines));
}
