/* test-editors.c: the part editors (general, preamble, outline, closing, appendix, table)
 * driven through their widgets and actions under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gui-test-util.h"
#include "plan-appendix-editor.h"
#include "plan-closing-editor.h"
#include "plan-general-editor.h"
#include "plan-json.h"
#include "plan-outline-editor.h"
#include "plan-preamble-editor.h"
#include "plan-rich-text-view.h"
#include "plan-table-clipboard.h"
#include "plan-table-editor.h"

static PlanApplication *app;

/* ---- Helpers -------------------------------------------------------------------------------- */

static GtkWindow *
show_in_window (GtkWidget *editor,
                int        width,
                int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_application (window, GTK_APPLICATION (app));
  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, editor);
  gtk_window_present (window);
  gui_test_wait_for_window (window);
  return window;
}

static void
save_screenshot (GtkWindow  *window,
                 const char *name)
{
  /* The helper waits for a real paint of the window's latest state. */
  g_autofree char *path = gui_test_save_screenshot (GTK_WIDGET (window), name);

  g_test_message ("screenshot: %s", path);
}

typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

static void
find_all (GtkWidget    *widget,
          GType         type,
          Match         match,
          gconstpointer data,
          GPtrArray    *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && (match == NULL || match (widget, data)))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_all (child, type, match, data, out);
}

static GtkWidget *
find_one (GtkWidget    *root,
          GType         type,
          Match         match,
          gconstpointer data)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  find_all (root, type, match, data, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

static gboolean
match_name (GtkWidget    *widget,
            gconstpointer data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

static gboolean
match_row_title (GtkWidget    *widget,
                 gconstpointer data)
{
  return g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data);
}

static gboolean
match_label (GtkWidget    *widget,
             gconstpointer data)
{
  return gtk_widget_get_visible (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

static char *
buffer_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
match_text (GtkWidget    *widget,
            gconstpointer data)
{
  g_autofree char *text = buffer_text (widget);

  return g_strcmp0 (text, data) == 0;
}

static gboolean
match_marker (GtkWidget    *widget,
              gconstpointer data)
{
  return gtk_widget_has_css_class (widget, "plan-marker") && match_label (widget, data);
}

static gboolean
match_cell (GtkWidget    *widget,
            gconstpointer data)
{
  return gtk_widget_has_css_class (widget, "plan-cell") &&
         gtk_widget_get_visible (gtk_widget_get_parent (widget)) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static gboolean
match_mapped (GtkWidget    *widget,
              gconstpointer data)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
match_css_class (GtkWidget    *widget,
                 gconstpointer data)
{
  return gtk_widget_has_css_class (widget, data);
}

static gboolean
match_has_text_view (GtkWidget    *widget,
                     gconstpointer data)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  find_all (widget, GTK_TYPE_TEXT_VIEW, NULL, NULL, views);
  return views->len > 0;
}

/* Resolves a key press the way GTK does for shortcuts: from @widget up, the first shortcut
 * controller with a shortcut for the key activates it (the input method is not involved:
 * only Ctrl, Alt, Tab and Enter keys are bound). */
static gboolean
press_shortcut (GtkWidget       *widget,
                guint            keyval,
                GdkModifierType  modifiers)
{
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, modifiers);

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (w);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);

              if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) &&
                  gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, w,
                                                gtk_shortcut_get_arguments (shortcut)))
                return TRUE;
            }
        }
    }
  return FALSE;
}

static GtkWidget *
focus_widget (GtkWidget *inside)
{
  return gtk_root_get_focus (gtk_widget_get_root (inside));
}

static PlanDocument *
load_sample (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlanDocument *document = plan_json_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static void
close_window (GtkWindow *window)
{
  gtk_window_destroy (window);
  gui_test_run_for (20);
}

/* A small plan built in code: two sections, the first with two numbered items. */
static PlanDocument *
build_document (void)
{
  PlanDocument *document = plan_document_new ();
  GListModel *body = plan_document_get_body (document);
  g_autoptr(PlanItem) one = plan_item_new (PLAN_ITEM_SECTION, "MỤC ĐÍCH, YÊU CẦU");
  g_autoptr(PlanItem) two = plan_item_new (PLAN_ITEM_SECTION, "NỘI DUNG");
  g_autoptr(PlanItem) a = plan_item_new (PLAN_ITEM_NUMBERED, "Mục đích");
  g_autoptr(PlanItem) b = plan_item_new (PLAN_ITEM_NUMBERED, "Yêu cầu");

  plan_item_append_child (one, a);
  plan_item_append_child (one, b);
  plan_item_append_paragraph (b, "Thiết thực, hiệu quả.");
  plan_document_insert (document, body, 0, one);
  plan_document_insert (document, body, 1, two);
  plan_document_clear_undo (document);
  return document;
}

/* ---- Unit: clipboard text ------------------------------------------------------------------- */

static void
test_clipboard_parse (void)
{
  g_autoptr(GPtrArray) rows =
    plan_table_clipboard_parse ("1\tNguyễn Văn A\t\"Tổ trưởng\r\nTổ Toán\"\n2\t\"Có \"\"ngoặc\"\"\"\t\r\n");
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *text = NULL;
  char **row;

  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (g_strv_length (row), ==, 3);
  g_assert_cmpstr (row[1], ==, "Nguyễn Văn A");
  g_assert_cmpstr (row[2], ==, "Tổ trưởng\nTổ Toán");
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpuint (g_strv_length (row), ==, 3);
  g_assert_cmpstr (row[1], ==, "Có \"ngoặc\"");
  g_assert_cmpstr (row[2], ==, "");

  text = plan_table_clipboard_format (rows);
  g_assert_cmpstr (text, ==, "1\tNguyễn Văn A\t\"Tổ trưởng\nTổ Toán\"\n2\t\"Có \"\"ngoặc\"\"\"\t\n");
  again = plan_table_clipboard_parse (text);
  g_assert_cmpuint (again->len, ==, 2);
  g_assert_cmpstr (((char **) g_ptr_array_index (again, 0))[2], ==, "Tổ trưởng\nTổ Toán");

  g_assert_null (plan_table_clipboard_parse (""));
}

static void
remember_object (GtkWidget *editor,
                 GObject   *object,
                 GObject  **out)
{
  g_set_object (out, object);
}

/* ---- General information -------------------------------------------------------------------- */

static void
test_general (void)
{
  g_autoptr(PlanDocument) document = plan_document_new_template ();
  GtkWidget *editor, *agency, *abbrev, *number, *symbol;
  GtkWindow *window;
  GObject *focused = NULL;

  plan_document_set (document, document,
                     "agency", "Trường THCS Lý Tự Trọng",
                     "agency-abbrev", "THCS",
                     "number", 25u,
                     "date-year", 2022u, "date-month", 2u, "date-day", 15u,
                     "place", "Hạ Long", NULL);
  plan_document_clear_undo (document);

  editor = plan_general_editor_new (document);
  window = show_in_window (editor, 900, 1000);

  /* The widgets show the model. */
  agency = find_one (editor, GTK_TYPE_TEXT_VIEW, match_name, "agency");
  g_assert_nonnull (agency);
  g_assert_true (match_text (agency, "Trường THCS Lý Tự Trọng"));
  abbrev = find_one (editor, ADW_TYPE_ENTRY_ROW, match_row_title, "Agency abbreviation");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (abbrev)), ==, "THCS");
  number = find_one (editor, GTK_TYPE_SPIN_BUTTON, NULL, NULL);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (number)), ==, 25);
  symbol = find_one (editor, GTK_TYPE_LABEL, match_label, "Số: 25/KH-THCS");
  g_assert_nonnull (symbol);

  /* Typing changes the model; the symbol follows live; undo restores the widget. */
  gtk_editable_set_text (GTK_EDITABLE (abbrev), "PGD&ĐT");
  g_assert_cmpstr (plan_document_get_agency_abbrev (document), ==, "PGD&ĐT");
  g_assert_nonnull (find_one (editor, GTK_TYPE_LABEL, match_label, "Số: 25/KH-PGD&ĐT"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (number), 7);
  g_assert_cmpuint (plan_document_get_number (document), ==, 7);
  g_assert_nonnull (find_one (editor, GTK_TYPE_LABEL, match_label, "Số: 07/KH-PGD&ĐT"));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (agency)),
                            "Trường THCS\nLý Tự Trọng", -1);
  g_assert_cmpstr (plan_document_get_agency (document), ==, "Trường THCS\nLý Tự Trọng");

  while (plan_document_can_undo (document))
    plan_document_undo (document);
  g_assert_cmpstr (plan_document_get_agency (document), ==, "Trường THCS Lý Tự Trọng");
  g_assert_true (match_text (agency, "Trường THCS Lý Tự Trọng"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (abbrev)), ==, "THCS");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (number)), ==, 25);

  /* The decree's ranges: the spin buttons cannot leave them. */
  {
    GtkWidget *row = find_one (editor, ADW_TYPE_ACTION_ROW, match_row_title, "Top margin");
    GtkWidget *spin = find_one (row, GTK_TYPE_SPIN_BUTTON, NULL, NULL);

    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Allowed: 20–25 mm");
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 40);
    g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), 25, 1e-9);
    {
      double top;
      plan_document_get_margins (document, &top, NULL, NULL, NULL);
      g_assert_cmpfloat_with_epsilon (top, 25, 1e-9);
    }
  }

  /* Month and year only, for drafts. */
  {
    GtkWidget *row = find_one (editor, ADW_TYPE_ACTION_ROW, match_row_title, "Month and year only");
    GtkWidget *toggle = find_one (row, GTK_TYPE_SWITCH, NULL, NULL);
    guint y, m, d;

    gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
    plan_document_get_date (document, &y, &m, &d);
    g_assert_cmpuint (y, ==, 2022);
    g_assert_cmpuint (m, ==, 2);
    g_assert_cmpuint (d, ==, 0);
  }

  g_signal_connect (editor, "focus-object", G_CALLBACK (remember_object), &focused);
  /* Focus coming into the editor names the document. */
  gtk_window_set_focus (window, NULL);
  gtk_widget_grab_focus (agency);
  g_assert_true (focused == G_OBJECT (document));
  g_clear_object (&focused);

  save_screenshot (window, "editor-general");
  close_window (window);
}

