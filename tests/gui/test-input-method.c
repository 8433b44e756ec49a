/* test-input-method.c: what a Vietnamese input method is composing (its pre-edit text) is
 * committed, not lost, when the focus moves or a button or shortcut acts, in every kind of field
 *
 * ibus and fcitx (Telex, VNI) show the word being typed as pre-edit text and commit it when the
 * application resets the input context; GTK resets it when a field loses the focus, but not
 * when a button that does not take the focus, or a window shortcut, acts on the document. GTK's
 * own simple input method drops its pre-edit on reset, so it cannot show the difference. This
 * test installs an input method of its own that behaves like ibus-unikey and ibus-bamboo: the
 * pre-edit stays until a reset, which commits it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtkimmodule.h>

#include "gui-test-util.h"
#include "plan-closing-editor.h"
#include "plan-general-editor.h"
#include "plan-json.h"
#include "plan-outline-editor.h"
#include "plan-preamble-editor.h"
#include "plan-table-editor.h"
#include "plan-window-private.h"

/* ---- An input method that commits on reset -------------------------------------------------- */

#define TEST_TYPE_IM_CONTEXT (test_im_context_get_type ())
G_DECLARE_FINAL_TYPE (TestIMContext, test_im_context, TEST, IM_CONTEXT, GtkIMContext)

struct _TestIMContext
{
  GtkIMContext parent_instance;
  GString     *preedit;
  guint        n_resets;
};

G_DEFINE_FINAL_TYPE (TestIMContext, test_im_context, GTK_TYPE_IM_CONTEXT)

/* The context of the field that has the focus, as the input method sees it. */
static TestIMContext *focused_context;

static void
test_im_context_get_preedit_string (GtkIMContext   *context,
                                    char          **str,
                                    PangoAttrList **attrs,
                                    int            *cursor_pos)
{
  TestIMContext *self = TEST_IM_CONTEXT (context);

  if (str != NULL)
    *str = g_strdup (self->preedit->str);
  if (attrs != NULL)
    *attrs = pango_attr_list_new ();
  if (cursor_pos != NULL)
    *cursor_pos = (int) g_utf8_strlen (self->preedit->str, -1);
}

static void
test_im_context_focus_in (GtkIMContext *context)
{
  focused_context = TEST_IM_CONTEXT (context);
}

static void
test_im_context_focus_out (GtkIMContext *context)
{
  if (focused_context == TEST_IM_CONTEXT (context))
    focused_context = NULL;
}

static void
test_im_context_reset (GtkIMContext *context)
{
  TestIMContext *self = TEST_IM_CONTEXT (context);
  g_autofree char *text = NULL;

  self->n_resets++;
  if (self->preedit->len == 0)
    return;
  text = g_string_free (g_steal_pointer (&self->preedit), FALSE);
  self->preedit = g_string_new (NULL);
  g_signal_emit_by_name (self, "preedit-changed");
  g_signal_emit_by_name (self, "preedit-end");
  g_signal_emit_by_name (self, "commit", text);
}

static void
test_im_context_finalize (GObject *object)
{
  TestIMContext *self = TEST_IM_CONTEXT (object);

  if (focused_context == self)
    focused_context = NULL;
  g_string_free (self->preedit, TRUE);
  G_OBJECT_CLASS (test_im_context_parent_class)->finalize (object);
}

static void
test_im_context_class_init (TestIMContextClass *klass)
{
  GtkIMContextClass *im_class = GTK_IM_CONTEXT_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = test_im_context_finalize;
  im_class->get_preedit_string = test_im_context_get_preedit_string;
  im_class->focus_in = test_im_context_focus_in;
  im_class->focus_out = test_im_context_focus_out;
  im_class->reset = test_im_context_reset;
}

static void
test_im_context_init (TestIMContext *self)
{
  self->preedit = g_string_new (NULL);
}

/* What Telex shows while a word is typed: "Ddieen" is on screen as "Điê", not yet in the text. */
static void
compose (const char *preedit)
{
  g_assert_nonnull (focused_context);
  if (focused_context->preedit->len == 0)
    g_signal_emit_by_name (focused_context, "preedit-start");
  g_string_assign (focused_context->preedit, preedit);
  g_signal_emit_by_name (focused_context, "preedit-changed");
}

/* ---- Helpers -------------------------------------------------------------------------------- */

static PlanApplication *app;

static GtkWidget *
find_widget (GtkWidget   *widget,
             GType        type,
             const char  *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (name == NULL || g_strcmp0 (gtk_widget_get_name (widget), name) == 0 ||
       (ADW_IS_PREFERENCES_ROW (widget) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), name) == 0)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *action_name)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)),
                                         action_name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWindow *
