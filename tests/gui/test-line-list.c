/* test-line-list.c: PlanLineListEditor driven through its rows' fields and buttons under Xvfb,
 * every change checked in the model and undone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gui-test-util.h"
#include "plan-line-list-editor.h"
#include "plan-rich-text-view.h"

static PlanApplication *app;

/* ---- Helpers -------------------------------------------------------------------------------- */

static void
find_all (GtkWidget *widget,
          GType      type,
          GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_all (child, type, out);
}

static GtkWidget *
nth (GtkWidget *root,
     GType      type,
     guint      index)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  find_all (root, type, found);
  g_assert_cmpuint (index, <, found->len);
  return g_ptr_array_index (found, index);
}

static guint
count (GtkWidget *root,
       GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  find_all (root, type, found);
  return found->len;
}

/* The button of row @row named @name for screen readers (its tooltip) */
static GtkWidget *
row_button (GtkWidget  *editor,
            guint       row,
            const char *name)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *list_row = nth (editor, GTK_TYPE_LIST_BOX_ROW, row);

  find_all (list_row, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), name) == 0)
      return g_ptr_array_index (buttons, i);
  g_error ("row %u has no button “%s”", row, name);
  return NULL;
}

/* @widget is its window's focus widget. Not gtk_widget_has_focus(), which also needs the
 * window to be the active one: other tests' windows share the display in parallel runs. */
static gboolean
is_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return root != NULL && gtk_root_get_focus (root) == widget;
}

static void
click (GtkWidget *button)
{
  g_signal_emit_by_name (button, "clicked");
  gui_test_run_for (20);
}

static char *
buffer_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The plain texts of the paragraphs of @lines, joined by "|" */
static char *
paragraphs (GListModel *lines)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(PlanParagraph) paragraph = g_list_model_get_item (lines, i);

      if (i > 0)
        g_string_append_c (joined, '|');
      g_string_append (joined, plan_text_get_plain (plan_paragraph_get_text (paragraph)));
    }
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* "name (purpose)" of each recipient of @lines, joined by "|" */
static char *
recipients (GListModel *lines)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(PlanRecipient) recipient = g_list_model_get_item (lines, i);

      if (i > 0)
        g_string_append_c (joined, '|');
      g_string_append_printf (joined, "%s (%s)", plan_recipient_get_name (recipient),
                              plan_recipient_get_purpose (recipient));
    }
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* The labels beside the lines, joined by " " */
static char *
markers (GtkWidget *editor)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GString) joined = g_string_new (NULL);

  find_all (editor, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "plan-marker"))
      g_string_append_printf (joined, "%s%s", joined->len > 0 ? " " : "",
                              gtk_label_get_label (g_ptr_array_index (labels, i)));
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static char *
numbered (gpointer item,
          guint    position,
          gpointer user_data)
{
  return g_strdup_printf ("%s %u.", (const char *) user_data, position + 1);
}

static GtkWindow *
show_in_window (GtkWidget *editor)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_application (window, GTK_APPLICATION (app));
  gtk_window_set_default_size (window, 700, 500);
  gtk_window_set_child (window, editor);
  gtk_window_present (window);
  gui_test_wait_for_window (window);
  return window;
}

static void
undo (PlanDocument *document)
{
  g_assert_true (plan_document_can_undo (document));
  plan_document_undo (document);
  gui_test_run_for (20);
}

#define assert_text(func, lines, expected) \
  G_STMT_START { g_autofree char *s_ = func (lines); g_assert_cmpstr (s_, ==, expected); } G_STMT_END

static void
focus_object_cb (GtkWidget *editor,
                 GObject   *object,
                 GObject  **focused)
{
  *focused = object;
}

/* ---- Text lines ----------------------------------------------------------------------------- */