/* ---- Preamble ------------------------------------------------------------------------------- */

static void
test_preamble (void)
{
  g_autoptr(PlanDocument) document = plan_document_new ();
  GListModel *preamble = plan_document_get_preamble (document);
  g_autoptr(PlanParagraph) first = plan_paragraph_new_plain ("Căn cứ Luật Giáo dục;");
  g_autoptr(PlanParagraph) second = plan_paragraph_new_plain ("Căn cứ Kế hoạch số 78/KH-PGD&ĐT;");
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  GtkWidget *editor;
  GtkWindow *window;

  plan_document_insert (document, preamble, 0, first);
  plan_document_insert (document, preamble, 1, second);
  plan_document_clear_undo (document);

  editor = plan_preamble_editor_new (document);
  window = show_in_window (editor, 900, 600);
  find_all (editor, PLAN_TYPE_RICH_TEXT_VIEW, NULL, NULL, views);
  g_assert_cmpuint (views->len, ==, 2);
  g_assert_true (match_text (g_ptr_array_index (views, 1), "Căn cứ Kế hoạch số 78/KH-PGD&ĐT;"));

  /* Enter at the end of a paragraph starts the next one. */
  gtk_widget_activate_action (g_ptr_array_index (views, 0), "rich-text.enter", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (preamble), ==, 3);
  {
    g_autoptr(PlanParagraph) inserted = g_list_model_get_item (preamble, 1);
    GtkWidget *view;

    g_ptr_array_set_size (views, 0);
    find_all (editor, PLAN_TYPE_RICH_TEXT_VIEW, NULL, NULL, views);
    g_assert_cmpuint (views->len, ==, 3);
    view = g_ptr_array_index (views, 1);
    g_assert_true (gtk_widget_has_focus (view));
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                              "Căn cứ Nghị định 30/2020/NĐ-CP;", -1);
    g_assert_cmpstr (plan_text_get_plain (plan_paragraph_get_text (inserted)), ==,
                     "Căn cứ Nghị định 30/2020/NĐ-CP;");
  }

  /* Undo removes the typing, then the paragraph, and the rows follow. */
  while (plan_document_can_undo (document))
    plan_document_undo (document);
  g_assert_cmpuint (g_list_model_get_n_items (preamble), ==, 2);
  g_ptr_array_set_size (views, 0);
  find_all (editor, PLAN_TYPE_RICH_TEXT_VIEW, NULL, NULL, views);
  g_assert_cmpuint (views->len, ==, 2);

  gtk_widget_activate_action (editor, "preamble.add", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (preamble), ==, 3);

  save_screenshot (window, "editor-preamble");
  close_window (window);
}

/* ---- Outline -------------------------------------------------------------------------------- */

static PlanItem *
body_item (PlanDocument *document,
           guint         index)
{
  return g_list_model_get_item (plan_document_get_body (document), index);
}

static PlanItem *
child_item (PlanItem *item,
            guint     index)
{
  return g_list_model_get_item (plan_item_get_children (item), index);
}