show_in_window (GtkWidget *editor)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_application (window, GTK_APPLICATION (app));
  gtk_window_set_default_size (window, 900, 700);
  gtk_window_set_child (window, editor);
  gtk_window_present (window);
  gui_test_wait_for_window (window);
  return window;
}

static gboolean
has_context (gpointer data)
{
  return focused_context != NULL;
}

/* Focuses @widget the way a click does and waits for its input context to take the focus. */
static void
focus_field (GtkWidget *widget)
{
  g_assert_true (gtk_widget_grab_focus (widget));
  g_assert_true (gui_test_wait (has_context, NULL, 5000));
}

/* A click: the button takes the focus first unless it is made not to (focus-on-click off, as
 * the editors' toolbar buttons), then acts. */
static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  if (gtk_widget_get_focus_on_click (button) && gtk_widget_get_focusable (button))
    gtk_widget_grab_focus (button);
  g_signal_emit_by_name (button, "clicked");
  gui_test_run_for (50);
}

static char *
item_heading (PlanItem *item)
{
  PlanText *text = plan_item_get_heading (item);

  return g_strdup (text != NULL ? plan_text_get_plain (text) : "");
}

/* ---- Tests ---------------------------------------------------------------------------------- */

/* The outline: a word half typed in a heading, then "Add Item" on the toolbar, Tab and the
 * item kind; each time the word is in the plan. */
static void
test_outline (void)
{
  g_autoptr(PlanDocument) document = plan_document_new_template ();
  GListModel *items = plan_document_get_body (document);
  g_autoptr(PlanItem) section = g_list_model_get_item (items, 0);
  g_autoptr(PlanItem) first = g_list_model_get_item (plan_item_get_children (section), 0);
  GtkWidget *editor = plan_outline_editor_new (document, items);
  GtkWindow *window = show_in_window (editor);
  g_autofree char *heading = NULL;

  plan_outline_editor_reveal (editor, first);
  gui_test_run_for (100);
  g_assert_nonnull (focused_context);
  compose (" và nhiệm vụ");
  click (find_button (editor, "outline.add"));
  heading = item_heading (first);
  g_assert_cmpstr (heading, ==, "Mục đích và nhiệm vụ");
  g_assert_cmpuint (g_list_model_get_n_items (plan_item_get_children (section)), ==, 3);

  /* In the new item: pre-edit, then Tab (indent) through the action. */
  g_assert_nonnull (focused_context);
  compose ("Điều");
  g_assert_true (gtk_widget_activate_action (editor, "outline.indent", NULL));
  gui_test_run_for (50);
  {
    g_autoptr(PlanItem) parent = g_list_model_get_item (plan_item_get_children (section), 0);
    g_autoptr(PlanItem) child = g_list_model_get_item (plan_item_get_children (parent), 0);
    g_autofree char *text = item_heading (child);

    g_assert_cmpstr (text, ==, "Điều");
  }

  gtk_window_destroy (window);
  gui_test_run_for (20);
}

/* The preamble: "Add Paragraph" while a word is composed. */
static void
test_preamble (void)
{
  g_autoptr(PlanDocument) document = plan_document_new ();
  GtkWidget *editor = plan_preamble_editor_new (document);
  GtkWindow *window = show_in_window (editor);
  GListModel *preamble = plan_document_get_preamble (document);

  click (find_button (editor, "preamble.add"));
  gui_test_run_for (100);
  g_assert_cmpuint (g_list_model_get_n_items (preamble), ==, 1);
  g_assert_nonnull (focused_context);
  compose ("Căn cứ");
  click (find_button (editor, "preamble.add"));
  {
    g_autoptr(PlanParagraph) paragraph = g_list_model_get_item (preamble, 0);
    const char *text = plan_text_get_plain (plan_paragraph_get_text (paragraph));

    g_assert_cmpstr (text, ==, "Căn cứ");
  }
  gtk_window_destroy (window);
  gui_test_run_for (20);
}

/* A one-line field (AdwEntryRow): the focus moves on to the next field. */
static void
test_entry_row (void)
{
  g_autoptr(PlanDocument) document = plan_document_new ();
  GtkWidget *editor = plan_general_editor_new (document);
  GtkWindow *window = show_in_window (editor);
  GtkWidget *place = find_widget (editor, ADW_TYPE_ENTRY_ROW, "Place (before the date)");
  GtkWidget *title = find_widget (editor, GTK_TYPE_TEXT_VIEW, NULL);

  g_assert_nonnull (place);
  focus_field (place);
  compose ("Hạ Long");
  focus_field (title);
  gui_test_run_for (50);
  g_assert_cmpstr (plan_document_get_place (document), ==, "Hạ Long");

  gtk_window_destroy (window);
  gui_test_run_for (20);
}