static void
test_text_lines (void)
{
  g_autoptr(PlanDocument) document = plan_document_new ();
  GListModel *lines = plan_document_get_preamble (document);
  g_autoptr(PlanParagraph) first = plan_paragraph_new_plain ("Căn cứ A;");
  g_autoptr(PlanParagraph) second = plan_paragraph_new_plain ("Căn cứ B;");
  GObject *focused = NULL;
  GtkWidget *editor = plan_line_list_editor_new ();
  GtkWidget *view, *list;
  GtkWindow *window;
  g_autofree char *text = NULL;
  g_autofree char *labels = NULL;

  g_object_set (editor, "list-label", "Lines", "field-label", "Line", "placeholder", "Căn cứ …",
                "remove-label", "Remove Line", "empty-text", "No lines yet", NULL);
  plan_line_list_editor_set_label_func (PLAN_LINE_LIST_EDITOR (editor), numbered, (gpointer) "Dòng");
  plan_line_list_editor_bind (PLAN_LINE_LIST_EDITOR (editor), document, lines);
  g_signal_connect (editor, "focus-object", G_CALLBACK (focus_object_cb), &focused);
  window = show_in_window (editor);

  /* Empty: the list says so, with its name for screen readers */
  list = nth (editor, GTK_TYPE_LIST_BOX, 0);
  g_assert_true (gtk_widget_has_css_class (list, "boxed-list"));
  g_assert_nonnull (nth (editor, GTK_TYPE_LABEL, 0));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (nth (editor, GTK_TYPE_LABEL, 0))), ==,
                   "No lines yet");
  g_assert_cmpuint (count (editor, PLAN_TYPE_RICH_TEXT_VIEW), ==, 0);

  /* Lines added to the model elsewhere are shown, numbered by the label function */
  plan_document_insert (document, lines, 0, first);
  plan_document_insert (document, lines, 1, second);
  plan_document_clear_undo (document);
  gui_test_run_for (20);
  g_assert_cmpuint (count (editor, PLAN_TYPE_RICH_TEXT_VIEW), ==, 2);
  labels = markers (editor);
  g_assert_cmpstr (labels, ==, "Dòng 1. Dòng 2.");
  g_clear_pointer (&labels, g_free);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row_button (editor, 0, "Move Up")), ==, "Move Up");
  g_assert_nonnull (row_button (editor, 1, "Remove Line"));

  /* Add: an empty line at the end, with the focus */
  plan_line_list_editor_add_line (PLAN_LINE_LIST_EDITOR (editor));
  assert_text (paragraphs, lines, "Căn cứ A;|Căn cứ B;|");
  view = nth (editor, PLAN_TYPE_RICH_TEXT_VIEW, 2);
  g_assert_true (is_focus (view));
  gui_test_run_for (20);
  {
    g_autoptr(PlanParagraph) added = g_list_model_get_item (lines, 2);
    g_assert_true (focused == G_OBJECT (added));
  }
  labels = markers (editor);
  g_assert_cmpstr (labels, ==, "Dòng 1. Dòng 2. Dòng 3.");
  g_clear_pointer (&labels, g_free);

  /* Edit: typing goes to the model, one undo step */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "Căn cứ C;", -1);
  assert_text (paragraphs, lines, "Căn cứ A;|Căn cứ B;|Căn cứ C;");

  /* Enter at the end of the first line starts a new second one */
  gtk_widget_activate_action (nth (editor, PLAN_TYPE_RICH_TEXT_VIEW, 0), "rich-text.enter", NULL);
  assert_text (paragraphs, lines, "Căn cứ A;||Căn cứ B;|Căn cứ C;");
  g_assert_true (is_focus (nth (editor, PLAN_TYPE_RICH_TEXT_VIEW, 1)));

  /* Move "Căn cứ C;" up, then "Căn cứ A;" down; the labels stay in order */
  click (row_button (editor, 3, "Move Up"));
  assert_text (paragraphs, lines, "Căn cứ A;||Căn cứ C;|Căn cứ B;");
  g_assert_true (is_focus (nth (editor, PLAN_TYPE_RICH_TEXT_VIEW, 2)));
  click (row_button (editor, 0, "Move Down"));
  assert_text (paragraphs, lines, "|Căn cứ A;|Căn cứ C;|Căn cứ B;");
  labels = markers (editor);
  g_assert_cmpstr (labels, ==, "Dòng 1. Dòng 2. Dòng 3. Dòng 4.");
  g_clear_pointer (&labels, g_free);
  /* Up from the first line and down from the last do nothing */
  click (row_button (editor, 0, "Move Up"));
  click (row_button (editor, 3, "Move Down"));
  assert_text (paragraphs, lines, "|Căn cứ A;|Căn cứ C;|Căn cứ B;");

  /* Remove the last line: the focus goes to the line that is now last */
  click (row_button (editor, 3, "Remove Line"));
  assert_text (paragraphs, lines, "|Căn cứ A;|Căn cứ C;");
  g_assert_true (is_focus (nth (editor, PLAN_TYPE_RICH_TEXT_VIEW, 2)));
  labels = markers (editor);
  g_assert_cmpstr (labels, ==, "Dòng 1. Dòng 2. Dòng 3.");
  g_clear_pointer (&labels, g_free);

  /* Each step undoes on its own, and the rows follow the model */
  undo (document);
  assert_text (paragraphs, lines, "|Căn cứ A;|Căn cứ C;|Căn cứ B;");
  undo (document);
  assert_text (paragraphs, lines, "Căn cứ A;||Căn cứ C;|Căn cứ B;");
  undo (document);
  assert_text (paragraphs, lines, "Căn cứ A;||Căn cứ B;|Căn cứ C;");
  undo (document);
  assert_text (paragraphs, lines, "Căn cứ A;|Căn cứ B;|Căn cứ C;");
  text = buffer_text (nth (editor, PLAN_TYPE_RICH_TEXT_VIEW, 2));
  g_assert_cmpstr (text, ==, "Căn cứ C;");
  g_clear_pointer (&text, g_free);
  undo (document);
  assert_text (paragraphs, lines, "Căn cứ A;|Căn cứ B;|");
  text = buffer_text (nth (editor, PLAN_TYPE_RICH_TEXT_VIEW, 2));
  g_assert_cmpstr (text, ==, "");
  undo (document);
  assert_text (paragraphs, lines, "Căn cứ A;|Căn cứ B;");
  g_assert_false (plan_document_can_undo (document));
  g_assert_cmpuint (count (editor, PLAN_TYPE_RICH_TEXT_VIEW), ==, 2);
  labels = markers (editor);
  g_assert_cmpstr (labels, ==, "Dòng 1. Dòng 2.");

  gtk_window_destroy (window);
  gui_test_run_for (20);
}