static void
test_outline (void)
{
  g_autoptr(PlanDocument) document = build_document ();
  g_autoptr(PlanItem) one = body_item (document, 0);
  g_autoptr(PlanItem) a = child_item (one, 0);
  g_autoptr(PlanItem) b = child_item (one, 1);
  GtkWidget *editor, *heading;
  GtkWindow *window;

  editor = plan_outline_editor_new (document, plan_document_get_body (document));
  window = show_in_window (editor, 1000, 700);

  /* Live numbering as printed. */
  g_assert_nonnull (find_one (editor, GTK_TYPE_LABEL, match_marker, "I."));
  g_assert_nonnull (find_one (editor, GTK_TYPE_LABEL, match_marker, "II."));
  g_assert_nonnull (find_one (editor, GTK_TYPE_LABEL, match_marker, "2."));
  g_assert_nonnull (find_one (editor, PLAN_TYPE_RICH_TEXT_VIEW, match_text, "Thiết thực, hiệu quả."));

  /* Tab: "Yêu cầu" goes under "Mục đích" and is numbered 1.1. */
  plan_outline_editor_reveal (editor, b);
  g_assert_true (plan_outline_editor_get_current (PLAN_OUTLINE_EDITOR (editor)) == b);
  g_assert_true (press_shortcut (focus_widget (editor), GDK_KEY_Tab, 0));
  g_assert_cmpuint (g_list_model_get_n_items (plan_item_get_children (one)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (plan_item_get_children (a)), ==, 1);
  g_assert_nonnull (find_one (editor, GTK_TYPE_LABEL, match_marker, "1.1."));
  g_assert_null (find_one (editor, GTK_TYPE_LABEL, match_marker, "2."));

  /* Shift+Tab brings it back. */
  g_assert_true (press_shortcut (focus_widget (editor), GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  g_assert_cmpuint (g_list_model_get_n_items (plan_item_get_children (one)), ==, 2);
  g_assert_nonnull (find_one (editor, GTK_TYPE_LABEL, match_marker, "2."));

  /* Alt+Up: "Yêu cầu" first. */
  g_assert_true (press_shortcut (focus_widget (editor), GDK_KEY_Up, GDK_ALT_MASK));
  {
    g_autoptr(PlanItem) first = child_item (one, 0);
    g_assert_true (first == b);
  }
  g_assert_true (press_shortcut (focus_widget (editor), GDK_KEY_Down, GDK_ALT_MASK));
  {
    g_autoptr(PlanItem) first = child_item (one, 0);
    g_assert_true (first == a);
  }

  /* Enter in a heading starts a new item of the same kind after it. */
  heading = find_one (editor, PLAN_TYPE_RICH_TEXT_VIEW, match_text, "NỘI DUNG");
  g_assert_nonnull (heading);
  plan_rich_text_view_focus_at (PLAN_RICH_TEXT_VIEW (heading), -1);
  g_assert_true (press_shortcut (heading, GDK_KEY_Return, 0));
  g_assert_cmpuint (g_list_model_get_n_items (plan_document_get_body (document)), ==, 3);
  {
    g_autoptr(PlanItem) third = body_item (document, 2);
    GtkRoot *root = gtk_widget_get_root (editor);
    GtkWidget *focus = gtk_root_get_focus (root);

    g_assert_cmpint (plan_item_get_kind (third), ==, PLAN_ITEM_SECTION);
    g_assert_nonnull (find_one (editor, GTK_TYPE_LABEL, match_marker, "III."));
    g_assert_true (PLAN_IS_RICH_TEXT_VIEW (focus));

    /* Typing with Ctrl+B on makes a bold run. */
    g_assert_true (press_shortcut (focus, GDK_KEY_b, GDK_CONTROL_MASK));
    gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)),
                                      "TỔ CHỨC", -1);
    g_assert_true (press_shortcut (focus, GDK_KEY_b, GDK_CONTROL_MASK));
    gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)),
                                      " THỰC HIỆN", -1);
    {
      PlanText *text = plan_item_get_heading (third);
      PlanStyle style = 0;

      g_assert_cmpstr (plan_text_get_plain (text), ==, "TỔ CHỨC THỰC HIỆN");
      g_assert_cmpuint (plan_text_get_n_runs (text), ==, 2);
      g_assert_cmpstr (plan_text_get_run (text, 0, &style), ==, "TỔ CHỨC");
      g_assert_cmpint (style, ==, PLAN_STYLE_BOLD);
      g_assert_cmpstr (plan_text_get_run (text, 1, &style), ==, " THỰC HIỆN");
      g_assert_cmpint (style, ==, 0);
    }

    /* Selecting a word and pressing Ctrl+I makes it italic. */
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus));
      GtkTextIter start, end;
      g_autofree char *markdown = NULL;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, 8);
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_select_range (buffer, &start, &end);
      g_assert_true (press_shortcut (focus, GDK_KEY_i, GDK_CONTROL_MASK));
      markdown = plan_text_to_markdown (plan_item_get_heading (third));
      g_assert_cmpstr (markdown, ==, "**TỔ CHỨC** *THỰC HIỆN*");

      /* Shift+Enter breaks the line inside the same item. */
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_place_cursor (buffer, &end);
      g_assert_true (press_shortcut (focus, GDK_KEY_Return, GDK_SHIFT_MASK));
      g_assert_cmpuint (g_list_model_get_n_items (plan_document_get_body (document)), ==, 3);
      g_assert_cmpstr (plan_text_get_plain (plan_item_get_heading (third)), ==,
                       "TỔ CHỨC THỰC HIỆN\n");
    }

    /* The kind drop-down: a section becomes a paragraph (no marker). */
    gtk_widget_activate_action (editor, "outline.set-kind", "i", PLAN_ITEM_PARAGRAPH);
    g_assert_cmpint (plan_item_get_kind (third), ==, PLAN_ITEM_PARAGRAPH);
    g_assert_null (find_one (editor, GTK_TYPE_LABEL, match_marker, "III."));
  }

  /* Undo everything: the outline shows the original again. */
  while (plan_document_can_undo (document))
    plan_document_undo (document);
  g_assert_cmpuint (g_list_model_get_n_items (plan_document_get_body (document)), ==, 2);
  g_assert_null (find_one (editor, GTK_TYPE_LABEL, match_marker, "III."));
  g_assert_nonnull (find_one (editor, GTK_TYPE_LABEL, match_marker, "2."));

  /* Delete, and a table. */
  plan_outline_editor_reveal (editor, a);
  gtk_widget_activate_action (editor, "outline.delete", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (plan_item_get_children (one)), ==, 1);
  g_assert_nonnull (find_one (editor, GTK_TYPE_LABEL, match_marker, "1."));
  gtk_widget_activate_action (editor, "outline.add-table", NULL);
  g_assert_nonnull (find_one (editor, PLAN_TYPE_TABLE_EDITOR, NULL, NULL));
  gui_test_run_for (100);

  save_screenshot (window, "editor-outline");
  close_window (window);
}

/* ---- Closing -------------------------------------------------------------------------------- */

static void
test_closing (void)
{
  g_autoptr(PlanDocument) document = plan_document_new ();
  GListModel *recipients = plan_document_get_recipients (document);
  g_autoptr(PlanRecipient) first = plan_recipient_new ("Phòng GD&ĐT", "b/cáo");
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  GtkWidget *editor, *authority, *name;
  GtkWindow *window;

  plan_document_insert (document, recipients, 0, first);
  plan_document_set (document, document, "signer-title", "HIỆU TRƯỞNG",
                     "signer-name", "Nguyễn Thị Hoa", "archive", "VT", NULL);
  plan_document_clear_undo (document);

  editor = plan_closing_editor_new (document);
  window = show_in_window (editor, 900, 900);

  find_all (editor, GTK_TYPE_ENTRY, NULL, NULL, entries);
  g_assert_cmpuint (entries->len, >=, 2);
  g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (entries, 0)), ==, "Phòng GD&ĐT");
  g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (entries, 1)), ==, "b/cáo");
  name = find_one (editor, ADW_TYPE_ENTRY_ROW, match_row_title, "Full name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Nguyễn Thị Hoa");

  gtk_widget_activate_action (editor, "closing.add-recipient", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (recipients), ==, 2);
  g_ptr_array_set_size (entries, 0);
  find_all (editor, GTK_TYPE_ENTRY, NULL, NULL, entries);
  gtk_editable_set_text (g_ptr_array_index (entries, 2), "Lưu");
  {
    g_autoptr(PlanRecipient) added = g_list_model_get_item (recipients, 1);
    g_assert_cmpstr (plan_recipient_get_name (added), ==, "Lưu");
  }

  /* "KT." from the authority menu goes in front of the line. */
  authority = find_one (editor, GTK_TYPE_TEXT_VIEW, match_name, "signer-authority");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (authority)), "HIỆU TRƯỞNG", -1);
  {
    GtkWidget *kt = NULL;
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
    GtkWidget *menu = find_one (editor, GTK_TYPE_MENU_BUTTON, NULL, NULL);
    GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu));

    find_all (GTK_WIDGET (popover), GTK_TYPE_BUTTON, NULL, NULL, buttons);
    g_assert_cmpuint (buttons->len, ==, 5);
    kt = g_ptr_array_index (buttons, 1);
    g_signal_emit_by_name (kt, "clicked");
    g_assert_cmpstr (plan_document_get_signer_authority (document), ==, "KT. HIỆU TRƯỞNG");
  }

  while (plan_document_can_undo (document))
    plan_document_undo (document);
  g_assert_cmpuint (g_list_model_get_n_items (recipients), ==, 1);
  g_assert_cmpstr (plan_document_get_signer_authority (document), ==, "");
  g_assert_true (match_text (authority, ""));

  save_screenshot (window, "editor-closing");
  close_window (window);
}

/* ---- Table ---------------------------------------------------------------------------------- */

static PlanTable *
build_table (guint n_rows)
{
  PlanTable *table = plan_table_new (3);
  const char * const header[] = { "TT", "Nội dung", "Ghi chú", NULL };

  plan_row_set_texts (plan_table_append_header_row (table), header);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *content = g_strdup_printf ("Nội dung %u", i + 1);
      const char * const texts[] = { "", content, "", NULL };

      plan_row_set_texts (plan_table_append_row (table), texts);
    }
  g_object_set (table, "numbered", TRUE, NULL);
  return table;
}