static gboolean
label_is (GtkWidget  *widget,
          const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if ((GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0) ||
        label_is (child, text))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_cell_button (GtkWidget  *root,
                  const char *text)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_widget_get_tooltip_text (root), "Click to edit the cell") == 0 &&
      label_is (root, text))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_cell_button (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Activates the shortcut for @keyval on @widget, as the key press would. */
static gboolean
press_shortcut (GtkWidget       *widget,
                guint            keyval,
                GdkModifierType  modifiers)
{
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, modifiers);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

static const char *
cell_text (PlanTable *table,
           guint      column)
{
  g_autoptr(PlanRow) row = g_list_model_get_item (plan_table_get_header_rows (table), 0);

  return plan_cell_get_text (plan_row_get_cell (row, column));
}

/* A table cell: Tab on to the next cell, then Escape. */
static void
test_table_cell (void)
{
  g_autoptr(PlanDocument) document = plan_document_new ();
  g_autoptr(PlanAppendix) appendix = plan_appendix_new ("LỊCH");
  g_autoptr(PlanTable) table = plan_table_new (3);
  g_autoptr(PlanItem) item = NULL;
  const char * const header[] = { "TT", "Môn", "Nơi", NULL };
  GtkWidget *editor, *cell_view;
  GtkWindow *window;

  plan_row_set_texts (plan_table_append_header_row (table), header);
  plan_table_append_row (table);
  g_object_set (table, "numbered", TRUE, NULL);
  item = plan_item_new_table (table);
  plan_document_insert (document, plan_appendix_get_content (appendix), 0, item);
  plan_document_insert (document, plan_document_get_appendices (document), 0, appendix);

  editor = plan_table_editor_new (document, table);
  window = show_in_window (editor);
  g_signal_emit_by_name (find_cell_button (editor, "Môn"), "clicked");
  gui_test_run_for (100);
  cell_view = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_TEXT_VIEW (cell_view));
  g_assert_nonnull (focused_context);
  compose (" thi đấu");
  g_assert_true (press_shortcut (cell_view, GDK_KEY_Tab, 0));
  gui_test_run_for (100);
  g_assert_cmpstr (cell_text (table, 1), ==, "Môn thi đấu");

  /* Tab opened the next cell; Escape closes the pop-over. */
  g_assert_nonnull (focused_context);
  compose (" tổ chức");
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (cell_view, GTK_TYPE_POPOVER)));
  gui_test_run_for (50);
  g_assert_cmpstr (cell_text (table, 2), ==, "Nơi tổ chức");

  gtk_window_destroy (window);
  gui_test_run_for (20);
}

/* The window: Ctrl+S (the window's action) while a word is composed saves the word. */
static void
test_save_shortcut (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kehoach-im-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ke-hoach.kehoach.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanDocument) saved = NULL;
  PlanWindow *window = plan_window_new (GTK_APPLICATION (app), NULL);
  PlanDocument *document = plan_window_get_document (window);
  g_autoptr(PlanItem) section = g_list_model_get_item (plan_document_get_body (document), 0);

  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_for_window (GTK_WINDOW (window));
  g_assert_true (_plan_window_save_to_file (window, file, FALSE, &error));
  g_assert_no_error (error);

  g_assert_true (_plan_window_select_part (window, PLAN_PART_SECTION, section));
  gui_test_run_for (200);
  g_assert_nonnull (focused_context);
  compose (" CỦA KẾ HOẠCH");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  gui_test_run_for (100);

  saved = plan_json_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(PlanItem) saved_section = g_list_model_get_item (plan_document_get_body (saved), 0);
    g_autofree char *heading = item_heading (saved_section);

    g_assert_cmpstr (heading, ==, "MỤC ĐÍCH, YÊU CẦU CỦA KẾ HOẠCH");
  }

  window->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_run_for (50);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* GTK picks the input method named here among those registered below. */
  g_setenv ("GTK_IM_MODULE", "kehoach-test-commit-on-reset", TRUE);
  app = gui_test_init (&argc, &argv);
  if (app != NULL)
    g_io_extension_point_implement (GTK_IM_MODULE_EXTENSION_POINT_NAME, TEST_TYPE_IM_CONTEXT,
                                    "kehoach-test-commit-on-reset", 1000);

  if (app != NULL)
    {
      g_test_add_func ("/input-method/outline", test_outline);
      g_test_add_func ("/input-method/preamble", test_preamble);
      g_test_add_func ("/input-method/entry-row", test_entry_row);
      g_test_add_func ("/input-method/table-cell", test_table_cell);
      g_test_add_func ("/input-method/save-shortcut", test_save_shortcut);
    }

  return g_test_run ();
}