/* ---- Recipients ----------------------------------------------------------------------------- */

static void
test_recipients (void)
{
  g_autoptr(PlanDocument) document = plan_document_new ();
  GListModel *lines = plan_document_get_recipients (document);
  g_autoptr(PlanRecipient) first = plan_recipient_new ("Phòng GD&ĐT", "b/cáo");
  GtkWidget *editor = plan_line_list_editor_new ();
  GtkWidget *name, *purpose;
  GtkWindow *window;

  plan_document_insert (document, lines, 0, first);
  plan_document_clear_undo (document);
  g_object_set (editor, "list-label", "Recipients", "placeholder", "Recipient, e.g. …",
                "remove-label", "Remove Recipient", "empty-text", "No recipients yet", NULL);
  plan_line_list_editor_bind (PLAN_LINE_LIST_EDITOR (editor), document, lines);
  window = show_in_window (editor);

  /* Two entries a row, named for screen readers; no label beside them */
  g_assert_cmpuint (count (editor, GTK_TYPE_ENTRY), ==, 2);
  name = nth (editor, GTK_TYPE_ENTRY, 0);
  purpose = nth (editor, GTK_TYPE_ENTRY, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Phòng GD&ĐT");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (purpose)), ==, "b/cáo");
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (name)), ==, "Recipient, e.g. …");
  g_assert_nonnull (row_button (editor, 0, "Remove Recipient"));

  /* Add: the focus in the new name; Enter goes on to its purpose, Enter there adds a line */
  plan_line_list_editor_add_line (PLAN_LINE_LIST_EDITOR (editor));
  assert_text (recipients, lines, "Phòng GD&ĐT (b/cáo)| ()");
  name = nth (editor, GTK_TYPE_ENTRY, 2);
  purpose = nth (editor, GTK_TYPE_ENTRY, 3);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), name));
  gtk_editable_set_text (GTK_EDITABLE (name), "Lưu");
  gtk_editable_set_text (GTK_EDITABLE (purpose), "VT");
  assert_text (recipients, lines, "Phòng GD&ĐT (b/cáo)|Lưu (VT)");
  g_signal_emit_by_name (name, "activate");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), purpose));
  g_signal_emit_by_name (purpose, "activate");
  assert_text (recipients, lines, "Phòng GD&ĐT (b/cáo)|Lưu (VT)| ()");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         nth (editor, GTK_TYPE_ENTRY, 4)));

  /* Move and remove */
  click (row_button (editor, 1, "Move Up"));
  assert_text (recipients, lines, "Lưu (VT)|Phòng GD&ĐT (b/cáo)| ()");
  click (row_button (editor, 2, "Remove Recipient"));
  assert_text (recipients, lines, "Lưu (VT)|Phòng GD&ĐT (b/cáo)");
  g_assert_cmpuint (count (editor, GTK_TYPE_ENTRY), ==, 4);

  /* Undone one by one */
  undo (document);
  assert_text (recipients, lines, "Lưu (VT)|Phòng GD&ĐT (b/cáo)| ()");
  undo (document);
  assert_text (recipients, lines, "Phòng GD&ĐT (b/cáo)|Lưu (VT)| ()");
  undo (document);
  assert_text (recipients, lines, "Phòng GD&ĐT (b/cáo)|Lưu (VT)");
  undo (document);
  assert_text (recipients, lines, "Phòng GD&ĐT (b/cáo)|Lưu ()");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nth (editor, GTK_TYPE_ENTRY, 3))), ==, "");
  while (plan_document_can_undo (document))
    undo (document);
  assert_text (recipients, lines, "Phòng GD&ĐT (b/cáo)");
  g_assert_cmpuint (count (editor, GTK_TYPE_ENTRY), ==, 2);

  /* All removed: the empty text shows */
  click (row_button (editor, 0, "Remove Recipient"));
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 0);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (nth (editor, GTK_TYPE_LABEL, 0))), ==,
                   "No recipients yet");

  gtk_window_destroy (window);
  gui_test_run_for (20);
}

int
main (int   argc,
      char *argv[])
{
  app = gui_test_init (&argc, &argv);

  if (app != NULL)
    {
      g_test_add_func ("/line-list/text-lines", test_text_lines);
      g_test_add_func ("/line-list/recipients", test_recipients);
    }

  return g_test_run ();
}