static PlanDocument *
document_with_table (PlanTable *table)
{
  PlanDocument *document = plan_document_new ();
  g_autoptr(PlanAppendix) appendix = plan_appendix_new ("PHÂN CÔNG NHIỆM VỤ");
  g_autoptr(PlanItem) item = plan_item_new_table (table);

  plan_document_insert (document, plan_appendix_get_content (appendix), 0, item);
  plan_document_insert (document, plan_document_get_appendices (document), 0, appendix);
  plan_document_clear_undo (document);
  return document;
}

static gboolean
rows_at_least (gpointer data)
{
  gpointer *pair = data;

  return g_list_model_get_n_items (plan_table_get_rows (pair[0])) >= GPOINTER_TO_UINT (pair[1]);
}

static const char *
cell_text (PlanTable *table,
           guint      row,
           guint      column)
{
  g_autoptr(PlanRow) r = g_list_model_get_item (plan_table_get_rows (table), row);

  return plan_cell_get_text (plan_row_get_cell (r, column));
}

static void
test_table (void)
{
  g_autoptr(PlanTable) table = build_table (2);
  g_autoptr(PlanDocument) document = document_with_table (table);
  GtkWidget *editor;
  GtkWindow *window;
  gpointer pair[2] = { table, GUINT_TO_POINTER (4) };

  editor = plan_table_editor_new (document, table);
  window = show_in_window (editor, 1000, 600);

  /* Visible cells show the model; the TT column is numbered. */
  g_assert_nonnull (find_one (editor, GTK_TYPE_LABEL, match_cell, "Nội dung 2"));
  g_assert_nonnull (find_one (editor, GTK_TYPE_LABEL, match_cell, "Ghi chú"));
  g_assert_nonnull (find_one (editor, GTK_TYPE_LABEL, match_label, "2"));

  /* Paste two spreadsheet rows (one cell with a line break) after the selected row: the
   * numbered TT column is skipped because the rows have one cell less. */
  plan_table_editor_set_current_cell (PLAN_TABLE_EDITOR (editor), 2, 1);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (editor),
                          "Kiểm tra\t\"Tổ Toán\nTổ Văn\"\nTổng kết\tBan giám hiệu\n");
  gtk_widget_activate_action (editor, "table.paste-rows", NULL);
  g_assert_true (gui_test_wait (rows_at_least, pair, 2000));
  g_assert_cmpuint (g_list_model_get_n_items (plan_table_get_rows (table)), ==, 4);
  g_assert_cmpstr (cell_text (table, 2, 1), ==, "Kiểm tra");
  g_assert_cmpstr (cell_text (table, 2, 2), ==, "Tổ Toán\nTổ Văn");
  g_assert_cmpstr (cell_text (table, 3, 1), ==, "Tổng kết");
  gui_test_run_for (50);
  g_assert_nonnull (find_one (editor, GTK_TYPE_LABEL, match_cell, "Tổ Toán\nTổ Văn"));

  /* Clicking a cell opens its editor; typing goes to the model and the cell shows it. */
  {
    GtkWidget *label = find_one (editor, GTK_TYPE_LABEL, match_cell, "Nội dung 1");
    GtkWidget *popover = find_one (editor, GTK_TYPE_POPOVER, match_has_text_view, NULL);
    GtkWidget *view;

    g_signal_emit_by_name (gtk_widget_get_parent (label), "clicked");
    gui_test_run_for (50);
    g_assert_true (gtk_widget_get_visible (popover));
    view = find_one (popover, GTK_TYPE_TEXT_VIEW, NULL, NULL);
    g_assert_true (match_text (view, "Nội dung 1"));
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "Họp tổ\nchuyên môn", -1);
    g_assert_cmpstr (cell_text (table, 0, 1), ==, "Họp tổ\nchuyên môn");
    gtk_popover_popdown (GTK_POPOVER (popover));
    gui_test_run_for (50);
    g_assert_cmpstr (cell_text (table, 0, 1), ==, "Họp tổ\nchuyên môn");
    /* The focus is back on the edited cell. */
    g_assert_true (gtk_widget_is_ancestor (label, focus_widget (editor)) ||
                   gtk_widget_get_parent (label) == focus_widget (editor));
    g_assert_nonnull (find_one (editor, GTK_TYPE_LABEL, match_cell, "Họp tổ\nchuyên môn"));
  }

  /* Merge the notes cell of the last row into the one above; the editor shows it merged. */
  plan_table_editor_set_current_cell (PLAN_TABLE_EDITOR (editor), 4, 2);
  gtk_widget_activate_action (editor, "table.merge-up", NULL);
  {
    g_autoptr(PlanRow) row = g_list_model_get_item (plan_table_get_rows (table), 3);
    g_assert_cmpint (plan_cell_get_merge (plan_row_get_cell (row, 2)), ==, PLAN_MERGE_UP);
  }
  g_assert_nonnull (find_one (editor, GTK_TYPE_LABEL, match_label, "↑ merged"));

  /* Copy the two pasted rows out again. */
  {
    GtkSelectionModel *selection = plan_table_editor_get_selection (PLAN_TABLE_EDITOR (editor));
    g_autofree char *copied = NULL;

    gtk_selection_model_select_range (selection, 3, 2, TRUE);
    gtk_widget_activate_action (editor, "table.copy-rows", NULL);
    g_assert_false (gdk_clipboard_is_local (gtk_widget_get_clipboard (editor)) == FALSE);
    {
      GValue value = G_VALUE_INIT;
      GdkContentProvider *provider = gdk_clipboard_get_content (gtk_widget_get_clipboard (editor));

      g_value_init (&value, G_TYPE_STRING);
      g_assert_true (gdk_content_provider_get_value (provider, &value, NULL));
      copied = g_value_dup_string (&value);
      g_value_unset (&value);
    }
    g_assert_cmpstr (copied, ==, "\tKiểm tra\t\"Tổ Toán\nTổ Văn\"\n\tTổng kết\t\n");

    /* Duplicate and move. */
    gtk_selection_model_select_item (selection, 1, TRUE);
    gtk_widget_activate_action (editor, "table.duplicate-rows", NULL);
    g_assert_cmpuint (g_list_model_get_n_items (plan_table_get_rows (table)), ==, 5);
    g_assert_cmpstr (cell_text (table, 1, 1), ==, "Họp tổ\nchuyên môn");
    gtk_selection_model_select_item (selection, 2, TRUE);
    gtk_widget_activate_action (editor, "table.move-rows-down", NULL);
    g_assert_cmpstr (cell_text (table, 1, 1), ==, "Nội dung 2");
    g_assert_cmpstr (cell_text (table, 2, 1), ==, "Họp tổ\nchuyên môn");
    /* The moved copy stays selected: delete it. */
    gtk_widget_activate_action (editor, "table.delete-rows", NULL);
    g_assert_cmpstr (cell_text (table, 2, 1), ==, "Kiểm tra");
    g_assert_cmpuint (g_list_model_get_n_items (plan_table_get_rows (table)), ==, 4);
  }

  /* Columns: add one (every row gets a cell), then undo all. */
  gtk_widget_activate_action (editor, "table.add-column", NULL);
  g_assert_cmpuint (plan_table_get_n_columns (table), ==, 4);
  {
    g_autoptr(PlanRow) row = g_list_model_get_item (plan_table_get_rows (table), 3);
    g_assert_cmpuint (g_list_model_get_n_items (plan_row_get_cells (row)), ==, 4);
  }
  gui_test_run_for (50);
  save_screenshot (window, "editor-table");

  while (plan_document_can_undo (document))
    plan_document_undo (document);
  g_assert_cmpuint (plan_table_get_n_columns (table), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (plan_table_get_rows (table)), ==, 2);
  g_assert_cmpstr (cell_text (table, 0, 1), ==, "Nội dung 1");
  gui_test_run_for (50);
  g_assert_nonnull (find_one (editor, GTK_TYPE_LABEL, match_cell, "Nội dung 1"));

  close_window (window);
}

static gboolean
first_cell_mapped (gpointer data)
{
  GtkWidget *cell = find_one (data, GTK_TYPE_LABEL, match_cell, "Nội dung 1");

  return cell != NULL && gtk_widget_get_mapped (cell);
}

static void
test_table_1000_rows (void)
{
  g_autoptr(PlanTable) table = build_table (1000);
  g_autoptr(PlanDocument) document = document_with_table (table);
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autoptr(GPtrArray) all_widgets = g_ptr_array_new ();
  GtkWidget *editor;
  GtkWindow *window;

  /* How long this takes is measured by bench/table-editor-bench, not asserted here. */
  editor = plan_table_editor_new (document, table);
  window = show_in_window (editor, 1000, 700);
  g_assert_true (gui_test_wait (first_cell_mapped, editor, 30000));

  /* Recycled: only the rows near the visible ones have widgets (GTK 4.8's list views keep about
   * 200 rows), not one per cell (3,000). */
  find_all (editor, GTK_TYPE_LABEL, match_css_class, "plan-cell", views);
  find_all (editor, GTK_TYPE_WIDGET, NULL, NULL, all_widgets);
  g_test_message ("%u cell widgets and %u widgets in all for 3,000 cells", views->len,
                  all_widgets->len);
  g_assert_cmpuint (views->len, >, 0);
  g_assert_cmpuint (views->len, <, 1000);
  /* The list knows all the rows. */
  g_assert_nonnull (find_one (editor, GTK_TYPE_COLUMN_VIEW, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (
                      GTK_COLUMN_VIEW (find_one (editor, GTK_TYPE_COLUMN_VIEW, NULL, NULL))))),
                    >=, 1000);

  gtk_widget_activate_action (editor, "table.add-row", NULL);
  gui_test_run_for (100);
  g_assert_cmpuint (g_list_model_get_n_items (plan_table_get_rows (table)), ==, 1001);
  close_window (window);
}

static gboolean
match_action (GtkWidget    *widget,
              gconstpointer data)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

/* A numbered item printed as plain text (a khoản without a heading) or with a bold heading. */
static void
test_outline_heading_toggle (void)
{
  g_autoptr(PlanDocument) document = build_document ();
  g_autoptr(PlanItem) section = g_list_model_get_item (plan_document_get_body (document), 0);
  g_autoptr(PlanItem) item = g_list_model_get_item (plan_item_get_children (section), 0);
  GtkWidget *editor = plan_outline_editor_new (document, plan_document_get_body (document));
  GtkWindow *window = show_in_window (editor, 900, 700);
  GtkWidget *toggle = find_one (editor, GTK_TYPE_TOGGLE_BUTTON, match_action,
                                "outline.toggle-heading");
  GtkWidget *view;

  plan_outline_editor_reveal (editor, item);
  gui_test_run_for (50);
  g_assert_true (gtk_widget_activate_action (editor, "outline.toggle-heading", NULL));
  gui_test_run_for (50);
  g_assert_true (plan_text_is_empty (plan_item_get_heading (item)));
  g_assert_cmpuint (g_list_model_get_n_items (plan_item_get_paragraphs (item)), ==, 1);
  {
    g_autoptr(PlanParagraph) paragraph = g_list_model_get_item (plan_item_get_paragraphs (item), 0);

    g_assert_cmpstr (plan_text_get_plain (plan_paragraph_get_text (paragraph)), ==, "Mục đích");
  }
  /* Shown as text only, and the toolbar's "Heading" is off. */
  view = find_one (editor, GTK_TYPE_TEXT_VIEW, match_text, "Mục đích");
  g_assert_nonnull (view);
  g_assert_false (gtk_widget_has_css_class (view, "heading"));
  g_assert_nonnull (toggle);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));

  /* And back, in one undo step each way. */
  g_assert_true (gtk_widget_activate_action (editor, "outline.toggle-heading", NULL));
  g_assert_cmpstr (plan_text_get_plain (plan_item_get_heading (item)), ==, "Mục đích");
  g_assert_cmpuint (g_list_model_get_n_items (plan_item_get_paragraphs (item)), ==, 0);
  plan_document_undo (document);
  g_assert_true (plan_text_is_empty (plan_item_get_heading (item)));
  plan_document_undo (document);
  g_assert_cmpstr (plan_text_get_plain (plan_item_get_heading (item)), ==, "Mục đích");

  /* Sections always have their heading. */
  plan_outline_editor_reveal (editor, section);
  gui_test_run_for (50);
  g_assert_false (gtk_widget_activate_action (editor, "outline.toggle-heading", NULL) &&
                  plan_text_is_empty (plan_item_get_heading (section)));
  g_assert_cmpstr (plan_text_get_plain (plan_item_get_heading (section)), ==, "MỤC ĐÍCH, YÊU CẦU");
  close_window (window);
}

static gboolean
match_tooltip_prefix (GtkWidget    *widget,
                      gconstpointer data)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  return tooltip != NULL && g_str_has_prefix (tooltip, data);
}

/* Picks the entry of @drop_down whose text is @label, as a click in its list does. */
static void
choose_in_drop_down (GtkWidget  *drop_down,
                     const char *label)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (drop_down));
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), i);
        return;
      }
  g_error ("no entry “%s” in the drop-down", label);
}

static const char *
drop_down_text (GtkWidget *drop_down)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (drop_down));
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (drop_down));

  return selected < g_list_model_get_n_items (model)
         ? gtk_string_list_get_string (GTK_STRING_LIST (model), selected) : NULL;
}

/* Numbering as the office writes it: the list's style chosen in the toolbar, a marker written
 * by hand in the marker field (shown as such), one click on "Renumber", undo. */
static void
test_outline_numbering (void)
{
  g_autoptr(PlanDocument) document = build_document ();
  g_autoptr(PlanItem) one = body_item (document, 0);
  g_autoptr(PlanItem) a = child_item (one, 0);
  g_autoptr(PlanItem) b = child_item (one, 1);
  PlanItem *points[6];
  GtkWidget *editor, *style, *marker, *renumber, *label;
  GtkWindow *window;

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      g_autoptr(PlanItem) point = plan_item_new (PLAN_ITEM_POINT, NULL);

      plan_item_append_paragraph (point, "Nội dung điểm.");
      plan_document_insert (document, plan_item_get_children (a), i, point);
      points[i] = point;
    }
  plan_document_clear_undo (document);

  editor = plan_outline_editor_new (document, plan_document_get_body (document));
  window = show_in_window (editor, 1100, 800);
  style = find_one (editor, GTK_TYPE_DROP_DOWN, match_tooltip_prefix, "Numbering style");
  marker = find_one (editor, GTK_TYPE_ENTRY, match_tooltip_prefix, "Marker of the current item");
  renumber = find_one (editor, GTK_TYPE_BUTTON, match_action, "outline.renumber");
  g_assert_nonnull (style);
  g_assert_nonnull (marker);
  g_assert_nonnull (renumber);
  g_assert_false (gtk_widget_get_visible (renumber));

  /* A point's list: automatic, the Vietnamese letters */
  plan_outline_editor_reveal (editor, points[0]);
  gui_test_run_for (50);
  g_assert_true (gtk_widget_get_sensitive (style));
  g_assert_cmpstr (drop_down_text (style), ==, "Automatic: a), b), c), d), đ)");
  g_assert_nonnull (find_one (editor, GTK_TYPE_LABEL, match_marker, "đ)"));
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (marker)), ==, "a)");

  /* "a." for this list only: the numbered items keep "1." */
  choose_in_drop_down (style, "a., b., c., d., đ.");
  g_assert_cmpint (plan_item_get_marker_format (points[0]), ==, PLAN_MARKER_LETTER);
  g_assert_cmpstr (plan_item_get_marker_suffix (points[0]), ==, ".");
  g_assert_cmpint (plan_item_get_marker_format (points[5]), ==, PLAN_MARKER_AUTO);
  g_assert_nonnull (find_one (editor, GTK_TYPE_LABEL, match_marker, "đ."));
  g_assert_null (find_one (editor, GTK_TYPE_LABEL, match_marker, "đ)"));
  g_assert_nonnull (find_one (editor, GTK_TYPE_LABEL, match_marker, "2."));

  /* The Latin sequence, with f */
  choose_in_drop_down (style, "a), b), c), d), e)");
  g_assert_nonnull (find_one (editor, GTK_TYPE_LABEL, match_marker, "f)"));
  g_assert_cmpint (plan_item_get_marker_format (points[0]), ==, PLAN_MARKER_LETTER_LATIN);
  /* Undo is one step per choice */
  plan_document_undo (document);
  g_assert_cmpint (plan_item_get_marker_format (points[0]), ==, PLAN_MARKER_LETTER);
  g_assert_cmpstr (drop_down_text (style), ==, "a., b., c., d., đ.");
  plan_document_undo (document);
  g_assert_cmpint (plan_item_get_marker_format (points[0]), ==, PLAN_MARKER_AUTO);
  g_assert_cmpstr (drop_down_text (style), ==, "Automatic: a), b), c), d), đ)");

  /* A marker kept as written: the office skipped "đ)", so its sixth point is "f)" where the
   * sequence gives "e)" */
  plan_outline_editor_reveal (editor, points[5]);
  gui_test_run_for (50);
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (marker)), ==, "e)");
  gtk_editable_set_text (GTK_EDITABLE (marker), "f)");
  g_assert_cmpstr (plan_item_get_marker (points[5]), ==, "f)");
  label = find_one (editor, GTK_TYPE_LABEL, match_marker, "f)");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (label, "literal"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (label), ==,
                   "Marker written by hand (automatic: “e)”)");
  g_assert_true (gtk_widget_get_visible (renumber));
  /* Numbered items too: a skipped number */
  plan_outline_editor_reveal (editor, b);
  gui_test_run_for (50);
  gtk_editable_set_text (GTK_EDITABLE (marker), "3.");
  g_assert_nonnull (find_one (editor, GTK_TYPE_LABEL, match_marker, "3."));
  g_assert_null (find_one (editor, GTK_TYPE_LABEL, match_marker, "2."));
  save_screenshot (window, "editor-outline-numbering");

  /* One click: every marker computed again */
  g_signal_emit_by_name (renumber, "clicked");
  g_assert_cmpstr (plan_item_get_marker (points[5]), ==, "");
  g_assert_cmpstr (plan_item_get_marker (b), ==, "");
  g_assert_nonnull (find_one (editor, GTK_TYPE_LABEL, match_marker, "e)"));
  g_assert_null (find_one (editor, GTK_TYPE_LABEL, match_marker, "f)"));
  g_assert_nonnull (find_one (editor, GTK_TYPE_LABEL, match_marker, "2."));
  g_assert_false (gtk_widget_get_visible (renumber));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (marker)), ==, "");

  /* and undone in one step */
  plan_document_undo (document);
  g_assert_cmpstr (plan_item_get_marker (points[5]), ==, "f)");
  g_assert_cmpstr (plan_item_get_marker (b), ==, "3.");
  g_assert_true (gtk_widget_get_visible (renumber));

  /* Paragraphs have no list style */
  {
    g_autoptr(PlanItem) paragraph = plan_item_new (PLAN_ITEM_PARAGRAPH, NULL);

    plan_item_append_paragraph (paragraph, "Đoạn văn.");
    plan_document_insert (document, plan_document_get_body (document), 2, paragraph);
    plan_outline_editor_reveal (editor, paragraph);
    gui_test_run_for (50);
    g_assert_false (gtk_widget_get_sensitive (style));
    g_assert_true (gtk_widget_get_sensitive (marker));
  }
  close_window (window);
}

/* Paragraph form: the alignment and the first-line indent of the paragraph with the cursor,
 * shown in its field; the lines under the signer's name in bold. */
static void
test_paragraph_form (void)
{
  g_autoptr(PlanDocument) document = build_document ();
  g_autoptr(PlanItem) one = body_item (document, 0);
  g_autoptr(PlanItem) b = child_item (one, 1);
  g_autoptr(PlanParagraph) paragraph = g_list_model_get_item (plan_item_get_paragraphs (b), 0);
  GtkWidget *editor, *align, *first_line, *view, *closing, *bold;
  GtkWindow *window;

  editor = plan_outline_editor_new (document, plan_document_get_body (document));
  window = show_in_window (editor, 1100, 700);
  align = find_one (editor, GTK_TYPE_DROP_DOWN, match_tooltip_prefix, "Alignment of the paragraph");
  first_line = find_one (editor, GTK_TYPE_TOGGLE_BUTTON, match_tooltip_prefix,
                         "Indent the first line");
  g_assert_nonnull (align);
  g_assert_nonnull (first_line);

  /* In a heading: nothing to align */
  plan_outline_editor_reveal (editor, b);
  gui_test_run_for (50);
  g_assert_false (gtk_widget_get_sensitive (align));

  view = find_one (editor, PLAN_TYPE_RICH_TEXT_VIEW, match_text, "Thiết thực, hiệu quả.");
  g_assert_nonnull (view);
  plan_rich_text_view_focus_at (PLAN_RICH_TEXT_VIEW (view), 0);
  gui_test_run_for (50);
  g_assert_true (gtk_widget_get_sensitive (align));
  g_assert_cmpstr (drop_down_text (align), ==, "Justified");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (first_line)));

  choose_in_drop_down (align, "Centred");
  g_assert_cmpint (plan_paragraph_get_alignment (paragraph), ==, PLAN_ALIGN_CENTER);
  g_assert_cmpint (gtk_text_view_get_justification (GTK_TEXT_VIEW (view)), ==, GTK_JUSTIFY_CENTER);
  g_assert_false (gtk_widget_get_sensitive (first_line));
  save_screenshot (window, "editor-paragraph-form");

  choose_in_drop_down (align, "Justified");
  g_assert_true (gtk_widget_get_sensitive (first_line));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (first_line), FALSE);
  g_assert_false (plan_paragraph_get_indent (paragraph));

  /* One undo step each */
  plan_document_undo (document);
  g_assert_true (plan_paragraph_get_indent (paragraph));
  plan_document_undo (document);
  g_assert_cmpint (plan_paragraph_get_alignment (paragraph), ==, PLAN_ALIGN_CENTER);
  g_assert_cmpstr (drop_down_text (align), ==, "Centred");
  plan_document_undo (document);
  g_assert_cmpint (plan_paragraph_get_alignment (paragraph), ==, PLAN_ALIGN_JUSTIFY);
  close_window (window);

  closing = plan_closing_editor_new (document);
  window = show_in_window (closing, 900, 900);
  bold = find_one (closing, ADW_TYPE_ACTION_ROW, match_row_title, "Lines under the name in bold");
  g_assert_nonnull (bold);
  g_assert_false (plan_document_get_signer_notes_bold (document));
  gtk_switch_set_active (GTK_SWITCH (find_one (bold, GTK_TYPE_SWITCH, NULL, NULL)), TRUE);
  g_assert_true (plan_document_get_signer_notes_bold (document));
  plan_document_undo (document);
  g_assert_false (plan_document_get_signer_notes_bold (document));
  close_window (window);
}

static gboolean
match_drop_down_with (GtkWidget    *widget,
                      gconstpointer data)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (widget));

  for (guint i = 0; model != NULL && GTK_IS_STRING_LIST (model) && i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), data))
      return TRUE;
  return FALSE;
}

/* Tables as offices style them, set in the table editor's Format popover and footnote field */
static void
test_table_format (void)
{
  g_autoptr(PlanTable) table = build_table (2);
  g_autoptr(PlanDocument) document = document_with_table (table);
  const char * const numbers[] = { "(1)", "(2)", "(3)", NULL };
  GtkWidget *editor, *size, *valign, *repeat, *footnote, *second;
  g_autoptr(GPtrArray) styles = g_ptr_array_new ();
  GtkWindow *window;

  editor = plan_table_editor_new (document, table);
  window = show_in_window (editor, 1000, 600);
  size = find_one (editor, GTK_TYPE_DROP_DOWN, match_drop_down_with, "14 pt");
  valign = find_one (editor, GTK_TYPE_DROP_DOWN, match_drop_down_with, "Centred vertically");
  footnote = find_one (editor, GTK_TYPE_ENTRY, NULL, NULL);
  g_assert_nonnull (size);
  g_assert_nonnull (valign);
  g_assert_cmpstr (drop_down_text (size), ==, "Usual (12 pt)");

  choose_in_drop_down (size, "14 pt");
  g_assert_cmpuint (plan_table_get_font_size (table), ==, 14);
  choose_in_drop_down (valign, "Centred vertically");
  g_assert_cmpint (plan_table_get_vertical_alignment (table), ==, PLAN_VALIGN_CENTER);

  {
    g_autoptr(GPtrArray) switches = g_ptr_array_new ();

    find_all (editor, GTK_TYPE_SWITCH, NULL, NULL, switches);
    repeat = NULL;
    for (guint i = 0; i < switches->len; i++)
      if (gtk_widget_get_ancestor (g_ptr_array_index (switches, i), GTK_TYPE_POPOVER) != NULL)
        repeat = g_ptr_array_index (switches, i);   /* the one in the Format popover */
    g_assert_true (gtk_switch_get_active (GTK_SWITCH (repeat)));
    g_assert_nonnull (repeat);
    gtk_switch_set_active (GTK_SWITCH (repeat), FALSE);
    g_assert_false (plan_table_get_repeat_header (table));
  }

  /* A second header row gets its own style drop-down */
  {
    g_autoptr(PlanRow) row = plan_row_new (3);

    plan_row_set_texts (row, numbers);
    plan_document_insert (document, plan_table_get_header_rows (table), 1, row);
    find_all (editor, GTK_TYPE_DROP_DOWN, match_drop_down_with, "Bold italic", styles);
    g_assert_cmpuint (styles->len, ==, 2);
    second = g_ptr_array_index (styles, 1);
    choose_in_drop_down (second, "Italic");
    g_assert_cmpint (plan_row_get_header_style (row), ==, PLAN_HEADER_ITALIC);
    /* the editor shows the row as it prints: italic, not bold */
    {
      GtkWidget *label = find_one (editor, GTK_TYPE_LABEL, match_cell, "(2)");

      g_assert_nonnull (label);
      g_assert_true (gtk_widget_has_css_class (label, "italic"));
      g_assert_false (gtk_widget_has_css_class (label, "heading"));
      g_assert_true (gtk_widget_has_css_class (find_one (editor, GTK_TYPE_LABEL, match_cell, "Nội dung"),
                                               "heading"));
    }
  }

  {
    GtkWidget *button = gtk_widget_get_ancestor (size, GTK_TYPE_MENU_BUTTON);

    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    gui_test_run_for (200);
    save_screenshot (window, "editor-table-format");
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  }

  /* The footnote field: the entries are title, note, footnote */
  {
    g_autoptr(GPtrArray) entries = g_ptr_array_new ();

    find_all (editor, GTK_TYPE_ENTRY, NULL, NULL, entries);
    footnote = g_ptr_array_index (entries, 2);
    g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (footnote)), ==,
                     "Footnote right under the table, printed in italic (optional), e.g. (*) …");
    gtk_editable_set_text (GTK_EDITABLE (footnote), "(*) Ghi chú");
    g_assert_cmpstr (plan_table_get_footnote (table), ==, "(*) Ghi chú");
  }

  /* Undo: each a step of its own, shown again in the controls */
  plan_document_undo (document);
  g_assert_cmpstr (plan_table_get_footnote (table), ==, "");
  plan_document_undo (document);
  g_assert_cmpint (plan_table_get_vertical_alignment (table), ==, PLAN_VALIGN_CENTER);
  plan_document_undo (document);
  plan_document_undo (document);
  g_assert_true (plan_table_get_repeat_header (table));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (repeat)));
  plan_document_undo (document);
  g_assert_cmpint (plan_table_get_vertical_alignment (table), ==, PLAN_VALIGN_TOP);
  g_assert_cmpstr (drop_down_text (valign), ==, "At the top");
  plan_document_undo (document);
  g_assert_cmpuint (plan_table_get_font_size (table), ==, 0);
  g_assert_cmpstr (drop_down_text (size), ==, "Usual (12 pt)");
  close_window (window);
}

/* Page numbers of the appendices: restart (default) or continue, in the general editor */
static void
test_appendix_page_numbers (void)
{
  g_autoptr(PlanDocument) document = build_document ();
  GtkWidget *editor = plan_general_editor_new (document);
  GtkWindow *window = show_in_window (editor, 900, 900);
  GtkWidget *numbers = find_one (editor, GTK_TYPE_DROP_DOWN, match_drop_down_with,
                                 "Continue from the plan");

  g_assert_nonnull (numbers);
  g_assert_cmpstr (drop_down_text (numbers), ==, "Restart in each appendix");
  choose_in_drop_down (numbers, "Continue from the plan");
  g_assert_cmpint (plan_document_get_appendix_page_numbering (document), ==,
                   PLAN_PAGE_NUMBERING_CONTINUE);
  plan_document_undo (document);
  g_assert_cmpint (plan_document_get_appendix_page_numbering (document), ==,
                   PLAN_PAGE_NUMBERING_RESTART);
  g_assert_cmpstr (drop_down_text (numbers), ==, "Restart in each appendix");
  close_window (window);
}

/* ---- Narrow windows ------------------------------------------------------------------------ */

static int
minimum_width (GtkWidget *widget)
{
  int minimum = 0, natural = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  return minimum;
}

/* The editors fit the narrow window (the window's sidebar and preview fold away under 420 px
 * of content): toolbars wrap or shrink, a wide table scrolls sideways. */
static void
test_narrow (void)
{
  g_autoptr(PlanTable) table = build_table (3);
  g_autoptr(PlanDocument) document = document_with_table (table);
  g_autoptr(PlanAppendix) appendix = g_list_model_get_item (plan_document_get_appendices (document), 0);
  struct {
    const char *name;
    GtkWidget  *editor;
  } editors[] = {
    { "table", plan_table_editor_new (document, table) },
    { "appendix", plan_appendix_editor_new (document, appendix) },
    { "outline", plan_outline_editor_new (document, plan_document_get_body (document)) },
    { "general", plan_general_editor_new (document) },
    { "preamble", plan_preamble_editor_new (document) },
    { "closing", plan_closing_editor_new (document) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (editors); i++)
    {
      GtkWindow *window;
      g_autofree char *shot = g_strdup_printf ("narrow-%s", editors[i].name);
      int width;

      g_object_ref_sink (editors[i].editor);
      width = minimum_width (editors[i].editor);
      g_test_message ("%s editor: minimum width %d px", editors[i].name, width);
      g_assert_cmpint (width, <=, 400);
      window = show_in_window (editors[i].editor, 400, 700);
      save_screenshot (window, shot);
      close_window (window);
      g_object_unref (editors[i].editor);
    }
}

/* ---- Appendix ------------------------------------------------------------------------------- */

static void
test_appendix (void)
{
  g_autoptr(PlanTable) table = build_table (3);
  g_autoptr(PlanDocument) document = document_with_table (table);
  g_autoptr(PlanAppendix) appendix = g_list_model_get_item (plan_document_get_appendices (document), 0);
  GtkWidget *editor, *title, *reference;
  GtkWindow *window;
  g_autofree char *expected = NULL;

  plan_document_set (document, document, "agency", "Trường THCS Lý Tự Trọng",
                     "agency-abbrev", "THCS", "number", 25u, "date-year", 2022u,
                     "date-month", 2u, "date-day", 15u, NULL);
  plan_document_clear_undo (document);

  editor = plan_appendix_editor_new (document, appendix);
  window = show_in_window (editor, 1100, 900);

  title = find_one (editor, GTK_TYPE_TEXT_VIEW, match_name, "appendix-title");
  g_assert_true (match_text (title, "PHÂN CÔNG NHIỆM VỤ"));
  reference = find_one (editor, ADW_TYPE_COMBO_ROW, match_row_title, "Reference line");
  expected = plan_document_dup_appendix_reference (document, appendix);
  g_assert_nonnull (expected);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (reference)), ==, expected);

  /* The reference follows the plan's number live. */
  plan_document_set (document, document, "number", 26u, NULL);
  g_clear_pointer (&expected, g_free);
  expected = plan_document_dup_appendix_reference (document, appendix);
  g_assert_nonnull (strstr (expected, "26/KH-THCS"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (reference)), ==, expected);

  /* Custom label. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_one (editor, ADW_TYPE_COMBO_ROW, match_row_title,
                                                       "First line")), PLAN_LABEL_CUSTOM);
  g_assert_cmpint (plan_appendix_get_label_mode (appendix), ==, PLAN_LABEL_CUSTOM);
  gtk_editable_set_text (GTK_EDITABLE (find_one (editor, ADW_TYPE_ENTRY_ROW, match_row_title,
                                                 "First line, e.g.")), "Phụ lục số 01:");
  g_assert_cmpstr (plan_appendix_get_label (appendix), ==, "Phụ lục số 01:");

  /* The content is an outline with the table editor. */
  g_assert_nonnull (find_one (editor, PLAN_TYPE_OUTLINE_EDITOR, NULL, NULL));
  g_assert_nonnull (find_one (editor, PLAN_TYPE_TABLE_EDITOR, NULL, NULL));

  gui_test_run_for (50);
  save_screenshot (window, "editor-appendix");
  close_window (window);
}

/* ---- Samples -------------------------------------------------------------------------------- */

static void
test_samples (void)
{
  g_autoptr(GPtrArray) samples = gui_test_list_samples ();

  g_assert_cmpuint (samples->len, >, 0);
  for (guint i = 0; i < samples->len; i++)
    {
      const char *path = g_ptr_array_index (samples, i);
      g_autoptr(PlanDocument) document = load_sample (path);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *stem = g_strndup (base, strlen (base) - strlen (".kehoach.json"));
      GListModel *appendices = plan_document_get_appendices (document);
      GListModel *preamble = plan_document_get_preamble (document);
      GtkWidget *editor;
      GtkWindow *window;

      g_test_message ("sample %s", base);

      editor = plan_general_editor_new (document);
      window = show_in_window (editor, 900, 800);
      g_assert_nonnull (find_one (editor, GTK_TYPE_TEXT_VIEW, match_text,
                                  plan_document_get_agency (document)));
      g_assert_nonnull (find_one (editor, GTK_TYPE_TEXT_VIEW, match_text,
                                  plan_document_get_title (document)));
      if (i == 0)
        {
          g_autofree char *shot = g_strdup_printf ("sample-%s-general", stem);

          save_screenshot (window, shot);
        }
      close_window (window);

      editor = plan_preamble_editor_new (document);
      window = show_in_window (editor, 900, 800);
      for (guint k = 0; k < g_list_model_get_n_items (preamble); k++)
        {
          g_autoptr(PlanParagraph) paragraph = g_list_model_get_item (preamble, k);
          g_autofree char *shown = NULL;
          g_autoptr(GPtrArray) views = g_ptr_array_new ();

          find_all (editor, PLAN_TYPE_RICH_TEXT_VIEW, NULL, NULL, views);
          g_assert_cmpuint (views->len, ==, g_list_model_get_n_items (preamble));
          shown = buffer_text (g_ptr_array_index (views, k));
          g_assert_cmpstr (shown, ==, plan_text_get_plain (plan_paragraph_get_text (paragraph)));
        }
      close_window (window);

      editor = plan_outline_editor_new (document, plan_document_get_body (document));
      window = show_in_window (editor, 1100, 800);
      {
        g_autoptr(PlanItem) first = body_item (document, 0);

        if (first != NULL && !plan_text_is_empty (plan_item_get_heading (first)))
          g_assert_nonnull (find_one (editor, PLAN_TYPE_RICH_TEXT_VIEW, match_text,
                                      plan_text_get_plain (plan_item_get_heading (first))));
      }
      /* The sidebar reveals a section far down: the outline scrolls to it. */
      {
        GListModel *body = plan_document_get_body (document);
        guint n = g_list_model_get_n_items (body);
        g_autoptr(PlanItem) last = n > 0 ? g_list_model_get_item (body, n - 1) : NULL;
        GtkWidget *scrolled = find_one (editor, GTK_TYPE_SCROLLED_WINDOW, match_mapped, NULL);
        GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

        g_test_message ("outline %.0f px high, %.0f px shown",
                        gtk_adjustment_get_upper (adjustment), gtk_adjustment_get_page_size (adjustment));
        if (last != NULL && gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment) * 2)
          {
            plan_outline_editor_reveal (editor, last);
            gui_test_run_for (200);
            g_assert_true (plan_outline_editor_get_current (PLAN_OUTLINE_EDITOR (editor)) == last);
            g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
          }
      }
      {
        g_autofree char *shot = g_strdup_printf ("sample-%s-body", stem);

        save_screenshot (window, shot);
      }
      close_window (window);

      editor = plan_closing_editor_new (document);
      window = show_in_window (editor, 900, 900);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_one (editor, ADW_TYPE_ENTRY_ROW,
                                                                      match_row_title, "Full name"))),
                       ==, plan_document_get_signer_name (document));
      if (i == 0)
        {
          g_autofree char *shot = g_strdup_printf ("sample-%s-closing", stem);

          save_screenshot (window, shot);
        }
      close_window (window);

      for (guint k = 0; k < g_list_model_get_n_items (appendices); k++)
        {
          g_autoptr(PlanAppendix) appendix = g_list_model_get_item (appendices, k);

          editor = plan_appendix_editor_new (document, appendix);
          window = show_in_window (editor, 1280, 800);
          g_assert_true (match_text (find_one (editor, GTK_TYPE_TEXT_VIEW, match_name,
                                               "appendix-title"),
                                     plan_appendix_get_title (appendix)));
          {
            g_autofree char *shot = g_strdup_printf ("sample-%s-appendix-%u", stem, k + 1);

            save_screenshot (window, shot);
          }
          close_window (window);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  app = gui_test_init (&argc, &argv);
  /* The isolated XDG folders hide the system icon theme that users have. */
  if (app != NULL)
    gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/usr/share/icons");

  g_test_add_func ("/editors/clipboard/parse", test_clipboard_parse);
  if (app != NULL)
    {
      g_test_add_func ("/editors/general", test_general);
      g_test_add_func ("/editors/preamble", test_preamble);
      g_test_add_func ("/editors/outline", test_outline);
      g_test_add_func ("/editors/closing", test_closing);
      g_test_add_func ("/editors/table", test_table);
      g_test_add_func ("/editors/table/1000-rows", test_table_1000_rows);
      g_test_add_func ("/editors/appendix", test_appendix);
      g_test_add_func ("/editors/narrow", test_narrow);
      g_test_add_func ("/editors/outline/heading-toggle", test_outline_heading_toggle);
      g_test_add_func ("/editors/outline/numbering", test_outline_numbering);
      g_test_add_func ("/editors/paragraph-form", test_paragraph_form);
      g_test_add_func ("/editors/table/format", test_table_format);
      g_test_add_func ("/editors/appendix-page-numbers", test_appendix_page_numbers);
      g_test_add_func ("/editors/samples", test_samples);
    }

  return g_test_run ();
}
